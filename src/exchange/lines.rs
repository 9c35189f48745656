//! What importing one returned file did, as the lines the command line
//! prints and the app's import window shows: one voice for both.

use std::path::Path;

use super::import::FileReport;
use crate::model::{Dataset, Lang, Role};
use crate::present::catalogue::{self, T, exchange as words};
use crate::present::exchange::Outcome;
use crate::present::format;

/// The longest a before or after value is shown on one line.
const VALUE_CHARS: usize = 60;

/// Whether a line reports a problem (the command line prints those on
/// standard error, the app in the error colour).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineKind {
    /// The file's heading and what changes.
    Detail,
    /// What became of the file.
    Outcome,
    /// A problem, or the file not going in.
    Problem,
}

/// The lines for `report`: the department, period and status, each change
/// (one line each, paragraphs on one line), the problems, and the outcome.
/// `root` is the workspace folder; `role` the role responses are kept with.
pub fn report_lines(
    data: &Dataset,
    root: &Path,
    report: &FileReport,
    role: Role,
    lang: Lang,
) -> Vec<(LineKind, String)> {
    let mut lines = Vec::new();
    if let (Some(department), Some(period)) = (&report.department, report.period) {
        let name = data
            .workspace
            .department(department)
            .map_or(department.as_str(), |d| d.name.get(lang));
        let status = report.status.map_or("", |status| catalogue::status(status, lang));
        lines.push((
            LineKind::Detail,
            words::file_heading(&report.file, name, &format::date(period, lang), status, lang),
        ));
        if report.changes.is_empty() {
            lines.push((LineKind::Detail, format!("  {}", T::QuestDiffNone.get(lang))));
        }
        for change in &report.changes {
            // Paragraphs on one line, their breaks shown.
            let clip = |text: &str| format::clip(&text.replace('\n', " ↵ "), VALUE_CHARS);
            lines.push((
                LineKind::Detail,
                words::change_line(
                    &change.indicator,
                    &change.field,
                    &clip(&change.from),
                    &clip(&change.to),
                    lang,
                ),
            ));
        }
    }
    let target = report.target.as_deref().map(|t| root.join(t)).unwrap_or_default();
    match &report.outcome {
        Outcome::Problems(problems) => {
            for problem in problems {
                lines.push((LineKind::Problem, problem.line(lang)));
            }
            lines.push((
                LineKind::Problem,
                words::problems_found(&report.file, problems.len(), lang),
            ));
        }
        Outcome::DryRun => lines.push((LineKind::Outcome, words::dry_run(&report.file, lang))),
        Outcome::Saved { created } => {
            let count = if *created {
                report.answered
            } else {
                report.changes.len()
            };
            lines.push((
                LineKind::Outcome,
                words::saved(&report.file, &target, count, *created, lang),
            ));
        }
        Outcome::Response => lines.push((
            LineKind::Outcome,
            words::response_saved(
                &report.file,
                &target,
                &format::one_line(&report.name),
                role_words(role, lang),
                lang,
            ),
        )),
        Outcome::Refused { status } => lines.push((
            LineKind::Problem,
            words::refused(&report.file, catalogue::status(*status, lang), lang),
        )),
        Outcome::NotSaved { detail } => {
            lines.push((LineKind::Problem, words::not_saved(&report.file, detail, lang)));
        }
    }
    lines
        .into_iter()
        .map(|(kind, line)| (kind, format::one_line(&line).into_owned()))
        .collect()
}

fn role_words(role: Role, lang: Lang) -> &'static str {
    match role {
        Role::SelfAssessment => T::QuestRoleSelf,
        Role::Reviewer => T::QuestRoleReviewer,
        Role::External => T::QuestRoleExternal,
    }
    .get(lang)
}
