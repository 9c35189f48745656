//! Collecting assessments from departments without the app, in the app:
//! "Send questionnaires…" writes one workbook per department into a folder
//! (see [`crate::exchange::questionnaire`]); "Import questionnaires…"
//! checks every returned workbook in a folder first, shows what each would
//! change or what is wrong with it, and imports only when asked (see
//! [`crate::exchange::import_file`]). The file work runs on the worker.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use egui::{RichText, Ui};

use super::GovApp;
use super::command::Command;
use super::io::{Done, Failure, Job};
use super::state::AppState;
use crate::exchange::{self, FileReport, ImportOptions, LineKind};
use crate::model::limits::TextField;
use crate::model::{Dataset, Lang, Role};
use crate::present::catalogue::{T, collect as said, consensus, exchange as words};
use crate::store;

/// The windows' state.
#[derive(Debug, Default)]
pub struct CollectState {
    pub send: Option<SendDraft>,
    pub import: Option<ImportWindow>,
}

/// "Send questionnaires", before a folder is chosen.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SendDraft {
    /// The period the answers are for, as typed (YYYY-MM-DD).
    pub period: String,
    /// Every department, or only the one selected.
    pub all: bool,
}

/// Which questionnaires to write.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SendRequest {
    pub period: NaiveDate,
    /// `None`: every department that is not archived.
    pub department: Option<String>,
}

/// The import window: the folder, what checking (or importing) each file
/// found, and how to import.
#[derive(Debug)]
pub struct ImportWindow {
    pub folder: PathBuf,
    /// Each file's lines (see [`exchange::report_lines`]) and whether it can go in.
    pub files: Vec<ImportedFile>,
    /// The files were imported (not only checked).
    pub done: bool,
    /// A check or import is running.
    pub busy: bool,
    pub as_response: bool,
    pub role: Role,
    /// Who answered; empty: the name on each file's cover.
    pub name: String,
}

/// One file of the import window.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportedFile {
    pub path: PathBuf,
    pub lines: Vec<(LineKind, String)>,
    /// It passed every check (and went in, once imported).
    pub ok: bool,
}

/// The returned workbooks in `folder`: `.xlsx` files, not hidden, not an
/// office suite's lock file (`~$name.xlsx`, `.~lock.name.xlsx#`), by name.
pub fn workbooks_in(folder: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(folder)?
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| {
            let name = path.file_name().map(|n| n.to_string_lossy()).unwrap_or_default();
            !name.starts_with('.')
                && !name.starts_with("~$")
                && name.to_lowercase().ends_with(".xlsx")
                && path.is_file()
        })
        .collect();
    files.sort();
    Ok(files)
}

/// Writes the questionnaires of `request` into `folder` (created if
/// missing), one `<department>.xlsx` each; returns how many.
pub fn write_questionnaires(
    root: &Path,
    request: &SendRequest,
    folder: &Path,
    lang: Lang,
) -> Result<usize, Failure> {
    let loaded = store::load(root).map_err(Failure::Load)?;
    let data = &loaded.data;
    let ids: Vec<String> = match &request.department {
        Some(id) => vec![id.clone()],
        None => data
            .workspace
            .active_departments()
            .map(|d| d.id.clone())
            .collect(),
    };
    store::create_dir_all_synced(folder).map_err(|error| Failure::Io {
        path: folder.to_path_buf(),
        error,
        writing: true,
    })?;
    for id in &ids {
        let path = folder.join(exchange::file_name(id));
        if store::owned_by_store(root, &path) {
            let said = crate::present::catalogue::cli::Say::OutIsStoreFile {
                out: &path,
                dir: root,
            };
            return Err(Failure::Text(said.text(lang)));
        }
        let bytes = exchange::questionnaire(data, id, request.period, lang)
            .map_err(|e| Failure::Text(format!("{id}: {e}")))?;
        store::atomic_write(&path, &bytes).map_err(|error| Failure::Io {
            path: path.clone(),
            error,
            writing: true,
        })?;
    }
    Ok(ids.len())
}

/// Checks (`options.dry_run`) or imports each file, one after the other
/// against the workspace as saved, so that two files for the same
/// assessment go in in turn.
pub fn import_files(
    root: &Path,
    files: &[PathBuf],
    options: &ImportOptions,
    lang: Lang,
) -> Result<Vec<ImportedFile>, Failure> {
    let mut loaded = store::load(root).map_err(Failure::Load)?;
    let mut out = Vec::with_capacity(files.len());
    for path in files {
        let file = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        let report = match store::read_regular(path) {
            Ok((bytes, _)) => exchange::import_file(&mut loaded, &file, &bytes, options, lang),
            Err(error) => {
                let problem = crate::present::exchange::ImportProblem {
                    file: path.display().to_string(),
                    sheet: None,
                    cell: None,
                    issue: crate::present::exchange::Issue::Unreadable {
                        detail: error.to_string(),
                    },
                };
                out.push(ImportedFile {
                    path: path.clone(),
                    lines: vec![(LineKind::Problem, problem.line(lang))],
                    ok: false,
                });
                continue;
            }
        };
        out.push(imported(&loaded.data, root, path, &report, options.role, lang));
    }
    Ok(out)
}

fn imported(
    data: &Dataset,
    root: &Path,
    path: &Path,
    report: &FileReport,
    role: Role,
    lang: Lang,
) -> ImportedFile {
    ImportedFile {
        path: path.to_path_buf(),
        lines: exchange::report_lines(data, root, report, role, lang),
        ok: report.imported(),
    }
}

impl GovApp {
    /// A folder was chosen for the questionnaires of `request`.
    pub(super) fn send_to(&mut self, request: SendRequest, folder: PathBuf) {
        let Some(root) = self.root() else { return };
        self.state.collect.send = None;
        self.send(Job::WriteQuestionnaires {
            root,
            request,
            folder,
            lang: self.prefs.lang,
        });
    }

    /// A folder of returned questionnaires was chosen: check each file.
    pub(super) fn import_from(&mut self, folder: PathBuf) {
        let Some(root) = self.root() else { return };
        let files = match workbooks_in(&folder) {
            Ok(files) => files,
            Err(error) => {
                let text = Failure::Io {
                    path: folder,
                    error,
                    writing: false,
                }
                .text(self.prefs.lang);
                return self.notice(true, text);
            }
        };
        let window = ImportWindow {
            folder,
            files: Vec::new(),
            done: false,
            busy: true,
            as_response: false,
            role: Role::SelfAssessment,
            name: String::new(),
        };
        let options = self.import_options(&window, true);
        self.state.collect.import = Some(window);
        self.send(Job::ImportQuestionnaires {
            root,
            files,
            options,
            lang: self.prefs.lang,
        });
    }

    /// Checks the files again (`dry_run`) or imports them, with the
    /// window's options.
    pub(super) fn import_run(&mut self, dry_run: bool) {
        let Some(root) = self.root() else { return };
        let Some(window) = &self.state.collect.import else {
            return;
        };
        let files = match workbooks_in(&window.folder) {
            Ok(files) => files,
            Err(_) => window.files.iter().map(|f| f.path.clone()).collect(),
        };
        let options = self.import_options(window, dry_run);
        if let Some(window) = &mut self.state.collect.import {
            window.busy = true;
        }
        self.send(Job::ImportQuestionnaires {
            root,
            files,
            options,
            lang: self.prefs.lang,
        });
    }

    fn import_options(&self, window: &ImportWindow, dry_run: bool) -> ImportOptions {
        let name = window.name.trim();
        let name = if name.is_empty() {
            None
        } else {
            Some(name.to_owned())
        };
        let now = chrono::Local::now().naive_local();
        ImportOptions {
            dry_run,
            name,
            as_response: window.as_response,
            role: window.role,
            at: chrono::Timelike::with_nanosecond(&now, 0).unwrap_or(now),
        }
    }

    /// The worker finished writing questionnaires or checking / importing files.
    pub(super) fn collect_done(&mut self, done: Done) {
        let lang = self.prefs.lang;
        match done {
            Done::QuestionnairesWritten { count, folder } => {
                self.notice(false, format!("✓ {}", words::wrote_all(count, &folder, lang)));
            }
            Done::QuestionnairesFailed { error } => self.notice(true, error.text(lang)),
            Done::ImportChecked { dry_run, files } => {
                let Some(window) = &mut self.state.collect.import else {
                    return;
                };
                window.busy = false;
                window.done = !dry_run;
                window.files = files;
                if !dry_run {
                    self.request_reload();
                }
            }
            Done::ImportFailed { error } => {
                if let Some(window) = &mut self.state.collect.import {
                    window.busy = false;
                }
                self.notice(true, error.text(lang));
            }
            _ => {}
        }
    }
}

/// The Workspace menu's two entries.
pub fn menu_ui(ui: &mut Ui, lang: Lang, out: &mut Vec<Command>) {
    if ui.button(T::SendQuestionnaires.get(lang)).clicked() {
        out.push(Command::ShowSend);
        ui.close();
    }
    if ui.button(T::ImportQuestionnaires.get(lang)).clicked() {
        out.push(Command::ChooseImportFolder);
        ui.close();
    }
}

/// The period a questionnaire is most likely for: the half-year end after
/// the newest assessment in the workspace (or after today).
pub fn suggested_period(data: &Dataset) -> NaiveDate {
    let newest = data.assessments.iter().map(|a| a.period).max();
    let base = newest.unwrap_or_else(|| chrono::Local::now().date_naive());
    let after = base.checked_add_days(chrono::Days::new(1)).unwrap_or(base);
    crate::model::half_year_periods(1, after.checked_add_days(chrono::Days::new(183)).unwrap_or(after))
        .first()
        .copied()
        .unwrap_or(base)
}

/// "Send questionnaires": the period, one department or all, and the
/// button that asks for the folder.
pub fn send_window_ui(ctx: &egui::Context, lang: Lang, state: &mut AppState, out: &mut Vec<Command>) {
    let Some(data) = state.workspace.as_ref().map(|w| &w.loaded.data) else {
        return;
    };
    let selected = state
        .selection
        .department
        .as_deref()
        .and_then(|id| data.workspace.department(id))
        .map(|d| (d.id.clone(), d.name.get(lang).to_owned()));
    let active = data.workspace.active_departments().count();
    let Some(draft) = &mut state.collect.send else {
        return;
    };
    if selected.is_none() {
        draft.all = true;
    }
    let mut open = true;
    egui::Window::new(T::SendQuestionnairesTitle.get(lang))
        .id(egui::Id::unique("send-questionnaires"))
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
        .show(ctx, |ui| {
            ui.set_max_width(520.0);
            ui.label(T::SendQuestionnairesIntro.get(lang));
            ui.add_space(6.0);
            ui.horizontal(|ui| {
                let label = ui.label(T::Period.get(lang));
                ui.add(
                    egui::TextEdit::singleline(&mut draft.period)
                        .id(egui::Id::unique("send-period"))
                        .desired_width(100.0)
                        .hint_text("YYYY-MM-DD"),
                )
                .labelled_by(label.id);
            });
            let period = NaiveDate::parse_from_str(draft.period.trim(), "%Y-%m-%d").ok();
            if period.is_none() {
                ui.colored_label(ui.visuals().error_fg_color, T::BadDate.get(lang));
            }
            ui.radio_value(&mut draft.all, true, said::all_departments(active, lang));
            if let Some((_, name)) = &selected {
                ui.radio_value(&mut draft.all, false, said::only_department(name, lang));
            }
            ui.add_space(6.0);
            let choose = ui.add_enabled(period.is_some(), egui::Button::new(T::ChooseFolder.get(lang)));
            if choose.clicked()
                && let Some(period) = period
            {
                let department = if draft.all {
                    None
                } else {
                    selected.as_ref().map(|(id, _)| id.clone())
                };
                out.push(Command::ChooseSendFolder(SendRequest { period, department }));
            }
        });
    if !open {
        state.collect.send = None;
    }
}

/// "Import questionnaires": each file with what it would change or what
/// is wrong with it, the options, and Import.
pub fn import_window_ui(ctx: &egui::Context, lang: Lang, state: &mut AppState, out: &mut Vec<Command>) {
    let Some(window) = &mut state.collect.import else {
        return;
    };
    let mut open = true;
    egui::Window::new(T::ImportQuestionnairesTitle.get(lang))
        .id(egui::Id::unique("import-questionnaires"))
        .open(&mut open)
        .collapsible(false)
        .resizable(true)
        .default_size([760.0, 520.0])
        .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
        .show(ctx, |ui| {
            ui.label(RichText::new(window.folder.display().to_string()).weak());
            if window.busy {
                ui.horizontal(|ui| {
                    ui.spinner();
                    ui.label(T::Working.get(lang));
                });
                return;
            }
            if !window.done {
                ui.label(T::ImportIntro.get(lang));
                options_ui(ui, lang, window, out);
            }
            ui.separator();
            if window.files.is_empty() {
                ui.label(said::no_workbooks(&window.folder, lang));
            }
            let ready = window.files.iter().filter(|f| f.ok).count();
            egui::ScrollArea::vertical()
                .id_salt("import-files")
                .max_height(ui.available_height() - 40.0)
                .auto_shrink([false, true])
                .show(ui, |ui| {
                    for file in &window.files {
                        file_ui(ui, file);
                        ui.add_space(6.0);
                    }
                });
            ui.separator();
            ui.horizontal(|ui| {
                if window.done {
                    ui.label(words::import_summary(
                        window.files.len(),
                        ready,
                        window.files.len() - ready,
                        lang,
                    ));
                    if ui.button(T::Close.get(lang)).clicked() {
                        out.push(Command::CloseImport);
                    }
                    return;
                }
                let import = ui.add_enabled(ready > 0, egui::Button::new(said::import_button(ready, lang)));
                if import.clicked() {
                    out.push(Command::ImportNow);
                }
                if ui.button(T::CheckAgain.get(lang)).clicked() {
                    out.push(Command::CheckImport);
                }
                if ready == 0 && !window.files.is_empty() {
                    ui.colored_label(ui.visuals().warn_fg_color, T::ImportNothingReady.get(lang));
                }
            });
        });
    if !open {
        state.collect.import = None;
    }
}

fn options_ui(ui: &mut Ui, lang: Lang, window: &mut ImportWindow, out: &mut Vec<Command>) {
    ui.horizontal(|ui| {
        let label = ui.label(T::ImportWho.get(lang));
        ui.add(
            egui::TextEdit::singleline(&mut window.name)
                .id(egui::Id::unique("import-name"))
                .desired_width(220.0)
                .char_limit(TextField::Assessor.limit()),
        )
        .labelled_by(label.id);
    });
    let mut changed = ui
        .checkbox(&mut window.as_response, T::ImportAsResponse.get(lang))
        .changed();
    if window.as_response {
        ui.horizontal(|ui| {
            ui.label(T::ImportRole.get(lang));
            for role in [Role::SelfAssessment, Role::Reviewer, Role::External] {
                changed |= ui
                    .radio_value(&mut window.role, role, consensus::role(role, lang))
                    .changed();
            }
        });
    }
    if changed {
        // What each file would do depends on it: check again at once.
        out.push(Command::CheckImport);
    }
}

fn file_ui(ui: &mut Ui, file: &ImportedFile) {
    let error = ui.visuals().error_fg_color;
    for (kind, line) in &file.lines {
        let text = match kind {
            LineKind::Detail => RichText::new(line),
            LineKind::Outcome => RichText::new(line).strong(),
            LineKind::Problem => RichText::new(line).color(error),
        };
        ui.add(egui::Label::new(text).wrap());
    }
}
