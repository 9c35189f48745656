//! Reading and writing only inside the workspace, and only regular files of
//! a sane size.
//!
//! A shared folder (a Git repository, a network share) can hold a link to
//! `/etc/passwd`, a named pipe called `2025-06-30.ron`, or a link to
//! `/dev/zero`. Every read of the store goes through [`read_inside`], which
//! refuses all three without opening the pipe for a blocking read or
//! reading past the size limit; every write goes through
//! [`check_inside`] first, so that a department folder that is a link
//! cannot make a save land outside the workspace.
//!
//! A refusal is an `io::Error` carrying a [`Refusal`] (see [`refusal`]),
//! so that callers keep their `io::Result`s and the message layer can still
//! say exactly what was refused.

use std::fmt;
use std::fs::{self, File, Metadata};
use std::io::{self, Read};
use std::path::{Component, Path, PathBuf};
use std::time::SystemTime;

/// The largest data file the store reads: 64 MiB. An assessment with every
/// text at its limit (see [`crate::model::limits`]) is well under 10 MB,
/// and a workspace of 100,000 departments under 20 MB.
pub const MAX_FILE_BYTES: u64 = 64 << 20;

/// What a file that is not read was instead.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SpecialKind {
    Folder,
    /// A named pipe (FIFO): reading it would wait for a writer forever.
    Pipe,
    Socket,
    /// A character or block device (`/dev/zero` never ends).
    Device,
    Other,
}

/// Why the store would not read or write a path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// Not a regular file.
    NotAFile(SpecialKind),
    /// Larger than [`MAX_FILE_BYTES`]: `size` bytes (at least).
    TooLarge { size: u64, limit: u64 },
    /// A link, or a folder on the way that is a link, leads to `target`,
    /// outside the workspace.
    Outside { target: PathBuf },
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Refusal::NotAFile(kind) => write!(f, "not a regular file ({kind:?}); it is not read"),
            Refusal::TooLarge { size, limit } => {
                write!(
                    f,
                    "{size} bytes, more than the {limit} bytes a workspace file may have"
                )
            }
            Refusal::Outside { target } => write!(
                f,
                "a link to {}, outside the workspace; it is not followed",
                target.display()
            ),
        }
    }
}

impl std::error::Error for Refusal {}

impl From<Refusal> for io::Error {
    fn from(refusal: Refusal) -> Self {
        let kind = match refusal {
            Refusal::NotAFile(_) => io::ErrorKind::InvalidInput,
            Refusal::TooLarge { .. } => io::ErrorKind::FileTooLarge,
            Refusal::Outside { .. } => io::ErrorKind::PermissionDenied,
        };
        io::Error::new(kind, refusal)
    }
}

/// The refusal an error carries, if it is one.
pub fn refusal(error: &io::Error) -> Option<&Refusal> {
    error.get_ref().and_then(|inner| inner.downcast_ref::<Refusal>())
}

/// Reads the regular file at `root/relative` whole, with its modification
/// time (taken before reading), after checking that no link on the way
/// leads out of `root`; refuses anything that is not a regular file and
/// anything larger than [`MAX_FILE_BYTES`].
pub fn read_inside(root: &Path, relative: &Path) -> io::Result<(Vec<u8>, Option<SystemTime>)> {
    check_inside(root, relative)?;
    read_regular(&root.join(relative))
}

/// Reads a regular file of at most [`MAX_FILE_BYTES`], with its modification
/// time. The file is opened without waiting (a named pipe with no writer
/// would otherwise block the open) and checked on the open handle, so a
/// file swapped for a pipe or device after a check is still refused.
pub fn read_regular(path: &Path) -> io::Result<(Vec<u8>, Option<SystemTime>)> {
    let (file, metadata) = open_regular(path)?;
    let modified = metadata.modified().ok();
    let size = metadata.len();
    if size > MAX_FILE_BYTES {
        return Err(Refusal::TooLarge {
            size,
            limit: MAX_FILE_BYTES,
        }
        .into());
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    // One byte more than allowed tells a file that grew while read.
    file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(Refusal::TooLarge {
            size: bytes.len() as u64,
            limit: MAX_FILE_BYTES,
        }
        .into());
    }
    Ok((bytes, modified))
}

/// Opens `path` for reading if it is a regular file (following a link).
fn open_regular(path: &Path) -> io::Result<(File, Metadata)> {
    // Checked before opening, so that a pipe is never opened at all where
    // the platform cannot open without waiting.
    let before = fs::metadata(path)?;
    if !before.is_file() {
        return Err(Refusal::NotAFile(special_kind(&before)).into());
    }
    let file = open_without_waiting(path)?;
    let metadata = file.metadata()?;
    if !metadata.is_file() {
        return Err(Refusal::NotAFile(special_kind(&metadata)).into());
    }
    Ok((file, metadata))
}

#[cfg(unix)]
fn open_without_waiting(path: &Path) -> io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    // O_NONBLOCK: opening a pipe returns at once; on a regular file it
    // changes nothing.
    fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
}

#[cfg(not(unix))]
fn open_without_waiting(path: &Path) -> io::Result<File> {
    File::open(path)
}

fn special_kind(metadata: &Metadata) -> SpecialKind {
    let file_type = metadata.file_type();
    if file_type.is_dir() {
        return SpecialKind::Folder;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return SpecialKind::Pipe;
        }
        if file_type.is_socket() {
            return SpecialKind::Socket;
        }
        if file_type.is_char_device() || file_type.is_block_device() {
            return SpecialKind::Device;
        }
    }
    SpecialKind::Other
}

/// Checks that `root/relative` stays inside `root`: `relative` has no `..`
/// or absolute part, and each of its parts that exists and is a link
/// resolves to a place inside `root`. Parts that do not exist yet pass (a
/// save creates them). Costs one `lstat` per part, and resolving the root
/// only when a link is met.
pub fn check_inside(root: &Path, relative: &Path) -> io::Result<()> {
    let mut path = root.to_path_buf();
    let mut canonical_root: Option<PathBuf> = None;
    for component in relative.components() {
        match component {
            Component::Normal(part) => path.push(part),
            Component::CurDir => continue,
            Component::ParentDir | Component::RootDir | Component::Prefix(_) => {
                return Err(Refusal::Outside {
                    target: root.join(relative),
                }
                .into());
            }
        }
        let metadata = match fs::symlink_metadata(&path) {
            Ok(metadata) => metadata,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
            Err(e) => return Err(e),
        };
        if !metadata.file_type().is_symlink() {
            continue;
        }
        let inside = match &canonical_root {
            Some(inside) => inside,
            None => canonical_root.insert(root.canonicalize()?),
        };
        match path.canonicalize() {
            Ok(target) if target.starts_with(inside.as_path()) => {}
            Ok(target) => return Err(Refusal::Outside { target }.into()),
            // A link to nothing: where it points is what to show.
            Err(_) => {
                let target = fs::read_link(&path).unwrap_or_else(|_| path.clone());
                let resolved = path.parent().map_or_else(|| target.clone(), |p| p.join(&target));
                if !lexically_inside(&resolved, inside) {
                    return Err(Refusal::Outside { target }.into());
                }
            }
        }
    }
    Ok(())
}

/// Whether writing `path` would replace a file the store keeps in the
/// workspace at `root`: any `.ron` file in it (the workspace, framework,
/// plans, assessments), or anything in its hidden folders and files
/// (backups, recovery journals, locks, temporary files). Links are
/// resolved, so another name for the same file is caught too. Reports and
/// other files in the workspace folder are not the store's.
pub fn owned_by_store(root: &Path, path: &Path) -> bool {
    let Ok(root) = root.canonicalize() else {
        return false;
    };
    let resolved = path.canonicalize().ok().or_else(|| {
        let parent = match path.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent,
            _ => Path::new("."),
        };
        Some(parent.canonicalize().ok()?.join(path.file_name()?))
    });
    let Some(relative) = resolved.as_deref().and_then(|p| p.strip_prefix(&root).ok()) else {
        return false;
    };
    let hidden = relative
        .components()
        .any(|c| c.as_os_str().to_string_lossy().starts_with('.'));
    let ron = relative
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("ron"));
    hidden || ron
}

/// Whether `path`, with `.` and `..` taken as written, lies in `inside`
/// (for a dangling link, which cannot be resolved on disk).
fn lexically_inside(path: &Path, inside: &Path) -> bool {
    let mut resolved = PathBuf::new();
    for component in path.components() {
        match component {
            Component::ParentDir => {
                resolved.pop();
            }
            Component::CurDir => {}
            other => resolved.push(other),
        }
    }
    resolved.starts_with(inside)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn links_out_of_the_workspace_are_refused_and_links_inside_are_followed() {
        use std::os::unix::fs::symlink;
        let outside = tempfile::tempdir().unwrap();
        fs::write(outside.path().join("secret.ron"), "secret").unwrap();
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir(root.join("finance")).unwrap();
        fs::write(root.join("finance/2025-06-30.ron"), "inside").unwrap();
        symlink(
            outside.path().join("secret.ron"),
            root.join("finance/2024-12-31.ron"),
        )
        .unwrap();
        symlink(outside.path(), root.join("health")).unwrap();
        symlink(root.join("finance"), root.join("treasury")).unwrap();
        symlink("../../etc/nothing-here", root.join("finance/2023-12-31.ron")).unwrap();

        let (bytes, _) = read_inside(root, Path::new("finance/2025-06-30.ron")).unwrap();
        assert_eq!(bytes, b"inside");
        let (bytes, _) = read_inside(root, Path::new("treasury/2025-06-30.ron")).unwrap();
        assert_eq!(bytes, b"inside", "a link inside the workspace is followed");
        for refused in [
            "finance/2024-12-31.ron",
            "health/secret.ron",
            "health/new.ron",
            "finance/2023-12-31.ron",
            "../x.ron",
        ] {
            let e = read_inside(root, Path::new(refused)).unwrap_err();
            assert!(
                matches!(refusal(&e), Some(Refusal::Outside { .. })),
                "{refused}: {e:?}"
            );
        }
        // A save into a linked folder is refused before anything is written.
        assert!(check_inside(root, Path::new("health/2026-06-30.ron")).is_err());
        assert!(check_inside(root, Path::new("new-department/2026-06-30.ron")).is_ok());
    }

    #[cfg(unix)]
    #[test]
    fn pipes_devices_and_folders_are_refused_without_waiting() {
        let dir = tempfile::tempdir().unwrap();
        let pipe = dir.path().join("2025-06-30.ron");
        let made = std::process::Command::new("mkfifo").arg(&pipe).status().unwrap();
        assert!(made.success());
        let e = read_regular(&pipe).unwrap_err();
        assert_eq!(refusal(&e), Some(&Refusal::NotAFile(SpecialKind::Pipe)));
        let e = read_regular(Path::new("/dev/zero")).unwrap_err();
        assert_eq!(refusal(&e), Some(&Refusal::NotAFile(SpecialKind::Device)));
        let e = read_regular(dir.path()).unwrap_err();
        assert_eq!(refusal(&e), Some(&Refusal::NotAFile(SpecialKind::Folder)));
        assert_eq!(
            read_regular(&dir.path().join("absent")).unwrap_err().kind(),
            io::ErrorKind::NotFound
        );
    }

    #[test]
    fn files_over_the_limit_are_refused_before_they_are_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.ron");
        let file = File::create(&path).unwrap();
        // Sparse: no disk used, but its size is over the limit.
        file.set_len(MAX_FILE_BYTES + 1).unwrap();
        let e = read_regular(&path).unwrap_err();
        assert_eq!(
            refusal(&e),
            Some(&Refusal::TooLarge {
                size: MAX_FILE_BYTES + 1,
                limit: MAX_FILE_BYTES
            })
        );
        file.set_len(10).unwrap();
        assert_eq!(read_regular(&path).unwrap().0.len(), 10);
    }
}
