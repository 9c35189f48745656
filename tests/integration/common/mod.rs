//! One harness helper for the UI tests: the whole app, on a workspace, with
//! the bundled font installed exactly as the app installs it.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use egui_kittest::Harness;
use govmaturity::app::GovApp;

pub fn sample_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assessments")
}

/// The sample workspace, loaded.
pub fn sample() -> govmaturity::store::LoadedWorkspace {
    govmaturity::store::load(&sample_dir()).unwrap()
}

/// The whole app (as `cargo run` starts it), sized like a laptop screen.
pub fn app(workspace: Option<&Path>) -> Harness<'static, GovApp> {
    let workspace = workspace.map(Path::to_path_buf);
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .with_max_steps(64)
        .with_theme(egui::Theme::Light)
        .build_eframe(move |cc| GovApp::for_tests(&cc.egui_ctx, workspace.as_deref()));
    harness.run();
    harness
}

/// The app on the sample workspace.
pub fn sample_app() -> Harness<'static, GovApp> {
    app(Some(&sample_dir()))
}

/// Copies a workspace folder (without dot-folders) into a temporary one.
pub fn copy_workspace(from: &Path) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(from, dir.path());
    dir
}

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let name = entry.file_name();
        if name.to_string_lossy().starts_with('.') {
            continue;
        }
        let target = to.join(&name);
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}
