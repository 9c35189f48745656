//! A searchable department picker: a button naming the chosen department
//! that opens a list with a search field. Typing filters by id, English or
//! Chinese name, or pinyin (`jyj` finds 市教育局, see `present::pinyin`);
//! ↑ ↓ move, Enter chooses, Escape closes. Only the rows in view are laid
//! out, so a thousand departments cost what twenty do.

use std::sync::Arc;

use egui::{
    Id, Key, Label, Modifiers, Popup, PopupCloseBehavior, RichText, Role, ScrollArea, Sense, Ui, WidgetInfo,
};

use super::table::{fit_text, signature};
use crate::model::{Department, Lang};
use crate::present::catalogue::T;
use crate::present::pinyin::{Query, SearchKey};

const ROW_HEIGHT: f32 = 20.0;
const LIST_HEIGHT: f32 = 320.0;

/// What the picker remembers while open, in egui memory under its id.
#[derive(Clone, Default)]
struct PickerState {
    query: String,
    /// The highlighted row of the filtered list.
    highlight: usize,
    /// The departments' search keys, for the departments they were made of.
    keys: Option<(u64, Arc<Vec<SearchKey>>)>,
    /// The filtered rows (indices into the departments), best match first,
    /// for the query they were made for.
    rows: Option<(String, Arc<Vec<usize>>)>,
}

/// What was chosen in the list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Choice {
    /// The "any department" entry of a filter.
    Any,
    Department(String),
}

impl Choice {
    /// The department chosen, `None` for the "any" entry.
    pub fn into_department(self) -> Option<String> {
        match self {
            Choice::Any => None,
            Choice::Department(id) => Some(id),
        }
    }
}

/// A department picker labelled `label`; returns the id chosen this frame.
pub fn department_picker_ui(
    ui: &mut Ui,
    id_salt: &str,
    label: &str,
    lang: Lang,
    departments: &[&Department],
    current: Option<&Department>,
    width: f32,
) -> Option<String> {
    match picker_ui(
        ui,
        id_salt,
        (label, true),
        lang,
        departments,
        current,
        None,
        width,
    )? {
        Choice::Department(id) => Some(id),
        Choice::Any => None,
    }
}

/// A department filter: the picker with an `any` entry first (shown while
/// nothing is typed), which `current: None` stands for.
#[expect(clippy::too_many_arguments, reason = "the picker's, plus the any entry")]
pub fn department_filter_ui(
    ui: &mut Ui,
    id_salt: &str,
    label: &str,
    lang: Lang,
    departments: &[&Department],
    current: Option<&Department>,
    any: &str,
    width: f32,
) -> Option<Choice> {
    picker_ui(
        ui,
        id_salt,
        (label, true),
        lang,
        departments,
        current,
        Some(any),
        width,
    )
}

/// [`department_filter_ui`] for a table cell, whose column header names
/// it: `label` is given to screen readers, not shown.
#[expect(clippy::too_many_arguments, reason = "the filter's")]
pub fn department_filter_cell_ui(
    ui: &mut Ui,
    id_salt: &str,
    label: &str,
    lang: Lang,
    departments: &[&Department],
    current: Option<&Department>,
    any: &str,
    width: f32,
) -> Option<Choice> {
    // One widget for the grid's cell.
    ui.scope(|ui| {
        picker_ui(
            ui,
            id_salt,
            (label, false),
            lang,
            departments,
            current,
            Some(any),
            width,
        )
    })
    .inner
}

#[expect(clippy::too_many_arguments, reason = "the two public forms name them")]
fn picker_ui(
    ui: &mut Ui,
    id_salt: &str,
    // The label, and whether it is shown beside the button (else only
    // given to screen readers).
    (label, shown_label): (&str, bool),
    lang: Lang,
    departments: &[&Department],
    current: Option<&Department>,
    any: Option<&str>,
    width: f32,
) -> Option<Choice> {
    let id = ui.make_persistent_id(id_salt);
    if shown_label {
        ui.label(label);
    }
    let name = current.map_or(any.unwrap_or(""), |d| d.name.get(lang));
    let shown = fit_text(ui, name, width - 28.0);
    let button = ui.add_sized(
        [width, ui.spacing().interact_size.y],
        egui::Button::new(RichText::new(format!("{shown} ▼"))).truncate(),
    );
    button.widget_info(|| {
        let mut info = WidgetInfo::labeled(Role::ComboBox, true, label);
        info.current_text_value = Some(name.to_owned());
        info
    });
    let button = if shown.len() == name.len() {
        button
    } else {
        button.on_hover_text(name)
    };
    let popup_id = Popup::default_response_id(&button);
    let opening = button.clicked() && !Popup::is_id_open(ui.ctx(), popup_id);
    let mut chosen = None;
    Popup::from_toggle_button_response(&button)
        .close_behavior(PopupCloseBehavior::CloseOnClickOutside)
        .width(width.max(280.0))
        .show(|ui| {
            chosen = list_ui(ui, id, lang, departments, current, any, opening);
        });
    if chosen.is_some() {
        Popup::close_id(ui.ctx(), popup_id);
    }
    chosen
}

/// The search field and the filtered list inside the open popup.
fn list_ui(
    ui: &mut Ui,
    id: Id,
    lang: Lang,
    departments: &[&Department],
    current: Option<&Department>,
    any: Option<&str>,
    opening: bool,
) -> Option<Choice> {
    let mut state: PickerState = ui.data(|d| d.get_temp(id)).unwrap_or_default();
    if opening {
        state.query.clear();
        state.highlight = 0;
    }
    let keys_for = signature(&departments.iter().map(|d| d.id.as_str()).collect::<Vec<_>>());
    let keys = match &state.keys {
        Some((made_for, keys)) if *made_for == keys_for => keys.clone(),
        _ => {
            let keys = Arc::new(departments.iter().map(|d| SearchKey::of(d)).collect::<Vec<_>>());
            state.keys = Some((keys_for, keys.clone()));
            state.rows = None;
            keys
        }
    };

    // The keys the list acts on, before the text field sees them.
    let (down, up, enter) = ui.input_mut(|i| {
        (
            i.consume_key(Modifiers::NONE, Key::ArrowDown),
            i.consume_key(Modifiers::NONE, Key::ArrowUp),
            i.consume_key(Modifiers::NONE, Key::Enter),
        )
    });
    let field = ui.add(
        egui::TextEdit::singleline(&mut state.query)
            .hint_text(T::PickerHint.get(lang))
            .desired_width(f32::INFINITY),
    );
    if opening || !field.has_focus() && !ui.ctx().memory(|m| m.focused().is_some()) {
        field.request_focus();
    }
    if field.changed() {
        state.highlight = 0;
    }
    let rows = match &state.rows {
        Some((made_for, rows)) if *made_for == state.query => rows.clone(),
        _ => {
            let rows = Arc::new(filter(&keys, &state.query));
            state.rows = Some((state.query.clone(), rows.clone()));
            rows
        }
    };
    // The "any" entry leads while nothing is typed.
    let extra = usize::from(any.is_some() && state.query.trim().is_empty());
    let total = rows.len() + extra;
    let at = |position: usize| -> Option<Choice> {
        if position < extra {
            return Some(Choice::Any);
        }
        let department = rows.get(position - extra).and_then(|&i| departments.get(i))?;
        Some(Choice::Department(department.id.clone()))
    };
    let last = total.saturating_sub(1);
    let moved = down || up;
    if down {
        state.highlight = (state.highlight + 1).min(last);
    }
    if up {
        state.highlight = state.highlight.saturating_sub(1);
    }
    state.highlight = state.highlight.min(last);
    let mut chosen = None;
    if enter {
        chosen = at(state.highlight);
    }

    ui.label(RichText::new(T::PickerKeys.get(lang)).small().weak());
    if total == 0 {
        ui.weak(T::PickerEmpty.get(lang));
    }
    let row_height = ROW_HEIGHT;
    let spacing = ui.spacing().item_spacing.y;
    let mut area = ScrollArea::vertical()
        .id_salt(id.with("list"))
        .max_height(LIST_HEIGHT)
        .auto_shrink([false, true]);
    if moved {
        // Keep the highlighted row in view.
        let offset = ui
            .ctx()
            .data(|d| d.get_temp::<f32>(id.with("offset")))
            .unwrap_or(0.0);
        // Row counts are far below 2^24, so the conversion is exact.
        let top = state.highlight as f32 * (row_height + spacing);
        let visible = LIST_HEIGHT - row_height;
        let offset = offset.min(top).max(top - visible);
        area = area.vertical_scroll_offset(offset.max(0.0));
    }
    let output = area.show_rows(ui, row_height, total, |ui, range| {
        for position in range {
            let highlighted = position == state.highlight;
            if position < extra {
                let text = RichText::new(any.unwrap_or_default());
                let text = if current.is_none() { text.strong() } else { text };
                if ui.add(egui::Button::selectable(highlighted, text)).clicked() {
                    chosen = Some(Choice::Any);
                }
                continue;
            }
            let Some(department) = rows.get(position - extra).and_then(|&i| departments.get(i)) else {
                continue;
            };
            if row_ui(ui, department, lang, highlighted, current).clicked() {
                chosen = Some(Choice::Department(department.id.clone()));
            }
        }
    });
    ui.ctx()
        .data_mut(|d| d.insert_temp(id.with("offset"), output.state.clamped_offset().y));
    ui.data_mut(|d| d.insert_temp(id, state));
    chosen
}

/// One department in the list: its name in the current language, the
/// other language's name beside it, faint; the full names and id on hover.
fn row_ui(
    ui: &mut Ui,
    department: &Department,
    lang: Lang,
    highlighted: bool,
    current: Option<&Department>,
) -> egui::Response {
    let name = department.name.get(lang);
    let other = match lang {
        Lang::En => &department.name.zh,
        Lang::Zh => &department.name.en,
    };
    let width = ui.available_width();
    let short = fit_text(ui, name, width * 0.6);
    let used = ui
        .ctx()
        .fonts_mut(|f| {
            f.layout_no_wrap(
                short.to_string(),
                egui::TextStyle::Body.resolve(ui.style()),
                egui::Color32::WHITE,
            )
        })
        .size()
        .x;
    let room = width - used - 24.0;
    let other_short = fit_text(ui, other, room.max(0.0));
    let is_current = current.is_some_and(|c| c.id == department.id);
    let response = ui.horizontal(|ui| {
        ui.set_height(ROW_HEIGHT);
        let text = if is_current {
            RichText::new(short.as_ref()).strong()
        } else {
            RichText::new(short.as_ref())
        };
        let label = ui.add(egui::Button::selectable(highlighted, text));
        label.widget_info(|| WidgetInfo::selected(Role::Button, true, highlighted, name));
        if room > 40.0 {
            ui.add(
                Label::new(RichText::new(other_short.as_ref()).weak())
                    .truncate()
                    .selectable(false),
            );
        }
        label
    });
    let response = response.inner.union(response.response.interact(Sense::click()));
    response.on_hover_text(format!(
        "{}\n{}\n{}",
        department.name.zh, department.name.en, department.id
    ))
}

/// The departments that match `query`, best match first, in their own
/// order among equals.
fn filter(keys: &[SearchKey], query: &str) -> Vec<usize> {
    let query = Query::new(query);
    let mut found: Vec<(crate::present::pinyin::Match, usize)> = keys
        .iter()
        .enumerate()
        .filter_map(|(i, key)| Some((key.matches(&query)?, i)))
        .collect();
    found.sort_by_key(|&(m, i)| (m, i));
    found.into_iter().map(|(_, i)| i).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn better_matches_come_first() {
        let keys = [
            SearchKey::new("health", "Health Commission", "市卫生健康委员会"),
            SearchKey::new("d1-education", "Lakeshore Education Bureau", "湖滨区教育局"),
            SearchKey::new("education", "Education Bureau", "市教育局"),
        ];
        // "edu": a prefix of the third's id, inside the second's.
        assert_eq!(filter(&keys, "edu"), [2, 1]);
        assert_eq!(filter(&keys, "jyj"), [1, 2]);
        assert_eq!(filter(&keys, ""), [0, 1, 2]);
    }
}
