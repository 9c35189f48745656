//! One voice: every headline figure, ranking position, dimension score,
//! priority and term is the same on the Overview (read from the kittest
//! harness), in the HTML report, the PDF's text, the XLSX cells, the CSV and
//! the JSON summary, for the sample and for a generated workspace.
//!
//! The expectations are made here from the analysis's raw figures with the
//! rounding rule written out once more (two decimals, halves away from zero;
//! shared ranks for figures equal as shown) and the terms are literal, so
//! an output that formats a number or names a term on its own fails.

use crate::common;

use std::path::Path;

use calamine::{Data, Reader, Xlsx};
use egui_kittest::kittest::Queryable;
use govmaturity::analysis::{self, Basis, Summary};
use govmaturity::app::GovApp;
use govmaturity::app::state::Tab;
use govmaturity::model::{Dataset, Lang};
use govmaturity::report::{self, Format, ReportOptions};
use govmaturity::store::LoadedWorkspace;

/// The rule, written out: two decimals, halves away from zero.
fn two(value: f64) -> String {
    let rounded = (value * 100.0).round() / 100.0;
    format!("{:.2}", if rounded == 0.0 { 0.0 } else { rounded })
}

fn percent(value: f64) -> String {
    format!("{}%", (value * 100.0).round())
}

/// What every output must show.
struct Expected {
    overall: String,
    coverage: String,
    /// (rank, department name, mean level), best first.
    ranking: Vec<(String, String, String)>,
    /// (department name, per dimension its name and mean level or "–").
    dimensions: Vec<(String, Vec<(String, String)>)>,
    /// (department name, indicator or dimension name, priority), most urgent first.
    priorities: Vec<(String, String, String)>,
    /// Column headings every table-bearing output uses.
    terms: Vec<&'static str>,
}

fn expected(data: &Dataset, summary: &Summary, lang: Lang) -> Expected {
    let name = |id: &str| {
        data.workspace
            .department(id)
            .map_or(id.to_owned(), |d| d.name.get(lang).to_owned())
    };
    let mut ranked: Vec<(f64, String, String)> = summary
        .departments
        .iter()
        .filter_map(|row| {
            let level = row.current.as_ref()?.mean_level?;
            Some((level, row.department.clone(), name(&row.department)))
        })
        .collect();
    // Best first; equal shown levels by name, as the spec says.
    ranked.sort_by(|a, b| two(b.0).cmp(&two(a.0)).then_with(|| a.2.cmp(&b.2)));
    let mut ranking = Vec::new();
    let mut previous: Option<(String, usize)> = None;
    for (i, (level, _, name)) in ranked.iter().enumerate() {
        let shown = two(*level);
        let rank = match &previous {
            Some((last, rank)) if *last == shown => *rank,
            _ => i + 1,
        };
        previous = Some((shown.clone(), rank));
        ranking.push((rank.to_string(), name.clone(), shown));
    }
    let dimensions = summary
        .departments
        .iter()
        .filter_map(|row| {
            let current = row.current.as_ref()?;
            let levels = data
                .framework
                .dimensions
                .iter()
                .map(|d| {
                    let level = current
                        .dimensions
                        .iter()
                        .find(|s| s.dimension == d.id)
                        .and_then(|s| s.mean_level)
                        .map_or("–".to_owned(), two);
                    (d.name.get(lang).to_owned(), level)
                })
                .collect();
            Some((name(&row.department), levels))
        })
        .collect();
    // The order DESIGN.md gives: priority, then the bigger gap, the heavier
    // weight, the shortfall shared by more departments, then ids.
    let mut priorities = analysis::priorities(data, summary);
    let affected = |p: &analysis::Priority| {
        priorities
            .iter()
            .filter(|q| q.indicator == p.indicator && q.dimension == p.dimension)
            .count()
    };
    let mut keyed: Vec<(usize, analysis::Priority)> =
        priorities.iter().map(|p| (affected(p), p.clone())).collect();
    keyed.sort_by(|(ca, a), (cb, b)| {
        b.priority
            .total_cmp(&a.priority)
            .then(b.gap.total_cmp(&a.gap))
            .then(b.weight.total_cmp(&a.weight))
            .then(cb.cmp(ca))
            .then_with(|| a.department.cmp(&b.department))
            .then_with(|| a.dimension.cmp(&b.dimension))
            .then_with(|| a.indicator.cmp(&b.indicator))
    });
    priorities = keyed.into_iter().map(|(_, p)| p).collect();
    let priorities = priorities
        .iter()
        .take(10)
        .map(|p| {
            let what = match &p.indicator {
                Some(id) => data
                    .framework
                    .indicator(id)
                    .map_or(id.clone(), |(_, i)| i.name.get(lang).to_owned()),
                None => data
                    .framework
                    .dimension(&p.dimension)
                    .map_or(p.dimension.clone(), |d| d.name.get(lang).to_owned()),
            };
            (name(&p.department), what, two(p.priority))
        })
        .collect();
    let terms = match lang {
        Lang::En => vec!["Coverage", "Priority", "Rank", "Stage"],
        Lang::Zh => vec!["覆盖率", "优先级", "名次", "阶段"],
    };
    Expected {
        overall: summary.mean_level.map_or("–".to_owned(), two),
        coverage: percent(summary.coverage),
        ranking,
        dimensions,
        priorities,
        terms,
    }
}

/// Whether some row holds `cells` in this order (each a cell that equals
/// it, or for names, contains it followed by a tag such as "(provisional)").
fn has_row(rows: &[Vec<String>], cells: &[&str]) -> bool {
    rows.iter().any(|row| in_order(row, cells))
}

fn in_order(row: &[String], cells: &[&str]) -> bool {
    let mut at = 0;
    for want in cells {
        let found = (at..row.len()).find_map(|start| Some((start, spans(&row[start..], want)?)));
        match found {
            Some((start, taken)) => at = start + taken,
            None => return false,
        }
    }
    true
}

/// How many cells from the start of `cells` spell `want`: one that matches
/// it, or a name a PDF table wrapped over up to four consecutive runs.
fn spans(cells: &[String], want: &str) -> Option<usize> {
    if cells.first().is_some_and(|cell| cell_matches(cell, want)) {
        return Some(1);
    }
    let mut joined = String::new();
    for (i, cell) in cells.iter().take(4).enumerate() {
        let cell = cell.trim();
        if !joined.is_empty() && !cell.starts_with(|c: char| !c.is_ascii()) {
            joined.push(' ');
        }
        joined.push_str(cell);
        if i > 0 && cell_matches(&joined, want) {
            return Some(i + 1);
        }
        if !want.starts_with(joined.as_str()) {
            return None;
        }
    }
    None
}

fn cell_matches(cell: &str, want: &str) -> bool {
    let cell = cell.trim();
    if cell == want {
        return true;
    }
    // A name with a tag after it: "Health Commission (provisional)".
    want.chars().any(char::is_alphabetic)
        && cell
            .strip_prefix(want)
            .is_some_and(|rest| rest.starts_with([' ', '(', '（']))
}

fn check(format: &str, rows: &[Vec<String>], expect: &Expected, what: &[&str]) {
    let text: Vec<&str> = rows.iter().flatten().map(String::as_str).collect();
    if what.contains(&"terms") {
        for term in &expect.terms {
            assert!(
                text.iter().any(|t| t.trim() == *term),
                "{format}: the term {term:?} is a heading"
            );
        }
    }
    if what.contains(&"overall") {
        assert!(
            text.iter().any(|t| t.contains(&expect.overall)),
            "{format}: overall {}",
            expect.overall
        );
    }
    if what.contains(&"ranking") {
        for (rank, name, level) in &expect.ranking {
            assert!(
                has_row(rows, &[rank, name, level]),
                "{format}: ranking row {rank} · {name} · {level}"
            );
        }
    }
    if what.contains(&"dimensions") {
        for (name, levels) in &expect.dimensions {
            assert!(
                dimension_row(rows, name, levels) || dimension_section(rows, name, levels),
                "{format}: dimension scores of {name}: {levels:?}"
            );
        }
    }
    if what.contains(&"priorities") {
        let mut last = 0;
        for (i, (name, what, priority)) in expect.priorities.iter().enumerate() {
            let found = rows
                .iter()
                .enumerate()
                .skip(last)
                .find(|(_, row)| in_order(row, &[name, what, priority]));
            let Some((at, _)) = found else {
                panic!(
                    "{format}: priority {} ({name} · {what} · {priority}) in order",
                    i + 1
                )
            };
            last = at + 1;
        }
    }
}

/// The department's scores on one row, in framework order (a heatmap table).
fn dimension_row(rows: &[Vec<String>], name: &str, levels: &[(String, String)]) -> bool {
    let mut cells = vec![name];
    cells.extend(levels.iter().map(|(_, level)| level.as_str()));
    has_row(rows, &cells)
}

/// Or its section: after a row naming the department, a row per dimension
/// with the dimension's name and level, in framework order, before the
/// next department's section.
fn dimension_section(rows: &[Vec<String>], name: &str, levels: &[(String, String)]) -> bool {
    rows.iter().enumerate().any(|(start, row)| {
        if !(row.len() == 1 && cell_matches(&row[0], name)) {
            return false;
        }
        let mut at = start + 1;
        levels.iter().all(|(dimension, level)| {
            let found = rows
                .iter()
                .enumerate()
                .skip(at)
                .take(800)
                .find(|(_, r)| in_order(r, &[dimension, level]));
            found.is_some_and(|(i, _)| {
                at = i + 1;
                true
            })
        })
    })
}

// ---- reading each output ------------------------------------------------

fn options(format: Format, lang: Lang) -> ReportOptions {
    ReportOptions {
        kind: Default::default(),
        style: Default::default(),
        split: false,
        format,
        period: None,
        department: None,
        basis: Basis::Latest,
        lang,
        generated: chrono::NaiveDate::from_ymd_opt(2026, 1, 15).unwrap(),
    }
}

/// The HTML's table rows and headings, in document order; a heading (and
/// any other element's text) is a one-cell row.
fn html_rows(loaded: &LoadedWorkspace, lang: Lang) -> Vec<Vec<String>> {
    let bytes = report::render(loaded, &options(Format::Html, lang)).unwrap();
    let html = String::from_utf8(bytes).unwrap();
    let body = html.split_once("<body").map_or(html.as_str(), |(_, b)| b);
    let mut rows = Vec::new();
    let mut rest = body;
    while let Some(at) = rest.find('<') {
        rest = &rest[at..];
        if rest.starts_with("<tr") {
            let end = rest.find("</tr>").unwrap_or(rest.len());
            let row = &rest[..end];
            let cells: Vec<String> = row
                .split("<t")
                .skip(1)
                .filter(|c| c.starts_with('d') || c.starts_with('h'))
                .map(|c| unescape(&strip_tags(c.split_once('>').map_or("", |(_, rest)| rest))))
                .collect();
            rows.push(cells);
            rest = &rest[end..];
        } else if rest.starts_with("<svg") {
            let end = rest.find("</svg>").unwrap_or(rest.len());
            rest = &rest[end..];
        } else {
            let end = rest.find('>').map_or(rest.len(), |e| e + 1);
            rest = &rest[end..];
            let text = rest.split('<').next().unwrap_or("");
            let text = unescape(&strip_tags(text));
            if !text.is_empty() {
                rows.push(vec![text]);
            }
        }
    }
    rows
}

fn strip_tags(text: &str) -> String {
    let mut out = String::new();
    let mut inside = false;
    for c in text.chars() {
        match c {
            '<' => {
                inside = true;
                out.push(' ');
            }
            '>' => inside = false,
            c if !inside => out.push(c),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
        .replace(['\u{2068}', '\u{2069}'], "")
}

fn xlsx_rows(loaded: &LoadedWorkspace, lang: Lang) -> Vec<Vec<String>> {
    let bytes = report::render(loaded, &options(Format::Xlsx, lang)).unwrap();
    let mut book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
    let mut rows = Vec::new();
    for name in book.sheet_names() {
        let range = book.worksheet_range(&name).unwrap();
        // A stored number is read twice: whole numbers as counts and ranks
        // ("6"), and every number as a level at two decimals ("4.00"); the
        // sheet's number format shows it the second way.
        for row in range.rows() {
            for whole in [true, false] {
                rows.push(
                    row.iter()
                        .map(|cell| match cell {
                            Data::Float(v) if whole && v.fract() == 0.0 && v.abs() < 1e6 => {
                                format!("{v}")
                            }
                            Data::Float(v) => two(*v),
                            Data::Int(v) => v.to_string(),
                            other => other.to_string(),
                        })
                        .collect(),
                );
            }
        }
    }
    rows
}

/// The PDF's text runs in drawing order, each a one-cell row followed by
/// the run of up to 12 consecutive runs it starts (a table row is drawn as
/// consecutive runs).
fn pdf_rows(loaded: &LoadedWorkspace, lang: Lang) -> Vec<Vec<String>> {
    let bytes = report::render(loaded, &options(Format::Pdf, lang)).unwrap();
    let text = crate::report_pdf::text_of(bytes);
    let lines: Vec<String> = text.lines().map(str::to_owned).collect();
    let mut rows = Vec::new();
    for start in 0..lines.len() {
        rows.push(vec![lines[start].clone()]);
        rows.push(lines[start..(start + 12).min(lines.len())].to_vec());
    }
    rows
}

fn csv_rows(text: &str) -> Vec<Vec<String>> {
    text.trim_start_matches('\u{feff}')
        .lines()
        .map(|line| line.split(',').map(|f| f.trim_matches('"').to_owned()).collect())
        .collect()
}

// ---- the checks -----------------------------------------------------------

fn all_formats_agree(dir: &Path) {
    let loaded = govmaturity::store::load(dir).unwrap();
    for lang in [Lang::En, Lang::Zh] {
        let summary = analysis::summarize_on(&loaded.data, None, Basis::Latest);
        let expect = expected(&loaded.data, &summary, lang);
        assert!(!expect.ranking.is_empty());
        let everything = ["terms", "overall", "ranking", "dimensions", "priorities"];
        check(
            &format!("HTML {lang:?}"),
            &html_rows(&loaded, lang),
            &expect,
            &everything,
        );
        check(
            &format!("PDF {lang:?}"),
            &pdf_rows(&loaded, lang),
            &expect,
            &everything,
        );
        check(
            &format!("XLSX {lang:?}"),
            &xlsx_rows(&loaded, lang),
            &expect,
            &everything,
        );
        overview_agrees(dir, lang, &expect);
    }
    // The data formats: ISO dates and full precision that rounds to the same figures.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_govmaturity"))
        .args(["summary", "--format", "json", "--basis", "latest"])
        .arg(dir)
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let summary = analysis::summarize_on(&loaded.data, None, Basis::Latest);
    let en = expected(&loaded.data, &summary, Lang::En);
    for department in json["departments"].as_array().unwrap() {
        let Some(overall) = department["overall"].as_f64() else {
            continue;
        };
        let name = department["name"].as_str().unwrap();
        assert!(
            en.ranking
                .iter()
                .any(|(_, n, level)| n == name && *level == two(overall)),
            "JSON: {name} {overall} rounds as the ranking shows it"
        );
    }
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_govmaturity"))
        .args(["summary", "--format", "csv", "--basis", "latest"])
        .arg(dir)
        .output()
        .unwrap();
    let rows = csv_rows(&String::from_utf8(out.stdout).unwrap());
    check("CSV", &rows, &en, &["dimensions"]);
}

/// The Overview, read from the accessibility tree the harness exposes: the
/// overall figure and coverage are shown, and each ranking row's rank, name
/// and level sit on one line of the ranking table.
fn overview_agrees(dir: &Path, lang: Lang, expect: &Expected) {
    // Tall enough that every ranking row is laid out (tables only lay out
    // the rows in view).
    let workspace = dir.to_path_buf();
    let mut harness = egui_kittest::Harness::builder()
        .with_size(egui::vec2(1600.0, 8000.0))
        .with_max_steps(64)
        .with_theme(egui::Theme::Light)
        .build_eframe(move |cc| GovApp::for_tests(&cc.egui_ctx, Some(&workspace)));
    harness.state_mut().prefs.lang = lang;
    harness.state_mut().prefs.basis = Basis::Latest;
    harness.state_mut().prefs.tab = Tab::Overview;
    harness.run();
    let format = format!("Overview {lang:?}");
    assert!(
        harness.query_by_label(&expect.overall).is_some(),
        "{format}: overall {}",
        expect.overall
    );
    assert!(
        harness.query_by_label(&expect.coverage).is_some(),
        "{format}: coverage {}",
        expect.coverage
    );
    harness
        .state_mut()
        .state
        .views
        .as_table
        .insert("overview.ranking");
    harness.run();
    // The table lays out only the rows in its view: check those, scroll
    // it on from the last row found, and check again.
    let mut unseen: Vec<&(String, String, String)> = expect.ranking.iter().collect();
    for _ in 0..expect.ranking.len() {
        let mut last_found = None;
        unseen.retain(|(rank, name, level)| {
            let row = harness
                .query_all_by_label_contains(name)
                .map(|n| n.rect().center().y)
                .find(|y| {
                    let on_row = |label: &str| {
                        harness
                            .query_all_by_label(label)
                            .any(|n| (n.rect().center().y - y).abs() < 4.0)
                    };
                    on_row(rank) && on_row(level)
                });
            if let Some(y) = row {
                last_found = Some((name.clone(), y));
            }
            row.is_none()
        });
        let Some(at) = last_found.filter(|_| !unseen.is_empty()) else {
            break;
        };
        // Centre the last row found in the table's view: the rows after
        // it come into view.
        if let Some(node) = harness
            .query_all_by_label_contains(&at.0)
            .find(|n| (n.rect().center().y - at.1).abs() < 1.0)
        {
            node.scroll_to_me();
        }
        harness.run();
    }
    if let Some((rank, name, level)) = unseen.first() {
        panic!("{format}: ranking row {rank} · {name} · {level}");
    }
}

#[test]
fn the_sample_reads_the_same_in_every_format() {
    all_formats_agree(&common::sample_dir());
}

#[test]
fn a_generated_workspace_reads_the_same_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_govmaturity"))
        .args(["generate", "--departments", "30", "--periods", "3", "--seed", "9"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    all_formats_agree(dir.path());
}
