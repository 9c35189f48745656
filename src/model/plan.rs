//! Improvement plans: actions that close a gap, with an owner, dates, a
//! status history and progress notes.
//!
//! A department's actions live in `<department-id>/plan.ron`; government-wide
//! measures (several departments, or all of them) in `plan.ron` at the root.
//! Both files hold a [`PlanFile`]. Ids are unique across the workspace, so an
//! action keeps its id when the plan it sits in is edited by someone else.

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use super::{Level, Text};

/// The file name of a plan, in a department's folder or at the root.
pub const PLAN_FILE: &str = "plan.ron";

/// What one `plan.ron` holds.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanFile {
    /// File format version (see [`crate::model::FORMAT_VERSION`]).
    pub version: u32,
    #[serde(default)]
    pub actions: Vec<Action>,
}

impl PlanFile {
    pub fn new(actions: Vec<Action>) -> Self {
        PlanFile {
            version: super::FORMAT_VERSION,
            actions,
        }
    }
}

/// Which plan file an action belongs in.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PlanScope {
    /// `<department-id>/plan.ron`: the department's own actions.
    Department(String),
    /// `plan.ron` at the root: government-wide measures.
    Government,
}

/// One measure against a gap.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Action {
    /// A slug, unique in the workspace (`is_slug_id` rules).
    pub id: String,
    /// Free text in English, Chinese or both; a language left empty shows
    /// the other.
    #[serde(with = "super::text::free_text")]
    pub title: Text,
    #[serde(
        default,
        skip_serializing_if = "Text::is_unset",
        with = "super::text::free_text"
    )]
    pub description: Text,
    /// The indicators or the dimension the action works on.
    pub addresses: Addresses,
    /// The departments it is for: exactly its own in a department's plan;
    /// several (or none, meaning every department) in the root plan.
    #[serde(default)]
    pub departments: Vec<String>,
    #[serde(default)]
    pub owner: Owner,
    pub start: NaiveDate,
    pub due: NaiveDate,
    /// The level the addressed indicators should reach.
    pub expected_level: Level,
    pub status: ActionStatus,
    /// When it was done: required once the status is Done.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub done_on: Option<NaiveDate>,
    /// Every status change, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<StatusChange>,
    /// Progress notes, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<ProgressNote>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<String>,
}

/// What an action works on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Addresses {
    /// One or more indicator ids.
    Indicators(Vec<String>),
    /// A whole dimension, by id.
    Dimension(String),
}

/// Who answers for the action.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Owner {
    /// The responsible unit ("Data Resources Division").
    #[serde(default, with = "super::text::free_text")]
    pub unit: Text,
    /// The responsible person.
    #[serde(default)]
    pub person: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum ActionStatus {
    Planned,
    InProgress,
    Done,
    Dropped,
}

impl ActionStatus {
    pub const ALL: [ActionStatus; 4] = [
        ActionStatus::Planned,
        ActionStatus::InProgress,
        ActionStatus::Done,
        ActionStatus::Dropped,
    ];

    /// Still to be done: Planned or In progress.
    pub fn is_open(self) -> bool {
        matches!(self, ActionStatus::Planned | ActionStatus::InProgress)
    }

    /// The lower-case word used on the command line and in JSON.
    pub fn code(self) -> &'static str {
        match self {
            ActionStatus::Planned => "planned",
            ActionStatus::InProgress => "in-progress",
            ActionStatus::Done => "done",
            ActionStatus::Dropped => "dropped",
        }
    }

    pub fn from_code(code: &str) -> Option<ActionStatus> {
        ActionStatus::ALL.into_iter().find(|s| s.code() == code)
    }
}

/// One change of status: when, who, from what to what.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatusChange {
    pub at: NaiveDateTime,
    pub who: String,
    pub from: ActionStatus,
    pub to: ActionStatus,
}

/// A dated note on how the work is going.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProgressNote {
    pub on: NaiveDate,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub who: String,
    #[serde(with = "super::text::free_text")]
    pub text: Text,
}

impl Action {
    /// The file it belongs in: its department's plan when it names exactly
    /// one department, the root plan otherwise.
    pub fn scope(&self) -> PlanScope {
        match self.departments.as_slice() {
            [one] => PlanScope::Department(one.clone()),
            _ => PlanScope::Government,
        }
    }

    /// Open and past its due date on `today`.
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        self.status.is_open() && self.due < today
    }

    /// Whether it is for `department` (an empty list means every department).
    pub fn covers_department(&self, department: &str) -> bool {
        self.departments.is_empty() || self.departments.iter().any(|d| d == department)
    }

    /// The indicator ids it works on, a dimension expanded to its indicators.
    pub fn indicators<'a>(&'a self, framework: &'a super::Framework) -> Vec<&'a str> {
        match &self.addresses {
            Addresses::Indicators(ids) => ids.iter().map(String::as_str).collect(),
            Addresses::Dimension(id) => framework
                .dimension(id)
                .map(|d| d.indicators.iter().map(|i| i.id.as_str()).collect())
                .unwrap_or_default(),
        }
    }

    /// Sets the status, logging the change; a change to Done records the
    /// day it was done, a change away from Done forgets it.
    pub fn set_status(&mut self, to: ActionStatus, who: &str, at: NaiveDateTime) {
        if to == self.status {
            return;
        }
        self.history.push(StatusChange {
            at,
            who: who.to_owned(),
            from: self.status,
            to,
        });
        self.status = to;
        self.done_on = (to == ActionStatus::Done).then(|| at.date());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn action() -> Action {
        Action {
            id: "a1".into(),
            title: Text::single(super::super::Lang::En, "Publish a data catalogue"),
            description: Text::default(),
            addresses: Addresses::Indicators(vec!["sharing.catalogue".into()]),
            departments: vec!["finance-bureau".into()],
            owner: Owner::default(),
            start: NaiveDate::from_ymd_opt(2025, 1, 1).unwrap(),
            due: NaiveDate::from_ymd_opt(2025, 6, 30).unwrap(),
            expected_level: Level::clamped(3),
            status: ActionStatus::Planned,
            done_on: None,
            history: Vec::new(),
            notes: Vec::new(),
            links: Vec::new(),
        }
    }

    #[test]
    fn one_department_goes_in_its_own_plan_several_in_the_root_plan() {
        let mut a = action();
        assert_eq!(a.scope(), PlanScope::Department("finance-bureau".into()));
        a.departments.push("health-commission".into());
        assert_eq!(a.scope(), PlanScope::Government);
        a.departments.clear();
        assert_eq!(a.scope(), PlanScope::Government);
        assert!(a.covers_department("anyone"));
    }

    #[test]
    fn status_changes_are_logged_and_done_records_the_day() {
        let mut a = action();
        let at = NaiveDate::from_ymd_opt(2025, 5, 2)
            .unwrap()
            .and_hms_opt(9, 30, 0)
            .unwrap();
        a.set_status(ActionStatus::Done, "Li Wei", at);
        assert_eq!(a.done_on, NaiveDate::from_ymd_opt(2025, 5, 2));
        assert_eq!(a.history.len(), 1);
        assert_eq!(
            (a.history[0].from, a.history[0].to),
            (ActionStatus::Planned, ActionStatus::Done)
        );
        a.set_status(ActionStatus::Done, "Li Wei", at);
        assert_eq!(a.history.len(), 1, "no change, no entry");
        a.set_status(ActionStatus::InProgress, "Li Wei", at);
        assert_eq!(a.done_on, None);
    }

    #[test]
    fn overdue_means_open_and_past_due() {
        let mut a = action();
        let after = NaiveDate::from_ymd_opt(2025, 7, 1).unwrap();
        assert!(a.is_overdue(after));
        assert!(!a.is_overdue(a.due));
        a.status = ActionStatus::Dropped;
        assert!(!a.is_overdue(after));
    }

    #[test]
    fn free_text_is_a_plain_string_in_one_language_or_both_languages() {
        let note: ProgressNote = ron::from_str(r#"(on: "2025-01-02", text: "已完成接口对接")"#).unwrap();
        assert_eq!(note.text, Text::new("", "已完成接口对接"));
        let note: ProgressNote =
            ron::from_str(r#"(on: "2025-01-02", text: "Interfaces connected")"#).unwrap();
        assert_eq!(note.text, Text::new("Interfaces connected", ""));
        let both = r#"(on: "2025-01-02", text: (en: "Connected", zh: "已对接"))"#;
        let note: ProgressNote = ron::from_str(both).unwrap();
        assert_eq!(note.text, Text::new("Connected", "已对接"));
        // Written back the way it was written.
        let plain = ProgressNote {
            on: NaiveDate::from_ymd_opt(2025, 1, 2).unwrap(),
            who: String::new(),
            text: "已对接".into(),
        };
        assert!(ron::to_string(&plain).unwrap().contains(r#"text:"已对接""#));
        assert!(
            ron::to_string(&note)
                .unwrap()
                .contains(r#"text:(en:"Connected",zh:"已对接")"#)
        );
        assert!(ron::from_str::<ProgressNote>(r#"(on: "2025-01-02", text: 3)"#).is_err());
    }

    #[test]
    fn status_codes_round_trip() {
        for s in ActionStatus::ALL {
            assert_eq!(ActionStatus::from_code(s.code()), Some(s));
        }
        assert_eq!(ActionStatus::from_code("finished"), None);
    }
}
