//! The short version of fuzzing (`scripts/fuzz.sh`, `fuzz/`): every input
//! that once crashed or hung a loader (`tests/fuzz-regressions/<target>/`)
//! and a small corpus the fuzzer grew (`tests/fuzz-corpus/<target>/`) go
//! through the same entry points as the fuzz targets. None may panic, and
//! the quick reader must read each file it takes as RON does. (The first
//! 41 million executions found no crash, so the regressions folder does not
//! exist yet; a crash found later goes there, with a test of the problem it
//! must give.)

use std::fs;
use std::path::{Path, PathBuf};

use govmaturity::fuzzing;
use govmaturity::store::{FileKind, Problem};

type Loader = fn(&str) -> Vec<Problem>;

const LOADERS: [(&str, FileKind, Loader); 4] = [
    ("workspace", FileKind::Workspace, fuzzing::workspace),
    ("framework", FileKind::Framework, fuzzing::framework),
    ("assessment", FileKind::Assessment, fuzzing::assessment),
    ("plan", FileKind::Plan, fuzzing::plan),
];

fn inputs(folder: &str, target: &str) -> Vec<(PathBuf, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join(folder)
        .join(target);
    let Ok(entries) = fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries.map(|e| e.unwrap().path()).collect();
    files.sort();
    files
        .into_iter()
        // The fuzz targets take text: other bytes never reach the parsers.
        .filter_map(|path| Some((path.clone(), String::from_utf8(fs::read(&path).unwrap()).ok()?)))
        .collect()
}

#[test]
fn every_committed_input_loads_without_panic_and_reads_alike() {
    let mut count = 0;
    for (target, kind, loader) in LOADERS {
        for folder in ["fuzz-regressions", "fuzz-corpus"] {
            for (path, text) in inputs(folder, target) {
                loader(&text);
                let difference = fuzzing::quick_disagrees(kind, &text);
                assert!(difference.is_none(), "{}: {difference:?}", path.display());
                count += 1;
            }
        }
    }
    assert!(count >= 20, "only {count} committed inputs");
}

#[test]
fn report_inputs_print_without_panic() {
    for folder in ["fuzz-regressions", "fuzz-corpus"] {
        for (path, text) in inputs(folder, "reports") {
            let pieces: Vec<&str> = text.split('\u{0}').collect();
            let (html, _) = fuzzing::reports(&pieces, false).unwrap_or_else(|| panic!("{}", path.display()));
            for piece in pieces.iter().filter(|p| p.contains("<x-fuzz")) {
                assert!(!html.contains(piece), "{}: unescaped {piece:?}", path.display());
            }
        }
    }
}
