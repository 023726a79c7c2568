//! Queries on data packs: curated training sets drawn from data sources, approved by a
//! compliance analyst, optionally pinned to a file by its SHA-256.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};

use super::{data_source, sequence, stored_enum};
use crate::error::{CoreError, CoreResult};
use crate::registry::{DataPack, DataPackInput, FileDigest, PackApproval};

pub const ID_PREFIX: &str = "DP";
const COLUMNS: &str = "id, name, version, curated_by, record_count, personal_data, file_name, file_sha256, \
                       file_bytes, approved_by, approved_on, created_at";

pub fn create(
    tx: &Transaction,
    input: &DataPackInput,
    file: Option<&FileDigest>,
    now: DateTime<Utc>,
) -> CoreResult<DataPack> {
    let p = input.validated()?;
    for source_id in &p.source_ids {
        data_source::require(tx, source_id)
            .map_err(|_| CoreError::invalid("source_ids", format!("{source_id} is not a data source")))?;
    }
    let clash: Option<String> = tx
        .query_row("SELECT id FROM data_pack WHERE name = ?1 AND version = ?2", params![p.name, p.version], |r| {
            r.get(0)
        })
        .optional()?;
    if let Some(other) = clash {
        return Err(CoreError::invalid("version", format!("{} {} already exists ({other})", p.name, p.version)));
    }
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
            now
        ],
    )?;
    for source_id in &p.source_ids {
        tx.execute("INSERT INTO data_pack_source (data_pack_id, source_id) VALUES (?1, ?2)", params![id, source_id])?;
    }
    require(tx, &id)
}

/// Records a compliance analyst's approval. Approving twice is refused so the first approval,
/// the one training relied on, is not silently replaced.
pub fn approve(tx: &Transaction, approval: &PackApproval) -> CoreResult<DataPack> {
    let a = approval.validated()?;
    let pack = require(tx, &a.data_pack_id)?;
    if let (Some(by), Some(on)) = (&pack.approved_by, &pack.approved_on) {
        return Err(CoreError::invalid("data_pack_id", format!("{} was already approved by {by} on {on}", pack.id)));
    }
    tx.execute(
        "UPDATE data_pack SET approved_by = ?2, approved_on = ?3 WHERE id = ?1",
        params![pack.id, a.approved_by, a.approved_on],
    )?;
    require(tx, &pack.id)
}

pub fn list(conn: &Connection) -> CoreResult<Vec<DataPack>> {
    let ids: Vec<String> = conn
        .prepare_cached("SELECT id FROM data_pack ORDER BY id")?
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    ids.iter().map(|id| require(conn, id)).collect()
}

pub fn require(conn: &Connection, id: &str) -> CoreResult<DataPack> {
    let id = id.trim();
    let pack = conn
        .query_row(&format!("SELECT {COLUMNS} FROM data_pack WHERE id = ?1"), [id], |r| Ok(from_row(r)))
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
