//! The report as an editable Word document (Office Open XML,
//! WordprocessingML), written directly: the parts are plain XML in a zip,
//! and writing them ourselves keeps what Word and WPS need in our hands
//! (the pictures' descriptions, `w:updateFields`, the GB/T 9704 line grid,
//! Word's own style ids) with no dependency beyond the zip writer the
//! workbook already uses.
//!
//! The document prints the report's [`Document`] block by block ([`body`]),
//! in one of two looks ([`parts`]): plain, or official (GB/T 9704-2012).
//! Charts are the HTML report's SVG, rasterised with the bundled fonts
//! ([`picture`]).

mod body;
mod parts;
mod picture;
mod xml;

use std::io::Write as _;

use zip::write::SimpleFileOptions;

use crate::present::document::{Chart, Document};

use super::ReportError;

/// Renders the document as DOCX bytes. `draw(chart, alt)` draws a figure's
/// chart as SVG (the HTML report's).
pub fn render(document: &Document, draw: &dyn Fn(&Chart, &str) -> String) -> Result<Vec<u8>, ReportError> {
    let look = parts::Look::new(document);
    let painter = picture::Painter::new();
    let mut draw_picture =
        |figure: &crate::present::document::Figure, width: u64, height: u64| {
            painter.draw(&draw(&figure.chart, &figure.alt), width, height)
        };
    let (body, pictures) = body::print(document, &look, &mut draw_picture);
    let mut files: Vec<(String, Vec<u8>)> = vec![
        ("[Content_Types].xml".to_owned(), parts::content_types(&look).into_bytes()),
        ("_rels/.rels".to_owned(), parts::package_relationships().into_bytes()),
        ("docProps/core.xml".to_owned(), parts::core(document, &look).into_bytes()),
        ("docProps/app.xml".to_owned(), parts::app().into_bytes()),
        ("word/document.xml".to_owned(), body.into_bytes()),
        (
            "word/_rels/document.xml.rels".to_owned(),
            parts::document_relationships(&look, pictures.len()).into_bytes(),
        ),
        ("word/styles.xml".to_owned(), parts::styles(&look).into_bytes()),
        ("word/settings.xml".to_owned(), parts::settings(&look).into_bytes()),
        ("word/fontTable.xml".to_owned(), parts::font_table(&look).into_bytes()),
        ("word/numbering.xml".to_owned(), parts::numbering().into_bytes()),
        ("word/footer1.xml".to_owned(), parts::footer(&look, parts::Side::Odd).into_bytes()),
    ];
    if look.official {
        files.push(("word/footer2.xml".to_owned(), parts::footer(&look, parts::Side::Even).into_bytes()));
    }
    if look.cover {
        files.push(("word/footer3.xml".to_owned(), parts::empty_footer().into_bytes()));
    }
    let error = |e: &dyn std::fmt::Display| ReportError::Render("DOCX", e.to_string());
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let deflated = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    // PNG is compressed already.
    let stored = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, bytes) in &files {
        zip.start_file(name.as_str(), deflated).map_err(|e| error(&e))?;
        zip.write_all(bytes).map_err(|e| error(&e))?;
    }
    for (i, picture) in pictures.iter().enumerate() {
        zip.start_file(format!("word/media/figure{}.png", i + 1), stored)
            .map_err(|e| error(&e))?;
        zip.write_all(&picture.png).map_err(|e| error(&e))?;
    }
    let cursor = zip.finish().map_err(|e| error(&e))?;
    Ok(cursor.into_inner())
}
