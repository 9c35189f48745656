//! The catalogue speaks both languages, and nothing else in `src/` speaks
//! Chinese: every key has English and Chinese text, the Chinese is Chinese
//! with full-width punctuation, the English has no Chinese in it, and no
//! Rust file outside the catalogue (and the built-in framework and sample
//! generator, which are data) holds a Chinese string literal.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::{T, report};
use crate::model::Lang;

/// A Chinese character or a full-width or CJK punctuation mark.
fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3400}'..='\u{4dbf}'   // CJK extension A
        | '\u{4e00}'..='\u{9fff}' // CJK unified ideographs
        | '\u{f900}'..='\u{faff}' // compatibility ideographs
        | '\u{3000}'..='\u{303f}' // CJK symbols and punctuation: 、。「」
        | '\u{ff00}'..='\u{ffef}' // full-width forms: ，：；（）？
    )
}

/// A Chinese character (not punctuation).
fn is_hanzi(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{f900}'..='\u{faff}')
}

/// Half-width punctuation that Chinese text writes full-width.
const HALF_WIDTH: [char; 6] = [',', ':', ';', '(', ')', '?'];

/// The half-width marks in `text` that stand next to Chinese, as
/// "…context…" snippets; empty when the text is clean.
fn half_width_next_to_chinese(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    (0..chars.len())
        .filter(|&i| HALF_WIDTH.contains(&chars[i]))
        .filter(|&i| {
            let before = i.checked_sub(1).and_then(|j| chars.get(j));
            let after = chars.get(i + 1);
            before.is_some_and(|&c| is_cjk(c)) || after.is_some_and(|&c| is_cjk(c))
        })
        .map(|i| {
            chars[i.saturating_sub(3)..(i + 4).min(chars.len())]
                .iter()
                .collect()
        })
        .collect()
}

/// Keys whose Chinese text is the same as the English on purpose.
const UNIVERSAL: [T; 2] = [T::Left, T::Right];

#[test]
fn every_key_exists_in_both_languages() {
    for key in T::ALL {
        for lang in Lang::ALL {
            assert!(!key.get(lang).trim().is_empty(), "{key:?} has no {lang:?} text");
        }
    }
}

#[test]
fn chinese_entries_are_chinese_with_full_width_punctuation() {
    let mut bad = Vec::new();
    for key in T::ALL {
        let zh = key.get(Lang::Zh);
        if !UNIVERSAL.contains(key) && !zh.chars().any(is_hanzi) {
            bad.push(format!("{key:?} is not translated: {zh}"));
        }
        let marks = half_width_next_to_chinese(zh);
        if !marks.is_empty() {
            bad.push(format!(
                "{key:?} has half-width punctuation in Chinese: {marks:?}"
            ));
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn english_entries_have_no_chinese() {
    let bad: Vec<String> = T::ALL
        .iter()
        .filter(|key| key.get(Lang::En).chars().any(is_cjk))
        .map(|key| format!("{key:?}: {}", key.get(Lang::En)))
        .collect();
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn one_term_per_concept() {
    // The terms every output shares (issue 9): literal, so a change to the
    // catalogue that splits a term again fails here.
    let zh = |key: T| key.get(Lang::Zh);
    assert_eq!(zh(T::Coverage), "覆盖率");
    assert_eq!(zh(T::Priority), "优先级");
    assert_eq!(zh(T::Floor), "最低等级");
    assert_eq!(zh(T::Imbalanced), "发展不均衡");
    assert_eq!(zh(T::Level), "等级");
    assert_eq!(zh(T::MeanLevel), "平均等级");
    assert_eq!(zh(T::Provisional), "暂定");
    assert_eq!(zh(T::CarriedOver), "沿用往期");
    assert_eq!(zh(T::Current), "本期");
    assert_eq!(zh(T::Previous), "上期");
    assert_eq!(zh(T::Basis), "数据口径");
    // No entry uses the words the terms replaced.
    let retired = [
        "完成率",
        "优先度",
        "最低项",
        "失衡",
        "低于目标",
        "级别",
        "水平",
        "上一期",
        "统计口径",
    ];
    for key in T::ALL {
        for word in retired {
            assert!(!zh(*key).contains(word), "{key:?} says {word}: {}", zh(*key));
        }
    }
}

#[test]
fn report_sentences_are_clean_in_both_languages() {
    let day = NaiveDate::from_ymd_opt(2025, 12, 31).unwrap_or_default();
    let names = ["市财政局".to_owned(), "市民政局".to_owned()];
    for lang in Lang::ALL {
        let sentences = [
            report::government_unscored(day, 12, lang),
            report::government_stage(
                &report::GovernmentStage {
                    period: day,
                    total: 12,
                    assessed: 11,
                    mean_level: "2.63",
                    stage: 2,
                    stage_name: "起步",
                    meaning: "有规划。",
                    approved: 7,
                    submitted: 3,
                    draft: 1,
                    coverage: "97%",
                },
                lang,
            ),
            report::departments_range("甲（1.80）", "乙（3.20）", lang),
            report::dimension_extremes("数据", "3.10", "安全", "1.90", "", lang),
            report::mover("市财政局", "+0.34", true, lang),
            report::movers_average(5, "+0.12", lang),
            report::biggest_gains(Some(&report::list(&names, lang)), lang),
            report::biggest_gains(None, lang),
            report::declined("市财政局（−0.25）", lang),
            report::most_urgent("数据开放", "市财政局", 2, 4, lang),
            report::dimension_gap("数据", "0.50", lang),
            report::department_below_target("", 0, 6, "", lang),
            report::department_below_target("“数据”（差距0.50）", 1, 6, "", lang),
            report::departments_below_target(0, 12, "", lang),
            report::departments_below_target(3, 12, "", lang),
            report::imbalanced_dimension("数据", "市财政局", "1.50", lang),
            report::imbalance("", lang),
            report::imbalance("市财政局的“数据”（1.50）", lang),
            report::department_unscored(day, "市财政局", lang),
            report::department_stage(
                &report::DepartmentStage {
                    period: day,
                    name: "市财政局",
                    mean_level: "2.63",
                    assessed_on: Some(day),
                    status: "已批准",
                    rank: Some((2, 12, false)),
                    stage: 2,
                    stage_name: "起步",
                    meaning: "有规划。",
                    coverage: "97%",
                },
                lang,
            ),
            report::weakest_indicator("数据开放", 2, lang),
            report::department_extremes("数据", "3.10", "安全", "1.90", "", lang),
            report::no_earlier_assessment(lang),
            report::dimensions_moved("", lang),
            report::department_change(day, "+0.25", "2.38", "2.63", "", lang),
            report::carried_over_from(Some(day), lang),
            report::latest_unreadable(Some(Path::new("police/2025-12-31.ron")), lang),
            report::newer_not_counted("草稿", day, lang),
            report::at_period_line(11, 1, lang),
            report::pending_line(2, lang),
            report::unreadable_line("市财政局", None, lang),
            report::stage_line(2, "起步", "2.41", lang),
        ];
        for sentence in sentences {
            match lang {
                Lang::Zh => {
                    let marks = half_width_next_to_chinese(&sentence);
                    assert!(marks.is_empty(), "{sentence}: {marks:?}");
                }
                Lang::En => {
                    let own: String = sentence.chars().filter(|&c| !is_cjk(c)).collect();
                    assert!(own.contains(|c: char| c.is_ascii_alphanumeric()), "{sentence}");
                }
            }
        }
    }
}

#[test]
fn report_sentences_read_as_before() {
    let day = NaiveDate::from_ymd_opt(2025, 6, 30).unwrap_or_default();
    assert_eq!(
        report::department_change(
            day,
            "+0.25",
            "2.38",
            "2.63",
            &report::dimensions_moved("", Lang::Zh),
            Lang::Zh
        ),
        "与上期（2025年6月30日）相比，总体等级由2.38变为2.63，提升0.25。各维度均无变化。"
    );
    assert_eq!(
        report::department_change(
            day,
            "−0.50",
            "3.00",
            "2.50",
            &report::dimensions_moved("", Lang::En),
            Lang::En
        ),
        "Since the previous assessment (2025-06-30), its mean level changed by −0.50 (from 3.00 to 2.50). No dimension moved."
    );
    assert_eq!(
        report::imbalance("市财政局的“数据”（1.50）", Lang::Zh),
        "部分部门发展不均衡，市财政局的“数据”（1.50）比所在部门所处阶段低一级以上，制约了整体提升。"
    );
    assert_eq!(
        report::newer_not_counted("Draft", day, Lang::En),
        "newer assessment not yet approved, not counted (Draft, 2025-06-30)"
    );
}

// ---- no Chinese literal outside the catalogue ---------------------------

/// Files and folders under `src/` that may hold Chinese literals: the
/// catalogue, and the built-in framework and sample generator (data).
const ALLOWED: [&str; 4] = [
    "src/present/catalogue/",
    "src/generate/",
    "src/store/builtin.rs",
    // Data, not words: the pinyin of each Chinese character.
    "src/present/pinyin_table.rs",
];

/// Every `.rs` file under `dir`, sorted.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return files;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files.sort();
    files
}

/// A string or char literal: the line it starts on and its text.
struct Literal {
    line: usize,
    start: usize,
    text: String,
}

/// The string and char literals of Rust source `src`, and the source with
/// comments and literals blanked out (newlines kept), for finding items.
fn literals(src: &str) -> (Vec<Literal>, Vec<char>) {
    let chars: Vec<char> = src.chars().collect();
    let mut code = chars.clone();
    let mut found = Vec::new();
    let (mut i, mut line) = (0, 1);
    let blank = |code: &mut Vec<char>, from: usize, to: usize| {
        for c in &mut code[from..to.min(chars.len())] {
            if *c != '\n' {
                *c = ' ';
            }
        }
    };
    let lines_in = |from: usize, to: usize| {
        chars[from..to.min(chars.len())]
            .iter()
            .filter(|&&c| c == '\n')
            .count()
    };
    let ident = |c: char| c.is_alphanumeric() || c == '_';
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        let start = i;
        if c == '\n' {
            line += 1;
            i += 1;
        } else if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
            blank(&mut code, start, i);
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                    depth += 1;
                    i += 2;
                } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
            blank(&mut code, start, i);
            line += lines_in(start, i);
        } else if let Some((raw, hashes, body)) = (start == 0 || !ident(chars[start - 1]))
            .then(|| prefixed_string(&chars, i))
            .flatten()
        {
            let mut j = body;
            if raw {
                while j < chars.len()
                    && !(chars[j] == '"'
                        && chars[j + 1..].iter().take(hashes).filter(|&&h| h == '#').count() == hashes)
                {
                    j += 1;
                }
            } else {
                while j < chars.len() && chars[j] != '"' {
                    j += if chars[j] == '\\' { 2 } else { 1 };
                }
            }
            let end = (j + 1 + hashes).min(chars.len());
            found.push(Literal {
                line,
                start,
                text: chars[body..j.min(chars.len())].iter().collect(),
            });
            blank(&mut code, start, end);
            line += lines_in(start, end);
            i = end;
        } else if c == '"' {
            let mut j = i + 1;
            while j < chars.len() && chars[j] != '"' {
                j += if chars[j] == '\\' { 2 } else { 1 };
            }
            let end = (j + 1).min(chars.len());
            found.push(Literal {
                line,
                start,
                text: chars[i + 1..j.min(chars.len())].iter().collect(),
            });
            blank(&mut code, start, end);
            line += lines_in(start, end);
            i = end;
        } else if c == '\'' {
            // A char literal ('x', '\n', '\u{4e00}') or a lifetime ('a).
            let end = if next == Some('\\') {
                let mut j = i + 3;
                while j < chars.len() && chars[j] != '\'' {
                    j += 1;
                }
                Some(j + 1)
            } else if chars.get(i + 2) == Some(&'\'') {
                Some(i + 3)
            } else {
                None
            };
            if let Some(end) = end {
                found.push(Literal {
                    line,
                    start,
                    text: chars[i + 1..end.saturating_sub(1).min(chars.len())]
                        .iter()
                        .collect(),
                });
                blank(&mut code, start, end);
                i = end;
            } else {
                i += 1;
            }
        } else {
            i += 1;
        }
    }
    (found, code)
}

/// At a `b"…"`, `r"…"`, `r#"…"#` or `br"…"` starting at `i`: whether it
/// is raw, its number of `#`, and where its text starts.
fn prefixed_string(chars: &[char], i: usize) -> Option<(bool, usize, usize)> {
    let mut j = i;
    let byte = chars.get(j) == Some(&'b');
    if byte {
        j += 1;
    }
    let raw = chars.get(j) == Some(&'r');
    if raw {
        j += 1;
    }
    if !byte && !raw {
        return None;
    }
    let hashes = chars[j..].iter().take_while(|&&h| h == '#').count();
    j += hashes;
    (chars.get(j) == Some(&'"') && (raw || hashes == 0)).then_some((raw, hashes, j + 1))
}

/// The character ranges of the items marked `#[cfg(test)]` in `code`
/// (comments and literals blanked): from the attribute to the `;` that
/// ends a `mod x;` or the brace that closes a `mod x { … }`.
fn test_items(code: &[char]) -> Vec<(usize, usize)> {
    let attribute: Vec<char> = "#[cfg(test)]".chars().collect();
    let mut ranges = Vec::new();
    let mut i = 0;
    while i + attribute.len() <= code.len() {
        if code[i..i + attribute.len()] != attribute[..] {
            i += 1;
            continue;
        }
        let mut j = i + attribute.len();
        let mut depth = 0usize;
        while j < code.len() {
            match code[j] {
                ';' if depth == 0 => break,
                '{' => depth += 1,
                '}' => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        break;
                    }
                }
                _ => {}
            }
            j += 1;
        }
        ranges.push((i, j + 1));
        i = j + 1;
    }
    ranges
}

/// "file:line: literal" for every Chinese literal outside test items in
/// the files under `src/` that `include` accepts.
fn chinese_literals(include: impl Fn(&str) -> bool) -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut found = Vec::new();
    for path in rust_files(&root.join("src")) {
        let relative = path
            .strip_prefix(root)
            .map_or_else(|_| path.display().to_string(), |p| p.display().to_string())
            .replace('\\', "/");
        if ALLOWED.iter().any(|allowed| relative.starts_with(allowed)) || !include(&relative) {
            continue;
        }
        let Ok(src) = std::fs::read_to_string(&path) else {
            found.push(format!("{relative}: could not be read"));
            continue;
        };
        let (literals, code) = literals(&src);
        let tests = test_items(&code);
        for literal in literals {
            let in_test = tests
                .iter()
                .any(|&(from, to)| (from..to).contains(&literal.start));
            if !in_test && literal.text.chars().any(is_cjk) {
                found.push(format!("{relative}:{}: \"{}\"", literal.line, literal.text));
            }
        }
    }
    found
}

#[test]
fn the_scanner_finds_literals_and_skips_comments_and_tests() {
    let src = "// \"注释\"\n/// \"文档\"\nfn a() -> &'static str { r#\"原始\"# }\nconst B: &str = \"中文\";\nconst C: char = '中';\nconst D: &str = \"a\\\"b\"; const Q: char = '\\''; const R: &str = \"汉\";\n#[cfg(test)]\nmod tests;\nconst E: &str = \"英\";\n#[cfg(test)]\nmod tests {\n    const F: &str = \"测试\";\n}\n";
    let (found, code) = literals(src);
    let tests = test_items(&code);
    let chinese: Vec<(usize, String)> = found
        .iter()
        .filter(|l| !tests.iter().any(|&(from, to)| (from..to).contains(&l.start)))
        .filter(|l| l.text.chars().any(is_cjk))
        .map(|l| (l.line, l.text.clone()))
        .collect();
    assert_eq!(
        chinese,
        [
            (3, "原始".to_owned()),
            (4, "中文".to_owned()),
            (5, "中".to_owned()),
            (6, "汉".to_owned()),
            (9, "英".to_owned())
        ]
    );
}

#[test]
fn no_cjk_literals_in_the_catalogue_owners_files() {
    // The files this area moved into the catalogue stay clean.
    let mine = [
        "src/model/assessment.rs",
        "src/model/workspace.rs",
        "src/analysis/summary.rs",
        "src/analysis/findings.rs",
        "src/present/report.rs",
        "src/present/report/",
        "src/present/format.rs",
    ];
    let found = chinese_literals(|file| mine.iter().any(|m| file.starts_with(m)));
    assert!(
        found.is_empty(),
        "Chinese literals outside the catalogue:\n{}",
        found.join("\n")
    );
}

#[test]
fn no_cjk_literals_outside_the_catalogue() {
    let found = chinese_literals(|_| true);
    assert!(
        found.is_empty(),
        "{} Chinese literals outside the catalogue (move them into present::catalogue):\n{}",
        found.len(),
        found.join("\n")
    );
}
