//! Watching the workspace folder (not single files: editors and sync tools
//! replace files by renaming) so that changes made by others are reloaded.
//! Events arrive on notify's thread and reach the frame through a channel
//! and a repaint request.

use std::path::{Component, Path, PathBuf};
use std::sync::mpsc::{self, Receiver};

use notify::{RecursiveMode, Watcher};

pub struct FolderWatch {
    root: PathBuf,
    events: Receiver<PathBuf>,
    /// Kept alive for as long as the folder is watched.
    _watcher: notify::RecommendedWatcher,
}

impl FolderWatch {
    /// Starts watching `root`; `wake` is called on every event.
    pub fn start(root: &Path, wake: impl Fn() + Send + 'static) -> notify::Result<Self> {
        let (sender, events) = mpsc::channel();
        let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
            let Ok(event) = event else { return };
            if matches!(event.kind, notify::EventKind::Access(_)) {
                return;
            }
            for path in event.paths {
                let _ = sender.send(path);
            }
            wake();
        })?;
        watcher.watch(root, RecursiveMode::Recursive)?;
        Ok(FolderWatch {
            root: root.to_path_buf(),
            events,
            _watcher: watcher,
        })
    }

    /// Whether any of the files that make up the workspace changed since the
    /// last call. The program's own dot-folders and temporary files are not.
    pub fn changed(&self) -> bool {
        let mut changed = false;
        for path in self.events.try_iter() {
            changed |= is_workspace_file(&self.root, &path);
        }
        changed
    }
}

fn is_workspace_file(root: &Path, path: &Path) -> bool {
    let Ok(relative) = path.strip_prefix(root) else {
        return false;
    };
    let hidden = relative.components().any(|c| match c {
        Component::Normal(name) => name.to_string_lossy().starts_with('.'),
        _ => false,
    });
    !hidden && relative.extension().is_some_and(|e| e == "ron")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_workspace_files_count() {
        let root = Path::new("/w");
        assert!(is_workspace_file(root, Path::new("/w/health/2025-06-30.ron")));
        assert!(is_workspace_file(root, Path::new("/w/workspace.ron")));
        assert!(!is_workspace_file(
            root,
            Path::new("/w/.backups/health/2025-06-30.ron/x.ron")
        ));
        assert!(!is_workspace_file(
            root,
            Path::new("/w/.recovery/health/2025-06-30.ron")
        ));
        assert!(!is_workspace_file(
            root,
            Path::new("/w/health/.2025-06-30.ron.tmp")
        ));
        assert!(!is_workspace_file(root, Path::new("/elsewhere/a.ron")));
    }
}
