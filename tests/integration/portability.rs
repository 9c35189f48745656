//! What must hold on every desktop the program ships to: folders named in
//! Chinese and with spaces, department ids that Windows can create as
//! folders, and `--version`.

use crate::common;

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

fn run(args: &[&std::ffi::OsStr]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_govmaturity"))
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
    args.extend(after.iter().map(|a| std::ffi::OsStr::new(a)));
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
