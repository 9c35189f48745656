//! The HTML report: one self-contained file with inline CSS and inline SVG
//! charts, no scripts and no external requests, that prints well on A4
//! (the cover on its own page, a page break wherever the document has one).
//!
//! It prints the report's [`Document`] block by block and lays out no
//! section of its own: every word and number comes from the document, and
//! the charts are drawn by the caller (the SVG writer) for each figure.
//! Every string is escaped ([`escape`]); table text and the user's names
//! in running text are isolated in `<bdi>`, so a department called
//! `<script>` is shown, never run, and a right-to-left mark in a name
//! cannot reorder the sentence around it.
//!
//! Fonts: the CSS names the bundled Noto Sans SC first and then the usual
//! Chinese system fonts. The font file itself is not embedded: it is 3 MB
//! (4 MB as base64) for a report of a few hundred kilobytes, and a subset
//! that browsers accept would need a web-font subsetter we do not carry.
//! Every machine that opens the report has one of the listed fonts or a
//! system CJK fallback; the PDF is the format that carries its own font.

use std::fmt::Write as _;
use std::io;

use super::ReportError;
use super::markup::{escape, escape_into, isolate};
use crate::charts::{Rgb, level_colour, shown_level, text_colour_on};
use crate::model::Lang;
use crate::present::build::document_in_parts;
use crate::present::catalogue::document as words;
use crate::present::document::{
    Block, Cell, CellKind, Chart, Document, KeyFigure, Masthead, ReportKind, ReportStyle, Table, Tone,
};
use crate::present::format;
use crate::present::report::ReportContent;

/// Renders the HTML report of `content`; `draw` draws a figure's chart as
/// an `<svg>` whose title is the figure's alt text.
pub fn render(
    content: &ReportContent,
    draw: impl Fn(&Chart, &str) -> String + Sync,
) -> Result<Vec<u8>, ReportError> {
    let mut bytes = Vec::new();
    write(content, draw, &mut bytes).map_err(|e| ReportError::Render("html", e.to_string()))?;
    Ok(bytes)
}

/// [`render`], printed into `sink` as it is made: a province's report is
/// hundreds of megabytes that need not sit in memory, and its department
/// pages are made a part at a time.
pub fn write(
    content: &ReportContent,
    draw: impl Fn(&Chart, &str) -> String + Sync,
    sink: &mut dyn io::Write,
) -> io::Result<()> {
    let (document, pages) = document_in_parts(content);
    let parts = pages.iter().flat_map(|pages| pages.parts());
    print_parts(&document, parts, &names_in(content), draw, sink)
}

/// Sections printed at once (see [`print_sections`]).
const PRINT_WINDOW: usize = 256;

/// Prints `document` into `sink` as one self-contained HTML file, followed
/// by the blocks of `parts`, each part starting with a page break (see
/// `present::build::DepartmentPages`). `names` are the user's names (see
/// [`names_in`]) to isolate in running text; `draw` draws a figure's chart
/// as an `<svg>` whose title is the figure's alt text.
fn print_parts(
    document: &Document,
    parts: impl Iterator<Item = Vec<Block>>,
    names: &Names,
    draw: impl Fn(&Chart, &str) -> String + Sync,
    sink: &mut dyn io::Write,
) -> io::Result<()> {
    let mut printer = Printer {
        names,
        out: String::new(),
    };
    printer.head(document);
    sink.write_all(printer.out.as_bytes())?;
    print_sections(document, &document.blocks, true, names, &draw, sink)?;
    for part in parts {
        print_sections(document, &part, false, names, &draw, sink)?;
    }
    sink.write_all(b"</body>\n</html>\n")
}

/// Prints `blocks` as sections, one per run of blocks between page breaks;
/// the first section of the document (`cover`) is the cover, except in a
/// brief, which starts with its text on page 1.
fn print_sections(
    document: &Document,
    blocks: &[Block],
    cover: bool,
    names: &Names,
    draw: &(impl Fn(&Chart, &str) -> String + Sync),
    sink: &mut dyn io::Write,
) -> io::Result<()> {
    let sections: Vec<(bool, &[Block])> = blocks
        .split(|block| matches!(block, Block::PageBreak))
        .enumerate()
        .filter(|(_, blocks)| !blocks.is_empty())
        .map(|(i, blocks)| (cover && i == 0, blocks))
        .collect();
    // Sections are printed on every core (a province's report has
    // thousands), a window at a time, and written out, so that the printed
    // sections waiting to be written stay a few megabytes whatever the size
    // of the report.
    for window in sections.chunks(PRINT_WINDOW) {
        let printed = crate::parallel::parallel_map(window, |(first, blocks)| {
            let mut printer = Printer {
                names,
                out: String::new(),
            };
            printer.push(match (first, document.kind, document.style) {
                (true, ReportKind::Brief, _) => "<section class=\"brief\">\n",
                (true, _, ReportStyle::Official) => "<section class=\"cover\">\n",
                (true, _, ReportStyle::Plain) => "<section class=\"cover\">\n<div class=\"band\"></div>\n",
                _ => "<section class=\"page\">\n",
            });
            if *first && let Some(masthead) = &document.masthead {
                printer.masthead(masthead);
            }
            for block in *blocks {
                printer.block(document, block, draw);
            }
            printer.push("</section>\n");
            printer.out
        });
        for section in printed {
            sink.write_all(section.as_bytes())?;
        }
    }
    Ok(())
}

/// The stylesheet: a sober look for print (A4, page breaks) and screen.
const STYLE: &str = r#"
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
.warning { color: #a04000; border-left: 3px solid #d55e00; padding-left: 6pt; }
section.page { break-before: page; page-break-before: always; }
.cover { min-height: 250mm; display: flex; flex-direction: column; padding-top: 28mm; }
.cover .band { height: 9mm; background: var(--accent); margin-bottom: 16mm; }
.cover p { font-size: 13pt; color: var(--muted); margin: 0 0 4pt; }
.cover h1 { font-size: 27pt; margin: 0 0 6pt; }
.cover h1 + p { font-size: 15pt; color: var(--ink); margin: 0 0 18mm; }
.cover p.note, .cover p.warning { font-size: 10.5pt; }
.cover dl.facts { grid-template-columns: max-content 1fr; gap: 6pt 16pt; font-size: 12pt; margin: 0 0 14mm; }
.cover dl.facts dd { font-weight: 600; }
.cover dl.facts dt:empty + dd { font-weight: 400; }
.cover ul { font-size: 10.5pt; }
.toc ol { columns: 2; margin: 4pt 0 0; padding-left: 16pt; }
.toc a, td a { color: inherit; text-decoration: none; }
dl.facts { display: grid; grid-template-columns: max-content 1fr max-content 1fr; gap: 2pt 10pt; font-size: 9.5pt; margin: 0 0 8pt; }
dl.facts dt { color: var(--muted); } dl.facts dd { margin: 0; overflow-wrap: anywhere; }
dl.facts dd:empty { border-bottom: 1px solid var(--ink); min-height: 18pt; }
.figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(36mm, 1fr)); gap: 8pt; margin: 6pt 0 12pt; }
.figure { border: 1px solid var(--rule); border-top: 3px solid var(--accent); padding: 6pt 8pt; }
.figure .value { font-size: 17pt; font-weight: 700; display: block; }
.figure .what { color: var(--muted); font-size: 9pt; display: block; }
ul { font-size: 9.5pt; margin: 0 0 10pt; padding-left: 14pt; }
table { border-collapse: collapse; width: 100%; margin: 4pt 0 12pt; font-size: 9.5pt; }
caption { caption-side: top; text-align: left; color: var(--accent); font-weight: 700; font-size: 11pt; padding: 4pt 0; }
thead { display: table-header-group; }
th { background: var(--accent); color: #fff; text-align: left; font-weight: 600; padding: 4pt 6pt; }
td { padding: 4pt 6pt; border-bottom: 1px solid var(--rule); vertical-align: top; }
tbody tr:nth-child(even) td { background: var(--zebra); }
tr { break-inside: avoid; page-break-inside: avoid; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num { white-space: nowrap; }
td.name { overflow-wrap: anywhere; min-width: 5.5em; }
th.num { white-space: nowrap; }
table.compact { font-size: 8.5pt; }
table.compact th, table.compact td { padding: 3pt 4pt; }
table.compact td.name { min-width: 6.5em; }
.chip { display: inline-block; min-width: 2.4em; padding: 0 5pt; border-radius: 3pt; font-weight: 700;
        text-align: center; font-variant-numeric: tabular-nums; border: 1px solid rgba(0,0,0,.25); }
.chip.none { background: #d9d9d9; color: #1a1a1a; }
.chip.prov { outline: 1.5px dashed #1a1a1a; outline-offset: 1.5px; }
.flag { display: inline-block; font-size: 8.5pt; padding: 0 4pt; border: 1px solid #d55e00; color: #a04000; border-radius: 3pt; white-space: normal; }
.flag.prov { border-style: dashed; }
.up { color: #0072b2; font-weight: 600; } .down { color: #b34700; font-weight: 600; }
figure { margin: 6pt 0 12pt; break-inside: avoid; page-break-inside: avoid; }
figure svg { display: block; margin: 0 auto; max-width: 100%; height: auto; }
figcaption { color: var(--muted); font-size: 9pt; margin-top: 3pt; }
.nowrap { white-space: nowrap; }
@media screen { body { padding-bottom: 20mm; } section.page { border-top: 1px dashed var(--rule); margin-top: 16mm; } }
section.brief h1 { font-size: 21pt; margin: 0 0 4pt; }
section.brief h1 + p { color: var(--muted); font-size: 11pt; margin: 0 0 6pt; }
section.brief h2 { font-size: 14pt; margin: 14pt 0 6pt; }
section.brief h3 { font-size: 11.5pt; margin: 10pt 0 4pt; }
section.brief .figures { grid-template-columns: repeat(5, 1fr); margin: 4pt 0 8pt; }
section.brief table { font-size: 8.5pt; margin: 2pt 0 8pt; }
section.brief th, section.brief td { padding: 2pt 4pt; }
section.brief ul { margin: 0 0 6pt; }
section.brief .figure .value { font-size: 14pt; }
.sign-off { margin: 18pt 0 0 auto; width: 62mm; break-inside: avoid; page-break-inside: avoid; }
.sign-off dl { display: grid; grid-template-columns: max-content 1fr; gap: 10pt 10pt; margin: 0 0 8pt; }
.sign-off dt { color: var(--muted); } .sign-off dd { margin: 0; border-bottom: 1px solid var(--ink); min-height: 16pt; }
.sign-off .date { text-align: right; }
.masthead { text-align: center; color: #e60012; margin: 0 0 16pt; }
.masthead .office { font-family: 'FZXiaoBiaoSong-B05S','FZXiaoBiaoSong-B05','STZhongsong','SimSun','Noto Serif CJK SC',serif;
                    font-size: 22pt; letter-spacing: 1pt; line-height: 1.3; }
.masthead .number { color: var(--ink); font-size: 16pt; margin-top: 10pt; }
.masthead hr { border: 0; border-top: 2px solid #e60012; margin: 6pt 0 0; }
body.official { font-family: 'FangSong_GB2312','FangSong','STFangsong','Noto Serif CJK SC','Noto Serif SC',serif;
                font-size: 16pt; line-height: 1.75; color: #000; --accent: #000; max-width: 156mm; padding: 0; }
body.official h1 { font-family: 'FZXiaoBiaoSong-B05S','STZhongsong','SimSun','Noto Serif CJK SC',serif; font-size: 22pt;
                   text-align: center; font-weight: 400; }
body.official h2 { font-family: 'SimHei','STHeiti','Noto Sans CJK SC','Noto Sans SC',sans-serif; font-size: 16pt;
                   font-weight: 400; border: 0; padding: 0; }
body.official h3 { font-family: 'KaiTi_GB2312','KaiTi','STKaiti','Noto Serif CJK SC',serif; font-size: 16pt; font-weight: 400; }
body.official p { text-indent: 2em; margin: 0; }
body.official h1 + p, body.official p.note { text-indent: 0; }
body.official table, body.official ul, body.official .note { font-size: 10.5pt; line-height: 1.45; }
body.official section.brief h2, body.official section.brief h3 { margin: 6pt 0 2pt; }
body.official th, body.official td { padding: 2pt 4pt; }
body.official th { background: #fff; color: #000; border: 1px solid #000; }
body.official td { border: 1px solid #000; }
body.official tbody tr:nth-child(even) td { background: #fff; }
body.official .figure { border-top-color: #000; }
body.official section.brief h1 + p { text-align: center; }
@page { @bottom-center { content: counter(page); font-size: 9pt; color: #595959; } }
@page official { margin: 37mm 26mm 35mm 28mm; @bottom-center { content: "\2014  " counter(page) "  \2014"; font-size: 14pt; color: #000; } }
@media print { body.official { max-width: none; page: official; } }
"#;

/// The HTML being written.
struct Printer<'a> {
    names: &'a Names,
    out: String,
}

impl Printer<'_> {
    fn push(&mut self, text: &str) {
        self.out.push_str(text);
    }

    /// Running text: escaped, with every user name in it isolated.
    fn prose(&self, text: &str) -> String {
        self.names.isolate(text).replace('\n', "<br>")
    }

    /// `<!DOCTYPE>`, `<html lang>`, `<head>` with the stylesheet, `<body>`.
    fn head(&mut self, document: &Document) {
        let lang = match document.lang {
            Lang::En => "en",
            Lang::Zh => "zh-CN",
        };
        let _ = write!(
            self.out,
            "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <meta name=\"generator\" content=\"govmaturity\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body{}>\n",
            isolate(&document.title),
            match document.style {
                ReportStyle::Plain => "",
                ReportStyle::Official => " class=\"official\"",
            }
        );
    }

    fn block(&mut self, document: &Document, block: &Block, draw: &impl Fn(&Chart, &str) -> String) {
        match block {
            Block::Heading { level, text, anchor } => {
                let level = (*level).clamp(1, 4);
                let id = anchor
                    .as_deref()
                    .map_or_else(String::new, |a| format!(" id=\"{}\"", escape(a)));
                let _ = writeln!(self.out, "<h{level}{id}>{}</h{level}>", self.prose(text));
            }
            Block::Paragraph(paragraph) => {
                let class = match paragraph.tone {
                    Tone::Body => "",
                    Tone::Note => " class=\"note\"",
                    Tone::Warning => " class=\"warning\"",
                };
                let _ = writeln!(self.out, "<p{class}>{}</p>", self.prose(&paragraph.text));
            }
            Block::List(items) => {
                let items: String = items
                    .iter()
                    .map(|item| format!("<li>{}</li>", self.prose(item)))
                    .collect();
                let _ = writeln!(self.out, "<ul>{items}</ul>");
            }
            Block::Facts(pairs) => {
                let pairs: String = pairs
                    .iter()
                    .map(|(what, value)| format!("<dt>{}</dt><dd>{}</dd>", escape(what), self.prose(value)))
                    .collect();
                let _ = writeln!(self.out, "<dl class=\"facts\">{pairs}</dl>");
            }
            Block::KeyFigures(figures) => self.key_figures(figures),
            Block::Contents { title } => self.contents(document, title),
            Block::Table(table) => self.table(table),
            Block::Figure(figure) => {
                let svg = draw(&figure.chart, &figure.alt);
                let caption = if figure.caption.is_empty() {
                    String::new()
                } else {
                    format!("<figcaption>{}</figcaption>", self.prose(&figure.caption))
                };
                let _ = writeln!(self.out, "<figure>{svg}{caption}</figure>");
            }
            // Sections are cut at page breaks before printing.
            Block::PageBreak => {}
            Block::SignOff(sign_off) => {
                let rows: String = sign_off
                    .rows
                    .iter()
                    .map(|(role, name)| {
                        format!(
                            "<dt>{}</dt><dd class=\"sign\">{}</dd>",
                            escape(role),
                            self.prose(name)
                        )
                    })
                    .collect();
                let _ = writeln!(
                    self.out,
                    "<div class=\"sign-off\"><dl>{rows}</dl><p class=\"date\">{}</p></div>",
                    escape(&sign_off.date)
                );
            }
        }
    }

    /// The official header: the issuing office large and red, the document
    /// number under it, a red rule.
    fn masthead(&mut self, masthead: &Masthead) {
        let number = if masthead.number.is_empty() {
            String::new()
        } else {
            format!("<div class=\"number\">{}</div>", self.prose(&masthead.number))
        };
        let _ = writeln!(
            self.out,
            "<header class=\"masthead\"><div class=\"office\">{}</div>{number}<hr></header>",
            self.prose(&masthead.office)
        );
    }

    /// The headline figures, large, in a grid.
    fn key_figures(&mut self, figures: &[KeyFigure]) {
        self.push("<div class=\"figures\">");
        for figure in figures {
            let note = if figure.note.is_empty() {
                String::new()
            } else {
                format!("<span class=\"what\">{}</span>", self.prose(&figure.note))
            };
            let _ = write!(
                self.out,
                "<div class=\"figure\"><span class=\"value\">{}</span><span class=\"what\">{}</span>{note}</div>",
                escape(&figure.value),
                escape(&figure.label)
            );
        }
        self.push("</div>\n");
    }

    /// The table of contents: every level-1 and level-2 heading with an
    /// anchor, linked.
    fn contents(&mut self, document: &Document, title: &str) {
        let entries: String = document
            .outline()
            .filter(|(level, _, _)| *level <= 2)
            .map(|(_, text, anchor)| {
                format!(
                    "<li><a href=\"#{}\">{}</a></li>",
                    escape(anchor),
                    self.prose(text)
                )
            })
            .collect();
        let _ = writeln!(
            self.out,
            "<nav class=\"toc\"><strong>{}</strong><ol>{entries}</ol></nav>",
            escape(title)
        );
    }

    /// A table: caption, header row, one row per entry; wide tables are
    /// set smaller.
    fn table(&mut self, table: &Table) {
        let class = if table.columns.len() > 7 {
            " class=\"compact\""
        } else {
            ""
        };
        let _ = writeln!(self.out, "<table{class} data-table=\"{}\">", escape(&table.id));
        if let Some(caption) = &table.caption {
            let _ = write!(self.out, "<caption>{}</caption>", self.prose(caption));
        }
        self.push("<thead><tr>");
        for column in &table.columns {
            let class = if column.numeric { " class=\"num\"" } else { "" };
            let _ = write!(self.out, "<th{class}>");
            bdi_into(&mut self.out, &column.header);
            self.push("</th>");
        }
        self.push("</tr></thead>\n<tbody>\n");
        for row in &table.rows {
            self.push("<tr>");
            for (i, cell) in row.iter().enumerate() {
                let numeric = table.columns.get(i).is_some_and(|c| c.numeric);
                let class = if numeric {
                    " class=\"num\""
                } else if cell.kind == CellKind::Text {
                    " class=\"name\""
                } else {
                    ""
                };
                let _ = write!(self.out, "<td{class}>");
                self.cell(cell);
                self.push("</td>");
            }
            self.push("</tr>\n");
        }
        self.push("</tbody></table>\n");
    }

    /// A cell's content: levels as coloured chips (dashed when provisional),
    /// changes with an arrow, text isolated; its notes under it; a link to
    /// an anchor around it all.
    fn cell(&mut self, cell: &Cell) {
        if let Some(anchor) = &cell.link {
            self.push("<a href=\"#");
            escape_into(&mut self.out, anchor);
            self.push("\">");
        }
        let out = &mut self.out;
        match &cell.kind {
            CellKind::Text => bdi_into(out, &cell.text),
            CellKind::Level(value) => {
                let colour = value.map(|v| shown_level(v).colour);
                level_chip(out, colour, &cell.text, cell.provisional);
            }
            CellKind::WholeLevel(level) => {
                let colour = level.map(|l| level_colour(f64::from(l.get())));
                // "2 · Developing": the number on the chip, the rest beside it.
                match level.map(format::level_digit) {
                    Some(digit) if cell.text != digit && cell.text.starts_with(&digit) => {
                        level_chip(out, colour, &digit, cell.provisional);
                        let rest = self.prose(&cell.text[digit.len()..]);
                        self.push(&rest);
                    }
                    _ => level_chip(out, colour, &cell.text, cell.provisional),
                }
            }
            CellKind::Change(value) => change(out, *value, &cell.text),
            CellKind::Number(_) | CellKind::Percent(_) => escape_into(out, &cell.text),
            CellKind::Date(_) => {
                out.push_str("<span class=\"nowrap\">");
                escape_into(out, &cell.text);
                out.push_str("</span>");
            }
        }
        if !cell.notes.is_empty() {
            // A linked cell's notes are the flags of the section it links to
            // (provisional, carried over …), and warnings are flags too;
            // other notes (a date, a dimension's name) are quiet lines.
            let warning = words::warning("");
            self.push("<br>");
            for (i, note) in cell.notes.iter().enumerate() {
                let warns = note.starts_with(warning.trim());
                let class = if warns && note.chars().count() <= SHORT_FLAG {
                    // A warning of a word or two ("⚠ Overdue") is never
                    // broken in a narrow column.
                    "flag nowrap"
                } else if cell.link.is_some() || warns {
                    "flag"
                } else {
                    "note"
                };
                let separator = if i == 0 { "" } else { " " };
                let _ = write!(
                    self.out,
                    "{separator}<span class=\"{class}\">{}</span>",
                    self.prose(note)
                );
            }
        }
        if cell.link.is_some() {
            self.push("</a>");
        }
    }
}

/// The longest warning flag, in characters, kept on one line.
const SHORT_FLAG: usize = 10;

/// A chip in a level's colour with `text` on it in the contrasting colour
/// (grey without a colour); a dashed outline marks a provisional figure.
fn level_chip(out: &mut String, colour: Option<Rgb>, text: &str, provisional: bool) {
    let Some(colour) = colour else {
        out.push_str("<span class=\"chip none\">");
        escape_into(out, text);
        out.push_str("</span>");
        return;
    };
    let class = if provisional { "chip prov" } else { "chip" };
    let _ = write!(
        out,
        "<span class=\"{class}\" style=\"background:{};color:{}\">",
        colour.hex(),
        text_colour_on(colour).hex(),
    );
    escape_into(out, text);
    out.push_str("</span>");
}

/// A signed change, coloured and with an arrow (so not by colour alone).
fn change(out: &mut String, value: Option<f64>, text: &str) {
    let rounded = value.map_or(0.0, |v| format::round(v, format::LEVEL_DECIMALS));
    let (class, arrow) = if rounded > 0.0 {
        ("up", "▲ ")
    } else if rounded < 0.0 {
        ("down", "▼ ")
    } else {
        escape_into(out, text);
        return;
    };
    let _ = write!(out, "<span class=\"{class}\">{arrow}");
    escape_into(out, text);
    out.push_str("</span>");
}

/// The user's names that running text may quote (departments, dimensions,
/// indicators, people, the workspace), escaped, in a trie so each is found
/// in one pass over the text however many there are.
#[derive(Debug)]
pub struct Names {
    /// A trie of the escaped names, as a flat arena (node 0 is the root),
    /// so a name of any length is neither built nor dropped by recursion.
    nodes: Vec<NameNode>,
}

#[derive(Debug, Default)]
struct NameNode {
    children: std::collections::BTreeMap<char, usize>,
    /// A name ends here.
    end: bool,
}

impl Default for Names {
    fn default() -> Names {
        Names {
            nodes: vec![NameNode::default()],
        }
    }
}

impl Names {
    pub fn new<'n>(names: impl IntoIterator<Item = &'n str>) -> Names {
        let mut trie = Names::default();
        for name in names.into_iter().filter(|n| !n.is_empty()) {
            let mut node = 0;
            for c in escape(name).chars() {
                let next = trie.nodes.len();
                let child = *trie.nodes[node].children.entry(c).or_insert(next);
                if child == next {
                    trie.nodes.push(NameNode::default());
                }
                node = child;
            }
            trie.nodes[node].end = true;
        }
        trie
    }

    /// The byte length of the longest name at the start of `text`.
    fn longest_at(&self, text: &str) -> Option<usize> {
        let mut node = 0;
        let mut longest = None;
        for (i, c) in text.char_indices() {
            let Some(&next) = self.nodes.get(node).and_then(|n| n.children.get(&c)) else {
                break;
            };
            node = next;
            if self.nodes.get(node).is_some_and(|n| n.end) {
                longest = Some(i + c.len_utf8());
            }
        }
        longest
    }

    /// Escapes `text` and wraps every name in it in `<bdi>`, longest first,
    /// so direction marks inside a name cannot reorder the sentence around it.
    pub fn isolate(&self, text: &str) -> String {
        let escaped = escape(text);
        let mut out = String::with_capacity(escaped.len() + 64);
        let mut rest = escaped.as_str();
        while let Some(c) = rest.chars().next() {
            if let Some(len) = self.longest_at(rest) {
                let _ = write!(out, "<bdi>{}</bdi>", &rest[..len]);
                rest = &rest[len..];
            } else if let Some(end) = (c == '&').then(|| rest.find(';')).flatten() {
                // An entity is copied whole, so a name like "amp" never splits "&amp;".
                out.push_str(&rest[..=end]);
                rest = &rest[end + 1..];
            } else {
                out.push(c);
                rest = &rest[c.len_utf8()..];
            }
        }
        out
    }
}

/// The names from the user's data in a report: departments, dimensions,
/// indicators, assessors and reviewers, the framework and the workspace.
pub fn names_in(content: &ReportContent) -> Names {
    let lang = content.lang;
    let sections = content.sections.iter();
    Names::new(
        content
            .heatmap
            .iter()
            .map(|d| d.name.as_str())
            .chain(content.ranking.iter().map(|r| r.name.as_str()))
            .chain(content.dimensions.iter().map(|d| d.name.as_str()))
            .chain(content.framework.indicators().map(|(_, i)| i.name.get(lang)))
            .chain(sections.clone().map(|s| s.assessor.as_str()))
            .chain(sections.clone().map(|s| s.reviewer.as_str()))
            .chain(sections.filter_map(|s| s.parent.as_deref()))
            .chain([content.title.get(lang), content.framework.name.get(lang)]),
    )
}

/// Text, escaped and isolated in `<bdi>` so its direction marks stay
/// inside; line breaks in it are kept.
fn bdi_into(out: &mut String, text: &str) {
    out.push_str("<bdi>");
    if text.contains('\n') {
        out.push_str(&escape(text).replace('\n', "<br>"));
    } else {
        escape_into(out, text);
    }
    out.push_str("</bdi>");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Level;
    use crate::present::document::{Column, Figure, Paragraph};

    /// A small report by hand: a cover with contents, then a page with key
    /// figures, a table of every cell kind, a list and a figure.
    fn document() -> Document {
        let level = |n: u8| Level::new(n).unwrap();
        Document {
            kind: Default::default(),
            style: Default::default(),
            masthead: None,
            lang: Lang::En,
            title: "Report — <Workspace>".to_owned(),
            blocks: vec![
                Paragraph::body("My Workspace"),
                Block::Heading {
                    level: 1,
                    text: "Maturity Report".to_owned(),
                    anchor: None,
                },
                Block::Facts(vec![("Period".to_owned(), "2025-12-31".to_owned())]),
                Block::Contents {
                    title: "Contents".to_owned(),
                },
                Block::PageBreak,
                Block::Heading {
                    level: 2,
                    text: "Ranking".to_owned(),
                    anchor: Some("ranking".to_owned()),
                },
                Block::KeyFigures(vec![KeyFigure {
                    label: "Mean level".to_owned(),
                    value: "2.63".to_owned(),
                    note: "includes 5 provisional".to_owned(),
                }]),
                Paragraph::note("How to read it."),
                Paragraph::warning("Finance Bureau: latest assessment could not be read."),
                Block::Table(Table {
                    id: "ranking".to_owned(),
                    caption: Some("Departments".to_owned()),
                    columns: vec![
                        Column::number("Rank"),
                        Column::text("Department"),
                        Column::number("Mean level"),
                        Column::text("Stage"),
                        Column::number("Change"),
                        Column::number("Coverage"),
                    ],
                    rows: vec![vec![
                        Cell::of("1", CellKind::Number(Some(1.0))),
                        Cell::text("Finance Bureau")
                            .with_notes(vec!["provisional".to_owned()])
                            .provisional(true)
                            .linked("dept-finance"),
                        Cell::of("2.63", CellKind::Level(Some(2.625)))
                            .provisional(true)
                            .with_notes(vec!["2025-12-31".to_owned()]),
                        Cell::of("2 · Embryonic", CellKind::WholeLevel(Some(level(2)))),
                        Cell::of("−0.25", CellKind::Change(Some(-0.25))),
                        Cell::of("97%", CellKind::Percent(Some(0.966))),
                    ]],
                }),
                Block::List(vec!["Finance Bureau: provisional".to_owned()]),
                Block::Figure(Figure {
                    chart: Chart::Ranking,
                    alt: "Departments by mean level".to_owned(),
                    caption: "Mean level".to_owned(),
                }),
                Block::PageBreak,
                Block::Heading {
                    level: 2,
                    text: "Finance Bureau".to_owned(),
                    anchor: Some("dept-finance".to_owned()),
                },
                Block::Table(Table {
                    id: "department.finance.dimensions".to_owned(),
                    caption: None,
                    columns: vec![Column::text("Dimension"), Column::number("Target")],
                    rows: vec![vec![
                        Cell::text("<script>x()</script>").with_notes(vec![words::warning("imbalanced")]),
                        Cell::of("–", CellKind::WholeLevel(None)),
                    ]],
                }),
            ],
        }
    }

    fn printed() -> String {
        let names = Names::new(["Finance Bureau", "My Workspace"]);
        let mut bytes = Vec::new();
        print_parts(
            &document(),
            std::iter::empty(),
            &names,
            |chart, alt| format!("<svg role=\"img\" aria-label=\"{}\">{chart:?}</svg>", escape(alt)),
            &mut bytes,
        )
        .unwrap();
        String::from_utf8(bytes).unwrap()
    }

    #[test]
    fn sections_are_cut_at_page_breaks_and_the_first_is_the_cover() {
        let html = printed();
        assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
        assert!(html.contains("<title>\u{2068}Report — &lt;Workspace&gt;\u{2069}</title>"));
        assert!(html.contains(
            "<section class=\"cover\">\n<div class=\"band\"></div>\n<p><bdi>My Workspace</bdi></p>\n<h1>Maturity Report</h1>\n\
             <dl class=\"facts\"><dt>Period</dt><dd>2025-12-31</dd></dl>\n\
             <nav class=\"toc\"><strong>Contents</strong><ol><li><a href=\"#ranking\">Ranking</a></li>\
             <li><a href=\"#dept-finance\"><bdi>Finance Bureau</bdi></a></li></ol></nav>\n</section>\n"
        ));
        assert_eq!(html.matches("<section class=\"page\">").count(), 2);
        assert!(
            html.contains("<section class=\"page\">\n<h2 id=\"dept-finance\"><bdi>Finance Bureau</bdi></h2>")
        );
        assert!(html.ends_with("</section>\n</body>\n</html>\n"));
    }

    #[test]
    fn blocks_print_with_their_tone_and_figures_carry_their_alt_text() {
        let html = printed();
        assert!(html.contains(
            "<div class=\"figures\"><div class=\"figure\"><span class=\"value\">2.63</span>\
             <span class=\"what\">Mean level</span><span class=\"what\">includes 5 provisional</span></div></div>"
        ));
        assert!(html.contains("<p class=\"note\">How to read it.</p>"));
        assert!(html.contains(
            "<p class=\"warning\"><bdi>Finance Bureau</bdi>: latest assessment could not be read.</p>"
        ));
        assert!(html.contains("<ul><li><bdi>Finance Bureau</bdi>: provisional</li></ul>"));
        assert!(html.contains(
            "<figure><svg role=\"img\" aria-label=\"Departments by mean level\">Ranking</svg>\
             <figcaption>Mean level</figcaption></figure>"
        ));
    }

    #[test]
    fn cells_are_coloured_by_kind_and_marked_when_provisional() {
        let html = printed();
        assert!(html.contains(
            "<table data-table=\"ranking\">\n<caption>Departments</caption><thead><tr><th class=\"num\"><bdi>Rank</bdi></th>"
        ));
        assert!(html.contains("<td class=\"num\">1</td>"));
        assert!(html.contains(
            "<td class=\"name\"><a href=\"#dept-finance\"><bdi>Finance Bureau</bdi><br>\
             <span class=\"flag\">provisional</span></a></td>"
        ));
        // Level 2.63 is painted in the colour of the rounded value, dashed;
        // a note that is not a flag is a quiet line under it.
        assert!(html.contains("<td class=\"num\"><span class=\"chip prov\" style=\"background:#"));
        assert!(html.contains(">2.63</span><br><span class=\"note\">2025-12-31</span></td>"));
        // A stage: the number on the chip, the name beside it.
        assert!(html.contains("<td><span class=\"chip\" style=\"background:#"));
        assert!(html.contains(">2</span> · Embryonic</td>"));
        assert!(html.contains("<td class=\"num\"><span class=\"down\">▼ −0.25</span></td>"));
        assert!(html.contains("<td class=\"num\">97%</td>"));
        assert!(html.contains(
            "<td class=\"name\"><bdi>&lt;script&gt;x()&lt;/script&gt;</bdi><br><span class=\"flag\">⚠ imbalanced</span></td>"
        ));
        assert!(html.contains("<td class=\"num\"><span class=\"chip none\">–</span></td>"));
    }

    #[test]
    fn names_in_prose_are_isolated_once() {
        let names = Names::new(["Finance Bureau", "\u{202e}<x>", "Finance", "amp"]);
        assert_eq!(
            names.isolate("Finance Bureau and Finance and \u{202e}<x> rose."),
            "<bdi>Finance Bureau</bdi> and <bdi>Finance</bdi> and <bdi>\u{202e}&lt;x&gt;</bdi> rose."
        );
        assert_eq!(names.isolate("a & b"), "a &amp; b");
        assert_eq!(
            Names::new(["amp"]).isolate("amp &amp"),
            "<bdi>amp</bdi> &amp;<bdi>amp</bdi>"
        );
    }
}
