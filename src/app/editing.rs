//! How the app edits data: the assessment editor's commands, saving and
//! autosave through the `io` worker, the recovery journal, changes made on
//! disk by others, workspace settings, and exports.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::{Local, NaiveDateTime};

use super::GovApp;
use super::command::ConflictChoice;
use super::command::ExportRequest;
use super::editor::Edit;
use super::editor::{ApprovalBlocker, EditError};
use super::io::{Done, Job};
use super::session::{self, SaveState, Session, Theirs};
use super::state::Notice;
use crate::analysis;
use crate::model::{Assessment, Lang, Status, Text, TransitionError, Workspace};
use crate::present::catalogue as i18n;
use crate::present::catalogue::T;
use crate::report::{ReportKind, ReportOptions};
use crate::store;

/// Changes on disk are reloaded once they settle for this long.
const RELOAD_AFTER: Duration = Duration::from_millis(250);
/// Up to this many changed files are compared with what the app wrote
/// before deciding to reload.
const CHECKED_CHANGES_MAX: usize = 32;
/// The recovery journal is written at most this often while typing (each
/// write is an atomic replace with two fsyncs); the last edit always gets
/// written.
const JOURNAL_EVERY: Duration = Duration::from_millis(1000);

fn now() -> NaiveDateTime {
    Local::now().naive_local()
}

/// Why an edit or a status change was refused, in the user's language.
fn edit_error_text(error: &EditError, lang: Lang) -> String {
    let key = match error {
        EditError::ReadOnly(Status::Submitted) => T::ReadOnlySubmitted,
        EditError::ReadOnly(_) => T::ReadOnlyApproved,
        EditError::Workflow(TransitionError::CommentRequired) => T::ReturnNeedsComment,
        EditError::Workflow(TransitionError::ReasonRequired) => T::ReopenNeedsReason,
        EditError::Workflow(TransitionError::NotAllowed { .. }) => T::TransitionNotAllowed,
        EditError::Approval(ApprovalBlocker::Assessor) => T::ApproveBlockedAssessor,
        EditError::Approval(ApprovalBlocker::Edited) => T::ApproveBlockedEdited,
        EditError::NoteRequired => T::ConsensusNoteRequired,
    };
    key.get(lang).to_owned()
}

impl GovApp {
    fn user(&self) -> String {
        if self.prefs.user_name.is_empty() {
            "unknown".to_owned()
        } else {
            self.prefs.user_name.clone()
        }
    }

    pub(super) fn root(&self) -> Option<PathBuf> {
        self.state.workspace.as_ref().map(|w| w.loaded.root.clone())
    }

    /// The open workspace's recovery journal folder.
    pub(super) fn journals(&self) -> Option<PathBuf> {
        self.state.journals.clone()
    }

    pub(super) fn send(&mut self, job: Job) {
        if let Some(worker) = &mut self.state.worker {
            worker.send(job);
        }
    }

    pub(super) fn notice(&mut self, error: bool, text: impl Into<String>) {
        self.state.notice = Some(Notice {
            error,
            text: text.into(),
        });
    }

    pub(super) fn select_indicator(&mut self, id: String) {
        if let Some(session) = &mut self.state.session {
            session.editor.end_burst();
            session.selected = Some(id);
        }
    }

    pub(super) fn edit(&mut self, edit: Edit) {
        let who = self.user();
        let Some(session) = &mut self.state.session else {
            return;
        };
        match session.editor.apply(edit, &who, now()) {
            Ok(true) => self.after_edit(),
            Ok(false) => {}
            Err(e) => {
                let text = edit_error_text(&e, self.prefs.lang);
                self.notice(true, text);
            }
        }
    }

    /// Undo (`redo` false) or redo one step.
    pub(super) fn step(&mut self, redo: bool) {
        let who = self.user();
        let Some(session) = &mut self.state.session else {
            return;
        };
        let stepped = if redo {
            session.editor.redo(&who, now())
        } else {
            session.editor.undo(&who, now())
        };
        match stepped {
            Ok(true) => self.after_edit(),
            Ok(false) => {}
            Err(e) => self.notice(true, e.to_string()),
        }
    }

    pub(super) fn discard_recovery(&mut self, index: usize) {
        if index < self.state.recoveries.len() {
            let recovery = self.state.recoveries.remove(index);
            self.send(Job::RemoveJournal { path: recovery.path });
        }
    }

    /// After any change to the open assessment: the dashboard follows at
    /// once, autosave is scheduled and the journal updated.
    fn after_edit(&mut self) {
        let Some(session) = &mut self.state.session else {
            return;
        };
        session.touched(Instant::now());
        let working = session.editor.assessment.clone();
        self.put_in_dataset(working);
        self.write_journal();
    }

    /// Puts an assessment into the open dataset (replacing its old version).
    fn put_in_dataset(&mut self, assessment: Assessment) {
        let Some(open) = &mut self.state.workspace else {
            return;
        };
        let data = &mut std::sync::Arc::make_mut(&mut open.loaded).data;
        let department = assessment.department.clone();
        let kind = match data.find_mut(&assessment.department, assessment.period) {
            Some(slot) => {
                let kind = super::state::edit_kind(slot, &assessment);
                *slot = assessment;
                kind
            }
            None => {
                data.assessments.push(assessment);
                data.sort_assessments();
                None
            }
        };
        open.revision += 1;
        // An edit that keeps the assessment's date and status updates the
        // figures of its department only, or none (typing evidence);
        // anything else recomputes them all at the end of the frame.
        if let (Some(kind), Some(derived)) = (kind, &mut self.state.derived)
            && derived.is_for(
                open.revision - 1,
                self.state.selection.period,
                self.state.selection.basis,
            )
        {
            derived.edited(&open.loaded.data, open.revision, &department, kind);
        }
    }

    fn write_journal(&mut self) {
        let Some(journals) = self.journals() else { return };
        let Some(session) = &mut self.state.session else {
            return;
        };
        if !session.journal_pending {
            return;
        }
        let now = Instant::now();
        if let Some(written) = session.journal_written
            && now.duration_since(written) < JOURNAL_EVERY
        {
            let wait = JOURNAL_EVERY - now.duration_since(written);
            self.ctx.request_repaint_after(wait + Duration::from_millis(10));
            return;
        }
        session.journal_pending = false;
        session.journal_written = Some(now);
        let path = session::journal_path(&journals, session.department(), session.period());
        let job = if session.is_dirty() {
            Job::Journal {
                path,
                assessment: Box::new(session.editor.assessment.clone()),
            }
        } else {
            Job::RemoveJournal { path }
        };
        self.send(job);
    }

    pub(super) fn open_session(&mut self, department: &str, period: chrono::NaiveDate) {
        if self
            .state
            .session
            .as_ref()
            .is_some_and(|s| s.is(department, period))
        {
            return;
        }
        if self.state.session.as_ref().is_some_and(Session::is_dirty) {
            self.save_session(None);
        }
        let Some(open) = &self.state.workspace else { return };
        let Some(assessment) = open.loaded.data.find(department, period).cloned() else {
            return;
        };
        let Ok(relative) = store::assessment_path(department, period) else {
            return;
        };
        let file = open.loaded.file(&relative);
        let fingerprint = file.map(|f| f.fingerprint);
        let read_only = file.is_some_and(|f| f.read_only) || self.state.held_elsewhere.is_some();
        self.state.session = Some(Session::new(assessment, fingerprint, read_only));
    }

    pub(super) fn new_assessment(&mut self, department: &str, period: chrono::NaiveDate) {
        let Some(open) = &self.state.workspace else { return };
        let data = &open.loaded.data;
        if data.find(department, period).is_some() {
            self.open_session(department, period);
            return;
        }
        let who = self.user();
        let draft = match data.latest_for(department, period.pred_opt()) {
            Some(previous) => Assessment::carried_forward(previous, period, &who, now()),
            None => {
                let mut blank = Assessment::new(department, period, &data.framework);
                blank.assessor = who.clone();
                blank.log(now(), &who, "created", None, String::new(), period.to_string());
                blank
            }
        };
        let root = open.loaded.root.clone();
        self.send(Job::CreateAssessment {
            root,
            assessment: Box::new(draft),
        });
    }

    /// Saves the open assessment. `expected` overrides the fingerprint the
    /// file must still have (used to overwrite knowingly after a conflict).
    pub(super) fn save_session(&mut self, expected: Option<Option<store::Fingerprint>>) {
        let Some(root) = self.root() else { return };
        let Some(session) = &mut self.state.session else {
            return;
        };
        if session.read_only_file {
            let file = format!("{}/{}", session.department(), session.period());
            let text = crate::present::catalogue::problems::read_only_file(&file, self.prefs.lang);
            session.save = SaveState::Failed(text);
            return;
        }
        if session.save == SaveState::Saving || (!session.is_dirty() && expected.is_none()) {
            return;
        }
        session.editor.end_burst();
        session.save = SaveState::Saving;
        let expected = expected.unwrap_or(session.fingerprint);
        let job = Job::SaveAssessment {
            root,
            assessment: Box::new(session.editor.assessment.clone()),
            expected,
        };
        self.send(job);
    }

    /// Autosave a couple of seconds after the last edit; keeps the journal current.
    pub(super) fn autosave(&mut self) {
        let now = Instant::now();
        let Some(session) = &self.state.session else {
            return;
        };
        if session.autosave_due(now) {
            self.save_session(None);
        } else if let (SaveState::Unsaved, Some(last)) = (&session.save, session.last_edit) {
            let wait = session::AUTOSAVE_AFTER.saturating_sub(now.duration_since(last));
            self.ctx.request_repaint_after(wait + Duration::from_millis(20));
        }
        self.write_journal();
    }

    pub(super) fn transition(&mut self, to: Status, comment: &str) {
        let who = self.user();
        let Some(open) = &self.state.workspace else { return };
        let Some(session) = &mut self.state.session else {
            return;
        };
        if to == Status::Submitted {
            let findings = analysis::findings(&open.loaded.data, &session.editor.assessment);
            if analysis::blocks_submission(&findings) {
                let blocking = findings
                    .iter()
                    .filter(|f| f.severity == analysis::Severity::Error)
                    .count();
                let text = crate::present::catalogue::problems::not_submitted(blocking, self.prefs.lang);
                self.notice(true, text);
                return;
            }
        }
        let allow_self_approval = open.loaded.data.workspace.allow_self_approval;
        match session
            .editor
            .transition(to, &who, comment, now(), allow_self_approval)
        {
            Ok(()) => {
                session.touched(Instant::now());
                let working = session.editor.assessment.clone();
                self.put_in_dataset(working);
                self.save_session(None);
            }
            Err(e) => {
                let text = edit_error_text(&e, self.prefs.lang);
                self.notice(true, text);
            }
        }
    }

    pub(super) fn resolve_conflict(&mut self, choice: ConflictChoice) {
        let Some(root) = self.root() else { return };
        let Some(session) = &mut self.state.session else {
            return;
        };
        let Some(theirs) = session.theirs.take() else {
            return;
        };
        match choice {
            ConflictChoice::Mine => {
                session.save = SaveState::Unsaved;
                self.save_session(Some(theirs.fingerprint));
            }
            ConflictChoice::Theirs | ConflictChoice::Copy => {
                if choice == ConflictChoice::Copy {
                    let stamp = Local::now().format("%Y%m%d-%H%M%S");
                    let name = format!("{}.conflict-{stamp}.ron", session.period());
                    let path = root.join(session.department()).join(name);
                    let mine = Box::new(session.editor.assessment.clone());
                    self.send(Job::SaveCopy {
                        path,
                        assessment: mine,
                    });
                }
                self.take_theirs(theirs);
            }
        }
    }

    /// Merges the edits made on disk by someone else (`theirs`) with the
    /// session's, each conflict settled as chosen (mine where no choice is
    /// given), and saves the result over their file: the save is refused
    /// as a new conflict if the file changed yet again meanwhile.
    pub(super) fn merge_conflict(&mut self, choices: &[(String, crate::model::merge::Side)]) {
        use crate::app::views::consensus::conflict_key;
        let Some(session) = &mut self.state.session else {
            return;
        };
        let Some(theirs) = session.theirs.take() else {
            return;
        };
        let mut merged =
            crate::model::merge::merge(&session.saved, &session.editor.assessment, &theirs.assessment);
        let keys: Vec<String> = merged.conflicts.iter().map(conflict_key).collect();
        for (index, key) in keys.iter().enumerate() {
            if let Some((_, side)) = choices.iter().find(|(k, _)| k == key) {
                merged.choose(index, *side);
            }
        }
        session.editor.replace(merged.assessment);
        session.saved = *theirs.assessment;
        session.fingerprint = theirs.fingerprint;
        session.save = SaveState::Unsaved;
        let working = session.editor.assessment.clone();
        self.state.views.assess.merge_choices.clear();
        self.put_in_dataset(working);
        self.save_session(Some(theirs.fingerprint));
    }

    /// Drops the session's edits for what is on disk.
    fn take_theirs(&mut self, theirs: Theirs) {
        let Some(journals) = self.journals() else { return };
        let Some(session) = &mut self.state.session else {
            return;
        };
        let journal = session::journal_path(&journals, session.department(), session.period());
        let selected = session.selected.clone();
        let mut fresh = Session::new((*theirs.assessment).clone(), theirs.fingerprint, false);
        fresh.selected = selected;
        self.state.session = Some(fresh);
        self.put_in_dataset(*theirs.assessment);
        self.send(Job::RemoveJournal { path: journal });
    }

    pub(super) fn restore(&mut self, index: usize) {
        if index >= self.state.recoveries.len() {
            return;
        }
        let recovery = self.state.recoveries.remove(index);
        let department = recovery.assessment.department.clone();
        let period = recovery.assessment.period;
        let exists = self
            .state
            .data()
            .is_some_and(|d| d.find(&department, period).is_some());
        if exists {
            self.open_session(&department, period);
        } else {
            // Never saved before the crash: the file does not exist yet.
            let mut blank = recovery.assessment.clone();
            blank.answers.clear();
            self.state.session = Some(Session::new(blank, None, false));
        }
        if let Some(session) = &mut self.state.session {
            session.editor.assessment = recovery.assessment;
            session.selected = None;
            session.touched(Instant::now());
        }
        self.prefs.tab = super::state::Tab::Assess;
        self.state.selection.department = Some(department);
        if let Some(working) = self.state.session.as_ref().map(|s| s.editor.assessment.clone()) {
            self.put_in_dataset(working);
        }
    }

    pub(super) fn save_copy_to(&mut self, path: PathBuf) {
        let Some(session) = &self.state.session else {
            return;
        };
        if let Some(open) = &self.state.workspace
            && crate::store::owned_by_store(&open.loaded.root, &path)
        {
            // A copy written there would replace the store's own file
            // without the "changed on disk" check, lock and backup.
            let said = crate::present::catalogue::cli::Say::CopyIsStoreFile {
                out: &path,
                dir: &open.loaded.root,
            }
            .text(self.prefs.lang);
            self.notice(true, said);
            return;
        }
        let assessment = Box::new(session.editor.assessment.clone());
        self.send(Job::SaveCopy { path, assessment });
    }

    /// Restores an unreadable assessment file from its newest readable
    /// backup (the unreadable content is kept as a backup), then reloads.
    pub(super) fn restore_backup(&mut self, file: &std::path::Path) {
        let Some(root) = self.root() else { return };
        let lang = self.prefs.lang;
        let text = match store::restore_backup(&root, file) {
            Ok(backup) => i18n::restored_text(file, &backup, lang),
            Err(e) => crate::present::catalogue::problems::restore_failed(file, &e, lang),
        };
        let error = text.starts_with('⚠');
        self.state.notice = Some(Notice { error, text });
        self.request_reload();
    }

    pub(super) fn request_reload(&mut self) {
        if let Some(root) = self.root() {
            self.state.reload_due = None;
            self.send(Job::Reload { root });
        }
    }

    /// Reloads the workspace a moment after files in it changed, unless
    /// every changed file holds what the app itself last wrote there.
    pub(super) fn poll_watcher(&mut self) {
        let changed = self
            .state
            .watcher
            .as_ref()
            .map(|w| w.changed())
            .unwrap_or_default();
        let now = Instant::now();
        if !changed.is_empty() {
            self.state.changed_files.extend(changed);
            self.state.reload_due = Some(now + RELOAD_AFTER);
        }
        match self.state.reload_due {
            Some(due) if now >= due => {
                let files = std::mem::take(&mut self.state.changed_files);
                // Many changed files (a checkout, a sync) are reloaded
                // without reading each one here first.
                let others = self.state.workspace.as_ref().is_some_and(|open| {
                    files.len() > CHECKED_CHANGES_MAX
                        || files
                            .iter()
                            .any(|file| super::watch::changed_by_others(&open.loaded, file))
                });
                self.state.reload_due = None;
                if others {
                    self.request_reload();
                }
            }
            Some(due) => self.ctx.request_repaint_after(due - now),
            None => {}
        }
    }

    pub(super) fn poll_worker(&mut self) {
        let Some(worker) = &mut self.state.worker else {
            return;
        };
        for done in worker.poll() {
            self.handle(done);
        }
    }

    fn handle(&mut self, done: Done) {
        match done {
            Done::AssessmentSaved {
                department,
                period,
                saved,
                fingerprint,
            } => self.saved(&department, period, *saved, fingerprint),
            Done::AssessmentFailed {
                department,
                period,
                error,
                conflict,
            } => {
                let error = error.text(self.prefs.lang);
                let Some(session) = &mut self.state.session else {
                    return;
                };
                if !session.is(&department, period) {
                    return self.notice(true, error);
                }
                session.save = if conflict {
                    SaveState::Unsaved
                } else {
                    SaveState::Failed(error)
                };
                if conflict {
                    self.request_reload();
                }
            }
            Done::CopySaved { path } => self.notice(false, format!("✓ {}", path.display())),
            Done::CopyFailed { error, .. } | Done::CreateFailed { error } | Done::JournalFailed { error } => {
                self.notice(true, error.text(self.prefs.lang))
            }
            Done::Created {
                assessment,
                fingerprint,
            } => {
                let department = assessment.department.clone();
                let period = assessment.period;
                if let Some(open) = &mut self.state.workspace
                    && let Ok(relative) = store::assessment_path(&department, period)
                {
                    std::sync::Arc::make_mut(&mut open.loaded).record_saved(relative, fingerprint);
                }
                self.put_in_dataset(*assessment);
                self.open_session(&department, period);
            }
            Done::WorkspaceSaved { fingerprint } => {
                if let Some(open) = &mut self.state.workspace {
                    std::sync::Arc::make_mut(&mut open.loaded)
                        .record_saved(PathBuf::from(store::WORKSPACE_FILE), fingerprint);
                }
            }
            Done::WorkspaceFailed { error } | Done::ReloadFailed { error } | Done::ExportFailed { error } => {
                self.state.exporting = false;
                self.notice(true, error.text(self.prefs.lang))
            }
            Done::Reloaded(loaded) => self.reloaded(*loaded),
            Done::PlanSaved {
                scope, fingerprint, ..
            } => self.plan_saved(scope, fingerprint),
            Done::PlanFailed {
                scope,
                error,
                conflict,
            } => self.plan_failed(scope, error, conflict),
            Done::Exported { out } => {
                self.state.exporting = false;
                self.notice(false, format!("✓ {}", out.display()));
            }
            Done::Nothing => {}
            done @ (Done::QuestionnairesWritten { .. }
            | Done::QuestionnairesFailed { .. }
            | Done::ImportChecked { .. }
            | Done::ImportFailed { .. }) => self.collect_done(done),
        }
    }

    fn saved(
        &mut self,
        department: &str,
        period: chrono::NaiveDate,
        saved: Assessment,
        fingerprint: store::Fingerprint,
    ) {
        if let Some(open) = &mut self.state.workspace
            && let Ok(relative) = store::assessment_path(department, period)
        {
            let loaded = std::sync::Arc::make_mut(&mut open.loaded);
            // Reopened (or approved anew): no longer "changed after approval".
            if saved.changed_after_approval().is_none() {
                loaded.problems.retain(|p| {
                    p.file != relative || !matches!(p.code, store::ProblemCode::ChangedAfterApproval { .. })
                });
            }
            loaded.record_saved(relative, fingerprint);
        }
        let Some(journals) = self.journals() else { return };
        let Some(session) = &mut self.state.session else {
            return;
        };
        if !session.is(department, period) {
            return;
        }
        session.saved = saved;
        session.fingerprint = Some(fingerprint);
        session.save = if session.is_dirty() {
            SaveState::Unsaved
        } else {
            SaveState::Saved
        };
        if !session.is_dirty() {
            let path = session::journal_path(&journals, department, period);
            self.send(Job::RemoveJournal { path });
        }
    }

    /// A reload after a change on disk. The open assessment: unchanged on
    /// disk → nothing to do; changed and no edits here → take theirs;
    /// changed while edited here → ask (never a silent overwrite).
    fn reloaded(&mut self, mut loaded: store::LoadedWorkspace) {
        if self.root().as_deref() != Some(loaded.root.as_path()) {
            return;
        }
        self.keep_plan_edits(&mut loaded);
        let mut put_back = None;
        if let Some(session) = &mut self.state.session
            && let Ok(relative) = store::assessment_path(session.department(), session.period())
        {
            let on_disk = loaded.files.get(&relative).map(|f| f.fingerprint);
            let changed = match (&on_disk, &session.fingerprint) {
                (Some(a), Some(b)) => !a.same_content(b),
                (None, None) => false,
                _ => true,
            };
            let theirs = loaded.data.find(session.department(), session.period()).cloned();
            if changed && session.save != SaveState::Saving {
                match (session.is_dirty(), theirs) {
                    (false, Some(theirs)) => {
                        let selected = session.selected.clone();
                        *session = Session::new(theirs, on_disk, false);
                        session.selected = selected;
                    }
                    (_, theirs) => {
                        let fallback = || Box::new(session.saved.clone());
                        let assessment = theirs.map(Box::new).unwrap_or_else(fallback);
                        session.theirs = Some(Theirs {
                            assessment,
                            fingerprint: on_disk,
                        });
                    }
                }
            }
            if session.is_dirty() {
                put_back = Some(session.editor.assessment.clone());
            }
        }
        self.install_workspace(loaded);
        if let Some(working) = put_back {
            self.put_in_dataset(working);
        }
    }

    /// Workspace settings changed in the settings window: the dashboard
    /// follows at once and `workspace.ron` is saved atomically.
    pub(super) fn update_workspace(&mut self, workspace: Workspace) {
        let Some(open) = &mut self.state.workspace else {
            return;
        };
        let expected = open.loaded.fingerprint(Path::new(store::WORKSPACE_FILE)).copied();
        std::sync::Arc::make_mut(&mut open.loaded).data.workspace = workspace.clone();
        open.revision += 1;
        let root = open.loaded.root.clone();
        self.send(Job::SaveWorkspace {
            root,
            workspace: Box::new(workspace),
            expected,
        });
    }

    /// Creates `workspace.ron` in an empty folder (or opens an existing workspace).
    pub(super) fn create_workspace(&mut self, folder: &Path) {
        if !folder.join(store::WORKSPACE_FILE).is_file() {
            let name = folder
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let workspace = Workspace::new(Text::new(name.clone(), name));
            if let Err(e) = store::save_workspace(folder, &workspace, None) {
                return self.notice(true, e.to_string());
            }
        }
        self.open_workspace(folder);
        self.state.show_workspace_settings = true;
    }

    /// "Open the sample workspace": the repository's `assessments/` where it
    /// is (run from the source tree), else the user's own copy
    /// ([`super::state::SampleFolders`]), written the first time. A copy that is
    /// there already is opened as it is: the changes made to it are kept.
    pub(super) fn open_sample(&mut self) {
        let sample = self.state.sample.clone();
        if sample.here_is_workspace() {
            return self.open_workspace(&sample.here);
        }
        let Some(copy) = sample.copy else { return };
        if !copy.join(store::WORKSPACE_FILE).is_file()
            && let Err(message) = crate::cli::generate::write_sample(&copy, self.prefs.lang)
        {
            return self.notice(true, message);
        }
        self.open_workspace(&copy);
    }

    pub(super) fn export_file_name(&self, request: &ExportRequest) -> String {
        let period = self.state.derived.as_ref().and_then(|d| d.summary.period);
        let period = period.map(|p| p.to_string()).unwrap_or_default();
        let scope = request.department.as_deref().unwrap_or("government");
        let kind = match request.kind {
            ReportKind::Brief => "-brief",
            _ => "",
        };
        format!("maturity-{scope}{kind}-{period}.{}", request.format.extension())
    }

    pub(super) fn export_to(&mut self, request: ExportRequest, out: PathBuf) {
        let Some(open) = &self.state.workspace else { return };
        if crate::store::owned_by_store(&open.loaded.root, &out) {
            let said = crate::present::catalogue::cli::Say::OutIsStoreFile {
                out: &out,
                dir: &open.loaded.root,
            }
            .text(self.prefs.lang);
            self.notice(true, said);
            return;
        }
        let options = ReportOptions {
            kind: request.kind,
            style: request.style,
            split: false,
            format: request.format,
            period: self.state.selection.period,
            department: request.department,
            basis: self.prefs.basis,
            lang: self.prefs.lang,
            generated: Local::now().date_naive(),
        };
        let loaded = open.loaded.clone();
        self.state.exporting = true;
        self.send(Job::Export { loaded, options, out });
    }
}
