//! The app's icon and its About window: the version, the framework built
//! into the program, the licences, and where the app keeps preferences and
//! unsaved edits.

use std::path::{Path, PathBuf};

use egui::{RichText, Ui};

use super::Command;
use crate::model::Lang;
use crate::present::catalogue::{T, about};

/// The name eframe files the preferences under (the `app_name` given to
/// `eframe::run_native`).
pub const APP_ID: &str = "govmaturity";

/// The window and task-bar icon.
pub const ICON_PNG: &[u8] = include_bytes!("../../assets/icon/govmaturity-256.png");

/// The licence of the bundled fonts, shown in full in the About window.
pub const FONT_LICENCE: &str = include_str!("../../assets/fonts/OFL.txt");

/// The icon for `egui::ViewportBuilder::with_icon`. The PNG is compiled in
/// and a test decodes it, so the empty fallback (the system's default
/// icon) is never expected.
pub fn window_icon() -> egui::IconData {
    eframe::icon_data::from_png_bytes(ICON_PNG).unwrap_or_default()
}

/// The folder eframe keeps the preferences in (`app.ron`):
/// `~/.local/share/govmaturity` (or `$XDG_DATA_HOME`) on Linux,
/// `%APPDATA%\govmaturity\data` on Windows,
/// `~/Library/Application Support/govmaturity` on macOS.
pub fn preferences_folder() -> Option<PathBuf> {
    eframe::storage_dir(APP_ID)
}

/// Where the app writes its own copy of the sample workspace when there is
/// no `assessments/` folder beside it (an installed app): `sample` in
/// [`preferences_folder`].
pub fn sample_copy_folder() -> Option<PathBuf> {
    preferences_folder().map(|folder| folder.join("sample"))
}

/// The per-user folder of recovery journals: `recovery` in
/// [`preferences_folder`], one folder per workspace inside
/// ([`super::session::journal_folder`]). `None` where the system has no
/// such folder: the journals then stay in the workspace.
pub fn recovery_base() -> Option<PathBuf> {
    preferences_folder().map(|folder| folder.join("recovery"))
}

/// The About window; closing it sends [`Command::ShowAbout`]`(false)`.
pub fn about_window_ui(ctx: &egui::Context, lang: Lang, journals: Option<&Path>, out: &mut Vec<Command>) {
    let mut open = true;
    egui::Window::new(T::AboutTitle.get(lang))
        // One window whatever the language: it stays where it is when the
        // language is switched.
        .id(egui::Id::unique("about-window"))
        .open(&mut open)
        .collapsible(false)
        .resizable(true)
        .default_width(600.0)
        .show(ctx, |ui| about_ui(ui, lang, journals));
    if !open {
        out.push(Command::ShowAbout(false));
    }
}

fn about_ui(ui: &mut Ui, lang: Lang, journals: Option<&Path>) {
    ui.heading(RichText::new(T::AppName.get(lang)).strong());
    ui.label(T::AboutTagline.get(lang));
    ui.add_space(6.0);
    egui::Grid::new("about-facts")
        .num_columns(2)
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            ui.strong(T::AboutVersion.get(lang));
            ui.label(env!("CARGO_PKG_VERSION"));
            ui.end_row();
            if let Ok(framework) = crate::store::builtin_framework() {
                ui.strong(T::AboutFramework.get(lang));
                ui.label(about::framework_edition(
                    framework.name.get(lang),
                    &framework.id,
                    framework.framework_version,
                    lang,
                ));
                ui.end_row();
            }
        });

    ui.add_space(8.0);
    ui.strong(T::AboutLicences.get(lang));
    ui.label(T::AboutProgramLicence.get(lang));
    ui.label(T::AboutFontLicence.get(lang));
    ui.label(T::AboutLicenceFiles.get(lang));
    egui::CollapsingHeader::new(T::AboutShowFontLicence.get(lang))
        .id_salt("about-font-licence")
        .show(ui, |ui| {
            egui::ScrollArea::vertical().max_height(220.0).show(ui, |ui| {
                ui.label(RichText::new(FONT_LICENCE).monospace().small());
            });
        });

    ui.add_space(8.0);
    ui.strong(T::AboutFolders.get(lang));
    let unknown = || T::AboutUnknownFolder.get(lang).to_owned();
    // A path is long: each goes on its own line under what it is, wrapped
    // rather than cut, and can be selected and copied.
    let folders = [
        (
            T::AboutPreferences,
            preferences_folder().map_or_else(unknown, |p| p.display().to_string()),
        ),
        (
            T::AboutRecovery,
            journals.map_or_else(
                || T::AboutNoWorkspace.get(lang).to_owned(),
                |journals| journals.display().to_string(),
            ),
        ),
    ];
    for (what, folder) in folders {
        ui.label(what.get(lang));
        ui.indent(what, |ui| {
            ui.add(egui::Label::new(RichText::new(folder).monospace()).wrap());
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_icon_decodes_to_a_square_256_pixel_image() {
        let icon = eframe::icon_data::from_png_bytes(ICON_PNG).unwrap();
        assert_eq!((icon.width, icon.height), (256, 256));
        assert_eq!(icon.rgba.len(), 256 * 256 * 4);
        assert_eq!(window_icon(), icon);
    }

    #[test]
    fn the_font_licence_is_the_ofl() {
        assert!(FONT_LICENCE.contains("SIL OPEN FONT LICENSE Version 1.1"));
    }
}
