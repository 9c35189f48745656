//! Typing into the Assess view's text fields never changes a level (issue 8
//! §1): a new period is started through the UI, so every indicator is
//! carried over; the user clicks into a field and types, one key at a time
//! as a keyboard sends them (key down, text, key up), text full of digits
//! and `n`. The file on disk must hold exactly what was typed and the level
//! must be unchanged.

use std::path::Path;

use chrono::NaiveDate;
use egui::accesskit::Role;
use egui::{Event, Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use govmaturity::app::GovApp;
use govmaturity::model::{Assessment, Level, Rating};
use govmaturity::store;

use crate::app_assess::{assess, settle, wait_for, working};
use crate::common;

/// What the tests type: digits (levels) and `n` (N/A) in one go.
const TYPED: &str = "Scan 4 of 5 n-tier";
/// The new period "New assessment…" suggests after 2025-12-31.
const NEW_FILE: &str = "education-bureau/2026-06-30.ron";

pub(crate) fn read(root: &Path, relative: &str) -> Assessment {
    let text = std::fs::read_to_string(root.join(relative)).unwrap();
    store::parse_assessment(&text, Path::new(relative)).unwrap().0
}

/// The Assess view of the Education Bureau on a new period started with
/// the "New assessment…" button: everything carried over from 2025-12-31.
pub(crate) fn new_period(root: &Path) -> Harness<'static, GovApp> {
    let mut harness = assess(root, "Education Bureau");
    harness.get_by_label("New assessment…").click();
    harness.run();
    let period = NaiveDate::from_ymd_opt(2026, 6, 30).unwrap();
    wait_for(&mut harness, "the new period", |app| {
        app.state.session.as_ref().is_some_and(|s| s.period() == period)
    });
    settle(&mut harness);
    let draft = working(&harness);
    assert!(
        draft.answers.get("design.strategy").unwrap().reconfirm,
        "evidence is carried over"
    );
    harness
}

/// Types `text` key by key, one frame per key, as a real keyboard does.
pub(crate) fn type_keys(harness: &mut Harness<'static, GovApp>, text: &str) {
    for c in text.chars() {
        let name = c.to_ascii_uppercase().to_string();
        let key = Key::from_name(&name);
        let modifiers = if c.is_ascii_uppercase() {
            Modifiers::SHIFT
        } else {
            Modifiers::NONE
        };
        let key_event = |pressed| {
            key.map(|key| Event::Key {
                key,
                physical_key: None,
                pressed,
                repeat: false,
                modifiers,
            })
        };
        if let Some(down) = key_event(true) {
            harness.event(down);
        }
        harness.event(Event::Text(c.to_string()));
        if let Some(up) = key_event(false) {
            harness.event(up);
        }
        harness.run();
    }
}

/// The text field labelled `label` (single- or multi-line).
fn field_rect(harness: &Harness<'static, GovApp>, label: &str) -> egui::Rect {
    field(harness, label).rect()
}

fn field<'h>(harness: &'h Harness<'static, GovApp>, label: &'h str) -> egui_kittest::Node<'h> {
    harness
        .get_all_by_label(label)
        .find(|node| {
            matches!(
                node.accesskit_node().role(),
                Role::MultilineTextInput | Role::TextInput
            )
        })
        .unwrap_or_else(|| panic!("no text field labelled {label}"))
}

fn field_is_focused(harness: &Harness<'static, GovApp>, label: &str) -> bool {
    field(harness, label).is_focused()
}

/// Clicks into a field, selects all its text and types over it.
fn click_and_type(harness: &mut Harness<'static, GovApp>, label: &str) {
    field(harness, label).click();
    harness.run();
    assert!(field_is_focused(harness, label), "a click focuses {label}");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.run();
    type_keys(harness, TYPED);
    assert!(
        field_is_focused(harness, label),
        "{label} keeps the focus while typing"
    );
}

fn save(harness: &mut Harness<'static, GovApp>) {
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    settle(harness);
}

fn level(value: u8) -> Rating {
    Rating::Level(Level::new(value).unwrap())
}

/// Every answer except `indicator`'s is exactly as carried over.
fn others_unchanged(saved: &Assessment, root: &Path, indicator: &str) {
    let mut previous = read(root, "education-bureau/2025-12-31.ron");
    let mut now = saved.answers.clone();
    previous.answers.remove(indicator);
    now.remove(indicator);
    for answer in previous.answers.values_mut() {
        answer.comment.clear();
    }
    let ratings = |answers: &govmaturity::model::Answers| {
        answers
            .iter()
            .map(|(id, a)| (id.to_owned(), a.rating.clone(), a.evidence.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(ratings(&now), ratings(&previous.answers));
}

#[test]
fn typing_in_evidence_never_changes_level() {
    let dir = common::copy_workspace(&common::sample_dir());
    let mut harness = new_period(dir.path());
    let before = field_rect(&harness, "Evidence");
    click_and_type(&mut harness, "Evidence");
    // The field did not move while typing, and the confirm row became a note.
    let after = field_rect(&harness, "Evidence");
    assert_eq!(after.top(), before.top(), "the evidence field stays in place");
    assert!(
        harness
            .query_by_label("✓ Carried-over evidence confirmed for this period.")
            .is_some()
    );
    save(&mut harness);

    let saved = read(dir.path(), NEW_FILE);
    let answer = saved.answers.get("design.strategy").unwrap();
    assert_eq!(answer.evidence, "Scan 4 of 5 n-tier");
    assert_eq!(answer.rating, level(3), "the level is unchanged");
    assert!(!answer.reconfirm, "typing confirmed the carried-over evidence");
    others_unchanged(&saved, dir.path(), "design.strategy");
    let edits: Vec<_> = saved
        .audit
        .iter()
        .filter(|e| e.what != "created")
        .map(|e| (e.what.as_str(), e.indicator.as_deref(), e.to.as_str()))
        .collect();
    assert_eq!(
        edits,
        [("evidence", Some("design.strategy"), "Scan 4 of 5 n-tier")],
        "one audit entry for the burst, no level or N/A change"
    );
}

#[test]
fn typing_in_the_reason_never_changes_level() {
    let dir = common::copy_workspace(&common::sample_dir());
    let mut harness = new_period(dir.path());
    harness.key_press(Key::N);
    harness.run();
    assert!(working(&harness).rating("design.strategy").is_not_applicable());
    click_and_type(&mut harness, "Reason it does not apply");
    save(&mut harness);

    let saved = read(dir.path(), NEW_FILE);
    assert_eq!(
        saved.answers.get("design.strategy").unwrap().rating,
        Rating::NotApplicable {
            reason: "Scan 4 of 5 n-tier".into()
        }
    );
    others_unchanged(&saved, dir.path(), "design.strategy");
    let edits: Vec<_> = saved
        .audit
        .iter()
        .filter(|e| e.what != "created")
        .map(|e| (e.what.as_str(), e.from.as_str(), e.to.as_str()))
        .collect();
    assert_eq!(
        edits,
        [("level", "3", "N/A"), ("reason", "", "Scan 4 of 5 n-tier")],
        "N/A, then one entry for the typed reason"
    );
}

#[test]
fn typing_in_links_never_changes_level() {
    let dir = common::copy_workspace(&common::sample_dir());
    let mut harness = new_period(dir.path());
    click_and_type(&mut harness, "Links");
    save(&mut harness);

    let saved = read(dir.path(), NEW_FILE);
    let answer = saved.answers.get("design.strategy").unwrap();
    assert_eq!(answer.links, ["Scan 4 of 5 n-tier"]);
    assert_eq!(answer.rating, level(3));
    others_unchanged(&saved, dir.path(), "design.strategy");
}

#[test]
fn typing_in_the_comment_never_changes_level() {
    let dir = common::copy_workspace(&common::sample_dir());
    let mut harness = new_period(dir.path());
    click_and_type(&mut harness, "Comment");
    save(&mut harness);

    let saved = read(dir.path(), NEW_FILE);
    let answer = saved.answers.get("design.strategy").unwrap();
    assert_eq!(answer.comment, "Scan 4 of 5 n-tier");
    assert_eq!(answer.rating, level(3));
    assert!(answer.reconfirm, "a comment does not confirm the evidence");
    others_unchanged(&saved, dir.path(), "design.strategy");
}

#[test]
fn pressing_n_moves_the_focus_into_the_reason_field() {
    let dir = common::copy_workspace(&common::sample_dir());
    let mut harness = new_period(dir.path());
    harness.key_press(Key::N);
    harness.run();
    assert!(
        field_is_focused(&harness, "Reason it does not apply"),
        "the required reason is where the next keys go"
    );
    type_keys(&mut harness, TYPED);
    save(&mut harness);
    let saved = read(dir.path(), NEW_FILE);
    assert_eq!(
        saved.answers.get("design.strategy").unwrap().rating,
        Rating::NotApplicable {
            reason: "Scan 4 of 5 n-tier".into()
        }
    );
}

#[test]
fn digits_typed_in_the_new_period_field_are_not_levels() {
    let dir = common::copy_workspace(&common::sample_dir());
    let mut harness = assess(dir.path(), "Education Bureau");
    let before = working(&harness).answers;
    let date = harness
        .get_all_by_role(Role::TextInput)
        .find(|n| n.value().as_deref() == Some("2026-06-30"))
        .expect("the new period field");
    date.click();
    harness.run();
    type_keys(&mut harness, "45n");
    assert_eq!(working(&harness).answers, before, "no level and no N/A was set");
}
