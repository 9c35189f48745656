//! Scoring speed: summarising a generated workspace of 1,000 departments ×
//! 12 periods (what `summary`, the reports and the dashboard all start from).
//!
//! `cargo bench --bench analysis`

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use govmaturity::analysis;
use govmaturity::generate::{self, SyntheticOptions};
use govmaturity::model::Dataset;
use govmaturity::store;

fn summarize(c: &mut Criterion) {
    let framework = store::builtin_framework().expect("the built-in framework loads");
    let options = SyntheticOptions {
        departments: 1_000,
        periods: 12,
        seed: 42,
        last_period: NaiveDate::from_ymd_opt(2025, 12, 31).expect("a date"),
    };
    let (workspace, assessments) = generate::synthetic(&framework, options);
    let data = Dataset::new(workspace, framework, assessments);
    let middle = data.workspace.departments[data.workspace.departments.len() / 2]
        .id
        .clone();
    let mut group = c.benchmark_group("1000 departments x 12 periods");
    group.sample_size(20);
    group.bench_function("summarize latest period", |b| {
        b.iter(|| std::hint::black_box(analysis::summarize(&data, None)))
    });
    group.bench_function("trend of one department", |b| {
        b.iter(|| std::hint::black_box(analysis::trend(&data, &middle, None)))
    });
    group.finish();
}

criterion_group!(benches, summarize);
criterion_main!(benches);
