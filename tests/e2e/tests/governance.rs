//! The governance pages on the demo, as an executive or auditor would look at them, each checked
//! against the CLI: the lineage check names the same gaps, the failing version's graph has its
//! gaps in red, and a use case's framework coverage shows evidence and gaps.

use std::time::{Duration, Instant};

use steerco_e2e::{Sandbox, TestResult};

#[tokio::test]
async fn lineage_gaps_and_framework_coverage_match_the_cli() -> TestResult {
    let sandbox = Sandbox::new()?;
    let portfolio = sandbox.path("demo.steerco");
    let app = sandbox.launch(&portfolio).await?;

    app.open_page("registry").await?;
    app.text("[data-testid=adapter-table]").await?;
    app.screenshot("registry-demo").await?;

    // The release check shows exactly the gaps `steerco lineage --check` names.
    app.open_page("lineage").await?;
    app.text("[data-testid=lineage-check-result]").await?;
    let out = std::process::Command::new(steerco_e2e::cli_binary())
        .args(["--db", &portfolio.display().to_string(), "lineage", "--check", "--json"])
        .env("XDG_DATA_HOME", sandbox.path("xdg-data"))
        .env("XDG_CONFIG_HOME", sandbox.path("xdg-config"))
        .output()?;
    assert_eq!(out.status.code(), Some(1), "the demo plants gaps");
    let check: serde_json::Value = serde_json::from_slice(&out.stdout)?;
    let gaps = check["gaps"].as_array().ok_or("gaps")?;
    assert!(!gaps.is_empty());
    assert_eq!(app.count("[data-testid=lineage-check-gap]").await?, gaps.len());
    let failing = gaps[0]["adapter_version_id"].as_str().ok_or("a version")?.to_owned();
    app.click(&format!("[data-testid=lineage-check-show-{failing}]")).await?;
    let deadline = Instant::now() + Duration::from_secs(10);
    while app.count("[data-testid^=lineage-node-][data-gap=true]").await? < 2 {
        if Instant::now() > deadline {
            return Err("the unapproved pack and the unaccepted source are not red".into());
        }
        tokio::time::sleep(Duration::from_millis(150)).await;
    }
    for gap in gaps {
        let record = gap["record_id"].as_str().ok_or("record")?;
        if record != failing {
            assert_eq!(
                app.count(&format!("[data-testid=lineage-node-{record}][data-gap=true]")).await?,
                1,
                "{record} is red"
            );
        }
    }
    app.screenshot("lineage-gaps").await?;

    app.open_page("data").await?;
    app.text("[data-testid=source-table]").await?;
    app.screenshot("data-sources").await?;
    app.open_page("policies").await?;
    app.text("[data-testid=policy-table]").await?;
    app.screenshot("policies").await?;

    // Framework coverage of the first use case, as the CLI computes it.
    app.open_page("risk").await?;
    app.click("[data-testid=tab-coverage]").await?;
    let shown = app.text("[data-testid=coverage-eu_ai_act_annex_iv]").await?;
    let coverage = sandbox.cli_json(&portfolio, &["framework", "coverage", "UC-001", "--json"])?;
    let eu = &coverage["frameworks"][0];
    let expected = format!("covered {} of {}", eu["covered"], eu["total"]);
    assert!(shown.contains(&expected), "UC-001's Annex IV coverage: expected {expected:?} in {shown:?}");
    app.screenshot("risk-coverage").await?;
    app.click("[data-testid=tab-oversight]").await?;
    app.screenshot("risk-oversight").await?;
    app.click("[data-testid=tab-register]").await?;
    app.screenshot("risk-register").await?;

    app.click("[data-testid=working-as]").await?;
    app.text("[data-testid=profile-picker]").await?;
    app.screenshot("profile-picker").await?;
    app.close().await
}
