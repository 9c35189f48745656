//! The desktop app (eframe). `GovApp` owns the state; `shell` draws the
//! panels around the views; views read the state and emit `Command`s that
//! `apply` runs at the end of the frame. Nothing outside this module knows
//! egui.

mod command;
pub mod fonts;
pub mod i18n;
mod shell;
pub mod state;
pub mod views;
pub mod widgets;

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

pub use command::Command;
use state::{AppState, DialogResult, OpenWorkspace, Prefs, ThemeChoice};

use crate::store;

/// How the app was asked to start.
#[derive(Clone, Debug, Default)]
pub struct StartOptions {
    /// `--workspace DIR`.
    pub workspace: Option<PathBuf>,
    /// Ignore remembered preferences (tests, screenshots).
    pub fresh: bool,
}

pub struct GovApp {
    pub prefs: Prefs,
    pub state: AppState,
    commands: Vec<Command>,
}

impl GovApp {
    /// Builds the app: fonts, remembered preferences, and the first workspace:
    /// `--workspace`, else the last one used, else `assessments/` when it
    /// exists, else the welcome screen.
    pub fn new(cc: &eframe::CreationContext<'_>, options: StartOptions) -> Self {
        fonts::install(&cc.egui_ctx);
        let prefs = match cc.storage {
            Some(storage) if !options.fresh => eframe::get_value(storage, Prefs::STORAGE_KEY).unwrap_or_default(),
            _ => Prefs::default(),
        };
        let mut app = GovApp { prefs, state: AppState::default(), commands: Vec::new() };
        app.apply_theme(&cc.egui_ctx);
        let sample = PathBuf::from(crate::cli::DEFAULT_WORKSPACE);
        let first = options
            .workspace
            .or_else(|| app.prefs.recent.first().filter(|p| p.join(store::WORKSPACE_FILE).is_file()).cloned())
            .or_else(|| sample.join(store::WORKSPACE_FILE).is_file().then_some(sample));
        if let Some(folder) = first {
            app.open_workspace(&folder);
        }
        app
    }

    /// A new app with default preferences, for tests and benchmarks.
    pub fn for_tests(ctx: &egui::Context, workspace: Option<&Path>) -> Self {
        fonts::install(ctx);
        let mut app = GovApp { prefs: Prefs::default(), state: AppState::default(), commands: Vec::new() };
        if let Some(folder) = workspace {
            app.open_workspace(folder);
        }
        app
    }

    fn open_workspace(&mut self, folder: &Path) {
        match store::load(folder) {
            Ok(loaded) => {
                let revision = self.state.workspace.as_ref().map_or(1, |w| w.revision + 1);
                self.prefs.remember(loaded.root.clone());
                let errors = loaded.problems.iter().filter(|p| p.severity == store::Severity::Error).count();
                self.state.show_problems = errors > 0;
                let keep_selection = self.state.workspace.as_ref().is_some_and(|w| w.loaded.root == loaded.root);
                if !keep_selection {
                    self.state.selection = Default::default();
                    self.state.views = Default::default();
                }
                if self.state.selection.department.is_none() {
                    self.state.selection.department =
                        loaded.data.workspace.active_departments().next().map(|d| d.id.clone());
                }
                self.state.workspace = Some(OpenWorkspace { loaded, revision });
                self.state.notice = None;
            }
            Err(e) => {
                self.state.notice = Some(state::Notice { error: true, text: e.to_string() });
            }
        }
        self.state.refresh_derived();
    }

    fn apply_theme(&self, ctx: &egui::Context) {
        ctx.set_theme(match self.prefs.theme {
            ThemeChoice::Light => egui::ThemePreference::Light,
            ThemeChoice::Dark => egui::ThemePreference::Dark,
            ThemeChoice::System => egui::ThemePreference::System,
        });
    }

    /// Queues a command, as a view would.
    pub fn push(&mut self, command: Command) {
        self.commands.push(command);
    }

    /// Runs the queued commands. Called once at the end of every frame.
    pub fn apply(&mut self, ctx: &egui::Context) {
        for command in std::mem::take(&mut self.commands) {
            self.apply_one(ctx, command);
        }
        self.state.refresh_derived();
    }

    fn apply_one(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::ShowOpenDialog => self.show_open_dialog(ctx),
            Command::OpenWorkspace(folder) => self.open_workspace(&folder),
            Command::Reload => {
                if let Some(root) = self.state.workspace.as_ref().map(|w| w.loaded.root.clone()) {
                    self.open_workspace(&root);
                }
            }
            Command::CloseWorkspace => {
                self.state.workspace = None;
                self.state.selection = Default::default();
            }
            Command::SetTab(tab) => self.prefs.tab = tab,
            Command::SelectDepartment(id) => {
                if self.state.selection.department.as_deref() != Some(&id) {
                    self.state.views.department.indicator = None;
                }
                self.state.selection.department = Some(id);
            }
            Command::ShowCell { department, dimension } => {
                self.state.selection.department = Some(department);
                self.state.selection.dimension = Some(dimension);
                self.state.views.department.indicator = None;
                self.prefs.tab = state::Tab::Department;
            }
            Command::SetPeriod(period) => self.state.selection.period = period,
            Command::SetLang(lang) => self.prefs.lang = lang,
            Command::SetTheme(theme) => {
                self.prefs.theme = theme;
                self.apply_theme(ctx);
            }
            Command::ToggleProblems => self.state.show_problems = !self.state.show_problems,
            Command::RevealFolder(folder) => reveal(&folder),
            Command::DismissNotice => self.state.notice = None,
        }
    }

    /// Starts the folder dialog on its own thread; the answer arrives
    /// through a channel and a repaint, so the frame never blocks.
    fn show_open_dialog(&mut self, ctx: &egui::Context) {
        if self.state.dialog.is_some() {
            return;
        }
        let (sender, receiver) = mpsc::channel();
        let ctx = ctx.clone();
        let spawned = std::thread::Builder::new().name("open-dialog".into()).spawn(move || {
            let started = Instant::now();
            let picked = pollster::block_on(rfd::AsyncFileDialog::new().pick_folder());
            let result = match picked {
                Some(handle) => DialogResult::Picked(handle.path().to_path_buf()),
                // A dialog a person closed took longer than this; one that
                // could not be shown returns at once.
                None if started.elapsed() < Duration::from_millis(300) => DialogResult::Unavailable,
                None => DialogResult::Cancelled,
            };
            let _ = sender.send(result);
            ctx.request_repaint();
        });
        match spawned {
            Ok(_) => self.state.dialog = Some(receiver),
            Err(e) => self.state.notice = Some(state::Notice { error: true, text: e.to_string() }),
        }
    }

    /// Takes the folder dialog's answer, if it has come.
    fn poll_dialog(&mut self) {
        let Some(receiver) = &self.state.dialog else { return };
        let Ok(result) = receiver.try_recv() else { return };
        self.state.dialog = None;
        match result {
            DialogResult::Picked(folder) => self.push(Command::OpenWorkspace(folder)),
            DialogResult::Cancelled => {}
            DialogResult::Unavailable => {
                let text = i18n::T::NoDialog.get(self.prefs.lang).to_owned();
                self.state.notice = Some(state::Notice { error: true, text });
            }
        }
    }
}

/// Opens a folder in the system's file manager, without waiting for it.
fn reveal(folder: &Path) {
    let program = if cfg!(target_os = "windows") {
        "explorer"
    } else if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    };
    let _ = std::process::Command::new(program).arg(folder).spawn();
}

impl eframe::App for GovApp {
    fn logic(&mut self, _ctx: &egui::Context, _frame: &mut eframe::Frame) {
        self.poll_dialog();
        self.state.refresh_derived();
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        let mut commands = std::mem::take(&mut self.commands);
        shell::shell_ui(ui, &self.prefs, &mut self.state, &mut commands);
        self.commands = commands;
        self.apply(&ctx);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, Prefs::STORAGE_KEY, &self.prefs);
    }
}
