//! Report speed: each format (HTML, PDF, Excel, Word), full and brief, of a
//! generated workspace of 1,000 departments × 12 periods built in memory,
//! so the figures are the report's own, without reading files; then what
//! `govmaturity report` does before that, from the same workspace written
//! to a folder: the report's load (older assessments without their text),
//! and that load followed by the full HTML report.
//!
//! `cargo bench --bench reports` (a few minutes: ten samples each).

// Test helpers outside #[test] functions may unwrap and panic on a broken
// fixture: that is a failed test, not a crash a user could see.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::print_stdout)]

mod common;

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::Duration;

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use govmaturity::analysis::Basis;
use govmaturity::model::Dataset;
use govmaturity::model::Lang;
use govmaturity::report::{self, Format, ReportKind, ReportOptions};
use govmaturity::store::{self, LoadedWorkspace};

fn reports(c: &mut Criterion) {
    let loaded = LoadedWorkspace {
        root: PathBuf::new(),
        data: common::big_dataset(),
        problems: Vec::new(),
        files: BTreeMap::new(),
        restorable: BTreeMap::new(),
    };
    let mut group = c.benchmark_group("report of 1000 departments x 12 periods");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(20));
    for kind in [ReportKind::Full, ReportKind::Brief] {
        for format in [Format::Html, Format::Pdf, Format::Xlsx, Format::Docx] {
            let options = ReportOptions {
                format,
                period: None,
                department: None,
                basis: Basis::Approved,
                lang: Lang::En,
                generated: NaiveDate::from_ymd_opt(2026, 1, 15).expect("a date"),
                kind,
                style: Default::default(),
                split: false,
            };
            let name = format!("{kind:?} {}", format.extension());
            group.bench_function(name, |b| {
                b.iter(|| std::hint::black_box(report::render(&loaded, &options).expect("renders")))
            });
        }
    }
    group.finish();
}

/// Writes `data` as a workspace folder into `root`.
fn write(root: &std::path::Path, data: &Dataset) {
    store::save_workspace(root, &data.workspace, None).unwrap();
    for assessment in &data.assessments {
        store::create_assessment(root, assessment).unwrap();
    }
    store::create_plans(root, &data.actions).unwrap();
}

fn from_folder(c: &mut Criterion) {
    let folder = tempfile::tempdir().unwrap();
    let root = folder.path();
    write(root, &common::big_dataset());
    let basis = Basis::Approved;
    let load = || store::load_for_report(root, None, &|a| basis.counts(a), true).unwrap();
    // Warm the page cache.
    load();
    let options = ReportOptions {
        format: Format::Html,
        period: None,
        department: None,
        basis,
        lang: Lang::En,
        generated: NaiveDate::from_ymd_opt(2026, 1, 15).expect("a date"),
        kind: ReportKind::Full,
        style: Default::default(),
        split: false,
    };
    let mut group = c.benchmark_group("report of 1000 departments x 12 periods from a folder");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(20));
    group.bench_function("load for a report", |b| b.iter(|| std::hint::black_box(load())));
    group.bench_function("load and Full html", |b| {
        b.iter(|| std::hint::black_box(report::render(&load(), &options).expect("renders")))
    });
    group.finish();
}

criterion_group!(benches, reports, from_folder);
criterion_main!(benches);
