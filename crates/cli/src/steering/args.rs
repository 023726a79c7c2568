//! The steering area's command line: value (metrics import, a use case's months), the dashboard,
//! value charts, steering meetings, the backlog, the checklist and the improvement cadence.

use std::path::PathBuf;

use clap::Subcommand;

#[derive(Subcommand)]
pub enum MetricsCommand {
    /// Import `use_case_id,month,benefit,cost,kpi,kpi_value,highlight` (several rows per month,
    /// one per KPI; benefit and cost once per month). All or nothing
    Import {
        #[arg(value_name = "FILE.csv")]
        file: PathBuf,
        /// Replace months already recorded (each replacement is in the audit trail)
        #[arg(long)]
        replace: bool,
        /// Check the file and say what would change; store nothing
        #[arg(long)]
        dry_run: bool,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
pub enum ValueCommand {
    /// A use case's months, cumulative benefit and cost, ROI, payback and variance against its
    /// business case
    Show {
        use_case: String,
        #[arg(long)]
        json: bool,
    },
    /// Record one month by hand
    Record {
        use_case: String,
        /// YYYY-MM
        #[arg(long)]
        month: String,
        #[arg(long)]
        benefit: String,
        #[arg(long)]
        cost: String,
        #[arg(long, default_value = "")]
        highlight: String,
        /// A KPI value as NAME=VALUE (repeat)
        #[arg(long = "kpi", value_name = "NAME=VALUE")]
        kpis: Vec<String>,
        /// Replace the month if it is already recorded
        #[arg(long)]
        replace: bool,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
pub enum ChartCommand {
    /// A use case's cumulative benefit against cost, with the business case and payback
    Roi {
        #[arg(long = "use-case")]
        use_case: String,
        #[arg(long, value_name = "FILE.svg")]
        out: PathBuf,
    },
    /// The portfolio's ROI by month
    PortfolioRoi {
        #[arg(long, value_name = "FILE.svg")]
        out: PathBuf,
    },
    /// One KPI by month against its target
    Kpi {
        #[arg(long = "use-case")]
        use_case: String,
        #[arg(long)]
        kpi: String,
        #[arg(long, value_name = "FILE.svg")]
        out: PathBuf,
    },
}

#[derive(Subcommand)]
pub enum MeetingCommand {
    /// Open a steering meeting for a date; its agenda follows from the data
    New {
        /// YYYY-MM-DD
        #[arg(long)]
        date: String,
        /// A person of the portfolio, by name or id (repeat; default: you)
        #[arg(long = "attendee", value_name = "NAME")]
        attendees: Vec<String>,
        #[arg(long)]
        json: bool,
    },
    /// Every meeting, newest first
    List {
        #[arg(long)]
        json: bool,
    },
    /// The agenda: each item, its evidence and the decision taken
    Agenda {
        id: String,
        #[arg(long)]
        json: bool,
    },
    /// Decide an agenda item (executives); the decision acts
    Decide {
        id: String,
        /// The item's key as the agenda shows it (e.g. phase:PIL-001)
        #[arg(long)]
        item: String,
        /// approve, defer, stop, authorise or override
        #[arg(long)]
        decision: String,
        #[arg(long)]
        rationale: String,
        #[arg(long)]
        json: bool,
    },
    /// Record a follow-up action with its owner and due date
    Action {
        id: String,
        #[arg(long)]
        owner: String,
        /// YYYY-MM-DD
        #[arg(long)]
        due: String,
        #[arg(long = "text")]
        description: String,
        #[arg(long)]
        json: bool,
    },
    /// Close the meeting: the minutes become final and keep the audit trail's head
    Close {
        id: String,
        #[arg(long)]
        json: bool,
    },
    /// The minutes: attendees, decisions and what they did, actions, the audit head at the close
    Minutes {
        id: String,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
pub enum BacklogCommand {
    /// Propose an item for the portfolio (anyone may)
    Add {
        #[arg(long)]
        title: String,
        #[arg(long)]
        rationale: String,
        /// Who proposes it (default: you)
        #[arg(long)]
        proposer: Option<String>,
        /// The executive who would sponsor it
        #[arg(long)]
        sponsor: Option<String>,
        #[arg(long = "business-unit")]
        business_unit: Option<String>,
        #[arg(long = "annual-value")]
        annual_value: Option<String>,
        #[arg(long = "one-time-cost")]
        one_time_cost: Option<String>,
        #[arg(long = "monthly-run-cost")]
        monthly_run_cost: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Every backlog item with its status
    List {
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
pub enum CadenceCommand {
    /// Record a quarterly review, cross-functional forum or enablement session
    Add {
        /// quarterly_review, forum or enablement
        #[arg(long)]
        kind: String,
        /// YYYY-MM-DD
        #[arg(long)]
        date: String,
        #[arg(long)]
        audience: String,
        #[arg(long)]
        attendance: u32,
        #[arg(long, default_value = "")]
        outcomes: String,
        #[arg(long)]
        json: bool,
    },
    /// Each kind's last session and whether it is overdue, then every session
    List {
        #[arg(long)]
        json: bool,
    },
}
