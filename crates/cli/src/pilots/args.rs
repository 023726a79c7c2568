//! The pilots area's command line: the architecture blueprint of a use case.

use clap::{Args, Subcommand};

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
