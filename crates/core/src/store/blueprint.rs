//! Reads and writes of `blueprint_part`: one row per part a person has saved.

use rusqlite::{params, Connection, OptionalExtension};

use super::CachedQuery;
use super::Tx;
use crate::error::CoreResult;
use crate::pilots::blueprint::{BlueprintPart, BlueprintPartRecord, PartContent};

/// The stored parts of `use_case_id` (parts never saved are absent).
pub(crate) fn parts(conn: &Connection, use_case_id: &str) -> CoreResult<Vec<BlueprintPartRecord>> {
    conn.prepare_cached(
        "SELECT part, owner, content_json, updated_by, updated_at, reviewed_by, reviewed_at FROM blueprint_part
         WHERE use_case_id = ?1",
    )?
    .query_map([use_case_id], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, String>(3)?,
            r.get(4)?,
            r.get(5)?,
            r.get(6)?,
        ))
    })?
    .map(|row| {
        let (part, owner, json, updated_by, updated_at, reviewed_by, reviewed_at) = row?;
        let part = BlueprintPart::parse_for("part", &part)?;
        let content: PartContent = serde_json::from_str(&json)?;
        Ok(BlueprintPartRecord {
            part,
            title: part.title().to_owned(),
            owner,
            missing: content.missing(),
            content,
            updated_by: Some(updated_by),
            updated_at: Some(updated_at),
            reviewed_by,
            reviewed_at,
        })
    })
    .collect()
}

pub(crate) fn get(conn: &Connection, use_case_id: &str, part: BlueprintPart) -> CoreResult<Option<(String, String)>> {
    Ok(conn
        .cached_row(
            "SELECT owner, content_json FROM blueprint_part WHERE use_case_id = ?1 AND part = ?2",
            params![use_case_id, part.as_str()],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?)
}

/// Saves a part; the review stamp is cleared (the caller saves only a changed part).
pub(crate) fn save(tx: &Tx, use_case_id: &str, owner: &str, content: &PartContent, by: &str) -> CoreResult<()> {
    let json = serde_json::to_string(content)?;
    tx.execute(
        "INSERT INTO blueprint_part (use_case_id, part, owner, content_json, updated_by, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (use_case_id, part) DO UPDATE SET owner = ?3, content_json = ?4, updated_by = ?5,
             updated_at = ?6, reviewed_by = NULL, reviewed_at = NULL",
        params![use_case_id, content.part().as_str(), owner, json, by, tx.now()],
    )?;
    Ok(())
}

pub(crate) fn review(tx: &Tx, use_case_id: &str, part: BlueprintPart, by: &str) -> CoreResult<()> {
    tx.execute(
        "UPDATE blueprint_part SET reviewed_by = ?3, reviewed_at = ?4 WHERE use_case_id = ?1 AND part = ?2",
        params![use_case_id, part.as_str(), by, tx.now()],
    )?;
    Ok(())
}
