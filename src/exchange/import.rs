//! Reading a returned questionnaire back into the workspace.
//!
//! For each file: match it to its department and period by the identity
//! sheet (checksum, framework edition, department known), read and check
//! every answer (each problem at its sheet and cell; all of a file's
//! problems, not only the first), and compare with the assessment as it is.
//! Nothing of a file with any problem is written, nor anything with
//! `dry_run`. Otherwise the answers go into the period's assessment through
//! the store (save lock, "changed on disk" check, backup, atomic replace),
//! a new Draft when there is none, with an audit entry per changed field
//! and one for the import. An assessment whose status does not allow
//! editing (Submitted, Approved) is refused, unless the answers are kept
//! as one assessor's [`Response`] beside the agreed answers, which any
//! status allows (an approval's digest covers the agreed answers only).

use std::path::PathBuf;

use chrono::{NaiveDate, NaiveDateTime};

use super::identity::{self, INDICATORS_HEADER_ROW, Identity, KEYS};
use super::questionnaire::{COVER_FILLER_ROW, HEADER_ROW, col};
use super::xlsx::{self, Book, ReadError, Sheet, Value, cell_name, number_text};
use crate::model::limits::{TextField, over_limit};
use crate::model::{
    Answer, Answers, Assessment, Confidence, Dataset, Lang, Level, Rating, Response, Role, Status,
};
use crate::present::catalogue::{self, T};
use crate::present::exchange::{Change, ImportProblem, Issue, Outcome, changes};
use crate::store::{self, LoadedWorkspace};

/// A returned questionnaire that passed every check.
#[derive(Clone, Debug, PartialEq)]
pub struct Returned {
    pub identity: Identity,
    /// The name on the cover of who filled it in (may be empty).
    pub filler: String,
    /// The file's answers to the indicators it lists.
    pub answers: Answers,
}

impl Returned {
    /// The indicators the file answers, in its row order.
    pub fn indicators(&self) -> Vec<String> {
        self.identity.rows.iter().map(|(id, _)| id.clone()).collect()
    }
}

/// How to import.
#[derive(Clone, Debug)]
pub struct ImportOptions {
    /// Show what would change; write nothing.
    pub dry_run: bool,
    /// Who answered (for the audit log and a response); else the cover's name.
    pub name: Option<String>,
    /// Keep the answers as one assessor's response instead of the agreed answers.
    pub as_response: bool,
    pub role: Role,
    pub at: NaiveDateTime,
}

/// What importing one file did.
#[derive(Clone, Debug, PartialEq)]
pub struct FileReport {
    pub file: String,
    /// The department and period the file is for, once its identity is read.
    pub department: Option<String>,
    pub period: Option<NaiveDate>,
    /// The assessment's status before the import; `None` when there was none.
    pub status: Option<Status>,
    /// What changes (or would) against the agreed answers.
    pub changes: Vec<Change>,
    /// Where the assessment is, relative to the workspace folder.
    pub target: Option<PathBuf>,
    /// Who answered, as recorded.
    pub name: String,
    /// How many indicators the assessment answers after the import.
    pub answered: usize,
    pub outcome: Outcome,
}

impl FileReport {
    fn problems(file: &str, problems: Vec<ImportProblem>) -> Self {
        FileReport {
            file: file.to_owned(),
            department: None,
            period: None,
            status: None,
            changes: Vec::new(),
            target: None,
            name: String::new(),
            answered: 0,
            outcome: Outcome::Problems(problems),
        }
    }

    /// Whether the file went in (or would have, on a dry run).
    pub fn imported(&self) -> bool {
        matches!(
            self.outcome,
            Outcome::DryRun | Outcome::Saved { .. } | Outcome::Response
        )
    }
}

/// Problems of one file, collected as they are found.
struct Found<'a> {
    file: &'a str,
    problems: Vec<ImportProblem>,
}

impl Found<'_> {
    fn at(&mut self, sheet: &str, row: u32, column: u32, issue: Issue) {
        self.problems.push(ImportProblem {
            file: self.file.to_owned(),
            sheet: Some(sheet.to_owned()),
            cell: Some(cell_name(row, column)),
            issue,
        });
    }

    fn sheet(&mut self, sheet: &str, issue: Issue) {
        self.problems.push(ImportProblem {
            file: self.file.to_owned(),
            sheet: Some(sheet.to_owned()),
            cell: None,
            issue,
        });
    }

    fn file(&mut self, issue: Issue) {
        self.problems.push(ImportProblem {
            file: self.file.to_owned(),
            sheet: None,
            cell: None,
            issue,
        });
    }
}

/// Reads a returned questionnaire (`file` is its name, for the problems)
/// and checks it against `data`: every problem, or what it answers.
pub fn read_returned(file: &str, bytes: &[u8], data: &Dataset) -> Result<Returned, Vec<ImportProblem>> {
    let mut found = Found {
        file,
        problems: Vec::new(),
    };
    let book = match xlsx::read(bytes, &[]) {
        Ok(book) => book,
        Err(ReadError::TooLarge) => {
            found.file(Issue::TooLarge {
                limit_mb: xlsx::PART_LIMIT >> 20,
            });
            return Err(found.problems);
        }
        Err(ReadError::Broken(detail)) => {
            found.file(Issue::NotAWorkbook { detail });
            return Err(found.problems);
        }
    };
    let Some(identity) = read_identity(&book, data, &mut found) else {
        return Err(found.problems);
    };
    let mut filler = String::new();
    match book.sheet(&identity.cover_sheet) {
        Some(cover) => filler = cover.text(COVER_FILLER_ROW, 1).trim().to_owned(),
        None => found.sheet(&identity.cover_sheet, Issue::MissingSheet),
    }
    let answers = match book.sheet(&identity.answers_sheet) {
        Some(sheet) => read_answers(sheet, &identity, &mut found),
        None => {
            found.sheet(&identity.answers_sheet, Issue::MissingSheet);
            Answers::new()
        }
    };
    if found.problems.is_empty() {
        Ok(Returned {
            identity,
            filler,
            answers,
        })
    } else {
        Err(found.problems)
    }
}

/// The identity, when it is there, unchanged and fits the workspace.
fn read_identity(book: &Book, data: &Dataset, found: &mut Found<'_>) -> Option<Identity> {
    let sheet_name = identity::SHEET;
    let Some(sheet) = book
        .sheet(sheet_name)
        .filter(|s| s.text(0, 0) == identity::MARKER)
    else {
        found.file(Issue::NoIdentity);
        return None;
    };
    let before = found.problems.len();
    let mut values = Vec::new();
    for (row, key) in (1u32..).zip(KEYS) {
        if sheet.text(row, 0) != key {
            found.at(
                sheet_name,
                row,
                0,
                Issue::BadIdentity {
                    field: key.to_owned(),
                },
            );
        }
        values.push(sheet.text(row, 1));
    }
    let mut rows = Vec::new();
    let mut row = INDICATORS_HEADER_ROW + 1;
    // At most one indicator per row of a sheet; far more than any framework.
    while rows.len() < 10_000 {
        let id = sheet.text(row, 0);
        if id.is_empty() {
            break;
        }
        match sheet.text(row, 1).parse::<u32>() {
            Ok(number) if number > HEADER_ROW + 1 => rows.push((id, number)),
            _ => found.at(sheet_name, row, 1, Issue::BadIdentity { field: id }),
        }
        row += 1;
    }
    if found.problems.len() > before {
        return None;
    }
    let [
        format,
        workspace,
        department,
        period,
        framework,
        framework_version,
        language,
        cover,
        answers,
        checksum,
    ] = <[String; 10]>::try_from(values).ok()?;
    let checksum_row = KEYS.len() as u32;
    if identity::checksum_of(
        &[
            format.clone(),
            workspace.clone(),
            department.clone(),
            period.clone(),
            framework.clone(),
            framework_version.clone(),
            language.clone(),
            cover.clone(),
            answers.clone(),
        ],
        &rows,
    ) != checksum
    {
        found.at(sheet_name, checksum_row, 1, Issue::ChecksumMismatch);
        return None;
    }
    let mut field = |row: usize, ok: bool| {
        if !ok {
            let key = KEYS.get(row).copied().unwrap_or_default();
            found.at(
                sheet_name,
                row as u32 + 1,
                1,
                Issue::BadIdentity {
                    field: key.to_owned(),
                },
            );
        }
    };
    let format_version = format.parse::<u32>().ok();
    field(0, format_version.is_some());
    let parsed_period = NaiveDate::parse_from_str(&period, "%Y-%m-%d").ok();
    field(3, parsed_period.is_some());
    let edition = framework_version.parse::<u32>().ok();
    field(5, edition.is_some());
    let lang = Lang::from_code(&language);
    field(6, lang.is_some());
    let (Some(format_version), Some(period), Some(edition), Some(lang)) =
        (format_version, parsed_period, edition, lang)
    else {
        return None;
    };
    if format_version > identity::FORMAT_VERSION {
        found.at(
            sheet_name,
            1,
            1,
            Issue::NewerFormat {
                version: format_version,
            },
        );
        return None;
    }
    if data.workspace.department(&department).is_none() {
        found.at(
            sheet_name,
            3,
            1,
            Issue::UnknownDepartment {
                department: department.clone(),
            },
        );
    }
    if framework != data.framework.id {
        found.at(
            sheet_name,
            5,
            1,
            Issue::OtherFramework {
                used: framework.clone(),
                expected: data.framework.id.clone(),
            },
        );
    } else if edition != data.framework.framework_version {
        found.at(
            sheet_name,
            6,
            1,
            Issue::OtherFrameworkVersion {
                used: edition,
                expected: data.framework.framework_version,
            },
        );
    } else {
        for (i, (id, _)) in (INDICATORS_HEADER_ROW + 1..).zip(&rows) {
            if data.framework.indicator(id).is_none() {
                found.at(
                    sheet_name,
                    i,
                    0,
                    Issue::UnknownIndicator {
                        indicator: id.clone(),
                    },
                );
            }
        }
    }
    if found.problems.len() > before {
        return None;
    }
    Some(Identity {
        format_version,
        workspace,
        department,
        period,
        framework,
        framework_version: edition,
        lang,
        cover_sheet: cover,
        answers_sheet: answers,
        rows,
    })
}

/// Every indicator row's answer; problems for each bad cell and for
/// answers in rows that are no indicator's.
fn read_answers(sheet: &Sheet, identity: &Identity, found: &mut Found<'_>) -> Answers {
    let name = sheet.name.as_str();
    let mut answers = Answers::new();
    let mut indicator_rows = std::collections::HashSet::new();
    for (id, number) in &identity.rows {
        let row = number - 1;
        indicator_rows.insert(row);
        let written = sheet.text(row, u32::from(col::ID));
        if written.trim() != id {
            found.at(
                name,
                row,
                u32::from(col::ID),
                Issue::RowMoved {
                    expected: id.clone(),
                    found: written,
                },
            );
            continue;
        }
        if let Some(answer) = read_answer(sheet, row, found)
            && answer != Answer::default()
        {
            answers.insert(id.clone(), answer);
        }
    }
    // Answers typed where no indicator is (rows inserted with the sheet
    // unprotected, or below the last).
    let last = sheet.last_row().unwrap_or(0);
    for row in (HEADER_ROW + 1)..=last {
        if indicator_rows.contains(&row) {
            continue;
        }
        if let Some(column) = col::ANSWERS.map(u32::from).find(|&c| sheet.get(row, c).is_some()) {
            found.at(name, row, column, Issue::StrayRow);
        }
    }
    answers
}

/// What a level cell says.
enum LevelCell {
    Empty,
    Level(Level),
    NotApplicable,
}

/// The answer in one row, or `None` when a cell of it has a problem
/// (each found and recorded).
fn read_answer(sheet: &Sheet, row: u32, found: &mut Found<'_>) -> Option<Answer> {
    let name = sheet.name.as_str();
    let before = found.problems.len();
    let at = |column: u16| u32::from(column);
    let level = match parse_level(sheet.get(row, at(col::LEVEL))) {
        Ok(level) => level,
        Err(issue) => {
            found.at(name, row, at(col::LEVEL), issue);
            LevelCell::Empty
        }
    };
    let mut text = |column: u16, field: TextField| {
        let text = normalise_text(&sheet.text(row, at(column)));
        if let Some(length) = over_limit(&text, field.limit()) {
            found.at(name, row, at(column), Issue::TooLong { field, length });
        }
        text
    };
    let evidence = text(col::EVIDENCE, TextField::Evidence);
    let reason = text(col::REASON, TextField::Reason);
    let links: Vec<String> = sheet
        .text(row, at(col::LINKS))
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect();
    if links.len() > TextField::Links.limit() {
        found.at(
            name,
            row,
            at(col::LINKS),
            Issue::TooManyLinks { count: links.len() },
        );
    }
    if let Some(length) = links.iter().find_map(|l| over_limit(l, TextField::Link.limit())) {
        found.at(
            name,
            row,
            at(col::LINKS),
            Issue::TooLong {
                field: TextField::Link,
                length,
            },
        );
    }
    let confidence = match parse_confidence(&sheet.text(row, at(col::CONFIDENCE))) {
        Ok(confidence) => confidence,
        Err(value) => {
            found.at(name, row, at(col::CONFIDENCE), Issue::BadConfidence { value });
            None
        }
    };
    let rating = match level {
        LevelCell::NotApplicable if reason.trim().is_empty() => {
            found.at(name, row, at(col::REASON), Issue::NotApplicableWithoutReason);
            Rating::Unanswered
        }
        LevelCell::NotApplicable => Rating::NotApplicable { reason },
        _ if !reason.trim().is_empty() => {
            found.at(name, row, at(col::REASON), Issue::ReasonWithoutNotApplicable);
            Rating::Unanswered
        }
        LevelCell::Level(level) => Rating::Level(level),
        LevelCell::Empty => Rating::Unanswered,
    };
    (found.problems.len() == before).then(|| Answer {
        rating,
        evidence,
        links,
        confidence,
        ..Answer::default()
    })
}

/// Line breaks as `\n` (Excel writes `\r\n` too); text of only spaces is empty.
fn normalise_text(text: &str) -> String {
    if text.trim().is_empty() {
        return String::new();
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// Full-width digits and letters (typed with a Chinese input method) as ASCII.
fn half_width(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{ff01}'..='\u{ff5e}' => char::from_u32(u32::from(c) - 0xfee0).unwrap_or(c),
            '\u{3000}' => ' ',
            _ => c,
        })
        .collect()
}

/// The words for "not applicable" in either language, and their short forms.
fn is_not_applicable(text: &str) -> bool {
    let squeezed: String = text
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_lowercase();
    let words = [
        T::NotApplicableShort.get(Lang::En),
        T::NotApplicableShort.get(Lang::Zh),
        T::NotApplicable.get(Lang::En),
        T::NotApplicable.get(Lang::Zh),
        "NA",
        "N.A.",
    ];
    words.iter().any(|w| {
        let w: String = w
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_lowercase();
        w == squeezed
    })
}

fn parse_level(value: Option<&Value>) -> Result<LevelCell, Issue> {
    let number = |n: f64| {
        if n.fract() == 0.0 && (1.0..=5.0).contains(&n) {
            Level::new(n as u8)
                .map(LevelCell::Level)
                .ok_or(Issue::LevelOutOfRange {
                    value: number_text(n),
                })
        } else {
            Err(Issue::LevelOutOfRange {
                value: number_text(n),
            })
        }
    };
    match value {
        None => Ok(LevelCell::Empty),
        Some(Value::Number(n)) => number(*n),
        Some(Value::Text(text)) => {
            let text = half_width(text);
            let text = text.trim();
            if text.is_empty() {
                Ok(LevelCell::Empty)
            } else if is_not_applicable(text) {
                Ok(LevelCell::NotApplicable)
            } else if let Ok(n) = text
                .parse::<f64>()
                .map_err(|_| ())
                .and_then(|n| if n.is_finite() { Ok(n) } else { Err(()) })
            {
                number(n)
            } else {
                Err(Issue::BadLevel {
                    value: crate::present::format::clip(text, 40),
                })
            }
        }
        Some(Value::Bool(b)) => Err(Issue::BadLevel {
            value: if *b { "TRUE" } else { "FALSE" }.to_owned(),
        }),
        Some(Value::Error(e)) => Err(Issue::BadLevel { value: e.clone() }),
    }
}

/// A confidence in either language (or empty); the text as given when
/// it is none.
fn parse_confidence(text: &str) -> Result<Option<Confidence>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let lower = text.to_lowercase();
    Confidence::ALL
        .into_iter()
        .find(|&c| {
            Lang::ALL
                .iter()
                .any(|&lang| catalogue::confidence(c, lang).to_lowercase() == lower)
        })
        .map(Some)
        .ok_or_else(|| crate::present::format::clip(text, 40))
}

/// The period's assessment with the file's answers in place of its own:
/// level, evidence, links and confidence are the file's; comments stay;
/// evidence still to re-confirm stays so unless the file changed it.
pub fn merged(current: &Answers, returned: &Returned) -> Answers {
    let mut answers = current.clone();
    for id in returned.indicators() {
        let new = returned.answers.get(&id).cloned().unwrap_or_default();
        let old = current.get(&id).cloned().unwrap_or_default();
        let answer = Answer {
            reconfirm: old.reconfirm && old.evidence == new.evidence,
            comment: old.comment,
            ..new
        };
        if answer == Answer::default() {
            answers.remove(&id);
        } else {
            answers.insert(id, answer);
        }
    }
    answers
}

/// The audit lines for what changed from `old` to `new` (raw values, as
/// the app logs them).
fn audit_changes(
    old: &Answers,
    new: &Answers,
    ids: &[String],
) -> Vec<(String, &'static str, String, String)> {
    let empty = Answer::default();
    let rating = |r: &Rating| match r {
        Rating::NotApplicable { reason } if !reason.is_empty() => format!("N/A ({reason})"),
        other => other.short(),
    };
    let confidence = |c: Option<Confidence>| c.map(|c| format!("{c:?}")).unwrap_or_default();
    let mut out = Vec::new();
    for id in ids {
        let a = old.get(id).unwrap_or(&empty);
        let b = new.get(id).unwrap_or(&empty);
        match (&a.rating, &b.rating) {
            (Rating::NotApplicable { reason: x }, Rating::NotApplicable { reason: y }) if x != y => {
                out.push((id.clone(), "reason", x.clone(), y.clone()));
            }
            (x, y) if x != y => out.push((id.clone(), "level", rating(x), rating(y))),
            _ => {}
        }
        if a.evidence != b.evidence {
            out.push((id.clone(), "evidence", a.evidence.clone(), b.evidence.clone()));
        }
        if a.links != b.links {
            out.push((id.clone(), "links", a.links.join(" "), b.links.join(" ")));
        }
        if a.confidence != b.confidence {
            out.push((
                id.clone(),
                "confidence",
                confidence(a.confidence),
                confidence(b.confidence),
            ));
        }
    }
    out
}

/// Whether `name` may be recorded as who answered: within the assessor
/// limit, without control characters.
fn acceptable_name(name: &str) -> bool {
    over_limit(name, TextField::Assessor.limit()).is_none() && !name.chars().any(char::is_control)
}

/// Imports one returned file into the workspace `loaded` (kept up to date
/// with what is saved, so that several files for the same assessment go
/// in one after the other). `file` names the file in problems and in the
/// audit log.
pub fn import_file(
    loaded: &mut LoadedWorkspace,
    file: &str,
    bytes: &[u8],
    options: &ImportOptions,
    lang: Lang,
) -> FileReport {
    let returned = match read_returned(file, bytes, &loaded.data) {
        Ok(returned) => returned,
        Err(problems) => return FileReport::problems(file, problems),
    };
    let name = options
        .name
        .clone()
        .filter(|n| !n.trim().is_empty())
        .unwrap_or_else(|| returned.filler.clone());
    let cover = returned.identity.cover_sheet.clone();
    let name_problem = if name.trim().is_empty() {
        Some(Issue::NoName)
    } else if !acceptable_name(&name) {
        Some(Issue::BadName)
    } else {
        None
    };
    if let Some(issue) = name_problem {
        let problem = ImportProblem {
            file: file.to_owned(),
            sheet: Some(cover),
            cell: Some(cell_name(COVER_FILLER_ROW, 1)),
            issue,
        };
        return FileReport::problems(file, vec![problem]);
    }
    let identity = &returned.identity;
    let department = identity.department.clone();
    let period = identity.period;
    let current = loaded.data.find(&department, period).cloned();
    let relative = store::assessment_path(&department, period).ok();
    let ids = returned.indicators();
    let empty = Answers::new();
    let current_answers = current.as_ref().map_or(&empty, |a| &a.answers);
    let new_answers = merged(current_answers, &returned);
    let mut report = FileReport {
        file: file.to_owned(),
        department: Some(department.clone()),
        period: Some(period),
        status: current.as_ref().map(|a| a.status),
        changes: changes(
            &loaded.data.framework,
            current.as_ref().map(|a| &a.answers),
            &new_answers,
            &ids,
            lang,
        ),
        target: relative.clone(),
        name: name.clone(),
        answered: new_answers.len(),
        outcome: Outcome::DryRun,
    };
    if options.dry_run {
        return report;
    }
    let Some(relative) = relative else {
        report.outcome = Outcome::NotSaved {
            detail: department.clone(),
        };
        return report;
    };
    let created = current.is_none();
    let mut assessment = current.unwrap_or_else(|| {
        let mut blank = Assessment::new(&department, period, &loaded.data.framework);
        blank.assessor = name.clone();
        blank.log(
            options.at,
            &name,
            "created",
            None,
            String::new(),
            period.to_string(),
        );
        blank
    });
    if options.as_response {
        let response = Response {
            assessor: name.clone(),
            role: options.role,
            at: options.at,
            source: file.to_owned(),
            answers: returned.answers.clone(),
        };
        // The name was checked above, so it cannot be refused as blank.
        if let Err(error) = assessment.add_response(response, &name, options.at) {
            report.outcome = Outcome::NotSaved {
                detail: error.to_string(),
            };
            return report;
        }
    } else {
        if !assessment.status.is_editable() {
            report.outcome = Outcome::Refused {
                status: assessment.status,
            };
            return report;
        }
        for (id, what, from, to) in audit_changes(&assessment.answers, &new_answers, &ids) {
            assessment.log(options.at, &name, what, Some(&id), from, to);
        }
        assessment.log(
            options.at,
            &name,
            "imported",
            None,
            String::new(),
            file.to_owned(),
        );
        assessment.answers = new_answers;
    }
    let expected = loaded.fingerprint(&relative).cloned();
    match store::save_assessment(&loaded.root, &assessment, expected.as_ref()) {
        Ok(fingerprint) => {
            loaded.record_saved(relative, fingerprint);
            match loaded.data.find_mut(&department, period) {
                Some(slot) => *slot = assessment,
                None => {
                    loaded.data.assessments.push(assessment);
                    loaded.data.sort_assessments();
                }
            }
            report.outcome = if options.as_response {
                Outcome::Response
            } else {
                Outcome::Saved { created }
            };
        }
        Err(error) => {
            report.outcome = Outcome::NotSaved {
                detail: crate::present::catalogue::problems::save_error(&error, lang),
            };
        }
    }
    report
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_are_read_as_people_type_them() {
        let level = |v: Value| match parse_level(Some(&v)) {
            Ok(LevelCell::Level(l)) => format!("{}", l.get()),
            Ok(LevelCell::NotApplicable) => "N/A".to_owned(),
            Ok(LevelCell::Empty) => "empty".to_owned(),
            Err(issue) => format!("{issue:?}"),
        };
        assert_eq!(level(Value::Number(4.0)), "4");
        assert_eq!(level(Value::Text("4".into())), "4");
        assert_eq!(level(Value::Text(" ４ ".into())), "4", "full-width digit");
        assert_eq!(level(Value::Text("n/a".into())), "N/A");
        assert_eq!(level(Value::Text("不适用".into())), "N/A");
        assert_eq!(level(Value::Text("Not applicable".into())), "N/A");
        assert_eq!(level(Value::Text("  ".into())), "empty");
        assert_eq!(level(Value::Number(7.0)), r#"LevelOutOfRange { value: "7" }"#);
        assert_eq!(level(Value::Number(2.5)), r#"LevelOutOfRange { value: "2.5" }"#);
        assert_eq!(
            level(Value::Text("0".into())),
            r#"LevelOutOfRange { value: "0" }"#
        );
        assert_eq!(level(Value::Text("abc".into())), r#"BadLevel { value: "abc" }"#);
        assert_eq!(level(Value::Text("inf".into())), r#"BadLevel { value: "inf" }"#);
        assert_eq!(level(Value::Bool(true)), r#"BadLevel { value: "TRUE" }"#);
    }

    #[test]
    fn confidence_is_read_in_either_language() {
        assert_eq!(parse_confidence("high"), Ok(Some(Confidence::High)));
        assert_eq!(parse_confidence("中"), Ok(Some(Confidence::Medium)));
        assert_eq!(parse_confidence(""), Ok(None));
        assert_eq!(parse_confidence("sure"), Err("sure".to_owned()));
    }
}
