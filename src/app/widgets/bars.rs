//! Bar chart widgets painting `charts::bar_layout` geometry:
//! [`RankingBars`], one horizontal bar per row, long lists scrolled with only
//! the rows in view laid out; and [`ColumnBars`], a few vertical bars with
//! their counts above and names below. Every bar names itself to screen
//! readers and shows its figures on hover.

use egui::{
    Align2, AsIdSalt, Color32, FontId, Id, Response, Role, ScrollArea, Sense, Ui, Widget, WidgetInfo, vec2,
};

use super::colour;
use super::heatmap::{chart_rect, egui_rect, elided_galley};
use crate::charts;
use crate::present::format;

/// Height of one ranking row, without the spacing between rows.
const ROW_HEIGHT: f32 = 22.0;

/// One horizontal bar per row, longest scale `max`; each row is a button
/// (label "name: value"). Labels, values and hover texts are asked for
/// lazily, only for the rows in view.
pub struct RankingBars<'a> {
    id: Id,
    title: &'a str,
    rows: usize,
    label: &'a dyn Fn(usize) -> String,
    value: &'a dyn Fn(usize) -> f64,
    hover: &'a dyn Fn(usize) -> String,
    hatched: Option<&'a dyn Fn(usize) -> bool>,
    tag: Option<&'a dyn Fn(usize) -> Option<String>>,
    rank: Option<&'a dyn Fn(usize) -> String>,
    value_text: Option<&'a dyn Fn(usize) -> String>,
    max: f64,
    max_height: f32,
    clicked: Option<&'a mut Option<usize>>,
}

impl<'a> RankingBars<'a> {
    pub fn new(
        id_salt: impl AsIdSalt,
        title: &'a str,
        rows: usize,
        label: &'a dyn Fn(usize) -> String,
        value: &'a dyn Fn(usize) -> f64,
        hover: &'a dyn Fn(usize) -> String,
    ) -> Self {
        RankingBars {
            id: Id::unique(id_salt),
            title,
            rows,
            label,
            value,
            hover,
            hatched: None,
            tag: None,
            rank: None,
            value_text: None,
            max: 5.0,
            max_height: 300.0,
            clicked: None,
        }
    }

    /// Rows whose bar is hatched: figures not yet approved.
    pub fn hatched(mut self, hatched: &'a dyn Fn(usize) -> bool) -> Self {
        self.hatched = Some(hatched);
        self
    }

    /// A short tag after a row's name ("provisional"), kept whole: the
    /// name is cut short instead.
    pub fn tags(mut self, tag: &'a dyn Fn(usize) -> Option<String>) -> Self {
        self.tag = Some(tag);
        self
    }

    /// Each row's rank as printed ("2", shared by equal figures); without
    /// it rows are numbered 1, 2, 3….
    pub fn ranks(mut self, rank: &'a dyn Fn(usize) -> String) -> Self {
        self.rank = Some(rank);
        self
    }

    /// Each row's figure as printed ("2.63"); without it the value is
    /// written with two decimals.
    pub fn value_texts(mut self, text: &'a dyn Fn(usize) -> String) -> Self {
        self.value_text = Some(text);
        self
    }

    /// The value a full-length bar stands for.
    pub fn max(mut self, max: f64) -> Self {
        self.max = max;
        self
    }

    /// The rows scroll beyond this height.
    pub fn max_height(mut self, height: f32) -> Self {
        self.max_height = height;
        self
    }

    /// Where to report a click on a row.
    pub fn clicked(mut self, clicked: &'a mut Option<usize>) -> Self {
        self.clicked = Some(clicked);
        self
    }

    fn row_ui(&mut self, ui: &mut Ui, width: f32, row: usize) {
        let (rect, _) = ui.allocate_exact_size(vec2(width, ROW_HEIGHT), Sense::hover());
        if !ui.is_rect_visible(rect) {
            return;
        }
        let response = ui.interact(rect, self.id.with(row), Sense::click());
        let label = (self.label)(row);
        let value = (self.value)(row);
        // The printed figure and the bar's colour come from one rounded value.
        let shown = charts::shown_level(value);
        let figure = self
            .value_text
            .map_or_else(|| format::level(Some(value)), |text| text(row));
        let rank = self.rank.map_or_else(|| (row + 1).to_string(), |rank| rank(row));
        let ink = ui.visuals().text_color();
        let painter = ui.painter();
        if response.hovered() || response.has_focus() {
            painter.rect_filled(rect, 2.0, ui.visuals().widgets.hovered.weak_bg_fill);
        }
        // Rank | name | bar | value.
        let rank_width = 30.0;
        let label_width = (width * 0.42).clamp(80.0, 220.0);
        let value_width = 40.0;
        painter.text(
            egui::pos2(rect.left() + rank_width - 6.0, rect.center().y),
            Align2::RIGHT_CENTER,
            rank,
            FontId::monospace(12.0),
            ui.visuals().weak_text_color(),
        );
        let tag_text = self.tag.and_then(|tag| tag(row));
        let tag = tag_text.as_deref().map(|t| super::heatmap::tag_galley(ui, t));
        let tag_width = tag.as_ref().map_or(0.0, |t| t.size().x + 10.0);
        let galley = elided_galley(
            ui,
            &label,
            FontId::proportional(14.0),
            ink,
            (label_width - 6.0 - tag_width).max(24.0),
            1,
        );
        let elided = galley.elided;
        let text_pos = egui::pos2(rect.left() + rank_width, rect.center().y - galley.size().y / 2.0);
        let label_right = text_pos.x + galley.size().x;
        painter.galley(text_pos, galley, ink);
        if let Some(tag) = tag {
            super::heatmap::paint_tag(ui, tag, egui::pos2(label_right + 5.0, rect.center().y));
        }
        let bar_area = egui::Rect::from_min_max(
            egui::pos2(rect.left() + rank_width + label_width, rect.top() + 3.0),
            egui::pos2(
                (rect.right() - value_width).max(rect.left() + rank_width + label_width),
                rect.bottom() - 3.0,
            ),
        );
        let bar_end = charts::bar_layout(&[value], self.max, chart_rect(bar_area), true, 0.0)
            .first()
            .map_or(bar_area.left(), |bar| {
                let bar = egui_rect(*bar);
                let fill = shown.colour;
                painter.rect_filled(bar, 2.0, colour(fill));
                if self.hatched.is_some_and(|hatched| hatched(row)) {
                    super::heatmap::hatch(
                        painter,
                        bar,
                        colour(charts::text_colour_on(fill)).gamma_multiply(0.35),
                    );
                }
                bar.right()
            });
        painter.text(
            egui::pos2(bar_end + 4.0, rect.center().y),
            Align2::LEFT_CENTER,
            &figure,
            FontId::monospace(12.0),
            ink,
        );
        let name = match &tag_text {
            Some(tag) => format!("{label} · {tag}: {figure}"),
            None => format!("{label}: {figure}"),
        };
        response.widget_info(|| WidgetInfo::labeled(Role::Button, true, &name));
        let response = response.on_hover_ui(|ui| {
            if elided {
                ui.strong(&label);
            }
            ui.label((self.hover)(row));
        });
        if response.clicked()
            && let Some(clicked) = self.clicked.as_deref_mut()
        {
            *clicked = Some(row);
        }
    }
}

impl Widget for RankingBars<'_> {
    fn ui(mut self, ui: &mut Ui) -> Response {
        let width = (ui.available_width() - ui.spacing().scroll.allocated_width()).max(160.0);
        let row_step = ROW_HEIGHT + ui.spacing().item_spacing.y;
        // Row counts are far below 2^24, so the conversion is exact enough.
        let height = (row_step * self.rows as f32).clamp(ROW_HEIGHT, self.max_height.max(ROW_HEIGHT));
        let title = self.title.to_owned();
        let response = ui
            .vertical(|ui| {
                ScrollArea::vertical()
                    .id_salt(self.id.with("rows"))
                    .min_scrolled_height(height)
                    .max_height(height)
                    .auto_shrink([false, true])
                    .show_rows(ui, ROW_HEIGHT, self.rows, |ui, range| {
                        for row in range {
                            self.row_ui(ui, width, row);
                        }
                    });
            })
            .response;
        response.widget_info(|| WidgetInfo::labeled(Role::List, true, &title));
        response
    }
}

/// One bar in a [`ColumnBars`] chart.
pub struct Column {
    pub label: String,
    /// The bar's length.
    pub value: f64,
    /// The figure printed above the bar, as `present` wrote it.
    pub value_text: String,
    pub fill: Color32,
    /// Shown on hover and read by screen readers.
    pub description: String,
}

/// A few vertical bars side by side, each with its value above it and its
/// label (wrapped onto two lines) below.
pub struct ColumnBars<'a> {
    id: Id,
    title: &'a str,
    columns: &'a [Column],
    height: f32,
}

impl<'a> ColumnBars<'a> {
    pub fn new(id_salt: impl AsIdSalt, title: &'a str, columns: &'a [Column]) -> Self {
        ColumnBars {
            id: Id::unique(id_salt),
            title,
            columns,
            height: 160.0,
        }
    }

    pub fn height(mut self, height: f32) -> Self {
        self.height = height;
        self
    }
}

impl Widget for ColumnBars<'_> {
    fn ui(self, ui: &mut Ui) -> Response {
        let width = ui.available_width().max(120.0);
        let (rect, response) = ui.allocate_exact_size(vec2(width, self.height), Sense::hover());
        let label_height = 34.0;
        let value_height = 16.0;
        let plot = egui::Rect::from_min_max(
            egui::pos2(rect.left(), rect.top() + value_height),
            egui::pos2(
                rect.right(),
                (rect.bottom() - label_height).max(rect.top() + value_height),
            ),
        );
        let values: Vec<f64> = self.columns.iter().map(|c| c.value).collect();
        let max = values.iter().copied().fold(0.0, f64::max).max(1.0);
        let bars = charts::bar_layout(&values, max, chart_rect(plot), false, 10.0);
        let ink = ui.visuals().text_color();
        let axis = ui.visuals().weak_text_color();
        if ui.is_rect_visible(rect) {
            ui.painter()
                .hline(plot.x_range(), plot.bottom(), egui::Stroke::new(1.0, axis));
        }
        for (i, (column, bar)) in self.columns.iter().zip(bars).enumerate() {
            let bar = egui_rect(bar);
            let slot = egui::Rect::from_x_y_ranges(bar.x_range(), rect.y_range());
            let hover = ui.interact(slot, self.id.with(i), Sense::hover());
            if ui.is_rect_visible(slot) {
                let painter = ui.painter();
                painter.rect_filled(bar, 2.0, column.fill);
                painter.text(
                    egui::pos2(bar.center().x, bar.top() - 2.0),
                    Align2::CENTER_BOTTOM,
                    &column.value_text,
                    FontId::proportional(13.0),
                    ink,
                );
                let galley = elided_galley(
                    ui,
                    &column.label,
                    FontId::proportional(12.0),
                    ink,
                    slot.width() + 8.0,
                    2,
                );
                let pos = egui::pos2(bar.center().x - galley.size().x / 2.0, plot.bottom() + 3.0);
                painter.galley(pos, galley, ink);
            }
            hover.widget_info(|| WidgetInfo::labeled(Role::Unknown, true, &column.description));
            hover.on_hover_text(&column.description);
        }
        response.widget_info(|| WidgetInfo::labeled(Role::Figure, true, self.title));
        response
    }
}
