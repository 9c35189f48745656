//! Text made safe for HTML and SVG, shared by the HTML printer and the SVG
//! charts so that neither imports the other.
//!
//! [`escape`] is for every string that did not come from the writer's own
//! markup; [`isolate`] also wraps user text in Unicode isolates so a
//! right-to-left override inside a name cannot reorder the text around it
//! (SVG has no `<bdi>`).

/// Escapes text for HTML and XML, in content and in quoted attributes alike:
/// `&`, `<`, `>`, `"` and `'` become entities, and control characters other
/// than tab and line feed are shown as `\u{1b}` (see
/// [`crate::present::format::printable`]).
pub fn escape(text: &str) -> String {
    let mut out = String::new();
    escape_into(&mut out, text);
    out
}

/// [`escape`], appending to `out`.
pub fn escape_into(out: &mut String, text: &str) {
    // Most text has nothing to escape: one pass over the bytes finds it.
    // 0xC2 starts every C1 control character (U+0080–U+009F).
    if !text
        .bytes()
        .any(|b| matches!(b, b'&' | b'<' | b'>' | b'"' | b'\'' | 0..=0x1f | 0x7f | 0xc2))
    {
        out.push_str(text);
        return;
    }
    out.reserve(text.len() + text.len() / 8);
    // Control characters (HTML forbids most) are shown as `\u{1b}`, as
    // every output shows them.
    for c in crate::present::format::printable(text).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

/// Escapes `text` and wraps it in first-strong isolate … pop directional
/// isolate, so bidi controls inside it stay inside it.
pub fn isolate(text: &str) -> String {
    format!("\u{2068}{}\u{2069}", escape(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_covers_markup_quotes_and_controls() {
        assert_eq!(
            escape("<script>alert(1)</script>"),
            "&lt;script&gt;alert(1)&lt;/script&gt;"
        );
        assert_eq!(
            escape("\"quoted\" & 'single'"),
            "&quot;quoted&quot; &amp; &#39;single&#39;"
        );
        assert_eq!(escape("a\u{0}b\u{7}c\td\ne"), "a\\u{0}b\\u{7}c\td\ne");
        assert_eq!(escape("数字政府 🏛 \u{202e}x"), "数字政府 🏛 \u{202e}x");
        assert_eq!(escape("&amp;"), "&amp;amp;");
        // C1 controls (U+0080–U+009F) too, and a neighbour that only looks close.
        assert_eq!(
            escape("a\u{85}b\u{9f}c\u{a0}d\u{7f}"),
            "a\\u{85}b\\u{9f}c\u{a0}d\\u{7f}"
        );
        assert_eq!(escape("plain, 数字 text"), "plain, 数字 text");
    }

    #[test]
    fn isolate_wraps_escaped_text() {
        assert_eq!(isolate("\u{202e}a<b"), "\u{2068}\u{202e}a&lt;b\u{2069}");
    }
}
