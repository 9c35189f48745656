//! Scores one assessment: indicators, dimensions and the overall stage,
//! exactly as DESIGN.md's "Scoring" section defines them.
//!
//! N/A and unanswered indicators are left out of every average (never
//! counted as zero); a dimension with nothing answered has no score at all.

use chrono::NaiveDate;

use crate::model::{Assessment, Dataset, Dimension, Indicator, Level, Status, score_to_level};

use super::priority::{gap, priority};

/// One indicator of one assessment, scored.
#[derive(Clone, Debug, PartialEq)]
pub struct IndicatorScore {
    pub indicator: String,
    pub dimension: String,
    pub level: Option<Level>,
    pub not_applicable: bool,
    /// 0–100, `(level − 1) × 25`; `None` when unanswered or N/A.
    pub score: Option<f64>,
    /// The indicator's effective weight within its dimension (workspace
    /// override, else framework).
    pub weight: f64,
    /// The indicator's own target, falling back to its dimension's.
    pub target: Option<Level>,
    /// `target − level`, never below 0; `None` without a level or a target.
    pub gap: Option<f64>,
    /// `((1 + gap)² − 1) × indicator weight × dimension weight`.
    pub priority: Option<f64>,
}

/// One dimension of one assessment, scored.
#[derive(Clone, Debug, PartialEq)]
pub struct DimensionScore {
    pub dimension: String,
    /// The dimension's effective weight (workspace override, else framework).
    pub weight: f64,
    /// Weighted mean of the answered indicators' scores, 0–100.
    pub score: Option<f64>,
    /// `score / 25 + 1`, on the 1–5 level scale.
    pub mean_level: Option<f64>,
    /// The lowest answered level: the weakest link, shown beside the mean.
    pub floor: Option<Level>,
    /// The indicator holding the floor (the first one, in framework order).
    pub floor_indicator: Option<String>,
    pub answered: usize,
    /// Indicators not marked N/A.
    pub applicable: usize,
    /// `answered / applicable`; `None` when nothing is applicable.
    pub coverage: Option<f64>,
    pub target: Option<Level>,
    /// `target − mean level`, never below 0.
    pub gap: Option<f64>,
    /// `((1 + gap)² − 1) × dimension weight`.
    pub priority: Option<f64>,
    /// More than one level below the overall stage.
    pub imbalanced: bool,
}

/// One assessment, scored.
#[derive(Clone, Debug, PartialEq)]
pub struct AssessmentScore {
    pub department: String,
    pub period: NaiveDate,
    pub status: Status,
    /// Weighted mean of the dimension scores that exist, 0–100.
    pub score: Option<f64>,
    pub mean_level: Option<f64>,
    /// The level whose band the mean level falls in (its floor).
    pub stage: Option<Level>,
    pub answered: usize,
    pub applicable: usize,
    /// `answered / applicable`, 0–1; 0 when nothing is applicable.
    pub coverage: f64,
    /// In framework order.
    pub dimensions: Vec<DimensionScore>,
    /// In framework order.
    pub indicators: Vec<IndicatorScore>,
}

impl AssessmentScore {
    pub fn dimension(&self, id: &str) -> Option<&DimensionScore> {
        self.dimensions.iter().find(|d| d.dimension == id)
    }

    pub fn indicator(&self, id: &str) -> Option<&IndicatorScore> {
        self.indicators.iter().find(|i| i.indicator == id)
    }
}

/// Scores an assessment against the dataset's framework, weights and targets.
/// Answers to indicators the framework does not define are ignored.
pub fn score_assessment(data: &Dataset, assessment: &Assessment) -> AssessmentScore {
    let mut indicators = Vec::with_capacity(data.framework.indicator_count());
    let mut dimensions = Vec::with_capacity(data.framework.dimensions.len());
    for dimension in &data.framework.dimensions {
        let first = indicators.len();
        let dimension_weight = data.dimension_weight(dimension);
        indicators.extend(
            dimension
                .indicators
                .iter()
                .map(|indicator| score_indicator(data, assessment, dimension_weight, dimension, indicator)),
        );
        dimensions.push(score_dimension(
            data,
            &assessment.department,
            dimension,
            &indicators[first..],
        ));
    }

    let score = weighted_mean(dimensions.iter().filter_map(|d| d.score.map(|s| (s, d.weight))));
    let mean_level = score.map(score_to_level);
    let stage = mean_level.map(Level::from_mean);
    if let Some(stage) = stage {
        for dimension in &mut dimensions {
            dimension.imbalanced = is_imbalanced(stage, dimension.mean_level);
        }
    }
    let answered = dimensions.iter().map(|d| d.answered).sum();
    let applicable = dimensions.iter().map(|d| d.applicable).sum();

    AssessmentScore {
        department: assessment.department.clone(),
        period: assessment.period,
        status: assessment.status,
        score,
        mean_level,
        stage,
        answered,
        applicable,
        coverage: ratio(answered, applicable).unwrap_or(0.0),
        dimensions,
        indicators,
    }
}

/// Scores one indicator; its priority weighs by indicator × dimension weight.
fn score_indicator(
    data: &Dataset,
    assessment: &Assessment,
    dimension_weight: f64,
    dimension: &Dimension,
    indicator: &Indicator,
) -> IndicatorScore {
    let rating = assessment.rating(&indicator.id);
    let level = rating.level();
    let weight = data.indicator_weight(indicator);
    let target = data
        .target_for(&assessment.department, &dimension.id, Some(&indicator.id))
        .map(|t| t.level);
    let gap = level
        .zip(target)
        .map(|(level, target)| gap(target, f64::from(level.get())));
    IndicatorScore {
        indicator: indicator.id.clone(),
        dimension: dimension.id.clone(),
        level,
        not_applicable: rating.is_not_applicable(),
        score: level.map(Level::score),
        weight,
        target,
        gap,
        priority: gap.map(|gap| priority(gap, weight * dimension_weight)),
    }
}

/// The mean level of one dimension of an assessment, exactly as
/// [`score_assessment`] gives it, without scoring the rest (what a target's
/// history needs, for thousands of assessments at a time).
pub fn dimension_mean_level(data: &Dataset, assessment: &Assessment, dimension: &Dimension) -> Option<f64> {
    weighted_mean(dimension.indicators.iter().filter_map(|indicator| {
        let level = assessment.rating(&indicator.id).level()?;
        Some((level.score(), data.indicator_weight(indicator)))
    }))
    .map(score_to_level)
}

/// Scores one dimension from its already scored indicators. `imbalanced`
/// is left false: it needs the overall stage, known only afterwards.
fn score_dimension(
    data: &Dataset,
    department: &str,
    dimension: &Dimension,
    indicators: &[IndicatorScore],
) -> DimensionScore {
    let weight = data.dimension_weight(dimension);
    let score = weighted_mean(indicators.iter().filter_map(|i| i.score.map(|s| (s, i.weight))));
    let mean_level = score.map(score_to_level);
    let weakest = indicators
        .iter()
        .filter_map(|i| i.level.map(|level| (level, &i.indicator)))
        .min_by_key(|(level, _)| *level);
    let answered = indicators.iter().filter(|i| i.level.is_some()).count();
    let applicable = indicators.iter().filter(|i| !i.not_applicable).count();
    let target = data.target_for(department, &dimension.id, None).map(|t| t.level);
    let gap = mean_level.zip(target).map(|(mean, target)| gap(target, mean));
    DimensionScore {
        dimension: dimension.id.clone(),
        weight,
        score,
        mean_level,
        floor: weakest.map(|(level, _)| level),
        floor_indicator: weakest.map(|(_, id)| id.clone()),
        answered,
        applicable,
        coverage: ratio(answered, applicable),
        target,
        gap,
        priority: gap.map(|gap| priority(gap, weight)),
        imbalanced: false,
    }
}

/// Whether a dimension's mean level lies more than one level below the stage.
pub fn is_imbalanced(stage: Level, mean_level: Option<f64>) -> bool {
    mean_level.is_some_and(|mean| f64::from(stage.get()) - mean > 1.0)
}

/// The weighted mean of `(value, weight)` pairs. Pairs whose value is not
/// finite or whose weight is not a positive finite number are left out;
/// `None` when no weight remains. The result is rounded to 1e-9 so that sums
/// like 0.1 + 0.2 cannot push a mean level of exactly 3 down to 2.999… and
/// so into the wrong stage.
///
/// Total: weights or values so large that the plain sums overflow are
/// summed again scaled down by the largest of each, and a result that is
/// still not finite is `None`, never NaN.
pub fn weighted_mean(pairs: impl Iterator<Item = (f64, f64)>) -> Option<f64> {
    let pairs: Vec<(f64, f64)> = pairs
        .filter(|(value, weight)| value.is_finite() && weight.is_finite() && *weight > 0.0)
        .collect();
    let sums = |value_scale: f64, weight_scale: f64| {
        pairs.iter().fold((0.0, 0.0), |(sum, total), (value, weight)| {
            let weight = weight / weight_scale;
            (sum + value / value_scale * weight, total + weight)
        })
    };
    let (sum, total) = sums(1.0, 1.0);
    let mean = if sum.is_finite() && total.is_finite() {
        sum / total
    } else {
        let largest = |pick: fn(&(f64, f64)) -> f64| pairs.iter().map(pick).fold(0.0, f64::max);
        let value_scale = largest(|(value, _)| value.abs()).max(1.0);
        let weight_scale = largest(|(_, weight)| *weight);
        let (sum, total) = sums(value_scale, weight_scale);
        sum / total * value_scale
    };
    if !(total > 0.0 && mean.is_finite()) {
        return None;
    }
    let rounded = (mean * 1e9).round() / 1e9;
    Some(if rounded.is_finite() { rounded } else { mean })
}

/// `part / whole`, or `None` when `whole` is 0.
fn ratio(part: usize, whole: usize) -> Option<f64> {
    // Counts of indicators are far below 2^52, so the conversions are exact.
    (whole > 0).then(|| part as f64 / whole as f64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::fixture::{self, date, lv};
    use crate::model::Rating;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn indicator_score_is_level_minus_one_times_25() {
        let data = fixture::dataset();
        let score = score_assessment(&data, fixture::health_2025(&data));
        let scores: Vec<_> = score.indicators.iter().map(|i| i.score).collect();
        // data.sharing 2, data.open 4, security.policy 3, security.audit N/A, talent.skills 1
        assert_eq!(scores, [Some(25.0), Some(75.0), Some(50.0), None, Some(0.0)]);
    }

    #[test]
    fn weighted_dimension_and_overall_scores() {
        let data = fixture::dataset();
        let score = score_assessment(&data, fixture::health_2025(&data));
        let data_dim = &score.dimensions[0];
        // (25 × 1 + 75 × 3) / 4 = 62.5
        assert_eq!(data_dim.score, Some(62.5));
        assert_eq!(data_dim.mean_level, Some(3.5));
        assert_eq!(data_dim.floor, Some(lv(2)));
        assert_eq!(data_dim.floor_indicator.as_deref(), Some("data.sharing"));
        // Overall: (62.5 × 2 + 50 × 1 + 0 × 1) / 4 = 43.75 → mean level 2.75 → stage 2
        assert_eq!(score.score, Some(43.75));
        assert_eq!(score.mean_level, Some(2.75));
        assert_eq!(score.stage, Some(lv(2)));
    }

    #[test]
    fn workspace_weight_overrides_apply() {
        let mut data = fixture::dataset();
        data.workspace.weights.insert("data.open".into(), 1.0);
        data.workspace.weights.insert("talent".into(), 3.0);
        let score = score_assessment(&data, fixture::health_2025(&data));
        // data: (25 + 75) / 2 = 50; overall (50 × 2 + 50 × 1 + 0 × 3) / 6 = 25
        assert_eq!(score.dimensions[0].score, Some(50.0));
        assert_eq!(score.dimensions[2].weight, 3.0);
        assert_eq!(score.score, Some(25.0));
        assert_eq!(score.stage, Some(lv(2)));
    }

    #[test]
    fn not_applicable_is_excluded_not_zero() {
        let data = fixture::dataset();
        let score = score_assessment(&data, fixture::health_2025(&data));
        let security = &score.dimensions[1];
        // security.policy 3 and security.audit N/A: the mean is 50, not 25.
        assert_eq!(security.score, Some(50.0));
        assert_eq!((security.answered, security.applicable), (1, 1));
        assert_eq!(security.coverage, Some(1.0));
        assert!(score.indicators[3].not_applicable);
        assert_eq!(score.indicators[3].gap, None);
    }

    #[test]
    fn unanswered_is_excluded_and_lowers_coverage() {
        let mut data = fixture::dataset();
        let health = fixture::find_mut(&mut data, "health", date(2025, 6, 30));
        health.answers.remove("security.audit");
        let score = score_assessment(&data, fixture::health_2025(&data));
        let security = &score.dimensions[1];
        assert_eq!(security.score, Some(50.0));
        assert_eq!((security.answered, security.applicable), (1, 2));
        assert_eq!(security.coverage, Some(0.5));
        // 4 of 5 indicators answered overall.
        assert_eq!((score.answered, score.applicable), (4, 5));
        assert!(close(score.coverage, 0.8));
    }

    #[test]
    fn all_not_applicable_dimension_has_no_score() {
        let mut data = fixture::dataset();
        let health = fixture::find_mut(&mut data, "health", date(2025, 6, 30));
        fixture::answer(
            health,
            "security.policy",
            Rating::NotApplicable {
                reason: "none".into(),
            },
        );
        let score = score_assessment(&data, fixture::health_2025(&data));
        let security = &score.dimensions[1];
        assert_eq!(security.score, None);
        assert_eq!(security.mean_level, None);
        assert_eq!(security.floor, None);
        assert_eq!(security.coverage, None);
        assert_eq!(security.applicable, 0);
        // Overall leaves security out: (62.5 × 2 + 0 × 1) / 3 = 41.666…
        assert!(close(score.score.unwrap_or(f64::NAN), 125.0 / 3.0));
    }

    #[test]
    fn nothing_answered_has_no_overall_score() {
        let data = fixture::dataset();
        let empty = Assessment::new("health", date(2026, 1, 1), &data.framework);
        let score = score_assessment(&data, &empty);
        assert_eq!((score.score, score.mean_level, score.stage), (None, None, None));
        assert_eq!(score.coverage, 0.0);
        assert!(score.dimensions.iter().all(|d| !d.imbalanced));
    }

    #[test]
    fn nothing_applicable_has_zero_coverage() {
        let data = fixture::dataset();
        let mut all_na = Assessment::new("health", date(2026, 1, 1), &data.framework);
        for (_, indicator) in data.framework.indicators() {
            fixture::answer(
                &mut all_na,
                &indicator.id,
                Rating::NotApplicable { reason: "n".into() },
            );
        }
        let score = score_assessment(&data, &all_na);
        assert_eq!((score.answered, score.applicable, score.coverage), (0, 0, 0.0));
    }

    #[test]
    fn imbalance_is_more_than_one_level_below_stage() {
        let data = fixture::dataset();
        let mut a = Assessment::new("health", date(2026, 1, 1), &data.framework);
        for (id, level) in [
            ("data.sharing", 5),
            ("data.open", 5),
            ("security.policy", 5),
            ("talent.skills", 1),
        ] {
            fixture::answer(&mut a, id, Rating::Level(lv(level)));
        }
        let score = score_assessment(&data, &a);
        // (100 × 2 + 100 + 0) / 4 = 75 → mean level 4 → stage 4; talent at 1 is 3 below.
        assert_eq!(score.stage, Some(lv(4)));
        let flags: Vec<_> = score.dimensions.iter().map(|d| d.imbalanced).collect();
        assert_eq!(flags, [false, false, true]);
        // In the base fixture talent (1) is exactly one below stage 2: not flagged.
        let base = score_assessment(&data, fixture::health_2025(&data));
        assert!(base.dimensions.iter().all(|d| !d.imbalanced));
        assert!(!is_imbalanced(lv(3), Some(2.0)));
        assert!(is_imbalanced(lv(3), Some(1.99)));
    }

    #[test]
    fn gaps_and_priorities() {
        let data = fixture::dataset();
        let score = score_assessment(&data, fixture::health_2025(&data));
        let talent = &score.dimensions[2];
        // Target 3, mean level 1: gap 2, weight 1 → ((1 + 2)² − 1) × 1 = 8
        assert_eq!(
            (talent.target, talent.gap, talent.priority),
            (Some(lv(3)), Some(2.0), Some(8.0))
        );
        let data_dim = &score.dimensions[0];
        // Target 4, mean 3.5: gap 0.5, weight 2 → (1.5² − 1) × 2 = 2.5
        assert_eq!((data_dim.gap, data_dim.priority), (Some(0.5), Some(2.5)));
        // security has only an indicator target, so the dimension has none.
        assert_eq!(score.dimensions[1].target, None);
        assert_eq!(score.dimensions[1].gap, None);

        let sharing = &score.indicators[0];
        // Falls back to the dimension target 4; level 2 → gap 2; weight 1 × 2 → 16
        assert_eq!(
            (sharing.target, sharing.gap, sharing.priority),
            (Some(lv(4)), Some(2.0), Some(16.0))
        );
        let open = &score.indicators[1];
        // Level 4 meets target 4: no shortfall.
        assert_eq!((open.gap, open.priority), (Some(0.0), Some(0.0)));
        let policy = &score.indicators[2];
        // Health's own indicator target 5, level 3 → gap 2, weight 1 × 1 → 8
        assert_eq!(
            (policy.target, policy.gap, policy.priority),
            (Some(lv(5)), Some(2.0), Some(8.0))
        );
    }

    #[test]
    fn one_dimension_alone_scores_as_in_the_whole() {
        let framework = crate::store::builtin_framework().unwrap();
        let options = crate::generate::SyntheticOptions {
            departments: 12,
            periods: 3,
            seed: 9,
            last_period: NaiveDate::from_ymd_opt(2025, 12, 31).unwrap(),
        };
        let (workspace, assessments) = crate::generate::synthetic(&framework, options);
        let data = Dataset::new(workspace, framework, assessments);
        for assessment in &data.assessments {
            let whole = score_assessment(&data, assessment);
            for dimension in &data.framework.dimensions {
                assert_eq!(
                    dimension_mean_level(&data, assessment, dimension),
                    whole.dimension(&dimension.id).unwrap().mean_level
                );
            }
        }
    }

    #[test]
    fn weighted_mean_ignores_non_positive_weights_and_rounds() {
        assert_eq!(weighted_mean([(10.0, 1.0), (20.0, 3.0)].into_iter()), Some(17.5));
        assert_eq!(weighted_mean([(10.0, 0.0)].into_iter()), None);
        assert_eq!(weighted_mean(std::iter::empty()), None);
        assert_eq!(weighted_mean([(10.0, -1.0), (30.0, 1.0)].into_iter()), Some(30.0));
        // 0.1 and 0.2 weights would otherwise give 49.999999999999993.
        assert_eq!(weighted_mean([(50.0, 0.1), (50.0, 0.2)].into_iter()), Some(50.0));
    }

    #[test]
    fn weighted_mean_survives_weights_that_overflow() {
        // 1e308 × 2 overflows; scaled by 1e308 the weights are 1 and 1:
        // (25 × 1 + 75 × 1) / 2 = 50.
        assert_eq!(
            weighted_mean([(25.0, 1e308), (75.0, 1e308)].into_iter()),
            Some(50.0)
        );
        // Scaled, the small weight is 1e-308 of the big one: the mean is 75.
        assert_eq!(
            weighted_mean([(25.0, 1.0), (75.0, f64::MAX)].into_iter()),
            Some(75.0)
        );
        // Infinite and NaN weights and values are left out.
        assert_eq!(
            weighted_mean([(25.0, f64::INFINITY), (75.0, 1.0)].into_iter()),
            Some(75.0)
        );
        assert_eq!(
            weighted_mean([(f64::NAN, 1.0), (75.0, 1.0)].into_iter()),
            Some(75.0)
        );
        assert_eq!(weighted_mean([(25.0, f64::NAN)].into_iter()), None);
        // Huge values: (1e308 × 1 + 1e308 × 1) / 2 = 1e308, not infinity.
        assert_eq!(
            weighted_mean([(1e308, 1.0), (1e308, 1.0)].into_iter()),
            Some(1e308)
        );
    }
}
