//! The central views. Each reads the state through `ViewCtx` and pushes
//! `Command`s; its own transient state (toggles, choices) lives in
//! `ViewState`.

mod assess;
mod compare;
pub(crate) mod consensus;
mod department;
mod framework;
mod overview;
pub mod plan;
pub mod settings;
mod trends;

use egui::Ui;

use super::command::Command;
use super::state::{Derived, Selection, Tab, ViewState};
use crate::model::{Dataset, Lang};
use crate::store::LoadedWorkspace;

/// What a view may read.
pub struct ViewCtx<'a> {
    pub lang: Lang,
    pub data: &'a Dataset,
    pub loaded: &'a LoadedWorkspace,
    pub derived: &'a Derived,
    pub selection: &'a Selection,
    pub dark: bool,
    /// The assessment open in the Assess view.
    pub session: Option<&'a crate::app::session::Session>,
    /// The user's name, recorded in audit logs (empty until set).
    pub user_name: &'a str,
    /// Unsaved edits from an earlier run, offered for restoring.
    pub recoveries: &'a [crate::app::session::Recovery],
    /// Edits to the plans (undo, save state, conflicts).
    pub plan_editor: &'a crate::app::plan_editor::PlanEditor,
    /// The department search typed above the tree on the left; it filters
    /// the heatmap and the tables that list departments too.
    pub search: &'a str,
}

pub fn view_ui(ui: &mut Ui, tab: Tab, ctx: &ViewCtx, views: &mut ViewState, out: &mut Vec<Command>) {
    match tab {
        Tab::Overview => overview::overview_ui(ui, ctx, views, out),
        Tab::Department => department::department_ui(ui, ctx, views, out),
        Tab::Assess => assess::assess_ui(ui, ctx, views, out),
        Tab::Trends => trends::trends_ui(ui, ctx, views, out),
        Tab::Compare => compare::compare_ui(ui, ctx, views, out),
        Tab::Plan => plan::plan_ui(ui, ctx, views, out),
        Tab::Framework => framework::framework_ui(ui, ctx, views, out),
    }
}
