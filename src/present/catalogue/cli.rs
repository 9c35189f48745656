//! What the command line says, in English and Simplified Chinese: the
//! summary's headline and table headers, notes and errors. Numbers and dates
//! are made by [`crate::present::format`] before they get here.

use std::path::Path;

use crate::model::Lang;

/// A sentence of the command line, with what it names.
#[derive(Debug)]
pub enum Say<'a> {
    /// "basis: approved assessments only".
    Basis(&'a str),
    /// The overall figure: level (formatted), stage name, and the counts.
    Overall {
        level: &'a str,
        stage: &'a str,
        counted: String,
        at_period: usize,
        carried_over: usize,
    },
    /// "12 assessed: 7 approved, 5 provisional".
    CountedLatest {
        assessed: usize,
        approved: usize,
        provisional: usize,
    },
    /// "12 assessed, all approved".
    CountedApproved {
        assessed: usize,
    },
    /// Departments with newer work that the approved basis leaves out.
    Pending(usize),
    /// A department whose latest file could not be read.
    Unreadable {
        name: &'a str,
        file: &'a Path,
    },
    /// The summary's title line: "as of 2025-12-31".
    AsOf(&'a str),
    NoAssessments,
    /// Loading problems left figures out.
    SummaryNote {
        problems: usize,
        dir: &'a Path,
    },
    ReportNote {
        problems: usize,
        dir: &'a Path,
    },
    NewPeriodNote {
        problems: usize,
        dir: &'a Path,
    },
    /// An error line: "error: …".
    Error(String),
    UnknownFormat(&'a Path),
    OutIsFolder {
        out: &'a Path,
        example: std::path::PathBuf,
    },
    OutParentIsFile {
        out: &'a Path,
        folder: &'a Path,
    },
    OutFolderMissing {
        out: &'a Path,
        folder: &'a Path,
    },
    /// `--out` names a data file of the workspace (or its backups).
    OutIsStoreFile {
        out: &'a Path,
        dir: &'a Path,
    },
    /// The app's "Save a copy as…" names a file the store owns.
    CopyIsStoreFile {
        out: &'a Path,
        dir: &'a Path,
    },
    Wrote(&'a Path),
    /// `--kind department` without `--department`.
    KindNeedsDepartment,
    /// `--split` with a brief or one department's report.
    SplitNeedsFull,
    /// `--split DIR` names something that is not a folder.
    SplitNotFolder(&'a Path),
    /// `--split` wrote this many department reports into this folder.
    WroteSplit {
        count: usize,
        dir: &'a Path,
    },
    Kept {
        department: &'a str,
        period: &'a str,
    },
    Drafted {
        period: &'a str,
        created: usize,
        kept: usize,
    },
    AlreadyWorkspace(&'a Path),
    BuiltinBroken(String),
    CannotCreate {
        dir: &'a Path,
        error: String,
    },
    Generated {
        departments: usize,
        assessments: usize,
        dir: &'a Path,
        millis: u128,
    },
    Initialised {
        dir: &'a Path,
        file: &'a Path,
    },
    InitRefused {
        file: &'a Path,
        dir: &'a Path,
    },
    InitNotAFolder(&'a Path),
    InitEmptyTitle,
    InitRon(String),
    InitWrite {
        file: &'a Path,
        error: String,
    },
}

impl Say<'_> {
    pub fn text(&self, lang: Lang) -> String {
        let zh = lang == Lang::Zh;
        match self {
            Say::Basis(basis) if zh => format!("口径：{basis}"),
            Say::Basis(basis) => format!("basis: {basis}"),
            Say::Overall {
                level,
                stage,
                counted,
                at_period,
                carried_over,
            } => {
                if zh {
                    format!(
                        "总体等级 {level}（{stage}）；{counted}；本期评估 {at_period} 个，沿用往期 {carried_over} 个"
                    )
                } else {
                    format!(
                        "overall {level} ({stage}); {counted}; {at_period} at this period, {carried_over} carried over from earlier"
                    )
                }
            }
            Say::CountedLatest {
                assessed,
                approved,
                provisional,
            } => {
                if zh {
                    format!("已评估 {assessed} 个部门：已批准 {approved} 个，暂定 {provisional} 个")
                } else {
                    format!("{assessed} assessed: {approved} approved, {provisional} provisional")
                }
            }
            Say::CountedApproved { assessed } if zh => format!("已评估 {assessed} 个部门，均为已批准的评估"),
            Say::CountedApproved { assessed } => format!("{assessed} assessed, all approved"),
            Say::Pending(n) if zh => format!("另有 {n} 个部门的较新评估尚未批准，未计入"),
            Say::Pending(n) => format!("{n} departments have newer work not yet approved, not counted here"),
            Say::Unreadable { name, file } if zh => format!(
                "警告：{name}：最新评估无法读取：{}；请运行 `govmaturity validate` 查看原因",
                file.display()
            ),
            Say::Unreadable { name, file } => format!(
                "warning: {name}: latest assessment could not be read: {}; run `govmaturity validate` to see why",
                file.display()
            ),
            Say::AsOf(date) if zh => format!("截至{date}"),
            Say::AsOf(date) => format!("as of {date}"),
            Say::NoAssessments if zh => "暂无评估".to_owned(),
            Say::NoAssessments => "no assessments".to_owned(),
            Say::SummaryNote { problems, dir } if zh => format!(
                "注意：加载时发现 {problems} 个问题，以上数据未包含加载失败的内容。请运行 `govmaturity validate {}` 查看。",
                dir.display()
            ),
            Say::SummaryNote { problems, dir } => format!(
                "note: {problems} problems while loading; these figures leave out what failed to load. Run `govmaturity validate {}`.",
                dir.display()
            ),
            Say::ReportNote { problems, dir } if zh => format!(
                "注意：加载时发现 {problems} 个问题，报告未包含加载失败的内容，并在附录中列出了这些问题。请运行 `govmaturity validate {}` 查看。",
                dir.display()
            ),
            Say::ReportNote { problems, dir } => format!(
                "note: {problems} problems while loading; the report leaves out what failed to load and lists the problems in its appendix. Run `govmaturity validate {}`.",
                dir.display()
            ),
            Say::NewPeriodNote { problems, dir } if zh => format!(
                "注意：加载时发现 {problems} 个问题，文件加载失败的部门已按已加载的内容起草。请运行 `govmaturity validate {}` 查看。",
                dir.display()
            ),
            Say::NewPeriodNote { problems, dir } => format!(
                "note: {problems} problems while loading; a department whose files failed to load was drafted from what did load. Run `govmaturity validate {}`.",
                dir.display()
            ),
            Say::Error(message) if zh => format!("错误：{message}"),
            Say::Error(message) => format!("error: {message}"),
            Say::UnknownFormat(out) if zh => format!(
                "无法从 {} 判断报告格式；请加上 --format html、pdf、xlsx 或 csv，或使文件名以其中之一结尾",
                out.display()
            ),
            Say::UnknownFormat(out) => format!(
                "cannot tell the report format from {}; add --format html, pdf, xlsx or csv, or end the file name in one of those",
                out.display()
            ),
            Say::OutIsFolder { out, example } if zh => format!(
                "无法将报告写入 {}：这是一个文件夹；请给出文件名，例如 {}",
                out.display(),
                example.display()
            ),
            Say::OutIsFolder { out, example } => format!(
                "cannot write the report to {}: it is a folder; give a file name, e.g. {}",
                out.display(),
                example.display()
            ),
            Say::OutParentIsFile { out, folder } if zh => format!(
                "无法将报告写入 {}：{} 是文件而不是文件夹；请另选 --out",
                out.display(),
                folder.display()
            ),
            Say::OutParentIsFile { out, folder } => format!(
                "cannot write the report to {}: {} is a file, not a folder; choose another --out",
                out.display(),
                folder.display()
            ),
            Say::OutIsStoreFile { out, dir } if zh => format!(
                "不会将报告写入 {}：它是工作区 {} 自身的数据文件（或其备份），覆盖会丢失数据；\
                 请另选文件名，例如 {}",
                out.display(),
                dir.display(),
                dir.join("reports").join("report.html").display()
            ),
            Say::OutIsStoreFile { out, dir } => format!(
                "will not write the report to {}: it is a data file of the workspace {} (or one of its \
                 backups), and writing there would lose data; choose another file name, e.g. {}",
                out.display(),
                dir.display(),
                dir.join("reports").join("report.html").display()
            ),
            Say::CopyIsStoreFile { out, dir } if zh => format!(
                "不会将副本保存为 {}：该位置属于工作区 {} 的数据文件（或其备份），副本会绕过保存时的核对直接覆盖原文件；\
                 请将副本保存到工作区以外的文件夹",
                out.display(),
                dir.display()
            ),
            Say::CopyIsStoreFile { out, dir } => format!(
                "will not save the copy as {}: it is a data file of the workspace {} (or one of its backups), \
                 and a copy would replace it without the checks a save makes; save the copy in a folder outside \
                 the workspace",
                out.display(),
                dir.display()
            ),
            Say::OutFolderMissing { out, folder } if zh => format!(
                "无法将报告写入 {}：文件夹 {} 不存在；请先创建该文件夹或另选 --out",
                out.display(),
                folder.display()
            ),
            Say::OutFolderMissing { out, folder } => format!(
                "cannot write the report to {}: the folder {} does not exist; create it first or choose another --out",
                out.display(),
                folder.display()
            ),
            Say::KindNeedsDepartment if zh => {
                "--kind department 需要用 --department 指定部门；运行 `govmaturity summary` 可查看各部门的标识".to_owned()
            }
            Say::KindNeedsDepartment => {
                "--kind department needs --department ID; run `govmaturity summary` to see the department ids"
                    .to_owned()
            }
            Say::SplitNeedsFull if zh => {
                "--split 只用于全面报告；简报和单个部门的报告请去掉 --split".to_owned()
            }
            Say::SplitNeedsFull => {
                "--split works with the full report only; leave it out for a brief or one department's report"
                    .to_owned()
            }
            Say::SplitNotFolder(dir) if zh => format!(
                "无法将各部门报告写入 {}：这不是文件夹；请给出已有的文件夹或新文件夹的路径",
                dir.display()
            ),
            Say::SplitNotFolder(dir) => format!(
                "cannot write the department reports into {}: it is not a folder; give an existing folder or a new one",
                dir.display()
            ),
            Say::WroteSplit { count, dir } if zh => {
                format!("已将{count}个部门的报告写入 {}", dir.display())
            }
            Say::WroteSplit { count, dir } => {
                format!("wrote {count} department reports into {}", dir.display())
            }
            Say::Wrote(path) if zh => format!("已写入 {}", path.display()),
            Say::Wrote(path) => format!("wrote {}", path.display()),
            Say::Kept { department, period } if zh => {
                format!("保留：{department}/{period}.ron 已存在，未作改动")
            }
            Say::Kept { department, period } => {
                format!("kept: {department}/{period}.ron exists already and was left as it is")
            }
            Say::Drafted {
                period,
                created,
                kept,
            } if zh => {
                format!("{period}：已创建草稿 {created} 份，已有评估 {kept} 份保持不变")
            }
            Say::Drafted {
                period,
                created,
                kept,
            } => {
                format!("{period}: {created} drafts created, {kept} existing assessments left untouched")
            }
            Say::AlreadyWorkspace(dir) if zh => format!(
                "{} 已是一个工作区；generate 只写入新的或空的文件夹，请另选文件夹",
                dir.display()
            ),
            Say::AlreadyWorkspace(dir) => format!(
                "{} already holds a workspace; generate writes only into a new or empty folder, so choose another",
                dir.display()
            ),
            Say::BuiltinBroken(problem) if zh => format!("内置框架无法加载：{problem}"),
            Say::BuiltinBroken(problem) => format!("the built-in framework does not load: {problem}"),
            Say::CannotCreate { dir, error } if zh => {
                format!("无法创建 {}：{error}；请检查路径及其权限", dir.display())
            }
            Say::CannotCreate { dir, error } => {
                format!(
                    "cannot create {}: {error}; check the path and its permissions",
                    dir.display()
                )
            }
            Say::Generated {
                departments,
                assessments,
                dir,
                millis,
            } => {
                if zh {
                    format!(
                        "已将 {departments} 个部门、{assessments} 份评估写入 {}，用时 {millis} 毫秒",
                        dir.display()
                    )
                } else {
                    format!(
                        "wrote {departments} departments and {assessments} assessments to {} in {millis} ms",
                        dir.display()
                    )
                }
            }
            Say::Initialised { dir, file } if zh => format!(
                "已在 {} 创建空白工作区；请在应用中（工作区 → 工作区设置…）或在 {} 中添加部门，然后用 `govmaturity validate {}` 检查",
                dir.display(),
                file.display(),
                dir.display()
            ),
            Say::Initialised { dir, file } => format!(
                "created an empty workspace in {}; add its departments in the app (Workspace → Workspace settings…) or in {}, then check it with `govmaturity validate {}`",
                dir.display(),
                file.display(),
                dir.display()
            ),
            Say::InitRefused { file, dir } if zh => format!(
                "{} 已存在，{} 已是一个工作区，未作改动。请打开它（`govmaturity --workspace {}`），或为新工作区另选文件夹",
                file.display(),
                dir.display(),
                dir.display()
            ),
            Say::InitRefused { file, dir } => format!(
                "{} exists already, so {} holds a workspace; it was left as it is. Open it (`govmaturity --workspace {}`), or choose another folder for the new workspace",
                file.display(),
                dir.display(),
                dir.display()
            ),
            Say::InitNotAFolder(dir) if zh => format!(
                "{} 是文件而不是文件夹；请给出用于存放工作区的文件夹",
                dir.display()
            ),
            Say::InitNotAFolder(dir) => {
                format!(
                    "{} is a file, not a folder; give the folder the workspace should go in",
                    dir.display()
                )
            }
            Say::InitEmptyTitle if zh => {
                "--title 为空；请为工作区指定标题，或省略 --title 以使用文件夹名称".to_owned()
            }
            Say::InitEmptyTitle => {
                "--title is empty; give the workspace a title, or leave --title out to use the folder's name"
                    .to_owned()
            }
            Say::InitRon(error) if zh => format!("无法将新工作区写为 RON：{error}；请报告此问题"),
            Say::InitRon(error) => {
                format!("cannot write the new workspace as RON: {error}; please report this")
            }
            Say::InitWrite { file, error } if zh => format!(
                "无法写入 {}：{error}；请检查文件夹权限和磁盘剩余空间",
                file.display()
            ),
            Say::InitWrite { file, error } => format!(
                "cannot write {}: {error}; check the folder's permissions and the free disk space",
                file.display()
            ),
        }
    }
}

/// The summary table's column headers, in order, before the dimensions.
pub fn summary_headers(lang: Lang) -> [&'static str; 6] {
    match lang {
        Lang::En => ["department", "period", "status", "overall", "stage", "coverage"],
        Lang::Zh => ["部门", "评估期", "状态", "总体等级", "阶段", "覆盖率"],
    }
}

/// The last column of the summary table.
pub fn summary_note_header(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "note",
        Lang::Zh => "说明",
    }
}

/// How flags are joined in one cell.
pub fn list_separator(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "; ",
        Lang::Zh => "；",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_sentences_are_chinese_with_full_width_punctuation() {
        let dir = Path::new("ws");
        let said = Say::SummaryNote { problems: 2, dir }.text(Lang::Zh);
        assert_eq!(
            said,
            "注意：加载时发现 2 个问题，以上数据未包含加载失败的内容。请运行 `govmaturity validate ws` 查看。"
        );
        assert_eq!(Say::AsOf("2025年12月31日").text(Lang::Zh), "截至2025年12月31日");
        assert_eq!(Say::Error("x".into()).text(Lang::Zh), "错误：x");
        assert_eq!(Say::Error("x".into()).text(Lang::En), "error: x");
    }
}
