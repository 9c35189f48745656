//! Paints laid-out pages with krilla: the display list of each page, the
//! running header and the "Page N of M" footer (known only once layout is
//! done), the outline (bookmarks), page labels, document metadata, and the
//! tag tree that makes the PDF readable by screen readers.
//!
//! The document is written as PDF/UA-1 (accessible PDF), checked by krilla's
//! validator. Text a user wrote may hold characters the bundled font lacks
//! (emoji, say); such a document cannot claim PDF/UA, so it is written again
//! as a tagged PDF without the claim rather than not at all.

use std::num::{NonZeroU16, NonZeroU32};

use chrono::{Datelike, NaiveDate};
use krilla::color::rgb;
use krilla::configure::{Accessibility, ConfigurationBuilder, Validator};
use krilla::destination::XyzDestination;
use krilla::error::KrillaError;
use krilla::geom::{PathBuilder, Point as KPoint, Rect as KRect};
use krilla::metadata::{DateTime, Metadata};
use krilla::num::NormalizedF32;
use krilla::outline::{Outline, OutlineNode};
use krilla::page::{NumberingStyle, PageLabel, PageSettings};
use krilla::paint::{Fill, Stroke, StrokeDash};
use krilla::surface::Surface;
use krilla::tagging::{
    Artifact, ArtifactType, ContentTag, Identifier, ListNumbering, Node, SpanTag, TableHeaderScope, Tag,
    TagGroup, TagKind, TagTree,
};
use krilla::{Document, SerializeSettings};

use crate::charts::{Point, Rgb};
use crate::report::ReportError;

use super::layout::{
    Bookmark, Element, Item, Kind, Laid, Look, MARGIN, Mark, PAGE_HEIGHT, PAGE_WIDTH, Placed, RULE,
};
use super::text::{self, Face, Fonts};

/// Size of the running header and footer text.
const RUNNING_SIZE: f32 = 7.5;

/// What goes around every page and into the document's properties.
pub struct Frame {
    /// Left of the running header (the workspace).
    pub header_left: String,
    /// Right of the running header (the report and period).
    pub header_right: String,
    /// The footer for page `n` of `m` (1-based).
    pub footer: Box<dyn Fn(usize, usize) -> String>,
    /// The text block, and whether the pages are official (no running
    /// header; the page number at 14 pt in the serif, 7 mm below the text
    /// block, as GB/T 9704-2012 §7.5 has it).
    pub look: Look,
    /// Document title, language tag (`en`, `zh-CN`) and date.
    pub title: String,
    pub language: String,
    pub date: NaiveDate,
}

/// Paints every page and returns the PDF's bytes: PDF/UA-1 when the
/// document meets it, else the same tagged PDF without that claim.
/// Each page's display list is let go of once painted (thousands of pages
/// of it); `again` lays the pages out again for the second attempt.
pub fn paint(
    fonts: &Fonts,
    laid: Laid,
    frame: &Frame,
    again: impl FnOnce() -> Laid,
) -> Result<Vec<u8>, ReportError> {
    let a4 = PageSettings::from_wh(PAGE_WIDTH, PAGE_HEIGHT)
        .ok_or_else(|| ReportError::Render("pdf", "invalid page size".to_owned()))?;
    match paint_with(fonts, laid, frame, &a4, true) {
        Err(KrillaError::Validation(_)) => paint_with(fonts, again(), frame, &a4, false),
        other => other,
    }
    .map_err(|e| ReportError::Render("pdf", format!("{e:?}")))
}

fn paint_with(
    fonts: &Fonts,
    laid: Laid,
    frame: &Frame,
    a4: &PageSettings,
    accessible: bool,
) -> Result<Vec<u8>, KrillaError> {
    let Laid {
        pages,
        bookmarks,
        elements,
    } = laid;
    let mut settings = SerializeSettings::default();
    if accessible {
        let configuration = ConfigurationBuilder::new()
            .set_validator(Validator::Ua(Accessibility::UA1))
            .finish();
        if let Ok(configuration) = configuration {
            settings.configuration = configuration;
        }
    }
    let mut document = Document::new_with(settings);
    // The marked sections drawn for each element, in the order drawn.
    let mut marked: Vec<(usize, Identifier)> = Vec::new();
    let count = pages.len();
    let mut runs = Vec::new();
    for (index, placed) in pages.into_iter().enumerate() {
        let mut settings = a4.clone();
        if index == 0 {
            settings = settings.with_page_label(PageLabel::new(
                Some(NumberingStyle::Arabic),
                None,
                NonZeroU32::new(1),
            ));
        }
        let mut page = document.start_page_with(settings);
        let mut surface = page.surface();
        // Items that follow one another with the same mark (the lines of a
        // paragraph or of a cell, the fills and rules between rows) share
        // one marked section: a screen reader reads the same, and the
        // structure has one entry for them rather than one a line.
        let mut open: Option<(Mark, bool)> = None;
        for Placed { item, mark } in &placed {
            let section = (*mark, matches!(item, Item::Text { .. }));
            if open != Some(section) {
                if open.is_some() {
                    surface.end_tagged();
                }
                open = Some(section);
                let tag = match section {
                    (Mark::Artifact, _) => ContentTag::Artifact(Artifact::with_kind(ArtifactType::Layout)),
                    (Mark::Content(_), true) => ContentTag::Span(SpanTag::empty()),
                    (Mark::Content(_), false) => ContentTag::Other,
                };
                let identifier = surface.start_tagged(tag);
                if let Mark::Content(element) = *mark
                    && element < elements.len()
                {
                    marked.push((element, identifier));
                }
            }
            draw(&mut surface, fonts, item, &mut runs);
        }
        if open.is_some() {
            surface.end_tagged();
        }
        for (kind, item) in running(fonts, frame, index, count) {
            surface.start_tagged(ContentTag::Artifact(Artifact::with_kind(kind)));
            draw(&mut surface, fonts, &item, &mut runs);
            surface.end_tagged();
        }
        surface.finish();
        page.finish();
    }
    document.set_outline(outline(&bookmarks));
    document.set_metadata(metadata(frame));
    document.set_tag_tree(tag_tree(&elements, marked, &frame.language));
    document.finish()
}

/// The structure elements as krilla's tag tree, each with the content drawn
/// for it (`marked`), in reading order. Every list is made at its final
/// length: a report has hundreds of thousands of elements, and lists grown
/// a node at a time held several times the tree's size.
fn tag_tree(elements: &[Element], mut marked: Vec<(usize, Identifier)>, language: &str) -> TagTree {
    // Each element's children, in index order, as one list cut at `starts`.
    let parent_of = |element: &Element| element.parent.filter(|&parent| parent < elements.len());
    let mut starts = vec![0; elements.len() + 1];
    for parent in elements.iter().filter_map(parent_of) {
        starts[parent + 1] += 1;
    }
    for i in 1..starts.len() {
        starts[i] += starts[i - 1];
    }
    let mut children = vec![0; starts[elements.len()]];
    let mut next = starts.clone();
    let mut roots = Vec::new();
    for (index, element) in elements.iter().enumerate() {
        match parent_of(element) {
            Some(parent) => {
                children[next[parent]] = index;
                next[parent] += 1;
            }
            None => roots.push(index),
        }
    }
    // By element, each element's sections still in the order drawn.
    marked.sort_by_key(|&(element, _)| element);
    let tree = Tree {
        elements,
        starts: &starts,
        children: &children,
        marked: &marked,
    };
    let nodes: Vec<Node> = roots.into_iter().map(|root| tree.group(root).into()).collect();
    TagTree::from(nodes).with_lang(Some(language.to_owned()))
}

/// The structure elements, their children and their content, for [`tag_tree`].
struct Tree<'a> {
    elements: &'a [Element],
    /// The children of element `i` are `children[starts[i]..starts[i + 1]]`.
    starts: &'a [usize],
    children: &'a [usize],
    /// The marked sections, sorted by element.
    marked: &'a [(usize, Identifier)],
}

impl Tree<'_> {
    /// Element `index` with its content and, after it, its children.
    fn group(&self, index: usize) -> TagGroup {
        let from = self.marked.partition_point(|&(element, _)| element < index);
        let to = self.marked.partition_point(|&(element, _)| element <= index);
        let content = &self.marked[from..to];
        let children = &self.children[self.starts[index]..self.starts[index + 1]];
        let mut nodes = Vec::with_capacity(content.len() + children.len());
        nodes.extend(content.iter().map(|&(_, identifier)| Node::from(identifier)));
        nodes.extend(children.iter().map(|&child| Node::from(self.group(child))));
        TagGroup::with_children(tag_kind(&self.elements[index].kind), nodes)
    }
}

fn tag_kind(kind: &Kind) -> TagKind {
    match kind {
        Kind::Heading { level, title } => {
            let level = NonZeroU16::new(u16::from(*level)).unwrap_or(NonZeroU16::MIN);
            Tag::Hn(level, Some(title.clone())).into()
        }
        Kind::Paragraph => Tag::P.into(),
        Kind::List => Tag::L(ListNumbering::Disc).into(),
        Kind::ListItem => Tag::LI.into(),
        Kind::Label => Tag::Lbl.into(),
        Kind::ListBody => Tag::LBody.into(),
        Kind::Table => Tag::Table.into(),
        Kind::Row => Tag::TR.into(),
        Kind::HeaderCell => Tag::TH(TableHeaderScope::Column).into(),
        Kind::Cell => Tag::TD.into(),
        Kind::Figure { alt } => Tag::Figure(Some(alt.clone())).into(),
    }
}

/// The running header (not on the cover) and the footer.
fn running(fonts: &Fonts, frame: &Frame, index: usize, count: usize) -> Vec<(ArtifactType, Item)> {
    let mut items = Vec::new();
    let muted = super::layout::Style::MUTED;
    let leading = RUNNING_SIZE * 1.3;
    let content = frame.look.content;
    if frame.look.official {
        let footer = (frame.footer)(index + 1, count);
        let size = 14.0;
        let style = super::layout::Style::BODY.in_face(Face::Serif);
        let x = content.min.x + (content.width() - fonts.width_in(Face::Serif, &footer, size)) / 2.0;
        let top = content.max.y + 7.0 * 72.0 / 25.4;
        let footer = Item::text_line(x, top, size, size, style, &footer);
        items.push((ArtifactType::Footer, footer));
        return items;
    }
    if index > 0 {
        let top = MARGIN - 8.0;
        let half = content.width() / 2.0 - 8.0;
        let left = text::ellipsize(fonts, &frame.header_left, RUNNING_SIZE, half);
        let right = text::ellipsize(fonts, &frame.header_right, RUNNING_SIZE, half);
        let right_x = content.max.x - fonts.width(&right, RUNNING_SIZE);
        let header = ArtifactType::Header;
        items.push((
            header,
            Item::text_line(content.min.x, top, RUNNING_SIZE, leading, muted, &left),
        ));
        items.push((
            header,
            Item::text_line(right_x, top, RUNNING_SIZE, leading, muted, &right),
        ));
        let y = top + leading + 2.0;
        let rule = Item::line(
            Point::new(content.min.x, y),
            Point::new(content.max.x, y),
            RULE,
            0.5,
        );
        items.push((header, rule));
    }
    let footer = (frame.footer)(index + 1, count);
    let top = PAGE_HEIGHT - MARGIN + 10.0;
    let x = (PAGE_WIDTH - fonts.width(&footer, RUNNING_SIZE)) / 2.0;
    let footer = Item::text_line(x, top, RUNNING_SIZE, leading, muted, &footer);
    items.push((ArtifactType::Footer, footer));
    items
}

fn colour(c: Rgb) -> rgb::Color {
    rgb::Color::new(c.0, c.1, c.2)
}

fn fill(c: Rgb, opacity: f32) -> Fill {
    Fill {
        paint: colour(c).into(),
        opacity: NormalizedF32::new(opacity.clamp(0.0, 1.0)).unwrap_or(NormalizedF32::ONE),
        rule: Default::default(),
    }
}

fn stroke(c: Rgb, width: f32) -> Stroke {
    Stroke {
        paint: colour(c).into(),
        width,
        ..Stroke::default()
    }
}

/// Paints one item; `runs` is room for a text's glyphs.
fn draw(surface: &mut Surface, fonts: &Fonts, item: &Item, runs: &mut Vec<text::Run>) {
    match item {
        Item::Text {
            at,
            size,
            colour: c,
            bold,
            face,
            text,
        } => {
            if text.is_empty() {
                return;
            }
            surface.set_fill(Some(fill(*c, 1.0)));
            surface.set_stroke(bold.then(|| stroke(*c, size * 0.035)));
            // One run per font: a character the bundled fonts lack comes
            // from a fallback font.
            fonts.runs_into(*face, text, runs);
            for run in runs.iter() {
                let Some(font) = fonts.font(run.source) else {
                    continue;
                };
                surface.draw_glyphs(
                    KPoint::from_xy(at.x + run.offset * size, at.y),
                    &run.glyphs,
                    font,
                    text,
                    *size,
                    false,
                );
            }
        }
        Item::Rect {
            rect,
            fill: f,
            stroke: s,
        } => {
            let Some(r) = KRect::from_ltrb(rect.min.x, rect.min.y, rect.max.x, rect.max.y) else {
                return;
            };
            let mut builder = PathBuilder::new();
            builder.push_rect(r);
            let Some(path) = builder.finish() else { return };
            surface.set_fill(f.map(|c| fill(c, 1.0)));
            surface.set_stroke(s.map(|(c, w)| stroke(c, w)));
            surface.draw_path(&path);
        }
        Item::Path {
            points,
            closed,
            fill: f,
            stroke: s,
            dashed,
        } => {
            let Some((first, rest)) = points.split_first() else {
                return;
            };
            let mut builder = PathBuilder::new();
            builder.move_to(first.x, first.y);
            for p in rest {
                builder.line_to(p.x, p.y);
            }
            if *closed {
                builder.close();
            }
            let Some(path) = builder.finish() else { return };
            surface.set_fill(f.map(|(c, opacity)| fill(c, opacity)));
            surface.set_stroke(s.map(|(c, w)| Stroke {
                dash: dashed.then(|| StrokeDash {
                    array: vec![3.0, 2.0],
                    offset: 0.0,
                }),
                ..stroke(c, w)
            }));
            surface.draw_path(&path);
        }
        Item::Polygons {
            polygons,
            fill: (c, opacity),
        } => {
            let mut builder = PathBuilder::new();
            for polygon in polygons {
                let Some((first, rest)) = polygon.split_first() else {
                    continue;
                };
                builder.move_to(first.x, first.y);
                for p in rest {
                    builder.line_to(p.x, p.y);
                }
                builder.close();
            }
            let Some(path) = builder.finish() else { return };
            surface.set_fill(Some(fill(*c, *opacity)));
            surface.set_stroke(None);
            surface.draw_path(&path);
        }
    }
    surface.set_fill(None);
    surface.set_stroke(None);
}

/// Nests bookmarks by depth: each entry goes under the last shallower one.
fn outline(bookmarks: &[Bookmark]) -> Outline {
    /// A node being built, with its depth.
    struct Open {
        depth: usize,
        node: OutlineNode,
    }
    let mut outline = Outline::new();
    let mut stack: Vec<Open> = Vec::new();
    let close = |stack: &mut Vec<Open>, outline: &mut Outline| {
        if let Some(done) = stack.pop() {
            match stack.last_mut() {
                Some(parent) => parent.node.push_child(done.node),
                None => outline.push_child(done.node),
            }
        }
    };
    for b in bookmarks {
        while stack.last().is_some_and(|open| open.depth >= b.depth) {
            close(&mut stack, &mut outline);
        }
        let destination = XyzDestination::new(b.page, KPoint::from_xy(0.0, (b.y - 12.0).max(0.0)));
        stack.push(Open {
            depth: b.depth,
            node: OutlineNode::new(b.title.clone(), destination).with_open(b.depth == 0),
        });
    }
    while !stack.is_empty() {
        close(&mut stack, &mut outline);
    }
    outline
}

fn metadata(frame: &Frame) -> Metadata {
    let date = DateTime::new(u16::try_from(frame.date.year()).unwrap_or(0))
        .month(u8::try_from(frame.date.month()).unwrap_or(1))
        .day(u8::try_from(frame.date.day()).unwrap_or(1));
    Metadata::new()
        .title(frame.title.clone())
        .language(frame.language.clone())
        .creator("govmaturity".to_owned())
        .producer(format!("govmaturity {} (krilla)", env!("CARGO_PKG_VERSION")))
        .creation_date(date)
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::super::layout::{Block, Flow, Look, Paragraph};
    use super::*;

    fn frame() -> Frame {
        Frame {
            header_left: "Workspace".to_owned(),
            header_right: "Report".to_owned(),
            footer: Box::new(|n, m| format!("{n} / {m}")),
            look: Look::PLAIN,
            title: "Report".to_owned(),
            language: "en".to_owned(),
            date: NaiveDate::from_ymd_opt(2026, 1, 15).unwrap_or_default(),
        }
    }

    #[test]
    fn the_lines_of_a_paragraph_are_one_marked_section() {
        let fonts = match Fonts::load() {
            Ok(fonts) => fonts,
            Err(e) => panic!("{e}"),
        };
        let text = "A paragraph long enough to run over three lines of the page. ".repeat(4);
        let laid = Flow::with_look(&fonts, Look::PLAIN).run(vec![Block::Paragraph(Paragraph::body(text))]);
        let lines = laid.pages[0]
            .iter()
            .filter(|p| matches!(p.item, Item::Text { .. }))
            .count();
        assert!(lines >= 3, "{lines} lines");
        let bytes = match paint(&fonts, laid, &frame(), Laid::default) {
            Ok(bytes) => bytes,
            Err(e) => panic!("{e}"),
        };
        // The structure is written uncompressed: the paragraph's element
        // holds one marked section, not one a line.
        let pdf = String::from_utf8_lossy(&bytes);
        let Some(at) = pdf.find("/Type/StructElem/S/P/") else {
            panic!("no paragraph element");
        };
        let element = &pdf[at..pdf[at..].find(">>").map_or(pdf.len(), |end| at + end)];
        assert!(element.contains("/K[0]"), "{element}");
    }

    #[test]
    fn the_tag_tree_nests_each_element_with_its_content_first() {
        // A table (0) with a row (1) of two cells (2, 3), then a paragraph (4).
        let element = |kind, parent| Element { kind, parent };
        let elements = vec![
            element(Kind::Table, None),
            element(Kind::Row, Some(0)),
            element(Kind::Cell, Some(1)),
            element(Kind::Cell, Some(1)),
            element(Kind::Paragraph, None),
        ];
        // Real identifiers come from a page: the paragraph's two sections,
        // drawn first, then one for each cell.
        let mut document = Document::new();
        let mut page = document.start_page();
        let mut surface = page.surface();
        let mut section = || {
            let identifier = surface.start_tagged(ContentTag::Span(SpanTag::empty()));
            surface.end_tagged();
            identifier
        };
        let (first, second, left, right) = (section(), section(), section(), section());
        let marked = vec![(4, first), (4, second), (2, left), (3, right)];
        let tree = tag_tree(&elements, marked, "en");
        surface.finish();
        page.finish();

        let group = |node: &Node| match node {
            Node::Group(group) => group.clone(),
            Node::Leaf(_) => panic!("a leaf where an element should be"),
        };
        assert_eq!(tree.children.len(), 2);
        let table = group(&tree.children[0]);
        assert_eq!(table.tag, tag_kind(&Kind::Table));
        let row = group(&table.children[0]);
        assert_eq!(row.children.len(), 2);
        for (cell, identifier) in row.children.iter().zip([left, right]) {
            assert_eq!(group(cell).children, vec![Node::Leaf(identifier)]);
        }
        let paragraph = group(&tree.children[1]);
        assert_eq!(paragraph.tag, tag_kind(&Kind::Paragraph));
        assert_eq!(paragraph.children, vec![Node::Leaf(first), Node::Leaf(second)]);
    }
}
