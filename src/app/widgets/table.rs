//! What every long table shares: headers that sort when clicked (▲ ▼),
//! a row order computed once per change of figures, search or sort (kept in
//! egui memory, so a frame at 1,000 rows only reads it), names shortened in
//! the middle with the full name on hover, and the "Showing 20 of 1,000" line.

use std::cmp::Ordering;
use std::collections::HashSet;
use std::hash::{Hash, Hasher};
use std::sync::Arc;

use egui::{Id, Label, Response, RichText, Role, Sense, Ui, WidgetInfo};

use crate::model::{Department, Lang};
use crate::present::catalogue::{T, views};
use crate::present::{format, pinyin};

/// The column a table is sorted by, and which way; `column: None` keeps the
/// table's own order. Kept in egui memory under the table's id.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct TableSort {
    pub column: Option<usize>,
    pub descending: bool,
}

impl TableSort {
    pub fn load(ui: &Ui, table: Id) -> Self {
        ui.data(|d| d.get_temp(table.with("sort"))).unwrap_or_default()
    }

    pub fn store(self, ui: &Ui, table: Id) {
        ui.data_mut(|d| d.insert_temp(table.with("sort"), self));
    }

    /// A header click: the first sorts ascending, the next reverses.
    pub fn click(&mut self, column: usize) {
        if self.column == Some(column) {
            self.descending = !self.descending;
        } else {
            *self = TableSort {
                column: Some(column),
                descending: false,
            };
        }
    }

    /// `rows` in this order, stable (equal keys keep their order); `key`
    /// gives a row's key in the sorted column.
    pub fn apply(self, rows: &mut Vec<usize>, key: impl Fn(usize, usize) -> SortKey) {
        let Some(column) = self.column else { return };
        let mut keyed: Vec<(SortKey, usize)> = rows.iter().map(|&r| (key(r, column), r)).collect();
        keyed.sort_by(|(a, _), (b, _)| a.compare(b, self.descending));
        *rows = keyed.into_iter().map(|(_, r)| r).collect();
    }
}

/// What a cell sorts by.
#[derive(Clone, Debug, PartialEq)]
pub enum SortKey {
    /// Numbers as numbers; `None` (no figure) always last.
    Number(Option<f64>),
    /// Text in reading order (Chinese by pinyin, see [`pinyin::sort_key`]);
    /// empty text always last.
    Text(String),
}

impl SortKey {
    pub fn number(value: Option<f64>) -> Self {
        SortKey::Number(value.filter(|v| v.is_finite()))
    }

    /// A figure as printed ("2.75", "−0.40", "75%"), sorted by its value;
    /// "–" and other text without a number are missing.
    pub fn figure(text: &str) -> Self {
        let cleaned: String = text
            .trim()
            .trim_end_matches('%')
            .chars()
            .map(|c| if c == '−' { '-' } else { c })
            .filter(|c| *c != '+' && *c != ',')
            .collect();
        SortKey::number(cleaned.parse().ok())
    }

    pub fn text(text: &str) -> Self {
        SortKey::Text(pinyin::sort_key(text.trim()))
    }

    fn missing(&self) -> bool {
        match self {
            SortKey::Number(n) => n.is_none(),
            SortKey::Text(t) => t.is_empty(),
        }
    }

    /// Missing values last whichever the direction.
    fn compare(&self, other: &SortKey, descending: bool) -> Ordering {
        match (self.missing(), other.missing()) {
            (true, true) => return Ordering::Equal,
            (true, false) => return Ordering::Greater,
            (false, true) => return Ordering::Less,
            (false, false) => {}
        }
        let order = match (self, other) {
            (SortKey::Number(Some(a)), SortKey::Number(Some(b))) => a.total_cmp(b),
            (SortKey::Text(a), SortKey::Text(b)) => a.cmp(b),
            _ => Ordering::Equal,
        };
        if descending { order.reverse() } else { order }
    }
}

/// A hash of what a table's row order depends on.
pub fn signature(parts: &impl Hash) -> u64 {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    parts.hash(&mut hasher);
    hasher.finish()
}

/// The table's rows in display order, made by `make` only when `signature`
/// changed since the last frame.
pub fn row_order(ui: &Ui, table: Id, signature: u64, make: impl FnOnce() -> Vec<usize>) -> Arc<Vec<usize>> {
    let key = table.with("row-order");
    if let Some((cached, order)) = ui.data(|d| d.get_temp::<(u64, Arc<Vec<usize>>)>(key))
        && cached == signature
    {
        return order;
    }
    let order = Arc::new(make());
    ui.data_mut(|d| d.insert_temp(key, (signature, order.clone())));
    order
}

/// The ids of the departments the search finds (by id, either name or
/// pinyin), or `None` when the search is empty and every department shows.
/// Made once per (revision, search) and shared by the tables of a frame.
pub fn search_matches(
    ui: &Ui,
    revision: u64,
    departments: &[Department],
    search: &str,
) -> Option<Arc<HashSet<String>>> {
    let query = pinyin::Query::new(search);
    if query.is_empty() {
        return None;
    }
    let key = Id::unique("department-search-matches");
    let wanted = signature(&(revision, search));
    if let Some((cached, found)) = ui.data(|d| d.get_temp::<(u64, Arc<HashSet<String>>)>(key))
        && cached == wanted
    {
        return Some(found);
    }
    let found: HashSet<String> = departments
        .iter()
        .filter(|d| pinyin::SearchKey::of(d).matches(&query).is_some())
        .map(|d| d.id.clone())
        .collect();
    let found = Arc::new(found);
    ui.data_mut(|d| d.insert_temp(key, (wanted, found.clone())));
    Some(found)
}

/// A column header that sorts the table when clicked, with ▲ or ▼ before
/// the title when the table is sorted by it. Its accessible name is the title alone.
pub fn sort_header_ui(ui: &mut Ui, title: &str, column: usize, sort: &mut TableSort, lang: Lang) {
    // The arrow leads, so a narrow column cuts the title, never the arrow.
    let arrow = match (sort.column == Some(column), sort.descending) {
        (false, _) => "",
        (true, false) => "▲ ",
        (true, true) => "▼ ",
    };
    let response = ui
        .add(
            Label::new(RichText::new(format!("{arrow}{title}")).strong())
                .sense(Sense::click())
                .truncate(),
        )
        .on_hover_cursor(egui::CursorIcon::PointingHand);
    response.widget_info(|| WidgetInfo::labeled(Role::ColumnHeader, true, title));
    let hint = match (sort.column == Some(column), sort.descending) {
        (false, _) => T::SortHint.get(lang).to_owned(),
        (true, false) => format!(
            "{title}: {}\n{}",
            T::SortedAscending.get(lang),
            T::SortHint.get(lang)
        ),
        (true, true) => format!(
            "{title}: {}\n{}",
            T::SortedDescending.get(lang),
            T::SortHint.get(lang)
        ),
    };
    if response.on_hover_text(hint).clicked() {
        sort.click(column);
    }
}

/// How many columns of text fit in `width` at the body font: a Latin
/// letter is about one, a Chinese character two.
pub fn columns_in(ui: &Ui, width: f32) -> usize {
    let size = egui::TextStyle::Body.resolve(ui.style()).size;
    // Widths are small positive numbers, so the conversion is exact enough.
    (width / (size * 0.5)).floor().max(0.0) as usize
}

/// `text` as it fits in `width` at the body font: whole when it fits,
/// otherwise shortened in the middle in proportion to what overflows.
pub fn fit_text<'t>(ui: &Ui, text: &'t str, width: f32) -> std::borrow::Cow<'t, str> {
    let font = egui::TextStyle::Body.resolve(ui.style());
    let full = ui
        .ctx()
        .fonts_mut(|f| f.layout_no_wrap(text.to_owned(), font, egui::Color32::WHITE));
    let needed = full.size().x;
    if needed <= width || needed <= 0.0 {
        return std::borrow::Cow::Borrowed(text);
    }
    let columns: usize = text.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum();
    // Column counts are small, so the conversions are exact enough.
    // A little under the proportion, for the ellipsis and wide letters.
    let fitting = (columns as f32 * width * 0.92 / needed).floor().max(0.0) as usize;
    format::shorten_middle(text, fitting)
}

/// `name` shortened in the middle to fit the cell, the full name on hover
/// and for screen readers.
pub fn short_name_ui(ui: &mut Ui, name: &str) -> Response {
    let short = fit_text(ui, name, ui.available_width());
    let cut = short.len() != name.len();
    let response = ui.add(Label::new(short.as_ref()).truncate());
    if cut {
        response.widget_info(|| WidgetInfo::labeled(Role::Label, true, name));
        response.on_hover_text(name)
    } else {
        response
    }
}

/// "Showing 20 of 1,000 departments" under a filtered table; nothing when
/// every row is shown.
pub fn shown_line_ui(ui: &mut Ui, shown: usize, total: usize, departments: bool, lang: Lang) {
    if shown == total {
        return;
    }
    let text = if departments {
        views::shown_departments(shown, total, lang)
    } else {
        views::shown_rows(shown, total, lang)
    };
    ui.label(RichText::new(text).small().weak());
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted(sort: TableSort, keys: &[SortKey]) -> Vec<usize> {
        let mut rows: Vec<usize> = (0..keys.len()).collect();
        sort.apply(&mut rows, |r, _| keys[r].clone());
        rows
    }

    #[test]
    fn numbers_sort_as_numbers_with_missing_last_both_ways() {
        let keys = [
            SortKey::number(Some(10.0)),
            SortKey::number(None),
            SortKey::number(Some(9.5)),
            SortKey::number(Some(2.0)),
        ];
        let mut sort = TableSort::default();
        assert_eq!(sorted(sort, &keys), [0, 1, 2, 3]);
        sort.click(0);
        assert_eq!(sorted(sort, &keys), [3, 2, 0, 1]);
        sort.click(0);
        assert!(sort.descending);
        assert_eq!(sorted(sort, &keys), [0, 2, 3, 1]);
    }

    #[test]
    fn equal_keys_keep_their_order_and_names_go_by_pinyin() {
        let keys = [
            SortKey::text("西城区"),
            SortKey::text("东港区"),
            SortKey::text(""),
            SortKey::text("东港区"),
            SortKey::text("滨江区"),
        ];
        let mut sort = TableSort::default();
        sort.click(1);
        assert_eq!(sorted(sort, &keys), [4, 1, 3, 0, 2]);
        sort.click(1);
        assert_eq!(sorted(sort, &keys), [0, 1, 3, 4, 2]);
    }

    #[test]
    fn figures_sort_by_their_value() {
        assert_eq!(SortKey::figure("2.75"), SortKey::Number(Some(2.75)));
        assert_eq!(SortKey::figure("−0.40"), SortKey::Number(Some(-0.4)));
        assert_eq!(SortKey::figure("+0.20"), SortKey::Number(Some(0.2)));
        assert_eq!(SortKey::figure("75%"), SortKey::Number(Some(75.0)));
        assert_eq!(SortKey::figure("–"), SortKey::Number(None));
    }

    #[test]
    fn another_column_starts_ascending() {
        let mut sort = TableSort::default();
        sort.click(2);
        sort.click(2);
        sort.click(3);
        assert_eq!(
            sort,
            TableSort {
                column: Some(3),
                descending: false
            }
        );
    }
}
