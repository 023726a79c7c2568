//! The real desktop app, driven as a person would: it opens on the demo, its overview agrees with
//! the CLI, its pages work, and a refused file is explained and left alone.

use fantoccini::Locator;
use steerco_e2e::{Sandbox, TestResult};

#[tokio::test]
async fn first_run_shows_the_demo_overview_with_lane_counts_equal_to_the_cli() -> TestResult {
    let sandbox = Sandbox::new()?;
    let portfolio = sandbox.path("first-run.steerco");
    let app = sandbox.launch(&portfolio).await?;

    let name = app.text("[data-testid=programme-name]").await?;
    assert_eq!(app.client.title().await?, "Steerco");
    app.screenshot("overview").await?;

    let cases = sandbox.cli_json(&portfolio, &["usecase", "list", "--json"])?;
    let cases = cases.as_array().ok_or("usecase list --json is an array")?;
    let info = sandbox.cli_json(&portfolio, &["info", "--json"])?;
    assert_eq!(Some(name.as_str()), info["programme"]["name"].as_str(), "the app shows the programme the CLI reads");
    assert_eq!(app.text("[data-testid=use-case-total]").await?, cases.len().to_string());
    for lane in ["portfolio", "research", "rejected"] {
        let shown: usize = app.text(&format!("[data-testid=lane-count-{lane}]")).await?.parse()?;
        let listed = cases.iter().filter(|c| c["lane"] == lane).count();
        assert_eq!(shown, listed, "the {lane} lane shows the CLI's count");
    }
    app.close().await
}

#[tokio::test]
async fn the_use_cases_page_lists_every_case_and_search_narrows_it() -> TestResult {
    let sandbox = Sandbox::new()?;
    let portfolio = sandbox.path("demo.steerco");
    let app = sandbox.launch(&portfolio).await?;
    app.click("[data-testid=nav-use-cases]").await?;
    app.text("[data-testid=use-case-table]").await?;
    let rows = app.client.find_all(Locator::Css("[data-testid=use-case-table] tbody tr")).await?;
    let cases = sandbox.cli_json(&portfolio, &["usecase", "list", "--json"])?;
    assert_eq!(rows.len(), cases.as_array().map_or(0, Vec::len));

    let search = app.client.find(Locator::Css("input[aria-label='Search use cases']")).await?;
    search.send_keys("claims").await?;
    let narrowed = app.client.find_all(Locator::Css("[data-testid=use-case-table] tbody tr")).await?;
    assert!(!narrowed.is_empty() && narrowed.len() < rows.len(), "search keeps some rows, not all");
    for row in narrowed {
        assert!(row.text().await?.to_lowercase().contains("claims"));
    }
    app.screenshot("use-cases").await?;
    app.close().await
}

#[tokio::test]
async fn a_file_that_is_not_a_portfolio_is_explained_and_left_untouched() -> TestResult {
    let sandbox = Sandbox::new()?;
    let notes = sandbox.path("notes.steerco");
    std::fs::write(&notes, "steering committee notes, not a database\n")?;
    let before = std::fs::read(&notes)?;
    let app = sandbox.launch(&notes).await?;

    let problem = app.text("[data-testid=open-problem]").await?;
    app.screenshot("refused-file").await?;
    assert!(problem.contains("not an SQLite database"), "the reason is shown: {problem}");
    app.close().await?;
    assert_eq!(std::fs::read(&notes)?, before, "the refused file is left byte-for-byte as it was");
    Ok(())
}
