//! The hidden sheet that says what a questionnaire is: which workspace,
//! department, period and framework edition it was made for, which
//! indicator is on which row, and a SHA-256 checksum over all of it.
//!
//! The checksum is no signature (anyone with the program's source can
//! recompute it): it tells a file whose identity was edited, by hand or
//! by a tool that rewrote the sheet, from one as it was sent, so that a
//! file is never matched to the wrong department or period by accident.

use chrono::NaiveDate;
use sha2::{Digest, Sha256};

use crate::model::Lang;

/// The sheet's name. Not a word a user reads: the sheet is very hidden.
pub const SHEET: &str = "govmaturity";

/// The questionnaire format this program writes and reads.
pub const FORMAT_VERSION: u32 = 1;

/// The first cell of the sheet, so that a reader can tell it at a glance.
pub const MARKER: &str = "govmaturity questionnaire";

/// The keys of the fields, in column A from row 2, in this order.
pub(super) const KEYS: [&str; 10] = [
    "format",
    "workspace",
    "department",
    "period",
    "framework",
    "framework_version",
    "language",
    "cover_sheet",
    "answers_sheet",
    "checksum",
];

/// The row (0-based) of the header above the indicator rows; each
/// indicator follows on a row of its own: id in A, its row on the answers
/// sheet (1-based, as Excel numbers rows) in B.
pub(super) const INDICATORS_HEADER_ROW: u32 = 1 + KEYS.len() as u32 + 1;

/// What a questionnaire was made for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Identity {
    pub format_version: u32,
    /// The workspace's title when it was made (shown, not matched).
    pub workspace: String,
    pub department: String,
    pub period: NaiveDate,
    pub framework: String,
    pub framework_version: u32,
    pub lang: Lang,
    pub cover_sheet: String,
    pub answers_sheet: String,
    /// Indicator ids with their row on the answers sheet (1-based).
    pub rows: Vec<(String, u32)>,
}

impl Identity {
    /// The fields as written on the sheet, in [`KEYS`] order without the
    /// checksum.
    pub(super) fn values(&self) -> [String; 9] {
        [
            self.format_version.to_string(),
            self.workspace.clone(),
            self.department.clone(),
            self.period.format("%Y-%m-%d").to_string(),
            self.framework.clone(),
            self.framework_version.to_string(),
            self.lang.code().to_owned(),
            self.cover_sheet.clone(),
            self.answers_sheet.clone(),
        ]
    }

    /// SHA-256 over every field and indicator row, as 64 lowercase hex
    /// digits. Each field is written as its length, a colon and itself, so
    /// that no two different identities hash the same text.
    pub fn checksum(&self) -> String {
        checksum_of(&self.values(), &self.rows)
    }
}

/// The checksum over fields as read (see [`Identity::checksum`]).
pub(super) fn checksum_of(values: &[String], rows: &[(String, u32)]) -> String {
    let mut hasher = Sha256::new();
    hasher.update(MARKER.as_bytes());
    let mut field = |text: &str| {
        hasher.update(text.len().to_string().as_bytes());
        hasher.update(b":");
        hasher.update(text.as_bytes());
    };
    for value in values {
        field(value);
    }
    for (id, row) in rows {
        field(id);
        field(&row.to_string());
    }
    let digest = hasher.finalize();
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn identity() -> Identity {
        Identity {
            format_version: 1,
            workspace: "Riverside".into(),
            department: "finance".into(),
            period: NaiveDate::from_ymd_opt(2025, 6, 30).unwrap(),
            framework: "digital-government".into(),
            framework_version: 1,
            lang: Lang::En,
            cover_sheet: "Cover".into(),
            answers_sheet: "Answers".into(),
            rows: vec![("sharing.open".into(), 4), ("sharing.exchange".into(), 5)],
        }
    }

    #[test]
    fn any_field_changes_the_checksum() {
        let base = identity().checksum();
        assert_eq!(base.len(), 64);
        let mut other = identity();
        other.department = "health".into();
        assert_ne!(other.checksum(), base);
        let mut other = identity();
        other.rows[1].1 = 6;
        assert_ne!(other.checksum(), base);
        // Moving text from one field to the next is a change too.
        let mut other = identity();
        other.workspace = "Riversidef".into();
        other.department = "inance".into();
        assert_ne!(other.checksum(), base);
        assert_eq!(identity().checksum(), base);
    }
}
