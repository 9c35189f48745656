//! Tamper evidence: an approval records a digest of the answers; an approved
//! file whose answers are edited on disk afterwards is reported ("changed
//! after approval") by `validate`, every load, the app and the reports,
//! while a change of layout only, a reopening, a new approval and an old
//! approval without a digest are not.

use crate::common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use chrono::{NaiveDate, NaiveDateTime};
use govmaturity::model::{Assessment, Lang, Status, answers_digest};
use govmaturity::report::{self, Format, ReportOptions};
use govmaturity::store::{self, ProblemCode};
use tempfile::TempDir;

/// An assessment of the sample that is Approved (with no digest: written
/// before approvals recorded one).
pub const FILE: &str = "public-security/2025-12-31.ron";
pub const REVIEWER: &str = "Sun Hui 孙慧 (Digital Government Office)";

fn at(day: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 1, day)
        .unwrap()
        .and_hms_opt(15, 30, 0)
        .unwrap()
}

fn read(dir: &Path) -> Assessment {
    let text = fs::read_to_string(dir.join(FILE)).unwrap();
    store::parse_assessment(&text, Path::new(FILE)).unwrap().0
}

fn write(dir: &Path, assessment: &Assessment) {
    fs::write(dir.join(FILE), store::to_ron(assessment).unwrap()).unwrap();
}

/// The sample with [`FILE`] approved again, through the workflow, so that
/// its approval records a digest.
pub fn approved_with_digest() -> TempDir {
    let dir = common::copy_workspace(&common::sample_dir());
    let mut assessment = read(dir.path());
    assessment
        .transition(Status::Draft, REVIEWER, "recheck", at(17))
        .unwrap();
    assessment
        .transition(Status::Submitted, "Zhao Lei 赵磊", "", at(17))
        .unwrap();
    assessment
        .transition(Status::Approved, REVIEWER, "", at(18))
        .unwrap();
    write(dir.path(), &assessment);
    dir
}

/// Raises the first level in [`FILE`] by one, as an edit by hand would.
pub fn edit_on_disk(dir: &Path) {
    let path = dir.join(FILE);
    let text = fs::read_to_string(&path).unwrap();
    let edited = text.replacen("rating: Level(3)", "rating: Level(4)", 1);
    assert_ne!(edited, text);
    fs::write(&path, edited).unwrap();
}

/// The "changed after approval" problems a load reports.
fn flagged(dir: &Path) -> Vec<(PathBuf, String)> {
    store::load(dir)
        .unwrap()
        .problems
        .into_iter()
        .filter_map(|p| match p.code {
            ProblemCode::ChangedAfterApproval {
                file, approved_by, ..
            } => Some((file, approved_by)),
            _ => None,
        })
        .collect()
}

fn validate(dir: &Path, lang: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_govmaturity"))
        .args(["validate", dir.to_str().unwrap(), "--lang", lang])
        .output()
        .unwrap()
}

#[test]
fn an_approval_records_the_digest_and_a_save_and_load_keep_it() {
    let dir = approved_with_digest();
    let text = fs::read_to_string(dir.path().join(FILE)).unwrap();
    let assessment = read(dir.path());
    let approval = assessment.audit.last().unwrap();
    assert!(approval.is_approval());
    let digest = answers_digest(&assessment.answers);
    assert_eq!(approval.answers_sha256.as_deref(), Some(digest.as_str()));
    assert!(
        text.contains(&format!("answers_sha256: Some(\"{digest}\")")),
        "{text}"
    );
    assert_eq!(store::to_ron(&assessment).unwrap(), text, "written as read");
    assert_eq!(flagged(dir.path()), []);
}

#[test]
fn validate_reports_an_approved_file_edited_on_disk_at_the_file() {
    let dir = approved_with_digest();
    let clean = validate(dir.path(), "en");
    assert_eq!(
        clean.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&clean.stdout)
    );

    edit_on_disk(dir.path());
    let output = validate(dir.path(), "en");
    assert_eq!(
        output.status.code(),
        Some(1),
        "an error: the approval cannot be trusted"
    );
    let out = String::from_utf8_lossy(&output.stdout).into_owned();
    let text = fs::read_to_string(dir.path().join(FILE)).unwrap();
    let answers_line = text.lines().position(|l| l == "    answers: {").unwrap() + 1;
    let expected = format!(
        "{FILE}:{answers_line}:5: error: {FILE} was changed after approval: its answers are no longer the \
         ones {REVIEWER} approved on 2026-01-18 15:30, so its figures are not the approved ones. Reopen it \
         (giving a reason) and approve it again, or restore the approved version from a backup (.backups/) or \
         version control [changed-after-approval]"
    );
    assert!(out.lines().any(|l| l == expected), "{out}");

    let zh = String::from_utf8_lossy(&validate(dir.path(), "zh").stdout).into_owned();
    let line = zh
        .lines()
        .find(|l| l.contains("[changed-after-approval]"))
        .unwrap();
    assert!(
        line.starts_with(&format!("{FILE}:{answers_line}:5: 错误：{FILE} 在批准后被修改")),
        "{line}"
    );
    assert!(
        line.contains(&format!("{REVIEWER} 于 2026年1月18日 15:30 批准")),
        "{line}"
    );
    assert!(line.contains("请重新打开（须说明原因）并再次批准"), "{line}");
}

#[test]
fn a_change_of_layout_alone_is_not_a_change() {
    let dir = approved_with_digest();
    let path = dir.path().join(FILE);
    let text = fs::read_to_string(&path).unwrap();
    // The answers in reverse order, tabs for spaces, blank lines and a
    // comment, the assessor moved to the end, and a character escaped.
    let (head, rest) = text.split_once("    answers: {\n").unwrap();
    let (body, tail) = rest.split_once("\n    },\n").unwrap();
    let mut entries: Vec<String> = Vec::new();
    for line in body.lines() {
        if line.starts_with("        \"") {
            entries.push(String::new());
        }
        let entry = entries.last_mut().unwrap();
        entry.push_str(line);
        entry.push('\n');
    }
    assert!(entries.len() > 10);
    entries.reverse();
    let assessor = head.lines().find(|l| l.starts_with("    assessor:")).unwrap();
    let head = head.replace(&format!("{assessor}\n"), "");
    let tail = tail.trim_end().strip_suffix(')').unwrap();
    let reordered = format!(
        "// edited by hand\n{head}\n\n    answers: {{\n{}\n    }},\n{tail}{assessor}\n)\n",
        entries.concat().trim_end_matches('\n')
    )
    .replace("    ", "\t")
    .replacen("赵", "\\u{8d75}", 1);
    assert_ne!(reordered, text);
    fs::write(&path, &reordered).unwrap();
    assert_eq!(
        read(dir.path()),
        store::parse_assessment(&text, Path::new(FILE)).unwrap().0
    );
    assert_eq!(flagged(dir.path()), []);
}

#[test]
fn reopening_clears_the_flag_and_a_new_approval_is_the_new_baseline() {
    let dir = approved_with_digest();
    edit_on_disk(dir.path());
    assert_eq!(flagged(dir.path()), [(PathBuf::from(FILE), REVIEWER.to_owned())]);

    // Reopened: a Draft, and the reopening records what it reopened.
    let mut assessment = read(dir.path());
    assessment
        .transition(Status::Draft, REVIEWER, "level edited by hand", at(20))
        .unwrap();
    write(dir.path(), &assessment);
    assert_eq!(flagged(dir.path()), []);
    let reopened = read(dir.path()).audit.last().unwrap().clone();
    assert_eq!(reopened.what, "reopened");
    assert_eq!(reopened.answers_sha256, Some(answers_digest(&assessment.answers)));

    // Approved again by someone else: no flag; edited again: flagged, naming
    // the new approval.
    assessment
        .transition(Status::Submitted, "Zhao Lei 赵磊", "", at(21))
        .unwrap();
    assessment
        .transition(Status::Approved, "Li Wei", "", at(22))
        .unwrap();
    write(dir.path(), &assessment);
    assert_eq!(flagged(dir.path()), []);
    let path = dir.path().join(FILE);
    let text = fs::read_to_string(&path).unwrap();
    fs::write(
        &path,
        text.replacen("confidence: Some(Low)", "confidence: Some(High)", 1),
    )
    .unwrap();
    assert_eq!(flagged(dir.path()), [(PathBuf::from(FILE), "Li Wei".to_owned())]);
}

#[test]
fn an_old_approval_without_a_digest_is_not_flagged() {
    let dir = common::copy_workspace(&common::sample_dir());
    let old = fs::read_to_string(dir.path().join(FILE)).unwrap();
    assert!(old.contains("status: Approved") && !old.contains("answers_sha256"));
    edit_on_disk(dir.path());
    assert_eq!(flagged(dir.path()), []);
    assert_eq!(validate(dir.path(), "en").status.code(), Some(0));
}

#[test]
fn summary_json_flags_the_department() {
    let dir = approved_with_digest();
    edit_on_disk(dir.path());
    let output = Command::new(env!("CARGO_BIN_EXE_govmaturity"))
        .args(["summary", dir.path().to_str().unwrap(), "--format", "json"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let departments = json["departments"].as_array().unwrap();
    let flags_of = |id: &str| {
        departments
            .iter()
            .find(|d| d["id"] == id)
            .map(|d| d["flags"].clone())
            .unwrap()
    };
    assert_eq!(
        flags_of("public-security"),
        serde_json::json!(["changed-after-approval"])
    );
    assert!(
        !flags_of("finance-bureau")
            .as_array()
            .unwrap()
            .contains(&serde_json::json!("changed-after-approval"))
    );
}

fn options(format: Format, kind: report::ReportKind, lang: Lang) -> ReportOptions {
    ReportOptions {
        kind,
        style: Default::default(),
        split: false,
        format,
        period: None,
        department: None,
        basis: govmaturity::analysis::Basis::Approved,
        lang,
        generated: NaiveDate::from_ymd_opt(2026, 2, 1).unwrap(),
    }
}

#[test]
fn the_html_report_says_it_beside_the_department_in_both_languages() {
    let dir = approved_with_digest();
    edit_on_disk(dir.path());
    for (lang, status, mark) in [
        (
            Lang::En,
            "Approved (⚠ changed after approval)",
            "⚠ changed after approval",
        ),
        (Lang::Zh, "已批准（⚠ 批准后被修改）", "⚠ 批准后被修改"),
    ] {
        for kind in [report::ReportKind::Full, report::ReportKind::Brief] {
            // As the command line loads for a report: slimmed.
            let loaded = store::load_for_report(
                dir.path(),
                None,
                &|a| a.status == Status::Approved,
                kind != report::ReportKind::Brief,
            )
            .unwrap();
            let html =
                String::from_utf8(report::render(&loaded, &options(Format::Html, kind, lang)).unwrap())
                    .unwrap();
            assert!(html.contains(mark), "{kind:?} {lang:?}");
            if kind == report::ReportKind::Full {
                assert!(html.contains(status), "{lang:?}");
            }
        }
    }
    // Not for a department whose approval holds.
    let clean = approved_with_digest();
    let loaded = store::load(clean.path()).unwrap();
    let html = String::from_utf8(
        report::render(
            &loaded,
            &options(Format::Html, report::ReportKind::Full, Lang::En),
        )
        .unwrap(),
    )
    .unwrap();
    assert!(!html.contains("changed after approval"));
}

// ---- the app

const BADGE: &str = "⚠ Changed after approval";
/// The mark beside the department's name in the tree.
const TREE_MARK: &str = "⚠ changed after approval";

/// How many "changed after approval" problems the app lists.
fn listed(harness: &egui_kittest::Harness<'static, govmaturity::app::GovApp>) -> usize {
    let open = harness.state().state.workspace.as_ref().unwrap();
    open.loaded
        .problems
        .iter()
        .filter(|p| p.code.code() == "changed-after-approval")
        .count()
}

#[test]
fn the_app_shows_the_badge_on_the_assessment_and_its_department_until_reopened() {
    use egui::Role;
    use egui_kittest::kittest::Queryable;
    use govmaturity::app::Command;

    let dir = approved_with_digest();
    let harness = crate::app_assess::assess(dir.path(), "Public Security Bureau");
    assert!(harness.query_by_label(BADGE).is_none(), "not before the edit");
    assert!(harness.query_by_label(TREE_MARK).is_none());

    edit_on_disk(dir.path());
    let mut harness = crate::app_assess::assess(dir.path(), "Public Security Bureau");
    assert!(
        harness.query_by_label(BADGE).is_some(),
        "beside the status on Assess"
    );
    assert_eq!(listed(&harness), 1, "and in the problem list");
    assert!(
        harness.query_by_label(TREE_MARK).is_some(),
        "and beside the department in the tree"
    );
    let banner = format!(
        "The answers in this file are no longer the ones {REVIEWER} approved on 2026-01-18 15:30: it was \
         edited outside the app after approval, so its figures are not the approved ones. Reopen it and \
         approve it again, or restore the approved version from a backup or version control."
    );
    assert!(
        harness.query_by_label(&banner).is_some(),
        "the banner says who, when and what to do"
    );

    harness.get_by_role_and_label(Role::Button, "Department").click();
    harness.run();
    assert!(
        harness.query_by_label(BADGE).is_some(),
        "beside the status on Department"
    );

    harness.state_mut().push(Command::SetLang(Lang::Zh));
    harness.run();
    // The badge beside the status and the mark in the tree.
    assert_eq!(harness.query_all_by_label("⚠ 批准后被修改").count(), 2);
    harness.state_mut().push(Command::SetLang(Lang::En));
    harness.run();

    // Reopened in the app: a Draft, so no badge, and the file says so.
    harness.get_by_role_and_label(Role::Button, "Assess").click();
    harness.run();
    harness.state_mut().push(Command::Transition {
        to: Status::Draft,
        comment: "level edited by hand".into(),
    });
    harness.run();
    crate::app_assess::settle(&mut harness);
    assert_eq!(crate::app_assess::working(&harness).status, Status::Draft);
    assert!(harness.query_by_label(BADGE).is_none());
    assert_eq!(listed(&harness), 0, "nor in the problem list");
    assert!(harness.query_by_label(TREE_MARK).is_none(), "nor in the tree");
    let saved = read(dir.path());
    assert_eq!(saved.status, Status::Draft);
    assert_eq!(
        saved.audit.last().unwrap().answers_sha256,
        Some(answers_digest(&saved.answers))
    );
}
