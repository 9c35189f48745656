//! Folder ↔ model: reading a workspace folder of RON files into a
//! [`crate::model::Dataset`] with a list of problems, and writing files back
//! atomically.
//!
//! The folder:
//!
//! ```text
//! workspace.ron                 settings, departments, targets (model::Workspace)
//! framework.ron                 optional; used when workspace.framework is Custom
//! <department-id>/<YYYY-MM-DD>.ron   one assessment per department per period
//! <department-id>/plan.ron      the department's improvement actions (optional)
//! plan.ron                      government-wide improvement actions (optional)
//! .backups/<path>/<time>.ron    previous contents of saved files (the newest 10)
//! .govmaturity.lock             the save lock; .govmaturity.session: the app's (see lock.rs)
//! ```
//!
//! Dot-folders and dot-files belong to the program and are never read as
//! data. Every file starts with `version: N`: the current version is parsed,
//! older ones migrate (see `migrate.rs`), newer ones load read-only and are
//! never rewritten. A file that failed to parse is never overwritten either:
//! the `save_*` functions re-check the file on disk before replacing it.
//!
//! Loading reports problems (file, line, column and a stable
//! [`ProblemCode`]; `present::catalogue::problems` says in English or
//! Chinese what is wrong and what to do) instead of failing; only a folder
//! that cannot be read or has no `workspace.ron` is an error. Saving refuses to clobber a file that changed on disk since it was
//! loaded: callers pass the [`Fingerprint`] they loaded and get
//! [`SaveError::Conflict`] if it no longer matches.

/// The workspace folder used when none is given: the sample shipped in the
/// repository.
pub const DEFAULT_WORKSPACE: &str = "assessments";

mod atomic;
mod backup;
mod builtin;
mod check;
mod contain;
mod error;
mod fingerprint;
mod format;
mod load;
mod lock;
mod migrate;
mod paths;
mod plan;
mod problem;
mod quick_ron;
mod save;
mod slim;
mod temp;

pub use atomic::{
    atomic_create, atomic_write, atomic_write_streamed, atomic_write_with_hook, create_dir_all_synced,
};
pub use backup::{BACKUPS_KEPT, backup_folder, list_backups, restorable_backup, restore_backup};
pub use builtin::{BUILTIN_FRAMEWORK_FILE, BUILTIN_FRAMEWORK_RON, builtin_framework};
pub use contain::{
    MAX_FILE_BYTES, Refusal, SpecialKind, check_inside, owned_by_store, read_inside, read_regular, refusal,
};
pub use error::{InvalidReason, ReadOnlyReason, SaveError, StoreError};
pub use fingerprint::Fingerprint;
pub use format::{parse_assessment, parse_framework, parse_workspace, to_ron};
pub use load::{
    AssessmentCheck, Checked, FileState, LoadedWorkspace, Progress, cannot_read, check, load, load_latest,
    load_with_progress,
};
pub use lock::{HOLDER_FILE, Holder, LOCK_FILE, SESSION_FILE, SaveLock, Session, SessionLock, read_holder};
pub use paths::{BACKUP_DIR, FRAMEWORK_FILE, WORKSPACE_FILE, assessment_path};
pub use plan::{create_plans, parse_plan, plan_path, plan_to_ron, save_plan};
pub use problem::{FileKind, Position, Problem, ProblemCode, Severity, ValueKind, locate};
pub use save::{create_assessment, file_kind, save_assessment, save_framework, save_workspace};
pub use slim::{drop_text, load_for_report};
pub use temp::remove_stale_temp_files;

// For `crate::fuzzing`, which reads one file's text as loading does.
pub(crate) use check::{AssessmentContext, check_assessment, check_framework, check_workspace};
pub(crate) use plan::{ParsedPlan, check_plans};
pub(crate) use quick_ron::from_str as quick_from_str;
