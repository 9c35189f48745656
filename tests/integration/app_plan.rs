//! The Plan view and planning from gaps (issue 10): plan an action from an
//! Overview priority row, mark it done, see its effect once a later
//! assessment is in; the filters; undo of a status change; typing into the
//! form never changes a level.

use std::path::Path;

use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use govmaturity::app::plan_editor::PlanEdit;
use govmaturity::app::state::Tab;
use govmaturity::app::{Command, GovApp};
use govmaturity::model::{Action, ActionStatus, Lang, Level, PlanScope, Rating};
use govmaturity::store;

use crate::app_assess::{assess, settle, wait_for, working};
use crate::app_typing::type_keys;
use crate::common;

/// Scrolls the view until the widget is inside the window, then clicks it.
fn click_in_view(harness: &mut Harness<'static, GovApp>, label: &str) {
    for _ in 0..20 {
        if harness.get_by_label(label).rect().max.y < 880.0 {
            break;
        }
        harness.get_by_label(label).scroll_down();
        harness.run();
    }
    harness.get_by_label(label).click();
}

fn plan_on_disk(root: &Path, scope: &PlanScope) -> Vec<Action> {
    let relative = store::plan_path(scope);
    let text = std::fs::read_to_string(root.join(&relative)).unwrap();
    store::parse_plan(&text, &relative).unwrap().0.actions
}

fn action(harness: &Harness<'static, GovApp>, id: &str) -> Action {
    let data = harness.state().state.data().unwrap();
    data.actions.iter().find(|a| a.id == id).unwrap().clone()
}

fn effect_text(harness: &Harness<'static, GovApp>, id: &str) -> String {
    let state = &harness.state().state;
    let (data, derived) = (state.data().unwrap(), state.derived.as_ref().unwrap());
    derived
        .plan(data, Lang::En)
        .action(id)
        .unwrap()
        .effect_text
        .clone()
}

#[test]
fn plan_an_action_from_a_priority_row_mark_it_done_and_see_it_rise() {
    let dir = common::copy_workspace(&common::sample_dir());
    let root = dir.path();
    let mut harness = common::app(Some(root));
    click_in_view(&mut harness, "8. Plan an action");
    harness.run();
    let draft = harness
        .state()
        .state
        .views
        .plan
        .form
        .clone()
        .expect("the form is open");
    assert_eq!(
        (draft.department.as_str(), draft.indicator.as_str()),
        ("education-bureau", "design.evaluation")
    );
    assert_eq!(draft.expected, Level::clamped(3), "the next level");
    assert!(
        !draft.description.is_empty(),
        "the next level's rubric is suggested"
    );
    type_keys(&mut harness, "Publish 2a");
    {
        let form = harness.state_mut().state.views.plan.form.as_mut().unwrap();
        form.unit = "Data Division".into();
        form.person = "Li Wei".into();
    }
    harness.get_by_label("Create").click();
    harness.run();
    settle(&mut harness);
    assert_eq!(harness.state().prefs.tab, Tab::Plan);
    let scope = PlanScope::Department("education-bureau".into());
    let saved = plan_on_disk(root, &scope);
    let created = saved
        .iter()
        .find(|a| a.id == "education-bureau-1")
        .expect("saved to its plan");
    assert_eq!(created.title, "Publish 2a");
    assert_eq!(created.owner.unit, "Data Division");
    assert_eq!(created.status, ActionStatus::Planned);
    assert_eq!(effect_text(&harness, "education-bureau-1"), "–");

    harness.state_mut().push(Command::EditPlan(PlanEdit::Status {
        id: "education-bureau-1".into(),
        to: ActionStatus::Done,
    }));
    harness.run();
    settle(&mut harness);
    let done = plan_on_disk(root, &scope);
    let done = done.iter().find(|a| a.id == "education-bureau-1").unwrap();
    assert_eq!(done.status, ActionStatus::Done);
    assert_eq!(done.history.len(), 1);
    assert_eq!(done.history[0].who, "Test User");
    assert_eq!(effect_text(&harness, "education-bureau-1"), "not yet reassessed");

    // A later assessment in which the indicator rose to 3.
    let done_on = done.done_on.unwrap();
    let data = harness.state().state.data().unwrap();
    let mut later = data.latest_for("education-bureau", None).unwrap().clone();
    later.period = done_on + chrono::Days::new(30);
    later.answers.get_mut("design.evaluation").unwrap().rating = Rating::Level(Level::clamped(3));
    store::create_assessment(root, &later).unwrap();
    harness.state_mut().push(Command::Reload);
    harness.run();
    settle(&mut harness);
    wait_for(&mut harness, "the later assessment", |app| {
        app.state
            .data()
            .is_some_and(|d| d.find("education-bureau", later.period).is_some())
    });
    assert_eq!(effect_text(&harness, "education-bureau-1"), "rose 2 → 3");
    // In the table, found with the search box.
    harness.state_mut().state.views.plan.search = "education-bureau-1".into();
    harness.run();
    harness.get_by_label("rose 2 → 3");
    harness.get_by_label("Effect: rose 2 → 3");
}

/// The ids of the actions the table shows, in order.
fn shown(harness: &mut Harness<'static, GovApp>) -> Vec<String> {
    harness.run();
    let state = &harness.state().state;
    let (data, derived) = (state.data().unwrap(), state.derived.as_ref().unwrap());
    let view = &state.views.plan;
    derived
        .plan(data, Lang::En)
        .actions
        .iter()
        .filter(|r| view.shows(r))
        .map(|r| r.id.clone())
        .collect()
}

#[test]
fn the_filters_narrow_the_table() {
    let mut harness = common::sample_app();
    harness.get_by_label("Plan").click();
    harness.run();
    assert_eq!(harness.state().prefs.tab, Tab::Plan);

    harness.state_mut().state.views.plan.department = Some("education-bureau".into());
    let mut ids = shown(&mut harness);
    ids.sort();
    assert_eq!(
        ids,
        [
            "education-cdo",
            "education-data-rules",
            "gov-analyst-pool",
            "gov-catalogue-platform"
        ]
    );
    assert!(harness.query_by_label("finance-quality-rules").is_none());
    harness.get_by_label("education-cdo");

    harness.state_mut().state.views.plan.status = Some(ActionStatus::InProgress);
    let mut ids = shown(&mut harness);
    ids.sort();
    assert_eq!(
        ids,
        [
            "education-data-rules",
            "gov-analyst-pool",
            "gov-catalogue-platform"
        ]
    );
    assert!(harness.query_by_label("education-cdo").is_none());

    let view = &mut harness.state_mut().state.views.plan;
    view.department = None;
    view.status = None;
    view.search = "QUALITY RULES".into();
    assert!(shown(&mut harness).contains(&"finance-quality-rules".to_owned()));
    harness.get_by_label("finance-quality-rules");

    let view = &mut harness.state_mut().state.views.plan;
    view.search.clear();
    view.overdue_only = true;
    let overdue = shown(&mut harness);
    let state = &harness.state().state;
    let figures = state
        .derived
        .as_ref()
        .unwrap()
        .plan(state.data().unwrap(), Lang::En);
    assert!(overdue.iter().all(|id| figures.action(id).unwrap().overdue));
    assert_eq!(overdue.len(), figures.counts.overdue);
}

#[test]
fn undo_of_a_status_change_restores_it_and_logs_both_changes() {
    let dir = common::copy_workspace(&common::sample_dir());
    let root = dir.path();
    let mut harness = common::app(Some(root));
    harness.get_by_label("Plan").click();
    harness.run();
    harness
        .state_mut()
        .push(Command::SelectAction(Some("education-cdo".into())));
    harness.run();
    let before = action(&harness, "education-cdo");
    harness.state_mut().push(Command::EditPlan(PlanEdit::Status {
        id: "education-cdo".into(),
        to: ActionStatus::Dropped,
    }));
    harness.run();
    settle(&mut harness);
    assert_eq!(action(&harness, "education-cdo").status, ActionStatus::Dropped);
    harness.get_by_label("Undo").click();
    harness.run();
    settle(&mut harness);
    let after = action(&harness, "education-cdo");
    assert_eq!(after.status, before.status);
    let logged: Vec<_> = after.history[before.history.len()..]
        .iter()
        .map(|c| (c.from, c.to, c.who.as_str()))
        .collect();
    assert_eq!(
        logged,
        [
            (before.status, ActionStatus::Dropped, "Test User"),
            (ActionStatus::Dropped, before.status, "Test User")
        ]
    );
    let scope = PlanScope::Department("education-bureau".into());
    let on_disk = plan_on_disk(root, &scope);
    assert_eq!(on_disk.iter().find(|a| a.id == "education-cdo"), Some(&after));
    harness.get_by_label("Redo").click();
    harness.run();
    assert_eq!(action(&harness, "education-cdo").status, ActionStatus::Dropped);
}

#[test]
fn typing_2a_into_the_title_changes_no_level() {
    let dir = common::copy_workspace(&common::sample_dir());
    let root = dir.path();
    let mut harness = assess(root, "Education Bureau");
    let before = working(&harness);
    harness.state_mut().push(Command::PlanAction {
        department: "education-bureau".into(),
        indicator: "design.evaluation".into(),
    });
    harness.run();
    harness.run();
    type_keys(&mut harness, "2a");
    let form = harness.state().state.views.plan.form.clone().unwrap();
    assert_eq!(form.title, "2a");
    assert_eq!(working(&harness).answers, before.answers);
    assert_eq!(harness.state().prefs.tab, Tab::Assess);
}

fn retitle(harness: &mut Harness<'static, GovApp>, id: &str, text: &str) {
    harness.state_mut().push(Command::EditPlan(PlanEdit::Title {
        id: id.into(),
        text: text.into(),
    }));
    harness.run();
    // No autosave in this test: the edit stays unsaved until asked.
    harness.state_mut().state.plan_editor.last_edit =
        Some(std::time::Instant::now() + std::time::Duration::from_secs(3600));
}

#[test]
fn a_plan_changed_on_disk_while_edited_is_a_conflict_never_an_overwrite() {
    let dir = common::copy_workspace(&common::sample_dir());
    let root = dir.path();
    let mut harness = common::app(Some(root));
    retitle(&mut harness, "education-cdo", "Appoint a chief data officer");
    settle(&mut harness);
    // Someone else saves the same plan meanwhile.
    let file = root.join("education-bureau/plan.ron");
    let theirs = std::fs::read_to_string(&file).unwrap().replace(
        "            id: \"education-data-rules\",",
        "            id: \"education-data-rules\",\n            links: [\"https://example.org/rules\"],",
    );
    std::fs::write(&file, &theirs).unwrap();
    harness.state_mut().push(Command::Reload);
    harness.run();
    settle(&mut harness);
    wait_for(&mut harness, "the conflict", |app| {
        !app.state.plan_editor.theirs.is_empty()
    });
    assert_eq!(
        action(&harness, "education-cdo").title,
        "Appoint a chief data officer"
    );
    assert_eq!(std::fs::read_to_string(&file).unwrap(), theirs, "not overwritten");
    harness.get_by_label("Plan").click();
    harness.run();
    harness.get_by_label("Keep mine").click();
    harness.run();
    settle(&mut harness);
    let scope = PlanScope::Department("education-bureau".into());
    let saved = plan_on_disk(root, &scope);
    let cdo = saved.iter().find(|a| a.id == "education-cdo").unwrap();
    assert_eq!(cdo.title, "Appoint a chief data officer");
    assert!(harness.state().state.plan_editor.theirs.is_empty());
    assert!(harness.state().state.plan_editor.dirty.is_empty());
}

#[test]
fn unsaved_plan_edits_are_offered_after_a_crash() {
    let dir = common::copy_workspace(&common::sample_dir());
    let root = dir.path();
    {
        let mut harness = common::app(Some(root));
        retitle(
            &mut harness,
            "transport-strategy",
            "Draw up the transport roadmap",
        );
        settle(&mut harness);
        // The app ends here without saving.
    }
    let journal = root.join(".recovery/plans/transport-bureau.ron");
    assert!(journal.is_file(), "the journal keeps the edit");
    let mut harness = common::app(Some(root));
    assert_eq!(harness.state().state.plan_recoveries.len(), 1);
    harness.get_by_label("Restore").click();
    harness.run();
    assert_eq!(
        action(&harness, "transport-strategy").title,
        "Draw up the transport roadmap"
    );
    harness.state_mut().push(Command::SavePlans);
    harness.run();
    settle(&mut harness);
    let scope = PlanScope::Department("transport-bureau".into());
    let saved = plan_on_disk(root, &scope);
    let strategy = saved.iter().find(|a| a.id == "transport-strategy").unwrap();
    assert_eq!(strategy.title, "Draw up the transport roadmap");
    assert!(!journal.exists(), "the journal goes once saved");
}

#[test]
fn the_department_view_shows_open_actions_by_dimension_and_plans_from_an_indicator() {
    let mut harness = common::sample_app();
    harness.get_by_label("Civil Affairs Bureau").click();
    harness.run();
    harness
        .get_by_role_and_label(egui::accesskit::Role::Button, "Department")
        .click();
    harness.run();
    // Two actions on data sharing: the bureau's own catalogue work is past
    // its due date, the shared platform (due 2027-06-30) is not.
    harness.get_by_label("2 open · 1 overdue");
    harness.get_by_label("Actions for this indicator");
    click_in_view(&mut harness, "Plan an action");
    harness.run();
    let form = harness.state().state.views.plan.form.clone().unwrap();
    assert_eq!(
        (form.department.as_str(), form.indicator.as_str()),
        ("civil-affairs", "design.strategy")
    );
    assert_eq!(form.expected, Level::clamped(3));
    assert_eq!(
        form.description,
        "An approved digital-government strategy sets milestones and a budget and is aligned with the higher-level government's plan."
    );
}

#[test]
fn the_overview_counts_the_plan() {
    let mut harness = common::sample_app();
    let line = harness
        .get_all_by_role(egui::accesskit::Role::Link)
        .filter_map(|n| n.accesskit_node().label())
        .find(|l| l.starts_with("Plan: "))
        .expect("the plan line");
    assert!(line.ends_with("gaps without an open action"), "{line}");
    harness.get_by_label(&line).click();
    harness.run();
    assert_eq!(harness.state().prefs.tab, Tab::Plan);
}
