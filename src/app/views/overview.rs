//! The Overview, leadership's first screen: headline figures, the
//! departments × dimensions heatmap, the ranking, the stage distribution,
//! the ten biggest priorities and the imbalance flags. Every chart has its
//! table one click away; long lists lay out only the rows in view, and all
//! sorting is cached in `Derived`, so a frame costs the same for twelve
//! departments as for a thousand.

use std::collections::HashSet;
use std::sync::Arc;

use egui::{
    Align, CursorIcon, Id, Layout, Response, RichText, Role, ScrollArea, Sense, Ui, WidgetInfo, vec2,
};
use egui_extras::{Column, TableBuilder};

use super::ViewCtx;
use crate::analysis::DimensionScore;
use crate::app::command::Command;
use crate::app::state::{Tab, ViewState};
use crate::app::widgets::bars::{self, ColumnBars, RankingBars};
use crate::app::widgets::grouping;
use crate::app::widgets::heatmap::{
    HeatValue, Heatmap, RowKind, RowMark, elided_galley, level_legend_ui, paint_tag, tag_galley,
};
use crate::app::widgets::table::{self, SortKey, TableSort};
use crate::app::widgets::{chart_header_ui, colour};
use crate::charts::{self, Theme};
use crate::model::{Lang, Level};
use crate::present::catalogue::T;
use crate::present::format;
use crate::present::hierarchy::{self, Row};
use crate::present::overview::{self as figures, PriorityLine};

const HEATMAP_ID: &str = "overview.heatmap";
const RANKING_ID: &str = "overview.ranking";
const STAGES_ID: &str = "overview.stages";
/// Below this, a name drops its tag to its hover text.
const MIN_NAME_WIDTH: f32 = 110.0;
/// Height of a table row.
const TABLE_ROW_HEIGHT: f32 = 20.0;
/// Below this width the two columns stack.
const TWO_COLUMN_WIDTH: f32 = 900.0;

/// What the sections share in one frame: the context, the Overview's
/// figures in the current language, and the few names they all use.
struct Overview<'c, 'a> {
    ctx: &'c ViewCtx<'a>,
    lang: Lang,
    figures: &'a figures::Overview,
    level_names: Vec<String>,
    dimension_names: Vec<String>,
    theme: Theme,
    /// The departments the tree search finds; `None` shows all.
    matches: Option<Arc<HashSet<String>>>,
    /// What the tables' row orders depend on besides their own sort:
    /// the figures (revision, period, basis), the language and the search.
    figures_key: u64,
}

impl<'c, 'a> Overview<'c, 'a> {
    fn new(ui: &Ui, ctx: &'c ViewCtx<'a>) -> Self {
        let lang = ctx.lang;
        let framework = &ctx.data.framework;
        let derived: &'a _ = ctx.derived;
        Overview {
            ctx,
            lang,
            figures: derived.overview(ctx.data, lang),
            level_names: Level::all().map(|l| framework.level_name(l, lang)).collect(),
            dimension_names: framework
                .dimensions
                .iter()
                .map(|d| d.name.get(lang).to_owned())
                .collect(),
            theme: if ctx.dark { Theme::Dark } else { Theme::Light },
            matches: table::search_matches(
                ui,
                ctx.derived.revision(),
                &ctx.data.workspace.departments,
                ctx.search,
            ),
            figures_key: table::signature(&(
                ctx.derived.revision(),
                ctx.selection.period,
                ctx.selection.basis,
                lang,
                ctx.search,
            )),
        }
    }

    /// Whether the search leaves department `id` in the tables.
    fn shown(&self, id: &str) -> bool {
        self.matches.as_ref().is_none_or(|m| m.contains(id))
    }

    fn t(&self, key: T) -> &'static str {
        key.get(self.lang)
    }

    /// The name of the `i`-th summarised department, in the current language.
    fn department_name(&self, i: usize) -> &'a str {
        self.figures.names.get(i).map_or("", String::as_str)
    }

    /// The `col`-th dimension of the `row`-th department, if it has a current assessment.
    fn dimension_score(&self, row: usize, col: usize) -> Option<&'a DimensionScore> {
        let derived: &'a _ = self.ctx.derived;
        derived
            .summary
            .departments
            .get(row)?
            .current
            .as_ref()?
            .dimensions
            .get(col)
    }

    /// How the `i`-th department's figures must be read, if not at face
    /// value: provisional, carried over, or resting on an older file.
    fn row_mark(&self, i: usize) -> Option<&'a RowMark> {
        self.figures.marks.get(i)?.as_ref()
    }

    /// The department's name with its tag, e.g. "Health Commission (provisional)".
    fn tagged_name(&self, i: usize) -> String {
        figures::tagged_name(self.department_name(i), self.row_mark(i), self.lang)
    }

    fn heat_value(&self, row: usize, col: usize) -> HeatValue {
        self.dimension_score(row, col)
            .map_or_else(HeatValue::default, |d| HeatValue {
                mean: d.mean_level,
                floor: d.floor,
                coverage: d.coverage,
            })
    }
}

pub fn overview_ui(ui: &mut Ui, ctx: &ViewCtx, views: &mut ViewState, out: &mut Vec<Command>) {
    let view = Overview::new(ui, ctx);
    let mut sinks = (views, out);
    ScrollArea::vertical()
        .id_salt("overview")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            headline_ui(ui, &view);
            plan_line_ui(ui, ctx, sinks.1);
            unreadable_ui(ui, &view, sinks.1);
            ui.add_space(12.0);
            two_columns_ui(
                ui,
                &mut sinks,
                |ui, (views, out)| heatmap_section_ui(ui, &view, views, out),
                |ui, (views, out)| {
                    ranking_section_ui(ui, &view, views, out);
                    ui.add_space(12.0);
                    stages_section_ui(ui, &view, views);
                },
            );
            ui.add_space(12.0);
            two_columns_ui(
                ui,
                &mut sinks,
                |ui, (_, out)| {
                    // The shortfalls shared across departments lead; the
                    // rows per department follow.
                    rollup_ui(ui, ctx);
                    ui.add_space(12.0);
                    priorities_ui(ui, &view, out);
                },
                |ui, (_, out)| imbalances_ui(ui, &view, out),
            );
        });
}

/// Two columns side by side (about 60:40), or one above the other when narrow.
fn two_columns_ui<S>(
    ui: &mut Ui,
    state: &mut S,
    left: impl FnOnce(&mut Ui, &mut S),
    right: impl FnOnce(&mut Ui, &mut S),
) {
    let width = ui.available_width();
    if width < TWO_COLUMN_WIDTH {
        left(ui, state);
        ui.add_space(12.0);
        right(ui, state);
        return;
    }
    let gap = 24.0;
    let left_width = ((width - gap) * 0.62).floor();
    let right_width = width - gap - left_width;
    ui.horizontal_top(|ui| {
        ui.spacing_mut().item_spacing.x = 0.0;
        column_ui(ui, left_width, |ui| left(ui, state));
        ui.add_space(gap);
        column_ui(ui, right_width, |ui| right(ui, state));
    });
}

fn column_ui(ui: &mut Ui, width: f32, add: impl FnOnce(&mut Ui)) {
    let size = vec2(width, ui.available_height());
    ui.allocate_ui_with_layout(size, Layout::top_down(Align::Min), |ui| {
        ui.set_width(width);
        ui.spacing_mut().item_spacing.x = 8.0;
        add(ui);
    });
}

// ---- headline -----------------------------------------------------------

/// A row of cards: overall level and stage, departments assessed, approved,
/// in draft, coverage.
fn headline_ui(ui: &mut Ui, view: &Overview) {
    let headline = &view.figures.headline;
    ui.label(RichText::new(&headline.basis).weak())
        .on_hover_text(view.t(T::ApprovedOnlyHint));
    ui.horizontal_wrapped(|ui| {
        card_ui(ui, view.t(T::OverallLevel), &headline.overall_level, |ui| {
            match headline.stage {
                // Painted as the stage it prints, never as the raw mean.
                Some(stage) => {
                    let fill = charts::level_colour(f64::from(stage.get()));
                    let ink = charts::text_colour_on(fill);
                    ui.label(
                        RichText::new(format!(" {} ", headline.stage_line))
                            .background_color(colour(fill))
                            .color(colour(ink)),
                    )
                }
                None => ui.label(&headline.stage_line),
            };
            if let Some(note) = &headline.provisional_note {
                ui.label(RichText::new(note).small())
                    .on_hover_text(view.t(T::ProvisionalHint));
            }
        });
        card_ui(ui, view.t(T::DepartmentsAssessed), &headline.assessed, |ui| {
            ui.label(RichText::new(&headline.as_of).small());
        });
        // Where the work stands (with "Draft or returned" and "Submitted" it adds up
        // to the departments assessed), then what the figures count.
        card_ui(ui, view.t(T::Approved), &headline.approved, |ui| {
            ui.label(RichText::new(&headline.approved_note).small());
        });
        card_ui(ui, view.t(T::DraftOrReturned), &headline.draft, |ui| {
            ui.label(RichText::new(&headline.submitted_note).small());
        });
        card_ui(ui, view.t(T::Coverage), &headline.coverage, |_| {});
    });
}

/// Departments whose newest assessment file could not be read: named, with
/// the file, and a button to restore it from its newest readable backup.
fn unreadable_ui(ui: &mut Ui, view: &Overview, out: &mut Vec<Command>) {
    let rows = &view.figures.unreadable;
    if rows.is_empty() {
        return;
    }
    ui.add_space(8.0);
    egui::Frame::group(ui.style())
        .stroke(egui::Stroke::new(1.0, ui.visuals().warn_fg_color))
        .show(ui, |ui| {
            ui.label(RichText::new(format!("⚠ {}", view.t(T::UnreadableTitle))).strong());
            ui.label(RichText::new(view.t(T::UnreadableHelp)).small());
            for row in rows {
                ui.horizontal(|ui| {
                    ui.label(&row.text);
                    let has_backup = view.ctx.loaded.restorable.contains_key(&row.file);
                    if ui
                        .add_enabled(has_backup, egui::Button::new(view.t(T::RestoreBackup)))
                        .on_disabled_hover_text(view.t(T::NoBackup))
                        .clicked()
                    {
                        out.push(Command::RestoreBackup(row.file.clone()));
                    }
                });
            }
        });
}

/// One headline card: a caption, a big figure, and a line below it.
fn card_ui(ui: &mut Ui, caption: &str, figure: &str, below: impl FnOnce(&mut Ui)) {
    egui::Frame::group(ui.style())
        .fill(ui.visuals().faint_bg_color)
        .corner_radius(6.0)
        .inner_margin(10.0)
        .show(ui, |ui| {
            ui.set_min_size(vec2(150.0, 74.0));
            ui.vertical(|ui| {
                ui.label(RichText::new(caption).weak());
                ui.label(RichText::new(figure).size(26.0).strong());
                below(ui);
            });
        });
}

// ---- heatmap ------------------------------------------------------------

fn heatmap_section_ui(ui: &mut Ui, view: &Overview, views: &mut ViewState, out: &mut Vec<Command>) {
    let title = view.t(T::Heatmap);
    let table = chart_header_ui(ui, view.lang, title, HEATMAP_ID, &mut views.as_table);
    ui.label(RichText::new(view.t(T::HeatmapHint)).small().weak());
    let rows = HeatRows::new(ui, view);
    if rows.grouped.rows.is_empty() {
        ui.weak(view.t(T::NoDepartmentMatches));
    } else if table {
        heatmap_table_ui(ui, view, &rows);
    } else {
        let summary = &view.ctx.derived.summary;
        let row_label = |row: usize| rows.name(view, row).to_owned();
        let value = |row: usize, col: usize| rows.value(view, row, col);
        let mark = |row: usize| rows.mark(view, row).cloned();
        let kind = |row: usize| rows.kind(row);
        let mut clicked = None;
        let mut toggled = None;
        let mut heatmap = Heatmap::new(
            HEATMAP_ID,
            title,
            rows.grouped.rows.len(),
            &row_label,
            &view.dimension_names,
            &value,
        )
        .lang(view.lang)
        .row_marks(&mark)
        .level_names(&view.level_names)
        .theme(view.theme)
        .max_height(440.0)
        .clicked(&mut clicked);
        if rows.grouped.hierarchy.has_groups() {
            heatmap = heatmap.row_kinds(&kind, &mut toggled);
        }
        ui.add(heatmap);
        let dimensions = &view.ctx.data.framework.dimensions;
        if let Some((row, col)) = clicked
            && let Some(index) = rows.department(row)
            && let (Some(department), Some(dimension)) = (summary.departments.get(index), dimensions.get(col))
        {
            out.push(Command::ShowCell {
                department: department.department.clone(),
                dimension: dimension.id.clone(),
            });
        }
        if let Some(row) = toggled {
            rows.toggle(ui, row);
        }
    }
    ui.add_space(4.0);
    level_legend_ui(ui, view.lang, &view.level_names, view.theme);
}

/// The heatmap's rows: departments under their parent units with a roll-up
/// row per group, filtered by the tree's search; memoised (see
/// `widgets::grouping`), so a frame only reads them.
struct HeatRows {
    id: egui::Id,
    grouped: grouping::Grouped,
}

impl HeatRows {
    fn new(ui: &Ui, view: &Overview) -> Self {
        let ctx = view.ctx;
        let id = egui::Id::unique(HEATMAP_ID).with("groups");
        let input = grouping::Input {
            workspace: &ctx.data.workspace,
            derived: ctx.derived,
            period: ctx.selection.period,
            basis: ctx.selection.basis,
            search: ctx.search,
            head_row: true,
        };
        HeatRows {
            id,
            grouped: grouping::grouped(ui, id, &input),
        }
    }

    fn row(&self, row: usize) -> Option<Row> {
        self.grouped.rows.get(row).copied()
    }

    /// The summary row a department row shows.
    fn department(&self, row: usize) -> Option<usize> {
        match self.row(row)? {
            Row::Department { index, .. } => Some(index),
            Row::Group { .. } => None,
        }
    }

    fn entry(&self, row: usize) -> Option<(usize, &hierarchy::Entry)> {
        match self.row(row)? {
            Row::Group { entry, .. } => Some((entry, self.grouped.hierarchy.entries.get(entry)?)),
            Row::Department { .. } => None,
        }
    }

    /// A department's name, or a group's (its head's).
    fn name<'a>(&self, view: &Overview<'_, 'a>, row: usize) -> &'a str {
        match self.row(row) {
            Some(Row::Department { index, .. }) => view.department_name(index),
            Some(Row::Group { .. }) => self.entry(row).map_or("", |(_, e)| view.department_name(e.head)),
            None => "",
        }
    }

    fn value(&self, view: &Overview, row: usize, col: usize) -> HeatValue {
        if let Some(index) = self.department(row) {
            return view.heat_value(index, col);
        }
        self.entry(row)
            .and_then(|(entry, _)| self.grouped.roll_ups.get(entry)?.dimensions.get(col))
            .map_or_else(HeatValue::default, |cell| HeatValue {
                mean: cell.mean,
                floor: cell.floor,
                coverage: cell.coverage,
            })
    }

    fn mark<'a>(&self, view: &Overview<'_, 'a>, row: usize) -> Option<&'a RowMark> {
        view.row_mark(self.department(row)?)
    }

    fn kind(&self, row: usize) -> RowKind {
        match (self.row(row), self.entry(row)) {
            (Some(Row::Group { open, .. }), Some((_, entry))) => RowKind::Group {
                open,
                size: entry.size(),
            },
            (Some(Row::Department { depth, .. }), _) => RowKind::Department { depth },
            _ => RowKind::Department { depth: 0 },
        }
    }

    fn toggle(&self, ui: &Ui, row: usize) {
        if let Some((entry, _)) = self.entry(row) {
            grouping::toggle(ui, self.id, &self.grouped, entry);
        }
    }
}

/// The heatmap as a table: mean (floor) per dimension, overall level and
/// coverage; the same rows as the chart, a group's name opening or closing it.
fn heatmap_table_ui(ui: &mut Ui, view: &Overview, rows: &HeatRows) {
    let summary = &view.ctx.derived.summary;
    let dimensions = view.dimension_names.len();
    let mut widths = vec![Width::Share(2.2)];
    widths.extend(std::iter::repeat_n(Width::Share(1.0), dimensions));
    widths.extend([Width::Fixed(64.0), Width::Fixed(56.0)]);
    let mut toggled = None;
    fitted_table(ui, "overview.heatmap.table", &widths)
        .max_scroll_height(440.0)
        .header(TABLE_ROW_HEIGHT * 2.7, |mut header| {
            header.col(|ui| {
                ui.strong(view.t(T::Department));
            });
            for name in &view.dimension_names {
                header.col(|ui| {
                    ui.add(egui::Label::new(RichText::new(name).strong()).wrap())
                        .on_hover_text(figures::labelled(name, view.t(T::MeanFloor), view.lang));
                });
            }
            header.col(|ui| {
                ui.strong(view.t(T::OverallLevel));
            });
            header.col(|ui| {
                ui.strong(view.t(T::Coverage));
            });
        })
        .body(|body| {
            body.rows(TABLE_ROW_HEIGHT, rows.grouped.rows.len(), |mut row| {
                let at = row.index();
                let name = rows.name(view, at);
                let group = rows.entry(at);
                row.col(|ui| match rows.kind(at) {
                    RowKind::Group { open, size } => {
                        let hint = if open { T::GroupClose } else { T::GroupOpen };
                        let accessible =
                            crate::present::catalogue::tagged_text(name, view.t(hint), view.lang);
                        let arrow =
                            grouping::arrow_ui(ui, open, true, &accessible).on_hover_text(view.t(hint));
                        let roll_up =
                            crate::present::catalogue::tagged_text(name, view.t(T::GroupMean), view.lang);
                        let font = egui::TextStyle::Body.resolve(ui.style());
                        let text = grouping::fit_name(ui, name, font, ui.available_width() - 24.0);
                        let label = ui
                            .add(
                                egui::Label::new(RichText::new(text.as_ref()).strong())
                                    .truncate()
                                    .sense(egui::Sense::click()),
                            )
                            .on_hover_text(name);
                        label.widget_info(|| WidgetInfo::labeled(Role::Button, true, &roll_up));
                        let clicked = arrow.clicked() || label.clicked();
                        ui.weak(size.to_string());
                        if clicked {
                            toggled = Some(at);
                        }
                    }
                    RowKind::Department { depth } => {
                        // Counts of steps are small, so the conversion is exact.
                        ui.add_space(depth.min(4) as f32 * 12.0);
                        let index = rows.department(at).unwrap_or(0);
                        // Shortened in the middle: the end tells departments (and the tag) apart.
                        let tagged = view.tagged_name(index);
                        let font = egui::TextStyle::Body.resolve(ui.style());
                        let shown = grouping::fit_name(ui, &tagged, font, ui.available_width());
                        let label = ui.add(egui::Label::new(shown.as_ref()).truncate());
                        // A screen reader (and a test) hears the whole name.
                        label.widget_info(|| WidgetInfo::labeled(Role::Label, true, &tagged));
                        match view.row_mark(index) {
                            Some(mark) => {
                                label.on_hover_text(figures::labelled(&tagged, &mark.detail, view.lang));
                            }
                            None if shown.as_ref() != tagged => {
                                label.on_hover_text(&tagged);
                            }
                            None => {}
                        }
                    }
                });
                for col in 0..dimensions {
                    let value = rows.value(view, at, col);
                    row.col(|ui| {
                        let coverage = format::percent(value.coverage);
                        ui.label(figures::mean_floor_text(value.mean, value.floor))
                            .on_hover_text(figures::labelled(view.t(T::Coverage), &coverage, view.lang));
                    });
                }
                let (level, coverage) = match (group, rows.department(at)) {
                    (Some((entry, _)), _) => {
                        let figures = rows.grouped.roll_ups.get(entry);
                        (
                            figures.and_then(|f| f.mean_level),
                            figures.and_then(|f| f.coverage),
                        )
                    }
                    (None, Some(index)) => {
                        let current = summary.departments.get(index).and_then(|d| d.current.as_ref());
                        (current.and_then(|s| s.mean_level), current.map(|s| s.coverage))
                    }
                    (None, None) => (None, None),
                };
                row.col(|ui| {
                    ui.label(format::level(level));
                });
                row.col(|ui| {
                    ui.label(format::percent(coverage));
                });
            });
        });
    if let Some(row) = toggled {
        rows.toggle(ui, row);
    }
}

// ---- ranking ------------------------------------------------------------

fn ranking_section_ui(ui: &mut Ui, view: &Overview, views: &mut ViewState, out: &mut Vec<Command>) {
    let title = view.t(T::Ranking);
    let table = chart_header_ui(ui, view.lang, title, RANKING_ID, &mut views.as_table);
    let all = &view.figures.ranking;
    if all.is_empty() {
        ui.label(view.t(T::NoRanking));
        return;
    }
    if table {
        ranking_table_ui(ui, view, out);
        return;
    }
    // The departments the search leaves, in rank order.
    let found = table::row_order(ui, Id::unique(RANKING_ID), view.figures_key, || {
        (0..all.len())
            .filter(|&r| all.get(r).is_some_and(|row| view.shown(&row.id)))
            .collect()
    });
    table::shown_line_ui(ui, found.len(), all.len(), true, view.lang);
    let ranking: Vec<&figures::RankedDepartment> = found.iter().filter_map(|&r| all.get(r)).collect();
    if ranking.is_empty() {
        ui.label(view.t(T::NoDepartmentMatches));
        return;
    }
    let label = |r: usize| ranking.get(r).map_or_else(String::new, |row| row.name.clone());
    let tag = |r: usize| {
        ranking
            .get(r)
            .and_then(|row| view.row_mark(row.index))
            .map(|m| m.tag.clone())
    };
    let hatched = |r: usize| ranking.get(r).is_some_and(|row| row.provisional);
    let value = |r: usize| ranking.get(r).and_then(|row| row.mean_level).unwrap_or(0.0);
    let value_text = |r: usize| {
        ranking
            .get(r)
            .map_or_else(String::new, |row| row.level_text.clone())
    };
    let rank = |r: usize| {
        ranking
            .get(r)
            .map_or_else(String::new, |row| row.rank_text.clone())
    };
    let hover = |r: usize| {
        let Some(row) = ranking.get(r) else {
            return String::new();
        };
        let mut lines = vec![
            row.name.clone(),
            figures::labelled(view.t(T::Rank), &row.rank_text, view.lang),
            figures::labelled(view.t(T::OverallLevel), &row.level_text, view.lang),
            figures::labelled(view.t(T::Stage), &row.stage_text, view.lang),
        ];
        if let Some(mark) = view.row_mark(row.index) {
            lines.push(mark.detail.clone());
        }
        lines.push(view.t(T::ClickToOpen).to_owned());
        lines.join("\n")
    };
    let mut clicked = None;
    ui.add(
        RankingBars::new(RANKING_ID, title, ranking.len(), &label, &value, &hover)
            .ranks(&rank)
            .value_texts(&value_text)
            .hatched(&hatched)
            .tags(&tag)
            .max_height(300.0)
            .clicked(&mut clicked),
    );
    if let Some(row) = clicked.and_then(|r| ranking.get(r)) {
        out.push(Command::SelectDepartment(row.id.clone()));
        out.push(Command::SetTab(Tab::Department));
    }
}

/// The ranking as a table that sorts by any column, with one dimension's
/// mean beside the overall level (chosen above it), so "the 20 weakest in
/// data security" is two clicks away.
fn ranking_table_ui(ui: &mut Ui, view: &Overview, out: &mut Vec<Command>) {
    let all = &view.figures.ranking;
    let id = Id::unique("overview.ranking.table");
    let dimension_id = id.with("dimension");
    let mut dimension: Option<usize> = ui.data(|d| d.get_temp(dimension_id)).unwrap_or_default();
    ui.horizontal(|ui| {
        let label = ui.label(view.t(T::Dimension));
        let shown = dimension
            .and_then(|c| view.dimension_names.get(c))
            .map_or(format::MISSING, String::as_str);
        egui::ComboBox::from_id_salt(dimension_id)
            .selected_text(format::shorten_middle(shown, 28).as_ref())
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut dimension, None, format::MISSING);
                for (c, name) in view.dimension_names.iter().enumerate() {
                    ui.selectable_value(&mut dimension, Some(c), name);
                }
            })
            .response
            .labelled_by(label.id);
    });
    ui.data_mut(|d| d.insert_temp(dimension_id, dimension));
    let mut sort = TableSort::load(ui, id);
    let dimension_mean = |row: &figures::RankedDepartment, c: usize| {
        view.dimension_score(row.index, c).and_then(|d| d.mean_level)
    };
    let order = table::row_order(
        ui,
        id,
        table::signature(&(view.figures_key, sort, dimension)),
        || {
            let mut rows: Vec<usize> = (0..all.len())
                .filter(|&r| all.get(r).is_some_and(|row| view.shown(&row.id)))
                .collect();
            sort.apply(&mut rows, |r, column| {
                let Some(row) = all.get(r) else {
                    return SortKey::number(None);
                };
                match column {
                    0 => SortKey::number(row.rank.map(|r| r as f64)),
                    1 => SortKey::text(&row.name),
                    2 => SortKey::number(row.mean_level),
                    3 => SortKey::number(row.stage.map(|l| f64::from(l.get()))),
                    _ => SortKey::number(dimension.and_then(|c| dimension_mean(row, c))),
                }
            });
            rows
        },
    );
    table::shown_line_ui(ui, order.len(), all.len(), true, view.lang);
    let mut widths = vec![
        Width::Fixed(40.0),
        Width::Share(1.4),
        Width::Fixed(48.0),
        Width::Share(1.0),
    ];
    let mut titles = vec![
        view.t(T::Rank).to_owned(),
        view.t(T::Department).to_owned(),
        view.t(T::OverallLevel).to_owned(),
        view.t(T::Stage).to_owned(),
    ];
    if let Some(name) = dimension.and_then(|c| view.dimension_names.get(c)) {
        // The stage gives the dimension room; the name keeps its share.
        widths[3] = Width::Share(0.6);
        widths.push(Width::Fixed(64.0));
        titles.push(name.clone());
    }
    fitted_table(ui, "overview.ranking.table", &widths)
        .max_scroll_height(300.0)
        .header(TABLE_ROW_HEIGHT, |mut header| {
            for (column, title) in titles.iter().enumerate() {
                header.col(|ui| {
                    table::sort_header_ui(ui, title, column, &mut sort, view.lang);
                });
            }
        })
        .body(|body| {
            body.rows(TABLE_ROW_HEIGHT, order.len(), |mut row| {
                let Some(ranked) = order.get(row.index()).and_then(|&r| all.get(r)) else {
                    return;
                };
                row.col(|ui| {
                    ui.label(&ranked.rank_text);
                });
                row.col(|ui| {
                    let tag = view.row_mark(ranked.index).map(|m| m.tag.as_str());
                    let accessible = view.tagged_name(ranked.index);
                    if link_cell_ui(ui, &ranked.name, tag, &accessible).clicked() {
                        out.push(Command::SelectDepartment(ranked.id.clone()));
                        out.push(Command::SetTab(Tab::Department));
                    }
                });
                row.col(|ui| {
                    ui.label(&ranked.level_text);
                });
                row.col(|ui| {
                    ui.add(egui::Label::new(&ranked.stage_text).truncate());
                });
                if let Some(c) = dimension {
                    row.col(|ui| {
                        ui.label(format::level(dimension_mean(ranked, c)));
                    });
                }
            });
        });
    sort.store(ui, id);
}

// ---- stage distribution -------------------------------------------------

fn stages_section_ui(ui: &mut Ui, view: &Overview, views: &mut ViewState) {
    let title = view.t(T::StageDistribution);
    let table = chart_header_ui(ui, view.lang, title, STAGES_ID, &mut views.as_table);
    let stages = &view.figures.stages;
    if table {
        egui::Grid::new("overview.stages.table")
            .striped(true)
            .num_columns(2)
            .show(ui, |ui| {
                ui.strong(view.t(T::Stage));
                ui.strong(view.t(T::Departments));
                ui.end_row();
                for stage in stages {
                    ui.label(&stage.label);
                    ui.label(&stage.count_text);
                    ui.end_row();
                }
            });
        return;
    }
    let columns: Vec<bars::Column> = stages
        .iter()
        .map(|stage| bars::Column {
            description: stage.description.clone(),
            label: stage.label.clone(),
            value_text: stage.count_text.clone(),
            // Department counts are far below 2^52, so the conversion is exact.
            value: stage.count as f64,
            fill: colour(charts::level_colour(f64::from(stage.level.get()))),
        })
        .collect();
    ui.add(ColumnBars::new(STAGES_ID, title, &columns).height(170.0));
}

// ---- priorities and imbalances ------------------------------------------

fn priorities_ui(ui: &mut Ui, view: &Overview, out: &mut Vec<Command>) {
    ui.strong(view.t(T::TopPriorities));
    // With a search, the most urgent of the departments it finds.
    let top: Arc<Vec<PriorityLine>> = match &view.matches {
        None => Arc::new(view.figures.priorities.clone()),
        Some(found) => {
            let key = Id::unique("overview.priorities.found");
            let cached = ui
                .data(|d| d.get_temp::<(u64, Arc<Vec<PriorityLine>>)>(key))
                .filter(|(made_for, _)| *made_for == view.figures_key);
            match cached {
                Some((_, lines)) => lines,
                None => {
                    let ctx = view.ctx;
                    let lines = Arc::new(figures::priorities_where(
                        ctx.data,
                        &ctx.derived.summary,
                        ctx.derived.priorities(ctx.data),
                        view.lang,
                        figures::TOP_PRIORITIES,
                        |id| found.contains(id),
                    ));
                    ui.data_mut(|d| d.insert_temp(key, (view.figures_key, lines.clone())));
                    lines
                }
            }
        }
    };
    if top.is_empty() {
        ui.label(view.t(T::NoPriorities));
        return;
    }
    let id = Id::unique("overview.priorities");
    let mut sort = TableSort::load(ui, id);
    let order = table::row_order(ui, id, table::signature(&(view.figures_key, sort)), || {
        let mut rows: Vec<usize> = (0..top.len()).collect();
        sort.apply(&mut rows, |r, column| {
            let Some(line) = top.get(r) else {
                return SortKey::number(None);
            };
            match column {
                0 => SortKey::number(Some(r as f64)),
                1 => SortKey::text(&line.department_name),
                2 => SortKey::text(&line.indicator_name),
                3 => SortKey::number(Some(f64::from(line.current.get()))),
                4 => SortKey::number(Some(f64::from(line.target.get()))),
                5 => SortKey::number(Some(line.gap)),
                _ => SortKey::number(Some(line.priority)),
            }
        });
        rows
    });
    let number = Width::Fixed(52.0);
    let widths = [
        Width::Fixed(32.0),
        Width::Share(1.0),
        Width::Share(1.3),
        number,
        number,
        number,
        number,
        Width::Fixed(44.0),
        Width::Fixed(28.0),
    ];
    fitted_table(ui, "overview.priorities", &widths)
        .vscroll(false)
        .header(TABLE_ROW_HEIGHT, |mut header| {
            for (column, key) in [
                T::RowNumber,
                T::Department,
                T::Indicator,
                T::Current,
                T::Target,
                T::Gap,
                T::Priority,
            ]
            .into_iter()
            .enumerate()
            {
                header.col(|ui| {
                    table::sort_header_ui(ui, view.t(key), column, &mut sort, view.lang);
                });
            }
            header.col(|ui| {
                ui.add(egui::Label::new(RichText::new(view.t(T::PlanActionsShort)).strong()).truncate());
            });
            header.col(|_| {});
        })
        .body(|mut body| {
            for priority in order.iter().filter_map(|&r| top.get(r)) {
                body.row(TABLE_ROW_HEIGHT, |mut row| {
                    priority_row_ui(&mut row, view, priority, out);
                });
            }
        });
    sort.store(ui, id);
}

fn priority_row_ui(
    row: &mut egui_extras::TableRow,
    view: &Overview,
    priority: &PriorityLine,
    out: &mut Vec<Command>,
) {
    row.col(|ui| {
        ui.label(&priority.position_text);
    });
    let name = &priority.department_name;
    // The same tag as the department's heatmap row.
    let tag = (!priority.tags.is_empty()).then(|| priority.tags.join(" · "));
    let tagged = match &tag {
        Some(tag) => crate::present::catalogue::tagged_text(name, tag, view.lang),
        None => name.clone(),
    };
    let accessible = figures::numbered(&priority.position_text, &tagged);
    row.col(|ui| {
        if link_cell_ui(ui, name, tag.as_deref(), &accessible).clicked() {
            out.push(show_cell(priority));
        }
    });
    row.col(|ui| {
        table::short_name_ui(ui, &priority.indicator_name);
    });
    for text in [
        &priority.current_text,
        &priority.target_text,
        &priority.gap_text,
        &priority.priority_text,
    ] {
        row.col(|ui| {
            ui.label(text);
        });
    }
    row.col(|ui| {
        // The open actions on this gap, overdue ones in red.
        let counts = view
            .ctx
            .derived
            .action_badge(view.ctx.data, &priority.department, &priority.indicator);
        super::plan::actions_badge_ui(ui, counts, view.lang);
    });
    row.col(|ui| {
        let label = figures::numbered(&priority.position_text, view.t(T::PlanAnAction));
        let button = ui.small_button("+");
        button.widget_info(|| WidgetInfo::labeled(Role::Button, true, &label));
        if button.on_hover_text(view.t(T::PlanAnAction)).clicked() {
            out.push(Command::PlanAction {
                department: priority.department.clone(),
                indicator: priority.indicator.clone(),
            });
        }
    });
}

/// The indicators below target in the most departments' priorities:
/// the roll-up across departments, the most urgent first.
fn rollup_ui(ui: &mut Ui, ctx: &ViewCtx) {
    let lang = ctx.lang;
    ui.strong(T::PlanRollup.get(lang));
    let rows = &ctx.derived.plan_glance(ctx.data, lang).rollup_indicators;
    if rows.is_empty() {
        ui.label(T::NoPriorities.get(lang));
        return;
    }
    let id = Id::unique("overview.rollup");
    let mut sort = TableSort::load(ui, id);
    let mut order: Vec<usize> = (0..rows.len()).collect();
    sort.apply(&mut order, |r, column| {
        let Some(line) = rows.get(r) else {
            return SortKey::number(None);
        };
        match column {
            0 => SortKey::text(&line.name),
            1 => SortKey::number(Some(line.departments.len() as f64)),
            2 => SortKey::number(Some(line.mean_gap)),
            _ => SortKey::number(Some(line.priority)),
        }
    });
    let number = Width::Fixed(72.0);
    let widths = [Width::Share(1.0), Width::Fixed(168.0), number, number];
    fitted_table(ui, "overview.rollup", &widths)
        .vscroll(false)
        .header(TABLE_ROW_HEIGHT, |mut header| {
            for (column, key) in [T::Indicator, T::PlanDepartmentsBelow, T::PlanMeanGap, T::Priority]
                .into_iter()
                .enumerate()
            {
                header.col(|ui| {
                    table::sort_header_ui(ui, key.get(lang), column, &mut sort, lang);
                });
            }
        })
        .body(|mut body| {
            for line in order.iter().filter_map(|&r| rows.get(r)) {
                body.row(TABLE_ROW_HEIGHT, |mut row| {
                    // Its dimension and the departments below target on hover.
                    row.col(|ui| {
                        let name = table::fit_text(ui, &line.name, ui.available_width());
                        ui.add(egui::Label::new(name.as_ref()).truncate())
                            .on_hover_text(format!(
                                "{}\n{}\n{}",
                                line.name, line.dimension_name, line.department_names
                            ));
                    });
                    for text in [&line.count_text, &line.mean_gap_text, &line.priority_text] {
                        row.col(|ui| {
                            ui.label(text);
                        });
                    }
                });
            }
        });
    sort.store(ui, id);
}

/// The plan at a glance: open and overdue actions and the gaps without
/// one; opens the Plan view.
fn plan_line_ui(ui: &mut Ui, ctx: &ViewCtx, out: &mut Vec<Command>) {
    let counts = ctx.derived.plan_glance(ctx.data, ctx.lang);
    let line = crate::present::catalogue::plan_app::overview_line(
        counts.open,
        counts.overdue,
        counts.uncovered,
        ctx.lang,
    );
    if ui.link(line).clicked() {
        out.push(Command::SetTab(Tab::Plan));
    }
}

fn show_cell(priority: &PriorityLine) -> Command {
    Command::ShowCell {
        department: priority.department.clone(),
        dimension: priority.dimension.clone(),
    }
}

fn imbalances_ui(ui: &mut Ui, view: &Overview, out: &mut Vec<Command>) {
    ui.strong(view.t(T::ImbalanceFlags));
    let flags = &view.figures.imbalances;
    if flags.is_empty() {
        ui.label(view.t(T::NoImbalance));
        return;
    }
    ui.label(
        RichText::new(format!("⚠ {}", view.t(T::DimensionBelowStage)))
            .small()
            .weak(),
    );
    let id = Id::unique("overview.imbalances");
    let mut sort = TableSort::load(ui, id);
    let order = table::row_order(ui, id, table::signature(&(view.figures_key, sort)), || {
        let mut rows: Vec<usize> = (0..flags.len())
            .filter(|&r| flags.get(r).is_some_and(|f| view.shown(&f.department)))
            .collect();
        sort.apply(&mut rows, |r, column| {
            let Some(flag) = flags.get(r) else {
                return SortKey::number(None);
            };
            match column {
                0 => SortKey::text(&flag.department_name),
                1 => SortKey::text(&flag.dimension_name),
                2 => SortKey::number(flag.level_text.parse().ok()),
                _ => SortKey::text(&flag.stage_text),
            }
        });
        rows
    });
    table::shown_line_ui(ui, order.len(), flags.len(), false, view.lang);
    let widths = [
        Width::Share(1.0),
        Width::Share(1.0),
        Width::Fixed(44.0),
        Width::Share(0.8),
    ];
    fitted_table(ui, "overview.imbalances", &widths)
        .max_scroll_height(260.0)
        .header(TABLE_ROW_HEIGHT, |mut header| {
            for (column, key) in [T::Department, T::Dimension, T::Mean, T::DepartmentStage]
                .into_iter()
                .enumerate()
            {
                header.col(|ui| {
                    table::sort_header_ui(ui, view.t(key), column, &mut sort, view.lang);
                });
            }
        })
        .body(|body| {
            body.rows(TABLE_ROW_HEIGHT, order.len(), |mut row| {
                let Some(flag) = order.get(row.index()).and_then(|&r| flags.get(r)) else {
                    return;
                };
                let name = &flag.department_name;
                let accessible = figures::pair(name, &flag.dimension_name);
                row.col(|ui| {
                    if link_cell_ui(ui, name, None, &accessible).clicked() {
                        out.push(Command::ShowCell {
                            department: flag.department.clone(),
                            dimension: flag.dimension.clone(),
                        });
                    }
                });
                row.col(|ui| {
                    table::short_name_ui(ui, &flag.dimension_name);
                });
                row.col(|ui| {
                    ui.label(&flag.level_text);
                });
                row.col(|ui| {
                    ui.add(egui::Label::new(&flag.stage_text).truncate());
                });
            });
        });
    sort.store(ui, id);
}

/// A table column's width: fixed, or a share of what the fixed ones leave.
#[derive(Clone, Copy)]
enum Width {
    Fixed(f32),
    Share(f32),
}

/// A striped table whose columns exactly fill the width available, so it
/// never pushes its neighbours aside.
fn fitted_table<'u>(ui: &'u mut Ui, id_salt: &str, widths: &[Width]) -> TableBuilder<'u> {
    // Column counts are tiny, so the conversion is exact.
    let spacing = ui.spacing().item_spacing.x * widths.len() as f32;
    let (fixed, shares) = widths.iter().fold((0.0, 0.0), |(fixed, shares), w| match w {
        Width::Fixed(width) => (fixed + width, shares),
        Width::Share(share) => (fixed, shares + share),
    });
    // The table keeps room for its own scroll bar.
    let available = ui.available_width() - ui.spacing().scroll.allocated_width();
    let free = (available - fixed - spacing).max(0.0);
    let columns: Vec<Column> = widths
        .iter()
        .map(|w| match *w {
            Width::Fixed(width) => Column::exact(width),
            Width::Share(share) => {
                Column::exact((free * share / shares.max(f32::EPSILON)).max(40.0)).clip(true)
            }
        })
        .collect();
    columns.into_iter().fold(
        TableBuilder::new(ui).id_salt(id_salt).striped(true),
        TableBuilder::column,
    )
}

/// A department name that opens it when clicked, with an optional tag
/// after it ("provisional") that is never cut. Its accessible name is
/// `accessible` (naming the row, so it is not confused with the department
/// list on the left); a name cut short shows in full on hover.
fn link_cell_ui(ui: &mut Ui, text: &str, tag: Option<&str>, accessible: &str) -> Response {
    let ink = ui.visuals().hyperlink_color;
    // In a narrow cell the name matters more than its tag: the tag then
    // moves to the hover text.
    let tag_galley_of = |t: &str| tag_galley(ui, t);
    let mut tag_shown = tag.map(tag_galley_of);
    if let Some(t) = &tag_shown
        && ui.available_width() - t.size().x < MIN_NAME_WIDTH
    {
        tag_shown = None;
    }
    let tag_width = tag_shown.as_ref().map_or(0.0, |t| t.size().x + 10.0);
    let width = (ui.available_width() - tag_width).max(24.0);
    // Cut in the middle, keeping the end that tells departments apart.
    let short = table::fit_text(ui, text, width);
    let font = egui::TextStyle::Body.resolve(ui.style());
    let galley = elided_galley(ui, &short, font, ink, width, 1);
    let elided = galley.elided || short.len() != text.len();
    let (rect, response) = ui.allocate_exact_size(galley.size(), Sense::click());
    if ui.is_rect_visible(rect) {
        if response.hovered() {
            ui.painter()
                .hline(rect.x_range(), rect.bottom(), egui::Stroke::new(1.0, ink));
        }
        ui.painter().galley(rect.min, galley, ink);
        if let Some(tag) = &tag_shown {
            paint_tag(ui, tag.clone(), egui::pos2(rect.right() + 5.0, rect.center().y));
        }
    }
    response.widget_info(|| WidgetInfo::labeled(Role::Link, true, accessible));
    let response = response.on_hover_cursor(CursorIcon::PointingHand);
    match (elided, tag_shown.is_none().then_some(tag).flatten()) {
        // The accessible name carries the tag ("Education Bureau (provisional)").
        (_, Some(_)) => response.on_hover_text(accessible),
        (true, None) => response.on_hover_text(text),
        (false, None) => response,
    }
}
