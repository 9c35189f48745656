//! Problems found while loading a workspace, and how to point at them: a file,
//! a line and a column, and a message that says what to do.

use std::fmt;
use std::path::{Path, PathBuf};

/// How serious a problem is. Errors mean some data was not loaded or cannot
/// be trusted; warnings mean it loaded but something deserves a look.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Error,
    Warning,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        })
    }
}

/// One problem in one file. Displays as `file:line:column: severity: message`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Relative to the workspace root.
    pub file: PathBuf,
    /// 1-based; 0 when not applicable.
    pub line: usize,
    /// 1-based, counted in characters; 0 when not applicable.
    pub column: usize,
    pub severity: Severity,
    pub message: String,
}

impl Problem {
    pub fn error(file: &Path, at: Position, message: impl Into<String>) -> Self {
        Problem::new(Severity::Error, file, at, message)
    }

    pub fn warning(file: &Path, at: Position, message: impl Into<String>) -> Self {
        Problem::new(Severity::Warning, file, at, message)
    }

    pub fn new(severity: Severity, file: &Path, at: Position, message: impl Into<String>) -> Self {
        Problem {
            file: file.to_path_buf(),
            line: at.line,
            column: at.column,
            severity,
            message: message.into(),
        }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}: {}",
            self.file.display(),
            self.line,
            self.column,
            self.severity,
            self.message
        )
    }
}

/// A 1-based line and column (in characters).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

impl Position {
    /// Line 1, column 1: where file-level problems point.
    pub const START: Position = Position { line: 1, column: 1 };

    /// The position of byte `offset` in `source`.
    pub fn of_offset(source: &str, offset: usize) -> Position {
        let before = source.get(..offset).unwrap_or(source);
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        Position {
            line: 1 + before.matches('\n').count(),
            column: 1 + before[line_start..].chars().count(),
        }
    }

    /// The position of the first byte that is not valid UTF-8.
    pub fn of_invalid_utf8(bytes: &[u8], error: &std::str::Utf8Error) -> Position {
        let valid = bytes.get(..error.valid_up_to()).unwrap_or_default();
        // Everything before `valid_up_to` is valid UTF-8 by definition.
        let prefix = std::str::from_utf8(valid).unwrap_or_default();
        Position::of_offset(prefix, prefix.len())
    }
}

impl From<ron::error::Position> for Position {
    fn from(p: ron::error::Position) -> Self {
        Position {
            line: p.line,
            column: p.col,
        }
    }
}

/// The 1-based line and column (in characters) where `needle` first occurs
/// in `source`, e.g. `locate(text, "\"sharing.open\"")` for a problem about
/// that answer.
pub fn locate(source: &str, needle: &str) -> Option<(usize, usize)> {
    source.find(needle).map(|offset| {
        let at = Position::of_offset(source, offset);
        (at.line, at.column)
    })
}

/// Finds text in a RON source so semantic problems can point at it.
///
/// These are textual searches: good enough to point a person at the right
/// line, and they fall back to the start of the file rather than fail.
pub(crate) struct Locator<'a> {
    source: &'a str,
}

impl<'a> Locator<'a> {
    pub fn new(source: &'a str) -> Self {
        Locator { source }
    }

    /// Where the `nth` (0-based) occurrence of `field: "value"` (or
    /// `field: Some("value")`) starts: the opening quote of the value.
    pub fn field_value(&self, field: &str, value: &str, nth: usize) -> Option<Position> {
        self.quoted(value)
            .filter(|&offset| self.preceded_by_field(offset, field))
            .nth(nth)
            .map(|offset| Position::of_offset(self.source, offset))
    }

    /// Where a map key `"key":` starts.
    pub fn map_key(&self, key: &str) -> Option<Position> {
        self.quoted(key)
            .find(|&offset| {
                let after = &self.source[offset + key.len() + 2..];
                after.trim_start().starts_with(':')
            })
            .map(|offset| Position::of_offset(self.source, offset))
    }

    /// Where `field:` is first written (the start of the field name).
    pub fn field(&self, field: &str) -> Option<Position> {
        let bytes = self.source.as_bytes();
        self.source
            .match_indices(field)
            .map(|(offset, _)| offset)
            .find(|&offset| {
                let before_ok = offset == 0 || !is_ident_byte(bytes[offset - 1]);
                let after = &self.source[offset + field.len()..];
                let after_ok = after.as_bytes().first().is_none_or(|b| !is_ident_byte(*b));
                before_ok && after_ok && after.trim_start().starts_with(':')
            })
            .map(|offset| Position::of_offset(self.source, offset))
    }

    /// Where the first occurrence of the string literal `"text"` starts.
    pub fn string(&self, text: &str) -> Option<Position> {
        self.quoted(text)
            .next()
            .map(|offset| Position::of_offset(self.source, offset))
    }

    /// Byte offsets of every `"text"` in the source.
    fn quoted(&self, text: &str) -> impl Iterator<Item = usize> + '_ {
        let needle = format!("\"{text}\"");
        self.source
            .match_indices(&needle)
            .map(|(offset, _)| offset)
            .collect::<Vec<_>>()
            .into_iter()
    }

    /// Whether the text before `offset` reads `field:` or `field: Some(`.
    fn preceded_by_field(&self, offset: usize, field: &str) -> bool {
        let mut before = self.source[..offset].trim_end();
        if let Some(rest) = before.strip_suffix('(') {
            match rest.trim_end().strip_suffix("Some") {
                Some(rest) => before = rest.trim_end(),
                None => return false,
            }
        }
        let Some(rest) = before.strip_suffix(':') else {
            return false;
        };
        let Some(rest) = rest.trim_end().strip_suffix(field) else {
            return false;
        };
        rest.as_bytes().last().is_none_or(|b| !is_ident_byte(*b))
    }
}

fn is_ident_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Turns a RON deserialisation error into a message a person can act on.
pub(crate) fn describe_ron_error(code: &ron::Error, what: &str) -> String {
    use ron::Error as E;
    match code {
        E::Message(message) => {
            if is_chrono_parse_message(message) {
                format!(
                    "this date could not be read ({message}); write dates as \"YYYY-MM-DD\", e.g. \"2025-06-30\", \
                     and times as \"YYYY-MM-DDTHH:MM:SS\""
                )
            } else {
                // Messages from the model (e.g. a level outside 1–5) already say what to do.
                message.clone()
            }
        }
        E::NoSuchStructField {
            expected,
            found,
            outer,
        } => format!(
            "unknown field `{found}`{}; the fields allowed here are {}. Remove it or fix its spelling",
            in_outer(outer.as_deref()),
            list(expected)
        ),
        E::MissingStructField { field, outer } => format!(
            "the field `{field}` is missing{}; add `{field}: …` (a file saved by govmaturity shows the layout)",
            in_outer(outer.as_deref())
        ),
        E::DuplicateStructField { field, outer } => format!(
            "the field `{field}` is written twice{}; keep only one",
            in_outer(outer.as_deref())
        ),
        E::NoSuchEnumVariant {
            expected,
            found,
            outer,
        } => format!(
            "`{found}` is not a valid choice{}; use one of {}",
            in_outer(outer.as_deref()),
            list(expected)
        ),
        E::InvalidValueForType { expected, found } => {
            format!(
                "wrong type: expected {expected} but found {found}; change the value to the expected kind"
            )
        }
        E::ExpectedInteger | E::IntegerOutOfBounds | E::InvalidIntegerDigit { .. } => {
            format!("wrong type: {code}; write a whole number here")
        }
        E::ExpectedFloat | E::FloatUnderscore => format!("wrong type: {code}; write a number here, e.g. 1.0"),
        E::ExpectedBoolean => format!("wrong type: {code}; write true or false here"),
        E::ExpectedString | E::ExpectedStringEnd => {
            format!("wrong type or syntax: {code}; text goes in double quotes, e.g. \"text\"")
        }
        E::ExpectedDifferentLength { .. } | E::ExpectedOption | E::ExpectedUnit | E::ExpectedStructLike => {
            format!("wrong type: {code}; compare with a file saved by govmaturity")
        }
        E::ExpectedNamedStructLike(_) | E::ExpectedDifferentStructName { .. } => {
            format!("wrong type: {code}; compare with a file saved by govmaturity")
        }
        E::Eof => format!(
            "the {what} ends too early (unexpected end of file); a closing bracket or the rest of the file is missing"
        ),
        E::Utf8Error(_) => format!("{code}; save the file as UTF-8 text"),
        E::ExceededRecursionLimit => "the file is nested too deeply to be a govmaturity file".to_owned(),
        _ => format!(
            "RON syntax error: {code}; fix the text at this position (a missing comma, bracket or quote is the usual cause)"
        ),
    }
}

fn in_outer(outer: Option<&str>) -> String {
    outer.map_or_else(String::new, |outer| format!(" in {outer}"))
}

fn list(items: &[&str]) -> String {
    if items.is_empty() {
        return "none".to_owned();
    }
    items
        .iter()
        .map(|i| format!("`{i}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// chrono's `ParseError` messages, which reach us as bare serde messages.
fn is_chrono_parse_message(message: &str) -> bool {
    [
        "input is out of range",
        "no possible date and time matching input",
        "input is not enough for unique date and time",
        "input contains invalid characters",
        "premature end of input",
        "trailing input",
        "bad or unsupported format string",
    ]
    .contains(&message)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_characters() {
        let source = "(\n    名字: \"x\",\n)";
        assert_eq!(Position::of_offset(source, 0), Position::START);
        let offset = source.find('"').unwrap();
        assert_eq!(
            Position::of_offset(source, offset),
            Position { line: 2, column: 9 }
        );
    }

    #[test]
    fn locator_finds_fields_and_keys() {
        let source = "(\n    departments: [\n        (id: \"a\", parent: Some(\"zz\")),\n        (id: \"a\"),\n    ],\n    answers: {\n        \"sharing.bogus\": (),\n    },\n)\n";
        let at = Locator::new(source);
        assert_eq!(
            at.field_value("id", "a", 1),
            Some(Position { line: 4, column: 14 })
        );
        assert_eq!(
            at.field_value("parent", "zz", 0),
            Some(Position { line: 3, column: 32 })
        );
        assert_eq!(at.map_key("sharing.bogus"), Some(Position { line: 7, column: 9 }));
        assert_eq!(at.field("answers"), Some(Position { line: 6, column: 5 }));
        assert_eq!(at.field_value("id", "missing", 0), None);
    }

    #[test]
    fn display_is_file_line_column() {
        let p = Problem::error(
            Path::new("health/2025-06-30.ron"),
            Position { line: 3, column: 7 },
            "bad",
        );
        assert_eq!(p.to_string(), "health/2025-06-30.ron:3:7: error: bad");
    }
}
