//! The executive dashboard: value realised against the business case (per use case and for the
//! portfolio), ROI and payback, pilots by phase, decisions waiting, open incidents and every red
//! risk indicator — each naming the record to open. Computed in one read over one pass of the
//! value months, so it stays quick on a portfolio of thousands of cases.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::indicators::{indicators_from, RiskIndicator};
use crate::domain::{Lane, Stage};
use crate::error::{CoreError, CoreResult};
use crate::money::Money;
use crate::overview::Decision;
use crate::pilots::operations::Severity;
use crate::pilots::pilot::PhaseStatus;
use crate::services::compliance::signoffs;
use crate::services::discovery::{programme as programme_service, read};
use crate::services::registry::lineage;
use crate::services::value::tracking::{benefits_from, business_case};
use crate::store::{meeting, pilot, programme, value, Db};
use crate::value::returns::{portfolio, summary, CaseMonths, MonthReturn, PlanStatus, Returns, Variance};
use crate::value::{Month, MonthAmounts};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct UseCaseReturns {
    pub use_case_id: String,
    pub title: String,
    pub stage: Stage,
    pub lane: Lane,
    pub annual_value: Money,
    pub months_recorded: u32,
    pub first_month: Option<String>,
    pub last_month: Option<String>,
    pub cumulative_benefit: Money,
    pub cumulative_cost: Money,
    pub net: Money,
    pub roi: Option<f64>,
    pub payback_month: Option<String>,
    pub months_to_payback: Option<u32>,
    pub benefit_variance: Variance,
    pub cost_variance: Variance,
    pub status: PlanStatus,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PortfolioReturns {
    pub cumulative_benefit: Money,
    pub cumulative_cost: Money,
    pub net: Money,
    pub roi: Option<f64>,
    /// The first month the portfolio's cumulative benefit reached its cumulative cost.
    pub payback_month: Option<String>,
    pub benefit_variance: Variance,
    pub cost_variance: Variance,
    /// Month by month, for the portfolio ROI chart.
    pub months: Vec<MonthReturn>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Highlight {
    pub use_case_id: String,
    pub title: String,
    pub month: String,
    pub text: String,
    pub by: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PilotState {
    /// Not started.
    Planned,
    Running,
    /// Every phase done.
    Done,
    Stopped,
}

/// Where a pilot stands: its running (or last) phase.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PilotPhase {
    pub pilot_id: String,
    pub use_case_id: String,
    pub title: String,
    pub stage: Stage,
    pub state: PilotState,
    pub phase: Option<String>,
    /// 1-based position of that phase, of `phases`.
    pub position: u32,
    pub phases: u32,
    pub audience: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct OpenIncident {
    pub id: String,
    pub pilot_id: String,
    pub use_case_id: String,
    pub title: String,
    pub occurred_on: String,
    pub severity: Severity,
    pub compliance: bool,
    pub description: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct OpenMeeting {
    pub id: String,
    pub held_on: String,
    pub decided: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Dashboard {
    pub currency: String,
    pub as_of: String,
    /// False until any month of value is recorded (the app opens on the dashboard from then on).
    pub has_value: bool,
    pub portfolio: PortfolioReturns,
    /// Cases with value recorded, largest net first.
    pub use_cases: Vec<UseCaseReturns>,
    /// The latest qualitative highlights.
    pub highlights: Vec<Highlight>,
    pub pilots: Vec<PilotPhase>,
    /// What waits for a decision (payback gate, sign-offs).
    pub decisions: Vec<Decision>,
    /// The latest open steering meeting, if one is open.
    pub open_meeting: Option<OpenMeeting>,
    pub incidents: Vec<OpenIncident>,
    pub risks: Vec<RiskIndicator>,
}

/// A case's line on the dashboard. `r` is a summary (no months, for speed), so the recorded months
/// are counted from `months` themselves.
fn case_returns(u: &crate::domain::UseCase, months: &[MonthAmounts], r: &Returns) -> UseCaseReturns {
    let mut recorded: Vec<Month> = months.iter().map(|m| m.0).collect();
    recorded.sort();
    recorded.dedup();
    UseCaseReturns {
        use_case_id: u.id.clone(),
        title: u.title.clone(),
        stage: u.stage,
        lane: u.lane,
        annual_value: u.annual_value,
        months_recorded: recorded.len() as u32,
        first_month: recorded.first().map(|m| m.to_string()),
        last_month: recorded.last().map(|m| m.to_string()),
        cumulative_benefit: r.cumulative_benefit,
        cumulative_cost: r.cumulative_cost,
        net: r.net,
        roi: r.roi,
        payback_month: r.payback_month.clone(),
        months_to_payback: r.months_to_payback,
        benefit_variance: r.benefit_variance,
        cost_variance: r.cost_variance,
        status: r.status,
    }
}

/// Every case with value recorded: the case, its months and when it was planned to earn, read in
/// one pass over the value months.
pub(crate) struct ValuedCases {
    /// Each with its months and the month it was planned to start earning.
    pub cases: Vec<(crate::domain::UseCase, Vec<MonthAmounts>, Option<Month>)>,
    /// Every use case of the portfolio (valued or not).
    pub all: Vec<crate::domain::UseCase>,
}

impl ValuedCases {
    pub(crate) fn load(conn: &rusqlite::Connection) -> CoreResult<ValuedCases> {
        let all = read::list(conn)?;
        let starts = value::pilot_starts(conn)?;
        let index: HashMap<&str, usize> = all.iter().enumerate().map(|(i, u)| (u.id.as_str(), i)).collect();
        let mut cases = Vec::new();
        for (id, months) in value::all_amounts(conn)? {
            let Some(&i) = index.get(id.as_str()) else { continue };
            let u = &all[i];
            let from = benefits_from(u, starts.get(&u.id).copied(), months.first().map(|m| m.0));
            cases.push((u.clone(), months, from));
        }
        Ok(ValuedCases { cases, all })
    }

    pub(crate) fn portfolio(&self) -> Vec<MonthReturn> {
        let months: Vec<CaseMonths<'_>> = self
            .cases
            .iter()
            .map(|(u, m, from)| CaseMonths { recorded: m, case: business_case(u), benefits_from: *from })
            .collect();
        portfolio(&months)
    }
}

pub fn dashboard(db: &Db, today: NaiveDate) -> CoreResult<Dashboard> {
    db.read(|c| dashboard_in(c, today))
}

/// The dashboard read inside a snapshot (the steering deck reads it with everything else).
pub(crate) fn dashboard_in(c: &rusqlite::Connection, today: NaiveDate) -> CoreResult<Dashboard> {
    {
        let programme = programme::get(c)?.ok_or(CoreError::NoProgramme)?;
        let valued = ValuedCases::load(c)?;
        let series = valued.portfolio();
        let last = series.last();
        let total = |f: fn(&MonthReturn) -> Money| last.map_or(Money::ZERO, f);
        let (benefit, cost) = (total(|m| m.cumulative_benefit), total(|m| m.cumulative_cost));
        let variance = |realised: Money, planned: Money| {
            let difference = realised - planned;
            let percent = (planned != Money::ZERO).then(|| difference.cents() as f64 / planned.cents() as f64 * 100.0);
            Variance { planned, realised, difference, percent }
        };
        let portfolio = PortfolioReturns {
            cumulative_benefit: benefit,
            cumulative_cost: cost,
            net: benefit - cost,
            roi: last.and_then(|m| m.roi),
            payback_month: series
                .iter()
                .find(|m| m.cumulative_cost > Money::ZERO && m.cumulative_benefit >= m.cumulative_cost)
                .map(|m| m.month.clone()),
            benefit_variance: variance(benefit, total(|m| m.planned_benefit)),
            cost_variance: variance(cost, total(|m| m.planned_cost)),
            months: series.clone(),
        };
        let mut use_cases: Vec<UseCaseReturns> = valued
            .cases
            .iter()
            .map(|(u, months, from)| case_returns(u, months, &summary(months, &business_case(u), *from)))
            .collect();
        use_cases.sort_by(|a, b| b.net.cmp(&a.net).then_with(|| a.use_case_id.cmp(&b.use_case_id)));
        let titles: HashMap<&str, &str> = valued.all.iter().map(|u| (u.id.as_str(), u.title.as_str())).collect();
        let highlights = value::latest_highlights(c, 6)?
            .into_iter()
            .map(|m| Highlight {
                title: titles.get(m.use_case_id.as_str()).map_or_else(String::new, |t| (*t).to_owned()),
                use_case_id: m.use_case_id,
                month: m.month,
                text: m.highlight,
                by: m.highlight_by,
            })
            .collect();
        let mut pilots = Vec::new();
        let mut incidents = Vec::new();
        for id in pilot::ids(c)? {
            let Some(p) = pilot::get(c, &id)? else { continue };
            let case = read::require(c, &p.use_case_id)?;
            let shown = p
                .running()
                .or_else(|| p.phases.iter().rev().find(|ph| ph.status != PhaseStatus::Planned))
                .or_else(|| p.phases.first());
            let state = if p.running().is_some() {
                PilotState::Running
            } else if p.completed() {
                PilotState::Done
            } else if p.phases.iter().any(|ph| ph.status == PhaseStatus::Stopped) {
                PilotState::Stopped
            } else {
                PilotState::Planned
            };
            pilots.push(PilotPhase {
                pilot_id: p.id.clone(),
                use_case_id: case.id.clone(),
                title: case.title.clone(),
                stage: case.stage,
                state,
                phase: shown.map(|ph| ph.name.clone()),
                position: shown.map_or(0, |ph| ph.position),
                phases: p.phases.len() as u32,
                audience: shown.map(|ph| ph.audience.clone()),
            });
            for i in p.incidents.iter().filter(|i| i.open()) {
                incidents.push(OpenIncident {
                    id: i.id.clone(),
                    pilot_id: p.id.clone(),
                    use_case_id: case.id.clone(),
                    title: case.title.clone(),
                    occurred_on: i.occurred_on.clone(),
                    severity: i.severity,
                    compliance: i.compliance,
                    description: i.description.clone(),
                });
            }
        }
        incidents.sort_by(|a, b| b.severity.cmp(&a.severity).then_with(|| b.occurred_on.cmp(&a.occurred_on)));
        let queue = signoffs::queue_in(c)?;
        let lineage = lineage::check_in(c)?;
        let decisions = programme_service::figures(&valued.all, &queue, &lineage).decisions;
        let open_meeting = meeting::ids(c)?
            .into_iter()
            .filter_map(|id| meeting::get(c, &id).ok().flatten())
            .find(|m| !m.is_closed())
            .map(|m| OpenMeeting { id: m.id, held_on: m.held_on, decided: m.decisions.len() as u32 });
        Ok(Dashboard {
            currency: programme.currency,
            as_of: today.to_string(),
            has_value: !valued.cases.is_empty(),
            portfolio,
            use_cases,
            highlights,
            pilots,
            decisions,
            open_meeting,
            incidents,
            risks: indicators_from(c, today, queue, &lineage)?,
        })
    }
}
