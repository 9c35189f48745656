//! What importing a returned questionnaire found, ready to show: the
//! problems of a file (each at its sheet and cell) and what the import
//! changes per indicator. The command line prints these; the app can show
//! the same. The words come from [`crate::present::catalogue::exchange`].

use crate::model::limits::TextField;
use crate::model::{Answer, Answers, Confidence, Framework, Lang, Rating, Status};
use crate::present::catalogue::{self, T};
use crate::present::format;

/// One thing wrong with a returned questionnaire: where (the file's name,
/// and the sheet and cell when it is about one) and what.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportProblem {
    /// The file's name as the user knows it (`finance.xlsx`).
    pub file: String,
    pub sheet: Option<String>,
    /// The cell, as Excel names it (`F14`).
    pub cell: Option<String>,
    pub issue: Issue,
}

impl ImportProblem {
    /// One line: `finance.xlsx:Answers!F14: level 7 is not 1–5; …`,
    /// control characters escaped.
    pub fn line(&self, lang: Lang) -> String {
        let place = match (&self.sheet, &self.cell) {
            (Some(sheet), Some(cell)) => format!("{}:{sheet}!{cell}", self.file),
            (Some(sheet), None) => format!("{}:{sheet}", self.file),
            _ => self.file.clone(),
        };
        let message = catalogue::exchange::issue(&self.issue, lang);
        format::one_line(&catalogue::exchange::problem_line(&place, &message, lang)).into_owned()
    }
}

/// What is wrong.
#[derive(Clone, Debug, PartialEq)]
pub enum Issue {
    /// The file could not be read from disk.
    Unreadable {
        detail: String,
    },
    /// Not an xlsx workbook (not a zip, or its parts are broken).
    NotAWorkbook {
        detail: String,
    },
    /// A part of the workbook unpacks to more than the cap.
    TooLarge {
        limit_mb: u64,
    },
    /// No identity sheet: not a questionnaire of this program, or the sheet was removed.
    NoIdentity,
    /// A sheet the identity names is missing.
    MissingSheet,
    /// A field of the identity sheet is missing or unreadable.
    BadIdentity {
        field: String,
    },
    /// Written by a newer version of the program.
    NewerFormat {
        version: u32,
    },
    /// The identity's checksum does not match its fields.
    ChecksumMismatch,
    /// The department is not in this workspace.
    UnknownDepartment {
        department: String,
    },
    /// The questionnaire was made for another framework.
    OtherFramework {
        used: String,
        expected: String,
    },
    /// … or another edition of it.
    OtherFrameworkVersion {
        used: u32,
        expected: u32,
    },
    /// The identity lists an indicator the framework does not have.
    UnknownIndicator {
        indicator: String,
    },
    /// An indicator's row holds another id: rows were moved or sorted.
    RowMoved {
        expected: String,
        found: String,
    },
    /// Answers in a row that is no indicator's.
    StrayRow,
    /// A level that is not a number or N/A.
    BadLevel {
        value: String,
    },
    /// A number that is not a whole 1–5.
    LevelOutOfRange {
        value: String,
    },
    NotApplicableWithoutReason,
    ReasonWithoutNotApplicable,
    BadConfidence {
        value: String,
    },
    TooLong {
        field: TextField,
        length: usize,
    },
    TooManyLinks {
        count: usize,
    },
    /// No one to record as who answered (no `--as`, cover left empty).
    NoName,
    /// The filler's name is too long or holds control characters.
    BadName,
}

/// What an import changes in one field of one indicator's answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// The indicator's id.
    pub indicator: String,
    /// Its name in the language asked for.
    pub name: String,
    /// Which field, in words ("level", "evidence").
    pub field: String,
    /// Before and after, in words; empty when empty.
    pub from: String,
    pub to: String,
}

/// The changes from `current` (none: no assessment yet) to `imported`,
/// per indicator in framework order, then field (level, reason, evidence,
/// links, confidence). Indicators `imported` leaves out are not compared.
pub fn changes(
    framework: &Framework,
    current: Option<&Answers>,
    imported: &Answers,
    compared: &[String],
    lang: Lang,
) -> Vec<Change> {
    let empty = Answer::default();
    let mut out = Vec::new();
    for (_, indicator) in framework.indicators() {
        if !compared.contains(&indicator.id) {
            continue;
        }
        let old = current.and_then(|a| a.get(&indicator.id)).unwrap_or(&empty);
        let new = imported.get(&indicator.id).unwrap_or(&empty);
        let name = indicator.name.get(lang);
        let mut push = |field: T, from: String, to: String| {
            out.push(Change {
                indicator: indicator.id.clone(),
                name: name.to_owned(),
                field: field.get(lang).to_owned(),
                from,
                to,
            });
        };
        match (&old.rating, &new.rating) {
            (Rating::NotApplicable { reason: a }, Rating::NotApplicable { reason: b }) if a != b => {
                push(T::AuditReason, a.clone(), b.clone());
            }
            (a, b) if a != b => {
                push(T::AuditLevel, rating_words(a, lang), rating_words(b, lang));
                if let Rating::NotApplicable { reason } = b {
                    push(T::AuditReason, String::new(), reason.clone());
                }
            }
            _ => {}
        }
        if old.evidence != new.evidence {
            push(T::AuditEvidence, old.evidence.clone(), new.evidence.clone());
        }
        if old.links != new.links {
            push(T::AuditLinks, old.links.join(" "), new.links.join(" "));
        }
        if old.confidence != new.confidence {
            push(
                T::AuditConfidence,
                confidence_words(old.confidence, lang),
                confidence_words(new.confidence, lang),
            );
        }
    }
    out
}

/// A rating in words: "3", "N/A" / "不适用", or empty.
pub fn rating_words(rating: &Rating, lang: Lang) -> String {
    match rating {
        Rating::Unanswered => String::new(),
        Rating::Level(level) => format::level_digit(*level),
        Rating::NotApplicable { .. } => T::NotApplicableShort.get(lang).to_owned(),
    }
}

fn confidence_words(confidence: Option<Confidence>, lang: Lang) -> String {
    confidence.map_or_else(String::new, |c| catalogue::confidence(c, lang).to_owned())
}

/// What became of one returned file.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// Problems found: nothing written.
    Problems(Vec<ImportProblem>),
    /// `--dry-run`: what would change; nothing written.
    DryRun,
    /// The agreed answers were saved (a new Draft when `created`).
    Saved { created: bool },
    /// Kept as one assessor's response beside the agreed answers.
    Response,
    /// The assessment's status does not let its answers change.
    Refused { status: Status },
    /// The store would not save (changed on disk, read-only, I/O).
    NotSaved { detail: String },
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Level;

    #[test]
    fn a_problem_names_file_sheet_and_cell() {
        let problem = ImportProblem {
            file: "finance.xlsx".into(),
            sheet: Some("Answers".into()),
            cell: Some("F14".into()),
            issue: Issue::LevelOutOfRange { value: "7".into() },
        };
        assert_eq!(
            problem.line(Lang::En),
            "finance.xlsx:Answers!F14: level 7 is not 1–5; choose 1 to 5 from the list, or N/A"
        );
        let problem = ImportProblem {
            sheet: Some("答卷".into()),
            ..problem
        };
        assert_eq!(
            problem.line(Lang::Zh),
            "finance.xlsx:答卷!F14：等级7不在1–5之间；请从列表中选择1至5或“不适用”"
        );
    }

    #[test]
    fn changes_list_each_field_that_differs() {
        let framework = crate::store::builtin_framework().unwrap();
        let (_, first) = framework.indicators().next().unwrap();
        let id = first.id.clone();
        let mut current = Answers::new();
        current.insert(
            id.clone(),
            Answer {
                rating: Rating::Level(Level::new(2).unwrap()),
                evidence: "old".into(),
                ..Answer::default()
            },
        );
        let mut imported = Answers::new();
        imported.insert(
            id.clone(),
            Answer {
                rating: Rating::NotApplicable {
                    reason: "no such service".into(),
                },
                evidence: "old".into(),
                confidence: Some(Confidence::High),
                ..Answer::default()
            },
        );
        let found = changes(&framework, Some(&current), &imported, &[id], Lang::En);
        let fields: Vec<(&str, &str, &str)> = found
            .iter()
            .map(|c| (c.field.as_str(), c.from.as_str(), c.to.as_str()))
            .collect();
        assert_eq!(
            fields,
            [
                ("level", "2", "N/A"),
                ("N/A reason", "", "no such service"),
                ("confidence", "", "High")
            ]
        );
    }
}
