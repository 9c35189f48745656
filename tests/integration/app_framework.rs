//! The Framework view as a user meets it: every indicator listed, the
//! rubric in the chosen language, both languages side by side on request,
//! and the filter box.

use crate::common;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use govmaturity::app::GovApp;

/// The first indicator of the built-in framework and its level-1 descriptor.
const STRATEGY_EN: &str = "Strategy & roadmap";
const STRATEGY_ZH: &str = "战略规划";
const DESCRIPTOR_EN: &str =
    "No digital-government plan exists; projects start ad hoc as individual needs arise.";
const DESCRIPTOR_ZH: &str = "未制定数字政府建设规划，项目随需立项、零散推进。";

fn framework_app() -> Harness<'static, GovApp> {
    let mut harness = common::sample_app();
    harness.get_by_label("Framework").click();
    harness.run();
    harness
}

fn shown(harness: &Harness<'static, GovApp>, label: &str) -> bool {
    harness.query_all_by_label(label).next().is_some()
}

#[test]
fn all_28_indicators_are_listed() {
    let harness = framework_app();
    let framework = &harness.state().state.data().unwrap().framework;
    assert_eq!(framework.indicator_count(), 28);
    for (dimension, indicator) in framework.indicators() {
        assert!(
            shown(&harness, &indicator.name.en),
            "{} is not listed",
            indicator.id
        );
        assert!(
            shown(&harness, &indicator.id),
            "{}'s id is not shown",
            indicator.id
        );
        assert!(
            shown(&harness, dimension.name.en.as_str()),
            "{} is not listed",
            dimension.id
        );
        // Each indicator's five descriptors are on the page.
        for descriptor in &indicator.levels {
            assert!(
                shown(&harness, &descriptor.en),
                "{}: {}",
                indicator.id,
                descriptor.en
            );
        }
    }
    // The level definitions come first, with every level's meaning.
    assert!(shown(&harness, "Maturity levels"));
    for level in &framework.levels {
        assert!(shown(&harness, &level.summary.en), "{}", level.summary.en);
    }
    // Effective weights: six equal dimensions, four to six indicators each.
    assert!(
        harness
            .query_all_by_label_contains("16.7% of the overall score")
            .count()
            == 6
    );
    assert!(harness.query_all_by_label_contains("% of its dimension").count() == 28);
}

#[test]
fn switching_to_chinese_shows_chinese_names_and_descriptors() {
    let mut harness = framework_app();
    harness.get_by_label("简体中文").click();
    harness.run();
    assert!(shown(&harness, STRATEGY_ZH));
    assert!(shown(&harness, DESCRIPTOR_ZH));
    assert!(shown(&harness, "成熟度等级"));
    assert!(!shown(&harness, STRATEGY_EN), "English names are gone");
    assert!(!shown(&harness, DESCRIPTOR_EN), "English descriptors are gone");
    let framework = &harness.state().state.data().unwrap().framework;
    for (_, indicator) in framework.indicators() {
        assert!(
            shown(&harness, &indicator.name.zh),
            "{} has no Chinese name shown",
            indicator.id
        );
    }
}

#[test]
fn both_languages_shows_both_side_by_side() {
    let mut harness = framework_app();
    assert!(!shown(&harness, DESCRIPTOR_ZH));
    harness.get_by_label("Show both languages").click();
    harness.run();
    assert!(harness.state().state.views.framework.both_languages);
    assert!(shown(&harness, DESCRIPTOR_EN));
    assert!(shown(&harness, DESCRIPTOR_ZH));
    assert!(
        shown(&harness, &format!("{STRATEGY_EN} / {STRATEGY_ZH}")),
        "names in both languages"
    );
    assert!(
        shown(&harness, "English") && shown(&harness, "Chinese"),
        "column headers"
    );
}

#[test]
fn the_filter_narrows_the_indicators() {
    let mut harness = framework_app();
    harness.get_by_label("Filter indicators").focus();
    harness.run();
    harness.get_by_label("Filter indicators").type_text("talent");
    harness.run();
    assert_eq!(harness.state().state.views.framework.search, "talent");
    let framework = &harness.state().state.data().unwrap().framework;
    for (dimension, indicator) in framework.indicators() {
        let expected = indicator.id.contains("talent") || indicator.name.en.to_lowercase().contains("talent");
        assert_eq!(
            shown(&harness, &indicator.id),
            expected,
            "{} in {}",
            indicator.id,
            dimension.id
        );
    }
}

#[test]
fn clicking_a_dimension_in_the_index_shows_only_that_dimension() {
    let mut harness = framework_app();
    harness
        .get_all_by_label("Data security & privacy")
        .next()
        .unwrap()
        .click();
    harness.run();
    assert_eq!(
        harness.state().state.views.framework.dimension.as_deref(),
        Some("security")
    );
    assert!(
        !shown(&harness, DESCRIPTOR_EN),
        "other dimensions' rubrics are hidden"
    );
    assert!(
        shown(&harness, STRATEGY_EN),
        "the index still lists every indicator"
    );
    harness.get_by_label("All dimensions").click();
    harness.run();
    assert!(shown(&harness, DESCRIPTOR_EN));
}
