//! The portfolio and session handlers on real files in temp folders, as the desktop app and the
//! CLI call them, and the error shape they give the UI.

use std::path::PathBuf;

use steerco_api::portfolio::{self, Opening};
use steerco_api::session::{self, NewPortfolioRequest, OpenRequest, Session, WorkingAsRequest};
use steerco_api::types::*;
use steerco_api::{programme, recent, use_case, ErrorCode, Paths};
use steerco_core::domain::{DossierField, Lane};
use steerco_core::services::portfolio::DemoRequest;
use tempfile::TempDir;

struct Fixture {
    dir: TempDir,
    paths: Paths,
}

impl Fixture {
    fn new() -> Self {
        let dir = TempDir::new().unwrap();
        let paths = Paths { data_dir: dir.path().join("data"), config_dir: dir.path().join("config") };
        Self { dir, paths }
    }

    fn file(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn demo(&self, name: &str) -> steerco_api::Ctx {
        let ctx = portfolio::open_file(&self.paths, &self.file(name), Opening::CreateIfMissing).unwrap();
        portfolio::load_demo(&ctx, DemoRequest::default()).unwrap();
        ctx
    }
}

#[test]
fn the_demo_loads_and_the_overview_matches_the_list() {
    let fx = Fixture::new();
    let ctx = fx.demo("demo.steerco");
    let overview = programme::overview(&ctx, ()).unwrap();
    let list = use_case::list(&ctx, ()).unwrap();
    assert_eq!(overview.total as usize, list.len());
    for lane in &overview.by_lane {
        assert_eq!(lane.count as usize, list.iter().filter(|c| c.lane == lane.lane).count(), "{}", lane.lane);
    }
    let err = portfolio::load_demo(&ctx, DemoRequest::default()).unwrap_err();
    assert_eq!(err.code, ErrorCode::Conflict);
    assert_eq!(use_case::list(&ctx, ()).unwrap(), list, "a refused demo load changes nothing");
    let err = portfolio::load_demo(&ctx, DemoRequest { force: true, scale: u32::MAX }).unwrap_err();
    assert_eq!((err.code, err.field.as_deref()), (ErrorCode::InvalidInput, Some("scale")));
}

#[test]
fn init_validates_before_touching_anything_and_is_idempotent() {
    let fx = Fixture::new();
    let err = portfolio::new_programme("Q3", "euros").unwrap_err();
    assert_eq!(err.field.as_deref(), Some("programme.currency"));
    assert_eq!(err.reason.as_deref(), Some("must be a three-letter ISO 4217 code such as EUR or USD, not \"euros\""));
    let ctx = portfolio::open_file(&fx.paths, &fx.file("p.steerco"), Opening::CreateIfMissing).unwrap();
    assert_eq!(programme::overview(&ctx, ()).unwrap_err().code, ErrorCode::NoPortfolio);
    let first = portfolio::init(&ctx, portfolio::new_programme("Q3 programme", "usd").unwrap()).unwrap();
    assert!(first.created && first.programme.currency == "USD");
    let again = portfolio::init(&ctx, portfolio::new_programme("Other", "EUR").unwrap()).unwrap();
    assert!(!again.created && again.programme.name == "Q3 programme");
}

#[test]
fn errors_carry_the_code_the_field_and_the_reason_apart() {
    let fx = Fixture::new();
    let ctx = fx.demo("p.steerco");
    let id = use_case::list(&ctx, ()).unwrap()[0].id.clone();
    let bad = UseCaseUpdate { id: id.clone(), changes: vec![DossierField::Title("  ".into())], loaded: None };
    let err = use_case::update(&ctx, bad).unwrap_err();
    assert_eq!(
        (err.code, err.field.as_deref(), err.reason.as_deref()),
        (ErrorCode::InvalidInput, Some("title"), Some("is required"))
    );
    let loaded = use_case::get(&ctx, steerco_api::use_case::UseCaseRef { id: id.clone() }).unwrap().to_input();
    let mut other = ctx.clone();
    other.user = Some("Sofia Brandt".into());
    use_case::update(
        &other,
        UseCaseUpdate { id: id.clone(), changes: vec![DossierField::Workflow("theirs".into())], loaded: None },
    )
    .unwrap();
    let mine =
        UseCaseUpdate { id: id.clone(), changes: vec![DossierField::Workflow("mine".into())], loaded: Some(loaded) };
    let err = use_case::update(&other, mine).unwrap_err();
    assert_eq!((err.code, err.field.as_deref()), (ErrorCode::EditConflict, Some("workflow")));
    let missing = use_case::get(&ctx, steerco_api::use_case::UseCaseRef { id: "UC-999".into() }).unwrap_err();
    assert_eq!(missing.code, ErrorCode::NotFound);
    let ro = portfolio::open_file(&fx.paths, &fx.file("p.steerco"), Opening::ReadOnly).unwrap();
    let err =
        use_case::update(&ro, UseCaseUpdate { id, changes: vec![DossierField::Workflow("x".into())], loaded: None })
            .unwrap_err();
    assert_eq!(err.code, ErrorCode::ReadOnly);
    assert!(portfolio::info(&ro, ()).unwrap().read_only.is_some(), "the header can say why");
}

#[test]
fn a_saved_copy_opens_with_the_same_use_cases_and_never_replaces_the_original() {
    let fx = Fixture::new();
    let ctx = fx.demo("p.steerco");
    let copy = fx.file("copy.steerco");
    let saved = portfolio::save_copy(&ctx, SaveCopyRequest { destination: copy.display().to_string() }).unwrap();
    assert!(saved.bytes > 0 && saved.sha256.len() == 64);
    let reopened = portfolio::open_file(&fx.paths, &copy, Opening::Existing).unwrap();
    assert_eq!(use_case::list(&reopened, ()).unwrap(), use_case::list(&ctx, ()).unwrap());
    for target in [fx.dir.path().to_path_buf(), fx.file("p.steerco")] {
        let err =
            portfolio::save_copy(&ctx, SaveCopyRequest { destination: target.display().to_string() }).unwrap_err();
        assert_eq!(err.field.as_deref(), Some("destination"));
    }
}

#[test]
fn a_session_starts_on_a_new_file_with_the_demo_and_remembers_it() {
    let fx = Fixture::new();
    let session = Session::start(fx.paths.clone(), &fx.file("first-run.steerco"), Default::default());
    let status = session::status(&session, ()).unwrap();
    assert!(status.portfolio.expect("a first run opens a portfolio").use_case_count >= 19);
    assert!(status.problem.is_none() && status.has_people && status.working_as.is_none());
    let recent = recent::list(&session, ()).unwrap();
    assert!(recent.len() == 1 && recent[0].exists);
    let err = session::set_working_as(&session, WorkingAsRequest { name: Some("Nobody".into()) }).unwrap_err();
    assert_eq!(err.field.as_deref(), Some("name"));
    let status = session::set_working_as(&session, WorkingAsRequest { name: Some("carla mendes".into()) }).unwrap();
    assert_eq!(status.working_as.unwrap().name, "Carla Mendes");
}

#[test]
fn a_session_on_a_refused_file_reports_why_and_a_bad_switch_keeps_the_open_file() {
    let fx = Fixture::new();
    let text = fx.file("notes.steerco");
    std::fs::write(&text, "just text").unwrap();
    let session = Session::start(fx.paths.clone(), &text, Default::default());
    let status = session::status(&session, ()).unwrap();
    assert!(status.portfolio.is_none());
    assert_eq!(status.problem.map(|p| p.code), Some(ErrorCode::NotAPortfolio));
    assert_eq!(session.ctx().unwrap_err().code, ErrorCode::NoPortfolio);
    assert_eq!(std::fs::read(&text).unwrap(), b"just text");

    let good = fx.file("good.steerco");
    let session = Session::start(fx.paths.clone(), &good, Default::default());
    let err = portfolio::open(&session, OpenRequest { path: text.display().to_string() }).unwrap_err();
    assert_eq!(err.code, ErrorCode::NotAPortfolio);
    let still = session::status(&session, ()).unwrap().portfolio.unwrap();
    assert_eq!(still.path.as_deref(), Some(good.display().to_string().as_str()));
}

#[test]
fn creating_a_portfolio_refuses_existing_files_and_bad_currencies_without_leaving_files() {
    let fx = Fixture::new();
    let start = fx.file("start.steerco");
    let session = Session::start(fx.paths.clone(), &start, Default::default());
    let req = |path: &PathBuf, currency: &str| NewPortfolioRequest {
        path: path.display().to_string(),
        name: "Q1 discovery".into(),
        currency: currency.into(),
    };
    let err = portfolio::create(&session, req(&start, "EUR")).unwrap_err();
    assert_eq!((err.code, err.field.as_deref()), (ErrorCode::InvalidInput, Some("path")));
    let fresh = fx.file("q1.steerco");
    let err = portfolio::create(&session, req(&fresh, "E1")).unwrap_err();
    assert_eq!(err.field.as_deref(), Some("programme.currency"));
    assert!(!fresh.exists(), "a refused request leaves no file behind");
    let info = portfolio::create(&session, req(&fresh, "gbp")).unwrap().portfolio.unwrap();
    assert_eq!((info.use_case_count, info.programme.unwrap().currency.as_str()), (0, "GBP"));
    let overview = programme::overview(&session.ctx().unwrap(), ()).unwrap();
    assert!(overview.by_lane.iter().all(|l| l.count == 0 && Lane::ALL.contains(&l.lane)));
    assert_eq!(recent::list(&session, ()).unwrap()[0].name, "q1.steerco", "the new file heads the recent list");
}

#[test]
fn a_new_portfolio_records_its_creation_under_the_person_working() {
    let fx = Fixture::new();
    let start = fx.file("start.steerco");
    let options = session::StartOptions { user: Some("Jonas Weber".into()), ..Default::default() };
    let session = Session::start(fx.paths.clone(), &start, options);
    let fresh = fx.file("new.steerco");
    let req = NewPortfolioRequest { path: fresh.display().to_string(), name: "Q2".into(), currency: "EUR".into() };
    portfolio::create(&session, req).unwrap();
    let query = AuditQuery { include_internal: true, ..Default::default() };
    let trail = steerco_api::audit::log(&session.ctx().unwrap(), query).unwrap();
    let programme = trail.records.iter().find(|r| r.entity_kind == "programme").expect("the programme's creation");
    assert_eq!(programme.actor, "Jonas Weber", "not the operating-system login");
}
