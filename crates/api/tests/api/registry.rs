//! Registry handlers: refusals carry the field a form shows them beside, and a refused change
//! leaves the stored records as they were.

use steerco_api::adapter::{self, AdapterImportRequest, FolderRequest};
use steerco_api::data_governance::{self as data, DataSourceUpdate, NewDataPackRequest};
use steerco_api::lineage;
use steerco_api::{portfolio, Ctx, ErrorCode, Paths};
use steerco_core::registry::{
    Classification, DataPackInput, DataSourceInput, PersonalData, PolicyCategory, PolicyInput,
};
use tempfile::TempDir;

fn fresh() -> (TempDir, Ctx) {
    let dir = TempDir::new().unwrap();
    let paths = Paths { data_dir: dir.path().join("data"), config_dir: dir.path().join("config") };
    let ctx = portfolio::open(&paths, &dir.path().join("p.steerco"), true).unwrap();
    portfolio::init(&ctx, portfolio::InitRequest::default()).unwrap();
    (dir, ctx)
}

fn policy(category: PolicyCategory) -> PolicyInput {
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
    let accepting = data::create_policy(&ctx, policy(PolicyCategory::AcceptableDataSources)).unwrap();
    let prompts = data::create_policy(&ctx, policy(PolicyCategory::PromptManagement)).unwrap();
    let mut bad_date = policy(PolicyCategory::Other);
    bad_date.effective_on = "31/12/2026".into();
    let e = data::create_policy(&ctx, bad_date).unwrap_err();
    assert_eq!((e.code, e.field.as_deref()), (ErrorCode::InvalidInput, Some("effective_on")));

    let source = DataSourceInput {
        name: "Tickets".into(),
        system: "ServiceNow".into(),
        owner: "IT".into(),
        classification: Classification::Internal,
        policy_id: Some(accepting.id.clone()),
    };
    let stored = data::create_source(&ctx, source.clone()).unwrap();
    let wrong_policy = DataSourceUpdate {
        id: stored.id.clone(),
        source: DataSourceInput { policy_id: Some(prompts.id), ..source.clone() },
    };
    let e = data::update_source(&ctx, wrong_policy).unwrap_err();
    assert_eq!(e.field.as_deref(), Some("policy_id"));
    assert!(e.message.contains("acceptable_data_sources"), "{}", e.message);
    assert_eq!(data::list_sources(&ctx, ()).unwrap(), vec![stored.clone()], "the refused update changed nothing");
    let e = data::create_source(&ctx, source).unwrap_err();
    assert_eq!(e.field.as_deref(), Some("name"), "names are unique");

    let pack = DataPackInput {
        name: "tickets".into(),
        version: "1".into(),
        source_ids: vec![stored.id.clone()],
        curated_by: "Data team".into(),
        record_count: -1,
        personal_data: PersonalData::None,
    };
    let e = data::create_pack(&ctx, NewDataPackRequest { pack: pack.clone(), file_path: None }).unwrap_err();
    assert_eq!(e.field.as_deref(), Some("record_count"));
    let missing = dir.path().join("nope.jsonl").display().to_string();
    let e = data::create_pack(
        &ctx,
        NewDataPackRequest { pack: DataPackInput { record_count: 5, ..pack }, file_path: Some(missing) },
    )
    .unwrap_err();
    assert_eq!(e.field.as_deref(), Some("file_path"));
    assert!(data::list_packs(&ctx, ()).unwrap().is_empty());

    let e = adapter::preview(&ctx, FolderRequest { path: dir.path().display().to_string() }).unwrap_err();
    assert_eq!(e.code, ErrorCode::InvalidInput);
    assert!(e.message.contains("adapter_config.json"), "{}", e.message);
    let e = adapter::import(
        &ctx,
        AdapterImportRequest {
            path: String::new(),
            name: "x".into(),
            version: "1.0.0".into(),
            use_case_id: None,
            data_pack_ids: vec![],
        },
    )
    .unwrap_err();
    assert_eq!(e.field.as_deref(), Some("path"));
    let check = lineage::check_all(&ctx, ()).unwrap();
    assert_eq!((check.versions_checked, check.gaps.len()), (0, 0));
}
