//! Improvement plans on disk: `plan.ron` at the root (government-wide
//! measures) and `<department-id>/plan.ron` (a department's own actions).
//!
//! What loads when a plan has a problem (decided per problem so that nothing
//! written is ever lost and the program never guesses where an action goes):
//!
//! - The file does not parse (syntax, cut short, unknown field, …): none of
//!   its actions load and the file is read-only, like any other file.
//! - A newer format version: its actions load; the file is read-only.
//! - An action whose place is wrong — another department's action in a
//!   department's plan (`plan-other-department`), a one-department action in
//!   the root plan (`plan-single-department`), an id already used in an
//!   earlier file (`plan-duplicate-action`; the root plan comes first, then
//!   departments by id), or every action of a plan in a folder whose
//!   department is not in workspace.ron (`plan-unknown-department`) — is left
//!   out, and its file becomes read-only: saving that plan from the program
//!   would otherwise drop or move the action.
//! - Everything else — an unknown indicator or dimension, nothing addressed,
//!   due before start, Done without `done_on`, an empty title, an id that is
//!   not a slug, an unknown department in a government-wide action — is
//!   reported and the action loads as written; the file stays writable, and
//!   saving writes the action back as it was read.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use super::error::{InvalidReason, SaveError};
use super::fingerprint::Fingerprint;
use super::format::{from_ron_versioned, to_ron};
use super::problem::{FileKind, Position, Problem, ProblemCode};
use super::save::{save_file, serialize, unreadable};
use crate::model::limits::{TextField, over_limit};
use crate::model::{
    self, Action, ActionStatus, Addresses, Framework, PLAN_FILE, PlanFile, PlanScope, Workspace,
};

/// The path of a plan, relative to the workspace root: `plan.ron` for the
/// government-wide plan, `<department-id>/plan.ron` for a department's.
/// The id is not checked here; [`save_plan`] refuses ids that are not safe
/// folder names.
pub fn plan_path(scope: &PlanScope) -> PathBuf {
    match scope {
        PlanScope::Government => PathBuf::from(PLAN_FILE),
        PlanScope::Department(id) => Path::new(id).join(PLAN_FILE),
    }
}

/// Parses the text of a plan file. Returns the plan and the format version
/// it was written in (newer than [`FORMAT_VERSION`] means: show it, never
/// rewrite it). Does not check ids against the workspace; loading does.
pub fn parse_plan(text: &str, file: &Path) -> Result<(PlanFile, u32), Problem> {
    from_ron_versioned(text, file, FileKind::Plan, super::migrate::plan)
}

/// Saves the actions of one plan to [`plan_path`]`(scope)` under `root`,
/// sorted by id, with the guarantees of [`super::save_assessment`]: atomic,
/// the previous file kept in `.backups/`, [`SaveError::Conflict`] when the
/// file on disk is not `expected` (`None`: no file yet), and
/// [`SaveError::ReadOnly`] for a file that does not parse or is of a newer
/// format. Refuses ([`SaveError::Invalid`]) a department id that is not a
/// safe folder name and an action that does not belong in this plan (see
/// [`Action::scope`]). Returns the fingerprint of the file as written.
pub fn save_plan(
    root: &Path,
    scope: &PlanScope,
    actions: &[Action],
    expected: Option<&Fingerprint>,
) -> Result<Fingerprint, SaveError> {
    if let PlanScope::Department(id) = scope {
        model::is_department_id(id).map_err(|error| SaveError::Invalid {
            path: root.join(id),
            reason: InvalidReason::BadId(error),
        })?;
    }
    let relative = plan_path(scope);
    if let Some(stray) = actions.iter().find(|a| a.scope() != *scope) {
        return Err(SaveError::Invalid {
            path: root.join(&relative),
            reason: InvalidReason::WrongPlan {
                action: stray.id.clone(),
            },
        });
    }
    let mut sorted = actions.to_vec();
    sorted.sort_by(|a, b| a.id.cmp(&b.id));
    let plan = PlanFile::new(sorted);
    let text = serialize(root, &relative, plan.version, &plan)?;
    save_file(root, &relative, text.as_bytes(), expected, &|existing, file| {
        parse_plan(existing, file)
            .map(|(_, version)| version)
            .map_err(unreadable)
    })
}

/// Writes new plan files for `actions`, one per [`Action::scope`] (for
/// `generate`): fails with [`SaveError::Conflict`] rather than overwrite a
/// plan that is already there. Returns how many files were written.
pub fn create_plans(root: &Path, actions: &[Action]) -> Result<usize, SaveError> {
    let mut by_scope: BTreeMap<PlanScope, Vec<Action>> = BTreeMap::new();
    for action in actions {
        by_scope.entry(action.scope()).or_default().push(action.clone());
    }
    for (scope, actions) in &by_scope {
        save_plan(root, scope, actions, None)?;
    }
    Ok(by_scope.len())
}

/// The RON text a plan is saved as (for tests and previews).
pub fn plan_to_ron(actions: &[Action]) -> Result<String, ron::Error> {
    let mut sorted = actions.to_vec();
    sorted.sort_by(|a, b| a.id.cmp(&b.id));
    to_ron(&PlanFile::new(sorted))
}

/// A plan file that parsed, with where it sits.
pub(crate) struct ParsedPlan {
    pub relative: PathBuf,
    /// `None` for the root plan.
    pub folder: Option<String>,
    pub text: String,
    pub plan: PlanFile,
}

/// What checking the parsed plans found: the actions that load, the
/// problems, and the files that must not be saved over.
pub(crate) struct CheckedPlans {
    pub actions: Vec<Action>,
    pub problems: Vec<Problem>,
    pub read_only: BTreeSet<PathBuf>,
}

/// Checks plans in order (the root plan first, then departments by id):
/// the first file to use an action id keeps it.
pub(crate) fn check_plans(
    plans: &[ParsedPlan],
    workspace: &Workspace,
    framework: Option<&Framework>,
) -> CheckedPlans {
    let mut checked = CheckedPlans {
        actions: Vec::new(),
        problems: Vec::new(),
        read_only: BTreeSet::new(),
    };
    let mut seen: BTreeMap<String, PathBuf> = BTreeMap::new();
    for parsed in plans {
        let file = parsed.relative.as_path();
        let spans = action_spans(&parsed.text, &parsed.plan.actions);
        let folder_known = parsed
            .folder
            .as_deref()
            .is_none_or(|f| workspace.department(f).is_some());
        for (action, span) in parsed.plan.actions.iter().zip(&spans) {
            let at = Finder {
                source: &parsed.text,
                span: *span,
            };
            let mut keep = true;
            let mut problem = |severity_error: bool, position: Position, code: ProblemCode| {
                let problem = if severity_error {
                    Problem::error(file, position, code)
                } else {
                    Problem::warning(file, position, code)
                };
                checked.problems.push(problem);
            };
            let id = action.id.as_str();

            if let Err(error) = model::is_slug_id(id) {
                problem(true, at.start(), ProblemCode::PlanBadActionId { error });
            }
            if let Some(first) = seen.get(id) {
                problem(
                    true,
                    at.start(),
                    ProblemCode::PlanDuplicateAction {
                        action: id.to_owned(),
                        first: first.clone(),
                    },
                );
                keep = false;
            }

            match parsed.folder.as_deref() {
                Some(folder) => {
                    if action.departments.len() != 1 || action.departments[0] != folder {
                        problem(
                            true,
                            at.field("departments"),
                            ProblemCode::PlanOtherDepartment {
                                action: id.to_owned(),
                                folder: folder.to_owned(),
                            },
                        );
                        keep = false;
                    } else if !folder_known {
                        problem(
                            true,
                            at.string_or_field(folder, "departments"),
                            ProblemCode::PlanUnknownDepartment {
                                action: id.to_owned(),
                                department: folder.to_owned(),
                            },
                        );
                        keep = false;
                    }
                }
                None => {
                    if let [only] = action.departments.as_slice() {
                        problem(
                            true,
                            at.field("departments"),
                            ProblemCode::PlanSingleDepartment {
                                action: id.to_owned(),
                                department: only.clone(),
                            },
                        );
                        keep = false;
                    }
                    for department in &action.departments {
                        if workspace.department(department).is_none() {
                            problem(
                                true,
                                at.string_or_field(department, "departments"),
                                ProblemCode::PlanUnknownDepartment {
                                    action: id.to_owned(),
                                    department: department.clone(),
                                },
                            );
                        }
                    }
                }
            }

            if let Some(framework) = framework {
                match &action.addresses {
                    Addresses::Indicators(ids) if ids.is_empty() => problem(
                        false,
                        at.field("addresses"),
                        ProblemCode::PlanNothingAddressed {
                            action: id.to_owned(),
                        },
                    ),
                    Addresses::Indicators(ids) => {
                        for indicator in ids {
                            if framework.indicator(indicator).is_none() {
                                problem(
                                    true,
                                    at.string_or_field(indicator, "addresses"),
                                    ProblemCode::PlanUnknownIndicator {
                                        action: id.to_owned(),
                                        indicator: indicator.clone(),
                                    },
                                );
                            }
                        }
                    }
                    Addresses::Dimension(dimension) => {
                        if framework.dimension(dimension).is_none() {
                            problem(
                                true,
                                at.string_or_field(dimension, "addresses"),
                                ProblemCode::PlanUnknownDimension {
                                    action: id.to_owned(),
                                    dimension: dimension.clone(),
                                },
                            );
                        }
                    }
                }
            }

            if action.due < action.start {
                problem(
                    true,
                    at.field("due"),
                    ProblemCode::PlanDueBeforeStart {
                        action: id.to_owned(),
                        start: action.start,
                        due: action.due,
                    },
                );
            }
            if action.status == ActionStatus::Done && action.done_on.is_none() {
                problem(
                    true,
                    at.field("status"),
                    ProblemCode::PlanDoneWithoutDate {
                        action: id.to_owned(),
                    },
                );
            }
            for (field, length) in action_lengths(action) {
                problem(
                    true,
                    at.field(field_key(field)),
                    ProblemCode::TextTooLong {
                        field,
                        item: Some(id.to_owned()),
                        length,
                    },
                );
                keep = false;
            }
            if action.title.is_empty() {
                problem(
                    false,
                    at.field("title"),
                    ProblemCode::PlanEmptyTitle {
                        action: id.to_owned(),
                    },
                );
            }

            if keep {
                seen.insert(id.to_owned(), parsed.relative.clone());
                checked.actions.push(action.clone());
            } else {
                checked.read_only.insert(parsed.relative.clone());
            }
        }
    }
    checked
}

/// Each text of `action` over its limit (see [`crate::model::limits`]),
/// with its length (for the links, how many): the longest of each field.
fn action_lengths(action: &Action) -> Vec<(TextField, usize)> {
    let longest = |field: TextField, texts: &mut dyn Iterator<Item = &str>| {
        texts
            .filter_map(|text| over_limit(text, field.limit()))
            .max()
            .map(|n| (field, n))
    };
    let owner = &action.owner;
    let links = action.links.len();
    [
        longest(
            TextField::ActionTitle,
            &mut [action.title.en.as_str(), action.title.zh.as_str()].into_iter(),
        ),
        longest(
            TextField::ActionDescription,
            &mut [action.description.en.as_str(), action.description.zh.as_str()].into_iter(),
        ),
        longest(
            TextField::ActionOwner,
            &mut [
                owner.unit.en.as_str(),
                owner.unit.zh.as_str(),
                owner.person.as_str(),
            ]
            .into_iter(),
        ),
        longest(
            TextField::ActionNote,
            &mut action
                .notes
                .iter()
                .flat_map(|n| [n.text.en.as_str(), n.text.zh.as_str(), n.who.as_str()]),
        ),
        (links > TextField::ActionLinks.limit()).then_some((TextField::ActionLinks, links)),
        longest(
            TextField::ActionLink,
            &mut action.links.iter().map(String::as_str),
        ),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// The field of an action a text over its limit is in.
fn field_key(field: TextField) -> &'static str {
    match field {
        TextField::ActionTitle => "title",
        TextField::ActionDescription => "description",
        TextField::ActionOwner => "owner",
        TextField::ActionNote => "notes",
        _ => "links",
    }
}

/// Where each action's text starts and ends (byte offsets): from its
/// `id: "…"` to the next action's. Found in order, so a repeated id finds
/// its own place; `None` when an id cannot be found (it falls back to the
/// start of the file).
fn action_spans(source: &str, actions: &[Action]) -> Vec<Option<(usize, usize)>> {
    let mut starts = Vec::with_capacity(actions.len());
    let mut from = 0;
    for action in actions {
        let found = find_id(source, &action.id, from);
        if let Some(offset) = found {
            from = offset + 1;
        }
        starts.push(found);
    }
    let mut spans = Vec::with_capacity(starts.len());
    for (index, start) in starts.iter().enumerate() {
        spans.push(start.map(|start| {
            let end = starts[index + 1..]
                .iter()
                .flatten()
                .next()
                .copied()
                .unwrap_or(source.len());
            (start, end)
        }));
    }
    spans
}

/// The offset of the `id` field whose value is `"id"`, at or after `from`.
fn find_id(source: &str, id: &str, from: usize) -> Option<usize> {
    let needle = format!("\"{}\"", escape(id));
    let mut at = from;
    while let Some(found) = source.get(at..)?.find(&needle) {
        let offset = at + found;
        let before = source[..offset].trim_end();
        if let Some(rest) = before.strip_suffix(':') {
            let rest = rest.trim_end();
            if let Some(field_start) = rest.strip_suffix("id")
                && field_start
                    .as_bytes()
                    .last()
                    .is_none_or(|b| !(b.is_ascii_alphanumeric() || *b == b'_'))
                && field_start.len() >= from
            {
                return Some(field_start.len());
            }
        }
        at = offset + needle.len();
    }
    None
}

/// How a string is written inside RON quotes (enough for locating it).
fn escape(text: &str) -> String {
    text.replace('\\', "\\\\").replace('"', "\\\"")
}

/// Finds text inside one action's span.
struct Finder<'a> {
    source: &'a str,
    span: Option<(usize, usize)>,
}

impl Finder<'_> {
    fn start(&self) -> Position {
        self.span.map_or(Position::START, |(start, _)| {
            Position::of_offset(self.source, start)
        })
    }

    fn within(&self) -> Option<(usize, &str)> {
        let (start, end) = self.span?;
        Some((start, self.source.get(start..end)?))
    }

    /// Where `field:` is written in the action (else its start).
    fn field(&self, field: &str) -> Position {
        self.within()
            .and_then(|(start, text)| {
                text.match_indices(field)
                    .map(|(offset, _)| offset)
                    .find(|&offset| {
                        let before = text.as_bytes().get(offset.wrapping_sub(1));
                        let before_ok =
                            offset == 0 || before.is_none_or(|b| !(b.is_ascii_alphanumeric() || *b == b'_'));
                        before_ok && text[offset + field.len()..].trim_start().starts_with(':')
                    })
                    .map(|offset| Position::of_offset(self.source, start + offset))
            })
            .unwrap_or_else(|| self.start())
    }

    /// Where `"text"` is written in the action, else where `field` is.
    fn string_or_field(&self, text: &str, field: &str) -> Position {
        let needle = format!("\"{}\"", escape(text));
        self.within()
            .and_then(|(start, within)| {
                within
                    .find(&needle)
                    .map(|offset| Position::of_offset(self.source, start + offset))
            })
            .unwrap_or_else(|| self.field(field))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plan_paths() {
        assert_eq!(plan_path(&PlanScope::Government), PathBuf::from("plan.ron"));
        assert_eq!(
            plan_path(&PlanScope::Department("police".into())),
            Path::new("police").join("plan.ron")
        );
    }

    #[test]
    fn ids_are_found_in_order_and_only_as_ids() {
        let source = "(\n    actions: [\n        (\n            title: \"a\",\n            id: \"a\",\n        ),\n        (\n            id: \"a\",\n        ),\n    ],\n)\n";
        let first = find_id(source, "a", 0).unwrap();
        assert_eq!(
            Position::of_offset(source, first),
            Position { line: 5, column: 13 }
        );
        let second = find_id(source, "a", first + 1).unwrap();
        assert_eq!(
            Position::of_offset(source, second),
            Position { line: 8, column: 13 }
        );
        assert_eq!(find_id(source, "b", 0), None);
    }

    #[test]
    fn an_empty_plan_reads_back() {
        let text = plan_to_ron(&[]).unwrap();
        let (plan, version) = parse_plan(&text, Path::new("plan.ron")).unwrap();
        assert_eq!((plan.actions.len(), version), (0, crate::model::FORMAT_VERSION));
    }
}
