//! The report as a [`Document`]: one section order, one set of columns and
//! one wording for every format. HTML and PDF print what [`document`] gives
//! them; neither lays out a section of its own.
//!
//! The order: the cover (title, workspace, scope, period, generated, stage,
//! basis, three key figures), the contents, the executive summary
//! (narrative and key figures), the heatmap with its notes, the ranking
//! (chart and table with shared ranks), the stage distribution, the
//! dimensions across departments, the priorities (led by the shortfalls
//! shared across departments, then per department), the measures (the
//! improvement plan: actions, uncovered gaps, overdue actions), the progress since the previous
//! period, the mean level over time, one section per department (facts,
//! notes, profile, dimension table, answers), the appendix (methodology,
//! data problems, coverage, rubric) and the approval block. A
//! one-department report leaves out the heatmap, the stage distribution,
//! the dimension overview and the shortfalls shared across departments,
//! which compare departments.
//!
//! Every word comes from the report's labels or the catalogue, every number
//! from [`super::format`]; a cell's text is final and its [`CellKind`]
//! carries the value a writer colours it by.

use super::catalogue::{T, document as words};
use super::document::{
    Block, Cell, CellKind, Chart, Column, Document, Figure, KeyFigure, Paragraph, Table, anchor,
};
use super::format;
use super::plan::ActionRow;
use super::report::{AnswerRow, DepartmentSection, ReportContent, notes_text, provisional_text};
use crate::model::Level;

/// The report as a document, of the kind its options ask for: a brief
/// ([`super::brief`]), or the full or one department's report.
pub fn document(content: &ReportContent) -> Document {
    match content.options.effective_kind() {
        super::report::ReportKind::Brief => super::brief::document(content),
        _ => full_document(content),
    }
}

/// The whole report as a document, cover first.
fn full_document(content: &ReportContent) -> Document {
    let mut out = Builder {
        c: content,
        blocks: Vec::new(),
    };
    let whole = content.scope.is_none();
    out.cover();
    out.push(Block::PageBreak);
    out.push(Block::Contents {
        title: content.labels.contents.to_owned(),
    });
    out.push(Block::PageBreak);
    out.summary();
    out.push(Block::PageBreak);
    if whole {
        out.heatmap();
    }
    out.ranking();
    if whole {
        out.push(Block::PageBreak);
        out.stages();
        out.dimension_overview();
        out.push(Block::PageBreak);
    }
    out.priorities();
    out.push(Block::PageBreak);
    out.measures();
    out.push(Block::PageBreak);
    out.progress();
    out.history();
    for section in &content.sections {
        out.push(Block::PageBreak);
        out.department(section);
    }
    out.push(Block::PageBreak);
    out.appendix();
    out.approval();
    Document {
        kind: content.options.effective_kind(),
        style: content.options.style,
        masthead: super::brief::masthead(content),
        lang: content.lang,
        title: content.report_title().to_owned(),
        blocks: out.blocks,
    }
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
    let by_dimension = |score: &crate::analysis::AssessmentScore| -> Vec<Option<f64>> {
        content
            .dimensions
            .iter()
            .map(|d| score.dimension(&d.id).and_then(|s| s.mean_level))
            .collect()
    };
    let mut series = Vec::new();
    if let Some(current) = &section.current {
        series.push(ProfileSeries {
            name: words::dated(l.current, &format::date(current.period, lang), lang),
            values: by_dimension(current),
            current: true,
        });
    }
    if let Some(previous) = &section.previous {
        series.push(ProfileSeries {
            name: words::dated(l.previous, &format::date(previous.period, lang), lang),
            values: by_dimension(previous),
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
}

/// A mean level, coloured by it.
fn level_cell(value: Option<f64>) -> Cell {
    Cell::of(format::level(value), CellKind::Level(value))
}

/// A whole level (stage, answer, target), coloured by it.
fn whole_level_cell(level: Option<Level>) -> Cell {
    Cell::of(
        level.map_or_else(|| format::MISSING.to_owned(), format::level_digit),
        CellKind::WholeLevel(level),
    )
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
        self.push(Paragraph::body(c.title.get(lang)));
        let scope = c
            .scope
            .as_ref()
            .map_or_else(|| l.whole_government.to_owned(), |(_, name)| name.clone());
        let mut facts = vec![
            (l.scope.to_owned(), scope),
            (l.period.to_owned(), format::date_or_missing(c.period, lang)),
            (l.generated.to_owned(), format::date(c.generated, lang)),
            (l.overall_stage.to_owned(), self.stage_line()),
        ];
        // The basis is one fact over several lines: its label on the first.
        for (i, line) in c.basis_lines.iter().enumerate() {
            let label = if i == 0 { l.basis } else { "" };
            facts.push((label.to_owned(), line.clone()));
        }
        self.push(Block::Facts(facts));
        self.push(Block::KeyFigures(vec![
            KeyFigure {
                label: l.assessed.to_owned(),
                value: words::count_of(s.assessed, s.departments.len()),
                note: String::new(),
            },
            KeyFigure {
                label: l.approved.to_owned(),
                value: words::count_of(s.workflow_approved, s.assessed),
                note: String::new(),
            },
            KeyFigure {
                label: l.coverage.to_owned(),
                value: format::percent(Some(s.coverage)),
                note: String::new(),
            },
        ]));
    }

    fn summary(&mut self) {
        let c = self.c;
        let l = c.labels;
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
        self.push(Block::KeyFigures(vec![
            figure(
                l.overall_stage,
                stage_text(s.stage, &s.stage.map(|st| c.level_name(st)).unwrap_or_default()),
            ),
            figure(l.overall_level, format::level(s.mean_level)),
            figure(l.assessed, words::count_of(s.assessed, s.departments.len())),
            figure(l.approved, s.workflow_approved.to_string()),
            figure(l.submitted, s.submitted.to_string()),
            figure(l.draft, s.draft.to_string()),
            figure(l.coverage, format::percent(Some(s.coverage))),
        ]));
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
        let rows = c
            .ranking
            .iter()
            .map(|r| {
                let rank = r.rank.map(|n| n as f64);
                vec![
                    Cell::of(
                        r.rank
                            .map_or_else(|| format::MISSING.to_owned(), |n| n.to_string()),
                        CellKind::Number(rank),
                    ),
                    Cell::text(r.name.clone())
                        .with_notes(r.notes.clone())
                        .linked(anchor::department(&r.id)),
                    level_cell(r.mean_level).provisional(r.provisional),
                    Cell::text(stage_text(r.stage, &r.stage_name)),
                    change_cell(r.change),
                    percent_cell(r.coverage),
                ]
            })
            .collect();
        self.table(
            "ranking",
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
    /// target, gap, priority, and the next level's descriptor.
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
        let rows = c
            .priorities
            .iter()
            .map(|p| {
                vec![
                    Cell::text(p.department_name.clone())
                        .with_notes(p.notes.clone())
                        .linked(anchor::department(&p.department)),
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
                ]
            })
            .collect();
        self.table(
            "priorities",
            vec![
                Column::text(l.department),
                Column::text(l.indicator),
                Column::number(l.current),
                Column::number(l.target),
                Column::number(l.gap),
                Column::number(l.priority),
                Column::text(l.next_step),
            ],
            rows,
        );
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
            let rows = plan.actions.iter().map(|a| self.action_cells(a, true)).collect();
            self.table(
                "measures.actions",
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
        self.uncovered();
        self.overdue();
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
                    Cell::text(g.department_name.clone()).linked(anchor::department(&g.department)),
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
        let rows: Vec<Vec<Cell>> = c
            .plan
            .actions
            .iter()
            .filter(|a| a.overdue)
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
    }

    /// An action's cells: department, action, addresses, responsible, due,
    /// status (with "⚠ Overdue" under it when it is), and, with `effect`,
    /// what it did (with "⚠" when unchanged after done).
    fn action_cells(&self, a: &ActionRow, effect: bool) -> Vec<Cell> {
        let lang = self.c.lang;
        let department = match a.departments.as_slice() {
            [one] => Cell::text(a.department_names.clone()).linked(anchor::department(one)),
            _ => Cell::text(a.department_names.clone()),
        };
        let status = Cell::text(a.status_text.clone());
        let status = if a.overdue {
            status.with_notes(vec![words::warning(T::PlanOverdue.get(lang))])
        } else {
            status
        };
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
        let mut columns = vec![
            Column::text(l.department),
            Column::number(l.previous),
            Column::number(l.current),
            Column::number(l.change),
        ];
        // One column per dimension, headed by its position (named below).
        columns.extend((1..=c.dimensions.len()).map(|i| Column::number(words::dimension_key(i))));
        let rows = c
            .progress
            .iter()
            .map(|p| {
                let mut row = vec![
                    Cell::text(p.name.clone())
                        .with_notes(p.notes.clone())
                        .linked(anchor::department(&p.id)),
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
        self.table("progress", columns, rows);
        let names: Vec<String> = c.dimensions.iter().map(|d| d.name.clone()).collect();
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

    fn department(&mut self, section: &DepartmentSection) {
        let c = self.c;
        let l = c.labels;
        let lang = c.lang;
        let f = &section.figures;
        self.section(&f.name, &anchor::department(&f.id));
        // The kind of body ("Bureau"); the folder id stays out of a document
        // meant for readers (the workbook keeps it, for filtering).
        let mut facts = Vec::new();
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
            return;
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

        self.push(heading(
            3,
            l.radar,
            Some(anchor::department_part("profile", &f.id)),
        ));
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

        self.push(heading(
            3,
            l.dimension_table,
            Some(anchor::department_part("dimensions", &f.id)),
        ));
        self.dimension_table(section);
        self.push(heading(
            3,
            l.answers,
            Some(anchor::department_part("answers", &f.id)),
        ));
        self.answers_table(&f.id, &section.answers);
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
                let indicator = Cell::text(a.indicator_name.clone());
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
                    Cell::text(a.rubric.clone()),
                    Cell::text(self.evidence_text(a)),
                    Cell::text(a.next_rubric.clone().unwrap_or_default()),
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

    fn approval(&mut self) {
        let c = self.c;
        let l = c.labels;
        let lang = c.lang;
        let a = &c.approval;
        self.section(l.approval, anchor::APPROVAL);
        self.push(Paragraph::body(l.approval_note));
        self.push(Paragraph::body(words::labelled(
            l.approved,
            &words::count_of(a.approved, a.assessed),
            lang,
        )));
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
                "heatmap",
                "ranking",
                "stages",
                "dimensions",
                "priorities",
                "measures",
                "progress",
                "history",
                "appendix",
                "approval"
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
        // Twelve department sections between the history and the appendix.
        let departments = document
            .outline()
            .filter(|(level, _, anchor)| *level == 2 && anchor::department_id(anchor).is_some())
            .count();
        assert_eq!(departments, 12);
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
                "ranking",
                "priorities",
                "measures",
                "progress",
                "history",
                "department-big-data-bureau",
                "appendix",
                "approval"
            ]
        );
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
