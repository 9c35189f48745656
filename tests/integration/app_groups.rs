//! Many departments, as leadership meets them: departments under their
//! district in the tree and the heatmap, each district a group with a
//! roll-up row that opens and closes; the tree's search narrowing the
//! heatmap too; and a trend of twenty departments drawn as their mean and
//! band with six lines, saying how many have none of their own.

use crate::common;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use govmaturity::app::GovApp;
use govmaturity::app::state::TrendScope;

/// A generated workspace of 96 departments (16 district governments, each
/// with five bureaus under it) over two periods, in a temporary folder.
fn districts() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_govmaturity"))
        .args(["generate", dir.path().to_str().unwrap()])
        .args(["--departments", "96", "--periods", "2", "--seed", "7"])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    dir
}

/// Cells of the heatmap's row named `row` (one per dimension, each with
/// its mean level as its value, unlike the links elsewhere named alike),
/// its tag ("provisional") after the name if it has one.
fn heatmap_cells(harness: &Harness<'static, GovApp>, row: &str) -> usize {
    let named = |label: &str| {
        let Some(rest) = label.strip_prefix(row) else {
            return false;
        };
        rest.starts_with(" · ") || (rest.starts_with(" (") && !rest.starts_with(" (group mean)"))
    };
    harness
        .query_all_by_role(Role::Button)
        .filter(|node| {
            let node = node.accesskit_node();
            node.numeric_value().is_some() && node.label().is_some_and(|l| named(&l))
        })
        .count()
}

/// The tree's entry for a department (a selectable name in the left panel).
fn in_tree(harness: &Harness<'static, GovApp>, name: &str) -> bool {
    harness.query_by_label(name).is_some()
}

/// The tree's arrow, and the heatmap's roll-up row (which opens and closes when clicked).
const OPEN: &str = "Riverside District Government (Show the departments under it)";
const CLOSE: &str = "Riverside District Government (Hide the departments under it)";
const ROLL_UP: &str = "Riverside District Government (group mean)";

#[test]
fn a_district_opens_and_closes_in_the_heatmap_and_the_tree() {
    let dir = districts();
    let mut harness = common::app(Some(dir.path()));
    // More than sixty departments: every group starts closed, its roll-up
    // row (the group's mean per dimension) standing for it.
    assert_eq!(heatmap_cells(&harness, ROLL_UP), 6);
    assert_eq!(heatmap_cells(&harness, "Riverside District Education Bureau"), 0);
    assert!(!in_tree(&harness, "Riverside District Education Bureau"));

    // The heatmap's roll-up row opens the group there only.
    harness.get_by_label(ROLL_UP).click();
    harness.run();
    assert_eq!(heatmap_cells(&harness, ROLL_UP), 6);
    assert_eq!(heatmap_cells(&harness, "Riverside District Government"), 6);
    assert_eq!(heatmap_cells(&harness, "Riverside District Education Bureau"), 6);
    assert_eq!(heatmap_cells(&harness, "Eastport District Education Bureau"), 0);
    assert!(!in_tree(&harness, "Riverside District Education Bureau"));

    // The tree's arrow opens it in the tree; each closes again.
    harness.get_by_label(OPEN).click();
    harness.run();
    assert!(in_tree(&harness, "Riverside District Education Bureau"));
    harness.get_by_label(ROLL_UP).click();
    harness.run();
    assert_eq!(heatmap_cells(&harness, "Riverside District Education Bureau"), 0);
    harness.get_by_label(CLOSE).click();
    harness.run();
    assert!(!in_tree(&harness, "Riverside District Education Bureau"));
}

#[test]
fn the_tree_search_filters_the_heatmap() {
    let dir = districts();
    let mut harness = common::app(Some(dir.path()));
    let search = harness.query_all_by_role(Role::TextInput).next().unwrap();
    search.focus();
    harness.run();
    harness
        .query_all_by_role(Role::TextInput)
        .next()
        .unwrap()
        .type_text("education");
    harness.run();
    assert_eq!(harness.state().state.search, "education");
    // Every district keeps its row, open, with its education bureau only.
    assert_eq!(heatmap_cells(&harness, ROLL_UP), 6);
    assert_eq!(heatmap_cells(&harness, "Riverside District Education Bureau"), 6);
    assert_eq!(heatmap_cells(&harness, "Riverside District Government"), 0);
    assert_eq!(heatmap_cells(&harness, "Riverside District Health Commission"), 0);
    assert!(in_tree(&harness, "Riverside District Education Bureau"));
    assert!(!in_tree(&harness, "Riverside District Health Commission"));

    // A district's own name: the whole district, and no other.
    for _ in 0.."education".len() {
        harness.key_press(egui::Key::Backspace);
    }
    harness.run();
    harness
        .query_all_by_role(Role::TextInput)
        .next()
        .unwrap()
        .type_text("riverside district government");
    harness.run();
    assert_eq!(heatmap_cells(&harness, "Riverside District Government"), 6);
    assert_eq!(heatmap_cells(&harness, "Riverside District Health Commission"), 6);
    assert_eq!(
        heatmap_cells(&harness, "Eastport District Government (group mean)"),
        0
    );
    assert_eq!(heatmap_cells(&harness, "Eastport District Education Bureau"), 0);
}

#[test]
fn twenty_chosen_departments_are_a_mean_a_band_and_six_lines() {
    let dir = districts();
    let mut harness = common::app(Some(dir.path()));
    harness.get_by_label("Trends").click();
    harness.run();
    harness.get_by_label("Chosen departments").click();
    harness.run();
    let ids: Vec<String> = harness
        .state()
        .state
        .data()
        .unwrap()
        .workspace
        .active_departments()
        .skip(16)
        .take(20)
        .map(|d| d.id.clone())
        .collect();
    harness.state_mut().state.views.trends.chosen = ids.into_iter().collect();
    harness.run();
    let cache = &harness.state().state.views.trends.cache;
    // The mean, then six departments of their own.
    assert_eq!(cache.series.len(), 7);
    assert_eq!(cache.series[0].0, None);
    assert!(!cache.band.is_empty());
    assert_eq!(harness.state().state.views.trends.scope, TrendScope::Set);
    assert!(
        harness
            .query_by_label_contains("14 more departments not shown separately.")
            .is_some()
    );
    // The dates in view stay near the data (2025), whatever the projections.
    let figure = harness
        .get_by_label_contains("Level over time: ")
        .accesskit_node()
        .label()
        .unwrap();
    assert!(!figure.contains("2029") && !figure.contains("203"), "{figure}");

    harness.get_by_label("简体中文").click();
    harness.run();
    assert!(
        harness
            .query_by_label_contains("另有 14 个部门未单独显示。")
            .is_some()
    );
}
