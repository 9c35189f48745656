//! `govmaturity questionnaire` (a workbook for a department to fill in
//! without the app) and `govmaturity import` (the returned workbooks back
//! into the workspace). The work is done in [`crate::exchange`].

use std::path::{Path, PathBuf};

use chrono::{Local, NaiveDate, Timelike};

use super::commands::{load, say};
use super::{EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, output};
use crate::exchange::{self, ImportOptions};
use crate::model::{Lang, Role};
use crate::present::catalogue::cli::Say;
use crate::present::catalogue::{self, T, exchange as words};
use crate::present::exchange::Outcome;
use crate::present::format;
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

/// The longest a before or after value is shown on one line.
const VALUE_CHARS: usize = 60;

fn print_report(
    loaded: &store::LoadedWorkspace,
    report: &exchange::FileReport,
    options: &ImportOptions,
    lang: Lang,
) {
    if let (Some(department), Some(period)) = (&report.department, report.period) {
        let name = loaded
            .data
            .workspace
            .department(department)
            .map_or(department.as_str(), |d| d.name.get(lang));
        let status = report.status.map_or("", |status| catalogue::status(status, lang));
        let mut lines = vec![words::file_heading(
            &report.file,
            name,
            &format::date(period, lang),
            status,
            lang,
        )];
        if report.changes.is_empty() {
            lines.push(format!("  {}", T::QuestDiffNone.get(lang)));
        }
        for change in &report.changes {
            // Paragraphs on one line, their breaks shown.
            let clip = |text: &str| format::clip(&text.replace('\n', " ↵ "), VALUE_CHARS);
            lines.push(words::change_line(
                &change.indicator,
                &change.field,
                &clip(&change.from),
                &clip(&change.to),
                lang,
            ));
        }
        let mut out = String::new();
        for line in lines {
            out.push_str(&format::one_line(&line));
            out.push('\n');
        }
        output::text(&out);
    }
    let target = report
        .target
        .as_deref()
        .map(|t| loaded.root.join(t))
        .unwrap_or_default();
    match &report.outcome {
        Outcome::Problems(problems) => {
            for problem in problems {
                output::error(&problem.line(lang));
            }
            output::error(&words::problems_found(&report.file, problems.len(), lang));
        }
        Outcome::DryRun => output::line(words::dry_run(&report.file, lang)),
        Outcome::Saved { created } => {
            let count = if *created {
                report.answered
            } else {
                report.changes.len()
            };
            output::line(words::saved(&report.file, &target, count, *created, lang));
        }
        Outcome::Response => output::line(words::response_saved(
            &report.file,
            &target,
            &format::one_line(&report.name),
            role_words(options.role, lang),
            lang,
        )),
        Outcome::Refused { status } => {
            output::error(&words::refused(
                &report.file,
                catalogue::status(*status, lang),
                lang,
            ));
        }
        Outcome::NotSaved { detail } => output::error(&words::not_saved(&report.file, detail, lang)),
    }
}

fn role_words(role: Role, lang: Lang) -> &'static str {
    match role {
        Role::SelfAssessment => T::QuestRoleSelf,
        Role::Reviewer => T::QuestRoleReviewer,
        Role::External => T::QuestRoleExternal,
    }
    .get(lang)
}
