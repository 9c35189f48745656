//! A second app on a workspace another app has open: told who has it,
//! read-only until the user chooses to edit anyway. And the recovery
//! journal of an app that stopped without saving.

use std::path::Path;
use std::time::{Duration, Instant};

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use govmaturity::app::{Command, GovApp};
use govmaturity::store;

use crate::app_assess::settle;
use crate::common;

const BANNER_EN: &str = "has this workspace open on";
const EDIT_ANYWAY: &str = "Open anyway (editing)";

fn locking_app(workspace: &Path) -> Harness<'static, GovApp> {
    let workspace = workspace.to_path_buf();
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .with_max_steps(64)
        .with_theme(egui::Theme::Light)
        .build_eframe(move |cc| GovApp::for_tests_locking(&cc.egui_ctx, &workspace));
    harness.run();
    harness
}

fn renamed(harness: &Harness<'static, GovApp>) -> Command {
    let open = harness.state().state.workspace.as_ref().unwrap();
    let mut workspace = open.loaded.data.workspace.clone();
    workspace.title.en.push_str(" (renamed)");
    Command::UpdateWorkspace(Box::new(workspace))
}

#[test]
fn a_second_app_opens_read_only_and_says_who_has_the_workspace() {
    let dir = common::copy_workspace(&common::sample_dir());
    let first = locking_app(dir.path());
    assert!(first.query_by_label_contains(BANNER_EN).is_none());
    let holder = store::read_holder(dir.path()).unwrap();
    assert_eq!(
        (holder.user.as_str(), holder.pid),
        ("Test User", std::process::id())
    );

    let mut second = locking_app(dir.path());
    let banner = format!("Read-only: Test User has this workspace open on {}", holder.host);
    assert!(
        second.query_by_label_contains(&banner).is_some(),
        "the banner names the holder"
    );
    assert!(
        second
            .query_by_label_contains("nothing can be changed or saved")
            .is_some()
    );

    // An edit is refused, and nothing on disk changes.
    let before = std::fs::read(dir.path().join("workspace.ron")).unwrap();
    let rename = renamed(&second);
    second.state_mut().push(rename);
    second.run();
    settle(&mut second);
    let notice = second
        .state()
        .state
        .notice
        .clone()
        .map(|n| n.text)
        .unwrap_or_default();
    assert!(
        notice.contains("open read-only because another window has it"),
        "{notice}"
    );
    assert_eq!(std::fs::read(dir.path().join("workspace.ron")).unwrap(), before);

    // In Chinese too.
    second.get_by_label("简体中文").click();
    second.run();
    assert!(second.query_by_label_contains("上打开了此工作区。").is_some());
    assert!(second.query_by_label("仍然打开（可编辑）").is_some());
    second.get_by_label("English").click();
    second.run();

    // The user insists: editing works, and the banner goes.
    second.get_by_label(EDIT_ANYWAY).click();
    second.run();
    assert!(second.query_by_label_contains(BANNER_EN).is_none());
    let rename = renamed(&second);
    second.state_mut().push(rename);
    second.run();
    settle(&mut second);
    let saved = std::fs::read_to_string(dir.path().join("workspace.ron")).unwrap();
    assert!(saved.contains("(renamed)"));

    // Once the first app is gone, the next one holds the workspace.
    drop(first);
    let third = locking_app(dir.path());
    assert!(third.query_by_label_contains(BANNER_EN).is_none());
    assert!(third.state().state.held_elsewhere.is_none());
}

#[test]
fn edits_of_an_app_stopped_without_saving_are_restored_from_its_journal() {
    let dir = common::copy_workspace(&common::sample_dir());
    let journal = dir.path().join(".recovery/education-bureau/2025-12-31.ron");
    {
        let mut harness = crate::app_assess::assess(dir.path(), "Education Bureau");
        harness
            .state_mut()
            .push(Command::Edit(govmaturity::app::editor::Edit::Evidence {
                indicator: "design.strategy".into(),
                text: "Typed just before the crash".into(),
            }));
        harness.run();
        let started = Instant::now();
        while !journal.exists() && started.elapsed() < Duration::from_secs(10) {
            harness.step();
            std::thread::sleep(Duration::from_millis(10));
        }
        assert!(journal.exists(), "the journal is written while typing");
        // Stopped here: no save, no clean shutdown of the editor.
    }
    let on_disk = std::fs::read_to_string(dir.path().join("education-bureau/2025-12-31.ron")).unwrap();
    assert!(
        !on_disk.contains("Typed just before the crash"),
        "the edit was not saved"
    );

    let mut harness = common::app(Some(dir.path()));
    assert!(
        harness
            .query_by_label_contains("Unsaved edits from an earlier session")
            .is_some()
    );
    harness.get_by_label("Restore").click();
    harness.run();
    settle(&mut harness);
    let working = crate::app_assess::working(&harness);
    assert_eq!(
        working
            .answers
            .get("design.strategy")
            .map(|a| a.evidence.as_str()),
        Some("Typed just before the crash")
    );
}
