//! The answers of one assessment, by indicator id.

use std::fmt;

use serde::de::{MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::Answer;

/// An assessment's answers by indicator id, sorted by id (so a changed
/// answer diffs as one line), with the methods of a map. Kept as one sorted
/// list: for the 30-odd answers of an assessment it finds an answer as fast
/// as a tree and takes a third less memory, which counts when a province's
/// 120,000 assessments are held at once.
#[derive(Clone, Default, PartialEq)]
pub struct Answers(Vec<(String, Answer)>);

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
                .find(|(key, _)| key.len() == id.len() && key == id)
                .map(|(_, answer)| answer);
        }
        self.find(id).ok().map(|at| &self.0[at].1)
    }

    pub fn get_mut(&mut self, id: &str) -> Option<&mut Answer> {
        self.find(id).ok().map(|at| &mut self.0[at].1)
    }

    pub fn contains_key(&self, id: &str) -> bool {
        self.find(id).is_ok()
    }

    /// Sets the answer to `id`; returns the one it replaces.
    pub fn insert(&mut self, id: String, answer: Answer) -> Option<Answer> {
        match self.find(&id) {
            Ok(at) => Some(std::mem::replace(&mut self.0[at].1, answer)),
            Err(at) => {
                self.0.insert(at, (id, answer));
                None
            }
        }
    }

    pub fn remove(&mut self, id: &str) -> Option<Answer> {
        self.find(id).ok().map(|at| self.0.remove(at).1)
    }

    pub fn clear(&mut self) {
        self.0.clear();
    }

    /// The answer to `id`, to change or to add, as a map's entry.
    pub fn entry(&mut self, id: String) -> Entry<'_> {
        Entry { answers: self, id }
    }

    /// Answers in id order.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = (&String, &Answer)> + ExactSizeIterator {
        self.into_iter()
    }

    pub fn iter_mut(
        &mut self,
    ) -> impl DoubleEndedIterator<Item = (&String, &mut Answer)> + ExactSizeIterator {
        self.into_iter()
    }

    pub fn keys(&self) -> impl DoubleEndedIterator<Item = &String> + ExactSizeIterator {
        self.0.iter().map(|(id, _)| id)
    }

    pub fn values(&self) -> impl DoubleEndedIterator<Item = &Answer> + ExactSizeIterator {
        self.0.iter().map(|(_, answer)| answer)
    }

    pub fn values_mut(&mut self) -> impl DoubleEndedIterator<Item = &mut Answer> + ExactSizeIterator {
        self.0.iter_mut().map(|(_, answer)| answer)
    }

    /// Sorts by id, keeping the last of answers with the same id (as a map
    /// read from a file does), and frees the spare room.
    fn from_unsorted(mut answers: Vec<(String, Answer)>) -> Self {
        answers.reverse();
        // Stable: of equal ids, the last given now comes first and is kept.
        answers.sort_by(|(a, _), (b, _)| a.cmp(b));
        answers.dedup_by(|(later, _), (first, _)| later == first);
        answers.shrink_to_fit();
        Answers(answers)
    }
}

/// A place in [`Answers`] for one id (see [`Answers::entry`]).
pub struct Entry<'a> {
    answers: &'a mut Answers,
    id: String,
}

impl<'a> Entry<'a> {
    /// The answer, added empty when there is none.
    pub fn or_default(self) -> &'a mut Answer {
        let at = match self.answers.find(&self.id) {
            Ok(at) => at,
            Err(at) => {
                self.answers.0.insert(at, (self.id, Answer::default()));
                at
            }
        };
        &mut self.answers.0[at].1
    }
}

impl fmt::Debug for Answers {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

impl FromIterator<(String, Answer)> for Answers {
    fn from_iter<I: IntoIterator<Item = (String, Answer)>>(iter: I) -> Self {
        Answers::from_unsorted(iter.into_iter().collect())
    }
}

impl IntoIterator for Answers {
    type Item = (String, Answer);
    type IntoIter = std::vec::IntoIter<(String, Answer)>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<'a> IntoIterator for &'a Answers {
    type Item = (&'a String, &'a Answer);
    type IntoIter =
        std::iter::Map<std::slice::Iter<'a, (String, Answer)>, fn(&'a (String, Answer)) -> Self::Item>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter().map(|(id, answer)| (id, answer))
    }
}

impl<'a> IntoIterator for &'a mut Answers {
    type Item = (&'a String, &'a mut Answer);
    type IntoIter =
        std::iter::Map<std::slice::IterMut<'a, (String, Answer)>, fn(&'a mut (String, Answer)) -> Self::Item>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter_mut().map(|(id, answer)| (&*id, answer))
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
                while let Some(entry) = map.next_entry::<String, Answer>()? {
                    answers.push(entry);
                }
                Ok(Answers::from_unsorted(answers))
            }
        }

        deserializer.deserialize_map(AnswersVisitor)
    }
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
        assert_eq!(
            answers.keys().map(String::as_str).collect::<Vec<_>>(),
            ["a", "b", "c"]
        );
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
        assert_eq!(answers.iter().collect::<Vec<_>>(), std.iter().collect::<Vec<_>>());
        let text = "{\"b\": (rating: Level(1)), \"a\": (rating: Level(2)), \"b\": (rating: Level(3))}";
        let read: Answers = ron::from_str(text).unwrap();
        let read_std: std::collections::BTreeMap<String, Answer> = ron::from_str(text).unwrap();
        assert_eq!(
            read.iter().collect::<Vec<_>>(),
            read_std.iter().collect::<Vec<_>>()
        );
        assert_eq!(ron::to_string(&read).unwrap(), ron::to_string(&read_std).unwrap());
    }
}
