//! Documents under hostile conditions: two processes exporting into one portfolio at once, and
//! `verify-pack` given a device instead of a file.

use std::path::Path;

use crate::documents::demo;
use crate::support::Sandbox;

#[test]
fn two_processes_exporting_at_once_both_record_and_verify() {
    let sb = Sandbox::new();
    let db = demo(&sb);
    let (a, b) = (sb.path("a.pdf"), sb.path("b.pdf"));
    let spawn = |out: &Path, kind: &str| {
        let mut cmd = sb.process();
        cmd.arg("--db").arg(&db).args(["export", kind, "--out", out.to_str().unwrap()]);
        if kind == "deck" {
            cmd.args(["--month", "2026-11"]);
        }
        cmd.stdout(std::process::Stdio::null()).stderr(std::process::Stdio::piped()).spawn().unwrap()
    };
    let (first, second) = (spawn(&a, "pack"), spawn(&b, "deck"));
    for (name, child) in [("pack", first), ("deck", second)] {
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "the {name} export: {}", String::from_utf8_lossy(&out.stderr));
    }
    for file in [&a, &b] {
        sb.with_db(&db).args(["verify-pack", file.to_str().unwrap()]).assert().success();
    }
    sb.with_db(&db).args(["audit", "verify"]).assert().success();
    let left: Vec<String> = std::fs::read_dir(sb.path("."))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".partial"))
        .collect();
    assert!(left.is_empty(), "no temporary file is left beside the exports: {left:?}");
}

#[test]
fn verify_pack_of_a_device_is_refused_with_the_reason_not_read_forever() {
    let sb = Sandbox::new();
    let db = demo(&sb);
    let out = sb.with_db(&db).args(["verify-pack", "/dev/zero"]).output().unwrap();
    assert_ne!(out.status.code(), Some(0), "a device is not an export");
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("/dev/zero"), "the message names the file: {said}");
}
