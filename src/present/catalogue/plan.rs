//! The words of improvement plans: an action's status, a target's state,
//! what a finished action did, and the lists and counts that name them.
//! Numbers and dates are written by [`crate::present::format`] before they
//! get here.

use super::T;
use crate::analysis::{Effect, TargetState};
use crate::model::{ActionStatus, Lang};

/// The key of an action's status.
pub const fn status_key(status: ActionStatus) -> T {
    match status {
        ActionStatus::Planned => T::PlanStatusPlanned,
        ActionStatus::InProgress => T::PlanStatusInProgress,
        ActionStatus::Done => T::PlanStatusDone,
        ActionStatus::Dropped => T::PlanStatusDropped,
    }
}

/// An action's status: "In progress" / "进行中".
pub const fn status(status: ActionStatus, lang: Lang) -> &'static str {
    status_key(status).get(lang)
}

/// The key of a target's state.
pub const fn target_state_key(state: TargetState) -> T {
    match state {
        TargetState::Reached => T::PlanTargetReached,
        TargetState::OnTrack => T::PlanTargetOnTrack,
        TargetState::AtRisk => T::PlanTargetAtRisk,
        TargetState::OffTrack => T::PlanTargetOffTrack,
        TargetState::Overdue => T::PlanTargetOverdue,
        TargetState::Unknown => T::PlanTargetUnknown,
    }
}

/// A target's state: "At risk" / "有风险".
pub const fn target_state(state: TargetState, lang: Lang) -> &'static str {
    target_state_key(state).get(lang)
}

/// What a finished action did to one indicator: "rose 2 → 3" / "由2级升至3级",
/// "unchanged at 2 (flagged)" / "仍为2级（未见提升）", "not yet reassessed" /
/// "尚未重新评估"; "–" for an action not done.
pub fn effect(effect: Effect, lang: Lang) -> String {
    match (effect, lang) {
        (Effect::Rose { before, after }, Lang::En) => format!("rose {before} → {after}"),
        (Effect::Rose { before, after }, Lang::Zh) => format!("由{before}级升至{after}级"),
        (Effect::Fell { before, after }, Lang::En) => format!("fell {before} → {after}"),
        (Effect::Fell { before, after }, Lang::Zh) => format!("由{before}级降至{after}级"),
        (Effect::Unchanged { level }, Lang::En) => format!("unchanged at {level} (flagged)"),
        (Effect::Unchanged { level }, Lang::Zh) => format!("仍为{level}级（未见提升）"),
        (Effect::NotYetReassessed, _) => T::PlanEffectNotYetReassessed.get(lang).to_owned(),
        (Effect::NoEarlierAnswer, _) => T::PlanEffectNoEarlierAnswer.get(lang).to_owned(),
        (Effect::NotDone, _) => crate::present::format::MISSING.to_owned(),
    }
}

/// How many indicator–department pairs had each effect, in the order given
/// (rose, unchanged, fell, not yet reassessed, no earlier answer); kinds
/// with none, and "not done", are left out: "2 rose, 1 unchanged (flagged)"
/// / "2项提升，1项未见提升".
pub fn effect_counts(counts: &[(Effect, usize)], lang: Lang) -> String {
    let parts: Vec<String> = counts
        .iter()
        .filter(|(_, n)| *n > 0)
        .filter_map(|(effect, n)| {
            let word = match effect {
                Effect::Rose { .. } => T::PlanEffectRoseCount,
                Effect::Unchanged { .. } => T::PlanEffectUnchangedCount,
                Effect::Fell { .. } => T::PlanEffectFellCount,
                Effect::NotYetReassessed => T::PlanEffectNotYetReassessed,
                Effect::NoEarlierAnswer => T::PlanEffectNoEarlierAnswer,
                Effect::NotDone => return None,
            }
            .get(lang);
            Some(match lang {
                Lang::En => format!("{n} {word}"),
                Lang::Zh => format!("{n}项{word}"),
            })
        })
        .collect();
    match lang {
        Lang::En => parts.join(", "),
        Lang::Zh => parts.join("，"),
    }
}

/// A list of names: "A, B" / "A、B".
pub fn names(names: &[String], lang: Lang) -> String {
    match lang {
        Lang::En => names.join(", "),
        Lang::Zh => names.join("、"),
    }
}

/// A dimension addressed as a whole: "Data sharing (all indicators)" /
/// "数据共享（全部指标）".
pub fn whole_dimension(name: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{name} ({})", T::PlanAllIndicators.get(lang)),
        Lang::Zh => format!("{name}（{}）", T::PlanAllIndicators.get(lang)),
    }
}

/// Who answers for an action: "Data Division · Li Wei", either alone, or
/// "–" when neither is recorded.
pub fn owner(unit: &str, person: &str) -> String {
    match (unit.trim(), person.trim()) {
        ("", "") => crate::present::format::MISSING.to_owned(),
        (unit, "") => unit.to_owned(),
        ("", person) => person.to_owned(),
        (unit, person) => format!("{unit} · {person}"),
    }
}

/// A department count in running text: "3 departments" / "3个部门".
pub fn department_count(count: usize, lang: Lang) -> String {
    match lang {
        Lang::En if count == 1 => format!("{count} {}", T::PlanDepartmentOne.get(lang)),
        Lang::En => format!("{count} {}", T::DepartmentCount.get(lang)),
        Lang::Zh => format!("{count}{}", T::DepartmentCount.get(lang)),
    }
}

/// `govmaturity plan --department ID` with an id the workspace lacks.
pub fn unknown_department(id: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!(
            "there is no department \"{id}\" in this workspace; run `govmaturity summary` to see the department ids"
        ),
        Lang::Zh => format!("本工作区没有编号为“{id}”的部门；请运行 `govmaturity summary` 查看部门编号"),
    }
}

/// `govmaturity plan --status STATUS` with a word that is not a status.
pub fn unknown_status(word: &str, lang: Lang) -> String {
    let codes: Vec<&str> = ActionStatus::ALL.iter().map(|s| s.code()).collect();
    match lang {
        Lang::En => format!("unknown status \"{word}\"; use one of {}", codes.join(", ")),
        Lang::Zh => format!("未知状态“{word}”；请使用 {} 之一", codes.join("、")),
    }
}

/// The plan's title line: "Sample City — today 2025-12-31" /
/// "示例市 — 今日：2025年12月31日".
pub fn title_line(workspace: &str, today: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{workspace} — {} {today}", T::PlanToday.get(lang).to_lowercase()),
        Lang::Zh => format!("{workspace} — {}：{today}", T::PlanToday.get(lang)),
    }
}

/// Counts on one line: "Open: 5 · Overdue: 2" / "未完成：5 · 已逾期：2".
pub fn counts_line<'a>(lines: impl IntoIterator<Item = (&'a str, &'a str)>, lang: Lang) -> String {
    lines
        .into_iter()
        .map(|(label, value)| super::document::labelled(label, value, lang))
        .collect::<Vec<_>>()
        .join(" · ")
}
