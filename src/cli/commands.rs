//! What each subcommand does. Output goes to stdout; notes and errors to
//! stderr, each error naming the file and what to do.

use std::path::Path;

use chrono::{Local, NaiveDate};
use serde_json::{Value, json};

use super::output;
use super::table::{Align, render};
use super::{CsvWhat, EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, ReportFormat, SummaryFormat};
use crate::analysis::{self, Basis, DepartmentSummary, FindingKind};
use crate::csv;
use crate::model::{Assessment, Dataset, Lang, Status};
use crate::present::catalogue::problems as problem_text;
use crate::present::catalogue::{self, cli, cli::Say};
use crate::present::format;
use crate::report::{self, Format, ReportKind, ReportOptions, ReportStyle};
use crate::store::{self, LoadedWorkspace, Problem, ProblemCode, Severity};

/// Loads a workspace or says why it can't (exit 2).
/// The workspace, or the reason it cannot be opened said in `lang`.
pub(super) fn load(dir: &Path, lang: Lang) -> Result<LoadedWorkspace, u8> {
    store::load(dir).map_err(|e| {
        output::error(&problem_text::store_error(&e, lang));
        EXIT_USAGE
    })
}

fn has_errors(problems: &[Problem]) -> bool {
    problems.iter().any(|p| p.severity == Severity::Error)
}

/// Findings of the scoring rules that validation reports for one
/// assessment: a level of 3 or more without evidence, N/A without a reason,
/// and unanswered indicators in assessments already submitted or approved.
/// `text` is its file's, at `file`.
fn finding_problems(data: &Dataset, assessment: &Assessment, text: &str, file: &Path) -> Vec<Problem> {
    let mut problems = Vec::new();
    for finding in analysis::findings(data, assessment) {
        let code = match finding.kind {
            FindingKind::MissingEvidence => ProblemCode::MissingEvidence {
                indicator: finding.indicator.clone(),
            },
            FindingKind::MissingReason => ProblemCode::MissingReason {
                indicator: finding.indicator.clone(),
            },
            FindingKind::Unanswered if submitted(assessment) => ProblemCode::Unanswered {
                indicator: finding.indicator.clone(),
                status: assessment.status,
            },
            _ => continue,
        };
        let (line, column) = store::locate(text, &format!("\"{}\"", finding.indicator)).unwrap_or((1, 1));
        problems.push(Problem {
            file: file.to_path_buf(),
            line,
            column,
            severity: Severity::Warning,
            code,
        });
    }
    problems
}

fn submitted(assessment: &Assessment) -> bool {
    matches!(assessment.status, Status::Submitted | Status::Approved)
}

/// Checks every file, on every core, keeping no assessment in memory (see
/// [`store::check`]), and lists the problems sorted by file and position.
pub fn validate(dir: &Path, deny_warnings: bool, lang: Lang) -> u8 {
    let checked = match store::check(dir, &store::Progress::default(), &finding_problems) {
        Ok(checked) => checked,
        Err(e) => {
            output::error(&problem_text::store_error(&e, lang));
            return EXIT_USAGE;
        }
    };
    let mut problems = checked.problems;
    problems.extend(checked.found);
    problems.sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
    let mut out = String::new();
    for problem in &problems {
        out.push_str(&problem_text::line(problem, lang));
        out.push('\n');
    }
    output::text(&out);
    let errors = problems.iter().filter(|p| p.severity == Severity::Error).count();
    let warnings = problems.len() - errors;
    output::error(&problem_text::validate_summary(
        dir,
        checked.departments,
        checked.assessments,
        errors,
        warnings,
        lang,
    ));
    if errors > 0 || (deny_warnings && warnings > 0) {
        EXIT_PROBLEMS
    } else {
        EXIT_OK
    }
}

/// Reads, per department, only the assessments the summary shows: the
/// newest on or before `period` that counts on `basis`, and any newer ones
/// (whose status and readability the summary reports). See
/// [`store::load_latest`].
pub fn summary(dir: &Path, period: Option<NaiveDate>, format: SummaryFormat, basis: Basis, lang: Lang) -> u8 {
    let loaded = match store::load_latest(dir, period, &|a| basis.counts(a)) {
        Ok(loaded) => loaded,
        Err(e) => {
            output::error(&problem_text::store_error(&e, lang));
            return EXIT_USAGE;
        }
    };
    let output = summary_output(&loaded, period, format, basis, lang);
    print_then_exit(&output, &loaded, dir, lang)
}

/// What `summary` prints, from a workspace loaded whole or as
/// [`store::load_latest`] reads it: the same either way.
fn summary_output(
    loaded: &LoadedWorkspace,
    period: Option<NaiveDate>,
    format: SummaryFormat,
    basis: Basis,
    lang: Lang,
) -> String {
    let summary = analysis::summarize_on(&loaded.data, period, basis);
    match format {
        SummaryFormat::Json => summary_json(loaded, &summary).to_string() + "\n",
        SummaryFormat::Csv => summary_csv(loaded, &summary, lang),
        SummaryFormat::Table => summary_table(loaded, &summary, lang),
    }
}

/// Prints a command's output; exits 1 with a note saying how many problems
/// the files have when any is an error (the output is still printed, from
/// what could be read), 0 otherwise.
pub(super) fn print_then_exit(text: &str, loaded: &LoadedWorkspace, dir: &Path, lang: Lang) -> u8 {
    output::text(text);
    if has_errors(&loaded.problems) {
        say(
            Say::SummaryNote {
                problems: loaded.problems.len(),
                dir,
            },
            lang,
        );
        return EXIT_PROBLEMS;
    }
    EXIT_OK
}

/// The departments by id, for naming thousands of summary rows without a
/// linear search each.
fn departments_by_id(
    data: &crate::model::Dataset,
) -> std::collections::HashMap<&str, &crate::model::Department> {
    data.workspace
        .departments
        .iter()
        .map(|d| (d.id.as_str(), d))
        .collect()
}

fn summary_json(loaded: &LoadedWorkspace, summary: &analysis::Summary) -> Value {
    let data = &loaded.data;
    let by_id = departments_by_id(data);
    let departments: Vec<Value> = summary
        .departments
        .iter()
        .map(|row| {
            let name = by_id
                .get(row.department.as_str())
                .copied()
                .map_or("", |d| d.name.get(Lang::En));
            let current = row.current.as_ref();
            let dimensions: Vec<Value> = data
                .framework
                .dimensions
                .iter()
                .map(|dimension| {
                    let score =
                        current.and_then(|c| c.dimensions.iter().find(|d| d.dimension == dimension.id));
                    json!({
                        "id": dimension.id,
                        "score": score.and_then(|s| s.mean_level),
                        "floor": score.and_then(|s| s.floor).map(|l| l.get()),
                    })
                })
                .collect();
            let mut department = json!({
                "id": row.department,
                "name": name,
                "status": current.map(|c| status_code(c.status)),
                "assessed_on": row.assessed_on().map(|d| d.to_string()),
                "flags": row.flags.iter().map(|f| f.code()).collect::<Vec<_>>(),
                "unreadable": row.unreadable.as_ref().map(|f| f.display().to_string()),
                "overall": current.and_then(|c| c.mean_level),
                "stage": current.and_then(|c| c.stage).map(|s| data.framework.level_name(s, Lang::En)),
                "coverage": current.map_or(0.0, |c| c.coverage),
                "target": row.target.as_ref().map(|t| t.level),
                "on_target": row.on_target,
                "dimensions": dimensions,
            });
            // Only for a department several assessors scored.
            let agreement = row
                .assessed_on()
                .and_then(|period| data.find(&row.department, period))
                .and_then(|a| analysis::agreement(&data.framework, a));
            if let (Some(agreement), Some(object)) = (agreement, department.as_object_mut()) {
                object.insert("agreement".to_owned(), agreement_json(&agreement));
            }
            department
        })
        .collect();
    json!({
        "workspace": data.workspace.title.get(Lang::En),
        "basis": summary.basis.code(),
        "period": summary.period.map(|p| p.to_string()),
        "departments": departments,
    })
}

/// How far a department's assessors agree: counts, share and mean spread
/// unrounded, and every indicator on which they differ, largest first,
/// with each assessor's level (`null` for none).
fn agreement_json(agreement: &analysis::Agreement) -> Value {
    let disagreements: Vec<Value> = agreement
        .disagreements
        .iter()
        .map(|d| {
            let levels: Vec<Value> = agreement
                .assessors
                .iter()
                .zip(&d.levels)
                .map(|(assessor, level)| json!({"assessor": assessor, "level": level.map(|l| l.get())}))
                .collect();
            json!({
                "indicator": d.indicator,
                "spread": d.spread,
                "agreed": d.agreed.map(|l| l.get()),
                "levels": levels,
            })
        })
        .collect();
    json!({
        "assessors": agreement.assessors,
        "compared": agreement.compared,
        "within_one": agreement.within_one,
        "share_within_one": agreement.share_within_one(),
        "mean_spread": agreement.mean_spread(),
        "disagreements": disagreements,
    })
}

/// The lines above the summary table: the basis, the overall figure and
/// what the counts are made of.
fn headline(data: &crate::model::Dataset, summary: &analysis::Summary, lang: Lang) -> String {
    let by_id = departments_by_id(data);
    let s = summary;
    let mut lines = vec![Say::Basis(crate::present::catalogue::basis(s.basis, lang)).text(lang)];
    if let (Some(mean), Some(stage)) = (s.mean_level, s.stage) {
        let stage = data.framework.level_name(stage, lang);
        let counted = match s.basis {
            Basis::Latest => Say::CountedLatest {
                assessed: s.assessed,
                approved: s.approved,
                provisional: s.provisional,
            },
            Basis::Approved => Say::CountedApproved { assessed: s.assessed },
        };
        let level = format::level(Some(mean));
        lines.push(
            Say::Overall {
                level: &level,
                stage: &stage,
                counted: counted.text(lang),
                at_period: s.at_period,
                carried_over: s.carried_over,
            }
            .text(lang),
        );
    }
    if s.pending > 0 && s.basis == Basis::Approved {
        lines.push(Say::Pending(s.pending).text(lang));
    }
    for row in &s.departments {
        let Some(file) = &row.unreadable else { continue };
        let name = by_id
            .get(row.department.as_str())
            .copied()
            .map_or(row.department.as_str(), |d| d.name.get(lang));
        lines.push(Say::Unreadable { name, file }.text(lang));
    }
    lines.iter().map(|line| format!("{line}\n")).collect()
}

/// The stable lowercase code of a status, for JSON.
fn status_code(status: Status) -> &'static str {
    match status {
        Status::Draft => "draft",
        Status::Submitted => "submitted",
        Status::Approved => "approved",
        Status::Returned => "returned",
    }
}

/// A department's flags in words, e.g. "provisional; carried over from 2025-06-30".
fn flag_words(row: &DepartmentSummary, lang: Lang) -> String {
    row.flags
        .iter()
        .map(|flag| match (flag, row.assessed_on()) {
            (analysis::Flag::CarriedOver, Some(date)) => catalogue::carried_over_text(date, lang),
            (&flag, _) => crate::present::catalogue::flag(flag, lang).to_owned(),
        })
        .collect::<Vec<_>>()
        .join(cli::list_separator(lang))
}

fn summary_csv(loaded: &LoadedWorkspace, summary: &analysis::Summary, lang: Lang) -> String {
    let data = &loaded.data;
    let by_id = departments_by_id(data);
    let mut header: Vec<String> = [
        "department",
        "name",
        "period",
        "status",
        "overall",
        "stage",
        "coverage",
        "flags",
    ]
    .map(String::from)
    .to_vec();
    for dimension in &data.framework.dimensions {
        header.push(format!("{}_score", dimension.id));
        header.push(format!("{}_floor", dimension.id));
    }
    let mut out = String::from(csv::BOM);
    out.push_str(&csv::line(&header));
    for row in &summary.departments {
        let current = row.current.as_ref();
        let name = by_id
            .get(row.department.as_str())
            .copied()
            .map_or("", |d| d.name.get(lang));
        let mut fields = vec![
            csv::text_field(&row.department),
            csv::text_field(name),
            current.map(|c| c.period.to_string()).unwrap_or_default(),
            current.map(|c| format!("{:?}", c.status)).unwrap_or_default(),
            csv::number_field(current.and_then(|c| c.mean_level), 2),
            csv::text_field(
                &current
                    .and_then(|c| c.stage)
                    .map(|s| data.framework.level_name(s, lang))
                    .unwrap_or_default(),
            ),
            csv::number_field(current.map(|c| c.coverage), 2),
            csv::text_field(&row.flags.iter().map(|f| f.code()).collect::<Vec<_>>().join(" ")),
        ];
        for dimension in &data.framework.dimensions {
            let score = current.and_then(|c| c.dimensions.iter().find(|d| d.dimension == dimension.id));
            fields.push(csv::number_field(score.and_then(|s| s.mean_level), 2));
            fields.push(csv::number_field(
                score.and_then(|s| s.floor).map(|l| f64::from(l.get())),
                0,
            ));
        }
        out.push_str(&csv::line(&fields));
    }
    out
}

fn summary_table(loaded: &LoadedWorkspace, summary: &analysis::Summary, lang: Lang) -> String {
    let data = &loaded.data;
    let by_id = departments_by_id(data);
    let mut header: Vec<String> = cli::summary_headers(lang).map(String::from).to_vec();
    header.extend(data.framework.dimensions.iter().map(|d| d.id.clone()));
    header.push(cli::summary_note_header(lang).to_owned());
    let mut align = vec![
        Align::Left,
        Align::Left,
        Align::Left,
        Align::Right,
        Align::Left,
        Align::Right,
    ];
    align.extend(data.framework.dimensions.iter().map(|_| Align::Right));
    align.push(Align::Left);
    let level = format::level;
    let rows: Vec<Vec<String>> = summary
        .departments
        .iter()
        .map(|row| {
            let current = row.current.as_ref();
            let name = by_id
                .get(row.department.as_str())
                .copied()
                .map_or(row.department.as_str(), |d| d.name.get(lang));
            let mut cells = vec![
                name.to_owned(),
                current.map_or_else(|| format::MISSING.to_owned(), |c| format::date(c.period, lang)),
                current.map_or_else(
                    || format::MISSING.to_owned(),
                    |c| crate::present::catalogue::status(c.status, lang).to_owned(),
                ),
                level(current.and_then(|c| c.mean_level)),
                current.and_then(|c| c.stage).map_or_else(
                    || format::MISSING.to_owned(),
                    |s| data.framework.level_name(s, lang),
                ),
                format::percent(current.map(|c| c.coverage)),
            ];
            for dimension in &data.framework.dimensions {
                let score = current.and_then(|c| c.dimensions.iter().find(|d| d.dimension == dimension.id));
                cells.push(level(score.and_then(|s| s.mean_level)));
            }
            cells.push(flag_words(row, lang));
            cells
        })
        .collect();
    let mut out = format!(
        "{} — {}\n",
        data.workspace.title.get(lang),
        summary.period.map_or_else(
            || Say::NoAssessments.text(lang),
            |p| Say::AsOf(&format::date(p, lang)).text(lang)
        )
    );
    out.push_str(&headline(data, summary, lang));
    out.push('\n');
    out.push_str(&render(&header, &rows, &align, 36));
    out
}

/// The options of `govmaturity report`, as `run` unpacks them.
pub struct ReportArgs {
    pub format: Option<ReportFormat>,
    pub what: CsvWhat,
    pub out: std::path::PathBuf,
    pub period: Option<NaiveDate>,
    pub department: Option<String>,
    pub basis: Basis,
    pub kind: ReportKind,
    pub style: ReportStyle,
    /// `--split DIR`: one report per department into DIR.
    pub split: Option<std::path::PathBuf>,
}

/// Writes a report. Exit 2 before loading anything when the output path
/// cannot work; exit 1 when the report was written but files failed to load.
/// `what` picks the table of a CSV report; the other formats hold them all.
pub fn report(dir: &Path, args: ReportArgs, lang: Lang) -> u8 {
    let ReportArgs {
        format,
        what,
        out,
        period,
        department,
        basis,
        kind,
        style,
        split,
    } = args;
    let out = out.as_path();
    let Some(format) = format.map(Format::from).or_else(|| {
        out.extension()
            .and_then(|e| e.to_str())
            .and_then(Format::from_extension)
    }) else {
        say(Say::Error(Say::UnknownFormat(out).text(lang)), lang);
        return EXIT_USAGE;
    };
    if let Err(message) = check_out_path(out) {
        say(Say::Error(message.text(lang)), lang);
        return EXIT_USAGE;
    }
    if store::owned_by_store(dir, out) {
        say(Say::Error(Say::OutIsStoreFile { out, dir }.text(lang)), lang);
        return EXIT_USAGE;
    }
    if kind == ReportKind::Department && department.is_none() {
        say(Say::Error(Say::KindNeedsDepartment.text(lang)), lang);
        return EXIT_USAGE;
    }
    if let Some(split) = &split {
        if kind != ReportKind::Full || department.is_some() {
            say(Say::Error(Say::SplitNeedsFull.text(lang)), lang);
            return EXIT_USAGE;
        }
        if split.exists() && !split.is_dir() {
            say(Say::Error(Say::SplitNotFolder(split).text(lang)), lang);
            return EXIT_USAGE;
        }
    }
    // The answers CSV prints every period's evidence; every other report
    // prints the text of each department's current assessment only, and a
    // brief none.
    let loaded = if format == Format::Csv && what == CsvWhat::Answers {
        store::load(dir)
    } else {
        store::load_for_report(dir, period, &|a| basis.counts(a), kind != ReportKind::Brief)
    };
    let loaded = match loaded {
        Ok(loaded) => loaded,
        Err(e) => {
            output::error(&problem_text::store_error(&e, lang));
            return EXIT_USAGE;
        }
    };
    let options = ReportOptions {
        kind,
        style,
        split: split.is_some(),
        format,
        period,
        department,
        basis,
        lang,
        generated: Local::now().date_naive(),
    };
    let (problems, errors) = (loaded.problems.len(), loaded.has_errors());
    let (written, loaded) = match (options.format, &split) {
        (Format::Csv, _) => (
            report::write_csv(&loaded, &options, what.into(), out),
            Some(loaded),
        ),
        (_, Some(_)) => (report::write(&loaded, &options, out), Some(loaded)),
        // Nothing else to write: the report may let go of the workspace.
        (_, None) => (report::write_last(loaded, &options, out), None),
    };
    if let Err(e) = written {
        say(Say::Error(e.to_string()), lang);
        return EXIT_USAGE;
    }
    output::line(Say::Wrote(out).text(lang));
    if let (Some(split), Some(loaded)) = (&split, &loaded) {
        match report::write_split(loaded, &options, split) {
            Ok(written) => output::line(
                Say::WroteSplit {
                    count: written.len(),
                    dir: split,
                }
                .text(lang),
            ),
            Err(e) => {
                say(Say::Error(e.to_string()), lang);
                return EXIT_USAGE;
            }
        }
    }
    if errors {
        say(Say::ReportNote { problems, dir }, lang);
        return EXIT_PROBLEMS;
    }
    EXIT_OK
}

/// Says why a report cannot be written to `out`, before any work is done:
/// it is a folder, or the folder it would go in does not exist.
fn check_out_path(out: &Path) -> Result<(), Say<'_>> {
    if out.is_dir() {
        return Err(Say::OutIsFolder {
            out,
            example: out.join("report.html"),
        });
    }
    let folder = match out.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    if folder.exists() && !folder.is_dir() {
        return Err(Say::OutParentIsFile { out, folder });
    }
    if !folder.is_dir() {
        return Err(Say::OutFolderMissing { out, folder });
    }
    Ok(())
}

/// Writes one sentence to stderr in `lang`.
pub(super) fn say(said: Say<'_>, lang: Lang) {
    output::error(&said.text(lang));
}

pub fn new_period(dir: &Path, period: NaiveDate, user: &str, lang: Lang) -> u8 {
    let loaded = match load(dir, lang) {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    let data = &loaded.data;
    let now = Local::now().naive_local();
    let (mut created, mut kept, mut failed) = (0, 0, 0);
    for department in data.workspace.active_departments() {
        let draft = match data.latest_for(&department.id, period.pred_opt()) {
            Some(previous) => Assessment::carried_forward(previous, period, user, now),
            None => {
                let mut blank = Assessment::new(&department.id, period, &data.framework);
                blank.assessor = user.to_owned();
                blank.log(now, user, "created", None, String::new(), period.to_string());
                blank
            }
        };
        match store::create_assessment(&loaded.root, &draft) {
            Ok(_) => created += 1,
            Err(store::SaveError::Exists { .. }) => {
                kept += 1;
                say(
                    Say::Kept {
                        department: &department.id,
                        period: &format::iso_date(period),
                    },
                    lang,
                );
            }
            Err(e) => {
                failed += 1;
                say(Say::Error(e.to_string()), lang);
            }
        }
    }
    output::line(
        Say::Drafted {
            period: &format::date(period, lang),
            created,
            kept,
        }
        .text(lang),
    );
    if failed > 0 {
        return EXIT_USAGE;
    }
    if has_errors(&loaded.problems) {
        say(
            Say::NewPeriodNote {
                problems: loaded.problems.len(),
                dir,
            },
            lang,
        );
        return EXIT_PROBLEMS;
    }
    EXIT_OK
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::generate::{self, SyntheticOptions};
    use crate::model::Status;

    /// A generated workspace of 40 departments × 4 periods, with the cases
    /// that decide which files the summary must read: a newest file that
    /// does not parse, one naming another department, a folder no
    /// department owns, an archived department and one never approved.
    fn workspace() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let framework = store::builtin_framework().unwrap();
        let options = SyntheticOptions {
            departments: 40,
            periods: 4,
            seed: 3,
            last_period: NaiveDate::from_ymd_opt(2025, 12, 31).unwrap(),
        };
        let (mut workspace, mut assessments) = generate::synthetic(&framework, options);
        let ids: Vec<String> = workspace.departments.iter().map(|d| d.id.clone()).collect();
        let id = |i: usize| ids[i].clone();
        let never_approved = id(4);
        workspace.departments[3].archived = true;
        for a in assessments.iter_mut().filter(|a| a.department == never_approved) {
            a.status = Status::Submitted;
        }
        store::save_workspace(root, &workspace, None).unwrap();
        for a in &assessments {
            store::create_assessment(root, a).unwrap();
        }
        let newest = |i: usize| root.join(id(i)).join("2025-12-31.ron");
        // Cut short: unreadable.
        let text = std::fs::read_to_string(newest(0)).unwrap();
        std::fs::write(newest(0), &text[..text.len() / 2]).unwrap();
        // Names another department: rejected.
        let text = std::fs::read_to_string(newest(1)).unwrap();
        std::fs::write(newest(1), text.replace(&id(1), &id(2))).unwrap();
        // A draft that does not parse behind a newer readable draft.
        let older = root.join(id(5)).join("2025-06-30.ron");
        std::fs::write(&older, "(version: 1, department: ").unwrap();
        // A folder of assessments for a department the workspace lacks.
        std::fs::create_dir(root.join("zz-gone")).unwrap();
        let text = std::fs::read_to_string(newest(6)).unwrap();
        std::fs::write(
            root.join("zz-gone/2026-06-30.ron"),
            text.replace(&id(6), "zz-gone"),
        )
        .unwrap();
        dir
    }

    #[test]
    fn summary_reading_only_what_it_needs_prints_what_the_whole_load_prints() {
        let dir = workspace();
        let root = dir.path();
        let whole = store::load(root).unwrap();
        let mut compared = 0;
        for period in [
            None,
            NaiveDate::from_ymd_opt(2025, 6, 30),
            NaiveDate::from_ymd_opt(2025, 9, 1),
        ] {
            for basis in [Basis::Latest, Basis::Approved] {
                let part = store::load_latest(root, period, &|a| basis.counts(a)).unwrap();
                assert!(part.data.assessments.len() < whole.data.assessments.len() / 2);
                // Every problem of a file it read, as the whole load says it.
                for problem in &part.problems {
                    assert!(whole.problems.contains(problem), "{problem:?}");
                }
                for format in [SummaryFormat::Table, SummaryFormat::Csv, SummaryFormat::Json] {
                    for lang in [Lang::En, Lang::Zh] {
                        let expected = summary_output(&whole, period, format, basis, lang);
                        let fast = summary_output(&part, period, format, basis, lang);
                        assert_eq!(fast, expected, "{period:?} {basis:?} {format:?} {lang:?}");
                        compared += 1;
                    }
                }
            }
        }
        assert_eq!(compared, 36);
        // The cases above show in the output.
        let table = summary_output(&whole, None, SummaryFormat::Json, Basis::Latest, Lang::En);
        assert!(table.contains("latest-unreadable"), "{table}");
        let cut_short = Path::new(&whole.data.workspace.departments[0].id).join("2025-12-31.ron");
        let part = store::load_latest(root, None, &|a| Basis::Latest.counts(a)).unwrap();
        assert!(part.problems.iter().any(|p| p.file == cut_short));
        assert!(part.problems.iter().any(|p| p.file.starts_with("zz-gone")));
    }

    #[test]
    fn validate_finds_what_loading_everything_finds() {
        let dir = workspace();
        let root = dir.path();
        let whole = store::load(root).unwrap();
        let mut expected = whole.problems.clone();
        for assessment in &whole.data.assessments {
            let file = store::assessment_path(&assessment.department, assessment.period).unwrap();
            let text = std::fs::read_to_string(root.join(&file)).unwrap();
            expected.extend(finding_problems(&whole.data, assessment, &text, &file));
        }
        let checked = store::check(root, &store::Progress::default(), &finding_problems).unwrap();
        assert_eq!(checked.problems, whole.problems);
        let mut found = checked.problems;
        found.extend(checked.found);
        assert_eq!(found, expected);
        assert!(!found.is_empty());
        assert_eq!(checked.assessments, whole.data.assessments.len());
        assert_eq!(checked.departments, 40);
    }
}
