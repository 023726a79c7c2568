//! Builders shared by the core integration tests: portfolios on temp files, callers, dossiers.
#![allow(dead_code)]

pub mod launch;
pub mod registry;

use std::path::{Path, PathBuf};

use chrono::Utc;
use steerco_core::caller::Caller;
use steerco_core::compliance::{PersonInput, Role};
use steerco_core::domain::{DossierInput, Lane, ProgrammeSettings, ProgrammeUpdate, Ratings, RiskClass, Stage};
use steerco_core::services::compliance::people;
use steerco_core::services::discovery::{programme, use_cases};
use steerco_core::{Db, Money, OpenMode};

pub fn caller(name: &str) -> Caller {
    Caller { working_as: Some(name.to_owned()), login: "tester".into(), now: Utc::now() }
}

pub fn nobody() -> Caller {
    Caller { working_as: None, login: "tester".into(), now: Utc::now() }
}

pub fn case(title: &str) -> DossierInput {
    DossierInput {
        title: title.into(),
        business_unit: "Insurance · Claims".into(),
        description: "Routes incoming claim documents".into(),
        workflow: "intake".into(),
        executive_sponsor: Some("Henrik Olsen".into()),
        product_owner: Some("Aisha Rahman".into()),
        annual_value: Money::units(1_200_000),
        one_time_cost: Money::units(400_000),
        monthly_run_cost: Money::units(20_000),
        ratings: Ratings::default(),
        data_readiness: Some(3),
        data_readiness_notes: String::new(),
        risk_class: Some(RiskClass::Limited),
        risk_notes: String::new(),
        lane: Lane::Portfolio,
        stage: Stage::Data,
    }
}

pub fn programme_update() -> ProgrammeUpdate {
    ProgrammeUpdate { name: "Test programme".into(), currency: "EUR".into(), settings: ProgrammeSettings::default() }
}

/// A portfolio on a temp file with a programme, the three roles' people and `cases` use cases.
pub struct Portfolio {
    pub dir: tempfile::TempDir,
    pub path: PathBuf,
    pub db: Db,
    pub ids: Vec<String>,
}

pub const OFFICER: &str = "Carla Mendes";
pub const EXECUTIVE: &str = "Claire Dubois";
pub const CONSULTANT: &str = "Sofia Brandt";

pub fn portfolio(cases: &[&str]) -> Portfolio {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.steerco");
    let db = Db::open(&path, OpenMode::CreateIfMissing).unwrap();
    programme::init(&db, &nobody(), &programme_update()).unwrap();
    for (name, role) in
        [(OFFICER, Role::ComplianceOfficer), (EXECUTIVE, Role::Executive), (CONSULTANT, Role::Consultant)]
    {
        people::create(&db, &nobody(), &PersonInput { name: name.into(), roles: vec![role], active: true }).unwrap();
    }
    let ids = cases.iter().map(|t| use_cases::create(&db, &caller(CONSULTANT), &case(t)).unwrap().id).collect();
    Portfolio { dir, path, db, ids }
}

/// A second handle on the same file, as another Steerco process would open it.
pub fn reopen(path: &Path) -> Db {
    Db::open(path, OpenMode::MustExist).unwrap()
}

/// The raw file, as another tool (sqlite3) would change it: triggers fire, foreign keys are off.
pub fn raw(path: &Path) -> rusqlite::Connection {
    rusqlite::Connection::open(path).unwrap()
}
