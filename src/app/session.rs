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

/// The folder inside a workspace where older versions kept its recovery
/// journals (and where tests keep them; see [`journal_folder`]).
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

/// The folder that holds the recovery journals of the workspace at `root`.
///
/// With a per-user folder (`user`: the app's data folder, see
/// [`super::about::recovery_base`]): `<user>/<name>-<key>`, where `<key>`
/// is drawn from the workspace's full path, so two workspaces never mix and
/// a workspace on a shared network folder never holds one user's unsaved
/// edits where the others see them. Without one (tests, or a system with no
/// per-user folder): `.recovery` in the workspace, as older versions kept
/// them ([`migrate_journals`] moves those on).
pub fn journal_folder(user: Option<&Path>, root: &Path) -> PathBuf {
    match user {
        Some(user) => user.join(workspace_key(root)),
        None => root.join(RECOVERY_DIR),
    }
}

/// `<folder name>-<16 hex digits of the SHA-256 of the full path>`: the
/// name says which workspace it is to a person looking, the digits keep
/// two folders of the same name apart. The name keeps letters (any
/// script), digits and '-' only, at most 32 of them.
pub fn workspace_key(root: &Path) -> String {
    use sha2::{Digest, Sha256};
    let full = std::fs::canonicalize(root)
        .or_else(|_| std::path::absolute(root))
        .unwrap_or_else(|_| root.to_path_buf());
    let digest = Sha256::digest(full.as_os_str().as_encoded_bytes());
    let hex: String = digest.iter().take(8).map(|b| format!("{b:02x}")).collect();
    let name: String = full
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .take(32)
        .collect();
    let name = name.trim_matches('-');
    if name.is_empty() {
        hex
    } else {
        format!("{name}-{hex}")
    }
}

/// Where the recovery journal of an assessment lives, in a workspace's
/// journal folder ([`journal_folder`]).
pub fn journal_path(journals: &Path, department: &str, period: NaiveDate) -> PathBuf {
    journals.join(department).join(format!("{period}.ron"))
}

/// Moves the journals an older version left in the workspace
/// (`<root>/.recovery/<folder>/<file>.ron`) into `journals`, so that no
/// unsaved edit is lost on upgrade. A journal already at the new place is
/// newer and wins (the old one stays where it was); a journal that cannot
/// be moved stays too, and is moved on a later opening. Nothing to do when
/// `journals` is the workspace's own `.recovery`.
pub fn migrate_journals(root: &Path, journals: &Path) {
    let legacy = root.join(RECOVERY_DIR);
    if journals == legacy {
        return;
    }
    let Ok(folders) = std::fs::read_dir(&legacy) else {
        return;
    };
    for folder in folders.flatten() {
        let Ok(files) = std::fs::read_dir(folder.path()) else {
            continue;
        };
        for file in files.flatten() {
            let name = file.file_name();
            let path = file.path();
            // Temporary files of an interrupted write start with a dot.
            if name.to_string_lossy().starts_with('.')
                || path.extension() != Some(std::ffi::OsStr::new("ron"))
            {
                continue;
            }
            let target = journals.join(folder.file_name()).join(&name);
            if target.exists() {
                continue;
            }
            let Some(text) = read_journal(&path) else {
                continue;
            };
            let moved = target
                .parent()
                .map_or(Ok(()), store::create_dir_all_synced)
                .and_then(|()| store::atomic_write(&target, text.as_bytes()));
            if moved.is_ok() {
                let _ = std::fs::remove_file(&path);
            }
        }
        let _ = std::fs::remove_dir(folder.path());
    }
    let _ = std::fs::remove_dir(&legacy);
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

/// Finds the recovery journals in a workspace's journal folder whose
/// content differs from the assessment on disk (an identical one is stale
/// and removed).
pub fn find_recoveries(journals: &Path, data: &crate::model::Dataset) -> Vec<Recovery> {
    let mut found = Vec::new();
    let Ok(folders) = std::fs::read_dir(journals) else {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_workspace_has_its_own_journal_folder_named_after_it() {
        let outer = tempfile::tempdir().unwrap();
        let a = outer.path().join("工作区 2025").join("滨江 市");
        let b = outer.path().join("other").join("滨江 市");
        std::fs::create_dir_all(&a).unwrap();
        std::fs::create_dir_all(&b).unwrap();
        let key_a = workspace_key(&a);
        let key_b = workspace_key(&b);
        assert!(key_a.starts_with("滨江-市-"), "{key_a}");
        assert_eq!(key_a.len(), "滨江-市-".len() + 16, "{key_a}");
        assert_ne!(key_a, key_b, "same name, different folders");
        // The same folder however it is reached.
        assert_eq!(workspace_key(&a.join("..").join("滨江 市")), key_a);

        let user = outer.path().join("user");
        assert_eq!(journal_folder(Some(&user), &a), user.join(&key_a));
        assert_eq!(journal_folder(None, &a), a.join(RECOVERY_DIR));
    }

    #[test]
    fn journals_left_in_the_workspace_move_to_the_users_folder() {
        let root = tempfile::tempdir().unwrap();
        let user = tempfile::tempdir().unwrap();
        let journals = journal_folder(Some(user.path()), root.path());
        let legacy = root.path().join(RECOVERY_DIR);
        std::fs::create_dir_all(legacy.join("health")).unwrap();
        std::fs::create_dir_all(legacy.join("plans")).unwrap();
        std::fs::create_dir_all(legacy.join("finance")).unwrap();
        std::fs::create_dir_all(journals.join("finance")).unwrap();
        std::fs::write(legacy.join("health/2025-06-30.ron"), "old health").unwrap();
        std::fs::write(legacy.join("plans/_government.ron"), "old plan").unwrap();
        std::fs::write(legacy.join("health/.2025-06-30.ron.1-1.tmp"), "torn").unwrap();
        // Already at the new place: the newer one wins, the old one stays.
        std::fs::write(legacy.join("finance/2025-06-30.ron"), "old finance").unwrap();
        std::fs::write(journals.join("finance/2025-06-30.ron"), "new finance").unwrap();

        migrate_journals(root.path(), &journals);

        let read = |path: PathBuf| std::fs::read_to_string(path).unwrap();
        assert_eq!(read(journals.join("health/2025-06-30.ron")), "old health");
        assert_eq!(read(journals.join("plans/_government.ron")), "old plan");
        assert_eq!(read(journals.join("finance/2025-06-30.ron")), "new finance");
        assert!(!legacy.join("health/2025-06-30.ron").exists());
        assert!(!legacy.join("plans").exists(), "an emptied folder is removed");
        assert_eq!(read(legacy.join("finance/2025-06-30.ron")), "old finance");
        assert!(!journals.join("health/.2025-06-30.ron.1-1.tmp").exists());

        // Journals kept in the workspace (no per-user folder) stay put.
        let in_place = journal_folder(None, root.path());
        migrate_journals(root.path(), &in_place);
        assert_eq!(read(legacy.join("finance/2025-06-30.ron")), "old finance");
    }
}
