//! Portfolio files as each released schema wrote them, for the upgrade tests: one committed
//! fixture per released version (`tests/fixtures/portfolio-vN.steerco`), each holding the records
//! that version could hold — dossiers and workshops from 2, the registry from 3, people,
//! sign-offs, risk controls and the audit trail from 4. The builder writes rows with the SQL of
//! that version (the migrations up to it, then plain INSERTs), so a fixture is what a user of
//! that release has on disk. `cargo test -p steerco-core --lib build_fixtures -- --ignored`
//! rebuilds them; the test below upgrades every one.

use std::path::{Path, PathBuf};

use rusqlite::Connection;

use super::audit;
use super::migrate::migrate_to;
use crate::audit::{Action, AuditMeta};

/// The schemas users have on disk from earlier releases.
pub(crate) const RELEASED: [i64; 4] = [1, 2, 3, 4];

pub(crate) fn fixture_path(version: i64) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/fixtures/portfolio-v{version}.steerco"))
}

const AT: &str = "2026-06-01T09:00:00.000Z";

/// Writes a version-`version` portfolio to `path` (versions 2–4; version 1's fixture is the file
/// the first release wrote, kept as it was).
pub(crate) fn build(path: &Path, version: i64) -> crate::CoreResult<()> {
    let mut conn = Connection::open(path)?;
    migrate_to(&mut conn, version)?;
    let sql = |text: &str| conn.execute_batch(text);
    sql(&format!(
        "INSERT INTO programme (id, name, currency, settings, created_at, updated_at)
             VALUES (1, 'Fixture programme', 'EUR', '{{\"payback_horizon_months\":6}}', '{AT}', '{AT}');
         INSERT INTO id_sequence (kind, next_value) VALUES ('UC', 4), ('WS', 2);
         INSERT INTO use_case (id, title, business_unit, description, executive_sponsor, product_owner, lane, stage,
                               created_at, updated_at, workflow, annual_value, one_time_cost, monthly_run_cost,
                               value_rating, criticality_rating, guardrail_rating, data_readiness, risk_class)
         VALUES
           ('UC-001', 'Claims triage', 'Insurance', 'Routes claim documents', 'Henrik Olsen', 'Aisha Rahman',
            'portfolio', 'pilot', '{AT}', '{AT}', 'intake', 1200000.5, 400000.25, 20000.1, 4, 3, 2, 4, 'limited'),
           ('UC-002', 'Policy Q&A', 'Insurance', '', NULL, NULL, 'portfolio', 'discovery', '{AT}', '{AT}', '',
            240000, 900000, 5000, 3, 3, 3, NULL, NULL),
           ('UC-003', 'Fraud flags', 'Insurance', '', 'Ana', 'Ben', 'portfolio', 'data', '{AT}', '{AT}', '',
            600000, 100000, 10000, 3.5, 4, 3, 3, 'high');
         INSERT INTO lane_override (use_case_id, decided_by, reason, decided_at)
             VALUES ('UC-002', 'Claire Dubois', 'Strategic for the broker channel', '{AT}');
         INSERT INTO workshop (id, title, held_on, facilitator, created_at)
             VALUES ('WS-001', 'Claims discovery', '2026-05-20', 'Jonas', '{AT}');
         INSERT INTO workshop_participant (workshop_id, name, position) VALUES ('WS-001', 'Ana', 0), ('WS-001', 'Ben', 1);
         INSERT INTO workshop_use_case VALUES ('WS-001', 'UC-003', 0, 3, 4, 3);
         INSERT INTO workshop_rating VALUES ('WS-001', 'Ana', 'UC-003', 'value', 3, 'screen', '{AT}'),
                                            ('WS-001', 'Ben', 'UC-003', 'value', 4, 'sheet', '{AT}');"
    ))?;
    if version >= 3 {
        sql(&format!(
            "INSERT INTO id_sequence (kind, next_value) VALUES ('POL', 2), ('SRC', 2), ('DP', 2), ('AD', 2), ('AV', 2),
                                                             ('EV', 2), ('DEP', 2);
             INSERT INTO policy VALUES ('POL-001', 'Acceptable claims data', '', 'acceptable_data_sources', 'Legal',
                                        '2026-01-01', '1', '{AT}', '{AT}');
             INSERT INTO data_source VALUES ('SRC-001', 'Claims archive', 'Guidewire', 'Claims ops', 'confidential',
                                             'POL-001', '{AT}', '{AT}');
             INSERT INTO data_pack (id, name, version, curated_by, record_count, personal_data, approved_by,
                                    approved_on, created_at)
                 VALUES ('DP-001', 'claims-2026', '1', 'Data team', 12000, 'pseudonymised', 'Carla Mendes',
                         '2026-05-01', '{AT}');
             INSERT INTO data_pack_source VALUES ('DP-001', 'SRC-001');
             INSERT INTO adapter VALUES ('AD-001', 'claims-triage', 'UC-001', '{AT}');
             INSERT INTO adapter_version (id, adapter_id, version, semver_major, semver_minor, semver_patch, status,
                 peft_type, base_model, revision, r, lora_alpha, lora_dropout, target_modules, config_json,
                 weights_file, weights_format, file_bytes, sha256, tensor_count, parameters, dtypes, source_dir,
                 imported_by, imported_at)
               VALUES ('AV-001', 'AD-001', '1.0.0', 1, 0, 0, 'deployed', 'LORA', 'meta-llama/Llama-3.1-8B', NULL,
                 16, 32.0, 0.05, '[\"q_proj\",\"v_proj\"]', '{{}}', 'adapter_model.safetensors', 'safetensors', 4096,
                 '{sha}', 4, 2048, '[\"F16\"]', '/models/claims', 'Ana', '{AT}');
             INSERT INTO adapter_version_data_pack VALUES ('AV-001', 'DP-001');
             INSERT INTO evaluation VALUES ('EV-001', 'AV-001', 'csv', 'Claims eval', 'eval.csv', '{sha}',
                                            '2026-05-10', 'Ana', '{AT}');
             INSERT INTO evaluation_metric VALUES ('EV-001', 0, 'claims', 'accuracy', 0.912, NULL, 1);
             INSERT INTO use_case_baseline VALUES ('UC-001', 'EV-001', 'Ana', '{AT}');
             INSERT INTO deployment VALUES ('DEP-001', 'AV-001', 'pilot phase 1', '2026-05-15', 'Carla Mendes', '{AT}');",
            sha = "ab".repeat(32)
        ))?;
    }
    if version >= 4 {
        sql(&format!(
            "INSERT INTO id_sequence (kind, next_value) VALUES ('PER', 3), ('SO', 2), ('RISK', 2);
             INSERT INTO person VALUES ('PER-001', 'Carla Mendes', 1, '{AT}'), ('PER-002', 'Jonas Weber', 1, '{AT}');
             INSERT INTO person_role VALUES ('PER-001', 'compliance_officer'), ('PER-002', 'administrator');
             INSERT INTO signoff VALUES ('SO-001', 'use_case', 'UC-001', 'Carla Mendes', 'compliance_officer', '{AT}',
                                         'Reviewed', '{signed}', '{{}}');
             INSERT INTO oversight VALUES ('UC-001', 'Aisha Rahman', 'Adjusters review every routing', 'Claims ops',
                                           30, '{AT}');
             INSERT INTO risk VALUES ('RISK-001', 'UC-001', 'Misrouted urgent claims', 2, 4, 'Aisha Rahman',
                                      'Urgency rules run first', 'mitigating', '{AT}', '{AT}');",
            signed = crate::hashing::hash_bytes(b"{}")
        ))?;
        // Rows written in this release are captured by its triggers and chained by its writes.
        let tx = conn.transaction()?;
        audit::drain(&tx, &AuditMeta::new("fixture builder", Action::Create, chrono::Utc::now()))?;
        tx.commit()?;
    }
    // One self-contained file, as a user would copy it.
    conn.execute_batch("PRAGMA journal_mode = DELETE")?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{Db, OpenMode};

    /// Rebuilds the fixtures; run on purpose, never by `make test`.
    #[test]
    #[ignore = "rebuilds the committed fixtures"]
    fn build_fixtures() {
        for version in RELEASED.into_iter().filter(|v| *v >= 2) {
            let path = fixture_path(version);
            let _ = std::fs::remove_file(&path);
            build(&path, version).unwrap();
        }
    }

    #[test]
    fn every_released_schema_upgrades_with_its_data_and_a_verifying_trail() {
        for version in RELEASED {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join(format!("v{version}.steerco"));
            std::fs::copy(fixture_path(version), &path)
                .unwrap_or_else(|e| panic!("fixture v{version} is missing ({e}); run the ignored build_fixtures test"));
            let db = Db::open_with_backup(&path, OpenMode::MustExist).unwrap();
            let report = db.read(|s| audit::verify(s)).unwrap();
            assert!(report.holds(), "v{version} upgraded: {report:?}");
            let cases = db.read(|s| crate::services::discovery::read::list(s)).unwrap();
            assert!(!cases.is_empty(), "v{version} keeps its use cases");
            let backups = crate::services::portfolio::backup::list(&db).unwrap();
            assert!(
                backups.iter().any(|b| b.reason == format!("before-upgrade-from-schema-{version}")),
                "v{version}: a backup is taken before the upgrade: {backups:?}"
            );
            if version >= 2 {
                let claims = cases.iter().find(|c| c.id == "UC-001").unwrap();
                assert_eq!(claims.annual_value.cents(), 120_000_050, "money survives the upgrade exactly");
                assert_eq!(claims.monthly_run_cost.cents(), 2_000_010);
            }
            if version >= 3 {
                let versions = db.read(|s| crate::store::adapter::all_versions(s)).unwrap();
                assert_eq!(versions[0].base_model.as_deref(), Some("meta-llama/Llama-3.1-8B"));
            }
            if version >= 4 {
                let people = db.read(|s| crate::store::person::list(s)).unwrap();
                assert_eq!(people.len(), 2);
                // The old sign-off named its signer by name; the upgrade links it to the person.
                let linked: Option<String> = db
                    .read(|s| Ok(s.query_row("SELECT person_id FROM signoff WHERE id = 'SO-001'", [], |r| r.get(0))?))
                    .unwrap();
                assert_eq!(linked.as_deref(), Some("PER-001"));
            }
        }
    }
}
