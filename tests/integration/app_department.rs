//! The Department view as a user meets it: the chosen department's header
//! and dimension table (with the same figures `analysis` computes), radar
//! series toggles, the drill-down to an indicator's rubric text and
//! evidence, and Chinese names when the language is Chinese.

use crate::common;

use egui::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use govmaturity::app::state::Tab;
use govmaturity::app::{Command, GovApp};
use govmaturity::model::{Lang, Rating};

const FINANCE: &str = "finance-bureau";

/// The sample app on the Department tab with the Finance Bureau selected.
fn finance_department() -> Harness<'static, GovApp> {
    let mut harness = common::sample_app();
    // The tab first: other views may name the department too.
    harness.get_by_role_and_label(Role::Button, "Department").click();
    harness.run();
    harness.get_by_label("Finance Bureau").click();
    harness.run();
    assert_eq!(harness.state().prefs.tab, Tab::Department);
    assert_eq!(
        harness.state().state.selection.department.as_deref(),
        Some(FINANCE)
    );
    harness
}

#[test]
fn selecting_a_department_shows_its_name_and_dimension_means() {
    let harness = finance_department();
    // Once in the department tree, once as the view's heading.
    assert!(
        harness.query_all_by_label("Finance Bureau").count() >= 2,
        "the heading names the department"
    );
    assert!(harness.query_by_label("Period: 2025-12-31").is_some());
    // Finance Bureau's dimension means at 2025-12-31, as `govmaturity
    // summary` prints them, each on its dimension's row.
    for (dimension, mean) in [
        ("Top-level design & standards", "3.40"),
        ("Data sharing & openness", "2.80"),
        ("Data security & privacy", "3.00"),
        ("Digital talent & skills", "1.75"),
        ("Organisation & coordination", "2.50"),
        ("Service capacity & resilience", "2.00"),
    ] {
        assert!(
            in_row_of(&harness, dimension, mean),
            "{dimension}: mean {mean} on its row"
        );
    }
    assert!(
        figure_under(&harness, "Overall level", "2.58"),
        "overall level 2.58"
    );
}

/// Whether `text` is shown on the same row as the (rightmost) node labelled `row`.
fn in_row_of(harness: &egui_kittest::Harness<'_, GovApp>, row: &str, text: &str) -> bool {
    let Some(row) = harness
        .query_all_by_label(row)
        .max_by(|a, b| a.rect().left().total_cmp(&b.rect().left()))
    else {
        return false;
    };
    let y = row.rect().center().y;
    harness
        .query_all_by_label(text)
        .any(|n| (n.rect().center().y - y).abs() < 6.0)
}

/// Whether `figure` is shown just under the caption `caption`.
fn figure_under(harness: &egui_kittest::Harness<'_, GovApp>, caption: &str, figure: &str) -> bool {
    let captions: Vec<egui::Rect> = harness.query_all_by_label(caption).map(|n| n.rect()).collect();
    harness.query_all_by_label(figure).any(|n| {
        let r = n.rect();
        captions.iter().any(|c| {
            (r.left() - c.left()).abs() < 2.0 && r.top() >= c.bottom() && r.top() - c.bottom() < 12.0
        })
    })
}

#[test]
fn unticking_a_radar_series_hides_it() {
    let mut harness = finance_department();
    assert!(harness.state().state.views.department.show_previous);
    harness.get_by_label("Previous period").click();
    harness.run();
    assert!(!harness.state().state.views.department.show_previous);
    assert!(
        harness.state().state.views.department.show_current,
        "the others stay on"
    );
    harness.get_by_label("Previous period").click();
    harness.run();
    assert!(harness.state().state.views.department.show_previous);
}

#[test]
fn radar_offers_its_table_view() {
    let mut harness = finance_department();
    assert!(
        harness.query_by_role_and_label(Role::Image, "Profile").is_some(),
        "the radar widget is labelled"
    );
    harness.get_by_label("Table").click();
    harness.run();
    assert!(harness.state().state.views.as_table.contains("department.radar"));
}

#[test]
fn drill_down_shows_the_rubric_text_of_the_answered_level() {
    let mut harness = finance_department();
    harness.get_by_label("Data sharing & openness").click();
    harness.run();
    assert_eq!(
        harness.state().state.selection.dimension.as_deref(),
        Some("sharing")
    );

    let (indicator_id, name, descriptor, evidence) = {
        let data = harness.state().state.data().unwrap();
        let latest = data.latest_for(FINANCE, None).unwrap();
        let dimension = data.framework.dimension("sharing").unwrap();
        // The last indicator of the dimension that has a level, so the test
        // does not merely see the default (first) one.
        let (indicator, answer) = dimension
            .indicators
            .iter()
            .rev()
            .find_map(|i| {
                latest
                    .answers
                    .get(&i.id)
                    .filter(|a| matches!(a.rating, Rating::Level(_)))
                    .map(|a| (i, a))
            })
            .unwrap();
        let level = answer.rating.level().unwrap();
        (
            indicator.id.clone(),
            indicator.name.get(Lang::En).to_owned(),
            indicator.levels[level.index()].get(Lang::En).to_owned(),
            answer.evidence.clone(),
        )
    };
    harness.get_by_label(&name).click();
    harness.run();
    assert_eq!(
        harness.state().state.views.department.indicator.as_deref(),
        Some(indicator_id.as_str())
    );
    assert!(harness.query_by_label("What this level means").is_some());
    assert!(
        harness.query_by_label(&descriptor).is_some(),
        "rubric text of the level: {descriptor}"
    );
    if !evidence.is_empty() {
        assert!(harness.query_by_label(&evidence).is_some(), "evidence is shown");
    }
    assert!(harness.query_by_label_contains("Confidence: ").is_some());
}

#[test]
fn chinese_shows_chinese_dimension_names() {
    let mut harness = finance_department();
    harness.get_by_label("简体中文").click();
    harness.run();
    assert!(
        harness.query_all_by_label("市财政局").count() >= 2,
        "department heading in Chinese"
    );
    let data = harness.state().state.data().unwrap();
    let names: Vec<String> = data
        .framework
        .dimensions
        .iter()
        .map(|d| d.name.get(Lang::Zh).to_owned())
        .collect();
    for name in &names {
        assert!(harness.query_by_label(name).is_some(), "{name} is shown");
    }
    assert!(harness.query_by_label("Data sharing & openness").is_none());
    assert!(
        harness.query_all_by_label("上期").next().is_some(),
        "series toggles are translated"
    );
    // Dates and labels the Chinese way: full-width colon, 年月日.
    assert!(harness.query_by_label("评估期：2025年12月31日").is_some());
    assert!(harness.query_by_label("上期：2025年6月30日").is_some());
    assert!(figure_under(&harness, "总体等级", "2.58"));
    // 27 of the 27 applicable indicators answered (one is not applicable).
    assert!(figure_under(&harness, "覆盖率", "100%（27 / 27 已作答）"));
}

#[test]
fn a_heatmap_click_opens_that_dimension_in_the_drill_down() {
    let mut harness = common::sample_app();
    harness.state_mut().push(Command::ShowCell {
        department: FINANCE.into(),
        dimension: "talent".into(),
    });
    harness.run();
    assert_eq!(harness.state().prefs.tab, Tab::Department);
    assert!(
        harness
            .query_by_label("Indicator answers — Digital talent & skills")
            .is_some()
    );
    assert_eq!(
        harness.state().state.views.department.scrolled_to,
        Some((FINANCE.into(), "talent".into()))
    );
    // Its first indicator is open, with the rubric text of its level.
    let data = harness.state().state.data().unwrap();
    let latest = data.latest_for(FINANCE, None).unwrap();
    let first = &data.framework.dimension("talent").unwrap().indicators[0];
    let level = latest.level(&first.id).unwrap();
    assert!(
        harness
            .query_by_label(first.levels[level.index()].get(Lang::En))
            .is_some()
    );
}

#[test]
fn an_earlier_period_shows_that_assessment() {
    let mut harness = finance_department();
    let first = "2024-06-30".parse().unwrap();
    harness.state_mut().push(Command::SetPeriod(Some(first)));
    harness.run();
    assert!(harness.query_by_label("Period: 2024-06-30").is_some());
    // Finance Bureau's overall level at 2024-06-30, as `govmaturity summary
    // --period 2024-06-30` prints it.
    assert!(
        figure_under(&harness, "Overall level", "2.34"),
        "overall level 2.34 of that period"
    );
    // The first period has nothing before it: no change, no previous series.
    assert!(
        harness
            .query_by_label("Previous: no previous assessment")
            .is_some()
    );
}

/// The sample app on the Department tab with `name` selected.
fn department(name: &str) -> Harness<'static, GovApp> {
    let mut harness = common::sample_app();
    harness.get_by_role_and_label(Role::Button, "Department").click();
    harness.run();
    harness.get_by_label(name).click();
    harness.run();
    harness
}

#[test]
fn the_header_says_whether_every_dimension_is_on_target() {
    // The Government Service Centre: overall 3.22, above its lowest
    // dimension target (talent, 3), but below target in five of six
    // dimensions (only service, 4.20 ≥ 4, has reached it).
    let mut harness = department("Government Service Centre");
    assert!(harness.query_by_label("Overall target").is_some());
    // (4 + 4 + 4 + 3 + 4 + 4) / 6 = 3.83, due by the latest target date.
    assert!(harness.query_by_label("3.83 · by 2026-12-31").is_some());
    assert!(
        harness
            .query_by_label("No: 5 of 6 dimensions below target")
            .is_some()
    );
    // Design, the slowest, reaches 4 in December 2033: shown to the month.
    assert!(
        harness
            .query_by_label_contains("Projected to reach target: Dec 2033")
            .is_some()
    );

    // The Big Data Bureau's own sharing target (5) raises its overall target:
    // (4 + 5 + 4 + 3 + 4 + 4) / 6 = 4.00. Sharing 4.40 and service 3.80 short.
    harness.get_by_label("Big Data Bureau").click();
    harness.run();
    assert!(harness.query_by_label("4.00 · by 2026-12-31").is_some());
    assert!(
        harness
            .query_by_label("No: 2 of 6 dimensions below target")
            .is_some()
    );

    harness.get_by_label("简体中文").click();
    harness.run();
    assert!(harness.query_by_label("总体目标").is_some());
    assert!(harness.query_by_label("4.00 · 截止 2026年12月31日").is_some());
    assert!(
        harness
            .query_by_label("否：设定目标的6个维度中有2个维度未达目标")
            .is_some()
    );
    assert!(
        harness
            .query_by_label_contains("预计达标日期：2026年10月")
            .is_some()
    );
}

#[test]
fn every_dimension_at_its_target_reads_on_target() {
    // Every target lowered to level 2: the Big Data Bureau (no dimension
    // below 3.00) has reached all of them.
    let dir = common::copy_workspace(&common::sample_dir());
    let path = dir.path().join("workspace.ron");
    let text = std::fs::read_to_string(&path).unwrap();
    let lowered = ["level: 3,", "level: 4,", "level: 5,"]
        .iter()
        .fold(text, |text, level| text.replace(level, "level: 2,"));
    std::fs::write(&path, lowered).unwrap();
    let mut harness = common::app(Some(dir.path()));
    harness.get_by_role_and_label(Role::Button, "Department").click();
    harness.run();
    // The first department is selected already: its name is also the heading.
    harness
        .get_all_by_label("Big Data Bureau")
        .next()
        .unwrap()
        .click();
    harness.run();
    assert!(harness.query_by_label("2.00 · by 2026-12-31").is_some());
    assert!(
        harness
            .query_by_label("Yes: every dimension with a target has reached it")
            .is_some()
    );
    assert!(
        harness
            .query_by_label("Target reached: every dimension with a target has reached it.")
            .is_some()
    );
}

/// The sample's department with several assessors (its assessment was returned).
const HR: &str = "Human Resources and Social Security Bureau";

#[test]
fn a_department_with_several_assessors_shows_how_far_they_agree_and_leads_to_the_consensus_screen() {
    let mut harness = common::sample_app();
    harness.get_by_role_and_label(Role::Button, "Department").click();
    harness.run();
    harness.get_by_label(HR).click();
    harness.run();
    assert!(harness.query_by_label("Rater agreement").is_some());
    assert!(
        harness
            .query_by_label("Assessors agree within one level on 26 of 28 indicators (93%).")
            .is_some()
    );
    // Spreads of two levels are marked with a sign, not colour alone.
    assert_eq!(harness.query_all_by_label("⚠ 2").count(), 2);
    harness.get_by_label("Open the consensus screen").click();
    harness.run();
    crate::app_assess::settle(&mut harness);
    assert_eq!(harness.state().prefs.tab, Tab::Assess);
    assert!(harness.query_by_label("← Back to the answers").is_some());
    // Returned, so editable: the chooser is there.
    harness
        .get_all_by_label("Exchange mechanism")
        .next()
        .unwrap()
        .click();
    harness.run();
    assert!(harness.query_by_label("Apply the agreed level").is_some());

    // And in Chinese.
    harness.state_mut().push(Command::SetLang(Lang::Zh));
    harness.state_mut().push(Command::SetTab(Tab::Department));
    harness.run();
    assert!(harness.query_by_label("评估人一致性").is_some());
    assert!(
        harness
            .query_by_label_contains("评估人在 28 项指标中的 26 项上相差不超过一级")
            .is_some()
    );
}
