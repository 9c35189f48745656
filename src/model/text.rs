//! Bilingual text: every name and descriptor carries English and Simplified Chinese.

use serde::{Deserialize, Serialize};

/// The two languages of the product.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    En,
    Zh,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Zh];

    /// The short code used on the command line and in file names (`en`, `zh`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        match code {
            "en" => Some(Lang::En),
            "zh" | "zh-CN" | "zh-Hans" => Some(Lang::Zh),
            _ => None,
        }
    }
}

/// A piece of text in English and Simplified Chinese.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    /// Either language may be left out of a file; it then shows the other.
    #[serde(default)]
    pub en: String,
    #[serde(default)]
    pub zh: String,
}

impl Text {
    pub fn new(en: impl Into<String>, zh: impl Into<String>) -> Self {
        Text {
            en: en.into(),
            zh: zh.into(),
        }
    }

    /// Text written in one language only (the other falls back to it).
    pub fn single(lang: Lang, text: impl Into<String>) -> Self {
        let mut t = Text::default();
        t.set(lang, text);
        t
    }

    /// Replaces the text in `lang`.
    pub fn set(&mut self, lang: Lang, text: impl Into<String>) {
        match lang {
            Lang::En => self.en = text.into(),
            Lang::Zh => self.zh = text.into(),
        }
    }

    /// Neither language has any text (blank counts as none).
    pub fn is_empty(&self) -> bool {
        self.en.trim().is_empty() && self.zh.trim().is_empty()
    }

    /// Both languages are empty strings: an optional text that is left out
    /// of a file. (A blank one is written, so that it loads back as saved.)
    pub fn is_unset(&self) -> bool {
        self.en.is_empty() && self.zh.is_empty()
    }

    /// The text in `lang`, falling back to the other language when empty.
    pub fn get(&self, lang: Lang) -> &str {
        let (first, second) = match lang {
            Lang::En => (&self.en, &self.zh),
            Lang::Zh => (&self.zh, &self.en),
        };
        if first.is_empty() { second } else { first }
    }
}

/// Free text as a planner types it: it belongs to the language it is
/// written in (Chinese when it holds any CJK character, English otherwise).
impl From<&str> for Text {
    fn from(text: &str) -> Self {
        Text::single(language_of(text), text)
    }
}

/// The language free text is taken to be written in.
fn language_of(text: &str) -> Lang {
    if text.chars().any(is_cjk) {
        Lang::Zh
    } else {
        Lang::En
    }
}

impl From<String> for Text {
    fn from(text: String) -> Self {
        Text::from(text.as_str())
    }
}

impl PartialEq<&str> for Text {
    fn eq(&self, other: &&str) -> bool {
        match language_of(other) {
            Lang::En => self.en == *other && self.zh.is_empty(),
            Lang::Zh => self.zh == *other && self.en.is_empty(),
        }
    }
}

/// A character of Chinese, Japanese or Korean script (ideographs and their
/// punctuation, full-width forms).
fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{2E80}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{FE30}'..='\u{FE4F}'
        | '\u{FF00}'..='\u{FFEF}' | '\u{20000}'..='\u{2FA1F}')
}

/// Serde for free text in files people also edit by hand (plans): a plain
/// string (`title: "发布目录"`, taken as the language it is written in), or
/// both languages (`title: (en: "…", zh: "…")`). Written back the same way:
/// a plain string when only one language has text.
pub mod free_text {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    use super::{Lang, Text, language_of};

    pub fn serialize<S: Serializer>(text: &Text, serializer: S) -> Result<S::Ok, S::Error> {
        match (text.en.is_empty(), text.zh.is_empty()) {
            (false, true) if language_of(&text.en) == Lang::En => text.en.serialize(serializer),
            (true, false) if language_of(&text.zh) == Lang::Zh => text.zh.serialize(serializer),
            _ => text.serialize(serializer),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Text, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged, expecting = "a string, or (en: \"…\", zh: \"…\")")]
        enum Repr {
            Plain(String),
            Both(Text),
        }
        Ok(match Repr::deserialize(deserializer)? {
            Repr::Plain(text) => Text::from(text),
            Repr::Both(text) => text,
        })
    }
}
