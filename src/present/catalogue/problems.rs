//! Problems, store errors, operating-system errors and id checks in plain
//! words, in English and Simplified Chinese: what is wrong and what to do.
//!
//! The store gives each problem a stable [`ProblemCode`] with its data; this
//! module is the only place that turns one into a sentence. The operating
//! system's own text is appended as detail, never used as the sentence.

use std::io::ErrorKind;
use std::path::Path;

use super::views::thousands;
use crate::model::limits::{TextField, TextScope};
use crate::model::{IdError, IdSubject, Lang, MAX_WEIGHT, Status};
use crate::store::{
    FileKind, InvalidReason, Problem, ProblemCode, ReadOnlyReason, SaveError, Severity, SpecialKind,
    StoreError, ValueKind,
};

/// The message of a problem in `lang` (without its place: the caller shows
/// `file:line:column` beside it).
pub fn message(problem: &Problem, lang: Lang) -> String {
    code_message(&problem.code, lang)
}

/// "error" / "错误", "warning" / "警告".
pub fn severity(severity: Severity, lang: Lang) -> &'static str {
    match (severity, lang) {
        (Severity::Error, Lang::En) => "error",
        (Severity::Warning, Lang::En) => "warning",
        (Severity::Error, Lang::Zh) => "错误",
        (Severity::Warning, Lang::Zh) => "警告",
    }
}

/// One line of `validate`: `file:line:column: severity: message [code]`,
/// always one line: control characters from a file name, an id or a
/// quoted value are shown escaped (see [`crate::present::format::one_line`]).
pub fn line(problem: &Problem, lang: Lang) -> String {
    let separator = match lang {
        Lang::En => ": ",
        Lang::Zh => "：",
    };
    let line = format!(
        "{}:{}:{}: {}{separator}{} [{}]",
        problem.file.display(),
        problem.line,
        problem.column,
        severity(problem.severity, lang),
        message(problem, lang),
        problem.code.code()
    );
    crate::present::format::one_line(&line).into_owned()
}

/// `validate`'s closing line: "DIR: 12 departments, 48 assessments loaded; 1 errors, 0 warnings".
pub fn validate_summary(
    dir: &Path,
    departments: usize,
    assessments: usize,
    errors: usize,
    warnings: usize,
    lang: Lang,
) -> String {
    match lang {
        Lang::En => format!(
            "{}: {departments} departments, {assessments} assessments loaded; {errors} errors, {warnings} warnings",
            dir.display()
        ),
        Lang::Zh => format!(
            "{}：已加载 {departments} 个部门、{assessments} 份评估；错误 {errors} 个，警告 {warnings} 个",
            dir.display()
        ),
    }
}

/// A text of an assessment, for "… is too long": "the evidence" / "佐证材料".
fn text_field(field: TextField, lang: Lang) -> &'static str {
    match (field, lang) {
        (TextField::Evidence, Lang::En) => "the evidence",
        (TextField::Comment, Lang::En) => "the comment",
        (TextField::Reason, Lang::En) => "the reason it does not apply",
        (TextField::Link | TextField::Links | TextField::ActionLink | TextField::ActionLinks, Lang::En) => {
            "a link"
        }
        (TextField::Assessor, Lang::En) => "the assessor's name",
        (TextField::Reviewer, Lang::En) => "the reviewer's name",
        (TextField::ReviewComment, Lang::En) => "the review comment",
        (TextField::WorkspaceTitle, Lang::En) => "the workspace's title",
        (TextField::DepartmentName, Lang::En) => "the name",
        (TextField::ReportSetting, Lang::En) => "a report setting",
        (TextField::ActionTitle, Lang::En) => "the title",
        (TextField::ActionDescription, Lang::En) => "the description",
        (TextField::ActionNote, Lang::En) => "a progress note",
        (TextField::ActionOwner, Lang::En) => "the owner",
        (TextField::ConsensusNote, Lang::En) => "the consensus note",
        (TextField::Source, Lang::En) => "where the response came from",
        (TextField::Evidence, Lang::Zh) => "佐证材料",
        (TextField::Comment, Lang::Zh) => "备注",
        (TextField::Reason, Lang::Zh) => "不适用的原因",
        (TextField::Link | TextField::Links | TextField::ActionLink | TextField::ActionLinks, Lang::Zh) => {
            "链接"
        }
        (TextField::Assessor, Lang::Zh) => "评估人姓名",
        (TextField::Reviewer, Lang::Zh) => "审核人姓名",
        (TextField::ReviewComment, Lang::Zh) => "审核意见",
        (TextField::WorkspaceTitle, Lang::Zh) => "工作区标题",
        (TextField::DepartmentName, Lang::Zh) => "名称",
        (TextField::ReportSetting, Lang::Zh) => "报告设置项",
        (TextField::ActionTitle, Lang::Zh) => "标题",
        (TextField::ActionDescription, Lang::Zh) => "说明",
        (TextField::ActionNote, Lang::Zh) => "进展记录",
        (TextField::ActionOwner, Lang::Zh) => "责任单位或责任人",
        (TextField::ConsensusNote, Lang::Zh) => "议定说明",
        (TextField::Source, Lang::Zh) => "答卷来源",
    }
}

/// What a text over its limit stops, by the file it is in (the workspace
/// is still loaded: the problem is an error to mend).
fn too_long_effect(scope: TextScope, lang: Lang) -> &'static str {
    match (scope, lang) {
        (TextScope::Assessment, Lang::En) => ", so this assessment is not loaded",
        (TextScope::Plan, Lang::En) => ", so this action is not loaded and its plan is read only",
        (TextScope::Assessment, Lang::Zh) => "，本评估未予加载",
        (TextScope::Plan, Lang::Zh) => "，该措施未予加载，所在计划暂为只读",
        (TextScope::Workspace, _) => "",
    }
}

/// Each assessor's level: "Wang Fang 2, Li Wei 4" / "Wang Fang 2 级、Li Wei 4 级".
fn assessor_levels(levels: &[(String, u8)], lang: Lang) -> String {
    let parts: Vec<String> = levels
        .iter()
        .map(|(assessor, level)| match lang {
            Lang::En => format!("{assessor} {level}"),
            Lang::Zh => format!("{assessor} {level} 级"),
        })
        .collect();
    parts.join(match lang {
        Lang::En => ", ",
        Lang::Zh => "、",
    })
}

/// "indicator design.legal" / "指标 design.legal", or "an answer" when unknown.
fn indicator_name(indicator: Option<&str>, lang: Lang) -> String {
    match (indicator, lang) {
        (Some(id), Lang::En) => format!("indicator {id}"),
        (Some(id), Lang::Zh) => format!("指标 {id} "),
        (None, Lang::En) => "an answer".to_owned(),
        (None, Lang::Zh) => "某一答案".to_owned(),
    }
}

/// What a special file is, with its article: "a named pipe" / "命名管道".
fn special_kind(kind: SpecialKind, lang: Lang) -> &'static str {
    match (kind, lang) {
        (SpecialKind::Folder, Lang::En) => "a folder",
        (SpecialKind::Pipe, Lang::En) => "a named pipe",
        (SpecialKind::Socket, Lang::En) => "a socket",
        (SpecialKind::Device, Lang::En) => "a device",
        (SpecialKind::Other, Lang::En) => "a special file",
        (SpecialKind::Folder, Lang::Zh) => "文件夹",
        (SpecialKind::Pipe, Lang::Zh) => "命名管道",
        (SpecialKind::Socket, Lang::Zh) => "套接字",
        (SpecialKind::Device, Lang::Zh) => "设备文件",
        (SpecialKind::Other, Lang::Zh) => "特殊文件",
    }
}

/// A size in megabytes (MiB), to one decimal: "100.0 MB".
fn megabytes(bytes: u64) -> String {
    // Sizes are far below 2^52 bytes, so the conversion is exact enough.
    format!("{:.1} MB", bytes as f64 / f64::from(1u32 << 20))
}

/// A path as it can be shown on one line: control characters escaped.
fn printable_path(path: &Path) -> String {
    crate::present::format::one_line(&path.to_string_lossy()).into_owned()
}

fn file_noun(kind: FileKind, lang: Lang) -> &'static str {
    match (kind, lang) {
        (FileKind::Workspace, Lang::En) => "the workspace file",
        (FileKind::Assessment, Lang::En) => "the assessment file",
        (FileKind::Framework, Lang::En) => "the framework file",
        (FileKind::Plan, Lang::En) => "the plan file",
        (FileKind::Workspace, Lang::Zh) => "工作区文件",
        (FileKind::Assessment, Lang::Zh) => "评估文件",
        (FileKind::Framework, Lang::Zh) => "框架文件",
        (FileKind::Plan, Lang::Zh) => "改进计划文件",
    }
}

fn subject_noun(subject: IdSubject, lang: Lang) -> &'static str {
    match (subject, lang) {
        (IdSubject::Department, Lang::En) => "department",
        (IdSubject::Dimension, Lang::En) => "dimension",
        (IdSubject::Indicator, Lang::En) => "indicator",
        (IdSubject::Framework, Lang::En) => "framework",
        (IdSubject::Department, Lang::Zh) => "部门",
        (IdSubject::Dimension, Lang::Zh) => "维度",
        (IdSubject::Indicator, Lang::Zh) => "指标",
        (IdSubject::Framework, Lang::Zh) => "框架",
    }
}

/// `a`, `b` / “a”、“b”.
fn list(items: &[String], lang: Lang) -> String {
    if items.is_empty() {
        return match lang {
            Lang::En => "none".to_owned(),
            Lang::Zh => "（无）".to_owned(),
        };
    }
    match lang {
        Lang::En => items
            .iter()
            .map(|i| format!("`{i}`"))
            .collect::<Vec<_>>()
            .join(", "),
        Lang::Zh => items
            .iter()
            .map(|i| format!("“{i}”"))
            .collect::<Vec<_>>()
            .join("、"),
    }
}

fn in_outer(outer: Option<&str>, lang: Lang) -> String {
    match (outer, lang) {
        (None, _) => String::new(),
        (Some(outer), Lang::En) => format!(" in {outer}"),
        (Some(outer), Lang::Zh) => format!("（位于 {outer}）"),
    }
}

/// A weight as a person would write it: 1e308 rather than its 309 digits.
fn weight_text(weight: f64) -> String {
    if weight != 0.0 && weight.is_finite() && !(1e-4..1e6).contains(&weight.abs()) {
        format!("{weight:e}")
    } else if weight.is_finite() {
        crate::present::format::weight(weight)
    } else {
        weight.to_string()
    }
}

fn status_text(status: Status, lang: Lang) -> &'static str {
    match status {
        Status::Draft => super::T::StatusDraft.get(lang),
        Status::Submitted => super::T::Submitted.get(lang),
        Status::Approved => super::T::Approved.get(lang),
        Status::Returned => super::T::StatusReturned.get(lang),
    }
}

/// The parser's or the model's own words, appended as detail.
fn parser_detail(detail: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!(" (details: {detail})"),
        Lang::Zh => format!("（详细信息：{detail}）"),
    }
}

/// The operating system's words, appended as detail.
fn detail(detail: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!(" (system message: {detail})"),
        Lang::Zh => format!("（系统信息：{detail}）"),
    }
}

/// What went wrong reading or writing, by the kind of operating-system error.
fn io_reason(kind: ErrorKind, writing: bool, lang: Lang) -> &'static str {
    match (kind, writing, lang) {
        (ErrorKind::PermissionDenied, false, Lang::En) => {
            "you do not have permission to read it; ask whoever manages the folder for access"
        }
        (ErrorKind::PermissionDenied, true, Lang::En) => {
            "you do not have permission to write there; ask for access, or use Save as… to save somewhere else"
        }
        (ErrorKind::PermissionDenied, false, Lang::Zh) => "您没有读取权限；请联系该文件夹的管理员开通权限",
        (ErrorKind::PermissionDenied, true, Lang::Zh) => {
            "您没有写入权限；请申请权限，或使用“另存为…”保存到其他位置"
        }
        (ErrorKind::NotFound, _, Lang::En) => {
            "it is not there (it was moved, renamed or deleted); check the folder and reload"
        }
        (ErrorKind::NotFound, _, Lang::Zh) => {
            "找不到该文件或文件夹（可能已被移动、重命名或删除）；请检查文件夹后重新加载"
        }
        (ErrorKind::StorageFull | ErrorKind::QuotaExceeded, _, Lang::En) => {
            "the disk is full; free some space and try again, or save somewhere else"
        }
        (ErrorKind::StorageFull | ErrorKind::QuotaExceeded, _, Lang::Zh) => {
            "磁盘空间已满；请释放空间后重试，或保存到其他位置"
        }
        (ErrorKind::ReadOnlyFilesystem, _, Lang::En) => {
            "the disk or folder is read-only; save somewhere else with Save as…, or make it writable"
        }
        (ErrorKind::ReadOnlyFilesystem, _, Lang::Zh) => {
            "磁盘或文件夹为只读；请使用“另存为…”保存到其他位置，或将其设为可写"
        }
        (ErrorKind::NotADirectory, _, Lang::En) => {
            "a part of the path is a file, not a folder; check the path"
        }
        (ErrorKind::NotADirectory, _, Lang::Zh) => "路径中的某一部分是文件而不是文件夹；请检查路径",
        (ErrorKind::IsADirectory, _, Lang::En) => "it is a folder, not a file; check the path",
        (ErrorKind::IsADirectory, _, Lang::Zh) => "这是一个文件夹而不是文件；请检查路径",
        (ErrorKind::ResourceBusy, _, Lang::En) => {
            "another program is using it; close that program and try again"
        }
        (ErrorKind::ResourceBusy, _, Lang::Zh) => "另一个程序正在使用它；请关闭该程序后重试",
        (_, false, Lang::En) => "the system could not read it; check that it exists and that you may read it",
        (_, true, Lang::En) => {
            "the system could not write it; check the folder's permissions and the free disk space, or use Save as…"
        }
        (_, false, Lang::Zh) => "系统无法读取；请确认其存在且您有读取权限",
        (_, true, Lang::Zh) => "系统无法写入；请检查文件夹权限和剩余磁盘空间，或使用“另存为…”",
    }
}

/// A plain sentence for an operating-system error while reading (`writing`
/// false) or writing `path`, with the system's own text as detail.
pub fn io_error(path: &Path, error: &std::io::Error, writing: bool, lang: Lang) -> String {
    if crate::store::refusal(error).is_some() {
        // The store refused the path itself (a link out of the workspace, a
        // pipe, a file too large): say that, not the operating system's words.
        let kind = crate::store::file_kind(path);
        let separator = if lang == Lang::Zh { "：" } else { ": " };
        return format!(
            "{}{separator}{}",
            printable_path(path),
            code_message(&crate::store::cannot_read(kind, error), lang)
        );
    }
    let reason = io_reason(error.kind(), writing, lang);
    let error_text = error.to_string();
    match (lang, writing) {
        (Lang::En, false) => format!(
            "Could not read {}: {reason}.{}",
            path.display(),
            detail(&error_text, lang)
        ),
        (Lang::En, true) => format!(
            "Could not write {}: {reason}.{}",
            path.display(),
            detail(&error_text, lang)
        ),
        (Lang::Zh, false) => format!(
            "无法读取 {}：{reason}。{}",
            path.display(),
            detail(&error_text, lang)
        ),
        (Lang::Zh, true) => format!(
            "无法写入 {}：{reason}。{}",
            path.display(),
            detail(&error_text, lang)
        ),
    }
}

/// Said when "Restore from backup" failed (starts with ⚠): nothing was changed.
pub fn restore_failed(file: &Path, error: &std::io::Error, lang: Lang) -> String {
    let reason = match (error.kind(), lang) {
        (ErrorKind::NotFound, Lang::En) => {
            "there is no readable backup of it in .backups/; fix the file by hand in a text editor".to_owned()
        }
        (ErrorKind::NotFound, Lang::Zh) => {
            "在 .backups/ 中没有可读取的备份；请在文本编辑器中手动修正该文件".to_owned()
        }
        (kind, _) => format!(
            "{}{}",
            io_reason(kind, true, lang),
            detail(&error.to_string(), lang)
        ),
    };
    match lang {
        Lang::En => format!(
            "⚠ Could not restore {}: {reason}. Nothing was changed.",
            file.display()
        ),
        Lang::Zh => format!("⚠ 无法恢复 {}：{reason}。未作任何更改。", file.display()),
    }
}

/// Said when Submit is refused: `blocking` findings must be dealt with first.
pub fn not_submitted(blocking: usize, lang: Lang) -> String {
    match lang {
        Lang::En => {
            format!("Not submitted: {blocking} items must be answered or explained first (see the list).")
        }
        Lang::Zh => format!("未提交：仍有 {blocking} 项需要作答或说明（见列表）。"),
    }
}

/// Said when the open assessment's file must not be saved over (`file` is
/// `department/period`).
pub fn read_only_file(file: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!(
            "{file} is read-only (written by a newer version, or it failed to load); use Save as… to keep your edits"
        ),
        Lang::Zh => format!("{file} 为只读（由更新版本写入，或加载失败）；请使用“另存为…”保留您的修改"),
    }
}

/// Why an id was refused, as a whole sentence about an id of `subject`.
pub fn id_error(subject: IdSubject, error: &IdError, lang: Lang) -> String {
    let what = subject_noun(subject, lang);
    let folder_note = |lang| match (subject, lang) {
        (IdSubject::Department, Lang::En) => " (department ids are also folder names)",
        (IdSubject::Department, Lang::Zh) => "（部门编号同时用作文件夹名称）",
        (_, _) => "",
    };
    match (error, lang) {
        (IdError::Empty, Lang::En) => format!("the {what} id is empty; give it an id"),
        (IdError::Empty, Lang::Zh) => format!("{what}编号为空；请填写编号"),
        (IdError::TooLong(id), Lang::En) => {
            format!("the {what} id \"{id}\" is too long; use at most 64 characters")
        }
        (IdError::TooLong(id), Lang::Zh) => format!("{what}编号“{id}”过长；最多 64 个字符"),
        (IdError::Unsafe(id), Lang::En) => match subject {
            IdSubject::Indicator => format!(
                "the indicator id \"{id}\" is not allowed; indicator ids are lowercase letters a–z, digits and \
                 '-', with one dot, like \"sharing.open\""
            ),
            _ => format!(
                "the {what} id \"{id}\" is not allowed; use lowercase letters a–z, digits and '-', starting \
                 with a letter or digit{}",
                folder_note(lang)
            ),
        },
        (IdError::Unsafe(id), Lang::Zh) => match subject {
            IdSubject::Indicator => format!(
                "指标编号“{id}”不符合规则；指标编号由小写字母 a–z、数字和“-”组成，中间用一个点分隔，例如“sharing.open”"
            ),
            _ => format!(
                "{what}编号“{id}”不符合规则；请使用小写字母 a–z、数字和“-”，并以字母或数字开头{}",
                folder_note(lang)
            ),
        },
        (IdError::Reserved(id), Lang::En) => format!(
            "the {what} id \"{id}\" is not allowed: it is a name Windows reserves for a device (like CON, AUX, \
             NUL, COM1 or LPT1), and the id becomes a folder name that Windows cannot create; choose another id, \
             such as \"{id}-office\""
        ),
        (IdError::Reserved(id), Lang::Zh) => format!(
            "{what}编号“{id}”不可使用：该名称为 Windows 保留的设备名（如 CON、AUX、NUL、COM1、LPT1），\
             而编号会用作文件夹名称，Windows 无法创建该文件夹；请另选编号，例如“{id}-office”"
        ),
    }
}

fn backup_text(backup: Option<&Path>, lang: Lang) -> String {
    match (backup, lang) {
        (Some(backup), Lang::En) => format!("restore it from {} or re-enter it", backup.display()),
        (Some(backup), Lang::Zh) => format!("请从 {} 恢复，或重新录入", backup.display()),
        (None, Lang::En) => {
            "restore it from an earlier copy (saved versions are kept in .backups/) or re-enter it".to_owned()
        }
        (None, Lang::Zh) => "请从较早的副本恢复（已保存的版本保留在 .backups/ 中），或重新录入".to_owned(),
    }
}

/// The message of a problem code in `lang`.
pub fn code_message(code: &ProblemCode, lang: Lang) -> String {
    match lang {
        Lang::En => english(code),
        Lang::Zh => chinese(code),
    }
}

fn english(code: &ProblemCode) -> String {
    use ProblemCode as C;
    let lang = Lang::En;
    match code {
        C::CannotRead {
            file_kind,
            error,
            detail: os,
        } => format!(
            "could not read {}: {}.{}",
            file_noun(*file_kind, lang),
            io_reason(*error, false, lang),
            detail(os, lang)
        ),
        C::LinkOutside { target } => format!(
            "this is a link to {}, outside the workspace, so it is not read (nothing outside the workspace \
             folder ever is); put a copy of the file or folder itself here in place of the link",
            printable_path(target)
        ),
        C::NotAFile { what } => format!(
            "this is {}, not a data file, so it is not opened; remove it, or rename it if it is needed",
            special_kind(*what, lang)
        ),
        C::TooLarge {
            file_kind,
            size,
            limit,
        } => format!(
            "{} is {}, more than the {} a workspace file may be, so it is not read; check that it is \
             the right file (a data file of govmaturity is usually well under 1 MB), or restore it from a \
             backup",
            file_noun(*file_kind, lang),
            megabytes(*size),
            megabytes(*limit)
        ),
        C::TextTooLong {
            field: field @ (TextField::Links | TextField::ActionLinks),
            item,
            length,
        } => format!(
            "{} has {} links; at most {} are allowed{}. Keep the main links and gather the rest \
             in one linked document, in a text editor, then reload",
            match field {
                TextField::Links => indicator_name(item.as_deref(), lang),
                _ => format!("action {}", item.as_deref().unwrap_or_default()),
            },
            thousands(*length),
            field.limit(),
            too_long_effect(field.scope(), lang)
        ),
        C::TextTooLong { field, item, length } => format!(
            "{}{} is {} characters long; at most {} are allowed{}. Shorten it in a text editor{}, \
             then reload",
            text_field(*field, lang),
            item.as_deref()
                .map(|id| match field.scope() {
                    TextScope::Assessment => format!(" of indicator {id}"),
                    TextScope::Workspace => format!(" of department {id}"),
                    TextScope::Plan => format!(" of action {id}"),
                })
                .unwrap_or_default(),
            thousands(*length),
            thousands(field.limit()),
            too_long_effect(field.scope(), lang),
            match field {
                TextField::Evidence | TextField::ActionDescription => " (put long material in a linked document)",
                _ => "",
            }
        ),
        C::CopyNotRead => "this looks like a copy of a data file (its name goes on after .ron), so it is not \
                           read; if it holds data you need, check it and rename it to end in .ron, otherwise \
                           move it out of the workspace"
            .to_owned(),
        C::CannotReadFolder { error, detail: os } => format!(
            "could not read the folder: {}.{}",
            io_reason(*error, false, lang),
            detail(os, lang)
        ),
        C::NotUtf8 { file_kind } => format!(
            "{} is not UTF-8 text (an invalid byte is here); save it as UTF-8 in your editor",
            file_noun(*file_kind, lang)
        ),
        C::Empty { file_kind, backup } => format!(
            "{} is empty; {}, or delete it",
            file_noun(*file_kind, lang),
            backup_text(backup.as_deref(), lang)
        ),
        C::EndsEarly { file_kind, backup } => format!(
            "{} ends early (an incomplete save or copy); {}",
            file_noun(*file_kind, lang),
            backup_text(backup.as_deref(), lang)
        ),
        C::Syntax { detail: os } => format!(
            "the text here cannot be read (a missing comma, bracket or quote is the usual cause); fix it in a \
             text editor, comparing with a file saved by govmaturity{}",
            parser_detail(os, lang)
        ),
        C::UnknownField {
            found,
            expected,
            outer,
        } => format!(
            "unknown field `{found}`{}; the fields allowed here are {}. Remove it or fix its spelling",
            in_outer(outer.as_deref(), lang),
            list(expected, lang)
        ),
        C::MissingField { field, outer } => format!(
            "the field `{field}` is missing{}; add `{field}: …` (a file saved by govmaturity shows the layout)",
            in_outer(outer.as_deref(), lang)
        ),
        C::DuplicateField { field, outer } => format!(
            "the field `{field}` is written twice{}; keep only one",
            in_outer(outer.as_deref(), lang)
        ),
        C::UnknownChoice {
            found,
            expected,
            outer,
        } => format!(
            "`{found}` is not a valid choice{}; use one of {}",
            in_outer(outer.as_deref(), lang),
            list(expected, lang)
        ),
        C::WrongType {
            expected,
            detail: os,
        } => {
            let what = match expected {
                ValueKind::Integer => "write a whole number here",
                ValueKind::Number => "write a number here, e.g. 1.0",
                ValueKind::Boolean => "write true or false here",
                ValueKind::Text => "text goes in double quotes, e.g. \"text\"",
                ValueKind::Other => "compare it with a file saved by govmaturity",
            };
            format!("this value is not of the kind expected here; {what}{}", parser_detail(os, lang))
        }
        C::BadDate { detail: os } => format!(
            "this date could not be read; write dates as \"YYYY-MM-DD\", e.g. \"2025-06-30\", and times as \
             \"YYYY-MM-DDTHH:MM:SS\"{}",
            parser_detail(os, lang)
        ),
        C::LevelOutOfRange { value } => {
            format!("level {value} is outside 1–5; use a whole number from 1 to 5, or NotApplicable")
        }
        C::BadValue { detail: os } => {
            format!("this value is not allowed here; correct it{}", parser_detail(os, lang))
        }
        C::TooDeep => "the file is nested too deeply to be a govmaturity file".to_owned(),
        C::NoVersion { file_kind } => format!(
            "{} has no `version` field; add `version: {},` as its first field",
            file_noun(*file_kind, lang),
            crate::model::FORMAT_VERSION
        ),
        C::VersionZero => format!(
            "format version 0 does not exist; the first version is 1 (this program writes {})",
            crate::model::FORMAT_VERSION
        ),
        C::OldVersion { version } => format!(
            "format version {version} is no longer supported (this program reads version {}); open the folder \
             with an older govmaturity and save it again to upgrade it",
            crate::model::FORMAT_VERSION
        ),
        C::NewerVersion { file_kind, version } => format!(
            "{} was written by a newer govmaturity (format version {version}; this program writes {}); it is \
             shown read-only and never saved over; update govmaturity to edit it",
            file_noun(*file_kind, lang),
            crate::model::FORMAT_VERSION
        ),
        C::NewerVersionUnreadable {
            file_kind,
            version,
            cause,
        } => format!(
            "{} uses format version {version}, newer than this program understands ({}), and could not be read \
             ({}); update govmaturity to open it",
            file_noun(*file_kind, lang),
            crate::model::FORMAT_VERSION,
            english(cause)
        ),
        C::FolderNotDepartment { name } => format!(
            "folder skipped: \"{name}\" is not a department id (lowercase letters a–z, digits and '-'); rename \
             the folder to the id of its department"
        ),
        C::FolderNested { department } => format!(
            "folder skipped: assessments sit directly in the department's folder, as \
             {department}/<YYYY-MM-DD>.ron"
        ),
        C::FileAtTop => "file skipped: only workspace.ron and framework.ron belong at the top of the workspace; \
                         assessments go in <department-id>/<YYYY-MM-DD>.ron"
            .to_owned(),
        C::FileNotPeriod => "file skipped: assessment files are named after their period as YYYY-MM-DD.ron \
                             (e.g. 2025-06-30.ron); rename it to load it"
            .to_owned(),
        C::NameNotUnicode { folder } => format!(
            "{} skipped: its name is not valid Unicode; rename it",
            if *folder { "folder" } else { "file" }
        ),
        C::WorkspaceStandIn => "until workspace.ron can be read, departments are taken from the folder names, \
                                targets are missing, and workspace.ron is not saved over"
            .to_owned(),
        C::FrameworkNotUsed => "framework.ron is not used: workspace.ron says `framework: Builtin`; set \
                                `framework: Custom` there to use this file, or remove it"
            .to_owned(),
        C::FrameworkMissing => "workspace.ron says `framework: Custom` but the folder has no framework.ron; add \
                                it, or set `framework: Builtin`. Meanwhile the built-in framework is shown and \
                                answers are not checked"
            .to_owned(),
        C::FrameworkStandIn => "until framework.ron can be read, the built-in framework is shown and answers are \
                                not checked against it"
            .to_owned(),
        C::BadId { subject, error } => id_error(*subject, error, lang),
        C::DuplicateId { subject, id } => format!(
            "{} id \"{id}\" is used twice; each needs its own id, so rename one",
            subject_noun(*subject, lang)
        ),
        C::OwnParent { id } => {
            format!("department \"{id}\" is its own parent; remove `parent` or name another department")
        }
        C::UnknownParent { id, parent } => format!(
            "the parent \"{parent}\" of department \"{id}\" is not a department in this workspace; add it to \
             `departments` or fix the id"
        ),
        C::ParentCycle { chain } => format!(
            "the departments {} form a cycle of parents; remove one `parent` to break it",
            chain.join(" → ")
        ),
        C::TargetUnknownDepartment { department } => format!(
            "a target names department \"{department}\", which is not in this workspace; fix the id or remove \
             the target"
        ),
        C::DuplicateTarget {
            department,
            subject,
            id,
        } => {
            let what = format!("{} \"{id}\"", subject_noun(*subject, lang));
            let scope = department
                .as_deref()
                .map_or_else(|| "all departments".to_owned(), |d| format!("department \"{d}\""));
            format!(
                "a second target for {what} of {scope}; only one can apply, so remove one of them or change its \
                 department, dimension or indicator"
            )
        }
        C::TargetUnknownDimension { dimension, known } => format!(
            "a target names dimension \"{dimension}\", which the framework does not have; use one of {}",
            list(known, lang)
        ),
        C::TargetUnknownIndicator { indicator } => format!(
            "a target names indicator \"{indicator}\", which the framework does not have; fix the id or remove \
             the target"
        ),
        C::TargetWrongDimension {
            indicator,
            belongs_to,
        } => format!(
            "indicator \"{indicator}\" belongs to dimension \"{belongs_to}\", but the target names another \
             dimension; set the target's `dimension` to \"{belongs_to}\""
        ),
        C::WeightUnknownId { id } => format!(
            "a weight is set for \"{id}\", but the framework has no dimension or indicator with that id; fix the \
             id or remove the weight"
        ),
        C::WeightOutOfRange { id, weight, .. } => format!(
            "the weight of \"{id}\" is {}; weights must be greater than 0 and at most {}, so set a number in \
             that range (weights are relative: 2 counts twice as much as 1)",
            weight_text(*weight),
            weight_text(MAX_WEIGHT)
        ),
        C::LevelCount { count } => {
            format!("the framework defines {count} levels; it needs exactly 5 (level 1 to 5)")
        }
        C::NoDimensions => "the framework has no dimensions; add at least one".to_owned(),
        C::NoIndicators { dimension } => {
            format!("dimension \"{dimension}\" has no indicators; add at least one")
        }
        C::OutsideDimension {
            indicator,
            dimension,
        } => format!(
            "indicator \"{indicator}\" sits in dimension \"{dimension}\"; its id must start with \"{dimension}.\""
        ),
        C::DescriptorCount { indicator, count } => {
            format!("indicator \"{indicator}\" has {count} level descriptors; it needs exactly 5")
        }
        C::WrongFolder { folder, department } => format!(
            "this file is in the folder \"{folder}\" but says department \"{department}\"; move it to \
             {department}/ or correct the department, so the folder and the content agree"
        ),
        C::UnknownDepartment { department } => format!(
            "department \"{department}\" is not in workspace.ron; add it to `departments` there, or move this \
             file to the folder of the right department"
        ),
        C::WrongPeriod { named, written } => {
            let named = crate::present::format::iso_date(*named);
            let written = crate::present::format::iso_date(*written);
            format!(
                "this file is named {named}.ron but says period \"{written}\"; rename the file to {written}.ron \
                 or correct the period, so the name and the content agree"
            )
        }
        C::OtherFramework { used, expected } => format!(
            "this assessment was made with framework \"{used}\", but the workspace uses \"{expected}\"; answers \
             are matched by indicator id, so check them, then set `framework: \"{expected}\"`"
        ),
        C::OtherFrameworkVersion {
            framework,
            used,
            expected,
        } => format!(
            "this assessment was made with version {used} of framework \"{framework}\", but the workspace uses \
             version {expected}; review the answers against the current rubric, then set \
             `framework_version: {expected}`"
        ),
        C::UnknownIndicator { indicator } => format!(
            "the framework has no indicator \"{indicator}\", so this answer is ignored; fix the id (see the \
             Framework tab or `govmaturity validate`) or remove the answer"
        ),
        // ---- hardening: tamper evidence
        C::ChangedAfterApproval {
            file,
            approved_by,
            approved_at,
        } => format!(
            "{} was changed after approval: its answers are no longer the ones {approved_by} approved on {}, \
             so its figures are not the approved ones. Reopen it (giving a reason) and approve it again, or \
             restore the approved version from a backup (.backups/) or version control",
            file.display(),
            crate::present::format::date_time(*approved_at, lang)
        ),
        // ---- collecting: several assessors
        C::ResponseNoAssessor { number } => format!(
            "response {number} has no assessor's name, so it cannot be told apart from the others; write \
             who gave these answers in its `assessor` field"
        ),
        C::ResponseDuplicateAssessor { assessor } => format!(
            "\"{assessor}\" has more than one response; each assessor gives one. Keep the newer one and \
             remove the other, or correct the name if two people share it"
        ),
        C::ResponseUnknownIndicator { assessor, indicator } => format!(
            "{assessor}'s response answers \"{indicator}\", which the framework does not have, so that \
             answer is ignored; fix the id (see the Framework tab) or remove the answer"
        ),
        C::ResponseTextTooLong {
            assessor,
            field: TextField::Links,
            indicator,
            length,
        } => format!(
            "in {assessor}'s response, {} has {} links; at most {} are allowed, so this assessment is not \
             loaded. Keep the main links and gather the rest in one linked document, then reload",
            indicator_name(indicator.as_deref(), lang),
            thousands(*length),
            TextField::Links.limit()
        ),
        C::ResponseTextTooLong {
            assessor,
            field,
            indicator,
            length,
        } => format!(
            "in {assessor}'s response, {}{} is {} characters long; at most {} are allowed, so this \
             assessment is not loaded. Shorten it in a text editor, then reload",
            text_field(*field, lang),
            indicator
                .as_deref()
                .map(|id| format!(" of indicator {id}"))
                .unwrap_or_default(),
            thousands(*length),
            thousands(field.limit())
        ),
        C::ResponseMissingReason { assessor, indicator } => format!(
            "{assessor}'s response marks {indicator} not applicable without a reason; ask them why, and \
             write it as the reason"
        ),
        C::ConsensusNoteMissing {
            indicator,
            agreed,
            levels,
        } => format!(
            "the agreed level {agreed} of {indicator} is not what any assessor gave ({}) and there is no \
             note saying why; write the reason in `consensus_notes`, or agree on an assessor's level",
            assessor_levels(levels, lang)
        ),
        C::ConsensusNoteUnknownIndicator { indicator } => format!(
            "there is a consensus note on \"{indicator}\", which the framework does not have; fix the id \
             or remove the note"
        ),
        C::MissingEvidence { indicator } => format!(
            "{indicator} is rated level 3 or higher without evidence; add the evidence that supports the level"
        ),
        C::MissingReason { indicator } => {
            format!("{indicator} is marked not applicable without a reason; say why it does not apply")
        }
        C::Unanswered { indicator, status } => format!(
            "{indicator} is unanswered although the assessment is {}; answer it or mark it not applicable",
            status_text(*status, lang).to_lowercase()
        ),
        C::PlanBadActionId { error } => format!(
            "the action id \"{}\" is not a valid id; action ids are lowercase letters a–z, digits and '-', \
             starting with a letter or digit, like \"publish-catalogue\". The action is loaded as written; \
             rename it",
            error.id()
        ),
        C::PlanDuplicateAction { action, first } => format!(
            "the action id \"{action}\" is already used in {}; ids must be unique in the workspace, so this \
             action is left out and this file is not saved over until you rename one of them",
            first.display()
        ),
        C::PlanUnknownDepartment { action, department } => format!(
            "action \"{action}\" is for department \"{department}\", which is not in workspace.ron; add the \
             department there, or correct the id"
        ),
        C::PlanOtherDepartment { action, folder } => format!(
            "action \"{action}\" sits in the plan of \"{folder}\" but is not for that department alone; set \
             `departments: [\"{folder}\"]`, or move it to the plan of its department (or to plan.ron at the \
             top for a measure across departments). Until then it is left out and this file is not saved over"
        ),
        C::PlanSingleDepartment { action, department } => format!(
            "action \"{action}\" in the government-wide plan is for one department only; move it to \
             {department}/plan.ron, or name more departments (or none, for all). Until then it is left out and \
             this file is not saved over"
        ),
        C::PlanUnknownIndicator { action, indicator } => format!(
            "action \"{action}\" addresses indicator \"{indicator}\", which the framework does not have; \
             correct the id (see the Framework page or `govmaturity validate`)"
        ),
        C::PlanUnknownDimension { action, dimension } => format!(
            "action \"{action}\" addresses dimension \"{dimension}\", which the framework does not have; \
             correct the id (see the Framework page)"
        ),
        C::PlanNothingAddressed { action } => format!(
            "action \"{action}\" addresses no indicator; name at least one indicator id, or a dimension"
        ),
        C::PlanDueBeforeStart { action, start, due } => format!(
            "action \"{action}\" is due on {} but starts on {}; correct one of the two dates",
            crate::present::format::iso_date(*due),
            crate::present::format::iso_date(*start)
        ),
        C::PlanDoneWithoutDate { action } => format!(
            "action \"{action}\" is Done but has no `done_on` date, so its effect cannot be measured; add \
             `done_on: Some(\"YYYY-MM-DD\")` with the day it was finished"
        ),
        C::PlanEmptyTitle { action } => format!(
            "action \"{action}\" has no title; write in a few words what will be done"
        ),
    }
}

fn chinese(code: &ProblemCode) -> String {
    use ProblemCode as C;
    let lang = Lang::Zh;
    match code {
        C::CannotRead {
            file_kind,
            error,
            detail: os,
        } => format!(
            "无法读取{}：{}。{}",
            file_noun(*file_kind, lang),
            io_reason(*error, false, lang),
            detail(os, lang)
        ),
        C::LinkOutside { target } => format!(
            "此处是指向工作区以外位置（{}）的链接，不予读取（工作区文件夹以外的内容一律不读取）；\
             请将该文件或文件夹本身复制到此处，替换该链接",
            printable_path(target)
        ),
        C::NotAFile { what } => format!(
            "此处是{}，不是数据文件，不予打开；请将其删除，如确有用途请改名",
            special_kind(*what, lang)
        ),
        C::TooLarge {
            file_kind,
            size,
            limit,
        } => format!(
            "{}大小为 {}，超过工作区文件上限 {}，不予读取；请确认文件是否正确（govmaturity 的数据文件\
             通常远小于 1 MB），或从备份恢复",
            file_noun(*file_kind, lang),
            megabytes(*size),
            megabytes(*limit)
        ),
        C::TextTooLong {
            field: field @ (TextField::Links | TextField::ActionLinks),
            item,
            length,
        } => format!(
            "{}共有 {} 个链接，超过上限 {} 个{}；请在文本编辑器中保留主要链接，\
             其余汇总到一份链接文档中，然后重新加载",
            match field {
                TextField::Links => indicator_name(item.as_deref(), lang),
                _ => format!("措施 {} ", item.as_deref().unwrap_or_default()),
            },
            thousands(*length),
            field.limit(),
            too_long_effect(field.scope(), lang)
        ),
        C::TextTooLong { field, item, length } => format!(
            "{}{}共 {} 字，超过上限 {} 字{}；请在文本编辑器中精简{}，然后重新加载",
            item.as_deref()
                .map(|id| match field.scope() {
                    TextScope::Assessment => format!("指标 {id} 的"),
                    TextScope::Workspace => format!("部门 {id} 的"),
                    TextScope::Plan => format!("措施 {id} 的"),
                })
                .unwrap_or_default(),
            text_field(*field, lang),
            thousands(*length),
            thousands(field.limit()),
            too_long_effect(field.scope(), lang),
            match field {
                TextField::Evidence | TextField::ActionDescription => "（篇幅较长的材料可另附链接）",
                _ => "",
            }
        ),
        C::CopyNotRead => "此文件似为数据文件的副本（文件名在 .ron 之后还有内容），不予读取；如其中有需要的数据，\
                           请核对后将文件名改为以 .ron 结尾，否则请将其移出工作区"
            .to_owned(),
        C::CannotReadFolder { error, detail: os } => format!(
            "无法读取该文件夹：{}。{}",
            io_reason(*error, false, lang),
            detail(os, lang)
        ),
        C::NotUtf8 { file_kind } => format!(
            "{}不是 UTF-8 文本（此处有无效字节）；请在编辑器中以 UTF-8 编码保存",
            file_noun(*file_kind, lang)
        ),
        C::Empty { file_kind, backup } => format!(
            "{}是空的；{}，或删除该文件",
            file_noun(*file_kind, lang),
            backup_text(backup.as_deref(), lang)
        ),
        C::EndsEarly { file_kind, backup } => format!(
            "{}不完整，内容在中途中断（保存或复制未完成）；{}",
            file_noun(*file_kind, lang),
            backup_text(backup.as_deref(), lang)
        ),
        C::Syntax { detail: os } => format!(
            "此处文本无法识别（通常是缺少逗号、括号或引号）；请在文本编辑器中修正，可参照 govmaturity 保存的文件{}",
            parser_detail(os, lang)
        ),
        C::UnknownField {
            found,
            expected,
            outer,
        } => format!(
            "未知字段“{found}”{}；此处允许的字段为 {}。请删除该字段或更正拼写",
            in_outer(outer.as_deref(), lang),
            list(expected, lang)
        ),
        C::MissingField { field, outer } => format!(
            "缺少字段“{field}”{}；请添加“{field}: …”（可参照 govmaturity 保存的文件格式）",
            in_outer(outer.as_deref(), lang)
        ),
        C::DuplicateField { field, outer } => format!(
            "字段“{field}”写了两次{}；请只保留一个",
            in_outer(outer.as_deref(), lang)
        ),
        C::UnknownChoice {
            found,
            expected,
            outer,
        } => format!(
            "“{found}”不是有效选项{}；请使用 {} 之一",
            in_outer(outer.as_deref(), lang),
            list(expected, lang)
        ),
        C::WrongType {
            expected,
            detail: os,
        } => {
            let what = match expected {
                ValueKind::Integer => "此处请填写整数",
                ValueKind::Number => "此处请填写数字，例如 1.0",
                ValueKind::Boolean => "此处请填写 true 或 false",
                ValueKind::Text => "文本须放在英文双引号中，例如 \"文本\"",
                ValueKind::Other => "请参照 govmaturity 保存的文件修正",
            };
            format!("此值的类型与此处要求不符；{what}{}", parser_detail(os, lang))
        }
        C::BadDate { detail: os } => format!(
            "无法识别该日期；日期请写成 \"YYYY-MM-DD\"，例如 \"2025-06-30\"，时间写成 \"YYYY-MM-DDTHH:MM:SS\"{}",
            parser_detail(os, lang)
        ),
        C::LevelOutOfRange { value } => {
            format!("级别 {value} 超出 1–5 的范围；请填写 1 至 5 的整数，或填写 NotApplicable（不适用）")
        }
        C::BadValue { detail: os } => format!("此处不允许该值；请更正{}", parser_detail(os, lang)),
        C::TooDeep => "文件嵌套层级过深，不是 govmaturity 文件".to_owned(),
        C::NoVersion { file_kind } => format!(
            "{}缺少“version”字段；请在第一个字段处添加“version: {},”",
            file_noun(*file_kind, lang),
            crate::model::FORMAT_VERSION
        ),
        C::VersionZero => format!(
            "不存在格式版本 0；第一个版本是 1（本程序写入版本 {}）",
            crate::model::FORMAT_VERSION
        ),
        C::OldVersion { version } => format!(
            "已不再支持格式版本 {version}（本程序读取版本 {}）；请用较早版本的 govmaturity 打开该文件夹并重新保存以升级",
            crate::model::FORMAT_VERSION
        ),
        C::NewerVersion { file_kind, version } => format!(
            "{}由更新版本的 govmaturity 写入（格式版本 {version}；本程序写入版本 {}）；该文件以只读方式显示，不会被覆盖；如需编辑请更新 govmaturity",
            file_noun(*file_kind, lang),
            crate::model::FORMAT_VERSION
        ),
        C::NewerVersionUnreadable {
            file_kind,
            version,
            cause,
        } => format!(
            "{}使用格式版本 {version}，高于本程序支持的版本（{}），且无法读取（{}）；请更新 govmaturity 后再打开",
            file_noun(*file_kind, lang),
            crate::model::FORMAT_VERSION,
            chinese(cause)
        ),
        C::FolderNotDepartment { name } => format!(
            "已跳过文件夹：“{name}”不是部门编号（小写字母 a–z、数字和“-”）；请将文件夹重命名为其部门的编号"
        ),
        C::FolderNested { department } => format!(
            "已跳过文件夹：评估文件应直接放在部门文件夹中，即 {department}/<YYYY-MM-DD>.ron"
        ),
        C::FileAtTop => "已跳过文件：工作区顶层只能放 workspace.ron 和 framework.ron；评估文件应放在 <部门编号>/<YYYY-MM-DD>.ron".to_owned(),
        C::FileNotPeriod => "已跳过文件：评估文件须以评估期命名为 YYYY-MM-DD.ron（例如 2025-06-30.ron）；请重命名后再加载".to_owned(),
        C::NameNotUnicode { folder } => format!(
            "已跳过{}：其名称不是有效的 Unicode 字符；请重命名",
            if *folder { "文件夹" } else { "文件" }
        ),
        C::WorkspaceStandIn => "workspace.ron 无法读取。修正前，部门暂按文件夹名称列出，各部门目标暂不显示，程序也不会改写该文件".to_owned(),
        C::FrameworkNotUsed => "未使用 framework.ron：workspace.ron 中为“framework: Builtin”；如需使用此文件，请改为“framework: Custom”，或删除该文件".to_owned(),
        C::FrameworkMissing => "workspace.ron 中为“framework: Custom”，但文件夹中没有 framework.ron；请添加该文件，或改为“framework: Builtin”。在此之前显示内置框架，且不检查作答".to_owned(),
        C::FrameworkStandIn => "framework.ron 无法读取。修正前，暂时显示内置框架，也不按该文件检查作答".to_owned(),
        C::BadId { subject, error } => id_error(*subject, error, lang),
        C::DuplicateId { subject, id } => format!(
            "{}编号“{id}”被使用了两次；每项都需要独立的编号，请重命名其中一个",
            subject_noun(*subject, lang)
        ),
        C::OwnParent { id } => format!("部门“{id}”的上级部门是其自身；请删除“parent”或指定其他部门"),
        C::UnknownParent { id, parent } => format!(
            "部门“{id}”的上级部门“{parent}”不是本工作区的部门；请将其添加到“departments”中，或更正编号"
        ),
        C::ParentCycle { chain } => format!(
            "部门 {} 的上级关系形成循环；请删除其中一个“parent”以打破循环",
            chain.join(" → ")
        ),
        C::TargetUnknownDepartment { department } => format!(
            "某个目标指向部门“{department}”，但本工作区没有该部门；请更正编号或删除该目标"
        ),
        C::DuplicateTarget {
            department,
            subject,
            id,
        } => {
            let what = format!("{}“{id}”", subject_noun(*subject, lang));
            let scope = department
                .as_deref()
                .map_or_else(|| "全部部门".to_owned(), |d| format!("部门“{d}”"));
            format!(
                "{scope}的{what}有第二个目标，但只能有一个生效；请删除其中一个，或修改其部门、维度或指标"
            )
        }
        C::TargetUnknownDimension { dimension, known } => format!(
            "某个目标指向维度“{dimension}”，但框架中没有该维度；请使用 {} 之一",
            list(known, lang)
        ),
        C::TargetUnknownIndicator { indicator } => format!(
            "某个目标指向指标“{indicator}”，但框架中没有该指标；请更正编号或删除该目标"
        ),
        C::TargetWrongDimension {
            indicator,
            belongs_to,
        } => format!(
            "指标“{indicator}”属于维度“{belongs_to}”，但目标中写的是其他维度；请将目标的“dimension”改为“{belongs_to}”"
        ),
        C::WeightUnknownId { id } => format!(
            "为“{id}”设置了权重，但框架中没有该编号的维度或指标；请更正编号或删除该权重"
        ),
        C::WeightOutOfRange { id, weight, .. } => format!(
            "“{id}”的权重为 {}；权重须大于 0 且不超过 {}，请填写该范围内的数值（权重为相对值：2 的分量是 1 的两倍）",
            weight_text(*weight),
            weight_text(MAX_WEIGHT)
        ),
        C::LevelCount { count } => format!("框架定义了 {count} 个等级；须恰好为 5 个（1 至 5 级）"),
        C::NoDimensions => "框架中没有维度；请至少添加一个".to_owned(),
        C::NoIndicators { dimension } => format!("维度“{dimension}”中没有指标；请至少添加一个"),
        C::OutsideDimension {
            indicator,
            dimension,
        } => format!("指标“{indicator}”位于维度“{dimension}”中；其编号须以“{dimension}.”开头"),
        C::DescriptorCount { indicator, count } => {
            format!("指标“{indicator}”有 {count} 条等级描述；须恰好为 5 条")
        }
        C::WrongFolder { folder, department } => format!(
            "该文件位于文件夹“{folder}”中，但写明的部门是“{department}”；请将其移至 {department}/，或更正部门，使文件夹与内容一致"
        ),
        C::UnknownDepartment { department } => format!(
            "部门“{department}”不在 workspace.ron 中；请将其添加到该文件的“departments”中，或将此文件移至正确部门的文件夹"
        ),
        C::WrongPeriod { named, written } => {
            let named = crate::present::format::iso_date(*named);
            let written = crate::present::format::iso_date(*written);
            format!(
                "该文件名为 {named}.ron，但写明的评估期是“{written}”；请将文件重命名为 {written}.ron，或更正评估期，使文件名与内容一致"
            )
        }
        C::OtherFramework { used, expected } => format!(
            "该评估使用的框架是“{used}”，而工作区使用“{expected}”；作答按指标编号匹配，请核对后设置“framework: \"{expected}\"”"
        ),
        C::OtherFrameworkVersion {
            framework,
            used,
            expected,
        } => format!(
            "该评估使用的是框架“{framework}”的第 {used} 版，而工作区使用第 {expected} 版；请对照现行评分细则复核作答，然后设置“framework_version: {expected}”"
        ),
        C::UnknownIndicator { indicator } => format!(
            "框架中没有指标“{indicator}”，因此忽略该作答；请更正编号（见“框架”页或 `govmaturity validate`），或删除该作答"
        ),
        // ---- hardening: tamper evidence
        C::ChangedAfterApproval {
            file,
            approved_by,
            approved_at,
        } => format!(
            "{} 在批准后被修改：其作答已不是 {approved_by} 于 {} 批准的内容，其数据不再是已批准的结果。请重新打开（须说明原因）并再次批准，或从备份（.backups/）或版本控制中恢复已批准的版本",
            file.display(),
            crate::present::format::date_time(*approved_at, lang)
        ),
        // ---- collecting: several assessors
        C::ResponseNoAssessor { number } => format!(
            "第 {number} 份评估人答卷没有填写评估人姓名，无法与其他答卷区分；请在其 `assessor` 字段中写明作答人"
        ),
        C::ResponseDuplicateAssessor { assessor } => format!(
            "“{assessor}”有不止一份答卷；每位评估人只应有一份。请保留较新的一份并删除另一份；如确为两人同名，请更正姓名"
        ),
        C::ResponseUnknownIndicator { assessor, indicator } => format!(
            "{assessor} 的答卷作答了框架中没有的指标“{indicator}”，该作答已忽略；请更正编号（见“框架”页）或删除该作答"
        ),
        C::ResponseTextTooLong {
            assessor,
            field: TextField::Links,
            indicator,
            length,
        } => format!(
            "{assessor} 的答卷中，{}共有 {} 个链接，超过上限 {} 个，本评估未予加载；请保留主要链接，其余汇总到一份链接文档中，然后重新加载",
            indicator_name(indicator.as_deref(), lang),
            thousands(*length),
            TextField::Links.limit()
        ),
        C::ResponseTextTooLong {
            assessor,
            field,
            indicator,
            length,
        } => format!(
            "{assessor} 的答卷中，{}{}共 {} 字，超过上限 {} 字，本评估未予加载；请在文本编辑器中精简，然后重新加载",
            indicator
                .as_deref()
                .map(|id| format!("指标 {id} 的"))
                .unwrap_or_default(),
            text_field(*field, lang),
            thousands(*length),
            thousands(field.limit())
        ),
        C::ResponseMissingReason { assessor, indicator } => format!(
            "{assessor} 的答卷将 {indicator} 标为不适用，但没有说明原因；请向其了解原因并填写"
        ),
        C::ConsensusNoteMissing {
            indicator,
            agreed,
            levels,
        } => format!(
            "{indicator} 的议定等级 {agreed} 与所有评估人给出的等级（{}）都不同，且没有说明；请在 `consensus_notes` 中写明理由，或采用某位评估人的等级",
            assessor_levels(levels, lang)
        ),
        C::ConsensusNoteUnknownIndicator { indicator } => format!(
            "框架中没有指标“{indicator}”，但有针对它的议定说明；请更正编号或删除该说明"
        ),
        C::MissingEvidence { indicator } => {
            format!("{indicator} 评为 3 级或以上，但没有佐证材料；请补充支持该等级的佐证材料")
        }
        C::MissingReason { indicator } => {
            format!("{indicator} 标为不适用，但没有说明原因；请写明不适用的原因")
        }
        C::Unanswered { indicator, status } => format!(
            "评估状态为“{}”，但 {indicator} 尚未作答；请作答或标为不适用",
            status_text(*status, lang)
        ),
        C::PlanBadActionId { error } => format!(
            "措施编号“{}”不符合规则；措施编号由小写字母 a–z、数字和“-”组成，并以字母或数字开头，例如“publish-catalogue”。该措施已按原样加载，请重命名",
            error.id()
        ),
        C::PlanDuplicateAction { action, first } => format!(
            "措施编号“{action}”已在 {} 中使用；编号在工作区内须唯一，因此本措施暂未加载，本文件也不会被覆盖，请重命名其中一个",
            first.display()
        ),
        C::PlanUnknownDepartment { action, department } => format!(
            "措施“{action}”所属部门“{department}”不在 workspace.ron 中；请在该文件中添加此部门，或更正编号"
        ),
        C::PlanOtherDepartment { action, folder } => format!(
            "措施“{action}”位于“{folder}”的计划中，但并非仅针对该部门；请设为“departments: [\"{folder}\"]”，或将其移至所属部门的计划（跨部门措施移至顶层的 plan.ron）。修正前该措施暂未加载，本文件也不会被覆盖"
        ),
        C::PlanSingleDepartment { action, department } => format!(
            "全局计划中的措施“{action}”仅针对一个部门；请将其移至 {department}/plan.ron，或列出更多部门（不列部门即适用于全部部门）。修正前该措施暂未加载，全局计划也不会被覆盖"
        ),
        C::PlanUnknownIndicator { action, indicator } => format!(
            "措施“{action}”针对的指标“{indicator}”在框架中不存在；请更正编号（见“框架”页或 `govmaturity validate`）"
        ),
        C::PlanUnknownDimension { action, dimension } => format!(
            "措施“{action}”针对的维度“{dimension}”在框架中不存在；请更正编号（见“框架”页）"
        ),
        C::PlanNothingAddressed { action } => format!(
            "措施“{action}”未指明针对的指标；请至少填写一个指标编号，或指定一个维度"
        ),
        C::PlanDueBeforeStart { action, start, due } => format!(
            "措施“{action}”的截止日期 {} 早于开始日期 {}；请更正其中一个日期",
            crate::present::format::iso_date(*due),
            crate::present::format::iso_date(*start)
        ),
        C::PlanDoneWithoutDate { action } => format!(
            "措施“{action}”状态为“已完成”，但没有完成日期（done_on），因此无法衡量其成效；请填写“done_on: Some(\"YYYY-MM-DD\")”"
        ),
        C::PlanEmptyTitle { action } => format!(
            "措施“{action}”没有标题；请用简短的文字写明要做什么"
        ),
    }
}

/// Why a workspace could not be opened, in `lang`.
pub fn store_error(error: &StoreError, lang: Lang) -> String {
    match (error, lang) {
        // The app's words for it, with the folder filled in for `init`.
        (StoreError::NoWorkspace { root }, _) => format!(
            "{} {}",
            root.display(),
            super::T::NoWorkspaceHere
                .get(lang)
                .replace("init DIR", &format!("init {}", root.display()))
        ),
        (StoreError::NotAFolder { root }, Lang::En) => format!(
            "{} is not a folder; open the workspace folder that holds workspace.ron",
            root.display()
        ),
        (StoreError::NotAFolder { root }, Lang::Zh) => {
            format!(
                "{} 不是文件夹；请打开包含 workspace.ron 的工作区文件夹",
                root.display()
            )
        }
        (StoreError::Unreadable { root, source }, _) => io_error(root, source, false, lang),
        (StoreError::UnsafeId { source, .. }, _) => id_error(IdSubject::Department, source, lang),
    }
}

/// Why a file was not saved, in `lang`. Nothing on disk changed.
pub fn save_error(error: &SaveError, lang: Lang) -> String {
    match (error, lang) {
        (SaveError::Conflict { path, on_disk }, Lang::En) => format!(
            "{} {}; nothing was saved. Reload to see what is there now, or choose to overwrite it",
            path.display(),
            if on_disk.is_some() {
                "was changed on disk since it was loaded (another program or person saved it)"
            } else {
                "was removed from disk since it was loaded"
            }
        ),
        (SaveError::Conflict { path, on_disk }, Lang::Zh) => format!(
            "{} {}；未保存任何内容。请重新加载查看当前内容，或选择覆盖",
            path.display(),
            if on_disk.is_some() {
                "在加载后已在磁盘上被修改（其他程序或他人保存过）"
            } else {
                "在加载后已从磁盘上删除"
            }
        ),
        (SaveError::ReadOnly { path, reason }, Lang::En) => {
            format!(
                "{} is read-only: {}",
                path.display(),
                read_only_reason(reason, lang)
            )
        }
        (SaveError::ReadOnly { path, reason }, Lang::Zh) => {
            format!("{} 为只读：{}", path.display(), read_only_reason(reason, lang))
        }
        (SaveError::Exists { path }, Lang::En) => format!(
            "{} already exists, so it was not created again; open the existing assessment instead",
            path.display()
        ),
        (SaveError::Exists { path }, Lang::Zh) => {
            format!("{} 已存在，因此未重复创建；请打开已有的评估", path.display())
        }
        (SaveError::Io { path, source }, _) => io_error(path, source, true, lang),
        (SaveError::Invalid { path, reason }, Lang::En) => {
            format!("cannot save {}: {}", path.display(), invalid_reason(reason, lang))
        }
        (SaveError::Invalid { path, reason }, Lang::Zh) => {
            format!("无法保存 {}：{}", path.display(), invalid_reason(reason, lang))
        }
    }
}

fn invalid_reason(reason: &InvalidReason, lang: Lang) -> String {
    let version = crate::model::FORMAT_VERSION;
    match (reason, lang) {
        (InvalidReason::BadId(error), _) => id_error(IdSubject::Department, error, lang),
        (InvalidReason::OldVersion { version: old }, Lang::En) => {
            format!("it has format version {old}; set it to {version} before saving")
        }
        (InvalidReason::OldVersion { version: old }, Lang::Zh) => {
            format!("其格式版本为 {old}；保存前请改为 {version}")
        }
        (InvalidReason::WrongPlan { action }, Lang::En) => format!(
            "action \"{action}\" belongs in another plan file (a department's own plan holds only its actions; \
             plan.ron at the top holds measures for several or all departments)"
        ),
        (InvalidReason::WrongPlan { action }, Lang::Zh) => format!(
            "措施“{action}”应保存在另一个计划文件中（部门计划只包含本部门的措施；顶层的 plan.ron 包含多个或全部部门的措施）"
        ),
        (InvalidReason::Ron { detail: os }, Lang::En) => {
            format!("it cannot be written as RON{}", parser_detail(os, lang))
        }
        (InvalidReason::Ron { detail: os }, Lang::Zh) => {
            format!("无法写成 RON 格式{}", parser_detail(os, lang))
        }
    }
}

/// Why a file on disk is never rewritten, in `lang`.
pub fn read_only_reason(reason: &ReadOnlyReason, lang: Lang) -> String {
    let version = crate::model::FORMAT_VERSION;
    match (reason, lang) {
        (ReadOnlyReason::NewerFormat { version: newer }, Lang::En) => format!(
            "it was written by a newer govmaturity (format version {newer}; this program writes {version}) and is \
             never rewritten by this one; update govmaturity to edit it, or use Save as…"
        ),
        (ReadOnlyReason::NewerFormat { version: newer }, Lang::Zh) => format!(
            "该文件由更新版本的 govmaturity 写入（格式版本 {newer}；本程序写入版本 {version}），本程序不会覆盖；如需编辑请更新 govmaturity，或使用“另存为…”"
        ),
        (ReadOnlyReason::Unreadable { problem }, Lang::En) => format!(
            "it could not be read (line {}, column {}: {}), so it is never overwritten; fix or remove it in a \
             text editor first, or use Save as…",
            problem.line,
            problem.column,
            message(problem, lang)
        ),
        (ReadOnlyReason::Unreadable { problem }, Lang::Zh) => format!(
            "该文件无法读取（第 {} 行第 {} 列：{}），因此不会被覆盖；请先在文本编辑器中修正或删除，或使用“另存为…”",
            problem.line,
            problem.column,
            message(problem, lang)
        ),
        (ReadOnlyReason::Misplaced { department, period }, Lang::En) => format!(
            "it holds the assessment of department \"{department}\" for {}, so it is never overwritten; move it \
             to its own place first",
            crate::present::format::date(*period, lang)
        ),
        (ReadOnlyReason::Misplaced { department, period }, Lang::Zh) => format!(
            "该文件存放的是部门“{department}”{}的评估，因此不会被覆盖；请先将其移到正确位置",
            crate::present::format::date(*period, lang)
        ),
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;
    use crate::store::Position;

    fn is_cjk(c: char) -> bool {
        ('\u{4e00}'..='\u{9fff}').contains(&c)
    }

    #[test]
    fn every_code_has_english_and_chinese_words() {
        for sample in ProblemCode::samples() {
            let en = code_message(&sample, Lang::En);
            let zh = code_message(&sample, Lang::Zh);
            assert!(en.len() > 20, "{sample:?}: {en}");
            assert!(!en.chars().any(is_cjk), "{sample:?} English has Chinese: {en}");
            assert!(zh.chars().filter(|c| is_cjk(*c)).count() >= 4, "{sample:?}: {zh}");
            assert_ne!(en, zh);
        }
    }

    #[test]
    fn a_file_that_ends_early_names_its_backup() {
        let code = ProblemCode::EndsEarly {
            file_kind: FileKind::Assessment,
            backup: Some(PathBuf::from(
                ".backups/police/2025-12-31.ron/2026-01-02T09-00-00.000000Z.ron",
            )),
        };
        assert_eq!(
            code_message(&code, Lang::En),
            "the assessment file ends early (an incomplete save or copy); restore it from \
             .backups/police/2025-12-31.ron/2026-01-02T09-00-00.000000Z.ron or re-enter it"
        );
        assert_eq!(
            code_message(&code, Lang::Zh),
            "评估文件不完整，内容在中途中断（保存或复制未完成）；请从 \
             .backups/police/2025-12-31.ron/2026-01-02T09-00-00.000000Z.ron 恢复，或重新录入"
        );
    }

    #[test]
    fn os_errors_are_plain_sentences_with_the_system_text_as_detail() {
        let denied = std::io::Error::from(ErrorKind::PermissionDenied);
        let path = Path::new("/data/police/2025-12-31.ron");
        let en = io_error(path, &denied, true, Lang::En);
        assert!(
            en.starts_with(
                "Could not write /data/police/2025-12-31.ron: you do not have permission to write there;"
            ),
            "{en}"
        );
        assert!(en.contains("(system message: permission denied)"), "{en}");
        let zh = io_error(
            path,
            &std::io::Error::from(ErrorKind::StorageFull),
            true,
            Lang::Zh,
        );
        assert!(
            zh.starts_with("无法写入 /data/police/2025-12-31.ron：磁盘空间已满"),
            "{zh}"
        );
    }

    #[test]
    fn id_checks_speak_both_languages() {
        let error = IdError::Unsafe("Police HQ".to_owned());
        assert!(id_error(IdSubject::Department, &error, Lang::En).contains("\"Police HQ\" is not allowed"));
        assert_eq!(
            id_error(IdSubject::Department, &IdError::Empty, Lang::Zh),
            "部门编号为空；请填写编号"
        );
        let reserved = IdError::Reserved("con".to_owned());
        assert_eq!(
            id_error(IdSubject::Department, &reserved, Lang::En),
            "the department id \"con\" is not allowed: it is a name Windows reserves for a device (like CON, AUX, \
             NUL, COM1 or LPT1), and the id becomes a folder name that Windows cannot create; choose another id, \
             such as \"con-office\""
        );
        assert_eq!(
            id_error(IdSubject::Department, &reserved, Lang::Zh),
            "部门编号“con”不可使用：该名称为 Windows 保留的设备名（如 CON、AUX、NUL、COM1、LPT1），\
             而编号会用作文件夹名称，Windows 无法创建该文件夹；请另选编号，例如“con-office”"
        );
    }

    #[test]
    fn validate_lines_keep_file_line_column_and_code() {
        let problem = Problem::error(
            Path::new("health/2025-06-30.ron"),
            Position { line: 3, column: 7 },
            ProblemCode::FileNotPeriod,
        );
        assert!(line(&problem, Lang::En).starts_with("health/2025-06-30.ron:3:7: error: file skipped:"));
        assert!(line(&problem, Lang::Zh).starts_with("health/2025-06-30.ron:3:7: 错误：已跳过文件"));
        assert!(line(&problem, Lang::Zh).ends_with(" [file-not-period]"));
    }
}
