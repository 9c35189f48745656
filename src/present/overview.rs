//! The Overview's figures, computed once per workspace revision and
//! language: the headline, the ranking with shared ranks, the stage
//! distribution, the imbalances and the priorities. The app prints them as
//! they are; the reports take their ranking and priorities from
//! [`ranking`] and [`priorities`], so every output ranks and orders alike.
//!
//! Every word comes from the catalogue and every number from
//! [`super::format`]; nothing here knows egui.

use super::names::Names;

use crate::analysis::{self, Basis, DepartmentSummary, Flag, Summary};
use crate::model::{Dataset, Lang, Level};

use super::catalogue::{
    T, approved_provisional_text, at_period_text, carried_over_text, includes_provisional_text, pending_text,
    tagged_text, terms, unreadable_text,
};
use super::{format, rank};

/// How many priorities the Overview lists.
pub const TOP_PRIORITIES: usize = 10;

/// What the Overview shows, in one language.
#[derive(Clone, Debug, PartialEq)]
pub struct Overview {
    pub headline: Headline,
    /// Per department of the summary (same index): its name in the language.
    pub names: Vec<String>,
    /// Per department of the summary (same index): how its figure must be
    /// read, `None` for an approved figure of the period shown.
    pub marks: Vec<Option<Mark>>,
    /// Departments whose newest assessment file could not be read.
    pub unreadable: Vec<UnreadableRow>,
    /// Departments with a mean level, best first, with shared ranks.
    pub ranking: Vec<RankedDepartment>,
    /// Levels 1–5 with how many departments are at each stage.
    pub stages: Vec<StageRow>,
    /// Dimensions more than one level below their department's stage.
    pub imbalances: Vec<ImbalanceRow>,
    /// The most urgent shortfalls, at most [`TOP_PRIORITIES`].
    pub priorities: Vec<PriorityLine>,
}

/// The headline cards, figures already written.
#[derive(Clone, Debug, PartialEq)]
pub struct Headline {
    /// What the figures count ("Latest assessments, approved or not").
    pub basis: String,
    /// The overall mean level: "2.78", or "–".
    pub overall_level: String,
    /// For the stage's colour.
    pub stage: Option<Level>,
    /// "Stage 2 · Embryonic" / "阶段 2 · 起步".
    pub stage_line: String,
    /// "includes 5 provisional", when any figure is provisional.
    pub provisional_note: Option<String>,
    /// "12 / 12".
    pub assessed: String,
    /// "As of 2025-12-31" and the at-period line; empty without a period.
    pub as_of: String,
    /// Approved in the workflow: "7".
    pub approved: String,
    /// Under it: approved and provisional counted, or the newer work not counted.
    pub approved_note: String,
    /// In draft or returned: "3".
    pub draft: String,
    /// "Submitted: 2" / "已提交：2".
    pub submitted_note: String,
    /// Answered / applicable, pooled: "97%".
    pub coverage: String,
}

/// How a department's figure must be read: its short tag, the full
/// explanation, and whether its bars and cells are hatched (provisional).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mark {
    /// "provisional", "carried over", "⚠", joined by " · ".
    pub tag: String,
    /// One line per flag.
    pub detail: String,
    pub hatched: bool,
}

/// A department whose newest assessment file could not be read.
#[derive(Clone, Debug, PartialEq)]
pub struct UnreadableRow {
    /// The file, relative to the workspace.
    pub file: std::path::PathBuf,
    /// "Police — latest assessment could not be read: police/2025-12-31.ron".
    pub text: String,
}

/// A department in the ranking.
#[derive(Clone, Debug, PartialEq)]
pub struct RankedDepartment {
    /// Index into the summary's departments.
    pub index: usize,
    pub id: String,
    pub name: String,
    /// 1-based, shared by departments whose mean levels show the same; `None`
    /// without a mean level.
    pub rank: Option<usize>,
    /// `rank` written: "2", or "–".
    pub rank_text: String,
    /// How many departments were ranked.
    pub of: usize,
    pub mean_level: Option<f64>,
    /// "2.58", or "–".
    pub level_text: String,
    pub stage: Option<Level>,
    pub stage_name: String,
    /// "2 · Embryonic", or "–".
    pub stage_text: String,
    pub change: Option<f64>,
    pub coverage: Option<f64>,
    pub provisional: bool,
}

/// One stage of the distribution.
#[derive(Clone, Debug, PartialEq)]
pub struct StageRow {
    pub level: Level,
    /// "2 · Embryonic".
    pub label: String,
    pub count: usize,
    /// "3".
    pub count_text: String,
    /// "2 · Embryonic: 3 departments", for screen readers.
    pub description: String,
}

/// A dimension more than one level below its department's stage.
#[derive(Clone, Debug, PartialEq)]
pub struct ImbalanceRow {
    /// Index into the summary's departments.
    pub index: usize,
    pub department: String,
    pub department_name: String,
    pub dimension: String,
    pub dimension_name: String,
    /// The dimension's mean level: "1.00".
    pub level_text: String,
    /// The department's stage: "3 · Developing".
    pub stage_text: String,
}

/// A shortfall against target, in the one order every output uses.
#[derive(Clone, Debug, PartialEq)]
pub struct PriorityLine {
    /// 1-based position: "1".
    pub position_text: String,
    pub department: String,
    pub department_name: String,
    pub dimension: String,
    pub dimension_name: String,
    pub indicator: String,
    pub indicator_name: String,
    pub current: Level,
    /// "2".
    pub current_text: String,
    pub target: Level,
    /// "4".
    pub target_text: String,
    pub gap: f64,
    /// Whole levels: "2".
    pub gap_text: String,
    pub weight: f64,
    pub priority: f64,
    /// "8.00".
    pub priority_text: String,
    /// The level above `current`.
    pub next_level: Level,
    /// The framework's descriptor of `next_level` for this indicator.
    pub next_rubric: String,
    /// The department's figure is not approved.
    pub provisional: bool,
    /// The department's flags as short tags ("provisional").
    pub tags: Vec<String>,
}

/// Everything the Overview shows for `summary`, in `lang`.
pub fn overview(data: &Dataset, summary: &Summary, lang: Lang) -> Overview {
    overview_with(data, summary, &analysis::priorities(data, summary), lang)
}

/// [`overview`] with the summary's [`analysis::priorities`] already made.
pub fn overview_with(data: &Dataset, summary: &Summary, all: &[analysis::Priority], lang: Lang) -> Overview {
    let names = Names::new(data, lang);
    let ranking = ranking(data, summary, lang)
        .into_iter()
        .filter(|r| r.rank.is_some())
        .collect();
    Overview {
        headline: headline(data, summary, lang),
        names: summary
            .departments
            .iter()
            .map(|d| names.department(&d.department))
            .collect(),
        marks: summary.departments.iter().map(|d| mark(d, lang)).collect(),
        unreadable: summary
            .departments
            .iter()
            .filter_map(|d| {
                let file = d.unreadable.clone()?;
                let text = format!(
                    "{} — {}",
                    names.department(&d.department),
                    unreadable_text(&file, lang)
                );
                Some(UnreadableRow { file, text })
            })
            .collect(),
        ranking,
        stages: stages(data, summary, lang),
        imbalances: imbalances(data, summary, lang, &names),
        priorities: priorities_where(data, summary, all, lang, TOP_PRIORITIES, |_| true),
    }
}

/// Brings `overview`, made by [`overview_with`] before `department`'s
/// figures changed (its answers, not its status or date), up to date with
/// `summary` and `all` (the summary's priorities now): that department's
/// mark, ranking row and imbalances are made again and the ranking sorted
/// again; names, which an answer cannot change, are kept. The result equals
/// what [`overview_with`] gives now.
pub fn overview_edited(
    overview: &mut Overview,
    data: &Dataset,
    summary: &Summary,
    all: &[analysis::Priority],
    lang: Lang,
    department: &str,
) {
    let Some((index, row)) = summary
        .departments
        .iter()
        .enumerate()
        .find(|(_, d)| d.department == department)
    else {
        *overview = overview_with(data, summary, all, lang);
        return;
    };
    let names = Names::new(data, lang);
    overview.headline = headline(data, summary, lang);
    if let Some(mark_slot) = overview.marks.get_mut(index) {
        *mark_slot = mark(row, lang);
    }
    overview.ranking.retain(|r| r.id != department);
    let fresh = ranked(data, &names, index, row);
    if fresh.mean_level.is_some() {
        overview.ranking.push(fresh);
    }
    rank_rows(&mut overview.ranking);
    overview.stages = stages(data, summary, lang);
    let at = overview
        .imbalances
        .iter()
        .position(|r| r.index >= index)
        .unwrap_or(overview.imbalances.len());
    overview.imbalances.retain(|r| r.index != index);
    let fresh: Vec<ImbalanceRow> = department_imbalances(data, index, row, lang, &names).collect();
    overview.imbalances.splice(at..at, fresh);
    overview.priorities = priorities_where(data, summary, all, lang, TOP_PRIORITIES, |_| true);
}

/// "2 · Embryonic" / "2 · 起步", or "–" without a stage.
pub fn stage_text(data: &Dataset, stage: Option<Level>, lang: Lang) -> String {
    stage.map_or_else(
        || format::MISSING.to_owned(),
        |l| {
            format!(
                "{} · {}",
                format::level_digit(l),
                data.framework.level_name(l, lang)
            )
        },
    )
}

fn headline(data: &Dataset, summary: &Summary, lang: Lang) -> Headline {
    let basis = match summary.basis {
        Basis::Approved => T::BasisApprovedText,
        Basis::Latest => T::BasisLatestText,
    };
    let as_of = summary.period.map_or_else(String::new, |p| {
        let as_of = match lang {
            Lang::En => format!("{} {}", T::AsOf.get(lang), format::date(p, lang)),
            Lang::Zh => format!("{}{}", T::AsOf.get(lang), format::date(p, lang)),
        };
        format!(
            "{as_of}\n{}",
            at_period_text(summary.at_period, summary.carried_over, lang)
        )
    });
    let approved_note = match summary.basis {
        Basis::Latest => approved_provisional_text(summary.approved, summary.provisional, lang),
        Basis::Approved => pending_text(summary.pending, lang),
    };
    Headline {
        basis: T::get(basis, lang).to_owned(),
        overall_level: format::level(summary.mean_level),
        stage: summary.stage,
        stage_line: format!("{} {}", T::Stage.get(lang), stage_text(data, summary.stage, lang)),
        provisional_note: (summary.provisional > 0)
            .then(|| includes_provisional_text(summary.provisional, lang)),
        assessed: format!("{} / {}", summary.assessed, summary.departments.len()),
        as_of,
        approved: summary.workflow_approved.to_string(),
        approved_note,
        draft: summary.draft.to_string(),
        submitted_note: labelled(T::Submitted.get(lang), &summary.submitted.to_string(), lang),
        coverage: format::percent(Some(summary.coverage)),
    }
}

pub use super::catalogue::document::labelled;

/// A numbered row's name: "1. Finance Bureau".
pub fn numbered(position: &str, name: &str) -> String {
    format!("{position}. {name}")
}

/// A department and a dimension, as one row names them: "Finance Bureau —
/// Data sharing & openness".
pub fn pair(department: &str, dimension: &str) -> String {
    format!("{department} — {dimension}")
}

/// A heatmap cell in a table: the mean level and the floor, "2.75 (2)", or
/// the mean alone ("–" without one).
pub fn mean_floor_text(mean: Option<f64>, floor: Option<Level>) -> String {
    match (mean, floor) {
        (Some(_), Some(floor)) => format!("{} ({})", format::level(mean), format::level_digit(floor)),
        (mean, _) => format::level(mean),
    }
}

/// The mark for a department's figure: its tag (provisional / carried over /
/// unreadable) and the full explanation, or `None` for an approved figure
/// of the period shown.
pub fn mark(department: &DepartmentSummary, lang: Lang) -> Option<Mark> {
    if department.flags.is_empty() {
        return None;
    }
    let tag = department
        .flags
        .iter()
        .map(|f| match f {
            Flag::Provisional => T::Provisional.get(lang).to_owned(),
            Flag::ChangedAfterApproval => super::catalogue::tamper::mark(lang),
            Flag::CarriedOver => T::CarriedOver.get(lang).to_owned(),
            Flag::LatestUnreadable => "⚠".to_owned(),
        })
        .collect::<Vec<_>>()
        .join(" · ");
    let detail = department
        .flags
        .iter()
        .map(|f| match (f, department.assessed_on(), &department.unreadable) {
            (Flag::Provisional, _, _) => T::ProvisionalHint.get(lang).to_owned(),
            (Flag::ChangedAfterApproval, _, _) => T::ChangedAfterApprovalHint.get(lang).to_owned(),
            (Flag::CarriedOver, Some(date), _) => carried_over_text(date, lang),
            (Flag::LatestUnreadable, _, Some(file)) => unreadable_text(file, lang),
            (Flag::CarriedOver, None, _) => T::CarriedOver.get(lang).to_owned(),
            (Flag::LatestUnreadable, _, None) => T::UnreadableTitle.get(lang).to_owned(),
        })
        .collect::<Vec<_>>()
        .join("\n");
    Some(Mark {
        tag,
        detail,
        hatched: department.is_provisional(),
    })
}

/// A name with its mark's tag after it: "Health Commission (provisional)".
pub fn tagged_name(name: &str, mark: Option<&Mark>, lang: Lang) -> String {
    match mark {
        Some(mark) => tagged_text(name, &mark.tag, lang),
        None => name.to_owned(),
    }
}

/// Every department of `summary`, ranked by mean level as shown (two
/// decimals, [`format::round`]), best first; departments that show the same
/// level share a rank ([`rank::competition`]) and are listed by name, then
/// id. Departments without a mean level follow, unranked, by name.
pub fn ranking(data: &Dataset, summary: &Summary, lang: Lang) -> Vec<RankedDepartment> {
    let names = Names::new(data, lang);
    let mut rows: Vec<RankedDepartment> = summary
        .departments
        .iter()
        .enumerate()
        .map(|(index, row)| ranked(data, &names, index, row))
        .collect();
    rank_rows(&mut rows);
    rows
}

/// One department's ranking row, not ranked yet.
fn ranked(data: &Dataset, names: &Names, index: usize, row: &DepartmentSummary) -> RankedDepartment {
    let lang = names.lang;
    let current = row.current.as_ref();
    let stage = current.and_then(|c| c.stage);
    let mean_level = current.and_then(|c| c.mean_level);
    RankedDepartment {
        index,
        id: row.department.clone(),
        name: names.department(&row.department),
        rank: None,
        rank_text: format::MISSING.to_owned(),
        of: 0,
        mean_level,
        level_text: format::level(mean_level),
        stage,
        stage_name: stage.map_or_else(String::new, |s| data.framework.level_name(s, lang)),
        stage_text: stage_text(data, stage, lang),
        change: row.change,
        coverage: current.map(|c| c.coverage),
        provisional: row.is_provisional(),
    }
}

/// Sorts ranking rows (by the level as shown, then name and id) and gives
/// the rows with a level their shared ranks.
fn rank_rows(rows: &mut [RankedDepartment]) {
    let shown = |r: &RankedDepartment| r.mean_level.map(|v| format::round(v, format::LEVEL_DECIMALS));
    rows.sort_by(|a, b| {
        let by_level = match (shown(a), shown(b)) {
            (Some(x), Some(y)) => y.total_cmp(&x),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => std::cmp::Ordering::Equal,
        };
        by_level
            .then_with(|| a.name.cmp(&b.name))
            .then_with(|| a.id.cmp(&b.id))
    });
    let levels: Vec<f64> = rows.iter().filter_map(|r| r.mean_level).collect();
    let ranks = rank::competition(&levels);
    let of = ranks.len();
    for (row, rank) in rows.iter_mut().zip(ranks) {
        row.rank = Some(rank);
        row.rank_text = rank.to_string();
    }
    for row in rows.iter_mut() {
        row.of = of;
    }
}

fn stages(data: &Dataset, summary: &Summary, lang: Lang) -> Vec<StageRow> {
    Level::all()
        .map(|level| {
            let count = summary.stage_counts.get(level.index()).copied().unwrap_or(0);
            let label = stage_text(data, Some(level), lang);
            let count_text = count.to_string();
            let count_words = match lang {
                Lang::En => format!("{count_text} {}", T::DepartmentCount.get(lang)),
                Lang::Zh => format!("{count_text}{}", T::DepartmentCount.get(lang)),
            };
            let description = labelled(&label, &count_words, lang);
            StageRow {
                level,
                label,
                count,
                count_text,
                description,
            }
        })
        .collect()
}

fn imbalances(data: &Dataset, summary: &Summary, lang: Lang, names: &Names) -> Vec<ImbalanceRow> {
    let mut rows = Vec::new();
    for (index, department) in summary.departments.iter().enumerate() {
        rows.extend(department_imbalances(data, index, department, lang, names));
    }
    rows
}

/// One department's imbalance rows; `index` is its place in the summary.
fn department_imbalances<'a>(
    data: &'a Dataset,
    index: usize,
    department: &'a DepartmentSummary,
    lang: Lang,
    names: &'a Names,
) -> impl Iterator<Item = ImbalanceRow> + 'a {
    let current = department.current.as_ref();
    current
        .into_iter()
        .flat_map(|c| c.dimensions.iter().filter(|d| d.imbalanced))
        .map(move |dimension| ImbalanceRow {
            index,
            department: department.department.clone(),
            department_name: names.department(&department.department),
            dimension: dimension.dimension.clone(),
            dimension_name: names.dimension(&dimension.dimension),
            level_text: format::level(dimension.mean_level),
            stage_text: stage_text(data, current.and_then(|c| c.stage), lang),
        })
}

/// The most urgent indicator shortfalls of `summary`, at most `limit`, in
/// the one order every output uses (see `analysis::priorities`: priority,
/// then gap, weight, departments affected, department and indicator ids).
pub fn priorities(data: &Dataset, summary: &Summary, lang: Lang, limit: usize) -> Vec<PriorityLine> {
    priorities_where(
        data,
        summary,
        &analysis::priorities(data, summary),
        lang,
        limit,
        |_| true,
    )
}

/// The most urgent shortfalls of the departments `keep` accepts (by id),
/// at most `limit`, numbered from 1: the priorities a search leaves.
/// `all` is the summary's [`analysis::priorities`].
pub fn priorities_where(
    data: &Dataset,
    summary: &Summary,
    all: &[analysis::Priority],
    lang: Lang,
    limit: usize,
    keep: impl Fn(&str) -> bool,
) -> Vec<PriorityLine> {
    let names = Names::new(data, lang);
    all.iter()
        .filter(|p| keep(&p.department))
        .filter_map(|p| {
            let indicator = p.indicator.clone()?;
            // Indicator priorities carry a whole level as `current`.
            let current = Level::clamped(p.current.round().clamp(1.0, 5.0) as u8);
            let next_level = Level::new(current.get() + 1)?;
            let row = summary.department(&p.department);
            Some(PriorityLine {
                position_text: String::new(),
                department_name: names.department(&p.department),
                department: p.department.clone(),
                dimension_name: names.dimension(&p.dimension),
                dimension: p.dimension.clone(),
                indicator_name: names.indicator(&indicator),
                next_rubric: data
                    .framework
                    .indicator(&indicator)
                    .and_then(|(_, i)| i.levels.get(next_level.index()))
                    .map(|text| text.get(lang).to_owned())
                    .unwrap_or_default(),
                indicator,
                current,
                current_text: format::level_digit(current),
                target: p.target,
                target_text: format::level_digit(p.target),
                gap: p.gap,
                gap_text: format::fixed(p.gap, 0),
                weight: p.weight,
                priority: p.priority,
                priority_text: format::priority(p.priority),
                next_level,
                provisional: row.is_some_and(DepartmentSummary::is_provisional),
                tags: row.map_or_else(Vec::new, |row| {
                    row.flags
                        .iter()
                        .map(|f| terms::flag(*f, lang).to_owned())
                        .collect()
                }),
            })
        })
        .take(limit)
        .enumerate()
        .map(|(k, mut line)| {
            line.position_text = (k + 1).to_string();
            line
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> crate::store::LoadedWorkspace {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assessments");
        crate::store::load(&dir).unwrap()
    }

    #[test]
    fn an_overview_updated_for_one_department_equals_one_made_again() {
        use crate::analysis::{Basis, replace_department_priorities, resummarize_department, summarize_on};
        use crate::model::Rating;
        let framework = crate::store::builtin_framework().unwrap();
        let options = crate::generate::SyntheticOptions {
            departments: 40,
            periods: 3,
            seed: 11,
            last_period: chrono::NaiveDate::from_ymd_opt(2025, 12, 31).unwrap(),
        };
        let (workspace, assessments) = crate::generate::synthetic(&framework, options);
        let mut data = Dataset::new(workspace, framework, assessments);
        let indicators: Vec<String> = data.framework.indicators().map(|(_, i)| i.id.clone()).collect();
        let mut summary = summarize_on(&data, None, Basis::Latest);
        let mut all = analysis::priorities(&data, &summary);
        let mut overviews: Vec<Overview> = Lang::ALL
            .iter()
            .map(|&lang| overview_with(&data, &summary, &all, lang))
            .collect();
        // Top, bottom, imbalanced and unanswered, in several departments.
        for (step, place) in [3usize, 17, 3, 29, 0, 39].into_iter().enumerate() {
            let row = &summary.departments[place];
            let (department, period) = (row.department.clone(), row.current.as_ref().unwrap().period);
            let edited = data.find_mut(&department, period).unwrap();
            for (n, indicator) in indicators.iter().enumerate() {
                let rating = match step % 3 {
                    0 => Rating::Level(Level::clamped(5)),
                    1 => Rating::Level(Level::clamped(if n < 4 { 5 } else { 1 })),
                    _ if n % 2 == 0 => Rating::Unanswered,
                    _ => Rating::Level(Level::clamped(2)),
                };
                edited.answers.entry(indicator.clone()).or_default().rating = rating;
            }
            assert!(resummarize_department(&data, &mut summary, &department));
            replace_department_priorities(&data, &summary, &mut all, &department);
            assert_eq!(all, analysis::priorities(&data, &summary), "step {step}");
            for (overview, &lang) in overviews.iter_mut().zip(Lang::ALL.iter()) {
                overview_edited(overview, &data, &summary, &all, lang, &department);
                assert_eq!(
                    *overview,
                    overview_with(&data, &summary, &all, lang),
                    "step {step} {lang:?}"
                );
            }
        }
    }

    #[test]
    fn equal_shown_levels_share_a_rank_and_go_by_name() {
        let loaded = sample();
        let summary = analysis::summarize(&loaded.data, None);
        let rows: Vec<(String, String, String)> = ranking(&loaded.data, &summary, Lang::En)
            .into_iter()
            .map(|r| (r.rank_text, r.name, r.level_text))
            .skip(7)
            .collect();
        // Emergency Management and Finance both have 2.575, shown 2.58:
        // both 9th, by name, and the next is 11th.
        let expected = [
            ("8", "Transport Bureau", "2.61"),
            ("9", "Emergency Management Bureau", "2.58"),
            ("9", "Finance Bureau", "2.58"),
            ("11", "Education Bureau", "2.49"),
            ("12", "Civil Affairs Bureau", "1.91"),
        ];
        let expected: Vec<(String, String, String)> = expected
            .iter()
            .map(|(a, b, c)| ((*a).to_owned(), (*b).to_owned(), (*c).to_owned()))
            .collect();
        assert_eq!(rows, expected);
    }

    #[test]
    fn priorities_break_ties_the_same_way_every_time() {
        let loaded = sample();
        let summary = analysis::summarize(&loaded.data, None);
        let rows: Vec<String> = priorities(&loaded.data, &summary, Lang::En, TOP_PRIORITIES)
            .into_iter()
            .map(|p| {
                format!(
                    "{} {} / {}: {}→{} gap {} = {}",
                    p.position_text,
                    p.department_name,
                    p.indicator_name,
                    p.current_text,
                    p.target_text,
                    p.gap_text,
                    p.priority_text
                )
            })
            .collect();
        // ((1 + 3)² − 1) × 1 = 15, then gap 2 at weight 1: (9 − 1) × 1 = 8,
        // department by department, the indicator short in more departments first.
        assert_eq!(
            rows[..3],
            [
                "1 Civil Affairs Bureau / Independence from vendors: 1→4 gap 3 = 15.00",
                "2 Civil Affairs Bureau / Monitoring & evaluation: 2→4 gap 2 = 8.00",
                "3 Civil Affairs Bureau / Coordinated investment: 2→4 gap 2 = 8.00",
            ]
        );
        assert_eq!(rows.len(), 10);
    }

    #[test]
    fn the_headline_is_written_in_the_language() {
        let loaded = sample();
        let summary = analysis::summarize(&loaded.data, None);
        let en = overview(&loaded.data, &summary, Lang::En).headline;
        assert_eq!(en.overall_level, "2.78");
        assert_eq!(en.coverage, "98%");
        assert_eq!(en.assessed, "12 / 12");
        assert_eq!(en.stage_line, "Stage 2 · Embryonic");
        let zh = overview(&loaded.data, &summary, Lang::Zh).headline;
        assert_eq!(zh.stage_line, "阶段 2 · 萌芽");
        assert_eq!(zh.submitted_note, "已提交：1");
        assert!(zh.as_of.starts_with("截至2025年12月31日\n"), "{}", zh.as_of);
    }
}
