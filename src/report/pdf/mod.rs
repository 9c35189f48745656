//! The PDF report, drawn by our own code from [`ReportContent`] with krilla
//! (the PDF layer of typst): A4 pages with a running header and
//! "Page N of M" footers, headings as bookmarks, vector charts from the same
//! `charts` geometry as the app, and text in the bundled Noto Sans SC, which
//! krilla embeds as a subset with a ToUnicode map, so that Chinese renders
//! everywhere and can be selected, copied and searched.
//!
//! The official style (GB/T 9704-2012) has the standard's margins and text
//! block, the body in the bundled Noto Serif SC at 16 pt on 22 lines (a
//! stand-in for FangSong), headings in the sans, the red masthead, the
//! sign-off block at the right and page numbers as "— 1 —". A brief has no
//! cover and no contents: its masthead and title head page 1. Characters
//! the bundled fonts lack come from a font of the computer's where one has
//! them, else print as a visible mark, listed in a note (see
//! [`render_with_notes`]).
//!
//! Three steps: [`compose`] turns the content into blocks, [`layout`] pours
//! them onto pages as display lists (with [`tables`], [`charts`] and
//! [`text`] for line breaking), and [`paint`] writes the pages once their
//! number is known.

mod charts;
mod compose;
mod layout;
mod paint;
mod tables;
mod text;

use super::{ReportContent, ReportError};
use crate::model::Lang;
use crate::present::document::ReportStyle;

pub use text::Notes;

/// Renders the report as PDF bytes.
pub fn render(content: &ReportContent) -> Result<Vec<u8>, ReportError> {
    render_with_notes(content).map(|(bytes, _)| bytes)
}

/// Renders the report as PDF bytes, with what the fonts could not do: the
/// characters no font on this computer has (printed as
/// [`text::REPLACEMENT`], and listed in a note at the end of the report's
/// problems), and the computer's fonts that printed the others.
pub fn render_with_notes(content: &ReportContent) -> Result<(Vec<u8>, Notes), ReportError> {
    let mut fonts = text::Fonts::load()?;
    let document = crate::present::build::document(content);
    let lang = content.lang;
    let title = text::shorten(content.title.get(lang));
    let period = content
        .period
        .map(|p| format!(" · {}", crate::present::format::date(p, lang)))
        .unwrap_or_default();
    // The document's own title: a brief's running head says it is the brief.
    let report = match &content.scope {
        Some((_, name)) => format!("{} · {}", document.title, text::shorten(name)),
        None => document.title.clone(),
    };
    let look = layout::Look::of(document.style);
    let official = document.style == ReportStyle::Official;
    let frame = paint::Frame {
        header_left: title.clone(),
        header_right: format!("{report}{period}"),
        footer: Box::new(move |n, m| {
            if official {
                crate::present::catalogue::pdf_official_page(n)
            } else {
                page_of(lang, n, m)
            }
        }),
        look,
        title: format!("{report} — {title}"),
        language: match lang {
            Lang::En => "en".to_owned(),
            Lang::Zh => "zh-CN".to_owned(),
        },
        date: content.generated,
    };
    let laid = lay_out(&mut fonts, content, document, &frame);
    let again = || lay_out_with(&fonts, content, crate::present::build::document(content), &frame);
    let bytes = paint::paint(&fonts, laid, &frame, again)?;
    Ok((bytes, fonts.notes()))
}

/// The report's pages as display lists, before painting. Characters the
/// bundled fonts lack send for fallback fonts first (and the blocks are
/// made again with them, measured right). The contents' page numbers are
/// filled in once the pages are laid out.
fn lay_out(
    fonts: &mut text::Fonts,
    content: &ReportContent,
    document: crate::present::document::Document,
    frame: &paint::Frame,
) -> layout::Laid {
    let blocks = compose::compose(fonts, content, &document);
    let running = [frame.header_left.as_str(), frame.header_right.as_str()];
    let missing = compose::missing_characters(fonts, &blocks, running);
    if missing.is_empty() {
        return lay_out_blocks(fonts, blocks, document, frame);
    }
    drop(blocks);
    fonts.find_fallbacks(&missing);
    lay_out_with(fonts, content, document, frame)
}

/// [`lay_out`] with the fonts as they are (any fallbacks already found).
fn lay_out_with(
    fonts: &text::Fonts,
    content: &ReportContent,
    document: crate::present::document::Document,
    frame: &paint::Frame,
) -> layout::Laid {
    let blocks = compose::compose(fonts, content, &document);
    lay_out_blocks(fonts, blocks, document, frame)
}

/// Lays the composed `blocks` out into pages and numbers the contents.
/// Of the document only the contents' entries are kept: it, the blocks
/// and the pages each hold all the report's text (thousands of pages of
/// it), and the pages are made as the others are let go of.
fn lay_out_blocks(
    fonts: &text::Fonts,
    blocks: Vec<layout::Block>,
    document: crate::present::document::Document,
    frame: &paint::Frame,
) -> layout::Laid {
    let entries: Vec<String> = compose::entries(&document)
        .into_iter()
        .map(|(title, _)| title)
        .collect();
    drop(document);
    let mut laid = layout::Flow::with_look(fonts, frame.look).run(blocks);
    let pages = entry_pages(&entries, &laid.bookmarks);
    compose::number_contents(fonts, &mut laid, &pages);
    laid
}

/// The page of each contents entry: the next outline entry of its title.
fn entry_pages(entries: &[String], bookmarks: &[layout::Bookmark]) -> Vec<Option<usize>> {
    let mut from = 0;
    entries
        .iter()
        .map(|title| {
            let found = bookmarks[from..].iter().position(|b| b.title == *title)?;
            from += found + 1;
            Some(bookmarks[from - 1].page)
        })
        .collect()
}

/// "Page 3 of 40" / "第 3 页，共 40 页".
fn page_of(lang: Lang, n: usize, m: usize) -> String {
    crate::present::catalogue::document::page_of(n, m, lang)
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use chrono::NaiveDate;

    use super::layout::{Item, PAGE_HEIGHT, PAGE_WIDTH};
    use super::*;
    use crate::report::{Format, ReportOptions, content};
    use crate::store::{self, LoadedWorkspace};

    /// The sample workspace with every department copied `copies` times.
    fn enlarged(copies: usize) -> LoadedWorkspace {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("assessments");
        let mut loaded = match store::load(&root) {
            Ok(loaded) => loaded,
            Err(e) => panic!("{e}"),
        };
        let departments = loaded.data.workspace.departments.clone();
        let assessments = loaded.data.assessments.clone();
        for copy in 1..copies {
            for department in &departments {
                let mut department = department.clone();
                let id = format!("{}-{copy}", department.id);
                for assessment in assessments.iter().filter(|a| a.department == department.id) {
                    let mut assessment = assessment.clone();
                    assessment.department = id.clone();
                    loaded.data.assessments.push(assessment);
                }
                department.id = id;
                department.name.en = format!("{} {copy}", department.name.en);
                department.name.zh = format!("{}（{copy}）", department.name.zh);
                loaded.data.workspace.departments.push(department);
            }
        }
        loaded.data.sort_assessments();
        loaded
    }

    /// The sample's report laid out as [`render_with_notes`] lays it out.
    fn laid(content: &ReportContent) -> layout::Laid {
        let mut fonts = match text::Fonts::load() {
            Ok(fonts) => fonts,
            Err(e) => panic!("{e}"),
        };
        let document = crate::present::build::document(content);
        let frame = paint::Frame {
            header_left: String::new(),
            header_right: String::new(),
            footer: Box::new(|_, _| String::new()),
            look: layout::Look::of(document.style),
            title: String::new(),
            language: String::new(),
            date: content.generated,
        };
        lay_out(&mut fonts, content, document, &frame)
    }

    /// The lowest and highest y of an item.
    fn vertical_extent(item: &Item) -> (f32, f32) {
        match item {
            Item::Text { at, size, .. } => (at.y - size, at.y),
            Item::Rect { rect, .. } => (rect.min.y, rect.max.y),
            Item::Path { points, .. } => points
                .iter()
                .fold((f32::MAX, f32::MIN), |(lo, hi), p| (lo.min(p.y), hi.max(p.y))),
            Item::Polygons { polygons, .. } => polygons
                .iter()
                .flatten()
                .fold((f32::MAX, f32::MIN), |(lo, hi), p| (lo.min(p.y), hi.max(p.y))),
        }
    }

    /// The texts drawn on a page, in order.
    fn texts(laid: &layout::Laid, page: usize) -> Vec<&str> {
        laid.pages[page]
            .iter()
            .filter_map(|placed| match &placed.item {
                Item::Text { text, .. } => Some(text.as_str()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn the_contents_give_each_section_the_page_it_starts_on() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("assessments");
        let loaded = match store::load(&root) {
            Ok(loaded) => loaded,
            Err(e) => panic!("{e}"),
        };
        let options = ReportOptions {
            kind: Default::default(),
            style: Default::default(),
            split: false,
            format: Format::Pdf,
            period: None,
            department: None,
            basis: crate::analysis::Basis::Latest,
            lang: Lang::En,
            generated: NaiveDate::from_ymd_opt(2026, 1, 15).unwrap_or_default(),
        };
        let content = content::build(&loaded, &options);
        let laid = laid(&content);
        // The contents are the second page: each entry, then its page number.
        let contents = texts(&laid, 1);
        assert!(contents.contains(&"Contents"), "{contents:?}");
        for title in ["Executive summary", "Big Data Bureau", "Appendix", "Approval"] {
            let Some(at) = contents.iter().position(|t| *t == title) else {
                panic!("{title} not in {contents:?}");
            };
            let Some(page) = laid.bookmarks.iter().find(|b| b.title == title).map(|b| b.page) else {
                panic!("{title} not in the outline");
            };
            // The heading is on the page the contents name (1-based).
            assert_eq!(contents[at + 1], (page + 1).to_string(), "{title}");
            assert!(
                texts(&laid, page).contains(&title),
                "{title} on page {}",
                page + 1
            );
        }
        assert!(
            (0..laid.pages.len()).all(|p| texts(&laid, p).iter().all(|t| !t.contains('\u{E000}'))),
            "a page number left unfilled"
        );
    }

    fn sample_content(
        lang: Lang,
        kind: crate::present::report::ReportKind,
        style: ReportStyle,
    ) -> ReportContent {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("assessments");
        let loaded = match store::load(&root) {
            Ok(loaded) => loaded,
            Err(e) => panic!("{e}"),
        };
        let options = ReportOptions {
            kind,
            style,
            split: false,
            format: Format::Pdf,
            period: None,
            department: None,
            basis: crate::analysis::Basis::Latest,
            lang,
            generated: NaiveDate::from_ymd_opt(2026, 1, 15).unwrap_or_default(),
        };
        content::build(&loaded, &options)
    }

    #[test]
    fn no_heading_is_the_last_thing_on_a_page() {
        use crate::present::report::ReportKind;
        for kind in [ReportKind::Full, ReportKind::Brief] {
            for style in [ReportStyle::Plain, ReportStyle::Official] {
                for lang in [Lang::En, Lang::Zh] {
                    let laid = laid(&sample_content(lang, kind, style));
                    for (page, items) in laid.pages.iter().enumerate() {
                        let last = items.iter().rev().find_map(|placed| match placed.mark {
                            layout::Mark::Content(element) => Some(element),
                            layout::Mark::Artifact => None,
                        });
                        if let Some(element) = last {
                            assert!(
                                !matches!(laid.elements[element].kind, layout::Kind::Heading { .. }),
                                "{kind:?} {style:?} {lang:?}: page {} ends with {:?}",
                                page + 1,
                                laid.elements[element].kind
                            );
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn a_brief_starts_with_its_masthead_and_title_and_ends_with_the_sign_off() {
        use crate::present::document::{self as doc, Block as DocBlock, Masthead, SignOff};
        let content = sample_content(
            Lang::En,
            crate::present::report::ReportKind::Brief,
            ReportStyle::Official,
        );
        // A hand-made brief, whatever `present::brief` prints.
        let document = doc::Document {
            lang: Lang::En,
            title: "Brief".to_owned(),
            kind: crate::present::report::ReportKind::Brief,
            style: ReportStyle::Official,
            masthead: Some(Masthead {
                office: "Office of the Digital Government".to_owned(),
                number: "No. 12".to_owned(),
            }),
            blocks: vec![
                DocBlock::Heading {
                    level: 1,
                    text: "The brief".to_owned(),
                    anchor: None,
                },
                doc::Paragraph::body("As of the period."),
                DocBlock::Heading {
                    level: 2,
                    text: "Conclusions".to_owned(),
                    anchor: Some(doc::anchor::CONCLUSIONS.to_owned()),
                },
                doc::Paragraph::body("All twelve departments are assessed."),
                DocBlock::SignOff(SignOff {
                    rows: vec![
                        ("Prepared by".to_owned(), "Li Hua".to_owned()),
                        ("Approved by".to_owned(), String::new()),
                    ],
                    date: "2026-01-15".to_owned(),
                }),
            ],
        };
        let fonts = match text::Fonts::load() {
            Ok(fonts) => fonts,
            Err(e) => panic!("{e}"),
        };
        let blocks = compose::compose(&fonts, &content, &document);
        // The masthead: the office in red, the number, the red rule.
        let Some(layout::Block::Graphic(masthead)) = blocks.first() else {
            panic!("{:?}", blocks.first());
        };
        let red: Vec<&Item> = masthead
            .items
            .iter()
            .filter(|item| match item {
                Item::Text { colour, .. } => *colour == layout::RED,
                Item::Rect { fill, .. } => *fill == Some(layout::RED),
                _ => false,
            })
            .collect();
        assert_eq!(red.len(), 2, "{red:?}");
        assert!(
            masthead
                .items
                .iter()
                .any(|i| matches!(i, Item::Text { text, .. } if text == "No. 12"))
        );
        // Then the title, as a title; no cover, no contents, no page break.
        assert!(matches!(&blocks[1], layout::Block::Heading { level: 0, text, .. } if text == "The brief"));
        assert!(!blocks.iter().any(|b| matches!(b, layout::Block::PageBreak)));
        // The body in the serif at 16 pt, first lines indented two characters.
        let body = blocks.iter().find_map(|b| match b {
            layout::Block::Paragraph(p) if p.text.starts_with("All twelve") => Some(p),
            _ => None,
        });
        let Some(body) = body else { panic!("no body") };
        assert_eq!((body.size, body.style.face), (16.0, text::Face::Serif));
        let two = fonts.width_in(text::Face::Serif, "\u{6570}\u{636e}", 16.0);
        assert!((body.first_indent - two).abs() < 1e-3);

        let laid = layout::Flow::with_look(&fonts, layout::Look::OFFICIAL).run(blocks);
        assert_eq!(laid.pages.len(), 1);
        // The sign-off sits at the right: its rows one under the other, the
        // date ending two characters in from the text block's right edge.
        let drawn = |line: &str| {
            let found = laid.pages[0].iter().find_map(|p| match &p.item {
                Item::Text {
                    text, at, size, face, ..
                } if text == line => Some((at.x, fonts.width_in(*face, text, *size))),
                _ => None,
            });
            match found {
                Some(found) => found,
                None => panic!("{line} not drawn"),
            }
        };
        let middle = layout::OFFICIAL_CONTENT.center().x;
        let (prepared, _) = drawn("Prepared by: Li Hua");
        let (approved, _) = drawn("Approved by:");
        let (date, date_width) = drawn("2026-01-15");
        assert_eq!(prepared, approved);
        assert!(prepared > layout::OFFICIAL_CONTENT.min.x + 100.0);
        assert!(date > middle);
        assert!((date + date_width - (layout::OFFICIAL_CONTENT.max.x - 32.0)).abs() < 0.5);
        // The office's line inside the text block, centred.
        let office = laid.pages[0].iter().find_map(|p| match &p.item {
            Item::Text { text, at, size, .. } if text.starts_with("Office") => {
                Some((at.x, *size, text.clone()))
            }
            _ => None,
        });
        let Some((x, size, office)) = office else {
            panic!("no office")
        };
        let width = fonts.width_in(text::Face::Serif, &office, size);
        assert!((x + width / 2.0 - middle).abs() < 0.5, "centred");
        assert!(size >= 22.0);
    }

    #[test]
    fn an_english_brief_asked_for_officially_keeps_its_masthead_plain() {
        use crate::present::report::ReportKind;
        let content = sample_content(Lang::En, ReportKind::Brief, ReportStyle::Official);
        let document = crate::present::build::document(&content);
        assert_eq!(document.style, ReportStyle::Plain);
        let fonts = match text::Fonts::load() {
            Ok(fonts) => fonts,
            Err(e) => panic!("{e}"),
        };
        let blocks = compose::compose(&fonts, &content, &document);
        let Some(layout::Block::Graphic(masthead)) = blocks.first() else {
            panic!("no masthead: {:?}", blocks.first());
        };
        assert!(masthead.items.iter().all(|item| match item {
            Item::Text { colour, face, .. } => *colour != layout::RED && *face == text::Face::Sans,
            Item::Rect { fill, .. } => *fill == Some(layout::ACCENT),
            _ => true,
        }));
    }

    #[test]
    fn many_departments_stay_inside_the_pages() {
        let loaded = enlarged(10);
        let options = ReportOptions {
            kind: Default::default(),
            style: Default::default(),
            split: false,
            format: Format::Pdf,
            period: None,
            department: None,
            basis: crate::analysis::Basis::Latest,
            lang: Lang::Zh,
            generated: NaiveDate::from_ymd_opt(2026, 1, 15).unwrap_or_default(),
        };
        let content = content::build(&loaded, &options);
        assert_eq!(content.heatmap.len(), 120);
        let laid = laid(&content);
        for (page, items) in laid.pages.iter().enumerate() {
            for layout::Placed { item, .. } in items {
                let (top, bottom) = vertical_extent(item);
                assert!(
                    top >= layout::MARGIN && bottom <= PAGE_HEIGHT - layout::MARGIN,
                    "page {page}: {item:?} runs off the text block"
                );
                if let Item::Text { at, .. } = item {
                    assert!(at.x >= 0.0 && at.x < PAGE_WIDTH, "page {page}: {item:?}");
                }
            }
        }
        // An outline entry per department, and every page has something on it.
        for department in &content.heatmap {
            let entries = laid
                .bookmarks
                .iter()
                .filter(|b| b.depth == 1 && b.title == department.name);
            assert_eq!(entries.count(), 1, "{}", department.name);
        }
        assert!(laid.pages.iter().all(|p| !p.is_empty()));

        // The structure for screen readers: every mark names an element,
        // every heading, paragraph and figure has content, and content comes
        // in reading order (the elements were made in that order).
        let marks: Vec<usize> = laid
            .pages
            .iter()
            .flatten()
            .filter_map(|placed| match placed.mark {
                layout::Mark::Content(element) => Some(element),
                layout::Mark::Artifact => None,
            })
            .collect();
        assert!(marks.iter().all(|&m| m < laid.elements.len()));
        assert!(
            marks.windows(2).all(|w| w[0] <= w[1]),
            "content out of reading order"
        );
        for (index, element) in laid.elements.iter().enumerate() {
            let leaf = matches!(
                element.kind,
                layout::Kind::Heading { .. } | layout::Kind::Paragraph | layout::Kind::Figure { .. }
            );
            assert!(
                !leaf || marks.binary_search(&index).is_ok(),
                "{element:?} has no content"
            );
        }
    }
}
