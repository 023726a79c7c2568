//! Adoption, as each user meets it: a consultant drives the portfolio from the keyboard alone;
//! a compliance officer reviews what they sign (and sees the lineage gap the CLI sees); saving a
//! signed dossier warns whose sign-off goes stale before anything is stored; no page shows an
//! internal record-kind name; and every page is looked at in two window sizes.

use std::time::{Duration, Instant};

use fantoccini::key::Key;
use steerco_e2e::{wait_until, App, Sandbox, TestResult, PAGES};

/// The focused element's test id (or its tag when it has none).
async fn focused(app: &App) -> TestResult<String> {
    let v = app
        .client
        .execute(
            "const e = document.activeElement; return e ? (e.dataset.testid || e.tagName.toLowerCase()) : '';",
            vec![],
        )
        .await?;
    Ok(v.as_str().unwrap_or_default().to_owned())
}

/// Presses Tab until `wanted(test id)` holds for the focused element, as a keyboard user would.
async fn tab_to(app: &App, what: &str, wanted: impl Fn(&str) -> bool) -> TestResult<String> {
    for _ in 0..60 {
        app.client.active_element().await?.send_keys(&Key::Tab.to_string()).await?;
        let now = focused(app).await?;
        if wanted(&now) {
            return Ok(now);
        }
    }
    Err(format!("{what} never took the focus by Tab").into())
}

#[tokio::test]
async fn a_consultant_reaches_a_dossier_and_saves_it_with_the_keyboard_alone() -> TestResult {
    let sandbox = Sandbox::new()?;
    let portfolio = sandbox.path("demo.steerco");
    let app = sandbox.launch(&portfolio).await?;
    app.text("[data-testid=programme-name]").await?;
    // The sidebar is reached by Tab; Enter opens the page.
    tab_to(&app, "the Portfolio entry", |id| id == "nav-portfolio").await?;
    app.client.active_element().await?.send_keys(&Key::Enter.to_string()).await?;
    app.text("[data-testid=ranked-table]").await?;
    // Table rows take the focus; Enter opens the dossier, which focuses its first field.
    tab_to(&app, "a ranked row", |id| id == "ranked-row").await?;
    let row = app.client.active_element().await?;
    let id = row.attr("data-id").await?.ok_or("the focused row names its use case")?;
    row.send_keys(&Key::Enter.to_string()).await?;
    app.text("input[data-testid=dossier-workflow]").await?;
    // Mantine moves the focus once the drawer's transition ends.
    tokio::time::sleep(Duration::from_millis(600)).await;
    let field = app.client.active_element().await?;
    assert_eq!(field.prop("tagName").await?.as_deref(), Some("INPUT"), "the first field has the focus");
    // Typing and Enter save (the row opened is whichever ranks first: check what is stored).
    field.send_keys(&format!("{} (checked)", Key::End)).await?;
    field.send_keys(&Key::Enter.to_string()).await?;
    // A signed case asks first (its sign-off would go stale); the answer is given by keyboard too.
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let title = sandbox.cli_json(&portfolio, &["usecase", "show", &id, "--json"])?["title"].clone();
        if title.as_str().is_some_and(|t| t.ends_with(" (checked)")) {
            break;
        }
        if app.count("[data-testid=save-anyway]").await? > 0 {
            app.screenshot("keyboard-consequences").await?;
            tab_to(&app, "Save anyway", |id| id == "save-anyway").await?;
            app.client.active_element().await?.send_keys(&Key::Enter.to_string()).await?;
        }
        if Instant::now() > deadline {
            app.screenshot("keyboard-save-stuck").await?;
            return Err("the keyboard save was never stored".into());
        }
        tokio::time::sleep(Duration::from_millis(300)).await;
    }
    app.close().await
}

#[tokio::test]
async fn the_review_pane_shows_what_the_cli_shows_including_a_lineage_gap() -> TestResult {
    let sandbox = Sandbox::new()?;
    let portfolio = sandbox.path("demo.steerco");
    let app = sandbox.launch_with(&portfolio, &[("STEERCO_USER", "Carla Mendes")]).await?;
    app.text("[data-testid=programme-name]").await?;
    let cli = sandbox.cli_json(&portfolio, &["signoff", "review", "UC-002", "--json"])?;
    app.open_page("signoffs").await?;
    app.click("[data-testid=current-UC-002] td:nth-child(2)").await?;
    let checks = app.text("[data-testid=signoff-checks]").await?;
    assert!(checks.contains("Lineage gap"), "the pane lists the lineage gap: {checks}");
    for check in cli["checks"].as_array().ok_or("checks")? {
        let message = check["message"].as_str().unwrap_or_default();
        assert!(checks.contains(message), "the pane shows the CLI's check {message:?}:\n{checks}");
    }
    let sections = app.text("[data-testid=signoff-sections]").await?;
    for section in cli["sections"].as_array().ok_or("sections")? {
        assert!(sections.contains(section["title"].as_str().unwrap_or_default()), "{sections}");
    }
    assert!(!sections.contains("one_time_cost") && sections.contains("One-time cost"), "labels, not keys");
    app.screenshot("signoff-review").await?;
    app.close().await
}

#[tokio::test]
async fn saving_a_signed_dossier_says_whose_signoff_goes_stale_before_storing_anything() -> TestResult {
    let sandbox = Sandbox::new()?;
    let portfolio = sandbox.path("demo.steerco");
    let app = sandbox.launch(&portfolio).await?;
    app.open_page("portfolio").await?;
    app.click("[data-testid=ranked-row][data-id=UC-002] td:nth-child(3)").await?;
    let stored = sandbox.cli_json(&portfolio, &["usecase", "show", "UC-002", "--json"])?;
    app.wait_for_value("input[data-testid=dossier-workflow]", stored["workflow"].as_str().unwrap_or_default()).await?;
    app.fill("input[data-testid=dossier-workflow]", "Routing rules revised").await?;
    app.click("[data-testid=save-dossier]").await?;
    let warning = app.text("[data-testid=save-consequences]").await?;
    assert!(warning.contains("Carla Mendes's sign-off"), "{warning}");
    app.screenshot("stale-warning").await?;
    let stored = sandbox.cli_json(&portfolio, &["usecase", "show", "UC-002", "--json"])?;
    assert_ne!(stored["workflow"], "Routing rules revised", "nothing is stored before the answer");
    app.click("[data-testid=save-anyway]").await?;
    wait_until("the confirmed save is stored", || {
        Ok(sandbox.cli_json(&portfolio, &["usecase", "show", "UC-002", "--json"])?["workflow"]
            == "Routing rules revised")
    })
    .await?;
    let signoffs = sandbox.cli_json(&portfolio, &["signoff", "list", "--entity", "UC-002", "--json"])?;
    assert_eq!(signoffs[0]["stale"], true);
    app.close().await
}

/// Internal names people should never read: the stored value of every enumeration the app
/// receives (from the generated bindings' string unions, e.g. `compliance_officer`) and every
/// table name (a record kind, e.g. `adapter_version`). Data people typed or imported (a LoRA
/// target module `q_proj`, a metric `refusal_rate`) is theirs and may show.
fn internal_name_list() -> TestResult<std::collections::BTreeSet<String>> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut names = std::collections::BTreeSet::new();
    let mut words = |text: &str, quote: char| {
        for (i, piece) in text.split(quote).enumerate() {
            if i % 2 == 1 && piece.contains('_') && piece.chars().all(|c| c.is_ascii_lowercase() || c == '_') {
                names.insert(piece.to_owned());
            }
        }
    };
    for entry in std::fs::read_dir(root.join("ui/src/bindings"))? {
        let text = std::fs::read_to_string(entry?.path())?;
        // Only union members: `export type X = "a" | "b";`.
        for line in text.lines().filter(|l| l.starts_with("export type") && l.contains(" = \"")) {
            words(line, '"');
        }
    }
    for entry in std::fs::read_dir(root.join("crates/core/src/store/migrations"))? {
        let text = std::fs::read_to_string(entry?.path())?;
        for line in text.lines() {
            if let Some(rest) = line.trim().strip_prefix("CREATE TABLE ") {
                let table = rest.split_whitespace().next().unwrap_or_default();
                if table.contains('_') {
                    names.insert(table.to_owned());
                }
            }
        }
    }
    Ok(names)
}

fn internal_names(text: &str, internal: &std::collections::BTreeSet<String>) -> Vec<String> {
    text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .filter(|w| internal.contains(*w))
        .map(str::to_owned)
        .collect()
}

#[tokio::test]
async fn no_page_or_tab_shows_an_internal_name_and_every_page_is_looked_at_in_two_sizes() -> TestResult {
    let sandbox = Sandbox::new()?;
    let portfolio = sandbox.path("demo.steerco");
    let app = sandbox.launch(&portfolio).await?;
    app.text("[data-testid=programme-name]").await?;
    let internal = internal_name_list()?;
    assert!(internal.contains("adapter_version") && internal.contains("compliance_officer"), "{internal:?}");
    let mut found = Vec::new();
    for page in PAGES {
        app.click(&format!("[data-testid=nav-{page}]")).await?;
        tokio::time::sleep(Duration::from_millis(900)).await;
        let tabs = app.count("main [role=tab]").await?;
        for tab in 0..tabs.max(1) {
            if tabs > 0 {
                app.client
                    .execute("document.querySelectorAll('main [role=tab]')[arguments[0]].click();", vec![tab.into()])
                    .await?;
                tokio::time::sleep(Duration::from_millis(700)).await;
            }
            let text = app.client.execute("return document.body.innerText;", vec![]).await?;
            for name in internal_names(text.as_str().unwrap_or_default(), &internal) {
                found.push(format!("{page} (tab {tab}): {name}"));
            }
        }
    }
    assert!(found.is_empty(), "internal names on screen: {found:#?}");
    if !App::keeps_screenshots() {
        return app.close().await;
    }
    for (w, h) in [(1280, 800), (1920, 1080)] {
        app.client.set_window_size(w, h).await?;
        for page in PAGES {
            app.click(&format!("[data-testid=nav-{page}]")).await?;
            tokio::time::sleep(Duration::from_millis(600)).await;
            app.screenshot(&format!("page-{page}-{w}x{h}")).await?;
        }
    }
    app.close().await
}
