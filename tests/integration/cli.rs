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
fn validate_speaks_chinese_with_lang_zh() {
    let dir = common::copy_workspace(&common::sample_dir());
    let path = dir.path().to_str().unwrap();
    let bad = dir.path().join("health-commission/2025-12-31.ron");
    let text = fs::read_to_string(&bad).unwrap();
    let half = text
        .char_indices()
        .map(|(i, _)| i)
        .find(|&i| i >= text.len() / 2)
        .unwrap();
    let cut = &text[..half];
    fs::write(&bad, cut).unwrap();

    let zh = run(&["validate", path, "--lang", "zh"]);
    assert_eq!(zh.status.code(), Some(1), "{}", stdout(&zh));
    let out = stdout(&zh);
    let line = out
        .lines()
        .find(|l| l.starts_with("health-commission/2025-12-31.ron:"))
        .expect("the cut file is named");
    assert!(
        line.contains(": 错误：评估文件不完整，内容在中途中断（保存或复制未完成）；请从较早的副本恢复"),
        "{line}"
    );
    assert!(line.ends_with(" [ends-early]"), "{line}");
    for english in ["ends early", "restore it", "error:", "wrong type"] {
        assert!(!out.contains(english), "{english:?} in {out}");
    }
    assert!(
        stderr(&zh).contains("已加载 12 个部门、47 份评估；错误 1 个，警告 0 个"),
        "{}",
        stderr(&zh)
    );
    // The file is left as it was.
    assert_eq!(fs::read_to_string(&bad).unwrap(), cut);

    // English stays the default; the top-level --lang counts too.
    let en = stdout(&run(&["validate", path]));
    assert!(
        en.contains(": error: the assessment file ends early (an incomplete save or copy); restore it from"),
        "{en}"
    );
    let top = stdout(&run(&["--lang", "zh", "validate", path]));
    assert!(top.contains("评估文件不完整"), "{top}");
}

#[test]
fn validate_says_why_a_folder_cannot_be_read_in_chinese() {
    let output = run(&["validate", "/nonexistent/govmaturity-workspace", "--lang", "zh"]);
    assert_eq!(output.status.code(), Some(2));
    let err = stderr(&output);
    assert!(
        err.starts_with("无法读取 /nonexistent/govmaturity-workspace：找不到该文件或文件夹"),
        "{err}"
    );
    assert!(
        err.contains("（系统信息："),
        "the system's words are detail: {err}"
    );
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

// ---- init ------------------------------------------------------------

#[test]
fn init_creates_an_empty_workspace_that_validates_clean() {
    let parent = tempfile::tempdir().unwrap();
    let dir = parent.path().join("new").join("riverside");
    let path = dir.to_str().unwrap();
    let output = run(&["init", path, "--title", "Riverside pilot"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        fs::read_to_string(dir.join("workspace.ron")).unwrap(),
        "(\n    version: 1,\n    title: (\n        en: \"Riverside pilot\",\n        zh: \"\",\n    ),\n    \
         framework: Builtin,\n    departments: [],\n    targets: [],\n    weights: {},\n)\n"
    );
    let validate = run(&["validate", path]);
    assert_eq!(validate.status.code(), Some(0), "{}", stderr(&validate));
    assert!(
        stderr(&validate).contains("0 departments, 0 assessments loaded; 0 errors, 0 warnings"),
        "{}",
        stderr(&validate)
    );
}

#[test]
fn init_in_chinese_titles_the_workspace_in_chinese() {
    let parent = tempfile::tempdir().unwrap();
    let dir = parent.path().join("ws");
    let output = run(&[
        "init",
        dir.to_str().unwrap(),
        "--title",
        "滨江市试点",
        "--lang",
        "zh",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = fs::read_to_string(dir.join("workspace.ron")).unwrap();
    assert!(text.contains("en: \"\",\n        zh: \"滨江市试点\","), "{text}");
}

#[test]
fn init_refuses_a_folder_with_a_workspace_and_leaves_it_byte_for_byte() {
    let dir = common::copy_workspace(&common::sample_dir());
    let before = fs::read(dir.path().join("workspace.ron")).unwrap();
    let output = run(&["init", dir.path().to_str().unwrap(), "--title", "Other"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("exists already"), "{}", stderr(&output));
    assert_eq!(fs::read(dir.path().join("workspace.ron")).unwrap(), before);
    let hidden: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with('.'))
        .collect();
    assert!(hidden.is_empty(), "no temporary file left: {hidden:?}");
}

#[test]
fn init_touches_no_other_file_in_the_folder() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("notes.txt"), "minutes of the kick-off").unwrap();
    fs::create_dir(dir.path().join("finance-bureau")).unwrap();
    fs::write(dir.path().join("finance-bureau/draft.xlsx"), [1u8, 2, 3]).unwrap();
    let output = run(&["init", dir.path().to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let mut names: Vec<String> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    // The hidden save lock (`.govmaturity.lock`) is the program's, not data.
    assert_eq!(
        names,
        [
            ".govmaturity.lock",
            "finance-bureau",
            "notes.txt",
            "workspace.ron"
        ]
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("notes.txt")).unwrap(),
        "minutes of the kick-off"
    );
    assert_eq!(
        fs::read(dir.path().join("finance-bureau/draft.xlsx")).unwrap(),
        [1, 2, 3]
    );
    // Without --title, the workspace is titled after its folder.
    let folder = dir.path().file_name().unwrap().to_string_lossy().into_owned();
    let text = fs::read_to_string(dir.path().join("workspace.ron")).unwrap();
    assert!(text.contains(&format!("en: \"{folder}\"")), "{text}");
}

#[test]
fn a_folder_without_a_workspace_points_to_init() {
    let dir = tempfile::tempdir().unwrap();
    let output = run(&["validate", dir.path().to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    let expected = format!("govmaturity init {}", dir.path().display());
    assert!(stderr(&output).contains(&expected), "{}", stderr(&output));
}

// ---- weights that would overflow ---------------------------------------

/// The sample with `weights: {"design": 1e308, "sharing": 1e308}`.
fn workspace_with_huge_weights() -> tempfile::TempDir {
    let dir = common::copy_workspace(&common::sample_dir());
    let file = dir.path().join("workspace.ron");
    let text = fs::read_to_string(&file).unwrap();
    let huge = text.replace(
        "weights: {},",
        "weights: {\"design\": 1e308, \"sharing\": 1e308},",
    );
    assert_ne!(huge, text, "the sample has an empty weights map");
    fs::write(&file, huge).unwrap();
    dir
}

#[test]
fn weights_that_would_overflow_fail_validation_with_their_place() {
    let dir = workspace_with_huge_weights();
    let output = run(&["validate", dir.path().to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1), "{}", stdout(&output));
    let out = stdout(&output);
    assert!(
        out.contains(
            "error: the weight of \"design\" is 1e308; weights must be greater than 0 and at most 1000"
        ),
        "{out}"
    );
    let line = out
        .lines()
        .find(|l| l.contains("\"sharing\" is 1e308"))
        .expect("the sharing weight is named too");
    assert!(line.starts_with("workspace.ron:"), "{line}");
    let position: Vec<&str> = line.splitn(4, ':').collect();
    assert!(position[1].parse::<usize>().unwrap() > 1, "{line}");
    assert!(position[2].parse::<usize>().unwrap() > 1, "{line}");
}

#[test]
fn weights_that_would_overflow_never_crash_summary_or_report() {
    let dir = workspace_with_huge_weights();
    let path = dir.path().to_str().unwrap();
    for format in ["table", "csv", "json"] {
        let output = run(&["summary", path, "--format", format]);
        assert!(
            !stderr(&output).contains("panicked"),
            "{format}: {}",
            stderr(&output)
        );
        assert_eq!(output.status.code(), Some(1), "{format}: problems were found");
        assert!(stdout(&output).contains("finance-bureau") || stdout(&output).contains("Finance Bureau"));
        assert!(!stdout(&output).contains("NaN"), "{format}: {}", stdout(&output));
    }
    let out = dir.path().join("report.html");
    let output = run(&["report", path, "--out", out.to_str().unwrap()]);
    assert!(!stderr(&output).contains("panicked"), "{}", stderr(&output));
    assert_eq!(output.status.code(), Some(1));
    assert!(fs::read_to_string(&out).unwrap().contains("Finance Bureau"));
}

#[test]
fn a_repeated_target_fails_validation() {
    let dir = common::copy_workspace(&common::sample_dir());
    let file = dir.path().join("workspace.ron");
    let text = fs::read_to_string(&file).unwrap();
    let repeat = "        (\n            department: None,\n            dimension: \"talent\",\n            \
                  indicator: None,\n            level: 4,\n            by: \"2027-06-30\",\n        ),\n";
    let with_repeat = text.replacen("    targets: [\n", &format!("    targets: [\n{repeat}"), 1);
    assert_ne!(with_repeat, text);
    fs::write(&file, with_repeat).unwrap();
    let output = run(&["validate", dir.path().to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1), "{}", stdout(&output));
    assert!(
        stdout(&output).contains(
            "error: a second target for dimension \"talent\" of all departments; only one can apply"
        ),
        "{}",
        stdout(&output)
    );
}

// ---- broken pipes ----------------------------------------------------------

/// Runs the binary with its stdout going into a pipe that is closed at once,
/// as `| head -0` would: writing then fails with a broken pipe.
fn run_into_closed_pipe(args: &[&str]) -> Output {
    let mut child = bin()
        .args(args)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("the binary runs");
    drop(child.stdout.take());
    child.wait_with_output().expect("the binary ends")
}

#[test]
fn output_into_a_closed_pipe_ends_quietly() {
    let sample = common::sample_dir();
    let sample = sample.to_str().unwrap();
    let huge = workspace_with_huge_weights();
    let out = tempfile::tempdir().unwrap();
    let report = out.path().join("r.csv");
    let commands: [&[&str]; 4] = [
        &["summary", sample],
        &["summary", sample, "--format", "json"],
        &["validate", huge.path().to_str().unwrap()],
        &["report", sample, "--out", report.to_str().unwrap()],
    ];
    for args in commands {
        let output = run_into_closed_pipe(args);
        assert!(
            !stderr(&output).contains("panicked"),
            "{args:?}: {}",
            stderr(&output)
        );
        assert_eq!(output.status.code(), Some(0), "{args:?}: {}", stderr(&output));
    }
}

#[test]
fn summary_piped_into_head_exits_quietly_after_the_first_line() {
    // 1,500 departments: far more output than a pipe holds (64 KiB), so the
    // program is still writing when the reader goes away.
    let dir = tempfile::tempdir().unwrap();
    let departments: String = (0..1500)
        .map(|i| {
            format!(
                "(id: \"department-{i:04}\", name: (en: \"Department number {i} of the municipal government\", zh: \"部门{i}\")),"
            )
        })
        .collect();
    fs::write(
        dir.path().join("workspace.ron"),
        format!("(version: 1, title: (en: \"Big\", zh: \"大\"), departments: [{departments}])"),
    )
    .unwrap();
    let mut child = bin()
        .args(["summary", dir.path().to_str().unwrap()])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut reader = std::io::BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    std::io::BufRead::read_line(&mut reader, &mut first).unwrap();
    assert_eq!(first, "Big — no assessments\n");
    drop(reader);
    let output = child.wait_with_output().unwrap();
    assert!(!stderr(&output).contains("panicked"), "{}", stderr(&output));
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
}

/// `generate --sample` writes the shipped sample exactly as the repository
/// holds it in `assessments/` (the packages install the same files): every
/// `.ron` file git tracks there, byte for byte, and nothing else but the
/// save lock's file.
#[test]
fn generate_sample_writes_the_shipped_sample_byte_for_byte() {
    let parent = tempfile::tempdir().unwrap();
    let dir = parent.path().join("示例 sample");
    let output = run(&["generate", dir.to_str().unwrap(), "--sample"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let shipped = common::sample_dir();
    let mut expected = Vec::new();
    let mut written = Vec::new();
    for (root, list) in [(&shipped, &mut expected), (&dir, &mut written)] {
        for entry in fs::read_dir(root).unwrap().flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') {
                continue;
            }
            if entry.path().is_dir() {
                for inner in fs::read_dir(entry.path()).unwrap().flatten() {
                    let inner_name = inner.file_name().to_string_lossy().into_owned();
                    if !inner_name.starts_with('.') {
                        list.push(format!("{name}/{inner_name}"));
                    }
                }
            } else {
                list.push(name);
            }
        }
        list.sort();
    }
    assert_eq!(written, expected);
    assert_eq!(written.len(), 62, "{written:?}");
    for file in &written {
        assert_eq!(
            fs::read(dir.join(file)).unwrap(),
            fs::read(shipped.join(file)).unwrap(),
            "{file}"
        );
    }
    assert!(
        stdout(&output).contains("12 departments and 48 assessments"),
        "{}",
        stdout(&output)
    );
}
