//! Several assessors of one assessment: their levels per indicator, how far
//! apart they are, the agreed level chosen from them and the note that
//! explains an agreed level none of them gave.
//!
//! The agreed answer (`Assessment::answers`) is what scores count; the
//! responses are kept beside it so the spread is never lost. Levels here are
//! only levels: a response that is unanswered or not applicable for an
//! indicator gives no level to compare.

use chrono::NaiveDateTime;

use super::{Assessment, Level, Rating, Response};

/// Why the agreed answer could not be set.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ConsensusError {
    #[error("the assessment is {0:?}; reopen or return it before changing the agreed answer")]
    NotEditable(super::Status),
    #[error("the agreed level departs from every assessor's level; give a note that says why")]
    NoteRequired,
    #[error("a response needs the assessor's name")]
    NoAssessor,
}

/// The audit log's name for a response added or replaced.
pub const AUDIT_RESPONSE: &str = "response";
/// The audit log's name for a changed consensus note.
pub const AUDIT_CONSENSUS_NOTE: &str = "consensus_note";

impl Assessment {
    /// Whether several assessors answered: at least two responses.
    pub fn has_several_assessors(&self) -> bool {
        self.responses.len() >= 2
    }

    /// The response of `assessor` (names compared with surrounding spaces
    /// left out).
    pub fn response(&self, assessor: &str) -> Option<&Response> {
        self.responses
            .iter()
            .find(|r| r.assessor.trim() == assessor.trim())
    }

    /// Each assessor's level for `indicator`, in the order of the
    /// responses; responses that are unanswered or not applicable there are
    /// left out.
    pub fn response_levels(&self, indicator: &str) -> Vec<(&str, Level)> {
        self.responses
            .iter()
            .filter_map(|r| Some((r.assessor.as_str(), r.answers.get(indicator)?.rating.level()?)))
            .collect()
    }

    /// The highest minus the lowest of the assessors' levels for
    /// `indicator`; `None` when fewer than two assessors gave a level.
    pub fn spread(&self, indicator: &str) -> Option<u8> {
        spread_of(self.response_levels(indicator).iter().map(|(_, level)| *level))
    }

    /// Whether the agreed answer to `indicator` is a level that no assessor
    /// gave, while at least one gave a level.
    pub fn departs_from_all(&self, indicator: &str) -> bool {
        let Some(agreed) = self.level(indicator) else {
            return false;
        };
        let levels = self.response_levels(indicator);
        !levels.is_empty() && levels.iter().all(|(_, level)| *level != agreed)
    }

    /// The note on the agreed answer to `indicator` (empty when none).
    pub fn consensus_note(&self, indicator: &str) -> &str {
        self.consensus_notes.get(indicator).map_or("", String::as_str)
    }

    /// Whether the agreed answer to `indicator` departs from every
    /// assessor (see [`Assessment::departs_from_all`]) without a note.
    pub fn needs_consensus_note(&self, indicator: &str) -> bool {
        self.departs_from_all(indicator) && self.consensus_note(indicator).trim().is_empty()
    }

    /// Every indicator whose agreed answer needs a note and has none, in id
    /// order.
    pub fn missing_consensus_notes(&self) -> Vec<&str> {
        if self.responses.is_empty() {
            return Vec::new();
        }
        self.answers
            .keys()
            .filter(|id| self.needs_consensus_note(id))
            .collect()
    }

    /// Adds `response`, or replaces the one by the same assessor (names
    /// compared with surrounding spaces left out), and logs it: `from` is
    /// `replaced` when it replaced one, `to` the assessor. Returns the
    /// response it replaced. The agreed answers are not touched. The first
    /// response by someone other than the assessment's assessor first keeps
    /// the answers so far as the assessor's own (self-assessment) response.
    pub fn add_response(
        &mut self,
        mut response: Response,
        who: &str,
        at: NaiveDateTime,
    ) -> Result<Option<Response>, ConsensusError> {
        response.assessor = response.assessor.trim().to_owned();
        if response.assessor.is_empty() {
            return Err(ConsensusError::NoAssessor);
        }
        let name = response.assessor.clone();
        // The first response from someone else: the answers so far are the
        // assessor's own, so they become that assessor's response, to be
        // compared side by side (else the agreed answers would seem to
        // depart from every assessor without a note).
        let original = self.assessor.trim().to_owned();
        if self.responses.is_empty() && !original.is_empty() && original != name && !self.answers.is_empty() {
            self.responses.push(Response {
                assessor: original.clone(),
                role: super::Role::SelfAssessment,
                at,
                source: String::new(),
                answers: self.answers.clone(),
            });
            self.log(at, who, AUDIT_RESPONSE, None, String::new(), original);
        }
        let replaced = match self.responses.iter().position(|r| r.assessor.trim() == name) {
            Some(index) => Some(std::mem::replace(&mut self.responses[index], response)),
            None => {
                self.responses.push(response);
                None
            }
        };
        let from = if replaced.is_some() { "replaced" } else { "" };
        self.log(at, who, AUDIT_RESPONSE, None, from.to_owned(), name);
        Ok(replaced)
    }

    /// Sets the agreed rating of `indicator` and its consensus note (an
    /// empty note removes it), logging each change (`level` or `reason`,
    /// and `consensus_note`). Evidence and the rest of the agreed answer
    /// stay. Refused when the status does not allow editing, or when the
    /// agreed level would depart from every assessor's without a note.
    pub fn choose_agreed(
        &mut self,
        indicator: &str,
        rating: Rating,
        note: &str,
        who: &str,
        at: NaiveDateTime,
    ) -> Result<(), ConsensusError> {
        if !self.status.is_editable() {
            return Err(ConsensusError::NotEditable(self.status));
        }
        let note = note.trim();
        let departs = rating.level().is_some_and(|agreed| {
            let levels = self.response_levels(indicator);
            !levels.is_empty() && levels.iter().all(|(_, level)| *level != agreed)
        });
        if departs && note.is_empty() {
            return Err(ConsensusError::NoteRequired);
        }
        let old = self.rating(indicator).clone();
        if old != rating {
            let what = match (&old, &rating) {
                (Rating::NotApplicable { reason: a }, Rating::NotApplicable { reason: b }) if a != b => {
                    "reason"
                }
                _ => "level",
            };
            let (from, to) = match what {
                "reason" => (reason_of(&old), reason_of(&rating)),
                _ => (old.short(), rating.short()),
            };
            self.answers.entry(indicator.to_owned()).or_default().rating = rating;
            self.log(at, who, what, Some(indicator), from, to);
        }
        let old_note = self.consensus_note(indicator).to_owned();
        if old_note != note {
            if note.is_empty() {
                self.consensus_notes.remove(indicator);
            } else {
                self.consensus_notes.insert(indicator.to_owned(), note.to_owned());
            }
            self.log(
                at,
                who,
                AUDIT_CONSENSUS_NOTE,
                Some(indicator),
                old_note,
                note.to_owned(),
            );
        }
        Ok(())
    }
}

fn reason_of(rating: &Rating) -> String {
    match rating {
        Rating::NotApplicable { reason } => reason.clone(),
        _ => String::new(),
    }
}

/// The highest minus the lowest of `levels`; `None` for fewer than two.
pub fn spread_of(levels: impl IntoIterator<Item = Level>) -> Option<u8> {
    let mut count = 0;
    let (mut low, mut high) = (Level::MAX, Level::MIN);
    for level in levels {
        count += 1;
        low = low.min(level.get());
        high = high.max(level.get());
    }
    (count >= 2).then(|| high.saturating_sub(low))
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::model::{Answer, Answers, Role, Status};

    fn at() -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2025, 7, 1)
            .unwrap()
            .and_hms_opt(9, 0, 0)
            .unwrap()
    }

    fn lv(value: u8) -> Rating {
        Rating::Level(Level::new(value).unwrap())
    }

    fn response(assessor: &str, ratings: &[(&str, Rating)]) -> Response {
        Response {
            assessor: assessor.to_owned(),
            role: Role::SelfAssessment,
            at: at(),
            source: String::new(),
            answers: ratings
                .iter()
                .map(|(id, rating)| {
                    (
                        *id,
                        Answer {
                            rating: rating.clone(),
                            ..Answer::default()
                        },
                    )
                })
                .collect::<Answers>(),
        }
    }

    fn assessment() -> Assessment {
        let mut a = Assessment {
            version: 1,
            department: "health".into(),
            period: NaiveDate::from_ymd_opt(2025, 6, 30).unwrap(),
            framework: "digital-government".into(),
            framework_version: 1,
            status: Status::Draft,
            assessor: String::new(),
            reviewer: String::new(),
            review_comment: String::new(),
            answers: Answers::new(),
            responses: Vec::new(),
            consensus_notes: Default::default(),
            audit: Vec::new(),
        };
        a.responses = vec![
            response(
                "Wang",
                &[
                    ("design.legal", lv(2)),
                    ("sharing.open", lv(4)),
                    ("talent.skills", Rating::Unanswered),
                ],
            ),
            response(
                "Li",
                &[
                    ("design.legal", lv(4)),
                    ("sharing.open", lv(4)),
                    ("talent.skills", lv(3)),
                    (
                        "security.audit",
                        Rating::NotApplicable {
                            reason: "none".into(),
                        },
                    ),
                ],
            ),
        ];
        a
    }

    #[test]
    fn levels_and_spread_leave_out_unanswered_and_not_applicable() {
        let a = assessment();
        assert!(a.has_several_assessors());
        assert_eq!(
            a.response_levels("design.legal"),
            [("Wang", Level::new(2).unwrap()), ("Li", Level::new(4).unwrap())]
        );
        assert_eq!(a.spread("design.legal"), Some(2));
        assert_eq!(a.spread("sharing.open"), Some(0));
        // One level only (Wang left it unanswered): nothing to compare.
        assert_eq!(a.spread("talent.skills"), None);
        assert_eq!(a.spread("security.audit"), None);
        assert_eq!(a.spread("nobody.answered"), None);
    }

    #[test]
    fn an_agreed_level_no_assessor_gave_needs_a_note() {
        let mut a = assessment();
        assert!(!a.departs_from_all("design.legal"), "no agreed level yet");
        a.choose_agreed("design.legal", lv(4), "", "Zhao", at()).unwrap();
        assert!(!a.departs_from_all("design.legal"), "Li gave 4");
        assert_eq!(
            a.choose_agreed("design.legal", lv(3), "  ", "Zhao", at()),
            Err(ConsensusError::NoteRequired)
        );
        assert_eq!(a.level("design.legal"), Level::new(4), "refused: unchanged");
        a.choose_agreed(
            "design.legal",
            lv(3),
            " statute drafted, not passed ",
            "Zhao",
            at(),
        )
        .unwrap();
        assert!(a.departs_from_all("design.legal"));
        assert!(!a.needs_consensus_note("design.legal"));
        assert_eq!(a.consensus_note("design.legal"), "statute drafted, not passed");
        // Edited on disk: the note gone, the level stays.
        a.consensus_notes.clear();
        assert!(a.needs_consensus_note("design.legal"));
        assert_eq!(a.missing_consensus_notes(), ["design.legal"]);

        let log: Vec<_> = a
            .audit
            .iter()
            .map(|e| (e.what.as_str(), e.from.as_str(), e.to.as_str()))
            .collect();
        assert_eq!(
            log,
            [
                ("level", "", "4"),
                ("level", "4", "3"),
                ("consensus_note", "", "statute drafted, not passed"),
            ]
        );
        assert!(
            a.audit
                .iter()
                .all(|e| e.indicator.as_deref() == Some("design.legal"))
        );
    }

    #[test]
    fn choosing_an_assessors_level_removes_the_note() {
        let mut a = assessment();
        a.choose_agreed("design.legal", lv(3), "between the two", "Zhao", at())
            .unwrap();
        a.choose_agreed("design.legal", lv(2), "", "Zhao", at()).unwrap();
        assert!(a.consensus_notes.is_empty());
        assert_eq!(a.audit.last().unwrap().what, "consensus_note");
        assert_eq!(a.audit.last().unwrap().to, "");
    }

    #[test]
    fn the_agreed_answer_of_an_approved_assessment_is_not_changed() {
        let mut a = assessment();
        a.status = Status::Approved;
        assert_eq!(
            a.choose_agreed("design.legal", lv(2), "", "Zhao", at()),
            Err(ConsensusError::NotEditable(Status::Approved))
        );
        assert!(a.audit.is_empty());
    }

    #[test]
    fn the_first_other_response_keeps_the_assessors_own_answers_beside_it() {
        let mut a = assessment();
        a.responses.clear();
        a.assessor = "Wang".into();
        a.answers = response("x", &[("design.legal", lv(2))]).answers;
        a.add_response(response("Li", &[("design.legal", lv(4))]), "Zhao", at())
            .unwrap();
        let names: Vec<&str> = a.responses.iter().map(|r| r.assessor.as_str()).collect();
        assert_eq!(names, ["Wang", "Li"]);
        assert_eq!(a.responses[0].answers, a.answers);
        assert_eq!(a.spread("design.legal"), Some(2));
        assert!(
            !a.needs_consensus_note("design.legal"),
            "the agreed level is Wang's"
        );
        // By the assessor herself, or once there are responses: as given.
        let mut b = assessment();
        b.responses.clear();
        b.assessor = "Wang".into();
        b.answers = response("x", &[("design.legal", lv(2))]).answers;
        b.add_response(response(" Wang ", &[]), "Zhao", at()).unwrap();
        assert_eq!(b.responses.len(), 1);
        let before = a.responses.len();
        a.add_response(response("Chen", &[]), "Zhao", at()).unwrap();
        assert_eq!(a.responses.len(), before + 1);
    }

    #[test]
    fn a_response_by_the_same_assessor_replaces_the_earlier_one() {
        let mut a = assessment();
        let replaced = a
            .add_response(response(" Li ", &[("design.legal", lv(5))]), "Zhao", at())
            .unwrap();
        assert_eq!(replaced.unwrap().answers.len(), 4);
        assert_eq!(a.responses.len(), 2);
        assert_eq!(a.responses[1].assessor, "Li");
        assert_eq!(a.spread("design.legal"), Some(3));
        assert_eq!(a.add_response(response("Chen", &[]), "Zhao", at()).unwrap(), None);
        assert_eq!(a.responses.len(), 3);
        assert_eq!(
            a.add_response(response("  ", &[]), "Zhao", at()),
            Err(ConsensusError::NoAssessor)
        );
        let log: Vec<_> = a
            .audit
            .iter()
            .map(|e| (e.what.as_str(), e.from.as_str(), e.to.as_str()))
            .collect();
        assert_eq!(log, [("response", "replaced", "Li"), ("response", "", "Chen")]);
        assert!(a.audit.iter().all(|e| !e.changes_answers()));
    }

    #[test]
    fn spread_of_fewer_than_two_levels_is_none() {
        let l = |v| Level::new(v).unwrap();
        assert_eq!(spread_of([]), None);
        assert_eq!(spread_of([l(3)]), None);
        assert_eq!(spread_of([l(5), l(1), l(3)]), Some(4));
    }
}
