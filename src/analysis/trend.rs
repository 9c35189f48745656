//! Progress over time: a department's mean level per period, the change
//! since the previous period, and a linear projection of when it reaches
//! its target.
//!
//! The projection fits a least-squares line through the department's
//! points, with x = days since its first period, and reads off the first
//! day on which the line reaches the target.

use std::collections::BTreeMap;

use chrono::{NaiveDate, TimeDelta};

use crate::model::{Dataset, Level, Target};

use super::score::{AssessmentScore, score_assessment};

/// Projections further out than this count as not progressing.
const MAX_PROJECTION_DAYS: f64 = 100.0 * 365.25;

/// When, if ever, the target will be reached at the current pace.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Projection {
    /// No target applies.
    NoTarget,
    /// The latest point already meets the target.
    Reached,
    /// Fewer than two points: no line to draw.
    TooFewPoints,
    /// The fitted line is flat or falling (or would take over a century):
    /// not on track.
    NotProgressing,
    /// The first day the fitted line reaches the target.
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

/// A department's mean level over time, overall or for one dimension.
#[derive(Clone, Debug, PartialEq)]
pub struct Trend {
    /// `(period, mean level)`, oldest first; periods without a score are left out.
    pub points: Vec<(NaiveDate, f64)>,
    /// Change of the mean level between the last two points.
    pub change: Option<f64>,
    /// The dimension's target; overall, the lowest of the department's
    /// dimension targets (meeting every dimension target implies at least
    /// that stage).
    pub target: Option<Level>,
    /// The date the target is due by.
    pub target_by: Option<NaiveDate>,
    pub projection: Projection,
}

impl Trend {
    /// Whether the target will be met by its date at the current pace;
    /// `None` when that cannot be told (no target, too few points).
    pub fn on_schedule(&self) -> Option<bool> {
        match self.projection {
            Projection::Reached => Some(true),
            Projection::NotProgressing => Some(false),
            Projection::Projected(date) => self.target_by.map(|by| date <= by),
            Projection::NoTarget | Projection::TooFewPoints => None,
        }
    }
}

/// The trend of a department, overall (`dimension: None`) or for one dimension.
pub fn trend(data: &Dataset, department: &str, dimension: Option<&str>) -> Trend {
    let points: Vec<(NaiveDate, f64)> = data
        .history(department)
        .filter_map(|a| Some((a.period, level_of(&score_assessment(data, a), dimension)?)))
        .collect();
    let change = match points.as_slice() {
        [.., (_, before), (_, now)] => Some(now - before),
        _ => None,
    };
    let target = target_of(data, department, dimension);
    let projection = match target {
        Some(target) => project(&points, f64::from(target.level.get())),
        None => Projection::NoTarget,
    };
    Trend {
        points,
        change,
        target: target.map(|t| t.level),
        target_by: target.map(|t| t.by),
        projection,
    }
}

/// The mean level of a scored assessment, overall or for one dimension.
fn level_of(score: &AssessmentScore, dimension: Option<&str>) -> Option<f64> {
    match dimension {
        None => score.mean_level,
        Some(id) => score.dimension(id)?.mean_level,
    }
}

/// The target that governs a trend (see [`Trend::target`]).
fn target_of<'a>(data: &'a Dataset, department: &str, dimension: Option<&str>) -> Option<&'a Target> {
    match dimension {
        Some(id) => data.target_for(department, id, None),
        None => data
            .framework
            .dimensions
            .iter()
            .filter_map(|d| data.target_for(department, &d.id, None))
            .min_by_key(|t| t.level),
    }
}

/// Projects when `points` (oldest first) reach `target`, by least squares
/// with x = days since the first point. When the line has already crossed
/// the target before the latest period although the latest point lies
/// below it, the projection starts from the latest point at the fitted pace.
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
    if !(days.is_finite() && days <= MAX_PROJECTION_DAYS) {
        return Projection::NotProgressing;
    }
    // Bounded by MAX_PROJECTION_DAYS above, so the cast is exact.
    let date = TimeDelta::try_days(days as i64).and_then(|delta| first.checked_add_signed(delta));
    date.map_or(Projection::NotProgressing, Projection::Projected)
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
    /// How many departments have a point at this period.
    pub count: usize,
}

/// The mean level of a group of departments per period, with its min–max
/// band, overall or for one dimension. Each period that any of the
/// departments was assessed at appears once, aggregating the departments
/// with a score at exactly that period.
pub fn group_trend(data: &Dataset, departments: &[&str], dimension: Option<&str>) -> Vec<GroupPoint> {
    let mut by_period: BTreeMap<NaiveDate, Vec<f64>> = BTreeMap::new();
    for department in departments {
        for (period, level) in trend(data, department, dimension).points {
            by_period.entry(period).or_default().push(level);
        }
    }
    by_period
        .into_iter()
        .filter_map(|(period, levels)| {
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

    #[test]
    fn overall_trend_with_projection() {
        let data = fixture::dataset();
        let t = trend(&data, "health", None);
        assert_eq!(t.points, [(date(2024, 12, 31), 2.0), (date(2025, 6, 30), 2.75)]);
        assert_eq!(t.change, Some(0.75));
        // Health's dimension targets are data 4 and talent 3: overall target 3.
        assert_eq!(t.target, Some(lv(3)));
        assert_eq!(t.target_by, Some(date(2026, 12, 31)));
        // 181 days between the points; slope 0.75 / 181 per day; from 2.0 to
        // 3.0 takes 181 / 0.75 = 241.3 days → day 242 → 2025-08-30.
        assert_eq!(t.projection, Projection::Projected(date(2025, 8, 30)));
        assert_eq!(t.on_schedule(), Some(true));
    }

    #[test]
    fn dimension_trends() {
        let data = fixture::dataset();
        let data_dim = trend(&data, "health", Some("data"));
        assert_eq!(
            data_dim.points,
            [(date(2024, 12, 31), 2.5), (date(2025, 6, 30), 3.5)]
        );
        // 2.5 → 4 at 1 / 181 per day: 271.5 days → day 272 → 2025-09-29.
        assert_eq!(data_dim.projection, Projection::Projected(date(2025, 9, 29)));
        // talent stays at 1: not on track.
        let talent = trend(&data, "health", Some("talent"));
        assert_eq!(talent.change, Some(0.0));
        assert_eq!(talent.projection, Projection::NotProgressing);
        assert_eq!(talent.on_schedule(), Some(false));
        // security has no dimension target.
        let security = trend(&data, "health", Some("security"));
        assert_eq!(
            (security.target, security.projection),
            (None, Projection::NoTarget)
        );
        assert_eq!(security.on_schedule(), None);
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
        assert_eq!(t.on_schedule(), Some(true));
    }

    #[test]
    fn single_period_department_has_no_trend() {
        let data = fixture::dataset();
        let t = trend(&data, "police", Some("data"));
        assert_eq!(t.points, [(date(2025, 6, 30), 3.0)]);
        assert_eq!(t.change, None);
        assert_eq!(t.projection, Projection::TooFewPoints);
        // talent was never answered: no points at all.
        let talent = trend(&data, "police", Some("talent"));
        assert!(talent.points.is_empty());
        assert_eq!(talent.projection, Projection::TooFewPoints);
        // A department with no assessment has an empty trend.
        let none = trend(&data, "newdept", None);
        assert!(none.points.is_empty());
        assert_eq!(none.change, None);
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
        // A crawl that would take centuries is not on track either.
        let crawl = [(date(2024, 1, 1), 1.0), (date(2024, 7, 1), 1.0001)];
        assert_eq!(project(&crawl, 5.0), Projection::NotProgressing);
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
}
