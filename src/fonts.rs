//! The bundled Simplified Chinese font (Noto Sans CJK SC cut to GB2312,
//! CFF-flavoured OpenType with Latin too; OFL-licensed, see
//! `assets/fonts/OFL.txt`), compiled into the binary once and shared by the
//! app (which installs it into egui) and the PDF report (which embeds a
//! subset of it). Lives outside `app` so that `report` never depends on egui.

/// The font file.
pub const CJK_FONT: &[u8] = include_bytes!("../assets/fonts/NotoSansSC-Regular-GB2312.otf");

/// The bundled serif (Noto Serif CJK SC cut to the same characters, OFL,
/// see `assets/fonts/OFL.txt`): the PDF report's official style sets its
/// body in it, standing in for FangSong (仿宋).
pub const CJK_SERIF_FONT: &[u8] = include_bytes!("../assets/fonts/NotoSerifSC-Regular-GB2312.otf");
