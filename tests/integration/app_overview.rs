//! The Overview as leadership meets it on the sample workspace: the
//! headline figures match the analysis, a heatmap cell opens that
//! department on that dimension, every chart has its table, the top ten
//! priorities come in priority order, and Chinese shows Chinese names.

use crate::common;

use egui_kittest::kittest::Queryable;
use govmaturity::analysis;
use govmaturity::app::GovApp;
use govmaturity::app::state::Tab;
use govmaturity::app::widgets::heatmap::percent_text;
use govmaturity::model::{Dataset, Lang, Level, Rating};
use govmaturity::present::catalogue::level_text;

fn data(app: &GovApp) -> &Dataset {
    app.state.data().unwrap()
}

fn name(data: &Dataset, id: &str, lang: Lang) -> String {
    data.workspace.department(id).unwrap().name.get(lang).to_owned()
}

/// The department's name as a row shows it: with "(provisional)" after it
/// while its figure is not approved (the sample's latest period has five).
fn row_name(data: &Dataset, id: &str) -> String {
    let provisional = analysis::summarize(data, None)
        .department(id)
        .is_some_and(|d| d.is_provisional());
    let name = name(data, id, Lang::En);
    if provisional {
        format!("{name} (provisional)")
    } else {
        name
    }
}

/// The vertical centre of the one node labelled `label`.
fn centre_y(harness: &egui_kittest::Harness<'_, GovApp>, label: &str) -> f32 {
    harness.get_by_label(label).rect().center().y
}

#[test]
fn headline_figures_match_the_analysis() {
    let harness = common::sample_app();
    assert_eq!(harness.state().prefs.tab, Tab::Overview);
    let summary = analysis::summarize(data(harness.state()), None);
    assert_eq!(summary.departments.len(), 12);

    let mean = level_text(summary.mean_level);
    assert!(summary.mean_level.is_some());
    assert!(
        harness.query_by_label(&mean).is_some(),
        "overall mean {mean} is shown"
    );
    let assessed = format!("{} / {}", summary.assessed, summary.departments.len());
    assert!(
        harness.query_by_label(&assessed).is_some(),
        "{assessed} assessed is shown"
    );
    let coverage = percent_text(Some(summary.coverage));
    assert!(
        harness.query_by_label(&coverage).is_some(),
        "coverage {coverage} is shown"
    );
    for count in [summary.approved, summary.draft] {
        assert!(
            harness.query_all_by_label(&count.to_string()).next().is_some(),
            "count {count} is shown"
        );
    }
    let stage = summary.stage.unwrap();
    let stage_name = data(harness.state()).framework.level_name(stage, Lang::En);
    assert!(
        harness
            .query_by_label_contains(&format!("Stage {stage} · {stage_name}"))
            .is_some(),
        "stage {stage} {stage_name} is shown"
    );
}

#[test]
fn clicking_a_heatmap_cell_opens_that_department_on_that_dimension() {
    let mut harness = common::sample_app();
    harness
        .get_by_label("Finance Bureau · Data sharing & openness")
        .click();
    harness.run();
    let app = harness.state();
    assert_eq!(app.prefs.tab, Tab::Department);
    assert_eq!(app.state.selection.department.as_deref(), Some("finance-bureau"));
    assert_eq!(app.state.selection.dimension.as_deref(), Some("sharing"));
}

#[test]
fn every_department_and_dimension_has_a_cell() {
    let harness = common::sample_app();
    let data = data(harness.state());
    for department in data.workspace.active_departments() {
        for dimension in &data.framework.dimensions {
            let label = format!("{} · {}", row_name(data, &department.id), dimension.name.en);
            assert!(harness.query_by_label(&label).is_some(), "no cell {label}");
        }
    }
}

#[test]
fn the_heatmap_table_lists_every_department() {
    let mut harness = common::sample_app();
    // Each chart has its own Chart / Table switch; the heatmap's is the leftmost.
    let toggle = harness
        .get_all_by_label("Table")
        .min_by(|a, b| a.rect().min.x.total_cmp(&b.rect().min.x))
        .unwrap();
    toggle.click();
    harness.run();
    assert!(harness.state().state.views.as_table.contains("overview.heatmap"));
    assert!(
        harness
            .query_by_label("Finance Bureau · Data sharing & openness")
            .is_none(),
        "the chart gave way to the table"
    );
    let data = data(harness.state());
    for department in data.workspace.active_departments() {
        // Once in the department list on the left, once in the table.
        let shown = harness.query_all_by_label(&department.name.en).count()
            + harness
                .query_all_by_label(&format!("{} (provisional)", department.name.en))
                .count();
        assert_eq!(shown, 2, "{} is not in the table", department.name.en);
    }
    assert!(
        harness.query_by_label("Data sharing & openness").is_some(),
        "dimension columns are headed"
    );
}

#[test]
fn the_ranking_lists_scored_departments_highest_first() {
    let harness = common::sample_app();
    let data = data(harness.state());
    let summary = analysis::summarize(data, None);
    let mut scored: Vec<(String, f64)> = summary
        .departments
        .iter()
        .filter_map(|d| Some((d.department.clone(), d.current.as_ref()?.mean_level?)))
        .collect();
    scored.sort_by(|a, b| b.1.total_cmp(&a.1));
    let ys: Vec<f32> = scored
        .iter()
        .map(|(id, mean)| {
            let name = row_name(data, id).replace(" (provisional)", " · provisional");
            centre_y(&harness, &format!("{name}: {mean:.2}"))
        })
        .collect();
    assert!(ys.windows(2).all(|w| w[0] < w[1]), "ranking out of order: {ys:?}");
}

#[test]
fn the_top_ten_priorities_come_in_priority_order() {
    let harness = common::sample_app();
    let data = data(harness.state());
    let summary = analysis::summarize(data, None);
    let priorities = analysis::priorities(data, &summary);
    assert!(priorities.len() > 10, "the sample has more than ten shortfalls");
    let mut previous_y = f32::MIN;
    for (k, priority) in priorities.iter().take(10).enumerate() {
        let label = format!("{}. {}", k + 1, row_name(data, &priority.department));
        let y = centre_y(&harness, &label);
        assert!(y > previous_y, "row {label} is out of order");
        previous_y = y;
        // The priority figure sits in the same row.
        let figure = format!("{:.1}", priority.priority);
        let in_row = harness
            .query_all_by_label(&figure)
            .any(|n| (n.rect().center().y - y).abs() < 6.0);
        assert!(in_row, "row {label} does not show priority {figure}");
    }
    let eleventh = format!("11. {}", row_name(data, &priorities[10].department));
    assert!(
        harness.query_by_label(&eleventh).is_none(),
        "only ten priorities are listed"
    );
}

#[test]
fn a_priority_opens_its_department_and_dimension() {
    let mut harness = common::sample_app();
    let (label, department, dimension) = {
        let data = data(harness.state());
        let summary = analysis::summarize(data, None);
        let first = analysis::priorities(data, &summary).remove(0);
        (
            format!("1. {}", row_name(data, &first.department)),
            first.department,
            first.dimension,
        )
    };
    harness.get_by_label(&label).click_accesskit();
    harness.run();
    let app = harness.state();
    assert_eq!(app.prefs.tab, Tab::Department);
    assert_eq!(app.state.selection.department, Some(department));
    assert_eq!(app.state.selection.dimension, Some(dimension));
}

#[test]
fn in_chinese_the_names_are_chinese() {
    let mut harness = common::sample_app();
    harness.get_by_label("简体中文").click();
    harness.run();
    assert_eq!(harness.state().prefs.lang, Lang::Zh);
    let data = data(harness.state());
    for dimension in &data.framework.dimensions {
        let label = format!("市财政局 · {}", dimension.name.zh);
        assert!(harness.query_by_label(&label).is_some(), "no cell {label}");
        assert!(
            harness.query_by_label(&dimension.name.zh).is_some(),
            "column {} is not headed in Chinese",
            dimension.name.zh
        );
        let english = format!("Finance Bureau · {}", dimension.name.en);
        assert!(
            harness.query_by_label(&english).is_none(),
            "{english} still in English"
        );
    }
    for heading in ["部门 × 维度", "排名", "阶段分布", "重点改进事项", "不均衡提示"] {
        assert!(
            harness.query_all_by_label_contains(heading).next().is_some(),
            "{heading} is missing"
        );
    }
}

#[test]
fn an_imbalanced_dimension_is_flagged_and_opens_on_click() {
    let mut harness = common::sample_app();
    assert!(
        harness
            .query_by_label("No dimension lags more than one level behind its department's stage.")
            .is_some()
    );
    // Big Data Bureau excels everywhere but in digital talent.
    {
        let open = harness.state_mut().state.workspace.as_mut().unwrap();
        let latest = open.loaded.data.periods().last().copied().unwrap();
        let assessment = open.loaded.data.find_mut("big-data-bureau", latest).unwrap();
        for (id, answer) in &mut assessment.answers {
            let level = if id.starts_with("talent.") { 1 } else { 5 };
            answer.rating = Rating::Level(Level::new(level).unwrap());
        }
        open.revision += 1;
    }
    harness.run();
    let label = "Big Data Bureau — Digital talent & skills";
    harness.get_by_label(label).click();
    harness.run();
    let app = harness.state();
    assert_eq!(app.prefs.tab, Tab::Department);
    assert_eq!(app.state.selection.department.as_deref(), Some("big-data-bureau"));
    assert_eq!(app.state.selection.dimension.as_deref(), Some("talent"));
}

#[test]
fn clicking_a_ranking_bar_opens_that_department() {
    let mut harness = common::sample_app();
    let label = {
        let data = data(harness.state());
        let summary = analysis::summarize(data, None);
        let finance = summary.department("finance-bureau").unwrap();
        format!(
            "Finance Bureau: {:.2}",
            finance.current.as_ref().unwrap().mean_level.unwrap()
        )
    };
    harness.get_by_label(&label).click();
    harness.run();
    let app = harness.state();
    assert_eq!(app.prefs.tab, Tab::Department);
    assert_eq!(app.state.selection.department.as_deref(), Some("finance-bureau"));
}
