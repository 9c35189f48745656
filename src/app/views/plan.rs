//! The Plan view: the counts, the actions table (sortable, filtered, with
//! the effect of what was done), the editor of the chosen action, the gaps
//! no open action covers (each with "Plan an action"), and the timeline.
//! Also the "Plan an action" form, opened from any gap in any view.
//!
//! Words come from the catalogue and figures from `present::plan`; the
//! view only filters and orders the rows it was given.

use chrono::NaiveDate;
use egui::{Align, Color32, Key, KeyboardShortcut, Modifiers, RichText, Sense, Stroke, Ui};
use egui_extras::{Column, TableBuilder};

use super::ViewCtx;
use crate::app::command::{Command, ConflictChoice};
use crate::app::plan_editor::PlanEdit;
use crate::app::state::ViewState;
use crate::app::widgets::picker::{self, Choice};
use crate::app::widgets::table::{self, SortKey, TableSort};
use crate::charts::{self, Point, Rect};
use crate::model::Department;
use crate::model::limits::TextField;
use crate::model::{ActionStatus, Lang, Level};
use crate::present::catalogue::{T, plan as words, plan_app};
use crate::present::format;
use crate::present::overview::labelled;
use crate::present::plan::{ActionRow, PlanFigures};

const DEPARTMENT_PICKER_WIDTH: f32 = 200.0;

/// The columns the actions table sorts by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SortBy {
    #[default]
    Default,
    Id,
    Title,
    Departments,
    Owner,
    Due,
    Status,
    Effect,
}

/// The "Plan an action" form.
#[derive(Clone, Debug, PartialEq)]
pub struct ActionDraft {
    pub department: String,
    pub indicator: String,
    pub title: String,
    pub description: String,
    pub unit: String,
    pub person: String,
    /// YYYY-MM-DD.
    pub start: String,
    pub due: String,
    pub expected: Level,
    /// Why "Create" was refused.
    pub error: Option<T>,
    /// Move the keyboard focus to the title on the next frame.
    pub focus_title: bool,
}

/// The Plan view's own state: sorting, filters, the form, the chosen action
/// and the text being typed for it.
#[derive(Debug, Default)]
pub struct PlanViewState {
    pub sort: SortBy,
    pub descending: bool,
    pub department: Option<String>,
    pub dimension: Option<String>,
    pub owner: String,
    pub status: Option<ActionStatus>,
    pub overdue_only: bool,
    pub search: String,
    pub form: Option<ActionDraft>,
    pub selected: Option<String>,
    /// A progress note being written.
    pub note: String,
    /// Dates and links of the chosen action as typed (start, due, links).
    pub typed: Option<(String, String, String)>,
}

impl PlanViewState {
    pub fn select(&mut self, id: Option<String>) {
        if self.selected != id {
            self.note.clear();
            self.typed = None;
        }
        self.selected = id;
    }

    /// Whether `row` passes the filters and the search.
    pub fn shows(&self, row: &ActionRow) -> bool {
        let department = self
            .department
            .as_ref()
            .is_none_or(|d| row.departments.is_empty() || row.departments.contains(d));
        let dimension = self
            .dimension
            .as_ref()
            .is_none_or(|d| row.dimension.as_ref() == Some(d));
        let status = self.status.is_none_or(|s| row.status == s);
        let owner = contains(&row.owner, &self.owner);
        let needle = self.search.trim();
        let search = needle.is_empty()
            || [
                &row.id,
                &row.title,
                &row.description,
                &row.addresses,
                &row.department_names,
                &row.owner,
            ]
            .iter()
            .any(|field| contains(field, needle));
        department && dimension && status && owner && search && (!self.overdue_only || row.overdue)
    }
}

/// Case-insensitive "contains" (an empty needle matches).
fn contains(haystack: &str, needle: &str) -> bool {
    let needle = needle.trim().to_lowercase();
    needle.is_empty() || haystack.to_lowercase().contains(&needle)
}

pub fn plan_ui(ui: &mut Ui, ctx: &ViewCtx, views: &mut ViewState, out: &mut Vec<Command>) {
    let lang = ctx.lang;
    let figures = ctx.derived.plan(ctx.data, lang);
    if ctx.user_name.is_empty() {
        // Status changes record who made them: ask once, as the Assess view does.
        super::assess::name_prompt_ui(ui, lang, views, out);
        ui.separator();
    }
    let state = &mut views.plan;
    shortcuts(ui, out);
    egui::ScrollArea::vertical()
        .id_salt("plan-view")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            // Measured before the table, which may grow the row wider.
            let width = ui.available_width();
            ui.horizontal_wrapped(|ui| {
                for line in &figures.counts.lines {
                    ui.label(RichText::new(&line.value).strong().size(18.0));
                    ui.label(&line.label);
                    ui.separator();
                }
            });
            toolbar_ui(ui, ctx, out);
            ui.separator();
            filters_ui(ui, ctx, state);
            ui.add_space(4.0);
            // The tree search on the left narrows the actions to those of
            // the departments it finds (actions for every department stay).
            let found = table::search_matches(
                ui,
                ctx.derived.revision(),
                &ctx.data.workspace.departments,
                ctx.search,
            );
            let searched = |r: &ActionRow| {
                found
                    .as_ref()
                    .is_none_or(|m| r.departments.is_empty() || r.departments.iter().any(|d| m.contains(d)))
            };
            let mut rows: Vec<&ActionRow> = figures
                .actions
                .iter()
                .filter(|r| state.shows(r) && searched(r))
                .collect();
            sort_rows(&mut rows, state.sort, state.descending);
            ui.strong(T::PlanActions.get(lang));
            table::shown_line_ui(ui, rows.len(), figures.actions.len(), false, lang);
            if rows.is_empty() {
                ui.weak(T::PlanNoActions.get(lang));
            } else {
                actions_table_ui(ui, lang, &rows, state, out);
            }
            ui.add_space(8.0);
            match state.selected.as_deref().and_then(|id| figures.action(id)) {
                Some(row) => action_editor_ui(ui, ctx, row, state, out),
                None => {
                    ui.weak(T::PlanSelectAction.get(lang));
                }
            }
            ui.separator();
            uncovered_ui(ui, ctx, figures, out);
            ui.separator();
            ui.strong(T::PlanTimeline.get(lang));
            ui.weak(T::PlanTimelineNote.get(lang));
            timeline_ui(ui, ctx, figures, &rows, width);
        });
}

/// Ctrl+Z / Ctrl+Shift+Z / Ctrl+S for the plans, only while no text field
/// has the keyboard (a field's own undo comes first).
fn shortcuts(ui: &Ui, out: &mut Vec<Command>) {
    if ui.ctx().egui_wants_keyboard_input() {
        return;
    }
    let redo = KeyboardShortcut::new(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    let undo = KeyboardShortcut::new(Modifiers::COMMAND, Key::Z);
    let save = KeyboardShortcut::new(Modifiers::COMMAND, Key::S);
    ui.input_mut(|i| {
        if i.consume_shortcut(&redo) {
            out.push(Command::RedoPlan);
        } else if i.consume_shortcut(&undo) {
            out.push(Command::UndoPlan);
        }
        if i.consume_shortcut(&save) {
            out.push(Command::SavePlans);
        }
    });
}

/// Undo, redo, save and the save state; the conflict banner.
fn toolbar_ui(ui: &mut Ui, ctx: &ViewCtx, out: &mut Vec<Command>) {
    let lang = ctx.lang;
    let editor = ctx.plan_editor;
    ui.horizontal(|ui| {
        if ui
            .add_enabled(editor.can_undo(), egui::Button::new(T::Undo.get(lang)))
            .clicked()
        {
            out.push(Command::UndoPlan);
        }
        if ui
            .add_enabled(editor.can_redo(), egui::Button::new(T::Redo.get(lang)))
            .clicked()
        {
            out.push(Command::RedoPlan);
        }
        let unsaved = !editor.dirty.is_empty();
        if ui
            .add_enabled(unsaved, egui::Button::new(T::Save.get(lang)))
            .clicked()
        {
            out.push(Command::SavePlans);
        }
        let state = if !editor.saving.is_empty() {
            T::Saving
        } else if editor.failed.is_some() {
            T::SaveFailed
        } else if unsaved {
            T::UnsavedChanges
        } else {
            T::Saved
        };
        ui.weak(state.get(lang));
    });
    if !editor.theirs.is_empty() {
        egui::Frame::group(ui.style())
            .fill(ui.visuals().warn_fg_color.gamma_multiply(0.15))
            .show(ui, |ui| {
                ui.label(T::PlanConflict.get(lang));
                ui.horizontal(|ui| {
                    for (choice, key) in [
                        (ConflictChoice::Theirs, T::ReloadTheirs),
                        (ConflictChoice::Mine, T::KeepMine),
                        (ConflictChoice::Copy, T::SaveMineAsCopy),
                    ] {
                        if ui.button(key.get(lang)).clicked() {
                            out.push(Command::ResolvePlanConflict(choice));
                        }
                    }
                });
            });
    }
}

fn filters_ui(ui: &mut Ui, ctx: &ViewCtx, state: &mut PlanViewState) {
    let lang = ctx.lang;
    ui.horizontal_wrapped(|ui| {
        let any = T::PlanAny.get(lang);
        let active: Vec<&Department> = ctx.data.workspace.active_departments().collect();
        let current = state
            .department
            .as_deref()
            .and_then(|id| ctx.data.workspace.department(id));
        match picker::department_filter_ui(
            ui,
            "plan-department",
            T::Department.get(lang),
            lang,
            &active,
            current,
            any,
            DEPARTMENT_PICKER_WIDTH,
        ) {
            Some(Choice::Any) => state.department = None,
            Some(Choice::Department(id)) => state.department = Some(id),
            None => {}
        }
        let dimension_name = |id: &str| {
            ctx.data
                .framework
                .dimension(id)
                .map_or_else(|| id.to_owned(), |d| d.name.get(lang).to_owned())
        };
        let chosen = state
            .dimension
            .as_deref()
            .map_or_else(|| any.to_owned(), dimension_name);
        let label = ui.label(T::Dimension.get(lang));
        egui::ComboBox::from_id_salt("plan-dimension")
            .selected_text(chosen)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut state.dimension, None, any);
                for d in &ctx.data.framework.dimensions {
                    ui.selectable_value(&mut state.dimension, Some(d.id.clone()), d.name.get(lang));
                }
            })
            .response
            .labelled_by(label.id);
        let chosen = state.status.map_or(any, |s| words::status(s, lang));
        let label = ui.label(T::Status.get(lang));
        egui::ComboBox::from_id_salt("plan-status")
            .selected_text(chosen)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut state.status, None, any);
                for s in ActionStatus::ALL {
                    ui.selectable_value(&mut state.status, Some(s), words::status(s, lang));
                }
            })
            .response
            .labelled_by(label.id);
        ui.checkbox(&mut state.overdue_only, T::PlanOverdueOnly.get(lang));
        ui.add(
            egui::TextEdit::singleline(&mut state.owner)
                .hint_text(T::PlanPersonFilter.get(lang))
                .desired_width(140.0),
        );
        ui.add(
            egui::TextEdit::singleline(&mut state.search)
                .hint_text(T::Search.get(lang))
                .desired_width(160.0),
        );
    });
}

/// The rows in the chosen order: stable, numbers and dates by value,
/// names in reading order (Chinese by pinyin); the plan's own order
/// (by due date) by default.
fn sort_rows(rows: &mut Vec<&ActionRow>, by: SortBy, descending: bool) {
    use chrono::Datelike;
    let key = |r: &ActionRow| match by {
        SortBy::Default | SortBy::Due => SortKey::number(Some(f64::from(r.due.num_days_from_ce()))),
        SortBy::Id => SortKey::text(&r.id),
        SortBy::Title => SortKey::text(&r.title),
        SortBy::Departments => SortKey::text(&r.department_names),
        SortBy::Owner => SortKey::text(&r.owner),
        SortBy::Status => SortKey::number(Some(f64::from(r.status as u8))),
        SortBy::Effect => SortKey::figure(&r.effect_text),
    };
    if by == SortBy::Default {
        if descending {
            rows.reverse();
        }
        return;
    }
    let sort = TableSort {
        column: Some(0),
        descending,
    };
    let mut order: Vec<usize> = (0..rows.len()).collect();
    sort.apply(&mut order, |i, _| {
        rows.get(i).map_or(SortKey::number(None), |r| key(r))
    });
    *rows = order.into_iter().filter_map(|i| rows.get(i).copied()).collect();
}

fn actions_table_ui(
    ui: &mut Ui,
    lang: Lang,
    rows: &[&ActionRow],
    state: &mut PlanViewState,
    out: &mut Vec<Command>,
) {
    let columns = [
        (T::PlanActionId, SortBy::Id, 120.0),
        (T::PlanActionTitle, SortBy::Title, 0.0),
        (T::Departments, SortBy::Departments, 130.0),
        (T::PlanAddresses, SortBy::Default, 150.0),
        (T::PlanOwner, SortBy::Owner, 140.0),
        (T::PlanDue, SortBy::Due, 112.0),
        (T::Status, SortBy::Status, 80.0),
        (T::PlanEffect, SortBy::Effect, 120.0),
    ];
    let mut table = TableBuilder::new(ui)
        .id_salt("plan-actions")
        .striped(true)
        .vscroll(true)
        .max_scroll_height(320.0)
        .sense(Sense::click())
        .cell_layout(egui::Layout::left_to_right(Align::Center));
    for (_, _, width) in columns {
        // The title takes what the others leave, so the table fits the view.
        let column = if width > 0.0 {
            Column::initial(width).at_least(60.0).resizable(true)
        } else {
            Column::remainder().at_least(120.0)
        };
        table = table.column(column.clip(true));
    }
    let mut clicked = None;
    table
        .header(22.0, |mut header| {
            for (key, by, _) in columns {
                header.col(|ui| {
                    let arrow = match (state.sort == by && by != SortBy::Default, state.descending) {
                        (true, false) => " ▲",
                        (true, true) => " ▼",
                        _ => "",
                    };
                    let label = RichText::new(format!("{}{arrow}", key.get(lang))).strong();
                    if by == SortBy::Default {
                        ui.label(label);
                    } else if ui.add(egui::Button::new(label).frame(false)).clicked() {
                        if state.sort == by {
                            state.descending = !state.descending;
                        } else {
                            state.sort = by;
                            state.descending = false;
                        }
                    }
                });
            }
        })
        .body(|body| {
            body.rows(22.0, rows.len(), |mut row| {
                let Some(action) = rows.get(row.index()) else {
                    return;
                };
                let chosen = state.selected.as_deref() == Some(action.id.as_str());
                row.set_selected(chosen);
                let mut link = false;
                row.col(|ui| {
                    link = ui.add(egui::Button::selectable(chosen, &action.id)).clicked();
                });
                row.col(|ui| {
                    table::short_name_ui(ui, &action.title);
                });
                row.col(|ui| {
                    table::short_name_ui(ui, &action.department_names);
                });
                row.col(|ui| {
                    ui.add(egui::Label::new(&action.addresses).truncate());
                });
                row.col(|ui| {
                    ui.add(egui::Label::new(&action.owner).truncate());
                });
                row.col(|ui| {
                    if action.overdue {
                        ui.colored_label(ui.visuals().error_fg_color, &action.due_text)
                            .on_hover_text(T::PlanOverdue.get(lang));
                    } else {
                        ui.label(&action.due_text);
                    }
                });
                row.col(|ui| {
                    ui.label(&action.status_text);
                });
                row.col(|ui| {
                    if action.effect_flagged {
                        ui.colored_label(ui.visuals().warn_fg_color, format!("⚠ {}", action.effect_text));
                    } else {
                        ui.label(&action.effect_text);
                    }
                });
                if link || row.response().clicked() {
                    clicked = Some(action.id.clone());
                }
            });
        });
    if let Some(id) = clicked {
        out.push(Command::SelectAction(Some(id)));
    }
}

/// The chosen action: status, title, owner, dates, description, links,
/// progress notes and the status history.
fn action_editor_ui(
    ui: &mut Ui,
    ctx: &ViewCtx,
    row: &ActionRow,
    state: &mut PlanViewState,
    out: &mut Vec<Command>,
) {
    let lang = ctx.lang;
    let Some(action) = ctx.data.actions.iter().find(|a| a.id == row.id) else {
        return;
    };
    let id = action.id.clone();
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.horizontal(|ui| {
            ui.heading(&row.title);
            ui.weak(&row.id);
            if ui.small_button(T::Close.get(lang)).clicked() {
                out.push(Command::SelectAction(None));
            }
        });
        ui.label(format!("{} · {}", row.department_names, row.addresses));
        ui.label(labelled(
            T::PlanExpectedLevel.get(lang),
            &row.expected_level,
            lang,
        ));
        ui.horizontal(|ui| {
            ui.label(T::Status.get(lang));
            for s in ActionStatus::ALL {
                if ui
                    .selectable_label(action.status == s, words::status(s, lang))
                    .clicked()
                    && action.status != s
                {
                    out.push(Command::EditPlan(PlanEdit::Status {
                        id: id.clone(),
                        to: s,
                    }));
                }
            }
        });
        egui::Grid::new(("plan-fields", &id))
            .num_columns(2)
            .show(ui, |ui| {
                let mut text_row = |ui: &mut Ui, key: T, value: &str, make: &dyn Fn(String) -> PlanEdit| {
                    let label = ui.label(key.get(lang));
                    let mut text = value.to_owned();
                    let limit = match key {
                        T::PlanFieldTitle => TextField::ActionTitle,
                        _ => TextField::ActionOwner,
                    };
                    if ui
                        .add(
                            egui::TextEdit::singleline(&mut text)
                                .desired_width(360.0)
                                .char_limit(limit.limit()),
                        )
                        .labelled_by(label.id)
                        .changed()
                    {
                        out.push(Command::EditPlan(make(text)));
                    }
                    ui.end_row();
                };
                // Typing edits the text in the language being worked in;
                // the other language's text is kept.
                text_row(ui, T::PlanFieldTitle, action.title.get(lang), &|text| {
                    PlanEdit::Title {
                        id: id.clone(),
                        text: with_text(&action.title, lang, text),
                    }
                });
                text_row(ui, T::PlanFieldUnit, action.owner.unit.get(lang), &|text| {
                    PlanEdit::Unit {
                        id: id.clone(),
                        text: with_text(&action.owner.unit, lang, text),
                    }
                });
                text_row(ui, T::PlanFieldPerson, &action.owner.person, &|text| {
                    PlanEdit::Person { id: id.clone(), text }
                });
                let typed = state.typed.get_or_insert_with(|| {
                    (
                        action.start.to_string(),
                        action.due.to_string(),
                        action.links.join("\n"),
                    )
                });
                for (key, text, is_start) in [
                    (T::PlanStart, &mut typed.0, true),
                    (T::PlanDue, &mut typed.1, false),
                ] {
                    let label = ui.label(key.get(lang));
                    ui.horizontal(|ui| {
                        let field = ui
                            .add(egui::TextEdit::singleline(text).desired_width(110.0))
                            .labelled_by(label.id);
                        match NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d") {
                            Ok(date) if field.changed() => out.push(Command::EditPlan(if is_start {
                                PlanEdit::Start { id: id.clone(), date }
                            } else {
                                PlanEdit::Due { id: id.clone(), date }
                            })),
                            Ok(_) => {}
                            Err(_) => {
                                ui.colored_label(ui.visuals().error_fg_color, T::BadDate.get(lang));
                            }
                        }
                    });
                    ui.end_row();
                }
                let label = ui.label(T::PlanFieldDescription.get(lang));
                let mut text = action.description.get(lang).to_owned();
                if ui
                    .add(
                        egui::TextEdit::multiline(&mut text)
                            .desired_rows(2)
                            .desired_width(360.0)
                            .char_limit(TextField::ActionDescription.limit()),
                    )
                    .labelled_by(label.id)
                    .changed()
                {
                    out.push(Command::EditPlan(PlanEdit::Description {
                        id: id.clone(),
                        text: with_text(&action.description, lang, text),
                    }));
                }
                ui.end_row();
                let label = ui.label(T::PlanFieldLinks.get(lang));
                if ui
                    .add(
                        egui::TextEdit::multiline(&mut typed.2)
                            .desired_rows(2)
                            .desired_width(360.0)
                            .char_limit(TextField::ActionLinks.limit() * (TextField::ActionLink.limit() + 1)),
                    )
                    .labelled_by(label.id)
                    .changed()
                {
                    let links = typed
                        .2
                        .lines()
                        .map(str::trim)
                        .filter(|l| !l.is_empty())
                        .take(TextField::ActionLinks.limit())
                        .map(|l| l.chars().take(TextField::ActionLink.limit()).collect())
                        .collect();
                    out.push(Command::EditPlan(PlanEdit::Links {
                        id: id.clone(),
                        links,
                    }));
                }
                ui.end_row();
            });
        ui.label(labelled(T::PlanEffect.get(lang), &row.effect_text, lang));
        ui.strong(T::PlanNotes.get(lang));
        for note in &action.notes {
            ui.label(plan_app::note_line(
                &format::date(note.on, lang),
                &note.who,
                note.text.get(lang),
                lang,
            ));
        }
        ui.horizontal(|ui| {
            ui.add(
                egui::TextEdit::singleline(&mut state.note)
                    .char_limit(TextField::ActionNote.limit())
                    .hint_text(T::PlanNotes.get(lang))
                    .desired_width(360.0),
            );
            if ui
                .add_enabled(
                    !state.note.trim().is_empty(),
                    egui::Button::new(T::PlanAddNote.get(lang)),
                )
                .clicked()
            {
                out.push(Command::EditPlan(PlanEdit::Note {
                    id: id.clone(),
                    text: crate::model::Text::from(std::mem::take(&mut state.note)),
                }));
            }
        });
        if !action.history.is_empty() {
            ui.strong(T::PlanHistory.get(lang));
            for change in &action.history {
                ui.label(plan_app::history_line(
                    &format::date_time(change.at, lang),
                    &change.who,
                    words::status(change.from, lang),
                    words::status(change.to, lang),
                    lang,
                ));
            }
        }
    });
}

/// The gaps below target with no open action, each with "Plan an action".
/// The gaps no open action covers, sortable by any column and narrowed by
/// the tree search; only the rows in view are laid out (a province has
/// thousands).
fn uncovered_ui(ui: &mut Ui, ctx: &ViewCtx, figures: &PlanFigures, out: &mut Vec<Command>) {
    let lang = ctx.lang;
    ui.strong(T::PlanUncovered.get(lang));
    let gaps = &figures.uncovered;
    if gaps.is_empty() {
        ui.weak(T::PlanNoUncovered.get(lang));
        return;
    }
    let headers = crate::present::plan::gap_headers(lang);
    let id = ui.make_persistent_id("plan-uncovered.sort");
    let mut sort = TableSort::load(ui, id);
    let found = table::search_matches(
        ui,
        ctx.derived.revision(),
        &ctx.data.workspace.departments,
        ctx.search,
    );
    let figures_key = table::signature(&(
        ctx.derived.revision(),
        ctx.selection.period,
        ctx.selection.basis,
        lang,
        ctx.search,
        sort,
    ));
    let order = table::row_order(ui, id, figures_key, || {
        let mut rows: Vec<usize> = (0..gaps.len())
            .filter(|&r| {
                gaps.get(r)
                    .is_some_and(|g| found.as_ref().is_none_or(|m| m.contains(&g.department)))
            })
            .collect();
        sort.apply(&mut rows, |r, column| {
            let Some(gap) = gaps.get(r) else {
                return SortKey::number(None);
            };
            match column {
                0 => SortKey::text(&gap.department_name),
                1 => SortKey::text(&gap.indicator_name),
                2 => SortKey::figure(&gap.current_text),
                3 => SortKey::figure(&gap.target_text),
                4 => SortKey::figure(&gap.gap_text),
                _ => SortKey::figure(&gap.priority_text),
            }
        });
        rows
    });
    table::shown_line_ui(ui, order.len(), gaps.len(), false, lang);
    let mut builder = TableBuilder::new(ui)
        .id_salt("plan-uncovered")
        .striped(true)
        .max_scroll_height(260.0)
        .cell_layout(egui::Layout::left_to_right(Align::Center))
        .column(Column::initial(200.0).at_least(80.0).clip(true).resizable(true))
        .column(Column::initial(220.0).at_least(80.0).clip(true).resizable(true));
    for _ in 2..headers.len() {
        builder = builder.column(Column::exact(64.0));
    }
    builder
        .column(Column::remainder().at_least(100.0))
        .header(22.0, |mut header| {
            for (column, title) in headers.iter().enumerate() {
                header.col(|ui| {
                    table::sort_header_ui(ui, title, column, &mut sort, lang);
                });
            }
            header.col(|_| {});
        })
        .body(|body| {
            body.rows(22.0, order.len(), |mut row| {
                let k = row.index();
                let Some(gap) = order.get(k).and_then(|&r| gaps.get(r)) else {
                    return;
                };
                row.col(|ui| {
                    table::short_name_ui(ui, &gap.department_name);
                });
                row.col(|ui| {
                    table::short_name_ui(ui, &gap.indicator_name);
                });
                for text in [
                    &gap.current_text,
                    &gap.target_text,
                    &gap.gap_text,
                    &gap.priority_text,
                ] {
                    row.col(|ui| {
                        ui.label(text);
                    });
                }
                row.col(|ui| {
                    if ui
                        .push_id(k, |ui| ui.small_button(T::PlanAnAction.get(lang)))
                        .inner
                        .clicked()
                    {
                        out.push(Command::PlanAction {
                            department: gap.department.clone(),
                            indicator: gap.indicator.clone(),
                        });
                    }
                });
            });
        });
    sort.store(ui, id);
}

const TIMELINE_ROW: f32 = 20.0;
const TIMELINE_LABEL: f32 = 220.0;

/// Bars from start to due for the actions shown, the today line, and the
/// target deadlines of the indicators each action works on.
fn timeline_ui(ui: &mut Ui, ctx: &ViewCtx, figures: &PlanFigures, rows: &[&ActionRow], width: f32) {
    if rows.is_empty() {
        return;
    }
    let spans: Vec<(NaiveDate, NaiveDate)> = rows.iter().map(|r| (r.start, r.due)).collect();
    let marks: Vec<(usize, NaiveDate)> = rows
        .iter()
        .enumerate()
        .flat_map(|(k, r)| {
            figures
                .targets
                .iter()
                .filter(|t| {
                    (r.departments.is_empty() || r.departments.contains(&t.department))
                        && match &t.indicator {
                            Some(i) => r.indicators.contains(i),
                            None => r.dimension.as_ref() == Some(&t.dimension),
                        }
                })
                .map(move |t| (k, t.by))
        })
        .collect();
    let width = width.max(TIMELINE_LABEL + 200.0);
    let height = rows.len() as f32 * TIMELINE_ROW + 24.0;
    let (response, painter) = ui.allocate_painter(egui::vec2(width, height), Sense::hover());
    let frame = response.rect;
    let area = Rect::new(
        Point::new(frame.left() + TIMELINE_LABEL, frame.top()),
        Point::new(
            frame.right() - 8.0,
            frame.top() + rows.len() as f32 * TIMELINE_ROW,
        ),
    );
    let layout = charts::timeline_layout(area, &spans, figures.today, &marks, TIMELINE_ROW);
    let visuals = ui.visuals();
    let text = visuals.text_color();
    let font = egui::FontId::proportional(12.0);
    let pos = |p: Point| egui::pos2(p.x, p.y);
    for (x, label) in &layout.ticks {
        painter.line_segment(
            [egui::pos2(*x, area.min.y), egui::pos2(*x, area.max.y)],
            Stroke::new(1.0, visuals.weak_text_color().gamma_multiply(0.3)),
        );
        painter.text(
            egui::pos2(*x, area.max.y + 4.0),
            egui::Align2::CENTER_TOP,
            label,
            font.clone(),
            text,
        );
    }
    for ((row, bar), k) in rows.iter().zip(&layout.bars).zip(0..) {
        let colour = match (row.overdue, row.status) {
            (true, _) => visuals.error_fg_color,
            (_, ActionStatus::Done) => Color32::from_rgb(0x00, 0x9E, 0x73),
            (_, ActionStatus::Dropped) => visuals.weak_text_color(),
            _ => Color32::from_rgb(0x00, 0x72, 0xB2),
        };
        let rect = egui::Rect::from_min_max(pos(bar.min), pos(bar.max));
        painter.rect_filled(rect, 3.0, colour);
        let label_y = area.min.y + (k as f32 + 0.5) * TIMELINE_ROW;
        let label = painter.layout_no_wrap(format!("{} · {}", row.id, row.title), font.clone(), text);
        let galley_pos = egui::pos2(frame.left(), label_y - label.size().y / 2.0);
        painter
            .with_clip_rect(egui::Rect::from_min_max(
                egui::pos2(frame.left(), area.min.y),
                egui::pos2(area.min.x - 8.0, area.max.y),
            ))
            .galley(galley_pos, label, text);
        if response.hover_pos().is_some_and(|p| rect.expand(2.0).contains(p)) {
            response
                .clone()
                .on_hover_text_at_pointer(format!("{} – {}", row.start_text, row.due_text));
        }
    }
    for mark in &layout.marks {
        let c = pos(*mark);
        let r = TIMELINE_ROW * 0.3;
        painter.add(egui::Shape::convex_polygon(
            vec![
                egui::pos2(c.x, c.y - r),
                egui::pos2(c.x + r, c.y),
                egui::pos2(c.x, c.y + r),
                egui::pos2(c.x - r, c.y),
            ],
            visuals.warn_fg_color,
            Stroke::new(1.0, text),
        ));
    }
    if let Some(x) = layout.today {
        painter.line_segment(
            [egui::pos2(x, area.min.y - 2.0), egui::pos2(x, area.max.y)],
            Stroke::new(2.0, visuals.error_fg_color),
        );
        let anchor = if x > area.max.x - 120.0 {
            egui::Align2::RIGHT_TOP
        } else {
            egui::Align2::CENTER_TOP
        };
        painter.text(
            egui::pos2(x, area.max.y + 14.0),
            anchor,
            format!("{} {}", T::PlanToday.get(ctx.lang), figures.today_text),
            font,
            visuals.error_fg_color,
        );
    }
}

/// The "Plan an action" form, over any view.
pub fn action_form_window(
    egui_ctx: &egui::Context,
    ctx: &ViewCtx,
    views: &mut ViewState,
    out: &mut Vec<Command>,
) {
    let lang = ctx.lang;
    let Some(draft) = &mut views.plan.form else {
        return;
    };
    let mut open = true;
    let mut cancel = false;
    let department = ctx
        .data
        .workspace
        .department(&draft.department)
        .map_or_else(|| draft.department.clone(), |d| d.name.get(lang).to_owned());
    let indicator = ctx
        .data
        .framework
        .indicator(&draft.indicator)
        .map_or_else(|| draft.indicator.clone(), |(_, i)| i.name.get(lang).to_owned());
    egui::Window::new(T::PlanAnAction.get(lang))
        .open(&mut open)
        .collapsible(false)
        .resizable(true)
        .default_width(520.0)
        .pivot(egui::Align2::CENTER_TOP)
        .default_pos(egui_ctx.content_rect().center_top() + egui::vec2(0.0, 90.0))
        .show(egui_ctx, |ui| {
            ui.label(RichText::new(format!("{department} · {indicator}")).strong());
            egui::Grid::new("plan-form").num_columns(2).show(ui, |ui| {
                let label = ui.label(T::PlanFieldTitle.get(lang));
                let title = ui
                    .add(
                        egui::TextEdit::singleline(&mut draft.title)
                            .desired_width(360.0)
                            .char_limit(TextField::ActionTitle.limit()),
                    )
                    .labelled_by(label.id);
                if draft.focus_title {
                    title.request_focus();
                    draft.focus_title = false;
                }
                ui.end_row();
                let label = ui.label(T::PlanFieldUnit.get(lang));
                ui.add(
                    egui::TextEdit::singleline(&mut draft.unit)
                        .desired_width(360.0)
                        .char_limit(TextField::ActionOwner.limit()),
                )
                .labelled_by(label.id);
                ui.end_row();
                let label = ui.label(T::PlanFieldPerson.get(lang));
                ui.add(
                    egui::TextEdit::singleline(&mut draft.person)
                        .desired_width(360.0)
                        .char_limit(TextField::ActionOwner.limit()),
                )
                .labelled_by(label.id);
                ui.end_row();
                let label = ui.label(T::PlanStart.get(lang));
                ui.add(egui::TextEdit::singleline(&mut draft.start).desired_width(110.0))
                    .labelled_by(label.id);
                ui.end_row();
                let label = ui.label(T::PlanDue.get(lang));
                ui.add(egui::TextEdit::singleline(&mut draft.due).desired_width(110.0))
                    .labelled_by(label.id);
                ui.end_row();
                let label = ui.label(T::PlanExpectedLevel.get(lang));
                egui::ComboBox::from_id_salt("plan-form-level")
                    .selected_text(format::level_digit(draft.expected))
                    .show_ui(ui, |ui| {
                        for level in Level::all() {
                            ui.selectable_value(&mut draft.expected, level, format::level_digit(level));
                        }
                    })
                    .response
                    .labelled_by(label.id);
                ui.end_row();
                let label = ui.label(T::PlanFieldDescription.get(lang));
                ui.add(
                    egui::TextEdit::multiline(&mut draft.description)
                        .desired_rows(3)
                        .desired_width(360.0)
                        .char_limit(TextField::ActionDescription.limit()),
                )
                .labelled_by(label.id);
                ui.end_row();
            });
            if let Some(error) = draft.error {
                ui.colored_label(ui.visuals().error_fg_color, error.get(lang));
            }
            ui.horizontal(|ui| {
                if ui.button(T::Create.get(lang)).clicked() {
                    out.push(Command::CreateAction);
                }
                if ui.button(T::Cancel.get(lang)).clicked() {
                    cancel = true;
                }
            });
        });
    if !open || cancel {
        views.plan.form = None;
    }
}

/// How many of `rows` are open, and how many of those overdue, among the
/// actions working on any of `indicators` (an action on a whole dimension
/// works on each of its indicators).
pub(super) fn open_actions(rows: &[ActionRow], indicators: &[&str]) -> (usize, usize) {
    let open: Vec<&ActionRow> = rows
        .iter()
        .filter(|r| r.status.is_open() && r.indicators.iter().any(|i| indicators.contains(&i.as_str())))
        .collect();
    (open.len(), open.iter().filter(|r| r.overdue).count())
}

/// The open actions beside a gap: "2 ⚠1", red when any is overdue, the
/// words ("2 open · 1 overdue") on hover and for screen readers; nothing
/// when there are none.
pub(super) fn actions_badge_ui(ui: &mut Ui, (open, overdue): (usize, usize), lang: Lang) {
    let (Some(short), Some(words)) = (
        plan_app::badge_short(open, overdue),
        plan_app::badge(open, overdue, lang),
    ) else {
        return;
    };
    let colour = if overdue > 0 {
        ui.visuals().error_fg_color
    } else {
        ui.visuals().text_color()
    };
    let badge = ui.add(egui::Label::new(RichText::new(short).color(colour)).selectable(false));
    badge.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &words));
    badge.on_hover_text(words);
}

/// Under the indicator drill-down: the actions for this indicator in this
/// department (open, overdue marked), each opening the Plan view, and
/// "Plan an action".
pub(super) fn indicator_actions_ui(
    ui: &mut Ui,
    lang: Lang,
    plan: &PlanFigures,
    department: &str,
    indicator: &str,
    out: &mut Vec<Command>,
) {
    ui.strong(T::PlanForIndicator.get(lang));
    let rows: Vec<&ActionRow> = plan
        .actions
        .iter()
        .filter(|r| r.indicators.iter().any(|i| i == indicator))
        .collect();
    if rows.is_empty() {
        ui.weak(T::PlanNoActionForIndicator.get(lang));
    }
    for row in rows {
        ui.horizontal(|ui| {
            if ui.link(format!("{} · {}", row.id, row.title)).clicked() {
                out.push(Command::SelectAction(Some(row.id.clone())));
                out.push(Command::SetTab(crate::app::state::Tab::Plan));
            }
            ui.label(&row.status_text);
            if row.overdue {
                ui.colored_label(
                    ui.visuals().error_fg_color,
                    format!("{} · {}", T::PlanOverdue.get(lang), row.due_text),
                );
            } else {
                ui.weak(&row.due_text);
            }
            if row.status == ActionStatus::Done {
                ui.label(&row.effect_text);
            }
        });
    }
    if ui.button(T::PlanAnAction.get(lang)).clicked() {
        out.push(Command::PlanAction {
            department: department.to_owned(),
            indicator: indicator.to_owned(),
        });
    }
}

/// `text` with its `lang` side replaced by `typed`.
fn with_text(text: &crate::model::Text, lang: Lang, typed: String) -> crate::model::Text {
    let mut text = text.clone();
    text.set(lang, typed);
    text
}
