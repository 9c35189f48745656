//! Three-way merge of an assessment changed in two places at once: in the
//! editor (`mine`) and on disk by someone else (`theirs`), both starting
//! from what the editor loaded (`base`).
//!
//! Each part is merged on its own: a part changed on one side only takes
//! that side's value; changed alike on both sides it is no conflict;
//! changed differently on both it is a [`Conflict`], and the merged
//! assessment holds mine until [`Merged::choose`] says otherwise. The parts:
//! each indicator's agreed answer, each consensus note, each assessor's
//! response, and the header fields (status, assessor, reviewer, review
//! comment). The audit log is append-only, so it merges as the union of
//! both sides, in time order, without repeats.

use std::collections::BTreeSet;

use super::{Answer, Assessment, AuditEntry, Response, Status};

/// A header field of an assessment.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum HeaderField {
    Status,
    Assessor,
    Reviewer,
    ReviewComment,
}

/// A part both sides changed differently; each side's value (`None` =
/// removed, or never there).
#[derive(Clone, Debug, PartialEq)]
pub enum Conflict {
    /// The agreed answer to an indicator.
    Answer {
        indicator: String,
        mine: Option<Answer>,
        theirs: Option<Answer>,
    },
    /// The consensus note on an indicator (empty = none).
    Note {
        indicator: String,
        mine: String,
        theirs: String,
    },
    /// One assessor's response.
    Response {
        assessor: String,
        mine: Option<Response>,
        theirs: Option<Response>,
    },
    /// A header field, as text (the status as its name, e.g. `Approved`).
    /// Also raised for the status when one side moved it on (submitted,
    /// approved) while the other changed the answers: the merged answers
    /// would otherwise pass for what was submitted or approved.
    Field {
        field: HeaderField,
        mine: String,
        theirs: String,
    },
}

impl Conflict {
    /// The indicator the conflict is about, if any.
    pub fn indicator(&self) -> Option<&str> {
        match self {
            Conflict::Answer { indicator, .. } | Conflict::Note { indicator, .. } => Some(indicator),
            Conflict::Response { .. } | Conflict::Field { .. } => None,
        }
    }
}

/// Which side's value a conflict takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Side {
    Mine,
    Theirs,
}

/// The outcome of [`merge`]: the merged assessment (mine wherever there is
/// a conflict) and the conflicts, answers and notes in indicator-id order,
/// then responses in assessor order, then header fields.
#[derive(Clone, Debug, PartialEq)]
pub struct Merged {
    pub assessment: Assessment,
    pub conflicts: Vec<Conflict>,
    /// The status each side had, to settle a status conflict.
    statuses: (Status, Status),
}

impl Merged {
    /// Whether both sides' changes merged without any conflict.
    pub fn is_clean(&self) -> bool {
        self.conflicts.is_empty()
    }

    /// Settles conflict `index` with `side`'s value (nothing happens for an
    /// index out of range). The conflict stays listed, so a dialog can show
    /// what was chosen and change its mind.
    pub fn choose(&mut self, index: usize, side: Side) {
        let Some(conflict) = self.conflicts.get(index) else {
            return;
        };
        let a = &mut self.assessment;
        match conflict {
            Conflict::Answer {
                indicator,
                mine,
                theirs,
            } => {
                let value = pick(side, mine, theirs);
                match value {
                    Some(answer) => {
                        a.answers.insert(indicator.clone(), answer.clone());
                    }
                    None => {
                        a.answers.remove(indicator);
                    }
                }
            }
            Conflict::Note {
                indicator,
                mine,
                theirs,
            } => {
                let note = pick(side, mine, theirs);
                if note.is_empty() {
                    a.consensus_notes.remove(indicator);
                } else {
                    a.consensus_notes.insert(indicator.clone(), note.clone());
                }
            }
            Conflict::Response {
                assessor,
                mine,
                theirs,
            } => {
                let position = a.responses.iter().position(|r| &r.assessor == assessor);
                match (pick(side, mine, theirs), position) {
                    (Some(response), Some(at)) => a.responses[at] = response.clone(),
                    (Some(response), None) => a.responses.push(response.clone()),
                    (None, Some(at)) => {
                        a.responses.remove(at);
                    }
                    (None, None) => {}
                }
            }
            Conflict::Field { field, mine, theirs } => {
                let value = pick(side, mine, theirs).clone();
                match field {
                    HeaderField::Status => {
                        a.status = match side {
                            Side::Mine => self.statuses.0,
                            Side::Theirs => self.statuses.1,
                        };
                    }
                    HeaderField::Assessor => a.assessor = value,
                    HeaderField::Reviewer => a.reviewer = value,
                    HeaderField::ReviewComment => a.review_comment = value,
                }
            }
        }
    }

    /// Settles every conflict with `side`'s value.
    pub fn choose_all(&mut self, side: Side) {
        for index in 0..self.conflicts.len() {
            self.choose(index, side);
        }
    }
}

fn pick<'a, T>(side: Side, mine: &'a T, theirs: &'a T) -> &'a T {
    match side {
        Side::Mine => mine,
        Side::Theirs => theirs,
    }
}

/// The value a part takes: the side that changed it; mine when both
/// changed it, and then `true` when they changed it differently.
fn three_way<T: PartialEq + Clone>(base: &T, mine: &T, theirs: &T) -> (T, bool) {
    if mine == base {
        (theirs.clone(), false)
    } else if theirs == base || mine == theirs {
        (mine.clone(), false)
    } else {
        (mine.clone(), true)
    }
}

/// Merges `mine` and `theirs`, both changed from `base` (see the module's
/// documentation). Ids, department, period and framework are mine unless
/// only theirs changed them.
pub fn merge(base: &Assessment, mine: &Assessment, theirs: &Assessment) -> Merged {
    let mut conflicts = Vec::new();
    let mut merged = mine.clone();
    merged.version = three_way(&base.version, &mine.version, &theirs.version).0;
    merged.department = three_way(&base.department, &mine.department, &theirs.department).0;
    merged.period = three_way(&base.period, &mine.period, &theirs.period).0;
    merged.framework = three_way(&base.framework, &mine.framework, &theirs.framework).0;
    merged.framework_version = three_way(
        &base.framework_version,
        &mine.framework_version,
        &theirs.framework_version,
    )
    .0;

    // Answers, per indicator.
    if mine.answers == base.answers {
        merged.answers = theirs.answers.clone();
    } else if theirs.answers != base.answers && theirs.answers != mine.answers {
        let ids: BTreeSet<&str> = base
            .answers
            .keys()
            .chain(mine.answers.keys())
            .chain(theirs.answers.keys())
            .collect();
        for id in ids {
            let sides = [&base.answers, &mine.answers, &theirs.answers].map(|a| a.get(id).cloned());
            let (value, conflict) = three_way(&sides[0], &sides[1], &sides[2]);
            match value {
                Some(answer) => {
                    merged.answers.insert(id.to_owned(), answer);
                }
                None => {
                    merged.answers.remove(id);
                }
            }
            if conflict {
                let [_, mine, theirs] = sides;
                conflicts.push(Conflict::Answer {
                    indicator: id.to_owned(),
                    mine,
                    theirs,
                });
            }
        }
    }

    // Consensus notes, per indicator.
    if mine.consensus_notes == base.consensus_notes {
        merged.consensus_notes = theirs.consensus_notes.clone();
    } else if theirs.consensus_notes != base.consensus_notes && theirs.consensus_notes != mine.consensus_notes
    {
        let ids: BTreeSet<&String> = base
            .consensus_notes
            .keys()
            .chain(mine.consensus_notes.keys())
            .chain(theirs.consensus_notes.keys())
            .collect();
        for id in ids {
            let sides = [base, mine, theirs].map(|a| a.consensus_note(id).to_owned());
            let (value, conflict) = three_way(&sides[0], &sides[1], &sides[2]);
            if value.is_empty() {
                merged.consensus_notes.remove(id);
            } else {
                merged.consensus_notes.insert(id.clone(), value);
            }
            if conflict {
                let [_, mine, theirs] = sides;
                conflicts.push(Conflict::Note {
                    indicator: id.clone(),
                    mine,
                    theirs,
                });
            }
        }
    }

    // Responses, per assessor: mine's order, then theirs' new ones.
    if mine.responses == base.responses {
        merged.responses = theirs.responses.clone();
    } else if theirs.responses != base.responses && theirs.responses != mine.responses {
        let find = |a: &Assessment, name: &str| a.responses.iter().find(|r| r.assessor == name).cloned();
        let mut names: Vec<&str> = Vec::new();
        for response in mine.responses.iter().chain(&theirs.responses) {
            if !names.contains(&response.assessor.as_str()) {
                names.push(&response.assessor);
            }
        }
        // Removed on mine, kept on theirs: where it was in base.
        for response in &base.responses {
            if !names.contains(&response.assessor.as_str()) {
                names.push(&response.assessor);
            }
        }
        merged.responses = Vec::new();
        let mut response_conflicts = Vec::new();
        for name in names {
            let sides = [base, mine, theirs].map(|a| find(a, name));
            let (value, conflict) = three_way(&sides[0], &sides[1], &sides[2]);
            merged.responses.extend(value);
            if conflict {
                let [_, mine, theirs] = sides;
                response_conflicts.push(Conflict::Response {
                    assessor: name.to_owned(),
                    mine,
                    theirs,
                });
            }
        }
        response_conflicts.sort_by(|a, b| match (a, b) {
            (Conflict::Response { assessor: x, .. }, Conflict::Response { assessor: y, .. }) => x.cmp(y),
            _ => std::cmp::Ordering::Equal,
        });
        conflicts.extend(response_conflicts);
    }

    // Header fields.
    let (status, status_conflict) = three_way(&base.status, &mine.status, &theirs.status);
    merged.status = status;
    // One side moved the workflow on while the other changed the answers:
    // the merged answers are not what was submitted or approved.
    let moved_on = |side: &Assessment| side.status != base.status && !side.status.is_editable();
    let answers_changed = |side: &Assessment| side.answers != base.answers;
    let workflow_clash = !status_conflict
        && ((moved_on(theirs) && answers_changed(mine) && mine.answers != theirs.answers)
            || (moved_on(mine) && answers_changed(theirs) && mine.answers != theirs.answers));
    if status_conflict || workflow_clash {
        merged.status = mine.status;
        conflicts.push(Conflict::Field {
            field: HeaderField::Status,
            mine: format!("{:?}", mine.status),
            theirs: format!("{:?}", theirs.status),
        });
    }
    for (field, get) in [
        (
            HeaderField::Assessor,
            (|a: &Assessment| &a.assessor) as fn(&Assessment) -> &String,
        ),
        (HeaderField::Reviewer, |a| &a.reviewer),
        (HeaderField::ReviewComment, |a| &a.review_comment),
    ] {
        let (value, conflict) = three_way(get(base), get(mine), get(theirs));
        if conflict {
            conflicts.push(Conflict::Field {
                field,
                mine: get(mine).clone(),
                theirs: get(theirs).clone(),
            });
        }
        match field {
            HeaderField::Assessor => merged.assessor = value,
            HeaderField::Reviewer => merged.reviewer = value,
            HeaderField::ReviewComment => merged.review_comment = value,
            HeaderField::Status => {}
        }
    }

    merged.audit = merge_audit(&base.audit, &mine.audit, &theirs.audit);
    Merged {
        assessment: merged,
        conflicts,
        statuses: (mine.status, theirs.status),
    }
}

/// Both logs' entries: what they share at the start as it is, then the
/// rest of both in time order (mine before theirs at the same time),
/// each entry once.
fn merge_audit(base: &[AuditEntry], mine: &[AuditEntry], theirs: &[AuditEntry]) -> Vec<AuditEntry> {
    if mine == base {
        return theirs.to_vec();
    }
    if theirs == base || theirs == mine {
        return mine.to_vec();
    }
    let shared = mine.iter().zip(theirs).take_while(|(a, b)| a == b).count();
    let mut rest: Vec<AuditEntry> = mine[shared..].to_vec();
    // Theirs' entries that mine does not have (as many times as theirs has
    // them beyond mine's copies).
    let mut unmatched: Vec<&AuditEntry> = mine[shared..].iter().collect();
    for entry in &theirs[shared..] {
        match unmatched.iter().position(|e| *e == entry) {
            Some(at) => {
                unmatched.swap_remove(at);
            }
            None => rest.push(entry.clone()),
        }
    }
    // Stable: at the same time, mine's (listed first) stay first.
    rest.sort_by_key(|e| e.at);
    let mut audit = mine[..shared].to_vec();
    audit.extend(rest);
    audit
}

#[cfg(test)]
mod tests {
    use chrono::{NaiveDate, NaiveDateTime};

    use super::*;
    use crate::model::{Answers, Level, Rating, Role};

    fn at(minute: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2025, 7, 1)
            .unwrap()
            .and_hms_opt(9, minute, 0)
            .unwrap()
    }

    fn answer(level: u8, evidence: &str) -> Answer {
        Answer {
            rating: Rating::Level(Level::new(level).unwrap()),
            evidence: evidence.to_owned(),
            ..Answer::default()
        }
    }

    fn base() -> Assessment {
        let mut answers = Answers::new();
        answers.insert("design.legal".into(), answer(2, "draft law"));
        answers.insert("sharing.open".into(), answer(3, "portal"));
        let mut a = Assessment {
            version: 1,
            department: "health".into(),
            period: NaiveDate::from_ymd_opt(2025, 6, 30).unwrap(),
            framework: "digital-government".into(),
            framework_version: 1,
            status: Status::Draft,
            assessor: "Wang".into(),
            reviewer: String::new(),
            review_comment: String::new(),
            answers,
            responses: vec![response("Wang", 2), response("Li", 4)],
            consensus_notes: Default::default(),
            audit: Vec::new(),
        };
        a.log(at(0), "Wang", "created", None, String::new(), "2025-06-30".into());
        a
    }

    fn response(assessor: &str, level: u8) -> Response {
        let mut answers = Answers::new();
        answers.insert("design.legal".into(), answer(level, ""));
        Response {
            assessor: assessor.into(),
            role: Role::SelfAssessment,
            at: at(0),
            source: String::new(),
            answers,
        }
    }

    fn set(a: &mut Assessment, id: &str, level: u8, who: &str, minute: u32) {
        let from = a.rating(id).short();
        a.answers.entry(id.into()).or_default().rating = Rating::Level(Level::new(level).unwrap());
        a.log(at(minute), who, "level", Some(id), from, level.to_string());
    }

    #[test]
    fn edits_to_different_indicators_merge() {
        let base = base();
        let mut mine = base.clone();
        set(&mut mine, "design.legal", 3, "Wang", 5);
        let mut theirs = base.clone();
        set(&mut theirs, "sharing.open", 4, "Li", 3);
        theirs
            .answers
            .insert("talent.skills".into(), answer(1, "none yet"));

        let merged = merge(&base, &mine, &theirs);
        assert!(merged.is_clean(), "{:?}", merged.conflicts);
        let a = &merged.assessment;
        assert_eq!(a.level("design.legal"), Level::new(3));
        assert_eq!(a.level("sharing.open"), Level::new(4));
        assert_eq!(a.level("talent.skills"), Level::new(1));
        // The log: the shared entry, then both sides' in time order
        // (theirs at 9:03 before mine at 9:05).
        let log: Vec<_> = a
            .audit
            .iter()
            .map(|e| (e.who.as_str(), e.what.as_str()))
            .collect();
        assert_eq!(log, [("Wang", "created"), ("Li", "level"), ("Wang", "level")]);
    }

    #[test]
    fn the_same_edit_on_both_sides_is_no_conflict_and_logged_once() {
        let base = base();
        let mut mine = base.clone();
        set(&mut mine, "design.legal", 3, "Wang", 5);
        let theirs = mine.clone();
        let merged = merge(&base, &mine, &theirs);
        assert!(merged.is_clean());
        assert_eq!(merged.assessment, mine);

        // Same answer, logged at different times: one answer, both entries.
        let mut theirs = base.clone();
        set(&mut theirs, "design.legal", 3, "Wang", 7);
        let merged = merge(&base, &mine, &theirs);
        assert!(merged.is_clean());
        assert_eq!(merged.assessment.level("design.legal"), Level::new(3));
        assert_eq!(merged.assessment.audit.len(), 3);
    }

    #[test]
    fn different_edits_to_one_indicator_conflict_and_can_be_settled() {
        let base = base();
        let mut mine = base.clone();
        set(&mut mine, "design.legal", 3, "Wang", 5);
        let mut theirs = base.clone();
        set(&mut theirs, "design.legal", 4, "Li", 6);
        theirs.answers.get_mut("sharing.open").unwrap().evidence = "portal, 40 data sets".into();

        let mut merged = merge(&base, &mine, &theirs);
        assert_eq!(
            merged.conflicts,
            [Conflict::Answer {
                indicator: "design.legal".into(),
                mine: Some(answer(3, "draft law")),
                theirs: Some(answer(4, "draft law")),
            }]
        );
        assert_eq!(merged.conflicts[0].indicator(), Some("design.legal"));
        // Mine until chosen; theirs' edit to another indicator merged.
        assert_eq!(merged.assessment.level("design.legal"), Level::new(3));
        assert_eq!(
            merged.assessment.answers.get("sharing.open").unwrap().evidence,
            "portal, 40 data sets"
        );
        merged.choose(0, Side::Theirs);
        assert_eq!(merged.assessment.level("design.legal"), Level::new(4));
        merged.choose(0, Side::Mine);
        assert_eq!(merged.assessment.level("design.legal"), Level::new(3));
        merged.choose(7, Side::Theirs);
    }

    #[test]
    fn an_answer_removed_on_one_side_and_changed_on_the_other_conflicts() {
        let base = base();
        let mut mine = base.clone();
        mine.answers.remove("sharing.open");
        let mut theirs = base.clone();
        set(&mut theirs, "sharing.open", 5, "Li", 2);
        let mut merged = merge(&base, &mine, &theirs);
        assert_eq!(merged.conflicts.len(), 1);
        assert_eq!(merged.assessment.answers.get("sharing.open"), None);
        merged.choose_all(Side::Theirs);
        assert_eq!(merged.assessment.level("sharing.open"), Level::new(5));
    }

    #[test]
    fn header_fields_merge_one_by_one() {
        let base = base();
        let mut mine = base.clone();
        mine.assessor = "Wang Fang".into();
        mine.review_comment = "mine".into();
        let mut theirs = base.clone();
        theirs.reviewer = "Li".into();
        theirs.review_comment = "theirs".into();
        let mut merged = merge(&base, &mine, &theirs);
        assert_eq!(merged.assessment.assessor, "Wang Fang");
        assert_eq!(merged.assessment.reviewer, "Li");
        assert_eq!(
            merged.conflicts,
            [Conflict::Field {
                field: HeaderField::ReviewComment,
                mine: "mine".into(),
                theirs: "theirs".into(),
            }]
        );
        merged.choose(0, Side::Theirs);
        assert_eq!(merged.assessment.review_comment, "theirs");
    }

    #[test]
    fn approved_on_disk_while_answers_changed_here_asks_which_status() {
        let base = base();
        let mut mine = base.clone();
        set(&mut mine, "design.legal", 3, "Wang", 5);
        let mut theirs = base.clone();
        theirs.status = Status::Submitted;
        theirs.log(at(4), "Wang", "status", None, "Draft".into(), "Submitted".into());
        let mut merged = merge(&base, &mine, &theirs);
        assert_eq!(
            merged.conflicts,
            [Conflict::Field {
                field: HeaderField::Status,
                mine: "Draft".into(),
                theirs: "Submitted".into(),
            }]
        );
        assert_eq!(merged.assessment.status, Status::Draft);
        merged.choose(0, Side::Theirs);
        assert_eq!(merged.assessment.status, Status::Submitted);

        // Only the status moved on, answers untouched here: no conflict.
        let merged = merge(&base, &base, &theirs);
        assert!(merged.is_clean());
        assert_eq!(merged.assessment.status, Status::Submitted);
    }

    #[test]
    fn responses_merge_by_assessor() {
        let base = base();
        let mut mine = base.clone();
        mine.responses[0] = response("Wang", 3);
        mine.responses.push(response("Chen", 5));
        let mut theirs = base.clone();
        theirs.responses.remove(1);
        theirs.responses.push(response("Zhao", 1));
        let merged = merge(&base, &mine, &theirs);
        assert!(merged.is_clean(), "{:?}", merged.conflicts);
        let names: Vec<_> = merged
            .assessment
            .responses
            .iter()
            .map(|r| {
                (
                    r.assessor.as_str(),
                    r.answers.get("design.legal").unwrap().rating.short(),
                )
            })
            .collect();
        // Li removed on disk; Chen added here, Zhao there; Wang changed here.
        assert_eq!(
            names,
            [
                ("Wang", "3".to_owned()),
                ("Chen", "5".into()),
                ("Zhao", "1".into())
            ]
        );

        let mut theirs = base.clone();
        theirs.responses[0] = response("Wang", 5);
        let mut merged = merge(&base, &mine, &theirs);
        assert_eq!(merged.conflicts.len(), 1);
        assert!(matches!(&merged.conflicts[0], Conflict::Response { assessor, .. } if assessor == "Wang"));
        merged.choose(0, Side::Theirs);
        assert_eq!(merged.assessment.responses[0], response("Wang", 5));
    }

    #[test]
    fn consensus_notes_merge_per_indicator() {
        let base = base();
        let mut mine = base.clone();
        mine.consensus_notes.insert("design.legal".into(), "mine".into());
        let mut theirs = base.clone();
        theirs
            .consensus_notes
            .insert("sharing.open".into(), "theirs".into());
        let merged = merge(&base, &mine, &theirs);
        assert!(merged.is_clean());
        assert_eq!(merged.assessment.consensus_notes.len(), 2);
        theirs
            .consensus_notes
            .insert("design.legal".into(), "other".into());
        let mut merged = merge(&base, &mine, &theirs);
        assert_eq!(merged.conflicts.len(), 1);
        merged.choose(0, Side::Theirs);
        assert_eq!(merged.assessment.consensus_note("design.legal"), "other");
    }

    /// Assessments varied in every part from `base`, for the properties.
    fn variants() -> Vec<Assessment> {
        let base = base();
        let mut out = vec![base.clone()];
        let mut a = base.clone();
        set(&mut a, "design.legal", 5, "Li", 1);
        out.push(a.clone());
        a.answers.remove("sharing.open");
        a.status = Status::Submitted;
        out.push(a.clone());
        let mut b = base.clone();
        b.responses.reverse();
        b.responses.push(response("Chen", 1));
        b.consensus_notes.insert("design.legal".into(), "why".into());
        b.reviewer = "Zhao".into();
        out.push(b);
        let mut c = base.clone();
        c.audit.clear();
        c.answers.clear();
        c.responses.clear();
        c.status = Status::Approved;
        out.push(c);
        out
    }

    #[test]
    fn a_side_left_as_it_was_takes_the_other_whole() {
        let base = base();
        for x in variants() {
            assert_eq!(merge(&base, &x, &base).assessment, x);
            assert_eq!(merge(&base, &base, &x).assessment, x);
            assert_eq!(merge(&base, &x, &x).assessment, x);
            assert!(merge(&base, &x, &base).is_clean());
        }
    }

    #[test]
    fn merging_is_symmetric_where_nothing_conflicts() {
        let base = base();
        for x in variants() {
            for y in variants() {
                let xy = merge(&base, &x, &y);
                let yx = merge(&base, &y, &x);
                assert_eq!(xy.conflicts.len(), yx.conflicts.len());
                if xy.is_clean() {
                    // The answers and header agree; the log lists the same
                    // entries (the order may differ at equal times).
                    assert_eq!(xy.assessment.answers, yx.assessment.answers);
                    assert_eq!(xy.assessment.status, yx.assessment.status);
                    assert_eq!(xy.assessment.audit.len(), yx.assessment.audit.len());
                }
            }
        }
    }
}
