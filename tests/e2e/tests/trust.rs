//! Trust as a person meets it in the app: an edit someone else made meanwhile is shown, not
//! overwritten; a save waits visibly while another Steerco holds the file; a backup restores
//! from Portfolio → Restore… with the trail still verifying; a read-only file says so.

use std::os::unix::fs::PermissionsExt;
use std::time::{Duration, Instant};

use steerco_e2e::{wait_until, App, Sandbox, TestResult};

const CASE: &str = "UC-012";

async fn open_dossier(app: &App) -> TestResult {
    app.open_page("portfolio").await?;
    app.click(&format!("[data-testid=ranked-row][data-id={CASE}] td:nth-child(3)")).await?;
    app.text("input[data-testid=dossier-workflow]").await?;
    Ok(())
}

#[tokio::test]
async fn an_edit_made_meanwhile_is_shown_and_kept_until_the_person_decides() -> TestResult {
    let sandbox = Sandbox::new()?;
    let portfolio = sandbox.path("demo.steerco");
    let app = sandbox.launch(&portfolio).await?;
    open_dossier(&app).await?;
    app.fill("input[data-testid=dossier-workflow]", "Workflow typed in the app").await?;
    // Meanwhile, a colleague changes the same field from the command line.
    sandbox.cli(&portfolio, &["--as", "Sofia Brandt", "usecase", "set", CASE, "workflow=Workflow from the CLI"])?;
    app.click("[data-testid=save-dossier]").await?;
    let refusal = app.text("[data-testid=form-refusal]").await?;
    assert!(refusal.contains("workflow"), "the conflict names the field: {refusal}");
    let flagged = app.text(".mantine-TextInput-error").await?;
    assert!(flagged.contains("Workflow from the CLI"), "the other change is shown: {flagged}");
    app.screenshot("edit-conflict").await?;
    let stored = sandbox.cli_json(&portfolio, &["usecase", "show", CASE, "--json"])?;
    assert_eq!(stored["workflow"], "Workflow from the CLI", "nothing was overwritten unseen");
    // Saving again keeps the app's value on purpose.
    app.click("[data-testid=save-dossier]").await?;
    wait_until("the second save is stored", || {
        Ok(sandbox.cli_json(&portfolio, &["usecase", "show", CASE, "--json"])?["workflow"]
            == "Workflow typed in the app")
    })
    .await?;
    app.close().await
}

#[tokio::test]
async fn a_save_waits_visibly_while_another_steerco_holds_the_file() -> TestResult {
    let sandbox = Sandbox::new()?;
    let portfolio = sandbox.path("demo.steerco");
    let app = sandbox.launch(&portfolio).await?;
    open_dossier(&app).await?;
    app.fill("input[data-testid=dossier-workflow]", "Saved after the wait").await?;
    let holder = rusqlite::Connection::open(&portfolio)?;
    holder.execute_batch("BEGIN IMMEDIATE")?;
    app.click("[data-testid=save-dossier]").await?;
    let banner = app.text("[data-testid=busy-banner]").await?;
    assert!(banner.contains("Waiting for another Steerco"), "{banner}");
    app.screenshot("busy").await?;
    holder.execute_batch("COMMIT")?;
    drop(holder);
    wait_until("the waiting save is stored", || {
        Ok(sandbox.cli_json(&portfolio, &["usecase", "show", CASE, "--json"])?["workflow"] == "Saved after the wait")
    })
    .await?;
    let deadline = Instant::now() + Duration::from_secs(10);
    while app.count("[data-testid=busy-banner]").await? > 0 {
        if Instant::now() > deadline {
            return Err("the busy banner stayed after the wait".into());
        }
        tokio::time::sleep(Duration::from_millis(150)).await;
    }
    app.close().await
}

#[tokio::test]
async fn a_backup_restores_from_the_portfolio_menu_and_the_trail_verifies() -> TestResult {
    let sandbox = Sandbox::new()?;
    let portfolio = sandbox.path("demo.steerco");
    sandbox.cli(&portfolio, &["demo"])?;
    sandbox.cli(&portfolio, &["backup", "create"])?;
    sandbox.cli(&portfolio, &["--as", "Sofia Brandt", "usecase", "set", CASE, "workflow=Changed after the backup"])?;
    let app = sandbox.launch(&portfolio).await?;
    app.click("[data-testid=portfolio-menu]").await?;
    app.click("[data-testid=menu-restore]").await?;
    app.text("[data-testid=backup-list]").await?;
    let backups = sandbox.cli_json(&portfolio, &["backup", "list", "--json"])?;
    let manual = backups
        .as_array()
        .ok_or("backup list --json is an array")?
        .iter()
        .find(|b| b["reason"] == "manual")
        .ok_or("the manual backup is listed")?;
    let name = manual["file_name"].as_str().ok_or("file_name")?.to_owned();
    app.screenshot("restore-list").await?;
    app.click(&format!("[data-testid='restore-{name}']")).await?;
    app.click("[data-testid=restore-confirm]").await?;
    wait_until("the restored dossier is back", || {
        Ok(sandbox.cli_json(&portfolio, &["usecase", "show", CASE, "--json"])?["workflow"]
            != "Changed after the backup")
    })
    .await?;
    sandbox.cli(&portfolio, &["audit", "verify"])?;
    let trail = sandbox.cli_json(&portfolio, &["audit", "log", "--action", "restore", "--json"])?;
    assert!(trail.as_array().is_some_and(|r| !r.is_empty()), "the restore is in the trail");
    app.close().await
}

/// Root writes through file permissions, so as root the app is asked to open read-only instead.
fn running_as_root() -> bool {
    std::process::Command::new("id").arg("-u").output().is_ok_and(|o| o.stdout.starts_with(b"0\n"))
}

#[tokio::test]
async fn a_read_only_portfolio_opens_says_so_and_offers_no_restore() -> TestResult {
    let sandbox = Sandbox::new()?;
    let portfolio = sandbox.path("demo.steerco");
    sandbox.cli(&portfolio, &["demo"])?;
    let app = if running_as_root() {
        sandbox.launch_with(&portfolio, &[("STEERCO_READ_ONLY", "1")]).await?
    } else {
        std::fs::set_permissions(&portfolio, std::fs::Permissions::from_mode(0o444))?;
        sandbox.launch(&portfolio).await?
    };
    let banner = app.text("[data-testid=read-only-banner]").await?;
    assert!(banner.contains("read-only"), "{banner}");
    app.screenshot("read-only").await?;
    open_dossier(&app).await?;
    app.fill("input[data-testid=dossier-workflow]", "Not saved").await?;
    app.click("[data-testid=save-dossier]").await?;
    let refusal = app.text("[data-testid=form-refusal]").await?;
    assert!(refusal.contains("read-only"), "{refusal}");
    app.close().await
}
