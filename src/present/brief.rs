//! The brief: at most four A4 pages for leadership, whatever the size of
//! the workspace (being written by the lead, issue 11).

use super::document::Document;
use super::report::ReportContent;

/// The brief as a document.
pub fn document(content: &ReportContent) -> Document {
    Document {
        lang: content.lang,
        title: content.report_title().to_owned(),
        kind: super::report::ReportKind::Brief,
        style: content.options.style,
        masthead: None,
        blocks: Vec::new(),
    }
}

/// The official style's header, from the workspace's report settings (the
/// workspace title when no issuing office is set); `None` in the plain style.
pub fn masthead(content: &ReportContent) -> Option<super::document::Masthead> {
    if content.options.style != super::report::ReportStyle::Official {
        return None;
    }
    let office = content.settings.issuing_office.get(content.lang);
    let office = if office.trim().is_empty() {
        content.title.get(content.lang)
    } else {
        office
    };
    Some(super::document::Masthead {
        office: office.to_owned(),
        number: content.settings.document_number.clone(),
    })
}
