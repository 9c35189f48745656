//! How far several assessors of one department agree: per assessment, the
//! indicators two or more of them gave a level, the share of those where
//! all are within one level of each other, the mean spread and the largest
//! disagreements; across the government, the same pooled over every
//! department with several assessors. Also the level the consensus screen
//! proposes for an indicator.
//!
//! The spread of an indicator is the highest minus the lowest of the
//! assessors' levels; an assessor who left it unanswered or marked it not
//! applicable gives no level. An indicator only one assessor gave a level
//! is not compared.

use super::Summary;
use crate::model::{Assessment, Dataset, Framework, Level, Rating};

/// Assessors whose levels for an indicator differ by this much or more
/// disagree markedly (the consensus screen and the reports highlight it).
pub const MARKED_SPREAD: u8 = 2;

/// One indicator on which the assessors differ.
#[derive(Clone, Debug, PartialEq)]
pub struct Disagreement {
    pub indicator: String,
    /// Highest minus lowest of the assessors' levels (1–4).
    pub spread: u8,
    /// Each assessor's level, in the order of [`Agreement::assessors`];
    /// `None` where one gave no level (unanswered or not applicable).
    pub levels: Vec<Option<Level>>,
    /// The agreed level, when there is one.
    pub agreed: Option<Level>,
}

impl Disagreement {
    /// Whether the assessors differ by [`MARKED_SPREAD`] levels or more.
    pub fn is_marked(&self) -> bool {
        self.spread >= MARKED_SPREAD
    }
}

/// How far the assessors of one assessment agree.
#[derive(Clone, Debug, PartialEq)]
pub struct Agreement {
    /// The assessors, in the order of the responses.
    pub assessors: Vec<String>,
    /// Indicators of the framework that two or more assessors gave a level.
    pub compared: usize,
    /// Of those, the ones where all levels are within one of each other.
    pub within_one: usize,
    /// The sum of the spreads of the compared indicators.
    pub spread_sum: u32,
    /// Every compared indicator with a spread of 1 or more: the largest
    /// spread first, then in framework order.
    pub disagreements: Vec<Disagreement>,
}

impl Agreement {
    /// `within_one / compared`, 0–1; `None` when nothing was compared.
    pub fn share_within_one(&self) -> Option<f64> {
        ratio(self.within_one, self.compared)
    }

    /// The mean spread of the compared indicators.
    pub fn mean_spread(&self) -> Option<f64> {
        ratio_u32(self.spread_sum, self.compared)
    }

    /// The disagreements of [`MARKED_SPREAD`] levels or more.
    pub fn marked(&self) -> impl Iterator<Item = &Disagreement> {
        self.disagreements.iter().filter(|d| d.is_marked())
    }
}

fn ratio(part: usize, whole: usize) -> Option<f64> {
    (whole > 0).then(|| part as f64 / whole as f64)
}

fn ratio_u32(part: u32, whole: usize) -> Option<f64> {
    (whole > 0).then(|| f64::from(part) / whole as f64)
}

/// How far the assessors of `assessment` agree on the indicators of
/// `framework`; `None` unless it has several assessors (two responses or
/// more).
pub fn agreement(framework: &Framework, assessment: &Assessment) -> Option<Agreement> {
    if !assessment.has_several_assessors() {
        return None;
    }
    let assessors: Vec<String> = assessment.responses.iter().map(|r| r.assessor.clone()).collect();
    let mut result = Agreement {
        assessors,
        compared: 0,
        within_one: 0,
        spread_sum: 0,
        disagreements: Vec::new(),
    };
    for (_, indicator) in framework.indicators() {
        let levels: Vec<Option<Level>> = assessment
            .responses
            .iter()
            .map(|r| r.answers.get(&indicator.id).and_then(|a| a.rating.level()))
            .collect();
        let Some(spread) = crate::model::spread_of(levels.iter().flatten().copied()) else {
            continue;
        };
        result.compared += 1;
        result.spread_sum += u32::from(spread);
        if spread <= 1 {
            result.within_one += 1;
        }
        if spread >= 1 {
            result.disagreements.push(Disagreement {
                indicator: indicator.id.clone(),
                spread,
                levels,
                agreed: assessment.level(&indicator.id),
            });
        }
    }
    // Stable: equal spreads stay in framework order.
    result.disagreements.sort_by_key(|d| std::cmp::Reverse(d.spread));
    Some(result)
}

/// Agreement across the government: every department whose current
/// assessment in a summary has several assessors, pooled.
#[derive(Clone, Debug, PartialEq)]
pub struct AgreementRollup {
    /// Departments with several assessors, with their agreement, in the
    /// summary's (workspace) order.
    pub departments: Vec<(String, Agreement)>,
    /// Compared indicators over all of them.
    pub compared: usize,
    pub within_one: usize,
    pub spread_sum: u32,
    /// Compared indicators with a spread of [`MARKED_SPREAD`] or more.
    pub marked: usize,
}

impl AgreementRollup {
    pub fn share_within_one(&self) -> Option<f64> {
        ratio(self.within_one, self.compared)
    }

    pub fn mean_spread(&self) -> Option<f64> {
        ratio_u32(self.spread_sum, self.compared)
    }

    /// The departments, the least agreement first (ties by more compared
    /// indicators, then id); those with nothing compared last.
    pub fn least_agreed(&self) -> Vec<&(String, Agreement)> {
        let mut list: Vec<_> = self.departments.iter().collect();
        list.sort_by(|(a_id, a), (b_id, b)| {
            let key = |x: &Agreement| x.share_within_one().unwrap_or(f64::INFINITY);
            key(a)
                .total_cmp(&key(b))
                .then(b.compared.cmp(&a.compared))
                .then(a_id.cmp(b_id))
        });
        list
    }
}

/// The agreement of every department in `summary` whose current
/// assessment has several assessors.
pub fn agreement_rollup(data: &Dataset, summary: &Summary) -> AgreementRollup {
    let mut rollup = AgreementRollup {
        departments: Vec::new(),
        compared: 0,
        within_one: 0,
        spread_sum: 0,
        marked: 0,
    };
    for department in &summary.departments {
        let Some(period) = department.assessed_on() else {
            continue;
        };
        let Some(assessment) = data.find(&department.department, period) else {
            continue;
        };
        let Some(agreement) = agreement(&data.framework, assessment) else {
            continue;
        };
        rollup.compared += agreement.compared;
        rollup.within_one += agreement.within_one;
        rollup.spread_sum += agreement.spread_sum;
        rollup.marked += agreement.marked().count();
        rollup
            .departments
            .push((department.department.clone(), agreement));
    }
    rollup
}

/// The level the consensus screen proposes for an indicator.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Proposal {
    /// The median of the assessors' levels; of two middle levels, the
    /// lower (a figure leadership acts on should not round itself up).
    pub level: Level,
    /// Every assessor who answered gave this level (one marking the
    /// indicator not applicable breaks unanimity).
    pub unanimous: bool,
    /// How many assessors gave a level.
    pub levels: usize,
}

/// The proposal for `indicator` from the responses of `assessment`; `None`
/// when no assessor gave it a level.
pub fn proposal(assessment: &Assessment, indicator: &str) -> Option<Proposal> {
    let mut levels: Vec<Level> = assessment
        .response_levels(indicator)
        .into_iter()
        .map(|(_, level)| level)
        .collect();
    levels.sort();
    let level = *levels.get((levels.len().checked_sub(1)?) / 2)?;
    let answered = assessment
        .responses
        .iter()
        .filter_map(|r| r.answers.get(indicator))
        .filter(|a| a.rating != Rating::Unanswered)
        .count();
    Some(Proposal {
        level,
        unanimous: answered == levels.len() && levels.iter().all(|l| *l == level),
        levels: levels.len(),
    })
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::analysis::fixture::{self, date, lv};
    use crate::model::{Answer, Answers, Response, Role};

    fn response(assessor: &str, levels: &[(&str, u8)]) -> Response {
        Response {
            assessor: assessor.to_owned(),
            role: Role::SelfAssessment,
            at: NaiveDate::from_ymd_opt(2025, 6, 1)
                .unwrap()
                .and_hms_opt(9, 0, 0)
                .unwrap(),
            source: String::new(),
            answers: levels
                .iter()
                .map(|&(id, level)| {
                    let rating = match level {
                        0 => Rating::NotApplicable {
                            reason: "none".into(),
                        },
                        9 => Rating::Unanswered,
                        _ => Rating::Level(lv(level)),
                    };
                    (
                        id,
                        Answer {
                            rating,
                            ..Answer::default()
                        },
                    )
                })
                .collect::<Answers>(),
        }
    }

    /// Health 2025 with three assessors:
    ///
    /// | indicator       | self | reviewer | external | spread |
    /// |-----------------|------|----------|----------|--------|
    /// | data.sharing    | 2    | 4        | 3        | 2      |
    /// | data.open       | 4    | 4        | 4        | 0      |
    /// | security.policy | 3    | 2        | —        | 1      |
    /// | security.audit  | N/A  | 1        | —        | (one level: not compared) |
    /// | talent.skills   | 1    | 5        | 2        | 4      |
    fn three_assessors() -> crate::model::Dataset {
        let mut data = fixture::dataset();
        let a = fixture::find_mut(&mut data, "health", date(2025, 6, 30));
        a.responses = vec![
            response(
                "Self",
                &[
                    ("data.sharing", 2),
                    ("data.open", 4),
                    ("security.policy", 3),
                    ("security.audit", 0),
                    ("talent.skills", 1),
                    ("unknown.indicator", 1),
                ],
            ),
            response(
                "Reviewer",
                &[
                    ("data.sharing", 4),
                    ("data.open", 4),
                    ("security.policy", 2),
                    ("security.audit", 1),
                    ("talent.skills", 5),
                    ("unknown.indicator", 5),
                ],
            ),
            response(
                "External",
                &[
                    ("data.sharing", 3),
                    ("data.open", 4),
                    ("security.policy", 9),
                    ("talent.skills", 2),
                ],
            ),
        ];
        data
    }

    #[test]
    fn agreement_of_one_assessment_worked_by_hand() {
        let data = three_assessors();
        let a = fixture::health_2025(&data);
        let agreement = agreement(&data.framework, a).unwrap();
        assert_eq!(agreement.assessors, ["Self", "Reviewer", "External"]);
        // Compared: data.sharing, data.open, security.policy, talent.skills
        // (security.audit has one level; unknown.indicator is not in the
        // framework). Within one: data.open (0), security.policy (1).
        assert_eq!(agreement.compared, 4);
        assert_eq!(agreement.within_one, 2);
        assert_eq!(agreement.share_within_one(), Some(0.5));
        // (2 + 0 + 1 + 4) / 4 = 1.75
        assert_eq!(agreement.mean_spread(), Some(1.75));
        let listed: Vec<_> = agreement
            .disagreements
            .iter()
            .map(|d| (d.indicator.as_str(), d.spread, d.is_marked()))
            .collect();
        assert_eq!(
            listed,
            [
                ("talent.skills", 4, true),
                ("data.sharing", 2, true),
                ("security.policy", 1, false),
            ]
        );
        let talent = &agreement.disagreements[0];
        assert_eq!(talent.levels, [Some(lv(1)), Some(lv(5)), Some(lv(2))]);
        assert_eq!(talent.agreed, Some(lv(1)));
        assert_eq!(
            agreement.disagreements[2].levels,
            [Some(lv(3)), Some(lv(2)), None]
        );
        assert_eq!(agreement.marked().count(), 2);
    }

    #[test]
    fn one_assessor_is_no_agreement() {
        let mut data = three_assessors();
        let a = fixture::find_mut(&mut data, "health", date(2025, 6, 30));
        a.responses.truncate(1);
        let a = fixture::health_2025(&data);
        assert_eq!(agreement(&data.framework, a), None);
        let plain = data.find("police", date(2025, 6, 30)).unwrap();
        assert_eq!(agreement(&data.framework, plain), None);
    }

    #[test]
    fn the_rollup_pools_departments_with_several_assessors() {
        let mut data = three_assessors();
        let police = fixture::find_mut(&mut data, "police", date(2025, 6, 30));
        police.responses = vec![
            response("A", &[("data.sharing", 3), ("data.open", 3)]),
            response("B", &[("data.sharing", 3), ("data.open", 4)]),
        ];
        let summary = crate::analysis::summarize(&data, Some(date(2025, 6, 30)));
        let rollup = agreement_rollup(&data, &summary);
        let ids: Vec<_> = rollup.departments.iter().map(|(id, _)| id.as_str()).collect();
        assert_eq!(ids, ["health", "police"]);
        // Health 2 of 4 within one, police 2 of 2: 4 of 6.
        assert_eq!((rollup.within_one, rollup.compared), (4, 6));
        // Spreads: health 2 + 0 + 1 + 4, police 0 + 1: 8 / 6.
        assert_eq!(rollup.mean_spread(), Some(8.0 / 6.0));
        assert_eq!(rollup.marked, 2);
        let least: Vec<_> = rollup.least_agreed().iter().map(|(id, _)| id.as_str()).collect();
        assert_eq!(least, ["health", "police"]);
    }

    #[test]
    fn the_proposal_is_the_lower_median() {
        let data = three_assessors();
        let a = fixture::health_2025(&data);
        let p = |id| proposal(a, id).map(|p| (p.level.get(), p.unanimous, p.levels));
        // 1, 2, 5 → 2.
        assert_eq!(p("talent.skills"), Some((2, false, 3)));
        // 4, 4, 4 → 4, unanimous.
        assert_eq!(p("data.open"), Some((4, true, 3)));
        // 2, 3 (External unanswered) → the lower middle, 2.
        assert_eq!(p("security.policy"), Some((2, false, 2)));
        // N/A and 1: only one level, and not unanimous.
        assert_eq!(p("security.audit"), Some((1, false, 1)));
        assert_eq!(p("nobody.answered"), None);
    }
}
