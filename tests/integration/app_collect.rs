//! Questionnaires from the app, as an office uses it: "Send
//! questionnaires…" writes one workbook per department into a folder;
//! "Import questionnaires…" checks every returned workbook in a folder,
//! shows what each would change or what is wrong, and imports on request.

use std::path::Path;

use egui_kittest::kittest::Queryable;
use govmaturity::app::Command;
use govmaturity::model::{Lang, Level};
use govmaturity::store;

use crate::app_assess::{settle, wait_for};
use crate::common;
use crate::questionnaire::{Typed, fill};

const ANSWERS: &str = "xl/worksheets/sheet2.xml";

#[test]
fn questionnaires_go_out_to_a_folder_and_come_back_in_after_a_check() {
    let ws = common::copy_workspace(&common::sample_dir());
    let root = ws.path();
    let mut harness = common::app(Some(root));
    harness.state_mut().without_file_dialogs();
    harness.get_by_label("Workspace").click();
    harness.run();
    harness.get_by_label("Send questionnaires…").click();
    harness.run();
    // The half-year after the newest assessment is suggested.
    assert!(harness.query_by_label("All departments (12)").is_some());
    harness.get_by_label("Choose a folder…").click();
    harness.run();
    harness.get_by_label("Use this folder").click();
    harness.run();
    settle(&mut harness);
    let folder = root.join("questionnaires-2026-06-30");
    let notice = harness
        .state()
        .state
        .notice
        .clone()
        .map(|n| n.text)
        .unwrap_or_default();
    assert!(notice.contains("12"), "{notice}");
    let mut sent: Vec<String> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    sent.sort();
    assert_eq!(sent.len(), 12, "{sent:?}");
    assert!(sent.contains(&"finance-bureau.xlsx".to_owned()));

    // Two come back: one filled well, one with a level of 7; plus an
    // office suite's lock file, which is not a questionnaire.
    let returned = tempfile::tempdir().unwrap();
    let blank = std::fs::read(folder.join("finance-bureau.xlsx")).unwrap();
    let good = fill(
        &blank,
        ANSWERS,
        &[
            ("F4", Typed::Number(4.0)),
            ("G4", Typed::Text("Strategy approved in May")),
        ],
    );
    std::fs::write(returned.path().join("finance-bureau.xlsx"), good).unwrap();
    let blank = std::fs::read(folder.join("education-bureau.xlsx")).unwrap();
    let bad = fill(&blank, ANSWERS, &[("F4", Typed::Number(7.0))]);
    std::fs::write(returned.path().join("education-bureau.xlsx"), bad).unwrap();
    std::fs::write(returned.path().join("~$finance-bureau.xlsx"), b"lock").unwrap();

    harness.push_import(returned.path());
    // Checked, nothing written yet.
    assert!(!root.join("finance-bureau/2026-06-30.ron").exists());
    assert!(
        harness
            .query_by_label_contains("education-bureau.xlsx:Answers!F4: level 7")
            .is_some(),
        "the bad cell is named"
    );
    // Who answered: typed, as the covers were left empty.
    harness
        .get_by_label("Who answered (empty: the name on each cover)")
        .click();
    harness.run();
    harness
        .get_by_label("Who answered (empty: the name on each cover)")
        .type_text("Wang Fang 5");
    harness.run();
    harness.get_by_label("Check again").click();
    harness.run();
    settle(&mut harness);
    harness.get_by_label("Import 1 file").click();
    harness.run();
    settle(&mut harness);
    wait_for(&mut harness, "the reload", |app| {
        app.state.data().is_some_and(|d| {
            d.find(
                "finance-bureau",
                chrono::NaiveDate::from_ymd_opt(2026, 6, 30).unwrap(),
            )
            .is_some()
        })
    });
    let text = std::fs::read_to_string(root.join("finance-bureau/2026-06-30.ron")).unwrap();
    let (saved, _) = store::parse_assessment(&text, Path::new("finance-bureau/2026-06-30.ron")).unwrap();
    assert_eq!(saved.level("design.strategy"), Level::new(4));
    assert_eq!(
        saved.answers.get("design.strategy").unwrap().evidence,
        "Strategy approved in May"
    );
    assert!(saved.audit.iter().any(|e| e.who == "Wang Fang 5"));
    assert!(
        !root.join("education-bureau/2026-06-30.ron").exists(),
        "the bad file stays out"
    );
    assert!(
        harness
            .query_by_label("2 files: 1 imported, 1 not imported")
            .is_some()
    );
    harness.state_mut().push(Command::CloseImport);
    harness.run();
    assert!(harness.state().state.collect.import.is_none());
}

#[test]
fn the_windows_speak_chinese() {
    let ws = common::copy_workspace(&common::sample_dir());
    let mut harness = common::app(Some(ws.path()));
    harness.state_mut().push(Command::SetLang(Lang::Zh));
    harness.state_mut().push(Command::ShowSend);
    harness.run();
    assert!(harness.query_by_label("发送调查表").is_some());
    assert!(harness.query_by_label("全部部门（12 个）").is_some());
    assert!(harness.query_by_label("选择文件夹…").is_some());
}

trait PushImport {
    fn push_import(&mut self, folder: &Path);
}

impl PushImport for egui_kittest::Harness<'static, govmaturity::app::GovApp> {
    /// Chooses `folder` in "Import questionnaires…" and waits for the check.
    fn push_import(&mut self, folder: &Path) {
        self.state_mut().push(Command::PathTyped {
            purpose: govmaturity::app::state::DialogPurpose::ImportQuestionnaires,
            path: folder.to_path_buf(),
        });
        self.run();
        settle(self);
    }
}
