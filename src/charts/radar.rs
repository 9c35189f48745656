//! Radar (spider) chart geometry: one spoke per dimension, one ring per
//! level, and a department's mean levels as a polygon.
//!
//! The first spoke points straight up and the rest follow clockwise on
//! screen. Distance from the centre is proportional to the level itself:
//! level 5 sits on the outer ring, level 1 at a fifth of the radius. So the
//! lowest answer still draws a visible shape, while a missing value has no
//! vertex at all and the fill leaves a gap there.

use std::f32::consts::{FRAC_PI_2, TAU};
use std::ops::RangeInclusive;

use super::geom::{HAlign, Point, VAlign};

/// How far outside the outer ring labels are anchored, as a share of the radius.
const LABEL_OFFSET: f32 = 0.08;

/// Below this |cos| or |sin| a spoke counts as vertical or horizontal when
/// aligning its label.
const ALIGN_TOLERANCE: f32 = 0.1;

/// One spoke of the radar.
#[derive(Clone, Debug, PartialEq)]
pub struct RadarAxis {
    /// Radians in screen coordinates: −π/2 is straight up, increasing clockwise.
    pub angle: f32,
    /// Where the spoke meets the outer ring.
    pub end: Point,
    /// Where its label goes, just outside the outer ring.
    pub label_anchor: Point,
    pub align: HAlign,
    pub valign: VAlign,
}

/// Spokes and rings of a radar chart.
#[derive(Clone, Debug, PartialEq)]
pub struct RadarLayout {
    pub center: Point,
    pub radius: f32,
    /// The levels drawn as rings, e.g. `1..=5`.
    pub levels: RangeInclusive<u8>,
    pub axes: Vec<RadarAxis>,
    /// One closed polygon per level, lowest first; each has one point per axis.
    pub rings: Vec<Vec<Point>>,
}

impl RadarLayout {
    /// Distance from the centre for a value: `radius × value / top level`,
    /// with the value clamped to the layout's levels.
    pub fn radius_for(&self, value: f64) -> f32 {
        let (low, high) = (f64::from(*self.levels.start()), f64::from(*self.levels.end()));
        let top = high.max(1.0);
        // Clamped to the level range, so the narrowing cast loses nothing that matters.
        self.radius * (value.clamp(low.min(high), high.max(low)) / top) as f32
    }

    /// The point at `value` along spoke `axis`; `None` past the last spoke.
    pub fn point_at(&self, axis: usize, value: f64) -> Option<Point> {
        let angle = self.axes.get(axis)?.angle;
        Some(polar(self.center, self.radius_for(value), angle))
    }
}

/// Lays out `axes` spokes around `center`, the outer ring at `radius`, with
/// a ring for every level in `levels` (normally `1..=5`).
pub fn radar_layout(axes: usize, center: Point, radius: f32, levels: RangeInclusive<u8>) -> RadarLayout {
    let radius = radius.max(0.0);
    let axes: Vec<RadarAxis> = (0..axes).map(|i| radar_axis(i, axes, center, radius)).collect();
    let mut layout = RadarLayout {
        center,
        radius,
        levels: levels.clone(),
        axes,
        rings: Vec::new(),
    };
    layout.rings = levels
        .map(|level| {
            let r = layout.radius_for(f64::from(level));
            layout
                .axes
                .iter()
                .map(|axis| polar(center, r, axis.angle))
                .collect()
        })
        .collect();
    layout
}

/// Spoke `i` of `count`.
fn radar_axis(i: usize, count: usize, center: Point, radius: f32) -> RadarAxis {
    // Spoke counts are small, so the conversions are exact.
    let angle = -FRAC_PI_2 + TAU * i as f32 / count.max(1) as f32;
    let (sin, cos) = angle.sin_cos();
    let align = if cos.abs() < ALIGN_TOLERANCE {
        HAlign::Center
    } else if cos > 0.0 {
        HAlign::Left
    } else {
        HAlign::Right
    };
    let valign = if sin.abs() < ALIGN_TOLERANCE {
        VAlign::Center
    } else if sin > 0.0 {
        VAlign::Top
    } else {
        VAlign::Bottom
    };
    RadarAxis {
        angle,
        end: polar(center, radius, angle),
        label_anchor: polar(center, radius * (1.0 + LABEL_OFFSET), angle),
        align,
        valign,
    }
}

/// The point `r` from `center` in direction `angle` (screen coordinates).
fn polar(center: Point, r: f32, angle: f32) -> Point {
    let (sin, cos) = angle.sin_cos();
    Point::new(center.x + r * cos, center.y + r * sin)
}

/// The vertices of a data polygon, one per axis: `values[i]` is the mean
/// level on axis `i`. A missing or non-finite value (or one past the end of
/// `values`) has no vertex.
pub fn radar_polygon(layout: &RadarLayout, values: &[Option<f64>]) -> Vec<Option<Point>> {
    (0..layout.axes.len())
        .map(|i| {
            let value = values.get(i).copied().flatten().filter(|v| v.is_finite())?;
            layout.point_at(i, value)
        })
        .collect()
}

/// Triangles from `center` for filling a possibly concave polygon (egui
/// fills only convex ones): one per pair of neighbouring vertices, wrapping
/// round. A missing vertex drops the two triangles beside it.
pub fn radar_fan(center: Point, vertices: &[Option<Point>]) -> Vec<[Point; 3]> {
    neighbours(vertices).map(|(a, b)| [center, a, b]).collect()
}

/// The outline's edges between neighbouring vertices, wrapping round; an
/// edge is left out where either end is missing.
pub fn radar_edges(vertices: &[Option<Point>]) -> Vec<(Point, Point)> {
    neighbours(vertices).collect()
}

/// Pairs of present neighbouring vertices, wrapping round (none for fewer
/// than two vertices; a two-vertex polygon yields its one edge once).
fn neighbours(vertices: &[Option<Point>]) -> impl Iterator<Item = (Point, Point)> + '_ {
    let n = vertices.len();
    let pairs = match n {
        0 | 1 => 0,
        2 => 1,
        _ => n,
    };
    (0..pairs).filter_map(move |i| Some((vertices[i]?, vertices[(i + 1) % n]?)))
}

#[cfg(test)]
mod tests {
    use super::*;

    const CENTER: Point = Point::new(100.0, 100.0);

    fn near(a: Point, b: Point) -> bool {
        a.distance(b) < 1e-3
    }

    #[test]
    fn six_axes_start_at_top_and_go_clockwise() {
        let layout = radar_layout(6, CENTER, 50.0, 1..=5);
        assert_eq!(layout.axes.len(), 6);
        assert!(near(layout.axes[0].end, Point::new(100.0, 50.0)));
        // Clockwise on screen: the second spoke leans right and up.
        let second = layout.axes[1].end;
        assert!(second.x > 100.0 && second.y < 100.0);
        // Opposite the first spoke, straight down.
        assert!(near(layout.axes[3].end, Point::new(100.0, 150.0)));
        for axis in &layout.axes {
            assert!((axis.end.distance(CENTER) - 50.0).abs() < 1e-3);
            assert!((axis.label_anchor.distance(CENTER) - 54.0).abs() < 1e-3);
        }
    }

    #[test]
    fn labels_align_away_from_the_centre() {
        let layout = radar_layout(4, CENTER, 50.0, 1..=5);
        let aligns: Vec<_> = layout.axes.iter().map(|a| (a.align, a.valign)).collect();
        assert_eq!(
            aligns,
            [
                (HAlign::Center, VAlign::Bottom),
                (HAlign::Left, VAlign::Center),
                (HAlign::Center, VAlign::Top),
                (HAlign::Right, VAlign::Center),
            ]
        );
    }

    #[test]
    fn one_ring_per_level_evenly_spaced() {
        let layout = radar_layout(6, CENTER, 50.0, 1..=5);
        assert_eq!(layout.rings.len(), 5);
        for (i, ring) in layout.rings.iter().enumerate() {
            assert_eq!(ring.len(), 6);
            // Ring for level i + 1 at (i + 1) / 5 of the radius.
            let expected = 10.0 * (i as f32 + 1.0);
            assert!(
                ring.iter().all(|p| (p.distance(CENTER) - expected).abs() < 1e-3),
                "ring {i}"
            );
        }
    }

    #[test]
    fn vertex_distance_is_proportional_to_level() {
        let layout = radar_layout(6, CENTER, 50.0, 1..=5);
        let values = [Some(1.0), Some(2.5), Some(5.0), None, Some(4.0), Some(f64::NAN)];
        let polygon = radar_polygon(&layout, &values);
        let distances: Vec<Option<f32>> = polygon.iter().map(|p| p.map(|p| p.distance(CENTER))).collect();
        let expected = [Some(10.0), Some(25.0), Some(50.0), None, Some(40.0), None];
        for (got, want) in distances.iter().zip(expected) {
            match (got, want) {
                (Some(g), Some(w)) => assert!((g - w).abs() < 1e-3, "{g} vs {w}"),
                (g, w) => assert_eq!(*g, w),
            }
        }
        // Values beyond 1–5 are clamped; a short values slice leaves the rest missing.
        let clamped = radar_polygon(&layout, &[Some(9.0), Some(0.0)]);
        assert!(near(clamped[0].unwrap_or_default(), Point::new(100.0, 50.0)));
        assert!((clamped[1].unwrap_or_default().distance(CENTER) - 10.0).abs() < 1e-3);
        assert!(clamped[2..].iter().all(Option::is_none));
    }

    #[test]
    fn fan_covers_neighbouring_vertices_only() {
        let layout = radar_layout(4, CENTER, 50.0, 1..=5);
        let full = radar_polygon(&layout, &[Some(5.0); 4]);
        let fan = radar_fan(CENTER, &full);
        assert_eq!(fan.len(), 4);
        // Four triangles of a 50-radius diamond: area 2 × 50² = 5000.
        let area: f32 = fan.iter().map(|t| triangle_area(*t)).sum();
        assert!((area - 5000.0).abs() < 0.5, "{area}");
        assert_eq!(radar_edges(&full).len(), 4);

        let gap = radar_polygon(&layout, &[Some(5.0), None, Some(5.0), Some(5.0)]);
        assert_eq!(radar_fan(CENTER, &gap).len(), 2);
        assert_eq!(radar_edges(&gap).len(), 2);
        assert!(radar_fan(CENTER, &[]).is_empty());
        assert!(radar_fan(CENTER, &[Some(CENTER)]).is_empty());
    }

    fn triangle_area([a, b, c]: [Point; 3]) -> f32 {
        ((b.x - a.x) * (c.y - a.y) - (c.x - a.x) * (b.y - a.y)).abs() / 2.0
    }

    #[test]
    fn degenerate_layouts_do_not_panic() {
        assert!(radar_layout(0, CENTER, 50.0, 1..=5).axes.is_empty());
        let one = radar_layout(1, CENTER, -3.0, 1..=5);
        assert_eq!(one.radius, 0.0);
        assert!(near(one.axes[0].end, CENTER));
        #[allow(clippy::reversed_empty_ranges)]
        let empty = radar_layout(3, CENTER, 50.0, 5..=1);
        assert!(empty.rings.is_empty());
    }
}
