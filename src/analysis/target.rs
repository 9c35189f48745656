//! A department's overall target and whether it is on target.
//!
//! The overall target is the weighted mean of the department's dimension
//! targets, with the same dimension weights as the overall score, over the
//! dimensions that have a target. "On target" means every dimension that
//! has a target has reached it: a department below target in five of six
//! dimensions is not on target because its average looks fine.

use chrono::NaiveDate;

use crate::model::{Dataset, Target};

use super::score::{AssessmentScore, weighted_mean};

/// A department's overall target.
#[derive(Clone, Debug, PartialEq)]
pub struct OverallTarget {
    /// The weighted mean of the dimension targets, on the 1–5 scale.
    pub level: f64,
    /// The latest `by` date among the dimension targets.
    pub by: Option<NaiveDate>,
    /// How many dimensions have a target.
    pub dimensions: usize,
}

/// The weighted mean of a department's dimension targets; `None` when no
/// dimension has one.
pub fn overall_target(data: &Dataset, department: &str) -> Option<OverallTarget> {
    weighted_target(data, |dimension| data.target_for(department, dimension, None))
}

/// The target every department shares: for one dimension its workspace-wide
/// target, overall the weighted mean of the workspace-wide dimension targets
/// (departments' own targets left out). For the all-departments trend.
pub fn workspace_target(data: &Dataset, dimension: Option<&str>) -> Option<OverallTarget> {
    let wide = |id: &str| {
        data.workspace
            .targets
            .iter()
            .find(|t| t.department.is_none() && t.indicator.is_none() && t.dimension == id)
    };
    match dimension {
        Some(id) => wide(id).map(|t| OverallTarget {
            level: f64::from(t.level.get()),
            by: Some(t.by),
            dimensions: 1,
        }),
        None => weighted_target(data, wide),
    }
}

/// The weighted mean of the dimension targets `target_of` finds.
fn weighted_target<'a>(
    data: &'a Dataset,
    target_of: impl Fn(&str) -> Option<&'a Target>,
) -> Option<OverallTarget> {
    let targets: Vec<_> = data
        .framework
        .dimensions
        .iter()
        .filter_map(|d| Some((target_of(&d.id)?, data.dimension_weight(d))))
        .collect();
    let level = weighted_mean(
        targets
            .iter()
            .map(|(target, weight)| (f64::from(target.level.get()), *weight)),
    )?;
    Some(OverallTarget {
        level,
        by: targets.iter().map(|(target, _)| target.by).max(),
        dimensions: targets.len(),
    })
}

/// Whether every dimension with a target has reached it (its mean level ≥
/// target level − 1e-9). A dimension with a target but no score has not.
/// `None` when no dimension has a target or the score has no dimension
/// scores at all (nothing to judge).
pub fn on_target(data: &Dataset, department: &str, score: &AssessmentScore) -> Option<bool> {
    if score.dimensions.iter().all(|d| d.mean_level.is_none()) {
        return None;
    }
    let mut any = false;
    let mut all = true;
    for dimension in &data.framework.dimensions {
        let Some(target) = data.target_for(department, &dimension.id, None) else {
            continue;
        };
        any = true;
        let reached = score
            .dimension(&dimension.id)
            .and_then(|d| d.mean_level)
            .is_some_and(|mean| mean >= f64::from(target.level.get()) - 1e-9);
        all &= reached;
    }
    any.then_some(all)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::analysis::fixture::{self, date, lv};
    use crate::analysis::score_assessment;
    use crate::model::{Assessment, Rating};

    #[test]
    fn overall_target_is_the_weighted_mean_of_dimension_targets() {
        let data = fixture::dataset();
        // Workspace-wide targets: data 4 (weight 2), talent 3 (weight 1);
        // security has only an indicator target. (4 × 2 + 3 × 1) / 3 = 3.667.
        let Some(target) = overall_target(&data, "health") else {
            panic!("health has dimension targets")
        };
        assert!((target.level - 11.0 / 3.0).abs() < 1e-8, "{}", target.level);
        assert_eq!(target.dimensions, 2);
        assert_eq!(target.by, Some(date(2026, 12, 31)));
    }

    #[test]
    fn on_target_needs_every_dimension_with_a_target() {
        let mut data = fixture::dataset();
        let score = |data: &Dataset| {
            data.find("police", date(2025, 6, 30))
                .map(|a| score_assessment(data, a))
        };
        // police 2025: data 3.0 (target 4), talent unanswered (target 3).
        let Some(police) = score(&data) else {
            panic!("fixture has police")
        };
        assert_eq!(on_target(&data, "police", &police), Some(false));

        // Talent well above its target (5 ≥ 3) but data still short (3 < 4).
        let assessment = fixture::find_mut(&mut data, "police", date(2025, 6, 30));
        fixture::answer(assessment, "talent.skills", Rating::Level(lv(5)));
        let Some(police) = score(&data) else {
            panic!("fixture has police")
        };
        assert_eq!(on_target(&data, "police", &police), Some(false));

        // Data at 4: every dimension with a target has reached it.
        let assessment = fixture::find_mut(&mut data, "police", date(2025, 6, 30));
        fixture::answer(assessment, "data.sharing", Rating::Level(lv(4)));
        fixture::answer(assessment, "data.open", Rating::Level(lv(4)));
        let Some(police) = score(&data) else {
            panic!("fixture has police")
        };
        assert_eq!(on_target(&data, "police", &police), Some(true));
    }

    #[test]
    fn below_target_in_five_of_six_dimensions_is_not_on_target() {
        // d1 target 2 at level 5; d2–d6 target 4 at level 3. The lowest
        // target (2) is well below the overall mean (5 + 5 × 3) / 6 = 3.333,
        // which once read "target already reached".
        let data = six_dimensions(&[(date(2025, 6, 30), [5, 3, 3, 3, 3, 3])]);
        let Some(target) = overall_target(&data, "dept") else {
            panic!("every dimension has a target")
        };
        // (2 + 5 × 4) / 6 = 3.667
        assert!((target.level - 22.0 / 6.0).abs() < 1e-8, "{}", target.level);
        assert_eq!(target.dimensions, 6);
        let score = score_assessment(&data, &data.assessments[0]);
        assert_eq!(on_target(&data, "dept", &score), Some(false));

        // Even where the mean (5 + 4 × 4 + 3) / 6 = 4 passes the overall
        // target 3.667, one dimension short (d6 at 3 < 4) is not on target.
        let data = six_dimensions(&[(date(2025, 6, 30), [5, 4, 4, 4, 4, 3])]);
        let score = score_assessment(&data, &data.assessments[0]);
        assert_eq!(score.mean_level, Some(4.0));
        assert_eq!(on_target(&data, "dept", &score), Some(false));
    }

    #[test]
    fn workspace_target_leaves_departments_own_out() {
        let mut data = fixture::dataset();
        // Police's own data target 5 changes police's target, not the
        // workspace's: (4 × 2 + 3) / 3 = 3.667 either way.
        let mut own = data.workspace.targets[0].clone();
        own.department = Some("police".into());
        own.level = lv(5);
        data.workspace.targets.push(own);
        let Some(wide) = workspace_target(&data, None) else {
            panic!("workspace-wide targets exist")
        };
        assert!((wide.level - 11.0 / 3.0).abs() < 1e-8, "{}", wide.level);
        // Police: (5 × 2 + 3) / 3 = 4.333.
        let Some(police) = overall_target(&data, "police") else {
            panic!("police has targets")
        };
        assert!((police.level - 13.0 / 3.0).abs() < 1e-8, "{}", police.level);
        let Some(talent) = workspace_target(&data, Some("talent")) else {
            panic!("talent has one")
        };
        assert_eq!((talent.level, talent.dimensions), (3.0, 1));
        assert_eq!(workspace_target(&data, Some("security")), None);
    }

    #[test]
    fn nothing_scored_no_verdict() {
        let data = fixture::dataset();
        let empty = Assessment::new("police", date(2026, 1, 1), &data.framework);
        let score = score_assessment(&data, &empty);
        assert_eq!(on_target(&data, "police", &score), None);
    }

    #[test]
    fn latest_by_date_and_dimension_weights() {
        let mut data = fixture::dataset();
        data.workspace.targets[1].by = date(2028, 3, 31);
        // Talent's weight overridden to 3: (4 × 2 + 3 × 3) / 5 = 3.4.
        data.workspace.weights.insert("talent".into(), 3.0);
        let Some(target) = overall_target(&data, "police") else {
            panic!("police has dimension targets")
        };
        assert!((target.level - 3.4).abs() < 1e-8, "{}", target.level);
        assert_eq!(target.by, Some(date(2028, 3, 31)));
    }

    /// A workspace of one department "dept" and six one-indicator
    /// dimensions d1–d6 of weight 1; targets d1 2 and d2–d6 4, all by
    /// 2026-12-31; one assessment per `(period, levels of d1–d6)`.
    pub(crate) fn six_dimensions(assessments: &[(NaiveDate, [u8; 6])]) -> Dataset {
        let mut framework = fixture::framework();
        let Some(template) = framework.dimensions.last().cloned() else {
            panic!("fixture framework has dimensions")
        };
        framework.dimensions = (1..=6)
            .map(|n| {
                let mut dimension = template.clone();
                dimension.id = format!("d{n}");
                dimension.weight = 1.0;
                for indicator in &mut dimension.indicators {
                    indicator.id = format!("d{n}.x");
                    indicator.weight = 1.0;
                }
                dimension
            })
            .collect();
        let mut workspace = fixture::workspace();
        for department in &mut workspace.departments {
            if department.id == "newdept" {
                department.id = "dept".into();
            }
        }
        let Some(template) = workspace.targets.first().cloned() else {
            panic!("fixture workspace has targets")
        };
        workspace.targets = (1..=6)
            .map(|n| Target {
                dimension: format!("d{n}"),
                level: lv(if n == 1 { 2 } else { 4 }),
                ..template.clone()
            })
            .collect();
        let assessments = assessments
            .iter()
            .map(|(period, levels)| {
                let mut a = Assessment::new("dept", *period, &framework);
                for (n, level) in (1..).zip(levels) {
                    fixture::answer(&mut a, &format!("d{n}.x"), Rating::Level(lv(*level)));
                }
                a
            })
            .collect();
        Dataset::new(workspace, framework, assessments)
    }

    #[test]
    fn no_targets_no_verdict() {
        let mut data = fixture::dataset();
        data.workspace.targets.clear();
        assert_eq!(overall_target(&data, "health"), None);
        let Some(police) = data
            .find("police", date(2025, 6, 30))
            .map(|a| score_assessment(&data, a))
        else {
            panic!("fixture has police")
        };
        assert_eq!(on_target(&data, "police", &police), None);
    }
}
