//! What a report shows, computed once from the analysis and shared by every
//! report writer (HTML, PDF, XLSX, CSV): plain data with public fields, every
//! name already resolved into the report's language, and no formatting for
//! any one output. [`super::build`] turns it into the document HTML and PDF
//! print; XLSX and CSV read the same figures, so the formats cannot disagree.
//!
//! [`build`] takes the loaded workspace and the [`ReportOptions`]. With
//! `options.department` set the report covers that department only: the
//! government-wide figures become that department's, the ranking keeps only
//! its own row (with its rank among all departments), and data problems are
//! limited to its own files and the workspace-wide ones.
//!
//! Every figure says what it counts, once, here: [`basis_lines`] for the
//! cover (the basis, as of when, approved and provisional, carried over,
//! newer work not counted, unreadable files) and [`flag_notes`] for each
//! department ("provisional", "carried over from …", "latest assessment
//! could not be read: …"), which every format prints beside its figures.
//!
//! Numbers are kept unrounded; `present::format` writes them, and the
//! sentences are the catalogue's (`catalogue::report`).

mod labels;
mod narrative;

pub use narrative::conclusions;

use std::sync::Arc;

use chrono::NaiveDate;

pub use labels::Labels;

pub use super::plan::PlanFigures;

use super::names::Names;

use crate::analysis::{self, AssessmentScore, Basis, DepartmentSummary, Flag, GroupPoint, Summary};
use crate::model::{Assessment, Confidence, Dataset, Framework, Lang, Level, Rating, Status, Text};
use crate::present::catalogue::{self, report as say};
use crate::present::format;
use crate::store::{LoadedWorkspace, Severity};

/// The report formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    Html,
    Pdf,
    Xlsx,
    Csv,
    /// An editable Word document (Office Open XML).
    Docx,
}

impl Format {
    pub const ALL: [Format; 5] = [Format::Html, Format::Pdf, Format::Docx, Format::Xlsx, Format::Csv];

    /// The file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Html => "html",
            Format::Pdf => "pdf",
            Format::Xlsx => "xlsx",
            Format::Csv => "csv",
            Format::Docx => "docx",
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
    /// Brief, full or one department's report (see [`ReportOptions::effective_kind`]).
    pub kind: ReportKind,
    /// Plain (the default) or the official document style (GB/T 9704-2012).
    pub style: ReportStyle,
    /// The full report leaves out the per-department pages because they are
    /// written as one file per department beside it (`report --split DIR`).
    pub split: bool,
}

impl ReportOptions {
    /// The kind of report actually made: a full report with a department
    /// set is that department's report.
    pub fn effective_kind(&self) -> ReportKind {
        match (self.kind, &self.department) {
            (ReportKind::Full, Some(_)) => ReportKind::Department,
            (kind, _) => kind,
        }
    }
}

/// Which report: what leadership reads, the whole record, or one department's.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum ReportKind {
    /// At most four A4 pages at any workspace size: conclusions, problems,
    /// measures and targets.
    Brief,
    /// Every figure: the body grouped by parent, complete tables and the
    /// department pages in annexes.
    #[default]
    Full,
    /// One department only (`ReportOptions::department`), with no
    /// whole-government sections.
    Department,
}

/// How a report looks on paper.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum ReportStyle {
    /// A plain professional style.
    #[default]
    Plain,
    /// The official document style of GB/T 9704-2012 (red issuing-office
    /// header, document number, 仿宋 body at 16 pt, "— 1 —" page numbers,
    /// sign-off block). Meant for Chinese; an English report keeps the
    /// structure in a plain typeface.
    Official,
}

/// How many rows the "top priorities" table holds.
pub const TOP_PRIORITIES: usize = 10;

/// Everything a report shows.
#[derive(Clone, Debug)]
pub struct ReportContent {
    pub options: ReportOptions,
    /// `options.lang`, for short.
    pub lang: Lang,
    /// Headings and labels in `lang`.
    pub labels: &'static Labels,
    /// The workspace title, both languages (use `title.get(lang)`).
    pub title: Text,
    /// `Some(id, name)` for a one-department report.
    pub scope: Option<(String, String)>,
    /// The as-of date: per department, its latest assessment on or before it.
    /// `None` only when the workspace has no assessment at all.
    pub period: Option<NaiveDate>,
    pub generated: NaiveDate,
    /// The framework, for the rubric and anything not resolved below.
    pub framework: Framework,
    /// Dimensions in framework order, names resolved.
    pub dimensions: Vec<DimensionHead>,
    /// Levels 1–5, names resolved.
    pub levels: Vec<LevelHead>,
    /// The analysis summary for the scope (the same figures as `govmaturity summary`).
    pub summary: Summary,
    /// What the figures count, in `lang`, for the cover: the basis, the
    /// as-of date with how many are approved and provisional, assessed at
    /// the period and carried over, newer work not counted, and every
    /// department whose latest file could not be read (see [`basis_lines`]).
    pub basis_lines: Vec<String>,
    /// One row per department in scope, workspace order: the heatmap rows.
    pub heatmap: Vec<DepartmentFigures>,
    /// Departments with a mean level, best first, then those without.
    pub ranking: Vec<RankRow>,
    /// Per dimension, across the departments in scope.
    pub dimension_overview: Vec<DimensionOverview>,
    /// The most urgent indicator shortfalls, at most [`TOP_PRIORITIES`].
    pub priorities: Vec<PriorityRow>,
    /// A one-department report's every indicator shortfall, most urgent
    /// first (`priorities` is its head); the same as `priorities` otherwise.
    pub priorities_all: Vec<PriorityRow>,
    /// How many indicator shortfalls there are in scope (the full report
    /// shows the first [`TOP_PRIORITIES`] and says how many more).
    pub priorities_total: usize,
    /// The departments in scope grouped by parent unit, with a roll-up per
    /// group (see [`super::groups`]); empty for one department and when no
    /// department has a parent unit.
    pub groups: Vec<super::groups::Group>,
    /// Departments with both a current and a previous assessment.
    pub progress: Vec<ProgressRow>,
    /// The mean level of the departments in scope at every period up to `period`.
    pub history: Vec<GroupPoint>,
    /// Level lines over time, up to `period`: for the whole government each
    /// department's overall mean level (workspace order); for one department
    /// its overall level, then each dimension's (framework order).
    pub level_trends: Vec<LevelTrend>,
    /// The effective weight of every dimension and indicator (the workspace's
    /// override, else the framework's), by id.
    pub weights: std::collections::BTreeMap<String, f64>,
    /// The executive summary: paragraphs in `lang`, generated from the figures.
    pub narrative: Vec<String>,
    /// One section per department in scope, workspace order.
    pub sections: Vec<DepartmentSection>,
    /// The improvement plan as of `generated`: the actions in scope (a
    /// department's own and the government-wide ones that include it, for
    /// a one-department report), the shortfalls shared across departments,
    /// the gaps no open action covers, and the targets.
    pub plan: PlanFigures,
    /// The issuing office and sign-off names for the official style
    /// (`workspace.ron`'s `report`).
    pub settings: crate::model::ReportSettings,
    pub appendix: Appendix,
    pub approval: Approval,
    /// How far the assessors agree, pooled over the departments in scope
    /// with several assessors; `None` when no department has several.
    pub agreement: Option<super::agreement::RollupFigures>,
}

/// One level line over time.
#[derive(Clone, Debug, PartialEq)]
pub struct LevelTrend {
    /// The department's id (whole government) or the dimension's id (one
    /// department); `None` for the department's own overall level.
    pub id: Option<String>,
    /// The department's or dimension's name in `lang`; empty for the overall level.
    pub name: String,
    /// `(period, mean level)`, oldest first; periods without a score left out.
    pub points: Vec<(NaiveDate, f64)>,
}

/// A dimension's id and names.
#[derive(Clone, Debug, PartialEq)]
pub struct DimensionHead {
    pub id: String,
    pub name: String,
    pub description: String,
}

/// A level's number, name and one-line meaning.
#[derive(Clone, Debug, PartialEq)]
pub struct LevelHead {
    pub level: Level,
    pub name: String,
    pub summary: String,
}

/// One department's headline figures and one cell per dimension.
#[derive(Clone, Debug, PartialEq)]
pub struct DepartmentFigures {
    pub id: String,
    pub name: String,
    /// The period of its current assessment.
    pub period: Option<NaiveDate>,
    pub status: Option<Status>,
    /// `status` in `lang`; empty without an assessment.
    pub status_label: String,
    pub mean_level: Option<f64>,
    pub stage: Option<Level>,
    /// The stage's name in `lang`; empty without a stage.
    pub stage_name: String,
    /// Answered / applicable, 0–1; `None` without an assessment.
    pub coverage: Option<f64>,
    /// Change of the mean level since the previous assessment.
    pub change: Option<f64>,
    /// In framework order; empty without an assessment.
    pub dimensions: Vec<DimensionFigures>,
    /// Any dimension short of its target.
    pub below_target: bool,
    /// What the figure must be read with, in order: provisional, carried
    /// over, latest file unreadable (see [`Flag`]).
    pub flags: Vec<Flag>,
    /// The newest assessment file that could not be read, relative to the
    /// workspace, when it is newer than the one used.
    pub unreadable: Option<String>,
    /// Newer work not counted on the approved basis: its date and status.
    pub pending: Option<(NaiveDate, Status)>,
    /// The weighted mean of the dimension targets.
    pub overall_target: Option<f64>,
    /// Every dimension with a target has reached it; `None` without targets
    /// or without an assessment.
    pub on_target: Option<bool>,
    /// The same in words, as the app says it ("No: 2 of 6 dimensions below
    /// target", see [`super::department::target_verdict`]).
    pub on_target_text: Option<String>,
    /// The flags and the pending work in words, in `lang` (see [`flag_notes`]):
    /// printed beside the department's figures wherever they appear.
    pub notes: Vec<String>,
}

impl DepartmentFigures {
    /// Not approved: the figure may still change.
    pub fn is_provisional(&self) -> bool {
        self.flags.contains(&Flag::Provisional)
    }
}

/// One dimension of one department.
#[derive(Clone, Debug, PartialEq)]
pub struct DimensionFigures {
    pub id: String,
    pub name: String,
    pub mean_level: Option<f64>,
    /// The lowest answered level (the weakest link).
    pub floor: Option<Level>,
    /// The indicator holding the floor, name resolved.
    pub floor_indicator: Option<String>,
    pub target: Option<Level>,
    /// Positive shortfall against target (0 when reached).
    pub gap: Option<f64>,
    pub priority: Option<f64>,
    /// Change of the mean level since the previous assessment.
    pub change: Option<f64>,
    pub imbalanced: bool,
    pub answered: usize,
    pub applicable: usize,
    /// Answered / applicable, 0–1; `None` when nothing applies.
    pub coverage: Option<f64>,
}

/// A row of the ranking.
#[derive(Clone, Debug, PartialEq)]
pub struct RankRow {
    /// 1-based, among all active departments; `None` without a mean level.
    /// Departments whose mean levels round to the same two decimals share a rank.
    pub rank: Option<usize>,
    /// How many departments were ranked.
    pub of: usize,
    /// Another department shares the rank ("joint 8th").
    pub tied: bool,
    pub id: String,
    pub name: String,
    pub mean_level: Option<f64>,
    pub stage: Option<Level>,
    pub stage_name: String,
    pub change: Option<f64>,
    pub coverage: Option<f64>,
    /// The figure is not approved.
    pub provisional: bool,
    /// The department's flags in words (see [`flag_notes`]).
    pub notes: Vec<String>,
}

/// One dimension across the departments in scope.
#[derive(Clone, Debug, PartialEq)]
pub struct DimensionOverview {
    pub id: String,
    pub name: String,
    /// Mean of the departments' mean levels for the dimension.
    pub mean_level: Option<f64>,
    pub min: Option<f64>,
    pub max: Option<f64>,
    /// Mean of the departments' changes since their previous assessment.
    pub change: Option<f64>,
    /// Departments short of their target in this dimension.
    pub below_target: usize,
    /// Departments where this dimension is imbalanced.
    pub imbalanced: usize,
    /// The target the radar compares with: the one set for every department
    /// (whole government) or the department's own (one department).
    pub target: Option<Level>,
}

/// A shortfall against target, with what to do next.
#[derive(Clone, Debug, PartialEq)]
pub struct PriorityRow {
    pub department: String,
    pub department_name: String,
    pub dimension: String,
    pub dimension_name: String,
    pub indicator: String,
    pub indicator_name: String,
    pub current: Level,
    pub target: Level,
    pub gap: f64,
    pub priority: f64,
    /// The level above `current`.
    pub next_level: Level,
    /// The framework's descriptor of `next_level` for this indicator.
    pub next_rubric: String,
    /// The department's figure is not approved.
    pub provisional: bool,
    /// The department's flags in words (see [`flag_notes`]).
    pub notes: Vec<String>,
}

/// One department's change since its previous assessment.
#[derive(Clone, Debug, PartialEq)]
pub struct ProgressRow {
    pub id: String,
    pub name: String,
    pub previous_period: NaiveDate,
    pub current_period: NaiveDate,
    pub previous_level: Option<f64>,
    pub current_level: Option<f64>,
    pub change: Option<f64>,
    /// In framework order.
    pub dimension_changes: Vec<Option<f64>>,
    /// The current figure is not approved.
    pub provisional: bool,
    /// The department's flags in words (see [`flag_notes`]).
    pub notes: Vec<String>,
}

/// Everything shown for one department.
#[derive(Clone, Debug)]
pub struct DepartmentSection {
    pub figures: DepartmentFigures,
    /// The department kind in `lang` (Bureau, Commission …).
    pub kind: String,
    /// The parent department's name, for a hierarchy.
    pub parent: Option<String>,
    /// The current and previous assessments' dates and levels per
    /// dimension, for the department's profile.
    pub current: Option<ProfilePoint>,
    pub previous: Option<ProfilePoint>,
    pub assessor: String,
    pub reviewer: String,
    pub review_comment: String,
    /// When the current assessment was last approved (from its audit log).
    pub approved_on: Option<NaiveDate>,
    /// Every indicator in framework order; empty without an assessment.
    pub answers: Vec<AnswerRow>,
    /// How far the assessors of the current assessment agree, when it has
    /// several.
    pub agreement: Option<super::agreement::AgreementFigures>,
}

/// An assessment's date and its mean level per dimension (framework order).
#[derive(Clone, Debug, PartialEq)]
pub struct ProfilePoint {
    pub period: NaiveDate,
    pub levels: Vec<Option<f64>>,
}

impl ProfilePoint {
    fn of(framework: &Framework, score: &AssessmentScore) -> ProfilePoint {
        ProfilePoint {
            period: score.period,
            levels: (framework.dimensions.iter())
                .map(|d| score.dimension(&d.id).and_then(|s| s.mean_level))
                .collect(),
        }
    }
}

/// One indicator's answer in the current assessment. The framework's words
/// in it (name, descriptors) are shared by every department's rows.
#[derive(Clone, Debug, PartialEq)]
pub struct AnswerRow {
    pub indicator: String,
    pub indicator_name: Arc<str>,
    pub dimension: String,
    pub level: Option<Level>,
    /// The level in the previous assessment.
    pub previous_level: Option<Level>,
    /// `Some(reason)` when marked not applicable.
    pub not_applicable: Option<String>,
    /// The framework's descriptor for `level`; empty without a level.
    pub rubric: Arc<str>,
    pub target: Option<Level>,
    /// The descriptor of the level above, when the target is not yet met.
    pub next_rubric: Option<Arc<str>>,
    pub evidence: String,
    pub links: Vec<String>,
    pub confidence: Option<Confidence>,
    /// `confidence` in `lang`; empty when not given.
    pub confidence_label: String,
    pub comment: String,
    /// Evidence carried over from an earlier period, not yet re-confirmed.
    pub reconfirm: bool,
}

/// The appendix: methodology, data problems and coverage (the rubric is
/// [`ReportContent::framework`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Appendix {
    /// One paragraph per figure, in `lang`.
    pub methodology: Vec<String>,
    /// Problems found while loading, limited to the scope.
    pub problems: Vec<ProblemRow>,
    /// Whether any of them is an error (figures leave out what failed to load).
    pub has_errors: bool,
    pub coverage: Vec<CoverageRow>,
    /// Answered / applicable over all current assessments in scope, 0–1.
    pub total_coverage: f64,
}

/// A problem found while loading the workspace.
#[derive(Clone, Debug, PartialEq)]
pub struct ProblemRow {
    /// Relative to the workspace folder.
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub error: bool,
    /// "Error" or "Warning" in `lang`.
    pub severity: String,
    pub message: String,
}

/// How complete one department's current assessment is.
#[derive(Clone, Debug, PartialEq)]
pub struct CoverageRow {
    pub id: String,
    pub name: String,
    pub period: Option<NaiveDate>,
    pub answered: usize,
    pub applicable: usize,
    pub coverage: Option<f64>,
}

/// The approval block at the end of the report.
#[derive(Clone, Debug, PartialEq)]
pub struct Approval {
    /// The reviewer who approved a one-department report's assessment; `None`
    /// for the whole-government report (signed by hand).
    pub reviewer: Option<String>,
    /// Who filled in a one-department report's assessment (whatever its
    /// status); `None` for the whole-government report.
    pub assessor: Option<String>,
    /// When that approval was recorded.
    pub date: Option<NaiveDate>,
    /// How many current assessments in scope are approved, and how many there are.
    pub approved: usize,
    pub assessed: usize,
}

impl ReportContent {
    /// The cover title in `lang` (whole-government or one department).
    pub fn report_title(&self) -> &'static str {
        if self.scope.is_some() {
            self.labels.department_report_title
        } else {
            self.labels.report_title
        }
    }

    /// The name of level `level` in `lang`.
    pub fn level_name(&self, level: Level) -> String {
        self.framework.level_name(level, self.lang)
    }

    /// A dimension's name in `lang`, or its id when unknown.
    pub fn dimension_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.dimensions
            .iter()
            .find(|d| d.id == id)
            .map_or(id, |d| d.name.as_str())
    }

    /// The stage line for the cover, e.g. "2 · Embryonic (Mean level 2.41)".
    pub fn stage_text(&self) -> String {
        match (self.summary.stage, self.summary.mean_level) {
            (Some(stage), Some(mean)) => say::stage_line(
                stage.get(),
                &self.level_name(stage),
                &format::level(Some(mean)),
                self.lang,
            ),
            _ => self.labels.no_data.to_owned(),
        }
    }
}

/// A figure and its provisional mark: "2.63 (provisional)" / "2.63（暂定）".
pub fn provisional_text(figure: &str, provisional: bool, lang: Lang) -> String {
    if provisional {
        say::tagged(figure, catalogue::flag(Flag::Provisional, lang), lang)
    } else {
        figure.to_owned()
    }
}

/// A department's flags and any newer work left uncounted, in words, in
/// flag order: "provisional", "carried over from 2025-06-30" /
/// "沿用2025年6月30日的评估", "latest assessment could not be read:
/// public-security/2025-12-31.ron", and on the approved basis "newer
/// assessment not yet approved, not counted (Draft, 2025-12-31)". Every
/// format prints these, so they say the same.
pub fn flag_notes(row: &DepartmentSummary, lang: Lang) -> Vec<String> {
    let mut notes: Vec<String> = row
        .flags
        .iter()
        .map(|&flag| match flag {
            Flag::Provisional => catalogue::flag(flag, lang).to_owned(),
            Flag::ChangedAfterApproval => catalogue::tamper::mark(lang),
            Flag::CarriedOver => say::carried_over_from(row.assessed_on(), lang),
            Flag::LatestUnreadable => say::latest_unreadable(row.unreadable.as_deref(), lang),
        })
        .collect();
    if let Some((date, status)) = row.pending {
        notes.push(say::newer_not_counted(
            catalogue::status(status, lang),
            date,
            lang,
        ));
    }
    notes
}

/// Notes joined for one table cell: "; " in English, "；" in Chinese.
pub fn notes_text(notes: &[String], lang: Lang) -> String {
    say::join_notes(notes, lang)
}

/// What the figures count, sentence by sentence, in `lang`: the basis; as
/// of when, how many approved and provisional; how many assessed at the
/// period and carried over from earlier; on the approved basis, how many
/// departments have newer work not counted; each department whose approved
/// assessment was changed after approval; and each department whose latest
/// file could not be read (`name` resolves its name).
pub fn basis_lines(summary: &Summary, lang: Lang, name: impl Fn(&str) -> String) -> Vec<String> {
    let mut lines = vec![say::basis_line(summary.basis, lang).to_owned()];
    if let Some(period) = summary.period {
        lines.push(say::as_of_line(summary, period, lang));
        lines.push(say::at_period_line(summary.at_period, summary.carried_over, lang));
    }
    if summary.pending > 0 {
        lines.push(say::pending_line(summary.pending, lang));
    }
    for row in summary
        .departments
        .iter()
        .filter(|d| d.has(Flag::ChangedAfterApproval))
    {
        lines.push(catalogue::tamper::department_line(&name(&row.department), lang));
    }
    for row in summary
        .departments
        .iter()
        .filter(|d| d.has(Flag::LatestUnreadable))
    {
        lines.push(say::unreadable_line(
            &name(&row.department),
            row.unreadable.as_deref(),
            lang,
        ));
    }
    lines
}

/// Computes everything a report shows. The caller has checked that
/// `options.department`, if set, names a department of the workspace.
pub fn build(loaded: &LoadedWorkspace, options: &ReportOptions) -> ReportContent {
    build_with(loaded, options, None)
}

/// The whole-government summary that every report of one workspace,
/// period and basis shares: computed once by [`whole_summary`] when many
/// one-department reports are made in a row (`report --split`).
pub fn whole_summary(loaded: &LoadedWorkspace, options: &ReportOptions) -> Summary {
    analysis::summarize_on(&loaded.data, options.period, options.basis)
}

/// [`build`], with the whole-government summary already computed (it must
/// be [`whole_summary`] of the same workspace, period and basis).
pub fn build_with(
    loaded: &LoadedWorkspace,
    options: &ReportOptions,
    whole: Option<&Summary>,
) -> ReportContent {
    let data = &loaded.data;
    let lang = options.lang;
    let scoped = scoped_dataset(data, options.department.as_deref());
    // Names by id, looked up once: the workspace's, and the scope's (a
    // one-department report names only its own department).
    let names = Names::new(data, lang);
    let scoped_names = Names::new(&scoped, lang);
    // The as-of date comes from the whole workspace, so a one-department
    // report and the whole-government one speak of the same period.
    let computed;
    let full = match whole {
        Some(full) => full,
        None => {
            computed = whole_summary(loaded, options);
            &computed
        }
    };
    let summary = if options.department.is_none() && summarizes_as_of(data, options, full) {
        std::borrow::Cow::Borrowed(full)
    } else {
        std::borrow::Cow::Owned(analysis::summarize_on(&scoped, full.period, options.basis))
    };
    // The plan scores on its own: on the other core, while the rest is made.
    std::thread::scope(|scope| {
        let plan = scope.spawn(|| plan_figures(data, &summary, options));
        let plan = || match plan.join() {
            Ok(plan) => plan,
            Err(panic) => std::panic::resume_unwind(panic),
        };
        build_rest(
            loaded,
            options,
            &scoped,
            (&names, &scoped_names),
            full,
            &summary,
            plan,
        )
    })
}

/// Whether `summarize_on(data, full.period)` is `full` itself: asked for a
/// period, or the latest one, which no assessment of any status postdates
/// (else the summary as of that date reads the work in progress only up
/// to it; see [`analysis::summarize_on`]).
fn summarizes_as_of(data: &Dataset, options: &ReportOptions, full: &Summary) -> bool {
    options.period.is_some() || full.period == data.assessments.iter().map(|a| a.period).max()
}

/// [`build_with`] once the summaries are made: everything but the plan.
fn build_rest(
    loaded: &LoadedWorkspace,
    options: &ReportOptions,
    scoped: &Dataset,
    (names, scoped_names): (&Names<'_>, &Names<'_>),
    full: &Summary,
    summary: &Summary,
    plan: impl FnOnce() -> PlanFigures,
) -> ReportContent {
    let data = &loaded.data;
    let lang = options.lang;
    let labels = Labels::for_lang(lang);
    let dimensions = dimension_heads(&data.framework, lang);
    let heatmap: Vec<DepartmentFigures> = summary
        .departments
        .iter()
        .map(|row| department_figures(scoped, scoped_names, row))
        .collect();
    let ranking = ranking(data, full, lang, options.department.as_deref());
    let mut basis_lines = basis_lines(summary, lang, |id| names.department(id));
    if options.department.is_some() {
        // One department: the basis alone, no "1 of 1 assessed"; its date,
        // status and newer work are among its own figures and notes.
        basis_lines.truncate(1);
    }
    let mut dimension_overview = dimension_overview(&dimensions, &heatmap);
    for overview in &mut dimension_overview {
        overview.target = common_target(data, &overview.id, options.department.as_deref());
    }
    let level_trends = level_trends(scoped, scoped_names, summary, options.department.as_deref());
    let weights = weights(data);
    let priorities_total = analysis::priorities(scoped, summary)
        .iter()
        .filter(|p| p.indicator.is_some())
        .count();
    let limit = match options.effective_kind() {
        ReportKind::Department => usize::MAX,
        _ => TOP_PRIORITIES,
    };
    let priorities_all = top_priorities(scoped, summary, lang, limit);
    let priorities = priorities_all.iter().take(TOP_PRIORITIES).cloned().collect();
    let groups = if options.department.is_some() {
        Vec::new()
    } else {
        super::groups::groups(&data.workspace, lang, &dimensions, &heatmap, &ranking)
    };
    let progress = progress(scoped_names, summary);
    let history = history(&level_trends, options.department.is_some());
    // A brief has no department pages, and a split full report writes them
    // to files of their own: neither computes them.
    let pages = match options.effective_kind() {
        ReportKind::Brief => false,
        ReportKind::Full => !options.split,
        ReportKind::Department => true,
    };
    let sections = if pages {
        let departments: std::collections::HashMap<&str, &crate::model::Department> = scoped
            .workspace
            .departments
            .iter()
            .map(|d| (d.id.as_str(), d))
            .collect();
        // A province's thousand pages are made on every core.
        let rows: Vec<_> = summary.departments.iter().zip(&heatmap).collect();
        let words = FrameworkWords::new(&scoped.framework, lang);
        crate::parallel::parallel_map(&rows, |(row, figures)| {
            let department = departments.get(row.department.as_str()).copied();
            department_section(scoped, scoped_names, &words, department, row, (*figures).clone())
        })
    } else {
        Vec::new()
    };
    let appendix = appendix(loaded, scoped_names, summary, options.department.as_deref());
    let approval = approval(scoped, summary, options.department.as_deref());
    let plan = plan();
    let scope = options
        .department
        .as_ref()
        .map(|id| (id.clone(), names.department(id)));

    let mut content = ReportContent {
        options: options.clone(),
        lang,
        labels,
        title: data.workspace.title.clone(),
        settings: data.workspace.report.clone(),
        scope,
        period: summary.period,
        generated: options.generated,
        framework: data.framework.clone(),
        dimensions,
        levels: level_heads(&data.framework, lang),
        summary: summary.clone(),
        basis_lines,
        heatmap,
        ranking,
        dimension_overview,
        priorities,
        priorities_all,
        priorities_total,
        groups,
        progress,
        history,
        level_trends,
        weights,
        narrative: Vec::new(),
        sections,
        plan,
        appendix,
        approval,
        agreement: super::agreement::rollup(scoped, summary, lang),
    };
    content.narrative = narrative::narrative(&content);
    content
}

/// The dataset the report scores: the whole workspace, or a copy holding
/// only the one department (marked active, so it is summarised even when
/// archived). Assessments stay as they are, so the default period is the
/// workspace's latest either way.
fn scoped_dataset<'a>(data: &'a Dataset, department: Option<&str>) -> std::borrow::Cow<'a, Dataset> {
    let Some(id) = department else {
        return std::borrow::Cow::Borrowed(data);
    };
    // Only what is that department's: cloning every assessment for each
    // of a thousand department reports would make `--split` quadratic.
    let whole = &data.workspace;
    let workspace = crate::model::Workspace {
        version: whole.version,
        title: whole.title.clone(),
        framework: whole.framework.clone(),
        departments: whole
            .departments
            .iter()
            .filter(|d| d.id == id)
            .map(|d| crate::model::Department {
                archived: false,
                ..d.clone()
            })
            .collect(),
        targets: whole
            .targets
            .iter()
            .filter(|t| t.department.as_deref().is_none_or(|d| d == id))
            .cloned()
            .collect(),
        weights: whole.weights.clone(),
        allow_self_approval: whole.allow_self_approval,
        report: whole.report.clone(),
    };
    let mut scoped = Dataset::new(
        workspace,
        data.framework.clone(),
        data.assessments
            .iter()
            .filter(|a| a.department == id)
            .cloned()
            .collect(),
    )
    .with_actions(data.actions_for(id).cloned().collect());
    scoped.unreadable = data
        .unreadable
        .iter()
        .filter(|u| u.department == id)
        .cloned()
        .collect();
    std::borrow::Cow::Owned(scoped)
}

/// The plan as of the report's "generated" date, over the summary's
/// departments. A one-department report keeps the department's own actions
/// and the government-wide ones that include it, its own gaps and targets.
fn plan_figures(data: &Dataset, summary: &Summary, options: &ReportOptions) -> PlanFigures {
    let plan = super::plan::plan(data, summary, options.lang, options.generated);
    match options.department.as_deref() {
        Some(id) => plan.for_department(id),
        None => plan,
    }
}

/// An indicator's name in `lang`, or its id when unknown.
fn indicator_name(framework: &Framework, id: &str, lang: Lang) -> String {
    framework
        .indicator(id)
        .map_or_else(|| id.to_owned(), |(_, i)| i.name.get(lang).to_owned())
}

fn dimension_heads(framework: &Framework, lang: Lang) -> Vec<DimensionHead> {
    framework
        .dimensions
        .iter()
        .map(|d| DimensionHead {
            id: d.id.clone(),
            name: d.name.get(lang).to_owned(),
            description: d.description.get(lang).to_owned(),
        })
        .collect()
}

fn level_heads(framework: &Framework, lang: Lang) -> Vec<LevelHead> {
    Level::all()
        .map(|level| LevelHead {
            level,
            name: framework.level_name(level, lang),
            summary: framework
                .level(level)
                .map(|def| def.summary.get(lang).to_owned())
                .unwrap_or_default(),
        })
        .collect()
}

/// One department's headline figures and dimension cells.
fn department_figures(data: &Dataset, names: &Names<'_>, row: &DepartmentSummary) -> DepartmentFigures {
    let lang = names.lang;
    let current = row.current.as_ref();
    let dimensions: Vec<DimensionFigures> = current
        .map(|score| {
            score
                .dimensions
                .iter()
                .enumerate()
                .map(|(i, d)| DimensionFigures {
                    id: d.dimension.clone(),
                    name: data
                        .framework
                        .dimension(&d.dimension)
                        .map_or_else(|| d.dimension.clone(), |dim| dim.name.get(lang).to_owned()),
                    mean_level: d.mean_level,
                    floor: d.floor,
                    floor_indicator: d
                        .floor_indicator
                        .as_deref()
                        .map(|id| indicator_name(&data.framework, id, lang)),
                    target: d.target,
                    gap: d.gap,
                    priority: d.priority,
                    change: row.dimension_changes.get(i).copied().flatten(),
                    imbalanced: d.imbalanced,
                    answered: d.answered,
                    applicable: d.applicable,
                    coverage: d.coverage,
                })
                .collect()
        })
        .unwrap_or_default();
    let stage = current.and_then(|c| c.stage);
    DepartmentFigures {
        id: row.department.clone(),
        name: names.department(&row.department),
        period: current.map(|c| c.period),
        status: current.map(|c| c.status),
        status_label: super::department::status_text(row, lang),
        mean_level: current.and_then(|c| c.mean_level),
        stage,
        stage_name: stage.map_or_else(String::new, |s| data.framework.level_name(s, lang)),
        coverage: current.map(|c| c.coverage),
        change: row.change,
        below_target: dimensions.iter().any(|d| d.gap.is_some_and(|g| g > 0.0)),
        dimensions,
        flags: row.flags.clone(),
        unreadable: row.unreadable.as_ref().map(|f| f.display().to_string()),
        pending: row.pending,
        overall_target: row.target.as_ref().map(|t| t.level),
        on_target: row.on_target,
        on_target_text: super::department::target_verdict(row, lang),
        notes: flag_notes(row, lang),
    }
}

/// Every active department ranked by mean level as the Overview ranks them
/// ([`super::overview::ranking`]: rounded as displayed, equal figures share
/// a rank, ties listed by name); only `department`'s row when one is given.
fn ranking(data: &Dataset, full: &Summary, lang: Lang, department: Option<&str>) -> Vec<RankRow> {
    let ranked = super::overview::ranking(data, full, lang);
    let shared = |rank: Option<usize>| rank.is_some() && ranked.iter().filter(|o| o.rank == rank).count() > 1;
    let mut rows: Vec<RankRow> = ranked
        .iter()
        .cloned()
        .map(|r| RankRow {
            tied: shared(r.rank),
            notes: full
                .departments
                .get(r.index)
                .map_or_else(Vec::new, |row| flag_notes(row, lang)),
            rank: r.rank,
            of: r.of,
            id: r.id,
            name: r.name,
            mean_level: r.mean_level,
            stage: r.stage,
            stage_name: r.stage_name,
            change: r.change,
            coverage: r.coverage,
            provisional: r.provisional,
        })
        .collect();
    if let Some(id) = department {
        rows.retain(|r| r.id == id);
    }
    rows
}

/// Per dimension: the mean, range and change across departments, and how
/// many fall short of target or are imbalanced there.
fn dimension_overview(dimensions: &[DimensionHead], heatmap: &[DepartmentFigures]) -> Vec<DimensionOverview> {
    dimensions
        .iter()
        .map(|head| {
            let cells: Vec<&DimensionFigures> = heatmap
                .iter()
                .filter_map(|row| row.dimensions.iter().find(|d| d.id == head.id))
                .collect();
            let levels: Vec<f64> = cells.iter().filter_map(|c| c.mean_level).collect();
            let changes: Vec<f64> = cells.iter().filter_map(|c| c.change).collect();
            DimensionOverview {
                id: head.id.clone(),
                name: head.name.clone(),
                mean_level: mean(&levels),
                min: levels.iter().copied().reduce(f64::min),
                max: levels.iter().copied().reduce(f64::max),
                change: mean(&changes),
                below_target: cells.iter().filter(|c| c.gap.is_some_and(|g| g > 0.0)).count(),
                imbalanced: cells.iter().filter(|c| c.imbalanced).count(),
                target: None,
            }
        })
        .collect()
}

/// The dimension target for a one-department report's department, or the
/// one set for every department (among equals the last, as
/// [`crate::model::Workspace::target_for`] ranks them).
fn common_target(data: &Dataset, dimension: &str, department: Option<&str>) -> Option<Level> {
    let target = match department {
        Some(id) => data.target_for(id, dimension, None),
        None => data
            .workspace
            .targets
            .iter()
            .rfind(|t| t.department.is_none() && t.indicator.is_none() && t.dimension == dimension),
    };
    target.map(|t| t.level)
}

/// Each department's overall level over time (whole government), or one
/// department's overall and per-dimension levels, up to the summary's period.
fn level_trends(
    data: &Dataset,
    names: &Names<'_>,
    summary: &Summary,
    department: Option<&str>,
) -> Vec<LevelTrend> {
    let lang = names.lang;
    let upto = |points: Vec<(NaiveDate, f64)>| -> Vec<(NaiveDate, f64)> {
        points
            .into_iter()
            .filter(|(p, _)| summary.period.is_none_or(|last| *p <= last))
            .collect()
    };
    let basis = summary.basis;
    if let Some(id) = department {
        let overall = LevelTrend {
            id: None,
            name: String::new(),
            points: upto(analysis::trend_on(data, id, None, basis).points),
        };
        let dimensions = data.framework.dimensions.iter().map(|d| LevelTrend {
            id: Some(d.id.clone()),
            name: d.name.get(lang).to_owned(),
            points: upto(analysis::trend_on(data, id, Some(&d.id), basis).points),
        });
        return std::iter::once(overall).chain(dimensions).collect();
    }
    // Only the points: each assessment up to the period scored once, as
    // `trend_on` scores it, without the projections a trend also makes.
    summary
        .departments
        .iter()
        .map(|row| LevelTrend {
            id: Some(row.department.clone()),
            name: names.department(&row.department),
            points: data
                .history(&row.department)
                .filter(|a| basis.counts(a) && summary.period.is_none_or(|last| a.period <= last))
                .filter_map(|a| Some((a.period, analysis::score_assessment(data, a).mean_level?)))
                .collect(),
        })
        .collect()
}

/// The effective weight of every dimension and indicator, by id.
fn weights(data: &Dataset) -> std::collections::BTreeMap<String, f64> {
    let dimensions = data
        .framework
        .dimensions
        .iter()
        .map(|d| (d.id.clone(), data.dimension_weight(d)));
    let indicators = data
        .framework
        .indicators()
        .map(|(_, i)| (i.id.clone(), data.indicator_weight(i)));
    dimensions.chain(indicators).collect()
}

/// The arithmetic mean, `None` for no values.
fn mean(values: &[f64]) -> Option<f64> {
    // Department counts are far below 2^52, so the conversion is exact.
    (!values.is_empty()).then(|| values.iter().sum::<f64>() / values.len() as f64)
}

/// The most urgent indicator shortfalls, each with the next level's rubric,
/// in the Overview's order ([`super::overview::priorities`]).
fn top_priorities(data: &Dataset, summary: &Summary, lang: Lang, limit: usize) -> Vec<PriorityRow> {
    super::overview::priorities(data, summary, lang, limit)
        .into_iter()
        .map(|p| PriorityRow {
            department: p.department,
            department_name: p.department_name,
            dimension: p.dimension,
            dimension_name: p.dimension_name,
            indicator: p.indicator,
            indicator_name: p.indicator_name,
            current: p.current,
            target: p.target,
            gap: p.gap,
            priority: p.priority,
            next_level: p.next_level,
            next_rubric: p.next_rubric,
            provisional: p.provisional,
            // Short tags only: the full notes stand once per department
            // beside the heatmap, not under each of its ten priorities.
            notes: p.tags,
        })
        .collect()
}

/// Departments with a previous assessment to compare with.
fn progress(names: &Names<'_>, summary: &Summary) -> Vec<ProgressRow> {
    let lang = names.lang;
    summary
        .departments
        .iter()
        .filter_map(|row| {
            let (current, previous) = (row.current.as_ref()?, row.previous.as_ref()?);
            Some(ProgressRow {
                id: row.department.clone(),
                name: names.department(&row.department),
                previous_period: previous.period,
                current_period: current.period,
                previous_level: previous.mean_level,
                current_level: current.mean_level,
                change: row.change,
                dimension_changes: row.dimension_changes.clone(),
                provisional: row.is_provisional(),
                notes: flag_notes(row, lang),
            })
        })
        .collect()
}

/// The mean level of the departments in scope per period, up to the
/// report's period, from their level lines ([`level_trends`], already cut
/// at the period): every department's, or one department's own overall line.
fn history(level_trends: &[LevelTrend], one_department: bool) -> Vec<GroupPoint> {
    let lines = if one_department {
        level_trends.get(..1).unwrap_or_default()
    } else {
        level_trends
    };
    let series: Vec<Vec<(NaiveDate, f64)>> = lines.iter().map(|t| t.points.clone()).collect();
    analysis::group_points(&series)
}

/// Everything shown for one department.
fn department_section(
    data: &Dataset,
    names: &Names<'_>,
    words: &FrameworkWords,
    department: Option<&crate::model::Department>,
    row: &DepartmentSummary,
    figures: DepartmentFigures,
) -> DepartmentSection {
    let lang = names.lang;
    let assessment = row
        .current
        .as_ref()
        .and_then(|c| data.find(&row.department, c.period));
    let previous = row
        .previous
        .as_ref()
        .and_then(|p| data.find(&row.department, p.period));
    let answers = match (assessment, row.current.as_ref()) {
        (Some(assessment), Some(score)) => answer_rows(data, words, assessment, score, previous, lang),
        _ => Vec::new(),
    };
    DepartmentSection {
        figures,
        kind: department.map_or_else(String::new, |d| {
            catalogue::department_kind(d.kind, lang).to_owned()
        }),
        parent: department
            .and_then(|d| d.parent.as_deref())
            .map(|parent| names.department(parent)),
        current: row.current.as_ref().map(|s| ProfilePoint::of(&data.framework, s)),
        previous: row
            .previous
            .as_ref()
            .map(|s| ProfilePoint::of(&data.framework, s)),
        assessor: assessment.map_or_else(String::new, |a| a.assessor.clone()),
        reviewer: assessment.map_or_else(String::new, |a| a.reviewer.clone()),
        review_comment: assessment.map_or_else(String::new, |a| a.review_comment.clone()),
        approved_on: assessment.and_then(approved_on),
        answers,
        agreement: assessment.and_then(|a| super::agreement::figures(&data.framework, a, lang)),
    }
}

/// The date of the latest approval in an assessment's audit log, if it is
/// approved now.
fn approved_on(assessment: &Assessment) -> Option<NaiveDate> {
    if assessment.status != Status::Approved {
        return None;
    }
    assessment
        .audit
        .iter()
        .rev()
        .find(|entry| entry.what == "status" && entry.to == "Approved")
        .map(|entry| entry.at.date())
}

/// The framework's indicator names and level descriptors in one language,
/// in framework order, made once for every department's answer rows.
struct FrameworkWords {
    names: Vec<Arc<str>>,
    /// Per indicator, the descriptor of each level (1–5).
    levels: Vec<Vec<Arc<str>>>,
}

impl FrameworkWords {
    fn new(framework: &Framework, lang: Lang) -> FrameworkWords {
        let indicators = || framework.indicators().map(|(_, indicator)| indicator);
        FrameworkWords {
            names: indicators().map(|i| Arc::from(i.name.get(lang))).collect(),
            levels: indicators()
                .map(|i| i.levels.iter().map(|text| Arc::from(text.get(lang))).collect())
                .collect(),
        }
    }

    /// The descriptor of `level` of the `i`th indicator; empty if the
    /// framework has none.
    fn rubric(&self, i: usize, level: Level) -> Arc<str> {
        self.levels
            .get(i)
            .and_then(|levels| levels.get(level.index()))
            .cloned()
            .unwrap_or_else(|| Arc::from(""))
    }
}

/// Every indicator of the framework with the current answer.
fn answer_rows(
    data: &Dataset,
    words: &FrameworkWords,
    assessment: &Assessment,
    score: &AssessmentScore,
    previous: Option<&Assessment>,
    lang: Lang,
) -> Vec<AnswerRow> {
    data.framework
        .indicators()
        .enumerate()
        .map(|(i, (dimension, indicator))| {
            let answer = assessment.answers.get(&indicator.id);
            let rating = assessment.rating(&indicator.id);
            let level = rating.level();
            let target = score.indicator(&indicator.id).and_then(|s| s.target);
            let next_rubric = match (level, target) {
                (Some(level), Some(target)) if level < target => {
                    Level::new(level.get() + 1).map(|next| words.rubric(i, next))
                }
                _ => None,
            };
            let confidence = answer.and_then(|a| a.confidence);
            AnswerRow {
                indicator: indicator.id.clone(),
                indicator_name: words.names.get(i).cloned().unwrap_or_else(|| Arc::from("")),
                dimension: dimension.id.clone(),
                level,
                previous_level: previous.and_then(|p| p.level(&indicator.id)),
                not_applicable: match rating {
                    Rating::NotApplicable { reason } => Some(reason.clone()),
                    _ => None,
                },
                rubric: level.map_or_else(|| Arc::from(""), |l| words.rubric(i, l)),
                target,
                next_rubric,
                evidence: answer.map_or_else(String::new, |a| a.evidence.clone()),
                links: answer.map_or_else(Vec::new, |a| a.links.clone()),
                confidence,
                confidence_label: confidence
                    .map_or_else(String::new, |c| catalogue::confidence(c, lang).to_owned()),
                comment: answer.map_or_else(String::new, |a| a.comment.clone()),
                reconfirm: answer.is_some_and(|a| a.reconfirm),
            }
        })
        .collect()
}

/// Methodology, the problems that concern the scope, and coverage.
fn appendix(
    loaded: &LoadedWorkspace,
    names: &Names<'_>,
    summary: &Summary,
    department: Option<&str>,
) -> Appendix {
    let lang = names.lang;
    let labels = Labels::for_lang(lang);
    let in_scope = |file: &std::path::Path| match department {
        None => true,
        // Its own folder, and files at the root (workspace.ron, framework.ron).
        Some(id) => file.starts_with(id) || file.components().count() <= 1,
    };
    let problems: Vec<ProblemRow> = loaded
        .problems
        .iter()
        .filter(|p| in_scope(&p.file))
        .map(|p| ProblemRow {
            file: p.file.display().to_string(),
            line: p.line,
            column: p.column,
            error: p.severity == Severity::Error,
            severity: match p.severity {
                Severity::Error => labels.error,
                Severity::Warning => labels.warning,
            }
            .to_owned(),
            message: crate::present::catalogue::problems::message(p, lang),
        })
        .collect();
    let coverage = summary
        .departments
        .iter()
        .map(|row| {
            let current = row.current.as_ref();
            CoverageRow {
                id: row.department.clone(),
                name: names.department(&row.department),
                period: current.map(|c| c.period),
                answered: current.map_or(0, |c| c.answered),
                applicable: current.map_or(0, |c| c.applicable),
                coverage: current.map(|c| c.coverage),
            }
        })
        .collect();
    Appendix {
        methodology: labels
            .methodology_paragraphs
            .iter()
            .map(|p| (*p).to_owned())
            .collect(),
        has_errors: problems.iter().any(|p| p.error),
        problems,
        coverage,
        total_coverage: summary.coverage,
    }
}

/// The approval block: the recorded reviewer for a one-department report,
/// blank (to be signed) for the whole government.
fn approval(data: &Dataset, summary: &Summary, department: Option<&str>) -> Approval {
    let recorded = department.and_then(|id| {
        let current = summary.department(id)?.current.as_ref()?;
        let assessment = data.find(id, current.period)?;
        let date = approved_on(assessment)?;
        Some((assessment.reviewer.clone(), date))
    });
    let assessor = department.and_then(|id| {
        let current = summary.department(id)?.current.as_ref()?;
        let assessment = data.find(id, current.period)?;
        Some(assessment.assessor.clone()).filter(|a| !a.trim().is_empty())
    });
    Approval {
        reviewer: recorded.as_ref().map(|(reviewer, _)| reviewer.clone()),
        assessor,
        date: recorded.map(|(_, date)| date),
        // Where the work stands, not how many counted figures are approved:
        // on the approved basis every counted figure is.
        approved: summary.workflow_approved,
        assessed: summary.assessed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_read_naturally_in_each_language() {
        assert_eq!(provisional_text("2.63", true, Lang::En), "2.63 (provisional)");
        assert_eq!(provisional_text("2.63", true, Lang::Zh), "2.63（暂定）");
        assert_eq!(provisional_text("2.63", false, Lang::Zh), "2.63");
    }

    #[test]
    fn flag_notes_name_the_unreadable_file_and_the_work_not_counted() {
        let row = DepartmentSummary {
            department: "police".into(),
            current: None,
            previous: None,
            change: None,
            dimension_changes: Vec::new(),
            flags: vec![Flag::LatestUnreadable],
            unreadable: Some(std::path::PathBuf::from("police/2025-12-31.ron")),
            pending: NaiveDate::from_ymd_opt(2025, 6, 30).map(|d| (d, Status::Draft)),
            workflow: Some(Status::Draft),
            target: None,
            on_target: None,
        };
        assert_eq!(
            flag_notes(&row, Lang::En),
            [
                "latest assessment could not be read: police/2025-12-31.ron",
                "newer assessment not yet approved, not counted (Draft, 2025-06-30)"
            ]
        );
        assert_eq!(
            notes_text(&flag_notes(&row, Lang::Zh), Lang::Zh),
            "最新评估无法读取：police/2025-12-31.ron；较新的评估尚未批准，未计入（草稿，2025年6月30日）"
        );
    }
}
