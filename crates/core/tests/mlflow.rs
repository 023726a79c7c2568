//! A local MLflow file store written here as MLflow writes it (experiment and run meta.yaml,
//! params/, nested metrics/, tags/), read back into parameters and an evaluation.

use steerco_core::registry::mlflow::read_run;

#[test]
fn an_mlflow_run_folder_is_read_as_mlflow_writes_it() {
    let tmp = tempfile::tempdir().unwrap();
    let mlruns = tmp.path().join("mlruns");
    let run = mlruns.join("412345678901234567").join("0a1b2c3d4e5f60718293a4b5c6d7e8f9");
    for sub in ["params", "metrics/eval", "tags", "artifacts"] {
        std::fs::create_dir_all(run.join(sub)).unwrap();
    }
    std::fs::write(
        mlruns.join("412345678901234567/meta.yaml"),
        "artifact_location: file:///tmp/mlruns/412345678901234567\ncreation_time: 1764000000000\nexperiment_id: '412345678901234567'\nlast_update_time: 1764000000000\nlifecycle_stage: active\nname: support-bot-lora\n",
    )
    .unwrap();
    std::fs::write(
        run.join("meta.yaml"),
        "artifact_uri: file:///tmp/mlruns/412345678901234567/0a1b2c3d4e5f60718293a4b5c6d7e8f9/artifacts\nend_time: 1764003600000\nentry_point_name: ''\nexperiment_id: '412345678901234567'\nlifecycle_stage: active\nrun_id: 0a1b2c3d4e5f60718293a4b5c6d7e8f9\nrun_name: lora-r8-lr2e-4\nrun_uuid: 0a1b2c3d4e5f60718293a4b5c6d7e8f9\nsource_name: ''\nsource_type: 4\nsource_version: ''\nstart_time: 1764000000000\nstatus: 3\ntags: []\nuser_id: ana\n",
    )
    .unwrap();
    std::fs::write(run.join("params/learning_rate"), "0.0002").unwrap();
    std::fs::write(run.join("params/lora_r"), "8").unwrap();
    std::fs::write(
        run.join("metrics/eval/loss"),
        "1764000100000 1.9 0\n1764000200000 1.2 100\n1764000300000 0.84 200\n",
    )
    .unwrap();
    std::fs::write(run.join("metrics/train_loss"), "1764000300000 0.61 200\n").unwrap();
    std::fs::write(run.join("tags/mlflow.user"), "ana.silva").unwrap();
    let read = read_run(&mlruns, "0a1b2c3d4e5f60718293a4b5c6d7e8f9").unwrap();
    assert_eq!(read.params["learning_rate"], "0.0002");
    assert_eq!(read.metrics["eval/loss"], 0.84, "the last step's value");
    assert_eq!(read.experiment_name.as_deref(), Some("support-bot-lora"));
    assert_eq!(read.status.as_deref(), Some("FINISHED"));
    assert_eq!(read.start_time.as_deref(), Some("2025-11-24T16:00:00.000Z"));
    assert_eq!(read.end_time.as_deref(), Some("2025-11-24T17:00:00.000Z"));
    let e = read.evaluation().unwrap();
    assert_eq!((e.run_by.as_deref(), e.run_on.as_deref()), (Some("ana.silva"), Some("2025-11-24")));
    assert_eq!(e.metrics.len(), 2);
    assert!(read_run(&mlruns, "nope").unwrap_err().to_string().contains("is not a run"));
    assert!(read_run(&mlruns, "../etc").is_err(), "run ids cannot walk out of the store");
    std::fs::write(run.join("tags/mlflow.note.content"), "two\nlines are fine").unwrap();
    assert!(read_run(&mlruns, "0a1b2c3d4e5f60718293a4b5c6d7e8f9").is_ok());
    std::fs::write(run.join("params/prompt"), "\u{1b}]0;owned\u{7}").unwrap();
    let escape = read_run(&mlruns, "0a1b2c3d4e5f60718293a4b5c6d7e8f9").unwrap_err().to_string();
    assert!(escape.contains("params/prompt") && escape.contains("control"), "{escape}");
    std::fs::remove_file(run.join("params/prompt")).unwrap();
    std::fs::write(run.join("metrics/train_loss"), "garbage\n").unwrap();
    assert!(read_run(&mlruns, "0a1b2c3d4e5f60718293a4b5c6d7e8f9").unwrap_err().to_string().contains("train_loss"));
}
