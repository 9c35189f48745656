//! A workbook of a document's tables: what `--kind brief --format xlsx`
//! writes from the brief ([`crate::present::build::document`]).
//!
//! The first sheet is the cover: the title (and the official style's
//! issuing office and document number), then the document's text in
//! reading order: headings, paragraphs, lists, facts, key figures (a value
//! that is a plain number is stored as one), the sign-off, the text
//! equivalent of each chart, and, where a table stands, a link to the
//! sheet that holds it. A document without key figures of its own gets
//! the full workbook's (as numbers) under the title. Then one sheet per
//! [`Table`], named after its caption (or the heading above it, or its
//! id), the header in the first row, frozen, with an autofilter; figures
//! are numbers in the full workbook's formats (levels "0.00", whole levels
//! "0", changes "+0.25", percentages "0%", dates as dates), and the notes
//! of a row's cells in a
//! Notes column of their own.

use std::collections::BTreeSet;

use rust_xlsxwriter::{ColNum, Format, RowNum, Url, Worksheet, XlsxError};

use super::cells::{Sheet, Styles, col, decimal_format};
use super::{key_figures, level, share, whole};
use crate::present::catalogue::T;
use crate::present::document::{Block, Cell, CellKind, Document, Table};
use crate::present::report::{ReportContent, notes_text};

/// Excel's longest sheet name, in characters.
const MAX_SHEET_NAME: usize = 31;

/// How many columns the cover's running text spans.
const TEXT_COLUMNS: ColNum = 8;

/// The widest a table's text column is made; longer text wraps.
const TEXT_COLUMN_CAP: f64 = 50.0;

/// The cover and one sheet per table of `document`, in order.
pub(super) fn sheets(
    c: &ReportContent,
    document: &Document,
    s: &Styles,
) -> Result<Vec<Worksheet>, XlsxError> {
    let lang = c.lang;
    let cover_name = T::XlsxBriefSheet.get(lang);
    let mut taken = BTreeSet::from([cover_name.to_lowercase()]);
    // Each table's sheet name: its caption, else the heading above it.
    let mut names = Vec::new();
    let mut heading: Option<&str> = None;
    for block in &document.blocks {
        match block {
            Block::Heading { text, .. } => heading = Some(text),
            Block::Table(table) => {
                let wanted = table.caption.as_deref().or(heading).unwrap_or(&table.id);
                names.push(unique_sheet_name(wanted, &mut taken));
            }
            _ => {}
        }
    }

    let mut cover = Sheet::new(cover_name, lang)?;
    cover
        .ws
        .write_string_with_format(0, 0, super::cells::capped(&document.title), &s.title)?;
    let subtitle = match &document.masthead {
        Some(masthead) => [masthead.office.as_str(), masthead.number.as_str()]
            .into_iter()
            .filter(|part| !part.is_empty())
            .collect::<Vec<_>>()
            .join("  "),
        None => super::scope_name(c),
    };
    cover
        .ws
        .write_string_with_format(1, 0, super::cells::capped(&subtitle), &s.subtitle)?;
    // The document's own key figures stand where it puts them; a document
    // without them gets the full workbook's.
    let has_key_figures = document.blocks.iter().any(|b| matches!(b, Block::KeyFigures(_)));
    let mut row = if has_key_figures {
        3
    } else {
        key_figures(&mut cover, 3, c, s)? + 2
    };
    let mut tables = names.iter();
    for block in &document.blocks {
        row = cover_block(&mut cover, row, block, &mut tables, s)?;
    }
    let mut out = vec![cover.finish()?];
    for (table, name) in document.tables().zip(&names) {
        out.push(table_sheet(c, table, name, s)?);
    }
    Ok(out)
}

/// Writes one block of the document on the cover at `row`; returns the
/// next free row. A table becomes a link to its sheet (the next of `tables`).
fn cover_block<'a>(
    sheet: &mut Sheet,
    row: RowNum,
    block: &Block,
    tables: &mut impl Iterator<Item = &'a String>,
    s: &Styles,
) -> Result<RowNum, XlsxError> {
    let mut row = row;
    match block {
        Block::Heading { level, text, .. } => {
            // The title is already on top.
            if *level > 1 {
                row += 1;
                sheet.paragraph(row, TEXT_COLUMNS, text, &s.heading)?;
                row += 1;
            }
        }
        Block::Paragraph(paragraph) => {
            sheet.paragraph(row, TEXT_COLUMNS, &paragraph.text, &s.paragraph)?;
            row += 1;
        }
        Block::List(items) => {
            for item in items {
                sheet.paragraph(row, TEXT_COLUMNS, &format!("• {item}"), &s.paragraph)?;
                row += 1;
            }
        }
        Block::Facts(facts) => {
            for (label, value) in facts {
                sheet.text(row, 0, label, &s.label)?;
                sheet.text(row, 1, value, &s.text)?;
                row += 1;
            }
        }
        Block::Table(_) => {
            if let Some(name) = tables.next() {
                let target = format!("internal:'{}'!A1", name.replace('\'', "''"));
                sheet.ws.write_url_with_format(
                    row,
                    0,
                    Url::new(target).set_text(format!("→ {name}")),
                    &s.link,
                )?;
                row += 1;
            }
        }
        Block::Figure(figure) => {
            sheet.paragraph(row, TEXT_COLUMNS, &figure.caption, &s.label)?;
            sheet.paragraph(row + 1, TEXT_COLUMNS, &figure.alt, &s.note)?;
            row += 2;
        }
        Block::SignOff(sign_off) => {
            row += 1;
            for (role, name) in &sign_off.rows {
                sheet.text(row, 0, role, &s.label)?;
                sheet.text(row, 1, name, &s.text)?;
                row += 1;
            }
            sheet.text(row, 1, &sign_off.date, &s.text)?;
            row += 1;
        }
        Block::KeyFigures(figures) => {
            for figure in figures {
                sheet.text(row, 0, &figure.label, &s.label)?;
                match shown_number(&figure.value) {
                    Some((value, decimals)) => {
                        let format = s.key_whole.clone().set_num_format(decimal_format(decimals));
                        sheet.number(row, 1, Some(value), &format)?;
                    }
                    None => sheet.text(row, 1, &figure.value, &s.text)?,
                }
                sheet.note(row, 2, &figure.note, &s.note)?;
                row += 1;
            }
        }
        Block::Contents { .. } | Block::PageBreak => {}
    }
    Ok(row)
}

/// One table on a sheet of its own: the header in row 0, one row per table
/// row, and a Notes column when any of its cells carries notes.
pub(super) fn table_sheet(
    c: &ReportContent,
    table: &Table,
    name: &str,
    s: &Styles,
) -> Result<Worksheet, XlsxError> {
    let mut sheet = Sheet::new(name, c.lang)?;
    let has_notes = table.rows.iter().flatten().any(|cell| !cell.notes.is_empty());
    let mut headers: Vec<&str> = table
        .columns
        .iter()
        .map(|column| column.header.as_str())
        .collect();
    if has_notes {
        headers.push(T::Notes.get(c.lang));
    }
    sheet.header(0, &headers, &s.header)?;
    let mut row: RowNum = 0;
    for cells in &table.rows {
        row += 1;
        for (i, cell) in cells.iter().enumerate() {
            write_cell(&mut sheet, row, col(i)?, cell, s)?;
        }
        if has_notes {
            let mut notes: Vec<String> = Vec::new();
            for note in cells.iter().flat_map(|cell| &cell.notes) {
                if !notes.contains(note) {
                    notes.push(note.clone());
                }
            }
            sheet.text(
                row,
                col(table.columns.len())?,
                &notes_text(&notes, c.lang),
                &s.text,
            )?;
        }
    }
    for (i, column) in table.columns.iter().enumerate() {
        if !column.numeric {
            sheet.cap(col(i)?, TEXT_COLUMN_CAP);
        }
    }
    sheet.freeze_header(1, 0)?;
    if row > 0 {
        sheet.ws.autofilter(0, 0, row, col(headers.len() - 1)?)?;
    }
    sheet.finish()
}

/// A table cell: a figure as a number in the full workbook's format, a
/// date as a date, text as text. A figure's missing value is a blank cell
/// when its text is only a dash, else its text ("Unanswered").
fn write_cell(
    sheet: &mut Sheet,
    row: RowNum,
    column: ColNum,
    cell: &Cell,
    s: &Styles,
) -> Result<(), XlsxError> {
    let number = |sheet: &mut Sheet, value: Option<f64>, plain: &Format, provisional: &Format| {
        let format = if cell.provisional { provisional } else { plain };
        match value {
            Some(value) => sheet.number(row, column, Some(value), format),
            None if is_dash(&cell.text) => sheet.number(row, column, None, format),
            None => sheet.text(row, column, &cell.text, &s.text),
        }
    };
    match &cell.kind {
        CellKind::Text => sheet.wrapped(row, column, &cell.text, &s.wrap),
        CellKind::Level(value) => number(sheet, level(*value), &s.level, &s.level_provisional),
        CellKind::WholeLevel(value) => number(sheet, whole(*value), &s.whole, &s.whole_provisional),
        CellKind::Change(value) => number(sheet, level(*value), &s.change, &s.change),
        CellKind::Percent(value) => number(sheet, share(*value), &s.percent, &s.percent),
        CellKind::Number(value) => match shown_number(&cell.text) {
            // The number exactly as shown, with as many decimals.
            Some((shown, decimals)) if value.is_some() => {
                sheet.number(row, column, Some(shown), s.decimals(decimals))
            }
            _ if value.is_none() && is_dash(&cell.text) => sheet.number(row, column, None, &s.number),
            _ => sheet.text(row, column, &cell.text, &s.text),
        },
        CellKind::Date(Some(date)) => sheet.date(row, column, *date, &s.date),
        CellKind::Date(None) if is_dash(&cell.text) => sheet.optional_date(row, column, None, &s.date),
        CellKind::Date(None) => sheet.text(row, column, &cell.text, &s.text),
    }
}

/// A cell whose text stands for no figure: empty or a dash.
fn is_dash(text: &str) -> bool {
    matches!(text.trim(), "" | "-" | "–" | "—")
}

/// The number a cell's text shows ("12", "0.45", "−3") and its decimals;
/// `None` when the text is more than a number ("3 / 12").
fn shown_number(text: &str) -> Option<(f64, usize)> {
    let text = text.trim().replace('\u{2212}', "-");
    if text.is_empty()
        || !text
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '+'))
    {
        return None;
    }
    let value: f64 = text.parse().ok()?;
    let decimals = text.split_once('.').map_or(0, |(_, fraction)| fraction.len());
    value.is_finite().then_some((value, decimals))
}

/// A valid sheet name from `wanted`, not yet in `taken` (Excel compares
/// sheet names without case): without the characters Excel refuses
/// (`[]:*?/\`), at most 31 characters, never empty nor Excel's reserved
/// "History", made unique by " (2)", " (3)"…
fn unique_sheet_name(wanted: &str, taken: &mut BTreeSet<String>) -> String {
    let clean: String = wanted
        .chars()
        .map(|c| match c {
            '[' | ']' | ':' | '*' | '?' | '/' | '\\' => ' ',
            c if c.is_control() => ' ',
            c => c,
        })
        .collect();
    let clean = clean.split_whitespace().collect::<Vec<_>>().join(" ");
    // A sheet name may not begin or end with an apostrophe.
    let clean = clean.trim_matches('\'').trim().to_owned();
    let base = if clean.is_empty() {
        "Table".to_owned()
    } else {
        clean
    };
    let fits = |name: &str, room: usize| -> String {
        if name.chars().count() <= room {
            return name.to_owned();
        }
        let cut: String = name.chars().take(room).collect();
        let next_is_space = name.chars().nth(room).is_some_and(char::is_whitespace);
        // Latin text is cut between words where one ends past half the room.
        match cut.rfind(' ') {
            Some(space) if !next_is_space && cut[..space].chars().count() >= room / 2 => {
                cut[..space].trim_end().to_owned()
            }
            _ => cut.trim_end().to_owned(),
        }
    };
    let mut candidate = fits(&base, MAX_SHEET_NAME);
    let mut n = 1;
    while taken.contains(&candidate.to_lowercase()) || candidate.eq_ignore_ascii_case("history") {
        n += 1;
        let suffix = format!(" ({n})");
        candidate = format!("{}{suffix}", fits(&base, MAX_SHEET_NAME - suffix.chars().count()));
    }
    taken.insert(candidate.to_lowercase());
    candidate
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Lang;
    use crate::present::report::{Format as ReportFormat, ReportKind, ReportOptions};
    use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
    use chrono::NaiveDate;

    fn sample(lang: Lang, kind: ReportKind) -> ReportContent {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assessments");
        let loaded = crate::store::load(&root).unwrap();
        let options = ReportOptions {
            kind,
            style: Default::default(),
            split: false,
            format: ReportFormat::Xlsx,
            period: None,
            department: None,
            basis: crate::analysis::Basis::Latest,
            lang,
            generated: NaiveDate::from_ymd_opt(2026, 1, 15).unwrap(),
        };
        crate::present::report::build(&loaded, &options)
    }

    /// The workbook of `document`'s tables, reopened.
    fn workbook(c: &ReportContent, document: &Document) -> Xlsx<std::io::Cursor<Vec<u8>>> {
        let mut book = rust_xlsxwriter::Workbook::new();
        for sheet in sheets(c, document, &Styles::new(c.lang)).unwrap() {
            book.push_worksheet(sheet);
        }
        let bytes = book.save_to_buffer().unwrap();
        open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap()
    }

    /// The mechanism the brief uses, on the full report's many tables:
    /// one sheet per table, valid unique names, the header and every row,
    /// figures stored as the numbers shown.
    #[test]
    fn every_table_of_a_document_gets_a_sheet_of_its_own() {
        let content = sample(Lang::En, ReportKind::Full);
        let document = crate::present::build::document(&content);
        let tables: Vec<&Table> = document.tables().collect();
        assert!(tables.len() > 20, "{} tables", tables.len());
        let mut book = workbook(&content, &document);
        let names = book.sheet_names();
        assert_eq!(names.len(), tables.len() + 1);
        assert_eq!(names[0], "Brief");
        let mut lower: Vec<String> = names.iter().map(|n| n.to_lowercase()).collect();
        lower.sort();
        lower.dedup();
        assert_eq!(lower.len(), names.len(), "unique names: {names:?}");
        for name in &names {
            assert!(name.chars().count() <= 31, "{name}");
            assert!(!name.contains(['[', ']', ':', '*', '?', '/', '\\']), "{name}");
        }
        // The ranking: a table of its own, header first, ranks and levels
        // as the numbers shown.
        let ranking = tables.iter().position(|t| t.id == "ranking").unwrap();
        let range = book.worksheet_range(&names[ranking + 1]).unwrap();
        let table = tables[ranking];
        let header: Vec<String> = (0..table.columns.len())
            .map(|c| range.get_value((0, c as u32)).unwrap().to_string())
            .collect();
        assert_eq!(header[0], "Rank");
        assert_eq!(header[1], "Department");
        assert_eq!(range.height(), table.rows.len() + 1);
        assert_eq!(table.rows[0][0].text, "1");
        assert_eq!(range.get_value((1, 0)), Some(&Data::Float(1.0)));
        assert_eq!(
            range.get_value((1, 1)),
            Some(&Data::String("Big Data Bureau".into()))
        );
        let level = table.rows[0]
            .iter()
            .position(|cell| matches!(cell.kind, CellKind::Level(Some(_))))
            .unwrap();
        assert_eq!(table.rows[0][level].text, "3.87");
        assert_eq!(range.get_value((1, level as u32)), Some(&Data::Float(3.87)));
        // The cover links to every table's sheet.
        let cover = book.worksheet_range("Brief").unwrap();
        for name in &names[1..] {
            assert!(
                cover
                    .used_cells()
                    .any(|(_, _, v)| *v == Data::String(format!("→ {name}"))),
                "no link to {name}"
            );
        }
    }

    #[test]
    fn a_document_without_tables_is_a_cover_with_the_key_figures() {
        let content = sample(Lang::Zh, ReportKind::Full);
        let empty = Document {
            blocks: Vec::new(),
            ..crate::present::build::document(&content)
        };
        let mut book = workbook(&content, &empty);
        assert_eq!(book.sheet_names(), ["简报"]);
        let cover = book.worksheet_range("简报").unwrap();
        let overall = (0..cover.height() as u32)
            .find(|&r| cover.get_value((r, 0)) == Some(&Data::String("总体等级".into())))
            .unwrap();
        assert!(matches!(cover.get_value((overall, 1)), Some(Data::Float(_))));
    }

    #[test]
    fn sheet_names_are_valid_and_unique() {
        let mut taken = BTreeSet::from(["brief".to_owned()]);
        assert_eq!(unique_sheet_name("Ranking", &mut taken), "Ranking");
        assert_eq!(unique_sheet_name("ranking", &mut taken), "ranking (2)");
        assert_eq!(unique_sheet_name("Brief", &mut taken), "Brief (2)");
        assert_eq!(unique_sheet_name("a/b: c [d]*?\\", &mut taken), "a b c d");
        assert_eq!(unique_sheet_name("History", &mut taken), "History (2)");
        assert_eq!(unique_sheet_name("  ", &mut taken), "Table");
        assert_eq!(unique_sheet_name("'quoted'", &mut taken), "quoted");
        let long = "Departments needing attention this period";
        // Cut between words.
        assert_eq!(
            unique_sheet_name(long, &mut taken),
            "Departments needing attention"
        );
        assert_eq!(unique_sheet_name(long, &mut taken), "Departments needing (2)");
        let one_word = "x".repeat(40);
        assert_eq!(unique_sheet_name(&one_word, &mut taken), "x".repeat(31));
        // Chinese counts by characters.
        let zh = unique_sheet_name(&"部门".repeat(20), &mut taken);
        assert_eq!(zh.chars().count(), 31);
    }

    #[test]
    fn a_number_cell_keeps_the_digits_shown() {
        assert_eq!(shown_number("12"), Some((12.0, 0)));
        assert_eq!(shown_number("0.45"), Some((0.45, 2)));
        assert_eq!(shown_number("\u{2212}3"), Some((-3.0, 0)));
        assert_eq!(shown_number("3 / 12"), None);
        assert_eq!(shown_number("12%"), None);
        assert_eq!(shown_number(""), None);
        assert_eq!(decimal_format(0), "0");
        assert_eq!(decimal_format(2), "0.00");
    }
}
