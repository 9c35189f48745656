//! The brief: at most four A4 pages whatever the size of the workspace, in
//! the order of a government briefing, its figures those of the full
//! report, and its Chinese written as an office writes.

use chrono::NaiveDate;
use govmaturity::analysis::Basis;
use govmaturity::model::{Lang, ReportSettings, Text};
use govmaturity::present::document::{Block, Document};
use govmaturity::report::{self, Format, ReportKind, ReportOptions, ReportStyle};
use govmaturity::store::{self, LoadedWorkspace};

use crate::common;

fn options(format: Format, lang: Lang, style: ReportStyle) -> ReportOptions {
    ReportOptions {
        kind: ReportKind::Brief,
        style,
        split: false,
        format,
        period: None,
        department: None,
        basis: Basis::Latest,
        lang,
        generated: NaiveDate::from_ymd_opt(2026, 1, 15).unwrap(),
    }
}

fn sample() -> LoadedWorkspace {
    store::load(&common::sample_dir()).unwrap()
}

fn brief(loaded: &LoadedWorkspace, options: &ReportOptions) -> Document {
    let content = govmaturity::present::report::build(loaded, options);
    govmaturity::present::build::document(&content)
}

/// The pages of a PDF: the `/Count` of its page tree (krilla writes one
/// flat page tree, uncompressed: `<</Type/Pages/Count 4/Kids[…]>>`).
fn pdf_pages(bytes: &[u8]) -> usize {
    let needle = b"/Type/Pages/Count ";
    let at = bytes
        .windows(needle.len())
        .position(|w| w == needle)
        .expect("a page tree");
    bytes[at + needle.len()..]
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .fold(0, |n, b| n * 10 + usize::from(b - b'0'))
}

fn headings(document: &Document) -> Vec<(u8, String)> {
    document
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Heading { level, text, .. } => Some((*level, text.clone())),
            _ => None,
        })
        .collect()
}

fn all_text(document: &Document) -> String {
    let mut out = String::new();
    for block in &document.blocks {
        match block {
            Block::Heading { text, .. } => out.push_str(text),
            Block::Paragraph(p) => out.push_str(&p.text),
            Block::List(items) => out.push_str(&items.join("\n")),
            Block::KeyFigures(figures) => {
                for f in figures {
                    out.push_str(&format!("{} {} {}\n", f.label, f.value, f.note));
                }
            }
            Block::Table(t) => {
                for row in &t.rows {
                    for cell in row {
                        out.push_str(&cell.text);
                        out.push('\t');
                    }
                    out.push('\n');
                }
            }
            Block::SignOff(s) => {
                for (role, name) in &s.rows {
                    out.push_str(&format!("{role} {name}\n"));
                }
                out.push_str(&s.date);
            }
            _ => {}
        }
        out.push('\n');
    }
    out
}

#[test]
fn the_brief_reads_as_a_government_briefing_in_chinese() {
    let loaded = sample();
    let document = brief(&loaded, &options(Format::Pdf, Lang::Zh, ReportStyle::Plain));
    assert_eq!(document.kind, ReportKind::Brief);
    assert!(
        !document
            .blocks
            .iter()
            .any(|b| matches!(b, Block::Contents { .. }))
    );
    assert!(!document.blocks.iter().any(|b| matches!(b, Block::PageBreak)));
    let sections: Vec<String> = headings(&document)
        .into_iter()
        .filter(|(level, _)| *level == 2)
        .map(|(_, text)| text)
        .collect();
    assert_eq!(
        sections,
        [
            "一、总体情况",
            "二、存在的主要问题",
            "三、目标完成情况",
            "四、改进措施"
        ]
    );
    let text = all_text(&document);
    // The as-of line in Chinese dates, the sample's stage counts as a sentence.
    assert!(text.contains("截至2025年12月31日"), "{text}");
    assert!(
        text.contains("已评估的12个部门中，处于第1阶段“起步”的1个、第2阶段“萌芽”的9个、第3阶段“成长”的2个。"),
        "{text}"
    );
    assert!(text.contains("在已设定的73项目标中，"), "{text}");
    assert!(text.contains("编制"), "{text}");
    assert!(text.contains("签发"), "{text}");
    assert!(text.contains("2026年1月15日"), "the date of issue: {text}");
    // No internal ids or dimension codes in the prose.
    for id in ["finance-bureau", "D1", "D6", "`"] {
        assert!(!text.contains(id), "{id} in {text}");
    }
    // No half-width punctuation between Chinese characters.
    for bad in ["，,", "。.", ":（"] {
        assert!(!text.contains(bad), "{bad} in {text}");
    }
}

#[test]
fn the_brief_in_english_has_the_same_structure() {
    let loaded = sample();
    let document = brief(&loaded, &options(Format::Pdf, Lang::En, ReportStyle::Plain));
    let sections: Vec<String> = headings(&document)
        .into_iter()
        .filter(|(level, _)| *level == 2)
        .map(|(_, text)| text)
        .collect();
    assert_eq!(
        sections,
        [
            "1. Overall picture",
            "2. Main problems",
            "3. Targets",
            "4. Measures"
        ]
    );
    let text = all_text(&document);
    assert!(
        text.contains("as of 31 December 2025") || text.contains("as of 2025-12-31"),
        "{text}"
    );
    assert!(text.contains("Prepared by"), "{text}");
    assert!(!text.contains("finance-bureau"), "{text}");
}

#[test]
fn the_sample_brief_is_at_most_four_pages_in_every_style_and_language() {
    let loaded = sample();
    for lang in [Lang::En, Lang::Zh] {
        for style in [ReportStyle::Plain, ReportStyle::Official] {
            let bytes = report::render(&loaded, &options(Format::Pdf, lang, style)).unwrap();
            let pages = pdf_pages(&bytes);
            assert!((1..=4).contains(&pages), "{lang:?} {style:?}: {pages} pages");
        }
    }
}

#[test]
fn a_department_brief_speaks_of_that_department_only() {
    let loaded = sample();
    let mut options = options(Format::Pdf, Lang::Zh, ReportStyle::Plain);
    options.department = Some("finance-bureau".to_owned());
    let document = brief(&loaded, &options);
    let text = all_text(&document);
    assert!(text.contains("财政局"), "{text}");
    // No list of departments needing attention, no stage distribution.
    assert!(!text.contains("需要重点关注的部门"), "{text}");
    assert!(!text.contains("各阶段部门分布"), "{text}");
}

#[test]
fn the_official_brief_has_a_masthead_and_a_sign_off_from_the_settings() {
    let dir = common::copy_workspace(&common::sample_dir());
    // Set the report settings as the settings window does.
    let before = store::load(dir.path()).unwrap();
    let mut workspace = before.data.workspace.clone();
    workspace.report = ReportSettings {
        issuing_office: Text::new(
            "Riverside Digital Government Office",
            "滨江市数字政府建设领导小组办公室",
        ),
        document_number: "滨数政办〔2026〕3号".to_owned(),
        prepared_by: "王晓明".to_owned(),
        reviewed_by: String::new(),
        approved_by: "李建国".to_owned(),
    };
    let expected = before.fingerprint(std::path::Path::new("workspace.ron"));
    store::save_workspace(dir.path(), &workspace, expected).unwrap();
    let loaded = store::load(dir.path()).unwrap();
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let document = brief(&loaded, &options(Format::Pdf, Lang::Zh, ReportStyle::Official));
    let masthead = document.masthead.expect("an official brief has a masthead");
    assert_eq!(masthead.office, "滨江市数字政府建设领导小组办公室");
    assert_eq!(masthead.number, "滨数政办〔2026〕3号");
    assert!(loaded.data.workspace.report.prepared_by == "王晓明");
    let sign_off = document
        .blocks
        .iter()
        .find_map(|b| match b {
            Block::SignOff(s) => Some(s.clone()),
            _ => None,
        })
        .expect("a sign-off block");
    assert_eq!(
        sign_off.rows,
        [
            ("编制".to_owned(), "王晓明".to_owned()),
            ("审核".to_owned(), String::new()),
            ("签发".to_owned(), "李建国".to_owned()),
        ]
    );
    // The plain style has none.
    let plain = brief(&loaded, &options(Format::Pdf, Lang::Zh, ReportStyle::Plain));
    assert!(plain.masthead.is_none());
}

#[test]
fn a_thousand_department_brief_is_still_at_most_four_pages() {
    let dir = tempfile::tempdir().unwrap();
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_govmaturity"))
        .args([
            "generate",
            "--departments",
            "1000",
            "--periods",
            "2",
            "--seed",
            "7",
        ])
        .arg(dir.path().join("ws"))
        .output()
        .unwrap();
    assert!(status.status.success(), "{status:?}");
    let loaded = store::load(&dir.path().join("ws")).unwrap();
    for lang in [Lang::En, Lang::Zh] {
        for style in [ReportStyle::Plain, ReportStyle::Official] {
            let bytes = report::render(&loaded, &options(Format::Pdf, lang, style)).unwrap();
            let pages = pdf_pages(&bytes);
            assert!((1..=4).contains(&pages), "{lang:?} {style:?}: {pages} pages");
        }
    }
    let document = brief(&loaded, &options(Format::Pdf, Lang::Zh, ReportStyle::Plain));
    let text = all_text(&document);
    assert!(
        text.contains("已评估的1000个部门中") || text.contains("个部门中"),
        "{text}"
    );
    // Every table is capped.
    for block in &document.blocks {
        if let Block::Table(t) = block {
            assert!(t.rows.len() <= 8, "{} has {} rows", t.id, t.rows.len());
        }
    }
}

fn cli(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_govmaturity"))
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn the_command_line_writes_a_brief_and_splits_a_full_report() {
    let dir = tempfile::tempdir().unwrap();
    let sample = common::sample_dir();
    let sample = sample.to_str().unwrap();
    let out = dir.path().join("brief.html");
    let done = cli(&[
        "report",
        sample,
        "--kind",
        "brief",
        "--lang",
        "zh",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(done.status.code() == Some(0), "{done:?}");
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(html.contains("一、总体情况"), "a brief");
    assert!(!html.contains("class=\"toc\""), "without a table of contents");

    let full = dir.path().join("full.html");
    let split = dir.path().join("departments");
    let done = cli(&[
        "report",
        sample,
        "--out",
        full.to_str().unwrap(),
        "--split",
        split.to_str().unwrap(),
    ]);
    assert!(done.status.code() == Some(0), "{done:?}");
    let stdout = String::from_utf8_lossy(&done.stdout);
    assert!(stdout.contains("wrote 12 department reports into"), "{stdout}");
    let mut files: Vec<String> = std::fs::read_dir(&split)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    assert_eq!(files.len(), 12);
    assert!(files.contains(&"finance-bureau.html".to_owned()), "{files:?}");
    let one = std::fs::read_to_string(split.join("finance-bureau.html")).unwrap();
    assert!(one.contains("Finance Bureau"));
}

#[test]
fn the_command_line_refuses_kinds_that_do_not_fit() {
    let dir = tempfile::tempdir().unwrap();
    let sample = common::sample_dir();
    let sample = sample.to_str().unwrap();
    let out = dir.path().join("r.pdf");
    let out = out.to_str().unwrap();
    let done = cli(&["report", sample, "--kind", "department", "--out", out]);
    assert_eq!(done.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&done.stderr);
    assert!(
        stderr.contains("--kind department needs --department ID"),
        "{stderr}"
    );
    let done = cli(&[
        "report", sample, "--kind", "brief", "--split", "x", "--out", out, "--lang", "zh",
    ]);
    assert_eq!(done.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&done.stderr);
    assert!(stderr.contains("--split 只用于全面报告"), "{stderr}");
    assert!(!dir.path().join("r.pdf").exists(), "nothing written");
}
