//! Why a workspace could not be opened or a file could not be saved.
//!
//! Each error carries what a message needs (the file, the reason, the
//! operating system's error kind); `present::catalogue::problems` words it in
//! English or Chinese and says what to do. `Display` is a short English form
//! for logs and the CLI's fallback.

use std::fmt;
use std::io;
use std::path::PathBuf;

use chrono::NaiveDate;

use super::fingerprint::Fingerprint;
use super::problem::Problem;
use crate::model::{FORMAT_VERSION, IdError};

/// The workspace cannot be opened at all. Anything less (a bad file) is a
/// [`super::Problem`] in [`super::LoadedWorkspace::problems`] instead.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(
        "{} has no workspace.ron, so it is not a govmaturity workspace; open another folder, \
         or create an empty workspace there with `govmaturity init {}` (or Workspace → New workspace… \
         in the app)",
        root.display(),
        root.display()
    )]
    NoWorkspace { root: PathBuf },
    #[error("{} is not a folder; open the workspace folder that holds workspace.ron", root.display())]
    NotAFolder { root: PathBuf },
    #[error("cannot read the folder {}: {source}; check that it exists and that you may read it", root.display())]
    Unreadable {
        root: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error("department {source}; department ids are folder names, so only safe slugs are allowed")]
    UnsafeId {
        id: String,
        #[source]
        source: IdError,
    },
}

/// A file was not saved. Nothing on disk changed.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    /// The file changed on disk since it was loaded (or appeared, or was
    /// removed). To overwrite it anyway, save again with `on_disk` as the
    /// expected fingerprint.
    #[error("{}", conflict_message(path, on_disk.as_ref()))]
    Conflict {
        path: PathBuf,
        on_disk: Option<Fingerprint>,
    },
    /// The file on disk must not be rewritten by this program.
    #[error("{} is read-only: {reason}", path.display())]
    ReadOnly { path: PathBuf, reason: ReadOnlyReason },
    /// `create_assessment` found a file already there.
    #[error(
        "{} already exists, so it was not created again; open the existing assessment instead",
        path.display()
    )]
    Exists { path: PathBuf },
    #[error(
        "could not write {}: {source}; check the folder's permissions and the free disk space, \
         or use Save as… to save somewhere else",
        path.display()
    )]
    Io {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    /// The value itself cannot be saved (unsafe id, wrong version, …).
    #[error("cannot save {}: {reason}", path.display())]
    Invalid { path: PathBuf, reason: InvalidReason },
}

fn conflict_message(path: &std::path::Path, on_disk: Option<&Fingerprint>) -> String {
    let what = match on_disk {
        Some(_) => "was changed on disk since it was loaded (another program or person saved it)",
        None => "was removed from disk since it was loaded",
    };
    format!(
        "{} {what}; nothing was saved. Reload to see what is there now, or choose to overwrite it",
        path.display()
    )
}

/// Why a value cannot be saved at all.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum InvalidReason {
    /// Its department id cannot be a folder name.
    #[error("department {0}")]
    BadId(IdError),
    /// It has an older format version than this program writes.
    #[error("it has format version {version}; set it to {FORMAT_VERSION} before saving")]
    OldVersion { version: u32 },
    /// An action that does not belong in the plan being saved (see
    /// [`crate::model::Action::scope`]).
    #[error("action \"{action}\" belongs in another plan file")]
    WrongPlan { action: String },
    /// RON could not write it (the serialiser's own words).
    #[error("it cannot be written as RON: {detail}")]
    Ron { detail: String },
}

/// Why a file on disk is never rewritten.
#[derive(Clone, Debug, PartialEq)]
pub enum ReadOnlyReason {
    /// Written by a newer version of govmaturity.
    NewerFormat { version: u32 },
    /// It does not parse; the problem says where and why.
    Unreadable { problem: Box<Problem> },
    /// Its content belongs somewhere else (another department or period).
    Misplaced { department: String, period: NaiveDate },
}

impl fmt::Display for ReadOnlyReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadOnlyReason::NewerFormat { version } => write!(
                f,
                "it was written by a newer govmaturity (format version {version}; this program writes \
                 {FORMAT_VERSION}) and is never rewritten by this one; update govmaturity to edit it, \
                 or use Save as…"
            ),
            ReadOnlyReason::Unreadable { problem } => write!(
                f,
                "it could not be read ({}:{}: {}), so it is never overwritten; fix or remove it in a text \
                 editor first, or use Save as…",
                problem.line,
                problem.column,
                problem.code.code()
            ),
            ReadOnlyReason::Misplaced { department, period } => write!(
                f,
                "it holds the assessment of department \"{department}\" for {period}, so it is never \
                 overwritten; move it to its own place first"
            ),
        }
    }
}
