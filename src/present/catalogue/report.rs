//! The report's sentences, in English and Simplified Chinese: the executive
//! summary, the notes printed beside a department's figures, and the lines
//! that say what the figures count.
//!
//! Each function takes its figures already written by
//! [`crate::present::format`] and its names from the data, and only puts
//! them into words; which figures to state is decided in
//! `present::report`. Names in Chinese sentences stand in “” when they are
//! a dimension or an indicator, bare when they are a department.

use std::path::Path;

use chrono::NaiveDate;

use super::T;
use crate::analysis::{Basis, Summary};
use crate::model::Lang;
use crate::present::format;

/// How many names a sentence lists before saying "and N more".
pub const LISTED: usize = 4;

/// "a, b and c" / "a、b和c", with "and 2 more" / "等6项" past [`LISTED`] names.
pub fn list(items: &[String], lang: Lang) -> String {
    let shown = &items[..items.len().min(LISTED)];
    let rest = items.len() - shown.len();
    let (sep, and) = match lang {
        Lang::En => (", ", " and "),
        Lang::Zh => ("、", "和"),
    };
    match (shown.split_last(), rest) {
        (None, _) => String::new(),
        (Some((last, [])), 0) => last.clone(),
        (Some((last, init)), 0) => format!("{}{and}{last}", init.join(sep)),
        (Some(_), rest) => match lang {
            Lang::En => format!("{} and {rest} more", shown.join(sep)),
            Lang::Zh => format!("{}等{}项", shown.join(sep), shown.len() + rest),
        },
    }
}

/// A name with a figure after it: "Health Commission (2.63)" /
/// "市卫生健康委员会（2.63）".
pub fn with_figure(name: &str, figure: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{name} ({figure})"),
        Lang::Zh => format!("{name}（{figure}）"),
    }
}

/// A dimension or indicator named in a sentence: as is in English, in “” in
/// Chinese.
pub fn quoted(name: &str, lang: Lang) -> String {
    match lang {
        Lang::En => name.to_owned(),
        Lang::Zh => format!("“{name}”"),
    }
}

/// A signed change said in Chinese: "+0.16" → "提升0.16", "−0.05" →
/// "下降0.05", anything else ("0.00", "–") → "变化0.00".
fn zh_change(change: &str) -> String {
    if let Some(rest) = change.strip_prefix('+') {
        format!("提升{rest}")
    } else if let Some(rest) = change.strip_prefix('−').or_else(|| change.strip_prefix('-')) {
        format!("下降{rest}")
    } else {
        format!("变化{change}")
    }
}

// ---- where the government stands ---------------------------------------

/// The government's stage and where the work stands, every figure written.
pub struct GovernmentStage<'a> {
    pub period: NaiveDate,
    pub total: usize,
    pub assessed: usize,
    pub mean_level: &'a str,
    pub stage: u8,
    pub stage_name: &'a str,
    /// The stage's one-line meaning, a full sentence.
    pub meaning: &'a str,
    pub approved: usize,
    pub submitted: usize,
    pub draft: usize,
    pub coverage: &'a str,
}

/// "As of 2025-12-31, none of the 12 departments has a scored assessment."
pub fn government_unscored(period: NaiveDate, total: usize, lang: Lang) -> String {
    let date = format::date(period, lang);
    match lang {
        Lang::En => format!("As of {date}, none of the {total} departments has a scored assessment."),
        Lang::Zh if total == 1 => format!("截至{date}，该部门尚无可计分的评估。"),
        Lang::Zh => format!("截至{date}，{total}个部门均无可计分的评估。"),
    }
}

/// Where the government stands: stage, mean level, workflow and coverage.
pub fn government_stage(s: &GovernmentStage<'_>, lang: Lang) -> String {
    let date = format::date(s.period, lang);
    let GovernmentStage {
        total,
        assessed,
        mean_level,
        stage,
        stage_name,
        meaning,
        approved,
        submitted,
        draft,
        coverage,
        ..
    } = s;
    let (assessed_en, assessed_zh) = if assessed == total {
        (
            format!("all {total} departments have an assessment"),
            format!("{total}个部门均已开展评估"),
        )
    } else {
        (
            format!("{assessed} of {total} departments have an assessment"),
            format!("{total}个部门中已有{assessed}个开展评估"),
        )
    };
    match lang {
        Lang::En => format!(
            "As of {date}, {assessed_en}. Their overall level is {mean_level}, \
             which places the government at stage {stage}, {stage_name}. {meaning} Of the latest assessments, \
             {approved} are approved, {submitted} submitted and {draft} in draft or returned; {coverage} of \
             applicable indicators are answered."
        ),
        Lang::Zh => format!(
            "截至{date}，{assessed_zh}，总体等级为{mean_level}，整体处于第{stage}阶段“{stage_name}”。\
             该阶段的主要特征是：{meaning}从评估进度看，各部门最近一次评估中已批准{approved}份、\
             已提交待审核{submitted}份、处于草稿或退回修改状态{draft}份；适用指标覆盖率为{coverage}。"
        ),
    }
}

/// " Departments range from A (1.80) to B (3.20)." / "分部门看，总体等级最高的是B（3.20），最低的是A（1.80）。"
pub fn departments_range(lowest: &str, highest: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!(" Departments range from {lowest} to {highest}."),
        Lang::Zh => format!("分部门看，总体等级最高的是{highest}，最低的是{lowest}。"),
    }
}

/// The strongest and weakest dimension across departments (`spread` from
/// [`departments_range`] or empty).
pub fn dimension_extremes(
    strongest: &str,
    strongest_level: &str,
    weakest: &str,
    weakest_level: &str,
    spread: &str,
    lang: Lang,
) -> String {
    match lang {
        Lang::En => format!(
            "The strongest dimension is {strongest} (mean level {strongest_level}); the weakest is {weakest} \
             ({weakest_level}).{spread}"
        ),
        Lang::Zh => format!(
            "分维度看，“{strongest}”表现最好（平均等级{strongest_level}），“{weakest}”最为薄弱（平均等级{weakest_level}）。{spread}"
        ),
    }
}

// ---- movers --------------------------------------------------------------

/// A department and its change: "Transport Bureau (+0.34, provisional)" /
/// "市交通运输局（+0.34，暂定）".
pub fn mover(name: &str, change: &str, provisional: bool, lang: Lang) -> String {
    let figure = match (provisional, lang) {
        (false, _) => change.to_owned(),
        (true, Lang::En) => format!("{change}, {}", T::Provisional.get(lang)),
        (true, Lang::Zh) => format!("{change}，{}", T::Provisional.get(lang)),
    };
    with_figure(name, &figure, lang)
}

/// How the departments assessed at this period moved on average.
pub fn movers_average(compared: usize, average: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!(
            "Since their previous assessments, the {compared} departments assessed at this period that can be \
             compared changed by {average} on average."
        ),
        Lang::Zh => format!(
            "与上期相比，本期完成评估且可比较的{compared}个部门总体等级平均{}。",
            zh_change(average)
        ),
    }
}

/// The biggest rises (from [`list`] of [`mover`]s), or that none improved.
pub fn biggest_gains(names: Option<&str>, lang: Lang) -> String {
    match (names, lang) {
        (None, Lang::En) => " No department improved.".to_owned(),
        (None, Lang::Zh) => "各部门总体等级均未提升。".to_owned(),
        (Some(names), Lang::En) => format!(" The biggest gains: {names}."),
        (Some(names), Lang::Zh) => format!("其中，{names}提升幅度最大。"),
    }
}

/// The departments that declined most (from [`list`] of [`mover`]s).
pub fn declined(names: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!(" Declined: {names}."),
        Lang::Zh => format!("{names}有所下降。"),
    }
}

// ---- below target --------------------------------------------------------

/// " The most urgent shortfall is X at Y (level 2, target 4)."
pub fn most_urgent(indicator: &str, department: &str, current: u8, target: u8, lang: Lang) -> String {
    match lang {
        Lang::En => format!(
            " The most urgent shortfall is {indicator} at {department} (level {current}, target {target})."
        ),
        Lang::Zh => {
            format!("差距最突出的是{department}“{indicator}”指标（现为{current}级，目标为{target}级）。")
        }
    }
}

/// A dimension short of target and its gap: "Data (gap 0.50)" / "“数据”（差距0.50）".
pub fn dimension_gap(dimension: &str, gap: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{dimension} (gap {gap})"),
        Lang::Zh => format!("“{dimension}”（差距{gap}）"),
    }
}

/// A one-department report: the dimensions short of target (from [`list`]
/// of [`dimension_gap`]s; empty when none) and the most urgent shortfall.
/// `dimensions` lists the `short` ones, biggest gap first.
pub fn department_below_target(
    dimensions: &str,
    short: usize,
    with_target: usize,
    urgent: &str,
    lang: Lang,
) -> String {
    match (short, lang) {
        (0, Lang::En) => "It meets every dimension target.".to_owned(),
        (0, Lang::Zh) => "各维度均已达到目标。".to_owned(),
        (_, Lang::En) if short == with_target && short > 1 => {
            format!(
                "All {short} dimensions with a target fall short of it, the furthest being {dimensions}.{urgent}"
            )
        }
        (_, Lang::Zh) if short == with_target && short > 1 => {
            format!("设定目标的{short}个维度均未达目标，差距较大的有{dimensions}。{urgent}")
        }
        (_, Lang::En) => format!("It falls short of target in {dimensions}.{urgent}"),
        (_, Lang::Zh) => format!("{dimensions}未达目标。{urgent}"),
    }
}

/// How many assessed departments fall short of a dimension target.
pub fn departments_below_target(short: usize, assessed: usize, urgent: &str, lang: Lang) -> String {
    match (short, lang) {
        (0, Lang::En) => "Every assessed department meets its dimension targets.".to_owned(),
        (0, Lang::Zh) => "已评估部门的各维度均已达到目标。".to_owned(),
        (_, Lang::En) if short == assessed => {
            format!(
                "All {assessed} assessed departments fall short of at least one dimension target.{urgent}"
            )
        }
        (_, Lang::Zh) if short == assessed => {
            format!("已评估的{assessed}个部门均存在未达目标的维度。{urgent}")
        }
        (_, Lang::En) => format!(
            "{short} of {assessed} assessed departments fall short of at least one dimension target.{urgent}"
        ),
        (_, Lang::Zh) => format!("已评估的{assessed}个部门中，有{short}个存在未达目标的维度。{urgent}"),
    }
}

// ---- imbalance -----------------------------------------------------------

/// An imbalanced dimension: "Data at Police (1.50)" / "市公安局的“数据”（1.50）".
pub fn imbalanced_dimension(dimension: &str, department: &str, level: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{dimension} at {department} ({level})"),
        Lang::Zh => format!("{department}的“{dimension}”（{level}）"),
    }
}

/// The imbalanced dimensions (from [`list`] of [`imbalanced_dimension`]s;
/// empty when none).
pub fn imbalance(flags: &str, lang: Lang) -> String {
    match (flags.is_empty(), lang) {
        (true, Lang::En) => "No dimension lies more than one level below its department's stage.".to_owned(),
        (true, Lang::Zh) => "各部门均未出现维度比所处阶段低一级以上的情况，发展较为均衡。".to_owned(),
        (false, Lang::En) => format!(
            "Imbalance: {flags} lie more than one level below their department's stage and hold it back."
        ),
        (false, Lang::Zh) => {
            format!("部分部门发展不均衡，{flags}比所在部门所处阶段低一级以上，制约了整体提升。")
        }
    }
}

// ---- one department ------------------------------------------------------

/// "As of 2025-12-31, Police has no scored assessment."
pub fn department_unscored(period: NaiveDate, name: &str, lang: Lang) -> String {
    let date = format::date(period, lang);
    match lang {
        Lang::En => format!("As of {date}, {name} has no scored assessment."),
        Lang::Zh => format!("截至{date}，{name}尚无可计分的评估。"),
    }
}

/// A department's stage, every figure written.
pub struct DepartmentStage<'a> {
    pub period: NaiveDate,
    pub name: &'a str,
    pub mean_level: &'a str,
    /// The date of the assessment used.
    pub assessed_on: Option<NaiveDate>,
    /// The status of that assessment, in words.
    pub status: &'a str,
    /// `(rank, of, shared)` among all departments.
    pub rank: Option<(usize, usize, bool)>,
    pub stage: u8,
    pub stage_name: &'a str,
    /// The stage's one-line meaning, a full sentence.
    pub meaning: &'a str,
    pub coverage: &'a str,
}

/// Where one department stands: mean level, rank, stage and coverage.
pub fn department_stage(s: &DepartmentStage<'_>, lang: Lang) -> String {
    let date = format::date(s.period, lang);
    let assessed_on = s.assessed_on.map_or_else(String::new, |d| format::date(d, lang));
    let DepartmentStage {
        name,
        mean_level,
        status,
        stage,
        stage_name,
        meaning,
        coverage,
        ..
    } = s;
    match lang {
        Lang::En => {
            let rank = s.rank.map_or_else(String::new, |(r, of, shared)| {
                let joint = if shared { "joint " } else { "" };
                format!(", ranking {joint}{r} of {of} departments")
            });
            format!(
                "As of {date}, {name} stands at overall level {mean_level} (assessment of {assessed_on}, {status}){rank}: \
                 stage {stage}, {stage_name}. {meaning} {coverage} of applicable indicators are answered."
            )
        }
        Lang::Zh => {
            let rank = s.rank.map_or_else(String::new, |(r, of, shared)| {
                let joint = if shared { "并列" } else { "排" };
                format!("，在{of}个部门中{joint}第{r}位")
            });
            let basis = if assessed_on.is_empty() {
                status.to_string()
            } else {
                format!("依据{assessed_on}的评估，{status}")
            };
            format!(
                "截至{date}，{name}总体等级为{mean_level}（{basis}）{rank}，处于第{stage}阶段“{stage_name}”。\
                 该阶段的主要特征是：{meaning}适用指标覆盖率为{coverage}。"
            )
        }
    }
}

/// ", whose weakest indicator, X, is at level 2" / "，其中等级最低的指标为“X”（2级）".
pub fn weakest_indicator(indicator: &str, level: u8, lang: Lang) -> String {
    match lang {
        Lang::En => format!(", whose weakest indicator, {indicator}, is at level {level}"),
        Lang::Zh => format!("，其中等级最低的指标为“{indicator}”（{level}级）"),
    }
}

/// A one-department report: its strongest and weakest dimension (`floor`
/// from [`weakest_indicator`] or empty).
pub fn department_extremes(
    strongest: &str,
    strongest_level: &str,
    weakest: &str,
    weakest_level: &str,
    floor: &str,
    lang: Lang,
) -> String {
    match lang {
        Lang::En => format!(
            "Its strongest dimension is {strongest} ({strongest_level}); the weakest is {weakest} \
             ({weakest_level}){floor}."
        ),
        Lang::Zh => format!(
            "分维度看，“{strongest}”表现最好（{strongest_level}），“{weakest}”最为薄弱（{weakest_level}）{floor}。"
        ),
    }
}

/// "There is no earlier assessment to compare with."
pub fn no_earlier_assessment(lang: Lang) -> String {
    match lang {
        Lang::En => "There is no earlier assessment to compare with.".to_owned(),
        Lang::Zh => "暂无可比较的上期评估。".to_owned(),
    }
}

/// The dimensions that moved most (from [`list`] of [`with_figure`]s of
/// [`quoted`] names; empty when none moved).
pub fn dimensions_moved(names: &str, lang: Lang) -> String {
    match (names.is_empty(), lang) {
        (true, Lang::En) => " No dimension moved.".to_owned(),
        (true, Lang::Zh) => "各维度均无变化。".to_owned(),
        (false, Lang::En) => format!(" The dimensions that moved most: {names}."),
        (false, Lang::Zh) => format!("其中，变化较大的维度为{names}。"),
    }
}

/// The change of a department's mean level since its previous assessment
/// (`moves` from [`dimensions_moved`]).
pub fn department_change(
    previous: NaiveDate,
    change: &str,
    from: &str,
    to: &str,
    moves: &str,
    lang: Lang,
) -> String {
    let previous = format::date(previous, lang);
    match lang {
        Lang::En => format!(
            "Since the previous assessment ({previous}), its mean level changed by {change} (from {from} to {to}).{moves}"
        ),
        Lang::Zh => format!(
            "与上期（{previous}）相比，总体等级由{from}变为{to}，{}。{moves}",
            zh_change(change)
        ),
    }
}

// ---- notes beside a figure -----------------------------------------------

/// "carried over from 2025-06-30" / "沿用2025年6月30日的评估".
pub fn carried_over_from(date: Option<NaiveDate>, lang: Lang) -> String {
    let date = date.map_or_else(String::new, |d| format::date(d, lang));
    match lang {
        Lang::En => format!("carried over from {date}"),
        Lang::Zh => format!("沿用{date}的评估"),
    }
}

/// "latest assessment could not be read: police/2025-12-31.ron".
pub fn latest_unreadable(file: Option<&Path>, lang: Lang) -> String {
    let file = file.map_or_else(String::new, |f| f.display().to_string());
    match lang {
        Lang::En => format!("latest assessment could not be read: {file}"),
        Lang::Zh => format!("最新评估无法读取：{file}"),
    }
}

/// "newer assessment not yet approved, not counted (Draft, 2025-12-31)".
pub fn newer_not_counted(status: &str, date: NaiveDate, lang: Lang) -> String {
    let date = format::date(date, lang);
    match lang {
        Lang::En => format!("newer assessment not yet approved, not counted ({status}, {date})"),
        Lang::Zh => format!("较新的评估尚未批准，未计入（{status}，{date}）"),
    }
}

/// Notes joined for one table cell: "; " in English, "；" in Chinese.
pub fn join_notes(notes: &[String], lang: Lang) -> String {
    notes.join(match lang {
        Lang::En => "; ",
        Lang::Zh => "；",
    })
}

/// A figure with a word after it: "2.63 (provisional)" / "2.63（暂定）".
pub fn tagged(figure: &str, tag: &str, lang: Lang) -> String {
    with_figure(figure, tag, lang)
}

// ---- what the figures count ----------------------------------------------

/// The first line: what the figures count.
pub fn basis_line(basis: Basis, lang: Lang) -> &'static str {
    match basis {
        Basis::Approved => T::ReportBasisApproved,
        Basis::Latest => T::ReportBasisLatest,
    }
    .get(lang)
}

/// As of when, how many departments count, how many approved and provisional.
pub fn as_of_line(summary: &Summary, period: NaiveDate, lang: Lang) -> String {
    let date = format::date(period, lang);
    let total = summary.departments.len();
    let (assessed, approved, provisional) = (summary.assessed, summary.approved, summary.provisional);
    // One department (a department's report) is "本部门", never "1个部门均".
    let counted_zh = match (total, assessed) {
        (1, 1) => "本部门的评估已计入统计".to_owned(),
        (1, _) => "本部门尚无评估计入统计".to_owned(),
        _ if assessed == total => format!("{total}个部门均有评估计入统计"),
        _ => format!("{total}个部门中有{assessed}个有评估计入统计"),
    };
    let counted_en = if assessed == total {
        format!("all {total} departments")
    } else {
        format!("{assessed} of {total} departments")
    };
    match (summary.basis, lang) {
        (Basis::Latest, Lang::En) => {
            format!("As of {date}, {counted_en} assessed: {approved} approved, {provisional} provisional.")
        }
        (Basis::Latest, Lang::Zh) if total == 1 => match (approved, provisional) {
            (0, 0) => format!("截至{date}，{counted_zh}。"),
            (0, _) => format!("截至{date}，{counted_zh}，该评估尚未批准，结果为暂定。"),
            _ => format!("截至{date}，{counted_zh}，为已批准的评估。"),
        },
        (Basis::Latest, Lang::Zh) => {
            format!("截至{date}，{counted_zh}，其中已批准{approved}个、暂定{provisional}个。")
        }
        (Basis::Approved, Lang::En) => {
            format!("As of {date}, {counted_en} have a counted assessment, all of them approved.")
        }
        (Basis::Approved, Lang::Zh) if total == 1 => format!("截至{date}，{counted_zh}，为已批准的评估。"),
        (Basis::Approved, Lang::Zh) => format!("截至{date}，{counted_zh}，且均为已批准的评估。"),
    }
}

/// How many were assessed at the period and how many carried over.
pub fn at_period_line(at_period: usize, carried: usize, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{at_period} assessed at this period, {carried} carried over from earlier."),
        // One assessment in all (a department's report): say which it is.
        Lang::Zh if at_period + carried == 1 && carried == 0 => "该评估为本期完成。".to_owned(),
        Lang::Zh if at_period + carried == 1 => "该评估沿用往期评估结果。".to_owned(),
        Lang::Zh => format!("从评估时间看，本期完成评估{at_period}个，沿用往期评估结果{carried}个。"),
    }
}

/// How many departments have newer work not counted on the approved basis.
pub fn pending_line(pending: usize, lang: Lang) -> String {
    match (pending, lang) {
        (1, Lang::En) => "1 department has newer work not yet approved, not counted.".to_owned(),
        (n, Lang::En) => format!("{n} departments have newer work not yet approved, not counted."),
        (n, Lang::Zh) => format!("有{n}个部门的较新评估尚未批准，暂未计入统计。"),
    }
}

/// A department whose latest file could not be read.
pub fn unreadable_line(department: &str, file: Option<&Path>, lang: Lang) -> String {
    let what = latest_unreadable(file, lang);
    match lang {
        Lang::En => format!("{department}: {what}"),
        Lang::Zh => format!("{department}：{what}"),
    }
}

/// The cover's stage line: "2 · Developing (mean level 2.41)".
pub fn stage_line(stage: u8, stage_name: &str, mean_level: &str, lang: Lang) -> String {
    let figure = match lang {
        Lang::En => format!("{} {mean_level}", T::OverallLevel.get(lang)),
        Lang::Zh => format!("{}{mean_level}", T::OverallLevel.get(lang)),
    };
    tagged(&format!("{stage} · {stage_name}"), &figure, lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_read_naturally() {
        let items: Vec<String> = ["a", "b", "c", "d", "e", "f"].map(String::from).to_vec();
        assert_eq!(list(&items[..1], Lang::En), "a");
        assert_eq!(list(&items[..3], Lang::En), "a, b and c");
        assert_eq!(list(&items, Lang::En), "a, b, c, d and 2 more");
        assert_eq!(list(&items[..2], Lang::Zh), "a和b");
        assert_eq!(list(&items, Lang::Zh), "a、b、c、d等6项");
        assert_eq!(list(&[], Lang::En), "");
    }

    #[test]
    fn notes_and_stage_lines_read_naturally_in_each_language() {
        let day = NaiveDate::from_ymd_opt(2025, 6, 30);
        assert_eq!(carried_over_from(day, Lang::Zh), "沿用2025年6月30日的评估");
        assert_eq!(carried_over_from(day, Lang::En), "carried over from 2025-06-30");
        assert_eq!(tagged("2.63", "暂定", Lang::Zh), "2.63（暂定）");
        assert_eq!(
            stage_line(2, "起步", "2.41", Lang::Zh),
            "2 · 起步（总体等级2.41）"
        );
        assert_eq!(
            stage_line(2, "Developing", "2.41", Lang::En),
            "2 · Developing (Overall level 2.41)"
        );
        assert_eq!(
            mover("市交通运输局", "+0.34", true, Lang::Zh),
            "市交通运输局（+0.34，暂定）"
        );
        assert_eq!(
            pending_line(1, Lang::En),
            "1 department has newer work not yet approved, not counted."
        );
        // Chinese says a change in words: 提升, 下降, never "变化+0.16".
        assert_eq!(
            movers_average(7, "+0.16", Lang::Zh),
            "与上期相比，本期完成评估且可比较的7个部门总体等级平均提升0.16。"
        );
        assert_eq!(
            movers_average(7, "−0.05", Lang::Zh),
            "与上期相比，本期完成评估且可比较的7个部门总体等级平均下降0.05。"
        );
        assert_eq!(
            at_period_line(7, 5, Lang::Zh),
            "从评估时间看，本期完成评估7个，沿用往期评估结果5个。"
        );
        assert_eq!(at_period_line(1, 0, Lang::Zh), "该评估为本期完成。");
        assert_eq!(
            departments_range("市民政局（1.83）", "市大数据局（3.87）", Lang::Zh),
            "分部门看，总体等级最高的是市大数据局（3.87），最低的是市民政局（1.83）。"
        );
    }
}
