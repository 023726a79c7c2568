//! A use case made launch-ready item by item (`ready_case`), or ready but for one item: the
//! fixture of the readiness gate's tests and of every test that needs a case in pilot.

use super::registry::Registry;
use super::*;
use steerco_core::compliance::OversightField;
use steerco_core::pilots::blueprint::{
    BlueprintPart, DriftDirection, MonitoringPart, PartContent, PoliciesPart, RegistryPart, SecurityPart,
    ServiceAccount,
};
use steerco_core::pilots::pilot::{AcceptanceMetric, PhaseInput, Protocols};
use steerco_core::registry::{
    AdapterStatus, Classification, DataPackInput, DataSourceInput, PackApproval, PersonalData, PolicyCategory,
    PolicyInput,
};
use steerco_core::services::compliance::risk_controls::{self, OversightUpdate};
use steerco_core::services::compliance::signoffs::{self, SignRequest};
use steerco_core::services::pilots::blueprint::{self, BlueprintPartUpdate, BlueprintReview};
use steerco_core::services::pilots::rollout::{self as pilots, PilotCreate, ProtocolsUpdate};
use steerco_core::services::registry::evaluations::{self, BaselineRequest, EvaluationImport};
use steerco_core::services::registry::governance::{self, DataPackCreate};

/// What to leave out of an otherwise ready use case.
#[derive(Clone, Copy, PartialEq)]
pub enum Leave {
    Nothing,
    Out(&'static str),
}

pub struct Case {
    pub reg: Registry,
    pub uc: String,
    pub pilot: String,
}

pub fn monitoring(with_drift: bool) -> PartContent {
    PartContent::Monitoring(MonitoringPart {
        traced_what: "prompts, answers".into(),
        traced_where: "Tempo".into(),
        drift_metric: if with_drift { "escalation_rate".into() } else { String::new() },
        drift_baseline: Some(0.1),
        drift_threshold: Some(0.2),
        drift_direction: Some(DriftDirection::Above),
        drift_check_frequency: "daily".into(),
        feedback_channel: "thumbs".into(),
        feedback_owner: CONSULTANT.into(),
        feedback_review_frequency: "weekly".into(),
    })
}

/// A use case with everything the gate asks for, except `leave`.
pub fn ready_case(leave: Leave) -> Case {
    let reg = Registry::new();
    let db = &reg.p.db;
    let uc = reg.p.ids[0].clone();
    let officer = caller(OFFICER);
    let skip = |key: &str| matches!(leave, Leave::Out(left) if left == key);
    // A launch version with a clean lineage: an approved pack from an accepted source, evaluated.
    let policy = governance::create_policy(
        db,
        &officer,
        &PolicyInput {
            title: "Acceptable sources".into(),
            body: "Scrubbed tickets".into(),
            category: PolicyCategory::AcceptableDataSources,
            owner: "CDO".into(),
            effective_on: "2026-01-01".into(),
            version: "1".into(),
        },
    )
    .unwrap()
    .id;
    let source = DataSourceInput {
        name: "Tickets".into(),
        system: "ServiceNow".into(),
        owner: "IT".into(),
        classification: Classification::Internal,
        policy_id: Some(policy.clone()),
    };
    let source = governance::create_source(db, &officer, &source).unwrap().id;
    let pack = DataPackCreate {
        pack: DataPackInput {
            name: "tickets".into(),
            version: "1".into(),
            source_ids: vec![source],
            curated_by: "Data team".into(),
            record_count: 1000,
            personal_data: PersonalData::Pseudonymised,
        },
        file_path: None,
    };
    let pack = governance::create_pack(db, &officer, &pack).unwrap().id;
    let approval = PackApproval { data_pack_id: pack.clone(), approved_by: None, approved_on: "2026-02-01".into() };
    governance::approve_pack(db, &officer, &approval).unwrap();
    let packs = if skip("lineage") { vec![] } else { vec![pack] };
    let version = reg.import("claims-triage", "1.0.0", &packs).unwrap();
    let eval = reg.file("eval.csv", "suite,metric,value,higher_is_better\nqa,acc,0.8,true\n");
    let req = EvaluationImport { path: eval, adapter_version_id: version.clone(), run_on: None, run_by: None };
    let evaluation = evaluations::import(db, &caller(CONSULTANT), &req).unwrap().id;
    reg.status(&version, AdapterStatus::Approved).unwrap();
    if !skip("baseline") {
        let req = BaselineRequest { evaluation_id: evaluation, use_case_id: uc.clone() };
        evaluations::mark_baseline(db, &caller(CONSULTANT), &req).unwrap();
    }
    if !skip("oversight") {
        let req = OversightUpdate {
            use_case_id: uc.clone(),
            changes: vec![
                OversightField::AccountablePerson(EXECUTIVE.into()),
                OversightField::InterventionProcedure("Stop the queue from the console".into()),
                OversightField::FallbackOwner(CONSULTANT.into()),
                OversightField::MaxInterventionMinutes(Some(15)),
            ],
            loaded: None,
        };
        risk_controls::oversight_set(db, &caller(CONSULTANT), &req).unwrap();
    }
    if !skip("signoff") {
        signoffs::sign(db, &officer, &SignRequest { entity_id: uc.clone(), comment: "ok".into() }).unwrap();
    }
    let parts = [
        PartContent::Policies(PoliciesPart { policy_ids: vec![policy] }),
        PartContent::Registry(RegistryPart { adapter_version_id: Some(version) }),
        PartContent::Security(SecurityPart {
            access_what: "OIDC proxy".into(),
            access_where: "gateway".into(),
            secrets_store: "Vault".into(),
            secrets: vec!["signing key".into()],
            service_accounts: vec![ServiceAccount { name: "svc-train".into(), scopes: vec!["read:pack".into()] }],
            least_privilege_reviewed_by: "Tomas".into(),
            least_privilege_reviewed_on: Some("2026-03-01".into()),
            least_privilege_findings: "none".into(),
        }),
        monitoring(!skip("monitoring")),
    ];
    for content in parts {
        let part = content.part();
        let req = BlueprintPartUpdate { use_case_id: uc.clone(), owner: CONSULTANT.into(), content };
        blueprint::set_part(db, &caller(CONSULTANT), &req).unwrap();
        // The monitoring part without a drift metric is incomplete and cannot be reviewed; that
        // case is about the monitoring item, so the blueprint item fails with it.
        let reviewable = !(skip("monitoring") && part == BlueprintPart::Monitoring);
        if reviewable && !(skip("blueprint") && part == BlueprintPart::Security) {
            blueprint::review(db, &officer, &BlueprintReview { use_case_id: uc.clone(), part }).unwrap();
        }
    }
    let create = PilotCreate { use_case_id: uc.clone(), workflow: "Motor claims e-mails only".into() };
    let pilot = pilots::create(db, &caller(CONSULTANT), &create).unwrap().id;
    let protocols = Protocols {
        training_audience: "two regional claims teams".into(),
        training_materials: "90-minute session".into(),
        training_delivered_on: Some("2026-11-20".into()),
        fallback_process: "manual triage queue".into(),
        fallback_trigger: "confidence below 0.6".into(),
        fallback_owner: CONSULTANT.into(),
        evaluation_suite: if skip("protocols") { String::new() } else { "qa".into() },
        acceptance: vec![AcceptanceMetric { metric: "acc".into(), threshold: 0.75, higher_is_better: true }],
    };
    pilots::set_protocols(db, &caller(CONSULTANT), &ProtocolsUpdate { pilot_id: pilot.clone(), protocols }).unwrap();
    let phase = PhaseInput {
        pilot_id: pilot.clone(),
        name: "First teams".into(),
        audience: "two regional claims teams".into(),
        planned_start: "2026-12-01".into(),
        planned_end: "2027-01-31".into(),
        oversight_note: String::new(),
    };
    pilots::add_phase(db, &caller(CONSULTANT), &phase).unwrap();
    Case { reg, uc, pilot }
}
