//! The recent-files list: per user, not per portfolio, so it lives in the config folder. It is a
//! convenience: an unreadable list is treated as empty rather than blocking the app.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::ctx::Paths;
use crate::error::{ApiError, ApiResult, ErrorCode};
use crate::session::{OpenRequest, Session};

const KEEP: usize = 8;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RecentFile {
    pub path: String,
    /// The file name without its folder, for menus.
    pub name: String,
    /// False when the file has since been moved or deleted.
    pub exists: bool,
}

/// The recent files, newest first (a session command: the list is the user's, not a portfolio's).
pub fn list(session: &Session, _: ()) -> ApiResult<Vec<RecentFile>> {
    entries(session.paths())
}

pub fn forget(session: &Session, req: OpenRequest) -> ApiResult<Vec<RecentFile>> {
    forget_path(session.paths(), &req.path)
}

pub fn entries(paths: &Paths) -> ApiResult<Vec<RecentFile>> {
    Ok(read(paths)
        .into_iter()
        .map(|p| RecentFile {
            name: p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| p.display().to_string()),
            exists: p.is_file(),
            path: p.display().to_string(),
        })
        .collect())
}

/// Puts `path` first in the list, keeping the most recent few.
pub fn remember(paths: &Paths, path: &Path) -> ApiResult<()> {
    let path = path.canonicalize().unwrap_or_else(|_| path.to_owned());
    let mut entries = read(paths);
    entries.retain(|p| p != &path);
    entries.insert(0, path);
    entries.truncate(KEEP);
    write(paths, &entries)
}

pub fn forget_path(paths: &Paths, path: &str) -> ApiResult<Vec<RecentFile>> {
    let mut entries = read(paths);
    entries.retain(|p| p != Path::new(path));
    write(paths, &entries)?;
    self::entries(paths)
}

fn read(paths: &Paths) -> Vec<PathBuf> {
    std::fs::read(paths.recent_files())
        .ok()
        .and_then(|bytes| serde_json::from_slice::<Vec<PathBuf>>(&bytes).ok())
        .unwrap_or_default()
}

fn write(paths: &Paths, entries: &[PathBuf]) -> ApiResult<()> {
    let io = |e: std::io::Error| ApiError::new(ErrorCode::Io, format!("cannot save the recent-files list: {e}"));
    std::fs::create_dir_all(&paths.config_dir).map_err(io)?;
    let json = serde_json::to_vec_pretty(entries).map_err(|e| ApiError::new(ErrorCode::Internal, e.to_string()))?;
    steerco_core::files::write_bytes("recent files", &paths.recent_files(), &[], &json)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn most_recent_first_without_duplicates_and_bounded() {
        let dir = tempfile::tempdir().unwrap();
        let paths = Paths { data_dir: dir.path().join("data"), config_dir: dir.path().join("config") };
        for i in 0..10 {
            remember(&paths, &dir.path().join(format!("p{i}.steerco"))).unwrap();
        }
        remember(&paths, &dir.path().join("p5.steerco")).unwrap();
        let names: Vec<String> = entries(&paths).unwrap().into_iter().map(|r| r.name).collect();
        assert_eq!(names.len(), KEEP);
        assert_eq!(names[0], "p5.steerco");
        assert_eq!(names.iter().filter(|n| *n == "p5.steerco").count(), 1);
    }

    #[test]
    fn an_unreadable_list_is_empty_not_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let paths = Paths { data_dir: dir.path().into(), config_dir: dir.path().into() };
        std::fs::write(paths.recent_files(), b"{not json").unwrap();
        assert!(entries(&paths).unwrap().is_empty());
    }
}
