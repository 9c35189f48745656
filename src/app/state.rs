//! The app's state: the single source of truth that views read. Persisted
//! preferences are kept apart from transient state; derived figures are
//! cached and recomputed only when the workspace revision or the chosen
//! period changes, never per frame.

use std::collections::{BTreeSet, HashMap};
use std::path::PathBuf;
use std::rc::Rc;
use std::sync::mpsc::Receiver;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::analysis::{self, Basis, Summary};
use crate::model::{Dataset, Lang};
use crate::present;
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
    Plan,
    Framework,
}

impl Tab {
    pub const ALL: [Tab; 7] = [
        Tab::Overview,
        Tab::Department,
        Tab::Assess,
        Tab::Trends,
        Tab::Compare,
        Tab::Plan,
        Tab::Framework,
    ];
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
    /// The "Approved only" switch.
    pub basis: Basis,
}

impl Default for Prefs {
    fn default() -> Self {
        Prefs {
            lang: Lang::En,
            theme: ThemeChoice::Light,
            tab: Tab::Overview,
            recent: Vec::new(),
            user_name: String::new(),
            basis: Basis::Latest,
        }
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
    /// Shared with an export running on the worker thread, which then needs
    /// no copy; an edit meanwhile copies it first (`Arc::make_mut`).
    pub loaded: std::sync::Arc<LoadedWorkspace>,
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
    /// Which assessments the figures count ("Approved only" switch).
    pub basis: Basis,
}

/// The Department view's pages by (department, language); `None` for a
/// department without a current assessment.
type DepartmentPages = HashMap<(String, Lang), Option<Rc<present::department::DepartmentPage>>>;

/// A department's open actions per indicator: (open, of those overdue).
type ActionBadges = HashMap<String, (usize, usize)>;

/// Which two assessments the Compare view shows, and in which language.
type CompareKey = ((String, NaiveDate), (String, NaiveDate), Lang);

/// Figures derived from the workspace, cached per (revision, period).
pub struct Derived {
    key: (u64, Option<NaiveDate>, Basis),
    pub periods: Vec<NaiveDate>,
    pub summary: Summary,
    /// The revision of the figures: bumped with the workspace's except by
    /// edits that change no figure (typing evidence or a comment), so views
    /// that memoise figures keep them while the user types.
    figures_revision: u64,
    /// The Overview's figures, words and numbers (see `present::overview`),
    /// per language (`Lang::ALL` order), made on first use.
    overview: [std::cell::OnceCell<present::overview::Overview>; 2],
    /// The Department view's figures per (department, language), made on
    /// first use.
    departments: std::cell::RefCell<DepartmentPages>,
    /// The Compare view's figures for the last two sides asked for.
    comparison: std::cell::RefCell<Option<(CompareKey, Rc<present::compare::Comparison>)>>,
    /// Every indicator shortfall in priority order (the summary's
    /// [`analysis::priorities`]), made on first use; an answer edit makes
    /// again only its department's rows.
    priorities: std::cell::OnceCell<Vec<analysis::Priority>>,
    /// The plan's figures per language, as of today, made on first use.
    plan: [std::cell::OnceCell<present::plan::PlanFigures>; 2],
    /// What the Overview shows of the plan, per language, made on first
    /// use without the whole plan.
    glance: [std::cell::OnceCell<present::plan::PlanGlance>; 2],
    /// The open-action badges beside a department's gaps, by department;
    /// they depend on the actions only, so edits to answers keep them.
    badges: std::cell::RefCell<HashMap<String, Rc<ActionBadges>>>,
    /// Every target's progress, made on first use; an answer edit works out
    /// again only its department's rows (the rest need every department's
    /// history).
    targets: std::cell::OnceCell<Vec<analysis::TargetProgress>>,
    /// The plan's figures for one department per (department, language).
    department_plans: std::cell::RefCell<HashMap<(String, Lang), Rc<present::plan::PlanFigures>>>,
    /// For each `summary.departments` entry, its index in `workspace.departments`.
    pub department_index: Vec<Option<usize>>,
    /// The day the plan, outlooks and overdue marks are as of.
    pub today: NaiveDate,
}

impl Derived {
    pub fn compute(
        data: &Dataset,
        revision: u64,
        period: Option<NaiveDate>,
        basis: Basis,
        today: NaiveDate,
    ) -> Self {
        let summary = analysis::summarize_on(data, period, basis);
        let department_index = department_index(data, &summary);
        Derived {
            key: (revision, period, basis),
            figures_revision: revision,
            periods: data.periods(),
            summary,
            overview: Default::default(),
            departments: Default::default(),
            comparison: Default::default(),
            priorities: Default::default(),
            plan: Default::default(),
            glance: Default::default(),
            badges: Default::default(),
            targets: Default::default(),
            department_plans: Default::default(),
            department_index,
            today,
        }
    }

    /// Every indicator shortfall of the summary, most urgent first.
    pub fn priorities(&self, data: &Dataset) -> &[analysis::Priority] {
        self.priorities
            .get_or_init(|| analysis::priorities(data, &self.summary))
    }

    /// The plan's figures in `lang` as of today, computed once per
    /// revision, period and basis.
    pub fn plan(&self, data: &Dataset, lang: Lang) -> &present::plan::PlanFigures {
        let today = self.today;
        self.plan[lang_slot(lang)].get_or_init(|| {
            let targets = self
                .targets
                .get_or_init(|| analysis::target_progress(data, &self.summary, today));
            present::plan::plan_with(data, &self.summary, lang, today, targets, self.priorities(data))
        })
    }

    /// What the Overview shows of the plan in `lang`: the same figures as
    /// [`Derived::plan`]'s, without making the whole plan.
    pub fn plan_glance(&self, data: &Dataset, lang: Lang) -> &present::plan::PlanGlance {
        self.glance[lang_slot(lang)].get_or_init(|| {
            present::plan::glance(
                data,
                &self.summary,
                lang,
                self.today,
                self.priorities(data),
                present::plan::GLANCE_ROLLUP,
            )
        })
    }

    /// How many open actions, and of those overdue, cover `department`'s
    /// gap on `indicator`.
    pub fn action_badge(&self, data: &Dataset, department: &str, indicator: &str) -> (usize, usize) {
        let cached = self.badges.borrow().get(department).cloned();
        let badges = cached.unwrap_or_else(|| {
            let made = Rc::new(present::plan::action_badges(data, department, self.today));
            self.badges
                .borrow_mut()
                .insert(department.to_owned(), made.clone());
            made
        });
        badges.get(indicator).copied().unwrap_or((0, 0))
    }

    /// The plan's figures for `department` (its actions and gaps) in
    /// `lang`, made once per revision, period and basis.
    pub fn department_plan(
        &self,
        data: &Dataset,
        department: &str,
        lang: Lang,
    ) -> Rc<present::plan::PlanFigures> {
        let key = (department.to_owned(), lang);
        if let Some(plan) = self.department_plans.borrow().get(&key) {
            return plan.clone();
        }
        let plan = Rc::new(self.plan(data, lang).of_department(department));
        self.department_plans.borrow_mut().insert(key, plan.clone());
        plan
    }

    /// The Overview's figures in `lang`, computed once per revision, period
    /// and basis (and language).
    pub fn overview(&self, data: &Dataset, lang: Lang) -> &present::overview::Overview {
        self.overview[lang_slot(lang)].get_or_init(|| {
            present::overview::overview_with(data, &self.summary, self.priorities(data), lang)
        })
    }

    /// The Department view's figures for `department` in `lang`, computed
    /// once per revision, period and basis; `None` without a current
    /// assessment.
    pub fn department_page(
        &self,
        data: &Dataset,
        department: &str,
        lang: Lang,
    ) -> Option<Rc<present::department::DepartmentPage>> {
        let key = (department.to_owned(), lang);
        if let Some(page) = self.departments.borrow().get(&key) {
            return page.clone();
        }
        let page = present::department::page(data, &self.summary, department, lang, self.today).map(Rc::new);
        self.departments.borrow_mut().insert(key, page.clone());
        page
    }

    /// The Compare view's figures for A and B, each a (department,
    /// period), in `lang`; computed once until the sides change. `None` when
    /// either side has no assessment.
    pub fn comparison(
        &self,
        data: &Dataset,
        a: (&str, NaiveDate),
        b: (&str, NaiveDate),
        lang: Lang,
    ) -> Option<Rc<present::compare::Comparison>> {
        let key: CompareKey = ((a.0.to_owned(), a.1), (b.0.to_owned(), b.1), lang);
        if let Some((cached, comparison)) = self.comparison.borrow().as_ref()
            && *cached == key
        {
            return Some(comparison.clone());
        }
        let (assessment_a, assessment_b) = (data.find(a.0, a.1)?, data.find(b.0, b.1)?);
        let (score_a, score_b) = (
            analysis::score_assessment(data, assessment_a),
            analysis::score_assessment(data, assessment_b),
        );
        let name = |id: &str| {
            data.workspace
                .department(id)
                .map_or_else(|| id.to_owned(), |d| d.name.get(lang).to_owned())
        };
        let (name_a, name_b) = (name(a.0), name(b.0));
        let comparison = Rc::new(present::compare::comparison(
            data,
            [&name_a, &name_b],
            present::compare::Side {
                score: &score_a,
                assessment: assessment_a,
            },
            present::compare::Side {
                score: &score_b,
                assessment: assessment_b,
            },
            lang,
        ));
        *self.comparison.borrow_mut() = Some((key, comparison.clone()));
        Some(comparison)
    }

    /// Brings the figures up to date after an edit to one assessment that
    /// kept its date and status ([`EditKind`]), at `revision`: a text edit
    /// re-scores nothing, an answer edit re-scores that department only.
    /// Figures made on first use are dropped where they may have changed
    /// and made again when next shown.
    pub fn edited(&mut self, data: &Dataset, revision: u64, department: &str, kind: EditKind) {
        self.key.0 = revision;
        // Pages and comparisons show evidence and answers.
        self.departments.get_mut().retain(|(id, _), _| id != department);
        *self.comparison.get_mut() = None;
        if kind == EditKind::Text {
            return;
        }
        if !analysis::resummarize_department(data, &mut self.summary, department) {
            return;
        }
        self.figures_revision = revision;
        match self.priorities.get_mut() {
            Some(priorities) => {
                analysis::replace_department_priorities(data, &self.summary, priorities, department);
                // The Overview made so far is updated for this department only.
                for (slot, lang) in self.overview.iter_mut().zip(Lang::ALL) {
                    if let Some(overview) = slot.get_mut() {
                        present::overview::overview_edited(
                            overview,
                            data,
                            &self.summary,
                            priorities,
                            lang,
                            department,
                        );
                    }
                }
            }
            None => self.overview = Default::default(),
        }
        self.glance = Default::default();
        // The whole plan is made again when next shown. Dropping it (tens of
        // thousands of strings at scale) is left to another thread.
        let stale = std::mem::take(&mut self.plan);
        if stale.iter().any(|p| p.get().is_some()) {
            // Should no thread start, the closure and the plan are dropped here.
            let _ = std::thread::Builder::new().spawn(move || drop(stale));
        }
        if let Some(targets) = self.targets.get_mut() {
            // In department order, as made: the department's rows go where they were.
            let at = targets.iter().position(|t| t.department == department);
            targets.retain(|t| t.department != department);
            let fresh = analysis::target_progress_of(data, &self.summary, self.today, Some(department));
            let at = at.unwrap_or_else(|| {
                let order = |id: &str| self.summary.departments.iter().position(|d| d.department == id);
                let mine = order(department);
                targets
                    .iter()
                    .position(|t| order(&t.department) > mine)
                    .unwrap_or(targets.len())
            });
            targets.splice(at..at, fresh);
        }
        self.departments.get_mut().clear();
        self.department_plans.get_mut().clear();
    }

    /// Drops figures no longer shown, the bulk of them (tens of thousands
    /// of strings at scale) on another thread so the frame does not wait.
    pub fn retire(self) {
        // The `Rc`s shared with the frame (a few pages at most) stay and are
        // dropped here; the rest is moved out.
        let bulk = (
            self.summary,
            self.overview,
            self.plan,
            self.glance,
            self.priorities,
            self.targets,
            self.department_index,
            self.periods,
        );
        crate::parallel::drop_aside(bulk);
    }

    /// The workspace revision these figures were computed for, so views can
    /// key their own memoised figures on it.
    pub fn revision(&self) -> u64 {
        self.figures_revision
    }

    pub fn is_for(&self, revision: u64, period: Option<NaiveDate>, basis: Basis) -> bool {
        self.key == (revision, period, basis)
    }
}

/// The slot of `lang` in the per-language caches.
fn lang_slot(lang: Lang) -> usize {
    Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0).min(1)
}

/// What an edit to one assessment changed (see [`Derived::edited`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EditKind {
    /// Evidence, links, comments or reasons: no figure.
    Text,
    /// Answers (levels, N/A, confidence): that department's figures.
    Answers,
}

/// What an edit from `before` to `after` (one assessment, same date)
/// changed, or `None` when it may move more than that department's figures
/// (a new status).
pub fn edit_kind(before: &crate::model::Assessment, after: &crate::model::Assessment) -> Option<EditKind> {
    use crate::model::Rating;
    if (&before.department, before.period, before.status) != (&after.department, after.period, after.status) {
        return None;
    }
    let figures = |a: &crate::model::Assessment| {
        a.answers
            .iter()
            .map(|(id, answer)| {
                let rating = match &answer.rating {
                    Rating::NotApplicable { .. } => None,
                    other => Some(other.clone()),
                };
                (id.to_owned(), rating, answer.confidence, answer.reconfirm)
            })
            .collect::<Vec<_>>()
    };
    // The figures depend on the ratings only, but the assessment's other
    // fields are cheap to compare and safer to count as figures.
    let same_rest = (
        &before.assessor,
        &before.reviewer,
        &before.framework,
        before.framework_version,
    ) == (
        &after.assessor,
        &after.reviewer,
        &after.framework,
        after.framework_version,
    );
    if same_rest && figures(before) == figures(after) {
        Some(EditKind::Text)
    } else {
        Some(EditKind::Answers)
    }
}

/// Where each summarised department sits in `workspace.departments`.
fn department_index(data: &Dataset, summary: &Summary) -> Vec<Option<usize>> {
    let positions: std::collections::HashMap<&str, usize> = data
        .workspace
        .departments
        .iter()
        .enumerate()
        .map(|(i, d)| (d.id.as_str(), i))
        .collect();
    summary
        .departments
        .iter()
        .map(|d| positions.get(d.department.as_str()).copied())
        .collect()
}

/// A workspace being read on a thread of its own, so the window stays
/// responsive; the frame polls `result` and shows `progress`.
pub struct Loading {
    pub folder: PathBuf,
    pub progress: std::sync::Arc<crate::store::Progress>,
    pub result: Receiver<Result<LoadedWorkspace, crate::store::StoreError>>,
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
    pub assess: AssessViewState,
    pub plan: super::views::plan::PlanViewState,
    pub settings: super::views::settings::SettingsDraft,
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
    /// The (department, dimension) the drill-down last scrolled into view,
    /// so a heatmap click scrolls once rather than every frame.
    pub scrolled_to: Option<(String, String)>,
}

impl Default for DepartmentViewState {
    fn default() -> Self {
        DepartmentViewState {
            show_current: true,
            show_previous: true,
            show_target: true,
            indicator: None,
            scrolled_to: None,
        }
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
    /// Filters the department list of `TrendScope::Set`.
    pub search: String,
    /// The plotted figures, memoised by the view.
    pub cache: TrendsCache,
}

/// What a trends view memoises: (revision, scope, dimension, chosen set, department).
pub type TrendsKey = (
    u64,
    TrendScope,
    Option<String>,
    BTreeSet<String>,
    Option<String>,
    Basis,
);

/// The trends view's figures for one [`TrendsKey`], recomputed only when the key changes.
#[derive(Debug, Default)]
pub struct TrendsCache {
    pub key: Option<TrendsKey>,
    /// The plotted series with their id: per dimension id plus `None` for the
    /// overall level (one department), per department id (a chosen set), or
    /// `None` alone for the mean of all departments.
    pub series: Vec<(Option<String>, analysis::Trend)>,
    /// The min–max band of all active departments (scope All).
    pub band: Vec<analysis::GroupPoint>,
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

/// Text being typed in the Assess view before it becomes a command.
#[derive(Debug, Default)]
pub struct AssessViewState {
    /// The user's name, before it is set.
    pub name_draft: String,
    /// The date of a new assessment (YYYY-MM-DD).
    pub new_period: String,
    /// The reviewer's comment for Approve / Return.
    pub review_comment: String,
    /// The links field of an indicator (id, text), kept while typing.
    pub links_draft: (String, String),
    /// A workflow step waiting for the user's confirmation.
    pub confirm: Option<AssessConfirm>,
    /// The reason typed for reopening an approved assessment.
    pub reopen_reason: String,
    /// Move the keyboard focus into this indicator's N/A reason field.
    pub focus_reason: Option<String>,
    /// The consensus screen is shown instead of the answers.
    pub consensus: bool,
    /// The agreed level and note being chosen on the consensus screen.
    pub agreed: Option<AgreedDraft>,
    /// Mine or theirs for each conflict of the merge banner, by the
    /// conflict's key (`views::consensus::conflict_key`); mine unless chosen.
    pub merge_choices: std::collections::BTreeMap<String, crate::model::merge::Side>,
}

/// The agreed level and note for one indicator, before they are applied.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AgreedDraft {
    pub indicator: String,
    pub level: Option<crate::model::Level>,
    pub note: String,
}

/// A workflow step the Assess view asks the user to confirm first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AssessConfirm {
    /// Submit or approve although carried-over evidence is unconfirmed.
    Transition(crate::model::Status),
    /// Reopen an approved assessment (with a reason).
    Reopen,
}

#[derive(Debug, Default)]
pub struct FrameworkViewState {
    pub both_languages: bool,
    pub dimension: Option<String>,
    /// Filters the indicators by id or name.
    pub search: String,
}

/// What a file dialog was opened for.
#[derive(Clone, Debug, PartialEq)]
pub enum DialogPurpose {
    OpenWorkspace,
    NewWorkspace,
    /// Save the open assessment to another file.
    SaveAs,
    Export(super::command::ExportRequest),
    /// A folder to write questionnaires into.
    SendQuestionnaires(super::collect::SendRequest),
    /// A folder of returned questionnaires.
    ImportQuestionnaires,
}

/// The result of an asynchronous file dialog.
pub enum DialogResult {
    Picked(PathBuf),
    Cancelled,
    /// The dialog returned at once: no portal or dialog program on this system.
    Unavailable,
}

/// Where the welcome screen's "Open the sample workspace" looks.
#[derive(Clone, Debug, PartialEq)]
pub struct SampleFolders {
    /// The sample beside the program's working folder: `assessments/` when
    /// run from the source tree.
    pub here: PathBuf,
    /// Where the app writes its own copy of the sample when `here` is not a
    /// workspace (an installed app: the packaged sample is read only).
    /// `None`: no such folder, and the welcome screen says how to write one.
    pub copy: Option<PathBuf>,
}

impl Default for SampleFolders {
    fn default() -> Self {
        SampleFolders {
            here: PathBuf::from(crate::store::DEFAULT_WORKSPACE),
            copy: None,
        }
    }
}

impl SampleFolders {
    /// `assessments/` in the working folder, else beside the program (the
    /// Windows zip's folder, whatever folder a shortcut starts it in); the
    /// user's own copy in `copy`.
    pub fn find(copy: Option<PathBuf>) -> Self {
        let here = PathBuf::from(crate::store::DEFAULT_WORKSPACE);
        let beside = std::env::current_exe()
            .ok()
            .and_then(|exe| exe.parent().map(|dir| dir.join(crate::store::DEFAULT_WORKSPACE)));
        let here = match beside {
            Some(beside) if !here.join(crate::store::WORKSPACE_FILE).is_file() => {
                if beside.join(crate::store::WORKSPACE_FILE).is_file() {
                    beside
                } else {
                    here
                }
            }
            _ => here,
        };
        SampleFolders { here, copy }
    }

    /// Whether `here` holds a workspace.
    pub fn here_is_workspace(&self) -> bool {
        self.here.join(crate::store::WORKSPACE_FILE).is_file()
    }
}

/// Everything the app knows, apart from preferences.
#[derive(Default)]
pub struct AppState {
    pub workspace: Option<OpenWorkspace>,
    /// A workspace being opened in the background.
    pub loading: Option<Loading>,
    pub derived: Option<Derived>,
    pub selection: Selection,
    pub views: ViewState,
    pub search: String,
    pub show_problems: bool,
    pub notice: Option<Notice>,
    pub dialog: Option<(DialogPurpose, Receiver<DialogResult>)>,
    /// The assessment open in the Assess view.
    pub session: Option<super::session::Session>,
    /// Edits to the improvement plans: undo, unsaved plans, conflicts.
    pub plan_editor: super::plan_editor::PlanEditor,
    /// The day the figures are as of ("today"): the system date, or a fixed
    /// one (tests and screenshots, so what they show never drifts with the
    /// calendar).
    pub clock: Option<NaiveDate>,
    /// Unsaved plan edits from an earlier run, offered for restoring.
    pub plan_recoveries: Vec<super::planning::PlanRecovery>,
    /// Unsaved edits from an earlier run, offered for restoring.
    pub recoveries: Vec<super::session::Recovery>,
    /// Where the open workspace's recovery journals are kept
    /// ([`super::session::journal_folder`]).
    pub journals: Option<PathBuf>,
    /// Where "Open the sample workspace" finds the sample.
    pub sample: SampleFolders,
    pub show_workspace_settings: bool,
    /// The About window is open.
    pub show_about: bool,
    /// A report being written in the background.
    pub exporting: bool,
    /// Export in the official document style (the Export menu's check box).
    pub export_official: bool,
    /// The file work thread (None until the app starts it).
    pub worker: Option<super::io::Worker>,
    /// Watches the workspace folder for changes made by others.
    pub watcher: Option<super::watch::FolderWatch>,
    /// When a reload was asked for by the watcher (debounced).
    pub reload_due: Option<std::time::Instant>,
    /// Workspace files the watcher saw change since the last reload,
    /// relative to its root.
    pub changed_files: BTreeSet<PathBuf>,
    /// A path typed on the welcome screen.
    pub typed_path: String,
    /// Typed paths where no file dialog can be shown.
    pub paths: super::dialogs::PathDialogs,
    /// This app's hold on the open workspace (another app then opens it
    /// read-only).
    pub session_lock: Option<crate::store::SessionLock>,
    /// Set when another app holds the open workspace: nothing can be
    /// edited until the user chooses to edit anyway.
    pub held_elsewhere: Option<HeldElsewhere>,
    /// The "Send questionnaires" and "Import questionnaires" windows.
    pub collect: super::collect::CollectState,
}

/// Another app has the open workspace: who (when it said so).
#[derive(Clone, Debug)]
pub struct HeldElsewhere {
    pub holder: Option<crate::store::Holder>,
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
        let (period, basis) = (self.selection.period, self.selection.basis);
        if self
            .derived
            .as_ref()
            .is_some_and(|d| d.is_for(open.revision, period, basis))
        {
            return;
        }
        let today = self.today();
        let fresh = Derived::compute(&open.loaded.data, open.revision, period, basis, today);
        if let Some(stale) = self.derived.replace(fresh) {
            stale.retire();
        }
    }

    /// The day figures are as of: [`Self::clock`], or the system date.
    pub fn today(&self) -> NaiveDate {
        self.clock.unwrap_or_else(|| chrono::Local::now().date_naive())
    }
}
