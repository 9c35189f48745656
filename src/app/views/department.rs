//! (being written)

use egui::Ui;

use super::ViewCtx;
use crate::app::command::Command;
use crate::app::state::ViewState;

pub fn department_ui(ui: &mut Ui, ctx: &ViewCtx, _views: &mut ViewState, _out: &mut Vec<Command>) {
    ui.label(ctx.data.workspace.title.get(ctx.lang));
}
