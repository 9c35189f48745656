//! The department tree's, the grouped heatmap's and the crowded trend
//! chart's sentences with numbers in them (single words are keys in
//! [`super::T`]).

use chrono::NaiveDate;

use crate::model::Lang;
use crate::present::format;
use crate::present::hierarchy::StatusCounts;

/// A group's status counts in words, for the hover over its badges:
/// "62 departments: 40 approved, 12 submitted, 8 in draft or returned, 2 not assessed".
pub fn status_counts(size: usize, counts: &StatusCounts, lang: Lang) -> String {
    let StatusCounts {
        approved,
        submitted,
        draft,
        none,
    } = *counts;
    match lang {
        Lang::En => format!(
            "{size} departments: {approved} approved, {submitted} submitted, {draft} in draft or returned, {none} not assessed"
        ),
        Lang::Zh => format!(
            "共{size}个部门：已批准{approved}个，已提交{submitted}个，草稿或退回{draft}个，未评估{none}个"
        ),
    }
}

/// How many chosen departments are in the mean and band but have no line
/// of their own: "18 more departments not shown separately." / "另有 18 个部门未单独显示。".
pub fn hidden_departments(hidden: usize, lang: Lang) -> String {
    match lang {
        Lang::En if hidden == 1 => "1 more department not shown separately.".to_owned(),
        Lang::En => format!("{hidden} more departments not shown separately."),
        Lang::Zh => format!("另有 {hidden} 个部门未单独显示。"),
    }
}

/// Target dates beyond the chart's range: "Target date beyond the chart:
/// 2030-12-31 (drag the chart to see it)" / "目标日期超出图表范围：2030年12月31日（拖动图表可查看）".
pub fn targets_beyond(dates: &[NaiveDate], lang: Lang) -> String {
    let list: Vec<String> = dates.iter().map(|d| format::date(*d, lang)).collect();
    match lang {
        Lang::En => format!(
            "Target date beyond the chart: {} (drag the chart to see it)",
            list.join(", ")
        ),
        Lang::Zh => format!("目标日期超出图表范围：{}（拖动图表可查看）", list.join("、")),
    }
}

/// Projected dates beyond the chart's range: "Projections beyond the
/// chart are given in the table below." / "超出图表范围的预计达标日期见下表。".
pub fn projections_beyond(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "Projections beyond the chart are given in the table below.",
        Lang::Zh => "超出图表范围的预计达标日期见下表。",
    }
}
