//! Tables for the PDF: columns sized by weight, cells wrapped to their
//! column, zebra rows, the header repeated at the top of every page a table
//! runs onto, and rows taller than the room left split across pages.
//! A cell may carry a colour chip (a level's colour behind its number, so
//! the colour never stands alone). In the tagged PDF a table is a table of
//! rows of header and data cells; the header repeated on later pages, the
//! fills and the rules are decoration.

use crate::charts::{HAlign, Point, Rect, Rgb, text_colour_on};

use super::layout::{Flow, INK, Item, Kind, Mark, RULE, Style};

use super::text::{self, Face, Fonts, Line};

/// Space between a cell's edge and its text.
const PAD_X: f32 = 4.0;
const PAD_Y: f32 = 3.0;
/// Line height in cells, as a multiple of the font size.
const CELL_LEADING: f32 = 1.4;
const HEADER_FILL: Rgb = Rgb(0xe6, 0xeb, 0xf1);
const ZEBRA_FILL: Rgb = Rgb(0xf5, 0xf6, 0xf8);

/// A column: its share of the table's width and how its cells align.
#[derive(Clone, Copy, Debug)]
pub struct Column {
    pub weight: f32,
    pub align: HAlign,
}

impl Column {
    pub fn left(weight: f32) -> Column {
        Column {
            weight,
            align: HAlign::Left,
        }
    }

    pub fn right(weight: f32) -> Column {
        Column {
            weight,
            align: HAlign::Right,
        }
    }

    pub fn center(weight: f32) -> Column {
        Column {
            weight,
            align: HAlign::Center,
        }
    }
}

/// One cell.
#[derive(Clone, Debug, Default)]
pub struct Cell {
    pub text: String,
    /// A colour chip drawn behind the text (which then takes the contrasting colour).
    pub chip: Option<Rgb>,
    /// Text colour, when not the body colour.
    pub colour: Option<Rgb>,
    pub bold: bool,
    /// Font size, when not the table's (headers shrink to fit their column).
    pub size: Option<f32>,
    /// A dashed outline around the chip: the figure is provisional.
    pub dashed: bool,
}

impl Cell {
    pub fn new(text: impl Into<String>) -> Cell {
        Cell {
            text: text.into(),
            ..Cell::default()
        }
    }

    /// A number on its colour.
    pub fn chip(text: impl Into<String>, colour: Rgb) -> Cell {
        Cell {
            chip: Some(colour),
            ..Cell::new(text)
        }
    }

    /// The chip outlined with dashes (a provisional figure).
    pub fn dashed(mut self) -> Cell {
        self.dashed = true;
        self
    }

    pub fn bold(mut self) -> Cell {
        self.bold = true;
        self
    }

    pub fn coloured(mut self, colour: Rgb) -> Cell {
        self.colour = Some(colour);
        self
    }
}

/// A table.
#[derive(Clone, Debug)]
pub struct Table {
    pub columns: Vec<Column>,
    pub header: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
    pub size: f32,
    /// The column widths for a text block width, measured once: the table
    /// is measured for the heading before it and again to be placed, and
    /// measuring reads every cell. Filled at layout, once the table is
    /// composed: a table whose cells change afterwards must forget it.
    measured: std::cell::OnceCell<(f32, Vec<f32>)>,
}

impl Table {
    pub fn new(columns: Vec<Column>, header: Vec<String>) -> Table {
        Table {
            columns,
            header,
            rows: Vec::new(),
            size: 8.5,
            measured: std::cell::OnceCell::new(),
        }
    }

    fn leading(&self) -> f32 {
        self.size * CELL_LEADING
    }

    /// Column widths in points, filling `width`: shared by weight, then
    /// each column widened to its longest word ("Unanswered" is never cut)
    /// at the expense of those with room to spare. Only a word wider than
    /// a column can be even then (a few in a very narrow table) is broken,
    /// with a hyphen.
    fn widths(&self, fonts: &Fonts, width: f32) -> Vec<f32> {
        if let Some((measured_for, widths)) = self.measured.get()
            && *measured_for == width
        {
            return widths.clone();
        }
        let widths = self.measure(fonts, width);
        // Kept for the first width asked for (the text block's, always).
        let _ = self.measured.set((width, widths.clone()));
        widths
    }

    /// [`Table::widths`], measured.
    fn measure(&self, fonts: &Fonts, width: f32) -> Vec<f32> {
        let total: f32 = self
            .columns
            .iter()
            .map(|c| c.weight.max(0.0))
            .sum::<f32>()
            .max(f32::EPSILON);
        let mut widths: Vec<f32> = self
            .columns
            .iter()
            .map(|c| width * c.weight.max(0.0) / total)
            .collect();
        // No column claims more than this for its words.
        let cap = width * 0.45;
        // A header may shrink to 6 pt to fit (see `header_cells`).
        let mut mins: Vec<f32> = widths
            .iter()
            .enumerate()
            .map(|(i, _)| {
                self.header.get(i).map_or(0.0, |h| {
                    (text::widest_word(fonts, h, 6.0) + 2.0 * PAD_X + 0.5).min(cap)
                })
            })
            .collect();
        for row in &self.rows {
            for (min, cell) in mins.iter_mut().zip(row) {
                let size = cell.size.unwrap_or(self.size);
                let word = text::widest_word(fonts, &cell.text, size) + 2.0 * PAD_X + 0.5;
                *min = min.max(word.min(cap));
            }
        }
        let need: f32 = widths.iter().zip(&mins).map(|(w, m)| (m - w).max(0.0)).sum();
        if need <= 0.0 {
            return widths;
        }
        let slack: f32 = widths.iter().zip(&mins).map(|(w, m)| (w - m).max(0.0)).sum();
        if slack >= need {
            for (w, m) in widths.iter_mut().zip(&mins) {
                if *w < *m {
                    *w = *m;
                } else {
                    *w -= (*w - m) * need / slack;
                }
            }
        } else {
            let sum: f32 = mins.iter().sum::<f32>().max(f32::EPSILON);
            for (w, m) in widths.iter_mut().zip(&mins) {
                *w = m * width / sum;
            }
        }
        widths
    }
}

/// A row with its cells wrapped.
struct Wrapped<'t> {
    cells: Vec<(&'t Cell, Vec<Line>)>,
}

impl Wrapped<'_> {
    fn line_count(&self, from: usize) -> usize {
        self.cells
            .iter()
            .map(|(_, lines)| lines.len().saturating_sub(from))
            .max()
            .unwrap_or(0)
            .max(1)
    }
}

/// Wraps every cell of `row` to its column.
fn wrap_row<'t>(fonts: &Fonts, table: &Table, widths: &[f32], row: &'t [Cell]) -> Wrapped<'t> {
    let cells = row
        .iter()
        .zip(widths)
        .map(|(cell, width)| {
            (
                cell,
                text::wrap(
                    fonts,
                    &cell.text,
                    cell.size.unwrap_or(table.size),
                    width - 2.0 * PAD_X,
                ),
            )
        })
        .collect();
    Wrapped { cells }
}

/// Height of the header row; 0 for a table without one.
fn header_height(fonts: &Fonts, table: &Table, widths: &[f32]) -> f32 {
    if table.header.is_empty() {
        return 0.0;
    }
    row_height(
        table,
        wrap_row(fonts, table, widths, &header_cells(fonts, table, widths)).line_count(0),
    )
}

/// Height of a row showing `lines` lines.
fn row_height(table: &Table, lines: usize) -> f32 {
    lines as f32 * table.leading() + 2.0 * PAD_Y
}

/// How much of a row must fit below what precedes it on a page: all of
/// it, or four lines when it is taller than a page and will be split anyway.
fn first_row_height(table: &Table, lines: usize, capacity: f32) -> f32 {
    let full = row_height(table, lines);
    if full <= capacity {
        full
    } else {
        row_height(table, 4)
    }
}

/// What must fit on the page where the table starts (below a heading, with
/// it) in a text block `content`: see [`start_height`].
pub fn first_rows_height(fonts: &Fonts, table: &Table, content: Rect) -> f32 {
    let widths = table.widths(fonts, content.width());
    let header_height = header_height(fonts, table, &widths);
    // Rows are wrapped only as far as the answer needs them (lazily): the
    // first two, and the rest only while the table may still be short.
    let lines = table
        .rows
        .iter()
        .map(|r| wrap_row(fonts, table, &widths, r).line_count(0));
    start_height(table, lines, header_height, content.height())
}

/// What must fit on the page where a table starts: the whole of a short
/// table (no taller than a third of the text block: rather than leave a
/// row or two on a page of their own, it starts on the next page whole),
/// else the header and the first two rows, so that no row is left alone
/// at the foot of a page (see [`first_row_height`]).
fn start_height(table: &Table, lines: impl IntoIterator<Item = usize>, header_height: f32, page: f32) -> f32 {
    let (mut first, mut second) = (None, None);
    let mut rows = 0.0;
    let mut short = true;
    for (index, lines) in lines.into_iter().enumerate() {
        match index {
            0 => first = Some(lines),
            1 => second = Some(lines),
            _ => {}
        }
        rows += row_height(table, lines);
        // Heights only add up: once too tall, the table stays so.
        short = header_height + rows <= page / 3.0;
        if !short && index >= 1 {
            break;
        }
    }
    if short {
        return header_height + rows;
    }
    let capacity = page - header_height;
    let first = first.map_or(0.0, |lines| first_row_height(table, lines, capacity));
    let second = second.map_or(0.0, |lines| first_row_height(table, lines, capacity));
    let two = first + second;
    header_height + if two <= capacity { two } else { first }
}

/// The header as bold cells, each shrunk (down to 6 pt) until its longest
/// word fits the column, so that no heading is cut mid-word.
fn header_cells(fonts: &Fonts, table: &Table, widths: &[f32]) -> Vec<Cell> {
    table
        .header
        .iter()
        .zip(widths)
        .map(|(h, width)| Cell {
            size: Some(text::fitting_size(fonts, h, table.size, width - 2.0 * PAD_X)),
            ..Cell::new(h.clone()).bold()
        })
        .collect()
}

/// Lays the table out from the flow's cursor, across as many pages as needed.
pub fn place(flow: &mut Flow, table: &Table) {
    let content = flow.content();
    let widths = table.widths(flow.fonts, content.width());
    let header_cells = header_cells(flow.fonts, table, &widths);
    let header = wrap_row(flow.fonts, table, &widths, &header_cells);
    let header_height = header_height(flow.fonts, table, &widths);
    let capacity = content.height() - header_height;

    let rows: Vec<Wrapped> = table
        .rows
        .iter()
        .map(|r| wrap_row(flow.fonts, table, &widths, r))
        .collect();
    flow.ensure(start_height(
        table,
        rows.iter().map(|r| r.line_count(0)),
        header_height,
        content.height(),
    ));
    let element = flow.element(Kind::Table, None);
    let header_elements =
        (!table.header.is_empty()).then(|| cell_elements(flow, element, Kind::HeaderCell, &header));
    draw_header(
        flow,
        table,
        &widths,
        &header,
        header_height,
        header_elements.as_deref(),
    );

    for (index, row) in rows.iter().enumerate() {
        let fill = (index % 2 == 1).then_some(ZEBRA_FILL);
        let cells = cell_elements(flow, element, Kind::Cell, row);
        // The last row never starts a page alone: the one before it moves
        // to the next page with it (when both fit there, unsplit).
        if index + 2 == rows.len() && !flow.at_page_top() {
            let pair = row_height(table, row.line_count(0))
                + rows.last().map_or(0.0, |r| row_height(table, r.line_count(0)));
            let own = row_height(table, row.line_count(0));
            if own <= flow.room() && pair > flow.room() && pair <= capacity {
                continue_on_new_page(flow, table, &widths, &header, header_height);
            }
        }
        let mut from = 0;
        loop {
            let left = row.line_count(from);
            let height = row_height(table, left);
            if height <= flow.room() {
                draw_row(flow, table, &widths, (row, &cells), from, left, fill);
                break;
            }
            // Move whole rows that fit on a fresh page; split only taller ones.
            let fits = ((flow.room() - 2.0 * PAD_Y) / table.leading()).floor();
            if height <= capacity || fits < 1.0 {
                continue_on_new_page(flow, table, &widths, &header, header_height);
                continue;
            }
            // Whole lines only; the count is small and positive.
            let count = fits as usize;
            draw_row(flow, table, &widths, (row, &cells), from, count, fill);
            from += count;
            continue_on_new_page(flow, table, &widths, &header, header_height);
        }
    }
    flow.advance(8.0);
}

/// A row element of `table` with one cell element of `kind` per cell.
fn cell_elements(flow: &mut Flow, table: usize, kind: Kind, row: &Wrapped) -> Vec<usize> {
    let element = flow.element(Kind::Row, Some(table));
    row.cells
        .iter()
        .map(|_| flow.element(kind.clone(), Some(element)))
        .collect()
}

/// A new page, and the header again (as decoration: it was read once).
fn continue_on_new_page(flow: &mut Flow, table: &Table, widths: &[f32], header: &Wrapped, height: f32) {
    flow.new_page();
    draw_header(flow, table, widths, header, height, None);
}

/// The header row; `cells` are its structure elements, or `None` where it
/// is repeated.
fn draw_header(
    flow: &mut Flow,
    table: &Table,
    widths: &[f32],
    header: &Wrapped,
    height: f32,
    cells: Option<&[usize]>,
) {
    if height <= 0.0 {
        let y = flow.y();
        let content = flow.content();
        let rule = Item::line(
            Point::new(content.min.x, y),
            Point::new(content.max.x, y),
            RULE,
            0.4,
        );
        flow.push(rule, Mark::Artifact);
        return;
    }
    let top = flow.y();
    let content = flow.content();
    let fill = Item::Rect {
        rect: Rect::new(
            Point::new(content.min.x, top),
            Point::new(content.max.x, top + height),
        ),
        fill: Some(HEADER_FILL),
        stroke: None,
    };
    flow.push(fill, Mark::Artifact);
    draw_cells(flow, table, widths, (header, cells), 0, header.line_count(0), top);
    let bottom = top + height;
    let rule = Item::line(
        Point::new(content.min.x, bottom),
        Point::new(content.max.x, bottom),
        INK,
        0.6,
    );
    flow.push(rule, Mark::Artifact);
    flow.advance(height);
}

/// Draws lines `from..from + count` of a row at the cursor.
fn draw_row(
    flow: &mut Flow,
    table: &Table,
    widths: &[f32],
    (row, cells): (&Wrapped, &[usize]),
    from: usize,
    count: usize,
    fill: Option<Rgb>,
) {
    let top = flow.y();
    let content = flow.content();
    let height = row_height(table, count);
    if let Some(fill) = fill {
        let fill = Item::Rect {
            rect: Rect::new(
                Point::new(content.min.x, top),
                Point::new(content.max.x, top + height),
            ),
            fill: Some(fill),
            stroke: None,
        };
        flow.push(fill, Mark::Artifact);
    }
    draw_cells(flow, table, widths, (row, Some(cells)), from, count, top);
    let bottom = top + height;
    let rule = Item::line(
        Point::new(content.min.x, bottom),
        Point::new(content.max.x, bottom),
        RULE,
        0.4,
    );
    flow.push(rule, Mark::Artifact);
    flow.advance(height);
}

/// Draws the text (and chips) of lines `from..from + count` of each cell;
/// the text is the content of the cell's element in `cells`, if any.
fn draw_cells(
    flow: &mut Flow,
    table: &Table,
    widths: &[f32],
    (row, cells): (&Wrapped, Option<&[usize]>),
    from: usize,
    count: usize,
    top: f32,
) {
    let leading = table.leading();
    let mut x = flow.content().min.x;
    for (index, (((cell, lines), width), column)) in
        row.cells.iter().zip(widths).zip(&table.columns).enumerate()
    {
        let mark = cells
            .and_then(|cells| cells.get(index))
            .map_or(Mark::Artifact, |&element| Mark::Content(element));
        let align = column.align;
        let inner = width - 2.0 * PAD_X;
        let mut style = Style {
            colour: cell.colour.unwrap_or(INK),
            bold: cell.bold,
            face: Face::Sans,
        };
        for (i, line) in lines.iter().skip(from).take(count).enumerate() {
            let line_top = top + PAD_Y + i as f32 * leading;
            let text_x = x
                + PAD_X
                + match align {
                    HAlign::Left => 0.0,
                    HAlign::Center => (inner - line.width) / 2.0,
                    HAlign::Right => inner - line.width,
                };
            if let Some(chip) = cell.chip {
                let chip_rect = Rect::new(
                    Point::new(text_x - 3.0, line_top + 0.5),
                    Point::new(text_x + line.width + 3.0, line_top + leading - 0.5),
                );
                let rect = Item::Rect {
                    rect: chip_rect,
                    fill: Some(chip),
                    stroke: None,
                };
                flow.push(rect, Mark::Artifact);
                if cell.dashed {
                    flow.push(dashed_outline(chip_rect, INK, 1.5), Mark::Artifact);
                }
                style.colour = text_colour_on(chip);
            }
            let size = cell.size.unwrap_or(table.size);
            let text = Item::text_line(text_x, line_top, size, leading, style, &line.text);
            flow.push(text, mark);
        }
        x += width;
    }
}

/// A dashed rectangle `gap` points outside `rect`: the mark of a provisional figure.
pub fn dashed_outline(rect: Rect, colour: Rgb, gap: f32) -> Item {
    let (min, max) = (rect.min - Point::new(gap, gap), rect.max + Point::new(gap, gap));
    Item::Path {
        points: vec![min, Point::new(max.x, min.y), max, Point::new(min.x, max.y)],
        closed: true,
        fill: None,
        stroke: Some((colour, 0.8)),
        dashed: true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::pdf::layout::{Block, CONTENT, Mark};

    /// A table of `rows` rows of two cells.
    fn table(rows: usize) -> Table {
        let mut table = Table::new(
            vec![Column::left(1.0), Column::right(1.0)],
            vec!["A".into(), "B".into()],
        );
        table.rows = (0..rows)
            .map(|i| vec![Cell::new(format!("row {i}")), Cell::new(i.to_string())])
            .collect();
        table
    }

    /// The pages on which the rows' text landed, when the table starts with
    /// only `room` points left on the first page.
    fn pages_of_rows(rows: usize, room: f32) -> Vec<usize> {
        let fonts = match Fonts::load() {
            Ok(fonts) => fonts,
            Err(e) => panic!("{e}"),
        };
        let mut flow = Flow::new(&fonts);
        flow.advance(CONTENT.height() - room);
        let laid = flow.run(vec![Block::Table(table(rows))]);
        let mut pages = Vec::new();
        for (page, items) in laid.pages.iter().enumerate() {
            for placed in items {
                let is_row = matches!(&placed.item, Item::Text { text, .. } if text.starts_with("row "));
                if is_row && matches!(placed.mark, Mark::Content(_)) && !pages.contains(&page) {
                    pages.push(page);
                }
            }
        }
        pages
    }

    /// How many rows of a long table land on each page, started with
    /// `room` points left on the first.
    fn rows_per_page(rows: usize, room: f32) -> Vec<usize> {
        let fonts = match Fonts::load() {
            Ok(fonts) => fonts,
            Err(e) => panic!("{e}"),
        };
        let mut flow = Flow::new(&fonts);
        flow.advance(CONTENT.height() - room);
        let laid = flow.run(vec![Block::Table(table(rows))]);
        laid.pages
            .iter()
            .map(|items| {
                items
                    .iter()
                    .filter(|p| {
                        matches!(&p.item, Item::Text { text, .. } if text.starts_with("row "))
                            && matches!(p.mark, Mark::Content(_))
                    })
                    .count()
            })
            .collect()
    }

    #[test]
    fn no_row_is_left_alone_at_the_foot_or_head_of_a_page() {
        // Wherever a long table starts, and however long it is, no page
        // holds exactly one of its rows (unless the table has one).
        for rows in [40, 41, 55, 56, 57, 58, 59, 60, 61] {
            let mut room = 20.0;
            while room < CONTENT.height() {
                let pages = rows_per_page(rows, room);
                assert_eq!(pages.iter().sum::<usize>(), rows);
                assert!(
                    pages.iter().all(|&n| n != 1),
                    "{rows} rows from {room} pt: {pages:?}"
                );
                room += 7.0;
            }
        }
    }

    #[test]
    fn a_narrow_column_keeps_its_words_whole() {
        let fonts = match Fonts::load() {
            Ok(fonts) => fonts,
            Err(e) => panic!("{e}"),
        };
        // Five columns, the status one far too narrow for "Unanswered".
        let mut table = Table::new(
            vec![
                Column::left(6.0),
                Column::left(0.3),
                Column::left(6.0),
                Column::left(6.0),
                Column::left(6.0),
            ],
            Vec::new(),
        );
        table.rows = vec![vec![
            Cell::new("Indicator name"),
            Cell::new("Unanswered"),
            Cell::new("Evidence text that can wrap at its spaces"),
            Cell::new("More"),
            Cell::new("Even more"),
        ]];
        let widths = table.widths(&fonts, CONTENT.width());
        assert!((widths.iter().sum::<f32>() - CONTENT.width()).abs() < 0.01);
        let row = wrap_row(&fonts, &table, &widths, &table.rows[0]);
        let (_, lines) = &row.cells[1];
        assert_eq!(lines.len(), 1, "{lines:?}");
        assert_eq!(lines[0].text, "Unanswered");
        // A word wider than the whole table can give is hyphen-broken.
        table.rows[0][1] = Cell::new("x".repeat(400));
        table.measured = Default::default();
        let widths = table.widths(&fonts, CONTENT.width());
        let row = wrap_row(&fonts, &table, &widths, &table.rows[0]);
        let (_, lines) = &row.cells[1];
        assert!(lines.len() > 1 && lines[0].text.ends_with('-'), "{lines:?}");
    }

    #[test]
    fn a_short_table_moves_whole_rather_than_leave_rows_behind() {
        // Room for the header and a couple of rows, not for six.
        assert_eq!(pages_of_rows(6, 60.0), vec![1]);
        // A long table starts where it is and runs on.
        let long = pages_of_rows(60, 60.0);
        assert_eq!(long.first(), Some(&0), "{long:?}");
        assert!(long.len() > 1, "{long:?}");
        // With room for all of it, a short table stays.
        assert_eq!(pages_of_rows(6, 400.0), vec![0]);
    }
}
