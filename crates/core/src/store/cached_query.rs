//! Single-row reads through the connection's statement cache.

use rusqlite::{Connection, Params, Row};

pub(crate) trait CachedQuery {
    /// As `Connection::query_row`, with the statement kept prepared: `query_row` compiles its SQL
    /// on every call, and the dashboard alone makes a hundred of these lookups per visit (each
    /// pilot, version and pack by id), which compiled were a quarter of its time.
    fn cached_row<T, P, F>(&self, sql: &str, params: P, f: F) -> rusqlite::Result<T>
    where
        P: Params,
        F: FnOnce(&Row<'_>) -> rusqlite::Result<T>;
}

impl CachedQuery for Connection {
    fn cached_row<T, P, F>(&self, sql: &str, params: P, f: F) -> rusqlite::Result<T>
    where
        P: Params,
        F: FnOnce(&Row<'_>) -> rusqlite::Result<T>,
    {
        self.prepare_cached(sql)?.query_row(params, f)
    }
}
