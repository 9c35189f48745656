//! Replacing a file so that it holds either the old or the new content, never
//! a mix, even if the program or the machine stops half-way.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// Writes `bytes` to `path` atomically: a temporary file in the same folder
/// is written and synced to disk, renamed over `path`, and the folder is
/// synced so the rename itself survives a power cut.
///
/// No hard link is needed, so this works on FAT and network shares too. On
/// Windows `std::fs::rename` replaces an existing file as well
/// (`MoveFileExW` with `MOVEFILE_REPLACE_EXISTING`, retried with
/// `FileRenameInfoEx` and POSIX semantics when another program has the file
/// open); folders cannot be synced there, and NTFS journals the rename.
///
/// Backups are the caller's job (the `save_*` functions keep them).
pub fn atomic_write(path: &Path, bytes: &[u8]) -> io::Result<()> {
    atomic_write_with_hook(path, bytes, |_| Ok(()))
}

/// [`atomic_write`] of content made while it is written: `write` prints
/// into the temporary file (buffered), which replaces `path` only if it
/// succeeds. A failed `write` leaves `path` as it was and removes the
/// temporary file.
pub fn atomic_write_streamed(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let folder = parent_folder(path);
    let (file, temp) = create_temp_beside(path)?;
    let mut buffered = io::BufWriter::with_capacity(1 << 20, file);
    write(&mut buffered)?;
    let file = buffered.into_inner().map_err(io::IntoInnerError::into_error)?;
    file.sync_all()?;
    drop(file);
    fs::rename(temp.path(), path)?;
    temp.keep();
    sync_folder(folder);
    Ok(())
}

/// [`atomic_write`] with a hook called after the temporary file is written
/// and synced and before it is renamed over `path`.
///
/// This is a test seam: a hook that returns an error (or panics) simulates a
/// crash between the write and the rename. `path` then still holds its old
/// content and the temporary file is removed. The hook receives the
/// temporary file's path.
pub fn atomic_write_with_hook(
    path: &Path,
    bytes: &[u8],
    before_rename: impl FnOnce(&Path) -> io::Result<()>,
) -> io::Result<()> {
    let folder = parent_folder(path);
    let (mut file, temp) = create_temp_beside(path)?;
    file.write_all(bytes)?;
    file.sync_all()?;
    drop(file);
    before_rename(temp.path())?;
    fs::rename(temp.path(), path)?;
    temp.keep();
    sync_folder(folder);
    Ok(())
}

/// Writes `bytes` to `path` only if nothing is there yet, atomically: the
/// content is complete before the name appears, and an existing file is
/// never replaced (`AlreadyExists`).
///
/// The complete temporary file is hard-linked to `path` (a link never
/// replaces its target). Where the file system has no hard links (FAT, some
/// network shares), it is renamed into place after checking that nothing is
/// there: never written in place. That check and the rename are one step
/// only for callers that hold the workspace's save lock
/// ([`super::SaveLock`]), as the store's do.
pub fn atomic_create(path: &Path, bytes: &[u8]) -> io::Result<()> {
    atomic_create_linking(path, bytes, |from, to| fs::hard_link(from, to))
}

/// [`atomic_create`] with the hard link made by `link` (a test seam: a
/// `link` that fails as on FAT exercises the rename).
pub(crate) fn atomic_create_linking(
    path: &Path,
    bytes: &[u8],
    link: impl FnOnce(&Path, &Path) -> io::Result<()>,
) -> io::Result<()> {
    let folder = parent_folder(path);
    let (mut file, temp) = create_temp_beside(path)?;
    file.write_all(bytes)?;
    file.sync_all()?;
    drop(file);
    match link(temp.path(), path) {
        Ok(()) => drop(temp),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => return Err(e),
        Err(_) => {
            match fs::symlink_metadata(path) {
                Ok(_) => {
                    return Err(io::Error::new(
                        io::ErrorKind::AlreadyExists,
                        format!("{} exists already", path.display()),
                    ));
                }
                Err(e) if e.kind() == io::ErrorKind::NotFound => {}
                Err(e) => return Err(e),
            }
            fs::rename(temp.path(), path)?;
            temp.keep();
        }
    }
    sync_folder(folder);
    Ok(())
}

/// Creates `folder` and any missing folders above it, each synced in its
/// parent so that the new folder survives a power cut with the files about
/// to be written into it.
pub fn create_dir_all_synced(folder: &Path) -> io::Result<()> {
    let mut missing = Vec::new();
    let mut at = folder;
    loop {
        match fs::symlink_metadata(at) {
            Ok(_) => break,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                missing.push(at);
                match at.parent() {
                    Some(parent) if !parent.as_os_str().is_empty() => at = parent,
                    _ => break,
                }
            }
            Err(e) => return Err(e),
        }
    }
    for created in missing.into_iter().rev() {
        match fs::create_dir(created) {
            Ok(()) => sync_folder(parent_folder(created)),
            // Made by someone else meanwhile: as good.
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists && created.is_dir() => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

/// The folder a path sits in (`.` for a bare file name).
fn parent_folder(path: &Path) -> &Path {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    }
}

/// A temporary file that is removed when dropped, unless kept.
struct TempFile {
    path: PathBuf,
    keep: bool,
}

impl TempFile {
    fn path(&self) -> &Path {
        &self.path
    }

    fn keep(mut self) {
        self.keep = true;
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        if !self.keep {
            let _ = fs::remove_file(&self.path);
        }
    }
}

/// Creates `.<name>.<pid>-<n>.tmp` next to `path`. The leading dot keeps the
/// loader from ever reading it.
fn create_temp_beside(path: &Path) -> io::Result<(File, TempFile)> {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let folder = parent_folder(path);
    super::temp::tidy_once(folder);
    let name = path
        .file_name()
        .map_or_else(|| "file".into(), |n| n.to_string_lossy());
    loop {
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let temp = folder.join(format!(".{name}.{}-{n}.tmp", std::process::id()));
        match OpenOptions::new().write(true).create_new(true).open(&temp) {
            Ok(file) => {
                return Ok((
                    file,
                    TempFile {
                        path: temp,
                        keep: false,
                    },
                ));
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
}

/// Syncs a folder so a rename in it is durable. Best effort: the data is
/// already in place, and some systems cannot sync folders.
fn sync_folder(folder: &Path) {
    #[cfg(unix)]
    if let Ok(dir) = File::open(folder) {
        let _ = dir.sync_all();
    }
    #[cfg(not(unix))]
    let _ = folder;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn create_never_replaces() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.ron");
        atomic_create(&path, b"one").unwrap();
        let again = atomic_create(&path, b"two").unwrap_err();
        assert_eq!(again.kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(fs::read(&path).unwrap(), b"one");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1, "no temp file left");
    }

    #[test]
    fn without_hard_links_create_renames_and_never_writes_in_place() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.ron");
        let no_links = |_: &Path, _: &Path| Err(io::Error::from(io::ErrorKind::Unsupported));
        // The name appears only with the whole content: the hook sees no file.
        atomic_create_linking(&path, b"one", |from, to| {
            assert!(!to.exists(), "nothing at the final name before the rename");
            assert_eq!(fs::read(from).unwrap(), b"one");
            no_links(from, to)
        })
        .unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"one");
        let again = atomic_create_linking(&path, b"two", no_links).unwrap_err();
        assert_eq!(again.kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(fs::read(&path).unwrap(), b"one");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1, "no temp file left");
    }

    #[test]
    fn new_folders_are_made_with_their_parents() {
        let dir = tempfile::tempdir().unwrap();
        let deep = dir.path().join("a/b/c");
        create_dir_all_synced(&deep).unwrap();
        assert!(deep.is_dir());
        create_dir_all_synced(&deep).unwrap();
        fs::write(dir.path().join("file"), "x").unwrap();
        assert!(create_dir_all_synced(&dir.path().join("file/d")).is_err());
    }

    #[test]
    fn a_streamed_write_replaces_only_when_it_succeeds() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("report.html");
        fs::write(&path, b"old").unwrap();
        let failed = atomic_write_streamed(&path, |sink| {
            sink.write_all(b"half a repo")?;
            Err(io::Error::other("the disk is full"))
        });
        assert_eq!(failed.unwrap_err().to_string(), "the disk is full");
        assert_eq!(fs::read(&path).unwrap(), b"old");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1, "no temp file left");
        // More than the buffer holds, in pieces.
        let piece = vec![b'x'; 300_000];
        atomic_write_streamed(&path, |sink| (0..5).try_for_each(|_| sink.write_all(&piece))).unwrap();
        assert_eq!(fs::read(&path).unwrap().len(), 1_500_000);
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1, "no temp file left");
    }
}
