//! One department's assessment for one period: answers, status, audit log.

use std::collections::BTreeMap;

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use super::{Answers, Level};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Assessment {
    /// File format version (see [`crate::model::FORMAT_VERSION`]).
    pub version: u32,
    pub department: String,
    /// The as-of date of the assessment; also its file name (`YYYY-MM-DD.ron`).
    pub period: NaiveDate,
    pub framework: String,
    pub framework_version: u32,
    #[serde(default)]
    pub status: Status,
    #[serde(default)]
    pub assessor: String,
    #[serde(default)]
    pub reviewer: String,
    /// The reviewer's comment when the assessment was returned or approved.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub review_comment: String,
    /// Answers by indicator id (sorted, so a changed answer diffs as one line).
    #[serde(default)]
    pub answers: Answers,
    /// Each assessor's own answers when several people score the same
    /// department (the department itself, the office's reviewer, an external
    /// evaluator). `answers` above is then the agreed answer, which is what
    /// scores count; these are kept so the spread between assessors is
    /// never lost. Empty for an assessment with one assessor.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub responses: Vec<Response>,
    /// Why the agreed level departs from every assessor's, by indicator id
    /// (see [`Assessment::needs_consensus_note`]). Empty for an assessment
    /// with one assessor.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub consensus_notes: BTreeMap<String, String>,
    /// Append-only record of every change.
    #[serde(default)]
    pub audit: Vec<AuditEntry>,
}

/// One assessor's own answers to an assessment.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Response {
    /// Who gave these answers.
    pub assessor: String,
    #[serde(default)]
    pub role: Role,
    /// When the response was recorded.
    pub at: NaiveDateTime,
    /// Where it came from, e.g. the questionnaire file it was imported from.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source: String,
    #[serde(default)]
    pub answers: Answers,
}

/// In which capacity an assessor answered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Role {
    /// The department assessing itself.
    #[default]
    SelfAssessment,
    /// The office's reviewer.
    Reviewer,
    /// An evaluator from outside the government.
    External,
}

/// The answer to one indicator.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Answer {
    #[serde(default)]
    pub rating: Rating,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub evidence: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<Confidence>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub comment: String,
    /// Set when evidence was carried over from an earlier period and still
    /// has to be re-confirmed for this one.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub reconfirm: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Rating {
    #[default]
    Unanswered,
    Level(Level),
    NotApplicable {
        reason: String,
    },
}

impl Rating {
    pub fn level(&self) -> Option<Level> {
        match self {
            Rating::Level(level) => Some(*level),
            _ => None,
        }
    }

    pub fn is_not_applicable(&self) -> bool {
        matches!(self, Rating::NotApplicable { .. })
    }

    /// How the rating reads in the audit log and in CSV: `3`, `N/A`, or empty.
    pub fn short(&self) -> String {
        match self {
            Rating::Unanswered => String::new(),
            Rating::Level(level) => level.to_string(),
            Rating::NotApplicable { .. } => "N/A".to_owned(),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Confidence {
    Low,
    Medium,
    High,
}

impl Confidence {
    pub const ALL: [Confidence; 3] = [Confidence::Low, Confidence::Medium, Confidence::High];
}

/// The review workflow: Draft → Submitted → Approved, or Submitted →
/// Returned → Draft. Approved is read-only until explicitly reopened.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Status {
    #[default]
    Draft,
    Submitted,
    Approved,
    Returned,
}

impl Status {
    pub const ALL: [Status; 4] = [
        Status::Draft,
        Status::Submitted,
        Status::Approved,
        Status::Returned,
    ];

    /// Whether answers may be edited in this status.
    pub fn is_editable(self) -> bool {
        matches!(self, Status::Draft | Status::Returned)
    }

    /// Whether the workflow allows moving from `self` to `to`. Approved →
    /// Draft is the explicit, logged "reopen".
    pub fn can_become(self, to: Status) -> bool {
        use Status::*;
        matches!(
            (self, to),
            (Draft, Submitted)
                | (Returned, Submitted)
                | (Submitted, Approved)
                | (Submitted, Returned)
                | (Returned, Draft)
                | (Approved, Draft)
        )
    }
}

/// One line of the audit log: when, who, what changed, from, to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AuditEntry {
    pub at: NaiveDateTime,
    pub who: String,
    /// What changed: `level`, `evidence`, `links`, `confidence`, `comment`,
    /// `status`, `created`, …
    pub what: String,
    /// The indicator the change concerns, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub indicator: Option<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub from: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub to: String,
    /// Why, when the change needs a reason (the reason given for reopening
    /// an approved assessment). Absent in older files.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// On an approval and on a reopening: the SHA-256 digest of the answers
    /// at that moment (64 lowercase hex digits, see
    /// [`super::answers_digest`]). An approval's digest is what a later
    /// check compares with; a reopening's records what was reopened. Absent
    /// in older files (an approval without one has nothing to compare with).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answers_sha256: Option<String>,
}

impl AuditEntry {
    /// Whether the entry records a change to the answers (or the assessor),
    /// as opposed to the workflow (`created`, `status`, `reopened`, a
    /// comment made with a status change).
    pub fn changes_answers(&self) -> bool {
        match self.what.as_str() {
            "assessor" => true,
            "level" | "reason" | "evidence" | "links" | "confidence" | "comment" | "reconfirmed"
            | "consensus_note" => self.indicator.is_some(),
            _ => false,
        }
    }

    /// Whether the entry records an approval.
    pub fn is_approval(&self) -> bool {
        self.what == "status" && self.to == "Approved"
    }
}

/// A status change the workflow does not allow.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum TransitionError {
    #[error("an assessment cannot go from {from:?} to {to:?}")]
    NotAllowed { from: Status, to: Status },
    #[error("returning an assessment needs a comment that says what to change")]
    CommentRequired,
    #[error("reopening an approved assessment needs a reason")]
    ReasonRequired,
}

impl Assessment {
    /// A new, empty Draft.
    pub fn new(department: &str, period: NaiveDate, framework: &super::Framework) -> Self {
        Assessment {
            version: super::FORMAT_VERSION,
            department: department.to_owned(),
            period,
            framework: framework.id.clone(),
            framework_version: framework.framework_version,
            status: Status::Draft,
            assessor: String::new(),
            reviewer: String::new(),
            review_comment: String::new(),
            answers: Answers::new(),
            responses: Vec::new(),
            consensus_notes: BTreeMap::new(),
            audit: Vec::new(),
        }
    }

    /// A new Draft for `period`, pre-filled from an earlier assessment of the
    /// same department: ratings, evidence, links and confidence carry over,
    /// evidence is marked to be re-confirmed, comments and review stay behind.
    pub fn carried_forward(previous: &Assessment, period: NaiveDate, who: &str, at: NaiveDateTime) -> Self {
        let answers = previous
            .answers
            .iter()
            .map(|(id, answer)| {
                let carried = Answer {
                    rating: answer.rating.clone(),
                    evidence: answer.evidence.clone(),
                    links: answer.links.clone(),
                    confidence: answer.confidence,
                    comment: String::new(),
                    reconfirm: !answer.evidence.is_empty() || !answer.links.is_empty(),
                };
                (id, carried)
            })
            .collect();
        let mut next = Assessment {
            version: super::FORMAT_VERSION,
            department: previous.department.clone(),
            period,
            framework: previous.framework.clone(),
            framework_version: previous.framework_version,
            status: Status::Draft,
            assessor: who.to_owned(),
            reviewer: String::new(),
            review_comment: String::new(),
            answers,
            responses: Vec::new(),
            consensus_notes: BTreeMap::new(),
            audit: Vec::new(),
        };
        next.log(
            at,
            who,
            "created",
            None,
            previous.period.to_string(),
            period.to_string(),
        );
        next
    }

    /// The answer to an indicator; unanswered when absent.
    pub fn rating(&self, indicator: &str) -> &Rating {
        static UNANSWERED: Rating = Rating::Unanswered;
        self.answers.get(indicator).map_or(&UNANSWERED, |a| &a.rating)
    }

    pub fn level(&self, indicator: &str) -> Option<Level> {
        self.rating(indicator).level()
    }

    /// The approval whose answers these no longer are: when the assessment
    /// is Approved and its latest approval recorded a digest of the answers
    /// that differs from theirs now, that approval's audit entry (who, when).
    /// `None` when not approved, when the answers are as approved, or when
    /// the approval recorded no digest (older files: nothing to compare).
    pub fn changed_after_approval(&self) -> Option<&AuditEntry> {
        if self.status != Status::Approved {
            return None;
        }
        let approval = self.audit.iter().rev().find(|e| e.is_approval())?;
        let approved = approval.answers_sha256.as_deref()?;
        (approved != super::answers_digest(&self.answers)).then_some(approval)
    }

    /// Appends to the audit log. The log is never rewritten.
    pub fn log(
        &mut self,
        at: NaiveDateTime,
        who: &str,
        what: &str,
        indicator: Option<&str>,
        from: String,
        to: String,
    ) {
        self.audit.push(AuditEntry {
            at,
            who: who.to_owned(),
            what: what.to_owned(),
            indicator: indicator.map(str::to_owned),
            from,
            to,
            note: String::new(),
            answers_sha256: None,
        });
    }

    /// Moves the assessment through the workflow and logs it. Returning
    /// needs a comment, reopening a reason (kept in the audit entry);
    /// approving records the reviewer.
    pub fn transition(
        &mut self,
        to: Status,
        who: &str,
        comment: &str,
        at: NaiveDateTime,
    ) -> Result<(), TransitionError> {
        let from = self.status;
        if !from.can_become(to) {
            return Err(TransitionError::NotAllowed { from, to });
        }
        if to == Status::Returned && comment.trim().is_empty() {
            return Err(TransitionError::CommentRequired);
        }
        let reopening = from == Status::Approved;
        if reopening && comment.trim().is_empty() {
            return Err(TransitionError::ReasonRequired);
        }
        if matches!(to, Status::Approved | Status::Returned) {
            self.reviewer = who.to_owned();
            self.review_comment = comment.trim().to_owned();
        }
        self.status = to;
        let what = if reopening { "reopened" } else { "status" };
        self.log(at, who, what, None, format!("{from:?}"), format!("{to:?}"));
        // What was approved, and what was reopened: the baseline a later
        // check compares with (see `changed_after_approval`).
        let sealed = (reopening || to == Status::Approved).then(|| super::answers_digest(&self.answers));
        if let Some(entry) = self.audit.last_mut() {
            entry.answers_sha256 = sealed;
        }
        if reopening {
            if let Some(entry) = self.audit.last_mut() {
                entry.note = comment.trim().to_owned();
            }
        } else if !comment.trim().is_empty() && to != Status::Returned && to != Status::Approved {
            self.log(at, who, "comment", None, String::new(), comment.trim().to_owned());
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at() -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2025, 7, 1)
            .unwrap()
            .and_hms_opt(9, 0, 0)
            .unwrap()
    }

    fn blank() -> Assessment {
        Assessment {
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
            consensus_notes: BTreeMap::new(),
            audit: Vec::new(),
        }
    }

    #[test]
    fn workflow_follows_the_design() {
        let mut a = blank();
        assert!(a.transition(Status::Approved, "li", "", at()).is_err());
        a.transition(Status::Submitted, "wang", "", at()).unwrap();
        assert_eq!(
            a.transition(Status::Returned, "li", "  ", at()),
            Err(TransitionError::CommentRequired)
        );
        a.transition(Status::Returned, "li", "add evidence for sharing.open", at())
            .unwrap();
        assert_eq!(a.review_comment, "add evidence for sharing.open");
        assert!(a.status.is_editable());
        a.transition(Status::Draft, "wang", "", at()).unwrap();
        a.transition(Status::Submitted, "wang", "", at()).unwrap();
        a.transition(Status::Approved, "li", "", at()).unwrap();
        assert!(!a.status.is_editable());
        assert_eq!(a.reviewer, "li");
        assert_eq!(
            a.transition(Status::Draft, "li", " ", at()),
            Err(TransitionError::ReasonRequired)
        );
        a.transition(Status::Draft, "li", "wrong level for sharing.open", at())
            .unwrap();
        let whats: Vec<_> = a.audit.iter().map(|e| e.what.as_str()).collect();
        assert_eq!(
            whats,
            ["status", "status", "status", "status", "status", "reopened"]
        );
        let reopened = a.audit.last().unwrap();
        assert_eq!(reopened.from, "Approved");
        assert_eq!(reopened.to, "Draft");
        assert_eq!(reopened.note, "wrong level for sharing.open");
    }

    #[test]
    fn an_audit_entry_without_a_note_reads_and_writes_as_before() {
        let old = r#"(at: "2026-01-18T15:00:00", who: "Huang Min", what: "status", from: "Draft", to: "Submitted")"#;
        let entry: AuditEntry = ron::from_str(old).unwrap();
        assert_eq!(entry.note, "");
        let written = ron::to_string(&entry).unwrap();
        assert!(!written.contains("note"), "{written}");
    }

    fn level_answer(level: u8) -> Answer {
        Answer {
            rating: Rating::Level(Level::new(level).unwrap()),
            evidence: "portal live".into(),
            ..Answer::default()
        }
    }

    #[test]
    fn approving_and_reopening_record_the_digest_of_the_answers() {
        let mut a = blank();
        a.answers.insert("sharing.open".into(), level_answer(3));
        a.transition(Status::Submitted, "wang", "", at()).unwrap();
        assert_eq!(a.audit[0].answers_sha256, None, "only approvals and reopenings");
        a.transition(Status::Approved, "li", "", at()).unwrap();
        let approved = a.audit.last().unwrap().answers_sha256.clone().unwrap();
        assert_eq!(approved, crate::model::answers_digest(&a.answers));
        assert_eq!(approved.len(), 64);
        assert!(
            approved
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
        );
        assert_eq!(a.changed_after_approval(), None);

        // Edited behind the workflow's back (as on disk): flagged, naming
        // the approval.
        a.answers.get_mut("sharing.open").unwrap().rating = Rating::Level(Level::new(5).unwrap());
        let approval = a.changed_after_approval().unwrap();
        assert_eq!((approval.who.as_str(), approval.at), ("li", at()));

        // Reopened: a Draft is never "changed after approval", and the
        // reopening records the answers it reopened.
        a.transition(Status::Draft, "li", "recheck", at()).unwrap();
        assert_eq!(a.changed_after_approval(), None);
        let reopened = a.audit.last().unwrap();
        assert_eq!(reopened.what, "reopened");
        assert_eq!(
            reopened.answers_sha256.as_deref(),
            Some(crate::model::answers_digest(&a.answers).as_str())
        );
        assert_ne!(reopened.answers_sha256.as_deref(), Some(approved.as_str()));

        // Approved again: the new approval is the baseline.
        a.transition(Status::Submitted, "wang", "", at()).unwrap();
        a.transition(Status::Approved, "zhao", "", at()).unwrap();
        assert_eq!(a.changed_after_approval(), None);
        a.answers.get_mut("sharing.open").unwrap().evidence.push('!');
        assert_eq!(a.changed_after_approval().unwrap().who, "zhao");
    }

    #[test]
    fn an_approval_without_a_digest_has_nothing_to_compare_with() {
        let old = r#"(at: "2026-01-18T15:00:00", who: "Li Wei", what: "status", from: "Submitted", to: "Approved")"#;
        let entry: AuditEntry = ron::from_str(old).unwrap();
        assert_eq!(entry.answers_sha256, None);
        assert!(!ron::to_string(&entry).unwrap().contains("answers_sha256"));
        let mut a = blank();
        a.answers.insert("sharing.open".into(), level_answer(3));
        a.status = Status::Approved;
        a.audit.push(entry);
        assert_eq!(a.changed_after_approval(), None);
    }

    #[test]
    fn carried_forward_keeps_answers_and_asks_to_reconfirm() {
        let mut a = blank();
        a.status = Status::Approved;
        a.review_comment = "ok".into();
        a.answers.insert(
            "sharing.open".into(),
            Answer {
                rating: Rating::Level(Level::new(3).unwrap()),
                evidence: "portal live".into(),
                comment: "check licence".into(),
                confidence: Some(Confidence::High),
                ..Answer::default()
            },
        );
        a.answers.insert(
            "sharing.exchange".into(),
            Answer {
                rating: Rating::NotApplicable {
                    reason: "none".into(),
                },
                ..Answer::default()
            },
        );
        let next_period = NaiveDate::from_ymd_opt(2025, 12, 31).unwrap();
        let b = Assessment::carried_forward(&a, next_period, "wang", at());
        assert_eq!(b.status, Status::Draft);
        assert_eq!(b.period, next_period);
        assert!(b.review_comment.is_empty());
        let open = b.answers.get("sharing.open").unwrap();
        assert_eq!(open.rating, Rating::Level(Level::new(3).unwrap()));
        assert_eq!(open.evidence, "portal live");
        assert!(open.reconfirm);
        assert!(open.comment.is_empty());
        assert!(!b.answers.get("sharing.exchange").unwrap().reconfirm);
        assert_eq!(b.audit.len(), 1);
        assert_eq!(b.audit[0].what, "created");
    }

    #[test]
    fn missing_answer_reads_as_unanswered() {
        let a = blank();
        assert_eq!(a.rating("sharing.open"), &Rating::Unanswered);
        assert_eq!(a.level("sharing.open"), None);
    }
}
