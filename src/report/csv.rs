//! The CSV report: the raw answers in long format, one row per department ×
//! period × indicator, for analysts who want the data rather than a layout.
//!
//! Columns: `department_id, department_name, period, dimension, indicator,
//! level, not_applicable, evidence, confidence, status`. Every period on or
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
use crate::csv::{self, text_field};
use crate::model::{Assessment, Dataset, Department, Rating};
use crate::store::LoadedWorkspace;

/// The header row.
pub const HEADER: [&str; 10] = [
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
];

/// Renders the CSV report.
pub fn render(loaded: &LoadedWorkspace, options: &ReportOptions) -> Result<Vec<u8>, ReportError> {
    let data = &loaded.data;
    let mut out = String::from(csv::BOM);
    out.push_str(&csv::line(&HEADER.map(String::from)));
    for department in departments(data, options.department.as_deref()) {
        let name = department.name.get(options.lang);
        let periods = data
            .history(&department.id)
            .filter(|a| options.period.is_none_or(|p| a.period <= p));
        for assessment in periods {
            write_assessment(&mut out, data, &department.id, name, assessment);
        }
    }
    Ok(out.into_bytes())
}

/// The departments in scope, in workspace order.
fn departments<'a>(data: &'a Dataset, only: Option<&'a str>) -> impl Iterator<Item = &'a Department> + 'a {
    data.workspace.departments.iter().filter(move |d| match only {
        Some(id) => d.id == id,
        None => !d.archived,
    })
}

/// One row per framework indicator of one assessment.
fn write_assessment(out: &mut String, data: &Dataset, id: &str, name: &str, assessment: &Assessment) {
    let period = assessment.period.to_string();
    let status = format!("{:?}", assessment.status);
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
        ];
        out.push_str(&csv::line(&fields));
    }
}
