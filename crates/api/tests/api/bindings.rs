//! The committed TypeScript bindings must equal what the Rust types generate today.

use std::path::PathBuf;

#[test]
fn committed_typescript_bindings_match_the_rust_types() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../ui/src/bindings");
    let generated = steerco_api::bindings::typescript().expect("every exported type renders");
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::create_dir_all(&dir).unwrap();
        for entry in std::fs::read_dir(&dir).unwrap() {
            std::fs::remove_file(entry.unwrap().path()).unwrap();
        }
        for (name, source) in &generated {
            std::fs::write(dir.join(name), source).unwrap();
        }
        return;
    }
    let mut drift = Vec::new();
    for (name, source) in &generated {
        match std::fs::read_to_string(dir.join(name)) {
            Ok(committed) if &committed == source => {}
            Ok(_) => drift.push(format!("{name} differs")),
            Err(_) => drift.push(format!("{name} is missing")),
        }
    }
    let expected: Vec<&str> = generated.iter().map(|(n, _)| n.as_str()).collect();
    for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if !expected.contains(&name.as_str()) {
            drift.push(format!("{name} is no longer generated"));
        }
    }
    assert!(drift.is_empty(), "ui/src/bindings is out of date ({}); run `make bindings`", drift.join(", "));
}
