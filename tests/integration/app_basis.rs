//! What a figure counts, as leadership sees it on the Overview: the basis
//! (latest or approved only), the provisional mark on unapproved figures,
//! the carried-over mark with its date, the honest "as of" counts when one
//! department starts a new period, and the flag (with a restore button)
//! when a department's newest file cannot be read.

use crate::common;

use egui_kittest::kittest::Queryable;
use govmaturity::analysis::Basis;
use govmaturity::app::state::Tab;
use govmaturity::model::Lang;

/// A label that contains `text` is on screen.
fn shows(harness: &egui_kittest::Harness<'_, govmaturity::app::GovApp>, text: &str) -> bool {
    harness.query_by_label_contains(text).is_some()
}

#[test]
fn latest_basis_marks_unapproved_figures_provisional() {
    let harness = common::sample_app();
    assert_eq!(harness.state().state.selection.basis, Basis::Latest);
    // 2025-12-31: 7 Approved; 3 Draft, 1 Submitted, 1 Returned.
    assert!(shows(&harness, "7 approved, 5 provisional"));
    // The headline mean includes them, and says so.
    assert!(shows(&harness, "includes 5 provisional"));
    assert!(shows(&harness, "12 at this period · 0 carried over from earlier"));
    assert!(shows(
        &harness,
        "Figures count each department's latest assessment"
    ));
    // The Health Commission's figure is Submitted, not approved: its cells say so.
    assert!(
        harness
            .query_by_label("Health Commission (provisional) · Top-level design & standards")
            .is_some()
    );
    // The Finance Bureau's is approved: no mark.
    assert!(
        harness
            .query_by_label("Finance Bureau · Top-level design & standards")
            .is_some()
    );
    // Ranking bars carry the word too.
    assert!(shows(&harness, "Civil Affairs Bureau · provisional: "));
}

#[test]
fn approved_only_counts_approved_assessments_and_is_remembered() {
    let mut harness = common::sample_app();
    harness.get_by_label("Approved only").click();
    harness.run();
    let app = harness.state();
    assert_eq!(app.state.selection.basis, Basis::Approved);
    assert_eq!(app.prefs.basis, Basis::Approved, "the switch is remembered");
    assert!(shows(&harness, "Figures count approved assessments only."));
    // The Approved card says where the work stands (7 approved this
    // period), not that every counted figure is approved.
    assert_eq!(
        harness
            .state()
            .state
            .derived
            .as_ref()
            .unwrap()
            .summary
            .workflow_approved,
        7
    );
    assert!(crate::app_overview::card_shows(&harness, "Approved", "7"));
    assert!(!shows(&harness, "12 approved"));
    // The five unapproved ones count with their 2025-06-30 approved result.
    assert!(shows(&harness, "7 at this period · 5 carried over from earlier"));
    assert!(shows(
        &harness,
        "5 with newer work not yet approved (not counted)"
    ));
    // Where the work stands does not change with the basis: 3 Draft + 1
    // Returned are still in draft, 1 Submitted awaits review, and the
    // department list still shows the Health Commission as Submitted.
    let summary = &harness.state().state.derived.as_ref().unwrap().summary;
    assert_eq!((summary.draft, summary.submitted), (4, 1));
    assert_eq!(
        summary.department("health-commission").unwrap().workflow,
        Some(govmaturity::model::Status::Submitted)
    );
    assert!(shows(&harness, "Submitted: 1"));
    // Badges in the department list: one S (Health Commission), three D and one R.
    assert_eq!(harness.query_all_by_label("S").count(), 1);
    assert_eq!(harness.query_all_by_label("D").count(), 3);
    assert_eq!(harness.query_all_by_label("R").count(), 1);
    assert!(
        harness
            .query_by_label("Civil Affairs Bureau (carried over) · Top-level design & standards")
            .is_some()
    );
    // Priority rows carry the same tag as the heatmap row.
    assert!(
        harness
            .query_by_label("1. Civil Affairs Bureau (carried over)")
            .is_some()
    );
    assert!(
        harness
            .query_by_label_contains("Health Commission (provisional)")
            .is_none(),
        "nothing is provisional on the approved basis"
    );
}

#[test]
fn a_new_draft_does_not_claim_the_whole_government_is_as_of_its_date() {
    let dir = common::copy_workspace(&common::sample_dir());
    // One department starts 2026-06-30 (a copy of its approved file, as a Draft).
    let text = std::fs::read_to_string(dir.path().join("finance-bureau/2025-12-31.ron")).unwrap();
    let draft = text
        .replace("period: \"2025-12-31\"", "period: \"2026-06-30\"")
        .replace("status: Approved", "status: Draft");
    std::fs::write(dir.path().join("finance-bureau/2026-06-30.ron"), draft).unwrap();

    let mut harness = common::app(Some(dir.path()));
    assert!(shows(&harness, "1 at this period · 11 carried over from earlier"));
    assert!(
        harness
            .query_by_label("Big Data Bureau (carried over) · Top-level design & standards")
            .is_some()
    );
    // On the approved basis the draft never replaces the approved result.
    harness.get_by_label("Approved only").click();
    harness.run();
    let summary = &harness.state().state.derived.as_ref().unwrap().summary;
    assert_eq!(summary.period.unwrap().to_string(), "2025-12-31");
    let finance = summary.department("finance-bureau").unwrap();
    assert_eq!(finance.assessed_on().unwrap().to_string(), "2025-12-31");
    assert!(finance.flags.is_empty());
}

#[test]
fn an_unreadable_latest_file_is_flagged_and_can_be_restored_from_its_backup() {
    let dir = common::copy_workspace(&common::sample_dir());
    let file = dir.path().join("finance-bureau/2025-12-31.ron");
    let good = std::fs::read_to_string(&file).unwrap();
    // A backup of the good content, as a save would have left it.
    let backups = dir.path().join(".backups/finance-bureau/2025-12-31.ron");
    std::fs::create_dir_all(&backups).unwrap();
    std::fs::write(backups.join("2026-01-10T09-00-00.000000Z.ron"), &good).unwrap();
    // The file ends early, as after an interrupted copy.
    let broken = &good[..good.len() / 2];
    std::fs::write(&file, broken).unwrap();

    let mut harness = common::app(Some(dir.path()));
    assert!(shows(&harness, "Latest assessment could not be read"));
    assert!(shows(
        &harness,
        "Finance Bureau — latest assessment could not be read: finance-bureau/2025-12-31.ron"
    ));
    // Never silently shown with the older result as current.
    let summary = &harness.state().state.derived.as_ref().unwrap().summary;
    let finance = summary.department("finance-bureau").unwrap();
    assert_eq!(finance.assessed_on().unwrap().to_string(), "2025-06-30");
    assert!(
        harness
            .query_all_by_label_contains("Finance Bureau (carried over · ⚠)")
            .next()
            .is_some()
    );

    harness.get_by_label("Restore from backup").click();
    harness.run();
    // The reload runs on the worker thread.
    for _ in 0..200 {
        harness.step();
        let restored = harness
            .state()
            .state
            .derived
            .as_ref()
            .and_then(|d| d.summary.department("finance-bureau"))
            .is_some_and(|d| d.flags.is_empty());
        if restored {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    harness.run();
    assert_eq!(std::fs::read_to_string(&file).unwrap(), good);
    assert!(!shows(&harness, "Latest assessment could not be read"));
    // The broken content is kept, not lost.
    let kept: Vec<String> = std::fs::read_dir(&backups)
        .unwrap()
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .collect();
    assert!(
        kept.iter().any(|k| k == broken),
        "the unreadable version is kept as a backup"
    );
}

#[test]
fn chinese_marks_and_counts() {
    let mut harness = common::sample_app();
    harness.state_mut().prefs.lang = Lang::Zh;
    harness.run();
    assert!(shows(&harness, "已批准 7 个，暂定 5 个"));
    assert!(shows(&harness, "本期 12 个 · 沿用往期 0 个"));
    assert!(
        harness
            .query_by_label("市卫生健康委员会（暂定） · 顶层设计与标准规范")
            .is_some()
    );
    assert!(shows(&harness, "数据口径：按各部门最近一次评估计算"));
}

#[test]
fn the_department_page_says_what_its_figure_counts() {
    let mut harness = common::sample_app();
    harness.state_mut().state.selection.department = Some("health-commission".into());
    harness.state_mut().prefs.tab = Tab::Department;
    harness.run();
    assert!(shows(
        &harness,
        "provisional — Not yet approved: this figure may still change."
    ));
    // Its overall level rose (+0.15) but one dimension has not: the outlook
    // names it instead of saying "the level is not rising".
    assert!(shows(
        &harness,
        "Not on track: Data security & privacy is not rising."
    ));
    assert!(!shows(&harness, "the level is not rising"));

    harness.get_by_label("Approved only").click();
    harness.run();
    assert!(shows(&harness, "carried over from 2025-06-30"));
    assert!(shows(
        &harness,
        "A newer assessment is not yet approved and is not counted here: 2025-12-31 (Submitted)"
    ));
}

#[test]
fn the_trends_table_marks_provisional_points() {
    let mut harness = common::sample_app();
    harness.state_mut().state.selection.department = Some("health-commission".into());
    harness.state_mut().prefs.tab = Tab::Trends;
    harness.run();
    harness.get_by_label("Table").click();
    harness.run();
    // The Health Commission's 2025-12-31 assessment is Submitted: its
    // overall level 2.81 is provisional; 2025-06-30 (approved) is not.
    assert!(harness.query_by_label("2.81 (provisional)").is_some());
    assert!(harness.query_all_by_label("2.66 (provisional)").next().is_none());
    // On the approved basis that point is not drawn at all.
    harness.get_by_label("Approved only").click();
    harness.run();
    assert!(harness.query_by_label("2.81 (provisional)").is_none());
}
