//! `govmaturity init DIR`: an empty workspace to start from. It writes one
//! file, `DIR/workspace.ron` (the title, the built-in framework, no
//! departments yet), creating DIR if needed, and never touches anything
//! else there; where a workspace exists already it refuses.

use std::io::ErrorKind;
use std::path::Path;

use super::{EXIT_OK, EXIT_USAGE, output};
use crate::model::{Lang, Text, Workspace};
use crate::present::catalogue::cli::Say;
use crate::store::{self, WORKSPACE_FILE};

/// Creates the workspace; exit 2 (nothing written) when DIR holds one
/// already or cannot be created.
pub fn init(dir: &Path, title: Option<&str>, lang: Lang) -> u8 {
    match create(dir, title, lang) {
        Ok(()) => {
            output::line(
                Say::Initialised {
                    dir,
                    file: &dir.join(WORKSPACE_FILE),
                }
                .text(lang),
            );
            EXIT_OK
        }
        Err(message) => {
            output::error(&Say::Error(message).text(lang));
            EXIT_USAGE
        }
    }
}

fn create(dir: &Path, title: Option<&str>, lang: Lang) -> Result<(), String> {
    let file = dir.join(WORKSPACE_FILE);
    let refuse = || Say::InitRefused { file: &file, dir }.text(lang);
    // `symlink_metadata`, so that even a dangling link there is refused, never replaced.
    if file.symlink_metadata().is_ok() {
        return Err(refuse());
    }
    if dir.exists() && !dir.is_dir() {
        return Err(Say::InitNotAFolder(dir).text(lang));
    }
    let title = match title.map(str::trim) {
        Some("") => {
            return Err(Say::InitEmptyTitle.text(lang));
        }
        Some(title) => match lang {
            Lang::En => Text::new(title, ""),
            Lang::Zh => Text::new("", title),
        },
        None => {
            let name = folder_name(dir);
            Text::new(name.clone(), name)
        }
    };
    let cannot_create = |e: std::io::Error| {
        Say::CannotCreate {
            dir,
            error: e.to_string(),
        }
        .text(lang)
    };
    store::create_dir_all_synced(dir).map_err(cannot_create)?;
    // Where the folder has no hard links, "create if absent" is a check and
    // a rename: one step only under the save lock.
    let _lock = store::SaveLock::acquire(dir).map_err(cannot_create)?;
    let workspace = Workspace::new(title);
    let text = store::to_ron(&workspace).map_err(|e| Say::InitRon(e.to_string()).text(lang))?;
    store::atomic_create(&file, text.as_bytes()).map_err(|e| match e.kind() {
        // Created by someone else since the check above: still theirs.
        ErrorKind::AlreadyExists => refuse(),
        _ => Say::InitWrite {
            file: &file,
            error: e.to_string(),
        }
        .text(lang),
    })
}

/// The last part of the folder's path, for a title when none is given.
fn folder_name(dir: &Path) -> String {
    let absolute = std::path::absolute(dir).unwrap_or_else(|_| dir.to_path_buf());
    absolute
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .filter(|name| !name.is_empty())
        .unwrap_or_else(|| "Workspace".to_owned())
}
