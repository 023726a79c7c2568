//! The one way Steerco writes a file for a person: CSV and SVG exports, rating sheets,
//! OpenLineage, copies and backups, and the PDF packs, decks and workbooks that come later.
//!
//! Every output is written beside its destination as a new temporary file, created exclusively
//! (`O_CREAT|O_EXCL`: never following a planted symlink, never truncating an existing file),
//! synced, then renamed over the destination. Before anything is created, the destination is
//! refused when it is, by any route, one of the protected files (the open portfolio and its
//! sidecars): a symlink to it or to its `-wal`/`-shm`, a hard link, a path through `..`.
//! A failed or dropped write removes its temporary file and leaves the destination as it was.

use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::error::{CoreError, CoreResult};
use crate::hashing::hex;

/// What was written: where, how much, and the SHA-256 of the bytes that left.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    pub path: PathBuf,
    pub bytes: u64,
    pub sha256: String,
}

/// An output file being written. `commit` puts it in place; dropping it unfinished removes the
/// temporary file.
#[derive(Debug)]
pub struct OutputFile {
    dest: PathBuf,
    partial: PathBuf,
    file: Option<File>,
    hasher: Sha256,
    bytes: u64,
    committed: bool,
}

impl OutputFile {
    /// Checks `destination` against `protected` and creates its temporary file. `field` names
    /// the request field in refusals ("destination").
    pub fn create(field: &str, destination: &Path, protected: &[PathBuf]) -> CoreResult<OutputFile> {
        let dest = check_destination(field, destination, protected)?;
        let (partial, file) = create_partial(&dest)?;
        Ok(OutputFile { dest, partial, file: Some(file), hasher: Sha256::new(), bytes: 0, committed: false })
    }

    /// The temporary file's path, for writers that need a path rather than a handle (SQLite's
    /// online backup opens it by name, without following symlinks).
    pub fn partial_path(&self) -> &Path {
        &self.partial
    }

    pub fn destination(&self) -> &Path {
        &self.dest
    }

    /// Finishes a file filled through `partial_path`: hashes what is there now.
    pub fn commit_from_disk(mut self) -> CoreResult<Written> {
        // Whatever wrote by path has closed its own handle; ours saw nothing.
        self.file = None;
        let digest = crate::hashing::hash_file(&self.partial)?;
        self.bytes = digest.bytes;
        let sha256 = digest.sha256;
        self.finish(sha256)
    }

    pub fn commit(mut self) -> CoreResult<Written> {
        let file = self.file.take().ok_or_else(|| CoreError::Conflict("the output file was already closed".into()))?;
        file.sync_all().map_err(|e| self.io(e))?;
        drop(file);
        let sha256 = hex(&std::mem::take(&mut self.hasher).finalize());
        self.finish(sha256)
    }

    fn finish(mut self, sha256: String) -> CoreResult<Written> {
        fs::rename(&self.partial, &self.dest).map_err(|e| self.io(e))?;
        self.committed = true;
        // The rename is durable once the folder is synced; a failure here loses nothing.
        if let Ok(folder) = File::open(folder_of(&self.dest)) {
            let _ = folder.sync_all();
        }
        Ok(Written { path: self.dest.clone(), bytes: self.bytes, sha256 })
    }

    fn io(&self, e: std::io::Error) -> CoreError {
        CoreError::io(format!("writing {}", self.dest.display()), e)
    }
}

impl Write for OutputFile {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let file = self.file.as_mut().ok_or_else(|| std::io::Error::other("the output file is closed"))?;
        let n = file.write(buf)?;
        self.hasher.update(&buf[..n]);
        self.bytes += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.file.as_mut().map_or(Ok(()), |f| f.flush())
    }
}

impl Drop for OutputFile {
    fn drop(&mut self) {
        if !self.committed {
            self.file = None;
            let _ = fs::remove_file(&self.partial);
        }
    }
}

/// Writes `bytes` to `destination` through an `OutputFile`.
pub fn write_bytes(field: &str, destination: &Path, protected: &[PathBuf], bytes: &[u8]) -> CoreResult<Written> {
    let mut out = OutputFile::create(field, destination, protected)?;
    out.write_all(bytes).map_err(|e| CoreError::io(format!("writing {}", destination.display()), e))?;
    out.commit()
}

/// The destination as it will be written (absolute folder, same name), or why it is refused.
fn check_destination(field: &str, destination: &Path, protected: &[PathBuf]) -> CoreResult<PathBuf> {
    let text = destination.as_os_str();
    if text.is_empty() || destination.to_string_lossy().trim().is_empty() {
        return Err(CoreError::invalid(field, "is empty; choose a file name"));
    }
    let Some(name) = destination.file_name() else {
        return Err(CoreError::invalid(field, format!("{} names a folder, not a file", destination.display())));
    };
    let folder = folder_of(destination);
    let folder = folder
        .canonicalize()
        .map_err(|e| CoreError::invalid(field, format!("the folder {} cannot be used ({e})", folder.display())))?;
    if !folder.is_dir() {
        return Err(CoreError::invalid(field, format!("{} is not a folder", folder.display())));
    }
    let dest = folder.join(name);
    match fs::symlink_metadata(&dest) {
        Ok(meta) if meta.is_dir() => {
            return Err(CoreError::invalid(field, format!("{} is a folder; choose a file name", dest.display())))
        }
        Ok(meta) if meta.file_type().is_symlink() && dest.is_dir() => {
            return Err(CoreError::invalid(field, format!("{} leads to a folder; choose a file name", dest.display())))
        }
        _ => {}
    }
    if let Some(hit) = protected.iter().find(|p| same_file(p, &dest)) {
        return Err(CoreError::invalid(
            field,
            format!(
                "{} is {} of the open portfolio; an export must never replace the data it was made from — choose \
                 another file name",
                destination.display(),
                if protected.first() == Some(hit) { "the file" } else { "a working file" }
            ),
        ));
    }
    Ok(dest)
}

/// Whether `candidate` is (or leads to) the file `protected`: the same inode when both exist (a
/// hard link or a symlink chain), or the same resolved name when the protected file is absent.
fn same_file(protected: &Path, candidate: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    if let (Ok(a), Ok(b)) = (fs::metadata(protected), fs::metadata(candidate)) {
        return a.dev() == b.dev() && a.ino() == b.ino();
    }
    // A protected sidecar that does not exist yet (-journal, a -wal after a checkpoint) can still
    // be the target of a dangling symlink; compare where each name leads.
    match (resolve_name(protected), resolve_name(candidate)) {
        (Some(a), Some(b)) => a == b,
        _ => false,
    }
}

/// `path` with its folder canonicalised and symlinks at the last component followed (even when
/// they dangle), so two routes to one name compare equal.
fn resolve_name(path: &Path) -> Option<PathBuf> {
    let mut current = folder_of(path).canonicalize().ok()?.join(path.file_name()?);
    for _ in 0..40 {
        match fs::read_link(&current) {
            Ok(target) => {
                let next = if target.is_absolute() { target } else { folder_of(&current).join(target) };
                current = folder_of(&next).canonicalize().ok()?.join(next.file_name()?);
            }
            Err(_) => return Some(current),
        }
    }
    None
}

fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    }
}

/// Creates `DEST.partial` (or `DEST.N.partial` when that name is taken: a portfolio may well be
/// called `p.partial`) exclusively.
fn create_partial(dest: &Path) -> CoreResult<(PathBuf, File)> {
    let io = |e: std::io::Error| CoreError::io(format!("writing {}", dest.display()), e);
    for attempt in 0..100u32 {
        let mut name = dest.as_os_str().to_owned();
        if attempt == 0 {
            name.push(".partial");
        } else {
            name.push(format!(".{attempt}.partial"));
        }
        let partial = PathBuf::from(name);
        match OpenOptions::new().write(true).create_new(true).open(&partial) {
            Ok(file) => return Ok((partial, file)),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(io(e)),
        }
    }
    Err(io(std::io::Error::new(std::io::ErrorKind::AlreadyExists, "every temporary name beside it is taken")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    struct Setup {
        dir: tempfile::TempDir,
        protected: Vec<PathBuf>,
    }

    fn setup() -> Setup {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.steerco");
        fs::write(&real, b"PORTFOLIO").unwrap();
        fs::write(dir.path().join("real.steerco-wal"), b"WAL").unwrap();
        let protected = crate::store::protected_paths(&real);
        Setup { dir, protected }
    }

    fn refused(s: &Setup, dest: &Path) -> bool {
        matches!(write_bytes("destination", dest, &s.protected, b"EXPORT"), Err(CoreError::Invalid { .. }))
    }

    fn untouched(s: &Setup) {
        assert_eq!(fs::read(s.dir.path().join("real.steerco")).unwrap(), b"PORTFOLIO");
        assert_eq!(fs::read(s.dir.path().join("real.steerco-wal")).unwrap(), b"WAL");
        let leftovers: Vec<_> = fs::read_dir(s.dir.path())
            .unwrap()
            .filter_map(|e| e.ok())
            .filter(|e| e.file_name().to_string_lossy().ends_with(".partial"))
            .collect();
        assert!(leftovers.is_empty(), "no temporary file is left behind: {leftovers:?}");
    }

    #[test]
    fn every_route_to_the_portfolio_is_refused() {
        let s = setup();
        let d = s.dir.path();
        symlink(d.join("real.steerco"), d.join("link.steerco")).unwrap();
        symlink(d.join("real.steerco-wal"), d.join("wal-link")).unwrap();
        symlink(d.join("real.steerco-shm"), d.join("shm-link")).unwrap();
        fs::hard_link(d.join("real.steerco"), d.join("hard.steerco")).unwrap();
        fs::create_dir(d.join("sub")).unwrap();
        for dest in [
            d.join("real.steerco"),
            d.join("link.steerco"),
            d.join("wal-link"),
            d.join("shm-link"),
            d.join("real.steerco-journal"),
            d.join("hard.steerco"),
            d.join("sub/../real.steerco"),
        ] {
            assert!(refused(&s, &dest), "{} must be refused", dest.display());
            untouched(&s);
        }
    }

    #[test]
    fn a_portfolio_called_partial_survives_an_export_to_its_stem() {
        let dir = tempfile::tempdir().unwrap();
        let portfolio = dir.path().join("p.partial");
        fs::write(&portfolio, b"PORTFOLIO").unwrap();
        let written =
            write_bytes("destination", &dir.path().join("p"), &crate::store::protected_paths(&portfolio), b"CSV")
                .unwrap();
        assert_eq!(fs::read(&portfolio).unwrap(), b"PORTFOLIO");
        assert_eq!(fs::read(&written.path).unwrap(), b"CSV");
        assert_eq!(written.sha256, crate::hashing::hash_bytes(b"CSV"));
    }

    #[test]
    fn a_planted_symlink_at_the_temporary_name_is_neither_followed_nor_replaced() {
        let s = setup();
        let d = s.dir.path();
        let victim = d.join("victim.txt");
        fs::write(&victim, b"KEEP").unwrap();
        symlink(&victim, d.join("out.csv.partial")).unwrap();
        write_bytes("destination", &d.join("out.csv"), &s.protected, b"NEW").unwrap();
        assert_eq!(fs::read(&victim).unwrap(), b"KEEP");
        assert_eq!(fs::read(d.join("out.csv")).unwrap(), b"NEW");
        assert!(fs::symlink_metadata(d.join("out.csv.partial")).unwrap().file_type().is_symlink());
    }

    #[test]
    fn folders_empty_names_and_missing_folders_are_refused_with_the_field() {
        let s = setup();
        let d = s.dir.path();
        for dest in [PathBuf::from(""), PathBuf::from("  "), d.to_path_buf(), d.join("missing/out.csv")] {
            match write_bytes("destination", &dest, &s.protected, b"x") {
                Err(CoreError::Invalid { field, .. }) => assert_eq!(field, "destination"),
                other => panic!("{} should be refused, got {other:?}", dest.display()),
            }
        }
    }

    #[test]
    fn an_unfinished_output_leaves_the_old_file_in_place() {
        let s = setup();
        let dest = s.dir.path().join("report.csv");
        fs::write(&dest, b"OLD").unwrap();
        {
            let mut out = OutputFile::create("destination", &dest, &s.protected).unwrap();
            out.write_all(b"HALF").unwrap();
        }
        assert_eq!(fs::read(&dest).unwrap(), b"OLD");
        untouched(&s);
    }
}
