//! The Compare view as a user meets it: two departments side by side with
//! the difference per dimension that `analysis` computes, and one
//! department at two periods with its most improved and declined indicators.

use crate::common;

use egui::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use govmaturity::analysis;
use govmaturity::app::GovApp;
use govmaturity::app::state::{CompareMode, Tab};
use govmaturity::model::Lang;

fn compare_tab() -> Harness<'static, GovApp> {
    let mut harness = common::sample_app();
    harness.get_by_role_and_label(Role::Button, "Compare").click();
    harness.run();
    assert_eq!(harness.state().prefs.tab, Tab::Compare);
    harness
}

/// Opens combo box `label` and picks `option` from its list.
fn pick(harness: &mut Harness<'static, GovApp>, label: &str, option: &str) {
    harness.get_by_role_and_label(Role::ComboBox, label).click();
    harness.run();
    // The department tree on the left lists the name too; the popup's
    // entry sits right of it, under the combo box.
    let entry = harness
        .get_all_by_label(option)
        .max_by(|a, b| a.rect().min.x.total_cmp(&b.rect().min.x))
        .unwrap();
    entry.click();
    harness.run();
}

/// Whether `text` is shown on the same row as a node labelled `row` (the
/// radar and the movers name dimensions too).
fn in_row_of(harness: &egui_kittest::Harness<'_, GovApp>, row: &str, text: &str) -> bool {
    harness.query_all_by_label(row).any(|row| {
        let y = row.rect().center().y;
        harness
            .query_all_by_label(text)
            .any(|n| (n.rect().center().y - y).abs() < 8.0)
    })
}

#[test]
fn defaults_compare_the_selected_department_with_the_next() {
    let harness = compare_tab();
    let state = &harness.state().state;
    assert_eq!(state.views.compare.mode, CompareMode::Departments);
    // Nothing chosen yet: A is the selected department, B the next one.
    assert!(harness.query_by_label_contains("A: Big Data Bureau").is_some());
    assert!(
        harness
            .query_by_label_contains("B: Government Service Centre")
            .is_some()
    );
    assert!(
        harness.query_by_role_and_label(Role::Image, "Profile").is_some(),
        "the overlaid radar is shown"
    );
}

#[test]
fn compare_shows_the_difference_of_two_departments() {
    let mut harness = compare_tab();
    pick(&mut harness, "A", "Finance Bureau");
    pick(&mut harness, "B", "Health Commission");
    let state = &harness.state().state;
    assert_eq!(state.views.compare.left.as_deref(), Some("finance-bureau"));
    assert_eq!(state.views.compare.right.as_deref(), Some("health-commission"));

    // `govmaturity summary` at 2025-12-31: Finance Bureau 3.40 2.80 3.00
    // 1.75 2.50 2.00 (overall 2.575), Health Commission 3.00 3.00 2.40 2.50
    // 2.75 3.20 (overall 2.8083); B − A per dimension and overall:
    for (dimension, shown) in [
        ("Top-level design & standards", "▼ −0.40"),
        ("Data sharing & openness", "▲ +0.20"),
        ("Data security & privacy", "▼ −0.60"),
        ("Digital talent & skills", "▲ +0.75"),
        ("Organisation & coordination", "▲ +0.25"),
        ("Service capacity & resilience", "▲ +1.20"),
        ("Overall", "▲ +0.23"),
    ] {
        assert!(
            in_row_of(&harness, dimension, shown),
            "{dimension}: B − A = {shown} is shown on its row"
        );
    }
}

#[test]
fn two_departments_list_where_b_is_ahead_and_behind_not_what_improved() {
    let mut harness = compare_tab();
    pick(&mut harness, "A", "Finance Bureau");
    pick(&mut harness, "B", "Health Commission");
    // Nothing moved between two departments: the lists say where B leads.
    assert!(harness.query_by_label("Most improved").is_none());
    assert!(harness.query_by_label("Most declined").is_none());
    assert!(harness.query_by_label("Where B is ahead of A").is_some());
    assert!(harness.query_by_label("Where B is behind A").is_some());

    let data = harness.state().state.data().unwrap();
    let summary = analysis::summarize(data, None);
    let current = |id: &str| {
        let period = summary.department(id).unwrap().current.as_ref().unwrap().period;
        data.find(id, period).unwrap()
    };
    let moves = analysis::movers(data, current("finance-bureau"), current("health-commission"));
    let (first, change) = moves.first().unwrap();
    assert!(
        *change > 0,
        "the Health Commission leads the Finance Bureau somewhere"
    );
    let (_, indicator) = data.framework.indicator(first).unwrap();
    assert!(harness.query_by_label(indicator.name.get(Lang::En)).is_some());
}

#[test]
fn periods_mode_lists_most_improved_and_declined() {
    let mut harness = compare_tab();
    harness.get_by_label("One department, two periods").click();
    harness.run();
    assert_eq!(harness.state().state.views.compare.mode, CompareMode::Periods);
    pick(&mut harness, "Department compared", "Finance Bureau");
    pick(&mut harness, "A", "2024-06-30");
    pick(&mut harness, "B", "2025-12-31");
    assert!(harness.query_by_label("Most improved").is_some());
    assert!(harness.query_by_label("Most declined").is_some());

    // Finance Bureau from 2024-06-30 to 2025-12-31: seven indicators rose
    // one level, "Legal basis for data" (design.legal, 3 → 4) first by id;
    // none declined.
    assert!(in_row_of(&harness, "Legal basis for data", "▲ +1"));
    assert!(in_row_of(&harness, "Legal basis for data", "3 → 4"));
    assert!(harness.query_by_label("No indicator declined.").is_some());
}

#[test]
fn the_overlaid_radar_offers_its_table_view() {
    let mut harness = compare_tab();
    harness.get_by_label("Table").click();
    harness.run();
    assert!(harness.state().state.views.as_table.contains("compare.radar"));
    assert!(harness.query_by_role_and_label(Role::Image, "Profile").is_none());
}
