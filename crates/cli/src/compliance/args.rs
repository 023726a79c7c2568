//! The compliance command line: people, sign-offs, the audit trail, risk controls and framework
//! coverage. Part of the CLI contract documented in README.

use std::path::PathBuf;

use clap::{Args, Subcommand};

#[derive(Subcommand)]
pub enum PersonCommand {
    List {
        #[arg(long)]
        json: bool,
    },
    /// Add a person (administrators only; the first person must be an administrator).
    Add {
        name: String,
        /// consultant, compliance_officer, executive, product_owner, administrator (repeat).
        #[arg(long = "role", value_name = "ROLE", required = true)]
        roles: Vec<String>,
        #[arg(long)]
        json: bool,
    },
    /// Change a person's roles or mark them inactive (administrators only).
    Update {
        id: String,
        #[arg(long)]
        name: Option<String>,
        #[arg(long = "role", value_name = "ROLE")]
        roles: Vec<String>,
        #[arg(long)]
        inactive: bool,
        #[arg(long, conflicts_with = "inactive")]
        active: bool,
    },
}

/// `steerco signoff ENTITY_ID --comment "…"` or `steerco signoff list [--stale] [--json]`.
#[derive(Args)]
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
pub struct SignoffArgs {
    /// The use case (UC-…), adapter version (AV-…) or evaluation (EV-…) to sign off.
    #[arg(value_name = "ENTITY_ID", required = true)]
    pub entity_id: Option<String>,
    #[arg(long, default_value = "")]
    pub comment: String,
    #[arg(long)]
    pub json: bool,
    #[command(subcommand)]
    pub command: Option<SignoffCommand>,
}

#[derive(Subcommand)]
pub enum SignoffCommand {
    /// Every sign-off, newest first, with whether its content has changed since.
    List {
        /// Only stale sign-offs.
        #[arg(long)]
        stale: bool,
        #[arg(long = "entity", value_name = "ID")]
        entity: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// What awaits a compliance officer, and what changed since each stale sign-off.
    Queue {
        #[arg(long)]
        json: bool,
    },
    /// The record as a signature would bind it, with the checks to look at before signing.
    Review {
        #[arg(value_name = "ENTITY_ID")]
        entity_id: String,
        #[arg(long)]
        json: bool,
    },
    /// Decline to sign the record as it stands, saying why (kept in the queue and on the trail).
    Decline {
        #[arg(value_name = "ENTITY_ID")]
        entity_id: String,
        #[arg(long)]
        reason: String,
    },
}

#[derive(Subcommand)]
pub enum AuditCommand {
    /// The trail, oldest first.
    Log {
        /// An entity id (UC-005, AV-002…): its records and those of rows belonging to it.
        #[arg(long, value_name = "ID")]
        entity: Option<String>,
        #[arg(long)]
        action: Option<String>,
        #[arg(long)]
        actor: Option<String>,
        /// Include the bookkeeping of id counters.
        #[arg(long)]
        all: bool,
        #[arg(long)]
        json: bool,
    },
    /// Check the hash chain, the anchor, the capture triggers and every row against its last
    /// recorded image; exit 1 naming what does not hold.
    Verify {
        #[arg(long)]
        json: bool,
    },
    /// Acknowledge a change made outside Steerco (an `unaudited` record), as a compliance officer.
    Acknowledge {
        /// The unaudited record's sequence number.
        seq: i64,
        /// What was changed and why it is acceptable.
        #[arg(long)]
        comment: String,
    },
}

#[derive(Subcommand)]
pub enum OversightCommand {
    /// Every use case's oversight plan, with what is missing.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Record a use case's oversight plan (fields not given are kept).
    Set {
        use_case: String,
        #[arg(long, value_name = "NAME")]
        accountable: Option<String>,
        #[arg(long, value_name = "TEXT")]
        procedure: Option<String>,
        #[arg(long, value_name = "NAME")]
        fallback: Option<String>,
        /// The longest time allowed to intervene, in minutes.
        #[arg(long, value_name = "MINUTES")]
        max_minutes: Option<u32>,
    },
}

#[derive(Subcommand)]
pub enum BiasCommand {
    /// Import results: `parity` reads group,total,positive; `adversarial` reads
    /// prompt_id,category,passed,notes.
    Import {
        /// parity or adversarial.
        kind: String,
        #[arg(value_name = "FILE.csv")]
        file: PathBuf,
        #[arg(long = "use-case", value_name = "ID")]
        use_case: String,
        #[arg(long = "adapter-version", value_name = "ID")]
        adapter_version: Option<String>,
        /// Parity: lowest acceptable ratio (default 0.8). Adversarial: lowest pass rate (required).
        #[arg(long)]
        threshold: Option<f64>,
        /// Why this threshold (required with --threshold).
        #[arg(long)]
        rationale: Option<String>,
        #[arg(long)]
        title: Option<String>,
        #[arg(long)]
        json: bool,
    },
    List {
        #[arg(long = "use-case", value_name = "ID")]
        use_case: Option<String>,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
pub enum RiskCommand {
    Add {
        #[arg(long = "use-case", value_name = "ID")]
        use_case: String,
        #[arg(long)]
        title: String,
        /// 1–5.
        #[arg(long)]
        likelihood: u8,
        /// 1–5.
        #[arg(long)]
        impact: u8,
        #[arg(long)]
        owner: String,
        #[arg(long, default_value = "")]
        mitigation: String,
        /// open, mitigating, accepted or closed.
        #[arg(long, default_value = "open")]
        status: String,
        #[arg(long)]
        json: bool,
    },
    /// Change a risk (fields not given are kept).
    Update {
        id: String,
        #[arg(long)]
        title: Option<String>,
        #[arg(long)]
        likelihood: Option<u8>,
        #[arg(long)]
        impact: Option<u8>,
        #[arg(long)]
        owner: Option<String>,
        #[arg(long)]
        mitigation: Option<String>,
        #[arg(long)]
        status: Option<String>,
    },
    List {
        #[arg(long = "use-case", value_name = "ID")]
        use_case: Option<String>,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
pub enum FrameworkCommand {
    /// Which framework items a use case has evidence for, and which not.
    Coverage {
        use_case: String,
        #[arg(long)]
        json: bool,
    },
    /// For each Steerco record type, the framework items it evidences.
    Map {
        #[arg(long)]
        json: bool,
    },
}
