//! Finding a department by what one can type: its id, its English name, its
//! Chinese name, or the pinyin of its Chinese name, by initials (`jyj` for
//! 教育局) or in full (`jiaoyu`, `jiaoyuj`). Also a sort key that puts
//! Chinese names in pinyin order.
//!
//! The readings come from a table of the GB2312 characters
//! (`pinyin_table.rs`, made by `scripts/make-pinyin-table.py`); a character
//! outside it matches only itself.

use std::cmp::Ordering;

use super::pinyin_table::READINGS;
use crate::model::Department;

/// The toneless readings of `c` ("xing", "hang"), most common first; empty
/// for anything but a GB2312 Chinese character.
pub fn readings(c: char) -> impl Iterator<Item = &'static str> {
    let found = READINGS
        .binary_search_by(|(k, _)| k.cmp(&c))
        .ok()
        .and_then(|i| READINGS.get(i));
    found.into_iter().flat_map(|(_, r)| r.split(' '))
}

/// How well a department matched a query: lower is better.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Match {
    /// A name or the id starts with the query.
    Prefix,
    /// The query is found inside a name or the id.
    Inside,
    /// The pinyin of the Chinese name starts with the query.
    PinyinPrefix,
    /// The query is found inside the pinyin of the Chinese name.
    Pinyin,
}

/// What a department is searched by, made once per department.
#[derive(Clone, Debug)]
pub struct SearchKey {
    id: String,
    en: String,
    zh: String,
    /// Per character of the Chinese name, its readings (itself, lowercased,
    /// when it has none: digits, Latin letters).
    syllables: Vec<Vec<String>>,
}

impl SearchKey {
    pub fn new(id: &str, en: &str, zh: &str) -> Self {
        let syllables = zh
            .chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| {
                let found: Vec<String> = readings(c).map(str::to_owned).collect();
                if found.is_empty() {
                    vec![c.to_lowercase().collect()]
                } else {
                    found
                }
            })
            .collect();
        SearchKey {
            id: id.to_lowercase(),
            en: en.to_lowercase(),
            zh: zh.to_owned(),
            syllables,
        }
    }

    pub fn of(department: &Department) -> Self {
        SearchKey::new(&department.id, &department.name.en, &department.name.zh)
    }

    /// How `query` matches, or `None`. Words separated by spaces must each
    /// match (`湖滨 教育`, `lakeshore edu`); the match is the worst of theirs.
    /// An empty query matches everything as a prefix.
    pub fn matches(&self, query: &Query) -> Option<Match> {
        query
            .words
            .iter()
            .map(|word| self.word_match(word))
            .try_fold(Match::Prefix, |worst, m| Some(worst.max(m?)))
    }

    fn word_match(&self, word: &str) -> Option<Match> {
        let texts = [&self.id, &self.en, &self.zh];
        if texts.iter().any(|t| t.starts_with(word)) {
            return Some(Match::Prefix);
        }
        if texts.iter().any(|t| t.contains(word)) {
            return Some(Match::Inside);
        }
        if !word.bytes().all(|b| b.is_ascii_alphanumeric()) {
            return None;
        }
        let word = word.as_bytes();
        if spells(word, &self.syllables) {
            return Some(Match::PinyinPrefix);
        }
        (1..self.syllables.len())
            .any(|start| self.syllables.get(start..).is_some_and(|rest| spells(word, rest)))
            .then_some(Match::Pinyin)
    }
}

/// Whether `word` spells the start of `syllables`: each character taken by
/// its initial or its whole reading, the last one by any beginning of it.
fn spells(word: &[u8], syllables: &[Vec<String>]) -> bool {
    let Some((first, rest)) = syllables.split_first() else {
        return word.is_empty();
    };
    if word.is_empty() {
        return true;
    }
    first.iter().any(|reading| {
        let reading = reading.as_bytes();
        if reading.starts_with(word) {
            return true;
        }
        let whole = word.starts_with(reading) && spells(&word[reading.len()..], rest);
        let initial = reading.first() == word.first() && spells(&word[1..], rest);
        whole || initial
    })
}

/// A search as typed, lowercased and split into words.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    words: Vec<String>,
}

impl Query {
    pub fn new(text: &str) -> Self {
        Query {
            words: text.split_whitespace().map(str::to_lowercase).collect(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

/// A key that sorts names as a reader expects: Chinese characters by their
/// pinyin (城 before 东 before 湖), Latin letters without regard to case.
pub fn sort_key(name: &str) -> String {
    let mut key = String::with_capacity(name.len() * 2);
    for c in name.chars() {
        match readings(c).next() {
            Some(reading) => {
                key.push_str(reading);
                // Keeps 湖 (hu) before 华 (hua): a syllable ends before any letter.
                key.push('\u{1}');
            }
            None => key.extend(c.to_lowercase()),
        }
    }
    key
}

/// Compares two names in that order, and by the names themselves when
/// their keys are equal, so the order never depends on where rows started.
pub fn compare_names(a: &str, b: &str) -> Ordering {
    sort_key(a).cmp(&sort_key(b)).then_with(|| a.cmp(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn education() -> SearchKey {
        SearchKey::new("education", "Education Bureau", "市教育局")
    }

    fn find(key: &SearchKey, text: &str) -> Option<Match> {
        key.matches(&Query::new(text))
    }

    #[test]
    fn initials_find_the_chinese_name() {
        let key = education();
        assert_eq!(find(&key, "jyj"), Some(Match::Pinyin));
        assert_eq!(find(&key, "sjyj"), Some(Match::PinyinPrefix));
        assert_eq!(find(&key, "JYJ"), Some(Match::Pinyin));
        assert_eq!(find(&key, "jyx"), None);
        assert_eq!(find(&key, "jyjq"), None);
    }

    #[test]
    fn full_pinyin_and_its_beginnings_match() {
        let key = education();
        assert_eq!(find(&key, "jiaoyu"), Some(Match::Pinyin));
        assert_eq!(find(&key, "jiaoyuju"), Some(Match::Pinyin));
        assert_eq!(find(&key, "jiaoyj"), Some(Match::Pinyin));
        assert_eq!(find(&key, "jiaoy"), Some(Match::Pinyin));
        assert_eq!(find(&key, "shijiao"), Some(Match::PinyinPrefix));
        assert_eq!(find(&key, "jiaoyuxue"), None);
    }

    #[test]
    fn ids_and_both_names_match_as_text() {
        let key = education();
        assert_eq!(find(&key, "educ"), Some(Match::Prefix));
        assert_eq!(find(&key, "bureau"), Some(Match::Inside));
        assert_eq!(find(&key, "市教"), Some(Match::Prefix));
        assert_eq!(find(&key, "教育"), Some(Match::Inside));
        assert_eq!(find(&key, ""), Some(Match::Prefix));
        assert_eq!(find(&key, "卫生"), None);
    }

    #[test]
    fn every_word_must_match() {
        let key = SearchKey::new(
            "d00020-education",
            "Lakeshore District Education Bureau",
            "湖滨区教育局",
        );
        assert_eq!(find(&key, "lakeshore edu"), Some(Match::Inside));
        assert_eq!(find(&key, "湖滨 jyj"), Some(Match::Pinyin));
        assert_eq!(find(&key, "hbq jyj"), Some(Match::Pinyin));
        assert_eq!(find(&key, "湖滨 卫生"), None);
    }

    #[test]
    fn a_second_reading_matches_too() {
        // 银行: 行 reads xing and hang.
        let key = SearchKey::new("bank", "Bank", "人民银行");
        assert_eq!(find(&key, "yh"), Some(Match::Pinyin));
        assert_eq!(find(&key, "yinhang"), Some(Match::Pinyin));
        assert_eq!(find(&key, "yx"), Some(Match::Pinyin));
    }

    #[test]
    fn readings_come_from_the_table() {
        assert_eq!(readings('教').collect::<Vec<_>>(), ["jiao"]);
        assert_eq!(readings('行').collect::<Vec<_>>(), ["xing", "hang"]);
        assert_eq!(readings('绿').next(), Some("lv"));
        assert_eq!(readings('a').next(), None);
    }

    #[test]
    fn chinese_names_sort_by_pinyin() {
        let mut names = vec!["西城区", "滨江区", "东港区", "湖滨区", "华阳区", "Archive"];
        names.sort_by(|a, b| compare_names(a, b));
        // Archive, binjiang, donggang, hubin, huayang, xicheng.
        assert_eq!(
            names,
            ["Archive", "滨江区", "东港区", "湖滨区", "华阳区", "西城区"]
        );
    }
}
