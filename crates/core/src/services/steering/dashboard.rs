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
use crate::store::value::StoredTotals;
use crate::store::{meeting, pilot, programme, value, Db};
use crate::value::portfolio::{portfolio_of, CasePlan};
use crate::value::returns::{outcome, MonthReturn, PlanStatus, Variance};
use crate::value::Month;

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

/// A case's line on the dashboard, from its stored totals.
fn case_returns(u: &crate::domain::UseCase, stored: &StoredTotals, from: Option<Month>) -> UseCaseReturns {
    let r = outcome(&stored.totals, &business_case(u), from);
    UseCaseReturns {
        use_case_id: u.id.clone(),
        title: u.title.clone(),
        stage: u.stage,
        lane: u.lane,
        annual_value: u.annual_value,
        months_recorded: stored.months,
        first_month: Some(stored.totals.first.to_string()),
        last_month: Some(stored.totals.last.to_string()),
        cumulative_benefit: r.cumulative_benefit,
        cumulative_cost: r.cumulative_cost,
        net: r.net,
        roi: r.roi,
        payback_month: r.payback_month,
        months_to_payback: r.months_to_payback,
        benefit_variance: r.benefit_variance,
        cost_variance: r.cost_variance,
        status: r.status,
    }
}

/// Every case with value recorded, from the totals the store keeps (a row per case, not its
/// months), with the portfolio's months: what the dashboard shows of value.
fn valued_totals(
    c: &rusqlite::Connection,
    all: &[crate::domain::UseCase],
) -> CoreResult<(Vec<UseCaseReturns>, Vec<MonthReturn>)> {
    let starts = value::pilot_starts(c)?;
    let index: HashMap<&str, usize> = all.iter().enumerate().map(|(i, u)| (u.id.as_str(), i)).collect();
    let mut lines = Vec::new();
    let mut plans = Vec::new();
    let mut realised = value::portfolio_months(c)?;
    for stored in value::totals(c)? {
        let Some(&i) = index.get(stored.use_case_id.as_str()) else {
            // A withdrawn case's months stay stored but leave the portfolio's sums.
            for (month, benefit, cost) in value::amounts(c, &stored.use_case_id)? {
                if let Some(slot) = realised.iter_mut().find(|r| r.0 == month) {
                    slot.1 = slot.1 - benefit;
                    slot.2 = slot.2 - cost;
                }
            }
            continue;
        };
        let u = &all[i];
        let from = benefits_from(u, starts.get(&u.id).copied(), Some(stored.totals.first));
        plans.push(CasePlan {
            first: stored.totals.first,
            last: stored.totals.last,
            case: business_case(u),
            benefits_from: from,
        });
        lines.push(case_returns(u, &stored, from));
    }
    // A month only a withdrawn case recorded is no month of the portfolio's.
    let covered = |m: Month| plans.iter().any(|p| p.first <= m && m <= p.last);
    realised.retain(|r| covered(r.0));
    Ok((lines, portfolio_of(&realised, &plans)))
}

/// The portfolio's months (realised and planned, cumulative), for its ROI chart.
pub(crate) fn portfolio_series(c: &rusqlite::Connection) -> CoreResult<Vec<MonthReturn>> {
    Ok(valued_totals(c, &read::list(c)?)?.1)
}

pub fn dashboard(db: &Db, today: NaiveDate) -> CoreResult<Dashboard> {
    db.read(|c| dashboard_in(c, today))
}

/// The dashboard read inside a snapshot (the steering deck reads it with everything else).
pub(crate) fn dashboard_in(c: &rusqlite::Connection, today: NaiveDate) -> CoreResult<Dashboard> {
    {
        let programme = programme::get(c)?.ok_or(CoreError::NoProgramme)?;
        let all = read::list(c)?;
        let (mut use_cases, series) = valued_totals(c, &all)?;
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
        use_cases.sort_by(|a, b| b.net.cmp(&a.net).then_with(|| a.use_case_id.cmp(&b.use_case_id)));
        let titles: HashMap<&str, &str> = all.iter().map(|u| (u.id.as_str(), u.title.as_str())).collect();
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
        let queue = signoffs::queue_with(c, &all)?;
        let lineage = lineage::check_in(c)?;
        let decisions = programme_service::figures(&all, &queue, &lineage).decisions;
        let open_meeting = meeting::ids(c)?
            .into_iter()
            .filter_map(|id| meeting::get(c, &id).ok().flatten())
            .find(|m| !m.is_closed())
            .map(|m| OpenMeeting { id: m.id, held_on: m.held_on, decided: m.decisions.len() as u32 });
        Ok(Dashboard {
            currency: programme.currency,
            as_of: today.to_string(),
            has_value: !use_cases.is_empty(),
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
