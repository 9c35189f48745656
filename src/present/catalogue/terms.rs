//! The words for the model's and the analysis's values: a status, a
//! confidence, a kind of department, what a figure counts and how it must be
//! read, how serious a finding is. Each is one key of the catalogue, so the
//! app, the command line and every report call a value the same.

use super::T;
use crate::analysis::{Basis, FindingKind, Flag, Severity};
use crate::model::{Confidence, DepartmentKind, Lang, Status};

/// The key of a workflow status.
pub const fn status_key(status: Status) -> T {
    match status {
        Status::Draft => T::StatusDraft,
        Status::Submitted => T::Submitted,
        Status::Approved => T::Approved,
        Status::Returned => T::StatusReturned,
    }
}

/// A workflow status: "Draft" / "草稿".
pub const fn status(status: Status, lang: Lang) -> &'static str {
    status_key(status).get(lang)
}

/// An assessor's confidence: "Low" / "低".
pub const fn confidence(confidence: Confidence, lang: Lang) -> &'static str {
    match confidence {
        Confidence::Low => T::ConfidenceLow,
        Confidence::Medium => T::ConfidenceMedium,
        Confidence::High => T::ConfidenceHigh,
    }
    .get(lang)
}

/// A kind of department: "Bureau" / "局".
pub const fn department_kind(kind: DepartmentKind, lang: Lang) -> &'static str {
    match kind {
        DepartmentKind::Bureau => T::KindBureau,
        DepartmentKind::Commission => T::KindCommission,
        DepartmentKind::Office => T::KindOffice,
        DepartmentKind::Centre => T::KindCentre,
        DepartmentKind::District => T::KindDistrict,
        DepartmentKind::Other => T::KindOther,
    }
    .get(lang)
}

/// What the figures count, in a few words: "approved assessments only" /
/// "仅计已批准的评估".
pub const fn basis(basis: Basis, lang: Lang) -> &'static str {
    match basis {
        Basis::Approved => T::BasisApproved,
        Basis::Latest => T::BasisLatest,
    }
    .get(lang)
}

/// The short word shown beside a figure: "provisional" / "暂定".
pub const fn flag(flag: Flag, lang: Lang) -> &'static str {
    match flag {
        Flag::Provisional => T::Provisional,
        Flag::ChangedAfterApproval => T::ChangedAfterApproval,
        Flag::CarriedOver => T::CarriedOver,
        Flag::LatestUnreadable => T::LatestUnreadable,
    }
    .get(lang)
}

/// How serious a finding is: "Error" / "错误".
pub const fn severity(severity: Severity, lang: Lang) -> &'static str {
    match severity {
        Severity::Error => T::Error,
        Severity::Warning => T::Warning,
    }
    .get(lang)
}

/// How serious a problem found while loading is: "Error" / "错误".
pub const fn problem_severity(severity: crate::store::Severity, lang: Lang) -> &'static str {
    match severity {
        crate::store::Severity::Error => T::Error,
        crate::store::Severity::Warning => T::Warning,
    }
    .get(lang)
}

/// What to do about a finding: "Not applicable needs a reason" /
/// "“不适用”需要说明原因".
pub const fn finding(kind: FindingKind, lang: Lang) -> &'static str {
    match kind {
        FindingKind::Unanswered => T::FindingUnanswered,
        FindingKind::MissingReason => T::FindingMissingReason,
        FindingKind::MissingEvidence => T::FindingMissingEvidence,
        FindingKind::Reconfirm => T::FindingReconfirm,
    }
    .get(lang)
}

/// A language by its own name, whatever the language shown: "English",
/// "简体中文" (the language switch).
pub const fn language_name(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "English",
        Lang::Zh => "简体中文",
    }
}
