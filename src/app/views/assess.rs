//! The Assess view, where a planning official fills in one department's
//! assessment for one period and a reviewer approves or returns it: the
//! indicators by dimension with completion counts, the five rubric cards of
//! the selected indicator, last period's answer beside it, evidence, links,
//! confidence, N/A with a reason, comment; what is still missing; the
//! workflow; the audit log. Keyboard: 1–5, N, ↑/↓, Ctrl+S, Ctrl+Z, Ctrl+Shift+Z.
//!
//! Typing must never turn into a level: the level keys act only while no
//! widget has the keyboard focus, every text field has a fixed id (so it
//! keeps the focus whatever happens around it), and nothing above a field
//! appears or disappears while the user types in it.

use crate::model::limits::TextField;
use chrono::NaiveDate;
use egui::{Color32, Id, Key, KeyboardShortcut, Modifiers, RichText, Ui};

use super::ViewCtx;
use crate::analysis;
use crate::app::command::Command;
use crate::app::editor::{ApprovalBlocker, Edit, approval_blocker};
use crate::app::session::{SaveState, Session};
use crate::app::state::{AssessConfirm, ViewState};
use crate::app::widgets::{changed_after_approval_badge_ui, colour, status_badge};
use crate::charts;
use crate::model::{Assessment, Confidence, Lang, Level, Rating, Status};
use crate::present::catalogue::{T, tagged_text, tamper};
use crate::present::format;
use crate::present::overview::labelled;

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
    super::consensus::merge_banner_ui(ui, ctx, session, views, out);
    toolbar_ui(ui, ctx, session, views, out);
    ui.separator();
    confirm_ui(ui, ctx, session, views, out);
    if session.editor.assessment.responses.is_empty() {
        views.assess.consensus = false;
    }
    if views.assess.consensus {
        // Levels are chosen with buttons here: no level keys.
        keyboard_shortcuts_only(ui, views, out);
        super::consensus::consensus_ui(ui, ctx, session, views, out);
        return;
    }
    keyboard(ui, ctx, session, views, out);
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
                    .id_salt("assess-audit-log")
                    .default_open(false)
                    .show(ui, |ui| {
                        audit_ui(ui, ctx, &session.editor.assessment);
                    });
            });
    });
}

pub(super) fn name_prompt_ui(ui: &mut Ui, lang: Lang, views: &mut ViewState, out: &mut Vec<Command>) {
    ui.add_space(20.0);
    ui.label(T::YourNameHint.get(lang));
    ui.horizontal(|ui| {
        let field = ui.add(
            egui::TextEdit::singleline(&mut views.assess.name_draft)
                .id(Id::unique("assess-your-name"))
                .char_limit(TextField::Assessor.limit())
                .hint_text(T::YourName.get(lang)),
        );
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
        let selected = format::date_or_missing(current, lang);
        egui::ComboBox::new("assess-period", T::Period.get(lang))
            .selected_text(selected)
            .show_ui(ui, |ui| {
                for period in periods.iter().rev() {
                    if ui
                        .selectable_label(current == Some(*period), format::date(*period, lang))
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
                .id(Id::unique("assess-new-period"))
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
        crate::model::half_year_periods(1, base.checked_add_days(chrono::Days::new(190)).unwrap_or(base));
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
    // Hashes the answers of an approved assessment (a few microseconds);
    // `None` at once for any other status.
    let changed = assessment
        .changed_after_approval()
        .map(|approval| tamper::banner_text(&approval.who, approval.at, lang));
    ui.horizontal_wrapped(|ui| {
        status_badge(ui, lang, Some(assessment.status));
        ui.label(RichText::new(crate::present::catalogue::status(assessment.status, lang)).strong());
        if let Some(banner) = &changed {
            changed_after_approval_badge_ui(ui, lang, banner);
        }
        ui.separator();
        ui.label(labelled(T::Assessor.get(lang), &assessment.assessor, lang));
        if !assessment.reviewer.is_empty() {
            ui.label(labelled(T::Reviewer.get(lang), &assessment.reviewer, lang));
        }
        ui.separator();
        save_state_ui(ui, lang, &session.save);
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
        let assessors = assessment.responses.len();
        if assessors > 0 && !views.assess.consensus {
            ui.separator();
            let missing = assessment.missing_consensus_notes().len();
            let label = crate::present::catalogue::reconcile::consensus_button(assessors, lang);
            let text = if missing > 0 {
                RichText::new(format!("⚠ {label}")).color(ui.visuals().warn_fg_color)
            } else {
                RichText::new(label)
            };
            if ui.button(text).clicked() {
                views.assess.consensus = true;
            }
        }
    });
    if !assessment.review_comment.is_empty() {
        ui.label(format!(
            "{}: {}",
            T::ReviewComment.get(lang),
            assessment.review_comment
        ));
    }
    if assessment.status == Status::Submitted
        && let Some(blocker) =
            approval_blocker(assessment, ctx.user_name, ctx.data.workspace.allow_self_approval)
    {
        ui.colored_label(ui.visuals().warn_fg_color, blocker_text(blocker).get(lang));
    }
    if let Some(banner) = &changed {
        ui.colored_label(ui.visuals().error_fg_color, banner);
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

/// "✓ Saved" and the like, in a slot as wide as the widest of them, so the
/// toolbar never reflows (and moves the fields below) on the first key.
fn save_state_ui(ui: &mut Ui, lang: Lang, state: &SaveState) {
    let (text, failed) = save_state_label(lang, state);
    let colour = if failed {
        ui.visuals().error_fg_color
    } else {
        ui.visuals().text_color()
    };
    let states = [
        SaveState::Saved,
        SaveState::Unsaved,
        SaveState::Saving,
        SaveState::Failed(String::new()),
    ];
    let width = states
        .iter()
        .map(|s| {
            let text = egui::WidgetText::from(save_state_label(lang, s).0);
            let galley = text.into_galley(
                ui,
                Some(egui::TextWrapMode::Extend),
                f32::INFINITY,
                egui::TextStyle::Body,
            );
            galley.size().x
        })
        .fold(0.0, f32::max);
    let height = ui.spacing().interact_size.y;
    ui.allocate_ui_with_layout(
        egui::vec2(width, height),
        egui::Layout::left_to_right(egui::Align::Center),
        |ui| {
            ui.set_min_width(width);
            ui.label(RichText::new(text).color(colour));
        },
    );
}

fn blocker_text(blocker: ApprovalBlocker) -> T {
    match blocker {
        ApprovalBlocker::Assessor => T::ApproveBlockedAssessor,
        ApprovalBlocker::Edited => T::ApproveBlockedEdited,
    }
}

fn workflow_ui(ui: &mut Ui, ctx: &ViewCtx, session: &Session, views: &mut ViewState, out: &mut Vec<Command>) {
    let lang = ctx.lang;
    let assessment = &session.editor.assessment;
    let status = assessment.status;
    let transition = |to: Status, comment: &str| Command::Transition {
        to,
        comment: comment.to_owned(),
    };
    let unconfirmed = !session.editor.unconfirmed().is_empty();
    match status {
        Status::Draft | Status::Returned => {
            let findings = analysis::findings(ctx.data, assessment);
            let blocked = analysis::blocks_submission(&findings);
            let response = ui.add_enabled(!blocked, egui::Button::new(T::Submit.get(lang)));
            let response = if blocked {
                response.on_disabled_hover_text(T::StillMissing.get(lang))
            } else {
                response
            };
            if response.clicked() {
                if unconfirmed {
                    views.assess.confirm = Some(AssessConfirm::Transition(Status::Submitted));
                } else {
                    out.push(transition(Status::Submitted, ""));
                }
            }
        }
        Status::Submitted => {
            ui.add(
                egui::TextEdit::singleline(&mut views.assess.review_comment)
                    .id(Id::unique("assess-review-comment"))
                    .char_limit(TextField::ReviewComment.limit())
                    .hint_text(T::ReviewComment.get(lang))
                    .desired_width(220.0),
            );
            let blocker = approval_blocker(assessment, ctx.user_name, ctx.data.workspace.allow_self_approval);
            let approve = ui.add_enabled(blocker.is_none(), egui::Button::new(T::Approve.get(lang)));
            let approve = match blocker {
                Some(blocker) => approve.on_disabled_hover_text(blocker_text(blocker).get(lang)),
                None => approve,
            };
            if approve.clicked() {
                if unconfirmed {
                    views.assess.confirm = Some(AssessConfirm::Transition(Status::Approved));
                } else {
                    out.push(transition(Status::Approved, &views.assess.review_comment));
                    views.assess.review_comment.clear();
                }
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
                views.assess.reopen_reason.clear();
                views.assess.confirm = Some(AssessConfirm::Reopen);
            }
        }
    }
}

fn reopen_reason_id() -> Id {
    Id::unique("assess-reopen-reason")
}

/// The confirmation a workflow step waits for: submitting or approving
/// with carried-over evidence nobody confirmed (the indicators are listed),
/// or reopening an approved assessment (with a required reason).
fn confirm_ui(ui: &mut Ui, ctx: &ViewCtx, session: &Session, views: &mut ViewState, out: &mut Vec<Command>) {
    let lang = ctx.lang;
    let Some(confirm) = views.assess.confirm else {
        return;
    };
    let status = session.editor.assessment.status;
    let still_valid = match confirm {
        AssessConfirm::Transition(to) => status.can_become(to),
        AssessConfirm::Reopen => status == Status::Approved,
    };
    if !still_valid {
        views.assess.confirm = None;
        return;
    }
    let mut close = false;
    let modal = egui::Modal::new(Id::unique("assess-confirm")).show(ui.ctx(), |ui| {
        ui.set_max_width(520.0);
        match confirm {
            AssessConfirm::Transition(to) => {
                ui.heading(T::UnconfirmedTitle.get(lang));
                ui.label(T::UnconfirmedText.get(lang));
                egui::ScrollArea::vertical().max_height(240.0).show(ui, |ui| {
                    // In framework order; ids the framework does not know last.
                    let unconfirmed = session.editor.unconfirmed();
                    let known = ctx.data.framework.indicators().map(|(_, i)| i);
                    for indicator in known.filter(|i| unconfirmed.contains(&i.id.as_str())) {
                        ui.label(format!("• {}", indicator.name.get(lang)));
                    }
                    for id in unconfirmed
                        .iter()
                        .filter(|id| ctx.data.framework.indicator(id).is_none())
                    {
                        ui.label(format!("• {id}"));
                    }
                });
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    let anyway = if to == Status::Approved {
                        T::ApproveAnyway
                    } else {
                        T::SubmitAnyway
                    };
                    if ui.button(anyway.get(lang)).clicked() {
                        let comment = if to == Status::Approved {
                            std::mem::take(&mut views.assess.review_comment)
                        } else {
                            String::new()
                        };
                        out.push(Command::Transition { to, comment });
                        close = true;
                    }
                    if ui.button(T::GoBack.get(lang)).clicked() {
                        close = true;
                    }
                });
            }
            AssessConfirm::Reopen => {
                ui.heading(T::ReopenTitle.get(lang));
                ui.label(T::ReopenText.get(lang));
                ui.add_space(4.0);
                let label = ui.label(T::ReopenReason.get(lang));
                let field = ui
                    .add(
                        egui::TextEdit::multiline(&mut views.assess.reopen_reason)
                            .id(reopen_reason_id())
                            .char_limit(TextField::ReviewComment.limit())
                            .desired_rows(3)
                            .desired_width(f32::INFINITY),
                    )
                    .labelled_by(label.id);
                // Typing goes into the (required) reason from the start.
                if views.assess.reopen_reason.is_empty() && ui.memory(|m| m.focused().is_none()) {
                    field.request_focus();
                }
                let has_reason = !views.assess.reopen_reason.trim().is_empty();
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    let reopen = ui
                        .add_enabled(has_reason, egui::Button::new(T::Reopen.get(lang)))
                        .on_disabled_hover_text(T::ReopenNeedsReason.get(lang));
                    if reopen.clicked() {
                        let comment = std::mem::take(&mut views.assess.reopen_reason);
                        out.push(Command::Transition {
                            to: Status::Draft,
                            comment,
                        });
                        close = true;
                    }
                    if ui.button(T::GoBack.get(lang)).clicked() {
                        close = true;
                    }
                });
            }
        }
    });
    if close || modal.should_close() {
        views.assess.confirm = None;
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

/// The stable id of an indicator's text field (`kind`: "evidence", …):
/// it does not depend on what else is on screen, so a field keeps the
/// keyboard focus when the layout around it changes.
fn field_id(kind: &str, indicator: &str) -> Id {
    Id::unique(("assess-field", kind, indicator))
}

/// Whether keys are free for shortcuts: no widget has the keyboard focus
/// (a text field, or a button reached with Tab) and no dialog is open.
fn keys_are_free(ui: &Ui, views: &ViewState) -> bool {
    let ctx = ui.ctx();
    ctx.memory(|m| m.focused()).is_none()
        && !ctx.egui_wants_keyboard_input()
        && views.assess.confirm.is_none()
}

/// Ctrl+S, Ctrl+Z and Ctrl+Shift+Z (undo and redo only while no text
/// field has the keyboard, which has its own). Returns whether the keys
/// are free for the view.
fn keyboard_shortcuts_only(ui: &mut Ui, views: &mut ViewState, out: &mut Vec<Command>) -> bool {
    let redo = KeyboardShortcut::new(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    let undo = KeyboardShortcut::new(Modifiers::COMMAND, Key::Z);
    let save = KeyboardShortcut::new(Modifiers::COMMAND, Key::S);
    let free = keys_are_free(ui, views);
    ui.input_mut(|input| {
        if input.consume_shortcut(&save) {
            out.push(Command::Save);
        }
        if free {
            if input.consume_shortcut(&redo) {
                out.push(Command::Redo);
            } else if input.consume_shortcut(&undo) {
                out.push(Command::Undo);
            }
        }
    });
    free
}

fn keyboard(ui: &mut Ui, ctx: &ViewCtx, session: &Session, views: &mut ViewState, out: &mut Vec<Command>) {
    let free = keyboard_shortcuts_only(ui, views, out);
    if !free {
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
    if pressed(Key::N) && session.editor.assessment.status.is_editable() {
        let reason = match session.editor.assessment.rating(&selected) {
            Rating::NotApplicable { reason } => reason.clone(),
            _ => String::new(),
        };
        out.push(Command::Edit(Edit::Rating {
            indicator: selected.clone(),
            rating: Rating::NotApplicable { reason },
        }));
        // The reason is required: the next keys go there.
        views.assess.focus_reason = Some(selected);
        ui.ctx().request_repaint();
    }
}

pub(super) fn level_chip(ui: &mut Ui, rating: &Rating) {
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
                    ui.label(
                        RichText::new(crate::present::catalogue::finding(finding.kind, lang)).color(colour),
                    );
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
    let carried_over = session.editor.was_carried_over(&id);
    ui.add_enabled_ui(editable, |ui| {
        answer_fields_ui(ui, lang, &id, &answer, carried_over, views, out);
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
                // Columns lay out justified, which spreads the letters of a
                // wrapped line apart ("N      o"): cards read left-aligned.
                ui.with_layout(egui::Layout::top_down(egui::Align::LEFT), |ui| {
                    ui.label(RichText::new(title).strong().color(ink));
                    ui.label(RichText::new(descriptor).color(ink));
                });
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
            ui.strong(tagged_text(
                T::LastPeriod.get(lang),
                &format::date(previous.period, lang),
                lang,
            ));
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
    carried_over: bool,
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
                views.assess.focus_reason = Some(id.to_owned());
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
        let field = egui::TextEdit::singleline(&mut text)
            .id(field_id("reason", id))
            .char_limit(TextField::Reason.limit())
            .desired_width(f32::INFINITY);
        let response = ui.add(field).labelled_by(label.id);
        if views.assess.focus_reason.as_deref() == Some(id) {
            views.assess.focus_reason = None;
            response.request_focus();
        }
        if response.changed() {
            out.push(Command::Edit(Edit::Reason {
                indicator: id.to_owned(),
                text,
            }));
        }
    }
    if carried_over {
        reconfirm_row_ui(ui, lang, id, answer.reconfirm, out);
    }
    let label = ui.label(T::Evidence.get(lang));
    let mut evidence = answer.evidence.clone();
    let field = egui::TextEdit::multiline(&mut evidence)
        .id(field_id("evidence", id))
        .char_limit(TextField::Evidence.limit())
        .desired_rows(4)
        .desired_width(f32::INFINITY);
    if ui.add(field).labelled_by(label.id).changed() {
        out.push(Command::Edit(Edit::Evidence {
            indicator: id.to_owned(),
            text: evidence,
        }));
    }
    let label = ui.label(T::Links.get(lang));
    let links_id = field_id("links", id);
    let draft = &mut views.assess.links_draft;
    let fresh = answer.links.join("\n");
    let typing_here = ui.ctx().memory(|m| m.has_focus(links_id));
    if draft.0 != id || (parse_links(&draft.1) != answer.links && !typing_here) {
        *draft = (id.to_owned(), fresh);
    }
    let field = egui::TextEdit::multiline(&mut draft.1)
        .id(links_id)
        // Every link at its limit, one a line.
        .char_limit(TextField::Links.limit() * (TextField::Link.limit() + 1))
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
            if ui
                .radio(chosen, crate::present::catalogue::confidence(confidence, lang))
                .clicked()
            {
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
        .id(field_id("comment", id))
        .char_limit(TextField::Comment.limit())
        .desired_rows(2)
        .desired_width(f32::INFINITY);
    if ui.add(field).labelled_by(label.id).changed() {
        out.push(Command::Edit(Edit::Comment {
            indicator: id.to_owned(),
            text: comment,
        }));
    }
}

/// "Evidence carried over…: still true? [Confirm]" above the evidence of a
/// carried-over answer. Once confirmed (by the button, or by typing in the
/// evidence) it turns into a note of the same height in the same place, so
/// the evidence field under the cursor never moves.
fn reconfirm_row_ui(ui: &mut Ui, lang: Lang, id: &str, to_confirm: bool, out: &mut Vec<Command>) {
    let button_height = ui.text_style_height(&egui::TextStyle::Button) + 2.0 * ui.spacing().button_padding.y;
    let height = ui.spacing().interact_size.y.max(button_height);
    ui.horizontal(|ui| {
        ui.set_min_height(height);
        if to_confirm {
            ui.colored_label(ui.visuals().warn_fg_color, T::Reconfirm.get(lang));
            if ui.button(T::Confirm.get(lang)).clicked() {
                out.push(Command::Edit(Edit::Reconfirm {
                    indicator: id.to_owned(),
                }));
            }
        } else {
            ui.weak(T::ReconfirmDone.get(lang));
        }
    });
}

/// One link per non-empty line.
/// One link a line, blank lines skipped; within the limits a saved file
/// must keep (see [`crate::model::limits`]), so that an edit can never
/// make an assessment that does not load.
fn parse_links(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(TextField::Links.limit())
        .map(|l| l.chars().take(TextField::Link.limit()).collect())
        .collect()
}

/// An audit "what" in the user's language (unknown values as written).
fn audit_what(what: &str, lang: Lang) -> String {
    let key = match what {
        "created" => T::AuditCreated,
        "status" => T::AuditStatus,
        "reopened" => T::AuditReopened,
        "level" => T::AuditLevel,
        "reason" => T::AuditReason,
        "evidence" => T::AuditEvidence,
        "links" => T::AuditLinks,
        "confidence" => T::AuditConfidence,
        "comment" => T::AuditComment,
        "reconfirmed" => T::AuditReconfirmed,
        "assessor" => T::AuditAssessor,
        "imported" => T::QuestAudit,
        crate::model::AUDIT_RESPONSE => T::QuestAuditResponse,
        crate::model::AUDIT_CONSENSUS_NOTE => T::AuditConsensusNote,
        other => return other.to_owned(),
    };
    key.get(lang).to_owned()
}

/// An audit from/to value in the user's language: statuses, confidence
/// and the confirmation note are translated, the rest is what was written.
fn audit_value(what: &str, value: &str, lang: Lang) -> String {
    let status = Status::ALL.into_iter().find(|s| format!("{s:?}") == value);
    let confidence = Confidence::ALL.into_iter().find(|c| format!("{c:?}") == value);
    match (what, status, confidence) {
        ("status" | "reopened", Some(status), _) => {
            crate::present::catalogue::status(status, lang).to_owned()
        }
        ("confidence", _, Some(confidence)) => {
            crate::present::catalogue::confidence(confidence, lang).to_owned()
        }
        ("reconfirmed", _, _) if value == "evidence still current" => {
            T::AuditStillCurrent.get(lang).to_owned()
        }
        _ => value.to_owned(),
    }
}

/// The audit log, newest first: a table with resizable columns whose text
/// wraps at word boundaries; only the rows in view are laid out.
fn audit_ui(ui: &mut Ui, ctx: &ViewCtx, assessment: &Assessment) {
    use egui_extras::{Column, TableBuilder};
    let lang = ctx.lang;
    let rows: Vec<[String; 7]> = assessment
        .audit
        .iter()
        .rev()
        .map(|entry| {
            let indicator = entry.indicator.as_deref().map_or_else(String::new, |id| {
                ctx.data
                    .framework
                    .indicator(id)
                    .map_or_else(|| id.to_owned(), |(_, i)| i.name.get(lang).to_owned())
            });
            [
                format::date_time(entry.at, lang),
                entry.who.clone(),
                audit_what(&entry.what, lang),
                indicator,
                audit_value(&entry.what, &entry.from, lang),
                audit_value(&entry.what, &entry.to, lang),
                entry.note.clone(),
            ]
        })
        .collect();
    let titles = [
        T::When,
        T::Who,
        T::What,
        T::Indicator,
        T::From,
        T::To,
        T::AuditNote,
    ];
    // Initial widths share out the width there is (the user may resize);
    // "When" fits its date, the rest wrap at word boundaries.
    let when_width = 112.0;
    let rest = (ui.available_width() - when_width - 7.0 * ui.spacing().item_spacing.x).max(420.0);
    let column = |share: f32| Column::initial(rest * share).at_least(60.0).resizable(true);
    TableBuilder::new(ui)
        .id_salt("assess-audit")
        .striped(true)
        .resizable(true)
        .max_scroll_height(420.0)
        .cell_layout(egui::Layout::top_down(egui::Align::LEFT))
        .column(Column::initial(when_width).at_least(when_width).resizable(true))
        .column(column(0.14))
        .column(column(0.11))
        .column(column(0.15))
        .column(column(0.22))
        .column(column(0.22))
        .column(Column::remainder().at_least(60.0))
        .header(22.0, |mut header| {
            for title in titles {
                header.col(|ui| {
                    ui.strong(title.get(lang));
                });
            }
        })
        .body(|mut body| {
            // Each row as tall as its tallest cell, wrapped to the column widths.
            let widths = body.widths().to_vec();
            let ui = body.ui_mut();
            let spacing = ui.spacing().item_spacing.x;
            let heights: Vec<f32> = rows
                .iter()
                .map(|cells| {
                    let tallest = cells
                        .iter()
                        .zip(&widths)
                        .map(|(text, width)| {
                            let galley = egui::WidgetText::from(text.as_str()).into_galley(
                                ui,
                                Some(egui::TextWrapMode::Wrap),
                                (width - spacing).max(1.0),
                                egui::TextStyle::Body,
                            );
                            galley.size().y
                        })
                        .fold(0.0, f32::max);
                    tallest.max(18.0) + 4.0
                })
                .collect();
            body.heterogeneous_rows(heights.into_iter(), |mut row| {
                let Some(cells) = rows.get(row.index()) else {
                    return;
                };
                for cell in cells {
                    row.col(|ui| {
                        ui.add(egui::Label::new(cell.as_str()).wrap());
                    });
                }
            });
        });
}
