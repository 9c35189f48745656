//! Reports to share with people who do not have the app: a self-contained
//! HTML file, a PDF, an Excel workbook and CSV data, all drawn from the same
//! `analysis` figures and `charts` geometry as the app.
//!
//! One public entry point, [`write`], used alike by the CLI and by the app's
//! Export… command. A report is rendered in memory and then written
//! atomically, so a half-written report never sits under the final name.

mod csv;
mod docx;
mod html;
mod markup;
mod pdf;
mod svg;
mod xlsx;

use std::path::{Path, PathBuf};

use crate::present::report as content;
pub use crate::present::report::{Format, ReportContent, ReportKind, ReportOptions, ReportStyle};

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

/// Which table a CSV report holds: one table per file.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum CsvTable {
    /// The assessment answers in long format (the default; see `csv`).
    #[default]
    Answers,
    /// The improvement plans' actions in scope, one row per action.
    Actions,
}

/// An unknown department is an error before anything is rendered.
fn check_department(loaded: &LoadedWorkspace, options: &ReportOptions) -> Result<(), ReportError> {
    match &options.department {
        Some(id) if loaded.data.workspace.department(id).is_none() => {
            Err(ReportError::UnknownDepartment(id.clone()))
        }
        _ => Ok(()),
    }
}

/// Renders a CSV report of one table in memory (`options.format` is not
/// read: the result is CSV).
pub fn render_csv(
    loaded: &LoadedWorkspace,
    options: &ReportOptions,
    table: CsvTable,
) -> Result<Vec<u8>, ReportError> {
    check_department(loaded, options)?;
    let content = content::build(loaded, options);
    match table {
        CsvTable::Answers => csv::render(loaded, &content),
        CsvTable::Actions => csv::render_actions(&content),
    }
}

/// Renders a CSV report of one table and writes it to `out` atomically, as
/// [`write`] does.
pub fn write_csv(
    loaded: &LoadedWorkspace,
    options: &ReportOptions,
    table: CsvTable,
    out: &Path,
) -> Result<(), ReportError> {
    let bytes = render_csv(loaded, options, table)?;
    crate::store::atomic_write(out, &bytes).map_err(|source| ReportError::Io {
        path: out.to_path_buf(),
        source,
    })
}

/// Renders a report in memory.
pub fn render(loaded: &LoadedWorkspace, options: &ReportOptions) -> Result<Vec<u8>, ReportError> {
    check_department(loaded, options)?;
    render_content(loaded, &content::build(loaded, options))
}

/// Prints computed report content in its options' format.
fn render_content(loaded: &LoadedWorkspace, content: &ReportContent) -> Result<Vec<u8>, ReportError> {
    match content.options.format {
        Format::Csv => csv::render(loaded, content),
        Format::Xlsx => xlsx::render(&loaded.data, content),
        Format::Html | Format::Pdf | Format::Docx => render_document(content),
    }
}

/// Prints computed report content as a document (HTML, PDF or Word): from
/// the content alone, without the workspace. The data formats (CSV, XLSX)
/// read the workspace too and are printed by [`render_content`].
fn render_document(content: &ReportContent) -> Result<Vec<u8>, ReportError> {
    match content.options.format {
        format @ (Format::Csv | Format::Xlsx) => Err(ReportError::Render(
            format.extension(),
            "a data format is printed with the workspace".to_owned(),
        )),
        Format::Html => html::render(content, |chart, alt| svg::chart(content, chart, alt)),
        Format::Pdf => pdf::render(content),
        Format::Docx => {
            let document = crate::present::build::document(content);
            docx::render(&document, &|chart, alt| svg::chart(content, chart, alt))
        }
    }
}

/// Renders a report and writes it to `out` atomically (a temporary file in
/// the same folder, renamed over `out` only when complete).
pub fn write(loaded: &LoadedWorkspace, options: &ReportOptions, out: &Path) -> Result<(), ReportError> {
    if options.format == Format::Html {
        check_department(loaded, options)?;
        return write_html(&content::build(loaded, options), out);
    }
    let bytes = render(loaded, options)?;
    crate::store::atomic_write(out, &bytes).map_err(|source| ReportError::Io {
        path: out.to_path_buf(),
        source,
    })
}

/// [`write`], for a caller done with the workspace: an HTML, PDF or Word
/// report lets go of it once the content is made, before the document is
/// printed, which for thousands of departments takes as much memory again.
/// Both are freed on another thread while the work goes on.
pub fn write_last(loaded: LoadedWorkspace, options: &ReportOptions, out: &Path) -> Result<(), ReportError> {
    check_department(&loaded, options)?;
    let content = content::build(&loaded, options);
    let bytes = match options.format {
        Format::Csv | Format::Xlsx => {
            let bytes = render_content(&loaded, &content);
            crate::parallel::drop_aside(loaded);
            bytes?
        }
        Format::Html => {
            crate::parallel::drop_aside(loaded);
            let written = write_html(&content, out);
            crate::parallel::drop_aside(content);
            return written;
        }
        Format::Pdf | Format::Docx => {
            crate::parallel::drop_aside(loaded);
            render_document(&content)?
        }
    };
    crate::parallel::drop_aside(content);
    crate::store::atomic_write(out, &bytes).map_err(|source| ReportError::Io {
        path: out.to_path_buf(),
        source,
    })
}

/// Prints an HTML report straight into its file, atomically.
fn write_html(content: &ReportContent, out: &Path) -> Result<(), ReportError> {
    let draw = |chart: &_, alt: &str| svg::chart(content, chart, alt);
    crate::store::atomic_write_streamed(out, |sink| html::write(content, draw, sink)).map_err(|source| {
        ReportError::Io {
            path: out.to_path_buf(),
            source,
        }
    })
}

/// `report --split DIR`: writes one report per department in scope into
/// `dir` (created if missing), each that department's report in the same
/// format, language and style, named `<id>.<ext>`. Returns the paths
/// written. Each file is written atomically; a failure stops at that file.
pub fn write_split(
    loaded: &LoadedWorkspace,
    options: &ReportOptions,
    dir: &Path,
) -> Result<Vec<PathBuf>, ReportError> {
    crate::store::create_dir_all_synced(dir).map_err(|source| ReportError::Io {
        path: dir.to_path_buf(),
        source,
    })?;
    let mut written = Vec::new();
    // What every department's report shares, computed once.
    let whole = content::whole_summary(loaded, options);
    for department in loaded.data.workspace.active_departments() {
        let one = ReportOptions {
            kind: ReportKind::Department,
            department: Some(department.id.clone()),
            split: false,
            ..options.clone()
        };
        let out = dir.join(format!("{}.{}", department.id, options.format.extension()));
        let bytes = render_content(loaded, &content::build_with(loaded, &one, Some(&whole)))?;
        crate::store::atomic_write(&out, &bytes).map_err(|source| ReportError::Io {
            path: out.clone(),
            source,
        })?;
        written.push(out);
    }
    Ok(written)
}
