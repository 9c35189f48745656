//! Words of the questionnaire sent to departments and of importing it back:
//! the cover's instructions, what each column means, and every problem a
//! returned file can have (each saying what to do).

use std::path::Path;

use crate::model::Lang;
use crate::model::limits::TextField;
use crate::present::exchange::Issue;

/// "edition 2" / "第2版".
pub fn edition(version: u32, lang: Lang) -> String {
    match lang {
        Lang::En => format!("edition {version}"),
        Lang::Zh => format!("第{version}版"),
    }
}

/// The framework and its edition: "Digital government maturity (edition
/// 1)" / "数字政府成熟度（第1版）".
pub fn framework_line(name: &str, version: u32, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{name} ({})", edition(version, lang)),
        Lang::Zh => format!("{name}（{}）", edition(version, lang)),
    }
}

/// A numbered paragraph: "1. …" / "1．…".
pub fn numbered(number: usize, text: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{number}. {text}"),
        Lang::Zh => format!("{number}．{text}"),
    }
}

/// The printed page's footer (Excel's codes: &P page, &N pages).
pub fn page_footer(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "&CPage &P of &N",
        Lang::Zh => "&C第&P页，共&N页",
    }
}

/// The cover's title line under the main title: "Finance Bureau — period
/// ending 2025-06-30" / "市财政局 · 2025年6月30日评估期".
pub fn subtitle(department: &str, period: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{department} — period ending {period}"),
        Lang::Zh => format!("{department}　{period}评估期"),
    }
}

/// The paragraphs of "How to fill in this questionnaire".
pub fn instructions(department: &str, period: &str, issuer: &str, lang: Lang) -> Vec<String> {
    match lang {
        Lang::En => vec![
            format!(
                "This questionnaire asks {department} to assess its digital-government maturity as of {period}. Answer on the sheet “Answers”: one row per indicator, grouped by dimension."
            ),
            "For each indicator, read what each level means, choose the level (1 to 5) that describes your department today, and write the evidence that shows it: documents, systems in use, figures. Give links where the evidence can be checked, one per line.".to_owned(),
            "If an indicator does not apply to your department, choose N/A and say why in the column “Reason if not applicable”. Level 3 or higher needs evidence.".to_owned(),
            "Last period’s level and evidence are shown for reference only: answer every row for this period.".to_owned(),
            "Only the shaded answer cells can be edited. Do not add, delete, move or rename rows, columns or sheets, and keep the file as an .xlsx workbook (Excel, WPS and LibreOffice all work): it is read back by its cell positions and a hidden sheet that identifies it.".to_owned(),
            format!(
                "Who: the officer responsible for digital government in the department fills it in; the head of the department checks and signs it off. Fill in both names and dates below, then return the file to {issuer}."
            ),
        ],
        Lang::Zh => vec![
            format!(
                "本调查表请{department}对截至{period}的数字政府建设成熟度进行自评。请在“答卷”工作表中作答，每行一个指标，按维度分组。"
            ),
            "对每个指标，请先阅读各等级的含义，选择最符合本部门现状的等级（1至5），并填写能够证明该等级的佐证材料，如文件、在用系统、统计数据等。可供核查的佐证材料请填写链接，每行一个。".to_owned(),
            "指标不适用于本部门的，请选择“不适用”，并在“不适用的原因”列说明原因。3级及以上须提供佐证材料。".to_owned(),
            "上期等级和佐证材料仅供参考，请按本期实际情况逐项作答。".to_owned(),
            "仅有底色的作答单元格可以编辑。请勿增加、删除、移动或重命名行、列或工作表，并以.xlsx格式保存（Excel、WPS和LibreOffice均可）：系统按单元格位置和用于识别本表的隐藏工作表读取作答内容。".to_owned(),
            format!(
                "填报要求：由本部门负责数字政府建设工作的人员填写，部门负责人审核签字。请在下方填写双方姓名和日期，并将本文件报送{issuer}。"
            ),
        ],
    }
}

/// What each column of the answers sheet means, in column order (the
/// column's header comes from the catalogue's `QuestCol…` keys).
pub fn column_meanings(lang: Lang) -> [&'static str; 10] {
    match lang {
        Lang::En => [
            "The indicator’s code; do not change it.",
            "What is assessed.",
            "The five levels of the indicator, 1 (lowest) to 5 (highest).",
            "Your department’s level last period, for reference.",
            "Your department’s evidence last period, for reference.",
            "Required: 1 to 5, or N/A.",
            "What shows the level is reached; required for level 3 or higher.",
            "Web addresses or document references, one per line.",
            "How sure you are of the level: Low, Medium or High.",
            "Required when the level is N/A.",
        ],
        Lang::Zh => [
            "指标编号，请勿修改。",
            "评估的内容。",
            "该指标的五个等级，1（最低）至5（最高）。",
            "本部门上期所填等级，仅供参考。",
            "本部门上期所填佐证材料，仅供参考。",
            "必填：1至5，或“不适用”。",
            "证明达到该等级的材料；3级及以上必填。",
            "网址或文件编号，每行一个。",
            "对所填等级的把握程度：低、中或高。",
            "等级为“不适用”时必填。",
        ],
    }
}

/// The rubric cell: "1 Initial: …" / "1 起步：…", one level a line.
pub fn rubric_line(level: u8, name: &str, text: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{level} {name}: {text}"),
        Lang::Zh => format!("{level} {name}：{text}"),
    }
}

/// The sheet title of the answers: "Finance Bureau — answers for the
/// period ending 2025-06-30" / "市财政局　2025年6月30日评估期答卷".
pub fn answers_title(department: &str, period: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{department} — answers for the period ending {period}"),
        Lang::Zh => format!("{department}　{period}评估期答卷"),
    }
}

/// The prompt of a text cell with a length limit.
pub fn text_limit_error(limit: usize, lang: Lang) -> String {
    match lang {
        Lang::En => format!("At most {limit} characters."),
        Lang::Zh => format!("最多{limit}个字符。"),
    }
}

fn field_name(field: TextField, lang: Lang) -> &'static str {
    let zh = lang == Lang::Zh;
    match field {
        TextField::Evidence if zh => "佐证材料",
        TextField::Evidence => "the evidence",
        TextField::Reason if zh => "不适用的原因",
        TextField::Reason => "the reason",
        TextField::Link if zh => "链接",
        TextField::Link => "a link",
        TextField::Assessor if zh => "填表人姓名",
        TextField::Assessor => "the name",
        _ if zh => "文字",
        _ => "the text",
    }
}

/// A problem at its place: "finance.xlsx:Answers!F14: …" / "…：…".
pub fn problem_line(place: &str, message: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{place}: {message}"),
        Lang::Zh => format!("{place}：{message}"),
    }
}

/// What is wrong and what to do, for one problem of a returned file.
pub fn issue(issue: &Issue, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    match issue {
        Issue::Unreadable { detail } if zh => format!("无法读取文件（{detail}）；请检查文件路径和权限"),
        Issue::Unreadable { detail } => {
            format!("the file cannot be read ({detail}); check its path and permissions")
        }
        Issue::NotAWorkbook { detail } if zh => format!(
            "不是可读取的.xlsx工作簿（{detail}）；请在Excel、WPS或LibreOffice中将其另存为.xlsx后重新导入"
        ),
        Issue::NotAWorkbook { detail } => format!(
            "not a readable .xlsx workbook ({detail}); save it as .xlsx in Excel, WPS or LibreOffice and import it again"
        ),
        Issue::TooLarge { limit_mb } if zh => {
            format!("工作簿解压后超过{limit_mb} MB，不予读取；调查表远小于此，请确认是否选错了文件")
        }
        Issue::TooLarge { limit_mb } => format!(
            "the workbook unpacks to more than {limit_mb} MB and is not read; a questionnaire is far smaller: check that this is the right file"
        ),
        Issue::NoIdentity if zh => "没有本程序调查表的识别信息（隐藏工作表缺失）；请使用由 govmaturity questionnaire 生成的文件作答，勿复制到新工作簿".to_owned(),
        Issue::NoIdentity => "no identity of a govmaturity questionnaire (its hidden sheet is missing); answer in the file `govmaturity questionnaire` made, not a copy in a new workbook".to_owned(),
        Issue::MissingSheet if zh => "缺少此工作表；请勿删除或重命名工作表，可重新生成调查表后再填写".to_owned(),
        Issue::MissingSheet => "this sheet is missing; sheets must not be deleted or renamed: make the questionnaire again and fill that in".to_owned(),
        Issue::BadIdentity { field } if zh => {
            format!("识别信息中的“{field}”缺失或无法读取；请使用未经改动的调查表")
        }
        Issue::BadIdentity { field } => format!(
            "the identity's “{field}” is missing or unreadable; use the questionnaire as it was sent"
        ),
        Issue::NewerFormat { version } if zh => {
            format!("调查表格式为第{version}版，由更新版本的程序生成；请升级 govmaturity 后再导入")
        }
        Issue::NewerFormat { version } => format!(
            "questionnaire format {version} comes from a newer version of the program; upgrade govmaturity and import it again"
        ),
        Issue::ChecksumMismatch if zh => "识别信息的校验值不符：隐藏工作表被改动过，无法确认该文件属于哪个部门和评估期；请使用原发调查表重新填写".to_owned(),
        Issue::ChecksumMismatch => "the identity's checksum does not match: its hidden sheet was edited, so which department and period the file belongs to cannot be trusted; fill in the questionnaire as it was sent".to_owned(),
        Issue::UnknownDepartment { department } if zh => format!(
            "本工作区没有部门“{department}”；该文件可能来自其他工作区，请确认导入的工作区是否正确"
        ),
        Issue::UnknownDepartment { department } => format!(
            "this workspace has no department “{department}”; the file may come from another workspace: check which workspace you import into"
        ),
        Issue::OtherFramework { used, expected } if zh => format!(
            "调查表使用的评估框架为“{used}”，本工作区使用“{expected}”；请按本工作区重新生成调查表"
        ),
        Issue::OtherFramework { used, expected } => format!(
            "the questionnaire uses the framework “{used}”, this workspace “{expected}”; make the questionnaire again from this workspace"
        ),
        Issue::OtherFrameworkVersion { used, expected } if zh => format!(
            "调查表按评估框架第{used}版生成，本工作区现为第{expected}版；请重新生成调查表"
        ),
        Issue::OtherFrameworkVersion { used, expected } => format!(
            "the questionnaire was made for framework edition {used}, this workspace now uses edition {expected}; make the questionnaire again"
        ),
        Issue::UnknownIndicator { indicator } if zh => {
            format!("评估框架中没有指标“{indicator}”；请按本工作区重新生成调查表")
        }
        Issue::UnknownIndicator { indicator } => format!(
            "the framework has no indicator “{indicator}”; make the questionnaire again from this workspace"
        ),
        Issue::RowMoved { expected, found } if zh => format!(
            "此行应为指标“{expected}”，实为“{found}”：行被移动或排序过；请恢复原顺序，或在重新生成的调查表中作答"
        ),
        Issue::RowMoved { expected, found } => format!(
            "this row should hold the indicator “{expected}” but holds “{found}”: rows were moved or sorted; put them back in order, or answer in a fresh questionnaire"
        ),
        Issue::StrayRow if zh => {
            "此行不是指标行，其中的作答不会被读取；请将内容移至对应指标所在行".to_owned()
        }
        Issue::StrayRow => {
            "this row is no indicator's, so answers in it are not read; move them to the indicator's row".to_owned()
        }
        Issue::BadLevel { value } if zh => {
            format!("“{value}”不是等级；请从列表中选择1至5或“不适用”")
        }
        Issue::BadLevel { value } => {
            format!("“{value}” is not a level; choose 1 to 5 from the list, or N/A")
        }
        Issue::LevelOutOfRange { value } if zh => {
            format!("等级{value}不在1–5之间；请从列表中选择1至5或“不适用”")
        }
        Issue::LevelOutOfRange { value } => {
            format!("level {value} is not 1–5; choose 1 to 5 from the list, or N/A")
        }
        Issue::NotApplicableWithoutReason if zh => "等级为“不适用”但未填写原因；请在此单元格说明原因".to_owned(),
        Issue::NotApplicableWithoutReason => {
            "the level is N/A but no reason is given; say why in this cell".to_owned()
        }
        Issue::ReasonWithoutNotApplicable if zh => {
            "填写了不适用的原因，但等级不是“不适用”；请删除原因或将等级改为“不适用”".to_owned()
        }
        Issue::ReasonWithoutNotApplicable => {
            "a reason for N/A is given but the level is not N/A; clear the reason or choose N/A".to_owned()
        }
        Issue::BadConfidence { value } if zh => {
            format!("“{value}”不是可信度；请从列表中选择低、中或高")
        }
        Issue::BadConfidence { value } => {
            format!("“{value}” is not a confidence; choose Low, Medium or High from the list")
        }
        Issue::TooLong { field, length } if zh => format!(
            "{}有{length}个字符，超过上限{}个；请精简后重新导入",
            field_name(*field, lang),
            field.limit()
        ),
        Issue::TooLong { field, length } => format!(
            "{} has {length} characters, more than the {} allowed; shorten it and import again",
            field_name(*field, lang),
            field.limit()
        ),
        Issue::TooManyLinks { count } if zh => format!(
            "共有{count}个链接，超过上限{}个；请删减后重新导入",
            TextField::Links.limit()
        ),
        Issue::TooManyLinks { count } => format!(
            "{count} links, more than the {} allowed; remove some and import again",
            TextField::Links.limit()
        ),
        Issue::NoName if zh => {
            "未填写填表人姓名；请在此单元格填写，或在导入时注明作答人（命令行用 --as 姓名，本软件中填写“作答人”）".to_owned()
        }
        Issue::NoName => {
            "no name of who filled it in; fill in this cell, or name who answered when importing (--as NAME on the command line, “Who answered” in the app)".to_owned()
        }
        Issue::BadName if zh => format!(
            "填表人姓名过长（上限{}个字符）或含有控制字符；请修改此单元格，或在导入时注明作答人（命令行用 --as 姓名，本软件中填写“作答人”）",
            TextField::Assessor.limit()
        ),
        Issue::BadName => format!(
            "the name is longer than {} characters or holds control characters; correct this cell, or name who answered when importing (--as NAME on the command line, “Who answered” in the app)",
            TextField::Assessor.limit()
        ),
    }
}

/// "wrote finance-bureau.xlsx" / "已写入finance-bureau.xlsx".
pub fn wrote(path: &Path, lang: Lang) -> String {
    match lang {
        Lang::En => format!("wrote {}", path.display()),
        Lang::Zh => format!("已写入 {}", path.display()),
    }
}

/// `questionnaire --all`: how many files went into which folder.
pub fn wrote_all(count: usize, dir: &Path, lang: Lang) -> String {
    match lang {
        Lang::En => format!("wrote {count} questionnaires into {}", dir.display()),
        Lang::Zh => format!("已在 {} 中写入{count}份调查表", dir.display()),
    }
}

/// Neither `--department` nor `--all`, or both.
pub fn department_or_all(lang: Lang) -> String {
    match lang {
        Lang::En => {
            "give --department ID for one department's questionnaire, or --all for every department's"
                .to_owned()
        }
        Lang::Zh => "请用 --department 编号 生成单个部门的调查表，或用 --all 生成全部部门的调查表".to_owned(),
    }
}

/// `--department` names no department of the workspace.
pub fn no_such_department(id: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("no department “{id}” in this workspace; `govmaturity summary` lists them"),
        Lang::Zh => format!("本工作区没有部门“{id}”；可用 govmaturity summary 查看部门列表"),
    }
}

/// `--all --out` names something that is not a folder.
pub fn out_not_folder(out: &Path, lang: Lang) -> String {
    match lang {
        Lang::En => format!(
            "{} is not a folder; with --all, --out names a folder to write one file per department into",
            out.display()
        ),
        Lang::Zh => format!(
            "{} 不是文件夹；使用 --all 时，--out 应为文件夹，每个部门写入一个文件",
            out.display()
        ),
    }
}

/// The heading of one returned file: "finance.xlsx: Finance Bureau,
/// 2025-06-30 (Draft)" / "finance.xlsx：市财政局，2025年6月30日（草稿）";
/// `status` is empty when the period has no assessment yet.
pub fn file_heading(file: &str, department: &str, period: &str, status: &str, lang: Lang) -> String {
    match (lang, status.is_empty()) {
        (Lang::En, false) => format!("{file}: {department}, {period} ({status})"),
        (Lang::En, true) => format!("{file}: {department}, {period} (no assessment yet)"),
        (Lang::Zh, false) => format!("{file}：{department}，{period}（{status}）"),
        (Lang::Zh, true) => format!("{file}：{department}，{period}（尚无评估）"),
    }
}

/// One change: "  sharing.open  level: 2 → 3".
pub fn change_line(indicator: &str, field: &str, from: &str, to: &str, lang: Lang) -> String {
    let empty = crate::present::format::MISSING;
    let from = if from.is_empty() { empty } else { from };
    let to = if to.is_empty() { empty } else { to };
    match lang {
        Lang::En => format!("  {indicator}  {field}: {from} → {to}"),
        Lang::Zh => format!("  {indicator}  {field}：{from} → {to}"),
    }
}

/// How many problems a file has; nothing of it was written.
pub fn problems_found(file: &str, count: usize, lang: Lang) -> String {
    match lang {
        Lang::En if count == 1 => format!("{file}: 1 problem; nothing imported from this file"),
        Lang::En => format!("{file}: {count} problems; nothing imported from this file"),
        Lang::Zh => format!("{file}：发现{count}个问题，未导入该文件的任何内容"),
    }
}

/// `--dry-run`: "finance.xlsx: dry run: nothing written".
pub fn dry_run(file: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{file}: dry run: nothing written"),
        Lang::Zh => format!("{file}：试运行，未写入任何内容"),
    }
}

/// What became of a file that had no problems.
pub fn saved(file: &str, target: &Path, changes: usize, created: bool, lang: Lang) -> String {
    match (lang, created) {
        (Lang::En, false) => format!("{file}: {changes} changes saved to {}", target.display()),
        (Lang::En, true) => format!("{file}: new Draft {} with {changes} answers", target.display()),
        (Lang::Zh, false) => format!("{file}：{changes}处变更已保存至 {}", target.display()),
        (Lang::Zh, true) => format!("{file}：已新建草稿 {}，含{changes}项作答", target.display()),
    }
}

/// Saved as one assessor's response.
pub fn response_saved(file: &str, target: &Path, assessor: &str, role: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!(
            "{file}: kept as {assessor}’s response ({role}) in {}; the agreed answers are unchanged",
            target.display()
        ),
        Lang::Zh => format!(
            "{file}：已作为{assessor}（{role}）的作答保存至 {}，议定结果未改动",
            target.display()
        ),
    }
}

/// Refused: the assessment's status does not allow answers to change.
pub fn refused(file: &str, status: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!(
            "{file}: the assessment is {status}, so its answers are not overwritten; return or reopen it first, or import with --as-response to keep these answers as one assessor's response beside it"
        ),
        Lang::Zh => format!(
            "{file}：该评估状态为“{status}”，其作答不予覆盖；请先退回或重新打开，或使用 --as-response 将本文件作为一位评估人的作答另行保存"
        ),
    }
}

/// The store would not save.
pub fn not_saved(file: &str, detail: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{file}: not saved: {detail}"),
        Lang::Zh => format!("{file}：未保存：{detail}"),
    }
}

/// `import` given a folder but no file.
pub fn no_files(lang: Lang) -> String {
    match lang {
        Lang::En => "no questionnaire to import: give the .xlsx files after the workspace folder".to_owned(),
        Lang::Zh => "没有要导入的调查表：请在工作区文件夹之后列出.xlsx文件".to_owned(),
    }
}

/// The closing line of `import`.
pub fn import_summary(files: usize, imported: usize, failed: usize, lang: Lang) -> String {
    match lang {
        Lang::En if files == 1 => format!("1 file: {imported} imported, {failed} not imported"),
        Lang::En => format!("{files} files: {imported} imported, {failed} not imported"),
        Lang::Zh => format!("共{files}个文件：导入{imported}个，未导入{failed}个"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_issue_says_what_to_do_in_both_languages() {
        let issues = [
            Issue::NoIdentity,
            Issue::ChecksumMismatch,
            Issue::StrayRow,
            Issue::NotApplicableWithoutReason,
            Issue::TooLong {
                field: TextField::Evidence,
                length: 20_001,
            },
        ];
        for issue in &issues {
            let en = super::issue(issue, Lang::En);
            let zh = super::issue(issue, Lang::Zh);
            assert!(en.contains(';'), "{en}");
            assert!(zh.contains('；'), "{zh}");
            assert!(!zh.contains([',', ':', ';', '(', ')']), "{zh}");
        }
    }
}
