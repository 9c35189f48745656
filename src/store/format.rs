//! The RON text of each file: writing it in one stable, diffable layout, and
//! reading it by format version (current → parse, older → migrate, newer →
//! a read-only attempt).

use std::path::Path;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer, Serialize};

use super::problem::{FileKind, Locator, Position, Problem, ProblemCode, ends_early, ron_problem_code};
use super::{migrate, quick_ron};
use crate::model::{Assessment, FORMAT_VERSION, Framework, Workspace};

/// Writes a value as pretty RON: 4-space indent, no struct names, fields in
/// declaration order, maps sorted (the model uses `BTreeMap`), `\n` line
/// endings on every platform, and a trailing newline. Strings are escaped
/// onto one line, so a changed answer diffs as one or two lines.
pub fn to_ron<T: Serialize>(value: &T) -> Result<String, ron::Error> {
    let config = ron::ser::PrettyConfig::new()
        .indentor("    ")
        .new_line("\n")
        .separator(" ")
        .struct_names(false)
        .escape_strings(true);
    let mut text = ron::ser::to_string_pretty(value, config)?;
    if !text.ends_with('\n') {
        text.push('\n');
    }
    Ok(text)
}

/// Parses the text of an assessment file. Returns the assessment and the
/// format version the file was written in (newer than
/// [`FORMAT_VERSION`] means: show it, never rewrite it).
pub fn parse_assessment(text: &str, file: &Path) -> Result<(Assessment, u32), Problem> {
    parse_versioned(text, file, FileKind::Assessment, migrate::assessment)
}

/// Parses the text of `workspace.ron`; see [`parse_assessment`].
pub fn parse_workspace(text: &str, file: &Path) -> Result<(Workspace, u32), Problem> {
    parse_versioned(text, file, FileKind::Workspace, migrate::workspace)
}

/// Parses the text of a framework file; see [`parse_assessment`]. Does not run
/// [`Framework::check`]; the loader does.
pub fn parse_framework(text: &str, file: &Path) -> Result<(Framework, u32), Problem> {
    parse_versioned(text, file, FileKind::Framework, migrate::framework)
}

/// [`parse_versioned`] for the other modules of the store (plans).
pub(crate) fn from_ron_versioned<T: DeserializeOwned>(
    text: &str,
    file: &Path,
    kind: FileKind,
    migrate: fn(u32, &str, &Path) -> Result<T, Problem>,
) -> Result<(T, u32), Problem> {
    parse_versioned(text, file, kind, migrate)
}

/// A parser of one kind of file: the value and the format version it was written in.
pub(crate) type Parser<T> = fn(&str, &Path) -> Result<(T, u32), Problem>;

/// Reads only the `version` field, ignoring everything else, so the right
/// parser can be chosen before the rest of the file is looked at.
///
/// Read as any structure, whatever its name: a file written as
/// `Assessment(version: 1, …)` is fine, and a derived probe would be
/// refused for not being named `VersionProbe`.
struct VersionProbe {
    version: Option<u32>,
}

impl<'de> Deserialize<'de> for VersionProbe {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Fields;
        impl<'de> serde::de::Visitor<'de> for Fields {
            type Value = VersionProbe;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a structure in parentheses, starting with `version: 1`")
            }

            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<VersionProbe, A::Error> {
                let mut version = None;
                while let Some(key) = map.next_key::<String>()? {
                    if key == "version" && version.is_none() {
                        version = Some(map.next_value::<u32>()?);
                    } else {
                        map.next_value::<serde::de::IgnoredAny>()?;
                    }
                }
                Ok(VersionProbe { version })
            }

            /// `(` with no field name after it reads as a tuple: read it
            /// through, so that a file cut short is told as such.
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<VersionProbe, A::Error> {
                while seq.next_element::<serde::de::IgnoredAny>()?.is_some() {}
                Ok(VersionProbe { version: None })
            }
        }
        deserializer.deserialize_any(Fields)
    }
}

/// Reads `version: N` when it is the first field, as govmaturity writes it,
/// without parsing the whole file (a full RON pass costs as much as the real
/// parse). `None` means "look properly": the probe then decides.
fn leading_version(text: &str) -> Option<u32> {
    let rest = skip_trivia(text);
    if rest.starts_with("#!") {
        return None; // extension attributes: leave them to the RON parser
    }
    // An optional struct name, then the opening parenthesis.
    let rest = rest.trim_start_matches(|c: char| c.is_ascii_alphanumeric() || c == '_');
    let rest = skip_trivia(rest).strip_prefix('(')?;
    let rest = skip_trivia(rest).strip_prefix("version")?;
    let rest = skip_trivia(rest).strip_prefix(':')?;
    let rest = skip_trivia(rest);
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let after = skip_trivia(&rest[digits..]);
    if !(after.starts_with(',') || after.starts_with(')')) {
        return None;
    }
    rest[..digits].parse().ok()
}

/// Skips whitespace and comments. A nested block comment is left for the
/// RON parser (the caller then finds no version and falls back to it).
fn skip_trivia(mut text: &str) -> &str {
    loop {
        text = text.trim_start();
        if let Some(comment) = text.strip_prefix("//") {
            text = comment.find('\n').map_or("", |end| &comment[end..]);
        } else if let Some(comment) = text.strip_prefix("/*") {
            match comment.find("*/") {
                Some(end) if !comment[..end].contains("/*") => text = &comment[end + 2..],
                _ => return text,
            }
        } else {
            return text;
        }
    }
}

/// Parses `text` as RON, with errors turned into problems at their position.
/// A file that stops in the middle (see [`ends_early`]) and fails at its end
/// is [`ProblemCode::EndsEarly`], whatever the parser expected there.
///
/// Files in the layout govmaturity writes are read by [`quick_ron`] first,
/// several times faster; anything else, and every error, goes to RON.
pub(crate) fn from_ron<T: DeserializeOwned>(text: &str, file: &Path, kind: FileKind) -> Result<T, Problem> {
    if let Some(value) = quick_ron::from_str(text) {
        return Ok(value);
    }
    ron::Options::default().from_str(text).map_err(|e| {
        let at: Position = e.span.start.into();
        let end = Position::of_offset(text, text.trim_end().len());
        if at.line >= end.line && ends_early(text) {
            Problem::error(
                file,
                end,
                ProblemCode::EndsEarly {
                    file_kind: kind,
                    backup: None,
                },
            )
        } else {
            Problem::error(file, at, ron_problem_code(&e.code))
        }
    })
}

/// Reads the format version, then dispatches: current → parse; older →
/// [`migrate`]; newer → try the current layout (the caller opens it read-only);
/// missing or 0 → a problem.
fn parse_versioned<T: DeserializeOwned>(
    text: &str,
    file: &Path,
    kind: FileKind,
    migrate: fn(u32, &str, &Path) -> Result<T, Problem>,
) -> Result<(T, u32), Problem> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(Problem::error(
            file,
            Position::START,
            ProblemCode::Empty {
                file_kind: kind,
                backup: None,
            },
        ));
    }
    let version = match leading_version(text) {
        Some(version) => Some(version),
        None => from_ron::<VersionProbe>(text, file, kind)?.version,
    };
    let version_at = || Locator::new(text).field("version").unwrap_or(Position::START);
    match version {
        None => Err(Problem::error(
            file,
            Position::START,
            ProblemCode::NoVersion { file_kind: kind },
        )),
        Some(0) => Err(Problem::error(file, version_at(), ProblemCode::VersionZero)),
        Some(version) if version == FORMAT_VERSION => {
            from_ron(text, file, kind).map(|value| (value, version))
        }
        Some(version) if version < FORMAT_VERSION => {
            migrate(version, text, file).map(|value| (value, version))
        }
        Some(version) => match from_ron(text, file, kind) {
            Ok(value) => Ok((value, version)),
            Err(problem) => Err(Problem::error(
                file,
                Position {
                    line: problem.line,
                    column: problem.column,
                },
                ProblemCode::NewerVersionUnreadable {
                    file_kind: kind,
                    version,
                    cause: Box::new(problem.code),
                },
            )),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Text;

    #[test]
    fn written_ron_reads_back() {
        let workspace = Workspace::new(Text::new("Pilot", "试点"));
        let text = to_ron(&workspace).unwrap();
        assert!(text.starts_with("(\n    version: 1,\n"), "{text}");
        assert!(text.ends_with(")\n"));
        assert!(text.contains("试点"), "Chinese stays readable: {text}");
        let (back, version) = parse_workspace(&text, Path::new("workspace.ron")).unwrap();
        assert_eq!(back, workspace);
        assert_eq!(version, 1);
    }

    #[test]
    fn the_leading_version_is_read_without_a_full_parse() {
        assert_eq!(leading_version("(\n    version: 1,\n    title: ("), Some(1));
        assert_eq!(
            leading_version("// note\n/* block */ Workspace ( version :12 )"),
            Some(12)
        );
        assert_eq!(leading_version("(version: 1.5,"), None);
        assert_eq!(leading_version("(title: (), version: 1)"), None);
        assert_eq!(leading_version("#![enable(implicit_some)]\n(version: 1,"), None);
        assert_eq!(leading_version("(version: 99999999999,"), None);
        assert_eq!(leading_version("/* a /* nested */ comment */ (version: 1,"), None);
    }

    #[test]
    fn version_is_checked_first() {
        let file = Path::new("workspace.ron");
        let missing = parse_workspace("(title: (en: \"a\", zh: \"b\"))", file).unwrap_err();
        assert_eq!(
            missing.code,
            ProblemCode::NoVersion {
                file_kind: FileKind::Workspace
            }
        );
        let zero = parse_workspace("(\n    version: 0,\n)", file).unwrap_err();
        assert_eq!((zero.line, zero.column), (2, 5));
        let newer = parse_workspace("(version: 2, title: (en: \"a\", zh: \"b\"))", file).unwrap();
        assert_eq!(newer.1, 2);
        let newer_unknown = parse_workspace("(version: 2, colour: 3)", file).unwrap_err();
        assert_eq!(newer_unknown.code.code(), "newer-version-unreadable");
        let later = parse_workspace("(title: (en: \"a\", zh: \"b\"), version: 1)", file).unwrap();
        assert_eq!(later.1, 1);
        let bom = parse_workspace("\u{feff}(version: 1, title: (en: \"a\", zh: \"b\"))", file);
        assert!(bom.is_ok());
    }

    #[test]
    fn extensions_and_struct_names_are_read_as_ron_reads_them() {
        let file = Path::new("workspace.ron");
        for text in [
            "#![enable(implicit_some)]\nWorkspace(version: 1, title: (en: \"a\", zh: \"b\"))",
            "#![enable(implicit_some)]\n(title: (en: \"a\", zh: \"b\"), version: 1)",
            "Workspace(title: (en: \"a\", zh: \"b\"), version: 1)",
        ] {
            let parsed = parse_workspace(text, file);
            assert!(parsed.is_ok(), "{text}: {parsed:?}");
        }
        // No internal name in what a user reads.
        let list = parse_workspace("#![enable(implicit_some)]\n[1, 2]", file).unwrap_err();
        assert!(!format!("{:?}", list.code).contains("VersionProbe"), "{list:?}");
    }
}
