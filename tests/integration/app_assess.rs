//! The assessment editor as a planning official and a reviewer use it:
//! keyboard entry, saving to disk, undo/redo, the workflow, failed saves,
//! changes made on disk by someone else, and recovery after a crash.

use crate::common;

use std::path::Path;
use std::time::{Duration, Instant};

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use govmaturity::app::session::SaveState;
use govmaturity::app::state::Tab;
use govmaturity::app::{Command, ConflictChoice, GovApp};
use govmaturity::model::{Assessment, Level, Rating, Status};
use govmaturity::store;

const FILE: &str = "education-bureau/2025-12-31.ron";

/// Runs frames until the background file work has finished.
pub(crate) fn settle(harness: &mut Harness<'static, GovApp>) {
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(10) {
        harness.step();
        if !harness.state().is_busy() {
            harness.run();
            if !harness.state().is_busy() {
                return;
            }
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    panic!("background work did not finish");
}

/// Runs frames until `done` holds (or fails after a while).
pub(crate) fn wait_for(harness: &mut Harness<'static, GovApp>, what: &str, done: impl Fn(&GovApp) -> bool) {
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(10) {
        harness.step();
        if done(harness.state()) {
            harness.run();
            return;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    panic!("timed out waiting for {what}");
}

fn on_disk(root: &Path) -> Assessment {
    let path = root.join(FILE);
    store::parse_assessment(&std::fs::read_to_string(&path).unwrap(), Path::new(FILE))
        .unwrap()
        .0
}

/// The app on a copy of the sample, on the Assess view of a department.
pub(crate) fn assess(root: &Path, department: &str) -> Harness<'static, GovApp> {
    let mut harness = common::app(Some(root));
    harness.get_by_label(department).click();
    harness.run();
    harness.get_by_label("Assess").click();
    harness.run();
    settle(&mut harness);
    harness
}

pub(crate) fn working(harness: &Harness<'static, GovApp>) -> Assessment {
    harness
        .state()
        .state
        .session
        .as_ref()
        .expect("an assessment is open")
        .editor
        .assessment
        .clone()
}

#[test]
fn levels_and_evidence_typed_with_the_keyboard_are_saved_to_disk() {
    let dir = common::copy_workspace(&common::sample_dir());
    let mut harness = assess(dir.path(), "Education Bureau");
    assert_eq!(working(&harness).department, "education-bureau");

    // The first indicator (design.strategy) is selected when the view opens.
    harness.key_press(Key::Num5);
    harness.run();
    harness.key_press(Key::ArrowDown); // design.standards
    harness.run();
    harness.key_press(Key::N);
    harness.run();
    let state = working(&harness);
    assert_eq!(
        state.rating("design.strategy"),
        &Rating::Level(Level::new(5).unwrap())
    );
    assert!(state.rating("design.standards").is_not_applicable());

    // N put the focus into the reason field; Escape leaves it.
    harness.key_press(Key::Escape);
    harness.run();
    // Type evidence into the evidence field of the selected indicator.
    harness.key_press(Key::ArrowUp);
    harness.run();
    let field = harness
        .get_all_by_label("Evidence")
        .find(|node| node.accesskit_node().role() == egui::accesskit::Role::MultilineTextInput)
        .expect("an evidence field");
    field.focus();
    harness.run();
    harness.get_all_by_label("Evidence").for_each(|_| {});
    let field = harness
        .get_all_by_label("Evidence")
        .find(|node| node.accesskit_node().role() == egui::accesskit::Role::MultilineTextInput)
        .unwrap();
    field.type_text(" Revised roadmap adopted 2026-01-10.");
    harness.run();

    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    settle(&mut harness);
    let saved = on_disk(dir.path());
    assert_eq!(
        saved.rating("design.strategy"),
        &Rating::Level(Level::new(5).unwrap())
    );
    assert!(
        saved
            .answers
            .get("design.strategy")
            .unwrap()
            .evidence
            .ends_with("Revised roadmap adopted 2026-01-10.")
    );
    assert!(saved.rating("design.standards").is_not_applicable());
    assert!(
        saved
            .audit
            .iter()
            .any(|e| e.what == "level" && e.to == "5" && e.who == "Test User")
    );
    let session = harness.state().state.session.as_ref().unwrap();
    assert_eq!(session.save, SaveState::Saved);
    assert!(harness.query_by_label_contains("Saved").is_some());
}

#[test]
fn undo_and_redo_restore_exact_states() {
    let dir = common::copy_workspace(&common::sample_dir());
    let mut harness = assess(dir.path(), "Education Bureau");
    let original = working(&harness).answers;
    harness.key_press(Key::Num1);
    harness.run();
    harness.key_press(Key::ArrowDown);
    harness.run();
    harness.key_press(Key::Num2);
    harness.run();
    let edited = working(&harness).answers;
    assert_ne!(edited, original);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(
        working(&harness).answers,
        original,
        "two undos restore the loaded answers"
    );
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    harness.run();
    assert_eq!(working(&harness).answers, edited, "two redos restore the edits");
}

#[test]
fn an_approved_assessment_cannot_be_edited() {
    let dir = common::copy_workspace(&common::sample_dir());
    let mut harness = assess(dir.path(), "Finance Bureau");
    let before = working(&harness);
    assert_eq!(before.status, Status::Approved);
    let file = dir.path().join("finance-bureau/2025-12-31.ron");
    let bytes = std::fs::read(&file).unwrap();
    harness.key_press(Key::ArrowDown);
    harness.run();
    harness.key_press(Key::Num1);
    harness.run();
    harness
        .state_mut()
        .push(Command::Edit(govmaturity::app::editor::Edit::Evidence {
            indicator: "design.strategy".into(),
            text: "changed".into(),
        }));
    harness.run();
    settle(&mut harness);
    assert_eq!(working(&harness).answers, before.answers);
    // Said on the page, and again in the notice for the refused edit.
    assert_eq!(
        harness
            .query_all_by_label_contains("Approved assessments are read-only")
            .count(),
        2
    );
    let notice = harness.state().state.notice.clone().map(|n| n.text);
    assert_eq!(
        notice.as_deref(),
        Some("Approved assessments are read-only. Reopen to change them (the reopening is logged).")
    );
    assert_eq!(std::fs::read(&file).unwrap(), bytes);
    assert!(harness.query_by_label("Reopen").is_some());
}

#[test]
fn submit_is_blocked_while_an_indicator_is_unanswered() {
    let dir = common::copy_workspace(&common::sample_dir());
    let mut harness = assess(dir.path(), "Education Bureau");
    let submit = harness.get_by_label("Submit");
    assert!(submit.accesskit_node().is_disabled(), "Submit must be disabled");
    // Even when asked directly, the workflow refuses.
    harness.state_mut().push(Command::Transition {
        to: Status::Submitted,
        comment: String::new(),
    });
    harness.run();
    assert_eq!(working(&harness).status, Status::Draft);
    let notice = harness
        .state()
        .state
        .notice
        .clone()
        .map(|n| n.text)
        .unwrap_or_default();
    assert!(notice.starts_with("Not submitted"), "{notice}");
    assert!(harness.query_by_label_contains("Not submitted").is_some());

    for indicator in ["talent.incentives", "security.vendor", "service.decisions"] {
        harness
            .state_mut()
            .push(Command::Edit(govmaturity::app::editor::Edit::Rating {
                indicator: indicator.into(),
                rating: Rating::Level(Level::new(2).unwrap()),
            }));
    }
    harness.run();
    harness.get_by_label("Submit").click();
    harness.run();
    settle(&mut harness);
    assert_eq!(working(&harness).status, Status::Submitted);
    assert_eq!(on_disk(dir.path()).status, Status::Submitted);
}

/// Makes a folder unwritable even for root (immutable), and undoes it on drop.
struct ReadOnlyFolder(std::path::PathBuf);

impl ReadOnlyFolder {
    fn new(path: &Path) -> Self {
        let mut permissions = std::fs::metadata(path).unwrap().permissions();
        permissions.set_readonly(true);
        std::fs::set_permissions(path, permissions).unwrap();
        if std::fs::write(path.join(".probe"), b"x").is_ok() {
            // Root ignores permissions: use the immutable attribute instead.
            let _ = std::fs::remove_file(path.join(".probe"));
            let status = std::process::Command::new("chattr").arg("+i").arg(path).status();
            assert!(
                status.is_ok_and(|s| s.success()),
                "cannot make {} read-only",
                path.display()
            );
        }
        assert!(
            std::fs::write(path.join(".probe"), b"x").is_err(),
            "folder is still writable"
        );
        ReadOnlyFolder(path.to_path_buf())
    }
}

impl Drop for ReadOnlyFolder {
    fn drop(&mut self) {
        let _ = std::process::Command::new("chattr")
            .arg("-i")
            .arg(&self.0)
            .status();
        if let Ok(metadata) = std::fs::metadata(&self.0) {
            let mut permissions = metadata.permissions();
            #[allow(clippy::permissions_set_readonly_false)]
            permissions.set_readonly(false);
            let _ = std::fs::set_permissions(&self.0, permissions);
        }
    }
}

#[test]
fn a_save_into_a_read_only_folder_keeps_the_edits_and_says_why() {
    let dir = common::copy_workspace(&common::sample_dir());
    let mut harness = assess(dir.path(), "Education Bureau");
    let before = std::fs::read(dir.path().join(FILE)).unwrap();
    let _guard = ReadOnlyFolder::new(&dir.path().join("education-bureau"));
    harness.key_press(Key::Num5);
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    settle(&mut harness);
    let session = harness.state().state.session.as_ref().unwrap();
    assert!(matches!(session.save, SaveState::Failed(_)), "{:?}", session.save);
    assert_eq!(
        session.editor.assessment.rating("design.strategy"),
        &Rating::Level(Level::new(5).unwrap())
    );
    assert!(harness.query_all_by_label_contains("Save failed").count() >= 1);
    assert!(harness.query_by_label("Retry").is_some());
    assert!(harness.query_by_label("Save as…").is_some());
    assert_eq!(
        std::fs::read(dir.path().join(FILE)).unwrap(),
        before,
        "the file on disk is untouched"
    );
    // The edits are also journaled for recovery.
    let journal = dir.path().join(".recovery/education-bureau/2025-12-31.ron");
    let text = std::fs::read_to_string(journal).expect("a recovery journal");
    assert!(text.contains("Level(5)"));
}

#[test]
fn a_change_on_disk_to_the_open_assessment_raises_the_conflict_choice() {
    let dir = common::copy_workspace(&common::sample_dir());
    let mut harness = assess(dir.path(), "Education Bureau");
    harness.key_press(Key::Num5);
    harness.run();
    // Someone else saves the same file meanwhile.
    let path = dir.path().join(FILE);
    let theirs = std::fs::read_to_string(&path)
        .unwrap()
        .replace("Wang Fang 王芳", "Someone Else");
    std::fs::write(&path, &theirs).unwrap();
    wait_for(&mut harness, "the conflict", |app| {
        app.state.session.as_ref().is_some_and(|s| s.theirs.is_some())
    });
    assert!(harness.query_by_label("Reload theirs").is_some());
    assert!(harness.query_by_label("Merge and save").is_some());
    assert!(harness.query_by_label("Save mine as a copy").is_some());
    assert!(
        harness.query_by_label("Keep mine").is_none(),
        "no choice throws away their change to another part"
    );
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        theirs,
        "nothing was overwritten silently"
    );

    // Merged: my level and their assessor, which do not overlap.
    harness.get_by_label("Merge and save").click();
    harness.run();
    settle(&mut harness);
    let saved = on_disk(dir.path());
    assert_eq!(
        saved.rating("design.strategy"),
        &Rating::Level(Level::new(5).unwrap())
    );
    assert_eq!(saved.assessor, "Someone Else", "their change is kept");
    assert!(harness.state().state.session.as_ref().unwrap().theirs.is_none());
}

#[test]
fn edits_on_both_sides_merge_and_each_overlap_is_chosen() {
    let dir = common::copy_workspace(&common::sample_dir());
    let mut harness = assess(dir.path(), "Education Bureau");
    let mut theirs = on_disk(dir.path());
    // Mine: design.strategy to 5 and data.sharing's evidence.
    harness
        .state_mut()
        .push(Command::Edit(govmaturity::app::editor::Edit::Rating {
            indicator: "design.strategy".into(),
            rating: Rating::Level(Level::new(5).unwrap()),
        }));
    harness
        .state_mut()
        .push(Command::Edit(govmaturity::app::editor::Edit::Evidence {
            indicator: "sharing.open".into(),
            text: "Mine: the sharing agreement".into(),
        }));
    harness.run();
    // Theirs, saved meanwhile: design.strategy to 2 (overlaps) and
    // design.evaluation to 4 (does not).
    theirs.answers.entry("design.strategy".into()).or_default().rating =
        Rating::Level(Level::new(2).unwrap());
    theirs
        .answers
        .entry("design.evaluation".into())
        .or_default()
        .rating = Rating::Level(Level::new(4).unwrap());
    std::fs::write(dir.path().join(FILE), store::to_ron(&theirs).unwrap()).unwrap();
    wait_for(&mut harness, "the conflict", |app| {
        app.state.session.as_ref().is_some_and(|s| s.theirs.is_some())
    });
    assert!(
        harness
            .query_by_label_contains("1 thing was changed on both sides")
            .is_some()
    );
    assert!(
        harness
            .query_by_label_contains("Their changes kept: Monitoring & evaluation")
            .is_some(),
        "their other change is named"
    );
    // Keep theirs for the overlap.
    harness
        .get_by_role_and_label(egui::accesskit::Role::RadioButton, "Theirs")
        .click();
    harness.run();
    harness.get_by_label("Merge and save").click();
    harness.run();
    settle(&mut harness);
    let saved = on_disk(dir.path());
    assert_eq!(saved.level("design.strategy"), Level::new(2), "theirs, as chosen");
    assert_eq!(
        saved.level("design.evaluation"),
        Level::new(4),
        "their other change"
    );
    assert_eq!(
        saved.answers.get("sharing.open").unwrap().evidence,
        "Mine: the sharing agreement"
    );
    assert_eq!(working(&harness), saved, "the editor holds what was saved");
}

#[test]
fn reloading_theirs_drops_my_edits_and_a_copy_keeps_them() {
    let dir = common::copy_workspace(&common::sample_dir());
    let mut harness = assess(dir.path(), "Education Bureau");
    harness.key_press(Key::Num5);
    harness.run();
    let path = dir.path().join(FILE);
    let theirs = std::fs::read_to_string(&path)
        .unwrap()
        .replace("Wang Fang 王芳", "Someone Else");
    std::fs::write(&path, &theirs).unwrap();
    wait_for(&mut harness, "the conflict", |app| {
        app.state.session.as_ref().is_some_and(|s| s.theirs.is_some())
    });
    harness
        .state_mut()
        .push(Command::ResolveConflict(ConflictChoice::Copy));
    harness.run();
    settle(&mut harness);
    assert_eq!(working(&harness).assessor, "Someone Else");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), theirs);
    let copies: Vec<_> = std::fs::read_dir(dir.path().join("education-bureau"))
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().contains("conflict"))
        .collect();
    assert_eq!(copies.len(), 1, "my version is kept as a copy");
    assert!(
        std::fs::read_to_string(copies[0].path())
            .unwrap()
            .contains("Level(5)")
    );
}

#[test]
fn a_recovery_file_is_offered_and_restores_the_edits() {
    let dir = common::copy_workspace(&common::sample_dir());
    let mut recovered = on_disk(dir.path());
    recovered
        .answers
        .entry("design.strategy".into())
        .or_default()
        .evidence = "Recovered after a crash".into();
    let journal = dir.path().join(".recovery/education-bureau/2025-12-31.ron");
    std::fs::create_dir_all(journal.parent().unwrap()).unwrap();
    std::fs::write(&journal, store::to_ron(&recovered).unwrap()).unwrap();

    let mut harness = common::app(Some(dir.path()));
    assert!(
        harness
            .query_by_label_contains("Unsaved edits from an earlier session")
            .is_some()
    );
    harness.get_by_label("Restore").click();
    harness.run();
    settle(&mut harness);
    assert_eq!(harness.state().prefs.tab, Tab::Assess);
    assert_eq!(working(&harness).answers, recovered.answers);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    settle(&mut harness);
    assert_eq!(
        on_disk(dir.path())
            .answers
            .get("design.strategy")
            .unwrap()
            .evidence,
        "Recovered after a crash"
    );
    assert!(!journal.exists(), "the journal is removed once saved");
}

#[test]
fn workspace_settings_changes_are_saved_and_followed_at_once() {
    let dir = common::copy_workspace(&common::sample_dir());
    let mut harness = common::app(Some(dir.path()));
    let mut workspace = harness.state().state.data().unwrap().workspace.clone();
    workspace.title.en = "Renamed workspace".into();
    workspace.departments[0].archived = true;
    harness
        .state_mut()
        .push(Command::UpdateWorkspace(Box::new(workspace)));
    harness.run();
    settle(&mut harness);
    let text = std::fs::read_to_string(dir.path().join("workspace.ron")).unwrap();
    assert!(text.contains("Renamed workspace"));
    let summary = &harness.state().state.derived.as_ref().unwrap().summary;
    assert_eq!(
        summary.departments.len(),
        11,
        "the archived department leaves the dashboard"
    );
    assert!(harness.query_by_label("Big Data Bureau").is_none());
}

#[test]
fn an_answer_rescores_its_department_only_and_typing_evidence_rescores_nothing() {
    let dir = common::copy_workspace(&common::sample_dir());
    let mut harness = assess(dir.path(), "Education Bureau");
    let figures =
        |harness: &Harness<'static, GovApp>| harness.state().state.derived.as_ref().unwrap().revision();
    let fresh = |harness: &Harness<'static, GovApp>| {
        let app = &harness.state().state;
        govmaturity::analysis::summarize_on(app.data().unwrap(), app.selection.period, app.selection.basis)
    };
    let before = figures(&harness);
    {
        // The plan's figures made before the edit, so the edit has to update them.
        let app = &harness.state().state;
        let derived = app.derived.as_ref().unwrap();
        let _ = derived.plan(app.data().unwrap(), govmaturity::model::Lang::En);
        let _ = derived.plan_glance(app.data().unwrap(), govmaturity::model::Lang::En);
        for lang in govmaturity::model::Lang::ALL {
            let _ = derived.overview(app.data().unwrap(), lang);
        }
    }

    harness
        .state_mut()
        .push(Command::Edit(govmaturity::app::editor::Edit::Evidence {
            indicator: "design.strategy".into(),
            text: "Roadmap adopted".into(),
        }));
    harness.run();
    assert_eq!(
        working(&harness).answers.get("design.strategy").unwrap().evidence,
        "Roadmap adopted"
    );
    assert_eq!(figures(&harness), before, "typing evidence re-scores nothing");
    assert_eq!(
        harness.state().state.derived.as_ref().unwrap().summary,
        fresh(&harness)
    );

    let old = working(&harness).rating("design.strategy").clone();
    let new = if old == Rating::Level(Level::new(1).unwrap()) {
        5
    } else {
        1
    };
    harness
        .state_mut()
        .push(Command::Edit(govmaturity::app::editor::Edit::Rating {
            indicator: "design.strategy".into(),
            rating: Rating::Level(Level::new(new).unwrap()),
        }));
    harness.run();
    assert_ne!(figures(&harness), before, "an answer changes the figures");
    let app = &harness.state().state;
    let derived = app.derived.as_ref().unwrap();
    assert_eq!(
        derived.summary,
        fresh(&harness),
        "the department's figures made again equal a full recount"
    );
    let data = app.data().unwrap();
    let whole = govmaturity::app::state::Derived::compute(
        data,
        0,
        app.selection.period,
        app.selection.basis,
        derived.today,
    );
    for lang in govmaturity::model::Lang::ALL {
        assert_eq!(
            derived.overview(data, lang),
            whole.overview(data, lang),
            "the Overview, updated for one department, follows"
        );
    }
    assert_eq!(
        derived.plan(data, govmaturity::model::Lang::En),
        &govmaturity::present::plan::plan(
            data,
            &derived.summary,
            govmaturity::model::Lang::En,
            derived.today
        ),
        "the plan and the targets' progress follow"
    );
    assert_eq!(
        derived.priorities(data),
        govmaturity::analysis::priorities(data, &derived.summary),
        "the priorities made again for one department equal a full recount"
    );
    let plan = derived.plan(data, govmaturity::model::Lang::En);
    let glance = derived.plan_glance(data, govmaturity::model::Lang::En);
    assert_eq!(
        (glance.open, glance.overdue, glance.uncovered),
        (plan.counts.open, plan.counts.overdue, plan.counts.uncovered),
        "the Overview's plan counts are the plan's"
    );
    assert!(!glance.rollup_indicators.is_empty());
    assert_eq!(
        glance.rollup_indicators,
        plan.rollup_indicators()
            .take(govmaturity::present::plan::GLANCE_ROLLUP)
            .cloned()
            .collect::<Vec<_>>(),
        "the Overview's roll-up lines are the plan's"
    );
    // Each gap's badge counts the department's open actions on it.
    let mut badges = 0;
    for department in data.workspace.departments.iter().map(|d| d.id.as_str()) {
        let own = plan.of_department(department);
        for (_, indicator) in data.framework.indicators() {
            let open: Vec<_> = own
                .actions
                .iter()
                .filter(|a| a.status.is_open() && a.indicators.contains(&indicator.id))
                .collect();
            let expected = (open.len(), open.iter().filter(|a| a.overdue).count());
            badges += expected.0;
            assert_eq!(
                derived.action_badge(data, department, &indicator.id),
                expected,
                "{department} {}",
                indicator.id
            );
        }
    }
    assert!(badges > 0, "the sample has open actions to count");
}
