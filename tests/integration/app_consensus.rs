//! The consensus screen as an office reconciles two assessors: each one's
//! level side by side, the spread marked, the agreed level chosen with a
//! note where it departs from both, and the result saved and audited.

use std::path::Path;

use chrono::NaiveDate;
use egui::accesskit::Role as A11yRole;
use egui_kittest::kittest::{NodeT, Queryable};
use govmaturity::model::{Answer, Answers, Level, Rating, Response, Role};
use govmaturity::store;

use crate::app_assess::{assess, settle, working};
use crate::common;

const FILE: &str = "education-bureau/2025-12-31.ron";

fn level(value: u8) -> Answer {
    Answer {
        rating: Rating::Level(Level::new(value).unwrap()),
        evidence: format!("Evidence for level {value}"),
        ..Answer::default()
    }
}

/// Two more assessors on the sample's Education Bureau (assessed by Wang
/// Fang): on design.strategy they say 4 and 1 (she said 3), on
/// design.standards 3 and 3 (she said 2).
fn with_two_assessors(root: &Path) {
    let path = root.join(FILE);
    let text = std::fs::read_to_string(&path).unwrap();
    let (mut assessment, _) = store::parse_assessment(&text, Path::new(FILE)).unwrap();
    let at = NaiveDate::from_ymd_opt(2026, 1, 10)
        .unwrap()
        .and_hms_opt(9, 0, 0)
        .unwrap();
    for (name, role, strategy) in [
        ("Li Wei", Role::SelfAssessment, 4),
        ("Chen Jie", Role::Reviewer, 1),
    ] {
        let mut answers = Answers::new();
        answers.insert("design.strategy".to_owned(), level(strategy));
        answers.insert("design.standards".to_owned(), level(3));
        let response = Response {
            assessor: name.to_owned(),
            role,
            at,
            source: String::new(),
            answers,
        };
        assessment.add_response(response, "office", at).unwrap();
    }
    std::fs::write(&path, store::to_ron(&assessment).unwrap()).unwrap();
}

#[test]
fn an_agreed_level_that_departs_from_every_assessor_needs_a_note_and_is_saved_with_it() {
    let dir = common::copy_workspace(&common::sample_dir());
    with_two_assessors(dir.path());
    let mut harness = assess(dir.path(), "Education Bureau");
    // Wang Fang's own answers became her response when the first other
    // assessor's came in: three assessors.
    harness.get_by_label("Consensus (3 assessors)").click();
    harness.run();
    assert!(
        harness
            .query_by_label_contains("Assessors agree within one level on 1 of 2")
            .is_some()
    );
    // The spread of three levels is marked with a sign, not colour alone.
    assert!(harness.query_by_label("⚠ 3").is_some());

    // The row in the table (the first of its name on the screen).
    harness
        .get_all_by_label("Strategy & roadmap")
        .next()
        .unwrap()
        .click();
    harness.run();
    assert!(
        harness.query_by_label("Evidence for level 4").is_some(),
        "what each wrote"
    );
    assert!(harness.query_by_label("Evidence for level 1").is_some());
    // Level 2 is neither assessor's: a note is required before applying.
    harness.get_by_role_and_label(A11yRole::Button, " 2 ").click();
    harness.run();
    assert!(
        harness
            .query_by_label_contains("write a consensus note")
            .is_some()
    );
    assert!(
        harness
            .get_by_label("Apply the agreed level")
            .accesskit_node()
            .is_disabled()
    );

    // Typing digits into the note does not change any level.
    let note = harness.get_by_role(A11yRole::MultilineTextInput);
    note.click();
    harness.run();
    harness
        .get_by_role(A11yRole::MultilineTextInput)
        .type_text("Agreed 2 after the 3 May site visit");
    harness.run();
    harness.get_by_label("Apply the agreed level").click();
    harness.run();
    let agreed = working(&harness);
    assert_eq!(agreed.level("design.strategy"), Level::new(2));
    assert_eq!(
        agreed.consensus_note("design.strategy"),
        "Agreed 2 after the 3 May site visit"
    );
    assert!(agreed.audit.iter().any(|e| e.what == "consensus_note"));

    // On design.standards the levels are 2, 3 and 3: the median is
    // proposed, and taking it needs no note.
    harness
        .get_all_by_label("Standards & norms")
        .next()
        .unwrap()
        .click();
    harness.run();
    assert!(
        harness
            .query_by_label("Proposed: 3 (the median of the assessors' levels)")
            .is_some()
    );
    harness.get_by_label("Use the proposal").click();
    harness.run();
    harness.get_by_label("Apply the agreed level").click();
    harness.run();
    assert_eq!(working(&harness).level("design.standards"), Level::new(3));
    assert!(
        harness.query_by_label("Consensus (2 assessors)").is_none(),
        "still on the screen"
    );

    harness.state_mut().push(govmaturity::app::Command::Save);
    harness.run();
    settle(&mut harness);
    let text = std::fs::read_to_string(dir.path().join(FILE)).unwrap();
    let (saved, _) = store::parse_assessment(&text, Path::new(FILE)).unwrap();
    assert_eq!(saved.level("design.strategy"), Level::new(2));
    assert_eq!(
        saved.consensus_note("design.strategy"),
        "Agreed 2 after the 3 May site visit"
    );
    assert_eq!(saved.responses.len(), 3, "the assessors' own levels are kept");
    assert_eq!(saved.responses[0].assessor, "Wang Fang 王芳");
    let loaded = store::load(dir.path()).unwrap();
    assert!(
        loaded
            .problems
            .iter()
            .all(|p| !p.code.code().starts_with("consensus")),
        "{:?}",
        loaded.problems
    );
}

#[test]
fn the_consensus_screen_speaks_chinese() {
    let dir = common::copy_workspace(&common::sample_dir());
    with_two_assessors(dir.path());
    let mut harness = assess(dir.path(), "Education Bureau");
    harness
        .state_mut()
        .push(govmaturity::app::Command::SetLang(govmaturity::model::Lang::Zh));
    harness.run();
    harness.get_by_label("意见议定（3 位评估人）").click();
    harness.run();
    assert!(
        harness
            .query_by_label_contains("评估人在 2 项指标中的 1 项上相差不超过一级")
            .is_some()
    );
    assert!(harness.query_by_label("返回作答").is_none());
    assert!(harness.query_by_label("← 返回作答").is_some());
}
