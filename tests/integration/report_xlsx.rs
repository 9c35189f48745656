//! The Excel report as someone who receives it opens it: ten sheets named
//! like the app's views, figures equal to `govmaturity summary --format json`
//! and stored as the number shown (2.625 is 2.63 in the cell, as on screen),
//! the app's terms, native charts, one department only when asked (without
//! the sheets that compare departments), trends in long format, the brief's
//! tables for `--kind brief`, no developer backticks, and user text that
//! looks like a formula kept as text.

use crate::common;

use std::io::{Cursor, Read};
use std::process::Command;

use calamine::{Data, Range, Reader, Xlsx, open_workbook_from_rs};
use chrono::NaiveDate;
use govmaturity::analysis;
use govmaturity::model::{Lang, Level, Rating};
use govmaturity::report::{self, Format, ReportKind, ReportOptions};
use govmaturity::store::LoadedWorkspace;
use serde_json::Value;

const SHEETS_EN: [&str; 10] = [
    "Overview",
    "Departments × dimensions",
    "Ranking",
    "Dimensions",
    "Indicator answers",
    "Top priorities",
    "Action plan",
    "Targets",
    "Trends",
    "Framework",
];
/// The sheets of the sample's workbooks: the sample has departments with
/// several assessors, so they end with the rater agreement.
fn with_agreement(sheets: &[&str], lang: Lang) -> Vec<String> {
    let agreement = match lang {
        Lang::En => "Rater agreement",
        Lang::Zh => "评估人一致性",
    };
    sheets
        .iter()
        .copied()
        .chain([agreement])
        .map(str::to_owned)
        .collect()
}

const SHEETS_ZH: [&str; 10] = [
    "总览",
    "部门 × 维度",
    "排名",
    "维度明细",
    "指标作答",
    "重点改进事项",
    "改进措施",
    "目标进展",
    "趋势",
    "框架",
];

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn options(lang: Lang, department: Option<&str>, period: Option<NaiveDate>) -> ReportOptions {
    ReportOptions {
        kind: Default::default(),
        style: Default::default(),
        split: false,
        format: Format::Xlsx,
        period,
        department: department.map(str::to_owned),
        basis: govmaturity::analysis::Basis::Latest,
        lang,
        generated: date(2026, 1, 15),
    }
}

fn render(loaded: &LoadedWorkspace, options: &ReportOptions) -> Vec<u8> {
    report::render(loaded, options).unwrap()
}

fn open(bytes: &[u8]) -> Xlsx<Cursor<Vec<u8>>> {
    open_workbook_from_rs(Cursor::new(bytes.to_vec())).unwrap()
}

fn sheet(bytes: &[u8], name: &str) -> Range<Data> {
    open(bytes).worksheet_range(name).unwrap()
}

/// The cell at an absolute (row, column), `Empty` outside the used range.
fn cell(range: &Range<Data>, row: u32, col: u32) -> Data {
    range.get_value((row, col)).cloned().unwrap_or(Data::Empty)
}

/// The first row whose cell in `col` is the string `text`.
fn row_of(range: &Range<Data>, col: u32, text: &str) -> Option<u32> {
    let (end_row, _) = range.end()?;
    (0..=end_row).find(|&r| cell(range, r, col) == Data::String(text.to_owned()))
}

/// The column of header `text` in `row`.
fn col_of(range: &Range<Data>, row: u32, text: &str) -> u32 {
    let (_, end_col) = range.end().unwrap();
    (0..=end_col)
        .find(|&c| cell(range, row, c) == Data::String(text.to_owned()))
        .unwrap_or_else(|| panic!("no header {text:?} in row {row}"))
}

/// A cell's number; `None` for an empty cell; panics on anything else, so a
/// number stored as text fails the test.
fn number(range: &Range<Data>, row: u32, col: u32) -> Option<f64> {
    match cell(range, row, col) {
        Data::Float(v) => Some(v),
        Data::Empty => None,
        other => panic!("cell ({row}, {col}) should be a number or empty, is {other:?}"),
    }
}

fn text(range: &Range<Data>, row: u32, col: u32) -> String {
    match cell(range, row, col) {
        Data::String(s) => s,
        Data::Empty => String::new(),
        other => panic!("cell ({row}, {col}) should be text, is {other:?}"),
    }
}

/// The calendar date of an Excel date cell (serial days since 1899-12-30).
fn excel_date(value: calamine::ExcelDateTime) -> NaiveDate {
    assert!(value.is_datetime());
    let days = value.as_f64();
    assert_eq!(days.fract(), 0.0, "a date without a time");
    date(1899, 12, 30) + chrono::TimeDelta::days(days as i64)
}

fn assert_close(actual: Option<f64>, expected: Option<f64>, what: &str) {
    match (actual, expected) {
        (Some(a), Some(e)) => assert!((a - e).abs() < 0.005, "{what}: {a} in the workbook, {e} expected"),
        (None, None) => {}
        _ => panic!("{what}: {actual:?} in the workbook, {expected:?} expected"),
    }
}

fn json_number(value: &Value) -> Option<f64> {
    value.as_f64()
}

/// `govmaturity summary --format json` on the sample workspace.
fn summary_json(period: Option<&str>) -> Value {
    let mut command = Command::new(env!("CARGO_BIN_EXE_govmaturity"));
    command.args([
        "summary",
        common::sample_dir().to_str().unwrap(),
        "--format",
        "json",
    ]);
    if let Some(period) = period {
        command.args(["--period", period]);
    }
    let output = command.output().unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap()
}

/// The text of one file inside the xlsx (a zip).
fn zip_text(bytes: &[u8], path: &str) -> String {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut file = archive
        .by_name(path)
        .unwrap_or_else(|_| panic!("{path} is missing"));
    let mut text = String::new();
    file.read_to_string(&mut text).unwrap();
    text
}

fn zip_names(bytes: &[u8]) -> Vec<String> {
    let archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    archive
        .file_names()
        .map(|name| name.unwrap().into_owned())
        .collect()
}

#[test]
fn workbook_reopens_with_ten_sheets_and_the_agreement_in_both_languages() {
    let loaded = common::sample();
    let en = render(&loaded, &options(Lang::En, None, None));
    assert_eq!(open(&en).sheet_names(), with_agreement(&SHEETS_EN, Lang::En));
    let zh = render(&loaded, &options(Lang::Zh, None, None));
    assert_eq!(open(&zh).sheet_names(), with_agreement(&SHEETS_ZH, Lang::Zh));
    // Chinese names on the Chinese heatmap.
    let heatmap = sheet(&zh, "部门 × 维度");
    assert!(row_of(&heatmap, 0, "市卫生健康委员会").is_some());
}

#[test]
fn summary_and_scores_equal_the_cli_summary() {
    let loaded = common::sample();
    let bytes = render(&loaded, &options(Lang::En, None, None));
    let json = summary_json(None);
    let computed = analysis::summarize(&loaded.data, None);
    let summary = sheet(&bytes, "Overview");
    let scores = sheet(&bytes, "Dimensions");

    // Key figures.
    let overall_row = row_of(&summary, 0, "Overall level").unwrap();
    assert_close(
        number(&summary, overall_row, 1),
        computed.mean_level,
        "government mean",
    );
    let period_row = row_of(&summary, 0, "As of").unwrap();
    let period = json["period"].as_str().unwrap();
    match cell(&summary, period_row, 1) {
        Data::DateTime(d) => assert_eq!(excel_date(d).to_string(), period),
        other => panic!("the period should be an Excel date, is {other:?}"),
    }

    // The department table.
    let header = row_of(&summary, 0, "Department id").unwrap();
    let overall_col = col_of(&summary, header, "Overall level");
    let coverage_col = col_of(&summary, header, "Coverage");
    let departments = json["departments"].as_array().unwrap();
    assert_eq!(departments.len(), 12);
    let score_header = 0;
    let score_mean = col_of(&scores, score_header, "Mean");
    let score_floor = col_of(&scores, score_header, "Floor");
    let score_dimension = col_of(&scores, score_header, "Dimension id");
    for (department, from_analysis) in departments.iter().zip(&computed.departments) {
        let id = department["id"].as_str().unwrap();
        assert_eq!(id, from_analysis.department);
        let row = row_of(&summary, 0, id).unwrap_or_else(|| panic!("{id} is not on the Overview sheet"));
        assert_eq!(text(&summary, row, 1), department["name"].as_str().unwrap());
        let overall = number(&summary, row, overall_col);
        assert_close(overall, json_number(&department["overall"]), id);
        assert_close(
            overall,
            from_analysis.current.as_ref().and_then(|c| c.mean_level),
            id,
        );
        assert_close(
            number(&summary, row, coverage_col),
            json_number(&department["coverage"]),
            id,
        );
        for dimension in department["dimensions"].as_array().unwrap() {
            let dimension_id = dimension["id"].as_str().unwrap();
            let what = format!("{id} / {dimension_id}");
            let name = loaded
                .data
                .framework
                .dimension(dimension_id)
                .unwrap()
                .name
                .en
                .clone();
            let column = col_of(&summary, header, &name);
            assert_close(
                number(&summary, row, column),
                json_number(&dimension["score"]),
                &what,
            );
            // The Dimensions sheet: one row per department × dimension.
            let (end_row, _) = scores.end().unwrap();
            let score_row = (1..=end_row)
                .find(|&r| text(&scores, r, 0) == id && text(&scores, r, score_dimension) == dimension_id)
                .unwrap_or_else(|| panic!("{what} is not on the Dimensions sheet"));
            assert_close(
                number(&scores, score_row, score_mean),
                json_number(&dimension["score"]),
                &what,
            );
            assert_close(
                number(&scores, score_row, score_floor),
                json_number(&dimension["floor"]),
                &what,
            );
        }
    }
}

#[test]
fn an_earlier_period_reports_the_figures_of_that_period() {
    let loaded = common::sample();
    let bytes = render(&loaded, &options(Lang::En, None, Some(date(2024, 12, 31))));
    let json = summary_json(Some("2024-12-31"));
    let summary = sheet(&bytes, "Overview");
    let header = row_of(&summary, 0, "Department id").unwrap();
    let overall_col = col_of(&summary, header, "Overall level");
    for department in json["departments"].as_array().unwrap() {
        let id = department["id"].as_str().unwrap();
        let row = row_of(&summary, 0, id).unwrap();
        assert_close(
            number(&summary, row, overall_col),
            json_number(&department["overall"]),
            id,
        );
    }
    // Trends stop at the report's period: 2024-06-30 and 2024-12-31, in
    // the government table and in the long table alike.
    let trends = sheet(&bytes, "Trends");
    let (end_row, _) = trends.end().unwrap();
    let dates_in = |column: u32| -> Vec<NaiveDate> {
        (1..=end_row)
            .filter_map(|r| match cell(&trends, r, column) {
                Data::DateTime(d) => Some(excel_date(d)),
                _ => None,
            })
            .collect()
    };
    let government = col_of(&trends, 0, "Government mean") - 1;
    assert_eq!(dates_in(government), [date(2024, 6, 30), date(2024, 12, 31)]);
    let mut long = dates_in(col_of(&trends, 0, "Period"));
    long.dedup();
    assert!(long.iter().all(|d| *d <= date(2024, 12, 31)), "{long:?}");
    assert!(long.contains(&date(2024, 12, 31)));
}

#[test]
fn numbers_are_numbers_and_dates_are_dates() {
    let loaded = common::sample();
    let bytes = render(&loaded, &options(Lang::En, None, None));
    let mut workbook = open(&bytes);
    // Nowhere a dash standing in for a missing number.
    for name in SHEETS_EN {
        let range = workbook.worksheet_range(name).unwrap();
        for (r, c, value) in range.used_cells() {
            if let Data::String(s) = value {
                assert!(
                    !["–", "-", "—", "N/A"].contains(&s.trim()),
                    "{name} ({r}, {c}) holds {s:?}"
                );
            }
        }
    }
    let numeric_columns = |sheet: &str, headers: &[&str]| {
        let range = workbook_range(&bytes, sheet);
        let (end_row, _) = range.end().unwrap();
        assert!(end_row >= 1, "{sheet} is empty");
        let mut numbers = 0;
        for header in headers {
            let column = col_of(&range, 0, header);
            for row in 1..=end_row {
                if number(&range, row, column).is_some() {
                    numbers += 1;
                }
            }
        }
        assert!(numbers > 0, "{sheet}: no numbers in {headers:?}");
    };
    numeric_columns(
        "Dimensions",
        &[
            "Mean",
            "Floor",
            "Target",
            "Gap",
            "Priority",
            "Change since previous",
            "Coverage",
        ],
    );
    numeric_columns("Indicator answers", &["Level"]);
    numeric_columns("Top priorities", &["Current", "Target", "Gap", "Priority"]);
    numeric_columns("Ranking", &["Rank", "Overall level", "Change", "Coverage"]);
    numeric_columns("Framework", &["Dimension weight", "Indicator weight"]);
    numeric_columns("Departments × dimensions", &["Overall level"]);
    numeric_columns("Trends", &["Government mean", "Lowest", "Highest"]);

    // Periods are Excel dates.
    let answers = workbook_range(&bytes, "Indicator answers");
    let period = col_of(&answers, 0, "Assessed on");
    assert!(matches!(cell(&answers, 1, period), Data::DateTime(_)));
    let trends = workbook_range(&bytes, "Trends");
    let period = col_of(&trends, 0, "Period");
    assert!(matches!(cell(&trends, 1, period), Data::DateTime(_)));
    // Answers: every indicator of every current assessment.
    let (end_row, _) = answers.end().unwrap();
    let expected = 12 * loaded.data.framework.indicator_count();
    assert_eq!(usize::try_from(end_row).unwrap(), expected);
}

fn workbook_range(bytes: &[u8], name: &str) -> Range<Data> {
    sheet(bytes, name)
}

#[test]
fn charts_are_native_excel_charts() {
    let loaded = common::sample();
    let bytes = render(&loaded, &options(Lang::En, None, None));
    let names = zip_names(&bytes);
    let charts: Vec<_> = names
        .iter()
        .filter(|n| n.starts_with("xl/charts/chart"))
        .collect();
    assert_eq!(charts.len(), 2, "{names:?}");
    let radar = zip_text(&bytes, "xl/charts/chart1.xml");
    assert!(radar.contains("<c:radarChart>"), "chart1 is not a radar chart");
    assert!(
        radar.contains("Overview!$B$"),
        "the radar reads the Overview sheet"
    );
    let line = zip_text(&bytes, "xl/charts/chart2.xml");
    assert!(line.contains("<c:lineChart>"), "chart2 is not a line chart");
    assert!(line.contains("<c:dateAx>"), "the line chart has a date axis");
    // The government table stands right of the long table's 15 columns
    // (A–O) and an empty one (P): its periods are Q2:Q5.
    assert!(
        line.contains("Trends!$Q$2:$Q$5"),
        "the categories are the four periods"
    );
    assert!(
        line.contains("Trends!$R$2:$R$5"),
        "the line is the government mean"
    );
    // Three lines: the mean and the lowest and highest department, never
    // one per department.
    assert_eq!(line.matches("<c:ser>").count(), 3);
    // The heatmap's colour scale runs between the viridis ends.
    let heatmap = zip_text(&bytes, "xl/worksheets/sheet2.xml");
    assert!(heatmap.contains("<colorScale>"));
    assert!(heatmap.contains("FF440154") && heatmap.contains("FFFDE725"));
    // Header rows are frozen on every sheet.
    for sheet in 1..=8 {
        let xml = zip_text(&bytes, &format!("xl/worksheets/sheet{sheet}.xml"));
        assert!(
            xml.contains("state=\"frozen\""),
            "sheet{sheet} has no frozen header"
        );
        assert!(xml.contains("<cols>"), "sheet{sheet} has no column widths");
    }
}

const DEPARTMENT_SHEETS_EN: [&str; 8] = [
    "Overview",
    "Dimensions",
    "Indicator answers",
    "Top priorities",
    "Action plan",
    "Targets",
    "Trends",
    "Framework",
];
const DEPARTMENT_SHEETS_ZH: [&str; 8] = [
    "总览",
    "维度明细",
    "指标作答",
    "重点改进事项",
    "改进措施",
    "目标进展",
    "趋势",
    "框架",
];

#[test]
fn a_department_report_holds_that_department_only() {
    let loaded = common::sample();
    let id = "health-commission";
    let bytes = render(&loaded, &options(Lang::En, Some(id), None));
    let whole = render(&loaded, &options(Lang::En, None, None));
    let name = "Health Commission";
    let others: Vec<_> = loaded
        .data
        .workspace
        .departments
        .iter()
        .filter(|d| d.id != id)
        .collect();

    // No sheet that only compares departments: no one-row heatmap, no
    // ranking of one.
    assert_eq!(open(&bytes).sheet_names(), DEPARTMENT_SHEETS_EN);

    // The overview: its key figures, no table of one department.
    let summary = sheet(&bytes, "Overview");
    assert_eq!(text(&summary, 1, 0), name);
    assert_eq!(key_figure(&summary, "Department id"), Data::String(id.into()));
    let labels: Vec<String> = (0..=summary.end().unwrap().0)
        .map(|r| text(&summary, r, 0))
        .filter(|t| t == "Department id" || t == "Department")
        .collect();
    assert_eq!(labels, ["Department id"], "a one-row table of departments");
    // Its rank among all departments, "5 / 12", as the whole ranking has it.
    assert_eq!(key_figure(&summary, "Rank"), Data::Float(5.0));
    let ranking = sheet(&whole, "Ranking");
    let whole_row = row_of(&ranking, 1, name).unwrap();
    assert_eq!(number(&ranking, whole_row, 0), Some(5.0));
    assert!(zip_text(&bytes, "xl/styles.xml").contains("formatCode=\"0&quot; / 12&quot;\""));
    // Same figures as in the whole-government report.
    let whole_summary = sheet(&whole, "Overview");
    let whole_header = row_of(&whole_summary, 0, "Department id").unwrap();
    let whole_row = row_of(&whole_summary, 0, id).unwrap();
    let overall = number(
        &whole_summary,
        whole_row,
        col_of(&whole_summary, whole_header, "Overall level"),
    );
    assert_eq!(overall, Some(2.81));
    assert_eq!(key_figure(&summary, "Overall level"), Data::Float(2.81));
    assert_eq!(key_figure(&summary, "Overall target"), Data::Float(3.83));
    assert_eq!(key_figure(&summary, "On target"), Data::String("No".into()));
    // The notes wrap within the first columns, the heatmap not named.
    let legend = (0..=summary.end().unwrap().0)
        .map(|r| text(&summary, r, 0))
        .find(|t| t.starts_with("Notes: "))
        .unwrap();
    assert!(
        legend.contains("(a dashed border on the Trends sheet)"),
        "{legend}"
    );

    // Department columns hold it alone, on every sheet that lists departments.
    for (sheet_name, id_col, name_col) in [
        ("Dimensions", Some(0), Some(1)),
        ("Indicator answers", Some(0), Some(1)),
        ("Top priorities", None, Some(0)),
        ("Trends", Some(0), Some(1)),
    ] {
        let range = sheet(&bytes, sheet_name);
        let (end_row, _) = range.end().unwrap();
        assert!(end_row >= 1, "{sheet_name} is empty");
        for r in 1..=end_row {
            if let Some(c) = id_col {
                assert_eq!(text(&range, r, c), id, "{sheet_name} row {r}");
            }
            if let Some(c) = name_col {
                assert_eq!(text(&range, r, c), name, "{sheet_name} row {r}");
            }
        }
        for other in &others {
            assert!(row_of(&range, id_col.unwrap_or(0), &other.id).is_none());
            assert!(row_of(&range, name_col.unwrap_or(0), &other.name.en).is_none());
        }
    }
    // Trends: its own periods, no government table; the chart draws its
    // overall level and six dimensions from the long table.
    let trends = sheet(&bytes, "Trends");
    assert_eq!(trends.end().unwrap(), (4, 14));
    let line = zip_text(&bytes, "xl/charts/chart2.xml");
    assert_eq!(line.matches("<c:ser>").count(), 7);
    assert!(line.contains("Trends!$D$2:$D$5"), "periods from the long table");
    assert!(line.contains("Trends!$H$2:$H$5"), "the overall level");
    // Its radar compares it with its own targets, from level 1.
    let radar = zip_text(&bytes, "xl/charts/chart1.xml");
    assert!(radar.contains("<c:radarChart>"));
    assert!(radar.contains("<c:min val=\"1\"/>"));
}

#[test]
fn formula_looking_text_stays_text() {
    let mut loaded = common::sample();
    let department = &mut loaded.data.workspace.departments[0];
    department.name.en = "=HYPERLINK(\"http://evil.example\",\"click\")".to_owned();
    let id = department.id.clone();
    let period = loaded.data.periods().last().copied().unwrap();
    let assessment = loaded.data.find_mut(&id, period).unwrap();
    let (indicator, answer) = assessment.answers.iter_mut().next().unwrap();
    let indicator = indicator.to_owned();
    answer.evidence = "=1+1".to_owned();
    answer.comment = "@SUM(A1:A9)".to_owned();
    answer.links = vec!["+cmd|' /C calc'!A0".to_owned()];

    let bytes = render(&loaded, &options(Lang::En, None, None));
    let mut workbook = open(&bytes);
    let answers = workbook.worksheet_range("Indicator answers").unwrap();
    let evidence = col_of(&answers, 0, "Evidence");
    let comment = col_of(&answers, 0, "Comment");
    let links = col_of(&answers, 0, "Links");
    let indicator_col = col_of(&answers, 0, "Indicator id");
    let (end_row, _) = answers.end().unwrap();
    let row = (1..=end_row)
        .find(|&r| text(&answers, r, 0) == id && text(&answers, r, indicator_col) == indicator)
        .unwrap();
    assert_eq!(cell(&answers, row, evidence), Data::String("=1+1".into()));
    assert_eq!(cell(&answers, row, comment), Data::String("@SUM(A1:A9)".into()));
    assert_eq!(
        cell(&answers, row, links),
        Data::String("+cmd|' /C calc'!A0".into())
    );
    assert_eq!(
        text(&answers, row, 1),
        "=HYPERLINK(\"http://evil.example\",\"click\")"
    );
    // No sheet holds a single formula.
    for name in SHEETS_EN {
        let formulas = workbook.worksheet_formula(name).unwrap();
        assert!(
            formulas.used_cells().all(|(_, _, f)| f.is_empty()),
            "{name} holds a formula"
        );
    }
    for sheet in 1..=8 {
        let xml = zip_text(&bytes, &format!("xl/worksheets/sheet{sheet}.xml"));
        assert!(!xml.contains("<f>"), "sheet{sheet} holds a formula");
    }
}

#[test]
fn oversized_and_unusual_text_still_makes_a_workbook() {
    let mut loaded = common::sample();
    let id = loaded.data.workspace.departments[1].id.clone();
    loaded.data.workspace.departments[1].name.en =
        "Bureau \u{202e}lanigiro\u{202c} 🏛 & <b>\"x\"</b>".to_owned();
    let period = loaded.data.periods().last().copied().unwrap();
    let assessment = loaded.data.find_mut(&id, period).unwrap();
    let answer = assessment.answers.values_mut().next().unwrap();
    answer.evidence = "证据".repeat(20_000);
    answer.comment = "control \u{1} \u{8} chars".to_owned();
    let bytes = render(&loaded, &options(Lang::En, None, None));
    let answers = sheet(&bytes, "Indicator answers");
    let evidence = col_of(&answers, 0, "Evidence");
    let (end_row, _) = answers.end().unwrap();
    let longest = (1..=end_row)
        .map(|r| text(&answers, r, evidence).chars().count())
        .max()
        .unwrap();
    assert_eq!(longest, 32_767, "cut to Excel's cell limit");
    let heatmap = sheet(&bytes, "Departments × dimensions");
    assert!(row_of(&heatmap, 0, "Bureau \u{202e}lanigiro\u{202c} 🏛 & <b>\"x\"</b>").is_some());
}

#[test]
fn a_workspace_without_assessments_still_makes_a_workbook() {
    let mut loaded = common::sample();
    loaded.data.assessments.clear();
    let bytes = render(&loaded, &options(Lang::En, None, None));
    assert_eq!(open(&bytes).sheet_names(), SHEETS_EN);
    let summary = sheet(&bytes, "Overview");
    let overall_row = row_of(&summary, 0, "Overall level").unwrap();
    assert_eq!(number(&summary, overall_row, 1), None);
    // Every department is listed, without figures; no line chart without periods.
    let header = row_of(&summary, 0, "Department id").unwrap();
    let overall = col_of(&summary, header, "Overall level");
    assert_eq!(number(&summary, header + 1, overall), None);
    let charts = zip_names(&bytes)
        .into_iter()
        .filter(|n| n.starts_with("xl/charts/"))
        .count();
    assert_eq!(charts, 1, "the radar alone");
}

#[test]
fn report_write_leaves_a_complete_file_or_nothing() {
    let loaded = common::sample();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report.xlsx");
    report::write(&loaded, &options(Lang::Zh, None, None), &out).unwrap();
    let bytes = std::fs::read(&out).unwrap();
    assert_eq!(open(&bytes).sheet_names(), with_agreement(&SHEETS_ZH, Lang::Zh));

    let missing = dir.path().join("no-such-folder").join("report.xlsx");
    let error = report::write(&loaded, &options(Lang::En, None, None), &missing).unwrap_err();
    assert!(error.to_string().contains("report.xlsx"), "{error}");
    assert!(!missing.exists());
    let unknown = report::render(&loaded, &options(Lang::En, Some("no-such-department"), None));
    assert!(unknown.is_err());
}

#[test]
fn the_command_line_writes_the_workbook() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("健康委.xlsx");
    let output = Command::new(env!("CARGO_BIN_EXE_govmaturity"))
        .args([
            "report",
            common::sample_dir().to_str().unwrap(),
            "--format",
            "xlsx",
            "--lang",
            "zh",
        ])
        .args(["--department", "health-commission", "--out"])
        .arg(&out)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let bytes = std::fs::read(&out).unwrap();
    assert_eq!(open(&bytes).sheet_names(), DEPARTMENT_SHEETS_ZH);
    let summary = sheet(&bytes, "总览");
    assert_eq!(text(&summary, 1, 0), "市卫生健康委员会");
    assert_eq!(
        key_figure(&summary, "部门编号"),
        Data::String("health-commission".into())
    );
}

// ---- What a figure counts (issue 8 §2) ----

fn basis_options(lang: Lang, basis: analysis::Basis) -> ReportOptions {
    ReportOptions {
        kind: Default::default(),
        style: Default::default(),
        split: false,
        basis,
        ..options(lang, None, None)
    }
}

/// The value beside a key figure's label in column A of the Overview sheet.
fn key_figure(summary: &Range<Data>, label: &str) -> Data {
    let row = row_of(summary, 0, label).unwrap_or_else(|| panic!("no key figure {label:?}"));
    cell(summary, row, 1)
}

/// A department's cell under `header` in the Overview sheet's department table.
fn department_cell(summary: &Range<Data>, id: &str, header: &str) -> Data {
    let header_row = row_of(summary, 0, "Department id")
        .or_else(|| row_of(summary, 0, "部门编号"))
        .unwrap();
    let row = row_of(summary, 0, id).unwrap_or_else(|| panic!("{id} is not on the Overview sheet"));
    cell(summary, row, col_of(summary, header_row, header))
}

fn has_string(range: &Range<Data>, text: &str) -> bool {
    range
        .cells()
        .any(|(_, _, value)| *value == Data::String(text.to_owned()))
}

#[test]
fn latest_basis_workbook_marks_provisional_rows_in_words_and_borders() {
    let loaded = common::sample();
    let bytes = render(&loaded, &basis_options(Lang::En, analysis::Basis::Latest));
    let summary = sheet(&bytes, "Overview");
    assert_eq!(
        key_figure(&summary, "Basis"),
        Data::String("latest assessments, approved or not (unapproved figures are provisional)".into())
    );
    assert_eq!(key_figure(&summary, "Approved"), Data::Float(7.0));
    assert_eq!(key_figure(&summary, "Provisional"), Data::Float(5.0));
    assert_eq!(key_figure(&summary, "Assessed at this period"), Data::Float(12.0));
    assert_eq!(
        key_figure(&summary, "Carried over from earlier"),
        Data::Float(0.0)
    );
    assert!(has_string(
        &summary,
        "As of 2025-12-31, all 12 departments assessed: 7 approved, 5 provisional."
    ));
    assert_eq!(
        department_cell(&summary, "health-commission", "Notes"),
        Data::String("provisional".into())
    );
    assert_eq!(department_cell(&summary, "big-data-bureau", "Notes"), Data::Empty);
    assert_eq!(
        department_cell(&summary, "health-commission", "Status"),
        Data::String("Submitted".into())
    );
    // Six dimension targets of weight 1: 4, 4, 4, 3, 4, 4 → 23 / 6 = 3.83;
    // Big Data Bureau's own sharing target 5 → 24 / 6 = 4.
    assert_eq!(
        department_cell(&summary, "finance-bureau", "Overall target"),
        Data::Float(3.83)
    );
    assert_eq!(
        department_cell(&summary, "big-data-bureau", "Overall target"),
        Data::Float(4.0)
    );
    assert_eq!(
        department_cell(&summary, "big-data-bureau", "On target"),
        Data::String("No".into())
    );
    // The heatmap says it in words and borders the provisional rows with dashes.
    let heatmap = sheet(&bytes, "Departments × dimensions");
    let notes = col_of(&heatmap, 0, "Notes");
    let health = row_of(&heatmap, 0, "Health Commission").unwrap();
    assert_eq!(text(&heatmap, health, notes), "provisional");
    assert!(has_string(
        &heatmap,
        "Dashed border: provisional figure (the assessment is not yet approved); the Notes column says so in words."
    ));
    assert!(zip_text(&bytes, "xl/styles.xml").contains("mediumDashed"));
    let priorities = sheet(&bytes, "Top priorities");
    let notes = col_of(&priorities, 0, "Notes");
    let provisional = (1..=priorities.end().unwrap().0)
        .find(|&r| text(&priorities, r, 0) == "Civil Affairs Bureau")
        .expect("Civil Affairs, provisional, has a top priority");
    assert_eq!(text(&priorities, provisional, notes), "provisional");

    let zh = render(&loaded, &basis_options(Lang::Zh, analysis::Basis::Latest));
    let summary = sheet(&zh, "总览");
    assert_eq!(key_figure(&summary, "暂定"), Data::Float(5.0));
    assert_eq!(
        department_cell(&summary, "health-commission", "说明"),
        Data::String("暂定".into())
    );
    assert!(has_string(
        &summary,
        "截至2025年12月31日，12个部门均有评估计入统计，其中已批准7个、暂定5个。"
    ));
    let heatmap = sheet(&zh, "部门 × 维度");
    let health = row_of(&heatmap, 0, "市卫生健康委员会").unwrap();
    assert_eq!(text(&heatmap, health, col_of(&heatmap, 0, "说明")), "暂定");
}

#[test]
fn approved_basis_workbook_has_nothing_provisional_and_names_newer_work() {
    let loaded = common::sample();
    let bytes = render(&loaded, &basis_options(Lang::En, analysis::Basis::Approved));
    let summary = sheet(&bytes, "Overview");
    assert_eq!(
        key_figure(&summary, "Basis"),
        Data::String("approved assessments only".into())
    );
    assert_eq!(key_figure(&summary, "Provisional"), Data::Float(0.0));
    assert_eq!(
        key_figure(&summary, "Carried over from earlier"),
        Data::Float(5.0)
    );
    assert_eq!(
        key_figure(&summary, "Newer work not yet approved, not counted"),
        Data::Float(5.0)
    );
    assert_eq!(
        department_cell(&summary, "health-commission", "Notes"),
        Data::String(
            "carried over from 2025-06-30; newer assessment not yet approved, not counted (Submitted, 2025-12-31)"
                .into()
        )
    );
    assert!(has_string(
        &summary,
        "5 departments have newer work not yet approved, not counted."
    ));
    assert!(!zip_text(&bytes, "xl/styles.xml").contains("mediumDashed"));
    let heatmap = sheet(&bytes, "Departments × dimensions");
    assert!(
        !heatmap
            .cells()
            .any(|(_, _, v)| *v == Data::String("provisional".into()))
    );

    let zh = render(&loaded, &basis_options(Lang::Zh, analysis::Basis::Approved));
    let summary = sheet(&zh, "总览");
    assert_eq!(
        department_cell(&summary, "health-commission", "说明"),
        Data::String("沿用2025年6月30日的评估；较新的评估尚未批准，未计入（已提交，2025年12月31日）".into())
    );
    assert!(has_string(&summary, "仅计已批准的评估。"));
}

#[test]
fn an_unreadable_newest_file_is_flagged_in_the_workbook() {
    let dir = crate::report_fixtures::damaged_newest();
    let loaded = govmaturity::store::load(dir.path()).unwrap();
    let bytes = render(&loaded, &basis_options(Lang::En, analysis::Basis::Latest));
    let summary = sheet(&bytes, "Overview");
    assert_eq!(
        key_figure(&summary, "Latest assessment could not be read"),
        Data::Float(1.0)
    );
    assert_eq!(
        department_cell(&summary, "finance-bureau", "Notes"),
        Data::String(
            "carried over from 2025-06-30; latest assessment could not be read: finance-bureau/2025-12-31.ron".into()
        )
    );
    assert!(has_string(
        &summary,
        "Finance Bureau: latest assessment could not be read: finance-bureau/2025-12-31.ron"
    ));
    let heatmap = sheet(&bytes, "Departments × dimensions");
    let finance = row_of(&heatmap, 0, "Finance Bureau").unwrap();
    assert_eq!(
        text(&heatmap, finance, col_of(&heatmap, 0, "Notes")),
        "carried over from 2025-06-30; latest assessment could not be read: finance-bureau/2025-12-31.ron"
    );
    let zh = render(&loaded, &basis_options(Lang::Zh, analysis::Basis::Latest));
    let summary = sheet(&zh, "总览");
    assert_eq!(
        department_cell(&summary, "finance-bureau", "说明"),
        Data::String("沿用2025年6月30日的评估；最新评估无法读取：finance-bureau/2025-12-31.ron".into())
    );
}

#[test]
fn an_older_assessment_is_carried_over_in_the_workbook() {
    let dir = crate::report_fixtures::only_older();
    let loaded = govmaturity::store::load(dir.path()).unwrap();
    let bytes = render(&loaded, &basis_options(Lang::En, analysis::Basis::Latest));
    let summary = sheet(&bytes, "Overview");
    assert_eq!(
        department_cell(&summary, "transport-bureau", "Notes"),
        Data::String("carried over from 2025-06-30".into())
    );
    match department_cell(&summary, "transport-bureau", "Assessed on") {
        Data::DateTime(d) => assert_eq!(excel_date(d), date(2025, 6, 30)),
        other => panic!("the assessment date should be an Excel date, is {other:?}"),
    }
    assert!(has_string(
        &summary,
        "11 assessed at this period, 1 carried over from earlier."
    ));
}

// ---- One voice (issue 9): the figure as shown, the app's terms ----

/// The Big Data Bureau's "design" dimension made to average exactly 2.625:
/// its first indicator at level 3 with weight 5, its second at level 2 with
/// weight 3, the others not applicable: (3 × 5 + 2 × 3) / 8 = 21 / 8 = 2.625.
fn two_point_six_two_five() -> LoadedWorkspace {
    let mut loaded = common::sample();
    let dimension = loaded
        .data
        .framework
        .dimensions
        .iter()
        .find(|d| d.id == "design")
        .unwrap();
    let indicators: Vec<String> = dimension.indicators.iter().map(|i| i.id.clone()).collect();
    loaded.data.workspace.weights.insert(indicators[0].clone(), 5.0);
    loaded.data.workspace.weights.insert(indicators[1].clone(), 3.0);
    let assessment = loaded
        .data
        .find_mut("big-data-bureau", date(2025, 12, 31))
        .unwrap();
    for (i, id) in indicators.iter().enumerate() {
        assessment.answers.entry(id.clone()).or_default().rating = match i {
            0 => Rating::Level(Level::new(3).unwrap()),
            1 => Rating::Level(Level::new(2).unwrap()),
            _ => Rating::NotApplicable {
                reason: "not ours".to_owned(),
            },
        };
    }
    loaded
}

#[test]
fn a_mean_of_2_625_is_stored_as_2_63_as_every_output_shows_it() {
    let loaded = two_point_six_two_five();
    let bytes = render(&loaded, &options(Lang::En, None, None));
    // Ties to even would store (and show) 2.62.
    let heatmap = sheet(&bytes, "Departments × dimensions");
    let row = row_of(&heatmap, 0, "Big Data Bureau").unwrap();
    let column = col_of(&heatmap, 0, "Top-level design & standards");
    assert_eq!(cell(&heatmap, row, column), Data::Float(2.63));
    let dimensions = sheet(&bytes, "Dimensions");
    let (end_row, _) = dimensions.end().unwrap();
    let row = (1..=end_row)
        .find(|&r| text(&dimensions, r, 0) == "big-data-bureau" && text(&dimensions, r, 3) == "design")
        .unwrap();
    assert_eq!(
        cell(&dimensions, row, col_of(&dimensions, 0, "Mean")),
        Data::Float(2.63)
    );
    // Two of the five indicators apply: coverage 100%, stored as 1.
    assert_eq!(
        cell(&dimensions, row, col_of(&dimensions, 0, "Coverage")),
        Data::Float(1.0)
    );
    // Its floor is the level-2 indicator.
    assert_eq!(
        cell(&dimensions, row, col_of(&dimensions, 0, "Floor")),
        Data::Float(2.0)
    );
}

#[test]
fn number_formats_show_the_digits_the_app_shows() {
    let loaded = common::sample();
    let bytes = render(&loaded, &options(Lang::En, None, None));
    let styles = zip_text(&bytes, "xl/styles.xml");
    for code in [
        "formatCode=\"0.00\"",
        "formatCode=\"0%\"",
        // A true minus, as "−0.50" reads in the app and the reports.
        "formatCode=\"+0.00;&quot;−&quot;0.00;0.00\"",
        // The shared rank "8 / 12": the number 8 with " / 12" after it.
        "formatCode=\"0&quot; / 12&quot;\"",
        "formatCode=\"yyyy-mm-dd\"",
    ] {
        assert!(styles.contains(code), "no number format {code} in {styles}");
    }
}

#[test]
fn the_ranking_sheet_gives_equal_levels_a_shared_rank() {
    let loaded = common::sample();
    let bytes = render(&loaded, &options(Lang::En, None, None));
    let ranking = sheet(&bytes, "Ranking");
    let headers: Vec<String> = (0..7).map(|c| text(&ranking, 0, c)).collect();
    assert_eq!(
        headers,
        [
            "Rank",
            "Department",
            "Overall level",
            "Stage",
            "Change",
            "Coverage",
            "Notes"
        ]
    );
    let rows: Vec<(Data, String, Data)> = (1..=12)
        .map(|r| (cell(&ranking, r, 0), text(&ranking, r, 1), cell(&ranking, r, 2)))
        .collect();
    // Emergency Management and Finance both show 2.58: both 9th, then 11th.
    assert_eq!(
        rows[7],
        (Data::Float(8.0), "Transport Bureau".to_owned(), Data::Float(2.61))
    );
    assert_eq!(
        rows[8],
        (
            Data::Float(9.0),
            "Emergency Management Bureau".to_owned(),
            Data::Float(2.58)
        )
    );
    assert_eq!(
        rows[9],
        (Data::Float(9.0), "Finance Bureau".to_owned(), Data::Float(2.58))
    );
    assert_eq!(
        rows[10],
        (
            Data::Float(11.0),
            "Education Bureau".to_owned(),
            Data::Float(2.49)
        )
    );
    assert_eq!(text(&ranking, 3, 3), "2 · Embryonic");
    assert_eq!(cell(&ranking, 1, 4), Data::Float(0.24));
    assert_eq!(text(&ranking, 5, 6), "provisional");
}

#[test]
fn the_top_priorities_have_the_columns_of_the_pdf_table() {
    let loaded = common::sample();
    let bytes = render(&loaded, &options(Lang::En, None, None));
    let priorities = sheet(&bytes, "Top priorities");
    let (end_row, end_col) = priorities.end().unwrap();
    let headers: Vec<String> = (0..=end_col).map(|c| text(&priorities, 0, c)).collect();
    // The PDF's seven columns, then what it prints under the cells.
    assert_eq!(
        headers,
        [
            "Department",
            "Indicator",
            "Current",
            "Target",
            "Gap",
            "Priority",
            "What to do next (next level)",
            "Dimension",
            "Notes"
        ]
    );
    // The report's ten, not every shortfall.
    assert_eq!(end_row, 10);
    let first: Vec<Data> = (0..=end_col).map(|c| cell(&priorities, 1, c)).collect();
    assert_eq!(
        first,
        [
            Data::String("Civil Affairs Bureau".into()),
            Data::String("Independence from vendors".into()),
            Data::Float(1.0),
            Data::Float(4.0),
            Data::Float(3.0),
            Data::Float(15.0),
            Data::String(
                "Level 2 — Contracts exist but say nothing about data or intellectual-property ownership."
                    .into()
            ),
            Data::String("Organisation & coordination".into()),
            Data::String("provisional".into()),
        ]
    );
}

#[test]
fn the_chinese_workbook_uses_the_apps_terms() {
    let loaded = common::sample();
    let bytes = render(&loaded, &options(Lang::Zh, None, None));
    let dimensions = sheet(&bytes, "维度明细");
    let (_, end_col) = dimensions.end().unwrap();
    let headers: Vec<String> = (0..=end_col).map(|c| text(&dimensions, 0, c)).collect();
    for term in ["覆盖率", "优先级", "差距", "目标", "较上期变化"] {
        assert!(
            headers.iter().any(|h| h == term),
            "{term} is not a heading: {headers:?}"
        );
    }
    let ranking = sheet(&bytes, "排名");
    assert_eq!(text(&ranking, 0, 0), "名次");
    assert_eq!(text(&ranking, 0, 5), "覆盖率");
    let priorities = sheet(&bytes, "重点改进事项");
    assert_eq!(text(&priorities, 0, 5), "优先级");
    let overview = sheet(&bytes, "总览");
    assert_eq!(key_figure(&overview, "覆盖率"), Data::Float(0.98));
    // Dates inside the Chinese notes are Chinese; dates in data cells are dates.
    assert_eq!(
        department_cell(&overview, "health-commission", "说明"),
        Data::String("暂定".into())
    );
    assert!(has_string(
        &overview,
        "截至2025年12月31日，12个部门均有评估计入统计，其中已批准7个、暂定5个。"
    ));
    // Yes/no columns are words a Chinese reader reads, not TRUE/FALSE;
    // dates show as Chinese dates.
    let imbalanced = col_of(&dimensions, 0, "发展不均衡");
    let answers: Vec<Data> = (1..dimensions.height() as u32)
        .filter_map(|r| dimensions.get_value((r, imbalanced)).cloned())
        .collect();
    assert!(!answers.is_empty());
    assert!(
        answers
            .iter()
            .all(|a| *a == Data::String("否".into()) || *a == Data::String("是".into())),
        "{answers:?}"
    );
    let styles = zip_text(&bytes, "xl/styles.xml");
    assert!(
        styles.contains("formatCode=\"yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;\""),
        "{styles}"
    );
}

// ---- Report kinds, long trends, no backticks (issue 11) ----

#[test]
fn the_trends_sheet_is_one_row_per_department_and_period() {
    let loaded = common::sample();
    let bytes = render(&loaded, &options(Lang::En, None, None));
    let trends = sheet(&bytes, "Trends");
    let header: Vec<String> = (0..15).map(|c| text(&trends, 0, c)).collect();
    assert_eq!(
        header,
        [
            "Department id",
            "Department",
            "Parent department",
            "Period",
            "Status",
            "Provisional",
            "Counted in the figures",
            "Overall level",
            "Stage",
            "Top-level design & standards",
            "Data sharing & openness",
            "Data security & privacy",
            "Digital talent & skills",
            "Organisation & coordination",
            "Service capacity & resilience",
        ]
    );
    // An empty column, then the government table.
    assert_eq!(cell(&trends, 0, 15), Data::Empty);
    assert_eq!(text(&trends, 0, 16), "Period");
    assert_eq!(text(&trends, 0, 17), "Government mean");
    // Every assessment of the sample (all count on the latest basis): 12
    // departments, each assessed at the 4 periods.
    let rows: Vec<u32> = (1..=trends.end().unwrap().0)
        .filter(|&r| !text(&trends, r, 0).is_empty())
        .collect();
    assert_eq!(rows.len(), 48);
    let row_of_period = |id: &str, period: NaiveDate| {
        rows.iter()
            .copied()
            .find(|&r| {
                text(&trends, r, 0) == id
                    && matches!(cell(&trends, r, 3), Data::DateTime(d) if excel_date(d) == period)
            })
            .unwrap_or_else(|| panic!("no row for {id} at {period}"))
    };
    // The Big Data Bureau at its first period: approved, not the counted one.
    let r = row_of_period("big-data-bureau", date(2024, 6, 30));
    assert_eq!(text(&trends, r, 1), "Big Data Bureau");
    assert_eq!(text(&trends, r, 2), "");
    assert_eq!(text(&trends, r, 4), "Approved");
    assert_eq!(text(&trends, r, 5), "No");
    assert_eq!(text(&trends, r, 6), "No");
    assert_eq!(number(&trends, r, 7), Some(3.07));
    assert_eq!(text(&trends, r, 8), "3 · Growth");
    let dimensions: Vec<Option<f64>> = (9..15).map(|c| number(&trends, r, c)).collect();
    assert_eq!(
        dimensions,
        [Some(3.2), Some(3.2), Some(3.0), Some(2.5), Some(3.5), Some(3.0)]
    );
    // Its latest period is the counted one.
    let r = row_of_period("big-data-bureau", date(2025, 12, 31));
    assert_eq!(text(&trends, r, 6), "Yes");
    assert_eq!(number(&trends, r, 7), Some(3.87));
    // A department under a parent names it; a submitted assessment is provisional.
    let r = row_of_period("gov-service-centre", date(2024, 6, 30));
    assert_eq!(text(&trends, r, 2), "Big Data Bureau");
    let r = row_of_period("health-commission", date(2025, 12, 31));
    assert_eq!(text(&trends, r, 4), "Submitted");
    assert_eq!(text(&trends, r, 5), "Yes");
    assert_eq!(number(&trends, r, 7), Some(2.81));
    // Departments in order, periods oldest first within each.
    assert_eq!(text(&trends, 1, 0), "big-data-bureau");
    // The header is frozen with an autofilter over the long table.
    let xml = zip_text(&bytes, "xl/worksheets/sheet9.xml");
    assert!(xml.contains("<autoFilter ref=\"A1:O49\"/>"), "autofilter");
    assert!(xml.contains("state=\"frozen\""));
}

#[test]
fn the_chinese_trends_sheet_has_chinese_headers_and_dates() {
    let loaded = common::sample();
    let bytes = render(&loaded, &options(Lang::Zh, None, None));
    let trends = sheet(&bytes, "趋势");
    let header: Vec<String> = (0..9).map(|c| text(&trends, 0, c)).collect();
    assert_eq!(
        header,
        [
            "部门编号",
            "部门",
            "上级部门",
            "评估期",
            "状态",
            "暂定",
            "计入当前结果",
            "总体等级",
            "阶段",
        ]
    );
    assert_eq!(text(&trends, 1, 1), "市大数据局");
    assert_eq!(text(&trends, 1, 5), "否");
    assert!(matches!(cell(&trends, 1, 3), Data::DateTime(_)));
    // The periods show as Chinese dates.
    assert!(zip_text(&bytes, "xl/styles.xml").contains("yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"));
}

#[test]
fn the_radar_runs_from_level_1_to_5() {
    let loaded = common::sample();
    let bytes = render(&loaded, &options(Lang::En, None, None));
    let radar = zip_text(&bytes, "xl/charts/chart1.xml");
    let axis = &radar[radar.find("<c:valAx>").unwrap()..];
    assert!(axis.contains("<c:max val=\"5\"/><c:min val=\"1\"/>"), "{axis}");
    assert!(axis.contains("<c:majorUnit val=\"1\"/>"), "{axis}");
}

/// Every string a workbook holds: its cells, and the text of its charts,
/// drop-downs and properties (the XML parts).
fn backticks(bytes: &[u8]) -> Vec<String> {
    let mut found = Vec::new();
    let mut workbook = open(bytes);
    for name in workbook.sheet_names() {
        let range = workbook.worksheet_range(&name).unwrap();
        for (r, c, value) in range.used_cells() {
            if let Data::String(s) = value
                && s.contains('`')
            {
                found.push(format!("{name} ({r}, {c}): {s}"));
            }
        }
    }
    for part in zip_names(bytes) {
        if part.ends_with(".xml") && zip_text(bytes, &part).contains('`') {
            found.push(part);
        }
    }
    found
}

#[test]
fn no_developer_backticks_in_any_workbook() {
    let loaded = common::sample();
    for lang in [Lang::En, Lang::Zh] {
        for (kind, department) in [
            (ReportKind::Full, None),
            (ReportKind::Full, Some("health-commission")),
            (ReportKind::Brief, None),
        ] {
            let options = ReportOptions {
                kind,
                ..options(lang, department, None)
            };
            let bytes = render(&loaded, &options);
            let found = backticks(&bytes);
            assert!(found.is_empty(), "{lang:?} {kind:?}: {found:?}");
        }
    }
    // Nor with most assessments missing (blank figures, fewer notes).
    let mut broken = common::sample();
    broken.data.assessments.truncate(3);
    let bytes = render(&broken, &options(Lang::En, None, None));
    assert!(backticks(&bytes).is_empty());
}

/// The brief's tables as the document has them.
fn brief_document(loaded: &LoadedWorkspace, lang: Lang) -> govmaturity::present::document::Document {
    let options = ReportOptions {
        kind: ReportKind::Brief,
        ..options(lang, None, None)
    };
    let content = govmaturity::present::report::build(loaded, &options);
    govmaturity::present::build::document(&content)
}

#[test]
fn a_brief_workbook_is_a_cover_and_one_sheet_per_table() {
    let loaded = common::sample();
    for (lang, cover) in [(Lang::En, "Brief"), (Lang::Zh, "简报")] {
        let options = ReportOptions {
            kind: ReportKind::Brief,
            ..options(lang, None, None)
        };
        let bytes = render(&loaded, &options);
        let document = brief_document(&loaded, lang);
        let tables: Vec<_> = document.tables().collect();
        let mut workbook = open(&bytes);
        let names = workbook.sheet_names();
        assert_eq!(names[0], cover);
        assert_eq!(names.len(), tables.len() + 1, "{names:?}");
        // The cover: the brief's title on top, a link to every table's sheet.
        let front = workbook.worksheet_range(cover).unwrap();
        assert_eq!(text(&front, 0, 0), document.title);
        for name in &names[1..] {
            assert!(
                has_string(&front, &format!("→ {name}")),
                "{lang:?}: no link to {name}"
            );
            let xml_links = zip_text(&bytes, "xl/worksheets/sheet1.xml");
            assert!(xml_links.contains("location="), "internal links");
        }
        // Each table: its header in row 0, one row per table row, figures
        // as numbers (a level "2.73" is 2.73), dates as dates.
        for (table, name) in tables.iter().zip(&names[1..]) {
            assert!(name.chars().count() <= 31, "{name}");
            let range = workbook.worksheet_range(name).unwrap();
            for (c, column) in table.columns.iter().enumerate() {
                assert_eq!(text(&range, 0, c as u32), column.header, "{name}");
            }
            assert_eq!(range.height(), table.rows.len() + 1, "{name}");
            for (r, row) in table.rows.iter().enumerate() {
                for (c, cell) in row.iter().enumerate() {
                    let value = range
                        .get_value((r as u32 + 1, c as u32))
                        .cloned()
                        .unwrap_or(Data::Empty);
                    use govmaturity::present::document::CellKind;
                    match (&cell.kind, &value) {
                        (CellKind::Level(Some(_)), Data::Float(v)) => {
                            assert_eq!(format!("{v:.2}"), cell.text, "{name}")
                        }
                        (CellKind::WholeLevel(Some(l)), Data::Float(v)) => {
                            assert_eq!(*v, f64::from(l.get()), "{name}")
                        }
                        (CellKind::Date(Some(d)), Data::DateTime(v)) => {
                            assert_eq!(excel_date(*v), *d, "{name}")
                        }
                        (CellKind::Text, Data::String(s)) => assert_eq!(*s, cell.text, "{name}"),
                        (CellKind::Text, Data::Empty) => assert!(cell.text.is_empty(), "{name}"),
                        (
                            CellKind::Level(Some(_))
                            | CellKind::WholeLevel(Some(_))
                            | CellKind::Date(Some(_))
                            | CellKind::Text,
                            other,
                        ) => panic!("{name} ({r}, {c}): {other:?} for {cell:?}"),
                        _ => {}
                    }
                }
            }
        }
    }
}

#[test]
fn the_command_line_writes_a_brief_workbook() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("brief.xlsx");
    let output = Command::new(env!("CARGO_BIN_EXE_govmaturity"))
        .args(["report", common::sample_dir().to_str().unwrap()])
        .args(["--kind", "brief", "--format", "xlsx", "--out"])
        .arg(&out)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let bytes = std::fs::read(&out).unwrap();
    let names = open(&bytes).sheet_names();
    assert_eq!(names[0], "Brief");
    assert!(!names.contains(&"Indicator answers".to_owned()), "{names:?}");
}

#[test]
fn a_large_workspace_has_a_narrow_trends_sheet_and_a_three_line_chart() {
    let dir = tempfile::tempdir().unwrap();
    let workspace = dir.path().join("g");
    let output = Command::new(env!("CARGO_BIN_EXE_govmaturity"))
        .arg("generate")
        .arg(&workspace)
        .args(["--departments", "150", "--periods", "3", "--seed", "7"])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let loaded = govmaturity::store::load(&workspace).unwrap();
    let assessments = loaded.data.assessments.len();
    let bytes = render(&loaded, &options(Lang::En, None, None));
    let trends = sheet(&bytes, "Trends");
    // 15 columns, an empty one and the government table's 5, whatever
    // the number of departments; a row per assessment.
    assert_eq!(trends.end().unwrap().1, 20);
    let rows = (1..=trends.end().unwrap().0)
        .filter(|&r| !text(&trends, r, 0).is_empty())
        .count();
    assert_eq!(rows, assessments);
    let line = zip_text(&bytes, "xl/charts/chart2.xml");
    assert_eq!(line.matches("<c:ser>").count(), 3);
}

#[test]
fn on_the_approved_basis_the_trends_hold_approved_assessments_only() {
    let loaded = common::sample();
    let bytes = render(&loaded, &basis_options(Lang::En, analysis::Basis::Approved));
    let trends = sheet(&bytes, "Trends");
    let rows: Vec<u32> = (1..=trends.end().unwrap().0)
        .filter(|&r| text(&trends, r, 0) == "health-commission")
        .collect();
    // Its submitted 2025-12-31 assessment does not count: three rows, the
    // last (2025-06-30) the one the figures count, carried over.
    assert_eq!(rows.len(), 3);
    let last = *rows.last().unwrap();
    assert!(matches!(cell(&trends, last, 3), Data::DateTime(d) if excel_date(d) == date(2025, 6, 30)));
    assert_eq!(text(&trends, last, 6), "Yes");
    assert_eq!(number(&trends, last, 7), Some(2.66));
    // 43 approved assessments in all, none provisional.
    let all: Vec<u32> = (1..=trends.end().unwrap().0)
        .filter(|&r| !text(&trends, r, 0).is_empty())
        .collect();
    assert_eq!(all.len(), 43);
    assert!(
        all.iter()
            .all(|&r| text(&trends, r, 4) == "Approved" && text(&trends, r, 5) == "No")
    );
}

#[test]
fn a_split_full_workbook_says_where_the_answers_are() {
    let loaded = common::sample();
    let dir = tempfile::tempdir().unwrap();
    let options = ReportOptions {
        split: true,
        ..options(Lang::En, None, None)
    };
    let written = report::write_split(&loaded, &options, dir.path()).unwrap();
    assert_eq!(written.len(), 12);
    let one = std::fs::read(dir.path().join("finance-bureau.xlsx")).unwrap();
    assert_eq!(open(&one).sheet_names(), DEPARTMENT_SHEETS_EN);
    let whole = render(&loaded, &options);
    let answers = sheet(&whole, "Indicator answers");
    assert_eq!(
        text(&answers, 1, 0),
        "Each department's answers are in its own workbook, written beside this one."
    );
}
