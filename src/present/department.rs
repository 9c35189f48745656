//! The Department view's figures for one department, in one language: the
//! headline (period, status, people, overall level, stage, coverage,
//! change), the target and whether it is met, how the figure must be read,
//! and one row per dimension with its level, floor, target, gap, priority
//! and change. Every word comes from the catalogue and every number from
//! [`super::format`]; the app caches a page per workspace revision.

use chrono::NaiveDate;

use crate::analysis::{self, Basis, DepartmentSummary, DimensionScore, Flag, Summary};
use crate::model::{Dataset, Lang, Level, Rating};

use super::catalogue::{T, carried_over_text, tagged_text, tamper, terms, unreadable_text};
use super::format;
use super::overview::{labelled, stage_text};

/// What the Department view shows for one department with a current
/// assessment.
#[derive(Clone, Debug, PartialEq)]
pub struct DepartmentPage {
    pub id: String,
    pub name: String,
    /// "Period: 2025-12-31" / "评估期：2025年12月31日".
    pub period_line: String,
    /// The period of the assessment shown.
    pub period: NaiveDate,
    /// The workflow status in words.
    pub status_text: String,
    /// "Assessor: Wang Fang", "Reviewer: …", for those recorded.
    pub people: Vec<String>,
    /// "2.63", or "–".
    pub overall_level: String,
    /// "2 · Embryonic", or "–".
    pub stage_text: String,
    /// "98% (47 / 48 answered)".
    pub coverage_text: String,
    /// Change since the previous assessment on the same basis.
    pub change: Change,
    /// "Previous: 2025-06-30" / "上期：2025年6月30日", when there is one.
    pub previous_line: Option<String>,
    /// The overall target, when any dimension has one.
    pub target: Option<TargetFigures>,
    /// How the figure must be read, one line per flag (see [`flag_lines`]).
    pub flag_lines: Vec<String>,
    /// On the approved basis, newer work not counted.
    pub pending_line: Option<String>,
    /// In framework order.
    pub dimensions: Vec<DimensionRow>,
    /// How far the assessors agree, when several scored this assessment.
    pub agreement: Option<super::agreement::AgreementFigures>,
}

/// A change, written with an arrow and a sign so it never relies on colour
/// alone: "▲ +0.45", "▼ −0.30", "= 0.00", or "–".
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    /// The change as shown (rounded to two decimals), for its colour.
    pub shown: Option<f64>,
    pub text: String,
}

impl Change {
    pub fn new(value: Option<f64>) -> Change {
        let shown = value.map(|v| format::round(v, format::LEVEL_DECIMALS));
        let text = match shown {
            None => format::MISSING.to_owned(),
            Some(v) if v > 0.0 => format!("▲ {}", format::change(Some(v))),
            Some(v) if v < 0.0 => format!("▼ {}", format::change(Some(v))),
            Some(v) => format!("= {}", format::change(Some(v))),
        };
        Change { shown, text }
    }
}

/// The overall target and the verdict.
#[derive(Clone, Debug, PartialEq)]
pub struct TargetFigures {
    /// "3.50 · by 2026-12-31" / "3.50 · 截止 2026年12月31日".
    pub text: String,
    /// "Yes: every dimension…" / "No: 3 of 6 dimensions below target" / "–".
    pub verdict: String,
    /// When the overall line reaches the target at the current pace.
    pub outlook: String,
}

/// One dimension's row.
#[derive(Clone, Debug, PartialEq)]
pub struct DimensionRow {
    pub id: String,
    pub name: String,
    /// For the colour chip: the mean level.
    pub mean_level: Option<f64>,
    /// "2.75", or "–".
    pub level_text: String,
    /// "2", or "–".
    pub floor_text: String,
    /// "Weakest indicator: Open data", on hover of the floor.
    pub weakest: Option<String>,
    /// "4", or "–".
    pub target_text: String,
    /// "0.75", "✓" when reached, or "–".
    pub gap_text: String,
    /// The gap is zero: the target is reached.
    pub reached: bool,
    /// "3.06", or "–".
    pub priority_text: String,
    pub change: Change,
    pub imbalanced: bool,
    /// "Mean 2.75".
    pub mean_line: String,
    /// "4 / 5 answered".
    pub answered_line: String,
    /// "Floor 2: Open data", when the dimension has a floor.
    pub floor_line: Option<String>,
}

/// The page for `department`, or `None` when it has no current assessment
/// in `summary`.
/// `today` decides whether a target date has passed (the outlook).
pub fn page(
    data: &Dataset,
    summary: &Summary,
    department: &str,
    lang: Lang,
    today: NaiveDate,
) -> Option<DepartmentPage> {
    let row = summary.department(department)?;
    let current = row.current.as_ref()?;
    let assessment = data.find(department, current.period);
    let name = data
        .workspace
        .department(department)
        .map_or(department, |d| d.name.get(lang))
        .to_owned();
    let people = assessment
        .map(|a| {
            [(T::Assessor, &a.assessor), (T::Reviewer, &a.reviewer)]
                .into_iter()
                .filter(|(_, person)| !person.is_empty())
                .map(|(key, person)| labelled(key.get(lang), person, lang))
                .collect()
        })
        .unwrap_or_default();
    let answered = format!(
        "{} / {} {}",
        current.answered,
        current.applicable,
        T::Answered.get(lang)
    );
    let coverage_text = tagged_text(&format::percent(Some(current.coverage)), &answered, lang);
    let dimensions = data
        .framework
        .dimensions
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let change = row.dimension_changes.get(i).copied().flatten();
            dimension_row(
                data,
                &d.id,
                d.name.get(lang),
                current.dimension(&d.id),
                change,
                lang,
            )
        })
        .collect();
    Some(DepartmentPage {
        id: department.to_owned(),
        name,
        period_line: labelled(T::Period.get(lang), &format::date(current.period, lang), lang),
        period: current.period,
        // Plain: the view draws the "changed after approval" badge beside it.
        status_text: terms::status(current.status, lang).to_owned(),
        people,
        overall_level: format::level(current.mean_level),
        stage_text: stage_text(data, current.stage, lang),
        coverage_text,
        change: Change::new(row.change),
        previous_line: row
            .previous
            .as_ref()
            .map(|p| labelled(T::Previous.get(lang), &format::date(p.period, lang), lang)),
        target: target(row, lang).map(|t| TargetFigures {
            outlook: outlook(data, department, summary.basis, lang, today),
            ..t
        }),
        flag_lines: flag_lines(row, lang),
        pending_line: pending_line(row, summary.basis, lang),
        dimensions,
        agreement: assessment.and_then(|a| super::agreement::figures(&data.framework, a, lang)),
    })
}

fn dimension_row(
    data: &Dataset,
    id: &str,
    name: &str,
    score: Option<&DimensionScore>,
    change: Option<f64>,
    lang: Lang,
) -> DimensionRow {
    let level = |l: Option<Level>| l.map_or_else(|| format::MISSING.to_owned(), format::level_digit);
    let weakest_name = score
        .and_then(|s| s.floor_indicator.as_deref())
        .and_then(|id| data.framework.indicator(id))
        .map(|(_, i)| i.name.get(lang).to_owned());
    let gap = score.and_then(|s| s.gap);
    let mean_level = score.and_then(|s| s.mean_level);
    let floor = score.and_then(|s| s.floor);
    DimensionRow {
        id: id.to_owned(),
        name: name.to_owned(),
        mean_level,
        level_text: format::level(mean_level),
        floor_text: level(floor),
        weakest: weakest_name
            .as_deref()
            .map(|n| labelled(T::WeakestIndicator.get(lang), n, lang)),
        target_text: level(score.and_then(|s| s.target)),
        gap_text: match gap {
            Some(g) if g > 0.0 => format::level(Some(g)),
            Some(_) => "✓".to_owned(),
            None => format::MISSING.to_owned(),
        },
        reached: gap.is_some_and(|g| g <= 0.0),
        priority_text: score
            .and_then(|s| s.priority)
            .filter(|p| *p > 0.0)
            .map_or_else(|| format::MISSING.to_owned(), format::priority),
        change: Change::new(change),
        imbalanced: score.is_some_and(|s| s.imbalanced),
        mean_line: format!("{} {}", T::Mean.get(lang), format::level(mean_level)),
        answered_line: score.map_or_else(String::new, |s| {
            format!("{} / {} {}", s.answered, s.applicable, T::Answered.get(lang))
        }),
        floor_line: match (floor, weakest_name) {
            (Some(floor), Some(indicator)) => Some(labelled(
                &format!("{} {}", T::Floor.get(lang), format::level_digit(floor)),
                &indicator,
                lang,
            )),
            _ => None,
        },
    }
}

/// Whether every dimension with a target reached it, in words, as the app
/// and every report say it: "Yes: every dimension …" / "No: 2 of 6
/// dimensions below target"; `None` without targets or an assessment.
pub fn target_verdict(row: &DepartmentSummary, lang: Lang) -> Option<String> {
    let target = row.target.as_ref()?;
    let current = row.current.as_ref()?;
    let below = current
        .dimensions
        .iter()
        .filter(|d| {
            d.target
                .is_some_and(|t| d.mean_level.is_none_or(|mean| analysis::gap(t, mean) > 1e-9))
        })
        .count();
    Some(match row.on_target? {
        true => T::OnTargetYes.get(lang).to_owned(),
        false => super::catalogue::views::below_target_text(below, target.dimensions, lang),
    })
}

/// The overall target (the weighted mean of the dimension targets, from
/// `analysis::target`) and whether every dimension with a target reached it.
fn target(row: &DepartmentSummary, lang: Lang) -> Option<TargetFigures> {
    let target = row.target.as_ref()?;
    let by = target.by.map_or_else(String::new, |by| {
        format!(" · {} {}", T::TargetBy.get(lang), format::date(by, lang))
    });
    let verdict = target_verdict(row, lang).unwrap_or_else(|| format::MISSING.to_owned());
    Some(TargetFigures {
        text: format!("{}{by}", format::level(Some(target.level))),
        verdict,
        outlook: String::new(),
    })
}

/// The outlook of the department's overall line, as the Trends view says it.
pub fn outlook(data: &Dataset, department: &str, basis: Basis, lang: Lang, today: NaiveDate) -> String {
    let trend = analysis::trend_on(data, department, None, basis);
    super::trends::outlook_text(lang, &data.framework, &trend, true, today)
}

/// The status of the assessment shown, with "⚠ changed after approval"
/// after it when its answers are no longer the approved ones: "Approved
/// (⚠ changed after approval)" / "已批准（⚠ 批准后被修改）"; empty without one.
pub fn status_text(row: &DepartmentSummary, lang: Lang) -> String {
    let Some(current) = &row.current else {
        return String::new();
    };
    let status = terms::status(current.status, lang);
    if row.has(Flag::ChangedAfterApproval) {
        tamper::status_text(status, lang)
    } else {
        status.to_owned()
    }
}

/// How the department's figure must be read, one line per flag:
/// "provisional — Not yet approved: …", "carried over from 2025-06-30",
/// "⚠ latest assessment could not be read: …".
pub fn flag_lines(row: &DepartmentSummary, lang: Lang) -> Vec<String> {
    row.flags
        .iter()
        .map(|flag| match (flag, row.assessed_on(), &row.unreadable) {
            (Flag::Provisional, _, _) => {
                format!("{} — {}", T::Provisional.get(lang), T::ProvisionalHint.get(lang))
            }
            (Flag::ChangedAfterApproval, _, _) => format!(
                "{} — {}",
                tamper::mark(lang),
                T::ChangedAfterApprovalHint.get(lang)
            ),
            (Flag::CarriedOver, Some(date), _) => carried_over_text(date, lang),
            (Flag::LatestUnreadable, _, Some(file)) => format!("⚠ {}", unreadable_text(file, lang)),
            (flag, _, _) => terms::flag(*flag, lang).to_owned(),
        })
        .collect()
}

/// On the approved basis, newer work not counted: "A newer assessment is
/// not yet approved and is not counted here: 2025-12-31 (Draft)".
pub fn pending_line(row: &DepartmentSummary, basis: Basis, lang: Lang) -> Option<String> {
    if basis != Basis::Approved {
        return None;
    }
    let (date, status) = row.pending?;
    Some(format!(
        "{} {}",
        T::PendingNotCounted.get(lang),
        tagged_text(&format::date(date, lang), terms::status(status, lang), lang)
    ))
}

pub use super::catalogue::document::aside;

/// An indicator's answer in a list: "3", "N/A" / "不适用", or "–".
pub fn rating_short(rating: &Rating, lang: Lang) -> String {
    match rating {
        Rating::Level(level) => format::level_digit(*level),
        Rating::NotApplicable { .. } => T::NotApplicableShort.get(lang).to_owned(),
        Rating::Unanswered => format::MISSING.to_owned(),
    }
}

/// "Level 3 · Growth".
pub fn level_line(data: &Dataset, level: Level, lang: Lang) -> String {
    format!("{} {}", T::Level.get(lang), stage_text(data, Some(level), lang))
}

/// A level's rubric line: "3 · Growth · The department …".
pub fn rubric_line(data: &Dataset, level: Level, descriptor: &str, lang: Lang) -> String {
    format!("{} · {descriptor}", stage_text(data, Some(level), lang))
}

/// "Previous (2025-06-30): 3 · Growth", or "Previous: no previous assessment".
pub fn previous_line(data: &Dataset, previous: Option<(NaiveDate, &Rating)>, lang: Lang) -> String {
    match previous {
        Some((period, rating)) => {
            let level = match rating {
                Rating::Level(level) => stage_text(data, Some(*level), lang),
                other => rating_short(other, lang),
            };
            let label = tagged_text(T::Previous.get(lang), &format::date(period, lang), lang);
            labelled(&label, &level, lang)
        }
        None => labelled(T::Previous.get(lang), T::NoPreviousAssessment.get(lang), lang),
    }
}

/// "Target: 4 · Gap 1", "Target: 4 · ✓ target reached".
pub fn indicator_target_line(target: Level, gap: Option<f64>, lang: Lang) -> String {
    let gap = match gap {
        Some(gap) if gap > 0.0 => format!(" · {} {}", T::Gap.get(lang), format::fixed(gap, 0)),
        Some(_) => format!(" · ✓ {}", T::AlreadyReached.get(lang)),
        None => String::new(),
    };
    labelled(
        T::Target.get(lang),
        &format!("{}{gap}", format::level_digit(target)),
        lang,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changes_carry_sign_and_arrow() {
        assert_eq!(Change::new(Some(0.454)).text, "▲ +0.45");
        assert_eq!(Change::new(Some(-0.3)).text, "▼ −0.30");
        assert_eq!(Change::new(Some(0.001)).text, "= 0.00");
        assert_eq!(Change::new(Some(-0.004)).text, "= 0.00");
        assert_eq!(Change::new(Some(0.125)).text, "▲ +0.13");
        assert_eq!(Change::new(None).text, "–");
    }

    #[test]
    fn targets_read_naturally() {
        let four = Level::new(4).unwrap();
        assert_eq!(
            indicator_target_line(four, Some(1.0), Lang::En),
            "Target: 4 · Gap 1"
        );
        assert_eq!(
            indicator_target_line(four, Some(0.0), Lang::Zh),
            "目标：4 · ✓ 已达标"
        );
    }
}
