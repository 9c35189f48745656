//! The full report at any size: a body of at most 40 pages at 1,000
//! departments (departments grouped by parent unit, the heatmap and the
//! ranking summarised by group, long lists cut to their first rows), the
//! complete tables and the department pages in the annex; a department's
//! report without whole-government filler; names of any length clipped in
//! headings and kept whole in the text.

use std::path::PathBuf;

use chrono::NaiveDate;
use govmaturity::generate::{self, SyntheticOptions};
use govmaturity::model::{Dataset, Department, DepartmentKind, Lang, Text};
use govmaturity::present::build::{BODY_ROWS, document};
use govmaturity::present::document::{Block, Chart, Document, anchor};
use govmaturity::present::report::{ReportKind, build};
use govmaturity::report::{self, Format, ReportOptions};
use govmaturity::store::{self, LoadedWorkspace};

use crate::common;
use crate::report_pdf::read_pdf;

fn options(format: Format, lang: Lang, department: Option<&str>) -> ReportOptions {
    ReportOptions {
        kind: ReportKind::Full,
        style: Default::default(),
        split: false,
        format,
        period: None,
        department: department.map(str::to_owned),
        basis: govmaturity::analysis::Basis::Latest,
        lang,
        generated: NaiveDate::from_ymd_opt(2026, 1, 15).unwrap(),
    }
}

/// A generated workspace of `departments` over two periods, in memory.
/// With `districts`, each district's bureaus get a district government as
/// their parent unit (16 more departments, not assessed).
fn generated(departments: usize, districts: bool) -> LoadedWorkspace {
    let framework = store::builtin_framework().unwrap();
    let (mut workspace, assessments) = generate::synthetic(
        &framework,
        SyntheticOptions {
            departments,
            periods: 2,
            seed: 7,
            last_period: NaiveDate::from_ymd_opt(2025, 12, 31).unwrap(),
        },
    );
    let actions = generate::synthetic_plan(&workspace, &assessments, 7);
    if districts {
        let mut parents: Vec<Department> = Vec::new();
        for department in &mut workspace.departments {
            let Some((district, _)) = department.name.en.split_once(" District ") else {
                continue;
            };
            let id = format!("district-{}", district.to_lowercase().replace(' ', "-"));
            if !parents.iter().any(|p| p.id == id) {
                parents.push(Department {
                    id: id.clone(),
                    name: Text::new(
                        format!("{district} District Government"),
                        format!("{district}区人民政府"),
                    ),
                    kind: DepartmentKind::District,
                    parent: None,
                    archived: false,
                });
            }
            department.parent = Some(id);
        }
        workspace.departments.extend(parents);
    }
    let mut data = Dataset {
        workspace,
        framework,
        assessments,
        unreadable: Vec::new(),
        actions,
    };
    data.sort_assessments();
    LoadedWorkspace {
        root: PathBuf::from("generated"),
        data,
        problems: Vec::new(),
        files: Default::default(),
        restorable: Default::default(),
    }
}

/// The blocks before the annexes' heading, and from it on.
fn body_and_annex(document: &Document) -> (&[Block], &[Block]) {
    let at = document
        .blocks
        .iter()
        .position(|b| matches!(b, Block::Heading { anchor: Some(a), .. } if a == anchor::ANNEX))
        .expect("an annexes heading");
    document.blocks.split_at(at)
}

fn tables(blocks: &[Block]) -> Vec<&govmaturity::present::document::Table> {
    blocks
        .iter()
        .filter_map(|b| match b {
            Block::Table(t) => Some(t),
            _ => None,
        })
        .collect()
}

fn charts(blocks: &[Block]) -> Vec<&Chart> {
    blocks
        .iter()
        .filter_map(|b| match b {
            Block::Figure(f) => Some(&f.chart),
            _ => None,
        })
        .collect()
}

fn table_ids(blocks: &[Block]) -> Vec<&str> {
    tables(blocks).into_iter().map(|t| t.id.as_str()).collect()
}

/// The 1-based page the last "Annexes" heading is printed on: the footer
/// "Page N of M" that follows it (footers are drawn after a page's text;
/// the first "Annexes" is the contents' entry).
fn annex_page(text: &str) -> usize {
    let at = text
        .rfind("\nAnnexes\n")
        .expect("the annexes heading in the text");
    let footer = &text[at..];
    let from = footer.find("Page ").expect("a footer after the heading") + 5;
    let digits: String = footer[from..].chars().take_while(char::is_ascii_digit).collect();
    digits.parse().unwrap()
}

#[test]
fn the_body_of_a_1000_department_pdf_is_at_most_40_pages() {
    for districts in [true, false] {
        let loaded = generated(1000, districts);
        // The department pages go to files of their own: the body is the
        // same, and the test stays quick.
        let options = ReportOptions {
            split: true,
            ..options(Format::Pdf, Lang::En, None)
        };
        let pdf = read_pdf(report::render(&loaded, &options).unwrap());
        let page = annex_page(&pdf.text);
        assert!(
            page <= 40,
            "the annexes start on page {page} (districts: {districts})"
        );
        assert!(pdf.outline.iter().any(|t| t == "Annexes"), "{:?}", pdf.outline);
        let text = crate::report_pdf::flat(&pdf, Lang::En);
        assert!(text.contains("named by the department's id"));
    }
}

#[test]
fn at_1000_departments_the_body_holds_summaries_and_the_annex_the_complete_tables() {
    let loaded = generated(1000, true);
    let content = build(&loaded, &options(Format::Pdf, Lang::En, None));
    assert_eq!(content.heatmap.len(), 1016);
    let document = document(&content);
    let (body, annex) = body_and_annex(&document);

    // The body: grouped summaries, every table cut to its first rows, no
    // chart of every department.
    assert!(
        tables(body).iter().all(|t| t.rows.len() <= BODY_ROWS),
        "{:?}",
        table_ids(body)
    );
    assert!(!charts(body).contains(&&Chart::Heatmap));
    assert!(!charts(body).contains(&&Chart::Ranking));
    for id in [
        "groups",
        "heatmap.groups",
        "ranking.groups",
        "ranking.top",
        "ranking.bottom",
    ] {
        assert!(table_ids(body).contains(&id), "{id} in {:?}", table_ids(body));
    }
    // Sixteen districts, most with 63 departments (1,000 bureaus over 16
    // districts), each headed by its district government.
    let groups = document.table("groups").unwrap();
    assert_eq!(groups.rows.len(), 16);
    assert_eq!(groups.rows[0][0].text, "Riverside District Government");
    assert_eq!(groups.rows[0][1].text, "64");
    assert_eq!(groups.rows[0][2].text, "63");
    assert_eq!(groups.columns[4].header, "Lowest dimension");
    let ranked = document.table("ranking.top").unwrap();
    assert_eq!(ranked.rows.len(), 10);
    assert_eq!(ranked.rows[0][0].text, "1");
    // "… and N more, listed in the annex" under what was cut.
    let notes: Vec<&str> = body
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph(p) => Some(p.text.as_str()),
            _ => None,
        })
        .collect();
    assert!(
        notes
            .iter()
            .any(|n| n.starts_with("… and ") && n.ends_with(" more, listed in the annex"))
    );
    assert!(
        notes
            .iter()
            .any(|n| n.ends_with(" more, on each department's page in the annex"))
    );

    // The annex: the complete tables, then the appendix, then a page per
    // department under a level-3 heading (outline, not contents).
    let ids = table_ids(annex);
    for id in ["heatmap", "ranking", "progress", "annex.actions", "coverage"] {
        assert!(ids.contains(&id), "{id} in the annex");
    }
    let heatmap = annex.iter().find_map(|b| match b {
        Block::Table(t) if t.id == "heatmap" => Some(t),
        _ => None,
    });
    assert_eq!(heatmap.unwrap().rows.len(), 1016);
    assert_eq!(document.table("ranking").unwrap().rows.len(), 1016);
    assert_eq!(
        document.table("annex.actions").unwrap().rows.len(),
        content.plan.actions.len()
    );
    let sections: Vec<&str> = document
        .outline()
        .filter(|(level, _, _)| *level == 2)
        .map(|(_, _, anchor)| anchor)
        .collect();
    assert_eq!(
        sections,
        [
            "summary",
            "groups",
            "heatmap",
            "ranking",
            "stages",
            "dimensions",
            "priorities",
            "measures",
            "progress",
            "history",
            "approval",
            "annex",
            "appendix",
            "annex-heatmap",
            "annex-ranking",
            "annex-progress",
            "annex-actions",
            "annex-departments"
        ]
    );
    let departments = document
        .outline()
        .filter(|(level, _, anchor)| *level == 3 && anchor::department_id(anchor).is_some())
        .count();
    assert_eq!(departments, 1016);
}

#[test]
fn the_grouped_summary_starts_above_60_departments() {
    for (size, grouped) in [(60, false), (61, true)] {
        let loaded = generated(size, false);
        let document = document(&build(&loaded, &options(Format::Pdf, Lang::En, None)));
        let (body, _) = body_and_annex(&document);
        let ids = table_ids(body);
        assert_eq!(ids.contains(&"heatmap.groups"), grouped, "{size}: {ids:?}");
        assert_eq!(ids.contains(&"ranking"), !grouped, "{size}: {ids:?}");
        assert_eq!(charts(body).contains(&&Chart::Heatmap), !grouped, "{size}");
        assert_eq!(charts(body).contains(&&Chart::Ranking), !grouped, "{size}");
    }
    // Without parent units, a large body groups the heatmap by stage.
    let loaded = generated(61, false);
    let document = document(&build(&loaded, &options(Format::Pdf, Lang::Zh, None)));
    let table = document.table("heatmap.groups").unwrap();
    assert_eq!(table.columns[0].header, "所处阶段");
    assert!(document.table("groups").is_none());
}

#[test]
fn the_sample_groups_the_service_centre_under_the_big_data_bureau() {
    let loaded = common::sample();
    for (lang, first, rest) in [
        (Lang::En, "Big Data Bureau", "Departments without a parent unit"),
        (Lang::Zh, "市大数据局", "未设上级单位的部门"),
    ] {
        let document = document(&build(&loaded, &options(Format::Pdf, lang, None)));
        let groups = document.table("groups").unwrap();
        let rows: Vec<(&str, &str)> = groups
            .rows
            .iter()
            .map(|r| (r[0].text.as_str(), r[1].text.as_str()))
            .collect();
        assert_eq!(rows, [(first, "2"), (rest, "10")]);
        // Twelve departments: the heatmap and the ranking whole in the body.
        let (body, annex) = body_and_annex(&document);
        assert!(charts(body).contains(&&Chart::Heatmap));
        assert_eq!(document.table("ranking").unwrap().rows.len(), 12);
        assert!(table_ids(body).contains(&"ranking"));
        // The department pages are level-2 sections of the annex.
        let pages = annex
            .iter()
            .filter(|b| matches!(b, Block::Heading { level: 2, anchor: Some(a), .. } if anchor::department_id(a).is_some()))
            .count();
        assert_eq!(pages, 12);
    }
}

#[test]
fn a_department_report_has_no_whole_government_filler() {
    let loaded = common::sample();
    for lang in [Lang::En, Lang::Zh] {
        let content = build(&loaded, &options(Format::Pdf, lang, Some("big-data-bureau")));
        let document = document(&content);
        assert_eq!(document.kind, ReportKind::Department);
        let charts = charts(&document.blocks);
        for chart in [Chart::Heatmap, Chart::Ranking, Chart::StageDistribution] {
            assert!(!charts.contains(&&chart), "{chart:?} in {lang:?}");
        }
        assert!(charts.contains(&&Chart::Radar("big-data-bureau".to_owned())));
        let ids = table_ids(&document.blocks);
        for id in [
            "ranking",
            "stages",
            "dimensions",
            "groups",
            "heatmap.groups",
            "coverage",
        ] {
            assert!(!ids.contains(&id), "{id} in {lang:?}");
        }
        for id in [
            "department.big-data-bureau.dimensions",
            "department.big-data-bureau.answers",
            "department.big-data-bureau.priorities",
            "department.big-data-bureau.trend",
            "measures.actions",
        ] {
            assert!(ids.contains(&id), "{id} in {lang:?}: {ids:?}");
        }
        // No count of one anywhere: no "1 / 1", no "Departments assessed".
        let texts = all_text(&document);
        let one_of_one = |t: &str| {
            t.match_indices("1 / 1")
                .any(|(i, m)| !t[i + m.len()..].starts_with(|c: char| c.is_ascii_digit()))
        };
        assert!(!texts.iter().any(|t| one_of_one(t)), "{lang:?}");
        assert!(!texts.iter().any(|t| t == content.labels.assessed), "{lang:?}");
        // Its rank among all departments, as a fact.
        let rank = match lang {
            Lang::En => "1 of 12",
            Lang::Zh => "第1名（共12个部门）",
        };
        assert!(texts.iter().any(|t| t == rank), "{rank} in {lang:?}");
        assert!(!document.outline().any(|(_, _, a)| a == anchor::ANNEX));
    }
}

/// Every heading, paragraph, fact, key figure and cell text of a document.
fn all_text(document: &Document) -> Vec<String> {
    let mut out = Vec::new();
    for block in &document.blocks {
        match block {
            Block::Heading { text, .. } => out.push(text.clone()),
            Block::Paragraph(p) => out.push(p.text.clone()),
            Block::List(items) => out.extend(items.iter().cloned()),
            Block::Facts(rows) => out.extend(rows.iter().flat_map(|(a, b)| [a.clone(), b.clone()])),
            Block::KeyFigures(figures) => {
                out.extend(figures.iter().flat_map(|f| [f.label.clone(), f.value.clone()]))
            }
            Block::Table(t) => {
                out.extend(t.rows.iter().flatten().map(|c| c.text.clone()));
                out.extend(t.columns.iter().map(|c| c.header.clone()));
            }
            _ => {}
        }
    }
    out
}

#[test]
fn a_5000_character_name_is_clipped_in_headings_and_whole_in_the_text() {
    let mut loaded = common::sample();
    let long = "Bureau of Very Long Names ".repeat(200);
    let long = long.trim_end().to_owned();
    assert!(long.chars().count() > 5000);
    loaded.data.workspace.departments[0].name.en = long.clone();
    loaded.data.workspace.title.en = long.clone();
    let id = loaded.data.workspace.departments[0].id.clone();
    for department in [None, Some(id.as_str())] {
        let document = document(&build(&loaded, &options(Format::Pdf, Lang::En, department)));
        for (_, text, _) in document.outline() {
            assert!(text.chars().count() <= 120, "{} characters", text.chars().count());
        }
        let clipped = document
            .outline()
            .find(|(_, _, a)| *a == anchor::department(&id))
            .map(|(_, text, _)| text.to_owned())
            .unwrap();
        assert!(clipped.ends_with('…'), "{clipped}");
        assert!(clipped.starts_with("Bureau of Very Long Names Bureau"));
        // The whole name stays in the department's facts.
        let texts = all_text(&document);
        assert!(texts.contains(&long), "{department:?}");
        // The cover's subtitle is clipped too.
        assert!(matches!(&document.blocks[1], Block::Paragraph(p) if p.text.chars().count() <= 120));
    }
    // And the PDF and HTML are made, with a clipped outline and contents.
    let pdf = read_pdf(report::render(&loaded, &options(Format::Pdf, Lang::En, None)).unwrap());
    assert!(pdf.outline.iter().all(|t| t.chars().count() <= 120));
    // On the test thread's own 2 MB stack: the HTML writer's name index
    // must not recurse as deep as the longest name.
    let html = report::render(&loaded, &options(Format::Html, Lang::En, None)).unwrap();
    let html = String::from_utf8(html).unwrap();
    let toc = &html[html.find("<nav class=\"toc\">").unwrap()..];
    let toc = &toc[..toc.find("</nav>").unwrap()];
    assert!(toc.len() < 4000, "{} bytes of contents", toc.len());
}
