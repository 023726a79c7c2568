//! Generates the permission set for the app's own commands, so the capability file can grant
//! exactly these and nothing else.

fn main() {
    let manifest = tauri_build::AppManifest::new().commands(&[
        "session_status",
        "portfolio_open",
        "portfolio_create",
        "portfolio_save_copy",
        "recent_list",
        "recent_forget",
        "programme_overview",
        "programme_get",
        "programme_update",
        "usecase_list",
        "usecase_get",
        "usecase_create",
        "usecase_update",
        "usecase_override",
        "usecase_revoke_override",
        "usecase_import",
        "usecase_export",
        "scoring_rank",
        "scoring_set_weights",
        "scoring_matrix_svg",
        "workshop_list",
        "workshop_create",
        "workshop_detail",
        "workshop_rate",
        "workshop_export_sheet",
        "workshop_import_sheet",
    ]);
    if let Err(e) = tauri_build::try_build(tauri_build::Attributes::new().app_manifest(manifest)) {
        // A build script reports failure by panicking; say what broke.
        panic!("tauri-build failed: {e:#}");
    }
}
