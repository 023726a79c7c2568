//! Registry handlers: refusals carry the field a form shows them beside, and a refused change
//! leaves the stored records as they were.

use steerco_api::portfolio::{self, Opening};
use steerco_api::types::*;
use steerco_api::{adapter, lineage, pack, policy, source, Ctx, ErrorCode, Paths};
use steerco_core::compliance::BiasKind;
use steerco_core::registry::{
    AdapterStatus, Classification, DataPackInput, DataSourceField, PersonalData, PolicyCategory,
};
use tempfile::TempDir;

fn fresh() -> (TempDir, Ctx) {
    let dir = TempDir::new().unwrap();
    let paths = Paths { data_dir: dir.path().join("data"), config_dir: dir.path().join("config") };
    let ctx = portfolio::open_file(&paths, &dir.path().join("p.steerco"), Opening::CreateIfMissing).unwrap();
    portfolio::init(&ctx, portfolio::new_programme("Registry", "EUR").unwrap()).unwrap();
    (dir, ctx)
}

fn a_policy(category: PolicyCategory) -> PolicyInput {
    PolicyInput {
        title: format!("{category} policy"),
        body: String::new(),
        category,
        owner: "CDO".into(),
        effective_on: "2026-01-01".into(),
        version: "1".into(),
    }
}

#[test]
fn refusals_name_the_field_and_change_nothing() {
    let (dir, ctx) = fresh();
    let accepting = policy::create(&ctx, a_policy(PolicyCategory::AcceptableDataSources)).unwrap();
    let prompts = policy::create(&ctx, a_policy(PolicyCategory::PromptManagement)).unwrap();
    let e = policy::create(&ctx, PolicyInput { effective_on: "31/12/2026".into(), ..a_policy(PolicyCategory::Other) })
        .unwrap_err();
    assert_eq!((e.code, e.field.as_deref()), (ErrorCode::InvalidInput, Some("effective_on")));

    let input = DataSourceInput {
        name: "Tickets".into(),
        system: "ServiceNow".into(),
        owner: "IT".into(),
        classification: Classification::Internal,
        policy_id: Some(accepting.id.clone()),
    };
    let stored = source::create(&ctx, input.clone()).unwrap();
    let wrong_policy = DataSourceUpdate {
        id: stored.id.clone(),
        changes: vec![DataSourceField::PolicyId(Some(prompts.id.clone()))],
        loaded: None,
    };
    let e = source::update(&ctx, wrong_policy).unwrap_err();
    assert_eq!(e.field.as_deref(), Some("policy_id"));
    assert!(e.message.contains("acceptable_data_sources"), "{}", e.message);
    assert_eq!(source::list(&ctx, ()).unwrap(), vec![stored.clone()], "the refused update changed nothing");
    assert_eq!(source::create(&ctx, input).unwrap_err().field.as_deref(), Some("name"), "names are unique");

    let a_pack = DataPackInput {
        name: "tickets".into(),
        version: "1".into(),
        source_ids: vec![stored.id.clone()],
        curated_by: "Data team".into(),
        record_count: -1,
        personal_data: PersonalData::None,
    };
    let e = pack::create(&ctx, DataPackCreate { pack: a_pack.clone(), file_path: None }).unwrap_err();
    assert_eq!(e.field.as_deref(), Some("record_count"));
    let missing = dir.path().join("nope.jsonl").display().to_string();
    let e = pack::create(
        &ctx,
        DataPackCreate { pack: DataPackInput { record_count: 5, ..a_pack }, file_path: Some(missing) },
    )
    .unwrap_err();
    assert_eq!(e.field.as_deref(), Some("file_path"));
    assert!(pack::list(&ctx, ()).unwrap().is_empty());

    let e = adapter::preview(&ctx, FolderRequest { path: dir.path().display().to_string() }).unwrap_err();
    assert_eq!(e.code, ErrorCode::InvalidInput);
    assert!(e.message.contains("adapter_config.json"), "{}", e.message);
    let e = adapter::import(
        &ctx,
        AdapterImport {
            path: String::new(),
            name: "x".into(),
            version: "1.0.0".into(),
            use_case_id: None,
            data_pack_ids: vec![],
            base_model: None,
        },
    )
    .unwrap_err();
    assert_eq!(e.field.as_deref(), Some("path"));
    let check = lineage::check(&ctx, ()).unwrap();
    assert_eq!((check.versions_checked, check.gaps.len()), (0, 0));
}

#[test]
fn a_version_says_which_moves_and_deployments_it_allows() {
    let (_dir, ctx) = fresh();
    portfolio::load_demo(&ctx, steerco_core::services::portfolio::DemoRequest { force: true, scale: 0 }).unwrap();
    let versions = steerco_api::adapter_version::list(&ctx, ()).unwrap();
    let detail = |status: AdapterStatus| {
        let v =
            versions.iter().find(|v| v.status == status).unwrap_or_else(|| panic!("the demo has a {status} version"));
        steerco_api::adapter_version::get(&ctx, AdapterVersionRef { id: v.id.clone() }).unwrap()
    };
    let candidate = detail(AdapterStatus::Candidate);
    assert_eq!(candidate.next_statuses, [AdapterStatus::Approved, AdapterStatus::Retired]);
    assert!(
        !candidate.deployable.allowed && candidate.deployable.reason.unwrap().starts_with("Approve the version first")
    );
    let deployed = detail(AdapterStatus::Deployed);
    assert_eq!(deployed.next_statuses, [AdapterStatus::Retired]);
    assert!(deployed.deployable.allowed);
}

#[test]
fn bias_checks_start_from_the_parity_convention_and_nothing_for_adversarial_suites() {
    let (_dir, ctx) = fresh();
    let defaults = steerco_api::bias::defaults(&ctx, ()).unwrap();
    let parity = defaults.iter().find(|d| d.kind == BiasKind::DemographicParity).unwrap();
    assert_eq!(parity.threshold, Some(0.8));
    assert!(parity.rationale.as_deref().unwrap().contains("Four-fifths"));
    let adversarial = defaults.iter().find(|d| d.kind == BiasKind::AdversarialPrompts).unwrap();
    assert_eq!((adversarial.threshold, adversarial.rationale.as_deref()), (None, None));
}
