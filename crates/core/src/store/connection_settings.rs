//! The per-connection settings read back from SQLite, for `steerco info` and for tests that
//! the pragmas `open::configure` sets are really in force.

use super::Db;
use crate::error::CoreResult;

/// A connection's settings, as `Db::connection_settings` reads them back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConnectionSettings {
    pub journal_mode: String,
    pub foreign_keys: bool,
    pub synchronous_full: bool,
    pub busy_timeout_ms: u64,
}

impl Db {
    /// How this handle's connection talks to the file (per-connection pragmas), for `steerco info`
    /// and for tests that the settings are really applied.
    pub fn connection_settings(&self) -> CoreResult<ConnectionSettings> {
        let conn = self.lock();
        let pragma = |name: &str| -> CoreResult<String> {
            Ok(conn.query_row(&format!("PRAGMA {name}"), [], |r| r.get::<_, rusqlite::types::Value>(0)).map(
                |v| match v {
                    rusqlite::types::Value::Integer(i) => i.to_string(),
                    rusqlite::types::Value::Text(t) => t,
                    other => format!("{other:?}"),
                },
            )?)
        };
        Ok(ConnectionSettings {
            journal_mode: pragma("journal_mode")?,
            foreign_keys: pragma("foreign_keys")? == "1",
            synchronous_full: pragma("synchronous")? == "2",
            busy_timeout_ms: pragma("busy_timeout")?.parse().unwrap_or(0),
        })
    }
}
