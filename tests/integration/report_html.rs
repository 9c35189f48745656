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
        kind: Default::default(),
        style: Default::default(),
        split: false,
        format: Format::Html,
        period: None,
        department: department.map(str::to_owned),
        basis: govmaturity::analysis::Basis::Latest,
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
        .find(&format!("id=\"department-{id}\""))
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
        "<p><bdi>{}</bdi></p>",
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
            part.contains(&format!("\"><bdi>{}</bdi></h2>", escaped(name))),
            "{id}"
        );
        let overall = department["overall"].as_f64().unwrap();
        assert!(
            part.contains(&format!("<dt>Overall level</dt><dd>{overall:.2}")),
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
    // Inline SVG charts: heatmap, ranking, stage distribution, history, one
    // radar per department; each a figure with its text equivalent.
    assert_eq!(html.matches("<svg ").count(), 4 + 12);
    assert_eq!(
        html.matches("<figure><svg xmlns=\"http://www.w3.org/2000/svg\" ")
            .count(),
        4 + 12
    );
    assert_eq!(html.matches(" role=\"img\" aria-label=\"").count(), 4 + 12);
    assert!(html.contains("role=\"img\" aria-label=\"\u{2068}Departments by mean level. "));
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
    assert!(html.contains("<h2 id=\"department-health-commission\">"));
    assert_eq!(html.matches("<h2 id=\"department-").count(), 1);
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

// ---- What a figure counts (issue 8 §2) ----

fn basis_options(lang: Lang, basis: govmaturity::analysis::Basis) -> ReportOptions {
    ReportOptions {
        kind: Default::default(),
        style: Default::default(),
        split: false,
        basis,
        ..options(lang, None)
    }
}

/// The ranking table's row of a department: from its name, a link to its
/// section, to the row's end.
fn ranking_row<'a>(html: &'a str, name: &str) -> &'a str {
    let ranking = &html[html.find("<table data-table=\"ranking\">").unwrap()..];
    let start = ranking
        .find("<td class=\"name\"><a href=\"#department-")
        .and_then(|first| {
            let from = &ranking[first..];
            from.find(&format!("\"><bdi>{name}</bdi>")).map(|at| first + at)
        })
        .unwrap_or_else(|| panic!("{name} is not in the ranking"));
    let row = &ranking[start..];
    &row[..row.find("</tr>").unwrap()]
}

#[test]
fn latest_basis_marks_every_unapproved_figure_provisional() {
    use govmaturity::analysis::Basis;
    let sample = common::sample_dir();
    let en = render(&sample, &basis_options(Lang::En, Basis::Latest));
    // The cover says what the figures count.
    assert!(en.contains(
        "<dt>Basis</dt><dd>Figures count each department&#39;s latest assessment, approved or not; \
         unapproved figures are marked provisional.</dd>\
         <dt></dt><dd>As of 2025-12-31, all 12 departments assessed: 7 approved, 5 provisional.</dd>\
         <dt></dt><dd>12 assessed at this period, 0 carried over from earlier.</dd>"
    ));
    // Health Commission's 2025-12-31 is Submitted: a dashed chip and the word.
    let health = ranking_row(&en, "Health Commission");
    assert!(
        health.contains("<span class=\"flag\">provisional</span>"),
        "{health}"
    );
    assert!(health.contains("<span class=\"chip prov\""), "{health}");
    assert!(health.contains(">2.81</span>"), "{health}");
    // Big Data Bureau's is Approved: no mark.
    let big_data = ranking_row(&en, "Big Data Bureau");
    assert!(!big_data.contains("prov"), "{big_data}");
    let section_health = section(&en, "health-commission");
    assert!(section_health.contains("<dt>Overall level</dt><dd>2.81 (provisional)</dd>"));
    assert!(section_health.contains("<p class=\"warning\">provisional</p>"));
    // Five provisional rows: their seven heatmap cells (six dimensions and
    // the mean level) and their ranking bar dashed.
    let dashed = en
        .matches("stroke-width=\"1.5\" stroke-dasharray=\"4 3\"")
        .count();
    assert_eq!(dashed, 5 * 7 + 5);
    assert!(en.contains("Dashed outline: provisional figure (the assessment is not yet approved)."));
    // The heatmap lists the five by name.
    assert!(en.contains("<p class=\"note\"><bdi>Civil Affairs Bureau</bdi>: provisional</p>"));

    let zh = render(&sample, &basis_options(Lang::Zh, Basis::Latest));
    assert!(zh.contains(
        "<dd>按各部门最近一次评估计算（含未批准的评估），未批准的结果标为暂定。</dd>\
         <dt></dt><dd>截至2025年12月31日，12个部门均有评估计入统计，其中已批准7个、暂定5个。</dd>\
         <dt></dt><dd>从评估时间看，本期完成评估12个，沿用往期评估结果0个。</dd>"
    ));
    let health = ranking_row(&zh, "市卫生健康委员会");
    assert!(health.contains("<span class=\"flag\">暂定</span>"), "{health}");
    assert!(zh.contains("<p class=\"note\"><bdi>市民政局</bdi>：暂定</p>"));
    assert!(zh.contains("虚线框：暂定结果（评估尚未批准）。"));
}

#[test]
fn approved_basis_marks_nothing_provisional_and_names_what_is_not_counted() {
    use govmaturity::analysis::Basis;
    let sample = common::sample_dir();
    let en = render(&sample, &basis_options(Lang::En, Basis::Approved));
    assert!(!en.contains("class=\"chip prov\""));
    assert!(!en.contains("class=\"flag prov\""));
    assert!(!en.contains("stroke-dasharray=\"4 3\""));
    assert!(en.contains(
        "<dt>Basis</dt><dd>Figures count approved assessments only.</dd>\
         <dt></dt><dd>As of 2025-12-31, all 12 departments have a counted assessment, all of them approved.</dd>\
         <dt></dt><dd>7 assessed at this period, 5 carried over from earlier.</dd>\
         <dt></dt><dd>5 departments have newer work not yet approved, not counted.</dd>"
    ));
    // Health Commission is shown by its approved 2025-06-30, and says why.
    let health = section(&en, "health-commission");
    assert!(
        health.contains("<dt>Assessed on</dt><dd>2025-06-30</dd>"),
        "{health}"
    );
    assert!(health.contains(
        "<p class=\"warning\">carried over from 2025-06-30; \
         newer assessment not yet approved, not counted (Submitted, 2025-12-31)</p>"
    ));
    let zh = render(&sample, &basis_options(Lang::Zh, Basis::Approved));
    assert!(zh.contains(
        "<dd>仅计已批准的评估。</dd>\
         <dt></dt><dd>截至2025年12月31日，12个部门均有评估计入统计，且均为已批准的评估。</dd>\
         <dt></dt><dd>从评估时间看，本期完成评估7个，沿用往期评估结果5个。</dd>\
         <dt></dt><dd>有5个部门的较新评估尚未批准，暂未计入统计。</dd>"
    ));
    assert!(zh.contains(
        "<p class=\"note\"><bdi>市卫生健康委员会</bdi>：沿用2025年6月30日的评估；较新的评估尚未批准，未计入（已提交，2025年12月31日）</p>"
    ));

    // A department with nothing but a draft has no figure, and says so.
    let dir = crate::report_fixtures::only_a_draft();
    let en = render(dir.path(), &basis_options(Lang::En, Basis::Approved));
    assert!(en.contains(
        "<dd>As of 2025-12-31, 11 of 12 departments have a counted assessment, all of them approved.</dd>"
    ));
    let civil = section(&en, "civil-affairs");
    assert!(civil.contains("No assessment on or before this period."));
    assert!(civil.contains("newer assessment not yet approved, not counted (Draft, 2025-12-31)"));
    let zh = render(dir.path(), &basis_options(Lang::Zh, Basis::Approved));
    assert!(section(&zh, "civil-affairs").contains("较新的评估尚未批准，未计入（草稿，2025年12月31日）"));
}

#[test]
fn an_unreadable_newest_file_is_flagged_never_shown_as_current() {
    use govmaturity::analysis::Basis;
    let dir = crate::report_fixtures::damaged_newest();
    let en = render(dir.path(), &basis_options(Lang::En, Basis::Latest));
    // On the cover, in the heatmap's list, in the ranking and on its own page.
    assert!(en.contains(
        "<dd>11 assessed at this period, 1 carried over from earlier.</dd>\
         <dt></dt><dd><bdi>Finance Bureau</bdi>: latest assessment could not be read: finance-bureau/2025-12-31.ron</dd>"
    ));
    assert!(en.contains(
        "<p class=\"note\"><bdi>Finance Bureau</bdi>: carried over from 2025-06-30; \
         latest assessment could not be read: finance-bureau/2025-12-31.ron</p>"
    ));
    assert!(ranking_row(&en, "Finance Bureau").contains(
        "<span class=\"flag\">latest assessment could not be read: finance-bureau/2025-12-31.ron</span>"
    ));
    let finance = section(&en, "finance-bureau");
    assert!(finance.contains("<dt>Assessed on</dt><dd>2025-06-30</dd>"));
    assert!(finance.contains(
        "<p class=\"warning\">carried over from 2025-06-30; \
         latest assessment could not be read: finance-bureau/2025-12-31.ron</p>"
    ));

    let zh = render(dir.path(), &basis_options(Lang::Zh, Basis::Latest));
    assert!(zh.contains("<dd><bdi>市财政局</bdi>：最新评估无法读取：finance-bureau/2025-12-31.ron</dd>"));
    assert!(section(&zh, "finance-bureau").contains(
        "<p class=\"warning\">沿用2025年6月30日的评估；最新评估无法读取：finance-bureau/2025-12-31.ron</p>"
    ));
}

#[test]
fn an_older_assessment_is_carried_over_from_its_date() {
    use govmaturity::analysis::Basis;
    let dir = crate::report_fixtures::only_older();
    let en = render(dir.path(), &basis_options(Lang::En, Basis::Latest));
    assert!(en.contains("<dd>11 assessed at this period, 1 carried over from earlier.</dd>"));
    assert!(
        ranking_row(&en, "Transport Bureau")
            .contains("<span class=\"flag\">carried over from 2025-06-30</span>")
    );
    let zh = render(dir.path(), &basis_options(Lang::Zh, Basis::Latest));
    assert!(zh.contains("<dd>从评估时间看，本期完成评估11个，沿用往期评估结果1个。</dd>"));
    let transport = section(&zh, "transport-bureau");
    assert!(
        transport.contains("<dt>评估日期</dt><dd>2025年6月30日</dd>"),
        "{transport}"
    );
    assert!(transport.contains("<p class=\"warning\">沿用2025年6月30日的评估</p>"));
}

#[test]
fn the_overall_target_is_the_weighted_mean_and_on_target_means_every_dimension() {
    use govmaturity::analysis::Basis;
    let html = render(&common::sample_dir(), &basis_options(Lang::En, Basis::Latest));
    // Six dimensions of weight 1 with targets 4, 4, 4, 3, 4, 4: 23 / 6 = 3.83.
    let finance = section(&html, "finance-bureau");
    assert!(
        finance.contains("<dt>Overall target</dt><dd>3.83</dd>"),
        "{finance}"
    );
    assert!(finance.contains("<dt>On target</dt><dd>No: all 6 dimensions with a target are below it</dd>"));
    // Big Data Bureau's own sharing target is 5: (4 + 5 + 4 + 3 + 4 + 4) / 6 = 4.00.
    // Its sharing is 4.40 < 5, so it is not on target though design is at 4.
    let big_data = section(&html, "big-data-bureau");
    assert!(
        big_data.contains(
            "<dt>Overall target</dt><dd>4.00</dd><dt>On target</dt><dd>No: 2 of 6 dimensions below target</dd>"
        ),
        "{big_data}"
    );
    let zh = render(&common::sample_dir(), &basis_options(Lang::Zh, Basis::Latest));
    assert!(
        section(&zh, "finance-bureau").contains("<dt>是否达标</dt><dd>否：设定目标的6个维度均未达目标</dd>")
    );
}

#[test]
fn the_biggest_gains_are_this_periods_and_say_when_they_are_provisional() {
    let latest = render(&common::sample_dir(), &options(Lang::En, None));
    assert!(latest.contains(
        "Since their previous assessments, the 12 departments assessed at this period that can be compared \
         changed by +0.15 on average. The biggest gains: <bdi>Transport Bureau</bdi> (+0.34, provisional), \
         <bdi>Big Data Bureau</bdi> (+0.24) and <bdi>Emergency Management Bureau</bdi> (+0.24)."
    ));
    let zh = render(&common::sample_dir(), &options(Lang::Zh, None));
    assert!(zh.contains("其中，<bdi>市交通运输局</bdi>（+0.34，暂定）"));
    // On the approved basis the five carried-over departments' changes (from
    // an earlier interval) are left out of "this period's" movers.
    let mut approved = options(Lang::En, None);
    approved.basis = govmaturity::analysis::Basis::Approved;
    let html = render(&common::sample_dir(), &approved);
    assert!(html.contains(
        "the 7 departments assessed at this period that can be compared changed by +0.16 on average"
    ));
}
