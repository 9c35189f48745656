//! The domain types of govmaturity: frameworks, workspaces, assessments.
//!
//! Plain data with their invariants and nothing else: no I/O, no egui. The
//! `store` module reads and writes these types as RON files; `analysis`
//! scores them.

mod assessment;
mod framework;
mod ids;
mod text;
mod workspace;

pub use assessment::{Answer, Assessment, AuditEntry, Confidence, Rating, Status, TransitionError};
pub use framework::{Dimension, FRAMEWORK_ID_BUILTIN, Framework, Indicator, LevelDef};
pub use ids::{IdError, is_department_id, is_indicator_id};
pub use text::{Lang, Text};
pub use workspace::{Department, DepartmentKind, FrameworkSource, Target, Workspace};

/// The version of the file formats this program writes. Every file on disk
/// starts with `version: N`; the store migrates older ones and opens newer
/// ones read-only.
pub const FORMAT_VERSION: u32 = 1;

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
        usize::from(self.0 - 1)
    }

    /// Indicator score on the 0–100 scale: (level − 1) × 25.
    pub fn score(self) -> f64 {
        f64::from(self.0 - 1) * 25.0
    }

    /// The level whose band a mean level falls in: the floor, clamped to 1–5.
    pub fn from_mean(mean_level: f64) -> Level {
        let floored = mean_level
            .floor()
            .clamp(f64::from(Self::MIN), f64::from(Self::MAX));
        // The clamp keeps the value in 1..=5, so the cast is exact.
        Level(floored as u8)
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

/// Converts a mean level (1–5) to the 0–100 score scale.
pub fn level_to_score(mean_level: f64) -> f64 {
    (mean_level - 1.0) * 25.0
}

/// Converts a 0–100 score to the mean-level scale (1–5).
pub fn score_to_level(score: f64) -> f64 {
    score / 25.0 + 1.0
}

/// Everything a workspace folder holds, once loaded: the settings, the
/// framework they refer to, and every assessment that parsed.
#[derive(Clone, Debug, PartialEq)]
pub struct Dataset {
    pub workspace: Workspace,
    pub framework: Framework,
    /// Sorted by department id, then period.
    pub assessments: Vec<Assessment>,
}

impl Dataset {
    pub fn new(workspace: Workspace, framework: Framework, mut assessments: Vec<Assessment>) -> Self {
        assessments.sort_by(|a, b| (&a.department, a.period).cmp(&(&b.department, b.period)));
        Dataset {
            workspace,
            framework,
            assessments,
        }
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

    /// The effective weight of a dimension (workspace override, else framework).
    pub fn dimension_weight(&self, dimension: &Dimension) -> f64 {
        self.workspace
            .weights
            .get(&dimension.id)
            .copied()
            .unwrap_or(dimension.weight)
    }

    /// The effective weight of an indicator (workspace override, else framework).
    pub fn indicator_weight(&self, indicator: &Indicator) -> f64 {
        self.workspace
            .weights
            .get(&indicator.id)
            .copied()
            .unwrap_or(indicator.weight)
    }

    /// The target level that applies to a department for a dimension or, when
    /// `indicator` is given, for that indicator (falling back to its dimension).
    /// A department's own target wins over a workspace-wide one.
    pub fn target_for(&self, department: &str, dimension: &str, indicator: Option<&str>) -> Option<&Target> {
        self.workspace.target_for(department, dimension, indicator)
    }
}
