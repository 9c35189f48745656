//! Checks across files that parsing alone cannot make: ids that must exist,
//! be unique and be safe; files whose place disagrees with their content;
//! approved answers changed since their approval. Each problem points at
//! the offending text in the file.

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::path::Path;

use chrono::NaiveDate;

use super::paths::PERIOD_FORMAT;
use super::problem::{Locator, Position, Problem, ProblemCode};
use crate::model::limits::{TextField, over_limit};
use crate::model::{self, Assessment, Dataset, Framework, FrameworkIssue, IdSubject, Rating, Workspace};

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
        if let Err(error) = model::is_department_id(id) {
            problems.push(Problem::error(
                file,
                here(),
                ProblemCode::BadId {
                    subject: IdSubject::Department,
                    error,
                },
            ));
        }
        if nth == 1 {
            problems.push(Problem::error(
                file,
                here(),
                ProblemCode::DuplicateId {
                    subject: IdSubject::Department,
                    id: id.to_owned(),
                },
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
                    ProblemCode::OwnParent { id: id.to_owned() },
                ));
            } else if !ids.contains(parent) {
                problems.push(Problem::error(
                    file,
                    there(),
                    ProblemCode::UnknownParent {
                        id: id.to_owned(),
                        parent: parent.to_owned(),
                    },
                ));
            }
        }
    }
    problems.extend(parent_cycles(workspace, &at, file));
    problems.extend(workspace_lengths(workspace, &at, file));

    if let Some(framework) = framework {
        problems.extend(check_targets(workspace, framework, &ids, &at, file));
        problems.extend(check_weights(workspace, framework, &at, file));
    }
    problems
}

/// A problem for each text of the workspace over its limit: the title,
/// departments' names and the report settings, in either language. The
/// workspace is still loaded (its texts are printed, never cut); the error
/// says which text to shorten.
fn workspace_lengths(workspace: &Workspace, at: &Locator<'_>, file: &Path) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut measure = |field: TextField, texts: &[&str], item: Option<&str>, position: Option<Position>| {
        let longest = texts
            .iter()
            .filter_map(|text| over_limit(text, field.limit()))
            .max();
        if let Some(length) = longest {
            problems.push(Problem::error(
                file,
                position.unwrap_or(Position::START),
                ProblemCode::TextTooLong {
                    field,
                    item: item.map(str::to_owned),
                    length,
                },
            ));
        }
    };
    let title = &workspace.title;
    measure(
        TextField::WorkspaceTitle,
        &[&title.en, &title.zh],
        None,
        at.field("title"),
    );
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    for department in &workspace.departments {
        let id = department.id.as_str();
        let nth = seen.entry(id).or_insert(0);
        let name = &department.name;
        measure(
            TextField::DepartmentName,
            &[&name.en, &name.zh],
            Some(id),
            at.field_value("id", id, *nth),
        );
        *nth += 1;
    }
    let report = &workspace.report;
    for (name, texts) in [
        (
            "issuing_office",
            vec![
                report.issuing_office.en.as_str(),
                report.issuing_office.zh.as_str(),
            ],
        ),
        ("document_number", vec![report.document_number.as_str()]),
        ("prepared_by", vec![report.prepared_by.as_str()]),
        ("reviewed_by", vec![report.reviewed_by.as_str()]),
        ("approved_by", vec![report.approved_by.as_str()]),
    ] {
        measure(TextField::ReportSetting, &texts, None, at.field(name));
    }
    problems
}

/// Reports each cycle of parents once, at the department with the smallest
/// id in it, its chain starting and ending there. Each department is walked
/// once (a path is followed until it meets a department already walked), so
/// a chain of thousands of parents checks in linear time.
fn parent_cycles(workspace: &Workspace, at: &Locator<'_>, file: &Path) -> Vec<Problem> {
    let parents: BTreeMap<&str, &str> = workspace
        .departments
        .iter()
        .filter_map(|d| d.parent.as_deref().map(|p| (d.id.as_str(), p)))
        .collect();
    // Walked departments: `true` while on the path being followed.
    let mut walked: BTreeMap<&str, bool> = BTreeMap::new();
    let mut cycles: Vec<Vec<&str>> = Vec::new();
    for &start in parents.keys() {
        if walked.contains_key(start) {
            continue;
        }
        let mut path: Vec<&str> = Vec::new();
        let mut current = Some(start);
        while let Some(id) = current {
            match walked.get(id) {
                // Back on this path: the part of it from `id` on is a cycle.
                Some(true) => {
                    if let Some(from) = path.iter().position(|&p| p == id) {
                        cycles.push(path[from..].to_vec());
                    }
                    break;
                }
                // Met an earlier walk: nothing new beyond this point.
                Some(false) => break,
                None => {
                    walked.insert(id, true);
                    path.push(id);
                    current = parents.get(id).copied();
                }
            }
        }
        for id in path {
            walked.insert(id, false);
        }
    }
    let mut problems: Vec<(&str, Problem)> = cycles
        .into_iter()
        .filter(|cycle| cycle.len() > 1)
        .filter_map(|cycle| {
            let (smallest, _) = cycle.iter().enumerate().min_by_key(|(_, id)| **id)?;
            let mut chain: Vec<String> = cycle[smallest..]
                .iter()
                .chain(&cycle[..smallest])
                .map(|id| (*id).to_owned())
                .collect();
            let first = chain.first()?.clone();
            chain.push(first.clone());
            let first_parent = parents.get(first.as_str()).copied().unwrap_or_default();
            let problem = Problem::error(
                file,
                at.field_value("parent", first_parent, 0)
                    .unwrap_or(Position::START),
                ProblemCode::ParentCycle { chain },
            );
            Some((cycle[smallest], problem))
        })
        .collect();
    // In the order of the department each is reported at, as before.
    problems.sort_by(|a, b| a.0.cmp(b.0));
    problems.into_iter().map(|(_, problem)| problem).collect()
}

fn check_targets(
    workspace: &Workspace,
    framework: &Framework,
    departments: &BTreeSet<&str>,
    at: &Locator<'_>,
    file: &Path,
) -> Vec<Problem> {
    let mut problems = Vec::new();
    let dimension_ids = || framework.dimensions.iter().map(|d| d.id.clone()).collect();
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
                    ProblemCode::TargetUnknownDepartment {
                        department: department.to_owned(),
                    },
                ));
            }
        }
        let n = next("dimension", &target.dimension);
        let dimension_at = || {
            at.field_value("dimension", &target.dimension, n)
                .unwrap_or(Position::START)
        };
        if repeated.contains(&index) {
            problems.push(Problem::error(
                file,
                dimension_at(),
                match &target.indicator {
                    Some(indicator) => ProblemCode::DuplicateTarget {
                        department: target.department.clone(),
                        subject: IdSubject::Indicator,
                        id: indicator.clone(),
                    },
                    None => ProblemCode::DuplicateTarget {
                        department: target.department.clone(),
                        subject: IdSubject::Dimension,
                        id: target.dimension.clone(),
                    },
                },
            ));
        }
        if framework.dimension(&target.dimension).is_none() {
            problems.push(Problem::error(
                file,
                dimension_at(),
                ProblemCode::TargetUnknownDimension {
                    dimension: target.dimension.clone(),
                    known: dimension_ids(),
                },
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
                    ProblemCode::TargetUnknownIndicator {
                        indicator: indicator.to_owned(),
                    },
                )),
                Some((dimension, _)) if dimension.id != target.dimension => problems.push(Problem::error(
                    file,
                    here(),
                    ProblemCode::TargetWrongDimension {
                        indicator: indicator.to_owned(),
                        belongs_to: dimension.id.clone(),
                    },
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
                ProblemCode::WeightUnknownId { id: id.clone() },
            ));
        }
        if !model::is_valid_weight(*weight) {
            problems.push(Problem::error(
                file,
                here(),
                ProblemCode::WeightOutOfRange {
                    subject: if framework.dimension(id).is_some() {
                        IdSubject::Dimension
                    } else {
                        IdSubject::Indicator
                    },
                    id: id.clone(),
                    weight: *weight,
                },
            ));
        }
    }
    problems
}

/// Problems [`Framework::check`] finds in a custom framework, each placed at
/// the id it is about (the second one, for a repeated id).
pub(crate) fn check_framework(framework: &Framework, source: &str, file: &Path) -> Vec<Problem> {
    let at = Locator::new(source);
    let mut problems: Vec<Problem> = framework
        .check()
        .into_iter()
        .map(|issue| {
            let here = match &issue {
                FrameworkIssue::BadId { error, .. } => at
                    .field_value("id", error.id(), 0)
                    .or_else(|| at.string(error.id())),
                FrameworkIssue::DuplicateId { id, .. } => at.field_value("id", id, 1),
                FrameworkIssue::WeightNotPositive { id, .. }
                | FrameworkIssue::NoIndicators { dimension: id }
                | FrameworkIssue::OutsideDimension { indicator: id, .. }
                | FrameworkIssue::DescriptorCount { indicator: id, .. } => {
                    at.field_value("id", id, 0).or_else(|| at.string(id))
                }
                FrameworkIssue::LevelCount { .. } => at.field("levels"),
                FrameworkIssue::NoDimensions => at.field("dimensions"),
            };
            Problem::error(file, here.unwrap_or(Position::START), issue.into())
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
        .map(|d| (&d.id, d.weight, IdSubject::Dimension));
    let indicators = framework
        .indicators()
        .map(|(_, i)| (&i.id, i.weight, IdSubject::Indicator));
    dimensions
        .chain(indicators)
        .filter(|(_, weight, _)| weight.is_finite() && *weight > model::MAX_WEIGHT)
        .map(|(id, weight, subject)| {
            Problem::error(
                file,
                at.field_value("id", id, 0).unwrap_or(Position::START),
                ProblemCode::WeightOutOfRange {
                    subject,
                    id: id.clone(),
                    weight,
                },
            )
        })
        .collect()
}

/// What an assessment is checked against, with its ids indexed: every file
/// looks its department and answers up, and a linear search through 10,000
/// departments per file made loading quadratic.
pub(crate) struct AssessmentContext<'a> {
    /// The workspace and framework (no assessments).
    pub data: &'a Dataset,
    /// False when the framework is a stand-in for one that failed to load:
    /// then every answer would look unknown, which helps nobody.
    pub check_indicators: bool,
    departments: HashSet<&'a str>,
    indicators: HashSet<&'a str>,
}

impl<'a> AssessmentContext<'a> {
    pub fn new(data: &'a Dataset, check_indicators: bool) -> Self {
        AssessmentContext {
            data,
            check_indicators,
            departments: data.workspace.departments.iter().map(|d| d.id.as_str()).collect(),
            indicators: data.framework.indicators().map(|(_, i)| i.id.as_str()).collect(),
        }
    }
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

    if let Err(error) = model::is_department_id(department) {
        problems.push(Problem::error(
            file,
            department_at(),
            ProblemCode::BadId {
                subject: IdSubject::Department,
                error,
            },
        ));
        keep = false;
    } else if department != folder {
        problems.push(Problem::error(
            file,
            department_at(),
            ProblemCode::WrongFolder {
                folder: folder.to_owned(),
                department: department.to_owned(),
            },
        ));
        keep = false;
    } else if !context.departments.contains(department) {
        problems.push(Problem::error(
            file,
            department_at(),
            ProblemCode::UnknownDepartment {
                department: department.to_owned(),
            },
        ));
        keep = false;
    }

    if assessment.period != period {
        let written = assessment.period.format(PERIOD_FORMAT).to_string();
        problems.push(Problem::error(
            file,
            at.field_value("period", &written, 0)
                .or_else(|| at.field("period"))
                .unwrap_or(Position::START),
            ProblemCode::WrongPeriod {
                named: period,
                written: assessment.period,
            },
        ));
        keep = false;
    }

    let framework = &context.data.framework;
    if assessment.framework != framework.id {
        problems.push(Problem::warning(
            file,
            at.field_value("framework", &assessment.framework, 0)
                .unwrap_or(Position::START),
            ProblemCode::OtherFramework {
                used: assessment.framework.clone(),
                expected: framework.id.clone(),
            },
        ));
    } else if assessment.framework_version != framework.framework_version {
        problems.push(Problem::warning(
            file,
            at.field("framework_version").unwrap_or(Position::START),
            ProblemCode::OtherFrameworkVersion {
                framework: framework.id.clone(),
                used: assessment.framework_version,
                expected: framework.framework_version,
            },
        ));
    }

    let too_long = check_lengths(assessment, &at, file);
    keep &= too_long.is_empty();
    problems.extend(too_long);
    if !assessment.responses.is_empty() || !assessment.consensus_notes.is_empty() {
        let (found, fits) = check_responses(assessment, &at, file, context);
        keep &= fits;
        problems.extend(found);
    }

    if let Some(approval) = assessment.changed_after_approval() {
        problems.push(Problem::error(
            file,
            at.field("answers")
                .or_else(|| at.field("status"))
                .unwrap_or(Position::START),
            ProblemCode::ChangedAfterApproval {
                file: file.to_path_buf(),
                approved_by: approval.who.clone(),
                approved_at: approval.at,
            },
        ));
    }

    if context.check_indicators {
        for indicator in assessment.answers.keys() {
            let here = || at.map_key(indicator).unwrap_or(Position::START);
            if let Err(error) = model::is_indicator_id(indicator) {
                problems.push(Problem::error(
                    file,
                    here(),
                    ProblemCode::BadId {
                        subject: IdSubject::Indicator,
                        error,
                    },
                ));
            } else if !context.indicators.contains(indicator) {
                problems.push(Problem::error(
                    file,
                    here(),
                    ProblemCode::UnknownIndicator {
                        indicator: indicator.to_owned(),
                    },
                ));
            }
        }
    }
    (problems, keep)
}

/// A problem for each text of `assessment` over its limit (see
/// [`crate::model::limits`]), at the answer's key or the field. Such a
/// file is not loaded (and so never rewritten with its text cut): the
/// problem says which text to shorten.
fn check_lengths(assessment: &Assessment, at: &Locator<'_>, file: &Path) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut report = |field: TextField, length: Option<usize>, indicator: Option<&str>| {
        let Some(length) = length else { return };
        let position = match indicator {
            Some(id) => at.map_key(id),
            None => at.field(field_name(field)),
        };
        problems.push(Problem::error(
            file,
            position.unwrap_or(Position::START),
            ProblemCode::TextTooLong {
                field,
                item: indicator.map(str::to_owned),
                length,
            },
        ));
    };
    let measure = |field: TextField, text: &str| over_limit(text, field.limit());
    for (field, text) in [
        (TextField::Assessor, &assessment.assessor),
        (TextField::Reviewer, &assessment.reviewer),
        (TextField::ReviewComment, &assessment.review_comment),
    ] {
        report(field, measure(field, text), None);
    }
    for (id, answer) in assessment.answers.iter() {
        let here = Some(id);
        report(
            TextField::Evidence,
            measure(TextField::Evidence, &answer.evidence),
            here,
        );
        report(
            TextField::Comment,
            measure(TextField::Comment, &answer.comment),
            here,
        );
        if let Rating::NotApplicable { reason } = &answer.rating {
            report(TextField::Reason, measure(TextField::Reason, reason), here);
        }
        let links = answer.links.len();
        report(
            TextField::Links,
            (links > TextField::Links.limit()).then_some(links),
            here,
        );
        for link in &answer.links {
            report(TextField::Link, measure(TextField::Link, link), here);
        }
    }
    problems
}

/// Problems with several assessors' responses and the consensus notes,
/// each at the response's field or answer it is about, and whether every
/// text is within its limit (a file with one over is not loaded, as in
/// [`check_lengths`]).
fn check_responses(
    assessment: &Assessment,
    at: &Locator<'_>,
    file: &Path,
    context: &AssessmentContext<'_>,
) -> (Vec<Problem>, bool) {
    let mut problems = Vec::new();
    let mut fits = true;
    let responses_at = at.field_offset("responses", 0).unwrap_or(0);
    // Where each response's `assessor:` is written: responses are written
    // in order, each with its name first.
    let mut starts = Vec::with_capacity(assessment.responses.len());
    let mut from = responses_at;
    for _ in &assessment.responses {
        let start = at.field_offset("assessor", from);
        starts.push(start.unwrap_or(responses_at));
        from = start.map_or(from, |offset| offset + 1);
    }
    let mut seen: HashSet<&str> = HashSet::new();
    for (index, response) in assessment.responses.iter().enumerate() {
        let start = starts[index];
        let here = || at.at_offset(start);
        let assessor = response.assessor.trim();
        if assessor.is_empty() {
            problems.push(Problem::error(
                file,
                here(),
                ProblemCode::ResponseNoAssessor { number: index + 1 },
            ));
        } else if !seen.insert(assessor) {
            problems.push(Problem::error(
                file,
                here(),
                ProblemCode::ResponseDuplicateAssessor {
                    assessor: assessor.to_owned(),
                },
            ));
        }
        let mut too_long = |field: TextField, length: Option<usize>, indicator: Option<&str>| {
            let Some(length) = length else { return };
            let position = match indicator {
                Some(id) => at.map_key_from(id, start),
                None => at.field_offset(field_name(field), start).map(|o| at.at_offset(o)),
            };
            problems.push(Problem::error(
                file,
                position.unwrap_or_else(here),
                ProblemCode::ResponseTextTooLong {
                    assessor: assessor.to_owned(),
                    field,
                    indicator: indicator.map(str::to_owned),
                    length,
                },
            ));
            fits = false;
        };
        let measure = |field: TextField, text: &str| over_limit(text, field.limit());
        too_long(
            TextField::Assessor,
            measure(TextField::Assessor, &response.assessor),
            None,
        );
        too_long(
            TextField::Source,
            measure(TextField::Source, &response.source),
            None,
        );
        for (id, answer) in response.answers.iter() {
            too_long(
                TextField::Evidence,
                measure(TextField::Evidence, &answer.evidence),
                Some(id),
            );
            too_long(
                TextField::Comment,
                measure(TextField::Comment, &answer.comment),
                Some(id),
            );
            if let Rating::NotApplicable { reason } = &answer.rating {
                too_long(TextField::Reason, measure(TextField::Reason, reason), Some(id));
            }
            let links = answer.links.len();
            too_long(
                TextField::Links,
                (links > TextField::Links.limit()).then_some(links),
                Some(id),
            );
            for link in &answer.links {
                too_long(TextField::Link, measure(TextField::Link, link), Some(id));
            }
        }
        for (id, answer) in response.answers.iter() {
            let key_at = || at.map_key_from(id, start).unwrap_or_else(here);
            let known = model::is_indicator_id(id).is_ok() && context.indicators.contains(id);
            if context.check_indicators && !known {
                problems.push(Problem::error(
                    file,
                    key_at(),
                    ProblemCode::ResponseUnknownIndicator {
                        assessor: assessor.to_owned(),
                        indicator: id.to_owned(),
                    },
                ));
            }
            if matches!(&answer.rating, Rating::NotApplicable { reason } if reason.trim().is_empty()) {
                problems.push(Problem::warning(
                    file,
                    key_at(),
                    ProblemCode::ResponseMissingReason {
                        assessor: assessor.to_owned(),
                        indicator: id.to_owned(),
                    },
                ));
            }
        }
    }

    let notes_at = at.field_offset("consensus_notes", 0).unwrap_or(0);
    for (id, note) in &assessment.consensus_notes {
        let here = || at.map_key_from(id, notes_at).unwrap_or(Position::START);
        if context.check_indicators && !context.indicators.contains(id.as_str()) {
            problems.push(Problem::error(
                file,
                here(),
                ProblemCode::ConsensusNoteUnknownIndicator {
                    indicator: id.clone(),
                },
            ));
        }
        if let Some(length) = over_limit(note, TextField::ConsensusNote.limit()) {
            problems.push(Problem::error(
                file,
                here(),
                ProblemCode::TextTooLong {
                    field: TextField::ConsensusNote,
                    item: Some(id.clone()),
                    length,
                },
            ));
            fits = false;
        }
    }
    for id in assessment.missing_consensus_notes() {
        let Some(agreed) = assessment.level(id) else {
            continue;
        };
        let levels = assessment
            .response_levels(id)
            .into_iter()
            .map(|(assessor, level)| (assessor.to_owned(), level.get()))
            .collect();
        problems.push(Problem::warning(
            file,
            at.map_key(id).unwrap_or(Position::START),
            ProblemCode::ConsensusNoteMissing {
                indicator: id.to_owned(),
                agreed: agreed.get(),
                levels,
            },
        ));
    }
    (problems, fits)
}

/// The RON field a text outside the answers is written in.
fn field_name(field: TextField) -> &'static str {
    match field {
        TextField::Assessor => "assessor",
        TextField::Reviewer => "reviewer",
        TextField::ReviewComment => "review_comment",
        TextField::Evidence => "evidence",
        TextField::Comment => "comment",
        TextField::Reason => "reason",
        TextField::Link | TextField::Links | TextField::ActionLink | TextField::ActionLinks => "links",
        TextField::WorkspaceTitle | TextField::ActionTitle => "title",
        TextField::DepartmentName => "name",
        TextField::ReportSetting => "report",
        TextField::ActionDescription => "description",
        TextField::ActionNote => "notes",
        TextField::ActionOwner => "owner",
        TextField::ConsensusNote => "consensus_notes",
        TextField::Source => "source",
    }
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
        assert_eq!(
            problems[0].code,
            ProblemCode::ParentCycle {
                chain: vec!["a".into(), "b".into(), "c".into(), "a".into()]
            }
        );
    }

    fn cycles_of(departments: Vec<Department>) -> Vec<Vec<String>> {
        let mut workspace = Workspace::new(Text::new("t", "t"));
        workspace.departments = departments;
        let source = super::super::format::to_ron(&workspace).unwrap();
        check_workspace(&workspace, None, &source, Path::new("workspace.ron"))
            .into_iter()
            .filter_map(|p| match p.code {
                ProblemCode::ParentCycle { chain } => Some(chain),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn every_cycle_is_found_from_wherever_the_walk_enters_it() {
        // Two cycles, entered through tails from departments whose ids sort
        // before theirs, and a tail that leads into the first one.
        let cycles = cycles_of(vec![
            department("a-tail", Some("z")),
            department("x", Some("y")),
            department("y", Some("z")),
            department("z", Some("x")),
            department("b-tail", Some("q")),
            department("q", Some("p")),
            department("p", Some("q")),
            department("free", None),
        ]);
        assert_eq!(
            cycles,
            vec![
                vec!["p".to_owned(), "q".into(), "p".into()],
                vec!["x".to_owned(), "y".into(), "z".into(), "x".into()],
            ]
        );
    }

    #[test]
    fn a_long_chain_of_parents_is_walked_once() {
        // 4,000 departments each the parent of the next, closed into a loop
        // at the end: one cycle of all of them, found by walking each once.
        let n = 4000;
        let id = |i: usize| format!("d{i:05}");
        let departments = (0..n)
            .map(|i| department(&id(i), Some(&id((i + 1) % n))))
            .collect();
        let cycles = cycles_of(departments);
        assert_eq!(cycles.len(), 1);
        assert_eq!(cycles[0].len(), n + 1);
        assert_eq!(cycles[0].first(), Some(&id(0)));
        assert_eq!(cycles[0].last(), Some(&id(0)));
        assert_eq!(cycles[0][1], id(1));
    }
}
