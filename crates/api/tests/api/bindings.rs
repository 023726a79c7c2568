//! The committed TypeScript (type bindings and the typed command client) must equal what the
//! Rust declarations generate today; `UPDATE_BINDINGS=1` (`make bindings`) rewrites them.

use std::path::{Path, PathBuf};

fn ui() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../ui/src")
}

fn updating() -> bool {
    std::env::var_os("UPDATE_BINDINGS").is_some()
}

#[test]
fn committed_typescript_bindings_match_the_rust_types() {
    let dir = ui().join("bindings");
    let generated = steerco_api::bindings::typescript().expect("every exported type renders");
    if updating() {
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

#[test]
fn the_committed_command_client_matches_the_declarations() {
    let path = ui().join("backend/commands.ts");
    let generated = steerco_api::bindings::client();
    if updating() {
        std::fs::write(&path, &generated).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(committed == generated, "{} is out of date; run `make bindings`", path.display());
}

#[test]
fn the_build_scripts_reading_of_the_declarations_finds_every_command() {
    let source = include_str!("../../src/commands.rs");
    let read = steerco_api::command_names::names_in_source(source);
    assert_eq!(read, steerco_api::COMMAND_NAMES, "src-tauri/build.rs would grant other permissions than declared");
    let mut unique = read.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), read.len(), "a command is declared twice");
}

#[test]
fn every_command_follows_the_naming_rule_and_its_client_function_exists() {
    let client = steerco_api::bindings::client();
    for name in steerco_api::COMMAND_NAMES {
        assert!(name.chars().all(|c| c.is_ascii_lowercase() || c == '_'), "{name} is not area_verb");
        let function = steerco_api::command_names::camel_case(name);
        assert!(client.contains(&format!("export const {function} = ")), "no client function {function} for {name}");
    }
    assert_eq!(steerco_api::command_names::camel_case("use_case_override_gate"), "useCaseOverrideGate");
    assert_eq!(steerco_api::command_names::permission("use_case_list"), "allow-use-case-list");
}

#[test]
fn the_capability_grants_exactly_the_generated_command_set() {
    let tauri = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../src-tauri");
    let capability: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(tauri.join("capabilities/default.json")).unwrap()).unwrap();
    let granted: Vec<&str> = capability["permissions"].as_array().unwrap().iter().filter_map(|p| p.as_str()).collect();
    assert!(granted.contains(&"app-commands"));
    let set = std::fs::read_to_string(tauri.join("permissions/app-commands.toml")).unwrap();
    for name in steerco_api::COMMAND_NAMES {
        let permission = steerco_api::command_names::permission(name);
        assert!(set.contains(&format!("\"{permission}\"")), "{permission} is not in app-commands.toml");
    }
    assert_eq!(
        set.matches("\"allow-").count(),
        steerco_api::COMMAND_NAMES.len(),
        "app-commands.toml grants extra commands"
    );
}
