//! The frame around the views: top bar (workspace, language, theme,
//! problems), left panel (department tree with search and status badges,
//! period picker), the problems panel, the welcome screen, and the tabs.

use egui::{RichText, Ui};

use super::command::{Command, ExportRequest};
use super::state::{AppState, Prefs, Tab, ThemeChoice};
use super::views::{self, ViewCtx};
use super::widgets::status_badge;
use crate::analysis::Flag;
use crate::model::Lang;
use crate::present::catalogue::T;
use crate::present::catalogue::views as views_text;
use crate::present::format;
use crate::report::{Format, ReportKind, ReportStyle};
use crate::store::Severity;

pub fn shell_ui(ui: &mut Ui, prefs: &Prefs, state: &mut AppState, out: &mut Vec<Command>) {
    let lang = prefs.lang;
    egui::Panel::top("top-bar").show(ui, |ui| top_bar_ui(ui, prefs, state, out));
    if let Some(held) = &state.held_elsewhere {
        egui::Panel::top("held-elsewhere").show(ui, |ui| held_elsewhere_ui(ui, lang, held, out));
    }
    if state.notice.is_some() || !state.recoveries.is_empty() || !state.plan_recoveries.is_empty() {
        egui::Panel::top("notices").show(ui, |ui| notices_ui(ui, lang, state, out));
    }
    if state.workspace.is_some() && state.show_problems {
        egui::Panel::bottom("problems")
            .resizable(true)
            .default_size(160.0)
            .show(ui, |ui| problems_ui(ui, lang, state, out));
    }
    if state.workspace.is_some() {
        egui::Panel::left("departments")
            .resizable(true)
            .default_size(250.0)
            .min_size(180.0)
            .show(ui, |ui| left_panel_ui(ui, lang, state, out));
    }
    egui::CentralPanel::default().show(ui, |ui| {
        if let Some(loading) = &state.loading {
            loading_ui(ui, lang, loading);
            return;
        }
        let (Some(open), Some(derived)) = (&state.workspace, &state.derived) else {
            welcome_ui(ui, prefs, state, out);
            return;
        };
        tabs_ui(ui, lang, prefs.tab, out);
        ui.separator();
        let ctx = ViewCtx {
            lang,
            data: &open.loaded.data,
            loaded: &open.loaded,
            derived,
            selection: &state.selection,
            dark: ui.visuals().dark_mode,
            session: state.session.as_ref(),
            user_name: &prefs.user_name,
            recoveries: &state.recoveries,
            plan_editor: &state.plan_editor,
            search: &state.search,
        };
        views::view_ui(ui, prefs.tab, &ctx, &mut state.views, out);
        views::plan::action_form_window(ui.ctx(), &ctx, &mut state.views, out);
        if state.show_workspace_settings {
            views::settings::settings_window(ui.ctx(), &ctx, &mut state.views, out);
        }
    });
    super::collect::send_window_ui(ui.ctx(), lang, state, out);
    super::collect::import_window_ui(ui.ctx(), lang, state, out);
    if state.show_about {
        let journals = state.workspace.as_ref().and(state.journals.as_deref());
        super::about::about_window_ui(ui.ctx(), lang, journals, out);
    }
    if let Some(prompt) = &mut state.paths.prompt {
        super::dialogs::path_prompt_ui(ui.ctx(), lang, prompt, out);
    }
}

fn top_bar_ui(ui: &mut Ui, prefs: &Prefs, state: &AppState, out: &mut Vec<Command>) {
    let lang = prefs.lang;
    ui.horizontal(|ui| {
        ui.heading(RichText::new(T::AppName.get(lang)).strong());
        if let Some(open) = &state.workspace {
            ui.separator();
            ui.label(RichText::new(open.loaded.data.workspace.title.get(lang)).strong())
                .on_hover_text(open.loaded.root.display().to_string());
        }
        ui.separator();
        ui.menu_button(T::Workspace.get(lang), |ui| {
            if ui.button(T::Open.get(lang)).clicked() {
                out.push(Command::ShowOpenDialog);
                ui.close();
            }
            if ui.button(T::NewWorkspace.get(lang)).clicked() {
                out.push(Command::NewWorkspace);
                ui.close();
            }
            if state.workspace.is_some() {
                if ui.button(T::Reload.get(lang)).clicked() {
                    out.push(Command::Reload);
                    ui.close();
                }
                // Opens the window (or keeps it open): closing is the window's
                // own, which asks before unapplied changes are discarded.
                if ui.button(T::WorkspaceSettings.get(lang)).clicked() {
                    out.push(Command::ShowWorkspaceSettings(true));
                    ui.close();
                }
                ui.separator();
                super::collect::menu_ui(ui, lang, out);
            }
        });
        if state.workspace.is_some() {
            export_menu_ui(ui, lang, state, out);
        }
        if let Some(open) = &state.workspace {
            let count = open.loaded.problems.len();
            let errors = open.loaded.problems.iter().any(|p| p.severity == Severity::Error);
            let label = format!("⚠ {} ({count})", T::Problems.get(lang));
            let text = if errors {
                RichText::new(label).color(ui.visuals().error_fg_color)
            } else {
                RichText::new(label)
            };
            if ui.selectable_label(state.show_problems, text).clicked() {
                out.push(Command::ToggleProblems);
            }
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui
                .selectable_label(state.show_about, T::About.get(lang))
                .clicked()
            {
                out.push(Command::ShowAbout(!state.show_about));
            }
            ui.separator();
            theme_picker_ui(ui, prefs, out);
            ui.separator();
            for candidate in [Lang::Zh, Lang::En] {
                let name = crate::present::catalogue::terms::language_name(candidate);
                if ui.selectable_label(lang == candidate, name).clicked() && lang != candidate {
                    out.push(Command::SetLang(candidate));
                }
            }
            ui.label(T::Language.get(lang));
        });
    });
}

/// The banner of a workspace another app holds: who, that nothing can be
/// changed here, and the way to edit anyway.
fn held_elsewhere_ui(ui: &mut Ui, lang: Lang, held: &super::state::HeldElsewhere, out: &mut Vec<Command>) {
    egui::Frame::group(ui.style())
        .fill(ui.visuals().warn_fg_color.gamma_multiply(0.15))
        .show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                ui.strong(crate::present::catalogue::lock::held_by(
                    held.holder.as_ref(),
                    lang,
                ));
                ui.label(T::HeldReadOnly.get(lang));
                if ui.button(T::EditAnyway.get(lang)).clicked() {
                    out.push(Command::EditAnyway);
                }
            });
        });
}

/// Messages under the top bar: restorable edits and the last notice. A
/// panel of its own, so it takes the height it needs when it appears.
fn notices_ui(ui: &mut Ui, lang: Lang, state: &AppState, out: &mut Vec<Command>) {
    recoveries_ui(ui, lang, state, out);
    if let Some(notice) = &state.notice {
        ui.horizontal(|ui| {
            let colour = if notice.error {
                ui.visuals().error_fg_color
            } else {
                ui.visuals().text_color()
            };
            ui.label(RichText::new(&notice.text).color(colour));
            if ui.small_button(T::Close.get(lang)).clicked() {
                out.push(Command::DismissNotice);
            }
        });
    }
}

/// Offers unsaved edits found from an earlier run (a crash): assessments
/// and plans alike, each with Restore and Discard.
fn recoveries_ui(ui: &mut Ui, lang: Lang, state: &AppState, out: &mut Vec<Command>) {
    let assessments = state.recoveries.iter().enumerate().map(|(index, recovery)| {
        (
            format!(
                "{} · {}",
                recovery.assessment.department,
                format::date(recovery.assessment.period, lang)
            ),
            Command::Restore(index),
            Command::DiscardRecovery(index),
        )
    });
    let plans = state.plan_recoveries.iter().enumerate().map(|(index, recovery)| {
        (
            format!(
                "{} · {}",
                T::PlanTab.get(lang),
                crate::store::plan_path(&recovery.scope).display()
            ),
            Command::RestorePlan(index),
            Command::DiscardPlanRecovery(index),
        )
    });
    let found: Vec<(String, Command, Command)> = assessments.chain(plans).collect();
    if found.is_empty() {
        return;
    }
    egui::Frame::group(ui.style())
        .fill(ui.visuals().warn_fg_color.gamma_multiply(0.15))
        .show(ui, |ui| {
            ui.strong(T::RecoveryFound.get(lang));
            for (label, restore, discard) in found {
                ui.horizontal(|ui| {
                    ui.label(label);
                    if ui.button(T::Restore.get(lang)).clicked() {
                        out.push(restore);
                    }
                    if ui.button(T::Discard.get(lang)).clicked() {
                        out.push(discard);
                    }
                });
            }
        });
}

fn export_menu_ui(ui: &mut Ui, lang: Lang, state: &AppState, out: &mut Vec<Command>) {
    if state.exporting {
        ui.spinner();
        ui.label(T::Exporting.get(lang));
        return;
    }
    // The menu stays open when the style check box is clicked; a format
    // button closes it.
    let config = egui::containers::menu::MenuConfig::new()
        .close_behavior(egui::PopupCloseBehavior::CloseOnClickOutside);
    egui::containers::menu::MenuButton::new(T::Export.get(lang))
        .config(config)
        .ui(ui, |ui| {
            let style = if state.export_official {
                ReportStyle::Official
            } else {
                ReportStyle::Plain
            };
            let mut official = state.export_official;
            if ui
                .checkbox(&mut official, T::ExportOfficialStyle.get(lang))
                .on_hover_text(T::ExportOfficialStyleHelp.get(lang))
                .changed()
            {
                out.push(Command::SetExportOfficial(official));
            }
            ui.separator();
            let department = state.selection.department.clone();
            for (scope, title) in [(None, T::WholeGovernment), (department, T::SelectedDepartment)] {
                if title == T::SelectedDepartment && scope.is_none() {
                    continue;
                }
                ui.label(RichText::new(title.get(lang)).strong());
                // The brief first: what leadership reads, in at most four pages.
                for format in [Format::Pdf, Format::Docx, Format::Html] {
                    let label = views_text::export_item(
                        Some(T::BriefLabel.get(lang)),
                        format_name(format),
                        title.get(lang),
                        lang,
                    );
                    if ui.button(label).clicked() {
                        out.push(Command::Export(ExportRequest {
                            format,
                            department: scope.clone(),
                            kind: ReportKind::Brief,
                            style,
                        }));
                        ui.close();
                    }
                }
                for format in Format::ALL {
                    let label = views_text::export_item(None, format_name(format), title.get(lang), lang);
                    if ui.button(label).clicked() {
                        out.push(Command::Export(ExportRequest {
                            format,
                            department: scope.clone(),
                            kind: ReportKind::Full,
                            style,
                        }));
                        ui.close();
                    }
                }
                ui.separator();
            }
        });
}

/// A report format as the menu names it.
fn format_name(format: Format) -> &'static str {
    match format {
        Format::Html => "HTML",
        Format::Pdf => "PDF",
        Format::Xlsx => "Excel",
        Format::Csv => "CSV",
        Format::Docx => "Word",
    }
}

fn theme_picker_ui(ui: &mut Ui, prefs: &Prefs, out: &mut Vec<Command>) {
    let lang = prefs.lang;
    let name = |theme: ThemeChoice| match theme {
        ThemeChoice::Light => T::ThemeLight.get(lang),
        ThemeChoice::Dark => T::ThemeDark.get(lang),
        ThemeChoice::System => T::ThemeSystem.get(lang),
    };
    egui::ComboBox::new("theme", T::Theme.get(lang))
        .selected_text(name(prefs.theme))
        .show_ui(ui, |ui| {
            for theme in [ThemeChoice::Light, ThemeChoice::Dark, ThemeChoice::System] {
                if ui.selectable_label(prefs.theme == theme, name(theme)).clicked() {
                    out.push(Command::SetTheme(theme));
                }
            }
        });
}

fn tab_name(tab: Tab) -> T {
    match tab {
        Tab::Overview => T::Overview,
        Tab::Department => T::Department,
        Tab::Assess => T::Assess,
        Tab::Trends => T::Trends,
        Tab::Compare => T::Compare,
        Tab::Plan => T::PlanTab,
        Tab::Framework => T::Framework,
    }
}

fn tabs_ui(ui: &mut Ui, lang: Lang, current: Tab, out: &mut Vec<Command>) {
    ui.horizontal(|ui| {
        for tab in Tab::ALL {
            let text = RichText::new(tab_name(tab).get(lang)).size(16.0);
            if ui.selectable_label(current == tab, text).clicked() && current != tab {
                out.push(Command::SetTab(tab));
            }
        }
    });
}

fn left_panel_ui(ui: &mut Ui, lang: Lang, state: &mut AppState, out: &mut Vec<Command>) {
    let Some(derived) = &state.derived else {
        return;
    };
    ui.add_space(4.0);
    ui.horizontal(|ui| {
        let selected = state
            .selection
            .period
            .map_or_else(|| T::LatestPeriod.get(lang).to_owned(), |p| format::date(p, lang));
        egui::ComboBox::new("period", T::Period.get(lang))
            .selected_text(selected)
            .show_ui(ui, |ui| {
                if ui
                    .selectable_label(state.selection.period.is_none(), T::LatestPeriod.get(lang))
                    .clicked()
                {
                    out.push(Command::SetPeriod(None));
                }
                for period in derived.periods.iter().rev() {
                    if ui
                        .selectable_label(
                            state.selection.period == Some(*period),
                            format::date(*period, lang),
                        )
                        .clicked()
                    {
                        out.push(Command::SetPeriod(Some(*period)));
                    }
                }
            });
    });
    basis_switch_ui(ui, state.selection.basis, lang, out);
    ui.add(
        egui::TextEdit::singleline(&mut state.search)
            .hint_text(T::Search.get(lang))
            .desired_width(f32::INFINITY),
    );
    ui.separator();
    ui.label(RichText::new(T::Departments.get(lang)).strong());
    department_tree_ui(ui, lang, state, out);
}

/// The departments, each parent unit (district, county) heading a group of
/// those under it with its size and status counts; a group opens and closes
/// by its arrow. Departments without a parent unit are listed flat. Only
/// the rows in view are laid out; the rows themselves are memoised.
fn department_tree_ui(ui: &mut Ui, lang: Lang, state: &AppState, out: &mut Vec<Command>) {
    use super::widgets::grouping;
    use crate::present::hierarchy::Row;
    let (Some(open), Some(derived)) = (&state.workspace, &state.derived) else {
        return;
    };
    let data = &open.loaded.data;
    let tree_id = egui::Id::unique("departments.tree");
    let input = grouping::Input {
        workspace: &data.workspace,
        derived,
        period: state.selection.period,
        basis: state.selection.basis,
        search: &state.search,
        head_row: false,
    };
    let grouped = grouping::grouped(ui, tree_id, &input);
    if grouped.rows.is_empty() {
        ui.weak(if grouped.searching {
            T::NoDepartmentMatches.get(lang)
        } else {
            T::NoData.get(lang)
        });
        return;
    }
    let departments = &data.workspace.departments;
    let statuses = &derived.summary.departments;
    let row_height = ui.spacing().interact_size.y;
    let mut toggled = None;
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show_rows(ui, row_height, grouped.rows.len(), |ui, range| {
            for row in &grouped.rows[range] {
                let (index, depth, entry) = match *row {
                    Row::Group { entry, open } => {
                        let head = grouped.hierarchy.entries.get(entry).map_or(0, |e| e.head);
                        (head, 0, Some((entry, open)))
                    }
                    Row::Department { index, depth } => (index, depth, None),
                };
                let Some(department) = derived
                    .department_index
                    .get(index)
                    .copied()
                    .flatten()
                    .and_then(|i| departments.get(i))
                else {
                    continue;
                };
                let width = ui.available_width();
                ui.allocate_ui_with_layout(
                    egui::vec2(width, row_height),
                    egui::Layout::left_to_right(egui::Align::Center),
                    |ui| {
                        // The arrow's column, so heads and lone departments line up.
                        ui.add_space(depth.min(8) as f32 * 14.0);
                        let name = department.name.get(lang);
                        match entry {
                            Some((entry, open)) => {
                                let hint = if open { T::GroupClose } else { T::GroupOpen };
                                let accessible =
                                    crate::present::catalogue::tagged_text(name, hint.get(lang), lang);
                                let arrow = grouping::arrow_ui(ui, open, !grouped.searching, &accessible);
                                if arrow.on_hover_text(hint.get(lang)).clicked() {
                                    toggled = Some(entry);
                                }
                            }
                            None if grouped.hierarchy.has_groups() && depth == 0 => {
                                ui.add_space(grouping::ARROW_WIDTH + ui.spacing().item_spacing.x);
                            }
                            None => {}
                        }
                        let status = statuses.get(index).and_then(|d| d.workflow);
                        status_badge(ui, lang, status);
                        let unreadable = data.unreadable_latest(&department.id);
                        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                            if let Some(file) = &unreadable {
                                // Its newest file could not be read: say so here too.
                                ui.colored_label(ui.visuals().warn_fg_color, "⚠").on_hover_text(
                                    crate::present::catalogue::unreadable_text(&file.file, lang),
                                );
                            }
                            let tampered = statuses
                                .get(index)
                                .is_some_and(|d| d.flags.contains(&Flag::ChangedAfterApproval));
                            if tampered {
                                // Approved, but the answers are no longer the approved ones.
                                let mark = crate::present::catalogue::tamper::mark(lang);
                                let sign = ui.colored_label(ui.visuals().error_fg_color, "⚠");
                                sign.widget_info(|| {
                                    egui::WidgetInfo::labeled(egui::Role::Label, true, &mark)
                                });
                                sign.on_hover_text(mark);
                            }
                            if let Some((entry, _)) = entry
                                && let (Some(figures), Some(group)) =
                                    (grouped.roll_ups.get(entry), grouped.hierarchy.entries.get(entry))
                            {
                                ui.horizontal(|ui| {
                                    grouping::status_counts_ui(ui, lang, group.size(), figures)
                                });
                            }
                            ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                                let room = ui.available_width() - ui.spacing().button_padding.x * 2.0;
                                let font = egui::TextStyle::Button.resolve(ui.style());
                                let shown = grouping::fit_name(ui, name, font, room);
                                let selected =
                                    state.selection.department.as_deref() == Some(department.id.as_str());
                                let label = egui::Button::selectable(selected, shown.as_ref()).truncate();
                                let mut response = ui.add(label);
                                if shown.as_ref() != name {
                                    // A screen reader (and a test) hears the whole name.
                                    response.widget_info(|| {
                                        egui::WidgetInfo::selected(egui::Role::Button, true, selected, name)
                                    });
                                    response = response.on_hover_text(name);
                                }
                                if response.clicked() {
                                    out.push(Command::SelectDepartment(department.id.clone()));
                                }
                            });
                        });
                    },
                );
            }
        });
    if let Some(entry) = toggled {
        grouping::toggle(ui, tree_id, &grouped, entry);
    }
}

fn problems_ui(ui: &mut Ui, lang: Lang, state: &AppState, out: &mut Vec<Command>) {
    let Some(open) = &state.workspace else { return };
    ui.horizontal(|ui| {
        ui.strong(T::Problems.get(lang));
        if ui.button(T::OpenFolder.get(lang)).clicked() {
            out.push(Command::RevealFolder(open.loaded.root.clone()));
        }
        if ui.button(T::Close.get(lang)).clicked() {
            out.push(Command::ToggleProblems);
        }
    });
    if open.loaded.problems.is_empty() {
        ui.label(T::NoProblems.get(lang));
        return;
    }
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for problem in &open.loaded.problems {
                ui.horizontal(|ui| {
                    let colour = match problem.severity {
                        Severity::Error => ui.visuals().error_fg_color,
                        Severity::Warning => ui.visuals().warn_fg_color,
                    };
                    let location = format!("{}:{}:{}", problem.file.display(), problem.line, problem.column);
                    ui.label(RichText::new(location).monospace().color(colour));
                    ui.label(crate::present::catalogue::problems::message(problem, lang));
                    let folder = open.loaded.root.join(&problem.file);
                    let folder = folder
                        .parent()
                        .map(|p| p.to_path_buf())
                        .unwrap_or_else(|| open.loaded.root.clone());
                    if ui.small_button(T::OpenFolder.get(lang)).clicked() {
                        out.push(Command::RevealFolder(folder));
                    }
                });
            }
        });
}

/// A workspace being read: the folder and how many files have been read.
fn loading_ui(ui: &mut Ui, lang: Lang, loading: &super::state::Loading) {
    let (read, total) = loading.progress.get();
    ui.vertical_centered(|ui| {
        ui.add_space(80.0);
        ui.heading(loading.folder.display().to_string());
        ui.add_space(12.0);
        let text = crate::present::catalogue::views::loading_text(read, total, lang);
        // Counts are far below 2^24, so the fraction is exact enough.
        let fraction = if total == 0 {
            0.0
        } else {
            read as f32 / total as f32
        };
        ui.add(
            egui::ProgressBar::new(fraction)
                .desired_width(420.0)
                .text(text)
                .animate(true),
        );
    });
}

fn welcome_ui(ui: &mut Ui, prefs: &Prefs, state: &mut AppState, out: &mut Vec<Command>) {
    let lang = prefs.lang;
    ui.vertical_centered(|ui| {
        ui.add_space(60.0);
        ui.heading(RichText::new(T::Welcome.get(lang)).size(26.0));
        ui.add_space(8.0);
        ui.label(T::WelcomeText.get(lang));
        ui.add_space(16.0);
        if ui
            .button(RichText::new(T::OpenWorkspace.get(lang)).size(16.0))
            .clicked()
        {
            out.push(Command::ShowOpenDialog);
        }
        if ui
            .button(RichText::new(T::NewWorkspace.get(lang)).size(16.0))
            .clicked()
        {
            out.push(Command::NewWorkspace);
        }
        let here = state.sample.here_is_workspace();
        if here || state.sample.copy.is_some() {
            let button = ui.button(RichText::new(T::OpenSample.get(lang)).size(16.0));
            let button = match &state.sample.copy {
                Some(copy) if !here => {
                    button.on_hover_text(format!("{}\n{}", T::OpenSampleCopyHint.get(lang), copy.display()))
                }
                _ => button,
            };
            if button.clicked() {
                out.push(Command::OpenSample);
            }
        } else {
            // Away from the repository there is no sample folder to open: say how to make one.
            ui.weak(T::SampleHint.get(lang));
        }
        ui.add_space(8.0);
        // The typed path, centred under the buttons (a plain horizontal row
        // would start at the window's left edge).
        let row = egui::vec2(520.0, ui.spacing().interact_size.y);
        ui.allocate_ui_with_layout(row, egui::Layout::left_to_right(egui::Align::Center), |ui| {
            let field = ui.add(
                egui::TextEdit::singleline(&mut state.typed_path)
                    .desired_width(420.0)
                    .hint_text(T::TypedWorkspaceHint.get(lang)),
            );
            let field = field.on_hover_text(T::TypedWorkspaceHint.get(lang));
            let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            if (ui.button(T::Open.get(lang)).clicked() || enter) && !state.typed_path.trim().is_empty() {
                out.push(Command::OpenWorkspace(state.typed_path.trim().into()));
            }
        });
        if !prefs.recent.is_empty() {
            ui.add_space(16.0);
            ui.strong(T::Recent.get(lang));
            for folder in &prefs.recent {
                if ui.link(folder.display().to_string()).clicked() {
                    out.push(Command::OpenWorkspace(folder.clone()));
                }
            }
        }
    });
}

/// The "Approved only" switch: which assessments every figure counts.
fn basis_switch_ui(ui: &mut Ui, basis: crate::analysis::Basis, lang: Lang, out: &mut Vec<Command>) {
    use crate::analysis::Basis;
    let mut approved_only = basis == Basis::Approved;
    if ui
        .checkbox(&mut approved_only, T::ApprovedOnly.get(lang))
        .on_hover_text(T::ApprovedOnlyHint.get(lang))
        .changed()
    {
        out.push(Command::SetBasis(if approved_only {
            Basis::Approved
        } else {
            Basis::Latest
        }));
    }
}
