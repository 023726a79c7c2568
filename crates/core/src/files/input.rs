//! Reading a file a person points Steerco at, bounded: a regular file larger than the limit is
//! refused from its size before a byte is read, and anything else (a device such as /dev/zero, a
//! pipe) is read only up to the limit. The refusal names the file and the limit.

use std::fs::File;
use std::io::Read;
use std::path::Path;

use crate::error::{CoreError, CoreResult};

/// Limits per kind of input. Generous for real files, small enough that a mistake (a video
/// picked instead of a CSV) is refused at once rather than read into memory.
pub mod limits {
    pub const MIB: u64 = 1024 * 1024;
    /// Dossier CSVs, metric and monitoring CSVs, bias results.
    pub const CSV: u64 = 64 * MIB;
    /// A participant's rating sheet.
    pub const RATING_SHEET: u64 = 8 * MIB;
    /// lm-evaluation-harness results (without samples) and evaluation CSVs.
    pub const EVALUATION: u64 = 64 * MIB;
    /// adapter_config.json, MLflow meta.yaml, one param or tag file.
    pub const SMALL_TEXT: u64 = MIB;
    /// One MLflow metric history file.
    pub const METRIC_HISTORY: u64 = 64 * MIB;
    /// A PDF pack or workbook handed back to be verified: a 1,000-dossier pack is tens of MiB.
    pub const DOCUMENT: u64 = 1024 * MIB;
}

/// Reads at most `limit` bytes of `path`; `field` names the file in refusals.
pub fn read_bounded(field: &str, path: &Path, limit: u64) -> CoreResult<Vec<u8>> {
    let shown = path.display();
    let meta =
        std::fs::metadata(path).map_err(|e| CoreError::invalid(field, format!("{shown} cannot be read ({e})")))?;
    if meta.is_dir() {
        return Err(CoreError::invalid(field, format!("{shown} is a folder, not a file")));
    }
    if meta.is_file() && meta.len() > limit {
        return Err(too_large(field, path, limit, Some(meta.len())));
    }
    let file = File::open(path).map_err(|e| CoreError::invalid(field, format!("{shown} cannot be read ({e})")))?;
    let mut bytes = Vec::with_capacity(if meta.is_file() { meta.len() as usize } else { 64 * 1024 });
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| CoreError::invalid(field, format!("{shown} cannot be read ({e})")))?;
    if bytes.len() as u64 > limit {
        return Err(too_large(field, path, limit, None));
    }
    Ok(bytes)
}

/// As `read_bounded`, as UTF-8 text (the byte offset of the first invalid sequence is named).
pub fn read_text_bounded(field: &str, path: &Path, limit: u64) -> CoreResult<String> {
    let bytes = read_bounded(field, path, limit)?;
    String::from_utf8(bytes).map_err(|e| {
        CoreError::invalid(
            field,
            format!(
                "{} is not UTF-8 text (byte {}); save it as UTF-8 (in a spreadsheet: \"CSV UTF-8\")",
                path.display(),
                e.utf8_error().valid_up_to()
            ),
        )
    })
}

fn too_large(field: &str, path: &Path, limit: u64, size: Option<u64>) -> CoreError {
    // A device or pipe has no size to name: it was read up to the limit and went on.
    let size = size.map_or_else(|| "it goes on past the limit".to_owned(), human);
    CoreError::invalid(
        field,
        format!("{} is too large ({size}); the limit for this kind of file is {}", path.display(), human(limit)),
    )
}

fn human(bytes: u64) -> String {
    const UNITS: [&str; 5] = ["bytes", "KiB", "MiB", "GiB", "TiB"];
    let mut value = bytes as f64;
    let mut unit = 0;
    while value >= 1024.0 && unit < UNITS.len() - 1 {
        value /= 1024.0;
        unit += 1;
    }
    if unit == 0 {
        format!("{bytes} bytes")
    } else {
        format!("{value:.1} {}", UNITS[unit]).replace(".0 ", " ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_endless_device_is_refused_at_the_limit_with_the_limit_named() {
        let started = std::time::Instant::now();
        let err = read_bounded("file", Path::new("/dev/zero"), limits::CSV).unwrap_err().to_string();
        assert!(err.contains("too large") && err.contains("64 MiB"), "{err}");
        assert!(started.elapsed() < std::time::Duration::from_secs(5), "refused promptly");
    }

    #[test]
    fn a_large_regular_file_is_refused_from_its_size() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("huge.csv");
        // A sparse file: 5 GiB by its size, nothing on disk.
        std::fs::File::create(&path).unwrap().set_len(5 * 1024 * limits::MIB).unwrap();
        let err = read_bounded("file", &path, limits::CSV).unwrap_err().to_string();
        assert!(err.contains("5 GiB") && err.contains("64 MiB"), "{err}");
    }

    #[test]
    fn folders_and_missing_files_name_the_field() {
        for path in [std::env::temp_dir(), std::path::PathBuf::from("/no/such/file.csv")] {
            match read_bounded("file", &path, 10) {
                Err(CoreError::Invalid { field, .. }) => assert_eq!(field, "file"),
                other => panic!("{other:?}"),
            }
        }
    }

    #[test]
    fn text_must_be_utf8() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("latin1.csv");
        std::fs::write(&path, b"title\nM\xfcnchen\n").unwrap();
        let err = read_text_bounded("file", &path, 100).unwrap_err().to_string();
        assert!(err.contains("byte 7"), "{err}");
    }
}
