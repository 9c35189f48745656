//! Hostile folders and text: links out of the workspace, pipes, devices,
//! huge files, control characters. Every command finishes, reads and
//! writes nothing outside the workspace, and says what it refused.

use std::fs;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use crate::common;

/// Runs the binary, killing it (and failing) if it has not finished within
/// a minute: a hang is the bug these tests look for.
fn run(args: &[&str]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_govmaturity"))
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let started = Instant::now();
    loop {
        if child.try_wait().unwrap().is_some() {
            return child.wait_with_output().unwrap();
        }
        if started.elapsed() > Duration::from_secs(60) {
            child.kill().unwrap();
            panic!("`govmaturity {}` hung", args.join(" "));
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn out(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// Every file under `dir`, with its content, for "nothing changed here".
fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(folder) = stack.pop() {
        for entry in fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                files.push((path.display().to_string(), fs::read(&path).unwrap()));
            }
        }
    }
    files.sort();
    files
}

#[cfg(unix)]
#[test]
fn links_out_pipes_and_huge_files_are_refused_and_nothing_outside_is_read_or_written() {
    use std::os::unix::fs::symlink;

    let ws = common::copy_workspace(&common::sample_dir());
    let root = ws.path();
    let outside = tempfile::tempdir().unwrap();
    let secret = "OUTSIDE-SECRET-WORD";
    fs::write(
        outside.path().join("secret.ron"),
        format!("{secret} (version: 1)"),
    )
    .unwrap();
    // A department's folder moved out of the workspace and linked back in.
    fs::rename(root.join("finance-bureau"), outside.path().join("finance-bureau")).unwrap();
    symlink(outside.path().join("finance-bureau"), root.join("finance-bureau")).unwrap();
    // An assessment that is a link to a file outside.
    symlink(
        outside.path().join("secret.ron"),
        root.join("health-commission/2019-12-31.ron"),
    )
    .unwrap();
    // A named pipe and a device where assessments should be.
    let pipe = root.join("civil-affairs/2019-12-31.ron");
    assert!(Command::new("mkfifo").arg(&pipe).status().unwrap().success());
    symlink("/dev/zero", root.join("transport-bureau/2019-12-31.ron")).unwrap();
    // A file over the size limit (sparse: it takes no disk).
    let huge = fs::File::create(root.join("education-bureau/2019-12-31.ron")).unwrap();
    huge.set_len(100 << 20).unwrap();
    drop(huge);
    let outside_before = snapshot(outside.path());
    let dir = root.to_str().unwrap();

    let validate = run(&["validate", dir]);
    let said = out(&validate);
    assert_eq!(validate.status.code(), Some(1), "{said}");
    for expected in [
        "finance-bureau:0:0: error: this is a link to",
        "health-commission/2019-12-31.ron:1:1: error: this is a link to",
        "civil-affairs/2019-12-31.ron:1:1: error: this is a named pipe, not a data file",
        "transport-bureau/2019-12-31.ron:1:1: error: this is a link to /dev/zero, outside the workspace",
        "education-bureau/2019-12-31.ron:1:1: error: the assessment file is 100.0 MB, more than the 64.0 MB",
    ] {
        assert!(said.contains(expected), "{expected}\n{said}");
    }
    assert!(!said.contains(secret), "{said}");
    let zh = out(&run(&["validate", dir, "--lang", "zh"]));
    assert!(zh.contains("链接，不予读取"), "{zh}");
    assert!(zh.contains("命名管道，不是数据文件"), "{zh}");

    // The other readers finish and show nothing from outside.
    let summary = run(&["summary", dir]);
    assert!(!out(&summary).contains(secret));
    let report = root.join("report.html");
    let written = run(&["report", dir, "--out", report.to_str().unwrap()]);
    assert_eq!(
        written.status.code(),
        Some(1),
        "problems found: {}",
        out(&written)
    );
    assert!(!fs::read_to_string(&report).unwrap().contains(secret));

    // A new period writes into every department but the linked one.
    let created = run(&["new-period", dir, "--period", "2026-06-30"]);
    assert!(
        root.join("health-commission/2026-06-30.ron").is_file(),
        "{}",
        out(&created)
    );
    assert_eq!(snapshot(outside.path()), outside_before, "{}", out(&created));
}

#[cfg(unix)]
#[test]
fn a_pipe_named_workspace_ron_does_not_hang_any_command() {
    let dir = tempfile::tempdir().unwrap();
    let pipe = dir.path().join("workspace.ron");
    assert!(Command::new("mkfifo").arg(&pipe).status().unwrap().success());
    let path = dir.path().to_str().unwrap();
    let validate = run(&["validate", path]);
    assert_eq!(validate.status.code(), Some(1), "{}", out(&validate));
    assert!(
        out(&validate).contains("workspace.ron:1:1: error: this is a named pipe"),
        "{}",
        out(&validate)
    );
    // The others finish too, saying that something failed to load.
    for args in [["summary", path], ["plan", path]] {
        let output = run(&args);
        assert!(out(&output).contains("validate"), "{args:?}: {}", out(&output));
    }
}

#[cfg(unix)]
#[test]
fn a_save_into_a_folder_linked_out_of_the_workspace_is_refused() {
    use govmaturity::model::Lang;
    use govmaturity::present::catalogue::problems;
    use govmaturity::store;

    let ws = common::copy_workspace(&common::sample_dir());
    let root = ws.path();
    let loaded = store::load(root).unwrap();
    let outside = tempfile::tempdir().unwrap();
    fs::rename(root.join("finance-bureau"), outside.path().join("finance-bureau")).unwrap();
    std::os::unix::fs::symlink(outside.path().join("finance-bureau"), root.join("finance-bureau")).unwrap();
    let before = snapshot(outside.path());
    let mut assessment = loaded
        .data
        .assessments
        .iter()
        .find(|a| a.department == "finance-bureau")
        .unwrap()
        .clone();
    let relative = store::assessment_path(&assessment.department, assessment.period).unwrap();
    let expected = loaded.fingerprint(&relative).copied();
    assessment.assessor = "someone else".to_owned();
    let error = store::save_assessment(root, &assessment, expected.as_ref()).unwrap_err();
    let said = problems::save_error(&error, Lang::En);
    assert!(said.contains("outside the workspace"), "{said}");
    assert!(problems::save_error(&error, Lang::Zh).contains("工作区以外"));
    assessment.period = chrono::NaiveDate::from_ymd_opt(2030, 6, 30).unwrap();
    assert!(store::create_assessment(root, &assessment).is_err());
    assert_eq!(snapshot(outside.path()), before);
}

#[test]
fn control_characters_from_files_never_reach_the_terminal_or_reports_raw() {
    let ws = common::copy_workspace(&common::sample_dir());
    let root = ws.path();
    // A name that would set the terminal's title and erase the line, and an
    // unknown indicator key that would forge a second `validate` line.
    let workspace = fs::read_to_string(root.join("workspace.ron")).unwrap();
    let workspace = workspace.replacen(
        "en: \"Finance Bureau\"",
        "en: \"Finance\\u{1b}]0;pwned\\u{7}\\u{1b}[2K Bureau\"",
        1,
    );
    fs::write(root.join("workspace.ron"), workspace).unwrap();
    let file = root.join("finance-bureau/2025-12-31.ron");
    let assessment = fs::read_to_string(&file).unwrap().replacen(
        "answers: {",
        "answers: {\n        \"x\\r\\u{1b}[2K\\nworkspace.ron:1:1: error: forged\": (rating: Level(3)),",
        1,
    );
    fs::write(&file, assessment).unwrap();
    let dir = root.to_str().unwrap();

    let validate = run(&["validate", dir]);
    let said = out(&validate);
    assert!(!said.contains('\u{1b}') && !said.contains('\r'), "{said:?}");
    let forged: Vec<&str> = said.lines().filter(|l| l.contains("forged")).collect();
    assert_eq!(forged.len(), 1, "{said}");
    assert!(forged[0].starts_with("finance-bureau/2025-12-31.ron:"), "{said}");
    assert!(
        forged[0].contains("x\\u{d}\\u{1b}[2K\\u{a}workspace.ron:1:1"),
        "{said}"
    );

    for args in [
        vec!["summary", dir],
        vec!["summary", dir, "--format", "csv"],
        vec!["summary", dir, "--format", "json"],
        vec!["plan", dir],
    ] {
        let said = out(&run(&args));
        assert!(
            !said.contains('\u{1b}') && !said.contains('\u{7}'),
            "{args:?}: {said:?}"
        );
    }
    let table = out(&run(&["summary", dir]));
    assert!(table.contains("Finance\\u{1b}]0;pwned\\u{7}"), "{table}");

    let html = root.join("out.html");
    run(&["report", dir, "--out", html.to_str().unwrap()]);
    let page = fs::read_to_string(&html).unwrap();
    assert!(!page.contains('\u{1b}'));
    assert!(page.contains("Finance\\u{1b}]0;pwned"));
    let csv = root.join("out.csv");
    run(&["report", dir, "--out", csv.to_str().unwrap()]);
    for entry in fs::read_dir(root).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "csv") {
            assert!(
                !fs::read_to_string(&path).unwrap().contains('\u{1b}'),
                "{}",
                path.display()
            );
        }
    }
}

#[test]
fn a_report_never_overwrites_the_workspace_own_files() {
    let ws = common::copy_workspace(&common::sample_dir());
    let root = ws.path();
    fs::create_dir(root.join(".backups")).unwrap();
    let before = snapshot(root);
    let dir = root.to_str().unwrap();
    let mut refused = vec![
        root.join("workspace.ron"),
        root.join("finance-bureau/2025-12-31.ron"),
        root.join("finance-bureau/../plan.ron"),
        root.join("finance-bureau/2030-12-31.ron"),
        root.join(".backups/report.html"),
    ];
    #[cfg(unix)]
    {
        let elsewhere = tempfile::tempdir().unwrap();
        let link = elsewhere.path().join("report.ron");
        std::os::unix::fs::symlink(root.join("workspace.ron"), &link).unwrap();
        refused.push(link);
        // Kept until the end of the test.
        Box::leak(Box::new(elsewhere));
    }
    for path in &refused {
        let output = run(&["report", dir, "--format", "html", "--out", path.to_str().unwrap()]);
        assert_eq!(output.status.code(), Some(2), "{}", path.display());
        assert!(
            out(&output).contains("data file of the workspace"),
            "{}",
            out(&output)
        );
    }
    let zh = run(&[
        "report",
        dir,
        "--lang",
        "zh",
        "--format",
        "html",
        "--out",
        refused[0].to_str().unwrap(),
    ]);
    assert!(out(&zh).contains("工作区"), "{}", out(&zh));
    assert_eq!(snapshot(root), before, "nothing in the workspace changed");
    // A report beside the data is fine.
    let beside = root.join("report.html");
    let output = run(&["report", dir, "--out", beside.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{}", out(&output));
}

#[test]
fn texts_over_their_limit_are_refused_with_the_place_and_the_numbers() {
    let ws = common::copy_workspace(&common::sample_dir());
    let root = ws.path();
    let file = root.join("finance-bureau/2025-12-31.ron");
    let original = fs::read_to_string(&file).unwrap();
    let dir = root.to_str().unwrap();

    // The first evidence replaced by `evidence`.
    let with_evidence = |evidence: &str| {
        let start = original.find("evidence: \"").unwrap() + "evidence: \"".len();
        let end = start + original[start..].find("\",\n").unwrap();
        format!("{}{evidence}{}", &original[..start], &original[end..])
    };
    // At the limit, in Chinese (three bytes a character): fine.
    fs::write(&file, with_evidence(&"\u{8bc1}".repeat(20_000))).unwrap();
    let validate = run(&["validate", dir]);
    assert_eq!(validate.status.code(), Some(0), "{}", out(&validate));

    let over = "x".repeat(20_001);
    let text = with_evidence(&over);
    // Said at the answer's key.
    let line = text[..text.find("\"design.evaluation\": (").unwrap()]
        .matches('\n')
        .count()
        + 1;
    fs::write(&file, text).unwrap();
    let validate = run(&["validate", dir]);
    let said = out(&validate);
    assert_eq!(validate.status.code(), Some(1), "{said}");
    assert!(
        said.contains(&format!(
            "finance-bureau/2025-12-31.ron:{line}:9: error: the evidence of indicator design.evaluation is \
             20,001 characters long; at most 20,000 are allowed"
        )),
        "{said}"
    );
    let zh = out(&run(&["validate", dir, "--lang", "zh"]));
    assert!(
        zh.contains("指标 design.evaluation 的佐证材料共 20,001 字，超过上限 20,000 字"),
        "{zh}"
    );

    // Too long a name for the audit log is refused up front.
    let long_name = "n".repeat(201);
    let refused = run(&["new-period", dir, "--period", "2026-06-30", "--user", &long_name]);
    assert_eq!(refused.status.code(), Some(2), "{}", out(&refused));
    assert!(!root.join("health-commission/2026-06-30.ron").exists());
}

#[test]
fn copies_of_data_files_are_named_not_skipped_in_silence() {
    let ws = common::copy_workspace(&common::sample_dir());
    let root = ws.path();
    fs::copy(
        root.join("finance-bureau/2025-12-31.ron"),
        root.join("finance-bureau/2025-06-30.ron.bak"),
    )
    .unwrap();
    fs::copy(root.join("workspace.ron"), root.join("workspace.ron~")).unwrap();
    let validate = run(&["validate", root.to_str().unwrap()]);
    let said = out(&validate);
    assert_eq!(validate.status.code(), Some(0), "warnings only: {said}");
    for file in ["finance-bureau/2025-06-30.ron.bak", "workspace.ron~"] {
        assert!(
            said.contains(&format!(
                "{file}:1:1: warning: this looks like a copy of a data file"
            )),
            "{said}"
        );
    }
}

#[test]
fn workspace_and_plan_texts_over_their_limit_are_named_and_no_action_is_lost() {
    let ws = common::copy_workspace(&common::sample_dir());
    let root = ws.path();
    let dir = root.to_str().unwrap();

    // The workspace's Chinese title at 201 characters: an error at the
    // title, and the workspace still loads (nothing else is reported).
    let file = root.join("workspace.ron");
    let original = fs::read_to_string(&file).unwrap();
    let title = "滨江市人民政府数字政府成熟度评估";
    fs::write(&file, original.replacen(title, &"标".repeat(201), 1)).unwrap();
    let validate = run(&["validate", dir]);
    let said = out(&validate);
    assert_eq!(validate.status.code(), Some(1), "{said}");
    assert!(
        said.contains(
            "workspace.ron:3:5: error: the workspace's title is 201 characters long; at most 200 are \
             allowed. Shorten it in a text editor, then reload"
        ),
        "{said}"
    );
    let zh = out(&run(&["validate", dir, "--lang", "zh"]));
    assert!(
        zh.contains("工作区标题共 201 字，超过上限 200 字；请在文本编辑器中精简"),
        "{zh}"
    );
    // At the limit: fine.
    fs::write(&file, original.replacen(title, &"标".repeat(200), 1)).unwrap();
    assert_eq!(run(&["validate", dir]).status.code(), Some(0));
    fs::write(&file, &original).unwrap();

    // An action whose description is over 5,000 characters is left out
    // and its plan is read only, so it is never saved back without it.
    let plan = root.join("plan.ron");
    let text = fs::read_to_string(&plan).unwrap();
    let description =
        "Data analysts are recruited centrally for the city and seconded to departments as needed.";
    let long = "d".repeat(5_001);
    fs::write(&plan, text.replacen(description, &long, 1)).unwrap();
    let validate = run(&["validate", dir]);
    let said = out(&validate);
    assert_eq!(validate.status.code(), Some(1), "{said}");
    assert!(
        said.contains(
            "plan.ron:10:13: error: the description of action gov-analyst-pool is 5,001 characters long; \
             at most 5,000 are allowed, so this action is not loaded and its plan is read only"
        ),
        "{said}"
    );
    let zh = out(&run(&["validate", dir, "--lang", "zh"]));
    assert!(
        zh.contains(
            "措施 gov-analyst-pool 的说明共 5,001 字，超过上限 5,000 字，该措施未予加载，所在计划暂为只读"
        ),
        "{zh}"
    );
    let loaded = govmaturity::store::load(root).unwrap();
    assert!(loaded.data.actions.iter().all(|a| a.id != "gov-analyst-pool"));
    assert!(loaded.is_read_only(std::path::Path::new("plan.ron")));
}

#[test]
fn the_app_never_saves_a_copy_over_a_file_the_store_owns() {
    use govmaturity::app::Command;
    use govmaturity::app::state::DialogPurpose;

    let ws = common::copy_workspace(&common::sample_dir());
    let root = ws.path();
    let before = snapshot(root);
    let mut harness = crate::app_assess::assess(root, "Finance Bureau");
    let other = root.join("health-commission/2025-12-31.ron");
    harness.state_mut().push(Command::PathTyped {
        purpose: DialogPurpose::SaveAs,
        path: other.clone(),
    });
    harness.run();
    crate::app_assess::settle(&mut harness);
    let notice = harness
        .state()
        .state
        .notice
        .clone()
        .map(|n| n.text)
        .unwrap_or_default();
    assert!(
        notice.starts_with(&format!("will not save the copy as {}", other.display())),
        "{notice}"
    );
    assert_eq!(snapshot(root), before, "nothing in the workspace changed");

    // Outside the workspace: saved.
    let outside = tempfile::tempdir().unwrap();
    let copy = outside.path().join("copy.ron");
    harness.state_mut().push(Command::PathTyped {
        purpose: DialogPurpose::SaveAs,
        path: copy.clone(),
    });
    harness.run();
    crate::app_assess::wait_for(&mut harness, "the copy", |_| copy.exists());
}
