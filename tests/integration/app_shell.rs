//! The app shell as a user meets it: the sample opens with its departments,
//! the language switches live, a broken file is listed as a problem.

use crate::common;

use egui_kittest::kittest::Queryable;
use govmaturity::app::state::Tab;
use govmaturity::model::Lang;

#[test]
fn sample_opens_with_its_twelve_departments_listed() {
    let harness = common::sample_app();
    let app = harness.state();
    assert_eq!(app.state.data().unwrap().workspace.departments.len(), 12);
    for name in [
        "Big Data Bureau",
        "Civil Affairs Bureau",
        "Emergency Management Bureau",
        "Finance Bureau",
    ] {
        assert!(harness.query_by_label(name).is_some(), "{name} is not listed");
    }
}

#[test]
fn switching_to_chinese_changes_the_visible_labels() {
    let mut harness = common::sample_app();
    assert!(harness.query_by_label("Overview").is_some());
    harness.get_by_label("简体中文").click();
    harness.run();
    assert_eq!(harness.state().prefs.lang, Lang::Zh);
    assert!(
        harness.query_by_label("总览").is_some(),
        "tab label not translated"
    );
    assert!(harness.query_by_label("Overview").is_none());
    assert!(
        harness.query_by_label("市大数据局").is_some(),
        "department names follow the language"
    );
    harness.get_by_label("English").click();
    harness.run();
    assert!(harness.query_by_label("Big Data Bureau").is_some());
}

#[test]
fn clicking_a_department_selects_it() {
    let mut harness = common::sample_app();
    harness.get_by_label("Finance Bureau").click();
    harness.run();
    assert_eq!(
        harness.state().state.selection.department.as_deref(),
        Some("finance-bureau")
    );
}

#[test]
fn tabs_switch_views() {
    let mut harness = common::sample_app();
    harness.get_by_label("Framework").click();
    harness.run();
    assert_eq!(harness.state().prefs.tab, Tab::Framework);
}

#[test]
fn a_workspace_with_a_broken_file_opens_and_lists_the_problem() {
    let dir = common::copy_workspace(&common::sample_dir());
    let bad = dir.path().join("transport-bureau/2025-06-30.ron");
    std::fs::write(
        &bad,
        "(\n    version: 1,\n    department: \"transport-bureau\",\n    period: oops\n)\n",
    )
    .unwrap();
    let harness = common::app(Some(dir.path()));
    let app = harness.state();
    assert_eq!(
        app.state.data().unwrap().assessments.len(),
        47,
        "the other files still load"
    );
    assert!(app.state.show_problems, "the problems panel opens by itself");
    assert!(
        harness
            .query_by_label_contains("transport-bureau/2025-06-30.ron:4:")
            .is_some(),
        "problem with file:line:column is shown"
    );
}

#[test]
fn no_workspace_shows_the_welcome_screen() {
    let harness = common::app(None);
    assert!(harness.query_by_label("Welcome to govmaturity").is_some());
    assert!(harness.query_by_label("Open workspace…").is_some());
}

#[test]
fn weights_that_would_overflow_are_listed_and_every_view_still_draws() {
    let dir = common::copy_workspace(&common::sample_dir());
    let file = dir.path().join("workspace.ron");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(
        &file,
        text.replace(
            "weights: {},",
            "weights: {\"design\": 1e308, \"sharing\": 1e308},",
        ),
    )
    .unwrap();
    let mut harness = common::app(Some(dir.path()));
    assert!(
        harness.state().state.show_problems,
        "errors open the problems panel"
    );
    assert!(
        harness
            .query_by_label_contains("the weight of \"design\" is 1e308")
            .is_some()
    );
    for tab in Tab::ALL {
        harness.state_mut().prefs.tab = tab;
        harness.run();
    }
    // The figures are numbers, not NaN: every department has an overall level.
    let app = harness.state();
    let summary = &app.state.derived.as_ref().unwrap().summary;
    assert!(
        summary
            .departments
            .iter()
            .filter_map(|d| d.current.as_ref())
            .all(|c| c.mean_level.is_some_and(f64::is_finite))
    );
}
