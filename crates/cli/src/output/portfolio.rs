//! Printing portfolio results: use cases, dossiers, the ranking, weights, imports.

use std::path::Path;

use steerco_api::types::{ImportOutcome, PortfolioInfo, Ranking};
use steerco_core::domain::{Programme, UseCase};
use steerco_core::overview::ProgrammeOverview;
use steerco_core::scoring::Criterion;
use steerco_core::services::portfolio::backup::BackupFile;
use steerco_core::services::portfolio::DemoOutcome;

use super::{emit, json, money, table, Printed};

fn or_dash(value: &Option<String>) -> String {
    value.clone().unwrap_or_else(|| "—".into())
}

fn payback(months: Option<f64>) -> String {
    months.map_or_else(|| "never".to_owned(), |m| format!("{m:.1} mo"))
}

pub fn demo(o: &DemoOutcome, path: &Path) -> Printed {
    let mut text = format!(
        "Loaded the demo portfolio {:?} into {}: {} use cases",
        o.programme.name,
        path.display(),
        o.demo_use_cases
    );
    if o.synthetic_use_cases > 0 {
        text += &format!(" and {} synthetic", o.synthetic_use_cases);
    }
    if o.replaced_use_cases > 0 {
        text += &format!(", replacing {} existing", o.replaced_use_cases);
    }
    emit(&(text + ".\n"))
}

pub fn use_cases(cases: &[UseCase], as_json: bool) -> Printed {
    if as_json {
        return json(cases);
    }
    let rows: Vec<Vec<String>> = cases
        .iter()
        .map(|c| {
            vec![
                c.id.clone(),
                c.title.clone(),
                c.business_unit.clone(),
                c.lane.to_string(),
                c.stage.to_string(),
                or_dash(&c.executive_sponsor),
                or_dash(&c.product_owner),
            ]
        })
        .collect();
    let header = ["ID", "TITLE", "BUSINESS UNIT", "LANE", "STAGE", "SPONSOR", "PRODUCT OWNER"];
    emit(&(table(&header, &rows) + &format!("{} use cases\n", cases.len())))
}

pub fn use_case(c: &UseCase, as_json: bool) -> Printed {
    if as_json {
        return json(c);
    }
    let mut text = format!("{}  {}\n{}\n\n", c.id, c.title, c.business_unit);
    let rows = [
        ("Stage", c.stage.to_string()),
        ("Lane", c.lane.to_string()),
        ("Executive sponsor", or_dash(&c.executive_sponsor)),
        ("Product owner", or_dash(&c.product_owner)),
        ("Annual value", money(c.annual_value)),
        ("One-time cost", money(c.one_time_cost)),
        ("Monthly run cost", money(c.monthly_run_cost)),
        ("Payback", payback(c.payback_months)),
        (
            "Ratings",
            format!(
                "value {} · criticality {} · guardrail {}",
                c.ratings.value, c.ratings.criticality, c.ratings.guardrail
            ),
        ),
        ("Data readiness", c.data_readiness.map_or("not assessed".into(), |r| format!("{r}/5"))),
        ("EU AI Act class", c.risk_class.map_or("not assessed".into(), |r| r.to_string())),
    ];
    for (label, value) in rows {
        text += &format!("{label:<18} {value}\n");
    }
    if let Some(reason) = &c.lane_reason {
        text += &format!("\nIn research: {reason}.\n");
    }
    if let Some(o) = &c.lane_override {
        text +=
            &format!("\nGate overridden by {} on {}: {}\n", o.decided_by, o.decided_at.format("%Y-%m-%d"), o.reason);
    }
    if !c.description.is_empty() {
        text += &format!("\n{}\n", c.description);
    }
    emit(&text)
}

pub fn ranking(r: &Ranking, as_json: bool) -> Printed {
    if as_json {
        return json(&r.use_cases);
    }
    let rows: Vec<Vec<String>> = r
        .use_cases
        .iter()
        .map(|u| {
            vec![
                u.rank.to_string(),
                u.use_case.id.clone(),
                u.use_case.title.clone(),
                format!("{:.1}", u.score),
                payback(u.use_case.payback_months),
                u.use_case.lane.to_string(),
                format!("{}–{}", u.rank_range[0], u.rank_range[1]),
            ]
        })
        .collect();
    let weights: Vec<String> = r.criteria.iter().map(|c| format!("{} {}%", c.key, c.weight)).collect();
    let header = ["RANK", "ID", "TITLE", "SCORE", "PAYBACK", "LANE", "RANK RANGE"];
    emit(&(table(&header, &rows) + &format!("Weights: {}\n", weights.join(", "))))
}

pub fn criteria(criteria: &[Criterion], as_json: bool) -> Printed {
    if as_json {
        return json(criteria);
    }
    let rows: Vec<Vec<String>> = criteria
        .iter()
        .map(|c| vec![c.key.to_string(), c.name.clone(), format!("{}%", c.weight), c.direction.to_string()])
        .collect();
    emit(&table(&["CRITERION", "NAME", "WEIGHT", "DIRECTION"], &rows))
}

pub fn imported(o: &ImportOutcome) -> Printed {
    if o.rows.is_empty() {
        return emit("The file holds no use cases; nothing was imported.\n");
    }
    let rows: Vec<Vec<String>> = o
        .rows
        .iter()
        .map(|r| {
            vec![
                r.row.to_string(),
                r.id.clone().unwrap_or_else(|| "—".into()),
                r.title.clone(),
                r.lane.to_string(),
                payback(r.payback_months),
            ]
        })
        .collect();
    let verdict = if o.dry_run {
        format!("Dry run: {} use cases would be imported; nothing was stored.\n", o.rows.len())
    } else {
        format!("Imported {} use cases.\n", o.rows.len())
    };
    emit(&(table(&["ROW", "ID", "TITLE", "LANE", "PAYBACK"], &rows) + &verdict))
}

pub fn overview(o: &ProgrammeOverview, as_json: bool) -> Printed {
    if as_json {
        return json(o);
    }
    let mut text = format!("{} ({}) — {} use cases\n\n", o.programme.name, o.programme.currency, o.total);
    let lanes: Vec<Vec<String>> = o.by_lane.iter().map(|c| vec![c.lane.to_string(), c.count.to_string()]).collect();
    text += &table(&["LANE", "USE CASES"], &lanes);
    text += "\n";
    let stages: Vec<Vec<String>> = o.by_stage.iter().map(|c| vec![c.stage.to_string(), c.count.to_string()]).collect();
    text += &table(&["STAGE", "USE CASES"], &stages);
    emit(&text)
}

pub fn info(i: &PortfolioInfo, as_json: bool) -> Printed {
    if as_json {
        return json(i);
    }
    let programme =
        i.programme.as_ref().map_or("(not initialised)".to_owned(), |p| format!("{} ({})", p.name, p.currency));
    emit(&format!(
        "File:       {}\nSchema:     version {}\nProgramme:  {}\nUse cases:  {}\n",
        i.path.as_deref().unwrap_or("(in memory)"),
        i.schema_version,
        programme,
        i.use_case_count
    ))
}

pub fn programme(p: &Programme, as_json: bool) -> Printed {
    if as_json {
        return json(p);
    }
    emit(&format!(
        "Programme:        {}\nCurrency:         {}\nPayback horizon:  {} months\n",
        p.name, p.currency, p.settings.payback_horizon_months
    ))
}

pub fn backups(list: &[BackupFile], as_json: bool) -> Printed {
    if as_json {
        return json(list);
    }
    if list.is_empty() {
        return emit("No backups yet; one is taken each day the portfolio is opened, and before every upgrade.\n");
    }
    let rows: Vec<Vec<String>> = list
        .iter()
        .map(|b| {
            vec![
                b.file_name.clone(),
                b.taken_at.format("%Y-%m-%d %H:%M UTC").to_string(),
                b.reason.clone(),
                b.bytes.to_string(),
            ]
        })
        .collect();
    emit(&table(&["BACKUP", "TAKEN", "WHY", "BYTES"], &rows))
}
