//! `govmaturity questionnaire` (a workbook for a department to fill in
//! without the app) and `govmaturity import` (the returned workbooks back
//! into the workspace). The work is done in [`crate::exchange`].

use std::path::{Path, PathBuf};

use chrono::{Local, NaiveDate, Timelike};

use super::commands::{load, say};
use super::{EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, output};
use crate::exchange::{self, ImportOptions, LineKind};
use crate::model::{Lang, Role};
use crate::present::catalogue::cli::Say;
use crate::present::catalogue::exchange as words;
use crate::store;

/// The options of `questionnaire`, as `run` unpacks them.
pub struct QuestionnaireArgs {
    pub department: Option<String>,
    pub all: bool,
    pub period: NaiveDate,
    pub out: PathBuf,
}

pub fn questionnaire(dir: &Path, args: QuestionnaireArgs, lang: Lang) -> u8 {
    let QuestionnaireArgs {
        department,
        all,
        period,
        out,
    } = args;
    if all == department.is_some() {
        say(Say::Error(words::department_or_all(lang)), lang);
        return EXIT_USAGE;
    }
    if all && out.exists() && !out.is_dir() {
        say(Say::Error(words::out_not_folder(&out, lang)), lang);
        return EXIT_USAGE;
    }
    if !all {
        if let Err(message) = check_out_file(&out) {
            say(Say::Error(message.text(lang)), lang);
            return EXIT_USAGE;
        }
        if store::owned_by_store(dir, &out) {
            say(
                Say::Error(Say::OutIsStoreFile { out: &out, dir }.text(lang)),
                lang,
            );
            return EXIT_USAGE;
        }
    }
    let loaded = match load(dir, lang) {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    let data = &loaded.data;
    let targets: Vec<(String, PathBuf)> = match &department {
        Some(id) => {
            if data.workspace.department(id).is_none() {
                say(Say::Error(words::no_such_department(id, lang)), lang);
                return EXIT_USAGE;
            }
            vec![(id.clone(), out.clone())]
        }
        None => data
            .workspace
            .active_departments()
            .map(|d| (d.id.clone(), out.join(exchange::file_name(&d.id))))
            .collect(),
    };
    if all && let Err(e) = store::create_dir_all_synced(&out) {
        say(Say::Error(format!("{}: {e}", out.display())), lang);
        return EXIT_USAGE;
    }
    // One workbook per department, on every core (a thousand departments'
    // files take seconds, not minutes).
    let results = crate::parallel::parallel_map(&targets, |(id, path)| {
        if store::owned_by_store(dir, path) {
            return Err(Say::OutIsStoreFile { out: path, dir }.text(lang));
        }
        let bytes = exchange::questionnaire(data, id, period, lang).map_err(|e| format!("{id}: {e}"))?;
        store::atomic_write(path, &bytes).map_err(|e| format!("{}: {e}", path.display()))
    });
    let mut written = 0;
    let mut failed = false;
    for ((_, path), result) in targets.iter().zip(results) {
        match result {
            Ok(()) => {
                written += 1;
                if !all {
                    output::line(words::wrote(path, lang));
                }
            }
            Err(message) => {
                say(Say::Error(message), lang);
                failed = true;
            }
        }
    }
    if failed {
        return EXIT_USAGE;
    }
    if all {
        output::line(words::wrote_all(written, &out, lang));
    }
    if loaded.has_errors() {
        say(
            Say::ReportNote {
                problems: loaded.problems.len(),
                dir,
            },
            lang,
        );
        return EXIT_PROBLEMS;
    }
    EXIT_OK
}

/// Why a file cannot be written at `out`: a folder, or in a folder that
/// does not exist.
fn check_out_file(out: &Path) -> Result<(), Say<'_>> {
    if out.is_dir() {
        return Err(Say::OutIsFolder {
            out,
            example: out.join("questionnaire.xlsx"),
        });
    }
    let folder = match out.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    if !folder.is_dir() {
        return Err(Say::OutFolderMissing { out, folder });
    }
    Ok(())
}

/// The options of `import`, as `run` unpacks them.
pub struct ImportArgs {
    pub dry_run: bool,
    pub name: Option<String>,
    pub as_response: bool,
    pub role: Role,
}

/// Splits `import`'s paths into the workspace folder (the first, when it
/// is a folder) and the files.
pub fn split_paths(paths: Vec<PathBuf>, workspace: PathBuf) -> (PathBuf, Vec<PathBuf>) {
    let mut paths = paths.into_iter().peekable();
    let dir = match paths.peek() {
        Some(first) if first.is_dir() => paths.next().unwrap_or(workspace),
        _ => workspace,
    };
    (dir, paths.collect())
}

pub fn import(dir: &Path, files: &[PathBuf], args: ImportArgs, lang: Lang) -> u8 {
    if files.is_empty() {
        say(Say::Error(words::no_files(lang)), lang);
        return EXIT_USAGE;
    }
    let mut loaded = match load(dir, lang) {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    let options = ImportOptions {
        dry_run: args.dry_run,
        name: args.name,
        as_response: args.as_response,
        role: args.role,
        at: {
            let now = Local::now().naive_local();
            now.with_nanosecond(0).unwrap_or(now)
        },
    };
    let (mut imported, mut failed, mut unreadable) = (0, 0, false);
    for path in files {
        let file = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        let bytes = match store::read_regular(path) {
            Ok((bytes, _)) => bytes,
            Err(e) => {
                let problem = crate::present::exchange::ImportProblem {
                    file: path.display().to_string(),
                    sheet: None,
                    cell: None,
                    issue: crate::present::exchange::Issue::Unreadable {
                        detail: e.to_string(),
                    },
                };
                output::error(&problem.line(lang));
                unreadable = true;
                failed += 1;
                continue;
            }
        };
        let report = exchange::import_file(&mut loaded, &file, &bytes, &options, lang);
        print_report(&loaded, &report, &options, lang);
        if report.imported() {
            imported += 1;
        } else {
            failed += 1;
        }
    }
    output::error(&words::import_summary(files.len(), imported, failed, lang));
    if unreadable {
        EXIT_USAGE
    } else if failed > 0 {
        EXIT_PROBLEMS
    } else {
        EXIT_OK
    }
}

fn print_report(
    loaded: &store::LoadedWorkspace,
    report: &exchange::FileReport,
    options: &ImportOptions,
    lang: Lang,
) {
    let lines = exchange::report_lines(&loaded.data, &loaded.root, report, options.role, lang);
    let mut detail = String::new();
    for (kind, line) in lines {
        match kind {
            LineKind::Detail => {
                detail.push_str(&line);
                detail.push('\n');
            }
            LineKind::Outcome | LineKind::Problem => {
                if !detail.is_empty() {
                    output::text(&std::mem::take(&mut detail));
                }
                if kind == LineKind::Problem {
                    output::error(&line);
                } else {
                    output::line(line);
                }
            }
        }
    }
    if !detail.is_empty() {
        output::text(&detail);
    }
}
