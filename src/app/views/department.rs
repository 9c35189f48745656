//! The Department view: one department at the selected period. A header
//! (name, period, status, assessor and reviewer, overall level and stage,
//! coverage, change), a radar of the current period against the previous
//! one and the target, the dimension table, and the drill-down to the
//! indicator answers behind every figure: level, the rubric text of that
//! level, evidence, links, confidence, comment and last period's level.

use egui::{Align, Label, RichText, ScrollArea, Sense, Ui, Vec2};
use egui_extras::{Column, TableBuilder};

use super::ViewCtx;
use crate::analysis::{AssessmentScore, Basis, DepartmentSummary, Flag};
use crate::app::command::Command;
use crate::app::state::{DepartmentViewState, ViewState};
use crate::app::widgets::radar::{Radar, RadarSeries, series_toggle_ui};
use crate::app::widgets::table::{self, SortKey, TableSort};
use crate::app::widgets::{changed_after_approval_badge_ui, chart_header_ui, colour, status_badge};
use crate::charts::{self, Rgb};
use crate::model::{Assessment, Dataset, Department, Dimension, Indicator, Lang, Level, Rating};
use crate::present::catalogue::{T, tamper};
use crate::present::department::{self as figures, Change, DepartmentPage, DimensionRow};
use crate::present::format;
use crate::present::overview::labelled;

/// Below this width the radar and the dimension table stack.
const SIDE_BY_SIDE_WIDTH: f32 = 1040.0;
const RADAR_SIZE: Vec2 = Vec2::new(420.0, 350.0);
/// Two lines, so long dimension names wrap instead of being cut.
const ROW_HEIGHT: f32 = 36.0;
/// Widths of the figure columns: mean, floor, target, gap, priority,
/// change, imbalanced.
const FIGURE_COLUMNS: [f32; 7] = [62.0, 44.0, 48.0, 48.0, 56.0, 84.0, 76.0];
/// Room for a dimension's open-action badge in the name cell ("Plan an
/// action" is under each indicator of the drill-down the row opens).
const PLAN_CELL_WIDTH: f32 = 40.0;
/// Width of the indicator list beside the indicator detail.
const INDICATOR_LIST_WIDTH: f32 = 430.0;

/// Everything one frame of the view reads, resolved once.
struct Page<'a> {
    lang: Lang,
    data: &'a Dataset,
    department: &'a Department,
    summary: &'a DepartmentSummary,
    current: &'a AssessmentScore,
    /// The answers behind `current`.
    assessment: Option<&'a Assessment>,
    /// The assessment before it, for last period's levels.
    previous: Option<&'a Assessment>,
    /// The dimension opened in the drill-down.
    dimension: &'a Dimension,
    /// The page's words and numbers, from `present::department`.
    figures: std::rc::Rc<DepartmentPage>,
    /// Whether that dimension was chosen (a click) rather than defaulted.
    dimension_chosen: bool,
    /// The plan's figures for this department (its actions and gaps).
    plan: std::rc::Rc<crate::present::plan::PlanFigures>,
}

pub fn department_ui(ui: &mut Ui, ctx: &ViewCtx, views: &mut ViewState, out: &mut Vec<Command>) {
    let lang = ctx.lang;
    let Some(id) = ctx.selection.department.as_deref() else {
        ui.label(T::SelectDepartment.get(lang));
        return;
    };
    let Some(department) = ctx.data.workspace.department(id) else {
        ui.label(T::SelectDepartment.get(lang));
        return;
    };
    let summary = ctx.derived.summary.department(id);
    let Some((summary, current)) = summary.and_then(|s| Some((s, s.current.as_ref()?))) else {
        ui.heading(department.name.get(lang));
        ui.label(T::NoAssessment.get(lang));
        if let Some(summary) = summary {
            flags_ui(ui, summary, ctx.derived.summary.basis, lang);
        }
        return;
    };
    let chosen = ctx
        .selection
        .dimension
        .as_deref()
        .and_then(|d| ctx.data.framework.dimension(d));
    let Some(dimension) = chosen.or_else(|| ctx.data.framework.dimensions.first()) else {
        ui.label(T::NoDimensions.get(lang));
        return;
    };
    let Some(figures) = ctx.derived.department_page(ctx.data, id, lang) else {
        ui.label(T::NoAssessment.get(lang));
        return;
    };
    let page = Page {
        lang,
        data: ctx.data,
        department,
        summary,
        current,
        assessment: ctx.data.find(id, current.period),
        // The one before it on the same basis, as the change is computed.
        previous: summary
            .previous
            .as_ref()
            .and_then(|p| ctx.data.find(id, p.period)),
        dimension,
        figures,
        dimension_chosen: chosen.is_some(),
        plan: ctx.derived.department_plan(ctx.data, id, lang),
    };
    ScrollArea::vertical()
        .id_salt("department-view")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            header_ui(ui, &page, ctx.selection.period);
            target_ui(ui, &page);
            flags_ui(ui, page.summary, ctx.derived.summary.basis, lang);
            agreement_ui(ui, &page, views, out);
            ui.separator();
            if ui.available_width() >= SIDE_BY_SIDE_WIDTH {
                ui.horizontal_top(|ui| {
                    ui.vertical(|ui| {
                        ui.set_width(RADAR_SIZE.x);
                        radar_section_ui(ui, &page, views);
                    });
                    // Not a separator: in a scroll area that would run to the bottom.
                    ui.add_space(16.0);
                    ui.vertical(|ui| dimension_section_ui(ui, &page, out));
                });
            } else {
                radar_section_ui(ui, &page, views);
                ui.separator();
                dimension_section_ui(ui, &page, out);
            }
            ui.separator();
            let block = ui
                .scope(|ui| drill_down_ui(ui, &page, &mut views.department, out))
                .response;
            scroll_once(&block, &page, &mut views.department);
        });
}

/// A heatmap click (or a row click) scrolls the drill-down into view once.
fn scroll_once(block: &egui::Response, page: &Page, state: &mut DepartmentViewState) {
    if !page.dimension_chosen {
        return;
    }
    let key = (page.department.id.clone(), page.dimension.id.clone());
    if state.scrolled_to.as_ref() != Some(&key) {
        block.scroll_to_me(Some(Align::TOP));
        state.scrolled_to = Some(key);
    }
}

// ---- header -----------------------------------------------------------

fn header_ui(ui: &mut Ui, page: &Page, selected_period: Option<chrono::NaiveDate>) {
    let lang = page.lang;
    let figures = &page.figures;
    ui.heading(RichText::new(&figures.name).size(22.0).strong());
    ui.horizontal_wrapped(|ui| {
        ui.label(&figures.period_line);
        if selected_period.is_some_and(|p| p != figures.period) {
            ui.weak(figures::aside(T::AsOfLatest.get(lang), lang));
        }
        ui.separator();
        status_badge(ui, lang, Some(page.current.status));
        ui.label(&figures.status_text);
        if page.summary.has(Flag::ChangedAfterApproval) {
            let approval = page.assessment.and_then(Assessment::changed_after_approval);
            let detail = approval.map_or_else(
                || T::ChangedAfterApprovalHint.get(lang).to_owned(),
                |a| tamper::banner_text(&a.who, a.at, lang),
            );
            changed_after_approval_badge_ui(ui, lang, &detail);
        }
        for person in &figures.people {
            ui.separator();
            ui.label(person);
        }
    });
    ui.add_space(4.0);
    ui.horizontal_wrapped(|ui| {
        figure_ui(ui, T::OverallLevel.get(lang), |ui| {
            ui.strong(&figures.overall_level);
        });
        ui.separator();
        figure_ui(ui, T::Stage.get(lang), |ui| {
            ui.strong(&figures.stage_text);
        });
        ui.separator();
        figure_ui(ui, T::Coverage.get(lang), |ui| {
            ui.strong(&figures.coverage_text);
        });
        ui.separator();
        figure_ui(ui, T::ChangeSincePrevious.get(lang), |ui| {
            change_ui(ui, &figures.change);
            if let Some(previous) = &figures.previous_line {
                ui.weak(previous);
            }
        });
    });
}

/// The overall target (the weighted mean of the dimension targets), whether
/// the department is on target (every dimension with a target has reached
/// it: said in words on hover), and when it will be at the current pace,
/// to the month; a passed target date not reached reads "overdue".
fn target_ui(ui: &mut Ui, page: &Page) {
    let lang = page.lang;
    let Some(target) = &page.figures.target else {
        return;
    };
    let note = T::TrendOverallNote.get(lang);
    ui.horizontal_wrapped(|ui| {
        figure_ui(ui, T::OverallTarget.get(lang), |ui| {
            ui.strong(&target.text).on_hover_text(note);
        });
        ui.separator();
        figure_ui(ui, T::OnTarget.get(lang), |ui| {
            ui.strong(&target.verdict).on_hover_text(note);
        });
        ui.separator();
        figure_ui(ui, T::TrendOutlook.get(lang), |ui| {
            ui.label(&target.outlook).on_hover_text(note);
        });
    });
}

/// What the figures on this page count, and how they must be read: the
/// basis, and the provisional / carried-over / unreadable marks in words,
/// plus newer work the approved basis leaves out.
fn flags_ui(ui: &mut Ui, summary: &DepartmentSummary, basis: Basis, lang: Lang) {
    let basis_text = match basis {
        Basis::Approved => T::BasisApprovedText,
        Basis::Latest => T::BasisLatestText,
    };
    ui.label(RichText::new(basis_text.get(lang)).weak().small());
    let warn = ui.visuals().warn_fg_color;
    for line in figures::flag_lines(summary, lang) {
        ui.label(RichText::new(line).color(warn));
    }
    if let Some(line) = figures::pending_line(summary, basis, lang) {
        ui.label(RichText::new(line).weak());
    }
}

/// How far the assessors agree, where several scored this assessment: the
/// share within one level, the mean spread, and the largest disagreements
/// (a spread of two levels or more marked with a sign as well as colour),
/// with a way to the consensus screen.
fn agreement_ui(ui: &mut Ui, page: &Page, views: &mut ViewState, out: &mut Vec<Command>) {
    let lang = page.lang;
    let Some(agreement) = &page.figures.agreement else {
        return;
    };
    ui.add_space(4.0);
    ui.horizontal_wrapped(|ui| {
        ui.strong(T::RaterAgreement.get(lang));
        ui.label(&agreement.headline);
    });
    if let Some(line) = &agreement.spread_line {
        ui.label(line);
    }
    // The same line the reports print.
    ui.label(RichText::new(&agreement.assessors_line).weak());
    if !agreement.rows.is_empty() {
        egui::CollapsingHeader::new(T::LargestDisagreements.get(lang))
            .id_salt("department-disagreements")
            .default_open(true)
            .show(ui, |ui| {
                let marked = ui.visuals().warn_fg_color.gamma_multiply(0.35);
                egui::Grid::new("department-disagreements-grid")
                    .num_columns(4)
                    .striped(true)
                    .spacing([12.0, 3.0])
                    .show(ui, |ui| {
                        ui.strong(T::Indicator.get(lang));
                        ui.strong(T::Assessors.get(lang));
                        ui.strong(T::Spread.get(lang))
                            .on_hover_text(T::SpreadHint.get(lang));
                        ui.strong(T::AgreedLevel.get(lang));
                        ui.end_row();
                        for row in &agreement.rows {
                            ui.label(&row.indicator_name);
                            ui.label(&row.levels_line);
                            if row.marked {
                                ui.label(
                                    RichText::new(format!("⚠ {}", row.spread_text))
                                        .strong()
                                        .background_color(marked),
                                )
                                .on_hover_text(T::MarkedDisagreement.get(lang));
                            } else {
                                ui.label(&row.spread_text);
                            }
                            let agreed = ui.label(&row.agreed_text);
                            if !row.note.is_empty() {
                                agreed.on_hover_text(&row.note);
                            }
                            ui.end_row();
                        }
                    });
                if let Some(more) = &agreement.more_line {
                    ui.weak(more);
                }
            });
    }
    if ui.button(T::OpenConsensus.get(lang)).clicked() {
        views.assess.consensus = true;
        out.push(Command::SetTab(crate::app::state::Tab::Assess));
    }
}

/// A caption over a value.
fn figure_ui(ui: &mut Ui, caption: &str, value: impl FnOnce(&mut Ui)) {
    ui.vertical(|ui| {
        ui.weak(caption);
        ui.horizontal(value);
    });
}

/// A change since the previous period: an arrow and a sign as well as a
/// colour, so it never relies on colour alone. Shared with Compare.
pub(super) fn change_ui(ui: &mut Ui, change: &Change) -> egui::Response {
    let Some(shown) = change.shown else {
        return ui.add(Label::new(&change.text).selectable(false));
    };
    let text = RichText::new(&change.text).color(change_colour(ui, shown));
    ui.add(Label::new(text).selectable(false))
}

/// The colour of a change, lightened on the dark theme to stay readable.
pub(super) fn change_colour(ui: &Ui, value: f64) -> egui::Color32 {
    let rgb = charts::change_colour(value);
    colour(if ui.visuals().dark_mode {
        rgb.lerp(Rgb::WHITE, 0.35)
    } else {
        rgb
    })
}

// ---- radar ------------------------------------------------------------

fn radar_section_ui(ui: &mut Ui, page: &Page, views: &mut ViewState) {
    let lang = page.lang;
    let title = T::Radar.get(lang);
    let as_table = chart_header_ui(ui, lang, title, "department.radar", &mut views.as_table);
    let axes: Vec<String> = page
        .data
        .framework
        .dimensions
        .iter()
        .map(|d| d.name.get(lang).to_owned())
        .collect();
    if as_table {
        // The table lists every series, so the toggles have nothing to do.
        radar_table_ui(ui, page, &axes);
        return;
    }
    let state = &mut views.department;
    series_toggles_ui(ui, page, state);
    ui.add(Radar::new(title, &axes, radar_series(page, state)).size(RADAR_SIZE));
}

/// The legend, whose entries show or hide their series.
fn series_toggles_ui(ui: &mut Ui, page: &Page, state: &mut DepartmentViewState) {
    let lang = page.lang;
    ui.horizontal_wrapped(|ui| {
        let current = &mut state.show_current;
        series_toggle_ui(ui, series_colour(0), false, current, T::ShowCurrent.get(lang));
        ui.add_enabled_ui(page.summary.previous.is_some(), |ui| {
            let previous = &mut state.show_previous;
            series_toggle_ui(ui, series_colour(1), false, previous, T::ShowPrevious.get(lang));
        });
        series_toggle_ui(
            ui,
            series_colour(2),
            true,
            &mut state.show_target,
            T::ShowTarget.get(lang),
        );
    });
}

fn series_colour(i: usize) -> egui::Color32 {
    colour(charts::series_colour(i))
}

/// Per dimension: current, previous and target levels, in framework order.
fn radar_values(page: &Page) -> [Vec<Option<f64>>; 3] {
    let dimensions = &page.data.framework.dimensions;
    let of = |score: Option<&AssessmentScore>, d: &Dimension| score?.dimension(&d.id)?.mean_level;
    let current = dimensions.iter().map(|d| of(Some(page.current), d)).collect();
    let previous = dimensions
        .iter()
        .map(|d| of(page.summary.previous.as_ref(), d))
        .collect();
    let target = dimensions
        .iter()
        .map(|d| page.current.dimension(&d.id)?.target.map(|t| f64::from(t.get())))
        .collect();
    [current, previous, target]
}

fn radar_series(page: &Page, state: &DepartmentViewState) -> Vec<RadarSeries> {
    let lang = page.lang;
    let [current, previous, target] = radar_values(page);
    let mut series = Vec::new();
    if state.show_target {
        series.push(RadarSeries {
            name: T::ShowTarget.get(lang).to_owned(),
            colour: series_colour(2),
            values: target,
            dashed: true,
        });
    }
    if state.show_previous && page.summary.previous.is_some() {
        series.push(RadarSeries {
            name: T::ShowPrevious.get(lang).to_owned(),
            colour: series_colour(1),
            values: previous,
            dashed: false,
        });
    }
    if state.show_current {
        series.push(RadarSeries {
            name: T::ShowCurrent.get(lang).to_owned(),
            colour: series_colour(0),
            values: current,
            dashed: false,
        });
    }
    series
}

/// The radar's text equivalent.
fn radar_table_ui(ui: &mut Ui, page: &Page, axes: &[String]) {
    let lang = page.lang;
    let [current, previous, target] = radar_values(page);
    egui::Grid::new("department-radar-table")
        .striped(true)
        .num_columns(4)
        .show(ui, |ui| {
            for heading in [T::Dimension, T::ShowCurrent, T::ShowPrevious, T::ShowTarget] {
                ui.strong(heading.get(lang));
            }
            ui.end_row();
            for (i, name) in axes.iter().enumerate() {
                ui.label(name);
                for values in [&current, &previous, &target] {
                    ui.label(format::level(values.get(i).copied().flatten()));
                }
                ui.end_row();
            }
        });
}

// ---- dimension table --------------------------------------------------

fn dimension_section_ui(ui: &mut Ui, page: &Page, out: &mut Vec<Command>) {
    ui.strong(T::DimensionTable.get(page.lang));
    ui.add_space(4.0);
    dimension_table_ui(ui, page, out);
}

fn dimension_table_ui(ui: &mut Ui, page: &Page, out: &mut Vec<Command>) {
    let lang = page.lang;
    let dimensions = &page.figures.dimensions;
    let headers = [
        T::Dimension,
        T::Mean,
        T::Floor,
        T::Target,
        T::Gap,
        T::Priority,
        T::ChangeSincePrevious,
        T::Imbalanced,
    ];
    let id = ui.make_persistent_id("department-dimensions.sort");
    let mut sort = TableSort::load(ui, id);
    let mut order: Vec<usize> = (0..dimensions.len()).collect();
    sort.apply(&mut order, |r, column| {
        let Some(d) = dimensions.get(r) else {
            return SortKey::number(None);
        };
        match column {
            0 => SortKey::text(&d.name),
            1 => SortKey::number(d.mean_level),
            2 => SortKey::figure(&d.floor_text),
            3 => SortKey::figure(&d.target_text),
            4 if d.reached => SortKey::number(Some(0.0)),
            4 => SortKey::figure(&d.gap_text),
            5 => SortKey::figure(&d.priority_text),
            6 => SortKey::number(d.change.shown),
            _ => SortKey::number(Some(if d.imbalanced { 1.0 } else { 0.0 })),
        }
    });
    let mut clicked = None;
    let mut table = TableBuilder::new(ui)
        .id_salt("department-dimensions")
        .striped(true)
        .vscroll(false)
        .sense(Sense::click())
        .cell_layout(egui::Layout::left_to_right(Align::Center))
        .column(Column::remainder().at_least(150.0).clip(true));
    for width in FIGURE_COLUMNS {
        table = table.column(Column::exact(width));
    }
    table
        .header(ROW_HEIGHT, |mut header| {
            for (column, key) in headers.into_iter().enumerate() {
                header.col(|ui| {
                    table::sort_header_ui(ui, key.get(lang), column, &mut sort, lang);
                });
            }
        })
        .body(|body| {
            body.rows(ROW_HEIGHT, order.len(), |mut row| {
                let Some(dimension) = order.get(row.index()).and_then(|&r| dimensions.get(r)) else {
                    return;
                };
                let chosen = dimension.id == page.dimension.id;
                row.set_selected(chosen);
                let mut name_clicked = false;
                row.col(|ui| {
                    // The name, then the dimension's open (and overdue) actions.
                    let name_width = (ui.available_width() - PLAN_CELL_WIDTH).max(80.0);
                    ui.allocate_ui_with_layout(
                        egui::vec2(name_width, ROW_HEIGHT),
                        egui::Layout::left_to_right(Align::Center),
                        |ui| {
                            let name = egui::Button::selectable(chosen, &dimension.name).wrap();
                            name_clicked = ui.add(name).clicked();
                        },
                    );
                    let indicators: Vec<&str> = page
                        .data
                        .framework
                        .dimension(&dimension.id)
                        .map(|d| d.indicators.iter().map(|i| i.id.as_str()).collect())
                        .unwrap_or_default();
                    super::plan::actions_badge_ui(
                        ui,
                        super::plan::open_actions(&page.plan.actions, &indicators),
                        lang,
                    );
                });
                dimension_cells_ui(&mut row, lang, dimension);
                if name_clicked || row.response().clicked() {
                    clicked = Some(dimension.id.clone());
                }
            });
        });
    sort.store(ui, id);
    if let Some(dimension) = clicked {
        out.push(Command::ShowCell {
            department: page.department.id.clone(),
            dimension,
        });
    }
}

/// Mean, floor, target, gap, priority, change and imbalance of one row.
fn dimension_cells_ui(row: &mut egui_extras::TableRow, lang: Lang, dimension: &DimensionRow) {
    row.col(|ui| {
        if let Some(mean) = dimension.mean_level {
            level_chip_ui(ui, mean);
        }
        plain_ui(ui, &dimension.level_text);
    });
    row.col(|ui| {
        let response = plain_ui(ui, &dimension.floor_text);
        if let Some(weakest) = &dimension.weakest {
            response.on_hover_text(weakest);
        }
    });
    row.col(|ui| {
        plain_ui(ui, &dimension.target_text);
    });
    row.col(|ui| {
        let response = plain_ui(ui, &dimension.gap_text);
        if dimension.reached {
            response.on_hover_text(T::AlreadyReached.get(lang));
        }
    });
    row.col(|ui| {
        plain_ui(ui, &dimension.priority_text);
    });
    row.col(|ui| {
        change_ui(ui, &dimension.change);
    });
    row.col(|ui| {
        if dimension.imbalanced {
            plain_ui(ui, "⚠").on_hover_text(T::DimensionBelowStage.get(lang));
        }
    });
}

/// A label that lets a click through to its table row.
fn plain_ui(ui: &mut Ui, text: impl Into<egui::WidgetText>) -> egui::Response {
    ui.add(Label::new(text).selectable(false))
}

/// A small square in the level's heatmap colour, of the mean as printed
/// beside it (rounded to two decimals).
fn level_chip_ui(ui: &mut Ui, mean_level: f64) {
    let (rect, _) = ui.allocate_exact_size(Vec2::splat(10.0), Sense::hover());
    ui.painter()
        .rect_filled(rect, 2.0, colour(charts::shown_level(mean_level).colour));
}

// ---- drill-down -------------------------------------------------------

fn drill_down_ui(ui: &mut Ui, page: &Page, state: &mut DepartmentViewState, out: &mut Vec<Command>) {
    let lang = page.lang;
    let dimension = page.dimension;
    ui.heading(format!(
        "{} — {}",
        T::IndicatorAnswers.get(lang),
        dimension.name.get(lang)
    ));
    if let Some(row) = page.figures.dimensions.iter().find(|d| d.id == dimension.id) {
        dimension_explained_ui(ui, lang, row);
    }
    ui.add_space(6.0);
    let chosen = state
        .indicator
        .as_deref()
        .and_then(|id| dimension.indicators.iter().find(|i| i.id == id))
        .or_else(|| dimension.indicators.first());
    let Some(chosen) = chosen else { return };
    ui.horizontal_top(|ui| {
        ui.vertical(|ui| {
            ui.set_width(INDICATOR_LIST_WIDTH.min(ui.available_width() / 2.0));
            if let Some(id) = indicator_list_ui(ui, page, &chosen.id) {
                state.indicator = Some(id);
            }
        });
        ui.add_space(16.0);
        ui.vertical(|ui| {
            indicator_detail_ui(ui, page, chosen);
            ui.add_space(6.0);
            super::plan::indicator_actions_ui(
                ui,
                page.lang,
                &page.plan,
                &page.department.id,
                &chosen.id,
                out,
            );
        });
    });
}

/// How the dimension's figures come from its indicators.
fn dimension_explained_ui(ui: &mut Ui, lang: Lang, row: &DimensionRow) {
    ui.horizontal_wrapped(|ui| {
        ui.label(&row.mean_line);
        ui.weak(figures::aside(T::MeanExplained.get(lang), lang));
        ui.separator();
        ui.label(&row.answered_line);
        if let Some(floor) = &row.floor_line {
            ui.separator();
            ui.label(floor);
        }
    });
}

/// The dimension's indicators: level, name, weight, confidence and last
/// period's level. Returns the indicator clicked.
fn indicator_list_ui(ui: &mut Ui, page: &Page, chosen: &str) -> Option<String> {
    let lang = page.lang;
    let mut clicked = None;
    egui::Grid::new("department-indicators")
        .striped(true)
        .num_columns(4)
        .show(ui, |ui| {
            for key in [T::Level, T::Indicator, T::Weight, T::Previous] {
                ui.strong(key.get(lang));
            }
            ui.end_row();
            for indicator in &page.dimension.indicators {
                let rating = page
                    .assessment
                    .map_or(&Rating::Unanswered, |a| a.rating(&indicator.id));
                ui.label(
                    RichText::new(figures::rating_short(rating, lang))
                        .monospace()
                        .strong(),
                );
                if ui
                    .selectable_label(indicator.id == chosen, indicator.name.get(lang))
                    .clicked()
                {
                    clicked = Some(indicator.id.clone());
                }
                ui.label(format::weight(page.data.indicator_weight(indicator)));
                let previous = page.previous.map_or_else(
                    || format::MISSING.to_owned(),
                    |a| figures::rating_short(a.rating(&indicator.id), lang),
                );
                ui.label(previous);
                ui.end_row();
            }
        });
    clicked
}

/// One indicator's answer in full, with the rubric text of its level.
fn indicator_detail_ui(ui: &mut Ui, page: &Page, indicator: &Indicator) {
    let lang = page.lang;
    let answer = page.assessment.and_then(|a| a.answers.get(&indicator.id));
    let rating = answer.map_or(&Rating::Unanswered, |a| &a.rating);
    ui.label(
        RichText::new(format!("{} · {}", indicator.name.get(lang), indicator.id))
            .size(16.0)
            .strong(),
    );
    ui.add_space(4.0);
    match rating {
        Rating::Level(level) => {
            ui.label(RichText::new(figures::level_line(page.data, *level, lang)).strong());
            ui.weak(T::RubricOfLevel.get(lang));
            if let Some(descriptor) = indicator.levels.get(level.index()) {
                ui.add(Label::new(descriptor.get(lang)).wrap());
            }
        }
        Rating::NotApplicable { reason } => {
            ui.label(RichText::new(T::NotApplicable.get(lang)).strong());
            ui.label(labelled(T::Reason.get(lang), reason, lang));
        }
        Rating::Unanswered => {
            ui.label(RichText::new(T::Unanswered.get(lang)).strong());
        }
    }
    ui.add_space(6.0);
    if let Some(answer) = answer {
        answer_details_ui(ui, lang, answer);
    } else {
        ui.weak(T::NoEvidence.get(lang));
    }
    ui.add_space(6.0);
    previous_and_target_ui(ui, page, indicator);
    egui::CollapsingHeader::new(T::AllLevels.get(lang))
        .id_salt(("rubric", &indicator.id))
        .show(ui, |ui| {
            for (level, text) in Level::all().zip(&indicator.levels) {
                let line = figures::rubric_line(page.data, level, text.get(lang), lang);
                let highlight = rating.level() == Some(level);
                ui.add(
                    Label::new(if highlight {
                        RichText::new(line).strong()
                    } else {
                        RichText::new(line)
                    })
                    .wrap(),
                );
            }
        });
}

/// Evidence, links, confidence, comment, and whether it awaits re-confirmation.
fn answer_details_ui(ui: &mut Ui, lang: Lang, answer: &crate::model::Answer) {
    ui.strong(T::Evidence.get(lang));
    if answer.evidence.trim().is_empty() {
        ui.weak(T::NoEvidence.get(lang));
    } else {
        ui.add(Label::new(&answer.evidence).wrap());
    }
    if answer.reconfirm {
        ui.label(RichText::new(format!("⚠ {}", T::ToReconfirm.get(lang))).color(ui.visuals().warn_fg_color));
    }
    if !answer.links.is_empty() {
        ui.strong(T::Links.get(lang));
        for link in &answer.links {
            if link.starts_with("https://") || link.starts_with("http://") {
                ui.hyperlink(link);
            } else {
                ui.label(RichText::new(link).monospace());
            }
        }
    }
    let confidence = answer.confidence.map_or(format::MISSING, |c| {
        crate::present::catalogue::confidence(c, lang)
    });
    ui.label(labelled(T::Confidence.get(lang), confidence, lang));
    if !answer.comment.trim().is_empty() {
        ui.label(labelled(T::Comment.get(lang), &answer.comment, lang));
    }
}

/// Last period's answer and the indicator's target, for context.
fn previous_and_target_ui(ui: &mut Ui, page: &Page, indicator: &Indicator) {
    let lang = page.lang;
    let previous = page
        .previous
        .map(|assessment| (assessment.period, assessment.rating(&indicator.id)));
    ui.label(figures::previous_line(page.data, previous, lang));
    if let Some(score) = page.current.indicator(&indicator.id)
        && let Some(target) = score.target
    {
        ui.label(figures::indicator_target_line(target, score.gap, lang));
    }
}
