//! Tamper evidence in words: an approved assessment whose answers were
//! changed after its approval (see `model::Assessment::changed_after_approval`).
//! The problem's own message is in [`super::problems`].

use chrono::NaiveDateTime;

use super::T;
use crate::model::Lang;
use crate::present::format;

/// The short mark beside a status or a figure: "⚠ changed after approval" /
/// "⚠ 批准后被修改".
pub fn mark(lang: Lang) -> String {
    format!("⚠ {}", T::ChangedAfterApproval.get(lang))
}

/// A status with the mark after it: "Approved (⚠ changed after approval)" /
/// "已批准（⚠ 批准后被修改）".
pub fn status_text(status: &str, lang: Lang) -> String {
    super::tagged_text(status, &mark(lang), lang)
}

/// The banner over an assessment changed after approval: who approved it
/// and when, and what to do.
pub fn banner_text(approved_by: &str, approved_at: NaiveDateTime, lang: Lang) -> String {
    let at = format::date_time(approved_at, lang);
    match lang {
        Lang::En => format!(
            "The answers in this file are no longer the ones {approved_by} approved on {at}: it was edited \
             outside the app after approval, so its figures are not the approved ones. Reopen it and approve \
             it again, or restore the approved version from a backup or version control."
        ),
        Lang::Zh => format!(
            "该文件中的作答已不是 {approved_by} 于 {at} 批准的内容：文件在批准后于本程序之外被修改，其数据并非已批准的结果。请重新打开并再次批准，或从备份或版本控制中恢复已批准的版本。"
        ),
    }
}

/// A report's line for one department whose assessment was changed after
/// approval: "Public Security Bureau: ⚠ changed after approval (the figures
/// shown are not the approved ones; reopen and approve it again, or restore
/// the approved version)".
pub fn department_line(department: &str, lang: Lang) -> String {
    let mark = mark(lang);
    match lang {
        Lang::En => format!(
            "{department}: {mark} (the figures shown are not the approved ones; reopen and approve it again, or restore the approved version)"
        ),
        Lang::Zh => format!(
            "{department}：{mark}（所示数据并非已批准的结果，请重新打开并再次批准，或恢复已批准的版本）"
        ),
    }
}
