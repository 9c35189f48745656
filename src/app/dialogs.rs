//! File dialogs (rfd), run on their own thread so the frame never blocks.
//! The answer comes back through a channel and a repaint request.

use std::path::PathBuf;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use super::state::{DialogPurpose, DialogResult};

/// Starts a dialog for `purpose`. `suggested` names the file for save dialogs.
pub fn start(
    ctx: &egui::Context,
    purpose: &DialogPurpose,
    suggested: Option<(PathBuf, String)>,
) -> std::io::Result<mpsc::Receiver<DialogResult>> {
    let (sender, receiver) = mpsc::channel();
    let ctx = ctx.clone();
    let pick_folder = matches!(
        purpose,
        DialogPurpose::OpenWorkspace | DialogPurpose::NewWorkspace
    );
    std::thread::Builder::new()
        .name("file-dialog".into())
        .spawn(move || {
            let started = Instant::now();
            let mut dialog = rfd::AsyncFileDialog::new();
            if let Some((folder, name)) = &suggested {
                dialog = dialog.set_directory(folder).set_file_name(name.clone());
            }
            let picked = if pick_folder {
                pollster::block_on(dialog.pick_folder())
            } else {
                pollster::block_on(dialog.save_file())
            };
            let result = match picked {
                Some(handle) => DialogResult::Picked(handle.path().to_path_buf()),
                // A dialog a person closed took longer than this; one that could
                // not be shown (no portal, no zenity) returns at once.
                None if started.elapsed() < Duration::from_millis(300) => DialogResult::Unavailable,
                None => DialogResult::Cancelled,
            };
            let _ = sender.send(result);
            ctx.request_repaint();
        })?;
    Ok(receiver)
}
