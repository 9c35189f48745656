//! Several assessors in the Assess view: the consensus screen (each
//! assessor's level per indicator side by side, the spread, the agreed
//! level with its note) and the banner that merges edits made on disk by
//! someone else with the user's own, conflict by conflict.
//!
//! Like the rest of Assess, typing never turns into a level: the note field
//! has a fixed id, and levels are chosen with buttons, not keys.

use egui::{Id, RichText, Ui};

use super::ViewCtx;
use super::assess::level_chip;
use crate::analysis::{self, MARKED_SPREAD};
use crate::app::command::{Command, ConflictChoice};
use crate::app::editor::Edit;
use crate::app::session::Session;
use crate::app::state::{AgreedDraft, ViewState};
use crate::model::limits::TextField;
use crate::model::merge::{self, Conflict, Side};
use crate::model::{Assessment, Lang, Level, Rating};
use crate::present::catalogue::{T, consensus as words, reconcile};
use crate::present::format;

/// The key a conflict's choice is kept under while the banner is shown.
pub fn conflict_key(conflict: &Conflict) -> String {
    match conflict {
        Conflict::Answer { indicator, .. } => format!("answer:{indicator}"),
        Conflict::Note { indicator, .. } => format!("note:{indicator}"),
        Conflict::Response { assessor, .. } => format!("response:{assessor}"),
        Conflict::Field { field, .. } => format!("field:{field:?}"),
    }
}

/// The banner shown when the open assessment changed on disk while it had
/// unsaved edits: what of theirs merges in, each part both changed with a
/// Mine / Theirs choice, and Merge and save, Reload theirs, Save mine as a
/// copy.
pub fn merge_banner_ui(
    ui: &mut Ui,
    ctx: &ViewCtx,
    session: &Session,
    views: &mut ViewState,
    out: &mut Vec<Command>,
) {
    let Some(theirs) = &session.theirs else {
        views.assess.merge_choices.clear();
        return;
    };
    let lang = ctx.lang;
    let mine = &session.editor.assessment;
    let merged = merge::merge(&session.saved, mine, &theirs.assessment);
    let name = |id: &str| {
        ctx.data
            .framework
            .indicator(id)
            .map_or_else(|| id.to_owned(), |(_, i)| i.name.get(lang).to_owned())
    };
    egui::Frame::group(ui.style())
        .fill(ui.visuals().warn_fg_color.gamma_multiply(0.15))
        .show(ui, |ui| {
            ui.strong(format!("⚠ {}", T::Conflict.get(lang)));
            ui.label(T::ConflictMergeIntro.get(lang));
            let kept = theirs_only(&session.saved, &theirs.assessment, &merged.conflicts);
            let names: Vec<String> = kept.iter().map(|id| name(id)).collect();
            ui.label(
                reconcile::theirs_kept(&names, lang)
                    .unwrap_or_else(|| T::ConflictNothingElse.get(lang).to_owned()),
            );
            if !merged.conflicts.is_empty() {
                ui.strong(reconcile::both_changed(merged.conflicts.len(), lang));
                egui::Grid::new("merge-conflicts")
                    .num_columns(4)
                    .striped(true)
                    .spacing([12.0, 4.0])
                    .show(ui, |ui| {
                        ui.strong(T::Indicator.get(lang));
                        ui.strong(T::Mine.get(lang));
                        ui.strong(T::Theirs.get(lang));
                        ui.strong(T::KeepWhich.get(lang));
                        ui.end_row();
                        for conflict in &merged.conflicts {
                            let (what, mine_text, theirs_text) = conflict_texts(conflict, &name, lang);
                            ui.label(what);
                            ui.add(egui::Label::new(mine_text).wrap());
                            ui.add(egui::Label::new(theirs_text).wrap());
                            let key = conflict_key(conflict);
                            let chosen = views.assess.merge_choices.entry(key).or_insert(Side::Mine);
                            ui.horizontal(|ui| {
                                ui.radio_value(chosen, Side::Mine, T::Mine.get(lang));
                                ui.radio_value(chosen, Side::Theirs, T::Theirs.get(lang));
                            });
                            ui.end_row();
                        }
                    });
            }
            ui.horizontal(|ui| {
                if ui
                    .button(RichText::new(T::MergeAndSave.get(lang)).strong())
                    .clicked()
                {
                    let choices = merged
                        .conflicts
                        .iter()
                        .map(|c| {
                            let key = conflict_key(c);
                            let side = views
                                .assess
                                .merge_choices
                                .get(&key)
                                .copied()
                                .unwrap_or(Side::Mine);
                            (key, side)
                        })
                        .collect();
                    out.push(Command::MergeConflict(choices));
                }
                if ui.button(T::ReloadTheirs.get(lang)).clicked() {
                    out.push(Command::ResolveConflict(ConflictChoice::Theirs));
                }
                if ui.button(T::SaveMineAsCopy.get(lang)).clicked() {
                    out.push(Command::ResolveConflict(ConflictChoice::Copy));
                }
            });
        });
}

/// The indicators whose agreed answer or note only they changed (these
/// merge in without asking), in id order.
fn theirs_only(base: &Assessment, theirs: &Assessment, conflicts: &[Conflict]) -> Vec<String> {
    let conflicted: std::collections::BTreeSet<&str> =
        conflicts.iter().filter_map(Conflict::indicator).collect();
    let ids: std::collections::BTreeSet<&str> = base
        .answers
        .keys()
        .chain(theirs.answers.keys())
        .chain(base.consensus_notes.keys().map(String::as_str))
        .chain(theirs.consensus_notes.keys().map(String::as_str))
        .collect();
    ids.into_iter()
        .filter(|id| !conflicted.contains(id))
        .filter(|id| {
            base.answers.get(id) != theirs.answers.get(id)
                || base.consensus_note(id) != theirs.consensus_note(id)
        })
        .map(str::to_owned)
        .collect()
}

/// What a conflict is about, and each side's value, in words.
fn conflict_texts(
    conflict: &Conflict,
    name: &dyn Fn(&str) -> String,
    lang: Lang,
) -> (String, String, String) {
    let text = |s: &str| {
        if s.trim().is_empty() {
            format::MISSING.to_owned()
        } else {
            format::clip(&format::one_line(s), 120)
        }
    };
    match conflict {
        Conflict::Answer {
            indicator,
            mine,
            theirs,
        } => (
            name(indicator),
            reconcile::answer_brief(mine.as_ref(), lang),
            reconcile::answer_brief(theirs.as_ref(), lang),
        ),
        Conflict::Note {
            indicator,
            mine,
            theirs,
        } => (
            reconcile::note_of(&name(indicator), lang),
            text(mine),
            text(theirs),
        ),
        Conflict::Response {
            assessor,
            mine,
            theirs,
        } => {
            let side = |r: &Option<crate::model::Response>| {
                r.as_ref().map_or_else(
                    || format::MISSING.to_owned(),
                    |r| {
                        let levels = r.answers.values().filter(|a| a.rating.level().is_some()).count();
                        reconcile::response_brief(r.role, levels, lang)
                    },
                )
            };
            (reconcile::response_of(assessor, lang), side(mine), side(theirs))
        }
        Conflict::Field { field, mine, theirs } => {
            let value = |v: &str| {
                crate::model::Status::ALL
                    .into_iter()
                    .find(|s| format!("{s:?}") == v)
                    .map_or_else(
                        || text(v),
                        |s| crate::present::catalogue::status(s, lang).to_owned(),
                    )
            };
            (
                reconcile::header_field(*field, lang).to_owned(),
                value(mine),
                value(theirs),
            )
        }
    }
}

/// The consensus screen: the agreement figures, a table of every
/// indicator with each assessor's level, the spread and the agreed level,
/// and for the selected indicator what each assessor wrote and the chooser.
pub fn consensus_ui(
    ui: &mut Ui,
    ctx: &ViewCtx,
    session: &Session,
    views: &mut ViewState,
    out: &mut Vec<Command>,
) {
    let lang = ctx.lang;
    let assessment = &session.editor.assessment;
    ui.horizontal(|ui| {
        if ui.button(format!("← {}", T::ConsensusBack.get(lang))).clicked() {
            views.assess.consensus = false;
        }
        ui.strong(T::RaterAgreement.get(lang));
    });
    if let Some(figures) = crate::present::agreement::figures(&ctx.data.framework, assessment, lang) {
        ui.label(&figures.headline);
        if let Some(line) = &figures.spread_line {
            ui.label(line);
        }
    }
    ui.label(RichText::new(T::ConsensusIntro.get(lang)).weak());
    ui.separator();
    egui::Panel::left("consensus-table")
        .resizable(true)
        .default_size(ui.available_width() * 0.55)
        .show(ui, |ui| {
            table_ui(ui, ctx, session, out);
        });
    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::vertical()
            .id_salt("consensus-detail")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                detail_ui(ui, ctx, session, views, out);
            });
    });
}

fn table_ui(ui: &mut Ui, ctx: &ViewCtx, session: &Session, out: &mut Vec<Command>) {
    let lang = ctx.lang;
    let assessment = &session.editor.assessment;
    let marked_fill = ui.visuals().warn_fg_color.gamma_multiply(0.35);
    egui::ScrollArea::both()
        .id_salt("consensus-table-scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            egui::Grid::new("consensus-grid")
                .num_columns(assessment.responses.len() + 3)
                .striped(true)
                .spacing([10.0, 4.0])
                .show(ui, |ui| {
                    ui.strong(T::Indicator.get(lang));
                    for response in &assessment.responses {
                        ui.strong(format::clip(&response.assessor, 16))
                            .on_hover_text(words::assessor(&response.assessor, response.role, lang));
                    }
                    ui.strong(T::Spread.get(lang))
                        .on_hover_text(T::SpreadHint.get(lang));
                    ui.strong(T::AgreedLevel.get(lang));
                    ui.end_row();
                    for dimension in &ctx.data.framework.dimensions {
                        ui.label(RichText::new(dimension.name.get(lang)).strong().weak());
                        ui.end_row();
                        for indicator in &dimension.indicators {
                            let id = indicator.id.as_str();
                            let selected = session.selected.as_deref() == Some(id);
                            let name = format::clip(indicator.name.get(lang), 36);
                            let row = ui
                                .selectable_label(selected, name)
                                .on_hover_text(indicator.name.get(lang));
                            if row.clicked() {
                                out.push(Command::SelectIndicator(indicator.id.clone()));
                            }
                            for response in &assessment.responses {
                                let rating = response.answers.get(id).map(|a| &a.rating);
                                // The model's short form (digit or N/A), `–` where none was given.
                                let text = rating
                                    .map(Rating::short)
                                    .filter(|s| !s.is_empty())
                                    .unwrap_or_else(|| format::MISSING.to_owned());
                                ui.label(RichText::new(text).monospace());
                            }
                            match assessment.spread(id) {
                                Some(spread) if spread >= MARKED_SPREAD => {
                                    // Colour and a sign: the mark does not rely on colour alone.
                                    ui.label(
                                        RichText::new(format!("⚠ {spread}"))
                                            .strong()
                                            .background_color(marked_fill),
                                    )
                                    .on_hover_text(T::MarkedDisagreement.get(lang));
                                }
                                Some(spread) => {
                                    ui.label(spread.to_string());
                                }
                                None => {
                                    ui.label(format::MISSING);
                                }
                            }
                            ui.horizontal(|ui| {
                                level_chip(ui, assessment.rating(id));
                                if assessment.needs_consensus_note(id) {
                                    ui.colored_label(
                                        ui.visuals().warn_fg_color,
                                        format!("⚠ {}", T::NoteNeeded.get(lang)),
                                    );
                                } else if !assessment.consensus_note(id).is_empty() {
                                    ui.label("✓").on_hover_text(assessment.consensus_note(id));
                                }
                            });
                            ui.end_row();
                        }
                    }
                });
        });
}

/// The selected indicator: what each assessor said, the proposal, and the
/// chooser for the agreed level with its note.
fn detail_ui(ui: &mut Ui, ctx: &ViewCtx, session: &Session, views: &mut ViewState, out: &mut Vec<Command>) {
    let lang = ctx.lang;
    let assessment = &session.editor.assessment;
    let Some((_, indicator)) = session
        .selected
        .as_deref()
        .and_then(|id| ctx.data.framework.indicator(id))
    else {
        ui.label(T::ConsensusSelect.get(lang));
        return;
    };
    let id = indicator.id.as_str();
    ui.heading(indicator.name.get(lang));
    ui.strong(T::WhatEachAssessorWrote.get(lang));
    for response in &assessment.responses {
        let answer = response.answers.get(id);
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal(|ui| {
                level_chip(ui, answer.map_or(&Rating::Unanswered, |a| &a.rating));
                ui.strong(words::assessor(&response.assessor, response.role, lang));
            });
            match answer {
                Some(answer) if !answer.evidence.trim().is_empty() => {
                    ui.add(egui::Label::new(format::printable(&answer.evidence).as_ref()).wrap());
                }
                _ => {
                    ui.weak(T::NoEvidenceGiven.get(lang));
                }
            }
            if let Some(Rating::NotApplicable { reason }) = answer.map(|a| &a.rating) {
                ui.label(format!(
                    "{}: {}",
                    T::NotApplicable.get(lang),
                    format::one_line(reason)
                ));
            }
        });
    }
    ui.add_space(8.0);
    ui.strong(T::AgreedLevel.get(lang));
    if !assessment.status.is_editable() {
        ui.label(T::ConsensusReadOnly.get(lang));
        level_chip(ui, assessment.rating(id));
        if !assessment.consensus_note(id).is_empty() {
            ui.label(format!(
                "{}: {}",
                T::ConsensusNote.get(lang),
                assessment.consensus_note(id)
            ));
        }
        return;
    }
    // The draft follows the selected indicator; it starts from what is saved.
    if views.assess.agreed.as_ref().is_none_or(|d| d.indicator != id) {
        views.assess.agreed = Some(AgreedDraft {
            indicator: id.to_owned(),
            level: assessment.level(id),
            note: assessment.consensus_note(id).to_owned(),
        });
    }
    let Some(draft) = views.assess.agreed.as_mut() else {
        return;
    };
    let proposal = analysis::proposal(assessment, id);
    if let Some(proposal) = &proposal {
        ui.horizontal(|ui| {
            ui.label(reconcile::proposed(
                &format::level_digit(proposal.level),
                proposal.unanimous,
                lang,
            ));
            if draft.level != Some(proposal.level) && ui.button(T::UseProposal.get(lang)).clicked() {
                draft.level = Some(proposal.level);
            }
        });
    }
    ui.horizontal(|ui| {
        for level in Level::all() {
            let chosen = draft.level == Some(level);
            let button = ui.selectable_label(chosen, format!(" {} ", format::level_digit(level)));
            if button.clicked() {
                draft.level = Some(level);
            }
        }
    });
    let departs = draft.level.is_some_and(|level| {
        let levels = assessment.response_levels(id);
        !levels.is_empty() && levels.iter().all(|(_, l)| *l != level)
    });
    let label = ui.label(T::ConsensusNote.get(lang));
    ui.add(
        egui::TextEdit::multiline(&mut draft.note)
            .id(Id::unique("consensus-note"))
            .desired_rows(2)
            .desired_width(f32::INFINITY)
            .char_limit(TextField::ConsensusNote.limit()),
    )
    .labelled_by(label.id);
    let missing_note = departs && draft.note.trim().is_empty();
    if missing_note {
        ui.colored_label(ui.visuals().warn_fg_color, T::ConsensusNoteRequired.get(lang));
    }
    let unchanged = draft.level == assessment.level(id) && draft.note.trim() == assessment.consensus_note(id);
    let can_apply = draft.level.is_some() && !missing_note && !unchanged;
    let apply = ui.add_enabled(can_apply, egui::Button::new(T::ApplyAgreed.get(lang)));
    if apply.clicked()
        && let Some(level) = draft.level
    {
        out.push(Command::Edit(Edit::Agreed {
            indicator: id.to_owned(),
            rating: Rating::Level(level),
            note: draft.note.trim().to_owned(),
        }));
    }
}
