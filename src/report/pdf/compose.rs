//! Prints the report's [`Document`] as the PDF's flow of blocks. The order,
//! the words and the numbers are the document's (made once by
//! [`crate::present::build`] for every format); this module only decides
//! how each block looks on an A4 page:
//! - the blocks before the first page break are drawn as the cover;
//! - level-2 headings are the outline's top entries, the departments' ones
//!   grouped under one "Departments" entry, and anchored level-3 headings
//!   sit below them;
//! - facts become a label–value grid, key figures a table, the contents a
//!   table of entries and page numbers, the approval's facts signature lines;
//! - table cells are coloured by their [`CellKind`] (level chips, blue and
//!   vermillion changes) and outlined with dashes when provisional;
//! - figures are drawn from the report content by [`super::charts`], with
//!   the document's alternative text.

use crate::charts::{Point, Rect, Rgb, level_colour, text_colour_on};
use crate::model::{Lang, Level};
use crate::present::build;
use crate::present::catalogue::document as words;
use crate::present::document::{self as doc, Block as DocBlock, CellKind, Chart, Document, Tone, anchor};
use crate::present::format;
use crate::present::report::{ReportContent, notes_text};

use super::charts::{self, HistoryPoint, RadarSeries};
use std::collections::BTreeSet;

use super::layout::{ACCENT, Block, Graphic, INK, Item, Laid, Look, MUTED, Paragraph, RED, RULE, Style};
use super::tables::{Cell, Column, Table};
use super::text::{self, Face, Fonts};

/// Heatmap rows per graphic, so that one part always fits a page.
const HEATMAP_ROWS: usize = 30;
/// Ranking bars per graphic, likewise.
const RANKING_ROWS: usize = 45;
/// The longest text drawn on a level chip ("2.63", "5", "–").
const CHIP_CHARS: usize = 4;

/// The text colour of a cell with a warning: the HTML report's flag colour
/// (7.1:1 on white).
const WARNING: Rgb = Rgb(0xa0, 0x40, 0x00);

/// Marks the page number of contents entry `i` until the pages are known:
/// `PAGE_MARK` followed by `i`. A private-use character, never in a report.
const PAGE_MARK: char = '\u{E000}';

/// The document as blocks. The contents' page numbers are placeholders
/// until [`number_contents`] fills them in after layout.
///
/// A full or department report starts with its cover (the blocks before
/// the first page break); a brief has none: its masthead (official style)
/// and title head page 1 and its sections follow. A note on characters no
/// font has ([`Fonts::notes`]) closes the problems section (or the
/// document, if it has none).
pub fn compose(fonts: &Fonts, content: &ReportContent, document: &Document) -> Vec<Block> {
    let look = Look::of(document.style);
    let brief = document.kind == crate::present::report::ReportKind::Brief;
    let cover_end = if brief {
        0
    } else {
        document
            .blocks
            .iter()
            .position(|b| matches!(b, DocBlock::PageBreak))
            .unwrap_or(0)
    };
    let mut out = Printer {
        fonts,
        content,
        document,
        look,
        brief,
        blocks: Vec::new(),
        section: String::new(),
        depth: 0,
        departments: false,
        missing_note: missing_note(fonts, content.lang),
        in_problems: false,
    };
    if brief {
        if let Some(masthead) = &document.masthead {
            let graphic = out.masthead(masthead);
            out.push(Block::Graphic(graphic));
        }
    } else {
        out.cover(&document.blocks[..cover_end]);
    }
    for block in &document.blocks[cover_end..] {
        out.block(block);
    }
    out.flush_missing_note();
    out.blocks
}

/// The note on characters no font has, if there are any.
fn missing_note(fonts: &Fonts, lang: Lang) -> Option<String> {
    let replaced = fonts.notes().replaced;
    if replaced.is_empty() {
        return None;
    }
    let codes: Vec<String> = replaced
        .iter()
        .map(|c| format!("U+{:04X}", u32::from(*c)))
        .collect();
    let separator = match lang {
        Lang::En => ", ",
        Lang::Zh => "\u{3001}",
    };
    Some(crate::present::catalogue::pdf_missing_glyphs(
        replaced.len(),
        &codes.join(separator),
        text::REPLACEMENT,
        lang,
    ))
}

/// Every character the blocks draw (and `extra`'s), that the bundled
/// fonts lack.
pub fn missing_characters<'a>(
    fonts: &Fonts,
    blocks: &[Block],
    extra: impl IntoIterator<Item = &'a str>,
) -> BTreeSet<char> {
    let mut missing = BTreeSet::new();
    let mut check = |text: &str| {
        for c in text.chars() {
            if !fonts.has(c) && c != PAGE_MARK {
                missing.insert(c);
            }
        }
    };
    for text in extra {
        check(text);
    }
    for block in blocks {
        match block {
            Block::Heading { text, .. } | Block::Bookmark { title: text, .. } => check(text),
            Block::Paragraph(p) => {
                check(&p.text);
                if let Some(bullet) = &p.bullet {
                    check(bullet);
                }
            }
            Block::Table(t) => {
                t.header.iter().for_each(|h| check(h));
                t.rows.iter().flatten().for_each(|c| check(&c.text));
            }
            Block::Graphic(g) => {
                for item in &g.items {
                    if let Item::Text { text, .. } = item {
                        check(text);
                    }
                }
            }
            Block::Space(_) | Block::PageBreak => {}
        }
    }
    missing
}

/// Writes the contents' page numbers over their placeholders, once the
/// pages are laid out: `pages[i]` is the 0-based page of entry `i`. The
/// numbers are right-aligned as their placeholders were, and take the same
/// single line, so nothing else moves.
pub fn number_contents(fonts: &Fonts, laid: &mut Laid, pages: &[Option<usize>]) {
    for placed in laid.pages.iter_mut().flatten() {
        let Item::Text { at, size, text, .. } = &mut placed.item else {
            continue;
        };
        let Some(entry) = text.strip_prefix(PAGE_MARK).and_then(|i| i.parse::<usize>().ok()) else {
            continue;
        };
        let number = pages
            .get(entry)
            .copied()
            .flatten()
            .map_or_else(|| format::MISSING.to_owned(), |p| (p + 1).to_string());
        at.x += fonts.width(text, *size) - fonts.width(&number, *size);
        *text = number;
    }
}

/// The contents' entries: the level-2 headings, in order, each as its
/// heading prints (a very long one shortened, see [`text::shorten`]).
pub fn entries(document: &Document) -> Vec<(String, &str)> {
    document
        .outline()
        .filter(|(level, _, _)| *level == 2)
        .map(|(_, text, anchor)| (text::shorten(text), anchor))
        .collect()
}

struct Printer<'a> {
    fonts: &'a Fonts,
    content: &'a ReportContent,
    document: &'a Document,
    look: Look,
    /// A brief: no cover, its title heads page 1.
    brief: bool,
    /// The note on characters no font has, until it is printed.
    missing_note: Option<String>,
    /// In the data problems, which the note closes.
    in_problems: bool,
    blocks: Vec<Block>,
    /// The anchor of the section being printed.
    section: String,
    /// The outline depth of the section's heading.
    depth: usize,
    /// The "Departments" outline entry has been made.
    departments: bool,
}

/// A colour darkened enough to read as text on white.
fn darker(c: Rgb) -> Rgb {
    c.lerp(Rgb::BLACK, 0.25)
}

/// "Label: value" lines as a two-column table without zebra emphasis.
fn facts(rows: &[(String, String)]) -> Table {
    let mut table = Table::new(vec![Column::left(1.0), Column::left(2.6)], Vec::new());
    table.rows = rows
        .iter()
        .map(|(label, value)| vec![Cell::new(label.clone()).coloured(MUTED), Cell::new(value.clone())])
        .collect();
    table
}

/// "Label: value" pairs two to a row (label, value, label, value).
fn facts_grid(rows: &[(String, String)]) -> Table {
    let mut table = Table::new(
        vec![
            Column::left(1.0),
            Column::left(1.7),
            Column::left(1.0),
            Column::left(1.7),
        ],
        Vec::new(),
    );
    table.rows = rows
        .chunks(2)
        .map(|pair| {
            pair.iter()
                .flat_map(|(label, value)| {
                    [Cell::new(label.clone()).coloured(MUTED), Cell::new(value.clone())]
                })
                .collect()
        })
        .collect();
    table
}

/// Column widths (relative) of the report's tables, as the PDF has always
/// laid them out; other tables share the width evenly, text wider.
fn weights(id: &str, columns: &[doc::Column]) -> Vec<f32> {
    let known: &[f32] = match id {
        "ranking" => &[0.7, 3.2, 1.1, 2.0, 1.0, 1.0],
        "stages" => &[0.6, 2.0, 1.0],
        "dimensions" => &[3.0, 1.0, 0.8, 0.8, 0.9, 1.1, 1.1],
        "priorities" => &[1.8, 2.2, 0.75, 0.75, 0.7, 0.9, 4.0],
        "history" => &[1.5, 1.0, 1.0, 1.0, 1.0],
        "priorities.rollup" => &[3.4, 1.2, 0.9, 0.9, 0.9],
        "measures.actions" => &[1.4, 2.2, 1.6, 1.6, 1.8, 1.5, 1.3],
        "measures.uncovered" => &[2.0, 2.8, 0.75, 0.75, 0.7, 0.9],
        "measures.overdue" => &[1.8, 3.0, 2.0, 1.8, 1.5],
        "problems" => &[2.4, 0.9, 4.0],
        "coverage" => &[3.0, 1.2, 1.0, 1.0, 1.0],
        "levels" => &[0.5, 1.5, 5.0],
        _ if id.ends_with(".dimensions") => &[2.6, 0.9, 2.2, 0.75, 0.7, 0.85, 0.85, 0.85],
        _ if id.ends_with(".answers") => &[1.9, 0.75, 0.75, 2.5, 3.6, 2.5],
        _ if id.starts_with("rubric.") => &[1.6, 1.5, 1.5, 1.5, 1.5, 1.5],
        "progress" => &[2.2, 1.7, 1.7, 0.9],
        _ => &[],
    };
    columns
        .iter()
        .enumerate()
        .map(|(i, c)| {
            known
                .get(i)
                .copied()
                .unwrap_or(if c.numeric { 0.75 } else { 2.0 })
        })
        .collect()
}

/// The type size of a table: small for the long ones.
fn table_size(id: &str) -> f32 {
    if id.ends_with(".answers") {
        7.5
    } else if id.starts_with("rubric.") {
        7.0
    } else if id == "progress" {
        8.0
    } else {
        8.5
    }
}

/// A cell as printed: its text with its notes below, coloured by its kind.
fn cell(c: &doc::Cell, lang: Lang) -> Cell {
    let text = if c.notes.is_empty() {
        c.text.clone()
    } else {
        format!("{}\n{}", c.text, notes_text(&c.notes, lang))
    };
    // A chip carries one short figure; a figure with notes below, or with
    // words beside it (a floor and its indicator), is plain text.
    let chip = c.notes.is_empty() && c.text.chars().count() <= CHIP_CHARS;
    let printed = match &c.kind {
        CellKind::Level(Some(v)) if chip => Cell::chip(text, crate::charts::shown_level(*v).colour),
        CellKind::WholeLevel(Some(l)) if chip => Cell::chip(text, level_colour(f64::from(l.get()))),
        CellKind::Level(None) | CellKind::WholeLevel(None) | CellKind::Change(None) => {
            Cell::new(text).coloured(MUTED)
        }
        CellKind::Change(Some(change)) => {
            Cell::new(text).coloured(darker(crate::charts::change_colour(*change)))
        }
        // A cell with a warning under it ("⚠ Overdue") reads in the
        // warning colour, as the HTML report's flags do; the words say it too.
        CellKind::Text if c.notes.iter().any(|n| n.starts_with(words::warning("").trim())) => {
            Cell::new(text).coloured(WARNING)
        }
        _ => Cell::new(text),
    };
    if c.provisional && printed.chip.is_some() {
        printed.dashed()
    } else {
        printed
    }
}

impl Printer<'_> {
    fn push(&mut self, block: Block) {
        self.blocks.push(block);
    }

    /// Prints the note on characters no font has, once.
    fn flush_missing_note(&mut self) {
        if let Some(note) = self.missing_note.take() {
            self.push(Block::Heading {
                level: 3,
                text: crate::present::catalogue::T::PdfMissingGlyphsHeading
                    .get(self.content.lang)
                    .to_owned(),
                bookmark: None,
            });
            let paragraph = self.look.body(words::warning(&note));
            self.push(Block::Paragraph(paragraph));
        }
    }

    fn block(&mut self, block: &DocBlock) {
        let lang = self.content.lang;
        match block {
            DocBlock::Heading { level, text, anchor } => {
                // The note closes the problems section.
                if self.in_problems && *level <= 3 {
                    self.flush_missing_note();
                }
                self.in_problems = anchor.as_deref() == Some(anchor::PROBLEMS);
                self.heading(*level, text, anchor.as_deref());
            }
            DocBlock::Paragraph(p) => {
                let look = self.look;
                self.push(Block::Paragraph(match p.tone {
                    Tone::Body => look.body(p.text.clone()),
                    Tone::Note => look.note(p.text.clone()),
                    Tone::Warning => look.body(words::warning(&p.text)),
                }))
            }
            DocBlock::List(items) => {
                for item in items {
                    let paragraph = self.look.bullet(item.clone());
                    self.push(Block::Paragraph(paragraph));
                }
            }
            DocBlock::Facts(rows) if self.section == anchor::APPROVAL => self.signatures(rows),
            DocBlock::Facts(rows) if rows.len() == 1 => self.push(Block::Table(facts(rows))),
            DocBlock::Facts(rows) => self.push(Block::Table(facts_grid(rows))),
            DocBlock::KeyFigures(figures) => {
                let rows: Vec<(String, String)> = figures
                    .iter()
                    .map(|f| {
                        let value = if f.note.is_empty() {
                            f.value.clone()
                        } else {
                            format!("{}\n{}", f.value, f.note)
                        };
                        (f.label.clone(), value)
                    })
                    .collect();
                self.push(Block::Table(facts(&rows)));
            }
            DocBlock::Contents { title } => self.contents(title),
            DocBlock::Table(table) => self.table(table, lang),
            DocBlock::Figure(figure) => self.figure(figure),
            DocBlock::PageBreak => self.push(Block::PageBreak),
            DocBlock::SignOff(sign_off) if self.look.official => {
                let graphic = self.sign_off(sign_off);
                self.push(Block::Graphic(graphic));
            }
            DocBlock::SignOff(sign_off) => {
                self.signatures(&sign_off.rows);
                self.push(Block::Paragraph(Paragraph::body(sign_off.date.clone())));
            }
        }
    }

    /// Section headings (level 2) print large and head the outline; the
    /// departments' are grouped under one entry. Anchored sub-sections
    /// (level 3) are outline entries below their section.
    fn heading(&mut self, level: u8, text: &str, anchor: Option<&str>) {
        // A very long name heads its section shortened; the body keeps it whole.
        let text = &text::shorten(text);
        match level {
            // A brief's title: large, at the top of page 1.
            1 => self.push(Block::Heading {
                level: if self.brief { 0 } else { 1 },
                text: text.to_owned(),
                bookmark: Some(0),
            }),
            2 => {
                let department = anchor.and_then(anchor::department_id).is_some();
                if department && !self.departments {
                    self.departments = true;
                    self.push(Block::Bookmark {
                        depth: 0,
                        title: self.content.labels.departments.to_owned(),
                    });
                }
                self.depth = usize::from(department);
                self.section = anchor.unwrap_or_default().to_owned();
                if self.section == anchor::APPROVAL {
                    self.push(Block::Space(12.0));
                }
                self.push(Block::Heading {
                    level: 1,
                    text: text.to_owned(),
                    bookmark: anchor.map(|_| self.depth),
                });
            }
            _ => self.push(Block::Heading {
                level: level.saturating_sub(1).max(2),
                text: text.to_owned(),
                bookmark: anchor.map(|_| self.depth + 1),
            }),
        }
    }

    /// The contents: one row per section (bold) and department, with the
    /// page it starts on.
    fn contents(&mut self, title: &str) {
        self.push(Block::Heading {
            level: 1,
            text: title.to_owned(),
            bookmark: Some(0),
        });
        let mut table = Table::new(vec![Column::left(6.0), Column::right(0.8)], Vec::new());
        let mut grouped = false;
        for (i, (text, anchor)) in entries(self.document).into_iter().enumerate() {
            let page = format!("{PAGE_MARK}{i}");
            let department = anchor::department_id(anchor).is_some();
            if department && !grouped {
                grouped = true;
                table.rows.push(vec![
                    Cell::new(self.content.labels.departments).bold(),
                    Cell::new(String::new()),
                ]);
            }
            let entry = Cell::new(text.clone());
            let entry = if department { entry } else { entry.bold() };
            table.rows.push(vec![entry, Cell::new(page)]);
        }
        table.size = 9.5;
        self.push(Block::Table(table));
    }

    fn table(&mut self, t: &doc::Table, lang: Lang) {
        if let Some(caption) = &t.caption {
            self.push(Block::Heading {
                level: 3,
                text: text::shorten(caption),
                bookmark: None,
            });
        }
        let columns: Vec<Column> = t
            .columns
            .iter()
            .zip(weights(&t.id, &t.columns))
            .enumerate()
            .map(|(i, (c, weight))| {
                // Level chips sit centred; other figures align right.
                let chips = t
                    .rows
                    .first()
                    .and_then(|r| r.get(i))
                    .is_some_and(|c| matches!(c.kind, CellKind::Level(_) | CellKind::WholeLevel(_)));
                match (c.numeric, chips) {
                    (true, true) => Column::center(weight),
                    (true, false) => Column::right(weight),
                    (false, _) => Column::left(weight),
                }
            })
            .collect();
        let header = t.columns.iter().map(|c| c.header.clone()).collect();
        let mut table = Table::new(columns, header);
        table.size = table_size(&t.id);
        let problems = &self.content.appendix.problems;
        table.rows = t
            .rows
            .iter()
            .enumerate()
            .map(|(r, row)| {
                row.iter()
                    .enumerate()
                    .map(|(i, c)| {
                        let printed = cell(c, lang);
                        // An error among the data problems reads in vermillion.
                        let error = t.id == "problems" && i == 1 && problems.get(r).is_some_and(|p| p.error);
                        if error {
                            printed.coloured(darker(crate::charts::OKABE_ITO[6]))
                        } else if t.id.starts_with("rubric.") && i == 0 {
                            printed.bold()
                        } else {
                            printed
                        }
                    })
                    .collect()
            })
            .collect();
        self.push(Block::Table(table));
    }

    fn figure(&mut self, figure: &doc::Figure) {
        let c = self.content;
        let fonts = self.fonts;
        let mut graphics = match &figure.chart {
            Chart::Heatmap => {
                let rows: Vec<String> = c.heatmap.iter().map(|d| d.name.clone()).collect();
                let columns = build::heatmap_columns(c);
                let values = build::heatmap_values(c);
                let provisional: Vec<bool> = c.heatmap.iter().map(|d| d.is_provisional()).collect();
                // A page holds about 30 rows; longer grids continue on the
                // next page, each part with its own column labels and legend.
                rows.chunks(HEATMAP_ROWS)
                    .zip(values.chunks(HEATMAP_ROWS))
                    .zip(provisional.chunks(HEATMAP_ROWS))
                    .map(|((rows, values), provisional)| {
                        charts::heatmap(fonts, rows, &columns, values, provisional, c.labels.no_data)
                    })
                    .collect()
            }
            Chart::Ranking => {
                let bars: Vec<(String, Option<f64>)> =
                    c.ranking.iter().map(|r| (r.name.clone(), r.mean_level)).collect();
                let provisional: Vec<bool> = c.ranking.iter().map(|r| r.provisional).collect();
                bars.chunks(RANKING_ROWS)
                    .zip(provisional.chunks(RANKING_ROWS))
                    .map(|(part, provisional)| charts::ranking(fonts, part, provisional))
                    .collect()
            }
            Chart::History => {
                let first = c.history.first().map(|g| g.period);
                let points: Vec<HistoryPoint> = c
                    .history
                    .iter()
                    .map(|g| HistoryPoint {
                        label: format::date(g.period, c.lang),
                        // Periods are days apart, far below 2^52.
                        day: first.map_or(0.0, |f| (g.period - f).num_days() as f64),
                        mean: g.mean,
                        min: g.min,
                        max: g.max,
                    })
                    .collect();
                vec![charts::history(fonts, &points)]
            }
            Chart::Radar(id) => c
                .sections
                .iter()
                .find(|s| &s.figures.id == id)
                .map(|section| {
                    let profile = build::profile(c, section);
                    let labels: Vec<String> = c.dimensions.iter().map(|d| d.name.clone()).collect();
                    let series: Vec<RadarSeries> = profile
                        .iter()
                        .enumerate()
                        .map(|(i, s)| RadarSeries {
                            name: s.name.clone(),
                            values: &s.values,
                            colour: match (s.current, i) {
                                (true, _) => charts::series(0),
                                (false, 1) if section.previous.is_some() => Rgb(0x76, 0x76, 0x76),
                                _ => charts::series(3),
                            },
                            filled: s.current,
                        })
                        .collect();
                    charts::radar(fonts, &labels, &series)
                })
                .into_iter()
                .collect(),
            Chart::StageDistribution => {
                let bars: Vec<(String, usize)> = c
                    .levels
                    .iter()
                    .zip(c.summary.stage_counts)
                    .map(|(head, count)| {
                        let stage = words::numbered(&format::level_digit(head.level), &head.name);
                        (stage, count)
                    })
                    .collect();
                vec![charts::stages(fonts, &bars)]
            }
            // The heatmap draws its own legend.
            Chart::LevelLegend => Vec::new(),
        };
        // The first part carries the figure's text equivalent; later parts
        // (a long heatmap or ranking) describe their own rows.
        if let Some(first) = graphics.first_mut() {
            first.alt = Some(figure.alt.clone());
        }
        let drawn = !graphics.is_empty();
        for graphic in graphics {
            self.push(Block::Graphic(graphic));
        }
        if drawn && !figure.caption.is_empty() {
            let note = self.look.note(figure.caption.clone());
            self.push(Block::Paragraph(note));
        }
    }

    /// The official style's masthead (GB/T 9704-2012 §7.2): the issuing
    /// office in red, large and centred (shrunk to fit one line, down to
    /// 22 pt, then wrapped), the document number under it, and a red rule
    /// the width of the text block 4 mm below. Drawn for the text block.
    /// In the plain style (an English report asked for officially) the
    /// same in the report's own sans and blue, at most 22 pt.
    fn masthead(&self, masthead: &doc::Masthead) -> Graphic {
        let fonts = self.fonts;
        let width = self.look.width();
        let official = self.look.official;
        let (face, colour, largest) = if official {
            (Face::Serif, RED, 36.0)
        } else {
            (Face::Sans, ACCENT, 22.0)
        };
        let mut items = Vec::new();
        let office = text::shorten(&masthead.office);
        let natural = fonts.width_in(face, &office, 1.0).max(1.0);
        let size = (width * 0.995 / natural).clamp(16.0f32.min(largest), largest);
        let size = if official { size.max(22.0) } else { size };
        let style = Style {
            colour,
            bold: true,
            face,
        };
        let mut y = 0.0;
        for line in text::wrap_in(fonts, face, &office, size, width, width) {
            let x = (width - line.width) / 2.0;
            items.push(Item::text_line(x, y, size, size * 1.25, style, &line.text));
            y += size * 1.25;
        }
        y += 22.0;
        let number = text::shorten(&masthead.number);
        if !number.trim().is_empty() {
            let size = if official { 16.0 } else { 11.0 };
            let style = Style::BODY.in_face(face);
            for line in text::wrap_in(fonts, face, &number, size, width, width) {
                let x = (width - line.width) / 2.0;
                items.push(Item::text_line(x, y, size, size * 1.4, style, &line.text));
                y += size * 1.4;
            }
        }
        // 4 mm below the number.
        y += 11.3;
        items.push(Item::Rect {
            rect: Rect::from_min_size(Point::new(0.0, y), width, 1.5),
            fill: Some(colour),
            stroke: None,
        });
        y += 1.5 + 24.0;
        Graphic {
            width: Some(width),
            height: y,
            items,
            alt: None,
        }
    }

    /// The official sign-off block, right-aligned at the end: each role
    /// with its name, or with a line to sign on, then the date of issue,
    /// in the body's serif at 16 pt, two characters in from the right.
    fn sign_off(&self, sign_off: &doc::SignOff) -> Graphic {
        let fonts = self.fonts;
        let lang = self.content.lang;
        let size = super::layout::OFFICIAL_BODY_SIZE;
        let leading = size * super::layout::OFFICIAL_LEADING;
        let style = Style::BODY.in_face(Face::Serif);
        let right = self.look.width() - 2.0 * size;
        let signing_line = 6.0 * size;
        let rows: Vec<(String, bool)> = sign_off
            .rows
            .iter()
            .map(|(role, name)| {
                let name = text::shorten(name);
                let blank = name.trim().is_empty();
                (crate::present::catalogue::pdf_sign_line(role, &name, lang), blank)
            })
            .collect();
        let row_width = |(line, blank): &(String, bool)| {
            fonts.width_in(Face::Serif, line, size) + if *blank { signing_line } else { 0.0 }
        };
        let block = rows.iter().map(row_width).fold(0.0, f32::max).min(right);
        let left = (right - block).max(0.0);
        let mut items = Vec::new();
        // Two blank lines above.
        let mut y = leading;
        for row in &rows {
            let (line, blank) = row;
            let line = text::ellipsize_in(fonts, Face::Serif, line, size, right);
            items.push(Item::text_line(left, y, size, leading, style, &line));
            if *blank {
                let x = left + fonts.width_in(Face::Serif, &line, size);
                let base = y + text::baseline_offset(size, leading) + 3.0;
                items.push(Item::line(
                    Point::new(x, base),
                    Point::new((x + signing_line).min(right), base),
                    INK,
                    0.6,
                ));
            }
            y += leading;
        }
        if !sign_off.date.is_empty() {
            let x = right - fonts.width_in(Face::Serif, &sign_off.date, size);
            items.push(Item::text_line(
                x.max(0.0),
                y,
                size,
                leading,
                style,
                &sign_off.date,
            ));
            y += leading;
        }
        Graphic {
            width: Some(self.look.width()),
            height: y,
            items,
            alt: None,
        }
    }

    /// The cover page: in the official style the masthead, then title,
    /// workspace, facts, the overall stage as a large chip, and the key
    /// figures in boxes. Long texts are cut short (a 5,000-character name
    /// included), and a cover taller than the page is shrunk to fit it.
    fn cover(&mut self, blocks: &[DocBlock]) {
        let fonts = self.fonts;
        let content = self.content;
        let look = self.look;
        let title = blocks.iter().find_map(|b| match b {
            DocBlock::Heading { text, .. } => Some(text.as_str()),
            _ => None,
        });
        let title = text::shorten(title.unwrap_or(&self.document.title));
        self.push(Block::Bookmark {
            depth: 0,
            title: title.clone(),
        });
        let mut items = Vec::new();
        let width = look.width();
        let (mut y, title_style, title_face) = match &self.document.masthead {
            Some(masthead) if look.official => {
                let masthead = self.masthead(masthead);
                items.extend(masthead.items);
                let style = Style {
                    colour: INK,
                    bold: true,
                    face: Face::Serif,
                };
                (masthead.height, style, Face::Serif)
            }
            Some(masthead) => {
                let masthead = self.masthead(masthead);
                items.extend(masthead.items);
                let style = Style {
                    colour: ACCENT,
                    bold: true,
                    face: Face::Sans,
                };
                (masthead.height + 20.0, style, Face::Sans)
            }
            None => {
                items.push(Item::Rect {
                    rect: Rect::from_min_size(Point::new(0.0, 60.0), width, 4.0),
                    fill: Some(ACCENT),
                    stroke: None,
                });
                let style = Style {
                    colour: ACCENT,
                    bold: true,
                    face: Face::Sans,
                };
                (90.0, style, Face::Sans)
            }
        };
        let title_size = if look.official { 22.0 } else { 26.0 };
        let title_leading = title_size * 1.3;
        for line in capped(fonts, title_face, &title, title_size, width, 3) {
            let x = if look.official {
                (width - line.width) / 2.0
            } else {
                0.0
            };
            items.push(Item::text_line(
                x,
                y,
                title_size,
                title_leading,
                title_style,
                &line.text,
            ));
            y += title_leading;
        }
        y += 6.0;
        for block in blocks {
            if let DocBlock::Paragraph(p) = block {
                for line in capped(fonts, Face::Sans, &p.text, 15.0, width, 3) {
                    items.push(Item::text_line(0.0, y, 15.0, 22.0, Style::BODY, &line.text));
                    y += 22.0;
                }
            }
        }
        y += if look.official { 18.0 } else { 30.0 };
        let rows: Vec<&(String, String)> = blocks
            .iter()
            .filter_map(|b| match b {
                DocBlock::Facts(rows) => Some(rows.iter()),
                _ => None,
            })
            .flatten()
            .collect();
        let label_width = rows
            .iter()
            .map(|(k, _)| fonts.width(&text::shorten(k), 11.0))
            .fold(0.0, f32::max)
            .min(width / 2.0)
            + 18.0;
        for (label, value) in rows {
            if label.is_empty() {
                // A further line of the same fact: no rule between it and the one above.
                y -= 8.0;
            }
            let label = text::ellipsize(fonts, label, 11.0, label_width - 18.0);
            items.push(Item::text_line(0.0, y, 11.0, 20.0, Style::MUTED, &label));
            let lines = capped(fonts, Face::Sans, value, 11.0, width - label_width, 3);
            for line in &lines {
                items.push(Item::text_line(
                    label_width,
                    y,
                    11.0,
                    20.0,
                    Style::BODY,
                    &line.text,
                ));
                y += 20.0;
            }
            if lines.is_empty() {
                y += 20.0;
            }
            items.push(Item::line(
                Point::new(0.0, y + 2.0),
                Point::new(width, y + 2.0),
                RULE,
                0.4,
            ));
            y += 8.0;
        }
        // The overall stage as a large chip carrying its number.
        if let Some(stage) = content.summary.stage {
            y += 24.0;
            y = stage_chip(fonts, content, stage, y, &mut items);
        }
        y += 36.0;
        let figures: Vec<&doc::KeyFigure> = blocks
            .iter()
            .filter_map(|b| match b {
                DocBlock::KeyFigures(figures) => Some(figures.iter()),
                _ => None,
            })
            .flatten()
            .collect();
        let count = figures.len().max(1) as f32;
        let box_width = (width - (count - 1.0) * 12.0) / count;
        for (i, figure) in figures.iter().enumerate() {
            let x = i as f32 * (box_width + 12.0);
            items.push(Item::Rect {
                rect: Rect::from_min_size(Point::new(x, y), box_width, 58.0),
                fill: Some(Rgb(0xf3, 0xf5, 0xf8)),
                stroke: None,
            });
            let style = Style {
                colour: if look.official { INK } else { ACCENT },
                bold: true,
                face: Face::Sans,
            };
            let value = text::ellipsize(fonts, &figure.value, 20.0, box_width - 20.0);
            items.push(Item::text_line(x + 10.0, y + 8.0, 20.0, 26.0, style, &value));
            let label = text::ellipsize(fonts, &figure.label, 9.0, box_width - 20.0);
            items.push(Item::text_line(
                x + 10.0,
                y + 36.0,
                9.0,
                14.0,
                Style::MUTED,
                &label,
            ));
        }
        if !figures.is_empty() {
            y += 58.0;
        }
        let height = y + 10.0;
        // Shrunk, should it not fit the text block: the cover is one page.
        let fit = (look.content.height() / height).min(1.0);
        self.push(Block::Graphic(Graphic {
            width: Some(width / fit),
            height,
            items,
            alt: None,
        }));
    }

    /// The approval's facts as lines to sign on, the recorded values filled in.
    fn signatures(&mut self, rows: &[(String, String)]) {
        let fonts = self.fonts;
        let mut items = Vec::new();
        let label_width = rows.iter().map(|(k, _)| fonts.width(k, 10.0)).fold(0.0, f32::max) + 14.0;
        let mut y = 14.0;
        for (label, value) in rows {
            items.push(Item::text_line(0.0, y, 10.0, 18.0, Style::MUTED, label));
            if !value.is_empty() {
                let value = text::ellipsize(fonts, value, 10.0, 260.0 - label_width);
                items.push(Item::text_line(
                    label_width + 4.0,
                    y,
                    10.0,
                    18.0,
                    Style::BODY,
                    &value,
                ));
            }
            let line_y = y + 18.0;
            items.push(Item::line(
                Point::new(label_width, line_y),
                Point::new(300.0, line_y),
                INK,
                0.6,
            ));
            y += 34.0;
        }
        self.push(Block::Graphic(Graphic {
            width: None,
            height: y,
            items,
            alt: None,
        }));
    }
}

/// `text` (shortened, see [`text::shorten`]) wrapped to at most `max`
/// lines, the last ending in an ellipsis when more were cut.
fn capped(fonts: &Fonts, face: Face, text: &str, size: f32, width: f32, max: usize) -> Vec<text::Line> {
    let mut lines = text::wrap_in(fonts, face, &text::shorten(text), size, width, width);
    if lines.len() > max {
        lines.truncate(max);
        if let Some(last) = lines.last_mut() {
            let cut = text::ellipsize_in(fonts, face, &format!("{}\u{2026}", last.text), size, width);
            last.width = fonts.width_in(face, &cut, size);
            last.text = cut;
        }
    }
    lines
}

/// The cover's stage chip with its name and the mean level beside it;
/// returns the y below it.
fn stage_chip(fonts: &Fonts, content: &ReportContent, stage: Level, y: f32, items: &mut Vec<Item>) -> f32 {
    // Painted as the stage it prints, never as the raw mean.
    let fill = level_colour(f64::from(stage.get()));
    let chip = Rect::from_min_size(Point::new(0.0, y), 64.0, 64.0);
    items.push(Item::Rect {
        rect: chip,
        fill: Some(fill),
        stroke: None,
    });
    let number = format::level_digit(stage);
    let style = Style {
        colour: text_colour_on(fill),
        bold: true,
        face: Face::Sans,
    };
    let x = chip.center().x - fonts.width(&number, 30.0) / 2.0;
    items.push(Item::text_line(x, y + 10.0, 30.0, 44.0, style, &number));
    let name = content.level_name(stage);
    items.push(Item::text_line(80.0, y + 6.0, 16.0, 24.0, Style::BOLD, &name));
    let mean_line = words::figure_line(
        content.labels.overall_level,
        &format::level(content.summary.mean_level),
    );
    items.push(Item::text_line(
        80.0,
        y + 32.0,
        11.0,
        18.0,
        Style::MUTED,
        &mean_line,
    ));
    y + 64.0
}
