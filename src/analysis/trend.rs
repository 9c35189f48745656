//! Progress over time: a department's mean level per period, the change
//! since the previous period, and a linear projection of when it reaches
//! its target.
//!
//! The projection fits a least-squares line through the points, with x =
//! days since the first period, and reads off the first day on which the
//! line reaches the target; a day more than [`HORIZON_YEARS`] after the
//! latest period is "not within 10 years at the current pace". Projections
//! are shown to the month.
//!
//! Overall, the target is [`overall_target`] (the weighted mean of the
//! dimension targets) and "reached" means [`on_target`]: every dimension
//! with a target has reached it. The overall projection is therefore when
//! the last of those dimensions reaches its target at its own pace, never
//! the day an average of strong and weak dimensions crosses a line.

use std::collections::BTreeSet;

use chrono::{Months, NaiveDate, TimeDelta};

use crate::model::Dataset;

use super::score::{AssessmentScore, score_assessment};
use super::summary::Basis;
use super::target::{on_target, overall_target};

/// Projections further out than this after the latest period are not
/// dated: "not within 10 years at the current pace".
pub const HORIZON_YEARS: u32 = 10;

/// When, if ever, the target will be reached at the current pace.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Projection {
    /// No target applies.
    NoTarget,
    /// The latest point already meets the target (overall: every dimension
    /// with a target has reached it).
    Reached,
    /// Fewer than two points: no line to draw.
    TooFewPoints,
    /// The fitted line is flat or falling: not on track.
    NotProgressing,
    /// Rising, but too slowly to reach the target within [`HORIZON_YEARS`]
    /// of the latest period.
    BeyondHorizon,
    /// The first day the fitted line reaches the target, within the
    /// horizon. Shown to the month.
    Projected(NaiveDate),
}

impl Projection {
    pub fn date(self) -> Option<NaiveDate> {
        match self {
            Projection::Projected(date) => Some(date),
            _ => None,
        }
    }
}

/// Whether a target will be met by its date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Schedule {
    /// Reached, or projected to be reached by the target date.
    OnSchedule,
    /// Projected after the target date, not within the horizon, or not
    /// progressing.
    Late,
    /// The target date has passed and the target is not reached.
    Overdue,
}

/// A department's mean level over time, overall or for one dimension.
#[derive(Clone, Debug, PartialEq)]
pub struct Trend {
    /// `(period, mean level)`, oldest first; periods without a score are left out.
    pub points: Vec<(NaiveDate, f64)>,
    /// For each point, whether its assessment is not approved (provisional).
    /// Empty for a group mean.
    pub provisional: Vec<bool>,
    /// Change of the mean level between the last two points.
    pub change: Option<f64>,
    /// The target level: the dimension's; overall the weighted mean of the
    /// dimension targets ([`overall_target`]).
    pub target: Option<f64>,
    /// The date the target is due by (overall: the latest of the dimension
    /// targets' dates).
    pub target_by: Option<NaiveDate>,
    pub projection: Projection,
    /// Overall only: the dimension that decides the projection when it is
    /// not progressing or beyond the horizon (the overall level may well be
    /// rising while this one is not), so the outlook can name it.
    pub held_back_by: Option<String>,
}

impl Trend {
    /// Whether the target will be met by its date at the current pace, as
    /// of `today`; `None` when that cannot be told (no target, too few
    /// points, no date). A target date before `today` with the target not
    /// reached is [`Schedule::Overdue`], whatever the projection says.
    pub fn on_schedule(&self, today: NaiveDate) -> Option<Schedule> {
        match (self.projection, self.target_by) {
            (Projection::NoTarget, _) => None,
            (Projection::Reached, _) => Some(Schedule::OnSchedule),
            (_, Some(by)) if by < today => Some(Schedule::Overdue),
            (Projection::TooFewPoints, _) => None,
            (Projection::NotProgressing | Projection::BeyondHorizon, _) => Some(Schedule::Late),
            (Projection::Projected(date), by) => by.map(|by| {
                if date <= by {
                    Schedule::OnSchedule
                } else {
                    Schedule::Late
                }
            }),
        }
    }
}

/// The trend of a department, overall (`dimension: None`) or for one dimension.
pub fn trend(data: &Dataset, department: &str, dimension: Option<&str>) -> Trend {
    trend_on(data, department, dimension, Basis::Latest)
}

/// The trend over the assessments that count on `basis` (on the approved
/// basis, drafts leave no point).
pub fn trend_on(data: &Dataset, department: &str, dimension: Option<&str>, basis: Basis) -> Trend {
    let scores: Vec<AssessmentScore> = data
        .history(department)
        .filter(|a| basis.counts(a))
        .map(|a| score_assessment(data, a))
        .collect();
    let scored: Vec<(&AssessmentScore, f64)> = scores
        .iter()
        .filter_map(|score| Some((score, level_of(score, dimension)?)))
        .collect();
    let points: Vec<(NaiveDate, f64)> = scored.iter().map(|(s, level)| (s.period, *level)).collect();
    let provisional = scored
        .iter()
        .map(|(s, _)| s.status != crate::model::Status::Approved)
        .collect();
    let change = change_of(&points);
    let (target, target_by, (projection, held_back_by)) = match dimension {
        Some(id) => match data.target_for(department, id, None) {
            Some(t) => {
                let level = f64::from(t.level.get());
                (Some(level), Some(t.by), (project(&points, level), None))
            }
            None => (None, None, (Projection::NoTarget, None)),
        },
        None => match overall_target(data, department) {
            Some(t) => {
                let latest = scored.last().map(|(score, _)| *score);
                let projection = overall_projection(data, department, &scores, latest);
                (Some(t.level), t.by, projection)
            }
            None => (None, None, (Projection::NoTarget, None)),
        },
    };
    Trend {
        points,
        provisional,
        change,
        target,
        target_by,
        projection,
        held_back_by,
    }
}

/// Change between the last two points.
pub(crate) fn change_of(points: &[(NaiveDate, f64)]) -> Option<f64> {
    match points {
        [.., (_, before), (_, now)] => Some(now - before),
        _ => None,
    }
}

/// When every dimension with a target will have reached it: `Reached` when
/// the latest scored assessment is on target; otherwise the latest of the
/// dimensions' projections. One dimension not progressing (or beyond the
/// horizon) makes the whole not progressing (or beyond the horizon); one
/// without enough points leaves it untold.
fn overall_projection(
    data: &Dataset,
    department: &str,
    scores: &[AssessmentScore],
    latest: Option<&AssessmentScore>,
) -> (Projection, Option<String>) {
    if latest.is_some_and(|score| on_target(data, department, score) == Some(true)) {
        return (Projection::Reached, None);
    }
    let (ids, projections): (Vec<&str>, Vec<Projection>) = data
        .framework
        .dimensions
        .iter()
        .filter_map(|d| {
            let target = data.target_for(department, &d.id, None)?;
            let points: Vec<(NaiveDate, f64)> = scores
                .iter()
                .filter_map(|s| Some((s.period, s.dimension(&d.id)?.mean_level?)))
                .collect();
            Some((d.id.as_str(), project(&points, f64::from(target.level.get()))))
        })
        .unzip();
    let combined = combine(&projections);
    let held_back_by = matches!(combined, Projection::NotProgressing | Projection::BeyondHorizon)
        .then(|| {
            ids.iter()
                .zip(&projections)
                .find(|(_, p)| **p == combined)
                .map(|(id, _)| (*id).to_owned())
        })
        .flatten();
    (combined, held_back_by)
}

/// The projection of "all of these reached": see [`overall_projection`].
fn combine(projections: &[Projection]) -> Projection {
    let has = |p: Projection| projections.contains(&p);
    if projections.is_empty() {
        Projection::NoTarget
    } else if has(Projection::NotProgressing) {
        Projection::NotProgressing
    } else if has(Projection::BeyondHorizon) {
        Projection::BeyondHorizon
    } else if has(Projection::TooFewPoints) {
        Projection::TooFewPoints
    } else {
        projections
            .iter()
            .filter_map(|p| p.date())
            .max()
            // Every dimension reached on its own latest point, yet the latest
            // assessment is not on target: one has no score there. Untold.
            .map_or(Projection::TooFewPoints, Projection::Projected)
    }
}

/// The mean level of a scored assessment, overall or for one dimension.
fn level_of(score: &AssessmentScore, dimension: Option<&str>) -> Option<f64> {
    match dimension {
        None => score.mean_level,
        Some(id) => score.dimension(id)?.mean_level,
    }
}

/// Projects when `points` (oldest first) reach `target`, by least squares
/// with x = days since the first point. When the line has already crossed
/// the target before the latest period although the latest point lies
/// below it, the projection starts from the latest point at the fitted pace.
/// A day more than [`HORIZON_YEARS`] after the latest point is
/// [`Projection::BeyondHorizon`].
pub fn project(points: &[(NaiveDate, f64)], target: f64) -> Projection {
    let (Some(&(first, _)), Some(&(last, last_level))) = (points.first(), points.last()) else {
        return Projection::TooFewPoints;
    };
    if last_level >= target - 1e-9 {
        return Projection::Reached;
    }
    let xy: Vec<(f64, f64)> = points
        .iter()
        .map(|&(date, level)| (days_between(first, date), level))
        .collect();
    let Some((intercept, slope)) = least_squares(&xy) else {
        return Projection::TooFewPoints;
    };
    if slope <= 0.0 {
        return Projection::NotProgressing;
    }
    let last_x = days_between(first, last);
    let mut x = (target - intercept) / slope;
    if x <= last_x {
        x = last_x + (target - last_level) / slope;
    }
    // The small tolerance keeps an exact crossing (364.000…01) on its own day.
    let days = (x - 1e-6).ceil();
    let Some(horizon) = last.checked_add_months(Months::new(12 * HORIZON_YEARS)) else {
        return Projection::BeyondHorizon;
    };
    if !(days.is_finite() && days <= days_between(first, horizon)) {
        return Projection::BeyondHorizon;
    }
    // Bounded by the horizon above, so the cast is exact.
    let date = TimeDelta::try_days(days as i64).and_then(|delta| first.checked_add_signed(delta));
    date.map_or(Projection::BeyondHorizon, Projection::Projected)
}

/// Whole days from `from` to `to` as f64.
fn days_between(from: NaiveDate, to: NaiveDate) -> f64 {
    // Date spans are far below 2^52 days, so the conversion is exact.
    (to - from).num_days() as f64
}

/// `(intercept, slope)` of the least-squares line through `xy`; `None` for
/// fewer than two distinct x values.
fn least_squares(xy: &[(f64, f64)]) -> Option<(f64, f64)> {
    if xy.len() < 2 {
        return None;
    }
    // A point count is far below 2^52, so the conversion is exact.
    let n = xy.len() as f64;
    let mean_x = xy.iter().map(|p| p.0).sum::<f64>() / n;
    let mean_y = xy.iter().map(|p| p.1).sum::<f64>() / n;
    let sxx: f64 = xy.iter().map(|p| (p.0 - mean_x).powi(2)).sum();
    let sxy: f64 = xy.iter().map(|p| (p.0 - mean_x) * (p.1 - mean_y)).sum();
    if sxx <= 0.0 {
        return None;
    }
    let slope = sxy / sxx;
    Some((mean_y - slope * mean_x, slope))
}

/// A group of departments at one period: the mean, and the min–max band.
#[derive(Clone, Debug, PartialEq)]
pub struct GroupPoint {
    pub period: NaiveDate,
    pub mean: f64,
    pub min: f64,
    pub max: f64,
    /// How many departments have a figure as of this period.
    pub count: usize,
}

/// The mean level of a group of departments per period, with its min–max
/// band, overall or for one dimension. Each period that any of the
/// departments was assessed at appears once, aggregating each department's
/// latest figure on or before that period, exactly as the headline
/// ([`super::summarize_on`]) does: so the last point of the line is the
/// headline's mean, not the mean of only those assessed at that date.
pub fn group_trend(data: &Dataset, departments: &[&str], dimension: Option<&str>) -> Vec<GroupPoint> {
    group_trend_on(data, departments, dimension, Basis::Latest)
}

/// [`group_trend`] over the assessments that count on `basis`.
pub fn group_trend_on(
    data: &Dataset,
    departments: &[&str],
    dimension: Option<&str>,
    basis: Basis,
) -> Vec<GroupPoint> {
    // Each department's points, oldest first.
    let series: Vec<Vec<(NaiveDate, f64)>> = departments
        .iter()
        .map(|department| trend_on(data, department, dimension, basis).points)
        .collect();
    group_points(&series)
}

/// [`group_trend_on`] of series already made: each department's
/// `(period, level)` points, oldest first.
pub fn group_points(series: &[Vec<(NaiveDate, f64)>]) -> Vec<GroupPoint> {
    let periods: BTreeSet<NaiveDate> = series.iter().flatten().map(|(period, _)| *period).collect();
    periods
        .into_iter()
        .filter_map(|period| {
            // Per department, its latest point on or before `period`.
            let levels: Vec<f64> = series
                .iter()
                .filter_map(|points| {
                    let end = points.partition_point(|(p, _)| *p <= period);
                    end.checked_sub(1)
                        .and_then(|i| points.get(i))
                        .map(|(_, level)| *level)
                })
                .collect();
            let count = levels.len();
            let min = levels.iter().copied().reduce(f64::min)?;
            let max = levels.iter().copied().reduce(f64::max)?;
            // A department count is far below 2^52, so the conversion is exact.
            let mean = levels.iter().sum::<f64>() / count as f64;
            Some(GroupPoint {
                period,
                mean,
                min,
                max,
                count,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::fixture::{self, date, lv};
    use crate::analysis::target::tests::six_dimensions;
    use crate::model::Rating;

    #[test]
    fn overall_trend_with_projection() {
        let mut data = fixture::dataset();
        // Talent rises from 1 to 2, so every dimension with a target moves.
        let health = fixture::find_mut(&mut data, "health", date(2025, 6, 30));
        fixture::answer(health, "talent.skills", Rating::Level(lv(2)));
        let t = trend(&data, "health", None);
        // 2024: (37.5 × 2 + 25 + 0) / 4 = 25 → 2.0; 2025: (62.5 × 2 + 50 + 25) / 4 = 50 → 3.0.
        assert_eq!(t.points, [(date(2024, 12, 31), 2.0), (date(2025, 6, 30), 3.0)]);
        assert_eq!(t.change, Some(1.0));
        // Dimension targets data 4 (weight 2) and talent 3 (weight 1):
        // (4 × 2 + 3) / 3 = 3.667, not the lowest of them (3).
        let Some(target) = t.target else {
            panic!("health has targets")
        };
        assert!((target - 11.0 / 3.0).abs() < 1e-8, "{target}");
        assert_eq!(t.target_by, Some(date(2026, 12, 31)));
        // Data 2.5 → 3.5 in 181 days reaches 4 at 1.5 × 181 = 271.5 → day 272;
        // talent 1 → 2 reaches 3 at 2 × 181 = 362 days → 2025-12-28, the later.
        assert_eq!(t.projection, Projection::Projected(date(2025, 12, 28)));
        assert_eq!(t.on_schedule(date(2025, 7, 1)), Some(Schedule::OnSchedule));
        // After 2026-12-31 without reaching it: overdue.
        assert_eq!(t.on_schedule(date(2027, 1, 1)), Some(Schedule::Overdue));
    }

    #[test]
    fn below_target_in_five_of_six_dimensions_is_not_reached() {
        // d1 at 5 (target 2), d2–d6 at 3 (target 4), twice: the mean 3.333
        // is above the lowest target (2), which once read "target already
        // reached". Nothing rises, so it is not on track.
        let flat = six_dimensions(&[
            (date(2024, 12, 31), [5, 3, 3, 3, 3, 3]),
            (date(2025, 6, 30), [5, 3, 3, 3, 3, 3]),
        ]);
        let t = trend(&flat, "dept", None);
        assert_ne!(t.projection, Projection::Reached);
        assert_eq!(t.projection, Projection::NotProgressing);
        assert_eq!(t.on_schedule(date(2025, 7, 1)), Some(Schedule::Late));
        // d2–d6 rising 2 → 3 in 181 days reach 4 after another 181: day 362.
        let rising = six_dimensions(&[
            (date(2024, 12, 31), [5, 2, 2, 2, 2, 2]),
            (date(2025, 6, 30), [5, 3, 3, 3, 3, 3]),
        ]);
        let t = trend(&rising, "dept", None);
        assert_eq!(t.projection, Projection::Projected(date(2025, 12, 28)));
        // All six at or above target: reached.
        let done = six_dimensions(&[(date(2025, 6, 30), [2, 4, 4, 4, 4, 5])]);
        assert_eq!(trend(&done, "dept", None).projection, Projection::Reached);
    }

    #[test]
    fn dimension_trends() {
        let data = fixture::dataset();
        let data_dim = trend(&data, "health", Some("data"));
        assert_eq!(
            data_dim.points,
            [(date(2024, 12, 31), 2.5), (date(2025, 6, 30), 3.5)]
        );
        assert_eq!(data_dim.target, Some(4.0));
        // 2.5 → 4 at 1 / 181 per day: 271.5 days → day 272 → 2025-09-29.
        assert_eq!(data_dim.projection, Projection::Projected(date(2025, 9, 29)));
        // talent stays at 1: not on track.
        let talent = trend(&data, "health", Some("talent"));
        assert_eq!(talent.change, Some(0.0));
        assert_eq!(talent.projection, Projection::NotProgressing);
        assert_eq!(talent.on_schedule(date(2025, 7, 1)), Some(Schedule::Late));
        // …and with it the overall trend.
        assert_eq!(
            trend(&data, "health", None).projection,
            Projection::NotProgressing
        );
        // security has no dimension target.
        let security = trend(&data, "health", Some("security"));
        assert_eq!(
            (security.target, security.projection),
            (None, Projection::NoTarget)
        );
        assert_eq!(security.on_schedule(date(2025, 7, 1)), None);
    }

    #[test]
    fn reached_target_is_not_a_projection() {
        let mut data = fixture::dataset();
        for target in &mut data.workspace.targets {
            if target.dimension == "data" {
                target.level = lv(3);
            }
        }
        let t = trend(&data, "health", Some("data"));
        assert_eq!(t.projection, Projection::Reached);
        assert_eq!(t.projection.date(), None);
        // Reached stays on schedule even after the target date.
        assert_eq!(t.on_schedule(date(2030, 1, 1)), Some(Schedule::OnSchedule));
    }

    #[test]
    fn single_period_department_has_no_trend() {
        let data = fixture::dataset();
        let t = trend(&data, "police", Some("data"));
        assert_eq!(t.points, [(date(2025, 6, 30), 3.0)]);
        assert_eq!(t.change, None);
        assert_eq!(t.projection, Projection::TooFewPoints);
        assert_eq!(t.on_schedule(date(2025, 7, 1)), None);
        // …but a past target date is overdue all the same.
        assert_eq!(t.on_schedule(date(2027, 1, 1)), Some(Schedule::Overdue));
        // talent was never answered: no points at all.
        let talent = trend(&data, "police", Some("talent"));
        assert!(talent.points.is_empty());
        assert_eq!(talent.projection, Projection::TooFewPoints);
        // A department with no assessment has an empty trend.
        let none = trend(&data, "newdept", None);
        assert!(none.points.is_empty());
        assert_eq!(none.change, None);
        assert_eq!(none.projection, Projection::TooFewPoints);
    }

    #[test]
    fn projection_date_arithmetic() {
        // 2024 is a leap year: 2024-01-01 → 2024-07-01 is 182 days.
        let points = [(date(2024, 1, 1), 2.0), (date(2024, 7, 1), 3.0)];
        // 2 → 4 at 1 / 182 per day: exactly 364 days → 2024-12-30.
        assert_eq!(project(&points, 4.0), Projection::Projected(date(2024, 12, 30)));
        // 2 → 3.5: 1.5 × 182 = 273 days → 2024-09-30.
        assert_eq!(project(&points, 3.5), Projection::Projected(date(2024, 9, 30)));
        // 2 → 3.01: 1.01 × 182 = 183.82 days, rounded up to day 184 → 2024-07-03.
        assert_eq!(project(&points, 3.01), Projection::Projected(date(2024, 7, 3)));
        assert_eq!(project(&points, 3.0), Projection::Reached);
        assert_eq!(project(&points[..1], 4.0), Projection::TooFewPoints);
        assert_eq!(project(&[], 4.0), Projection::TooFewPoints);
        let falling = [(date(2024, 1, 1), 3.0), (date(2024, 7, 1), 2.0)];
        assert_eq!(project(&falling, 4.0), Projection::NotProgressing);
    }

    #[test]
    fn projections_stop_at_ten_years() {
        // 1.0 → 1.5 in 182 days: 5 is 4 / (0.5 / 182) = 1456 days after
        // 2024-01-01 → 2027-12-27, well within ten years.
        let brisk = [(date(2024, 1, 1), 1.0), (date(2024, 7, 1), 1.5)];
        assert_eq!(project(&brisk, 5.0), Projection::Projected(date(2027, 12, 27)));
        // 1.0 → 1.1: 4 / (0.1 / 182) = 7280 days → 2043, past the horizon
        // 2034-07-01 (ten years after the latest point).
        let slow = [(date(2024, 1, 1), 1.0), (date(2024, 7, 1), 1.1)];
        assert_eq!(project(&slow, 5.0), Projection::BeyondHorizon);
        // A crawl that would take centuries too.
        let crawl = [(date(2024, 1, 1), 1.0), (date(2024, 7, 1), 1.0001)];
        assert_eq!(project(&crawl, 5.0), Projection::BeyondHorizon);
        // The edge: 2024-01-01 → 2034-07-01 is 3653 + 181 = 3834 days. At
        // 1 / 182 per day from 2.0 (x = 0), 3834 / 182 = 21.066 levels up.
        let edge = [(date(2024, 1, 1), 2.0), (date(2024, 7, 1), 3.0)];
        let at = 2.0 + 3834.0 / 182.0;
        assert_eq!(project(&edge, at), Projection::Projected(date(2034, 7, 1)));
        assert_eq!(project(&edge, at + 1.0 / 182.0), Projection::BeyondHorizon);
    }

    #[test]
    fn schedule_states() {
        let trend = |projection, by| Trend {
            points: vec![(date(2025, 6, 30), 2.0)],
            provisional: vec![false],
            change: None,
            target: Some(4.0),
            target_by: by,
            projection,
            held_back_by: None,
        };
        let today = date(2026, 1, 15);
        let by = Some(date(2026, 12, 31));
        let on = |p| trend(p, by).on_schedule(today);
        // Projected in the month of the target date, before it: on schedule.
        assert_eq!(
            on(Projection::Projected(date(2026, 12, 31))),
            Some(Schedule::OnSchedule)
        );
        assert_eq!(on(Projection::Projected(date(2027, 1, 1))), Some(Schedule::Late));
        assert_eq!(on(Projection::BeyondHorizon), Some(Schedule::Late));
        assert_eq!(on(Projection::NotProgressing), Some(Schedule::Late));
        assert_eq!(on(Projection::TooFewPoints), None);
        assert_eq!(on(Projection::NoTarget), None);
        // A target date of 2025-12-31, passed by 2026-01-15: overdue, even
        // where the line would still reach the target "on schedule" by its
        // own reckoning, or is not tellable.
        let past = Some(date(2025, 12, 31));
        for p in [
            Projection::Projected(date(2026, 3, 1)),
            Projection::TooFewPoints,
            Projection::NotProgressing,
            Projection::BeyondHorizon,
        ] {
            assert_eq!(
                trend(p, past).on_schedule(today),
                Some(Schedule::Overdue),
                "{p:?}"
            );
        }
        // Due today is not yet overdue.
        assert_eq!(
            trend(Projection::TooFewPoints, Some(today)).on_schedule(today),
            None
        );
        assert_eq!(
            trend(Projection::Reached, past).on_schedule(today),
            Some(Schedule::OnSchedule)
        );
        // Without a date there is no schedule to keep.
        assert_eq!(
            trend(Projection::Projected(date(2026, 3, 1)), None).on_schedule(today),
            None
        );
    }

    #[test]
    fn least_squares_over_three_points() {
        // x = 0, 100, 200; y = 1, 2, 2 → slope 0.005, intercept 7/6;
        // the line reaches 3 at x = (3 − 7/6) / 0.005 = 366.7 → day 367.
        let points = [
            (date(2023, 1, 1), 1.0),
            (date(2023, 4, 11), 2.0),
            (date(2023, 7, 20), 2.0),
        ];
        assert_eq!(project(&points, 3.0), Projection::Projected(date(2024, 1, 3)));
    }

    #[test]
    fn projection_never_lands_before_the_latest_period() {
        // x = 0, 1, 2; y = 1, 4, 3.5: slope 1.25, the line passes 3.8 at
        // x ≈ 1.8, yet the latest point (3.5) is still short. From the
        // latest point at the fitted pace: 2 + 0.3 / 1.25 = 2.24 → day 3.
        let points = [
            (date(2024, 1, 1), 1.0),
            (date(2024, 1, 2), 4.0),
            (date(2024, 1, 3), 3.5),
        ];
        assert_eq!(project(&points, 3.8), Projection::Projected(date(2024, 1, 4)));
    }

    #[test]
    fn group_trend_has_mean_and_band() {
        let data = fixture::dataset();
        let group = group_trend(&data, &["health", "police", "newdept"], None);
        assert_eq!(
            group,
            [
                GroupPoint {
                    period: date(2024, 12, 31),
                    mean: 2.0,
                    min: 2.0,
                    max: 2.0,
                    count: 1
                },
                GroupPoint {
                    period: date(2025, 6, 30),
                    mean: 2.875,
                    min: 2.75,
                    max: 3.0,
                    count: 2
                },
            ]
        );
        assert!(group_trend(&data, &[], None).is_empty());
    }

    #[test]
    fn the_approved_basis_leaves_unapproved_points_out() {
        let mut data = fixture::dataset();
        // health: a Draft (2024-12-31) and a Submitted (2025-06-30).
        assert_eq!(trend(&data, "health", None).points.len(), 2);
        assert!(trend_on(&data, "health", None, Basis::Approved).points.is_empty());
        fixture::find_mut(&mut data, "health", date(2024, 12, 31)).status = crate::model::Status::Approved;
        let approved = trend_on(&data, "health", None, Basis::Approved);
        let dates: Vec<_> = approved.points.iter().map(|(d, _)| *d).collect();
        assert_eq!(dates, [date(2024, 12, 31)]);
        assert_eq!(approved.provisional, [false]);
        // On the latest basis health's Submitted 2025-06-30 point is provisional.
        assert_eq!(trend(&data, "health", None).provisional, [false, true]);
        let band = group_trend_on(&data, &["health", "police"], None, Basis::Approved);
        assert_eq!(band.len(), 2, "health 2024-12-31 and police 2025-06-30");
        // At 2025-06-30 health's approved 2024-12-31 figure (2.0) is carried
        // over beside police's 3.0, as the headline counts it: mean 2.5.
        assert_eq!((band[1].mean, band[1].count), (2.5, 2));
        let summary = crate::analysis::summarize_on(&data, None, Basis::Approved);
        assert_eq!(summary.mean_level, Some(band[1].mean));
    }
}
