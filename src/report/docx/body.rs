//! `word/document.xml`: the report's [`Document`] printed block by block,
//! as the HTML and PDF writers print it. Headings take Word's heading
//! styles (the cover title is Title), sections with an anchor get a
//! bookmark that table cells link to, tables are Word tables with a header
//! row repeated on every page, and figures are pictures with the figure's
//! text equivalent as their description.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;

use crate::charts::{Rgb, Theme, change_colour, level_colour, no_data_colour, shown_level, text_colour_on};
use crate::model::Lang;
use crate::present::catalogue::{T, document as words};
use crate::present::document::{
    Block, Cell, CellKind, Chart, Document, Figure, KeyFigure, Masthead, SignOff, Table, Tone,
};
use crate::present::format;

use super::parts::{EMU_PER_TWIP, Look, OFFICIAL_RED};
use super::picture::Picture;
use super::xml::{self, Look as Run, escape, hex};

/// The longest text a level chip fills its cell with ("2.63", "5", "–").
const CHIP_CHARS: usize = 4;

/// The body of `document` and the pictures it shows, in order
/// (`media/figureN.png` is `pictures[N - 1]`). `draw` gives a figure's
/// picture, drawn within [`frame`].
pub fn print(
    document: &Document,
    look: &Look,
    draw: &mut dyn FnMut(&Figure) -> Option<Picture>,
) -> (String, Vec<Picture>) {
    let bookmarks = document
        .outline()
        .enumerate()
        .map(|(i, (_, _, anchor))| (anchor.to_owned(), i + 1))
        .collect();
    let mut printer = Printer {
        document,
        look,
        out: String::with_capacity(256 * 1024),
        bookmarks,
        placed: HashSet::new(),
        page_break: false,
        pictures: Vec::new(),
        ended_with_table: false,
        draw,
    };
    printer.out.push_str(super::parts::XML);
    printer.out.push_str(
        "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" \
         xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" \
         xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" \
         xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" \
         xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><w:body>",
    );
    if let Some(masthead) = &document.masthead {
        printer.masthead(masthead);
    }
    for block in &document.blocks {
        printer.block(block);
    }
    if printer.ended_with_table || document.blocks.is_empty() {
        // Word wants the body to end with a paragraph.
        printer.out.push_str("<w:p/>");
    }
    printer.out.push_str(&super::parts::section(look));
    printer.out.push_str("</w:body></w:document>");
    (printer.out, printer.pictures)
}

/// A paragraph's properties.
#[derive(Default)]
struct Para {
    style: Option<&'static str>,
    keep_next: bool,
    /// `left`, `center`, `right`.
    jc: Option<&'static str>,
    /// A rule under the paragraph: colour, width in eighths of a point,
    /// and its distance from the text in points.
    rule: Option<(Rgb, u32, u32)>,
    /// Space before and after, twips.
    spacing: Option<(u32, u32)>,
    /// Indents, already written (`w:ind`).
    indent: Option<String>,
}

struct Printer<'a> {
    document: &'a Document,
    look: &'a Look,
    out: String,
    /// Section anchors and their bookmark numbers (named `gmN`).
    bookmarks: HashMap<String, usize>,
    /// The bookmarks already placed.
    placed: HashSet<usize>,
    /// The next block starts a page.
    page_break: bool,
    pictures: Vec<Picture>,
    /// The last block printed is a table.
    ended_with_table: bool,
    draw: &'a mut dyn FnMut(&Figure) -> Option<Picture>,
}

impl Printer<'_> {
    fn lang(&self) -> Lang {
        self.document.lang
    }

    /// `<w:p><w:pPr>…</w:pPr>`: the paragraph is left open for its runs.
    fn open(&mut self, para: &Para) {
        let mut p = String::new();
        if let Some(style) = para.style {
            let _ = write!(p, "<w:pStyle w:val=\"{style}\"/>");
        }
        if para.keep_next {
            p.push_str("<w:keepNext/>");
        }
        if std::mem::take(&mut self.page_break) {
            p.push_str("<w:pageBreakBefore/>");
        }
        if let Some((colour, width, space)) = para.rule {
            let _ = write!(
                p,
                "<w:pBdr><w:bottom w:val=\"single\" w:sz=\"{width}\" w:space=\"{space}\" w:color=\"{}\"/></w:pBdr>",
                hex(colour)
            );
        }
        if let Some((before, after)) = para.spacing {
            let _ = write!(p, "<w:spacing w:before=\"{before}\" w:after=\"{after}\"/>");
        }
        if let Some(indent) = &para.indent {
            p.push_str(indent);
        }
        if let Some(jc) = para.jc {
            let _ = write!(p, "<w:jc w:val=\"{jc}\"/>");
        }
        self.ended_with_table = false;
        if p.is_empty() {
            self.out.push_str("<w:p>");
        } else {
            let _ = write!(self.out, "<w:p><w:pPr>{p}</w:pPr>");
        }
    }

    fn close(&mut self) {
        self.out.push_str("</w:p>");
    }

    /// A whole paragraph of one run.
    fn paragraph(&mut self, para: &Para, look: &Run, text: &str) {
        self.open(para);
        xml::run(&mut self.out, look, text);
        self.close();
    }

    /// Tables cannot carry a page break: an empty paragraph does.
    fn break_before_table(&mut self) {
        if std::mem::take(&mut self.page_break) {
            self.out.push_str("<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>");
        }
    }

    fn block(&mut self, block: &Block) {
        match block {
            Block::Heading { level, text, anchor } => self.heading(*level, text, anchor.as_deref()),
            Block::Paragraph(p) => match p.tone {
                Tone::Body => self.paragraph(&Para::default(), &Run::default(), &p.text),
                Tone::Note => self.paragraph(&style("Note"), &Run::default(), &p.text),
                Tone::Warning => self.paragraph(&style("Warning"), &Run::default(), &words::warning(&p.text)),
            },
            Block::List(items) => {
                for item in items {
                    self.paragraph(&style("ListBullet"), &Run::default(), item);
                }
            }
            Block::Facts(rows) => self.facts(rows),
            Block::KeyFigures(figures) => self.key_figures(figures),
            Block::Contents { title } => self.contents(title),
            Block::Table(table) => self.table(table),
            Block::Figure(figure) => self.figure(figure),
            Block::PageBreak => self.page_break = true,
            Block::SignOff(sign_off) => self.sign_off(sign_off),
        }
    }

    /// The official header: the issuing office large in red, the document
    /// number under it, and a red rule across the text block.
    fn masthead(&mut self, masthead: &Masthead) {
        let look = self.look;
        let face = look.title.face;
        // As large as fits on one line, from 26 pt down to 18 pt.
        let units: u32 = masthead
            .office
            .chars()
            .map(|c| if c.is_ascii() { 1 } else { 2 })
            .sum();
        let size = [52, 44, 36]
            .into_iter()
            .find(|size| units * size * 5 <= look.width)
            .unwrap_or(32);
        let office = Run {
            fonts: Some((face.latin.to_owned(), face.east_name().to_owned())),
            bold: self.lang() == Lang::En,
            colour: Some(OFFICIAL_RED),
            size: Some(size),
            ..Run::default()
        };
        let line = self.line();
        let centred = |spacing| Para {
            jc: Some("center"),
            spacing: Some(spacing),
            indent: Some(NO_INDENT.to_owned()),
            ..Para::default()
        };
        self.paragraph(&centred((0, line)), &office, &masthead.office);
        // The number a line below, the rule 4 mm under it, the title two
        // lines below the rule.
        let number = Para {
            rule: Some((OFFICIAL_RED, 12, 11)),
            ..centred((line, 2 * line))
        };
        self.paragraph(&number, &Run::default(), &masthead.number);
    }

    /// One line of body text, twips.
    fn line(&self) -> u32 {
        if self.look.official && self.lang() == Lang::Zh {
            self.look.height / 22
        } else {
            self.look.body.size * 14
        }
    }

    fn heading(&mut self, level: u8, text: &str, anchor: Option<&str>) {
        let name = match level {
            0 | 1 => "Title",
            2 => "Heading1",
            3 => "Heading2",
            _ => "Heading3",
        };
        self.open(&style(name));
        // A bookmark is placed once, at the first heading with its anchor.
        let bookmark = anchor
            .and_then(|a| self.bookmarks.get(a))
            .copied()
            .filter(|n| self.placed.insert(*n));
        if let Some(n) = bookmark {
            let _ = write!(self.out, "<w:bookmarkStart w:id=\"{n}\" w:name=\"gm{n}\"/>");
        }
        xml::run(&mut self.out, &Run::default(), text);
        if let Some(n) = bookmark {
            let _ = write!(self.out, "<w:bookmarkEnd w:id=\"{n}\"/>");
        }
        self.close();
    }

    /// The table of contents: a TOC field of the Heading 1 paragraphs (the
    /// sections, and the departments when their pages are in the body: the
    /// entries of the HTML and PDF contents), whose shown result lists
    /// them, linked, until Word fills in the page numbers. Deeper levels
    /// would list every department's parts: three thousand entries for a
    /// thousand departments.
    fn contents(&mut self, title: &str) {
        self.paragraph(&style("TOCHeading"), &Run::default(), title);
        let entries: Vec<(String, Option<usize>)> = self
            .document
            .blocks
            .iter()
            .filter_map(|b| match b {
                Block::Heading {
                    level: 2,
                    text,
                    anchor,
                } => Some((
                    text.clone(),
                    anchor.as_ref().and_then(|a| self.bookmarks.get(a)).copied(),
                )),
                _ => None,
            })
            .collect();
        let begin = "<w:r><w:fldChar w:fldCharType=\"begin\" w:dirty=\"true\"/></w:r>\
                     <w:r><w:instrText xml:space=\"preserve\"> TOC \\o &quot;1-1&quot; \\h \\z \\u </w:instrText></w:r>\
                     <w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>";
        for (i, (text, bookmark)) in entries.iter().enumerate() {
            self.open(&style("TOC1"));
            if i == 0 {
                self.out.push_str(begin);
            }
            match bookmark {
                Some(n) => {
                    let _ = write!(self.out, "<w:hyperlink w:anchor=\"gm{n}\" w:history=\"1\">");
                    xml::run(&mut self.out, &Run::default(), text);
                    self.out.push_str("</w:hyperlink>");
                }
                None => xml::run(&mut self.out, &Run::default(), text),
            }
            self.close();
        }
        self.open(&style("Note"));
        if entries.is_empty() {
            self.out.push_str(begin);
        }
        let note = T::DocxContentsNote.get(self.lang());
        xml::run(&mut self.out, &Run::default(), note);
        self.out.push_str("<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>");
        self.close();
    }

    /// `<w:tbl>` with its properties and grid; `borders` are already written.
    fn open_table(&mut self, widths: &[u32], borders: &str) {
        self.break_before_table();
        let total: u32 = widths.iter().sum();
        let _ = write!(
            self.out,
            "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"{total}\" w:type=\"dxa\"/>{borders}\
             <w:tblLayout w:type=\"fixed\"/><w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"0\" \
             w:firstColumn=\"0\" w:lastColumn=\"0\" w:noHBand=\"0\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>"
        );
        for width in widths {
            let _ = write!(self.out, "<w:gridCol w:w=\"{width}\"/>");
        }
        self.out.push_str("</w:tblGrid>");
    }

    fn close_table(&mut self) {
        self.out.push_str("</w:tbl>");
        self.ended_with_table = true;
    }

    /// A report table: caption, a header row repeated on each page, rows
    /// that do not split; figures right-aligned, levels on their colour.
    fn table(&mut self, table: &Table) {
        let columns = table.columns.len();
        if columns == 0 {
            return;
        }
        if let Some(caption) = &table.caption {
            let para = Para {
                keep_next: true,
                ..style("Caption")
            };
            self.paragraph(&para, &Run::bold(), caption);
        }
        // Wide tables are set smaller, as in the HTML report, and so are
        // the long ones of every department's answers and the rubric, as in
        // the PDF.
        let compact = columns > 7 || table.id.ends_with(".answers") || table.id.starts_with("rubric.");
        let (text_style, size) = if compact {
            ("TableTextCompact", self.look.table_size - 2)
        } else {
            ("TableText", self.look.table_size)
        };
        let widths = widths(table, self.look.width, size * 13 / 2);
        self.open_table(&widths, "");
        let palette = Theme::Light.palette();
        let (header_fill, header_text) = if self.look.official {
            (palette.grid, palette.text)
        } else {
            (self.look.heading_colour, Rgb::WHITE)
        };
        self.out
            .push_str("<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>");
        for (column, width) in table.columns.iter().zip(&widths) {
            let _ = write!(
                self.out,
                "<w:tc><w:tcPr><w:tcW w:w=\"{width}\" w:type=\"dxa\"/><w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"{}\"/></w:tcPr>",
                hex(header_fill)
            );
            let para = Para {
                keep_next: true,
                jc: column.numeric.then_some("right"),
                ..style(text_style)
            };
            self.open(&para);
            let run = Run {
                bold: true,
                colour: Some(header_text),
                ..Run::default()
            };
            xml::run(&mut self.out, &run, &column.header);
            self.close();
            self.out.push_str("</w:tc>");
        }
        self.out.push_str("</w:tr>");
        let empty = Cell::text("");
        let rows = table.rows.len();
        for (r, row) in table.rows.iter().enumerate() {
            // Neither the first row nor the last is left alone on a page.
            let keep = rows > 2 && (r == 0 || r + 2 == rows);
            self.out.push_str("<w:tr><w:trPr><w:cantSplit/></w:trPr>");
            for (i, width) in widths.iter().enumerate() {
                let numeric = table.columns.get(i).is_some_and(|c| c.numeric);
                let look = (text_style, keep);
                self.cell(row.get(i).unwrap_or(&empty), numeric, *width, look);
            }
            self.out.push_str("</w:tr>");
        }
        self.close_table();
    }

    /// A table cell: its text in its kind's look, its notes under it, a
    /// link to a section around the text.
    fn cell(&mut self, cell: &Cell, numeric: bool, width: u32, (text_style, keep): (&'static str, bool)) {
        let chip_colour = match &cell.kind {
            CellKind::Level(value) => Some(value.map_or_else(no_data_colour, |v| shown_level(v).colour)),
            CellKind::WholeLevel(level) => {
                Some(level.map_or_else(no_data_colour, |l| level_colour(f64::from(l.get()))))
            }
            _ => None,
        };
        // A short figure alone fills its cell with its colour.
        let filled = chip_colour.filter(|_| cell.notes.is_empty() && cell.text.chars().count() <= CHIP_CHARS);
        let _ = write!(self.out, "<w:tc><w:tcPr><w:tcW w:w=\"{width}\" w:type=\"dxa\"/>");
        if let Some(fill) = filled {
            if cell.provisional {
                let dash = "w:val=\"dashed\" w:sz=\"8\" w:space=\"0\" w:color=\"1A1A1A\"";
                let _ = write!(
                    self.out,
                    "<w:tcBorders><w:top {dash}/><w:left {dash}/><w:bottom {dash}/><w:right {dash}/></w:tcBorders>"
                );
            }
            let _ = write!(
                self.out,
                "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"{}\"/><w:vAlign w:val=\"center\"/>",
                hex(fill)
            );
        }
        self.out.push_str("</w:tcPr>");
        let para = Para {
            jc: if filled.is_some() {
                Some("center")
            } else if numeric {
                Some("right")
            } else {
                None
            },
            keep_next: keep,
            ..style(text_style)
        };
        self.open(&para);
        let link = cell.link.as_ref().and_then(|a| self.bookmarks.get(a)).copied();
        if let Some(n) = link {
            let _ = write!(self.out, "<w:hyperlink w:anchor=\"gm{n}\" w:history=\"1\">");
        }
        match (filled, chip_colour, &cell.kind) {
            (Some(fill), _, _) => {
                let run = Run {
                    bold: true,
                    colour: Some(text_colour_on(fill)),
                    ..Run::default()
                };
                xml::run(&mut self.out, &run, &cell.text);
            }
            (None, Some(colour), CellKind::WholeLevel(Some(level))) => {
                // "2 · Developing": the number on its colour, the name beside it.
                let digit = format::level_digit(*level);
                let rest = cell.text.strip_prefix(digit.as_str());
                let chip = chip(colour, cell.provisional);
                match rest {
                    Some(rest) => {
                        xml::run(&mut self.out, &chip, &format!("\u{a0}{digit}\u{a0}"));
                        xml::run(&mut self.out, &Run::default(), rest);
                    }
                    None => xml::run(&mut self.out, &chip, &cell.text),
                }
            }
            (None, Some(colour), _) => {
                xml::run(&mut self.out, &chip(colour, cell.provisional), &cell.text);
            }
            (None, None, CellKind::Change(Some(change))) => {
                // Coloured, and with an arrow, so not by colour alone.
                let rounded = format::round(*change, format::LEVEL_DECIMALS);
                let arrow = if rounded > 0.0 {
                    "\u{25b2} "
                } else if rounded < 0.0 {
                    "\u{25bc} "
                } else {
                    ""
                };
                let run = if arrow.is_empty() {
                    Run::default()
                } else {
                    Run::coloured(change_colour(rounded).lerp(Rgb::BLACK, 0.25))
                };
                xml::run(&mut self.out, &run, &format!("{arrow}{}", cell.text));
            }
            (None, None, CellKind::Change(None) | CellKind::Number(None) | CellKind::Percent(None)) => {
                xml::run(&mut self.out, &Run::coloured(self.look.muted), &cell.text);
            }
            (None, None, CellKind::Date(_)) => {
                let run = Run {
                    no_break: true,
                    ..Run::default()
                };
                xml::run(&mut self.out, &run, &cell.text);
            }
            _ => xml::run(&mut self.out, &Run::default(), &cell.text),
        }
        if link.is_some() {
            self.out.push_str("</w:hyperlink>");
        }
        let warning_mark = words::warning("");
        for note in &cell.notes {
            self.out.push_str("<w:r><w:br/></w:r>");
            let colour = if note.starts_with(warning_mark.trim()) {
                crate::charts::OKABE_ITO[6].lerp(Rgb::BLACK, 0.25)
            } else {
                self.look.muted
            };
            let run = Run {
                colour: Some(colour),
                size: Some(self.look.table_size.saturating_sub(if text_style == "TableText" {
                    2
                } else {
                    4
                })),
                ..Run::default()
            };
            xml::run(&mut self.out, &run, note);
        }
        self.close();
        self.out.push_str("</w:tc>");
    }

    /// Label–value pairs: a table without rules, two pairs to a row when
    /// there are many.
    fn facts(&mut self, rows: &[(String, String)]) {
        if rows.is_empty() {
            return;
        }
        let per_row = if rows.len() > 3 { 2 } else { 1 };
        let width = self.look.width;
        let widths: Vec<u32> = if per_row == 2 {
            vec![
                width * 17 / 100,
                width * 33 / 100,
                width * 17 / 100,
                width * 33 / 100,
            ]
        } else {
            vec![width * 28 / 100, width * 72 / 100]
        };
        let rule = hex(Theme::Light.palette().grid);
        let borders = format!(
            "<w:tblBorders><w:top w:val=\"nil\"/><w:left w:val=\"nil\"/><w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"{rule}\"/>\
             <w:right w:val=\"nil\"/><w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"{rule}\"/><w:insideV w:val=\"nil\"/></w:tblBorders>"
        );
        self.open_table(&widths, &borders);
        let muted = Run::coloured(self.look.muted);
        for pairs in rows.chunks(per_row) {
            self.out.push_str("<w:tr><w:trPr><w:cantSplit/></w:trPr>");
            for i in 0..per_row {
                let (label, value) = pairs.get(i).map_or(("", ""), |(l, v)| (l.as_str(), v.as_str()));
                for (text, look, width) in [
                    (label, &muted, widths[2 * i]),
                    (value, &Run::default(), widths[2 * i + 1]),
                ] {
                    let _ = write!(
                        self.out,
                        "<w:tc><w:tcPr><w:tcW w:w=\"{width}\" w:type=\"dxa\"/></w:tcPr>"
                    );
                    self.paragraph(&style("TableText"), look, text);
                    self.out.push_str("</w:tc>");
                }
            }
            self.out.push_str("</w:tr>");
        }
        self.close_table();
    }

    /// The headline figures: up to four to a row, each value large over
    /// its label and note.
    fn key_figures(&mut self, figures: &[KeyFigure]) {
        if figures.is_empty() {
            return;
        }
        let per_row = figures.len().min(4);
        let width = self.look.width / per_row as u32;
        let widths = vec![width; per_row];
        let accent = hex(self.look.heading_colour);
        self.open_table(
            &widths,
            "<w:tblBorders><w:top w:val=\"nil\"/><w:left w:val=\"nil\"/><w:bottom w:val=\"nil\"/><w:right w:val=\"nil\"/>\
             <w:insideH w:val=\"nil\"/><w:insideV w:val=\"nil\"/></w:tblBorders>",
        );
        let value = Run {
            bold: true,
            colour: Some(self.look.heading_colour),
            size: Some(if self.look.official { 36 } else { 34 }),
            ..Run::default()
        };
        let small = Run {
            colour: Some(self.look.muted),
            ..Run::default()
        };
        let fill = hex(Theme::Light.palette().grid.lerp(Rgb::WHITE, 0.6));
        let rows = figures.len().div_ceil(per_row);
        for (r, row) in figures.chunks(per_row).enumerate() {
            // The rows stay on one page: every row but the last keeps with the next.
            let keep = r + 1 < rows;
            let text = Para {
                keep_next: keep,
                ..style("TableText")
            };
            self.out.push_str("<w:tr><w:trPr><w:cantSplit/></w:trPr>");
            for i in 0..per_row {
                let Some(figure) = row.get(i) else {
                    // No box where there is no figure.
                    let _ = write!(
                        self.out,
                        "<w:tc><w:tcPr><w:tcW w:w=\"{width}\" w:type=\"dxa\"/></w:tcPr>"
                    );
                    self.paragraph(&text, &Run::default(), "");
                    self.out.push_str("</w:tc>");
                    continue;
                };
                let _ = write!(
                    self.out,
                    "<w:tc><w:tcPr><w:tcW w:w=\"{width}\" w:type=\"dxa\"/>\
                     <w:tcBorders><w:top w:val=\"single\" w:sz=\"18\" w:space=\"0\" w:color=\"{accent}\"/>\
                     <w:left w:val=\"single\" w:sz=\"24\" w:space=\"0\" w:color=\"FFFFFF\"/>\
                     <w:right w:val=\"single\" w:sz=\"24\" w:space=\"0\" w:color=\"FFFFFF\"/></w:tcBorders>\
                     <w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"{fill}\"/></w:tcPr>"
                );
                let top = Para {
                    keep_next: keep,
                    spacing: Some((60, 0)),
                    ..style("TableText")
                };
                self.paragraph(&top, &value, &figure.value);
                self.paragraph(&text, &small, &figure.label);
                if !figure.note.is_empty() {
                    self.paragraph(&text, &small, &figure.note);
                }
                self.out.push_str("</w:tc>");
            }
            self.out.push_str("</w:tr>");
        }
        self.close_table();
        // Space under the boxes.
        self.paragraph(&style("Note"), &Run::default(), "");
    }

    /// A chart as a picture as wide as the text, its caption under it.
    fn figure(&mut self, figure: &Figure) {
        let Some(picture) = (self.draw)(figure) else {
            if !figure.caption.is_empty() {
                self.paragraph(&style("Caption"), &Run::default(), &figure.caption);
            }
            return;
        };
        self.pictures.push(picture);
        let n = self.pictures.len();
        let Some(picture) = self.pictures.last() else {
            return;
        };
        let (cx, cy) = (picture.width, picture.height);
        let alt = escape(&figure.alt);
        self.open(&style("Figure"));
        let _ = write!(
            self.out,
            "<w:r><w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\">\
             <wp:extent cx=\"{cx}\" cy=\"{cy}\"/><wp:effectExtent l=\"0\" t=\"0\" r=\"0\" b=\"0\"/>\
             <wp:docPr id=\"{n}\" name=\"Figure {n}\" descr=\"{alt}\"/>\
             <wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect=\"1\"/></wp:cNvGraphicFramePr>\
             <a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\">\
             <pic:pic><pic:nvPicPr><pic:cNvPr id=\"{n}\" name=\"figure{n}.png\" descr=\"{alt}\"/><pic:cNvPicPr/></pic:nvPicPr>\
             <pic:blipFill><a:blip r:embed=\"rIdFigure{n}\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>\
             <pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"{cx}\" cy=\"{cy}\"/></a:xfrm>\
             <a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic>\
             </wp:inline></w:drawing></w:r>"
        );
        self.close();
        if !figure.caption.is_empty() {
            let para = Para {
                jc: Some("center"),
                ..style("Caption")
            };
            self.paragraph(&para, &Run::default(), &figure.caption);
        }
    }

    /// 编制 / 审核 / 签发 and the date, on the right: an empty name is a
    /// line to sign on.
    fn sign_off(&mut self, sign_off: &SignOff) {
        let line = self.line();
        let indent = if self.look.official && self.lang() == Lang::Zh {
            "<w:ind w:rightChars=\"400\" w:right=\"1280\" w:firstLineChars=\"0\" w:firstLine=\"0\"/>"
        } else {
            NO_INDENT
        };
        // The chain on one line, two lines below the text, the date under it.
        let para = Para {
            jc: Some("right"),
            keep_next: true,
            spacing: Some((2 * line, line / 3)),
            indent: Some(indent.to_owned()),
            ..Para::default()
        };
        self.open(&para);
        for (i, (role, name)) in sign_off.rows.iter().enumerate() {
            if i > 0 {
                xml::run(&mut self.out, &Run::default(), SIGN_OFF_GAP);
            }
            let label = words::labelled(role, "", self.lang());
            xml::run(&mut self.out, &Run::default(), &label);
            let (text, underline) = if name.trim().is_empty() {
                (SIGNATURE_LINE, true)
            } else {
                (name.as_str(), false)
            };
            let run = Run {
                underline,
                ..Run::default()
            };
            xml::run(&mut self.out, &run, text);
        }
        self.close();
        let para = Para {
            jc: Some("right"),
            indent: Some(indent.to_owned()),
            ..Para::default()
        };
        self.paragraph(&para, &Run::default(), &sign_off.date);
    }
}

/// The largest a figure's picture may be on the page, width and height in
/// EMU: as wide as the text, and no taller than most of a page for long
/// lists (heatmap, ranking) or about half a page for other charts; a
/// department's radar is narrower, so a thousand of them stay light.
pub fn frame(look: &Look, chart: &Chart) -> (u64, u64) {
    let width = u64::from(look.width) * EMU_PER_TWIP;
    let height = u64::from(look.height) * EMU_PER_TWIP;
    match chart {
        Chart::Heatmap | Chart::Ranking => (width, height * 85 / 100),
        Chart::Radar(_) => (width * 70 / 100, height * 45 / 100),
        _ => (width, height * 55 / 100),
    }
}

/// The blank a name is signed on.
const SIGNATURE_LINE: &str = "\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}";
/// Between the roles of the sign-off line: two en spaces.
const SIGN_OFF_GAP: &str = "\u{2002}\u{2002}";

/// No first-line indent.
const NO_INDENT: &str = "<w:ind w:firstLineChars=\"0\" w:firstLine=\"0\"/>";

fn style(name: &'static str) -> Para {
    Para {
        style: Some(name),
        ..Para::default()
    }
}

/// A level chip's run: the text on the level's colour, dashed when provisional.
fn chip(colour: Rgb, provisional: bool) -> Run {
    Run {
        bold: true,
        colour: Some(text_colour_on(colour)),
        shade: Some(colour),
        dashed: provisional,
        ..Run::default()
    }
}

/// How wide a text reads: two for a CJK (wide) character, one otherwise.
fn display_width(text: &str) -> u32 {
    text.chars()
        .map(|c| if (c as u32) < 0x1100 { 1 } else { 2 })
        .sum()
}

/// The columns' widths in twips, sharing `total`. Each column gets at
/// least room for its header's longest word (a CJK header may wrap
/// anywhere, so at most six characters of it); the rest is shared by how
/// much more its contents want, a line of up to 60 characters. `unit` is
/// the width of a narrow character of the table's type, twips.
fn widths(table: &Table, total: u32, unit: u32) -> Vec<u32> {
    /// Room for the cell's margins, in characters.
    const PAD: u32 = 2;
    let wants: Vec<(u32, u32)> = table
        .columns
        .iter()
        .enumerate()
        .map(|(i, column)| {
            let header = column
                .header
                .split_whitespace()
                .map(display_width)
                .max()
                .unwrap_or(0)
                .min(12);
            let cells = table
                .rows
                .iter()
                .take(200)
                .filter_map(|row| row.get(i))
                .flat_map(|cell| {
                    // A change carries an arrow before it.
                    let arrow = u32::from(matches!(cell.kind, CellKind::Change(Some(_)))) * 2;
                    let notes = cell.notes.iter().map(|n| display_width(n));
                    cell.text
                        .lines()
                        .map(move |l| display_width(l) + arrow)
                        .chain(notes)
                })
                .max()
                .unwrap_or(0);
            // A word is never broken: a short one or a figure whole, a few
            // characters of a long one (CJK text, which wraps anywhere).
            let figures = table
                .rows
                .iter()
                .take(200)
                .filter_map(|row| row.get(i))
                .all(|cell| cell.kind != CellKind::Text);
            let word = table
                .rows
                .iter()
                .take(200)
                .filter_map(|row| row.get(i))
                .flat_map(|cell| cell.text.split_whitespace().map(display_width))
                .max()
                .unwrap_or(0);
            let unbroken = match (figures, word) {
                (_, 0..=12) => word,
                (true, _) => word.min(14),
                (false, _) => 6,
            };
            // Running text (a rubric's next step) is never squeezed below
            // a dozen characters a line.
            let prose = if cells >= 30 { 12 } else { 3 };
            let least = header.max(unbroken).max(prose) + PAD;
            (least, (cells + PAD).clamp(least, 60))
        })
        .collect();
    let available = total / unit.max(1);
    let least: u32 = wants.iter().map(|w| w.0).sum();
    let wanted: u32 = wants.iter().map(|w| w.1).sum();
    let units: Vec<u32> = if wanted <= available || least >= available {
        // Everything fits (the slack shared alike), or nothing does
        // (shared by the least each needs).
        let (base, sum): (Vec<u32>, u32) = if least >= available {
            (wants.iter().map(|w| w.0).collect(), least)
        } else {
            (wants.iter().map(|w| w.1).collect(), wanted)
        };
        return base.iter().map(|b| total * b / sum.max(1)).collect();
    } else {
        let slack = available - least;
        let extra = wanted - least;
        wants
            .iter()
            .map(|(l, w)| l + slack * (w - l) / extra.max(1))
            .collect()
    };
    let sum: u32 = units.iter().sum::<u32>().max(1);
    units.iter().map(|u| total * u / sum).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::present::document::Column;

    #[test]
    fn columns_share_the_width_by_what_they_hold() {
        let table = Table {
            id: "t".to_owned(),
            caption: None,
            columns: vec![
                Column::number("Rank"),
                Column::text("Department"),
                Column::number("Mean level"),
            ],
            rows: vec![vec![
                Cell::text("1"),
                Cell::text("Market Supervision Administration of the City"),
                Cell::text("2.63"),
            ]],
        };
        // Wanted: 6, 47 and 7 characters of 100 twips (with the margins),
        // and there is room for 80: the slack is shared alike.
        assert_eq!(widths(&table, 8000, 100), vec![800, 6266, 933]);
        // Room for 50: each header keeps its room, the name gets the rest.
        assert_eq!(widths(&table, 5000, 100), vec![600, 3700, 700]);
        // Room for 30.
        assert_eq!(widths(&table, 3000, 100), vec![600, 1700, 700]);
        assert_eq!(display_width("数字a"), 5);
    }
}
