//! Where things live in a workspace folder. Department ids become folder
//! names, so every path built here is checked: nothing from a file can make
//! the program write outside the workspace.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::StoreError;
use crate::model;

/// The workspace settings, at the root of the folder.
pub const WORKSPACE_FILE: &str = "workspace.ron";
/// A custom framework, at the root, used when `workspace.framework` is `Custom`.
pub const FRAMEWORK_FILE: &str = "framework.ron";
/// Previous versions of saved files: `.backups/<relative path>/<timestamp>.ron`.
pub const BACKUP_DIR: &str = ".backups";
/// How an assessment file's name is written: its period.
pub(crate) const PERIOD_FORMAT: &str = "%Y-%m-%d";

/// The path of an assessment, relative to the workspace root:
/// `<department-id>/<YYYY-MM-DD>.ron`. Refuses ids that are not safe slugs.
pub fn assessment_path(department: &str, period: NaiveDate) -> Result<PathBuf, StoreError> {
    model::is_department_id(department).map_err(|source| StoreError::UnsafeId {
        id: department.to_owned(),
        source,
    })?;
    Ok(Path::new(department).join(period_file_name(period)))
}

/// `YYYY-MM-DD.ron`.
pub(crate) fn period_file_name(period: NaiveDate) -> String {
    format!("{}.ron", period.format(PERIOD_FORMAT))
}

/// The period an assessment file is named after, if its name is exactly
/// `YYYY-MM-DD.ron` (so `2025-6-30.ron` does not count).
pub(crate) fn period_of_file_name(name: &str) -> Option<NaiveDate> {
    let stem = name.strip_suffix(".ron")?;
    let period = NaiveDate::parse_from_str(stem, PERIOD_FORMAT).ok()?;
    (period_file_name(period) == name).then_some(period)
}

/// Whether a folder or file belongs to the program (`.backups`, temp files,
/// `.git`, …) rather than to the data.
pub(crate) fn is_hidden(name: &str) -> bool {
    name.starts_with('.')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn assessment_paths_are_safe() {
        assert_eq!(
            assessment_path("health", date(2025, 6, 30)).unwrap(),
            Path::new("health").join("2025-06-30.ron")
        );
        for bad in ["", "../etc", "a/b", ".backups", "Health"] {
            assert!(assessment_path(bad, date(2025, 6, 30)).is_err(), "{bad}");
        }
    }

    #[test]
    fn file_names_must_be_exact_dates() {
        assert_eq!(period_of_file_name("2025-06-30.ron"), Some(date(2025, 6, 30)));
        for bad in [
            "2025-6-30.ron",
            "2025-06-31.ron",
            "2025-06-30.RON",
            "notes.ron",
            "2025-06-30.ron.bak",
        ] {
            assert_eq!(period_of_file_name(bad), None, "{bad}");
        }
    }
}
