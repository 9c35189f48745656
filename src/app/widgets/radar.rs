//! The radar (spider) chart widget. It paints `charts::radar` geometry with
//! egui: rings labelled with their level, one spoke per dimension with its
//! name wrapped beside it, and each series as a translucent triangle fan
//! (egui fills only convex shapes) under a solid or dashed outline.
//! Hovering near a vertex names the series, the dimension and the value.
//! Also the legend swatches, which double as series toggles.

use egui::epaint::Mesh;
use egui::text::LayoutJob;
use egui::{
    Align, Color32, FontId, Pos2, Rect, Response, Role, Sense, Shape, Stroke, Ui, Vec2, Widget, WidgetInfo,
};

use super::colour;
use crate::charts::{self, ChartPalette, HAlign, Point, RadarLayout, Theme, VAlign};
use crate::present::format;

/// Room left beside the outer ring for the axis labels.
const LABEL_MARGIN_X: f32 = 95.0;
const LABEL_MARGIN_Y: f32 = 46.0;
/// How close the pointer must come to a vertex to show its value.
const HOVER_DISTANCE: f32 = 12.0;
/// The widest a label under or over the chart may wrap to.
const MAX_CENTRED_LABEL_WIDTH: f32 = 220.0;
const LABEL_FONT_SIZE: f32 = 13.0;
const RING_FONT_SIZE: f32 = 10.5;
/// Opacity of a series' fill.
const FILL_OPACITY: f32 = 0.16;

/// One polygon on the radar.
#[derive(Clone, Debug)]
pub struct RadarSeries {
    pub name: String,
    pub colour: Color32,
    /// Mean levels (1–5), one per axis; `None` leaves a gap.
    pub values: Vec<Option<f64>>,
    /// Drawn as a dashed, unfilled outline with hollow vertices (targets).
    pub dashed: bool,
}

/// A radar chart of several series over the same axes.
pub struct Radar<'a> {
    label: &'a str,
    axes: &'a [String],
    series: Vec<RadarSeries>,
    size: Vec2,
}

impl<'a> Radar<'a> {
    /// `label` is the chart's accessible name; `axes` the dimension names.
    pub fn new(label: &'a str, axes: &'a [String], series: Vec<RadarSeries>) -> Self {
        Radar {
            label,
            axes,
            series,
            size: Vec2::new(520.0, 420.0),
        }
    }

    /// The preferred size; the width shrinks to what the layout offers.
    pub fn size(mut self, size: Vec2) -> Self {
        self.size = size;
        self
    }
}

impl Widget for Radar<'_> {
    fn ui(self, ui: &mut Ui) -> Response {
        let width = self
            .size
            .x
            .min(ui.available_width())
            .max(2.0 * LABEL_MARGIN_X + 80.0);
        let (rect, response) = ui.allocate_exact_size(Vec2::new(width, self.size.y), Sense::hover());
        let layout = layout_in(rect, self.axes.len());
        let polygons: Vec<Vec<Option<Point>>> = self
            .series
            .iter()
            .map(|s| charts::radar_polygon(&layout, &s.values))
            .collect();
        let hovered = response
            .hover_pos()
            .and_then(|pointer| nearest_vertex(pointer, &polygons));
        if ui.is_rect_visible(rect) {
            let palette = palette(ui);
            paint_grid(ui, &layout, &palette);
            paint_axis_labels(ui, rect, &layout, self.axes, &palette);
            for (series, polygon) in self.series.iter().zip(&polygons) {
                paint_series(ui, &layout, series, polygon);
            }
            paint_ring_labels(ui, &layout, &palette);
            if let Some((s, axis)) = hovered
                && let Some(Some(point)) = polygons.get(s).and_then(|p| p.get(axis))
                && let Some(series) = self.series.get(s)
            {
                ui.painter()
                    .circle_stroke(pos(*point), 6.0, Stroke::new(2.0, series.colour));
            }
        }
        let label = self.label.to_owned();
        response.widget_info(|| WidgetInfo::labeled(Role::Image, true, &label));
        match hovered.and_then(|(s, axis)| hover_text(&self.series, self.axes, s, axis)) {
            Some(text) => response.on_hover_text_at_pointer(text),
            None => response,
        }
    }
}

/// Spokes and rings centred in `rect`, leaving room for the labels.
fn layout_in(rect: Rect, axes: usize) -> RadarLayout {
    let radius = ((rect.width() / 2.0 - LABEL_MARGIN_X).min(rect.height() / 2.0 - LABEL_MARGIN_Y)).max(10.0);
    let center = rect.center();
    charts::radar_layout(axes, Point::new(center.x, center.y), radius, 1..=5)
}

fn pos(p: Point) -> Pos2 {
    Pos2::new(p.x, p.y)
}

fn palette(ui: &Ui) -> ChartPalette {
    if ui.visuals().dark_mode {
        Theme::Dark.palette()
    } else {
        Theme::Light.palette()
    }
}

/// Rings (one per level) and spokes.
fn paint_grid(ui: &Ui, layout: &RadarLayout, palette: &ChartPalette) {
    let painter = ui.painter();
    let center = pos(layout.center);
    for ring in &layout.rings {
        painter.add(Shape::closed_line(
            ring.iter().copied().map(pos).collect(),
            Stroke::new(1.0, colour(palette.grid)),
        ));
    }
    for axis in &layout.axes {
        painter.line_segment([center, pos(axis.end)], Stroke::new(1.0, colour(palette.axis)));
    }
}

/// Each ring's level beside the first spoke, on a small plate so the
/// series drawn underneath do not hide it.
fn paint_ring_labels(ui: &Ui, layout: &RadarLayout, palette: &ChartPalette) {
    let painter = ui.painter();
    let Some(first) = layout.axes.first() else { return };
    let (sin, cos) = first.angle.sin_cos();
    let ink = colour(palette.muted_text);
    let plate = colour(palette.background).gamma_multiply(0.8);
    for level in layout.levels.clone() {
        let r = layout.radius_for(f64::from(level));
        let at = Pos2::new(layout.center.x + r * cos + 4.0, layout.center.y + r * sin);
        let galley = painter.layout_no_wrap(level.to_string(), FontId::proportional(RING_FONT_SIZE), ink);
        let rect = Rect::from_min_size(Pos2::new(at.x, at.y - galley.size().y / 2.0), galley.size());
        painter.rect_filled(rect.expand(1.0), 2.0, plate);
        painter.galley(rect.min, galley, ink);
    }
}

/// Each axis name beside its spoke, aligned away from the centre and
/// wrapped to the room between the anchor and the widget's edge.
fn paint_axis_labels(ui: &Ui, rect: Rect, layout: &RadarLayout, axes: &[String], palette: &ChartPalette) {
    let painter = ui.painter();
    for (axis, name) in layout.axes.iter().zip(axes) {
        let anchor = pos(axis.label_anchor);
        let room = match axis.align {
            HAlign::Left => rect.right() - anchor.x,
            HAlign::Right => anchor.x - rect.left(),
            HAlign::Center => {
                (2.0 * (anchor.x - rect.left()).min(rect.right() - anchor.x)).min(MAX_CENTRED_LABEL_WIDTH)
            }
        };
        let font = FontId::proportional(LABEL_FONT_SIZE);
        let one_line = painter
            .layout_no_wrap(name.clone(), font.clone(), colour(palette.text))
            .size()
            .x;
        let wrap_width = balanced_wrap_width(one_line, room.max(40.0) - 2.0);
        let mut job = LayoutJob::simple(name.clone(), font, colour(palette.text), wrap_width);
        job.halign = match axis.align {
            HAlign::Left => Align::LEFT,
            HAlign::Center => Align::Center,
            HAlign::Right => Align::RIGHT,
        };
        let galley = painter.layout_job(job);
        let size = galley.rect.size();
        let x = match axis.align {
            HAlign::Left => anchor.x,
            HAlign::Center => anchor.x - size.x / 2.0,
            HAlign::Right => anchor.x - size.x,
        };
        let y = match axis.valign {
            VAlign::Top => anchor.y,
            VAlign::Center => anchor.y - size.y / 2.0,
            VAlign::Bottom => anchor.y - size.y,
        };
        // Keep the whole label inside the widget.
        let x = x.clamp(rect.left(), (rect.right() - size.x).max(rect.left()));
        let y = y.clamp(rect.top(), (rect.bottom() - size.y).max(rect.top()));
        painter.galley(
            Pos2::new(x, y) - galley.rect.min.to_vec2(),
            galley,
            colour(palette.text),
        );
    }
}

/// A wrap width that splits a label too long for `room` into lines of
/// similar length ("服务能力与 / 系统韧性", not "服务能力与系统韧 / 性").
fn balanced_wrap_width(one_line: f32, room: f32) -> f32 {
    if one_line <= room {
        return room;
    }
    let lines = (one_line / room).ceil();
    // A character's worth of slack, so the split never needs an extra line.
    (one_line / lines + LABEL_FONT_SIZE).min(room)
}

/// A series: translucent fan (solid series only), outline, and vertices.
fn paint_series(ui: &Ui, layout: &RadarLayout, series: &RadarSeries, polygon: &[Option<Point>]) {
    let painter = ui.painter();
    if !series.dashed {
        let fill = series.colour.gamma_multiply(FILL_OPACITY);
        let mut mesh = Mesh::default();
        for [a, b, c] in charts::radar_fan(layout.center, polygon) {
            let Ok(first) = u32::try_from(mesh.vertices.len()) else {
                break;
            };
            for point in [a, b, c] {
                mesh.colored_vertex(pos(point), fill);
            }
            mesh.add_triangle(first, first + 1, first + 2);
        }
        painter.add(Shape::mesh(mesh));
    }
    let stroke = Stroke::new(2.0, series.colour);
    for (a, b) in charts::radar_edges(polygon) {
        if series.dashed {
            painter.extend(Shape::dashed_line(&[pos(a), pos(b)], stroke, 6.0, 4.0));
        } else {
            painter.line_segment([pos(a), pos(b)], stroke);
        }
    }
    for point in polygon.iter().flatten() {
        if series.dashed {
            painter.circle_stroke(pos(*point), 3.5, stroke);
        } else {
            painter.circle_filled(pos(*point), 3.5, series.colour);
        }
    }
}

/// The (series, axis) of the vertex nearest the pointer, if one is close.
fn nearest_vertex(pointer: Pos2, polygons: &[Vec<Option<Point>>]) -> Option<(usize, usize)> {
    polygons
        .iter()
        .enumerate()
        .flat_map(|(s, polygon)| {
            polygon
                .iter()
                .enumerate()
                .filter_map(move |(axis, p)| p.map(|p| (s, axis, pos(p).distance(pointer))))
        })
        .filter(|(_, _, distance)| *distance <= HOVER_DISTANCE)
        .min_by(|a, b| a.2.total_cmp(&b.2))
        .map(|(s, axis, _)| (s, axis))
}

/// "Series · Dimension: 3.25".
fn hover_text(series: &[RadarSeries], axes: &[String], s: usize, axis: usize) -> Option<String> {
    let series = series.get(s)?;
    let value = series.values.get(axis).copied().flatten();
    Some(format!(
        "{} · {}: {}",
        series.name,
        axes.get(axis)?,
        format::level(value)
    ))
}

/// A short line in the series' style: the legend's key.
pub fn swatch_ui(ui: &mut Ui, colour: Color32, dashed: bool) {
    let (rect, _) = ui.allocate_exact_size(Vec2::new(24.0, 12.0), Sense::hover());
    if !ui.is_rect_visible(rect) {
        return;
    }
    let painter = ui.painter();
    let (left, right) = (rect.left_center(), rect.right_center());
    let stroke = Stroke::new(2.0, colour);
    if dashed {
        painter.extend(Shape::dashed_line(&[left, right], stroke, 5.0, 3.0));
        painter.circle_stroke(rect.center(), 3.5, stroke);
    } else {
        painter.line_segment([left, right], stroke);
        painter.circle_filled(rect.center(), 3.5, colour);
    }
}

/// A legend entry that also shows or hides its series: swatch and checkbox.
pub fn series_toggle_ui(
    ui: &mut Ui,
    colour: Color32,
    dashed: bool,
    shown: &mut bool,
    name: &str,
) -> Response {
    ui.horizontal(|ui| {
        swatch_ui(ui, colour, dashed);
        ui.checkbox(shown, name)
    })
    .inner
}

/// A plain legend: one swatch and name per series, one per line.
pub fn legend_ui(ui: &mut Ui, series: &[RadarSeries]) {
    for s in series {
        ui.horizontal(|ui| {
            swatch_ui(ui, s.colour, s.dashed);
            ui.label(&s.name);
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn square() -> Vec<Vec<Option<Point>>> {
        vec![vec![
            Some(Point::new(0.0, 0.0)),
            Some(Point::new(100.0, 0.0)),
            None,
        ]]
    }

    #[test]
    fn nearest_vertex_only_when_close() {
        let polygons = square();
        assert_eq!(nearest_vertex(Pos2::new(3.0, 4.0), &polygons), Some((0, 0)));
        assert_eq!(nearest_vertex(Pos2::new(95.0, 2.0), &polygons), Some((0, 1)));
        assert_eq!(nearest_vertex(Pos2::new(50.0, 50.0), &polygons), None);
    }

    #[test]
    fn hover_text_names_series_dimension_and_value() {
        let series = [RadarSeries {
            name: "Current".into(),
            colour: Color32::BLUE,
            values: vec![Some(3.25), None],
            dashed: false,
        }];
        let axes = ["Data".to_owned(), "Talent".to_owned()];
        assert_eq!(
            hover_text(&series, &axes, 0, 0).as_deref(),
            Some("Current · Data: 3.25")
        );
        assert_eq!(
            hover_text(&series, &axes, 0, 1).as_deref(),
            Some("Current · Talent: –")
        );
        assert_eq!(hover_text(&series, &axes, 1, 0), None);
    }

    #[test]
    fn long_labels_wrap_into_even_lines() {
        assert_eq!(balanced_wrap_width(80.0, 100.0), 100.0);
        // 117 wide in 115 of room: two lines of about 58, plus slack.
        assert_eq!(balanced_wrap_width(117.0, 115.0), 58.5 + LABEL_FONT_SIZE);
        // Never wider than the room.
        assert_eq!(balanced_wrap_width(300.0, 40.0), 40.0);
    }

    #[test]
    fn layout_leaves_room_for_labels() {
        let rect = Rect::from_min_size(Pos2::ZERO, Vec2::new(520.0, 420.0));
        let layout = layout_in(rect, 5);
        assert_eq!(layout.axes.len(), 5);
        // Half the size, less the label margin, whichever way is tighter.
        let expected = (rect.width() / 2.0 - LABEL_MARGIN_X).min(rect.height() / 2.0 - LABEL_MARGIN_Y);
        assert!((layout.radius - expected).abs() < 1e-3);
    }
}
