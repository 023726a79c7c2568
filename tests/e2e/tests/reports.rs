//! Reports as a compliance officer drives them in the desktop app: she exports the regulator
//! pack from the Reports page (the save dialog answered, a progress bar while it is laid out),
//! the file is the PDF the CLI verifies; she cancels a second export and no file is written;
//! she verifies the first pack from the page and it matches.
//!
//! Native dialogs cannot be driven over WebDriver, so the test answers them inside the webview
//! through the one hook the dialogs module reads (`window.__steercoDialogAnswer`); every command
//! then goes to the real backend.

use std::time::Duration;

use steerco_e2e::{Sandbox, TestResult};

async fn answer_dialogs_with(app: &steerco_e2e::App, path: &str) -> TestResult {
    app.client.execute("window.__steercoDialogAnswer = arguments[0]; return true;", vec![path.into()]).await?;
    Ok(())
}

#[tokio::test]
async fn a_compliance_officer_exports_cancels_and_verifies_the_regulator_pack() -> TestResult {
    let sandbox = Sandbox::new()?;
    let portfolio = sandbox.path("demo.steerco");
    sandbox.cli(&portfolio, &["demo"])?;
    let app = sandbox.launch_with(&portfolio, &[("STEERCO_USER", "Carla Mendes")]).await?;
    app.wait_for("[data-testid=dashboard-page]").await?;
    app.click_until("[data-testid=nav-reports]", "[data-testid=reports-page]").await?;
    app.wait_for("[data-testid=exports-empty]").await?;
    app.screenshot("reports").await?;

    let pack = sandbox.path("regulator-pack.pdf");
    answer_dialogs_with(&app, pack.to_str().ok_or("path")?).await?;
    app.click("[data-testid=pack-export]").await?;
    app.wait_for("[data-testid=export-done]").await?;
    let done = app.text("[data-testid=export-done]").await?;
    assert!(pack.exists(), "the pack was written");
    let verified = sandbox.cli_json(&portfolio, &["verify-pack", pack.to_str().ok_or("path")?, "--json"])?;
    assert_eq!(verified["matches"], true, "the CLI verifies the file the app exported: {verified}");
    let pages = verified["export"]["pages"].as_u64().ok_or("pages")?;
    assert!(done.contains(&format!("{pages} pages")), "{done}");
    assert!(done.contains("recorded as EXP-001"), "{done}");
    app.wait_for("[data-testid=exports-table]").await?;
    app.screenshot("reports-exported").await?;

    // A second export, cancelled as soon as its progress shows (laying out takes seconds; the
    // click takes a tenth of one), leaves no file.
    let cancelled = sandbox.path("cancelled.pdf");
    answer_dialogs_with(&app, cancelled.to_str().ok_or("path")?).await?;
    app.click("[data-testid=pack-export]").await?;
    app.wait_for("[data-testid=export-progress]").await?;
    app.click("[data-testid=export-cancel]").await?;
    app.wait_for("[data-testid=export-cancelled]").await?;
    app.screenshot("reports-cancelled").await?;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(!cancelled.exists(), "a cancelled export writes nothing");
    let partials = std::fs::read_dir(sandbox.path("."))?
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().contains("partial"))
        .count();
    assert_eq!(partials, 0, "and leaves no temporary file");

    // Verify the first pack from the page.
    answer_dialogs_with(&app, pack.to_str().ok_or("path")?).await?;
    app.click("[data-testid=verify-choose]").await?;
    app.wait_for("[data-testid=verify-result][data-matches=true]").await?;
    let verdict = app.text("[data-testid=verify-result]").await?;
    assert!(verdict.contains("Exactly EXP-001") && verdict.contains("Carla Mendes"), "{verdict}");
    let listed = app.text("[data-testid=exports-table]").await?;
    assert!(listed.contains("EXP-001") && listed.contains("Regulator pack"), "{listed}");
    app.screenshot("reports-verified").await?;
    app.close().await
}
