//! Copies of what a file held before it was saved over:
//! `<root>/.backups/<relative path>/<timestamp>.ron`, the newest
//! [`BACKUPS_KEPT`] per file.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::contain::{check_inside, read_inside, read_regular};
use super::paths::BACKUP_DIR;

/// How many backups are kept per file; older ones are deleted.
pub const BACKUPS_KEPT: usize = 10;

/// The folder holding the backups of `relative` (a path inside the workspace).
pub fn backup_folder(root: &Path, relative: &Path) -> PathBuf {
    root.join(BACKUP_DIR).join(relative)
}

/// Keeps `previous` as the newest backup of `relative` and deletes all but
/// the newest [`BACKUPS_KEPT`]. Returns the backup's path.
pub(crate) fn keep_backup(root: &Path, relative: &Path, previous: &[u8]) -> io::Result<PathBuf> {
    let folder = backup_folder(root, relative);
    check_inside(root, &Path::new(BACKUP_DIR).join(relative))?;
    super::atomic::create_dir_all_synced(&folder)?;
    // UTC, without colons (not allowed in Windows file names); sorts by time.
    let stamp = chrono::Utc::now().format("%Y-%m-%dT%H-%M-%S%.6fZ").to_string();
    let mut attempt = 0u32;
    let path = loop {
        // `_` sorts after `.`, so a same-microsecond second save still sorts last.
        let name = if attempt == 0 {
            format!("{stamp}.ron")
        } else {
            format!("{stamp}_{attempt}.ron")
        };
        let path = folder.join(name);
        // Complete or absent, like every file the store writes.
        match super::atomic::atomic_create(&path, previous) {
            Ok(()) => break path,
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => attempt += 1,
            Err(e) => return Err(e),
        }
    };
    prune(&folder)?;
    Ok(path)
}

/// The backups of `relative`, oldest first.
pub fn list_backups(root: &Path, relative: &Path) -> io::Result<Vec<PathBuf>> {
    backups_in(&backup_folder(root, relative))
}

/// The newest backup of the assessment file `relative` that reads as an
/// assessment, if any: what "Restore from backup" would bring back.
pub fn restorable_backup(root: &Path, relative: &Path) -> Option<PathBuf> {
    newest_readable_backup(root, relative, |text| {
        super::format::parse_assessment(text, relative).is_ok()
    })
}

/// The newest backup of `relative` whose text `readable` accepts.
pub(crate) fn newest_readable_backup(
    root: &Path,
    relative: &Path,
    readable: impl Fn(&str) -> bool,
) -> Option<PathBuf> {
    check_inside(root, &Path::new(BACKUP_DIR).join(relative)).ok()?;
    let backups = list_backups(root, relative).ok()?;
    backups.into_iter().rev().find(|backup| {
        read_regular(backup)
            .ok()
            .and_then(|(bytes, _)| String::from_utf8(bytes).ok())
            .is_some_and(|text| readable(&text))
    })
}

/// Puts the newest readable backup of the assessment file `relative` back in
/// its place. What the file held (the unreadable content) is kept as its
/// newest backup first, so nothing is lost. Returns the backup restored.
pub fn restore_backup(root: &Path, relative: &Path) -> io::Result<PathBuf> {
    let Some(backup) = restorable_backup(root, relative) else {
        return Err(io::Error::new(
            io::ErrorKind::NotFound,
            format!(
                "no readable backup of {} in {}",
                relative.display(),
                backup_folder(root, relative).display()
            ),
        ));
    };
    let _lock = super::lock::SaveLock::acquire(root)?;
    let (restored, _) = read_regular(&backup)?;
    let target = root.join(relative);
    match read_inside(root, relative) {
        Ok((broken, _)) => {
            keep_backup(root, relative, &broken)?;
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => {}
        Err(e) => return Err(e),
    }
    super::atomic::atomic_write(&target, &restored)?;
    Ok(backup)
}

fn backups_in(folder: &Path) -> io::Result<Vec<PathBuf>> {
    let entries = match fs::read_dir(folder) {
        Ok(entries) => entries,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e),
    };
    let mut backups = Vec::new();
    for entry in entries {
        let entry = entry?;
        if entry.file_type()?.is_file() && entry.file_name().to_string_lossy().ends_with(".ron") {
            backups.push(entry.path());
        }
    }
    backups.sort();
    Ok(backups)
}

fn prune(folder: &Path) -> io::Result<()> {
    let backups = backups_in(folder)?;
    let excess = backups.len().saturating_sub(BACKUPS_KEPT);
    for old in &backups[..excess] {
        fs::remove_file(old)?;
    }
    Ok(())
}
