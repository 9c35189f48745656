//! A quick reader for the RON layout govmaturity itself writes ([`to_ron`]):
//! plain `(field: value)` structs, `{"key": value}` maps, `[…]` lists,
//! `"…"` strings with the common escapes, decimal numbers, `Some(…)`/`None`
//! and enum variants. It reads bytes, not characters, and borrows strings
//! without escapes from the text, which makes it several times faster than
//! the general RON parser: what loading a province's 12,000 files spends
//! most of its time on.
//!
//! It is only a shortcut. Anything outside that layout (comments, struct
//! names, raw strings, `#![enable(…)]`, other escapes or number forms,
//! unknown fields, any error at all) makes it give up with `None`, and the
//! caller reads the file with the RON parser, which also gives the problem
//! its message and position. So it accepts a subset of what RON accepts and
//! must read that subset to the same value; the tests check both on every
//! file of the sample and a generated workspace and on 1,500 damaged ones.
//!
//! [`to_ron`]: super::format::to_ron

use std::borrow::Cow;
use std::fmt;

use serde::Deserialize;
use serde::de::value::BorrowedStrDeserializer;
use serde::de::{self, DeserializeSeed, Visitor};

/// How deep lists, maps and structs may nest before the shortcut gives up
/// (the RON parser then applies its own limit): keeps a hostile file from
/// exhausting the stack.
const MAX_DEPTH: usize = 64;

/// Reads `text` as a `T`, or `None` when the text is outside the layout this
/// reader knows or does not make a valid `T`: then use the RON parser.
pub(crate) fn from_str<'de, T: Deserialize<'de>>(text: &'de str) -> Option<T> {
    let mut reader = Reader {
        text,
        bytes: text.as_bytes(),
        at: 0,
        depth: 0,
    };
    reader.skip_space();
    let value = T::deserialize(&mut reader).ok()?;
    reader.skip_space();
    (reader.at == reader.bytes.len()).then_some(value)
}

/// Why the shortcut gave up; never shown (the RON parser says what is wrong).
#[derive(Debug)]
pub(crate) struct GiveUp;

impl fmt::Display for GiveUp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("outside the quick RON layout")
    }
}

impl std::error::Error for GiveUp {}

impl de::Error for GiveUp {
    fn custom<T: fmt::Display>(_: T) -> Self {
        GiveUp
    }
}

type Result<T> = std::result::Result<T, GiveUp>;

struct Reader<'de> {
    text: &'de str,
    bytes: &'de [u8],
    at: usize,
    depth: usize,
}

impl<'de> Reader<'de> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    /// Spaces, tabs and line ends; a comment is not skipped (give up).
    fn skip_space(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.at += 1;
        }
    }

    fn eat(&mut self, byte: u8) -> bool {
        let found = self.peek() == Some(byte);
        if found {
            self.at += 1;
        }
        found
    }

    fn require(&mut self, byte: u8) -> Result<()> {
        if self.eat(byte) { Ok(()) } else { Err(GiveUp) }
    }

    /// An ASCII identifier (`[A-Za-z_][A-Za-z0-9_]*`).
    fn ident(&mut self) -> Result<&'de str> {
        let start = self.at;
        match self.peek() {
            Some(b'a'..=b'z' | b'A'..=b'Z' | b'_') => self.at += 1,
            _ => return Err(GiveUp),
        }
        while let Some(b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'_') = self.peek() {
            self.at += 1;
        }
        // A non-ASCII letter or `#` (raw identifier) continues it in RON.
        match self.peek() {
            Some(byte) if byte >= 0x80 || byte == b'#' => Err(GiveUp),
            _ => Ok(&self.text[start..self.at]),
        }
    }

    /// A `"…"` string: borrowed when it has no escape. Other characters are
    /// taken as they are written, line ends and tabs included, as RON does.
    fn string(&mut self) -> Result<Cow<'de, str>> {
        self.require(b'"')?;
        let start = self.at;
        let mut owned: Option<String> = None;
        loop {
            let run = self.at;
            let end = run + memchr::memchr2(b'"', b'\\', &self.bytes[run..]).ok_or(GiveUp)?;
            if self.bytes[end] == b'"' {
                self.at = end + 1;
                return Ok(match owned {
                    None => Cow::Borrowed(&self.text[start..end]),
                    Some(mut text) => {
                        text.push_str(&self.text[run..end]);
                        Cow::Owned(text)
                    }
                });
            }
            let escaped = match self.bytes.get(end + 1) {
                Some(b'"') => '"',
                Some(b'\'') => '\'',
                Some(b'\\') => '\\',
                Some(b'n') => '\n',
                Some(b'r') => '\r',
                Some(b't') => '\t',
                _ => return Err(GiveUp),
            };
            let text = owned.get_or_insert_with(String::new);
            text.push_str(&self.text[run..end]);
            text.push(escaped);
            self.at = end + 2;
        }
    }

    /// A decimal number's text: `-?digits`, or with `.digits` and an
    /// exponent when `float`. Anything RON reads differently (`+1`, `0x10`,
    /// `1_000`, `007`, `5u8`, `inf`) gives up.
    fn number(&mut self, float: bool) -> Result<&'de str> {
        let start = self.at;
        self.eat(b'-');
        let digits = self.digits();
        if digits == 0 || (digits > 1 && self.bytes[self.at - digits] == b'0') {
            return Err(GiveUp);
        }
        if float {
            if self.eat(b'.') && self.digits() == 0 {
                return Err(GiveUp);
            }
            if self.eat(b'e') || self.eat(b'E') {
                if !self.eat(b'-') {
                    self.eat(b'+');
                }
                if self.digits() == 0 {
                    return Err(GiveUp);
                }
            }
        }
        match self.peek() {
            Some(b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'_' | b'.' | b'#') => Err(GiveUp),
            Some(byte) if byte >= 0x80 => Err(GiveUp),
            _ => Ok(&self.text[start..self.at]),
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.at;
        while let Some(b'0'..=b'9') = self.peek() {
            self.at += 1;
        }
        self.at - start
    }

    fn integer<T: std::str::FromStr>(&mut self) -> Result<T> {
        self.number(false)?.parse().map_err(|_| GiveUp)
    }

    fn float<T: std::str::FromStr>(&mut self) -> Result<T> {
        self.number(true)?.parse().map_err(|_| GiveUp)
    }

    fn nest(&mut self) -> Result<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            Err(GiveUp)
        } else {
            Ok(())
        }
    }

    /// After an element: a comma, or the closing bracket (left for the caller).
    fn after_element(&mut self, close: u8) -> Result<()> {
        self.skip_space();
        if self.eat(b',') {
            self.skip_space();
            Ok(())
        } else if self.peek() == Some(close) {
            Ok(())
        } else {
            Err(GiveUp)
        }
    }

    /// `open` what `read` reads `close`: the elements of a list, map, tuple
    /// or struct, or the value `Some(…)` or a variant wraps.
    fn bracketed<T>(&mut self, open: u8, close: u8, read: impl FnOnce(&mut Self) -> Result<T>) -> Result<T> {
        self.require(open)?;
        self.nest()?;
        self.skip_space();
        let value = read(self)?;
        self.skip_space();
        self.require(close)?;
        self.depth -= 1;
        Ok(value)
    }

    /// Whether the text at the cursor is `(ident:`: a struct, as opposed to
    /// a tuple (used only when the type does not say which it expects).
    fn struct_ahead(&self) -> bool {
        let mut probe = Reader {
            text: self.text,
            bytes: self.bytes,
            at: self.at,
            depth: 0,
        };
        if !probe.eat(b'(') {
            return false;
        }
        probe.skip_space();
        if probe.peek() == Some(b')') {
            return false;
        }
        if probe.ident().is_err() {
            return false;
        }
        probe.skip_space();
        probe.peek() == Some(b':')
    }
}

/// The elements of a `[…]` list or `(…)` tuple.
struct Elements<'a, 'de> {
    reader: &'a mut Reader<'de>,
    close: u8,
}

impl<'de> de::SeqAccess<'de> for Elements<'_, 'de> {
    type Error = GiveUp;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>> {
        if self.reader.peek() == Some(self.close) {
            return Ok(None);
        }
        let value = seed.deserialize(&mut *self.reader)?;
        self.reader.after_element(self.close)?;
        Ok(Some(value))
    }
}

/// The entries of a `{key: value}` map, or the fields of a `(field: value)`
/// struct (`fields`: keys are bare identifiers).
struct Entries<'a, 'de> {
    reader: &'a mut Reader<'de>,
    close: u8,
    fields: bool,
}

impl<'de> de::MapAccess<'de> for Entries<'_, 'de> {
    type Error = GiveUp;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>> {
        if self.reader.peek() == Some(self.close) {
            return Ok(None);
        }
        let key = if self.fields {
            let name = self.reader.ident()?;
            seed.deserialize(BorrowedStrDeserializer::new(name))?
        } else {
            seed.deserialize(&mut *self.reader)?
        };
        self.reader.skip_space();
        self.reader.require(b':')?;
        self.reader.skip_space();
        Ok(Some(key))
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value> {
        let value = seed.deserialize(&mut *self.reader)?;
        self.reader.after_element(self.close)?;
        Ok(value)
    }
}

/// An enum value: `Variant`, `Variant(value)`, `Variant(a, b)` or
/// `Variant(field: value)`.
struct Variant<'a, 'de> {
    reader: &'a mut Reader<'de>,
}

impl<'de> de::EnumAccess<'de> for Variant<'_, 'de> {
    type Error = GiveUp;
    type Variant = Self;

    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, Self)> {
        let name = self.reader.ident()?;
        let value = seed.deserialize(BorrowedStrDeserializer::new(name))?;
        Ok((value, self))
    }
}

impl<'de> de::VariantAccess<'de> for Variant<'_, 'de> {
    type Error = GiveUp;

    fn unit_variant(self) -> Result<()> {
        match self.reader.peek() {
            Some(b'(') => Err(GiveUp),
            _ => Ok(()),
        }
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value> {
        self.reader
            .bracketed(b'(', b')', |reader| seed.deserialize(reader))
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value> {
        self.reader.bracketed(b'(', b')', |reader| {
            visitor.visit_seq(Elements { reader, close: b')' })
        })
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        self.reader.bracketed(b'(', b')', |reader| {
            visitor.visit_map(Entries {
                reader,
                close: b')',
                fields: true,
            })
        })
    }
}

impl<'de> de::Deserializer<'de> for &mut Reader<'de> {
    type Error = GiveUp;

    /// Only what an untagged enum of the model needs (free text: a string or
    /// `(en: …, zh: …)`), plus plain lists, maps, integers and booleans.
    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.peek() {
            Some(b'"') => self.deserialize_str(visitor),
            Some(b'[') => self.deserialize_seq(visitor),
            Some(b'{') => self.deserialize_map(visitor),
            Some(b'(') if self.struct_ahead() => self.deserialize_struct("", &[], visitor),
            Some(b'-') => visitor.visit_i64(self.integer()?),
            Some(b'0'..=b'9') => visitor.visit_u64(self.integer()?),
            Some(b't' | b'f') => self.deserialize_bool(visitor),
            _ => Err(GiveUp),
        }
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.ident()? {
            "true" => visitor.visit_bool(true),
            "false" => visitor.visit_bool(false),
            _ => Err(GiveUp),
        }
    }

    fn deserialize_i8<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_i8(self.integer()?)
    }

    fn deserialize_i16<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_i16(self.integer()?)
    }

    fn deserialize_i32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_i32(self.integer()?)
    }

    fn deserialize_i64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_i64(self.integer()?)
    }

    fn deserialize_u8<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_u8(self.integer()?)
    }

    fn deserialize_u16<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_u16(self.integer()?)
    }

    fn deserialize_u32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_u32(self.integer()?)
    }

    fn deserialize_u64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_u64(self.integer()?)
    }

    fn deserialize_f32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_f32(self.float()?)
    }

    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_f64(self.float()?)
    }

    fn deserialize_char<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value> {
        Err(GiveUp)
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.string()? {
            Cow::Borrowed(text) => visitor.visit_borrowed_str(text),
            Cow::Owned(text) => visitor.visit_string(text),
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_str(visitor)
    }

    fn deserialize_bytes<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value> {
        Err(GiveUp)
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value> {
        Err(GiveUp)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.ident()? {
            "None" => visitor.visit_none(),
            "Some" => self.bracketed(b'(', b')', |reader| visitor.visit_some(reader)),
            _ => Err(GiveUp),
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.require(b'(')?;
        self.require(b')')?;
        visitor.visit_unit()
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(self, _name: &'static str, _visitor: V) -> Result<V::Value> {
        Err(GiveUp)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _visitor: V,
    ) -> Result<V::Value> {
        Err(GiveUp)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.bracketed(b'[', b']', |reader| {
            visitor.visit_seq(Elements { reader, close: b']' })
        })
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value> {
        self.bracketed(b'(', b')', |reader| {
            visitor.visit_seq(Elements { reader, close: b')' })
        })
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        len: usize,
        visitor: V,
    ) -> Result<V::Value> {
        self.deserialize_tuple(len, visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.bracketed(b'{', b'}', |reader| {
            visitor.visit_map(Entries {
                reader,
                close: b'}',
                fields: false,
            })
        })
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        self.bracketed(b'(', b')', |reader| {
            visitor.visit_map(Entries {
                reader,
                close: b')',
                fields: true,
            })
        })
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        visitor.visit_enum(Variant { reader: self })
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_borrowed_str(self.ident()?)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value> {
        Err(GiveUp)
    }
}

#[cfg(test)]
mod tests {
    use std::fmt::Debug;
    use std::path::{Path, PathBuf};

    use chrono::NaiveDate;
    use serde::de::DeserializeOwned;

    use super::*;
    use crate::generate::{Rng, SyntheticOptions, synthetic, synthetic_plan};
    use crate::model::{Assessment, Framework, PlanFile, Workspace};
    use crate::store::builtin::builtin_framework;
    use crate::store::format::to_ron;

    #[derive(Clone, Copy, Debug)]
    enum Kind {
        Workspace,
        Assessment,
        Plan,
        Framework,
    }

    /// The RON parser's reading, for comparison.
    fn by_ron<T: DeserializeOwned>(text: &str) -> Option<T> {
        ron::Options::default().from_str(text).ok()
    }

    /// The shortcut's reading must be the RON parser's whenever it has one;
    /// returns whether the shortcut read the text.
    fn same<T: DeserializeOwned + PartialEq + Debug>(text: &str) -> bool {
        let quick = from_str::<T>(text);
        if let Some(quick) = &quick {
            assert_eq!(
                Some(quick),
                by_ron::<T>(text).as_ref(),
                "the shortcut reads differently:\n{text}"
            );
        }
        quick.is_some()
    }

    fn same_as(kind: Kind, text: &str) -> bool {
        match kind {
            Kind::Workspace => same::<Workspace>(text),
            Kind::Assessment => same::<Assessment>(text),
            Kind::Plan => same::<PlanFile>(text),
            Kind::Framework => same::<Framework>(text),
        }
    }

    fn kind_of(path: &Path) -> Kind {
        match path.file_name().and_then(|name| name.to_str()) {
            Some("workspace.ron") => Kind::Workspace,
            Some("plan.ron") => Kind::Plan,
            _ => Kind::Assessment,
        }
    }

    fn ron_files(dir: &Path, into: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                ron_files(&path, into);
            } else if path.extension().is_some_and(|ext| ext == "ron") {
                into.push(path);
            }
        }
    }

    /// Every file of the sample workspace, a generated one (with plans) and
    /// the built-in framework, as govmaturity writes them.
    fn corpus() -> Vec<(Kind, String)> {
        let mut files = Vec::new();
        ron_files(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("assessments"),
            &mut files,
        );
        files.sort();
        let mut corpus: Vec<(Kind, String)> = files
            .iter()
            .map(|path| (kind_of(path), std::fs::read_to_string(path).unwrap()))
            .collect();
        assert!(corpus.len() > 50, "the sample workspace is missing");
        let framework = builtin_framework().unwrap();
        let options = SyntheticOptions {
            departments: 24,
            periods: 2,
            seed: 3,
            last_period: NaiveDate::from_ymd_opt(2025, 12, 31).unwrap(),
        };
        let (workspace, assessments) = synthetic(&framework, options);
        let actions = synthetic_plan(&workspace, &assessments, 3);
        corpus.push((Kind::Workspace, to_ron(&workspace).unwrap()));
        corpus.extend(assessments.iter().map(|a| (Kind::Assessment, to_ron(a).unwrap())));
        let plan = PlanFile::new(actions);
        corpus.push((Kind::Plan, to_ron(&plan).unwrap()));
        corpus.push((Kind::Framework, to_ron(&framework).unwrap()));
        corpus
    }

    #[test]
    fn reads_every_written_file_as_ron_does() {
        for (kind, text) in corpus() {
            assert!(
                same_as(kind, &text),
                "the shortcut gave up on a written {kind:?}:\n{text}"
            );
        }
    }

    /// Thousands of damaged files: whatever the shortcut reads, RON reads
    /// the same; the rest it leaves to RON.
    #[test]
    fn damaged_files_are_read_as_ron_does_or_left_to_it() {
        const PIECES: [&str; 28] = [
            ",", "(", ")", "[", "]", "{", "}", ":", "\"", "\\", "\\n", "\\'", "\\u{41}", " ", "\n", "// c\n",
            "/* c */", "#", "r#", "Some(", "None", "0", "-1", "+1", "1_0", "é", "\t", "\u{7}",
        ];
        let corpus = corpus();
        let mut rng = Rng::new(12);
        let (mut read, mut left) = (0, 0);
        for _ in 0..1500 {
            let (kind, original) = &corpus[rng.below(corpus.len())];
            let mut text = original.clone();
            for _ in 0..1 + rng.below(3) {
                let mut at = rng.below(text.len());
                while !text.is_char_boundary(at) {
                    at -= 1;
                }
                match rng.below(3) {
                    0 => {
                        let mut end = (at + 1 + rng.below(6)).min(text.len());
                        while !text.is_char_boundary(end) {
                            end += 1;
                        }
                        text.replace_range(at..end, "");
                    }
                    1 => text.insert_str(at, PIECES[rng.below(PIECES.len())]),
                    _ => {
                        let mut end = (at + rng.below(40)).min(text.len());
                        while !text.is_char_boundary(end) {
                            end += 1;
                        }
                        let copy = text[at..end].to_owned();
                        text.insert_str(end, &copy);
                    }
                }
            }
            if same_as(*kind, &text) {
                read += 1;
            } else {
                left += 1;
            }
        }
        // Both ways must have been taken many times for the test to mean anything.
        eprintln!("read {read}, left {left}");
        assert!(read > 100 && left > 100, "read {read}, left {left}");
    }

    #[test]
    fn what_ron_reads_differently_is_left_to_it() {
        let give_up = [
            "// a comment\n(on: \"2025-01-02\", text: \"x\")",
            "ProgressNote(on: \"2025-01-02\", text: \"x\")",
            "#![enable(implicit_some)]\n(on: \"2025-01-02\", text: \"x\")",
            "(on: \"2025-01-02\", text: r#\"x\"#)",
            "(on: \"2025-01-02\", text: \"\\u{41}\")",
            "(on: \"2025-01-02\", text: \"x\") trailing",
            "(on: \"2025-01-02\" text: \"x\")",
        ];
        for text in give_up {
            assert!(from_str::<crate::model::ProgressNote>(text).is_none(), "{text}");
        }
        for number in ["+1", "0x1", "1_0", "01", "5u8", "1.5", "-1"] {
            assert!(from_str::<u8>(number).is_none(), "{number}");
        }
        assert_eq!(from_str::<u8>("5"), Some(5));
        assert!(from_str::<Option<u8>>("Some (5)").is_none());
        assert_eq!(from_str::<Option<u8>>("Some(5)"), Some(Some(5)));
        assert_eq!(from_str::<f64>("-2.5e1"), by_ron::<f64>("-2.5e1"));
        let escaped = r#""It\'s \"done\"\n\t\\""#;
        assert_eq!(from_str::<String>(escaped), by_ron::<String>(escaped));
        let written = "\"a\u{7}b\r\nc\td\"";
        assert_eq!(from_str::<String>(written), Some("a\u{7}b\r\nc\td".to_owned()));
        assert_eq!(from_str::<String>(written), by_ron::<String>(written));
        #[derive(Deserialize)]
        #[serde(transparent)]
        struct Deep(#[allow(dead_code)] Vec<Deep>);
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        assert!(from_str::<Deep>(&deep).is_none(), "nesting is capped");
        assert!(from_str::<Deep>("[[[]]]").is_some());
    }
}
