//! The Compare view's figures: two assessments (two departments at one
//! period, or one department at two periods) side by side: per dimension
//! and overall A's and B's mean level and B − A, and the indicators that
//! moved most. Every word comes from the catalogue and every number from
//! [`super::format`]; the app caches a comparison per revision.

use chrono::NaiveDate;

use crate::analysis::{self, AssessmentScore};
use crate::model::{Assessment, Dataset, Lang};

use super::catalogue::{T, tagged_text};
use super::department::Change;
use super::format;
use super::overview::labelled;

/// How many movers each list shows.
pub const MOVERS_SHOWN: usize = 8;

/// One side of a comparison: which assessment, and its score.
#[derive(Clone, Copy, Debug)]
pub struct Side<'a> {
    pub score: &'a AssessmentScore,
    pub assessment: &'a Assessment,
}

/// What the Compare view shows for two sides, A and B.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    /// "A: Finance Bureau (2025-12-31)", "B: …", the radar's legend.
    pub series_names: [String; 2],
    /// Per dimension in framework order, each side's mean level (the radar).
    pub radar: [Vec<Option<f64>>; 2],
    /// Per dimension, then the overall mean level.
    pub rows: Vec<DifferenceRow>,
    /// Indicators where B is higher, biggest first, at most [`MOVERS_SHOWN`].
    pub up: Vec<MoverRow>,
    /// Indicators where B is lower, biggest first, at most [`MOVERS_SHOWN`].
    pub down: Vec<MoverRow>,
    /// "… 3 more not shown", when `up` was cut.
    pub up_more: Option<String>,
    pub down_more: Option<String>,
}

/// One row of the difference table.
#[derive(Clone, Debug, PartialEq)]
pub struct DifferenceRow {
    pub name: String,
    /// The overall row, printed strong.
    pub overall: bool,
    pub left_text: String,
    pub right_text: String,
    /// B − A, with an arrow and a sign.
    pub difference: Change,
}

/// One indicator that moved between A and B.
#[derive(Clone, Debug, PartialEq)]
pub struct MoverRow {
    /// "▲ +2", "▼ −1".
    pub change_text: String,
    /// B − A in whole levels, for the colour.
    pub change: f64,
    /// "2 → 4".
    pub levels_text: String,
    pub indicator_name: String,
    pub dimension_name: String,
}

/// A side's name in the legend: "Finance Bureau (2025-12-31)" /
/// "市财政局（2025年12月31日）".
pub fn side_name(department: &str, period: NaiveDate, lang: Lang) -> String {
    tagged_text(department, &format::date(period, lang), lang)
}

/// "Period: 2025-12-31" / "评估期：2025年12月31日".
pub fn period_line(period: NaiveDate, lang: Lang) -> String {
    labelled(T::Period.get(lang), &format::date(period, lang), lang)
}

/// A period in a picker: "2025-12-31" / "2025年12月31日", or "–".
pub fn period_text(period: Option<NaiveDate>, lang: Lang) -> String {
    format::date_or_missing(period, lang)
}

/// B − A, when both sides have a figure: the difference of the two
/// figures as shown, so it equals what a reader works out from the columns.
pub fn difference(a: Option<f64>, b: Option<f64>) -> Option<f64> {
    let shown = |v: f64| format::round(v, format::LEVEL_DECIMALS);
    Some(format::round(shown(b?) - shown(a?), format::LEVEL_DECIMALS))
}

/// Everything the Compare view shows for A and B, named `names`.
pub fn comparison(data: &Dataset, names: [&str; 2], a: Side, b: Side, lang: Lang) -> Comparison {
    let dimensions = &data.framework.dimensions;
    let series_names = [(a, T::Left, names[0]), (b, T::Right, names[1])].map(|(side, letter, name)| {
        labelled(letter.get(lang), &side_name(name, side.score.period, lang), lang)
    });
    let radar = [a, b].map(|side| {
        dimensions
            .iter()
            .map(|d| side.score.dimension(&d.id).and_then(|s| s.mean_level))
            .collect()
    });
    let mut rows: Vec<DifferenceRow> = dimensions
        .iter()
        .map(|d| {
            let left = a.score.dimension(&d.id).and_then(|s| s.mean_level);
            let right = b.score.dimension(&d.id).and_then(|s| s.mean_level);
            difference_row(d.name.get(lang).to_owned(), false, left, right)
        })
        .collect();
    rows.push(difference_row(
        T::OverallMean.get(lang).to_owned(),
        true,
        a.score.mean_level,
        b.score.mean_level,
    ));
    let moves = analysis::movers(data, a.assessment, b.assessment);
    let mover = |(id, change): &(String, i8)| mover_row(data, a.assessment, b.assessment, id, *change, lang);
    let up: Vec<MoverRow> = moves.iter().filter(|(_, c)| *c > 0).map(mover).collect();
    let down: Vec<MoverRow> = moves.iter().rev().filter(|(_, c)| *c < 0).map(mover).collect();
    let (up, up_more) = cut(up, lang);
    let (down, down_more) = cut(down, lang);
    Comparison {
        series_names,
        radar,
        rows,
        up,
        down,
        up_more,
        down_more,
    }
}

fn difference_row(name: String, overall: bool, left: Option<f64>, right: Option<f64>) -> DifferenceRow {
    DifferenceRow {
        name,
        overall,
        left_text: format::level(left),
        right_text: format::level(right),
        difference: Change::new(difference(left, right)),
    }
}

fn mover_row(data: &Dataset, a: &Assessment, b: &Assessment, id: &str, change: i8, lang: Lang) -> MoverRow {
    let level = |side: &Assessment| {
        side.level(id)
            .map_or_else(|| format::MISSING.to_owned(), format::level_digit)
    };
    let arrow = if change > 0 { "▲" } else { "▼" };
    let sign = if change > 0 { "+" } else { "−" };
    let (indicator_name, dimension_name) = data.framework.indicator(id).map_or_else(
        || (id.to_owned(), String::new()),
        |(d, i)| (i.name.get(lang).to_owned(), d.name.get(lang).to_owned()),
    );
    MoverRow {
        change_text: format!("{arrow} {sign}{}", change.unsigned_abs()),
        change: f64::from(change),
        levels_text: format!("{} → {}", level(a), level(b)),
        indicator_name,
        dimension_name,
    }
}

/// At most [`MOVERS_SHOWN`] rows, and how many more were left out.
fn cut(mut rows: Vec<MoverRow>, lang: Lang) -> (Vec<MoverRow>, Option<String>) {
    let more = rows.len().saturating_sub(MOVERS_SHOWN);
    rows.truncate(MOVERS_SHOWN);
    let note = (more > 0).then(|| format!("… {more} {}", T::NotShown.get(lang)));
    (rows, note)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn difference_needs_both_sides() {
        assert_eq!(difference(Some(2.0), Some(3.5)), Some(1.5));
        assert_eq!(difference(None, Some(3.5)), None);
        // 2.234 shows as 2.23 and 2.4449 as 2.44: the difference shown is 0.21.
        assert_eq!(difference(Some(2.234), Some(2.4449)), Some(0.21));
        assert_eq!(difference(Some(2.0), None), None);
    }

    #[test]
    fn names_and_periods_read_naturally() {
        let d = NaiveDate::from_ymd_opt(2025, 12, 31).unwrap();
        assert_eq!(
            side_name("Finance Bureau", d, Lang::En),
            "Finance Bureau (2025-12-31)"
        );
        assert_eq!(side_name("市财政局", d, Lang::Zh), "市财政局（2025年12月31日）");
        assert_eq!(period_line(d, Lang::Zh), "评估期：2025年12月31日");
        assert_eq!(period_text(None, Lang::En), "–");
    }
}
