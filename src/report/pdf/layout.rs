//! The PDF's page layout: a flow of blocks (headings, paragraphs, tables,
//! graphics) poured onto A4 pages, producing a display list per page, the
//! bookmarks, and the document's logical structure for the tagged PDF
//! (headings, paragraphs, lists, tables, figures with their alternative
//! text; everything else is marked as decoration). Painting happens
//! afterwards (see `paint`), once the page count is known for "Page N of M".
//!
//! Coordinates are PDF points with the origin at the top-left of the page
//! and y pointing down, as in `charts` and krilla.

use crate::charts::{HAlign, Point, Rect, Rgb};

use super::tables::{self, Table};
use super::text::{self, Fonts};

/// A4 portrait, in points.
pub const PAGE_WIDTH: f32 = 595.28;
pub const PAGE_HEIGHT: f32 = 841.89;
/// Space between the paper's edge and the text block.
pub const MARGIN: f32 = 50.0;
/// The text block.
pub const CONTENT: Rect = Rect::new(
    Point::new(MARGIN, MARGIN + 14.0),
    Point::new(PAGE_WIDTH - MARGIN, PAGE_HEIGHT - MARGIN - 6.0),
);

/// Body text.
pub const BODY_SIZE: f32 = 10.0;
/// Line height as a multiple of the font size (generous, for Chinese).
pub const LEADING: f32 = 1.5;

/// The report's ink colours.
pub const INK: Rgb = Rgb(0x1a, 0x1a, 0x1a);
pub const MUTED: Rgb = Rgb(0x59, 0x59, 0x59);
pub const RULE: Rgb = Rgb(0xc8, 0xc8, 0xc8);
pub const ACCENT: Rgb = Rgb(0x1f, 0x3a, 0x5f);

/// One thing to paint, in page coordinates.
#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    /// One line of text; `bold` is drawn with a thin outline of the same
    /// colour (the bundled font has one weight).
    Text {
        at: Point,
        size: f32,
        colour: Rgb,
        bold: bool,
        text: String,
    },
    Rect {
        rect: Rect,
        fill: Option<Rgb>,
        stroke: Option<(Rgb, f32)>,
    },
    /// A polyline or polygon; a closed one may be filled (non-convex too).
    /// The fill carries its opacity; a dashed stroke has 3 pt dashes.
    Path {
        points: Vec<Point>,
        closed: bool,
        fill: Option<(Rgb, f32)>,
        stroke: Option<(Rgb, f32)>,
        dashed: bool,
    },
    /// Several polygons filled as one shape (their union), e.g. the
    /// triangle fan of a radar polygon with a missing vertex.
    Polygons {
        polygons: Vec<Vec<Point>>,
        fill: (Rgb, f32),
    },
}

impl Item {
    /// The same item moved by `offset`.
    pub fn translated(mut self, offset: Point) -> Item {
        match &mut self {
            Item::Text { at, .. } => *at = *at + offset,
            Item::Rect { rect, .. } => *rect = Rect::new(rect.min + offset, rect.max + offset),
            Item::Path { points, .. } => points.iter_mut().for_each(|p| *p = *p + offset),
            Item::Polygons { polygons, .. } => polygons.iter_mut().flatten().for_each(|p| *p = *p + offset),
        }
        self
    }

    /// A line of text starting at `x` whose line box of `leading` starts at `top`.
    pub fn text_line(x: f32, top: f32, size: f32, leading: f32, style: Style, text: &str) -> Item {
        Item::Text {
            at: Point::new(x, top + text::baseline_offset(size, leading)),
            size,
            colour: style.colour,
            bold: style.bold,
            text: text.to_owned(),
        }
    }

    /// A straight line.
    pub fn line(from: Point, to: Point, colour: Rgb, width: f32) -> Item {
        Item::Path {
            points: vec![from, to],
            closed: false,
            fill: None,
            stroke: Some((colour, width)),
            dashed: false,
        }
    }
}

/// What a drawn item is to a screen reader: decoration, or part of the
/// content of structure element `n` of [`Laid::elements`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    Artifact,
    Content(usize),
}

/// An item on a page, with its mark.
#[derive(Clone, Debug, PartialEq)]
pub struct Placed {
    pub item: Item,
    pub mark: Mark,
}

/// What a structure element is.
#[derive(Clone, Debug, PartialEq)]
pub enum Kind {
    Heading {
        level: u8,
        title: String,
    },
    Paragraph,
    List,
    ListItem,
    /// A list item's bullet.
    Label,
    ListBody,
    Table,
    Row,
    HeaderCell,
    Cell,
    /// A chart, with a description of what it shows for those who cannot see it.
    Figure {
        alt: String,
    },
}

/// A structure element. Elements are created in reading order, so a parent's
/// children are the elements that name it, in index order.
#[derive(Clone, Debug, PartialEq)]
pub struct Element {
    pub kind: Kind,
    pub parent: Option<usize>,
}

/// Colour and weight of text.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Style {
    pub colour: Rgb,
    pub bold: bool,
}

impl Style {
    pub const BODY: Style = Style {
        colour: INK,
        bold: false,
    };
    pub const MUTED: Style = Style {
        colour: MUTED,
        bold: false,
    };
    pub const BOLD: Style = Style {
        colour: INK,
        bold: true,
    };
}

/// A paragraph of wrapped text.
#[derive(Clone, Debug)]
pub struct Paragraph {
    pub text: String,
    pub size: f32,
    pub style: Style,
    /// Extra left indent, in points.
    pub indent: f32,
    /// A marker hung in the indent (e.g. "•").
    pub bullet: Option<String>,
    pub align: HAlign,
    pub space_after: f32,
}

impl Paragraph {
    /// Body text.
    pub fn body(text: impl Into<String>) -> Paragraph {
        Paragraph {
            text: text.into(),
            size: BODY_SIZE,
            style: Style::BODY,
            indent: 0.0,
            bullet: None,
            align: HAlign::Left,
            space_after: 6.0,
        }
    }

    /// A bulleted list item.
    pub fn bullet(text: impl Into<String>) -> Paragraph {
        Paragraph {
            indent: 14.0,
            bullet: Some("•".to_owned()),
            space_after: 3.0,
            ..Paragraph::body(text)
        }
    }

    /// Small grey text (notes, captions).
    pub fn note(text: impl Into<String>) -> Paragraph {
        Paragraph {
            size: 8.5,
            style: Style::MUTED,
            ..Paragraph::body(text)
        }
    }
}

/// A fixed-size drawing (a chart, the cover, the signature block), in its
/// own coordinates with the origin at its top-left corner. A chart has
/// `alt`, its alternative text, and becomes one figure; without it (the
/// cover, the signature block) each line of text is a paragraph and the
/// rest is decoration.
#[derive(Clone, Debug, Default)]
pub struct Graphic {
    pub height: f32,
    pub items: Vec<Item>,
    pub alt: Option<String>,
}

/// What flows down the pages.
#[derive(Clone, Debug)]
pub enum Block {
    /// A heading; `level` 1–3 sets the size. With `bookmark`, it also
    /// becomes an outline entry at that depth (0 = top level).
    Heading {
        level: u8,
        text: String,
        bookmark: Option<usize>,
    },
    Paragraph(Paragraph),
    Table(Table),
    Graphic(Graphic),
    /// An outline entry without a visible heading (e.g. the cover).
    Bookmark {
        depth: usize,
        title: String,
    },
    Space(f32),
    PageBreak,
}

/// An outline entry: where a heading landed.
#[derive(Clone, Debug, PartialEq)]
pub struct Bookmark {
    pub depth: usize,
    pub title: String,
    pub page: usize,
    pub y: f32,
}

/// The laid-out document.
#[derive(Debug, Default)]
pub struct Laid {
    pub pages: Vec<Vec<Placed>>,
    pub bookmarks: Vec<Bookmark>,
    pub elements: Vec<Element>,
}

/// Heading sizes by level, and the space above and below.
fn heading_metrics(level: u8) -> (f32, f32, f32) {
    match level {
        1 => (18.0, 6.0, 8.0),
        2 => (13.5, 12.0, 5.0),
        _ => (11.0, 8.0, 3.0),
    }
}

/// Places blocks on pages.
pub struct Flow<'f> {
    pub fonts: &'f Fonts,
    laid: Laid,
    /// Where the next block starts on the current page.
    y: f32,
    /// The list that consecutive bulleted paragraphs join.
    list: Option<usize>,
}

impl<'f> Flow<'f> {
    pub fn new(fonts: &'f Fonts) -> Flow<'f> {
        Flow {
            fonts,
            laid: Laid {
                pages: vec![Vec::new()],
                bookmarks: Vec::new(),
                elements: Vec::new(),
            },
            y: CONTENT.min.y,
            list: None,
        }
    }

    /// Lays out all blocks and returns the pages.
    pub fn run(mut self, blocks: &[Block]) -> Laid {
        for (i, block) in blocks.iter().enumerate() {
            let keep = match block {
                Block::Heading { .. } | Block::Bookmark { .. } => self.keep_height(&blocks[i + 1..]),
                _ => 0.0,
            };
            self.place(block, keep);
        }
        self.laid
    }

    /// Index of the current page.
    pub fn page_index(&self) -> usize {
        self.laid.pages.len() - 1
    }

    /// Room left on the current page.
    pub fn room(&self) -> f32 {
        CONTENT.max.y - self.y
    }

    /// The cursor, in page coordinates.
    pub fn y(&self) -> f32 {
        self.y
    }

    /// Moves the cursor down.
    pub fn advance(&mut self, by: f32) {
        self.y += by;
    }

    /// Whether nothing has been placed on the current page yet.
    pub fn at_page_top(&self) -> bool {
        self.y <= CONTENT.min.y + 0.01
    }

    /// Starts a new page (unless the current one is still empty).
    pub fn new_page(&mut self) {
        if self.at_page_top() && self.laid.pages.last().is_some_and(Vec::is_empty) {
            return;
        }
        self.laid.pages.push(Vec::new());
        self.y = CONTENT.min.y;
    }

    /// Starts a new page when fewer than `height` points are left.
    pub fn ensure(&mut self, height: f32) {
        if height > self.room() && !self.at_page_top() {
            self.new_page();
        }
    }

    /// Adds an item to the current page.
    pub fn push(&mut self, item: Item, mark: Mark) {
        if let Some(page) = self.laid.pages.last_mut() {
            page.push(Placed { item, mark });
        }
    }

    /// Adds a structure element and returns its index.
    pub fn element(&mut self, kind: Kind, parent: Option<usize>) -> usize {
        self.laid.elements.push(Element { kind, parent });
        self.laid.elements.len() - 1
    }

    /// How much of what follows a heading must fit below it on the same page:
    /// the first lines of a paragraph, a table's header and first row, a
    /// whole graphic, or the next heading and what it keeps.
    fn keep_height(&self, rest: &[Block]) -> f32 {
        match rest.first() {
            Some(Block::Paragraph(p)) => {
                let lines = text::wrap(self.fonts, &p.text, p.size, CONTENT.width() - p.indent).len();
                p.size * LEADING * lines.min(2) as f32
            }
            Some(Block::Table(t)) => tables::first_rows_height(self.fonts, t),
            Some(Block::Graphic(g)) => g.height,
            Some(Block::Heading { level, text, .. }) => {
                self.heading_height(*level, text) + self.keep_height(&rest[1..])
            }
            Some(Block::Space(h)) => h + self.keep_height(&rest[1..]),
            _ => 0.0,
        }
    }

    /// Height of a heading with its spacing.
    fn heading_height(&self, level: u8, text: &str) -> f32 {
        let (size, above, below) = heading_metrics(level);
        let lines = text::wrap(self.fonts, text, size, CONTENT.width()).len().max(1);
        above + size * 1.3 * lines as f32 + below
    }

    /// Places one block; `keep` is how much must follow on the same page.
    fn place(&mut self, block: &Block, keep: f32) {
        let in_list = matches!(block, Block::Paragraph(p) if p.bullet.is_some());
        if !in_list {
            self.list = None;
        }
        match block {
            Block::Heading {
                level,
                text,
                bookmark,
            } => self.heading(*level, text, *bookmark, keep),
            Block::Paragraph(p) => self.paragraph(p),
            Block::Table(t) => tables::place(self, t),
            Block::Graphic(g) => self.graphic(g),
            Block::Bookmark { depth, title } => {
                self.ensure(keep);
                self.bookmark(*depth, title, self.y);
            }
            Block::Space(h) => {
                if !self.at_page_top() {
                    self.y = (self.y + h).min(CONTENT.max.y);
                }
            }
            Block::PageBreak => self.new_page(),
        }
    }

    fn bookmark(&mut self, depth: usize, title: &str, y: f32) {
        let page = self.page_index();
        self.laid.bookmarks.push(Bookmark {
            depth,
            title: title.to_owned(),
            page,
            y,
        });
    }

    fn heading(&mut self, level: u8, text: &str, bookmark: Option<usize>, keep: f32) {
        let (size, above, below) = heading_metrics(level);
        let height = self.heading_height(level, text);
        self.ensure(height + keep);
        if !self.at_page_top() {
            self.y += above;
        }
        if let Some(depth) = bookmark {
            self.bookmark(depth, text, self.y);
        }
        let colour = if level == 1 { ACCENT } else { INK };
        let style = Style { colour, bold: true };
        let leading = size * 1.3;
        let kind = Kind::Heading {
            level,
            title: text.to_owned(),
        };
        let heading = Mark::Content(self.element(kind, None));
        for line in text::wrap(self.fonts, text, size, CONTENT.width()) {
            let item = Item::text_line(CONTENT.min.x, self.y, size, leading, style, &line.text);
            self.push(item, heading);
            self.y += leading;
        }
        if level == 1 {
            let y = self.y + 2.0;
            let rule = Item::line(
                Point::new(CONTENT.min.x, y),
                Point::new(CONTENT.max.x, y),
                ACCENT,
                0.8,
            );
            self.push(rule, Mark::Artifact);
            self.y += 4.0;
        }
        self.y += below;
    }

    fn paragraph(&mut self, p: &Paragraph) {
        let leading = p.size * LEADING;
        let left = CONTENT.min.x + p.indent;
        let width = CONTENT.width() - p.indent;
        let lines = text::wrap(self.fonts, &p.text, p.size, width);
        // A bulleted paragraph is an item of the list its neighbours share.
        let (label, body) = match &p.bullet {
            Some(_) => {
                let list = match self.list {
                    Some(list) => list,
                    None => self.element(Kind::List, None),
                };
                self.list = Some(list);
                let item = self.element(Kind::ListItem, Some(list));
                let label = self.element(Kind::Label, Some(item));
                (Some(label), self.element(Kind::ListBody, Some(item)))
            }
            None => (None, self.element(Kind::Paragraph, None)),
        };
        for (i, line) in lines.iter().enumerate() {
            // Keep the last two lines together (no widow).
            let need = if i + 2 == lines.len() {
                2.0 * leading
            } else {
                leading
            };
            self.ensure(need);
            if i == 0
                && let (Some(bullet), Some(label)) = (&p.bullet, label)
            {
                let x = left - self.fonts.width(bullet, p.size) - 5.0;
                let item = Item::text_line(x, self.y, p.size, leading, p.style, bullet);
                self.push(item, Mark::Content(label));
            }
            let x = match p.align {
                HAlign::Left => left,
                HAlign::Center => left + (width - line.width) / 2.0,
                HAlign::Right => left + width - line.width,
            };
            let item = Item::text_line(x, self.y, p.size, leading, p.style, &line.text);
            self.push(item, Mark::Content(body));
            self.y += leading;
        }
        if !lines.is_empty() {
            self.y += p.space_after;
        }
    }

    fn graphic(&mut self, g: &Graphic) {
        self.ensure(g.height);
        let offset = Point::new(CONTENT.min.x, self.y);
        let figure = g
            .alt
            .as_ref()
            .map(|alt| self.element(Kind::Figure { alt: alt.clone() }, None));
        for item in &g.items {
            let mark = match (figure, item) {
                (Some(figure), _) => Mark::Content(figure),
                (None, Item::Text { .. }) => Mark::Content(self.element(Kind::Paragraph, None)),
                (None, _) => Mark::Artifact,
            };
            self.push(item.clone().translated(offset), mark);
        }
        self.y += g.height;
    }
}
