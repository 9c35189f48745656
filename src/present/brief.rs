//! The brief: what leadership reads, in at most four A4 pages whatever the
//! size of the workspace. Its order is that of a government briefing: the
//! title and the as-of line; 1. the overall picture (conclusions in prose,
//! key figures, departments by stage); 2. the main problems (the
//! shortfalls shared across departments, by indicator and by dimension,
//! and the departments needing attention); 3. the targets; 4. the measures
//! (under way, with responsible units and deadlines, and the gaps no
//! measure covers yet); notes (provisional figures, where the full report
//! is); the sign-off block.
//!
//! Every list is capped (the most urgent first, "and N more" after), and
//! names in tables are clipped, so the length does not grow with the
//! workspace. The official style sets 16 pt type on 22 lines a page, so it
//! shows fewer rows. A one-department brief speaks of that department: its
//! own gaps instead of the shared shortfalls, no department list.

use super::build::{action_status_cell, whole_level_cell};
use super::catalogue::brief as say;
use super::catalogue::{T, document as words, report as sentences};
use super::document::{
    Block, Cell, CellKind, Column, Document, KeyFigure, Masthead, Paragraph, SignOff, Table, anchor,
};
use super::format;
use super::report::{ReportContent, ReportKind, ReportStyle};
use crate::analysis::TargetState;

/// How many rows each list shows: fewer in the official style, whose type
/// is larger.
struct Caps {
    shared: usize,
    dimensions: usize,
    names: usize,
    targets: usize,
    measures: usize,
    uncovered: usize,
}

impl Caps {
    fn for_style(style: ReportStyle) -> Caps {
        match style {
            ReportStyle::Plain => Caps {
                shared: 5,
                dimensions: 3,
                names: 5,
                targets: 5,
                measures: 8,
                uncovered: 5,
            },
            ReportStyle::Official => Caps {
                shared: 3,
                dimensions: 2,
                names: 3,
                targets: 3,
                measures: 3,
                uncovered: 2,
            },
        }
    }
}

/// A name in a table cell or a list: long enough to tell departments apart
/// ("Lakeshore District North Water Office"), short enough for one line.
const NAME_CHARS: usize = 40;
/// The workspace's title in the line under the brief's title.
const TITLE_LINE_CHARS: usize = 90;
/// An action's title in the measures table.
const TITLE_CHARS: usize = 60;

/// The brief as a document.
pub fn document(content: &ReportContent) -> Document {
    let style = printed_style(content);
    let mut out = Brief {
        c: content,
        caps: Caps::for_style(style),
        blocks: Vec::new(),
    };
    out.title();
    out.conclusions();
    out.problems();
    out.targets();
    out.measures();
    out.notes();
    out.sign_off();
    Document {
        lang: content.lang,
        title: T::BriefTitle.get(content.lang).to_owned(),
        kind: ReportKind::Brief,
        style,
        masthead: masthead(content),
        blocks: out.blocks,
    }
}

/// The style a report is printed in: the official document style of
/// GB/T 9704-2012 is a Chinese one (仿宋 at 16 pt, 28 characters a line);
/// an English report asked for in it keeps its header and sign-off
/// ([`masthead`], the sign-off block) in the plain professional style.
pub fn printed_style(content: &ReportContent) -> ReportStyle {
    match (content.options.style, content.lang) {
        (ReportStyle::Official, crate::model::Lang::Zh) => ReportStyle::Official,
        _ => ReportStyle::Plain,
    }
}

/// The official style's header, from the workspace's report settings (the
/// workspace title when no issuing office is set); `None` in the plain style.
pub fn masthead(content: &ReportContent) -> Option<Masthead> {
    if content.options.style != ReportStyle::Official {
        return None;
    }
    let office = content.settings.issuing_office.get(content.lang);
    let office = if office.trim().is_empty() {
        content.title.get(content.lang)
    } else {
        office
    };
    Some(Masthead {
        office: format::clip(office, NAME_CHARS),
        number: format::clip(&content.settings.document_number, NAME_CHARS),
    })
}

struct Brief<'a> {
    c: &'a ReportContent,
    caps: Caps,
    blocks: Vec<Block>,
}

fn heading(level: u8, text: &str, anchor: Option<&str>) -> Block {
    Block::Heading {
        level,
        text: text.to_owned(),
        anchor: anchor.map(str::to_owned),
    }
}

fn name(text: &str) -> String {
    format::clip(text, NAME_CHARS)
}

impl Brief<'_> {
    fn push(&mut self, block: Block) {
        self.blocks.push(block);
    }

    /// A table whose first column names the department: left out in a
    /// one-department brief, where every row is that department's.
    fn department_table(&mut self, id: &str, mut columns: Vec<Column>, mut rows: Vec<Vec<Cell>>) {
        if self.c.scope.is_some() {
            columns.remove(0);
            for row in &mut rows {
                row.remove(0);
            }
        }
        self.table(id, columns, rows);
    }

    fn table(&mut self, id: &str, columns: Vec<Column>, rows: Vec<Vec<Cell>>) {
        self.push(Block::Table(Table {
            id: id.to_owned(),
            caption: None,
            columns,
            rows,
        }));
    }

    /// The title, then the workspace, scope and as-of date, then what the
    /// figures count (the basis lines).
    fn title(&mut self) {
        let c = self.c;
        let lang = c.lang;
        self.push(heading(1, T::BriefTitle.get(lang), None));
        let as_of = c.period.map(|p| format::date(p, lang));
        let scope = c
            .scope
            .as_ref()
            .map(|(_, name)| super::format::clip(name, NAME_CHARS));
        self.push(Paragraph::body(say::subtitle(
            &format::clip(c.title.get(lang), TITLE_LINE_CHARS),
            scope.as_deref(),
            as_of.as_deref(),
            lang,
        )));
        // What the figures count, in one line; the details (carried over,
        // newer work not counted, unreadable files) go to the notes.
        if let Some(basis) = c.basis_lines.first() {
            self.push(Paragraph::note(words::labelled(c.labels.basis, basis, lang)));
        }
    }

    /// Section 1, the overall picture: the conclusions in prose, the key figures,
    /// the departments by stage.
    fn conclusions(&mut self) {
        let c = self.c;
        let lang = c.lang;
        let l = c.labels;
        let s = &c.summary;
        self.push(heading(
            2,
            T::BriefConclusions.get(lang),
            Some(anchor::CONCLUSIONS),
        ));
        for paragraph in super::report::conclusions(c) {
            self.push(Paragraph::body(paragraph));
        }
        let stage = s.stage.map_or_else(
            || l.no_data.to_owned(),
            |st| words::numbered(&st.get().to_string(), &c.level_name(st)),
        );
        let mut figures = vec![KeyFigure {
            label: l.overall_level.to_owned(),
            value: format::level(s.mean_level),
            note: stage,
        }];
        match (&c.scope, c.heatmap.first(), c.ranking.first()) {
            // One department: its status and its place among all, not "1 / 1".
            (Some(_), Some(own), rank) => {
                figures.push(KeyFigure {
                    label: l.status.to_owned(),
                    value: own.status_label.clone(),
                    note: String::new(),
                });
                if let Some(rank) = rank.and_then(|r| Some((r.rank?, r.of))) {
                    figures.push(KeyFigure {
                        label: l.rank.to_owned(),
                        value: words::count_of(rank.0, rank.1),
                        note: String::new(),
                    });
                }
            }
            _ => figures.extend([
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
            ]),
        }
        figures.extend([KeyFigure {
            label: l.coverage.to_owned(),
            value: format::percent(Some(s.coverage)),
            note: String::new(),
        }]);
        let counts = &c.plan.counts;
        if counts.open + counts.done > 0 {
            figures.push(KeyFigure {
                label: T::BriefOpenCount.get(lang).to_owned(),
                value: counts.open.to_string(),
                note: say::overdue_of_them(counts.overdue, lang),
            });
        }
        // An official brief states its figures in the prose above, as an
        // office would; the plain one adds them as a row of boxes.
        if printed_style(c) == ReportStyle::Plain {
            self.push(heading(3, T::BriefKeyFigures.get(lang), None));
            self.push(Block::KeyFigures(figures));
        }
        if c.scope.is_none() {
            self.push(heading(3, T::BriefStages.get(lang), None));
            let names: Vec<String> = c.levels.iter().map(|h| h.name.clone()).collect();
            let counts: Vec<say::StageCount<'_>> = c
                .levels
                .iter()
                .zip(s.stage_counts)
                .zip(&names)
                .map(|((head, count), name)| say::StageCount {
                    stage: head.level.get(),
                    name,
                    count,
                })
                .collect();
            self.push(Paragraph::body(say::stages(s.assessed, &counts, lang)));
        }
    }

    /// Section 2, the main problems: what falls short across departments (by
    /// indicator, then by dimension) and who needs attention; for one
    /// department, its own largest gaps.
    fn problems(&mut self) {
        let c = self.c;
        let lang = c.lang;
        self.push(heading(2, T::BriefProblems.get(lang), Some(anchor::PRIORITIES)));
        if c.scope.is_some() {
            self.department_gaps();
            return;
        }
        self.push(heading(3, T::BriefShared.get(lang), None));
        let total = c.summary.departments.len();
        let rows: Vec<Vec<Cell>> = c
            .plan
            .rollup_indicators()
            .take(self.caps.shared)
            .map(|r| {
                vec![
                    Cell::text(name(&r.name)).with_notes(vec![name(&r.dimension_name)]),
                    Cell::of(
                        words::count_of(r.departments.len(), total),
                        // Department counts are far below 2^52: exact.
                        CellKind::Number(Some(r.departments.len() as f64)),
                    ),
                    Cell::of(r.mean_gap_text.clone(), CellKind::Number(Some(r.mean_gap))),
                    Cell::of(r.priority_text.clone(), CellKind::Number(Some(r.priority))),
                ]
            })
            .collect();
        if rows.is_empty() {
            self.push(Paragraph::body(c.labels.no_priorities));
        } else {
            self.table(
                "brief.shared",
                vec![
                    Column::text(T::Indicator.get(lang)),
                    Column::number(T::PlanDepartmentsBelow.get(lang)),
                    Column::number(T::PlanMeanGap.get(lang)),
                    Column::number(T::Priority.get(lang)),
                ],
                rows,
            );
        }
        let rows: Vec<Vec<Cell>> = c
            .plan
            .rollup_dimensions()
            .take(self.caps.dimensions)
            .map(|r| {
                vec![
                    Cell::text(name(&r.name)),
                    Cell::of(
                        words::count_of(r.departments.len(), total),
                        CellKind::Number(Some(r.departments.len() as f64)),
                    ),
                    Cell::of(r.mean_gap_text.clone(), CellKind::Number(Some(r.mean_gap))),
                    Cell::of(r.priority_text.clone(), CellKind::Number(Some(r.priority))),
                ]
            })
            .collect();
        if !rows.is_empty() {
            self.push(heading(3, T::BriefSharedDimensions.get(lang), None));
            self.table(
                "brief.dimensions",
                vec![
                    Column::text(T::Dimension.get(lang)),
                    Column::number(T::PlanDepartmentsBelow.get(lang)),
                    Column::number(T::PlanMeanGap.get(lang)),
                    Column::number(T::Priority.get(lang)),
                ],
                rows,
            );
        }
        self.attention();
    }

    /// A department's own largest gaps against its targets.
    fn department_gaps(&mut self) {
        let c = self.c;
        let lang = c.lang;
        let rows: Vec<Vec<Cell>> = c
            .priorities
            .iter()
            .take(self.caps.shared + self.caps.dimensions)
            .map(|p| {
                vec![
                    Cell::text(name(&p.indicator_name)).with_notes(vec![name(&p.dimension_name)]),
                    whole_level_cell(Some(p.current)).provisional(p.provisional),
                    whole_level_cell(Some(p.target)),
                    Cell::of(format::priority(p.priority), CellKind::Number(Some(p.priority))),
                ]
            })
            .collect();
        if rows.is_empty() {
            self.push(Paragraph::body(c.labels.no_priorities));
            return;
        }
        self.push(Paragraph::body(say::department_gaps(lang)));
        self.table(
            "brief.gaps",
            vec![
                Column::text(T::Indicator.get(lang)),
                Column::number(T::Current.get(lang)),
                Column::number(T::Target.get(lang)),
                Column::number(T::Priority.get(lang)),
            ],
            rows,
        );
    }

    /// The departments needing attention: the lowest overall levels, the
    /// largest declines, the latest files that could not be read, the
    /// overdue measures.
    fn attention(&mut self) {
        let c = self.c;
        let lang = c.lang;
        let n = self.caps.names;
        self.push(heading(3, T::BriefAttention.get(lang), Some(anchor::ATTENTION)));
        let mut lines = Vec::new();

        let ranked: Vec<_> = c.ranking.iter().filter(|r| r.mean_level.is_some()).collect();
        // Only when there are departments to compare: the lowest of two is
        // not news, the lowest five of twelve are.
        if ranked.len() > n {
            let lowest: Vec<String> = ranked
                .iter()
                .rev()
                .take(n)
                .map(|r| sentences::with_figure(&name(&r.name), &format::level(r.mean_level), lang))
                .collect();
            lines.push(say::attention(T::BriefLowest.get(lang), &lowest, n, lang));
        }

        let shown = |change: f64| format::round(change, format::LEVEL_DECIMALS);
        let mut declined: Vec<_> = c
            .progress
            .iter()
            .filter(|p| Some(p.current_period) == c.period)
            .filter_map(|p| Some((p, p.change?)))
            .filter(|(_, change)| shown(*change) < 0.0)
            .collect();
        declined.sort_by(|a, b| a.1.total_cmp(&b.1).then_with(|| a.0.name.cmp(&b.0.name)));
        if !declined.is_empty() {
            let named: Vec<String> = declined
                .iter()
                .take(n)
                .map(|(p, change)| {
                    sentences::mover(
                        &name(&p.name),
                        &format::change(Some(*change)),
                        p.provisional,
                        lang,
                    )
                })
                .collect();
            lines.push(say::attention(
                T::BriefDeclined.get(lang),
                &named,
                declined.len(),
                lang,
            ));
        }

        let unreadable: Vec<String> = c
            .heatmap
            .iter()
            .filter(|d| d.unreadable.is_some())
            .map(|d| name(&d.name))
            .collect();
        if !unreadable.is_empty() {
            let named: Vec<String> = unreadable.iter().take(n).cloned().collect();
            lines.push(say::attention(
                T::BriefUnreadable.get(lang),
                &named,
                unreadable.len(),
                lang,
            ));
        }

        // Overdue measures by department, the most first: a joint action
        // counts for each of its departments, a government-wide one for
        // every department it includes.
        let names: std::collections::HashMap<&str, &str> = c
            .ranking
            .iter()
            .map(|r| (r.id.as_str(), r.name.as_str()))
            .collect();
        let mut overdue: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
        for action in c.plan.actions.iter().filter(|a| a.overdue) {
            if action.departments.is_empty() {
                *overdue.entry(action.department_names.as_str()).or_default() += 1;
            }
            for id in &action.departments {
                let name = names.get(id.as_str()).copied().unwrap_or(id.as_str());
                *overdue.entry(name).or_default() += 1;
            }
        }
        let mut overdue: Vec<(&str, usize)> = overdue.into_iter().collect();
        overdue.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
        if !overdue.is_empty() {
            let named: Vec<String> = overdue
                .iter()
                .take(n)
                .map(|(who, count)| sentences::with_figure(&name(who), &say::measures(*count, lang), lang))
                .collect();
            lines.push(say::attention(
                T::BriefOverdue.get(lang),
                &named,
                overdue.len(),
                lang,
            ));
        }

        if lines.is_empty() {
            self.push(Paragraph::body(T::BriefNoAttention.get(lang)));
        } else {
            self.push(Block::List(lines));
        }
    }

    /// Section 3, the targets: how many in each state, and those not on track.
    fn targets(&mut self) {
        let c = self.c;
        let lang = c.lang;
        self.push(heading(2, T::BriefTargets.get(lang), Some(anchor::TARGETS)));
        let targets = &c.plan.targets;
        if targets.is_empty() {
            self.push(Paragraph::body(T::BriefNoTargets.get(lang)));
            return;
        }
        let mut counts = say::TargetCounts::default();
        for t in targets {
            match t.state {
                TargetState::Reached => counts.reached += 1,
                TargetState::OnTrack => counts.on_track += 1,
                TargetState::AtRisk => counts.at_risk += 1,
                TargetState::OffTrack => counts.off_track += 1,
                TargetState::Overdue => counts.overdue += 1,
                TargetState::Unknown => counts.unknown += 1,
            }
        }
        self.push(Paragraph::body(say::targets(&counts, lang)));
        // The overdue first, then off track, then at risk; the earliest date first.
        let severity = |state: TargetState| match state {
            TargetState::Overdue => 0,
            TargetState::OffTrack => 1,
            TargetState::AtRisk => 2,
            _ => 3,
        };
        let mut behind: Vec<_> = targets.iter().filter(|t| severity(t.state) < 3).collect();
        behind.sort_by(|a, b| {
            severity(a.state)
                .cmp(&severity(b.state))
                .then(a.by.cmp(&b.by))
                .then_with(|| a.department_name.cmp(&b.department_name))
        });
        if behind.is_empty() {
            return;
        }
        self.push(heading(3, T::BriefOffTrack.get(lang), None));
        let rows: Vec<Vec<Cell>> = behind
            .iter()
            .take(self.caps.targets)
            .map(|t| {
                vec![
                    Cell::text(name(&t.department_name)),
                    Cell::text(name(&t.name)),
                    Cell::of(t.level_text.clone(), CellKind::WholeLevel(Some(t.level))),
                    Cell::of(t.by_text.clone(), CellKind::Date(Some(t.by))),
                    Cell::of(t.current_text.clone(), CellKind::Level(t.current)),
                    Cell::text(t.state_text.clone()),
                ]
            })
            .collect();
        let columns = vec![
            Column::text(T::Department.get(lang)),
            Column::text(T::Dimension.get(lang)),
            Column::number(T::Target.get(lang)),
            Column::text(T::TargetDate.get(lang)),
            Column::number(T::Current.get(lang)),
            Column::text(T::Status.get(lang)),
        ];
        self.department_table("brief.targets", columns, rows);
        if behind.len() > self.caps.targets {
            self.push(Paragraph::note(words::more_rows(
                behind.len() - self.caps.targets,
                lang,
            )));
        }
    }

    /// Section 4, the measures: those under way, overdue first, with their
    /// responsible units and deadlines; then the gaps no measure covers.
    fn measures(&mut self) {
        let c = self.c;
        let lang = c.lang;
        let plan = &c.plan;
        self.push(heading(2, T::BriefMeasures.get(lang), Some(anchor::MEASURES)));
        self.push(heading(3, T::BriefOpenMeasures.get(lang), None));
        let open: Vec<_> = plan.actions.iter().filter(|a| a.status.is_open()).collect();
        if open.is_empty() {
            self.push(Paragraph::body(T::BriefNoOpenMeasures.get(lang)));
        } else {
            self.push(Paragraph::body(say::measures_state(
                plan.counts.open,
                plan.counts.overdue,
                plan.counts.done,
                lang,
            )));
            let rows: Vec<Vec<Cell>> = open
                .iter()
                .take(self.caps.measures)
                .map(|a| {
                    let owner = if a.unit.is_empty() { &a.owner } else { &a.unit };
                    vec![
                        Cell::text(name(&a.department_names)),
                        Cell::text(format::clip(&a.title, TITLE_CHARS)),
                        Cell::text(name(owner)),
                        Cell::of(a.due_text.clone(), CellKind::Date(Some(a.due))),
                        action_status_cell(a, lang),
                    ]
                })
                .collect();
            let columns = vec![
                Column::text(T::Department.get(lang)),
                Column::text(T::PlanActionTitle.get(lang)),
                Column::text(T::PlanOwner.get(lang)),
                Column::text(T::PlanDue.get(lang)),
                Column::text(T::Status.get(lang)),
            ];
            self.department_table("brief.measures", columns, rows);
            if open.len() > self.caps.measures {
                self.push(Paragraph::note(say::more_measures(
                    open.len() - self.caps.measures,
                    lang,
                )));
            }
        }
        let gaps = &plan.uncovered;
        if gaps.is_empty() {
            return;
        }
        self.push(heading(3, T::BriefUncovered.get(lang), None));
        // A department's gaps are listed under its problems already: here
        // only how many of them no measure covers.
        let shown = if c.scope.is_some() {
            0
        } else {
            gaps.len().min(self.caps.uncovered)
        };
        self.push(Paragraph::body(say::uncovered(gaps.len(), shown, lang)));
        if shown == 0 {
            return;
        }
        let rows: Vec<Vec<Cell>> = gaps
            .iter()
            .take(shown)
            .map(|g| {
                vec![
                    Cell::text(name(&g.department_name)),
                    Cell::text(name(&g.indicator_name)).with_notes(vec![name(&g.dimension_name)]),
                    whole_level_cell(Some(g.current)).provisional(g.provisional),
                    whole_level_cell(Some(g.target)),
                    Cell::of(g.priority_text.clone(), CellKind::Number(Some(g.priority))),
                ]
            })
            .collect();
        let columns = vec![
            Column::text(T::Department.get(lang)),
            Column::text(T::Indicator.get(lang)),
            Column::number(T::Current.get(lang)),
            Column::number(T::Target.get(lang)),
            Column::number(T::Priority.get(lang)),
        ];
        self.department_table("brief.uncovered", columns, rows);
    }

    /// Notes: provisional figures, and where the full detail is.
    fn notes(&mut self) {
        let c = self.c;
        let lang = c.lang;
        let s = &c.summary;
        self.push(heading(3, T::BriefNotes.get(lang), None));
        let mut notes: Vec<String> = c.basis_lines.iter().skip(1).cloned().collect();
        if s.provisional > 0 {
            notes.push(say::provisional(s.provisional, s.assessed, lang));
        }
        notes.push(T::BriefFullReport.get(lang).to_owned());
        for note in notes {
            self.push(Paragraph::note(note));
        }
    }

    /// The sign-off chain: names from the workspace's report settings,
    /// else (for one department) from its assessment's workflow records,
    /// else a line to sign by hand; then the date of issue.
    fn sign_off(&mut self) {
        let c = self.c;
        let lang = c.lang;
        let settings = &c.settings;
        let or = |set: &str, recorded: Option<&String>| -> String {
            if set.trim().is_empty() {
                recorded.map(|r| name(r)).unwrap_or_default()
            } else {
                name(set)
            }
        };
        let rows = vec![
            (
                T::BriefPreparedBy.get(lang).to_owned(),
                or(&settings.prepared_by, c.approval.assessor.as_ref()),
            ),
            (
                T::BriefReviewedBy.get(lang).to_owned(),
                or(&settings.reviewed_by, c.approval.reviewer.as_ref()),
            ),
            (
                T::BriefApprovedBy.get(lang).to_owned(),
                or(&settings.approved_by, None),
            ),
        ];
        self.push(Block::SignOff(SignOff {
            rows,
            date: format::date(c.generated, lang),
        }));
    }
}
