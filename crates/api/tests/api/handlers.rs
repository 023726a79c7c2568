//! The handlers on real files in temp folders, as the desktop app and the CLI call them.

use std::path::PathBuf;

use steerco_api::portfolio::{self, DemoRequest, InitRequest, SaveCopyRequest};
use steerco_api::session::{NewPortfolioRequest, OpenRequest, Session};
use steerco_api::{programme, use_case, ErrorCode, Paths};
use steerco_core::domain::Lane;
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
}

#[test]
fn the_demo_loads_into_a_new_file_and_the_overview_matches_the_list() {
    let fx = Fixture::new();
    let ctx = portfolio::open(&fx.paths, &fx.file("demo.steerco"), true).unwrap();
    let outcome = portfolio::load_demo(&ctx, DemoRequest::default()).unwrap();
    assert_eq!(outcome.replaced_use_cases, 0);

    let overview = programme::overview(&ctx, ()).unwrap();
    let list = use_case::list(&ctx, ()).unwrap();
    assert_eq!(overview.programme.name, "Halden Group — Enterprise LoRA Programme");
    assert_eq!(overview.total as usize, list.len());
    for lane in &overview.by_lane {
        let counted = list.iter().filter(|c| c.lane == lane.lane).count();
        assert_eq!(lane.count as usize, counted, "lane {} count agrees with the list", lane.lane);
    }
    assert!(list.iter().any(|c| c.title == "Claims document triage" && c.description.contains("19% faster")));
}

#[test]
fn the_demo_refuses_a_non_empty_portfolio_unless_forced() {
    let fx = Fixture::new();
    let ctx = portfolio::open(&fx.paths, &fx.file("p.steerco"), true).unwrap();
    portfolio::load_demo(&ctx, DemoRequest { force: false, scale: 5 }).unwrap();
    let before = use_case::list(&ctx, ()).unwrap();

    let err = portfolio::load_demo(&ctx, DemoRequest::default()).unwrap_err();
    assert_eq!(err.code, ErrorCode::Conflict);
    assert!(err.message.contains("--force"), "{}", err.message);
    assert_eq!(use_case::list(&ctx, ()).unwrap(), before, "a refused demo load changes nothing");

    let forced = portfolio::load_demo(&ctx, DemoRequest { force: true, scale: 0 }).unwrap();
    assert_eq!(forced.replaced_use_cases as usize, before.len());
    let after = use_case::list(&ctx, ()).unwrap();
    assert_eq!(after.len(), forced.demo_use_cases as usize);
    assert_eq!(after[0].id, "UC-001", "a replaced portfolio numbers its use cases afresh");
}

#[test]
fn scale_adds_synthetic_cases_and_refuses_absurd_sizes() {
    let fx = Fixture::new();
    let ctx = portfolio::open(&fx.paths, &fx.file("p.steerco"), true).unwrap();
    let outcome = portfolio::load_demo(&ctx, DemoRequest { force: false, scale: 250 }).unwrap();
    assert_eq!(use_case::list(&ctx, ()).unwrap().len(), (outcome.demo_use_cases + 250) as usize);
    let err = portfolio::load_demo(&ctx, DemoRequest { force: true, scale: u32::MAX }).unwrap_err();
    assert_eq!((err.code, err.field.as_deref()), (ErrorCode::InvalidInput, Some("scale")));
}

#[test]
fn init_is_idempotent_and_validates_before_touching_anything() {
    let fx = Fixture::new();
    let bad = InitRequest { name: "Q3".into(), currency: "euros".into() };
    let err = bad.validated().unwrap_err();
    assert_eq!(err.field.as_deref(), Some("programme.currency"));

    let ctx = portfolio::open(&fx.paths, &fx.file("p.steerco"), true).unwrap();
    let first = portfolio::init(&ctx, InitRequest { name: "Q3 programme".into(), currency: "usd".into() }).unwrap();
    assert!(first.created);
    assert_eq!(first.programme.currency, "USD");
    let again = portfolio::init(&ctx, InitRequest::default()).unwrap();
    assert!(!again.created);
    assert_eq!(again.programme.name, "Q3 programme", "a second init leaves the programme as it was");
}

#[test]
fn the_overview_of_a_blank_file_says_it_has_no_programme() {
    let fx = Fixture::new();
    let ctx = portfolio::open(&fx.paths, &fx.file("blank.steerco"), true).unwrap();
    assert_eq!(programme::overview(&ctx, ()).unwrap_err().code, ErrorCode::NoPortfolio);
}

#[test]
fn a_saved_copy_opens_with_the_same_use_cases() {
    let fx = Fixture::new();
    let ctx = portfolio::open(&fx.paths, &fx.file("p.steerco"), true).unwrap();
    portfolio::load_demo(&ctx, DemoRequest::default()).unwrap();
    let copy = fx.file("copy.steerco");
    let saved = portfolio::save_copy(&ctx, SaveCopyRequest { destination: copy.display().to_string() }).unwrap();
    assert!(saved.bytes > 0);
    let reopened = portfolio::open(&fx.paths, &copy, false).unwrap();
    assert_eq!(use_case::list(&reopened, ()).unwrap(), use_case::list(&ctx, ()).unwrap());

    let err =
        portfolio::save_copy(&ctx, SaveCopyRequest { destination: fx.dir.path().display().to_string() }).unwrap_err();
    assert_eq!(err.field.as_deref(), Some("destination"));
}

#[test]
fn a_session_starts_on_a_new_file_with_the_demo_and_remembers_it() {
    let fx = Fixture::new();
    let path = fx.file("first-run.steerco");
    let session = Session::start(fx.paths.clone(), &path, None);
    let status = session.status(()).unwrap();
    let info = status.portfolio.expect("a first run opens a portfolio");
    assert_eq!(info.use_case_count, 19);
    assert!(status.problem.is_none());
    let recent = session.recent(()).unwrap();
    assert_eq!(recent.len(), 1);
    assert!(recent[0].exists);
}

#[test]
fn a_session_on_a_refused_file_reports_why_and_opens_nothing() {
    let fx = Fixture::new();
    let path = fx.file("notes.steerco");
    std::fs::write(&path, "just text").unwrap();
    let session = Session::start(fx.paths.clone(), &path, None);
    let status = session.status(()).unwrap();
    assert!(status.portfolio.is_none());
    assert_eq!(status.problem.map(|p| p.code), Some(ErrorCode::NotAPortfolio));
    assert_eq!(session.ctx().unwrap_err().code, ErrorCode::NoPortfolio);
    assert_eq!(std::fs::read(&path).unwrap(), b"just text");
}

#[test]
fn switching_to_a_bad_file_keeps_the_open_portfolio() {
    let fx = Fixture::new();
    let good = fx.file("good.steerco");
    let session = Session::start(fx.paths.clone(), &good, None);
    let bad = fx.file("bad.steerco");
    std::fs::write(&bad, "nope").unwrap();

    let err = session.open(OpenRequest { path: bad.display().to_string() }).unwrap_err();
    assert_eq!(err.code, ErrorCode::NotAPortfolio);
    let still = session.status(()).unwrap().portfolio.unwrap();
    assert_eq!(still.path.as_deref(), Some(good.display().to_string().as_str()));
}

#[test]
fn creating_a_portfolio_refuses_existing_files_and_bad_currencies_without_leaving_files() {
    let fx = Fixture::new();
    let session = Session::start(fx.paths.clone(), &fx.file("start.steerco"), None);
    let existing = fx.file("start.steerco");
    let req = |path: &PathBuf, currency: &str| NewPortfolioRequest {
        path: path.display().to_string(),
        name: "Q1 discovery".into(),
        currency: currency.into(),
    };

    let err = session.create(req(&existing, "EUR")).unwrap_err();
    assert_eq!((err.code, err.field.as_deref()), (ErrorCode::InvalidInput, Some("path")));

    let fresh = fx.file("q1.steerco");
    let err = session.create(req(&fresh, "E1")).unwrap_err();
    assert_eq!(err.field.as_deref(), Some("programme.currency"));
    assert!(!fresh.exists(), "a refused request leaves no file behind");

    let status = session.create(req(&fresh, "gbp")).unwrap();
    let info = status.portfolio.unwrap();
    assert_eq!(info.use_case_count, 0);
    assert_eq!(info.programme.unwrap().currency, "GBP");
    let overview = programme::overview(&session.ctx().unwrap(), ()).unwrap();
    assert_eq!(overview.total, 0);
    assert!(overview.by_lane.iter().all(|l| l.count == 0 && Lane::ALL.contains(&l.lane)));
    assert_eq!(session.recent(()).unwrap()[0].name, "q1.steerco", "the new file heads the recent list");
}
