//! The Trends sheet, in long format so that it pivots and filters: one row
//! per department and period ([`crate::present::trend_table`]) with the
//! department's id, name and parent, the period as a date, its status,
//! whether it is provisional and whether it is the assessment the report's
//! figures count, the overall level and stage, then one column per
//! dimension. An autofilter on the header, which is frozen.
//!
//! For the whole government a small table of the government mean per
//! period (with the lowest and highest department and how many were
//! assessed) stands to the right, one column apart, with a native line
//! chart of it below; departments are not drawn one by one, so the chart
//! reads the same at 12 departments and at 1,000. For one department the
//! chart draws its overall level and each dimension from the long table.

use chrono::NaiveDate;
use rust_xlsxwriter::{
    Chart, ChartAxisDateUnitType, ChartLegendPosition, ChartLine, ChartLineDashType, ChartMarker,
    ChartMarkerType, ChartSolidFill, ChartType, ColNum, RowNum, Worksheet, XlsxError,
};

use super::cells::{Sheet, Styles, col, excel_colour};
use super::{SHEETS, level, level_label, yes_no};
use crate::analysis::GroupPoint;
use crate::charts::{Rgb, series_colour};
use crate::model::Lang;
use crate::present::catalogue::T;
use crate::present::format;
use crate::present::report::ReportContent;
use crate::present::trend_table::TrendRow;

/// The long table's columns before the dimensions.
const FIXED: [T; 9] = [
    T::XlsxDepartmentId,
    T::Department,
    T::DocParentDepartment,
    T::Period,
    T::Status,
    T::XlsxProvisionalCount,
    T::XlsxCounted,
    T::OverallLevel,
    T::Stage,
];
const PERIOD: ColNum = 3;
const OVERALL: ColNum = 7;
const FIRST_DIMENSION: ColNum = 9;

/// The Trends sheet, written row by row on `ws` (see [`Sheet::in_row_order`]).
pub(super) fn trends_sheet(
    c: &ReportContent,
    rows: &[TrendRow],
    s: &Styles,
    ws: Worksheet,
) -> Result<Worksheet, XlsxError> {
    let lang = c.lang;
    let mut sheet = Sheet::on(ws, SHEETS[8].get(lang), lang)?;
    let last_col = col(FIXED.len() + c.dimensions.len() - 1)?;
    // The government's table stands right of the first rows of the long
    // one: each of its rows is written with the long table's row.
    let government = (c.scope.is_none() && !c.history.is_empty()).then_some(last_col + 2);
    sheet.in_row_order(|sheet| {
        let mut headers: Vec<&str> = FIXED.iter().map(|t| t.get(lang)).collect();
        headers.extend(c.dimensions.iter().map(|d| d.name.as_str()));
        sheet.header(0, &headers, &s.header)?;
        if let Some(first) = government {
            government_header(sheet, c, first, s)?;
        }
        let mut row: RowNum = 0;
        for (i, r) in rows.iter().enumerate() {
            row += 1;
            long_row(sheet, c, row, r, s)?;
            if let (Some(first), Some(point)) = (government, c.history.get(i)) {
                government_row(sheet, row, first, point, s)?;
            }
        }
        // Fewer rows than periods: the government's table goes on alone.
        if let Some(first) = government {
            for (r, point) in (row + 1..).zip(c.history.iter().skip(rows.len())) {
                government_row(sheet, r, first, point, s)?;
            }
        }
        Ok(row)
    })?;
    let row = RowNum::try_from(rows.len()).map_err(|_| XlsxError::RowColumnLimitError)?;
    sheet.freeze_header(1, 2)?;
    if row > 0 {
        sheet.ws.autofilter(0, 0, row, last_col)?;
    }
    let periods: Vec<NaiveDate> = c.history.iter().map(|point| point.period).collect();
    if c.scope.is_some() {
        if row > 0 {
            let mut series = vec![Series {
                column: OVERALL,
                style: Line::Lead,
            }];
            for i in 0..c.dimensions.len() {
                series.push(Series {
                    column: FIRST_DIMENSION + col(i)?,
                    style: Line::Thin,
                });
            }
            let periods: Vec<NaiveDate> = rows.iter().map(|r| r.period).collect();
            let chart = trend_chart(&sheet.name, (1, row, PERIOD), &series, &periods, lang);
            sheet.ws.insert_chart(row + 2, 1, &chart)?;
        }
    } else if let Some(first) = government {
        government_chart(&mut sheet, c, first, &periods)?;
    }
    sheet.finish()
}

/// One row of the long table: a department in a period.
fn long_row(
    sheet: &mut Sheet,
    c: &ReportContent,
    row: RowNum,
    r: &TrendRow,
    s: &Styles,
) -> Result<(), XlsxError> {
    let lang = c.lang;
    sheet.text(row, 0, &r.department, &s.text)?;
    sheet.text(row, 1, &r.name, &s.text)?;
    sheet.text(row, 2, &r.parent, &s.text)?;
    sheet.date(row, PERIOD, r.period, &s.date)?;
    sheet.text(row, 4, &r.status_label, &s.text)?;
    sheet.text(row, 5, yes_no(r.provisional, lang), &s.text)?;
    sheet.text(row, 6, yes_no(r.counted, lang), &s.text)?;
    let level_format = if r.provisional {
        &s.level_provisional
    } else {
        &s.level
    };
    sheet.number(row, OVERALL, level(r.mean_level), level_format)?;
    let stage = r
        .stage
        .map(|l| level_label(l, &c.level_name(l)))
        .unwrap_or_default();
    sheet.text(row, 8, &stage, &s.text)?;
    for (i, mean) in r.dimensions.iter().enumerate() {
        sheet.number(row, FIRST_DIMENSION + col(i)?, level(*mean), level_format)?;
    }
    Ok(())
}

/// The header of the government's table: the mean per period, lowest and
/// highest department and how many were assessed, in columns from `first`.
fn government_header(
    sheet: &mut Sheet,
    c: &ReportContent,
    first: ColNum,
    s: &Styles,
) -> Result<(), XlsxError> {
    let lang = c.lang;
    let headers = [
        T::Period,
        T::XlsxGovernmentMean,
        T::TrendLowest,
        T::TrendHighest,
        T::TrendAssessedCount,
    ]
    .map(|t| t.get(lang));
    for (i, header) in headers.iter().enumerate() {
        let column = first + col(i)?;
        sheet.header_cell(0, column, header, &s.header)?;
    }
    Ok(())
}

/// One period of the government's table, at `row`.
fn government_row(
    sheet: &mut Sheet,
    row: RowNum,
    first: ColNum,
    point: &GroupPoint,
    s: &Styles,
) -> Result<(), XlsxError> {
    sheet.date(row, first, point.period, &s.date)?;
    sheet.number(row, first + 1, level(Some(point.mean)), &s.level)?;
    sheet.number(row, first + 2, level(Some(point.min)), &s.level)?;
    sheet.number(row, first + 3, level(Some(point.max)), &s.level)?;
    sheet.count(row, first + 4, point.count, &s.whole)
}

/// The line chart of the government's table (from column `first`), below it.
fn government_chart(
    sheet: &mut Sheet,
    c: &ReportContent,
    first: ColNum,
    periods: &[NaiveDate],
) -> Result<(), XlsxError> {
    let row = RowNum::try_from(c.history.len()).map_err(|_| XlsxError::RowColumnLimitError)?;
    let series = [
        Series {
            column: first + 1,
            style: Line::Lead,
        },
        Series {
            column: first + 2,
            style: Line::Band,
        },
        Series {
            column: first + 3,
            style: Line::Band,
        },
    ];
    let chart = trend_chart(&sheet.name, (1, row, first), &series, periods, c.lang);
    sheet.ws.insert_chart(row + 2, first, &chart)?;
    Ok(())
}

/// How a line is drawn.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Line {
    /// The government mean, or the department's overall level: thick.
    Lead,
    /// A dimension of one department.
    Thin,
    /// The lowest and highest department around the mean: thin and dashed.
    Band,
}

/// A column the chart draws.
struct Series {
    column: ColNum,
    style: Line,
}

/// A line chart of `series` (headers in row 0) over rows `first..=last`,
/// with the periods of column `categories` as dates on the category axis
/// and levels 1–5 up.
fn trend_chart(
    sheet: &str,
    (first, last, categories): (RowNum, RowNum, ColNum),
    series: &[Series],
    periods: &[NaiveDate],
    lang: Lang,
) -> Chart {
    let mut chart = Chart::new(ChartType::Line);
    chart.title().set_name(T::TrendsChart.get(lang));
    for (i, line) in series.iter().enumerate() {
        let band = line.style == Line::Band;
        let colour = if band {
            Rgb(0x76, 0x76, 0x76)
        } else {
            series_colour(i)
        };
        let width = match line.style {
            Line::Band => 1.25,
            Line::Lead => 3.0,
            Line::Thin => 1.75,
        };
        let mut format = ChartLine::new();
        format.set_color(excel_colour(colour)).set_width(width);
        if band {
            format.set_dash_type(ChartLineDashType::Dash);
        }
        let mut marker = ChartMarker::new();
        marker
            .set_type(ChartMarkerType::Circle)
            .set_size(if band { 4 } else { 6 })
            .set_format(ChartSolidFill::new().set_color(excel_colour(colour)));
        chart
            .add_series()
            .set_name((sheet, 0, line.column))
            .set_categories((sheet, first, categories, last, categories))
            .set_values((sheet, first, line.column, last, line.column))
            .set_format(&mut format)
            .set_marker(&marker);
    }
    // Periods are month ends: ticks fall on month starts, so they are
    // labelled by month, a tick per typical gap between periods.
    chart
        .x_axis()
        .set_date_axis(true)
        .set_num_format(format::xlsx_month(lang))
        .set_major_unit(typical_gap_months(periods))
        .set_major_unit_date_type(ChartAxisDateUnitType::Months);
    chart
        .y_axis()
        .set_min(1)
        .set_max(5)
        .set_major_unit(1)
        .set_name(T::Mean.get(lang));
    chart.legend().set_position(ChartLegendPosition::Bottom);
    chart.set_width(720).set_height(360);
    chart.set_alt_text(T::XlsxTrendAlt.get(lang));
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn half_yearly_periods_tick_every_six_months() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default();
        assert_eq!(
            typical_gap_months(&[d(2024, 6, 30), d(2024, 12, 31), d(2025, 6, 30)]),
            6
        );
        assert_eq!(typical_gap_months(&[d(2024, 6, 30)]), 1);
        assert_eq!(typical_gap_months(&[d(2023, 12, 31), d(2024, 12, 31)]), 12);
    }
}
