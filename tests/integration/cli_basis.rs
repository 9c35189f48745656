//! `summary --basis` and the JSON fields that say what each figure counts:
//! status, assessed_on, flags, target, on_target, and full precision.

use crate::common;

use std::process::{Command, Output};

use serde_json::Value;

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_govmaturity"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn json(args: &[&str]) -> Value {
    let output = run(args);
    serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
        panic!(
            "{e}: {}\n{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        )
    })
}

fn department<'a>(summary: &'a Value, id: &str) -> &'a Value {
    summary["departments"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["id"] == id)
        .unwrap()
}

#[test]
fn summary_defaults_to_the_latest_basis_and_marks_provisional_figures() {
    let sample = common::sample_dir();
    let summary = json(&["summary", sample.to_str().unwrap(), "--format", "json"]);
    assert_eq!(summary["basis"], "latest");
    assert_eq!(summary["period"], "2025-12-31");
    let health = department(&summary, "health-commission");
    assert_eq!(health["status"], "submitted");
    assert_eq!(health["assessed_on"], "2025-12-31");
    assert_eq!(health["flags"], serde_json::json!(["provisional"]));
    let finance = department(&summary, "finance-bureau");
    assert_eq!(finance["status"], "approved");
    assert_eq!(finance["flags"], serde_json::json!([]));
    assert_eq!(finance["unreadable"], Value::Null);
}

#[test]
fn json_numbers_carry_full_precision() {
    let sample = common::sample_dir();
    let summary = json(&["summary", sample.to_str().unwrap(), "--format", "json"]);
    let health = department(&summary, "health-commission");
    // 2.808333…: rounding belongs to the human formats (the table says 2.81).
    let overall = health["overall"].as_f64().unwrap();
    assert!((overall - 2.808_333_333_3).abs() < 1e-9, "{overall}");
    assert_ne!(overall, 2.81);
    // Overall target: the weighted mean of the dimension targets.
    let target = health["target"].as_f64().unwrap();
    assert!((target - 3.833_333_333).abs() < 1e-8, "{target}");
    assert_eq!(health["on_target"], false);
    let table = String::from_utf8(run(&["summary", sample.to_str().unwrap()]).stdout).unwrap();
    assert!(table.contains("2.81"), "{table}");
}

#[test]
fn approved_basis_uses_each_departments_latest_approved_assessment() {
    let sample = common::sample_dir();
    let summary = json(&[
        "summary",
        sample.to_str().unwrap(),
        "--format",
        "json",
        "--basis",
        "approved",
    ]);
    assert_eq!(summary["basis"], "approved");
    assert_eq!(summary["period"], "2025-12-31");
    let health = department(&summary, "health-commission");
    assert_eq!(health["status"], "approved");
    assert_eq!(health["assessed_on"], "2025-06-30");
    assert_eq!(health["flags"], serde_json::json!(["carried-over"]));
}

#[test]
fn the_table_says_what_it_counts_in_either_language() {
    let sample = common::sample_dir();
    let english = String::from_utf8(run(&["summary", sample.to_str().unwrap()]).stdout).unwrap();
    assert!(
        english.contains(
            "12 assessed: 7 approved, 5 provisional; 12 at this period, 0 carried over from earlier"
        ),
        "{english}"
    );
    assert!(
        english
            .lines()
            .any(|l| l.starts_with("Health Commission") && l.ends_with("provisional")),
        "{english}"
    );

    let chinese = String::from_utf8(
        run(&[
            "summary",
            sample.to_str().unwrap(),
            "--basis",
            "approved",
            "--lang",
            "zh",
        ])
        .stdout,
    )
    .unwrap();
    assert!(chinese.contains("截至2025年12月31日"), "{chinese}");
    assert!(chinese.contains("口径：仅计已批准的评估"), "{chinese}");
    assert!(chinese.contains("本期评估 7 个，沿用往期 5 个"), "{chinese}");
    assert!(
        chinese.contains("已评估 12 个部门，均为已批准的评估"),
        "{chinese}"
    );
    assert!(chinese.contains("沿用2025年6月30日的评估"), "{chinese}");
}

#[test]
fn an_unreadable_latest_file_is_flagged_never_silently_replaced() {
    let dir = common::copy_workspace(&common::sample_dir());
    let file = dir.path().join("finance-bureau/2025-12-31.ron");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, &text[..text.len() / 3]).unwrap();

    let output = run(&["summary", dir.path().to_str().unwrap(), "--format", "json"]);
    assert_eq!(output.status.code(), Some(1), "problems while loading");
    let summary: Value = serde_json::from_slice(&output.stdout).unwrap();
    let finance = department(&summary, "finance-bureau");
    assert_eq!(finance["assessed_on"], "2025-06-30");
    assert_eq!(
        finance["flags"],
        serde_json::json!(["carried-over", "latest-unreadable"])
    );
    assert_eq!(finance["unreadable"], "finance-bureau/2025-12-31.ron");

    let table = String::from_utf8(run(&["summary", dir.path().to_str().unwrap()]).stdout).unwrap();
    assert!(
        table.contains(
            "warning: Finance Bureau: latest assessment could not be read: finance-bureau/2025-12-31.ron"
        ) && table.contains("latest file unreadable"),
        "{table}"
    );
}

#[test]
fn an_unknown_basis_is_a_usage_error() {
    let output = run(&["summary", "--basis", "final"]);
    assert_eq!(output.status.code(), Some(2));
}
