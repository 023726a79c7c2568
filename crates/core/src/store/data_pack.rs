//! Queries on data packs: curated training sets drawn from data sources, approved by a
//! compliance analyst, optionally pinned to a file by its SHA-256.

use rusqlite::{params, Connection, OptionalExtension, Row};

use super::CachedQuery;
use super::{sequence, stored_enum, Tx};
use crate::error::{CoreError, CoreResult};
use crate::registry::{DataPack, DataPackInput, FileDigest};

pub(crate) const ID_PREFIX: &str = "DP";
const COLUMNS: &str = "id, name, version, curated_by, record_count, personal_data, file_name, file_sha256, \
                       file_bytes, approved_by, approved_on, created_at";

/// Stores a validated pack whose sources the caller has checked.
pub(crate) fn insert(tx: &Tx, p: &DataPackInput, file: Option<&FileDigest>) -> CoreResult<String> {
    let id = sequence::next_id(tx, ID_PREFIX)?;
    tx.execute(
        "INSERT INTO data_pack (id, name, version, curated_by, record_count, personal_data, file_name, file_sha256,
                                file_bytes, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![
            id,
            p.name,
            p.version,
            p.curated_by,
            p.record_count,
            p.personal_data.as_str(),
            file.map(|f| &f.file_name),
            file.map(|f| &f.sha256),
            file.map(|f| f.bytes as i64),
            tx.now()
        ],
    )?;
    for source_id in &p.source_ids {
        tx.execute("INSERT INTO data_pack_source (data_pack_id, source_id) VALUES (?1, ?2)", params![id, source_id])?;
    }
    Ok(id)
}

/// The id of the pack with this name and version, if any.
pub(crate) fn id_of(conn: &Connection, name: &str, version: &str) -> CoreResult<Option<String>> {
    Ok(conn
        .cached_row("SELECT id FROM data_pack WHERE name = ?1 AND version = ?2", params![name, version], |r| r.get(0))
        .optional()?)
}

pub(crate) fn set_approval(tx: &Tx, id: &str, by: &str, on: &str) -> CoreResult<()> {
    tx.execute("UPDATE data_pack SET approved_by = ?2, approved_on = ?3 WHERE id = ?1", params![id, by, on])?;
    Ok(())
}

/// Every pack with its sources, in two queries.
pub(crate) fn list(conn: &Connection) -> CoreResult<Vec<DataPack>> {
    let mut stmt = conn.prepare_cached(&format!("SELECT {COLUMNS} FROM data_pack ORDER BY id"))?;
    let mut packs: Vec<DataPack> =
        stmt.query_map([], |r| Ok(from_row(r)))?.map(|row| row?).collect::<CoreResult<_>>()?;
    let links: Vec<(String, String)> = conn
        .prepare_cached("SELECT data_pack_id, source_id FROM data_pack_source ORDER BY data_pack_id, source_id")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<_, _>>()?;
    for pack in &mut packs {
        pack.source_ids = links.iter().filter(|(p, _)| *p == pack.id).map(|(_, s)| s.clone()).collect();
    }
    Ok(packs)
}

pub(crate) fn require(conn: &Connection, id: &str) -> CoreResult<DataPack> {
    let id = id.trim();
    let pack = conn
        .cached_row(&format!("SELECT {COLUMNS} FROM data_pack WHERE id = ?1"), [id], |r| Ok(from_row(r)))
        .optional()?
        .ok_or_else(|| CoreError::NotFound { entity: "data pack", id: id.to_owned() })??;
    let source_ids = conn
        .prepare_cached("SELECT source_id FROM data_pack_source WHERE data_pack_id = ?1 ORDER BY source_id")?
        .query_map([&pack.id], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    Ok(DataPack { source_ids, ..pack })
}

fn from_row(r: &Row) -> CoreResult<DataPack> {
    let file = match (r.get::<_, Option<String>>(6)?, r.get::<_, Option<String>>(7)?, r.get::<_, Option<i64>>(8)?) {
        (Some(file_name), Some(sha256), Some(bytes)) => Some(FileDigest { file_name, sha256, bytes: bytes as u64 }),
        _ => None,
    };
    Ok(DataPack {
        id: r.get(0)?,
        name: r.get(1)?,
        version: r.get(2)?,
        source_ids: Vec::new(),
        curated_by: r.get(3)?,
        record_count: r.get::<_, i64>(4)? as u64,
        personal_data: stored_enum(&r.get::<_, String>(5)?)?,
        file,
        approved_by: r.get(9)?,
        approved_on: r.get(10)?,
        created_at: r.get(11)?,
    })
}
