//! The command line, as clap parses it. Names and shapes here are the CLI contract documented in
//! README; change them only with it.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

pub use crate::compliance::args::{
    AuditCommand, BiasCommand, FrameworkCommand, OversightCommand, PersonCommand, RiskCommand, SignoffArgs,
};
pub use crate::pilots::args::{AlertCommand, BlueprintCommand, FeedbackCommand, MonitoringCommand, PilotCommand};
pub use crate::registry::args::{
    AdapterCommand, EvalCommand, LineageArgs, MlflowCommand, PackCommand, PolicyCommand, SourceCommand,
};
pub use crate::steering::args::{
    BacklogCommand, CadenceCommand, ChartCommand, MeetingCommand, MetricsCommand, ValueCommand,
};
pub use crate::workshop_args::WorkshopCommand;

#[derive(Parser)]
#[command(name = "steerco", version, about = "Steerco: run an enterprise LoRA programme from one portfolio file.")]
pub struct Cli {
    /// Portfolio file. Defaults to the file the desktop app opens.
    #[arg(long, global = true, env = "STEERCO_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,

    /// Who is working (a person on the portfolio); recorded on every change and checked for
    /// role-bound actions. Accountability, not a login.
    #[arg(long = "as", global = true, env = "STEERCO_USER", value_name = "NAME")]
    pub as_person: Option<String>,

    /// Open the portfolio without ever writing to it (a file or folder that cannot be written
    /// is opened so anyway, and says why).
    #[arg(long, global = true, env = "STEERCO_READ_ONLY", value_parser = clap::builder::FalseyValueParser::new())]
    pub read_only: bool,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
    /// Create an empty portfolio file (refuses a file that is not a Steerco portfolio).
    Init {
        /// Programme name.
        #[arg(long, default_value = "New programme")]
        name: String,
        /// ISO 4217 currency code for every amount in the portfolio.
        #[arg(long, default_value = "EUR")]
        currency: String,
    },
    /// Load the demo portfolio (refuses a portfolio with use cases unless --force).
    Demo {
        /// Replace the use cases already in the portfolio.
        #[arg(long)]
        force: bool,
        /// Also add N synthetic use cases, for scale tests.
        #[arg(long, value_name = "N", default_value_t = 0)]
        scale: u32,
    },
    /// Describe the open portfolio: file, schema version, programme, size.
    Info {
        #[arg(long)]
        json: bool,
    },
    /// Use cases by lane and stage.
    Overview {
        #[arg(long)]
        json: bool,
    },
    /// Write a consistent copy of the portfolio to DEST (SQLite online backup).
    Copy {
        #[arg(value_name = "DEST")]
        destination: PathBuf,
    },
    /// Backups of the portfolio (kept beside it in NAME-backups/): list, take one, restore one.
    #[command(subcommand)]
    Backup(BackupCommand),
    /// The programme: name, currency, payback horizon and how many backups to keep.
    #[command(subcommand)]
    Programme(ProgrammeCommand),
    /// Use cases: list, show, import and export CSV, payback-gate overrides.
    #[command(subcommand)]
    Usecase(UsecaseCommand),
    /// The scoring weights.
    #[command(subcommand)]
    Weights(WeightsCommand),
    /// The portfolio ranked by score, with payback and rank ranges.
    Rank {
        #[arg(long)]
        json: bool,
    },
    /// Write the scoring matrix (value vs guardrail complexity, bubble = annual value) as SVG.
    Matrix {
        #[arg(value_name = "FILE.svg")]
        destination: PathBuf,
    },
    /// Discovery workshops and their rating sheets.
    #[command(subcommand)]
    Workshop(WorkshopCommand),
    /// Policy guardrails (what data is acceptable, RL boundaries, prompt responsibilities).
    #[command(subcommand)]
    Policy(PolicyCommand),
    /// Data sources training data is drawn from.
    #[command(subcommand)]
    Source(SourceCommand),
    /// Curated, approved data packs.
    #[command(subcommand)]
    Pack(PackCommand),
    /// The LoRA adapter registry: import PEFT folders, versions, diffs, statuses, deployments.
    #[command(subcommand)]
    Adapter(AdapterCommand),
    /// Evaluation evidence (lm-evaluation-harness JSON or CSV).
    #[command(subcommand)]
    Eval(EvalCommand),
    /// Runs from a local MLflow file store.
    #[command(subcommand)]
    Mlflow(MlflowCommand),
    /// Lineage: source → pack → adapter version → evaluation → deployment.
    Lineage(LineageArgs),
    /// People on this portfolio and their roles.
    #[command(subcommand)]
    Person(PersonCommand),
    /// Compliance sign-offs bound to the content signed.
    Signoff(SignoffArgs),
    /// The tamper-evident audit trail.
    #[command(subcommand)]
    Audit(AuditCommand),
    /// Human oversight plans per use case.
    #[command(subcommand)]
    Oversight(OversightCommand),
    /// Bias checks: demographic parity and adversarial prompt suites.
    #[command(subcommand)]
    Bias(BiasCommand),
    /// The risk register.
    #[command(subcommand)]
    Risk(RiskCommand),
    /// EU AI Act Annex IV, NIST AI RMF and ISO/IEC 42001 coverage.
    #[command(subcommand)]
    Framework(FrameworkCommand),
    /// A use case's architecture blueprint: policy guardrails, launch version, security
    /// overlays, monitoring — each owned and reviewed
    #[command(subcommand)]
    Blueprint(BlueprintCommand),
    /// Pilots: the constrained workflow, protocols, phases; `start` passes the readiness gate
    #[command(subcommand)]
    Pilot(PilotCommand),
    /// Launch readiness of a use case: each item met or not and where to fix it; exit 0 only
    /// when all hold
    Readiness {
        use_case: String,
        #[arg(long)]
        json: bool,
    },
    /// Use cases by stage, each with the gate it waits on before its next stage and why
    Board {
        #[arg(long)]
        json: bool,
    },
    /// A pilot's drift monitoring: import values, show the series and alerts
    #[command(subcommand)]
    Monitoring(MonitoringCommand),
    /// A pilot's user feedback
    #[command(subcommand)]
    Feedback(FeedbackCommand),
    /// Drift alerts, open ones (with --all, acknowledged ones too)
    Alerts {
        /// Only this use case's
        #[arg(long = "use-case")]
        use_case: Option<String>,
        #[arg(long)]
        all: bool,
        #[arg(long)]
        json: bool,
    },
    /// One drift alert
    #[command(subcommand)]
    Alert(AlertCommand),
    /// Value by month: import the metrics file
    #[command(subcommand)]
    Metrics(MetricsCommand),
    /// A use case's value: its months, ROI, payback and variance against the business case
    #[command(subcommand)]
    Value(ValueCommand),
    /// Export documents: the regulator pack and the monthly steering deck as PDF, the workbook as
    /// XLSX
    #[command(subcommand)]
    Export(crate::documents::ExportCommand),
    /// Check that a PDF is exactly a document exported from this portfolio, when and by whom,
    /// and whether its data has changed since (exit 0 only when it matches)
    VerifyPack {
        file: std::path::PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// The executive dashboard: value against plan, ROI, pilots, decisions, incidents, risks
    Dashboard {
        #[arg(long)]
        json: bool,
    },
    /// Save a value chart as SVG
    #[command(subcommand)]
    Chart(ChartCommand),
    /// Monthly steering meetings: agenda, decisions that act, minutes
    #[command(subcommand)]
    Meeting(MeetingCommand),
    /// Items proposed for the portfolio
    #[command(subcommand)]
    Backlog(BacklogCommand),
    /// The playbook's implementation checklist, each item's status from the data
    Checklist {
        #[arg(long)]
        json: bool,
    },
    /// The improvement cadence: quarterly reviews, forums, enablement
    #[command(subcommand)]
    Cadence(CadenceCommand),
}

#[derive(Subcommand)]
pub enum UsecaseCommand {
    /// List every use case.
    List {
        #[arg(long)]
        json: bool,
    },
    /// One use case's dossier.
    Show {
        id: String,
        #[arg(long)]
        json: bool,
    },
    /// Import dossiers from CSV; all-or-nothing.
    Import {
        #[arg(value_name = "FILE.csv")]
        file: PathBuf,
        /// Check the file and show what would be imported; store nothing.
        #[arg(long)]
        dry_run: bool,
        /// Rows whose title the portfolio already has: skip them, update those use cases, or add
        /// them anyway. Without it such rows are refused.
        #[arg(long, value_name = "skip|update|add", value_parser = ["skip", "update", "add"])]
        on_duplicate: Option<String>,
    },
    /// Export the ranked portfolio as CSV.
    Export {
        #[arg(value_name = "FILE.csv")]
        file: PathBuf,
    },
    /// Edit a dossier: `steerco usecase set UC-004 annual_value=1300000 stage=pilot`.
    Set {
        id: String,
        /// FIELD=VALUE, field names as in the CSV header, plus stage.
        #[arg(value_name = "FIELD=VALUE", required = true)]
        assignments: Vec<String>,
        /// Say what the change would do (stale sign-offs, lane, rank, or a refusal); save nothing.
        #[arg(long)]
        dry_run: bool,
        #[arg(long)]
        json: bool,
    },
    /// Which stages the use case may move to now, and why not.
    Stages {
        id: String,
        #[arg(long)]
        json: bool,
    },
    /// Take a use case created by mistake out of the portfolio (kept and restorable).
    Withdraw {
        id: String,
        #[arg(long)]
        reason: String,
    },
    /// Put a withdrawn use case back.
    Restore { id: String },
    /// The withdrawn use cases.
    Withdrawn {
        #[arg(long)]
        json: bool,
    },
    /// Keep a use case in the portfolio lane although it fails the payback gate (or --revoke).
    Override {
        id: String,
        /// Who takes the decision.
        #[arg(long, value_name = "NAME")]
        by: String,
        /// Why (required unless --revoke).
        #[arg(long, required_unless_present = "revoke")]
        reason: Option<String>,
        #[arg(long, conflicts_with = "reason")]
        revoke: bool,
    },
}

#[derive(Subcommand)]
pub enum WeightsCommand {
    /// Show the criteria and their weights.
    Show {
        #[arg(long)]
        json: bool,
    },
    /// Set every weight, e.g. `value=40 criticality=30 guardrail=30` (must sum to 100).
    Set {
        #[arg(value_name = "CRITERION=WEIGHT", required = true)]
        weights: Vec<String>,
    },
}

#[derive(Subcommand)]
pub enum ProgrammeCommand {
    Show {
        #[arg(long)]
        json: bool,
    },
    /// Change any of the name, the currency and the payback horizon.
    Set {
        #[arg(long)]
        name: Option<String>,
        /// ISO 4217 code; amounts are relabelled, not converted.
        #[arg(long)]
        currency: Option<String>,
        /// Months within which a use case must pay back to stay in the portfolio lane.
        #[arg(long, value_name = "MONTHS")]
        horizon: Option<u32>,
        /// How many automatic backups to keep (default 14).
        #[arg(long, value_name = "N")]
        backups_kept: Option<u32>,
        /// Months between reviews of a research-lane case at the steering meeting
        #[arg(long)]
        research_review_months: Option<u32>,
    },
}

#[derive(Subcommand)]
pub enum BackupCommand {
    /// The portfolio's backups, newest first.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Take a backup now.
    Create,
    /// Replace the portfolio's contents with a backup (the state before is backed up first).
    Restore {
        /// A backup's file name, as `backup list` shows it.
        backup: String,
    },
}
