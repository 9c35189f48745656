//! What views ask for. Views read the state and push commands; `apply`
//! runs them once at the end of the frame, the one place where the state
//! changes (and where undo, dirty tracking and saving hook in).

use std::path::PathBuf;

use chrono::NaiveDate;

use super::state::{Tab, ThemeChoice};
use crate::model::Lang;

#[must_use]
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Show the asynchronous folder dialog.
    ShowOpenDialog,
    OpenWorkspace(PathBuf),
    Reload,
    CloseWorkspace,
    SetTab(Tab),
    SelectDepartment(String),
    /// Open a department on one dimension (a heatmap click).
    ShowCell { department: String, dimension: String },
    SetPeriod(Option<NaiveDate>),
    SetLang(Lang),
    SetTheme(ThemeChoice),
    ToggleProblems,
    /// Show a folder in the system's file manager.
    RevealFolder(PathBuf),
    DismissNotice,
}
