//! Writing cells: the cell formats, made once ([`Styles`]), and a sheet
//! that remembers how wide its columns' content is ([`Sheet`]) so that it
//! can size them and the rows of wrapped text when it is finished. Text
//! goes in as strings, never as formulas, cut to what a cell holds.

use std::borrow::Cow;

use chrono::NaiveDate;
use rust_xlsxwriter::{ColNum, Color, Format, FormatAlign, FormatBorder, RowNum, Worksheet, XlsxError};

use crate::charts::Rgb;
use crate::model::Lang;
use crate::present::format::{self, XLSX_LEVEL, XLSX_PERCENT};

/// A signed change as [`format::change`] writes it: "+0.25", "−0.50" (a
/// true minus), "0.00".
pub(super) const XLSX_CHANGE: &str = "+0.00;\"\u{2212}\"0.00;0.00";

/// A priority as [`format::priority`] writes it.
pub(super) const XLSX_PRIORITY: &str = "0.00";

/// A whole number: a level 1–5, a count.
pub(super) const XLSX_WHOLE: &str = "0";

/// The tint of an overdue action's row: a pale red, with dark red text
/// (contrast well above 4.5:1).
pub(super) const OVERDUE_TINT: Rgb = Rgb(0xfb, 0xe3, 0xe3);

/// Excel's limit on the length of a cell's text, in UTF-16 units.
pub(super) const MAX_CELL_TEXT: usize = 32_767;

/// The widest a column is made, in characters; longer text wraps.
pub(super) const MAX_COLUMN_WIDTH: f64 = 60.0;

/// Excel's width of a column left as it is, in characters.
pub(super) const DEFAULT_COLUMN_WIDTH: f64 = 8.43;

/// The narrowest a column with content is made, in characters.
pub(super) const MIN_COLUMN_WIDTH: f64 = 6.0;

/// The height of a line of 11-point text, in points: Latin, and with
/// Chinese (whose fallback fonts stand taller).
pub(super) const LINE_HEIGHT: f64 = 15.0;
pub(super) const LINE_HEIGHT_WIDE: f64 = 17.0;

/// Excel's tallest row, in points.
pub(super) const MAX_ROW_HEIGHT: f64 = 409.0;

/// The cell formats, made once.
pub(super) struct Styles {
    pub(super) title: Format,
    pub(super) subtitle: Format,
    pub(super) header: Format,
    pub(super) label: Format,
    pub(super) note: Format,
    pub(super) text: Format,
    pub(super) wrap: Format,
    pub(super) date: Format,
    /// A centred number, for formats made per sheet (the rank).
    pub(super) number: Format,
    pub(super) level: Format,
    /// `level` with a dashed dark border: a provisional figure.
    pub(super) level_provisional: Format,
    pub(super) whole: Format,
    /// `whole` with a dashed dark border: a provisional figure.
    pub(super) whole_provisional: Format,
    pub(super) percent: Format,
    pub(super) change: Format,
    pub(super) priority: Format,
    pub(super) general: Format,
    pub(super) heat: Format,
    /// `heat` with a dashed dark border: a provisional figure.
    pub(super) heat_provisional: Format,
    pub(super) key_date: Format,
    pub(super) key_level: Format,
    pub(super) key_whole: Format,
    pub(super) key_percent: Format,
    pub(super) key_change: Format,
    /// The tint of an overdue action's row.
    pub(super) overdue: Format,
    /// A section heading in running text (the brief's cover).
    pub(super) heading: Format,
    /// Running text that wraps.
    pub(super) paragraph: Format,
    /// A link to another sheet.
    pub(super) link: Format,
    /// `note` that wraps.
    pub(super) note_wrap: Format,
    /// `number` with 0, 1, 2… decimals (see [`Styles::decimals`]).
    decimals: Vec<Format>,
}

impl Styles {
    pub(super) fn new(lang: Lang) -> Self {
        let cell = Format::new().set_align(FormatAlign::Top);
        // Numbers in tables are centred, so a right-aligned figure never
        // runs into the text of the next column; key figures sit left,
        // under each other.
        let number = cell.clone().set_align(FormatAlign::Center);
        let key = cell.clone().set_align(FormatAlign::Left);
        let dashed = |format: Format| {
            format
                .set_border(FormatBorder::MediumDashed)
                .set_border_color(excel_colour(Rgb(0x1a, 0x1a, 0x1a)))
        };
        let heat = Format::new()
            .set_num_format(XLSX_LEVEL)
            .set_align(FormatAlign::Center)
            .set_align(FormatAlign::VerticalCenter);
        Styles {
            title: Format::new().set_bold().set_font_size(16),
            subtitle: Format::new()
                .set_font_size(12)
                .set_font_color(excel_colour(Rgb(0x59, 0x59, 0x59))),
            header: Format::new()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Top)
                .set_background_color(excel_colour(Rgb(0xd9, 0xe2, 0xf3)))
                .set_border_bottom(FormatBorder::Thin),
            label: cell.clone().set_bold(),
            note: Format::new()
                .set_italic()
                .set_font_color(excel_colour(Rgb(0x59, 0x59, 0x59))),
            text: cell.clone(),
            wrap: cell.clone().set_text_wrap(),
            date: cell
                .clone()
                .set_num_format(format::xlsx_date(lang))
                .set_align(FormatAlign::Left),
            level: number.clone().set_num_format(XLSX_LEVEL),
            level_provisional: dashed(number.clone().set_num_format(XLSX_LEVEL)),
            whole: number.clone().set_num_format(XLSX_WHOLE),
            whole_provisional: dashed(number.clone().set_num_format(XLSX_WHOLE)),
            percent: number.clone().set_num_format(XLSX_PERCENT),
            change: number.clone().set_num_format(XLSX_CHANGE),
            priority: number.clone().set_num_format(XLSX_PRIORITY),
            general: number.clone(),
            decimals: (0..=MAX_DECIMALS)
                .map(|n| number.clone().set_num_format(decimal_format(n)))
                .collect(),
            number,
            key_date: key.clone().set_num_format(format::xlsx_date(lang)),
            key_level: key.clone().set_num_format(XLSX_LEVEL),
            key_whole: key.clone().set_num_format(XLSX_WHOLE),
            key_percent: key.clone().set_num_format(XLSX_PERCENT),
            key_change: key.set_num_format(XLSX_CHANGE),
            overdue: Format::new()
                .set_background_color(excel_colour(OVERDUE_TINT))
                .set_font_color(excel_colour(Rgb(0x7a, 0x1f, 0x1f))),
            heading: Format::new()
                .set_bold()
                .set_font_size(12)
                .set_text_wrap()
                .set_align(FormatAlign::Top),
            paragraph: cell.clone().set_text_wrap(),
            note_wrap: cell
                .clone()
                .set_text_wrap()
                .set_italic()
                .set_font_color(excel_colour(Rgb(0x59, 0x59, 0x59))),
            link: Format::new()
                .set_underline(rust_xlsxwriter::FormatUnderline::Single)
                .set_font_color(excel_colour(Rgb(0x1f, 0x4e, 0x9a))),
            heat_provisional: dashed(heat.clone()),
            heat: heat
                .set_border(FormatBorder::Thin)
                .set_border_color(excel_colour(Rgb::WHITE)),
        }
    }
}

impl Styles {
    /// A centred number shown with `decimals` decimals (at most
    /// [`MAX_DECIMALS`]), made once rather than for each cell.
    pub(super) fn decimals(&self, decimals: usize) -> &Format {
        let last = self.decimals.len().saturating_sub(1);
        &self.decimals[decimals.min(last)]
    }
}

/// The most decimals a number is shown with.
pub(super) const MAX_DECIMALS: usize = 10;

/// A number format with `decimals` decimals (at most [`MAX_DECIMALS`]):
/// "0", "0.0", "0.00".
pub(super) fn decimal_format(decimals: usize) -> String {
    if decimals == 0 {
        "0".to_owned()
    } else {
        format!("0.{}", "0".repeat(decimals.min(MAX_DECIMALS)))
    }
}

/// A worksheet being filled, remembering the widest content of each column
/// so that [`Sheet::finish`] can size the columns to fit.
pub(super) struct Sheet {
    pub(super) ws: Worksheet,
    pub(super) name: String,
    /// Widest content per column, in character widths.
    pub(super) widths: Vec<f64>,
    /// A lower cap than [`MAX_COLUMN_WIDTH`] for some columns.
    pub(super) caps: Vec<Option<f64>>,
    /// Cells whose text wraps, to size their rows.
    pub(super) wrapped: Vec<Wrapped>,
    /// How wide a date shows: "2025-12-31" or the wider "2025年12月31日".
    date_width: f64,
    /// Cells are measured, not written: the first pass over a sheet written
    /// row by row (see [`Sheet::in_row_order`]).
    measuring: bool,
    /// Cells are written row by row, each row made tall enough for its
    /// wrapped text when the next one starts (see [`Sheet::in_row_order`]).
    row_order: bool,
    /// The row being written, in row order.
    current: RowNum,
    /// The columns' widths, known before a sheet is written row by row.
    fitted: Vec<f64>,
    /// The height of a row left as it is, when it is not Excel's (see
    /// [`Sheet::default_height`]).
    default_height: Option<f64>,
}

/// A cell whose text wraps.
pub(super) struct Wrapped {
    row: RowNum,
    col: ColNum,
    text: String,
    /// Bold text (a header) runs wider.
    bold: bool,
    /// How many columns the cell spans (merged), 1 for one.
    span: ColNum,
}

impl Sheet {
    /// A sheet named `name` whose dates show in `lang`'s format.
    pub(super) fn new(name: &str, lang: Lang) -> Result<Sheet, XlsxError> {
        Sheet::on(Worksheet::new(), name, lang)
    }

    /// [`Sheet::new`] on a worksheet made elsewhere: one that keeps little
    /// in memory because it is written row by row (see [`Sheet::end_row`]).
    pub(super) fn on(mut ws: Worksheet, name: &str, lang: Lang) -> Result<Sheet, XlsxError> {
        ws.set_name(name)?;
        // A4 landscape, one page wide, the sheet's name and page numbers below.
        ws.set_paper_size(9)
            .set_landscape()
            .set_print_fit_to_pages(1, 0)
            .set_footer("&L&[Tab]&R&[Page] / &[Pages]");
        Ok(Sheet {
            ws,
            name: name.to_owned(),
            widths: Vec::new(),
            caps: Vec::new(),
            wrapped: Vec::new(),
            date_width: match lang {
                Lang::En => 10.0,
                Lang::Zh => 14.0,
            },
            measuring: false,
            row_order: false,
            current: 0,
            fitted: Vec::new(),
            default_height: None,
        })
    }

    /// Makes `height` (in points) the height of a row left as it is, for a
    /// sheet written row by row most of whose rows are that tall: every
    /// other row written gets its height of its own, one line's included.
    /// rust_xlsxwriter (0.102) keeps the height of every row given one
    /// until the workbook is saved, even for a sheet written row by row.
    pub(super) fn default_height(&mut self, height: f64) {
        self.ws.set_default_row_height(height);
        self.default_height = Some(height);
    }

    /// Fills a sheet written row by row (a worksheet that keeps little in
    /// memory), whose rows cannot change once a later one is written:
    /// `fill` writes every cell in row order, and is run twice, first
    /// measuring only, so that the column widths, and with them the height
    /// of each row, are known before the first row is written. Returns what
    /// the second run returns (its last row).
    pub(super) fn in_row_order<F>(&mut self, fill: F) -> Result<RowNum, XlsxError>
    where
        F: Fn(&mut Sheet) -> Result<RowNum, XlsxError>,
    {
        self.measuring = true;
        fill(self)?;
        self.measuring = false;
        self.fitted = self.fitted_widths();
        self.row_order = true;
        self.current = 0;
        let last = fill(self)?;
        self.end_row()?;
        Ok(last)
    }

    /// Before a cell of `row` is written in row order: the rows before it
    /// are done, so they are made tall enough for their wrapped text.
    fn at(&mut self, row: RowNum) -> Result<(), XlsxError> {
        if self.row_order && row != self.current {
            self.end_row()?;
            self.current = row;
        }
        Ok(())
    }

    /// Sizes the row being written against a default height of the
    /// sheet's own ([`Sheet::default_height`]): the height it would have
    /// with Excel's default, given only where it differs.
    fn end_row_against(&mut self, default: f64) -> Result<(), XlsxError> {
        let fitted = std::mem::take(&mut self.fitted);
        let height = self
            .wrapped
            .iter()
            .map(|cell| cell_height(cell, &fitted))
            .fold(0.0, f64::max);
        self.fitted = fitted;
        self.wrapped.clear();
        let height = if height > LINE_HEIGHT + 2.0 {
            height.min(MAX_ROW_HEIGHT)
        } else {
            LINE_HEIGHT
        };
        // Heights are kept in whole pixels, four to three points.
        let pixels = |points: f64| (points * 4.0 / 3.0).round();
        if pixels(height) != pixels(default) {
            self.ws.set_row_height(self.current, height)?;
        }
        Ok(())
    }

    /// Makes the rows written since the last call tall enough for their
    /// wrapped text, as [`Sheet::finish`] would.
    fn end_row(&mut self) -> Result<(), XlsxError> {
        if let Some(default) = self.default_height.filter(|_| self.row_order) {
            return self.end_row_against(default);
        }
        if !self.wrapped.is_empty() {
            let fitted = std::mem::take(&mut self.fitted);
            let done = self.fit_row_heights(&fitted);
            self.fitted = fitted;
            done?;
            self.wrapped.clear();
        }
        Ok(())
    }

    /// Remembers that column `col` holds content `width` characters wide.
    pub(super) fn measure(&mut self, col: ColNum, width: f64) {
        let index = usize::from(col);
        if self.widths.len() <= index {
            self.widths.resize(index + 1, 0.0);
        }
        self.widths[index] = self.widths[index].max(width);
    }

    /// Freezes the rows above `row` and the columns left of `col`, and
    /// repeats `row − 1` (the header) on every printed page.
    pub(super) fn freeze_header(&mut self, row: RowNum, col: ColNum) -> Result<(), XlsxError> {
        self.ws.set_freeze_panes(row, col)?;
        if let Some(header) = row.checked_sub(1) {
            self.ws.set_repeat_rows(header, header)?;
        }
        Ok(())
    }

    /// Caps a column's width (its text wraps beyond it).
    pub(super) fn cap(&mut self, col: ColNum, width: f64) {
        let index = usize::from(col);
        if self.caps.len() <= index {
            self.caps.resize(index + 1, None);
        }
        self.caps[index] = Some(width);
    }

    /// Writes user or label text as a string — never as a formula.
    pub(super) fn text(
        &mut self,
        row: RowNum,
        col: ColNum,
        text: &str,
        format: &Format,
    ) -> Result<(), XlsxError> {
        let text = capped(text);
        self.measure(col, display_width(&text));
        if !self.measuring {
            self.at(row)?;
            self.ws.write_string_with_format(row, col, text, format)?;
        }
        Ok(())
    }

    /// Writes text that wraps within its column (`format` must wrap), and
    /// remembers it so that [`Sheet::finish`] makes its row tall enough.
    pub(super) fn wrapped(
        &mut self,
        row: RowNum,
        col: ColNum,
        text: &str,
        format: &Format,
    ) -> Result<(), XlsxError> {
        self.text(row, col, text, format)?;
        if !text.is_empty() && !self.measuring {
            self.wrapped.push(Wrapped {
                row,
                col,
                text: capped(text).into_owned(),
                bold: false,
                span: 1,
            });
        }
        Ok(())
    }

    /// Writes running text across columns `0..span` (merged), wrapping
    /// within them; its row is made tall enough by [`Sheet::finish`].
    pub(super) fn paragraph(
        &mut self,
        row: RowNum,
        span: ColNum,
        text: &str,
        format: &Format,
    ) -> Result<(), XlsxError> {
        let text = capped(text);
        let span = span.max(2);
        self.ws.merge_range(row, 0, row, span - 1, &text, format)?;
        self.wrapped.push(Wrapped {
            row,
            col: 0,
            text: text.into_owned(),
            bold: false,
            span,
        });
        Ok(())
    }

    /// Writes a note that may run on past its column: it does not widen it.
    pub(super) fn note(
        &mut self,
        row: RowNum,
        col: ColNum,
        text: &str,
        format: &Format,
    ) -> Result<(), XlsxError> {
        if !self.measuring {
            self.at(row)?;
            self.ws.write_string_with_format(row, col, capped(text), format)?;
        }
        Ok(())
    }

    /// Writes a header row. A header may wrap onto more lines, so it widens
    /// its column only to its longest word (or a dozen characters).
    pub(super) fn header(&mut self, row: RowNum, labels: &[&str], format: &Format) -> Result<(), XlsxError> {
        for (i, label) in labels.iter().enumerate() {
            self.header_cell(row, self::col(i)?, label, format)?;
        }
        Ok(())
    }

    /// Writes one header cell, as [`Sheet::header`] does.
    pub(super) fn header_cell(
        &mut self,
        row: RowNum,
        col: ColNum,
        label: &str,
        format: &Format,
    ) -> Result<(), XlsxError> {
        let longest_word = label.split_whitespace().map(display_width).fold(0.0, f64::max);
        self.measure(col, display_width(label).min(longest_word.max(12.0)));
        if self.measuring {
            return Ok(());
        }
        self.at(row)?;
        self.ws
            .write_string_with_format(row, col, capped(label), format)?;
        self.wrapped.push(Wrapped {
            row,
            col,
            text: label.to_owned(),
            bold: true,
            span: 1,
        });
        Ok(())
    }

    /// Writes a number, or a formatted blank cell when there is none.
    pub(super) fn number(
        &mut self,
        row: RowNum,
        col: ColNum,
        value: Option<f64>,
        format: &Format,
    ) -> Result<(), XlsxError> {
        match value.filter(|v| v.is_finite()) {
            Some(value) => {
                self.measure(col, number_width(value));
                if !self.measuring {
                    self.at(row)?;
                    self.ws.write_number_with_format(row, col, value, format)?;
                }
            }
            None if self.measuring => {}
            None => {
                self.at(row)?;
                self.ws.write_blank(row, col, format)?;
            }
        }
        Ok(())
    }

    /// Writes a count as a number.
    pub(super) fn count(
        &mut self,
        row: RowNum,
        col: ColNum,
        count: usize,
        format: &Format,
    ) -> Result<(), XlsxError> {
        // Counts of departments and indicators are far below 2^52: exact.
        self.number(row, col, Some(count as f64), format)
    }

    /// Writes a date as an Excel date.
    pub(super) fn date(
        &mut self,
        row: RowNum,
        col: ColNum,
        date: NaiveDate,
        format: &Format,
    ) -> Result<(), XlsxError> {
        self.measure(col, self.date_width);
        if !self.measuring {
            self.at(row)?;
            self.ws.write_datetime_with_format(row, col, date, format)?;
        }
        Ok(())
    }

    pub(super) fn optional_date(
        &mut self,
        row: RowNum,
        col: ColNum,
        date: Option<NaiveDate>,
        format: &Format,
    ) -> Result<(), XlsxError> {
        match date {
            Some(date) => self.date(row, col, date, format),
            None if self.measuring => Ok(()),
            None => {
                self.at(row)?;
                self.ws.write_blank(row, col, format).map(|_| ())
            }
        }
    }

    /// Sizes every column to its widest content (within the caps) and
    /// hands back the worksheet.
    pub(super) fn finish(mut self) -> Result<Worksheet, XlsxError> {
        let fitted = self.fitted_widths();
        for (i, (width, content)) in fitted.iter().zip(&self.widths).enumerate() {
            if *content > 0.0 {
                self.ws.set_column_width(col(i)?, *width)?;
            }
        }
        self.fit_row_heights(&fitted)?;
        Ok(self.ws)
    }

    /// Each column's width: its widest content, within the caps.
    fn fitted_widths(&self) -> Vec<f64> {
        self.widths
            .iter()
            .enumerate()
            .map(|(i, width)| {
                let cap = self.caps.get(i).copied().flatten().unwrap_or(MAX_COLUMN_WIDTH);
                (width * 1.1 + 2.0).clamp(MIN_COLUMN_WIDTH, cap)
            })
            .collect()
    }

    /// Makes rows with wrapped text tall enough to show all of it: not every
    /// spreadsheet program grows such rows by itself when it opens a file.
    pub(super) fn fit_row_heights(&mut self, column_widths: &[f64]) -> Result<(), XlsxError> {
        let mut heights: std::collections::BTreeMap<RowNum, f64> = std::collections::BTreeMap::new();
        for cell in &self.wrapped {
            let height = heights.entry(cell.row).or_insert(0.0);
            *height = height.max(cell_height(cell, column_widths));
        }
        for (row, height) in heights {
            if height > LINE_HEIGHT + 2.0 {
                self.ws.set_row_height(row, height.min(MAX_ROW_HEIGHT))?;
            }
        }
        Ok(())
    }
}

/// How tall a row must be to show all of a wrapped cell's text, in points.
fn cell_height(cell: &Wrapped, column_widths: &[f64]) -> f64 {
    let columns = usize::from(cell.col)..usize::from(cell.col) + usize::from(cell.span);
    let usable = columns
        .map(|i| column_widths.get(i).copied().unwrap_or(DEFAULT_COLUMN_WIDTH))
        .sum::<f64>()
        - 1.0;
    let usable = usable.max(1.0);
    let lines = wrapped_lines(&cell.text, usable, cell.bold);
    let wide = cell.text.chars().any(|c| char_width(c) > 1.0);
    let line_height = if wide { LINE_HEIGHT_WIDE } else { LINE_HEIGHT };
    // Line counts are small, so the conversion is exact.
    lines as f64 * line_height + 2.0
}

/// How many lines `text` takes in a column `width` digit-widths wide,
/// wrapping words greedily as spreadsheets do. Latin letters are taken as
/// 0.85 of a digit's width (0.95 in bold): a little wider than Calibri's,
/// so that wider fallback fonts (DejaVu Sans in LibreOffice) still fit.
/// Chinese characters take two digits and may break anywhere.
pub(super) fn wrapped_lines(text: &str, width: f64, bold: bool) -> usize {
    let latin = if bold { 0.95 } else { 0.85 };
    let mut lines = 0;
    for line in text.lines() {
        let mut wrap = Wrap {
            width,
            latin,
            count: 1,
            used: 0.0,
        };
        for word in line.split(' ') {
            // A run of Chinese breaks between any two characters: pack it
            // glyph by glyph; a Latin word moves whole to the next line.
            if word.chars().any(|c| char_width(c) > 1.0) {
                let mut first = true;
                for c in word.chars() {
                    wrap.place(if char_width(c) > 1.0 { 2.1 } else { latin }, first);
                    first = false;
                }
            } else {
                wrap.place(word.chars().map(|_| latin).sum(), true);
            }
        }
        lines += wrap.count;
    }
    lines.max(1)
}

/// One line of text being wrapped by [`wrapped_lines`].
struct Wrap {
    width: f64,
    /// A Latin letter's width, and a space's.
    latin: f64,
    /// Lines so far.
    count: usize,
    /// How much of the last line is taken.
    used: f64,
}

impl Wrap {
    /// Places a piece of text `piece` wide: a whole Latin word, or one
    /// Chinese character. The first piece of a word follows a space.
    fn place(&mut self, piece: f64, first: bool) {
        let gap = if first && self.used > 0.0 { self.latin } else { 0.0 };
        if self.used + gap + piece <= self.width {
            self.used += gap + piece;
        } else if piece <= self.width {
            self.count += 1;
            self.used = piece;
        } else {
            // A word longer than the column breaks inside itself.
            let extra = (piece / self.width).floor();
            // Bounded by the cell's length, so the cast is exact.
            self.count += usize::from(self.used > 0.0) + extra as usize;
            self.used = piece - extra * self.width;
        }
    }
}

/// A column number, or Excel's limit error past the last column.
pub(super) fn col(index: usize) -> Result<ColNum, XlsxError> {
    ColNum::try_from(index).map_err(|_| XlsxError::RowColumnLimitError)
}

/// The text as a cell shows it: control characters other than line feeds
/// and tabs shown as `\u{1b}` (as every output shows them), cut to what one
/// Excel cell can hold, ending in "…" when cut.
pub(super) fn capped(text: &str) -> Cow<'_, str> {
    match crate::present::format::printable(text) {
        Cow::Borrowed(text) => cut(text),
        Cow::Owned(text) => Cow::Owned(cut(&text).into_owned()),
    }
}

/// The text cut to what one Excel cell can hold, ending in "…" when cut.
fn cut(text: &str) -> Cow<'_, str> {
    if text.len() <= MAX_CELL_TEXT {
        // At most one UTF-16 unit per UTF-8 byte: it fits.
        return Cow::Borrowed(text);
    }
    let mut units = 0;
    let mut end = 0;
    for (i, c) in text.char_indices() {
        units += c.len_utf16();
        if units > MAX_CELL_TEXT - 1 {
            break;
        }
        end = i + c.len_utf8();
    }
    if end == text.len() {
        return Cow::Borrowed(text);
    }
    Cow::Owned(format!("{}…", &text[..end]))
}

/// How wide text shows, in widths of a Latin digit: East Asian wide and
/// full-width characters (and emoji) count double. Multi-line text counts
/// its longest line.
pub(super) fn display_width(text: &str) -> f64 {
    // Most cells are plain ASCII: one digit-width a byte.
    if text.is_ascii() {
        // A line's length is far below 2^52, so the conversion is exact.
        return text.lines().map(str::len).max().unwrap_or(0) as f64;
    }
    text.lines()
        .map(|line| line.chars().map(char_width).sum::<f64>())
        .fold(0.0, f64::max)
}

pub(super) fn char_width(c: char) -> f64 {
    let wide = matches!(
        u32::from(c),
        0x1100..=0x115f
            | 0x2e80..=0x303e
            | 0x3041..=0x33ff
            | 0x3400..=0x4dbf
            | 0x4e00..=0x9fff
            | 0xa000..=0xa4cf
            | 0xac00..=0xd7a3
            | 0xf900..=0xfaff
            | 0xfe30..=0xfe4f
            | 0xff00..=0xff60
            | 0xffe0..=0xffe6
            | 0x1f300..=0x1faff
            | 0x20000..=0x3fffd
    );
    if wide { 2.0 } else { 1.0 }
}

/// The width of a number as Excel shows it with two decimals at most.
pub(super) fn number_width(value: f64) -> f64 {
    // A short string's length is far below 2^52, so the conversion is exact.
    format::fixed(value, 2).len() as f64
}

/// Our colour as Excel's.
pub(super) fn excel_colour(rgb: Rgb) -> Color {
    Color::RGB((u32::from(rgb.0) << 16) | (u32::from(rgb.1) << 8) | u32::from(rgb.2))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_counts_double_width() {
        assert_eq!(display_width("abc"), 3.0);
        assert_eq!(display_width("市大数据局"), 10.0);
        assert_eq!(display_width("short\nlonger line"), 11.0);
    }

    #[test]
    fn long_text_is_cut_to_fit_a_cell() {
        let long = "数".repeat(40_000);
        let cut = capped(&long);
        assert_eq!(cut.encode_utf16().count(), MAX_CELL_TEXT);
        assert!(cut.ends_with('…'));
        assert_eq!(capped("short"), "short");
    }

    #[test]
    fn wrapping_counts_lines_by_words() {
        assert_eq!(wrapped_lines("short", 20.0, false), 1);
        assert_eq!(wrapped_lines("one\ntwo\nthree", 20.0, false), 3);
        // 10 words of 5 letters, 4.25 wide each: four to a line of 20.
        assert_eq!(wrapped_lines(&["abcde"; 10].join(" "), 20.0, false), 3);
        // Chinese breaks anywhere: 20 characters of 2.1, ten to a line of 22.
        assert_eq!(wrapped_lines(&"数".repeat(20), 22.0, false), 2);
        // A long word breaks inside itself.
        assert_eq!(wrapped_lines(&"x".repeat(100), 17.0, false), 5);
    }
}
