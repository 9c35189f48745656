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
use super::text::{self, Face, Fonts};

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

/// Millimetres to points.
const MM: f32 = 72.0 / 25.4;

/// The official style's text block (GB/T 9704-2012 §5.2.1): 156 × 225 mm,
/// 37 mm from the top and 28 mm from the left edge of an A4 page (35 mm
/// bottom and 26 mm right margins).
pub const OFFICIAL_CONTENT: Rect = Rect::new(
    Point::new(28.0 * MM, 37.0 * MM),
    Point::new((28.0 + 156.0) * MM, (37.0 + 225.0) * MM),
);

/// The official style's red (the masthead and its rule).
pub const RED: Rgb = Rgb(0xe6, 0x00, 0x12);

/// Body text.
pub const BODY_SIZE: f32 = 10.0;
/// The official style's body: 三号 (16 pt) on 22 lines to the text block.
pub const OFFICIAL_BODY_SIZE: f32 = 16.0;
/// The official style's line height as a multiple of its body size: 22
/// lines fill the 225 mm text block.
/// (A hair under, so that rounding never pushes the 22nd line over.)
pub const OFFICIAL_LEADING: f32 = 225.0 * MM / 22.0 / OFFICIAL_BODY_SIZE * 0.9999;
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
        face: Face,
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
    /// The same item scaled by `factor` about the origin (a chart drawn
    /// for the plain text block, printed in the official style's narrower one).
    pub fn scaled(mut self, factor: f32) -> Item {
        let scale = |p: &mut Point| *p = Point::new(p.x * factor, p.y * factor);
        match &mut self {
            Item::Text { at, size, .. } => {
                scale(at);
                *size *= factor;
            }
            Item::Rect { rect, stroke, .. } => {
                scale(&mut rect.min);
                scale(&mut rect.max);
                if let Some((_, width)) = stroke {
                    *width *= factor;
                }
            }
            Item::Path { points, stroke, .. } => {
                points.iter_mut().for_each(scale);
                if let Some((_, width)) = stroke {
                    *width *= factor;
                }
            }
            Item::Polygons { polygons, .. } => polygons.iter_mut().flatten().for_each(scale),
        }
        self
    }

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
            face: style.face,
            // As measured: control characters shown as `\u{1b}`.
            text: crate::present::format::printable(text).into_owned(),
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
    pub face: Face,
}

impl Style {
    pub const BODY: Style = Style {
        colour: INK,
        bold: false,
        face: Face::Sans,
    };
    pub const MUTED: Style = Style {
        colour: MUTED,
        bold: false,
        face: Face::Sans,
    };
    pub const BOLD: Style = Style {
        colour: INK,
        bold: true,
        face: Face::Sans,
    };

    /// The same in `face`.
    pub const fn in_face(self, face: Face) -> Style {
        Style { face, ..self }
    }
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
    /// Line height as a multiple of the size.
    pub leading: f32,
    /// Further indent of the first line (two characters in the official style).
    pub first_indent: f32,
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
            leading: LEADING,
            first_indent: 0.0,
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
    /// The width it was drawn for; `None` for the plain text block (the
    /// charts). It is scaled down to fit a narrower text block.
    pub width: Option<f32>,
}

/// What flows down the pages.
#[derive(Clone, Debug)]
pub enum Block {
    /// A heading; `level` 1–3 sets the size, 0 is a document's title (a
    /// brief's, which has no cover). With `bookmark`, it also becomes an
    /// outline entry at that depth (0 = top level).
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

/// How the pages look: plain (the report's own look), or official
/// (GB/T 9704-2012: its margins, the body in the serif at 16 pt on 22
/// lines, headings in the sans then the serif, all in black).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Look {
    pub official: bool,
    /// The text block.
    pub content: Rect,
}

/// How a heading of one level looks.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct HeadingLook {
    pub size: f32,
    /// Space above (not at the top of a page) and below.
    pub above: f32,
    pub below: f32,
    pub style: Style,
    /// A rule under it, in this colour.
    pub rule: Option<Rgb>,
    pub centred: bool,
}

impl Look {
    pub const PLAIN: Look = Look {
        official: false,
        content: CONTENT,
    };
    pub const OFFICIAL: Look = Look {
        official: true,
        content: OFFICIAL_CONTENT,
    };

    /// The look of a document in `style`.
    pub fn of(style: crate::present::document::ReportStyle) -> Look {
        match style {
            crate::present::document::ReportStyle::Official => Look::OFFICIAL,
            crate::present::document::ReportStyle::Plain => Look::PLAIN,
        }
    }

    pub fn width(&self) -> f32 {
        self.content.width()
    }

    /// Heading sizes and faces by level, and the space above and below.
    pub fn heading(&self, level: u8) -> HeadingLook {
        let style = |face, bold, colour| Style { colour, bold, face };
        if self.official {
            // Title in the serif, large and centred (a stand-in for
            // XiaoBiaoSong); then the sans (HeiTi) bold, the sans, and the
            // serif bold, all at the body's 16 pt.
            let size = OFFICIAL_BODY_SIZE;
            let (size, above, below, style, centred) = match level {
                0 => (22.0, 0.0, 18.0, style(Face::Serif, true, INK), true),
                1 => (size, 14.0, 6.0, style(Face::Sans, true, INK), false),
                2 => (size, 10.0, 4.0, style(Face::Sans, false, INK), false),
                _ => (size, 8.0, 3.0, style(Face::Serif, true, INK), false),
            };
            return HeadingLook {
                size,
                above,
                below,
                style,
                rule: None,
                centred,
            };
        }
        let (size, above, below, colour, rule) = match level {
            0 => (22.0, 0.0, 12.0, ACCENT, Some(ACCENT)),
            1 => (18.0, 6.0, 8.0, ACCENT, Some(ACCENT)),
            2 => (13.5, 12.0, 5.0, INK, None),
            _ => (11.0, 8.0, 3.0, INK, None),
        };
        HeadingLook {
            size,
            above,
            below,
            style: style(Face::Sans, true, colour),
            rule,
            centred: false,
        }
    }

    /// Body text.
    pub fn body(&self, text: impl Into<String>) -> Paragraph {
        if self.official {
            Paragraph {
                size: OFFICIAL_BODY_SIZE,
                style: Style::BODY.in_face(Face::Serif),
                leading: OFFICIAL_LEADING,
                first_indent: 2.0 * OFFICIAL_BODY_SIZE * text::SERIF_FULL_WIDTH,
                space_after: 0.0,
                ..Paragraph::body(text)
            }
        } else {
            Paragraph::body(text)
        }
    }

    /// A bulleted list item.
    pub fn bullet(&self, text: impl Into<String>) -> Paragraph {
        if self.official {
            Paragraph {
                indent: 2.0 * OFFICIAL_BODY_SIZE * text::SERIF_FULL_WIDTH,
                bullet: Some("•".to_owned()),
                first_indent: 0.0,
                ..self.body(text)
            }
        } else {
            Paragraph::bullet(text)
        }
    }

    /// Small grey text (notes, captions).
    pub fn note(&self, text: impl Into<String>) -> Paragraph {
        if self.official {
            Paragraph {
                size: 12.0,
                style: Style::MUTED.in_face(Face::Serif),
                space_after: 4.0,
                ..Paragraph::body(text)
            }
        } else {
            Paragraph::note(text)
        }
    }
}

/// Places blocks on pages.
pub struct Flow<'f> {
    pub fonts: &'f Fonts,
    pub look: Look,
    laid: Laid,
    /// Where the next block starts on the current page.
    y: f32,
    /// The list that consecutive bulleted paragraphs join.
    list: Option<usize>,
}

impl<'f> Flow<'f> {
    #[cfg(test)]
    pub fn new(fonts: &'f Fonts) -> Flow<'f> {
        Flow::with_look(fonts, Look::PLAIN)
    }

    pub fn with_look(fonts: &'f Fonts, look: Look) -> Flow<'f> {
        Flow {
            fonts,
            look,
            laid: Laid {
                pages: vec![Vec::new()],
                bookmarks: Vec::new(),
                elements: Vec::new(),
            },
            y: look.content.min.y,
            list: None,
        }
    }

    /// The text block.
    pub fn content(&self) -> Rect {
        self.look.content
    }

    /// Lays out all blocks and returns the pages. Each block is let go of
    /// once placed, so that the blocks and the pages made of them are not
    /// all held at once (thousands of pages of each).
    pub fn run(mut self, mut blocks: Vec<Block>) -> Laid {
        for i in 0..blocks.len() {
            let keep = match blocks[i] {
                Block::Heading { .. } | Block::Bookmark { .. } => self.keep_height(&blocks[i + 1..]),
                _ => 0.0,
            };
            // Only what follows a block is looked at again.
            let block = std::mem::replace(&mut blocks[i], Block::Space(0.0));
            self.place(&block, keep);
        }
        self.finish_page();
        self.laid
    }

    /// Index of the current page.
    pub fn page_index(&self) -> usize {
        self.laid.pages.len() - 1
    }

    /// Room left on the current page.
    pub fn room(&self) -> f32 {
        self.look.content.max.y - self.y
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
        self.y <= self.look.content.min.y + 0.01
    }

    /// Starts a new page (unless the current one is still empty).
    pub fn new_page(&mut self) {
        if self.at_page_top() && self.laid.pages.last().is_some_and(Vec::is_empty) {
            return;
        }
        self.finish_page();
        self.laid.pages.push(Vec::new());
        self.y = self.look.content.min.y;
    }

    /// Gives back the room the current page's list grew into and will not use.
    fn finish_page(&mut self) {
        if let Some(page) = self.laid.pages.last_mut() {
            page.shrink_to_fit();
        }
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
                let lines = self.lines(p).len();
                p.size * p.leading * lines.min(2) as f32
            }
            Some(Block::Table(t)) => tables::first_rows_height(self.fonts, t, self.look.content),
            Some(Block::Graphic(g)) => g.height * self.scale(g),
            Some(Block::Bookmark { .. }) => self.keep_height(&rest[1..]),
            Some(Block::Heading { level, text, .. }) => {
                self.heading_height(*level, text) + self.keep_height(&rest[1..])
            }
            Some(Block::Space(h)) => h + self.keep_height(&rest[1..]),
            _ => 0.0,
        }
    }

    /// Height of a heading with its spacing.
    fn heading_height(&self, level: u8, text: &str) -> f32 {
        let look = self.look.heading(level);
        let lines = self.heading_lines(level, text).len().max(1);
        let rule = if look.rule.is_some() { 4.0 } else { 0.0 };
        look.above + look.size * 1.3 * lines as f32 + rule + look.below
    }

    /// A heading's lines.
    fn heading_lines(&self, level: u8, text: &str) -> Vec<text::Line> {
        let look = self.look.heading(level);
        let width = self.look.width();
        text::wrap_in(self.fonts, look.style.face, text, look.size, width, width)
    }

    /// A paragraph's lines.
    fn lines(&self, p: &Paragraph) -> Vec<text::Line> {
        let width = self.look.width() - p.indent;
        text::wrap_in(
            self.fonts,
            p.style.face,
            &p.text,
            p.size,
            width - p.first_indent,
            width,
        )
    }

    /// How much a graphic shrinks to fit the text block.
    fn scale(&self, g: &Graphic) -> f32 {
        let drawn_for = g.width.unwrap_or(CONTENT.width());
        (self.look.width() / drawn_for).min(1.0)
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
                    self.y = (self.y + h).min(self.look.content.max.y);
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
        let look = self.look.heading(level);
        let height = self.heading_height(level, text);
        self.ensure(height + keep);
        if !self.at_page_top() {
            self.y += look.above;
        }
        if let Some(depth) = bookmark {
            self.bookmark(depth, text, self.y);
        }
        let leading = look.size * 1.3;
        let kind = Kind::Heading {
            level: level.max(1),
            title: text.to_owned(),
        };
        let heading = Mark::Content(self.element(kind, None));
        let content = self.look.content;
        for line in self.heading_lines(level, text) {
            let x = if look.centred {
                content.min.x + (content.width() - line.width) / 2.0
            } else {
                content.min.x
            };
            let item = Item::text_line(x, self.y, look.size, leading, look.style, &line.text);
            self.push(item, heading);
            self.y += leading;
        }
        if let Some(colour) = look.rule {
            let y = self.y + 2.0;
            let rule = Item::line(
                Point::new(content.min.x, y),
                Point::new(content.max.x, y),
                colour,
                0.8,
            );
            self.push(rule, Mark::Artifact);
            self.y += 4.0;
        }
        self.y += look.below;
    }

    fn paragraph(&mut self, p: &Paragraph) {
        let leading = p.size * p.leading;
        let left = self.look.content.min.x + p.indent;
        let width = self.look.width() - p.indent;
        let lines = self.lines(p);
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
                let x = left - self.fonts.width_in(p.style.face, bullet, p.size) - 5.0;
                let item = Item::text_line(x, self.y, p.size, leading, p.style, bullet);
                self.push(item, Mark::Content(label));
            }
            let first = if i == 0 { p.first_indent } else { 0.0 };
            let x = match p.align {
                HAlign::Left => left + first,
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
        let scale = self.scale(g);
        self.ensure(g.height * scale);
        let offset = Point::new(self.look.content.min.x, self.y);
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
            let item = if scale < 1.0 {
                item.clone().scaled(scale)
            } else {
                item.clone()
            };
            self.push(item.translated(offset), mark);
        }
        self.y += g.height * scale;
    }
}
