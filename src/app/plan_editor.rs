//! Editing the improvement plans: every change is a [`PlanEdit`], applied
//! through one function that keeps undo and redo, like the assessment
//! [`super::editor::Editor`]. No egui here.
//!
//! The status history is append-only, as the assessment audit log is: a
//! status change goes through [`Action::set_status`] (who and when), and an
//! undo or redo that changes a status is itself logged as a change. A burst
//! of typing in one field of one action is one undo step.

use std::collections::BTreeSet;
use std::time::Instant;

use chrono::{NaiveDate, NaiveDateTime};

use crate::model::{Action, ActionStatus, PlanScope, ProgressNote, StatusChange, Text};

/// One change a user makes to the plans.
#[derive(Clone, Debug, PartialEq)]
pub enum PlanEdit {
    /// A new action (its id must be new).
    Create(Box<Action>),
    Status {
        id: String,
        to: ActionStatus,
    },
    Title {
        id: String,
        text: Text,
    },
    Description {
        id: String,
        text: Text,
    },
    Unit {
        id: String,
        text: Text,
    },
    Person {
        id: String,
        text: String,
    },
    Start {
        id: String,
        date: NaiveDate,
    },
    Due {
        id: String,
        date: NaiveDate,
    },
    /// Adds a dated progress note.
    Note {
        id: String,
        text: Text,
    },
    Links {
        id: String,
        links: Vec<String>,
    },
}

impl PlanEdit {
    fn id(&self) -> &str {
        match self {
            PlanEdit::Create(action) => &action.id,
            PlanEdit::Status { id, .. }
            | PlanEdit::Title { id, .. }
            | PlanEdit::Description { id, .. }
            | PlanEdit::Unit { id, .. }
            | PlanEdit::Person { id, .. }
            | PlanEdit::Start { id, .. }
            | PlanEdit::Due { id, .. }
            | PlanEdit::Note { id, .. }
            | PlanEdit::Links { id, .. } => id,
        }
    }

    /// Typing in the same text field of the same action is one undo step.
    fn coalesces_with(&self, other: &PlanEdit) -> bool {
        use PlanEdit as E;
        self.id() == other.id()
            && matches!(
                (self, other),
                (E::Title { .. }, E::Title { .. })
                    | (E::Description { .. }, E::Description { .. })
                    | (E::Unit { .. }, E::Unit { .. })
                    | (E::Person { .. }, E::Person { .. })
                    | (E::Links { .. }, E::Links { .. })
            )
    }
}

/// Why an edit was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PlanEditError {
    /// Create with an id already in use.
    IdTaken(String),
    /// No action with this id.
    Unknown(String),
}

const UNDO_LIMIT: usize = 500;

/// The undo history of the plans and what is not saved yet.
#[derive(Debug, Default)]
pub struct PlanEditor {
    undo: Vec<Vec<Action>>,
    redo: Vec<Vec<Action>>,
    open_burst: Option<PlanEdit>,
    /// Plans with edits not yet on disk.
    pub dirty: BTreeSet<PlanScope>,
    /// Plans being written by the file worker.
    pub saving: BTreeSet<PlanScope>,
    /// Plans changed on disk by someone else while edited here, with
    /// their actions as on disk.
    pub theirs: Vec<(PlanScope, Vec<Action>)>,
    /// The last save failure, worded.
    pub failed: Option<String>,
    pub last_edit: Option<Instant>,
    /// The journal has edits not yet written to it.
    pub journal_pending: bool,
}

impl PlanEditor {
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    pub fn end_burst(&mut self) {
        self.open_burst = None;
    }

    /// Forgets the history (another workspace, or theirs taken).
    pub fn clear_history(&mut self) {
        self.undo.clear();
        self.redo.clear();
        self.open_burst = None;
    }

    pub fn in_conflict(&self, scope: &PlanScope) -> bool {
        self.theirs.iter().any(|(s, _)| s == scope)
    }

    /// Applies an edit to `actions` (sorted by id). Returns the plans it
    /// changed (empty: nothing changed).
    pub fn apply(
        &mut self,
        actions: &mut Vec<Action>,
        edit: PlanEdit,
        who: &str,
        at: NaiveDateTime,
    ) -> Result<BTreeSet<PlanScope>, PlanEditError> {
        let before = actions.clone();
        apply_to(actions, &edit, who, at)?;
        let changed = changed_scopes(&before, actions);
        if changed.is_empty() {
            return Ok(changed);
        }
        let coalesce = self
            .open_burst
            .as_ref()
            .is_some_and(|last| last.coalesces_with(&edit));
        if !coalesce {
            self.undo.push(before);
            if self.undo.len() > UNDO_LIMIT {
                self.undo.remove(0);
            }
        }
        self.redo.clear();
        self.open_burst = Some(edit);
        self.touched(&changed);
        Ok(changed)
    }

    /// Undo (`redo` false) or redo one step. A status that changes back is
    /// logged as a new change by `who`; the history never shrinks.
    pub fn step(
        &mut self,
        actions: &mut Vec<Action>,
        redo: bool,
        who: &str,
        at: NaiveDateTime,
    ) -> BTreeSet<PlanScope> {
        let (from, to) = if redo {
            (&mut self.redo, &mut self.undo)
        } else {
            (&mut self.undo, &mut self.redo)
        };
        let Some(mut target) = from.pop() else {
            return BTreeSet::new();
        };
        to.push(actions.clone());
        self.open_burst = None;
        for action in &mut target {
            let Some(current) = actions.iter().find(|a| a.id == action.id) else {
                continue;
            };
            let mut history = current.history.clone();
            if current.status != action.status {
                history.push(StatusChange {
                    at,
                    who: who.to_owned(),
                    from: current.status,
                    to: action.status,
                });
            }
            action.history = history;
        }
        let changed = changed_scopes(actions, &target);
        *actions = target;
        self.touched(&changed);
        changed
    }

    fn touched(&mut self, changed: &BTreeSet<PlanScope>) {
        self.dirty.extend(changed.iter().cloned());
        self.last_edit = Some(Instant::now());
        self.journal_pending = true;
        self.failed = None;
    }
}

fn apply_to(
    actions: &mut Vec<Action>,
    edit: &PlanEdit,
    who: &str,
    at: NaiveDateTime,
) -> Result<(), PlanEditError> {
    if let PlanEdit::Create(action) = edit {
        if actions.iter().any(|a| a.id == action.id) {
            return Err(PlanEditError::IdTaken(action.id.clone()));
        }
        actions.push((**action).clone());
        actions.sort_by(|a, b| a.id.cmp(&b.id));
        return Ok(());
    }
    let id = edit.id();
    let Some(action) = actions.iter_mut().find(|a| a.id == id) else {
        return Err(PlanEditError::Unknown(id.to_owned()));
    };
    match edit {
        PlanEdit::Create(_) => {}
        PlanEdit::Status { to, .. } => action.set_status(*to, who, at),
        PlanEdit::Title { text, .. } => action.title = text.clone(),
        PlanEdit::Description { text, .. } => action.description = text.clone(),
        PlanEdit::Unit { text, .. } => action.owner.unit = text.clone(),
        PlanEdit::Person { text, .. } => action.owner.person = text.clone(),
        PlanEdit::Start { date, .. } => action.start = *date,
        PlanEdit::Due { date, .. } => action.due = *date,
        PlanEdit::Note { text, .. } => {
            if !text.is_empty() {
                action.notes.push(ProgressNote {
                    on: at.date(),
                    who: who.to_owned(),
                    text: Text::new(text.en.trim(), text.zh.trim()),
                });
            }
        }
        PlanEdit::Links { links, .. } => action.links = links.clone(),
    }
    Ok(())
}

/// The plans whose actions differ between `a` and `b`.
fn changed_scopes(a: &[Action], b: &[Action]) -> BTreeSet<PlanScope> {
    let mut changed = BTreeSet::new();
    for x in a {
        if b.iter().find(|y| y.id == x.id) != Some(x) {
            changed.insert(x.scope());
        }
    }
    for y in b {
        if a.iter().find(|x| x.id == y.id) != Some(y) {
            changed.insert(y.scope());
        }
    }
    changed
}

/// A new action id for `department`: `<department>-<n>` with the first
/// `n` from 1 not used yet.
pub fn new_action_id(department: &str, actions: &[Action]) -> String {
    (1..)
        .map(|n| format!("{department}-{n}"))
        .find(|id| actions.iter().all(|a| &a.id != id))
        .unwrap_or_else(|| department.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Addresses, Level, Owner};

    fn at(minute: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 1, 5)
            .unwrap()
            .and_hms_opt(10, minute, 0)
            .unwrap()
    }

    fn action(id: &str, department: &str) -> Action {
        Action {
            id: id.into(),
            title: "Catalogue".into(),
            description: Text::default(),
            addresses: Addresses::Indicators(vec!["sharing.catalogue".into()]),
            departments: vec![department.into()],
            owner: Owner::default(),
            start: NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
            due: NaiveDate::from_ymd_opt(2026, 6, 30).unwrap(),
            expected_level: Level::clamped(3),
            status: ActionStatus::Planned,
            done_on: None,
            history: Vec::new(),
            notes: Vec::new(),
            links: Vec::new(),
        }
    }

    #[test]
    fn ids_are_department_and_a_counter() {
        let actions = vec![action("police-1", "police"), action("police-3", "police")];
        assert_eq!(new_action_id("police", &actions), "police-2");
        assert_eq!(new_action_id("health", &actions), "health-1");
    }

    #[test]
    fn create_refuses_a_taken_id_and_marks_the_plan_dirty() {
        let mut editor = PlanEditor::default();
        let mut actions = vec![action("police-1", "police")];
        let create = PlanEdit::Create(Box::new(action("police-1", "police")));
        assert_eq!(
            editor.apply(&mut actions, create, "w", at(0)),
            Err(PlanEditError::IdTaken("police-1".into()))
        );
        let create = PlanEdit::Create(Box::new(action("health-1", "health")));
        let changed = editor.apply(&mut actions, create, "w", at(0)).unwrap();
        assert_eq!(
            changed.into_iter().collect::<Vec<_>>(),
            [PlanScope::Department("health".into())]
        );
        assert_eq!(actions.len(), 2);
        assert_eq!(actions[0].id, "health-1", "kept sorted by id");
    }

    #[test]
    fn undoing_a_status_change_logs_the_change_back() {
        let mut editor = PlanEditor::default();
        let mut actions = vec![action("a", "police")];
        let done = PlanEdit::Status {
            id: "a".into(),
            to: ActionStatus::Done,
        };
        editor.apply(&mut actions, done, "Li Wei", at(0)).unwrap();
        assert_eq!(actions[0].done_on, NaiveDate::from_ymd_opt(2026, 1, 5));
        editor.step(&mut actions, false, "Li Wei", at(1));
        assert_eq!(actions[0].status, ActionStatus::Planned);
        assert_eq!(actions[0].done_on, None);
        let log: Vec<_> = actions[0].history.iter().map(|c| (c.from, c.to)).collect();
        assert_eq!(
            log,
            [
                (ActionStatus::Planned, ActionStatus::Done),
                (ActionStatus::Done, ActionStatus::Planned)
            ]
        );
        editor.step(&mut actions, true, "Li Wei", at(2));
        assert_eq!(actions[0].status, ActionStatus::Done);
        assert_eq!(actions[0].history.len(), 3);
        assert!(!editor.can_redo());
    }

    #[test]
    fn typing_a_title_is_one_undo_step() {
        let mut editor = PlanEditor::default();
        let mut actions = vec![action("a", "police")];
        for text in ["P", "Pu", "Pub"] {
            let edit = PlanEdit::Title {
                id: "a".into(),
                text: text.into(),
            };
            editor.apply(&mut actions, edit, "w", at(0)).unwrap();
        }
        editor.step(&mut actions, false, "w", at(1));
        assert_eq!(actions[0].title, "Catalogue");
        assert!(!editor.can_undo());
    }

    #[test]
    fn an_empty_note_changes_nothing() {
        let mut editor = PlanEditor::default();
        let mut actions = vec![action("a", "police")];
        let note = |text: &str| PlanEdit::Note {
            id: "a".into(),
            text: text.into(),
        };
        assert!(
            editor
                .apply(&mut actions, note("  "), "w", at(0))
                .unwrap()
                .is_empty()
        );
        assert!(
            !editor
                .apply(&mut actions, note(" started "), "w", at(0))
                .unwrap()
                .is_empty()
        );
        assert_eq!(actions[0].notes[0].text, "started");
        assert_eq!(actions[0].notes[0].who, "w");
    }
}
