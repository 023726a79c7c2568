//! Reads of acknowledged outside changes (writes go through `audit::acknowledge`, next to the
//! trail they annotate).

use rusqlite::{Connection, OptionalExtension};

use super::CachedQuery;
use crate::error::CoreResult;

/// Who acknowledged the unaudited record `seq`, if anyone.
pub(crate) fn by_seq(conn: &Connection, seq: i64) -> CoreResult<Option<String>> {
    Ok(conn
        .cached_row("SELECT acknowledged_by FROM audit_acknowledgement WHERE seq = ?1", [seq], |r| r.get(0))
        .optional()?)
}
