//! The report document's compositions in both languages: a label with its
//! value, a figure with its tag, a chart's text equivalent. The words come
//! from the catalogue or the report's labels; the numbers arrive already
//! written by `present::format`. Only the joining (punctuation, order) is
//! decided here, once for every format.

use crate::model::Lang;

/// "Coverage: 97%" / "覆盖率：97%".
pub fn labelled(label: &str, value: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{label}: {value}"),
        Lang::Zh => format!("{label}：{value}"),
    }
}

/// A remark in parentheses: "(latest assessment …)" / "（所选评估期…）".
pub fn aside(text: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("({text})"),
        Lang::Zh => format!("（{text}）"),
    }
}

/// A remark after a word: " (on schedule)" / "（按计划）" (the full-width
/// bracket needs no space before it).
pub fn aside_after(text: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!(" ({text})"),
        Lang::Zh => format!("（{text}）"),
    }
}

/// Two sentences, the first without its full stop: "Overdue. The trend …" /
/// "已逾期。按当前趋势……".
pub fn sentences(first: &str, second: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{first}. {second}"),
        Lang::Zh => format!("{first}。{second}"),
    }
}

/// "7 / 12": a count out of a total.
pub fn count_of(count: usize, total: usize) -> String {
    format!("{count} / {total}")
}

/// "2 · Developing": a whole level or stage with its name.
pub fn numbered(digit: &str, name: &str) -> String {
    format!("{digit} · {name}")
}

/// "2 · Developing (mean level 2.41)" / "2 · 发展（平均等级2.41）".
pub fn stage_with_mean(stage: &str, mean_label: &str, mean: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{stage} ({mean_label} {mean})"),
        Lang::Zh => format!("{stage}（{mean_label}{mean}）"),
    }
}

/// "Mean level 2.41": a short label and its figure on one line.
pub fn figure_line(label: &str, value: &str) -> String {
    format!("{label} {value}")
}

/// "Level 3 — what level 3 looks like" / "等级3：……": the next step of a
/// priority (no space between Chinese and the digit).
pub fn next_step(level_prefix: &str, digit: &str, rubric: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{level_prefix}{digit} — {rubric}"),
        Lang::Zh => format!("{}{digit}：{rubric}", level_prefix.trim_end()),
    }
}

/// "Level 3": a rubric column heading.
pub fn level_heading(level_prefix: &str, digit: &str) -> String {
    format!("{level_prefix}{digit}")
}

/// "Data sharing (weight 1.5)" / "数据共享（权重1.5）".
pub fn with_weight(name: &str, weight_label: &str, weight: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{name} ({weight_label} {weight})"),
        Lang::Zh => format!("{name}（{weight_label}{weight}）"),
    }
}

/// "D3": a dimension's short column heading in a wide table.
pub fn dimension_key(position: usize) -> String {
    format!("D{position}")
}

/// "D1 Strategy · D2 Services": the key to [`dimension_key`] headings.
pub fn dimension_keys(names: &[String]) -> String {
    names
        .iter()
        .enumerate()
        .map(|(i, name)| format!("{} {name}", dimension_key(i + 1)))
        .collect::<Vec<_>>()
        .join(" · ")
}

/// "⚠ provisional": a note that must not be missed.
pub fn warning(text: &str) -> String {
    format!("⚠ {text}")
}

/// "Current 2025-12-31" / "本期（2025年12月31日）": a radar series.
pub fn dated(label: &str, date: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{label} {date}"),
        Lang::Zh => format!("{label}（{date}）"),
    }
}

/// "police/2025-12-31.ron:4:7": where a problem is.
pub fn place(file: &str, line: usize, column: usize) -> String {
    if line > 0 {
        format!("{file}:{line}:{column}")
    } else {
        file.to_owned()
    }
}

/// Items of a chart's text equivalent joined: ", " / "，".
pub fn items(parts: &[String], lang: Lang) -> String {
    parts.join(match lang {
        Lang::En => ", ",
        Lang::Zh => "，",
    })
}

/// Groups of a chart's text equivalent joined: "; " / "；".
pub fn groups(parts: &[String], lang: Lang) -> String {
    parts.join(match lang {
        Lang::En => "; ",
        Lang::Zh => "；",
    })
}

/// "Police 2.75": a named figure in a chart's text equivalent.
pub fn named_value(name: &str, value: &str) -> String {
    format!("{name} {value}")
}

/// "2025-06-30 2.41 (1.80–3.10)": a period's mean and range.
pub fn value_with_range(name: &str, value: &str, low: &str, high: &str) -> String {
    format!("{name} {value} ({low}–{high})")
}

/// "Mean level per dimension. Police: Strategy 2.75, …": a chart's text
/// equivalent, its lead and then its figures.
pub fn alt(lead: &str, body: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{lead}. {body}"),
        Lang::Zh => format!("{lead}。{body}"),
    }
}

/// "… and 12 more" / "……另有12项": under a table cut short.
pub fn more_rows(count: usize, lang: Lang) -> String {
    match lang {
        Lang::En => format!("… and {count} more"),
        Lang::Zh => format!("……另有{count}项"),
    }
}

/// "Page 3 of 40" / "第3页，共40页": a PDF page's footer.
pub fn page_of(page: usize, pages: usize, lang: Lang) -> String {
    match lang {
        Lang::En => format!("Page {page} of {pages}"),
        Lang::Zh => format!("第{page}页，共{pages}页"),
    }
}

// ---- reports: full

/// "… and 12 more, listed in the annex" / "……另有12项，详见附件": under a
/// table whose complete form is in the annex.
pub fn more_in_annex(count: usize, lang: Lang) -> String {
    match lang {
        Lang::En => format!("… and {count} more, listed in the annex"),
        Lang::Zh => format!("……另有{count}项，详见附件"),
    }
}

/// "… and 12 more, on each department's page in the annex": under the
/// priorities, whose complete list is the departments' pages (or, with
/// `split`, the departments' own files).
pub fn more_on_pages(count: usize, split: bool, lang: Lang) -> String {
    match (lang, split) {
        (Lang::En, false) => format!("… and {count} more, on each department's page in the annex"),
        (Lang::En, true) => format!("… and {count} more, in each department's own report"),
        (Lang::Zh, false) => format!("……另有 {count} 项，详见附件中各部门评估详情"),
        (Lang::Zh, true) => format!("……另有 {count} 项，详见各部门单独成文的评估详情"),
    }
}

/// "Annex 2. Ranking of all departments" / "附件2　各部门排名".
pub fn annex_title(number: usize, title: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("Annex {number}. {title}"),
        Lang::Zh => format!("附件{number}　{title}"),
    }
}

/// A range of ranks: "3–812", or "5" when both ends are the same.
pub fn rank_range(best: usize, worst: usize) -> String {
    if best == worst {
        best.to_string()
    } else {
        format!("{best}–{worst}")
    }
}

/// "3 of 1000" / "第3名（共1000个部门）"; joint ranks say so.
pub fn rank_among(rank: usize, of: usize, tied: bool, lang: Lang) -> String {
    match (lang, tied) {
        (Lang::En, false) => format!("{rank} of {of}"),
        (Lang::En, true) => format!("joint {rank} of {of}"),
        (Lang::Zh, false) => format!("第{rank}名（共{of}个部门）"),
        (Lang::Zh, true) => format!("并列第{rank}名（共{of}个部门）"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compositions_use_each_languages_punctuation() {
        assert_eq!(labelled("Coverage", "97%", Lang::En), "Coverage: 97%");
        assert_eq!(labelled("覆盖率", "97%", Lang::Zh), "覆盖率：97%");
        assert_eq!(
            stage_with_mean("2 · 发展", "平均等级", "2.41", Lang::Zh),
            "2 · 发展（平均等级2.41）"
        );
        assert_eq!(dimension_keys(&["A".to_owned(), "B".to_owned()]), "D1 A · D2 B");
        assert_eq!(place("a.ron", 0, 0), "a.ron");
        assert_eq!(place("a.ron", 4, 7), "a.ron:4:7");
        assert_eq!(
            alt("各维度平均等级", "甲 2.00", Lang::Zh),
            "各维度平均等级。甲 2.00"
        );
    }
}
