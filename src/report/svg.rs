//! The report's charts as SVG strings, drawn from the same `charts`
//! geometry and colours as the app: radar, heatmap, ranking bars, stage
//! distribution, the level legend and a mean-level history line.
//!
//! [`chart`] draws the chart a document's figure names ([`Chart`]) from
//! the report content, with the figure's alt text as its title; the HTML
//! writer embeds what it returns.
//!
//! Every piece of text is escaped, and user text (department and dimension
//! names) is also wrapped in Unicode isolates so a right-to-left override in
//! a name cannot reorder the text around it. Long names are shortened with
//! an ellipsis; the full name stays in a `<title>` tooltip. Values are
//! written on the marks themselves, so no chart relies on colour alone.
//!
//! Each function returns one `<svg>` element sized by its `viewBox` (the
//! HTML scales it down to the page width); `role="img"`, `aria-label` and
//! `<title>` carry the figure's text equivalent for screen readers.

use std::fmt::Write as _;

use chrono::NaiveDate;

use super::markup::{escape, isolate};
use crate::analysis::GroupPoint;
use crate::charts::{
    self, HAlign, HeatmapLabels, LinearScale, Point, Rect, Rgb, Theme, VAlign, level_colour, series_colour,
    text_colour_on,
};
use crate::model::Lang;
use crate::present::build;
use crate::present::catalogue::T;
use crate::present::document::Chart;
use crate::present::format;
use crate::present::report::ReportContent;

/// The font stack: the bundled Noto Sans SC first, then common CJK system fonts.
pub const FONT_FAMILY: &str = "'Noto Sans SC','Noto Sans CJK SC','Microsoft YaHei','PingFang SC',sans-serif";

const FONT_SIZE: f32 = 12.0;
const SMALL_FONT_SIZE: f32 = 10.5;
/// Opacity of a radar series' fill.
const FILL_OPACITY: f32 = 0.18;

/// One polygon on a radar chart.
#[derive(Clone, Debug)]
pub struct RadarSeries<'a> {
    pub label: &'a str,
    /// Mean levels (1–5), one per axis; `None` leaves a gap.
    pub values: Vec<Option<f64>>,
    pub colour: Rgb,
    /// Filled and solid; otherwise a dashed outline only.
    pub filled: bool,
}

/// The chart a document's figure names, drawn from the report content;
/// `alt` (the figure's text equivalent) becomes its `<title>` and
/// `aria-label`.
pub fn chart(content: &ReportContent, chart: &Chart, alt: &str) -> String {
    match chart {
        Chart::Heatmap => {
            let rows: Vec<String> = content.heatmap.iter().map(|d| d.name.clone()).collect();
            let provisional: Vec<bool> = content.heatmap.iter().map(|d| d.is_provisional()).collect();
            heatmap(
                alt,
                &rows,
                &build::heatmap_columns(content),
                &build::heatmap_values(content),
                &provisional,
            )
        }
        Chart::Ranking => {
            let rows: Vec<(String, Option<f64>)> = content
                .ranking
                .iter()
                .map(|r| (r.name.clone(), r.mean_level))
                .collect();
            let provisional: Vec<bool> = content.ranking.iter().map(|r| r.provisional).collect();
            level_bars(alt, &rows, &provisional)
        }
        Chart::StageDistribution => {
            let stages: Vec<String> = content.levels.iter().map(|l| l.name.clone()).collect();
            stage_distribution(alt, &stages, &content.summary.stage_counts)
        }
        Chart::History => history(
            alt,
            &content.history,
            T::MinMaxBand.get(content.lang),
            content.lang,
        ),
        Chart::LevelLegend => {
            let levels: Vec<(u8, String)> = content
                .levels
                .iter()
                .map(|l| (l.level.get(), l.name.clone()))
                .collect();
            level_legend(alt, &levels)
        }
        Chart::Radar(id) => department_radar(content, id, alt),
    }
}

/// A department's radar: its current profile filled, the previous one and
/// its targets dashed (the series [`build::profile`] gives every format).
/// Empty axes when the department is not in the report.
fn department_radar(content: &ReportContent, id: &str, alt: &str) -> String {
    let axes: Vec<String> = content.dimensions.iter().map(|d| d.name.clone()).collect();
    let profile = content
        .sections
        .iter()
        .find(|s| s.figures.id == id)
        .map(|section| build::profile(content, section))
        .unwrap_or_default();
    // The current period in the first series colour, the previous one in
    // the second, the targets in grey (as the app draws them).
    let series: Vec<RadarSeries> = profile
        .iter()
        .map(|s| RadarSeries {
            label: &s.name,
            values: s.values.clone(),
            colour: if s.current {
                series_colour(0)
            } else if s.name == content.labels.target {
                Theme::Light.palette().muted_text
            } else {
                series_colour(1)
            },
            filled: s.current,
        })
        .collect();
    radar(alt, &axes, &series)
}

/// Whether a character is drawn about one em wide (CJK, full-width forms, emoji).
fn is_wide(c: char) -> bool {
    matches!(u32::from(c),
        0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF |
        0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x1F000..=0x1FAFF | 0x20000..=0x3FFFD)
}

/// An estimate of the drawn width of `text` at `size` px: wide characters
/// one em, the rest a little over half of one. Good enough to leave room.
pub fn text_width(text: &str, size: f32) -> f32 {
    text.chars()
        .map(|c| if is_wide(c) { 1.0 } else { 0.56 })
        .sum::<f32>()
        * size
}

/// `text` shortened with "…" to fit `max_width` at `size` px.
pub fn fit(text: &str, max_width: f32, size: f32) -> String {
    if text_width(text, size) <= max_width {
        return text.to_owned();
    }
    let mut out = String::new();
    let mut width = text_width("…", size);
    for c in text.chars() {
        let w = text_width(c.encode_utf8(&mut [0; 4]), size);
        if width + w > max_width {
            break;
        }
        width += w;
        out.push(c);
    }
    out.push('…');
    out
}

/// Breaks `text` into at most `max_lines` lines of at most `max_width` px,
/// preferring spaces; the last line is shortened with "…" if needed.
pub fn wrap(text: &str, max_width: f32, size: f32, max_lines: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut rest: &str = text.trim();
    while !rest.is_empty() && lines.len() + 1 < max_lines {
        if text_width(rest, size) <= max_width {
            break;
        }
        // The longest prefix that fits, cut at a space when there is one.
        let mut end = 0;
        let mut last_space = None;
        for (i, c) in rest.char_indices() {
            if text_width(&rest[..i + c.len_utf8()], size) > max_width {
                break;
            }
            end = i + c.len_utf8();
            if c == ' ' {
                last_space = Some(i);
            }
        }
        let cut = match last_space {
            Some(space) if space > 0 => space,
            _ if end == 0 => rest.chars().next().map_or(rest.len(), char::len_utf8),
            _ => end,
        };
        lines.push(rest[..cut].trim_end().to_owned());
        rest = rest[cut..].trim_start();
    }
    if !rest.is_empty() {
        lines.push(fit(rest, max_width, size));
    }
    lines
}

/// The opening `<svg>` tag with its title.
fn open(out: &mut String, width: f32, height: f32, title: &str) {
    let title = isolate(title);
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width:.0} {height:.0}\" width=\"{width:.0}\" \
         height=\"{height:.0}\" role=\"img\" aria-label=\"{title}\" style=\"font-family:{FONT_FAMILY};max-width:100%;height:auto\">\
         <title>{title}</title>"
    );
}

/// One line of text. `text` is already escaped.
#[allow(clippy::too_many_arguments)]
fn text(
    out: &mut String,
    at: Point,
    text: &str,
    size: f32,
    fill: Rgb,
    halign: HAlign,
    valign: VAlign,
    extra: &str,
) {
    let anchor = match halign {
        HAlign::Left => "start",
        HAlign::Center => "middle",
        HAlign::Right => "end",
    };
    // SVG's dominant-baseline support varies; shift the baseline by hand.
    let dy = match valign {
        VAlign::Top => size * 0.85,
        VAlign::Center => size * 0.35,
        VAlign::Bottom => -size * 0.15,
    };
    let _ = write!(
        out,
        "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"{size}\" fill=\"{}\" text-anchor=\"{anchor}\"{extra}>{text}</text>",
        at.x,
        at.y + dy,
        fill.hex()
    );
}

/// A label for user text: shortened to `max_width`, isolated, with the full
/// text as a tooltip when it was shortened.
fn label(out: &mut String, at: Point, full: &str, max_width: f32, size: f32, fill: Rgb, halign: HAlign) {
    let shown = fit(full, max_width, size);
    if shown == full {
        text(out, at, &isolate(full), size, fill, halign, VAlign::Center, "");
    } else {
        out.push_str("<g>");
        let _ = write!(out, "<title>{}</title>", isolate(full));
        text(out, at, &isolate(&shown), size, fill, halign, VAlign::Center, "");
        out.push_str("</g>");
    }
}

/// An SVG `points` list: coordinates to a tenth of a pixel.
fn points_attr(points: &[Point]) -> String {
    let mut out = String::with_capacity(points.len() * 12);
    for (i, p) in points.iter().enumerate() {
        let separator = if i == 0 { "" } else { " " };
        let _ = write!(out, "{separator}{:.1},{:.1}", p.x, p.y);
    }
    out
}

fn rect(out: &mut String, r: Rect, fill: Rgb, extra: &str) {
    let _ = write!(
        out,
        "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"{}\"{extra}/>",
        r.min.x,
        r.min.y,
        r.width().max(0.0),
        r.height().max(0.0),
        fill.hex()
    );
}

/// A dashed outline just inside `r`: the mark of a provisional figure.
fn dashed_outline(out: &mut String, r: Rect, stroke: Rgb) {
    let inset = Rect::new(r.min + Point::new(1.5, 1.5), r.max - Point::new(1.5, 1.5));
    let _ = write!(
        out,
        "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"none\" stroke=\"{}\" \
         stroke-width=\"1.5\" stroke-dasharray=\"4 3\"/>",
        inset.min.x,
        inset.min.y,
        inset.width().max(0.0),
        inset.height().max(0.0),
        stroke.hex()
    );
}

fn line(out: &mut String, a: Point, b: Point, stroke: Rgb, width: f32, extra: &str) {
    let _ = write!(
        out,
        "<line x1=\"{:.1}\" y1=\"{:.1}\" x2=\"{:.1}\" y2=\"{:.1}\" stroke=\"{}\" stroke-width=\"{width}\"{extra}/>",
        a.x,
        a.y,
        b.x,
        b.y,
        stroke.hex()
    );
}

/// A vertical grid line across `area` at `x`, labelled below it.
fn x_gridline(out: &mut String, area: Rect, x: f32, label: &str) {
    let palette = Theme::Light.palette();
    line(
        out,
        Point::new(x, area.min.y),
        Point::new(x, area.max.y),
        palette.grid,
        1.0,
        "",
    );
    text(
        out,
        Point::new(x, area.max.y + 4.0),
        label,
        SMALL_FONT_SIZE,
        palette.muted_text,
        HAlign::Center,
        VAlign::Top,
        "",
    );
}

/// A radar of mean levels per dimension: rings for levels 1–5, one spoke
/// per axis, each series as a polygon (a gap where a value is missing).
pub fn radar(title: &str, axes: &[String], series: &[RadarSeries]) -> String {
    let palette = Theme::Light.palette();
    let (width, height, radius) = (560.0, 400.0, 130.0);
    let center = Point::new(width / 2.0, height / 2.0 + 6.0);
    let layout = charts::radar_layout(axes.len(), center, radius, 1..=5);
    let mut out = String::new();
    open(&mut out, width, height, title);
    for ring in &layout.rings {
        let _ = write!(
            out,
            "<polygon points=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"1\"/>",
            points_attr(ring),
            palette.grid.hex()
        );
    }
    for axis in &layout.axes {
        line(&mut out, center, axis.end, palette.axis, 0.8, "");
    }
    for level in 1..=5u8 {
        if let Some(p) = layout.point_at(0, f64::from(level)) {
            text(
                &mut out,
                Point::new(p.x + 4.0, p.y),
                &level.to_string(),
                SMALL_FONT_SIZE,
                palette.muted_text,
                HAlign::Left,
                VAlign::Center,
                "",
            );
        }
    }
    for s in series {
        radar_series(&mut out, &layout, s);
    }
    for (axis, name) in layout.axes.iter().zip(axes) {
        let lines = wrap(name, 150.0, FONT_SIZE, 2);
        let count = lines.len() as f32;
        let first_y = match axis.valign {
            VAlign::Top => axis.label_anchor.y,
            VAlign::Center => axis.label_anchor.y - (count - 1.0) * FONT_SIZE * 0.6,
            VAlign::Bottom => axis.label_anchor.y - (count - 1.0) * FONT_SIZE * 1.2,
        };
        let _ = write!(out, "<g><title>{}</title>", isolate(name));
        for (i, part) in lines.iter().enumerate() {
            let at = Point::new(axis.label_anchor.x, first_y + i as f32 * FONT_SIZE * 1.2);
            text(
                &mut out,
                at,
                &isolate(part),
                FONT_SIZE,
                palette.text,
                axis.align,
                axis.valign,
                "",
            );
        }
        out.push_str("</g>");
    }
    radar_legend(&mut out, series, height);
    out.push_str("</svg>");
    out
}

/// One series: a filled polygon (or a fan of triangles around gaps) under
/// its outline, and a dot at each vertex.
fn radar_series(out: &mut String, layout: &charts::RadarLayout, s: &RadarSeries) {
    let vertices = charts::radar_polygon(layout, &s.values);
    let colour = s.colour.hex();
    let dash = if s.filled { "" } else { " stroke-dasharray=\"5 4\"" };
    if vertices.iter().all(Option::is_some) && vertices.len() > 2 {
        let points: Vec<Point> = vertices.iter().flatten().copied().collect();
        let fill = if s.filled {
            format!("fill=\"{colour}\" fill-opacity=\"{FILL_OPACITY}\"")
        } else {
            "fill=\"none\"".to_owned()
        };
        let _ = write!(
            out,
            "<polygon points=\"{}\" {fill} stroke=\"{colour}\" stroke-width=\"2\"{dash}/>",
            points_attr(&points)
        );
    } else {
        if s.filled {
            let mut d = String::new();
            for [a, b, c] in charts::radar_fan(layout.center, &vertices) {
                let _ = write!(
                    d,
                    "M{:.1} {:.1}L{:.1} {:.1}L{:.1} {:.1}Z",
                    a.x, a.y, b.x, b.y, c.x, c.y
                );
            }
            let _ = write!(
                out,
                "<path d=\"{d}\" fill=\"{colour}\" fill-opacity=\"{FILL_OPACITY}\" stroke=\"none\"/>"
            );
        }
        for (a, b) in charts::radar_edges(&vertices) {
            line(out, a, b, s.colour, 2.0, dash);
        }
    }
    for p in vertices.iter().flatten() {
        let fill = if s.filled {
            colour.clone()
        } else {
            "#ffffff".to_owned()
        };
        let _ = write!(
            out,
            "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"3\" fill=\"{fill}\" stroke=\"{colour}\" stroke-width=\"1.5\"/>",
            p.x, p.y
        );
    }
}

/// The legend under a radar: a swatch (solid or dashed) and a label per series.
fn radar_legend(out: &mut String, series: &[RadarSeries], height: f32) {
    let palette = Theme::Light.palette();
    let mut x = 12.0;
    let y = height - 12.0;
    for s in series {
        let dash = if s.filled { "" } else { " stroke-dasharray=\"5 4\"" };
        line(
            out,
            Point::new(x, y),
            Point::new(x + 22.0, y),
            s.colour,
            2.5,
            dash,
        );
        text(
            out,
            Point::new(x + 28.0, y),
            &isolate(s.label),
            SMALL_FONT_SIZE,
            palette.text,
            HAlign::Left,
            VAlign::Center,
            "",
        );
        x += 40.0 + text_width(s.label, SMALL_FONT_SIZE);
    }
}

/// The department × dimension heatmap: each cell coloured by its mean level
/// with the value written on it ("–" without data).
///
/// Cells of a row whose `provisional` entry is true get a dashed outline
/// (the figure is not approved).
pub fn heatmap(
    title: &str,
    rows: &[String],
    columns: &[String],
    values: &[Vec<Option<f64>>],
    provisional: &[bool],
) -> String {
    let palette = Theme::Light.palette();
    let width = 760.0;
    let row_width = rows
        .iter()
        .map(|r| text_width(r, FONT_SIZE))
        .fold(60.0_f32, f32::max)
        .min(230.0)
        + 12.0;
    let cell_width = (width - row_width) / columns.len().max(1) as f32;
    let column_lines: Vec<Vec<String>> = columns
        .iter()
        .map(|c| wrap(c, cell_width - 6.0, SMALL_FONT_SIZE, 3))
        .collect();
    let line_count = column_lines.iter().map(Vec::len).max().unwrap_or(1) as f32;
    let column_height = line_count * SMALL_FONT_SIZE * 1.25 + 10.0;
    let row_height = 26.0;
    let height = column_height + row_height * rows.len() as f32;
    let layout = charts::heatmap_layout(
        rows.len(),
        columns.len(),
        Rect::from_min_size(Point::default(), width, height),
        HeatmapLabels {
            row_width,
            column_height,
            gap: 2.0,
        },
    );
    let mut out = String::new();
    open(&mut out, width, height, title);
    for (lines, label_box) in column_lines.iter().zip(&layout.column_labels) {
        let bottom = label_box.max.y - 6.0;
        let count = lines.len() as f32;
        for (i, part) in lines.iter().enumerate() {
            let y = bottom - (count - 1.0 - i as f32) * SMALL_FONT_SIZE * 1.25;
            text(
                &mut out,
                Point::new(label_box.center().x, y),
                &isolate(part),
                SMALL_FONT_SIZE,
                palette.text,
                HAlign::Center,
                VAlign::Bottom,
                "",
            );
        }
    }
    for (name, label_box) in rows.iter().zip(&layout.row_labels) {
        let at = Point::new(label_box.max.x - 8.0, label_box.center().y);
        label(
            &mut out,
            at,
            name,
            row_width - 16.0,
            FONT_SIZE,
            palette.text,
            HAlign::Right,
        );
    }
    for cell in &layout.cells {
        let value = values
            .get(cell.row)
            .and_then(|r| r.get(cell.col))
            .copied()
            .flatten();
        // The printed figure and the fill come from one rounded value.
        let level = value.map(charts::shown_level);
        let fill = level.map_or(palette.no_data, |l| l.colour);
        rect(&mut out, cell.rect, fill, "");
        if provisional.get(cell.row).copied().unwrap_or(false) {
            dashed_outline(&mut out, cell.rect, text_colour_on(fill));
        }
        let shown = format::level(level.map(|l| l.value));
        text(
            &mut out,
            cell.rect.center(),
            &shown,
            FONT_SIZE,
            text_colour_on(fill),
            HAlign::Center,
            VAlign::Center,
            "",
        );
    }
    out.push_str("</svg>");
    out
}

/// The width of the name column of a bar chart: the longest name, within
/// 60–230 px, plus a gap.
fn row_label_width(rows: &[(String, Option<f64>)]) -> f32 {
    rows.iter()
        .map(|(name, _)| text_width(name, FONT_SIZE))
        .fold(60.0_f32, f32::max)
        .min(230.0)
        + 12.0
}

/// Horizontal bars of mean levels on a 0–5 scale, coloured by level, the
/// value written at the end of each bar. A bar whose `provisional` entry
/// is true gets a dashed outline (the figure is not approved).
pub fn level_bars(title: &str, rows: &[(String, Option<f64>)], provisional: &[bool]) -> String {
    let palette = Theme::Light.palette();
    let width = 760.0;
    let row_height = 24.0;
    let label_width = row_label_width(rows);
    let top = 8.0;
    let axis_height = 22.0;
    let height = top + row_height * rows.len() as f32 + axis_height;
    let area = Rect::new(
        Point::new(label_width, top),
        Point::new(width - 50.0, top + row_height * rows.len() as f32),
    );
    let scale = LinearScale::new((0.0, 5.0), (area.min.x, area.max.x));
    let mut out = String::new();
    open(&mut out, width, height, title);
    for tick in 0..=5 {
        x_gridline(&mut out, area, scale.map(f64::from(tick)), &tick.to_string());
    }
    let values: Vec<f64> = rows.iter().map(|(_, v)| v.unwrap_or(0.0)).collect();
    let bars = charts::bar_layout(&values, 5.0, area, true, 6.0);
    for (i, ((name, value), bar)) in rows.iter().zip(bars).enumerate() {
        let y = bar.center().y;
        label(
            &mut out,
            Point::new(area.min.x - 8.0, y),
            name,
            label_width - 16.0,
            FONT_SIZE,
            palette.text,
            HAlign::Right,
        );
        match value {
            Some(v) => {
                let shown = charts::shown_level(*v);
                rect(&mut out, bar, shown.colour, "");
                if provisional.get(i).copied().unwrap_or(false) {
                    dashed_outline(&mut out, bar, palette.text);
                }
                text(
                    &mut out,
                    Point::new(bar.max.x + 4.0, y),
                    &format::level(Some(shown.value)),
                    FONT_SIZE,
                    palette.text,
                    HAlign::Left,
                    VAlign::Center,
                    "",
                );
            }
            None => text(
                &mut out,
                Point::new(area.min.x + 4.0, y),
                "–",
                FONT_SIZE,
                palette.muted_text,
                HAlign::Left,
                VAlign::Center,
                "",
            ),
        }
    }
    line(
        &mut out,
        area.min,
        Point::new(area.min.x, area.max.y),
        palette.axis,
        1.0,
        "",
    );
    out.push_str("</svg>");
    out
}

/// Vertical bars: how many departments are at each stage. `stages` holds
/// the level names, level 1 first; `counts` the departments per stage.
pub fn stage_distribution(title: &str, stages: &[String], counts: &[usize; 5]) -> String {
    let palette = Theme::Light.palette();
    let (width, height) = (520.0, 230.0);
    let area = Rect::new(Point::new(20.0, 24.0), Point::new(width - 20.0, height - 52.0));
    let values: Vec<f64> = counts.iter().map(|&c| c as f64).collect();
    let max = values.iter().copied().fold(1.0, f64::max);
    let bars = charts::bar_layout(&values, max, area, false, 16.0);
    let mut out = String::new();
    open(&mut out, width, height, title);
    line(
        &mut out,
        Point::new(area.min.x, area.max.y),
        area.max,
        palette.axis,
        1.0,
        "",
    );
    for (i, bar) in bars.iter().enumerate() {
        let level = i as f64 + 1.0;
        let fill = level_colour(level);
        rect(&mut out, *bar, fill, "");
        text(
            &mut out,
            Point::new(bar.center().x, bar.min.y - 4.0),
            &counts[i].to_string(),
            FONT_SIZE,
            palette.text,
            HAlign::Center,
            VAlign::Bottom,
            " font-weight=\"bold\"",
        );
        let name = stages.get(i).map_or("", String::as_str);
        let lines = wrap(
            &format!("{} {name}", i + 1),
            bar.width() + 12.0,
            SMALL_FONT_SIZE,
            2,
        );
        for (j, part) in lines.iter().enumerate() {
            text(
                &mut out,
                Point::new(
                    bar.center().x,
                    area.max.y + 6.0 + j as f32 * SMALL_FONT_SIZE * 1.25,
                ),
                &isolate(part),
                SMALL_FONT_SIZE,
                palette.text,
                HAlign::Center,
                VAlign::Top,
                "",
            );
        }
    }
    out.push_str("</svg>");
    out
}

/// The level scale in one row: a swatch per level in its colour with its
/// number on it, and the level's name beside it. `levels` holds the
/// number and name of each level, lowest first.
pub fn level_legend(title: &str, levels: &[(u8, String)]) -> String {
    let palette = Theme::Light.palette();
    let (width, height) = (760.0, 30.0);
    let slot = width / levels.len().max(1) as f32;
    let swatch = Point::new(28.0, 20.0);
    let mut out = String::new();
    open(&mut out, width, height, title);
    for (i, (level, name)) in levels.iter().enumerate() {
        let x = i as f32 * slot;
        let fill = level_colour(f64::from(*level));
        let r = Rect::from_min_size(Point::new(x, (height - swatch.y) / 2.0), swatch.x, swatch.y);
        rect(&mut out, r, fill, " rx=\"3\"");
        text(
            &mut out,
            r.center(),
            &level.to_string(),
            FONT_SIZE,
            text_colour_on(fill),
            HAlign::Center,
            VAlign::Center,
            " font-weight=\"bold\"",
        );
        label(
            &mut out,
            Point::new(r.max.x + 6.0, height / 2.0),
            name,
            slot - swatch.x - 12.0,
            FONT_SIZE,
            palette.text,
            HAlign::Left,
        );
    }
    out.push_str("</svg>");
    out
}

/// The mean level over time with the min–max band across departments and
/// the value at each period.
pub fn history(title: &str, points: &[GroupPoint], band_label: &str, lang: Lang) -> String {
    let palette = Theme::Light.palette();
    let (width, height) = (760.0, 240.0);
    let area = Rect::new(Point::new(40.0, 16.0), Point::new(width - 30.0, height - 48.0));
    let mut out = String::new();
    open(&mut out, width, height, title);
    let (Some(first), Some(last)) = (points.first(), points.last()) else {
        out.push_str("</svg>");
        return out;
    };
    let span = charts::days_since(first.period, last.period).max(1.0);
    let x_scale = LinearScale::new((0.0, span), (area.min.x + 20.0, area.max.x - 20.0));
    let y_scale = LinearScale::new((1.0, 5.0), (area.max.y, area.min.y));
    let x_of = |date: NaiveDate| x_scale.map(charts::days_since(first.period, date));
    for level in 1..=5 {
        let y = y_scale.map(f64::from(level));
        line(
            &mut out,
            Point::new(area.min.x, y),
            Point::new(area.max.x, y),
            palette.grid,
            1.0,
            "",
        );
        text(
            &mut out,
            Point::new(area.min.x - 6.0, y),
            &level.to_string(),
            SMALL_FONT_SIZE,
            palette.muted_text,
            HAlign::Right,
            VAlign::Center,
            "",
        );
    }
    let colour = charts::series_colour(0);
    if points.len() > 1 {
        let band: Vec<Point> = points
            .iter()
            .map(|p| Point::new(x_of(p.period), y_scale.map(p.max)))
            .chain(
                points
                    .iter()
                    .rev()
                    .map(|p| Point::new(x_of(p.period), y_scale.map(p.min))),
            )
            .collect();
        let _ = write!(
            out,
            "<polygon points=\"{}\" fill=\"{}\" fill-opacity=\"0.15\" stroke=\"none\"/>",
            points_attr(&band),
            colour.hex()
        );
        let mean: Vec<Point> = points
            .iter()
            .map(|p| Point::new(x_of(p.period), y_scale.map(p.mean)))
            .collect();
        let _ = write!(
            out,
            "<polyline points=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"2.5\"/>",
            points_attr(&mean),
            colour.hex()
        );
    }
    for p in points {
        let at = Point::new(x_of(p.period), y_scale.map(p.mean));
        let _ = write!(
            out,
            "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"3.5\" fill=\"{}\"/>",
            at.x,
            at.y,
            colour.hex()
        );
        text(
            &mut out,
            Point::new(at.x, at.y - 6.0),
            &format::level(Some(p.mean)),
            FONT_SIZE,
            palette.text,
            HAlign::Center,
            VAlign::Bottom,
            "",
        );
        text(
            &mut out,
            Point::new(at.x, area.max.y + 6.0),
            &escape(&format::date(p.period, lang)),
            SMALL_FONT_SIZE,
            palette.muted_text,
            HAlign::Center,
            VAlign::Top,
            "",
        );
    }
    if points.len() > 1 {
        let y = height - 12.0;
        rect(
            &mut out,
            Rect::from_min_size(Point::new(area.min.x, y - 6.0), 22.0, 12.0),
            colour,
            " fill-opacity=\"0.15\"",
        );
        text(
            &mut out,
            Point::new(area.min.x + 28.0, y),
            &escape(band_label),
            SMALL_FONT_SIZE,
            palette.text,
            HAlign::Left,
            VAlign::Center,
            "",
        );
    }
    out.push_str("</svg>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_characters_measure_wider() {
        assert!(text_width("数字政府", 10.0) > text_width("abcd", 10.0));
        assert_eq!(fit("short", 200.0, 12.0), "short");
        let long = "x".repeat(300);
        let shown = fit(&long, 100.0, 12.0);
        assert!(shown.ends_with('…') && text_width(&shown, 12.0) <= 100.0);
    }

    #[test]
    fn wrap_prefers_spaces_and_caps_lines() {
        let lines = wrap("Top-level design & standards", 100.0, 12.0, 3);
        assert!(lines.len() > 1, "{lines:?}");
        assert!(lines.iter().all(|l| !l.starts_with(' ') && !l.ends_with(' ')));
        assert_eq!(lines.join(" "), "Top-level design & standards");
        let cjk = wrap(
            "顶层设计与标准规范顶层设计与标准规范顶层设计与标准规范",
            60.0,
            12.0,
            2,
        );
        assert_eq!(cjk.len(), 2);
        assert!(cjk[1].ends_with('…'));
    }

    #[test]
    fn a_cell_reads_the_level_it_is_painted() {
        // 4.995 is printed "5.00" and painted as level 5; 4.994 is "4.99".
        let svg = heatmap(
            "t",
            &["a".to_owned()],
            &["x".to_owned(), "y".to_owned()],
            &[vec![Some(4.995), Some(4.994)]],
            &[],
        );
        assert!(svg.contains("fill=\"#fde725\""), "{svg}");
        assert!(svg.contains(">5.00<") && svg.contains(">4.99<"));
        // 2.625 rounds half away from zero: "2.63", as in every report.
        let bars = level_bars("t", &[("a".to_owned(), Some(2.625))], &[]);
        assert!(bars.contains(">2.63<"), "{bars}");
    }

    #[test]
    fn user_text_is_escaped_and_isolated() {
        let svg = heatmap(
            "t",
            &["<script>alert(1)</script>".to_owned(), "\u{202e}evil".to_owned()],
            &["a & b".to_owned()],
            &[vec![Some(2.0)], vec![None]],
            &[],
        );
        assert!(!svg.contains("<script"));
        assert!(svg.contains("&lt;script&gt;"));
        assert!(svg.contains("a &amp; b"));
        assert!(svg.contains("\u{2068}\u{202e}evil\u{2069}"));
        assert!(svg.contains(">2.00<") && svg.contains(">–<"));
    }

    fn sample(lang: Lang) -> ReportContent {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assessments");
        let loaded = crate::store::load(&root).unwrap();
        let options = crate::present::report::ReportOptions {
            kind: Default::default(),
            style: Default::default(),
            split: false,
            format: crate::present::report::Format::Html,
            period: None,
            department: None,
            basis: crate::analysis::Basis::Latest,
            lang,
            generated: NaiveDate::from_ymd_opt(2026, 1, 15).unwrap(),
        };
        crate::present::report::build(&loaded, &options)
    }

    #[test]
    fn every_chart_carries_the_figures_alt_text_and_its_data() {
        let content = sample(Lang::En);
        let radar = chart(
            &content,
            &Chart::Radar("big-data-bureau".to_owned()),
            "Profile <x>",
        );
        assert!(radar.contains("role=\"img\" aria-label=\"\u{2068}Profile &lt;x&gt;\u{2069}\""));
        // Current filled, previous dashed in the second colour, targets dashed in grey.
        assert!(radar.contains(">\u{2068}Current 2025-12-31\u{2069}<"), "{radar}");
        assert!(radar.contains(">\u{2068}Previous 2025-06-30\u{2069}<"), "{radar}");
        assert!(radar.contains(">\u{2068}Target\u{2069}<"), "{radar}");
        assert_eq!(radar.matches("stroke-dasharray=\"5 4\"").count(), 2 + 2);
        // Big Data Bureau: 4.00 4.40 4.00 3.00 4.00 3.80, mean 3.87 (sample).
        let heatmap = chart(&content, &Chart::Heatmap, "h");
        assert!(heatmap.contains(">3.87</text>") && heatmap.contains(">4.40</text>"));
        let ranking = chart(&content, &Chart::Ranking, "r");
        assert!(ranking.contains(">\u{2068}Big Data Bureau\u{2069}</text>"));
        // 1 at Initial, 9 at Embryonic, 2 at Growth.
        let stages = chart(&content, &Chart::StageDistribution, "s");
        assert!(stages.contains(">9</text>") && stages.contains(">2</text>"));
        let legend = chart(&content, &Chart::LevelLegend, "l");
        assert!(legend.contains(">\u{2068}Initial\u{2069}</text>"), "{legend}");
        assert_eq!(legend.matches("<rect ").count(), 5);
        let history = chart(&content, &Chart::History, "t");
        // The sample on the latest basis: 2.38, 2.53, 2.64, 2.78.
        assert!(history.contains(">2.78</text>"), "{history}");
        assert!(history.contains(">2025-12-31</text>"), "{history}");
        let zh = chart(&sample(Lang::Zh), &Chart::History, "t");
        assert!(zh.contains(">2025年12月31日</text>"), "{zh}");
    }
}
