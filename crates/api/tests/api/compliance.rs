//! Compliance through the handlers: who may do what (refused with `forbidden`), sign-offs that
//! go stale, the audit trail read and verified, outside changes acknowledged.

use steerco_api::portfolio::{self, Opening};
use steerco_api::types::*;
use steerco_api::{audit, person, signoff, use_case, Ctx, ErrorCode, Paths};
use steerco_core::compliance::{PersonField, Role};
use steerco_core::domain::DossierField;
use tempfile::TempDir;

/// A portfolio with an administrator, a compliance officer and a consultant, and one use case.
fn fresh() -> (TempDir, Ctx, String) {
    let dir = TempDir::new().unwrap();
    let paths = Paths { data_dir: dir.path().join("data"), config_dir: dir.path().join("config") };
    let ctx = portfolio::open_file(&paths, &dir.path().join("p.steerco"), Opening::CreateIfMissing).unwrap();
    portfolio::init(&ctx, portfolio::new_programme("Compliance", "EUR").unwrap()).unwrap();
    for (name, role) in [
        ("Ada Admin", Role::Administrator),
        ("Carla Mendes", Role::ComplianceOfficer),
        ("Sofia Brandt", Role::Consultant),
    ] {
        person::create(&as_(&ctx, "Ada Admin"), PersonInput { name: name.into(), roles: vec![role], active: true })
            .unwrap();
    }
    let input = DossierInput {
        title: "Claims triage".into(),
        business_unit: "Claims".into(),
        description: "Routes claims".into(),
        workflow: String::new(),
        executive_sponsor: Some("Henrik".into()),
        product_owner: Some("Aisha".into()),
        annual_value: steerco_core::Money::units(1_200_000),
        one_time_cost: steerco_core::Money::units(100_000),
        monthly_run_cost: steerco_core::Money::units(10_000),
        ratings: Default::default(),
        data_readiness: Some(3),
        data_readiness_notes: String::new(),
        risk_class: None,
        risk_notes: String::new(),
        stage: steerco_core::domain::Stage::Data,
        lane: steerco_core::domain::Lane::Portfolio,
    };
    let id = use_case::create(&as_(&ctx, "Sofia Brandt"), input).unwrap().id;
    (dir, ctx, id)
}

fn as_(ctx: &Ctx, name: &str) -> Ctx {
    Ctx { user: Some(name.into()), ..ctx.clone() }
}

#[test]
fn only_a_compliance_officer_signs_and_an_edit_makes_the_sign_off_stale() {
    let (_dir, ctx, id) = fresh();
    let req = SignRequest { entity_id: id.clone(), comment: "ready".into() };
    let err = signoff::sign(&as_(&ctx, "Sofia Brandt"), req.clone()).unwrap_err();
    assert_eq!(err.code, ErrorCode::Forbidden);
    assert!(
        err.message.contains("only a compliance officer can sign off; Sofia Brandt is a consultant"),
        "{}",
        err.message
    );
    let signed = signoff::sign(&as_(&ctx, "Carla Mendes"), req).unwrap();
    assert!(!signed.stale && signed.signoff.signed_by == "Carla Mendes");
    let edit = UseCaseUpdate {
        id: id.clone(),
        changes: vec![DossierField::AnnualValue(steerco_core::Money::units(900_000))],
        loaded: None,
    };
    use_case::update(&as_(&ctx, "Sofia Brandt"), edit).unwrap();
    let queue = signoff::queue(&ctx, ()).unwrap();
    let stale = queue.stale.iter().find(|s| s.status.signoff.entity_id == id).expect("listed stale");
    assert!(
        stale.changes.iter().any(|c| c.field == "dossier.annual_value" && c.after == "900000.0"),
        "{:?}",
        stale.changes
    );
    let list = signoff::list(&ctx, SignoffFilter { entity_id: Some(id.clone()), stale_only: true }).unwrap();
    assert_eq!(list.len(), 1);
    let unsigned = signoff::unsigned_fields(&ctx, ()).unwrap();
    assert!(
        unsigned.iter().any(|f| f.record == "Use case" && f.field == "stage"),
        "the signing screen can say what is not bound"
    );
}

#[test]
fn managing_people_is_for_administrators_and_the_last_one_stays() {
    let (_dir, ctx, _) = fresh();
    let err = person::create(
        &as_(&ctx, "Sofia Brandt"),
        PersonInput { name: "Eve".into(), roles: vec![Role::Executive], active: true },
    )
    .unwrap_err();
    assert_eq!(err.code, ErrorCode::Forbidden);
    let admin = person::list(&ctx, ()).unwrap().into_iter().find(|p| p.name == "Ada Admin").unwrap();
    let demote =
        PersonUpdate { id: admin.id.clone(), changes: vec![PersonField::Roles(vec![Role::Consultant])], loaded: None };
    let err = person::update(&as_(&ctx, "Ada Admin"), demote).unwrap_err();
    assert_eq!(err.field.as_deref(), Some("roles"));
    let look_alike = person::create(
        &as_(&ctx, "Ada Admin"),
        PersonInput { name: "Cаrla Mendes".into(), roles: vec![Role::Consultant], active: true },
    )
    .unwrap_err();
    assert_eq!(look_alike.field.as_deref(), Some("name"));
}

#[test]
fn the_trail_is_read_by_record_and_outside_changes_wait_for_acknowledgement() {
    let (dir, ctx, id) = fresh();
    let page = audit::log(&ctx, AuditQuery { entity: Some(id.clone()), ..Default::default() }).unwrap();
    assert!(page
        .records
        .iter()
        .any(|r| r.operation == "insert" && r.entity_kind == "use_case" && r.actor == "Sofia Brandt"));
    assert!(page.matching as usize == page.records.len() && page.total as usize > page.records.len());
    assert!(audit::verify(&ctx, ()).unwrap().holds());
    rusqlite::Connection::open(dir.path().join("p.steerco"))
        .unwrap()
        .execute("UPDATE use_case SET workflow = 'by hand' WHERE id = ?1", [&id])
        .unwrap();
    let edit = UseCaseUpdate { id: id.clone(), changes: vec![DossierField::Description("next".into())], loaded: None };
    use_case::update(&as_(&ctx, "Sofia Brandt"), edit).unwrap();
    let report = audit::verify(&ctx, ()).unwrap();
    let seq = report.unacknowledged[0].seq;
    assert!(!report.holds());
    let ack = AuditAcknowledge { seq, comment: "Fixed by the DBA".into() };
    assert_eq!(audit::acknowledge(&as_(&ctx, "Sofia Brandt"), ack.clone()).unwrap_err().code, ErrorCode::Forbidden);
    let report = audit::acknowledge(&as_(&ctx, "Carla Mendes"), ack).unwrap();
    assert!(report.holds() && report.acknowledged[0].seq == seq);
}

#[test]
fn the_session_reports_what_the_person_working_may_do() {
    let (dir, _ctx, _) = fresh();
    let paths = Paths { data_dir: dir.path().join("data"), config_dir: dir.path().join("config") };
    let session = steerco_api::session::Session::start(paths, &dir.path().join("p.steerco"), Default::default());
    let permissions = |name: Option<&str>| {
        let req = steerco_api::session::WorkingAsRequest { name: name.map(Into::into) };
        steerco_api::session::set_working_as(&session, req).unwrap().permissions.expect("a portfolio is open")
    };
    let nobody = permissions(None);
    assert!(!nobody.sign_off.allowed);
    assert!(nobody.sign_off.reason.as_deref().unwrap().contains("say who is working"));
    let consultant = permissions(Some("Sofia Brandt"));
    assert!(!consultant.approve_adapter_version.allowed && !consultant.manage_people.allowed);
    assert!(consultant.decide_gate.reason.as_deref().unwrap().starts_with("Only an executive can record"));
    let officer = permissions(Some("Carla Mendes"));
    assert!(officer.sign_off.allowed && officer.acknowledge_audit.allowed && officer.approve_data_pack.allowed);
    assert!(!officer.decide_gate.allowed);
    let admin = permissions(Some("Ada Admin"));
    assert!(admin.manage_people.allowed && !admin.sign_off.allowed);
}
