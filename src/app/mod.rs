//! The desktop app (eframe). `GovApp` owns the state; `shell` draws the
//! panels around the views; views read the state and emit `Command`s that
//! `apply` runs at the end of the frame — the one place where the state
//! changes, and where undo, dirty tracking and saving hook in. File work
//! runs on the `io` worker; nothing outside this module knows egui.

pub mod about;
pub mod collect;
mod command;
pub mod dialogs;
mod editing;
pub mod editor;
pub mod fonts;

mod io;
pub mod locale;
pub mod plan_editor;
pub mod planning;
pub mod session;
mod shell;
pub mod state;
pub mod views;
mod watch;
pub mod widgets;

use std::path::{Path, PathBuf};

pub use command::{Command, ConflictChoice};
use state::{AppState, DialogPurpose, DialogResult, Notice, OpenWorkspace, Prefs, ThemeChoice};

use crate::store;

/// How the app was asked to start.
#[derive(Clone, Debug, Default)]
pub struct StartOptions {
    /// `--workspace DIR`.
    pub workspace: Option<PathBuf>,
    /// Ignore remembered preferences (tests, screenshots).
    pub fresh: bool,
    /// `--lang`: the language for this run.
    pub lang: Option<crate::model::Lang>,
    /// `--view`: the view to open on.
    pub tab: Option<state::Tab>,
    /// `--user`: the name recorded in audit logs.
    pub user: Option<String>,
}

pub struct GovApp {
    pub prefs: Prefs,
    pub state: AppState,
    commands: Vec<Command>,
    ctx: egui::Context,
    /// Whether opening a workspace takes its session lock (the app does;
    /// most tests share the sample folder and do not).
    lock_sessions: bool,
    /// The per-user folder of recovery journals ([`about::recovery_base`]);
    /// `None` keeps them in the workspace (tests).
    user_journals: Option<PathBuf>,
}

impl GovApp {
    /// Builds the app: fonts, remembered preferences, and the first workspace:
    /// `--workspace`, else the last one used, else `assessments/` when it
    /// exists in the working folder or beside the program, else the welcome
    /// screen.
    pub fn new(cc: &eframe::CreationContext<'_>, options: StartOptions) -> Self {
        let stored = match cc.storage {
            Some(storage) if !options.fresh => eframe::get_value::<Prefs>(storage, Prefs::STORAGE_KEY),
            _ => None,
        };
        // The first start (nothing remembered yet) speaks the system's
        // language; afterwards the user's own choice is remembered.
        let prefs = stored.unwrap_or_else(|| Prefs {
            lang: locale::system_lang(),
            ..Prefs::default()
        });
        let mut app = GovApp::with_prefs(&cc.egui_ctx, prefs);
        app.lock_sessions = true;
        app.user_journals = about::recovery_base();
        app.state.sample = state::SampleFolders::find(about::sample_copy_folder());
        if let Some(lang) = options.lang {
            app.prefs.lang = lang;
        }
        if let Some(tab) = options.tab {
            app.prefs.tab = tab;
        }
        if let Some(user) = options.user.filter(|u| !u.trim().is_empty()) {
            app.prefs.user_name = user.trim().to_owned();
        }
        let sample = app.state.sample.here.clone();
        let first = options
            .workspace
            .or_else(|| {
                app.prefs
                    .recent
                    .first()
                    .filter(|p| p.join(store::WORKSPACE_FILE).is_file())
                    .cloned()
            })
            .or_else(|| sample.join(store::WORKSPACE_FILE).is_file().then_some(sample));
        if let Some(folder) = first {
            app.open_workspace(&folder);
        }
        app
    }

    /// A new app with default preferences, for tests and benchmarks.
    pub fn for_tests(ctx: &egui::Context, workspace: Option<&Path>) -> Self {
        let mut app = GovApp::with_prefs(ctx, Prefs::default());
        app.prefs.user_name = "Test User".to_owned();
        // Figures as of a fixed day, so what the tests read never drifts
        // with the calendar.
        app.state.clock = chrono::NaiveDate::from_ymd_opt(2026, 12, 1);
        if let Some(folder) = workspace {
            app.open_workspace_now(folder);
        }
        app
    }

    /// [`Self::for_tests`], taking the workspace's session lock as the app
    /// does: a second one on the same folder opens it read-only.
    pub fn for_tests_locking(ctx: &egui::Context, workspace: &Path) -> Self {
        let mut app = GovApp::for_tests(ctx, None);
        app.lock_sessions = true;
        app.open_workspace_now(workspace);
        app
    }

    /// [`Self::for_tests`] keeping recovery journals in `journals` (as the
    /// app keeps them in the user's own folder) rather than in the workspace.
    pub fn for_tests_with_journals(ctx: &egui::Context, workspace: &Path, journals: &Path) -> Self {
        let mut app = GovApp::for_tests(ctx, None);
        app.user_journals = Some(journals.to_path_buf());
        app.open_workspace_now(workspace);
        app
    }

    /// Where "Open the sample workspace" looks (tests: away from the
    /// repository's `assessments/`, with the copy in a temporary folder).
    pub fn set_sample_folders(&mut self, here: PathBuf, copy: Option<PathBuf>) {
        self.state.sample = state::SampleFolders { here, copy };
    }

    /// A new app on a workspace already in memory (benchmarks of big
    /// generated workspaces, without writing thousands of files first).
    pub fn for_loaded(ctx: &egui::Context, loaded: store::LoadedWorkspace) -> Self {
        let mut app = GovApp::with_prefs(ctx, Prefs::default());
        app.install_workspace(loaded);
        app.state.refresh_derived();
        app
    }

    fn with_prefs(ctx: &egui::Context, prefs: Prefs) -> Self {
        fonts::install(ctx);
        let wake = ctx.clone();
        let mut app = GovApp {
            prefs,
            state: AppState::default(),
            commands: Vec::new(),
            ctx: ctx.clone(),
            lock_sessions: false,
            user_journals: None,
        };
        app.state.selection.basis = app.prefs.basis;
        app.state.worker = Some(io::Worker::start(move || wake.request_repaint()));
        app.apply_theme(ctx);
        app
    }

    /// Opens the workspace in `folder` on a thread of its own: the window
    /// stays responsive and shows how many files have been read; the frame
    /// that finds the result installs it ([`Self::poll_loading`]).
    pub(crate) fn open_workspace(&mut self, folder: &Path) {
        let progress = std::sync::Arc::new(store::Progress::default());
        let (sender, result) = std::sync::mpsc::channel();
        let (root, counter, wake) = (folder.to_path_buf(), progress.clone(), self.ctx.clone());
        let spawned = std::thread::Builder::new()
            .name("govmaturity-load".into())
            .spawn(move || {
                let _ = sender.send(store::load_with_progress(&root, &counter));
                wake.request_repaint();
            });
        match spawned {
            Ok(_) => {
                self.state.loading = Some(state::Loading {
                    // Named in full on the loading screen, whatever was typed.
                    folder: std::fs::canonicalize(folder)
                        .or_else(|_| std::path::absolute(folder))
                        .unwrap_or_else(|_| folder.to_path_buf()),
                    progress,
                    result,
                });
            }
            // No thread to spare: read it here, the window waits.
            Err(_) => self.open_workspace_now(folder),
        }
    }

    /// Installs the workspace being opened once it has been read.
    fn poll_loading(&mut self) {
        let Some(loading) = &self.state.loading else {
            return;
        };
        match loading.result.try_recv() {
            Ok(result) => {
                self.state.loading = None;
                self.installed(result);
            }
            Err(std::sync::mpsc::TryRecvError::Empty) => {
                // The progress counter moves without waking the frame.
                self.ctx
                    .request_repaint_after(std::time::Duration::from_millis(100));
            }
            Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                // The loading thread ended without an answer (it cannot
                // panic by design); read the folder here instead.
                let folder = loading.folder.clone();
                self.state.loading = None;
                self.open_workspace_now(&folder);
            }
        }
    }

    /// Opens the workspace in `folder`, reading it on this thread (tests,
    /// and where no thread can be started).
    pub(crate) fn open_workspace_now(&mut self, folder: &Path) {
        self.installed(store::load(folder));
    }

    fn installed(&mut self, result: Result<store::LoadedWorkspace, store::StoreError>) {
        match result {
            Ok(loaded) => self.install_workspace(loaded),
            Err(e) => {
                let text = crate::present::catalogue::problems::store_error(&e, self.prefs.lang);
                self.state.notice = Some(Notice { error: true, text })
            }
        }
        self.state.refresh_derived();
    }

    /// Makes a freshly loaded workspace the open one.
    fn install_workspace(&mut self, loaded: store::LoadedWorkspace) {
        let same_folder = self
            .state
            .workspace
            .as_ref()
            .is_some_and(|w| w.loaded.root == loaded.root);
        let revision = self.state.workspace.as_ref().map_or(1, |w| w.revision + 1);
        if !same_folder {
            self.state.session = None;
            self.state.selection = Default::default();
            self.state.views = Default::default();
            self.take_session_lock(&loaded.root);
            let journals = session::journal_folder(self.user_journals.as_deref(), &loaded.root);
            if self.state.held_elsewhere.is_some() {
                // The journals are the other app's unsaved edits, not ours.
                self.state.recoveries.clear();
                self.state.plan_recoveries.clear();
            } else {
                session::migrate_journals(&loaded.root, &journals);
                self.state.recoveries = session::find_recoveries(&journals, &loaded.data);
                self.state.plan_recoveries = planning::find_plan_recoveries(&journals, &loaded.data);
            }
            self.state.journals = Some(journals);
            self.state.plan_editor = Default::default();
            let wake = self.ctx.clone();
            self.state.watcher = watch::FolderWatch::start(&loaded.root, move || wake.request_repaint()).ok();
            self.prefs.remember(loaded.root.clone());
            let errors = loaded
                .problems
                .iter()
                .any(|p| p.severity == store::Severity::Error);
            self.state.show_problems = errors;
        }
        if self.state.selection.department.is_none() {
            self.state.selection.department = loaded
                .data
                .workspace
                .active_departments()
                .next()
                .map(|d| d.id.clone());
        }
        self.state.workspace = Some(OpenWorkspace {
            loaded: std::sync::Arc::new(loaded),
            revision,
        });
        if !same_folder {
            // A reload of the same folder keeps messages such as "saved to …".
            self.state.notice = None;
        }
    }

    /// Takes the session lock of the workspace at `root` (releasing the one
    /// held before): when another app holds it, the workspace opens
    /// read-only and says who has it.
    fn take_session_lock(&mut self, root: &Path) {
        self.state.session_lock = None;
        self.state.held_elsewhere = None;
        if !self.lock_sessions {
            return;
        }
        let me = store::Holder::me(&self.prefs.user_name);
        match store::SessionLock::take(root, &me) {
            Ok(store::Session::Held(lock)) => self.state.session_lock = Some(lock),
            Ok(store::Session::Busy(holder)) => {
                self.state.held_elsewhere = Some(state::HeldElsewhere { holder });
            }
            // No lock file can be made (a read-only folder): nothing to
            // guard, and saving will say why it cannot write.
            Err(_) => {}
        }
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

    /// Whether background file work is still running (for tests).
    pub fn is_busy(&self) -> bool {
        self.state.worker.as_ref().is_some_and(io::Worker::is_busy)
            || self.state.reload_due.is_some()
            || self.state.loading.is_some()
    }

    /// Runs the queued commands. Called once at the end of every frame.
    pub fn apply(&mut self, ctx: &egui::Context) {
        let commands = std::mem::take(&mut self.commands);
        if !commands.is_empty() {
            // The state changed after this frame was drawn: draw another.
            ctx.request_repaint();
        }
        for command in commands {
            self.apply_one(ctx, command);
        }
        self.state.refresh_derived();
    }

    fn apply_one(&mut self, ctx: &egui::Context, command: Command) {
        if self.state.held_elsewhere.is_some() && command.edits() {
            self.state.notice = Some(Notice {
                error: true,
                text: crate::present::catalogue::T::HeldRefused
                    .get(self.prefs.lang)
                    .to_owned(),
            });
            return;
        }
        match command {
            Command::ShowOpenDialog => self.show_dialog(ctx, DialogPurpose::OpenWorkspace, None),
            Command::NewWorkspace => self.show_dialog(ctx, DialogPurpose::NewWorkspace, None),
            Command::PathTyped { purpose, path } => self.path_typed(purpose, path),
            Command::CancelPathPrompt => self.state.paths.prompt = None,
            Command::OpenWorkspace(folder) => self.open_workspace(&folder),
            Command::OpenSample => self.open_sample(),
            Command::Reload => self.request_reload(),
            Command::RestoreBackup(file) => self.restore_backup(&file),
            Command::EditAnyway => {
                self.state.held_elsewhere = None;
                // Opened read-only: reopened for editing when next chosen.
                self.state.session = None;
            }
            Command::CloseWorkspace => {
                self.state.session_lock = None;
                self.state.held_elsewhere = None;
                self.state.workspace = None;
                self.state.plan_editor = Default::default();
                self.state.plan_recoveries.clear();
                self.state.session = None;
                self.state.watcher = None;
                self.state.selection = Default::default();
            }
            Command::SetTab(tab) => self.prefs.tab = tab,
            Command::SelectDepartment(id) => {
                if self.state.selection.department.as_deref() != Some(&id) {
                    self.state.views.department.indicator = None;
                }
                self.state.selection.department = Some(id);
            }
            Command::ShowCell {
                department,
                dimension,
            } => {
                self.state.selection.department = Some(department);
                self.state.selection.dimension = Some(dimension);
                self.state.views.department.indicator = None;
                self.prefs.tab = state::Tab::Department;
            }
            Command::SetPeriod(period) => self.state.selection.period = period,
            Command::SetBasis(basis) => {
                self.prefs.basis = basis;
                self.state.selection.basis = basis;
            }
            Command::SetLang(lang) => self.prefs.lang = lang,
            Command::SetTheme(theme) => {
                self.prefs.theme = theme;
                self.apply_theme(ctx);
            }
            Command::ToggleProblems => self.state.show_problems = !self.state.show_problems,
            Command::RevealFolder(folder) => reveal(&folder),
            Command::DismissNotice => self.state.notice = None,
            Command::SetUserName(name) => self.prefs.user_name = name.trim().to_owned(),
            Command::ShowWorkspaceSettings(show) => self.state.show_workspace_settings = show,
            Command::ShowAbout(show) => self.state.show_about = show,
            Command::UpdateWorkspace(workspace) => self.update_workspace(*workspace),
            Command::SetExportOfficial(on) => self.state.export_official = on,
            Command::Export(request) => {
                let name = self.export_file_name(&request);
                let folder = self
                    .state
                    .workspace
                    .as_ref()
                    .map(|w| w.loaded.root.clone())
                    .unwrap_or_default();
                self.show_dialog(ctx, DialogPurpose::Export(request), Some((folder, name)));
            }
            Command::SaveAs => {
                let Some(session) = &self.state.session else {
                    return;
                };
                let name = format!("{}-{}.ron", session.department(), session.period());
                let folder = std::env::current_dir().unwrap_or_default();
                self.show_dialog(ctx, DialogPurpose::SaveAs, Some((folder, name)));
            }
            Command::OpenAssessment { department, period } => self.open_session(&department, period),
            Command::NewAssessment { department, period } => self.new_assessment(&department, period),
            Command::SelectIndicator(id) => self.select_indicator(id),
            Command::Edit(edit) => self.edit(edit),
            Command::Undo => self.step(false),
            Command::Redo => self.step(true),
            Command::Save => self.save_session(None),
            Command::Transition { to, comment } => self.transition(to, &comment),
            Command::ResolveConflict(choice) => self.resolve_conflict(choice),
            Command::MergeConflict(choices) => self.merge_conflict(&choices),
            Command::ShowSend => {
                let period = self
                    .state
                    .data()
                    .map(collect::suggested_period)
                    .map(|p| p.to_string())
                    .unwrap_or_default();
                self.state.collect.send = Some(collect::SendDraft { period, all: true });
            }
            Command::ChooseSendFolder(request) => {
                let folder = self.root();
                self.show_dialog(
                    ctx,
                    DialogPurpose::SendQuestionnaires(request),
                    folder.map(|f| (f, String::new())),
                );
            }
            Command::ChooseImportFolder => self.show_dialog(ctx, DialogPurpose::ImportQuestionnaires, None),
            Command::CheckImport => self.import_run(true),
            Command::ImportNow => self.import_run(false),
            Command::CloseImport => self.state.collect.import = None,
            Command::Restore(index) => self.restore(index),
            Command::DiscardRecovery(index) => self.discard_recovery(index),
            Command::PlanAction {
                department,
                indicator,
            } => self.plan_action(&department, &indicator),
            Command::CreateAction => self.create_action(),
            Command::SelectAction(id) => {
                self.state.plan_editor.end_burst();
                self.state.views.plan.select(id);
            }
            Command::EditPlan(edit) => self.edit_plan(edit),
            Command::UndoPlan => self.step_plan(false),
            Command::RedoPlan => self.step_plan(true),
            Command::SavePlans => self.save_plans(),
            Command::ResolvePlanConflict(choice) => self.resolve_plan_conflict(choice),
            Command::RestorePlan(index) => self.restore_plan(index),
            Command::DiscardPlanRecovery(index) => self.discard_plan_recovery(index),
        }
    }

    fn show_dialog(
        &mut self,
        ctx: &egui::Context,
        purpose: DialogPurpose,
        suggested: Option<(PathBuf, String)>,
    ) {
        if self.state.dialog.is_some() || self.state.paths.prompt.is_some() {
            return;
        }
        if self.state.paths.unavailable {
            return self.prompt_for_path(purpose);
        }
        match dialogs::start(ctx, &purpose, suggested) {
            Ok(receiver) => self.state.dialog = Some((purpose, receiver)),
            Err(e) => {
                self.state.notice = Some(Notice {
                    error: true,
                    text: e.to_string(),
                })
            }
        }
    }

    /// Takes a file dialog's answer, if it has come.
    fn poll_dialog(&mut self) {
        let Some((purpose, receiver)) = &self.state.dialog else {
            return;
        };
        let Ok(result) = receiver.try_recv() else { return };
        let purpose = purpose.clone();
        self.state.dialog = None;
        match result {
            DialogResult::Picked(path) => self.dialog_picked(purpose, path),
            DialogResult::Cancelled => {}
            DialogResult::Unavailable => {
                // Ask for a typed path instead, now and from now on.
                self.state.paths.unavailable = true;
                self.prompt_for_path(purpose);
            }
        }
    }

    fn dialog_picked(&mut self, purpose: DialogPurpose, path: PathBuf) {
        match purpose {
            DialogPurpose::OpenWorkspace => self.push(Command::OpenWorkspace(path)),
            DialogPurpose::NewWorkspace => self.create_workspace(&path),
            DialogPurpose::SaveAs => self.save_copy_to(path),
            DialogPurpose::Export(request) => self.export_to(request, path),
            DialogPurpose::SendQuestionnaires(request) => self.send_to(request, path),
            DialogPurpose::ImportQuestionnaires => self.import_from(path),
        }
    }

    /// Runs every frame before the UI: results of file work, changes on
    /// disk, autosave and the recovery journal.
    fn tick(&mut self) {
        self.poll_loading();
        self.poll_dialog();
        self.poll_worker();
        self.poll_watcher();
        self.autosave();
        self.autosave_plans();
        self.state.refresh_derived();
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
        self.tick();
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
