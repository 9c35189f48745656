//! Saving model values to their files: atomically, with a backup of what was
//! there, and never over a file that changed since it was loaded, that is of
//! a newer format, or that does not parse.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::atomic::{atomic_create, atomic_write, create_dir_all_synced};
use super::backup::keep_backup;
use super::contain::{check_inside, read_inside};
use super::error::{InvalidReason, ReadOnlyReason, SaveError};
use super::fingerprint::Fingerprint;
use super::format::{parse_assessment, parse_framework, parse_workspace, to_ron};
use super::lock::{LOCK_FILE, SaveLock};
use super::paths::{FRAMEWORK_FILE, WORKSPACE_FILE, assessment_path};
use super::problem::{FileKind, Position, Problem, ProblemCode};
use crate::model::{Assessment, FORMAT_VERSION, Framework, Workspace};

/// Saves an assessment to `<department>/<period>.ron` under `root`.
///
/// `expected` is the fingerprint of the file as the caller last saw it
/// (from [`super::LoadedWorkspace::files`] or an earlier save); `None` means
/// the caller believes there is no file yet. If the file on disk differs,
/// nothing is written and [`SaveError::Conflict`] carries what is there now;
/// to overwrite it anyway, save again with that fingerprint.
///
/// Refuses ([`SaveError::ReadOnly`]) to replace a file of a newer format, one
/// that does not parse, or one holding another department or period.
/// Returns the fingerprint of the file as written.
pub fn save_assessment(
    root: &Path,
    assessment: &Assessment,
    expected: Option<&Fingerprint>,
) -> Result<Fingerprint, SaveError> {
    let relative = assessment_relative_path(root, assessment)?;
    let text = serialize(root, &relative, assessment.version, assessment)?;
    save_file(root, &relative, text.as_bytes(), expected, &|existing, file| {
        let (on_disk, version) = parse_assessment(existing, file).map_err(unreadable)?;
        if on_disk.department != assessment.department || on_disk.period != assessment.period {
            return Err(ReadOnlyReason::Misplaced {
                department: on_disk.department,
                period: on_disk.period,
            });
        }
        Ok(version)
    })
}

/// Saves `workspace.ron`; see [`save_assessment`] for `expected` and refusals.
pub fn save_workspace(
    root: &Path,
    workspace: &Workspace,
    expected: Option<&Fingerprint>,
) -> Result<Fingerprint, SaveError> {
    let relative = PathBuf::from(WORKSPACE_FILE);
    let text = serialize(root, &relative, workspace.version, workspace)?;
    save_file(root, &relative, text.as_bytes(), expected, &|existing, file| {
        parse_workspace(existing, file)
            .map(|(_, version)| version)
            .map_err(unreadable)
    })
}

/// Saves `framework.ron` (a workspace's custom framework); see
/// [`save_assessment`] for `expected` and refusals.
pub fn save_framework(
    root: &Path,
    framework: &Framework,
    expected: Option<&Fingerprint>,
) -> Result<Fingerprint, SaveError> {
    let relative = PathBuf::from(FRAMEWORK_FILE);
    let text = serialize(root, &relative, framework.version, framework)?;
    save_file(root, &relative, text.as_bytes(), expected, &|existing, file| {
        parse_framework(existing, file)
            .map(|(_, version)| version)
            .map_err(unreadable)
    })
}

/// Creates a new assessment file; fails with [`SaveError::Exists`] if one is
/// already there, whatever it holds (for `new-period`, which must never
/// overwrite). The file appears complete or not at all.
pub fn create_assessment(root: &Path, assessment: &Assessment) -> Result<Fingerprint, SaveError> {
    let relative = assessment_relative_path(root, assessment)?;
    let text = serialize(root, &relative, assessment.version, assessment)?;
    let path = root.join(&relative);
    check_inside(root, &relative).map_err(|source| SaveError::Io {
        path: path.clone(),
        source,
    })?;
    let _lock = lock(root)?;
    create_parent(&path)?;
    match atomic_create(&path, text.as_bytes()) {
        Ok(()) => Ok(fingerprint_written(&path, text.as_bytes())),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Err(SaveError::Exists { path }),
        Err(source) => Err(SaveError::Io { path, source }),
    }
}

/// Checks what is on disk, keeps a backup, writes atomically: all under the
/// workspace's save lock, so that no other program can write between the
/// check and the rename.
pub(crate) fn save_file(
    root: &Path,
    relative: &Path,
    bytes: &[u8],
    expected: Option<&Fingerprint>,
    check_existing: &dyn Fn(&str, &Path) -> Result<u32, ReadOnlyReason>,
) -> Result<Fingerprint, SaveError> {
    let path = root.join(relative);
    let _lock = lock(root)?;
    // Checked first: a department folder that is a link out of the
    // workspace refuses the save before anything is read or written.
    let existing = match read_inside(root, relative) {
        Ok((existing, _)) => Some(existing),
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(source) => return Err(SaveError::Io { path, source }),
    };

    if let Some(existing) = &existing {
        let reason = match std::str::from_utf8(existing) {
            Err(e) => Some(ReadOnlyReason::Unreadable {
                problem: Box::new(Problem::error(
                    relative,
                    Position::of_invalid_utf8(existing, &e),
                    ProblemCode::NotUtf8 {
                        file_kind: file_kind(relative),
                    },
                )),
            }),
            Ok(text) => match check_existing(text, relative) {
                Ok(version) if version > FORMAT_VERSION => Some(ReadOnlyReason::NewerFormat { version }),
                Ok(_) => None,
                Err(reason) => Some(reason),
            },
        };
        if let Some(reason) = reason {
            return Err(SaveError::ReadOnly { path, reason });
        }
    }

    let on_disk = existing.as_deref().map(|b| Fingerprint::of(b, modified(&path)));
    let unchanged_since_loaded = match (expected, &on_disk) {
        (None, None) => true,
        (Some(expected), Some(on_disk)) => expected.same_content(on_disk),
        _ => false,
    };
    if !unchanged_since_loaded {
        return Err(SaveError::Conflict { path, on_disk });
    }

    if existing.as_deref() == Some(bytes) {
        // Nothing to do: no rewrite, no backup, same fingerprint.
        return Ok(fingerprint_written(&path, bytes));
    }
    create_parent(&path)?;
    if let Some(previous) = &existing {
        keep_backup(root, relative, previous).map_err(|source| SaveError::Io {
            path: super::backup::backup_folder(root, relative),
            source,
        })?;
    }
    atomic_write(&path, bytes).map_err(|source| SaveError::Io {
        path: path.clone(),
        source,
    })?;
    Ok(fingerprint_written(&path, bytes))
}

fn assessment_relative_path(root: &Path, assessment: &Assessment) -> Result<PathBuf, SaveError> {
    let invalid = |error| SaveError::Invalid {
        path: root.join(&assessment.department),
        reason: InvalidReason::BadId(error),
    };
    crate::model::is_department_id(&assessment.department).map_err(invalid)?;
    assessment_path(&assessment.department, assessment.period)
        .map_err(|_| invalid(crate::model::IdError::Unsafe(assessment.department.clone())))
}

/// Refuses values of another format version, then writes RON.
pub(crate) fn serialize<T: Serialize>(
    root: &Path,
    relative: &Path,
    version: u32,
    value: &T,
) -> Result<String, SaveError> {
    let path = root.join(relative);
    if version > FORMAT_VERSION {
        return Err(SaveError::ReadOnly {
            path,
            reason: ReadOnlyReason::NewerFormat { version },
        });
    }
    if version < FORMAT_VERSION {
        return Err(SaveError::Invalid {
            path,
            reason: InvalidReason::OldVersion { version },
        });
    }
    to_ron(value).map_err(|e| SaveError::Invalid {
        path,
        reason: InvalidReason::Ron {
            detail: e.to_string(),
        },
    })
}

/// The workspace's save lock, held until the result is dropped.
/// A workspace folder that does not exist yet is made first (a new
/// workspace's first save), as saving always has.
fn lock(root: &Path) -> Result<SaveLock, SaveError> {
    let locked = match SaveLock::acquire(root) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            create_dir_all_synced(root).and_then(|()| SaveLock::acquire(root))
        }
        locked => locked,
    };
    locked.map_err(|source| SaveError::Io {
        path: root.join(LOCK_FILE),
        source,
    })
}

fn create_parent(path: &Path) -> Result<(), SaveError> {
    match path.parent() {
        Some(parent) => create_dir_all_synced(parent).map_err(|source| SaveError::Io {
            path: parent.to_path_buf(),
            source,
        }),
        None => Ok(()),
    }
}

pub(crate) fn unreadable(problem: Problem) -> ReadOnlyReason {
    ReadOnlyReason::Unreadable {
        problem: Box::new(problem),
    }
}

/// The kind of the data file at `path` (relative or not), by its name:
/// only an assessment is named after its period.
pub fn file_kind(path: &Path) -> FileKind {
    let name = path.file_name().and_then(std::ffi::OsStr::to_str);
    match name {
        Some(WORKSPACE_FILE) => FileKind::Workspace,
        Some(FRAMEWORK_FILE) => FileKind::Framework,
        Some(crate::model::PLAN_FILE) => FileKind::Plan,
        _ => FileKind::Assessment,
    }
}

fn modified(path: &Path) -> Option<std::time::SystemTime> {
    fs::metadata(path).ok().and_then(|m| m.modified().ok())
}

fn fingerprint_written(path: &Path, bytes: &[u8]) -> Fingerprint {
    Fingerprint::of(bytes, modified(path))
}
