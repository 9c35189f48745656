//! What a province-sized workspace needs, tried on the sample: tables that
//! sort by a header click, the tree search narrowing the ranking, and the
//! department picker that finds 市教育局 by typing `jyj`.

use crate::common;

use egui::{Key, Role};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use govmaturity::app::GovApp;
use govmaturity::app::state::Tab;

/// The vertical centre of the rightmost node labelled `label` (the tree on
/// the left names departments too).
fn row_y(harness: &Harness<'_, GovApp>, label: &str) -> f32 {
    harness
        .query_all_by_label(label)
        .max_by(|a, b| a.rect().left().total_cmp(&b.rect().left()))
        .unwrap_or_else(|| panic!("{label} is not shown"))
        .rect()
        .center()
        .y
}

fn text_fields<'h>(harness: &'h Harness<'_, GovApp>) -> Vec<egui_kittest::Node<'h>> {
    let mut fields: Vec<_> = harness.get_all_by_role(Role::TextInput).collect();
    fields.sort_by(|a, b| a.rect().left().total_cmp(&b.rect().left()));
    fields
}

/// The search above the department tree: the leftmost text field.
fn tree_search<'h>(harness: &'h Harness<'_, GovApp>) -> egui_kittest::Node<'h> {
    text_fields(harness).into_iter().next().unwrap()
}

/// The open picker's search field: the rightmost.
fn picker_field<'h>(harness: &'h Harness<'_, GovApp>) -> egui_kittest::Node<'h> {
    text_fields(harness).into_iter().last().unwrap()
}

fn ranking_table() -> Harness<'static, GovApp> {
    let mut harness = common::sample_app();
    harness
        .state_mut()
        .state
        .views
        .as_table
        .insert("overview.ranking");
    harness.run();
    harness
}

#[test]
fn clicking_a_header_sorts_the_ranking_and_again_reverses_it() {
    let mut harness = ranking_table();
    // Best first by rank: Big Data (3.87) above Civil Affairs (1.91).
    let big_data = "Big Data Bureau";
    let civil = "Civil Affairs Bureau (provisional)";
    assert!(row_y(&harness, big_data) < row_y(&harness, civil));

    // Overall level ascending: the weakest first.
    harness
        .get_by_role_and_label(Role::ColumnHeader, "Overall level")
        .click();
    harness.run();
    assert!(row_y(&harness, civil) < row_y(&harness, big_data));
    // Education (2.49) sits between them.
    let education = row_y(&harness, "Education Bureau (provisional)");
    assert!(row_y(&harness, civil) < education && education < row_y(&harness, big_data));

    // Again: descending.
    harness
        .get_by_role_and_label(Role::ColumnHeader, "Overall level")
        .click();
    harness.run();
    assert!(row_y(&harness, big_data) < row_y(&harness, civil));

    // Department names ascending: Big Data before Civil Affairs before Education.
    // The tab bar and the priorities have a "Department" button too: take
    // the one in the ranking's header row.
    let header_y = harness
        .get_by_role_and_label(Role::ColumnHeader, "Overall level")
        .rect()
        .center()
        .y;
    harness
        .get_all_by_role_and_label(Role::ColumnHeader, "Department")
        .find(|n| (n.rect().center().y - header_y).abs() < 4.0)
        .unwrap()
        .click();
    harness.run();
    assert!(row_y(&harness, big_data) < row_y(&harness, civil));
    assert!(row_y(&harness, civil) < row_y(&harness, "Education Bureau (provisional)"));
}

#[test]
fn the_ranking_table_ranks_by_one_dimension_worst_first() {
    let mut harness = ranking_table();
    harness
        .get_all_by_role(Role::ComboBox)
        .find(|n| n.value().as_deref() == Some("–"))
        .expect("the dimension chooser")
        .click();
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "Data sharing & openness")
        .click();
    harness.run();
    let header = "Data sharing & openness";
    // The heatmap names its columns too: take the ranking table's header.
    let header_y = harness
        .get_by_role_and_label(Role::ColumnHeader, "Overall level")
        .rect()
        .center()
        .y;
    harness
        .get_all_by_role_and_label(Role::ColumnHeader, header)
        .find(|n| (n.rect().center().y - header_y).abs() < 4.0)
        .unwrap()
        .click();
    harness.run();
    // `govmaturity summary`: Finance 2.80 and Health 3.00 in data sharing.
    assert!(row_y(&harness, "Finance Bureau") < row_y(&harness, "Health Commission (provisional)"));
}

#[test]
fn the_tree_search_narrows_the_ranking_and_says_how_many_show() {
    let mut harness = common::sample_app();
    assert!(harness.query_by_label("Big Data Bureau: 3.87").is_some());
    tree_search(&harness).click();
    harness.run();
    tree_search(&harness).type_text("jyj");
    harness.run();
    assert_eq!(harness.state().state.search, "jyj");
    assert!(
        harness
            .query_by_label("Education Bureau · provisional: 2.49")
            .is_some()
    );
    assert!(harness.query_by_label("Big Data Bureau: 3.87").is_none());
    assert!(harness.query_by_label("Showing 1 of 12 departments").is_some());
}

#[test]
fn in_chinese_the_search_count_is_chinese() {
    let mut harness = common::sample_app();
    harness.get_by_label("简体中文").click();
    harness.run();
    harness.state_mut().state.search = "局".to_owned();
    harness.run();
    assert!(harness.query_by_label_contains(" / 12 个部门").is_some());
}

#[test]
fn the_picker_chooses_by_pinyin_initials() {
    let mut harness = common::sample_app();
    harness.get_by_role_and_label(Role::Button, "Compare").click();
    harness.run();
    assert_eq!(harness.state().prefs.tab, Tab::Compare);
    harness.get_by_role_and_label(Role::ComboBox, "A").click();
    harness.run();
    // The list's search field has the keyboard.
    picker_field(&harness).type_text("jyj");
    harness.run();
    // In the tree on the left and in the list.
    assert_eq!(harness.query_all_by_label("Education Bureau").count(), 2);
    assert_eq!(harness.query_all_by_label("Finance Bureau").count(), 1);
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(
        harness.state().state.views.compare.left.as_deref(),
        Some("education-bureau")
    );
}

#[test]
fn the_picker_moves_with_the_arrows_and_closes_with_escape() {
    let mut harness = common::sample_app();
    harness.get_by_role_and_label(Role::Button, "Compare").click();
    harness.run();
    harness.get_by_role_and_label(Role::ComboBox, "B").click();
    harness.run();
    picker_field(&harness).type_text("bureau");
    harness.run();
    // The second match: the list is in workspace order among equals.
    harness.key_press(Key::ArrowDown);
    harness.run();
    harness.key_press(Key::Escape);
    harness.run();
    assert_eq!(text_fields(&harness).len(), 1, "the list is closed");
    assert_eq!(harness.state().state.views.compare.right, None);
}
