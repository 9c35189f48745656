//! Editing one assessment: every change is an `Edit`, applied through one
//! function that checks the workflow, records the audit log and keeps undo
//! and redo. No egui here, so the model of editing is unit-tested on its own.
//!
//! Undo restores the answers exactly; the audit log is append-only, so an
//! undo is itself logged as the change it makes. A burst of typing in one
//! field is one undo step and one audit entry naming the field.
//!
//! Review: the person who approves must be neither the assessor nor anyone
//! who changed the answers since the last approval ([`approval_blocker`]),
//! unless the workspace allows self-approval; reopening needs a reason.

use std::collections::BTreeSet;

use chrono::NaiveDateTime;

use crate::model::{Answer, Assessment, Confidence, Rating, Status, TransitionError};

/// One change a user makes to an assessment.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    Rating {
        indicator: String,
        rating: Rating,
    },
    /// The reason an indicator does not apply (makes it N/A).
    Reason {
        indicator: String,
        text: String,
    },
    Evidence {
        indicator: String,
        text: String,
    },
    Links {
        indicator: String,
        links: Vec<String>,
    },
    Confidence {
        indicator: String,
        confidence: Option<Confidence>,
    },
    Comment {
        indicator: String,
        text: String,
    },
    /// Evidence carried over from the previous period is confirmed as still true.
    Reconfirm {
        indicator: String,
    },
    Assessor {
        name: String,
    },
    /// The agreed answer chosen on the consensus screen, with the note that
    /// says why when it departs from every assessor's level (empty: none).
    Agreed {
        indicator: String,
        rating: Rating,
        note: String,
    },
}

impl Edit {
    fn indicator(&self) -> Option<&str> {
        match self {
            Edit::Rating { indicator, .. }
            | Edit::Reason { indicator, .. }
            | Edit::Evidence { indicator, .. }
            | Edit::Links { indicator, .. }
            | Edit::Confidence { indicator, .. }
            | Edit::Comment { indicator, .. }
            | Edit::Reconfirm { indicator }
            | Edit::Agreed { indicator, .. } => Some(indicator),
            Edit::Assessor { .. } => None,
        }
    }

    /// Text edits of the same field coalesce into one undo step while typing.
    fn coalesces_with(&self, other: &Edit) -> bool {
        matches!(
            (self, other),
            (Edit::Evidence { indicator: a, .. }, Edit::Evidence { indicator: b, .. })
            | (Edit::Reason { indicator: a, .. }, Edit::Reason { indicator: b, .. })
            | (Edit::Comment { indicator: a, .. }, Edit::Comment { indicator: b, .. })
            | (Edit::Links { indicator: a, .. }, Edit::Links { indicator: b, .. })
            if a == b
        ) || matches!((self, other), (Edit::Assessor { .. }, Edit::Assessor { .. }))
    }
}

/// Why an edit was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    #[error("this assessment is {0:?} and read-only; reopen it to make changes")]
    ReadOnly(Status),
    #[error("{0}")]
    Workflow(#[from] TransitionError),
    #[error("{0}")]
    Approval(ApprovalBlocker),
    /// The agreed level departs from every assessor's and has no note.
    #[error("the agreed level departs from every assessor's level; give a note that says why")]
    NoteRequired,
}

/// Why the current user may not approve an assessment.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ApprovalBlocker {
    #[error("you are the assessor of this assessment; someone else must approve it")]
    Assessor,
    #[error("you changed answers since the last approval; someone else must approve it")]
    Edited,
}

/// Why `who` may not approve `assessment`, if they may not: they are its
/// assessor, or the audit log shows them changing answers after the last
/// approval. `allow_self_approval` (a workspace setting for a one-person
/// office) lifts both.
pub fn approval_blocker(
    assessment: &Assessment,
    who: &str,
    allow_self_approval: bool,
) -> Option<ApprovalBlocker> {
    if allow_self_approval {
        return None;
    }
    let same = |name: &str| name.trim().to_lowercase() == who.trim().to_lowercase();
    if same(&assessment.assessor) {
        return Some(ApprovalBlocker::Assessor);
    }
    let since = assessment
        .audit
        .iter()
        .rposition(|e| e.is_approval())
        .map_or(0, |i| i + 1);
    let edited = assessment
        .audit
        .iter()
        .skip(since)
        .any(|e| e.changes_answers() && same(&e.who));
    edited.then_some(ApprovalBlocker::Edited)
}

/// The editable part of an assessment: what undo restores.
#[derive(Clone, Debug, PartialEq)]
struct Snapshot {
    answers: crate::model::Answers,
    assessor: String,
    /// The consensus notes (see [`Assessment::consensus_notes`]).
    notes: std::collections::BTreeMap<String, String>,
}

/// An assessment being edited, with its undo history.
#[derive(Clone, Debug)]
pub struct Editor {
    pub assessment: Assessment,
    undo: Vec<Snapshot>,
    redo: Vec<Snapshot>,
    /// The last edit, while it may still coalesce with the next one.
    open_burst: Option<Edit>,
    /// Indicators whose evidence was carried over when editing began, so
    /// the view keeps their confirm row in place once confirmed.
    carried_over: BTreeSet<String>,
}

const UNDO_LIMIT: usize = 500;

impl Editor {
    pub fn new(assessment: Assessment) -> Self {
        let carried_over = assessment
            .answers
            .iter()
            .filter(|(_, a)| a.reconfirm)
            .map(|(id, _)| id.to_owned())
            .collect();
        Editor {
            assessment,
            undo: Vec::new(),
            redo: Vec::new(),
            open_burst: None,
            carried_over,
        }
    }

    /// Whether the indicator's evidence was carried over (confirmed since or not).
    pub fn was_carried_over(&self, indicator: &str) -> bool {
        self.carried_over.contains(indicator)
    }

    /// The indicators whose carried-over evidence nobody confirmed yet.
    pub fn unconfirmed(&self) -> Vec<&str> {
        self.assessment
            .answers
            .iter()
            .filter(|(_, a)| a.reconfirm)
            .map(|(id, _)| id)
            .collect()
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Ends the current typing burst: the next text edit starts a new undo
    /// step and a new audit entry (called on save and on focus changes).
    pub fn end_burst(&mut self) {
        self.open_burst = None;
    }

    fn snapshot(&self) -> Snapshot {
        Snapshot {
            answers: self.assessment.answers.clone(),
            assessor: self.assessment.assessor.clone(),
            notes: self.assessment.consensus_notes.clone(),
        }
    }

    /// Applies an edit, records it in the audit log and on the undo stack.
    /// Returns whether anything changed.
    pub fn apply(&mut self, edit: Edit, who: &str, at: NaiveDateTime) -> Result<bool, EditError> {
        if !self.assessment.status.is_editable() {
            return Err(EditError::ReadOnly(self.assessment.status));
        }
        if let Edit::Agreed {
            indicator,
            rating,
            note,
        } = &edit
            && note.trim().is_empty()
            && rating.level().is_some_and(|agreed| {
                let levels = self.assessment.response_levels(indicator);
                !levels.is_empty() && levels.iter().all(|(_, level)| *level != agreed)
            })
        {
            return Err(EditError::NoteRequired);
        }
        let before = self.snapshot();
        let mut after = before.clone();
        apply_to(&mut after, &edit);
        if after == before {
            return Ok(false);
        }
        let coalesce = self
            .open_burst
            .as_ref()
            .is_some_and(|last| last.coalesces_with(&edit));
        if !coalesce {
            self.undo.push(before.clone());
            if self.undo.len() > UNDO_LIMIT {
                self.undo.remove(0);
            }
        }
        self.redo.clear();
        self.restore(after, who, at, coalesce, &before);
        self.open_burst = Some(edit);
        Ok(true)
    }

    pub fn undo(&mut self, who: &str, at: NaiveDateTime) -> Result<bool, EditError> {
        self.step(who, at, true)
    }

    pub fn redo(&mut self, who: &str, at: NaiveDateTime) -> Result<bool, EditError> {
        self.step(who, at, false)
    }

    fn step(&mut self, who: &str, at: NaiveDateTime, backwards: bool) -> Result<bool, EditError> {
        if !self.assessment.status.is_editable() {
            return Err(EditError::ReadOnly(self.assessment.status));
        }
        let current = self.snapshot();
        let (from, to) = if backwards {
            (&mut self.undo, &mut self.redo)
        } else {
            (&mut self.redo, &mut self.undo)
        };
        let Some(target) = from.pop() else {
            return Ok(false);
        };
        to.push(current.clone());
        self.open_burst = None;
        self.restore(target, who, at, false, &current);
        Ok(true)
    }

    /// Makes `target` current and logs every field that changed.
    fn restore(&mut self, target: Snapshot, who: &str, at: NaiveDateTime, coalesce: bool, before: &Snapshot) {
        let mut changes = Vec::new();
        if before.assessor != target.assessor {
            changes.push(("assessor", None, before.assessor.clone(), target.assessor.clone()));
        }
        let ids: std::collections::BTreeSet<&str> =
            before.answers.keys().chain(target.answers.keys()).collect();
        let empty = Answer::default();
        for id in ids {
            let old = before.answers.get(id).unwrap_or(&empty);
            let new = target.answers.get(id).unwrap_or(&empty);
            for (what, from, to) in answer_changes(old, new) {
                changes.push((what, Some(id), from, to));
            }
        }
        let notes: std::collections::BTreeSet<&str> = before
            .notes
            .keys()
            .chain(target.notes.keys())
            .map(String::as_str)
            .collect();
        for id in notes {
            let old = before.notes.get(id).map_or("", String::as_str);
            let new = target.notes.get(id).map_or("", String::as_str);
            if old != new {
                changes.push((
                    crate::model::AUDIT_CONSENSUS_NOTE,
                    Some(id),
                    old.to_owned(),
                    new.to_owned(),
                ));
            }
        }
        for (what, indicator, from, to) in changes {
            let last = self.assessment.audit.last_mut();
            match last {
                Some(entry)
                    if coalesce
                        && entry.what == what
                        && entry.who == who
                        && entry.indicator.as_deref() == indicator =>
                {
                    entry.to = to;
                    entry.at = at;
                }
                _ => self.assessment.log(at, who, what, indicator, from, to),
            }
        }
        self.assessment.answers = target.answers;
        self.assessment.assessor = target.assessor;
        self.assessment.consensus_notes = target.notes;
    }

    /// Replaces the whole assessment with `merged` (the outcome of merging
    /// edits made on disk by someone else with these): one undo step, and
    /// no audit entries of its own, as the merged log already has both
    /// sides' entries.
    pub fn replace(&mut self, merged: Assessment) {
        self.undo.push(self.snapshot());
        if self.undo.len() > UNDO_LIMIT {
            self.undo.remove(0);
        }
        self.redo.clear();
        self.open_burst = None;
        self.assessment = merged;
    }

    /// Moves the assessment through the workflow (logged by the model).
    /// Approving follows [`approval_blocker`]; reopening needs a reason
    /// (`comment`).
    pub fn transition(
        &mut self,
        to: Status,
        who: &str,
        comment: &str,
        at: NaiveDateTime,
        allow_self_approval: bool,
    ) -> Result<(), EditError> {
        if to == Status::Approved
            && let Some(blocker) = approval_blocker(&self.assessment, who, allow_self_approval)
        {
            return Err(EditError::Approval(blocker));
        }
        self.assessment.transition(to, who, comment, at)?;
        self.open_burst = None;
        // A status change is not undoable: undo covers the answers only.
        if !to.is_editable() {
            self.undo.clear();
            self.redo.clear();
        }
        Ok(())
    }
}

fn apply_to(snapshot: &mut Snapshot, edit: &Edit) {
    if let Edit::Assessor { name } = edit {
        snapshot.assessor = name.clone();
        return;
    }
    if let Edit::Agreed { indicator, note, .. } = edit {
        let note = note.trim();
        if note.is_empty() {
            snapshot.notes.remove(indicator);
        } else {
            snapshot.notes.insert(indicator.clone(), note.to_owned());
        }
    }
    let Some(indicator) = edit.indicator() else { return };
    let answer = snapshot.answers.entry(indicator.to_owned()).or_default();
    match edit {
        Edit::Rating { rating, .. } => answer.rating = rating.clone(),
        Edit::Reason { text, .. } => answer.rating = Rating::NotApplicable { reason: text.clone() },
        Edit::Evidence { text, .. } => {
            answer.evidence = text.clone();
            answer.reconfirm = false;
        }
        Edit::Links { links, .. } => answer.links = links.clone(),
        Edit::Confidence { confidence, .. } => answer.confidence = *confidence,
        Edit::Comment { text, .. } => answer.comment = text.clone(),
        Edit::Reconfirm { .. } => answer.reconfirm = false,
        Edit::Agreed { rating, .. } => answer.rating = rating.clone(),
        Edit::Assessor { .. } => {}
    }
    if *answer == Answer::default() {
        snapshot.answers.remove(indicator);
    }
}

/// The audit lines for the differences between two answers.
fn answer_changes(old: &Answer, new: &Answer) -> Vec<(&'static str, String, String)> {
    let mut changes = Vec::new();
    match (&old.rating, &new.rating) {
        (Rating::NotApplicable { reason: a }, Rating::NotApplicable { reason: b }) if a != b => {
            changes.push(("reason", a.clone(), b.clone()));
        }
        (a, b) if a != b => changes.push(("level", rating_text(a), rating_text(b))),
        _ => {}
    }
    if old.evidence != new.evidence {
        changes.push(("evidence", old.evidence.clone(), new.evidence.clone()));
    }
    if old.links != new.links {
        changes.push(("links", old.links.join(" "), new.links.join(" ")));
    }
    if old.confidence != new.confidence {
        let text = |c: Option<Confidence>| c.map(|c| format!("{c:?}")).unwrap_or_default();
        changes.push(("confidence", text(old.confidence), text(new.confidence)));
    }
    if old.comment != new.comment {
        changes.push(("comment", old.comment.clone(), new.comment.clone()));
    }
    if old.reconfirm && !new.reconfirm && old.evidence == new.evidence {
        changes.push(("reconfirmed", String::new(), "evidence still current".to_owned()));
    }
    changes
}

fn rating_text(rating: &Rating) -> String {
    match rating {
        Rating::NotApplicable { reason } if !reason.is_empty() => format!("N/A ({reason})"),
        other => other.short(),
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::model::{Framework, Level, Text};

    fn at(minute: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 1, 5)
            .unwrap()
            .and_hms_opt(10, minute, 0)
            .unwrap()
    }

    fn editor() -> Editor {
        let framework = Framework {
            version: 1,
            id: "digital-government".into(),
            framework_version: 1,
            name: Text::new("f", "f"),
            description: Text::default(),
            levels: Vec::new(),
            dimensions: Vec::new(),
        };
        let period = NaiveDate::from_ymd_opt(2025, 12, 31).unwrap();
        Editor::new(Assessment::new("health", period, &framework))
    }

    fn level(indicator: &str, value: u8) -> Edit {
        Edit::Rating {
            indicator: indicator.into(),
            rating: Rating::Level(Level::new(value).unwrap()),
        }
    }

    fn evidence(indicator: &str, text: &str) -> Edit {
        Edit::Evidence {
            indicator: indicator.into(),
            text: text.into(),
        }
    }

    #[test]
    fn an_agreed_level_away_from_every_assessor_needs_a_note_and_undo_takes_both_back() {
        let mut e = editor();
        let mut answers = crate::model::Answers::new();
        answers.insert(
            "s.a".to_owned(),
            Answer {
                rating: Rating::Level(Level::new(4).unwrap()),
                ..Answer::default()
            },
        );
        e.assessment.responses.push(crate::model::Response {
            assessor: "Li".into(),
            role: crate::model::Role::SelfAssessment,
            at: at(0),
            source: String::new(),
            answers,
        });
        let agreed = |value: u8, note: &str| Edit::Agreed {
            indicator: "s.a".into(),
            rating: Rating::Level(Level::new(value).unwrap()),
            note: note.into(),
        };
        assert_eq!(
            e.apply(agreed(2, "  "), "wang", at(1)),
            Err(EditError::NoteRequired)
        );
        assert_eq!(e.assessment.level("s.a"), None);
        assert_eq!(
            e.apply(agreed(4, ""), "wang", at(2)),
            Ok(true),
            "the assessor's own level"
        );
        assert_eq!(e.apply(agreed(2, " site visit "), "wang", at(3)), Ok(true));
        assert_eq!(e.assessment.consensus_note("s.a"), "site visit");
        let last = e.assessment.audit.last().unwrap();
        assert_eq!(
            (last.what.as_str(), last.to.as_str()),
            ("consensus_note", "site visit")
        );
        assert_eq!(e.undo("wang", at(4)), Ok(true));
        assert_eq!(e.assessment.level("s.a"), Level::new(4));
        assert_eq!(e.assessment.consensus_note("s.a"), "");
    }

    #[test]
    fn every_edit_is_logged_with_from_and_to() {
        let mut e = editor();
        e.apply(level("sharing.open", 2), "wang", at(0)).unwrap();
        e.apply(level("sharing.open", 3), "wang", at(1)).unwrap();
        let log: Vec<_> = e
            .assessment
            .audit
            .iter()
            .map(|a| (a.what.as_str(), a.from.as_str(), a.to.as_str()))
            .collect();
        assert_eq!(log, [("level", "", "2"), ("level", "2", "3")]);
        assert_eq!(e.assessment.audit[1].indicator.as_deref(), Some("sharing.open"));
        assert_eq!(e.assessment.audit[1].who, "wang");
        assert_eq!(e.assessment.audit[1].at, at(1));
    }

    #[test]
    fn an_edit_that_changes_nothing_is_not_logged() {
        let mut e = editor();
        e.apply(level("sharing.open", 2), "wang", at(0)).unwrap();
        assert!(!e.apply(level("sharing.open", 2), "wang", at(1)).unwrap());
        assert_eq!(e.assessment.audit.len(), 1);
    }

    #[test]
    fn undo_and_redo_restore_exact_states() {
        let mut e = editor();
        let empty = e.assessment.answers.clone();
        e.apply(level("sharing.open", 3), "wang", at(0)).unwrap();
        let one = e.assessment.answers.clone();
        e.apply(evidence("sharing.open", "portal live"), "wang", at(1))
            .unwrap();
        let two = e.assessment.answers.clone();
        assert!(e.undo("wang", at(2)).unwrap());
        assert_eq!(e.assessment.answers, one);
        assert!(e.undo("wang", at(3)).unwrap());
        assert_eq!(e.assessment.answers, empty);
        assert!(!e.undo("wang", at(4)).unwrap());
        assert!(e.redo("wang", at(5)).unwrap());
        assert_eq!(e.assessment.answers, one);
        assert!(e.redo("wang", at(6)).unwrap());
        assert_eq!(e.assessment.answers, two);
        assert!(!e.can_redo());
        // Undo is logged too: the log only grows.
        assert_eq!(e.assessment.audit.len(), 6);
        assert_eq!(e.assessment.audit[2].what, "evidence");
        assert_eq!(e.assessment.audit[2].from, "portal live");
    }

    #[test]
    fn a_new_edit_clears_redo() {
        let mut e = editor();
        e.apply(level("a.b", 1), "w", at(0)).unwrap();
        e.undo("w", at(1)).unwrap();
        assert!(e.can_redo());
        e.apply(level("a.b", 2), "w", at(2)).unwrap();
        assert!(!e.can_redo());
    }

    #[test]
    fn typing_coalesces_into_one_undo_step_and_one_log_line() {
        let mut e = editor();
        for (i, text) in ["p", "po", "por", "portal"].iter().enumerate() {
            e.apply(evidence("sharing.open", text), "wang", at(i as u32))
                .unwrap();
        }
        assert_eq!(e.assessment.audit.len(), 1);
        assert_eq!(e.assessment.audit[0].to, "portal");
        e.end_burst();
        e.apply(evidence("sharing.open", "portal live"), "wang", at(9))
            .unwrap();
        assert_eq!(e.assessment.audit.len(), 2);
        e.undo("wang", at(10)).unwrap();
        assert_eq!(
            e.assessment.answers.get("sharing.open").unwrap().evidence,
            "portal"
        );
        e.undo("wang", at(11)).unwrap();
        assert!(e.assessment.answers.is_empty());
    }

    #[test]
    fn approved_assessments_cannot_be_edited_until_reopened() {
        let mut e = editor();
        e.apply(level("a.b", 3), "w", at(0)).unwrap();
        e.transition(Status::Submitted, "w", "", at(1), false).unwrap();
        assert_eq!(
            e.apply(level("a.b", 4), "w", at(2)),
            Err(EditError::ReadOnly(Status::Submitted))
        );
        e.transition(Status::Approved, "li", "", at(3), false).unwrap();
        assert_eq!(
            e.apply(level("a.b", 4), "w", at(4)),
            Err(EditError::ReadOnly(Status::Approved))
        );
        assert!(e.undo("w", at(5)).is_err());
        e.transition(Status::Draft, "li", "level 3 was a typo", at(6), false)
            .unwrap();
        assert!(e.apply(level("a.b", 4), "w", at(7)).unwrap());
        assert_eq!(
            e.assessment.audit.iter().filter(|a| a.what == "reopened").count(),
            1
        );
    }

    #[test]
    fn editing_evidence_confirms_carried_over_evidence() {
        let mut e = editor();
        e.assessment.answers.insert(
            "a.b".into(),
            Answer {
                evidence: "old".into(),
                reconfirm: true,
                ..Answer::default()
            },
        );
        e.apply(
            Edit::Reconfirm {
                indicator: "a.b".into(),
            },
            "w",
            at(0),
        )
        .unwrap();
        assert!(!e.assessment.answers.get("a.b").unwrap().reconfirm);
        assert_eq!(e.assessment.audit[0].what, "reconfirmed");
    }

    /// An editor whose assessment `assessor` wrote and submitted.
    fn submitted_by(assessor: &str) -> Editor {
        let mut e = editor();
        e.assessment.assessor = assessor.into();
        e.apply(level("a.b", 3), assessor, at(0)).unwrap();
        e.transition(Status::Submitted, assessor, "", at(1), false)
            .unwrap();
        e
    }

    #[test]
    fn the_assessor_cannot_approve_unless_the_workspace_allows_it() {
        let mut e = submitted_by("Wang Fang");
        assert_eq!(
            approval_blocker(&e.assessment, "wang fang ", false),
            Some(ApprovalBlocker::Assessor),
            "names compare without case and outer spaces"
        );
        assert_eq!(
            e.transition(Status::Approved, "Wang Fang", "", at(2), false),
            Err(EditError::Approval(ApprovalBlocker::Assessor))
        );
        assert_eq!(e.assessment.status, Status::Submitted, "nothing changed");
        assert_eq!(e.assessment.audit.len(), 2, "nothing logged");
        // A one-person office may allow it.
        e.transition(Status::Approved, "Wang Fang", "", at(3), true)
            .unwrap();
        assert_eq!(e.assessment.status, Status::Approved);
        assert_eq!(e.assessment.reviewer, "Wang Fang");
    }

    #[test]
    fn whoever_changed_answers_since_the_last_approval_cannot_approve() {
        let mut e = submitted_by("Wang Fang");
        assert_eq!(approval_blocker(&e.assessment, "Li Wei", false), None);
        // Li Wei approves, then reopens and edits: the next approval is not theirs.
        e.transition(Status::Approved, "Li Wei", "", at(2), false)
            .unwrap();
        e.transition(Status::Draft, "Li Wei", "level of a.b is wrong", at(3), false)
            .unwrap();
        assert_eq!(
            approval_blocker(&e.assessment, "Li Wei", false),
            None,
            "reopening alone changes no answer"
        );
        e.apply(level("a.b", 2), "Li Wei", at(4)).unwrap();
        e.transition(Status::Submitted, "Wang Fang", "", at(5), false)
            .unwrap();
        assert_eq!(
            e.transition(Status::Approved, "Li Wei", "", at(6), false),
            Err(EditError::Approval(ApprovalBlocker::Edited))
        );
        // Zhao Lei changed nothing: they may approve.
        e.transition(Status::Approved, "Zhao Lei", "", at(7), false)
            .unwrap();
        // After that approval Li Wei's earlier edit no longer counts.
        assert_eq!(approval_blocker(&e.assessment, "Li Wei", false), None);
    }

    #[test]
    fn a_confirmation_of_carried_over_evidence_counts_as_an_edit() {
        let mut e = editor();
        e.assessment.assessor = "Wang Fang".into();
        e.assessment.answers.insert(
            "a.b".into(),
            Answer {
                rating: Rating::Level(Level::new(2).unwrap()),
                evidence: "old".into(),
                reconfirm: true,
                ..Answer::default()
            },
        );
        e.apply(
            Edit::Reconfirm {
                indicator: "a.b".into(),
            },
            "Li Wei",
            at(0),
        )
        .unwrap();
        e.transition(Status::Submitted, "Wang Fang", "", at(1), false)
            .unwrap();
        assert_eq!(
            approval_blocker(&e.assessment, "Li Wei", false),
            Some(ApprovalBlocker::Edited)
        );
    }

    #[test]
    fn reopening_needs_a_reason_and_the_audit_entry_keeps_it() {
        let mut e = submitted_by("Wang Fang");
        e.transition(Status::Approved, "Li Wei", "", at(2), false)
            .unwrap();
        assert_eq!(
            e.transition(Status::Draft, "Li Wei", "   ", at(3), false),
            Err(EditError::Workflow(TransitionError::ReasonRequired))
        );
        assert_eq!(e.assessment.status, Status::Approved);
        e.transition(
            Status::Draft,
            "Li Wei",
            " evidence for a.b is out of date ",
            at(4),
            false,
        )
        .unwrap();
        let entry = e.assessment.audit.last().unwrap();
        assert_eq!(
            (entry.what.as_str(), entry.from.as_str(), entry.to.as_str()),
            ("reopened", "Approved", "Draft")
        );
        assert_eq!(entry.note, "evidence for a.b is out of date");
        assert_eq!(entry.who, "Li Wei");
        assert_eq!(e.assessment.status, Status::Draft);
    }

    #[test]
    fn typing_an_na_reason_is_one_undo_step_and_one_entry_named_reason() {
        let mut e = editor();
        e.apply(level("a.b", 3), "w", at(0)).unwrap();
        e.end_burst();
        e.apply(
            Edit::Rating {
                indicator: "a.b".into(),
                rating: Rating::NotApplicable {
                    reason: String::new(),
                },
            },
            "w",
            at(1),
        )
        .unwrap();
        for (i, text) in ["n", "no", "no sc", "no schools"].iter().enumerate() {
            let reason = Edit::Reason {
                indicator: "a.b".into(),
                text: (*text).into(),
            };
            e.apply(reason, "w", at(2 + i as u32)).unwrap();
        }
        let log: Vec<_> = e
            .assessment
            .audit
            .iter()
            .map(|a| (a.what.as_str(), a.from.as_str(), a.to.as_str()))
            .collect();
        assert_eq!(
            log,
            [
                ("level", "", "3"),
                ("level", "3", "N/A"),
                ("reason", "", "no schools")
            ]
        );
        e.undo("w", at(9)).unwrap();
        assert_eq!(
            e.assessment.rating("a.b"),
            &Rating::NotApplicable {
                reason: String::new()
            },
            "one undo removes the whole reason, not the N/A"
        );
    }

    #[test]
    fn comments_coalesce_like_evidence() {
        let mut e = editor();
        for (i, text) in ["c", "ch", "check"].iter().enumerate() {
            let comment = Edit::Comment {
                indicator: "a.b".into(),
                text: (*text).into(),
            };
            e.apply(comment, "w", at(i as u32)).unwrap();
        }
        let log: Vec<_> = e
            .assessment
            .audit
            .iter()
            .map(|a| (a.what.as_str(), a.to.as_str()))
            .collect();
        assert_eq!(log, [("comment", "check")]);
    }

    #[test]
    fn the_editor_remembers_which_evidence_was_carried_over() {
        let mut assessment = editor().assessment;
        assessment.answers.insert(
            "a.b".into(),
            Answer {
                evidence: "old".into(),
                reconfirm: true,
                ..Answer::default()
            },
        );
        let mut e = Editor::new(assessment);
        assert_eq!(e.unconfirmed(), ["a.b"]);
        e.apply(evidence("a.b", "new"), "w", at(0)).unwrap();
        assert!(e.unconfirmed().is_empty());
        assert!(e.was_carried_over("a.b"), "still known after it was confirmed");
        assert!(!e.was_carried_over("c.d"));
    }

    #[test]
    fn clearing_an_answer_removes_it() {
        let mut e = editor();
        e.apply(level("a.b", 3), "w", at(0)).unwrap();
        e.apply(
            Edit::Rating {
                indicator: "a.b".into(),
                rating: Rating::Unanswered,
            },
            "w",
            at(1),
        )
        .unwrap();
        assert!(e.assessment.answers.is_empty());
    }
}
