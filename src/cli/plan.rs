//! `govmaturity plan`: the actions of the improvement plans, with their
//! status, due dates and effect, and the gaps no open action covers, as a
//! table, CSV or JSON. Every word and number comes from
//! [`crate::present::plan`]; `--today` fixes the day so the output can be
//! reproduced.

use std::path::Path;

use chrono::NaiveDate;
use serde_json::{Value, json};

use super::commands::{load, print_then_exit, say};
use super::table::{Align, render};
use super::{EXIT_USAGE, SummaryFormat};
use crate::analysis::{self, Basis, Effect};
use crate::csv;
use crate::model::{ActionStatus, Dataset, Lang, Level};
use crate::present::catalogue::{self, T, cli::Say, plan as words};
use crate::present::format;
use crate::present::plan::{
    ActionRow, GapRow, PlanFigures, action_cells, action_headers, gap_cells, gap_headers, plan,
};

/// What `plan` lists.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PlanFilter {
    /// Actions for this department (its own and government-wide ones that
    /// include it), and its uncovered gaps only.
    pub department: Option<String>,
    /// Actions with this status code (`planned`, `in-progress`, `done`, `dropped`).
    pub status: Option<String>,
    /// Overdue actions only.
    pub overdue: bool,
}

/// Prints the plan as of `today`. Exit 2 for an unknown department or
/// status; exit 1 (after printing) when files failed to load.
pub fn plan_command(
    dir: &Path,
    format: SummaryFormat,
    filter: &PlanFilter,
    today: NaiveDate,
    basis: Basis,
    lang: Lang,
) -> u8 {
    let status = match filter.status.as_deref() {
        None => None,
        Some(word) => match ActionStatus::from_code(word.trim()) {
            Some(status) => Some(status),
            None => {
                say(Say::Error(words::unknown_status(word, lang)), lang);
                return EXIT_USAGE;
            }
        },
    };
    let loaded = match load(dir, lang) {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    let data = &loaded.data;
    if let Some(id) = &filter.department
        && data.workspace.department(id).is_none()
    {
        say(Say::Error(words::unknown_department(id, lang)), lang);
        return EXIT_USAGE;
    }
    let summary = analysis::summarize_on(data, Some(today), basis);
    let mut figures = plan(data, &summary, lang, today);
    if let Some(id) = &filter.department {
        figures = figures.for_department(id);
    }
    // The counts stay those of the plan (or the department's); the table
    // lists the actions asked for.
    figures
        .actions
        .retain(|row| status.is_none_or(|s| row.status == s) && (!filter.overdue || row.overdue));
    let text = match format {
        SummaryFormat::Json => plan_json(data, &figures).to_string() + "\n",
        SummaryFormat::Csv => plan_csv(&figures, lang),
        SummaryFormat::Table => plan_table(data, &figures, basis, lang),
    };
    print_then_exit(&text, &loaded, dir, lang)
}

/// The JSON shape: `{"today", "basis", "actions": [{"id", "department",
/// "indicators", "owner", "start", "due", "status", "overdue", "effect",
/// …}], "uncovered": [{"department", "indicator", "gap", …}]}`, ISO dates,
/// codes for words, full precision.
fn plan_json(data: &Dataset, figures: &PlanFigures) -> Value {
    let actions: Vec<Value> = figures
        .actions
        .iter()
        .map(|row| action_json(data, row, figures.lang))
        .collect();
    let uncovered: Vec<Value> = figures.uncovered.iter().map(gap_json).collect();
    json!({
        "today": format::iso_date(figures.today),
        "actions": actions,
        "uncovered": uncovered,
    })
}

/// Free text (title, unit) in the language asked for, the other when it
/// has none.
fn action_json(data: &Dataset, row: &ActionRow, figures_lang: Lang) -> Value {
    let owner = data
        .actions
        .iter()
        .find(|a| a.id == row.id)
        .map(|a| a.owner.clone())
        .unwrap_or_default();
    let dated = |answer: Option<(NaiveDate, Level)>| {
        answer.map(|(date, level)| json!({"date": format::iso_date(date), "level": level.get()}))
    };
    let effect: Vec<Value> = row
        .effect
        .iter()
        .filter(|e| e.effect != Effect::NotDone)
        .map(|e| {
            json!({
                "department": e.department,
                "indicator": e.indicator,
                "effect": e.effect.code(),
                "before": dated(e.before),
                "after": dated(e.after),
            })
        })
        .collect();
    json!({
        "id": row.id,
        "title": row.title,
        "department": row.departments,
        "indicators": row.indicators,
        "dimension": row.dimension,
        "owner": {"unit": owner.unit.get(figures_lang), "person": owner.person},
        "start": format::iso_date(row.start),
        "due": format::iso_date(row.due),
        "status": row.status.code(),
        "overdue": row.overdue,
        "done_on": row.done_on.map(format::iso_date),
        "already_met": row.already_met,
        "effect": effect,
    })
}

fn gap_json(gap: &GapRow) -> Value {
    json!({
        "department": gap.department,
        "dimension": gap.dimension,
        "indicator": gap.indicator,
        "current": gap.current.get(),
        "target": gap.target.get(),
        "gap": gap.gap,
        "priority": gap.priority,
        "provisional": gap.provisional,
    })
}

/// The actions as CSV, headers and words in `lang`, dates ISO.
fn plan_csv(figures: &PlanFigures, lang: Lang) -> String {
    let mut out = String::from(csv::BOM);
    let header: Vec<String> = action_headers(lang).into_iter().map(str::to_owned).collect();
    out.push_str(&csv::line(&header));
    for row in &figures.actions {
        let mut cells = action_cells(row, lang);
        // Data formats carry ISO dates: start and due are the 6th and 7th.
        if let Some(cell) = cells.get_mut(5) {
            *cell = format::iso_date(row.start);
        }
        if let Some(cell) = cells.get_mut(6) {
            *cell = format::iso_date(row.due);
        }
        let fields: Vec<String> = cells.iter().map(|c| csv::text_field(c)).collect();
        out.push_str(&csv::line(&fields));
    }
    out
}

/// The title, the basis, the counts, the actions and the uncovered gaps.
fn plan_table(data: &Dataset, figures: &PlanFigures, basis: Basis, lang: Lang) -> String {
    let mut out = words::title_line(data.workspace.title.get(lang), &figures.today_text, lang);
    out.push('\n');
    out.push_str(&Say::Basis(catalogue::basis(basis, lang)).text(lang));
    out.push('\n');
    out.push_str(&words::counts_line(
        figures
            .counts
            .lines
            .iter()
            .map(|c| (c.label.as_str(), c.value.as_str())),
        lang,
    ));
    out.push_str("\n\n");
    out.push_str(T::PlanActions.get(lang));
    out.push('\n');
    if figures.actions.is_empty() {
        out.push_str(T::PlanNoActions.get(lang));
        out.push('\n');
    } else {
        let header: Vec<String> = action_headers(lang).into_iter().map(str::to_owned).collect();
        let rows: Vec<Vec<String>> = figures.actions.iter().map(|r| action_cells(r, lang)).collect();
        out.push_str(&render(&header, &rows, &[Align::Left; 11], 30));
    }
    out.push('\n');
    out.push_str(T::PlanUncovered.get(lang));
    out.push('\n');
    if figures.uncovered.is_empty() {
        out.push_str(T::PlanNoUncovered.get(lang));
        out.push('\n');
    } else {
        let header: Vec<String> = gap_headers(lang).into_iter().map(str::to_owned).collect();
        let rows: Vec<Vec<String>> = figures.uncovered.iter().map(gap_cells).collect();
        let align = [
            Align::Left,
            Align::Left,
            Align::Right,
            Align::Right,
            Align::Right,
            Align::Right,
        ];
        out.push_str(&render(&header, &rows, &align, 36));
    }
    out
}
