//! Improvement plans against the figures: which shortfalls are shared
//! across departments ([`rollup`]), whether each target will be met by its
//! date ([`target_progress`]), which gaps no open action covers and which
//! actions are overdue or no longer needed ([`plan_check`]), and whether a
//! finished action raised the level at the next assessment ([`effect`]).
//!
//! Pure functions of the dataset, a [`Summary`] and, where time matters, the
//! day it is (`today`), so every output can be reproduced with `--today`.

use std::collections::BTreeSet;

use chrono::{Months, NaiveDate};

use crate::model::{Action, ActionStatus, Dataset, Level, Target};

use super::priority::{Priority, priorities};
use super::score::AssessmentScore;
use super::summary::{Basis, Summary};
use super::trend::{Projection, project};

/// How long after its date a target projected to be reached late is still
/// "at risk" rather than "off track": six months.
pub const AT_RISK_MONTHS: u32 = 6;

/// One shortfall shared across departments: an indicator (`indicator:
/// Some`) or a dimension (`None`) and every summarised department that is
/// below the target that applies to it there.
#[derive(Clone, Debug, PartialEq)]
pub struct RollupRow {
    pub dimension: String,
    /// `None`: a dimension row (the dimension's mean level against the
    /// dimension target).
    pub indicator: Option<String>,
    /// The departments below target, sorted by id.
    pub departments: Vec<String>,
    /// How many of `departments` have a provisional (not approved) figure.
    pub provisional: usize,
    /// `total_gap / departments`.
    pub mean_gap: f64,
    /// The sum of the departments' gaps.
    pub total_gap: f64,
    /// The sum of the departments' priorities, each `((1 + gap)² − 1) × weight`.
    pub priority: f64,
    /// Indicator weight × dimension weight, or the dimension weight alone.
    pub weight: f64,
}

/// Every indicator and every dimension that at least one summarised
/// department falls short of, across departments.
///
/// A department counts when its current assessment (the summary's) has a
/// level for the indicator (a mean level for the dimension) below the target
/// that applies to it: its own target over the all-department one, the
/// indicator's over its dimension's (as everywhere else, see
/// [`crate::model::Workspace::target_for`]). N/A, unanswered and no target
/// leave the department out.
///
/// Order, the same everywhere: summed priority descending; then total gap,
/// weight, and number of departments (all descending); then dimension id and
/// indicator id ascending (a dimension row before its indicators when
/// everything else ties).
pub fn rollup(data: &Dataset, summary: &Summary) -> Vec<RollupRow> {
    rollup_with(summary, &priorities(data, summary))
}

/// [`rollup`] with the summary's [`priorities`] already made: they hold
/// every indicator shortfall, so only the dimension rows are read from the
/// summary.
pub fn rollup_with(summary: &Summary, priorities: &[Priority]) -> Vec<RollupRow> {
    pending_rollup(summary, priorities)
        .into_iter()
        .map(Pending::into_row)
        .collect()
}

/// The roll-up's rows in order, their ids borrowed.
fn pending_rollup<'a>(summary: &'a Summary, priorities: &'a [Priority]) -> Vec<Pending<'a>> {
    let mut found: rustc_hash::FxHashMap<RollupKey, Vec<Shortfall>> = Default::default();
    for department in &summary.departments {
        let Some(score) = department.current.as_ref() else {
            continue;
        };
        let provisional = department.is_provisional();
        let id = department.department.as_str();
        for dimension in &score.dimensions {
            if let (Some(gap), Some(p)) = (dimension.gap, dimension.priority)
                && gap > 0.0
            {
                found
                    .entry((dimension.dimension.as_str(), None))
                    .or_default()
                    .push((id, provisional, gap, p, dimension.weight));
            }
        }
    }
    let provisional: rustc_hash::FxHashSet<&str> = summary
        .departments
        .iter()
        .filter(|d| d.is_provisional())
        .map(|d| d.department.as_str())
        .collect();
    for p in priorities {
        let Some(indicator) = p.indicator.as_deref() else {
            continue;
        };
        let department = p.department.as_str();
        found
            .entry((p.dimension.as_str(), Some(indicator)))
            .or_default()
            .push((
                department,
                provisional.contains(department),
                p.gap,
                p.priority,
                p.weight,
            ));
    }
    // The order is total (ids last), so the map's order does not show.
    let mut rows: Vec<Pending> = found
        .into_iter()
        .map(|(key, entries)| Pending::new(key, entries))
        .collect();
    rows.sort_by(|a, b| rollup_order(a.order_key(), b.order_key()));
    rows
}

/// What a roll-up row sorts by: (priority, total gap, weight, departments,
/// dimension, indicator).
type RollupOrderKey<'a> = (f64, f64, f64, usize, &'a str, Option<&'a str>);

/// The roll-up order: see [`rollup`].
fn rollup_order(a: RollupOrderKey, b: RollupOrderKey) -> std::cmp::Ordering {
    b.0.total_cmp(&a.0)
        .then_with(|| b.1.total_cmp(&a.1))
        .then_with(|| b.2.total_cmp(&a.2))
        .then_with(|| b.3.cmp(&a.3))
        .then_with(|| a.4.cmp(b.4))
        .then_with(|| a.5.cmp(&b.5))
}

/// The first `n` indicator rows of [`rollup_with`], each with its place in
/// the whole roll-up (dimension rows counted): what the Overview lists,
/// without writing out every row's departments.
pub fn rollup_indicator_head(
    summary: &Summary,
    priorities: &[Priority],
    n: usize,
) -> Vec<(usize, RollupRow)> {
    pending_rollup(summary, priorities)
        .into_iter()
        .enumerate()
        .filter(|(_, row)| row.key.1.is_some())
        .take(n)
        .map(|(k, row)| (k, row.into_row()))
        .collect()
}

/// A roll-up row with its ids still borrowed.
struct Pending<'a> {
    key: RollupKey<'a>,
    /// By department id.
    entries: Vec<Shortfall<'a>>,
    total_gap: f64,
    priority: f64,
    weight: f64,
}

impl<'a> Pending<'a> {
    fn order_key(&self) -> RollupOrderKey<'_> {
        (
            self.priority,
            self.total_gap,
            self.weight,
            self.entries.len(),
            self.key.0,
            self.key.1,
        )
    }

    /// One roll-up row from its departments' shortfalls, in any order.
    fn new(key: RollupKey<'a>, mut entries: Vec<Shortfall<'a>>) -> Self {
        entries.sort_by(|a, b| a.0.cmp(b.0));
        Pending {
            key,
            total_gap: entries.iter().map(|e| e.2).sum(),
            priority: entries.iter().map(|e| e.3).sum(),
            weight: entries.first().map_or(0.0, |e| e.4),
            entries,
        }
    }

    fn into_row(self) -> RollupRow {
        // A department count is far below 2^52, so the conversion is exact.
        let mean_gap = self.total_gap / self.entries.len() as f64;
        RollupRow {
            dimension: self.key.0.to_owned(),
            indicator: self.key.1.map(str::to_owned),
            provisional: self.entries.iter().filter(|e| e.1).count(),
            mean_gap,
            total_gap: self.total_gap,
            priority: self.priority,
            weight: self.weight,
            departments: self.entries.into_iter().map(|e| e.0.to_owned()).collect(),
        }
    }
}

/// A roll-up row's dimension and indicator.
type RollupKey<'a> = (&'a str, Option<&'a str>);

/// One department's shortfall: (department, provisional, gap, priority, weight).
type Shortfall<'a> = (&'a str, bool, f64, f64, f64);

/// Whether a target will be met by its date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TargetState {
    /// The current level is at or above the target (whatever the date).
    Reached,
    /// Not reached; the trend projection reaches it on or before its date.
    OnTrack,
    /// Not reached; projected within [`AT_RISK_MONTHS`] after its date.
    AtRisk,
    /// Not reached; projected later than that, not rising, or not within
    /// the projection's horizon.
    OffTrack,
    /// Not reached and its date has passed.
    Overdue,
    /// Not reached, the date still ahead, and fewer than two assessments
    /// with a figure to project from (or none at all): it cannot be told.
    Unknown,
}

impl TargetState {
    pub const ALL: [TargetState; 6] = [
        TargetState::Reached,
        TargetState::OnTrack,
        TargetState::AtRisk,
        TargetState::OffTrack,
        TargetState::Overdue,
        TargetState::Unknown,
    ];

    /// The stable code used in JSON and CSV.
    pub fn code(self) -> &'static str {
        match self {
            TargetState::Reached => "reached",
            TargetState::OnTrack => "on-track",
            TargetState::AtRisk => "at-risk",
            TargetState::OffTrack => "off-track",
            TargetState::Overdue => "overdue",
            TargetState::Unknown => "unknown",
        }
    }
}

/// One target for one department, and how it stands.
#[derive(Clone, Debug, PartialEq)]
pub struct TargetProgress {
    pub department: String,
    pub dimension: String,
    /// `None`: a dimension target.
    pub indicator: Option<String>,
    pub level: Level,
    pub by: NaiveDate,
    /// The current level: the indicator's level, or the dimension's mean
    /// level, in the summary's current assessment; `None` without one.
    pub current: Option<f64>,
    /// When the trend projection reaches the target, if it does within the
    /// horizon.
    pub projected: Option<NaiveDate>,
    pub state: TargetState,
}

/// Every target that applies, for every active department of the summary:
/// a department's own target, and an all-department target expanded to each
/// active department that has no target of its own for the same dimension
/// or indicator. Targets for a dimension or indicator the framework does not
/// have are left out. Listed by department (summary order), then dimension
/// and indicator in framework order, a dimension's own target first.
///
/// The state, as of `today`, in this order:
/// 1. current ≥ level: [`TargetState::Reached`];
/// 2. `by` before `today`: [`TargetState::Overdue`];
/// 3. the trend projection (least squares over the department's assessments
///    that count on the summary's basis, up to the summary's date; see
///    [`project`]) reaches the level on or before `by`: OnTrack; within
///    [`AT_RISK_MONTHS`] after `by`: AtRisk; later, not rising, or beyond
///    the horizon: OffTrack;
/// 4. fewer than two points to project from: [`TargetState::Unknown`].
pub fn target_progress(data: &Dataset, summary: &Summary, today: NaiveDate) -> Vec<TargetProgress> {
    target_progress_of(data, summary, today, None)
}

/// [`target_progress`] of one department only (`Some(id)`), or of all.
pub fn target_progress_of(
    data: &Dataset,
    summary: &Summary,
    today: NaiveDate,
    only: Option<&str>,
) -> Vec<TargetProgress> {
    let mut rows = Vec::new();
    for department in summary
        .departments
        .iter()
        .filter(|d| only.is_none_or(|id| d.department == id))
    {
        let id = department.department.as_str();
        let applies: Vec<&Target> = data
            .workspace
            .targets
            .iter()
            .filter(|t| t.department.as_deref().is_none_or(|d| d == id))
            .filter(|t| {
                data.target_for(id, &t.dimension, t.indicator.as_deref())
                    .is_some_and(|applied| std::ptr::eq(applied, *t))
            })
            .filter_map(|t| Some((framework_position(data, t)?, t)))
            .collect::<std::collections::BTreeMap<_, _>>()
            .into_values()
            .collect();
        if applies.is_empty() {
            continue;
        }
        let history: Vec<&crate::model::Assessment> = data
            .history(id)
            .filter(|a| summary.basis.counts(a) && summary.period.is_none_or(|p| a.period <= p))
            .collect();
        for target in applies {
            let indicator = target.indicator.as_deref();
            // One figure per assessment, not a whole score: at 1,000
            // departments × 12 periods this runs for every change shown.
            let dimension = data
                .framework
                .dimensions
                .iter()
                .find(|d| d.id == target.dimension);
            let points: Vec<(NaiveDate, f64)> = history
                .iter()
                .filter_map(|a| {
                    let value = match indicator {
                        Some(id) => f64::from(a.level(id)?.get()),
                        None => super::score::dimension_mean_level(data, a, dimension?)?,
                    };
                    Some((a.period, value))
                })
                .collect();
            let current = department
                .current
                .as_ref()
                .and_then(|s| figure(s, &target.dimension, indicator));
            let level = f64::from(target.level.get());
            let projection = project(&points, level);
            let state = classify(current, level, target.by, projection, today);
            rows.push(TargetProgress {
                department: id.to_owned(),
                dimension: target.dimension.clone(),
                indicator: target.indicator.clone(),
                level: target.level,
                by: target.by,
                current,
                projected: projection.date(),
                state,
            });
        }
    }
    rows
}

/// The state of one target: see [`target_progress`].
fn classify(
    current: Option<f64>,
    level: f64,
    by: NaiveDate,
    projection: Projection,
    today: NaiveDate,
) -> TargetState {
    if current.is_some_and(|c| c >= level - 1e-9) {
        return TargetState::Reached;
    }
    if by < today {
        return TargetState::Overdue;
    }
    match projection {
        Projection::Projected(date) if date <= by => TargetState::OnTrack,
        Projection::Projected(date) => {
            let limit = by.checked_add_months(Months::new(AT_RISK_MONTHS));
            if limit.is_some_and(|limit| date <= limit) {
                TargetState::AtRisk
            } else {
                TargetState::OffTrack
            }
        }
        Projection::NotProgressing | Projection::BeyondHorizon => TargetState::OffTrack,
        // The latest point reached it but the current figure did not (no
        // current figure): nothing to tell.
        Projection::Reached | Projection::TooFewPoints | Projection::NoTarget => TargetState::Unknown,
    }
}

/// A target's place in the framework: (dimension index, 0 for the dimension
/// itself or 1 + indicator index); `None` when the framework lacks it.
fn framework_position(data: &Dataset, target: &Target) -> Option<(usize, usize)> {
    let dimensions = &data.framework.dimensions;
    let d = dimensions.iter().position(|d| d.id == target.dimension)?;
    let i = match target.indicator.as_deref() {
        None => 0,
        Some(id) => 1 + dimensions.get(d)?.indicators.iter().position(|i| i.id == id)?,
    };
    Some((d, i))
}

/// An indicator's level, or a dimension's mean level.
fn figure(score: &AssessmentScore, dimension: &str, indicator: Option<&str>) -> Option<f64> {
    match indicator {
        Some(id) => score.indicator(id)?.level.map(|l| f64::from(l.get())),
        None => score.dimension(dimension)?.mean_level,
    }
}

/// One indicator below its target in one department.
#[derive(Clone, Debug, PartialEq)]
pub struct Gap {
    pub department: String,
    pub dimension: String,
    pub indicator: String,
    pub current: Level,
    pub target: Level,
    pub gap: f64,
    pub priority: f64,
    /// The department's figure is not approved.
    pub provisional: bool,
}

/// Where the plan falls short of the figures.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PlanCheck {
    /// Indicators below target in a department that no open action covers,
    /// in the order of [`crate::analysis::priorities`].
    pub uncovered: Vec<Gap>,
    /// Open actions past their due date, by id.
    pub overdue: Vec<String>,
    /// Open actions whose addressed indicators are at or above their target
    /// in every department they cover, by id.
    pub already_met: Vec<String>,
}

/// Checks the plan against the summary as of `today`.
///
/// - A gap is an indicator with a level below the target that applies in a
///   department (see [`crate::analysis::priorities`]). It is covered when an
///   open action (Planned or In progress) covers the department (named, or
///   a government-wide action naming none, meaning every department) and
///   addresses the indicator (named, or its whole dimension).
/// - Overdue: open and due before `today`.
/// - Already met: open, and for every active department it covers and every
///   indicator it addresses there is a level and a target and the level is
///   at or above it (N/A, unanswered or no target is not "met"; an action
///   covering nothing the summary has is not either).
pub fn plan_check(data: &Dataset, summary: &Summary, today: NaiveDate) -> PlanCheck {
    plan_check_with(data, summary, today, &priorities(data, summary))
}

/// [`plan_check`] with the summary's [`priorities`] already made.
pub fn plan_check_with(
    data: &Dataset,
    summary: &Summary,
    today: NaiveDate,
    priorities: &[Priority],
) -> PlanCheck {
    let coverage = Coverage::new(data);
    let uncovered = priorities
        .iter()
        .filter(|p| !coverage.covers(p))
        .filter_map(|p| {
            let indicator = p.indicator.clone()?;
            let provisional = summary
                .department(&p.department)
                .is_some_and(|d| d.is_provisional());
            Some(Gap {
                // Indicator priorities carry a whole level as `current`.
                current: Level::clamped(p.current.round().clamp(1.0, 5.0) as u8),
                department: p.department.clone(),
                dimension: p.dimension.clone(),
                indicator,
                target: p.target,
                gap: p.gap,
                priority: p.priority,
                provisional,
            })
        })
        .collect();
    let open = || data.actions.iter().filter(|a| a.status.is_open());
    let overdue = open()
        .filter(|a| a.is_overdue(today))
        .map(|a| a.id.clone())
        .collect();
    let already_met = open()
        .filter(|a| already_met(summary, a, &a.indicators(&data.framework).into_iter().collect()))
        .map(|a| a.id.clone())
        .collect();
    PlanCheck {
        uncovered,
        overdue,
        already_met,
    }
}

/// How many of `priorities` (indicator gaps) no open action covers: the
/// length of [`plan_check`]'s `uncovered`, without making the gaps.
pub fn uncovered_count(data: &Dataset, priorities: &[Priority]) -> usize {
    let coverage = Coverage::new(data);
    priorities
        .iter()
        .filter(|p| p.indicator.is_some() && !coverage.covers(p))
        .count()
}

/// Which (department, indicator) pairs an open action covers, and which
/// indicators one covers everywhere (no departments named): looked up per
/// gap, not searched, as there are thousands of each at scale.
struct Coverage<'a> {
    pairs: rustc_hash::FxHashSet<(&'a str, &'a str)>,
    everywhere: BTreeSet<&'a str>,
}

impl<'a> Coverage<'a> {
    fn new(data: &'a Dataset) -> Self {
        let mut pairs = rustc_hash::FxHashSet::default();
        let mut everywhere = BTreeSet::new();
        for action in data.actions.iter().filter(|a| a.status.is_open()) {
            for indicator in action.indicators(&data.framework) {
                if action.departments.is_empty() {
                    everywhere.insert(indicator);
                }
                for department in &action.departments {
                    pairs.insert((department.as_str(), indicator));
                }
            }
        }
        Coverage { pairs, everywhere }
    }

    /// Whether an open action covers this indicator gap.
    fn covers(&self, p: &Priority) -> bool {
        p.indicator.as_deref().is_some_and(|indicator| {
            self.everywhere.contains(indicator) || self.pairs.contains(&(p.department.as_str(), indicator))
        })
    }
}

/// Whether every addressed indicator is at target in every department of
/// the summary the action covers (and there is at least one).
fn already_met(summary: &Summary, action: &Action, indicators: &BTreeSet<&str>) -> bool {
    let mut any = false;
    for department in summary
        .departments
        .iter()
        .filter(|d| action.covers_department(&d.department))
    {
        let Some(score) = department.current.as_ref() else {
            return false;
        };
        for id in indicators {
            let met = score.indicator(id).is_some_and(|i| {
                i.level
                    .zip(i.target)
                    .is_some_and(|(level, target)| level >= target)
            });
            if !met {
                return false;
            }
            any = true;
        }
    }
    any
}

/// What a finished action did to one indicator in one department.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Effect {
    Rose {
        before: Level,
        after: Level,
    },
    /// The same level after as before: flagged, the action did not show.
    Unchanged {
        level: Level,
    },
    Fell {
        before: Level,
        after: Level,
    },
    /// Done, but no assessment after the day it was done has a level for
    /// the indicator yet.
    NotYetReassessed,
    /// Reassessed, but no assessment on or before the day it was done has
    /// a level for the indicator to compare with.
    NoEarlierAnswer,
    /// The action is not Done (or has no done date).
    NotDone,
}

impl Effect {
    /// The stable code used in JSON and CSV.
    pub fn code(self) -> &'static str {
        match self {
            Effect::Rose { .. } => "rose",
            Effect::Unchanged { .. } => "unchanged",
            Effect::Fell { .. } => "fell",
            Effect::NotYetReassessed => "not-yet-reassessed",
            Effect::NoEarlierAnswer => "no-earlier-answer",
            Effect::NotDone => "not-done",
        }
    }

    /// Unchanged after done: the action is flagged.
    pub fn is_flagged(self) -> bool {
        matches!(self, Effect::Unchanged { .. })
    }
}

/// The effect on one indicator in one department, with the two answers
/// compared.
#[derive(Clone, Debug, PartialEq)]
pub struct IndicatorEffect {
    pub department: String,
    pub indicator: String,
    /// The assessment on or before the done date, and the level it gives.
    pub before: Option<(NaiveDate, Level)>,
    /// The first assessment after the done date, and the level it gives.
    pub after: Option<(NaiveDate, Level)>,
    pub effect: Effect,
}

/// For every department the action covers (named ones in workspace order,
/// or every active department for a government-wide action naming none)
/// and every indicator it addresses (a dimension expanded in framework
/// order): the level before and after the action was done.
///
/// Before is the latest assessment dated on or before `done_on`, after the
/// first one dated after it, among the department's assessments that count
/// on `basis` and that have a level for the indicator (an N/A or unanswered
/// indicator is skipped on either side, so a draft that has not reached the
/// indicator yet does not count as a reassessment). No after: not yet
/// reassessed; an after but no before: no earlier answer. An action that is
/// not Done, or has no done date, gives [`Effect::NotDone`] for every pair.
pub fn effect(data: &Dataset, action: &Action, basis: Basis) -> Vec<IndicatorEffect> {
    let departments: Vec<&str> = if action.departments.is_empty() {
        data.workspace
            .active_departments()
            .map(|d| d.id.as_str())
            .collect()
    } else {
        let mut named: Vec<&str> = action.departments.iter().map(String::as_str).collect();
        let position = |id: &str| data.workspace.departments.iter().position(|d| d.id == id);
        named.sort_by_key(|id| (position(id).unwrap_or(usize::MAX), *id));
        named.dedup();
        named
    };
    let indicators = action.indicators(&data.framework);
    let done_on = match (action.status, action.done_on) {
        (ActionStatus::Done, Some(day)) => Some(day),
        _ => None,
    };
    let mut rows = Vec::with_capacity(departments.len() * indicators.len());
    for department in departments {
        let history: Vec<_> = data.history(department).filter(|a| basis.counts(a)).collect();
        for indicator in &indicators {
            let Some(done_on) = done_on else {
                rows.push(IndicatorEffect {
                    department: department.to_owned(),
                    indicator: (*indicator).to_owned(),
                    before: None,
                    after: None,
                    effect: Effect::NotDone,
                });
                continue;
            };
            let levels = history
                .iter()
                .filter_map(|a| Some((a.period, a.level(indicator)?)));
            let before = levels.clone().rfind(|(period, _)| *period <= done_on);
            let after = levels.clone().find(|(period, _)| *period > done_on);
            let effect = match (before, after) {
                (_, None) => Effect::NotYetReassessed,
                (None, Some(_)) => Effect::NoEarlierAnswer,
                (Some((_, b)), Some((_, a))) if a > b => Effect::Rose { before: b, after: a },
                (Some((_, b)), Some((_, a))) if a < b => Effect::Fell { before: b, after: a },
                (Some((_, b)), Some(_)) => Effect::Unchanged { level: b },
            };
            rows.push(IndicatorEffect {
                department: department.to_owned(),
                indicator: (*indicator).to_owned(),
                before,
                after,
                effect,
            });
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::fixture::{self, date, lv};
    use crate::analysis::{summarize, summarize_on};
    use crate::model::Text;
    use crate::model::{Addresses, Owner, Rating};

    pub(crate) fn action(
        id: &str,
        departments: &[&str],
        addresses: Addresses,
        status: ActionStatus,
        due: NaiveDate,
    ) -> Action {
        Action {
            id: id.to_owned(),
            title: id.into(),
            description: Text::default(),
            addresses,
            departments: departments.iter().map(|d| (*d).to_owned()).collect(),
            owner: Owner::default(),
            start: date(2024, 1, 1),
            due,
            expected_level: lv(4),
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

    fn done(mut action: Action, on: NaiveDate) -> Action {
        action.status = ActionStatus::Done;
        action.done_on = Some(on);
        action
    }

    #[test]
    fn rollup_sums_across_departments_and_breaks_ties_by_id() {
        let data = fixture::dataset();
        let summary = summarize(&data, None);
        let rows: Vec<_> = rollup(&data, &summary)
            .into_iter()
            .map(|r| {
                (
                    r.indicator.unwrap_or(r.dimension),
                    r.departments.join(" "),
                    r.provisional,
                    r.mean_gap,
                    r.total_gap,
                    r.weight,
                    r.priority,
                )
            })
            .collect();
        let expected = [
            // health 2 → 4 (gap 2, weight 1 × 2: 16) and police 3 → 4 (gap 1: 6).
            ("data.sharing", "health police", 1, 1.5, 3.0, 2.0, 22.0),
            // police 3 → 4 at weight 3 × 2: (4 − 1) × 6; health is at 4.
            ("data.open", "police", 0, 1.0, 1.0, 6.0, 18.0),
            // health's mean 3.5 (gap 0.5: 2.5) and police's 3 (gap 1: 6).
            ("data", "health police", 1, 0.75, 1.5, 2.0, 8.5),
            // Three rows at 8, gap 2, weight 1, one department: by dimension
            // id, then the dimension row before its indicator.
            ("security.policy", "health", 1, 2.0, 2.0, 1.0, 8.0),
            ("talent", "health", 1, 2.0, 2.0, 1.0, 8.0),
            ("talent.skills", "health", 1, 2.0, 2.0, 1.0, 8.0),
        ];
        let expected: Vec<_> = expected
            .iter()
            .map(|(id, d, p, m, t, w, pr)| ((*id).to_owned(), (*d).to_owned(), *p, *m, *t, *w, *pr))
            .collect();
        assert_eq!(rows, expected);
    }

    #[test]
    fn rollup_ties_go_by_total_gap_weight_departments_then_ids() {
        let row =
            |dimension: &str, indicator: Option<&str>, departments: &[&str], total_gap: f64, weight: f64| {
                RollupRow {
                    dimension: dimension.to_owned(),
                    indicator: indicator.map(str::to_owned),
                    departments: departments.iter().map(|d| (*d).to_owned()).collect(),
                    provisional: 0,
                    mean_gap: total_gap / departments.len() as f64,
                    total_gap,
                    priority: 6.0,
                    weight,
                }
            };
        let mut rows = [
            row("a", Some("a.x"), &["p"], 1.0, 2.0),
            // Two gaps of 1 at weight 1 (3 + 3) beat one of 1 at weight 2
            // (6) on total gap.
            row("z", Some("z.x"), &["p", "q"], 2.0, 1.0),
            // Same total gap 1 as a.x, heavier: first of the two.
            row("b", Some("b.x"), &["p"], 1.0, 3.0),
            // Same total gap and weight as a.x, more departments.
            row("c", Some("c.x"), &["p", "q"], 1.0, 2.0),
            // Everything equal to a.x: the dimension id decides, then the
            // dimension row before an indicator.
            row("a", None, &["p"], 1.0, 2.0),
            row("0", Some("0.x"), &["q"], 1.0, 2.0),
        ];
        rows.sort_by(|a, b| {
            let key = |r: &'_ RollupRow| -> (f64, f64, f64, usize, String, Option<String>) {
                (
                    r.priority,
                    r.total_gap,
                    r.weight,
                    r.departments.len(),
                    r.dimension.clone(),
                    r.indicator.clone(),
                )
            };
            let (a, b) = (key(a), key(b));
            rollup_order(
                (a.0, a.1, a.2, a.3, &a.4, a.5.as_deref()),
                (b.0, b.1, b.2, b.3, &b.4, b.5.as_deref()),
            )
        });
        let order: Vec<String> = rows
            .iter()
            .map(|r| r.indicator.clone().unwrap_or_else(|| r.dimension.clone()))
            .collect();
        assert_eq!(order, ["z.x", "b.x", "c.x", "0.x", "a", "a.x"]);
    }

    #[test]
    fn rollup_leaves_out_na_unanswered_and_no_target() {
        let mut data = fixture::dataset();
        data.workspace.targets.clear();
        let summary = summarize(&data, None);
        assert_eq!(rollup(&data, &summary), []);
        // health's security.audit is N/A and police's talent unanswered:
        // with targets for both, neither counts.
        let mut data = fixture::dataset();
        data.workspace.targets.retain(|t| t.dimension == "talent");
        data.workspace.targets.push(Target {
            department: None,
            dimension: "security".into(),
            indicator: Some("security.audit".into()),
            level: lv(5),
            by: date(2026, 12, 31),
        });
        let summary = summarize(&data, None);
        let rows: Vec<(Option<String>, Vec<String>)> = rollup(&data, &summary)
            .into_iter()
            .map(|r| (r.indicator, r.departments))
            .collect();
        assert_eq!(
            rows,
            [
                // police audit 3 → 5: (9 − 1) × 1.
                (Some("security.audit".to_owned()), vec!["police".to_owned()]),
                (None, vec!["health".to_owned()]),
                (Some("talent.skills".to_owned()), vec!["health".to_owned()]),
            ]
        );
    }

    /// The fixture with a health-only data target due `by` and a data.open
    /// target for everyone.
    fn with_targets(by: NaiveDate) -> crate::model::Dataset {
        let mut data = fixture::dataset();
        data.workspace.targets.push(Target {
            department: Some("health".into()),
            dimension: "data".into(),
            indicator: None,
            level: lv(4),
            by,
        });
        data.workspace.targets.push(Target {
            department: None,
            dimension: "data".into(),
            indicator: Some("data.open".into()),
            level: lv(4),
            by: date(2026, 12, 31),
        });
        data
    }

    fn states(
        data: &crate::model::Dataset,
        today: NaiveDate,
    ) -> Vec<(String, String, String, Option<NaiveDate>)> {
        let summary = summarize(data, None);
        target_progress(data, &summary, today)
            .into_iter()
            .map(|t| {
                (
                    t.department,
                    t.indicator.unwrap_or(t.dimension),
                    t.state.code().to_owned(),
                    t.projected,
                )
            })
            .collect()
    }

    fn row(
        department: &str,
        what: &str,
        state: &str,
        projected: Option<NaiveDate>,
    ) -> (String, String, String, Option<NaiveDate>) {
        (
            department.to_owned(),
            what.to_owned(),
            state.to_owned(),
            projected,
        )
    }

    #[test]
    fn targets_are_reached_on_track_off_track_or_unknown() {
        let data = with_targets(date(2026, 12, 31));
        let today = date(2025, 7, 1);
        assert_eq!(
            states(&data, today),
            [
                // health data: 2.5 at 2024-12-31, 3.5 at 2025-06-30: one
                // level in 181 days reaches 4 on day 272, 2025-09-29. Its
                // own target replaces the all-department one (one row).
                row("health", "data", "on-track", Some(date(2025, 9, 29))),
                row("health", "data.open", "reached", None),
                // 2 → 3 in 181 days: 5 on day 543.
                row("health", "security.policy", "on-track", Some(date(2026, 6, 27))),
                // 1 and 1: not rising.
                row("health", "talent", "off-track", None),
                // One assessment: nothing to project from.
                row("police", "data", "unknown", None),
                row("police", "data.open", "unknown", None),
                // Unanswered: no figure at all.
                row("police", "talent", "unknown", None),
                row("newdept", "data", "unknown", None),
                row("newdept", "data.open", "unknown", None),
                row("newdept", "talent", "unknown", None),
            ]
        );
    }

    #[test]
    fn late_projections_are_at_risk_within_six_months_then_off_track() {
        let today = date(2025, 1, 1);
        // Projected 2025-09-29: by 2025-08-31 is within six months (AtRisk),
        // by 2025-03-29 is six months to the day before it (AtRisk), by
        // 2025-03-28 not (OffTrack).
        for (by, state) in [
            (date(2025, 9, 29), "on-track"),
            (date(2025, 8, 31), "at-risk"),
            (date(2025, 3, 29), "at-risk"),
            (date(2025, 3, 28), "off-track"),
        ] {
            let data = with_targets(by);
            let health_data = states(&data, today).into_iter().next();
            assert_eq!(
                health_data,
                Some(row("health", "data", state, Some(date(2025, 9, 29)))),
                "by {by}"
            );
        }
    }

    #[test]
    fn a_passed_date_not_reached_is_overdue_whatever_the_projection() {
        let data = with_targets(date(2025, 6, 30));
        let got: Vec<_> = states(&data, date(2027, 1, 1))
            .into_iter()
            .map(|(d, what, state, _)| format!("{d} {what} {state}"))
            .collect();
        assert_eq!(
            got,
            [
                "health data overdue",
                "health data.open reached",
                "health security.policy overdue",
                "health talent overdue",
                "police data overdue",
                "police data.open overdue",
                "police talent overdue",
                "newdept data overdue",
                "newdept data.open overdue",
                "newdept talent overdue",
            ]
        );
        // The day itself is not past.
        let on_the_day = states(&data, date(2025, 6, 30));
        assert_eq!(on_the_day[0].2, "at-risk");
    }

    #[test]
    fn targets_for_unknown_dimensions_and_archived_departments_are_left_out() {
        let mut data = fixture::dataset();
        data.workspace.targets = vec![
            Target {
                department: None,
                dimension: "nowhere".into(),
                indicator: None,
                level: lv(3),
                by: date(2026, 1, 1),
            },
            Target {
                department: Some("old".into()),
                dimension: "data".into(),
                indicator: None,
                level: lv(3),
                by: date(2026, 1, 1),
            },
        ];
        assert_eq!(states(&data, date(2025, 7, 1)), []);
    }

    fn plan_data() -> crate::model::Dataset {
        let due = date(2025, 12, 31);
        fixture::dataset().with_actions(vec![
            action(
                "a1",
                &["health"],
                indicators(&["data.sharing"]),
                ActionStatus::InProgress,
                due,
            ),
            // Government-wide, a whole dimension, overdue.
            action(
                "a2",
                &[],
                Addresses::Dimension("talent".into()),
                ActionStatus::Planned,
                date(2025, 3, 31),
            ),
            // Done and dropped actions cover nothing.
            done(
                action(
                    "a3",
                    &["police"],
                    indicators(&["data.open"]),
                    ActionStatus::Done,
                    due,
                ),
                date(2025, 1, 1),
            ),
            action(
                "a6",
                &["health"],
                indicators(&["security.policy"]),
                ActionStatus::Dropped,
                due,
            ),
            // health's data.open is 4, its target 4: already met.
            action(
                "a5",
                &["health"],
                indicators(&["data.open"]),
                ActionStatus::Planned,
                due,
            ),
            // newdept has no assessment: not "met".
            action(
                "a7",
                &["health", "newdept"],
                indicators(&["data.open"]),
                ActionStatus::Planned,
                due,
            ),
            // police's security.policy has no target: not "met".
            action(
                "a8",
                &["police"],
                indicators(&["security.policy"]),
                ActionStatus::Planned,
                due,
            ),
        ])
    }

    #[test]
    fn plan_check_finds_uncovered_gaps_overdue_and_already_met() {
        let data = plan_data();
        let summary = summarize(&data, None);
        let check = plan_check(&data, &summary, date(2025, 7, 1));
        let uncovered: Vec<(&str, &str, u8, u8, f64, f64, bool)> = check
            .uncovered
            .iter()
            .map(|g| {
                (
                    g.department.as_str(),
                    g.indicator.as_str(),
                    g.current.get(),
                    g.target.get(),
                    g.gap,
                    g.priority,
                    g.provisional,
                )
            })
            .collect();
        assert_eq!(
            uncovered,
            [
                // a3 is done: police's data.open is not covered.
                ("police", "data.open", 3, 4, 1.0, 18.0, false),
                // a6 is dropped.
                ("health", "security.policy", 3, 5, 2.0, 8.0, true),
                ("police", "data.sharing", 3, 4, 1.0, 6.0, false),
            ]
        );
        assert_eq!(check.overdue, ["a2"]);
        assert_eq!(check.already_met, ["a5"]);
        // On its due date an action is not overdue yet.
        let check = plan_check(&data, &summary, date(2025, 3, 31));
        assert_eq!(check.overdue, Vec::<String>::new());
    }

    #[test]
    fn without_actions_every_gap_is_uncovered() {
        let data = fixture::dataset();
        let summary = summarize(&data, None);
        let check = plan_check(&data, &summary, date(2025, 7, 1));
        assert_eq!(check.uncovered.len(), 5);
        assert_eq!(check.overdue, Vec::<String>::new());
        assert_eq!(check.already_met, Vec::<String>::new());
    }

    type Pair = (String, String, Effect);

    fn effects(data: &crate::model::Dataset, action: &Action, basis: Basis) -> Vec<Pair> {
        effect(data, action, basis)
            .into_iter()
            .map(|e| (e.department, e.indicator, e.effect))
            .collect()
    }

    fn pair(department: &str, indicator: &str, effect: Effect) -> Pair {
        (department.to_owned(), indicator.to_owned(), effect)
    }

    #[test]
    fn effect_compares_the_last_answer_before_with_the_first_after() {
        let data = fixture::dataset();
        let a = done(
            action(
                "x",
                &["health"],
                indicators(&[
                    "data.sharing",
                    "talent.skills",
                    "security.audit",
                    "security.policy",
                ]),
                ActionStatus::Done,
                date(2025, 3, 31),
            ),
            date(2025, 1, 15),
        );
        assert_eq!(
            effects(&data, &a, Basis::Latest),
            [
                pair(
                    "health",
                    "data.sharing",
                    Effect::Rose {
                        before: lv(1),
                        after: lv(2)
                    }
                ),
                pair("health", "talent.skills", Effect::Unchanged { level: lv(1) }),
                // 2 before, N/A after: not reassessed with a level.
                pair("health", "security.audit", Effect::NotYetReassessed),
                pair(
                    "health",
                    "security.policy",
                    Effect::Rose {
                        before: lv(2),
                        after: lv(3)
                    }
                ),
            ]
        );
        let all = effect(&data, &a, Basis::Latest);
        assert_eq!(all[0].before, Some((date(2024, 12, 31), lv(1))));
        assert_eq!(all[0].after, Some((date(2025, 6, 30), lv(2))));
        // Health has no approved assessment: nothing to compare on that basis.
        assert!(
            effects(&data, &a, Basis::Approved)
                .iter()
                .all(|p| p.2 == Effect::NotYetReassessed)
        );
    }

    #[test]
    fn done_on_an_assessment_day_counts_that_assessment_as_before() {
        let data = fixture::dataset();
        let on_the_day = done(
            action(
                "x",
                &["health"],
                indicators(&["data.sharing"]),
                ActionStatus::Done,
                date(2025, 3, 31),
            ),
            date(2024, 12, 31),
        );
        assert_eq!(
            effects(&data, &on_the_day, Basis::Latest),
            [pair(
                "health",
                "data.sharing",
                Effect::Rose {
                    before: lv(1),
                    after: lv(2)
                }
            )]
        );
        let before_any = done(on_the_day.clone(), date(2024, 6, 1));
        assert_eq!(
            effects(&data, &before_any, Basis::Latest),
            [pair("health", "data.sharing", Effect::NoEarlierAnswer)]
        );
        let after_all = done(on_the_day, date(2025, 6, 30));
        assert_eq!(
            effects(&data, &after_all, Basis::Latest),
            [pair("health", "data.sharing", Effect::NotYetReassessed)]
        );
    }

    #[test]
    fn a_dimension_wide_government_action_covers_every_active_department() {
        let mut data = fixture::dataset();
        let Some(mut later) = data.find("police", date(2025, 6, 30)).cloned() else {
            panic!("fixture has police")
        };
        later.period = date(2025, 12, 31);
        fixture::answer(&mut later, "security.policy", Rating::Level(lv(4)));
        fixture::answer(&mut later, "security.audit", Rating::Level(lv(2)));
        data.assessments.push(later);
        data.sort_assessments();
        let a = done(
            action(
                "x",
                &[],
                Addresses::Dimension("security".into()),
                ActionStatus::Done,
                date(2025, 9, 30),
            ),
            date(2025, 7, 1),
        );
        assert_eq!(
            effects(&data, &a, Basis::Latest),
            [
                pair("health", "security.policy", Effect::NotYetReassessed),
                pair("health", "security.audit", Effect::NotYetReassessed),
                pair(
                    "police",
                    "security.policy",
                    Effect::Rose {
                        before: lv(3),
                        after: lv(4)
                    }
                ),
                pair(
                    "police",
                    "security.audit",
                    Effect::Fell {
                        before: lv(3),
                        after: lv(2)
                    }
                ),
                pair("newdept", "security.policy", Effect::NotYetReassessed),
                pair("newdept", "security.audit", Effect::NotYetReassessed),
            ]
        );
        assert!(Effect::Unchanged { level: lv(2) }.is_flagged());
        assert!(!Effect::NotYetReassessed.is_flagged());
    }

    #[test]
    fn an_action_not_done_has_no_effect() {
        let data = fixture::dataset();
        let open = action(
            "x",
            &["police", "health"],
            indicators(&["data.open"]),
            ActionStatus::InProgress,
            date(2025, 3, 31),
        );
        // Named departments in workspace order.
        assert_eq!(
            effects(&data, &open, Basis::Latest),
            [
                pair("health", "data.open", Effect::NotDone),
                pair("police", "data.open", Effect::NotDone),
            ]
        );
        // Done without a date cannot be placed.
        let mut undated = open;
        undated.status = ActionStatus::Done;
        assert!(
            effects(&data, &undated, Basis::Latest)
                .iter()
                .all(|p| p.2 == Effect::NotDone)
        );
    }

    #[test]
    fn target_progress_follows_the_summary_date_and_basis() {
        // As of 2024-12-31 health has one point: its data target is unknown.
        let data = with_targets(date(2026, 12, 31));
        let summary = summarize_on(&data, Some(date(2024, 12, 31)), Basis::Latest);
        let first = target_progress(&data, &summary, date(2025, 1, 1))
            .into_iter()
            .next();
        assert_eq!(
            first.map(|t| (t.department, t.state, t.current)),
            Some(("health".to_owned(), TargetState::Unknown, Some(2.5)))
        );
    }
}
