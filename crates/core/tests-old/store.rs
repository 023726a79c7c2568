//! The store against real files: what it refuses (leaving the file byte-for-byte as it was),
//! what it accepts, and the copies it writes.

use std::path::{Path, PathBuf};

use chrono::{TimeZone, Utc};
use rusqlite::Connection;
use steerco_core::domain::{DossierInput, Lane, ProgrammeSettings, ProgrammeUpdate, Ratings, RiskClass, Stage};
use steerco_core::store::{programme, use_case, SCHEMA_VERSION};
use steerco_core::{CoreError, Db, OpenMode};
use tempfile::TempDir;

const FIXTURE_V1: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/portfolio-v1.steerco");

fn now() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 2, 9, 30, 0).unwrap()
}

fn case(title: &str) -> DossierInput {
    DossierInput {
        title: title.into(),
        business_unit: "Insurance · Claims".into(),
        description: String::new(),
        workflow: String::new(),
        executive_sponsor: Some("Henrik Olsen".into()),
        product_owner: Some("Aisha Rahman".into()),
        annual_value: 1_200_000.0,
        one_time_cost: 400_000.0,
        monthly_run_cost: 20_000.0,
        ratings: Ratings::default(),
        data_readiness: Some(3),
        data_readiness_notes: String::new(),
        risk_class: Some(RiskClass::Limited),
        risk_notes: String::new(),
        lane: Lane::Portfolio,
        stage: Stage::Data,
    }
}

fn programme_update() -> ProgrammeUpdate {
    ProgrammeUpdate { name: "Test programme".into(), currency: "EUR".into(), settings: ProgrammeSettings::default() }
}

/// A closed, checkpointed portfolio with three use cases.
fn portfolio_file(dir: &TempDir, name: &str) -> PathBuf {
    let path = dir.path().join(name);
    let db = Db::open(&path, OpenMode::CreateIfMissing).unwrap();
    db.write(
        &steerco_core::audit::AuditMeta::new("test", steerco_core::audit::Action::Update, chrono::Utc::now()),
        |tx| {
            programme::upsert(tx, &programme_update(), now())?;
            for title in ["Claims triage", "Policy Q&A", "Fraud flags"] {
                use_case::insert(tx, &case(title), now())?;
            }
            Ok(())
        },
    )
    .unwrap();
    drop(db);
    path
}

/// Asserts that opening `path` is refused and leaves it (and its folder) exactly as before.
fn assert_refused_untouched(path: &Path) -> CoreError {
    let before = std::fs::read(path).unwrap();
    let siblings_before = listing(path.parent().unwrap());
    let err = Db::open(path, OpenMode::CreateIfMissing).expect_err("the file must be refused");
    assert_eq!(std::fs::read(path).unwrap(), before, "a refused file must be left byte-for-byte as it was");
    assert_eq!(listing(path.parent().unwrap()), siblings_before, "a refusal must not leave -wal/-shm files behind");
    err
}

fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> =
        std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    names
}

#[test]
fn a_text_file_is_refused_as_not_sqlite() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("notes.steerco");
    std::fs::write(&path, "title,business_unit\nnot a database\n").unwrap();
    let err = assert_refused_untouched(&path);
    assert!(matches!(err, CoreError::NotAPortfolio { .. }), "{err}");
    assert!(err.to_string().contains("not an SQLite database"), "{err}");
}

#[test]
fn a_truncated_portfolio_is_refused_as_corrupt() {
    let dir = TempDir::new().unwrap();
    let path = portfolio_file(&dir, "full.steerco");
    let bytes = std::fs::read(&path).unwrap();
    let truncated = dir.path().join("truncated.steerco");
    std::fs::write(&truncated, &bytes[..bytes.len() / 2]).unwrap();
    let err = assert_refused_untouched(&truncated);
    assert!(matches!(err, CoreError::Corrupt { .. }), "{err}");
}

#[test]
fn a_portfolio_from_a_newer_steerco_is_refused_with_both_versions() {
    let dir = TempDir::new().unwrap();
    let path = portfolio_file(&dir, "newer.steerco");
    Connection::open(&path).unwrap().pragma_update(None, "user_version", SCHEMA_VERSION + 7).unwrap();
    let err = assert_refused_untouched(&path);
    let message = err.to_string();
    assert!(matches!(err, CoreError::NewerSchema { .. }), "{message}");
    assert!(message.contains(&format!("schema version {}", SCHEMA_VERSION + 7)), "{message}");
    assert!(message.contains("was not changed"), "{message}");
}

#[test]
fn another_applications_database_is_refused() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("crm.db");
    Connection::open(&path)
        .unwrap()
        .execute_batch("CREATE TABLE contact (name TEXT); INSERT INTO contact VALUES ('x')")
        .unwrap();
    let err = assert_refused_untouched(&path);
    assert!(err.to_string().contains("another application"), "{err}");
}

#[test]
fn a_folder_is_refused() {
    let dir = TempDir::new().unwrap();
    let err = Db::open(dir.path(), OpenMode::CreateIfMissing).unwrap_err();
    assert!(err.to_string().contains("folder"), "{err}");
}

#[test]
fn must_exist_does_not_create_a_file() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("missing.steerco");
    assert!(matches!(Db::open(&path, OpenMode::MustExist), Err(CoreError::Missing(_))));
    assert!(!path.exists(), "a reading command must not leave an empty portfolio behind");
}

#[test]
fn a_new_file_is_migrated_and_stamped_as_steerco() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("new.steerco");
    Db::open(&path, OpenMode::CreateIfMissing).unwrap();
    let conn = Connection::open(&path).unwrap();
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
    let app: i32 = conn.query_row("PRAGMA application_id", [], |r| r.get(0)).unwrap();
    let mode: String = conn.query_row("PRAGMA journal_mode", [], |r| r.get(0)).unwrap();
    assert_eq!((version, app, mode.as_str()), (SCHEMA_VERSION, steerco_core::store::APPLICATION_ID, "wal"));
}

#[test]
fn a_zero_byte_file_is_initialised() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("empty.steerco");
    std::fs::write(&path, b"").unwrap();
    let db = Db::open(&path, OpenMode::CreateIfMissing).unwrap();
    assert_eq!(db.read(use_case::count).unwrap(), 0);
}

#[test]
fn pragmas_are_set_on_the_connection() {
    let dir = TempDir::new().unwrap();
    let db = Db::open(&portfolio_file(&dir, "p.steerco"), OpenMode::MustExist).unwrap();
    let (fk, sync, timeout): (i64, i64, i64) = db
        .read(|c| {
            Ok((
                c.query_row("PRAGMA foreign_keys", [], |r| r.get(0))?,
                c.query_row("PRAGMA synchronous", [], |r| r.get(0))?,
                c.query_row("PRAGMA busy_timeout", [], |r| r.get(0))?,
            ))
        })
        .unwrap();
    assert_eq!((fk, sync), (1, 2), "foreign_keys=ON, synchronous=FULL (every write is an audited commit)");
    assert!(timeout >= 1000, "a busy timeout must be set, got {timeout} ms");
}

#[test]
fn the_fixture_saved_at_schema_1_opens_with_its_data() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("old.steerco");
    std::fs::copy(FIXTURE_V1, &path).unwrap();
    let db = Db::open(&path, OpenMode::MustExist).unwrap();
    let cases = db.read(use_case::list).unwrap();
    assert_eq!(cases.len(), 19);
    assert_eq!(cases[0].id, "UC-001");
    // Schema 2 added the dossier; a schema-1 case has no value yet, so the gate parks it.
    assert_eq!(cases[0].annual_value, 0.0);
    assert_eq!(cases[0].requested_lane, Lane::Portfolio);
    assert_eq!(cases[0].lane, Lane::Research);
    assert!(cases[0].lane_reason.as_deref().unwrap().starts_with("no payback"));
    let weights: i64 = db.read(|c| Ok(c.query_row("SELECT sum(weight) FROM criterion", [], |r| r.get(0))?)).unwrap();
    assert_eq!(weights, 100, "the upgrade seeds the default scoring matrix");
    assert_eq!(db.read(programme::require).unwrap().currency, "EUR");
    let version: i64 = db.read(|c| Ok(c.query_row("PRAGMA user_version", [], |r| r.get(0))?)).unwrap();
    assert_eq!(version, SCHEMA_VERSION, "opening upgrades an old file to the current schema");
}

#[test]
fn a_failed_write_stores_nothing() {
    let db = Db::open_in_memory().unwrap();
    let result = db.write(
        &steerco_core::audit::AuditMeta::new("test", steerco_core::audit::Action::Update, chrono::Utc::now()),
        |tx| {
            use_case::insert(tx, &case("First"), now())?;
            use_case::insert(tx, &DossierInput { title: "  ".into(), ..case("x") }, now())?;
            Ok(())
        },
    );
    assert_eq!(result.unwrap_err().to_string(), "title: is required");
    assert_eq!(db.read(use_case::count).unwrap(), 0, "the first insert must roll back with the second");
    let next = db
        .write(
            &steerco_core::audit::AuditMeta::new("test", steerco_core::audit::Action::Update, chrono::Utc::now()),
            |tx| use_case::insert(tx, &case("Again"), now()),
        )
        .unwrap();
    assert_eq!(next.id, "UC-001", "a rolled-back insert does not burn an id");
}

#[test]
fn the_schema_itself_refuses_leaving_discovery_without_owners() {
    let db = Db::open_in_memory().unwrap();
    let err = db
        .write(
            &steerco_core::audit::AuditMeta::new("test", steerco_core::audit::Action::Update, chrono::Utc::now()),
            |tx| {
                tx.execute(
                    "INSERT INTO use_case (id, title, business_unit, lane, stage, created_at, updated_at)
                 VALUES ('UC-9', 't', 'u', 'portfolio', 'pilot', 'x', 'x')",
                    [],
                )?;
                Ok(())
            },
        )
        .unwrap_err();
    assert!(err.to_string().contains("CHECK"), "{err}");
}

#[test]
fn a_saved_copy_is_a_standalone_portfolio_with_the_same_content() {
    let dir = TempDir::new().unwrap();
    let path = portfolio_file(&dir, "origin.steerco");
    let db = Db::open(&path, OpenMode::MustExist).unwrap();
    let copy = dir.path().join("copy.steerco");
    db.backup_to(&copy).unwrap();
    assert!(!dir.path().join("copy.steerco-wal").exists(), "the copy is one self-contained file");
    let copied = Db::open(&copy, OpenMode::MustExist).unwrap();
    assert_eq!(copied.read(use_case::list).unwrap(), db.read(use_case::list).unwrap());
    let err = db.backup_to(&path).unwrap_err();
    assert!(err.to_string().starts_with("destination:"), "{err}");
}
