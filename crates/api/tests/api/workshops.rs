//! Workshops through the handlers: ratings move the dossier to the median and flag spreads;
//! withdrawing every rating restores what the dossier held.

use steerco_api::types::*;
use steerco_api::use_case::{self as use_cases, UseCaseRef};
use steerco_api::workshop as workshops;
use steerco_api::ErrorCode;
use steerco_core::domain::CriterionKey;
use steerco_core::workshop::RatingEntry;

use crate::discovery::{csv_file, fresh, import, sample_csv};

#[test]
fn workshop_ratings_set_the_dossier_median_and_flag_spreads() {
    let (dir, ctx) = fresh();
    import(&ctx, &sample_csv());
    let ids: Vec<String> = use_cases::list(&ctx, ()).unwrap().into_iter().map(|c| c.id).collect();
    let w = workshops::create(
        &ctx,
        NewWorkshop {
            title: "Discovery day".into(),
            held_on: "2026-11-30".into(),
            facilitator: "Nadia".into(),
            participants: vec!["Ana".into(), "Ben".into(), "Cy".into()],
            use_case_ids: vec![ids[0].clone()],
        },
    )
    .unwrap();
    let entry = |p: &str, c: CriterionKey, r: u8| RatingEntry {
        participant: p.into(),
        use_case_id: ids[0].clone(),
        criterion: c,
        rating: Some(r),
    };
    let detail = workshops::rate(
        &ctx,
        RateRequest {
            workshop_id: w.id.clone(),
            entries: vec![
                entry("Ana", CriterionKey::Value, 2),
                entry("Ben", CriterionKey::Value, 3),
                entry("Cy", CriterionKey::Value, 5),
            ],
        },
    )
    .unwrap();
    let cell = detail.consensus.iter().find(|c| c.criterion == CriterionKey::Value).unwrap();
    assert_eq!((cell.median, cell.spread, cell.discuss), (Some(3.0), Some(3), true));
    assert_eq!(
        use_cases::get(&ctx, UseCaseRef { id: ids[0].clone() }).unwrap().ratings.value,
        3.0,
        "dossier takes the median"
    );

    // A participant's sheet, filled in offline and read back.
    let sheet = dir.path().join("ana.csv");
    workshops::export_sheet(
        &ctx,
        SheetExportRequest {
            workshop_id: w.id.clone(),
            participant: "Ana".into(),
            destination: sheet.display().to_string(),
        },
    )
    .unwrap();
    let text = std::fs::read_to_string(&sheet).unwrap();
    assert!(text.lines().nth(1).unwrap().ends_with(",2"), "the sheet is prefilled: {text}");
    let filled = text.replace("criticality,Process criticality,", "criticality,Process criticality,4");
    let detail =
        workshops::import_sheet(&ctx, SheetImportRequest { workshop_id: w.id.clone(), path: csv_file(&ctx, &filled) })
            .unwrap();
    let crit = detail.consensus.iter().find(|c| c.criterion == CriterionKey::Criticality).unwrap();
    assert_eq!(crit.ratings, [("Ana".to_owned(), 4)]);

    // A bad sheet (a stranger, a rating of 7) stores nothing.
    let bad = format!(
        "workshop_id,participant,use_case_id,criterion,rating\n{0},Zed,{1},value,4\n{0},Ben,{1},guardrail,7\n",
        w.id, ids[0]
    );
    let err =
        workshops::import_sheet(&ctx, SheetImportRequest { workshop_id: w.id.clone(), path: csv_file(&ctx, &bad) })
            .unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidInput);
    assert!(err.message.contains("row 3, column rating"), "{}", err.message);
    let after = workshops::get(&ctx, WorkshopRef { id: w.id.clone() }).unwrap();
    assert_eq!(after.ratings.len(), 4, "nothing from the bad sheet was recorded");
}

#[test]
fn withdrawing_every_workshop_rating_restores_the_dossier_rating() {
    let (_dir, ctx) = fresh();
    import(&ctx, &sample_csv());
    let alpha = use_cases::list(&ctx, ()).unwrap().into_iter().find(|c| c.title == "Alpha").unwrap();
    let w = workshops::create(
        &ctx,
        NewWorkshop {
            title: "Day".into(),
            held_on: "2026-12-1".into(),
            facilitator: "N".into(),
            participants: vec!["Ana".into()],
            use_case_ids: vec![alpha.id.clone()],
        },
    )
    .unwrap();
    assert_eq!(w.held_on, "2026-12-01");
    let rate = |rating: Option<u8>| {
        let entry = RatingEntry {
            participant: "Ana".into(),
            use_case_id: alpha.id.clone(),
            criterion: CriterionKey::Value,
            rating,
        };
        workshops::rate(&ctx, RateRequest { workshop_id: w.id.clone(), entries: vec![entry] }).unwrap();
        use_cases::get(&ctx, UseCaseRef { id: alpha.id.clone() }).unwrap().ratings.value
    };
    assert_eq!(rate(Some(1)), 1.0, "a mis-click takes effect at once");
    assert_eq!(rate(None), 5.0, "withdrawing it restores the dossier's own rating");
}
