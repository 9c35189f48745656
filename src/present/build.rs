//! The report as a [`Document`]: one section order, one set of columns and
//! one wording for every format. HTML and PDF print what [`document`] gives
//! them; neither lays out a section of its own.
//!
//! The full report's body, in order: the cover (title, workspace, scope,
//! period, generated, stage, basis, three key figures), the contents, the
//! executive summary (narrative, key figures and, where departments have
//! several assessors, their agreement), the departments by
//! parent unit (one roll-up per group), the heatmap and the ranking (whole
//! up to [`LARGE`] departments; beyond, summarised by group with the top
//! and bottom of the ranking), the stage distribution, the dimensions
//! across departments, the priorities (the shortfalls shared across
//! departments, then the most urgent per department), the measures (the
//! first [`BODY_ROWS`] actions and overdue actions, the most urgent
//! uncovered gaps), the progress since the previous period (beyond
//! [`LARGE`], the largest rises and declines), the mean level over time and
//! the approval block. It stays about 20 pages at 1,000 departments.
//!
//! Then the annexes, from the heading anchored [`anchor::ANNEX`]: the
//! appendix (methodology, data problems, coverage, rubric), the complete
//! tables the body cut or summarised (heatmap, ranking, progress, actions),
//! and one page per department (facts, notes, profile, dimension table,
//! rater agreement where several assessors scored it, answers) unless they are written as files of their own (`split`).
//!
//! One department's report ([`super::report::ReportKind::Department`]) has
//! no annex and nothing that compares departments: its figures and rank,
//! its profile and dimensions, all its gaps, its actions, its progress, its
//! levels over time, its answers, the appendix and the approval.
//!
//! Every word comes from the report's labels or the catalogue, every number
//! from [`super::format`]; a cell's text is final and its [`CellKind`]
//! carries the value a writer colours it by.

use super::agreement::{AgreementFigures, DisagreementRow};
use super::catalogue::{T, document as words};
use super::document::{
    Block, Cell, CellKind, Chart, Column, Document, Figure, KeyFigure, Paragraph, Table, anchor,
};
use super::format;
use super::groups::Group;
use super::plan::ActionRow;
use super::report::{
    AnswerRow, DepartmentSection, ProgressRow, RankRow, ReportContent, notes_text, provisional_text,
};
use crate::model::Level;

/// The report as a document, of the kind its options ask for: a brief
/// ([`super::brief`]), or the full or one department's report.
pub fn document(content: &ReportContent) -> Document {
    match content.options.effective_kind() {
        super::report::ReportKind::Brief => super::brief::document(content),
        _ => full_document(content),
    }
}

/// Over this many departments the body summarises the heatmap, the
/// ranking and the progress by group, and the complete tables go into the
/// annex; at this many or fewer they stay in the body as they are.
pub const LARGE: usize = 60;

/// How many rows a long list (actions, overdue actions, groups) keeps in
/// the body; the rest are in the annex.
pub const BODY_ROWS: usize = 25;

/// How many departments the body's top and bottom of a large ranking,
/// and its largest rises and declines, list.
pub const TOP_RANKED: usize = 10;

/// How many lines of the basis the cover shows (the basis, the as-of
/// date, the periods, newer work, then one per unreadable file).
pub const COVER_LINES: usize = 8;

/// How many characters a name keeps in a heading, the contents and the
/// outline; the full name stays in the text under it.
pub const HEADING_CHARS: usize = 120;

/// The whole report (or one department's) as a document, cover first.
///
/// The full report's body (everything before the heading anchored
/// [`anchor::ANNEX`]) stays short at any size: the cover, the contents, the
/// summary, the departments by parent unit, the heatmap and ranking (by
/// group over [`LARGE`] departments), stages and dimensions, the
/// priorities and measures (their first rows), progress, history and the
/// approval block. The annex holds the complete tables, the appendix
/// (methodology, data problems, coverage, rubric) and the department pages
/// (unless they are written as separate files, `options.split`).
fn full_document(content: &ReportContent) -> Document {
    if content.options.effective_kind() == super::report::ReportKind::Department {
        return department_document(content);
    }
    let (mut document, pages) = full_front(content);
    if let Some(pages) = pages {
        for part in pages.parts() {
            document.blocks.extend(part);
        }
    }
    document
}

/// The report as [`document`] makes it, for a printer that writes as it
/// goes: the full report of more than [`LARGE`] departments comes without
/// its department pages, which follow in parts ([`DepartmentPages`]), so
/// that a province's pages are never all in memory at once. Every other
/// report comes whole.
pub fn document_in_parts(content: &ReportContent) -> (Document, Option<DepartmentPages<'_>>) {
    match content.options.effective_kind() {
        super::report::ReportKind::Full if content.heatmap.len() > LARGE => full_front(content),
        _ => (document(content), None),
    }
}

/// The department pages of a full report after the first page of their
/// annex, in parts of about [`DepartmentPages::PER_PART`] departments. Each
/// part starts with a page break, so the parts printed one after the other
/// are the pages [`document`] ends with.
pub struct DepartmentPages<'c> {
    c: &'c ReportContent,
    /// The first department not on the annex's first page.
    from: usize,
    large: bool,
}

impl DepartmentPages<'_> {
    /// About how many departments a part holds.
    pub const PER_PART: usize = 256;

    /// The parts, each made when asked for.
    pub fn parts(&self) -> impl Iterator<Item = Vec<Block>> + '_ {
        let sections = &self.c.sections;
        // A part starts only with a department on a new page.
        let mut starts = vec![self.from];
        for i in self.from + 1..sections.len() {
            let last = starts.last().copied().unwrap_or_default();
            if i - last >= Self::PER_PART && starts_page(sections, i) {
                starts.push(i);
            }
        }
        let ends: Vec<usize> = starts.iter().skip(1).copied().chain([sections.len()]).collect();
        starts
            .into_iter()
            .zip(ends)
            .filter(|(start, end)| start < end)
            .map(|(start, end)| {
                let mut out = Builder {
                    c: self.c,
                    blocks: Vec::new(),
                    large: self.large,
                };
                out.department_pages(start..end);
                out.blocks
            })
    }
}

/// Whether the `i`th department's page starts a new page: each does,
/// except the first and one after a department without an assessment (a
/// heading and two lines).
fn starts_page(sections: &[DepartmentSection], i: usize) -> bool {
    i > 0 && sections[i - 1].current.is_some()
}

/// The full report without its department pages, and those pages, if it
/// has any.
fn full_front(content: &ReportContent) -> (Document, Option<DepartmentPages<'_>>) {
    let mut out = Builder {
        c: content,
        blocks: Vec::new(),
        large: content.heatmap.len() > LARGE,
    };
    let large = out.large;
    out.cover();
    out.push(Block::PageBreak);
    out.push(Block::Contents {
        title: content.labels.contents.to_owned(),
    });
    out.push(Block::PageBreak);
    out.summary();
    out.push(Block::PageBreak);
    out.groups();
    if large {
        out.heatmap_by_group();
        out.ranking_by_group();
    } else {
        out.heatmap();
        out.ranking();
    }
    out.push(Block::PageBreak);
    out.stages();
    out.dimension_overview();
    out.push(Block::PageBreak);
    out.priorities();
    out.push(Block::PageBreak);
    out.measures();
    out.push(Block::PageBreak);
    out.progress();
    out.history();
    if content.options.split {
        out.push(Paragraph::note(T::ReportSplitPages.get(content.lang)));
    }
    out.approval();
    out.push(Block::PageBreak);
    let mut number = out.annex();
    let sections = &content.sections;
    let pages = (!content.options.split && !sections.is_empty()).then(|| {
        out.annex_section(&mut number, T::ReportAnnexDepartments, anchor::ANNEX_DEPARTMENTS);
        let from = (1..sections.len())
            .find(|&i| starts_page(sections, i))
            .unwrap_or(sections.len());
        out.department_pages(0..from);
        DepartmentPages {
            c: content,
            from,
            large,
        }
    });
    (finish(content, out.blocks), pages)
}

/// One department's report: its figures, profile, gaps, actions, progress,
/// levels over time and answers, with its rank among all departments as a
/// fact; nothing that compares departments.
fn department_document(content: &ReportContent) -> Document {
    let mut out = Builder {
        c: content,
        blocks: Vec::new(),
        large: false,
    };
    out.cover();
    out.push(Block::PageBreak);
    out.push(Block::Contents {
        title: content.labels.contents.to_owned(),
    });
    out.push(Block::PageBreak);
    out.summary();
    out.push(Block::PageBreak);
    if let Some(section) = content.sections.first() {
        out.department_profile(section, 2, true);
    }
    out.push(Block::PageBreak);
    out.priorities();
    out.push(Block::PageBreak);
    out.measures();
    out.push(Block::PageBreak);
    out.progress();
    out.department_trend();
    if let Some(section) = content.sections.first().filter(|s| s.current.is_some()) {
        out.push(Block::PageBreak);
        out.section(
            content.labels.answers,
            &anchor::department_part("answers", &section.figures.id),
        );
        out.answers_table(&section.figures.id, &section.answers);
    }
    out.push(Block::PageBreak);
    out.appendix();
    out.approval();
    finish(content, out.blocks)
}

fn finish(content: &ReportContent, blocks: Vec<Block>) -> Document {
    Document {
        kind: content.options.effective_kind(),
        style: super::brief::printed_style(content),
        masthead: super::brief::masthead(content),
        lang: content.lang,
        title: content.report_title().to_owned(),
        blocks,
    }
}

/// Under a disagreement's indicator: "⚠ 2 levels or more apart" when it
/// is, and the consensus note.
fn disagreement_notes(r: &DisagreementRow, lang: crate::model::Lang) -> Vec<String> {
    let mut notes = Vec::new();
    if r.marked {
        notes.push(words::warning(T::MarkedDisagreement.get(lang)));
    }
    if !r.note.trim().is_empty() {
        notes.push(words::labelled(T::ConsensusNote.get(lang), &r.note, lang));
    }
    notes
}

/// Every department's largest disagreements between assessors in one
/// table, for a workbook sheet: department, the share of indicators its
/// assessors agree on within one level, indicator, each assessor's level,
/// spread and agreed level (the same words and numbers as the department
/// pages). `None` when no department in the report has several assessors.
pub fn agreement_table(content: &ReportContent) -> Option<Table> {
    let lang = content.lang;
    let l = content.labels;
    let mut rows = Vec::new();
    for section in &content.sections {
        let Some(a) = &section.agreement else {
            continue;
        };
        for r in &a.rows {
            let spread = Cell::of(r.spread_text.clone(), CellKind::Number(Some(f64::from(r.spread))));
            let indicator = Cell::text(r.indicator_name.clone()).with_notes(disagreement_notes(r, lang));
            rows.push(vec![
                Cell::text(section.figures.name.clone()),
                Cell::of(a.share_text.clone(), CellKind::Percent(a.share_within_one)),
                indicator,
                Cell::text(r.levels_line.clone()),
                spread,
                whole_level_cell(r.agreed),
            ]);
        }
    }
    (!rows.is_empty()).then(|| Table {
        id: "agreement".to_owned(),
        caption: Some(T::RaterAgreement.get(lang).to_owned()),
        columns: vec![
            Column::text(T::Department.get(lang)),
            Column::number(T::AgreeWithinOne.get(lang)),
            Column::text(l.indicator),
            Column::text(T::Assessors.get(lang)),
            Column::number(T::Spread.get(lang)),
            Column::number(T::AgreedLevel.get(lang)),
        ],
        rows,
    })
}

/// The heatmap's values: per department in scope (workspace order), one
/// mean level per dimension (framework order), then its overall mean level.
pub fn heatmap_values(content: &ReportContent) -> Vec<Vec<Option<f64>>> {
    content
        .heatmap
        .iter()
        .map(|d| {
            content
                .dimensions
                .iter()
                .map(|head| {
                    d.dimensions
                        .iter()
                        .find(|f| f.id == head.id)
                        .and_then(|f| f.mean_level)
                })
                .chain(std::iter::once(d.mean_level))
                .collect()
        })
        .collect()
}

/// The heatmap's column headings: the dimensions, then the overall level.
pub fn heatmap_columns(content: &ReportContent) -> Vec<String> {
    content
        .dimensions
        .iter()
        .map(|d| d.name.clone())
        .chain(std::iter::once(content.labels.overall_level.to_owned()))
        .collect()
}

/// One series of a department's profile: its name and a level per
/// dimension (framework order).
#[derive(Clone, Debug, PartialEq)]
pub struct ProfileSeries {
    pub name: String,
    pub values: Vec<Option<f64>>,
    /// The current period's series (drawn filled); the others are outlines.
    pub current: bool,
}

/// A department's profile: the current period, the previous one if any,
/// and the targets if any are set.
pub fn profile(content: &ReportContent, section: &DepartmentSection) -> Vec<ProfileSeries> {
    let l = content.labels;
    let lang = content.lang;
    let mut series = Vec::new();
    if let Some(current) = &section.current {
        series.push(ProfileSeries {
            name: words::dated(l.current, &format::date(current.period, lang), lang),
            values: current.levels.clone(),
            current: true,
        });
    }
    if let Some(previous) = &section.previous {
        series.push(ProfileSeries {
            name: words::dated(l.previous, &format::date(previous.period, lang), lang),
            values: previous.levels.clone(),
            current: false,
        });
    }
    let target: Vec<Option<f64>> = content
        .dimensions
        .iter()
        .map(|d| {
            section
                .figures
                .dimensions
                .iter()
                .find(|f| f.id == d.id)
                .and_then(|f| f.target)
                .map(|t| f64::from(t.get()))
        })
        .collect();
    if target.iter().any(Option::is_some) {
        series.push(ProfileSeries {
            name: l.target.to_owned(),
            values: target,
            current: false,
        });
    }
    series
}

/// How many of the shortfalls shared across departments the priorities
/// section leads with.
pub const TOP_ROLLUP: usize = 10;

/// How many gaps without an action the Measures section lists; it says how
/// many more there are.
pub const TOP_UNCOVERED: usize = 15;

struct Builder<'c> {
    c: &'c ReportContent,
    blocks: Vec<Block>,
    /// More than [`LARGE`] departments: summaries in the body.
    large: bool,
}

/// A mean level, coloured by it.
fn level_cell(value: Option<f64>) -> Cell {
    Cell::of(format::level(value), CellKind::Level(value))
}

/// A whole level (stage, answer, target), coloured by it.
pub(super) fn whole_level_cell(level: Option<Level>) -> Cell {
    Cell::of(
        level.map_or_else(|| format::MISSING.to_owned(), format::level_digit),
        CellKind::WholeLevel(level),
    )
}

/// An action's status, with "⚠ Overdue" under it when it is.
pub(super) fn action_status_cell(a: &ActionRow, lang: crate::model::Lang) -> Cell {
    let status = Cell::text(a.status_text.clone());
    if a.overdue {
        status.with_notes(vec![words::warning(T::PlanOverdue.get(lang))])
    } else {
        status
    }
}

/// A signed change, coloured up or down.
fn change_cell(change: Option<f64>) -> Cell {
    Cell::of(format::change(change), CellKind::Change(change))
}

/// A whole count.
fn count_cell(count: usize) -> Cell {
    // Counts of departments and indicators are far below 2^52.
    Cell::of(count.to_string(), CellKind::Number(Some(count as f64)))
}

fn percent_cell(share: Option<f64>) -> Cell {
    Cell::of(format::percent(share), CellKind::Percent(share))
}

/// "2 · Developing", or a dash.
fn stage_text(stage: Option<Level>, name: &str) -> String {
    stage.map_or_else(
        || format::MISSING.to_owned(),
        |s| words::numbered(&format::level_digit(s), name),
    )
}

/// Empty text as a dash.
fn or_dash(text: &str) -> String {
    if text.trim().is_empty() {
        format::MISSING.to_owned()
    } else {
        text.to_owned()
    }
}

fn heading(level: u8, text: &str, anchor: Option<String>) -> Block {
    Block::Heading {
        level,
        text: text.to_owned(),
        anchor,
    }
}

impl Builder<'_> {
    fn push(&mut self, block: Block) {
        self.blocks.push(block);
    }

    fn section(&mut self, text: &str, anchor: &str) {
        self.push(heading(2, text, Some(anchor.to_owned())));
    }

    fn table(&mut self, id: &str, columns: Vec<Column>, rows: Vec<Vec<Cell>>) {
        self.push(Block::Table(Table {
            id: id.to_owned(),
            caption: None,
            columns,
            rows,
        }));
    }

    /// "Name: notes" under a chart, one paragraph per department with notes.
    fn department_notes<'n>(&mut self, rows: impl Iterator<Item = (&'n str, &'n [String])>) {
        let lang = self.c.lang;
        for (name, notes) in rows.filter(|(_, notes)| !notes.is_empty()) {
            let text = words::labelled(name, &notes_text(notes, lang), lang);
            self.push(Paragraph::note(text));
        }
    }

    /// The stage line: "2 · Developing (mean level 2.41)", or "No data".
    fn stage_line(&self) -> String {
        let c = self.c;
        let s = &c.summary;
        match (s.stage, s.mean_level) {
            (Some(stage), Some(_)) => words::stage_with_mean(
                &stage_text(Some(stage), &c.level_name(stage)),
                c.labels.overall_level,
                &format::level(s.mean_level),
                c.lang,
            ),
            _ => c.labels.no_data.to_owned(),
        }
    }

    fn cover(&mut self) {
        let c = self.c;
        let l = c.labels;
        let lang = c.lang;
        let s = &c.summary;
        self.push(heading(1, c.report_title(), None));
        // The workspace title reads as the cover's subtitle: clipped there,
        // whole in the facts below when it was cut.
        let title = c.title.get(lang);
        let clipped = format::clip(title, HEADING_CHARS);
        self.push(Paragraph::body(clipped.clone()));
        let scope = c
            .scope
            .as_ref()
            .map_or_else(|| l.whole_government.to_owned(), |(_, name)| name.clone());
        let mut facts = Vec::new();
        if clipped != title {
            facts.push((l.workspace.to_owned(), title.to_owned()));
        }
        facts.extend([
            (l.scope.to_owned(), scope),
            (l.period.to_owned(), format::date_or_missing(c.period, lang)),
            (l.generated.to_owned(), format::date(c.generated, lang)),
            (l.overall_stage.to_owned(), self.stage_line()),
        ]);
        // The basis is one fact over several lines: its label on the first.
        // Past [`COVER_LINES`] (one per unreadable file), the rest are
        // among the data problems in the annex.
        for (i, line) in c.basis_lines.iter().take(COVER_LINES).enumerate() {
            let label = if i == 0 { l.basis } else { "" };
            facts.push((label.to_owned(), line.clone()));
        }
        if c.basis_lines.len() > COVER_LINES {
            let more = words::more_in_annex(c.basis_lines.len() - COVER_LINES, lang);
            facts.push((String::new(), more));
        }
        self.push(Block::Facts(facts));
        let figure = |label: &str, value: String| KeyFigure {
            label: label.to_owned(),
            value,
            note: String::new(),
        };
        if c.scope.is_some() {
            let mut figures = vec![figure(l.overall_level, format::level(s.mean_level))];
            // Large and short on the cover ("8 / 12", "joint" under it);
            // the facts and the summary say it in words.
            if let Some((rank, row)) = c.ranking.first().and_then(|r| Some((r.rank?, r))) {
                figures.push(KeyFigure {
                    label: T::ReportDepartmentRank.get(lang).to_owned(),
                    value: words::count_of(rank, row.of),
                    note: if row.tied {
                        T::RankJoint.get(lang).to_owned()
                    } else {
                        String::new()
                    },
                });
            }
            figures.push(figure(l.coverage, format::percent(Some(s.coverage))));
            self.push(Block::KeyFigures(figures));
            return;
        }
        self.push(Block::KeyFigures(vec![
            figure(l.assessed, words::count_of(s.assessed, s.departments.len())),
            figure(l.approved, words::count_of(s.workflow_approved, s.assessed)),
            figure(l.coverage, format::percent(Some(s.coverage))),
        ]));
    }

    /// A one-department report's rank among all departments: "3 of 12".
    fn rank_text(&self) -> Option<String> {
        let row = self.c.ranking.first()?;
        Some(words::rank_among(row.rank?, row.of, row.tied, self.c.lang))
    }

    fn summary(&mut self) {
        let c = self.c;
        let l = c.labels;
        let lang = c.lang;
        let s = &c.summary;
        self.section(l.executive_summary, anchor::SUMMARY);
        for paragraph in &c.narrative {
            self.push(Paragraph::body(paragraph.clone()));
        }
        self.push(heading(3, l.key_figures, None));
        let figure = |label: &str, value: String| KeyFigure {
            label: label.to_owned(),
            value,
            note: String::new(),
        };
        let stage = figure(
            l.overall_stage,
            stage_text(s.stage, &s.stage.map(|st| c.level_name(st)).unwrap_or_default()),
        );
        let level = figure(l.overall_level, format::level(s.mean_level));
        let coverage = figure(l.coverage, format::percent(Some(s.coverage)));
        if let Some(department) = c.heatmap.first().filter(|_| c.scope.is_some()) {
            // One department: its own figures, no counts of one.
            let mut figures = vec![stage, level];
            if let Some(rank) = self.rank_text() {
                figures.push(figure(T::ReportDepartmentRank.get(lang), rank));
            }
            figures.push(figure(l.change, format::change(department.change)));
            figures.push(coverage);
            if !department.status_label.is_empty() {
                figures.push(figure(l.status, department.status_label.clone()));
            }
            self.push(Block::KeyFigures(figures));
            return;
        }
        self.push(Block::KeyFigures(vec![
            stage,
            level,
            figure(l.assessed, words::count_of(s.assessed, s.departments.len())),
            figure(l.approved, s.workflow_approved.to_string()),
            figure(l.submitted, s.submitted.to_string()),
            figure(l.draft, s.draft.to_string()),
            coverage,
        ]));
        if let Some(agreement) = &c.agreement {
            let text = match &agreement.spread_line {
                Some(spread) => super::catalogue::consensus::then(&agreement.headline, spread, lang),
                None => agreement.headline.clone(),
            };
            self.push(heading(3, T::RaterAgreement.get(lang), None));
            self.push(Paragraph::body(text));
        }
    }

    fn heatmap(&mut self) {
        let c = self.c;
        let l = c.labels;
        let lang = c.lang;
        self.section(l.heatmap, anchor::HEATMAP);
        let columns = heatmap_columns(c);
        let rows: Vec<String> = c
            .heatmap
            .iter()
            .zip(heatmap_values(c))
            .map(|(d, values)| {
                let cells: Vec<String> = columns
                    .iter()
                    .zip(values)
                    .map(|(column, value)| words::named_value(column, &format::level(value)))
                    .collect();
                words::labelled(&d.name, &words::items(&cells, lang), lang)
            })
            .collect();
        self.push(Block::Figure(Figure {
            chart: Chart::Heatmap,
            alt: words::alt(T::DocAltHeatmap.get(lang), &words::groups(&rows, lang), lang),
            caption: l.heatmap_note.to_owned(),
        }));
        if c.summary.provisional > 0 {
            self.push(Paragraph::note(l.provisional_legend));
        }
        self.department_notes(c.heatmap.iter().map(|d| (d.name.as_str(), d.notes.as_slice())));
    }

    fn ranking(&mut self) {
        let c = self.c;
        let l = c.labels;
        let lang = c.lang;
        self.section(l.ranking, anchor::RANKING);
        let bars: Vec<String> = c
            .ranking
            .iter()
            .map(|r| words::named_value(&r.name, &format::level(r.mean_level)))
            .collect();
        self.push(Block::Figure(Figure {
            chart: Chart::Ranking,
            alt: words::alt(T::DocAltRanking.get(lang), &words::items(&bars, lang), lang),
            caption: String::new(),
        }));
        if c.ranking.iter().any(|r| r.provisional) {
            self.push(Paragraph::note(l.provisional_legend));
        }
        self.ranking_table("ranking", &c.ranking);
    }

    /// Rank, department, overall level, stage, change and coverage.
    fn ranking_table(&mut self, id: &str, rows: &[RankRow]) {
        let l = self.c.labels;
        let rows = rows
            .iter()
            .map(|r| {
                let rank = r.rank.map(|n| n as f64);
                vec![
                    Cell::of(
                        r.rank
                            .map_or_else(|| format::MISSING.to_owned(), |n| n.to_string()),
                        CellKind::Number(rank),
                    ),
                    self.department_cell(&r.name, &r.id).with_notes(r.notes.clone()),
                    level_cell(r.mean_level).provisional(r.provisional),
                    Cell::text(stage_text(r.stage, &r.stage_name)),
                    change_cell(r.change),
                    percent_cell(r.coverage),
                ]
            })
            .collect();
        self.table(
            id,
            vec![
                Column::number(l.rank),
                Column::text(l.department),
                Column::number(l.overall_level),
                Column::text(l.stage),
                Column::number(l.change),
                Column::number(l.coverage),
            ],
            rows,
        );
    }

    /// A department's name, linked to its page when the report has one.
    fn department_cell(&self, name: &str, id: &str) -> Cell {
        let cell = Cell::text(name.to_owned());
        if self.c.options.split {
            cell
        } else {
            cell.linked(anchor::department(id))
        }
    }

    /// A group's name: its parent unit, or the departments without one, or
    /// (grouped by stage) the stage.
    fn group_name(&self, group: &Group) -> String {
        let c = self.c;
        match (&group.id, group.name.is_empty()) {
            (_, false) => group.name.clone(),
            (None, true) => T::ReportNoParentUnit.get(c.lang).to_owned(),
            (Some(digit), true) => c
                .levels
                .iter()
                .find(|h| format::level_digit(h.level) == *digit)
                .map_or_else(|| digit.clone(), |h| stage_text(Some(h.level), &h.name)),
        }
    }

    /// The departments by parent unit, one roll-up row per group (the first
    /// [`BODY_ROWS`] of a large report; all of them in the annex).
    fn groups(&mut self) {
        let c = self.c;
        let lang = c.lang;
        if c.groups.is_empty() {
            return;
        }
        self.section(T::ReportGroups.get(lang), anchor::GROUPS);
        self.push(Paragraph::note(T::ReportGroupsNote.get(lang)));
        let cap = if self.large { BODY_ROWS } else { usize::MAX };
        self.group_table("groups", cap);
        if c.groups.len() > cap {
            self.push(Paragraph::note(words::more_in_annex(c.groups.len() - cap, lang)));
        }
    }

    fn group_table(&mut self, id: &str, cap: usize) {
        let c = self.c;
        let l = c.labels;
        let lang = c.lang;
        let rows = c
            .groups
            .iter()
            .take(cap)
            .map(|g| {
                let lowest = g.lowest.and_then(|i| {
                    let name = &c.dimensions.get(i)?.name;
                    Some(words::named_value(name, &format::level(*g.dimensions.get(i)?)))
                });
                vec![
                    Cell::text(self.group_name(g)),
                    count_cell(g.departments()),
                    count_cell(g.assessed),
                    level_cell(g.mean_level),
                    Cell::text(lowest.unwrap_or_else(|| format::MISSING.to_owned())),
                    count_cell(g.below_target),
                ]
            })
            .collect();
        self.table(
            id,
            vec![
                Column::text(T::ReportParentUnit.get(lang)),
                Column::number(l.departments),
                Column::number(l.assessed),
                Column::number(l.overall_level),
                Column::text(T::ReportLowestDimension.get(lang)),
                Column::number(T::DocBelowTarget.get(lang)),
            ],
            rows,
        );
    }

    /// A large report's heatmap: each group's mean level per dimension (by
    /// parent unit, or by stage without parent units); every department's
    /// row is in the annex.
    fn heatmap_by_group(&mut self) {
        let c = self.c;
        let l = c.labels;
        let lang = c.lang;
        self.section(l.heatmap, anchor::HEATMAP);
        let by_stage;
        let (groups, note, head): (&[Group], T, T) = if c.groups.is_empty() {
            by_stage = super::groups::by_stage(&c.dimensions, &c.heatmap, &c.ranking);
            (&by_stage, T::ReportHeatmapByStage, T::ReportStageGroup)
        } else {
            (&c.groups, T::ReportHeatmapByGroup, T::ReportParentUnit)
        };
        self.push(Paragraph::note(note.get(lang)));
        let mut columns = vec![Column::text(head.get(lang)), Column::number(l.departments)];
        columns.extend((1..=c.dimensions.len()).map(|i| Column::number(words::dimension_key(i))));
        columns.push(Column::number(l.overall_level));
        let rows = groups
            .iter()
            .take(BODY_ROWS)
            .map(|g| {
                let mut row = vec![Cell::text(self.group_name(g)), count_cell(g.departments())];
                row.extend(g.dimensions.iter().map(|v| level_cell(*v)));
                row.push(level_cell(g.mean_level));
                row
            })
            .collect();
        self.table("heatmap.groups", columns, rows);
        if groups.len() > BODY_ROWS {
            self.push(Paragraph::note(words::more_in_annex(
                groups.len() - BODY_ROWS,
                lang,
            )));
        }
        let names: Vec<String> = c.dimensions.iter().map(|d| d.name.clone()).collect();
        self.push(Paragraph::note(words::dimension_keys(&names)));
    }

    /// A large report's ranking: per group its ranks and its highest and
    /// lowest ranked department, then the top and the bottom of the
    /// ranking; the complete ranking is in the annex.
    fn ranking_by_group(&mut self) {
        let c = self.c;
        let l = c.labels;
        let lang = c.lang;
        self.section(l.ranking, anchor::RANKING);
        if !c.groups.is_empty() {
            self.push(Paragraph::note(T::ReportRankingByGroup.get(lang)));
            let named = |at: Option<usize>| {
                at.and_then(|i| c.ranking.get(i)).map_or_else(
                    || format::MISSING.to_owned(),
                    |r| words::named_value(&r.name, &format::level(r.mean_level)),
                )
            };
            let rank = |at: Option<usize>| at.and_then(|i| c.ranking.get(i)?.rank);
            let rows = c
                .groups
                .iter()
                .take(BODY_ROWS)
                .map(|g| {
                    let range = match (rank(g.best), rank(g.worst)) {
                        (Some(best), Some(worst)) => words::rank_range(best, worst),
                        _ => format::MISSING.to_owned(),
                    };
                    vec![
                        Cell::text(self.group_name(g)),
                        count_cell(g.ranked),
                        Cell::of(range, CellKind::Number(rank(g.best).map(|n| n as f64))),
                        Cell::text(named(g.best)),
                        Cell::text(named(g.worst)),
                    ]
                })
                .collect();
            self.table(
                "ranking.groups",
                vec![
                    Column::text(T::ReportParentUnit.get(lang)),
                    Column::number(T::ReportRanked.get(lang)),
                    Column::number(T::ReportRankRange.get(lang)),
                    Column::text(T::ReportBestRanked.get(lang)),
                    Column::text(T::ReportWorstRanked.get(lang)),
                ],
                rows,
            );
            if c.groups.len() > BODY_ROWS {
                self.push(Paragraph::note(words::more_in_annex(
                    c.groups.len() - BODY_ROWS,
                    lang,
                )));
            }
        }
        let ranked: Vec<RankRow> = c.ranking.iter().filter(|r| r.rank.is_some()).cloned().collect();
        let top = ranked.len().min(TOP_RANKED);
        self.push(heading(3, T::ReportTopRanked.get(lang), None));
        self.ranking_table("ranking.top", &ranked[..top]);
        let bottom = ranked.len().saturating_sub(TOP_RANKED).max(top);
        if bottom < ranked.len() {
            self.push(heading(3, T::ReportBottomRanked.get(lang), None));
            self.ranking_table("ranking.bottom", &ranked[bottom..]);
        }
        if ranked.iter().any(|r| r.provisional) {
            self.push(Paragraph::note(l.provisional_legend));
        }
        let more = c.ranking.len().saturating_sub(top + (ranked.len() - bottom));
        if more > 0 {
            self.push(Paragraph::note(words::more_in_annex(more, lang)));
        }
    }

    fn stages(&mut self) {
        let c = self.c;
        let l = c.labels;
        self.section(l.stage_distribution, anchor::STAGES);
        let bars: Vec<String> = c
            .levels
            .iter()
            .zip(c.summary.stage_counts)
            .map(|(head, count)| {
                words::named_value(&stage_text(Some(head.level), &head.name), &count.to_string())
            })
            .collect();
        let lang = c.lang;
        self.push(Block::Figure(Figure {
            chart: Chart::StageDistribution,
            alt: words::alt(T::DocAltStages.get(lang), &words::items(&bars, lang), lang),
            caption: String::new(),
        }));
        let rows = c
            .levels
            .iter()
            .zip(c.summary.stage_counts)
            .map(|(head, count)| {
                vec![
                    whole_level_cell(Some(head.level)),
                    Cell::text(head.name.clone()).with_notes(vec![head.summary.clone()]),
                    count_cell(count),
                ]
            })
            .collect();
        self.table(
            "stages",
            vec![
                Column::number(l.level),
                Column::text(l.stage),
                Column::number(l.departments),
            ],
            rows,
        );
    }

    fn dimension_overview(&mut self) {
        let c = self.c;
        let l = c.labels;
        let lang = c.lang;
        self.section(l.dimension_overview, anchor::DIMENSIONS);
        let rows = c
            .dimension_overview
            .iter()
            .map(|d| {
                vec![
                    Cell::text(d.name.clone()),
                    level_cell(d.mean_level),
                    Cell::of(format::level(d.min), CellKind::Number(d.min)),
                    Cell::of(format::level(d.max), CellKind::Number(d.max)),
                    change_cell(d.change),
                    count_cell(d.below_target),
                    count_cell(d.imbalanced),
                ]
            })
            .collect();
        self.table(
            "dimensions",
            vec![
                Column::text(l.dimension),
                Column::number(l.mean_level),
                Column::number(T::TrendLowest.get(lang)),
                Column::number(T::TrendHighest.get(lang)),
                Column::number(l.change),
                Column::number(T::DocBelowTarget.get(lang)),
                Column::number(l.imbalanced),
            ],
            rows,
        );
    }

    /// Led, for the whole government, by the shortfalls shared across
    /// departments (the roll-up); then the per-department rows in seven
    /// columns: department, indicator (its dimension below), current level,
    /// target, gap, priority, and the next level's descriptor. The body
    /// holds the most urgent [`super::report::TOP_PRIORITIES`]; the annex
    /// all of them. One department's report lists all its gaps, without
    /// the department column.
    fn priorities(&mut self) {
        let c = self.c;
        let l = c.labels;
        self.section(l.priorities, anchor::PRIORITIES);
        if c.scope.is_none() {
            self.rollup();
            self.push(heading(
                3,
                T::ReportPrioritiesByDepartment.get(c.lang),
                Some(anchor::PRIORITIES_DEPARTMENTS.to_owned()),
            ));
        }
        self.push(Paragraph::note(l.priorities_note));
        if c.priorities.is_empty() {
            self.push(Paragraph::body(l.no_priorities));
            return;
        }
        match &c.scope {
            Some((id, _)) => {
                let table = department_table_id("priorities", id);
                self.priority_table(&table, &c.priorities_all, false);
            }
            None => {
                // The rest are on each department's page, not listed again.
                self.priority_table("priorities", &c.priorities, true);
                let more = c.priorities_total.saturating_sub(c.priorities.len());
                if more > 0 {
                    self.push(Paragraph::note(words::more_on_pages(
                        more,
                        c.options.split,
                        c.lang,
                    )));
                }
            }
        }
    }

    fn priority_table(&mut self, id: &str, rows: &[super::report::PriorityRow], department: bool) {
        let c = self.c;
        let l = c.labels;
        let rows = rows
            .iter()
            .map(|p| {
                let mut row = Vec::with_capacity(7);
                if department {
                    row.push(
                        self.department_cell(&p.department_name, &p.department)
                            .with_notes(p.notes.clone()),
                    );
                }
                row.extend([
                    Cell::text(p.indicator_name.clone()).with_notes(vec![p.dimension_name.clone()]),
                    whole_level_cell(Some(p.current)).provisional(p.provisional),
                    whole_level_cell(Some(p.target)),
                    // Indicator gaps are whole levels.
                    Cell::of(format::fixed(p.gap, 0), CellKind::Number(Some(p.gap))),
                    Cell::of(format::priority(p.priority), CellKind::Number(Some(p.priority))),
                    Cell::text(words::next_step(
                        l.level_prefix,
                        &format::level_digit(p.next_level),
                        &p.next_rubric,
                        c.lang,
                    )),
                ]);
                row
            })
            .collect();
        let mut columns = Vec::with_capacity(7);
        if department {
            columns.push(Column::text(l.department));
        }
        columns.extend([
            Column::text(l.indicator),
            Column::number(l.current),
            Column::number(l.target),
            Column::number(l.gap),
            Column::number(l.priority),
            Column::text(l.next_step),
        ]);
        self.table(id, columns, rows);
    }

    /// The Measures section: the plan's counts, every action with its responsible unit and deadline, the
    /// gaps no open action addresses (the fifteen most urgent, then how
    /// many more), and the overdue actions. Overdue is said in words beside
    /// the status, never by colour alone.
    fn measures(&mut self) {
        let c = self.c;
        let lang = c.lang;
        let plan = &c.plan;
        self.section(T::ReportMeasures.get(lang), anchor::MEASURES);
        let note = if c.scope.is_some() {
            T::ReportMeasuresNoteDepartment
        } else {
            T::ReportMeasuresNote
        };
        self.push(Paragraph::note(note.get(lang)));
        if !plan.actions.is_empty() {
            self.push(Block::KeyFigures(
                plan.counts
                    .lines
                    .iter()
                    .map(|line| KeyFigure {
                        label: line.label.clone(),
                        value: line.value.clone(),
                        note: String::new(),
                    })
                    .collect(),
            ));
        }
        self.push(heading(
            3,
            T::ReportMeasuresActions.get(lang),
            Some(anchor::MEASURES_ACTIONS.to_owned()),
        ));
        if plan.actions.is_empty() {
            self.push(Paragraph::body(T::ReportNoActionsYet.get(lang)));
        } else {
            let cap = self.body_rows();
            self.actions_table("measures.actions", cap);
            if plan.actions.len() > cap {
                self.push(Paragraph::note(words::more_in_annex(
                    plan.actions.len() - cap,
                    lang,
                )));
            }
        }
        self.uncovered();
        self.overdue();
    }

    /// How many rows a long list keeps: [`BODY_ROWS`] in the full report
    /// (the rest in the annex), all in one department's.
    fn body_rows(&self) -> usize {
        if self.c.scope.is_some() {
            usize::MAX
        } else {
            BODY_ROWS
        }
    }

    /// The first `cap` actions with their responsible units and deadlines.
    fn actions_table(&mut self, id: &str, cap: usize) {
        let lang = self.c.lang;
        let rows = self
            .c
            .plan
            .actions
            .iter()
            .take(cap)
            .map(|a| self.action_cells(a, true))
            .collect();
        self.table(
            id,
            vec![
                Column::text(T::Department.get(lang)),
                Column::text(T::PlanActionTitle.get(lang)),
                Column::text(T::PlanAddresses.get(lang)),
                Column::text(T::PlanOwner.get(lang)),
                Column::text(T::PlanDue.get(lang)),
                Column::text(T::Status.get(lang)),
                Column::text(T::PlanEffect.get(lang)),
            ],
            rows,
        );
    }

    /// The indicator rows of the roll-up, the ten most urgent.
    fn rollup(&mut self) {
        let c = self.c;
        let lang = c.lang;
        self.push(heading(
            3,
            T::PlanRollup.get(lang),
            Some(anchor::PRIORITIES_ROLLUP.to_owned()),
        ));
        self.push(Paragraph::note(T::ReportRollupNote.get(lang)));
        let rows: Vec<Vec<Cell>> = c
            .plan
            .rollup_indicators()
            .take(TOP_ROLLUP)
            .map(|r| {
                vec![
                    Cell::text(r.name.clone()).with_notes(vec![r.dimension_name.clone()]),
                    // Department counts are far below 2^52: exact.
                    Cell::of(
                        words::count_of(r.departments.len(), c.summary.departments.len()),
                        CellKind::Number(Some(r.departments.len() as f64)),
                    ),
                    Cell::of(r.mean_gap_text.clone(), CellKind::Number(Some(r.mean_gap))),
                    Cell::of(r.total_gap_text.clone(), CellKind::Number(Some(r.total_gap))),
                    Cell::of(r.priority_text.clone(), CellKind::Number(Some(r.priority))),
                ]
            })
            .collect();
        if rows.is_empty() {
            self.push(Paragraph::body(c.labels.no_priorities));
            return;
        }
        self.table(
            "priorities.rollup",
            vec![
                Column::text(T::Indicator.get(lang)),
                Column::number(T::PlanDepartmentsBelow.get(lang)),
                Column::number(T::PlanMeanGap.get(lang)),
                Column::number(T::PlanTotalGap.get(lang)),
                Column::number(T::Priority.get(lang)),
            ],
            rows,
        );
    }

    /// The gaps no open action addresses, the most urgent first.
    fn uncovered(&mut self) {
        let c = self.c;
        let lang = c.lang;
        let gaps = &c.plan.uncovered;
        self.push(heading(
            3,
            T::PlanUncovered.get(lang),
            Some(anchor::MEASURES_UNCOVERED.to_owned()),
        ));
        if gaps.is_empty() {
            self.push(Paragraph::body(T::PlanNoUncovered.get(lang)));
            return;
        }
        self.push(Paragraph::note(T::ReportUncoveredNote.get(lang)));
        let rows = gaps
            .iter()
            .take(TOP_UNCOVERED)
            .map(|g| {
                vec![
                    self.department_cell(&g.department_name, &g.department),
                    Cell::text(g.indicator_name.clone()).with_notes(vec![g.dimension_name.clone()]),
                    whole_level_cell(Some(g.current)).provisional(g.provisional),
                    whole_level_cell(Some(g.target)),
                    Cell::of(g.gap_text.clone(), CellKind::Number(Some(g.gap))),
                    Cell::of(g.priority_text.clone(), CellKind::Number(Some(g.priority))),
                ]
            })
            .collect();
        self.table(
            "measures.uncovered",
            vec![
                Column::text(T::Department.get(lang)),
                Column::text(T::Indicator.get(lang)),
                Column::number(T::Current.get(lang)),
                Column::number(T::Target.get(lang)),
                Column::number(T::Gap.get(lang)),
                Column::number(T::Priority.get(lang)),
            ],
            rows,
        );
        if gaps.len() > TOP_UNCOVERED {
            self.push(Paragraph::note(words::more_rows(
                gaps.len() - TOP_UNCOVERED,
                lang,
            )));
        }
    }

    /// The actions open and past their due date.
    fn overdue(&mut self) {
        let c = self.c;
        let lang = c.lang;
        self.push(heading(
            3,
            T::ReportOverdueActions.get(lang),
            Some(anchor::MEASURES_OVERDUE.to_owned()),
        ));
        let overdue = c.plan.actions.iter().filter(|a| a.overdue).count();
        let cap = self.body_rows();
        let rows: Vec<Vec<Cell>> = c
            .plan
            .actions
            .iter()
            .filter(|a| a.overdue)
            .take(cap)
            .map(|a| {
                let mut cells = self.action_cells(a, false);
                // Department, action, responsible, due, status.
                cells.remove(2);
                cells
            })
            .collect();
        if rows.is_empty() {
            self.push(Paragraph::body(T::ReportNoOverdue.get(lang)));
            return;
        }
        self.table(
            "measures.overdue",
            vec![
                Column::text(T::Department.get(lang)),
                Column::text(T::PlanActionTitle.get(lang)),
                Column::text(T::PlanOwner.get(lang)),
                Column::text(T::PlanDue.get(lang)),
                Column::text(T::Status.get(lang)),
            ],
            rows,
        );
        if overdue > cap {
            self.push(Paragraph::note(words::more_in_annex(overdue - cap, lang)));
        }
    }

    /// An action's cells: department, action, addresses, responsible, due,
    /// status (with "⚠ Overdue" under it when it is), and, with `effect`,
    /// what it did (with "⚠" when unchanged after done).
    fn action_cells(&self, a: &ActionRow, effect: bool) -> Vec<Cell> {
        let lang = self.c.lang;
        let department = match a.departments.as_slice() {
            [one] => self.department_cell(&a.department_names, one),
            _ => Cell::text(a.department_names.clone()),
        };
        let status = action_status_cell(a, lang);
        let mut cells = vec![
            department,
            Cell::text(a.title.clone()),
            Cell::text(a.addresses.clone()),
            Cell::text(a.owner.clone()),
            Cell::of(a.due_text.clone(), CellKind::Date(Some(a.due))),
            status,
        ];
        if effect {
            let text = if a.effect_flagged {
                words::warning(&a.effect_text)
            } else {
                a.effect_text.clone()
            };
            cells.push(Cell::text(text));
        }
        cells
    }

    fn progress(&mut self) {
        let c = self.c;
        let l = c.labels;
        let lang = c.lang;
        self.section(l.progress, anchor::PROGRESS);
        if c.progress.is_empty() {
            self.push(Paragraph::body(l.no_progress));
            return;
        }
        if !self.large {
            let rows: Vec<&ProgressRow> = c.progress.iter().collect();
            self.progress_table("progress", &rows);
            return;
        }
        // A large report: the largest rises and declines; all in the annex.
        self.push(Paragraph::note(T::ReportProgressCapped.get(lang)));
        let mut sorted: Vec<&ProgressRow> = c.progress.iter().filter(|p| p.change.is_some()).collect();
        sorted.sort_by(|a, b| b.change.unwrap_or(0.0).total_cmp(&a.change.unwrap_or(0.0)));
        let rises: Vec<&ProgressRow> = sorted
            .iter()
            .copied()
            .filter(|p| p.change.is_some_and(|d| d > 0.0))
            .take(TOP_RANKED)
            .collect();
        let falls: Vec<&ProgressRow> = sorted
            .iter()
            .rev()
            .copied()
            .filter(|p| p.change.is_some_and(|d| d < 0.0))
            .take(TOP_RANKED)
            .collect();
        if !rises.is_empty() {
            self.push(heading(3, T::ReportLargestRises.get(lang), None));
            self.progress_table("progress.rises", &rises);
        }
        if !falls.is_empty() {
            self.push(heading(3, T::ReportLargestFalls.get(lang), None));
            self.progress_table("progress.falls", &falls);
        }
        let more = c.progress.len().saturating_sub(rises.len() + falls.len());
        if more > 0 {
            self.push(Paragraph::note(words::more_in_annex(more, lang)));
        }
    }

    /// Department, previous, current, change, then the change per dimension.
    fn progress_table(&mut self, id: &str, rows: &[&ProgressRow]) {
        let c = self.c;
        let l = c.labels;
        let lang = c.lang;
        let mut columns = vec![
            Column::text(l.department),
            Column::number(l.previous),
            Column::number(l.current),
            Column::number(l.change),
        ];
        // One column per dimension, headed by its position (named below).
        columns.extend((1..=c.dimensions.len()).map(|i| Column::number(words::dimension_key(i))));
        let rows = rows
            .iter()
            .map(|p| {
                let mut row = vec![
                    self.department_cell(&p.name, &p.id).with_notes(p.notes.clone()),
                    level_cell(p.previous_level).with_notes(vec![format::date(p.previous_period, lang)]),
                    level_cell(p.current_level)
                        .with_notes(vec![format::date(p.current_period, lang)])
                        .provisional(p.provisional),
                    change_cell(p.change),
                ];
                row.extend(p.dimension_changes.iter().map(|d| change_cell(*d)));
                row
            })
            .collect();
        self.table(id, columns, rows);
        let names: Vec<String> = c.dimensions.iter().map(|d| d.name.clone()).collect();
        self.push(Paragraph::note(words::dimension_keys(&names)));
    }

    /// One department's levels over time: the chart of its overall level,
    /// then a row per period with the overall level and each dimension's.
    fn department_trend(&mut self) {
        let c = self.c;
        let l = c.labels;
        let lang = c.lang;
        if c.history.is_empty() {
            return;
        }
        self.section(T::ReportDepartmentTrend.get(lang), anchor::HISTORY);
        if c.history.len() > 1 {
            let points: Vec<String> = c
                .history
                .iter()
                .map(|g| words::named_value(&format::date(g.period, lang), &format::level(Some(g.mean))))
                .collect();
            self.push(Block::Figure(Figure {
                chart: Chart::History,
                alt: words::alt(T::DocAltHistory.get(lang), &words::items(&points, lang), lang),
                caption: String::new(),
            }));
        }
        // The periods of the overall line; a dimension without a score at
        // a period shows a dash.
        let Some(overall) = c.level_trends.iter().find(|t| t.id.is_none()) else {
            return;
        };
        let dimensions: Vec<&super::report::LevelTrend> =
            c.level_trends.iter().filter(|t| t.id.is_some()).collect();
        let at = |trend: &super::report::LevelTrend, period| {
            trend.points.iter().find(|(p, _)| *p == period).map(|(_, v)| *v)
        };
        let rows = overall
            .points
            .iter()
            .map(|&(period, level)| {
                let mut row = vec![Cell::text(format::date(period, lang)), level_cell(Some(level))];
                row.extend(dimensions.iter().map(|t| level_cell(at(t, period))));
                row
            })
            .collect();
        let mut columns = vec![Column::text(l.period), Column::number(l.overall_level)];
        columns.extend((1..=dimensions.len()).map(|i| Column::number(words::dimension_key(i))));
        let id = c.scope.as_ref().map_or("", |(id, _)| id.as_str());
        self.table(&department_table_id("trend", id), columns, rows);
        let names: Vec<String> = dimensions.iter().map(|t| t.name.clone()).collect();
        self.push(Paragraph::note(words::dimension_keys(&names)));
    }

    fn history(&mut self) {
        let c = self.c;
        let l = c.labels;
        let lang = c.lang;
        if c.history.is_empty() {
            return;
        }
        self.section(l.history, anchor::HISTORY);
        if c.history.len() > 1 {
            let points: Vec<String> = c
                .history
                .iter()
                .map(|g| {
                    words::value_with_range(
                        &format::date(g.period, lang),
                        &format::level(Some(g.mean)),
                        &format::level(Some(g.min)),
                        &format::level(Some(g.max)),
                    )
                })
                .collect();
            self.push(Block::Figure(Figure {
                chart: Chart::History,
                alt: words::alt(T::DocAltHistory.get(lang), &words::items(&points, lang), lang),
                caption: T::DocHistoryBand.get(lang).to_owned(),
            }));
        }
        let rows = c
            .history
            .iter()
            .map(|g| {
                vec![
                    Cell::text(format::date(g.period, lang)),
                    level_cell(Some(g.mean)),
                    Cell::of(format::level(Some(g.min)), CellKind::Number(Some(g.min))),
                    Cell::of(format::level(Some(g.max)), CellKind::Number(Some(g.max))),
                    count_cell(g.count),
                ]
            })
            .collect();
        self.table(
            "history",
            vec![
                Column::text(l.period),
                Column::number(l.overall_level),
                Column::number(T::TrendLowest.get(lang)),
                Column::number(T::TrendHighest.get(lang)),
                Column::number(l.assessed),
            ],
            rows,
        );
    }

    /// A department's page: its profile, then its answers.
    fn department(&mut self, section: &DepartmentSection, level: u8, parts: bool) {
        if !self.department_profile(section, level, parts) {
            return;
        }
        let id = &section.figures.id;
        let anchor = parts.then(|| anchor::department_part("answers", id));
        self.push(heading(level + 1, self.c.labels.answers, anchor));
        self.answers_table(id, &section.answers);
    }

    /// A department's heading (its name clipped to [`HEADING_CHARS`], whole
    /// in the facts when cut) at `level`, its facts, profile and dimension
    /// table, under headings one level down (anchored when `parts`).
    /// `false` when it has no assessment (nothing follows the facts).
    fn department_profile(&mut self, section: &DepartmentSection, level: u8, parts: bool) -> bool {
        let c = self.c;
        let l = c.labels;
        let lang = c.lang;
        let f = &section.figures;
        let name = format::clip(&f.name, HEADING_CHARS);
        self.push(heading(level, &name, Some(anchor::department(&f.id))));
        // The kind of body ("Bureau"); the folder id stays out of a document
        // meant for readers (the workbook keeps it, for filtering).
        let mut facts = Vec::new();
        if name != f.name {
            facts.push((T::ReportFullName.get(lang).to_owned(), f.name.clone()));
        }
        if !section.kind.is_empty() {
            facts.push((T::Kind.get(lang).to_owned(), section.kind.clone()));
        }
        if let Some(parent) = &section.parent {
            facts.push((T::DocParentDepartment.get(lang).to_owned(), parent.clone()));
        }
        let warning = (!f.notes.is_empty()).then(|| notes_text(&f.notes, lang));
        if section.current.is_none() {
            self.push(Block::Facts(facts));
            self.push(Paragraph::body(l.no_assessment));
            if let Some(warning) = warning {
                self.push(Paragraph::warning(warning));
            }
            return false;
        }
        facts.extend([
            (l.assessed_on.to_owned(), format::date_or_missing(f.period, lang)),
            (l.status.to_owned(), f.status_label.clone()),
            (
                l.overall_level.to_owned(),
                provisional_text(&format::level(f.mean_level), f.is_provisional(), lang),
            ),
            (l.stage.to_owned(), stage_text(f.stage, &f.stage_name)),
            (l.change.to_owned(), format::change(f.change)),
            (l.coverage.to_owned(), format::percent(f.coverage)),
            (l.assessor.to_owned(), or_dash(&section.assessor)),
            (l.reviewer.to_owned(), or_dash(&section.reviewer)),
        ]);
        if let Some(date) = section.approved_on {
            facts.push((l.approved_on.to_owned(), format::date(date, lang)));
        }
        if let Some(target) = f.overall_target {
            facts.push((l.overall_target.to_owned(), format::level(Some(target))));
        }
        if let Some(answer) = &f.on_target_text {
            facts.push((l.on_target.to_owned(), answer.clone()));
        }
        if let Some(warning) = warning {
            self.push(Paragraph::warning(warning));
        }
        self.push(Block::Facts(facts));
        if !section.review_comment.is_empty() {
            self.push(Block::Facts(vec![(
                l.review_comment.to_owned(),
                section.review_comment.clone(),
            )]));
        }

        let part = |name: &str| parts.then(|| anchor::department_part(name, &f.id));
        self.push(heading(level + 1, l.radar, part("profile")));
        let series = profile(c, section);
        let groups: Vec<String> = series
            .iter()
            .map(|s| {
                let values: Vec<String> = c
                    .dimensions
                    .iter()
                    .zip(&s.values)
                    .map(|(d, v)| words::named_value(&d.name, &format::level(*v)))
                    .collect();
                words::labelled(&s.name, &words::items(&values, lang), lang)
            })
            .collect();
        let lead = words::labelled(T::DocAltRadar.get(lang), &f.name, lang);
        self.push(Block::Figure(Figure {
            chart: Chart::Radar(f.id.clone()),
            alt: words::alt(&lead, &words::groups(&groups, lang), lang),
            caption: l.radar_note.to_owned(),
        }));

        self.push(heading(level + 1, l.dimension_table, part("dimensions")));
        self.dimension_table(section);
        if let Some(agreement) = &section.agreement {
            self.push(heading(level + 1, T::RaterAgreement.get(lang), part("agreement")));
            self.agreement(&f.id, agreement, level + 2);
        }
        true
    }

    /// A department's rater agreement: who assessed, how far they agree,
    /// and its largest disagreements with each assessor's level (those 2
    /// levels or more apart marked).
    fn agreement(&mut self, id: &str, a: &AgreementFigures, level: u8) {
        let lang = self.c.lang;
        let l = self.c.labels;
        self.push(Paragraph::body(a.assessors_line.clone()));
        let summary = match &a.spread_line {
            Some(spread) => super::catalogue::consensus::then(&a.headline, spread, lang),
            None => a.headline.clone(),
        };
        self.push(Paragraph::body(summary));
        if a.rows.is_empty() {
            return;
        }
        let rows = a
            .rows
            .iter()
            .map(|r| {
                let indicator = Cell::text(r.indicator_name.clone()).with_notes(disagreement_notes(r, lang));
                let spread = Cell::of(r.spread_text.clone(), CellKind::Number(Some(f64::from(r.spread))));
                let mut cells = vec![indicator];
                cells.extend(r.levels.iter().map(|level| whole_level_cell(*level)));
                cells.push(spread);
                cells.push(whole_level_cell(r.agreed));
                cells
            })
            .collect();
        let mut columns = vec![Column::text(l.indicator)];
        columns.extend(a.assessor_headers.iter().map(|name| Column::number(name.clone())));
        columns.push(Column::number(T::Spread.get(lang)));
        columns.push(Column::number(T::AgreedLevel.get(lang)));
        self.push(heading(level, T::LargestDisagreements.get(lang), None));
        self.table(&department_table_id("agreement", id), columns, rows);
        if let Some(more) = &a.more_line {
            self.push(Paragraph::note(more.clone()));
        }
    }

    fn dimension_table(&mut self, section: &DepartmentSection) {
        let l = self.c.labels;
        let rows = section
            .figures
            .dimensions
            .iter()
            .map(|d| {
                let name = Cell::text(d.name.clone());
                let name = if d.imbalanced {
                    name.with_notes(vec![words::warning(l.imbalanced)])
                } else {
                    name
                };
                let floor = match (d.floor, &d.floor_indicator) {
                    (Some(level), Some(indicator)) => words::numbered(&format::level_digit(level), indicator),
                    (Some(level), None) => format::level_digit(level),
                    _ => format::MISSING.to_owned(),
                };
                vec![
                    name,
                    level_cell(d.mean_level),
                    Cell::of(floor, CellKind::WholeLevel(d.floor)),
                    whole_level_cell(d.target),
                    Cell::of(format::level(d.gap), CellKind::Number(d.gap)),
                    Cell::of(
                        d.priority
                            .map_or_else(|| format::MISSING.to_owned(), format::priority),
                        CellKind::Number(d.priority),
                    ),
                    change_cell(d.change),
                    Cell::text(words::count_of(d.answered, d.applicable)),
                ]
            })
            .collect();
        self.table(
            &department_table_id("dimensions", &section.figures.id),
            vec![
                Column::text(l.dimension),
                Column::number(l.mean_level),
                Column::text(l.floor),
                Column::number(l.target),
                Column::number(l.gap),
                Column::number(l.priority),
                Column::number(l.change),
                Column::number(l.answered),
            ],
            rows,
        );
    }

    fn answers_table(&mut self, id: &str, answers: &[AnswerRow]) {
        let l = self.c.labels;
        let rows = answers
            .iter()
            .map(|a| {
                let indicator = Cell::text(&*a.indicator_name);
                let indicator = match a.previous_level {
                    Some(p) => {
                        indicator.with_notes(vec![words::figure_line(l.previous, &format::level_digit(p))])
                    }
                    None => indicator,
                };
                let level = match (&a.not_applicable, a.level) {
                    (Some(_), _) => Cell::of(l.not_applicable, CellKind::WholeLevel(None)),
                    (None, Some(level)) => whole_level_cell(Some(level)),
                    (None, None) => Cell::of(l.unanswered, CellKind::WholeLevel(None)),
                };
                vec![
                    indicator,
                    level,
                    whole_level_cell(a.target),
                    Cell::text(&*a.rubric),
                    Cell::text(self.evidence_text(a)),
                    Cell::text(a.next_rubric.as_deref().unwrap_or_default()),
                ]
            })
            .collect();
        self.table(
            &department_table_id("answers", id),
            vec![
                Column::text(l.indicator),
                Column::number(l.level),
                Column::number(l.target),
                Column::text(l.rubric_descriptor),
                Column::text(l.evidence),
                Column::text(l.next_step),
            ],
            rows,
        );
    }

    /// Evidence with its reason, confidence, links and comment, one per line.
    fn evidence_text(&self, a: &AnswerRow) -> String {
        let l = self.c.labels;
        let lang = self.c.lang;
        let mut parts = Vec::new();
        if let Some(reason) = &a.not_applicable {
            parts.push(words::labelled(l.reason, reason, lang));
        }
        if !a.evidence.trim().is_empty() {
            parts.push(a.evidence.clone());
        }
        if !a.confidence_label.is_empty() {
            parts.push(words::labelled(l.confidence, &a.confidence_label, lang));
        }
        if !a.links.is_empty() {
            parts.push(words::labelled(l.links, &a.links.join(" "), lang));
        }
        if !a.comment.trim().is_empty() {
            parts.push(words::labelled(l.comment, &a.comment, lang));
        }
        if a.reconfirm {
            parts.push(words::warning(l.reconfirm));
        }
        parts.join("\n")
    }

    fn appendix(&mut self) {
        let c = self.c;
        let l = c.labels;
        let lang = c.lang;
        let a = &c.appendix;
        self.section(l.appendix, anchor::APPENDIX);
        self.push(heading(3, l.methodology, Some(anchor::METHODOLOGY.to_owned())));
        self.push(Block::List(a.methodology.clone()));

        self.push(heading(3, l.data_problems, Some(anchor::PROBLEMS.to_owned())));
        if a.problems.is_empty() {
            self.push(Paragraph::body(l.no_problems));
        } else {
            let rows = a
                .problems
                .iter()
                .map(|p| {
                    vec![
                        Cell::text(words::place(&p.file, p.line, p.column)),
                        Cell::text(p.severity.clone()),
                        Cell::text(p.message.clone()),
                    ]
                })
                .collect();
            self.table(
                "problems",
                vec![
                    Column::text(l.file),
                    Column::text(l.severity),
                    Column::text(l.message),
                ],
                rows,
            );
        }

        // One department's coverage is among its own figures.
        if c.scope.is_none() {
            self.coverage();
        }

        self.push(heading(3, l.rubric, Some(anchor::RUBRIC.to_owned())));
        let rows = c
            .levels
            .iter()
            .map(|h| {
                vec![
                    whole_level_cell(Some(h.level)),
                    Cell::text(h.name.clone()),
                    Cell::text(h.summary.clone()),
                ]
            })
            .collect();
        self.table(
            "levels",
            vec![
                Column::number(l.level),
                Column::text(l.stage),
                Column::text(l.rubric_descriptor),
            ],
            rows,
        );
        for dimension in &c.framework.dimensions {
            let mut columns = vec![Column::text(l.indicator)];
            columns.extend(Level::all().map(|level| {
                Column::text(words::level_heading(l.level_prefix, &format::level_digit(level)))
            }));
            let rows = dimension
                .indicators
                .iter()
                .map(|indicator| {
                    let mut row = vec![Cell::text(indicator.name.get(lang))];
                    row.extend(indicator.levels.iter().map(|text| Cell::text(text.get(lang))));
                    row
                })
                .collect();
            self.push(Block::Table(Table {
                id: rubric_table_id(&dimension.id),
                caption: Some(words::with_weight(
                    dimension.name.get(lang),
                    l.weight,
                    &format::weight(dimension.weight),
                    lang,
                )),
                columns,
                rows,
            }));
        }
    }

    /// Each department's answered and applicable indicators.
    fn coverage(&mut self) {
        let c = self.c;
        let l = c.labels;
        let lang = c.lang;
        let a = &c.appendix;
        self.push(heading(3, l.coverage, Some(anchor::COVERAGE.to_owned())));
        let rows = a
            .coverage
            .iter()
            .map(|row| {
                vec![
                    Cell::text(row.name.clone()),
                    Cell::text(format::date_or_missing(row.period, lang)),
                    count_cell(row.answered),
                    count_cell(row.applicable),
                    percent_cell(row.coverage),
                ]
            })
            .collect();
        self.table(
            "coverage",
            vec![
                Column::text(l.department),
                Column::text(l.period),
                Column::number(l.answered),
                Column::number(l.applicable),
                Column::number(l.coverage),
            ],
            rows,
        );
        self.push(Paragraph::body(words::labelled(
            l.coverage,
            &format::percent(Some(a.total_coverage)),
            lang,
        )));
    }

    /// The annexes but the department pages ([`DepartmentPages`]): the
    /// appendix (methodology, data problems, coverage, rubric) and the
    /// complete tables the body summarises. Returns how many annexes are
    /// numbered.
    fn annex(&mut self) -> usize {
        let c = self.c;
        let lang = c.lang;
        self.section(T::ReportAnnexes.get(lang), anchor::ANNEX);
        self.push(Paragraph::note(T::ReportAnnexesNote.get(lang)));
        // The appendix first: how to read what follows.
        self.appendix();
        let mut number = 0;
        if self.large {
            self.annex_section(&mut number, T::ReportAnnexHeatmap, anchor::ANNEX_HEATMAP);
            if c.groups.len() > BODY_ROWS {
                self.push(heading(3, T::ReportGroups.get(lang), None));
                self.group_table("annex.groups", usize::MAX);
            }
            self.heatmap_table();
            self.annex_section(&mut number, T::ReportAnnexRanking, anchor::ANNEX_RANKING);
            if c.ranking.iter().any(|r| r.provisional) {
                self.push(Paragraph::note(c.labels.provisional_legend));
            }
            self.ranking_table("ranking", &c.ranking);
            if !c.progress.is_empty() {
                self.annex_section(&mut number, T::ReportAnnexProgress, anchor::ANNEX_PROGRESS);
                let rows: Vec<&ProgressRow> = c.progress.iter().collect();
                self.progress_table("progress", &rows);
            }
        }
        let overdue = c.plan.actions.iter().filter(|a| a.overdue).count();
        if c.plan.actions.len().max(overdue) > BODY_ROWS {
            self.annex_section(&mut number, T::ReportAnnexActions, anchor::ANNEX_ACTIONS);
            self.actions_table("annex.actions", usize::MAX);
        }
        number
    }

    /// The pages of the departments in `range`: level-2 sections in a
    /// report of up to [`LARGE`] departments, listed in the contents; level
    /// 3 beyond, in the outline only, so the contents stay one page.
    fn department_pages(&mut self, range: std::ops::Range<usize>) {
        let sections = &self.c.sections;
        let (level, parts) = if self.large { (3, false) } else { (2, true) };
        for i in range {
            if starts_page(sections, i) {
                self.push(Block::PageBreak);
            }
            self.department(&sections[i], level, parts);
        }
    }

    /// The next numbered annex, on a new page: "Annex 2. Ranking of all
    /// departments".
    fn annex_section(&mut self, number: &mut usize, title: T, anchor: &str) {
        let lang = self.c.lang;
        self.push(Block::PageBreak);
        *number += 1;
        self.section(&words::annex_title(*number, title.get(lang), lang), anchor);
    }

    /// Every department's mean level per dimension and overall, as a table.
    fn heatmap_table(&mut self) {
        let c = self.c;
        let l = c.labels;
        let mut columns = vec![Column::text(l.department)];
        columns.extend((1..=c.dimensions.len()).map(|i| Column::number(words::dimension_key(i))));
        columns.push(Column::number(l.overall_level));
        let rows = c
            .heatmap
            .iter()
            .zip(heatmap_values(c))
            .map(|(d, values)| {
                let provisional = d.is_provisional();
                let mut row = vec![self.department_cell(&d.name, &d.id)];
                row.extend(values.into_iter().map(|v| level_cell(v).provisional(provisional)));
                row
            })
            .collect();
        self.table("heatmap", columns, rows);
        let names: Vec<String> = c.dimensions.iter().map(|d| d.name.clone()).collect();
        self.push(Paragraph::note(words::dimension_keys(&names)));
    }

    fn approval(&mut self) {
        let c = self.c;
        let l = c.labels;
        let lang = c.lang;
        let a = &c.approval;
        self.section(l.approval, anchor::APPROVAL);
        self.push(Paragraph::body(l.approval_note));
        // One department's approval is its reviewer and date, not "1 / 1".
        if c.scope.is_none() {
            self.push(Paragraph::body(words::labelled(
                l.approved,
                &words::count_of(a.approved, a.assessed),
                lang,
            )));
        }
        // Filled in where recorded, else left blank to be signed by hand.
        self.push(Block::Facts(vec![
            (l.reviewer.to_owned(), a.reviewer.clone().unwrap_or_default()),
            (
                l.date.to_owned(),
                a.date.map(|d| format::date(d, lang)).unwrap_or_default(),
            ),
            (l.signature.to_owned(), String::new()),
        ]));
    }
}

/// The id of a department's table: `department.police.dimensions`.
pub fn department_table_id(part: &str, department: &str) -> String {
    format!("department.{department}.{part}")
}

/// The id of a dimension's rubric table: `rubric.services`.
pub fn rubric_table_id(dimension: &str) -> String {
    format!("rubric.{dimension}")
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use chrono::NaiveDate;

    use super::*;
    use crate::analysis::Basis;
    use crate::model::Lang;
    use crate::present::report::{Format, ReportOptions, build};
    use crate::store::{self, LoadedWorkspace};

    fn sample() -> LoadedWorkspace {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("assessments");
        match store::load(&root) {
            Ok(loaded) => loaded,
            Err(e) => panic!("{e}"),
        }
    }

    fn options(lang: Lang, department: Option<&str>) -> ReportOptions {
        ReportOptions {
            kind: Default::default(),
            style: Default::default(),
            split: false,
            format: Format::Pdf,
            period: None,
            department: department.map(str::to_owned),
            basis: Basis::Latest,
            lang,
            generated: NaiveDate::from_ymd_opt(2026, 1, 15).unwrap_or_default(),
        }
    }

    fn headers(table: &Table) -> Vec<&str> {
        table.columns.iter().map(|c| c.header.as_str()).collect()
    }

    fn column(table: &Table, i: usize) -> Vec<&str> {
        table.rows.iter().map(|r| r[i].text.as_str()).collect()
    }

    #[test]
    fn sections_come_in_one_order() {
        let document = document(&build(&sample(), &options(Lang::En, None)));
        let sections: Vec<&str> = document
            .outline()
            .filter(|(level, _, anchor)| *level == 2 && anchor::department_id(anchor).is_none())
            .map(|(_, _, anchor)| anchor)
            .collect();
        assert_eq!(
            sections,
            [
                "summary",
                "groups",
                "heatmap",
                "ranking",
                "stages",
                "dimensions",
                "priorities",
                "measures",
                "progress",
                "history",
                "approval",
                "annex",
                "appendix",
                "annex-actions",
                "annex-departments"
            ]
        );
        // The cover, then the contents on a page of their own.
        assert!(
            matches!(&document.blocks[0], Block::Heading { level: 1, text, anchor: None } if text == "Digital Government Maturity Report")
        );
        let contents = document
            .blocks
            .iter()
            .position(|b| matches!(b, Block::Contents { .. }));
        assert_eq!(contents, Some(5));
        assert_eq!(document.blocks[4], Block::PageBreak);
        // Twelve department sections after the appendix, in the annex.
        let departments = document
            .outline()
            .filter(|(level, _, anchor)| *level == 2 && anchor::department_id(anchor).is_some())
            .count();
        assert_eq!(departments, 12);
        let annex = document
            .outline()
            .position(|(_, _, anchor)| anchor == anchor::ANNEX)
            .unwrap_or_default();
        let first = document
            .outline()
            .position(|(_, _, anchor)| anchor::department_id(anchor).is_some())
            .unwrap_or_default();
        assert!(first > annex);
    }

    #[test]
    fn a_large_report_made_in_parts_is_the_report_made_whole() {
        let framework = store::builtin_framework().unwrap();
        let synthetic = crate::generate::SyntheticOptions {
            departments: 300,
            periods: 2,
            seed: 5,
            last_period: NaiveDate::from_ymd_opt(2025, 12, 31).unwrap(),
        };
        let (workspace, mut assessments) = crate::generate::synthetic(&framework, synthetic);
        // Departments without an assessment share a page with the next,
        // and the 256th has none: the second part cannot start after it.
        let unassessed: Vec<String> = (workspace.departments.iter().skip(1).step_by(5))
            .map(|d| d.id.clone())
            .collect();
        assessments.retain(|a| !unassessed.contains(&a.department));
        let loaded = LoadedWorkspace {
            root: Path::new("ws").to_path_buf(),
            data: crate::model::Dataset::new(workspace, framework, assessments),
            problems: Vec::new(),
            files: Default::default(),
            restorable: Default::default(),
        };
        for lang in Lang::ALL {
            let content = build(&loaded, &options(lang, None));
            let whole = document(&content);
            let (mut front, pages) = document_in_parts(&content);
            let parts: Vec<Vec<Block>> = pages.iter().flat_map(|p| p.parts()).collect();
            assert_eq!(parts.len(), 2, "300 departments in two parts");
            for part in parts {
                assert_eq!(part.first(), Some(&Block::PageBreak), "each part starts a page");
                front.blocks.extend(part);
            }
            assert_eq!(front, whole);
        }
    }

    #[test]
    fn a_split_report_leaves_the_department_pages_out_and_says_where_they_are() {
        let options = ReportOptions {
            split: true,
            ..options(Lang::En, None)
        };
        let document = document(&build(&sample(), &options));
        assert!(
            !document
                .outline()
                .any(|(_, _, a)| anchor::department_id(a).is_some())
        );
        assert!(!document.outline().any(|(_, _, a)| a == anchor::ANNEX_DEPARTMENTS));
        assert!(document.blocks.iter().any(|b| matches!(b, Block::Paragraph(p) if p.text.starts_with("Each department's page is a separate file"))));
    }

    #[test]
    fn a_department_report_leaves_out_what_compares_departments() {
        let loaded = sample();
        let id = loaded.data.workspace.departments[0].id.clone();
        let document = document(&build(&loaded, &options(Lang::En, Some(&id))));
        let sections: Vec<&str> = document
            .outline()
            .filter(|(level, _, _)| *level == 2)
            .map(|(_, _, anchor)| anchor)
            .collect();
        assert_eq!(
            sections,
            [
                "summary",
                "department-big-data-bureau",
                "priorities",
                "measures",
                "progress",
                "history",
                "answers-of-big-data-bureau",
                "appendix",
                "approval"
            ]
        );
        // Its gaps, all of them, without a department column.
        let Some(table) = document.table("department.big-data-bureau.priorities") else {
            panic!("no priorities table");
        };
        assert_eq!(headers(table)[..2], ["Indicator", "Current"]);
    }

    #[test]
    fn the_priorities_table_has_seven_columns_in_both_languages() {
        let loaded = sample();
        let en = document(&build(&loaded, &options(Lang::En, None)));
        let Some(table) = en.table("priorities") else {
            panic!("no priorities table");
        };
        assert_eq!(
            headers(table),
            [
                "Department",
                "Indicator",
                "Current",
                "Target",
                "Gap",
                "Priority",
                "What to do next (next level)"
            ]
        );
        assert_eq!(table.rows.len(), 10);
        assert!(table.rows.iter().all(|r| r.len() == 7));
        let zh = document(&build(&loaded, &options(Lang::Zh, None)));
        let Some(table) = zh.table("priorities") else {
            panic!("no priorities table");
        };
        assert_eq!(table.columns.len(), 7);
        assert_eq!(headers(table)[..2], ["部门", "指标"]);
    }

    #[test]
    fn equal_levels_share_a_rank() {
        // Two copies of the first department: three equal mean levels.
        let mut loaded = sample();
        let first = loaded.data.workspace.departments[0].clone();
        for copy in ["copy-a", "copy-b"] {
            let mut department = first.clone();
            department.id = copy.to_owned();
            department.name.en = copy.to_owned();
            let assessments: Vec<_> = loaded
                .data
                .assessments
                .iter()
                .filter(|a| a.department == first.id)
                .cloned()
                .collect();
            for mut assessment in assessments {
                assessment.department = copy.to_owned();
                loaded.data.assessments.push(assessment);
            }
            loaded.data.workspace.departments.push(department);
        }
        loaded.data.sort_assessments();
        let document = document(&build(&loaded, &options(Lang::En, None)));
        let Some(table) = document.table("ranking") else {
            panic!("no ranking table");
        };
        assert_eq!(
            headers(table),
            [
                "Rank",
                "Department",
                "Overall level",
                "Stage",
                "Change",
                "Coverage"
            ]
        );
        let ranks = column(table, 0);
        let names = column(table, 1);
        let levels = column(table, 2);
        // Three departments at 3.87 share rank 1 and the next is 4th; the
        // sample's Finance and Emergency Management bureaus both read 2.58
        // and share rank 11, and the next is 13th.
        assert_eq!(names[..3], ["Big Data Bureau", "copy-a", "copy-b"]);
        assert_eq!(
            levels,
            [
                "3.87", "3.87", "3.87", "3.22", "2.99", "2.83", "2.81", "2.79", "2.75", "2.61", "2.58",
                "2.58", "2.49", "1.91"
            ]
        );
        assert_eq!(
            ranks,
            [
                "1", "1", "1", "4", "5", "6", "7", "8", "9", "10", "11", "11", "13", "14"
            ]
        );
        // Which of two tied departments is listed first is the ranking's
        // tie-break; both hold rank 11.
        let mut tied = [names[10], names[11]];
        tied.sort_unstable();
        assert_eq!(tied, ["Emergency Management Bureau", "Finance Bureau"]);
    }

    #[test]
    fn every_figure_has_its_text_equivalent() {
        let loaded = sample();
        for lang in [Lang::En, Lang::Zh] {
            let document = document(&build(&loaded, &options(lang, None)));
            let figures: Vec<&Figure> = document.figures().collect();
            // The heatmap, the ranking, the stages, the history and twelve profiles.
            assert_eq!(figures.len(), 16, "{lang:?}");
            assert!(figures.iter().all(|f| !f.alt.trim().is_empty()), "{figures:#?}");
        }
        let document = document(&build(&loaded, &options(Lang::En, None)));
        let Some(ranking) = document.figures().find(|f| f.chart == Chart::Ranking) else {
            panic!("no ranking figure");
        };
        assert!(
            ranking.alt.starts_with("Departments by mean level. "),
            "{}",
            ranking.alt
        );
    }
}
