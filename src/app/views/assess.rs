//! The Assess view, where a planning official fills in one department's
//! assessment for one period and a reviewer approves or returns it: the
//! indicators by dimension with completion counts, the five rubric cards of
//! the selected indicator, last period's answer beside it, evidence, links,
//! confidence, N/A with a reason, comment; what is still missing; the
//! workflow; the audit log. Keyboard: 1–5, N, ↑/↓, Ctrl+S, Ctrl+Z, Ctrl+Shift+Z.

use chrono::NaiveDate;
use egui::{Color32, Key, KeyboardShortcut, Modifiers, RichText, Ui};

use super::ViewCtx;
use crate::analysis;
use crate::app::command::{Command, ConflictChoice};
use crate::app::editor::Edit;
use crate::app::i18n::T;
use crate::app::session::{SaveState, Session};
use crate::app::state::ViewState;
use crate::app::widgets::{colour, status_badge};
use crate::charts;
use crate::model::{Assessment, Confidence, Lang, Level, Rating, Status};

pub fn assess_ui(ui: &mut Ui, ctx: &ViewCtx, views: &mut ViewState, out: &mut Vec<Command>) {
    let extra = ctx;
    let lang = ctx.lang;
    if extra.user_name.trim().is_empty() {
        name_prompt_ui(ui, lang, views, out);
        return;
    }
    let Some(department) = ctx.selection.department.clone() else {
        ui.label(T::SelectDepartment.get(lang));
        return;
    };
    picker_ui(ui, ctx, &department, extra.session, views, out);
    let Some(session) = extra.session.filter(|s| s.department() == department) else {
        // Open the assessment of the selected period (or the latest) by itself.
        let wanted = ctx.data.latest_for(&department, ctx.selection.period);
        if let Some(assessment) = wanted {
            out.push(Command::OpenAssessment {
                department,
                period: assessment.period,
            });
        } else {
            ui.label(T::NoAssessmentYet.get(lang));
        }
        return;
    };
    ui.separator();
    banners_ui(ui, lang, session, out);
    toolbar_ui(ui, ctx, session, views, out);
    ui.separator();
    keyboard(ui, ctx, session, out);
    let findings = analysis::findings(ctx.data, &session.editor.assessment);
    egui::Panel::left("assess-indicators")
        .resizable(true)
        .default_size(300.0)
        .show(ui, |ui| {
            indicator_list_ui(ui, ctx, session, out);
        });
    egui::Panel::bottom("assess-missing")
        .resizable(true)
        .default_size(150.0)
        .show(ui, |ui| {
            missing_ui(ui, ctx, &findings, out);
        });
    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                indicator_detail_ui(ui, ctx, session, views, out);
                ui.add_space(12.0);
                egui::CollapsingHeader::new(T::AuditLog.get(lang))
                    .default_open(false)
                    .show(ui, |ui| {
                        audit_ui(ui, lang, &session.editor.assessment);
                    });
            });
    });
}

fn name_prompt_ui(ui: &mut Ui, lang: Lang, views: &mut ViewState, out: &mut Vec<Command>) {
    ui.add_space(20.0);
    ui.label(T::YourNameHint.get(lang));
    ui.horizontal(|ui| {
        let field =
            ui.add(egui::TextEdit::singleline(&mut views.assess.name_draft).hint_text(T::YourName.get(lang)));
        let enter = field.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
        if (ui.button(T::SetName.get(lang)).clicked() || enter) && !views.assess.name_draft.trim().is_empty()
        {
            out.push(Command::SetUserName(views.assess.name_draft.clone()));
        }
    });
}

/// Period picker for the department, and "New assessment…".
fn picker_ui(
    ui: &mut Ui,
    ctx: &ViewCtx,
    department: &str,
    session: Option<&Session>,
    views: &mut ViewState,
    out: &mut Vec<Command>,
) {
    let lang = ctx.lang;
    let name = ctx
        .data
        .workspace
        .department(department)
        .map_or(department, |d| d.name.get(lang));
    ui.horizontal(|ui| {
        ui.heading(name);
        let current = session
            .filter(|s| s.department() == department)
            .map(Session::period);
        let periods: Vec<NaiveDate> = ctx.data.history(department).map(|a| a.period).collect();
        let selected = current.map_or_else(|| "–".to_owned(), |p| p.to_string());
        egui::ComboBox::new("assess-period", T::Period.get(lang))
            .selected_text(selected)
            .show_ui(ui, |ui| {
                for period in periods.iter().rev() {
                    if ui
                        .selectable_label(current == Some(*period), period.to_string())
                        .clicked()
                    {
                        out.push(Command::OpenAssessment {
                            department: department.to_owned(),
                            period: *period,
                        });
                    }
                }
            });
        ui.separator();
        let draft = &mut views.assess.new_period;
        if draft.is_empty() {
            *draft = suggested_period(periods.last().copied()).to_string();
        }
        ui.add(
            egui::TextEdit::singleline(draft)
                .desired_width(90.0)
                .hint_text("YYYY-MM-DD"),
        )
        .on_hover_text(T::NewAssessmentFor.get(lang));
        let parsed = NaiveDate::parse_from_str(draft.trim(), "%Y-%m-%d");
        let button = ui.add_enabled(parsed.is_ok(), egui::Button::new(T::NewAssessment.get(lang)));
        if parsed.is_err() {
            ui.colored_label(ui.visuals().error_fg_color, T::BadDate.get(lang));
        }
        if button.clicked()
            && let Ok(period) = parsed
        {
            out.push(Command::NewAssessment {
                department: department.to_owned(),
                period,
            });
        }
    });
}

/// The half-year end after `last` (or the next one from today).
fn suggested_period(last: Option<NaiveDate>) -> NaiveDate {
    let base = last.unwrap_or_else(|| chrono::Local::now().date_naive());
    let next =
        crate::generate::half_year_periods(1, base.checked_add_days(chrono::Days::new(190)).unwrap_or(base));
    next.first().copied().unwrap_or(base)
}

fn banners_ui(ui: &mut Ui, lang: Lang, session: &Session, out: &mut Vec<Command>) {
    if let SaveState::Failed(error) = &session.save {
        egui::Frame::group(ui.style())
            .fill(ui.visuals().error_fg_color.gamma_multiply(0.15))
            .show(ui, |ui| {
                ui.strong(format!("⚠ {}", T::SaveFailed.get(lang)));
                ui.label(error);
                ui.label(T::SaveFailedHelp.get(lang));
                ui.horizontal(|ui| {
                    if ui.button(T::Retry.get(lang)).clicked() {
                        out.push(Command::Save);
                    }
                    if ui.button(T::SaveAs.get(lang)).clicked() {
                        out.push(Command::SaveAs);
                    }
                });
            });
    }
    if session.theirs.is_some() {
        egui::Frame::group(ui.style())
            .fill(ui.visuals().warn_fg_color.gamma_multiply(0.15))
            .show(ui, |ui| {
                ui.strong(format!("⚠ {}", T::Conflict.get(lang)));
                ui.horizontal(|ui| {
                    if ui.button(T::ReloadTheirs.get(lang)).clicked() {
                        out.push(Command::ResolveConflict(ConflictChoice::Theirs));
                    }
                    if ui.button(T::KeepMine.get(lang)).clicked() {
                        out.push(Command::ResolveConflict(ConflictChoice::Mine));
                    }
                    if ui.button(T::SaveMineAsCopy.get(lang)).clicked() {
                        out.push(Command::ResolveConflict(ConflictChoice::Copy));
                    }
                });
            });
    }
}

fn save_state_label(lang: Lang, state: &SaveState) -> (String, bool) {
    match state {
        SaveState::Saved => (format!("✓ {}", T::Saved.get(lang)), false),
        SaveState::Unsaved => (format!("● {}", T::UnsavedChanges.get(lang)), false),
        SaveState::Saving => (T::Saving.get(lang).to_owned(), false),
        SaveState::Failed(_) => (format!("⚠ {}", T::SaveFailed.get(lang)), true),
    }
}

fn toolbar_ui(ui: &mut Ui, ctx: &ViewCtx, session: &Session, views: &mut ViewState, out: &mut Vec<Command>) {
    let lang = ctx.lang;
    let assessment = &session.editor.assessment;
    ui.horizontal_wrapped(|ui| {
        status_badge(ui, lang, Some(assessment.status));
        ui.label(RichText::new(assessment.status.label().get(lang)).strong());
        ui.separator();
        ui.label(format!("{}: {}", T::Assessor.get(lang), assessment.assessor));
        if !assessment.reviewer.is_empty() {
            ui.label(format!("{}: {}", T::Reviewer.get(lang), assessment.reviewer));
        }
        ui.separator();
        let (text, failed) = save_state_label(lang, &session.save);
        let colour = if failed {
            ui.visuals().error_fg_color
        } else {
            ui.visuals().text_color()
        };
        ui.label(RichText::new(text).color(colour));
        let editable = assessment.status.is_editable();
        if ui
            .add_enabled(
                editable && session.is_dirty(),
                egui::Button::new(T::Save.get(lang)),
            )
            .clicked()
        {
            out.push(Command::Save);
        }
        if ui
            .add_enabled(
                editable && session.editor.can_undo(),
                egui::Button::new(T::Undo.get(lang)),
            )
            .clicked()
        {
            out.push(Command::Undo);
        }
        if ui
            .add_enabled(
                editable && session.editor.can_redo(),
                egui::Button::new(T::Redo.get(lang)),
            )
            .clicked()
        {
            out.push(Command::Redo);
        }
        ui.separator();
        workflow_ui(ui, ctx, session, views, out);
    });
    if !assessment.review_comment.is_empty() {
        ui.label(format!(
            "{}: {}",
            T::ReviewComment.get(lang),
            assessment.review_comment
        ));
    }
    match assessment.status {
        Status::Approved => {
            ui.label(RichText::new(T::ReadOnlyApproved.get(lang)).italics());
        }
        Status::Submitted => {
            ui.label(RichText::new(T::ReadOnlySubmitted.get(lang)).italics());
        }
        _ => {}
    }
    ui.weak(T::KeyboardHelp.get(lang));
}

fn workflow_ui(ui: &mut Ui, ctx: &ViewCtx, session: &Session, views: &mut ViewState, out: &mut Vec<Command>) {
    let lang = ctx.lang;
    let status = session.editor.assessment.status;
    let transition = |to: Status, comment: &str| Command::Transition {
        to,
        comment: comment.to_owned(),
    };
    match status {
        Status::Draft | Status::Returned => {
            let findings = analysis::findings(ctx.data, &session.editor.assessment);
            let blocked = analysis::blocks_submission(&findings);
            let response = ui.add_enabled(!blocked, egui::Button::new(T::Submit.get(lang)));
            let response = if blocked {
                response.on_disabled_hover_text(T::StillMissing.get(lang))
            } else {
                response
            };
            if response.clicked() {
                out.push(transition(Status::Submitted, ""));
            }
        }
        Status::Submitted => {
            ui.add(
                egui::TextEdit::singleline(&mut views.assess.review_comment)
                    .hint_text(T::ReviewComment.get(lang))
                    .desired_width(220.0),
            );
            if ui.button(T::Approve.get(lang)).clicked() {
                out.push(transition(Status::Approved, &views.assess.review_comment));
                views.assess.review_comment.clear();
            }
            let has_comment = !views.assess.review_comment.trim().is_empty();
            let returned = ui
                .add_enabled(has_comment, egui::Button::new(T::ReturnForChanges.get(lang)))
                .on_disabled_hover_text(T::ReturnNeedsComment.get(lang));
            if returned.clicked() {
                out.push(transition(Status::Returned, &views.assess.review_comment));
                views.assess.review_comment.clear();
            }
        }
        Status::Approved => {
            if ui.button(T::Reopen.get(lang)).clicked() {
                out.push(transition(Status::Draft, ""));
            }
        }
    }
}

/// The indicator ids in framework order.
fn indicator_ids(ctx: &ViewCtx) -> Vec<String> {
    ctx.data
        .framework
        .indicators()
        .map(|(_, i)| i.id.clone())
        .collect()
}

fn keyboard(ui: &mut Ui, ctx: &ViewCtx, session: &Session, out: &mut Vec<Command>) {
    let redo = KeyboardShortcut::new(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    let undo = KeyboardShortcut::new(Modifiers::COMMAND, Key::Z);
    let save = KeyboardShortcut::new(Modifiers::COMMAND, Key::S);
    let typing = ui.ctx().text_edit_focused();
    ui.input_mut(|input| {
        if input.consume_shortcut(&save) {
            out.push(Command::Save);
        }
        if !typing {
            if input.consume_shortcut(&redo) {
                out.push(Command::Redo);
            } else if input.consume_shortcut(&undo) {
                out.push(Command::Undo);
            }
        }
    });
    if typing {
        return;
    }
    let ids = indicator_ids(ctx);
    let position = session
        .selected
        .as_ref()
        .and_then(|s| ids.iter().position(|i| i == s));
    let pressed = |key: Key| ui.input_mut(|i| i.consume_key(Modifiers::NONE, key));
    let next = if pressed(Key::ArrowDown) {
        Some(position.map_or(0, |p| (p + 1).min(ids.len().saturating_sub(1))))
    } else if pressed(Key::ArrowUp) {
        Some(position.map_or(0, |p| p.saturating_sub(1)))
    } else {
        None
    };
    if let Some(index) = next
        && let Some(id) = ids.get(index)
    {
        out.push(Command::SelectIndicator(id.clone()));
    }
    let Some(selected) = session.selected.clone() else {
        return;
    };
    let keys = [
        (Key::Num1, 1),
        (Key::Num2, 2),
        (Key::Num3, 3),
        (Key::Num4, 4),
        (Key::Num5, 5),
    ];
    for (key, value) in keys {
        if pressed(key)
            && let Some(level) = Level::new(value)
        {
            out.push(Command::Edit(Edit::Rating {
                indicator: selected.clone(),
                rating: Rating::Level(level),
            }));
        }
    }
    if pressed(Key::N) {
        let reason = match session.editor.assessment.rating(&selected) {
            Rating::NotApplicable { reason } => reason.clone(),
            _ => String::new(),
        };
        out.push(Command::Edit(Edit::Rating {
            indicator: selected,
            rating: Rating::NotApplicable { reason },
        }));
    }
}

fn level_chip(ui: &mut Ui, rating: &Rating) {
    let (fill, text) = match rating {
        Rating::Level(level) => (
            colour(charts::level_colour(f64::from(level.get()))),
            level.to_string(),
        ),
        Rating::NotApplicable { .. } => (Color32::GRAY, "N/A".to_owned()),
        Rating::Unanswered => (Color32::TRANSPARENT, "○".to_owned()),
    };
    let ink = if fill == Color32::TRANSPARENT {
        ui.visuals().text_color()
    } else {
        colour(charts::text_colour_on(charts::Rgb(fill.r(), fill.g(), fill.b())))
    };
    ui.label(
        RichText::new(format!(" {text:^3} "))
            .monospace()
            .color(ink)
            .background_color(fill),
    );
}

fn indicator_list_ui(ui: &mut Ui, ctx: &ViewCtx, session: &Session, out: &mut Vec<Command>) {
    let lang = ctx.lang;
    let assessment = &session.editor.assessment;
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for dimension in &ctx.data.framework.dimensions {
                let total = dimension.indicators.len();
                let done = dimension
                    .indicators
                    .iter()
                    .filter(|i| *assessment.rating(&i.id) != Rating::Unanswered)
                    .count();
                ui.add_space(4.0);
                ui.strong(format!("{}  {done}/{total}", dimension.name.get(lang)));
                for indicator in &dimension.indicators {
                    ui.horizontal(|ui| {
                        level_chip(ui, assessment.rating(&indicator.id));
                        let selected = session.selected.as_deref() == Some(indicator.id.as_str());
                        let response = ui.selectable_label(selected, indicator.name.get(lang));
                        if response.clicked() {
                            out.push(Command::SelectIndicator(indicator.id.clone()));
                        }
                        if selected && session.selected.is_some() {
                            response.scroll_to_me(None);
                        }
                    });
                }
            }
        });
}

fn missing_ui(ui: &mut Ui, ctx: &ViewCtx, findings: &[analysis::Finding], out: &mut Vec<Command>) {
    let lang = ctx.lang;
    ui.strong(T::StillMissing.get(lang));
    if findings.is_empty() {
        ui.label(T::NothingMissing.get(lang));
        return;
    }
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for finding in findings {
                let name = ctx
                    .data
                    .framework
                    .indicator(&finding.indicator)
                    .map_or(finding.indicator.as_str(), |(_, i)| i.name.get(lang));
                let colour = match finding.severity {
                    analysis::Severity::Error => ui.visuals().error_fg_color,
                    analysis::Severity::Warning => ui.visuals().warn_fg_color,
                };
                ui.horizontal(|ui| {
                    ui.label(RichText::new(finding.kind.label().get(lang)).color(colour));
                    if ui.link(name).clicked() {
                        out.push(Command::SelectIndicator(finding.indicator.clone()));
                    }
                });
            }
        });
}

fn indicator_detail_ui(
    ui: &mut Ui,
    ctx: &ViewCtx,
    session: &Session,
    views: &mut ViewState,
    out: &mut Vec<Command>,
) {
    let lang = ctx.lang;
    let ids = indicator_ids(ctx);
    let Some(id) = session.selected.clone().or_else(|| ids.first().cloned()) else {
        return;
    };
    if session.selected.is_none() {
        out.push(Command::SelectIndicator(id.clone()));
    }
    let Some((dimension, indicator)) = ctx.data.framework.indicator(&id) else {
        return;
    };
    let assessment = &session.editor.assessment;
    let answer = assessment.answers.get(&id).cloned().unwrap_or_default();
    let editable = assessment.status.is_editable();
    ui.label(RichText::new(dimension.name.get(lang)).weak());
    ui.heading(indicator.name.get(lang));
    ui.add_space(4.0);
    rubric_cards_ui(ui, ctx, indicator, &answer.rating, editable, out);
    ui.add_space(6.0);
    previous_ui(ui, ctx, assessment, &id);
    ui.add_space(6.0);
    ui.add_enabled_ui(editable, |ui| {
        answer_fields_ui(ui, lang, &id, &answer, views, out);
    });
}

fn rubric_cards_ui(
    ui: &mut Ui,
    ctx: &ViewCtx,
    indicator: &crate::model::Indicator,
    rating: &Rating,
    editable: bool,
    out: &mut Vec<Command>,
) {
    let lang = ctx.lang;
    ui.columns(5, |columns| {
        for (column, level) in columns.iter_mut().zip(Level::all()) {
            let chosen = rating.level() == Some(level);
            let level_colour = charts::level_colour(f64::from(level.get()));
            let (fill, ink) = if chosen {
                (colour(level_colour), colour(charts::text_colour_on(level_colour)))
            } else {
                (column.visuals().faint_bg_color, column.visuals().text_color())
            };
            let descriptor = indicator.levels.get(level.index()).map_or("", |t| t.get(lang));
            let title = format!("{} · {}", level.get(), ctx.data.framework.level_name(level, lang));
            let stroke_colour = column.visuals().widgets.active.bg_stroke.color;
            let frame = egui::Frame::group(column.style())
                .fill(fill)
                .stroke(egui::Stroke::new(if chosen { 2.5 } else { 1.0 }, stroke_colour));
            let card = frame.show(column, |ui| {
                ui.set_min_width(ui.available_width());
                ui.set_min_height(130.0);
                ui.label(RichText::new(title).strong().color(ink));
                ui.label(RichText::new(descriptor).color(ink));
            });
            let id = column.scope_id().with(("rubric-card", level.get()));
            let response = column
                .interact(card.response.rect, id, egui::Sense::click())
                .on_hover_cursor(egui::CursorIcon::PointingHand);
            let label = format!("{} {}", T::Level.get(lang), level.get());
            response.widget_info(|| {
                egui::WidgetInfo::selected(egui::Role::RadioButton, editable, chosen, &label)
            });
            if response.clicked() && editable {
                out.push(Command::Edit(Edit::Rating {
                    indicator: indicator.id.clone(),
                    rating: Rating::Level(level),
                }));
            }
        }
    });
}

fn previous_ui(ui: &mut Ui, ctx: &ViewCtx, assessment: &Assessment, id: &str) {
    let lang = ctx.lang;
    let Some(previous) = ctx.data.previous_for(&assessment.department, assessment.period) else {
        return;
    };
    let answer = previous.answers.get(id);
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.horizontal(|ui| {
            ui.strong(format!("{} ({})", T::LastPeriod.get(lang), previous.period));
            level_chip(ui, previous.rating(id));
        });
        match answer.map(|a| a.evidence.as_str()).filter(|e| !e.is_empty()) {
            Some(evidence) => ui.label(evidence),
            None => ui.weak(T::NoEvidence.get(lang)),
        };
    });
}

fn answer_fields_ui(
    ui: &mut Ui,
    lang: Lang,
    id: &str,
    answer: &crate::model::Answer,
    views: &mut ViewState,
    out: &mut Vec<Command>,
) {
    let edit_rating = |rating: Rating| {
        Command::Edit(Edit::Rating {
            indicator: id.to_owned(),
            rating,
        })
    };
    ui.horizontal(|ui| {
        let mut not_applicable = answer.rating.is_not_applicable();
        if ui
            .checkbox(&mut not_applicable, T::NotApplicable.get(lang))
            .changed()
        {
            let rating = if not_applicable {
                Rating::NotApplicable {
                    reason: String::new(),
                }
            } else {
                Rating::Unanswered
            };
            out.push(edit_rating(rating));
        }
        if answer.rating != Rating::Unanswered && ui.small_button(T::Remove.get(lang)).clicked() {
            out.push(edit_rating(Rating::Unanswered));
        }
    });
    if let Rating::NotApplicable { reason } = &answer.rating {
        let mut text = reason.clone();
        let label = ui.label(T::NotApplicableReason.get(lang));
        let field = egui::TextEdit::singleline(&mut text).desired_width(f32::INFINITY);
        if ui.add(field).labelled_by(label.id).changed() {
            out.push(edit_rating(Rating::NotApplicable { reason: text }));
        }
    }
    if answer.reconfirm {
        ui.horizontal(|ui| {
            ui.colored_label(ui.visuals().warn_fg_color, T::Reconfirm.get(lang));
            if ui.button(T::Confirm.get(lang)).clicked() {
                out.push(Command::Edit(Edit::Reconfirm {
                    indicator: id.to_owned(),
                }));
            }
        });
    }
    let label = ui.label(T::Evidence.get(lang));
    let mut evidence = answer.evidence.clone();
    let field = egui::TextEdit::multiline(&mut evidence)
        .desired_rows(4)
        .desired_width(f32::INFINITY);
    if ui.add(field).labelled_by(label.id).changed() {
        out.push(Command::Edit(Edit::Evidence {
            indicator: id.to_owned(),
            text: evidence,
        }));
    }
    let label = ui.label(T::Links.get(lang));
    let draft = &mut views.assess.links_draft;
    let fresh = answer.links.join("\n");
    if draft.0 != id || (parse_links(&draft.1) != answer.links && !ui.ctx().text_edit_focused()) {
        *draft = (id.to_owned(), fresh);
    }
    let field = egui::TextEdit::multiline(&mut draft.1)
        .desired_rows(2)
        .desired_width(f32::INFINITY)
        .hint_text(T::LinksHint.get(lang));
    if ui.add(field).labelled_by(label.id).changed() {
        let links = parse_links(&draft.1);
        out.push(Command::Edit(Edit::Links {
            indicator: id.to_owned(),
            links,
        }));
    }
    ui.horizontal(|ui| {
        ui.label(T::Confidence.get(lang));
        for confidence in Confidence::ALL {
            let chosen = answer.confidence == Some(confidence);
            if ui.radio(chosen, confidence.label().get(lang)).clicked() {
                let value = if chosen { None } else { Some(confidence) };
                out.push(Command::Edit(Edit::Confidence {
                    indicator: id.to_owned(),
                    confidence: value,
                }));
            }
        }
    });
    let label = ui.label(T::Comment.get(lang));
    let mut comment = answer.comment.clone();
    let field = egui::TextEdit::multiline(&mut comment)
        .desired_rows(2)
        .desired_width(f32::INFINITY);
    if ui.add(field).labelled_by(label.id).changed() {
        out.push(Command::Edit(Edit::Comment {
            indicator: id.to_owned(),
            text: comment,
        }));
    }
}

/// One link per non-empty line.
fn parse_links(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

fn audit_ui(ui: &mut Ui, lang: Lang, assessment: &Assessment) {
    use egui_extras::{Column, TableBuilder};
    let entries = &assessment.audit;
    TableBuilder::new(ui)
        .striped(true)
        .column(Column::auto())
        .column(Column::auto())
        .column(Column::auto())
        .column(Column::auto())
        .column(Column::remainder().clip(true))
        .column(Column::remainder().clip(true))
        .header(20.0, |mut header| {
            for title in [T::When, T::Who, T::What, T::Indicator, T::From, T::To] {
                header.col(|ui| {
                    ui.strong(title.get(lang));
                });
            }
        })
        .body(|body| {
            body.rows(20.0, entries.len(), |mut row| {
                let Some(entry) = entries.get(entries.len() - 1 - row.index()) else {
                    return;
                };
                let cells = [
                    entry.at.format("%Y-%m-%d %H:%M").to_string(),
                    entry.who.clone(),
                    entry.what.clone(),
                    entry.indicator.clone().unwrap_or_default(),
                    entry.from.clone(),
                    entry.to.clone(),
                ];
                for cell in cells {
                    row.col(|ui| {
                        ui.label(cell);
                    });
                }
            });
        });
}
