//! The CSV report: the raw answers in long format, one row per department ×
//! period × indicator, for analysts who want the data rather than a layout.
//!
//! Columns: `department_id, department_name, period, dimension, indicator,
//! level, not_applicable, evidence, confidence, status, basis, assessed_on,
//! flags, unreadable_file, spread, assessor_levels`. The last four say what the report's figures
//! count: `basis` is `approved` or `latest` on every row; `assessed_on` is
//! the date of the assessment the department's figure uses (so the rows
//! with `period` = `assessed_on` are the counted ones), blank when none
//! counts; `flags` holds, on the counted rows, the stable codes
//! `provisional`, `carried-over` and `latest-unreadable`, separated by `;`;
//! `unreadable_file` names the newest file that could not be read. The last
//! two are for an assessment several assessors scored (blank otherwise):
//! `spread` is the highest minus the lowest of their levels (blank when
//! fewer than two gave one), `assessor_levels` each assessor's answer as
//! `name=level` (`N/A`, or nothing when unanswered), separated by `;`, in
//! the order of the responses. A
//! department whose newest file could not be read and that has no counted
//! assessment gets one row with only its id, name and these columns, so it
//! is never silently missing. Every period on or
//! before `options.period` (all periods without one) of every department in
//! scope (the active departments, or the one `options.department`), in
//! workspace order, then by period, then in framework order. Ids, levels,
//! confidence and status are machine values (`3`, `true`, `High`,
//! `Approved`); only the department name follows `options.lang`.
//!
//! The improvement plans' actions are a table of their own, written with
//! `--what actions` ([`render_actions`], [`ACTIONS_HEADER`]); the answers
//! stay the default, unchanged.
//!
//! CSV is data, not a document: the report's kind and style change nothing
//! but the scope. `--kind brief --format csv` (and `--style official`)
//! writes the same answers table as the full report, of the whole
//! government; `--kind department`, like `--department ID` with any kind,
//! writes that department's rows; `--split DIR` writes one such file per
//! department. The brief's own tables are in its workbook (`--kind brief
//! --format xlsx`).
//!
//! UTF-8 with a byte-order mark so spreadsheets read Chinese correctly,
//! CRLF line ends (RFC 4180), and text cells neutralised against formula
//! injection by [`crate::csv::text_field`].

use super::{ReportContent, ReportError};
use crate::csv::{self, text_field};
use crate::model::{ActionStatus, Assessment, Dataset, Rating};
use crate::present::format::iso_date;
use crate::present::report::DepartmentFigures;
use crate::store::LoadedWorkspace;

/// The header row.
pub const HEADER: [&str; 16] = [
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
    "spread",
    "assessor_levels",
];

/// Renders the CSV report: the answers from the workspace, and what each
/// department's figure counts from the report's content (the same figures
/// as the other formats, as of the same period on the same basis).
pub fn render(loaded: &LoadedWorkspace, content: &ReportContent) -> Result<Vec<u8>, ReportError> {
    let data = &loaded.data;
    let options = &content.options;
    let mut out = String::from(csv::BOM);
    out.push_str(&csv::line(&HEADER.map(String::from)));
    // One row per department in scope (the active ones, or the one asked
    // for), in workspace order.
    for department in &content.heatmap {
        let figure = Figure::of(department, content);
        let periods = data
            .history(&department.id)
            .filter(|a| options.period.is_none_or(|p| a.period <= p));
        let mut written = false;
        for assessment in periods {
            write_assessment(&mut out, data, department, assessment, &figure);
            written = true;
        }
        if !written && !figure.unreadable_file.is_empty() {
            let mut fields = vec![String::new(); HEADER.len() - 6];
            fields[0] = text_field(&department.id);
            fields[1] = text_field(&department.name);
            fields.extend(figure.fields(None));
            fields.extend([String::new(), String::new()]);
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
    fn of(department: &DepartmentFigures, content: &ReportContent) -> Figure {
        Figure {
            basis: content.summary.basis.code(),
            assessed_on: department.period,
            flags: department
                .flags
                .iter()
                .map(|f| f.code())
                .collect::<Vec<_>>()
                .join(";"),
            unreadable_file: department.unreadable.clone().unwrap_or_default(),
        }
    }

    /// The four columns for a row of the assessment dated `period` (`None`
    /// for the row of a department without a counted assessment): flags
    /// only on the counted rows.
    fn fields(&self, period: Option<chrono::NaiveDate>) -> [String; 4] {
        let counted = period == self.assessed_on;
        [
            self.basis.to_owned(),
            self.assessed_on.map_or_else(String::new, iso_date),
            if counted {
                self.flags.clone()
            } else {
                String::new()
            },
            text_field(&self.unreadable_file),
        ]
    }
}

/// One row per framework indicator of one assessment.
fn write_assessment(
    out: &mut String,
    data: &Dataset,
    department: &DepartmentFigures,
    assessment: &Assessment,
    figure: &Figure,
) {
    let (id, name) = (department.id.as_str(), department.name.as_str());
    let period = iso_date(assessment.period);
    let status = format!("{:?}", assessment.status);
    let [basis, assessed_on, flags, unreadable_file] = figure.fields(Some(assessment.period));
    let several = assessment.has_several_assessors();
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
            several
                .then(|| assessment.spread(&indicator.id))
                .flatten()
                .map_or_else(String::new, |spread| spread.to_string()),
            if several {
                assessor_levels(assessment, &indicator.id)
            } else {
                String::new()
            },
        ];
        out.push_str(&csv::line(&fields));
    }
}

/// Each assessor's answer to `indicator`: `Wang Fang=2;Chen Jie=N/A`.
fn assessor_levels(assessment: &Assessment, indicator: &str) -> String {
    let parts: Vec<String> = assessment
        .responses
        .iter()
        .map(|r| {
            let rating = r
                .answers
                .get(indicator)
                .map_or(&Rating::Unanswered, |a| &a.rating);
            format!("{}={}", r.assessor, rating.short())
        })
        .collect();
    text_field(&parts.join(";"))
}

/// The header row of the actions CSV (`govmaturity report --format csv
/// --what actions`).
pub const ACTIONS_HEADER: [&str; 17] = [
    "action_id",
    "departments",
    "department_names",
    "title",
    "dimension",
    "indicators",
    "owner_unit",
    "owner_person",
    "start",
    "due",
    "status",
    "overdue",
    "expected_level",
    "done_on",
    "effect",
    "effect_text",
    "today",
];

/// Renders the actions CSV: one row per action in the report's scope (a
/// department's own and the government-wide ones that include it, for a
/// one-department report), overdue first, then by due date, then id, as
/// every format lists them.
///
/// Like the answers CSV, values are machine values: ids (`departments` and
/// `indicators` separated by `;`, `departments` empty for an action for
/// every department; `dimension` set when the action addresses a whole
/// dimension, `indicators` then lists its indicators), ISO dates, the
/// status code (`planned`, `in-progress`, `done`, `dropped`), `overdue`
/// `true`/`false` as of `today` (the report's "generated" date), the
/// expected level 1–5, and `effect` the effect codes of the department ×
/// indicator pairs, distinct, in order (`rose`, `unchanged`, `fell`,
/// `not-yet-reassessed`, `no-earlier-answer`, `not-done`); only the
/// department names and `effect_text` follow `options.lang`.
pub fn render_actions(content: &ReportContent) -> Result<Vec<u8>, ReportError> {
    let mut out = String::from(csv::BOM);
    out.push_str(&csv::line(&ACTIONS_HEADER.map(String::from)));
    let today = iso_date(content.plan.today);
    for row in &content.plan.actions {
        let dimension = match &row.dimension {
            Some(id) if row.whole_dimension => id.as_str(),
            _ => "",
        };
        let (unit, person) = (row.unit.as_str(), row.person.as_str());
        let expected = row.expected.get().to_string();
        let mut effects: Vec<&str> = Vec::new();
        for e in &row.effect {
            let code = e.effect.code();
            if !effects.contains(&code) {
                effects.push(code);
            }
        }
        let fields = [
            text_field(&row.id),
            text_field(&row.departments.join(";")),
            text_field(&row.department_names),
            text_field(&row.title),
            text_field(dimension),
            text_field(&row.indicators.join(";")),
            text_field(unit),
            text_field(person),
            iso_date(row.start),
            iso_date(row.due),
            row.status.code().to_owned(),
            row.overdue.to_string(),
            expected,
            row.done_on.map_or_else(String::new, iso_date),
            effects.join(";"),
            // Words only where there is an effect to read (a done action).
            if row.status == ActionStatus::Done {
                text_field(&row.effect_text)
            } else {
                String::new()
            },
            today.clone(),
        ];
        out.push_str(&csv::line(&fields));
    }
    Ok(out.into_bytes())
}
