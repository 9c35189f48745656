//! The answers of one assessment, by indicator id.
//!
//! A province holds 120,000 assessments at once for a report, most of them
//! kept only for their ratings (see `store::slim`), so an answer is made
//! small: its id is held inline, and an answer without text (no evidence,
//! links, comment or reason) is a number naming one of the few such answers
//! there can be. Only an answer with text has an [`Answer`] of its own.

use std::fmt;

use serde::de::{MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{Answer, Confidence, Level, Rating};

/// An assessment's answers by indicator id, sorted by id (so a changed
/// answer diffs as one line), with the methods of a map. Kept as one sorted
/// list: for the 30-odd answers of an assessment it finds an answer as fast
/// as a tree, in a fraction of the memory.
#[derive(Clone, Default)]
pub struct Answers(Vec<(Id, Slot)>);

/// Up to this many answers, [`Answers::get`] looks at each in turn.
const LINEAR_MAX: usize = 64;

impl Answers {
    pub fn new() -> Self {
        Answers(Vec::new())
    }

    fn find(&self, id: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|(key, _)| key.as_str().cmp(id))
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn get(&self, id: &str) -> Option<&Answer> {
        // Scoring asks for every indicator of every assessment: over a few
        // dozen ids, comparing lengths first beats a binary search's string
        // comparisons.
        if self.0.len() <= LINEAR_MAX {
            return self
                .0
                .iter()
                .find(|(key, _)| key.as_bytes() == id.as_bytes())
                .map(|(_, slot)| slot.answer());
        }
        self.find(id).ok().map(|at| self.0[at].1.answer())
    }

    pub fn get_mut(&mut self, id: &str) -> Option<&mut Answer> {
        self.find(id).ok().map(|at| self.0[at].1.answer_mut())
    }

    pub fn contains_key(&self, id: &str) -> bool {
        self.find(id).is_ok()
    }

    /// Sets the answer to `id`; returns the one it replaces.
    pub fn insert(&mut self, id: String, answer: Answer) -> Option<Answer> {
        let slot = Slot::new(answer);
        match self.find(&id) {
            Ok(at) => Some(std::mem::replace(&mut self.0[at].1, slot).into_answer()),
            Err(at) => {
                self.0.insert(at, (Id::new(&id), slot));
                None
            }
        }
    }

    pub fn remove(&mut self, id: &str) -> Option<Answer> {
        self.find(id).ok().map(|at| self.0.remove(at).1.into_answer())
    }

    pub fn clear(&mut self) {
        self.0.clear();
    }

    /// The answer to `id`, to change or to add, as a map's entry.
    pub fn entry(&mut self, id: String) -> Entry<'_> {
        Entry {
            answers: self,
            id: Id::new(&id),
        }
    }

    /// Answers in id order.
    pub fn iter(&self) -> Iter<'_> {
        self.into_iter()
    }

    pub fn iter_mut(&mut self) -> IterMut<'_> {
        self.into_iter()
    }

    pub fn keys(&self) -> impl DoubleEndedIterator<Item = &str> + ExactSizeIterator {
        self.0.iter().map(|(id, _)| id.as_str())
    }

    pub fn values(&self) -> impl DoubleEndedIterator<Item = &Answer> + ExactSizeIterator {
        self.0.iter().map(|(_, slot)| slot.answer())
    }

    pub fn values_mut(&mut self) -> impl DoubleEndedIterator<Item = &mut Answer> + ExactSizeIterator {
        self.0.iter_mut().map(|(_, slot)| slot.answer_mut())
    }

    /// Empties each answer's evidence, links, comment and reason for not
    /// applying; ratings (as applicable or not), confidence and the
    /// re-confirm mark stay. What is left takes no memory of its own.
    pub fn drop_text(&mut self) {
        for (_, slot) in &mut self.0 {
            if let Some(answer) = &slot.full {
                *slot = Slot::plain(answer);
            }
        }
        self.0.shrink_to_fit();
    }

    /// Sorts by id, keeping the last of answers with the same id (as a map
    /// read from a file does), and frees the spare room.
    fn from_unsorted(mut answers: Vec<(Id, Slot)>) -> Self {
        answers.reverse();
        // Stable: of equal ids, the last given now comes first and is kept.
        answers.sort_by(|(a, _), (b, _)| a.as_str().cmp(b.as_str()));
        answers.dedup_by(|(later, _), (first, _)| later.as_bytes() == first.as_bytes());
        answers.shrink_to_fit();
        Answers(answers)
    }
}

/// A place in [`Answers`] for one id (see [`Answers::entry`]).
pub struct Entry<'a> {
    answers: &'a mut Answers,
    id: Id,
}

impl<'a> Entry<'a> {
    /// The answer, added empty when there is none.
    pub fn or_default(self) -> &'a mut Answer {
        let at = match self.answers.find(self.id.as_str()) {
            Ok(at) => at,
            Err(at) => {
                self.answers
                    .0
                    .insert(at, (self.id, Slot::plain(&Answer::default())));
                at
            }
        };
        self.answers.0[at].1.answer_mut()
    }
}

/// Two lists of answers are equal when they answer the same ids alike,
/// however each answer is held.
impl PartialEq for Answers {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len() && self.iter().eq(other.iter())
    }
}

impl fmt::Debug for Answers {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

impl<K: AsRef<str>> FromIterator<(K, Answer)> for Answers {
    fn from_iter<I: IntoIterator<Item = (K, Answer)>>(iter: I) -> Self {
        Answers::from_unsorted(
            iter.into_iter()
                .map(|(id, answer)| (Id::new(id.as_ref()), Slot::new(answer)))
                .collect(),
        )
    }
}

impl IntoIterator for Answers {
    type Item = (String, Answer);
    type IntoIter = IntoIter;

    fn into_iter(self) -> IntoIter {
        IntoIter(self.0.into_iter())
    }
}

/// The answers of an [`Answers`] taken apart, with their ids.
pub struct IntoIter(std::vec::IntoIter<(Id, Slot)>);

impl Iterator for IntoIter {
    type Item = (String, Answer);

    fn next(&mut self) -> Option<Self::Item> {
        self.0
            .next()
            .map(|(id, slot)| (id.as_str().to_owned(), slot.into_answer()))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.0.size_hint()
    }
}

impl ExactSizeIterator for IntoIter {}

/// The answers of [`Answers::iter`], with their ids.
pub struct Iter<'a>(std::slice::Iter<'a, (Id, Slot)>);

impl<'a> Iterator for Iter<'a> {
    type Item = (&'a str, &'a Answer);

    fn next(&mut self) -> Option<Self::Item> {
        self.0.next().map(|(id, slot)| (id.as_str(), slot.answer()))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.0.size_hint()
    }
}

impl DoubleEndedIterator for Iter<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        self.0.next_back().map(|(id, slot)| (id.as_str(), slot.answer()))
    }
}

impl ExactSizeIterator for Iter<'_> {}

impl<'a> IntoIterator for &'a Answers {
    type Item = (&'a str, &'a Answer);
    type IntoIter = Iter<'a>;

    fn into_iter(self) -> Iter<'a> {
        Iter(self.0.iter())
    }
}

/// The answers of [`Answers::iter_mut`], with their ids.
pub struct IterMut<'a>(std::slice::IterMut<'a, (Id, Slot)>);

impl<'a> Iterator for IterMut<'a> {
    type Item = (&'a str, &'a mut Answer);

    fn next(&mut self) -> Option<Self::Item> {
        self.0.next().map(|(id, slot)| (id.as_str(), slot.answer_mut()))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.0.size_hint()
    }
}

impl DoubleEndedIterator for IterMut<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        self.0
            .next_back()
            .map(|(id, slot)| (id.as_str(), slot.answer_mut()))
    }
}

impl ExactSizeIterator for IterMut<'_> {}

impl<'a> IntoIterator for &'a mut Answers {
    type Item = (&'a str, &'a mut Answer);
    type IntoIter = IterMut<'a>;

    fn into_iter(self) -> IterMut<'a> {
        IterMut(self.0.iter_mut())
    }
}

/// Written as a map, `{"id": (…), …}`, in id order.
impl Serialize for Answers {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.len()))?;
        for (id, answer) in self {
            map.serialize_entry(id, answer)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for Answers {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct AnswersVisitor;

        impl<'de> Visitor<'de> for AnswersVisitor {
            type Value = Answers;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a map of answers by indicator id")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Answers, A::Error> {
                let mut answers = Vec::with_capacity(map.size_hint().unwrap_or(0).min(256));
                while let Some((id, answer)) = map.next_entry::<Id, Answer>()? {
                    answers.push((id, Slot::new(answer)));
                }
                Ok(Answers::from_unsorted(answers))
            }
        }

        deserializer.deserialize_map(AnswersVisitor)
    }
}

/// Ids up to this many bytes are held inline (the built-in framework's are
/// 12 to 25 bytes long).
const INLINE_MAX: usize = 22;

/// An indicator id: inline when short, else on the heap. 24 bytes either way.
#[derive(Clone)]
enum Id {
    Inline { len: u8, bytes: [u8; INLINE_MAX] },
    Heap(Box<str>),
}

impl Id {
    fn new(id: &str) -> Id {
        match u8::try_from(id.len()) {
            Ok(len) if id.len() <= INLINE_MAX => {
                let mut bytes = [0; INLINE_MAX];
                bytes[..id.len()].copy_from_slice(id.as_bytes());
                Id::Inline { len, bytes }
            }
            _ => Id::Heap(id.into()),
        }
    }

    fn as_bytes(&self) -> &[u8] {
        match self {
            Id::Inline { len, bytes } => &bytes[..usize::from(*len)],
            Id::Heap(id) => id.as_bytes(),
        }
    }

    fn as_str(&self) -> &str {
        match self {
            // Copied from a `str` whole, so always UTF-8.
            Id::Inline { .. } => std::str::from_utf8(self.as_bytes()).unwrap_or_default(),
            Id::Heap(id) => id,
        }
    }
}

/// Read from a map key without an allocation of its own.
impl<'de> Deserialize<'de> for Id {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct IdVisitor;

        impl Visitor<'_> for IdVisitor {
            type Value = Id;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an indicator id")
            }

            fn visit_str<E: serde::de::Error>(self, id: &str) -> Result<Id, E> {
                Ok(Id::new(id))
            }
        }

        deserializer.deserialize_str(IdVisitor)
    }
}

/// How an answer is held: an answer with text as one of its own (`full`);
/// one without as the index of the same answer in [`PLAIN`] (`plain`, read
/// only when `full` is `None`).
#[derive(Clone)]
struct Slot {
    full: Option<Box<Answer>>,
    plain: u8,
}

impl Slot {
    fn new(answer: Answer) -> Slot {
        if has_text(&answer) {
            Slot {
                full: Some(Box::new(answer)),
                plain: 0,
            }
        } else {
            Slot::plain(&answer)
        }
    }

    /// The answer with its text left out.
    fn plain(answer: &Answer) -> Slot {
        Slot {
            full: None,
            plain: plain_index(&answer.rating, answer.confidence, answer.reconfirm),
        }
    }

    fn answer(&self) -> &Answer {
        match &self.full {
            Some(answer) => answer,
            None => &PLAIN[usize::from(self.plain)],
        }
    }

    /// The answer, to change: one without text gets an answer of its own.
    fn answer_mut(&mut self) -> &mut Answer {
        let plain = usize::from(self.plain);
        self.full.get_or_insert_with(|| Box::new(PLAIN[plain].clone()))
    }

    fn into_answer(self) -> Answer {
        match self.full {
            Some(answer) => *answer,
            None => PLAIN[usize::from(self.plain)].clone(),
        }
    }
}

/// Whether an answer holds any text: evidence, links, a comment, or a reason
/// for not applying.
fn has_text(answer: &Answer) -> bool {
    !answer.evidence.is_empty()
        || !answer.links.is_empty()
        || !answer.comment.is_empty()
        || matches!(&answer.rating, Rating::NotApplicable { reason } if !reason.is_empty())
}

/// Every answer without text: 7 ratings (unanswered, levels 1 to 5, not
/// applicable) × 4 confidences (none, low, medium, high) × re-confirm or not.
static PLAIN: [Answer; PLAIN_COUNT] = plain_answers();

const PLAIN_COUNT: usize = 7 * 4 * 2;

/// Where the answer without text that has this rating, confidence and
/// re-confirm mark is in [`PLAIN`] (a reason for not applying is left out).
fn plain_index(rating: &Rating, confidence: Option<Confidence>, reconfirm: bool) -> u8 {
    let rating = match rating {
        Rating::Unanswered => 0,
        Rating::Level(level) => level.0,
        Rating::NotApplicable { .. } => 6,
    };
    let confidence = match confidence {
        None => 0,
        Some(Confidence::Low) => 1,
        Some(Confidence::Medium) => 2,
        Some(Confidence::High) => 3,
    };
    rating * 8 + confidence * 2 + u8::from(reconfirm)
}

/// The answer at `index` of [`PLAIN`] (see [`plain_index`]).
const fn plain_answer(index: usize) -> Answer {
    let rating = match index / 8 {
        0 => Rating::Unanswered,
        6 => Rating::NotApplicable {
            reason: String::new(),
        },
        level => Rating::Level(Level(level as u8)),
    };
    let confidence = match index / 2 % 4 {
        0 => None,
        1 => Some(Confidence::Low),
        2 => Some(Confidence::Medium),
        _ => Some(Confidence::High),
    };
    Answer {
        rating,
        evidence: String::new(),
        links: Vec::new(),
        confidence,
        comment: String::new(),
        reconfirm: index % 2 == 1,
    }
}

const fn plain_answers() -> [Answer; PLAIN_COUNT] {
    let mut table = [const { plain_answer(0) }; PLAIN_COUNT];
    let mut index = 1;
    while index < PLAIN_COUNT {
        // Nothing to drop: a const fn may not run a destructor.
        std::mem::forget(std::mem::replace(&mut table[index], plain_answer(index)));
        index += 1;
    }
    table
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Level, Rating};

    fn level(value: u8) -> Answer {
        Answer {
            rating: Rating::Level(Level::new(value).unwrap()),
            ..Answer::default()
        }
    }

    #[test]
    fn behaves_as_a_sorted_map() {
        let mut answers = Answers::new();
        assert_eq!(answers.insert("b".to_owned(), level(2)), None);
        assert_eq!(answers.insert("a".to_owned(), level(1)), None);
        assert_eq!(answers.insert("c".to_owned(), level(3)), None);
        assert_eq!(answers.insert("b".to_owned(), level(4)), Some(level(2)));
        assert_eq!(answers.keys().collect::<Vec<_>>(), ["a", "b", "c"]);
        assert_eq!(answers.get("b"), Some(&level(4)));
        assert!(answers.get("d").is_none() && !answers.contains_key("d"));
        answers.entry("d".to_owned()).or_default().comment = "new".to_owned();
        answers.entry("a".to_owned()).or_default().comment = "kept".to_owned();
        assert_eq!(
            answers.get("a").map(|a| (&a.rating, a.comment.as_str())),
            Some((&level(1).rating, "kept"))
        );
        assert_eq!(answers.remove("c"), Some(level(3)));
        assert_eq!(answers.len(), 3);
        assert_eq!(
            format!("{answers:?}").matches("=>").count(),
            0,
            "printed as a map: {answers:?}"
        );
        assert!(format!("{answers:?}").starts_with("{\"a\": "));
    }

    #[test]
    fn collected_or_read_it_keeps_the_last_of_equal_ids() {
        let answers: Answers = [("b", 1), ("a", 2), ("b", 3), ("a", 4), ("c", 5)]
            .into_iter()
            .map(|(id, value)| (id.to_owned(), level(value)))
            .collect();
        let std: std::collections::BTreeMap<String, Answer> =
            [("b", 1), ("a", 2), ("b", 3), ("a", 4), ("c", 5)]
                .into_iter()
                .map(|(id, value)| (id.to_owned(), level(value)))
                .collect();
        assert_eq!(
            answers.iter().collect::<Vec<_>>(),
            std.iter()
                .map(|(id, answer)| (id.as_str(), answer))
                .collect::<Vec<_>>()
        );
        let text = "{\"b\": (rating: Level(1)), \"a\": (rating: Level(2)), \"b\": (rating: Level(3))}";
        let read: Answers = ron::from_str(text).unwrap();
        let read_std: std::collections::BTreeMap<String, Answer> = ron::from_str(text).unwrap();
        assert_eq!(
            read.iter().collect::<Vec<_>>(),
            read_std
                .iter()
                .map(|(id, answer)| (id.as_str(), answer))
                .collect::<Vec<_>>()
        );
        assert_eq!(ron::to_string(&read).unwrap(), ron::to_string(&read_std).unwrap());
    }

    #[test]
    fn every_answer_without_text_is_at_its_own_place_in_the_table() {
        for (index, answer) in PLAIN.iter().enumerate() {
            assert!(!has_text(answer));
            let at = plain_index(&answer.rating, answer.confidence, answer.reconfirm);
            assert_eq!(usize::from(at), index, "{answer:?}");
        }
        // 7 ratings × 4 confidences × 2 re-confirm marks.
        assert_eq!(PLAIN.len(), 56);
        assert_eq!(PLAIN[0], Answer::default());
    }

    #[test]
    fn answers_with_and_without_text_read_change_and_compare_as_answers() {
        let with_text = Answer {
            rating: Rating::NotApplicable {
                reason: "no such service".to_owned(),
            },
            comment: "asked twice".to_owned(),
            ..Answer::default()
        };
        let plain = Answer {
            rating: Rating::Level(Level::new(4).unwrap()),
            confidence: Some(Confidence::Medium),
            reconfirm: true,
            ..Answer::default()
        };
        // Longer than an inline id: held on the heap, read the same.
        let long = "a-long-dimension-name.a-long-indicator-name";
        let mut answers: Answers = [("x.with-text", with_text.clone()), ("x.plain", plain.clone())]
            .into_iter()
            .collect();
        answers.insert(long.to_owned(), plain.clone());
        assert_eq!(answers.get("x.with-text"), Some(&with_text));
        assert_eq!(answers.get("x.plain"), Some(&plain));
        assert_eq!(answers.get(long), Some(&plain));
        assert_eq!(
            answers.keys().collect::<Vec<_>>(),
            [long, "x.plain", "x.with-text"]
        );

        // Changing an answer without text gives it text of its own.
        let mut changed = answers.clone();
        changed.get_mut("x.plain").unwrap().evidence = "portal live".to_owned();
        assert_eq!(changed.get("x.plain").unwrap().evidence, "portal live");
        assert_eq!(answers.get("x.plain"), Some(&plain));
        assert_ne!(changed, answers);
        changed.get_mut("x.plain").unwrap().evidence.clear();
        assert_eq!(changed, answers, "equal by value, however held");

        // Dropping text keeps ratings, confidence and the re-confirm mark.
        answers.drop_text();
        assert_eq!(
            answers.get("x.with-text"),
            Some(&Answer {
                rating: Rating::NotApplicable {
                    reason: String::new()
                },
                ..Answer::default()
            })
        );
        assert_eq!(answers.get("x.plain"), Some(&plain));
        let taken: Vec<(String, Answer)> = answers.into_iter().collect();
        assert_eq!(taken[1], ("x.plain".to_owned(), plain));
    }
}
