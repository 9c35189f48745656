//! The executive summary's prose, generated from the figures alone: the
//! stage, the strongest and weakest dimensions, the biggest movers since the
//! previous period, who falls short of target, and imbalance flags. Every
//! sentence states a number the report shows elsewhere; nothing is invented.
//!
//! One paragraph per topic, in the report's language. Names inside come
//! from user data, so renderers escape these strings like any other.

use super::{ReportContent, change_text, date_text, level_text, percent_text};
use crate::model::Lang;

/// How many names a sentence lists before saying "and N more".
const LISTED: usize = 4;

/// The paragraphs of the executive summary.
pub fn narrative(content: &ReportContent) -> Vec<String> {
    let paragraphs = if content.scope.is_some() {
        [
            department_stage(content),
            department_dimensions(content),
            department_change(content),
            below_target(content),
            imbalance(content),
        ]
    } else {
        [
            government_stage(content),
            dimensions(content),
            movers(content),
            below_target(content),
            imbalance(content),
        ]
    };
    let mut paragraphs: Vec<String> = paragraphs.into_iter().flatten().collect();
    if paragraphs.is_empty() {
        paragraphs.push(content.labels.no_assessment.to_owned());
    }
    paragraphs
}

/// Picks the sentence for the report's language.
fn pick(lang: Lang, en: String, zh: String) -> String {
    match lang {
        Lang::En => en,
        Lang::Zh => zh,
    }
}

/// "a, b and c" / "a、b和c", with "and N more" past [`LISTED`] names.
fn list(lang: Lang, items: &[String]) -> String {
    let shown = &items[..items.len().min(LISTED)];
    let rest = items.len() - shown.len();
    let (sep, and) = match lang {
        Lang::En => (", ", " and "),
        Lang::Zh => ("、", "和"),
    };
    match (shown, rest) {
        ([], _) => String::new(),
        ([only], 0) => only.clone(),
        (_, 0) => {
            let (last, init) = shown
                .split_last()
                .map_or((&shown[0], &shown[..0]), |(l, i)| (l, i));
            format!("{}{and}{last}", init.join(sep))
        }
        (_, rest) => match lang {
            Lang::En => format!("{} and {rest} more", shown.join(sep)),
            Lang::Zh => format!("{}等{}项", shown.join(sep), shown.len() + rest),
        },
    }
}

/// Where the government stands: stage, mean level, workflow and coverage.
fn government_stage(content: &ReportContent) -> Option<String> {
    let summary = &content.summary;
    let lang = content.lang;
    let period = summary.period?;
    let period_zh = date_text(period, Lang::Zh);
    let total = summary.departments.len();
    let Some((stage, mean)) = summary.stage.zip(summary.mean_level) else {
        return Some(pick(
            lang,
            format!("As of {period}, none of the {total} departments has a scored assessment."),
            format!("截至{period_zh}，{total}个部门均无可计分的评估。"),
        ));
    };
    let level = content.levels.get(stage.index());
    let (name, meaning) = level.map_or((String::new(), String::new()), |l| {
        (l.name.clone(), l.summary.clone())
    });
    let coverage = percent_text(Some(summary.coverage));
    // Where the work stands, from each department's latest assessment
    // whatever the basis, so the three counts add up.
    let approved = summary
        .departments
        .iter()
        .filter(|d| d.workflow == Some(crate::model::Status::Approved))
        .count();
    Some(pick(
        lang,
        format!(
            "As of {period}, {} of {total} departments have an assessment. Their mean level is {}, which places the \
             government at stage {}, {name}. {meaning} Of the latest assessments, {approved} are approved, {} submitted \
             and {} in draft or returned; {coverage} of applicable indicators are answered.",
            summary.assessed,
            level_text(Some(mean)),
            stage.get(),
            summary.submitted,
            summary.draft,
        ),
        format!(
            "截至{period_zh}，{total}个部门中有{}个已开展评估，平均等级为{}，整体处于第{}阶段“{name}”。该阶段特征：{meaning}各部门最近一次评估中，\
             已批准{approved}个、已提交{}个、草稿或已退回{}个；适用指标的完成率为{coverage}。",
            summary.assessed,
            level_text(Some(mean)),
            stage.get(),
            summary.submitted,
            summary.draft,
        ),
    ))
}

/// The strongest and weakest dimension across departments, and the spread
/// between departments.
fn dimensions(content: &ReportContent) -> Option<String> {
    let lang = content.lang;
    let (strongest, weakest) = extremes(&content.dimension_overview, |d| d.mean_level)?;
    let ranked: Vec<_> = content
        .ranking
        .iter()
        .filter(|r| r.mean_level.is_some())
        .collect();
    let spread = match (ranked.first(), ranked.last()) {
        (Some(top), Some(bottom)) if ranked.len() > 1 => pick(
            lang,
            format!(
                " Departments range from {} ({}) to {} ({}).",
                bottom.name,
                level_text(bottom.mean_level),
                top.name,
                level_text(top.mean_level)
            ),
            format!(
                "各部门平均等级从{}（{}）到{}（{}）不等。",
                bottom.name,
                level_text(bottom.mean_level),
                top.name,
                level_text(top.mean_level)
            ),
        ),
        _ => String::new(),
    };
    Some(pick(
        lang,
        format!(
            "The strongest dimension is {} (mean level {}); the weakest is {} ({}).{spread}",
            strongest.0.name,
            level_text(Some(strongest.1)),
            weakest.0.name,
            level_text(Some(weakest.1)),
        ),
        format!(
            "表现最好的维度是“{}”（平均等级{}），最薄弱的是“{}”（{}）。{spread}",
            strongest.0.name,
            level_text(Some(strongest.1)),
            weakest.0.name,
            level_text(Some(weakest.1)),
        ),
    ))
}

/// An item with its score.
type Scored<'a, T> = (&'a T, f64);

/// The highest- and the lowest-scoring of `items`, each with its score,
/// when at least two have a score.
fn extremes<T>(items: &[T], score: impl Fn(&T) -> Option<f64>) -> Option<(Scored<'_, T>, Scored<'_, T>)> {
    let scored: Vec<Scored<'_, T>> = items.iter().filter_map(|i| Some((i, score(i)?))).collect();
    if scored.len() < 2 {
        return None;
    }
    let strongest = scored.iter().max_by(|a, b| a.1.total_cmp(&b.1))?;
    let weakest = scored.iter().min_by(|a, b| a.1.total_cmp(&b.1))?;
    Some((*strongest, *weakest))
}

/// The biggest rises and falls since each department's previous
/// assessment, among the departments assessed at the report's period (a
/// carried-over department's change belongs to an earlier interval).
fn movers(content: &ReportContent) -> Option<String> {
    let lang = content.lang;
    let period = content.summary.period?;
    let mut moved: Vec<_> = content
        .progress
        .iter()
        .filter(|p| p.current_period == period)
        .filter_map(|p| Some((p, p.change?)))
        .collect();
    if moved.is_empty() {
        return Some(content.labels.no_progress.to_owned());
    }
    moved.sort_by(|a, b| b.1.total_cmp(&a.1));
    let named = |(p, change): &(&super::ProgressRow, f64)| {
        let mark = if p.provisional { ", provisional" } else { "" };
        format!("{} ({}{mark})", p.name, change_text(Some(*change)))
    };
    let named_zh = |(p, change): &(&super::ProgressRow, f64)| {
        let mark = if p.provisional { "，暂定" } else { "" };
        format!("{}（{}{mark}）", p.name, change_text(Some(*change)))
    };
    let rises: Vec<_> = moved
        .iter()
        .filter(|m| super::round2(m.1) > 0.0)
        .take(3)
        .collect();
    let falls: Vec<_> = moved
        .iter()
        .rev()
        .filter(|m| super::round2(m.1) < 0.0)
        .take(3)
        .collect();
    let average = moved.iter().map(|m| m.1).sum::<f64>() / moved.len() as f64;
    let mut en = format!(
        "Since their previous assessments, the {} departments assessed at this period that can be compared changed by {} on average.",
        moved.len(),
        change_text(Some(average))
    );
    let mut zh = format!(
        "与上一期相比，本期评估且可比较的{}个部门平均等级平均变化{}。",
        moved.len(),
        change_text(Some(average))
    );
    if rises.is_empty() {
        en.push_str(" No department improved.");
        zh.push_str("没有部门取得提升。");
    } else {
        let names: Vec<String> = rises.iter().map(|m| named(m)).collect();
        let names_zh: Vec<String> = rises.iter().map(|m| named_zh(m)).collect();
        en.push_str(&format!(" The biggest gains: {}.", list(Lang::En, &names)));
        zh.push_str(&format!("提升最大的是{}。", list(Lang::Zh, &names_zh)));
    }
    if !falls.is_empty() {
        let names: Vec<String> = falls.iter().map(|m| named(m)).collect();
        let names_zh: Vec<String> = falls.iter().map(|m| named_zh(m)).collect();
        en.push_str(&format!(" Declined: {}.", list(Lang::En, &names)));
        zh.push_str(&format!("出现下降的是{}。", list(Lang::Zh, &names_zh)));
    }
    Some(pick(lang, en, zh))
}

/// Departments short of a dimension target, and the most urgent shortfall.
fn below_target(content: &ReportContent) -> Option<String> {
    let lang = content.lang;
    let assessed: Vec<_> = content
        .heatmap
        .iter()
        .filter(|d| d.mean_level.is_some())
        .collect();
    if assessed.is_empty() {
        return None;
    }
    let short: Vec<_> = assessed.iter().filter(|d| d.below_target).collect();
    let top = content.priorities.first();
    let urgent_en = top.map_or_else(String::new, |p| {
        format!(
            " The most urgent shortfall is {} at {} (level {}, target {}).",
            p.indicator_name,
            p.department_name,
            p.current.get(),
            p.target.get()
        )
    });
    let urgent_zh = top.map_or_else(String::new, |p| {
        format!(
            "最紧迫的差距是{}的“{}”（当前{}级，目标{}级）。",
            p.department_name,
            p.indicator_name,
            p.current.get(),
            p.target.get()
        )
    });
    if content.scope.is_some() {
        let department = assessed.first()?;
        let dims: Vec<String> = department
            .dimensions
            .iter()
            .filter(|d| d.gap.is_some_and(|g| g > 0.0))
            .map(|d| match lang {
                Lang::En => format!("{} (gap {})", d.name, level_text(d.gap)),
                Lang::Zh => format!("“{}”（差距{}）", d.name, level_text(d.gap)),
            })
            .collect();
        return Some(if dims.is_empty() {
            pick(
                lang,
                "It meets every dimension target.".to_owned(),
                "各维度均已达到目标。".to_owned(),
            )
        } else {
            pick(
                lang,
                format!("It falls short of target in {}.{urgent_en}", list(lang, &dims)),
                format!("{}未达到目标。{urgent_zh}", list(lang, &dims)),
            )
        });
    }
    if short.is_empty() {
        return Some(pick(
            lang,
            "Every assessed department meets its dimension targets.".to_owned(),
            "所有已评估部门均达到各维度目标。".to_owned(),
        ));
    }
    Some(pick(
        lang,
        format!(
            "{} of {} assessed departments fall short of at least one dimension target.{urgent_en}",
            short.len(),
            assessed.len()
        ),
        format!(
            "{}个已评估部门中有{}个至少有一个维度未达到目标。{urgent_zh}",
            assessed.len(),
            short.len()
        ),
    ))
}

/// Dimensions more than one level below their department's stage.
fn imbalance(content: &ReportContent) -> Option<String> {
    let lang = content.lang;
    if content.heatmap.iter().all(|d| d.mean_level.is_none()) {
        return None;
    }
    let flags: Vec<String> = content
        .heatmap
        .iter()
        .flat_map(|department| {
            department
                .dimensions
                .iter()
                .filter(|d| d.imbalanced)
                .map(move |d| match lang {
                    Lang::En => format!("{} at {} ({})", d.name, department.name, level_text(d.mean_level)),
                    Lang::Zh => format!(
                        "{}的“{}”（{}）",
                        department.name,
                        d.name,
                        level_text(d.mean_level)
                    ),
                })
        })
        .collect();
    Some(if flags.is_empty() {
        pick(
            lang,
            "No dimension lies more than one level below its department's stage.".to_owned(),
            "没有维度低于所在部门阶段一级以上，发展较为均衡。".to_owned(),
        )
    } else {
        pick(
            lang,
            format!(
                "Imbalance: {} lie more than one level below their department's stage and hold it back.",
                list(lang, &flags)
            ),
            format!(
                "发展失衡：{}低于所在部门阶段一级以上，制约整体提升。",
                list(lang, &flags)
            ),
        )
    })
}

/// A one-department report: where the department stands and its rank.
fn department_stage(content: &ReportContent) -> Option<String> {
    let lang = content.lang;
    let period = content.summary.period?;
    let period_zh = date_text(period, Lang::Zh);
    let (_, name) = content.scope.as_ref()?;
    let figures = content.heatmap.first()?;
    let (Some(stage), Some(mean)) = (figures.stage, figures.mean_level) else {
        return Some(pick(
            lang,
            format!("As of {period}, {name} has no scored assessment."),
            format!("截至{period_zh}，{name}尚无可计分的评估。"),
        ));
    };
    let meaning = content
        .levels
        .get(stage.index())
        .map_or_else(String::new, |l| l.summary.clone());
    let rank = content.ranking.first().and_then(|r| Some((r.rank?, r.of)));
    let rank_en = rank.map_or_else(String::new, |(r, of)| {
        format!(", ranking {r} of {of} departments")
    });
    let rank_zh = rank.map_or_else(String::new, |(r, of)| format!("，在{of}个部门中排名第{r}"));
    let period_of = figures.period.map_or_else(String::new, |p| p.to_string());
    let period_of_zh = figures
        .period
        .map_or_else(String::new, |p| date_text(p, Lang::Zh));
    Some(pick(
        lang,
        format!(
            "As of {period}, {name} stands at mean level {} (assessment of {period_of}, {}){rank_en}: stage {}, {}. \
             {meaning} {} of applicable indicators are answered.",
            level_text(Some(mean)),
            figures.status_label,
            stage.get(),
            figures.stage_name,
            percent_text(figures.coverage),
        ),
        format!(
            "截至{period_zh}，{name}平均等级为{}（{period_of_zh}评估，{}）{rank_zh}，处于第{}阶段“{}”。该阶段特征：{meaning}适用指标完成率为{}。",
            level_text(Some(mean)),
            figures.status_label,
            stage.get(),
            figures.stage_name,
            percent_text(figures.coverage),
        ),
    ))
}

/// A one-department report: its strongest and weakest dimension.
fn department_dimensions(content: &ReportContent) -> Option<String> {
    let lang = content.lang;
    let figures = content.heatmap.first()?;
    let (strongest, weakest) = extremes(&figures.dimensions, |d| d.mean_level)?;
    let floor_en = weakest.0.floor.map_or_else(String::new, |f| {
        format!(
            ", whose weakest indicator, {}, is at level {}",
            weakest.0.floor_indicator.clone().unwrap_or_default(),
            f.get()
        )
    });
    let floor_zh = weakest.0.floor.map_or_else(String::new, |f| {
        format!(
            "，其中最薄弱的指标“{}”为{}级",
            weakest.0.floor_indicator.clone().unwrap_or_default(),
            f.get()
        )
    });
    Some(pick(
        lang,
        format!(
            "Its strongest dimension is {} ({}); the weakest is {} ({}){floor_en}.",
            strongest.0.name,
            level_text(Some(strongest.1)),
            weakest.0.name,
            level_text(Some(weakest.1)),
        ),
        format!(
            "表现最好的维度是“{}”（{}），最薄弱的是“{}”（{}）{floor_zh}。",
            strongest.0.name,
            level_text(Some(strongest.1)),
            weakest.0.name,
            level_text(Some(weakest.1)),
        ),
    ))
}

/// A one-department report: the change since its previous assessment and
/// which dimensions moved most.
fn department_change(content: &ReportContent) -> Option<String> {
    let lang = content.lang;
    let figures = content.heatmap.first()?;
    figures.mean_level?;
    let Some(progress) = content.progress.first() else {
        return Some(pick(
            lang,
            "There is no earlier assessment to compare with.".to_owned(),
            "没有可比较的上期评估。".to_owned(),
        ));
    };
    let mut moved: Vec<_> = figures
        .dimensions
        .iter()
        .filter_map(|d| Some((d, d.change?)))
        .filter(|(_, change)| super::round2(*change) != 0.0)
        .collect();
    moved.sort_by(|a, b| b.1.abs().total_cmp(&a.1.abs()));
    let names: Vec<String> = moved
        .iter()
        .map(|(d, change)| match lang {
            Lang::En => format!("{} ({})", d.name, change_text(Some(*change))),
            Lang::Zh => format!("“{}”（{}）", d.name, change_text(Some(*change))),
        })
        .collect();
    let en_moves = if names.is_empty() {
        " No dimension moved.".to_owned()
    } else {
        format!(" The dimensions that moved most: {}.", list(Lang::En, &names))
    };
    let zh_moves = if names.is_empty() {
        "各维度均无变化。".to_owned()
    } else {
        format!("变化最大的维度：{}。", list(Lang::Zh, &names))
    };
    Some(pick(
        lang,
        format!(
            "Since the previous assessment ({}), its mean level changed by {} (from {} to {}).{en_moves}",
            progress.previous_period,
            change_text(progress.change),
            level_text(progress.previous_level),
            level_text(progress.current_level),
        ),
        format!(
            "与上一期（{}）相比，平均等级变化{}（由{}到{}）。{zh_moves}",
            date_text(progress.previous_period, Lang::Zh),
            change_text(progress.change),
            level_text(progress.previous_level),
            level_text(progress.current_level),
        ),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_read_naturally() {
        let items: Vec<String> = ["a", "b", "c", "d", "e", "f"].map(String::from).to_vec();
        assert_eq!(list(Lang::En, &items[..1]), "a");
        assert_eq!(list(Lang::En, &items[..3]), "a, b and c");
        assert_eq!(list(Lang::En, &items), "a, b, c, d and 2 more");
        assert_eq!(list(Lang::Zh, &items[..2]), "a和b");
        assert_eq!(list(Lang::Zh, &items), "a、b、c、d等6项");
        assert_eq!(list(Lang::En, &[]), "");
    }
}
