//! The departments grouped under their parent units (district, county), as
//! the department tree and the heatmap show them: the arrangement, each
//! group's roll-up and the rows a search and the open groups leave, made by
//! `present::hierarchy` and memoised in egui's memory per workspace
//! revision, period, basis and search, so a frame only reads them. Which
//! groups are open is kept there too, for the session: a workspace of more
//! than [`OPEN_UP_TO`] departments starts with every group closed.

use std::collections::BTreeSet;
use std::sync::Arc;

use chrono::NaiveDate;
use egui::{Id, RichText, Ui};

use super::status_fill;
use crate::analysis::Basis;
use crate::app::state::Derived;
use crate::model::{Department, Lang, Status, Workspace};
use crate::present::catalogue::hierarchy as words;
use crate::present::format;
use crate::present::hierarchy::{self, GroupFigures, Hierarchy, Row};

/// Up to this many departments, groups start open.
pub const OPEN_UP_TO: usize = 60;

/// What the tree or the heatmap shows, shared (cheap to clone).
#[derive(Clone, Default)]
pub struct Grouped {
    pub hierarchy: Arc<Hierarchy>,
    /// Per entry of `hierarchy`.
    pub roll_ups: Arc<Vec<GroupFigures>>,
    pub rows: Arc<Vec<Row>>,
    /// The head's id of each entry of `hierarchy`.
    pub heads: Arc<Vec<String>>,
    /// A search is on: groups with a match are open.
    pub searching: bool,
}

/// The memo, in egui's memory under the caller's id.
#[derive(Clone, Default)]
struct Memo {
    revision: Option<u64>,
    hierarchy: Arc<Hierarchy>,
    /// The head's id of each entry, to keep the open groups by id.
    heads: Arc<Vec<String>>,
    figures_key: Option<(u64, Option<NaiveDate>, Basis)>,
    roll_ups: Arc<Vec<GroupFigures>>,
    search_key: Option<(u64, String)>,
    matches: Option<Arc<Vec<bool>>>,
    rows_key: Option<(u64, String, Vec<bool>)>,
    rows: Arc<Vec<Row>>,
}

/// The open groups by their head's id; `None` until first needed.
#[derive(Clone, Default)]
struct Open(Option<BTreeSet<String>>);

/// What the grouping depends on.
pub struct Input<'a> {
    pub workspace: &'a Workspace,
    pub derived: &'a Derived,
    pub period: Option<NaiveDate>,
    pub basis: Basis,
    pub search: &'a str,
    /// The heatmap lists a group's head again under its roll-up row; the
    /// tree's group row is the head.
    pub head_row: bool,
}

/// The rows for the widget `id`, remade only when what they depend on changed.
pub fn grouped(ui: &Ui, id: Id, input: &Input) -> Grouped {
    let revision = input.derived.revision();
    let search = input.search.trim().to_lowercase();
    let open_id = id.with("open");
    ui.data_mut(|data| {
        let memo = data.get_temp_mut_or_default::<Memo>(id.with("memo"));
        if memo.revision != Some(revision) {
            let departments: Vec<&Department> = input.workspace.active_departments().collect();
            let built = Hierarchy::new(&departments);
            memo.heads = Arc::new(
                built
                    .entries
                    .iter()
                    .map(|e| departments.get(e.head).map_or_else(String::new, |d| d.id.clone()))
                    .collect(),
            );
            memo.hierarchy = Arc::new(built);
            memo.revision = Some(revision);
        }
        let figures_key = (revision, input.period, input.basis);
        if memo.figures_key != Some(figures_key) {
            let dimensions = input
                .derived
                .summary
                .departments
                .iter()
                .find_map(|d| Some(d.current.as_ref()?.dimensions.len()))
                .unwrap_or(0);
            memo.roll_ups = Arc::new(hierarchy::roll_ups(
                &memo.hierarchy,
                &input.derived.summary,
                dimensions,
            ));
            memo.figures_key = Some(figures_key);
        }
        let search_key = (revision, search.clone());
        if memo.search_key.as_ref() != Some(&search_key) {
            let departments: Vec<&Department> = input.workspace.active_departments().collect();
            memo.matches = hierarchy::matches(&departments, &search).map(Arc::new);
            memo.search_key = Some(search_key);
        }
        let searching = memo.matches.is_some();
        let memo = memo.clone();
        let open = data.get_temp_mut_or_default::<Open>(open_id);
        let set = open.0.get_or_insert_with(|| {
            let size: usize = memo.hierarchy.entries.iter().map(|e| e.size()).sum();
            if size <= OPEN_UP_TO {
                memo.heads.iter().cloned().collect()
            } else {
                BTreeSet::new()
            }
        });
        let open_entries: Vec<bool> = memo
            .hierarchy
            .entries
            .iter()
            .zip(memo.heads.iter())
            .map(|(entry, head)| entry.is_group() && (searching || set.contains(head)))
            .collect();
        let rows_key = (revision, search, open_entries);
        let rows = if memo.rows_key.as_ref() == Some(&rows_key) {
            memo.rows.clone()
        } else {
            let (_, _, open_entries) = &rows_key;
            let rows = Arc::new(memo.hierarchy.rows(
                memo.matches.as_deref().map(Vec::as_slice),
                |e| open_entries.get(e).copied().unwrap_or(false),
                input.head_row,
            ));
            let stored = data.get_temp_mut_or_default::<Memo>(id.with("memo"));
            stored.rows = rows.clone();
            stored.rows_key = Some(rows_key);
            rows
        };
        Grouped {
            hierarchy: memo.hierarchy,
            roll_ups: memo.roll_ups,
            rows,
            heads: memo.heads,
            searching,
        }
    })
}

/// Opens a closed group or closes an open one, by the index of its entry.
pub fn toggle(ui: &Ui, id: Id, grouped: &Grouped, entry: usize) {
    let Some(head) = grouped.heads.get(entry).cloned() else {
        return;
    };
    ui.data_mut(|data| {
        let open = data.get_temp_mut_or_default::<Open>(id.with("open"));
        let set = open.0.get_or_insert_with(BTreeSet::new);
        if !set.remove(&head) {
            set.insert(head);
        }
    });
}

/// `name` as it fits in `width` points of `font`: whole when it fits,
/// otherwise shortened in the middle (`format::shorten_middle`), so the end
/// that tells departments apart stays. The caller shows the whole name on
/// hover when it was shortened.
pub fn fit_name<'a>(ui: &Ui, name: &'a str, font: egui::FontId, width: f32) -> std::borrow::Cow<'a, str> {
    let full = ui
        .painter()
        .layout_no_wrap(name.to_owned(), font.clone(), egui::Color32::PLACEHOLDER)
        .size()
        .x;
    if full <= width {
        return std::borrow::Cow::Borrowed(name);
    }
    // A CJK character (three bytes in UTF-8) is two columns wide.
    let columns: usize = name.chars().map(|c| if c.len_utf8() >= 3 { 2 } else { 1 }).sum();
    // Both are small and positive, so the conversion is exact enough.
    let mut fits = (columns as f32 * width / full.max(1.0)).floor() as usize;
    // Glyphs differ in width: narrow it until it fits (each layout is cached).
    loop {
        let shortened = format::shorten_middle(name, fits.max(6));
        let shown = ui
            .painter()
            .layout_no_wrap(shortened.to_string(), font.clone(), egui::Color32::PLACEHOLDER)
            .size()
            .x;
        if shown <= width || fits <= 6 {
            return shortened;
        }
        fits -= 1;
    }
}

/// Width of a group's arrow, and of the room lone departments leave for it.
pub const ARROW_WIDTH: f32 = 16.0;

/// A group's arrow, pointing right when closed and down when open; clicked,
/// it opens or closes the group. Named `accessible` for screen readers and tests.
pub fn arrow_ui(ui: &mut Ui, open: bool, enabled: bool, accessible: &str) -> egui::Response {
    let sense = if enabled {
        egui::Sense::click()
    } else {
        egui::Sense::hover()
    };
    let (rect, response) = ui.allocate_exact_size(egui::vec2(ARROW_WIDTH, ARROW_WIDTH), sense);
    if ui.is_rect_visible(rect) {
        let ink = ui.style().interact(&response).fg_stroke.color;
        paint_arrow(ui.painter(), rect, open, ink);
    }
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, enabled, accessible));
    response.on_hover_cursor(egui::CursorIcon::PointingHand)
}

/// The arrow's triangle within `rect` (drawn, so no font needs the glyph).
pub fn paint_arrow(painter: &egui::Painter, rect: egui::Rect, open: bool, ink: egui::Color32) {
    let rect = egui::Rect::from_center_size(rect.center(), rect.size() * 0.6);
    let rotation = if open { 0.0 } else { -std::f32::consts::FRAC_PI_2 };
    painter.add(egui::Shape::rotated_triangle(rect, rotation, ink));
}

/// A group's size and its status counts as one small bar, a segment per
/// status in its badge's colour (approved, submitted, draft or returned,
/// not assessed), the counts in words on hover: narrow enough to leave the
/// group's name its room.
pub fn status_counts_ui(ui: &mut Ui, lang: Lang, size: usize, figures: &GroupFigures) {
    let counts = figures.statuses;
    let words = words::status_counts(size, &counts, lang);
    let (rect, response) = ui.allocate_exact_size(egui::vec2(36.0, 10.0), egui::Sense::hover());
    if ui.is_rect_visible(rect) {
        let parts = [
            (Some(Status::Approved), counts.approved),
            (Some(Status::Submitted), counts.submitted),
            (Some(Status::Draft), counts.draft),
            (None, counts.none),
        ];
        let total: usize = parts.iter().map(|(_, n)| n).sum();
        let mut left = rect.left();
        for (status, count) in parts {
            // Counts are far below 2^24, so the conversions are exact enough.
            let width = rect.width() * count as f32 / total.max(1) as f32;
            let part = egui::Rect::from_min_max(
                egui::pos2(left, rect.top()),
                egui::pos2(left + width, rect.bottom()),
            );
            ui.painter().rect_filled(part, 0.0, status_fill(status));
            left += width;
        }
    }
    response.on_hover_text(&words);
    ui.label(RichText::new(size.to_string()).small().strong())
        .on_hover_text(&words);
}
