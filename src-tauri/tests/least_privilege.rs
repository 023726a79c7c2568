//! The desktop app asks for nothing it does not use: its capability grants Steerco's own
//! commands, the app's own events and the native file dialogs — no shell, no file system, no
//! HTTP, no remote origin — and its content security policy runs only the bundled code.

use std::path::Path;

use serde_json::Value;

fn read(path: &str) -> String {
    let full = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{}: {e}", full.display()))
}

fn json(path: &str) -> Value {
    serde_json::from_str(&read(path)).unwrap()
}

#[test]
fn the_capabilities_grant_no_shell_file_system_network_or_remote_access() {
    for capabilities in [json("capabilities/default.json"), json("gen/schemas/capabilities.json")] {
        let capabilities: Vec<&Value> = match capabilities.get("identifier") {
            Some(_) => vec![&capabilities],
            None => capabilities.as_object().unwrap().values().collect(),
        };
        for capability in capabilities {
            assert!(capability.get("remote").is_none(), "no capability is granted to remote content");
            assert_eq!(capability["windows"], serde_json::json!(["main"]));
            for permission in capability["permissions"].as_array().unwrap() {
                let id = permission.as_str().or_else(|| permission["identifier"].as_str()).unwrap();
                for forbidden in ["shell:", "fs:", "http:", "process:", "opener:", "updater:", "websocket:"] {
                    assert!(!id.starts_with(forbidden), "{id} grants more than Steerco needs");
                }
                assert!(
                    id == "app-commands"
                        || id.starts_with("allow-")
                        || ["core:event:allow-listen", "core:event:allow-unlisten"].contains(&id)
                        || ["dialog:allow-open", "dialog:allow-save", "dialog:allow-message"].contains(&id),
                    "{id} is not one of the permissions Steerco means to grant"
                );
                assert!(permission.get("allow").is_none(), "{id} carries a scope; Steerco grants none");
            }
        }
    }
    let manifest = read("Cargo.toml");
    let plugins: Vec<&str> = manifest.lines().filter(|l| l.starts_with("tauri-plugin-")).collect();
    assert_eq!(plugins, ["tauri-plugin-dialog.workspace = true"], "the dialog plugin is the only plugin");
}

#[test]
fn the_content_security_policy_runs_only_bundled_code() {
    let config = json("tauri.conf.json");
    let security = &config["app"]["security"];
    assert_eq!(config["app"]["withGlobalTauri"], false, "no global Tauri object for injected scripts");
    assert_eq!(security["freezePrototype"], true);
    let csp = security["csp"].as_object().expect("a CSP object");
    for (directive, value) in csp {
        let value = value.as_str().unwrap();
        assert!(!value.contains("unsafe-eval"), "{directive} allows eval");
        for source in value.split_whitespace() {
            let remote = source.starts_with("http:") || source.starts_with("https:") || source.contains("://");
            let ipc = source == "http://ipc.localhost";
            assert!(!remote || ipc, "{directive} allows the remote origin {source}");
            assert_ne!(source, "*", "{directive} allows any origin");
        }
    }
    assert_eq!(csp["default-src"], "'self'");
    assert_eq!(csp["script-src"], "'self'");
    assert_eq!(csp["object-src"], "'none'");
}
