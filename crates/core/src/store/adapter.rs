//! Reads and writes of adapters and their versions, versions listed in semantic-version order.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension, Row};

use super::CachedQuery;
use super::{sequence, stored_enum, stored_json, Tx};
use crate::error::{CoreError, CoreResult};
use crate::registry::peft::PeftFolder;
use crate::registry::{AdapterStatus, AdapterSummary, AdapterVersion};

pub(crate) const ADAPTER_PREFIX: &str = "AD";
pub(crate) const VERSION_PREFIX: &str = "AV";

/// A version to store: a PEFT folder read from disk and what the person importing it said.
#[derive(Debug, Clone)]
pub(crate) struct NewVersion<'a> {
    pub adapter_id: &'a str,
    pub version: &'a semver::Version,
    pub folder: &'a PeftFolder,
    /// The base model when the folder does not name one (`None`: not given, a lineage gap).
    pub base_model: Option<&'a str>,
    pub source_dir: &'a str,
    pub imported_by: &'a str,
    pub data_pack_ids: &'a [String],
}

/// The adapter called `name`: its id and the use case it serves.
pub(crate) fn find_adapter(conn: &Connection, name: &str) -> CoreResult<Option<(String, Option<String>)>> {
    Ok(conn
        .cached_row("SELECT id, use_case_id FROM adapter WHERE name = ?1", [name], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?)
}

pub(crate) fn insert_adapter(tx: &Tx, name: &str, use_case_id: Option<&str>) -> CoreResult<String> {
    let id = sequence::next_id(tx, ADAPTER_PREFIX)?;
    tx.execute(
        "INSERT INTO adapter (id, name, use_case_id, created_at) VALUES (?1, ?2, ?3, ?4)",
        params![id, name, use_case_id, tx.now()],
    )?;
    Ok(id)
}

pub(crate) fn set_adapter_use_case(tx: &Tx, adapter_id: &str, use_case_id: &str) -> CoreResult<()> {
    tx.execute("UPDATE adapter SET use_case_id = ?2 WHERE id = ?1", params![adapter_id, use_case_id])?;
    Ok(())
}

/// The id of `adapter_id`'s version `version`, if registered.
pub(crate) fn version_id(conn: &Connection, adapter_id: &str, version: &str) -> CoreResult<Option<String>> {
    Ok(conn
        .cached_row(
            "SELECT id FROM adapter_version WHERE adapter_id = ?1 AND version = ?2",
            params![adapter_id, version],
            |r| r.get(0),
        )
        .optional()?)
}

pub(crate) fn insert_version(tx: &Tx, new: &NewVersion) -> CoreResult<String> {
    let c = &new.folder.config;
    let w = &new.folder.weights;
    let semver = new.version;
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
            new.adapter_id,
            semver.to_string(),
            semver.major as i64,
            semver.minor as i64,
            semver.patch as i64,
            c.peft_type,
            // The column predates "not given"; an empty text stands for it.
            new.base_model.unwrap_or(""),
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
            new.imported_by,
            tx.now(),
        ],
    )?;
    for pack_id in new.data_pack_ids {
        tx.execute(
            "INSERT INTO adapter_version_data_pack (adapter_version_id, data_pack_id) VALUES (?1, ?2)",
            params![id, pack_id],
        )?;
    }
    Ok(id)
}

pub(crate) fn set_status(tx: &Tx, id: &str, status: AdapterStatus) -> CoreResult<()> {
    tx.execute("UPDATE adapter_version SET status = ?2 WHERE id = ?1", params![id, status.as_str()])?;
    Ok(())
}

pub(crate) fn set_training_params(tx: &Tx, id: &str, params: &BTreeMap<String, String>) -> CoreResult<()> {
    tx.execute(
        "UPDATE adapter_version SET training_params = ?2 WHERE id = ?1",
        params![id, serde_json::to_string(params)?],
    )?;
    Ok(())
}

pub(crate) fn set_base_model(tx: &Tx, id: &str, base_model: &str) -> CoreResult<()> {
    tx.execute("UPDATE adapter_version SET base_model = ?2 WHERE id = ?1", params![id, base_model])?;
    Ok(())
}

pub(crate) fn list_adapters(conn: &Connection) -> CoreResult<Vec<AdapterSummary>> {
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
            let deployed = mine.iter().find(|v| v.status == AdapterStatus::Deployed);
            AdapterSummary {
                deployed_version: deployed.map(|v| v.version.clone()),
                deployed_version_id: deployed.map(|v| v.id.clone()),
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
pub(crate) fn versions(conn: &Connection, adapter: &str) -> CoreResult<Vec<AdapterVersion>> {
    let adapter = adapter.trim();
    let adapter_id: String = conn
        .cached_row("SELECT id FROM adapter WHERE id = ?1 OR name = ?1", [adapter], |r| r.get(0))
        .optional()?
        .ok_or_else(|| CoreError::NotFound { entity: "adapter", id: adapter.to_owned() })?;
    select_versions(conn, "WHERE v.adapter_id = ?1", [adapter_id])
}

pub(crate) fn all_versions(conn: &Connection) -> CoreResult<Vec<AdapterVersion>> {
    select_versions(conn, "", [])
}

pub(crate) fn require_version(conn: &Connection, id: &str) -> CoreResult<AdapterVersion> {
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
        base_model: Some(r.get::<_, String>(7)?).filter(|m| !m.is_empty()),
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
