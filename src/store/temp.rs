//! Temporary files left behind by a program that stopped between writing
//! `.<name>.<pid>-<n>.tmp` and renaming it into place (see `atomic.rs`):
//! removed on the next run, but never one a live process may still rename.
//!
//! A temporary file is stale when the process named in it is gone (on
//! Unix, where a signal-0 probe says so) or, where that cannot be known,
//! when it is older than a day. Files of this very process are never touched.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::Duration;

use super::lock::SaveLock;
use super::paths::is_hidden;

/// Where the liveness of a process cannot be checked, a temporary file
/// older than this is stale.
const STALE_AFTER: Duration = Duration::from_secs(24 * 60 * 60);

/// The process id in a temporary file's name `.<name>.<pid>-<n>.tmp`.
pub(crate) fn temp_pid(file_name: &str) -> Option<u32> {
    let inner = file_name.strip_prefix('.')?.strip_suffix(".tmp")?;
    let (_, tail) = inner.rsplit_once('.')?;
    let (pid, n) = tail.split_once('-')?;
    n.parse::<u64>().ok()?;
    pid.parse().ok()
}

/// Whether the temporary file at `path` with `pid` in its name is stale.
fn is_stale(path: &Path, pid: u32) -> bool {
    if pid == std::process::id() {
        return false;
    }
    if let Some(alive) = process_alive(pid) {
        return !alive;
    }
    fs::symlink_metadata(path)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.elapsed().ok())
        .is_some_and(|age| age > STALE_AFTER)
}

/// Whether process `pid` runs, where this can be known (Unix: a signal-0
/// probe; "no permission" still means it runs).
fn process_alive(pid: u32) -> Option<bool> {
    #[cfg(unix)]
    {
        let pid = rustix::process::Pid::from_raw(i32::try_from(pid).ok()?)?;
        match rustix::process::test_kill_process(pid) {
            Ok(()) => Some(true),
            Err(rustix::io::Errno::SRCH) => Some(false),
            Err(_) => Some(true),
        }
    }
    #[cfg(not(unix))]
    {
        let _ = pid;
        None
    }
}

/// The stale temporary files directly in `folder`.
fn stale_in(folder: &Path) -> Vec<PathBuf> {
    let Ok(entries) = fs::read_dir(folder) else {
        return Vec::new();
    };
    entries
        .flatten()
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .filter_map(|e| {
            let name = e.file_name();
            let pid = temp_pid(name.to_str()?)?;
            let path = e.path();
            is_stale(&path, pid).then_some(path)
        })
        .collect()
}

/// Removes the stale temporary files of the workspace at `root`: at the
/// root, in its folders (departments, `reports`) and in the recovery
/// journal's folders. Under the save lock, and only when no one else holds
/// it (a save under way is left alone). Returns how many were removed.
/// Nothing is created when there is nothing to remove.
pub fn remove_stale_temp_files(root: &Path) -> usize {
    let mut folders = vec![root.to_path_buf()];
    if let Ok(entries) = fs::read_dir(root) {
        for entry in entries.flatten() {
            if !entry.file_type().is_ok_and(|t| t.is_dir()) {
                continue;
            }
            let name = entry.file_name();
            let name = name.to_string_lossy();
            if name == ".recovery" {
                folders.push(entry.path());
                folders.extend(subfolders(&entry.path()));
            } else if !is_hidden(&name) {
                folders.push(entry.path());
            }
        }
    }
    let stale: Vec<PathBuf> = folders.iter().flat_map(|f| stale_in(f)).collect();
    if stale.is_empty() {
        return 0;
    }
    let Ok(Some(_lock)) = SaveLock::try_acquire(root) else {
        return 0;
    };
    stale.iter().filter(|p| fs::remove_file(p).is_ok()).count()
}

fn subfolders(folder: &Path) -> Vec<PathBuf> {
    fs::read_dir(folder)
        .map(|entries| {
            entries
                .flatten()
                .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
                .map(|e| e.path())
                .collect()
        })
        .unwrap_or_default()
}

/// Removes the stale temporary files in `folder` once per process (the
/// first write into a folder outside a workspace: a report's).
pub(crate) fn tidy_once(folder: &Path) {
    static TIDIED: Mutex<Option<HashSet<PathBuf>>> = Mutex::new(None);
    let Ok(mut tidied) = TIDIED.lock() else { return };
    if !tidied
        .get_or_insert_with(HashSet::new)
        .insert(folder.to_path_buf())
    {
        return;
    }
    drop(tidied);
    for path in stale_in(folder) {
        let _ = fs::remove_file(path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temp_names_give_their_process() {
        assert_eq!(temp_pid(".2025-06-30.ron.4242-7.tmp"), Some(4242));
        assert_eq!(temp_pid(".report.html.1-0.tmp"), Some(1));
        for other in [
            "2025-06-30.ron",
            ".backups",
            ".x.tmp",
            ".a.b-c.tmp",
            ".govmaturity.lock",
        ] {
            assert_eq!(temp_pid(other), None, "{other}");
        }
    }

    #[cfg(unix)]
    #[test]
    fn only_temp_files_of_dead_processes_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir_all(root.join("health")).unwrap();
        fs::create_dir_all(root.join(".recovery/health")).unwrap();
        // A child that has exited: its pid is free (reuse within the test
        // is not a concern for the kernel's pid counter).
        let mut child = std::process::Command::new("true").spawn().unwrap();
        let dead = child.id();
        child.wait().unwrap();
        let live = std::process::id();
        let stale = [
            root.join(format!(".workspace.ron.{dead}-0.tmp")),
            root.join(format!("health/.2025-06-30.ron.{dead}-3.tmp")),
            root.join(format!(".recovery/health/.2025-06-30.ron.{dead}-1.tmp")),
        ];
        let kept = [
            root.join(format!("health/.2025-06-30.ron.{live}-0.tmp")),
            root.join("health/2025-06-30.ron"),
            root.join(".backups-note.tmp"),
        ];
        for path in stale.iter().chain(&kept) {
            fs::write(path, "x").unwrap();
        }
        assert_eq!(remove_stale_temp_files(root), 3);
        for path in &stale {
            assert!(!path.exists(), "{}", path.display());
        }
        for path in &kept {
            assert!(path.exists(), "{}", path.display());
        }
    }
}
