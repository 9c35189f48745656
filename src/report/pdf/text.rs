//! Text for the PDF: the bundled fonts' metrics (the sans, and the serif
//! of the official style), fallback fonts of the computer's for characters
//! they lack, turning a string into positioned glyphs, and breaking
//! paragraphs into lines.
//!
//! We measure and draw with the same glyphs (from the font's `cmap` and
//! `hmtx`), so a measured line is exactly as wide on the page. Lines break at
//! spaces in Latin text and between any two Chinese characters, with simple
//! kinsoku: no line starts with closing punctuation such as `，。、；：）」`
//! and none ends with opening punctuation such as `（「`. Only a word wider
//! than the line is cut, with a hyphen if it is a word of letters.

use crate::present::format::printable;
use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use krilla::text::{Font, GlyphId, KrillaGlyph};

use crate::report::ReportError;

/// Ascent of the font's glyph box as a share of the font size (Noto Sans
/// and Serif CJK's typographic ascender is 880 of 1000 units).
const ASCENT: f32 = 0.88;

/// Drawn for a character no font has: the geta mark, the sign Chinese and
/// Japanese typesetting has long used for a missing character (in both
/// bundled fonts), rather than an empty box that reads as nothing.
pub const REPLACEMENT: char = '\u{3013}';

/// The advance of a full-width character in the serif, in ems: a shade
/// under one, so that 28 characters of 16 pt fill the official text
/// block's 156 mm line exactly (GB/T 9704-2012 §5.2.2).
pub const SERIF_FULL_WIDTH: f32 = 0.987;

/// A font file larger than this is not read when looking for a fallback.
const FALLBACK_FILE_CAP: u64 = 64 << 20;
/// At most this many bytes of font files are read per report when looking.
const FALLBACK_READ_CAP: u64 = 384 << 20;
/// The font folders searched, and how deep.
const FONT_FOLDERS: &[&str] = &[
    "/usr/share/fonts",
    "/usr/local/share/fonts",
    "/System/Library/Fonts",
    "/Library/Fonts",
    "C:\\Windows\\Fonts",
];
const FOLDER_DEPTH: usize = 4;

/// Which bundled typeface a text is set in: the sans (the plain style, and
/// the official style's headings, standing in for HeiTi 黑体) or the serif
/// (the official style's body, standing in for FangSong 仿宋).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Face {
    #[default]
    Sans,
    Serif,
}

/// A bundled face, ready both for measuring and for krilla to embed.
struct Bundled {
    face: ttf_parser::Face<'static>,
    font: Font,
    units_per_em: f32,
    /// The glyph and advance (in ems) of every character of the Basic
    /// Multilingual Plane, read from the `cmap` once: a report measures
    /// millions of characters, and a `cmap` lookup is a search.
    bmp: Vec<(u16, f32)>,
}

impl Bundled {
    fn load(bytes: &'static [u8], what: &str) -> Result<Bundled, ReportError> {
        let face = ttf_parser::Face::parse(bytes, 0).map_err(|e| {
            ReportError::Render("pdf", format!("the bundled {what} font could not be read: {e}"))
        })?;
        let font = Font::new(bytes.into(), 0).ok_or_else(|| {
            ReportError::Render("pdf", format!("the bundled {what} font could not be loaded"))
        })?;
        let units_per_em = f32::from(face.units_per_em()).max(1.0);
        let mut bmp = vec![(0u16, 0.0f32); 0x10000];
        if let Some(cmap) = face.tables().cmap {
            for subtable in cmap.subtables.into_iter().filter(|s| s.is_unicode()) {
                subtable.codepoints(|code| {
                    let Some(slot) = bmp.get_mut(code as usize) else {
                        return;
                    };
                    if slot.0 == 0
                        && let Some(id) = subtable.glyph_index(code)
                    {
                        let advance = face.glyph_hor_advance(id).map_or(0.0, f32::from);
                        *slot = (id.0, advance / units_per_em);
                    }
                });
            }
        }
        Ok(Bundled {
            face,
            font,
            units_per_em,
            bmp,
        })
    }

    fn glyph(&self, c: char) -> Option<(GlyphId, f32)> {
        if let Some(&(id, advance)) = self.bmp.get(c as usize) {
            return (id != 0).then(|| (GlyphId::new(u32::from(id)), advance));
        }
        let id = self.face.glyph_index(c)?;
        let advance = self.face.glyph_hor_advance(id).map_or(0.0, f32::from);
        Some((GlyphId::new(u32::from(id.0)), advance / self.units_per_em))
    }
}

/// A font of the computer's, read for the characters the bundled fonts
/// lack: those characters' glyphs and advances, and the font for krilla.
struct Fallback {
    font: Font,
    glyphs: HashMap<char, (GlyphId, f32)>,
    name: String,
}

/// Which font a glyph is drawn from: a bundled face, or fallback `n`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    Bundled(Face),
    Fallback(usize),
}

/// What the fonts could not do for a report: the characters printed as
/// [`REPLACEMENT`] (no font has them), and the computer's fonts that
/// printed the others.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Notes {
    pub replaced: Vec<char>,
    pub fallback_fonts: Vec<String>,
}

/// The bundled fonts, and any fallbacks found for a report.
pub struct Fonts {
    sans: Bundled,
    serif: Bundled,
    fallbacks: Vec<Fallback>,
    replaced: BTreeSet<char>,
}

impl Fonts {
    /// Loads the fonts compiled into the binary.
    pub fn load() -> Result<Fonts, ReportError> {
        Ok(Fonts {
            sans: Bundled::load(crate::fonts::CJK_FONT, "sans")?,
            serif: Bundled::load(crate::fonts::CJK_SERIF_FONT, "serif")?,
            fallbacks: Vec::new(),
            replaced: BTreeSet::new(),
        })
    }

    fn bundled(&self, face: Face) -> &Bundled {
        match face {
            Face::Sans => &self.sans,
            Face::Serif => &self.serif,
        }
    }

    /// Whether a bundled font draws `c` (or it needs no glyph).
    pub fn has(&self, c: char) -> bool {
        // Printable ASCII is in both; most text is, so it is not looked up.
        (' '..='~').contains(&c) || is_invisible(c) || c.is_control() || self.sans.glyph(c).is_some()
    }

    /// Finds fonts on this computer for the characters of `missing` that
    /// the bundled fonts lack (those [`Fonts::has`] says no to): the usual
    /// font folders are listed once, and files are read (the likeliest
    /// first, none over 64 MB, 384 MB in all) only until every character
    /// has a font. The characters left are drawn as [`REPLACEMENT`].
    pub fn find_fallbacks(&mut self, missing: &BTreeSet<char>) {
        let folders: Vec<PathBuf> = FONT_FOLDERS
            .iter()
            .map(PathBuf::from)
            .chain(home_font_folders())
            .collect();
        self.find_fallbacks_in(&folders, missing);
    }

    /// [`Fonts::find_fallbacks`] in the given folders.
    pub fn find_fallbacks_in(&mut self, folders: &[PathBuf], missing: &BTreeSet<char>) {
        let mut left: BTreeSet<char> = missing.iter().copied().filter(|c| !self.has(*c)).collect();
        if left.is_empty() {
            return;
        }
        let mut files = Vec::new();
        for folder in folders {
            font_files(folder, FOLDER_DEPTH, &mut files);
        }
        files.sort_by_key(|(path, _)| (preference(path), path.clone()));
        files.dedup();
        let mut read = 0u64;
        for (path, size) in files {
            if left.is_empty() || read + size > FALLBACK_READ_CAP {
                break;
            }
            let Ok(bytes) = std::fs::read(&path) else {
                continue;
            };
            read += size;
            let data = std::sync::Arc::new(bytes);
            let count = ttf_parser::fonts_in_collection(&data).unwrap_or(1).min(8);
            for index in 0..count {
                let Some(fallback) = fallback_from(&data, index, &left, &path) else {
                    continue;
                };
                left.retain(|c| !fallback.glyphs.contains_key(c));
                self.fallbacks.push(fallback);
                if left.is_empty() {
                    break;
                }
            }
        }
        self.replaced.extend(left);
    }

    /// The characters drawn as the replacement, and the fallbacks used.
    pub fn notes(&self) -> Notes {
        Notes {
            replaced: self.replaced.iter().copied().collect(),
            fallback_fonts: self.fallbacks.iter().map(|f| f.name.clone()).collect(),
        }
    }

    /// The font for `source`.
    pub fn font(&self, source: Source) -> Option<Font> {
        match source {
            Source::Bundled(face) => Some(self.bundled(face).font.clone()),
            Source::Fallback(n) => self.fallbacks.get(n).map(|f| f.font.clone()),
        }
    }

    /// Where `c` is drawn from in `face`, its glyph and its advance in ems:
    /// the face, else the other bundled face, else a fallback, else the
    /// replacement.
    fn glyph(&self, face: Face, c: char) -> (Source, GlyphId, f32) {
        let other = match face {
            Face::Sans => Face::Serif,
            Face::Serif => Face::Sans,
        };
        for face in [face, other] {
            if let Some((id, advance)) = self.bundled(face).glyph(c) {
                return (Source::Bundled(face), id, fitted(face, advance));
            }
        }
        for (n, fallback) in self.fallbacks.iter().enumerate() {
            if let Some(&(id, advance)) = fallback.glyphs.get(&c) {
                return (Source::Fallback(n), id, advance);
            }
        }
        let (id, advance) = self
            .bundled(face)
            .glyph(REPLACEMENT)
            .unwrap_or((GlyphId::new(0), 1.0));
        (Source::Bundled(face), id, fitted(face, advance))
    }

    /// Width of `text` at `size` points in the sans.
    pub fn width(&self, text: &str, size: f32) -> f32 {
        self.width_in(Face::Sans, text, size)
    }

    /// Width of `text` at `size` points in `face`.
    pub fn width_in(&self, face: Face, text: &str, size: f32) -> f32 {
        printable(text)
            .chars()
            .filter(|c| !is_invisible(*c))
            .map(|c| self.glyph(face, c).2)
            .sum::<f32>()
            * size
    }

    /// Glyphs for `text` in `face`, in runs of one font each, each with
    /// its offset in ems from the start of the text. Every glyph covers its
    /// character's bytes so that the PDF maps it back to the text (copy,
    /// search), a replaced character included. Invisible formatting
    /// characters get no glyph.
    #[cfg(test)]
    pub fn runs(&self, face: Face, text: &str) -> Vec<Run> {
        let mut runs = Vec::new();
        self.runs_into(face, text, &mut runs);
        runs
    }

    /// [`Fonts::runs`] into `runs`, reusing its glyph buffers (a report
    /// draws hundreds of thousands of texts).
    pub fn runs_into(&self, face: Face, text: &str, runs: &mut Vec<Run>) {
        let mut used: usize = 0;
        let mut x = 0.0;
        for (at, c) in text.char_indices().filter(|(_, c)| !is_invisible(*c)) {
            let (source, id, advance) = self.glyph(face, c);
            let glyph = KrillaGlyph::new(id, advance, 0.0, 0.0, 0.0, at..at + c.len_utf8(), None);
            match used.checked_sub(1).and_then(|last| runs.get_mut(last)) {
                Some(run) if run.source == source => run.glyphs.push(glyph),
                _ => {
                    match runs.get_mut(used) {
                        Some(run) => {
                            run.source = source;
                            run.offset = x;
                            run.glyphs.clear();
                            run.glyphs.push(glyph);
                        }
                        None => runs.push(Run {
                            source,
                            offset: x,
                            glyphs: vec![glyph],
                        }),
                    }
                    used += 1;
                }
            }
            x += advance;
        }
        runs.truncate(used);
    }
}

/// A bundled glyph's advance as set: full-width characters in the serif
/// a shade narrower (see [`SERIF_FULL_WIDTH`]).
fn fitted(face: Face, advance: f32) -> f32 {
    match face {
        Face::Serif if advance >= 0.999 => SERIF_FULL_WIDTH,
        _ => advance,
    }
}

/// Glyphs of one font, `offset` ems from the start of their text.
pub struct Run {
    pub source: Source,
    pub offset: f32,
    pub glyphs: Vec<KrillaGlyph>,
}

/// The user's own font folders.
fn home_font_folders() -> Vec<PathBuf> {
    let mut folders = Vec::new();
    if let Some(home) = std::env::var_os("HOME") {
        let home = PathBuf::from(home);
        folders.push(home.join(".local/share/fonts"));
        folders.push(home.join(".fonts"));
        folders.push(home.join("Library/Fonts"));
    }
    if let Some(local) = std::env::var_os("LOCALAPPDATA") {
        folders.push(PathBuf::from(local).join("Microsoft\\Windows\\Fonts"));
    }
    folders
}

/// The font files under `folder` (to `depth` levels) no larger than the
/// cap, with their sizes.
fn font_files(folder: &Path, depth: usize, out: &mut Vec<(PathBuf, u64)>) {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let Ok(meta) = entry.metadata() else { continue };
        if meta.is_dir() {
            if depth > 0 {
                font_files(&path, depth - 1, out);
            }
            continue;
        }
        let extension = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .unwrap_or_default();
        if matches!(extension.as_str(), "ttf" | "otf" | "ttc" | "otc") && meta.len() <= FALLBACK_FILE_CAP {
            out.push((path, meta.len()));
        }
    }
}

/// The order in which font files are tried: fonts known to cover
/// emoji, rare Chinese characters, Hangul and Arabic first.
fn preference(path: &Path) -> usize {
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    const LIKELY: &[&str] = &[
        "extb",
        "ext-b",
        "hanazono",
        "babelstone",
        "symbola",
        "emoji",
        "seguisym",
        "cjk",
        "droidsansfallback",
        "malgun",
        "nanum",
        "dejavusans.ttf",
        "arial",
        "segoeui",
        "notosans-regular",
        "notonaskh",
        "notosansarabic",
        "unifont",
    ];
    LIKELY
        .iter()
        .position(|likely| name.contains(likely))
        .unwrap_or(LIKELY.len())
}

/// Face `index` of a font file, with the glyphs it has of `wanted`; `None`
/// when it has none, cannot be read, or draws them as bitmaps only.
fn fallback_from(
    data: &std::sync::Arc<Vec<u8>>,
    index: u32,
    wanted: &BTreeSet<char>,
    path: &Path,
) -> Option<Fallback> {
    let face = ttf_parser::Face::parse(data, index).ok()?;
    let tables = face.tables();
    if tables.glyf.is_none() && tables.cff.is_none() && tables.cff2.is_none() {
        return None;
    }
    let units_per_em = f32::from(face.units_per_em()).max(1.0);
    let glyphs: HashMap<char, (GlyphId, f32)> = wanted
        .iter()
        .filter_map(|&c| {
            let id = face.glyph_index(c)?;
            let advance = face.glyph_hor_advance(id).map_or(0.0, f32::from);
            Some((c, (GlyphId::new(u32::from(id.0)), advance / units_per_em)))
        })
        .collect();
    if glyphs.is_empty() {
        return None;
    }
    let name = face
        .names()
        .into_iter()
        .find(|n| n.name_id == ttf_parser::name_id::FULL_NAME && n.is_unicode())
        .and_then(|n| n.to_string())
        .unwrap_or_else(|| path.display().to_string());
    let font = Font::new(data.clone().into(), index)?;
    Some(Fallback { font, glyphs, name })
}

/// Distance from the top of a line box of `leading` to the baseline of
/// text of `size` centred in it.
pub fn baseline_offset(size: f32, leading: f32) -> f32 {
    (leading - size) / 2.0 + ASCENT * size
}

/// Zero-width formatting characters (direction marks and embeddings, joiners,
/// the byte-order mark) that the font does not draw.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}')
}

/// Characters drawn as Chinese text: a break is allowed on either side.
fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{2E80}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{FE30}'..='\u{FE4F}'
        | '\u{FF00}'..='\u{FFEF}' | '\u{20000}'..='\u{2FA1F}')
}

/// Inside a Chinese date ("2025年12月31日"): a date is never split
/// over two lines.
fn in_chinese_date(last: char, c: char) -> bool {
    // 年 月 日: year, month, day.
    (last.is_ascii_digit() && "\u{5e74}\u{6708}\u{65e5}".contains(c))
        || ("\u{5e74}\u{6708}".contains(last) && c.is_ascii_digit())
}

/// Punctuation that must not begin a line: the full-width comma, full
/// stop, enumeration comma, semicolon, colon, question and exclamation
/// marks, closing brackets and quotes, the ellipsis and the middle dot, and
/// their ASCII fellows.
fn is_closing(c: char) -> bool {
    "\u{ff0c}\u{3002}\u{3001}\u{ff1b}\u{ff1a}\u{ff1f}\u{ff01}\u{ff09}\u{300d}\u{300f}\u{3011}\u{300b}\u{3009}\u{3015}\u{201d}\u{2019}\u{2026}\u{b7},.;:?!)]}%".contains(c)
}

/// Punctuation that must not end a line: opening brackets and quotes,
/// full-width and ASCII.
fn is_opening(c: char) -> bool {
    "\u{ff08}\u{300c}\u{300e}\u{3010}\u{300a}\u{3008}\u{3014}\u{201c}\u{2018}([{".contains(c)
}

/// One unbreakable piece of a paragraph: a Latin word, a Chinese character
/// (with any punctuation glued to it), or a forced line break. Its
/// characters follow one another in the paragraph, so it is a slice of it.
#[derive(Debug, Default)]
struct Atom<'t> {
    text: &'t str,
    /// A space follows it (dropped when the line breaks there).
    space_after: bool,
    /// A newline follows it.
    break_after: bool,
}

impl Atom<'_> {
    fn last(&self) -> Option<char> {
        self.text.chars().next_back()
    }

    /// Whether the next character may be appended without a break between:
    /// true inside a Latin word, and after opening punctuation.
    fn continues_with(&self, c: char) -> bool {
        let Some(last) = self.last() else { return false };
        if self.space_after || self.break_after {
            return false;
        }
        is_opening(last) || (!is_cjk(last) && !is_cjk(c)) || in_chinese_date(last, c)
    }
}

/// Splits `text` into atoms. Whitespace runs become one space; tabs and
/// other control characters count as spaces; `\n` forces a break.
fn atoms(text: &str) -> Vec<Atom<'_>> {
    let mut atoms: Vec<Atom> = Vec::new();
    for (at, c) in text.char_indices() {
        if c == '\n' {
            match atoms.last_mut() {
                Some(last) => last.break_after = true,
                None => atoms.push(Atom {
                    break_after: true,
                    ..Atom::default()
                }),
            }
            continue;
        }
        if c.is_whitespace() || c.is_control() {
            if let Some(last) = atoms.last_mut()
                && !last.break_after
            {
                last.space_after = true;
            }
            continue;
        }
        let end = at + c.len_utf8();
        let glue = atoms.last().is_some_and(|last| {
            last.continues_with(c) || (is_closing(c) && !last.space_after && !last.break_after)
        });
        match atoms.last_mut() {
            // Glued only with nothing between (no space, no break), so the
            // atom so far ends where `c` starts.
            Some(last) if glue => last.text = &text[at - last.text.len()..end],
            _ => atoms.push(Atom {
                text: &text[at..end],
                ..Atom::default()
            }),
        }
    }
    atoms
}

/// One laid-out line of a paragraph.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    pub text: String,
    pub width: f32,
}

/// Breaks `text` into lines no wider than `max_width` at `size` points in
/// the sans. A word wider than a whole line is split between characters
/// (with a hyphen in Latin text). An empty text gives no lines.
pub fn wrap(fonts: &Fonts, text: &str, size: f32, max_width: f32) -> Vec<Line> {
    wrap_in(fonts, Face::Sans, text, size, max_width, max_width)
}

/// [`wrap`] in `face`, the first line `first_width` wide (an indented or
/// hanging first line), the others `max_width`.
pub fn wrap_in(
    fonts: &Fonts,
    face: Face,
    text: &str,
    size: f32,
    first_width: f32,
    max_width: f32,
) -> Vec<Line> {
    // Control characters are shown as `\u{1b}`, as every output shows them;
    // the lines hold that text, which is what gets drawn.
    let text = &*printable(text);
    if let Some(line) = one_line(fonts, face, text, size, first_width.min(max_width)) {
        return vec![line];
    }
    let mut filling = Filling {
        lines: Vec::new(),
        current: Line {
            text: String::new(),
            width: 0.0,
        },
        pending_space: false,
        space: fonts.width_in(face, " ", size),
        first_width,
        max_width,
    };
    for atom in atoms(text) {
        let fits_first = filling.lines.is_empty() && filling.current.text.is_empty();
        let room = if fits_first { first_width } else { max_width }.min(max_width);
        // Most words fit: measured once, and placed without a copy.
        let whole = fonts.width_in(face, atom.text, size);
        if whole <= room {
            filling.place(atom.text, whole);
        } else {
            for piece in split_to_fit(fonts, face, atom.text, size, room) {
                filling.place(&piece, fonts.width_in(face, &piece, size));
            }
        }
        filling.pending_space = atom.space_after;
        if atom.break_after {
            filling.break_line();
            filling.pending_space = false;
        }
    }
    let Filling {
        mut lines, current, ..
    } = filling;
    if !current.text.is_empty() {
        lines.push(current);
    }
    lines
}

/// The lines of a paragraph being filled by [`wrap_in`].
struct Filling {
    lines: Vec<Line>,
    current: Line,
    /// A space is owed before the next piece on the same line.
    pending_space: bool,
    /// The width of a space.
    space: f32,
    first_width: f32,
    max_width: f32,
}

impl Filling {
    /// Adds `piece`, `width` wide, to the line, or starts the next with it.
    fn place(&mut self, piece: &str, width: f32) {
        let gap = if self.pending_space && !self.current.text.is_empty() {
            self.space
        } else {
            0.0
        };
        let limit = if self.lines.is_empty() {
            self.first_width
        } else {
            self.max_width
        };
        if !self.current.text.is_empty() && self.current.width + gap + width > limit {
            self.break_line();
        } else if gap > 0.0 {
            self.current.text.push(' ');
            self.current.width += gap;
        }
        self.current.text.push_str(piece);
        self.current.width += width;
        self.pending_space = false;
    }

    /// Ends the current line (even an empty one: a blank line).
    fn break_line(&mut self) {
        let line = std::mem::replace(
            &mut self.current,
            Line {
                text: String::new(),
                width: 0.0,
            },
        );
        self.lines.push(line);
    }
}

/// `text` as the one line [`wrap_in`] would make of it, when it fits
/// `width` and has no spacing to tidy (no newline, tab, or space at
/// either end or doubled): most table cells and labels, measured without
/// being split into words.
fn one_line(fonts: &Fonts, face: Face, text: &str, size: f32, width: f32) -> Option<Line> {
    let plain = !text.is_empty()
        && !text.starts_with(' ')
        && !text.ends_with(' ')
        && !text.contains("  ")
        && !text
            .chars()
            .any(|c| c != ' ' && (c.is_whitespace() || c.is_control()));
    if !plain {
        return None;
    }
    let measured = fonts.width_in(face, text, size);
    (measured <= width).then(|| Line {
        text: text.to_owned(),
        width: measured,
    })
}

/// `text` as one piece, or cut between characters into pieces that each
/// fit `max_width` (at least one character per piece). A Latin word cut
/// this way ends each piece but the last with a hyphen.
fn split_to_fit(fonts: &Fonts, face: Face, text: &str, size: f32, max_width: f32) -> Vec<String> {
    if fonts.width_in(face, text, size) <= max_width {
        return vec![text.to_owned()];
    }
    // A word of letters (punctuation around it aside) takes hyphens; a
    // path, an address or a number is cut bare, as a hyphen would change it.
    let core = text.trim_matches(|c: char| !c.is_alphanumeric());
    let latin = !core.is_empty() && core.chars().all(|c| c.is_alphabetic() && !is_cjk(c));
    let hyphen = if latin {
        fonts.width_in(face, "-", size)
    } else {
        0.0
    };
    let mut pieces = Vec::new();
    let mut piece = String::new();
    let mut width = 0.0;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let w = fonts.width_in(face, c.encode_utf8(&mut [0; 4]), size);
        // The hyphen needs room too, unless this is the last character.
        let need = if chars.peek().is_some() { hyphen } else { 0.0 };
        if !piece.is_empty() && width + w + need > max_width {
            if latin && piece.chars().last().is_some_and(char::is_alphanumeric) {
                piece.push('-');
            }
            pieces.push(std::mem::take(&mut piece));
            width = 0.0;
        }
        piece.push(c);
        width += w;
    }
    if !piece.is_empty() {
        pieces.push(piece);
    }
    pieces
}

/// The width of the widest unbreakable piece of `text` (a Latin word, a
/// Chinese character with its punctuation) at `size` in the sans.
pub fn widest_word(fonts: &Fonts, text: &str, size: f32) -> f32 {
    // What `atoms` would make, measured as it goes (every table cell is
    // measured so, and most are short).
    let mut widest: f32 = 0.0;
    let mut current = 0.0;
    let mut last: Option<char> = None;
    for c in printable(text).chars() {
        if c.is_whitespace() || c.is_control() {
            widest = widest.max(current);
            current = 0.0;
            last = None;
            continue;
        }
        if is_invisible(c) {
            continue;
        }
        let continues = last.is_some_and(|last| {
            is_closing(c) || is_opening(last) || (!is_cjk(last) && !is_cjk(c)) || in_chinese_date(last, c)
        });
        if !continues {
            widest = widest.max(current);
            current = 0.0;
        }
        current += fonts.glyph(Face::Sans, c).2;
        last = Some(c);
    }
    widest.max(current) * size
}

/// The largest size up to `size` (and down to 6 pt) at which every word of
/// `text` fits `width`, so that narrow column labels are not cut mid-word.
pub fn fitting_size(fonts: &Fonts, text: &str, size: f32, width: f32) -> f32 {
    let widest = widest_word(fonts, text, 1.0);
    if widest <= 0.0 {
        size
    } else {
        (width / widest).clamp(6.0, size)
    }
}

/// `text` shortened with an ellipsis so that it fits `max_width` (for
/// labels that have one line only).
pub fn ellipsize(fonts: &Fonts, text: &str, size: f32, max_width: f32) -> String {
    ellipsize_in(fonts, Face::Sans, text, size, max_width)
}

/// [`ellipsize`] in `face`.
pub fn ellipsize_in(fonts: &Fonts, face: Face, text: &str, size: f32, max_width: f32) -> String {
    let text = &*printable(text);
    if fonts.width_in(face, text, size) <= max_width {
        return text.to_owned();
    }
    let ellipsis = "…";
    let budget = max_width - fonts.width_in(face, ellipsis, size);
    let mut out = String::new();
    let mut width = 0.0;
    for c in text.chars() {
        let w = fonts.width_in(face, c.encode_utf8(&mut [0; 4]), size);
        if width + w > budget {
            break;
        }
        out.push(c);
        width += w;
    }
    out.push_str(ellipsis);
    out
}

/// The longest a name may be where it labels something (a heading, an
/// outline entry, the cover, the contents), in characters.
pub const LABEL_CHARS: usize = 120;

/// `text` cut to [`LABEL_CHARS`] characters with an ellipsis: a very long
/// name heads its section readably; the body keeps it whole.
pub fn shorten(text: &str) -> String {
    // LABEL_CHARS characters, then the ellipsis.
    crate::present::format::clip(text, LABEL_CHARS + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fonts() -> Fonts {
        match Fonts::load() {
            Ok(fonts) => fonts,
            Err(e) => panic!("{e}"),
        }
    }

    #[test]
    fn control_characters_are_measured_and_drawn_as_their_escape() {
        let fonts = fonts();
        let lines = wrap(&fonts, "Finance\u{1b}[2K\nBureau", 10.0, 1000.0);
        let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(texts, ["Finance\\u{1b}[2K", "Bureau"]);
        assert_eq!(fonts.width("a\u{7}", 10.0), fonts.width("a\\u{7}", 10.0));
        assert_eq!(ellipsize(&fonts, "x\u{1b}", 10.0, 1000.0), "x\\u{1b}");
        assert_eq!(
            widest_word(&fonts, "ab\u{1b}", 10.0),
            fonts.width("ab\\u{1b}", 10.0)
        );
    }

    fn texts(lines: &[Line]) -> Vec<&str> {
        lines.iter().map(|l| l.text.as_str()).collect()
    }

    #[test]
    fn latin_breaks_at_spaces() {
        let fonts = fonts();
        let width = fonts
            .width("alpha beta", 10.0)
            .max(fonts.width("gamma delta", 10.0))
            + 1.0;
        assert!(fonts.width("alpha beta gamma", 10.0) > width);
        let lines = wrap(&fonts, "alpha beta gamma  delta", 10.0, width);
        assert_eq!(texts(&lines), ["alpha beta", "gamma delta"]);
        assert!(lines.iter().all(|l| l.width <= width));
    }

    #[test]
    fn chinese_breaks_between_characters_but_not_before_closing_punctuation() {
        let fonts = fonts();
        let one = fonts.width("数", 10.0);
        // Room for four characters a line.
        let lines = wrap(&fonts, "数据共享开放，提升治理", 10.0, one * 4.0 + 0.1);
        for line in &lines {
            let Some(first) = line.text.chars().next() else {
                panic!("empty line")
            };
            assert!(!is_closing(first), "{lines:?}");
        }
        assert_eq!(lines.concat_text(), "数据共享开放，提升治理");
        assert_eq!(texts(&lines)[0], "数据共享");
    }

    #[test]
    fn a_chinese_date_stays_on_one_line() {
        let fonts = fonts();
        let one = fonts.width("数", 10.0);
        // "截至" fits with part of the date, but the date moves down whole.
        let lines = wrap(&fonts, "截至2025年12月31日评估", 10.0, one * 8.0);
        assert!(
            lines.iter().any(|l| l.text.contains("2025年12月31日")),
            "{lines:?}"
        );
        assert_eq!(texts(&lines)[0], "截至");
    }

    #[test]
    fn opening_punctuation_stays_with_what_follows() {
        let fonts = fonts();
        let one = fonts.width("数", 10.0);
        let lines = wrap(&fonts, "数据共（享）", 10.0, one * 3.0 + 0.1);
        assert!(lines.iter().all(|l| !l.text.ends_with('（')), "{lines:?}");
    }

    #[test]
    fn mixed_scripts_and_newlines() {
        let fonts = fonts();
        let lines = wrap(&fonts, "市大数据局 Data Bureau\nline two", 10.0, 1000.0);
        assert_eq!(texts(&lines), ["市大数据局 Data Bureau", "line two"]);
        assert!(wrap(&fonts, "", 10.0, 100.0).is_empty());
    }

    #[test]
    fn overlong_words_are_cut() {
        let fonts = fonts();
        let word = "x".repeat(200);
        let lines = wrap(&fonts, &word, 10.0, 100.0);
        assert!(lines.len() > 1);
        assert!(lines.iter().all(|l| l.width <= 100.0 + 1e-3));
        // Hyphens mark where the word was cut.
        assert_eq!(lines.concat_text().replace('-', ""), word);
        assert!(lines[..lines.len() - 1].iter().all(|l| l.text.ends_with('-')));
        // Addresses and paths are cut bare.
        let url = format!("https://example.gov/{}", "a".repeat(100));
        let lines = wrap(&fonts, &url, 10.0, 100.0);
        assert_eq!(lines.concat_text(), url);
        // Chinese is cut without hyphens.
        let chinese = "数".repeat(100);
        let lines = wrap(&fonts, &chinese, 10.0, 100.0);
        assert_eq!(lines.concat_text(), chinese);
    }

    #[test]
    fn glyphs_cover_their_characters() {
        let fonts = fonts();
        let text = "A数\u{200F}b";
        let runs = fonts.runs(Face::Sans, text);
        assert_eq!(runs.len(), 1);
        let glyphs = &runs[0].glyphs;
        assert_eq!(glyphs.len(), 3);
        assert_eq!(glyphs[1].text_range, 1..4);
        assert!(glyphs.iter().all(|g| g.glyph_id.to_u32() != 0));
        assert!(fonts.width("数", 10.0) > fonts.width("i", 10.0));
    }

    #[test]
    fn fitting_size_shrinks_for_long_words_only() {
        let fonts = fonts();
        let width = fonts.width("Current", 8.0) - 1.0;
        let size = fitting_size(&fonts, "Current", 8.0, width);
        assert!(size < 8.0 && fonts.width("Current", size) <= width + 1e-3);
        // Chinese breaks between characters, so it keeps its size.
        assert_eq!(fitting_size(&fonts, "平均等级平均等级", 8.0, 20.0), 8.0);
        assert_eq!(fitting_size(&fonts, "x".repeat(100).as_str(), 8.0, 10.0), 6.0);
    }

    #[test]
    fn ellipsize_fits() {
        let fonts = fonts();
        let short = ellipsize(&fonts, "a very long department name indeed", 10.0, 60.0);
        assert!(short.ends_with('…'));
        assert!(fonts.width(&short, 10.0) <= 60.0);
        assert_eq!(ellipsize(&fonts, "ok", 10.0, 60.0), "ok");
    }

    #[test]
    fn a_character_no_font_has_is_replaced_and_noted() {
        let mut fonts = fonts();
        let missing: BTreeSet<char> = ['\u{20000}', '\u{1F600}', '数'].into_iter().collect();
        fonts.find_fallbacks_in(&[], &missing);
        let notes = fonts.notes();
        assert_eq!(notes.replaced, ['\u{1F600}', '\u{20000}']);
        assert!(notes.fallback_fonts.is_empty());
        // Measured and drawn as the geta mark, from the bundled font, still
        // covering the character's bytes.
        assert_eq!(
            fonts.width_in(Face::Serif, "\u{20000}", 10.0),
            fonts.width_in(Face::Serif, "\u{3013}", 10.0)
        );
        let runs = fonts.runs(Face::Serif, "A\u{20000}");
        assert_eq!(runs.len(), 1);
        assert_eq!(runs[0].source, Source::Bundled(Face::Serif));
        assert_eq!(runs[0].glyphs[1].text_range, 1..5);
        let geta = fonts.runs(Face::Serif, "\u{3013}");
        assert_eq!(runs[0].glyphs[1].glyph_id, geta[0].glyphs[0].glyph_id);
    }

    #[test]
    fn a_font_of_the_computers_prints_what_the_bundle_lacks() {
        // DejaVu Sans has the emoticons and Arabic; test where it is installed.
        let folder = std::path::Path::new("/usr/share/fonts/truetype/dejavu");
        if !folder.join("DejaVuSans.ttf").exists() {
            return;
        }
        let mut fonts = fonts();
        let missing: BTreeSet<char> = ['\u{1F600}', '\u{627}'].into_iter().collect();
        fonts.find_fallbacks_in(&[folder.to_path_buf()], &missing);
        let notes = fonts.notes();
        assert!(notes.replaced.is_empty(), "{notes:?}");
        assert_eq!(notes.fallback_fonts.len(), 1, "{notes:?}");
        let runs = fonts.runs(Face::Sans, "数\u{1F600}数");
        let sources: Vec<Source> = runs.iter().map(|r| r.source).collect();
        assert_eq!(
            sources,
            [
                Source::Bundled(Face::Sans),
                Source::Fallback(0),
                Source::Bundled(Face::Sans)
            ]
        );
        // The run after the fallback starts where the emoji ends.
        let emoji = fonts.width_in(Face::Sans, "\u{1F600}", 1.0);
        let one = fonts.width_in(Face::Sans, "数", 1.0);
        assert!((runs[2].offset - (one + emoji)).abs() < 1e-4);
        assert!(fonts.font(Source::Fallback(0)).is_some());
    }

    #[test]
    fn the_serif_is_bundled_with_the_same_characters() {
        let fonts = fonts();
        for c in "数字政府成熟度评估〓—…ABCxyz123（）".chars() {
            assert_eq!(
                fonts.runs(Face::Serif, &c.to_string())[0].source,
                Source::Bundled(Face::Serif),
                "{c}"
            );
        }
        assert_ne!(
            fonts.width_in(Face::Serif, "Maturity", 10.0),
            fonts.width_in(Face::Sans, "Maturity", 10.0)
        );
    }

    #[test]
    fn an_official_line_holds_28_characters_and_a_page_22_lines() {
        use crate::report::pdf::layout::{Look, OFFICIAL_BODY_SIZE, OFFICIAL_LEADING};
        let fonts = fonts();
        let look = Look::OFFICIAL;
        let text = "\u{6570}".repeat(100);
        let lines = wrap_in(
            &fonts,
            Face::Serif,
            &text,
            OFFICIAL_BODY_SIZE,
            look.width(),
            look.width(),
        );
        assert_eq!(lines[0].text.chars().count(), 28);
        let lines_per_page = (look.content.height() / (OFFICIAL_BODY_SIZE * OFFICIAL_LEADING) + 1e-3).floor();
        assert_eq!(lines_per_page, 22.0);
        // Laid out: 22 lines of 28 characters on the first page.
        let body = look.body("\u{6570}".repeat(2000));
        let body = crate::report::pdf::layout::Paragraph {
            first_indent: 0.0,
            ..body
        };
        let laid = crate::report::pdf::layout::Flow::with_look(&fonts, look)
            .run(vec![crate::report::pdf::layout::Block::Paragraph(body)]);
        let first: Vec<usize> = laid.pages[0]
            .iter()
            .filter_map(|p| match &p.item {
                crate::report::pdf::layout::Item::Text { text, .. } => Some(text.chars().count()),
                _ => None,
            })
            .collect();
        assert_eq!(first, vec![28; 22]);
        // 156 × 225 mm.
        assert!((look.width() - 442.2).abs() < 0.1);
        assert!((look.content.height() - 637.8).abs() < 0.1);
    }

    #[test]
    fn the_widest_word_is_the_widest_atom() {
        let fonts = fonts();
        for text in [
            "Unanswered",
            "a bb ccc",
            "截至2025年12月31日，数据（共享）开放",
            "市大数据局 Data Bureau\nline two",
            "",
            "  spaced   out ",
        ] {
            let atoms = atoms(text)
                .iter()
                .map(|a| fonts.width(a.text, 10.0))
                .fold(0.0, f32::max);
            assert!((widest_word(&fonts, text, 10.0) - atoms).abs() < 1e-3, "{text}");
        }
    }

    #[test]
    fn the_cached_glyphs_are_the_cmaps() {
        let fonts = fonts();
        for c in ['A', '数', '〓', '\u{FFFD}', '\u{AC00}', '—'] {
            let cached = fonts.sans.glyph(c).map(|(id, _)| id.to_u32());
            let looked_up = fonts.sans.face.glyph_index(c).map(|id| u32::from(id.0));
            assert_eq!(cached, looked_up, "{c}");
        }
    }

    #[test]
    fn long_labels_are_shortened_to_120_characters() {
        let long = "名".repeat(5000);
        let short = shorten(&long);
        assert_eq!(short.chars().count(), LABEL_CHARS + 1);
        assert!(short.ends_with('…'));
        assert_eq!(shorten("short"), "short");
        assert_eq!(shorten(&"a".repeat(LABEL_CHARS)), "a".repeat(LABEL_CHARS));
    }

    trait Concat {
        fn concat_text(&self) -> String;
    }

    impl Concat for Vec<Line> {
        fn concat_text(&self) -> String {
            self.iter().map(|l| l.text.as_str()).collect()
        }
    }
}
