//! Value months imported in bulk: recorded as one batch record per use case that `audit verify`
//! checks row by row, and the stored totals the dashboard reads, which must add up to the months
//! whichever way they were written.

mod support;

use rusqlite::config::DbConfig;
use steerco_core::services::compliance::audit::{self, AuditQuery};
use steerco_core::services::discovery::withdrawal::{self, WithdrawRequest};
use steerco_core::services::steering::dashboard;
use steerco_core::services::value::tracking::{self, MetricsImport, MonthInput};
use steerco_core::value::portfolio::{portfolio as portfolio_months, CaseMonths};
use steerco_core::value::returns::BusinessCase;
use steerco_core::value::Month;
use steerco_core::Money;
use support::*;

fn import(p: &Portfolio, text: &str, replace: bool, dry_run: bool) -> tracking::MetricsImported {
    let path = p.dir.path().join("metrics.csv");
    std::fs::write(&path, text).unwrap();
    let req = MetricsImport { path: path.display().to_string(), replace, dry_run };
    tracking::import_metrics(&p.db, &caller(CONSULTANT), &req).unwrap()
}

/// A highlight that needs escaping (quotes, a backslash, a tab, accents).
const HIGHLIGHT: &str = "\"Said \"\"é\\n\"\" ✓\ttab\"";

/// Twelve months for each case, with KPIs; the first case has a highlight every month, the
/// second none, the third every other month. (Months without a highlight go in by another
/// statement, unless they share one with months that have one.)
fn year_of_months(ids: &[String], skip_case: Option<&str>) -> String {
    let mut csv = String::from("use_case_id,month,benefit,cost,kpi,kpi_value,highlight\n");
    for (i, id) in ids.iter().enumerate().filter(|(_, id)| Some(id.as_str()) != skip_case) {
        for m in 1..=12 {
            let highlight = if i == 0 || (i == 2 && m % 2 == 0) { HIGHLIGHT } else { "" };
            let benefit = if m < 4 { 0 } else { 10_000 * (i + 1) + m * 7 };
            csv.push_str(&format!(
                "{id},2026-{m:02},{benefit}.25,{},minutes,{},{highlight}\n",
                9_000 + m,
                0.1 * m as f64
            ));
        }
    }
    csv
}

fn batch_records(p: &Portfolio) -> Vec<steerco_core::audit::AuditRecord> {
    let q = AuditQuery {
        entity: None,
        action: None,
        actor: None,
        include_internal: true,
        newest_first: false,
        limit: Some(10_000),
        offset: 0,
    };
    audit::log(&p.db, &q).unwrap().records.into_iter().filter(|r| r.operation == "batch").collect()
}

#[test]
fn an_import_is_one_batch_record_per_case_and_table_that_verify_checks_row_by_row() {
    let p = portfolio(&["Claims triage", "Contract review", "Fraud triage"]);
    let dry = import(&p, &year_of_months(&p.ids, None), false, true);
    assert_eq!((dry.added, dry.dry_run), (36, true));
    assert!(batch_records(&p).is_empty(), "a dry run records nothing");
    let done = import(&p, &year_of_months(&p.ids, None), false, false);
    assert_eq!((done.added, done.kpi_values), (36, 36));
    let batches = batch_records(&p);
    assert_eq!(batches.len(), 6, "one per use case for the months, one for their KPI values");
    let months = batches.iter().find(|r| r.entity_kind == "value_month" && r.subject == p.ids[0]).unwrap();
    let rows: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(months.after.as_deref().unwrap()).unwrap();
    assert_eq!(rows.len(), 13, "the row the months share, and the twelve months");
    assert_eq!(rows[""]["recorded_by"], CONSULTANT, "the shared row is whole");
    let may = &rows[&format!("{}/2026-05", p.ids[0])];
    assert_eq!(may["benefit_cents"], 1_003_525);
    assert!(may.get("recorded_by").is_none() && may.get("use_case_id").is_none(), "only what differs: {may}");
    let highlights = |case: &str| -> Vec<(String, String)> {
        let view = tracking::view(&p.db, case).unwrap();
        view.months.into_iter().map(|m| (m.highlight, m.highlight_by)).collect()
    };
    let written = ("Said \"é\\n\" ✓\ttab".to_owned(), CONSULTANT.to_owned());
    let none = (String::new(), String::new());
    assert_eq!(highlights(&p.ids[0]), vec![written.clone(); 12]);
    assert_eq!(highlights(&p.ids[1]), vec![none.clone(); 12]);
    let every_other: Vec<_> = (1..=12).map(|m| if m % 2 == 0 { written.clone() } else { none.clone() }).collect();
    assert_eq!(highlights(&p.ids[2]), every_other);
    let report = audit::verify(&p.db).unwrap();
    assert!(report.holds(), "{report:?}");

    // A later replacement is an ordinary record, and the row's last image is that one.
    import(&p, &format!("use_case_id,month,benefit,cost\n{},2026-05,1,1\n", p.ids[0]), true, false);
    assert!(audit::verify(&p.db).unwrap().holds());

    // A batched month changed and another deleted with the file's triggers off (as a tool that
    // drops them would): verify names each row.
    let conn = raw(&p.path);
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_ENABLE_TRIGGER, false).unwrap();
    conn.execute("UPDATE value_month SET benefit_cents = 1 WHERE use_case_id = ?1 AND month = '2026-07'", [&p.ids[1]])
        .unwrap();
    conn.execute("DELETE FROM value_kpi WHERE use_case_id = ?1 AND month = '2026-08'", [&p.ids[2]]).unwrap();
    drop(conn);
    let report = audit::verify(&p.db).unwrap();
    assert!(!report.holds());
    let said = report.outside_changes.join("\n");
    assert!(said.contains(&format!("value_month {}/2026-07 was changed outside Steerco", p.ids[1])), "{said}");
    assert!(said.contains(&format!("value_kpi {}/2026-08/minutes was deleted outside Steerco", p.ids[2])), "{said}");
    assert!(said.contains(&format!("the value totals kept for {} disagree with its months", p.ids[1])), "{said}");
}

fn business_case(v: &tracking::UseCaseValue) -> BusinessCase {
    BusinessCase { annual_value: v.annual_value, one_time_cost: v.one_time_cost, monthly_run_cost: v.monthly_run_cost }
}

/// The dashboard reads stored totals; each must equal what the case's months give.
fn assert_dashboard_matches_the_months(p: &Portfolio, shown: &[String]) {
    let d = dashboard::dashboard(&p.db, chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()).unwrap();
    let mut ids: Vec<String> = d.use_cases.iter().map(|c| c.use_case_id.clone()).collect();
    ids.sort();
    assert_eq!(ids, shown);
    let views: Vec<tracking::UseCaseValue> = shown.iter().map(|id| tracking::view(&p.db, id).unwrap()).collect();
    let amounts: Vec<Vec<(Month, Money, Money)>> = views
        .iter()
        .map(|v| v.months.iter().map(|m| (Month::parse(&m.month).unwrap(), m.benefit, m.cost)).collect())
        .collect();
    for (v, line) in views.iter().map(|v| (v, d.use_cases.iter().find(|c| c.use_case_id == v.use_case_id).unwrap())) {
        let r = &v.returns;
        assert_eq!(
            (
                line.cumulative_benefit,
                line.cumulative_cost,
                line.roi,
                line.payback_month.as_ref(),
                line.months_to_payback
            ),
            (r.cumulative_benefit, r.cumulative_cost, r.roi, r.payback_month.as_ref(), r.months_to_payback),
            "{}",
            v.use_case_id
        );
        assert_eq!(
            (line.benefit_variance, line.cost_variance, line.status),
            (r.benefit_variance, r.cost_variance, r.status)
        );
        assert_eq!(line.months_recorded as usize, v.months.len());
    }
    let cases: Vec<CaseMonths<'_>> = views
        .iter()
        .zip(&amounts)
        .map(|(v, a)| CaseMonths {
            recorded: a,
            case: business_case(v),
            benefits_from: v.benefits_from.as_deref().map(|m| Month::parse(m).unwrap()),
        })
        .collect();
    assert_eq!(d.portfolio.months, portfolio_months(&cases));
}

#[test]
fn the_stored_totals_add_up_to_the_months_however_they_were_written() {
    let p = portfolio(&["Claims triage", "Contract review", "Fraud triage", "Tax letters"]);
    // Imported in bulk for three cases, leaving a gap in one of them.
    let mut file = year_of_months(&p.ids, Some(&p.ids[3]));
    file = file.lines().filter(|l| !l.contains(&format!("{},2026-06", p.ids[0]))).collect::<Vec<_>>().join("\n");
    import(&p, &file, false, false);
    let mut shown: Vec<String> = p.ids[..3].to_vec();
    shown.sort();
    assert_dashboard_matches_the_months(&p, &shown);
    // By hand: a new case's month, the gap filled, a month replaced to pay back earlier.
    for (id, month, benefit, cost) in
        [(&p.ids[3], "2026-02", 5_000, 80_000), (&p.ids[0], "2026-06", 0, 0), (&p.ids[1], "2026-04", 900_000, 1)]
    {
        let input = MonthInput {
            use_case_id: id.clone(),
            month: month.into(),
            benefit: Money::units(benefit),
            cost: Money::units(cost),
            highlight: String::new(),
            kpis: Vec::new(),
            replace: true,
        };
        tracking::record_month(&p.db, &caller(CONSULTANT), &input).unwrap();
    }
    let mut shown: Vec<String> = p.ids.clone();
    shown.sort();
    assert_dashboard_matches_the_months(&p, &shown);
    // A withdrawn case leaves the dashboard and the portfolio's sums.
    withdrawal::withdraw(&p.db, &caller(CONSULTANT), &WithdrawRequest { id: p.ids[2].clone(), reason: "twice".into() })
        .unwrap();
    shown.retain(|id| id != &p.ids[2]);
    assert_dashboard_matches_the_months(&p, &shown);
    assert!(audit::verify(&p.db).unwrap().holds());
}
