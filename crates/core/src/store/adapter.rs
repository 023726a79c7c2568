//! Queries on adapters and their versions. Importing a PEFT folder creates the adapter on its
//! first version; versions are unique per adapter and ordered by semantic version.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};

use super::{data_pack, sequence, stored_enum, stored_json, use_case};
use crate::domain::required_text;
use crate::error::{CoreError, CoreResult};
use crate::registry::peft::PeftFolder;
use crate::registry::{parse_semver, AdapterStatus, AdapterSummary, AdapterVersion};

pub const ADAPTER_PREFIX: &str = "AD";
pub const VERSION_PREFIX: &str = "AV";

/// A PEFT folder read from disk and what the person importing it said about it.
#[derive(Debug, Clone)]
pub struct NewVersion<'a> {
    pub adapter_name: &'a str,
    pub version: &'a str,
    pub use_case_id: Option<&'a str>,
    pub data_pack_ids: &'a [String],
    pub folder: &'a PeftFolder,
    pub source_dir: &'a str,
    pub imported_by: &'a str,
}

pub fn import_version(tx: &Transaction, new: &NewVersion, now: DateTime<Utc>) -> CoreResult<AdapterVersion> {
    let name = required_text("name", new.adapter_name, 120)?;
    let semver = parse_semver("version", new.version)?;
    if !semver.build.is_empty() {
        return Err(CoreError::invalid(
            "version",
            format!(
                "build metadata (+{}) does not make a new version; use a new number or a pre-release such as {}-rc.1",
                semver.build,
                semver::Version::new(semver.major, semver.minor, semver.patch)
            ),
        ));
    }
    let imported_by = required_text("imported_by", new.imported_by, 200)?;
    let use_case_id = match new.use_case_id.map(str::trim).filter(|s| !s.is_empty()) {
        Some(id) => Some(
            use_case::require(tx, id)
                .map_err(|_| CoreError::invalid("use_case_id", format!("{id} is not a use case")))?
                .id,
        ),
        None => None,
    };
    let mut pack_ids: Vec<String> =
        new.data_pack_ids.iter().map(|s| s.trim().to_owned()).filter(|s| !s.is_empty()).collect();
    pack_ids.sort();
    pack_ids.dedup();
    for id in &pack_ids {
        data_pack::require(tx, id)
            .map_err(|_| CoreError::invalid("data_pack_ids", format!("{id} is not a data pack")))?;
    }
    let existing: Option<(String, Option<String>)> = tx
        .query_row("SELECT id, use_case_id FROM adapter WHERE name = ?1", [&name], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    let adapter_id = match existing {
        Some((id, linked)) => {
            if let (Some(linked), Some(wanted)) = (&linked, &use_case_id) {
                if linked != wanted {
                    return Err(CoreError::invalid(
                        "use_case_id",
                        format!("adapter {name:?} serves {linked}; import under another name for {wanted}"),
                    ));
                }
            }
            if linked.is_none() && use_case_id.is_some() {
                tx.execute("UPDATE adapter SET use_case_id = ?2 WHERE id = ?1", params![id, use_case_id])?;
            }
            let clash: Option<String> = tx
                .query_row(
                    "SELECT id FROM adapter_version WHERE adapter_id = ?1 AND version = ?2",
                    params![id, semver.to_string()],
                    |r| r.get(0),
                )
                .optional()?;
            if let Some(clash) = clash {
                return Err(CoreError::invalid("version", format!("{name} {semver} is already registered ({clash})")));
            }
            id
        }
        None => {
            let id = sequence::next_id(tx, ADAPTER_PREFIX)?;
            tx.execute(
                "INSERT INTO adapter (id, name, use_case_id, created_at) VALUES (?1, ?2, ?3, ?4)",
                params![id, name, use_case_id, now],
            )?;
            id
        }
    };
    let c = &new.folder.config;
    let w = &new.folder.weights;
    let id = sequence::next_id(tx, VERSION_PREFIX)?;
    tx.execute(
        "INSERT INTO adapter_version (
             id, adapter_id, version, semver_major, semver_minor, semver_patch, status, peft_type, base_model,
             revision, r, lora_alpha, lora_dropout, target_modules, bias, use_rslora, use_dora, task_type,
             config_json, weights_file, weights_format, file_bytes, sha256, tensor_count, parameters, dtypes,
             source_dir, imported_by, imported_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'candidate', ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19,
                 ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28)",
        params![
            id,
            adapter_id,
            semver.to_string(),
            semver.major as i64,
            semver.minor as i64,
            semver.patch as i64,
            c.peft_type,
            c.base_model,
            c.revision,
            c.r,
            c.lora_alpha,
            c.lora_dropout,
            serde_json::to_string(&c.target_modules)?,
            c.bias,
            c.use_rslora,
            c.use_dora,
            c.task_type,
            c.config_json,
            w.file.file_name,
            w.format.as_str(),
            w.file.bytes as i64,
            w.file.sha256,
            w.tensor_count.map(|n| n as i64),
            w.parameters.map(|n| n as i64),
            serde_json::to_string(&w.dtypes)?,
            new.source_dir,
            imported_by,
            now,
        ],
    )?;
    for pack_id in &pack_ids {
        tx.execute(
            "INSERT INTO adapter_version_data_pack (adapter_version_id, data_pack_id) VALUES (?1, ?2)",
            params![id, pack_id],
        )?;
    }
    require_version(tx, &id)
}

pub fn set_status(tx: &Transaction, id: &str, next: AdapterStatus) -> CoreResult<AdapterVersion> {
    let v = require_version(tx, id)?;
    v.status.check_transition(next)?;
    tx.execute("UPDATE adapter_version SET status = ?2 WHERE id = ?1", params![v.id, next.as_str()])?;
    require_version(tx, &v.id)
}

/// Marks a version deployed (called when a deployment is recorded).
pub(crate) fn mark_deployed(tx: &Transaction, id: &str) -> CoreResult<()> {
    tx.execute("UPDATE adapter_version SET status = 'deployed' WHERE id = ?1", [id])?;
    Ok(())
}

/// Adds `params` (e.g. from an MLflow run) to the version's training parameters; a key that is
/// already recorded with another value is refused rather than overwritten.
pub fn add_training_params(
    tx: &Transaction,
    id: &str,
    params: &BTreeMap<String, String>,
) -> CoreResult<AdapterVersion> {
    let v = require_version(tx, id)?;
    let mut merged = v.training_params.clone();
    for (key, value) in params {
        match merged.get(key) {
            Some(existing) if existing != value => {
                return Err(CoreError::invalid(
                    "run",
                    format!("{} already records {key} = {existing:?}; the run says {value:?}", v.id),
                ))
            }
            _ => {
                merged.insert(key.clone(), value.clone());
            }
        }
    }
    tx.execute(
        "UPDATE adapter_version SET training_params = ?2 WHERE id = ?1",
        params![v.id, serde_json::to_string(&merged)?],
    )?;
    require_version(tx, &v.id)
}

pub fn list_adapters(conn: &Connection) -> CoreResult<Vec<AdapterSummary>> {
    let heads: Vec<(String, String, Option<String>, DateTime<Utc>)> = conn
        .prepare_cached("SELECT id, name, use_case_id, created_at FROM adapter ORDER BY name COLLATE NOCASE")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
        .collect::<Result<_, _>>()?;
    let versions = all_versions(conn)?;
    Ok(heads
        .into_iter()
        .map(|(id, name, use_case_id, created_at)| {
            let mine: Vec<&AdapterVersion> = versions.iter().filter(|v| v.adapter_id == id).collect();
            // `all_versions` lists each adapter's newest semantic version first.
            let latest = mine.first();
            AdapterSummary {
                version_count: mine.len() as u32,
                latest_version: latest.map(|v| v.version.clone()),
                latest_status: latest.map(|v| v.status),
                id,
                name,
                use_case_id,
                created_at,
            }
        })
        .collect())
}

/// Every version of `adapter_id` (an id or a name), newest semantic version first.
pub fn versions(conn: &Connection, adapter: &str) -> CoreResult<Vec<AdapterVersion>> {
    let adapter = adapter.trim();
    let adapter_id: String = conn
        .query_row("SELECT id FROM adapter WHERE id = ?1 OR name = ?1", [adapter], |r| r.get(0))
        .optional()?
        .ok_or_else(|| CoreError::NotFound { entity: "adapter", id: adapter.to_owned() })?;
    select_versions(conn, "WHERE v.adapter_id = ?1", [adapter_id])
}

pub fn all_versions(conn: &Connection) -> CoreResult<Vec<AdapterVersion>> {
    select_versions(conn, "", [])
}

pub fn require_version(conn: &Connection, id: &str) -> CoreResult<AdapterVersion> {
    let id = id.trim();
    select_versions(conn, "WHERE v.id = ?1", [id])?
        .pop()
        .ok_or_else(|| CoreError::NotFound { entity: "adapter version", id: id.to_owned() })
}

fn select_versions<P: rusqlite::Params>(conn: &Connection, filter: &str, params: P) -> CoreResult<Vec<AdapterVersion>> {
    let sql = format!(
        "SELECT v.id, v.adapter_id, a.name, a.use_case_id, v.version, v.status, v.peft_type, v.base_model, v.revision,
                v.r, v.lora_alpha, v.lora_dropout, v.target_modules, v.bias, v.use_rslora, v.use_dora, v.task_type,
                v.config_json, v.weights_file, v.weights_format, v.file_bytes, v.sha256, v.tensor_count,
                v.parameters, v.dtypes, v.training_params, v.source_dir, v.imported_by, v.imported_at,
                (SELECT json_group_array(data_pack_id) FROM
                    (SELECT data_pack_id FROM adapter_version_data_pack WHERE adapter_version_id = v.id ORDER BY 1))
         FROM adapter_version v JOIN adapter a ON a.id = v.adapter_id {filter}
         ORDER BY a.name COLLATE NOCASE, v.semver_major DESC, v.semver_minor DESC, v.semver_patch DESC, v.id DESC"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(params, |r| Ok(version_from_row(r)))?;
    let mut versions: Vec<AdapterVersion> = rows.map(|row| row?).collect::<CoreResult<_>>()?;
    // Semantic order, not text order: 1.10.0 after 1.9.0, and 1.0.0-rc.1 before 1.0.0.
    let order = |v: &AdapterVersion| semver::Version::parse(&v.version).ok();
    versions.sort_by(|a, b| {
        a.adapter_name.to_lowercase().cmp(&b.adapter_name.to_lowercase()).then_with(|| order(b).cmp(&order(a)))
    });
    Ok(versions)
}

fn version_from_row(r: &Row) -> CoreResult<AdapterVersion> {
    Ok(AdapterVersion {
        id: r.get(0)?,
        adapter_id: r.get(1)?,
        adapter_name: r.get(2)?,
        use_case_id: r.get(3)?,
        version: r.get(4)?,
        status: stored_enum(&r.get::<_, String>(5)?)?,
        peft_type: r.get(6)?,
        base_model: r.get(7)?,
        revision: r.get(8)?,
        r: r.get(9)?,
        lora_alpha: r.get(10)?,
        lora_dropout: r.get(11)?,
        target_modules: stored_json(&r.get::<_, String>(12)?)?,
        bias: r.get(13)?,
        use_rslora: r.get(14)?,
        use_dora: r.get(15)?,
        task_type: r.get(16)?,
        config_json: r.get(17)?,
        weights_file: r.get(18)?,
        weights_format: stored_enum(&r.get::<_, String>(19)?)?,
        file_bytes: r.get::<_, i64>(20)? as u64,
        sha256: r.get(21)?,
        tensor_count: r.get::<_, Option<i64>>(22)?.map(|n| n as u64),
        parameters: r.get::<_, Option<i64>>(23)?.map(|n| n as u64),
        dtypes: stored_json(&r.get::<_, String>(24)?)?,
        training_params: stored_json(&r.get::<_, String>(25)?)?,
        source_dir: r.get(26)?,
        imported_by: r.get(27)?,
        imported_at: r.get(28)?,
        data_pack_ids: stored_json(&r.get::<_, String>(29)?)?,
    })
}
