//! CPU time of what a user does in the app on a workspace of 1,000
//! departments × 12 periods: each measured from the command (or input
//! event) to the frame that shows its result, i.e. two frames of the whole
//! app (the frame that takes the input and the one that draws the new
//! state), so a steady frame's cost is in every figure.
//!
//! `cargo bench --bench interactions`

// Test helpers outside #[test] functions may unwrap and panic on a broken
// fixture: that is a failed test, not a crash a user could see.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::print_stdout)]

mod common;

use std::collections::BTreeMap;

use criterion::{Criterion, criterion_group, criterion_main};
use egui_kittest::Harness;
use govmaturity::app::editor::Edit;
use govmaturity::app::state::Tab;
use govmaturity::app::{Command, GovApp};
use govmaturity::model::{Level, Rating};
use govmaturity::store::LoadedWorkspace;

fn harness() -> Harness<'static, GovApp> {
    // The app writes here (a new assessment, its recovery journal).
    let root = std::env::temp_dir().join("govmaturity-bench-interactions");
    let _ = std::fs::remove_dir_all(&root);
    std::fs::create_dir_all(&root).unwrap();
    let loaded = LoadedWorkspace {
        root,
        data: common::big_dataset(),
        problems: Vec::new(),
        files: BTreeMap::new(),
        restorable: BTreeMap::new(),
    };
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_eframe(move |cc| GovApp::for_loaded(&cc.egui_ctx, loaded));
    harness.run_steps(3);
    harness
}

/// Runs `command`, then the two frames that take it and show its result.
fn interact(harness: &mut Harness<'static, GovApp>, command: Command) {
    harness.state_mut().push(command);
    harness.step();
    harness.step();
}

fn interactions(c: &mut Criterion) {
    let mut harness = harness();
    let data = harness.state().state.data().unwrap().clone();
    let periods = data.periods();
    let (latest, earlier) = (periods[periods.len() - 1], periods[periods.len() - 2]);
    let departments: Vec<String> = data.workspace.departments.iter().map(|d| d.id.clone()).collect();
    let mut group = c.benchmark_group("1000 departments x 12 periods");
    group.sample_size(20);

    group.bench_function("steady Overview frame", |b| b.iter(|| harness.step()));
    let mut flip = false;
    group.bench_function("period change", |b| {
        b.iter(|| {
            flip = !flip;
            interact(
                &mut harness,
                Command::SetPeriod(Some(if flip { earlier } else { latest })),
            );
        })
    });
    interact(&mut harness, Command::SetPeriod(None));
    let tabs = [
        Tab::Overview,
        Tab::Department,
        Tab::Trends,
        Tab::Compare,
        Tab::Plan,
    ];
    let mut next = 0;
    group.bench_function("view switch", |b| {
        b.iter(|| {
            next = (next + 1) % tabs.len();
            interact(&mut harness, Command::SetTab(tabs[next]));
        })
    });
    interact(&mut harness, Command::SetTab(Tab::Department));
    let mut next = 0;
    group.bench_function("department click (Department view)", |b| {
        b.iter(|| {
            next = (next + 7) % departments.len();
            interact(&mut harness, Command::SelectDepartment(departments[next].clone()));
        })
    });

    interact(&mut harness, Command::SetTab(Tab::Overview));
    let mut x = 0.0;
    group.bench_function("pointer move over the Overview (tooltips)", |b| {
        b.iter(|| {
            x = if x > 1300.0 { 300.0 } else { x + 37.0 };
            harness.hover_at(egui::pos2(x, 600.0));
            harness.step();
            harness.step();
        })
    });
    group.bench_function("wheel scroll of the Overview", |b| {
        b.iter(|| {
            harness.event(egui::Event::MouseWheel {
                unit: egui::MouseWheelUnit::Line,
                delta: egui::vec2(0.0, -3.0),
                modifiers: egui::Modifiers::NONE,
                phase: egui::TouchPhase::Move,
                source: egui::MouseWheelSource::Wheel,
            });
            harness.step();
            harness.step();
        })
    });
    let mut typed = 0;
    group.bench_function("search keystroke (tree search)", |b| {
        b.iter(|| {
            typed += 1;
            let search = &mut harness.state_mut().state.search;
            if typed % 4 == 0 {
                search.clear();
            } else {
                search.push(['l', 'a', 'k'][typed % 3]);
            }
            harness.step();
            harness.step();
        })
    });
    harness.state_mut().state.search.clear();

    // A draft to edit: a new assessment for a period after the last one.
    let department = departments[departments.len() / 2].clone();
    let period = latest + chrono::Days::new(1);
    interact(
        &mut harness,
        Command::NewAssessment {
            department: department.clone(),
            period,
        },
    );
    while harness.state().is_busy() {
        harness.step();
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    harness.step();
    assert!(harness.state().state.session.is_some(), "the new draft is open");
    interact(&mut harness, Command::SetTab(Tab::Overview));
    let indicator = data.framework.indicators().next().unwrap().1.id.clone();
    let mut level = 1;
    group.bench_function("answer edit (level), Overview shown", |b| {
        b.iter(|| {
            level = level % 5 + 1;
            let rating = Rating::Level(Level::clamped(level));
            interact(
                &mut harness,
                Command::Edit(Edit::Rating {
                    indicator: indicator.clone(),
                    rating,
                }),
            );
        })
    });
    let mut text = String::new();
    group.bench_function("evidence keystroke, Overview shown", |b| {
        b.iter(|| {
            text.push('x');
            interact(
                &mut harness,
                Command::Edit(Edit::Evidence {
                    indicator: indicator.clone(),
                    text: text.clone(),
                }),
            );
        })
    });
    group.finish();
}

/// The figures alone after an answer edit, without frames: the summary,
/// the priorities, the Overview (both languages) and the plan's glance
/// brought up to date for the one department that changed.
fn figures_after_an_edit(c: &mut Criterion) {
    use govmaturity::app::state::{Derived, EditKind};
    use govmaturity::model::Lang;
    let harness = harness();
    let mut data = harness.state().state.data().unwrap().clone();
    drop(harness);
    let today = chrono::Local::now().date_naive();
    let basis = govmaturity::analysis::Basis::Latest;
    let mut derived = Derived::compute(&data, 1, None, basis, today);
    for lang in Lang::ALL {
        let _ = derived.overview(&data, lang);
        let _ = derived.plan_glance(&data, lang);
    }
    let row = &derived.summary.departments[derived.summary.departments.len() / 2];
    let (department, period) = (row.department.clone(), row.current.as_ref().unwrap().period);
    let indicator = data.framework.indicators().next().unwrap().1.id.clone();
    let mut level = 1;
    let mut revision = 1;
    c.bench_function("answer edit: figures for the Overview, no frame", |b| {
        b.iter(|| {
            level = level % 5 + 1;
            revision += 1;
            let assessment = data.find_mut(&department, period).unwrap();
            assessment.answers.entry(indicator.clone()).or_default().rating =
                Rating::Level(Level::clamped(level));
            derived.edited(&data, revision, &department, EditKind::Answers);
            let lang = Lang::Zh;
            std::hint::black_box(derived.overview(&data, lang));
            std::hint::black_box(derived.plan_glance(&data, lang));
        })
    });
}

criterion_group!(benches, interactions, figures_after_an_edit);
criterion_main!(benches);
