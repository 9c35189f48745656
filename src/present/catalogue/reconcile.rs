//! The words of the app's consensus screen and of merging an assessment
//! changed on disk by someone else, in English and Simplified Chinese.

use crate::model::merge::HeaderField;
use crate::model::{Answer, Lang, Rating};

use super::T;
use crate::present::format;

/// One side of a merge conflict about an answer, in a line: "Level 3 ·
/// evidence: Policy adopted in 2024 …" / "等级 3 · 佐证材料：……";
/// "N/A: not a service" / "不适用：……"; "–" when there is none.
pub fn answer_brief(answer: Option<&Answer>, lang: Lang) -> String {
    let Some(answer) = answer else {
        return format::MISSING.to_owned();
    };
    let rating = match &answer.rating {
        Rating::Level(level) => format!("{} {}", T::Level.get(lang), format::level_digit(*level)),
        Rating::NotApplicable { reason } => match lang {
            Lang::En => format!("{}: {}", T::NotApplicable.get(lang), format::clip(reason, 60)),
            Lang::Zh => format!("{}：{}", T::NotApplicable.get(lang), format::clip(reason, 40)),
        },
        Rating::Unanswered => T::Unanswered.get(lang).to_owned(),
    };
    if answer.evidence.trim().is_empty() {
        return rating;
    }
    let evidence = format::one_line(&answer.evidence);
    match lang {
        Lang::En => format!("{rating} · evidence: {}", format::clip(&evidence, 80)),
        Lang::Zh => format!("{rating} · 佐证材料：{}", format::clip(&evidence, 50)),
    }
}

/// A header field's name.
pub fn header_field(field: HeaderField, lang: Lang) -> &'static str {
    match field {
        HeaderField::Status => T::Status,
        HeaderField::Assessor => T::Assessor,
        HeaderField::Reviewer => T::Reviewer,
        HeaderField::ReviewComment => T::ReviewComment,
    }
    .get(lang)
}

/// "Consensus note on indicator X" where a conflict is about a note.
pub fn note_of(indicator: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{} ({indicator})", T::ConsensusNote.get(lang)),
        Lang::Zh => format!("{}（{indicator}）", T::ConsensusNote.get(lang)),
    }
}

/// "Response of Wang Fang" / "王芳的答卷".
pub fn response_of(assessor: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("Response of {assessor}"),
        Lang::Zh => format!("{assessor}的答卷"),
    }
}

/// One side of a conflict about a response: "self-assessment, 24 levels" /
/// "自评，24 项评级".
pub fn response_brief(role: crate::model::Role, levels: usize, lang: Lang) -> String {
    let role = super::consensus::role(role, lang);
    match (lang, levels) {
        (Lang::En, 1) => format!("{role}, 1 level"),
        (Lang::En, n) => format!("{role}, {n} levels"),
        (Lang::Zh, n) => format!("{role}，{n} 项评级"),
    }
}

/// What the other person changed that merges in without overlap: "Their
/// changes kept: Legal basis, Data sharing and 2 more." / "保留对方的修改：
/// 法规依据、数据共享等 4 项。"; `None` when they changed nothing else.
pub fn theirs_kept(names: &[String], lang: Lang) -> Option<String> {
    const SHOWN: usize = 3;
    if names.is_empty() {
        return None;
    }
    let shown = &names[..names.len().min(SHOWN)];
    let more = names.len() - shown.len();
    Some(match lang {
        Lang::En if more > 0 => format!("Their changes kept: {} and {more} more.", shown.join(", ")),
        Lang::En => format!("Their changes kept: {}.", shown.join(", ")),
        Lang::Zh if more > 0 => format!("保留对方的修改：{}等 {} 项。", shown.join("、"), names.len()),
        Lang::Zh => format!("保留对方的修改：{}。", shown.join("、")),
    })
}

/// "3 changes were made on both sides: choose whose to keep." /
/// "双方均修改了 3 处，请逐项选择保留哪一方。"
pub fn both_changed(count: usize, lang: Lang) -> String {
    match (lang, count) {
        (Lang::En, 1) => "1 thing was changed on both sides: choose whose to keep.".to_owned(),
        (Lang::En, n) => format!("{n} things were changed on both sides: choose whose to keep."),
        (Lang::Zh, n) => format!("双方均修改了 {n} 处，请逐项选择保留哪一方。"),
    }
}

/// The proposal for the agreed level: "Proposed: 3 (median; unanimous)" /
/// "建议：3（中位数；意见一致）".
pub fn proposed(level: &str, unanimous: bool, lang: Lang) -> String {
    match (lang, unanimous) {
        (Lang::En, true) => format!("Proposed: {level} (all assessors agree)"),
        (Lang::En, false) => format!("Proposed: {level} (the median of the assessors' levels)"),
        (Lang::Zh, true) => format!("建议：{level}（各评估人意见一致）"),
        (Lang::Zh, false) => format!("建议：{level}（各评估人评级的中位数）"),
    }
}

/// The consensus screen's button: "Consensus (3 assessors)" / "意见议定（3 位评估人）".
pub fn consensus_button(assessors: usize, lang: Lang) -> String {
    match (lang, assessors) {
        (Lang::En, 1) => "Consensus (1 assessor)".to_owned(),
        (Lang::En, n) => format!("Consensus ({n} assessors)"),
        (Lang::Zh, n) => format!("意见议定（{n} 位评估人）"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_cut_after_three_and_say_how_many_more() {
        let names: Vec<String> = ["A", "B", "C", "D", "E"]
            .iter()
            .map(|s| (*s).to_owned())
            .collect();
        assert_eq!(
            theirs_kept(&names, Lang::En).unwrap(),
            "Their changes kept: A, B, C and 2 more."
        );
        assert_eq!(
            theirs_kept(&names, Lang::Zh).unwrap(),
            "保留对方的修改：A、B、C等 5 项。"
        );
        assert_eq!(theirs_kept(&[], Lang::En), None);
    }
}
