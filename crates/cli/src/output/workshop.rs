//! Printing workshops and their consensus.

use steerco_api::types::WorkshopDetail;
use steerco_core::workshop::Workshop;

use super::{emit, json, table, Printed};

pub fn workshops(list: &[Workshop], as_json: bool) -> Printed {
    if as_json {
        return json(list);
    }
    let rows: Vec<Vec<String>> = list
        .iter()
        .map(|w| {
            vec![
                w.id.clone(),
                w.held_on.clone(),
                w.title.clone(),
                w.facilitator.clone(),
                w.participants.len().to_string(),
                w.use_case_ids.len().to_string(),
                w.rating_count.to_string(),
            ]
        })
        .collect();
    emit(&table(&["ID", "DATE", "TITLE", "FACILITATOR", "PARTICIPANTS", "USE CASES", "RATINGS"], &rows))
}

pub fn workshop_detail(d: &WorkshopDetail, as_json: bool) -> Printed {
    if as_json {
        return json(d);
    }
    let w = &d.workshop;
    let mut text = format!(
        "{}  {} — {} (facilitator {})\nParticipants: {}\n\n",
        w.id,
        w.title,
        w.held_on,
        w.facilitator,
        w.participants.join(", ")
    );
    let rows: Vec<Vec<String>> = d
        .consensus
        .iter()
        .map(|cell| {
            let title = d.agenda.iter().find(|a| a.id == cell.use_case_id).map_or("", |a| a.title.as_str());
            let given: Vec<String> = cell.ratings.iter().map(|(p, r)| format!("{p} {r}")).collect();
            vec![
                cell.use_case_id.clone(),
                title.to_owned(),
                cell.criterion.to_string(),
                cell.median.map_or("—".into(), |m| m.to_string()),
                cell.spread.map_or("—".into(), |s| s.to_string()),
                if cell.discuss { "DISCUSS".into() } else { String::new() },
                given.join(", "),
            ]
        })
        .collect();
    text += &table(&["USE CASE", "TITLE", "CRITERION", "MEDIAN", "SPREAD", "FLAG", "RATINGS"], &rows);
    emit(&text)
}
