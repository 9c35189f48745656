//! The Workspace settings window as a user meets it: closing with changes
//! not applied asks first, and a second target for the same department,
//! dimension and indicator is refused with a message.

use crate::app_assess::settle;
use crate::common;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use govmaturity::app::GovApp;

const QUESTION: &str = "These settings have changes that are not applied yet.";
const DUPLICATE: &str = "Two targets are for the same department, dimension and indicator; only one can apply. Remove one or change it, then Apply.";

fn open_settings(harness: &mut Harness<'static, GovApp>) {
    harness.get_by_label("Workspace").click();
    harness.run();
    harness.get_by_label("Workspace settings").click();
    harness.run();
    assert!(harness.state().state.show_workspace_settings);
}

fn type_into_title(harness: &mut Harness<'static, GovApp>, text: &str) {
    let field = harness.get_by_label("Title (EN)");
    field.focus();
    harness.run();
    harness.get_by_label("Title (EN)").type_text(text);
    harness.run();
}

fn workspace_file(dir: &tempfile::TempDir) -> Vec<u8> {
    std::fs::read(dir.path().join("workspace.ron")).unwrap()
}

#[test]
fn closing_settings_with_unapplied_changes_asks_first() {
    let dir = common::copy_workspace(&common::sample_dir());
    let before = workspace_file(&dir);
    let mut harness = common::app(Some(dir.path()));
    open_settings(&mut harness);
    type_into_title(&mut harness, " (draft)");
    harness.get_by_label("Close window").click();
    harness.run();

    // Still open, asking; nothing saved, nothing dropped.
    assert!(harness.query_by_label(QUESTION).is_some());
    assert!(harness.state().state.show_workspace_settings);
    harness.get_by_label("Keep editing").click();
    harness.run();
    assert!(harness.query_by_label(QUESTION).is_none());
    let draft = harness.state().state.views.settings.workspace.clone();
    assert_eq!(
        draft.map(|w| w.title.en).as_deref(),
        Some("Riverside Municipal Government — Digital Government Maturity (draft)")
    );

    harness.get_by_label("Close window").click();
    harness.run();
    harness.get_by_label("Discard").click();
    harness.run();
    settle(&mut harness);
    let app = harness.state();
    assert!(!app.state.show_workspace_settings, "discarding closes the window");
    assert_eq!(
        app.state.data().unwrap().workspace.title.en,
        "Riverside Municipal Government — Digital Government Maturity"
    );
    assert_eq!(workspace_file(&dir), before, "workspace.ron untouched");
}

#[test]
fn apply_and_close_from_the_question_saves_the_change() {
    let dir = common::copy_workspace(&common::sample_dir());
    let mut harness = common::app(Some(dir.path()));
    open_settings(&mut harness);
    type_into_title(&mut harness, " 2026");
    harness.get_by_label("Close window").click();
    harness.run();
    harness.get_by_label("Apply and close").click();
    harness.run();
    settle(&mut harness);
    assert!(!harness.state().state.show_workspace_settings);
    let text = String::from_utf8(workspace_file(&dir)).unwrap();
    assert!(
        text.contains("en: \"Riverside Municipal Government — Digital Government Maturity 2026\""),
        "{text}"
    );
}

#[test]
fn closing_settings_without_changes_closes_at_once() {
    let dir = common::copy_workspace(&common::sample_dir());
    let mut harness = common::app(Some(dir.path()));
    open_settings(&mut harness);
    harness.get_by_label("Close window").click();
    harness.run();
    assert!(harness.query_by_label(QUESTION).is_none());
    assert!(!harness.state().state.show_workspace_settings);
}

#[test]
fn a_second_target_for_the_same_dimension_is_refused() {
    let dir = common::copy_workspace(&common::sample_dir());
    let before = workspace_file(&dir);
    let mut harness = common::app(Some(dir.path()));
    open_settings(&mut harness);
    // The sample has a workspace-wide target for every dimension, so a new
    // one (all departments, the first dimension) repeats the first.
    harness.get_by_label("Add target").scroll_to_me();
    harness.run();
    harness.get_by_label("Add target").click();
    harness.run();
    assert_eq!(
        harness.state().state.views.settings.dates.len(),
        9,
        "a ninth target row"
    );
    assert!(
        harness.query_by_label(DUPLICATE).is_some(),
        "the message says what is wrong"
    );
    harness.get_by_label("Apply").click();
    harness.run();
    settle(&mut harness);
    assert_eq!(workspace_file(&dir), before, "Apply refused: nothing saved");
    assert_eq!(harness.state().state.data().unwrap().workspace.targets.len(), 8);

    // Removing the repeat clears the message.
    harness
        .get_all_by_label("Remove")
        .last()
        .expect("a Remove button per target")
        .scroll_to_me();
    harness.run();
    harness
        .get_all_by_label("Remove")
        .last()
        .expect("a Remove button per target")
        .click();
    harness.run();
    assert_eq!(harness.state().state.views.settings.dates.len(), 8);
    assert!(harness.query_by_label(DUPLICATE).is_none());
}

#[test]
fn settings_columns_fit_iso_dates_and_department_names() {
    let dir = common::copy_workspace(&common::sample_dir());
    let mut harness = common::app(Some(dir.path()));
    open_settings(&mut harness);
    // Every target date field is wide enough for "2026-12-31" in the body
    // font, and every department name field for the longest sample name.
    let ctx = harness.ctx.clone();
    let width = |text: &str| {
        ctx.fonts_mut(|fonts| {
            fonts
                .layout_no_wrap(
                    text.to_owned(),
                    egui::FontId::proportional(14.0),
                    egui::Color32::BLACK,
                )
                .size()
                .x
        })
    };
    let date = width("2026-12-31");
    let name = width("Human Resources and Social Security Bureau");
    let fields = |value: &'static str| {
        harness
            .get_all_by(move |node| node.role() == Role::TextInput && node.value().as_deref() == Some(value))
            .collect::<Vec<_>>()
    };
    let dates = fields("2026-12-31");
    assert_eq!(dates.len(), 7, "one date per target by 2026-12-31");
    for field in dates {
        let inner = field.rect().width() - 8.0; // the text edit's margins
        assert!(inner >= date, "date field {inner} < {date}");
    }
    let names = fields("Human Resources and Social Security Bureau");
    assert_eq!(names.len(), 1);
    assert!(
        names[0].rect().width() - 8.0 >= name,
        "{} < {name}",
        names[0].rect().width()
    );
}

#[test]
fn a_weight_beyond_the_sliders_usual_range_is_kept_as_written() {
    let dir = common::copy_workspace(&common::sample_dir());
    let path = dir.path().join("workspace.ron");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        text.replace(
            "weights: {},",
            "weights: {\"design\": 20.0, \"sharing.open\": 0.005},",
        ),
    )
    .unwrap();
    let mut harness = common::app(Some(dir.path()));
    open_settings(&mut harness);
    type_into_title(&mut harness, " 2026");
    harness.get_by_label("Close window").click();
    harness.run();
    harness.get_by_label("Apply and close").click();
    harness.run();
    settle(&mut harness);
    let saved = String::from_utf8(workspace_file(&dir)).unwrap();
    assert!(saved.contains("Maturity 2026"), "{saved}");
    // Drawing the weights never clamped them: both are saved as they were.
    assert!(saved.contains("\"design\": 20.0"), "{saved}");
    assert!(saved.contains("\"sharing.open\": 0.005"), "{saved}");
}

#[test]
fn the_official_style_names_are_set_in_the_settings_window() {
    let dir = common::copy_workspace(&common::sample_dir());
    let mut harness = common::app(Some(dir.path()));
    open_settings(&mut harness);
    // Digits and letters that are also shortcuts elsewhere (1–5, N).
    let field = harness.get_by_label("Prepared by");
    field.focus();
    harness.run();
    harness.get_by_label("Prepared by").type_text("Ning 5");
    harness.run();
    harness.get_by_label("Apply").click();
    harness.run();
    settle(&mut harness);
    let text = String::from_utf8(workspace_file(&dir)).unwrap();
    assert!(text.contains("prepared_by: \"Ning 5\""), "{text}");
    assert!(
        text.contains("document_number: \"滨数政办〔2026〕1号\""),
        "kept: {text}"
    );
    assert_eq!(
        harness.state().state.data().unwrap().workspace.report.prepared_by,
        "Ning 5"
    );
}

#[test]
fn a_target_department_and_a_parent_are_chosen_by_typing() {
    let dir = common::copy_workspace(&common::sample_dir());
    let mut harness = common::app(Some(dir.path()));
    open_settings(&mut harness);
    // The first target is for every department; choose one by its pinyin.
    harness
        .get_by_role_and_label(Role::ComboBox, "Department 1")
        .click();
    harness.run();
    // The list's search field has the keyboard.
    harness.event(egui::Event::Text("jyj".into()));
    harness.run();
    harness.key_press(egui::Key::Enter);
    harness.run();
    // A parent for the Education Bureau, typed in English.
    harness
        .get_by_role_and_label(Role::ComboBox, "Parent education-bureau")
        .click();
    harness.run();
    // The list's search field has the keyboard.
    harness.event(egui::Event::Text("big data".into()));
    harness.run();
    harness.key_press(egui::Key::Enter);
    harness.run();
    harness.get_by_label("Apply").click();
    harness.run();
    settle(&mut harness);
    let workspace = &harness.state().state.data().unwrap().workspace;
    assert_eq!(
        workspace.targets[0].department.as_deref(),
        Some("education-bureau")
    );
    let education = workspace.department("education-bureau").unwrap();
    assert_eq!(education.parent.as_deref(), Some("big-data-bureau"));
}
