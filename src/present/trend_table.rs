//! The trends of a report as one long table: one row per department in
//! scope and period, for analysts who pivot or filter them (the XLSX
//! Trends sheet prints it). Each row is an assessment that counts on the
//! report's basis, on or before the report's period, with its status,
//! whether it is provisional (not approved), whether it is the assessment
//! the report's current figures count, its overall level and stage, and
//! each dimension's mean level (framework order).
//!
//! Departments come in the report's order (workspace order), then periods
//! oldest first. The levels are the figures `analysis` scores, the same as
//! the trend lines of the app and the other reports.

use chrono::NaiveDate;

use crate::analysis::score_assessment;
use crate::model::{Dataset, Level, Status};

use super::report::ReportContent;

/// One department at one period.
#[derive(Clone, Debug, PartialEq)]
pub struct TrendRow {
    pub department: String,
    /// The department's name in the report's language.
    pub name: String,
    /// The parent department's name (the group it rolls up into); empty at the top.
    pub parent: String,
    pub period: NaiveDate,
    pub status: Status,
    /// The status in the report's language.
    pub status_label: String,
    /// Not approved: the figure may still change.
    pub provisional: bool,
    /// This is the assessment the report's current figures count.
    pub counted: bool,
    pub mean_level: Option<f64>,
    pub stage: Option<Level>,
    /// Each dimension's mean level, in the order of [`ReportContent::dimensions`].
    pub dimensions: Vec<Option<f64>>,
}

/// The long trend table of the departments in the report's scope.
pub fn rows(data: &Dataset, content: &ReportContent) -> Vec<TrendRow> {
    let Some(last) = content.period else {
        return Vec::new();
    };
    let basis = content.summary.basis;
    let lang = content.lang;
    let mut rows = Vec::new();
    for department in &content.heatmap {
        let parent = data
            .workspace
            .department(&department.id)
            .and_then(|d| d.parent.as_deref())
            .map(|id| {
                data.workspace
                    .department(id)
                    .map_or_else(|| id.to_owned(), |p| p.name.get(lang).to_owned())
            })
            .unwrap_or_default();
        let counted = data
            .history(&department.id)
            .filter(|a| a.period <= last && basis.counts(a));
        for assessment in counted {
            let score = score_assessment(data, assessment);
            rows.push(TrendRow {
                department: department.id.clone(),
                name: department.name.clone(),
                parent: parent.clone(),
                period: score.period,
                status: score.status,
                status_label: super::catalogue::status(score.status, lang).to_owned(),
                provisional: score.status != Status::Approved,
                counted: department.period == Some(score.period),
                mean_level: score.mean_level,
                stage: score.stage,
                dimensions: content
                    .dimensions
                    .iter()
                    .map(|d| score.dimension(&d.id).and_then(|s| s.mean_level))
                    .collect(),
            });
        }
    }
    rows
}
