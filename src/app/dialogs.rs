//! File dialogs (rfd), run on their own thread so the frame never blocks.
//! The answer comes back through a channel and a repaint request. Where no
//! dialog can be shown, a small window asks for a typed path instead, with a
//! sensible default (exports go to `reports/` in the workspace).

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use chrono::NaiveDate;

use super::GovApp;
use super::command::Command;
use super::command::ExportRequest;
use super::state::{DialogPurpose, DialogResult};
use crate::model::Lang;
use crate::present::catalogue::T;
use crate::report::{ReportKind, ReportStyle};

/// Starts a dialog for `purpose`. `suggested` names the file for save dialogs.
pub fn start(
    ctx: &egui::Context,
    purpose: &DialogPurpose,
    suggested: Option<(PathBuf, String)>,
) -> std::io::Result<mpsc::Receiver<DialogResult>> {
    let (sender, receiver) = mpsc::channel();
    let ctx = ctx.clone();
    let pick_folder = matches!(
        purpose,
        DialogPurpose::OpenWorkspace
            | DialogPurpose::NewWorkspace
            | DialogPurpose::SendQuestionnaires(_)
            | DialogPurpose::ImportQuestionnaires
    );
    std::thread::Builder::new()
        .name("file-dialog".into())
        .spawn(move || {
            let started = Instant::now();
            let mut dialog = rfd::AsyncFileDialog::new();
            if let Some((folder, name)) = &suggested {
                dialog = dialog.set_directory(folder).set_file_name(name.clone());
            }
            let picked = if pick_folder {
                pollster::block_on(dialog.pick_folder())
            } else {
                pollster::block_on(dialog.save_file())
            };
            let result = match picked {
                Some(handle) => DialogResult::Picked(handle.path().to_path_buf()),
                // A dialog a person closed took longer than this; one that could
                // not be shown (no portal, no zenity) returns at once.
                None if started.elapsed() < Duration::from_millis(300) => DialogResult::Unavailable,
                None => DialogResult::Cancelled,
            };
            let _ = sender.send(result);
            ctx.request_repaint();
        })?;
    Ok(receiver)
}

// ---- typed paths, where no dialog can be shown -------------------------

/// Where no file dialog can be shown (no portal, no zenity, a remote
/// session): a small window with a path field and a sensible default.
#[derive(Debug, Default)]
pub struct PathDialogs {
    /// Set once a dialog failed to appear (or by [`GovApp::without_file_dialogs`]):
    /// later requests go straight to the typed path.
    pub unavailable: bool,
    /// The window asking for a path, while it is open.
    pub prompt: Option<PathPrompt>,
}

/// The path being typed, and what it is for.
#[derive(Debug)]
pub struct PathPrompt {
    pub purpose: DialogPurpose,
    /// As typed.
    pub path: String,
    /// The file that was found to exist when the user confirmed: the window
    /// asks whether to overwrite it or take a free name instead.
    pub exists: Option<PathBuf>,
}

impl PathPrompt {
    pub fn new(purpose: DialogPurpose, path: &Path) -> Self {
        PathPrompt {
            purpose,
            path: path.display().to_string(),
            exists: None,
        }
    }

    /// Whether the path names a file to write (which may exist already),
    /// rather than a folder.
    fn writes_a_file(&self) -> bool {
        matches!(self.purpose, DialogPurpose::Export { .. } | DialogPurpose::SaveAs)
    }
}

/// `path` if nothing is there, else the first free `name-2.ext`, `name-3.ext` …
pub fn free_path(path: &Path) -> PathBuf {
    if path.symlink_metadata().is_err() {
        return path.to_path_buf();
    }
    let stem = path
        .file_stem()
        .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
    let extension = path.extension().map(|e| e.to_string_lossy().into_owned());
    (2..10_000)
        .map(|n| {
            let name = match &extension {
                Some(extension) => format!("{stem}-{n}.{extension}"),
                None => format!("{stem}-{n}"),
            };
            path.with_file_name(name)
        })
        .find(|candidate| candidate.symlink_metadata().is_err())
        .unwrap_or_else(|| path.to_path_buf())
}

/// Where an export goes by default: `reports/` in the workspace, named after
/// the period, the department (if one) and the language, e.g.
/// `reports/2025-12-31-zh.pdf`; a free name when that file exists.
pub fn default_export_path(
    root: &Path,
    period: Option<NaiveDate>,
    request: &ExportRequest,
    lang: Lang,
) -> PathBuf {
    let mut name = period.map_or_else(|| "report".to_owned(), |p| p.to_string());
    if let Some(department) = &request.department {
        name.push('-');
        name.push_str(department);
    }
    if request.kind == ReportKind::Brief {
        name.push_str("-brief");
    }
    if request.style == ReportStyle::Official {
        name.push_str("-official");
    }
    let name = format!("{name}-{}.{}", lang.code(), request.format.extension());
    free_path(&root.join("reports").join(name))
}

impl GovApp {
    /// From now on, ask for typed paths instead of showing file dialogs (for
    /// tests, and systems known to have none).
    pub fn without_file_dialogs(&mut self) {
        self.state.paths.unavailable = true;
    }

    /// Opens the typed-path window for `purpose`, with its default path.
    pub(super) fn prompt_for_path(&mut self, purpose: DialogPurpose) {
        let root = self.state.workspace.as_ref().map(|w| w.loaded.root.clone());
        let here = std::env::current_dir().unwrap_or_default();
        let path = match &purpose {
            DialogPurpose::Export(request) => {
                let period = self.state.derived.as_ref().and_then(|d| d.summary.period);
                let root = root.unwrap_or(here);
                default_export_path(&root, period, request, self.prefs.lang)
            }
            DialogPurpose::NewWorkspace => {
                let beside = root.as_deref().and_then(Path::parent).map(Path::to_path_buf);
                free_path(&beside.unwrap_or(here).join("new-workspace"))
            }
            DialogPurpose::OpenWorkspace | DialogPurpose::ImportQuestionnaires => root.unwrap_or(here),
            DialogPurpose::SendQuestionnaires(request) => free_path(
                &root
                    .unwrap_or(here)
                    .join(format!("questionnaires-{}", request.period)),
            ),
            DialogPurpose::SaveAs => {
                let name = self.state.session.as_ref().map_or_else(
                    || "copy.ron".to_owned(),
                    |s| format!("{}-{}.ron", s.department(), s.period()),
                );
                free_path(&root.unwrap_or(here).join(name))
            }
        };
        self.state.paths.prompt = Some(PathPrompt::new(purpose, &path));
    }

    /// The typed path was confirmed: do what the dialog was for.
    pub(super) fn path_typed(&mut self, purpose: DialogPurpose, path: PathBuf) {
        // The export job creates a missing `reports/` folder itself, off the frame.
        self.state.paths.prompt = None;
        self.dialog_picked(purpose, path);
    }
}

/// The typed-path window. Confirming pushes [`Command::PathTyped`] (after
/// asking, when the file exists); closing it pushes [`Command::CancelPathPrompt`].
pub fn path_prompt_ui(ctx: &egui::Context, lang: Lang, prompt: &mut PathPrompt, out: &mut Vec<Command>) {
    let (title, message, action) = match &prompt.purpose {
        DialogPurpose::Export { .. } => (T::Export, T::TypeExportPath, T::ExportHere),
        DialogPurpose::NewWorkspace => (T::NewWorkspace, T::TypeNewWorkspacePath, T::CreateWorkspace),
        DialogPurpose::OpenWorkspace => (T::OpenWorkspace, T::TypeOpenPath, T::Open),
        DialogPurpose::SaveAs => (T::SaveCopyAs, T::TypeSaveAsPath, T::SaveCopy),
        DialogPurpose::SendQuestionnaires(_) => {
            (T::SendQuestionnairesTitle, T::TypeFolderPath, T::ChooseThisFolder)
        }
        DialogPurpose::ImportQuestionnaires => (
            T::ImportQuestionnairesTitle,
            T::TypeFolderPath,
            T::ChooseThisFolder,
        ),
    };
    let mut open = true;
    egui::Window::new(title.get(lang))
        .id(egui::Id::unique("typed-path"))
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
        .show(ctx, |ui| {
            ui.set_max_width(560.0);
            ui.label(message.get(lang));
            ui.add_space(6.0);
            let label = ui.label(T::PathLabel.get(lang));
            let field = ui
                .add(egui::TextEdit::singleline(&mut prompt.path).desired_width(540.0))
                .labelled_by(label.id);
            if field.changed() {
                prompt.exists = None;
            }
            let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            let typed = prompt.path.trim().to_owned();
            if let Some(existing) = prompt.exists.clone() {
                overwrite_question_ui(ui, lang, prompt, existing, out);
                return;
            }
            ui.horizontal(|ui| {
                let confirmed = ui
                    .add_enabled(!typed.is_empty(), egui::Button::new(action.get(lang)))
                    .clicked()
                    || (enter && !typed.is_empty());
                if confirmed {
                    let path = PathBuf::from(&typed);
                    if prompt.writes_a_file() && path.symlink_metadata().is_ok() {
                        prompt.exists = Some(path);
                    } else {
                        out.push(Command::PathTyped {
                            purpose: prompt.purpose.clone(),
                            path,
                        });
                    }
                }
                if ui.button(T::Cancel.get(lang)).clicked() {
                    out.push(Command::CancelPathPrompt);
                }
            });
        });
    if !open {
        out.push(Command::CancelPathPrompt);
    }
}

/// "This file exists": overwrite it, or take the suggested free name.
fn overwrite_question_ui(
    ui: &mut egui::Ui,
    lang: Lang,
    prompt: &mut PathPrompt,
    existing: PathBuf,
    out: &mut Vec<Command>,
) {
    let free = free_path(&existing);
    ui.colored_label(
        ui.visuals().warn_fg_color,
        format!("{} {}", T::FileExists.get(lang), existing.display()),
    );
    ui.horizontal(|ui| {
        if ui.button(T::Overwrite.get(lang)).clicked() {
            out.push(Command::PathTyped {
                purpose: prompt.purpose.clone(),
                path: existing,
            });
        }
        let name = free
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        if ui
            .button(format!("{} {name}", T::UseFreeName.get(lang)))
            .clicked()
        {
            prompt.path = free.display().to_string();
            prompt.exists = None;
        }
        if ui.button(T::Cancel.get(lang)).clicked() {
            out.push(Command::CancelPathPrompt);
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Format;

    #[test]
    fn exports_are_named_after_period_department_kind_and_language() {
        let dir = tempfile::tempdir().unwrap();
        let period = NaiveDate::from_ymd_opt(2025, 12, 31);
        let request = |department: Option<&str>, format, kind, style| ExportRequest {
            format,
            department: department.map(str::to_owned),
            kind,
            style,
        };
        let full = |department, format| request(department, format, ReportKind::Full, ReportStyle::Plain);
        let path = |request: ExportRequest, lang| default_export_path(dir.path(), period, &request, lang);
        let reports = dir.path().join("reports");
        assert_eq!(
            path(full(None, Format::Pdf), Lang::Zh),
            reports.join("2025-12-31-zh.pdf")
        );
        assert_eq!(
            path(full(Some("finance-bureau"), Format::Xlsx), Lang::En),
            reports.join("2025-12-31-finance-bureau-en.xlsx")
        );
        assert_eq!(
            path(
                request(None, Format::Docx, ReportKind::Brief, ReportStyle::Official),
                Lang::Zh
            ),
            reports.join("2025-12-31-brief-official-zh.docx")
        );
        assert_eq!(
            default_export_path(dir.path(), None, &full(None, Format::Html), Lang::En),
            reports.join("report-en.html")
        );
    }

    #[test]
    fn a_taken_name_gets_the_next_free_number() {
        let dir = tempfile::tempdir().unwrap();
        let taken = dir.path().join("2025-12-31-en.pdf");
        assert_eq!(free_path(&taken), taken);
        std::fs::write(&taken, "a").unwrap();
        std::fs::write(dir.path().join("2025-12-31-en-2.pdf"), "b").unwrap();
        assert_eq!(free_path(&taken), dir.path().join("2025-12-31-en-3.pdf"));
        let folder = dir.path().join("new-workspace");
        std::fs::create_dir(&folder).unwrap();
        assert_eq!(free_path(&folder), dir.path().join("new-workspace-2"));
    }
}
