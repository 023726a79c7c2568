//! A sandbox for running `steerco`: real processes on temp files, with HOME and the XDG folders
//! pointed at a temp dir so nothing touches the user's real data.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;

pub struct Sandbox {
    dir: TempDir,
}

impl Sandbox {
    pub fn new() -> Self {
        Self { dir: TempDir::new().unwrap() }
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// `steerco` with no inherited STEERCO_DB and every per-user folder inside the sandbox.
    pub fn steerco(&self) -> Command {
        Command::from_std(self.process())
    }

    pub fn with_db(&self, db: &Path) -> Command {
        let mut cmd = self.steerco();
        cmd.arg("--db").arg(db);
        cmd
    }

    pub fn list_json(&self, db: &Path) -> Vec<Value> {
        let out = self.with_db(db).args(["usecase", "list", "--json"]).output().unwrap();
        assert!(out.status.success(), "list failed: {}", String::from_utf8_lossy(&out.stderr));
        serde_json::from_slice::<Value>(&out.stdout).unwrap().as_array().unwrap().clone()
    }
}

impl Sandbox {
    /// Runs `steerco --db DB ARGS… --json`-style commands and parses stdout.
    pub fn json(&self, db: &Path, args: &[&str]) -> Value {
        let out = self.with_db(db).args(args).output().unwrap();
        assert!(out.status.success(), "steerco {args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
        serde_json::from_slice(&out.stdout).unwrap()
    }
}

impl Sandbox {
    /// A plain `steerco` process command (for spawning and killing), with the same sandboxed
    /// folders as [`Sandbox::steerco`].
    pub fn process(&self) -> std::process::Command {
        steerco_in(self.dir.path())
    }
}

/// `steerco` with no inherited STEERCO_DB and every per-user folder under `home`, for threads
/// that outlive a borrow of the sandbox.
pub fn steerco_in(home: &Path) -> std::process::Command {
    let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("steerco"));
    sandboxed(&mut cmd, home);
    cmd
}

/// Points `cmd` (steerco, or a shell running it) at the per-user folders under `home`.
pub fn sandboxed(cmd: &mut std::process::Command, home: &Path) {
    cmd.env_remove("STEERCO_DB")
        .env("HOME", home)
        .env("XDG_DATA_HOME", home.join("xdg-data"))
        .env("XDG_CONFIG_HOME", home.join("xdg-config"))
        .current_dir(home);
}
