//! How far several assessors agree, in words and numbers, made once for
//! the Department view and every report: per department the sentence
//! ("Assessors agree within one level on 18 of 24 indicators (75%)."), the
//! mean spread and the largest disagreements with each assessor's level;
//! across the government the same pooled. A department with one assessor
//! has none of it (`None`), so nothing new shows for it.

use crate::analysis::{self, Agreement, Summary};
use crate::model::{Assessment, Dataset, Framework, Lang, Level};

use super::catalogue::consensus as say;
use super::format;

/// How many disagreements a department's list shows; the rest are counted.
pub const LISTED: usize = 10;

/// One department's agreement.
#[derive(Clone, Debug, PartialEq)]
pub struct AgreementFigures {
    /// Each assessor with their role: "Self-assessment: Wang Fang".
    pub assessors: Vec<String>,
    /// The same in one line: "Self-assessment: Wang Fang; Reviewer: Li Wei".
    pub assessors_line: String,
    /// The assessors' names as written.
    pub assessor_names: Vec<String>,
    /// Their names short enough for table headers (see
    /// [`say::short_name`]).
    pub assessor_headers: Vec<String>,
    /// "Assessors agree within one level on 18 of 24 indicators (75%).",
    /// or that nothing could be compared.
    pub headline: String,
    /// "Mean spread 0.83 levels; 3 indicators are 2 levels or more apart.";
    /// `None` when nothing was compared.
    pub spread_line: Option<String>,
    /// Indicators compared (two or more assessors gave a level).
    pub compared: usize,
    pub within_one: usize,
    /// `within_one / compared`, 0–1.
    pub share_within_one: Option<f64>,
    /// "75%", or "–".
    pub share_text: String,
    pub mean_spread: Option<f64>,
    /// Indicators 2 levels or more apart.
    pub marked: usize,
    /// The largest disagreements, at most [`LISTED`], largest first.
    pub rows: Vec<DisagreementRow>,
    /// "4 more indicators differ by one level.", when the list is cut.
    pub more_line: Option<String>,
}

/// One indicator on which the assessors differ.
#[derive(Clone, Debug, PartialEq)]
pub struct DisagreementRow {
    pub indicator: String,
    pub indicator_name: String,
    /// Each assessor's level, in the order of the assessors.
    pub levels: Vec<Option<Level>>,
    /// The same as digits, "–" where an assessor gave none.
    pub level_texts: Vec<String>,
    /// "Wang Fang 2, Chen Jie 4" (each assessor's level in one line, by
    /// short name).
    pub levels_line: String,
    pub spread: u8,
    pub spread_text: String,
    /// 2 levels or more apart: highlighted.
    pub marked: bool,
    pub agreed: Option<Level>,
    /// The agreed level as a digit, or "–".
    pub agreed_text: String,
    /// Why the agreed level departs from every assessor's (may be empty).
    pub note: String,
}

/// The agreement of `assessment`'s assessors in `lang`, or `None` unless it
/// has several.
pub fn figures(framework: &Framework, assessment: &Assessment, lang: Lang) -> Option<AgreementFigures> {
    let agreement = analysis::agreement(framework, assessment)?;
    Some(from_agreement(framework, assessment, &agreement, lang))
}

fn from_agreement(
    framework: &Framework,
    assessment: &Assessment,
    agreement: &Agreement,
    lang: Lang,
) -> AgreementFigures {
    let share = agreement.share_within_one();
    let share_text = format::percent(share);
    let marked = agreement.marked().count();
    let headline = match agreement.compared {
        0 => say::nothing_compared(lang),
        compared => say::agree_within_one(agreement.within_one, compared, &share_text, lang),
    };
    let spread_line = agreement
        .mean_spread()
        .map(|mean| say::spread_line(&format::level(Some(mean)), marked, lang));
    let level_text =
        |level: Option<Level>| level.map_or_else(|| format::MISSING.to_owned(), format::level_digit);
    let rows: Vec<DisagreementRow> = agreement
        .disagreements
        .iter()
        .take(LISTED)
        .map(|d| {
            let level_texts: Vec<String> = d.levels.iter().map(|l| level_text(*l)).collect();
            let pairs: Vec<(String, String)> = agreement
                .assessors
                .iter()
                .map(|name| say::short_name(name))
                .zip(level_texts.iter().cloned())
                .collect();
            DisagreementRow {
                indicator: d.indicator.clone(),
                indicator_name: framework
                    .indicator(&d.indicator)
                    .map_or_else(|| d.indicator.clone(), |(_, i)| i.name.get(lang).to_owned()),
                levels: d.levels.clone(),
                levels_line: say::levels(&pairs, lang),
                level_texts,
                spread: d.spread,
                spread_text: d.spread.to_string(),
                marked: d.is_marked(),
                agreed: d.agreed,
                agreed_text: level_text(d.agreed),
                note: assessment.consensus_note(&d.indicator).to_owned(),
            }
        })
        .collect();
    let more = agreement.disagreements.len() - rows.len();
    let assessors: Vec<String> = assessment
        .responses
        .iter()
        .map(|r| say::assessor(&r.assessor, r.role, lang))
        .collect();
    AgreementFigures {
        assessors_line: say::assessors(&assessors, lang),
        assessors,
        assessor_names: agreement.assessors.clone(),
        assessor_headers: agreement.assessors.iter().map(|n| say::short_name(n)).collect(),
        headline,
        spread_line,
        compared: agreement.compared,
        within_one: agreement.within_one,
        share_within_one: share,
        share_text,
        mean_spread: agreement.mean_spread(),
        marked,
        rows,
        more_line: (more > 0).then(|| say::more_disagreements(more, lang)),
    }
}

/// Agreement across the government.
#[derive(Clone, Debug, PartialEq)]
pub struct RollupFigures {
    /// Departments with several assessors.
    pub departments: usize,
    /// "In 3 departments with several assessors, assessors agree within
    /// one level on 52 of 72 indicators (72%)."
    pub headline: String,
    /// "Mean spread …", when anything was compared.
    pub spread_line: Option<String>,
    pub share_within_one: Option<f64>,
    /// "72%", or "–".
    pub share_text: String,
}

/// The agreement of every department in `summary` with several assessors,
/// pooled; `None` when there is none.
pub fn rollup(data: &Dataset, summary: &Summary, lang: Lang) -> Option<RollupFigures> {
    let rollup = analysis::agreement_rollup(data, summary);
    if rollup.departments.is_empty() {
        return None;
    }
    let share = rollup.share_within_one();
    let share_text = format::percent(share);
    let headline = match rollup.compared {
        0 => say::nothing_compared(lang),
        compared => say::rollup_line(
            rollup.departments.len(),
            rollup.within_one,
            compared,
            &share_text,
            lang,
        ),
    };
    Some(RollupFigures {
        departments: rollup.departments.len(),
        headline,
        spread_line: rollup
            .mean_spread()
            .map(|mean| say::spread_line(&format::level(Some(mean)), rollup.marked, lang)),
        share_within_one: share,
        share_text,
    })
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::model::{Answer, Rating, Response, Role};

    fn response(assessor: &str, role: Role, levels: &[(&str, u8)]) -> Response {
        Response {
            assessor: assessor.to_owned(),
            role,
            at: NaiveDate::from_ymd_opt(2025, 6, 1)
                .unwrap()
                .and_hms_opt(9, 0, 0)
                .unwrap(),
            source: String::new(),
            answers: levels
                .iter()
                .map(|&(id, level)| {
                    let answer = Answer {
                        rating: Rating::Level(Level::new(level).unwrap()),
                        ..Answer::default()
                    };
                    (id, answer)
                })
                .collect(),
        }
    }

    fn data() -> Dataset {
        let mut data = crate::analysis::fixture::dataset();
        let health = data
            .find_mut("health", NaiveDate::from_ymd_opt(2025, 6, 30).unwrap())
            .unwrap();
        health.responses = vec![
            response(
                "Wang Fang",
                Role::SelfAssessment,
                &[("data.sharing", 2), ("data.open", 4), ("talent.skills", 1)],
            ),
            response(
                "Chen Jie",
                Role::External,
                &[("data.sharing", 4), ("data.open", 4), ("talent.skills", 2)],
            ),
        ];
        health
            .consensus_notes
            .insert("data.sharing".into(), "catalogue half done".into());
        data
    }

    #[test]
    fn a_department_with_two_assessors_in_both_languages() {
        let data = data();
        let health = data
            .find("health", NaiveDate::from_ymd_opt(2025, 6, 30).unwrap())
            .unwrap();
        let en = figures(&data.framework, health, Lang::En).unwrap();
        assert_eq!(
            en.assessors,
            ["Self-assessment: Wang Fang", "External evaluator: Chen Jie"]
        );
        // Compared 3; within one: data.open (0), talent.skills (1).
        assert_eq!(
            en.headline,
            "Assessors agree within one level on 2 of 3 indicators (67%)."
        );
        // (2 + 0 + 1) / 3 = 1.00
        assert_eq!(
            en.spread_line.as_deref(),
            Some("Mean spread 1.00 levels; 1 indicator is 2 levels or more apart.")
        );
        let first = &en.rows[0];
        assert_eq!(first.indicator, "data.sharing");
        assert_eq!(first.level_texts, ["2", "4"]);
        assert_eq!(first.levels_line, "Wang Fang 2, Chen Jie 4");
        assert_eq!((first.spread_text.as_str(), first.marked), ("2", true));
        // The fixture's agreed answer for data.sharing is 2.
        assert_eq!(first.agreed_text, "2");
        assert_eq!(first.note, "catalogue half done");
        assert_eq!(en.rows.len(), 2);
        assert_eq!(en.more_line, None);

        let zh = figures(&data.framework, health, Lang::Zh).unwrap();
        assert_eq!(zh.headline, "评估人在 3 项指标中的 2 项上相差不超过一级（67%）。");
        assert_eq!(zh.assessors_line, "自评：Wang Fang；外部评估人：Chen Jie");
    }

    #[test]
    fn one_assessor_shows_nothing() {
        let data = crate::analysis::fixture::dataset();
        for a in &data.assessments {
            assert_eq!(figures(&data.framework, a, Lang::En), None);
        }
        let summary = crate::analysis::summarize(&data, None);
        assert_eq!(rollup(&data, &summary, Lang::En), None);
    }

    #[test]
    fn the_government_rollup() {
        let data = data();
        let summary = crate::analysis::summarize(&data, None);
        let r = rollup(&data, &summary, Lang::En).unwrap();
        assert_eq!(
            r.headline,
            "In 1 department with several assessors, assessors agree within one level on 2 of 3 indicators (67%)."
        );
        assert_eq!(r.share_text, "67%");
    }
}
