//! Steerco's desktop shell. It resolves which portfolio to open (`--db PATH`, then
//! `STEERCO_DB`, then the platform default), starts a `Session`, and registers the commands.
//! Everything else lives in steerco-api.

// No console window on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod commands;

use std::path::PathBuf;

use steerco_api::session::Session;
use steerco_api::Paths;

fn main() {
    let paths = Paths::platform();
    let portfolio = portfolio_from_args(std::env::args().skip(1))
        .or_else(|| std::env::var_os("STEERCO_DB").filter(|v| !v.is_empty()).map(PathBuf::from))
        .unwrap_or_else(|| paths.default_portfolio());
    let session = Session::start(paths, &portfolio, std::env::var("STEERCO_USER").ok());

    let app = tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .manage(session)
        .invoke_handler(tauri::generate_handler![
            commands::session_status,
            commands::portfolio_open,
            commands::portfolio_create,
            commands::portfolio_save_copy,
            commands::recent_list,
            commands::recent_forget,
            commands::programme_overview,
            commands::programme_get,
            commands::programme_update,
            commands::usecase_list,
            commands::usecase_get,
            commands::usecase_create,
            commands::usecase_update,
            commands::usecase_override,
            commands::usecase_revoke_override,
            commands::usecase_import,
            commands::usecase_export,
            commands::scoring_rank,
            commands::scoring_set_weights,
            commands::scoring_matrix_svg,
            commands::workshop_list,
            commands::workshop_create,
            commands::workshop_detail,
            commands::workshop_rate,
            commands::workshop_export_sheet,
            commands::workshop_import_sheet,
            commands::registry::policy_list,
            commands::registry::policy_create,
            commands::registry::policy_update,
            commands::registry::source_list,
            commands::registry::source_create,
            commands::registry::source_update,
            commands::registry::pack_list,
            commands::registry::pack_create,
            commands::registry::pack_approve,
            commands::registry::adapter_preview,
            commands::registry::adapter_import,
            commands::registry::adapter_list,
            commands::registry::adapter_versions,
            commands::registry::adapter_all_versions,
            commands::registry::adapter_show,
            commands::registry::adapter_diff,
            commands::registry::adapter_set_status,
            commands::registry::deployment_create,
            commands::registry::deployment_list,
            commands::registry::evaluation_import,
            commands::registry::evaluation_mlflow_import,
            commands::registry::evaluation_mark_baseline,
            commands::registry::lineage_graph,
            commands::registry::lineage_check,
            commands::registry::lineage_export_openlineage,
            commands::compliance::session_set_working_as,
            commands::compliance::person_list,
            commands::compliance::person_create,
            commands::compliance::person_update,
            commands::compliance::signoff_sign,
            commands::compliance::signoff_list,
            commands::compliance::signoff_queue,
            commands::compliance::audit_log,
            commands::compliance::audit_verify,
            commands::compliance::oversight_list,
            commands::compliance::oversight_set,
            commands::compliance::bias_list,
            commands::compliance::bias_import,
            commands::compliance::risk_list,
            commands::compliance::risk_create,
            commands::compliance::risk_update,
            commands::compliance::framework_coverage,
            commands::compliance::framework_mapping,
        ])
        .run(tauri::generate_context!());
    if let Err(e) = app {
        eprintln!("steerco-desktop: {e}");
        std::process::exit(1);
    }
}

/// `--db PATH` or `--db=PATH`; other arguments (e.g. from a WebDriver) are ignored.
fn portfolio_from_args(args: impl Iterator<Item = String>) -> Option<PathBuf> {
    let mut args = args.peekable();
    while let Some(arg) = args.next() {
        if arg == "--db" {
            return args.next().map(PathBuf::from);
        }
        if let Some(path) = arg.strip_prefix("--db=") {
            return Some(PathBuf::from(path));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::portfolio_from_args;
    use std::path::PathBuf;

    #[test]
    fn db_argument_in_both_spellings() {
        let args = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>().into_iter();
        assert_eq!(portfolio_from_args(args(&["--db", "a.steerco"])), Some(PathBuf::from("a.steerco")));
        assert_eq!(portfolio_from_args(args(&["-x", "--db=b.steerco"])), Some(PathBuf::from("b.steerco")));
        assert_eq!(portfolio_from_args(args(&["--db"])), None);
    }
}
