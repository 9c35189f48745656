//! Scoring speed: summarising a generated workspace of 1,000 departments ×
//! 12 periods (what `summary`, the reports and the dashboard all start from),
//! and the Overview's figures (`present::overview`: ranking with shared
//! ranks, stages, imbalances, priorities, every figure written) at 1,000 and
//! 10,000 departments.
//!
//! `cargo bench --bench analysis`

// Test helpers outside #[test] functions may unwrap and panic on a broken
// fixture: that is a failed test, not a crash a user could see.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::print_stdout)]

mod common;

use criterion::{Criterion, criterion_group, criterion_main};
use govmaturity::analysis;
use govmaturity::model::Lang;
use govmaturity::present::overview;

fn summarize(c: &mut Criterion) {
    let data = common::big_dataset();
    let middle = data.workspace.departments[data.workspace.departments.len() / 2]
        .id
        .clone();
    let mut group = c.benchmark_group("1000 departments x 12 periods");
    group.sample_size(20);
    group.bench_function("summarize latest period", |b| {
        b.iter(|| std::hint::black_box(analysis::summarize(&data, None)))
    });
    group.bench_function("summarize latest period, approved basis", |b| {
        b.iter(|| std::hint::black_box(analysis::summarize_on(&data, None, analysis::Basis::Approved)))
    });
    group.bench_function("trend of one department", |b| {
        b.iter(|| std::hint::black_box(analysis::trend(&data, &middle, None)))
    });
    let summary = analysis::summarize(&data, None);
    group.bench_function("Overview figures", |b| {
        b.iter(|| std::hint::black_box(overview::overview(&data, &summary, Lang::Zh)))
    });
    group.finish();
    let data = common::dataset(10_000, 2);
    let summary = analysis::summarize(&data, None);
    let mut group = c.benchmark_group("10000 departments x 2 periods");
    group.sample_size(10);
    group.bench_function("Overview figures", |b| {
        b.iter(|| std::hint::black_box(overview::overview(&data, &summary, Lang::Zh)))
    });
    group.finish();
}

criterion_group!(benches, summarize);
criterion_main!(benches);
