//! Axes: a linear scale from data to screen with "nice" round ticks, and a
//! date axis that picks months, quarters, half-years or years to fit.
//!
//! Dates are plotted as days since a base date ([`days_since`]) and turned
//! back into dates for labels ([`date_from_days`]).

use chrono::{Datelike, NaiveDate, TimeDelta};

/// Maps a data interval (`domain`) linearly onto a screen interval (`range`).
/// Either may run backwards, e.g. a level axis with 5 at the top:
/// `domain (1, 5)`, `range (bottom, top)`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LinearScale {
    pub domain: (f64, f64),
    pub range: (f32, f32),
}

impl LinearScale {
    pub fn new(domain: (f64, f64), range: (f32, f32)) -> Self {
        LinearScale { domain, range }
    }

    /// The screen position of `value`. Values outside the domain map
    /// outside the range; an empty domain maps everything to the middle.
    pub fn map(&self, value: f64) -> f32 {
        let (d0, d1) = self.domain;
        let (r0, r1) = (f64::from(self.range.0), f64::from(self.range.1));
        if d1 == d0 {
            return ((r0 + r1) / 2.0) as f32;
        }
        // Screen coordinates fit an f32, so the narrowing cast is harmless.
        (r0 + (value - d0) / (d1 - d0) * (r1 - r0)) as f32
    }

    /// The value at screen position `position`; the domain start when the
    /// range is empty.
    pub fn invert(&self, position: f32) -> f64 {
        let (d0, d1) = self.domain;
        let (r0, r1) = (f64::from(self.range.0), f64::from(self.range.1));
        if r1 == r0 {
            return d0;
        }
        d0 + (f64::from(position) - r0) / (r1 - r0) * (d1 - d0)
    }

    /// Round tick values inside the domain, at most `max_ticks` of them.
    pub fn ticks(&self, max_ticks: usize) -> Vec<f64> {
        nice_ticks(self.domain.0, self.domain.1, max_ticks)
    }
}

/// Ticks at multiples of 1, 2 or 5 × 10ⁿ — the smallest such step that
/// keeps the count at or below `max_ticks` — inside `[lo, hi]` (either
/// order), ascending.
pub fn nice_ticks(lo: f64, hi: f64, max_ticks: usize) -> Vec<f64> {
    let (lo, hi) = (lo.min(hi), lo.max(hi));
    if max_ticks == 0 || !(lo.is_finite() && hi.is_finite()) {
        return Vec::new();
    }
    if lo == hi {
        return vec![lo];
    }
    let Some(step) = nice_step(lo, hi, max_ticks) else {
        return Vec::new();
    };
    let decimals = (-step.log10().floor()).max(0.0);
    let scale = 10f64.powf(decimals);
    let first = (lo / step - 1e-9).ceil();
    let last = (hi / step + 1e-9).floor();
    // Both bounds are whole numbers of steps, and at most max_ticks apart.
    let count = (last - first + 1.0).max(0.0) as usize;
    (0..count)
        .map(|i| {
            // i < count ≤ max_ticks, far below 2^52.
            let value = (first + i as f64) * step;
            (value * scale).round() / scale
        })
        .collect()
}

/// The smallest step of 1, 2 or 5 × 10ⁿ giving at most `max_ticks` ticks.
fn nice_step(lo: f64, hi: f64, max_ticks: usize) -> Option<f64> {
    // Tick counts are small, so the conversion is exact.
    let max = max_ticks as f64;
    let magnitude = 10f64.powf(((hi - lo) / max).log10().floor());
    [1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0]
        .into_iter()
        .map(|m| m * magnitude)
        .find(|&step| (hi / step + 1e-9).floor() - (lo / step - 1e-9).ceil() + 1.0 <= max)
}

/// Days from `base` to `date` (negative before it).
pub fn days_since(base: NaiveDate, date: NaiveDate) -> f64 {
    // Date spans are far below 2^52 days, so the conversion is exact.
    (date - base).num_days() as f64
}

/// The date `days` after `base`, rounded to the nearest day; `None` for a
/// non-finite value or one beyond the calendar.
pub fn date_from_days(base: NaiveDate, days: f64) -> Option<NaiveDate> {
    let days = days.round();
    if !days.is_finite() || days.abs() > 1e8 {
        return None;
    }
    // Bounded by 1e8 above, so the cast is exact.
    base.checked_add_signed(TimeDelta::try_days(days as i64)?)
}

/// Date-axis steps in months, finest first: month, quarter, half-year,
/// year, then multi-year steps for long histories.
const MONTH_STEPS: [i32; 10] = [1, 3, 6, 12, 24, 60, 120, 240, 600, 1200];

/// Labelled ticks for a date axis from `start` to `end` (either order), at
/// most `max_ticks`: the finest of months (`2025-03`), quarters
/// (`2025 Q1`), half-years (`2025 H1`) or years (`2025`) that fits. Ticks
/// fall on the first day of their month, inside the range, ascending. A
/// range without a month start in it gets its own ends, labelled as dates.
pub fn date_ticks(start: NaiveDate, end: NaiveDate, max_ticks: usize) -> Vec<(NaiveDate, String)> {
    let (start, end) = (start.min(end), start.max(end));
    if max_ticks == 0 {
        return Vec::new();
    }
    let fitting = MONTH_STEPS.iter().find_map(|&step| {
        let ticks = month_ticks(start, end, step, max_ticks)?;
        Some((step, ticks))
    });
    match fitting {
        Some((step, ticks)) if !ticks.is_empty() => ticks
            .into_iter()
            .map(|date| (date, month_label(date, step)))
            .collect(),
        _ => {
            let mut ends = vec![start];
            if end != start && max_ticks >= 2 {
                ends.push(end);
            }
            ends.into_iter()
                .map(|d| (d, d.format("%Y-%m-%d").to_string()))
                .collect()
        }
    }
}

/// First days of months within `[start, end]` whose month number (counted
/// from year 0) is a multiple of `step`; `None` when there are more than
/// `max_ticks`.
fn month_ticks(start: NaiveDate, end: NaiveDate, step: i32, max_ticks: usize) -> Option<Vec<NaiveDate>> {
    let first_month = month_index(start) + i32::from(start.day() != 1);
    let mut month = first_month + (step - first_month.rem_euclid(step)) % step;
    let mut ticks = Vec::new();
    while let Some(date) = month_start(month).filter(|d| *d <= end) {
        if ticks.len() == max_ticks {
            return None;
        }
        ticks.push(date);
        month += step;
    }
    Some(ticks)
}

/// Months since January of year 0.
fn month_index(date: NaiveDate) -> i32 {
    // month0 is 0–11, so the cast is exact.
    date.year() * 12 + date.month0() as i32
}

/// The first day of month `index` (see [`month_index`]).
fn month_start(index: i32) -> Option<NaiveDate> {
    // rem_euclid(12) is 0–11, so the cast is exact.
    NaiveDate::from_ymd_opt(index.div_euclid(12), index.rem_euclid(12) as u32 + 1, 1)
}

/// The label of a tick at `date` on an axis stepping `step` months.
fn month_label(date: NaiveDate, step: i32) -> String {
    match step {
        1 => date.format("%Y-%m").to_string(),
        3 => format!("{} Q{}", date.year(), date.month0() / 3 + 1),
        6 => format!("{} H{}", date.year(), date.month0() / 6 + 1),
        _ => date.year().to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn linear_scale_maps_and_inverts() {
        // Level axis, 5 at the top.
        let scale = LinearScale::new((1.0, 5.0), (200.0, 0.0));
        assert_eq!(scale.map(1.0), 200.0);
        assert_eq!(scale.map(5.0), 0.0);
        assert_eq!(scale.map(3.0), 100.0);
        assert_eq!(scale.invert(50.0), 4.0);
        for v in [1.0, 2.25, 4.9] {
            assert!((scale.invert(scale.map(v)) - v).abs() < 1e-5);
        }
        let flat = LinearScale::new((2.0, 2.0), (0.0, 10.0));
        assert_eq!(flat.map(7.0), 5.0);
        assert_eq!(LinearScale::new((0.0, 1.0), (3.0, 3.0)).invert(3.0), 0.0);
    }

    #[test]
    fn nice_ticks_are_round_and_inside() {
        assert_eq!(nice_ticks(1.0, 5.0, 5), [1.0, 2.0, 3.0, 4.0, 5.0]);
        assert_eq!(nice_ticks(1.0, 5.0, 3), [2.0, 4.0]);
        assert_eq!(nice_ticks(0.0, 100.0, 5), [0.0, 50.0, 100.0]);
        assert_eq!(nice_ticks(0.0, 100.0, 6), [0.0, 20.0, 40.0, 60.0, 80.0, 100.0]);
        assert_eq!(nice_ticks(0.0, 1.0, 6), [0.0, 0.2, 0.4, 0.6, 0.8, 1.0]);
        assert_eq!(nice_ticks(5.0, 1.0, 5), [1.0, 2.0, 3.0, 4.0, 5.0]);
        assert_eq!(nice_ticks(2.0, 2.0, 5), [2.0]);
        assert!(nice_ticks(0.0, 1.0, 0).is_empty());
        assert!(nice_ticks(0.0, f64::INFINITY, 5).is_empty());
        for (lo, hi, max) in [
            (-3.7, 12.2, 7),
            (0.013, 0.0171, 4),
            (1.0, 1e6, 10),
            (-50.0, -49.9, 3),
        ] {
            let ticks = nice_ticks(lo, hi, max);
            assert!(!ticks.is_empty() && ticks.len() <= max, "{lo}..{hi}: {ticks:?}");
            assert!(
                ticks.iter().all(|t| (lo - 1e-9..=hi + 1e-9).contains(t)),
                "{ticks:?}"
            );
            assert!(ticks.windows(2).all(|w| w[0] < w[1]));
        }
    }

    #[test]
    fn days_round_trip() {
        let base = date(2024, 1, 1);
        assert_eq!(days_since(base, date(2024, 7, 1)), 182.0);
        assert_eq!(days_since(base, date(2023, 12, 31)), -1.0);
        assert_eq!(date_from_days(base, 182.0), Some(date(2024, 7, 1)));
        assert_eq!(date_from_days(base, 181.6), Some(date(2024, 7, 1)));
        assert_eq!(date_from_days(base, -1.0), Some(date(2023, 12, 31)));
        assert_eq!(date_from_days(base, f64::NAN), None);
        assert_eq!(date_from_days(base, 1e12), None);
    }

    #[test]
    fn short_range_gets_months() {
        let ticks = date_ticks(date(2025, 1, 15), date(2025, 5, 1), 6);
        let labels: Vec<_> = ticks.iter().map(|(_, l)| l.as_str()).collect();
        assert_eq!(labels, ["2025-02", "2025-03", "2025-04", "2025-05"]);
        assert_eq!(ticks[0].0, date(2025, 2, 1));
    }

    #[test]
    fn two_years_get_quarters_then_half_years_then_years() {
        let (start, end) = (date(2024, 1, 1), date(2025, 12, 31));
        let quarters: Vec<_> = date_ticks(start, end, 8).into_iter().map(|(_, l)| l).collect();
        assert_eq!(
            quarters,
            [
                "2024 Q1", "2024 Q2", "2024 Q3", "2024 Q4", "2025 Q1", "2025 Q2", "2025 Q3", "2025 Q4"
            ]
        );
        let halves: Vec<_> = date_ticks(start, end, 4).into_iter().map(|(_, l)| l).collect();
        assert_eq!(halves, ["2024 H1", "2024 H2", "2025 H1", "2025 H2"]);
        let years: Vec<_> = date_ticks(start, end, 3).into_iter().map(|(_, l)| l).collect();
        assert_eq!(years, ["2024", "2025"]);
        let decade = date_ticks(date(2010, 6, 1), date(2030, 6, 1), 5);
        assert_eq!(
            decade.iter().map(|(d, _)| d.year()).collect::<Vec<_>>(),
            [2015, 2020, 2025, 2030]
        );
    }

    #[test]
    fn date_ticks_inside_range_and_ordered() {
        let cases = [
            (date(2023, 3, 17), date(2026, 11, 2)),
            (date(2025, 6, 30), date(2025, 12, 31)),
            (date(1999, 12, 31), date(2031, 1, 1)),
            (date(2025, 12, 31), date(2024, 12, 31)),
        ];
        for (a, b) in cases {
            for max in 1..=12 {
                let ticks = date_ticks(a, b, max);
                assert!(
                    !ticks.is_empty() && ticks.len() <= max,
                    "{a}..{b} max {max}: {ticks:?}"
                );
                assert!(
                    ticks.iter().all(|(d, _)| (a.min(b)..=a.max(b)).contains(d)),
                    "{ticks:?}"
                );
                assert!(ticks.windows(2).all(|w| w[0].0 < w[1].0));
            }
        }
    }

    #[test]
    fn range_without_a_month_start_shows_its_ends() {
        let ticks = date_ticks(date(2025, 6, 2), date(2025, 6, 30), 5);
        assert_eq!(
            ticks,
            [
                (date(2025, 6, 2), "2025-06-02".to_owned()),
                (date(2025, 6, 30), "2025-06-30".to_owned())
            ]
        );
        let single = date_ticks(date(2025, 6, 30), date(2025, 6, 30), 5);
        assert_eq!(single.len(), 1);
        assert!(date_ticks(date(2025, 1, 1), date(2026, 1, 1), 0).is_empty());
    }
}
