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

/// Renders the report as PDF bytes.
pub fn render(content: &ReportContent) -> Result<Vec<u8>, ReportError> {
    let fonts = text::Fonts::load()?;
    let blocks = compose::compose(&fonts, content);
    let laid = layout::Flow::new(&fonts).run(&blocks);
    let lang = content.lang;
    let title = content.title.get(lang).to_owned();
    let period = content
        .period
        .map(|p| p.format("%Y-%m-%d").to_string())
        .unwrap_or_default();
    let report = match &content.scope {
        Some((_, name)) => format!("{} · {name}", content.report_title()),
        None => content.report_title().to_owned(),
    };
    let frame = paint::Frame {
        header_left: title.clone(),
        header_right: format!("{report} · {period}"),
        footer: Box::new(move |n, m| page_of(lang, n, m)),
        title: format!("{report} — {title}"),
        language: match lang {
            Lang::En => "en".to_owned(),
            Lang::Zh => "zh-CN".to_owned(),
        },
        date: content.generated,
    };
    paint::paint(&fonts, &laid, &frame)
}

/// "Page 3 of 40" / "第 3 页，共 40 页".
fn page_of(lang: Lang, n: usize, m: usize) -> String {
    match lang {
        Lang::En => format!("Page {n} of {m}"),
        Lang::Zh => format!("第 {n} 页，共 {m} 页"),
    }
}
