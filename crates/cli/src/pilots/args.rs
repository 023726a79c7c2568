//! The pilots area's command line: the architecture blueprint of a use case, pilots (phases,
//! protocols, KPIs, incidents), drift and feedback monitoring and its alerts.

use clap::{Args, Subcommand};
use steerco_core::pilots::blueprint::BlueprintPart;

#[derive(Subcommand)]
pub enum BlueprintCommand {
    /// The four parts of a use case's blueprint: owner, content, what is missing, review stamp
    Show {
        use_case: String,
        #[arg(long)]
        json: bool,
    },
    /// Write one part (policies, registry, security, monitoring); flags not given keep their
    /// stored value. Any change clears the part's review stamp
    Set {
        use_case: String,
        /// policies, registry, security or monitoring
        part: String,
        /// Who owns the part (default: its current owner)
        #[arg(long)]
        owner: Option<String>,
        #[command(flatten)]
        fields: Box<PartFields>,
        #[arg(long)]
        json: bool,
    },
    /// Stamp a complete part reviewed by you (not its owner)
    Review {
        use_case: String,
        part: String,
        #[arg(long)]
        json: bool,
    },
}

/// Every part's fields; each applies to its own part only.
#[derive(Args, Default)]
pub struct PartFields {
    /// policies: a policy that applies (repeat the flag; replaces the list)
    #[arg(long = "policy", value_name = "ID")]
    pub policies: Vec<String>,
    /// registry: the adapter version intended for launch
    #[arg(long = "version", value_name = "ADAPTER_VERSION")]
    pub launch_version: Option<String>,
    /// security: what stands in front of the endpoint
    #[arg(long)]
    pub access_what: Option<String>,
    /// security: where it stands
    #[arg(long)]
    pub access_where: Option<String>,
    /// security: the secrets store
    #[arg(long)]
    pub secrets_store: Option<String>,
    /// security: a secret kept there (repeat; replaces the list)
    #[arg(long = "secret", value_name = "NAME")]
    pub secrets: Vec<String>,
    /// security: a training service account as NAME:SCOPE,SCOPE (repeat; replaces the list)
    #[arg(long = "service-account", value_name = "NAME:SCOPES")]
    pub service_accounts: Vec<String>,
    /// security: who did the least-privilege review
    #[arg(long)]
    pub reviewed_by: Option<String>,
    /// security: when (ISO date)
    #[arg(long)]
    pub reviewed_on: Option<String>,
    /// security: what the least-privilege review found
    #[arg(long)]
    pub findings: Option<String>,
    /// monitoring: what is traced
    #[arg(long)]
    pub traced_what: Option<String>,
    /// monitoring: where traces go
    #[arg(long)]
    pub traced_where: Option<String>,
    /// monitoring: the drift metric
    #[arg(long)]
    pub drift_metric: Option<String>,
    /// monitoring: the drift metric's baseline value
    #[arg(long, allow_hyphen_values = true)]
    pub drift_baseline: Option<f64>,
    /// monitoring: the threshold whose crossing opens an alert
    #[arg(long, allow_hyphen_values = true)]
    pub drift_threshold: Option<f64>,
    /// monitoring: above or below (which crossing alerts)
    #[arg(long)]
    pub drift_direction: Option<String>,
    /// monitoring: how often drift is checked
    #[arg(long)]
    pub drift_frequency: Option<String>,
    /// monitoring: where feedback is captured
    #[arg(long)]
    pub feedback_channel: Option<String>,
    /// monitoring: who owns the feedback
    #[arg(long)]
    pub feedback_owner: Option<String>,
    /// monitoring: how often feedback is reviewed
    #[arg(long)]
    pub feedback_frequency: Option<String>,
}

impl PartFields {
    /// Each flag given, with the part it belongs to.
    pub fn given(&self) -> Vec<(&'static str, BlueprintPart)> {
        use BlueprintPart::{Monitoring, Policies, Registry, Security};
        let flags: [(&'static str, BlueprintPart, bool); 20] = [
            ("--policy", Policies, !self.policies.is_empty()),
            ("--version", Registry, self.launch_version.is_some()),
            ("--access-what", Security, self.access_what.is_some()),
            ("--access-where", Security, self.access_where.is_some()),
            ("--secrets-store", Security, self.secrets_store.is_some()),
            ("--secret", Security, !self.secrets.is_empty()),
            ("--service-account", Security, !self.service_accounts.is_empty()),
            ("--reviewed-by", Security, self.reviewed_by.is_some()),
            ("--reviewed-on", Security, self.reviewed_on.is_some()),
            ("--findings", Security, self.findings.is_some()),
            ("--traced-what", Monitoring, self.traced_what.is_some()),
            ("--traced-where", Monitoring, self.traced_where.is_some()),
            ("--drift-metric", Monitoring, self.drift_metric.is_some()),
            ("--drift-baseline", Monitoring, self.drift_baseline.is_some()),
            ("--drift-threshold", Monitoring, self.drift_threshold.is_some()),
            ("--drift-direction", Monitoring, self.drift_direction.is_some()),
            ("--drift-frequency", Monitoring, self.drift_frequency.is_some()),
            ("--feedback-channel", Monitoring, self.feedback_channel.is_some()),
            ("--feedback-owner", Monitoring, self.feedback_owner.is_some()),
            ("--feedback-frequency", Monitoring, self.feedback_frequency.is_some()),
        ];
        flags.into_iter().filter(|(_, _, given)| *given).map(|(flag, part, _)| (flag, part)).collect()
    }
}

#[derive(Subcommand)]
pub enum PilotCommand {
    /// Create the pilot of a use case with the constrained workflow in scope
    Create {
        use_case: String,
        #[arg(long)]
        workflow: String,
        #[arg(long)]
        json: bool,
    },
    /// One pilot (PIL-… or the use case's id): workflow, protocols, phases
    Show {
        id: String,
        #[arg(long)]
        json: bool,
    },
    /// Every pilot
    List {
        #[arg(long)]
        json: bool,
    },
    /// Phases of a pilot
    #[command(subcommand)]
    Phase(PhaseCommand),
    /// Define the training, fallback and evaluation protocols; flags not given keep their value
    Protocol {
        id: String,
        #[command(flatten)]
        fields: Box<ProtocolFields>,
        #[arg(long)]
        json: bool,
    },
    /// Start the pilot (its first phase runs), past the launch readiness gate; exit 2 naming
    /// each unmet item
    Start {
        id: String,
        /// ISO date; default today
        #[arg(long = "on", value_name = "DATE")]
        on: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// End the running phase and start the next (past the regression gate for the launch
    /// version; exit 2 naming each failing metric)
    Advance {
        id: String,
        /// ISO date; default today
        #[arg(long = "on", value_name = "DATE")]
        on: Option<String>,
        /// Start the next phase despite the regression gate (executives only; recorded)
        #[arg(long = "override", value_name = "RATIONALE")]
        override_rationale: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// KPIs the pilot is judged by
    #[command(subcommand)]
    Kpi(KpiCommand),
    /// Incidents met during the pilot
    #[command(subcommand)]
    Incident(IncidentCommand),
    /// Stop the running phase, with the reason (the fallback protocol takes over)
    Stop {
        id: String,
        #[arg(long)]
        reason: String,
        /// ISO date; default today
        #[arg(long = "on", value_name = "DATE")]
        on: Option<String>,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
pub enum PhaseCommand {
    /// Add the next phase
    Add {
        pilot: String,
        #[arg(long)]
        name: String,
        /// Who uses it in this phase ("two regional claims teams")
        #[arg(long)]
        audience: String,
        /// Planned start (ISO date)
        #[arg(long)]
        start: String,
        /// Planned end (ISO date)
        #[arg(long)]
        end: String,
        /// Oversight for this audience where it differs from the use case's plan
        #[arg(long, default_value = "")]
        oversight: String,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
pub enum KpiCommand {
    /// Add a KPI: name, unit, baseline, target and which way is better
    Add {
        pilot: String,
        #[arg(long)]
        name: String,
        /// "minutes", "%", "EUR per claim"
        #[arg(long)]
        unit: String,
        #[arg(long, allow_hyphen_values = true)]
        baseline: f64,
        #[arg(long, allow_hyphen_values = true)]
        target: f64,
        /// higher or lower (which is better)
        #[arg(long)]
        better: String,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
pub enum IncidentCommand {
    /// Record an incident
    Add {
        pilot: String,
        /// ISO date it occurred
        #[arg(long)]
        on: String,
        /// low, medium, high or critical
        #[arg(long)]
        severity: String,
        /// A compliance incident (a breach of policy or regulation)
        #[arg(long)]
        compliance: bool,
        #[arg(long)]
        description: String,
        #[arg(long, default_value = "")]
        resolution: String,
        /// ISO date it was resolved
        #[arg(long)]
        resolved_on: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Resolve an open incident with how it was resolved
    Resolve {
        /// INC-001
        id: String,
        #[arg(long)]
        resolution: String,
        /// ISO date; default today
        #[arg(long = "on", value_name = "DATE")]
        on: Option<String>,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
pub enum MonitoringCommand {
    /// Import `date,metric,value` for a use case's pilot; values of the drift metric past its
    /// threshold open alerts. All or nothing
    Import {
        file: std::path::PathBuf,
        #[arg(long = "use-case")]
        use_case: String,
        #[arg(long)]
        json: bool,
    },
    /// The pilot's monitoring: drift settings, values, feedback by week, alerts
    Show {
        use_case: String,
        #[arg(long)]
        json: bool,
    },
    /// Save the drift chart (or, with --feedback, the feedback chart) as SVG
    Chart {
        use_case: String,
        #[arg(long)]
        feedback: bool,
        #[arg(long, value_name = "FILE")]
        out: std::path::PathBuf,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
pub enum FeedbackCommand {
    /// Import `date,channel,rating,count,comment` for a use case's pilot. All or nothing
    Import {
        file: std::path::PathBuf,
        #[arg(long = "use-case")]
        use_case: String,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
pub enum AlertCommand {
    /// Acknowledge an open drift alert with a note on what was looked at and done
    Acknowledge {
        /// DA-001
        id: String,
        #[arg(long)]
        note: String,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Args, Default)]
pub struct ProtocolFields {
    #[arg(long)]
    pub training_audience: Option<String>,
    #[arg(long)]
    pub training_materials: Option<String>,
    /// ISO date the training was delivered
    #[arg(long)]
    pub training_delivered_on: Option<String>,
    /// The manual process people fall back to
    #[arg(long)]
    pub fallback_process: Option<String>,
    /// What triggers the fallback
    #[arg(long)]
    pub fallback_trigger: Option<String>,
    #[arg(long)]
    pub fallback_owner: Option<String>,
    /// The evaluation suite each phase is evaluated on
    #[arg(long)]
    pub evaluation_suite: Option<String>,
    /// An acceptance metric as METRIC:THRESHOLD:higher|lower (repeat; replaces the list)
    #[arg(long = "acceptance", value_name = "METRIC:THRESHOLD:DIRECTION")]
    pub acceptance: Vec<String>,
}
