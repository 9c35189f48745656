//! The store against real folders: round trips, every kind of bad file, and
//! the promises of saving (atomic, backed up, never clobbering).

use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use chrono::{NaiveDate, NaiveDateTime};
use govmaturity::model::{
    Answer, Assessment, Confidence, Department, DepartmentKind, Dimension, FORMAT_VERSION, Framework,
    FrameworkSource, Indicator, Lang, Level, LevelDef, Rating, Status, Target, Text, Workspace,
};
use govmaturity::present::catalogue::problems;
use govmaturity::store::{
    self, BACKUPS_KEPT, FileKind, Fingerprint, LoadedWorkspace, Problem, ProblemCode, ReadOnlyReason,
    SaveError, Severity, StoreError,
};
use tempfile::TempDir;

// ---------------------------------------------------------------------------
// Fixtures

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn at(y: i32, m: u32, d: u32, h: u32) -> NaiveDateTime {
    date(y, m, d).and_hms_opt(h, 0, 0).unwrap()
}

fn text(s: &str) -> Text {
    Text::new(s, format!("{s}（中文）"))
}

fn indicator(id: &str) -> Indicator {
    Indicator {
        id: id.to_owned(),
        name: text(id),
        weight: 1.0,
        levels: (1..=5).map(|l| text(&format!("{id} at level {l}"))).collect(),
    }
}

/// A small framework: two dimensions, four indicators.
fn framework() -> Framework {
    Framework {
        version: FORMAT_VERSION,
        id: "pilot".to_owned(),
        framework_version: 2,
        name: text("Pilot framework"),
        description: text("For tests"),
        levels: (1..=5)
            .map(|l| LevelDef {
                name: text(&format!("Level {l}")),
                summary: text("summary"),
            })
            .collect(),
        dimensions: vec![
            Dimension {
                id: "sharing".to_owned(),
                name: text("Sharing"),
                description: Text::default(),
                weight: 1.0,
                indicators: vec![indicator("sharing.open"), indicator("sharing.exchange")],
            },
            Dimension {
                id: "security".to_owned(),
                name: text("Security"),
                description: text("Keeping data safe"),
                weight: 2.0,
                indicators: vec![indicator("security.policy"), indicator("security.incident")],
            },
        ],
    }
}

fn department(id: &str, parent: Option<&str>) -> Department {
    Department {
        id: id.to_owned(),
        name: text(id),
        kind: DepartmentKind::Bureau,
        parent: parent.map(str::to_owned),
        archived: false,
    }
}

fn workspace() -> Workspace {
    let mut workspace = Workspace::new(Text::new("Pilot city", "试点市"));
    workspace.framework = FrameworkSource::Custom;
    workspace.departments = vec![
        department("city", None),
        department("health", Some("city")),
        department("police", Some("city")),
    ];
    workspace.targets = vec![
        Target {
            department: None,
            dimension: "sharing".to_owned(),
            indicator: None,
            level: Level::new(3).unwrap(),
            by: date(2026, 12, 31),
        },
        Target {
            department: Some("health".to_owned()),
            dimension: "security".to_owned(),
            indicator: Some("security.policy".to_owned()),
            level: Level::new(4).unwrap(),
            by: date(2026, 6, 30),
        },
    ];
    workspace.weights = BTreeMap::from([("security".to_owned(), 1.5), ("sharing.open".to_owned(), 2.0)]);
    workspace
}

fn assessment(department: &str, period: NaiveDate) -> Assessment {
    let framework = framework();
    let mut a = Assessment::new(department, period, &framework);
    a.assessor = "王芳".to_owned();
    a.status = Status::Submitted;
    a.answers.insert(
        "sharing.open".to_owned(),
        Answer {
            rating: Rating::Level(Level::new(3).unwrap()),
            evidence: "Open data portal since 2024.\nSecond line with \"quotes\" and 数据.".to_owned(),
            links: vec!["https://data.example.gov/portal".to_owned()],
            confidence: Some(Confidence::High),
            comment: "checked".to_owned(),
            reconfirm: true,
        },
    );
    a.answers.insert(
        "sharing.exchange".to_owned(),
        Answer {
            rating: Rating::NotApplicable {
                reason: "no partner systems yet".to_owned(),
            },
            ..Answer::default()
        },
    );
    a.answers.insert(
        "security.policy".to_owned(),
        Answer {
            rating: Rating::Level(Level::new(2).unwrap()),
            ..Answer::default()
        },
    );
    a.log(
        at(2025, 7, 1, 9),
        "王芳",
        "level",
        Some("sharing.open"),
        "2".to_owned(),
        "3".to_owned(),
    );
    a.log(
        at(2025, 7, 2, 10),
        "王芳",
        "status",
        None,
        "Draft".to_owned(),
        "Submitted".to_owned(),
    );
    a
}

/// A healthy workspace folder: settings, custom framework, three assessments.
struct Fixture {
    dir: TempDir,
}

impl Fixture {
    fn new() -> Self {
        let fixture = Fixture {
            dir: tempfile::tempdir().unwrap(),
        };
        fixture.write(store::WORKSPACE_FILE, store::to_ron(&workspace()).unwrap());
        fixture.write(store::FRAMEWORK_FILE, store::to_ron(&framework()).unwrap());
        for (department, period) in Self::assessments() {
            let a = assessment(department, period);
            let path = store::assessment_path(department, period).unwrap();
            fixture.write(&path, store::to_ron(&a).unwrap());
        }
        fixture
    }

    fn assessments() -> [(&'static str, NaiveDate); 3] {
        [
            ("health", date(2024, 12, 31)),
            ("health", date(2025, 6, 30)),
            ("police", date(2025, 6, 30)),
        ]
    }

    fn root(&self) -> &Path {
        self.dir.path()
    }

    fn write(&self, relative: impl AsRef<Path>, content: impl AsRef<[u8]>) {
        let path = self.root().join(relative);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, content).unwrap();
    }

    fn read(&self, relative: impl AsRef<Path>) -> Vec<u8> {
        fs::read(self.root().join(relative)).unwrap()
    }

    fn read_text(&self, relative: impl AsRef<Path>) -> String {
        String::from_utf8(self.read(relative)).unwrap()
    }

    /// Replaces `from` with `to` in a file, which must contain it.
    fn edit(&self, relative: impl AsRef<Path>, from: &str, to: &str) -> String {
        let relative = relative.as_ref();
        let before = self.read_text(relative);
        assert!(
            before.contains(from),
            "{} does not contain {from:?}",
            relative.display()
        );
        let after = before.replacen(from, to, 1);
        self.write(relative, &after);
        after
    }

    fn load(&self) -> LoadedWorkspace {
        store::load(self.root()).unwrap()
    }
}

fn health_june() -> PathBuf {
    store::assessment_path("health", date(2025, 6, 30)).unwrap()
}

fn police_june() -> PathBuf {
    store::assessment_path("police", date(2025, 6, 30)).unwrap()
}

/// 1-based line and column of the first `needle` in `text`, counted by hand.
fn position(text: &str, needle: &str) -> (usize, usize) {
    let offset = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in text"));
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let column = before[before.rfind('\n').map_or(0, |i| i + 1)..].chars().count() + 1;
    (line, column)
}

/// Like [`position`], for the `nth` (0-based) occurrence.
fn position_nth(text: &str, needle: &str, nth: usize) -> (usize, usize) {
    let (offset, _) = text
        .match_indices(needle)
        .nth(nth)
        .unwrap_or_else(|| panic!("{needle:?} #{nth} not in text"));
    let before = &text[..offset];
    (
        before.matches('\n').count() + 1,
        before[before.rfind('\n').map_or(0, |i| i + 1)..].chars().count() + 1,
    )
}

/// The English message of a problem, after its code: "[ends-early] the …".
fn english(problem: &Problem) -> String {
    format!(
        "[{}] {}",
        problem.code.code(),
        problems::message(problem, Lang::En)
    )
}

/// The one problem about `file` whose code or English message contains `words`.
fn problem<'a>(loaded: &'a LoadedWorkspace, file: &Path, words: &str) -> &'a Problem {
    let found: Vec<_> = loaded
        .problems
        .iter()
        .filter(|p| p.file == file && english(p).contains(words))
        .collect();
    assert_eq!(
        found.len(),
        1,
        "expected one problem in {} with {words:?}; got {:#?}",
        file.display(),
        loaded.problems
    );
    found[0]
}

fn assert_at(problem: &Problem, severity: Severity, (line, column): (usize, usize)) {
    assert_eq!(problem.severity, severity, "{problem}");
    assert_eq!((problem.line, problem.column), (line, column), "{problem}");
}

fn loaded_periods(loaded: &LoadedWorkspace) -> Vec<(String, NaiveDate)> {
    loaded
        .data
        .assessments
        .iter()
        .map(|a| (a.department.clone(), a.period))
        .collect()
}

/// Asserts that every fixture assessment except those at `missing` loaded.
fn assert_others_loaded(loaded: &LoadedWorkspace, missing: &[PathBuf]) {
    let expected: Vec<_> = Fixture::assessments()
        .into_iter()
        .filter(|(d, p)| !missing.contains(&store::assessment_path(d, *p).unwrap()))
        .map(|(d, p)| (d.to_owned(), p))
        .collect();
    assert_eq!(loaded_periods(loaded), expected);
}

/// Files that are not data: temp files left behind would show up here.
fn hidden_files(folder: &Path) -> Vec<String> {
    fs::read_dir(folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.') && n != ".backups")
        .collect()
}

// ---------------------------------------------------------------------------
// Round trips and layout

#[test]
fn a_healthy_folder_loads_without_problems() {
    let fixture = Fixture::new();
    let loaded = fixture.load();
    assert_eq!(loaded.problems, Vec::<Problem>::new());
    assert!(!loaded.has_errors());
    assert_eq!(loaded.data.workspace, workspace());
    assert_eq!(loaded.data.framework, framework());
    assert_others_loaded(&loaded, &[]);
    assert_eq!(
        loaded.files.len(),
        5,
        "workspace, framework and three assessments: {:?}",
        loaded.files.keys()
    );
    assert!(loaded.files.values().all(|state| !state.read_only));
}

#[test]
fn saved_files_load_back_equal() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    store::save_workspace(root, &workspace(), None).unwrap();
    store::save_framework(root, &framework(), None).unwrap();
    let a = assessment("health", date(2025, 6, 30));
    let b = assessment("police", date(2025, 3, 31));
    store::save_assessment(root, &a, None).unwrap();
    store::create_assessment(root, &b).unwrap();

    let loaded = store::load(root).unwrap();
    assert_eq!(loaded.problems, Vec::<Problem>::new());
    assert_eq!(loaded.data.workspace, workspace());
    assert_eq!(loaded.data.framework, framework());
    assert_eq!(loaded.data.assessments, vec![a, b]);
}

#[test]
fn the_builtin_framework_is_used_by_default() {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = workspace();
    ws.framework = FrameworkSource::Builtin;
    ws.targets.clear();
    ws.weights.clear();
    store::save_workspace(dir.path(), &ws, None).unwrap();
    let builtin = store::builtin_framework().unwrap();
    let mut a = Assessment::new("health", date(2025, 6, 30), &builtin);
    a.answers.insert("sharing.open".to_owned(), Answer::default());
    store::save_assessment(dir.path(), &a, None).unwrap();

    let loaded = store::load(dir.path()).unwrap();
    assert_eq!(loaded.problems, Vec::<Problem>::new());
    assert_eq!(loaded.data.framework, builtin);
    assert_eq!(loaded.data.assessments, vec![a]);
    assert!(store::BUILTIN_FRAMEWORK_RON.starts_with("(\n    version: 1,"));
}

#[test]
fn files_are_pretty_stable_and_start_with_the_version() {
    let text = store::to_ron(&assessment("health", date(2025, 6, 30))).unwrap();
    assert!(
        text.starts_with("(\n    version: 1,\n    department: \"health\",\n"),
        "{text}"
    );
    assert!(text.ends_with(")\n"));
    assert!(!text.contains("Assessment("), "no struct names: {text}");
    assert!(text.contains("王芳"), "Chinese stays readable");
    assert!(
        text.contains("\n        \"sharing.open\": (\n"),
        "4-space indent: {text}"
    );
    // Keys come out sorted, whatever order they went in.
    let exchange = text.find("\"sharing.exchange\"").unwrap();
    let open = text.find("\"sharing.open\"").unwrap();
    let policy = text.find("\"security.policy\"").unwrap();
    assert!(policy < exchange && exchange < open);
    assert_eq!(
        text,
        store::to_ron(&assessment("health", date(2025, 6, 30))).unwrap()
    );
}

/// The lines of `after` that differ from `before`, which has as many lines.
fn changed_lines(before: &str, after: &str) -> Vec<String> {
    assert_eq!(
        before.lines().count(),
        after.lines().count(),
        "{before}\n---\n{after}"
    );
    before
        .lines()
        .zip(after.lines())
        .filter(|(a, b)| a != b)
        .map(|(_, b)| b.to_owned())
        .collect()
}

#[test]
fn one_changed_answer_diffs_as_one_line() {
    let before = assessment("health", date(2025, 6, 30));
    let original = store::to_ron(&before).unwrap();

    let mut level = before.clone();
    level.answers.get_mut("security.policy").unwrap().rating = Rating::Level(Level::new(4).unwrap());
    assert_eq!(
        changed_lines(&original, &store::to_ron(&level).unwrap()),
        ["            rating: Level(4),"]
    );

    let mut evidence = before.clone();
    evidence.answers.get_mut("sharing.open").unwrap().evidence = "New evidence,\nover two lines.".to_owned();
    let changed = changed_lines(&original, &store::to_ron(&evidence).unwrap());
    assert_eq!(
        changed,
        ["            evidence: \"New evidence,\\nover two lines.\","]
    );

    let mut not_applicable = before.clone();
    not_applicable.answers.get_mut("sharing.exchange").unwrap().rating = Rating::NotApplicable {
        reason: "still no partner systems".to_owned(),
    };
    assert_eq!(
        changed_lines(&original, &store::to_ron(&not_applicable).unwrap()).len(),
        1
    );
}

#[test]
fn program_folders_and_unrelated_files_are_ignored() {
    let fixture = Fixture::new();
    fixture.write(
        ".backups/health/2025-06-30.ron/2025-07-01T09-00-00.000000Z.ron",
        "broken (",
    );
    fixture.write(".git/config", "[core]");
    fixture.write("health/.2025-06-30.ron.123-0.tmp", "half a fi");
    fixture.write("health/evidence.pdf", "%PDF");
    fixture.write("reports/summary.html", "<html>");
    let loaded = fixture.load();
    assert_eq!(loaded.problems, Vec::<Problem>::new());
    assert_others_loaded(&loaded, &[]);
}

#[test]
fn a_folder_without_workspace_ron_is_not_a_workspace() {
    let dir = tempfile::tempdir().unwrap();
    let err = store::load(dir.path()).unwrap_err();
    assert!(matches!(err, StoreError::NoWorkspace { .. }));
    let message = err.to_string();
    // The advice names the command that creates a workspace, for this folder.
    let init = format!("`govmaturity init {}`", dir.path().display());
    assert!(
        message.contains("workspace.ron") && message.contains(&init) && message.contains("New workspace…"),
        "{message}"
    );
    assert!(!message.contains("new-period"), "{message}");
    assert!(matches!(
        store::load(&dir.path().join("missing")).unwrap_err(),
        StoreError::Unreadable { .. }
    ));
}

#[test]
fn problems_display_as_file_line_column() {
    let p = Problem {
        file: PathBuf::from("health/2025-06-30.ron"),
        line: 12,
        column: 5,
        severity: Severity::Warning,
        code: ProblemCode::FileNotPeriod,
    };
    assert_eq!(
        p.to_string(),
        format!("{}:12:5: warning: file-not-period", p.file.display())
    );
}

// ---------------------------------------------------------------------------
// Bad files: each is reported at file, line and column; the others still
// load; the bad file is left byte for byte as it was.

/// Loads, checks the bad file is untouched, returns the result.
fn load_checking_untouched(fixture: &Fixture, bad: &Path) -> LoadedWorkspace {
    let before = fixture.read(bad);
    let loaded = fixture.load();
    assert_eq!(
        fixture.read(bad),
        before,
        "{} was changed by loading",
        bad.display()
    );
    loaded
}

/// Tries every save of the bad file the app could attempt; all must refuse.
fn assert_saves_refused(fixture: &Fixture, loaded: &LoadedWorkspace, bad: &Path) {
    let before = fixture.read(bad);
    assert!(
        loaded.is_read_only(bad),
        "{} should be read-only: {:?}",
        bad.display(),
        loaded.files.get(bad)
    );
    let expected = loaded.fingerprint(bad).copied();
    let replacement = assessment("health", date(2025, 6, 30));
    for expected in [expected, None] {
        let result = if bad == Path::new(store::WORKSPACE_FILE) {
            store::save_workspace(fixture.root(), &workspace(), expected.as_ref())
        } else if bad == Path::new(store::FRAMEWORK_FILE) {
            store::save_framework(fixture.root(), &framework(), expected.as_ref())
        } else {
            let mut a = replacement.clone();
            let folder = bad.parent().unwrap().to_str().unwrap();
            a.department = folder.to_owned();
            a.period =
                NaiveDate::parse_from_str(bad.file_stem().unwrap().to_str().unwrap(), "%Y-%m-%d").unwrap();
            store::save_assessment(fixture.root(), &a, expected.as_ref())
        };
        assert!(matches!(result, Err(SaveError::ReadOnly { .. })), "{result:?}");
    }
    assert_eq!(fixture.read(bad), before, "{} was overwritten", bad.display());
}

#[test]
fn ron_syntax_error() {
    let fixture = Fixture::new();
    let text = fixture.edit(
        health_june(),
        "    assessor: \"王芳\",\n",
        "    assessor: \"王芳\"\n",
    );
    let loaded = load_checking_untouched(&fixture, &health_june());
    let p = problem(&loaded, &health_june(), "syntax");
    let (line, _) = position(&text, "    assessor:");
    assert_at(p, Severity::Error, (line + 1, 5));
    assert!(english(p).contains("comma"), "{p}");
    assert_others_loaded(&loaded, &[health_june()]);
    assert_saves_refused(&fixture, &loaded, &health_june());
}

#[test]
fn wrong_type() {
    let fixture = Fixture::new();
    let text = fixture.edit(police_june(), "assessor: \"王芳\"", "assessor: 42");
    let loaded = load_checking_untouched(&fixture, &police_june());
    let p = problem(&loaded, &police_june(), "wrong-type");
    assert_eq!(
        (p.line, p.severity),
        (position(&text, "42").0, Severity::Error),
        "{p}"
    );
    assert_others_loaded(&loaded, &[police_june()]);
    assert_saves_refused(&fixture, &loaded, &police_june());
}

#[test]
fn unknown_field_is_named() {
    let fixture = Fixture::new();
    let text = fixture.edit(
        police_june(),
        "    assessor:",
        "    asessor_typo: \"x\",\n    assessor:",
    );
    let loaded = load_checking_untouched(&fixture, &police_june());
    let p = problem(&loaded, &police_june(), "unknown field `asessor_typo`");
    assert_eq!(p.line, position(&text, "asessor_typo").0, "{p}");
    assert_others_loaded(&loaded, &[police_june()]);
}

#[test]
fn level_outside_one_to_five() {
    let fixture = Fixture::new();
    let text = fixture.edit(health_june(), "rating: Level(2)", "rating: Level(7)");
    let loaded = load_checking_untouched(&fixture, &health_june());
    let p = problem(&loaded, &health_june(), "outside 1–5");
    assert_eq!(
        (p.line, p.severity),
        (position(&text, "Level(7)").0, Severity::Error),
        "{p}"
    );
    assert!(p.column > 0);
    assert_others_loaded(&loaded, &[health_june()]);
}

#[test]
fn unknown_department() {
    let fixture = Fixture::new();
    let finance = store::assessment_path("finance", date(2025, 6, 30)).unwrap();
    let text = store::to_ron(&assessment("finance", date(2025, 6, 30))).unwrap();
    fixture.write(&finance, &text);
    let loaded = load_checking_untouched(&fixture, &finance);
    let p = problem(&loaded, &finance, "not in workspace.ron");
    assert_at(p, Severity::Error, position(&text, "\"finance\""));
    assert_others_loaded(&loaded, &[]);
    assert!(loaded.data.assessments.iter().all(|a| a.department != "finance"));
}

#[test]
fn unknown_and_unsafe_indicator_ids_in_answers() {
    let fixture = Fixture::new();
    let text = fixture.edit(health_june(), "\"sharing.exchange\": (", "\"sharing.bogus\": (");
    let text2 = fixture.edit(
        police_june(),
        "\"sharing.exchange\": (",
        "\"Sharing.Exchange\": (",
    );
    let loaded = fixture.load();
    assert_at(
        problem(&loaded, &health_june(), "sharing.bogus"),
        Severity::Error,
        position(&text, "\"sharing.bogus\""),
    );
    assert_at(
        problem(&loaded, &police_june(), "is not allowed"),
        Severity::Error,
        position(&text2, "\"Sharing.Exchange\""),
    );
    // The answers are kept (and would be saved back), just reported.
    assert_others_loaded(&loaded, &[]);
    let health = loaded.data.find("health", date(2025, 6, 30)).unwrap();
    assert!(health.answers.contains_key("sharing.bogus"));
}

#[test]
fn duplicate_department_ids() {
    let fixture = Fixture::new();
    let text = fixture.edit(store::WORKSPACE_FILE, "id: \"police\"", "id: \"health\"");
    let loaded = fixture.load();
    let file = Path::new(store::WORKSPACE_FILE);
    let p = problem(&loaded, file, "used twice");
    let (line, column) = position_nth(&text, "id: \"health\"", 1);
    assert_at(p, Severity::Error, (line, column + "id: ".len()));
    // police's file is now a department the workspace does not know.
    problem(&loaded, &police_june(), "not in workspace.ron");
    assert_others_loaded(&loaded, &[police_june()]);
}

#[test]
fn unsafe_department_id_in_workspace() {
    let fixture = Fixture::new();
    let text = fixture.edit(store::WORKSPACE_FILE, "id: \"city\"", "id: \"City Hall\"");
    let loaded = fixture.load();
    let p = problem(
        &loaded,
        Path::new(store::WORKSPACE_FILE),
        "\"City Hall\" is not allowed",
    );
    assert_at(p, Severity::Error, position(&text, "\"City Hall\""));
    assert_others_loaded(&loaded, &[]);
}

#[test]
fn parent_that_does_not_exist() {
    let fixture = Fixture::new();
    let text = fixture.edit(store::WORKSPACE_FILE, "parent: Some(\"city\"),\n            archived: false,\n        ),\n        (\n            id: \"police\"", "parent: Some(\"town\"),\n            archived: false,\n        ),\n        (\n            id: \"police\"");
    let loaded = fixture.load();
    let p = problem(&loaded, Path::new(store::WORKSPACE_FILE), "parent \"town\"");
    assert_at(p, Severity::Error, position(&text, "\"town\""));
    assert_others_loaded(&loaded, &[]);
}

#[test]
fn targets_naming_unknown_things() {
    let fixture = Fixture::new();
    fixture.edit(
        store::WORKSPACE_FILE,
        "dimension: \"sharing\"",
        "dimension: \"sharng\"",
    );
    fixture.edit(
        store::WORKSPACE_FILE,
        "indicator: Some(\"security.policy\")",
        "indicator: Some(\"security.polcy\")",
    );
    let text = fixture.edit(
        store::WORKSPACE_FILE,
        "department: Some(\"health\")",
        "department: Some(\"heath\")",
    );
    let loaded = fixture.load();
    let file = Path::new(store::WORKSPACE_FILE);
    assert_at(
        problem(&loaded, file, "dimension \"sharng\""),
        Severity::Error,
        position(&text, "\"sharng\""),
    );
    assert_at(
        problem(&loaded, file, "indicator \"security.polcy\""),
        Severity::Error,
        position(&text, "\"security.polcy\""),
    );
    assert_at(
        problem(&loaded, file, "department \"heath\""),
        Severity::Error,
        position(&text, "\"heath\""),
    );
    assert_others_loaded(&loaded, &[]);
}

#[test]
fn weights_naming_unknown_things() {
    let fixture = Fixture::new();
    let text = fixture.edit(
        store::WORKSPACE_FILE,
        "\"sharing.open\": 2.0",
        "\"sharing.opn\": -2.0",
    );
    let loaded = fixture.load();
    let file = Path::new(store::WORKSPACE_FILE);
    assert_at(
        problem(&loaded, file, "no dimension or indicator"),
        Severity::Error,
        position(&text, "\"sharing.opn\""),
    );
    assert_at(
        problem(&loaded, file, "greater than 0 and at most 1000"),
        Severity::Error,
        position(&text, "\"sharing.opn\""),
    );
}

#[test]
fn a_repeated_target_is_an_error_at_its_dimension() {
    let fixture = Fixture::new();
    let mut repeated = workspace();
    let mut again = repeated.targets[0].clone();
    again.level = Level::new(4).unwrap();
    repeated.targets.push(again);
    let text = store::to_ron(&repeated).unwrap();
    fixture.write(store::WORKSPACE_FILE, &text);
    let loaded = fixture.load();
    let p = problem(
        &loaded,
        Path::new(store::WORKSPACE_FILE),
        "a second target for dimension \"sharing\" of all departments; only one can apply",
    );
    // At the repeat, not at the first target.
    assert_at(p, Severity::Error, position_nth(&text, "\"sharing\"", 1));
}

#[test]
fn framework_weights_above_a_thousand_are_errors() {
    let fixture = Fixture::new();
    let text = fixture.edit(store::FRAMEWORK_FILE, "weight: 2.0,", "weight: 5000.0,");
    let loaded = fixture.load();
    let p = problem(
        &loaded,
        Path::new(store::FRAMEWORK_FILE),
        "the weight of \"security\" is 5000; weights must be greater than 0 and at most 1000",
    );
    assert_at(p, Severity::Error, position(&text, "\"security\""));
}

#[test]
fn file_name_disagrees_with_content() {
    let fixture = Fixture::new();
    // In the health folder, but says police.
    let text = fixture.edit(health_june(), "department: \"health\"", "department: \"police\"");
    // Named 2024-12-31, but says 2025-01-31.
    let december = store::assessment_path("health", date(2024, 12, 31)).unwrap();
    let text2 = fixture.edit(&december, "period: \"2024-12-31\"", "period: \"2025-01-31\"");
    let loaded = load_checking_untouched(&fixture, &health_june());
    assert_at(
        problem(&loaded, &health_june(), "folder \"health\""),
        Severity::Error,
        position(&text, "\"police\""),
    );
    assert_at(
        problem(&loaded, &december, "named 2024-12-31.ron"),
        Severity::Error,
        position(&text2, "\"2025-01-31\""),
    );
    // Neither is loaded: saving them would write to another file.
    assert_others_loaded(&loaded, &[health_june(), december.clone()]);
    assert_eq!(
        loaded.data.find("police", date(2025, 6, 30)),
        Some(&assessment("police", date(2025, 6, 30)))
    );
    // And neither is ever saved over.
    assert_saves_refused(&fixture, &loaded, &health_june());
    assert_saves_refused(&fixture, &loaded, &december);
}

#[test]
fn unsafe_department_id_in_an_assessment() {
    let fixture = Fixture::new();
    let text = fixture.edit(
        health_june(),
        "department: \"health\"",
        "department: \"../police\"",
    );
    let loaded = load_checking_untouched(&fixture, &health_june());
    let p = problem(&loaded, &health_june(), "is not allowed");
    assert_at(p, Severity::Error, position(&text, "\"../police\""));
    assert_others_loaded(&loaded, &[health_june()]);
    assert_saves_refused(&fixture, &loaded, &health_june());
    assert_eq!(
        fixture.read(police_june()),
        store::to_ron(&assessment("police", date(2025, 6, 30)))
            .unwrap()
            .as_bytes()
    );
}

#[test]
fn empty_file() {
    let fixture = Fixture::new();
    fixture.write(health_june(), "  \n");
    let loaded = load_checking_untouched(&fixture, &health_june());
    assert_at(problem(&loaded, &health_june(), "empty"), Severity::Error, (1, 1));
    assert_others_loaded(&loaded, &[health_june()]);
    assert_saves_refused(&fixture, &loaded, &health_june());
}

#[test]
fn bytes_that_are_not_utf8() {
    let fixture = Fixture::new();
    let mut bytes = fixture.read(police_june());
    let offset = bytes.windows(8).position(|w| w == b"assessor").unwrap();
    bytes[offset + 2] = 0xff;
    fixture.write(police_june(), &bytes);
    let loaded = load_checking_untouched(&fixture, &police_june());
    let text = String::from_utf8_lossy(&bytes);
    let (line, column) = position(&text, "as\u{fffd}");
    assert_at(
        problem(&loaded, &police_june(), "UTF-8"),
        Severity::Error,
        (line, column + 2),
    );
    assert_others_loaded(&loaded, &[police_june()]);
    assert_saves_refused(&fixture, &loaded, &police_june());
}

#[test]
fn missing_or_impossible_version() {
    let fixture = Fixture::new();
    fixture.edit(health_june(), "    version: 1,\n", "");
    let text = fixture.edit(police_june(), "version: 1,", "version: 0,");
    let loaded = fixture.load();
    assert_at(
        problem(&loaded, &health_june(), "no `version` field"),
        Severity::Error,
        (1, 1),
    );
    assert_at(
        problem(&loaded, &police_june(), "version 0"),
        Severity::Error,
        position(&text, "version"),
    );
    assert_others_loaded(&loaded, &[health_june(), police_june()]);
}

#[test]
fn newer_format_loads_read_only_and_is_never_rewritten() {
    let fixture = Fixture::new();
    let text = fixture.edit(health_june(), "version: 1,", "version: 2,");
    let loaded = load_checking_untouched(&fixture, &health_june());
    let p = problem(&loaded, &health_june(), "newer govmaturity");
    assert_at(p, Severity::Warning, position(&text, "version"));
    assert!(!loaded.has_errors(), "{:#?}", loaded.problems);
    assert_others_loaded(&loaded, &[]);
    let shown = loaded.data.find("health", date(2025, 6, 30)).unwrap();
    assert_eq!(shown.version, 2);
    assert!(loaded.is_read_only(&health_june()));

    // Neither the loaded value nor a fresh one may replace it.
    let before = fixture.read(health_june());
    let expected = loaded.fingerprint(&health_june());
    let err = store::save_assessment(fixture.root(), shown, expected).unwrap_err();
    assert!(
        matches!(
            err,
            SaveError::ReadOnly {
                reason: ReadOnlyReason::NewerFormat { version: 2 },
                ..
            }
        ),
        "{err}"
    );
    assert!(err.to_string().contains("newer govmaturity"), "{err}");
    assert_saves_refused(&fixture, &loaded, &health_june());
    assert_eq!(fixture.read(health_june()), before);
}

#[test]
fn newer_format_that_does_not_parse_is_an_error() {
    let fixture = Fixture::new();
    let text = fixture.edit(
        police_june(),
        "version: 1,\n",
        "version: 3,\n    hologram: true,\n",
    );
    let loaded = load_checking_untouched(&fixture, &police_june());
    let p = problem(&loaded, &police_june(), "format version 3");
    assert_eq!(
        (p.line, p.severity),
        (position(&text, "hologram").0, Severity::Error),
        "{p}"
    );
    assert!(english(p).contains("update govmaturity"), "{p}");
    assert_others_loaded(&loaded, &[police_june()]);
    assert_saves_refused(&fixture, &loaded, &police_june());
}

#[test]
fn badly_named_files_are_skipped_with_a_warning() {
    let fixture = Fixture::new();
    let content = fixture.read(health_june());
    for name in [
        "health/2025-6-30.ron",
        "health/june.ron",
        "health/2025-02-30.ron",
        "notes.ron",
    ] {
        fixture.write(name, &content);
    }
    fixture.write("Health Dept/2025-06-30.ron", &content);
    fixture.write("health/old/2020-01-01.ron", &content);
    let loaded = fixture.load();
    for name in ["health/2025-6-30.ron", "health/june.ron", "health/2025-02-30.ron"] {
        assert_at(
            problem(&loaded, Path::new(name), "YYYY-MM-DD.ron"),
            Severity::Warning,
            (1, 1),
        );
    }
    assert_at(
        problem(&loaded, Path::new("notes.ron"), "skipped"),
        Severity::Warning,
        (1, 1),
    );
    assert_at(
        problem(&loaded, Path::new("Health Dept"), "not a department id"),
        Severity::Warning,
        (0, 0),
    );
    assert_at(
        problem(&loaded, &Path::new("health").join("old"), "skipped"),
        Severity::Warning,
        (0, 0),
    );
    assert!(!loaded.has_errors());
    assert_others_loaded(&loaded, &[]);
}

#[test]
fn framework_mismatch_is_a_warning() {
    let fixture = Fixture::new();
    let text = fixture.edit(health_june(), "framework: \"pilot\"", "framework: \"other\"");
    let text2 = fixture.edit(police_june(), "framework_version: 2", "framework_version: 1");
    let loaded = fixture.load();
    assert_at(
        problem(&loaded, &health_june(), "framework \"other\""),
        Severity::Warning,
        position(&text, "\"other\""),
    );
    assert_at(
        problem(&loaded, &police_june(), "version 1 of framework"),
        Severity::Warning,
        position(&text2, "framework_version"),
    );
    assert_others_loaded(&loaded, &[]);
}

#[test]
fn custom_framework_is_checked() {
    let fixture = Fixture::new();
    let text = fixture.edit(
        store::FRAMEWORK_FILE,
        "id: \"security.incident\"",
        "id: \"incident\"",
    );
    let loaded = fixture.load();
    let file = Path::new(store::FRAMEWORK_FILE);
    assert_at(
        problem(&loaded, file, "must start with \"security.\""),
        Severity::Error,
        position(&text, "\"incident\""),
    );
    // The framework is still used; answers are checked against it.
    assert_eq!(loaded.data.framework.indicator_count(), 4);
    assert_others_loaded(&loaded, &[]);
}

#[test]
fn broken_framework_falls_back_to_the_builtin_without_flooding() {
    let fixture = Fixture::new();
    let text = fixture.edit(
        store::FRAMEWORK_FILE,
        "framework_version: 2,",
        "framework_version: 2",
    );
    let loaded = load_checking_untouched(&fixture, Path::new(store::FRAMEWORK_FILE));
    let file = Path::new(store::FRAMEWORK_FILE);
    let errors: Vec<_> = loaded.problems.iter().filter(|p| p.is_error()).collect();
    assert_eq!(
        errors.len(),
        1,
        "one error, no flood of unknown indicators: {errors:#?}"
    );
    assert_eq!(
        (errors[0].file.as_path(), errors[0].line),
        (file, position(&text, "framework_version").0 + 1)
    );
    assert_eq!(loaded.data.framework, store::builtin_framework().unwrap());
    assert_others_loaded(&loaded, &[]);
    assert_saves_refused(&fixture, &loaded, file);
}

#[test]
fn custom_framework_missing() {
    let fixture = Fixture::new();
    fs::remove_file(fixture.root().join(store::FRAMEWORK_FILE)).unwrap();
    let loaded = fixture.load();
    let text = fixture.read_text(store::WORKSPACE_FILE);
    let p = problem(&loaded, Path::new(store::WORKSPACE_FILE), "no framework.ron");
    assert_at(p, Severity::Error, position(&text, "framework:"));
    assert_others_loaded(&loaded, &[]);
}

#[test]
fn broken_workspace_still_loads_the_assessments() {
    let fixture = Fixture::new();
    let text = fixture.edit(store::WORKSPACE_FILE, "version: 1,", "version: 1");
    let loaded = load_checking_untouched(&fixture, Path::new(store::WORKSPACE_FILE));
    let file = Path::new(store::WORKSPACE_FILE);
    let p = loaded
        .problems
        .iter()
        .find(|p| p.file == file && p.is_error())
        .unwrap();
    assert_at(p, Severity::Error, position(&text, "title"));
    // A stand-in workspace: titled after the folder, departments from folder names.
    let folder = fixture.root().canonicalize().unwrap();
    let folder_name = folder.file_name().unwrap().to_string_lossy();
    assert_eq!(loaded.data.workspace.title.en, folder_name);
    let ids: Vec<_> = loaded
        .data
        .workspace
        .departments
        .iter()
        .map(|d| d.id.as_str())
        .collect();
    assert_eq!(ids, ["health", "police"]);
    assert_eq!(loaded.data.framework, framework(), "framework.ron is still used");
    assert_others_loaded(&loaded, &[]);
    assert_saves_refused(&fixture, &loaded, file);
}

// ---------------------------------------------------------------------------
// Saving

#[test]
fn an_interrupted_save_leaves_the_old_content_and_no_temp_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("workspace.ron");
    fs::write(&path, "old").unwrap();

    let result = store::atomic_write_with_hook(&path, b"new", |temp| {
        assert_eq!(
            fs::read(temp).unwrap(),
            b"new",
            "the temp file is complete before the rename"
        );
        Err(io::Error::other("simulated crash before rename"))
    });
    assert!(result.is_err());
    assert_eq!(fs::read(&path).unwrap(), b"old");
    assert_eq!(hidden_files(dir.path()), Vec::<String>::new());

    // A panic half-way is no different.
    let panicked = std::panic::catch_unwind(|| {
        let _ = store::atomic_write_with_hook(&path, b"new", |_| panic!("simulated crash"));
    });
    assert!(panicked.is_err());
    assert_eq!(fs::read(&path).unwrap(), b"old");
    assert_eq!(hidden_files(dir.path()), Vec::<String>::new());

    store::atomic_write(&path, b"new").unwrap();
    assert_eq!(fs::read(&path).unwrap(), b"new");
    assert_eq!(hidden_files(dir.path()), Vec::<String>::new());
}

#[test]
fn create_assessment_never_overwrites() {
    let fixture = Fixture::new();
    let before = fixture.read(health_june());
    let mut draft = assessment("health", date(2025, 6, 30));
    draft.answers.clear();
    let err = store::create_assessment(fixture.root(), &draft).unwrap_err();
    assert!(matches!(err, SaveError::Exists { .. }), "{err}");
    assert!(err.to_string().contains("2025-06-30.ron"), "{err}");
    assert_eq!(fixture.read(health_june()), before);

    // A new period, in a new department folder, is created.
    let mut new = assessment("city", date(2025, 9, 30));
    new.answers.clear();
    let fingerprint = store::create_assessment(fixture.root(), &new).unwrap();
    let path = store::assessment_path("city", date(2025, 9, 30)).unwrap();
    assert_eq!(
        Fingerprint::read(fixture.root(), &path).unwrap(),
        Some(fingerprint)
    );
    assert_eq!(fixture.load().data.find("city", date(2025, 9, 30)), Some(&new));
    assert_eq!(hidden_files(&fixture.root().join("city")), Vec::<String>::new());
}

#[test]
fn saving_detects_changes_on_disk() {
    let fixture = Fixture::new();
    let loaded = fixture.load();
    let expected = *loaded.fingerprint(&health_june()).unwrap();
    let mut mine = loaded.data.find("health", date(2025, 6, 30)).unwrap().clone();
    mine.assessor = "me".to_owned();

    // Someone else saves the file meanwhile.
    let theirs = fixture.edit(health_june(), "assessor: \"王芳\"", "assessor: \"them\"");
    let err = store::save_assessment(fixture.root(), &mine, Some(&expected)).unwrap_err();
    let message = err.to_string();
    assert!(
        message.contains("changed on disk") && message.contains("2025-06-30.ron"),
        "{message}"
    );
    let SaveError::Conflict {
        on_disk: Some(on_disk),
        ..
    } = err
    else {
        panic!("{message}")
    };
    assert_eq!(
        fixture.read_text(health_june()),
        theirs,
        "their work is not clobbered"
    );

    // A caller that thinks the file is new conflicts too.
    assert!(matches!(
        store::save_assessment(fixture.root(), &mine, None),
        Err(SaveError::Conflict { .. })
    ));

    // Choosing to overwrite: save against what is on disk now.
    let written = store::save_assessment(fixture.root(), &mine, Some(&on_disk)).unwrap();
    assert_eq!(
        Fingerprint::read(fixture.root(), &health_june()).unwrap(),
        Some(written)
    );
    assert_eq!(fixture.load().data.find("health", date(2025, 6, 30)), Some(&mine));

    // A file removed on disk is a conflict as well.
    fs::remove_file(fixture.root().join(health_june())).unwrap();
    let err = store::save_assessment(fixture.root(), &mine, Some(&written)).unwrap_err();
    assert!(matches!(err, SaveError::Conflict { on_disk: None, .. }), "{err}");
}

#[test]
fn same_bytes_rewritten_is_not_a_conflict() {
    let fixture = Fixture::new();
    let loaded = fixture.load();
    let expected = *loaded.fingerprint(&police_june()).unwrap();
    // Another program rewrites the same bytes (e.g. a sync tool); only the time changes.
    let bytes = fixture.read(police_june());
    std::thread::sleep(std::time::Duration::from_millis(20));
    fixture.write(police_june(), &bytes);
    let mut mine = assessment("police", date(2025, 6, 30));
    mine.reviewer = "li".to_owned();
    store::save_assessment(fixture.root(), &mine, Some(&expected)).unwrap();
}

#[test]
fn saving_workspace_and_framework_checks_conflicts_too() {
    let fixture = Fixture::new();
    let loaded = fixture.load();
    let file = Path::new(store::WORKSPACE_FILE);
    let mut ws = loaded.data.workspace.clone();
    ws.title = Text::new("Renamed", "改名");
    let written = store::save_workspace(fixture.root(), &ws, loaded.fingerprint(file)).unwrap();
    fixture.edit(file, "Renamed", "Renamed by someone else");
    let err = store::save_workspace(fixture.root(), &ws, Some(&written)).unwrap_err();
    assert!(matches!(err, SaveError::Conflict { .. }), "{err}");

    let mut fw = loaded.data.framework.clone();
    fw.name = text("Pilot framework, edited");
    let written = store::save_framework(
        fixture.root(),
        &fw,
        loaded.fingerprint(Path::new(store::FRAMEWORK_FILE)),
    );
    assert!(written.is_ok(), "{written:?}");
    assert!(matches!(
        store::save_framework(fixture.root(), &fw, None),
        Err(SaveError::Conflict { .. })
    ));
}

#[test]
fn backups_keep_the_previous_content_and_are_bounded() {
    let fixture = Fixture::new();
    let mut a = assessment("health", date(2025, 6, 30));
    let mut expected = fixture.load().fingerprint(&health_june()).copied();
    let mut previous = Vec::new();
    for i in 0..(BACKUPS_KEPT + 3) {
        previous = fixture.read(health_june());
        a.answers.get_mut("sharing.open").unwrap().comment = format!("revision {i}");
        expected = Some(store::save_assessment(fixture.root(), &a, expected.as_ref()).unwrap());
    }
    let backups = store::list_backups(fixture.root(), &health_june()).unwrap();
    assert_eq!(backups.len(), BACKUPS_KEPT);
    assert!(backups[0].starts_with(fixture.root().join(".backups").join(health_june())));
    assert_eq!(
        fs::read(backups.last().unwrap()).unwrap(),
        previous,
        "the newest backup is the last content"
    );
    assert_eq!(hidden_files(&fixture.root().join("health")), Vec::<String>::new());

    // Saving unchanged content writes nothing and keeps no backup.
    let same = store::save_assessment(fixture.root(), &a, expected.as_ref()).unwrap();
    assert!(same.same_content(&expected.unwrap()));
    assert_eq!(
        store::list_backups(fixture.root(), &health_june()).unwrap(),
        backups
    );

    // Backups are the program's: loading ignores them.
    assert_eq!(fixture.load().problems, Vec::<Problem>::new());
}

#[test]
fn saving_refuses_unsafe_ids_and_wrong_versions() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = assessment("../outside", date(2025, 6, 30));
    let err = store::save_assessment(dir.path(), &a, None).unwrap_err();
    assert!(matches!(err, SaveError::Invalid { .. }), "{err}");
    assert!(store::assessment_path("../outside", date(2025, 6, 30)).is_err());
    assert!(store::create_assessment(dir.path(), &a).is_err());
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 0, "nothing written");

    a.department = "health".to_owned();
    a.version = FORMAT_VERSION + 1;
    let err = store::save_assessment(dir.path(), &a, None).unwrap_err();
    assert!(matches!(err, SaveError::ReadOnly { .. }), "{err}");
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 0, "nothing written");
}

#[test]
fn parse_functions_report_problems_for_one_file() {
    let file = Path::new("health/2025-06-30.ron");
    let text = store::to_ron(&assessment("health", date(2025, 6, 30))).unwrap();
    let (back, version) = store::parse_assessment(&text, file).unwrap();
    assert_eq!(
        (back, version),
        (assessment("health", date(2025, 6, 30)), FORMAT_VERSION)
    );
    let broken = text.replacen("status: Submitted", "status: Finished", 1);
    let p = store::parse_assessment(&broken, file).unwrap_err();
    assert_eq!(p.file, file);
    assert_eq!(p.line, position(&broken, "Finished").0, "{p}");
    assert!(english(&p).contains("`Draft`"), "says what is allowed: {p}");
    assert!(store::parse_workspace("", Path::new("workspace.ron")).is_err());
    assert!(store::parse_framework(store::BUILTIN_FRAMEWORK_RON, Path::new("f.ron")).is_ok());
}

// ---------------------------------------------------------------------------
// Large workspaces

/// A workspace on the built-in framework with every indicator answered.
fn write_large_workspace(root: &Path, departments: usize, periods: usize) -> Vec<Assessment> {
    let builtin = store::builtin_framework().unwrap();
    let mut ws = Workspace::new(Text::new("Province", "省"));
    ws.departments = (0..departments)
        .map(|i| department(&format!("dept-{i:04}"), None))
        .collect();
    store::save_workspace(root, &ws, None).unwrap();
    let mut written = Vec::new();
    for d in &ws.departments {
        for p in 0..periods {
            let period = date(2020 + (p / 4) as i32, 3 * (p % 4) as u32 + 1, 1);
            let mut a = Assessment::new(&d.id, period, &builtin);
            for (n, (_, indicator)) in builtin.indicators().enumerate() {
                let answer = Answer {
                    rating: Rating::Level(Level::new((n % 5) as u8 + 1).unwrap()),
                    evidence: format!(
                        "Evidence for {} in {period}: policy document no. {n}.",
                        indicator.id
                    ),
                    confidence: Some(Confidence::Medium),
                    ..Answer::default()
                };
                a.answers.insert(indicator.id.clone(), answer);
                a.log(
                    at(2025, 1, 1, 9),
                    "planner",
                    "level",
                    Some(&indicator.id),
                    String::new(),
                    "3".to_owned(),
                );
            }
            store::create_assessment(root, &a).unwrap();
            written.push(a);
        }
    }
    written
}

#[test]
fn many_files_load_in_order_on_several_threads() {
    let dir = tempfile::tempdir().unwrap();
    let written = write_large_workspace(dir.path(), 40, 5);
    let loaded = store::load(dir.path()).unwrap();
    assert_eq!(loaded.problems, Vec::<Problem>::new());
    assert_eq!(loaded.data.assessments, written);
    assert_eq!(loaded.files.len(), 1 + 40 * 5);
}

/// Prints how long 1,000 departments × 12 periods take to load. Run with
/// `cargo test --release --test integration store:: -- --ignored --nocapture`.
#[test]
#[ignore = "slow: writes 12,000 files; measures load time"]
fn load_time_of_a_thousand_departments_by_twelve_periods() {
    let dir = tempfile::tempdir().unwrap();
    let written = write_large_workspace(dir.path(), 1000, 12);
    for run in 0..3 {
        let started = std::time::Instant::now();
        let loaded = store::load(dir.path()).unwrap();
        let elapsed = started.elapsed();
        assert_eq!(loaded.data.assessments.len(), written.len());
        assert!(
            loaded.problems.is_empty(),
            "{:?}",
            &loaded.problems[..3.min(loaded.problems.len())]
        );
        println!(
            "run {run}: loaded {} assessments in {elapsed:?}",
            loaded.data.assessments.len()
        );
    }
}

// ---------------------------------------------------------------------------
// A file cut short (an incomplete save or copy) says so, in both languages,
// and names the backup to restore.

/// Cuts a copy of the sample's `file` at `fraction` of its length (on a
/// character boundary), loads the workspace and returns the problems about it.
fn problems_after_cut(file: &Path, fraction: f64) -> (tempfile::TempDir, Vec<Problem>) {
    let dir = crate::common::copy_workspace(&crate::common::sample_dir());
    let path = dir.path().join(file);
    let text = fs::read_to_string(&path).unwrap();
    let mut cut = (text.len() as f64 * fraction) as usize;
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    fs::write(&path, &text[..cut]).unwrap();
    let loaded = store::load(dir.path()).unwrap();
    let found = loaded
        .problems
        .iter()
        .filter(|p| p.file == file)
        .cloned()
        .collect();
    (dir, found)
}

#[test]
fn a_file_cut_anywhere_reads_as_ending_early() {
    let file = Path::new("health-commission/2025-12-31.ron");
    for fraction in [0.001, 0.01, 0.05, 0.2, 0.33, 0.5, 0.61, 0.77, 0.9, 0.97, 0.999] {
        let (_dir, found) = problems_after_cut(file, fraction);
        assert_eq!(found.len(), 1, "cut at {fraction}: {found:#?}");
        assert_eq!(
            found[0].code,
            ProblemCode::EndsEarly {
                file_kind: FileKind::Assessment,
                backup: None
            },
            "cut at {fraction}"
        );
        let en = problems::message(&found[0], Lang::En);
        assert!(en.contains("ends early"), "cut at {fraction}: {en}");
        assert!(!en.contains("wrong type"), "{en}");
        assert!(problems::message(&found[0], Lang::Zh).contains("文件不完整"));
    }
    for file in ["workspace.ron", "finance-bureau/2025-06-30.ron"] {
        for fraction in [0.1, 0.5, 0.95] {
            let (_dir, found) = problems_after_cut(Path::new(file), fraction);
            let codes: Vec<&str> = found.iter().map(|p| p.code.code()).collect();
            assert!(
                codes.contains(&"ends-early"),
                "{file} cut at {fraction}: {codes:?}"
            );
        }
    }
}

#[test]
fn a_file_cut_short_names_the_backup_to_restore() {
    let dir = crate::common::copy_workspace(&crate::common::sample_dir());
    let root = dir.path();
    let file = Path::new("health-commission/2025-12-31.ron");
    // Saving once keeps the previous content as a backup.
    let loaded = store::load(root).unwrap();
    let mut assessment = loaded
        .data
        .assessments
        .iter()
        .find(|a| a.department == "health-commission" && a.period == date(2025, 12, 31))
        .unwrap()
        .clone();
    assessment.assessor = "someone else".to_owned();
    store::save_assessment(root, &assessment, loaded.fingerprint(file)).unwrap();
    let backups = store::list_backups(root, file).unwrap();
    assert_eq!(backups.len(), 1);
    let backup = backups[0].strip_prefix(root).unwrap().to_path_buf();
    // Then an incomplete copy cuts the file in half.
    let text = fs::read_to_string(root.join(file)).unwrap();
    let half = text
        .char_indices()
        .map(|(i, _)| i)
        .find(|&i| i >= text.len() / 2)
        .unwrap();
    fs::write(root.join(file), &text[..half]).unwrap();

    let loaded = store::load(root).unwrap();
    let p = loaded.problems.iter().find(|p| p.file == file).unwrap();
    let name = backup.display().to_string();
    assert!(
        name.starts_with(".backups/health-commission/2025-12-31.ron/"),
        "{name}"
    );
    assert_eq!(
        problems::message(p, Lang::En),
        format!(
            "the assessment file ends early (an incomplete save or copy); restore it from {name} or re-enter it"
        )
    );
    assert_eq!(
        problems::message(p, Lang::Zh),
        format!("评估文件不完整，内容在中途中断（保存或复制未完成）；请从 {name} 恢复，或重新录入")
    );
    // What is on disk is left as it was.
    assert_eq!(fs::read_to_string(root.join(file)).unwrap(), text[..half]);
}

#[test]
fn a_file_with_a_typo_in_the_middle_does_not_read_as_cut_short() {
    let dir = crate::common::copy_workspace(&crate::common::sample_dir());
    let file = Path::new("health-commission/2025-12-31.ron");
    let path = dir.path().join(file);
    let text = fs::read_to_string(&path).unwrap();
    // A closing bracket missing in the middle leaves the end unbalanced too,
    // but the parser stops far before the end.
    let open = text.find("rating: Level(").unwrap();
    let close = open + text[open..].find(')').unwrap();
    let broken = format!("{}{}", &text[..close], &text[close + 1..]);
    fs::write(&path, &broken).unwrap();
    let loaded = store::load(dir.path()).unwrap();
    let p = loaded.problems.iter().find(|p| p.file == file).unwrap();
    assert_ne!(p.code.code(), "ends-early", "{p}");
}

#[test]
fn a_workspace_file_cut_short_names_its_backup_too() {
    let dir = crate::common::copy_workspace(&crate::common::sample_dir());
    let root = dir.path();
    let file = Path::new(store::WORKSPACE_FILE);
    let loaded = store::load(root).unwrap();
    let mut workspace = loaded.data.workspace.clone();
    workspace.title = Text::new("Renamed", "改名");
    store::save_workspace(root, &workspace, loaded.fingerprint(file)).unwrap();
    let backups = store::list_backups(root, file).unwrap();
    let name = backups[0].strip_prefix(root).unwrap().display().to_string();
    let text = fs::read_to_string(root.join(file)).unwrap();
    let cut = text
        .char_indices()
        .map(|(i, _)| i)
        .find(|&i| i >= text.len() / 3)
        .unwrap();
    fs::write(root.join(file), &text[..cut]).unwrap();

    let loaded = store::load(root).unwrap();
    let p = loaded
        .problems
        .iter()
        .find(|p| p.file == file && p.is_error())
        .unwrap();
    assert_eq!(
        problems::message(p, Lang::En),
        format!(
            "the workspace file ends early (an incomplete save or copy); restore it from {name} or re-enter it"
        )
    );
    assert!(name.starts_with(".backups/workspace.ron/"), "{name}");
}
