//! The Framework view: the maturity levels, then every dimension with its
//! description and effective weight, and under it each indicator with its
//! weight and its five level descriptors (the rubric), in the chosen
//! language or in English and Chinese side by side.
//!
//! An index on the left lists every dimension and indicator; clicking one
//! narrows the page to its dimension and scrolls to it. The filter box
//! narrows the indicators by id or name, in either language.

use egui::{Align, Color32, Layout, RichText, Ui};

use super::ViewCtx;
use crate::app::command::Command;
use crate::app::state::{FrameworkViewState, ViewState};
use crate::model::{Dataset, Dimension, Indicator, Lang, Level, Text};
use crate::present::catalogue::T;
use crate::present::catalogue::views::weight_share_text;

/// The width of a rubric table's first column (level number and name).
const LEVEL_COLUMN_WIDTH: f32 = 170.0;
/// Descriptor columns never get narrower than this.
const MIN_TEXT_COLUMN_WIDTH: f32 = 140.0;

pub fn framework_ui(ui: &mut Ui, ctx: &ViewCtx, views: &mut ViewState, _out: &mut Vec<Command>) {
    let state = &mut views.framework;
    header_ui(ui, ctx, state);
    ui.separator();
    let filter = Filter::new(&state.search);
    let mut scroll_to = None;
    egui::Panel::left("framework.index")
        .resizable(true)
        .default_size(260.0)
        .min_size(180.0)
        .show(ui, |ui| index_ui(ui, ctx, state, &filter, &mut scroll_to));
    egui::ScrollArea::vertical()
        .id_salt("framework.page")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            // Room on the right for the scroll bar, which floats over the content.
            let margin = egui::Margin {
                left: 8,
                right: 16,
                top: 0,
                bottom: 12,
            };
            egui::Frame::new()
                .inner_margin(margin)
                .show(ui, |ui| page_ui(ui, ctx, state, &filter, scroll_to.as_deref()));
        });
}

/// The framework's name, the language toggle and the filter box.
fn header_ui(ui: &mut Ui, ctx: &ViewCtx, state: &mut FrameworkViewState) {
    let lang = ctx.lang;
    let framework = &ctx.data.framework;
    ui.horizontal_wrapped(|ui| {
        ui.heading(bilingual(&framework.name, lang, state.both_languages));
        ui.label(RichText::new(format!("v{}", framework.framework_version)).weak());
        ui.separator();
        ui.checkbox(&mut state.both_languages, T::BothLanguages.get(lang));
        ui.separator();
        let label = ui.label(T::FilterIndicators.get(lang));
        ui.add(
            egui::TextEdit::singleline(&mut state.search)
                .hint_text(T::Search.get(lang))
                .desired_width(220.0),
        )
        .labelled_by(label.id);
    });
}

/// Which indicators the filter box lets through.
struct Filter {
    needle: String,
}

impl Filter {
    fn new(search: &str) -> Self {
        Filter {
            needle: search.trim().to_lowercase(),
        }
    }

    fn is_active(&self) -> bool {
        !self.needle.is_empty()
    }

    fn admits(&self, indicator: &Indicator) -> bool {
        let needle = self.needle.as_str();
        needle.is_empty()
            || indicator.id.to_lowercase().contains(needle)
            || indicator.name.en.to_lowercase().contains(needle)
            || indicator.name.zh.contains(needle)
    }

    fn admits_any(&self, dimension: &Dimension) -> bool {
        dimension.indicators.iter().any(|i| self.admits(i))
    }
}

// ---- the index ------------------------------------------------------------

fn index_ui(
    ui: &mut Ui,
    ctx: &ViewCtx,
    state: &mut FrameworkViewState,
    filter: &Filter,
    scroll_to: &mut Option<String>,
) {
    let lang = ctx.lang;
    egui::ScrollArea::vertical()
        .id_salt("framework.index.scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            if ui
                .selectable_label(
                    state.dimension.is_none(),
                    RichText::new(T::AllDimensions.get(lang)).strong(),
                )
                .clicked()
            {
                state.dimension = None;
            }
            for dimension in ctx
                .data
                .framework
                .dimensions
                .iter()
                .filter(|d| filter.admits_any(d))
            {
                let chosen = state.dimension.as_deref() == Some(dimension.id.as_str());
                let name = RichText::new(dimension.name.get(lang)).strong();
                if ui.selectable_label(chosen, name).clicked() {
                    state.dimension = Some(dimension.id.clone());
                    *scroll_to = Some(dimension.id.clone());
                }
                ui.indent(("framework.index", &dimension.id), |ui| {
                    for indicator in dimension.indicators.iter().filter(|i| filter.admits(i)) {
                        let response = ui
                            .selectable_label(false, indicator.name.get(lang))
                            .on_hover_text(&indicator.id);
                        if response.clicked() {
                            state.dimension = Some(dimension.id.clone());
                            *scroll_to = Some(indicator.id.clone());
                        }
                    }
                });
            }
        });
}

// ---- the page -------------------------------------------------------------

fn page_ui(ui: &mut Ui, ctx: &ViewCtx, state: &FrameworkViewState, filter: &Filter, scroll_to: Option<&str>) {
    let lang = ctx.lang;
    let both = state.both_languages;
    let framework = &ctx.data.framework;
    let description = bilingual_block(&framework.description, lang, both);
    if !description.is_empty() {
        ui.add(egui::Label::new(RichText::new(description).weak()).wrap());
        ui.add_space(6.0);
    }
    levels_ui(ui, ctx, both);
    let shown: Vec<&Dimension> = framework
        .dimensions
        .iter()
        .filter(|d| filter.is_active() || state.dimension.as_deref().is_none_or(|id| id == d.id))
        .filter(|d| filter.admits_any(d))
        .collect();
    if shown.is_empty() {
        ui.add_space(12.0);
        ui.label(T::NoIndicatorMatches.get(lang));
    }
    for dimension in shown {
        ui.add_space(14.0);
        dimension_ui(ui, ctx, dimension, both, filter, scroll_to);
    }
}

/// The level definitions: number and name, and what the level means.
fn levels_ui(ui: &mut Ui, ctx: &ViewCtx, both: bool) {
    let lang = ctx.lang;
    ui.heading(T::MaturityLevels.get(lang));
    header_row_ui(ui, T::Level.get(lang), &text_headers(lang, both, T::LevelMeaning));
    for (i, def) in ctx.data.framework.levels.iter().enumerate() {
        let first = format!("{} {}", i + 1, bilingual(&def.name, lang, both));
        row_ui(ui, i % 2 == 1, &first, &cells(&def.summary, lang, both));
    }
}

fn dimension_ui(
    ui: &mut Ui,
    ctx: &ViewCtx,
    dimension: &Dimension,
    both: bool,
    filter: &Filter,
    scroll_to: Option<&str>,
) {
    let lang = ctx.lang;
    let heading = ui.heading(bilingual(&dimension.name, lang, both));
    if scroll_to == Some(dimension.id.as_str()) {
        heading.scroll_to_me(Some(Align::TOP));
    }
    ui.label(RichText::new(weight_text(ctx.data, lang, Share::Dimension(dimension))).weak());
    let description = bilingual_block(&dimension.description, lang, both);
    if !description.is_empty() {
        ui.add(egui::Label::new(description).wrap());
    }
    for indicator in dimension.indicators.iter().filter(|i| filter.admits(i)) {
        ui.add_space(10.0);
        indicator_ui(ui, ctx, dimension, indicator, both, scroll_to);
    }
}

fn indicator_ui(
    ui: &mut Ui,
    ctx: &ViewCtx,
    dimension: &Dimension,
    indicator: &Indicator,
    both: bool,
    scroll_to: Option<&str>,
) {
    let lang = ctx.lang;
    let heading = ui.horizontal_wrapped(|ui| {
        ui.label(
            RichText::new(bilingual(&indicator.name, lang, both))
                .strong()
                .size(15.0),
        );
        ui.label(RichText::new(&indicator.id).monospace().weak());
        ui.label(
            RichText::new(weight_text(
                ctx.data,
                lang,
                Share::Indicator(dimension, indicator),
            ))
            .weak(),
        );
    });
    if scroll_to == Some(indicator.id.as_str()) {
        heading.response.scroll_to_me(Some(Align::TOP));
    }
    header_row_ui(ui, T::Level.get(lang), &text_headers(lang, both, T::Descriptor));
    for (i, descriptor) in indicator.levels.iter().enumerate() {
        let first = level_title(ctx, i, both);
        row_ui(ui, i % 2 == 1, &first, &cells(descriptor, lang, both));
    }
}

/// "3 Growth" for the `index`-th level (0-based).
fn level_title(ctx: &ViewCtx, index: usize, both: bool) -> String {
    let framework = &ctx.data.framework;
    let name = framework
        .levels
        .get(index)
        .map_or_else(String::new, |def| bilingual(&def.name, ctx.lang, both));
    let number = u8::try_from(index + 1)
        .ok()
        .and_then(Level::new)
        .map_or_else(|| (index + 1).to_string(), |l| l.to_string());
    format!("{number} {name}")
}

// ---- weights --------------------------------------------------------------

/// What a weight is a share of.
enum Share<'a> {
    /// A dimension, of the overall score.
    Dimension(&'a Dimension),
    /// An indicator, of its dimension.
    Indicator(&'a Dimension, &'a Indicator),
}

/// "Weight 1 · 16.7% of the overall score", with the effective weights
/// (workspace overrides included).
fn weight_text(data: &Dataset, lang: Lang, share: Share) -> String {
    let (weight, total, of) = match share {
        Share::Dimension(dimension) => {
            let total = data
                .framework
                .dimensions
                .iter()
                .map(|d| data.dimension_weight(d))
                .sum::<f64>();
            (data.dimension_weight(dimension), total, T::ShareOfOverall)
        }
        Share::Indicator(dimension, indicator) => {
            let total = dimension
                .indicators
                .iter()
                .map(|i| data.indicator_weight(i))
                .sum::<f64>();
            (data.indicator_weight(indicator), total, T::ShareOfDimension)
        }
    };
    weight_share_text(weight, total, of.get(lang), lang)
}

// ---- text in one or both languages -------------------------------------------

/// A name in `lang`, or in both ("Strategy & roadmap / 战略规划", the chosen
/// language first).
fn bilingual(text: &Text, lang: Lang, both: bool) -> String {
    let first = text.get(lang);
    let other = text.get(match lang {
        Lang::En => Lang::Zh,
        Lang::Zh => Lang::En,
    });
    if both && first != other {
        format!("{first} / {other}")
    } else {
        first.to_owned()
    }
}

/// A paragraph in `lang`, or in both, one under the other.
fn bilingual_block(text: &Text, lang: Lang, both: bool) -> String {
    if both && text.en != text.zh && !text.en.is_empty() && !text.zh.is_empty() {
        format!("{}\n{}", text.en, text.zh)
    } else {
        text.get(lang).to_owned()
    }
}

/// The text columns of a table row: `lang` alone, or English then Chinese.
fn cells(text: &Text, lang: Lang, both: bool) -> Vec<String> {
    if both {
        vec![text.get(Lang::En).to_owned(), text.get(Lang::Zh).to_owned()]
    } else {
        vec![text.get(lang).to_owned()]
    }
}

fn text_headers(lang: Lang, both: bool, single: T) -> Vec<String> {
    if both {
        vec![
            T::ColumnEnglish.get(lang).to_owned(),
            T::ColumnChinese.get(lang).to_owned(),
        ]
    } else {
        vec![single.get(lang).to_owned()]
    }
}

// ---- table rows ---------------------------------------------------------------

fn header_row_ui(ui: &mut Ui, first: &str, headers: &[String]) {
    row_frame_ui(ui, Color32::TRANSPARENT, headers.len(), |ui, text_width| {
        cell_ui(ui, LEVEL_COLUMN_WIDTH, |ui| {
            ui.strong(first);
        });
        for header in headers {
            cell_ui(ui, text_width, |ui| {
                ui.strong(header);
            });
        }
    });
}

/// One table row: the first column at a fixed width, the text columns
/// sharing the rest and wrapping; odd rows shaded.
fn row_ui(ui: &mut Ui, shaded: bool, first: &str, texts: &[String]) {
    let fill = if shaded {
        ui.visuals().faint_bg_color
    } else {
        Color32::TRANSPARENT
    };
    row_frame_ui(ui, fill, texts.len(), |ui, text_width| {
        cell_ui(ui, LEVEL_COLUMN_WIDTH, |ui| {
            ui.add(egui::Label::new(RichText::new(first).strong()).wrap());
        });
        for text in texts {
            cell_ui(ui, text_width, |ui| {
                ui.add(egui::Label::new(text).wrap());
            });
        }
    });
}

/// A row frame whose contents get the width of each of `text_columns`
/// columns right of the first one.
fn row_frame_ui(ui: &mut Ui, fill: Color32, text_columns: usize, add_contents: impl FnOnce(&mut Ui, f32)) {
    egui::Frame::new()
        .fill(fill)
        .inner_margin(egui::Margin::symmetric(4, 3))
        .show(ui, |ui| {
            ui.horizontal_top(|ui| {
                ui.set_width(ui.available_width());
                // A column count is tiny, so the conversion is exact.
                let count = text_columns.max(1) as f32;
                let gap = ui.spacing().item_spacing.x;
                let rest = ui.available_width() - LEVEL_COLUMN_WIDTH - gap * count;
                add_contents(ui, (rest / count).max(MIN_TEXT_COLUMN_WIDTH));
            });
        });
}

fn cell_ui(ui: &mut Ui, width: f32, add_contents: impl FnOnce(&mut Ui)) {
    ui.allocate_ui_with_layout(egui::vec2(width, 0.0), Layout::top_down(Align::Min), |ui| {
        ui.set_width(width);
        add_contents(ui);
    });
}
