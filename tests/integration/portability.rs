//! What must hold on every desktop the program ships to: folders named in
//! Chinese and with spaces, department ids that Windows can create as
//! folders, `--version`, and unsaved edits journaled in the user's own
//! folder.

use crate::common;

use std::fs;
use std::path::Path;
use std::process::Output;
use std::time::{Duration, Instant};

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use govmaturity::app::editor::Edit;
use govmaturity::app::{Command, GovApp};

fn run(args: &[&std::ffi::OsStr]) -> Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_govmaturity"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Runs the binary with a workspace path and plain arguments, expecting `code`.
fn run_ok(code: i32, dir: &Path, before: &[&str], after: &[&str]) -> Output {
    let mut args: Vec<&std::ffi::OsStr> = before.iter().map(|a| a.as_ref()).collect();
    args.push(dir.as_os_str());
    args.extend(after.iter().map(std::ffi::OsStr::new));
    let output = run(&args);
    assert_eq!(
        output.status.code(),
        Some(code),
        "{args:?}\nstdout: {}\nstderr: {}",
        text(&output.stdout),
        text(&output.stderr)
    );
    output
}

#[test]
fn a_workspace_under_chinese_folder_names_with_spaces_works_end_to_end() {
    let outer = tempfile::tempdir().unwrap();
    let dir = outer.path().join("工作区 2025").join("滨江 市");
    fs::create_dir_all(&dir).unwrap();
    let copy = common::copy_workspace(&common::sample_dir());
    for entry in fs::read_dir(copy.path()).unwrap() {
        let entry = entry.unwrap();
        fs::rename(entry.path(), dir.join(entry.file_name())).unwrap();
    }

    let validated = run_ok(0, &dir, &["validate"], &[]);
    assert!(
        text(&validated.stderr).contains("12 departments, 48 assessments"),
        "{}",
        text(&validated.stderr)
    );

    let summary = run_ok(0, &dir, &["summary"], &["--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&summary.stdout).unwrap();
    assert_eq!(json["departments"].as_array().map(Vec::len), Some(12), "{json}");

    // Reports written into the same kind of folder.
    let html = dir.join("报告 输出").join("全区 报告.html");
    fs::create_dir_all(html.parent().unwrap()).unwrap();
    let html_arg = html.to_str().unwrap();
    run_ok(0, &dir, &["report"], &["--out", html_arg, "--lang", "zh"]);
    let page = fs::read_to_string(&html).unwrap();
    assert!(
        page.starts_with("<!DOCTYPE html>"),
        "{}",
        &page[..page.len().min(80)]
    );
    assert!(
        page.contains("大数据局"),
        "the report names the departments in Chinese"
    );

    let pdf = dir.join("报告 输出").join("全区 报告.pdf");
    run_ok(0, &dir, &["report"], &["--out", pdf.to_str().unwrap()]);
    assert!(fs::read(&pdf).unwrap().starts_with(b"%PDF-"));

    run_ok(
        0,
        &dir,
        &["new-period"],
        &["--period", "2026-06-30", "--user", "王芳"],
    );
    let draft = fs::read_to_string(dir.join("finance-bureau/2026-06-30.ron")).unwrap();
    assert!(
        draft.contains("status: Draft") && draft.contains("王芳"),
        "{draft}"
    );

    // A save through the store: lock, backup, atomic replace.
    run_ok(
        0,
        &dir,
        &["resave"],
        &[
            "--department",
            "finance-bureau",
            "--period",
            "2026-06-30",
            "--comment",
            "已核对 原件",
        ],
    );
    let saved = fs::read_to_string(dir.join("finance-bureau/2026-06-30.ron")).unwrap();
    assert!(saved.contains("已核对 原件"), "{saved}");
    let backups = govmaturity::store::list_backups(&dir, Path::new("finance-bureau/2026-06-30.ron")).unwrap();
    assert_eq!(backups.len(), 1, "{backups:?}");

    // And it all still validates.
    run_ok(0, &dir, &["validate"], &[]);
}

#[test]
fn a_department_id_windows_reserves_fails_validation_with_its_place() {
    let dir = common::copy_workspace(&common::sample_dir());
    let file = dir.path().join("workspace.ron");
    let source = fs::read_to_string(&file).unwrap();
    let edited = source.replacen("id: \"finance-bureau\"", "id: \"con\"", 1);
    assert_ne!(source, edited);
    fs::write(&file, &edited).unwrap();
    // The line and column of the id's value, counted by hand from the edit.
    let (before, _) = edited.split_once("id: \"con\"").unwrap();
    let line = before.lines().count();
    let column = before.len() - before.rfind('\n').unwrap() + "id: ".len();

    let en = run_ok(1, dir.path(), &["validate"], &[]);
    let en = text(&en.stdout);
    let expected = format!(
        "workspace.ron:{line}:{column}: error: the department id \"con\" is not allowed: it is a name Windows \
         reserves for a device (like CON, AUX, NUL, COM1 or LPT1), and the id becomes a folder name that Windows \
         cannot create; choose another id, such as \"con-office\" [bad-id]"
    );
    assert!(en.lines().any(|l| l == expected), "expected {expected}\nin {en}");

    let zh = run_ok(1, dir.path(), &["validate"], &["--lang", "zh"]);
    let zh = text(&zh.stdout);
    assert!(
        zh.contains(&format!(
            "workspace.ron:{line}:{column}: 错误：部门编号“con”不可使用：该名称为 Windows 保留的设备名"
        )),
        "{zh}"
    );
    assert!(zh.contains("Windows 无法创建该文件夹"), "{zh}");
}

#[test]
fn version_names_the_program_and_the_built_in_framework() {
    let output = run(&["--version".as_ref()]);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        text(&output.stdout),
        "govmaturity 0.1.0 (framework digital-government edition 1)\n"
    );
    let short = run(&["-V".as_ref()]);
    assert_eq!(text(&short.stdout), "govmaturity 0.1.0\n");
}

/// The app on `root`, keeping its recovery journals in `journals` (the
/// user's own folder), opened on one department's assessment.
fn assess_with_journals(root: &Path, journals: &Path, department: &str) -> Harness<'static, GovApp> {
    let (root, journals) = (root.to_path_buf(), journals.to_path_buf());
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .with_max_steps(64)
        .with_theme(egui::Theme::Light)
        .build_eframe(move |cc| GovApp::for_tests_with_journals(&cc.egui_ctx, &root, &journals));
    harness.run();
    harness.get_by_label(department).click();
    harness.run();
    harness.get_by_label("Assess").click();
    harness.run();
    crate::app_assess::settle(&mut harness);
    harness
}

fn evidence(harness: &Harness<'static, GovApp>, indicator: &str) -> String {
    let working = crate::app_assess::working(harness);
    working
        .answers
        .get(indicator)
        .map(|a| a.evidence.clone())
        .unwrap_or_default()
}

#[test]
fn unsaved_edits_are_journaled_in_the_users_folder_not_the_workspace() {
    let dir = common::copy_workspace(&common::sample_dir());
    let user = tempfile::tempdir().unwrap();
    let folder = govmaturity::app::session::journal_folder(Some(user.path()), dir.path());
    assert!(folder.starts_with(user.path()));
    let journal = folder.join("education-bureau/2025-12-31.ron");
    {
        let mut harness = assess_with_journals(dir.path(), user.path(), "Education Bureau");
        harness.state_mut().push(Command::Edit(Edit::Evidence {
            indicator: "design.strategy".into(),
            text: "Typed just before the crash".into(),
        }));
        harness.run();
        let started = Instant::now();
        while !journal.exists() && started.elapsed() < Duration::from_secs(10) {
            harness.step();
            std::thread::sleep(Duration::from_millis(10));
        }
        assert!(journal.exists(), "the journal is written while typing");
        // Stopped here: no save.
    }
    assert!(
        !dir.path().join(".recovery").exists(),
        "nothing of the user's unsaved edits is left in the (possibly shared) workspace"
    );

    let mut harness = assess_with_journals(dir.path(), user.path(), "Education Bureau");
    assert!(
        harness
            .query_by_label_contains("Unsaved edits from an earlier session")
            .is_some()
    );
    harness.get_by_label("Restore").click();
    harness.run();
    crate::app_assess::settle(&mut harness);
    assert_eq!(
        evidence(&harness, "design.strategy"),
        "Typed just before the crash"
    );
}

#[test]
fn a_journal_an_older_version_left_in_the_workspace_is_offered_and_moved() {
    let dir = common::copy_workspace(&common::sample_dir());
    let user = tempfile::tempdir().unwrap();
    let legacy = dir.path().join(".recovery/education-bureau/2025-12-31.ron");
    fs::create_dir_all(legacy.parent().unwrap()).unwrap();
    let on_disk = fs::read_to_string(dir.path().join("education-bureau/2025-12-31.ron")).unwrap();
    let marker = "Typed before the upgrade";
    let (head, tail) = on_disk.split_once("evidence: \"").unwrap();
    fs::write(&legacy, format!("{head}evidence: \"{marker} {tail}")).unwrap();

    let mut harness = assess_with_journals(dir.path(), user.path(), "Education Bureau");
    let moved = govmaturity::app::session::journal_folder(Some(user.path()), dir.path())
        .join("education-bureau/2025-12-31.ron");
    assert!(moved.exists(), "moved to the user's folder");
    assert!(
        !dir.path().join(".recovery").exists(),
        "and gone from the workspace"
    );
    assert!(
        harness
            .query_by_label_contains("Unsaved edits from an earlier session")
            .is_some()
    );
    harness.get_by_label("Restore").click();
    harness.run();
    crate::app_assess::settle(&mut harness);
    let working = crate::app_assess::working(&harness);
    assert!(
        working.answers.values().any(|a| a.evidence.starts_with(marker)),
        "the old journal's edit is back"
    );
}
