//! The real desktop app, driven as a person would: it opens on the demo, its overview agrees with
//! the CLI, the portfolio re-ranks when a weight slider moves, a CSV imports after a dry run,
//! and a refused file is explained and left alone.

use std::time::{Duration, Instant};

use fantoccini::key::Key;
use steerco_e2e::{App, Sandbox, TestResult};

#[tokio::test]
async fn first_run_shows_the_demo_overview_with_lane_counts_equal_to_the_cli() -> TestResult {
    let sandbox = Sandbox::new()?;
    let portfolio = sandbox.path("first-run.steerco");
    let app = sandbox.launch(&portfolio).await?;

    // With value recorded (the demo has a year of it) the app opens on the dashboard.
    app.wait_for("[data-testid=dashboard-page]").await?;
    let name = app.text("[data-testid=programme-name]").await?;
    assert_eq!(app.client.title().await?, "Steerco");
    app.open_page("overview").await?;
    app.wait_for("[data-testid=use-case-total]").await?;
    app.screenshot("overview").await?;
    // The sandbox asks GTK for no animations; the app must see it, or every drawer in these tests
    // slides under the clicks again.
    let reduced = app.client.execute("return matchMedia('(prefers-reduced-motion: reduce)').matches;", vec![]).await?;
    assert_eq!(reduced, serde_json::json!(true), "the webview reports reduced motion");

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

/// The IDs of the ranked table's rows, top to bottom, read in one step so a re-render between
/// rows cannot mix two orders.
async fn ranked_ids(app: &App) -> TestResult<Vec<String>> {
    let ids = app
        .client
        .execute(
            "return Array.from(document.querySelectorAll('[data-testid=ranked-row]')).map(r => r.dataset.id);",
            vec![],
        )
        .await?;
    Ok(serde_json::from_value(ids)?)
}

/// The IDs in `steerco rank --json` order.
fn cli_ranked_ids(sandbox: &Sandbox, portfolio: &std::path::Path) -> TestResult<Vec<String>> {
    let ranked = sandbox.cli_json(portfolio, &["rank", "--json"])?;
    let ranked = ranked.as_array().ok_or("rank --json is an array")?;
    Ok(ranked.iter().map(|c| c["id"].as_str().unwrap_or_default().to_owned()).collect())
}

async fn wait_for_change(app: &App, before: &[String]) -> TestResult<Vec<String>> {
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        let now = ranked_ids(app).await?;
        if now != before && now.len() == before.len() {
            return Ok(now);
        }
        if Instant::now() > deadline {
            return Err(format!("the ranking did not change: {now:?}").into());
        }
        tokio::time::sleep(Duration::from_millis(150)).await;
    }
}

#[tokio::test]
async fn moving_a_weight_slider_re_ranks_the_portfolio_live() -> TestResult {
    let sandbox = Sandbox::new()?;
    let portfolio = sandbox.path("demo.steerco");
    let app = sandbox.launch(&portfolio).await?;
    app.open_page("portfolio").await?;
    app.text("[data-testid=ranked-table]").await?;
    let before = ranked_ids(&app).await?;
    let cli = cli_ranked_ids(&sandbox, &portfolio)?;
    assert_eq!(before, cli, "the app ranks as `steerco rank` does");

    app.keys("[role=slider][aria-label='Guardrail complexity weight']", &Key::End.to_string()).await?;
    let after = wait_for_change(&app, &before).await?;
    assert_eq!(app.text("[data-testid=weight-value-guardrail]").await?, "100%");
    assert_eq!(app.text("[data-testid=weight-value-value]").await?, "0%", "the others rebalance to keep 100");
    app.screenshot("portfolio-reranked").await?;

    // Saving makes the preview the stored ranking, as the CLI sees it.
    app.click("[data-testid=save-weights]").await?;
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let weights = sandbox.cli_json(&portfolio, &["weights", "show", "--json"])?;
        if weights[2]["weight"] == 100 {
            break;
        }
        if Instant::now() > deadline {
            return Err(format!("weights were not saved: {weights}").into());
        }
        tokio::time::sleep(Duration::from_millis(150)).await;
    }
    let stored = cli_ranked_ids(&sandbox, &portfolio)?;
    assert_eq!(stored, after);
    app.close().await
}

#[tokio::test]
async fn a_csv_imports_after_a_dry_run_that_stores_nothing() -> TestResult {
    let sandbox = Sandbox::new()?;
    let portfolio = sandbox.path("demo.steerco");
    let csv = sandbox.path("new-cases.csv");
    std::fs::write(
        &csv,
        "title,business_unit,executive_sponsor,product_owner,annual_value,one_time_cost,monthly_run_cost,value_rating,criticality_rating,guardrail_rating,data_readiness,risk_class,description\r\n\
         \"Broker e-mail triage, EMEA\",Insurance · Distribution,Mette Jensen,Tomás Silva,900000,150000,10000,4,4,2,3,limited,\"Routes broker e-mails.\r\nPilot in Q1.\"\r\n\
         Warranty claim summaries,Manufacturing · Service,Karl Weber,,300000,400000,20000,3,2,3,,minimal,\r\n",
    )?;
    let app = sandbox.launch(&portfolio).await?;
    app.open_page("portfolio").await?;
    app.text("[data-testid=ranked-table]").await?;
    let before = ranked_ids(&app).await?.len();

    app.click("[data-testid=import-csv-open]").await?;
    // The dialog opens with a transition: check only once the path typed is the field's value.
    let path = csv.display().to_string();
    app.fill("input[data-testid=import-csv-path]", &path).await?;
    app.wait_for_value("input[data-testid=import-csv-path]", &path).await?;
    app.click("[data-testid=import-csv-check]").await?;
    let preview = app.text("[data-testid=import-preview]").await?;
    assert!(
        preview.contains("Broker e-mail triage, EMEA") && preview.contains("Warranty claim summaries"),
        "{preview}"
    );
    app.screenshot("import-preview").await?;
    assert_eq!(
        sandbox.cli_json(&portfolio, &["usecase", "list", "--json"])?.as_array().map(Vec::len),
        Some(before),
        "a dry run stores nothing"
    );

    app.click("[data-testid=confirm-import]").await?;
    let deadline = Instant::now() + Duration::from_secs(10);
    while ranked_ids(&app).await?.len() != before + 2 {
        if Instant::now() > deadline {
            return Err("the imported use cases did not appear in the ranking".into());
        }
        tokio::time::sleep(Duration::from_millis(150)).await;
    }
    let listed = sandbox.cli_json(&portfolio, &["usecase", "list", "--json"])?;
    let titles: Vec<&str> = listed.as_array().ok_or("array")?.iter().filter_map(|c| c["title"].as_str()).collect();
    assert!(titles.contains(&"Broker e-mail triage, EMEA"));
    let warranty = listed
        .as_array()
        .ok_or("array")?
        .iter()
        .find(|c| c["title"] == "Warranty claim summaries")
        .ok_or("imported")?;
    assert_eq!(warranty["lane"], "research", "a case that cannot pay back lands in research");
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
