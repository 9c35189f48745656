//! How every figure is written, in the app, on the command line and in every
//! report. One rounding rule, half away from zero, at the precision shown:
//! 2.625 is "2.63" everywhere. Data formats (JSON) carry full precision;
//! XLSX cells carry the value and a number format that shows these digits.
//!
//! Missing figures are an en dash, "–", in every format.

use chrono::NaiveDate;

use crate::model::Lang;

/// What a missing figure shows.
pub const MISSING: &str = "–";

/// Decimals of a mean level, a change and a priority.
pub use crate::model::LEVEL_DECIMALS;

/// Decimals of a priority.
pub const PRIORITY_DECIMALS: usize = 2;

/// The XLSX number format that shows a level as [`level`] does.
pub const XLSX_LEVEL: &str = "0.00";

/// The XLSX number format that shows a date as [`date`] does:
/// "2025-12-31" / "2025年12月31日" (the cell holds a real date either way).
pub fn xlsx_date(lang: Lang) -> &'static str {
    crate::present::catalogue::T::XlsxDateFormat.get(lang)
}

/// A chart axis of periods, by month: "2025-12" / "2025年12月".
pub fn xlsx_month(lang: Lang) -> &'static str {
    crate::present::catalogue::T::XlsxMonthFormat.get(lang)
}

/// The XLSX number format that shows a share as [`percent`] does.
pub const XLSX_PERCENT: &str = "0%";

/// `value` rounded to `decimals` places, halves away from zero (2.625 →
/// 2.63, −2.625 → −2.63). The one rounding rule; every figure shown goes
/// through it.
pub fn round(value: f64, decimals: usize) -> f64 {
    crate::model::round_half_away(value, decimals)
}

/// `value` to `decimals` places, rounded by [`round`].
pub fn fixed(value: f64, decimals: usize) -> String {
    format!("{:.*}", decimals, round(value, decimals))
}

/// A mean level: "2.63", or "–".
pub fn level(value: Option<f64>) -> String {
    value.map_or_else(|| MISSING.to_owned(), |v| fixed(v, LEVEL_DECIMALS))
}

/// A whole level (1–5) as its digit.
pub fn level_digit(level: crate::model::Level) -> String {
    level.get().to_string()
}

/// A change with its sign: "+0.25", "−0.50" (a true minus), "0.00", or "–".
pub fn change(value: Option<f64>) -> String {
    let Some(value) = value.map(|v| round(v, LEVEL_DECIMALS)) else {
        return MISSING.to_owned();
    };
    if value > 0.0 {
        format!("+{}", fixed(value, LEVEL_DECIMALS))
    } else if value < 0.0 {
        format!("−{}", fixed(-value, LEVEL_DECIMALS))
    } else {
        fixed(0.0, LEVEL_DECIMALS)
    }
}

/// A 0–1 share as a whole percentage: "97%", or "–".
pub fn percent(value: Option<f64>) -> String {
    value.map_or_else(|| MISSING.to_owned(), |v| format!("{}%", fixed(v * 100.0, 0)))
}

/// A priority score: "3.50".
pub fn priority(value: f64) -> String {
    fixed(value, PRIORITY_DECIMALS)
}

/// An indicator or dimension weight: "1", "1.5", "0.25" (no trailing zeros).
pub fn weight(value: f64) -> String {
    let text = fixed(value, 2);
    let text = text.trim_end_matches('0').trim_end_matches('.');
    text.to_owned()
}

/// A date in running text: "2025-12-31" in English, "2025年12月31日" in Chinese.
pub fn date(date: NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::En => iso_date(date),
        Lang::Zh => date
            .format(crate::present::catalogue::T::DatePattern.get(lang))
            .to_string(),
    }
}

/// A date in a data format (CSV, JSON, file names): always "2025-12-31".
pub fn iso_date(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

/// A moment in running text, to the minute: "2025-12-31 14:05" /
/// "2025年12月31日 14:05".
pub fn date_time(at: chrono::NaiveDateTime, lang: Lang) -> String {
    format!("{} {}", date(at.date(), lang), at.format("%H:%M"))
}

/// An optional date in running text, or "–".
pub fn date_or_missing(value: Option<NaiveDate>, lang: Lang) -> String {
    value.map_or_else(|| MISSING.to_owned(), |d| date(d, lang))
}

/// `text` for one line of a terminal, a log or a table cell: every control
/// character (newlines and tabs too, escape sequences, C1 controls) and
/// every bidirectional override or isolate is shown as `\u{1b}`, so a name
/// or id can neither break the line, forge another one, nor move the
/// terminal's cursor or reorder what is shown.
pub fn one_line(text: &str) -> std::borrow::Cow<'_, str> {
    escape_chars(text, |c| c.is_control() || is_bidi_control(c))
}

/// `text` for a report or a multi-line output: as [`one_line`], except that
/// line feeds and tabs stay (evidence has paragraphs), a carriage return
/// before a line feed is dropped (text typed on Windows), and
/// bidirectional controls stay (right-to-left names need them, and a
/// report isolates each name).
pub fn printable(text: &str) -> std::borrow::Cow<'_, str> {
    let escaped = |c: char| c.is_control() && c != '\n' && c != '\t';
    let Some(first) = text.find(escaped) else {
        return std::borrow::Cow::Borrowed(text);
    };
    let mut out = String::with_capacity(text.len() + 8);
    out.push_str(&text[..first]);
    let mut chars = text[first..].chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' && chars.peek() == Some(&'\n') {
            continue;
        }
        push_char(&mut out, c, escaped(c));
    }
    std::borrow::Cow::Owned(out)
}

/// Pushes `c`, or its `\u{…}` form (lowercase hexadecimal, as Rust and RON
/// write it) when `escape`.
fn push_char(out: &mut String, c: char, escape: bool) {
    if escape {
        out.push_str("\\u{");
        out.push_str(&format!("{:x}", u32::from(c)));
        out.push('}');
    } else {
        out.push(c);
    }
}

/// Whether `c` changes the order text is shown in (embeddings, overrides,
/// isolates): harmless in a report that isolates names, misleading on a
/// terminal.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `text` with each character `escape` picks written as `\u{…}`;
/// unchanged text is not copied.
fn escape_chars(text: &str, escape: impl Fn(char) -> bool) -> std::borrow::Cow<'_, str> {
    let Some(first) = text.find(&escape) else {
        return std::borrow::Cow::Borrowed(text);
    };
    let mut out = String::with_capacity(text.len() + 8);
    out.push_str(&text[..first]);
    for c in text[first..].chars() {
        push_char(&mut out, c, escape(c));
    }
    std::borrow::Cow::Owned(out)
}

/// `text` cut to at most `max` characters (not bytes), the last one an
/// ellipsis when anything was cut: for headings, outlines and brief tables,
/// which must stay one line or a few; the body keeps the full text.
pub fn clip(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let mut clipped: String = text.chars().take(max.saturating_sub(1)).collect();
    clipped.truncate(clipped.trim_end().len());
    clipped.push('…');
    clipped
}

/// `text` shortened in the middle to at most `max` columns (a CJK character
/// counts two), keeping its beginning and, longer, its end: department
/// names differ at the end ("Lakeshore District … Natural Resources
/// Bureau", "滨江区…教育局"), so the part that tells them apart stays.
/// Text with spaces (English) is cut between words: the end keeps as many
/// whole words as fit after the first word, the beginning takes the rest;
/// a word is cut only when not even one fits.
pub fn shorten_middle(text: &str, max: usize) -> std::borrow::Cow<'_, str> {
    let total = columns(text);
    if total <= max || max < 4 {
        return std::borrow::Cow::Borrowed(text);
    }
    let room = max - 1; // the ellipsis
    if text.trim().contains(' ') {
        let words: Vec<&str> = text.split_whitespace().collect();
        let first = words.first().map_or(0, |w| columns(w));
        // The end first, leaving the first word (or half the room) its room.
        let tail_room = room - first.min(room / 2);
        let mut tail_from = words.len();
        let mut tail_used = 0;
        while tail_from > 1 {
            let word = columns(words[tail_from - 1]);
            let extra = if tail_used == 0 { word } else { word + 1 };
            if tail_used + extra > tail_room {
                break;
            }
            tail_used += extra;
            tail_from -= 1;
        }
        let mut head_to = 0;
        let mut head_used = 0;
        while head_to < tail_from {
            let word = columns(words[head_to]);
            let extra = if head_used == 0 { word } else { word + 1 };
            if head_used + extra > room - tail_used {
                break;
            }
            head_used += extra;
            head_to += 1;
        }
        // An end that would start with a joining word starts after it.
        while tail_from + 1 < words.len()
            && ["and", "of", "for", "the", "&"].contains(&words[tail_from].to_lowercase().as_str())
        {
            tail_used -= columns(words[tail_from]) + 1;
            tail_from += 1;
        }
        if tail_from < words.len() {
            let tail = words[tail_from..].join(" ");
            let head = if head_to > 0 {
                words[..head_to].join(" ")
            } else {
                // Not even the first word fits: its beginning.
                take_columns(words[0].chars(), room - tail_used)
            };
            if !head.is_empty() {
                return std::borrow::Cow::Owned(format!("{head}…{tail}"));
            }
        } else if head_to > 0 {
            // Not even the last word fits after the first: the beginning.
            return std::borrow::Cow::Owned(format!("{}…", words[..head_to].join(" ")));
        }
    }
    let head_room = room * 2 / 5;
    let head = take_columns(text.chars(), head_room);
    let tail: String = take_columns(text.chars().rev(), room - head_room)
        .chars()
        .rev()
        .collect();
    std::borrow::Cow::Owned(format!("{}…{}", head.trim_end(), tail.trim_start()))
}

/// How many columns `text` takes (a CJK character counts two).
fn columns(text: &str) -> usize {
    text.chars().map(|c| if is_wide(c) { 2 } else { 1 }).sum()
}

/// The first characters of `chars` that fit in `room` columns.
fn take_columns(chars: impl Iterator<Item = char>, room: usize) -> String {
    let mut taken = String::new();
    let mut used = 0;
    for c in chars {
        let width = if is_wide(c) { 2 } else { 1 };
        if used + width > room {
            break;
        }
        used += width;
        taken.push(c);
    }
    taken
}

/// Whether `c` takes two columns (CJK ideographs, full-width forms).
fn is_wide(c: char) -> bool {
    matches!(c as u32, 0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x20000..=0x3FFFD)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_shown_escaped() {
        let forged = "finance\u{1b}]0;pwned\u{7}\nworkspace.ron:1:1: error: forged\r\u{9b}2K";
        let line = one_line(forged);
        assert_eq!(
            line,
            "finance\\u{1b}]0;pwned\\u{7}\\u{a}workspace.ron:1:1: error: forged\\u{d}\\u{9b}2K"
        );
        assert!(!line.chars().any(char::is_control));
        assert_eq!(one_line("a\u{202e}b"), "a\\u{202e}b");
        // Reports keep paragraphs, tabs and right-to-left marks.
        assert_eq!(
            printable("one\ntwo\tthree\u{202e}\u{1b}"),
            "one\ntwo\tthree\u{202e}\\u{1b}"
        );
        assert_eq!(printable("typed\r\non Windows\r"), "typed\non Windows\\u{d}");
        // Clean text is not copied.
        assert!(matches!(
            one_line("Finance Bureau"),
            std::borrow::Cow::Borrowed(_)
        ));
        assert!(matches!(printable("a\nb"), std::borrow::Cow::Borrowed(_)));
    }

    #[test]
    fn long_names_are_shortened_in_the_middle() {
        let name = "Lakeshore District Natural Resources and Planning Bureau";
        let short = shorten_middle(name, 36);
        assert!(short.chars().count() <= 36, "{short}");
        assert!(short.starts_with("Lakeshore"), "{short}");
        assert!(short.ends_with("…Planning Bureau"), "{short}");
        assert!(short.contains('…'));
        assert_eq!(shorten_middle("Finance", 36), "Finance");
        // Whole words only, the end kept: no "…ucation Bureau 3".
        for max in 12..40 {
            let name = "Riverside District Education Bureau 3";
            let short = shorten_middle(name, max);
            assert!(short.chars().count() <= max.max(name.len()), "{max}: {short}");
            if short != name {
                let (head, tail) = short.split_once('…').unwrap();
                assert!(name.starts_with(head) && name.ends_with(tail), "{max}: {short}");
                assert!(
                    tail.is_empty() || name.contains(&format!(" {tail}")),
                    "{max}: {short}"
                );
                assert!(
                    head.len() < 9 || name.contains(&format!("{head} ")),
                    "{max}: {short}"
                );
            }
        }
        assert_eq!(
            shorten_middle("Riverside District Education Bureau 3", 30),
            "Riverside…Education Bureau 3"
        );
        assert_eq!(
            shorten_middle("Riverside District Government", 24),
            "Riverside…Government"
        );
        let zh = shorten_middle("滨江市湖滨区自然资源和规划局第三分局", 20);
        assert!(zh.starts_with("滨江市"), "{zh}");
        assert!(zh.ends_with("第三分局"), "{zh}");
        assert!(zh.chars().count() <= 10, "{zh}");
    }

    #[test]
    fn halves_round_away_from_zero() {
        assert_eq!(level(Some(2.625)), "2.63");
        assert_eq!(level(Some(2.375)), "2.38");
        assert_eq!(level(Some(-2.625)), "-2.63");
        assert_eq!(level(Some(4.0)), "4.00");
        assert_eq!(level(None), "–");
        assert_eq!(change(Some(0.125)), "+0.13");
        assert_eq!(change(Some(-0.125)), "−0.13");
        assert_eq!(change(Some(-0.001)), "0.00");
        assert_eq!(change(Some(0.0)), "0.00");
        assert_eq!(percent(Some(0.125)), "13%");
        assert_eq!(percent(Some(0.5)), "50%");
        assert_eq!(percent(Some(0.005)), "1%");
        assert_eq!(priority(2.5), "2.50");
        assert_eq!(weight(1.0), "1");
        assert_eq!(weight(1.5), "1.5");
        assert_eq!(weight(0.25), "0.25");
    }

    #[test]
    fn clip_counts_characters_and_marks_the_cut() {
        assert_eq!(clip("财政局", 3), "财政局");
        assert_eq!(clip("数字政府建设", 4), "数字政…");
        assert_eq!(clip("Lakeshore District North", 11), "Lakeshore…");
        assert_eq!(clip("", 5), "");
    }

    #[test]
    fn dates_follow_the_language() {
        let d = NaiveDate::from_ymd_opt(2025, 6, 30).unwrap();
        assert_eq!(date(d, Lang::En), "2025-06-30");
        assert_eq!(date(d, Lang::Zh), "2025年6月30日");
        assert_eq!(iso_date(d), "2025-06-30");
        let at = d.and_hms_opt(14, 5, 9).unwrap();
        assert_eq!(date_time(at, Lang::En), "2025-06-30 14:05");
        assert_eq!(date_time(at, Lang::Zh), "2025年6月30日 14:05");
    }
}
