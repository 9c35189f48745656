//! Where every department stands as of one date: the figures behind the
//! Overview screen, `govmaturity summary` and the report's first page.

use chrono::NaiveDate;

use crate::model::{Dataset, Level, Status};

use super::score::{AssessmentScore, score_assessment};

/// One department as of the summary's date.
#[derive(Clone, Debug, PartialEq)]
pub struct DepartmentSummary {
    pub department: String,
    /// Its latest assessment on or before the summary's date.
    pub current: Option<AssessmentScore>,
    /// The assessment just before `current`.
    pub previous: Option<AssessmentScore>,
    /// Change of the overall mean level since `previous`.
    pub change: Option<f64>,
    /// Change of each dimension's mean level since `previous`, in framework
    /// order; `None` where either side has no score. Empty without `current`.
    pub dimension_changes: Vec<Option<f64>>,
}

/// Every active department as of one date.
#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    /// The as-of date; `None` only when the workspace has no assessment.
    pub period: Option<NaiveDate>,
    /// Active departments, in workspace order.
    pub departments: Vec<DepartmentSummary>,
    /// Mean of the departments' overall mean levels.
    pub mean_level: Option<f64>,
    pub stage: Option<Level>,
    /// How many departments are at each stage, level 1 first.
    pub stage_counts: [usize; 5],
    /// Departments with a current assessment.
    pub assessed: usize,
    pub approved: usize,
    /// Draft or Returned.
    pub draft: usize,
    pub submitted: usize,
    /// Answered / applicable over all current assessments pooled, 0–1.
    pub coverage: f64,
}

impl Summary {
    pub fn department(&self, id: &str) -> Option<&DepartmentSummary> {
        self.departments.iter().find(|d| d.department == id)
    }
}

/// Summarises the workspace as of `as_of`: per active department, its latest
/// assessment on or before that date. `None` means the latest period in the
/// workspace. Archived departments are skipped; a department without an
/// assessment is listed with `current: None`.
pub fn summarize(data: &Dataset, as_of: Option<NaiveDate>) -> Summary {
    let period = as_of.or_else(|| data.periods().last().copied());
    let departments: Vec<DepartmentSummary> = data
        .workspace
        .active_departments()
        .map(|department| summarize_department(data, &department.id, period))
        .collect();

    let current: Vec<&AssessmentScore> = departments.iter().filter_map(|d| d.current.as_ref()).collect();
    let levels: Vec<f64> = current.iter().filter_map(|s| s.mean_level).collect();
    let mean_level = mean(&levels);
    let mut stage_counts = [0; 5];
    for stage in current.iter().filter_map(|s| s.stage) {
        stage_counts[stage.index()] += 1;
    }
    let count = |wanted: &[Status]| current.iter().filter(|s| wanted.contains(&s.status)).count();
    let answered: usize = current.iter().map(|s| s.answered).sum();
    let applicable: usize = current.iter().map(|s| s.applicable).sum();

    Summary {
        period,
        mean_level,
        stage: mean_level.map(Level::from_mean),
        stage_counts,
        assessed: current.len(),
        approved: count(&[Status::Approved]),
        draft: count(&[Status::Draft, Status::Returned]),
        submitted: count(&[Status::Submitted]),
        // Indicator counts are far below 2^52, so the conversions are exact.
        coverage: if applicable == 0 {
            0.0
        } else {
            answered as f64 / applicable as f64
        },
        departments,
    }
}

/// One department's current and previous assessment as of `period`.
fn summarize_department(data: &Dataset, department: &str, period: Option<NaiveDate>) -> DepartmentSummary {
    let current_assessment = period.and_then(|date| data.latest_for(department, Some(date)));
    let current = current_assessment.map(|a| score_assessment(data, a));
    let previous = current_assessment
        .and_then(|a| data.previous_for(department, a.period))
        .map(|a| score_assessment(data, a));
    let (change, dimension_changes) = match (&current, &previous) {
        (Some(now), Some(before)) => (
            difference(now.mean_level, before.mean_level),
            now.dimensions
                .iter()
                .map(|d| {
                    difference(
                        d.mean_level,
                        before.dimension(&d.dimension).and_then(|b| b.mean_level),
                    )
                })
                .collect(),
        ),
        (Some(now), None) => (None, vec![None; now.dimensions.len()]),
        _ => (None, Vec::new()),
    };
    DepartmentSummary {
        department: department.to_owned(),
        current,
        previous,
        change,
        dimension_changes,
    }
}

/// `now − before` when both exist.
fn difference(now: Option<f64>, before: Option<f64>) -> Option<f64> {
    Some(now? - before?)
}

/// The arithmetic mean, `None` for no values.
fn mean(values: &[f64]) -> Option<f64> {
    // A department count is far below 2^52, so the conversion is exact.
    (!values.is_empty()).then(|| values.iter().sum::<f64>() / values.len() as f64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::fixture::{self, date, lv};

    #[test]
    fn latest_period_by_default() {
        let data = fixture::dataset();
        let summary = summarize(&data, None);
        assert_eq!(summary.period, Some(date(2025, 6, 30)));
        let ids: Vec<_> = summary
            .departments
            .iter()
            .map(|d| d.department.as_str())
            .collect();
        // Workspace order; the archived department is skipped.
        assert_eq!(ids, ["health", "police", "newdept"]);

        let health = &summary.departments[0];
        let current = health.current.as_ref().map(|s| s.period);
        let previous = health.previous.as_ref().map(|s| s.period);
        assert_eq!(
            (current, previous),
            (Some(date(2025, 6, 30)), Some(date(2024, 12, 31)))
        );
        // 2.75 now, 2.0 before.
        assert_eq!(health.change, Some(0.75));
        // data 2.5 → 3.5, security 2 → 3, talent 1 → 1
        assert_eq!(health.dimension_changes, [Some(1.0), Some(1.0), Some(0.0)]);
    }

    #[test]
    fn totals_across_departments() {
        let data = fixture::dataset();
        let summary = summarize(&data, None);
        // health 2.75 and police 3.0 → 2.875 → stage 2
        assert_eq!(summary.mean_level, Some(2.875));
        assert_eq!(summary.stage, Some(lv(2)));
        assert_eq!(summary.stage_counts, [0, 1, 1, 0, 0]);
        assert_eq!(
            (
                summary.assessed,
                summary.approved,
                summary.submitted,
                summary.draft
            ),
            (2, 1, 1, 0)
        );
        // health 4 of 4 applicable, police 4 of 5 → 8 / 9
        assert!((summary.coverage - 8.0 / 9.0).abs() < 1e-12);
    }

    #[test]
    fn department_without_assessment() {
        let data = fixture::dataset();
        let summary = summarize(&data, None);
        let Some(newdept) = summary.department("newdept") else {
            panic!("newdept is active")
        };
        assert_eq!(newdept.current, None);
        assert_eq!(newdept.previous, None);
        assert_eq!(newdept.change, None);
        assert!(newdept.dimension_changes.is_empty());
    }

    #[test]
    fn single_period_department_has_no_change() {
        let data = fixture::dataset();
        let summary = summarize(&data, None);
        let Some(police) = summary.department("police") else {
            panic!("police is active")
        };
        assert!(police.current.is_some());
        assert_eq!(police.previous, None);
        assert_eq!(police.change, None);
        assert_eq!(police.dimension_changes, [None, None, None]);
        // talent is unanswered: no score, so its change is unknown either way.
        assert_eq!(police.current.as_ref().and_then(|c| c.dimensions[2].score), None);
    }

    #[test]
    fn as_of_picks_latest_on_or_before() {
        let data = fixture::dataset();
        let summary = summarize(&data, Some(date(2025, 1, 31)));
        assert_eq!(summary.period, Some(date(2025, 1, 31)));
        let health = &summary.departments[0];
        assert_eq!(
            health.current.as_ref().map(|s| s.period),
            Some(date(2024, 12, 31))
        );
        assert_eq!(health.previous, None);
        // police's only assessment is later than the as-of date.
        assert_eq!(summary.departments[1].current, None);
        assert_eq!(summary.assessed, 1);
        // health at 2024-12-31: (37.5 × 2 + 25 + 0) / 4 = 25 → mean level 2
        assert_eq!(summary.mean_level, Some(2.0));
        assert_eq!(summary.draft, 1);

        // On the exact period date, that period counts.
        let exact = summarize(&data, Some(date(2025, 6, 30)));
        assert_eq!(exact.assessed, 2);
        // Before anything was assessed, nothing is current.
        let early = summarize(&data, Some(date(2020, 1, 1)));
        assert_eq!((early.assessed, early.mean_level, early.coverage), (0, None, 0.0));
    }

    #[test]
    fn empty_workspace() {
        let mut data = fixture::dataset();
        data.assessments.clear();
        let summary = summarize(&data, None);
        assert_eq!(summary.period, None);
        assert!(summary.departments.iter().all(|d| d.current.is_none()));
        assert_eq!(summary.stage, None);
    }
}
