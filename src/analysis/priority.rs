//! Gaps against target, the priority they earn, and the biggest movers
//! between two assessments.
//!
//! Priority = ((1 + gap)² − 1) × weight, so one big gap outweighs two small
//! ones: gap 2 at weight 1 scores 8, two gaps of 1 score 3 each.

use crate::model::{Assessment, Dataset, Level};

use super::score::AssessmentScore;
use super::summary::Summary;

/// A shortfall against target, ranked by priority.
#[derive(Clone, Debug, PartialEq)]
pub struct Priority {
    pub department: String,
    pub dimension: String,
    /// `None` for a dimension-level priority.
    pub indicator: Option<String>,
    /// The current level (an indicator's level, or a dimension's mean level).
    pub current: f64,
    pub target: Level,
    /// `target − current`, always positive here.
    pub gap: f64,
    /// Indicator weight × dimension weight, or the dimension weight alone.
    pub weight: f64,
    pub priority: f64,
}

/// The shortfall of `current` against `target`: positive, or 0 when reached.
pub fn gap(target: Level, current: f64) -> f64 {
    (f64::from(target.get()) - current).max(0.0)
}

/// How urgent a gap is: `((1 + gap)² − 1) × weight`.
pub fn priority(gap: f64, weight: f64) -> f64 {
    ((1.0 + gap).powi(2) - 1.0) * weight
}

/// Every indicator of every summarised department that falls short of its
/// target (positive gaps only), most urgent first; ties go by department,
/// then indicator, so the order is stable.
pub fn priorities(data: &Dataset, summary: &Summary) -> Vec<Priority> {
    let mut found = Vec::new();
    for score in summary.departments.iter().filter_map(|d| d.current.as_ref()) {
        found.extend(score_priorities(data, score));
    }
    sort_by_priority(&mut found);
    found
}

/// Brings `list`, made by [`priorities`] for `summary` before
/// `department`'s figures changed, up to date: that department's rows are
/// made again and the list sorted again, so it equals what [`priorities`]
/// gives for `summary` now. The others' rows are kept, not made again.
pub fn replace_department_priorities(
    data: &Dataset,
    summary: &Summary,
    list: &mut Vec<Priority>,
    department: &str,
) {
    list.retain(|p| p.department != department);
    if let Some(score) = summary.department(department).and_then(|d| d.current.as_ref()) {
        list.extend(score_priorities(data, score));
    }
    // The list is sorted apart from one department's rows, which the sort
    // finds in runs; the order depends on how many departments share a
    // shortfall, which the edit may have changed for others' rows too.
    sort_by_priority(list);
}

/// One assessment's indicator shortfalls, unsorted.
fn score_priorities<'a>(
    data: &'a Dataset,
    score: &'a AssessmentScore,
) -> impl Iterator<Item = Priority> + 'a {
    score.indicators.iter().filter_map(move |indicator| {
        let (Some(level), Some(target), Some(gap)) = (indicator.level, indicator.target, indicator.gap)
        else {
            return None;
        };
        if gap <= 0.0 {
            return None;
        }
        let dimension_weight = data
            .framework
            .dimension(&indicator.dimension)
            .map_or(1.0, |d| data.dimension_weight(d));
        let weight = indicator.weight * dimension_weight;
        Some(Priority {
            department: score.department.clone(),
            dimension: indicator.dimension.clone(),
            indicator: Some(indicator.indicator.clone()),
            current: f64::from(level.get()),
            target,
            gap,
            weight,
            priority: priority(gap, weight),
        })
    })
}

/// Like [`priorities`], one row per department and dimension whose mean
/// level falls short of the dimension target.
pub fn dimension_priorities(summary: &Summary) -> Vec<Priority> {
    let mut found = Vec::new();
    for score in summary.departments.iter().filter_map(|d| d.current.as_ref()) {
        for dimension in &score.dimensions {
            let (Some(mean), Some(target), Some(gap)) =
                (dimension.mean_level, dimension.target, dimension.gap)
            else {
                continue;
            };
            if gap <= 0.0 {
                continue;
            }
            found.push(Priority {
                department: score.department.clone(),
                dimension: dimension.dimension.clone(),
                indicator: None,
                current: mean,
                target,
                gap,
                weight: dimension.weight,
                priority: priority(gap, dimension.weight),
            });
        }
    }
    sort_by_priority(&mut found);
    found
}

/// The one order of priorities everywhere (app, CLI, every report), so
/// that equal priorities never swap places between outputs: priority
/// descending; then the bigger gap; then the heavier weight; then the
/// shortfall shared by more departments (the same indicator, or for
/// dimension priorities the same dimension); then department, dimension
/// and indicator ids ascending.
fn sort_by_priority(list: &mut Vec<Priority>) {
    let counts: Vec<usize> = {
        let mut affected: rustc_hash::FxHashMap<(&str, Option<&str>), usize> = Default::default();
        for p in list.iter() {
            *affected
                .entry((p.dimension.as_str(), p.indicator.as_deref()))
                .or_default() += 1;
        }
        list.iter()
            .map(|p| {
                affected
                    .get(&(p.dimension.as_str(), p.indicator.as_deref()))
                    .copied()
                    .unwrap_or(0)
            })
            .collect()
    };
    let mut keyed: Vec<(usize, Priority)> = counts.into_iter().zip(list.drain(..)).collect();
    keyed.sort_by(|(count_a, a), (count_b, b)| {
        b.priority
            .total_cmp(&a.priority)
            .then_with(|| b.gap.total_cmp(&a.gap))
            .then_with(|| b.weight.total_cmp(&a.weight))
            .then_with(|| count_b.cmp(count_a))
            .then_with(|| a.department.cmp(&b.department))
            .then_with(|| a.dimension.cmp(&b.dimension))
            .then_with(|| a.indicator.cmp(&b.indicator))
    });
    list.extend(keyed.into_iter().map(|(_, p)| p));
}

/// How each indicator's level changed from assessment `a` to `b`, for
/// indicators answered with a level in both and that changed: most improved
/// first, most declined last, ties by indicator id.
pub fn movers(data: &Dataset, a: &Assessment, b: &Assessment) -> Vec<(String, i8)> {
    let mut changes: Vec<(String, i8)> = data
        .framework
        .indicators()
        .filter_map(|(_, indicator)| {
            let before = a.level(&indicator.id)?;
            let after = b.level(&indicator.id)?;
            let change = level_change(before, after);
            (change != 0).then(|| (indicator.id.clone(), change))
        })
        .collect();
    changes.sort_by(|x, y| y.1.cmp(&x.1).then_with(|| x.0.cmp(&y.0)));
    changes
}

/// `after − before`, between −4 and 4.
fn level_change(before: Level, after: Level) -> i8 {
    // Levels are 1–5, so both fit an i8 exactly.
    after.get() as i8 - before.get() as i8
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::fixture::{self, date, lv};
    use crate::analysis::summarize;
    use crate::model::Rating;

    #[test]
    fn priority_formula() {
        assert_eq!(priority(2.0, 1.0), 8.0);
        assert_eq!(priority(1.0, 1.0), 3.0);
        assert_eq!(priority(0.0, 5.0), 0.0);
        assert_eq!(priority(0.5, 2.0), 2.5);
        // One big gap outweighs two small ones.
        assert!(priority(2.0, 1.0) > 2.0 * priority(1.0, 1.0));
    }

    #[test]
    fn gap_is_never_negative() {
        assert_eq!(gap(lv(4), 2.5), 1.5);
        assert_eq!(gap(lv(3), 3.0), 0.0);
        assert_eq!(gap(lv(3), 4.2), 0.0);
    }

    #[test]
    fn indicator_priorities_sorted_and_positive_only() {
        let data = fixture::dataset();
        let summary = summarize(&data, None);
        let list = priorities(&data, &summary);
        let rows: Vec<_> = list
            .iter()
            .map(|p| {
                (
                    p.department.as_str(),
                    p.indicator.as_deref().unwrap_or(""),
                    p.gap,
                    p.weight,
                    p.priority,
                )
            })
            .collect();
        assert_eq!(
            rows,
            [
                // police data.open: level 3, target 4 → gap 1; weight 3 × 2 → (4 − 1) × 6
                ("police", "data.open", 1.0, 6.0, 18.0),
                // health data.sharing: level 2, target 4 → gap 2; weight 1 × 2 → (9 − 1) × 2
                ("health", "data.sharing", 2.0, 2.0, 16.0),
                // health's own indicator target 5 against level 3; weight 1 × 1
                ("health", "security.policy", 2.0, 1.0, 8.0),
                // a tie at 8: department, then indicator, decides
                ("health", "talent.skills", 2.0, 1.0, 8.0),
                ("police", "data.sharing", 1.0, 2.0, 6.0),
            ]
        );
        assert!(list.iter().all(|p| p.gap > 0.0));
    }

    #[test]
    fn equal_priorities_go_by_gap_weight_reach_then_ids() {
        let p = |department: &str, indicator: &str, gap: f64, weight: f64| Priority {
            department: department.to_owned(),
            dimension: "data".to_owned(),
            indicator: Some(indicator.to_owned()),
            current: 1.0,
            target: lv(4),
            gap,
            weight,
            priority: priority(gap, weight),
        };
        let mut list = vec![
            // (4 − 1) × 2 = 6 at gap 1; (9 − 1) × 0.75 = 6 at gap 2: the
            // bigger gap first.
            p("a", "data.open", 1.0, 2.0),
            p("z", "data.sharing", 2.0, 0.75),
            // (4 − 1) × 1 = 3 twice at the same gap and weight: data.open is
            // short in two departments ("a" and "c"), data.quality in one, so
            // "c" goes before "b" although "b" sorts first by id.
            p("b", "data.quality", 1.0, 1.0),
            p("c", "data.open", 1.0, 1.0),
            // (4 − 1) × 0.5 = 1.5: the lighter weight last.
            p("e", "data.catalogue", 1.0, 0.5),
        ];
        sort_by_priority(&mut list);
        let order: Vec<(&str, &str)> = list
            .iter()
            .map(|p| (p.department.as_str(), p.indicator.as_deref().unwrap_or("")))
            .collect();
        assert_eq!(
            order,
            [
                ("z", "data.sharing"),
                ("a", "data.open"),
                ("c", "data.open"),
                ("b", "data.quality"),
                ("e", "data.catalogue"),
            ]
        );
    }

    #[test]
    fn dimension_priorities_use_mean_level() {
        let data = fixture::dataset();
        let summary = summarize(&data, None);
        let rows: Vec<_> = dimension_priorities(&summary)
            .into_iter()
            .map(|p| (p.department, p.dimension, p.current, p.gap, p.priority))
            .collect();
        assert_eq!(
            rows,
            [
                // health talent: mean 1, target 3 → gap 2, weight 1 → 8
                ("health".to_owned(), "talent".to_owned(), 1.0, 2.0, 8.0),
                // police data: mean 3, target 4 → gap 1, weight 2 → 6
                ("police".to_owned(), "data".to_owned(), 3.0, 1.0, 6.0),
                // health data: mean 3.5, target 4 → gap 0.5, weight 2 → 2.5
                ("health".to_owned(), "data".to_owned(), 3.5, 0.5, 2.5),
            ]
        );
    }

    #[test]
    fn movers_most_improved_first() {
        let data = fixture::dataset();
        let mut a = Assessment::new("health", date(2025, 1, 1), &data.framework);
        let mut b = a.clone();
        for (id, before, after) in [
            ("data.sharing", 1, 4),
            ("data.open", 3, 2),
            ("security.policy", 2, 3),
        ] {
            fixture::answer(&mut a, id, Rating::Level(lv(before)));
            fixture::answer(&mut b, id, Rating::Level(lv(after)));
        }
        // Unchanged, N/A and unanswered indicators do not move.
        fixture::answer(&mut a, "talent.skills", Rating::Level(lv(2)));
        fixture::answer(&mut b, "talent.skills", Rating::Level(lv(2)));
        fixture::answer(&mut a, "security.audit", Rating::Level(lv(2)));
        fixture::answer(
            &mut b,
            "security.audit",
            Rating::NotApplicable { reason: "r".into() },
        );
        assert_eq!(
            movers(&data, &a, &b),
            [
                ("data.sharing".to_owned(), 3),
                ("security.policy".to_owned(), 1),
                ("data.open".to_owned(), -1)
            ]
        );
    }
}
