//! Checks across files that parsing alone cannot make: ids that must exist,
//! be unique and be safe; files whose place disagrees with their content.
//! Each problem points at the offending text in the file.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use chrono::NaiveDate;

use super::paths::PERIOD_FORMAT;
use super::problem::{Locator, Position, Problem};
use crate::model::{self, Assessment, Framework, Workspace};

/// Problems in `workspace.ron`. `framework` is `None` when the framework
/// could not be loaded, so targets and weights cannot be checked against it.
pub(crate) fn check_workspace(
    workspace: &Workspace,
    framework: Option<&Framework>,
    source: &str,
    file: &Path,
) -> Vec<Problem> {
    let at = Locator::new(source);
    let mut problems = Vec::new();
    let ids: BTreeSet<&str> = workspace.departments.iter().map(|d| d.id.as_str()).collect();

    let mut seen_ids: BTreeMap<&str, usize> = BTreeMap::new();
    let mut seen_parents: BTreeMap<&str, usize> = BTreeMap::new();
    for department in &workspace.departments {
        let id = department.id.as_str();
        let nth = *seen_ids.get(id).unwrap_or(&0);
        seen_ids.insert(id, nth + 1);
        let here = || at.field_value("id", id, nth).unwrap_or(Position::START);
        if let Err(e) = model::is_department_id(id) {
            problems.push(Problem::error(
                file,
                here(),
                format!(
                    "department {e}; department ids are also folder names, so rename it (and its folder)"
                ),
            ));
        }
        if nth == 1 {
            problems.push(Problem::error(
                file,
                here(),
                format!(
                    "department id \"{id}\" is used twice; each department needs its own id, so rename one"
                ),
            ));
        }
        if let Some(parent) = department.parent.as_deref() {
            let nth_parent = *seen_parents.get(parent).unwrap_or(&0);
            seen_parents.insert(parent, nth_parent + 1);
            let there = || at.field_value("parent", parent, nth_parent).unwrap_or_else(here);
            if parent == id {
                problems.push(Problem::error(
                    file,
                    there(),
                    format!(
                        "department \"{id}\" is its own parent; remove `parent` or name another department"
                    ),
                ));
            } else if !ids.contains(parent) {
                problems.push(Problem::error(
                    file,
                    there(),
                    format!(
                        "the parent \"{parent}\" of department \"{id}\" is not a department in this workspace; \
                         add it to `departments` or fix the id"
                    ),
                ));
            }
        }
    }
    problems.extend(parent_cycles(workspace, &at, file));

    if let Some(framework) = framework {
        problems.extend(check_targets(workspace, framework, &ids, &at, file));
        problems.extend(check_weights(workspace, framework, &at, file));
    }
    problems
}

/// Reports each cycle of parents once, at the department with the smallest id in it.
fn parent_cycles(workspace: &Workspace, at: &Locator<'_>, file: &Path) -> Vec<Problem> {
    let parents: BTreeMap<&str, &str> = workspace
        .departments
        .iter()
        .filter_map(|d| d.parent.as_deref().map(|p| (d.id.as_str(), p)))
        .collect();
    let mut problems = Vec::new();
    for (&start, &first_parent) in &parents {
        let mut chain = vec![start];
        let mut current = start;
        while let Some(&parent) = parents.get(current) {
            if parent == start {
                let smallest = chain.iter().min().is_some_and(|&min| min == start);
                if smallest && chain.len() > 1 {
                    chain.push(start);
                    problems.push(Problem::error(
                        file,
                        at.field_value("parent", first_parent, 0)
                            .unwrap_or(Position::START),
                        format!(
                            "the departments {} form a cycle of parents; remove one `parent` to break it",
                            chain.join(" → ")
                        ),
                    ));
                }
                break;
            }
            if chain.contains(&parent) {
                break; // a cycle that does not include `start`; reported from inside it
            }
            chain.push(parent);
            current = parent;
        }
    }
    problems
}

fn check_targets(
    workspace: &Workspace,
    framework: &Framework,
    departments: &BTreeSet<&str>,
    at: &Locator<'_>,
    file: &Path,
) -> Vec<Problem> {
    let mut problems = Vec::new();
    let dimension_ids = || {
        framework
            .dimensions
            .iter()
            .map(|d| format!("\"{}\"", d.id))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut counts: BTreeMap<(&str, String), usize> = BTreeMap::new();
    let mut next = |field: &'static str, value: &str| -> usize {
        let count = counts.entry((field, value.to_owned())).or_insert(0);
        *count += 1;
        *count - 1
    };
    let repeated = model::repeated_targets(&workspace.targets);
    for (index, target) in workspace.targets.iter().enumerate() {
        if let Some(department) = target.department.as_deref() {
            let n = next("department", department);
            if !departments.contains(department) {
                problems.push(Problem::error(
                    file,
                    at.field_value("department", department, n)
                        .unwrap_or(Position::START),
                    format!(
                        "a target names department \"{department}\", which is not in this workspace; \
                         fix the id or remove the target"
                    ),
                ));
            }
        }
        let n = next("dimension", &target.dimension);
        let dimension_at = || {
            at.field_value("dimension", &target.dimension, n)
                .unwrap_or(Position::START)
        };
        if repeated.contains(&index) {
            let scope = target
                .department
                .as_deref()
                .map_or_else(|| "all departments".to_owned(), |d| format!("department \"{d}\""));
            let what = match target.indicator.as_deref() {
                Some(indicator) => format!("indicator \"{indicator}\""),
                None => format!("dimension \"{}\"", target.dimension),
            };
            problems.push(Problem::error(
                file,
                dimension_at(),
                format!(
                    "a second target for {what} of {scope}; only one can apply, so remove one of them \
                     or change its department, dimension or indicator"
                ),
            ));
        }
        if framework.dimension(&target.dimension).is_none() {
            problems.push(Problem::error(
                file,
                dimension_at(),
                format!(
                    "a target names dimension \"{}\", which the framework does not have; use one of {}",
                    target.dimension,
                    dimension_ids()
                ),
            ));
        }
        if let Some(indicator) = target.indicator.as_deref() {
            let n = next("indicator", indicator);
            let here = || {
                at.field_value("indicator", indicator, n)
                    .unwrap_or_else(dimension_at)
            };
            match framework.indicator(indicator) {
                None => problems.push(Problem::error(
                    file,
                    here(),
                    format!(
                        "a target names indicator \"{indicator}\", which the framework does not have; \
                         fix the id or remove the target"
                    ),
                )),
                Some((dimension, _)) if dimension.id != target.dimension => problems.push(Problem::error(
                    file,
                    here(),
                    format!(
                        "indicator \"{indicator}\" belongs to dimension \"{}\", but the target says \
                         dimension \"{}\"; make them agree",
                        dimension.id, target.dimension
                    ),
                )),
                Some(_) => {}
            }
        }
    }
    problems
}

fn check_weights(
    workspace: &Workspace,
    framework: &Framework,
    at: &Locator<'_>,
    file: &Path,
) -> Vec<Problem> {
    let mut problems = Vec::new();
    for (id, weight) in &workspace.weights {
        let here = || at.map_key(id).unwrap_or(Position::START);
        if framework.dimension(id).is_none() && framework.indicator(id).is_none() {
            problems.push(Problem::error(
                file,
                here(),
                format!(
                    "a weight is set for \"{id}\", but the framework has no dimension or indicator with \
                     that id; fix the id or remove the weight"
                ),
            ));
        }
        if !model::is_valid_weight(*weight) {
            problems.push(Problem::error(
                file,
                here(),
                format!(
                    "the weight of \"{id}\" is {}; weights must be greater than 0 and at most {}, \
                     so set a number in that range (weights are relative: 2 counts twice as much as 1)",
                    weight_text(*weight),
                    model::MAX_WEIGHT
                ),
            ));
        }
    }
    problems
}

/// Problems [`Framework::check`] finds in a custom framework, each placed at
/// the first id its message quotes (or the second, for a repeated id).
pub(crate) fn check_framework(framework: &Framework, source: &str, file: &Path) -> Vec<Problem> {
    let at = Locator::new(source);
    let mut problems: Vec<Problem> = framework
        .check()
        .into_iter()
        .map(|message| {
            let quoted = message.split('"').nth(1).filter(|q| !q.is_empty());
            let here = match quoted {
                Some(id) if message.contains("used twice") => at.field_value("id", id, 1),
                Some(id) => at.field_value("id", id, 0).or_else(|| at.string(id)),
                None if message.contains("levels") => at.field("levels"),
                None => None,
            };
            Problem::error(file, here.unwrap_or(Position::START), message)
        })
        .collect();
    problems.extend(framework_weights_too_large(framework, &at, file));
    problems
}

/// Weights above [`model::MAX_WEIGHT`] in a framework. (Weights that are not
/// positive numbers at all are [`Framework::check`]'s problems.)
fn framework_weights_too_large(framework: &Framework, at: &Locator<'_>, file: &Path) -> Vec<Problem> {
    let dimensions = framework
        .dimensions
        .iter()
        .map(|d| (&d.id, d.weight, "dimension"));
    let indicators = framework
        .indicators()
        .map(|(_, i)| (&i.id, i.weight, "indicator"));
    dimensions
        .chain(indicators)
        .filter(|(_, weight, _)| weight.is_finite() && *weight > model::MAX_WEIGHT)
        .map(|(id, weight, what)| {
            Problem::error(
                file,
                at.field_value("id", id, 0).unwrap_or(Position::START),
                format!(
                    "{what} \"{id}\" has weight {}; weights must be greater than 0 and at most {}, \
                     so set its `weight` to a number in that range",
                    weight_text(weight),
                    model::MAX_WEIGHT
                ),
            )
        })
        .collect()
}

/// A weight as a person would write it: 1e308 rather than its 309 digits.
fn weight_text(weight: f64) -> String {
    if weight != 0.0 && weight.is_finite() && !(1e-4..1e6).contains(&weight.abs()) {
        format!("{weight:e}")
    } else {
        weight.to_string()
    }
}

/// What an assessment is checked against.
pub(crate) struct AssessmentContext<'a> {
    pub workspace: &'a Workspace,
    pub framework: &'a Framework,
    /// False when the framework is a stand-in for one that failed to load:
    /// then every answer would look unknown, which helps nobody.
    pub check_indicators: bool,
}

/// Problems in one assessment, and whether it may join the dataset. An
/// assessment whose file name disagrees with its content, or whose department
/// is unknown, is left out: saving it would write to another file.
pub(crate) fn check_assessment(
    assessment: &Assessment,
    folder: &str,
    period: NaiveDate,
    source: &str,
    file: &Path,
    context: &AssessmentContext<'_>,
) -> (Vec<Problem>, bool) {
    let at = Locator::new(source);
    let mut problems = Vec::new();
    let mut keep = true;
    let department = assessment.department.as_str();
    // Positions are looked up only for problems: searching is the slow part.
    let department_at = || {
        at.field_value("department", department, 0)
            .or_else(|| at.field("department"))
            .unwrap_or(Position::START)
    };

    if let Err(e) = model::is_department_id(department) {
        problems.push(Problem::error(
            file,
            department_at(),
            format!("department {e}; write the id of a department in workspace.ron (it is also this file's folder)"),
        ));
        keep = false;
    } else if department != folder {
        problems.push(Problem::error(
            file,
            department_at(),
            format!(
                "this file is in the folder \"{folder}\" but says department \"{department}\"; move it to \
                 {department}/ or correct the department, so the folder and the content agree"
            ),
        ));
        keep = false;
    } else if context.workspace.department(department).is_none() {
        problems.push(Problem::error(
            file,
            department_at(),
            format!(
                "department \"{department}\" is not in workspace.ron; add it to `departments` there, \
                 or move this file to the folder of the right department"
            ),
        ));
        keep = false;
    }

    if assessment.period != period {
        let written = assessment.period.format(PERIOD_FORMAT).to_string();
        let expected = period.format(PERIOD_FORMAT);
        problems.push(Problem::error(
            file,
            at.field_value("period", &written, 0)
                .or_else(|| at.field("period"))
                .unwrap_or(Position::START),
            format!(
                "this file is named {expected}.ron but says period \"{written}\"; rename the file to \
                 {written}.ron or correct the period, so the name and the content agree"
            ),
        ));
        keep = false;
    }

    let framework = context.framework;
    if assessment.framework != framework.id {
        problems.push(Problem::warning(
            file,
            at.field_value("framework", &assessment.framework, 0)
                .unwrap_or(Position::START),
            format!(
                "this assessment was made with framework \"{}\", but the workspace uses \"{}\"; answers are \
                 matched by indicator id, so check them, then set `framework: \"{}\"`",
                assessment.framework, framework.id, framework.id
            ),
        ));
    } else if assessment.framework_version != framework.framework_version {
        problems.push(Problem::warning(
            file,
            at.field("framework_version").unwrap_or(Position::START),
            format!(
                "this assessment was made with version {} of framework \"{}\", but the workspace uses \
                 version {}; review the answers against the current rubric, then set `framework_version: {}`",
                assessment.framework_version,
                framework.id,
                framework.framework_version,
                framework.framework_version
            ),
        ));
    }

    if context.check_indicators {
        for indicator in assessment.answers.keys() {
            let here = || at.map_key(indicator).unwrap_or(Position::START);
            if let Err(e) = model::is_indicator_id(indicator) {
                problems.push(Problem::error(
                    file,
                    here(),
                    format!("indicator {e}; indicator ids look like \"sharing.open\""),
                ));
            } else if framework.indicator(indicator).is_none() {
                problems.push(Problem::error(
                    file,
                    here(),
                    format!(
                        "the framework has no indicator \"{indicator}\", so this answer is ignored; fix the id \
                         (see the Framework tab or `govmaturity validate`) or remove the answer"
                    ),
                ));
            }
        }
    }
    (problems, keep)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Department, DepartmentKind, Text};

    fn department(id: &str, parent: Option<&str>) -> Department {
        Department {
            id: id.to_owned(),
            name: Text::new(id, id),
            kind: DepartmentKind::Other,
            parent: parent.map(str::to_owned),
            archived: false,
        }
    }

    #[test]
    fn cycles_are_reported_once() {
        let mut workspace = Workspace::new(Text::new("t", "t"));
        workspace.departments = vec![
            department("a", Some("b")),
            department("b", Some("c")),
            department("c", Some("a")),
            department("d", Some("a")),
        ];
        let source = super::super::format::to_ron(&workspace).unwrap();
        let problems = check_workspace(&workspace, None, &source, Path::new("workspace.ron"));
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].message.contains("a → b → c → a"), "{}", problems[0]);
    }
}
