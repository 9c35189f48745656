//! Saves that cannot race, and a `generate` that cannot be mistaken for a
//! complete workspace when it was stopped half-way.

use std::path::Path;
use std::process::Command;
use std::sync::{Arc, Barrier};
use std::time::Duration;

use govmaturity::model::Assessment;
use govmaturity::store::{self, SaveError};

use crate::common;

const FILE: &str = "education-bureau/2025-12-31.ron";

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_govmaturity"))
}

fn read(root: &Path) -> (Assessment, store::Fingerprint) {
    let bytes = std::fs::read(root.join(FILE)).unwrap();
    let fingerprint = store::Fingerprint::read(root, Path::new(FILE)).unwrap().unwrap();
    let text = String::from_utf8(bytes).unwrap();
    (
        store::parse_assessment(&text, Path::new(FILE)).unwrap().0,
        fingerprint,
    )
}

#[test]
fn two_writers_that_loaded_the_same_file_never_both_win() {
    let dir = common::copy_workspace(&common::sample_dir());
    let root = dir.path().to_path_buf();
    for round in 0..40 {
        let (assessment, fingerprint) = read(&root);
        let barrier = Arc::new(Barrier::new(2));
        let writers: Vec<_> = ["left", "right"]
            .into_iter()
            .map(|side| {
                let (root, barrier, fingerprint) = (root.clone(), barrier.clone(), fingerprint);
                let mut mine = assessment.clone();
                mine.review_comment = format!("{side} {round}");
                std::thread::spawn(move || {
                    barrier.wait();
                    (side, store::save_assessment(&root, &mine, Some(&fingerprint)))
                })
            })
            .collect();
        let results: Vec<_> = writers.into_iter().map(|w| w.join().unwrap()).collect();
        let won: Vec<_> = results
            .iter()
            .filter(|(_, r)| r.is_ok())
            .map(|(s, _)| *s)
            .collect();
        assert_eq!(won.len(), 1, "round {round}: exactly one save wins");
        let lost = results.iter().find(|(_, r)| r.is_err()).unwrap();
        assert!(
            matches!(lost.1, Err(SaveError::Conflict { .. })),
            "round {round}: the other is told of the conflict: {:?}",
            lost.1
        );
        assert_eq!(read(&root).0.review_comment, format!("{} {round}", won[0]));
    }
}

#[test]
fn a_million_departments_are_refused_up_front() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("huge");
    let output = bin()
        .args(["generate", target.to_str().unwrap(), "--departments", "1000000"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("1000000 departments × 4 periods"), "{stderr}");
    assert!(!target.exists(), "nothing written");
}

#[test]
fn a_killed_generate_never_leaves_a_workspace_that_validates() {
    let dir = tempfile::tempdir().unwrap();
    let mut incomplete = 0;
    for (round, delay_ms) in [5u64, 20, 40, 80, 120].into_iter().enumerate() {
        let target = dir.path().join(format!("ws{round}"));
        let mut child = bin()
            .args([
                "generate",
                target.to_str().unwrap(),
                "--departments",
                "300",
                "--periods",
                "4",
            ])
            .stdout(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(delay_ms));
        let _ = child.kill();
        let status = child.wait().unwrap();
        let validate = bin()
            .args(["validate", target.to_str().unwrap()])
            .output()
            .unwrap();
        if status.success() {
            assert_eq!(validate.status.code(), Some(0));
            continue;
        }
        incomplete += 1;
        assert!(
            !target.join("workspace.ron").exists(),
            "round {round}: workspace.ron only comes last"
        );
        assert_eq!(validate.status.code(), Some(2), "round {round}: not a workspace");
        // A second run refuses the half-written folder, naming it (a folder
        // holding only the lock file counts as empty).
        let written = std::fs::read_dir(&target)
            .map(|entries| entries.flatten().any(|e| e.file_name() != store::LOCK_FILE))
            .unwrap_or(false);
        if written {
            let again = bin()
                .args(["generate", target.to_str().unwrap()])
                .output()
                .unwrap();
            let stderr = String::from_utf8_lossy(&again.stderr);
            assert_eq!(again.status.code(), Some(2));
            assert!(stderr.contains("is not empty"), "{stderr}");
            assert!(!target.join("workspace.ron").exists());
        }
    }
    // The slowest machine still kills the first round early.
    assert!(incomplete > 0);
}

#[test]
fn two_generates_into_one_folder_never_mix() {
    let dir = tempfile::tempdir().unwrap();
    for round in 0..6 {
        let target = dir.path().join(format!("ws{round}"));
        let children: Vec<_> = ["1", "2"]
            .into_iter()
            .map(|seed| {
                bin()
                    .args([
                        "generate",
                        target.to_str().unwrap(),
                        "--departments",
                        "40",
                        "--seed",
                        seed,
                    ])
                    .stdout(std::process::Stdio::null())
                    .stderr(std::process::Stdio::null())
                    .spawn()
                    .unwrap()
            })
            .collect();
        let codes: Vec<_> = children
            .into_iter()
            .map(|mut c| c.wait().unwrap().code())
            .collect();
        assert_eq!(
            codes.iter().filter(|c| **c == Some(0)).count(),
            1,
            "round {round}: one run writes, the other is refused: {codes:?}"
        );
        let loaded = store::load(&target).unwrap();
        assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
        let seed = if loaded.data.workspace.title.en.contains("seed 1") {
            1
        } else {
            2
        };
        let framework = store::builtin_framework().unwrap();
        let (_, expected) = govmaturity::generate::synthetic(
            &framework,
            govmaturity::generate::SyntheticOptions {
                departments: 40,
                periods: 4,
                seed,
                last_period: chrono::NaiveDate::from_ymd_opt(2025, 12, 31).unwrap(),
            },
        );
        let mut got = loaded.data.assessments.clone();
        got.sort_by(|a, b| (&a.department, a.period).cmp(&(&b.department, b.period)));
        assert_eq!(got, expected, "round {round}: every file from seed {seed}");
    }
}
