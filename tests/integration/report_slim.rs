//! The report loader (`store::load_for_report`) keeps the text of each
//! department's current assessment only: every report it feeds must be
//! byte for byte the one the whole load gives, with the same problems.

use std::path::Path;

use chrono::NaiveDate;
use govmaturity::analysis::Basis;
use govmaturity::model::Lang;
use govmaturity::report::{self, CsvTable, Format, ReportKind, ReportOptions};
use govmaturity::store::{self, LoadedWorkspace};

/// A generated workspace of 12 departments × 4 periods, with a file that
/// does not parse, one filed under the wrong department, a newer draft
/// (so the approved and latest bases differ) and a date between periods.
fn workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_govmaturity"))
        .args(["generate", dir.path().to_str().unwrap()])
        .args(["--departments", "12", "--periods", "4", "--seed", "3"])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let folders = department_folders(dir.path());
    let newest = |folder: &Path| {
        let mut files: Vec<_> = std::fs::read_dir(folder)
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.file_name().is_some_and(|n| n != "plan.ron"))
            .collect();
        files.sort();
        files.pop().unwrap()
    };
    // Cut short: it does not parse.
    let broken = newest(&folders[0]);
    let text = std::fs::read_to_string(&broken).unwrap();
    std::fs::write(&broken, &text[..text.len() / 2]).unwrap();
    // Names another department than its folder.
    let moved = newest(&folders[1]);
    let text = std::fs::read_to_string(&moved).unwrap();
    let own = folders[1].file_name().unwrap().to_str().unwrap();
    let other = folders[2].file_name().unwrap().to_str().unwrap();
    std::fs::write(&moved, text.replacen(own, other, 1)).unwrap();
    // A draft newer than everything else.
    let draft = newest(&folders[3]);
    let text = std::fs::read_to_string(&draft)
        .unwrap()
        .replacen("status: Approved", "status: Draft", 1);
    std::fs::write(
        draft.with_file_name("2030-06-30.ron"),
        text.replacen(
            &draft.file_stem().unwrap().to_string_lossy().to_string(),
            "2030-06-30",
            1,
        ),
    )
    .unwrap();
    dir
}

fn department_folders(root: &Path) -> Vec<std::path::PathBuf> {
    let mut folders: Vec<_> = std::fs::read_dir(root)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_dir() && !p.file_name().unwrap().to_string_lossy().starts_with('.'))
        .collect();
    folders.sort();
    folders
}

fn options(format: Format, kind: ReportKind, period: Option<NaiveDate>, basis: Basis) -> ReportOptions {
    ReportOptions {
        format,
        period,
        department: None,
        basis,
        lang: Lang::En,
        generated: NaiveDate::from_ymd_opt(2026, 1, 15).unwrap(),
        kind,
        style: Default::default(),
        split: false,
    }
}

fn slim(root: &Path, options: &ReportOptions) -> LoadedWorkspace {
    let basis = options.basis;
    let current_text = options.kind != ReportKind::Brief;
    store::load_for_report(root, options.period, &|a| basis.counts(a), current_text).unwrap()
}

#[test]
fn reports_from_the_report_loader_are_those_of_the_whole_load() {
    let dir = workspace();
    let root = dir.path();
    let full = store::load(root).unwrap();
    assert!(full.has_errors(), "the fixture has files that fail");
    let periods: Vec<NaiveDate> = full.data.assessments.iter().map(|a| a.period).collect();
    let between = *periods.iter().min().unwrap() + chrono::Days::new(200);
    let department = full.data.workspace.departments[4].id.clone();
    for basis in [Basis::Approved, Basis::Latest] {
        for period in [None, Some(between)] {
            let options = options(Format::Html, ReportKind::Full, period, basis);
            let slim = slim(root, &options);
            assert_eq!(slim.problems, full.problems);
            assert_eq!(slim.files, full.files);
            assert_eq!(slim.restorable, full.restorable);
            assert_eq!(slim.data.unreadable, full.data.unreadable);
            assert_eq!(slim.data.actions, full.data.actions);
            assert!(
                slim.data.assessments.iter().any(|a| a.audit.is_empty())
                    && full.data.assessments.iter().all(|a| !a.audit.is_empty()),
                "older assessments lose their text"
            );
            let same = |options: &ReportOptions| {
                let whole = report::render(&full, options).unwrap();
                let slimmed = report::render(&slim, options).unwrap();
                assert!(whole == slimmed, "{options:?}");
            };
            for kind in [ReportKind::Full, ReportKind::Brief] {
                same(&ReportOptions {
                    kind,
                    ..options.clone()
                });
            }
            // A brief's loader keeps no answer's text at all, in any format.
            let brief = ReportOptions {
                kind: ReportKind::Brief,
                ..options.clone()
            };
            let bare = store::load_for_report(root, period, &|a| basis.counts(a), false).unwrap();
            assert!(bare.data.assessments.iter().all(|a| a.audit.is_empty()));
            for format in [Format::Html, Format::Pdf, Format::Docx, Format::Xlsx] {
                let brief = ReportOptions {
                    format,
                    ..brief.clone()
                };
                assert!(
                    report::render(&full, &brief).unwrap() == report::render(&bare, &brief).unwrap(),
                    "{brief:?}"
                );
            }
            same(&ReportOptions {
                department: Some(department.clone()),
                ..options.clone()
            });
            same(&ReportOptions {
                format: Format::Docx,
                ..options.clone()
            });
            assert_eq!(
                report::render_csv(&full, &options, CsvTable::Actions).unwrap(),
                report::render_csv(&slim, &options, CsvTable::Actions).unwrap()
            );
        }
    }
    // The brief, and each other format, on the command line's defaults.
    let options = options(Format::Html, ReportKind::Full, None, Basis::Approved);
    let slim = slim(root, &options);
    let brief = (Format::Html, ReportKind::Brief);
    let others = [Format::Pdf, Format::Xlsx, Format::Docx].map(|format| (format, ReportKind::Full));
    for (format, kind) in std::iter::once(brief).chain(others) {
        let options = ReportOptions {
            format,
            kind,
            ..options.clone()
        };
        assert!(
            report::render(&full, &options).unwrap() == report::render(&slim, &options).unwrap(),
            "{format:?} {kind:?}"
        );
    }
}
