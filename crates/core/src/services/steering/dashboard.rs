//! The executive dashboard: value realised against the business case (per use case and for the
//! portfolio), ROI and payback, pilots by phase, decisions waiting, open incidents and every red
//! risk indicator — each naming the record to open. Computed in one read over one pass of the
//! value months, so it stays quick on a portfolio of thousands of cases.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::indicators::{indicators_in, RiskIndicator};
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
use crate::value::returns::{portfolio, returns, MonthReturn, PlanStatus, Returns, Variance};
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

/// Where a pilot stands: its running (or last) phase.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PilotPhase {
    pub pilot_id: String,
    pub use_case_id: String,
    pub title: String,
    pub stage: Stage,
    /// "running", "planned" (not started), "done" (every phase), "stopped".
    pub state: String,
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

fn summary(u: &crate::domain::UseCase, r: &Returns) -> UseCaseReturns {
    UseCaseReturns {
        use_case_id: u.id.clone(),
        title: u.title.clone(),
        stage: u.stage,
        lane: u.lane,
        annual_value: u.annual_value,
        months_recorded: r.months.iter().filter(|m| m.recorded).count() as u32,
        first_month: r.months.first().map(|m| m.month.clone()),
        last_month: r.months.last().map(|m| m.month.clone()),
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

/// Every case's returns from one pass over the value months, by use case id.
pub(crate) fn all_returns(conn: &rusqlite::Connection) -> CoreResult<Vec<(crate::domain::UseCase, Returns)>> {
    let cases = read::list(conn)?;
    let starts = value::pilot_starts(conn)?;
    let mut by_case: HashMap<String, Vec<(Month, Money, Money)>> = HashMap::new();
    for (uc, m, b, c) in value::all_amounts(conn)? {
        by_case.entry(uc).or_default().push((m, b, c));
    }
    Ok(cases
        .into_iter()
        .filter_map(|u| {
            let months = by_case.remove(&u.id)?;
            let first = months.iter().map(|m| m.0).min();
            let r = returns(&months, &business_case(&u), benefits_from(&u, starts.get(&u.id).copied(), first));
            Some((u, r))
        })
        .collect())
}

pub fn dashboard(db: &Db, today: NaiveDate) -> CoreResult<Dashboard> {
    db.read(|c| {
        let programme = programme::get(c)?.ok_or(CoreError::NoProgramme)?;
        let all = all_returns(c)?;
        let series = portfolio(&all.iter().map(|(_, r)| r).collect::<Vec<_>>());
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
        let mut use_cases: Vec<UseCaseReturns> = all.iter().map(|(u, r)| summary(u, r)).collect();
        use_cases.sort_by(|a, b| b.net.cmp(&a.net).then_with(|| a.use_case_id.cmp(&b.use_case_id)));
        let titles: HashMap<&str, &str> = all.iter().map(|(u, _)| (u.id.as_str(), u.title.as_str())).collect();
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
                "running"
            } else if p.completed() {
                "done"
            } else if p.phases.iter().any(|ph| ph.status == PhaseStatus::Stopped) {
                "stopped"
            } else {
                "planned"
            };
            pilots.push(PilotPhase {
                pilot_id: p.id.clone(),
                use_case_id: case.id.clone(),
                title: case.title.clone(),
                stage: case.stage,
                state: state.to_owned(),
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
        let cases = read::list(c)?;
        let decisions = programme_service::figures(&cases, &signoffs::queue_in(c)?, &lineage::check_in(c)?).decisions;
        let open_meeting = meeting::ids(c)?
            .into_iter()
            .filter_map(|id| meeting::get(c, &id).ok().flatten())
            .find(|m| !m.is_closed())
            .map(|m| OpenMeeting { id: m.id, held_on: m.held_on, decided: m.decisions.len() as u32 });
        Ok(Dashboard {
            currency: programme.currency,
            as_of: today.to_string(),
            has_value: !all.is_empty(),
            portfolio,
            use_cases,
            highlights,
            pilots,
            decisions,
            open_meeting,
            incidents,
            risks: indicators_in(c, today)?,
        })
    })
}
