//! What each subcommand does. Output goes to stdout; notes and errors to
//! stderr, each error naming the file and what to do.

use std::path::Path;
use std::time::Instant;

use chrono::{Local, NaiveDate};
use serde_json::{Value, json};

use super::output;
use super::table::{Align, render};
use super::{EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, ReportFormat, SummaryFormat};
use crate::analysis::{self, Basis, DepartmentSummary, FindingKind};
use crate::csv;
use crate::generate::{self, SyntheticOptions};
use crate::model::{Assessment, Lang, Status};
use crate::report::{self, Format, ReportOptions};
use crate::store::{self, LoadedWorkspace, Problem, Severity};

/// Loads a workspace or says why it can't (exit 2).
fn load(dir: &Path) -> Result<LoadedWorkspace, u8> {
    store::load(dir).map_err(|e| {
        eprintln!("error: {e}");
        EXIT_USAGE
    })
}

fn has_errors(problems: &[Problem]) -> bool {
    problems.iter().any(|p| p.severity == Severity::Error)
}

/// Findings of the scoring rules that validation reports: a level of 3 or
/// more without evidence, N/A without a reason, and unanswered indicators in
/// assessments already submitted or approved.
pub fn finding_problems(loaded: &LoadedWorkspace) -> Vec<Problem> {
    let mut problems = Vec::new();
    for assessment in &loaded.data.assessments {
        let Ok(file) = store::assessment_path(&assessment.department, assessment.period) else {
            continue;
        };
        let text = std::fs::read_to_string(loaded.root.join(&file)).unwrap_or_default();
        for finding in analysis::findings(&loaded.data, assessment) {
            let message = match finding.kind {
                FindingKind::MissingEvidence => format!(
                    "{} is rated level 3 or higher without evidence; add the evidence that supports the level",
                    finding.indicator
                ),
                FindingKind::MissingReason => format!(
                    "{} is marked not applicable without a reason; say why it does not apply",
                    finding.indicator
                ),
                FindingKind::Unanswered if submitted(assessment) => format!(
                    "{} is unanswered although the assessment is {:?}; answer it or mark it not applicable",
                    finding.indicator, assessment.status
                ),
                _ => continue,
            };
            let (line, column) =
                store::locate(&text, &format!("\"{}\"", finding.indicator)).unwrap_or((1, 1));
            problems.push(Problem {
                file: file.clone(),
                line,
                column,
                severity: Severity::Warning,
                message,
            });
        }
    }
    problems
}

fn submitted(assessment: &Assessment) -> bool {
    matches!(assessment.status, Status::Submitted | Status::Approved)
}

pub fn validate(dir: &Path, deny_warnings: bool) -> u8 {
    let loaded = match load(dir) {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    let mut problems = loaded.problems.clone();
    problems.extend(finding_problems(&loaded));
    problems.sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
    for problem in &problems {
        output::line(problem);
    }
    let errors = problems.iter().filter(|p| p.severity == Severity::Error).count();
    let warnings = problems.len() - errors;
    eprintln!(
        "{}: {} departments, {} assessments loaded; {errors} errors, {warnings} warnings",
        dir.display(),
        loaded.data.workspace.departments.len(),
        loaded.data.assessments.len()
    );
    if errors > 0 || (deny_warnings && warnings > 0) {
        EXIT_PROBLEMS
    } else {
        EXIT_OK
    }
}

pub fn summary(dir: &Path, period: Option<NaiveDate>, format: SummaryFormat, basis: Basis, lang: Lang) -> u8 {
    let loaded = match load(dir) {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    let data = &loaded.data;
    let summary = analysis::summarize_on(data, period, basis);
    let output = match format {
        SummaryFormat::Json => summary_json(&loaded, &summary).to_string() + "\n",
        SummaryFormat::Csv => summary_csv(&loaded, &summary, lang),
        SummaryFormat::Table => summary_table(&loaded, &summary, lang),
    };
    output::text(&output);
    if has_errors(&loaded.problems) {
        eprintln!(
            "note: {} problems while loading; these figures leave out what failed to load. Run `govmaturity validate {}`.",
            loaded.problems.len(),
            dir.display()
        );
        return EXIT_PROBLEMS;
    }
    EXIT_OK
}

fn summary_json(loaded: &LoadedWorkspace, summary: &analysis::Summary) -> Value {
    let data = &loaded.data;
    let departments: Vec<Value> = summary
        .departments
        .iter()
        .map(|row| {
            let name = data
                .workspace
                .department(&row.department)
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
            json!({
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
            })
        })
        .collect();
    json!({
        "workspace": data.workspace.title.get(Lang::En),
        "basis": summary.basis.code(),
        "period": summary.period.map(|p| p.to_string()),
        "departments": departments,
    })
}

/// The lines above the summary table: the basis, the overall figure and
/// what the counts are made of.
fn headline(data: &crate::model::Dataset, summary: &analysis::Summary, lang: Lang) -> String {
    let s = summary;
    let mut out = match lang {
        Lang::En => format!("basis: {}\n", s.basis.label().get(lang)),
        Lang::Zh => format!("口径：{}\n", s.basis.label().get(lang)),
    };
    if let (Some(mean), Some(stage)) = (s.mean_level, s.stage) {
        let stage = data.framework.level_name(stage, lang);
        let counted = match (lang, s.basis) {
            (Lang::En, Basis::Latest) => format!(
                "{} assessed: {} approved, {} provisional",
                s.assessed, s.approved, s.provisional
            ),
            (Lang::Zh, Basis::Latest) => format!(
                "已评估 {} 个部门：已批准 {} 个，暂定 {} 个",
                s.assessed, s.approved, s.provisional
            ),
            (Lang::En, Basis::Approved) => format!("{} assessed, all approved", s.assessed),
            (Lang::Zh, Basis::Approved) => format!("已评估 {} 个部门，均为已批准的评估", s.assessed),
        };
        out.push_str(&match lang {
            Lang::En => format!(
                "overall {mean:.2} ({stage}); {counted}; {} at this period, {} carried over from earlier\n",
                s.at_period, s.carried_over
            ),
            Lang::Zh => format!(
                "总体 {mean:.2}（{stage}）；{counted}；本期评估 {} 个，沿用往期 {} 个\n",
                s.at_period, s.carried_over
            ),
        });
    }
    if s.pending > 0 && s.basis == Basis::Approved {
        out.push_str(&match lang {
            Lang::En => format!(
                "{} departments have newer work not yet approved, not counted here\n",
                s.pending
            ),
            Lang::Zh => format!("另有 {} 个部门的较新评估尚未批准，未计入\n", s.pending),
        });
    }
    for row in &s.departments {
        let Some(file) = &row.unreadable else { continue };
        let name = data
            .workspace
            .department(&row.department)
            .map_or(row.department.as_str(), |d| d.name.get(lang));
        out.push_str(&match lang {
            Lang::En => format!(
                "warning: {name}: latest assessment could not be read: {}; run `govmaturity validate` to see why\n",
                file.display()
            ),
            Lang::Zh => format!(
                "警告：{name}：最新评估无法读取：{}；请运行 `govmaturity validate` 查看原因\n",
                file.display()
            ),
        });
    }
    out
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
        .map(|flag| match (flag, row.assessed_on(), &row.unreadable) {
            (analysis::Flag::CarriedOver, Some(date), _) => match lang {
                Lang::En => format!("carried over from {date}"),
                Lang::Zh => format!("沿用{}的评估", date.format("%Y年%-m月%-d日")),
            },
            (flag, _, _) => flag.label().get(lang).to_owned(),
        })
        .collect::<Vec<_>>()
        .join(match lang {
            Lang::En => "; ",
            Lang::Zh => "；",
        })
}

fn summary_csv(loaded: &LoadedWorkspace, summary: &analysis::Summary, lang: Lang) -> String {
    let data = &loaded.data;
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
        let name = data
            .workspace
            .department(&row.department)
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
    let mut header: Vec<String> = ["department", "period", "status", "overall", "stage", "coverage"]
        .map(String::from)
        .to_vec();
    header.extend(data.framework.dimensions.iter().map(|d| d.id.clone()));
    header.push("note".to_owned());
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
    let level = |value: Option<f64>| value.map_or_else(|| "–".to_owned(), |v| format!("{v:.2}"));
    let rows: Vec<Vec<String>> = summary
        .departments
        .iter()
        .map(|row| {
            let current = row.current.as_ref();
            let name = data
                .workspace
                .department(&row.department)
                .map_or(row.department.as_str(), |d| d.name.get(lang));
            let mut cells = vec![
                name.to_owned(),
                current.map_or_else(|| "–".to_owned(), |c| c.period.to_string()),
                current.map_or_else(|| "–".to_owned(), |c| c.status.label().get(lang).to_owned()),
                level(current.and_then(|c| c.mean_level)),
                current
                    .and_then(|c| c.stage)
                    .map_or_else(|| "–".to_owned(), |s| data.framework.level_name(s, lang)),
                current.map_or_else(|| "–".to_owned(), |c| format!("{:.0}%", c.coverage * 100.0)),
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
            || match lang {
                Lang::En => "no assessments".to_owned(),
                Lang::Zh => "暂无评估".to_owned(),
            },
            |p| match lang {
                Lang::En => format!("as of {p}"),
                Lang::Zh => format!("截至{}", p.format("%Y年%-m月%-d日")),
            }
        )
    );
    out.push_str(&headline(data, summary, lang));
    out.push('\n');
    out.push_str(&render(&header, &rows, &align, 36));
    out
}

/// Writes a report. Exit 2 before loading anything when the output path
/// cannot work; exit 1 when the report was written but files failed to load.
pub fn report(
    dir: &Path,
    format: Option<ReportFormat>,
    out: &Path,
    period: Option<NaiveDate>,
    department: Option<String>,
    basis: Basis,
    lang: Lang,
) -> u8 {
    let Some(format) = format.map(Format::from).or_else(|| {
        out.extension()
            .and_then(|e| e.to_str())
            .and_then(Format::from_extension)
    }) else {
        eprintln!(
            "error: cannot tell the report format from {}; add --format html, pdf, xlsx or csv, or end the file name in one of those",
            out.display()
        );
        return EXIT_USAGE;
    };
    if let Err(message) = check_out_path(out) {
        eprintln!("error: {message}");
        return EXIT_USAGE;
    }
    let loaded = match load(dir) {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    let options = ReportOptions {
        format,
        period,
        department,
        basis,
        lang,
        generated: Local::now().date_naive(),
    };
    if let Err(e) = report::write(&loaded, &options, out) {
        eprintln!("error: {e}");
        return EXIT_USAGE;
    }
    output::line(format_args!("wrote {}", out.display()));
    if has_errors(&loaded.problems) {
        eprintln!(
            "note: {} problems while loading; the report leaves out what failed to load and lists the problems in its appendix. \
             Run `govmaturity validate {}`.",
            loaded.problems.len(),
            dir.display()
        );
        return EXIT_PROBLEMS;
    }
    EXIT_OK
}

/// Says why a report cannot be written to `out`, before any work is done:
/// it is a folder, or the folder it would go in does not exist.
fn check_out_path(out: &Path) -> Result<(), String> {
    if out.is_dir() {
        return Err(format!(
            "cannot write the report to {}: it is a folder; give a file name, e.g. {}",
            out.display(),
            out.join("report.html").display()
        ));
    }
    let folder = match out.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    if folder.exists() && !folder.is_dir() {
        return Err(format!(
            "cannot write the report to {}: {} is a file, not a folder; choose another --out",
            out.display(),
            folder.display()
        ));
    }
    if !folder.is_dir() {
        return Err(format!(
            "cannot write the report to {}: the folder {} does not exist; create it first or choose another --out",
            out.display(),
            folder.display()
        ));
    }
    Ok(())
}

pub fn new_period(dir: &Path, period: NaiveDate, user: &str) -> u8 {
    let loaded = match load(dir) {
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
                eprintln!(
                    "kept: {}/{period}.ron exists already and was left as it is",
                    department.id
                );
            }
            Err(e) => {
                failed += 1;
                eprintln!("error: {e}");
            }
        }
    }
    output::line(format_args!(
        "{period}: {created} drafts created, {kept} existing assessments left untouched"
    ));
    if failed > 0 {
        return EXIT_USAGE;
    }
    if has_errors(&loaded.problems) {
        eprintln!(
            "note: {} problems while loading; a department whose files failed to load was drafted from what did load. \
             Run `govmaturity validate {}`.",
            loaded.problems.len(),
            dir.display()
        );
        return EXIT_PROBLEMS;
    }
    EXIT_OK
}

pub fn generate(
    dir: &Path,
    departments: usize,
    periods: usize,
    seed: u64,
    last_period: NaiveDate,
    sample: bool,
) -> u8 {
    if dir.join(store::WORKSPACE_FILE).exists() {
        eprintln!(
            "error: {} already holds a workspace; generate writes only into a new or empty folder, so choose another",
            dir.display()
        );
        return EXIT_USAGE;
    }
    let framework = match store::builtin_framework() {
        Ok(framework) => framework,
        Err(problem) => {
            eprintln!("error: the built-in framework does not load: {problem}");
            return EXIT_USAGE;
        }
    };
    let started = Instant::now();
    let (workspace, assessments) = if sample {
        generate::sample(&framework)
    } else {
        let options = SyntheticOptions {
            departments,
            periods,
            seed,
            last_period,
        };
        generate::synthetic(&framework, options)
    };
    if let Err(e) = std::fs::create_dir_all(dir) {
        eprintln!(
            "error: cannot create {}: {e}; check the path and its permissions",
            dir.display()
        );
        return EXIT_USAGE;
    }
    if let Err(e) = store::save_workspace(dir, &workspace, None) {
        eprintln!("error: {e}");
        return EXIT_USAGE;
    }
    for assessment in &assessments {
        if let Err(e) = store::create_assessment(dir, assessment) {
            eprintln!("error: {e}");
            return EXIT_USAGE;
        }
    }
    output::line(format_args!(
        "wrote {} departments and {} assessments to {} in {} ms",
        workspace.departments.len(),
        assessments.len(),
        dir.display(),
        started.elapsed().as_millis()
    ));
    EXIT_OK
}
