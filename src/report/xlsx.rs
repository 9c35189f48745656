//! The Excel workbook report: seven sheets built straight from `analysis` —
//! Summary (with a native radar chart), Heatmap (a colour scale by
//! conditional formatting), Scores, Answers, Priorities, Trends (with a
//! native line chart) and Framework.
//!
//! Figures are numbers (blank where there is none, never a dash), dates are
//! Excel dates, and every piece of user text goes through `write_string`, so
//! a name or evidence that starts with `=` stays text and never becomes a
//! formula. Mean levels, coverage and changes are rounded to two decimals
//! exactly as `govmaturity summary --format json` rounds them, so the
//! workbook and the summary agree to the digit.
//!
//! What the figures count is on the Summary sheet (the basis and its
//! counts, then the same sentences as the other formats' cover) and beside
//! every department: a Flags column on the Summary sheet and a Notes column
//! on the Heatmap and Priorities sheets, in words; provisional rows of the
//! heatmap also get a dashed border.
//!
//! With a department in the options the workbook holds that department
//! only: the dataset is narrowed to it before anything is computed.

use std::borrow::Cow;

use chrono::NaiveDate;
use rust_xlsxwriter::{
    Chart, ChartAxisDateUnitType, ChartLegendPosition, ChartLine, ChartLineDashType, ChartMarker,
    ChartMarkerType, ChartSolidFill, ChartType, ColNum, Color, ConditionalFormat3ColorScale,
    ConditionalFormatBlank, ConditionalFormatCell, ConditionalFormatCellRule, ConditionalFormatType,
    DocProperties, Format, FormatAlign, FormatBorder, RowNum, Workbook, Worksheet, XlsxError,
};

use super::content::{basis_lines, flag_notes, notes_text};
use super::{ReportError, ReportOptions};
use crate::analysis::{self, DepartmentSummary, Summary};
use crate::charts::{Rgb, level_colour, no_data_colour, series_colour, text_colour_on};
use crate::model::{Dataset, Lang, Level};
use crate::store::LoadedWorkspace;

/// Excel's limit on the length of a cell's text, in UTF-16 units.
const MAX_CELL_TEXT: usize = 32_767;

/// The widest a column is made, in characters; longer text wraps.
const MAX_COLUMN_WIDTH: f64 = 60.0;

/// The narrowest a column with content is made, in characters.
const MIN_COLUMN_WIDTH: f64 = 6.0;

/// The height of a line of 11-point text, in points: Latin, and with
/// Chinese (whose fallback fonts stand taller).
const LINE_HEIGHT: f64 = 15.0;
const LINE_HEIGHT_WIDE: f64 = 17.0;

/// Excel's tallest row, in points.
const MAX_ROW_HEIGHT: f64 = 409.0;

/// Renders the workbook in memory.
pub fn render(loaded: &LoadedWorkspace, options: &ReportOptions) -> Result<Vec<u8>, ReportError> {
    let figures = Figures::new(&loaded.data, options);
    build(&figures).map_err(|e| ReportError::Render("xlsx", e.to_string()))
}

/// Adds the seven sheets in order and saves the workbook to bytes.
fn build(figures: &Figures) -> Result<Vec<u8>, XlsxError> {
    let styles = Styles::new();
    let mut workbook = Workbook::new();
    workbook.set_properties(&properties(figures));
    workbook.push_worksheet(summary_sheet(figures, &styles)?);
    workbook.push_worksheet(heatmap_sheet(figures, &styles)?);
    workbook.push_worksheet(scores_sheet(figures, &styles)?);
    workbook.push_worksheet(answers_sheet(figures, &styles)?);
    workbook.push_worksheet(priorities_sheet(figures, &styles)?);
    workbook.push_worksheet(trends_sheet(figures, &styles)?);
    workbook.push_worksheet(framework_sheet(figures, &styles)?);
    workbook.save_to_buffer()
}

/// The document properties: title, subject and a creation date that is the
/// report's "generated" date, so the same inputs give the same file.
fn properties(figures: &Figures) -> DocProperties {
    let lang = figures.lang;
    DocProperties::new()
        .set_title(capped(figures.data.workspace.title.get(lang)))
        .set_subject(capped(&figures.scope_name()))
        .set_creation_datetime(&figures.options.generated)
}

// ---------------------------------------------------------------------------
// Figures

/// Everything the sheets show, computed once from `analysis`.
struct Figures<'a> {
    /// The dataset, narrowed to one department when the report is scoped.
    data: Cow<'a, Dataset>,
    options: &'a ReportOptions,
    lang: Lang,
    summary: Summary,
    /// The periods up to the report's date, oldest first.
    periods: Vec<NaiveDate>,
}

impl<'a> Figures<'a> {
    fn new(full: &'a Dataset, options: &'a ReportOptions) -> Self {
        // The as-of date comes from the whole workspace, so a scoped report
        // and the whole-government one speak of the same period.
        let period = analysis::summarize_on(full, options.period, options.basis).period;
        let data = scoped(full, options.department.as_deref());
        let summary = analysis::summarize_on(&data, period, options.basis);
        let periods = data
            .periods()
            .into_iter()
            .filter(|p| period.is_none_or(|last| *p <= last))
            .collect();
        Figures {
            data,
            options,
            lang: options.lang,
            summary,
            periods,
        }
    }

    /// Whether the report covers one department only.
    fn is_scoped(&self) -> bool {
        self.options.department.is_some()
    }

    /// A department's name in the report's language (its id if unknown).
    fn department_name<'b>(&'b self, id: &'b str) -> &'b str {
        self.data
            .workspace
            .department(id)
            .map_or(id, |d| d.name.get(self.lang))
    }

    /// What the report covers: the department's name, or "whole government".
    fn scope_name(&self) -> String {
        match &self.options.department {
            Some(id) => self.department_name(id).to_owned(),
            None => tr(self.lang, "Whole government", "全市政府").to_owned(),
        }
    }

    fn level_name(&self, level: Level) -> String {
        self.data.framework.level_name(level, self.lang)
    }

    /// The government's mean level of each dimension (framework order): the
    /// mean over departments with a score. Scoped, that is the department's.
    fn dimension_means(&self) -> Vec<Option<f64>> {
        self.data
            .framework
            .dimensions
            .iter()
            .map(|dimension| {
                let levels: Vec<f64> = self
                    .summary
                    .departments
                    .iter()
                    .filter_map(|d| d.current.as_ref()?.dimension(&dimension.id)?.mean_level)
                    .collect();
                mean(&levels)
            })
            .collect()
    }

    /// The dimension targets the radar shows: the department's own when
    /// scoped, else the ones set for every department.
    fn dimension_targets(&self) -> Vec<Option<Level>> {
        let department = self.options.department.as_deref();
        self.data
            .framework
            .dimensions
            .iter()
            .map(|dimension| {
                let target = match department {
                    Some(id) => self.data.target_for(id, &dimension.id, None),
                    // As `target_for` ranks them: among equals, the last one.
                    None => self.data.workspace.targets.iter().rfind(|t| {
                        t.department.is_none() && t.indicator.is_none() && t.dimension == dimension.id
                    }),
                };
                target.map(|t| t.level)
            })
            .collect()
    }
}

/// The dataset as the report sees it: all of it, or one department alone
/// (shown even when archived) with only its own assessments.
fn scoped<'a>(data: &'a Dataset, department: Option<&str>) -> Cow<'a, Dataset> {
    let Some(id) = department else {
        return Cow::Borrowed(data);
    };
    let mut workspace = data.workspace.clone();
    workspace.departments.retain(|d| d.id == id);
    for department in &mut workspace.departments {
        department.archived = false;
    }
    let assessments = data
        .assessments
        .iter()
        .filter(|a| a.department == id)
        .cloned()
        .collect();
    Cow::Owned(Dataset::new(workspace, data.framework.clone(), assessments))
}

/// Rounds to two decimals, as `summary --format json` does.
fn round2(value: f64) -> f64 {
    (value * 100.0).round() / 100.0
}

/// The arithmetic mean, `None` for no values.
fn mean(values: &[f64]) -> Option<f64> {
    // A department count is far below 2^52, so the conversion is exact.
    (!values.is_empty()).then(|| values.iter().sum::<f64>() / values.len() as f64)
}

/// The English or Chinese of a label.
fn tr(lang: Lang, en: &'static str, zh: &'static str) -> &'static str {
    match lang {
        Lang::En => en,
        Lang::Zh => zh,
    }
}

// ---------------------------------------------------------------------------
// Sheets

/// The sheet names, in workbook order, in `lang`.
fn sheet_names(lang: Lang) -> [&'static str; 7] {
    [
        tr(lang, "Summary", "概览"),
        tr(lang, "Heatmap", "热力图"),
        tr(lang, "Scores", "维度得分"),
        tr(lang, "Answers", "指标答案"),
        tr(lang, "Priorities", "优先事项"),
        tr(lang, "Trends", "趋势"),
        tr(lang, "Framework", "评估框架"),
    ]
}

/// Summary: title and key figures, a table of departments with one column
/// per dimension, and a radar chart of the dimension means.
fn summary_sheet(f: &Figures, s: &Styles) -> Result<Worksheet, XlsxError> {
    let lang = f.lang;
    let summary = &f.summary;
    let mut sheet = Sheet::new(sheet_names(lang)[0])?;
    sheet
        .ws
        .write_string_with_format(0, 0, capped(f.data.workspace.title.get(lang)), &s.title)?;
    sheet
        .ws
        .write_string_with_format(1, 0, capped(&f.scope_name()), &s.subtitle)?;

    let last_figure = key_figures(&mut sheet, 3, f, s)?;
    let header_row = last_figure + 2;
    let mut row = header_row;
    let mut headers: Vec<&str> = vec![
        tr(lang, "Department id", "部门编号"),
        tr(lang, "Department", "部门"),
        tr(lang, "Assessed on", "评估日期"),
        tr(lang, "Status", "状态"),
        tr(lang, "Overall", "总体"),
        tr(lang, "Stage", "阶段"),
        tr(lang, "Coverage", "覆盖率"),
        tr(lang, "Change since previous", "较上期变化"),
    ];
    let first_dimension = col(headers.len())?;
    headers.extend(f.data.framework.dimensions.iter().map(|d| d.name.get(lang)));
    let after_dimensions = col(headers.len())?;
    headers.extend([
        tr(lang, "Overall target", "总体目标"),
        tr(
            lang,
            "On target (every dimension with a target)",
            "是否达标（所有设定目标的维度）",
        ),
        tr(lang, "Flags", "标记"),
    ]);
    sheet.header(header_row, &headers, &s.header)?;
    for department in &summary.departments {
        row += 1;
        department_row(&mut sheet, row, f, department, s)?;
        let current = department.current.as_ref();
        for (i, dimension) in f.data.framework.dimensions.iter().enumerate() {
            let level = current
                .and_then(|c| c.dimension(&dimension.id))
                .and_then(|d| d.mean_level);
            sheet.number(row, first_dimension + col(i)?, level.map(round2), &s.level)?;
        }
        let target = department.target.as_ref().map(|t| round2(t.level));
        sheet.number(row, after_dimensions, target, &s.level)?;
        let on_target = department.on_target.map_or("", |yes| {
            if yes {
                tr(lang, "Yes", "是")
            } else {
                tr(lang, "No", "否")
            }
        });
        sheet.text(row, after_dimensions + 1, on_target, &s.text)?;
        let notes = notes_text(&flag_notes(department, lang), lang);
        sheet.text(row, after_dimensions + 2, &notes, &s.text)?;
    }
    sheet.ws.set_freeze_panes(header_row + 1, 2)?;

    row += 2;
    row = radar_block(&mut sheet, row, f, s)?;
    row += 1;
    if !f.is_scoped() {
        stage_counts_block(&mut sheet, row, f, s)?;
        row += 7;
    }
    notes(&mut sheet, row, f, s)?;
    sheet.finish()
}

/// A key figure's value on the Summary sheet.
enum Figure {
    Date(Option<NaiveDate>),
    Level(Option<f64>),
    Text(String),
    Percent(f64),
    Count(usize),
    Change(Option<f64>),
}

/// The key figures as label–value pairs in columns A and B from `row`:
/// for the government, its mean and how many departments are where in the
/// workflow; for one department, its own status and change. Returns the
/// last row written.
fn key_figures(sheet: &mut Sheet, row: RowNum, f: &Figures, s: &Styles) -> Result<RowNum, XlsxError> {
    let lang = f.lang;
    let summary = &f.summary;
    let stage = summary.stage.map(|l| f.level_name(l)).unwrap_or_default();
    let mut figures = vec![
        (
            tr(lang, "Period (as of)", "评估期（截至）"),
            Figure::Date(summary.period),
        ),
        (
            tr(lang, "Generated on", "生成日期"),
            Figure::Date(Some(f.options.generated)),
        ),
        (
            tr(lang, "Basis", "统计口径"),
            Figure::Text(summary.basis.label().get(lang).to_owned()),
        ),
        (
            tr(lang, "Overall mean level", "总体平均等级"),
            Figure::Level(summary.mean_level),
        ),
        (tr(lang, "Overall stage", "总体阶段"), Figure::Text(stage)),
        (tr(lang, "Coverage", "覆盖率"), Figure::Percent(summary.coverage)),
    ];
    match summary.departments.first().filter(|_| f.is_scoped()) {
        Some(department) => {
            let current = department.current.as_ref();
            let status = current.map(|c| c.status.label().get(lang).to_owned());
            figures.extend([
                (
                    tr(lang, "Assessment date", "评估日期"),
                    Figure::Date(current.map(|c| c.period)),
                ),
                (
                    tr(lang, "Status", "状态"),
                    Figure::Text(status.unwrap_or_default()),
                ),
                (
                    tr(lang, "Change since previous", "较上期变化"),
                    Figure::Change(department.change),
                ),
                (
                    tr(lang, "Flags", "标记"),
                    Figure::Text(notes_text(&flag_notes(department, lang), lang)),
                ),
            ]);
        }
        None => figures.extend([
            (
                tr(lang, "Departments", "部门数"),
                Figure::Count(summary.departments.len()),
            ),
            (tr(lang, "Assessed", "已评估"), Figure::Count(summary.assessed)),
            (
                tr(lang, "Approved", "已批准"),
                Figure::Count(summary.workflow_approved),
            ),
            (
                tr(lang, "Provisional", "暂定"),
                Figure::Count(summary.provisional),
            ),
            (
                tr(lang, "Assessed at this period", "本期评估"),
                Figure::Count(summary.at_period),
            ),
            (
                tr(lang, "Carried over from earlier", "沿用往期评估"),
                Figure::Count(summary.carried_over),
            ),
            (
                tr(
                    lang,
                    "Newer work not yet approved, not counted",
                    "较新评估尚未批准、未计入",
                ),
                Figure::Count(summary.pending),
            ),
            (
                tr(lang, "Latest file unreadable", "最新文件无法读取"),
                Figure::Count(summary.unreadable),
            ),
            (tr(lang, "Submitted", "已提交"), Figure::Count(summary.submitted)),
            (
                tr(lang, "Draft or returned", "草稿或已退回"),
                Figure::Count(summary.draft),
            ),
        ]),
    }
    let mut last = row;
    for (r, (label, figure)) in (row..).zip(figures) {
        sheet.text(r, 0, label, &s.label)?;
        match figure {
            Figure::Date(date) => sheet.optional_date(r, 1, date, &s.date)?,
            Figure::Level(level) => sheet.number(r, 1, level.map(round2), &s.key_level)?,
            Figure::Text(text) => sheet.text(r, 1, &text, &s.text)?,
            Figure::Percent(share) => sheet.number(r, 1, Some(round2(share)), &s.key_percent)?,
            Figure::Count(count) => sheet.count(r, 1, count, &s.key_integer)?,
            Figure::Change(change) => sheet.number(r, 1, change.map(round2), &s.key_change)?,
        }
        last = r;
    }
    Ok(last)
}

/// How to read the figures, below everything else on the Summary sheet:
/// what they count (the basis, as of when, approved and provisional,
/// carried over, unreadable files), a legend of the flags, then the rules.
fn notes(sheet: &mut Sheet, row: RowNum, f: &Figures, s: &Styles) -> Result<(), XlsxError> {
    let lang = f.lang;
    let basis = basis_lines(&f.summary, lang, |id| f.department_name(id).to_owned());
    let mut row = row;
    for line in &basis {
        sheet.note(row, 0, line, &s.note)?;
        row += 1;
    }
    let legend = [
        tr(
            lang,
            "Flags: provisional = the assessment is not approved, the figure may still change (dashed border on the Heatmap sheet); \
             carried over from <date> = the department's assessment predates the period; \
             latest assessment could not be read: <file> = its newest file is damaged, an older result or none is shown.",
            "标记：暂定 = 评估尚未批准，结果可能变化（“热力图”表中以虚线边框标示）；沿用<日期>的评估 = 该部门的评估早于评估期；\
             最新评估无法读取：<文件> = 其最新文件已损坏，显示的是较早的结果或无结果。",
        ),
        tr(
            lang,
            "Overall target = the weighted mean of the dimension targets; on target = every dimension with a target has reached it.",
            "总体目标 = 各维度目标的加权平均；达标 = 所有设定目标的维度均已达到目标。",
        ),
    ];
    for line in legend {
        sheet.note(row, 0, line, &s.note)?;
        row += 1;
    }
    let lines = [
        tr(
            lang,
            "Mean levels run from 1 to 5 and are rounded to two decimals, as `govmaturity summary` shows them; a blank cell has no score.",
            "平均等级取值1–5，保留两位小数，与 `govmaturity summary` 一致；空白单元格表示没有得分。",
        ),
        tr(
            lang,
            "Each department is shown by its latest assessment on or before the period that counts on the basis above; the Answers sheet lists every indicator of that assessment.",
            "每个部门取截至评估期、符合上述统计口径的最近一次评估；“指标答案”表列出该次评估的全部指标。",
        ),
        tr(
            lang,
            "Stage = the whole level of the mean; gap = target − current; priority = ((1 + gap)² − 1) × weight.",
            "阶段 = 平均等级的整数部分；差距 = 目标 − 当前；优先度 =（(1 + 差距)² − 1）× 权重。",
        ),
    ];
    for (r, line) in (row..).zip(lines) {
        sheet.note(r, 0, line, &s.note)?;
    }
    Ok(())
}

/// The first eight columns of a department's row on the Summary sheet.
fn department_row(
    sheet: &mut Sheet,
    row: RowNum,
    f: &Figures,
    department: &DepartmentSummary,
    s: &Styles,
) -> Result<(), XlsxError> {
    let current = department.current.as_ref();
    sheet.text(row, 0, &department.department, &s.text)?;
    sheet.text(row, 1, f.department_name(&department.department), &s.text)?;
    sheet.optional_date(row, 2, current.map(|c| c.period), &s.date)?;
    let status = current.map(|c| c.status.label().get(f.lang).to_owned());
    sheet.text(row, 3, &status.unwrap_or_default(), &s.text)?;
    sheet.number(row, 4, current.and_then(|c| c.mean_level).map(round2), &s.level)?;
    let stage = current.and_then(|c| c.stage).map(|l| f.level_name(l));
    sheet.text(row, 5, &stage.unwrap_or_default(), &s.text)?;
    sheet.number(row, 6, current.map(|c| round2(c.coverage)), &s.percent)?;
    sheet.number(row, 7, department.change.map(round2), &s.change)?;
    Ok(())
}

/// The dimension means (and targets, when any are set) as a small table
/// starting at `row`, with a native radar chart beside it. Returns the row
/// after the table.
fn radar_block(sheet: &mut Sheet, row: RowNum, f: &Figures, s: &Styles) -> Result<RowNum, XlsxError> {
    let lang = f.lang;
    let means = f.dimension_means();
    let targets = f.dimension_targets();
    let has_targets = targets.iter().any(Option::is_some);
    let series_name = if f.is_scoped() {
        f.scope_name()
    } else {
        tr(lang, "Government mean", "全市平均").to_owned()
    };
    let mut headers = vec![tr(lang, "Dimension", "维度"), series_name.as_str()];
    if has_targets {
        headers.push(tr(lang, "Target", "目标"));
    }
    sheet.header(row, &headers, &s.header)?;
    let first = row + 1;
    let mut last = row;
    for ((dimension, level), target) in f.data.framework.dimensions.iter().zip(&means).zip(&targets) {
        last += 1;
        sheet.text(last, 0, dimension.name.get(lang), &s.text)?;
        sheet.number(last, 1, level.map(round2), &s.level)?;
        if has_targets {
            sheet.number(last, 2, target.map(|t| f64::from(t.get())), &s.integer)?;
        }
    }
    if last >= first {
        let chart = radar_chart(&sheet.name, row, first, last, has_targets, f);
        sheet.ws.insert_chart(row, 4, &chart)?;
    }
    // The chart is 340 px, 17 rows of 20 px, tall: keep what follows below it.
    Ok((last + 1).max(row + 18))
}

/// A radar chart of the dimension means in rows `first..=last` (names in
/// column A, levels in B, targets in C), on a 0–5 scale like the app's.
fn radar_chart(
    sheet: &str,
    header: RowNum,
    first: RowNum,
    last: RowNum,
    has_targets: bool,
    f: &Figures,
) -> Chart {
    let mut chart = Chart::new(ChartType::RadarWithMarkers);
    chart
        .title()
        .set_name(tr(f.lang, "Mean level by dimension", "各维度平均等级"));
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
    chart.y_axis().set_min(0).set_max(5).set_major_unit(1);
    chart.legend().set_position(ChartLegendPosition::Bottom);
    chart.set_width(520).set_height(340);
    chart.set_alt_text(tr(
        f.lang,
        "Radar chart of the mean maturity level of each dimension, from the table beside it.",
        "各维度平均成熟度等级雷达图，数据见旁边的表格。",
    ));
    chart
}

/// How many departments are at each stage, as a small table at `row`.
fn stage_counts_block(sheet: &mut Sheet, row: RowNum, f: &Figures, s: &Styles) -> Result<(), XlsxError> {
    let lang = f.lang;
    sheet.header(
        row,
        &[tr(lang, "Stage", "阶段"), tr(lang, "Departments", "部门数")],
        &s.header,
    )?;
    for ((level, count), r) in Level::all().zip(f.summary.stage_counts).zip(row + 1..) {
        sheet.text(
            r,
            0,
            &format!("{} · {}", level.get(), f.level_name(level)),
            &s.text,
        )?;
        sheet.count(r, 1, count, &s.integer)?;
    }
    Ok(())
}

/// Heatmap: departments × dimensions (and overall) mean levels, coloured by
/// a three-colour scale from the viridis ends, with a legend underneath.
fn heatmap_sheet(f: &Figures, s: &Styles) -> Result<Worksheet, XlsxError> {
    let lang = f.lang;
    let mut sheet = Sheet::new(sheet_names(lang)[1])?;
    let dimensions = &f.data.framework.dimensions;
    let mut headers = vec![tr(lang, "Department", "部门")];
    headers.extend(dimensions.iter().map(|d| d.name.get(lang)));
    headers.push(tr(lang, "Overall", "总体"));
    headers.push(tr(lang, "Notes", "说明"));
    sheet.header(0, &headers, &s.header)?;
    let last_col = col(dimensions.len() + 1)?;
    let mut row: RowNum = 0;
    for department in &f.summary.departments {
        row += 1;
        let current = department.current.as_ref();
        // A provisional row's cells carry a dashed border.
        let heat = if department.is_provisional() {
            &s.heat_provisional
        } else {
            &s.heat
        };
        sheet.text(row, 0, f.department_name(&department.department), &s.text)?;
        for (i, dimension) in dimensions.iter().enumerate() {
            let level = current
                .and_then(|c| c.dimension(&dimension.id))
                .and_then(|d| d.mean_level);
            sheet.number(row, col(i + 1)?, level.map(round2), heat)?;
        }
        sheet.number(
            row,
            last_col,
            current.and_then(|c| c.mean_level).map(round2),
            heat,
        )?;
        let notes = notes_text(&flag_notes(department, lang), lang);
        sheet.text(row, last_col + 1, &notes, &s.text)?;
    }
    if row > 0 {
        colour_scale(&mut sheet.ws, 1, 1, row, last_col)?;
    }
    sheet.freeze_header(1, 1)?;

    let legend = row + 2;
    sheet.text(
        legend,
        0,
        tr(lang, "Colour scale (mean level)", "颜色刻度（平均等级）"),
        &s.label,
    )?;
    for level in Level::all() {
        sheet.count(
            legend,
            ColNum::from(level.get()),
            usize::from(level.get()),
            &s.heat,
        )?;
    }
    colour_scale(&mut sheet.ws, legend, 1, legend, 5)?;
    sheet.note(
        legend + 1,
        0,
        tr(
            lang,
            "Dark = lagging (level 1), light = advanced (level 5); grey = no score.",
            "深色 = 落后（1级），浅色 = 领先（5级）；灰色 = 无得分。",
        ),
        &s.note,
    )?;
    sheet.note(
        legend + 2,
        0,
        tr(
            lang,
            "Dashed border: provisional figure (the assessment is not yet approved); the Notes column says so in words.",
            "虚线边框：暂定结果（评估尚未批准），“说明”列以文字注明。",
        ),
        &s.note,
    )?;
    sheet.finish()
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

/// Scores: one row per department and dimension with the figures behind it.
fn scores_sheet(f: &Figures, s: &Styles) -> Result<Worksheet, XlsxError> {
    let lang = f.lang;
    let mut sheet = Sheet::new(sheet_names(lang)[2])?;
    sheet.header(
        0,
        &[
            tr(lang, "Department id", "部门编号"),
            tr(lang, "Department", "部门"),
            tr(lang, "Period", "评估期"),
            tr(lang, "Dimension id", "维度编号"),
            tr(lang, "Dimension", "维度"),
            tr(lang, "Mean level", "平均等级"),
            tr(lang, "Floor", "最低等级"),
            tr(lang, "Weakest indicator", "最弱指标"),
            tr(lang, "Target", "目标"),
            tr(lang, "Gap", "差距"),
            tr(lang, "Priority", "优先度"),
            tr(lang, "Change since previous", "较上期变化"),
            tr(lang, "Coverage", "覆盖率"),
            tr(lang, "Imbalanced", "失衡"),
        ],
        &s.header,
    )?;
    let framework = &f.data.framework;
    let mut row: RowNum = 0;
    for department in &f.summary.departments {
        let Some(current) = &department.current else {
            continue;
        };
        for (i, score) in current.dimensions.iter().enumerate() {
            row += 1;
            let dimension_name = framework
                .dimension(&score.dimension)
                .map_or("", |d| d.name.get(lang));
            let weakest = score
                .floor_indicator
                .as_deref()
                .and_then(|id| framework.indicator(id))
                .map_or("", |(_, indicator)| indicator.name.get(lang));
            let change = department.dimension_changes.get(i).copied().flatten();
            sheet.text(row, 0, &department.department, &s.text)?;
            sheet.text(row, 1, f.department_name(&department.department), &s.text)?;
            sheet.date(row, 2, current.period, &s.date)?;
            sheet.text(row, 3, &score.dimension, &s.text)?;
            sheet.text(row, 4, dimension_name, &s.text)?;
            sheet.number(row, 5, score.mean_level.map(round2), &s.level)?;
            sheet.number(row, 6, score.floor.map(|l| f64::from(l.get())), &s.integer)?;
            sheet.text(row, 7, weakest, &s.text)?;
            sheet.number(row, 8, score.target.map(|l| f64::from(l.get())), &s.integer)?;
            sheet.number(row, 9, score.gap.map(round2), &s.level)?;
            sheet.number(row, 10, score.priority.map(round2), &s.level)?;
            sheet.number(row, 11, change.map(round2), &s.change)?;
            sheet.number(row, 12, score.coverage.map(round2), &s.percent)?;
            sheet
                .ws
                .write_boolean_with_format(row, 13, score.imbalanced, &s.text)?;
        }
    }
    sheet.freeze_header(1, 2)?;
    sheet.finish()
}

/// Answers: every indicator of every current assessment (the ones the
/// figures are based on), answered or not, with its evidence.
fn answers_sheet(f: &Figures, s: &Styles) -> Result<Worksheet, XlsxError> {
    let lang = f.lang;
    let mut sheet = Sheet::new(sheet_names(lang)[3])?;
    sheet.header(
        0,
        &[
            tr(lang, "Department id", "部门编号"),
            tr(lang, "Department", "部门"),
            tr(lang, "Period", "评估期"),
            tr(lang, "Status", "状态"),
            tr(lang, "Dimension", "维度"),
            tr(lang, "Indicator id", "指标编号"),
            tr(lang, "Indicator", "指标"),
            tr(lang, "Level", "等级"),
            tr(lang, "Not applicable", "不适用"),
            tr(lang, "Reason", "不适用原因"),
            tr(lang, "Evidence", "证据"),
            tr(lang, "Links", "链接"),
            tr(lang, "Confidence", "置信度"),
            tr(lang, "Comment", "备注"),
        ],
        &s.header,
    )?;
    let mut row: RowNum = 0;
    for department in &f.summary.departments {
        let Some(current) = &department.current else {
            continue;
        };
        let Some(assessment) = f.data.find(&department.department, current.period) else {
            continue;
        };
        for (dimension, indicator) in f.data.framework.indicators() {
            row += 1;
            let answer = assessment.answers.get(&indicator.id);
            let rating = assessment.rating(&indicator.id);
            let reason = match rating {
                crate::model::Rating::NotApplicable { reason } => reason.as_str(),
                _ => "",
            };
            sheet.text(row, 0, &department.department, &s.text)?;
            sheet.text(row, 1, f.department_name(&department.department), &s.text)?;
            sheet.date(row, 2, assessment.period, &s.date)?;
            sheet.text(row, 3, assessment.status.label().get(lang), &s.text)?;
            sheet.text(row, 4, dimension.name.get(lang), &s.text)?;
            sheet.text(row, 5, &indicator.id, &s.text)?;
            sheet.text(row, 6, indicator.name.get(lang), &s.text)?;
            sheet.number(row, 7, rating.level().map(|l| f64::from(l.get())), &s.integer)?;
            sheet
                .ws
                .write_boolean_with_format(row, 8, rating.is_not_applicable(), &s.text)?;
            sheet.wrapped(row, 9, reason, &s.wrap)?;
            sheet.wrapped(row, 10, answer.map_or("", |a| a.evidence.as_str()), &s.wrap)?;
            let links = answer.map(|a| a.links.join("\n")).unwrap_or_default();
            sheet.wrapped(row, 11, &links, &s.wrap)?;
            let confidence = answer
                .and_then(|a| a.confidence)
                .map(|c| c.label().get(lang).to_owned());
            sheet.text(row, 12, &confidence.unwrap_or_default(), &s.text)?;
            sheet.wrapped(row, 13, answer.map_or("", |a| a.comment.as_str()), &s.wrap)?;
        }
    }
    // Reasons and comments are short and rare: narrower than evidence.
    sheet.cap(9, 30.0);
    sheet.cap(11, 45.0);
    sheet.cap(13, 40.0);
    sheet.freeze_header(1, 2)?;
    if row > 0 {
        sheet.ws.autofilter(0, 0, row, 13)?;
    }
    sheet.finish()
}

/// Priorities: every indicator short of its target, most urgent first, with
/// the rubric text of the next level up — what to do next.
fn priorities_sheet(f: &Figures, s: &Styles) -> Result<Worksheet, XlsxError> {
    let lang = f.lang;
    let mut sheet = Sheet::new(sheet_names(lang)[4])?;
    sheet.header(
        0,
        &[
            tr(lang, "Rank", "排名"),
            tr(lang, "Department", "部门"),
            tr(lang, "Dimension", "维度"),
            tr(lang, "Indicator id", "指标编号"),
            tr(lang, "Indicator", "指标"),
            tr(lang, "Current level", "当前等级"),
            tr(lang, "Target", "目标"),
            tr(lang, "Gap", "差距"),
            tr(lang, "Weight", "权重"),
            tr(lang, "Priority", "优先度"),
            tr(lang, "Next level", "下一等级"),
            tr(
                lang,
                "What to do next (next level's rubric)",
                "下一步（下一等级的评分标准）",
            ),
            tr(lang, "Notes", "说明"),
        ],
        &s.header,
    )?;
    let framework = &f.data.framework;
    // Each department's notes, made once: there may be thousands of rows.
    let notes: std::collections::HashMap<&str, String> = f
        .summary
        .departments
        .iter()
        .map(|d| (d.department.as_str(), notes_text(&flag_notes(d, lang), lang)))
        .collect();
    let mut row: RowNum = 0;
    for priority in analysis::priorities(&f.data, &f.summary) {
        let Some((dimension, indicator)) = priority
            .indicator
            .as_deref()
            .and_then(|id| framework.indicator(id))
        else {
            continue;
        };
        row += 1;
        // A current level is a whole level 1–5 here, so the cast is exact.
        let next = Level::clamped((priority.current.round() as u8).saturating_add(1));
        let rubric = indicator.levels.get(next.index()).map_or("", |t| t.get(lang));
        sheet.count(row, 0, usize::try_from(row).unwrap_or(usize::MAX), &s.integer)?;
        sheet.text(row, 1, f.department_name(&priority.department), &s.text)?;
        sheet.text(row, 2, dimension.name.get(lang), &s.text)?;
        sheet.text(row, 3, &indicator.id, &s.text)?;
        sheet.text(row, 4, indicator.name.get(lang), &s.text)?;
        sheet.number(row, 5, Some(priority.current), &s.integer)?;
        sheet.number(row, 6, Some(f64::from(priority.target.get())), &s.integer)?;
        sheet.number(row, 7, Some(round2(priority.gap)), &s.level)?;
        sheet.number(row, 8, Some(priority.weight), &s.general)?;
        sheet.number(row, 9, Some(round2(priority.priority)), &s.level)?;
        sheet.number(row, 10, Some(f64::from(next.get())), &s.integer)?;
        sheet.wrapped(row, 11, rubric, &s.wrap)?;
        let note = notes.get(priority.department.as_str()).map_or("", String::as_str);
        sheet.text(row, 12, note, &s.text)?;
    }
    sheet.freeze_header(1, 2)?;
    if row > 0 {
        sheet.ws.autofilter(0, 0, row, 12)?;
    }
    sheet.finish()
}

/// Trends: one row per period. Whole government: the government mean,
/// lowest and highest department, then each department's overall level;
/// one department: its overall level and each dimension's. A native line
/// chart with dates on the category axis draws the first columns.
fn trends_sheet(f: &Figures, s: &Styles) -> Result<Worksheet, XlsxError> {
    let lang = f.lang;
    let mut sheet = Sheet::new(sheet_names(lang)[5])?;
    let series = trend_series(f);
    let mut headers = vec![tr(lang, "Period", "评估期").to_owned()];
    headers.extend(series.iter().map(|c| c.name.clone()));
    let header_refs: Vec<&str> = headers.iter().map(String::as_str).collect();
    sheet.header(0, &header_refs, &s.header)?;
    let mut row: RowNum = 0;
    for period in &f.periods {
        row += 1;
        sheet.date(row, 0, *period, &s.date)?;
        for (i, column) in series.iter().enumerate() {
            let value = column.points.iter().find(|(p, _)| p == period).map(|(_, v)| *v);
            let format = if column.is_count { &s.integer } else { &s.level };
            sheet.number(row, col(i + 1)?, value.map(round2), format)?;
        }
    }
    sheet.freeze_header(1, 1)?;
    if row > 0 {
        let chart = trend_chart(&sheet.name, row, &series, f);
        sheet.ws.insert_chart(row + 2, 1, &chart)?;
    }
    sheet.finish()
}

/// One column of the Trends sheet.
struct TrendSeries {
    name: String,
    /// `(period, value)`, oldest first.
    points: Vec<(NaiveDate, f64)>,
    /// Whether the chart draws it.
    charted: bool,
    /// Departments counted, rather than a level.
    is_count: bool,
    /// Drawn thin and dashed (the band of the government trend).
    is_band: bool,
}

/// The columns of the Trends sheet, up to the report's date.
fn trend_series(f: &Figures) -> Vec<TrendSeries> {
    let lang = f.lang;
    let last = f.summary.period;
    let upto = |points: Vec<(NaiveDate, f64)>| -> Vec<(NaiveDate, f64)> {
        points
            .into_iter()
            .filter(|(p, _)| last.is_none_or(|l| *p <= l))
            .collect()
    };
    let level = |name: String, points, charted| TrendSeries {
        name,
        points,
        charted,
        is_count: false,
        is_band: false,
    };
    if let Some(id) = f.options.department.as_deref() {
        let mut series = vec![level(
            tr(lang, "Overall", "总体").to_owned(),
            upto(analysis::trend_on(&f.data, id, None, f.options.basis).points),
            true,
        )];
        series.extend(f.data.framework.dimensions.iter().map(|d| {
            level(
                d.name.get(lang).to_owned(),
                upto(analysis::trend_on(&f.data, id, Some(&d.id), f.options.basis).points),
                true,
            )
        }));
        return series;
    }
    let ids: Vec<&str> = f
        .summary
        .departments
        .iter()
        .map(|d| d.department.as_str())
        .collect();
    let group: Vec<_> = analysis::group_trend_on(&f.data, &ids, None, f.options.basis)
        .into_iter()
        .filter(|g| last.is_none_or(|l| g.period <= l))
        .collect();
    let pick = |value: fn(&analysis::GroupPoint) -> f64| group.iter().map(|g| (g.period, value(g))).collect();
    let mut series = vec![
        level(
            tr(lang, "Government mean", "全市平均").to_owned(),
            pick(|g| g.mean),
            true,
        ),
        TrendSeries {
            is_band: true,
            ..level(
                tr(lang, "Lowest department", "最低部门").to_owned(),
                pick(|g| g.min),
                true,
            )
        },
        TrendSeries {
            is_band: true,
            ..level(
                tr(lang, "Highest department", "最高部门").to_owned(),
                pick(|g| g.max),
                true,
            )
        },
        TrendSeries {
            is_count: true,
            // Counts are far below 2^52, so the conversion is exact.
            ..level(
                tr(lang, "Departments assessed", "已评估部门数").to_owned(),
                group.iter().map(|g| (g.period, g.count as f64)).collect(),
                false,
            )
        },
    ];
    series.extend(ids.iter().map(|id| {
        level(
            f.department_name(id).to_owned(),
            upto(analysis::trend_on(&f.data, id, None, f.options.basis).points),
            false,
        )
    }));
    series
}

/// A line chart of the charted trend columns over rows 1..=`last_row`,
/// with the periods as dates on the category axis and levels 1–5 up.
fn trend_chart(sheet: &str, last_row: RowNum, series: &[TrendSeries], f: &Figures) -> Chart {
    let mut chart = Chart::new(ChartType::Line);
    let title = if f.is_scoped() {
        tr(f.lang, "Mean level over time", "平均等级变化")
    } else {
        tr(f.lang, "Government mean level over time", "全市平均等级变化")
    };
    chart.title().set_name(title);
    for (i, column) in series.iter().enumerate().filter(|(_, c)| c.charted) {
        let Ok(column_number) = col(i + 1) else {
            continue;
        };
        let colour = if column.is_band {
            Rgb(0x76, 0x76, 0x76)
        } else {
            series_colour(i)
        };
        let mut line = ChartLine::new();
        // The first column (the government mean, or the department's
        // overall level) leads; dimensions follow thinner, the band dashed.
        let width = match (i, column.is_band) {
            (_, true) => 1.25,
            (0, _) => 3.0,
            _ => 1.75,
        };
        line.set_color(excel_colour(colour)).set_width(width);
        if column.is_band {
            line.set_dash_type(ChartLineDashType::Dash);
        }
        let mut marker = ChartMarker::new();
        marker
            .set_type(ChartMarkerType::Circle)
            .set_size(if column.is_band { 4 } else { 6 })
            .set_format(ChartSolidFill::new().set_color(excel_colour(colour)));
        chart
            .add_series()
            .set_name((sheet, 0, column_number))
            .set_categories((sheet, 1, 0, last_row, 0))
            .set_values((sheet, 1, column_number, last_row, column_number))
            .set_format(&mut line)
            .set_marker(&marker);
    }
    // Periods are month ends: ticks fall on month starts, so they are
    // labelled by month, a tick per typical gap between periods.
    chart
        .x_axis()
        .set_date_axis(true)
        .set_num_format("yyyy-mm")
        .set_major_unit(typical_gap_months(&f.periods))
        .set_major_unit_date_type(ChartAxisDateUnitType::Months);
    chart
        .y_axis()
        .set_min(1)
        .set_max(5)
        .set_major_unit(1)
        .set_name(tr(f.lang, "Mean level", "平均等级"));
    chart.legend().set_position(ChartLegendPosition::Bottom);
    chart.set_width(720).set_height(360);
    chart.set_alt_text(tr(
        f.lang,
        "Line chart of mean maturity levels per period, from the table above.",
        "各评估期平均成熟度等级折线图，数据见上方表格。",
    ));
    chart
}

/// The median gap between consecutive periods in whole months (at least 1).
fn typical_gap_months(periods: &[NaiveDate]) -> u16 {
    let mut gaps: Vec<i64> = periods
        .windows(2)
        .map(|pair| (pair[1] - pair[0]).num_days())
        .collect();
    gaps.sort_unstable();
    let Some(&median) = gaps.get(gaps.len() / 2) else {
        return 1;
    };
    // 30.44 days to the month; a gap of a few years is far below u16::MAX.
    let months = (median as f64 / 30.44).round().max(1.0);
    u16::try_from(months as i64).unwrap_or(u16::MAX)
}

/// Framework: every indicator with its weight and its five level descriptors.
fn framework_sheet(f: &Figures, s: &Styles) -> Result<Worksheet, XlsxError> {
    let lang = f.lang;
    let mut sheet = Sheet::new(sheet_names(lang)[6])?;
    let mut headers: Vec<String> = [
        tr(lang, "Dimension id", "维度编号"),
        tr(lang, "Dimension", "维度"),
        tr(lang, "Dimension weight", "维度权重"),
        tr(lang, "Indicator id", "指标编号"),
        tr(lang, "Indicator", "指标"),
        tr(lang, "Indicator weight", "指标权重"),
    ]
    .map(str::to_owned)
    .to_vec();
    headers.extend(Level::all().map(|level| format!("{} · {}", level.get(), f.level_name(level))));
    let header_refs: Vec<&str> = headers.iter().map(String::as_str).collect();
    sheet.header(0, &header_refs, &s.header)?;
    let mut row: RowNum = 0;
    for (dimension, indicator) in f.data.framework.indicators() {
        row += 1;
        sheet.text(row, 0, &dimension.id, &s.text)?;
        sheet.text(row, 1, dimension.name.get(lang), &s.text)?;
        sheet.number(row, 2, Some(f.data.dimension_weight(dimension)), &s.general)?;
        sheet.text(row, 3, &indicator.id, &s.text)?;
        sheet.text(row, 4, indicator.name.get(lang), &s.text)?;
        sheet.number(row, 5, Some(f.data.indicator_weight(indicator)), &s.general)?;
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

// ---------------------------------------------------------------------------
// Writing cells

/// The cell formats, made once.
struct Styles {
    title: Format,
    subtitle: Format,
    header: Format,
    label: Format,
    note: Format,
    text: Format,
    wrap: Format,
    date: Format,
    level: Format,
    integer: Format,
    percent: Format,
    change: Format,
    general: Format,
    heat: Format,
    /// `heat` with a dashed dark border: a provisional figure.
    heat_provisional: Format,
    key_level: Format,
    key_integer: Format,
    key_percent: Format,
    key_change: Format,
}

impl Styles {
    fn new() -> Self {
        let cell = Format::new().set_align(FormatAlign::Top);
        // Numbers in tables are centred, so a right-aligned figure never
        // runs into the text of the next column; key figures sit left,
        // under each other.
        let number = cell.clone().set_align(FormatAlign::Center);
        let key = cell.clone().set_align(FormatAlign::Left);
        Styles {
            title: Format::new().set_bold().set_font_size(16),
            subtitle: Format::new()
                .set_font_size(12)
                .set_font_color(excel_colour(Rgb(0x59, 0x59, 0x59))),
            header: Format::new()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Top)
                .set_background_color(excel_colour(Rgb(0xd9, 0xe2, 0xf3)))
                .set_border_bottom(FormatBorder::Thin),
            label: cell.clone().set_bold(),
            note: Format::new()
                .set_italic()
                .set_font_color(excel_colour(Rgb(0x59, 0x59, 0x59))),
            text: cell.clone(),
            wrap: cell.clone().set_text_wrap(),
            date: cell
                .clone()
                .set_num_format("yyyy-mm-dd")
                .set_align(FormatAlign::Left),
            level: number.clone().set_num_format("0.00"),
            integer: number.clone().set_num_format("0"),
            percent: number.clone().set_num_format("0%"),
            change: number.clone().set_num_format("+0.00;-0.00;0.00"),
            general: number.clone(),
            key_level: key.clone().set_num_format("0.00"),
            key_integer: key.clone().set_num_format("0"),
            key_percent: key.clone().set_num_format("0%"),
            key_change: key.set_num_format("+0.00;-0.00;0.00"),
            heat: Format::new()
                .set_num_format("0.00")
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter)
                .set_border(FormatBorder::Thin)
                .set_border_color(excel_colour(Rgb::WHITE)),
            heat_provisional: Format::new()
                .set_num_format("0.00")
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter)
                .set_border(FormatBorder::MediumDashed)
                .set_border_color(excel_colour(Rgb(0x1a, 0x1a, 0x1a))),
        }
    }
}

/// A worksheet being filled, remembering the widest content of each column
/// so that [`Sheet::finish`] can size the columns to fit.
struct Sheet {
    ws: Worksheet,
    name: String,
    /// Widest content per column, in character widths.
    widths: Vec<f64>,
    /// A lower cap than [`MAX_COLUMN_WIDTH`] for some columns.
    caps: Vec<Option<f64>>,
    /// Cells whose text wraps, to size their rows.
    wrapped: Vec<Wrapped>,
}

/// A cell whose text wraps.
struct Wrapped {
    row: RowNum,
    col: ColNum,
    text: String,
    /// Bold text (a header) runs wider.
    bold: bool,
}

impl Sheet {
    fn new(name: &str) -> Result<Sheet, XlsxError> {
        let mut ws = Worksheet::new();
        ws.set_name(name)?;
        // A4 landscape, one page wide, the sheet's name and page numbers below.
        ws.set_paper_size(9)
            .set_landscape()
            .set_print_fit_to_pages(1, 0)
            .set_footer("&L&[Tab]&R&[Page] / &[Pages]");
        Ok(Sheet {
            ws,
            name: name.to_owned(),
            widths: Vec::new(),
            caps: Vec::new(),
            wrapped: Vec::new(),
        })
    }

    /// Remembers that column `col` holds content `width` characters wide.
    fn measure(&mut self, col: ColNum, width: f64) {
        let index = usize::from(col);
        if self.widths.len() <= index {
            self.widths.resize(index + 1, 0.0);
        }
        self.widths[index] = self.widths[index].max(width);
    }

    /// Freezes the rows above `row` and the columns left of `col`, and
    /// repeats `row − 1` (the header) on every printed page.
    fn freeze_header(&mut self, row: RowNum, col: ColNum) -> Result<(), XlsxError> {
        self.ws.set_freeze_panes(row, col)?;
        if let Some(header) = row.checked_sub(1) {
            self.ws.set_repeat_rows(header, header)?;
        }
        Ok(())
    }

    /// Caps a column's width (its text wraps beyond it).
    fn cap(&mut self, col: ColNum, width: f64) {
        let index = usize::from(col);
        if self.caps.len() <= index {
            self.caps.resize(index + 1, None);
        }
        self.caps[index] = Some(width);
    }

    /// Writes user or label text as a string — never as a formula.
    fn text(&mut self, row: RowNum, col: ColNum, text: &str, format: &Format) -> Result<(), XlsxError> {
        let text = capped(text);
        self.measure(col, display_width(&text));
        self.ws.write_string_with_format(row, col, text, format)?;
        Ok(())
    }

    /// Writes text that wraps within its column (`format` must wrap), and
    /// remembers it so that [`Sheet::finish`] makes its row tall enough.
    fn wrapped(&mut self, row: RowNum, col: ColNum, text: &str, format: &Format) -> Result<(), XlsxError> {
        self.text(row, col, text, format)?;
        if !text.is_empty() {
            self.wrapped.push(Wrapped {
                row,
                col,
                text: capped(text).into_owned(),
                bold: false,
            });
        }
        Ok(())
    }

    /// Writes a note that may run on past its column: it does not widen it.
    fn note(&mut self, row: RowNum, col: ColNum, text: &str, format: &Format) -> Result<(), XlsxError> {
        self.ws.write_string_with_format(row, col, capped(text), format)?;
        Ok(())
    }

    /// Writes a header row. A header may wrap onto more lines, so it widens
    /// its column only to its longest word (or a dozen characters).
    fn header(&mut self, row: RowNum, labels: &[&str], format: &Format) -> Result<(), XlsxError> {
        for (i, label) in labels.iter().enumerate() {
            let col = self::col(i)?;
            let longest_word = label.split_whitespace().map(display_width).fold(0.0, f64::max);
            self.measure(col, display_width(label).min(longest_word.max(12.0)));
            self.ws
                .write_string_with_format(row, col, capped(label), format)?;
            self.wrapped.push(Wrapped {
                row,
                col,
                text: (*label).to_owned(),
                bold: true,
            });
        }
        Ok(())
    }

    /// Writes a number, or a formatted blank cell when there is none.
    fn number(
        &mut self,
        row: RowNum,
        col: ColNum,
        value: Option<f64>,
        format: &Format,
    ) -> Result<(), XlsxError> {
        match value.filter(|v| v.is_finite()) {
            Some(value) => {
                self.measure(col, number_width(value));
                self.ws.write_number_with_format(row, col, value, format)?;
            }
            None => {
                self.ws.write_blank(row, col, format)?;
            }
        }
        Ok(())
    }

    /// Writes a count as a number.
    fn count(&mut self, row: RowNum, col: ColNum, count: usize, format: &Format) -> Result<(), XlsxError> {
        // Counts of departments and indicators are far below 2^52: exact.
        self.number(row, col, Some(count as f64), format)
    }

    /// Writes a date as an Excel date.
    fn date(&mut self, row: RowNum, col: ColNum, date: NaiveDate, format: &Format) -> Result<(), XlsxError> {
        self.measure(col, 10.0);
        self.ws.write_datetime_with_format(row, col, date, format)?;
        Ok(())
    }

    fn optional_date(
        &mut self,
        row: RowNum,
        col: ColNum,
        date: Option<NaiveDate>,
        format: &Format,
    ) -> Result<(), XlsxError> {
        match date {
            Some(date) => self.date(row, col, date, format),
            None => self.ws.write_blank(row, col, format).map(|_| ()),
        }
    }

    /// Sizes every column to its widest content (within the caps) and
    /// hands back the worksheet.
    fn finish(mut self) -> Result<Worksheet, XlsxError> {
        let mut fitted = Vec::with_capacity(self.widths.len());
        for (i, width) in self.widths.iter().enumerate() {
            let cap = self.caps.get(i).copied().flatten().unwrap_or(MAX_COLUMN_WIDTH);
            let width = (width * 1.1 + 2.0).clamp(MIN_COLUMN_WIDTH, cap);
            if self.widths[i] > 0.0 {
                self.ws.set_column_width(col(i)?, width)?;
            }
            fitted.push(width);
        }
        self.fit_row_heights(&fitted)?;
        Ok(self.ws)
    }

    /// Makes rows with wrapped text tall enough to show all of it: not every
    /// spreadsheet program grows such rows by itself when it opens a file.
    fn fit_row_heights(&mut self, column_widths: &[f64]) -> Result<(), XlsxError> {
        let mut heights: std::collections::BTreeMap<RowNum, f64> = std::collections::BTreeMap::new();
        for cell in &self.wrapped {
            let usable = column_widths
                .get(usize::from(cell.col))
                .map_or(MAX_COLUMN_WIDTH, |w| (w - 1.0).max(1.0));
            let lines = wrapped_lines(&cell.text, usable, cell.bold);
            let wide = cell.text.chars().any(|c| char_width(c) > 1.0);
            let line_height = if wide { LINE_HEIGHT_WIDE } else { LINE_HEIGHT };
            let height = heights.entry(cell.row).or_insert(0.0);
            // Line counts are small, so the conversion is exact.
            *height = height.max(lines as f64 * line_height + 2.0);
        }
        for (row, height) in heights {
            if height > LINE_HEIGHT + 2.0 {
                self.ws.set_row_height(row, height.min(MAX_ROW_HEIGHT))?;
            }
        }
        Ok(())
    }
}

/// How many lines `text` takes in a column `width` digit-widths wide,
/// wrapping words greedily as spreadsheets do. Latin letters are taken as
/// 0.85 of a digit's width (0.95 in bold): a little wider than Calibri's,
/// so that wider fallback fonts (DejaVu Sans in LibreOffice) still fit.
/// Chinese characters take two digits and may break anywhere.
fn wrapped_lines(text: &str, width: f64, bold: bool) -> usize {
    let latin = if bold { 0.95 } else { 0.85 };
    let glyph = |c: char| if char_width(c) > 1.0 { 2.1 } else { latin };
    let mut lines = 0;
    for line in text.lines() {
        let mut count = 1;
        let mut used = 0.0;
        for word in line.split(' ') {
            // A run of Chinese breaks between any two characters: pack it
            // glyph by glyph; a Latin word moves whole to the next line.
            let pieces: Vec<f64> = if word.chars().any(|c| char_width(c) > 1.0) {
                word.chars().map(glyph).collect()
            } else {
                vec![word.chars().map(glyph).sum()]
            };
            let mut first = true;
            for piece in pieces {
                let gap = if first && used > 0.0 { latin } else { 0.0 };
                first = false;
                if used + gap + piece <= width {
                    used += gap + piece;
                } else if piece <= width {
                    count += 1;
                    used = piece;
                } else {
                    // A word longer than the column breaks inside itself.
                    let extra = (piece / width).floor();
                    // Bounded by the cell's length, so the cast is exact.
                    count += usize::from(used > 0.0) + extra as usize;
                    used = piece - extra * width;
                }
            }
        }
        lines += count;
    }
    lines.max(1)
}

/// A column number, or Excel's limit error past the last column.
fn col(index: usize) -> Result<ColNum, XlsxError> {
    ColNum::try_from(index).map_err(|_| XlsxError::RowColumnLimitError)
}

/// The text cut to what one Excel cell can hold, ending in "…" when cut.
fn capped(text: &str) -> Cow<'_, str> {
    if text.len() <= MAX_CELL_TEXT {
        // At most one UTF-16 unit per UTF-8 byte: it fits.
        return Cow::Borrowed(text);
    }
    let mut units = 0;
    let mut end = 0;
    for (i, c) in text.char_indices() {
        units += c.len_utf16();
        if units > MAX_CELL_TEXT - 1 {
            break;
        }
        end = i + c.len_utf8();
    }
    if end == text.len() {
        return Cow::Borrowed(text);
    }
    Cow::Owned(format!("{}…", &text[..end]))
}

/// How wide text shows, in widths of a Latin digit: East Asian wide and
/// full-width characters (and emoji) count double. Multi-line text counts
/// its longest line.
fn display_width(text: &str) -> f64 {
    text.lines()
        .map(|line| line.chars().map(char_width).sum::<f64>())
        .fold(0.0, f64::max)
}

fn char_width(c: char) -> f64 {
    let wide = matches!(
        u32::from(c),
        0x1100..=0x115f
            | 0x2e80..=0x303e
            | 0x3041..=0x33ff
            | 0x3400..=0x4dbf
            | 0x4e00..=0x9fff
            | 0xa000..=0xa4cf
            | 0xac00..=0xd7a3
            | 0xf900..=0xfaff
            | 0xfe30..=0xfe4f
            | 0xff00..=0xff60
            | 0xffe0..=0xffe6
            | 0x1f300..=0x1faff
            | 0x20000..=0x3fffd
    );
    if wide { 2.0 } else { 1.0 }
}

/// The width of a number as Excel shows it with two decimals at most.
fn number_width(value: f64) -> f64 {
    // A short string's length is far below 2^52, so the conversion is exact.
    format!("{value:.2}").len() as f64
}

/// Our colour as Excel's.
fn excel_colour(rgb: Rgb) -> Color {
    Color::RGB((u32::from(rgb.0) << 16) | (u32::from(rgb.1) << 8) | u32::from(rgb.2))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_counts_double_width() {
        assert_eq!(display_width("abc"), 3.0);
        assert_eq!(display_width("市大数据局"), 10.0);
        assert_eq!(display_width("short\nlonger line"), 11.0);
    }

    #[test]
    fn long_text_is_cut_to_fit_a_cell() {
        let long = "数".repeat(40_000);
        let cut = capped(&long);
        assert_eq!(cut.encode_utf16().count(), MAX_CELL_TEXT);
        assert!(cut.ends_with('…'));
        assert_eq!(capped("short"), "short");
    }

    #[test]
    fn wrapping_counts_lines_by_words() {
        assert_eq!(wrapped_lines("short", 20.0, false), 1);
        assert_eq!(wrapped_lines("one\ntwo\nthree", 20.0, false), 3);
        // 10 words of 5 letters, 4.25 wide each: four to a line of 20.
        assert_eq!(wrapped_lines(&["abcde"; 10].join(" "), 20.0, false), 3);
        // Chinese breaks anywhere: 20 characters of 2.1, ten to a line of 22.
        assert_eq!(wrapped_lines(&"数".repeat(20), 22.0, false), 2);
        // A long word breaks inside itself.
        assert_eq!(wrapped_lines(&"x".repeat(100), 17.0, false), 5);
    }

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
