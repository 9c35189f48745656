//! The heatmap widget: rows (departments) × columns (dimensions), each cell
//! coloured by its mean level on the colour-blind-safe `charts` scale, with
//! the mean printed on it. Hovering a cell shows mean, floor and coverage;
//! clicking one reports `(row, col)`. Only the rows in view are laid out and
//! painted, so a thousand departments cost no more than twenty.
//!
//! Also: the level legend, and the text helpers the other chart widgets share.

use std::sync::Arc;

use egui::text::{LayoutJob, TextWrapping};
use egui::{
    Align2, AsIdSalt, Color32, FontId, Galley, Id, Response, Role, ScrollArea, Sense, Stroke, StrokeKind, Ui,
    Widget, WidgetInfo, vec2,
};

use super::colour;
use crate::charts::{self, HeatmapLabels, Point, Theme};
use crate::model::{Lang, Level};
use crate::present::catalogue::{T, tagged_text};
use crate::present::format;
use crate::present::overview::labelled;

/// Height of one row of cells, without the spacing between rows.
const ROW_HEIGHT: f32 = 24.0;
/// Space between neighbouring cells.
const CELL_GAP: f32 = 2.0;
/// Column labels wrap onto at most this many lines.
const HEADER_LINES: usize = 3;

/// What one cell stands for.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct HeatValue {
    /// Mean level, 1–5; `None` when nothing was answered.
    pub mean: Option<f64>,
    /// The weakest indicator's level.
    pub floor: Option<Level>,
    /// Answered / applicable, 0–1.
    pub coverage: Option<f64>,
}

/// How a row's figures must be read, when not at face value: a short tag
/// after its label (e.g. "provisional"), the full explanation on hover, and
/// whether its cells are hatched (figures not approved). Made by `present`.
pub use crate::present::overview::Mark as RowMark;

/// What a row stands for, when rows are grouped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowKind {
    /// A department, `depth` steps in.
    Department { depth: usize },
    /// A group's roll-up of `size` departments, open or closed.
    Group { open: bool, size: usize },
}

/// Indentation per step of depth, at most [`MAX_INDENT_STEPS`] steps.
const INDENT: f32 = 12.0;
const MAX_INDENT_STEPS: usize = 4;

/// A heatmap of `rows` × `columns.len()` cells. Row labels and values are
/// asked for lazily, only for the rows in view.
pub struct Heatmap<'a> {
    id: Id,
    title: &'a str,
    lang: Lang,
    rows: usize,
    row_label: &'a dyn Fn(usize) -> String,
    columns: &'a [String],
    value: &'a dyn Fn(usize, usize) -> HeatValue,
    row_mark: Option<&'a dyn Fn(usize) -> Option<RowMark>>,
    row_kind: Option<&'a dyn Fn(usize) -> RowKind>,
    toggled: Option<&'a mut Option<usize>>,
    level_names: &'a [String],
    theme: Theme,
    max_height: f32,
    clicked: Option<&'a mut Option<(usize, usize)>>,
}

impl<'a> Heatmap<'a> {
    pub fn new(
        id_salt: impl AsIdSalt,
        title: &'a str,
        rows: usize,
        row_label: &'a dyn Fn(usize) -> String,
        columns: &'a [String],
        value: &'a dyn Fn(usize, usize) -> HeatValue,
    ) -> Self {
        Heatmap {
            id: Id::unique(id_salt),
            title,
            lang: Lang::En,
            rows,
            row_label,
            columns,
            value,
            row_mark: None,
            row_kind: None,
            toggled: None,
            level_names: &[],
            theme: Theme::Light,
            max_height: 420.0,
            clicked: None,
        }
    }

    /// The language of the hover text.
    pub fn lang(mut self, lang: Lang) -> Self {
        self.lang = lang;
        self
    }

    /// Marks rows whose figures are provisional, carried over or stale.
    pub fn row_marks(mut self, mark: &'a dyn Fn(usize) -> Option<RowMark>) -> Self {
        self.row_mark = Some(mark);
        self
    }

    /// Groups rows: a group's roll-up row opens and closes by a click on
    /// its label (reported in `toggled`), its members are indented.
    pub fn row_kinds(mut self, kind: &'a dyn Fn(usize) -> RowKind, toggled: &'a mut Option<usize>) -> Self {
        self.row_kind = Some(kind);
        self.toggled = Some(toggled);
        self
    }

    /// Names of levels 1–5, shown beside the figures on hover.
    pub fn level_names(mut self, names: &'a [String]) -> Self {
        self.level_names = names;
        self
    }

    pub fn theme(mut self, theme: Theme) -> Self {
        self.theme = theme;
        self
    }

    /// The rows scroll beyond this height.
    pub fn max_height(mut self, height: f32) -> Self {
        self.max_height = height;
        self
    }

    /// Where to report a click on a cell.
    pub fn clicked(mut self, clicked: &'a mut Option<(usize, usize)>) -> Self {
        self.clicked = Some(clicked);
        self
    }

    fn labels(row_width: f32, column_height: f32) -> HeatmapLabels {
        HeatmapLabels {
            row_width,
            column_height,
            gap: CELL_GAP,
        }
    }

    /// Column labels, wrapped to their cell width, with the full name on hover.
    fn header_ui(&self, ui: &mut Ui, width: f32, row_width: f32) {
        let probe = charts::heatmap_layout(
            0,
            self.columns.len(),
            chart_rect(egui::Rect::ZERO.with_max_x(width)),
            Self::labels(row_width, 0.0),
        );
        let font = FontId::proportional(12.0);
        let ink = ui.visuals().text_color();
        let galleys: Vec<Arc<Galley>> = self
            .columns
            .iter()
            .zip(&probe.column_labels)
            .map(|(name, rect)| elided_galley(ui, name, font.clone(), ink, rect.width() - 4.0, HEADER_LINES))
            .collect();
        let height = galleys.iter().map(|g| g.size().y).fold(0.0, f32::max) + 6.0;
        let (rect, _) = ui.allocate_exact_size(vec2(width, height), Sense::hover());
        let layout = charts::heatmap_layout(
            0,
            self.columns.len(),
            chart_rect(rect),
            Self::labels(row_width, height),
        );
        for (col, (galley, label)) in galleys.into_iter().zip(&layout.column_labels).enumerate() {
            let label = egui_rect(*label);
            let response = ui.interact(label, self.id.with(("column", col)), Sense::hover());
            if ui.is_rect_visible(label) {
                let pos = egui::pos2(
                    label.center().x - galley.size().x / 2.0,
                    label.bottom() - galley.size().y - 3.0,
                );
                ui.painter().galley(pos, galley, ink);
            }
            if let Some(name) = self.columns.get(col) {
                response.widget_info(|| WidgetInfo::labeled(Role::ColumnHeader, true, name));
                response.on_hover_text(name);
            }
        }
    }

    /// One row: its label, then its cells.
    fn row_ui(&mut self, ui: &mut Ui, width: f32, row_width: f32, row: usize) {
        let (rect, _) = ui.allocate_exact_size(vec2(width, ROW_HEIGHT), Sense::hover());
        if !ui.is_rect_visible(rect) {
            return;
        }
        let layout = charts::heatmap_layout(
            1,
            self.columns.len(),
            chart_rect(rect),
            Self::labels(row_width, 0.0),
        );
        let label = (self.row_label)(row);
        let mark = self.row_mark.and_then(|mark| mark(row));
        let kind = self.row_kind.map(|kind| kind(row));
        if let Some(label_rect) = layout.row_labels.first() {
            self.row_label_ui(ui, &label, mark.as_ref(), kind, egui_rect(*label_rect), row);
        }
        let label = match kind {
            Some(RowKind::Group { .. }) => tagged_text(&label, T::GroupMean.get(self.lang), self.lang),
            _ => label,
        };
        // Cells are named with the tag, so a screen reader (and a test)
        // hears "provisional" too.
        let name = match &mark {
            Some(mark) => tagged_text(&label, &mark.tag, self.lang),
            None => label,
        };
        for cell in &layout.cells {
            self.cell_ui(ui, &name, mark.as_ref(), row, cell.col, egui_rect(cell.rect));
        }
    }

    /// A row label, shortened in the middle when too long (the end tells
    /// departments apart), then the row's tag in a small outlined box; the
    /// full name and the tag's meaning on hover. A group's label has its
    /// arrow and size, and opens or closes the group when clicked.
    fn row_label_ui(
        &mut self,
        ui: &mut Ui,
        label: &str,
        mark: Option<&RowMark>,
        kind: Option<RowKind>,
        rect: egui::Rect,
        row: usize,
    ) {
        let ink = ui.visuals().text_color();
        // Counts of steps are small, so the conversion is exact.
        let (indent, suffix) = match kind {
            Some(RowKind::Department { depth }) => (depth.min(MAX_INDENT_STEPS) as f32 * INDENT, None),
            Some(RowKind::Group { size, .. }) => (super::grouping::ARROW_WIDTH + 2.0, Some(size)),
            None => (0.0, None),
        };
        if let Some(RowKind::Group { open, .. }) = kind {
            let arrow = egui::Rect::from_min_size(
                egui::pos2(rect.left(), rect.center().y - super::grouping::ARROW_WIDTH / 2.0),
                vec2(super::grouping::ARROW_WIDTH, super::grouping::ARROW_WIDTH),
            );
            super::grouping::paint_arrow(ui.painter(), arrow, open, ui.visuals().strong_text_color());
        }
        let tag_text = match (mark, suffix) {
            (Some(mark), _) => Some(mark.tag.clone()),
            (None, Some(size)) => Some(size.to_string()),
            (None, None) => None,
        };
        let tag = tag_text.as_deref().map(|t| tag_galley(ui, t));
        let tag_width = tag.as_ref().map_or(0.0, |t| t.size().x + 10.0);
        let room = (rect.width() - 6.0 - tag_width - indent).max(24.0);
        let shortened = super::grouping::fit_name(ui, label, FontId::proportional(14.0), room);
        // A group's roll-up row in the strong colour.
        let ink = if suffix.is_some() {
            ui.visuals().strong_text_color()
        } else {
            ink
        };
        let galley = elided_galley(ui, &shortened, FontId::proportional(14.0), ink, room, 1);
        let pos = egui::pos2(rect.left() + indent, rect.center().y - galley.size().y / 2.0);
        let cut = galley.elided || shortened.as_ref() != label;
        let label_right = pos.x + galley.size().x;
        ui.painter().galley(pos, galley, ink);
        if let Some(tag) = tag {
            paint_tag(ui, tag, egui::pos2(label_right + 5.0, rect.center().y));
        }
        let sense = if suffix.is_some() {
            Sense::click()
        } else {
            Sense::hover()
        };
        let response = ui.interact(rect, self.id.with(("row", row)), sense);
        if let Some(RowKind::Group { open, .. }) = kind {
            let hint = if open { T::GroupClose } else { T::GroupOpen };
            let accessible = tagged_text(label, T::GroupMean.get(self.lang), self.lang);
            response.widget_info(|| WidgetInfo::labeled(Role::Button, true, &accessible));
            let response = response
                .on_hover_cursor(egui::CursorIcon::PointingHand)
                .on_hover_text(format!("{label}\n{}", hint.get(self.lang)));
            if response.clicked()
                && let Some(toggled) = self.toggled.as_deref_mut()
            {
                *toggled = Some(row);
            }
            return;
        }
        match mark {
            Some(mark) => {
                response.on_hover_text(format!("{label}\n{}", mark.detail));
            }
            None if cut => {
                response.on_hover_text(label);
            }
            None => {}
        }
    }

    fn cell_ui(
        &mut self,
        ui: &mut Ui,
        row_label: &str,
        mark: Option<&RowMark>,
        row: usize,
        col: usize,
        rect: egui::Rect,
    ) {
        let value = (self.value)(row, col);
        // The printed figure and the fill come from one rounded value.
        let shown = value.mean.map(charts::shown_level);
        let fill = shown.map_or(self.theme.palette().no_data, |s| s.colour);
        let response = ui.interact(rect, self.id.with(("cell", row, col)), Sense::click());
        let painter = ui.painter();
        painter.rect_filled(rect, 2.0, colour(fill));
        if mark.is_some_and(|m| m.hatched) && value.mean.is_some() {
            hatch(
                painter,
                rect,
                colour(charts::text_colour_on(fill)).gamma_multiply(0.35),
            );
        }
        if response.hovered() || response.has_focus() {
            let stroke = Stroke::new(2.0, ui.visuals().strong_text_color());
            painter.rect_stroke(rect, 2.0, stroke, StrokeKind::Inside);
        }
        if rect.width() >= 28.0 {
            let text = format::level(value.mean);
            painter.text(
                rect.center(),
                Align2::CENTER_CENTER,
                text,
                FontId::monospace(12.0),
                colour(charts::text_colour_on(fill)),
            );
        }
        let column = self.columns.get(col).map_or("", String::as_str);
        let name = format!("{row_label} · {column}");
        response.widget_info(|| {
            let mut info = WidgetInfo::labeled(Role::Button, true, &name);
            info.value = value.mean;
            info
        });
        let response = response.on_hover_ui(|ui| {
            self.tooltip_ui(ui, &name, value);
            if let Some(mark) = mark {
                ui.label(egui::RichText::new(&mark.detail).italics());
            }
        });
        if response.clicked() {
            let group = self
                .row_kind
                .is_some_and(|kind| matches!(kind(row), RowKind::Group { .. }));
            if group {
                if let Some(toggled) = self.toggled.as_deref_mut() {
                    *toggled = Some(row);
                }
            } else if let Some(clicked) = self.clicked.as_deref_mut() {
                *clicked = Some((row, col));
            }
        }
    }

    fn tooltip_ui(&self, ui: &mut Ui, name: &str, value: HeatValue) {
        let lang = self.lang;
        ui.strong(name);
        let level_name = |level: Level| self.level_names.get(level.index()).map_or("", String::as_str);
        let mean = match value.mean.map(charts::shown_level) {
            Some(shown) => tagged_text(&format::level(value.mean), level_name(shown.stage()), lang),
            None => T::NoData.get(lang).to_owned(),
        };
        let floor = value.floor.map_or_else(
            || format::MISSING.to_owned(),
            |l| tagged_text(&format::level_digit(l), level_name(l), lang),
        );
        ui.label(labelled(T::Mean.get(lang), &mean, lang));
        ui.label(labelled(T::Floor.get(lang), &floor, lang));
        ui.label(labelled(
            T::Coverage.get(lang),
            &format::percent(value.coverage),
            lang,
        ));
    }
}

impl Widget for Heatmap<'_> {
    fn ui(mut self, ui: &mut Ui) -> Response {
        let width = (ui.available_width() - ui.spacing().scroll.allocated_width()).max(120.0);
        let row_width = (width * 0.3).clamp(90.0, 220.0);
        let row_step = ROW_HEIGHT + ui.spacing().item_spacing.y;
        // Counts of rows are far below 2^24, so the conversion is exact enough.
        let height = (row_step * self.rows as f32).clamp(ROW_HEIGHT, self.max_height.max(ROW_HEIGHT));
        let title = self.title.to_owned();
        let response = ui
            .vertical(|ui| {
                self.header_ui(ui, width, row_width);
                ScrollArea::vertical()
                    .id_salt(self.id.with("rows"))
                    .min_scrolled_height(height)
                    .max_height(height)
                    .auto_shrink([false, true])
                    .show_rows(ui, ROW_HEIGHT, self.rows, |ui, range| {
                        for row in range {
                            self.row_ui(ui, width, row_width, row);
                        }
                    });
            })
            .response;
        response.widget_info(|| WidgetInfo::labeled(Role::Grid, true, &title));
        response
    }
}

/// A row's tag ("provisional"), laid out small and weak.
pub fn tag_galley(ui: &Ui, tag: &str) -> Arc<Galley> {
    let weak = ui.visuals().weak_text_color();
    ui.painter()
        .layout_no_wrap(tag.to_owned(), FontId::proportional(11.0), weak)
}

/// Paints a tag in a small outlined box, its left edge at `left_centre`.
pub fn paint_tag(ui: &Ui, tag: Arc<Galley>, left_centre: egui::Pos2) {
    let size = tag.size();
    let at = egui::pos2(left_centre.x, left_centre.y - size.y / 2.0);
    let frame = egui::Rect::from_min_size(at, size).expand2(vec2(3.0, 1.0));
    let weak = ui.visuals().weak_text_color();
    ui.painter()
        .rect_stroke(frame, 3.0, Stroke::new(1.0, weak), StrokeKind::Inside);
    ui.painter().galley(at, tag, weak);
}

/// Diagonal lines across `rect`: the mark of a figure not yet approved.
pub fn hatch(painter: &egui::Painter, rect: egui::Rect, ink: Color32) {
    let painter = painter.with_clip_rect(rect.intersect(painter.clip_rect()));
    let step = 6.0;
    let stroke = Stroke::new(1.0, ink);
    let mut x = rect.left() - rect.height();
    while x < rect.right() {
        painter.line_segment(
            [
                egui::pos2(x, rect.bottom()),
                egui::pos2(x + rect.height(), rect.top()),
            ],
            stroke,
        );
        x += step;
    }
}

/// The colour key: a swatch per level 1–5 with its name, and one for no data.
pub fn level_legend_ui(ui: &mut Ui, lang: Lang, level_names: &[String], theme: Theme) {
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 4.0;
        ui.label(egui::RichText::new(T::Level.get(lang)).small().weak());
        for level in Level::all() {
            swatch_ui(
                ui,
                charts::level_colour(f64::from(level.get())),
                &level.to_string(),
            );
            let name = level_names.get(level.index()).map_or("", String::as_str);
            ui.label(egui::RichText::new(name).small());
            ui.add_space(6.0);
        }
        swatch_ui(ui, theme.palette().no_data, format::MISSING);
        ui.label(egui::RichText::new(T::NoData.get(lang)).small());
    });
}

/// A small coloured square with a mark on it in a contrasting colour.
fn swatch_ui(ui: &mut Ui, fill: charts::Rgb, mark: &str) {
    let (rect, _) = ui.allocate_exact_size(vec2(18.0, 16.0), Sense::hover());
    if ui.is_rect_visible(rect) {
        ui.painter().rect_filled(rect, 2.0, colour(fill));
        let ink = colour(charts::text_colour_on(fill));
        ui.painter().text(
            rect.center(),
            Align2::CENTER_CENTER,
            mark,
            FontId::monospace(11.0),
            ink,
        );
    }
}

/// Text laid out within `max_width` on at most `max_rows` lines, cut short
/// with "…" when it does not fit (see `Galley::elided`).
pub(crate) fn elided_galley(
    ui: &Ui,
    text: &str,
    font: FontId,
    ink: Color32,
    max_width: f32,
    max_rows: usize,
) -> Arc<Galley> {
    let mut job = LayoutJob::simple(text.to_owned(), font, ink, max_width.max(8.0));
    job.wrap = TextWrapping {
        max_width: max_width.max(8.0),
        max_rows,
        break_anywhere: max_rows == 1,
        overflow_character: Some('…'),
    };
    ui.painter().layout_job(job)
}

/// A `charts` rectangle as an egui one.
pub(crate) fn egui_rect(rect: charts::Rect) -> egui::Rect {
    egui::Rect::from_min_max(
        egui::pos2(rect.min.x, rect.min.y),
        egui::pos2(rect.max.x, rect.max.y),
    )
}

/// An egui rectangle as a `charts` one.
pub(crate) fn chart_rect(rect: egui::Rect) -> charts::Rect {
    charts::Rect::new(
        Point::new(rect.min.x, rect.min.y),
        Point::new(rect.max.x, rect.max.y),
    )
}
