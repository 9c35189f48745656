//! The CSV report: the raw answers in long format, one row per department ×
//! period × indicator, for analysts who want the data rather than a layout.
//!
//! Columns: `department_id, department_name, period, dimension, indicator,
//! level, not_applicable, evidence, confidence, status, basis, assessed_on,
//! flags, unreadable_file`. The last four say what the report's figures
//! count: `basis` is `approved` or `latest` on every row; `assessed_on` is
//! the date of the assessment the department's figure uses (so the rows
//! with `period` = `assessed_on` are the counted ones), blank when none
//! counts; `flags` holds, on the counted rows, the stable codes
//! `provisional`, `carried-over` and `latest-unreadable`, separated by `;`;
//! `unreadable_file` names the newest file that could not be read. A
//! department whose newest file could not be read and that has no counted
//! assessment gets one row with only its id, name and these columns, so it
//! is never silently missing. Every period on or
//! before `options.period` (all periods without one) of every department in
//! scope (the active departments, or the one `options.department`), in
//! workspace order, then by period, then in framework order. Ids, levels,
//! confidence and status are machine values (`3`, `true`, `High`,
//! `Approved`); only the department name follows `options.lang`.
//!
//! UTF-8 with a byte-order mark so spreadsheets read Chinese correctly,
//! CRLF line ends (RFC 4180), and text cells neutralised against formula
//! injection by [`crate::csv::text_field`].

use super::{ReportError, ReportOptions};
use crate::analysis::{self, DepartmentSummary};
use crate::csv::{self, text_field};
use crate::model::{Assessment, Dataset, Department, Rating};
use crate::store::LoadedWorkspace;

/// The header row.
pub const HEADER: [&str; 14] = [
    "department_id",
    "department_name",
    "period",
    "dimension",
    "indicator",
    "level",
    "not_applicable",
    "evidence",
    "confidence",
    "status",
    "basis",
    "assessed_on",
    "flags",
    "unreadable_file",
];

/// Renders the CSV report.
pub fn render(loaded: &LoadedWorkspace, options: &ReportOptions) -> Result<Vec<u8>, ReportError> {
    let data = &loaded.data;
    let mut out = String::from(csv::BOM);
    out.push_str(&csv::line(&HEADER.map(String::from)));
    // The same figures as the other formats: as of the whole workspace's
    // period on the report's basis.
    let summary = analysis::summarize_on(data, options.period, options.basis);
    let rows: std::collections::HashMap<&str, &DepartmentSummary> = summary
        .departments
        .iter()
        .map(|d| (d.department.as_str(), d))
        .collect();
    for department in departments(data, options.department.as_deref()) {
        let name = department.name.get(options.lang);
        let periods = data
            .history(&department.id)
            .filter(|a| options.period.is_none_or(|p| a.period <= p));
        let figure = match rows.get(department.id.as_str()) {
            Some(row) => Figure::of(row, options),
            // An archived department reported on its own: as of the same period.
            None => analysis::summarize_on(&scoped(data, &department.id), summary.period, options.basis)
                .department(&department.id)
                .map_or_else(|| Figure::none(options), |row| Figure::of(row, options)),
        };
        let mut written = false;
        for assessment in periods {
            write_assessment(&mut out, data, &department.id, name, assessment, &figure);
            written = true;
        }
        if !written && !figure.unreadable_file.is_empty() {
            let mut fields = vec![String::new(); HEADER.len() - 4];
            fields[0] = text_field(&department.id);
            fields[1] = text_field(name);
            fields.extend(figure.fields(None));
            out.push_str(&csv::line(&fields));
        }
    }
    Ok(out.into_bytes())
}

/// What the department's figure counts, for the last four columns.
struct Figure {
    basis: &'static str,
    assessed_on: Option<chrono::NaiveDate>,
    flags: String,
    unreadable_file: String,
}

impl Figure {
    fn of(row: &DepartmentSummary, options: &ReportOptions) -> Figure {
        Figure {
            basis: options.basis.code(),
            assessed_on: row.assessed_on(),
            flags: row.flags.iter().map(|f| f.code()).collect::<Vec<_>>().join(";"),
            unreadable_file: row
                .unreadable
                .as_ref()
                .map_or_else(String::new, |f| f.display().to_string()),
        }
    }

    fn none(options: &ReportOptions) -> Figure {
        Figure {
            basis: options.basis.code(),
            assessed_on: None,
            flags: String::new(),
            unreadable_file: String::new(),
        }
    }

    /// The four columns for a row of the assessment dated `period` (`None`
    /// for the row of a department without a counted assessment): flags
    /// only on the counted rows.
    fn fields(&self, period: Option<chrono::NaiveDate>) -> [String; 4] {
        let counted = period == self.assessed_on;
        [
            self.basis.to_owned(),
            self.assessed_on.map_or_else(String::new, |d| d.to_string()),
            if counted {
                self.flags.clone()
            } else {
                String::new()
            },
            text_field(&self.unreadable_file),
        ]
    }
}

/// A copy of the dataset holding only `id`, marked active.
fn scoped(data: &Dataset, id: &str) -> Dataset {
    let mut scoped = data.clone();
    scoped.workspace.departments.retain(|d| d.id == id);
    for department in &mut scoped.workspace.departments {
        department.archived = false;
    }
    scoped
}

/// The departments in scope, in workspace order.
fn departments<'a>(data: &'a Dataset, only: Option<&'a str>) -> impl Iterator<Item = &'a Department> + 'a {
    data.workspace.departments.iter().filter(move |d| match only {
        Some(id) => d.id == id,
        None => !d.archived,
    })
}

/// One row per framework indicator of one assessment.
fn write_assessment(
    out: &mut String,
    data: &Dataset,
    id: &str,
    name: &str,
    assessment: &Assessment,
    figure: &Figure,
) {
    let period = assessment.period.to_string();
    let status = format!("{:?}", assessment.status);
    let [basis, assessed_on, flags, unreadable_file] = figure.fields(Some(assessment.period));
    for (dimension, indicator) in data.framework.indicators() {
        let answer = assessment.answers.get(&indicator.id);
        let rating = answer.map_or(&Rating::Unanswered, |a| &a.rating);
        let fields = [
            text_field(id),
            text_field(name),
            period.clone(),
            text_field(&dimension.id),
            text_field(&indicator.id),
            rating.level().map_or_else(String::new, |l| l.get().to_string()),
            rating.is_not_applicable().to_string(),
            text_field(answer.map_or("", |a| a.evidence.as_str())),
            answer
                .and_then(|a| a.confidence)
                .map_or_else(String::new, |c| format!("{c:?}")),
            status.clone(),
            basis.clone(),
            assessed_on.clone(),
            flags.clone(),
            unreadable_file.clone(),
        ];
        out.push_str(&csv::line(&fields));
    }
}
