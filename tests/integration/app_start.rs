//! Starting without a file dialog: the welcome screen's buttons, and
//! Export… and New workspace… taking a typed path where no dialog can be
//! shown (a remote session, a system without a portal).

use crate::app_assess::{settle, wait_for};
use crate::common;

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use govmaturity::app::{Command, GovApp};
use govmaturity::model::Lang;

/// Replaces the text of the typed-path field.
fn type_path(harness: &mut Harness<'static, GovApp>, path: &str) {
    let field = harness.get_by_label("Path");
    field.focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.run();
    harness.get_by_label("Path").type_text(path);
    harness.run();
}

fn prompt_path(harness: &Harness<'static, GovApp>) -> Option<String> {
    harness
        .state()
        .state
        .paths
        .prompt
        .as_ref()
        .map(|p| p.path.clone())
}

#[test]
fn welcome_screen_offers_new_workspace_and_the_sample() {
    let mut harness = common::app(None);
    assert!(harness.query_by_label("New workspace…").is_some());
    // Tests run in the repository, where the sample sits in assessments/.
    harness.get_by_label("Open the sample workspace").click();
    wait_for(&mut harness, "the sample to be read", |app| {
        app.state.loading.is_none()
    });
    let app = harness.state();
    let data = app.state.data().expect("the sample is open");
    assert_eq!(data.workspace.departments.len(), 12);
    assert!(harness.query_by_label("Finance Bureau").is_some());
}

#[test]
fn new_workspace_without_a_dialog_takes_a_typed_folder() {
    let parent = tempfile::tempdir().unwrap();
    let folder = parent.path().join("pilot").join("riverside");
    let mut harness = common::app(None);
    harness.state_mut().without_file_dialogs();
    harness.get_by_label("New workspace…").click();
    harness.run();
    // The window says what to do, with a default folder already filled in.
    assert!(
        harness
            .query_by_label_contains("Type the folder for the new workspace")
            .is_some()
    );
    let default = prompt_path(&harness).expect("the typed-path window is open");
    assert!(default.ends_with("new-workspace"), "{default}");
    type_path(&mut harness, folder.to_str().unwrap());
    harness.get_by_label("Create").click();
    harness.run();
    settle(&mut harness);

    // The folder was made, holds a workspace, and the app has it open.
    let text = std::fs::read_to_string(folder.join("workspace.ron")).unwrap();
    assert!(text.contains("en: \"riverside\""), "{text}");
    assert!(text.contains("departments: []"), "{text}");
    let app = harness.state();
    assert_eq!(app.state.workspace.as_ref().unwrap().loaded.root, folder);
    assert!(app.state.paths.prompt.is_none(), "the window closed");
}

#[test]
fn export_without_a_dialog_writes_to_reports_in_the_workspace() {
    let dir = common::copy_workspace(&common::sample_dir());
    let mut harness = common::app(Some(dir.path()));
    harness.state_mut().without_file_dialogs();
    harness.get_by_label("Export…").click();
    harness.run();
    harness.get_by_label("HTML (Whole government)").click();
    harness.run();

    let expected = dir.path().join("reports").join("2025-12-31-en.html");
    assert_eq!(prompt_path(&harness).as_deref(), expected.to_str());
    assert!(
        harness
            .query_by_label_contains("No file dialog can be shown here")
            .is_some(),
        "the window says why and what to do"
    );
    harness.get_by_label("Export").click();
    harness.run();
    wait_for(&mut harness, "the export", |app| !app.state.exporting);
    let html = std::fs::read_to_string(&expected).expect("reports/ was created and the report written");
    assert!(html.contains("<html"), "an HTML report");

    // The next export never suggests the same file again.
    harness.get_by_label("Export…").click();
    harness.run();
    harness.get_by_label("HTML (Whole government)").click();
    harness.run();
    let free = dir.path().join("reports").join("2025-12-31-en-2.html");
    assert_eq!(prompt_path(&harness).as_deref(), free.to_str());
    harness.get_by_label("Cancel").click();
    harness.run();
    assert!(harness.state().state.paths.prompt.is_none());
}

#[test]
fn export_asks_before_overwriting_a_typed_file() {
    let dir = common::copy_workspace(&common::sample_dir());
    let existing = dir.path().join("brief.html");
    std::fs::write(&existing, "my notes").unwrap();
    let mut harness = common::app(Some(dir.path()));
    harness.state_mut().without_file_dialogs();
    harness.get_by_label("Export…").click();
    harness.run();
    harness.get_by_label("HTML (Whole government)").click();
    harness.run();
    type_path(&mut harness, existing.to_str().unwrap());
    harness.get_by_label("Export").click();
    harness.run();

    // Nothing written yet: the window asks, offering a free name.
    assert!(
        harness
            .query_by_label_contains("This file exists already:")
            .is_some()
    );
    assert_eq!(std::fs::read_to_string(&existing).unwrap(), "my notes");
    harness.get_by_label("Use a new name: brief-2.html").click();
    harness.run();
    let free = dir.path().join("brief-2.html");
    assert_eq!(prompt_path(&harness).as_deref(), free.to_str());
    harness.get_by_label("Export").click();
    harness.run();
    wait_for(&mut harness, "the export", |app| !app.state.exporting);
    assert!(std::fs::read_to_string(&free).unwrap().contains("<html"));
    assert_eq!(
        std::fs::read_to_string(&existing).unwrap(),
        "my notes",
        "never overwritten"
    );
}

#[test]
fn export_overwrites_a_typed_file_only_when_told() {
    let dir = common::copy_workspace(&common::sample_dir());
    let existing = dir.path().join("brief.html");
    std::fs::write(&existing, "old report").unwrap();
    let mut harness = common::app(Some(dir.path()));
    harness.state_mut().without_file_dialogs();
    harness.get_by_label("Export…").click();
    harness.run();
    harness.get_by_label("HTML (Whole government)").click();
    harness.run();
    type_path(&mut harness, existing.to_str().unwrap());
    harness.get_by_label("Export").click();
    harness.run();
    harness.get_by_label("Overwrite it").click();
    harness.run();
    wait_for(&mut harness, "the export", |app| !app.state.exporting);
    assert!(std::fs::read_to_string(&existing).unwrap().contains("<html"));
}

#[test]
fn a_folder_without_a_workspace_says_how_to_create_one_in_chinese() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = common::app(None);
    harness.state_mut().prefs.lang = Lang::Zh;
    harness
        .state_mut()
        .push(Command::OpenWorkspace(dir.path().to_path_buf()));
    wait_for(&mut harness, "the folder to be read", |app| {
        app.state.loading.is_none()
    });
    let expected = format!(
        "{} 中没有 workspace.ron，不是工作区。请打开其他文件夹，或通过“工作区 → 新建工作区…”在该处创建空工作区",
        dir.path().display()
    );
    assert!(harness.query_by_label_contains(&expected).is_some());
    assert!(
        harness.query_by_label("新建工作区…").is_some(),
        "the button it names is there"
    );
}

#[test]
fn export_writes_an_official_brief_from_the_menu() {
    let dir = common::copy_workspace(&common::sample_dir());
    let mut harness = common::app(Some(dir.path()));
    harness.state_mut().without_file_dialogs();
    harness.get_by_label("Export…").click();
    harness.run();
    harness.get_by_label("Official document style").click();
    harness.run();
    assert!(
        harness.state().state.export_official,
        "the check box turns the official style on"
    );
    // The menu stays open after the check box; pick the brief as Word.
    harness.get_by_label("Brief · Word (Whole government)").click();
    harness.run();
    let expected = dir
        .path()
        .join("reports")
        .join("2025-12-31-brief-official-en.docx");
    assert_eq!(prompt_path(&harness).as_deref(), expected.to_str());
    harness.get_by_label("Export").click();
    harness.run();
    wait_for(&mut harness, "the export", |app| !app.state.exporting);
    let bytes = std::fs::read(&expected).expect("the brief was written");
    assert_eq!(&bytes[..2], b"PK", "a Word document is a zip");
}

#[test]
fn a_workspace_opens_in_the_background_with_its_progress_shown() {
    // While a folder is being read the window is drawn and says so.
    let mut harness = common::app(None);
    harness.state_mut().prefs.lang = Lang::Zh;
    let (sender, result) = std::sync::mpsc::channel();
    harness.state_mut().state.loading = Some(govmaturity::app::state::Loading {
        folder: "/big/workspace".into(),
        progress: Default::default(),
        result,
    });
    harness.step();
    assert!(harness.query_by_label_contains("正在读取工作区").is_some());
    assert!(harness.query_by_label("/big/workspace").is_some());
    drop(sender);

    // A real folder: read in the background, then the dashboard.
    let dir = common::copy_workspace(&common::sample_dir());
    let mut harness = common::app(None);
    harness
        .state_mut()
        .push(Command::OpenWorkspace(dir.path().to_path_buf()));
    wait_for(&mut harness, "the folder to be read", |app| {
        app.state.loading.is_none()
    });
    assert!(harness.state().state.workspace.is_some());
    assert!(
        harness.state().state.derived.is_some(),
        "the figures follow at once"
    );
    assert!(
        harness.query_by_label("Overview").is_some(),
        "the dashboard is shown"
    );
}

/// An installed app has no `assessments/` beside it, and the packaged sample
/// (`/usr/share/govmaturity/sample`) is read only: "Open the sample
/// workspace" writes the user's own copy the first time and opens that copy
/// as it is afterwards, so the changes made to it are kept.
#[test]
fn away_from_the_repository_the_sample_is_the_users_own_copy() {
    let home = tempfile::tempdir().unwrap();
    let copy = home.path().join("数据 data").join("sample");
    let mut harness = common::app(None);
    harness
        .state_mut()
        .set_sample_folders(home.path().join("no-such-folder"), Some(copy.clone()));
    harness.run();
    harness.get_by_label("Open the sample workspace").click();
    wait_for(&mut harness, "the copy to be read", |app| {
        app.state.loading.is_none()
    });
    let data = harness.state().state.data().expect("the copy is open");
    assert_eq!(data.workspace.departments.len(), 12);
    assert!(copy.join("workspace.ron").is_file());
    // The copy is the shipped sample: `validate` finds nothing wrong.
    let loaded = govmaturity::store::load(&copy).unwrap();
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);

    // The user's change to the copy survives the next "Open the sample".
    let workspace_file = copy.join("workspace.ron");
    let changed =
        std::fs::read_to_string(&workspace_file)
            .unwrap()
            .replacen("Riverside", "Riverside (practice)", 1);
    assert!(changed.contains("Riverside (practice)"));
    std::fs::write(&workspace_file, &changed).unwrap();
    harness.state_mut().push(Command::CloseWorkspace);
    harness.run();
    harness.get_by_label("Open the sample workspace").click();
    wait_for(&mut harness, "the copy to be read again", |app| {
        app.state.loading.is_none() && app.state.data().is_some()
    });
    assert_eq!(std::fs::read_to_string(&workspace_file).unwrap(), changed);

    // A folder in the way that is not a workspace is named, and left alone.
    let blocked = home.path().join("blocked");
    std::fs::create_dir_all(&blocked).unwrap();
    std::fs::write(blocked.join("notes.txt"), "mine").unwrap();
    let mut harness = common::app(None);
    harness
        .state_mut()
        .set_sample_folders(home.path().join("no-such-folder"), Some(blocked.clone()));
    harness.run();
    harness.get_by_label("Open the sample workspace").click();
    harness.run();
    let notice = harness.state().state.notice.clone().expect("a notice");
    assert!(notice.error);
    assert!(notice.text.contains("blocked"), "{}", notice.text);
    assert_eq!(
        std::fs::read_to_string(blocked.join("notes.txt")).unwrap(),
        "mine"
    );
    assert!(!blocked.join("workspace.ron").exists());
}
