//! Bias checks through the `steerco` command: demographic parity and adversarial prompt suites
//! are computed from the imported file, keep its hash, and pass or fail at the signed threshold.

use crate::compliance::demo;

#[test]
fn bias_checks_compute_and_keep_the_input_hash() {
    let (s, db) = demo();
    let parity = s.path("outcomes.csv");
    std::fs::write(&parity, "group,total,positive\nwomen,200,90\nmen,180,100\n").unwrap();
    let check = s.json(
        &db,
        &[
            "--as",
            "Carla Mendes",
            "bias",
            "import",
            "parity",
            parity.to_str().unwrap(),
            "--use-case",
            "UC-003",
            "--json",
        ],
    );
    let c = &check[0];
    // 0.45 vs 0.5556: difference 0.1056, ratio 0.81 ≥ 0.8.
    assert!((c["figures"]["ratio"].as_f64().unwrap() - 0.45 / (100.0 / 180.0)).abs() < 1e-9);
    assert_eq!(c["passed"], true);
    assert!(c["threshold_rationale"].as_str().unwrap().contains("US employment"));
    let sum = std::process::Command::new("sha256sum").arg(&parity).output().unwrap();
    assert!(String::from_utf8(sum.stdout).unwrap().starts_with(c["sha256"].as_str().unwrap()));
    let strict = s.json(
        &db,
        &[
            "bias",
            "import",
            "parity",
            parity.to_str().unwrap(),
            "--use-case",
            "UC-003",
            "--threshold",
            "0.9",
            "--rationale",
            "Credit decisions: stricter than four-fifths",
            "--json",
        ],
    );
    assert_eq!(strict[0]["passed"], false);
    let no_reason = s
        .with_db(&db)
        .args(["bias", "import", "parity", parity.to_str().unwrap(), "--use-case", "UC-003", "--threshold", "0.9"])
        .output()
        .unwrap();
    assert_eq!(no_reason.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&no_reason.stderr).contains("rationale"));
    let adversarial = s.path("adv.csv");
    std::fs::write(
        &adversarial,
        "prompt_id,category,passed,notes\n1,jailbreak,true,\n2,jailbreak,false,leaked\n3,pii,true,\n",
    )
    .unwrap();
    let adv = s.json(
        &db,
        &[
            "bias",
            "import",
            "adversarial",
            adversarial.to_str().unwrap(),
            "--use-case",
            "UC-003",
            "--threshold",
            "0.9",
            "--rationale",
            "Client-facing",
            "--json",
        ],
    );
    assert_eq!(adv[0]["passed"], false);
    let coverage = s.json(&db, &["framework", "coverage", "UC-003", "--json"]);
    let evidence: Vec<&str> = coverage["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["complete"] == true)
        .map(|e| e["kind"].as_str().unwrap())
        .collect();
    assert!(
        evidence.contains(&"bias_check")
            && evidence.contains(&"adversarial_suite")
            && evidence.contains(&"risk_register"),
        "{evidence:?}"
    );
    assert!(!evidence.contains(&"oversight_plan"), "UC-003's demo plan lacks a fallback owner: {evidence:?}");
}

#[test]
fn parity_at_exactly_the_threshold_passes_and_refused_exports_write_nothing() {
    let (s, db) = demo();
    let parity = s.path("boundary.csv");
    std::fs::write(&parity, "group,total,positive\nA,100,75\nB,100,60\n").unwrap();
    let check = s.json(&db, &["bias", "import", "parity", parity.to_str().unwrap(), "--use-case", "UC-003", "--json"]);
    assert_eq!(check[0]["passed"], true, "a ratio of exactly 0.8 meets the four-fifths default");
    let out = s.path("refused.csv");
    let refused = s.with_db(&db).args(["--as", "Nobody", "usecase", "export", out.to_str().unwrap()]).output().unwrap();
    assert_eq!(refused.status.code(), Some(2));
    assert!(!out.exists(), "nothing leaves the machine for an unknown name");
    let approve = s
        .with_db(&db)
        .args(["--as", "Carla Mendes", "pack", "approve", "DP-004", "--by", "Random Intern"])
        .output()
        .unwrap();
    assert_eq!(approve.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&approve.stderr).contains("you are working as Carla Mendes"));
}
