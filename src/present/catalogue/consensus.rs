//! The sentences about several assessors, in English and Simplified
//! Chinese: how far they agree in a department and across the government,
//! and how each assessor is named. Figures come already written by
//! [`crate::present::format`].

use crate::model::{Lang, Role};

use super::T;

/// "Assessors agree within one level on 18 of 24 indicators (75%)." /
/// "评估人在 24 项指标中的 18 项上相差不超过一级（75%）。"
pub fn agree_within_one(within: usize, compared: usize, percent: &str, lang: Lang) -> String {
    match lang {
        Lang::En => {
            let noun = if compared == 1 { "indicator" } else { "indicators" };
            format!("Assessors agree within one level on {within} of {compared} {noun} ({percent}).")
        }
        Lang::Zh => format!("评估人在 {compared} 项指标中的 {within} 项上相差不超过一级（{percent}）。"),
    }
}

/// When no indicator has levels from two assessors.
pub fn nothing_compared(lang: Lang) -> String {
    match lang {
        Lang::En => {
            "No indicator has a level from two or more assessors yet, so there is nothing to compare."
                .to_owned()
        }
        Lang::Zh => "尚无指标获得两位及以上评估人的评级，暂无可比较的内容。".to_owned(),
    }
}

/// "Mean spread 0.83 levels; 3 indicators are 2 levels or more apart." /
/// "平均分歧幅度 0.83 级；3 项指标相差 2 级及以上。"
pub fn spread_line(mean: &str, marked: usize, lang: Lang) -> String {
    match (lang, marked) {
        (Lang::En, 0) => format!("Mean spread {mean} levels; no indicator is 2 levels or more apart."),
        (Lang::En, 1) => format!("Mean spread {mean} levels; 1 indicator is 2 levels or more apart."),
        (Lang::En, n) => format!("Mean spread {mean} levels; {n} indicators are 2 levels or more apart."),
        (Lang::Zh, 0) => format!("平均分歧幅度 {mean} 级；没有指标相差 2 级及以上。"),
        (Lang::Zh, n) => format!("平均分歧幅度 {mean} 级；{n} 项指标相差 2 级及以上。"),
    }
}

/// Under a list cut short: "4 more indicators differ by one level." /
/// "另有 4 项指标相差一级。"
pub fn more_disagreements(more: usize, lang: Lang) -> String {
    match (lang, more) {
        (Lang::En, 1) => "1 more indicator differs by one level.".to_owned(),
        (Lang::En, n) => format!("{n} more indicators differ by one level."),
        (Lang::Zh, n) => format!("另有 {n} 项指标相差一级。"),
    }
}

/// "In 3 departments with several assessors, assessors agree within one
/// level on 52 of 72 indicators (72%)." / "在 3 个有多位评估人的部门中，
/// 评估人在 72 项指标中的 52 项上相差不超过一级（72%）。"
pub fn rollup_line(departments: usize, within: usize, compared: usize, percent: &str, lang: Lang) -> String {
    match lang {
        Lang::En => {
            let place = if departments == 1 {
                "In 1 department with several assessors".to_owned()
            } else {
                format!("In {departments} departments with several assessors")
            };
            let noun = if compared == 1 { "indicator" } else { "indicators" };
            format!("{place}, assessors agree within one level on {within} of {compared} {noun} ({percent}).")
        }
        Lang::Zh => format!(
            "在 {departments} 个有多位评估人的部门中，评估人在 {compared} 项指标中的 {within} 项上相差不超过一级（{percent}）。"
        ),
    }
}

/// Two whole sentences in a row: a space between them in English, none
/// in Chinese.
pub fn then(first: &str, second: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{first} {second}"),
        Lang::Zh => format!("{first}{second}"),
    }
}

/// The role in words: "self-assessment" / "自评".
pub fn role(role: Role, lang: Lang) -> &'static str {
    match role {
        Role::SelfAssessment => T::RoleSelfAssessment,
        Role::Reviewer => T::RoleReviewer,
        Role::External => T::RoleExternal,
    }
    .get(lang)
}

/// "Self-assessment: Wang Fang" / "自评：Wang Fang".
pub fn assessor(name: &str, role: Role, lang: Lang) -> String {
    super::document::labelled(self::role(role, lang), name, lang)
}

/// Assessors one after the other: "Self-assessment: Wang Fang; Reviewer:
/// Li Wei" / "自评：Wang Fang；审核人：Li Wei".
pub fn assessors(assessors: &[String], lang: Lang) -> String {
    super::document::groups(assessors, lang)
}

/// An assessor's name short enough for a column header: without what
/// follows it in brackets ("Sun Hui (Digital Government Office)" → "Sun
/// Hui"), at most 24 characters.
pub fn short_name(name: &str) -> String {
    let cut = [" (", "（", "("]
        .iter()
        .filter_map(|bracket| name.find(bracket))
        .min()
        .filter(|&at| at > 0)
        .map_or(name, |at| &name[..at]);
    crate::present::format::clip(cut.trim(), 24)
}

/// Each assessor's level: "Wang Fang 2, Chen Jie 4" / "Wang Fang 2、Chen Jie 4";
/// `–` for one who gave none.
pub fn levels(levels: &[(String, String)], lang: Lang) -> String {
    let parts: Vec<String> = levels
        .iter()
        .map(|(name, level)| format!("{name} {level}"))
        .collect();
    parts.join(match lang {
        Lang::En => ", ",
        Lang::Zh => "、",
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_read_in_both_languages() {
        assert_eq!(
            agree_within_one(18, 24, "75%", Lang::En),
            "Assessors agree within one level on 18 of 24 indicators (75%)."
        );
        assert_eq!(
            agree_within_one(18, 24, "75%", Lang::Zh),
            "评估人在 24 项指标中的 18 项上相差不超过一级（75%）。"
        );
        assert_eq!(
            spread_line("0.83", 1, Lang::En),
            "Mean spread 0.83 levels; 1 indicator is 2 levels or more apart."
        );
        assert_eq!(
            rollup_line(1, 3, 4, "75%", Lang::En),
            "In 1 department with several assessors, assessors agree within one level on 3 of 4 indicators (75%)."
        );
        assert_eq!(assessor("王芳", Role::External, Lang::Zh), "外部评估人：王芳");
        assert_eq!(
            assessors(
                &[
                    assessor("A", Role::SelfAssessment, Lang::En),
                    assessor("B", Role::Reviewer, Lang::En)
                ],
                Lang::En
            ),
            "Self-assessment: A; Reviewer: B"
        );
        assert_eq!(
            short_name("Sun Hui 孙慧 (Digital Government Office)"),
            "Sun Hui 孙慧"
        );
        assert_eq!(short_name("孙慧（数字政府办）"), "孙慧");
        assert_eq!(short_name("(x)"), "(x)");
        assert_eq!(
            levels(&[("A".into(), "2".into()), ("B".into(), "–".into())], Lang::Zh),
            "A 2、B –"
        );
    }
}
