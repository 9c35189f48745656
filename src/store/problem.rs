//! Problems found while loading a workspace, and how to point at them: a file,
//! a line, a column and a [`ProblemCode`] saying what is wrong.
//!
//! The store makes no sentences: each problem carries a stable code with the
//! data a message needs, and `present::catalogue::problems::message` says it
//! in English or Chinese, with what to do.

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

use chrono::{NaiveDate, NaiveDateTime};

use super::contain::SpecialKind;
use crate::model::limits::TextField;
use crate::model::{FrameworkIssue, IdError, IdSubject, Status};

/// How serious a problem is. Errors mean some data was not loaded or cannot
/// be trusted; warnings mean it loaded but something deserves a look.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    /// `error` or `warning`.
    pub fn code(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// Which kind of file a problem is about, so a message can name it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FileKind {
    Workspace,
    Assessment,
    Framework,
    /// A `plan.ron`, at the root or in a department's folder.
    Plan,
}

/// What kind of value a RON field expected, for "wrong type" problems.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ValueKind {
    /// A whole number.
    Integer,
    /// Any number.
    Number,
    Boolean,
    /// Text in double quotes.
    Text,
    /// Anything else (a list, a structure, `Some(…)`): compare with a saved file.
    Other,
}

/// What is wrong, as a stable code with the data its message needs.
///
/// [`ProblemCode::code`] gives the stable kebab-case name (for scripts and
/// `validate` output); `present::catalogue::problems::message` gives the
/// words in either language. Every variant is listed in
/// [`ProblemCode::samples`], so a test can check each has both languages.
#[derive(Clone, Debug, PartialEq)]
pub enum ProblemCode {
    // ---- reading a file --------------------------------------------------
    /// `cannot-read`: the operating system refused to read the file.
    CannotRead {
        file_kind: FileKind,
        error: io::ErrorKind,
        /// The operating system's own words, shown as detail only.
        detail: String,
    },
    /// `link-outside`: the file, or a folder on its way, is a link to a
    /// place outside the workspace; it is not followed.
    LinkOutside { target: PathBuf },
    /// `not-a-file`: a named pipe, device, socket or folder where a data
    /// file was expected; it is not opened.
    NotAFile { what: SpecialKind },
    /// `too-large`: the file is larger than a data file may be; it is not
    /// read.
    TooLarge {
        file_kind: FileKind,
        size: u64,
        limit: u64,
    },
    /// `text-too-long`: a text is longer than its limit (see
    /// [`crate::model::limits`]); `item` is what it belongs to (the
    /// indicator of an answer, the department of a name, the action of a
    /// plan text), `length` its characters (links: how many).
    TextTooLong {
        field: TextField,
        item: Option<String>,
        length: usize,
    },
    /// `copy-not-read`: a file named like a copy of a data file
    /// (`2025-06-30.ron.bak`, `workspace.ron~`); it is not read.
    CopyNotRead,
    /// `cannot-read-folder`: a department folder could not be listed.
    CannotReadFolder { error: io::ErrorKind, detail: String },
    /// `not-utf8`: the file is not UTF-8 text.
    NotUtf8 { file_kind: FileKind },
    /// `empty`: the file holds nothing.
    Empty {
        file_kind: FileKind,
        /// The newest readable backup, relative to the workspace, if known.
        backup: Option<PathBuf>,
    },
    /// `ends-early`: the file stops in the middle (an incomplete save or copy).
    EndsEarly {
        file_kind: FileKind,
        /// The newest readable backup, relative to the workspace, if known.
        backup: Option<PathBuf>,
    },
    /// `syntax`: RON syntax the parser could not follow (a comma, bracket or quote).
    Syntax { detail: String },
    /// `unknown-field`: a field name the format does not have.
    UnknownField {
        found: String,
        expected: Box<[String]>,
        outer: Option<String>,
    },
    /// `missing-field`: a required field is not written.
    MissingField { field: String, outer: Option<String> },
    /// `duplicate-field`: a field is written twice.
    DuplicateField { field: String, outer: Option<String> },
    /// `unknown-choice`: a value that is not one of the allowed choices.
    UnknownChoice {
        found: String,
        expected: Box<[String]>,
        outer: Option<String>,
    },
    /// `wrong-type`: a value of the wrong kind (text where a number belongs, …).
    WrongType { expected: ValueKind, detail: String },
    /// `bad-date`: a date or time that could not be read.
    BadDate { detail: String },
    /// `level-out-of-range`: a level that is not 1 to 5.
    LevelOutOfRange { value: u8 },
    /// `bad-value`: another value the model refused.
    BadValue { detail: String },
    /// `too-deep`: nested too deeply to be a govmaturity file.
    TooDeep,
    /// `no-version`: the file has no `version` field.
    NoVersion { file_kind: FileKind },
    /// `version-zero`: `version: 0`, which never existed.
    VersionZero,
    /// `old-version`: a format version this program no longer reads.
    OldVersion { version: u32 },
    /// `newer-version`: written by a newer govmaturity; shown read-only.
    NewerVersion { file_kind: FileKind, version: u32 },
    /// `newer-version-unreadable`: of a newer format and not readable here.
    NewerVersionUnreadable {
        file_kind: FileKind,
        version: u32,
        cause: Box<ProblemCode>,
    },
    // ---- the folder ------------------------------------------------------
    /// `folder-not-department`: a folder of RON files whose name is not a department id.
    FolderNotDepartment { name: String },
    /// `folder-nested`: a folder of RON files inside a department's folder.
    FolderNested { department: String },
    /// `file-at-top`: a RON file at the top other than workspace.ron and framework.ron.
    FileAtTop,
    /// `file-not-period`: an assessment file not named YYYY-MM-DD.ron.
    FileNotPeriod,
    /// `name-not-unicode`: a file or folder name that is not valid Unicode.
    NameNotUnicode { folder: bool },
    /// `workspace-stand-in`: workspace.ron could not be read; a stand-in is used.
    WorkspaceStandIn,
    /// `framework-not-used`: framework.ron is there but the workspace uses the built-in one.
    FrameworkNotUsed,
    /// `framework-missing`: `framework: Custom` without framework.ron.
    FrameworkMissing,
    /// `framework-stand-in`: framework.ron could not be read; the built-in one is shown.
    FrameworkStandIn,
    // ---- ids and references ----------------------------------------------
    /// `bad-id`: an id that is not allowed (see [`IdError::code`]).
    BadId { subject: IdSubject, error: IdError },
    /// `duplicate-id`: an id used twice.
    DuplicateId { subject: IdSubject, id: String },
    /// `own-parent`: a department is its own parent.
    OwnParent { id: String },
    /// `unknown-parent`: a parent that is not a department of the workspace.
    UnknownParent { id: String, parent: String },
    /// `parent-cycle`: departments whose parents form a cycle (first = last).
    ParentCycle { chain: Vec<String> },
    /// `target-unknown-department`: a target for a department that does not exist.
    TargetUnknownDepartment { department: String },
    /// `duplicate-target`: two targets for the same dimension or indicator
    /// (`subject`, `id`) of the same department (`None`: all departments).
    DuplicateTarget {
        department: Option<String>,
        subject: IdSubject,
        id: String,
    },
    /// `target-unknown-dimension`: a target for a dimension the framework lacks.
    TargetUnknownDimension { dimension: String, known: Vec<String> },
    /// `target-unknown-indicator`: a target for an indicator the framework lacks.
    TargetUnknownIndicator { indicator: String },
    /// `target-wrong-dimension`: a target whose indicator belongs to another dimension.
    TargetWrongDimension { indicator: String, belongs_to: String },
    /// `weight-unknown-id`: a weight for an id the framework lacks.
    WeightUnknownId { id: String },
    /// `weight-out-of-range`: a weight not in (0, `model::MAX_WEIGHT`].
    WeightOutOfRange {
        subject: IdSubject,
        id: String,
        weight: f64,
    },
    // ---- a custom framework ----------------------------------------------
    /// `level-count`: not exactly 5 maturity levels.
    LevelCount { count: usize },
    /// `no-dimensions`: the framework has no dimensions.
    NoDimensions,
    /// `no-indicators`: a dimension without indicators.
    NoIndicators { dimension: String },
    /// `outside-dimension`: an indicator id that does not start with its dimension's id.
    OutsideDimension { indicator: String, dimension: String },
    /// `descriptor-count`: an indicator without exactly 5 level descriptors.
    DescriptorCount { indicator: String, count: usize },
    // ---- an assessment ---------------------------------------------------
    /// `wrong-folder`: the file names another department than its folder.
    WrongFolder { folder: String, department: String },
    /// `unknown-department`: the department is not in workspace.ron.
    UnknownDepartment { department: String },
    /// `wrong-period`: the file name and the period inside disagree.
    WrongPeriod { named: NaiveDate, written: NaiveDate },
    /// `other-framework`: made with another framework than the workspace's.
    OtherFramework { used: String, expected: String },
    /// `other-framework-version`: made with another version of the framework.
    OtherFrameworkVersion {
        framework: String,
        used: u32,
        expected: u32,
    },
    /// `unknown-indicator`: an answer for an indicator the framework lacks.
    UnknownIndicator { indicator: String },
    /// `changed-after-approval`: an Approved assessment whose answers no
    /// longer match the digest its latest approval recorded: the file
    /// (relative to the workspace) was edited outside the workflow.
    ChangedAfterApproval {
        file: PathBuf,
        approved_by: String,
        approved_at: NaiveDateTime,
    },
    // ---- collecting: several assessors -----------------------------------
    /// `response-no-assessor`: a response (the `number`th, from 1) without
    /// the assessor's name.
    ResponseNoAssessor { number: usize },
    /// `response-duplicate-assessor`: two responses by the same assessor.
    ResponseDuplicateAssessor { assessor: String },
    /// `response-unknown-indicator`: a response answers an indicator the
    /// framework lacks (or whose id is not an id).
    ResponseUnknownIndicator { assessor: String, indicator: String },
    /// `response-text-too-long`: a text of a response is over its limit
    /// (like `text-too-long`).
    ResponseTextTooLong {
        assessor: String,
        field: TextField,
        indicator: Option<String>,
        length: usize,
    },
    /// `response-missing-reason`: a response marks an indicator not
    /// applicable without a reason.
    ResponseMissingReason { assessor: String, indicator: String },
    /// `consensus-note-missing`: the agreed level departs from every
    /// assessor's level (`levels`, in response order) and has no note.
    ConsensusNoteMissing {
        indicator: String,
        agreed: u8,
        levels: Vec<(String, u8)>,
    },
    /// `consensus-note-unknown-indicator`: a consensus note on an indicator
    /// the framework lacks.
    ConsensusNoteUnknownIndicator { indicator: String },
    // ---- scoring rules (`validate`) --------------------------------------
    /// `missing-evidence`: level 3 or more without evidence.
    MissingEvidence { indicator: String },
    /// `missing-reason`: not applicable without a reason.
    MissingReason { indicator: String },
    /// `unanswered`: an indicator unanswered in a submitted or approved assessment.
    Unanswered { indicator: String, status: Status },
    // ---- a plan (`plan.ron`) ---------------------------------------------
    /// `plan-bad-action-id`: an action id that is not a slug (loaded as written).
    PlanBadActionId { error: IdError },
    /// `plan-duplicate-action`: an action id already used in `first` (relative
    /// path); this one is left out and its file is not saved over.
    PlanDuplicateAction { action: String, first: PathBuf },
    /// `plan-unknown-department`: an action for a department that is not in
    /// workspace.ron.
    PlanUnknownDepartment { action: String, department: String },
    /// `plan-other-department`: an action in `folder`'s plan that is not (only)
    /// for `folder`; left out, and the file is not saved over.
    PlanOtherDepartment { action: String, folder: String },
    /// `plan-single-department`: an action in the root plan for exactly one
    /// department, which belongs in that department's plan; left out, and the
    /// root plan is not saved over.
    PlanSingleDepartment { action: String, department: String },
    /// `plan-unknown-indicator`: an action addresses an indicator the framework lacks.
    PlanUnknownIndicator { action: String, indicator: String },
    /// `plan-unknown-dimension`: an action addresses a dimension the framework lacks.
    PlanUnknownDimension { action: String, dimension: String },
    /// `plan-nothing-addressed`: `Indicators([])`.
    PlanNothingAddressed { action: String },
    /// `plan-due-before-start`: the due date is before the start date.
    PlanDueBeforeStart {
        action: String,
        start: NaiveDate,
        due: NaiveDate,
    },
    /// `plan-done-without-date`: status Done without `done_on`.
    PlanDoneWithoutDate { action: String },
    /// `plan-empty-title`: an action without a title.
    PlanEmptyTitle { action: String },
}

impl ProblemCode {
    /// The stable kebab-case name of this kind of problem.
    pub fn code(&self) -> &'static str {
        use ProblemCode as C;
        match self {
            C::CannotRead { .. } => "cannot-read",
            C::LinkOutside { .. } => "link-outside",
            C::NotAFile { .. } => "not-a-file",
            C::TooLarge { .. } => "too-large",
            C::TextTooLong { .. } => "text-too-long",
            C::CopyNotRead => "copy-not-read",
            C::CannotReadFolder { .. } => "cannot-read-folder",
            C::NotUtf8 { .. } => "not-utf8",
            C::Empty { .. } => "empty",
            C::EndsEarly { .. } => "ends-early",
            C::Syntax { .. } => "syntax",
            C::UnknownField { .. } => "unknown-field",
            C::MissingField { .. } => "missing-field",
            C::DuplicateField { .. } => "duplicate-field",
            C::UnknownChoice { .. } => "unknown-choice",
            C::WrongType { .. } => "wrong-type",
            C::BadDate { .. } => "bad-date",
            C::LevelOutOfRange { .. } => "level-out-of-range",
            C::BadValue { .. } => "bad-value",
            C::TooDeep => "too-deep",
            C::NoVersion { .. } => "no-version",
            C::VersionZero => "version-zero",
            C::OldVersion { .. } => "old-version",
            C::NewerVersion { .. } => "newer-version",
            C::NewerVersionUnreadable { .. } => "newer-version-unreadable",
            C::FolderNotDepartment { .. } => "folder-not-department",
            C::FolderNested { .. } => "folder-nested",
            C::FileAtTop => "file-at-top",
            C::FileNotPeriod => "file-not-period",
            C::NameNotUnicode { .. } => "name-not-unicode",
            C::WorkspaceStandIn => "workspace-stand-in",
            C::FrameworkNotUsed => "framework-not-used",
            C::FrameworkMissing => "framework-missing",
            C::FrameworkStandIn => "framework-stand-in",
            C::BadId { .. } => "bad-id",
            C::DuplicateId { .. } => "duplicate-id",
            C::OwnParent { .. } => "own-parent",
            C::UnknownParent { .. } => "unknown-parent",
            C::ParentCycle { .. } => "parent-cycle",
            C::TargetUnknownDepartment { .. } => "target-unknown-department",
            C::DuplicateTarget { .. } => "duplicate-target",
            C::TargetUnknownDimension { .. } => "target-unknown-dimension",
            C::TargetUnknownIndicator { .. } => "target-unknown-indicator",
            C::TargetWrongDimension { .. } => "target-wrong-dimension",
            C::WeightUnknownId { .. } => "weight-unknown-id",
            C::WeightOutOfRange { .. } => "weight-out-of-range",
            C::LevelCount { .. } => "level-count",
            C::NoDimensions => "no-dimensions",
            C::NoIndicators { .. } => "no-indicators",
            C::OutsideDimension { .. } => "outside-dimension",
            C::DescriptorCount { .. } => "descriptor-count",
            C::WrongFolder { .. } => "wrong-folder",
            C::UnknownDepartment { .. } => "unknown-department",
            C::WrongPeriod { .. } => "wrong-period",
            C::OtherFramework { .. } => "other-framework",
            C::OtherFrameworkVersion { .. } => "other-framework-version",
            C::UnknownIndicator { .. } => "unknown-indicator",
            C::ChangedAfterApproval { .. } => "changed-after-approval",
            C::ResponseNoAssessor { .. } => "response-no-assessor",
            C::ResponseDuplicateAssessor { .. } => "response-duplicate-assessor",
            C::ResponseUnknownIndicator { .. } => "response-unknown-indicator",
            C::ResponseTextTooLong { .. } => "response-text-too-long",
            C::ResponseMissingReason { .. } => "response-missing-reason",
            C::ConsensusNoteMissing { .. } => "consensus-note-missing",
            C::ConsensusNoteUnknownIndicator { .. } => "consensus-note-unknown-indicator",
            C::MissingEvidence { .. } => "missing-evidence",
            C::MissingReason { .. } => "missing-reason",
            C::Unanswered { .. } => "unanswered",
            C::PlanBadActionId { .. } => "plan-bad-action-id",
            C::PlanDuplicateAction { .. } => "plan-duplicate-action",
            C::PlanUnknownDepartment { .. } => "plan-unknown-department",
            C::PlanOtherDepartment { .. } => "plan-other-department",
            C::PlanSingleDepartment { .. } => "plan-single-department",
            C::PlanUnknownIndicator { .. } => "plan-unknown-indicator",
            C::PlanUnknownDimension { .. } => "plan-unknown-dimension",
            C::PlanNothingAddressed { .. } => "plan-nothing-addressed",
            C::PlanDueBeforeStart { .. } => "plan-due-before-start",
            C::PlanDoneWithoutDate { .. } => "plan-done-without-date",
            C::PlanEmptyTitle { .. } => "plan-empty-title",
        }
    }

    /// One example of every code, for tests that check each has words in
    /// both languages (and for documentation).
    pub fn samples() -> Vec<ProblemCode> {
        use ProblemCode as C;
        let s = |t: &str| t.to_owned();
        let backup = Some(PathBuf::from(
            ".backups/police/2025-12-31.ron/2026-01-02T09-00-00.000000Z.ron",
        ));
        let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default();
        vec![
            C::CannotRead {
                file_kind: FileKind::Assessment,
                error: io::ErrorKind::PermissionDenied,
                detail: s("Permission denied (os error 13)"),
            },
            C::LinkOutside {
                target: PathBuf::from("/etc/passwd"),
            },
            C::NotAFile {
                what: SpecialKind::Pipe,
            },
            C::TooLarge {
                file_kind: FileKind::Assessment,
                size: 104_857_600,
                limit: super::contain::MAX_FILE_BYTES,
            },
            C::TextTooLong {
                field: TextField::Evidence,
                item: Some(s("design.legal")),
                length: 104_857_600,
            },
            C::CopyNotRead,
            C::CannotReadFolder {
                error: io::ErrorKind::NotFound,
                detail: s("No such file or directory (os error 2)"),
            },
            C::NotUtf8 {
                file_kind: FileKind::Workspace,
            },
            C::Empty {
                file_kind: FileKind::Framework,
                backup: None,
            },
            C::EndsEarly {
                file_kind: FileKind::Assessment,
                backup,
            },
            C::EndsEarly {
                file_kind: FileKind::Workspace,
                backup: None,
            },
            C::Syntax {
                detail: s("Expected comma"),
            },
            C::UnknownField {
                found: s("colour"),
                expected: [s("version"), s("title")].into(),
                outer: Some(s("Workspace")),
            },
            C::MissingField {
                field: s("period"),
                outer: None,
            },
            C::DuplicateField {
                field: s("status"),
                outer: None,
            },
            C::UnknownChoice {
                found: s("Finished"),
                expected: [s("Draft"), s("Submitted"), s("Approved")].into(),
                outer: Some(s("Status")),
            },
            C::WrongType {
                expected: ValueKind::Integer,
                detail: s("Expected integer"),
            },
            C::WrongType {
                expected: ValueKind::Number,
                detail: s("Expected float"),
            },
            C::WrongType {
                expected: ValueKind::Boolean,
                detail: s("Expected boolean"),
            },
            C::WrongType {
                expected: ValueKind::Text,
                detail: s("Expected string"),
            },
            C::WrongType {
                expected: ValueKind::Other,
                detail: s("Expected option"),
            },
            C::BadDate {
                detail: s("input is out of range"),
            },
            C::LevelOutOfRange { value: 7 },
            C::BadValue {
                detail: s("a weight must be a number"),
            },
            C::TooDeep,
            C::NoVersion {
                file_kind: FileKind::Assessment,
            },
            C::VersionZero,
            C::OldVersion { version: 0 },
            C::NewerVersion {
                file_kind: FileKind::Workspace,
                version: 2,
            },
            C::NewerVersionUnreadable {
                file_kind: FileKind::Workspace,
                version: 2,
                cause: Box::new(C::UnknownField {
                    found: s("colour"),
                    expected: [s("version")].into(),
                    outer: None,
                }),
            },
            C::FolderNotDepartment { name: s("Old Files") },
            C::FolderNested {
                department: s("police"),
            },
            C::FileAtTop,
            C::FileNotPeriod,
            C::NameNotUnicode { folder: true },
            C::NameNotUnicode { folder: false },
            C::WorkspaceStandIn,
            C::FrameworkNotUsed,
            C::FrameworkMissing,
            C::FrameworkStandIn,
            C::BadId {
                subject: IdSubject::Department,
                error: IdError::Unsafe(s("Police")),
            },
            C::BadId {
                subject: IdSubject::Indicator,
                error: IdError::TooLong(s("a").repeat(130)),
            },
            C::BadId {
                subject: IdSubject::Dimension,
                error: IdError::Empty,
            },
            C::BadId {
                subject: IdSubject::Framework,
                error: IdError::Unsafe(s("my framework")),
            },
            C::DuplicateId {
                subject: IdSubject::Department,
                id: s("police"),
            },
            C::OwnParent { id: s("police") },
            C::UnknownParent {
                id: s("police"),
                parent: s("security"),
            },
            C::ParentCycle {
                chain: vec![s("a"), s("b"), s("a")],
            },
            C::TargetUnknownDepartment {
                department: s("police"),
            },
            C::DuplicateTarget {
                department: None,
                subject: IdSubject::Dimension,
                id: s("sharing"),
            },
            C::DuplicateTarget {
                department: Some(s("police")),
                subject: IdSubject::Indicator,
                id: s("sharing.open"),
            },
            C::TargetUnknownDimension {
                dimension: s("sharingg"),
                known: vec![s("sharing"), s("services")],
            },
            C::TargetUnknownIndicator {
                indicator: s("sharing.bogus"),
            },
            C::TargetWrongDimension {
                indicator: s("sharing.open"),
                belongs_to: s("sharing"),
            },
            C::WeightUnknownId { id: s("bogus") },
            C::WeightOutOfRange {
                subject: IdSubject::Indicator,
                id: s("sharing.open"),
                weight: 0.0,
            },
            C::LevelCount { count: 4 },
            C::NoDimensions,
            C::NoIndicators {
                dimension: s("sharing"),
            },
            C::OutsideDimension {
                indicator: s("services.open"),
                dimension: s("sharing"),
            },
            C::DescriptorCount {
                indicator: s("sharing.open"),
                count: 3,
            },
            C::WrongFolder {
                folder: s("police"),
                department: s("health"),
            },
            C::UnknownDepartment {
                department: s("police"),
            },
            C::WrongPeriod {
                named: date(2025, 6, 30),
                written: date(2025, 12, 31),
            },
            C::OtherFramework {
                used: s("old"),
                expected: s("digital-government"),
            },
            C::OtherFrameworkVersion {
                framework: s("digital-government"),
                used: 1,
                expected: 2,
            },
            C::UnknownIndicator {
                indicator: s("sharing.bogus"),
            },
            C::ChangedAfterApproval {
                file: PathBuf::from("police/2025-12-31.ron"),
                approved_by: s("Li Wei"),
                approved_at: date(2026, 1, 18).and_hms_opt(15, 0, 0).unwrap_or_default(),
            },
            C::ResponseNoAssessor { number: 2 },
            C::ResponseDuplicateAssessor {
                assessor: s("Wang Fang"),
            },
            C::ResponseUnknownIndicator {
                assessor: s("Wang Fang"),
                indicator: s("sharing.bogus"),
            },
            C::ResponseTextTooLong {
                assessor: s("Wang Fang"),
                field: TextField::Evidence,
                indicator: Some(s("design.legal")),
                length: 20_001,
            },
            C::ResponseTextTooLong {
                assessor: s("Wang Fang"),
                field: TextField::Links,
                indicator: Some(s("design.legal")),
                length: 51,
            },
            C::ResponseTextTooLong {
                assessor: s("Wang Fang"),
                field: TextField::Source,
                indicator: None,
                length: 2_001,
            },
            C::ResponseMissingReason {
                assessor: s("Wang Fang"),
                indicator: s("sharing.open"),
            },
            C::ConsensusNoteMissing {
                indicator: s("sharing.open"),
                agreed: 3,
                levels: vec![(s("Wang Fang"), 2), (s("Li Wei"), 4)],
            },
            C::ConsensusNoteUnknownIndicator {
                indicator: s("sharing.bogus"),
            },
            C::MissingEvidence {
                indicator: s("sharing.open"),
            },
            C::MissingReason {
                indicator: s("sharing.open"),
            },
            C::Unanswered {
                indicator: s("sharing.open"),
                status: Status::Submitted,
            },
            C::EndsEarly {
                file_kind: FileKind::Plan,
                backup: None,
            },
            C::PlanBadActionId {
                error: IdError::Unsafe(s("Catalogue 1")),
            },
            C::PlanDuplicateAction {
                action: s("catalogue"),
                first: PathBuf::from("plan.ron"),
            },
            C::PlanUnknownDepartment {
                action: s("catalogue"),
                department: s("polic"),
            },
            C::PlanOtherDepartment {
                action: s("catalogue"),
                folder: s("police"),
            },
            C::PlanSingleDepartment {
                action: s("catalogue"),
                department: s("police"),
            },
            C::PlanUnknownIndicator {
                action: s("catalogue"),
                indicator: s("sharing.bogus"),
            },
            C::PlanUnknownDimension {
                action: s("catalogue"),
                dimension: s("sharingg"),
            },
            C::PlanNothingAddressed {
                action: s("catalogue"),
            },
            C::PlanDueBeforeStart {
                action: s("catalogue"),
                start: date(2025, 6, 30),
                due: date(2025, 3, 31),
            },
            C::PlanDoneWithoutDate {
                action: s("catalogue"),
            },
            C::PlanEmptyTitle {
                action: s("catalogue"),
            },
        ]
    }
}

impl From<FrameworkIssue> for ProblemCode {
    fn from(issue: FrameworkIssue) -> Self {
        use ProblemCode as C;
        match issue {
            FrameworkIssue::BadId { subject, error } => C::BadId { subject, error },
            FrameworkIssue::LevelCount { count } => C::LevelCount { count },
            FrameworkIssue::NoDimensions => C::NoDimensions,
            FrameworkIssue::DuplicateId { subject, id } => C::DuplicateId { subject, id },
            FrameworkIssue::WeightNotPositive { subject, id, weight } => {
                C::WeightOutOfRange { subject, id, weight }
            }
            FrameworkIssue::NoIndicators { dimension } => C::NoIndicators { dimension },
            FrameworkIssue::OutsideDimension { indicator, dimension } => {
                C::OutsideDimension { indicator, dimension }
            }
            FrameworkIssue::DescriptorCount { indicator, count } => C::DescriptorCount { indicator, count },
        }
    }
}

/// One problem in one file. Displays as `file:line:column: severity: code`
/// (the words for a person come from `present::catalogue::problems`).
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    /// Relative to the workspace root.
    pub file: PathBuf,
    /// 1-based; 0 when not applicable.
    pub line: usize,
    /// 1-based, counted in characters; 0 when not applicable.
    pub column: usize,
    pub severity: Severity,
    pub code: ProblemCode,
}

impl Problem {
    pub fn error(file: &Path, at: Position, code: ProblemCode) -> Self {
        Problem::new(Severity::Error, file, at, code)
    }

    pub fn warning(file: &Path, at: Position, code: ProblemCode) -> Self {
        Problem::new(Severity::Warning, file, at, code)
    }

    pub fn new(severity: Severity, file: &Path, at: Position, code: ProblemCode) -> Self {
        Problem {
            file: file.to_path_buf(),
            line: at.line,
            column: at.column,
            severity,
            code,
        }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}: {}",
            self.file.display(),
            self.line,
            self.column,
            self.severity,
            self.code.code()
        )
    }
}

/// A 1-based line and column (in characters).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

impl Position {
    /// Line 1, column 1: where file-level problems point.
    pub const START: Position = Position { line: 1, column: 1 };

    /// The position of byte `offset` in `source`.
    pub fn of_offset(source: &str, offset: usize) -> Position {
        let before = source.get(..offset).unwrap_or(source);
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        Position {
            line: 1 + before.matches('\n').count(),
            column: 1 + before[line_start..].chars().count(),
        }
    }

    /// The position of the first byte that is not valid UTF-8.
    pub fn of_invalid_utf8(bytes: &[u8], error: &std::str::Utf8Error) -> Position {
        let valid = bytes.get(..error.valid_up_to()).unwrap_or_default();
        // Everything before `valid_up_to` is valid UTF-8 by definition.
        let prefix = std::str::from_utf8(valid).unwrap_or_default();
        Position::of_offset(prefix, prefix.len())
    }
}

impl From<ron::error::Position> for Position {
    fn from(p: ron::error::Position) -> Self {
        Position {
            line: p.line,
            column: p.col,
        }
    }
}

/// The 1-based line and column (in characters) where `needle` first occurs
/// in `source`, e.g. `locate(text, "\"sharing.open\"")` for a problem about
/// that answer.
pub fn locate(source: &str, needle: &str) -> Option<(usize, usize)> {
    source.find(needle).map(|offset| {
        let at = Position::of_offset(source, offset);
        (at.line, at.column)
    })
}

/// A string literal's text as RON reads it: `\\`, `\"`, `\'`, `\n`, `\r`,
/// `\t`, `\0`, `\xHH` and `\u{H…}` escapes; `None` for an escape RON would
/// refuse (the parser then reports it).
fn unescape(raw: &str) -> Option<String> {
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        let escaped = match chars.next()? {
            'n' => '\n',
            'r' => '\r',
            't' => '\t',
            '0' => '\0',
            c @ ('\\' | '"' | '\'') => c,
            'x' => {
                let hex: String = chars.by_ref().take(2).collect();
                char::from(u8::from_str_radix(&hex, 16).ok()?)
            }
            'u' => {
                let rest = chars.as_str().strip_prefix('{')?;
                let end = rest.find('}')?;
                let code = u32::from_str_radix(&rest[..end], 16).ok()?;
                chars = rest[end + 1..].chars();
                char::from_u32(code)?
            }
            _ => return None,
        };
        out.push(escaped);
    }
    Some(out)
}

/// Finds text in a RON source so semantic problems can point at it.
///
/// These are textual searches: good enough to point a person at the right
/// line, and they fall back to the start of the file rather than fail.
/// The first search indexes the file's string literals and line starts, so
/// pointing at a hundred thousand problems in one file reads it once, not
/// once per problem.
type Strings<'a> = std::collections::HashMap<std::borrow::Cow<'a, str>, Vec<(usize, usize)>>;

pub(crate) struct Locator<'a> {
    source: &'a str,
    /// The byte offset where each line starts.
    lines: std::cell::OnceCell<Vec<usize>>,
    /// Each string literal's text (with escapes such as `\u{41}` read as
    /// RON reads them), and the offsets of its opening and closing quotes
    /// in file order.
    strings: std::cell::OnceCell<Strings<'a>>,
}

impl<'a> Locator<'a> {
    pub fn new(source: &'a str) -> Self {
        Locator {
            source,
            lines: std::cell::OnceCell::new(),
            strings: std::cell::OnceCell::new(),
        }
    }

    /// The line and column of a byte offset, by binary search in the line
    /// starts (the same as [`Position::of_offset`]).
    fn position(&self, offset: usize) -> Position {
        let source = self.source;
        let lines = self.lines.get_or_init(|| {
            std::iter::once(0)
                .chain(source.match_indices('\n').map(|(i, _)| i + 1))
                .collect()
        });
        let line = lines.partition_point(|&start| start <= offset);
        let start = line
            .checked_sub(1)
            .and_then(|l| lines.get(l))
            .copied()
            .unwrap_or(0);
        match source.get(start..offset) {
            Some(text) => Position {
                line,
                column: 1 + text.chars().count(),
            },
            None => Position::of_offset(source, offset),
        }
    }

    /// Every string literal of the source, skipping comments; a backslash
    /// escapes the next character.
    fn strings(&self) -> &Strings<'a> {
        let source = self.source;
        self.strings.get_or_init(|| {
            let bytes = source.as_bytes();
            let mut found: Strings<'a> = std::collections::HashMap::new();
            let mut i = 0;
            while i < bytes.len() {
                match bytes[i] {
                    b'"' => {
                        let open = i;
                        i += 1;
                        while i < bytes.len() && bytes[i] != b'"' {
                            i += if bytes[i] == b'\\' { 2 } else { 1 };
                        }
                        if let Some(text) = source.get(open + 1..i.min(bytes.len())) {
                            let text = match text.contains('\\') {
                                true => unescape(text)
                                    .map_or(std::borrow::Cow::Borrowed(text), std::borrow::Cow::Owned),
                                false => std::borrow::Cow::Borrowed(text),
                            };
                            found.entry(text).or_default().push((open, i));
                        }
                        i += 1;
                    }
                    b'/' if bytes.get(i + 1) == Some(&b'/') => {
                        i = source[i..].find('\n').map_or(bytes.len(), |n| i + n);
                    }
                    b'/' if bytes.get(i + 1) == Some(&b'*') => {
                        i = source[i + 2..].find("*/").map_or(bytes.len(), |n| i + 2 + n + 2);
                    }
                    _ => i += 1,
                }
            }
            found
        })
    }

    /// Where the `nth` (0-based) occurrence of `field: "value"` (or
    /// `field: Some("value")`) starts: the opening quote of the value.
    pub fn field_value(&self, field: &str, value: &str, nth: usize) -> Option<Position> {
        self.quoted(value)
            .filter(|&offset| self.preceded_by_field(offset, field))
            .nth(nth)
            .map(|offset| self.position(offset))
    }

    /// Where a map key `"key":` starts.
    pub fn map_key(&self, key: &str) -> Option<Position> {
        self.literals(key)
            .find(|&(_, close)| {
                let after = self.source.get(close + 1..).unwrap_or("");
                after.trim_start().starts_with(':')
            })
            .map(|(open, _)| self.position(open))
    }

    /// Where `field:` is first written (the start of the field name).
    pub fn field(&self, field: &str) -> Option<Position> {
        self.field_offset(field, 0).map(|offset| self.position(offset))
    }

    /// The byte offset where `field:` is first written at or after `from`.
    pub fn field_offset(&self, field: &str, from: usize) -> Option<usize> {
        let bytes = self.source.as_bytes();
        let rest = self.source.get(from..)?;
        rest.match_indices(field)
            .map(|(offset, _)| from + offset)
            .find(|&offset| {
                let before_ok = offset == 0 || !is_ident_byte(bytes[offset - 1]);
                let after = &self.source[offset + field.len()..];
                let after_ok = after.as_bytes().first().is_none_or(|b| !is_ident_byte(*b));
                before_ok && after_ok && after.trim_start().starts_with(':')
            })
    }

    /// Where the map key `"key":` is first written at or after the byte
    /// offset `from` (inside one response, say, when the same key is also
    /// in the agreed answers above it).
    pub fn map_key_from(&self, key: &str, from: usize) -> Option<Position> {
        self.literals(key)
            .filter(|&(open, _)| open >= from)
            .find(|&(_, close)| {
                let after = self.source.get(close + 1..).unwrap_or("");
                after.trim_start().starts_with(':')
            })
            .map(|(open, _)| self.position(open))
    }

    /// The line and column of a byte offset of the source.
    pub fn at_offset(&self, offset: usize) -> Position {
        self.position(offset)
    }

    /// Where the first occurrence of the string literal `"text"` starts.
    pub fn string(&self, text: &str) -> Option<Position> {
        self.quoted(text).next().map(|offset| self.position(offset))
    }

    /// Byte offsets of every `"text"` in the source.
    fn quoted(&self, text: &str) -> impl Iterator<Item = usize> + '_ {
        self.literals(text).map(|(open, _)| open)
    }

    /// Byte offsets of the quotes of every `"text"` in the source.
    fn literals(&self, text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.strings().get(text).into_iter().flatten().copied()
    }

    /// Whether the text before `offset` reads `field:` or `field: Some(`.
    fn preceded_by_field(&self, offset: usize, field: &str) -> bool {
        let mut before = self.source[..offset].trim_end();
        if let Some(rest) = before.strip_suffix('(') {
            match rest.trim_end().strip_suffix("Some") {
                Some(rest) => before = rest.trim_end(),
                None => return false,
            }
        }
        let Some(rest) = before.strip_suffix(':') else {
            return false;
        };
        let Some(rest) = rest.trim_end().strip_suffix(field) else {
            return false;
        };
        rest.as_bytes().last().is_none_or(|b| !is_ident_byte(*b))
    }
}

fn is_ident_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Turns a RON deserialisation error into a problem code.
pub(crate) fn ron_problem_code(code: &ron::Error) -> ProblemCode {
    use ron::Error as E;
    let detail = || code.to_string();
    let owned = |items: &[&str]| items.iter().map(|i| (*i).to_owned()).collect::<Box<[String]>>();
    match code {
        E::Message(message) if is_chrono_parse_message(message) => ProblemCode::BadDate {
            detail: message.clone(),
        },
        // Messages from the model: a level outside 1–5, or another refusal.
        E::Message(message) => match level_out_of_range(message) {
            Some(value) => ProblemCode::LevelOutOfRange { value },
            None => ProblemCode::BadValue {
                detail: message.clone(),
            },
        },
        E::NoSuchStructField {
            expected,
            found,
            outer,
        } => ProblemCode::UnknownField {
            found: found.clone(),
            expected: owned(expected),
            outer: outer.clone(),
        },
        E::MissingStructField { field, outer } => ProblemCode::MissingField {
            field: (*field).to_owned(),
            outer: outer.clone(),
        },
        E::DuplicateStructField { field, outer } => ProblemCode::DuplicateField {
            field: (*field).to_owned(),
            outer: outer.clone(),
        },
        E::NoSuchEnumVariant {
            expected,
            found,
            outer,
        } => ProblemCode::UnknownChoice {
            found: found.clone(),
            expected: owned(expected),
            outer: outer.clone(),
        },
        E::ExpectedInteger | E::IntegerOutOfBounds | E::InvalidIntegerDigit { .. } => {
            ProblemCode::WrongType {
                expected: ValueKind::Integer,
                detail: detail(),
            }
        }
        E::ExpectedFloat | E::FloatUnderscore => ProblemCode::WrongType {
            expected: ValueKind::Number,
            detail: detail(),
        },
        E::ExpectedBoolean => ProblemCode::WrongType {
            expected: ValueKind::Boolean,
            detail: detail(),
        },
        E::ExpectedString | E::ExpectedStringEnd => ProblemCode::WrongType {
            expected: ValueKind::Text,
            detail: detail(),
        },
        E::InvalidValueForType { .. }
        | E::ExpectedDifferentLength { .. }
        | E::ExpectedOption
        | E::ExpectedUnit
        | E::ExpectedStructLike
        | E::ExpectedNamedStructLike(_)
        | E::ExpectedDifferentStructName { .. } => ProblemCode::WrongType {
            expected: ValueKind::Other,
            detail: detail(),
        },
        E::ExceededRecursionLimit => ProblemCode::TooDeep,
        _ => ProblemCode::Syntax { detail: detail() },
    }
}

/// Whether `text` stops in the middle: a string, a comment or a bracket is
/// still open at its end. A file cut short by an incomplete save or copy
/// looks like this; a file with a typo in the middle does not (its brackets
/// still close), so the parser's own finding is kept for it.
pub(crate) fn ends_early(text: &str) -> bool {
    let mut depth = 0usize;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' => {
                let mut closed = false;
                while let Some(c) = chars.next() {
                    match c {
                        '\\' => {
                            chars.next();
                        }
                        '"' => {
                            closed = true;
                            break;
                        }
                        _ => {}
                    }
                }
                if !closed {
                    return true;
                }
            }
            '/' if chars.peek() == Some(&'/') => {
                for c in chars.by_ref() {
                    if c == '\n' {
                        break;
                    }
                }
            }
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut nested = 1usize;
                let mut previous = ' ';
                for c in chars.by_ref() {
                    match (previous, c) {
                        ('/', '*') => {
                            nested += 1;
                            previous = ' ';
                        }
                        ('*', '/') => {
                            nested -= 1;
                            if nested == 0 {
                                break;
                            }
                            previous = ' ';
                        }
                        _ => previous = c,
                    }
                }
                if nested > 0 {
                    return true;
                }
            }
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    depth > 0
}

/// The level in the model's "level 9 is outside 1–5; …" refusal.
fn level_out_of_range(message: &str) -> Option<u8> {
    let (value, _) = message.strip_prefix("level ")?.split_once(" is outside 1–5")?;
    value.parse().ok()
}

/// chrono's `ParseError` messages, which reach us as bare serde messages.
fn is_chrono_parse_message(message: &str) -> bool {
    [
        "input is out of range",
        "no possible date and time matching input",
        "input is not enough for unique date and time",
        "input contains invalid characters",
        "premature end of input",
        "trailing input",
        "bad or unsupported format string",
    ]
    .contains(&message)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_characters() {
        let source = "(\n    名字: \"x\",\n)";
        assert_eq!(Position::of_offset(source, 0), Position::START);
        let offset = source.find('"').unwrap();
        assert_eq!(
            Position::of_offset(source, offset),
            Position { line: 2, column: 9 }
        );
    }

    #[test]
    fn locator_finds_fields_and_keys() {
        let source = "(\n    departments: [\n        (id: \"a\", parent: Some(\"zz\")),\n        (id: \"a\"),\n    ],\n    answers: {\n        \"sharing.bogus\": (),\n    },\n)\n";
        let at = Locator::new(source);
        assert_eq!(
            at.field_value("id", "a", 1),
            Some(Position { line: 4, column: 14 })
        );
        assert_eq!(
            at.field_value("parent", "zz", 0),
            Some(Position { line: 3, column: 32 })
        );
        assert_eq!(at.map_key("sharing.bogus"), Some(Position { line: 7, column: 9 }));
        assert_eq!(at.field("answers"), Some(Position { line: 6, column: 5 }));
        assert_eq!(at.field_value("id", "missing", 0), None);
    }

    #[test]
    fn locator_skips_comments_and_escaped_quotes() {
        let source = "(\n    // a \"comment\" with a stray \" quote\n    title: \"say \\\"hi\\\"\",\n    /* \"block\" */ id: \"名字\",\n    id: \"x\",\n)\n";
        let at = Locator::new(source);
        assert_eq!(
            at.field_value("id", "名字", 0),
            Some(Position { line: 4, column: 23 })
        );
        assert_eq!(
            at.field_value("id", "x", 0),
            Some(Position { line: 5, column: 9 })
        );
        assert_eq!(at.string("comment"), None, "text in comments is not a value");
        // Every position agrees with counting from the start of the file.
        for (offset, _) in source.match_indices('"') {
            assert_eq!(
                at.position(offset),
                Position::of_offset(source, offset),
                "at {offset}"
            );
        }
    }

    #[test]
    fn values_written_with_escapes_are_found_as_ron_reads_them() {
        let source = "(\n    department: \"fin\\u{61}nce\",\n    answers: {\n        \"d.\\x41\\u{1b}\": (),\n        \"say \\\"hi\\\"\": (),\n    },\n)\n";
        let at = Locator::new(source);
        assert_eq!(
            at.field_value("department", "finance", 0),
            Some(Position { line: 2, column: 17 })
        );
        assert_eq!(at.map_key("d.A\u{1b}"), Some(Position { line: 4, column: 9 }));
        assert_eq!(at.map_key("say \"hi\""), Some(Position { line: 5, column: 9 }));
        assert_eq!(unescape("\\u{110000}"), None, "not a character");
        assert_eq!(unescape("a\\tb\\0\\'"), Some("a\tb\0'".to_owned()));
    }

    #[test]
    fn a_hundred_thousand_keys_are_found_by_one_reading() {
        let mut source = String::from("(\n    answers: {\n");
        for i in 0..100_000 {
            source.push_str(&format!("        \"zz.unknown{i}\": (),\n"));
        }
        source.push_str("    },\n)\n");
        let at = Locator::new(&source);
        for i in [0, 50_000, 99_999] {
            assert_eq!(
                at.map_key(&format!("zz.unknown{i}")),
                Some(Position {
                    line: 3 + i,
                    column: 9
                })
            );
        }
    }

    #[test]
    fn a_file_cut_short_is_told_from_a_typo() {
        assert!(ends_early("(\n    version: 1,\n    answers: {"));
        assert!(ends_early("(version: 1, title: (en: \"Pil"));
        assert!(ends_early("(version: 1, /* a comment"));
        assert!(!ends_early("(version: 1, title: (en: \"a)\", zh: \"b\"))\n"));
        assert!(!ends_early("(version: 1,, title: ())"), "a typo, not a cut");
        assert!(!ends_early("(note: \"a \\\" quote\") // (\n"));
        assert!(!ends_early("(a: 1) /* x /* y */ ( */"));
    }

    #[test]
    fn every_code_is_kebab_case_and_unique() {
        let mut seen = std::collections::BTreeSet::new();
        for sample in ProblemCode::samples() {
            let code = sample.code();
            assert!(
                code.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
                "{code}"
            );
            seen.insert(code);
        }
        // At least one sample of each of the 79 codes (one arm each in `code`).
        assert_eq!(seen.len(), 79, "{seen:?}");
    }

    #[test]
    fn a_problem_is_small_enough_to_return_by_value() {
        // clippy's `result_large_err` starts at 128 bytes.
        assert!(std::mem::size_of::<Problem>() < 128);
    }

    #[test]
    fn display_is_file_line_column() {
        let p = Problem::error(
            Path::new("health/2025-06-30.ron"),
            Position { line: 3, column: 7 },
            ProblemCode::FileNotPeriod,
        );
        assert_eq!(p.to_string(), "health/2025-06-30.ron:3:7: error: file-not-period");
    }
}
