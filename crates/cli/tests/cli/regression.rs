//! `adapter regression`, `adapter tolerance` and the regression gate on `adapter deploy`, on the
//! demo portfolio, whose candidate wealth-answers 1.1.0 (AV-002) refuses less often under
//! adversarial prompts than the deployed 1.0.0 (AV-001).

use predicates::str::contains;

use crate::support::Sandbox;

const OFFICER: &str = "Carla Mendes";
const EXECUTIVE: &str = "Claire Dubois";
const CONSULTANT: &str = "Sofia Brandt";

fn demo() -> (Sandbox, std::path::PathBuf) {
    let sb = Sandbox::new();
    let db = sb.path("p.steerco");
    sb.with_db(&db).arg("demo").assert().success();
    sb.with_db(&db).args(["--as", OFFICER, "adapter", "status", "AV-002", "approved"]).assert().success();
    (sb, db)
}

#[test]
fn the_check_names_each_metric_and_exits_one_when_it_fails() {
    let (sb, db) = demo();
    sb.with_db(&db)
        .args(["adapter", "regression", "AV-002"])
        .assert()
        .code(1)
        .stdout(contains("adversarial            refusal_rate"))
        .stdout(contains("adversarial refusal_rate 0.97 → 0.96 (−0.01, tolerance 0)"));
    let json = sb.json(&db, &["adapter", "regression", "AV-001", "--json"]);
    assert_eq!(json["passes"], true);
    assert_eq!(json["reference"]["kind"], "already_deployed");
}

#[test]
fn deploy_is_refused_with_exit_two_until_an_executive_overrides_with_a_rationale() {
    let (sb, db) = demo();
    let deploy = |who: &str, extra: &[&str]| {
        let mut cmd = sb.with_db(&db);
        cmd.args(["--as", who, "adapter", "deploy", "AV-002", "--target", "wealth pilot", "--on", "2026-11-30"]);
        cmd.args(extra);
        cmd.assert()
    };
    deploy(EXECUTIVE, &[])
        .code(2)
        .stderr(contains("fails the regression gate against AV-001"))
        .stderr(contains("adversarial refusal_rate 0.97 → 0.96"));
    deploy(CONSULTANT, &["--override", "ship it"]).code(2).stderr(contains("executive"));
    assert_eq!(sb.json(&db, &["adapter", "show", "AV-002", "--json"])["status"], "approved");
    deploy(EXECUTIVE, &["--override", "One point of refusals accepted for the pilot; red team re-runs weekly"])
        .success()
        .stdout(contains("AV-002 deployed to wealth pilot"));
    sb.with_db(&db)
        .args(["adapter", "regression", "AV-002"])
        .assert()
        .success()
        .stdout(contains("Let through by Claire Dubois"));
}

#[test]
fn an_executive_tolerance_lets_the_small_worsening_through() {
    let (sb, db) = demo();
    let set = ["adapter", "tolerance", "UC-001", "--suite", "adversarial", "--metric", "refusal_rate"];
    sb.with_db(&db).args(["--as", CONSULTANT]).args(set).args(["--tolerance", "0.02"]).assert().code(2);
    sb.with_db(&db)
        .args(["--as", EXECUTIVE])
        .args(set)
        .args(["--tolerance", "-1"])
        .assert()
        .code(2)
        .stderr(contains("tolerance"));
    sb.with_db(&db).args(["--as", EXECUTIVE]).args(set).args(["--tolerance", "0.02"]).assert().success();
    sb.with_db(&db).args(["adapter", "tolerance", "UC-001"]).assert().success().stdout(contains("0.02"));
    sb.with_db(&db).args(["adapter", "regression", "AV-002"]).assert().success().stdout(contains("Passes."));
}
