//! The report as an editable Word document (owned by the DOCX work of issue 11).

use crate::present::document::Document;

use super::ReportError;

/// Renders the document as DOCX bytes.
pub fn render(
    _document: &Document,
    _draw: &dyn Fn(&crate::present::document::Chart, &str) -> String,
) -> Result<Vec<u8>, ReportError> {
    Err(ReportError::Render("DOCX", "not built yet".to_owned()))
}
