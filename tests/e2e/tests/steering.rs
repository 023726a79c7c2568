//! Steering as an executive drives it in the desktop app: the app opens on the dashboard (the
//! demo has a year of value), whose figures agree with the CLI; in the open steering meeting she
//! authorises a backlog item with a rationale and sees it appear in the portfolio in discovery;
//! she closes the meeting and the minutes show the audit trail's head the CLI reads.

use fantoccini::key::Key;
use steerco_e2e::{wait_until, Sandbox, TestResult};

#[tokio::test]
async fn an_executive_holds_the_meeting_authorises_a_backlog_item_and_it_is_in_the_portfolio() -> TestResult {
    let sandbox = Sandbox::new()?;
    let portfolio = sandbox.path("demo.steerco");
    sandbox.cli(&portfolio, &["demo"])?;
    let app = sandbox.launch_with(&portfolio, &[("STEERCO_USER", "Claire Dubois")]).await?;

    app.wait_for("[data-testid=dashboard-page]").await?;
    app.wait_for("[data-testid=dashboard-roi] svg").await?;
    let dashboard = sandbox.cli_json(&portfolio, &["dashboard", "--json"])?;
    let net = app.text("[data-testid=dashboard-kpi-net-figure]").await?;
    let expected = dashboard["portfolio"]["net"].as_f64().ok_or("net")?;
    assert!(
        net.replace([',', '.', '\u{a0}', ' '], "").contains(&format!("{}", expected.abs() as i64)),
        "{net} vs {expected}"
    );
    app.wait_for("[data-testid=dashboard-case-UC-001]").await?;
    app.screenshot("dashboard").await?;

    app.open_page("steering").await?;
    app.click_until("[data-testid=meeting-row-MTG-002] td", "[data-testid=agenda-item-backlog-BL-002]").await?;
    app.screenshot("steering-agenda").await?;
    app.click_until("[data-testid=agenda-decide-backlog-BL-002-authorise]", "[data-testid=decision-rationale]").await?;
    app.fill("[data-testid=decision-rationale]", "Routing broker e-mails in minutes is worth a discovery").await?;
    app.click("[data-testid=decision-submit]").await?;
    app.wait_for("[data-testid=agenda-item-backlog-BL-002][data-decided=true]").await?;
    let created = wait_for_case(&sandbox, &portfolio).await?;
    app.screenshot("steering-decided").await?;

    app.open_page("portfolio").await?;
    app.fill("input[aria-label='Search use cases']", "Broker e-mail").await?;
    app.wait_for(&format!("[data-testid=ranked-row][data-id={created}]")).await?;
    let row = app.text(&format!("[data-testid=ranked-row][data-id={created}]")).await?;
    assert!(row.contains("Broker e-mail triage") && row.contains("Discovery"), "{row}");
    app.screenshot("portfolio-authorised").await?;
    app.keys("input[aria-label='Search use cases']", &Key::Escape.to_string()).await?;

    app.open_page("steering").await?;
    app.click_until("[data-testid=meeting-row-MTG-002] td", "[data-testid=meeting-close]").await?;
    app.click_until("[data-testid=meeting-close]", "[data-testid=meeting-close-confirm]").await?;
    app.click("[data-testid=meeting-close-confirm]").await?;
    app.wait_for("[data-testid=minutes-audit-head]").await?;
    let minutes = sandbox.cli_json(&portfolio, &["meeting", "minutes", "MTG-002", "--json"])?;
    let head = minutes["audit_head"].as_str().ok_or("the closed meeting's head")?;
    let shown = app
        .client
        .execute("return document.querySelector('[data-testid=minutes-audit-head]').getAttribute('data-hash');", vec![])
        .await?;
    assert_eq!(shown.as_str(), Some(head));
    app.screenshot("steering-minutes").await?;

    app.open_page("value").await?;
    app.wait_for("[data-testid=value-page] svg").await?;
    app.wait_for("[data-testid=value-month-row-2026-11]").await?;
    app.screenshot("value").await?;
    app.close().await
}

/// The use case the decision created, as the CLI lists it (in discovery, portfolio lane).
async fn wait_for_case(sandbox: &Sandbox, portfolio: &std::path::Path) -> TestResult<String> {
    let mut found = None;
    wait_until("the authorised backlog item to be a use case", || {
        let cases = sandbox.cli_json(portfolio, &["usecase", "list", "--json"])?;
        found = cases.as_array().and_then(|all| {
            all.iter().find(|c| c["title"] == "Broker e-mail triage").map(|c| {
                (c["id"].as_str().unwrap_or_default().to_owned(), c["stage"] == "discovery" && c["lane"] == "portfolio")
            })
        });
        Ok(found.is_some())
    })
    .await?;
    let (id, in_discovery) = found.ok_or("no case")?;
    assert!(in_discovery, "{id} is in discovery, in the portfolio lane");
    Ok(id)
}
