//! Schema migrations: embedded SQL files applied in order inside one IMMEDIATE transaction, with
//! the reached version recorded in `user_version`. Shipped migrations are never edited; a new
//! schema is a new file appended to `MIGRATIONS`.
//!
//! The audit trail treats an upgrade as one event: outside changes waiting in the buffer are
//! recorded first (as unaudited), the capture triggers are lifted while the migrations run, and
//! afterwards every row whose image the upgrade changed is recorded under the `migrate` action,
//! so `audit verify` keeps comparing each row with a true last image.

use rusqlite::{Connection, TransactionBehavior};

use super::audit::{self, Draft};
use super::images;
use crate::audit::{Action, AuditMeta};
use crate::error::{CoreError, CoreResult};

/// Stamped into the file header so that Steerco recognises its own files (and refuses others).
/// The bytes spell "STCO".
pub const APPLICATION_ID: i32 = 0x5354_434F;

/// The first schema with an audit trail.
const AUDITED_FROM: i64 = 4;

struct Migration {
    version: i64,
    sql: &'static str,
}

const MIGRATIONS: &[Migration] = &[
    Migration { version: 1, sql: include_str!("migrations/0001_initial.sql") },
    Migration { version: 2, sql: include_str!("migrations/0002_discovery.sql") },
    Migration { version: 3, sql: include_str!("migrations/0003_registry.sql") },
    Migration { version: 4, sql: include_str!("migrations/0004_compliance.sql") },
    Migration { version: 5, sql: include_str!("migrations/0005_trust.sql") },
    Migration { version: 6, sql: include_str!("migrations/0006_adoption.sql") },
    Migration { version: 7, sql: include_str!("migrations/0007_regression.sql") },
    Migration { version: 8, sql: include_str!("migrations/0008_blueprint.sql") },
    Migration { version: 9, sql: include_str!("migrations/0009_pilots.sql") },
    Migration { version: 10, sql: include_str!("migrations/0010_pilot_operations.sql") },
    Migration { version: 11, sql: include_str!("migrations/0011_value_and_steering.sql") },
    Migration { version: 12, sql: include_str!("migrations/0012_document_exports.sql") },
    Migration { version: 13, sql: include_str!("migrations/0013_batched_records.sql") },
];

/// The schema version this build writes; files above it are refused.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// Brings the schema up to `SCHEMA_VERSION`. Either every pending migration applies or none does.
pub(crate) fn migrate(conn: &mut Connection) -> CoreResult<()> {
    migrate_to(conn, SCHEMA_VERSION)
}

/// Brings the schema up to `target` (tests build files of earlier versions with it).
pub(crate) fn migrate_to(conn: &mut Connection, target: i64) -> CoreResult<()> {
    // An up-to-date file needs no write lock at all: opening must not wait for (or block) another
    // Steerco that is writing.
    let current: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if current >= target && current <= SCHEMA_VERSION {
        return Ok(());
    }
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let found: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if found > SCHEMA_VERSION {
        // Opening checks this first; this guards a file changed by another process in between.
        return Err(CoreError::Conflict(format!(
            "the portfolio was upgraded to schema {found} by a newer Steerco while opening"
        )));
    }
    if found >= target {
        return Ok(());
    }
    let now = chrono::Utc::now();
    if found >= AUDITED_FROM {
        audit::adopt_outside_changes(&tx, now)?;
        images::drop_triggers(&tx)?;
    }
    for migration in MIGRATIONS.iter().filter(|m| m.version > found && m.version <= target) {
        tx.execute_batch(migration.sql)?;
        tx.pragma_update(None, "user_version", migration.version)?;
    }
    tx.pragma_update(None, "application_id", APPLICATION_ID)?;
    if target >= AUDITED_FROM {
        // New tables need watching too; the upgrade itself is the trail's next record.
        images::install_triggers(&tx)?;
        let meta = AuditMeta::new("steerco", Action::Migrate, now);
        let draft = Draft {
            operation: "event".into(),
            entity_kind: "portfolio".into(),
            entity_id: "schema".into(),
            subject: "schema".into(),
            before: (found > 0).then(|| serde_json::json!({ "schema_version": found }).to_string()),
            after: Some(serde_json::json!({ "schema_version": target }).to_string()),
        };
        audit::append(&tx, &meta, draft)?;
        audit::record_current_images(&tx, &meta)?;
    }
    tx.commit()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_are_consecutive_from_one() {
        for (i, m) in MIGRATIONS.iter().enumerate() {
            assert_eq!(m.version, i as i64 + 1, "migration versions must be 1, 2, 3 … in order");
        }
    }

    #[test]
    fn migrating_twice_is_a_no_op() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate(&mut conn).unwrap();
        let records: i64 = conn.query_row("SELECT count(*) FROM audit", [], |r| r.get(0)).unwrap();
        migrate(&mut conn).unwrap();
        let v: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
        assert_eq!(v, SCHEMA_VERSION);
        let id: i32 = conn.query_row("PRAGMA application_id", [], |r| r.get(0)).unwrap();
        assert_eq!(id, APPLICATION_ID);
        let again: i64 = conn.query_row("SELECT count(*) FROM audit", [], |r| r.get(0)).unwrap();
        assert_eq!(records, again, "a second run records nothing");
    }

    #[test]
    fn a_new_file_verifies_straight_after_its_migrations() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate(&mut conn).unwrap();
        let report = audit::verify(&conn).unwrap();
        assert!(report.holds(), "{report:?}");
        assert!(report.records > 1, "the rows the migrations inserted are on the trail");
    }

    #[test]
    fn a_failing_migration_leaves_no_partial_schema() {
        let mut conn = Connection::open_in_memory().unwrap();
        // A table the first migration also creates makes it fail half-way.
        conn.execute_batch("CREATE TABLE use_case (x INTEGER)").unwrap();
        assert!(migrate(&mut conn).is_err());
        let tables: i64 =
            conn.query_row("SELECT count(*) FROM sqlite_master WHERE name = 'programme'", [], |r| r.get(0)).unwrap();
        assert_eq!(tables, 0, "a failed migration must roll back every statement it ran");
        let v: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
        assert_eq!(v, 0);
    }
}
