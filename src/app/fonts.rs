//! The bundled Simplified Chinese font (Noto Sans CJK SC cut to GB2312,
//! OFL-licensed, see `assets/fonts/OFL.txt`), installed at startup so that
//! Chinese renders the same on every machine. egui's own fonts stay first
//! for Latin text; the system fallback of eframe stays behind both.

use std::sync::Arc;

use egui::{FontData, FontDefinitions, FontFamily};

/// The font file, compiled into the binary once (see [`crate::fonts`]).
pub use crate::fonts::CJK_FONT;

const CJK_FONT_NAME: &str = "noto-sans-sc";

/// Font definitions with the bundled font added as a fallback to both families.
pub fn definitions() -> FontDefinitions {
    let mut fonts = FontDefinitions::default();
    fonts.font_data.insert(
        CJK_FONT_NAME.to_owned(),
        Arc::new(FontData::from_static(CJK_FONT)),
    );
    for family in [FontFamily::Proportional, FontFamily::Monospace] {
        fonts
            .families
            .entry(family)
            .or_default()
            .push(CJK_FONT_NAME.to_owned());
    }
    fonts
}

/// Installs the fonts into a context. The app and the UI tests both call this.
pub fn install(ctx: &egui::Context) {
    ctx.set_fonts(definitions());
}
