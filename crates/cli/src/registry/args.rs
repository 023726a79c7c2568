//! The registry's command line: policies, data sources and packs, adapters, evaluations, MLflow
//! runs and lineage. Part of the CLI contract documented in README.

use std::path::PathBuf;

use clap::{Args, Subcommand};

#[derive(Subcommand)]
pub enum PolicyCommand {
    List {
        #[arg(long)]
        json: bool,
    },
    /// Record a policy guardrail.
    Add {
        #[arg(long)]
        title: String,
        /// acceptable_data_sources, rl_boundaries, prompt_management or other.
        #[arg(long)]
        category: String,
        #[arg(long)]
        owner: String,
        /// ISO date the policy takes effect, e.g. 2026-01-01.
        #[arg(long = "effective", value_name = "DATE")]
        effective_on: String,
        #[arg(long = "policy-version", value_name = "V", default_value = "1")]
        version: String,
        /// The policy's text.
        #[arg(long, default_value = "")]
        text: String,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
pub enum SourceCommand {
    List {
        #[arg(long)]
        json: bool,
    },
    /// Record a data source.
    Add {
        #[arg(long)]
        name: String,
        #[arg(long)]
        system: String,
        #[arg(long)]
        owner: String,
        /// public, internal, confidential or personal.
        #[arg(long)]
        classification: String,
        /// The acceptable-data-sources policy it is accepted under (omit: no policy accepts it).
        #[arg(long, value_name = "POLICY_ID")]
        policy: Option<String>,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
pub enum PackCommand {
    List {
        #[arg(long)]
        json: bool,
    },
    /// Record a curated data pack.
    Add {
        #[arg(long)]
        name: String,
        #[arg(long = "pack-version", value_name = "V")]
        version: String,
        /// A data source the pack was drawn from (repeat).
        #[arg(long = "source", value_name = "SOURCE_ID", required = true)]
        sources: Vec<String>,
        #[arg(long)]
        curated_by: String,
        #[arg(long = "records", value_name = "N")]
        record_count: i64,
        /// none, pseudonymised or personal.
        #[arg(long)]
        personal_data: String,
        /// A file whose SHA-256 pins the pack's contents.
        #[arg(long)]
        file: Option<PathBuf>,
        #[arg(long)]
        json: bool,
    },
    /// A compliance officer approves the pack (recorded in the name of the person working).
    Approve {
        id: String,
        /// The approver, when given: must be the person working (`--as`).
        #[arg(long, value_name = "NAME")]
        by: Option<String>,
        /// ISO date; default today.
        #[arg(long = "on", value_name = "DATE")]
        on: Option<String>,
    },
}

#[derive(Subcommand)]
pub enum AdapterCommand {
    /// Import a Hugging Face PEFT folder as a new candidate version.
    Import {
        #[arg(value_name = "DIR")]
        dir: PathBuf,
        #[arg(long)]
        name: String,
        /// Semantic version, e.g. 1.2.0.
        #[arg(long)]
        version: String,
        #[arg(long = "use-case", value_name = "ID")]
        use_case: Option<String>,
        /// A data pack the adapter was trained on (repeat).
        #[arg(long = "data-pack", value_name = "ID")]
        data_packs: Vec<String>,
        /// The base model, when the folder's config names none (PEFT writes null for unnamed
        /// models).
        #[arg(long, value_name = "MODEL")]
        base_model: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Record the base model of a version whose PEFT config named none.
    BaseModel { id: String, model: String },
    List {
        #[arg(long)]
        json: bool,
    },
    /// Every version of one adapter (id or name).
    Versions {
        adapter: String,
        #[arg(long)]
        json: bool,
    },
    /// One version: config, weights, evaluations and deployments.
    Show {
        id: String,
        #[arg(long)]
        json: bool,
    },
    /// What changed from version A to version B.
    Diff {
        a: String,
        b: String,
        #[arg(long)]
        json: bool,
    },
    /// Move a version to approved or retired (deployed comes from `adapter deploy`).
    Status { id: String, status: String },
    /// Record a deployment of an approved version to an environment or pilot phase.
    Deploy {
        id: String,
        /// Environment or pilot phase.
        #[arg(long)]
        target: String,
        /// Who approved it: you (given only to confirm; a deployment is recorded in the name of
        /// the person working).
        #[arg(long, value_name = "NAME")]
        approved_by: Option<String>,
        /// ISO date; default today.
        #[arg(long = "on", value_name = "DATE")]
        on: Option<String>,
        /// Deploy despite the regression gate, with this rationale (executives only; recorded
        /// as a steering decision with the refusal it overrides)
        #[arg(long = "override", value_name = "RATIONALE")]
        override_rationale: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// The regression gate for a version: each metric against the version deployed before it
    /// for its use case (or the use case's baseline); exit 2 naming each failing metric
    Regression {
        id: String,
        #[arg(long)]
        json: bool,
    },
    /// How much worse a metric may get for a use case and still pass the regression gate; with
    /// --suite, --metric and --tolerance, set one (executives only; 0 restores the default)
    Tolerance {
        use_case: String,
        #[arg(long, requires_all = ["metric", "tolerance"])]
        suite: Option<String>,
        #[arg(long, requires_all = ["suite", "tolerance"])]
        metric: Option<String>,
        #[arg(long, requires_all = ["suite", "metric"])]
        tolerance: Option<f64>,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
pub enum EvalCommand {
    /// Import lm-evaluation-harness results JSON or a CSV (suite,metric,value,higher_is_better).
    Import {
        #[arg(value_name = "FILE")]
        file: PathBuf,
        #[arg(long = "adapter-version", value_name = "ID")]
        adapter_version: String,
        /// Who ran it; default: you.
        #[arg(long, value_name = "NAME")]
        run_by: Option<String>,
        /// When it ran (ISO date); default: the date in the file, else the file's date.
        #[arg(long = "date", value_name = "DATE")]
        run_on: Option<String>,
        #[arg(long)]
        json: bool,
    },
    Show {
        id: String,
        #[arg(long)]
        json: bool,
    },
    /// Mark an evaluation as the baseline of a use case.
    Baseline {
        id: String,
        #[arg(long = "use-case", value_name = "ID")]
        use_case: String,
    },
}

#[derive(Subcommand)]
pub enum MlflowCommand {
    /// Read a run from a local MLflow file store into an adapter version.
    Import {
        #[arg(value_name = "MLRUNS_DIR")]
        mlruns: PathBuf,
        #[arg(long, value_name = "RUN_ID")]
        run: String,
        #[arg(long = "adapter-version", value_name = "ID")]
        adapter_version: String,
        #[arg(long)]
        json: bool,
    },
}

/// `steerco lineage ID [--json|--dot]`, `steerco lineage --check`, `steerco lineage export …`.
#[derive(Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct LineageArgs {
    /// The adapter version whose lineage to show.
    #[arg(value_name = "ADAPTER_VERSION_ID", required_unless_present = "check")]
    pub id: Option<String>,
    #[arg(long, conflicts_with = "dot")]
    pub json: bool,
    /// Graphviz DOT, left to right, gaps in red.
    #[arg(long)]
    pub dot: bool,
    /// Check every deployed version; exit 1 naming each gap.
    #[arg(long, conflicts_with_all = ["id", "dot"])]
    pub check: bool,
    #[command(subcommand)]
    pub export: Option<LineageExport>,
}

#[derive(Subcommand)]
pub enum LineageExport {
    /// Write OpenLineage RunEvents (one JSON per line), one per adapter version's training.
    Export {
        #[arg(long, value_name = "FILE")]
        openlineage: PathBuf,
    },
}
