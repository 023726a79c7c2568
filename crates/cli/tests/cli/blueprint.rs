//! `steerco blueprint show|set|review` on the demo: parts written flag by flag, the review
//! stamp cleared by a change, refusals naming the field.

use predicates::str::contains;

use crate::support::Sandbox;

#[test]
fn a_part_is_written_reviewed_and_its_review_cleared_by_a_change() {
    let sb = Sandbox::new();
    let db = sb.path("p.steerco");
    sb.with_db(&db).arg("demo").assert().success();
    let begun = sb.json(&db, &["blueprint", "show", "UC-003", "--json"]);
    let security = &begun["parts"].as_array().unwrap()[2];
    assert_eq!(security["part"], "security");
    assert!(security["missing"].to_string().contains("least-privilege review"), "the demo leaves it for a newcomer");
    let bp = sb.json(&db, &["blueprint", "show", "UC-002", "--json"]);
    assert_eq!(bp["parts"][2]["reviewed_by"], "Carla Mendes");
    let set = ["blueprint", "set", "UC-002", "security", "--reviewed-by", "Tomas Lindqvist", "--reviewed-on"];
    sb.with_db(&db)
        .args(["--as", "Jonas Weber"])
        .args(set)
        .args(["last week"])
        .assert()
        .code(2)
        .stderr(contains("least_privilege_reviewed_on"));
    sb.with_db(&db)
        .args(["--as", "Jonas Weber"])
        .args(set)
        .args(["2026-11-20", "--findings", "No wildcard scopes left"])
        .assert()
        .success()
        .stdout(contains("complete, awaiting review"));
    sb.with_db(&db)
        .args(["--as", "Jonas Weber", "blueprint", "review", "UC-002", "security"])
        .assert()
        .code(2)
        .stderr(contains("someone else reviews it"));
    sb.with_db(&db)
        .args(["--as", "Carla Mendes", "blueprint", "review", "UC-002", "security"])
        .assert()
        .success()
        .stdout(contains("reviewed by Carla Mendes"));
    sb.with_db(&db)
        .args(["--as", "Jonas Weber", "blueprint", "set", "UC-002", "security", "--secret", "OCR service key"])
        .args(["--secret", "queue password"])
        .assert()
        .success()
        .stdout(contains("complete, awaiting review"));
    sb.with_db(&db)
        .args(["blueprint", "set", "UC-002", "registry", "--drift-metric", "x"])
        .assert()
        .code(2)
        .stderr(contains("--drift-metric: belongs to the monitoring part, not registry"));
    // Every flag of another part is refused, not only the first of each part, and nothing is stored.
    let before = sb.json(&db, &["blueprint", "show", "UC-002", "--json"]);
    sb.with_db(&db)
        .args(["blueprint", "set", "UC-002", "monitoring", "--access-where", "gateway", "--findings", "none"])
        .args(["--traced-what", "prompts"])
        .assert()
        .code(2)
        .stderr(contains("--access-where: belongs to the security part, not monitoring; so do --findings (security)"));
    assert_eq!(sb.json(&db, &["blueprint", "show", "UC-002", "--json"]), before, "a refused set stores nothing");
}
