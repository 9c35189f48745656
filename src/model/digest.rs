//! The SHA-256 digest of an assessment's answers: what an approval signs
//! off, recorded in its audit entry so that a later change to the file's
//! answers shows ("changed after approval").
//!
//! The digest is taken of a canonical encoding of the answers, made here by
//! hand rather than by a serializer, so that it depends only on the values:
//! not on the file's layout (spaces, line breaks, field order, the order of
//! the answers, escapes such as `\u{e9}` for `é`) and not on how a RON or
//! serde version happens to write them.
//!
//! What it covers, per answer, in indicator-id order (byte order, as
//! [`Answers`] keeps them): the indicator id; the rating (unanswered, the
//! level, or not applicable with its reason); the evidence; the links, in
//! their order; the confidence; the comment; and the re-confirm mark. An
//! answer with none of these set is the same as no answer at all and is
//! left out. Nothing else of the assessment is covered: not the status, the
//! people, the review comment or the audit log (which the digest is written
//! into).
//!
//! The encoding, version 1: the bytes `govmaturity answers v1` and a zero
//! byte, then for each answer: `text(id)`; the rating as `U`, or `L` and the
//! level as one byte, or `N` and `text(reason)`; `text(evidence)`; the
//! number of links as 8 bytes little-endian and `text(link)` for each; the
//! confidence as one byte (0 none, 1 low, 2 medium, 3 high); `text(comment)`;
//! the re-confirm mark as one byte (0 or 1). `text(s)` is the length of `s`
//! in bytes as 8 bytes little-endian, then its UTF-8 bytes. Every part has
//! its length before it, so no two sets of answers encode alike.
//!
//! A digest is evidence, not a signature: anyone who can edit the file can
//! also write a matching digest. It shows an edit made outside the app (by
//! hand, by a script, by a bad merge); backups and version control keep
//! what was approved.

use sha2::{Digest, Sha256};

use super::{Answer, Answers, Confidence, Rating};

/// What starts the encoding: names it and its version, so that a later
/// encoding can never produce the same bytes.
const DOMAIN: &[u8] = b"govmaturity answers v1\0";

/// The SHA-256 digest of `answers` (see the module's documentation), as 64
/// lowercase hexadecimal digits.
pub fn answers_digest(answers: &Answers) -> String {
    let mut hasher = Sha256::new();
    hasher.update(DOMAIN);
    for (id, answer) in answers {
        if *answer == Answer::default() {
            continue;
        }
        encode_answer(&mut hasher, id, answer);
    }
    hex(&hasher.finalize())
}

fn encode_answer(hasher: &mut Sha256, id: &str, answer: &Answer) {
    text(hasher, id);
    match &answer.rating {
        Rating::Unanswered => hasher.update(b"U"),
        Rating::Level(level) => hasher.update([b'L', level.get()]),
        Rating::NotApplicable { reason } => {
            hasher.update(b"N");
            text(hasher, reason);
        }
    }
    text(hasher, &answer.evidence);
    count(hasher, answer.links.len());
    for link in &answer.links {
        text(hasher, link);
    }
    hasher.update([match answer.confidence {
        None => 0,
        Some(Confidence::Low) => 1,
        Some(Confidence::Medium) => 2,
        Some(Confidence::High) => 3,
    }]);
    text(hasher, &answer.comment);
    hasher.update([u8::from(answer.reconfirm)]);
}

fn text(hasher: &mut Sha256, value: &str) {
    count(hasher, value.len());
    hasher.update(value.as_bytes());
}

fn count(hasher: &mut Sha256, n: usize) {
    // A usize always fits in 64 bits on the platforms Rust supports.
    hasher.update(u64::try_from(n).unwrap_or(u64::MAX).to_le_bytes());
}

fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for byte in bytes {
        out.push(char::from(DIGITS[usize::from(byte >> 4)]));
        out.push(char::from(DIGITS[usize::from(byte & 0x0f)]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Level;

    fn answer(level: u8) -> Answer {
        Answer {
            rating: Rating::Level(Level::new(level).unwrap()),
            ..Answer::default()
        }
    }

    #[test]
    fn the_encoding_is_the_documented_one() {
        // printf 'govmaturity answers v1\0' | sha256sum
        assert_eq!(
            answers_digest(&Answers::new()),
            "639ce151ec08a3cedddad8c54f83d57335ef26310bb9642a0551a6a08b708104"
        );
        // The same two answers encoded by hand, as the module says, in a
        // few lines of Python (struct.pack('<Q', len) before each text).
        let answers: Answers = [
            (
                "talent.skills",
                Answer {
                    rating: Rating::NotApplicable {
                        reason: "no staff".into(),
                    },
                    ..Answer::default()
                },
            ),
            (
                "sharing.open",
                Answer {
                    evidence: "portal live".into(),
                    links: vec!["https://a".into()],
                    confidence: Some(Confidence::High),
                    ..answer(3)
                },
            ),
            ("sharing.empty", Answer::default()),
        ]
        .into_iter()
        .collect();
        assert_eq!(
            answers_digest(&answers),
            "d6c0d5dbc8eb96a6286923c619f71b957190c2cb8111cf4ecaa69115a06cf853"
        );
    }

    #[test]
    fn every_part_of_an_answer_changes_the_digest() {
        let base = Answer {
            evidence: "e".into(),
            links: vec!["l1".into(), "l2".into()],
            confidence: Some(Confidence::Low),
            comment: "c".into(),
            ..answer(2)
        };
        let digest = |a: &Answer| answers_digest(&[("x.y", a.clone())].into_iter().collect());
        let changed = [
            Answer { ..answer(3) },
            Answer {
                rating: Rating::NotApplicable { reason: "r".into() },
                ..base.clone()
            },
            Answer {
                evidence: "e ".into(),
                ..base.clone()
            },
            Answer {
                links: vec!["l2".into(), "l1".into()],
                ..base.clone()
            },
            Answer {
                confidence: Some(Confidence::Medium),
                ..base.clone()
            },
            Answer {
                comment: String::new(),
                ..base.clone()
            },
            Answer {
                reconfirm: true,
                ..base.clone()
            },
        ];
        let original = digest(&base);
        for answer in &changed {
            assert_ne!(digest(answer), original, "{answer:?}");
        }
        let other_id = answers_digest(&[("x.z", base.clone())].into_iter().collect());
        assert_ne!(other_id, original);
        // Moving text from one field to the next is a change too.
        let moved = Answer {
            evidence: "ec".into(),
            comment: String::new(),
            ..base.clone()
        };
        assert_ne!(digest(&moved), original);
    }
}
