//! The HTML report: it holds every department with the same figures as
//! `govmaturity summary --format json`, escapes hostile names so the
//! document stays well formed and runs nothing, makes no external requests,
//! and the CLI writes it even when some files failed to load (exit 1).

use crate::common;

use std::fs;
use std::path::Path;
use std::process::Command;

use chrono::NaiveDate;
use govmaturity::model::{Lang, Rating};
use govmaturity::report::{self, Format, ReportOptions};
use govmaturity::store;
use serde_json::Value;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_govmaturity"))
}

fn options(lang: Lang, department: Option<&str>) -> ReportOptions {
    ReportOptions {
        format: Format::Html,
        period: None,
        department: department.map(str::to_owned),
        lang,
        generated: NaiveDate::from_ymd_opt(2026, 2, 1).unwrap(),
    }
}

fn render(dir: &Path, options: &ReportOptions) -> String {
    let loaded = store::load(dir).unwrap();
    String::from_utf8(report::render(&loaded, options).unwrap()).unwrap()
}

/// The part of the document from a department's section to the next section.
fn section<'a>(html: &'a str, id: &str) -> &'a str {
    let start = html
        .find(&format!("id=\"dept-{id}\""))
        .unwrap_or_else(|| panic!("no section for {id}"));
    let rest = &html[start..];
    let end = rest.find("<section").unwrap_or(rest.len());
    &rest[..end]
}

/// Escapes like the report does, to look for names in the document.
fn escaped(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

#[test]
fn every_department_with_the_summary_figures() {
    let output = bin()
        .args([
            "summary",
            common::sample_dir().to_str().unwrap(),
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert!(output.status.success());
    let summary: Value = serde_json::from_slice(&output.stdout).unwrap();
    let html = render(&common::sample_dir(), &options(Lang::En, None));
    assert!(html.contains(&format!(
        "<p class=\"workspace\"><bdi>{}</bdi>",
        escaped(summary["workspace"].as_str().unwrap())
    )));
    let period = summary["period"].as_str().unwrap();
    assert!(html.contains(period));

    let departments = summary["departments"].as_array().unwrap();
    assert_eq!(departments.len(), 12);
    for department in departments {
        let id = department["id"].as_str().unwrap();
        let name = department["name"].as_str().unwrap();
        let part = section(&html, id);
        assert!(
            part.contains(&format!("<h2><bdi>{}</bdi></h2>", escaped(name))),
            "{id}"
        );
        let overall = department["overall"].as_f64().unwrap();
        assert!(
            part.contains(&format!(">{overall:.2}</span>")),
            "{id} overall {overall:.2}"
        );
        let stage = department["stage"].as_str().unwrap();
        assert!(part.contains(&escaped(stage)), "{id} stage {stage}");
        let coverage = department["coverage"].as_f64().unwrap();
        assert!(
            part.contains(&format!("{:.0}%", coverage * 100.0)),
            "{id} coverage"
        );
        for dimension in department["dimensions"].as_array().unwrap() {
            let score = dimension["score"].as_f64().unwrap();
            assert!(
                part.contains(&format!(">{score:.2}</span>")),
                "{id} {}: {score:.2}",
                dimension["id"]
            );
            let floor = dimension["floor"].as_u64().unwrap();
            assert!(part.contains(&format!(">{floor}</span>")), "{id} floor {floor}");
        }
        // The ranking table lists the department with the same overall figure.
        let ranking = &html[html.find("id=\"ranking\"").unwrap()..html.find("id=\"priorities\"").unwrap()];
        let row_start = ranking.find(&format!("<bdi>{}</bdi>", escaped(name))).unwrap();
        let row = &ranking[row_start..row_start + ranking[row_start..].find("</tr>").unwrap()];
        assert!(row.contains(&format!(">{overall:.2}</span>")), "{id} ranking row");
        // And the heatmap holds every dimension score of that department.
        for dimension in department["dimensions"].as_array().unwrap() {
            let score = dimension["score"].as_f64().unwrap();
            assert!(html.contains(&format!(">{score:.2}</text>")));
        }
    }
}

#[test]
fn self_contained_and_printable() {
    let html = render(&common::sample_dir(), &options(Lang::En, None));
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    assert!(!html.to_ascii_lowercase().contains("<script"));
    assert!(!html.contains("src=\""), "no external resources");
    assert!(!html.contains("<link"), "no linked stylesheet");
    assert!(!html.contains("url("), "no fetched fonts or images");
    assert!(!html.contains("href=\"http"), "links are text, not requests");
    assert!(html.contains("@page { size: A4"));
    assert!(html.contains("break-before: page"));
    for heading in [
        "Executive summary",
        "Heatmap",
        "Ranking",
        "Top priorities",
        "Progress since the previous period",
        "Methodology",
        "rubric",
        "Data problems",
        "Approval",
        "Signature",
    ] {
        assert!(html.contains(heading), "{heading}");
    }
    // Inline SVG charts: heatmap, ranking, stage distribution, history, change, one radar per department.
    assert!(
        html.matches("<svg ").count() >= 5 + 12,
        "{}",
        html.matches("<svg ").count()
    );
    check_well_formed(&html);
}

#[test]
fn chinese_report() {
    let html = render(&common::sample_dir(), &options(Lang::Zh, None));
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"zh-CN\">"));
    for text in [
        "数字政府成熟度评估报告",
        "摘要",
        "热力图",
        "市大数据局",
        "市卫生健康委员会",
        "附录",
        "签字",
    ] {
        assert!(html.contains(text), "{text}");
    }
    check_well_formed(&html);
}

#[test]
fn one_department_only() {
    let html = render(
        &common::sample_dir(),
        &options(Lang::En, Some("health-commission")),
    );
    assert!(html.contains("id=\"dept-health-commission\""));
    assert_eq!(html.matches("class=\"page department\"").count(), 1);
    assert!(!html.contains("Big Data Bureau"), "no other department's data");
    assert!(html.contains("Department Maturity Report"));
    check_well_formed(&html);
}

const HOSTILE: [&str; 5] = [
    "<script>alert(1)</script>",
    "\"quoted\" & 'single'",
    "\u{202e}Finance Bureau reversed",
    "Emoji 🏛️👩‍💼 Bureau",
    "",
];

/// The sample workspace with hostile department names, title and evidence.
fn hostile_workspace() -> tempfile::TempDir {
    let dir = common::copy_workspace(&common::sample_dir());
    let loaded = store::load(dir.path()).unwrap();
    let mut workspace = loaded.data.workspace.clone();
    let long = "Very long name ".repeat(20);
    for (department, name) in workspace.departments.iter_mut().zip(HOSTILE) {
        let name = if name.is_empty() { long.as_str() } else { name };
        department.name.en = name.to_owned();
        department.name.zh = name.to_owned();
    }
    workspace.title.en = "<img src=x onerror=alert(1)> Title".to_owned();
    let fingerprint = loaded.fingerprint(Path::new(store::WORKSPACE_FILE));
    store::save_workspace(dir.path(), &workspace, fingerprint).unwrap();

    let mut assessment = loaded.data.assessments.last().unwrap().clone();
    let answer = assessment.answers.values_mut().next().unwrap();
    answer.rating = Rating::NotApplicable {
        reason: "</td></tr></table><script>x()</script>".to_owned(),
    };
    answer.evidence = "<b>bold</b> & <iframe src=\"http://evil\">".to_owned();
    answer.links = vec!["javascript:alert(1)\"><script>".to_owned()];
    answer.comment = "<!-- comment --> ]]> <![CDATA[".to_owned();
    let relative = store::assessment_path(&assessment.department, assessment.period).unwrap();
    store::save_assessment(dir.path(), &assessment, loaded.fingerprint(&relative)).unwrap();
    dir
}

#[test]
fn hostile_names_are_escaped_and_the_document_stays_well_formed() {
    let dir = hostile_workspace();
    for lang in Lang::ALL {
        let html = render(dir.path(), &options(lang, None));
        let lower = html.to_ascii_lowercase();
        assert!(!lower.contains("<script"), "raw script tag");
        assert!(!lower.contains("<iframe"), "raw iframe");
        assert!(!lower.contains("<img"), "raw img");
        assert!(!lower.contains("<b>bold"), "raw markup from evidence");
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(html.contains("&quot;quoted&quot; &amp; &#39;single&#39;"));
        assert!(html.contains("👩‍💼"));
        let long = escaped(&"Very long name ".repeat(20));
        assert!(html.contains(long.trim()), "the long name in full somewhere");
        if lang == Lang::En {
            assert!(html.contains("&lt;img src=x onerror=alert(1)&gt; Title"));
            assert!(html.contains("&lt;b&gt;bold&lt;/b&gt; &amp; &lt;iframe"));
        }
        assert_rtl_isolated(&html);
        check_well_formed(&html);
    }
    // One department's report of a hostile name, too.
    let loaded = store::load(dir.path()).unwrap();
    let first = loaded.data.workspace.departments[0].id.clone();
    let html = render(dir.path(), &options(Lang::En, Some(&first)));
    assert!(!html.to_ascii_lowercase().contains("<script"));
    check_well_formed(&html);
}

/// Every right-to-left override sits inside `<bdi>` or a Unicode isolate,
/// so it cannot reorder the text around it.
fn assert_rtl_isolated(html: &str) {
    let mut count = 0;
    for (at, _) in html.match_indices('\u{202e}') {
        count += 1;
        let before = &html[..at];
        let opener = [before.rfind("<bdi>"), before.rfind('\u{2068}')]
            .into_iter()
            .flatten()
            .max();
        let closer = [before.rfind("</bdi>"), before.rfind('\u{2069}')]
            .into_iter()
            .flatten()
            .max();
        assert!(
            opener > closer,
            "U+202E at byte {at} is not isolated: …{}",
            &before[before.len().saturating_sub(60)..]
        );
    }
    assert!(count > 0, "the RTL name appears");
}

/// Elements that have no closing tag in HTML.
const VOID: [&str; 6] = ["meta", "br", "hr", "img", "link", "input"];

/// A small tag-balance checker: every `<` starts a tag, comment or doctype;
/// every element is closed in order (void and self-closing ones aside);
/// `<style>` content is skipped; attributes hold no raw `<` or `>`.
fn check_well_formed(html: &str) {
    let mut stack: Vec<String> = Vec::new();
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        let text = &rest[..open];
        assert!(
            !text.contains('>'),
            "stray '>' in text: …{}",
            &text[text.len().saturating_sub(80)..]
        );
        rest = &rest[open..];
        if rest.starts_with("<!DOCTYPE") {
            rest = &rest[rest.find('>').unwrap() + 1..];
            continue;
        }
        assert!(!rest.starts_with("<!--"), "no comments are written");
        let close = rest
            .find('>')
            .unwrap_or_else(|| panic!("unclosed tag: {}", &rest[..rest.len().min(80)]));
        let tag = &rest[1..close];
        assert!(!tag.contains('<'), "'<' inside a tag: {tag}");
        rest = &rest[close + 1..];
        if let Some(name) = tag.strip_prefix('/') {
            let name = name.trim().to_ascii_lowercase();
            let top = stack.pop().unwrap_or_else(|| panic!("</{name}> closes nothing"));
            assert_eq!(top, name, "</{name}> closes <{top}>");
            continue;
        }
        let name: String = tag
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        assert!(!name.is_empty(), "'<' that starts no tag: <{tag}>");
        assert!(
            name.chars().next().unwrap().is_ascii_alphabetic(),
            "bad tag <{tag}>"
        );
        check_attributes(tag);
        if tag.ends_with('/') || VOID.contains(&name.as_str()) {
            continue;
        }
        if name == "style" {
            let end = rest.find("</style>").expect("</style>");
            assert!(!rest[..end].contains('<'), "markup inside <style>");
            rest = &rest[end + "</style>".len()..];
            continue;
        }
        stack.push(name);
    }
    assert!(!rest.contains('>'), "stray '>' at the end");
    assert!(stack.is_empty(), "unclosed elements: {stack:?}");
}

/// Attribute values are double-quoted, so a tag holds an even number of `"`.
fn check_attributes(tag: &str) {
    assert!(
        tag.matches('"').count().is_multiple_of(2),
        "unbalanced quotes in <{tag}>"
    );
}

#[test]
fn cli_writes_the_report_and_exits_1_when_files_failed_to_load() {
    let dir = common::copy_workspace(&common::sample_dir());
    fs::write(
        dir.path().join("finance-bureau").join("2025-12-31.ron"),
        "version: 1, (garbage",
    )
    .unwrap();
    let out = dir.path().join("report.html");
    let output = bin()
        .args([
            "report",
            dir.path().to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
            "--lang",
            "zh",
        ])
        .output()
        .unwrap();
    assert_eq!(
        output.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let html = fs::read_to_string(&out).unwrap();
    let appendix = &html[html.find("id=\"appendix\"").unwrap()..];
    assert!(
        appendix.contains("2025-12-31.ron"),
        "the problem is listed in the appendix"
    );
    assert!(appendix.contains("错误"));
    check_well_formed(&html);
}

#[test]
fn cli_exit_codes_for_a_clean_report() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("r.html");
    let run = |args: &[&str]| bin().args(args).output().unwrap();
    let sample = common::sample_dir();
    let sample = sample.to_str().unwrap();
    let ok = run(&[
        "report",
        sample,
        "--format",
        "html",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(
        ok.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    assert!(fs::read_to_string(&out).unwrap().contains("</html>"));

    let unknown = run(&[
        "report",
        sample,
        "--out",
        dir.path().join("u.html").to_str().unwrap(),
        "--department",
        "../etc",
    ]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("no department \"../etc\""));
    assert!(!dir.path().join("u.html").exists());
    assert_eq!(
        fs::read_dir(dir.path()).unwrap().count(),
        1,
        "only r.html, no temporary file"
    );
}
