//! The Excel workbook report: the same figures and words as the HTML and PDF
//! reports, printed from [`ReportContent`] (built once by
//! [`crate::present::report::build`]). What it holds depends on the kind of
//! report ([`crate::present::report::ReportOptions::effective_kind`]):
//!
//! - **full** (the default): ten sheets. The overview (key figures, every
//!   department with one column per dimension, a native radar chart, the
//!   stage distribution and how to read the figures), the heatmap (a colour
//!   scale by conditional formatting), the ranking, the dimension figures,
//!   the indicator answers, the top priorities, the action plan (status as
//!   a drop-down, dates as dates, overdue rows highlighted and said in
//!   words, an autofilter), the targets and whether each will be met, the
//!   trends (long format: one row per department and period, see
//!   [`trends`]) and the framework.
//! - **department**: the same for one department without what only
//!   compares departments: no heatmap and no ranking sheet (its rank among
//!   all departments, "7 / 12", is a key figure), and no one-row table of
//!   departments on the overview (its key figures say the same). Eight
//!   sheets.
//! - Either ends with a rater-agreement sheet when
//!   a department in it has several assessors: each one's largest
//!   disagreements (the department pages' table, see
//!   [`crate::present::build::agreement_table`]).
//! - **brief**: the brief's own tables ([`document`]): a cover sheet with
//!   the key figures and the brief's text, then one sheet per table.
//!
//! Nothing is computed here. Figures are numbers, stored rounded by
//! [`format::round`] to the digits shown and given a number format that
//! shows exactly what [`format`] writes (levels "0.00", percentages "0%",
//! priorities "0.00", changes "+0.25" / "−0.50"), so a cell's value is the
//! figure the app and the other reports print. A missing figure is a blank
//! cell, never a dash. Dates in data cells are Excel dates, shown as
//! "2025-12-31" or "2025年12月31日"; dates inside text (the notes) are
//! written in the report's language. Every word comes from the catalogue
//! ([`T`]) or the report's labels, and every piece of user text goes
//! through `write_string`, so a name or evidence that starts with `=` stays
//! text, never a formula.
//!
//! What the figures count is on the overview sheet (the basis and its
//! counts, the same sentences as the other formats' cover) and beside every
//! department: a Notes column in words; provisional figures also get a
//! dashed border.

mod cells;
mod document;
mod trends;

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rust_xlsxwriter::{
    Chart, ChartLegendPosition, ChartLine, ChartLineDashType, ChartMarker, ChartMarkerType, ChartSolidFill,
    ChartType, ColNum, ConditionalFormat3ColorScale, ConditionalFormatBlank, ConditionalFormatCell,
    ConditionalFormatCellRule, ConditionalFormatFormula, ConditionalFormatType, DataValidation,
    DocProperties, Format, RowNum, Workbook, Worksheet, XlsxError,
};

use super::ReportError;
use crate::charts::{Rgb, level_colour, no_data_colour, series_colour, text_colour_on};
use crate::model::{ActionStatus, Dataset, Lang, Level};
use crate::present::catalogue::{T, plan as plan_words};
use crate::present::format::{self, LEVEL_DECIMALS, PRIORITY_DECIMALS};
use crate::present::report::{DepartmentFigures, ReportContent, ReportKind, notes_text};
use cells::{LINE_HEIGHT, Sheet, Styles, capped, col, excel_colour};

/// Renders the workbook in memory. `data` is the workspace the content was
/// built from (the Trends sheet's rows come from it, through
/// [`crate::present::trend_table`]).
pub fn render(data: &Dataset, content: &ReportContent) -> Result<Vec<u8>, ReportError> {
    build(data, content).map_err(|e| ReportError::Render("xlsx", e.to_string()))
}

/// Adds the sheets of the report's kind in order and saves the workbook to bytes.
fn build(data: &Dataset, c: &ReportContent) -> Result<Vec<u8>, XlsxError> {
    let styles = Styles::new(c.lang);
    let mut workbook = Workbook::new();
    workbook.set_properties(&properties(c));
    // Excel's own level: a third of the time of the default 6 to compress
    // thousands of departments' sheets, for a file about a sixth larger.
    workbook.set_zip_compression_level(ZIP_LEVEL);
    if c.options.effective_kind() == ReportKind::Brief {
        let brief = crate::present::build::document(c);
        for sheet in document::sheets(c, &brief, &styles)? {
            workbook.push_worksheet(sheet);
        }
        return workbook.save_to_buffer();
    }
    // The sheets that grow with the departments are written row by row to
    // temporary files ("low memory": their strings still go to the
    // workbook's shared table), so that 10,000 departments' rows need not
    // be held in cells, nor their sheets' XML in memory when it is saved.
    let answers_ws = workbook.new_worksheet_with_low_memory()?;
    let whole_government = c.scope.is_none();
    let row_order = RowOrder {
        heatmap: low_memory(&mut workbook, whole_government)?,
        ranking: low_memory(&mut workbook, whole_government)?,
        dimensions: workbook.new_worksheet_with_low_memory()?,
        actions: workbook.new_worksheet_with_low_memory()?,
        targets: workbook.new_worksheet_with_low_memory()?,
        // rust_xlsxwriter (0.102) fills a chart's cached values from the
        // cells it holds, and a sheet written row by row holds none: one
        // department's Trends (a few rows) keeps its cells and so its
        // chart's cache. The government's chart is saved without one (Excel
        // and LibreOffice draw it from the cells).
        trends: match low_memory(&mut workbook, whole_government)? {
            Some(ws) => ws,
            None => Worksheet::new(),
        },
    };
    // The sheets written row by row share the workbook's string table and
    // formats as they are written: one after the other, so that the file
    // does not depend on which thread writes first.
    let (before, after) = other_sheets(data, c, &styles, row_order);
    let answers = answers_sheet(c, &styles, answers_ws);
    for sheet in before?.into_iter().chain([answers?]).chain(after?) {
        workbook.push_worksheet(sheet);
    }
    workbook.save_to_buffer()
}

/// A worksheet written row by row, when it is needed.
fn low_memory(workbook: &mut Workbook, needed: bool) -> Result<Option<Worksheet>, XlsxError> {
    needed
        .then(|| workbook.new_worksheet_with_low_memory())
        .transpose()
}

/// The worksheets written row by row besides the indicator answers: the
/// ones that grow with the departments (the heatmap and the ranking only
/// for the whole government).
struct RowOrder {
    heatmap: Option<Worksheet>,
    ranking: Option<Worksheet>,
    dimensions: Worksheet,
    actions: Worksheet,
    targets: Worksheet,
    trends: Worksheet,
}

/// The zip's deflate level (1–9; rust_xlsxwriter's default is 6).
const ZIP_LEVEL: u8 = 3;

/// The sheets before the indicator answers and the sheets after them, in
/// workbook order.
type OtherSheets = (
    Result<Vec<Worksheet>, XlsxError>,
    Result<Vec<Worksheet>, XlsxError>,
);

/// Every sheet of a full or department workbook but the indicator answers.
fn other_sheets(data: &Dataset, c: &ReportContent, styles: &Styles, ws: RowOrder) -> OtherSheets {
    let RowOrder {
        heatmap,
        ranking,
        dimensions,
        actions,
        targets,
        trends,
    } = ws;
    let before = || {
        let mut sheets = vec![overview_sheet(c, styles)?];
        // One department: nothing that only compares departments.
        if let Some(ws) = heatmap {
            sheets.push(heatmap_sheet(c, styles, ws)?);
        }
        if let Some(ws) = ranking {
            sheets.push(ranking_sheet(c, styles, ws)?);
        }
        sheets.push(dimensions_sheet(c, styles, dimensions)?);
        Ok(sheets)
    };
    let after = || {
        let trend_rows = crate::present::trend_table::rows(data, c);
        let mut sheets = vec![
            priorities_sheet(c, styles)?,
            actions_sheet(c, styles, actions)?,
            targets_sheet(c, styles, targets)?,
            trends::trends_sheet(c, &trend_rows, styles, trends)?,
            framework_sheet(c, styles)?,
        ];
        // Last, and only where departments have several assessors.
        if let Some(table) = crate::present::build::agreement_table(c) {
            let name = T::RaterAgreement.get(c.lang);
            sheets.push(document::table_sheet(c, &table, name, styles)?);
        }
        Ok(sheets)
    };
    (before(), after())
}

/// The document properties: title, subject and a creation date that is the
/// report's "generated" date, so the same inputs give the same file.
fn properties(c: &ReportContent) -> DocProperties {
    DocProperties::new()
        .set_title(capped(c.title.get(c.lang)))
        .set_subject(capped(&scope_name(c)))
        .set_creation_datetime(&c.generated)
}

// ---------------------------------------------------------------------------
// What a cell holds: the figure as shown

/// A mean level, gap or change as stored: rounded to the digits shown.
fn level(value: Option<f64>) -> Option<f64> {
    value.map(|v| format::round(v, LEVEL_DECIMALS))
}

/// A 0–1 share as stored under "0%": rounded to the whole percent shown.
fn share(value: Option<f64>) -> Option<f64> {
    value.map(|v| format::round(v, 2))
}

/// A priority as stored: rounded to the digits shown.
fn priority(value: Option<f64>) -> Option<f64> {
    value.map(|v| format::round(v, PRIORITY_DECIMALS))
}

/// A whole level as a number.
fn whole(level: Option<Level>) -> Option<f64> {
    level.map(|l| f64::from(l.get()))
}

/// A stage or level with its name, as the PDF's tables write it: "2 · Growth".
fn level_label(level: Level, name: &str) -> String {
    format!("{} · {name}", format::level_digit(level))
}

/// What the report covers: the department's name, or the whole government.
fn scope_name(c: &ReportContent) -> String {
    c.scope.as_ref().map_or_else(
        || T::WholeGovernment.get(c.lang).to_owned(),
        |(_, name)| name.clone(),
    )
}

/// A department's notes in one cell.
fn notes(c: &ReportContent, notes: &[String]) -> String {
    notes_text(notes, c.lang)
}

/// A yes/no cell in words ("Yes" / "是"): a spreadsheet's TRUE/FALSE stays
/// English in a Chinese workbook.
fn yes_no(yes: bool, lang: Lang) -> &'static str {
    if yes { T::XlsxYes } else { T::XlsxNo }.get(lang)
}

// ---------------------------------------------------------------------------
// Sheets

/// The sheet names, in workbook order.
const SHEETS: [T; 10] = [
    T::Overview,
    T::Heatmap,
    T::Ranking,
    T::DimensionTable,
    T::IndicatorAnswers,
    T::TopPriorities,
    T::XlsxActionPlan,
    T::PlanTargets,
    T::Trends,
    T::Framework,
];

/// The overview: title and key figures, a table of departments with one
/// column per dimension (whole government only: one department's key
/// figures say what its row would), a radar chart of the dimension means,
/// the stage distribution (whole government) and how to read the figures.
fn overview_sheet(c: &ReportContent, s: &Styles) -> Result<Worksheet, XlsxError> {
    let lang = c.lang;
    let mut sheet = Sheet::new(SHEETS[0].get(lang), lang)?;
    sheet
        .ws
        .write_string_with_format(0, 0, capped(c.title.get(lang)), &s.title)?;
    sheet
        .ws
        .write_string_with_format(1, 0, capped(&scope_name(c)), &s.subtitle)?;

    let mut row = key_figures(&mut sheet, 3, c, s)?;
    if c.scope.is_none() {
        row = departments_table(&mut sheet, row + 2, c, s)?;
    }
    row += 2;
    row = radar_block(&mut sheet, row, c, s)?;
    row += 1;
    if c.scope.is_none() {
        row = stage_counts_block(&mut sheet, row, c, s)? + 2;
    }
    reading_notes(&mut sheet, row, c, s)?;
    sheet.finish()
}

/// Every department with one column per dimension, its header at
/// `header_row` (frozen, with the first two columns). Returns the last row.
fn departments_table(
    sheet: &mut Sheet,
    header_row: RowNum,
    c: &ReportContent,
    s: &Styles,
) -> Result<RowNum, XlsxError> {
    let lang = c.lang;
    let mut headers: Vec<&str> = [
        T::XlsxDepartmentId,
        T::Department,
        T::AssessedOn,
        T::Status,
        T::OverallLevel,
        T::Stage,
        T::Coverage,
        T::ChangeSincePrevious,
    ]
    .iter()
    .map(|t| t.get(lang))
    .collect();
    let first_dimension = col(headers.len())?;
    headers.extend(c.dimensions.iter().map(|d| d.name.as_str()));
    let after_dimensions = col(headers.len())?;
    headers.extend([T::OverallTarget, T::OnTarget, T::Notes].map(|t| t.get(lang)));
    sheet.header(header_row, &headers, &s.header)?;
    let mut row = header_row;
    for department in &c.heatmap {
        row += 1;
        department_row(sheet, row, department, s)?;
        for (i, head) in c.dimensions.iter().enumerate() {
            let mean = department
                .dimensions
                .iter()
                .find(|d| d.id == head.id)
                .and_then(|d| d.mean_level);
            sheet.number(row, first_dimension + col(i)?, level(mean), &s.level)?;
        }
        sheet.number(row, after_dimensions, level(department.overall_target), &s.level)?;
        let on_target = department.on_target.map_or("", |yes| yes_no(yes, lang));
        sheet.text(row, after_dimensions + 1, on_target, &s.text)?;
        sheet.text(row, after_dimensions + 2, &notes(c, &department.notes), &s.text)?;
    }
    sheet.ws.set_freeze_panes(header_row + 1, 2)?;
    Ok(row)
}

/// A key figure's value on the overview sheet.
enum Figure {
    Date(Option<NaiveDate>),
    Level(Option<f64>),
    Text(String),
    Percent(f64),
    Count(usize),
    Change(Option<f64>),
    /// A shared rank among how many: "7 / 12".
    Rank(Option<usize>, usize),
}

/// The key figures as label–value pairs in columns A and B from `row`:
/// for the government, its mean and how many departments are where in the
/// workflow; for one department, its own status and change. Returns the
/// last row written.
fn key_figures(sheet: &mut Sheet, row: RowNum, c: &ReportContent, s: &Styles) -> Result<RowNum, XlsxError> {
    let lang = c.lang;
    let summary = &c.summary;
    let stage = summary
        .stage
        .map(|l| level_label(l, &c.level_name(l)))
        .unwrap_or_default();
    let mut figures = vec![
        (T::AsOf, Figure::Date(c.period)),
        (T::XlsxGenerated, Figure::Date(Some(c.generated))),
        (
            T::Basis,
            Figure::Text(crate::present::catalogue::basis(summary.basis, lang).to_owned()),
        ),
        (T::OverallLevel, Figure::Level(summary.mean_level)),
        (T::OverallStage, Figure::Text(stage)),
        (T::Coverage, Figure::Percent(summary.coverage)),
    ];
    match c.heatmap.first().filter(|_| c.scope.is_some()) {
        Some(department) => {
            let rank = c.ranking.iter().find(|r| r.id == department.id);
            let on_target = department.on_target.map(|yes| yes_no(yes, lang).to_owned());
            figures.extend([
                (T::XlsxDepartmentId, Figure::Text(department.id.clone())),
                (T::AssessedOn, Figure::Date(department.period)),
                (T::Status, Figure::Text(department.status_label.clone())),
                (T::ChangeSincePrevious, Figure::Change(department.change)),
                (
                    T::Rank,
                    Figure::Rank(rank.and_then(|r| r.rank), rank.map_or(0, |r| r.of)),
                ),
                (T::OverallTarget, Figure::Level(department.overall_target)),
                (T::OnTarget, Figure::Text(on_target.unwrap_or_default())),
                (T::Notes, Figure::Text(notes(c, &department.notes))),
            ]);
        }
        None => figures.extend([
            (T::Departments, Figure::Count(summary.departments.len())),
            (T::Assessed, Figure::Count(summary.assessed)),
            (T::Approved, Figure::Count(summary.workflow_approved)),
            (T::XlsxProvisionalCount, Figure::Count(summary.provisional)),
            (T::XlsxAtPeriodCount, Figure::Count(summary.at_period)),
            (T::XlsxCarriedOverCount, Figure::Count(summary.carried_over)),
            (T::XlsxPendingCount, Figure::Count(summary.pending)),
            (T::UnreadableTitle, Figure::Count(summary.unreadable)),
            (T::Submitted, Figure::Count(summary.submitted)),
            (T::DraftOrReturned, Figure::Count(summary.draft)),
        ]),
    }
    let mut last = row;
    for (r, (label, figure)) in (row..).zip(figures) {
        sheet.text(r, 0, label.get(lang), &s.label)?;
        match figure {
            Figure::Date(date) => sheet.optional_date(r, 1, date, &s.key_date)?,
            Figure::Level(value) => sheet.number(r, 1, level(value), &s.key_level)?,
            Figure::Text(text) => sheet.text(r, 1, &text, &s.text)?,
            Figure::Percent(value) => sheet.number(r, 1, share(Some(value)), &s.key_percent)?,
            Figure::Count(count) => sheet.count(r, 1, count, &s.key_whole)?,
            Figure::Change(value) => sheet.number(r, 1, level(value), &s.key_change)?,
            Figure::Rank(rank, of) => {
                // The rank is the number; the format adds " / 12" after it.
                // Department counts are far below 2^52, so the conversion is exact.
                let format = s.key_whole.clone().set_num_format(rank_format(of));
                sheet.number(r, 1, rank.map(|n| n as f64), &format)?;
            }
        }
        last = r;
    }
    Ok(last)
}

/// How to read the figures, below everything else on the overview sheet:
/// what they count (the same sentences as the other formats' cover), the
/// notes and targets in words, then the methodology of the report.
/// One department's notes wrap within the first columns (its overview has
/// no wide table for them to run along).
fn reading_notes(sheet: &mut Sheet, row: RowNum, c: &ReportContent, s: &Styles) -> Result<(), XlsxError> {
    // The heatmap sheet with its dashed borders is the whole government's.
    let flags = if c.scope.is_some() {
        T::XlsxFlagLegendDepartment
    } else {
        T::XlsxFlagLegend
    };
    let legend = [flags, T::XlsxTargetLegend, T::XlsxFiguresNote].map(|t| t.get(c.lang));
    let lines = c
        .basis_lines
        .iter()
        .map(String::as_str)
        .chain(legend)
        .chain(c.appendix.methodology.iter().map(String::as_str));
    for (r, line) in (row..).zip(lines) {
        if c.scope.is_some() {
            sheet.paragraph(r, 3, line, &s.note_wrap)?;
        } else {
            sheet.note(r, 0, line, &s.note)?;
        }
    }
    Ok(())
}

/// The first eight columns of a department's row on the overview sheet.
fn department_row(
    sheet: &mut Sheet,
    row: RowNum,
    department: &DepartmentFigures,
    s: &Styles,
) -> Result<(), XlsxError> {
    sheet.text(row, 0, &department.id, &s.text)?;
    sheet.text(row, 1, &department.name, &s.text)?;
    sheet.optional_date(row, 2, department.period, &s.date)?;
    sheet.text(row, 3, &department.status_label, &s.text)?;
    let level_format = if department.is_provisional() {
        &s.level_provisional
    } else {
        &s.level
    };
    sheet.number(row, 4, level(department.mean_level), level_format)?;
    let stage = department
        .stage
        .map(|l| level_label(l, &department.stage_name))
        .unwrap_or_default();
    sheet.text(row, 5, &stage, &s.text)?;
    sheet.number(row, 6, share(department.coverage), &s.percent)?;
    sheet.number(row, 7, level(department.change), &s.change)?;
    Ok(())
}

/// The dimension means (and targets, when any are set) as a small table
/// starting at `row`, with a native radar chart beside it. Returns the row
/// after the table.
fn radar_block(sheet: &mut Sheet, row: RowNum, c: &ReportContent, s: &Styles) -> Result<RowNum, XlsxError> {
    let lang = c.lang;
    let has_targets = c.dimension_overview.iter().any(|d| d.target.is_some());
    let series_name = match &c.scope {
        Some((_, name)) => name.clone(),
        None => T::XlsxGovernmentMean.get(lang).to_owned(),
    };
    let mut headers = vec![T::Dimension.get(lang), series_name.as_str()];
    if has_targets {
        headers.push(T::Target.get(lang));
    }
    sheet.header(row, &headers, &s.header)?;
    let first = row + 1;
    let mut last = row;
    for dimension in &c.dimension_overview {
        last += 1;
        sheet.text(last, 0, &dimension.name, &s.text)?;
        sheet.number(last, 1, level(dimension.mean_level), &s.level)?;
        if has_targets {
            sheet.number(last, 2, whole(dimension.target), &s.whole)?;
        }
    }
    if last >= first {
        let chart = radar_chart(&sheet.name, row, first, last, has_targets, lang);
        sheet.ws.insert_chart(row, 4, &chart)?;
    }
    // The chart is 340 px, 17 rows of 20 px, tall: keep what follows below it.
    Ok((last + 1).max(row + 18))
}

/// A radar chart of the dimension means in rows `first..=last` (names in
/// column A, levels in B, targets in C), from level 1 at the centre to 5.
fn radar_chart(
    sheet: &str,
    header: RowNum,
    first: RowNum,
    last: RowNum,
    has_targets: bool,
    lang: Lang,
) -> Chart {
    let mut chart = Chart::new(ChartType::RadarWithMarkers);
    chart.title().set_name(T::XlsxRadarTitle.get(lang));
    let colours = [series_colour(0), series_colour(1)];
    let columns: &[ColNum] = if has_targets { &[1, 2] } else { &[1] };
    for (i, &column) in columns.iter().enumerate() {
        let colour = colours[i % colours.len()];
        let mut line = ChartLine::new();
        line.set_color(excel_colour(colour)).set_width(2.25);
        if i > 0 {
            line.set_dash_type(ChartLineDashType::Dash);
        }
        let mut marker = ChartMarker::new();
        marker
            .set_type(ChartMarkerType::Circle)
            .set_size(5)
            .set_format(ChartSolidFill::new().set_color(excel_colour(colour)));
        chart
            .add_series()
            .set_name((sheet, header, column))
            .set_categories((sheet, first, 0, last, 0))
            .set_values((sheet, first, column, last, column))
            .set_format(&mut line)
            .set_marker(&marker);
    }
    // Levels run from 1: the centre of the radar is level 1, as in the app.
    chart.y_axis().set_min(1).set_max(5).set_major_unit(1);
    chart.legend().set_position(ChartLegendPosition::Bottom);
    chart.set_width(520).set_height(340);
    chart.set_alt_text(T::XlsxRadarAlt.get(lang));
    chart
}

/// How many departments are at each stage, as a small table at `row`.
/// Returns the last row written.
fn stage_counts_block(
    sheet: &mut Sheet,
    row: RowNum,
    c: &ReportContent,
    s: &Styles,
) -> Result<RowNum, XlsxError> {
    let lang = c.lang;
    sheet.header(row, &[T::Stage.get(lang), T::Departments.get(lang)], &s.header)?;
    let mut last = row;
    for (head, count) in c.levels.iter().zip(c.summary.stage_counts) {
        last += 1;
        sheet.text(last, 0, &level_label(head.level, &head.name), &s.text)?;
        sheet.count(last, 1, count, &s.whole)?;
    }
    Ok(last)
}

/// The heatmap: departments × dimensions (and overall) mean levels, coloured
/// by a three-colour scale from the viridis ends, with a legend underneath.
fn heatmap_sheet(c: &ReportContent, s: &Styles, ws: Worksheet) -> Result<Worksheet, XlsxError> {
    let mut sheet = Sheet::on(ws, SHEETS[1].get(c.lang), c.lang)?;
    let last_col = col(c.dimensions.len() + 1)?;
    let row = sheet.in_row_order(|sheet| heatmap_rows(sheet, c, s))?;
    if row > 0 {
        colour_scale(&mut sheet.ws, 1, 1, row, last_col)?;
    }
    sheet.freeze_header(1, 1)?;
    let legend = row + 2;
    colour_scale(&mut sheet.ws, legend, 1, legend, 5)?;
    sheet.finish()
}

/// Fills the heatmap's header, one row per department and the legend
/// underneath, in order; returns the last department's row.
fn heatmap_rows(sheet: &mut Sheet, c: &ReportContent, s: &Styles) -> Result<RowNum, XlsxError> {
    let lang = c.lang;
    let mut headers = vec![T::Department.get(lang)];
    headers.extend(c.dimensions.iter().map(|d| d.name.as_str()));
    headers.push(T::OverallLevel.get(lang));
    headers.push(T::Notes.get(lang));
    sheet.header(0, &headers, &s.header)?;
    let last_col = col(c.dimensions.len() + 1)?;
    let mut row: RowNum = 0;
    for department in &c.heatmap {
        row += 1;
        // A provisional row's cells carry a dashed border.
        let heat = if department.is_provisional() {
            &s.heat_provisional
        } else {
            &s.heat
        };
        sheet.text(row, 0, &department.name, &s.text)?;
        for (i, head) in c.dimensions.iter().enumerate() {
            let mean = department
                .dimensions
                .iter()
                .find(|d| d.id == head.id)
                .and_then(|d| d.mean_level);
            sheet.number(row, col(i + 1)?, level(mean), heat)?;
        }
        sheet.number(row, last_col, level(department.mean_level), heat)?;
        sheet.text(row, last_col + 1, &notes(c, &department.notes), &s.text)?;
    }
    let legend = row + 2;
    sheet.text(legend, 0, T::XlsxColourScale.get(lang), &s.label)?;
    for head in &c.levels {
        let level = head.level;
        sheet.count(
            legend,
            ColNum::from(level.get()),
            usize::from(level.get()),
            &s.heat,
        )?;
    }
    sheet.note(legend + 1, 0, T::XlsxColourScaleNote.get(lang), &s.note)?;
    sheet.note(legend + 2, 0, T::XlsxDashedNote.get(lang), &s.note)?;
    Ok(row)
}

/// Colours mean levels in a range: viridis-ended three-colour scale fixed
/// at levels 1, 3 and 5; white text where the cell is dark; grey for blanks.
fn colour_scale(
    ws: &mut Worksheet,
    first_row: RowNum,
    first_col: ColNum,
    last_row: RowNum,
    last_col: ColNum,
) -> Result<(), XlsxError> {
    let scale = ConditionalFormat3ColorScale::new()
        .set_minimum(ConditionalFormatType::Number, 1)
        .set_midpoint(ConditionalFormatType::Number, 3)
        .set_maximum(ConditionalFormatType::Number, 5)
        .set_minimum_color(excel_colour(level_colour(1.0)))
        .set_midpoint_color(excel_colour(level_colour(3.0)))
        .set_maximum_color(excel_colour(level_colour(5.0)));
    let light_text = ConditionalFormatCell::new()
        .set_rule(ConditionalFormatCellRule::LessThan(dark_text_from()))
        .set_format(Format::new().set_font_color(excel_colour(Rgb::WHITE)));
    let blank = ConditionalFormatBlank::new()
        .set_format(Format::new().set_background_color(excel_colour(no_data_colour())));
    ws.add_conditional_format(first_row, first_col, last_row, last_col, &blank)?;
    ws.add_conditional_format(first_row, first_col, last_row, last_col, &light_text)?;
    ws.add_conditional_format(first_row, first_col, last_row, last_col, &scale)?;
    Ok(())
}

/// The colour Excel paints for `level` on [`colour_scale`]: straight lines
/// in RGB between the stops at levels 1, 3 and 5.
fn scale_colour(level: f64) -> Rgb {
    let (low, middle, high) = (level_colour(1.0), level_colour(3.0), level_colour(5.0));
    // The fractions are clamped to 0–1 by `lerp`; f32 is ample for a colour.
    if level <= 3.0 {
        low.lerp(middle, ((level - 1.0) / 2.0) as f32)
    } else {
        middle.lerp(high, ((level - 3.0) / 2.0) as f32)
    }
}

/// The lowest level (to the hundredth) from which black text contrasts more
/// than white with the scale's colour; below it cells get white text.
fn dark_text_from() -> f64 {
    (100..=500)
        .map(|hundredths| f64::from(hundredths) / 100.0)
        .find(|&level| text_colour_on(scale_colour(level)) == Rgb::BLACK)
        .unwrap_or(5.0)
}

/// A rank's number format: the rank, then " / 12".
fn rank_format(of: usize) -> String {
    format!("0\" / {of}\"")
}

/// The ranking, as the PDF and HTML print it: the shared rank ("3 / 12"),
/// the department, its mean level, stage, change and coverage; then the
/// department's notes.
fn ranking_sheet(c: &ReportContent, s: &Styles, ws: Worksheet) -> Result<Worksheet, XlsxError> {
    named_rows_sheet(ws, SHEETS[2], c, s, ranking_rows)
}

/// A sheet of one header row and rows filled in order by `rows`, frozen
/// at its header and its first two columns (the department and its name).
fn named_rows_sheet(
    ws: Worksheet,
    name: T,
    c: &ReportContent,
    s: &Styles,
    rows: fn(&mut Sheet, &ReportContent, &Styles) -> Result<RowNum, XlsxError>,
) -> Result<Worksheet, XlsxError> {
    let mut sheet = Sheet::on(ws, name.get(c.lang), c.lang)?;
    sheet.in_row_order(|sheet| rows(sheet, c, s))?;
    sheet.freeze_header(1, 2)?;
    sheet.finish()
}

/// Fills the ranking's header and one row per department, in order;
/// returns the last row.
fn ranking_rows(sheet: &mut Sheet, c: &ReportContent, s: &Styles) -> Result<RowNum, XlsxError> {
    let lang = c.lang;
    let headers = [
        T::Rank,
        T::Department,
        T::OverallLevel,
        T::Stage,
        T::Change,
        T::Coverage,
        T::Notes,
    ]
    .map(|t| t.get(lang));
    sheet.header(0, &headers, &s.header)?;
    let mut row: RowNum = 0;
    // The rank is the number; the format adds " / 12" after it: one
    // format for each count of ranked departments, not one per row.
    let mut rank_formats: BTreeMap<usize, Format> = BTreeMap::new();
    for rank in &c.ranking {
        row += 1;
        let rank_format = rank_formats
            .entry(rank.of)
            .or_insert_with(|| s.number.clone().set_num_format(rank_format(rank.of)));
        // Department counts are far below 2^52, so the conversion is exact.
        sheet.number(row, 0, rank.rank.map(|n| n as f64), rank_format)?;
        sheet.text(row, 1, &rank.name, &s.text)?;
        let level_format = if rank.provisional {
            &s.level_provisional
        } else {
            &s.level
        };
        sheet.number(row, 2, level(rank.mean_level), level_format)?;
        let stage = rank
            .stage
            .map(|l| level_label(l, &rank.stage_name))
            .unwrap_or_default();
        sheet.text(row, 3, &stage, &s.text)?;
        sheet.number(row, 4, level(rank.change), &s.change)?;
        sheet.number(row, 5, share(rank.coverage), &s.percent)?;
        sheet.text(row, 6, &notes(c, &rank.notes), &s.text)?;
    }
    Ok(row)
}

/// The dimension figures: one row per department and dimension.
fn dimensions_sheet(c: &ReportContent, s: &Styles, ws: Worksheet) -> Result<Worksheet, XlsxError> {
    named_rows_sheet(ws, SHEETS[3], c, s, dimension_rows)
}

/// Fills the dimension figures' header and one row per department and
/// dimension, in order; returns the last row.
fn dimension_rows(sheet: &mut Sheet, c: &ReportContent, s: &Styles) -> Result<RowNum, XlsxError> {
    let lang = c.lang;
    let headers = [
        T::XlsxDepartmentId,
        T::Department,
        T::AssessedOn,
        T::XlsxDimensionId,
        T::Dimension,
        T::Mean,
        T::Floor,
        T::WeakestIndicator,
        T::Target,
        T::Gap,
        T::Priority,
        T::ChangeSincePrevious,
        T::Coverage,
        T::Imbalanced,
    ]
    .map(|t| t.get(lang));
    sheet.header(0, &headers, &s.header)?;
    let mut row: RowNum = 0;
    for department in &c.heatmap {
        let Some(period) = department.period else {
            continue;
        };
        for dimension in &department.dimensions {
            row += 1;
            sheet.text(row, 0, &department.id, &s.text)?;
            sheet.text(row, 1, &department.name, &s.text)?;
            sheet.date(row, 2, period, &s.date)?;
            sheet.text(row, 3, &dimension.id, &s.text)?;
            sheet.text(row, 4, &dimension.name, &s.text)?;
            sheet.number(row, 5, level(dimension.mean_level), &s.level)?;
            sheet.number(row, 6, whole(dimension.floor), &s.whole)?;
            sheet.text(
                row,
                7,
                dimension.floor_indicator.as_deref().unwrap_or(""),
                &s.text,
            )?;
            sheet.number(row, 8, whole(dimension.target), &s.whole)?;
            sheet.number(row, 9, level(dimension.gap), &s.level)?;
            sheet.number(row, 10, priority(dimension.priority), &s.priority)?;
            sheet.number(row, 11, level(dimension.change), &s.change)?;
            sheet.number(row, 12, share(dimension.coverage), &s.percent)?;
            sheet.text(row, 13, yes_no(dimension.imbalanced, lang), &s.text)?;
        }
    }
    Ok(row)
}

/// The indicator answers: every indicator of every current assessment (the
/// ones the figures are based on), answered or not, with its evidence. A
/// full report written with `--split` says that they are in the
/// departments' own workbooks instead.
fn answers_sheet(c: &ReportContent, s: &Styles, ws: Worksheet) -> Result<Worksheet, XlsxError> {
    let lang = c.lang;
    let mut sheet = Sheet::on(ws, SHEETS[4].get(lang), lang)?;
    // Reasons and comments are short and rare: narrower than evidence.
    sheet.cap(9, 30.0);
    sheet.cap(11, 45.0);
    sheet.cap(13, 40.0);
    // Most answers take two lines (their evidence): that is the height of
    // a row left as it is, so that only the others need one of their own.
    sheet.default_height(2.0 * LINE_HEIGHT + 2.0);
    let row = sheet.in_row_order(|sheet| answer_rows(sheet, c, s))?;
    let mut last = row;
    // `report --split`: the answers are in each department's own workbook.
    if row == 0 && c.options.split {
        last = 1;
        sheet.note(last, 0, T::XlsxAnswersSplit.get(lang), &s.note)?;
    }
    // rust_xlsxwriter (0.102) writes the last row of a sheet written row by
    // row twice when it has a height of its own (once without its cells),
    // which Excel repairs: an empty cell below makes it not the last.
    sheet.ws.write_blank(last + 1, 0, &s.text)?;
    sheet.freeze_header(1, 2)?;
    if row > 0 {
        sheet.ws.autofilter(0, 0, row, 13)?;
    }
    sheet.finish()
}

/// Fills the indicator answers' header and one row per answer, in order;
/// returns the last row.
fn answer_rows(sheet: &mut Sheet, c: &ReportContent, s: &Styles) -> Result<RowNum, XlsxError> {
    let lang = c.lang;
    let headers = [
        T::XlsxDepartmentId,
        T::Department,
        T::AssessedOn,
        T::Status,
        T::Dimension,
        T::XlsxIndicatorId,
        T::Indicator,
        T::Level,
        T::NotApplicable,
        T::Reason,
        T::Evidence,
        T::Links,
        T::Confidence,
        T::Comment,
    ]
    .map(|t| t.get(lang));
    sheet.header(0, &headers, &s.header)?;
    let mut row: RowNum = 0;
    for section in &c.sections {
        let figures = &section.figures;
        let Some(period) = figures.period else {
            continue;
        };
        for answer in &section.answers {
            row += 1;
            sheet.text(row, 0, &figures.id, &s.text)?;
            sheet.text(row, 1, &figures.name, &s.text)?;
            sheet.date(row, 2, period, &s.date)?;
            sheet.text(row, 3, &figures.status_label, &s.text)?;
            sheet.text(row, 4, c.dimension_name(&answer.dimension), &s.text)?;
            sheet.text(row, 5, &answer.indicator, &s.text)?;
            sheet.text(row, 6, &answer.indicator_name, &s.text)?;
            sheet.number(row, 7, whole(answer.level), &s.whole)?;
            sheet.text(row, 8, yes_no(answer.not_applicable.is_some(), lang), &s.text)?;
            sheet.wrapped(row, 9, answer.not_applicable.as_deref().unwrap_or(""), &s.wrap)?;
            sheet.wrapped(row, 10, &answer.evidence, &s.wrap)?;
            sheet.wrapped(row, 11, &answer.links.join("\n"), &s.wrap)?;
            sheet.text(row, 12, &answer.confidence_label, &s.text)?;
            sheet.wrapped(row, 13, &answer.comment, &s.wrap)?;
        }
    }
    Ok(row)
}

/// The top priorities, as the PDF and HTML print them: department,
/// indicator, current level, target, gap, priority and the framework's
/// description of the next level; then what the report prints under those
/// cells, each in a column of its own so that every cell stays one value:
/// the indicator's dimension and the department's notes.
fn priorities_sheet(c: &ReportContent, s: &Styles) -> Result<Worksheet, XlsxError> {
    let lang = c.lang;
    let l = c.labels;
    let mut sheet = Sheet::new(SHEETS[5].get(lang), lang)?;
    let headers = [
        T::Department.get(lang),
        T::Indicator.get(lang),
        T::Current.get(lang),
        T::Target.get(lang),
        T::Gap.get(lang),
        T::Priority.get(lang),
        l.next_step,
        T::Dimension.get(lang),
        T::Notes.get(lang),
    ];
    sheet.header(0, &headers, &s.header)?;
    let mut row: RowNum = 0;
    for p in &c.priorities {
        row += 1;
        sheet.text(row, 0, &p.department_name, &s.text)?;
        sheet.text(row, 1, &p.indicator_name, &s.text)?;
        let current = if p.provisional {
            &s.whole_provisional
        } else {
            &s.whole
        };
        sheet.number(row, 2, whole(Some(p.current)), current)?;
        sheet.number(row, 3, whole(Some(p.target)), &s.whole)?;
        sheet.number(row, 4, Some(format::round(p.gap, 0)), &s.whole)?;
        sheet.number(row, 5, priority(Some(p.priority)), &s.priority)?;
        let next = crate::present::catalogue::document::next_step(
            l.level_prefix,
            &format::level_digit(p.next_level),
            &p.next_rubric,
            c.lang,
        );
        sheet.wrapped(row, 6, &next, &s.wrap)?;
        sheet.text(row, 7, &p.dimension_name, &s.text)?;
        sheet.text(row, 8, &notes(c, &p.notes), &s.text)?;
    }
    if row == 0 {
        sheet.note(1, 0, T::NoPriorities.get(lang), &s.note)?;
    }
    sheet.cap(6, 60.0);
    sheet.freeze_header(1, 1)?;
    sheet.finish()
}

/// The action plan: one row per action in scope (overdue first, then by
/// due date, as everywhere), with its id, departments, title, what it
/// addresses, the responsible unit and person, start and due dates (Excel
/// dates), status (a drop-down of the four statuses), overdue in words,
/// the level it aims for and its effect. An autofilter on the header;
/// overdue rows are highlighted by a conditional format on the Overdue
/// column, which says it in words as well.
fn actions_sheet(c: &ReportContent, s: &Styles, ws: Worksheet) -> Result<Worksheet, XlsxError> {
    let lang = c.lang;
    let mut sheet = Sheet::on(ws, SHEETS[6].get(lang), lang)?;
    sheet.cap(1, 30.0);
    sheet.cap(2, 45.0);
    sheet.cap(3, 35.0);
    sheet.cap(4, 35.0);
    sheet.cap(11, 30.0);
    sheet.cap(12, 50.0);
    let row = sheet.in_row_order(|sheet| action_rows(sheet, c, s))?;
    let last_col = col(ACTION_HEADERS.len() - 1)?;
    if row > 0 {
        let statuses = ActionStatus::ALL.map(|status| plan_words::status(status, lang));
        let validation = DataValidation::new()
            .allow_list_strings(&statuses)?
            .set_input_title(T::XlsxStatusListTitle.get(lang))?
            .set_input_message(T::XlsxStatusListPrompt.get(lang))?;
        sheet
            .ws
            .add_data_validation(1, STATUS, row, STATUS, &validation)?;
        // The whole row is tinted where the Overdue column says yes.
        let overdue = ConditionalFormatFormula::new()
            .set_rule(
                format!(
                    "=${}2=\"{}\"",
                    rust_xlsxwriter::utility::column_number_to_name(OVERDUE),
                    yes_no(true, lang)
                )
                .as_str(),
            )
            .set_format(&s.overdue);
        sheet.ws.add_conditional_format(1, 0, row, last_col, &overdue)?;
        sheet.ws.autofilter(0, 0, row, last_col)?;
    }
    sheet.freeze_header(1, 1)?;
    sheet.finish()
}

/// The action plan's columns.
const ACTION_HEADERS: [T; 13] = [
    T::PlanActionId,
    T::Departments,
    T::PlanActionTitle,
    T::PlanAddresses,
    T::XlsxResponsibleUnit,
    T::XlsxResponsiblePerson,
    T::PlanStart,
    T::PlanDue,
    T::Status,
    T::PlanOverdue,
    T::PlanExpectedLevel,
    T::PlanEffect,
    T::XlsxActionDescription,
];
/// The action plan's status column.
const STATUS: ColNum = 8;
/// The action plan's overdue column.
const OVERDUE: ColNum = 9;

/// Fills the action plan's header, one row per action and the note under
/// them, in order; returns the last action's row.
fn action_rows(sheet: &mut Sheet, c: &ReportContent, s: &Styles) -> Result<RowNum, XlsxError> {
    let lang = c.lang;
    let headers = ACTION_HEADERS.map(|t| t.get(lang));
    sheet.header(0, &headers, &s.header)?;
    let mut row: RowNum = 0;
    for a in &c.plan.actions {
        row += 1;
        sheet.text(row, 0, &a.id, &s.text)?;
        sheet.wrapped(row, 1, &a.department_names, &s.wrap)?;
        sheet.wrapped(row, 2, &a.title, &s.wrap)?;
        sheet.wrapped(row, 3, &a.addresses, &s.wrap)?;
        sheet.wrapped(row, 4, &a.unit, &s.wrap)?;
        sheet.text(row, 5, &a.person, &s.text)?;
        sheet.date(row, 6, a.start, &s.date)?;
        sheet.date(row, 7, a.due, &s.date)?;
        sheet.text(row, STATUS, &a.status_text, &s.text)?;
        sheet.text(row, OVERDUE, yes_no(a.overdue, lang), &s.text)?;
        sheet.number(row, 10, Some(f64::from(a.expected.get())), &s.whole)?;
        // Blank, not a dash, for an action not done: nothing to read yet.
        let effect = if a.status == ActionStatus::Done {
            a.effect_text.as_str()
        } else {
            ""
        };
        sheet.wrapped(row, 11, effect, &s.wrap)?;
        sheet.wrapped(row, 12, &a.description, &s.wrap)?;
    }
    if row == 0 {
        sheet.note(1, 0, T::ReportNoActionsYet.get(lang), &s.note)?;
    } else {
        sheet.note(row + 2, 0, T::XlsxOverdueNote.get(lang), &s.note)?;
    }
    Ok(row)
}

/// The targets: every target that applies to a department in scope, with
/// the level, the date it is due by, the current figure, when the trend
/// projection reaches it, and whether it will be met in words.
fn targets_sheet(c: &ReportContent, s: &Styles, ws: Worksheet) -> Result<Worksheet, XlsxError> {
    let mut sheet = Sheet::on(ws, SHEETS[7].get(c.lang), c.lang)?;
    let row = sheet.in_row_order(|sheet| target_rows(sheet, c, s))?;
    if row > 0 {
        sheet.ws.autofilter(0, 0, row, 8)?;
    }
    sheet.freeze_header(1, 2)?;
    sheet.finish()
}

/// Fills the targets' header and one row per target (or a note that there
/// are none), in order; returns the last target's row.
fn target_rows(sheet: &mut Sheet, c: &ReportContent, s: &Styles) -> Result<RowNum, XlsxError> {
    let lang = c.lang;
    let headers = [
        T::XlsxDepartmentId,
        T::Department,
        T::Dimension,
        T::Indicator,
        T::XlsxTargetLevel,
        T::TargetDate,
        T::XlsxCurrentLevel,
        T::PlanProjected,
        T::PlanState,
    ]
    .map(|t| t.get(lang));
    sheet.header(0, &headers, &s.header)?;
    let mut row: RowNum = 0;
    for t in &c.plan.targets {
        row += 1;
        sheet.text(row, 0, &t.department, &s.text)?;
        sheet.text(row, 1, &t.department_name, &s.text)?;
        sheet.text(row, 2, &t.dimension_name, &s.text)?;
        let indicator = if t.indicator.is_some() {
            t.name.as_str()
        } else {
            ""
        };
        sheet.text(row, 3, indicator, &s.text)?;
        sheet.number(row, 4, whole(Some(t.level)), &s.whole)?;
        sheet.date(row, 5, t.by, &s.date)?;
        sheet.number(row, 6, level(t.current), &s.level)?;
        sheet.optional_date(row, 7, t.projected, &s.date)?;
        sheet.text(row, 8, &t.state_text, &s.text)?;
    }
    if row == 0 {
        sheet.note(1, 0, T::XlsxNoTargets.get(lang), &s.note)?;
    }
    Ok(row)
}

/// The framework: every indicator with its weight and its five level descriptors.
fn framework_sheet(c: &ReportContent, s: &Styles) -> Result<Worksheet, XlsxError> {
    let lang = c.lang;
    let mut sheet = Sheet::new(SHEETS[9].get(lang), lang)?;
    let mut headers: Vec<String> = [
        T::XlsxDimensionId,
        T::Dimension,
        T::XlsxDimensionWeight,
        T::XlsxIndicatorId,
        T::Indicator,
        T::XlsxIndicatorWeight,
    ]
    .map(|t| t.get(lang).to_owned())
    .to_vec();
    headers.extend(c.levels.iter().map(|head| level_label(head.level, &head.name)));
    let header_refs: Vec<&str> = headers.iter().map(String::as_str).collect();
    sheet.header(0, &header_refs, &s.header)?;
    // Weights show as `format::weight` writes them ("1", "1.5", "0.25").
    let weight = |id: &str| c.weights.get(id).map(|w| format::round(*w, 2));
    let mut row: RowNum = 0;
    for (dimension, indicator) in c.framework.indicators() {
        row += 1;
        sheet.text(row, 0, &dimension.id, &s.text)?;
        sheet.text(row, 1, c.dimension_name(&dimension.id), &s.text)?;
        sheet.number(row, 2, weight(&dimension.id), &s.general)?;
        sheet.text(row, 3, &indicator.id, &s.text)?;
        sheet.text(row, 4, indicator.name.get(lang), &s.text)?;
        sheet.number(row, 5, weight(&indicator.id), &s.general)?;
        for (i, descriptor) in indicator.levels.iter().take(5).enumerate() {
            sheet.wrapped(row, col(6 + i)?, descriptor.get(lang), &s.wrap)?;
        }
    }
    for column in 6..11 {
        sheet.cap(column, 40.0);
    }
    sheet.freeze_header(1, 5)?;
    sheet.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heatmap_text_switches_to_black_on_light_cells() {
        let threshold = dark_text_from();
        assert!(threshold > 1.0 && threshold < 5.0, "{threshold}");
        assert_eq!(text_colour_on(scale_colour(1.0)), Rgb::WHITE);
        assert_eq!(text_colour_on(scale_colour(5.0)), Rgb::BLACK);
        assert_eq!(scale_colour(3.0), level_colour(3.0));
        // Whichever of black and white is chosen meets WCAG AA everywhere.
        let worst = (100..=500)
            .map(|i| {
                let bg = scale_colour(f64::from(i) / 100.0);
                crate::charts::contrast_ratio(text_colour_on(bg), bg)
            })
            .fold(f64::INFINITY, f64::min);
        assert!(worst >= 4.5, "worst contrast {worst:.2}");
    }
}
