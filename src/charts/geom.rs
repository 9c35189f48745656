//! Points, rectangles and text alignment in screen coordinates (f32, y down),
//! shared by every chart layout.

use std::ops::{Add, Mul, Sub};

/// A point in screen coordinates: x to the right, y down.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Point {
    pub x: f32,
    pub y: f32,
}

impl Point {
    pub const fn new(x: f32, y: f32) -> Self {
        Point { x, y }
    }

    /// Distance to another point.
    pub fn distance(self, other: Point) -> f32 {
        (self - other).length()
    }

    /// Length of the point read as a vector from the origin.
    pub fn length(self) -> f32 {
        self.x.hypot(self.y)
    }
}

impl Add for Point {
    type Output = Point;

    fn add(self, other: Point) -> Point {
        Point::new(self.x + other.x, self.y + other.y)
    }
}

impl Sub for Point {
    type Output = Point;

    fn sub(self, other: Point) -> Point {
        Point::new(self.x - other.x, self.y - other.y)
    }
}

impl Mul<f32> for Point {
    type Output = Point;

    fn mul(self, factor: f32) -> Point {
        Point::new(self.x * factor, self.y * factor)
    }
}

/// An axis-aligned rectangle; `min` is the top-left corner, `max` the bottom-right.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Rect {
    pub min: Point,
    pub max: Point,
}

impl Rect {
    pub const fn new(min: Point, max: Point) -> Self {
        Rect { min, max }
    }

    /// A rectangle from its top-left corner and size; a negative size counts as 0.
    pub fn from_min_size(min: Point, width: f32, height: f32) -> Self {
        Rect {
            min,
            max: Point::new(min.x + width.max(0.0), min.y + height.max(0.0)),
        }
    }

    pub const fn width(&self) -> f32 {
        self.max.x - self.min.x
    }

    pub const fn height(&self) -> f32 {
        self.max.y - self.min.y
    }

    pub fn area(&self) -> f32 {
        self.width().max(0.0) * self.height().max(0.0)
    }

    pub fn center(&self) -> Point {
        Point::new((self.min.x + self.max.x) / 2.0, (self.min.y + self.max.y) / 2.0)
    }

    /// Whether `p` lies inside or on the edge.
    pub fn contains(&self, p: Point) -> bool {
        (self.min.x..=self.max.x).contains(&p.x) && (self.min.y..=self.max.y).contains(&p.y)
    }

    /// Whether the two rectangles share more than an edge.
    pub fn overlaps(&self, other: &Rect) -> bool {
        self.min.x < other.max.x
            && other.min.x < self.max.x
            && self.min.y < other.max.y
            && other.min.y < self.max.y
    }

    /// The rectangle moved in by `margin` on every side (never inside out).
    pub fn shrink(&self, margin: f32) -> Rect {
        let center = self.center();
        let half_width = (self.width() / 2.0 - margin).max(0.0);
        let half_height = (self.height() / 2.0 - margin).max(0.0);
        Rect::new(
            Point::new(center.x - half_width, center.y - half_height),
            Point::new(center.x + half_width, center.y + half_height),
        )
    }
}

/// Where text sits horizontally relative to its anchor point.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum HAlign {
    /// The text starts at the anchor and runs right.
    Left,
    Center,
    /// The text ends at the anchor.
    Right,
}

/// Where text sits vertically relative to its anchor point.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum VAlign {
    /// The text's top edge is at the anchor (text below it).
    Top,
    Center,
    /// The text's bottom edge is at the anchor (text above it).
    Bottom,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn point_arithmetic() {
        let a = Point::new(3.0, 4.0);
        assert_eq!(a.length(), 5.0);
        assert_eq!(a + Point::new(1.0, 1.0), Point::new(4.0, 5.0));
        assert_eq!(a - a, Point::default());
        assert_eq!(a * 2.0, Point::new(6.0, 8.0));
        assert_eq!(Point::default().distance(a), 5.0);
    }

    #[test]
    fn rect_measures() {
        let r = Rect::from_min_size(Point::new(10.0, 20.0), 30.0, 40.0);
        assert_eq!((r.width(), r.height(), r.area()), (30.0, 40.0, 1200.0));
        assert_eq!(r.center(), Point::new(25.0, 40.0));
        assert!(r.contains(Point::new(10.0, 60.0)));
        assert!(!r.contains(Point::new(9.9, 30.0)));
        assert_eq!(Rect::from_min_size(Point::default(), -5.0, 2.0).width(), 0.0);
    }

    #[test]
    fn rect_overlap_ignores_shared_edges() {
        let a = Rect::from_min_size(Point::new(0.0, 0.0), 10.0, 10.0);
        let right = Rect::from_min_size(Point::new(10.0, 0.0), 10.0, 10.0);
        let inside = Rect::from_min_size(Point::new(5.0, 5.0), 10.0, 10.0);
        assert!(!a.overlaps(&right));
        assert!(a.overlaps(&inside));
    }

    #[test]
    fn shrink_never_turns_inside_out() {
        let r = Rect::from_min_size(Point::new(0.0, 0.0), 10.0, 4.0);
        assert_eq!(
            r.shrink(1.0),
            Rect::new(Point::new(1.0, 1.0), Point::new(9.0, 3.0))
        );
        let tiny = r.shrink(3.0);
        assert_eq!(tiny.height(), 0.0);
        assert_eq!(tiny.center(), r.center());
    }
}
