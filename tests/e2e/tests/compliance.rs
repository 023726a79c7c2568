//! Compliance as people drive it on a shared laptop: the compliance officer picks her profile
//! and signs a dossier off; a consultant then edits the dossier, and the sign-off shows stale —
//! in the dossier, in the ranked table and in the sign-off queue with what changed.

use std::time::{Duration, Instant};

use fantoccini::key::Key;
use steerco_e2e::{App, Sandbox, TestResult};

/// Presses Escape in the dossier until the drawer has closed. Right after a modal over the drawer
/// closes, WebKit may hand the first key to the modal's closing transition; a person presses again.
async fn close_dossier(app: &App) -> TestResult {
    for _ in 0..3 {
        app.keys("input[data-testid=dossier-workflow]", &Key::Escape.to_string()).await?;
        let deadline = Instant::now() + Duration::from_secs(3);
        while app.count("input[data-testid=dossier-workflow]").await? > 0 && Instant::now() < deadline {
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        if app.count("input[data-testid=dossier-workflow]").await? == 0 {
            return Ok(());
        }
    }
    Err("the dossier drawer did not close on Escape".into())
}

#[tokio::test]
async fn a_sign_off_goes_stale_when_a_consultant_edits_the_dossier() -> TestResult {
    let sandbox = Sandbox::new()?;
    let portfolio = sandbox.path("demo.steerco");
    let app = sandbox.launch(&portfolio).await?;

    // Carla Mendes, compliance officer, signs UC-004 off from its dossier.
    app.work_as("PER-003", "Carla Mendes").await?;
    app.open_page("portfolio").await?;
    app.click_until("[data-testid=ranked-row][data-id=UC-004] td:nth-child(3)", "input[data-testid=dossier-workflow]")
        .await?;
    // The button is enabled once the drawer knows a compliance officer is working.
    app.wait_for("[data-testid=dossier-sign-off]:not([disabled]):not([data-disabled])").await?;
    app.click_until("[data-testid=dossier-sign-off]", "[data-testid=signoff-comment]").await?;
    app.fill("[data-testid=signoff-comment]", "Dossier, oversight and risks reviewed for the pilot.").await?;
    app.click_until("[data-testid=signoff-confirm]", "[data-testid=signoff-done]").await?;
    app.wait_for("[data-testid=signoff-current-UC-004]").await?;
    app.screenshot("signed-off").await?;
    let signed = sandbox.cli_json(&portfolio, &["signoff", "list", "--entity", "UC-004", "--json"])?;
    assert_eq!(
        (signed[0]["signoff"]["signed_by"].as_str(), signed[0]["stale"].as_bool()),
        (Some("Carla Mendes"), Some(false))
    );
    app.click("[data-testid=signoff-close]").await?;
    app.wait_gone("[data-testid=signoff-modal]").await?;
    close_dossier(&app).await?;

    // Sofia Brandt, consultant, edits the dossier's workflow.
    app.work_as("PER-002", "Sofia Brandt").await?;
    app.click_until("[data-testid=ranked-row][data-id=UC-004] td:nth-child(3)", "input[data-testid=dossier-workflow]")
        .await?;
    app.fill("input[data-testid=dossier-workflow]", "Pre-check of mortgage files, income proofs included").await?;
    app.click("[data-testid=save-dossier]").await?;
    // Before anything is stored, the app says whose sign-off the change makes stale.
    let warning = app.text("[data-testid=save-consequences]").await?;
    assert!(warning.contains("Carla Mendes's sign-off"), "{warning}");
    app.click("[data-testid=save-anyway]").await?;
    // Saving closes the drawer; let it finish closing before opening the dossier again.
    app.wait_gone("input[data-testid=dossier-workflow]").await?;
    app.wait_for("[data-testid=ranked-signoff-stale-UC-004]").await?;
    app.screenshot("signoff-stale-ranked").await?;
    app.click_until("[data-testid=ranked-row][data-id=UC-004] td:nth-child(3)", "input[data-testid=dossier-workflow]")
        .await?;
    app.wait_for("[data-testid=signoff-stale-UC-004]").await?;
    app.screenshot("signoff-stale-dossier").await?;
    let stale = sandbox.cli_json(&portfolio, &["signoff", "list", "--stale", "--json"])?;
    assert_eq!(stale[0]["signoff"]["entity_id"], "UC-004");
    let log = sandbox.cli_json(&portfolio, &["audit", "log", "--entity", "UC-004", "--json"])?;
    let last = log.as_array().ok_or("array")?.last().ok_or("a record")?.clone();
    assert_eq!((last["actor"].as_str(), last["action"].as_str()), (Some("Sofia Brandt"), Some("update")));
    close_dossier(&app).await?;

    // The queue shows it stale, with what changed.
    app.open_page("signoffs").await?;
    let entry = app.text("[data-testid=stale-UC-004]").await?;
    assert!(entry.contains("Workflow") && entry.contains("income proofs included"), "{entry}");
    app.screenshot("signoff-queue").await?;

    // The audit page verifies the chain.
    app.open_page("audit").await?;
    app.click("[data-testid=audit-verify]").await?;
    let verdict = app.text("[data-testid=audit-verify-result]").await?;
    assert!(verdict.contains("holds"), "{verdict}");
    app.screenshot("audit").await?;
    app.close().await
}
