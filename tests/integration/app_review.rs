//! Review that means something (issue 8 §4): the assessor, or anyone who
//! changed the answers since the last approval, cannot approve (and is told
//! why, in both languages) unless the workspace allows self-approval;
//! reopening asks for a reason that goes into the audit log; submitting or
//! approving with carried-over evidence nobody confirmed asks first; the
//! audit panel speaks the user's language.

use chrono::NaiveDate;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use govmaturity::app::{Command, GovApp};
use govmaturity::model::{Lang, Status};

use crate::app_assess::{assess, settle, wait_for, working};
use crate::app_typing::{read, type_keys};
use crate::common;

const HEALTH: &str = "health-commission/2025-12-31.ron";

fn set_user(harness: &mut Harness<'static, GovApp>, name: &str) {
    harness.state_mut().push(Command::SetUserName(name.into()));
    harness.run();
}

fn is_disabled(harness: &Harness<'static, GovApp>, label: &str) -> bool {
    harness.get_by_label(label).accesskit_node().is_disabled()
}

/// The button labelled `label` lowest on the screen (a dialog's, not the
/// toolbar's behind it).
fn lowest<'h>(harness: &'h Harness<'static, GovApp>, label: &'h str) -> egui_kittest::Node<'h> {
    harness
        .get_all_by_label(label)
        .max_by(|a, b| a.rect().top().total_cmp(&b.rect().top()))
        .unwrap_or_else(|| panic!("no {label}"))
}

#[test]
fn the_assessor_cannot_approve_and_is_told_why_in_both_languages() {
    let dir = common::copy_workspace(&common::sample_dir());
    let before = std::fs::read(dir.path().join(HEALTH)).unwrap();
    let mut harness = assess(dir.path(), "Health Commission");
    set_user(&mut harness, "Huang Min 黄敏");
    assert!(is_disabled(&harness, "Approve"));
    assert!(
        harness
            .query_by_label(
                "You cannot approve: you are the assessor of this assessment. Someone else must approve it."
            )
            .is_some()
    );
    // Asked directly, the workflow refuses too, and says why.
    harness.state_mut().push(Command::Transition {
        to: Status::Approved,
        comment: String::new(),
    });
    harness.run();
    settle(&mut harness);
    assert_eq!(working(&harness).status, Status::Submitted);
    assert_eq!(
        std::fs::read(dir.path().join(HEALTH)).unwrap(),
        before,
        "the file is untouched"
    );

    harness.state_mut().push(Command::SetLang(Lang::Zh));
    harness.run();
    assert!(is_disabled(&harness, "批准"));
    assert!(
        harness
            .query_by_label("您不能批准：您是本评估的评估人，须由他人批准。")
            .is_some()
    );

    let notice = harness.state().state.notice.clone().map(|n| n.text);
    assert_eq!(
        notice.as_deref(),
        Some("You cannot approve: you are the assessor of this assessment. Someone else must approve it.")
    );

    // Someone else may approve.
    harness.state_mut().push(Command::DismissNotice);
    harness.state_mut().push(Command::SetLang(Lang::En));
    set_user(&mut harness, "Sun Hui 孙慧");
    assert!(!is_disabled(&harness, "Approve"));
    assert!(harness.query_by_label_contains("You cannot approve").is_none());
    harness.get_by_label("Approve").click();
    harness.run();
    settle(&mut harness);
    let saved = read(dir.path(), HEALTH);
    assert_eq!(saved.status, Status::Approved);
    assert_eq!(saved.reviewer, "Sun Hui 孙慧");
}

#[test]
fn whoever_changed_answers_cannot_approve_them() {
    let dir = common::copy_workspace(&common::sample_dir());
    let mut harness = assess(dir.path(), "Education Bureau");
    // Test User answers the three open indicators and submits.
    for indicator in ["talent.incentives", "security.vendor", "service.decisions"] {
        harness
            .state_mut()
            .push(Command::Edit(govmaturity::app::editor::Edit::Rating {
                indicator: indicator.into(),
                rating: govmaturity::model::Rating::Level(govmaturity::model::Level::new(2).unwrap()),
            }));
    }
    harness.run();
    harness.get_by_label("Submit").click();
    harness.run();
    settle(&mut harness);
    assert_eq!(working(&harness).status, Status::Submitted);
    assert!(is_disabled(&harness, "Approve"));
    assert!(
        harness
            .query_by_label(
                "You cannot approve: you changed answers since the last approval. Someone else must approve it."
            )
            .is_some()
    );
    set_user(&mut harness, "Li Wei");
    harness.get_by_label("Approve").click();
    harness.run();
    settle(&mut harness);
    let saved = read(dir.path(), "education-bureau/2025-12-31.ron");
    assert_eq!(saved.status, Status::Approved);
    assert_eq!(saved.reviewer, "Li Wei");
}

/// The same app on the same workspace, without kittest's accessibility check.
fn without_accessibility_check(
    old: Harness<'static, GovApp>,
    root: &std::path::Path,
) -> Harness<'static, GovApp> {
    let user = old.state().prefs.user_name.clone();
    drop(old);
    let root = root.to_path_buf();
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .with_max_steps(64)
        .with_theme(egui::Theme::Light)
        .with_accessibility_check(false)
        .build_eframe(move |cc| GovApp::for_tests(&cc.egui_ctx, Some(&root)));
    harness.run();
    harness.get_by_label("Health Commission").click();
    harness.run();
    harness.get_by_label("Assess").click();
    harness.run();
    settle(&mut harness);
    set_user(&mut harness, &user);
    harness
}

#[test]
fn self_approval_is_allowed_when_the_workspace_settings_say_so() {
    let dir = common::copy_workspace(&common::sample_dir());
    let mut harness = assess(dir.path(), "Health Commission");
    set_user(&mut harness, "Huang Min 黄敏");
    assert!(is_disabled(&harness, "Approve"));
    let workspace_file = dir.path().join("workspace.ron");
    assert!(
        !std::fs::read_to_string(&workspace_file)
            .unwrap()
            .contains("allow_self_approval"),
        "off by default, and then not written"
    );

    // The settings window still has unlabelled fields (names, targets,
    // weights), so this test skips kittest's accessibility check.
    let mut harness = without_accessibility_check(harness, dir.path());
    harness.state_mut().push(Command::ShowWorkspaceSettings(true));
    harness.run();
    let allow = "Allow assessors to approve their own assessments (one-person office)";
    harness.get_by_label(allow).scroll_to_me();
    harness.run();
    harness.get_by_label(allow).click();
    harness.run();
    assert_eq!(
        harness.get_by_label(allow).accesskit_node().toggled(),
        Some(egui::accesskit::Toggled::True)
    );
    harness.get_by_label("Apply").scroll_to_me();
    harness.run();
    harness.get_by_label("Apply").click();
    harness.run();
    settle(&mut harness);
    let text = std::fs::read_to_string(&workspace_file).unwrap();
    assert!(text.contains("allow_self_approval: true"), "{text}");
    harness.state_mut().push(Command::ShowWorkspaceSettings(false));
    harness.run();

    assert!(!is_disabled(&harness, "Approve"));
    harness.get_by_label("Approve").click();
    harness.run();
    settle(&mut harness);
    let saved = read(dir.path(), HEALTH);
    assert_eq!(saved.status, Status::Approved);
    assert_eq!(saved.reviewer, "Huang Min 黄敏");
}

#[test]
fn reopening_asks_for_a_reason_and_the_audit_log_keeps_it() {
    let dir = common::copy_workspace(&common::sample_dir());
    let file = "finance-bureau/2025-12-31.ron";
    let before = std::fs::read(dir.path().join(file)).unwrap();
    let mut harness = assess(dir.path(), "Finance Bureau");
    harness.get_by_label("Reopen").click();
    harness.run();
    assert!(
        harness
            .query_by_label("Reopen this approved assessment?")
            .is_some()
    );
    assert!(
        lowest(&harness, "Reopen").accesskit_node().is_disabled(),
        "no reason, no reopening"
    );
    lowest(&harness, "Go back").click();
    harness.run();
    settle(&mut harness);
    assert!(
        harness
            .query_by_label("Reopen this approved assessment?")
            .is_none()
    );
    assert_eq!(working(&harness).status, Status::Approved);
    assert_eq!(std::fs::read(dir.path().join(file)).unwrap(), before);

    harness.get_by_label("Reopen").click();
    harness.run();
    let reason = harness
        .get_all_by_label("Reason for reopening (required)")
        .find(|n| n.accesskit_node().role() == egui::accesskit::Role::MultilineTextInput)
        .expect("the reason field");
    assert!(reason.is_focused(), "typing goes into the reason at once");
    type_keys(&mut harness, "Level 4 of sharing.open was wrong");
    assert_eq!(
        working(&harness).status,
        Status::Approved,
        "typing is not a shortcut"
    );
    lowest(&harness, "Reopen").click();
    harness.run();
    settle(&mut harness);

    let saved = read(dir.path(), file);
    assert_eq!(saved.status, Status::Draft);
    let last = saved.audit.last().unwrap();
    assert_eq!(
        (
            last.what.as_str(),
            last.who.as_str(),
            last.from.as_str(),
            last.to.as_str()
        ),
        ("reopened", "Test User", "Approved", "Draft")
    );
    assert_eq!(last.note, "Level 4 of sharing.open was wrong");
    assert!(
        std::fs::read_to_string(dir.path().join(file))
            .unwrap()
            .contains(r#"note: "Level 4 of sharing.open was wrong""#)
    );
}

#[test]
fn submit_and_approve_list_unconfirmed_carried_over_evidence_and_ask_first() {
    let dir = common::copy_workspace(&common::sample_dir());
    let mut harness = assess(dir.path(), "Big Data Bureau");
    harness.get_by_label("New assessment…").click();
    harness.run();
    let period = NaiveDate::from_ymd_opt(2026, 6, 30).unwrap();
    wait_for(&mut harness, "the new period", |app| {
        app.state.session.as_ref().is_some_and(|s| s.period() == period)
    });
    settle(&mut harness);
    let file = "big-data-bureau/2026-06-30.ron";

    harness.get_by_label("Submit").click();
    harness.run();
    assert!(
        harness
            .query_by_label("Carried-over evidence not confirmed")
            .is_some()
    );
    assert!(harness.query_by_label("• Strategy & roadmap").is_some());
    assert!(harness.query_by_label("• Open data").is_some());
    lowest(&harness, "Go back").click();
    harness.run();
    settle(&mut harness);
    assert_eq!(
        read(dir.path(), file).status,
        Status::Draft,
        "going back submits nothing"
    );

    harness.get_by_label("Submit").click();
    harness.run();
    harness.get_by_label("Submit anyway").click();
    harness.run();
    settle(&mut harness);
    assert_eq!(read(dir.path(), file).status, Status::Submitted);

    // The reviewer sees the same list before approving.
    set_user(&mut harness, "Sun Hui 孙慧");
    harness.get_by_label("Approve").click();
    harness.run();
    assert!(harness.query_by_label("• Strategy & roadmap").is_some());
    harness.get_by_label("Approve anyway").click();
    harness.run();
    settle(&mut harness);
    let saved = read(dir.path(), file);
    assert_eq!(saved.status, Status::Approved);
    assert_eq!(saved.reviewer, "Sun Hui 孙慧");
}

#[test]
fn the_audit_panel_shows_the_log_in_the_users_language() {
    let dir = common::copy_workspace(&common::sample_dir());
    let mut harness = assess(dir.path(), "Health Commission");
    // Tall enough that the whole log is in view (only rows in view are
    // laid out; a long consensus note wraps over several lines).
    harness.set_size(egui::vec2(1400.0, 2400.0));
    harness.state_mut().push(Command::SetLang(Lang::Zh));
    harness.run();
    harness.get_by_label("审计日志").click();
    harness.run();
    // The header, and "status: Draft → Submitted" and "created" translated.
    for text in [
        "时间",
        "操作人",
        "内容",
        "原值",
        "新值",
        "说明",
        "状态",
        "草稿",
        "新建",
    ] {
        assert!(
            harness.query_all_by_label(text).next().is_some(),
            "{text} is shown"
        );
    }
    assert!(harness.query_by_label("status").is_none());
    assert!(harness.query_by_label("Draft").is_none());

    harness.state_mut().push(Command::SetLang(Lang::En));
    harness.run();
    for text in [
        "When", "Who", "What", "From", "To", "Note", "status", "Draft", "created",
    ] {
        assert!(harness.query_by_label(text).is_some(), "{text} is shown");
    }
}

#[test]
fn an_edit_burst_in_one_field_is_one_audit_entry_naming_the_field() {
    let dir = common::copy_workspace(&common::sample_dir());
    let mut harness = crate::app_typing::new_period(dir.path());
    let field = harness
        .get_all_by_label("Comment")
        .find(|n| n.accesskit_node().role() == egui::accesskit::Role::MultilineTextInput)
        .unwrap();
    field.click();
    harness.run();
    type_keys(&mut harness, "check 2 links");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    harness.run();
    settle(&mut harness);
    let saved = read(dir.path(), "education-bureau/2026-06-30.ron");
    let edits: Vec<_> = saved
        .audit
        .iter()
        .filter(|e| e.what != "created")
        .map(|e| (e.what.as_str(), e.indicator.as_deref(), e.to.as_str()))
        .collect();
    assert_eq!(edits, [("comment", Some("design.strategy"), "check 2 links")]);
}
