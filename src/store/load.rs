//! Loading a workspace folder into a [`Dataset`], collecting a problem for
//! every bad file instead of stopping at the first: one bad file never stops
//! the others from loading.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::parallel::parallel_map;

use chrono::NaiveDate;

use super::backup::newest_readable_backup;
use super::builtin::builtin_framework;
use super::check::{AssessmentContext, check_assessment, check_framework, check_workspace};
use super::contain::{Refusal, check_inside, read_inside, refusal};
use super::error::StoreError;
use super::fingerprint::Fingerprint;
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

/// How far a load has got, for a progress indicator: `read` of `total`
/// files. Share it with whoever shows it (e.g. in an `Arc`); `total` is set
/// once the folder has been listed, and `read` equals it when the load is
/// done. Both only grow during a load.
#[derive(Debug, Default)]
pub struct Progress {
    pub read: AtomicUsize,
    pub total: AtomicUsize,
}

impl Progress {
    /// Files read and files to read so far.
    pub fn get(&self) -> (usize, usize) {
        (
            self.read.load(Ordering::Relaxed),
            self.total.load(Ordering::Relaxed),
        )
    }

    fn one_read(&self) {
        self.read.fetch_add(1, Ordering::Relaxed);
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

/// [`load`], counting the files read in `progress` as it goes (from other
/// threads too: assessments are read on one thread per core).
pub fn load_with_progress(root: &Path, progress: &Progress) -> Result<LoadedWorkspace, StoreError> {
    Ok(load_reading(root, progress, Reading::All)?.loaded)
}

/// Loads only what a picture of where each department stands needs: per
/// department folder, its assessments on or before `as_of` (all, when
/// `None`), newest first, up to and including the first that loads and for
/// which `enough` is true. Plans are not read.
///
/// Every file it reads is read and checked as [`load`] does, so its problems
/// are the same, and a newer file that cannot be read is in the dataset's
/// unreadable list as it would be. Files it does not read have no problems
/// in the result.
pub fn load_latest(
    root: &Path,
    as_of: Option<NaiveDate>,
    enough: &(dyn Fn(&Assessment) -> bool + Sync),
) -> Result<LoadedWorkspace, StoreError> {
    Ok(load_reading(root, &Progress::default(), Reading::Latest { as_of, enough })?.loaded)
}

/// [`load`], each department's assessments handed to `slim` (in period
/// order) as soon as they are read and checked, before the next ones are
/// read: it may drop what its caller will not use, so that a large
/// workspace fits in memory (see `super::slim`). Problems and files are
/// those of [`load`].
pub(super) fn load_slimmed(
    root: &Path,
    slim: &(dyn Fn(Vec<&mut Assessment>) + Sync),
) -> Result<LoadedWorkspace, StoreError> {
    Ok(load_reading(root, &Progress::default(), Reading::Slim { slim })?.loaded)
}

/// Checks of their own that [`check`] runs on each assessment that loads:
/// given the workspace and framework (a dataset without assessments), the
/// assessment, its file's text and its path relative to the root.
pub type AssessmentCheck = dyn Fn(&Dataset, &Assessment, &str, &Path) -> Vec<Problem> + Sync;

/// What [`check`] found.
#[derive(Debug)]
pub struct Checked {
    /// What [`load`] would report, in its order.
    pub problems: Vec<Problem>,
    /// What `also` found, in file order.
    pub found: Vec<Problem>,
    /// Departments in the workspace.
    pub departments: usize,
    /// Assessments that loaded.
    pub assessments: usize,
}

/// Reads and checks every file as [`load`] does, and runs `also` on each
/// assessment that loads while its text is at hand, keeping no assessment:
/// memory stays that of a few files, however large the workspace.
pub fn check(root: &Path, progress: &Progress, also: &AssessmentCheck) -> Result<Checked, StoreError> {
    let read = load_reading(root, progress, Reading::Check { also })?;
    Ok(Checked {
        problems: read.loaded.problems,
        found: read.found,
        departments: read.loaded.data.workspace.departments.len(),
        assessments: read.assessments,
    })
}

/// Which assessment files a load reads, and what it keeps of them.
#[derive(Clone, Copy)]
enum Reading<'a> {
    /// Every file; every assessment kept.
    All,
    /// See [`load_latest`].
    Latest {
        as_of: Option<NaiveDate>,
        enough: &'a (dyn Fn(&Assessment) -> bool + Sync),
    },
    /// Every file, checked by `also` too; no assessment kept.
    Check { also: &'a AssessmentCheck },
    /// Every file; each department's assessments slimmed (see [`load_slimmed`]).
    Slim {
        slim: &'a (dyn Fn(Vec<&mut Assessment>) + Sync),
    },
}

/// A load's result, with what a [`Reading::Check`] adds.
struct Read {
    loaded: LoadedWorkspace,
    found: Vec<Problem>,
    assessments: usize,
}

fn load_reading(root: &Path, progress: &Progress, reading: Reading<'_>) -> Result<Read, StoreError> {
    let mut layout = scan(root)?;
    if !layout.has_workspace {
        return Err(StoreError::NoWorkspace {
            root: root.to_path_buf(),
        });
    }
    // Left by a program that was stopped mid-save (see `temp.rs`).
    super::temp::remove_stale_temp_files(root);
    let total = 1
        + usize::from(layout.has_framework)
        + layout.assessments.len()
        + usize::from(layout.has_plan)
        + layout.department_plans.len();
    progress.total.store(total, Ordering::Relaxed);
    let mut problems = std::mem::take(&mut layout.problems);
    let mut files = BTreeMap::new();

    let workspace_file = PathBuf::from(WORKSPACE_FILE);
    let mut parsed = read_and_parse(root, &workspace_file, FileKind::Workspace, parse_workspace);
    progress.one_read();
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
    if layout.has_framework {
        progress.one_read();
    }
    if workspace_parsed {
        let checked_against = framework_loaded.then_some(&framework);
        problems.extend(check_workspace(
            &workspace,
            checked_against,
            &workspace_source,
            &workspace_file,
        ));
    }
    drop(workspace_source);

    let mut data = Dataset::new(workspace, framework, Vec::new());
    let context = AssessmentContext::new(&data, framework_loaded);
    let outcomes = load_assessments(root, &layout.assessments, &context, progress, reading);
    let mut assessments = Vec::new();
    let mut unreadable = Vec::new();
    let mut found = Vec::new();
    let mut readable = 0;
    for outcome in outcomes {
        problems.extend(outcome.problems);
        found.extend(outcome.found);
        if outcome.readable {
            readable += 1;
        } else {
            unreadable.push(UnreadableAssessment {
                department: outcome.file.folder.clone(),
                period: outcome.file.period,
                file: outcome.file.relative.clone(),
            });
        }
        if let Some(state) = outcome.state {
            files.insert(outcome.file.relative.clone(), state);
        }
        assessments.extend(outcome.assessment);
    }
    drop(context);

    let checked_framework = framework_loaded.then_some(&data.framework);
    let actions = match reading {
        Reading::Latest { .. } => Vec::new(),
        Reading::All | Reading::Check { .. } | Reading::Slim { .. } => load_plans(
            root,
            &layout,
            &data.workspace,
            checked_framework,
            &mut problems,
            &mut files,
            progress,
        ),
    };
    progress.read.store(total, Ordering::Relaxed);

    problems.sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
    let restorable: BTreeMap<PathBuf, PathBuf> = unreadable
        .iter()
        .filter_map(|u| Some((u.file.clone(), super::restorable_backup(root, &u.file)?)))
        .collect();
    name_backups(root, &mut problems, &restorable);
    data.assessments = assessments;
    data.sort_assessments();
    Ok(Read {
        loaded: LoadedWorkspace {
            root: root.to_path_buf(),
            data: data.with_unreadable(unreadable).with_actions(actions),
            problems,
            files,
            restorable,
        },
        found,
        assessments: readable,
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
    /// A symbolic link (`is_folder` says what it leads to).
    is_link: bool,
}

/// The entries of a folder, sorted by name; names that are not UTF-8 come
/// back as `Err(lossy name)`.
fn entries(folder: &Path) -> std::io::Result<Vec<Entry>> {
    let mut entries = Vec::new();
    for entry in fs::read_dir(folder)? {
        let entry = entry?;
        let path = entry.path();
        let file_type = entry.file_type()?;
        let is_link = file_type.is_symlink();
        let is_folder = if is_link {
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
            is_link,
        });
    }
    entries.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(entries)
}

fn is_ron(name: &str) -> bool {
    name.to_ascii_lowercase().ends_with(".ron")
}

/// Whether a name looks like a copy of a data file: `.ron` followed by more
/// (`2025-06-30.ron.bak`, `workspace.ron~`, `plan.ron.orig`).
fn is_ron_copy(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower.contains(".ron") && !lower.ends_with(".ron")
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
        if entry.is_link
            && let Err(e) = check_inside(root, &relative)
            && let Some(Refusal::Outside { target }) = refusal(&e)
        {
            // Listed, never followed: neither its files nor its folders
            // are read.
            layout.problems.push(Problem::error(
                &relative,
                Position { line: 0, column: 0 },
                ProblemCode::LinkOutside {
                    target: target.clone(),
                },
            ));
            continue;
        }
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
        } else if is_ron_copy(&name) {
            layout.problems.push(Problem::warning(
                &relative,
                Position::START,
                ProblemCode::CopyNotRead,
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
        } else if is_ron_copy(&name) {
            layout.problems.push(Problem::warning(
                &relative,
                Position::START,
                ProblemCode::CopyNotRead,
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
    let (bytes, modified) = match read_inside(root, relative) {
        Ok(read) => read,
        Err(e) => {
            parsed
                .problems
                .push(Problem::error(relative, Position::START, cannot_read(kind, &e)));
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

/// Why a file could not be read: the store's own refusals (a link out of
/// the workspace, a pipe or device, a file too large) by name, anything
/// else as the operating system said it.
pub fn cannot_read(file_kind: FileKind, e: &std::io::Error) -> ProblemCode {
    match refusal(e) {
        Some(Refusal::Outside { target }) => ProblemCode::LinkOutside {
            target: target.clone(),
        },
        Some(Refusal::NotAFile(what)) => ProblemCode::NotAFile { what: *what },
        Some(&Refusal::TooLarge { size, limit }) => ProblemCode::TooLarge {
            file_kind,
            size,
            limit,
        },
        None => ProblemCode::CannotRead {
            file_kind,
            error: e.kind(),
            detail: e.to_string(),
        },
    }
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
struct AssessmentOutcome<'a> {
    file: &'a AssessmentFile,
    state: Option<FileState>,
    /// It parsed and its content was accepted.
    readable: bool,
    /// The assessment, when readable and kept.
    assessment: Option<Assessment>,
    problems: Vec<Problem>,
    /// What [`Reading::Check`]'s own checks found.
    found: Vec<Problem>,
}

/// Loads the assessment files `reading` asks for (see [`Reading`]), on one
/// thread per core for large workspaces. The result is in the order of
/// `files`.
fn load_assessments<'a>(
    root: &Path,
    files: &'a [AssessmentFile],
    context: &AssessmentContext<'_>,
    progress: &Progress,
    reading: Reading<'_>,
) -> Vec<AssessmentOutcome<'a>> {
    // Files are sorted by department, then period: one run per department.
    let departments = || files.chunk_by(|a, b| a.folder == b.folder).collect::<Vec<_>>();
    let (as_of, enough) = match reading {
        Reading::Latest { as_of, enough } => (as_of, enough),
        Reading::Slim { slim } => {
            return parallel_map(&departments(), |files| {
                let mut read: Vec<AssessmentOutcome<'a>> = files
                    .iter()
                    .map(|file| load_assessment(root, file, context, reading))
                    .collect();
                progress.read.fetch_add(files.len(), Ordering::Relaxed);
                slim(read.iter_mut().filter_map(|o| o.assessment.as_mut()).collect());
                read
            })
            .into_iter()
            .flatten()
            .collect();
        }
        Reading::All | Reading::Check { .. } => {
            return parallel_map(files, |file| {
                let outcome = load_assessment(root, file, context, reading);
                progress.one_read();
                outcome
            });
        }
    };
    let departments = departments();
    parallel_map(&departments, |files| {
        let mut read = Vec::new();
        for file in files
            .iter()
            .rev()
            .filter(|f| as_of.is_none_or(|date| f.period <= date))
        {
            let outcome = load_assessment(root, file, context, reading);
            let done = outcome.assessment.as_ref().is_some_and(enough);
            read.push(outcome);
            if done {
                break;
            }
        }
        read.reverse();
        read
    })
    .into_iter()
    .flatten()
    .collect()
}

fn load_assessment<'a>(
    root: &Path,
    file: &'a AssessmentFile,
    context: &AssessmentContext<'_>,
    reading: Reading<'_>,
) -> AssessmentOutcome<'a> {
    let mut parsed = read_and_parse(root, &file.relative, FileKind::Assessment, parse_assessment);
    let mut problems = std::mem::take(&mut parsed.problems);
    let mut accepted = true;
    let mut found = Vec::new();
    if let Some(assessment) = &parsed.value {
        let (checked, keep) = check_assessment(
            assessment,
            &file.folder,
            file.period,
            &parsed.text,
            &file.relative,
            context,
        );
        problems.extend(checked);
        accepted = keep;
        if let (true, Reading::Check { also }) = (accepted, reading) {
            found = also(context.data, assessment, &parsed.text, &file.relative);
        }
    }
    let state = parsed.state(accepted);
    let assessment = parsed.value.filter(|_| accepted);
    AssessmentOutcome {
        file,
        state,
        readable: assessment.is_some(),
        assessment: assessment.filter(|_| !matches!(reading, Reading::Check { .. })),
        problems,
        found,
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
    progress: &Progress,
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
        )
        .collect::<Vec<_>>();
    // Read and parsed on every core, checked together.
    let read = parallel_map(&scopes, |scope| {
        let relative = plan_path(scope);
        let parsed = read_and_parse(root, &relative, FileKind::Plan, parse_plan);
        progress.one_read();
        (relative, parsed)
    });
    let mut parsed_plans = Vec::new();
    let mut states = Vec::new();
    for (scope, (relative, mut parsed)) in scopes.into_iter().zip(read) {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::generate::{self, SyntheticOptions};

    /// 100 departments × 2 periods and a plan per department: enough files
    /// for the assessments to be read on several threads.
    fn workspace() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        let framework = builtin_framework().unwrap();
        let options = SyntheticOptions {
            departments: 100,
            periods: 2,
            seed: 5,
            last_period: NaiveDate::from_ymd_opt(2025, 12, 31).unwrap(),
        };
        let (workspace, assessments) = generate::synthetic(&framework, options);
        super::super::save_workspace(dir.path(), &workspace, None).unwrap();
        for assessment in &assessments {
            super::super::create_assessment(dir.path(), assessment).unwrap();
        }
        let actions = generate::synthetic_plan(&workspace, &assessments, 5);
        super::super::create_plans(dir.path(), &actions).unwrap();
        dir
    }

    #[test]
    fn progress_counts_every_file_read() {
        let dir = workspace();
        let plans = fs::read_dir(dir.path())
            .unwrap()
            .flatten()
            .filter(|e| e.path().join(PLAN_FILE).exists())
            .count()
            + usize::from(dir.path().join(PLAN_FILE).exists());
        let progress = Progress::default();
        let loaded = load_with_progress(dir.path(), &progress).unwrap();
        // workspace.ron, 200 assessments and the plans.
        assert_eq!(progress.get(), (1 + 200 + plans, 1 + 200 + plans));
        assert_eq!(loaded.data.assessments.len(), 200);
        // The same as a load without one, in the same order.
        let plain = load(dir.path()).unwrap();
        assert_eq!(loaded.data, plain.data);
        assert_eq!(loaded.problems, plain.problems);
    }

    #[test]
    fn latest_reads_one_file_per_department_when_it_counts() {
        let dir = workspace();
        let loaded = load_latest(dir.path(), None, &|_| true).unwrap();
        assert_eq!(loaded.data.assessments.len(), 100);
        assert!(
            loaded
                .data
                .assessments
                .iter()
                .all(|a| a.period == NaiveDate::from_ymd_opt(2025, 12, 31).unwrap())
        );
        // Before the last period, the one before it.
        let earlier = NaiveDate::from_ymd_opt(2025, 12, 30);
        let loaded = load_latest(dir.path(), earlier, &|_| true).unwrap();
        assert_eq!(loaded.data.assessments.len(), 100);
        assert!(
            loaded
                .data
                .assessments
                .iter()
                .all(|a| a.period < NaiveDate::from_ymd_opt(2025, 12, 31).unwrap())
        );
        // Nothing counts: every file is read.
        let loaded = load_latest(dir.path(), None, &|_| false).unwrap();
        assert_eq!(loaded.data.assessments.len(), 200);
    }
}
