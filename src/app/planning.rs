//! How the app edits the improvement plans: "Plan an action" from a gap,
//! edits through the [`PlanEditor`](super::plan_editor::PlanEditor) (undo,
//! status history), saving and autosave through the `io` worker, the
//! recovery journal, and plans changed on disk by someone else. The same
//! guarantees as the assessment editor in `editing.rs`, on its machinery.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use chrono::{Local, Months, NaiveDate};

use super::GovApp;
use super::command::ConflictChoice;
use super::io::{Failure, Job};
use super::plan_editor::{PlanEdit, new_action_id};
use super::session::AUTOSAVE_AFTER;
use super::state::Tab;
use super::views::plan::ActionDraft;
use crate::model::{Action, ActionStatus, Addresses, Level, Owner, PlanScope, Rating, Text};
use crate::present::catalogue::T;
use crate::store::{self, Fingerprint, LoadedWorkspace};

/// Where the recovery journal of a plan lives, in a workspace's journal
/// folder ([`super::session::journal_folder`]).
fn plan_journal_path(journals: &std::path::Path, scope: &PlanScope) -> PathBuf {
    let name = match scope {
        PlanScope::Department(id) => format!("{id}.ron"),
        PlanScope::Government => "_government.ron".to_owned(),
    };
    journals.join("plans").join(name)
}

fn of_scope(actions: &[Action], scope: &PlanScope) -> Vec<Action> {
    actions.iter().filter(|a| a.scope() == *scope).cloned().collect()
}

/// Unsaved plan edits from an earlier run: the plan they belong to and its
/// actions as they were being edited.
#[derive(Clone, Debug)]
pub struct PlanRecovery {
    pub path: PathBuf,
    pub scope: PlanScope,
    pub actions: Vec<Action>,
}

/// Finds the plan journals in a workspace's journal folder whose actions
/// differ from the plan on disk (an identical one is stale and removed).
pub fn find_plan_recoveries(journals: &std::path::Path, data: &crate::model::Dataset) -> Vec<PlanRecovery> {
    let mut found = Vec::new();
    let Ok(files) = std::fs::read_dir(journals.join("plans")) else {
        return found;
    };
    for file in files.flatten() {
        let path = file.path();
        let Some(stem) = path.file_stem().map(|s| s.to_string_lossy().into_owned()) else {
            continue;
        };
        let scope = if stem == "_government" {
            PlanScope::Government
        } else {
            PlanScope::Department(stem)
        };
        let Some(text) = super::session::read_journal(&path) else {
            continue;
        };
        let Ok((plan, _)) = store::parse_plan(&text, &path) else {
            continue;
        };
        let mut on_disk = of_scope(&data.actions, &scope);
        on_disk.sort_by(|a, b| a.id.cmp(&b.id));
        let mut journal = plan.actions;
        journal.sort_by(|a, b| a.id.cmp(&b.id));
        if journal == on_disk {
            let _ = std::fs::remove_file(&path);
        } else {
            found.push(PlanRecovery {
                path,
                scope,
                actions: journal,
            });
        }
    }
    found.sort_by(|a, b| a.scope.cmp(&b.scope));
    found
}

impl GovApp {
    /// Puts the unsaved plan edits of an earlier run back (they are saved
    /// like any edit: autosave, or Save).
    pub(super) fn restore_plan(&mut self, index: usize) {
        if index >= self.state.plan_recoveries.len() {
            return;
        }
        let recovery = self.state.plan_recoveries.remove(index);
        let Some(open) = &mut self.state.workspace else {
            return;
        };
        let data = &mut std::sync::Arc::make_mut(&mut open.loaded).data;
        data.actions.retain(|a| a.scope() != recovery.scope);
        data.actions.extend(recovery.actions);
        data.actions.sort_by(|a, b| a.id.cmp(&b.id));
        open.revision += 1;
        let editor = &mut self.state.plan_editor;
        editor.dirty.insert(recovery.scope);
        editor.last_edit = Some(Instant::now());
        editor.journal_pending = true;
        self.prefs.tab = Tab::Plan;
    }

    pub(super) fn discard_plan_recovery(&mut self, index: usize) {
        if index < self.state.plan_recoveries.len() {
            let recovery = self.state.plan_recoveries.remove(index);
            self.send_job(Job::RemoveJournal { path: recovery.path });
        }
    }

    /// Opens the "Plan an action" form for `indicator` of `department`:
    /// start today, due at the target's date (or in six months), aiming
    /// for the next level, whose rubric text is the suggested description.
    pub(super) fn plan_action(&mut self, department: &str, indicator: &str) {
        let Some(data) = self.state.data() else { return };
        let Some((dimension, found)) = data.framework.indicator(indicator) else {
            return;
        };
        let lang = self.prefs.lang;
        let today = self.state.today();
        let current = self
            .state
            .derived
            .as_ref()
            .and_then(|d| d.summary.department(department))
            .and_then(|s| s.current.as_ref())
            .and_then(|c| data.find(department, c.period))
            .and_then(|a| match a.rating(indicator) {
                Rating::Level(level) => Some(*level),
                _ => None,
            });
        let next = current.map_or(Some(Level::clamped(1)), |l| Level::new(l.get() + 1));
        let expected = next.unwrap_or(Level::clamped(5));
        let description = found
            .levels
            .get(expected.index())
            .map(|t| t.get(lang).to_owned())
            .unwrap_or_default();
        let target = data
            .workspace
            .target_for(department, &dimension.id, Some(indicator))
            .or_else(|| data.workspace.target_for(department, &dimension.id, None))
            .map(|t| t.by)
            .filter(|by| *by > today);
        let due = target
            .or_else(|| today.checked_add_months(Months::new(6)))
            .unwrap_or(today);
        self.state.views.plan.form = Some(ActionDraft {
            department: department.to_owned(),
            indicator: indicator.to_owned(),
            title: String::new(),
            description,
            unit: String::new(),
            person: String::new(),
            start: today.to_string(),
            due: due.to_string(),
            expected,
            error: None,
            focus_title: true,
        });
    }

    /// Creates the action in the form, saves its plan and shows it in the
    /// Plan view.
    pub(super) fn create_action(&mut self) {
        let Some(draft) = &mut self.state.views.plan.form else {
            return;
        };
        let date = |text: &str| NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok();
        let (Some(start), Some(due)) = (date(&draft.start), date(&draft.due)) else {
            draft.error = Some(T::BadDate);
            return;
        };
        if draft.title.trim().is_empty() {
            draft.error = Some(T::PlanTitleNeeded);
            return;
        }
        if due < start {
            draft.error = Some(T::PlanDueBeforeStart);
            return;
        }
        let Some(open) = &self.state.workspace else { return };
        let id = new_action_id(&draft.department, &open.loaded.data.actions);
        let action = Action {
            id: id.clone(),
            // Free text belongs to the language it is typed in; the other
            // language shows it until someone translates it.
            title: Text::from(draft.title.trim()),
            description: Text::from(draft.description.trim()),
            addresses: Addresses::Indicators(vec![draft.indicator.clone()]),
            departments: vec![draft.department.clone()],
            owner: Owner {
                unit: Text::from(draft.unit.trim()),
                person: draft.person.trim().to_owned(),
            },
            start,
            due,
            expected_level: draft.expected,
            status: ActionStatus::Planned,
            done_on: None,
            history: Vec::new(),
            notes: Vec::new(),
            links: Vec::new(),
        };
        self.state.views.plan.form = None;
        self.edit_plan(PlanEdit::Create(Box::new(action)));
        self.state.views.plan.select(Some(id));
        self.prefs.tab = Tab::Plan;
    }

    pub(super) fn edit_plan(&mut self, edit: PlanEdit) {
        let who = self.user_name();
        let save_now = matches!(
            edit,
            PlanEdit::Create(_) | PlanEdit::Status { .. } | PlanEdit::Note { .. }
        );
        let Some(open) = &mut self.state.workspace else {
            return;
        };
        let at = Local::now().naive_local();
        match self.state.plan_editor.apply(
            &mut std::sync::Arc::make_mut(&mut open.loaded).data.actions,
            edit,
            &who,
            at,
        ) {
            Ok(changed) if changed.is_empty() => return,
            Ok(_) => open.revision += 1,
            Err(_) => return,
        }
        if save_now {
            self.save_plans();
        }
        self.write_plan_journal();
    }

    pub(super) fn step_plan(&mut self, redo: bool) {
        let who = self.user_name();
        let Some(open) = &mut self.state.workspace else {
            return;
        };
        let at = Local::now().naive_local();
        let changed = self.state.plan_editor.step(
            &mut std::sync::Arc::make_mut(&mut open.loaded).data.actions,
            redo,
            &who,
            at,
        );
        if !changed.is_empty() {
            open.revision += 1;
            self.save_plans();
            self.write_plan_journal();
        }
    }

    fn user_name(&self) -> String {
        if self.prefs.user_name.is_empty() {
            "unknown".to_owned()
        } else {
            self.prefs.user_name.clone()
        }
    }

    /// Saves every plan with unsaved edits that is not being saved or in
    /// conflict, through the file worker.
    pub(super) fn save_plans(&mut self) {
        let Some(open) = &self.state.workspace else { return };
        let root = open.loaded.root.clone();
        let editor = &mut self.state.plan_editor;
        editor.end_burst();
        let scopes: Vec<PlanScope> = editor
            .dirty
            .iter()
            .filter(|s| !editor.saving.contains(s) && !editor.in_conflict(s))
            .cloned()
            .collect();
        let mut jobs = Vec::new();
        for scope in scopes {
            let relative = store::plan_path(&scope);
            if open.loaded.file(&relative).is_some_and(|f| f.read_only) {
                let file = relative.display().to_string();
                let text = crate::present::catalogue::problems::read_only_file(&file, self.prefs.lang);
                editor.failed = Some(text);
                continue;
            }
            editor.dirty.remove(&scope);
            editor.saving.insert(scope.clone());
            jobs.push(Job::SavePlan {
                root: root.clone(),
                actions: of_scope(&open.loaded.data.actions, &scope),
                expected: open.loaded.fingerprint(&relative).copied(),
                scope,
            });
        }
        if let Some(text) = self.state.plan_editor.failed.clone() {
            self.state.notice = Some(super::state::Notice { error: true, text });
        }
        for job in jobs {
            self.send_job(job);
        }
    }

    fn send_job(&mut self, job: Job) {
        if let Some(worker) = &mut self.state.worker {
            worker.send(job);
        }
    }

    /// Autosave a couple of seconds after the last plan edit.
    pub(super) fn autosave_plans(&mut self) {
        let editor = &self.state.plan_editor;
        if editor.dirty.is_empty() || editor.failed.is_some() {
            return;
        }
        let Some(last) = editor.last_edit else { return };
        let waited = Instant::now().duration_since(last);
        if waited >= AUTOSAVE_AFTER {
            self.save_plans();
        } else {
            let wait = AUTOSAVE_AFTER.saturating_sub(waited);
            self.ctx.request_repaint_after(wait + Duration::from_millis(20));
        }
        self.write_plan_journal();
    }

    fn write_plan_journal(&mut self) {
        let (Some(open), Some(journals)) = (&self.state.workspace, &self.state.journals) else {
            return;
        };
        let editor = &mut self.state.plan_editor;
        if !editor.journal_pending {
            return;
        }
        editor.journal_pending = false;
        let jobs: Vec<Job> = editor
            .dirty
            .iter()
            .map(|scope| Job::PlanJournal {
                path: plan_journal_path(journals, scope),
                actions: of_scope(&open.loaded.data.actions, scope),
            })
            .collect();
        for job in jobs {
            self.send_job(job);
        }
    }

    pub(super) fn plan_saved(&mut self, scope: PlanScope, fingerprint: Fingerprint) {
        let Some(open) = &mut self.state.workspace else {
            return;
        };
        std::sync::Arc::make_mut(&mut open.loaded).record_saved(store::plan_path(&scope), fingerprint);
        let editor = &mut self.state.plan_editor;
        editor.saving.remove(&scope);
        if !editor.dirty.contains(&scope)
            && let Some(journals) = &self.state.journals
        {
            let path = plan_journal_path(journals, &scope);
            self.send_job(Job::RemoveJournal { path });
        }
    }

    pub(super) fn plan_failed(&mut self, scope: PlanScope, error: Failure, conflict: bool) {
        let editor = &mut self.state.plan_editor;
        editor.saving.remove(&scope);
        editor.dirty.insert(scope);
        if conflict {
            self.request_reload();
        } else {
            let text = error.text(self.prefs.lang);
            self.state.plan_editor.failed = Some(text.clone());
            self.state.notice = Some(super::state::Notice { error: true, text });
        }
    }

    /// Before a reload is installed: the plans with unsaved edits keep them,
    /// and one that changed on disk meanwhile is a conflict (never a silent
    /// overwrite).
    pub(super) fn keep_plan_edits(&mut self, loaded: &mut LoadedWorkspace) {
        let Some(open) = &self.state.workspace else { return };
        let editor = &mut self.state.plan_editor;
        let kept: Vec<PlanScope> = editor.dirty.union(&editor.saving).cloned().collect();
        for scope in kept {
            let relative = store::plan_path(&scope);
            let changed = match (open.loaded.fingerprint(&relative), loaded.fingerprint(&relative)) {
                (Some(a), Some(b)) => !a.same_content(b),
                (None, None) => false,
                _ => true,
            };
            if changed && !editor.saving.contains(&scope) && !editor.in_conflict(&scope) {
                editor
                    .theirs
                    .push((scope.clone(), of_scope(&loaded.data.actions, &scope)));
            }
            let mut actions: Vec<Action> = std::mem::take(&mut loaded.data.actions)
                .into_iter()
                .filter(|a| a.scope() != scope)
                .collect();
            actions.extend(of_scope(&open.loaded.data.actions, &scope));
            actions.sort_by(|a, b| a.id.cmp(&b.id));
            loaded.data.actions = actions;
        }
    }

    pub(super) fn resolve_plan_conflict(&mut self, choice: ConflictChoice) {
        let theirs = std::mem::take(&mut self.state.plan_editor.theirs);
        let Some(journals) = self.state.journals.clone() else {
            return;
        };
        let Some(open) = &mut self.state.workspace else {
            return;
        };
        let root = open.loaded.root.clone();
        if choice == ConflictChoice::Mine {
            self.save_plans();
            return;
        }
        let mut jobs = Vec::new();
        for (scope, actions) in theirs {
            if choice == ConflictChoice::Copy {
                let stamp = Local::now().format("%Y%m%d-%H%M%S");
                let relative = store::plan_path(&scope).with_extension(format!("conflict-{stamp}.ron"));
                jobs.push(Job::PlanJournal {
                    path: root.join(relative),
                    actions: of_scope(&open.loaded.data.actions, &scope),
                });
            }
            let data = &mut std::sync::Arc::make_mut(&mut open.loaded).data;
            data.actions.retain(|a| a.scope() != scope);
            data.actions.extend(actions);
            data.actions.sort_by(|a, b| a.id.cmp(&b.id));
            self.state.plan_editor.dirty.remove(&scope);
            jobs.push(Job::RemoveJournal {
                path: plan_journal_path(&journals, &scope),
            });
        }
        open.revision += 1;
        self.state.plan_editor.clear_history();
        for job in jobs {
            self.send_job(job);
        }
    }
}
