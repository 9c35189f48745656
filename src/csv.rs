//! Writing CSV fields that spreadsheets open safely: quoted when needed, and
//! cells that a spreadsheet would run as a formula (starting with `=`, `+`,
//! `-`, `@`, tab or carriage return) neutralised with a leading apostrophe.

/// The byte-order mark that makes spreadsheets read the file as UTF-8.
pub const BOM: &str = "\u{feff}";

/// One text field, neutralised against formula injection, with control
/// characters other than line feeds and tabs shown escaped (`\u{1b}`), and
/// quoted as needed.
pub fn text_field(value: &str) -> String {
    let value = crate::present::format::printable(value);
    let neutral = if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{value}")
    } else {
        value.into_owned()
    };
    quote(&neutral)
}

/// A number field: plain digits, never neutralised (a negative number stays
/// a number), rounded by the one rule of [`crate::present::format`] (2.625 →
/// "2.63", as every other output shows it); empty when missing.
pub fn number_field(value: Option<f64>, decimals: usize) -> String {
    value.map_or_else(String::new, |v| crate::present::format::fixed(v, decimals))
}

fn quote(value: &str) -> String {
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value.to_owned()
    }
}

/// Joins fields into one CSV line ending in CRLF, as RFC 4180 asks.
pub fn line(fields: &[String]) -> String {
    let mut out = fields.join(",");
    out.push_str("\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised() {
        assert_eq!(text_field("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(text_field("+1"), "'+1");
        assert_eq!(text_field("-1"), "'-1");
        assert_eq!(text_field("@cmd"), "'@cmd");
        assert_eq!(text_field("\tx"), "'\tx");
        // A carriage return is shown, not kept: it would split the row in
        // some readers.
        assert_eq!(text_field("\rx"), "\\u{d}x");
        assert_eq!(text_field("a\u{1b}[2Kb"), "a\\u{1b}[2Kb");
        assert_eq!(text_field("one\r\ntwo"), "\"one\ntwo\"");
        assert_eq!(text_field("plain"), "plain");
        assert_eq!(number_field(Some(-1.5), 2), "-1.50");
    }

    #[test]
    fn numbers_round_half_away_from_zero() {
        // 2.625 is exact in binary: ties-to-even would give "2.62".
        assert_eq!(number_field(Some(2.625), 2), "2.63");
        assert_eq!(number_field(Some(-2.625), 2), "-2.63");
        assert_eq!(number_field(Some(0.966), 2), "0.97");
        assert_eq!(number_field(None, 2), "");
    }

    #[test]
    fn quoting() {
        assert_eq!(text_field("a,b"), "\"a,b\"");
        assert_eq!(text_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(text_field("两行\n文字"), "\"两行\n文字\"");
        assert_eq!(line(&["a".into(), "b".into()]), "a,b\r\n");
    }
}
