//! The plan's figures, written once in one language: the actions with their
//! status, dates and effect, the gaps no open action covers, the shortfalls
//! shared across departments, the targets and whether each will be met,
//! and the counts. The Plan view, `govmaturity plan` and the reports print
//! these as they are.
//!
//! Every word comes from the catalogue and every number from
//! [`super::format`]; nothing here knows egui.

use super::names::Names;

use chrono::NaiveDate;

use crate::analysis::{
    self, Effect, IndicatorEffect, PlanCheck, RollupRow, Summary, TargetProgress, TargetState,
};
use crate::model::{Action, ActionStatus, Addresses, Dataset, Lang, Level};

use super::catalogue::{T, plan as words};
use super::format;
use super::overview::stage_text;

/// One action, written.
#[derive(Clone, Debug, PartialEq)]
pub struct ActionRow {
    pub id: String,
    pub title: String,
    pub description: String,
    /// The departments it names (ids); empty for every department.
    pub departments: Vec<String>,
    /// "Finance Bureau" / "All departments" / "Finance Bureau, Police Bureau".
    pub department_names: String,
    /// The indicator names, or the dimension's name "(all indicators)".
    pub addresses: String,
    /// The indicator ids it works on (a dimension expanded).
    pub indicators: Vec<String>,
    /// The dimension it addresses as a whole, or the one its first
    /// indicator belongs to.
    pub dimension: Option<String>,
    /// "Unit · Person", or "–".
    pub owner: String,
    /// The responsible unit and person apart (the workbook's columns).
    pub unit: String,
    pub person: String,
    pub start: NaiveDate,
    pub due: NaiveDate,
    pub start_text: String,
    pub due_text: String,
    pub status: ActionStatus,
    /// "In progress" / "进行中".
    pub status_text: String,
    /// Open and due before today.
    pub overdue: bool,
    /// Open, and every indicator it addresses is at target already.
    pub already_met: bool,
    /// "3 · Developing".
    pub expected_level: String,
    /// The level aimed for, as a number.
    pub expected: Level,
    /// It addresses `dimension` as a whole (not chosen indicators).
    pub whole_dimension: bool,
    /// Done on, when done.
    pub done_on: Option<NaiveDate>,
    pub done_on_text: String,
    /// Per department and indicator, the level before and after (see
    /// [`analysis::effect`]); `NotDone` for every pair of an action not done.
    pub effect: Vec<IndicatorEffect>,
    /// "rose 2 → 3" when every pair reads the same, else counts ("2 rose,
    /// 1 unchanged (flagged)"); "–" for an action not done.
    pub effect_text: String,
    /// Done, and some addressed indicator was reassessed unchanged.
    pub effect_flagged: bool,
}

/// An indicator below target in a department.
#[derive(Clone, Debug, PartialEq)]
pub struct GapRow {
    pub department: String,
    pub department_name: String,
    pub dimension: String,
    pub dimension_name: String,
    pub indicator: String,
    pub indicator_name: String,
    pub current: Level,
    /// "2".
    pub current_text: String,
    pub target: Level,
    /// "4".
    pub target_text: String,
    pub gap: f64,
    /// Whole levels: "2".
    pub gap_text: String,
    pub priority: f64,
    /// "8.00".
    pub priority_text: String,
    /// The department's figure is not approved.
    pub provisional: bool,
    /// The level above `current`, and the framework's descriptor of it: the
    /// suggested "what to do" of an action planned from this gap.
    pub next_level: Option<Level>,
    pub next_rubric: String,
}

/// A shortfall shared across departments, written.
#[derive(Clone, Debug, PartialEq)]
pub struct RollupLine {
    /// 1-based position: "1".
    pub position_text: String,
    pub dimension: String,
    pub dimension_name: String,
    /// `None`: a dimension row.
    pub indicator: Option<String>,
    /// The indicator's name, or the dimension's for a dimension row.
    pub name: String,
    /// Below target, by id.
    pub departments: Vec<String>,
    /// Their names, in the same order.
    pub department_names: String,
    /// "3".
    pub count_text: String,
    pub provisional: usize,
    pub mean_gap: f64,
    /// "1.50".
    pub mean_gap_text: String,
    pub total_gap: f64,
    /// "4.50".
    pub total_gap_text: String,
    pub weight: f64,
    /// "1.5".
    pub weight_text: String,
    pub priority: f64,
    /// "24.00".
    pub priority_text: String,
}

/// A target for a department, written.
#[derive(Clone, Debug, PartialEq)]
pub struct TargetLine {
    pub department: String,
    pub department_name: String,
    pub dimension: String,
    pub dimension_name: String,
    pub indicator: Option<String>,
    /// The indicator's name, or the dimension's.
    pub name: String,
    pub level: Level,
    /// "4".
    pub level_text: String,
    pub by: NaiveDate,
    pub by_text: String,
    pub current: Option<f64>,
    /// "2.75" (an indicator: "3.00"), or "–".
    pub current_text: String,
    pub projected: Option<NaiveDate>,
    /// The projected date, or "–".
    pub projected_text: String,
    pub state: TargetState,
    /// "On track" / "按计划".
    pub state_text: String,
}

/// How many targets of one dimension (its own and its indicators') are in
/// each state.
#[derive(Clone, Debug, PartialEq)]
pub struct TargetCountRow {
    pub dimension: String,
    pub dimension_name: String,
    /// In [`TargetState::ALL`] order.
    pub counts: [usize; 6],
    /// The same, written.
    pub count_texts: Vec<String>,
}

/// One count with its label: "Overdue" / "3".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CountLine {
    pub label: String,
    pub value: String,
}

/// The plan's counts.
#[derive(Clone, Debug, PartialEq)]
pub struct PlanCounts {
    /// Planned or in progress.
    pub open: usize,
    pub overdue: usize,
    pub done: usize,
    pub dropped: usize,
    /// Gaps without an open action.
    pub uncovered: usize,
    /// Open actions whose indicators are at target already.
    pub already_met: usize,
    /// The same with their labels, in that order.
    pub lines: Vec<CountLine>,
}

/// Everything a plan shows, in one language, as of one day.
#[derive(Clone, Debug, PartialEq)]
pub struct PlanFigures {
    pub today: NaiveDate,
    pub today_text: String,
    /// Overdue first, then by due date, then id.
    pub actions: Vec<ActionRow>,
    /// Gaps with no open action, most urgent first.
    pub uncovered: Vec<GapRow>,
    /// Shared shortfalls, indicator and dimension rows, in the roll-up order
    /// (see [`analysis::rollup`]); [`PlanFigures::rollup_indicators`] and
    /// [`PlanFigures::rollup_dimensions`] split them.
    pub rollup: Vec<RollupLine>,
    /// By department, then framework order.
    pub targets: Vec<TargetLine>,
    /// Per dimension with any target, in framework order.
    pub target_counts: Vec<TargetCountRow>,
    pub counts: PlanCounts,
    /// The language everything is written in.
    pub lang: Lang,
}

impl PlanFigures {
    /// The indicator rows of the roll-up, in order.
    pub fn rollup_indicators(&self) -> impl Iterator<Item = &RollupLine> {
        self.rollup.iter().filter(|r| r.indicator.is_some())
    }

    /// The dimension rows of the roll-up, in order.
    pub fn rollup_dimensions(&self) -> impl Iterator<Item = &RollupLine> {
        self.rollup.iter().filter(|r| r.indicator.is_none())
    }

    /// The action with this id.
    pub fn action(&self, id: &str) -> Option<&ActionRow> {
        self.actions.iter().find(|a| a.id == id)
    }

    /// The same figures for one department: the actions for it (its own and
    /// the government-wide ones that include it), its uncovered gaps, its
    /// targets and their counts, and the counts of those. The roll-up, being
    /// across departments, stays as it is.
    #[must_use]
    /// [`Self::for_department`] without copying the whole plan first: at
    /// 1,000 departments the plan holds thousands of rows and a department
    /// a handful.
    pub fn of_department(&self, department: &str) -> PlanFigures {
        let mine = PlanFigures {
            today: self.today,
            today_text: self.today_text.clone(),
            actions: self
                .actions
                .iter()
                .filter(|a| a.departments.is_empty() || a.departments.iter().any(|d| d == department))
                .cloned()
                .collect(),
            uncovered: self
                .uncovered
                .iter()
                .filter(|g| g.department == department)
                .cloned()
                .collect(),
            rollup: self.rollup.clone(),
            targets: self
                .targets
                .iter()
                .filter(|t| t.department == department)
                .cloned()
                .collect(),
            target_counts: self.target_counts.clone(),
            counts: self.counts.clone(),
            lang: self.lang,
        };
        mine.for_department(department)
    }

    pub fn for_department(mut self, department: &str) -> PlanFigures {
        self.actions
            .retain(|a| a.departments.is_empty() || a.departments.iter().any(|d| d == department));
        self.uncovered.retain(|g| g.department == department);
        self.targets.retain(|t| t.department == department);
        let dimensions: Vec<(String, String)> = self
            .target_counts
            .iter()
            .map(|c| (c.dimension.clone(), c.dimension_name.clone()))
            .collect();
        self.target_counts = target_counts(&dimensions, &self.targets);
        self.counts = counts(&self.actions, self.uncovered.len(), self.lang);
        self
    }
}

/// Everything the plan shows for `summary` as of `today`, in `lang`. The
/// effect of done actions counts assessments on the summary's basis.
pub fn plan(data: &Dataset, summary: &Summary, lang: Lang, today: NaiveDate) -> PlanFigures {
    let targets = analysis::target_progress(data, summary, today);
    plan_with_targets(data, summary, lang, today, &targets)
}

/// [`plan`] with the targets' progress already worked out (the app keeps
/// it between edits and works out again only the edited department's).
pub fn plan_with_targets(
    data: &Dataset,
    summary: &Summary,
    lang: Lang,
    today: NaiveDate,
    targets: &[analysis::TargetProgress],
) -> PlanFigures {
    plan_with(
        data,
        summary,
        lang,
        today,
        targets,
        &analysis::priorities(data, summary),
    )
}

/// [`plan_with_targets`] with the summary's [`analysis::priorities`]
/// already made too.
pub fn plan_with(
    data: &Dataset,
    summary: &Summary,
    lang: Lang,
    today: NaiveDate,
    targets: &[analysis::TargetProgress],
    priorities: &[analysis::Priority],
) -> PlanFigures {
    let names = Names::new(data, lang);
    let check = analysis::plan_check_with(data, summary, today, priorities);
    let mut actions: Vec<ActionRow> = data
        .actions
        .iter()
        .map(|a| action_row(data, summary, a, &check, &names, today))
        .collect();
    sort_actions(&mut actions);
    let uncovered: Vec<GapRow> = check.uncovered.iter().map(|g| gap_row(data, g, &names)).collect();
    let rollup = analysis::rollup_with(summary, priorities)
        .iter()
        .enumerate()
        .map(|(k, r)| rollup_line(k, r, &names))
        .collect();
    let targets: Vec<TargetLine> = targets.iter().map(|t| target_line(t, &names)).collect();
    let dimensions: Vec<(String, String)> = data
        .framework
        .dimensions
        .iter()
        .map(|d| (d.id.clone(), names.dimension(&d.id)))
        .collect();
    let target_counts = target_counts(&dimensions, &targets);
    let counts = counts(&actions, uncovered.len(), lang);
    PlanFigures {
        today,
        today_text: format::date(today, lang),
        actions,
        uncovered,
        rollup,
        targets,
        target_counts,
        counts,
        lang,
    }
}

/// How many roll-up indicator lines the Overview shows.
pub const GLANCE_ROLLUP: usize = 5;

/// What the Overview shows of the plan, made without the whole plan: the
/// counts of open and overdue actions and of gaps without one (as in
/// [`PlanCounts`]), and the first roll-up indicator lines (as
/// [`PlanFigures::rollup_indicators`] gives them).
#[derive(Clone, Debug, PartialEq)]
pub struct PlanGlance {
    pub open: usize,
    pub overdue: usize,
    pub uncovered: usize,
    pub rollup_indicators: Vec<RollupLine>,
}

/// The [`PlanGlance`] of [`plan_with`]'s figures, with at most `rollup`
/// roll-up indicator lines; `priorities` are the summary's.
pub fn glance(
    data: &Dataset,
    summary: &Summary,
    lang: Lang,
    today: NaiveDate,
    priorities: &[analysis::Priority],
    rollup: usize,
) -> PlanGlance {
    let names = Names::new(data, lang);
    let open = data.actions.iter().filter(|a| a.status.is_open());
    PlanGlance {
        open: open.clone().count(),
        overdue: open.filter(|a| a.is_overdue(today)).count(),
        uncovered: analysis::uncovered_count(data, priorities),
        rollup_indicators: analysis::rollup_indicator_head(summary, priorities, rollup)
            .iter()
            .map(|(k, r)| rollup_line(*k, r, &names))
            .collect(),
    }
}

/// How many open actions cover `department` for each indicator, and how
/// many of those are overdue on `today`: the badge beside a gap, as
/// counting [`PlanFigures::of_department`]'s open actions on that indicator
/// gives it.
pub fn action_badges(
    data: &Dataset,
    department: &str,
    today: NaiveDate,
) -> std::collections::HashMap<String, (usize, usize)> {
    let mut badges: std::collections::HashMap<String, (usize, usize)> = std::collections::HashMap::new();
    for action in data
        .actions
        .iter()
        .filter(|a| a.status.is_open() && a.covers_department(department))
    {
        let indicators: std::collections::BTreeSet<&str> =
            action.indicators(&data.framework).into_iter().collect();
        for indicator in indicators {
            let badge = badges.entry(indicator.to_owned()).or_default();
            badge.0 += 1;
            badge.1 += usize::from(action.is_overdue(today));
        }
    }
    badges
}

/// Overdue first, then by due date, then id.
fn sort_actions(rows: &mut [ActionRow]) {
    rows.sort_by(|a, b| {
        b.overdue
            .cmp(&a.overdue)
            .then_with(|| a.due.cmp(&b.due))
            .then_with(|| a.id.cmp(&b.id))
    });
}

fn action_row(
    data: &Dataset,
    summary: &Summary,
    action: &Action,
    check: &PlanCheck,
    names: &Names,
    today: NaiveDate,
) -> ActionRow {
    let lang = names.lang;
    let indicators: Vec<String> = action
        .indicators(&data.framework)
        .into_iter()
        .map(str::to_owned)
        .collect();
    let (addresses, dimension) = match &action.addresses {
        Addresses::Dimension(id) => (
            words::whole_dimension(&names.dimension(id), lang),
            Some(id.clone()),
        ),
        Addresses::Indicators(ids) => (
            words::names(&ids.iter().map(|i| names.indicator(i)).collect::<Vec<_>>(), lang),
            ids.first()
                .and_then(|i| data.framework.indicator(i))
                .map(|(d, _)| d.id.clone()),
        ),
    };
    let department_names = if action.departments.is_empty() {
        T::PlanAllDepartments.get(lang).to_owned()
    } else {
        words::names(
            &action
                .departments
                .iter()
                .map(|d| names.department(d))
                .collect::<Vec<_>>(),
            lang,
        )
    };
    let effect = analysis::effect(data, action, summary.basis);
    let effect_flagged = effect.iter().any(|e| e.effect.is_flagged());
    let effect_text = effect_text(&effect, lang);
    ActionRow {
        id: action.id.clone(),
        title: action.title.get(lang).to_owned(),
        description: action.description.get(lang).to_owned(),
        departments: action.departments.clone(),
        department_names,
        addresses,
        indicators,
        dimension,
        owner: words::owner(action.owner.unit.get(lang), &action.owner.person),
        unit: action.owner.unit.get(lang).to_owned(),
        person: action.owner.person.clone(),
        start: action.start,
        due: action.due,
        start_text: format::date(action.start, lang),
        due_text: format::date(action.due, lang),
        status: action.status,
        status_text: words::status(action.status, lang).to_owned(),
        overdue: action.is_overdue(today),
        already_met: check.already_met.contains(&action.id),
        expected_level: stage_text(data, Some(action.expected_level), lang),
        expected: action.expected_level,
        whole_dimension: matches!(action.addresses, Addresses::Dimension(_)),
        done_on: action.done_on,
        done_on_text: format::date_or_missing(action.done_on, lang),
        effect,
        effect_text,
        effect_flagged,
    }
}

/// One effect when every pair reads the same, else how many had each; "–"
/// when there is nothing to say (not done, or nothing addressed).
fn effect_text(effects: &[IndicatorEffect], lang: Lang) -> String {
    let Some(first) = effects.first() else {
        return format::MISSING.to_owned();
    };
    if effects.iter().all(|e| e.effect == first.effect) {
        return words::effect(first.effect, lang);
    }
    let kind = |e: Effect| match e {
        Effect::Rose { .. } => 0,
        Effect::Unchanged { .. } => 1,
        Effect::Fell { .. } => 2,
        Effect::NotYetReassessed => 3,
        Effect::NoEarlierAnswer => 4,
        Effect::NotDone => 5,
    };
    let representative = [
        Effect::Rose {
            before: Level::clamped(1),
            after: Level::clamped(2),
        },
        Effect::Unchanged {
            level: Level::clamped(1),
        },
        Effect::Fell {
            before: Level::clamped(2),
            after: Level::clamped(1),
        },
        Effect::NotYetReassessed,
        Effect::NoEarlierAnswer,
    ];
    let counts: Vec<(Effect, usize)> = representative
        .into_iter()
        .map(|r| {
            let n = effects.iter().filter(|e| kind(e.effect) == kind(r)).count();
            (r, n)
        })
        .collect();
    words::effect_counts(&counts, lang)
}

fn gap_row(data: &Dataset, gap: &analysis::Gap, names: &Names) -> GapRow {
    let next_level = Level::new(gap.current.get() + 1);
    GapRow {
        department: gap.department.clone(),
        department_name: names.department(&gap.department),
        dimension: gap.dimension.clone(),
        dimension_name: names.dimension(&gap.dimension),
        indicator: gap.indicator.clone(),
        indicator_name: names.indicator(&gap.indicator),
        current: gap.current,
        current_text: format::level_digit(gap.current),
        target: gap.target,
        target_text: format::level_digit(gap.target),
        gap: gap.gap,
        gap_text: format::fixed(gap.gap, 0),
        priority: gap.priority,
        priority_text: format::priority(gap.priority),
        provisional: gap.provisional,
        next_level,
        next_rubric: next_level
            .and_then(|level| {
                let (_, indicator) = data.framework.indicator(&gap.indicator)?;
                indicator.levels.get(level.index())
            })
            .map(|text| text.get(names.lang).to_owned())
            .unwrap_or_default(),
    }
}

fn rollup_line(index: usize, row: &RollupRow, names: &Names) -> RollupLine {
    let lang = names.lang;
    let department_names: Vec<String> = row.departments.iter().map(|d| names.department(d)).collect();
    RollupLine {
        position_text: (index + 1).to_string(),
        dimension: row.dimension.clone(),
        dimension_name: names.dimension(&row.dimension),
        indicator: row.indicator.clone(),
        name: row
            .indicator
            .as_deref()
            .map_or_else(|| names.dimension(&row.dimension), |id| names.indicator(id)),
        department_names: words::names(&department_names, lang),
        count_text: row.departments.len().to_string(),
        departments: row.departments.clone(),
        provisional: row.provisional,
        mean_gap: row.mean_gap,
        mean_gap_text: format::fixed(row.mean_gap, format::LEVEL_DECIMALS),
        total_gap: row.total_gap,
        total_gap_text: format::fixed(row.total_gap, format::LEVEL_DECIMALS),
        weight: row.weight,
        weight_text: format::weight(row.weight),
        priority: row.priority,
        priority_text: format::priority(row.priority),
    }
}

fn target_line(target: &TargetProgress, names: &Names) -> TargetLine {
    let lang = names.lang;
    TargetLine {
        department: target.department.clone(),
        department_name: names.department(&target.department),
        dimension: target.dimension.clone(),
        dimension_name: names.dimension(&target.dimension),
        indicator: target.indicator.clone(),
        name: target
            .indicator
            .as_deref()
            .map_or_else(|| names.dimension(&target.dimension), |id| names.indicator(id)),
        level: target.level,
        level_text: format::level_digit(target.level),
        by: target.by,
        by_text: format::date(target.by, lang),
        current: target.current,
        current_text: format::level(target.current),
        projected: target.projected,
        projected_text: format::date_or_missing(target.projected, lang),
        state: target.state,
        state_text: words::target_state(target.state, lang).to_owned(),
    }
}

/// Per dimension of `dimensions` (id, name) with any target (its own or an
/// indicator's), in that order, how many of `targets` are in each state.
fn target_counts(dimensions: &[(String, String)], targets: &[TargetLine]) -> Vec<TargetCountRow> {
    dimensions
        .iter()
        .filter_map(|(id, name)| {
            let mut counts = [0; 6];
            for t in targets.iter().filter(|t| &t.dimension == id) {
                if let Some(k) = TargetState::ALL.iter().position(|s| *s == t.state) {
                    counts[k] += 1;
                }
            }
            (counts.iter().sum::<usize>() > 0).then(|| TargetCountRow {
                dimension: id.clone(),
                dimension_name: name.clone(),
                count_texts: counts.iter().map(usize::to_string).collect(),
                counts,
            })
        })
        .collect()
}

/// The counts of `actions` and of `uncovered` gaps, with their labels.
fn counts(actions: &[ActionRow], uncovered: usize, lang: Lang) -> PlanCounts {
    let count = |keep: &dyn Fn(&ActionRow) -> bool| actions.iter().filter(|a| keep(a)).count();
    let open = count(&|a| a.status.is_open());
    let overdue = count(&|a| a.overdue);
    let done = count(&|a| a.status == ActionStatus::Done);
    let dropped = count(&|a| a.status == ActionStatus::Dropped);
    let already_met = count(&|a| a.already_met);
    let lines = [
        (T::PlanOpenCount, open),
        (T::PlanOverdue, overdue),
        (T::PlanStatusDone, done),
        (T::PlanStatusDropped, dropped),
        (T::PlanUncovered, uncovered),
        (T::PlanAlreadyMet, already_met),
    ]
    .into_iter()
    .map(|(key, n)| CountLine {
        label: key.get(lang).to_owned(),
        value: n.to_string(),
    })
    .collect();
    PlanCounts {
        open,
        overdue,
        done,
        dropped,
        uncovered,
        already_met,
        lines,
    }
}

/// The column headers of the actions table (CLI, CSV, reports): id,
/// action, departments, addresses, responsible, start, due, status,
/// overdue, aims for, effect.
pub fn action_headers(lang: Lang) -> Vec<&'static str> {
    [
        T::PlanActionId,
        T::PlanActionTitle,
        T::Departments,
        T::PlanAddresses,
        T::PlanOwner,
        T::PlanStart,
        T::PlanDue,
        T::Status,
        T::PlanOverdue,
        T::PlanExpectedLevel,
        T::PlanEffect,
    ]
    .into_iter()
    .map(|key| key.get(lang))
    .collect()
}

/// An action's cells, in [`action_headers`] order.
pub fn action_cells(row: &ActionRow, lang: Lang) -> Vec<String> {
    vec![
        row.id.clone(),
        row.title.clone(),
        row.department_names.clone(),
        row.addresses.clone(),
        row.owner.clone(),
        row.start_text.clone(),
        row.due_text.clone(),
        row.status_text.clone(),
        yes_no(row.overdue, lang),
        row.expected_level.clone(),
        row.effect_text.clone(),
    ]
}

/// The column headers of the uncovered gaps table: department, indicator,
/// current, target, gap, priority.
pub fn gap_headers(lang: Lang) -> Vec<&'static str> {
    [
        T::Department,
        T::Indicator,
        T::Current,
        T::Target,
        T::Gap,
        T::Priority,
    ]
    .into_iter()
    .map(|key| key.get(lang))
    .collect()
}

/// A gap's cells, in [`gap_headers`] order.
pub fn gap_cells(row: &GapRow) -> Vec<String> {
    vec![
        row.department_name.clone(),
        row.indicator_name.clone(),
        row.current_text.clone(),
        row.target_text.clone(),
        row.gap_text.clone(),
        row.priority_text.clone(),
    ]
}

/// "yes" / "是", "no" / "否".
pub fn yes_no(value: bool, lang: Lang) -> String {
    if value { T::PlanYes } else { T::PlanNo }.get(lang).to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::fixture::{self, date, lv};
    use crate::analysis::summarize;
    use crate::model::Text;
    use crate::model::{Action, Owner};

    fn action(
        id: &str,
        departments: &[&str],
        addresses: Addresses,
        status: ActionStatus,
        due: NaiveDate,
    ) -> Action {
        Action {
            id: id.to_owned(),
            title: format!("Title {id}").into(),
            description: Text::default(),
            addresses,
            departments: departments.iter().map(|d| (*d).to_owned()).collect(),
            owner: Owner::default(),
            start: date(2024, 1, 1),
            due,
            expected_level: lv(3),
            status,
            done_on: None,
            history: Vec::new(),
            notes: Vec::new(),
            links: Vec::new(),
        }
    }

    fn indicators(ids: &[&str]) -> Addresses {
        Addresses::Indicators(ids.iter().map(|i| (*i).to_owned()).collect())
    }

    fn dataset() -> Dataset {
        let mut rose = action(
            "rose",
            &["health"],
            indicators(&["data.sharing"]),
            ActionStatus::Done,
            date(2025, 3, 31),
        );
        rose.done_on = Some(date(2025, 1, 15));
        rose.owner = Owner {
            unit: "Data Division".into(),
            person: "Li Wei".into(),
        };
        let mut mixed = action(
            "mixed",
            &["health", "police"],
            indicators(&["data.sharing", "data.open", "talent.skills"]),
            ActionStatus::Done,
            date(2025, 2, 28),
        );
        mixed.done_on = Some(date(2025, 1, 15));
        let mut flat = action(
            "flat",
            &["health"],
            indicators(&["talent.skills"]),
            ActionStatus::Done,
            date(2025, 2, 28),
        );
        flat.done_on = Some(date(2025, 1, 15));
        flat.owner.person = "Wang Fang".into();
        fixture::dataset().with_actions(vec![
            rose,
            mixed,
            flat,
            action(
                "late-b",
                &[],
                Addresses::Dimension("talent".into()),
                ActionStatus::Planned,
                date(2025, 5, 31),
            ),
            action(
                "late-a",
                &["police"],
                indicators(&["data.open"]),
                ActionStatus::InProgress,
                date(2025, 5, 31),
            ),
            action(
                "early",
                &["health"],
                indicators(&["data.open"]),
                ActionStatus::Planned,
                date(2025, 1, 31),
            )
            .clone(),
            action(
                "dropped",
                &["police"],
                indicators(&["security.policy"]),
                ActionStatus::Dropped,
                date(2025, 1, 1),
            ),
            action(
                "ahead",
                &["police"],
                indicators(&["data.sharing"]),
                ActionStatus::Planned,
                date(2025, 12, 31),
            ),
        ])
    }

    fn figures(lang: Lang) -> PlanFigures {
        let data = dataset();
        let summary = summarize(&data, None);
        plan(&data, &summary, lang, date(2025, 7, 1))
    }

    #[test]
    fn actions_go_overdue_first_then_by_due_date_then_id() {
        let en = figures(Lang::En);
        let rows: Vec<(&str, &str, bool, &str)> = en
            .actions
            .iter()
            .map(|a| {
                (
                    a.id.as_str(),
                    a.status_text.as_str(),
                    a.overdue,
                    a.due_text.as_str(),
                )
            })
            .collect();
        assert_eq!(
            rows,
            [
                ("early", "Planned", true, "2025-01-31"),
                ("late-a", "In progress", true, "2025-05-31"),
                ("late-b", "Planned", true, "2025-05-31"),
                ("dropped", "Dropped", false, "2025-01-01"),
                ("flat", "Done", false, "2025-02-28"),
                ("mixed", "Done", false, "2025-02-28"),
                ("rose", "Done", false, "2025-03-31"),
                ("ahead", "Planned", false, "2025-12-31"),
            ]
        );
        let zh = figures(Lang::Zh);
        let words: Vec<(&str, &str)> = zh
            .actions
            .iter()
            .map(|a| (a.status_text.as_str(), a.due_text.as_str()))
            .take(5)
            .collect();
        assert_eq!(
            words,
            [
                ("计划中", "2025年1月31日"),
                ("进行中", "2025年5月31日"),
                ("计划中", "2025年5月31日"),
                ("已取消", "2025年1月1日"),
                ("已完成", "2025年2月28日"),
            ]
        );
    }

    #[test]
    fn effects_are_written_in_both_languages() {
        let texts = |lang: Lang| -> Vec<(String, String, bool)> {
            let f = figures(lang);
            ["rose", "flat", "mixed", "ahead"]
                .iter()
                .filter_map(|id| f.action(id))
                .map(|a| (a.id.clone(), a.effect_text.clone(), a.effect_flagged))
                .collect()
        };
        let row = |id: &str, text: &str, flagged: bool| (id.to_owned(), text.to_owned(), flagged);
        assert_eq!(
            texts(Lang::En),
            [
                row("rose", "rose 1 → 2", false),
                row("flat", "unchanged at 1 (flagged)", true),
                // health: sharing 1 → 2, open 3 → 4, skills 1 → 1; police
                // has nothing before the day (sharing and open: no earlier
                // answer) and leaves talent unanswered (not reassessed).
                row(
                    "mixed",
                    "2 rose, 1 unchanged (flagged), 1 not yet reassessed, 2 no earlier answer to compare",
                    true
                ),
                row("ahead", "–", false),
            ]
        );
        assert_eq!(
            texts(Lang::Zh),
            [
                row("rose", "由1级升至2级", false),
                row("flat", "仍为1级（未见提升）", true),
                row(
                    "mixed",
                    "2项提升，1项未见提升，1项尚未重新评估，2项此前无可比较的作答",
                    true
                ),
                row("ahead", "–", false),
            ]
        );
    }

    #[test]
    fn departments_addresses_and_owners_read_naturally() {
        let en = figures(Lang::En);
        let zh = figures(Lang::Zh);
        let cells = |f: &PlanFigures, id: &str| {
            f.action(id).map(|a| {
                (
                    a.department_names.clone(),
                    a.addresses.clone(),
                    a.owner.clone(),
                    a.expected_level.clone(),
                )
            })
        };
        let four = |a: &str, b: &str, c: &str, d: &str| {
            Some((a.to_owned(), b.to_owned(), c.to_owned(), d.to_owned()))
        };
        assert_eq!(
            cells(&en, "late-b"),
            four("All departments", "talent (all indicators)", "–", "3 · L3")
        );
        assert_eq!(
            cells(&zh, "late-b"),
            four("全部部门", "talent（全部指标）", "–", "3 · L3")
        );
        assert_eq!(
            cells(&en, "mixed"),
            four(
                "health, police",
                "data.sharing, data.open, talent.skills",
                "–",
                "3 · L3"
            )
        );
        assert_eq!(
            cells(&zh, "mixed"),
            four(
                "health、police",
                "data.sharing、data.open、talent.skills",
                "–",
                "3 · L3"
            )
        );
        assert_eq!(
            cells(&en, "rose"),
            four("health", "data.sharing", "Data Division · Li Wei", "3 · L3")
        );
        assert_eq!(cells(&en, "flat").map(|c| c.2), Some("Wang Fang".to_owned()));
        assert_eq!(
            en.action("late-b")
                .map(|a| (a.dimension.clone(), a.indicators.clone())),
            Some((Some("talent".to_owned()), vec!["talent.skills".to_owned()]))
        );
    }

    #[test]
    fn uncovered_gaps_and_counts() {
        let en = figures(Lang::En);
        let gaps: Vec<String> = en
            .uncovered
            .iter()
            .map(|g| {
                format!(
                    "{} {} {}→{} gap {} = {} next {}",
                    g.department_name,
                    g.indicator_name,
                    g.current_text,
                    g.target_text,
                    g.gap_text,
                    g.priority_text,
                    g.next_rubric
                )
            })
            .collect();
        // late-a covers police data.open, late-b every talent gap, ahead
        // police data.sharing; the done and dropped actions cover nothing.
        assert_eq!(
            gaps,
            [
                "health data.sharing 2→4 gap 2 = 16.00 next data.sharing level 3",
                "health security.policy 3→5 gap 2 = 8.00 next security.policy level 4",
            ]
        );
        let counts: Vec<(String, String)> = en
            .counts
            .lines
            .iter()
            .map(|c| (c.label.clone(), c.value.clone()))
            .collect();
        let pair = |a: &str, b: &str| (a.to_owned(), b.to_owned());
        assert_eq!(
            counts,
            [
                pair("Open", "4"),
                pair("Overdue", "3"),
                pair("Done", "3"),
                pair("Dropped", "1"),
                pair("Gaps without an open action", "2"),
                pair("Already at target", "1"),
            ]
        );
        assert_eq!(en.action("early").map(|a| a.already_met), Some(true));
        let zh = figures(Lang::Zh);
        let labels: Vec<&str> = zh.counts.lines.iter().map(|c| c.label.as_str()).collect();
        assert_eq!(
            labels,
            [
                "未完成",
                "已逾期",
                "已完成",
                "已取消",
                "尚无在办措施的差距",
                "已达目标"
            ]
        );
        assert_eq!(zh.today_text, "2025年7月1日");
    }

    #[test]
    fn rollup_and_targets_are_written() {
        let en = figures(Lang::En);
        let lines: Vec<String> = en
            .rollup
            .iter()
            .map(|r| {
                format!(
                    "{}. {} [{}] {} mean {} total {} w {} = {}",
                    r.position_text,
                    r.name,
                    r.department_names,
                    r.count_text,
                    r.mean_gap_text,
                    r.total_gap_text,
                    r.weight_text,
                    r.priority_text
                )
            })
            .collect();
        assert_eq!(
            lines,
            [
                "1. data.sharing [health, police] 2 mean 1.50 total 3.00 w 2 = 22.00",
                "2. data.open [police] 1 mean 1.00 total 1.00 w 6 = 18.00",
                "3. data [health, police] 2 mean 0.75 total 1.50 w 2 = 8.50",
                "4. security.policy [health] 1 mean 2.00 total 2.00 w 1 = 8.00",
                "5. talent [health] 1 mean 2.00 total 2.00 w 1 = 8.00",
                "6. talent.skills [health] 1 mean 2.00 total 2.00 w 1 = 8.00",
            ]
        );
        assert_eq!(en.rollup_dimensions().count(), 2);
        assert_eq!(en.rollup_indicators().count(), 4);

        let zh = figures(Lang::Zh);
        let targets: Vec<String> = zh
            .targets
            .iter()
            .take(4)
            .map(|t| {
                format!(
                    "{} {} {} {} {} {} {}",
                    t.department_name,
                    t.name,
                    t.level_text,
                    t.by_text,
                    t.current_text,
                    t.projected_text,
                    t.state_text
                )
            })
            .collect();
        assert_eq!(
            targets,
            [
                "health data 4 2026年12月31日 3.50 2025年9月29日 按计划",
                "health security.policy 5 2026年12月31日 3.00 2026年6月27日 按计划",
                "health talent 3 2026年12月31日 1.00 – 偏离",
                "police data 4 2026年12月31日 3.00 – 评估次数不足，无法判断",
            ]
        );
        let counts: Vec<(String, [usize; 6])> = en
            .target_counts
            .iter()
            .map(|c| (c.dimension_name.clone(), c.counts))
            .collect();
        // reached, on track, at risk, off track, overdue, unknown.
        assert_eq!(
            counts,
            [
                ("data".to_owned(), [0, 1, 0, 0, 0, 2]),
                ("security".to_owned(), [0, 1, 0, 0, 0, 0]),
                ("talent".to_owned(), [0, 0, 0, 1, 0, 2]),
            ]
        );
    }

    #[test]
    fn one_department_has_its_own_actions_gaps_targets_and_counts() {
        let police = figures(Lang::En).for_department("police");
        let ids: Vec<&str> = police.actions.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["late-a", "late-b", "dropped", "mixed", "ahead"]);
        assert_eq!(police.uncovered, []);
        let targets: Vec<(&str, &str)> = police
            .targets
            .iter()
            .map(|t| (t.name.as_str(), t.state_text.as_str()))
            .collect();
        assert_eq!(
            targets,
            [
                ("data", "Too few assessments to tell"),
                ("talent", "Too few assessments to tell")
            ]
        );
        let counts: Vec<(String, [usize; 6])> = police
            .target_counts
            .iter()
            .map(|c| (c.dimension.clone(), c.counts))
            .collect();
        assert_eq!(
            counts,
            [
                ("data".to_owned(), [0, 0, 0, 0, 0, 1]),
                ("talent".to_owned(), [0, 0, 0, 0, 0, 1]),
            ]
        );
        let values: Vec<&str> = police.counts.lines.iter().map(|c| c.value.as_str()).collect();
        // Open: late-a, late-b, ahead; overdue: late-a, late-b; done: mixed.
        assert_eq!(values, ["3", "2", "1", "1", "0", "0"]);
        assert_eq!(police.rollup.len(), 6, "the roll-up stays across departments");
    }

    #[test]
    fn target_states_and_statuses_have_their_words() {
        let en: Vec<&str> = TargetState::ALL
            .iter()
            .map(|s| words::target_state(*s, Lang::En))
            .collect();
        assert_eq!(
            en,
            [
                "Reached",
                "On track",
                "At risk",
                "Off track",
                "Overdue",
                "Too few assessments to tell"
            ]
        );
        let zh: Vec<&str> = TargetState::ALL
            .iter()
            .map(|s| words::target_state(*s, Lang::Zh))
            .collect();
        assert_eq!(
            zh,
            [
                "已达标",
                "按计划",
                "有风险",
                "偏离",
                "已逾期",
                "评估次数不足，无法判断"
            ]
        );
        let zh: Vec<&str> = ActionStatus::ALL
            .iter()
            .map(|s| words::status(*s, Lang::Zh))
            .collect();
        assert_eq!(zh, ["计划中", "进行中", "已完成", "已取消"]);
        assert_eq!(
            words::effect(
                Effect::Fell {
                    before: lv(3),
                    after: lv(2)
                },
                Lang::Zh
            ),
            "由3级降至2级"
        );
        assert_eq!(
            words::effect(
                Effect::Fell {
                    before: lv(3),
                    after: lv(2)
                },
                Lang::En
            ),
            "fell 3 → 2"
        );
        assert_eq!(words::effect(Effect::NotYetReassessed, Lang::Zh), "尚未重新评估");
        assert_eq!(
            words::effect(Effect::NotYetReassessed, Lang::En),
            "not yet reassessed"
        );
    }

    #[test]
    fn cells_follow_the_headers() {
        let en = figures(Lang::En);
        let Some(row) = en.action("rose") else {
            panic!("rose is in the plan")
        };
        assert_eq!(
            action_headers(Lang::En),
            [
                "Id",
                "Action",
                "Departments",
                "Addresses",
                "Responsible",
                "Start",
                "Due",
                "Status",
                "Overdue",
                "Aims for",
                "Effect"
            ]
        );
        assert_eq!(
            action_cells(row, Lang::En),
            [
                "rose",
                "Title rose",
                "health",
                "data.sharing",
                "Data Division · Li Wei",
                "2024-01-01",
                "2025-03-31",
                "Done",
                "no",
                "3 · L3",
                "rose 1 → 2"
            ]
        );
        assert_eq!(
            action_headers(Lang::Zh),
            [
                "编号",
                "措施",
                "部门",
                "针对",
                "责任单位及责任人",
                "开始日期",
                "完成期限",
                "状态",
                "已逾期",
                "预期等级",
                "成效"
            ]
        );
        assert_eq!(
            gap_headers(Lang::Zh),
            ["部门", "指标", "本期", "目标", "差距", "优先级"]
        );
    }
}
