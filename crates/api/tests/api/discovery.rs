//! Portfolio discovery through the handlers: CSV import and export, ranking with hand-worked
//! scores and paybacks, the payback gate and its overrides, weights, dossier edits, workshops.

use steerco_api::portfolio::Opening;
use steerco_api::scoring;
use steerco_api::types::*;
use steerco_api::use_case::{self as use_cases, UseCaseRef};
use steerco_api::{portfolio, Ctx, ErrorCode, Paths};
use steerco_core::domain::{CriterionKey, DossierField, Lane, Stage};
use steerco_core::services::discovery::scoring::Weight;
use steerco_core::services::portfolio::DemoRequest;
use tempfile::TempDir;

const HEADER: &str = "title,business_unit,executive_sponsor,product_owner,annual_value,one_time_cost,monthly_run_cost,value_rating,criticality_rating,guardrail_rating,data_readiness,risk_class,description";

/// Four cases with hand-worked scores (default weights 40/30/30) and paybacks (horizon 6):
/// Alpha:   value 5, crit 4, guard 2 → 40 + 22.5 + 22.5 = 85;   1.2M/yr, 300k, 20k/mo → 300/80 = 3.75 mo
/// Bravo:   value 4, crit 4, guard 3 → 30 + 22.5 + 15   = 67.5; 600k/yr, 360k, 10k/mo → 360/40 = 9 mo → research
/// Charlie: value 4, crit 4, guard 3 → 67.5 (tie with Bravo); 480k/yr, 100k, 0 → 100/40 = 2.5 mo → ranks above Bravo
/// Delta:   value 2, crit 1, guard 5 → 10 + 0 + 0 = 10;       120k/yr, 50k, 10k/mo → net 0 → no payback → research
pub(crate) fn sample_csv() -> String {
    format!(
        "{HEADER}\n\
         Alpha,Banking,Ana,Ben,1200000,300000,20000,5,4,2,4,limited,First\n\
         Bravo,Insurance,,,600000,360000,10000,4,4,3,,,\n\
         Charlie,Insurance,Cleo,,480000,100000,0,4,4,3,2,minimal,\"Has, a comma\"\n\
         Delta,Pharma,,,120000,50000,10000,2,1,5,1,high,\n"
    )
}

pub(crate) fn fresh() -> (TempDir, Ctx) {
    let dir = TempDir::new().unwrap();
    let paths = Paths { data_dir: dir.path().join("data"), config_dir: dir.path().join("config") };
    let ctx = portfolio::open_file(&paths, &dir.path().join("p.steerco"), Opening::CreateIfMissing).unwrap();
    portfolio::init(&ctx, portfolio::new_programme("New programme", "EUR").unwrap()).unwrap();
    (dir, ctx)
}

/// Writes `csv` beside the portfolio and returns its path, as the file chooser would.
pub(crate) fn csv_file(ctx: &Ctx, csv: &str) -> String {
    let path = ctx.db.path().unwrap().with_file_name(format!("in-{}.csv", crate::unique()));
    std::fs::write(&path, csv).unwrap();
    path.display().to_string()
}

fn import_request(ctx: &Ctx, csv: &str, dry_run: bool) -> ImportRequest {
    ImportRequest { path: csv_file(ctx, csv), dry_run, on_duplicate: None }
}

pub(crate) fn import(ctx: &Ctx, csv: &str) {
    use_cases::import_csv(ctx, import_request(ctx, csv, false)).unwrap();
}

fn set(id: &str, changes: Vec<DossierField>) -> UseCaseUpdate {
    UseCaseUpdate { id: id.to_owned(), changes, loaded: None }
}

fn set_weights(ctx: &Ctx, weights: Vec<Weight>) -> steerco_api::ApiResult<Vec<Criterion>> {
    scoring::set_weights(ctx, WeightsUpdate { weights, loaded: None })
}

fn weights(value: u32, criticality: u32, guardrail: u32) -> Vec<Weight> {
    vec![
        Weight { criterion: CriterionKey::Value, weight: value },
        Weight { criterion: CriterionKey::Criticality, weight: criticality },
        Weight { criterion: CriterionKey::Guardrail, weight: guardrail },
    ]
}

#[test]
fn hand_worked_scores_ranks_lanes_and_paybacks() {
    let (_dir, ctx) = fresh();
    import(&ctx, &sample_csv());
    let ranking = scoring::rank(&ctx, RankRequest::default()).unwrap();
    let got: Vec<(&str, f64, u32, Lane, Option<f64>)> = ranking
        .use_cases
        .iter()
        .map(|r| (r.use_case.title.as_str(), r.score, r.rank, r.use_case.lane, r.use_case.payback_months))
        .collect();
    assert_eq!(
        got,
        [
            ("Alpha", 85.0, 1, Lane::Portfolio, Some(3.75)),
            ("Charlie", 67.5, 2, Lane::Portfolio, Some(2.5)),
            ("Bravo", 67.5, 3, Lane::Research, Some(9.0)),
            ("Delta", 10.0, 4, Lane::Research, None),
        ]
    );
    let bravo = &ranking.use_cases[2].use_case;
    assert_eq!(bravo.lane_reason.as_deref(), Some("pays back in 9.0 months, beyond the 6-month horizon"));
}

#[test]
fn a_bad_file_stores_nothing_and_lists_every_problem() {
    let (_dir, ctx) = fresh();
    import(&ctx, &sample_csv());
    let bad =
        format!("{HEADER}\nGood,Unit,,,1,1,0,3,3,3,,,\nBad,Unit,,,-5,1,0,3,3,9,,unknown,\n,Unit,,,1,1,0,3,3,3,,,\n");
    let err = use_cases::import_csv(&ctx, import_request(&ctx, &bad, false)).unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidInput);
    for expected in [
        "row 3 (Bad), column annual_value: must be 0 or more, not -5",
        "row 3 (Bad), column guardrail_rating: must be a rating from 1 to 5, not 9",
        "row 3 (Bad), column risk_class:",
        "row 4, column title: is required",
    ] {
        assert!(err.message.contains(expected), "missing {expected:?} in:\n{}", err.message);
    }
    assert_eq!(use_cases::list(&ctx, ()).unwrap().len(), 4, "nothing from the bad file was stored");
}

#[test]
fn a_dry_run_reports_and_stores_nothing() {
    let (_dir, ctx) = fresh();
    let outcome = use_cases::import_csv(&ctx, import_request(&ctx, &sample_csv(), true)).unwrap();
    assert_eq!(outcome.rows.len(), 4);
    assert!(outcome.rows.iter().all(|r| r.id.is_none()));
    assert_eq!(outcome.rows[3].lane, Lane::Research);
    assert!(use_cases::list(&ctx, ()).unwrap().is_empty());
}

#[test]
fn export_then_import_gives_the_same_dossiers_scores_and_lanes() {
    let (dir, ctx) = fresh();
    portfolio::load_demo(&ctx, DemoRequest { force: true, scale: 30 }).unwrap();
    let first = dir.path().join("first.csv");
    use_cases::export_csv(&ctx, ExportRequest { destination: first.display().to_string() }).unwrap();

    let (_dir2, other) = fresh();
    import(&other, &std::fs::read_to_string(&first).unwrap());
    let (a, b) =
        (scoring::rank(&ctx, RankRequest::default()).unwrap(), scoring::rank(&other, RankRequest::default()).unwrap());
    assert_eq!(a.use_cases.len(), b.use_cases.len());
    // The CSV carries the dossier's exported fields; stages, workflow and notes, and gate
    // overrides are decisions kept in the portfolio, not columns (README says so).
    for (x, y) in a.use_cases.iter().zip(&b.use_cases) {
        let (x, y) = (&x.use_case, &y.use_case);
        assert_eq!(
            (&x.title, &x.business_unit, &x.description, &x.executive_sponsor, &x.product_owner),
            (&y.title, &y.business_unit, &y.description, &y.executive_sponsor, &y.product_owner)
        );
        assert_eq!(
            (x.annual_value, x.one_time_cost, x.monthly_run_cost),
            (y.annual_value, y.one_time_cost, y.monthly_run_cost),
            "{}",
            x.title
        );
        assert_eq!(
            (x.ratings, x.data_readiness, x.risk_class),
            (y.ratings, y.data_readiness, y.risk_class),
            "{}",
            x.title
        );
        if x.lane_override.is_none() {
            assert_eq!(x.lane, y.lane, "{}", x.title);
        }
    }
    let scores = |r: &Ranking| r.use_cases.iter().map(|u| (u.use_case.title.clone(), u.score)).collect::<Vec<_>>();
    assert_eq!(scores(&a), scores(&b));
}

#[test]
fn weights_must_sum_to_100_and_re_rank() {
    let (_dir, ctx) = fresh();
    import(&ctx, &sample_csv());
    let err = set_weights(&ctx, weights(50, 30, 30)).unwrap_err();
    assert_eq!((err.code, err.field.as_deref()), (ErrorCode::InvalidInput, Some("weights")));
    assert_eq!(scoring::criteria(&ctx, ()).unwrap()[0].weight, 40, "refused weights change nothing");

    // Guardrail alone: Alpha (guard 2) 75; Bravo and Charlie (3) 50; Delta (5) 0.
    set_weights(&ctx, weights(0, 0, 100)).unwrap();
    let ranking = scoring::rank(&ctx, RankRequest::default()).unwrap();
    assert_eq!(ranking.use_cases[0].score, 75.0);
    // A preview does not store.
    let preview = scoring::rank(&ctx, RankRequest { weights: Some(weights(100, 0, 0)) }).unwrap();
    assert_eq!(preview.use_cases[0].score, 100.0);
    assert_eq!(scoring::criteria(&ctx, ()).unwrap()[2].weight, 100);
}

#[test]
fn rank_ranges_bracket_the_rank() {
    let (_dir, ctx) = fresh();
    portfolio::load_demo(&ctx, DemoRequest { force: true, scale: 50 }).unwrap();
    for r in scoring::rank(&ctx, RankRequest::default()).unwrap().use_cases {
        assert!(r.rank_range[0] <= r.rank && r.rank <= r.rank_range[1], "{:?} outside {:?}", r.rank, r.rank_range);
    }
}

#[test]
fn an_override_keeps_a_case_in_the_portfolio_until_revoked() {
    let (_dir, ctx) = fresh();
    import(&ctx, &sample_csv());
    let bravo = use_cases::list(&ctx, ()).unwrap().into_iter().find(|c| c.title == "Bravo").unwrap();
    let req = |reason: &str| OverrideRequest {
        id: bravo.id.clone(),
        decided_by: "Claire Dubois".into(),
        reason: reason.into(),
    };
    let err = use_cases::override_gate(&ctx, req("  ")).unwrap_err();
    assert_eq!(err.field.as_deref(), Some("reason"));

    let kept = use_cases::override_gate(&ctx, req("Regulatory deadline in Q2")).unwrap();
    assert_eq!(kept.lane, Lane::Portfolio);
    assert_eq!(kept.lane_override.as_ref().map(|o| o.decided_by.as_str()), Some("Claire Dubois"));
    assert_eq!(use_cases::override_gate(&ctx, req("again")).unwrap_err().code, ErrorCode::Conflict);

    let revoked = use_cases::revoke_override(
        &ctx,
        RevokeOverrideRequest { id: bravo.id.clone(), revoked_by: "Jonas Berg".into() },
    )
    .unwrap();
    assert_eq!(revoked.lane, Lane::Research);
    let decisions = steerco_api::audit::log(
        &ctx,
        AuditQuery {
            entity: Some(bravo.id.clone()),
            action: Some(steerco_core::audit::Action::Decide),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(decisions.records.len(), 2, "the override and its revocation are both on record");
    assert!(decisions.records[1].after.as_deref().unwrap().contains("Jonas Berg"));
}

#[test]
fn a_dossier_cannot_leave_discovery_without_both_owners() {
    let (_dir, ctx) = fresh();
    import(&ctx, &sample_csv());
    let charlie = use_cases::list(&ctx, ()).unwrap().into_iter().find(|c| c.title == "Charlie").unwrap();
    let err = use_cases::update(&ctx, set(&charlie.id, vec![DossierField::Stage(Stage::Architecture)])).unwrap_err();
    assert_eq!(err.field.as_deref(), Some("stage"));
    assert!(err.message.ends_with("without a product owner"), "{}", err.message);
    assert_eq!(use_cases::get(&ctx, UseCaseRef { id: charlie.id.clone() }).unwrap(), charlie, "nothing changed");

    let both = vec![DossierField::ProductOwner(Some("Dan".into())), DossierField::Stage(Stage::Architecture)];
    let moved = use_cases::update(&ctx, set(&charlie.id, both)).unwrap();
    assert_eq!(moved.stage, Stage::Architecture);
}

#[test]
fn overrides_are_refused_where_they_would_change_nothing() {
    let (_dir, ctx) = fresh();
    import(&ctx, &sample_csv());
    let cases = use_cases::list(&ctx, ()).unwrap();
    let by_title = |t: &str| cases.iter().find(|c| c.title == t).unwrap().clone();
    let req = |id: &str| OverrideRequest { id: id.into(), decided_by: "Claire".into(), reason: "why".into() };
    // Alpha passes the gate.
    let err = use_cases::override_gate(&ctx, req(&by_title("Alpha").id)).unwrap_err();
    assert_eq!(err.code, ErrorCode::Conflict);
    assert!(err.message.contains("passes the payback gate"), "{}", err.message);
    // Bravo parked in research by decision.
    let bravo = by_title("Bravo");
    use_cases::update(&ctx, set(&bravo.id, vec![DossierField::Lane(Lane::Research)])).unwrap();
    let err = use_cases::override_gate(&ctx, req(&bravo.id)).unwrap_err();
    assert!(err.message.contains("by decision"), "{}", err.message);
    let decisions = steerco_api::audit::log(
        &ctx,
        AuditQuery { action: Some(steerco_core::audit::Action::Decide), ..Default::default() },
    )
    .unwrap();
    assert!(decisions.records.is_empty(), "a refused override leaves no record");
}

#[test]
fn exports_never_overwrite_the_open_portfolio() {
    let (dir, ctx) = fresh();
    import(&ctx, &sample_csv());
    let portfolio_file = dir.path().join("p.steerco");
    let before = use_cases::list(&ctx, ()).unwrap();
    for target in [portfolio_file.clone(), dir.path().join("p.steerco-wal"), dir.path().join(".").join("p.steerco")] {
        let err = use_cases::export_csv(&ctx, ExportRequest { destination: target.display().to_string() }).unwrap_err();
        assert_eq!(err.field.as_deref(), Some("destination"), "{target:?}: {}", err.message);
        let err =
            scoring::export_matrix(&ctx, ExportRequest { destination: target.display().to_string() }).unwrap_err();
        assert_eq!(err.field.as_deref(), Some("destination"));
    }
    assert_eq!(use_cases::list(&ctx, ()).unwrap(), before);
    let reopened = portfolio::open_file(
        &Paths { data_dir: dir.path().into(), config_dir: dir.path().into() },
        &portfolio_file,
        Opening::Existing,
    )
    .unwrap();
    assert_eq!(use_cases::list(&reopened, ()).unwrap().len(), 4, "the file on disk is still the portfolio");
}

#[test]
fn the_matrix_svg_labels_every_case() {
    let (_dir, ctx) = fresh();
    import(&ctx, &sample_csv());
    let svg = scoring::matrix_svg(&ctx, ()).unwrap();
    // Each case is labelled with its title, shortened to what reads at a glance.
    for case in use_cases::list(&ctx, ()).unwrap() {
        let label: String = case.title.chars().take(17).collect();
        assert!(svg.contains(&format!("\n{label}")), "{} labelled {label:?}", case.id);
    }
}

#[test]
fn the_gate_preview_judges_unsaved_figures_under_the_programme_horizon() {
    let (_dir, ctx) = fresh();
    let money = steerco_core::Money::units;
    let quick = GatePreviewRequest {
        annual_value: money(1_200_000),
        one_time_cost: money(300_000),
        monthly_run_cost: money(20_000),
    };
    let preview = use_cases::preview_gate(&ctx, quick).unwrap();
    assert_eq!((preview.payback_months, preview.horizon_months, preview.failure), (Some(3.75), 6, None));
    let slow = GatePreviewRequest {
        annual_value: money(600_000),
        one_time_cost: money(360_000),
        monthly_run_cost: money(10_000),
    };
    let preview = use_cases::preview_gate(&ctx, slow).unwrap();
    assert_eq!(preview.payback_months, Some(9.0));
    assert!(preview.failure.unwrap().contains("beyond the 6-month horizon"));
    let never = GatePreviewRequest {
        annual_value: money(120_000),
        one_time_cost: money(50_000),
        monthly_run_cost: money(10_000),
    };
    assert_eq!(use_cases::preview_gate(&ctx, never).unwrap().payback_months, None);
}
