//! Text for the PDF: the bundled font's metrics, turning a string into
//! positioned glyphs, and breaking paragraphs into lines.
//!
//! We measure and draw with the same glyphs (from the font's `cmap` and
//! `hmtx`), so a measured line is exactly as wide on the page. Lines break at
//! spaces in Latin text and between any two Chinese characters, with simple
//! kinsoku: no line starts with closing punctuation such as `，。、；：）」`
//! and none ends with opening punctuation such as `（「`.

use krilla::text::{Font, GlyphId, KrillaGlyph};

use crate::report::ReportError;

/// Ascent of the font's glyph box as a share of the font size (Noto Sans
/// CJK's typographic ascender is 880 of 1000 units).
const ASCENT: f32 = 0.88;

/// The bundled font, ready both for measuring and for krilla to embed.
pub struct Fonts {
    face: ttf_parser::Face<'static>,
    /// The same font for krilla, which subsets it when the PDF is written.
    pub font: Font,
    units_per_em: f32,
}

impl Fonts {
    /// Loads the font compiled into the binary.
    pub fn load() -> Result<Fonts, ReportError> {
        let bytes = crate::fonts::CJK_FONT;
        let face = ttf_parser::Face::parse(bytes, 0)
            .map_err(|e| ReportError::Render("pdf", format!("the bundled font could not be read: {e}")))?;
        let font = Font::new(bytes.into(), 0)
            .ok_or_else(|| ReportError::Render("pdf", "the bundled font could not be loaded".to_owned()))?;
        let units_per_em = f32::from(face.units_per_em()).max(1.0);
        Ok(Fonts {
            face,
            font,
            units_per_em,
        })
    }

    /// The glyph for `c` and its advance in ems (`.notdef` when the font
    /// lacks it).
    fn glyph(&self, c: char) -> (GlyphId, f32) {
        let id = self.face.glyph_index(c).unwrap_or(ttf_parser::GlyphId(0));
        let advance = self.face.glyph_hor_advance(id).map_or(0.0, f32::from);
        (GlyphId::new(u32::from(id.0)), advance / self.units_per_em)
    }

    /// Width of `text` at `size` points.
    pub fn width(&self, text: &str, size: f32) -> f32 {
        text.chars()
            .filter(|c| !is_invisible(*c))
            .map(|c| self.glyph(c).1)
            .sum::<f32>()
            * size
    }

    /// Glyphs for `text`, one per visible character, each covering its
    /// character's bytes so that the PDF maps it back to the text (copy,
    /// search). Invisible formatting characters get no glyph.
    pub fn glyphs(&self, text: &str) -> Vec<KrillaGlyph> {
        text.char_indices()
            .filter(|(_, c)| !is_invisible(*c))
            .map(|(at, c)| {
                let (id, advance) = self.glyph(c);
                KrillaGlyph::new(id, advance, 0.0, 0.0, 0.0, at..at + c.len_utf8(), None)
            })
            .collect()
    }
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
/// (with any punctuation glued to it), or a forced line break.
#[derive(Debug, Default)]
struct Atom {
    text: String,
    /// A space follows it (dropped when the line breaks there).
    space_after: bool,
    /// A newline follows it.
    break_after: bool,
}

impl Atom {
    fn last(&self) -> Option<char> {
        self.text.chars().last()
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
fn atoms(text: &str) -> Vec<Atom> {
    let mut atoms: Vec<Atom> = Vec::new();
    for c in text.chars() {
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
        let glue = atoms.last().is_some_and(|last| {
            last.continues_with(c) || (is_closing(c) && !last.space_after && !last.break_after)
        });
        match atoms.last_mut() {
            Some(last) if glue => last.text.push(c),
            _ => atoms.push(Atom {
                text: c.to_string(),
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

/// Breaks `text` into lines no wider than `max_width` at `size` points.
/// A word wider than a whole line is split between characters. An empty
/// text gives no lines.
pub fn wrap(fonts: &Fonts, text: &str, size: f32, max_width: f32) -> Vec<Line> {
    let space = fonts.width(" ", size);
    let mut lines = Vec::new();
    let mut current = Line {
        text: String::new(),
        width: 0.0,
    };
    let mut pending_space = false;
    for atom in atoms(text) {
        for piece in split_to_fit(fonts, &atom.text, size, max_width) {
            let width = fonts.width(&piece, size);
            let gap = if pending_space && !current.text.is_empty() {
                space
            } else {
                0.0
            };
            if !current.text.is_empty() && current.width + gap + width > max_width {
                lines.push(std::mem::replace(
                    &mut current,
                    Line {
                        text: String::new(),
                        width: 0.0,
                    },
                ));
            } else if gap > 0.0 {
                current.text.push(' ');
                current.width += gap;
            }
            current.text.push_str(&piece);
            current.width += width;
            pending_space = false;
        }
        pending_space = atom.space_after;
        if atom.break_after {
            lines.push(std::mem::replace(
                &mut current,
                Line {
                    text: String::new(),
                    width: 0.0,
                },
            ));
            pending_space = false;
        }
    }
    if !current.text.is_empty() {
        lines.push(current);
    }
    lines
}

/// `text` as one piece, or cut between characters into pieces that each
/// fit `max_width` (at least one character per piece).
fn split_to_fit(fonts: &Fonts, text: &str, size: f32, max_width: f32) -> Vec<String> {
    if fonts.width(text, size) <= max_width {
        return vec![text.to_owned()];
    }
    let mut pieces = Vec::new();
    let mut piece = String::new();
    let mut width = 0.0;
    for c in text.chars() {
        let w = fonts.width(c.encode_utf8(&mut [0; 4]), size);
        if !piece.is_empty() && width + w > max_width {
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

/// The largest size up to `size` (and down to 6 pt) at which every word of
/// `text` fits `width`, so that narrow column labels are not cut mid-word.
pub fn fitting_size(fonts: &Fonts, text: &str, size: f32, width: f32) -> f32 {
    let widest = atoms(text)
        .iter()
        .map(|a| fonts.width(&a.text, 1.0))
        .fold(0.0, f32::max);
    if widest <= 0.0 {
        size
    } else {
        (width / widest).clamp(6.0, size)
    }
}

/// `text` shortened with an ellipsis so that it fits `max_width` (for
/// labels that have one line only).
pub fn ellipsize(fonts: &Fonts, text: &str, size: f32, max_width: f32) -> String {
    if fonts.width(text, size) <= max_width {
        return text.to_owned();
    }
    let ellipsis = "…";
    let budget = max_width - fonts.width(ellipsis, size);
    let mut out = String::new();
    let mut width = 0.0;
    for c in text.chars() {
        let w = fonts.width(c.encode_utf8(&mut [0; 4]), size);
        if width + w > budget {
            break;
        }
        out.push(c);
        width += w;
    }
    out.push_str(ellipsis);
    out
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
        assert_eq!(lines.concat_text(), word);
    }

    #[test]
    fn glyphs_cover_their_characters() {
        let fonts = fonts();
        let text = "A数\u{200F}b";
        let glyphs = fonts.glyphs(text);
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

    trait Concat {
        fn concat_text(&self) -> String;
    }

    impl Concat for Vec<Line> {
        fn concat_text(&self) -> String {
            self.iter().map(|l| l.text.as_str()).collect()
        }
    }
}
