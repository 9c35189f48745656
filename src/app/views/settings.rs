//! The workspace settings window: title, departments (add, rename,
//! archive, parent), targets (per dimension or indicator, workspace-wide or
//! per department, with a date) and weights. It edits a draft; Apply sends
//! the whole workspace as one command, saved atomically to `workspace.ron`.

use chrono::NaiveDate;
use egui::{RichText, Ui};

use super::ViewCtx;
use crate::app::command::Command;
use crate::app::state::ViewState;
use crate::app::widgets::picker;
use crate::model::limits::TextField;
use crate::model::{
    Department, DepartmentKind, Lang, Level, Target, Text, Workspace, is_department_id, repeated_targets,
};
use crate::present::catalogue::T;

// Column widths (points) that fit what they hold: the longest sample names
// ("Human Resources and Social Security Bureau", "市人力资源和社会保障局"),
// an ISO date, a level name, the sample's title.
const TITLE_EN_WIDTH: f32 = 480.0;
const TITLE_ZH_WIDTH: f32 = 300.0;
const NAME_EN_WIDTH: f32 = 300.0;
const NAME_ZH_WIDTH: f32 = 180.0;
const DEPARTMENT_WIDTH: f32 = 240.0;
const DIMENSION_WIDTH: f32 = 210.0;
const INDICATOR_WIDTH: f32 = 250.0;
const LEVEL_WIDTH: f32 = 190.0;
const DATE_WIDTH: f32 = 110.0;

/// The draft being edited and the new department being typed.
#[derive(Debug, Default)]
pub struct SettingsDraft {
    pub workspace: Option<Workspace>,
    pub new_id: String,
    pub new_en: String,
    pub new_zh: String,
    /// Target dates as typed, by target index.
    pub dates: Vec<String>,
    /// The window was closed with changes not applied: ask before discarding them.
    pub confirm_close: bool,
}

/// Why the draft cannot be applied as it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Refusal {
    BadDate,
    DuplicateTarget,
}

impl Refusal {
    fn text(self) -> T {
        match self {
            Refusal::BadDate => T::BadDate,
            Refusal::DuplicateTarget => T::DuplicateTarget,
        }
    }
}

/// The workspace as Apply would save it: the draft with its typed dates.
fn applied(workspace: &Workspace, dates: &[String]) -> Result<Workspace, Refusal> {
    let mut applied = workspace.clone();
    for (target, typed) in applied.targets.iter_mut().zip(dates) {
        target.by = NaiveDate::parse_from_str(typed.trim(), "%Y-%m-%d").map_err(|_| Refusal::BadDate)?;
    }
    if !repeated_targets(&applied.targets).is_empty() {
        return Err(Refusal::DuplicateTarget);
    }
    Ok(applied)
}

impl SettingsDraft {
    /// Whether the draft differs from what is saved (a date that does not
    /// parse counts as a change: it was typed).
    fn is_changed(&self, saved: &Workspace) -> bool {
        let Some(workspace) = &self.workspace else {
            return false;
        };
        applied(workspace, &self.dates).map_or(true, |applied| applied != *saved)
    }

    /// Forgets the draft; the next opening starts from what is saved.
    fn reset(&mut self) {
        self.workspace = None;
        self.dates.clear();
        self.confirm_close = false;
    }
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
        .default_size([1120.0, 660.0])
        .vscroll(false)
        .show(ctx, |ui| settings_ui(ui, view, draft, out));
    if !open {
        if draft.is_changed(&view.data.workspace) {
            draft.confirm_close = true;
        } else {
            draft.reset();
            out.push(Command::ShowWorkspaceSettings(false));
        }
    }
    if draft.confirm_close {
        confirm_close_ui(ctx, lang, draft, out);
    }
}

/// "These settings have changes that are not applied yet": Apply, Discard or
/// Keep editing. Nothing typed is dropped without the user saying so.
fn confirm_close_ui(ctx: &egui::Context, lang: Lang, draft: &mut SettingsDraft, out: &mut Vec<Command>) {
    let Some(workspace) = &draft.workspace else {
        draft.confirm_close = false;
        return;
    };
    let outcome = applied(workspace, &draft.dates);
    let mut choice = None;
    let modal = egui::Modal::new(egui::Id::unique("settings-unapplied")).show(ctx, |ui| {
        ui.set_max_width(420.0);
        ui.strong(T::SettingsUnapplied.get(lang));
        if let Err(refusal) = outcome {
            ui.colored_label(ui.visuals().error_fg_color, refusal.text().get(lang));
        }
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui
                .add_enabled(outcome.is_ok(), egui::Button::new(T::ApplyAndClose.get(lang)))
                .clicked()
            {
                choice = Some(CloseChoice::Apply);
            }
            if ui.button(T::DiscardChanges.get(lang)).clicked() {
                choice = Some(CloseChoice::Discard);
            }
            if ui.button(T::KeepEditing.get(lang)).clicked() {
                choice = Some(CloseChoice::KeepEditing);
            }
        });
    });
    if modal.should_close() && choice.is_none() {
        choice = Some(CloseChoice::KeepEditing);
    }
    match (choice, outcome) {
        (Some(CloseChoice::Apply), Ok(applied)) => {
            out.push(Command::UpdateWorkspace(Box::new(applied)));
            out.push(Command::ShowWorkspaceSettings(false));
            draft.reset();
        }
        (Some(CloseChoice::Discard), _) => {
            out.push(Command::ShowWorkspaceSettings(false));
            draft.reset();
        }
        (Some(CloseChoice::KeepEditing), _) => draft.confirm_close = false,
        _ => {}
    }
}

#[derive(Clone, Copy)]
enum CloseChoice {
    Apply,
    Discard,
    KeepEditing,
}

fn settings_ui(ui: &mut Ui, view: &ViewCtx, draft: &mut SettingsDraft, out: &mut Vec<Command>) {
    let lang = view.lang;
    let Some(workspace) = draft.workspace.as_mut() else {
        return;
    };
    // The Apply bar stays in view below the sections, which scroll.
    egui::Panel::bottom("settings-apply").show(ui, |ui| {
        apply_bar_ui(ui, lang, workspace, &draft.dates, out);
    });
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                let label = ui.label(T::TitleEnglish.get(lang));
                ui.add(
                    egui::TextEdit::singleline(&mut workspace.title.en)
                        .desired_width(TITLE_EN_WIDTH)
                        .char_limit(TextField::WorkspaceTitle.limit()),
                )
                .labelled_by(label.id);
                let label = ui.label(T::TitleChinese.get(lang));
                ui.add(
                    egui::TextEdit::singleline(&mut workspace.title.zh)
                        .desired_width(TITLE_ZH_WIDTH)
                        .char_limit(TextField::WorkspaceTitle.limit()),
                )
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
            ui.checkbox(&mut workspace.allow_self_approval, T::AllowSelfApproval.get(lang))
                .on_hover_text(T::AllowSelfApprovalHint.get(lang));
            ui.separator();
            ui.heading(T::ReportSettingsHeading.get(lang));
            ui.label(RichText::new(T::ReportSettingsHint.get(lang)).weak());
            report_settings_ui(ui, lang, &mut workspace.report);
            ui.separator();
        });
}

/// The official style's issuing office, document number and sign-off names.
fn report_settings_ui(ui: &mut Ui, lang: Lang, report: &mut crate::model::ReportSettings) {
    egui::Grid::new("settings-report").num_columns(2).show(ui, |ui| {
        let field = |ui: &mut Ui, title: T, text: &mut String| {
            let label = ui.label(title.get(lang));
            ui.add(
                egui::TextEdit::singleline(text)
                    .desired_width(TITLE_EN_WIDTH)
                    .char_limit(TextField::ReportSetting.limit()),
            )
            .labelled_by(label.id);
            ui.end_row();
        };
        field(ui, T::ReportOfficeEnglish, &mut report.issuing_office.en);
        field(ui, T::ReportOfficeChinese, &mut report.issuing_office.zh);
        field(ui, T::ReportDocumentNumber, &mut report.document_number);
        field(ui, T::BriefPreparedBy, &mut report.prepared_by);
        field(ui, T::BriefReviewedBy, &mut report.reviewed_by);
        field(ui, T::BriefApprovedBy, &mut report.approved_by);
    });
}

/// Apply, or why the draft cannot be applied as it is.
fn apply_bar_ui(ui: &mut Ui, lang: Lang, workspace: &Workspace, dates: &[String], out: &mut Vec<Command>) {
    let outcome = applied(workspace, dates);
    ui.horizontal(|ui| {
        if ui
            .add_enabled(
                outcome.is_ok(),
                egui::Button::new(RichText::new(T::Apply.get(lang)).strong()),
            )
            .clicked()
            && let Ok(applied) = &outcome
        {
            out.push(Command::UpdateWorkspace(Box::new(applied.clone())));
        }
        if let Err(refusal) = outcome {
            ui.colored_label(ui.visuals().error_fg_color, refusal.text().get(lang));
        }
    });
}

fn departments_ui(ui: &mut Ui, lang: Lang, workspace: &mut Workspace) {
    // The parent pickers list the departments as they stood at the frame's start.
    let all: Vec<Department> = workspace.departments.clone();
    egui::Grid::new("settings-departments")
        .striped(true)
        .show(ui, |ui| {
            // Each field is named by its column and its department's id
            // ("Name (English) finance-bureau"), for screen readers and tests.
            let heads: Vec<egui::Id> = [T::Id, T::NameEn, T::NameZh, T::Kind, T::Parent, T::Archived]
                .iter()
                .map(|title| ui.strong(title.get(lang)).id)
                .collect();
            let head = |column: usize| heads.get(column).copied().unwrap_or(egui::Id::NULL);
            ui.end_row();
            for (index, department) in workspace.departments.iter_mut().enumerate() {
                let row = ui.monospace(&department.id).id;
                ui.add(
                    egui::TextEdit::singleline(&mut department.name.en)
                        .char_limit(TextField::DepartmentName.limit())
                        .desired_width(NAME_EN_WIDTH)
                        .min_size(egui::vec2(NAME_EN_WIDTH, 0.0)),
                )
                .labelled_by(head(1))
                .labelled_by(row);
                ui.add(
                    egui::TextEdit::singleline(&mut department.name.zh)
                        .char_limit(TextField::DepartmentName.limit())
                        .desired_width(NAME_ZH_WIDTH)
                        .min_size(egui::vec2(NAME_ZH_WIDTH, 0.0)),
                )
                .labelled_by(head(2))
                .labelled_by(row);
                egui::ComboBox::new(("kind", index), "")
                    .selected_text(crate::present::catalogue::department_kind(department.kind, lang))
                    .show_ui(ui, |ui| {
                        for kind in DepartmentKind::ALL {
                            ui.selectable_value(
                                &mut department.kind,
                                kind,
                                crate::present::catalogue::department_kind(kind, lang),
                            );
                        }
                    })
                    .response
                    .labelled_by(head(3))
                    .labelled_by(row);
                let current = department
                    .parent
                    .as_ref()
                    .and_then(|p| all.iter().find(|d| d.id == *p));
                let others: Vec<&Department> = all.iter().filter(|d| d.id != department.id).collect();
                let label = format!("{} {}", T::Parent.get(lang), department.id);
                if let Some(choice) = picker::department_filter_cell_ui(
                    ui,
                    &format!("settings-parent-{index}"),
                    &label,
                    lang,
                    &others,
                    current,
                    T::NoParent.get(lang),
                    DEPARTMENT_WIDTH,
                ) {
                    department.parent = choice.into_department();
                }
                ui.checkbox(&mut department.archived, "")
                    .labelled_by(head(5))
                    .labelled_by(row);
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
        ui.add(
            egui::TextEdit::singleline(en)
                .desired_width(180.0)
                .char_limit(TextField::DepartmentName.limit()),
        )
        .labelled_by(label.id);
        let label = ui.label(T::NameZh.get(lang));
        ui.add(
            egui::TextEdit::singleline(zh)
                .desired_width(140.0)
                .char_limit(TextField::DepartmentName.limit()),
        )
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
            let text =
                crate::present::catalogue::problems::id_error(crate::model::IdSubject::Department, &e, lang);
            ui.colored_label(ui.visuals().error_fg_color, text);
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
    let departments: Vec<Department> = workspace.departments.clone();
    let choices: Vec<&Department> = departments.iter().collect();
    let mut remove = None;
    let repeated = repeated_targets(&workspace.targets);
    egui::Grid::new("settings-targets").striped(true).show(ui, |ui| {
        // Each field is named by its column, for screen readers and tests.
        let heads: Vec<egui::Id> = [
            T::Department,
            T::Dimension,
            T::Indicator,
            T::Target,
            T::TargetDate,
        ]
        .iter()
        .map(|title| ui.strong(title.get(lang)).id)
        .collect();
        let head = |column: usize| heads.get(column).copied().unwrap_or(egui::Id::NULL);
        ui.end_row();
        for (index, target) in workspace.targets.iter_mut().enumerate() {
            let current = target
                .department
                .as_ref()
                .and_then(|id| departments.iter().find(|d| d.id == *id));
            let label = format!("{} {}", T::Department.get(lang), index + 1);
            if let Some(choice) = picker::department_filter_cell_ui(
                ui,
                &format!("settings-target-department-{index}"),
                &label,
                lang,
                &choices,
                current,
                T::AllDepartments.get(lang),
                DEPARTMENT_WIDTH,
            ) {
                target.department = choice.into_department();
            }
            let dimension_name = framework
                .dimension(&target.dimension)
                .map_or("?", |d| d.name.get(lang));
            egui::ComboBox::new(("target-dim", index), "")
                .width(DIMENSION_WIDTH)
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
                })
                .response
                .labelled_by(head(1));
            let indicator_name = target
                .indicator
                .as_deref()
                .and_then(|id| framework.indicator(id))
                .map_or_else(|| "—".to_owned(), |(_, i)| i.name.get(lang).to_owned());
            egui::ComboBox::new(("target-ind", index), "")
                .width(INDICATOR_WIDTH)
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
                })
                .response
                .labelled_by(head(2));
            egui::ComboBox::new(("target-level", index), "")
                .width(LEVEL_WIDTH)
                .selected_text(format!(
                    "{} · {}",
                    target.level.get(),
                    framework.level_name(target.level, lang)
                ))
                .show_ui(ui, |ui| {
                    for level in Level::all() {
                        let name = format!("{} · {}", level.get(), framework.level_name(level, lang));
                        ui.selectable_value(&mut target.level, level, name);
                    }
                })
                .response
                .labelled_by(head(3));
            if let Some(date) = dates.get_mut(index) {
                ui.add(
                    egui::TextEdit::singleline(date)
                        .desired_width(DATE_WIDTH)
                        .min_size(egui::vec2(DATE_WIDTH, 0.0))
                        .hint_text("YYYY-MM-DD"),
                )
                .labelled_by(head(4));
            }
            if ui.small_button(T::Remove.get(lang)).clicked() {
                remove = Some(index);
            }
            if repeated.contains(&index) {
                ui.colored_label(ui.visuals().error_fg_color, "⚠")
                    .on_hover_text(T::DuplicateTarget.get(lang));
            }
            ui.end_row();
        }
    });
    if let Some(index) = remove {
        workspace.targets.remove(index);
        dates.remove(index);
    }
    // A new target starts on the first dimension without a workspace-wide
    // target, so that it does not repeat one (the first, if all have one).
    let untargeted = framework.dimensions.iter().find(|d| {
        !workspace
            .targets
            .iter()
            .any(|t| t.department.is_none() && t.indicator.is_none() && t.dimension == d.id)
    });
    if ui.button(T::AddTarget.get(lang)).clicked()
        && let Some(dimension) = untargeted.or(framework.dimensions.first())
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
    let label = if strong {
        ui.strong(name)
    } else {
        ui.label(format!("    {name}"))
    };
    let mut value = weights.get(id).copied().unwrap_or(default);
    if ui
        // The range validation allows; a weight read from the file is shown
        // as it is, never clamped behind the user's back.
        .add(
            egui::DragValue::new(&mut value)
                .range(0.01..=crate::model::MAX_WEIGHT)
                .clamp_existing_to_range(false)
                .speed(0.05),
        )
        .labelled_by(label.id)
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
