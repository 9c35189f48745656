//! What views ask for. Views read the state and push commands; `apply`
//! runs them once at the end of the frame, the one place where the state
//! changes (and where undo, dirty tracking and saving hook in).

use std::path::PathBuf;

use chrono::NaiveDate;

use super::editor::Edit;
use super::plan_editor::PlanEdit;
use super::state::{DialogPurpose, Tab, ThemeChoice};
use crate::analysis::Basis;
use crate::model::{Lang, Status, Workspace};
use crate::report::{Format, ReportKind, ReportStyle};

#[must_use]
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Show the asynchronous folder dialog.
    ShowOpenDialog,
    OpenWorkspace(PathBuf),
    /// Open the sample workspace: `assessments/` where it is, else the
    /// user's own copy, written first if missing.
    OpenSample,
    Reload,
    CloseWorkspace,
    SetTab(Tab),
    SelectDepartment(String),
    /// Open a department on one dimension (a heatmap click).
    ShowCell {
        department: String,
        dimension: String,
    },
    SetPeriod(Option<NaiveDate>),
    /// Count approved assessments only, or the latest of any status.
    SetBasis(Basis),
    SetLang(Lang),
    SetTheme(ThemeChoice),
    ToggleProblems,
    /// Show a folder in the system's file manager.
    RevealFolder(PathBuf),
    /// Put the newest readable backup of an unreadable assessment file
    /// (path relative to the workspace) back in its place.
    RestoreBackup(PathBuf),
    DismissNotice,
    /// Edit a workspace that another app holds (it was opened read-only).
    EditAnyway,

    // ---- the assessment editor -------------------------------------------
    /// Open a department's assessment for a period in the Assess view.
    OpenAssessment {
        department: String,
        period: NaiveDate,
    },
    /// Start a Draft for a new period, pre-filled from the previous one.
    NewAssessment {
        department: String,
        period: NaiveDate,
    },
    SelectIndicator(String),
    Edit(Edit),
    Undo,
    Redo,
    Save,
    /// Choose another file for the open assessment (after a failed save).
    SaveAs,
    Transition {
        to: Status,
        comment: String,
    },
    ResolveConflict(ConflictChoice),
    /// Merge the edits made on disk by someone else with mine and save:
    /// each conflict (by its key) settled with the side given.
    MergeConflict(Vec<(String, crate::model::merge::Side)>),
    /// Restore the recovery journal with this index.
    Restore(usize),
    DiscardRecovery(usize),
    SetUserName(String),

    // ---- workspace settings ----------------------------------------------
    /// Replace the workspace settings (title, departments, targets, weights) and save them.
    UpdateWorkspace(Box<Workspace>),
    ShowWorkspaceSettings(bool),
    /// Open or close the About window.
    ShowAbout(bool),
    /// Pick a folder and start a new workspace there.
    NewWorkspace,
    /// A path typed where no file dialog could be shown: do what the dialog was for.
    PathTyped {
        purpose: DialogPurpose,
        path: PathBuf,
    },
    /// Close the typed-path window without doing anything.
    CancelPathPrompt,

    // ---- questionnaires -------------------------------------------------
    /// Open the "Send questionnaires" window.
    ShowSend,
    /// Ask for the folder to write these questionnaires into.
    ChooseSendFolder(super::collect::SendRequest),
    /// Ask for a folder of returned questionnaires (then check each).
    ChooseImportFolder,
    /// Check the import window's files again, with its options.
    CheckImport,
    /// Import the import window's files that passed every check.
    ImportNow,
    CloseImport,

    // ---- improvement plans ----------------------------------------------
    /// Open the "Plan an action" form for an indicator below target.
    PlanAction {
        department: String,
        indicator: String,
    },
    /// Create the action in the form and save its plan.
    CreateAction,
    /// Choose the action edited in the Plan view (`None`: none).
    SelectAction(Option<String>),
    EditPlan(PlanEdit),
    UndoPlan,
    RedoPlan,
    /// Save every plan with unsaved edits now.
    SavePlans,
    ResolvePlanConflict(ConflictChoice),
    /// Restore the plan recovery journal with this index.
    RestorePlan(usize),
    DiscardPlanRecovery(usize),

    // ---- reports ----------------------------------------------------------
    /// Export a report.
    Export(ExportRequest),
    /// Export reports in the official document style (or the plain one).
    SetExportOfficial(bool),
}

/// What an Export… asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExportRequest {
    pub format: Format,
    /// `None` for the whole government.
    pub department: Option<String>,
    /// A brief, or the full (or one department's) report.
    pub kind: ReportKind,
    pub style: ReportStyle,
}

/// The answer to "this assessment changed on disk while you were editing it".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConflictChoice {
    /// Drop my edits and load what is on disk.
    Theirs,
    /// Overwrite the file on disk with my version.
    Mine,
    /// Save my version beside it as a copy, then load theirs.
    Copy,
}

impl Command {
    /// Whether the command changes files or data, so that a workspace
    /// opened read-only (held by another app) must refuse it.
    pub fn edits(&self) -> bool {
        matches!(
            self,
            Command::RestoreBackup(_)
                | Command::NewAssessment { .. }
                | Command::Edit(_)
                | Command::Undo
                | Command::Redo
                | Command::Save
                | Command::Transition { .. }
                | Command::ResolveConflict(_)
                | Command::MergeConflict(_)
                | Command::ImportNow
                | Command::Restore(_)
                | Command::DiscardRecovery(_)
                | Command::UpdateWorkspace(_)
                | Command::PlanAction { .. }
                | Command::CreateAction
                | Command::EditPlan(_)
                | Command::UndoPlan
                | Command::RedoPlan
                | Command::SavePlans
                | Command::ResolvePlanConflict(_)
                | Command::RestorePlan(_)
                | Command::DiscardPlanRecovery(_)
        )
    }
}
