//! Image snapshots of the app, where a picture says more than an assertion:
//! the Overview in English and the Department view in Chinese on the sample.
//! Rendered with wgpu (software Vulkan via Mesa's lavapipe is enough) and
//! compared with the PNGs in tests/snapshots/; `UPDATE_SNAPSHOTS=1` rewrites
//! them. Only with `--features snapshots` (see .ci/run).

// Test helpers outside #[test] functions may unwrap and panic on a broken
// fixture: that is a failed test, not a crash a user could see.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::print_stdout)]

#[path = "integration/common/mod.rs"]
mod common;

use egui_kittest::Harness;
use govmaturity::app::GovApp;
use govmaturity::app::state::Tab;
use govmaturity::model::Lang;

fn rendered(tab: Tab, lang: Lang) -> Harness<'static, GovApp> {
    let workspace = common::sample_dir();
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .with_max_steps(64)
        .with_theme(egui::Theme::Light)
        .wgpu()
        .build_eframe(move |cc| GovApp::for_tests(&cc.egui_ctx, Some(&workspace)));
    harness.state_mut().prefs.tab = tab;
    harness.state_mut().prefs.lang = lang;
    harness.run();
    harness
}

#[test]
fn overview_in_english() {
    rendered(Tab::Overview, Lang::En).snapshot("overview-en");
}

#[test]
fn department_in_chinese() {
    rendered(Tab::Department, Lang::Zh).snapshot("department-zh");
}
