//! Reports to share with people who do not have the app: a self-contained
//! HTML file, a PDF, an Excel workbook and CSV data, all drawn from the same
//! `analysis` figures and `charts` geometry as the app.
//!
//! One public entry point, [`write`], used alike by the CLI and by the app's
//! Export… command. A report is rendered in memory and then written
//! atomically, so a half-written report never sits under the final name.

mod csv;
mod html;
mod markup;
mod pdf;
mod svg;
mod xlsx;

use std::path::{Path, PathBuf};

use crate::present::report as content;
pub use crate::present::report::{Format, ReportContent, ReportOptions};

use crate::store::LoadedWorkspace;

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
        Format::Csv => csv::render(loaded, &content::build(loaded, options)),
        Format::Xlsx => xlsx::render(&content::build(loaded, options)),
        Format::Html => {
            let content = content::build(loaded, options);
            html::render(&content, |chart, alt| svg::chart(&content, chart, alt))
        }
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
