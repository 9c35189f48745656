//! Copies of the sample workspace for the reports' "what a figure counts"
//! tests (issue 8 §2). In the sample every department has a 2025-12-31
//! assessment: seven Approved, five not (Health Commission Submitted,
//! Human Resources Returned, Education, Transport and Civil Affairs Draft),
//! each with an Approved 2025-06-30 before it.

use std::fs;

use tempfile::TempDir;

use crate::common;

/// Finance Bureau's newest file (2025-12-31) cut off after 200 bytes, so it
/// no longer parses: its older 2025-06-30 result is all there is.
pub fn damaged_newest() -> TempDir {
    let dir = common::copy_workspace(&common::sample_dir());
    let file = dir.path().join("finance-bureau").join("2025-12-31.ron");
    let text = fs::read(&file).unwrap();
    fs::write(&file, &text[..200]).unwrap();
    dir
}

/// Transport Bureau without its 2025-12-31 draft: its latest assessment is
/// the Approved 2025-06-30, earlier than the period.
pub fn only_older() -> TempDir {
    let dir = common::copy_workspace(&common::sample_dir());
    fs::remove_file(dir.path().join("transport-bureau").join("2025-12-31.ron")).unwrap();
    dir
}

/// Civil Affairs with nothing but its 2025-12-31 Draft: on the approved
/// basis it has no figure at all.
pub fn only_a_draft() -> TempDir {
    let dir = common::copy_workspace(&common::sample_dir());
    for period in ["2024-06-30", "2024-12-31", "2025-06-30"] {
        fs::remove_file(dir.path().join("civil-affairs").join(format!("{period}.ron"))).unwrap();
    }
    dir
}
