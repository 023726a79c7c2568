//! The portfolio file: what opening refuses (leaving the file byte-for-byte as it was), how a
//! healthy file is opened (migrated, read-only when it must be), copies, backups and restores.

mod support;

use std::path::Path;

use steerco_core::services::compliance::audit;
use steerco_core::services::discovery::use_cases::{self, UseCaseUpdate};
use steerco_core::services::portfolio::backup::{self, RestoreRequest};
use steerco_core::services::portfolio::{save_copy, SaveCopyRequest};
use steerco_core::store::{Access, SCHEMA_VERSION};
use steerco_core::{CoreError, Db, OpenMode};
use support::*;

fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> =
        std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    names
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

#[test]
fn files_that_are_not_healthy_portfolios_are_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("notes.steerco");
    std::fs::write(&text, "title,business_unit\nnot a database\n").unwrap();
    assert!(matches!(assert_refused_untouched(&text), CoreError::NotAPortfolio { .. }));

    let p = portfolio(&["A"]);
    drop(p.db);
    let bytes = std::fs::read(&p.path).unwrap();
    let truncated = dir.path().join("truncated.steerco");
    std::fs::write(&truncated, &bytes[..bytes.len() / 2]).unwrap();
    assert!(matches!(assert_refused_untouched(&truncated), CoreError::Corrupt { .. }));

    let newer = dir.path().join("newer.steerco");
    std::fs::copy(&p.path, &newer).unwrap();
    raw(&newer).pragma_update(None, "user_version", SCHEMA_VERSION + 7).unwrap();
    let err = assert_refused_untouched(&newer);
    assert!(matches!(err, CoreError::NewerSchema { found, .. } if found == SCHEMA_VERSION + 7), "{err}");

    let other = dir.path().join("crm.db");
    raw(&other).execute_batch("CREATE TABLE contact (name TEXT); INSERT INTO contact VALUES ('x')").unwrap();
    assert!(assert_refused_untouched(&other).to_string().contains("another application"));

    let err = Db::open(dir.path(), OpenMode::CreateIfMissing).unwrap_err();
    assert!(err.to_string().contains("folder"), "{err}");
}

#[test]
fn devices_and_pipes_are_refused_without_side_files() {
    let dev_null = Path::new("/dev/null");
    let err = Db::open(dev_null, OpenMode::CreateIfMissing).unwrap_err();
    assert!(err.to_string().contains("not a regular file"), "{err}");
    assert!(!Path::new("/dev/null-wal").exists() && !Path::new("/dev/null-shm").exists());
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.steerco");
    assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let err = Db::open(&fifo, OpenMode::MustExist).unwrap_err();
    assert!(err.to_string().contains("not a regular file"), "{err}");
    assert_eq!(listing(dir.path()), ["pipe.steerco"], "no sidecars beside the pipe");
}

#[test]
fn a_missing_file_is_not_created_by_a_reading_open_and_a_new_one_is_set_up_fully() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("missing.steerco");
    assert!(matches!(Db::open(&path, OpenMode::MustExist), Err(CoreError::Missing(_))));
    assert!(!path.exists(), "a reading command must not leave an empty portfolio behind");
    let db = Db::open(&path, OpenMode::CreateIfMissing).unwrap();
    let settings = db.connection_settings().unwrap();
    assert_eq!(settings.journal_mode, "wal");
    assert!(settings.foreign_keys && settings.synchronous_full, "{settings:?}");
    assert!(settings.busy_timeout_ms >= 1000, "{settings:?}");
    let conn = raw(&path);
    let (version, app): (i64, i32) = conn
        .query_row("SELECT * FROM pragma_user_version, pragma_application_id", [], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap();
    assert_eq!((version, app), (SCHEMA_VERSION, steerco_core::store::APPLICATION_ID));
    assert!(audit::verify(&db).unwrap().holds(), "a new file's trail verifies");
}

#[test]
fn a_portfolio_opened_read_only_reads_and_refuses_every_write_saying_why() {
    let p = portfolio(&["Claims triage"]);
    drop(p.db);
    let before = std::fs::read(&p.path).unwrap();
    let db = Db::open(&p.path, OpenMode::ReadOnly).unwrap();
    assert!(matches!(db.access(), Access::ReadOnly { .. }));
    assert_eq!(use_cases::list(&db).unwrap().len(), 1);
    assert!(audit::verify(&db).unwrap().holds());
    let edit = UseCaseUpdate {
        id: p.ids[0].clone(),
        changes: vec![steerco_core::domain::DossierField::Title("x".into())],
        loaded: None,
    };
    let err = use_cases::update(&db, &caller(CONSULTANT), &edit).unwrap_err();
    assert!(matches!(err, CoreError::ReadOnly(_)), "{err}");
    assert!(err.to_string().contains("read-only"), "{err}");
    drop(db);
    assert_eq!(std::fs::read(&p.path).unwrap(), before);
}

#[test]
fn the_schema_itself_refuses_leaving_discovery_without_owners() {
    let p = portfolio(&[]);
    let err = raw(&p.path)
        .execute(
            "INSERT INTO use_case (id, title, business_unit, lane, stage, created_at, updated_at)
             VALUES ('UC-9', 't', 'u', 'portfolio', 'pilot', 'x', 'x')",
            [],
        )
        .unwrap_err();
    assert!(err.to_string().contains("CHECK"), "{err}");
}

#[test]
fn a_saved_copy_is_a_standalone_portfolio_recorded_on_the_trail_and_never_over_the_original() {
    let p = portfolio(&["Claims triage", "Policy Q&A"]);
    let copy = p.dir.path().join("copy.steerco");
    let saved =
        save_copy(&p.db, &caller(OFFICER), &SaveCopyRequest { destination: copy.display().to_string() }).unwrap();
    assert_eq!(saved.sha256, steerco_core::hashing::hash_file(&copy).unwrap().sha256);
    assert!(!p.dir.path().join("copy.steerco-wal").exists(), "the copy is one self-contained file");
    let copied = Db::open(&copy, OpenMode::MustExist).unwrap();
    assert_eq!(use_cases::list(&copied).unwrap(), use_cases::list(&p.db).unwrap());
    assert!(audit::verify(&copied).unwrap().holds(), "the copy's trail verifies");
    let log = audit::log(&p.db, &Default::default()).unwrap();
    assert!(log
        .records
        .iter()
        .any(|r| r.action == "export" && r.after.as_deref().unwrap_or("").contains(&saved.sha256)));
    let err =
        save_copy(&p.db, &caller(OFFICER), &SaveCopyRequest { destination: p.path.display().to_string() }).unwrap_err();
    assert!(matches!(err, CoreError::Invalid { ref field, .. } if field == "destination"), "{err}");
}

#[test]
fn backups_are_taken_daily_kept_to_the_setting_and_restored_with_the_trail_verifying() {
    let p = portfolio(&["Claims triage"]);
    assert!(backup::daily(&p.db).unwrap().is_some(), "the first open of the day takes one");
    assert!(backup::daily(&p.db).unwrap().is_none(), "one a day is enough");
    let before_edit = backup::list(&p.db).unwrap();
    assert_eq!(before_edit.len(), 1);
    // Change the portfolio, then restore the morning's backup.
    let edit = UseCaseUpdate {
        id: p.ids[0].clone(),
        changes: vec![steerco_core::domain::DossierField::Title("Renamed".into())],
        loaded: None,
    };
    use_cases::update(&p.db, &caller(CONSULTANT), &edit).unwrap();
    let other = reopen(&p.path);
    let outcome =
        backup::restore(&p.db, &caller(OFFICER), &RestoreRequest { backup: before_edit[0].file_name.clone() }).unwrap();
    assert_eq!(use_cases::get(&p.db, &p.ids[0]).unwrap().title, "Claims triage");
    assert_eq!(use_cases::get(&other, &p.ids[0]).unwrap().title, "Claims triage", "another handle sees the restore");
    let report = audit::verify(&p.db).unwrap();
    assert!(report.holds(), "the restored file verifies: {report:?}");
    let log = audit::log(&p.db, &Default::default()).unwrap();
    assert!(log.records.iter().any(|r| r.action == "restore"), "the restore is on the trail");
    // The state before the restore was kept, so the restore can be undone.
    assert!(backup::list(&p.db).unwrap().iter().any(|b| b.file_name == outcome.previous.file_name));
    let err = backup::restore(&p.db, &caller(OFFICER), &RestoreRequest { backup: "nope.steerco".into() }).unwrap_err();
    assert!(matches!(err, CoreError::Invalid { ref field, .. } if field == "backup"), "{err}");
}

#[test]
fn only_the_newest_backups_are_kept() {
    use steerco_core::domain::ProgrammeField;
    use steerco_core::services::discovery::programme::{self, ProgrammeChange};
    let p = portfolio(&[]);
    programme::update(
        &p.db,
        &nobody(),
        &ProgrammeChange { changes: vec![ProgrammeField::BackupsKept(2)], loaded: None },
    )
    .unwrap();
    for _ in 0..4 {
        backup::take(&p.db, "manual").unwrap();
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    assert_eq!(backup::list(&p.db).unwrap().len(), 2);
}
