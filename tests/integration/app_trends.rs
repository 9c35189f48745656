//! The Trends view as a user meets it: one department's lines over the
//! four sample periods, the all-departments mean with its band, a chosen
//! set, and the sentence that says when the target will be reached.

use crate::common;

use egui::accesskit::Role;
use egui_kittest::kittest::{NodeT, Queryable};
use govmaturity::analysis::{self, Projection};

// Whether a target date has passed depends on the machine's clock: the
// tests match the part of a sentence that does not, or move the dates.
use govmaturity::app::state::TrendScope;

const PERIODS: [&str; 4] = ["2024-06-30", "2024-12-31", "2025-06-30", "2025-12-31"];

fn trends_app() -> egui_kittest::Harness<'static, govmaturity::app::GovApp> {
    let mut harness = common::sample_app();
    harness.get_by_label("Trends").click();
    harness.run();
    harness
}

fn count(harness: &egui_kittest::Harness<'static, govmaturity::app::GovApp>, label: &str) -> usize {
    harness.query_all_by_label(label).count()
}

#[test]
fn the_trend_view_has_one_point_per_period() {
    let mut harness = trends_app();
    let app = harness.state();
    let department = app.state.selection.department.clone().unwrap();
    let cache = &app.state.views.trends.cache;
    let data = app.state.data().unwrap();
    // The overall line and one per dimension, each with a point per period.
    assert_eq!(cache.series.len(), 1 + data.framework.dimensions.len());
    let (id, overall) = &cache.series[0];
    assert_eq!(*id, None);
    assert_eq!(overall.points.len(), 4, "{department}: {:?}", overall.points);
    assert_eq!(*overall, analysis::trend(data, &department, None));
    for (id, trend) in &cache.series[1..] {
        assert_eq!(trend.points.len(), 4, "{id:?}");
    }

    let before: Vec<usize> = PERIODS.iter().map(|p| count(&harness, p)).collect();
    harness.get_by_label("Table").click();
    harness.run();
    assert!(harness.state().state.views.as_table.contains("trends.plot"));
    for (period, before) in PERIODS.iter().zip(before) {
        assert_eq!(count(&harness, period), before + 1, "one table row for {period}");
    }
}

#[test]
fn the_all_scope_shows_the_mean_with_its_band() {
    let mut harness = trends_app();
    harness.get_by_label("All departments").click();
    harness.run();
    let app = harness.state();
    let views = &app.state.views.trends;
    assert_eq!(views.scope, TrendScope::All);
    let data = app.state.data().unwrap();
    let ids: Vec<&str> = data
        .workspace
        .active_departments()
        .map(|d| d.id.as_str())
        .collect();
    let group = analysis::group_trend(data, &ids, None);
    assert_eq!(views.cache.band, group);
    assert_eq!(views.cache.band.len(), 4);
    // The mean first, then six departments of their own.
    let [(None, mean), own @ ..] = views.cache.series.as_slice() else {
        panic!("the mean line first: {:?}", views.cache.series)
    };
    assert_eq!(own.len(), 6);
    assert!(own.iter().all(|(id, _)| id.is_some()));
    let means: Vec<f64> = group.iter().map(|g| g.mean).collect();
    assert_eq!(mean.points.iter().map(|p| p.1).collect::<Vec<_>>(), means);
    assert!(
        group
            .iter()
            .all(|g| g.min <= g.mean && g.mean <= g.max && g.count == 12)
    );
    assert!(
        harness.query_by_label("Mean").is_some(),
        "the mean is named under the chart"
    );
    assert!(
        harness
            .query_by_label_contains("All departments (12 departments)")
            .is_some()
    );

    // Its table lists mean, lowest, highest and the count per period.
    harness.get_by_label("Table").click();
    harness.run();
    assert!(harness.query_by_label("Lowest").is_some());
    assert!(harness.query_by_label("Highest").is_some());
    // The first period's mean of the twelve departments, as `govmaturity
    // summary --period 2024-06-30` prints it, on that period's row.
    let row = harness.get_by_label("2024-06-30").rect();
    assert!(
        harness
            .query_all_by_label("2.38")
            .any(|n| (n.rect().center().y - row.center().y).abs() < 4.0),
        "mean 2.38 on the row of 2024-06-30"
    );
}

#[test]
fn the_projection_sentence_appears_for_a_department_with_a_target() {
    let mut harness = trends_app();
    let id = "big-data-bureau";
    harness
        .get_all_by_label("Big Data Bureau")
        .next()
        .unwrap()
        .click();
    harness.run();
    assert_eq!(harness.state().state.selection.department.as_deref(), Some(id));
    // Sharing (4.40, target 5) is the last dimension to reach its target:
    // in October 2026, shown to the month, never to the day (2026-10-11).
    assert!(
        harness
            .query_all_by_label_contains("Projected to reach target: Oct 2026")
            .next()
            .is_some(),
        "the month is shown"
    );
    assert!(harness.query_by_label_contains("2026-10-11").is_none());

    // Other outcomes get a sentence too, never a blank.
    let data = harness.state().state.data().unwrap();
    let outlooks: Vec<Projection> = data
        .framework
        .dimensions
        .iter()
        .map(|d| analysis::trend(data, id, Some(&d.id)).projection)
        .collect();
    if outlooks.contains(&Projection::Reached) {
        assert!(
            harness
                .query_all_by_label("The target is already reached.")
                .next()
                .is_some()
        );
    }
    if outlooks.contains(&Projection::NotProgressing) {
        assert!(
            harness
                .query_all_by_label("Not on track: the level is not rising.")
                .next()
                .is_some()
        );
    }
}

#[test]
fn a_chosen_set_plots_each_ticked_department() {
    let mut harness = trends_app();
    let selected = harness.state().state.selection.department.clone().unwrap();
    harness.get_by_label("Chosen departments").click();
    harness.run();
    assert!(
        harness.state().state.views.trends.chosen.contains(&selected),
        "starts from the department in view"
    );
    harness
        .get_by_role_and_label(Role::CheckBox, "Finance Bureau")
        .click();
    harness.run();
    let views = &harness.state().state.views.trends;
    assert_eq!(views.scope, TrendScope::Set);
    let ids: Vec<_> = views
        .cache
        .series
        .iter()
        .map(|(id, _)| id.clone().unwrap())
        .collect();
    assert_eq!(ids.len(), 2);
    assert!(ids.contains(&"finance-bureau".to_owned()) && ids.contains(&selected));
    assert!(views.cache.series.iter().all(|(_, t)| t.points.len() == 4));
}

#[test]
fn a_summary_row_focuses_its_dimension() {
    let mut harness = trends_app();
    // A row of the summary under the chart focuses its line, as the
    // Dimension picker does.
    harness.get_by_label("Digital talent & skills").click();
    harness.run();
    assert_eq!(
        harness.state().state.views.trends.dimension.as_deref(),
        Some("talent")
    );
    harness.get_by_label("Overall").click();
    harness.run();
    assert_eq!(harness.state().state.views.trends.dimension, None);
}

#[test]
fn the_dimension_picker_plots_that_dimension() {
    let mut harness = trends_app();
    harness.get_by_label("Chosen departments").click();
    harness.run();
    harness.get_by_role_and_label(Role::ComboBox, "Dimension").click();
    harness.run();
    harness.get_by_label("Data security & privacy").click();
    harness.run();
    let app = harness.state();
    let views = &app.state.views.trends;
    assert_eq!(views.dimension.as_deref(), Some("security"));
    let data = app.state.data().unwrap();
    let [(Some(id), trend)] = views.cache.series.as_slice() else {
        panic!("{:?}", views.cache.series)
    };
    assert_eq!(*trend, analysis::trend(data, id, Some("security")));
}

#[test]
fn trends_follow_the_language() {
    let mut harness = trends_app();
    harness.get_by_label("简体中文").click();
    harness.run();
    assert!(harness.query_by_label("单个部门").is_some());
    assert!(
        harness.query_by_label("总体").is_some(),
        "the overall line is named in Chinese"
    );
    assert!(
        harness
            .query_all_by_label_contains("等级随时间变化")
            .next()
            .is_some()
    );
}

/// The dates at the chart's left and right edges, from its accessible label
/// "Level over time: 2024-05-01 – 2026-02-15".
fn dates_in_view(harness: &egui_kittest::Harness<'static, govmaturity::app::GovApp>) -> (i64, i64) {
    let node = harness.get_by_label_contains("Level over time: ");
    let label = node.accesskit_node().label().unwrap();
    let (_, range) = label.split_once(": ").unwrap();
    let (from, to) = range.split_once(" – ").unwrap();
    let day = |s: &str| {
        chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
            .unwrap()
            .signed_duration_since(chrono::NaiveDate::MIN)
            .num_days()
    };
    (day(from), day(to))
}

#[test]
fn time_pans_and_zooms_and_a_double_click_shows_it_all_again() {
    let mut harness = trends_app();
    let whole = dates_in_view(&harness);
    let centre = harness.get_by_label_contains("Level over time: ").rect().center();

    // Dragging the chart to the left brings later dates into view.
    harness.drag_at(centre);
    harness.run();
    harness.hover_at(centre - egui::vec2(200.0, 0.0));
    harness.run();
    harness.drop_at(centre - egui::vec2(200.0, 0.0));
    harness.run();
    let panned = dates_in_view(&harness);
    assert!(panned.0 > whole.0 && panned.1 > whole.1, "{whole:?} → {panned:?}");
    assert!(
        ((panned.1 - panned.0) - (whole.1 - whole.0)).abs() <= 1,
        "a pan keeps the span"
    );

    // Zooming in (Ctrl + scroll, or a pinch) narrows the span of time.
    harness.hover_at(centre);
    harness.event(egui::Event::Zoom(2.0));
    harness.run();
    let zoomed = dates_in_view(&harness);
    assert!(
        zoomed.1 - zoomed.0 < (whole.1 - whole.0) * 3 / 4,
        "{whole:?} → {zoomed:?}"
    );

    // A double click shows the whole extent again. (A harness step is a
    // quarter of a second, too slow for a double click: set the clock.)
    let now = harness.ctx.input(|i| i.time);
    for (step, pressed) in [true, false, true, false].into_iter().enumerate() {
        harness.input_mut().time = Some(now + 0.05 * (step + 1) as f64);
        harness.event(egui::Event::PointerButton {
            pos: centre,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
        harness.step();
    }
    harness.input_mut().time = None;
    harness.run();
    assert_eq!(dates_in_view(&harness), whole);

    // Another scope over the same dates keeps the window the user chose; a
    // department whose projection reaches further shows the whole of its own.
    harness.drag_at(centre);
    harness.run();
    harness.hover_at(centre + egui::vec2(150.0, 0.0));
    harness.run();
    harness.drop_at(centre + egui::vec2(150.0, 0.0));
    harness.run();
    let chosen = dates_in_view(&harness);
    assert!(chosen.0 < whole.0, "{whole:?} → {chosen:?}");
    harness.get_by_label("Chosen departments").click();
    harness.run();
    assert_eq!(dates_in_view(&harness), chosen);
    // All departments keep the axis on the data: the same first period,
    // but no run-on to the target date (2026-12-31) after the last period.
    harness.get_by_label("All departments").click();
    harness.run();
    let all = dates_in_view(&harness);
    assert_eq!(all.0, whole.0, "starts at the first period");
    assert!(all.1 < whole.1, "{whole:?} → {all:?}");
    harness.get_by_label("One department").click();
    harness.run();
    // The Government Service Centre is projected to reach its target in
    // December 2033.
    harness
        .get_all_by_label("Government Service Centre")
        .next()
        .unwrap()
        .click();
    harness.run();
    // Eight years on is beyond the chart: the axis stays on the data and
    // its target date, and a note points to the date in the table.
    let centre = dates_in_view(&harness);
    assert_eq!(centre, whole);
    assert!(
        harness
            .query_by_label_contains("Projections beyond the chart are given in the table below.")
            .is_some()
    );
}

/// A copy of the sample workspace with every `by: "2026-12-31"` target
/// date replaced.
fn sample_with_target_dates(by: &str) -> tempfile::TempDir {
    let dir = common::copy_workspace(&common::sample_dir());
    let path = dir.path().join("workspace.ron");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("by: \"2026-12-31\""));
    std::fs::write(
        &path,
        text.replace("by: \"2026-12-31\"", &format!("by: \"{by}\"")),
    )
    .unwrap();
    dir
}

fn trends_on(dir: &std::path::Path) -> egui_kittest::Harness<'static, govmaturity::app::GovApp> {
    let mut harness = common::app(Some(dir));
    harness.get_by_label("Trends").click();
    harness.run();
    harness
}

#[test]
fn below_target_in_five_of_six_dimensions_is_not_target_reached() {
    let mut harness = trends_app();
    // The Government Service Centre's overall mean (3.22) is above its
    // lowest dimension target (talent, 3), yet five of its six dimensions
    // are below target: once "The target is already reached."
    harness
        .get_all_by_label("Government Service Centre")
        .next()
        .unwrap()
        .click();
    harness.run();
    assert!(
        harness
            .query_by_label("Target reached: every dimension with a target has reached it.")
            .is_none()
    );
    // The overall target is the mean of the six targets, (4 × 5 + 3) / 6.
    assert!(harness.query_by_label_contains("3.83 · 2026-12-31").is_some());
    // Design (3.00 → 4) is the last to get there, in December 2033: the
    // overall line's outlook and design's own.
    assert_eq!(
        harness
            .query_all_by_label_contains("Projected to reach target: Dec 2033")
            .count(),
        2
    );
    // What "target" and "reached" mean is said under the chart.
    assert!(
        harness
            .query_by_label_contains("On target means every dimension with a target has reached its own")
            .is_some()
    );
}

#[test]
fn a_passed_target_date_is_overdue_never_on_schedule() {
    let dir = sample_with_target_dates("2025-12-31");
    let mut harness = trends_on(dir.path());
    harness
        .get_all_by_label("Big Data Bureau")
        .next()
        .unwrap()
        .click();
    harness.run();
    // Projected to October 2026, due by 2025-12-31, which has passed.
    assert!(
        harness
            .query_all_by_label_contains("Projected to reach target: Oct 2026 (overdue)")
            .next()
            .is_some()
    );
    assert!(harness.query_by_label_contains("on schedule").is_none());
    harness.get_by_label("简体中文").click();
    harness.run();
    assert!(
        harness
            .query_all_by_label_contains("预计达标日期：2026年10月（逾期）")
            .next()
            .is_some()
    );
    // The Public Security Bureau's data sharing is not rising (2.00 → 4):
    // overdue is said first.
    harness.get_by_label("English").click();
    harness.run();
    harness
        .get_all_by_label("Public Security Bureau")
        .next()
        .unwrap()
        .click();
    harness.run();
    assert!(
        harness
            .query_all_by_label("Overdue: the target date has passed. Not on track: the level is not rising.")
            .next()
            .is_some()
    );
}

#[test]
fn a_projection_beyond_ten_years_is_not_dated() {
    let mut harness = trends_app();
    // Civil Affairs' data sharing rises 0.33 a level in 18 months from 2.00:
    // level 4 is further than ten years away.
    harness
        .get_all_by_label("Civil Affairs Bureau")
        .next()
        .unwrap()
        .click();
    harness.run();
    assert!(
        harness
            .query_all_by_label_contains("Not within 10 years at the current pace.")
            .next()
            .is_some()
    );
    harness.get_by_label("简体中文").click();
    harness.run();
    assert!(
        harness
            .query_all_by_label_contains("按当前进度10年内无法达到。")
            .next()
            .is_some()
    );
}

#[test]
fn many_departments_keep_the_time_axis_on_the_data() {
    // Targets due in 2031: far beyond the last period (2025-12-31).
    let dir = sample_with_target_dates("2031-12-31");
    let mut harness = trends_on(dir.path());
    let day = |s: &str| {
        chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
            .unwrap()
            .signed_duration_since(chrono::NaiveDate::MIN)
            .num_days()
    };
    // One department: the axis stays near the data (at most two years on),
    // and the target date beyond it is named under the chart.
    let one = dates_in_view(&harness);
    assert!(one.1 < day("2028-03-01"), "{one:?}");
    assert!(
        harness
            .query_by_label_contains("Target date beyond the chart: 2031-12-31")
            .is_some()
    );
    // Every department chosen, or all of them: the periods, with a margin
    // of at most 45 days either side (2024-06-30 … 2025-12-31).
    harness.get_by_label("Chosen departments").click();
    harness.run();
    harness.get_by_label("Tick all shown").click();
    harness.run();
    assert_eq!(harness.state().state.views.trends.chosen.len(), 12);
    let set = dates_in_view(&harness);
    assert!(
        set.0 >= day("2024-05-16") && set.1 <= day("2026-02-14"),
        "{set:?}"
    );
    harness.get_by_label("All departments").click();
    harness.run();
    let all = dates_in_view(&harness);
    assert!(
        all.0 >= day("2024-05-16") && all.1 <= day("2026-02-14"),
        "{all:?}"
    );
}
