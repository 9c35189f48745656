//! CPU time of one Overview frame of the whole app (layout, painting into
//! shapes, accessibility tree) on a generated workspace of 1,000 departments
//! × 12 periods, and of recomputing the derived figures (summary and the
//! Overview's figures) when the data changes.
//!
//! `cargo bench --bench overview_frame`

// Test helpers outside #[test] functions may unwrap and panic on a broken
// fixture: that is a failed test, not a crash a user could see.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::print_stdout)]

mod common;

use std::collections::BTreeMap;

use criterion::{Criterion, criterion_group, criterion_main};
use egui_kittest::Harness;
use govmaturity::app::GovApp;
use govmaturity::app::state::Derived;
use govmaturity::store::LoadedWorkspace;

fn big_workspace() -> LoadedWorkspace {
    LoadedWorkspace {
        root: std::env::temp_dir().join("govmaturity-bench"),
        data: common::big_dataset(),
        problems: Vec::new(),
        files: BTreeMap::new(),
        restorable: BTreeMap::new(),
    }
}

fn overview_frame(c: &mut Criterion) {
    let loaded = big_workspace();
    let data = loaded.data.clone();
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_eframe(move |cc| GovApp::for_loaded(&cc.egui_ctx, loaded));
    harness.run_steps(3);
    let mut group = c.benchmark_group("1000 departments x 12 periods");
    group.sample_size(20);
    group.bench_function("one Overview frame", |b| b.iter(|| harness.step()));
    group.bench_function("derived figures after a change", |b| {
        // What the first frame after a change waits for: the summary and
        // the Overview's figures (computed lazily on first use).
        b.iter(|| {
            let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
            let derived = Derived::compute(&data, 1, None, govmaturity::analysis::Basis::Latest, today);
            std::hint::black_box(
                derived
                    .overview(&data, govmaturity::model::Lang::En)
                    .ranking
                    .len(),
            );
            derived
        })
    });
    group.finish();
}

criterion_group!(benches, overview_frame);
criterion_main!(benches);
