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
            commands::policy_list,
            commands::policy_create,
            commands::policy_update,
            commands::source_list,
            commands::source_create,
            commands::source_update,
            commands::pack_list,
            commands::pack_create,
            commands::pack_approve,
            commands::adapter_preview,
            commands::adapter_import,
            commands::adapter_list,
            commands::adapter_versions,
            commands::adapter_all_versions,
            commands::adapter_show,
            commands::adapter_diff,
            commands::adapter_set_status,
            commands::deployment_create,
            commands::deployment_list,
            commands::evaluation_import,
            commands::evaluation_mlflow_import,
            commands::evaluation_mark_baseline,
            commands::lineage_graph,
            commands::lineage_check,
            commands::lineage_export_openlineage,
            commands::session_set_working_as,
            commands::person_list,
            commands::person_create,
            commands::person_update,
            commands::signoff_sign,
            commands::signoff_list,
            commands::signoff_queue,
            commands::audit_log,
            commands::audit_verify,
            commands::oversight_list,
            commands::oversight_set,
            commands::bias_list,
            commands::bias_import,
            commands::risk_list,
            commands::risk_create,
            commands::risk_update,
            commands::framework_coverage,
            commands::framework_mapping,
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
