//! The app's state: the single source of truth that views read. Persisted
//! preferences are kept apart from transient state; derived figures are
//! cached and recomputed only when the workspace revision or the chosen
//! period changes, never per frame.

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::mpsc::Receiver;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::analysis::{self, Priority, Summary};
use crate::model::{Dataset, Lang};
use crate::store::LoadedWorkspace;

/// The central views.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Tab {
    #[default]
    Overview,
    Department,
    Assess,
    Trends,
    Compare,
    Framework,
}

impl Tab {
    pub const ALL: [Tab; 6] = [Tab::Overview, Tab::Department, Tab::Assess, Tab::Trends, Tab::Compare, Tab::Framework];
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ThemeChoice {
    #[default]
    Light,
    Dark,
    System,
}

/// Remembered between runs through eframe's storage: UI preferences only,
/// never assessment data.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    pub lang: Lang,
    pub theme: ThemeChoice,
    pub tab: Tab,
    /// Most recent first.
    pub recent: Vec<PathBuf>,
    /// The user's name, recorded in audit logs.
    pub user_name: String,
}

impl Default for Prefs {
    fn default() -> Self {
        Prefs { lang: Lang::En, theme: ThemeChoice::Light, tab: Tab::Overview, recent: Vec::new(), user_name: String::new() }
    }
}

impl Prefs {
    pub const STORAGE_KEY: &'static str = "govmaturity-prefs";
    const MAX_RECENT: usize = 8;

    pub fn remember(&mut self, folder: PathBuf) {
        self.recent.retain(|p| p != &folder);
        self.recent.insert(0, folder);
        self.recent.truncate(Self::MAX_RECENT);
    }
}

/// An open workspace and its revision, bumped on every change.
pub struct OpenWorkspace {
    pub loaded: LoadedWorkspace,
    pub revision: u64,
}

/// What the user is looking at.
#[derive(Clone, Debug, Default)]
pub struct Selection {
    pub department: Option<String>,
    /// `None` follows the latest period.
    pub period: Option<NaiveDate>,
    /// A dimension to focus in the department view (from a heatmap click).
    pub dimension: Option<String>,
}

/// Figures derived from the workspace, cached per (revision, period).
pub struct Derived {
    key: (u64, Option<NaiveDate>),
    pub periods: Vec<NaiveDate>,
    pub summary: Summary,
    pub priorities: Vec<Priority>,
}

impl Derived {
    pub fn compute(data: &Dataset, revision: u64, period: Option<NaiveDate>) -> Self {
        let summary = analysis::summarize(data, period);
        let priorities = analysis::priorities(data, &summary);
        Derived { key: (revision, period), periods: data.periods(), summary, priorities }
    }

    pub fn is_for(&self, revision: u64, period: Option<NaiveDate>) -> bool {
        self.key == (revision, period)
    }
}

/// A message shown in the top bar until dismissed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub error: bool,
    pub text: String,
}

/// Per-view state that outlives a frame but is not persisted.
#[derive(Debug, Default)]
pub struct ViewState {
    pub department: DepartmentViewState,
    pub trends: TrendsViewState,
    pub compare: CompareViewState,
    pub framework: FrameworkViewState,
    /// Charts currently shown as tables, by chart id.
    pub as_table: BTreeSet<&'static str>,
}

#[derive(Debug)]
pub struct DepartmentViewState {
    pub show_current: bool,
    pub show_previous: bool,
    pub show_target: bool,
    /// The indicator opened in the drill-down.
    pub indicator: Option<String>,
}

impl Default for DepartmentViewState {
    fn default() -> Self {
        DepartmentViewState { show_current: true, show_previous: true, show_target: true, indicator: None }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum TrendScope {
    #[default]
    One,
    Set,
    All,
}

#[derive(Debug, Default)]
pub struct TrendsViewState {
    pub scope: TrendScope,
    /// Departments chosen for `TrendScope::Set`.
    pub chosen: BTreeSet<String>,
    /// `None` shows the overall level; `Some(id)` one dimension.
    pub dimension: Option<String>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum CompareMode {
    #[default]
    Departments,
    Periods,
}

#[derive(Debug, Default)]
pub struct CompareViewState {
    pub mode: CompareMode,
    pub left: Option<String>,
    pub right: Option<String>,
    pub left_period: Option<NaiveDate>,
    pub right_period: Option<NaiveDate>,
}

#[derive(Debug, Default)]
pub struct FrameworkViewState {
    pub both_languages: bool,
    pub dimension: Option<String>,
}

/// The result of an asynchronous folder dialog.
pub enum DialogResult {
    Picked(PathBuf),
    Cancelled,
    /// The dialog returned at once: no portal or dialog program on this system.
    Unavailable,
}

/// Everything the app knows, apart from preferences.
#[derive(Default)]
pub struct AppState {
    pub workspace: Option<OpenWorkspace>,
    pub derived: Option<Derived>,
    pub selection: Selection,
    pub views: ViewState,
    pub search: String,
    pub show_problems: bool,
    pub notice: Option<Notice>,
    pub dialog: Option<Receiver<DialogResult>>,
    /// A path typed on the welcome screen.
    pub typed_path: String,
}

impl AppState {
    pub fn data(&self) -> Option<&Dataset> {
        self.workspace.as_ref().map(|w| &w.loaded.data)
    }

    /// Recomputes derived figures if the workspace or period changed.
    pub fn refresh_derived(&mut self) {
        let Some(open) = &self.workspace else {
            self.derived = None;
            return;
        };
        let period = self.selection.period;
        if self.derived.as_ref().is_some_and(|d| d.is_for(open.revision, period)) {
            return;
        }
        self.derived = Some(Derived::compute(&open.loaded.data, open.revision, period));
    }
}
