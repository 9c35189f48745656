//! Entry points for the fuzz targets in `fuzz/` and for the tests that
//! replay what they found; not part of the program's interface.
//!
//! Each loader entry reads one file's text the way `validate` does: parse
//! (any format version), then the checks loading runs against the rest of a
//! small fixed workspace, then the scoring findings `validate` adds, and
//! finally every problem said in both languages. [`reports`] puts arbitrary
//! text into a small workspace and prints the HTML and CSV reports (and the
//! PDF when asked: it is slow).

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use chrono::NaiveDate;
use serde::de::DeserializeOwned;

use crate::analysis::{self, Basis, FindingKind};
use crate::generate;
use crate::model::{
    Assessment, Dataset, Framework, Lang, PLAN_FILE, PlanFile, Rating, Status, Text, Workspace,
};
use crate::present::catalogue::problems as problem_text;
use crate::report::{self, CsvTable, Format, ReportOptions};
use crate::store::{
    self, AssessmentContext, FRAMEWORK_FILE, FileKind, LoadedWorkspace, ParsedPlan, Position, Problem,
    ProblemCode, WORKSPACE_FILE,
};

/// Where the quick reader and the RON parser read `text` differently:
/// whenever the quick reader takes a file (see `store::quick_ron`), RON must
/// read the same value from it. `None` when they agree or the quick reader
/// gives up. For the fuzz targets, which fail on a disagreement.
pub fn quick_disagrees(kind: FileKind, text: &str) -> Option<String> {
    fn compare<T: DeserializeOwned + PartialEq + std::fmt::Debug>(text: &str) -> Option<String> {
        let quick: T = store::quick_from_str(text)?;
        match ron::Options::default().from_str::<T>(text) {
            Ok(value) if value == quick => None,
            other => Some(format!("quick reader: {quick:?}\nRON: {other:?}")),
        }
    }
    match kind {
        FileKind::Workspace => compare::<Workspace>(text),
        FileKind::Framework => compare::<Framework>(text),
        FileKind::Assessment => compare::<Assessment>(text),
        FileKind::Plan => compare::<PlanFile>(text),
    }
}

/// The department whose folder a fuzzed plan sits in.
const DEPARTMENT: &str = "health-commission";

/// The sample workspace with the built-in framework, and its assessments.
fn sample() -> &'static Option<(Dataset, Vec<Assessment>)> {
    static SAMPLE: OnceLock<Option<(Dataset, Vec<Assessment>)>> = OnceLock::new();
    SAMPLE.get_or_init(|| {
        let framework = store::builtin_framework().ok()?;
        let (workspace, assessments) = generate::sample(&framework);
        Some((Dataset::new(workspace, framework, Vec::new()), assessments))
    })
}

/// Says every problem in both languages, as `validate` prints them, and
/// returns them.
fn said(problems: Vec<Problem>) -> Vec<Problem> {
    for problem in &problems {
        for lang in [Lang::En, Lang::Zh] {
            std::hint::black_box(problem_text::line(problem, lang));
        }
    }
    problems
}

/// `workspace.ron`: parsed, then checked against the built-in framework.
pub fn workspace(text: &str) -> Vec<Problem> {
    let file = Path::new(WORKSPACE_FILE);
    let (workspace, _) = match store::parse_workspace(text, file) {
        Ok(parsed) => parsed,
        Err(problem) => return said(vec![problem]),
    };
    let framework = sample().as_ref().map(|(data, _)| &data.framework);
    said(store::check_workspace(&workspace, framework, text, file))
}

/// `framework.ron`: parsed and checked; a framework that parses is used
/// even with problems (as loading does), so the sample assessments are then
/// checked and summarised against it.
pub fn framework(text: &str) -> Vec<Problem> {
    let file = Path::new(FRAMEWORK_FILE);
    let (framework, _) = match store::parse_framework(text, file) {
        Ok(parsed) => parsed,
        Err(problem) => return said(vec![problem]),
    };
    let mut problems = store::check_framework(&framework, text, file);
    if let Some((data, assessments)) = sample() {
        let mut data = Dataset::new(data.workspace.clone(), framework, Vec::new());
        problems.extend(store::check_workspace(
            &data.workspace,
            Some(&data.framework),
            "",
            file,
        ));
        // Three departments' assessments: enough to reach the scoring paths,
        // few enough to keep thousands of runs a second.
        data.assessments = assessments.iter().step_by(16).cloned().collect();
        for assessment in &data.assessments {
            problems.extend(findings(&data, assessment, ""));
        }
        std::hint::black_box(analysis::summarize(&data, None));
    }
    said(problems)
}

/// An assessment file: parsed, then checked as if it sat in its own
/// department's folder under its own period (falling back to a fixed place
/// when those are not a folder name and a date), with the findings.
pub fn assessment(text: &str) -> Vec<Problem> {
    let (assessment, _) = match store::parse_assessment(text, Path::new("x/2025-06-30.ron")) {
        Ok(parsed) => parsed,
        Err(problem) => return said(vec![problem]),
    };
    let file = PathBuf::from(&assessment.department).join(format!("{}.ron", assessment.period));
    let Some((data, _)) = sample() else {
        return Vec::new();
    };
    let context = AssessmentContext::new(data, true);
    let (mut problems, keep) = store::check_assessment(
        &assessment,
        &assessment.department,
        assessment.period,
        text,
        &file,
        &context,
    );
    if keep {
        problems.extend(findings(data, &assessment, text));
    }
    // And in a folder that is not its own.
    let period = NaiveDate::from_ymd_opt(2025, 6, 30).unwrap_or_default();
    let elsewhere = Path::new(DEPARTMENT).join("2025-06-30.ron");
    let (others, _) = store::check_assessment(&assessment, DEPARTMENT, period, text, &elsewhere, &context);
    problems.extend(others);
    said(problems)
}

/// A plan file: parsed, then checked as the government-wide plan and as a
/// department's.
pub fn plan(text: &str) -> Vec<Problem> {
    let root = PathBuf::from(PLAN_FILE);
    let (plan, _) = match store::parse_plan(text, &root) {
        Ok(parsed) => parsed,
        Err(problem) => return said(vec![problem]),
    };
    let Some((data, _)) = sample() else {
        return Vec::new();
    };
    let mut problems = Vec::new();
    for (relative, folder) in [
        (root, None),
        (Path::new(DEPARTMENT).join(PLAN_FILE), Some(DEPARTMENT.to_owned())),
    ] {
        let parsed = [ParsedPlan {
            relative,
            folder,
            text: text.to_owned(),
            plan: plan.clone(),
        }];
        let checked = store::check_plans(&parsed, &data.workspace, Some(&data.framework));
        problems.extend(checked.problems);
    }
    said(problems)
}

/// What `validate` adds for an assessment: the scoring findings, each at
/// the indicator's place in `text` (see `cli::commands::finding_problems`).
fn findings(data: &Dataset, assessment: &Assessment, text: &str) -> Vec<Problem> {
    let submitted = matches!(assessment.status, Status::Submitted | Status::Approved);
    analysis::findings(data, assessment)
        .into_iter()
        .filter_map(|finding| {
            let indicator = finding.indicator.clone();
            let code = match finding.kind {
                FindingKind::MissingEvidence => ProblemCode::MissingEvidence { indicator },
                FindingKind::MissingReason => ProblemCode::MissingReason { indicator },
                FindingKind::Unanswered if submitted => ProblemCode::Unanswered {
                    indicator,
                    status: assessment.status,
                },
                _ => return None,
            };
            let (line, column) = store::locate(text, &format!("\"{}\"", finding.indicator)).unwrap_or((1, 1));
            Some(Problem::warning(
                Path::new("x.ron"),
                Position { line, column },
                code,
            ))
        })
        .collect()
}

/// Arbitrary text in a small workspace: `texts` (cycled) become the title,
/// the departments' names, ids' display, evidence, comments and reasons
/// of two departments' newest assessments. Returns the HTML report and the
/// CSV answers; prints the PDF too when `pdf` is set.
pub fn reports(texts: &[&str], pdf: bool) -> Option<(String, String)> {
    let (sample_data, assessments) = sample().as_ref()?;
    let mut text = texts.iter().copied().cycle();
    let mut next = || text.next().unwrap_or_default().to_owned();
    let mut workspace = sample_data.workspace.clone();
    workspace.departments.truncate(3);
    workspace.title = Text::new(next(), next());
    let ids: Vec<String> = workspace.departments.iter().map(|d| d.id.clone()).collect();
    for department in &mut workspace.departments {
        department.name = Text::new(next(), next());
    }
    let mut data = Dataset::new(workspace, sample_data.framework.clone(), Vec::new());
    data.assessments = assessments
        .iter()
        .filter(|a| ids.contains(&a.department))
        .cloned()
        .collect();
    for assessment in &mut data.assessments {
        assessment.assessor = next();
        for answer in assessment.answers.values_mut() {
            answer.evidence = next();
            answer.comment = next();
            if let Rating::NotApplicable { reason } = &mut answer.rating {
                *reason = next();
            }
        }
    }
    data.sort_assessments();
    let loaded = LoadedWorkspace {
        root: PathBuf::from("fuzz"),
        data,
        problems: Vec::new(),
        files: Default::default(),
        restorable: Default::default(),
    };
    let options = |format, lang| ReportOptions {
        format,
        period: None,
        department: None,
        basis: Basis::Latest,
        lang,
        generated: NaiveDate::from_ymd_opt(2026, 2, 1).unwrap_or_default(),
        kind: Default::default(),
        style: Default::default(),
        split: false,
    };
    let html = report::render(&loaded, &options(Format::Html, Lang::En)).ok()?;
    let csv = report::render_csv(&loaded, &options(Format::Csv, Lang::Zh), CsvTable::Answers).ok()?;
    if pdf {
        std::hint::black_box(report::render(&loaded, &options(Format::Pdf, Lang::Zh)).ok()?);
    }
    Some((String::from_utf8(html).ok()?, String::from_utf8(csv).ok()?))
}
