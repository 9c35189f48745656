//! The HTML report: one self-contained file with inline CSS and inline SVG
//! charts, no scripts and no external requests, that prints well on A4
//! (a cover page, then a page per department).
//!
//! Everything comes from [`ReportContent`]; this module only lays it out.
//! Every string that did not come from this file goes through [`escape`]
//! (and user names through [`bdi`], which also isolates right-to-left
//! marks), so a department called `<script>` is shown, never run.
//!
//! Fonts: the CSS names the bundled Noto Sans SC first and then the usual
//! Chinese system fonts. The font file itself is not embedded: it is 3 MB
//! (4 MB as base64) for a report of a few hundred kilobytes, and a subset
//! that browsers accept would need a web-font subsetter we do not carry.
//! Every machine that opens the report has one of the listed fonts or a
//! system CJK fallback; the PDF is the format that carries its own font.

use std::fmt::Write as _;

use super::ReportError;
use super::content::{
    AnswerRow, DepartmentSection, ReportContent, change_text, date_text, level_text, notes_text,
    percent_text, round2,
};
use super::svg::{self, RadarSeries};
use crate::charts::{Rgb, level_colour, series_colour, text_colour_on};
use crate::model::{Lang, Level};

/// Escapes text for HTML and XML, in content and in quoted attributes alike:
/// `&`, `<`, `>`, `"` and `'` become entities, and control characters other
/// than tab, line feed and carriage return (which HTML forbids) become U+FFFD.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if c.is_control() => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

/// User text, escaped and isolated in `<bdi>` so its direction marks stay inside.
pub fn bdi(text: &str) -> String {
    format!("<bdi>{}</bdi>", escape(text))
}

/// Renders the HTML report.
pub fn render(content: &ReportContent) -> Result<Vec<u8>, ReportError> {
    let mut page = Page::new(content);
    page.head();
    page.cover();
    page.executive_summary();
    if content.scope.is_none() {
        page.heatmap();
        page.ranking();
    }
    page.priorities();
    if content.scope.is_none() {
        // A one-department report shows its change in its dimension table and radar.
        page.progress();
    }
    for section in &content.sections {
        page.department(section);
    }
    page.appendix();
    page.approval();
    page.out.push_str("</body>\n</html>\n");
    Ok(page.out.into_bytes())
}

/// The document being written.
struct Page<'a> {
    content: &'a ReportContent,
    out: String,
}

/// The stylesheet: a sober look for print (A4, page breaks) and screen.
const CSS: &str = r#"
@page { size: A4; margin: 16mm 15mm 18mm 15mm; }
:root { --ink: #1a1a1a; --muted: #595959; --rule: #d0d5dc; --accent: #1f3a5f; --zebra: #f3f5f8; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: 'Noto Sans SC','Noto Sans CJK SC','Microsoft YaHei','PingFang SC',sans-serif;
       color: var(--ink); font-size: 10.5pt; line-height: 1.55; margin: 0 auto; max-width: 200mm; padding: 0 6mm; }
h1, h2, h3, h4 { color: var(--accent); line-height: 1.25; break-after: avoid; page-break-after: avoid; }
h2 { font-size: 17pt; border-bottom: 2px solid var(--accent); padding-bottom: 3pt; margin: 18pt 0 10pt; }
h3 { font-size: 12.5pt; margin: 14pt 0 6pt; }
h4 { font-size: 11pt; margin: 10pt 0 4pt; }
p { margin: 0 0 7pt; }
.note { color: var(--muted); font-size: 9pt; }
section.page { break-before: page; page-break-before: always; }
.cover { min-height: 250mm; display: flex; flex-direction: column; padding-top: 28mm; break-after: page; page-break-after: always; }
.cover .band { height: 9mm; background: var(--accent); margin-bottom: 16mm; }
.cover .workspace { font-size: 13pt; color: var(--muted); margin: 0 0 4pt; }
.cover h1 { font-size: 27pt; margin: 0 0 6pt; }
.cover .scope { font-size: 15pt; margin: 0 0 18mm; }
.cover dl { display: grid; grid-template-columns: max-content 1fr; gap: 6pt 16pt; font-size: 12pt; margin: 0 0 14mm; }
.cover dt { color: var(--muted); }
.cover dd { margin: 0; font-weight: 600; }
.cover .toc { margin-top: auto; border-top: 1px solid var(--rule); padding-top: 8pt; font-size: 10pt; }
.cover .toc ol { columns: 2; margin: 4pt 0 0; padding-left: 16pt; }
.cover .toc a { color: var(--ink); text-decoration: none; }
.figures { display: grid; grid-template-columns: repeat(4, 1fr); gap: 8pt; margin: 6pt 0 12pt; }
.figure { border: 1px solid var(--rule); border-top: 3px solid var(--accent); padding: 6pt 8pt; }
.figure .value { font-size: 17pt; font-weight: 700; display: block; }
.figure .what { color: var(--muted); font-size: 9pt; }
.narrative p { text-align: left; }
table { border-collapse: collapse; width: 100%; margin: 4pt 0 12pt; font-size: 9.5pt; }
thead { display: table-header-group; }
th { background: var(--accent); color: #fff; text-align: left; font-weight: 600; padding: 4pt 6pt; }
td { padding: 4pt 6pt; border-bottom: 1px solid var(--rule); vertical-align: top; }
tbody tr:nth-child(even) td { background: var(--zebra); }
tr { break-inside: avoid; page-break-inside: avoid; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num { white-space: nowrap; }
table.compact { font-size: 8.5pt; }
table.compact th, table.compact td { padding: 3pt 4pt; }
table.compact td.name { min-width: 6.5em; }
td.name { overflow-wrap: anywhere; }
.chip { display: inline-block; min-width: 2.4em; padding: 0 5pt; border-radius: 3pt; font-weight: 700;
        text-align: center; font-variant-numeric: tabular-nums; border: 1px solid rgba(0,0,0,.25); }
.chip.none { background: #d9d9d9; color: #1a1a1a; }
.flag { display: inline-block; font-size: 8.5pt; padding: 0 4pt; border: 1px solid #d55e00; color: #a04000; border-radius: 3pt; }
.flag.prov { border-style: dashed; }
.chip.prov { outline: 1.5px dashed #1a1a1a; outline-offset: 1.5px; }
.cover .basis div { font-weight: 400; }
.cover .basis div:first-child { font-weight: 600; }
ul.notes { font-size: 9pt; margin: 0 0 10pt; padding-left: 14pt; }
.up { color: #0072b2; font-weight: 600; } .down { color: #b34700; font-weight: 600; }
figure { margin: 6pt 0 12pt; break-inside: avoid; page-break-inside: avoid; }
figure svg { display: block; margin: 0 auto; width: 100%; height: auto; }
figure.narrow svg { width: 62%; }
figure.medium svg { width: 80%; }
figcaption { color: var(--muted); font-size: 9pt; margin-top: 3pt; }
.two { display: grid; grid-template-columns: 1fr 1fr; gap: 12pt; align-items: start; }
.meta { display: grid; grid-template-columns: max-content 1fr max-content 1fr; gap: 2pt 10pt; font-size: 9.5pt; margin-bottom: 8pt; }
.meta dt { color: var(--muted); } .meta dd { margin: 0; overflow-wrap: anywhere; }
.answer { border: 1px solid var(--rule); border-left: 4px solid var(--accent); padding: 5pt 8pt; margin: 0 0 6pt;
          break-inside: avoid; page-break-inside: avoid; font-size: 9.5pt; }
.answer .head { display: flex; gap: 8pt; align-items: baseline; }
.answer .head .title { font-weight: 700; flex: 1; overflow-wrap: anywhere; }
.answer .rubric { color: var(--muted); margin: 2pt 0; }
.answer .label { color: var(--muted); }
.answer ul { margin: 0; padding-left: 14pt; }
.answer .links li { overflow-wrap: anywhere; }
.rubric-table td:first-child { width: 24%; }
.problems td.error { color: #a04000; font-weight: 700; }
.approval-block { display: grid; grid-template-columns: max-content 1fr; gap: 18pt 14pt; margin-top: 14pt; font-size: 11pt; }
.approval-block .line { border-bottom: 1px solid var(--ink); min-height: 18pt; }
.legend { font-size: 9pt; color: var(--muted); }
.nowrap { white-space: nowrap; }
@media screen { body { padding-bottom: 20mm; } section.page { border-top: 1px dashed var(--rule); margin-top: 16mm; } }
"#;

impl<'a> Page<'a> {
    fn new(content: &'a ReportContent) -> Self {
        Page {
            content,
            out: String::with_capacity(256 * 1024),
        }
    }

    fn push(&mut self, text: &str) {
        self.out.push_str(text);
    }

    /// `<!DOCTYPE>`, `<html lang>`, `<head>` with the stylesheet, `<body>`.
    fn head(&mut self) {
        let c = self.content;
        let lang = match c.lang {
            Lang::En => "en",
            Lang::Zh => "zh-CN",
        };
        let title = match &c.scope {
            Some((_, name)) => format!("{} — {name}", c.report_title()),
            None => format!("{} — {}", c.report_title(), c.title.get(c.lang)),
        };
        let _ = write!(
            self.out,
            "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <meta name=\"generator\" content=\"govmaturity\">\n<title>{}</title>\n<style>{CSS}</style>\n</head>\n<body>\n",
            svg::isolate(&title)
        );
    }

    /// A heading with an anchor.
    fn h2(&mut self, id: &str, title: &str) {
        let _ = writeln!(self.out, "<h2 id=\"{}\">{}</h2>", escape(id), escape(title));
    }

    /// The cover: workspace, title, scope, period, date, stage, contents.
    fn cover(&mut self) {
        let c = self.content;
        let l = c.labels;
        let names = user_names(c);
        let scope = match &c.scope {
            Some((_, name)) => bdi(name),
            None => escape(l.whole_government),
        };
        let period = c
            .period
            .map_or_else(|| l.no_data.to_owned(), |p| date_text(p, c.lang));
        let stage = match (c.summary.stage, c.summary.mean_level) {
            (Some(stage), Some(mean)) => format!(
                "{} {} · {} {}",
                chip_level(stage),
                escape(&c.level_name(stage)),
                escape(l.mean_level),
                chip_value(Some(mean))
            ),
            _ => escape(l.no_data),
        };
        let _ = write!(
            self.out,
            "<section class=\"cover\">\n<div class=\"band\"></div>\n<p class=\"workspace\">{}</p>\n<h1>{}</h1>\n\
             <p class=\"scope\">{}</p>\n<dl>\n<dt>{}</dt><dd>{}</dd>\n<dt>{}</dt><dd>{}</dd>\n<dt>{}</dt><dd>{stage}</dd>\n\
             <dt>{}</dt><dd>{} / {}</dd>\n<dt>{}</dt><dd class=\"basis\">{}</dd>\n</dl>\n",
            bdi(c.title.get(c.lang)),
            escape(c.report_title()),
            scope,
            escape(l.period),
            escape(&period),
            escape(l.generated),
            date_text(c.generated, c.lang),
            escape(l.overall_stage),
            escape(l.assessed),
            c.summary.assessed,
            c.summary.departments.len(),
            escape(l.basis),
            c.basis_lines
                .iter()
                .map(|line| format!("<div>{}</div>", isolate_names(line, &names)))
                .collect::<String>(),
        );
        self.toc();
        self.push("</section>\n");
    }

    /// The table of contents, with links to each section.
    fn toc(&mut self) {
        let c = self.content;
        let l = c.labels;
        let mut entries: Vec<(String, String)> = vec![("summary".into(), l.executive_summary.into())];
        if c.scope.is_none() {
            entries.push(("heatmap".into(), l.heatmap.into()));
            entries.push(("ranking".into(), l.ranking.into()));
        }
        entries.push(("priorities".into(), l.priorities.into()));
        if c.scope.is_none() {
            entries.push(("progress".into(), l.progress.into()));
        }
        for section in &c.sections {
            entries.push((
                department_anchor(&section.figures.id),
                section.figures.name.clone(),
            ));
        }
        entries.push(("appendix".into(), l.appendix.into()));
        entries.push(("approval".into(), l.approval.into()));
        let _ = write!(
            self.out,
            "<nav class=\"toc\"><strong>{}</strong><ol>",
            escape(l.contents)
        );
        for (id, title) in entries {
            let _ = write!(
                self.out,
                "<li><a href=\"#{}\">{}</a></li>",
                escape(&id),
                bdi(&title)
            );
        }
        self.push("</ol></nav>\n");
    }

    /// Key figures, the generated narrative, stage distribution, dimensions
    /// across departments and the history line.
    fn executive_summary(&mut self) {
        let c = self.content;
        let l = c.labels;
        self.push("<section class=\"page\">\n");
        self.h2("summary", l.executive_summary);
        let s = &c.summary;
        let stage = s.stage.map_or_else(
            || "–".to_owned(),
            |stage| format!("{} {}", stage.get(), c.level_name(stage)),
        );
        let figures = [
            (level_text(s.mean_level), l.mean_level),
            (stage, l.overall_stage),
            (format!("{} / {}", s.workflow_approved, s.assessed), l.approved),
            (percent_text(Some(s.coverage)), l.coverage),
        ];
        self.push("<div class=\"figures\">");
        for (value, what) in figures {
            let _ = write!(
                self.out,
                "<div class=\"figure\"><span class=\"value\">{}</span><span class=\"what\">{}</span></div>",
                escape(&value),
                escape(what)
            );
        }
        self.push("</div>\n<div class=\"narrative\">\n");
        let names = user_names(c);
        for paragraph in &c.narrative {
            let _ = writeln!(self.out, "<p>{}</p>", isolate_names(paragraph, &names));
        }
        self.push("</div>\n");
        if c.scope.is_none() {
            let stages: Vec<String> = c.levels.iter().map(|lv| lv.name.clone()).collect();
            self.figure_sized(
                &svg::stage_distribution(l.stage_distribution, &stages, &s.stage_counts),
                l.stage_distribution,
                "medium",
            );
        }
        self.dimension_overview();
        if c.history.len() > 1 {
            let band = match c.lang {
                Lang::En => "Range across departments (lowest to highest)",
                Lang::Zh => "各部门区间（最低至最高）",
            };
            self.figure(&svg::history(l.history, &c.history, band), l.history);
        }
        self.push("</section>\n");
    }

    /// A chart with its caption, full width.
    fn figure(&mut self, svg: &str, caption: &str) {
        self.figure_sized(svg, caption, "");
    }

    /// A chart with its caption; `class` narrows it (`narrow`, `medium`).
    fn figure_sized(&mut self, svg: &str, caption: &str, class: &str) {
        let _ = writeln!(
            self.out,
            "<figure class=\"{class}\">{svg}<figcaption>{}</figcaption></figure>",
            escape(caption)
        );
    }

    /// Per dimension: mean, range, change, departments short of target.
    fn dimension_overview(&mut self) {
        let c = self.content;
        let l = c.labels;
        let _ = write!(
            self.out,
            "<h3>{}</h3>\n<table>\n<thead><tr>",
            escape(l.dimension_overview)
        );
        let below = match c.lang {
            Lang::En => "Below target",
            Lang::Zh => "未达目标",
        };
        let range = match c.lang {
            Lang::En => "Range",
            Lang::Zh => "区间",
        };
        for (head, num) in [
            (l.dimension, false),
            (l.mean_level, true),
            (range, true),
            (l.change, true),
            (below, true),
            (l.imbalanced, true),
        ] {
            self.th(head, num);
        }
        self.push("</tr></thead>\n<tbody>\n");
        for d in &c.dimension_overview {
            let range_text = match (d.min, d.max) {
                (Some(min), Some(max)) => format!("{} – {}", level_text(Some(min)), level_text(Some(max))),
                _ => "–".to_owned(),
            };
            let _ = writeln!(
                self.out,
                "<tr><td class=\"name\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>\
                 <td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
                bdi(&d.name),
                chip_value(d.mean_level),
                escape(&range_text),
                change_span(d.change),
                d.below_target,
                d.imbalanced
            );
        }
        self.push("</tbody></table>\n");
    }

    fn th(&mut self, head: &str, numeric: bool) {
        let class = if numeric { " class=\"num\"" } else { "" };
        let _ = write!(self.out, "<th{class}>{}</th>", bdi(head));
    }

    /// The department × dimension heatmap.
    fn heatmap(&mut self) {
        let c = self.content;
        let l = c.labels;
        self.push("<section class=\"page\">\n");
        self.h2("heatmap", l.heatmap);
        let rows: Vec<String> = c.heatmap.iter().map(|d| d.name.clone()).collect();
        let columns: Vec<String> = c.dimensions.iter().map(|d| d.name.clone()).collect();
        let values: Vec<Vec<Option<f64>>> = c
            .heatmap
            .iter()
            .map(|d| {
                c.dimensions
                    .iter()
                    .map(|head| {
                        d.dimensions
                            .iter()
                            .find(|cell| cell.id == head.id)
                            .and_then(|cell| cell.mean_level)
                    })
                    .collect()
            })
            .collect();
        let provisional: Vec<bool> = c.heatmap.iter().map(|d| d.is_provisional()).collect();
        self.figure(
            &svg::heatmap(l.heatmap, &rows, &columns, &values, &provisional),
            l.heatmap_note,
        );
        self.level_legend();
        if c.summary.provisional > 0 {
            let _ = writeln!(
                self.out,
                "<p class=\"legend\">{}</p>",
                escape(l.provisional_legend)
            );
        }
        self.department_notes(c.heatmap.iter().map(|d| (d.name.as_str(), d.notes.as_slice())));
        self.push("</section>\n");
    }

    /// "Name: provisional; carried over from …" for every department with a
    /// note, as a list under a chart.
    fn department_notes<'n>(&mut self, rows: impl Iterator<Item = (&'n str, &'n [String])>) {
        let lang = self.content.lang;
        let items: Vec<String> = rows
            .filter(|(_, notes)| !notes.is_empty())
            .map(|(name, notes)| {
                format!(
                    "<li>{}{}{}</li>",
                    bdi(name),
                    colon(lang),
                    escape(&notes_text(notes, lang))
                )
            })
            .collect();
        if !items.is_empty() {
            let _ = writeln!(self.out, "<ul class=\"notes\">{}</ul>", items.concat());
        }
    }

    /// The five level colours with their numbers and names.
    fn level_legend(&mut self) {
        let c = self.content;
        let colon = colon(c.lang);
        let _ = write!(self.out, "<p class=\"legend\">{}{colon}", escape(c.labels.legend));
        for head in &c.levels {
            let _ = write!(
                self.out,
                "{} {} &nbsp; ",
                chip_level(head.level),
                escape(&head.name)
            );
        }
        self.push("</p>\n");
    }

    /// Departments by mean level: bars and a table.
    fn ranking(&mut self) {
        let c = self.content;
        let l = c.labels;
        self.push("<section>\n");
        self.h2("ranking", l.ranking);
        let rows: Vec<(String, Option<f64>)> =
            c.ranking.iter().map(|r| (r.name.clone(), r.mean_level)).collect();
        let provisional: Vec<bool> = c.ranking.iter().map(|r| r.provisional).collect();
        self.figure(&svg::level_bars(l.ranking, &rows, &provisional), l.mean_level);
        if provisional.contains(&true) {
            let _ = writeln!(
                self.out,
                "<p class=\"legend\">{}</p>",
                escape(l.provisional_legend)
            );
        }
        self.push("<table>\n<thead><tr>");
        for (head, num) in [
            (l.rank, true),
            (l.department, false),
            (l.mean_level, true),
            (l.stage, false),
            (l.change, true),
            (l.coverage, true),
        ] {
            self.th(head, num);
        }
        self.push("</tr></thead>\n<tbody>\n");
        for r in &c.ranking {
            let _ = writeln!(
                self.out,
                "<tr><td class=\"num\">{}</td><td class=\"name\">{}</td><td class=\"num\">{}</td><td>{}</td>\
                 <td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
                r.rank.map_or_else(|| "–".to_owned(), |rank| rank.to_string()),
                name_with_notes(&r.name, &r.notes, r.provisional),
                chip_marked(r.mean_level, r.provisional),
                stage_cell(r.stage, &r.stage_name),
                change_span(r.change),
                escape(&percent_text(r.coverage))
            );
        }
        self.push("</tbody></table>\n</section>\n");
    }

    /// The top priorities with the next level's rubric.
    fn priorities(&mut self) {
        let c = self.content;
        let l = c.labels;
        self.push("<section class=\"page\">\n");
        self.h2("priorities", l.priorities);
        let _ = writeln!(self.out, "<p class=\"note\">{}</p>", escape(l.priorities_note));
        if c.priorities.is_empty() {
            let _ = writeln!(self.out, "<p>{}</p>", escape(l.no_priorities));
        } else {
            self.push("<table>\n<thead><tr>");
            for (head, num) in [
                (l.department, false),
                (l.indicator, false),
                (l.level, true),
                (l.target, true),
                (l.priority, true),
                (l.next_step, false),
            ] {
                self.th(head, num);
            }
            self.push("</tr></thead>\n<tbody>\n");
            for p in &c.priorities {
                let _ = writeln!(
                    self.out,
                    "<tr><td class=\"name\">{}</td><td class=\"name\">{}<br><span class=\"note\">{}</span></td>\
                     <td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{:.1}</td><td>{} {}</td></tr>",
                    name_with_notes(&p.department_name, &p.notes, p.provisional),
                    bdi(&p.indicator_name),
                    bdi(&p.dimension_name),
                    chip_whole_marked(p.current, p.provisional),
                    chip_level(p.target),
                    p.priority,
                    chip_level(p.next_level),
                    escape(&p.next_rubric)
                );
            }
            self.push("</tbody></table>\n");
        }
        self.push("</section>\n");
    }

    /// Change since the previous period: bars and a table.
    fn progress(&mut self) {
        let c = self.content;
        let l = c.labels;
        self.push("<section class=\"page\">\n");
        self.h2("progress", l.progress);
        if c.progress.is_empty() {
            let _ = writeln!(self.out, "<p>{}</p>", escape(l.no_progress));
            self.push("</section>\n");
            return;
        }
        let rows: Vec<(String, Option<f64>)> =
            c.progress.iter().map(|p| (p.name.clone(), p.change)).collect();
        self.figure(&svg::change_bars(l.progress, &rows), l.change);
        self.push("<table class=\"compact\">\n<thead><tr>");
        self.th(l.department, false);
        self.th(l.previous, true);
        self.th(l.current, true);
        self.th(l.change, true);
        for head in &c.dimensions {
            self.th(&head.name, true);
        }
        self.push("</tr></thead>\n<tbody>\n");
        for p in &c.progress {
            let _ = write!(
                self.out,
                "<tr><td class=\"name\">{}</td><td class=\"num\">{}<br><span class=\"note\">{}</span></td>\
                 <td class=\"num\">{}<br><span class=\"note\">{}</span></td><td class=\"num\">{}</td>",
                name_with_notes(&p.name, &p.notes, p.provisional),
                chip_value(p.previous_level),
                date_text(p.previous_period, c.lang),
                chip_marked(p.current_level, p.provisional),
                date_text(p.current_period, c.lang),
                change_span(p.change)
            );
            for change in &p.dimension_changes {
                let _ = write!(self.out, "<td class=\"num\">{}</td>", change_span(*change));
            }
            self.push("</tr>\n");
        }
        self.push("</tbody></table>\n</section>\n");
    }

    /// One department: radar, dimension table, answers with evidence.
    fn department(&mut self, section: &DepartmentSection) {
        let c = self.content;
        let l = c.labels;
        let f = &section.figures;
        let _ = write!(
            self.out,
            "<section class=\"page department\" id=\"{}\">\n<h2>{}</h2>\n",
            escape(&department_anchor(&f.id)),
            bdi(&f.name)
        );
        self.department_meta(section);
        if !f.notes.is_empty() {
            let flags: String = f.notes.iter().map(|n| flag_span(n, f.is_provisional())).collect();
            let _ = writeln!(self.out, "<p>{flags}</p>");
        }
        let Some(current) = &section.current else {
            let _ = writeln!(self.out, "<p>{}</p>\n</section>", escape(l.no_assessment));
            return;
        };
        let axes: Vec<String> = c.dimensions.iter().map(|d| d.name.clone()).collect();
        let mut series = vec![RadarSeries {
            label: l.current,
            values: current.dimensions.iter().map(|d| d.mean_level).collect(),
            colour: series_colour(0),
            filled: true,
        }];
        if let Some(previous) = &section.previous {
            series.push(RadarSeries {
                label: l.previous,
                values: c
                    .dimensions
                    .iter()
                    .map(|head| previous.dimension(&head.id).and_then(|d| d.mean_level))
                    .collect(),
                colour: series_colour(1),
                filled: false,
            });
        }
        let targets: Vec<Option<f64>> = current
            .dimensions
            .iter()
            .map(|d| d.target.map(|t| f64::from(t.get())))
            .collect();
        if targets.iter().any(Option::is_some) {
            series.push(RadarSeries {
                label: l.target,
                values: targets,
                colour: Rgb(0x59, 0x59, 0x59),
                filled: false,
            });
        }
        let title = format!("{} — {}", l.radar, f.name);
        self.figure_sized(&svg::radar(&title, &axes, &series), l.radar_note, "medium");
        self.dimension_table(section);
        let _ = writeln!(self.out, "<h3>{}</h3>", escape(l.answers));
        for head in &c.dimensions {
            let answers: Vec<&AnswerRow> = section
                .answers
                .iter()
                .filter(|a| a.dimension == head.id)
                .collect();
            if answers.is_empty() {
                continue;
            }
            let _ = writeln!(self.out, "<h4>{}</h4>", bdi(&head.name));
            for answer in answers {
                self.answer(answer);
            }
        }
        self.push("</section>\n");
    }

    /// Kind, parent, period, status, stage, mean, coverage, change, people.
    fn department_meta(&mut self, section: &DepartmentSection) {
        let c = self.content;
        let l = c.labels;
        let f = &section.figures;
        let mut pairs: Vec<(&str, String)> = vec![(l.department, escape(&section.kind))];
        if let Some(parent) = &section.parent {
            let parent_label = match c.lang {
                Lang::En => "Part of",
                Lang::Zh => "上级部门",
            };
            pairs.push((parent_label, bdi(parent)));
        }
        pairs.extend([
            (
                l.assessed_on,
                f.period.map_or_else(|| "–".to_owned(), |p| date_text(p, c.lang)),
            ),
            (l.status, escape(&f.status_label)),
            (l.mean_level, chip_marked(f.mean_level, f.is_provisional())),
            (l.stage, stage_cell(f.stage, &f.stage_name)),
            (l.change, change_span(f.change)),
            (l.coverage, escape(&percent_text(f.coverage))),
        ]);
        if let Some(target) = f.overall_target {
            pairs.push((l.overall_target, chip_value(Some(target))));
        }
        if let Some(on_target) = f.on_target {
            let verdict = if on_target {
                l.on_target_yes
            } else {
                l.on_target_no
            };
            pairs.push((l.on_target, escape(verdict)));
        }
        if !section.assessor.is_empty() {
            pairs.push((l.assessor, bdi(&section.assessor)));
        }
        if !section.reviewer.is_empty() {
            pairs.push((l.reviewer, bdi(&section.reviewer)));
        }
        if let Some(date) = section.approved_on {
            pairs.push((l.approved_on, date_text(date, c.lang)));
        }
        if !section.review_comment.is_empty() {
            pairs.push((l.review_comment, escape(&section.review_comment)));
        }
        self.push("<dl class=\"meta\">");
        for (what, value) in pairs {
            let _ = write!(self.out, "<dt>{}</dt><dd>{value}</dd>", escape(what));
        }
        self.push("</dl>\n");
    }

    /// Mean, floor, target, gap, priority and change per dimension.
    fn dimension_table(&mut self, section: &DepartmentSection) {
        let l = self.content.labels;
        let _ = write!(
            self.out,
            "<h3>{}</h3>\n<table>\n<thead><tr>",
            escape(l.dimension_table)
        );
        for (head, num) in [
            (l.dimension, false),
            (l.mean_level, true),
            (l.floor, true),
            (l.target, true),
            (l.gap, true),
            (l.priority, true),
            (l.change, true),
        ] {
            self.th(head, num);
        }
        self.push("</tr></thead>\n<tbody>\n");
        for d in &section.figures.dimensions {
            let floor = match (d.floor, &d.floor_indicator) {
                (Some(level), Some(name)) => format!(
                    "{}<br><span class=\"note\">{}</span>",
                    chip_level(level),
                    bdi(name)
                ),
                (Some(level), None) => chip_level(level),
                _ => "–".to_owned(),
            };
            let flag = if d.imbalanced {
                format!(" <span class=\"flag\">{}</span>", escape(l.imbalanced))
            } else {
                String::new()
            };
            let _ = writeln!(
                self.out,
                "<tr><td class=\"name\">{}{flag}</td><td class=\"num\">{}</td><td class=\"num\">{floor}</td>\
                 <td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
                bdi(&d.name),
                chip_value(d.mean_level),
                d.target.map_or_else(|| "–".to_owned(), chip_level),
                escape(
                    &d.gap
                        .map_or_else(|| "–".to_owned(), |g| format!("{:.2}", round2(g)))
                ),
                escape(&d.priority.map_or_else(|| "–".to_owned(), |p| format!("{p:.1}"))),
                change_span(d.change)
            );
        }
        self.push("</tbody></table>\n");
    }

    /// One indicator's answer: level, rubric, evidence, links, confidence, comment.
    fn answer(&mut self, a: &AnswerRow) {
        let colon = colon(self.content.lang);
        let l = self.content.labels;
        let level = match (&a.not_applicable, a.level) {
            (Some(_), _) => format!("<span class=\"chip none\">{}</span>", escape(l.not_applicable)),
            (None, Some(level)) => chip_level(level),
            (None, None) => format!("<span class=\"chip none\">{}</span>", escape(l.unanswered)),
        };
        let previous = a.previous_level.map_or_else(String::new, |p| {
            format!(
                "<span class=\"note\">{}{colon}{}</span>",
                escape(l.previous),
                p.get()
            )
        });
        let _ = write!(
            self.out,
            "<div class=\"answer\"><div class=\"head\"><span class=\"title\">{}</span>{previous} {level}</div>",
            bdi(&a.indicator_name)
        );
        if let Some(reason) = &a.not_applicable {
            let _ = write!(
                self.out,
                "<p class=\"rubric\"><span class=\"label\">{}{colon}</span>{}</p>",
                escape(l.reason),
                escape(reason)
            );
        }
        if !a.rubric.is_empty() {
            let _ = write!(self.out, "<p class=\"rubric\">{}</p>", escape(&a.rubric));
        }
        if !a.evidence.is_empty() {
            let _ = write!(
                self.out,
                "<p><span class=\"label\">{}{colon}</span>{}</p>",
                escape(l.evidence),
                escape(&a.evidence)
            );
        }
        if !a.links.is_empty() {
            let _ = write!(
                self.out,
                "<div><span class=\"label\">{}{colon}</span><ul class=\"links\">",
                escape(l.links)
            );
            for link in &a.links {
                // Links are shown as text, never followed: the report makes no requests.
                let _ = write!(self.out, "<li>{}</li>", escape(link));
            }
            self.push("</ul></div>");
        }
        let mut notes: Vec<String> = Vec::new();
        if !a.confidence_label.is_empty() {
            notes.push(format!(
                "{}{colon}{}",
                escape(l.confidence),
                escape(&a.confidence_label)
            ));
        }
        if let Some(target) = a.target {
            notes.push(format!("{}{colon}{}", escape(l.target), target.get()));
        }
        if a.reconfirm {
            notes.push(escape(l.reconfirm));
        }
        if !notes.is_empty() {
            let _ = write!(self.out, "<p class=\"note\">{}</p>", notes.join(" · "));
        }
        if !a.comment.is_empty() {
            let _ = write!(
                self.out,
                "<p><span class=\"label\">{}{colon}</span>{}</p>",
                escape(l.comment),
                escape(&a.comment)
            );
        }
        if let Some(next) = &a.next_rubric {
            let _ = write!(
                self.out,
                "<p><span class=\"label\">{}{colon}</span>{}</p>",
                escape(l.next_step),
                escape(next)
            );
        }
        self.push("</div>\n");
    }

    /// Methodology, rubric, data problems and coverage.
    fn appendix(&mut self) {
        let c = self.content;
        let l = c.labels;
        self.push("<section class=\"page\">\n");
        self.h2("appendix", l.appendix);
        let _ = writeln!(self.out, "<h3>{}</h3>", escape(l.methodology));
        for paragraph in &c.appendix.methodology {
            let _ = writeln!(self.out, "<p>{}</p>", escape(paragraph));
        }
        self.data_problems();
        self.coverage();
        self.rubric();
        self.push("</section>\n");
    }

    fn data_problems(&mut self) {
        let c = self.content;
        let l = c.labels;
        let _ = writeln!(self.out, "<h3>{}</h3>", escape(l.data_problems));
        if c.appendix.problems.is_empty() {
            let _ = writeln!(self.out, "<p>{}</p>", escape(l.no_problems));
            return;
        }
        self.push("<table class=\"problems\">\n<thead><tr>");
        self.th(l.file, false);
        self.th(l.severity, false);
        self.th(l.message, false);
        self.push("</tr></thead>\n<tbody>\n");
        for p in &c.appendix.problems {
            let class = if p.error { "error" } else { "" };
            let _ = writeln!(
                self.out,
                "<tr><td class=\"name\">{}:{}:{}</td><td class=\"{class}\">{}</td><td>{}</td></tr>",
                escape(&p.file),
                p.line,
                p.column,
                escape(&p.severity),
                escape(&p.message)
            );
        }
        self.push("</tbody></table>\n");
    }

    fn coverage(&mut self) {
        let colon = colon(self.content.lang);
        let c = self.content;
        let l = c.labels;
        let _ = write!(self.out, "<h3>{}</h3>\n<table>\n<thead><tr>", escape(l.coverage));
        self.th(l.department, false);
        self.th(l.period, false);
        self.th(l.answered, true);
        self.th(l.applicable, true);
        self.th(l.coverage, true);
        self.push("</tr></thead>\n<tbody>\n");
        for row in &c.appendix.coverage {
            let _ = writeln!(
                self.out,
                "<tr><td class=\"name\">{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
                bdi(&row.name),
                row.period
                    .map_or_else(|| "–".to_owned(), |p| date_text(p, c.lang)),
                row.answered,
                row.applicable,
                escape(&percent_text(row.coverage))
            );
        }
        let _ = writeln!(
            self.out,
            "</tbody></table>\n<p class=\"note\">{}{colon}{}</p>",
            escape(l.coverage),
            escape(&percent_text(Some(c.appendix.total_coverage)))
        );
    }

    /// The framework: levels, then every indicator's five descriptors.
    fn rubric(&mut self) {
        let colon = colon(self.content.lang);
        let c = self.content;
        let l = c.labels;
        let lang = c.lang;
        let _ = writeln!(
            self.out,
            "<h3>{}{colon}{}</h3>\n<table>\n<thead><tr>",
            escape(l.rubric),
            bdi(c.framework.name.get(lang))
        );
        self.th(l.level, false);
        self.th(l.rubric_descriptor, false);
        self.push("</tr></thead>\n<tbody>\n");
        for head in &c.levels {
            let _ = writeln!(
                self.out,
                "<tr><td>{} {}</td><td>{}</td></tr>",
                chip_level(head.level),
                escape(&head.name),
                escape(&head.summary)
            );
        }
        self.push("</tbody></table>\n");
        for dimension in &c.framework.dimensions {
            let _ = writeln!(self.out, "<h4>{}</h4>", bdi(dimension.name.get(lang)));
            if !dimension.description.get(lang).is_empty() {
                let _ = writeln!(
                    self.out,
                    "<p class=\"note\">{}</p>",
                    escape(dimension.description.get(lang))
                );
            }
            self.push("<table class=\"rubric-table compact\">\n<thead><tr>");
            self.th(l.indicator, false);
            self.th(l.rubric_descriptor, false);
            self.push("</tr></thead>\n<tbody>\n");
            for indicator in &dimension.indicators {
                self.push("<tr>");
                let _ = write!(
                    self.out,
                    "<td class=\"name\">{}</td><td>",
                    bdi(indicator.name.get(lang))
                );
                for (i, text) in indicator.levels.iter().enumerate() {
                    let level = Level::clamped(u8::try_from(i + 1).unwrap_or(Level::MAX));
                    let _ = write!(
                        self.out,
                        "<div>{} {}</div>",
                        chip_level(level),
                        escape(text.get(lang))
                    );
                }
                self.push("</td></tr>\n");
            }
            self.push("</tbody></table>\n");
        }
    }

    /// The approval block: reviewer, date, signature line.
    fn approval(&mut self) {
        let colon = colon(self.content.lang);
        let c = self.content;
        let l = c.labels;
        let a = &c.approval;
        self.push("<section class=\"page\">\n");
        self.h2("approval", l.approval);
        let _ = writeln!(
            self.out,
            "<p>{}{colon}{} / {}</p>\n<p>{}</p>",
            escape(l.approved),
            a.approved,
            a.assessed,
            escape(l.approval_note)
        );
        let reviewer = a.reviewer.as_deref().map_or_else(String::new, bdi);
        let date = a.date.map_or_else(String::new, |d| date_text(d, c.lang));
        let _ = writeln!(
            self.out,
            "<div class=\"approval-block\"><span>{}</span><div class=\"line\">{reviewer}</div>\
             <span>{}</span><div class=\"line\">{date}</div><span>{}</span><div class=\"line\"></div></div>",
            escape(l.reviewer),
            escape(l.date),
            escape(l.signature)
        );
        self.push("</section>\n");
    }
}

/// The names from user data that the narrative may quote: departments,
/// dimensions and indicators, escaped, longest first.
fn user_names(content: &ReportContent) -> Vec<String> {
    let lang = content.lang;
    let mut names: Vec<String> = content
        .heatmap
        .iter()
        .map(|d| d.name.clone())
        .chain(content.dimensions.iter().map(|d| d.name.clone()))
        .chain(
            content
                .framework
                .indicators()
                .map(|(_, i)| i.name.get(lang).to_owned()),
        )
        .filter(|name| !name.is_empty())
        .map(|name| escape(&name))
        .collect();
    names.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
    names.dedup();
    names
}

/// Escapes generated prose and wraps every user name in it (see
/// [`user_names`]) in `<bdi>`, in one pass, so direction marks inside a
/// name cannot reorder the sentence around it.
fn isolate_names(text: &str, names: &[String]) -> String {
    let escaped = escape(text);
    let mut out = String::with_capacity(escaped.len() + 64);
    let mut rest = escaped.as_str();
    while let Some(c) = rest.chars().next() {
        // An entity is copied whole, so a name like "amp" never splits "&amp;".
        let entity = (c == '&').then(|| rest.find(';')).flatten();
        if let Some(end) = entity.filter(|_| !names.iter().any(|name| rest.starts_with(name.as_str()))) {
            out.push_str(&rest[..=end]);
            rest = &rest[end + 1..];
        } else if let Some(name) = names.iter().find(|name| rest.starts_with(name.as_str())) {
            let _ = write!(out, "<bdi>{name}</bdi>");
            rest = &rest[name.len()..];
        } else {
            out.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    out
}

/// ": " in English, the full-width "：" in Chinese.
fn colon(lang: Lang) -> &'static str {
    match lang {
        Lang::En => ": ",
        Lang::Zh => "：",
    }
}

/// The anchor id of a department section (ids are slugs; escaped anyway).
fn department_anchor(id: &str) -> String {
    format!("dept-{id}")
}

/// A chip in a colour with its text in the contrasting colour.
fn chip(background: Rgb, text: &str) -> String {
    format!(
        "<span class=\"chip\" style=\"background:{};color:{}\">{}</span>",
        background.hex(),
        text_colour_on(background).hex(),
        escape(text)
    )
}

/// A whole level as a coloured chip with its number on it.
fn chip_level(level: Level) -> String {
    chip(level_colour(f64::from(level.get())), &level.get().to_string())
}

/// A mean level as a coloured chip with its value on it, or "–".
fn chip_value(value: Option<f64>) -> String {
    match value {
        Some(v) => {
            // The printed figure and the chip's colour from one rounded value.
            let shown = crate::charts::shown_level(v);
            chip(shown.colour, &shown.text())
        }
        None => "<span class=\"chip none\">–</span>".to_owned(),
    }
}

/// A mean level's chip, with a dashed outline when the figure is provisional.
fn chip_marked(value: Option<f64>, provisional: bool) -> String {
    let chip = chip_value(value);
    if provisional && value.is_some() {
        chip.replacen("class=\"chip\"", "class=\"chip prov\"", 1)
    } else {
        chip
    }
}

/// A whole level's chip, with a dashed outline when the figure is provisional.
fn chip_whole_marked(level: Level, provisional: bool) -> String {
    let chip = chip_level(level);
    if provisional {
        chip.replacen("class=\"chip\"", "class=\"chip prov\"", 1)
    } else {
        chip
    }
}

/// A note as a small flag; dashed when it goes with a provisional figure.
fn flag_span(note: &str, provisional: bool) -> String {
    let class = if provisional { "flag prov" } else { "flag" };
    format!("<span class=\"{class}\">{}</span> ", escape(note))
}

/// A department's name with its notes as flags below it.
fn name_with_notes(name: &str, notes: &[String], provisional: bool) -> String {
    if notes.is_empty() {
        return bdi(name);
    }
    let flags: String = notes.iter().map(|n| flag_span(n, provisional)).collect();
    format!("{}<br>{}", bdi(name), flags.trim_end())
}

/// A stage: its chip and its name.
fn stage_cell(stage: Option<Level>, name: &str) -> String {
    stage.map_or_else(
        || "–".to_owned(),
        |s| format!("<span class=\"nowrap\">{} {}</span>", chip_level(s), escape(name)),
    )
}

/// A signed change, coloured (and with an arrow, so not by colour alone).
fn change_span(change: Option<f64>) -> String {
    let Some(value) = change else {
        return "–".to_owned();
    };
    let rounded = round2(value);
    let (class, arrow) = if rounded > 0.0 {
        ("up", "▲ ")
    } else if rounded < 0.0 {
        ("down", "▼ ")
    } else {
        ("", "")
    };
    format!(
        "<span class=\"{class}\">{arrow}{}</span>",
        escape(&change_text(Some(value)))
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_covers_markup_quotes_and_controls() {
        assert_eq!(
            escape("<script>alert(1)</script>"),
            "&lt;script&gt;alert(1)&lt;/script&gt;"
        );
        assert_eq!(
            escape("\"quoted\" & 'single'"),
            "&quot;quoted&quot; &amp; &#39;single&#39;"
        );
        assert_eq!(escape("a\u{0}b\u{7}c\td\ne"), "a\u{fffd}b\u{fffd}c\td\ne");
        assert_eq!(escape("数字政府 🏛 \u{202e}x"), "数字政府 🏛 \u{202e}x");
        assert_eq!(escape("&amp;"), "&amp;amp;");
        assert_eq!(bdi("\u{202e}abc"), "<bdi>\u{202e}abc</bdi>");
    }

    #[test]
    fn names_in_prose_are_isolated_once() {
        let names = vec![escape("Finance Bureau"), escape("\u{202e}<x>"), escape("Finance")];
        let mut sorted = names.clone();
        sorted.sort_by_key(|name| std::cmp::Reverse(name.len()));
        assert_eq!(
            isolate_names("Finance Bureau and Finance and \u{202e}<x> rose.", &sorted),
            "<bdi>Finance Bureau</bdi> and <bdi>Finance</bdi> and <bdi>\u{202e}&lt;x&gt;</bdi> rose."
        );
        assert_eq!(isolate_names("a & b", &[escape("amp")]), "a &amp; b");
    }

    #[test]
    fn chips_write_the_number() {
        let chip = chip_level(Level::clamped(3));
        assert!(chip.contains(">3</span>"), "{chip}");
        assert!(chip_value(Some(2.756)).contains(">2.76<"));
        assert!(change_span(Some(-0.25)).contains("▼ −0.25"));
    }
}
