//! From blueprint to pilot as people drive it: the KYC case of the demo is ready to launch but
//! for one blueprint part its owner just changed; the owner fills it in, a compliance officer
//! reviews it, the readiness list turns green item by item, and the pilot starts — the case is
//! then in the pilot stage, as the CLI reads it. Also looks at the stage board and a scaled
//! pilot's monitoring (drift chart, open alert, feedback).

use std::time::{Duration, Instant};

use steerco_e2e::{wait_until, App, Sandbox, TestResult};

/// Brings an element to the middle of the window, so that a screenshot shows it.
async fn scroll_to(app: &App, css: &str) -> TestResult {
    let script = "document.querySelector(arguments[0]).scrollIntoView({block: 'center'})";
    app.client.execute(script, vec![serde_json::json!(css)]).await?;
    Ok(())
}

#[tokio::test]
async fn a_blueprint_filled_in_turns_readiness_green_and_the_pilot_starts() -> TestResult {
    let sandbox = Sandbox::new()?;
    let portfolio = sandbox.path("demo.steerco");
    sandbox.cli(&portfolio, &["demo"])?;
    // The owner of the security overlays clears the least-privilege findings: the part is
    // incomplete again and its review is gone.
    sandbox.cli(&portfolio, &["--as", "Jonas Weber", "blueprint", "set", "UC-006", "security", "--findings", ""])?;
    let security = &sandbox.cli_json(&portfolio, &["blueprint", "show", "UC-006", "--json"])?["parts"][2];
    assert!(security["reviewed_by"].is_null(), "{security}");
    let app = sandbox.launch(&portfolio).await?;
    app.work_as("PER-001", "Jonas Weber").await?;

    app.open_page("pilots").await?;
    app.click("[data-testid=pilots-row-UC-006] td").await?;
    app.wait_for("[data-testid=pilots-usecase-view][data-usecase=UC-006]").await?;
    app.wait_for("[data-testid=readiness-blueprint][data-met=false]").await?;
    assert_eq!(app.count("[data-testid^=readiness-][data-met=true]").await?, 6, "six of seven hold");
    app.screenshot("pilots-readiness-blocked").await?;

    // Fix: the blueprint's security part, filled in by its owner.
    app.click("[data-testid=readiness-fix-blueprint]").await?;
    app.click("[data-testid=blueprint-edit-security]").await?;
    app.fill(
        "[data-testid=bp-field-least_privilege_findings]",
        "No finding: the training account reads the approved pack only.",
    )
    .await?;
    app.screenshot("pilots-blueprint-edit").await?;
    app.click("[data-testid=blueprint-save]").await?;
    app.wait_for("[data-testid=blueprint-part-security][data-complete=true]").await?;

    // Reviewed by someone other than its owner.
    app.work_as("PER-003", "Carla Mendes").await?;
    app.click("[data-testid=blueprint-review-security]").await?;
    app.wait_for("[data-testid=blueprint-part-security][data-reviewed=true]").await?;
    app.screenshot("pilots-blueprint-reviewed").await?;

    app.click("[data-testid=pilots-tab-readiness]").await?;
    app.wait_for("[data-testid=readiness-summary][data-ready=true]").await?;
    assert_eq!(app.count("[data-testid^=readiness-][data-met=false]").await?, 0, "every item holds");
    app.screenshot("pilots-readiness-green").await?;

    app.click("[data-testid=pilots-tab-pilot]").await?;
    app.click("[data-testid=pilot-start]").await?;
    wait_until("the pilot's first phase runs", || {
        let pilot = sandbox.cli_json(&portfolio, &["pilot", "show", "UC-006", "--json"])?;
        Ok(pilot[0]["phases"][0]["status"] == "running")
    })
    .await?;
    let case = sandbox.cli_json(&portfolio, &["usecase", "show", "UC-006", "--json"])?;
    assert_eq!(case["stage"], "pilot", "starting the pilot is the case's entry into the pilot stage");
    app.wait_for("[data-testid=pilot-advance]").await?;
    // The header follows the case into the pilot stage.
    let deadline = Instant::now() + Duration::from_secs(10);
    while !app.text("[data-testid=readiness-summary]").await?.starts_with("Launched") {
        if Instant::now() > deadline {
            return Err("the header still reads as not launched".into());
        }
        tokio::time::sleep(Duration::from_millis(150)).await;
    }
    app.screenshot("pilots-started").await?;
    // The oversight plan the pilot runs under.
    let oversight = app.text("[data-testid=pilot-oversight]").await?;
    assert!(oversight.contains("Accountable") && oversight.contains("Priya Nair"), "{oversight}");
    scroll_to(&app, "[data-testid=pilot-oversight]").await?;
    app.screenshot("pilots-oversight").await?;

    // The stage board shows it in pilot, and what the others wait on.
    app.open_page("board").await?;
    app.wait_for("[data-testid=board-column-pilot] [data-testid=board-card-UC-006]").await?;
    let waits = app.text("[data-testid=board-waits-UC-002]").await?;
    assert!(waits.contains("Launch readiness"), "{waits}");
    app.screenshot("stage-board").await?;

    // A scaled pilot's monitoring: the drift chart with its crossing, the open alert, feedback.
    app.open_page("pilots").await?;
    app.click("[data-testid=pilots-row-UC-001] td").await?;
    app.wait_for("[data-testid=pilots-usecase-view][data-usecase=UC-001]").await?;
    app.click("[data-testid=pilots-tab-monitoring]").await?;
    let chart = app.text("[data-testid=drift-chart]").await?;
    assert!(chart.contains("crossed on 2026-11-04"), "{chart}");
    app.wait_for("[data-testid=feedback-chart]").await?;
    scroll_to(&app, "[data-testid=drift-chart]").await?;
    app.screenshot("pilots-monitoring").await?;
    scroll_to(&app, "[data-testid=feedback-chart]").await?;
    app.screenshot("pilots-feedback").await?;
    app.click("[data-testid=pilots-tab-operations]").await?;
    app.wait_for("[data-testid=kpis-incidents-tab]").await?;
    app.screenshot("pilots-kpis-incidents").await?;
    app.close().await
}
