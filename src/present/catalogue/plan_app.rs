//! The Plan view's sentences with numbers in them (the app's own block of
//! the catalogue; single words are keys in [`super::T`]).

use crate::model::Lang;

/// A dimension row's badge: "2 open · 1 overdue" / "在办2项 · 逾期1项";
/// `None` when no action is open.
pub fn badge(open: usize, overdue: usize, lang: Lang) -> Option<String> {
    match (open, overdue, lang) {
        (0, _, _) => None,
        (n, 0, Lang::En) => Some(format!("{n} open")),
        (n, 0, Lang::Zh) => Some(format!("在办{n}项")),
        (n, late, Lang::En) => Some(format!("{n} open · {late} overdue")),
        (n, late, Lang::Zh) => Some(format!("在办{n}项 · 逾期{late}项")),
    }
}

/// The same badge in a narrow column: "2" or "2 ⚠1" (the full
/// [`badge`] is its hover text).
pub fn badge_short(open: usize, overdue: usize) -> Option<String> {
    match (open, overdue) {
        (0, _) => None,
        (n, 0) => Some(n.to_string()),
        (n, late) => Some(format!("{n} ⚠{late}")),
    }
}

/// The Overview's line: "Plan: 12 open actions, 3 overdue, 5 gaps without
/// an open action".
pub fn overview_line(open: usize, overdue: usize, uncovered: usize, lang: Lang) -> String {
    match lang {
        Lang::En => format!(
            "Plan: {open} open {}, {overdue} overdue, {uncovered} {} without an open action",
            if open == 1 { "action" } else { "actions" },
            if uncovered == 1 { "gap" } else { "gaps" }
        ),
        Lang::Zh => format!("改进计划：在办措施{open}项，逾期{overdue}项，尚无在办措施的差距{uncovered}项"),
    }
}

/// "Status changed from Planned to Done" line in the history:
/// "2026-01-05 10:30 · Li Wei: Planned → Done".
pub fn history_line(when: &str, who: &str, from: &str, to: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{when} · {who}: {from} → {to}"),
        Lang::Zh => format!("{when} · {who}：{from} → {to}"),
    }
}

/// A progress note: "2026-01-05 · Li Wei: text".
pub fn note_line(when: &str, who: &str, text: &str, lang: Lang) -> String {
    let sep = match lang {
        Lang::En => ": ",
        Lang::Zh => "：",
    };
    if who.is_empty() {
        format!("{when}{sep}{text}")
    } else {
        format!("{when} · {who}{sep}{text}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn badges_and_lines_read_naturally() {
        assert_eq!(badge(0, 0, Lang::En), None);
        assert_eq!(badge(2, 0, Lang::En).as_deref(), Some("2 open"));
        assert_eq!(badge(2, 1, Lang::Zh).as_deref(), Some("在办2项 · 逾期1项"));
        assert_eq!(badge_short(2, 1).as_deref(), Some("2 ⚠1"));
        assert_eq!(badge_short(0, 0), None);
        assert_eq!(
            overview_line(1, 0, 3, Lang::En),
            "Plan: 1 open action, 0 overdue, 3 gaps without an open action"
        );
        assert_eq!(
            overview_line(4, 1, 2, Lang::Zh),
            "改进计划：在办措施4项，逾期1项，尚无在办措施的差距2项"
        );
        assert_eq!(note_line("2026-01-05", "", "ok", Lang::Zh), "2026-01-05：ok");
    }
}
