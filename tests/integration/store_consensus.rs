//! Several assessors on disk: responses and consensus notes saved and read
//! back as they were, every problem with them at its place in the file, and
//! what a report keeps of them when it slims older periods.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::{NaiveDate, NaiveDateTime};
use govmaturity::model::{
    Answer, Answers, Assessment, Department, DepartmentKind, Lang, Level, Rating, Response, Role, Status,
    Text, Workspace,
};
use govmaturity::present::catalogue::problems;
use govmaturity::store::{self, LoadedWorkspace, Problem, Severity};
use tempfile::TempDir;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn at(h: u32) -> NaiveDateTime {
    date(2025, 7, 1).and_hms_opt(h, 0, 0).unwrap()
}

fn level(value: u8) -> Rating {
    Rating::Level(Level::new(value).unwrap())
}

fn answers(ratings: &[(&str, Rating)]) -> Answers {
    ratings
        .iter()
        .map(|(id, rating)| {
            (
                *id,
                Answer {
                    rating: rating.clone(),
                    evidence: format!("evidence for {id}"),
                    ..Answer::default()
                },
            )
        })
        .collect()
}

fn response(assessor: &str, role: Role, ratings: &[(&str, Rating)]) -> Response {
    Response {
        assessor: assessor.to_owned(),
        role,
        at: at(9),
        source: format!("{assessor}.xlsx"),
        answers: answers(ratings),
    }
}

/// Health on the built-in framework, agreed by a reviewer from a
/// self-assessment and an external evaluation that differ.
fn two_assessors(period: NaiveDate) -> Assessment {
    let framework = store::builtin_framework().unwrap();
    let mut a = Assessment::new("health", period, &framework);
    a.assessor = "Wang Fang".into();
    a.answers = answers(&[
        ("design.legal", level(3)),
        ("sharing.open", level(4)),
        ("talent.skills", level(2)),
    ]);
    a.responses = vec![
        response(
            "Wang Fang",
            Role::SelfAssessment,
            &[
                ("design.legal", level(4)),
                ("sharing.open", level(4)),
                ("talent.skills", level(1)),
            ],
        ),
        response(
            "Chen Jie",
            Role::External,
            &[
                ("design.legal", level(2)),
                ("sharing.open", level(3)),
                ("talent.skills", level(2)),
            ],
        ),
    ];
    a.consensus_notes
        .insert("design.legal".into(), "statute drafted, not yet passed".into());
    a
}

struct Fixture {
    dir: TempDir,
}

impl Fixture {
    fn new(assessment: &Assessment) -> Self {
        let fixture = Fixture {
            dir: tempfile::tempdir().unwrap(),
        };
        let mut workspace = Workspace::new(Text::new("Test", "测试"));
        workspace.departments = vec![Department {
            id: "health".into(),
            name: Text::new("Health", "卫生"),
            kind: DepartmentKind::Bureau,
            parent: None,
            archived: false,
        }];
        fixture.write(
            Path::new(store::WORKSPACE_FILE),
            &store::to_ron(&workspace).unwrap(),
        );
        fixture.save(assessment);
        fixture
    }

    fn save(&self, assessment: &Assessment) -> String {
        let text = store::to_ron(assessment).unwrap();
        self.write(&path(assessment.period), &text);
        text
    }

    fn write(&self, relative: &Path, text: &str) {
        let file = self.dir.path().join(relative);
        fs::create_dir_all(file.parent().unwrap()).unwrap();
        fs::write(file, text).unwrap();
    }

    fn load(&self) -> LoadedWorkspace {
        store::load(self.dir.path()).unwrap()
    }
}

fn path(period: NaiveDate) -> PathBuf {
    store::assessment_path("health", period).unwrap()
}

/// 1-based line and column of the `nth` (0-based) `needle` in `text`.
fn position(text: &str, needle: &str, nth: usize) -> (usize, usize) {
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

/// The one problem with `code`, in English.
fn one<'a>(loaded: &'a LoadedWorkspace, code: &str) -> (&'a Problem, String) {
    let found: Vec<_> = loaded.problems.iter().filter(|p| p.code.code() == code).collect();
    assert_eq!(found.len(), 1, "{code}: {:#?}", loaded.problems);
    (found[0], problems::message(found[0], Lang::En))
}

fn assert_at(problem: &Problem, severity: Severity, (line, column): (usize, usize)) {
    assert_eq!(problem.severity, severity, "{problem}");
    assert_eq!((problem.line, problem.column), (line, column), "{problem}");
}

#[test]
fn responses_and_notes_load_back_as_saved() {
    let period = date(2025, 6, 30);
    let saved = two_assessors(period);
    let fixture = Fixture::new(&saved);
    let loaded = fixture.load();
    assert!(loaded.problems.is_empty(), "{:#?}", loaded.problems);
    assert_eq!(loaded.data.find("health", period), Some(&saved));
    // And the file reads the same through the RON parser.
    let text = store::to_ron(&saved).unwrap();
    assert_eq!(
        store::parse_assessment(&text, &path(period)).ok().map(|(a, _)| a),
        Some(saved)
    );
}

#[test]
fn a_file_with_one_assessor_is_written_as_before() {
    let mut a = two_assessors(date(2025, 6, 30));
    a.responses.clear();
    a.consensus_notes.clear();
    let text = store::to_ron(&a).unwrap();
    assert!(!text.contains("responses"), "{text}");
    assert!(!text.contains("consensus_notes"), "{text}");
}

#[test]
fn problems_with_responses_are_at_their_place() {
    let mut a = two_assessors(date(2025, 6, 30));
    // A third response by Chen again, one without a name, an unknown
    // indicator and a reasonless N/A in Chen's, and a note on nothing.
    a.responses.push(response("Chen Jie", Role::Reviewer, &[]));
    a.responses.push(response(" ", Role::Reviewer, &[]));
    a.responses[1]
        .answers
        .insert("sharing.bogus".into(), Answer::default());
    a.responses[1].answers.insert(
        "security.vendor".into(),
        Answer {
            rating: Rating::NotApplicable {
                reason: String::new(),
            },
            ..Answer::default()
        },
    );
    a.consensus_notes.insert("talent.bogus".into(), "why".into());
    // Agreed 3 for sharing.open, which Wang gave 4 and Chen 3: fine; for
    // talent.skills 3, which nobody gave, without a note.
    a.answers.get_mut("talent.skills").unwrap().rating = level(3);
    let fixture = Fixture::new(&a);
    let text = store::to_ron(&a).unwrap();
    let loaded = fixture.load();
    assert_eq!(loaded.data.assessments.len(), 1, "still loaded");

    let (duplicate, words) = one(&loaded, "response-duplicate-assessor");
    assert_at(
        duplicate,
        Severity::Error,
        position(&text, "assessor: \"Chen Jie\"", 1),
    );
    assert!(
        words.contains("\"Chen Jie\" has more than one response"),
        "{words}"
    );

    let (nameless, words) = one(&loaded, "response-no-assessor");
    assert_at(nameless, Severity::Error, position(&text, "assessor: \" \"", 0));
    assert!(words.starts_with("response 4 has no assessor's name"), "{words}");

    // In Chen's response, not in the agreed answers above it.
    let (unknown, words) = one(&loaded, "response-unknown-indicator");
    assert_at(unknown, Severity::Error, position(&text, "\"sharing.bogus\":", 0));
    assert!(
        words.contains("Chen Jie's response answers \"sharing.bogus\""),
        "{words}"
    );

    let (reasonless, _) = one(&loaded, "response-missing-reason");
    assert_at(
        reasonless,
        Severity::Warning,
        position(&text, "\"security.vendor\":", 0),
    );

    let (note, _) = one(&loaded, "consensus-note-unknown-indicator");
    assert_at(note, Severity::Error, position(&text, "\"talent.bogus\":", 0));

    // At the agreed answer, the first talent.skills in the file.
    let (missing, words) = one(&loaded, "consensus-note-missing");
    assert_at(
        missing,
        Severity::Warning,
        position(&text, "\"talent.skills\":", 0),
    );
    assert_eq!(
        words,
        "the agreed level 3 of talent.skills is not what any assessor gave (Wang Fang 1, Chen Jie 2) \
         and there is no note saying why; write the reason in `consensus_notes`, or agree on an \
         assessor's level"
    );
    let chinese = problems::message(missing, Lang::Zh);
    assert!(chinese.contains("Wang Fang 1 级、Chen Jie 2 级"), "{chinese}");
    assert_eq!(loaded.problems.len(), 6, "{:#?}", loaded.problems);
}

#[test]
fn a_response_text_over_its_limit_keeps_the_file_from_loading() {
    let mut a = two_assessors(date(2025, 6, 30));
    a.responses[1].answers.get_mut("sharing.open").unwrap().evidence = "x".repeat(20_001);
    let fixture = Fixture::new(&a);
    let text = store::to_ron(&a).unwrap();
    let loaded = fixture.load();
    assert!(loaded.data.assessments.is_empty());
    let (long, words) = one(&loaded, "response-text-too-long");
    // Chen's sharing.open: the third in the file (agreed, Wang, Chen).
    assert_at(long, Severity::Error, position(&text, "\"sharing.open\":", 2));
    assert!(
        words.starts_with(
            "in Chen Jie's response, the evidence of indicator sharing.open is 20,001 characters long"
        ),
        "{words}"
    );
}

#[test]
fn a_report_keeps_the_current_responses_and_drops_older_ones() {
    let older = two_assessors(date(2024, 12, 31));
    let mut current = two_assessors(date(2025, 6, 30));
    current.status = Status::Submitted;
    let fixture = Fixture::new(&older);
    fixture.save(&current);
    // A brief prints no answer's text: the current responses keep their
    // levels (the agreement figures), not their text.
    let loaded = store::load_for_report(fixture.dir.path(), None, &|_| true, false).unwrap();
    let old = loaded.data.find("health", date(2024, 12, 31)).unwrap();
    assert!(old.responses.is_empty());
    assert!(old.consensus_notes.is_empty());
    let slim = loaded.data.find("health", date(2025, 6, 30)).unwrap();
    assert_eq!(slim.responses.len(), 2);
    assert_eq!(slim.spread("design.legal"), Some(2));
    assert_eq!(
        slim.responses[1].answers.get("sharing.open").unwrap().evidence,
        ""
    );
    // A full report keeps the current one whole.
    let loaded = store::load_for_report(fixture.dir.path(), None, &|_| true, true).unwrap();
    assert_eq!(loaded.data.find("health", date(2025, 6, 30)), Some(&current));
}
