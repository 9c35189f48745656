//! Small widgets shared by the views, and the bridge from `charts` colours
//! and geometry to egui.

pub mod bars;
pub mod grouping;
pub mod heatmap;
// ---- scale: sortable tables and the department picker
pub mod picker;
pub mod radar;
pub mod table;

use std::collections::BTreeSet;

use egui::{Color32, RichText, Ui};

use crate::charts::{self, Rgb};
use crate::model::{Lang, Status};
use crate::present::catalogue::T;

/// A chart's heading with a Chart / Table switch beside it, so every chart
/// has a text equivalent one click away. Returns true when the table is shown.
pub fn chart_header_ui(
    ui: &mut Ui,
    lang: Lang,
    title: &str,
    chart_id: &'static str,
    as_table: &mut BTreeSet<&'static str>,
) -> bool {
    let mut table = as_table.contains(chart_id);
    ui.horizontal(|ui| {
        ui.strong(title);
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui.selectable_label(table, T::TableView.get(lang)).clicked() {
                table = true;
            }
            if ui.selectable_label(!table, T::ChartView.get(lang)).clicked() {
                table = false;
            }
        });
    });
    if table {
        as_table.insert(chart_id);
    } else {
        as_table.remove(chart_id);
    }
    table
}

/// A `charts` colour as an egui colour.
pub fn colour(rgb: Rgb) -> Color32 {
    Color32::from_rgb(rgb.0, rgb.1, rgb.2)
}

/// The colour of a status (Okabe–Ito), as its badge shows it.
pub fn status_fill(status: Option<Status>) -> Color32 {
    match status {
        Some(Status::Approved) => Color32::from_rgb(0, 114, 178),
        Some(Status::Submitted) => Color32::from_rgb(86, 180, 233),
        Some(Status::Returned) => Color32::from_rgb(213, 94, 0),
        Some(Status::Draft) => Color32::from_rgb(230, 159, 0),
        None => Color32::GRAY,
    }
}

/// A compact status badge: a letter on a coloured chip, with the status
/// named on hover (colour is never the only cue).
pub fn status_badge(ui: &mut Ui, lang: Lang, status: Option<Status>) {
    let (letter, label) = match status {
        Some(Status::Approved) => ("A", crate::present::catalogue::status(Status::Approved, lang)),
        Some(Status::Submitted) => ("S", crate::present::catalogue::status(Status::Submitted, lang)),
        Some(Status::Returned) => ("R", crate::present::catalogue::status(Status::Returned, lang)),
        Some(Status::Draft) => ("D", crate::present::catalogue::status(Status::Draft, lang)),
        None => ("–", T::NoAssessment.get(lang)),
    };
    let fill = status_fill(status);
    let ink = charts::text_colour_on(Rgb(fill.r(), fill.g(), fill.b()));
    let text = RichText::new(letter)
        .monospace()
        .strong()
        .color(colour(ink))
        .background_color(fill);
    ui.label(text).on_hover_text(label);
}

// ---- hardening: tamper evidence

/// The "⚠ Changed after approval" badge beside the status of an approved
/// assessment whose answers are no longer the approved ones: light text on
/// the theme's error colour, named for screen readers and tests, `detail`
/// (who approved it, when, what to do) on hover.
pub fn changed_after_approval_badge_ui(ui: &mut Ui, lang: Lang, detail: &str) -> egui::Response {
    let title = format!("⚠ {}", T::ChangedAfterApprovalTitle.get(lang));
    let fill = ui.visuals().error_fg_color;
    let ink = charts::text_colour_on(Rgb(fill.r(), fill.g(), fill.b()));
    let text = RichText::new(format!(" {title} "))
        .strong()
        .color(colour(ink))
        .background_color(fill);
    let badge = ui.add(egui::Label::new(text).selectable(false));
    badge.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &title));
    badge.on_hover_text(detail)
}
