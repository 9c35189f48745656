//! Reading a workspace folder: the complete load (what the app and the
//! reports start from), `summary`'s load of only the newest files, and
//! `validate`'s check of every file, on a generated workspace of 1,000
//! departments × 12 periods written to a temporary folder once (as
//! `govmaturity generate DIR --departments 1000 --periods 12 --seed 42`
//! writes it). The folder is read from the page cache: these time the
//! program, not the disk. `scripts/bench-scale.sh` times the commands end
//! to end at 1,000 and 10,000 departments.
//!
//! `cargo bench --bench store`

// Test helpers outside #[test] functions may unwrap and panic on a broken
// fixture: that is a failed test, not a crash a user could see.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::print_stdout)]

mod common;

use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use govmaturity::analysis::{self, Basis};
use govmaturity::model::Dataset;
use govmaturity::store::{self, Problem, Progress};

/// Writes `data` as a workspace folder into `root`.
fn write(root: &Path, data: &Dataset) {
    store::save_workspace(root, &data.workspace, None).unwrap();
    for assessment in &data.assessments {
        store::create_assessment(root, assessment).unwrap();
    }
    store::create_plans(root, &data.actions).unwrap();
}

fn store(c: &mut Criterion) {
    let folder = tempfile::tempdir().unwrap();
    let root = folder.path();
    write(root, &common::big_dataset());
    // Warm the page cache.
    store::load(root).unwrap();

    let mut group = c.benchmark_group("1000 departments x 12 periods");
    group.sample_size(10);
    group.bench_function("load", |b| {
        b.iter(|| std::hint::black_box(store::load(root).unwrap()))
    });
    for basis in [Basis::Latest, Basis::Approved] {
        group.bench_function(format!("summary, {} basis", basis.code()), |b| {
            b.iter(|| {
                let loaded = store::load_latest(root, None, &|a| basis.counts(a)).unwrap();
                std::hint::black_box(analysis::summarize_on(&loaded.data, None, basis))
            })
        });
    }
    // As `validate` does: every file checked, and the scoring rules' findings.
    let findings = |data: &Dataset, assessment: &_, _: &str, _: &Path| -> Vec<Problem> {
        std::hint::black_box(analysis::findings(data, assessment));
        Vec::new()
    };
    group.bench_function("validate", |b| {
        b.iter(|| std::hint::black_box(store::check(root, &Progress::default(), &findings).unwrap()))
    });
    group.finish();
}

criterion_group!(benches, store);
criterion_main!(benches);
