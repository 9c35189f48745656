//! The plan's timeline: one row per action, a bar from its start to its due
//! date on a shared date axis, a vertical line at today, and target
//! deadlines marked on the rows of the actions that work towards them.

use chrono::NaiveDate;

use super::axis::{LinearScale, date_ticks, days_since};
use super::geom::{Point, Rect};

/// Where everything of a timeline goes inside `area`.
#[derive(Clone, Debug, PartialEq)]
pub struct TimelineLayout {
    /// One per span, in the order given.
    pub bars: Vec<Rect>,
    /// The today line's x, when today is in range.
    pub today: Option<f32>,
    /// Target deadlines: the centre of each mark (row, date as given).
    pub marks: Vec<Point>,
    /// Axis ticks: x and label.
    pub ticks: Vec<(f32, String)>,
}

/// Lays out `spans` (start, due), one row of `row_height` each from the top
/// of `area`, on a date axis that covers every span, today and every mark
/// (row index, date). A span whose due is before its start is drawn from
/// the due date to the start date.
pub fn timeline_layout(
    area: Rect,
    spans: &[(NaiveDate, NaiveDate)],
    today: NaiveDate,
    marks: &[(usize, NaiveDate)],
    row_height: f32,
) -> TimelineLayout {
    let dates = spans
        .iter()
        .flat_map(|(a, b)| [*a, *b])
        .chain(marks.iter().map(|(_, d)| *d))
        .chain(std::iter::once(today));
    let (first, last) = dates.fold((today, today), |(lo, hi), d| (lo.min(d), hi.max(d)));
    let span_days = days_since(first, last).max(1.0);
    let scale = LinearScale::new((0.0, span_days), (area.min.x, area.max.x));
    let x = |d: NaiveDate| scale.map(days_since(first, d));
    let bar_height = row_height * 0.6;
    let row_top = |row: usize| area.min.y + row as f32 * row_height + (row_height - bar_height) / 2.0;
    let bars = spans
        .iter()
        .enumerate()
        .map(|(row, (start, due))| {
            let (a, b) = (x(*start.min(due)), x(*start.max(due)));
            Rect::from_min_size(Point::new(a, row_top(row)), (b - a).max(2.0), bar_height)
        })
        .collect();
    let marks = marks
        .iter()
        .map(|(row, date)| Point::new(x(*date), row_top(*row) + bar_height / 2.0))
        .collect();
    let max_ticks = ((area.width() / 90.0) as usize).max(2);
    let ticks = date_ticks(first, last, max_ticks)
        .into_iter()
        .map(|(date, label)| (x(date), label))
        .collect();
    TimelineLayout {
        bars,
        today: Some(x(today)),
        marks,
        ticks,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn bars_run_from_start_to_due_on_a_shared_axis() {
        let area = Rect::new(Point::new(0.0, 0.0), Point::new(365.0, 100.0));
        let spans = [(d(2025, 1, 1), d(2025, 7, 1)), (d(2025, 7, 1), d(2026, 1, 1))];
        let layout = timeline_layout(area, &spans, d(2025, 4, 1), &[(1, d(2025, 12, 31))], 20.0);
        assert_eq!(layout.bars[0].min.x, 0.0);
        assert_eq!(layout.bars[0].max.x, 181.0);
        assert_eq!(layout.bars[1].max.x, 365.0);
        assert_eq!(layout.bars[1].min.y, 24.0, "second row, bar centred in it");
        assert_eq!(layout.today, Some(90.0));
        assert_eq!(layout.marks, [Point::new(364.0, 30.0)]);
        assert!(!layout.ticks.is_empty());
    }

    #[test]
    fn today_outside_the_spans_widens_the_axis() {
        let area = Rect::new(Point::new(0.0, 0.0), Point::new(100.0, 20.0));
        let spans = [(d(2025, 1, 1), d(2025, 1, 11))];
        let layout = timeline_layout(area, &spans, d(2025, 1, 21), &[], 20.0);
        assert_eq!(layout.today, Some(100.0));
        assert_eq!(layout.bars[0].max.x, 50.0);
    }
}
