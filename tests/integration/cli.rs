//! The command line as a user runs it: exit codes, output shapes, and that
//! nothing a user wrote is overwritten.

use crate::common;

use std::fs;

use std::process::{Command, Output};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_govmaturity"))
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().expect("the binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn sample_workspace_validates_clean() {
    let output = run(&["validate", common::sample_dir().to_str().unwrap()]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "stdout: {}\nstderr: {}",
        stdout(&output),
        stderr(&output)
    );
    assert!(
        stdout(&output).is_empty(),
        "no problems expected: {}",
        stdout(&output)
    );
    assert!(
        stderr(&output).contains("12 departments, 48 assessments"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn validate_reports_problems_with_position_and_exit_1() {
    let dir = common::copy_workspace(&common::sample_dir());
    let bad = dir.path().join("finance-bureau/2025-06-30.ron");
    let text = fs::read_to_string(&bad).unwrap();
    let broken = text.replacen("rating: Level(", "rating: Level(9", 1);
    fs::write(&bad, &broken).unwrap();
    let output = run(&["validate", dir.path().to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1), "{}", stdout(&output));
    let out = stdout(&output);
    let line = out
        .lines()
        .find(|l| l.starts_with("finance-bureau/2025-06-30.ron:"))
        .expect("problem names the file");
    let mut parts = line.splitn(4, ':');
    parts.next();
    let line_no: usize = parts.next().unwrap().parse().expect("line number");
    let column: usize = parts.next().unwrap().parse().expect("column number");
    assert!(line_no > 1 && column > 0, "{line}");
    assert!(line.contains("error"), "{line}");
    // The broken file is untouched and the others still load.
    assert_eq!(fs::read_to_string(&bad).unwrap(), broken);
    assert!(stderr(&output).contains("47 assessments"), "{}", stderr(&output));
}

#[test]
fn missing_folder_is_a_usage_error() {
    let output = run(&["validate", "/nonexistent/govmaturity-workspace"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("/nonexistent/govmaturity-workspace"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn bad_arguments_are_usage_errors() {
    assert_eq!(run(&["summary", "--format", "yaml"]).status.code(), Some(2));
    assert_eq!(run(&["summary", "--period", "2025-13-01"]).status.code(), Some(2));
    assert_eq!(run(&["no-such-command"]).status.code(), Some(2));
}

#[test]
fn summary_json_has_the_documented_shape() {
    let output = run(&[
        "summary",
        common::sample_dir().to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("valid JSON");
    assert!(json["workspace"].as_str().unwrap().contains("Riverside"));
    assert_eq!(json["period"], "2025-12-31");
    let departments = json["departments"].as_array().unwrap();
    assert_eq!(departments.len(), 12);
    for department in departments {
        for key in ["id", "name", "overall", "stage", "coverage", "dimensions"] {
            assert!(department.get(key).is_some(), "missing {key} in {department}");
        }
        let overall = department["overall"].as_f64().unwrap();
        assert!((1.0..=5.0).contains(&overall));
        let coverage = department["coverage"].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&coverage));
        let dimensions = department["dimensions"].as_array().unwrap();
        assert_eq!(dimensions.len(), 6);
        for dimension in dimensions {
            let score = dimension["score"].as_f64().unwrap();
            let floor = dimension["floor"].as_f64().unwrap();
            assert!(
                floor <= score + 1e-9 && (1.0..=5.0).contains(&score),
                "{dimension}"
            );
        }
    }
    let data_bureau = departments.iter().find(|d| d["id"] == "big-data-bureau").unwrap();
    assert_eq!(data_bureau["name"], "Big Data Bureau");
    assert!(data_bureau["stage"].is_string());
}

#[test]
fn summary_period_picks_the_latest_on_or_before() {
    let output = run(&[
        "summary",
        common::sample_dir().to_str().unwrap(),
        "--format",
        "json",
        "--period",
        "2025-03-01",
    ]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(json["period"], "2025-03-01");
    let csv = run(&[
        "summary",
        common::sample_dir().to_str().unwrap(),
        "--format",
        "csv",
        "--period",
        "2025-03-01",
    ]);
    let text = stdout(&csv);
    assert!(text.starts_with('\u{feff}'));
    assert!(text.lines().skip(1).all(|l| l.contains("2024-12-31")), "{text}");
}

#[test]
fn summary_table_lists_every_department() {
    let output = run(&["summary", common::sample_dir().to_str().unwrap(), "--lang", "zh"]);
    assert_eq!(output.status.code(), Some(0));
    let text = stdout(&output);
    for name in ["市大数据局", "市民政局", "市应急管理局"] {
        assert!(text.contains(name), "{name} missing:\n{text}");
    }
}

#[test]
fn new_period_prefills_and_never_overwrites() {
    let dir = common::copy_workspace(&common::sample_dir());
    let path = dir.path().to_str().unwrap();
    // Someone already started one department's next period by hand.
    let existing = dir.path().join("finance-bureau/2026-06-30.ron");
    let hand_written = fs::read_to_string(dir.path().join("finance-bureau/2025-12-31.ron"))
        .unwrap()
        .replace("period: \"2025-12-31\"", "period: \"2026-06-30\"");
    fs::write(&existing, &hand_written).unwrap();

    let output = run(&[
        "new-period",
        path,
        "--period",
        "2026-06-30",
        "--user",
        "Wang Fang",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        stdout(&output).contains("11 drafts created, 1 existing"),
        "{}",
        stdout(&output)
    );
    assert_eq!(
        fs::read_to_string(&existing).unwrap(),
        hand_written,
        "existing file overwritten"
    );

    let draft = fs::read_to_string(dir.path().join("big-data-bureau/2026-06-30.ron")).unwrap();
    assert!(draft.contains("status: Draft"), "{draft}");
    assert!(
        draft.contains("reconfirm: true"),
        "evidence should be marked for re-confirmation"
    );
    assert!(draft.contains("Wang Fang"));

    // Running it again creates nothing and changes nothing.
    let before = fs::read_to_string(dir.path().join("big-data-bureau/2026-06-30.ron")).unwrap();
    let again = run(&["new-period", path, "--period", "2026-06-30"]);
    assert_eq!(again.status.code(), Some(0));
    assert!(
        stdout(&again).contains("0 drafts created, 12 existing"),
        "{}",
        stdout(&again)
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("big-data-bureau/2026-06-30.ron")).unwrap(),
        before
    );

    // And the workspace still validates.
    assert_eq!(run(&["validate", path]).status.code(), Some(0));
}

#[test]
fn generate_is_deterministic_and_refuses_an_existing_workspace() {
    let parent = tempfile::tempdir().unwrap();
    let a = parent.path().join("a");
    let b = parent.path().join("b");
    for dir in [&a, &b] {
        let output = run(&[
            "generate",
            dir.to_str().unwrap(),
            "--departments",
            "30",
            "--periods",
            "3",
            "--seed",
            "7",
        ]);
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    }
    let file = "workspace.ron";
    assert_eq!(fs::read(a.join(file)).unwrap(), fs::read(b.join(file)).unwrap());
    let first = fs::read_dir(&a)
        .unwrap()
        .filter_map(|e| e.ok())
        .find(|e| e.path().is_dir() && !e.file_name().to_string_lossy().starts_with('.'))
        .unwrap();
    let name = first.file_name();
    for period in ["2025-12-31.ron", "2025-06-30.ron", "2024-12-31.ron"] {
        assert_eq!(
            fs::read(a.join(&name).join(period)).unwrap(),
            fs::read(b.join(&name).join(period)).unwrap()
        );
    }
    let validate = run(&["validate", a.to_str().unwrap()]);
    assert_eq!(validate.status.code(), Some(0), "{}", stdout(&validate));
    assert!(
        stderr(&validate).contains("30 departments, 90 assessments"),
        "{}",
        stderr(&validate)
    );

    let before = fs::read(a.join(file)).unwrap();
    let again = run(&["generate", a.to_str().unwrap(), "--departments", "5"]);
    assert_eq!(again.status.code(), Some(2));
    assert!(stderr(&again).contains("already holds a workspace"));
    assert_eq!(fs::read(a.join(file)).unwrap(), before);

    let other_seed = parent.path().join("c");
    run(&[
        "generate",
        other_seed.to_str().unwrap(),
        "--departments",
        "30",
        "--periods",
        "3",
        "--seed",
        "8",
    ]);
    assert_ne!(
        fs::read(a.join(&name).join("2025-12-31.ron")).ok(),
        fs::read(other_seed.join(&name).join("2025-12-31.ron")).ok()
    );
}

#[test]
fn top_level_workspace_and_lang_stand_in_for_a_subcommands_own() {
    // Run from an empty folder, so ./assessments cannot be what was read.
    let empty = tempfile::tempdir().unwrap();
    let sample = common::sample_dir();
    let sample = sample.to_str().unwrap();
    let summary = |args: &[&str]| {
        let output = bin().args(args).current_dir(empty.path()).output().unwrap();
        assert_eq!(output.status.code(), Some(0), "{args:?}: {}", stderr(&output));
        stdout(&output)
    };
    let chinese = summary(&["--workspace", sample, "--lang", "zh", "summary"]);
    assert!(chinese.contains("市大数据局"), "{chinese}");
    // A subcommand's own DIR and --lang win.
    let english = summary(&[
        "--workspace",
        "/nonexistent",
        "--lang",
        "zh",
        "summary",
        sample,
        "--lang",
        "en",
    ]);
    assert!(english.contains("Big Data Bureau"), "{english}");
    assert!(!english.contains("市大数据局"));
    // Neither given: ./assessments, which is not there.
    let output = bin().arg("summary").current_dir(empty.path()).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("assessments"), "{}", stderr(&output));
}
