//! The PDF report, drawn by our own code from [`ReportContent`] with krilla
//! (the PDF layer of typst): A4 pages with a running header and
//! "Page N of M" footers, headings as bookmarks, vector charts from the same
//! `charts` geometry as the app, and text in the bundled Noto Sans SC, which
//! krilla embeds as a subset with a ToUnicode map, so that Chinese renders
//! everywhere and can be selected, copied and searched.
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
    let report = match &content.scope {
        Some((_, name)) => format!("{} · {}", content.report_title(), text::shorten(name)),
        None => content.report_title().to_owned(),
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
    let laid = lay_out(&mut fonts, content, &document, &frame);
    let bytes = paint::paint(&fonts, &laid, &frame)?;
    Ok((bytes, fonts.notes()))
}

/// The report's pages as display lists, before painting. Characters the
/// bundled fonts lack send for fallback fonts first (and the blocks are
/// made again with them, measured right). The contents' page numbers are
/// filled in once the pages are laid out.
fn lay_out(
    fonts: &mut text::Fonts,
    content: &ReportContent,
    document: &crate::present::document::Document,
    frame: &paint::Frame,
) -> layout::Laid {
    let mut blocks = compose::compose(fonts, content, document);
    let running = [frame.header_left.as_str(), frame.header_right.as_str()];
    let missing = compose::missing_characters(fonts, &blocks, running);
    if !missing.is_empty() {
        fonts.find_fallbacks(&missing);
        blocks = compose::compose(fonts, content, document);
    }
    let fonts: &text::Fonts = fonts;
    let mut laid = layout::Flow::with_look(fonts, frame.look).run(&blocks);
    let pages = entry_pages(&compose::entries(document), &laid.bookmarks);
    compose::number_contents(fonts, &mut laid, &pages);
    laid
}

/// The page of each contents entry: the next outline entry of its title.
fn entry_pages(entries: &[(String, &str)], bookmarks: &[layout::Bookmark]) -> Vec<Option<usize>> {
    let mut from = 0;
    entries
        .iter()
        .map(|(title, _)| {
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
        lay_out(&mut fonts, content, &document, &frame)
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
        let fonts = match text::Fonts::load() {
            Ok(fonts) => fonts,
            Err(e) => panic!("{e}"),
        };
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
        let fonts = match text::Fonts::load() {
            Ok(fonts) => fonts,
            Err(e) => panic!("{e}"),
        };
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
