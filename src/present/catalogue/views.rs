//! Sentences with figures in them that the app's views show (see
//! `present::department`, `present::overview`).

use crate::model::Lang;

use super::T;
use crate::present::format;

/// Whether a department is on target, when it is not: "No: 3 of 6
/// dimensions below target" / "否：设定目标的6个维度中有3个维度未达目标".
pub fn below_target_text(below: usize, with_target: usize, lang: Lang) -> String {
    let no = T::OnTargetNo.get(lang);
    match lang {
        Lang::En if below == with_target => {
            format!("{no}: all {below} dimensions with a target are below it")
        }
        Lang::En => format!(
            "{no}: {below} of {with_target} {}",
            T::DimensionsBelowTarget.get(lang)
        ),
        Lang::Zh if below == with_target => format!("{no}：设定目标的{below}个维度均未达目标"),
        Lang::Zh => format!(
            "{no}：设定目标的{with_target}个维度中有{below}{}",
            T::DimensionsBelowTarget.get(lang)
        ),
    }
}

/// A weight and its share: "Weight 1 · 16.7% of the overall score" /
/// "权重 1 · 占总体得分16.7%".
pub fn weight_share_text(weight: f64, total: f64, of: &str, lang: Lang) -> String {
    let share = if total > 0.0 { weight / total * 100.0 } else { 0.0 };
    let (label, weight, share) = (
        T::Weight.get(lang),
        format::weight(weight),
        format::fixed(share, 1),
    );
    match lang {
        Lang::En => format!("{label} {weight} · {share}% {of}"),
        Lang::Zh => format!("{label} {weight} · {of}{share}%"),
    }
}

// ---- scale: sortable tables and the department picker

/// How many departments a filtered table shows: "Showing 20 of 1,000
/// departments" / "显示 20 / 1000 个部门".
pub fn shown_departments(shown: usize, total: usize, lang: Lang) -> String {
    match lang {
        Lang::En => format!("Showing {} of {} departments", thousands(shown), thousands(total)),
        Lang::Zh => format!("显示 {shown} / {total} 个部门"),
    }
}

/// How many rows a filtered table shows: "Showing 3 of 40 rows" / "显示 3 / 40 行".
pub fn shown_rows(shown: usize, total: usize, lang: Lang) -> String {
    match lang {
        Lang::En => format!("Showing {} of {} rows", thousands(shown), thousands(total)),
        Lang::Zh => format!("显示 {shown} / {total} 行"),
    }
}

/// 1000 as "1,000".
pub(super) fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A projected month: "Mar 2027" / "2027年3月". Projections are shown to the
/// month: a day would claim a precision a straight line cannot give.
pub fn month_text(date: chrono::NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::En => date.format("%b %Y").to_string(),
        Lang::Zh => date.format("%Y年%-m月").to_string(),
    }
}

/// An Export menu item: "PDF (Whole government)" / "PDF（全市政府）", or with
/// the kind first, "Brief · PDF (Whole government)" / "简报 · PDF（全市政府）".
pub fn export_item(kind: Option<&str>, format: &str, scope: &str, lang: Lang) -> String {
    let item = match lang {
        Lang::En => format!("{format} ({scope})"),
        Lang::Zh => format!("{format}（{scope}）"),
    };
    match kind {
        Some(kind) => format!("{kind} · {item}"),
        None => item,
    }
}

// ---- scale: loading

/// Progress of opening a workspace: "Reading the workspace: 3,456 of
/// 12,003 files" / "正在读取工作区：已读取 3456 / 12003 个文件".
pub fn loading_text(read: usize, total: usize, lang: Lang) -> String {
    match lang {
        Lang::En if total == 0 => "Reading the workspace…".to_owned(),
        Lang::En => format!(
            "Reading the workspace: {} of {} files",
            thousands(read),
            thousands(total)
        ),
        Lang::Zh if total == 0 => "正在读取工作区……".to_owned(),
        Lang::Zh => format!("正在读取工作区：已读取 {read} / {total} 个文件"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shown_counts_read_naturally() {
        assert_eq!(
            shown_departments(20, 1000, Lang::En),
            "Showing 20 of 1,000 departments"
        );
        assert_eq!(shown_departments(20, 1000, Lang::Zh), "显示 20 / 1000 个部门");
        assert_eq!(shown_rows(3, 40, Lang::Zh), "显示 3 / 40 行");
    }

    #[test]
    fn below_target_reads_naturally() {
        assert_eq!(
            below_target_text(3, 6, Lang::En),
            "No: 3 of 6 dimensions below target"
        );
        assert_eq!(
            below_target_text(3, 6, Lang::Zh),
            "否：设定目标的6个维度中有3个维度未达目标"
        );
        assert_eq!(
            below_target_text(6, 6, Lang::En),
            "No: all 6 dimensions with a target are below it"
        );
        assert_eq!(
            below_target_text(6, 6, Lang::Zh),
            "否：设定目标的6个维度均未达目标"
        );
        assert_eq!(
            weight_share_text(1.0, 6.0, "of the overall score", Lang::En),
            "Weight 1 · 16.7% of the overall score"
        );
        assert_eq!(
            weight_share_text(1.5, 6.0, "占总体得分", Lang::Zh),
            "权重 1.5 · 占总体得分25.0%"
        );
    }
}
