//! Loading a workspace folder into a [`Dataset`], collecting a problem for
//! every bad file instead of stopping at the first: one bad file never stops
//! the others from loading.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use chrono::NaiveDate;

use super::backup::newest_readable_backup;
use super::builtin::builtin_framework;
use super::check::{AssessmentContext, check_assessment, check_framework, check_workspace};
use super::error::StoreError;
use super::fingerprint::{Fingerprint, read_with_fingerprint};
use super::format::{Parser, parse_assessment, parse_framework, parse_workspace};
use super::paths::{FRAMEWORK_FILE, WORKSPACE_FILE, is_hidden, period_of_file_name};
use super::plan::{ParsedPlan, check_plans, parse_plan, plan_path};
use super::problem::{FileKind, Locator, Position, Problem, ProblemCode};
use crate::model::{
    self, Assessment, Dataset, Department, DepartmentKind, FORMAT_VERSION, FRAMEWORK_ID_BUILTIN, Framework,
    FrameworkSource, PLAN_FILE, PlanScope, Text, UnreadableAssessment, Workspace,
};

/// A loaded workspace folder: the data, what is wrong with it, and what each
/// file looked like when it was read.
#[derive(Clone, Debug)]
pub struct LoadedWorkspace {
    pub root: PathBuf,
    pub data: Dataset,
    /// Sorted by file, line and column.
    pub problems: Vec<Problem>,
    /// Every data file that was read, by path relative to `root`: each one
    /// that loaded, and each one that could not be used (which is then
    /// `read_only`), so the app can notice when any of them changes on disk.
    pub files: BTreeMap<PathBuf, FileState>,
    /// For each assessment file that could not be read and has a readable
    /// backup: that backup (see [`super::restore_backup`]).
    pub restorable: BTreeMap<PathBuf, PathBuf>,
}

/// A file as it was when loaded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FileState {
    /// The program must not rewrite this file: it is of a newer format
    /// version, it failed to parse, or its content was rejected (e.g. it
    /// names another department than its folder). The `save_*` functions
    /// check this again on disk, so they refuse such files even without it.
    pub read_only: bool,
    pub fingerprint: Fingerprint,
}

impl LoadedWorkspace {
    pub fn has_errors(&self) -> bool {
        self.problems.iter().any(Problem::is_error)
    }

    /// The state of a file, by path relative to the root.
    pub fn file(&self, relative: &Path) -> Option<&FileState> {
        self.files.get(relative)
    }

    /// The fingerprint to pass as `expected` when saving the file at
    /// `relative` (`None` for a file that was not there).
    pub fn fingerprint(&self, relative: &Path) -> Option<&Fingerprint> {
        self.files.get(relative).map(|state| &state.fingerprint)
    }

    pub fn is_read_only(&self, relative: &Path) -> bool {
        self.files.get(relative).is_some_and(|state| state.read_only)
    }

    /// Records a successful save, so the next save expects what was written.
    pub fn record_saved(&mut self, relative: PathBuf, fingerprint: Fingerprint) {
        self.files.insert(
            relative,
            FileState {
                read_only: false,
                fingerprint,
            },
        );
    }
}

/// Loads the workspace folder at `root`.
///
/// Fails only when the folder cannot be read or has no `workspace.ron`.
/// Everything else is a problem in the result: a `workspace.ron` that does
/// not parse gives a stand-in workspace titled after the folder, with one
/// department per folder of assessments (and `workspace.ron` read-only); a
/// custom `framework.ron` that does not parse gives the built-in framework.
pub fn load(root: &Path) -> Result<LoadedWorkspace, StoreError> {
    load_with_progress(root, &Progress::default())
}

/// How far a load has got, for a progress indicator on another thread:
/// files read of the total, both zero until the folder has been scanned.
#[derive(Debug, Default)]
pub struct Progress {
    read: AtomicUsize,
    total: AtomicUsize,
}

impl Progress {
    /// (files read, files in all), as of now.
    pub fn get(&self) -> (usize, usize) {
        (
            self.read.load(Ordering::Relaxed),
            self.total.load(Ordering::Relaxed),
        )
    }

    fn read_one(&self) {
        self.read.fetch_add(1, Ordering::Relaxed);
    }
}

/// [`load`], counting the files read into `progress` as it goes.
pub fn load_with_progress(root: &Path, progress: &Progress) -> Result<LoadedWorkspace, StoreError> {
    let mut layout = scan(root)?;
    // workspace.ron, the framework and the plans count as one file each.
    progress
        .total
        .store(layout.assessments.len() + 3, Ordering::Relaxed);
    if !layout.has_workspace {
        return Err(StoreError::NoWorkspace {
            root: root.to_path_buf(),
        });
    }
    let mut problems = std::mem::take(&mut layout.problems);
    let mut files = BTreeMap::new();

    let workspace_file = PathBuf::from(WORKSPACE_FILE);
    let mut parsed = read_and_parse(root, &workspace_file, FileKind::Workspace, parse_workspace);
    problems.append(&mut parsed.problems);
    if let Some(state) = parsed.state(true) {
        files.insert(workspace_file.clone(), state);
    }
    let workspace_source = parsed.text;
    let (workspace, workspace_parsed) = match parsed.value {
        Some(workspace) => (workspace, true),
        None => {
            problems.push(Problem::warning(
                &workspace_file,
                Position::START,
                ProblemCode::WorkspaceStandIn,
            ));
            (fallback_workspace(root, &layout), false)
        }
    };

    let (framework, framework_loaded) = load_framework(
        root,
        &workspace,
        &workspace_source,
        &layout,
        &mut problems,
        &mut files,
    );
    if workspace_parsed {
        let checked_against = framework_loaded.then_some(&framework);
        problems.extend(check_workspace(
            &workspace,
            checked_against,
            &workspace_source,
            &workspace_file,
        ));
    }

    let context = AssessmentContext {
        workspace: &workspace,
        framework: &framework,
        check_indicators: framework_loaded,
    };
    let mut assessments = Vec::with_capacity(layout.assessments.len());
    let mut unreadable = Vec::new();
    progress.read.fetch_add(2, Ordering::Relaxed);
    for (outcome, file) in load_assessments(root, &layout.assessments, &context, progress)
        .into_iter()
        .zip(&layout.assessments)
    {
        problems.extend(outcome.problems);
        if outcome.assessment.is_none() {
            unreadable.push(UnreadableAssessment {
                department: file.folder.clone(),
                period: file.period,
                file: file.relative.clone(),
            });
        }
        if let Some(state) = outcome.state {
            files.insert(outcome.relative, state);
        }
        assessments.extend(outcome.assessment);
    }

    let checked_framework = framework_loaded.then_some(&framework);
    let actions = load_plans(
        root,
        &layout,
        &workspace,
        checked_framework,
        &mut problems,
        &mut files,
    );

    progress.read_one();
    problems.sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
    let restorable: BTreeMap<PathBuf, PathBuf> = unreadable
        .iter()
        .filter_map(|u| Some((u.file.clone(), super::restorable_backup(root, &u.file)?)))
        .collect();
    name_backups(root, &mut problems, &restorable);
    Ok(LoadedWorkspace {
        root: root.to_path_buf(),
        data: Dataset::new(workspace, framework, assessments)
            .with_unreadable(unreadable)
            .with_actions(actions),
        problems,
        files,
        restorable,
    })
}

/// Names the backup to restore in problems about a file cut short or
/// emptied, so their message can say which one (relative to the workspace).
fn name_backups(root: &Path, problems: &mut [Problem], restorable: &BTreeMap<PathBuf, PathBuf>) {
    for problem in problems {
        let file = problem.file.as_path();
        if let ProblemCode::EndsEarly { backup, file_kind } | ProblemCode::Empty { backup, file_kind } =
            &mut problem.code
        {
            let found = match file_kind {
                FileKind::Assessment => restorable.get(file).cloned(),
                FileKind::Workspace => {
                    newest_readable_backup(root, file, |text| parse_workspace(text, file).is_ok())
                }
                FileKind::Framework => {
                    newest_readable_backup(root, file, |text| parse_framework(text, file).is_ok())
                }
                FileKind::Plan => newest_readable_backup(root, file, |text| parse_plan(text, file).is_ok()),
            };
            *backup = found.map(|b| b.strip_prefix(root).map_or_else(|_| b.clone(), Path::to_path_buf));
        }
    }
}

/// What the folder holds, before any file is read.
#[derive(Default)]
struct Layout {
    has_workspace: bool,
    has_framework: bool,
    /// Sorted by department, then period.
    assessments: Vec<AssessmentFile>,
    /// `plan.ron` at the root.
    has_plan: bool,
    /// The departments whose folder holds a `plan.ron`, sorted.
    department_plans: Vec<String>,
    problems: Vec<Problem>,
}

struct AssessmentFile {
    relative: PathBuf,
    /// The department folder it sits in.
    folder: String,
    /// The period its name says.
    period: NaiveDate,
}

struct Entry {
    name: Result<String, String>,
    path: PathBuf,
    is_folder: bool,
}

/// The entries of a folder, sorted by name; names that are not UTF-8 come
/// back as `Err(lossy name)`.
fn entries(folder: &Path) -> std::io::Result<Vec<Entry>> {
    let mut entries = Vec::new();
    for entry in fs::read_dir(folder)? {
        let entry = entry?;
        let path = entry.path();
        let file_type = entry.file_type()?;
        let is_folder = if file_type.is_symlink() {
            fs::metadata(&path).is_ok_and(|m| m.is_dir())
        } else {
            file_type.is_dir()
        };
        let name = entry
            .file_name()
            .into_string()
            .map_err(|raw| raw.to_string_lossy().into_owned());
        entries.push(Entry {
            name,
            path,
            is_folder,
        });
    }
    entries.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(entries)
}

fn is_ron(name: &str) -> bool {
    name.to_ascii_lowercase().ends_with(".ron")
}

/// Whether a folder holds `.ron` files directly (so skipping it loses data).
fn holds_ron_files(folder: &Path) -> bool {
    fs::read_dir(folder).is_ok_and(|entries| {
        entries
            .flatten()
            .any(|e| is_ron(&e.file_name().to_string_lossy()) && !is_hidden(&e.file_name().to_string_lossy()))
    })
}

fn scan(root: &Path) -> Result<Layout, StoreError> {
    let metadata = fs::metadata(root).map_err(|source| StoreError::Unreadable {
        root: root.to_path_buf(),
        source,
    })?;
    if !metadata.is_dir() {
        return Err(StoreError::NotAFolder {
            root: root.to_path_buf(),
        });
    }
    let entries = entries(root).map_err(|source| StoreError::Unreadable {
        root: root.to_path_buf(),
        source,
    })?;
    let mut layout = Layout::default();
    for entry in entries {
        let name = match entry.name {
            Ok(name) => name,
            Err(lossy) => {
                layout
                    .problems
                    .push(skipped_name(Path::new(&lossy), entry.is_folder));
                continue;
            }
        };
        if is_hidden(&name) {
            continue;
        }
        let relative = PathBuf::from(&name);
        if entry.is_folder {
            if model::is_department_id(&name).is_ok() {
                scan_department(&entry.path, &name, &mut layout);
            } else if holds_ron_files(&entry.path) {
                layout.problems.push(Problem::warning(
                    &relative,
                    Position { line: 0, column: 0 },
                    ProblemCode::FolderNotDepartment { name: name.clone() },
                ));
            }
        } else if name == WORKSPACE_FILE {
            layout.has_workspace = true;
        } else if name == FRAMEWORK_FILE {
            layout.has_framework = true;
        } else if name == PLAN_FILE {
            layout.has_plan = true;
        } else if is_ron(&name) {
            layout.problems.push(Problem::warning(
                &relative,
                Position::START,
                ProblemCode::FileAtTop,
            ));
        }
    }
    Ok(layout)
}

fn scan_department(folder: &Path, department: &str, layout: &mut Layout) {
    let entries = match entries(folder) {
        Ok(entries) => entries,
        Err(e) => {
            layout.problems.push(Problem::error(
                Path::new(department),
                Position { line: 0, column: 0 },
                ProblemCode::CannotReadFolder {
                    error: e.kind(),
                    detail: e.to_string(),
                },
            ));
            return;
        }
    };
    for entry in entries {
        let name = match entry.name {
            Ok(name) => name,
            Err(lossy) => {
                layout
                    .problems
                    .push(skipped_name(&Path::new(department).join(lossy), entry.is_folder));
                continue;
            }
        };
        if is_hidden(&name) {
            continue;
        }
        let relative = Path::new(department).join(&name);
        if entry.is_folder {
            if holds_ron_files(&entry.path) {
                layout.problems.push(Problem::warning(
                    &relative,
                    Position { line: 0, column: 0 },
                    ProblemCode::FolderNested {
                        department: department.to_owned(),
                    },
                ));
            }
        } else if name == PLAN_FILE {
            layout.department_plans.push(department.to_owned());
        } else if let Some(period) = period_of_file_name(&name) {
            layout.assessments.push(AssessmentFile {
                relative,
                folder: department.to_owned(),
                period,
            });
        } else if is_ron(&name) {
            layout.problems.push(Problem::warning(
                &relative,
                Position::START,
                ProblemCode::FileNotPeriod,
            ));
        }
    }
}

fn skipped_name(relative: &Path, is_folder: bool) -> Problem {
    Problem::warning(
        relative,
        Position { line: 0, column: 0 },
        ProblemCode::NameNotUnicode { folder: is_folder },
    )
}

/// A file read and parsed, with what went wrong.
struct ParsedFile<T> {
    text: String,
    fingerprint: Option<Fingerprint>,
    value: Option<T>,
    version: u32,
    problems: Vec<Problem>,
}

impl<T> ParsedFile<T> {
    /// The file's state, if it could be read; `accepted` is false when its
    /// content was rejected after parsing.
    fn state(&self, accepted: bool) -> Option<FileState> {
        let read_only = !accepted || self.value.is_none() || self.version > FORMAT_VERSION;
        self.fingerprint.map(|fingerprint| FileState {
            read_only,
            fingerprint,
        })
    }
}

fn read_and_parse<T>(root: &Path, relative: &Path, kind: FileKind, parse: Parser<T>) -> ParsedFile<T> {
    let mut parsed = ParsedFile {
        text: String::new(),
        fingerprint: None,
        value: None,
        version: 0,
        problems: Vec::new(),
    };
    let (bytes, modified) = match read_with_fingerprint(&root.join(relative)) {
        Ok(read) => read,
        Err(e) => {
            parsed.problems.push(Problem::error(
                relative,
                Position::START,
                ProblemCode::CannotRead {
                    file_kind: kind,
                    error: e.kind(),
                    detail: e.to_string(),
                },
            ));
            return parsed;
        }
    };
    parsed.fingerprint = Some(Fingerprint::of(&bytes, modified));
    parsed.text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            parsed.problems.push(Problem::error(
                relative,
                Position::of_invalid_utf8(e.as_bytes(), &e.utf8_error()),
                ProblemCode::NotUtf8 { file_kind: kind },
            ));
            return parsed;
        }
    };
    match parse(&parsed.text, relative) {
        Ok((value, version)) => {
            if version > FORMAT_VERSION {
                parsed.problems.push(Problem::warning(
                    relative,
                    Locator::new(&parsed.text)
                        .field("version")
                        .unwrap_or(Position::START),
                    ProblemCode::NewerVersion {
                        file_kind: kind,
                        version,
                    },
                ));
            }
            parsed.value = Some(value);
            parsed.version = version;
        }
        Err(problem) => parsed.problems.push(problem),
    }
    parsed
}

/// A stand-in for a `workspace.ron` that cannot be read: titled after the
/// folder, with a department for each folder holding assessments.
fn fallback_workspace(root: &Path, layout: &Layout) -> Workspace {
    let title = root
        .canonicalize()
        .ok()
        .as_deref()
        .unwrap_or(root)
        .file_name()
        .map_or_else(|| "workspace".to_owned(), |n| n.to_string_lossy().into_owned());
    let mut workspace = Workspace::new(Text::new(title.clone(), title));
    workspace.framework = if layout.has_framework {
        FrameworkSource::Custom
    } else {
        FrameworkSource::Builtin
    };
    let folders: BTreeSet<&str> = layout.assessments.iter().map(|a| a.folder.as_str()).collect();
    workspace.departments = folders
        .into_iter()
        .map(|id| Department {
            id: id.to_owned(),
            name: Text::new(id, id),
            kind: DepartmentKind::Other,
            parent: None,
            archived: false,
        })
        .collect();
    workspace
}

/// The framework the workspace uses, and whether it is the real one (false
/// when a stand-in is shown because the real one could not be loaded).
fn load_framework(
    root: &Path,
    workspace: &Workspace,
    workspace_source: &str,
    layout: &Layout,
    problems: &mut Vec<Problem>,
    files: &mut BTreeMap<PathBuf, FileState>,
) -> (Framework, bool) {
    let framework_file = PathBuf::from(FRAMEWORK_FILE);
    match workspace.framework {
        FrameworkSource::Builtin => {
            if layout.has_framework {
                problems.push(Problem::warning(
                    &framework_file,
                    Position::START,
                    ProblemCode::FrameworkNotUsed,
                ));
            }
            builtin_or_stand_in(problems)
        }
        FrameworkSource::Custom if !layout.has_framework => {
            problems.push(Problem::error(
                Path::new(WORKSPACE_FILE),
                Locator::new(workspace_source)
                    .field("framework")
                    .unwrap_or(Position::START),
                ProblemCode::FrameworkMissing,
            ));
            (builtin_or_stand_in(problems).0, false)
        }
        FrameworkSource::Custom => {
            let mut parsed = read_and_parse(root, &framework_file, FileKind::Framework, parse_framework);
            problems.append(&mut parsed.problems);
            if let Some(state) = parsed.state(true) {
                files.insert(framework_file.clone(), state);
            }
            match parsed.value {
                Some(framework) => {
                    problems.extend(check_framework(&framework, &parsed.text, &framework_file));
                    (framework, true)
                }
                None => {
                    problems.push(Problem::warning(
                        &framework_file,
                        Position::START,
                        ProblemCode::FrameworkStandIn,
                    ));
                    (builtin_or_stand_in(problems).0, false)
                }
            }
        }
    }
}

/// The built-in framework, or (if the program itself is broken) an empty one.
fn builtin_or_stand_in(problems: &mut Vec<Problem>) -> (Framework, bool) {
    match builtin_framework() {
        Ok(framework) => (framework, true),
        Err(problem) => {
            problems.push(problem);
            let framework = Framework {
                version: FORMAT_VERSION,
                id: FRAMEWORK_ID_BUILTIN.to_owned(),
                framework_version: 1,
                // Only when the program itself is broken; no words of its own.
                name: Text::new(FRAMEWORK_ID_BUILTIN, FRAMEWORK_ID_BUILTIN),
                description: Text::default(),
                levels: Vec::new(),
                dimensions: Vec::new(),
            };
            (framework, false)
        }
    }
}

/// One assessment file, loaded and checked.
struct AssessmentOutcome {
    relative: PathBuf,
    state: Option<FileState>,
    assessment: Option<Assessment>,
    problems: Vec<Problem>,
}

/// Below this many files, threads cost more than they save.
const FILES_PER_THREAD_MIN: usize = 64;
const THREADS_MAX: usize = 8;

/// Loads assessment files, on a few threads for large workspaces. The result
/// keeps the order of `files`.
fn load_assessments(
    root: &Path,
    files: &[AssessmentFile],
    context: &AssessmentContext<'_>,
    progress: &Progress,
) -> Vec<AssessmentOutcome> {
    let cores = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    let threads = cores
        .min(THREADS_MAX)
        .min(files.len() / FILES_PER_THREAD_MIN)
        .max(1);
    if threads == 1 {
        return files
            .iter()
            .map(|file| {
                progress.read_one();
                load_assessment(root, file, context)
            })
            .collect();
    }
    let chunk_len = files.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let workers: Vec<_> = files
            .chunks(chunk_len)
            .map(|chunk| {
                scope.spawn(move || {
                    chunk
                        .iter()
                        .map(|file| {
                            progress.read_one();
                            load_assessment(root, file, context)
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|worker| match worker.join() {
                Ok(outcomes) => outcomes,
                Err(panic) => std::panic::resume_unwind(panic),
            })
            .collect()
    })
}

fn load_assessment(root: &Path, file: &AssessmentFile, context: &AssessmentContext<'_>) -> AssessmentOutcome {
    let mut parsed = read_and_parse(root, &file.relative, FileKind::Assessment, parse_assessment);
    let mut problems = std::mem::take(&mut parsed.problems);
    let mut accepted = true;
    if let Some(assessment) = &parsed.value {
        let (found, keep) = check_assessment(
            assessment,
            &file.folder,
            file.period,
            &parsed.text,
            &file.relative,
            context,
        );
        problems.extend(found);
        accepted = keep;
    }
    let state = parsed.state(accepted);
    AssessmentOutcome {
        relative: file.relative.clone(),
        state,
        assessment: parsed.value.filter(|_| accepted),
        problems,
    }
}

/// Reads every plan file (the root plan first, then departments by id),
/// checks them together and records each file; returns the actions that
/// load. See `super::plan` for what a problem leaves out.
fn load_plans(
    root: &Path,
    layout: &Layout,
    workspace: &Workspace,
    framework: Option<&Framework>,
    problems: &mut Vec<Problem>,
    files: &mut BTreeMap<PathBuf, FileState>,
) -> Vec<model::Action> {
    let scopes = layout
        .has_plan
        .then_some(PlanScope::Government)
        .into_iter()
        .chain(
            layout
                .department_plans
                .iter()
                .map(|d| PlanScope::Department(d.clone())),
        );
    let mut parsed_plans = Vec::new();
    let mut states = Vec::new();
    for scope in scopes {
        let relative = plan_path(&scope);
        let mut parsed = read_and_parse(root, &relative, FileKind::Plan, parse_plan);
        problems.append(&mut parsed.problems);
        if let Some(state) = parsed.state(true) {
            states.push((relative.clone(), state));
        }
        if let Some(plan) = parsed.value {
            parsed_plans.push(ParsedPlan {
                relative,
                folder: match scope {
                    PlanScope::Department(id) => Some(id),
                    PlanScope::Government => None,
                },
                text: parsed.text,
                plan,
            });
        }
    }
    let checked = check_plans(&parsed_plans, workspace, framework);
    problems.extend(checked.problems);
    for (relative, mut state) in states {
        state.read_only |= checked.read_only.contains(&relative);
        files.insert(relative, state);
    }
    checked.actions
}
