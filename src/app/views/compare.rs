//! The Compare view: two departments at the selected period, or one
//! department at two periods, side by side. An overlaid radar, a
//! difference table per dimension (A, B, B − A), and the indicators that
//! differ most: improved and declined from period A to period B, or where
//! department B is ahead of and behind department A.

use chrono::NaiveDate;
use egui::{Align, Label, RichText, ScrollArea, Ui, Vec2};
use egui_extras::{Column, TableBuilder};

use super::ViewCtx;
use super::department::{change_colour, change_ui};
use crate::app::command::Command;
use crate::app::state::{CompareMode, CompareViewState, ViewState};
use crate::app::widgets::picker;
use crate::app::widgets::radar::{Radar, RadarSeries, legend_ui};
use crate::app::widgets::table::{self, SortKey, TableSort};
use crate::app::widgets::{chart_header_ui, colour};
use crate::charts;
use crate::model::{Dataset, Department, Lang};
use crate::present::catalogue::T;
use crate::present::compare::{self as figures, Comparison, MoverRow};
use crate::present::format;

const RADAR_SIZE: Vec2 = Vec2::new(500.0, 400.0);
/// Below this width the radar and the difference table stack.
const SIDE_BY_SIDE_WIDTH: f32 = 960.0;
const ROW_HEIGHT: f32 = 24.0;
const PICKER_WIDTH: f32 = 240.0;
const MOVER_CHANGE_WIDTH: f32 = 48.0;
const MOVER_LEVELS_WIDTH: f32 = 56.0;

/// One side of the comparison: a department and a period.
struct Side<'a> {
    department: &'a str,
    period: NaiveDate,
}

pub fn compare_ui(ui: &mut Ui, ctx: &ViewCtx, views: &mut ViewState, _out: &mut Vec<Command>) {
    let lang = ctx.lang;
    ui.horizontal(|ui| {
        let mode = &mut views.compare.mode;
        for (candidate, key) in [
            (CompareMode::Departments, T::CompareDepartments),
            (CompareMode::Periods, T::ComparePeriods),
        ] {
            if ui.selectable_label(*mode == candidate, key.get(lang)).clicked() {
                *mode = candidate;
            }
        }
    });
    ui.add_space(4.0);
    let sides = match views.compare.mode {
        CompareMode::Departments => departments_ui(ui, ctx, &mut views.compare),
        CompareMode::Periods => periods_ui(ui, ctx, &mut views.compare),
    };
    let Some((a, b)) = sides else { return };
    ui.separator();
    ScrollArea::vertical()
        .id_salt("compare-view")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            comparison_ui(ui, ctx, views, &a, &b);
        });
}

// ---- choosing A and B -------------------------------------------------

/// Two department pickers, both at the selected period. Defaults: A is the
/// selected department, B the one after it, so the view is never empty.
fn departments_ui<'a>(
    ui: &mut Ui,
    ctx: &ViewCtx<'a>,
    state: &mut CompareViewState,
) -> Option<(Side<'a>, Side<'a>)> {
    let lang = ctx.lang;
    let active: Vec<&Department> = ctx.data.workspace.active_departments().collect();
    let left = resolve_department(&active, state.left.as_deref())
        .or_else(|| resolve_department(&active, ctx.selection.department.as_deref()))
        .or_else(|| active.first().copied())?;
    let right =
        resolve_department(&active, state.right.as_deref()).or_else(|| next_department(&active, &left.id))?;
    ui.horizontal_wrapped(|ui| {
        if let Some(id) = department_picker_ui(ui, "compare-left", T::Left.get(lang), lang, &active, left) {
            state.left = Some(id);
        }
        ui.add_space(16.0);
        if let Some(id) = department_picker_ui(ui, "compare-right", T::Right.get(lang), lang, &active, right)
        {
            state.right = Some(id);
        }
        if let Some(period) = ctx.derived.summary.period {
            ui.separator();
            ui.label(figures::period_line(period, lang));
        }
    });
    let side = |department: &'a Department| -> Option<Side<'a>> {
        let score = ctx.derived.summary.department(&department.id)?.current.as_ref()?;
        Some(Side {
            department: &department.id,
            period: score.period,
        })
    };
    let (a, b) = (side(left), side(right));
    if a.is_none() || b.is_none() {
        ui.label(T::NoAssessment.get(lang));
    }
    Some((a?, b?))
}

/// One department picker and two period pickers. Defaults: the selected
/// department, its period at the selection (B) and the one before (A).
fn periods_ui<'a>(
    ui: &mut Ui,
    ctx: &ViewCtx<'a>,
    state: &mut CompareViewState,
) -> Option<(Side<'a>, Side<'a>)> {
    let lang = ctx.lang;
    let data = ctx.data;
    let active: Vec<&Department> = data.workspace.active_departments().collect();
    let department = resolve_department(&active, state.left.as_deref())
        .or_else(|| resolve_department(&active, ctx.selection.department.as_deref()))
        .or_else(|| active.first().copied())?;
    let periods: Vec<NaiveDate> = data.history(&department.id).map(|a| a.period).collect();
    let (default_left, default_right) = default_periods(data, &department.id, ctx.selection.period);
    let pick = |chosen: Option<NaiveDate>, fallback| chosen.filter(|p| periods.contains(p)).or(fallback);
    let left_period = pick(state.left_period, default_left);
    let right_period = pick(state.right_period, default_right);
    ui.horizontal_wrapped(|ui| {
        let label = T::ComparedDepartment.get(lang);
        if let Some(id) = department_picker_ui(ui, "compare-department", label, lang, &active, department) {
            state.left = Some(id);
            state.left_period = None;
            state.right_period = None;
        }
        ui.add_space(16.0);
        if let Some(period) = period_picker_ui(
            ui,
            "compare-left-period",
            T::Left.get(lang),
            &periods,
            left_period,
            lang,
        ) {
            state.left_period = Some(period);
        }
        if let Some(period) = period_picker_ui(
            ui,
            "compare-right-period",
            T::Right.get(lang),
            &periods,
            right_period,
            lang,
        ) {
            state.right_period = Some(period);
        }
    });
    let (Some(left_period), Some(right_period)) = (left_period, right_period) else {
        ui.label(T::NoAssessment.get(lang));
        return None;
    };
    if periods.len() < 2 {
        ui.label(T::OnePeriodOnly.get(lang));
    } else if left_period == right_period {
        ui.label(T::SamePeriod.get(lang));
    }
    let side = |period: NaiveDate| -> Option<Side<'a>> {
        data.find(&department.id, period)?;
        Some(Side {
            department: &department.id,
            period,
        })
    };
    Some((side(left_period)?, side(right_period)?))
}

/// (A, B): the department's latest period on or before `selected`, and the
/// one before it (or the same when there is none).
fn default_periods(
    data: &Dataset,
    department: &str,
    selected: Option<NaiveDate>,
) -> (Option<NaiveDate>, Option<NaiveDate>) {
    let Some(right) = data
        .latest_for(department, selected)
        .or_else(|| data.latest_for(department, None))
    else {
        return (None, None);
    };
    let left = data
        .previous_for(department, right.period)
        .map_or(right.period, |a| a.period);
    (Some(left), Some(right.period))
}

fn resolve_department<'d>(active: &[&'d Department], id: Option<&str>) -> Option<&'d Department> {
    let id = id?;
    active.iter().copied().find(|d| d.id == id)
}

/// The department after `id` in workspace order, wrapping round.
fn next_department<'d>(active: &[&'d Department], id: &str) -> Option<&'d Department> {
    let index = active.iter().position(|d| d.id == id)?;
    active.get((index + 1) % active.len()).copied()
}

/// A searchable department picker (see `widgets::picker`); returns the id
/// picked this frame.
fn department_picker_ui(
    ui: &mut Ui,
    id: &str,
    label: &str,
    lang: Lang,
    active: &[&Department],
    current: &Department,
) -> Option<String> {
    picker::department_picker_ui(ui, id, label, lang, active, Some(current), PICKER_WIDTH)
}

/// A period combo box over the department's periods; returns the one picked.
fn period_picker_ui(
    ui: &mut Ui,
    id: &str,
    label: &str,
    periods: &[NaiveDate],
    current: Option<NaiveDate>,
    lang: Lang,
) -> Option<NaiveDate> {
    let mut picked = None;
    let shown = figures::period_text(current, lang);
    egui::ComboBox::new(id, label)
        .selected_text(shown)
        .show_ui(ui, |ui| {
            for period in periods.iter().rev() {
                if ui
                    .selectable_label(
                        current == Some(*period),
                        figures::period_text(Some(*period), lang),
                    )
                    .clicked()
                {
                    picked = Some(*period);
                }
            }
        });
    picked
}

// ---- the comparison ---------------------------------------------------

fn comparison_ui(ui: &mut Ui, ctx: &ViewCtx, views: &mut ViewState, a: &Side, b: &Side) {
    let lang = ctx.lang;
    let Some(comparison) =
        ctx.derived
            .comparison(ctx.data, (a.department, a.period), (b.department, b.period), lang)
    else {
        ui.label(T::NoAssessment.get(lang));
        return;
    };
    let axes: Vec<String> = ctx
        .data
        .framework
        .dimensions
        .iter()
        .map(|d| d.name.get(lang).to_owned())
        .collect();
    let series: Vec<RadarSeries> = (0..2)
        .filter_map(|i| {
            Some(RadarSeries {
                name: comparison.series_names.get(i)?.clone(),
                colour: colour(charts::series_colour(i)),
                values: comparison.radar.get(i)?.clone(),
                dashed: false,
            })
        })
        .collect();
    if ui.available_width() >= SIDE_BY_SIDE_WIDTH {
        ui.horizontal_top(|ui| {
            ui.vertical(|ui| {
                ui.set_width(RADAR_SIZE.x);
                radar_section_ui(ui, lang, views, &axes, &series);
            });
            ui.add_space(16.0);
            ui.vertical(|ui| difference_section_ui(ui, lang, &comparison));
        });
    } else {
        radar_section_ui(ui, lang, views, &axes, &series);
        ui.separator();
        difference_section_ui(ui, lang, &comparison);
    }
    ui.separator();
    movers_ui(ui, lang, views.compare.mode, &comparison);
}

/// The overlaid radar with its legend, or its table.
fn radar_section_ui(ui: &mut Ui, lang: Lang, views: &mut ViewState, axes: &[String], series: &[RadarSeries]) {
    let title = T::Radar.get(lang);
    let as_table = chart_header_ui(ui, lang, title, "compare.radar", &mut views.as_table);
    legend_ui(ui, series);
    if as_table {
        radar_table_ui(ui, lang, axes, series);
    } else {
        ui.add(Radar::new(title, axes, series.to_vec()).size(RADAR_SIZE));
    }
}

fn difference_section_ui(ui: &mut Ui, lang: Lang, comparison: &Comparison) {
    ui.strong(T::Difference.get(lang));
    ui.add_space(4.0);
    difference_table_ui(ui, lang, comparison);
}

/// The overlaid radar's text equivalent.
fn radar_table_ui(ui: &mut Ui, lang: Lang, axes: &[String], series: &[RadarSeries]) {
    egui::Grid::new("compare-radar-table")
        .striped(true)
        .num_columns(3)
        .show(ui, |ui| {
            ui.strong(T::Dimension.get(lang));
            for s in series {
                ui.strong(&s.name);
            }
            ui.end_row();
            for (i, name) in axes.iter().enumerate() {
                ui.label(name);
                for s in series {
                    ui.label(format::level(s.values.get(i).copied().flatten()));
                }
                ui.end_row();
            }
        });
}

/// Per dimension and overall: A's and B's mean level and B − A.
fn difference_table_ui(ui: &mut Ui, lang: Lang, comparison: &Comparison) {
    let rows = &comparison.rows;
    let id = ui.make_persistent_id("compare-difference.sort");
    let mut sort = TableSort::load(ui, id);
    // The dimensions sort; the overall row keeps its place.
    let mut order: Vec<usize> = (0..rows.len())
        .filter(|&r| rows.get(r).is_some_and(|row| !row.overall))
        .collect();
    sort.apply(&mut order, |r, column| {
        let Some(row) = rows.get(r) else {
            return SortKey::number(None);
        };
        match column {
            0 => SortKey::text(&row.name),
            1 => SortKey::figure(&row.left_text),
            2 => SortKey::figure(&row.right_text),
            _ => SortKey::number(row.difference.shown),
        }
    });
    for (r, row) in rows.iter().enumerate() {
        if row.overall {
            let at = if r == 0 { 0 } else { order.len() };
            order.insert(at, r);
        }
    }
    TableBuilder::new(ui)
        .id_salt("compare-difference")
        .striped(true)
        .vscroll(false)
        .cell_layout(egui::Layout::left_to_right(Align::Center))
        .column(Column::auto().at_least(220.0).clip(true))
        .columns(Column::auto().at_least(70.0), 2)
        .column(Column::remainder().at_least(140.0))
        .header(ROW_HEIGHT, |mut header| {
            for (column, text) in [
                T::Dimension.get(lang),
                T::Left.get(lang),
                T::Right.get(lang),
                T::BMinusA.get(lang),
            ]
            .into_iter()
            .enumerate()
            {
                header.col(|ui| {
                    table::sort_header_ui(ui, text, column, &mut sort, lang);
                });
            }
        })
        .body(|body| {
            body.rows(ROW_HEIGHT, order.len(), |mut row| {
                let Some(figures) = order.get(row.index()).and_then(|&r| rows.get(r)) else {
                    return;
                };
                let name = if figures.overall {
                    RichText::new(&figures.name).strong()
                } else {
                    RichText::new(&figures.name)
                };
                row.col(|ui| {
                    ui.add(Label::new(name).selectable(false));
                });
                for text in [&figures.left_text, &figures.right_text] {
                    row.col(|ui| {
                        ui.add(Label::new(text).selectable(false));
                    });
                }
                row.col(|ui| {
                    change_ui(ui, &figures.difference);
                });
            });
        });
    sort.store(ui, id);
}

/// The indicators with the largest B − A, up and down. Between two periods
/// that is what improved and declined; between two departments nothing
/// moved, so the lists say where B is ahead of and behind A.
fn movers_ui(ui: &mut Ui, lang: Lang, mode: CompareMode, comparison: &Comparison) {
    let titles = match mode {
        CompareMode::Periods => [
            (T::MostImproved, T::NoneImproved),
            (T::MostDeclined, T::NoneDeclined),
        ],
        CompareMode::Departments => [(T::BAhead, T::NoneAhead), (T::BBehind, T::NoneBehind)],
    };
    ui.columns(2, |columns| {
        let lists = [
            (titles[0], &comparison.up, &comparison.up_more),
            (titles[1], &comparison.down, &comparison.down_more),
        ];
        for (ui, ((title, none), list, more)) in columns.iter_mut().zip(lists) {
            ui.strong(title.get(lang));
            if list.is_empty() {
                ui.weak(none.get(lang));
                continue;
            }
            mover_list_ui(ui, list);
            if let Some(more) = more {
                ui.weak(more);
            }
        }
    });
}

/// Rows of "▲ +2 · 2 → 4 · indicator, its dimension beneath".
fn mover_list_ui(ui: &mut Ui, list: &[MoverRow]) {
    for mover in list {
        ui.horizontal_top(|ui| {
            let text = RichText::new(&mover.change_text).color(change_colour(ui, mover.change));
            fixed_cell_ui(ui, MOVER_CHANGE_WIDTH, Label::new(text).selectable(false));
            fixed_cell_ui(ui, MOVER_LEVELS_WIDTH, Label::new(&mover.levels_text));
            ui.vertical(|ui| {
                ui.label(&mover.indicator_name);
                if !mover.dimension_name.is_empty() {
                    ui.weak(&mover.dimension_name);
                }
            });
        });
        ui.add_space(4.0);
    }
}

/// A widget in a cell of fixed width, so rows line up.
fn fixed_cell_ui(ui: &mut Ui, width: f32, widget: impl egui::Widget) {
    let layout = egui::Layout::left_to_right(Align::Min);
    ui.allocate_ui_with_layout(Vec2::new(width, ROW_HEIGHT), layout, |ui| {
        ui.set_min_width(width);
        ui.add(widget);
    });
}
