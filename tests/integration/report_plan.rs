//! The improvement plan in the reports (issue 10): the Measures section of
//! the HTML and PDF reports, the workbook's Action plan and Targets sheets,
//! the actions CSV, a department report that keeps only its own and the
//! government-wide actions, and a workspace without plans.
//!
//! The workspace is the sample with its plans replaced by six actions
//! written here, reported as of 2026-01-15:
//!
//! | id             | departments               | due        | status      | overdue |
//! |----------------|---------------------------|------------|-------------|---------|
//! | fin-catalogue  | finance-bureau            | 2025-06-30 | In progress | yes     |
//! | pair-security  | finance, public-security  | 2025-11-30 | Planned     | yes     |
//! | fin-quality    | finance-bureau            | 2025-10-31 | Done        | no      |
//! | police-dropped | public-security           | 2025-12-31 | Dropped     | no      |
//! | city-analysts  | every department          | 2026-12-31 | In progress | no      |
//! | police-portal  | public-security           | 2026-12-31 | Planned     | no      |
//!
//! Every format lists them in that order: overdue first, then by due date,
//! then by id.

use crate::common;
use crate::report_pdf::{flat, read_pdf};

use std::io::{Cursor, Read};
use std::path::Path;

use calamine::{Data, Range, Reader, Xlsx, open_workbook_from_rs};
use chrono::NaiveDate;
use govmaturity::model::Lang;
use govmaturity::present::build::document;
use govmaturity::present::report::build;
use govmaturity::report::{self, CsvTable, Format, ReportOptions};
use govmaturity::store::{self, LoadedWorkspace};

const ROOT_PLAN: &str = r#"(
    version: 1,
    actions: [
        (
            id: "city-analysts",
            title: "Build a city-wide pool of analysts",
            description: "Analysts recruited centrally and seconded to departments.",
            addresses: Indicators(["talent.specialists"]),
            departments: [],
            owner: (unit: "Digital Government Office", person: "Chen Jing"),
            start: "2025-07-01",
            due: "2026-12-31",
            expected_level: 3,
            status: InProgress,
        ),
        (
            id: "pair-security",
            title: "Classify the data of two bureaus",
            addresses: Dimension("security"),
            departments: ["finance-bureau", "public-security"],
            owner: (unit: "Security Division", person: "Lin Tao"),
            start: "2025-03-01",
            due: "2025-11-30",
            expected_level: 4,
            status: Planned,
        ),
    ],
)
"#;

const FINANCE_PLAN: &str = r#"(
    version: 1,
    actions: [
        (
            id: "fin-catalogue",
            title: "Complete the budget data catalogue",
            addresses: Indicators(["sharing.catalogue"]),
            departments: ["finance-bureau"],
            owner: (unit: "Information Centre", person: "Ma Lin"),
            start: "2025-01-01",
            due: "2025-06-30",
            expected_level: 3,
            status: InProgress,
        ),
        (
            id: "fin-quality",
            title: "Set quality rules for budget data",
            addresses: Indicators(["sharing.quality"]),
            departments: ["finance-bureau"],
            owner: (unit: "Information Centre", person: "Ma Lin"),
            start: "2025-04-01",
            due: "2025-10-31",
            expected_level: 3,
            status: Done,
            done_on: Some("2025-10-20"),
        ),
    ],
)
"#;

const POLICE_PLAN: &str = r#"(
    version: 1,
    actions: [
        (
            id: "police-dropped",
            title: "Build a separate police data portal",
            addresses: Indicators(["service.infrastructure"]),
            departments: ["public-security"],
            owner: (unit: "Science and Technology Division"),
            start: "2025-01-01",
            due: "2025-12-31",
            expected_level: 3,
            status: Dropped,
        ),
        (
            id: "police-portal",
            title: "Move police services onto the city portal",
            addresses: Indicators(["service.infrastructure"]),
            departments: ["public-security"],
            owner: (unit: "Science and Technology Division", person: "Qian Bo"),
            start: "2026-01-01",
            due: "2026-12-31",
            expected_level: 4,
            status: Planned,
        ),
    ],
)
"#;

/// The order every format lists the actions in.
const ORDER: [&str; 6] = [
    "fin-catalogue",
    "pair-security",
    "fin-quality",
    "police-dropped",
    "city-analysts",
    "police-portal",
];

/// Removes every plan the sample has.
fn remove_plans(root: &Path) {
    let _ = std::fs::remove_file(root.join("plan.ron"));
    for entry in std::fs::read_dir(root).unwrap() {
        let path = entry.unwrap().path().join("plan.ron");
        if path.exists() {
            std::fs::remove_file(path).unwrap();
        }
    }
}

/// The sample with the six actions above as its plans.
fn planned() -> (tempfile::TempDir, LoadedWorkspace) {
    let dir = common::copy_workspace(&common::sample_dir());
    remove_plans(dir.path());
    std::fs::write(dir.path().join("plan.ron"), ROOT_PLAN).unwrap();
    std::fs::write(dir.path().join("finance-bureau/plan.ron"), FINANCE_PLAN).unwrap();
    std::fs::write(dir.path().join("public-security/plan.ron"), POLICE_PLAN).unwrap();
    let loaded = store::load(dir.path()).unwrap();
    assert!(loaded.problems.is_empty(), "{:#?}", loaded.problems);
    assert_eq!(loaded.data.actions.len(), 6);
    (dir, loaded)
}

/// The sample without any plan.
fn unplanned() -> (tempfile::TempDir, LoadedWorkspace) {
    let dir = common::copy_workspace(&common::sample_dir());
    remove_plans(dir.path());
    let loaded = store::load(dir.path()).unwrap();
    assert!(loaded.data.actions.is_empty());
    (dir, loaded)
}

fn options(format: Format, lang: Lang, department: Option<&str>) -> ReportOptions {
    ReportOptions {
        kind: Default::default(),
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

fn html(loaded: &LoadedWorkspace, lang: Lang, department: Option<&str>) -> String {
    String::from_utf8(report::render(loaded, &options(Format::Html, lang, department)).unwrap()).unwrap()
}

/// The text of the HTML between two section anchors.
fn between<'a>(html: &'a str, from: &str, to: &str) -> &'a str {
    let start = html
        .find(from)
        .unwrap_or_else(|| panic!("{from} not in the report"));
    let end = html[start..].find(to).map_or(html.len(), |i| start + i);
    &html[start..end]
}

// ---------------------------------------------------------------------------
// HTML and PDF: the Measures section

#[test]
fn the_html_report_has_a_measures_section_after_the_priorities() {
    let (_dir, loaded) = planned();
    let html = html(&loaded, Lang::En, None);
    // In the contents, between the priorities and the progress.
    assert!(html.contains(
        "<li><a href=\"#priorities\">Top priorities: what to do next</a></li>\
         <li><a href=\"#measures\">Measures</a></li>\
         <li><a href=\"#progress\">Progress since the previous period</a></li>"
    ));
    let measures = between(&html, "<h2 id=\"measures\">", "<h2 id=\"progress\">");
    assert!(measures.starts_with("<h2 id=\"measures\">Measures</h2>"));
    // The priorities lead with the shortfalls across departments, then
    // the rows per department.
    let priorities = between(&html, "<h2 id=\"priorities\">", "<h2 id=\"measures\">");
    let lead = priorities
        .find("<h3 id=\"priorities-rollup\">Shortfalls across departments</h3>")
        .unwrap();
    let then = priorities
        .find("<h3 id=\"priorities-departments\">By department</h3>")
        .unwrap();
    assert!(lead < then);
    // The parts, in order.
    let parts = [
        "<h3 id=\"measures-actions\">Actions, responsible units and deadlines</h3>",
        "<h3 id=\"measures-uncovered\">Gaps without an open action</h3>",
        "<h3 id=\"measures-overdue\">Overdue actions</h3>",
    ];
    let positions: Vec<usize> = parts
        .iter()
        .map(|p| measures.find(p).unwrap_or_else(|| panic!("{p}")))
        .collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "{positions:?}");
    // The actions table: its columns, the actions in order, overdue in words.
    let actions = between(measures, "data-table=\"measures.actions\"", "</table>");
    assert!(actions.contains(
        "<th><bdi>Department</bdi></th><th><bdi>Action</bdi></th><th><bdi>Addresses</bdi></th>\
         <th><bdi>Responsible</bdi></th><th><bdi>Due</bdi></th><th><bdi>Status</bdi></th>\
         <th><bdi>Effect</bdi></th>"
    ));
    let titles = [
        "Complete the budget data catalogue",
        "Classify the data of two bureaus",
        "Set quality rules for budget data",
        "Build a separate police data portal",
        "Build a city-wide pool of analysts",
        "Move police services onto the city portal",
    ];
    let at: Vec<usize> = titles.iter().map(|t| actions.find(t).unwrap()).collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "{at:?}");
    assert!(actions.contains(
        "<td class=\"name\"><a href=\"#department-finance-bureau\"><bdi>Finance Bureau</bdi></a></td>\
         <td class=\"name\"><bdi>Complete the budget data catalogue</bdi></td>\
         <td class=\"name\"><bdi>Data resource catalogue</bdi></td>\
         <td class=\"name\"><bdi>Information Centre · Ma Lin</bdi></td>\
         <td><span class=\"nowrap\">2025-06-30</span></td>\
         <td class=\"name\"><bdi>In progress</bdi><br><span class=\"flag nowrap\">⚠ Overdue</span></td>"
    ));
    assert!(actions.contains("<bdi>All departments</bdi>"));
    assert!(actions.contains("<bdi>Finance Bureau, Public Security Bureau</bdi>"));
    assert!(actions.contains("<bdi>Data security &amp; privacy (all indicators)</bdi>"));
    assert_eq!(actions.matches("⚠ Overdue").count(), 2);
    // The overdue actions: the two overdue ones only.
    let overdue = between(measures, "data-table=\"measures.overdue\"", "</table>");
    assert_eq!(overdue.matches("<tr>").count(), 3, "header and two rows");
    assert!(overdue.contains("Complete the budget data catalogue"));
    assert!(overdue.contains("Classify the data of two bureaus"));
    // The roll-up: ten indicator rows at most, departments below target of 12.
    let rollup = between(priorities, "data-table=\"priorities.rollup\"", "</table>");
    assert!(rollup.contains(
        "<th><bdi>Indicator</bdi></th><th class=\"num\"><bdi>Departments below target</bdi></th>\
         <th class=\"num\"><bdi>Mean gap</bdi></th><th class=\"num\"><bdi>Total gap</bdi></th>\
         <th class=\"num\"><bdi>Priority</bdi></th>"
    ));
    assert_eq!(rollup.matches("<tr>").count(), 11, "header and ten rows");
    assert!(rollup.contains("<td class=\"num\">11 / 12</td>"));
    // The uncovered gaps: fifteen, and how many more.
    let uncovered = between(measures, "data-table=\"measures.uncovered\"", "</table>");
    assert_eq!(uncovered.matches("<tr>").count(), 16, "header and fifteen rows");
    assert!(
        measures.contains("<p class=\"note\">… and "),
        "the rest are counted"
    );
}

#[test]
fn the_chinese_measures_section_reads_in_chinese() {
    let (_dir, loaded) = planned();
    let html = html(&loaded, Lang::Zh, None);
    assert!(html.contains("<li><a href=\"#measures\">改进措施</a></li>"));
    let measures = between(&html, "<h2 id=\"measures\">", "<h2 id=\"progress\">");
    assert!(measures.contains("<h3 id=\"measures-actions\">措施、责任单位与完成期限</h3>"));
    assert!(measures.contains("<h3 id=\"measures-overdue\">逾期措施</h3>"));
    assert!(measures.contains(
        "<td><span class=\"nowrap\">2025年6月30日</span></td>\
         <td class=\"name\"><bdi>进行中</bdi><br><span class=\"flag nowrap\">⚠ 已逾期</span></td>"
    ));
    assert!(measures.contains("<bdi>全部部门</bdi>"));
    assert!(measures.contains("<bdi>市财政局、市公安局</bdi>"));
    assert!(measures.contains("<p class=\"note\">……另有"));
}

#[test]
fn the_pdf_report_prints_the_measures_section() {
    let (_dir, loaded) = planned();
    let bytes = report::render(&loaded, &options(Format::Pdf, Lang::En, None)).unwrap();
    let pdf = read_pdf(bytes);
    assert!(pdf.outline.iter().any(|t| t == "Measures"), "{:?}", pdf.outline);
    for part in [
        "Shortfalls across departments",
        "Actions, responsible units and deadlines",
        "Gaps without an open action",
        "Overdue actions",
    ] {
        assert!(
            pdf.outline.iter().any(|t| t == part),
            "{part} in {:?}",
            pdf.outline
        );
    }
    let text = flat(&pdf, Lang::En);
    assert!(text.contains("Measures What is being done about the gaps"));
    assert!(text.contains("Department Action Addresses Responsible Due Status Effect"));
    assert!(
        text.contains("2025-06-30 In progress ⚠ Overdue"),
        "overdue in words"
    );
    assert!(
        text.contains("2025-10-31 Done rose 2 → 3"),
        "the effect of a done action"
    );
    assert!(text.contains("Overdue actions Department Action Responsible Due Status"));

    let bytes = report::render(&loaded, &options(Format::Pdf, Lang::Zh, None)).unwrap();
    let pdf = read_pdf(bytes);
    assert!(pdf.outline.iter().any(|t| t == "改进措施"), "{:?}", pdf.outline);
    let text = flat(&pdf, Lang::Zh);
    assert!(text.contains("2025年6月30日进行中⚠ 已逾期"));
    assert!(text.contains("逾期措施"));
}

#[test]
fn the_document_lists_the_actions_in_one_order_with_overdue_in_words() {
    let (_dir, loaded) = planned();
    let content = build(&loaded, &options(Format::Pdf, Lang::En, None));
    let doc = document(&content);
    let table = doc.table("measures.actions").unwrap();
    let ids: Vec<&str> = content.plan.actions.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ORDER);
    assert_eq!(table.rows.len(), 6);
    let statuses: Vec<&str> = table.rows.iter().map(|r| r[5].text.as_str()).collect();
    assert_eq!(
        statuses,
        [
            "In progress",
            "Planned",
            "Done",
            "Dropped",
            "In progress",
            "Planned"
        ]
    );
    let notes: Vec<&[String]> = table.rows.iter().map(|r| r[5].notes.as_slice()).collect();
    assert_eq!(notes[0], ["⚠ Overdue"]);
    assert_eq!(notes[1], ["⚠ Overdue"]);
    assert!(notes[2..].iter().all(|n| n.is_empty()));
}

// ---------------------------------------------------------------------------
// XLSX: the Action plan and Targets sheets

fn workbook(loaded: &LoadedWorkspace, lang: Lang, department: Option<&str>) -> Vec<u8> {
    report::render(loaded, &options(Format::Xlsx, lang, department)).unwrap()
}

fn sheet(bytes: &[u8], name: &str) -> Range<Data> {
    let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes.to_vec())).unwrap();
    book.worksheet_range(name).unwrap()
}

fn zip_text(bytes: &[u8], path: &str) -> String {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut file = archive.by_name(path).unwrap();
    let mut text = String::new();
    file.read_to_string(&mut text).unwrap();
    text
}

fn text(range: &Range<Data>, row: u32, col: u32) -> String {
    match range.get_value((row, col)) {
        Some(Data::String(s)) => s.clone(),
        Some(Data::Empty) | None => String::new(),
        Some(other) => panic!("({row}, {col}) is {other:?}, not text"),
    }
}

fn row_texts(range: &Range<Data>, row: u32) -> Vec<String> {
    (0..range.width() as u32).map(|c| text(range, row, c)).collect()
}

fn date_at(range: &Range<Data>, row: u32, col: u32) -> NaiveDate {
    match range.get_value((row, col)) {
        Some(Data::DateTime(d)) => {
            // Serial days since 1899-12-30, without a time.
            assert!(d.is_datetime());
            assert_eq!(d.as_f64().fract(), 0.0);
            NaiveDate::from_ymd_opt(1899, 12, 30).unwrap() + chrono::TimeDelta::days(d.as_f64() as i64)
        }
        other => panic!("({row}, {col}) is {other:?}, not a date"),
    }
}

#[test]
fn the_workbook_has_an_action_plan_sheet() {
    let (_dir, loaded) = planned();
    let bytes = workbook(&loaded, Lang::En, None);
    let plan = sheet(&bytes, "Action plan");
    assert_eq!(
        row_texts(&plan, 0),
        [
            "Id",
            "Departments",
            "Action",
            "Addresses",
            "Responsible unit",
            "Responsible person",
            "Start",
            "Due",
            "Status",
            "Overdue",
            "Aims for",
            "Effect",
            "Description"
        ]
    );
    let ids: Vec<String> = (1..=6).map(|r| text(&plan, r, 0)).collect();
    assert_eq!(ids, ORDER);
    // The first row in full: dates are dates, the level a number.
    assert_eq!(text(&plan, 1, 1), "Finance Bureau");
    assert_eq!(text(&plan, 1, 2), "Complete the budget data catalogue");
    assert_eq!(text(&plan, 1, 3), "Data resource catalogue");
    assert_eq!(text(&plan, 1, 4), "Information Centre");
    assert_eq!(text(&plan, 1, 5), "Ma Lin");
    assert_eq!(date_at(&plan, 1, 6), NaiveDate::from_ymd_opt(2025, 1, 1).unwrap());
    assert_eq!(
        date_at(&plan, 1, 7),
        NaiveDate::from_ymd_opt(2025, 6, 30).unwrap()
    );
    assert_eq!(text(&plan, 1, 8), "In progress");
    assert_eq!(text(&plan, 1, 9), "Yes");
    assert_eq!(plan.get_value((1, 10)), Some(&Data::Float(3.0)));
    assert_eq!(text(&plan, 1, 11), "", "no effect before it is done");
    // Overdue in words on every row; the effect of the done one.
    let overdue: Vec<String> = (1..=6).map(|r| text(&plan, r, 9)).collect();
    assert_eq!(overdue, ["Yes", "Yes", "No", "No", "No", "No"]);
    assert_eq!(text(&plan, 3, 11), "rose 2 → 3");
    assert_eq!(text(&plan, 5, 1), "All departments");
    assert_eq!(text(&plan, 2, 3), "Data security & privacy (all indicators)");
    assert_eq!(text(&plan, 4, 5), "", "no person recorded");

    // The sheet's XML: the drop-down, the filter and the highlight.
    let xml = zip_text(&bytes, "xl/worksheets/sheet7.xml");
    assert!(xml.contains("<autoFilter ref=\"A1:M7\"/>"), "{xml}");
    assert!(xml.contains("<dataValidation type=\"list\""), "{xml}");
    assert!(xml.contains("sqref=\"I2:I7\""), "{xml}");
    assert!(
        xml.contains("<formula1>\"Planned,In progress,Done,Dropped\"</formula1>"),
        "{xml}"
    );
    assert!(xml.contains("<conditionalFormatting sqref=\"A2:M7\">"), "{xml}");
    assert!(xml.contains("<formula>$J2=\"Yes\"</formula>"), "{xml}");
    // The highlight has a fill.
    let styles = zip_text(&bytes, "xl/styles.xml");
    assert!(
        styles.contains("<dxfs"),
        "a differential format for the highlight"
    );
    assert!(styles.contains("FFFBE3E3"), "the overdue tint");
}

#[test]
fn the_chinese_action_plan_sheet_uses_the_catalogues_words() {
    let (_dir, loaded) = planned();
    let bytes = workbook(&loaded, Lang::Zh, None);
    let plan = sheet(&bytes, "改进措施");
    assert_eq!(
        row_texts(&plan, 0),
        [
            "编号",
            "部门",
            "措施",
            "针对",
            "责任单位",
            "责任人",
            "开始日期",
            "完成期限",
            "状态",
            "已逾期",
            "预期等级",
            "成效",
            "措施说明"
        ]
    );
    assert_eq!(text(&plan, 1, 8), "进行中");
    assert_eq!(text(&plan, 1, 9), "是");
    assert_eq!(text(&plan, 3, 9), "否");
    assert_eq!(
        date_at(&plan, 1, 7),
        NaiveDate::from_ymd_opt(2025, 6, 30).unwrap()
    );
    let xml = zip_text(&bytes, "xl/worksheets/sheet7.xml");
    assert!(
        xml.contains("<formula1>\"计划中,进行中,已完成,已取消\"</formula1>"),
        "{xml}"
    );
    assert!(xml.contains("<formula>$J2=\"是\"</formula>"), "{xml}");
}

#[test]
fn the_workbook_has_a_targets_sheet() {
    let (_dir, loaded) = planned();
    let bytes = workbook(&loaded, Lang::En, None);
    let targets = sheet(&bytes, "Targets");
    assert_eq!(
        row_texts(&targets, 0),
        [
            "Department id",
            "Department",
            "Dimension",
            "Indicator",
            "Target level",
            "Target date",
            "Current level",
            "Projected",
            "Outlook"
        ]
    );
    // The sample's first department, its first target: a dimension target.
    assert_eq!(text(&targets, 1, 0), "big-data-bureau");
    assert_eq!(text(&targets, 1, 1), "Big Data Bureau");
    assert_eq!(text(&targets, 1, 3), "", "a dimension's target");
    assert_eq!(targets.get_value((1, 4)), Some(&Data::Float(4.0)));
    assert_eq!(
        date_at(&targets, 1, 5),
        NaiveDate::from_ymd_opt(2026, 12, 31).unwrap()
    );
    let states = [
        "Reached",
        "On track",
        "At risk",
        "Off track",
        "Overdue",
        "Too few assessments to tell",
    ];
    for row in 1..targets.height() as u32 {
        let state = text(&targets, row, 8);
        assert!(states.contains(&state.as_str()), "row {row}: {state}");
    }
    // One row per target that applies to a department, as the plan counts them.
    let content = build(&loaded, &options(Format::Xlsx, Lang::En, None));
    assert_eq!(targets.height() - 1, content.plan.targets.len());
    let xml = zip_text(&bytes, "xl/worksheets/sheet8.xml");
    assert!(xml.contains("<autoFilter ref=\"A1:I"), "{xml}");
}

// ---------------------------------------------------------------------------
// CSV

#[test]
fn the_actions_csv_lists_every_action_in_machine_values() {
    let (_dir, loaded) = planned();
    let options = options(Format::Csv, Lang::En, None);
    let bytes = report::render_csv(&loaded, &options, CsvTable::Actions).unwrap();
    let text = String::from_utf8(bytes).unwrap();
    let lines: Vec<&str> = text.trim_start_matches('\u{feff}').split("\r\n").collect();
    assert_eq!(
        lines[0],
        "action_id,departments,department_names,title,dimension,indicators,owner_unit,owner_person,\
         start,due,status,overdue,expected_level,done_on,effect,effect_text,today"
    );
    assert_eq!(
        lines[1],
        "fin-catalogue,finance-bureau,Finance Bureau,Complete the budget data catalogue,,sharing.catalogue,\
         Information Centre,Ma Lin,2025-01-01,2025-06-30,in-progress,true,3,,not-done,,2026-01-15"
    );
    assert!(lines[2].starts_with(
        "pair-security,finance-bureau;public-security,\"Finance Bureau, Public Security Bureau\",\
         Classify the data of two bureaus,security,"
    ));
    assert!(
        lines[2].ends_with(
            ",Security Division,Lin Tao,2025-03-01,2025-11-30,planned,true,4,,not-done,,2026-01-15"
        )
    );
    assert_eq!(
        lines[3],
        "fin-quality,finance-bureau,Finance Bureau,Set quality rules for budget data,,sharing.quality,\
         Information Centre,Ma Lin,2025-04-01,2025-10-31,done,false,3,2025-10-20,rose,rose 2 → 3,2026-01-15"
    );
    assert_eq!(
        lines[5],
        "city-analysts,,All departments,Build a city-wide pool of analysts,,talent.specialists,\
         Digital Government Office,Chen Jing,2025-07-01,2026-12-31,in-progress,false,3,,not-done,,2026-01-15"
    );
    assert_eq!(lines.len(), 8, "header, six actions, and the empty end");
    assert_eq!(lines[7], "");

    // The answers stay the default, unchanged.
    let answers = report::render(&loaded, &options).unwrap();
    let answers = String::from_utf8(answers).unwrap();
    assert!(answers.starts_with("\u{feff}department_id,department_name,period,dimension,indicator,level,"));
    let same = report::render_csv(&loaded, &options, CsvTable::Answers).unwrap();
    assert_eq!(same, answers.into_bytes());
}

#[test]
fn the_command_line_writes_the_actions_csv_with_what_actions() {
    let (dir, _loaded) = planned();
    let out = tempfile::tempdir().unwrap();
    let file = out.path().join("actions.csv");
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_govmaturity"))
        .args(["report", "--what", "actions", "--basis", "latest", "--out"])
        .arg(&file)
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(status.status.success(), "{status:?}");
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.starts_with("\u{feff}action_id,departments,"));
    assert_eq!(text.lines().count(), 7);
}

// ---------------------------------------------------------------------------
// Scope and an empty plan

#[test]
fn a_department_report_shows_its_own_and_the_government_wide_actions() {
    let (_dir, loaded) = planned();
    let finance = Some("finance-bureau");
    let content = build(&loaded, &options(Format::Pdf, Lang::En, finance));
    let ids: Vec<&str> = content.plan.actions.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(
        ids,
        ["fin-catalogue", "pair-security", "fin-quality", "city-analysts"]
    );

    // The HTML: no police action, and no roll-up across departments.
    let html = html(&loaded, Lang::En, finance);
    let measures = between(&html, "<h2 id=\"measures\">", "<h2 id=\"progress\">");
    assert!(!measures.contains("police"), "no police action");
    assert!(!measures.contains("Move police services onto the city portal"));
    assert!(measures.contains("Build a city-wide pool of analysts"));
    assert!(measures.contains("Classify the data of two bureaus"));
    assert!(!html.contains("priorities-rollup"));
    // The uncovered gaps are the department's own.
    let uncovered = between(measures, "data-table=\"measures.uncovered\"", "</table>");
    assert!(!uncovered.contains("Public Security Bureau"));

    // The workbook and the CSV likewise.
    let bytes = workbook(&loaded, Lang::En, finance);
    let plan = sheet(&bytes, "Action plan");
    // The rows up to the blank one before the note under the table.
    let ids: Vec<String> = (1..plan.height() as u32)
        .map(|r| text(&plan, r, 0))
        .take_while(|id| !id.is_empty())
        .collect();
    assert_eq!(
        ids,
        ["fin-catalogue", "pair-security", "fin-quality", "city-analysts"]
    );
    let csv = report::render_csv(
        &loaded,
        &options(Format::Csv, Lang::En, finance),
        CsvTable::Actions,
    )
    .unwrap();
    let csv = String::from_utf8(csv).unwrap();
    let ids: Vec<&str> = csv
        .lines()
        .skip(1)
        .map(|l| l.split(',').next().unwrap())
        .collect();
    assert_eq!(
        ids,
        ["fin-catalogue", "pair-security", "fin-quality", "city-analysts"]
    );
}

#[test]
fn a_workspace_without_plans_still_renders_and_says_so() {
    let (_dir, loaded) = unplanned();
    let en = html(&loaded, Lang::En, None);
    let measures = between(&en, "<h2 id=\"measures\">", "<h2 id=\"progress\">");
    assert!(
        measures.contains("<p>No actions have been planned yet.</p>"),
        "{measures}"
    );
    assert!(measures.contains("<p>No action is past its due date.</p>"));
    assert!(!measures.contains("measures.actions"));
    // Every gap is uncovered, and the roll-up still leads the priorities.
    assert!(en.contains("data-table=\"priorities.rollup\""));
    assert!(measures.contains("data-table=\"measures.uncovered\""));
    let zh = html(&loaded, Lang::Zh, None);
    assert!(zh.contains("<p>尚未制定改进措施。</p>"));

    let pdf = read_pdf(report::render(&loaded, &options(Format::Pdf, Lang::En, None)).unwrap());
    assert!(flat(&pdf, Lang::En).contains("No actions have been planned yet."));

    let bytes = workbook(&loaded, Lang::En, None);
    let plan = sheet(&bytes, "Action plan");
    assert_eq!(text(&plan, 1, 0), "No actions have been planned yet.");
    assert!(!zip_text(&bytes, "xl/worksheets/sheet7.xml").contains("<dataValidation"));

    let csv = report::render_csv(&loaded, &options(Format::Csv, Lang::En, None), CsvTable::Actions).unwrap();
    assert_eq!(
        String::from_utf8(csv).unwrap().lines().count(),
        1,
        "the header only"
    );
}
