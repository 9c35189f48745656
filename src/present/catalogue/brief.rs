//! The brief's sentences, in English and Simplified Chinese. Written as a
//! government office writes a briefing: whole sentences, counts with their
//! measure words ("12个部门", "3项"), no spaces between Chinese and figures,
//! full-width punctuation, Chinese dates (made by `format` before they get
//! here).

use crate::model::Lang;

/// Under the title: "Lakeshore City · Finance Bureau · as of 31 December 2025"
/// / "滨湖市　财政局（截至2025年12月31日）".
pub fn subtitle(workspace: &str, scope: Option<&str>, as_of: Option<&str>, lang: Lang) -> String {
    let mut parts = vec![workspace.to_owned()];
    parts.extend(scope.map(str::to_owned));
    match lang {
        Lang::En => {
            parts.extend(as_of.map(|date| format!("as of {date}")));
            parts.join(" · ")
        }
        Lang::Zh => {
            let date = as_of.map_or_else(String::new, |date| format!("（截至{date}）"));
            format!("{}{date}", parts.join("\u{3000}"))
        }
    }
}

/// One stage and how many departments are at it, for [`stages`].
pub struct StageCount<'a> {
    pub stage: u8,
    pub name: &'a str,
    pub count: usize,
}

/// "Of the 12 departments assessed, 3 are at stage 1 (Initial), 5 at stage
/// 2 (Developing) and 4 at stage 3 (Defined)." Stages no department is at
/// are left out. / "已评估的12个部门中，处于第1阶段“起步”的3个、第2阶段
/// “发展”的5个、第3阶段“规范”的4个。"
pub fn stages(assessed: usize, counts: &[StageCount<'_>], lang: Lang) -> String {
    let parts: Vec<String> = counts
        .iter()
        .filter(|c| c.count > 0)
        .enumerate()
        .map(|(i, c)| match lang {
            Lang::En if i == 0 => format!("{} {} at stage {} ({})", c.count, are(c.count), c.stage, c.name),
            Lang::En => format!("{} at stage {} ({})", c.count, c.stage, c.name),
            Lang::Zh if i == 0 => format!("处于第{}阶段“{}”的{}个", c.stage, c.name, c.count),
            Lang::Zh => format!("第{}阶段“{}”的{}个", c.stage, c.name, c.count),
        })
        .collect();
    if parts.is_empty() {
        return match lang {
            Lang::En => "No department has been assessed yet.".to_owned(),
            Lang::Zh => "尚无部门完成评估。".to_owned(),
        };
    }
    match lang {
        Lang::En => format!(
            "Of the {assessed} {} assessed, {}.",
            departments(assessed),
            and_list(&parts)
        ),
        Lang::Zh => match counts.iter().find(|c| c.count > 0) {
            // All at one stage: "已评估的12个部门均处于第2阶段“发展”。"
            Some(c) if parts.len() == 1 && c.count == assessed && assessed > 1 => {
                format!("已评估的{assessed}个部门均处于第{}阶段“{}”。", c.stage, c.name)
            }
            _ => format!("已评估的{assessed}个部门中，{}。", parts.join("、")),
        },
    }
}

fn are(count: usize) -> &'static str {
    if count == 1 { "is" } else { "are" }
}

fn departments(count: usize) -> &'static str {
    if count == 1 { "department" } else { "departments" }
}

/// "a, b and c".
fn and_list(parts: &[String]) -> String {
    match parts.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, init)) => format!("{} and {last}", init.join(", ")),
    }
}

/// A line of the departments needing attention: "Lowest overall level:
/// Harbour Office (1.20), Parks Office (1.35) and 3 more." /
/// "总体等级最低：港务办（1.20）、园林办（1.35）等5个部门。" `total` counts
/// all the departments the line is about, `named` the first few of them.
pub fn attention(label: &str, named: &[String], total: usize, lang: Lang) -> String {
    let more = total.saturating_sub(named.len());
    match lang {
        Lang::En if more > 0 => format!("{label}: {} and {more} more.", named.join(", ")),
        Lang::En => format!("{label}: {}.", and_list(named)),
        Lang::Zh if more > 0 => format!("{label}：{}等{total}个部门。", named.join("、")),
        Lang::Zh => format!("{label}：{}。", named.join("、")),
    }
}

/// Before a department's largest gaps against its targets: "The largest
/// gaps against targets:" / "与目标差距较大的指标如下："
pub fn department_gaps(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "The largest gaps against targets:",
        Lang::Zh => "与目标差距较大的指标如下：",
    }
}

/// "2 measures" / "2项": a count of measures beside a department's name.
pub fn measures(count: usize, lang: Lang) -> String {
    match lang {
        Lang::En if count == 1 => "1 measure".to_owned(),
        Lang::En => format!("{count} measures"),
        Lang::Zh => format!("{count}项"),
    }
}

/// How many targets are in each state, for [`targets`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TargetCounts {
    pub reached: usize,
    pub on_track: usize,
    pub at_risk: usize,
    pub off_track: usize,
    pub overdue: usize,
    pub unknown: usize,
}

impl TargetCounts {
    pub fn total(&self) -> usize {
        self.reached + self.on_track + self.at_risk + self.off_track + self.overdue + self.unknown
    }
}

/// "Of the 24 targets set, 6 are reached, 8 on track, 4 at risk, 5 off
/// track and 1 past its date; 2 cannot be judged yet (too few
/// assessments)." / "在已设定的24项目标中，已达标6项、按计划推进8项、存在风险4项、
/// 偏离进度5项、已逾期1项；另有2项因评估次数不足，暂无法判断。"
pub fn targets(counts: &TargetCounts, lang: Lang) -> String {
    let states = [
        (counts.reached, "reached", "已达标"),
        (counts.on_track, "on track", "按计划推进"),
        (counts.at_risk, "at risk", "存在风险"),
        (counts.off_track, "off track", "偏离进度"),
        (counts.overdue, "past their date", "已逾期"),
    ];
    let parts: Vec<String> = states
        .iter()
        .filter(|(count, _, _)| *count > 0)
        .map(|(count, en, zh)| match lang {
            Lang::En => format!("{count} {en}"),
            Lang::Zh => format!("{zh}{count}项"),
        })
        .collect();
    let total = counts.total();
    let mut text = match lang {
        Lang::En => format!("Of the {total} targets set, {}", and_list(&parts)),
        Lang::Zh => match states.iter().find(|(count, _, _)| *count == total) {
            // All in one state: "已设定的6项目标均偏离进度".
            Some((_, _, zh)) if total > 1 => format!("已设定的{total}项目标均{zh}"),
            _ => format!("在已设定的{total}项目标中，{}", parts.join("、")),
        },
    };
    if parts.is_empty() {
        text = match lang {
            Lang::En => format!("Of the {total} targets set, none can be judged yet"),
            Lang::Zh => format!("已设定的{total}项目标因评估次数不足，暂无法判断进展"),
        };
    }
    if counts.unknown > 0 && !parts.is_empty() {
        text.push_str(&match lang {
            Lang::En => format!("; {} cannot be judged yet (too few assessments)", counts.unknown),
            Lang::Zh => format!("；另有{}项因评估次数不足，暂无法判断", counts.unknown),
        });
    }
    text.push_str(match lang {
        Lang::En => ".",
        Lang::Zh => "。",
    });
    text
}

/// "12 measures are under way, 3 of them past their due date; 5 are done."
/// / "目前正在推进的改进措施12项，其中已逾期3项；另有5项措施已完成。"
pub fn measures_state(open: usize, overdue: usize, done: usize, lang: Lang) -> String {
    match lang {
        Lang::En => {
            let mut text = format!(
                "{open} {} under way",
                if open == 1 { "measure is" } else { "measures are" }
            );
            if overdue > 0 {
                text.push_str(&format!(", {overdue} of them past their due date"));
            }
            text.push_str(&format!(
                "; {done} {} done.",
                if done == 1 { "is" } else { "are" }
            ));
            text
        }
        Lang::Zh => {
            let mut text = format!("目前正在推进的改进措施{open}项");
            if overdue > 0 {
                text.push_str(&format!("，其中已逾期{overdue}项"));
            }
            text.push_str(&format!("；另有{done}项措施已完成。"));
            text
        }
    }
}

/// Under the count of measures under way: "3 overdue" / "其中已逾期3项";
/// empty when none is.
pub fn overdue_of_them(overdue: usize, lang: Lang) -> String {
    match lang {
        _ if overdue == 0 => String::new(),
        Lang::En => format!("{overdue} overdue"),
        Lang::Zh => format!("其中已逾期{overdue}项"),
    }
}

/// "… and 8 more measures, listed in the full report." / "另有8项措施未列出，详见全面评估报告。"
pub fn more_measures(count: usize, lang: Lang) -> String {
    match lang {
        Lang::En if count == 1 => "One more measure is listed in the full report.".to_owned(),
        Lang::En => format!("{count} more measures are listed in the full report."),
        Lang::Zh => format!("另有{count}项措施未列出，详见全面评估报告。"),
    }
}

/// "14 shortfalls against targets have no measure yet; the most urgent:" /
/// "共有14项未达目标的差距尚无相应措施，其中最紧迫的5项如下："
pub fn uncovered(count: usize, shown: usize, lang: Lang) -> String {
    match lang {
        Lang::En if shown == 0 && count == 1 => {
            "One shortfall against a target has no measure yet.".to_owned()
        }
        Lang::En if shown == 0 => format!("{count} shortfalls against targets have no measure yet."),
        Lang::Zh if shown == 0 => format!("共有{count}项未达目标的差距尚无相应措施。"),
        Lang::En if count > shown => {
            format!("{count} shortfalls against targets have no measure yet; the {shown} most urgent:")
        }
        Lang::En if count == 1 => "One shortfall against a target has no measure yet:".to_owned(),
        Lang::En => format!("{count} shortfalls against targets have no measure yet:"),
        Lang::Zh if count > shown => {
            format!("共有{count}项未达目标的差距尚无相应措施，其中最紧迫的{shown}项如下：")
        }
        Lang::Zh => format!("共有{count}项未达目标的差距尚无相应措施："),
    }
}

/// The note on provisional figures: "5 of the 12 figures come from
/// assessments not yet approved and are marked provisional; they may
/// change on review." / "已评估的12个部门中，有5个部门的数据来自尚未批准的评估，已标注为“暂定”，
/// 审核批准后可能调整。"
pub fn provisional(provisional: usize, assessed: usize, lang: Lang) -> String {
    match lang {
        Lang::En => format!(
            "{provisional} of the {assessed} departments' figures come from assessments not yet approved \
             and are marked provisional; they may change on review."
        ),
        Lang::Zh => format!(
            "已评估的{assessed}个部门中，有{provisional}个部门的数据来自尚未批准的评估，已标注为“暂定”，审核批准后可能调整。"
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stage_sentences_read_naturally() {
        let counts = [
            StageCount {
                stage: 1,
                name: "Initial",
                count: 3,
            },
            StageCount {
                stage: 2,
                name: "Developing",
                count: 0,
            },
            StageCount {
                stage: 3,
                name: "Defined",
                count: 9,
            },
        ];
        assert_eq!(
            stages(12, &counts, Lang::En),
            "Of the 12 departments assessed, 3 are at stage 1 (Initial) and 9 at stage 3 (Defined)."
        );
        let counts = [StageCount {
            stage: 2,
            name: "发展",
            count: 12,
        }];
        assert_eq!(
            stages(12, &counts, Lang::Zh),
            "已评估的12个部门均处于第2阶段“发展”。"
        );
        let counts = [
            StageCount {
                stage: 1,
                name: "起步",
                count: 3,
            },
            StageCount {
                stage: 2,
                name: "发展",
                count: 9,
            },
        ];
        assert_eq!(
            stages(12, &counts, Lang::Zh),
            "已评估的12个部门中，处于第1阶段“起步”的3个、第2阶段“发展”的9个。"
        );
    }

    #[test]
    fn attention_lines_count_the_rest() {
        let named = vec!["港务办（1.20）".to_owned(), "园林办（1.35）".to_owned()];
        assert_eq!(
            attention("总体等级最低", &named, 5, Lang::Zh),
            "总体等级最低：港务办（1.20）、园林办（1.35）等5个部门。"
        );
        let named = vec!["Harbour (1.20)".to_owned(), "Parks (1.35)".to_owned()];
        assert_eq!(
            attention("Lowest", &named, 2, Lang::En),
            "Lowest: Harbour (1.20) and Parks (1.35)."
        );
    }

    #[test]
    fn target_sentences_leave_out_empty_states() {
        let counts = TargetCounts {
            reached: 6,
            off_track: 5,
            unknown: 2,
            ..TargetCounts::default()
        };
        assert_eq!(
            targets(&counts, Lang::Zh),
            "在已设定的13项目标中，已达标6项、偏离进度5项；另有2项因评估次数不足，暂无法判断。"
        );
        assert_eq!(
            targets(&counts, Lang::En),
            "Of the 13 targets set, 6 reached and 5 off track; 2 cannot be judged yet (too few assessments)."
        );
        let counts = TargetCounts {
            off_track: 6,
            ..TargetCounts::default()
        };
        assert_eq!(targets(&counts, Lang::Zh), "已设定的6项目标均偏离进度。");
    }

    #[test]
    fn measure_sentences() {
        assert_eq!(
            measures_state(12, 3, 5, Lang::Zh),
            "目前正在推进的改进措施12项，其中已逾期3项；另有5项措施已完成。"
        );
        assert_eq!(
            measures_state(1, 0, 1, Lang::En),
            "1 measure is under way; 1 is done."
        );
        assert_eq!(
            more_measures(8, Lang::Zh),
            "另有8项措施未列出，详见全面评估报告。"
        );
        assert_eq!(
            subtitle("滨江市", Some("市财政局"), Some("2025年12月31日"), Lang::Zh),
            "滨江市\u{3000}市财政局（截至2025年12月31日）"
        );
    }
}
