//! Row images written in Rust, character for character as SQLite's `json_object` writes them in
//! the capture triggers: for rows added in bulk whose values the caller already holds, so they
//! need not be read back and rendered by SQL (a metrics import of 60,000 months spent a fifth of
//! its time there). `audit verify` re-reads every batch image with SQLite's JSON reader, which
//! keeps string escapes as written, so the escaping here must be SQLite's own; the tests below
//! compare the two over every ASCII character and beyond.

use super::images::TableImage;
use crate::error::{CoreError, CoreResult};

/// A column's value in a row image.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Cell<'a> {
    Int(i64),
    Text(&'a str),
}

/// Appends `s` as a JSON string the way SQLite's JSON writer does: `"` and `\` escaped, the
/// control characters as `\b \t \n \f \r` or `\u00XX`, everything else as it is.
pub(crate) fn push_string(out: &mut String, s: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push('"');
    // Runs of characters written as they are go in whole: the few that need escaping are ASCII,
    // so every cut falls on a character boundary.
    let mut run_start = 0;
    for (i, byte) in s.bytes().enumerate() {
        let escape = match byte {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            0x08 => "\\b",
            b'\t' => "\\t",
            b'\n' => "\\n",
            0x0c => "\\f",
            b'\r' => "\\r",
            0x00..=0x1f => "",
            _ => continue,
        };
        out.push_str(&s[run_start..i]);
        run_start = i + 1;
        if escape.is_empty() {
            out.push_str("\\u00");
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 0xf)]));
        } else {
            out.push_str(escape);
        }
    }
    out.push_str(&s[run_start..]);
    out.push('"');
}

/// Appends a cell's value as `json_object` writes it.
pub(crate) fn push_cell(out: &mut String, cell: Cell<'_>) {
    match cell {
        // Writing into a String cannot fail.
        Cell::Int(n) => {
            let _ = std::fmt::Write::write_fmt(out, format_args!("{n}"));
        }
        Cell::Text(s) => push_string(out, s),
    }
}

impl TableImage {
    /// What gives each of the table's columns its value, in table order, as `place` names it: a
    /// caller resolves its columns once for a batch, not by name for every row. A column `place`
    /// does not know is refused, so a column added to the table later cannot be left out of the
    /// images silently.
    pub(crate) fn layout<T>(&self, place: impl Fn(&str) -> Option<T>) -> CoreResult<Vec<T>> {
        self.columns()
            .iter()
            .map(|column| {
                place(column).ok_or_else(|| {
                    CoreError::Conflict(format!(
                        "{}.{column} has no value in the batch's images; the table changed shape",
                        self.table
                    ))
                })
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use rusqlite::Connection;

    use super::*;
    use crate::store::images::describe;

    /// The row's image as `json_expr` renders it, written from `cell` as a batch writes it.
    fn push_row<'a>(image: &TableImage, out: &mut String, cell: impl Fn(&str) -> Option<Cell<'a>>) -> CoreResult<()> {
        let cells = image.layout(cell)?;
        out.push('{');
        for (i, (column, value)) in image.columns().iter().zip(cells).enumerate() {
            if i > 0 {
                out.push(',');
            }
            push_string(out, column);
            out.push(':');
            push_cell(out, value);
        }
        out.push('}');
        Ok(())
    }

    fn sqlite_string(conn: &Connection, s: &str) -> String {
        conn.query_row("SELECT json_object('k', ?1)", [s], |r| r.get(0)).unwrap()
    }

    #[test]
    fn strings_are_escaped_as_sqlite_escapes_them() {
        let conn = Connection::open_in_memory().unwrap();
        let mut samples: Vec<String> = (0u32..0x80).filter_map(char::from_u32).map(String::from).collect();
        samples.extend(
            ["é", "€ 1,250", "\u{2028}\u{2029}", "\u{7f}", "\u{feff}", "😀", "a\"b\\c/d", "tab\there", "\u{1b}[31mred"]
                .map(str::to_owned),
        );
        for s in samples {
            let mut ours = String::from("{\"k\":");
            push_string(&mut ours, &s);
            ours.push('}');
            assert_eq!(ours, sqlite_string(&conn, &s), "{s:?}");
        }
    }

    #[test]
    fn a_row_is_imaged_as_the_triggers_image_it() {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch(
            "CREATE TABLE t (id TEXT NOT NULL, month TEXT NOT NULL, cents INTEGER NOT NULL, note TEXT NOT NULL,
                 PRIMARY KEY (id, month)) STRICT, WITHOUT ROWID;
             INSERT INTO t VALUES ('UC-001', '2026-01', -9223372036854775808, 'line\none \"quoted\" é');",
        )
        .unwrap();
        let image = describe(&conn, "t".to_owned()).unwrap();
        let sql: String = conn.query_row(&format!("SELECT {} FROM t", image.json_expr("t")), [], |r| r.get(0)).unwrap();
        let mut ours = String::new();
        push_row(&image, &mut ours, |c| match c {
            "id" => Some(Cell::Text("UC-001")),
            "month" => Some(Cell::Text("2026-01")),
            "cents" => Some(Cell::Int(i64::MIN)),
            "note" => Some(Cell::Text("line\none \"quoted\" é")),
            _ => None,
        })
        .unwrap();
        assert_eq!(ours, sql);
        let refused = push_row(&image, &mut String::new(), |c| (c == "id").then_some(Cell::Text("UC-001")));
        assert!(matches!(refused, Err(CoreError::Conflict(m)) if m.contains("t.month")));
    }
}
