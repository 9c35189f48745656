//! The executive summary's prose, generated from the figures alone: the
//! stage, the strongest and weakest dimensions, the biggest movers since the
//! previous period, who falls short of target, and imbalance flags. Every
//! sentence states a number the report shows elsewhere; nothing is invented.
//!
//! One paragraph per topic, in the report's language; the sentences are
//! the catalogue's (`catalogue::report`), the numbers `format`'s. Names
//! inside come from user data, so renderers escape these strings like any
//! other.

use super::{ProgressRow, ReportContent};
use crate::present::catalogue::report as say;
use crate::present::catalogue::status;
use crate::present::format::{self, LEVEL_DECIMALS};

/// The paragraphs of the executive summary.
pub fn narrative(content: &ReportContent) -> Vec<String> {
    let paragraphs = if content.scope.is_some() {
        [
            department_stage(content),
            department_dimensions(content),
            department_change(content),
            below_target(content),
            imbalance(content),
        ]
    } else {
        [
            government_stage(content),
            dimensions(content),
            movers(content),
            below_target(content),
            imbalance(content),
        ]
    };
    let mut paragraphs: Vec<String> = paragraphs.into_iter().flatten().collect();
    if paragraphs.is_empty() {
        paragraphs.push(content.labels.no_assessment.to_owned());
    }
    paragraphs
}

/// The brief's conclusions: where the government (or the department)
/// stands, its strongest and weakest dimensions, and what moved since the
/// previous period. The shortfalls, targets and imbalances have sections of
/// their own in the brief.
pub fn conclusions(content: &ReportContent) -> Vec<String> {
    let paragraphs = if content.scope.is_some() {
        [
            department_stage(content),
            department_dimensions(content),
            department_change(content),
        ]
    } else {
        [government_stage(content), dimensions(content), movers(content)]
    };
    let mut paragraphs: Vec<String> = paragraphs.into_iter().flatten().collect();
    if paragraphs.is_empty() {
        paragraphs.push(content.labels.no_assessment.to_owned());
    }
    paragraphs
}

/// Where the government stands: stage, mean level, workflow and coverage.
fn government_stage(content: &ReportContent) -> Option<String> {
    let summary = &content.summary;
    let lang = content.lang;
    let period = summary.period?;
    let total = summary.departments.len();
    let Some((stage, mean)) = summary.stage.zip(summary.mean_level) else {
        return Some(say::government_unscored(period, total, lang));
    };
    let level = content.levels.get(stage.index());
    let (name, meaning) = level.map_or(("", ""), |l| (l.name.as_str(), l.summary.as_str()));
    // Where the work stands, from each department's latest assessment
    // whatever the basis, so the three counts add up.
    let approved = summary
        .departments
        .iter()
        .filter(|d| d.workflow == Some(crate::model::Status::Approved))
        .count();
    Some(say::government_stage(
        &say::GovernmentStage {
            period,
            total,
            assessed: summary.assessed,
            mean_level: &format::level(Some(mean)),
            stage: stage.get(),
            stage_name: name,
            meaning,
            approved,
            submitted: summary.submitted,
            draft: summary.draft,
            coverage: &format::percent(Some(summary.coverage)),
        },
        lang,
    ))
}

/// The strongest and weakest dimension across departments, and the spread
/// between departments.
fn dimensions(content: &ReportContent) -> Option<String> {
    let lang = content.lang;
    let (strongest, weakest) = extremes(&content.dimension_overview, |d| d.mean_level)?;
    let ranked: Vec<_> = content
        .ranking
        .iter()
        .filter(|r| r.mean_level.is_some())
        .collect();
    let spread = match (ranked.first(), ranked.last()) {
        (Some(top), Some(bottom)) if ranked.len() > 1 => say::departments_range(
            &say::with_figure(&bottom.name, &format::level(bottom.mean_level), lang),
            &say::with_figure(&top.name, &format::level(top.mean_level), lang),
            lang,
        ),
        _ => String::new(),
    };
    Some(say::dimension_extremes(
        &strongest.0.name,
        &format::level(Some(strongest.1)),
        &weakest.0.name,
        &format::level(Some(weakest.1)),
        &spread,
        lang,
    ))
}

/// An item with its score.
type Scored<'a, T> = (&'a T, f64);

/// The highest- and the lowest-scoring of `items`, each with its score,
/// when at least two have a score.
fn extremes<T>(items: &[T], score: impl Fn(&T) -> Option<f64>) -> Option<(Scored<'_, T>, Scored<'_, T>)> {
    let scored: Vec<Scored<'_, T>> = items.iter().filter_map(|i| Some((i, score(i)?))).collect();
    if scored.len() < 2 {
        return None;
    }
    let strongest = scored.iter().max_by(|a, b| a.1.total_cmp(&b.1))?;
    let weakest = scored.iter().min_by(|a, b| a.1.total_cmp(&b.1))?;
    Some((*strongest, *weakest))
}

/// A change as shown, for telling rises from falls the way the reader sees them.
fn shown(change: f64) -> f64 {
    format::round(change, LEVEL_DECIMALS)
}

/// The biggest rises and falls since each department's previous
/// assessment, among the departments assessed at the report's period (a
/// carried-over department's change belongs to an earlier interval).
fn movers(content: &ReportContent) -> Option<String> {
    let lang = content.lang;
    let period = content.summary.period?;
    let mut moved: Vec<(&ProgressRow, f64)> = content
        .progress
        .iter()
        .filter(|p| p.current_period == period)
        .filter_map(|p| Some((p, p.change?)))
        .collect();
    if moved.is_empty() {
        return Some(content.labels.no_progress.to_owned());
    }
    moved.sort_by(|a, b| b.1.total_cmp(&a.1));
    let named = |(p, change): &(&ProgressRow, f64)| {
        say::mover(&p.name, &format::change(Some(*change)), p.provisional, lang)
    };
    let rises: Vec<String> = moved
        .iter()
        .filter(|m| shown(m.1) > 0.0)
        .take(3)
        .map(named)
        .collect();
    let falls: Vec<String> = moved
        .iter()
        .rev()
        .filter(|m| shown(m.1) < 0.0)
        .take(3)
        .map(named)
        .collect();
    // Department counts are far below 2^52, so the conversion is exact.
    let average = moved.iter().map(|m| m.1).sum::<f64>() / moved.len() as f64;
    let mut text = say::movers_average(moved.len(), &format::change(Some(average)), lang);
    let gains = (!rises.is_empty()).then(|| say::list(&rises, lang));
    text.push_str(&say::biggest_gains(gains.as_deref(), lang));
    if !falls.is_empty() {
        text.push_str(&say::declined(&say::list(&falls, lang), lang));
    }
    Some(text)
}

/// Departments short of a dimension target, and the most urgent shortfall.
fn below_target(content: &ReportContent) -> Option<String> {
    let lang = content.lang;
    let assessed: Vec<_> = content
        .heatmap
        .iter()
        .filter(|d| d.mean_level.is_some())
        .collect();
    if assessed.is_empty() {
        return None;
    }
    let urgent = content.priorities.first().map_or_else(String::new, |p| {
        say::most_urgent(
            &p.indicator_name,
            &p.department_name,
            p.current.get(),
            p.target.get(),
            lang,
        )
    });
    if content.scope.is_some() {
        let department = assessed.first()?;
        // The biggest gaps first (a stable sort: equal gaps in framework order).
        let mut short: Vec<_> = department
            .dimensions
            .iter()
            .filter(|d| d.gap.is_some_and(|g| g > 0.0))
            .collect();
        short.sort_by(|a, b| b.gap.unwrap_or(0.0).total_cmp(&a.gap.unwrap_or(0.0)));
        let with_target = department
            .dimensions
            .iter()
            .filter(|d| d.target.is_some())
            .count();
        let dims: Vec<String> = short
            .iter()
            .map(|d| say::dimension_gap(&d.name, &format::level(d.gap), lang))
            .collect();
        return Some(say::department_below_target(
            &say::list(&dims, lang),
            short.len(),
            with_target,
            &urgent,
            lang,
        ));
    }
    let short = assessed.iter().filter(|d| d.below_target).count();
    Some(say::departments_below_target(
        short,
        assessed.len(),
        &urgent,
        lang,
    ))
}

/// Dimensions more than one level below their department's stage.
fn imbalance(content: &ReportContent) -> Option<String> {
    let lang = content.lang;
    if content.heatmap.iter().all(|d| d.mean_level.is_none()) {
        return None;
    }
    let flags: Vec<String> = content
        .heatmap
        .iter()
        .flat_map(|department| {
            department
                .dimensions
                .iter()
                .filter(|d| d.imbalanced)
                .map(move |d| {
                    say::imbalanced_dimension(&d.name, &department.name, &format::level(d.mean_level), lang)
                })
        })
        .collect();
    Some(say::imbalance(&say::list(&flags, lang), lang))
}

/// A one-department report: where the department stands and its rank.
fn department_stage(content: &ReportContent) -> Option<String> {
    let lang = content.lang;
    let period = content.summary.period?;
    let (_, name) = content.scope.as_ref()?;
    let figures = content.heatmap.first()?;
    let (Some(stage), Some(mean)) = (figures.stage, figures.mean_level) else {
        return Some(say::department_unscored(period, name, lang));
    };
    let meaning = content
        .levels
        .get(stage.index())
        .map_or("", |l| l.summary.as_str());
    let status = figures.status.map_or("", |s| status(s, lang));
    Some(say::department_stage(
        &say::DepartmentStage {
            period,
            name,
            mean_level: &format::level(Some(mean)),
            assessed_on: figures.period,
            status,
            rank: content
                .ranking
                .first()
                .and_then(|r| Some((r.rank?, r.of, r.tied))),
            stage: stage.get(),
            stage_name: &figures.stage_name,
            meaning,
            coverage: &format::percent(figures.coverage),
        },
        lang,
    ))
}

/// A one-department report: its strongest and weakest dimension.
fn department_dimensions(content: &ReportContent) -> Option<String> {
    let lang = content.lang;
    let figures = content.heatmap.first()?;
    let (strongest, weakest) = extremes(&figures.dimensions, |d| d.mean_level)?;
    let floor = weakest.0.floor.map_or_else(String::new, |f| {
        say::weakest_indicator(
            weakest.0.floor_indicator.as_deref().unwrap_or_default(),
            f.get(),
            lang,
        )
    });
    Some(say::department_extremes(
        &strongest.0.name,
        &format::level(Some(strongest.1)),
        &weakest.0.name,
        &format::level(Some(weakest.1)),
        &floor,
        lang,
    ))
}

/// A one-department report: the change since its previous assessment and
/// which dimensions moved most.
fn department_change(content: &ReportContent) -> Option<String> {
    let lang = content.lang;
    let figures = content.heatmap.first()?;
    figures.mean_level?;
    let Some(progress) = content.progress.first() else {
        return Some(say::no_earlier_assessment(lang));
    };
    let mut moved: Vec<_> = figures
        .dimensions
        .iter()
        .filter_map(|d| Some((d, d.change?)))
        .filter(|(_, change)| shown(*change) != 0.0)
        .collect();
    moved.sort_by(|a, b| b.1.abs().total_cmp(&a.1.abs()));
    let names: Vec<String> = moved
        .iter()
        .map(|(d, change)| {
            say::with_figure(&say::quoted(&d.name, lang), &format::change(Some(*change)), lang)
        })
        .collect();
    let moves = say::dimensions_moved(&say::list(&names, lang), lang);
    Some(say::department_change(
        progress.previous_period,
        &format::change(progress.change),
        &format::level(progress.previous_level),
        &format::level(progress.current_level),
        &moves,
        lang,
    ))
}
