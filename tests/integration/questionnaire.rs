//! Questionnaires out and back in: a questionnaire filled by a script (its
//! sheet XML edited inside the zip, as a person's spreadsheet program
//! would save it) imports as exactly what was filled; every bad cell is a
//! problem at its cell and nothing is written; a dry run writes nothing;
//! an Approved assessment is refused, or keeps the answers as a response.

use std::io::{Cursor, Read, Write};
use std::path::Path;
use std::process::{Command, Output};

use chrono::NaiveDate;
use govmaturity::model::{Answer, Confidence, Level, Rating, Role, Status};
use govmaturity::store;

use crate::common::{copy_workspace, sample_dir};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_govmaturity"))
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// A value typed into a cell.
#[derive(Clone, Copy)]
pub enum Typed<'a> {
    Number(f64),
    Text(&'a str),
    Empty,
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The workbook with the cells of the sheet part `part` (e.g.
/// `xl/worksheets/sheet2.xml`) replaced by what is typed: each `<c r="F4"
/// …/>` or `<c r="F4" …>…</c>` becomes an inline string or a number, with
/// its style kept. Every other part is copied as it is.
pub fn fill(xlsx: &[u8], part: &str, cells: &[(&str, Typed<'_>)]) -> Vec<u8> {
    let mut zip = zip::ZipArchive::new(Cursor::new(xlsx)).unwrap();
    let mut out = Cursor::new(Vec::new());
    let mut writer = zip::ZipWriter::new(&mut out);
    let options = zip::write::SimpleFileOptions::default();
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).unwrap();
        let name = entry.name().unwrap().into_owned();
        let mut text = Vec::new();
        entry.read_to_end(&mut text).unwrap();
        if name == part {
            let mut xml = String::from_utf8(text).unwrap();
            for (cell, typed) in cells {
                xml = replace_cell(&xml, cell, *typed);
            }
            text = xml.into_bytes();
        }
        writer.start_file(name, options).unwrap();
        writer.write_all(&text).unwrap();
    }
    writer.finish().unwrap();
    out.into_inner()
}

fn replace_cell(xml: &str, cell: &str, typed: Typed<'_>) -> String {
    let open = format!("<c r=\"{cell}\"");
    let start = xml.find(&open).unwrap_or_else(|| panic!("no cell {cell}"));
    let head_end = start + xml[start..].find('>').unwrap();
    let self_closing = xml.as_bytes()[head_end - 1] == b'/';
    let end = if self_closing {
        head_end + 1
    } else {
        start + xml[start..].find("</c>").unwrap() + 4
    };
    let head = &xml[start..head_end];
    let style = head
        .split_whitespace()
        .find(|a| a.starts_with("s=\""))
        .map(|a| format!(" {}", a.trim_end_matches('/')))
        .unwrap_or_default();
    let new = match typed {
        Typed::Number(n) => format!("<c r=\"{cell}\"{style}><v>{n}</v></c>"),
        Typed::Text(t) => format!(
            "<c r=\"{cell}\"{style} t=\"inlineStr\"><is><t xml:space=\"preserve\">{}</t></is></c>",
            escape(t)
        ),
        Typed::Empty => format!("<c r=\"{cell}\"{style}/>"),
    };
    format!("{}{new}{}", &xml[..start], &xml[end..])
}

/// The answers sheet's part in a questionnaire (cover, answers, identity).
const ANSWERS: &str = "xl/worksheets/sheet2.xml";
const IDENTITY: &str = "xl/worksheets/sheet3.xml";
const COVER: &str = "xl/worksheets/sheet1.xml";

/// A questionnaire from the CLI.
fn questionnaire(dir: &Path, department: &str, period: &str, lang: &str, out: &Path) -> Vec<u8> {
    let output = run(&[
        "questionnaire",
        dir.to_str().unwrap(),
        "--department",
        department,
        "--period",
        period,
        "--lang",
        lang,
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    std::fs::read(out).unwrap()
}

fn import(dir: &Path, files: &[&Path], extra: &[&str]) -> Output {
    let mut args = vec!["import".to_owned(), dir.display().to_string()];
    args.extend(files.iter().map(|f| f.display().to_string()));
    args.extend(extra.iter().map(|s| (*s).to_owned()));
    bin().args(&args).output().unwrap()
}

fn level(n: u8) -> Rating {
    Rating::Level(Level::new(n).unwrap())
}

/// Rows of the built-in framework's first indicators on the answers sheet:
/// title (1), header (2), the first dimension's heading (3), then its
/// indicators from row 4.
const STRATEGY: u32 = 4; // design.strategy
const STANDARDS: u32 = 5; // design.standards
const INVESTMENT: u32 = 6; // design.investment
const LEGAL: u32 = 7; // design.legal

fn cells(row: u32) -> [String; 5] {
    ["F", "G", "H", "I", "J"].map(|c| format!("{c}{row}"))
}

#[test]
fn a_filled_questionnaire_imports_as_exactly_what_was_filled() {
    let ws = copy_workspace(&sample_dir());
    let dir = ws.path();
    let out = tempfile::tempdir().unwrap();
    let file = out.path().join("finance.xlsx");
    // A period without an assessment: the import makes a new Draft.
    let blank = questionnaire(dir, "finance-bureau", "2026-06-30", "en", &file);
    let [f4, g4, h4, i4, _] = cells(STRATEGY);
    let [f5, g5, _, i5, _] = cells(STANDARDS);
    let [f6, _, _, _, j6] = cells(INVESTMENT);
    let [f7, g7, ..] = cells(LEGAL);
    let filled = fill(
        &blank,
        ANSWERS,
        &[
            (&f4, Typed::Number(4.0)),
            (
                &g4,
                Typed::Text("Strategy approved.\nKPIs tracked & <published>."),
            ),
            (
                &h4,
                Typed::Text("https://example.gov/a\r\n\n  https://example.gov/b  "),
            ),
            (&i4, Typed::Text("High")),
            (&f5, Typed::Text("2")),
            (&g5, Typed::Text("=SUM(A1)")),
            (&i5, Typed::Text("低")),
            (&f6, Typed::Text("N/A")),
            (&j6, Typed::Text("No investment budget of its own")),
            (&f7, Typed::Text("不适用")),
            (&g7, Typed::Empty),
        ],
    );
    // N/A without a reason in row 7 first: fixed below.
    std::fs::write(&file, &filled).unwrap();
    let output = import(dir, &[&file], &["--as", "Wang Fang"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("finance.xlsx:Answers!J7: the level is N/A but no reason is given"),
        "{}",
        stderr(&output)
    );
    assert!(
        !dir.join("finance-bureau/2026-06-30.ron").exists(),
        "nothing written"
    );

    let filled = fill(
        &filled,
        ANSWERS,
        &[(&cells(LEGAL)[4], Typed::Text("Handled by the city"))],
    );
    std::fs::write(&file, &filled).unwrap();
    let output = import(dir, &[&file], &["--as", "Wang Fang"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        stdout(&output).contains("design.strategy  level: – → 4"),
        "{}",
        stdout(&output)
    );

    let loaded = store::load(dir).unwrap();
    let period = NaiveDate::from_ymd_opt(2026, 6, 30).unwrap();
    let a = loaded.data.find("finance-bureau", period).unwrap();
    assert_eq!(a.status, Status::Draft);
    let expected = [
        (
            "design.strategy",
            Answer {
                rating: level(4),
                evidence: "Strategy approved.\nKPIs tracked & <published>.".into(),
                links: vec!["https://example.gov/a".into(), "https://example.gov/b".into()],
                confidence: Some(Confidence::High),
                ..Answer::default()
            },
        ),
        (
            "design.standards",
            Answer {
                rating: level(2),
                evidence: "=SUM(A1)".into(),
                confidence: Some(Confidence::Low),
                ..Answer::default()
            },
        ),
        (
            "design.investment",
            Answer {
                rating: Rating::NotApplicable {
                    reason: "No investment budget of its own".into(),
                },
                ..Answer::default()
            },
        ),
        (
            "design.legal",
            Answer {
                rating: Rating::NotApplicable {
                    reason: "Handled by the city".into(),
                },
                ..Answer::default()
            },
        ),
    ];
    let want: govmaturity::model::Answers = expected.into_iter().collect();
    assert_eq!(a.answers, want);
    // Audited: the creation, one entry per changed field, then the import.
    let whats: Vec<(&str, Option<&str>)> = a
        .audit
        .iter()
        .map(|e| (e.what.as_str(), e.indicator.as_deref()))
        .collect();
    assert_eq!(whats.first(), Some(&("created", None)));
    assert_eq!(whats.last(), Some(&("imported", None)));
    let imported = a.audit.last().unwrap();
    assert_eq!(
        (imported.who.as_str(), imported.to.as_str()),
        ("Wang Fang", "finance.xlsx")
    );
    assert!(whats.contains(&("level", Some("design.strategy"))));
    assert!(whats.contains(&("links", Some("design.strategy"))));
    assert_eq!(a.assessor, "Wang Fang");
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);

    // The same file again: nothing changes, and the file is not rewritten.
    let before = std::fs::read(dir.join("finance-bureau/2026-06-30.ron")).unwrap();
    let again = questionnaire(dir, "finance-bureau", "2026-06-30", "zh", &file);
    let output = import(dir, &[&file], &["--as", "Wang Fang", "--lang", "zh"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stdout(&output).contains("无变化"), "{}", stdout(&output));
    let after = std::fs::read_to_string(dir.join("finance-bureau/2026-06-30.ron")).unwrap();
    assert_eq!(after.matches("what: \"imported\"").count(), 2);
    assert!(after.len() > before.len());
    // The Chinese questionnaire pre-filled "不适用" and "低", read back as such.
    assert!(!again.is_empty());
}

#[test]
fn every_bad_cell_is_a_problem_at_its_cell_and_nothing_is_written() {
    let ws = copy_workspace(&sample_dir());
    let dir = ws.path();
    let out = tempfile::tempdir().unwrap();
    let file = out.path().join("finance.xlsx");
    let sent = questionnaire(dir, "finance-bureau", "2026-06-30", "en", &file);
    let [f4, ..] = cells(STRATEGY);
    let [f5, _, _, i5, j5] = cells(STANDARDS);
    let [f6, g6, ..] = cells(INVESTMENT);
    let [f7, ..] = cells(LEGAL);
    let long = "x".repeat(20_001);
    let filled = fill(
        &sent,
        ANSWERS,
        &[
            (&f4, Typed::Number(7.0)),
            (&f5, Typed::Text("abc")),
            (&i5, Typed::Text("sure")),
            (&j5, Typed::Text("reason without N/A")),
            (&f6, Typed::Number(3.0)),
            (&g6, Typed::Text(&long)),
            (&f7, Typed::Text("N/A")),
        ],
    );
    std::fs::write(&file, &filled).unwrap();
    let output = import(dir, &[&file], &["--as", "Wang Fang"]);
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    for expected in [
        "finance.xlsx:Answers!F4: level 7 is not 1–5; choose 1 to 5 from the list, or N/A",
        "finance.xlsx:Answers!F5: “abc” is not a level",
        "finance.xlsx:Answers!I5: “sure” is not a confidence",
        "finance.xlsx:Answers!J5: a reason for N/A is given but the level is not N/A",
        "finance.xlsx:Answers!G6: the evidence has 20001 characters, more than the 20000 allowed",
        "finance.xlsx:Answers!J7: the level is N/A but no reason is given",
        "finance.xlsx: 6 problems; nothing imported from this file",
    ] {
        assert!(err.contains(expected), "{expected}\n{err}");
    }
    assert!(!dir.join("finance-bureau/2026-06-30.ron").exists());

    // In Chinese, the same place and what to do.
    let output = import(dir, &[&file], &["--as", "Wang Fang", "--lang", "zh"]);
    assert!(
        stderr(&output).contains("finance.xlsx:Answers!F4：等级7不在1–5之间；请从列表中选择1至5或“不适用”"),
        "{}",
        stderr(&output)
    );

    // Answers typed below the last indicator are no indicator's.
    let last_row = 2 + 6 + 28; // title, header, six dimension headings, 28 indicators
    let stray = format!("G{}", last_row + 3);
    let with_stray = {
        let mut xml = read_part(&sent, ANSWERS);
        let row = format!(
            "<row r=\"{}\"><c r=\"{stray}\" t=\"inlineStr\"><is><t>lost</t></is></c></row></sheetData>",
            last_row + 3
        );
        xml = xml.replacen("</sheetData>", &row, 1);
        replace_part(&sent, ANSWERS, &xml)
    };
    std::fs::write(&file, &with_stray).unwrap();
    let output = import(dir, &[&file], &["--as", "Wang Fang"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains(&format!(
            "finance.xlsx:Answers!{stray}: this row is no indicator's"
        )),
        "{}",
        stderr(&output)
    );

    // The identity edited: the checksum no longer matches.
    let tampered = fill(&sent, IDENTITY, &[("B5", Typed::Text("2025-06-30"))]);
    std::fs::write(&file, &tampered).unwrap();
    let output = import(dir, &[&file], &["--as", "Wang Fang"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("finance.xlsx:govmaturity!B11: the identity's checksum does not match"),
        "{}",
        stderr(&output)
    );

    // No identity sheet at all (a copy in a new workbook).
    let foreign = replace_part(&sent, IDENTITY, "<worksheet><sheetData/></worksheet>");
    std::fs::write(&file, &foreign).unwrap();
    let output = import(dir, &[&file], &["--as", "Wang Fang"]);
    assert!(stderr(&output).contains("finance.xlsx: no identity of a govmaturity questionnaire"));

    // Not a workbook.
    std::fs::write(&file, b"just text").unwrap();
    let output = import(dir, &[&file], &["--as", "Wang Fang"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("finance.xlsx: not a readable .xlsx workbook"));

    // No name: neither --as nor the cover's.
    std::fs::write(&file, &sent).unwrap();
    let output = import(dir, &[&file], &[]);
    assert!(stderr(&output).contains("finance.xlsx:Cover!B7: no name of who filled it in"));
    // The cover's name is used when there is one.
    let named = fill(&sent, COVER, &[("B7", Typed::Text("Zhao Lei"))]);
    std::fs::write(&file, &named).unwrap();
    let output = import(dir, &[&file], &[]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = std::fs::read_to_string(dir.join("finance-bureau/2026-06-30.ron")).unwrap();
    assert!(text.contains("who: \"Zhao Lei\""), "{text}");
}

#[test]
fn a_questionnaire_for_another_workspace_is_refused() {
    // A workspace of generated departments, none of which the sample has.
    let other = tempfile::tempdir().unwrap();
    let framework = store::builtin_framework().unwrap();
    let (workspace, _) = govmaturity::generate::synthetic(
        &framework,
        govmaturity::generate::SyntheticOptions {
            departments: 2,
            periods: 1,
            seed: 5,
            last_period: NaiveDate::from_ymd_opt(2025, 12, 31).unwrap(),
        },
    );
    store::save_workspace(other.path(), &workspace, None).unwrap();
    let id = workspace.departments[0].id.clone();
    assert!(!sample_dir().join(&id).exists());
    let out = tempfile::tempdir().unwrap();
    let file = out.path().join("other.xlsx");
    questionnaire(other.path(), &id, "2026-06-30", "en", &file);
    let ws = copy_workspace(&sample_dir());
    let output = import(ws.path(), &[&file], &["--as", "Wang Fang"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains(&format!(
            "other.xlsx:govmaturity!B4: this workspace has no department “{id}”"
        )),
        "{}",
        stderr(&output)
    );
}

#[test]
fn a_dry_run_writes_nothing() {
    let ws = copy_workspace(&sample_dir());
    let dir = ws.path();
    let out = tempfile::tempdir().unwrap();
    let file = out.path().join("finance.xlsx");
    let sent = questionnaire(dir, "finance-bureau", "2026-06-30", "en", &file);
    std::fs::write(
        &file,
        fill(&sent, ANSWERS, &[(&cells(STRATEGY)[0], Typed::Number(5.0))]),
    )
    .unwrap();
    let output = import(dir, &[&file], &["--as", "Wang Fang", "--dry-run"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stdout(&output).contains("design.strategy  level: – → 5"));
    assert!(stdout(&output).contains("finance.xlsx: dry run: nothing written"));
    assert!(!dir.join("finance-bureau/2026-06-30.ron").exists());
    assert!(!dir.join(".backups").exists());
}

#[test]
fn an_approved_assessment_is_refused_or_gets_a_response() {
    let ws = copy_workspace(&sample_dir());
    let dir = ws.path();
    let target = dir.join("finance-bureau/2025-12-31.ron");
    let before = std::fs::read(&target).unwrap();
    let out = tempfile::tempdir().unwrap();
    let file = out.path().join("finance.xlsx");
    // Pre-filled from the approved assessment; the department scores one indicator lower.
    let sent = questionnaire(dir, "finance-bureau", "2025-12-31", "en", &file);
    std::fs::write(
        &file,
        fill(&sent, ANSWERS, &[(&cells(STRATEGY)[0], Typed::Number(2.0))]),
    )
    .unwrap();
    let output = import(dir, &[&file], &["--as", "Wang Fang"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("finance.xlsx: the assessment is Approved, so its answers are not overwritten; return or reopen it first"),
        "{}",
        stderr(&output)
    );
    assert_eq!(std::fs::read(&target).unwrap(), before, "nothing written");

    let output = import(
        dir,
        &[&file],
        &["--as", "Wang Fang", "--as-response", "--role", "reviewer"],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let loaded = store::load(dir).unwrap();
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let period = NaiveDate::from_ymd_opt(2025, 12, 31).unwrap();
    let a = loaded.data.find("finance-bureau", period).unwrap();
    assert_eq!(a.status, Status::Approved);
    assert_eq!(
        a.changed_after_approval(),
        None,
        "the agreed answers are as approved"
    );
    assert_eq!(a.level("design.strategy").map(Level::get), Some(4));
    // Ma Lin's own answers are kept as her response beside Wang Fang's.
    let [own, response] = a.responses.as_slice() else {
        panic!("{:?}", a.responses)
    };
    assert_eq!(own.assessor, "Ma Lin 马琳");
    assert_eq!(own.answers, a.answers);
    assert_eq!(response.assessor, "Wang Fang");
    assert_eq!(response.role, Role::Reviewer);
    assert_eq!(response.source, "finance.xlsx");
    assert_eq!(
        response.answers.get("design.strategy").map(|x| &x.rating),
        Some(&level(2))
    );
    // Every other answer as pre-filled: the agreed one.
    let rating =
        |answers: &govmaturity::model::Answers| answers.get("design.legal").map(|x| x.rating.clone());
    assert_eq!(rating(&response.answers), rating(&a.answers));
    let last = a.audit.last().unwrap();
    assert_eq!((last.what.as_str(), last.to.as_str()), ("response", "Wang Fang"));
}

#[test]
fn a_file_converted_by_libreoffice_imports() {
    // Made by scripts/check-questionnaire.sh: the English questionnaire of
    // finance-bureau for 2026-06-30, filled (design.strategy 4 with
    // evidence on two lines and two links, High; design.standards "3",
    // Medium; design.investment N/A with a reason), then converted by
    // `soffice --headless --convert-to xlsx`.
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/questionnaire-libreoffice.xlsx");
    let ws = copy_workspace(&sample_dir());
    let dir = ws.path();
    let output = import(dir, &[&fixture], &["--as", "Wang Fang"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let loaded = store::load(dir).unwrap();
    let a = loaded
        .data
        .find("finance-bureau", NaiveDate::from_ymd_opt(2026, 6, 30).unwrap())
        .unwrap();
    let strategy = a.answers.get("design.strategy").unwrap();
    assert_eq!(strategy.rating, level(4));
    assert_eq!(
        strategy.evidence,
        "Strategy approved in 2026.\nKPIs reviewed every quarter."
    );
    assert_eq!(
        strategy.links,
        ["https://example.gov/strategy", "https://example.gov/kpi"]
    );
    assert_eq!(strategy.confidence, Some(Confidence::High));
    let standards = a.answers.get("design.standards").unwrap();
    assert_eq!(standards.rating, level(3));
    assert_eq!(standards.confidence, Some(Confidence::Medium));
    assert_eq!(
        a.answers.get("design.investment").unwrap().rating,
        Rating::NotApplicable {
            reason: "No budget of its own".into()
        }
    );
    assert_eq!(a.answers.len(), 3);
}

fn read_part(xlsx: &[u8], part: &str) -> String {
    let mut zip = zip::ZipArchive::new(Cursor::new(xlsx)).unwrap();
    let mut text = String::new();
    zip.by_name(part).unwrap().read_to_string(&mut text).unwrap();
    text
}

fn replace_part(xlsx: &[u8], part: &str, text: &str) -> Vec<u8> {
    let mut zip = zip::ZipArchive::new(Cursor::new(xlsx)).unwrap();
    let mut out = Cursor::new(Vec::new());
    let mut writer = zip::ZipWriter::new(&mut out);
    let options = zip::write::SimpleFileOptions::default();
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).unwrap();
        let name = entry.name().unwrap().into_owned();
        let mut bytes = Vec::new();
        entry.read_to_end(&mut bytes).unwrap();
        if name == part {
            bytes = text.as_bytes().to_vec();
        }
        writer.start_file(name, options).unwrap();
        writer.write_all(&bytes).unwrap();
    }
    writer.finish().unwrap();
    out.into_inner()
}

#[test]
fn questionnaires_for_every_department_and_never_over_a_data_file() {
    let ws = copy_workspace(&sample_dir());
    let dir = ws.path();
    let out = tempfile::tempdir().unwrap();
    let folder = out.path().join("sent");
    let output = run(&[
        "questionnaire",
        dir.to_str().unwrap(),
        "--all",
        "--period",
        "2026-06-30",
        "--out",
        folder.to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stdout(&output).contains("wrote 12 questionnaires into"),
        "{}",
        stdout(&output)
    );
    let mut names: Vec<String> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names.len(), 12);
    assert_eq!(names[0], "big-data-bureau.xlsx");

    // --out naming one of the workspace's own files is refused before anything is written.
    let data_file = dir.join("finance-bureau/2025-12-31.ron");
    let before = std::fs::read(&data_file).unwrap();
    let output = run(&[
        "questionnaire",
        dir.to_str().unwrap(),
        "--department",
        "finance-bureau",
        "--period",
        "2025-12-31",
        "--out",
        data_file.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(std::fs::read(&data_file).unwrap(), before);
    // Neither --department nor --all, and an unknown department: usage errors.
    let output = run(&[
        "questionnaire",
        dir.to_str().unwrap(),
        "--period",
        "2025-12-31",
        "--out",
        "x.xlsx",
    ]);
    assert_eq!(output.status.code(), Some(2));
    let output = run(&[
        "questionnaire",
        dir.to_str().unwrap(),
        "--department",
        "nowhere",
        "--period",
        "2025-12-31",
        "--out",
        out.path().join("x.xlsx").to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("no department “nowhere”"),
        "{}",
        stderr(&output)
    );
}
