//! The Trends view's figures: the lines (one department's overall level and
//! dimensions, a chosen set of departments, or the mean of all with its
//! min–max band), their targets from `analysis::target`, projections, and
//! every word and number the view prints about them.
//!
//! No egui here; the view memoises what [`one_department`],
//! [`chosen_departments`] and [`all_departments`] return per revision.

use std::collections::BTreeSet;

use chrono::NaiveDate;

use crate::analysis::{self, Basis, GroupPoint, Projection, Schedule, Trend};
use crate::model::{Dataset, Framework, Lang, Level};

use super::catalogue::document as words;
use super::catalogue::{T, held_back_text, tagged_text};
use super::format;

/// One department's overall trend (`None`) and one per dimension (its id).
pub fn one_department(
    data: &Dataset,
    department: Option<&str>,
    basis: Basis,
) -> Vec<(Option<String>, Trend)> {
    let Some(department) = department else {
        return Vec::new();
    };
    let dimensions = data.framework.dimensions.iter().map(|d| Some(d.id.as_str()));
    std::iter::once(None)
        .chain(dimensions)
        .map(|dimension| {
            (
                dimension.map(str::to_owned),
                analysis::trend_on(data, department, dimension, basis),
            )
        })
        .collect()
}

/// One trend per chosen active department, in the workspace's order.
pub fn chosen_departments(
    data: &Dataset,
    chosen: &BTreeSet<String>,
    dimension: Option<&str>,
    basis: Basis,
) -> Vec<(Option<String>, Trend)> {
    data.workspace
        .active_departments()
        .filter(|d| chosen.contains(&d.id))
        .map(|d| {
            (
                Some(d.id.clone()),
                analysis::trend_on(data, &d.id, dimension, basis),
            )
        })
        .collect()
}

/// The mean of every active department, as a trend against the
/// workspace-wide target ([`analysis::workspace_target`]: overall, the
/// weighted mean of the dimension targets, as for one department), and the
/// min–max band around it.
pub fn all_departments(
    data: &Dataset,
    dimension: Option<&str>,
    basis: Basis,
) -> (Vec<(Option<String>, Trend)>, Vec<GroupPoint>) {
    let ids: Vec<&str> = data
        .workspace
        .active_departments()
        .map(|d| d.id.as_str())
        .collect();
    group(data, &ids, dimension, basis)
}

/// The mean of `departments` as a trend against the workspace-wide target,
/// and the min–max band around it (see [`all_departments`]).
pub fn group(
    data: &Dataset,
    departments: &[&str],
    dimension: Option<&str>,
    basis: Basis,
) -> (Vec<(Option<String>, Trend)>, Vec<GroupPoint>) {
    let band = analysis::group_trend_on(data, departments, dimension, basis);
    if band.is_empty() {
        return (Vec::new(), band);
    }
    let points: Vec<(NaiveDate, f64)> = band.iter().map(|g| (g.period, g.mean)).collect();
    let change = match points.as_slice() {
        [.., (_, before), (_, now)] => Some(now - before),
        _ => None,
    };
    let target = analysis::workspace_target(data, dimension);
    let projection = target
        .as_ref()
        .map_or(Projection::NoTarget, |t| analysis::project(&points, t.level));
    let mean = Trend {
        points,
        provisional: Vec::new(),
        change,
        target: target.as_ref().map(|t| t.level),
        target_by: target.and_then(|t| t.by),
        projection,
        held_back_by: None,
    };
    (vec![(None, mean)], band)
}

/// A chart title with what it shows and how many: "Level over time — All
/// departments (12 departments)" / "…（12个部门）".
pub fn chart_title(chart: &str, scope: &str, count: &str, lang: Lang) -> String {
    tagged_text(&format!("{chart} — {scope}"), count, lang)
}

/// "12 departments" / "12个部门".
pub fn department_count(count: usize, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{count} {}", T::TrendDepartmentCount.get(lang)),
        Lang::Zh => format!("{count}{}", T::TrendDepartmentCount.get(lang)),
    }
}

/// A point of a line: "2.63", or "2.63 (provisional)" / "2.63（暂定）".
pub fn point_text(value: Option<f64>, provisional: bool, lang: Lang) -> String {
    let text = format::level(value);
    if provisional && value.is_some() {
        tagged_text(&text, T::Provisional.get(lang), lang)
    } else {
        text
    }
}

/// The band's spread at one period: "1.91–3.87".
pub fn band_text(point: &GroupPoint) -> String {
    format!(
        "{}–{}",
        format::level(Some(point.min)),
        format::level(Some(point.max))
    )
}

/// An axis mark's month: "2025-12".
pub fn axis_month(date: NaiveDate) -> String {
    date.format("%Y-%m").to_string()
}

/// A whole level's mark on the value axis: "3 Growth" / "3 发展".
pub fn level_label(framework: &Framework, level: Level, lang: Lang) -> String {
    format!(
        "{} {}",
        format::level_digit(level),
        framework.level_name(level, lang)
    )
}

/// A target level: a whole level as "4", an overall (weighted mean) target
/// as a level, "3.67".
pub fn target_level_text(level: f64) -> String {
    let whole = format::round(level, 0);
    if (level - whole).abs() < 1e-9 {
        format::fixed(level, 0)
    } else {
        format::level(Some(level))
    }
}

/// "4 Consolidation · 2026-12-31" for a whole level, "3.67 · 2026-12-31"
/// for an overall target (dates the Chinese way in Chinese), or "–".
pub fn target_text(framework: &Framework, trend: &Trend, lang: Lang) -> String {
    let Some(target) = trend.target else {
        return format::MISSING.to_owned();
    };
    let whole = format::round(target, 0);
    let is_level = (target - whole).abs() < 1e-9 && (1.0..=5.0).contains(&whole);
    // Checked to be a whole 1–5 first, so the cast is exact.
    let level = is_level.then(|| Level::new(whole as u8)).flatten().map_or_else(
        || target_level_text(target),
        |level| level_label(framework, level, lang),
    );
    match trend.target_by {
        Some(by) => format!("{level} · {}", format::date(by, lang)),
        None => level,
    }
}

pub use super::catalogue::views::month_text;

/// The projection as a sentence: "Projected to reach target: Mar 2027 (on
/// schedule)"; a passed target date not reached reads "overdue", whatever
/// the line says. `overall` says which "reached" is meant: every dimension
/// with a target, or the line's own.
pub fn outlook_text(
    lang: Lang,
    framework: &Framework,
    trend: &Trend,
    overall: bool,
    today: NaiveDate,
) -> String {
    // Overall, name the dimension that holds the outlook back: the overall
    // level may be rising while it is not.
    let held_back = trend
        .held_back_by
        .as_deref()
        .and_then(|id| framework.dimension(id))
        .map(|d| d.name.get(lang));
    match (trend.projection, held_back) {
        (Projection::NotProgressing, Some(name)) => return held_back_text(name, false, lang),
        (Projection::BeyondHorizon, Some(name)) => return held_back_text(name, true, lang),
        _ => {}
    }
    let schedule = trend.on_schedule(today);
    let sentence = match trend.projection {
        Projection::Projected(date) => {
            let projected = T::Projection.get(lang);
            let schedule = match schedule {
                Some(Schedule::OnSchedule) => Some(T::TrendOnSchedule.get(lang)),
                Some(Schedule::Late) => Some(T::TrendLate.get(lang)),
                Some(Schedule::Overdue) => Some(T::TrendOverdue.get(lang)),
                None => None,
            };
            let month = month_text(date, lang);
            let line = words::labelled(projected, &month, lang);
            return match schedule {
                Some(schedule) => format!("{line}{}", words::aside_after(schedule, lang)),
                None => line,
            };
        }
        Projection::Reached if overall => T::TrendReachedAll.get(lang),
        Projection::Reached => T::TrendReached.get(lang),
        Projection::NotProgressing => T::TrendNotProgressing.get(lang),
        Projection::BeyondHorizon => T::TrendBeyondHorizon.get(lang),
        Projection::TooFewPoints => T::NoTrend.get(lang),
        Projection::NoTarget => T::TrendNoTarget.get(lang),
    };
    match schedule {
        Some(Schedule::Overdue) => words::sentences(T::TrendOverdueLead.get(lang), sentence, lang),
        _ => sentence.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_and_bands_read_naturally() {
        let d = NaiveDate::from_ymd_opt(2027, 3, 31).unwrap_or_default();
        assert_eq!(month_text(d, Lang::En), "Mar 2027");
        assert_eq!(month_text(d, Lang::Zh), "2027年3月");
        let point = GroupPoint {
            period: d,
            mean: 2.5,
            min: 1.916,
            max: 3.866,
            count: 3,
        };
        assert_eq!(band_text(&point), "1.92–3.87");
        assert_eq!(point_text(Some(2.625), true, Lang::Zh), "2.63（暂定）");
        assert_eq!(point_text(None, true, Lang::En), "–");
    }
}
