//! Vector charts for the PDF, drawn from the same `charts` geometry and
//! colours as the app and the HTML report's SVG: the radar of a
//! department's dimensions, the department × dimension heatmap, and the
//! ranking bars. Every colour chip carries its number, so no figure is
//! told by colour alone.

use crate::charts::{
    self, HAlign, HeatmapLabels, Point, Rect, Rgb, Theme, VAlign, bar_layout, heatmap_layout, level_colour,
    no_data_colour, radar_edges, radar_fan, radar_layout, radar_polygon, series_colour, text_colour_on,
};

use super::layout::{CONTENT, Graphic, INK, Item, MUTED, Style};
use super::text::{self, Face, Fonts};

/// Chart label size.
const LABEL_SIZE: f32 = 7.5;
/// Chart grid lines.
fn grid() -> Rgb {
    Theme::Light.palette().grid
}

/// A mean level as drawn on charts ("2.75", or "–"), rounded as its colour is
/// ([`charts::shown_level`]).
fn level_label(value: Option<f64>) -> String {
    crate::present::format::level(value)
}

/// "name 2.75, name –": labelled values, for a chart's alternative text.
fn described<'a>(pairs: impl IntoIterator<Item = (&'a str, Option<f64>)>) -> String {
    pairs
        .into_iter()
        .map(|(name, value)| format!("{name} {}", level_label(value)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// "row: column 2.75, column –; row: …": rows of levels, for a chart's
/// alternative text.
fn described_grid<'a>(
    columns: &[String],
    rows: impl IntoIterator<Item = (&'a str, &'a [Option<f64>])>,
) -> String {
    rows.into_iter()
        .map(|(row, values)| {
            let cells = columns.iter().map(String::as_str).zip(values.iter().copied());
            format!("{row}: {}", described(cells))
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// A chart label: text anchored at a point, wrapped to a width.
struct Label<'a> {
    text: &'a str,
    anchor: Point,
    align: HAlign,
    valign: VAlign,
    max_width: f32,
    /// At most this many lines; the last one is shortened with "…".
    max_lines: usize,
    size: f32,
    style: Style,
}

impl<'a> Label<'a> {
    /// One line of body text, left-aligned and vertically centred on `anchor`.
    fn new(text: &'a str, anchor: Point) -> Label<'a> {
        Label {
            text,
            anchor,
            align: HAlign::Left,
            valign: VAlign::Center,
            max_width: f32::INFINITY,
            max_lines: 1,
            size: LABEL_SIZE,
            style: Style::BODY,
        }
    }

    fn align(mut self, align: HAlign, valign: VAlign) -> Self {
        self.align = align;
        self.valign = valign;
        self
    }

    fn wrap(mut self, max_width: f32, max_lines: usize) -> Self {
        self.max_width = max_width;
        self.max_lines = max_lines.max(1);
        self
    }

    fn size(mut self, size: f32) -> Self {
        self.size = size;
        self
    }

    fn style(mut self, style: Style) -> Self {
        self.style = style;
        self
    }

    /// The label's lines.
    fn lines(&self, fonts: &Fonts) -> Vec<text::Line> {
        let mut lines = text::wrap(fonts, self.text, self.size, self.max_width);
        if lines.len() > self.max_lines {
            let rest: Vec<&str> = lines[self.max_lines - 1..]
                .iter()
                .map(|l| l.text.as_str())
                .collect();
            let last = text::ellipsize(fonts, &rest.join(" "), self.size, self.max_width);
            lines.truncate(self.max_lines - 1);
            let width = fonts.width(&last, self.size);
            lines.push(text::Line { text: last, width });
        }
        lines
    }

    /// Adds the label's lines to `items`.
    fn draw(self, fonts: &Fonts, items: &mut Vec<Item>) {
        let leading = self.size * 1.3;
        let lines = self.lines(fonts);
        let height = leading * lines.len() as f32;
        let top = match self.valign {
            VAlign::Top => self.anchor.y,
            VAlign::Center => self.anchor.y - height / 2.0,
            VAlign::Bottom => self.anchor.y - height,
        };
        for (i, line) in lines.iter().enumerate() {
            let x = match self.align {
                HAlign::Left => self.anchor.x,
                HAlign::Center => self.anchor.x - line.width / 2.0,
                HAlign::Right => self.anchor.x - line.width,
            };
            let top = top + leading * i as f32;
            items.push(Item::text_line(
                x, top, self.size, leading, self.style, &line.text,
            ));
        }
    }
}

/// One data series on a radar.
pub struct RadarSeries<'a> {
    pub name: String,
    pub values: &'a [Option<f64>],
    pub colour: Rgb,
    /// Filled (the current period) or dashed outline only (previous, target).
    pub filled: bool,
}

/// A radar chart: one spoke per dimension (`labels`), rings at levels 1–5,
/// one polygon per series. A missing value leaves a gap in the polygon.
pub fn radar(fonts: &Fonts, labels: &[String], series: &[RadarSeries]) -> Graphic {
    let height = 236.0;
    let center = Point::new(CONTENT.width() / 2.0, 114.0);
    let layout = radar_layout(labels.len(), center, 88.0, 1..=5);
    let mut items = Vec::new();

    for ring in &layout.rings {
        items.push(Item::Path {
            points: ring.clone(),
            closed: true,
            fill: None,
            stroke: Some((grid(), 0.6)),
            dashed: false,
        });
    }
    for axis in &layout.axes {
        items.push(Item::line(center, axis.end, grid(), 0.6));
    }
    // Ring numbers up the first spoke.
    for level in 1..=5u8 {
        if let Some(p) = layout.point_at(0, f64::from(level)) {
            let at = Point::new(p.x + 2.0, p.y);
            Label::new(&level.to_string(), at)
                .style(Style::MUTED)
                .size(6.5)
                .draw(fonts, &mut items);
        }
    }
    for s in series {
        let vertices = radar_polygon(&layout, s.values);
        if s.filled {
            let polygons = radar_fan(center, &vertices)
                .into_iter()
                .map(|t| t.to_vec())
                .collect();
            items.push(Item::Polygons {
                polygons,
                fill: (s.colour, 0.22),
            });
        }
        let width = if s.filled { 1.6 } else { 1.1 };
        for (a, b) in radar_edges(&vertices) {
            items.push(Item::Path {
                points: vec![a, b],
                closed: false,
                fill: None,
                stroke: Some((s.colour, width)),
                dashed: !s.filled,
            });
        }
        if s.filled {
            for v in vertices.iter().flatten() {
                items.push(Item::Rect {
                    rect: Rect::new(Point::new(v.x - 1.8, v.y - 1.8), Point::new(v.x + 1.8, v.y + 1.8)),
                    fill: Some(s.colour),
                    stroke: None,
                });
            }
        }
    }
    let current = series.iter().find(|s| s.filled);
    for (i, axis) in layout.axes.iter().enumerate() {
        let name = labels.get(i).map_or("", String::as_str);
        let value = current.and_then(|s| s.values.get(i).copied().flatten());
        let text = format!("{name} {}", level_label(value));
        Label::new(&text, axis.label_anchor)
            .align(axis.align, axis.valign)
            .wrap(120.0, 3)
            .draw(fonts, &mut items);
    }
    legend(fonts, &mut items, series, Point::new(0.0, height - 12.0));
    let alt = described_grid(labels, series.iter().map(|s| (s.name.as_str(), s.values)));
    Graphic {
        width: None,
        height,
        items,
        alt: Some(alt),
    }
}

/// The radar's legend: a line sample and the series name, left to right.
fn legend(fonts: &Fonts, items: &mut Vec<Item>, series: &[RadarSeries], at: Point) {
    let mut x = at.x;
    for s in series {
        let y = at.y + 5.0;
        items.push(Item::Path {
            points: vec![Point::new(x, y), Point::new(x + 18.0, y)],
            closed: false,
            fill: None,
            stroke: Some((s.colour, if s.filled { 2.0 } else { 1.2 })),
            dashed: !s.filled,
        });
        x += 22.0;
        Label::new(&s.name, Point::new(x, y)).draw(fonts, items);
        x += fonts.width(&s.name, LABEL_SIZE) + 16.0;
    }
}

/// A heatmap: one row per department, one column per dimension plus the
/// overall mean; each cell in its level colour with its number on it.
pub fn heatmap(
    fonts: &Fonts,
    rows: &[String],
    columns: &[String],
    values: &[Vec<Option<f64>>],
    provisional: &[bool],
    no_data: &str,
) -> Graphic {
    let width = CONTENT.width();
    let row_width = rows
        .iter()
        .map(|r| fonts.width(r, LABEL_SIZE))
        .fold(40.0_f32, f32::max)
        .min(120.0)
        + 6.0;
    let column_width = (width - row_width) / columns.len().max(1) as f32;
    let leading = LABEL_SIZE * 1.3;
    let column_lines = columns
        .iter()
        .map(|c| {
            let size = text::fitting_size(fonts, c, LABEL_SIZE, column_width - 6.0);
            text::wrap(fonts, c, size, column_width - 6.0).len().min(3)
        })
        .max()
        .unwrap_or(1);
    let column_height = leading * column_lines as f32 + 4.0;
    // Room for two-line row labels when a name does not fit one line.
    let two_lines = rows.iter().any(|r| fonts.width(r, LABEL_SIZE) > row_width - 6.0);
    let cell_height = if two_lines { 21.0 } else { 17.0 };
    let grid_height = cell_height * rows.len() as f32;
    let area = Rect::from_min_size(Point::default(), width, column_height + grid_height);
    let layout = heatmap_layout(
        rows.len(),
        columns.len(),
        area,
        HeatmapLabels {
            row_width,
            column_height,
            gap: 1.5,
        },
    );
    let mut items = Vec::new();
    for (text, rect) in columns.iter().zip(&layout.column_labels) {
        let anchor = Point::new(rect.center().x, rect.max.y - 3.0);
        Label::new(text, anchor)
            .align(HAlign::Center, VAlign::Bottom)
            .wrap(rect.width() - 4.0, 3)
            .size(text::fitting_size(fonts, text, LABEL_SIZE, rect.width() - 4.0))
            .style(Style::BOLD)
            .draw(fonts, &mut items);
    }
    for (text, rect) in rows.iter().zip(&layout.row_labels) {
        let anchor = Point::new(rect.min.x, rect.center().y);
        Label::new(text, anchor)
            .wrap(rect.width() - 6.0, 2)
            .draw(fonts, &mut items);
    }
    for cell in &layout.cells {
        let value = values
            .get(cell.row)
            .and_then(|r| r.get(cell.col))
            .copied()
            .flatten();
        // The printed figure and the fill come from one rounded value.
        let fill = value.map_or_else(no_data_colour, |v| charts::shown_level(v).colour);
        items.push(Item::Rect {
            rect: cell.rect,
            fill: Some(fill),
            stroke: None,
        });
        if provisional.get(cell.row).copied().unwrap_or(false) {
            items.push(super::tables::dashed_outline(
                cell.rect,
                text_colour_on(fill),
                -1.5,
            ));
        }
        let style = Style {
            colour: text_colour_on(fill),
            bold: false,
            face: Face::Sans,
        };
        let anchor = cell.rect.center();
        Label::new(&level_label(value), anchor)
            .align(HAlign::Center, VAlign::Center)
            .style(style)
            .draw(fonts, &mut items);
    }
    let legend_top = area.max.y + 8.0;
    let height =
        level_legend(fonts, &mut items, Point::new(row_width, legend_top), no_data) + 8.0 + area.max.y;
    let alt = described_grid(
        columns,
        rows.iter()
            .map(String::as_str)
            .zip(values.iter().map(Vec::as_slice)),
    );
    Graphic {
        width: None,
        height,
        items,
        alt: Some(alt),
    }
}

/// Chips for levels 1–5 and for "no data", each with its number or dash.
/// Returns its height.
fn level_legend(fonts: &Fonts, items: &mut Vec<Item>, at: Point, no_data: &str) -> f32 {
    let chip = 16.0;
    let mut x = at.x;
    let entries: Vec<(Option<f64>, String)> = (1..=5u8)
        .map(|l| (Some(f64::from(l)), l.to_string()))
        .chain(std::iter::once((
            None,
            crate::present::format::MISSING.to_owned(),
        )))
        .collect();
    for (value, text) in entries {
        let fill = value.map_or_else(no_data_colour, level_colour);
        let rect = Rect::from_min_size(Point::new(x, at.y), chip, 11.0);
        items.push(Item::Rect {
            rect,
            fill: Some(fill),
            stroke: None,
        });
        let style = Style {
            colour: text_colour_on(fill),
            bold: false,
            face: Face::Sans,
        };
        Label::new(&text, rect.center())
            .align(HAlign::Center, VAlign::Center)
            .style(style)
            .draw(fonts, items);
        x += chip + 2.0;
    }
    Label::new(no_data, Point::new(x + 2.0, at.y + 5.5))
        .style(Style::MUTED)
        .draw(fonts, items);
    11.0
}

/// Horizontal bars of mean levels on a 0–5 scale, one row per entry, the
/// number at the end of each bar.
///
/// A bar whose `provisional` entry is true gets a dashed outline.
pub fn ranking(fonts: &Fonts, rows: &[(String, Option<f64>)], provisional: &[bool]) -> Graphic {
    let row_height = 14.0;
    let label_width = rows
        .iter()
        .map(|(name, _)| fonts.width(name, LABEL_SIZE))
        .fold(40.0_f32, f32::max)
        .min(170.0)
        + 8.0;
    let top = 12.0;
    let bar_area = Rect::new(
        Point::new(label_width, top),
        Point::new(CONTENT.width() - 30.0, top + row_height * rows.len() as f32),
    );
    let scale = charts::LinearScale::new((0.0, 5.0), (bar_area.min.x, bar_area.max.x));
    let mut items = Vec::new();
    for tick in 0..=5u8 {
        let x = scale.map(f64::from(tick));
        items.push(Item::line(
            Point::new(x, top - 2.0),
            Point::new(x, bar_area.max.y),
            grid(),
            0.5,
        ));
        Label::new(&tick.to_string(), Point::new(x, top - 3.0))
            .align(HAlign::Center, VAlign::Bottom)
            .style(Style::MUTED)
            .draw(fonts, &mut items);
    }
    let values: Vec<f64> = rows.iter().map(|(_, v)| v.unwrap_or(f64::NAN)).collect();
    let bars = bar_layout(&values, 5.0, bar_area, true, 3.0);
    for (i, ((name, value), bar)) in rows.iter().zip(&bars).enumerate() {
        let name = text::ellipsize(fonts, name, LABEL_SIZE, label_width - 8.0);
        let mid = bar.center().y;
        Label::new(&name, Point::new(0.0, mid)).draw(fonts, &mut items);
        if let Some(v) = value {
            items.push(Item::Rect {
                rect: *bar,
                fill: Some(charts::shown_level(*v).colour),
                stroke: None,
            });
            if provisional.get(i).copied().unwrap_or(false) {
                items.push(super::tables::dashed_outline(*bar, INK, 1.0));
            }
        }
        let text = level_label(*value);
        let style = Style {
            colour: if value.is_some() { INK } else { MUTED },
            bold: false,
            face: Face::Sans,
        };
        Label::new(&text, Point::new(bar.max.x + 4.0, mid))
            .style(style)
            .draw(fonts, &mut items);
    }
    let alt = described(rows.iter().map(|(name, value)| (name.as_str(), *value)));
    Graphic {
        width: None,
        height: bar_area.max.y + 6.0,
        items,
        alt: Some(alt),
    }
}

/// One period of the history chart: its date label, the mean level and
/// the lowest and highest department.
pub struct HistoryPoint {
    pub label: String,
    /// Days since the first period, for the horizontal position.
    pub day: f64,
    pub mean: f64,
    pub min: f64,
    pub max: f64,
}

/// The mean level over the periods as a line on a 1–5 scale, with the
/// lowest-to-highest band behind it and the figure at each point.
pub fn history(fonts: &Fonts, points: &[HistoryPoint]) -> Graphic {
    let height = 170.0;
    let left = 24.0;
    let right = CONTENT.width() - 30.0;
    let (top, bottom) = (10.0, height - 28.0);
    let last = points.last().map_or(0.0, |p| p.day).max(1.0);
    let x = charts::LinearScale::new((0.0, last), (left + 20.0, right - 20.0));
    let y = charts::LinearScale::new((1.0, 5.0), (bottom, top));
    let mut items = Vec::new();
    for tick in 1..=5u8 {
        let at = y.map(f64::from(tick));
        items.push(Item::line(
            Point::new(left, at),
            Point::new(right, at),
            grid(),
            0.5,
        ));
        Label::new(&tick.to_string(), Point::new(left - 4.0, at))
            .align(HAlign::Right, VAlign::Center)
            .style(Style::MUTED)
            .draw(fonts, &mut items);
    }
    let colour = series_colour(0);
    let at = |day: f64, value: f64| Point::new(x.map(day), y.map(value.clamp(1.0, 5.0)));
    let mut band: Vec<Point> = points.iter().map(|p| at(p.day, p.min)).collect();
    band.extend(points.iter().rev().map(|p| at(p.day, p.max)));
    if points.len() > 1 {
        items.push(Item::Path {
            points: band,
            closed: true,
            fill: Some((colour, 0.15)),
            stroke: None,
            dashed: false,
        });
        items.push(Item::Path {
            points: points.iter().map(|p| at(p.day, p.mean)).collect(),
            closed: false,
            fill: None,
            stroke: Some((colour, 1.6)),
            dashed: false,
        });
    }
    let mut last_label = f32::MIN;
    for p in points {
        let point = at(p.day, p.mean);
        items.push(Item::Rect {
            rect: Rect::new(
                Point::new(point.x - 2.2, point.y - 2.2),
                Point::new(point.x + 2.2, point.y + 2.2),
            ),
            fill: Some(colour),
            stroke: None,
        });
        Label::new(&level_label(Some(p.mean)), Point::new(point.x, point.y - 4.0))
            .align(HAlign::Center, VAlign::Bottom)
            .draw(fonts, &mut items);
        // Period labels under the axis, skipped where they would overlap.
        let width = fonts.width(&p.label, LABEL_SIZE);
        if point.x - width / 2.0 > last_label + 6.0 {
            Label::new(&p.label, Point::new(point.x, bottom + 6.0))
                .align(HAlign::Center, VAlign::Top)
                .style(Style::MUTED)
                .draw(fonts, &mut items);
            last_label = point.x + width / 2.0;
        }
    }
    Graphic {
        width: None,
        height,
        items,
        alt: None,
    }
}

/// Vertical bars of how many departments are at each stage, each bar in its
/// level's colour with the count above it and the stage below.
pub fn stages(fonts: &Fonts, bars: &[(String, usize)]) -> Graphic {
    let height = 150.0;
    let (top, bottom) = (16.0, height - 34.0);
    let width = CONTENT.width();
    let slot = width / bars.len().max(1) as f32;
    let most = bars.iter().map(|(_, n)| *n).max().unwrap_or(0).max(1);
    let y = charts::LinearScale::new((0.0, most as f64), (bottom, top));
    let mut items = vec![Item::line(
        Point::new(0.0, bottom),
        Point::new(width, bottom),
        grid(),
        0.6,
    )];
    for (i, (label, count)) in bars.iter().enumerate() {
        let centre = slot * (i as f32 + 0.5);
        let level = (i + 1) as f64;
        let bar_top = y.map(*count as f64);
        if *count > 0 {
            items.push(Item::Rect {
                rect: Rect::new(
                    Point::new(centre - slot * 0.3, bar_top),
                    Point::new(centre + slot * 0.3, bottom),
                ),
                fill: Some(level_colour(level)),
                stroke: None,
            });
        }
        Label::new(&count.to_string(), Point::new(centre, bar_top - 2.0))
            .align(HAlign::Center, VAlign::Bottom)
            .style(Style::BOLD)
            .draw(fonts, &mut items);
        Label::new(label, Point::new(centre, bottom + 4.0))
            .align(HAlign::Center, VAlign::Top)
            .wrap(slot - 8.0, 2)
            .draw(fonts, &mut items);
    }
    Graphic {
        width: None,
        height,
        items,
        alt: None,
    }
}

/// The colour of the `i`-th radar series.
pub fn series(i: usize) -> Rgb {
    series_colour(i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fonts() -> Fonts {
        match Fonts::load() {
            Ok(fonts) => fonts,
            Err(e) => panic!("{e}"),
        }
    }

    /// The fills of the items drawn, and the texts, in order.
    fn drawn(graphic: &Graphic) -> (Vec<Rgb>, Vec<&str>) {
        let mut fills = Vec::new();
        let mut texts = Vec::new();
        for item in &graphic.items {
            match item {
                Item::Rect { fill: Some(fill), .. } => fills.push(*fill),
                Item::Text { text, .. } => texts.push(text.as_str()),
                _ => {}
            }
        }
        (fills, texts)
    }

    #[test]
    fn a_heatmap_cell_reads_the_level_it_is_painted() {
        let columns = ["x".to_owned(), "y".to_owned(), "z".to_owned()];
        let values = [vec![Some(4.995), Some(4.994), Some(2.625)]];
        let graphic = heatmap(&fonts(), &["a".to_owned()], &columns, &values, &[], "no data");
        let (fills, texts) = drawn(&graphic);
        // 4.995 reads "5.00" and is painted as level 5 (viridis' last stop);
        // 4.994 reads "4.99"; 2.625 reads "2.63", painted as 2.63.
        assert!(texts.contains(&"5.00") && texts.contains(&"4.99") && texts.contains(&"2.63"));
        assert!(!texts.contains(&"2.62"));
        assert_eq!(fills[0], Rgb(0xfd, 0xe7, 0x25));
        assert_eq!(fills[1], level_colour(4.99));
        assert_eq!(fills[2], level_colour(2.63));
    }

    #[test]
    fn a_ranking_bar_reads_the_level_it_is_painted() {
        let rows = [("a".to_owned(), Some(4.995))];
        let graphic = ranking(&fonts(), &rows, &[]);
        let (fills, texts) = drawn(&graphic);
        assert!(texts.contains(&"5.00"), "{texts:?}");
        assert!(fills.contains(&Rgb(0xfd, 0xe7, 0x25)), "{fills:?}");
    }
}
