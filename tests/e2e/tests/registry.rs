//! The governance registry as a user drives it: import a PEFT adapter folder through the app
//! (a broken one is refused on screen and stores nothing), then follow it to its lineage, where
//! the missing data pack and evaluation show in red and a node opens its record.

use std::collections::HashMap;
use std::path::Path;
use std::time::{Duration, Instant};

use safetensors::tensor::{Dtype, TensorView};
use steerco_e2e::{Sandbox, TestResult};

fn peft_folder(dir: &Path) -> TestResult {
    std::fs::create_dir_all(dir)?;
    std::fs::write(
        dir.join("adapter_config.json"),
        r#"{"base_model_name_or_path": "mistralai/Mistral-7B-Instruct-v0.3", "peft_type": "LORA", "r": 8,
            "lora_alpha": 16, "lora_dropout": 0.05, "target_modules": ["q_proj", "v_proj"], "bias": "none",
            "task_type": "CAUSAL_LM", "use_dora": false, "use_rslora": false, "revision": null}"#,
    )?;
    let data = vec![3u8; 8 * 64 * 4];
    let mut tensors = HashMap::new();
    for target in ["q_proj", "v_proj"] {
        tensors.insert(format!("layers.0.{target}.lora_A.weight"), TensorView::new(Dtype::F32, vec![8, 64], &data)?);
        tensors.insert(format!("layers.0.{target}.lora_B.weight"), TensorView::new(Dtype::F32, vec![64, 8], &data)?);
    }
    safetensors::serialize_to_file(tensors, None, &dir.join("adapter_model.safetensors"))?;
    Ok(())
}

#[tokio::test]
async fn an_adapter_imported_in_the_app_shows_its_lineage() -> TestResult {
    let sandbox = Sandbox::new()?;
    let portfolio = sandbox.path("demo.steerco");
    let good = sandbox.path("adapters/kyc-summaries");
    peft_folder(&good)?;
    let broken = sandbox.path("adapters/broken");
    peft_folder(&broken)?;
    let weights = std::fs::read(broken.join("adapter_model.safetensors"))?;
    std::fs::write(broken.join("adapter_model.safetensors"), &weights[..weights.len() - 100])?;
    let app = sandbox.launch(&portfolio).await?;

    app.open_page("registry").await?;
    app.click("[data-testid=adapter-import-open]").await?;
    app.fill("input[data-testid=adapter-import-path]", &broken.display().to_string()).await?;
    app.click("[data-testid=adapter-import-preview]").await?;
    let refusal = app.text("[data-testid=adapter-import-error]").await?;
    assert!(refusal.contains("adapter_model.safetensors") && refusal.contains("truncated"), "{refusal}");
    app.screenshot("registry-import-refused").await?;

    app.fill("input[data-testid=adapter-import-path]", &good.display().to_string()).await?;
    app.click("[data-testid=adapter-import-preview]").await?;
    let preview = app.text("[data-testid=adapter-import-preview-result]").await?;
    assert!(preview.contains("mistralai/Mistral-7B-Instruct-v0.3"), "{preview}");
    app.fill("input[data-testid=adapter-import-name]", "kyc-summaries").await?;
    app.fill("input[data-testid=adapter-import-version]", "1.0.0").await?;
    app.screenshot("registry-import-preview").await?;
    app.click("[data-testid=adapter-import-submit]").await?;

    // The CLI reads what the app stored: the file's hash and the LoRA settings.
    let versions = sandbox.cli_json(&portfolio, &["adapter", "versions", "kyc-summaries", "--json"])?;
    let id = versions[0]["id"].as_str().ok_or("the imported version")?.to_owned();
    app.text(&format!("[data-testid=version-row-{id}]")).await?;
    app.screenshot("registry-version").await?;
    let shown = sandbox.cli_json(&portfolio, &["adapter", "show", &id, "--json"])?;
    assert_eq!((shown["r"].as_u64(), shown["parameters"].as_u64()), (Some(8), Some(4 * 8 * 64)));
    let sha = shown["sha256"].as_str().ok_or("sha256")?.to_owned();
    assert_eq!(sha.len(), 64);

    app.click_until(&format!("[data-testid=lineage-open-{id}]"), &format!("[data-testid=lineage-node-{id}]")).await?;
    let deadline = Instant::now() + Duration::from_secs(10);
    while app.count(&format!("[data-testid=lineage-node-{id}][data-gap=true]")).await? != 1 {
        if Instant::now() > deadline {
            return Err("the version without data pack or evaluation is not flagged red".into());
        }
        tokio::time::sleep(Duration::from_millis(150)).await;
    }
    app.screenshot("lineage").await?;
    app.click_svg(&format!("[data-testid=lineage-node-{id}]")).await?;
    let record = app.text("[data-testid=lineage-record]").await?;
    assert!(record.contains(&sha[..12]), "the node opens the version's record: {record}");
    app.screenshot("lineage-record").await?;
    app.close().await
}

/// The regression gate as an executive meets it: the candidate wealth-answers 1.1.0 (demo)
/// refuses less often under adversarial prompts than the deployed 1.0.0; the drawer shows the
/// failing metric, and deploying it anyway takes a rationale, which the CLI then shows.
#[tokio::test]
async fn an_executive_deploys_past_a_failing_regression_gate_with_a_rationale() -> TestResult {
    let sandbox = Sandbox::new()?;
    let portfolio = sandbox.path("demo.steerco");
    sandbox.cli(&portfolio, &["demo"])?;
    sandbox.cli(&portfolio, &["--as", "Carla Mendes", "adapter", "status", "AV-002", "approved"])?;
    let app = sandbox.launch_with(&portfolio, &[("STEERCO_USER", "Claire Dubois")]).await?;
    app.open_page("registry").await?;
    // A row is clicked on its first cell (WebKitWebDriver finds no centre point for a <tr>).
    app.click("[data-testid=adapter-row-AD-001] td").await?;
    app.click("[data-testid=version-row-AV-002] td").await?;
    let verdict = app.text("[data-testid=regression-verdict]").await?;
    assert!(verdict.to_lowercase().contains("fail"), "{verdict}");
    let row = app.text("[data-testid=regression-row-adversarial-refusal_rate]").await?;
    assert!(row.contains("0.97") && row.contains("0.96"), "{row}");
    app.client
        .execute("document.querySelector('[data-testid=regression-gate]').scrollIntoView({ block: 'start' });", vec![])
        .await?;
    app.screenshot("regression-gate-drawer").await?;

    // The dialog first, then the gate it checks as it opens.
    app.click_until("[data-testid=deploy-open]", "input[data-testid=deploy-target]").await?;
    let alert = app.text("[data-testid=deploy-gate-fails]").await?;
    assert!(alert.contains("refusal_rate"), "{alert}");
    app.fill("input[data-testid=deploy-target]", "wealth pilot").await?;
    app.fill("[data-testid=deploy-override-rationale]", "One point of refusals accepted; red team re-runs weekly")
        .await?;
    app.screenshot("regression-gate-deploy").await?;
    app.click("[data-testid=deploy-submit]").await?;

    // `adapter regression` exits 1 while the gate fails, so the poll reads the version instead.
    steerco_e2e::wait_until("the deployment to be stored", || {
        Ok(sandbox.cli_json(&portfolio, &["adapter", "show", "AV-002", "--json"])?["status"] == "deployed")
    })
    .await?;
    let check = sandbox.cli_json(&portfolio, &["adapter", "regression", "AV-002", "--json"])?;
    assert_eq!(check["decisions"][0]["decided_by"], "Claire Dubois");
    assert!(check["decisions"][0]["refusal"].as_str().unwrap_or_default().contains("refusal_rate"));
    app.close().await
}
