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

    /// The files that make up the workspace and changed since the last call,
    /// relative to the root. The program's own dot-folders and temporary
    /// files are not among them.
    pub fn changed(&self) -> Vec<PathBuf> {
        self.events
            .try_iter()
            .filter(|path| is_workspace_file(&self.root, path))
            .filter_map(|path| Some(path.strip_prefix(&self.root).ok()?.to_path_buf()))
            .collect()
    }
}

/// Whether the file at `relative` holds something else than the app last
/// read or wrote there: the app's own saves come back as changes too, and
/// must not reload a folder of thousands of files.
pub fn changed_by_others(loaded: &crate::store::LoadedWorkspace, relative: &Path) -> bool {
    let on_disk = crate::store::Fingerprint::read(&loaded.root, relative);
    match (on_disk, loaded.fingerprint(relative)) {
        (Ok(Some(now)), Some(known)) => !now.same_content(known),
        // Gone, and never known (a temporary name): nothing to reload.
        (Ok(None), None) => false,
        _ => true,
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
    fn the_apps_own_writes_are_not_changes_by_others() {
        let dir = tempfile::tempdir().unwrap();
        let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join(crate::store::DEFAULT_WORKSPACE);
        crate::store::save_workspace(
            dir.path(),
            &crate::store::load(&sample).unwrap().data.workspace,
            None,
        )
        .unwrap();
        let mut loaded = crate::store::load(dir.path()).unwrap();
        let file = Path::new(crate::store::WORKSPACE_FILE);
        assert!(!changed_by_others(&loaded, file), "as read");
        assert!(!changed_by_others(&loaded, Path::new("gone/2025-06-30.ron")));

        // Written by the app: recorded, so not a change.
        let workspace = loaded.data.workspace.clone();
        let fingerprint =
            crate::store::save_workspace(dir.path(), &workspace, loaded.fingerprint(file)).unwrap();
        loaded.record_saved(file.to_path_buf(), fingerprint);
        assert!(!changed_by_others(&loaded, file), "the app's own save");

        // Written by someone else.
        let text = std::fs::read_to_string(dir.path().join(file)).unwrap();
        std::fs::write(dir.path().join(file), text.replace("title", "title ")).unwrap();
        assert!(changed_by_others(&loaded, file));
        std::fs::remove_file(dir.path().join(file)).unwrap();
        assert!(changed_by_others(&loaded, file), "removed");
    }

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
