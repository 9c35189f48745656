//! Plan files (`plan.ron`, `<department>/plan.ron`) through the store: round
//! trip, every problem with its place, what loads when something is wrong,
//! the promises of saving, and the sample's plan.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::{NaiveDate, NaiveDateTime};
use govmaturity::model::{
    Action, ActionStatus, Addresses, Department, DepartmentKind, IdError, Lang, Level, Owner, PlanScope,
    ProgressNote, Text, Workspace,
};
use govmaturity::present::catalogue::problems;
use govmaturity::store::{self, FileKind, LoadedWorkspace, ProblemCode, ReadOnlyReason, SaveError, Severity};
use tempfile::TempDir;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn at(y: i32, m: u32, d: u32, h: u32) -> NaiveDateTime {
    date(y, m, d).and_hms_opt(h, 0, 0).unwrap()
}

/// A workspace with two departments, the built-in framework, no assessments.
fn workspace() -> TempDir {
    let dir = tempfile::tempdir().unwrap();
    let mut workspace = Workspace::new(Text::new("Plans", "计划"));
    for id in ["police", "health"] {
        workspace.departments.push(Department {
            id: id.to_owned(),
            name: Text::new(id, id),
            kind: DepartmentKind::Bureau,
            parent: None,
            archived: false,
        });
    }
    store::save_workspace(dir.path(), &workspace, None).unwrap();
    dir
}

fn action(id: &str, departments: &[&str]) -> Action {
    Action {
        id: id.to_owned(),
        title: "Publish the data catalogue".to_owned().into(),
        description: "With owners and metadata.".to_owned().into(),
        addresses: Addresses::Indicators(vec!["sharing.catalogue".to_owned()]),
        departments: departments.iter().map(|d| (*d).to_owned()).collect(),
        owner: Owner {
            unit: "Data Division".to_owned().into(),
            person: "Li Wei".to_owned(),
        },
        start: date(2025, 1, 1),
        due: date(2025, 6, 30),
        expected_level: Level::clamped(3),
        status: ActionStatus::Planned,
        done_on: None,
        history: Vec::new(),
        notes: Vec::new(),
        links: Vec::new(),
    }
}

fn write(dir: &Path, relative: &str, text: &str) {
    let path = dir.join(relative);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
}

/// A department plan with one action whose body (after `id`) is `fields`.
fn police_plan(id: &str, fields: &str) -> String {
    format!(
        "(\n    version: 1,\n    actions: [\n        (\n            id: \"{id}\",\n{fields}        ),\n    ],\n)\n"
    )
}

const GOOD_FIELDS: &str = "            title: \"Publish the catalogue\",\n            addresses: Indicators([\"sharing.catalogue\"]),\n            departments: [\"police\"],\n            start: \"2025-01-01\",\n            due: \"2025-06-30\",\n            expected_level: 3,\n            status: Planned,\n";

/// The plan problems: (file, line, column, severity, code).
fn plan_problems(loaded: &LoadedWorkspace) -> Vec<(PathBuf, usize, usize, Severity, ProblemCode)> {
    loaded
        .problems
        .iter()
        .filter(|p| p.file.file_name().is_some_and(|n| n == "plan.ron"))
        .map(|p| (p.file.clone(), p.line, p.column, p.severity, p.code.clone()))
        .collect()
}

fn police() -> PathBuf {
    Path::new("police").join("plan.ron")
}

// ---------------------------------------------------------------------------
// Round trip and placement

#[test]
fn saved_plans_load_back_equal() {
    let dir = workspace();
    let mut done = action("catalogue", &["police"]);
    done.set_status(ActionStatus::InProgress, "Li Wei", at(2025, 1, 6, 9));
    done.set_status(ActionStatus::Done, "Li Wei", at(2025, 5, 30, 17));
    done.notes.push(ProgressNote {
        on: date(2025, 3, 1),
        who: "Li Wei".to_owned(),
        text: "目录已覆盖 80% / 80% covered".to_owned().into(),
    });
    done.links.push("https://example.org/catalogue".to_owned());
    let mut second = action("a-second", &["police"]);
    second.addresses = Addresses::Dimension("security".to_owned());
    let wide = action("wide", &["police", "health"]);
    let everyone = action("everyone", &[]);

    let police_scope = PlanScope::Department("police".to_owned());
    store::save_plan(dir.path(), &police_scope, &[done.clone(), second.clone()], None).unwrap();
    store::save_plan(
        dir.path(),
        &PlanScope::Government,
        &[wide.clone(), everyone.clone()],
        None,
    )
    .unwrap();

    let text = fs::read_to_string(dir.path().join("police/plan.ron")).unwrap();
    assert!(text.starts_with("(\n    version: 1,\n    actions: [\n"), "{text}");
    assert!(
        text.find("\"a-second\"").unwrap() < text.find("\"catalogue\"").unwrap(),
        "sorted by id"
    );

    let loaded = store::load(dir.path()).unwrap();
    assert_eq!(loaded.problems, vec![]);
    assert_eq!(loaded.data.actions, vec![second, done, everyone, wide]);
    for file in [police(), PathBuf::from("plan.ron")] {
        assert!(!loaded.is_read_only(&file), "{}", file.display());
        assert!(loaded.fingerprint(&file).is_some(), "{}", file.display());
    }
    assert_eq!(loaded.data.actions_for("health").count(), 2);
}

#[test]
fn a_plan_is_not_mistaken_for_an_assessment() {
    let dir = workspace();
    store::save_plan(
        dir.path(),
        &PlanScope::Department("police".to_owned()),
        &[action("catalogue", &["police"])],
        None,
    )
    .unwrap();
    store::save_plan(dir.path(), &PlanScope::Government, &[action("wide", &[])], None).unwrap();
    let loaded = store::load(dir.path()).unwrap();
    assert_eq!(loaded.problems, vec![], "no file-not-period, no file-at-top");
    assert_eq!(loaded.data.assessments.len(), 0);
    assert_eq!(loaded.data.unreadable.len(), 0);
    assert_eq!(loaded.data.actions.len(), 2);
}

#[test]
fn plan_paths_and_the_scope_of_an_action() {
    assert_eq!(
        store::plan_path(&PlanScope::Government),
        PathBuf::from("plan.ron")
    );
    assert_eq!(
        store::plan_path(&PlanScope::Department("police".into())),
        police()
    );
}

// ---------------------------------------------------------------------------
// Every problem, with its place

fn load_police(fields: &str, id: &str) -> LoadedWorkspace {
    let dir = workspace();
    write(dir.path(), "police/plan.ron", &police_plan(id, fields));
    let loaded = store::load(dir.path()).unwrap();
    // Keep the folder alive as long as the test needs the files: leak it.
    std::mem::forget(dir);
    loaded
}

#[test]
fn a_plan_that_does_not_parse_loads_nothing_and_is_read_only() {
    let fields = GOOD_FIELDS.replace("status: Planned", "status: Finished");
    let loaded = load_police(&fields, "catalogue");
    let found = plan_problems(&loaded);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, police());
    assert_eq!((found[0].1, found[0].2), (12, 21));
    assert_eq!(found[0].4.code(), "unknown-choice");
    assert_eq!(loaded.data.actions.len(), 0);
    assert!(loaded.is_read_only(&police()));
}

#[test]
fn a_truncated_plan_is_reported_as_ending_early() {
    let dir = workspace();
    let full = police_plan("catalogue", GOOD_FIELDS);
    write(dir.path(), "police/plan.ron", &full[..full.len() / 2]);
    let loaded = store::load(dir.path()).unwrap();
    let found = plan_problems(&loaded);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(
        found[0].4,
        ProblemCode::EndsEarly {
            file_kind: FileKind::Plan,
            backup: None
        }
    );
    assert_eq!(found[0].3, Severity::Error);
    assert!(loaded.is_read_only(&police()));
    assert_eq!(
        problems::code_message(&found[0].4, Lang::En),
        "the plan file ends early (an incomplete save or copy); restore it from an earlier copy (saved \
         versions are kept in .backups/) or re-enter it"
    );
}

#[test]
fn unknown_department_in_the_root_plan() {
    let dir = workspace();
    let text = "(\n    version: 1,\n    actions: [\n        (\n            id: \"wide\",\n            title: \"t\",\n            addresses: Indicators([\"sharing.catalogue\"]),\n            departments: [\"police\", \"polic\"],\n            start: \"2025-01-01\",\n            due: \"2025-06-30\",\n            expected_level: 3,\n            status: Planned,\n        ),\n    ],\n)\n";
    write(dir.path(), "plan.ron", text);
    let loaded = store::load(dir.path()).unwrap();
    assert_eq!(
        plan_problems(&loaded),
        vec![(
            PathBuf::from("plan.ron"),
            8,
            37,
            Severity::Error,
            ProblemCode::PlanUnknownDepartment {
                action: "wide".into(),
                department: "polic".into()
            }
        )]
    );
    assert_eq!(loaded.data.actions.len(), 1, "loaded as written");
    assert!(!loaded.is_read_only(Path::new("plan.ron")));
    assert_eq!(
        problems::message(&loaded.problems[0], Lang::En),
        "action \"wide\" is for department \"polic\", which is not in workspace.ron; add the department \
         there, or correct the id"
    );
}

#[test]
fn a_plan_in_a_folder_that_is_not_a_department_loads_nothing() {
    let dir = workspace();
    let fields = GOOD_FIELDS.replace("[\"police\"]", "[\"archive\"]");
    write(dir.path(), "archive/plan.ron", &police_plan("old", &fields));
    let loaded = store::load(dir.path()).unwrap();
    let found = plan_problems(&loaded);
    assert_eq!(
        found,
        vec![(
            Path::new("archive").join("plan.ron"),
            8,
            27,
            Severity::Error,
            ProblemCode::PlanUnknownDepartment {
                action: "old".into(),
                department: "archive".into()
            }
        )]
    );
    assert_eq!(loaded.data.actions.len(), 0);
    assert!(loaded.is_read_only(&Path::new("archive").join("plan.ron")));
}

#[test]
fn unknown_indicator() {
    let fields = GOOD_FIELDS.replace("sharing.catalogue", "sharing.catalog");
    let loaded = load_police(&fields, "catalogue");
    assert_eq!(
        plan_problems(&loaded),
        vec![(
            police(),
            7,
            36,
            Severity::Error,
            ProblemCode::PlanUnknownIndicator {
                action: "catalogue".into(),
                indicator: "sharing.catalog".into()
            }
        )]
    );
    assert_eq!(loaded.data.actions.len(), 1);
    assert!(!loaded.is_read_only(&police()));
}

#[test]
fn unknown_dimension() {
    let fields = GOOD_FIELDS.replace("Indicators([\"sharing.catalogue\"])", "Dimension(\"sharingg\")");
    let loaded = load_police(&fields, "catalogue");
    assert_eq!(
        plan_problems(&loaded),
        vec![(
            police(),
            7,
            34,
            Severity::Error,
            ProblemCode::PlanUnknownDimension {
                action: "catalogue".into(),
                dimension: "sharingg".into()
            }
        )]
    );
    assert_eq!(loaded.data.actions.len(), 1);
}

#[test]
fn nothing_addressed() {
    let fields = GOOD_FIELDS.replace("Indicators([\"sharing.catalogue\"])", "Indicators([])");
    let loaded = load_police(&fields, "catalogue");
    assert_eq!(
        plan_problems(&loaded),
        vec![(
            police(),
            7,
            13,
            Severity::Warning,
            ProblemCode::PlanNothingAddressed {
                action: "catalogue".into()
            }
        )]
    );
    assert_eq!(loaded.data.actions.len(), 1);
}

#[test]
fn due_before_start() {
    let fields = GOOD_FIELDS.replace("due: \"2025-06-30\"", "due: \"2024-12-31\"");
    let loaded = load_police(&fields, "catalogue");
    assert_eq!(
        plan_problems(&loaded),
        vec![(
            police(),
            10,
            13,
            Severity::Error,
            ProblemCode::PlanDueBeforeStart {
                action: "catalogue".into(),
                start: date(2025, 1, 1),
                due: date(2024, 12, 31)
            }
        )]
    );
    assert_eq!(loaded.data.actions.len(), 1);
    assert_eq!(
        problems::message(&loaded.problems[0], Lang::Zh),
        "措施“catalogue”的截止日期 2024-12-31 早于开始日期 2025-01-01；请更正其中一个日期"
    );
}

#[test]
fn done_without_a_date() {
    let fields = GOOD_FIELDS.replace("status: Planned", "status: Done");
    let loaded = load_police(&fields, "catalogue");
    assert_eq!(
        plan_problems(&loaded),
        vec![(
            police(),
            12,
            13,
            Severity::Error,
            ProblemCode::PlanDoneWithoutDate {
                action: "catalogue".into()
            }
        )]
    );
    assert_eq!(loaded.data.actions.len(), 1);
    assert!(!loaded.is_read_only(&police()));
}

#[test]
fn empty_title() {
    let fields = GOOD_FIELDS.replace("\"Publish the catalogue\"", "\"  \"");
    let loaded = load_police(&fields, "catalogue");
    assert_eq!(
        plan_problems(&loaded),
        vec![(
            police(),
            6,
            13,
            Severity::Warning,
            ProblemCode::PlanEmptyTitle {
                action: "catalogue".into()
            }
        )]
    );
    assert_eq!(loaded.data.actions.len(), 1);
}

#[test]
fn bad_action_id() {
    let loaded = load_police(GOOD_FIELDS, "Catalogue 1");
    assert_eq!(
        plan_problems(&loaded),
        vec![(
            police(),
            5,
            13,
            Severity::Error,
            ProblemCode::PlanBadActionId {
                error: IdError::Unsafe("Catalogue 1".into())
            }
        )]
    );
    assert_eq!(loaded.data.actions.len(), 1, "loaded as written");
    assert!(!loaded.is_read_only(&police()));
}

#[test]
fn an_action_of_another_department_in_a_department_plan() {
    let fields = GOOD_FIELDS.replace("[\"police\"]", "[\"health\"]");
    let loaded = load_police(&fields, "catalogue");
    assert_eq!(
        plan_problems(&loaded),
        vec![(
            police(),
            8,
            13,
            Severity::Error,
            ProblemCode::PlanOtherDepartment {
                action: "catalogue".into(),
                folder: "police".into()
            }
        )]
    );
    assert_eq!(loaded.data.actions.len(), 0, "left out");
    assert!(loaded.is_read_only(&police()), "so saving cannot drop it");
}

#[test]
fn a_one_department_action_in_the_root_plan() {
    let dir = workspace();
    store::save_plan(dir.path(), &PlanScope::Government, &[action("wide", &[])], None).unwrap();
    let text = fs::read_to_string(dir.path().join("plan.ron")).unwrap().replace(
        "departments: [],",
        "departments: [\n                \"health\",\n            ],",
    );
    fs::write(dir.path().join("plan.ron"), text).unwrap();
    let loaded = store::load(dir.path()).unwrap();
    assert_eq!(
        plan_problems(&loaded),
        vec![(
            PathBuf::from("plan.ron"),
            11,
            13,
            Severity::Error,
            ProblemCode::PlanSingleDepartment {
                action: "wide".into(),
                department: "health".into()
            }
        )]
    );
    assert_eq!(loaded.data.actions.len(), 0);
    assert!(loaded.is_read_only(Path::new("plan.ron")));
}

#[test]
fn a_duplicate_action_id_across_files() {
    let dir = workspace();
    store::save_plan(
        dir.path(),
        &PlanScope::Government,
        &[action("catalogue", &[])],
        None,
    )
    .unwrap();
    write(
        dir.path(),
        "police/plan.ron",
        &police_plan("catalogue", GOOD_FIELDS),
    );
    let loaded = store::load(dir.path()).unwrap();
    assert_eq!(
        plan_problems(&loaded),
        vec![(
            police(),
            5,
            13,
            Severity::Error,
            ProblemCode::PlanDuplicateAction {
                action: "catalogue".into(),
                first: PathBuf::from("plan.ron")
            }
        )]
    );
    assert_eq!(loaded.data.actions.len(), 1, "the root plan's keeps the id");
    assert!(loaded.data.actions[0].departments.is_empty());
    assert!(loaded.is_read_only(&police()));
    assert!(!loaded.is_read_only(Path::new("plan.ron")));
}

#[test]
fn a_newer_plan_loads_read_only() {
    let text = police_plan("catalogue", GOOD_FIELDS).replace("version: 1", "version: 2");
    let dir = workspace();
    write(dir.path(), "police/plan.ron", &text);
    let loaded = store::load(dir.path()).unwrap();
    let found = plan_problems(&loaded);
    assert_eq!(
        found,
        vec![(
            police(),
            2,
            5,
            Severity::Warning,
            ProblemCode::NewerVersion {
                file_kind: FileKind::Plan,
                version: 2
            }
        )]
    );
    assert_eq!(loaded.data.actions.len(), 1);
    assert!(loaded.is_read_only(&police()));
    let saved = store::save_plan(
        dir.path(),
        &PlanScope::Department("police".into()),
        &loaded.data.actions,
        loaded.fingerprint(&police()),
    );
    assert!(
        matches!(
            saved,
            Err(SaveError::ReadOnly {
                reason: ReadOnlyReason::NewerFormat { version: 2 },
                ..
            })
        ),
        "{saved:?}"
    );
    assert_eq!(fs::read_to_string(dir.path().join(police())).unwrap(), text);
}

#[test]
fn every_plan_problem_speaks_both_languages() {
    for code in ProblemCode::samples()
        .into_iter()
        .filter(|c| c.code().starts_with("plan-"))
    {
        let en = problems::code_message(&code, Lang::En);
        let zh = problems::code_message(&code, Lang::Zh);
        assert!(en.contains("\"catalogue\"") || en.contains("Catalogue 1"), "{en}");
        assert!(zh.contains("措施"), "{zh}");
    }
}

// ---------------------------------------------------------------------------
// Saving

#[test]
fn saving_over_a_changed_plan_is_a_conflict_and_keeps_a_backup_otherwise() {
    let dir = workspace();
    let scope = PlanScope::Department("police".to_owned());
    let first = store::save_plan(dir.path(), &scope, &[action("catalogue", &["police"])], None).unwrap();

    // Someone else edits the file.
    let path = dir.path().join(police());
    let theirs = fs::read_to_string(&path).unwrap().replace("Li Wei", "Zhang San");
    fs::write(&path, &theirs).unwrap();
    let mut mine = action("catalogue", &["police"]);
    mine.title = "Mine".into();
    let conflict = store::save_plan(dir.path(), &scope, &[mine.clone()], Some(&first));
    assert!(
        matches!(conflict, Err(SaveError::Conflict { on_disk: Some(_), .. })),
        "{conflict:?}"
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), theirs, "nothing written");

    // With what is on disk now, it saves and keeps theirs as a backup.
    let loaded = store::load(dir.path()).unwrap();
    store::save_plan(dir.path(), &scope, &[mine.clone()], loaded.fingerprint(&police())).unwrap();
    let backups = store::list_backups(dir.path(), &police()).unwrap();
    assert_eq!(backups.len(), 1);
    assert_eq!(fs::read_to_string(&backups[0]).unwrap(), theirs);
    assert_eq!(store::load(dir.path()).unwrap().data.actions, vec![mine]);
}

#[test]
fn a_plan_that_does_not_parse_is_never_saved_over() {
    let dir = workspace();
    let broken = "(\n    version: 1,\n    actions: [\n        (id: \"x\",,\n";
    write(dir.path(), "police/plan.ron", broken);
    let loaded = store::load(dir.path()).unwrap();
    let saved = store::save_plan(
        dir.path(),
        &PlanScope::Department("police".into()),
        &[action("catalogue", &["police"])],
        loaded.fingerprint(&police()),
    );
    assert!(
        matches!(
            saved,
            Err(SaveError::ReadOnly {
                reason: ReadOnlyReason::Unreadable { .. },
                ..
            })
        ),
        "{saved:?}"
    );
    assert_eq!(fs::read_to_string(dir.path().join(police())).unwrap(), broken);
}

#[test]
fn save_refuses_actions_of_another_plan_and_unsafe_folders() {
    let dir = workspace();
    let wrong = store::save_plan(
        dir.path(),
        &PlanScope::Department("police".into()),
        &[action("wide", &["police", "health"])],
        None,
    );
    assert!(matches!(wrong, Err(SaveError::Invalid { .. })), "{wrong:?}");
    let unsafe_id = store::save_plan(dir.path(), &PlanScope::Department("../x".into()), &[], None);
    assert!(
        matches!(unsafe_id, Err(SaveError::Invalid { .. })),
        "{unsafe_id:?}"
    );
    assert!(!dir.path().join(police()).exists());
}

// ---------------------------------------------------------------------------
// The sample

#[test]
fn the_sample_plan_loads_without_problems_and_has_the_promised_mix() {
    let loaded = crate::common::sample();
    let plan_files: Vec<_> = loaded
        .files
        .keys()
        .filter(|f| f.file_name().is_some_and(|n| n == "plan.ron"))
        .collect();
    assert_eq!(
        plan_files.len(),
        13,
        "12 departments and the root: {plan_files:?}"
    );
    assert_eq!(plan_problems(&loaded), vec![]);
    let actions = &loaded.data.actions;
    assert_eq!(actions.len(), 26);
    let today = date(2026, 2, 1);
    let ids = |keep: &dyn Fn(&Action) -> bool| -> Vec<&str> {
        actions
            .iter()
            .filter(|a| keep(a))
            .map(|a| a.id.as_str())
            .collect()
    };
    assert_eq!(
        ids(&|a| a.is_overdue(today)),
        vec![
            "civil-catalogue",
            "education-data-rules",
            "gov-cloud-migration",
            "transport-data-grading"
        ]
    );
    assert_eq!(
        ids(&|a| a.status == ActionStatus::Dropped),
        vec!["in-house-analysts"]
    );
    assert_eq!(
        ids(&|a| a.departments.len() != 1),
        vec![
            "gov-analyst-pool",
            "gov-catalogue-platform",
            "gov-cloud-migration"
        ]
    );
    assert_eq!(ids(&|a| a.status == ActionStatus::Done).len(), 12);
    assert_eq!(ids(&|a| a.status == ActionStatus::InProgress).len(), 9);
    assert_eq!(ids(&|a| a.status == ActionStatus::Planned).len(), 4);
    for department in &loaded.data.workspace.departments {
        assert!(
            actions.iter().any(|a| a.departments == [department.id.clone()]),
            "{} has its own actions",
            department.id
        );
    }
}

/// The level of `indicator` in `department`'s assessment for `period`.
fn level(loaded: &LoadedWorkspace, department: &str, period: NaiveDate, indicator: &str) -> Option<u8> {
    let assessment = loaded
        .data
        .assessments
        .iter()
        .find(|a| a.department == department && a.period == period)?;
    match assessment.answers.get(indicator)?.rating {
        govmaturity::model::Rating::Level(level) => Some(level.get()),
        _ => None,
    }
}

#[test]
fn the_sample_shows_effects_across_assessments() {
    let loaded = crate::common::sample();
    let periods = [
        date(2024, 6, 30),
        date(2024, 12, 31),
        date(2025, 6, 30),
        date(2025, 12, 31),
    ];
    // (action, before, after) as the Plan view's effect column shows them.
    let expected = [
        ("catalogue-auto-sync", Some(4), Some(5)),
        ("civil-skills-training", Some(1), Some(1)),
        ("emergency-joint-drills", Some(3), Some(4)),
        ("finance-quality-rules", Some(2), Some(3)),
        ("hr-cloud-migration", Some(3), Some(4)),
        ("market-leadership-course", Some(2), Some(3)),
        ("market-vendor-clauses", Some(2), Some(3)),
        ("one-portal-services", Some(3), Some(4)),
        ("police-catalogue", Some(2), Some(2)),
        ("police-vendor-clauses", Some(3), Some(4)),
        ("resources-on-demand-interfaces", Some(3), Some(4)),
        ("resources-permits-online", Some(2), None),
    ];
    let done: Vec<&Action> = loaded
        .data
        .actions
        .iter()
        .filter(|a| a.status == ActionStatus::Done)
        .collect();
    assert_eq!(done.len(), expected.len());
    for (action, (id, before, after)) in done.iter().zip(expected) {
        assert_eq!(action.id, id);
        let on = action.done_on.unwrap();
        let Addresses::Indicators(indicators) = &action.addresses else {
            panic!("{id}")
        };
        let department = action.departments[0].as_str();
        let last_before = periods.iter().rev().find(|p| **p < on).unwrap();
        let first_after = periods.iter().find(|p| **p > on);
        assert_eq!(
            level(&loaded, department, *last_before, &indicators[0]),
            before,
            "{id}"
        );
        assert_eq!(
            first_after.and_then(|p| level(&loaded, department, *p, &indicators[0])),
            after,
            "{id}"
        );
    }
}
