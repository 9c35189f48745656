//! The assessment open in the Assess view: its editor, what is on disk, the
//! save state, and the recovery journal that keeps unsaved edits safe across
//! a crash.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::NaiveDate;

use super::editor::Editor;
use crate::model::Assessment;
use crate::store::{self, Fingerprint};

/// How long after the last edit an autosave starts.
pub const AUTOSAVE_AFTER: Duration = Duration::from_secs(2);

/// The folder (inside the workspace) that holds recovery journals.
pub const RECOVERY_DIR: &str = ".recovery";

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveState {
    Saved,
    Unsaved,
    Saving,
    Failed(String),
}

/// The other side of a conflict: the file as someone else saved it.
#[derive(Clone, Debug)]
pub struct Theirs {
    pub assessment: Box<Assessment>,
    pub fingerprint: Option<Fingerprint>,
}

pub struct Session {
    pub editor: Editor,
    /// The content on disk as last loaded or saved.
    pub saved: Assessment,
    /// The file's fingerprint as last loaded or saved (`None`: not on disk yet).
    pub fingerprint: Option<Fingerprint>,
    /// The file must not be rewritten (newer format, or it failed to parse).
    pub read_only_file: bool,
    pub save: SaveState,
    pub last_edit: Option<Instant>,
    /// The selected indicator, by id.
    pub selected: Option<String>,
    /// A change on disk while this session had unsaved edits.
    pub theirs: Option<Theirs>,
    /// Whether the journal has edits not yet written to it.
    pub journal_pending: bool,
    /// When the journal was last written (it is written at most once a
    /// second while typing).
    pub journal_written: Option<Instant>,
}

impl Session {
    pub fn new(assessment: Assessment, fingerprint: Option<Fingerprint>, read_only_file: bool) -> Self {
        Session {
            editor: Editor::new(assessment.clone()),
            saved: assessment,
            fingerprint,
            read_only_file,
            save: SaveState::Saved,
            last_edit: None,
            selected: None,
            theirs: None,
            journal_pending: false,
            journal_written: None,
        }
    }

    pub fn department(&self) -> &str {
        &self.editor.assessment.department
    }

    pub fn period(&self) -> NaiveDate {
        self.editor.assessment.period
    }

    pub fn is(&self, department: &str, period: NaiveDate) -> bool {
        self.department() == department && self.period() == period
    }

    /// Edits not yet on disk.
    pub fn is_dirty(&self) -> bool {
        self.editor.assessment != self.saved
    }

    /// Records that an edit happened now.
    pub fn touched(&mut self, now: Instant) {
        self.last_edit = Some(now);
        self.journal_pending = true;
        if self.save != SaveState::Saving {
            self.save = if self.is_dirty() {
                SaveState::Unsaved
            } else {
                SaveState::Saved
            };
        }
    }

    /// Whether autosave should start now.
    pub fn autosave_due(&self, now: Instant) -> bool {
        self.save == SaveState::Unsaved
            && self.theirs.is_none()
            && !self.read_only_file
            && self
                .last_edit
                .is_some_and(|t| now.duration_since(t) >= AUTOSAVE_AFTER)
    }
}

/// Where the recovery journal of an assessment lives.
pub fn journal_path(root: &Path, department: &str, period: NaiveDate) -> PathBuf {
    root.join(RECOVERY_DIR)
        .join(department)
        .join(format!("{period}.ron"))
}

/// Checks that a journal's path (under [`RECOVERY_DIR`] in a workspace)
/// stays inside the workspace: a `.recovery` folder that is a link out of
/// it is neither read nor written.
pub fn check_journal_path(path: &Path) -> std::io::Result<()> {
    let recovery = path
        .ancestors()
        .find(|folder| folder.file_name() == Some(std::ffi::OsStr::new(RECOVERY_DIR)));
    match recovery.and_then(|folder| Some((folder.parent()?, path.strip_prefix(folder.parent()?).ok()?))) {
        Some((root, relative)) => store::check_inside(root, relative),
        None => Ok(()),
    }
}

/// A journal's text, read as the store reads its files (a regular file of
/// a sane size, inside the workspace).
pub fn read_journal(path: &Path) -> Option<String> {
    check_journal_path(path).ok()?;
    let (bytes, _) = store::read_regular(path).ok()?;
    String::from_utf8(bytes).ok()
}

/// Unsaved edits found from an earlier run.
#[derive(Clone, Debug)]
pub struct Recovery {
    pub path: PathBuf,
    pub assessment: Assessment,
}

/// Finds recovery journals whose content differs from the assessment on
/// disk (an identical one is stale and removed).
pub fn find_recoveries(root: &Path, data: &crate::model::Dataset) -> Vec<Recovery> {
    let mut found = Vec::new();
    let Ok(folders) = std::fs::read_dir(root.join(RECOVERY_DIR)) else {
        return found;
    };
    for folder in folders.flatten() {
        let Ok(files) = std::fs::read_dir(folder.path()) else {
            continue;
        };
        for file in files.flatten() {
            let path = file.path();
            let Some(text) = read_journal(&path) else {
                continue;
            };
            let Ok((assessment, _)) = store::parse_assessment(&text, &path) else {
                continue;
            };
            match data.find(&assessment.department, assessment.period) {
                Some(on_disk) if *on_disk == assessment => {
                    let _ = std::fs::remove_file(&path);
                }
                _ => found.push(Recovery { path, assessment }),
            }
        }
    }
    found.sort_by(|a, b| {
        (&a.assessment.department, a.assessment.period).cmp(&(&b.assessment.department, b.assessment.period))
    });
    found
}
