//! The Trends view: how departments progress over the periods, on a real
//! date axis — one department with a line per dimension, a chosen set of
//! departments, or every active department as a mean with its min–max band —
//! with the target level, its date, and the projected date of reaching it.
//!
//! The figures come from `analysis::trend` / `analysis::group_trend` and are
//! memoised in `TrendsViewState::cache`, recomputed only when the workspace
//! revision, the scope, the dimension, the chosen set or the department
//! changes. Dates are plotted as days since the first plotted period and
//! formatted back into dates on the axis and in hover labels.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use egui::{Color32, RichText, Ui};
use egui_extras::{Column, TableBuilder};
use egui_plot::{
    FilledArea, GridInput, GridMark, HLine, HoverPosition, Line, LineStyle, MarkerShape, Plot, PlotPoint,
    PlotUi, Points, VLine,
};

use super::ViewCtx;
use crate::analysis::{GroupPoint, Projection, Trend};
use crate::app::command::Command;
use crate::app::state::{TrendScope, TrendsCache, TrendsViewState, ViewState};
use crate::app::widgets;
use crate::charts::{self, Theme};
use crate::model::{Lang, Level};
use crate::present::catalogue::hierarchy as words;
use crate::present::catalogue::{T, tagged_text};
use crate::present::format;
use crate::present::trend_crowd as crowd;
use crate::present::trends::{self as figures, month_text, outlook_text, target_text};

/// The chart's id for the Chart / Table switch.
const CHART_ID: &str = "trends.plot";
/// Days of room on either side of the plotted dates.
const X_MARGIN_DAYS: f64 = 45.0;
/// Target dates and projections up to this far past the last period are
/// in the range first shown; further ones are reached by panning.
const MAX_REACH_DAYS: f64 = 2.0 * 365.0;
/// The level axis, with room around levels 1 and 5 for markers.
const Y_BOUNDS: (f64, f64) = (0.6, 5.4);
/// Rows in the summary below the chart before it scrolls.
const SUMMARY_MAX_HEIGHT: f32 = 220.0;
const ROW_HEIGHT: f32 = 22.0;
/// Points between date labels on the x axis ("2025-06" and a gap; egui_plot
/// hides labels closer than 60).
const MIN_LABEL_SPACING: f64 = 90.0;
/// The smallest plot height worth drawing.
const MIN_PLOT_HEIGHT: f32 = 220.0;

/// One plotted line, ready to draw.
struct Series<'a> {
    name: String,
    colour: Color32,
    trend: &'a Trend,
    /// Drawn strong, with its target and projection.
    focus: bool,
    /// What clicking its row under the chart does.
    row: RowAction<'a>,
    /// A department's overall line: its target is the weighted mean of the
    /// dimension targets, reached when every one of them is.
    overall: bool,
}

/// What clicking a line's row under the chart does.
#[derive(Clone, Copy)]
enum RowAction<'a> {
    /// Focus this line of one department: overall (`None`) or a dimension.
    Focus(Option<&'a str>),
    /// Open this department (a chosen set).
    Select(&'a str),
    /// Nothing (the all-departments mean).
    Nothing,
}

pub fn trends_ui(ui: &mut Ui, ctx: &ViewCtx, views: &mut ViewState, out: &mut Vec<Command>) {
    controls_ui(ui, ctx, &mut views.trends);
    ui.separator();
    refresh_cache(ctx, &mut views.trends);
    if views.trends.scope == TrendScope::Set {
        egui::Panel::left("trends.chooser")
            .resizable(true)
            .default_size(240.0)
            .min_size(180.0)
            .show(ui, |ui| chooser_ui(ui, ctx, &mut views.trends));
    }
    let state = &views.trends;
    let series = plotted_series(ctx, state);
    if series.is_empty() {
        ui.label(empty_text(ctx, state.scope));
        return;
    }
    // A crowd counts its departments, not its lines.
    let count = if crowded(state) && state.scope == TrendScope::Set {
        state.chosen.len()
    } else {
        series.len()
    };
    let title = chart_title(ctx, state.scope, count);
    let as_table = widgets::chart_header_ui(ui, ctx.lang, &title, CHART_ID, &mut views.as_table);
    let band = &state.cache.band;
    let extent = Extent::of(&series);
    // Under the chart: what the overall target means, how many departments
    // have no line of their own, and what lies beyond the chart's dates.
    let mut notes: Vec<String> = Vec::new();
    let overall = series.iter().any(|s| s.overall);
    if overall {
        notes.push(T::TrendOverallNote.get(ctx.lang).to_owned());
    }
    if let Some(hidden) = hidden(ctx, state) {
        notes.push(format!(
            "{} {}",
            words::hidden_departments(hidden, ctx.lang),
            T::TrendHighlightNote.get(ctx.lang)
        ));
    }
    if let Some(extent) = extent.as_ref().filter(|_| !as_table) {
        if !extent.targets_beyond.is_empty() {
            notes.push(words::targets_beyond(&extent.targets_beyond, ctx.lang));
        }
        if extent.projections_beyond {
            notes.push(words::projections_beyond(ctx.lang).to_owned());
        }
    }
    // The summary's rows: a header, one per line, and the band's.
    let rows = 1 + series.len() + usize::from(!band.is_empty());
    // A row count is small, so the conversion is exact.
    let row_pitch = ROW_HEIGHT + ui.spacing().item_spacing.y;
    let note_height = 20.0 * notes.len() as f32;
    let summary_height = (row_pitch * rows as f32 + 16.0).min(SUMMARY_MAX_HEIGHT) + note_height;
    let chart_height = (ui.available_height() - summary_height - 12.0).max(MIN_PLOT_HEIGHT);
    match (&extent, as_table) {
        (_, true) => table_ui(ui, ctx, &series, band, chart_height),
        (Some(extent), false) => plot_ui(ui, ctx, &series, band, extent, chart_height),
        (None, false) => {
            ui.label(T::NoData.get(ctx.lang));
        }
    }
    ui.separator();
    for note in &notes {
        ui.label(RichText::new(note).weak().small());
    }
    let mut focus = None;
    ui.scope(|ui| summary_ui(ui, ctx, &series, band, &mut focus, out));
    if let Some(dimension) = focus {
        views.trends.dimension = dimension;
    }
}

// ---- controls -----------------------------------------------------------

fn controls_ui(ui: &mut Ui, ctx: &ViewCtx, state: &mut TrendsViewState) {
    let lang = ctx.lang;
    ui.horizontal_wrapped(|ui| {
        ui.label(T::TrendScope.get(lang));
        let before = state.scope;
        ui.selectable_value(&mut state.scope, TrendScope::One, T::TrendOne.get(lang));
        ui.selectable_value(&mut state.scope, TrendScope::Set, T::TrendSet.get(lang));
        ui.selectable_value(&mut state.scope, TrendScope::All, T::TrendAll.get(lang));
        if before != state.scope && state.scope == TrendScope::Set && state.chosen.is_empty() {
            // Start the comparison from the department in view.
            state.chosen.extend(ctx.selection.department.clone());
        }
        ui.separator();
        dimension_picker_ui(ui, ctx, state);
    });
}

fn dimension_picker_ui(ui: &mut Ui, ctx: &ViewCtx, state: &mut TrendsViewState) {
    let lang = ctx.lang;
    let framework = &ctx.data.framework;
    let selected = state
        .dimension
        .as_deref()
        .and_then(|id| framework.dimension(id))
        .map_or_else(
            || T::OverallMean.get(lang).to_owned(),
            |d| d.name.get(lang).to_owned(),
        );
    egui::ComboBox::new("trends.dimension", T::Dimension.get(lang))
        .selected_text(selected)
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut state.dimension, None, T::OverallMean.get(lang));
            for dimension in &framework.dimensions {
                ui.selectable_value(
                    &mut state.dimension,
                    Some(dimension.id.clone()),
                    dimension.name.get(lang),
                );
            }
        });
}

/// The searchable list of departments for `TrendScope::Set`.
fn chooser_ui(ui: &mut Ui, ctx: &ViewCtx, state: &mut TrendsViewState) {
    let lang = ctx.lang;
    ui.add(egui::TextEdit::singleline(&mut state.search).hint_text(T::Search.get(lang)));
    let needle = state.search.trim().to_lowercase();
    let shown: Vec<_> = ctx
        .data
        .workspace
        .active_departments()
        .filter(|d| {
            needle.is_empty()
                || d.id.contains(&needle)
                || d.name.en.to_lowercase().contains(&needle)
                || d.name.zh.contains(&needle)
        })
        .collect();
    ui.horizontal(|ui| {
        if ui.button(T::TrendTickShown.get(lang)).clicked() {
            state.chosen.extend(shown.iter().map(|d| d.id.clone()));
        }
        if ui.button(T::TrendClear.get(lang)).clicked() {
            state.chosen.clear();
        }
    });
    ui.separator();
    let row_height = ui.spacing().interact_size.y;
    egui::ScrollArea::vertical()
        .id_salt("trends.chooser.list")
        .auto_shrink([false, false])
        .show_rows(ui, row_height, shown.len(), |ui, rows| {
            // One line per row, as `show_rows` expects; the full name on hover.
            ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
            for department in &shown[rows] {
                let mut ticked = state.chosen.contains(&department.id);
                let name = department.name.get(lang);
                // Shortened in the middle: the end tells departments apart.
                let room = ui.available_width() - ui.spacing().icon_width - ui.spacing().icon_spacing;
                let font = egui::TextStyle::Body.resolve(ui.style());
                let shown = widgets::grouping::fit_name(ui, name, font, room);
                let response = ui.checkbox(&mut ticked, shown.as_ref());
                if shown.as_ref() != name {
                    // A screen reader (and a test) hears the whole name.
                    response
                        .widget_info(|| egui::WidgetInfo::selected(egui::Role::CheckBox, true, ticked, name));
                }
                if response.on_hover_text(name).changed() {
                    if ticked {
                        state.chosen.insert(department.id.clone());
                    } else {
                        state.chosen.remove(&department.id);
                    }
                }
            }
        });
}

// ---- figures ------------------------------------------------------------

/// Recomputes the memoised figures when what they depend on has changed.
fn refresh_cache(ctx: &ViewCtx, state: &mut TrendsViewState) {
    let revision = ctx.derived.revision();
    let basis = ctx.selection.basis;
    let uses_chosen = state.scope == TrendScope::Set;
    // One department, or a crowd whose highlighted lines start with the
    // department in view.
    let department = match state.scope {
        TrendScope::One | TrendScope::All => ctx.selection.department.clone(),
        TrendScope::Set if crowded(state) => ctx.selection.department.clone(),
        TrendScope::Set => None,
    };
    let fresh = state
        .cache
        .key
        .as_ref()
        .is_some_and(|(rev, scope, dimension, chosen, dept, on)| {
            *rev == revision
                && *on == basis
                && *scope == state.scope
                && *dimension == state.dimension
                && (!uses_chosen || *chosen == state.chosen)
                && *dept == department
        });
    if fresh {
        return;
    }
    let chosen = if uses_chosen {
        state.chosen.clone()
    } else {
        BTreeSet::new()
    };
    let dimension = state.dimension.as_deref();
    let summary = &ctx.derived.summary;
    let (series, band) = match state.scope {
        TrendScope::One => (
            figures::one_department(ctx.data, department.as_deref(), basis),
            Vec::new(),
        ),
        TrendScope::Set if crowded(state) => {
            let ids: Vec<&str> = ctx
                .data
                .workspace
                .active_departments()
                .filter(|d| chosen.contains(&d.id))
                .map(|d| d.id.as_str())
                .collect();
            crowd::crowd(ctx.data, summary, &ids, department.as_deref(), dimension, basis)
        }
        TrendScope::Set => (
            figures::chosen_departments(ctx.data, &chosen, dimension, basis),
            Vec::new(),
        ),
        TrendScope::All => {
            let ids: Vec<&str> = ctx
                .data
                .workspace
                .active_departments()
                .map(|d| d.id.as_str())
                .collect();
            crowd::crowd(ctx.data, summary, &ids, department.as_deref(), dimension, basis)
        }
    };
    state.cache = TrendsCache {
        key: Some((
            revision,
            state.scope,
            state.dimension.clone(),
            chosen,
            department,
            basis,
        )),
        series,
        band,
    };
}

/// More departments chosen than can be told apart as lines: they are drawn
/// as their mean and band, with a few highlighted.
fn crowded(state: &TrendsViewState) -> bool {
    match state.scope {
        TrendScope::One => false,
        TrendScope::Set => state.chosen.len() > crowd::CROWD_ABOVE,
        TrendScope::All => true,
    }
}

/// How many departments the chart covers and how many of them have no line
/// of their own; `None` when each has one.
fn hidden(ctx: &ViewCtx, state: &TrendsViewState) -> Option<usize> {
    if !crowded(state) {
        return None;
    }
    let total = match state.scope {
        TrendScope::All => ctx.data.workspace.active_departments().count(),
        _ => state.chosen.len(),
    };
    let own = state.cache.series.iter().filter(|(id, _)| id.is_some()).count();
    Some(total.saturating_sub(own))
}

/// The cached trends as named, coloured lines. For one department the
/// focused line (overall or the chosen dimension) comes last, so it is
/// drawn on top.
fn plotted_series<'a>(ctx: &ViewCtx<'a>, state: &'a TrendsViewState) -> Vec<Series<'a>> {
    let lang = ctx.lang;
    let framework = &ctx.data.framework;
    let ink = widgets::colour(palette(ctx).text);
    let mut series: Vec<Series<'a>> = match state.scope {
        TrendScope::One => state
            .cache
            .series
            .iter()
            .map(|(id, trend)| {
                let dimension = id.as_deref();
                let index = dimension.and_then(|id| framework.dimensions.iter().position(|d| d.id == id));
                let name = dimension.and_then(|id| framework.dimension(id)).map_or_else(
                    || T::OverallMean.get(lang).to_owned(),
                    |d| d.name.get(lang).to_owned(),
                );
                Series {
                    name,
                    colour: index.map_or(ink, |i| widgets::colour(charts::series_colour(i))),
                    trend,
                    focus: *id == state.dimension,
                    row: RowAction::Focus(dimension),
                    overall: dimension.is_none(),
                }
            })
            .collect(),
        TrendScope::Set | TrendScope::All if crowded(state) => {
            let mean = match state.scope {
                TrendScope::All => T::Mean,
                _ => T::TrendSetMean,
            };
            state
                .cache
                .series
                .iter()
                .enumerate()
                .map(|(i, (id, trend))| match id.as_deref() {
                    // The mean carries the target and the projection; the
                    // highlighted departments are thin lines beside it.
                    None => Series {
                        name: mean.get(lang).to_owned(),
                        colour: widgets::colour(charts::series_colour(0)),
                        trend,
                        focus: true,
                        row: RowAction::Nothing,
                        overall: false,
                    },
                    // The mean's colour (the first) is never reused.
                    Some(id) => Series {
                        name: department_name(ctx, id),
                        colour: widgets::colour(charts::series_colour(1 + i.saturating_sub(1) % 6)),
                        trend,
                        focus: false,
                        row: RowAction::Select(id),
                        overall: state.dimension.is_none(),
                    },
                })
                .collect()
        }
        TrendScope::Set | TrendScope::All => state
            .cache
            .series
            .iter()
            .enumerate()
            .map(|(i, (id, trend))| {
                let id = id.as_deref().unwrap_or_default();
                Series {
                    name: department_name(ctx, id),
                    colour: widgets::colour(charts::series_colour(i)),
                    trend,
                    focus: true,
                    row: RowAction::Select(id),
                    overall: state.dimension.is_none(),
                }
            })
            .collect(),
    };
    series.retain(|s| !s.trend.points.is_empty() || state.scope == TrendScope::One);
    series.sort_by_key(|s| s.focus && state.scope == TrendScope::One);
    series
}

/// A department's name in the current language (its id when unknown).
fn department_name(ctx: &ViewCtx, id: &str) -> String {
    ctx.data
        .workspace
        .department(id)
        .map_or(id, |d| d.name.get(ctx.lang))
        .to_owned()
}

fn palette(ctx: &ViewCtx) -> charts::ChartPalette {
    if ctx.dark {
        Theme::Dark.palette()
    } else {
        Theme::Light.palette()
    }
}

fn chart_title(ctx: &ViewCtx, scope: TrendScope, count: usize) -> String {
    let lang = ctx.lang;
    let chart = T::TrendsChart.get(lang);
    match scope {
        TrendScope::One => {
            let department = ctx
                .selection
                .department
                .as_deref()
                .and_then(|id| ctx.data.workspace.department(id));
            let name = department.map_or("", |d| d.name.get(lang));
            format!("{chart} — {name}")
        }
        TrendScope::Set => figures::chart_title(chart, T::TrendSet.get(lang), &count.to_string(), lang),
        TrendScope::All => {
            let total = ctx.data.workspace.active_departments().count();
            let departments = figures::department_count(total, lang);
            figures::chart_title(chart, T::TrendAll.get(lang), &departments, lang)
        }
    }
}

fn empty_text(ctx: &ViewCtx, scope: TrendScope) -> &'static str {
    match scope {
        TrendScope::One if ctx.selection.department.is_none() => T::SelectDepartment.get(ctx.lang),
        TrendScope::Set if ctx.data.workspace.active_departments().next().is_some() => {
            T::TrendChooseHint.get(ctx.lang)
        }
        _ => T::NoData.get(ctx.lang),
    }
}

// ---- the chart ------------------------------------------------------------

fn plot_ui(ui: &mut Ui, ctx: &ViewCtx, series: &[Series], band: &[GroupPoint], extent: &Extent, height: f32) {
    let lang = ctx.lang;
    let Extent {
        base, x_min, x_max, ..
    } = *extent;
    let anchors = anchor_days(base, series);
    // Several projected dates would print over each other; the summary and
    // the hover labels give them.
    let projected: Vec<f64> = series
        .iter()
        .filter(|s| s.focus)
        .filter_map(|s| s.trend.projection.date())
        .map(|date| charts::days_since(base, date))
        .collect();
    // A label beyond the range first shown would stick into it, cut.
    let label_projections = matches!(projected.as_slice(), [x] if *x <= x_max);
    let framework = &ctx.data.framework;
    let muted = widgets::colour(palette(ctx).muted_text);
    // Time pans and zooms (drag, scroll, Ctrl + scroll; a double click
    // resets); the level axis stays 1–5. A new scope or set of lines changes
    // the extent, and then the view starts over from the whole of it.
    let extent_id = ui.scope_id().with(CHART_ID).with("extent");
    let extent_changed = ui.data_mut(|data| {
        let changed = data.get_temp::<(f64, f64)>(extent_id) != Some((x_min, x_max));
        data.insert_temp(extent_id, (x_min, x_max));
        changed
    });
    let mut plot = Plot::new(CHART_ID)
        .height(height)
        .allow_drag([true, false])
        .allow_zoom([true, false])
        .allow_scroll([true, false])
        .allow_boxed_zoom(false)
        .allow_double_click_reset(true)
        .default_x_bounds(x_min, x_max)
        .default_y_bounds(Y_BOUNDS.0, Y_BOUNDS.1)
        .x_grid_spacer(move |input| date_marks(base, &anchors, &input))
        .x_axis_formatter(move |mark, _| month_label(base, mark.value))
        .y_grid_spacer(level_marks)
        .y_axis_formatter(move |mark, _| level_label(framework, lang, mark.value))
        .label_formatter(move |position| hover_text(lang, base, position));
    if extent_changed {
        plot = plot.reset();
    }
    let response = plot.show(ui, |plot_ui| {
        plot_ui.set_plot_bounds_y(Y_BOUNDS.0..=Y_BOUNDS.1);
        band_ui(plot_ui, ctx, base, band);
        target_dates_ui(plot_ui, lang, base, series, muted, x_max);
        for s in series {
            series_ui(plot_ui, lang, base, s, label_projections);
        }
    });
    // Screen readers (and the tests) learn which dates are in view.
    let bounds = response.transform.bounds();
    let day = |days: f64| {
        charts::date_from_days(base, days)
            .map(|d| format::date(d, lang))
            .unwrap_or_default()
    };
    let label = format!(
        "{}: {} – {}",
        T::TrendsChart.get(lang),
        day(bounds.min()[0]),
        day(bounds.max()[0])
    );
    response
        .response
        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Figure, true, &label));
}

/// The chart's dates: days since `base` (the first plotted period), and
/// the range first shown — every point with a margin; for one department
/// also its focused line's target date and projection when they fall
/// within [`MAX_REACH_DAYS`] of the last period. Those further out (a
/// projection can be ten years away, a target decades) and those of many
/// departments are left to panning and named under the chart, so the
/// periods are never squeezed into a corner.
struct Extent {
    base: NaiveDate,
    x_min: f64,
    x_max: f64,
    /// Focused lines' target dates beyond the range, in order.
    targets_beyond: Vec<NaiveDate>,
    /// A focused line's projected date lies beyond the range.
    projections_beyond: bool,
}

impl Extent {
    /// `None` when no line has a point.
    fn of(series: &[Series]) -> Option<Self> {
        // One department's lines reach for its target and projection; many
        // departments' (a set, all, a crowd) keep the axis on the data.
        let one_department = match series {
            [only] => matches!(only.row, RowAction::Focus(_) | RowAction::Select(_)),
            _ => series.iter().all(|s| matches!(s.row, RowAction::Focus(_))),
        };
        let points = series.iter().flat_map(|s| s.trend.points.iter().map(|p| p.0));
        let base = points.clone().min()?;
        let days = |date: NaiveDate| charts::days_since(base, date);
        let last = points.map(days).fold(0.0_f64, f64::max);
        let reach = last + MAX_REACH_DAYS;
        let mut x_max = last;
        let mut targets_beyond = BTreeSet::new();
        let mut projections_beyond = false;
        for s in series.iter().filter(|s| s.focus) {
            if let Some(by) = s.trend.target_by {
                if one_department && days(by) <= reach {
                    x_max = x_max.max(days(by));
                } else {
                    targets_beyond.insert(by);
                }
            }
            if let Some(projected) = s.trend.projection.date().map(days) {
                if one_department && projected <= reach {
                    x_max = x_max.max(projected);
                } else {
                    projections_beyond = true;
                }
            }
        }
        Some(Extent {
            base,
            x_min: -X_MARGIN_DAYS,
            x_max: x_max + X_MARGIN_DAYS,
            targets_beyond: targets_beyond.into_iter().collect(),
            projections_beyond,
        })
    }
}

/// The dates worth a mark on the x axis, in days since `base`: every
/// plotted period and the focused lines' target dates.
fn anchor_days(base: NaiveDate, series: &[Series]) -> Vec<f64> {
    let periods = series.iter().flat_map(|s| s.trend.points.iter().map(|p| p.0));
    let targets = series
        .iter()
        .filter(|s| s.focus)
        .filter_map(|s| s.trend.target_by);
    let dates: BTreeSet<NaiveDate> = periods.chain(targets).collect();
    dates
        .into_iter()
        .map(|date| charts::days_since(base, date))
        .collect()
}

/// Grid marks on the x axis: at the periods and target dates when their
/// labels fit, so each point sits on its own label; otherwise month starts
/// from `charts::date_ticks`, as many as fit the plot's width.
fn date_marks(base: NaiveDate, anchors: &[f64], input: &GridInput) -> Vec<GridMark> {
    let (lo, hi) = input.bounds;
    if input.base_step_size <= 0.0 || hi <= lo {
        return Vec::new();
    }
    // `base_step_size` is the span of the plot's minimum grid spacing (8 points).
    let points_per_day = 8.0 / input.base_step_size;
    let inside: Vec<f64> = anchors
        .iter()
        .copied()
        .filter(|x| (lo..=hi).contains(x))
        .collect();
    let gap = inside.windows(2).map(|w| w[1] - w[0]).fold(hi - lo, f64::min);
    if !inside.is_empty() && gap * points_per_day >= MIN_LABEL_SPACING {
        return inside
            .into_iter()
            .map(|value| GridMark {
                value,
                step_size: gap,
            })
            .collect();
    }
    let (Some(start), Some(end)) = (charts::date_from_days(base, lo), charts::date_from_days(base, hi))
    else {
        return Vec::new();
    };
    // Clamped, so the cast is exact.
    let max_ticks = ((hi - lo) * points_per_day / MIN_LABEL_SPACING)
        .floor()
        .clamp(2.0, 24.0) as usize;
    // Half a label's width from either edge, so no label is cut off.
    let edge = MIN_LABEL_SPACING / 2.0 / points_per_day;
    let values: Vec<f64> = charts::date_ticks(start, end, max_ticks)
        .iter()
        .map(|(date, _)| charts::days_since(base, *date))
        .filter(|x| (lo + edge..=hi - edge).contains(x))
        .collect();
    let step = values.windows(2).map(|w| w[1] - w[0]).fold(hi - lo, f64::min);
    values
        .into_iter()
        .map(|value| GridMark {
            value,
            step_size: step,
        })
        .collect()
}

fn month_label(base: NaiveDate, days: f64) -> String {
    charts::date_from_days(base, days)
        .map(figures::axis_month)
        .unwrap_or_default()
}

/// Grid lines at the five levels.
fn level_marks(input: GridInput) -> Vec<GridMark> {
    let (lo, hi) = input.bounds;
    (Level::MIN..=Level::MAX)
        .map(f64::from)
        .filter(|v| (lo..=hi).contains(v))
        .map(|value| GridMark {
            value,
            step_size: 1.0,
        })
        .collect()
}

/// "3 Growth" at whole levels, nothing elsewhere.
fn level_label(framework: &crate::model::Framework, lang: Lang, value: f64) -> String {
    let rounded = value.round();
    if (value - rounded).abs() > 1e-6 || !(1.0..=5.0).contains(&rounded) {
        return String::new();
    }
    // Checked to be 1–5 above, so the cast is exact.
    let Some(level) = Level::new(rounded as u8) else {
        return String::new();
    };
    figures::level_label(framework, level, lang)
}

fn hover_text(lang: Lang, base: NaiveDate, position: &HoverPosition) -> Option<String> {
    match position {
        HoverPosition::NearDataPoint {
            plot_name, position, ..
        } => {
            let date = charts::date_from_days(base, position.x)?;
            // A projection is shown to the month, never to a day.
            let date = if plot_name.starts_with(T::Projection.get(lang)) {
                month_text(date, lang)
            } else {
                format::date(date, lang)
            };
            Some(format!(
                "{plot_name}\n{date}\n{}",
                format::level(Some(position.y))
            ))
        }
        HoverPosition::Elsewhere { .. } => None,
    }
}

/// The all-departments min–max band, one filled area under the mean.
fn band_ui(plot_ui: &mut PlotUi, ctx: &ViewCtx, base: NaiveDate, band: &[GroupPoint]) {
    if band.len() < 2 {
        return;
    }
    let xs: Vec<f64> = band.iter().map(|g| charts::days_since(base, g.period)).collect();
    let mins: Vec<f64> = band.iter().map(|g| g.min).collect();
    let maxs: Vec<f64> = band.iter().map(|g| g.max).collect();
    let colour = widgets::colour(charts::series_colour(0));
    let alpha = if ctx.dark { 0.30 } else { 0.18 };
    plot_ui.add(
        FilledArea::new(T::MinMaxBand.get(ctx.lang), &xs, &mins, &maxs)
            .fill_color(colour.gamma_multiply(alpha))
            .stroke(egui::Stroke::new(1.0, colour.gamma_multiply(0.5)))
            .allow_hover(false),
    );
}

/// A dotted vertical line at each target date of a focused line, labelled
/// when within the range first shown (`x_max`; beyond it the label would
/// stick into the chart, cut, and the note under it names the date).
fn target_dates_ui(
    plot_ui: &mut PlotUi,
    lang: Lang,
    base: NaiveDate,
    series: &[Series],
    colour: Color32,
    x_max: f64,
) {
    let dates: BTreeSet<NaiveDate> = series
        .iter()
        .filter(|s| s.focus)
        .filter_map(|s| s.trend.target_by)
        .collect();
    for date in dates {
        let x = charts::days_since(base, date);
        let name = format!("{} {}", T::TargetDate.get(lang), format::date(date, lang));
        plot_ui.vline(
            VLine::new(name.clone(), x)
                .color(colour)
                .style(LineStyle::dotted_dense())
                .width(1.0),
        );
        if x > x_max {
            continue;
        }
        plot_ui.text(
            egui_plot::Text::new(
                name.clone(),
                PlotPoint::new(x, Y_BOUNDS.1),
                RichText::new(name)
                    .text_style(egui::TextStyle::Body)
                    .color(colour),
            )
            .anchor(egui::Align2::RIGHT_TOP),
        );
    }
}

/// A series' line and markers; for a focused one also its target level
/// (dashed), the target marked at its date, and the dashed projection from
/// the last point to the date the target is reached.
fn series_ui(plot_ui: &mut PlotUi, lang: Lang, base: NaiveDate, s: &Series, label_projection: bool) {
    let points: Vec<[f64; 2]> = s
        .trend
        .points
        .iter()
        .map(|(d, v)| [charts::days_since(base, *d), *v])
        .collect();
    let (width, radius) = if s.focus { (3.0, 4.5) } else { (1.5, 3.0) };
    plot_ui.line(
        Line::new(s.name.clone(), points.clone())
            .color(s.colour)
            .width(width),
    );
    // Approved points filled; provisional ones hollow, named so on hover.
    let is_provisional = |i: usize| s.trend.provisional.get(i).copied().unwrap_or(false);
    let mut approved: Vec<[f64; 2]> = Vec::new();
    let mut provisional: Vec<[f64; 2]> = Vec::new();
    for (i, point) in points.into_iter().enumerate() {
        if is_provisional(i) {
            provisional.push(point);
        } else {
            approved.push(point);
        }
    }
    plot_ui.points(
        Points::new(s.name.clone(), approved)
            .color(s.colour)
            .radius(radius)
            .shape(MarkerShape::Circle)
            .filled(true),
    );
    if !provisional.is_empty() {
        plot_ui.points(
            Points::new(tagged_text(&s.name, T::Provisional.get(lang), lang), provisional)
                .color(s.colour)
                .radius(radius)
                .shape(MarkerShape::Circle)
                .filled(false),
        );
    }
    if !s.focus {
        return;
    }
    let (Some(target), Some(by)) = (s.trend.target, s.trend.target_by) else {
        return;
    };
    let target_name = format!(
        "{} {} · {}",
        T::Target.get(lang),
        figures::target_level_text(target),
        s.name
    );
    plot_ui.hline(
        HLine::new(target_name.clone(), target)
            .color(s.colour.gamma_multiply(0.8))
            .style(LineStyle::dashed_loose())
            .width(1.5),
    );
    plot_ui.points(
        Points::new(
            format!("{target_name} · {}", format::date(by, lang)),
            vec![[charts::days_since(base, by), target]],
        )
        .color(s.colour)
        .radius(6.0)
        .shape(MarkerShape::Diamond)
        .filled(false),
    );
    let (Projection::Projected(date), Some(&(last, last_level))) =
        (s.trend.projection, s.trend.points.last())
    else {
        return;
    };
    let projection_name = format!("{} · {}", T::Projection.get(lang), s.name);
    let ends = vec![
        [charts::days_since(base, last), last_level],
        [charts::days_since(base, date), target],
    ];
    plot_ui.line(
        Line::new(projection_name.clone(), ends)
            .color(s.colour)
            .style(LineStyle::dashed_dense())
            .width(2.0),
    );
    let at = PlotPoint::new(charts::days_since(base, date), target);
    plot_ui.points(
        Points::new(projection_name.clone(), vec![[at.x, at.y]])
            .color(s.colour)
            .radius(5.0)
            .shape(MarkerShape::Square)
            .filled(false),
    );
    if label_projection {
        let label = RichText::new(month_text(date, lang))
            .text_style(egui::TextStyle::Body)
            .color(s.colour);
        plot_ui.text(egui_plot::Text::new(projection_name, at, label).anchor(egui::Align2::RIGHT_BOTTOM));
    }
}

// ---- the table ------------------------------------------------------------

/// The chart as a table: one row per period, one column per line (for all
/// departments: mean, min, max and how many departments were assessed).
fn table_ui(ui: &mut Ui, ctx: &ViewCtx, series: &[Series], band: &[GroupPoint], height: f32) {
    let lang = ctx.lang;
    let series = listing_order(ctx, series);
    let periods: Vec<NaiveDate> = series
        .iter()
        .flat_map(|s| s.trend.points.iter().map(|p| p.0))
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let mut headers: Vec<String> = series.iter().map(|s| s.name.clone()).collect();
    let with_band = !band.is_empty();
    if with_band {
        headers
            .extend([T::TrendLowest, T::TrendHighest, T::TrendAssessedCount].map(|k| k.get(lang).to_owned()));
    }
    egui::ScrollArea::horizontal()
        .id_salt("trends.table.scroll")
        .show(ui, |ui| {
            TableBuilder::new(ui)
                .id_salt("trends.table")
                .striped(true)
                .max_scroll_height(height)
                .min_scrolled_height(height.min(200.0))
                .column(Column::auto().at_least(100.0))
                .columns(Column::auto().at_least(90.0), headers.len())
                .header(ROW_HEIGHT + 4.0, |mut header| {
                    header.col(|ui| {
                        ui.strong(T::Period.get(lang));
                    });
                    for text in &headers {
                        header.col(|ui| {
                            ui.add(egui::Label::new(RichText::new(text).strong()).extend());
                        });
                    }
                })
                .body(|body| {
                    body.rows(ROW_HEIGHT, periods.len(), |mut row| {
                        let Some(&period) = periods.get(row.index()) else {
                            return;
                        };
                        row.col(|ui| {
                            ui.label(format::date(period, lang));
                        });
                        for s in &series {
                            let at = s.trend.points.iter().position(|p| p.0 == period);
                            let value = at.and_then(|i| s.trend.points.get(i)).map(|p| p.1);
                            let provisional = at
                                .and_then(|i| s.trend.provisional.get(i))
                                .copied()
                                .unwrap_or(false);
                            row.col(|ui| {
                                let text = figures::point_text(value, provisional, lang);
                                if provisional {
                                    ui.label(text).on_hover_text(T::ProvisionalHint.get(lang));
                                } else {
                                    ui.label(text);
                                }
                            });
                        }
                        if with_band {
                            band_cells_ui(&mut row, band.iter().find(|g| g.period == period));
                        }
                    });
                });
        });
}

fn band_cells_ui(row: &mut egui_extras::TableRow, point: Option<&GroupPoint>) {
    row.col(|ui| {
        ui.label(format::level(point.map(|g| g.min)));
    });
    row.col(|ui| {
        ui.label(format::level(point.map(|g| g.max)));
    });
    row.col(|ui| {
        ui.label(point.map_or_else(|| format::MISSING.to_owned(), |g| g.count.to_string()));
    });
}

// ---- the summary ------------------------------------------------------------

/// The lines in reading order: the focused line sorts last for drawing, but
/// tables list the overall line first, then the dimensions in framework order.
fn listing_order<'s, 'a>(ctx: &ViewCtx, series: &'s [Series<'a>]) -> Vec<&'s Series<'a>> {
    let framework = &ctx.data.framework;
    let mut rows: Vec<&Series> = series.iter().collect();
    rows.sort_by_key(|s| match s.row {
        RowAction::Focus(Some(id)) => framework
            .dimensions
            .iter()
            .position(|d| d.id == id)
            .map(|i| i + 1),
        _ => Some(0),
    });
    rows
}

/// Under the chart, one row per line: its colour, latest level, change,
/// target and outlook, and the band's spread. Clicking a row focuses that
/// line (one department) or opens that department (a chosen set). Only the
/// visible rows are laid out, so a set of a thousand departments stays fast.
fn summary_ui(
    ui: &mut Ui,
    ctx: &ViewCtx,
    series: &[Series],
    band: &[GroupPoint],
    focus: &mut Option<Option<String>>,
    out: &mut Vec<Command>,
) {
    let lang = ctx.lang;
    let rows = listing_order(ctx, series);
    let latest_band = band.last();
    let count = rows.len() + usize::from(latest_band.is_some());
    // One line per row: names and figures at their full width, the outlook
    // cut to fit (in full on hover).
    ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Extend);
    TableBuilder::new(ui)
        .id_salt("trends.summary")
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        .striped(true)
        .max_scroll_height(SUMMARY_MAX_HEIGHT)
        .column(Column::auto().at_least(160.0))
        .columns(Column::auto().at_least(50.0), 3)
        .column(Column::remainder().at_least(160.0).clip(true))
        .header(ROW_HEIGHT, |mut header| {
            for title in [
                T::TrendSeries,
                T::LatestPeriod,
                T::Change,
                T::Target,
                T::TrendOutlook,
            ] {
                header.col(|ui| {
                    ui.strong(title.get(lang));
                });
            }
        })
        .body(|body| {
            body.rows(ROW_HEIGHT, count, |mut row| {
                match (rows.get(row.index()), latest_band) {
                    (Some(s), _) => summary_row_ui(&mut row, ctx, s, focus, out),
                    (None, Some(latest)) => band_row_ui(&mut row, lang, latest),
                    (None, None) => {}
                }
            });
        });
}

fn summary_row_ui(
    row: &mut egui_extras::TableRow,
    ctx: &ViewCtx,
    s: &Series,
    focus: &mut Option<Option<String>>,
    out: &mut Vec<Command>,
) {
    row.col(|ui| {
        swatch_ui(ui, s.colour);
        match s.row {
            RowAction::Focus(dimension) => {
                let text = if s.focus {
                    RichText::new(&s.name).strong()
                } else {
                    RichText::new(&s.name)
                };
                if ui.selectable_label(s.focus, text).clicked() {
                    *focus = Some(dimension.map(str::to_owned));
                }
            }
            RowAction::Select(id) => {
                let selected = ctx.selection.department.as_deref() == Some(id);
                if ui.selectable_label(selected, &s.name).clicked() {
                    out.push(Command::SelectDepartment(id.to_owned()));
                }
            }
            RowAction::Nothing => {
                ui.label(&s.name);
            }
        }
    });
    let latest = s.trend.points.last().map(|p| p.1);
    let cells = [
        format::level(latest),
        format::change(s.trend.change),
        target_text(&ctx.data.framework, s.trend, ctx.lang),
    ];
    for text in cells {
        row.col(|ui| {
            ui.label(text);
        });
    }
    row.col(|ui| {
        let today = ctx.derived.today;
        let outlook = outlook_text(ctx.lang, &ctx.data.framework, s.trend, s.overall, today);
        ui.add(egui::Label::new(&outlook).truncate())
            .on_hover_text(&outlook);
    });
}

/// The band's row: its swatch and the latest spread, lowest to highest.
fn band_row_ui(row: &mut egui_extras::TableRow, lang: Lang, latest: &GroupPoint) {
    row.col(|ui| {
        let (rect, _) = ui.allocate_exact_size(egui::vec2(22.0, 12.0), egui::Sense::hover());
        if ui.is_rect_visible(rect) {
            let colour = widgets::colour(charts::series_colour(0));
            ui.painter().rect_filled(rect, 0.0, colour.gamma_multiply(0.3));
        }
        ui.label(T::MinMaxBand.get(lang));
    });
    row.col(|ui| {
        ui.label(figures::band_text(latest));
    });
}

/// A short line in the series' colour, like the chart's legend.
fn swatch_ui(ui: &mut Ui, colour: Color32) {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(22.0, 12.0), egui::Sense::hover());
    if ui.is_rect_visible(rect) {
        let painter = ui.painter();
        painter.line_segment(
            [rect.left_center(), rect.right_center()],
            egui::Stroke::new(3.0, colour),
        );
        painter.circle_filled(rect.center(), 4.0, colour);
    }
}
