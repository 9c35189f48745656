//! WordprocessingML pieces: escaped text, runs and their properties, in
//! the element order the schema requires (Word refuses a document whose
//! `w:rPr` children are out of order; LibreOffice is more forgiving).

use std::fmt::Write as _;

use crate::charts::Rgb;

/// Escapes text for XML content and quoted attributes. Control characters
/// other than tab and line feed are shown as `\u{1b}`; U+FFFE and U+FFFF
/// (which XML 1.0 cannot hold) become U+FFFD, so no name makes the part
/// ill-formed; line feeds in attributes are kept as `&#10;`.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    // Control characters are shown as `\u{1b}`, as every output shows them.
    for c in crate::present::format::printable(text).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' => out.push_str("&#10;"),
            '\t' => out.push_str("&#9;"),
            '\r' => {}
            '\u{fffe}' | '\u{ffff}' => out.push('\u{fffd}'),
            c if c.is_control() => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

/// A colour as WordprocessingML writes it: `1A1A1A`.
pub fn hex(colour: Rgb) -> String {
    format!("{:02X}{:02X}{:02X}", colour.0, colour.1, colour.2)
}

/// How a run of text looks, beyond its paragraph's style.
#[derive(Clone, Debug, Default)]
pub struct Look {
    /// Latin and East Asian font families.
    pub fonts: Option<(String, String)>,
    pub bold: bool,
    pub italic: bool,
    pub colour: Option<Rgb>,
    /// In half-points.
    pub size: Option<u32>,
    /// A line to sign on.
    pub underline: bool,
    /// A dashed box around the run: a provisional figure.
    pub dashed: bool,
    /// The colour behind the run: a level chip.
    pub shade: Option<Rgb>,
    /// Hyphens do not break the line (a date).
    pub no_break: bool,
}

impl Look {
    pub fn bold() -> Look {
        Look {
            bold: true,
            ..Look::default()
        }
    }

    pub fn coloured(colour: Rgb) -> Look {
        Look {
            colour: Some(colour),
            ..Look::default()
        }
    }

    /// `<w:rPr>…</w:rPr>`, or nothing for the paragraph's own look.
    pub fn properties(&self) -> String {
        let mut p = String::new();
        if let Some((latin, east)) = &self.fonts {
            let (latin, east) = (escape(latin), escape(east));
            let _ = write!(
                p,
                "<w:rFonts w:ascii=\"{latin}\" w:hAnsi=\"{latin}\" w:eastAsia=\"{east}\" w:cs=\"{latin}\"/>"
            );
        }
        if self.bold {
            p.push_str("<w:b/><w:bCs/>");
        }
        if self.italic {
            p.push_str("<w:i/><w:iCs/>");
        }
        if let Some(colour) = self.colour {
            let _ = write!(p, "<w:color w:val=\"{}\"/>", hex(colour));
        }
        if let Some(size) = self.size {
            let _ = write!(p, "<w:sz w:val=\"{size}\"/><w:szCs w:val=\"{size}\"/>");
        }
        if self.underline {
            p.push_str("<w:u w:val=\"single\"/>");
        }
        if self.dashed {
            p.push_str("<w:bdr w:val=\"dashed\" w:sz=\"6\" w:space=\"0\" w:color=\"1A1A1A\"/>");
        }
        if let Some(shade) = self.shade {
            let _ = write!(
                p,
                "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"{}\"/>",
                hex(shade)
            );
        }
        if p.is_empty() {
            p
        } else {
            format!("<w:rPr>{p}</w:rPr>")
        }
    }
}

/// Appends a run of `text` in `look`: line feeds become line breaks and
/// tabs tab characters; an empty text makes no run.
pub fn run(out: &mut String, look: &Look, text: &str) {
    if text.is_empty() {
        return;
    }
    out.push_str("<w:r>");
    out.push_str(&look.properties());
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push_str("<w:br/>");
        }
        for (j, part) in line.split('\t').enumerate() {
            if j > 0 {
                out.push_str("<w:tab/>");
            }
            if look.no_break {
                for (k, piece) in part.split('-').enumerate() {
                    if k > 0 {
                        out.push_str("<w:noBreakHyphen/>");
                    }
                    if !piece.is_empty() {
                        let _ = write!(out, "<w:t xml:space=\"preserve\">{}</w:t>", escape(piece));
                    }
                }
            } else if !part.is_empty() {
                let _ = write!(out, "<w:t xml:space=\"preserve\">{}</w:t>", escape(part));
            }
        }
    }
    out.push_str("</w:r>");
}

/// Appends a field (`PAGE`, `TOC …`) whose shown result is `result` until
/// the reader updates it.
pub fn field(out: &mut String, look: &Look, instruction: &str, result: &str) {
    let props = look.properties();
    let _ = write!(
        out,
        "<w:r>{props}<w:fldChar w:fldCharType=\"begin\"/></w:r>\
         <w:r>{props}<w:instrText xml:space=\"preserve\"> {} </w:instrText></w:r>\
         <w:r>{props}<w:fldChar w:fldCharType=\"separate\"/></w:r>",
        escape(instruction)
    );
    run(out, look, result);
    let _ = write!(out, "<w:r>{props}<w:fldChar w:fldCharType=\"end\"/></w:r>");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_keeps_the_part_well_formed() {
        assert_eq!(
            escape("<a & 'b'>\"c\""),
            "&lt;a &amp; &apos;b&apos;&gt;&quot;c&quot;"
        );
        assert_eq!(escape("a\u{0}b\u{1b}c\u{ffff}"), "a\\u{0}b\\u{1b}c\u{fffd}");
        assert_eq!(escape("one\r\ntwo\tthree"), "one&#10;two&#9;three");
        assert_eq!(escape("数字政府 🏛"), "数字政府 🏛");
    }

    #[test]
    fn runs_break_lines_and_order_their_properties() {
        let mut out = String::new();
        let look = Look {
            fonts: Some(("Times New Roman".to_owned(), "SimSun".to_owned())),
            bold: true,
            colour: Some(Rgb(0xe6, 0x00, 0x12)),
            size: Some(32),
            shade: Some(Rgb(0x44, 0x01, 0x54)),
            dashed: true,
            ..Look::default()
        };
        run(&mut out, &look, "a<b\nc\td");
        assert_eq!(
            out,
            "<w:r><w:rPr><w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" \
             w:eastAsia=\"SimSun\" w:cs=\"Times New Roman\"/><w:b/><w:bCs/><w:color w:val=\"E60012\"/>\
             <w:sz w:val=\"32\"/><w:szCs w:val=\"32\"/>\
             <w:bdr w:val=\"dashed\" w:sz=\"6\" w:space=\"0\" w:color=\"1A1A1A\"/>\
             <w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"440154\"/></w:rPr>\
             <w:t xml:space=\"preserve\">a&lt;b</w:t><w:br/><w:t xml:space=\"preserve\">c</w:t><w:tab/>\
             <w:t xml:space=\"preserve\">d</w:t></w:r>"
        );
        let mut date = String::new();
        let no_break = Look {
            no_break: true,
            ..Look::default()
        };
        run(&mut date, &no_break, "2025-12-31");
        assert_eq!(
            date,
            "<w:r><w:t xml:space=\"preserve\">2025</w:t><w:noBreakHyphen/><w:t xml:space=\"preserve\">12</w:t>\
             <w:noBreakHyphen/><w:t xml:space=\"preserve\">31</w:t></w:r>"
        );
        let mut empty = String::new();
        run(&mut empty, &Look::default(), "");
        assert_eq!(empty, "");
    }

    #[test]
    fn a_field_shows_its_result_until_updated() {
        let mut out = String::new();
        field(&mut out, &Look::default(), "PAGE", "1");
        assert_eq!(
            out,
            "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>\
             <w:r><w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r>\
             <w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>\
             <w:r><w:t xml:space=\"preserve\">1</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
        );
    }
}
