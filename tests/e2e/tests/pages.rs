//! Each discovery page, opened as a user would: the dossier editor with its field-level
//! messages, the research lane with its reasons and overrides, and the workshop consensus.

use fantoccini::key::Key;
use steerco_e2e::{Sandbox, TestResult};

#[tokio::test]
async fn dossier_research_and_workshop_pages_show_the_demo_as_the_cli_does() -> TestResult {
    let sandbox = Sandbox::new()?;
    let portfolio = sandbox.path("demo.steerco");
    let app = sandbox.launch(&portfolio).await?;

    // The research lane lists every case the CLI puts there, each with its reason.
    app.open_page("research").await?;
    app.text("[data-testid=research-card]").await?;
    let cases = sandbox.cli_json(&portfolio, &["usecase", "list", "--json"])?;
    let in_research = cases.as_array().ok_or("array")?.iter().filter(|c| c["lane"] == "research").count();
    assert_eq!(app.count("[data-testid=research-reason]").await?, in_research);
    app.screenshot("research-lane").await?;

    // A payback horizon of 0 is refused at the field; 14 months lets the 13.3-month case out.
    app.click("[data-testid=portfolio-menu]").await?;
    app.click("[data-testid=menu-programme-settings]").await?;
    app.wait_for_value("input[data-testid=horizon-input]", "6").await?;
    app.fill("input[data-testid=horizon-input]", "0").await?;
    app.click("[data-testid=save-programme]").await?;
    app.screenshot("programme-settings-refused").await?;
    let refused = app.text(".mantine-NumberInput-error").await?;
    assert_eq!(refused, "must be between 1 and 120 months, not 0");
    assert_eq!(
        sandbox.cli_json(&portfolio, &["programme", "show", "--json"])?["settings"]["payback_horizon_months"],
        6
    );
    app.fill("input[data-testid=horizon-input]", "14").await?;
    app.click("[data-testid=save-programme]").await?;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while app.count("[data-testid=research-reason]").await? != in_research - 1 {
        if std::time::Instant::now() > deadline {
            return Err("a longer horizon did not release the 13.3-month case".into());
        }
        tokio::time::sleep(std::time::Duration::from_millis(150)).await;
    }
    assert_eq!(
        sandbox.cli_json(&portfolio, &["programme", "show", "--json"])?["settings"]["payback_horizon_months"],
        14
    );

    // The workshop's consensus flags the spread the demo plants.
    app.open_page("workshops").await?;
    app.text("[data-testid=consensus-table]").await?;
    let flags = app.count("[data-testid=discuss-flag]").await?;
    let detail = sandbox.cli_json(&portfolio, &["workshop", "show", "WS-001", "--json"])?;
    let discuss = detail["consensus"].as_array().ok_or("array")?.iter().filter(|c| c["discuss"] == true).count();
    assert_eq!(flags, discuss);
    assert!(discuss > 0);
    app.screenshot("workshops").await?;

    // The facilitator rates for Mette on screen; the consensus and the CLI see it at once.
    app.click("[data-testid=tab-rate]").await?;
    app.keys("input[data-testid=rating-as]", &format!("{}{}{}", Key::Down, Key::Down, Key::Down)).await?;
    app.keys("input[data-testid=rating-as]", &Key::Enter.to_string()).await?;
    app.click("[data-testid=rate-UC-012-criticality] input[value='5'] + label").await?;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        let detail = sandbox.cli_json(&portfolio, &["workshop", "show", "WS-001", "--json"])?;
        let recorded = detail["ratings"].as_array().ok_or("array")?.iter().any(|r| {
            r["participant"] == "Mette Jensen"
                && r["use_case_id"] == "UC-012"
                && r["criterion"] == "criticality"
                && r["rating"] == 5
        });
        if recorded {
            break;
        }
        if std::time::Instant::now() > deadline {
            return Err("the on-screen rating was not recorded for Mette Jensen".into());
        }
        tokio::time::sleep(std::time::Duration::from_millis(150)).await;
    }
    app.screenshot("workshop-rate").await?;

    // The dossier editor refuses leaving discovery without owners, at the field, storing nothing.
    app.open_page("portfolio").await?;
    app.click("[data-testid=ranked-row][data-id=UC-012] td:nth-child(3)").await?;
    app.text("[data-testid=payback-hint]").await?;
    app.screenshot("dossier").await?;
    // Choose "Architecture", the stage after discovery, with the keyboard.
    app.keys("input[data-testid=dossier-stage]", &format!("{}{}", Key::Down, Key::Down)).await?;
    app.keys("input[data-testid=dossier-stage]", &Key::Enter.to_string()).await?;
    app.click("[data-testid=save-dossier]").await?;
    let message = app.text(".mantine-Select-error").await?;
    assert_eq!(message, "cannot move past discovery to architecture without an executive sponsor and a product owner");
    app.screenshot("dossier-refused").await?;
    let stored = sandbox.cli_json(&portfolio, &["usecase", "show", "UC-012", "--json"])?;
    assert_eq!(stored["stage"], "discovery", "a refused edit stores nothing");
    app.close().await
}
