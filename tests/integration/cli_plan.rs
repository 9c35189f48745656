//! `govmaturity plan`: the actions and the uncovered gaps of a small
//! workspace, as JSON, a table and CSV, in both languages; filters; exit
//! codes for unknown departments and statuses and for broken plan files.

use std::fs;
use std::process::{Command, Output};

use chrono::NaiveDate;
use govmaturity::model::{
    Action, ActionStatus, Addresses, Assessment, Department, DepartmentKind, Level, Owner, PlanScope, Rating,
    Target, Text, Workspace,
};
use govmaturity::store;
use serde_json::{Value, json};
use tempfile::TempDir;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn action(id: &str, departments: &[&str], indicator: &str, status: ActionStatus, due: NaiveDate) -> Action {
    Action {
        id: id.to_owned(),
        title: format!("Work on {indicator}").into(),
        description: Default::default(),
        addresses: Addresses::Indicators(vec![indicator.to_owned()]),
        departments: departments.iter().map(|d| (*d).to_owned()).collect(),
        owner: Owner {
            unit: "Data Division".to_owned().into(),
            person: "Li Wei".to_owned(),
        },
        start: date(2025, 1, 1),
        due,
        expected_level: Level::clamped(3),
        status,
        done_on: None,
        history: Vec::new(),
        notes: Vec::new(),
        links: Vec::new(),
    }
}

/// Finance (catalogue 2 → 3, open 2 → 3 between 2024-12-31 and
/// 2025-12-31) and Police (catalogue 2, open 1 at 2025-12-31); targets
/// sharing.catalogue 4 and sharing.open 3 for everyone. Plans: finance's
/// catalogue work done on 2025-06-30, police's open-data work in progress
/// due 2025-09-30, and a joint exchange measure due 2026-06-30.
fn workspace() -> TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let mut workspace = Workspace::new(Text::new("Plan City", "计划市"));
    for (id, en, zh) in [
        ("finance", "Finance Bureau", "市财政局"),
        ("police", "Police Bureau", "市公安局"),
    ] {
        workspace.departments.push(Department {
            id: id.to_owned(),
            name: Text::new(en, zh),
            kind: DepartmentKind::Bureau,
            parent: None,
            archived: false,
        });
    }
    for (indicator, level) in [("sharing.catalogue", 4), ("sharing.open", 3)] {
        workspace.targets.push(Target {
            department: None,
            dimension: "sharing".to_owned(),
            indicator: Some(indicator.to_owned()),
            level: Level::clamped(level),
            by: date(2026, 12, 31),
        });
    }
    store::save_workspace(root, &workspace, None).unwrap();
    let framework = store::builtin_framework().unwrap();
    for (department, period, catalogue, open) in [
        ("finance", date(2024, 12, 31), 2, 2),
        ("finance", date(2025, 12, 31), 3, 3),
        ("police", date(2025, 12, 31), 2, 1),
    ] {
        let mut assessment = Assessment::new(department, period, &framework);
        for (id, level) in [("sharing.catalogue", catalogue), ("sharing.open", open)] {
            assessment.answers.entry(id.to_owned()).or_default().rating =
                Rating::Level(Level::clamped(level));
        }
        store::create_assessment(root, &assessment).unwrap();
    }
    let mut done = action(
        "fin-catalogue",
        &["finance"],
        "sharing.catalogue",
        ActionStatus::Done,
        date(2025, 6, 30),
    );
    done.done_on = Some(date(2025, 6, 30));
    store::save_plan(root, &PlanScope::Department("finance".into()), &[done], None).unwrap();
    let open = action(
        "police-open",
        &["police"],
        "sharing.open",
        ActionStatus::InProgress,
        date(2025, 9, 30),
    );
    store::save_plan(root, &PlanScope::Department("police".into()), &[open], None).unwrap();
    let joint = action(
        "joint-exchange",
        &["finance", "police"],
        "sharing.exchange",
        ActionStatus::Planned,
        date(2026, 6, 30),
    );
    store::save_plan(root, &PlanScope::Government, &[joint], None).unwrap();
    dir
}

/// `govmaturity plan DIR ARGS`, on 2026-01-15 unless ARGS give a day.
fn plan(dir: &TempDir, args: &[&str]) -> Output {
    let today: &[&str] = if args.contains(&"--today") {
        &[]
    } else {
        &["--today", "2026-01-15"]
    };
    Command::new(env!("CARGO_BIN_EXE_govmaturity"))
        .arg("plan")
        .arg(dir.path())
        .args(today)
        .args(args)
        .output()
        .expect("the binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn json_of(output: &Output) -> Value {
    assert_eq!(output.status.code(), Some(0), "{}", stderr(output));
    serde_json::from_str(&stdout(output)).expect("plan --format json prints JSON")
}

fn ids(value: &Value) -> Vec<String> {
    value["actions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn json_lists_actions_overdue_first_with_effect_and_uncovered_gaps() {
    let dir = workspace();
    let value = json_of(&plan(&dir, &["--format", "json"]));
    assert_eq!(value["today"], "2026-01-15");
    assert_eq!(ids(&value), ["police-open", "fin-catalogue", "joint-exchange"]);
    let first = &value["actions"][0];
    assert_eq!(first["department"], json!(["police"]));
    assert_eq!(first["indicators"], json!(["sharing.open"]));
    assert_eq!(
        first["owner"],
        json!({"unit": "Data Division", "person": "Li Wei"})
    );
    assert_eq!(first["start"], "2025-01-01");
    assert_eq!(first["due"], "2025-09-30");
    assert_eq!(first["status"], "in-progress");
    assert_eq!(first["overdue"], true);
    assert_eq!(first["effect"], json!([]));
    // Done on 2025-06-30: catalogue 2 at 2024-12-31, 3 at 2025-12-31.
    let done = &value["actions"][1];
    assert_eq!(done["status"], "done");
    assert_eq!(done["overdue"], false);
    assert_eq!(done["done_on"], "2025-06-30");
    assert_eq!(
        done["effect"],
        json!([{
            "department": "finance",
            "indicator": "sharing.catalogue",
            "effect": "rose",
            "before": {"date": "2024-12-31", "level": 2},
            "after": {"date": "2025-12-31", "level": 3},
        }])
    );
    assert_eq!(value["actions"][2]["department"], json!(["finance", "police"]));
    // Police's open data is covered by its open action; finance's open data
    // is at target; the catalogue gaps are not covered (the finance action
    // is done), the bigger first.
    let uncovered: Vec<(String, String, f64)> = value["uncovered"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| {
            (
                g["department"].as_str().unwrap().to_owned(),
                g["indicator"].as_str().unwrap().to_owned(),
                g["gap"].as_f64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        uncovered,
        [
            ("police".to_owned(), "sharing.catalogue".to_owned(), 2.0),
            ("finance".to_owned(), "sharing.catalogue".to_owned(), 1.0),
        ]
    );
}

#[test]
fn today_decides_what_is_overdue() {
    let dir = workspace();
    let before = json_of(&plan(&dir, &["--format", "json", "--today", "2025-09-30"]));
    assert_eq!(before["today"], "2025-09-30");
    assert_eq!(before["actions"][0]["overdue"], false);
    assert_eq!(ids(&before), ["fin-catalogue", "police-open", "joint-exchange"]);
    // The same day gives the same output, byte for byte.
    assert_eq!(
        stdout(&plan(&dir, &["--format", "json"])),
        stdout(&plan(&dir, &["--format", "json"]))
    );
}

#[test]
fn filters_by_department_status_and_overdue() {
    let dir = workspace();
    let police = json_of(&plan(&dir, &["--format", "json", "--department", "police"]));
    assert_eq!(ids(&police), ["police-open", "joint-exchange"]);
    assert_eq!(police["uncovered"].as_array().unwrap().len(), 1);
    assert_eq!(police["uncovered"][0]["department"], "police");
    // The counts are the department's.
    let table = stdout(&plan(&dir, &["--department", "police", "--status", "planned"]));
    assert_eq!(
        table.lines().nth(2),
        Some(
            "Open: 2 · Overdue: 1 · Done: 0 · Dropped: 0 · Gaps without an open action: 1 · Already at target: 0"
        )
    );
    let done = json_of(&plan(&dir, &["--format", "json", "--status", "done"]));
    assert_eq!(ids(&done), ["fin-catalogue"]);
    let overdue = json_of(&plan(&dir, &["--format", "json", "--overdue"]));
    assert_eq!(ids(&overdue), ["police-open"]);
    let none = json_of(&plan(
        &dir,
        &["--format", "json", "--overdue", "--status", "planned"],
    ));
    assert_eq!(ids(&none), Vec::<String>::new());
}

#[test]
fn the_table_speaks_english_and_chinese() {
    let dir = workspace();
    let output = plan(&dir, &[]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let en = stdout(&output);
    let lines: Vec<&str> = en.lines().collect();
    assert_eq!(lines[0], "Plan City — today 2026-01-15");
    assert_eq!(
        lines[2],
        "Open: 2 · Overdue: 1 · Done: 1 · Dropped: 0 · Gaps without an open action: 2 · Already at target: 0"
    );
    assert_eq!(lines[4], "Actions");
    assert!(lines[5].starts_with("Id "), "{en}");
    assert!(lines[7].starts_with("police-open "), "{en}");
    assert!(
        en.contains("Police Bureau") && en.contains("In progress") && en.contains("rose 2 → 3"),
        "{en}"
    );
    assert!(en.contains("Data Division · Li Wei"), "{en}");
    assert!(en.contains("Finance Bureau, Police Bureau"), "{en}");
    assert!(en.contains("\nGaps without an open action\n"), "{en}");

    let output = plan(&dir, &["--lang", "zh"]);
    let zh = stdout(&output);
    let lines: Vec<&str> = zh.lines().collect();
    assert_eq!(lines[0], "计划市 — 今日：2026年1月15日");
    assert_eq!(
        lines[2],
        "未完成：2 · 已逾期：1 · 已完成：1 · 已取消：0 · 尚无在办措施的差距：2 · 已达目标：0"
    );
    assert_eq!(lines[4], "改进措施");
    for word in [
        "市公安局",
        "进行中",
        "由2级升至3级",
        "2025年9月30日",
        "市财政局、市公安局",
        "计划中",
        "已完成",
        "尚无在办措施的差距",
    ] {
        assert!(zh.contains(word), "{word} missing:\n{zh}");
    }
}

#[test]
fn csv_has_catalogue_headers_and_iso_dates() {
    let dir = workspace();
    let output = plan(&dir, &["--format", "csv", "--status", "done"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines,
        [
            "\u{feff}Id,Action,Departments,Addresses,Responsible,Start,Due,Status,Overdue,Aims for,Effect",
            "fin-catalogue,Work on sharing.catalogue,Finance Bureau,Data resource catalogue,Data Division · Li Wei,2025-01-01,2025-06-30,Done,no,3 · Growth,rose 2 → 3",
        ]
    );
    let zh = stdout(&plan(
        &dir,
        &["--format", "csv", "--status", "done", "--lang", "zh"],
    ));
    let lines: Vec<&str> = zh.lines().collect();
    assert_eq!(
        lines[0],
        "\u{feff}编号,措施,部门,针对,责任单位及责任人,开始日期,完成期限,状态,已逾期,预期等级,成效"
    );
    assert!(
        lines[1].ends_with(",2025-01-01,2025-06-30,已完成,否,3 · 成长,由2级升至3级"),
        "{}",
        lines[1]
    );
}

#[test]
fn unknown_department_or_status_exits_2() {
    let dir = workspace();
    let output = plan(&dir, &["--department", "nowhere"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stdout(&output).is_empty());
    assert_eq!(
        stderr(&output).trim_end(),
        "error: there is no department \"nowhere\" in this workspace; run `govmaturity summary` to see the department ids"
    );
    let output = plan(&dir, &["--department", "nowhere", "--lang", "zh"]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        stderr(&output).trim_end(),
        "错误：本工作区没有编号为“nowhere”的部门；请运行 `govmaturity summary` 查看部门编号"
    );
    let output = plan(&dir, &["--status", "finished"]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        stderr(&output).trim_end(),
        "error: unknown status \"finished\"; use one of planned, in-progress, done, dropped"
    );
    let output = plan(&dir, &["--status", "finished", "--lang", "zh"]);
    assert_eq!(
        stderr(&output).trim_end(),
        "错误：未知状态“finished”；请使用 planned、in-progress、done、dropped 之一"
    );
}

#[test]
fn a_broken_plan_file_is_reported_and_exits_1() {
    let dir = workspace();
    let broken = dir.path().join("plan.ron");
    fs::write(&broken, "(version: 1, actions: [ (id: \"x\", ").unwrap();
    let output = plan(&dir, &["--format", "json"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    // What did load is still listed; the broken file is left as it was.
    let value: Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(ids(&value), ["police-open", "fin-catalogue"]);
    assert!(
        stderr(&output).contains("problems while loading"),
        "{}",
        stderr(&output)
    );
    assert_eq!(
        fs::read_to_string(&broken).unwrap(),
        "(version: 1, actions: [ (id: \"x\", "
    );
}

#[test]
fn a_workspace_without_plans_lists_every_gap() {
    let dir = workspace();
    for file in ["plan.ron", "finance/plan.ron", "police/plan.ron"] {
        fs::remove_file(dir.path().join(file)).unwrap();
    }
    let value = json_of(&plan(&dir, &["--format", "json"]));
    assert_eq!(ids(&value), Vec::<String>::new());
    assert_eq!(value["uncovered"].as_array().unwrap().len(), 3);
    let table = stdout(&plan(&dir, &[]));
    assert!(table.contains("\nActions\nNo action matches.\n"), "{table}");
}
