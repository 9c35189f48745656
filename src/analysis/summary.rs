//! Where every department stands as of one date: the figures behind the
//! Overview screen, `govmaturity summary` and the report's first page.
//!
//! Every figure has a *basis* ([`Basis`]): per department, its latest
//! Approved assessment on or before the date, or its latest assessment of
//! any status. Each department's figure says what it counts ([`Flag`]):
//! provisional (not approved), approved but changed since, carried over
//! (from an earlier date than the one shown) or resting on an older file
//! because the newest could not be read.

use std::path::PathBuf;

use chrono::NaiveDate;

use crate::model::{Assessment, Dataset, Level, Status};

use super::score::{AssessmentScore, score_assessment};
use super::target::{OverallTarget, on_target, overall_target};

/// Which assessments a figure counts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Basis {
    /// Per department, its latest Approved assessment: what gets circulated.
    Approved,
    /// Per department, its latest assessment of any status: work in progress.
    #[default]
    Latest,
}

impl Basis {
    /// The stable code used on the command line and in JSON.
    pub fn code(self) -> &'static str {
        match self {
            Basis::Approved => "approved",
            Basis::Latest => "latest",
        }
    }

    /// Whether an assessment counts on this basis.
    pub fn counts(self, assessment: &Assessment) -> bool {
        match self {
            Basis::Approved => assessment.status == Status::Approved,
            Basis::Latest => true,
        }
    }
}

/// What a department's figure must be read with. The codes are stable: they
/// appear in `summary --format json`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Flag {
    /// The assessment used is not approved.
    Provisional,
    /// The assessment used is approved, but its answers are no longer the
    /// ones approved (see [`Assessment::changed_after_approval`]).
    ChangedAfterApproval,
    /// The assessment used is dated before the period shown.
    CarriedOver,
    /// The department's newest assessment file (on or before the period)
    /// could not be read, so an older one, or none, is used.
    LatestUnreadable,
}

impl Flag {
    pub fn code(self) -> &'static str {
        match self {
            Flag::Provisional => "provisional",
            Flag::ChangedAfterApproval => "changed-after-approval",
            Flag::CarriedOver => "carried-over",
            Flag::LatestUnreadable => "latest-unreadable",
        }
    }
}

/// One department as of the summary's date.
#[derive(Clone, Debug, PartialEq)]
pub struct DepartmentSummary {
    pub department: String,
    /// Its latest assessment on or before the summary's date that counts on
    /// the summary's basis.
    pub current: Option<AssessmentScore>,
    /// The assessment just before `current` that counts on the same basis.
    pub previous: Option<AssessmentScore>,
    /// Change of the overall mean level since `previous`.
    pub change: Option<f64>,
    /// Change of each dimension's mean level since `previous`, in framework
    /// order; `None` where either side has no score. Empty without `current`.
    pub dimension_changes: Vec<Option<f64>>,
    /// In order: provisional or changed after approval, carried over,
    /// latest unreadable.
    pub flags: Vec<Flag>,
    /// The newest assessment file that could not be read, when it is newer
    /// than `current` (see [`Flag::LatestUnreadable`]).
    pub unreadable: Option<PathBuf>,
    /// A newer assessment than `current` that does not count on the
    /// approved basis (a draft in progress): its date and status.
    pub pending: Option<(NaiveDate, Status)>,
    /// Where the department's work stands: the status of its latest
    /// assessment on or before the date, whatever the basis (so "in draft"
    /// still counts drafts when only approved figures are shown).
    pub workflow: Option<Status>,
    /// The weighted mean of the department's dimension targets.
    pub target: Option<OverallTarget>,
    /// Every dimension with a target has reached it.
    pub on_target: Option<bool>,
}

impl DepartmentSummary {
    pub fn has(&self, flag: Flag) -> bool {
        self.flags.contains(&flag)
    }

    /// Not approved: the figure may still change.
    pub fn is_provisional(&self) -> bool {
        self.has(Flag::Provisional)
    }

    /// The date of the assessment the figure uses.
    pub fn assessed_on(&self) -> Option<NaiveDate> {
        self.current.as_ref().map(|c| c.period)
    }
}

/// Every active department as of one date.
#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    pub basis: Basis,
    /// The as-of date; `None` only when no assessment counts on the basis.
    pub period: Option<NaiveDate>,
    /// How far where the work stands is read ([`DepartmentSummary::workflow`]):
    /// the date asked for, or the newest assessment of any status.
    pub horizon: Option<NaiveDate>,
    /// Active departments, in workspace order.
    pub departments: Vec<DepartmentSummary>,
    /// Mean of the departments' overall mean levels.
    pub mean_level: Option<f64>,
    pub stage: Option<Level>,
    /// How many departments are at each stage, level 1 first.
    pub stage_counts: [usize; 5],
    /// Departments with a current assessment.
    pub assessed: usize,
    /// Departments whose current assessment is dated at `period` itself.
    pub at_period: usize,
    /// Departments whose current assessment predates `period`.
    pub carried_over: usize,
    pub approved: usize,
    /// Current but not approved (Draft, Returned or Submitted).
    pub provisional: usize,
    /// Departments whose latest assessment, whatever the basis, is a Draft
    /// or Returned (see [`DepartmentSummary::workflow`]).
    pub draft: usize,
    /// Likewise, Submitted and awaiting review.
    pub submitted: usize,
    /// Likewise, Approved: with `draft` and `submitted`, where the work of
    /// every department stands (the three add up, whatever the basis).
    pub workflow_approved: usize,
    /// Departments whose newest file could not be read.
    pub unreadable: usize,
    /// Departments with newer work than their figure counts (a draft in
    /// progress under the approved basis).
    pub pending: usize,
    /// Answered / applicable over all current assessments pooled, 0–1.
    pub coverage: f64,
}

impl Summary {
    pub fn department(&self, id: &str) -> Option<&DepartmentSummary> {
        self.departments.iter().find(|d| d.department == id)
    }
}

/// Summarises the workspace as of `as_of` on the `latest` basis (see
/// [`summarize_on`]).
pub fn summarize(data: &Dataset, as_of: Option<NaiveDate>) -> Summary {
    summarize_on(data, as_of, Basis::Latest)
}

/// Summarises the workspace as of `as_of`: per active department, its latest
/// assessment on or before that date that counts on `basis`. `None` means
/// the latest period that any assessment counting on the basis has (so a
/// lone draft for a new period does not move the approved summary's date).
/// Archived departments are skipped; a department without an assessment is
/// listed with `current: None`.
pub fn summarize_on(data: &Dataset, as_of: Option<NaiveDate>, basis: Basis) -> Summary {
    let period = as_of.or_else(|| {
        data.assessments
            .iter()
            .filter(|a| basis.counts(a))
            .map(|a| a.period)
            .max()
    });
    // Where the work stands is read up to the date asked for, or, by
    // default, up to the newest assessment of any status: a submission for
    // a period after the latest approved one is still work waiting.
    let horizon = as_of.or_else(|| data.assessments.iter().map(|a| a.period).max());
    // Departments are scored apart from each other, on every core.
    let active: Vec<&str> = data
        .workspace
        .active_departments()
        .map(|d| d.id.as_str())
        .collect();
    let departments: Vec<DepartmentSummary> = crate::parallel::parallel_map(&active, |department| {
        summarize_department(data, department, period, horizon, basis)
    });
    totals(basis, period, horizon, departments)
}

/// Brings `summary` up to date after one department's assessments changed
/// in `data`, without scoring any other department: that department's entry
/// is made again and the totals are added up again. Only valid when the
/// change cannot move the summary's date: the edited assessment already
/// existed with the same date and status (an answer or text edit). Returns
/// false, leaving `summary` as it was, when `department` is not in it.
pub fn resummarize_department(data: &Dataset, summary: &mut Summary, department: &str) -> bool {
    let Some(index) = summary
        .departments
        .iter()
        .position(|d| d.department == department)
    else {
        return false;
    };
    let fresh = summarize_department(data, department, summary.period, summary.horizon, summary.basis);
    let mut departments = std::mem::take(&mut summary.departments);
    departments[index] = fresh;
    *summary = totals(summary.basis, summary.period, summary.horizon, departments);
    true
}

/// The summary's totals over its departments.
fn totals(
    basis: Basis,
    period: Option<NaiveDate>,
    horizon: Option<NaiveDate>,
    departments: Vec<DepartmentSummary>,
) -> Summary {
    let current: Vec<&AssessmentScore> = departments.iter().filter_map(|d| d.current.as_ref()).collect();
    let levels: Vec<f64> = current.iter().filter_map(|s| s.mean_level).collect();
    let mean_level = mean(&levels);
    let mut stage_counts = [0; 5];
    for stage in current.iter().filter_map(|s| s.stage) {
        stage_counts[stage.index()] += 1;
    }
    let count = |wanted: &[Status]| current.iter().filter(|s| wanted.contains(&s.status)).count();
    let in_workflow = |wanted: &[Status]| {
        departments
            .iter()
            .filter(|d| d.workflow.is_some_and(|s| wanted.contains(&s)))
            .count()
    };
    let flagged = |flag: Flag| departments.iter().filter(|d| d.has(flag)).count();
    let answered: usize = current.iter().map(|s| s.answered).sum();
    let applicable: usize = current.iter().map(|s| s.applicable).sum();
    let carried_over = flagged(Flag::CarriedOver);

    Summary {
        basis,
        period,
        horizon,
        mean_level,
        stage: mean_level.map(Level::from_mean),
        stage_counts,
        assessed: current.len(),
        at_period: current.len() - carried_over,
        carried_over,
        approved: count(&[Status::Approved]),
        provisional: flagged(Flag::Provisional),
        draft: in_workflow(&[Status::Draft, Status::Returned]),
        submitted: in_workflow(&[Status::Submitted]),
        workflow_approved: in_workflow(&[Status::Approved]),
        unreadable: flagged(Flag::LatestUnreadable),
        pending: departments.iter().filter(|d| d.pending.is_some()).count(),
        // Indicator counts are far below 2^52, so the conversions are exact.
        coverage: if applicable == 0 {
            0.0
        } else {
            answered as f64 / applicable as f64
        },
        departments,
    }
}

/// The department's latest assessment on or before `period` that counts on
/// `basis`, and the one before it on the same basis.
fn current_and_previous<'a>(
    data: &'a Dataset,
    department: &str,
    period: Option<NaiveDate>,
    basis: Basis,
) -> (Option<&'a Assessment>, Option<&'a Assessment>) {
    let Some(date) = period else {
        return (None, None);
    };
    let mut counted = data
        .department_assessments(department)
        .iter()
        .rev()
        .filter(|a| a.period <= date && basis.counts(a));
    (counted.next(), counted.next())
}

/// One department's current and previous assessment as of `period`.
fn summarize_department(
    data: &Dataset,
    department: &str,
    period: Option<NaiveDate>,
    horizon: Option<NaiveDate>,
    basis: Basis,
) -> DepartmentSummary {
    let (current_assessment, previous_assessment) = current_and_previous(data, department, period, basis);
    let current = current_assessment.map(|a| score_assessment(data, a));
    let previous = previous_assessment.map(|a| score_assessment(data, a));
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

    let used_on = current_assessment.map(|a| a.period);
    let unreadable = period
        .and_then(|date| data.newest_unreadable(department, Some(date)))
        .filter(|u| used_on.is_none_or(|used| u.period > used))
        .map(|u| u.file.clone());
    let latest = horizon.and_then(|date| data.latest_for(department, Some(date)));
    let workflow = latest.map(|a| a.status);
    let pending = latest
        .filter(|a| used_on.is_none_or(|used| a.period > used))
        .map(|a| (a.period, a.status));
    let mut flags = Vec::new();
    if current.as_ref().is_some_and(|c| c.status != Status::Approved) {
        flags.push(Flag::Provisional);
    }
    if current_assessment.is_some_and(|a| a.changed_after_approval().is_some()) {
        flags.push(Flag::ChangedAfterApproval);
    }
    if let (Some(used), Some(date)) = (used_on, period)
        && used < date
    {
        flags.push(Flag::CarriedOver);
    }
    if unreadable.is_some() {
        flags.push(Flag::LatestUnreadable);
    }
    let target = overall_target(data, department);
    let on_target = current.as_ref().and_then(|c| on_target(data, department, c));
    DepartmentSummary {
        department: department.to_owned(),
        current,
        previous,
        change,
        dimension_changes,
        flags,
        unreadable,
        pending,
        workflow,
        target,
        on_target,
    }
}

/// `now − before` when both exist.
/// The change between two mean levels as they are shown: the difference of
/// the two figures rounded to two decimals, so a change always equals the
/// difference of the two columns a reader sees beside it (3.63 → 3.87 is
/// +0.24, even when the unrounded means differ by 0.2349).
fn difference(now: Option<f64>, before: Option<f64>) -> Option<f64> {
    let shown = |v: f64| crate::model::round_half_away(v, crate::model::LEVEL_DECIMALS);
    Some(crate::model::round_half_away(
        shown(now?) - shown(before?),
        crate::model::LEVEL_DECIMALS,
    ))
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
    use crate::model::Rating;

    #[test]
    fn one_department_made_again_equals_the_whole_summary() {
        let framework = crate::store::builtin_framework().unwrap();
        let options = crate::generate::SyntheticOptions {
            departments: 30,
            periods: 3,
            seed: 5,
            last_period: date(2025, 12, 31),
        };
        let (workspace, assessments) = crate::generate::synthetic(&framework, options);
        let mut data = Dataset::new(workspace, framework, assessments);
        for basis in [Basis::Latest, Basis::Approved] {
            for as_of in [None, Some(date(2025, 6, 30))] {
                let mut summary = summarize_on(&data, as_of, basis);
                let department = summary.departments[7].department.clone();
                let current = summary.departments[7].current.as_ref().unwrap().period;
                let indicators: Vec<String> =
                    data.framework.indicators().map(|(_, i)| i.id.clone()).collect();
                let edited = data.find_mut(&department, current).unwrap();
                for (n, indicator) in indicators.iter().enumerate() {
                    let rating = if n % 3 == 0 {
                        Rating::Unanswered
                    } else {
                        Rating::Level(lv(1 + (n % 5) as u8))
                    };
                    fixture::answer(edited, indicator, rating);
                }
                assert!(resummarize_department(&data, &mut summary, &department));
                assert_eq!(summary, summarize_on(&data, as_of, basis), "{basis:?} {as_of:?}");
            }
        }
        let mut summary = summarize(&data, None);
        let before = summary.clone();
        assert!(!resummarize_department(&data, &mut summary, "no-such-department"));
        assert_eq!(summary, before);
    }

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
    fn a_change_is_the_difference_of_the_figures_as_shown() {
        // 2.2349 shows as 2.23 and 2.2651 as 2.27: the change reads +0.04,
        // not the unrounded +0.0302 that would print as +0.03.
        assert_eq!(difference(Some(2.2651), Some(2.2349)), Some(0.04));
        assert_eq!(difference(Some(1.0), Some(1.0)), Some(0.0));
        assert_eq!(difference(None, Some(1.0)), None);
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
    #[test]
    fn latest_basis_marks_unapproved_figures_provisional() {
        let data = fixture::dataset();
        let summary = summarize_on(&data, None, Basis::Latest);
        assert_eq!(summary.basis, Basis::Latest);
        // health's 2025-06-30 is Submitted, police's Approved.
        assert_eq!(summary.departments[0].flags, [Flag::Provisional]);
        assert!(summary.departments[1].flags.is_empty());
        assert_eq!((summary.approved, summary.provisional), (1, 1));
        assert_eq!((summary.at_period, summary.carried_over), (2, 0));
    }

    #[test]
    fn approved_basis_uses_only_approved_assessments() {
        let mut data = fixture::dataset();
        // health: a Draft (2024-12-31) and a Submitted (2025-06-30) — nothing approved yet.
        let summary = summarize_on(&data, None, Basis::Approved);
        // The latest period with an approved assessment (police, old).
        assert_eq!(summary.period, Some(date(2025, 6, 30)));
        let health = &summary.departments[0];
        assert_eq!(health.current, None);
        assert_eq!(health.pending, Some((date(2025, 6, 30), Status::Submitted)));
        assert!(health.flags.is_empty());
        assert_eq!(
            (summary.assessed, summary.approved, summary.provisional),
            (1, 1, 0)
        );
        // Where the work stands does not depend on the basis: health's
        // latest is Submitted.
        assert_eq!((summary.submitted, summary.draft), (1, 0));
        // police Approved, health Submitted, newdept nothing.
        assert_eq!(summary.workflow_approved, 1);
        assert_eq!(health.workflow, Some(Status::Submitted));
        // police 3.0 alone.
        assert_eq!(summary.mean_level, Some(3.0));

        // Approve health's 2024-12-31: it is the approved result, carried over.
        fixture::find_mut(&mut data, "health", date(2024, 12, 31)).status = Status::Approved;
        let summary = summarize_on(&data, None, Basis::Approved);
        let health = &summary.departments[0];
        assert_eq!(health.assessed_on(), Some(date(2024, 12, 31)));
        assert_eq!(health.flags, [Flag::CarriedOver]);
        assert_eq!(health.pending, Some((date(2025, 6, 30), Status::Submitted)));
        assert_eq!((summary.at_period, summary.carried_over), (1, 1));
        // health at 2024-12-31: mean level 2 (see as_of_picks_latest_on_or_before); police 3.
        assert_eq!(summary.mean_level, Some(2.5));
    }

    #[test]
    fn a_lone_draft_for_a_new_period_does_not_move_the_approved_date() {
        let mut data = fixture::dataset();
        let mut draft = fixture::health_2025(&data).clone();
        draft.period = date(2025, 12, 31);
        draft.status = Status::Draft;
        data.assessments.push(draft);
        data.sort_assessments();

        let approved = summarize_on(&data, None, Basis::Approved);
        assert_eq!(approved.period, Some(date(2025, 6, 30)));
        assert_eq!((approved.at_period, approved.carried_over), (1, 0));
        // The draft after the approved period is still work waiting: health's
        // work stands at Draft, and it is newer work not counted.
        let health = &approved.departments[0];
        assert_eq!(health.workflow, Some(Status::Draft));
        assert_eq!(health.pending, Some((date(2025, 12, 31), Status::Draft)));
        assert_eq!((approved.draft, approved.pending), (1, 1));

        // On the latest basis the period is the draft's, and police is carried over.
        let latest = summarize_on(&data, None, Basis::Latest);
        assert_eq!(latest.period, Some(date(2025, 12, 31)));
        assert_eq!((latest.at_period, latest.carried_over), (1, 1));
        let police = &latest.departments[1];
        assert_eq!(police.flags, [Flag::CarriedOver]);
        assert_eq!(police.assessed_on(), Some(date(2025, 6, 30)));
        assert_eq!(latest.departments[0].flags, [Flag::Provisional]);
    }

    #[test]
    fn an_unreadable_newest_file_is_flagged_not_hidden() {
        let data = fixture::dataset().with_unreadable(vec![crate::model::UnreadableAssessment {
            department: "police".into(),
            period: date(2025, 12, 31),
            file: PathBuf::from("police/2025-12-31.ron"),
        }]);
        let summary = summarize_on(&data, Some(date(2025, 12, 31)), Basis::Latest);
        let police = &summary.departments[1];
        // The older, readable result is used, but flagged as such.
        assert_eq!(police.assessed_on(), Some(date(2025, 6, 30)));
        assert_eq!(police.flags, [Flag::CarriedOver, Flag::LatestUnreadable]);
        assert_eq!(police.unreadable, Some(PathBuf::from("police/2025-12-31.ron")));
        assert_eq!(summary.unreadable, 1);
        // Before the unreadable file's date it does not matter.
        let earlier = summarize_on(&data, Some(date(2025, 6, 30)), Basis::Latest);
        assert!(earlier.departments[1].flags.is_empty());
        assert_eq!(earlier.unreadable, 0);
    }

    #[test]
    fn flag_codes_are_stable() {
        let codes: Vec<_> = [
            Flag::Provisional,
            Flag::ChangedAfterApproval,
            Flag::CarriedOver,
            Flag::LatestUnreadable,
        ]
        .iter()
        .map(|f| f.code())
        .collect();
        assert_eq!(
            codes,
            [
                "provisional",
                "changed-after-approval",
                "carried-over",
                "latest-unreadable"
            ]
        );
        assert_eq!(
            (Basis::Approved.code(), Basis::Latest.code()),
            ("approved", "latest")
        );
    }
}
