//! The workspace settings window: title, departments (add, rename,
//! archive, parent), targets (per dimension or indicator, workspace-wide or
//! per department, with a date) and weights. It edits a draft; Apply sends
//! the whole workspace as one command, saved atomically to `workspace.ron`.

use chrono::NaiveDate;
use egui::{RichText, Ui};

use super::ViewCtx;
use crate::app::command::Command;
use crate::app::i18n::T;
use crate::app::state::ViewState;
use crate::model::{Department, DepartmentKind, Lang, Level, Target, Text, Workspace, is_department_id};

/// The draft being edited and the new department being typed.
#[derive(Debug, Default)]
pub struct SettingsDraft {
    pub workspace: Option<Workspace>,
    pub new_id: String,
    pub new_en: String,
    pub new_zh: String,
    /// Target dates as typed, by target index.
    pub dates: Vec<String>,
}

pub fn settings_window(ctx: &egui::Context, view: &ViewCtx, views: &mut ViewState, out: &mut Vec<Command>) {
    let lang = view.lang;
    let draft = &mut views.settings;
    if draft.workspace.is_none() {
        draft.workspace = Some(view.data.workspace.clone());
        draft.dates = view
            .data
            .workspace
            .targets
            .iter()
            .map(|t| t.by.to_string())
            .collect();
    }
    let mut open = true;
    egui::Window::new(T::WorkspaceSettings.get(lang))
        .open(&mut open)
        .default_size([820.0, 600.0])
        .vscroll(true)
        .show(ctx, |ui| settings_ui(ui, view, draft, out));
    if !open {
        draft.workspace = None;
        out.push(Command::ShowWorkspaceSettings(false));
    }
}

fn settings_ui(ui: &mut Ui, view: &ViewCtx, draft: &mut SettingsDraft, out: &mut Vec<Command>) {
    let lang = view.lang;
    let Some(workspace) = draft.workspace.as_mut() else {
        return;
    };
    ui.horizontal(|ui| {
        let label = ui.label(format!("{} (EN)", T::Title.get(lang)));
        ui.text_edit_singleline(&mut workspace.title.en)
            .labelled_by(label.id);
        let label = ui.label(format!("{} (中文)", T::Title.get(lang)));
        ui.text_edit_singleline(&mut workspace.title.zh)
            .labelled_by(label.id);
    });
    ui.separator();
    ui.heading(T::Departments.get(lang));
    departments_ui(ui, lang, workspace);
    new_department_ui(
        ui,
        lang,
        workspace,
        &mut draft.new_id,
        &mut draft.new_en,
        &mut draft.new_zh,
    );
    ui.separator();
    ui.heading(T::Targets.get(lang));
    targets_ui(ui, view, workspace, &mut draft.dates);
    ui.separator();
    ui.heading(T::Weights.get(lang));
    weights_ui(ui, view, workspace);
    ui.separator();
    let dates: Result<Vec<NaiveDate>, _> = draft
        .dates
        .iter()
        .map(|d| NaiveDate::parse_from_str(d.trim(), "%Y-%m-%d"))
        .collect();
    ui.horizontal(|ui| {
        let valid = dates.is_ok();
        if ui
            .add_enabled(
                valid,
                egui::Button::new(RichText::new(T::Apply.get(lang)).strong()),
            )
            .clicked()
            && let Ok(dates) = &dates
        {
            let mut applied = workspace.clone();
            for (target, by) in applied.targets.iter_mut().zip(dates) {
                target.by = *by;
            }
            out.push(Command::UpdateWorkspace(Box::new(applied)));
        }
        if !valid {
            ui.colored_label(ui.visuals().error_fg_color, T::BadDate.get(lang));
        }
    });
}

fn departments_ui(ui: &mut Ui, lang: Lang, workspace: &mut Workspace) {
    let ids: Vec<(String, String)> = workspace
        .departments
        .iter()
        .map(|d| (d.id.clone(), d.name.get(lang).to_owned()))
        .collect();
    egui::Grid::new("settings-departments")
        .striped(true)
        .show(ui, |ui| {
            for title in [T::Id, T::NameEn, T::NameZh, T::Kind, T::Parent, T::Archived] {
                ui.strong(title.get(lang));
            }
            ui.end_row();
            for (index, department) in workspace.departments.iter_mut().enumerate() {
                ui.monospace(&department.id);
                ui.add(egui::TextEdit::singleline(&mut department.name.en).desired_width(200.0));
                ui.add(egui::TextEdit::singleline(&mut department.name.zh).desired_width(160.0));
                egui::ComboBox::new(("kind", index), "")
                    .selected_text(department.kind.label().get(lang))
                    .show_ui(ui, |ui| {
                        for kind in DepartmentKind::ALL {
                            ui.selectable_value(&mut department.kind, kind, kind.label().get(lang));
                        }
                    });
                let parent_name = department
                    .parent
                    .as_ref()
                    .and_then(|p| ids.iter().find(|(id, _)| id == p))
                    .map_or_else(|| T::NoParent.get(lang).to_owned(), |(_, name)| name.clone());
                egui::ComboBox::new(("parent", index), "")
                    .selected_text(parent_name)
                    .show_ui(ui, |ui| {
                        ui.selectable_value(&mut department.parent, None, T::NoParent.get(lang));
                        for (id, name) in ids.iter().filter(|(id, _)| *id != department.id) {
                            ui.selectable_value(&mut department.parent, Some(id.clone()), name);
                        }
                    });
                ui.checkbox(&mut department.archived, "");
                ui.end_row();
            }
        });
}

fn new_department_ui(
    ui: &mut Ui,
    lang: Lang,
    workspace: &mut Workspace,
    id: &mut String,
    en: &mut String,
    zh: &mut String,
) {
    ui.horizontal(|ui| {
        let label = ui.label(T::Id.get(lang));
        ui.add(egui::TextEdit::singleline(id).desired_width(140.0))
            .labelled_by(label.id);
        let label = ui.label(T::NameEn.get(lang));
        ui.add(egui::TextEdit::singleline(en).desired_width(180.0))
            .labelled_by(label.id);
        let label = ui.label(T::NameZh.get(lang));
        ui.add(egui::TextEdit::singleline(zh).desired_width(140.0))
            .labelled_by(label.id);
        let trimmed = id.trim().to_owned();
        let taken = workspace.departments.iter().any(|d| d.id == trimmed);
        let valid =
            is_department_id(&trimmed).is_ok() && !taken && !(en.trim().is_empty() && zh.trim().is_empty());
        if ui
            .add_enabled(valid, egui::Button::new(T::AddDepartment.get(lang)))
            .clicked()
        {
            workspace.departments.push(Department {
                id: trimmed.clone(),
                name: Text::new(en.trim(), zh.trim()),
                kind: DepartmentKind::Bureau,
                parent: None,
                archived: false,
            });
            id.clear();
            en.clear();
            zh.clear();
        }
    });
    let trimmed = id.trim();
    if !trimmed.is_empty() {
        if let Err(e) = is_department_id(trimmed) {
            ui.colored_label(ui.visuals().error_fg_color, e.to_string());
        } else if workspace.departments.iter().any(|d| d.id == trimmed) {
            ui.colored_label(ui.visuals().error_fg_color, T::IdTaken.get(lang));
        }
    }
    ui.weak(T::IdRules.get(lang));
}

fn targets_ui(ui: &mut Ui, view: &ViewCtx, workspace: &mut Workspace, dates: &mut Vec<String>) {
    let lang = view.lang;
    let framework = &view.data.framework;
    dates.resize(workspace.targets.len(), String::new());
    let departments: Vec<(String, String)> = workspace
        .departments
        .iter()
        .map(|d| (d.id.clone(), d.name.get(lang).to_owned()))
        .collect();
    let mut remove = None;
    egui::Grid::new("settings-targets").striped(true).show(ui, |ui| {
        for title in [
            T::Department,
            T::Dimension,
            T::Indicator,
            T::Target,
            T::TargetDate,
        ] {
            ui.strong(title.get(lang));
        }
        ui.end_row();
        for (index, target) in workspace.targets.iter_mut().enumerate() {
            let scope = target
                .department
                .as_ref()
                .and_then(|id| departments.iter().find(|(d, _)| d == id))
                .map_or_else(
                    || T::AllDepartments.get(lang).to_owned(),
                    |(_, name)| name.clone(),
                );
            egui::ComboBox::new(("target-dept", index), "")
                .selected_text(scope)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut target.department, None, T::AllDepartments.get(lang));
                    for (id, name) in &departments {
                        ui.selectable_value(&mut target.department, Some(id.clone()), name);
                    }
                });
            let dimension_name = framework
                .dimension(&target.dimension)
                .map_or("?", |d| d.name.get(lang));
            egui::ComboBox::new(("target-dim", index), "")
                .selected_text(dimension_name)
                .show_ui(ui, |ui| {
                    for dimension in &framework.dimensions {
                        if ui
                            .selectable_label(target.dimension == dimension.id, dimension.name.get(lang))
                            .clicked()
                        {
                            target.dimension = dimension.id.clone();
                            target.indicator = None;
                        }
                    }
                });
            let indicator_name = target
                .indicator
                .as_deref()
                .and_then(|id| framework.indicator(id))
                .map_or_else(|| "—".to_owned(), |(_, i)| i.name.get(lang).to_owned());
            egui::ComboBox::new(("target-ind", index), "")
                .selected_text(indicator_name)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut target.indicator, None, "—");
                    if let Some(dimension) = framework.dimension(&target.dimension) {
                        for indicator in &dimension.indicators {
                            ui.selectable_value(
                                &mut target.indicator,
                                Some(indicator.id.clone()),
                                indicator.name.get(lang),
                            );
                        }
                    }
                });
            egui::ComboBox::new(("target-level", index), "")
                .selected_text(target.level.to_string())
                .show_ui(ui, |ui| {
                    for level in Level::all() {
                        let name = format!("{} · {}", level.get(), framework.level_name(level, lang));
                        ui.selectable_value(&mut target.level, level, name);
                    }
                });
            if let Some(date) = dates.get_mut(index) {
                ui.add(
                    egui::TextEdit::singleline(date)
                        .desired_width(90.0)
                        .hint_text("YYYY-MM-DD"),
                );
            }
            if ui.small_button(T::Remove.get(lang)).clicked() {
                remove = Some(index);
            }
            ui.end_row();
        }
    });
    if let Some(index) = remove {
        workspace.targets.remove(index);
        dates.remove(index);
    }
    if ui.button(T::AddTarget.get(lang)).clicked()
        && let Some(dimension) = framework.dimensions.first()
    {
        let by = chrono::Local::now().date_naive();
        workspace.targets.push(Target {
            department: None,
            dimension: dimension.id.clone(),
            indicator: None,
            level: Level::clamped(3),
            by,
        });
        dates.push(by.to_string());
    }
}

fn weights_ui(ui: &mut Ui, view: &ViewCtx, workspace: &mut Workspace) {
    let lang = view.lang;
    egui::Grid::new("settings-weights").striped(true).show(ui, |ui| {
        for dimension in &view.data.framework.dimensions {
            weight_row_ui(
                ui,
                &dimension.id,
                dimension.name.get(lang),
                dimension.weight,
                &mut workspace.weights,
                true,
            );
            for indicator in &dimension.indicators {
                weight_row_ui(
                    ui,
                    &indicator.id,
                    indicator.name.get(lang),
                    indicator.weight,
                    &mut workspace.weights,
                    false,
                );
            }
        }
    });
}

fn weight_row_ui(
    ui: &mut Ui,
    id: &str,
    name: &str,
    default: f64,
    weights: &mut std::collections::BTreeMap<String, f64>,
    strong: bool,
) {
    if strong {
        ui.strong(name);
    } else {
        ui.label(format!("    {name}"));
    }
    let mut value = weights.get(id).copied().unwrap_or(default);
    if ui
        .add(egui::DragValue::new(&mut value).range(0.1..=10.0).speed(0.05))
        .changed()
    {
        if (value - default).abs() < 1e-9 {
            weights.remove(id);
        } else {
            weights.insert(id.to_owned(), value);
        }
    }
    ui.end_row();
}
