//! The domain types of govmaturity: frameworks, workspaces, assessments.
//!
//! Plain data with their invariants and nothing else: no I/O, no egui. The
//! `store` module reads and writes these types as RON files; `analysis`
//! scores them.

mod answers;
mod assessment;
mod consensus;
mod digest;
mod framework;
mod ids;
pub mod limits;
pub mod merge;
mod number;
mod period;
mod plan;
mod text;
mod workspace;

pub use answers::{Answers, Entry as AnswerEntry, Iter as AnswersIter, IterMut as AnswersIterMut};
pub use assessment::{
    Answer, Assessment, AuditEntry, Confidence, Rating, Response, Role, Status, TransitionError,
};
pub use consensus::{AUDIT_CONSENSUS_NOTE, AUDIT_RESPONSE, ConsensusError, spread_of};
pub use digest::answers_digest;
pub use framework::{Dimension, FRAMEWORK_ID_BUILTIN, Framework, FrameworkIssue, Indicator, LevelDef};
pub use ids::{IdError, IdSubject, is_department_id, is_indicator_id, is_slug_id, is_windows_device_name};
pub use number::{LEVEL_DECIMALS, round_half_away};
pub use period::half_year_periods;
pub use plan::{
    Action, ActionStatus, Addresses, Owner, PLAN_FILE, PlanFile, PlanScope, ProgressNote, StatusChange,
};
pub use text::{Lang, Text};
pub use workspace::{Department, DepartmentKind, FrameworkSource, ReportSettings, Target, Workspace};

/// The version of the file formats this program writes. Every file on disk
/// starts with `version: N`; the store migrates older ones and opens newer
/// ones read-only.
pub const FORMAT_VERSION: u32 = 1;

/// The largest weight a dimension or indicator may have. Weights are
/// relative, so this leaves room for any sensible ratio while keeping every
/// sum and product of weights and scores far from overflowing.
pub const MAX_WEIGHT: f64 = 1000.0;

/// Whether `weight` is one validation accepts: a number above 0 and at most
/// [`MAX_WEIGHT`].
pub fn is_valid_weight(weight: f64) -> bool {
    weight.is_finite() && weight > 0.0 && weight <= MAX_WEIGHT
}

/// The weight the arithmetic uses for one that validation may have refused:
/// clamped to 0–[`MAX_WEIGHT`], NaN as 0. A weight of 0 leaves its dimension
/// or indicator out of every mean, as a non-positive weight always has.
fn usable_weight(weight: f64) -> f64 {
    if weight.is_nan() {
        0.0
    } else {
        weight.clamp(0.0, MAX_WEIGHT)
    }
}

/// A maturity level, 1 (Initial) to 5 (Comprehensive promotion).
///
/// Deserialising a number outside 1–5 fails with a message that the store
/// turns into a problem at the offending line and column.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct Level(u8);

impl Level {
    pub const MIN: u8 = 1;
    pub const MAX: u8 = 5;

    /// All five levels, lowest first.
    pub fn all() -> impl Iterator<Item = Level> {
        (Self::MIN..=Self::MAX).map(Level)
    }

    pub fn new(value: u8) -> Option<Level> {
        (Self::MIN..=Self::MAX).contains(&value).then_some(Level(value))
    }

    /// The nearest level to `value`: below 1 gives 1, above 5 gives 5.
    pub fn clamped(value: u8) -> Level {
        Level(value.clamp(Self::MIN, Self::MAX))
    }

    pub fn get(self) -> u8 {
        self.0
    }

    /// Zero-based index into a five-element array of descriptors.
    pub fn index(self) -> usize {
        // Every constructor keeps the value in 1–5; saturating keeps even a
        // broken invariant from panicking here.
        usize::from(self.0.saturating_sub(1))
    }

    /// Indicator score on the 0–100 scale: (level − 1) × 25.
    pub fn score(self) -> f64 {
        f64::from(self.0.saturating_sub(1)) * 25.0
    }

    /// The level whose band a mean level falls in: the floor, clamped to 1–5.
    /// Total: ±infinity clamp to 5 or 1, and NaN (no value at all) gives the
    /// lowest level; callers that must tell "no value" apart use
    /// [`Level::try_from_mean`].
    pub fn from_mean(mean_level: f64) -> Level {
        Level::try_from_mean(mean_level).unwrap_or(Level(Self::MIN))
    }

    /// [`Level::from_mean`], but `None` for NaN, which is no value.
    pub fn try_from_mean(mean_level: f64) -> Option<Level> {
        if mean_level.is_nan() {
            return None;
        }
        let floored = mean_level
            .floor()
            .clamp(f64::from(Self::MIN), f64::from(Self::MAX));
        // Not NaN, and the clamp keeps the value in 1..=5, so the cast is exact.
        Some(Level(floored as u8))
    }
}

impl TryFrom<u8> for Level {
    type Error = String;

    fn try_from(value: u8) -> Result<Self, Self::Error> {
        Level::new(value).ok_or_else(|| {
            format!("level {value} is outside 1–5; use a whole number from 1 to 5, or NotApplicable")
        })
    }
}

impl From<Level> for u8 {
    fn from(level: Level) -> u8 {
        level.0
    }
}

impl std::fmt::Display for Level {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// Converts a 0–100 score to the mean-level scale (1–5).
pub fn score_to_level(score: f64) -> f64 {
    score / 25.0 + 1.0
}

/// The indices of targets that repeat an earlier one's department (or all
/// departments), dimension and indicator: only one target can apply to each,
/// so validation and the settings window refuse the repeats.
pub fn repeated_targets(targets: &[Target]) -> Vec<usize> {
    let mut seen = std::collections::BTreeSet::new();
    targets
        .iter()
        .enumerate()
        .filter(|(_, t)| {
            !seen.insert((
                t.department.as_deref(),
                t.dimension.as_str(),
                t.indicator.as_deref(),
            ))
        })
        .map(|(index, _)| index)
        .collect()
}

/// Everything a workspace folder holds, once loaded: the settings, the
/// framework they refer to, and every assessment that parsed.
#[derive(Clone, Debug, PartialEq)]
pub struct Dataset {
    pub workspace: Workspace,
    pub framework: Framework,
    /// Sorted by department id, then period.
    pub assessments: Vec<Assessment>,
    /// Assessment files that exist but could not be used (they do not parse,
    /// or their content was rejected), sorted by department, then period.
    /// A department whose newest file is here must not be shown with an
    /// older result as if it were current.
    pub unreadable: Vec<UnreadableAssessment>,
    /// Every action of every plan file that loaded, sorted by id.
    pub actions: Vec<Action>,
}

/// An assessment file that is there but could not be read.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct UnreadableAssessment {
    pub department: String,
    /// The period its file name says.
    pub period: chrono::NaiveDate,
    /// Relative to the workspace folder.
    pub file: std::path::PathBuf,
}

impl Dataset {
    pub fn new(workspace: Workspace, framework: Framework, mut assessments: Vec<Assessment>) -> Self {
        assessments.sort_by(|a, b| (&a.department, a.period).cmp(&(&b.department, b.period)));
        Dataset {
            workspace,
            framework,
            assessments,
            unreadable: Vec::new(),
            actions: Vec::new(),
        }
    }

    /// The same dataset with the plans' actions.
    #[must_use]
    pub fn with_actions(mut self, mut actions: Vec<Action>) -> Self {
        actions.sort_by(|a, b| a.id.cmp(&b.id));
        self.actions = actions;
        self
    }

    /// The actions for `department` (its own and the government-wide ones
    /// that include it).
    pub fn actions_for<'a>(&'a self, department: &'a str) -> impl Iterator<Item = &'a Action> + 'a {
        self.actions
            .iter()
            .filter(move |a| a.covers_department(department))
    }

    /// The same dataset, knowing which assessment files could not be read.
    #[must_use]
    pub fn with_unreadable(mut self, mut unreadable: Vec<UnreadableAssessment>) -> Self {
        unreadable.sort();
        self.unreadable = unreadable;
        self
    }

    /// The department's newest assessment file, when it is one that could
    /// not be read (newer than every assessment that loaded).
    pub fn unreadable_latest(&self, department: &str) -> Option<&UnreadableAssessment> {
        let latest = self.latest_for(department, None).map(|a| a.period);
        self.newest_unreadable(department, None)
            .filter(|u| latest.is_none_or(|period| u.period > period))
    }

    /// The department's newest unreadable assessment file dated on or before
    /// `as_of` (any date, if `None`).
    pub fn newest_unreadable(
        &self,
        department: &str,
        as_of: Option<chrono::NaiveDate>,
    ) -> Option<&UnreadableAssessment> {
        self.unreadable
            .iter()
            .filter(|u| u.department == department && as_of.is_none_or(|date| u.period <= date))
            .max_by_key(|u| u.period)
    }

    /// Keeps `assessments` sorted after callers changed it.
    pub fn sort_assessments(&mut self) {
        self.assessments
            .sort_by(|a, b| (&a.department, a.period).cmp(&(&b.department, b.period)));
    }

    /// A department's assessments, oldest first. `assessments` is kept
    /// sorted by department then period, so this is a binary search.
    pub fn department_assessments(&self, department: &str) -> &[Assessment] {
        let start = self
            .assessments
            .partition_point(|a| a.department.as_str() < department);
        let len = self.assessments[start..].partition_point(|a| a.department == department);
        &self.assessments[start..start + len]
    }

    /// A department's assessments, oldest first.
    pub fn history<'a>(&'a self, department: &str) -> impl Iterator<Item = &'a Assessment> + 'a {
        self.department_assessments(department).iter()
    }

    /// The department's latest assessment on or before `as_of` (any, if `None`).
    pub fn latest_for(&self, department: &str, as_of: Option<chrono::NaiveDate>) -> Option<&Assessment> {
        let history = self.department_assessments(department);
        let end = match as_of {
            Some(date) => history.partition_point(|a| a.period <= date),
            None => history.len(),
        };
        end.checked_sub(1).and_then(|i| history.get(i))
    }

    /// The assessment just before `period` for the department, if any.
    pub fn previous_for(&self, department: &str, period: chrono::NaiveDate) -> Option<&Assessment> {
        let history = self.department_assessments(department);
        let end = history.partition_point(|a| a.period < period);
        end.checked_sub(1).and_then(|i| history.get(i))
    }

    pub fn find(&self, department: &str, period: chrono::NaiveDate) -> Option<&Assessment> {
        let history = self.department_assessments(department);
        history
            .binary_search_by(|a| a.period.cmp(&period))
            .ok()
            .and_then(|i| history.get(i))
    }

    pub fn find_mut(&mut self, department: &str, period: chrono::NaiveDate) -> Option<&mut Assessment> {
        let start = self
            .assessments
            .partition_point(|a| a.department.as_str() < department);
        let len = self.assessments[start..].partition_point(|a| a.department == department);
        let history = &mut self.assessments[start..start + len];
        let index = history.binary_search_by(|a| a.period.cmp(&period)).ok()?;
        history.get_mut(index)
    }

    /// Every period that any assessment has, oldest first, without repeats.
    pub fn periods(&self) -> Vec<chrono::NaiveDate> {
        let mut periods: Vec<_> = self.assessments.iter().map(|a| a.period).collect();
        periods.sort();
        periods.dedup();
        periods
    }

    /// The effective weight of a dimension (workspace override, else
    /// framework), kept in 0–[`MAX_WEIGHT`] so that no weight that failed
    /// validation can overflow a mean.
    pub fn dimension_weight(&self, dimension: &Dimension) -> f64 {
        usable_weight(
            self.workspace
                .weights
                .get(&dimension.id)
                .copied()
                .unwrap_or(dimension.weight),
        )
    }

    /// The effective weight of an indicator (workspace override, else
    /// framework), kept in 0–[`MAX_WEIGHT`] like [`Dataset::dimension_weight`].
    pub fn indicator_weight(&self, indicator: &Indicator) -> f64 {
        usable_weight(
            self.workspace
                .weights
                .get(&indicator.id)
                .copied()
                .unwrap_or(indicator.weight),
        )
    }

    /// The target level that applies to a department for a dimension or, when
    /// `indicator` is given, for that indicator (falling back to its dimension).
    /// A department's own target wins over a workspace-wide one.
    pub fn target_for(&self, department: &str, dimension: &str, indicator: Option<&str>) -> Option<&Target> {
        self.workspace.target_for(department, dimension, indicator)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn from_mean_is_total() {
        // Every f64 gives a level in 1–5; the floor picks the band.
        assert_eq!(Level::from_mean(2.99).get(), 2);
        assert_eq!(Level::from_mean(3.0).get(), 3);
        assert_eq!(Level::from_mean(-7.5).get(), 1);
        assert_eq!(Level::from_mean(12.0).get(), 5);
        assert_eq!(Level::from_mean(f64::INFINITY).get(), 5);
        assert_eq!(Level::from_mean(f64::NEG_INFINITY).get(), 1);
        assert_eq!(Level::from_mean(f64::NAN).get(), 1);
        assert_eq!(Level::try_from_mean(f64::NAN), None);
        assert_eq!(Level::try_from_mean(4.5), Level::new(4));
        for value in [f64::NAN, f64::MAX, f64::MIN, -0.0, 0.5, 1e308, f64::MIN_POSITIVE] {
            let level = Level::from_mean(value);
            assert!((1..=5).contains(&level.get()), "{value} gave {level}");
            assert!(level.index() < 5, "{value}");
        }
    }

    #[test]
    fn weights_are_valid_above_zero_up_to_a_thousand() {
        assert!(is_valid_weight(0.1));
        assert!(is_valid_weight(1000.0));
        assert!(!is_valid_weight(1000.5));
        assert!(!is_valid_weight(0.0));
        assert!(!is_valid_weight(-1.0));
        assert!(!is_valid_weight(1e308));
        assert!(!is_valid_weight(f64::NAN));
        assert!(!is_valid_weight(f64::INFINITY));
    }

    #[test]
    fn a_target_repeating_department_dimension_and_indicator_is_repeated() {
        let target = |department: Option<&str>, dimension: &str, indicator: Option<&str>| Target {
            department: department.map(str::to_owned),
            dimension: dimension.to_owned(),
            indicator: indicator.map(str::to_owned),
            level: Level::clamped(3),
            by: chrono::NaiveDate::from_ymd_opt(2026, 12, 31).unwrap_or_default(),
        };
        let targets = [
            target(None, "sharing", None),
            target(Some("health"), "sharing", None),
            target(None, "sharing", Some("sharing.open")),
            target(None, "security", None),
            target(None, "sharing", None),
            target(Some("health"), "sharing", None),
            target(Some("health"), "sharing", Some("sharing.open")),
        ];
        // 4 repeats 0 (all departments, sharing); 5 repeats 1 (health, sharing).
        assert_eq!(repeated_targets(&targets), [4, 5]);
    }

    #[test]
    fn weights_that_failed_validation_are_kept_in_range() {
        assert_eq!(usable_weight(1e308), 1000.0);
        assert_eq!(usable_weight(f64::INFINITY), 1000.0);
        assert_eq!(usable_weight(f64::NAN), 0.0);
        assert_eq!(usable_weight(-3.0), 0.0);
        assert_eq!(usable_weight(2.5), 2.5);
    }
}
