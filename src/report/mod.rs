//! Reports to share with people who do not have the app: a self-contained
//! HTML file, a PDF, an Excel workbook and CSV data, all drawn from the same
//! `analysis` figures and `charts` geometry as the app.
//!
//! One public entry point, [`write`], used alike by the CLI and by the app's
//! Export… command. A report is rendered in memory and then written
//! atomically, so a half-written report never sits under the final name.

mod content;
mod csv;
mod html;
mod pdf;
mod svg;
mod xlsx;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

pub use content::ReportContent;

use crate::analysis::Basis;
use crate::model::Lang;
use crate::store::LoadedWorkspace;

/// The report formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    Html,
    Pdf,
    Xlsx,
    Csv,
}

impl Format {
    pub const ALL: [Format; 4] = [Format::Html, Format::Pdf, Format::Xlsx, Format::Csv];

    /// The file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Html => "html",
            Format::Pdf => "pdf",
            Format::Xlsx => "xlsx",
            Format::Csv => "csv",
        }
    }

    pub fn from_extension(extension: &str) -> Option<Format> {
        Format::ALL
            .into_iter()
            .find(|f| f.extension().eq_ignore_ascii_case(extension))
    }
}

/// What to report on.
#[derive(Clone, Debug, PartialEq)]
pub struct ReportOptions {
    pub format: Format,
    /// Per department, its latest assessment on or before this date that
    /// counts on `basis` (default: the latest period with such an assessment).
    pub period: Option<NaiveDate>,
    /// One department only; `None` for the whole government.
    pub department: Option<String>,
    /// Which assessments count: the approved ones (what gets circulated,
    /// the command line's default) or the latest of any status.
    pub basis: Basis,
    pub lang: Lang,
    /// The date printed as "generated on" (today, except in tests).
    pub generated: NaiveDate,
}

/// Why a report was not written. Nothing is left under the output path.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error(
        "there is no department \"{0}\" in this workspace; run `govmaturity summary` to see the department ids"
    )]
    UnknownDepartment(String),
    #[error("the {0} report could not be made: {1}")]
    Render(&'static str, String),
    #[error("could not write {}: {source}; check that the folder exists and is writable", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

/// Renders a report in memory.
pub fn render(loaded: &LoadedWorkspace, options: &ReportOptions) -> Result<Vec<u8>, ReportError> {
    if let Some(id) = &options.department
        && loaded.data.workspace.department(id).is_none()
    {
        return Err(ReportError::UnknownDepartment(id.clone()));
    }
    match options.format {
        Format::Csv => csv::render(loaded, options),
        Format::Xlsx => xlsx::render(loaded, options),
        Format::Html => html::render(&content::build(loaded, options)),
        Format::Pdf => pdf::render(&content::build(loaded, options)),
    }
}

/// Renders a report and writes it to `out` atomically (a temporary file in
/// the same folder, renamed over `out` only when complete).
pub fn write(loaded: &LoadedWorkspace, options: &ReportOptions, out: &Path) -> Result<(), ReportError> {
    let bytes = render(loaded, options)?;
    crate::store::atomic_write(out, &bytes).map_err(|source| ReportError::Io {
        path: out.to_path_buf(),
        source,
    })
}
