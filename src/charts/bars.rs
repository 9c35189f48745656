//! Bar chart geometry: equal slots side by side, bar length proportional to
//! value. Vertical bars grow up from the bottom of the area, horizontal ones
//! right from its left edge.

use super::geom::{Point, Rect};
use super::heatmap::bands;

/// One bar per value, scaled so that `max` fills the area. Values are
/// clamped to 0–`max`; with a `max` that is not a positive number every bar
/// has zero length. Slots are `gap` apart.
pub fn bar_layout(values: &[f64], max: f64, area: Rect, horizontal: bool, gap: f32) -> Vec<Rect> {
    let (across_start, across_length) = if horizontal {
        (area.min.y, area.height())
    } else {
        (area.min.x, area.width())
    };
    let along_length = if horizontal { area.width() } else { area.height() }.max(0.0);
    bands(across_start, across_length, values.len(), gap)
        .into_iter()
        .zip(values)
        .map(|((from, to), &value)| {
            // The share is clamped to 0–1, so the narrowing cast is harmless.
            let length = along_length * share(value, max) as f32;
            if horizontal {
                Rect::new(Point::new(area.min.x, from), Point::new(area.min.x + length, to))
            } else {
                Rect::new(Point::new(from, area.max.y - length), Point::new(to, area.max.y))
            }
        })
        .collect()
}

/// `value / max`, clamped to 0–1; 0 when either is not usable.
fn share(value: f64, max: f64) -> f64 {
    if max.is_finite() && max > 0.0 && value.is_finite() {
        (value / max).clamp(0.0, 1.0)
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn area() -> Rect {
        Rect::from_min_size(Point::new(0.0, 0.0), 100.0, 50.0)
    }

    #[test]
    fn vertical_bars_grow_up_from_the_bottom() {
        let bars = bar_layout(&[5.0, 2.5, 0.0], 5.0, area(), false, 5.0);
        // Slots: (100 − 2 × 5) / 3 = 30 wide.
        assert_eq!(
            bars,
            [
                Rect::new(Point::new(0.0, 0.0), Point::new(30.0, 50.0)),
                Rect::new(Point::new(35.0, 25.0), Point::new(65.0, 50.0)),
                Rect::new(Point::new(70.0, 50.0), Point::new(100.0, 50.0)),
            ]
        );
    }

    #[test]
    fn horizontal_bars_grow_right() {
        let bars = bar_layout(&[1.0, 4.0], 4.0, area(), true, 10.0);
        // Slots: (50 − 10) / 2 = 20 high.
        assert_eq!(
            bars,
            [
                Rect::new(Point::new(0.0, 0.0), Point::new(25.0, 20.0)),
                Rect::new(Point::new(0.0, 30.0), Point::new(100.0, 50.0)),
            ]
        );
    }

    #[test]
    fn lengths_are_proportional_and_bars_disjoint() {
        let values = [1.0, 2.0, 3.0, 4.0, 5.0];
        let bars = bar_layout(&values, 5.0, area(), false, 2.0);
        for (bar, value) in bars.iter().zip(values) {
            assert!((bar.height() - 10.0 * value as f32).abs() < 1e-4);
        }
        for (i, a) in bars.iter().enumerate() {
            assert!(bars[i + 1..].iter().all(|b| !a.overlaps(b)));
        }
    }

    #[test]
    fn out_of_range_values_are_clamped() {
        let bars = bar_layout(&[-1.0, 9.0, f64::NAN], 5.0, area(), false, 0.0);
        let heights: Vec<f32> = bars.iter().map(Rect::height).collect();
        assert_eq!(heights, [0.0, 50.0, 0.0]);
        let flat = bar_layout(&[3.0], 0.0, area(), true, 0.0);
        assert_eq!(flat[0].width(), 0.0);
        assert!(bar_layout(&[], 5.0, area(), false, 2.0).is_empty());
    }
}
