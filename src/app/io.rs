//! The app's file work, off the UI thread: one worker thread takes jobs in
//! order (save, journal, reload, export …) and sends results back through a
//! channel, asking egui to repaint so the frame picks them up at once.
//! The frame itself never waits on the disk.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, Sender};

use chrono::NaiveDate;

use crate::model::{Action, Assessment, Lang, PlanScope, Workspace};
use crate::present::catalogue::problems;
use crate::report::{self, ReportOptions};
use crate::store::{self, Fingerprint, LoadedWorkspace, SaveError, StoreError};

/// Why a job failed, kept typed so it is worded in the user's language when
/// it arrives ([`Failure::text`]).
#[derive(Debug)]
pub enum Failure {
    Save(SaveError),
    Load(StoreError),
    /// Reading (`writing` false) or writing `path` failed.
    Io {
        path: PathBuf,
        error: std::io::Error,
        writing: bool,
    },
    /// Already worded (a report writer's error).
    Text(String),
}

impl Failure {
    /// The failure in `lang`: what went wrong and what to do.
    pub fn text(&self, lang: Lang) -> String {
        match self {
            Failure::Save(error) => problems::save_error(error, lang),
            Failure::Load(error) => problems::store_error(error, lang),
            Failure::Io { path, error, writing } => problems::io_error(path, error, *writing, lang),
            Failure::Text(text) => text.clone(),
        }
    }
}

/// What the worker is asked to do.
pub enum Job {
    SaveAssessment {
        root: PathBuf,
        assessment: Box<Assessment>,
        expected: Option<Fingerprint>,
    },
    /// Writes an assessment somewhere else (Save as…, or "save mine as a copy").
    SaveCopy {
        path: PathBuf,
        assessment: Box<Assessment>,
    },
    CreateAssessment {
        root: PathBuf,
        assessment: Box<Assessment>,
    },
    SaveWorkspace {
        root: PathBuf,
        workspace: Box<Workspace>,
        expected: Option<Fingerprint>,
    },
    /// Keeps unsaved edits in a recovery file until they are saved.
    Journal {
        path: PathBuf,
        assessment: Box<Assessment>,
    },
    RemoveJournal {
        path: PathBuf,
    },
    /// Saves the actions of one plan (see [`store::save_plan`]).
    SavePlan {
        root: PathBuf,
        scope: PlanScope,
        actions: Vec<Action>,
        expected: Option<Fingerprint>,
    },
    /// Keeps unsaved plan edits in a recovery file until they are saved.
    PlanJournal {
        path: PathBuf,
        actions: Vec<Action>,
    },
    Reload {
        root: PathBuf,
    },
    /// Writes questionnaires into a folder (see [`super::collect`]).
    WriteQuestionnaires {
        root: PathBuf,
        request: super::collect::SendRequest,
        folder: PathBuf,
        lang: Lang,
    },
    /// Checks (a dry run) or imports returned questionnaires.
    ImportQuestionnaires {
        root: PathBuf,
        files: Vec<PathBuf>,
        options: crate::exchange::ImportOptions,
        lang: Lang,
    },
    /// Renders a report from a snapshot of the workspace as shown (unsaved edits included).
    Export {
        loaded: std::sync::Arc<LoadedWorkspace>,
        options: ReportOptions,
        out: PathBuf,
    },
}

/// What came back.
pub enum Done {
    AssessmentSaved {
        department: String,
        period: NaiveDate,
        saved: Box<Assessment>,
        fingerprint: Fingerprint,
    },
    AssessmentFailed {
        department: String,
        period: NaiveDate,
        error: Failure,
        conflict: bool,
    },
    CopySaved {
        path: PathBuf,
    },
    CopyFailed {
        path: PathBuf,
        error: Failure,
    },
    Created {
        assessment: Box<Assessment>,
        fingerprint: Fingerprint,
    },
    CreateFailed {
        error: Failure,
    },
    WorkspaceSaved {
        fingerprint: Fingerprint,
    },
    WorkspaceFailed {
        error: Failure,
    },
    JournalFailed {
        error: Failure,
    },
    PlanSaved {
        scope: PlanScope,
        saved: Vec<Action>,
        fingerprint: Fingerprint,
    },
    PlanFailed {
        scope: PlanScope,
        error: Failure,
        conflict: bool,
    },
    /// A job that succeeded with nothing to report.
    Nothing,
    Reloaded(Box<LoadedWorkspace>),
    ReloadFailed {
        error: Failure,
    },
    Exported {
        out: PathBuf,
    },
    ExportFailed {
        error: Failure,
    },
    QuestionnairesWritten {
        count: usize,
        folder: PathBuf,
    },
    QuestionnairesFailed {
        error: Failure,
    },
    /// What checking (`dry_run`) or importing each file found.
    ImportChecked {
        dry_run: bool,
        files: Vec<super::collect::ImportedFile>,
    },
    ImportFailed {
        error: Failure,
    },
}

pub struct Worker {
    jobs: Sender<Job>,
    done: Receiver<Done>,
    /// Jobs sent and not yet answered.
    pending: usize,
}

impl Worker {
    /// Starts the worker; `wake` is called after every finished job.
    pub fn start(wake: impl Fn() + Send + 'static) -> Self {
        let (jobs, job_receiver) = mpsc::channel::<Job>();
        let (done_sender, done) = mpsc::channel();
        let spawned = std::thread::Builder::new()
            .name("govmaturity-io".into())
            .spawn(move || {
                for job in job_receiver {
                    if done_sender.send(run(job)).is_err() {
                        break;
                    }
                    wake();
                }
            });
        if let Err(e) = spawned {
            // Without a worker every job fails visibly instead of hanging.
            eprintln!("error: could not start the file worker: {e}");
        }
        Worker {
            jobs,
            done,
            pending: 0,
        }
    }

    pub fn send(&mut self, job: Job) {
        if self.jobs.send(job).is_ok() {
            self.pending += 1;
        }
    }

    /// The results that have arrived.
    pub fn poll(&mut self) -> Vec<Done> {
        let done: Vec<Done> = self.done.try_iter().collect();
        self.pending = self.pending.saturating_sub(done.len());
        done
    }

    /// Whether jobs are still running (for "saving…" and for tests).
    pub fn is_busy(&self) -> bool {
        self.pending > 0
    }
}

fn run(job: Job) -> Done {
    match job {
        Job::SaveAssessment {
            root,
            assessment,
            expected,
        } => match store::save_assessment(&root, &assessment, expected.as_ref()) {
            Ok(fingerprint) => Done::AssessmentSaved {
                department: assessment.department.clone(),
                period: assessment.period,
                saved: assessment,
                fingerprint,
            },
            Err(error) => Done::AssessmentFailed {
                department: assessment.department.clone(),
                period: assessment.period,
                conflict: matches!(error, SaveError::Conflict { .. }),
                error: Failure::Save(error),
            },
        },
        Job::SaveCopy { path, assessment } => match write_copy(&path, &assessment) {
            Ok(()) => Done::CopySaved { path },
            Err(error) => Done::CopyFailed { path, error },
        },
        Job::CreateAssessment { root, assessment } => match store::create_assessment(&root, &assessment) {
            Ok(fingerprint) => Done::Created {
                assessment,
                fingerprint,
            },
            Err(error) => Done::CreateFailed {
                error: Failure::Save(error),
            },
        },
        Job::SaveWorkspace {
            root,
            workspace,
            expected,
        } => match store::save_workspace(&root, &workspace, expected.as_ref()) {
            Ok(fingerprint) => Done::WorkspaceSaved { fingerprint },
            Err(error) => Done::WorkspaceFailed {
                error: Failure::Save(error),
            },
        },
        Job::Journal { path, assessment } => match super::session::check_journal_path(&path)
            .map_err(|error| written(&path, error))
            .and_then(|()| write_copy(&path, &assessment))
        {
            Ok(()) => Done::Nothing,
            Err(error) => Done::JournalFailed { error },
        },
        Job::RemoveJournal { path } => match std::fs::remove_file(&path) {
            Err(error) if error.kind() != std::io::ErrorKind::NotFound => Done::JournalFailed {
                error: Failure::Io {
                    path,
                    error,
                    writing: true,
                },
            },
            _ => Done::Nothing,
        },
        Job::SavePlan {
            root,
            scope,
            actions,
            expected,
        } => match store::save_plan(&root, &scope, &actions, expected.as_ref()) {
            Ok(fingerprint) => Done::PlanSaved {
                scope,
                saved: actions,
                fingerprint,
            },
            Err(error) => Done::PlanFailed {
                scope,
                conflict: matches!(error, SaveError::Conflict { .. }),
                error: Failure::Save(error),
            },
        },
        Job::PlanJournal { path, actions } => {
            let written = store::plan_to_ron(&actions)
                .map_err(|e| Failure::Text(e.to_string()))
                .and_then(|text| {
                    super::session::check_journal_path(&path).map_err(|error| written(&path, error))?;
                    if let Some(parent) = path.parent() {
                        store::create_dir_all_synced(parent).map_err(|error| written(parent, error))?;
                    }
                    store::atomic_write(&path, text.as_bytes()).map_err(|error| written(&path, error))
                });
            match written {
                Ok(()) => Done::Nothing,
                Err(error) => Done::JournalFailed { error },
            }
        }
        Job::Reload { root } => match store::load(&root) {
            Ok(loaded) => Done::Reloaded(Box::new(loaded)),
            Err(error) => Done::ReloadFailed {
                error: Failure::Load(error),
            },
        },
        Job::WriteQuestionnaires {
            root,
            request,
            folder,
            lang,
        } => match super::collect::write_questionnaires(&root, &request, &folder, lang) {
            Ok(count) => Done::QuestionnairesWritten { count, folder },
            Err(error) => Done::QuestionnairesFailed { error },
        },
        Job::ImportQuestionnaires {
            root,
            files,
            options,
            lang,
        } => match super::collect::import_files(&root, &files, &options, lang) {
            Ok(files) => Done::ImportChecked {
                dry_run: options.dry_run,
                files,
            },
            Err(error) => Done::ImportFailed { error },
        },
        Job::Export { loaded, options, out } => {
            // `reports/` in the workspace is the default place; make it on first use.
            if let Some(folder) = out.parent().filter(|p| !p.as_os_str().is_empty())
                && let Err(error) = store::create_dir_all_synced(folder)
            {
                return Done::ExportFailed {
                    error: Failure::Io {
                        path: folder.to_path_buf(),
                        error,
                        writing: true,
                    },
                };
            }
            match report::write(&loaded, &options, &out) {
                Ok(()) => Done::Exported { out },
                Err(error) => Done::ExportFailed {
                    error: Failure::Text(error.to_string()),
                },
            }
        }
    }
}

/// Writes an assessment as RON to any path, atomically.
fn write_copy(path: &Path, assessment: &Assessment) -> Result<(), Failure> {
    let text = store::to_ron(assessment).map_err(|e| Failure::Text(e.to_string()))?;
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        store::create_dir_all_synced(parent).map_err(|error| written(parent, error))?;
    }
    store::atomic_write(path, text.as_bytes()).map_err(|error| written(path, error))
}

fn written(path: &Path, error: std::io::Error) -> Failure {
    Failure::Io {
        path: path.to_path_buf(),
        error,
        writing: true,
    }
}
