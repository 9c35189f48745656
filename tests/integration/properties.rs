//! Properties over generated data: what is saved loads back unchanged, with
//! any Unicode in every text field; and the scoring rules of DESIGN.md hold
//! for any answers and any weights. Case counts are kept modest so the
//! whole module runs in a few seconds.

use std::collections::BTreeSet;

use chrono::{NaiveDate, NaiveDateTime};
use govmaturity::analysis::{AssessmentScore, score_assessment};
use govmaturity::model::merge::merge;
use govmaturity::model::{
    Action, ActionStatus, Addresses, Answer, Answers, Assessment, AuditEntry, Confidence, Dataset,
    Department, DepartmentKind, FORMAT_VERSION, Framework, FrameworkSource, Level, Owner, ProgressNote,
    Rating, ReportSettings, Response, Role, Status, StatusChange, Target, Text, Workspace,
};
use govmaturity::store;
use proptest::prelude::*;
use proptest::sample::select;

fn framework() -> Framework {
    store::builtin_framework().unwrap()
}

fn indicator_ids() -> Vec<String> {
    framework().indicators().map(|(_, i)| i.id.clone()).collect()
}

fn dimension_ids() -> Vec<String> {
    framework().dimensions.iter().map(|d| d.id.clone()).collect()
}

/// Any text: every Unicode scalar value is as likely as any other, so
/// control characters, quotes, backslashes, CJK and emoji all turn up.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::collection::vec(any::<char>(), 0..12).prop_map(String::from_iter),
        // RON's own syntax, escapes and comment markers.
        prop::collection::vec(
            select(vec![
                '"', '\\', '\n', '\r', '\t', '\0', '(', ')', '/', '*', 'r', '#', 'u', '{', '}', '试',
                '\u{feff}'
            ]),
            0..12
        )
        .prop_map(String::from_iter),
    ]
}

fn bilingual() -> impl Strategy<Value = Text> {
    (text(), text()).prop_map(|(en, zh)| Text::new(en, zh))
}

fn slug() -> impl Strategy<Value = String> {
    "[a-z0-9][a-z0-9-]{0,10}"
}

fn date() -> impl Strategy<Value = NaiveDate> {
    (2000i32..2100, 1u32..=12, 1u32..=28).prop_map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).unwrap())
}

fn date_time() -> impl Strategy<Value = NaiveDateTime> {
    (date(), 0u32..86_400, prop_oneof![Just(0u32), 0u32..1_000_000_000]).prop_map(|(day, secs, nanos)| {
        day.and_hms_nano_opt(secs / 3600, secs / 60 % 60, secs % 60, nanos)
            .unwrap()
    })
}

fn level() -> impl Strategy<Value = Level> {
    (1u8..=5).prop_map(|l| Level::new(l).unwrap())
}

/// A weight validation accepts: above 0, at most 1,000.
fn weight() -> impl Strategy<Value = f64> {
    prop_oneof![
        select(vec![1.0, 0.5, 2.0, 1000.0, f64::MIN_POSITIVE, 1e-300]),
        (1e-9f64..=1000.0),
    ]
}

/// A valid workspace: unique department ids, parents among the earlier
/// departments (so no cycles), targets and weights on the built-in
/// framework's dimensions and indicators.
fn workspace() -> impl Strategy<Value = Workspace> {
    let department = (
        slug(),
        bilingual(),
        select(DepartmentKind::ALL.to_vec()),
        any::<bool>(),
        any::<prop::sample::Index>(),
    );
    let target = (
        any::<Option<prop::sample::Index>>(),
        select(dimension_ids()),
        any::<Option<prop::sample::Index>>(),
        level(),
        date(),
    );
    (
        bilingual(),
        any::<bool>(),
        prop::collection::vec(department, 1..6),
        prop::collection::vec(target, 0..4),
        prop::collection::btree_map(
            select([dimension_ids(), indicator_ids()].concat()),
            weight(),
            0..4,
        ),
        any::<bool>(),
        (bilingual(), text(), text(), text(), text()),
    )
        .prop_map(
            |(title, custom, departments, targets, weights, self_approval, report)| {
                let mut workspace = Workspace::new(title);
                workspace.framework = if custom {
                    FrameworkSource::Custom
                } else {
                    FrameworkSource::Builtin
                };
                for (n, (id, name, kind, archived, parent)) in departments.into_iter().enumerate() {
                    let parent = (n > 0 && parent.index(2) == 1)
                        .then(|| workspace.departments[parent.index(n)].id.clone());
                    workspace.departments.push(Department {
                        id: format!("d{n}-{id}"),
                        name,
                        kind,
                        parent,
                        archived,
                    });
                }
                let framework = framework();
                let mut seen = BTreeSet::new();
                for (department, dimension, indicator, level, by) in targets {
                    let department = department.map(|d| d.get(&workspace.departments).id.clone());
                    let indicators = &framework
                        .dimensions
                        .iter()
                        .find(|d| d.id == dimension)
                        .unwrap()
                        .indicators;
                    let indicator = indicator.map(|i| i.get(indicators).id.clone());
                    if seen.insert((department.clone(), dimension.clone(), indicator.clone())) {
                        workspace.targets.push(Target {
                            department,
                            dimension,
                            indicator,
                            level,
                            by,
                        });
                    }
                }
                workspace.weights = weights;
                workspace.allow_self_approval = self_approval;
                let (issuing_office, document_number, prepared_by, reviewed_by, approved_by) = report;
                workspace.report = ReportSettings {
                    issuing_office,
                    document_number,
                    prepared_by,
                    reviewed_by,
                    approved_by,
                };
                workspace
            },
        )
}

fn rating() -> impl Strategy<Value = Rating> {
    prop_oneof![
        Just(Rating::Unanswered),
        level().prop_map(Rating::Level),
        text().prop_map(|reason| Rating::NotApplicable { reason }),
    ]
}

fn answer() -> impl Strategy<Value = Answer> {
    (
        rating(),
        text(),
        prop::collection::vec(text(), 0..3),
        prop::option::of(select(Confidence::ALL.to_vec())),
        text(),
        any::<bool>(),
    )
        .prop_map(
            |(rating, evidence, links, confidence, comment, reconfirm)| Answer {
                rating,
                evidence,
                links,
                confidence,
                comment,
                reconfirm,
            },
        )
}

fn audit_entry() -> impl Strategy<Value = AuditEntry> {
    (
        date_time(),
        text(),
        text(),
        prop::option::of(select(indicator_ids())),
        text(),
        text(),
        text(),
        prop::option::of("[0-9a-f]{64}"),
    )
        .prop_map(
            |(at, who, what, indicator, from, to, note, answers_sha256)| AuditEntry {
                at,
                who,
                what,
                indicator,
                from,
                to,
                note,
                answers_sha256,
            },
        )
}

/// Some assessors' responses, each by another assessor, and notes on the
/// agreed answers.
fn responses() -> impl Strategy<Value = (Vec<Response>, std::collections::BTreeMap<String, String>)> {
    let response = (
        select(vec![Role::SelfAssessment, Role::Reviewer, Role::External]),
        date_time(),
        text(),
        prop::collection::btree_map(select(indicator_ids()), answer(), 0..4),
    );
    (
        prop::collection::btree_map(select(vec!["王芳", "Li \"Wei\"", "a\\b", "Chen"]), response, 0..3),
        prop::collection::btree_map(select(indicator_ids()), text(), 0..2),
    )
        .prop_map(|(responses, notes)| {
            let responses = responses
                .into_iter()
                .map(|(assessor, (role, at, source, answers))| Response {
                    assessor: assessor.to_owned(),
                    role,
                    at,
                    source,
                    answers: answers.into_iter().collect(),
                })
                .collect();
            (responses, notes)
        })
}

/// An assessment of `department` on the built-in framework.
fn assessment(department: String) -> impl Strategy<Value = Assessment> {
    (
        date(),
        select(Status::ALL.to_vec()),
        (text(), text(), text()),
        prop::collection::btree_map(select(indicator_ids()), answer(), 0..8),
        prop::collection::vec(audit_entry(), 0..3),
        responses(),
    )
        .prop_map(
            move |(
                period,
                status,
                (assessor, reviewer, review_comment),
                answers,
                audit,
                (responses, notes),
            )| {
                let mut all = Answers::new();
                for (id, answer) in answers {
                    all.insert(id, answer);
                }
                Assessment {
                    version: FORMAT_VERSION,
                    department: department.clone(),
                    period,
                    framework: "digital-government".to_owned(),
                    framework_version: 1,
                    status,
                    assessor,
                    reviewer,
                    review_comment,
                    answers: all,
                    responses,
                    consensus_notes: notes,
                    audit,
                }
            },
        )
}

/// An action with its own id, in `departments`' plan.
fn action(id: String, departments: Vec<String>) -> impl Strategy<Value = Action> {
    let addresses = prop_oneof![
        select(dimension_ids()).prop_map(Addresses::Dimension),
        prop::collection::btree_set(select(indicator_ids()), 1..3)
            .prop_map(|ids| Addresses::Indicators(ids.into_iter().collect())),
    ];
    let change = (
        date_time(),
        text(),
        select(ActionStatus::ALL.to_vec()),
        select(ActionStatus::ALL.to_vec()),
    )
        .prop_map(|(at, who, from, to)| StatusChange { at, who, from, to });
    let note = (date(), text(), bilingual()).prop_map(|(on, who, text)| ProgressNote { on, who, text });
    (
        (bilingual(), bilingual(), addresses),
        (bilingual(), text()),
        (
            date(),
            0i64..2000,
            level(),
            select(ActionStatus::ALL.to_vec()),
            date(),
        ),
        (
            prop::collection::vec(change, 0..2),
            prop::collection::vec(note, 0..2),
            prop::collection::vec(text(), 0..2),
        ),
    )
        .prop_map(
            move |(
                (title, description, addresses),
                (unit, person),
                (start, days, expected_level, status, done),
                (history, notes, links),
            )| {
                Action {
                    id: id.clone(),
                    title,
                    description,
                    addresses,
                    departments: departments.clone(),
                    owner: Owner { unit, person },
                    start,
                    due: start + chrono::Days::new(days.unsigned_abs()),
                    expected_level,
                    status,
                    done_on: (status == ActionStatus::Done).then_some(done),
                    history,
                    notes,
                    links,
                }
            },
        )
}

/// A workspace with up to three assessments per department and plans: one
/// action in some departments' own plans, and government-wide ones.
fn everything() -> impl Strategy<Value = (Workspace, Vec<Assessment>, Vec<Action>)> {
    workspace().prop_flat_map(|workspace| {
        let ids: Vec<String> = workspace.departments.iter().map(|d| d.id.clone()).collect();
        let assessments = prop::collection::vec(select(ids.clone()).prop_flat_map(assessment), 0..5);
        let own = ids
            .iter()
            .enumerate()
            .map(|(n, id)| prop::option::of(action(format!("own-{n}"), vec![id.clone()])))
            .collect::<Vec<_>>();
        let wide = prop::collection::vec(prop::sample::subsequence(ids.clone(), 0..=ids.len()), 0..3)
            .prop_flat_map(|scopes| {
                scopes
                    .into_iter()
                    .enumerate()
                    // One department makes a department's action; the root plan holds several or none.
                    .map(|(n, departments)| {
                        action(
                            format!("wide-{n}"),
                            if departments.len() == 1 {
                                Vec::new()
                            } else {
                                departments
                            },
                        )
                    })
                    .collect::<Vec<_>>()
            });
        (Just(workspace), assessments, own, wide).prop_map(|(workspace, assessments, own, wide)| {
            // One assessment per department and period.
            let mut seen = BTreeSet::new();
            let assessments = assessments
                .into_iter()
                .filter(|a| seen.insert((a.department.clone(), a.period)))
                .collect();
            let actions = own.into_iter().flatten().chain(wide).collect();
            (workspace, assessments, actions)
        })
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, failure_persistence: None, ..ProptestConfig::default() })]

    /// Saved with the store's own functions into a folder and loaded back:
    /// the same workspace, assessments and actions, and no error.
    #[test]
    fn saved_workspaces_load_back_unchanged((workspace, mut assessments, mut actions) in everything()) {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        store::save_workspace(root, &workspace, None).unwrap();
        if workspace.framework == FrameworkSource::Custom {
            store::save_framework(root, &framework(), None).unwrap();
        }
        for assessment in &assessments {
            store::create_assessment(root, assessment).unwrap();
        }
        store::create_plans(root, &actions).unwrap();
        let loaded = store::load(root).unwrap();
        let errors: Vec<String> = loaded.problems.iter().filter(|p| p.is_error()).map(|p| p.to_string()).collect();
        prop_assert!(errors.is_empty(), "{errors:?}");
        prop_assert_eq!(&loaded.data.workspace, &workspace);
        assessments.sort_by(|a, b| (&a.department, a.period).cmp(&(&b.department, b.period)));
        prop_assert_eq!(&loaded.data.assessments, &assessments);
        actions.sort_by(|a, b| a.id.cmp(&b.id));
        prop_assert_eq!(&loaded.data.actions, &actions);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    /// The text of each file, written and parsed: the same value.
    #[test]
    fn written_files_parse_back_unchanged((workspace, assessments, actions) in everything()) {
        let file = std::path::Path::new("x.ron");
        let text = store::to_ron(&workspace).unwrap();
        prop_assert_eq!(store::parse_workspace(&text, file).unwrap().0, workspace);
        for assessment in assessments {
            let text = store::to_ron(&assessment).unwrap();
            prop_assert_eq!(store::parse_assessment(&text, file).unwrap().0, assessment);
        }
        let text = store::plan_to_ron(&actions).unwrap();
        let mut sorted = actions;
        sorted.sort_by(|a, b| a.id.cmp(&b.id));
        prop_assert_eq!(store::parse_plan(&text, file).unwrap().0.actions, sorted);
    }
}

/// Scoring: the built-in framework with the given indicator and dimension
/// weights (in framework order), and one assessment of `answers`.
fn scored(answers: &[Rating], indicator_weights: &[f64], dimension_weights: &[f64]) -> AssessmentScore {
    let mut framework = framework();
    let mut n = 0;
    for (d, dimension) in framework.dimensions.iter_mut().enumerate() {
        dimension.weight = dimension_weights[d];
        for indicator in &mut dimension.indicators {
            indicator.weight = indicator_weights[n];
            n += 1;
        }
    }
    let mut workspace = Workspace::new(Text::new("w", "w"));
    workspace.departments.push(Department {
        id: "d".to_owned(),
        name: Text::new("d", "d"),
        kind: DepartmentKind::Other,
        parent: None,
        archived: false,
    });
    let ids: Vec<String> = framework.indicators().map(|(_, i)| i.id.clone()).collect();
    let mut assessment = Assessment::new("d", NaiveDate::from_ymd_opt(2025, 6, 30).unwrap(), &framework);
    for (id, rating) in ids.into_iter().zip(answers) {
        assessment.answers.insert(
            id,
            Answer {
                rating: rating.clone(),
                ..Answer::default()
            },
        );
    }
    let data = Dataset::new(workspace, framework, vec![assessment]);
    score_assessment(&data, &data.assessments[0])
}

/// One rating per indicator of the built-in framework.
fn ratings() -> impl Strategy<Value = Vec<Rating>> {
    let n = indicator_ids().len();
    prop::collection::vec(
        prop_oneof![
            2 => level().prop_map(Rating::Level),
            1 => Just(Rating::Unanswered),
            1 => Just(Rating::NotApplicable { reason: "r".to_owned() }),
        ],
        n,
    )
}

/// Weights as the loader lets them through: finite and positive, from the
/// smallest subnormal to the largest valid one.
fn any_weights(n: usize) -> impl Strategy<Value = Vec<f64>> {
    prop::collection::vec(
        prop_oneof![
            weight(),
            select(vec![f64::from_bits(1), 1e-310, 1e-200, f64::EPSILON]),
        ],
        n,
    )
}

fn weights() -> impl Strategy<Value = (Vec<Rating>, Vec<f64>, Vec<f64>)> {
    (
        ratings(),
        any_weights(indicator_ids().len()),
        any_weights(dimension_ids().len()),
    )
}

/// Equal to within the 1e-9 the means are rounded to.
fn close(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => (a - b).abs() <= 1e-6,
        (None, None) => true,
        _ => false,
    }
}

fn same_means(a: &AssessmentScore, b: &AssessmentScore) -> Result<(), TestCaseError> {
    prop_assert!(close(a.score, b.score), "overall {:?} ≠ {:?}", a.score, b.score);
    for (x, y) in a.dimensions.iter().zip(&b.dimensions) {
        prop_assert!(
            close(x.score, y.score),
            "{}: {:?} ≠ {:?}",
            x.dimension,
            x.score,
            y.score
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    /// Each dimension's mean level lies between its floor (lowest answered
    /// level) and its highest answered level; the overall mean lies between
    /// the lowest and highest dimension means; everything is finite.
    #[test]
    fn means_lie_between_floor_and_maximum((answers, indicator_weights, dimension_weights) in weights()) {
        let score = scored(&answers, &indicator_weights, &dimension_weights);
        let mut means = Vec::new();
        for dimension in &score.dimensions {
            let levels: Vec<f64> = score
                .indicators
                .iter()
                .filter(|i| i.dimension == dimension.dimension)
                .filter_map(|i| i.level.map(|l| f64::from(l.get())))
                .collect();
            let (Some(mean), Some(floor)) = (dimension.mean_level, dimension.floor) else {
                prop_assert!(levels.is_empty() && dimension.mean_level.is_none());
                continue;
            };
            let highest = levels.iter().copied().fold(f64::MIN, f64::max);
            prop_assert!(mean.is_finite());
            prop_assert!(f64::from(floor.get()) - 1e-9 <= mean && mean <= highest + 1e-9,
                "{}: mean {mean} outside {floor}..={highest}", dimension.dimension);
            means.push(mean);
        }
        match score.mean_level {
            Some(mean) => {
                let lowest = means.iter().copied().fold(f64::MAX, f64::min);
                let highest = means.iter().copied().fold(f64::MIN, f64::max);
                prop_assert!(mean.is_finite() && lowest - 1e-9 <= mean && mean <= highest + 1e-9,
                    "overall {mean} outside {lowest}..={highest}");
            }
            None => prop_assert!(means.is_empty()),
        }
        for indicator in &score.indicators {
            prop_assert!(indicator.priority.is_none_or(f64::is_finite));
        }
    }

    /// Marking an unanswered indicator N/A, or an N/A one unanswered,
    /// changes no mean.
    #[test]
    fn not_applicable_changes_no_mean((answers, indicator_weights, dimension_weights) in weights()) {
        let swapped: Vec<Rating> = answers
            .iter()
            .map(|rating| match rating {
                Rating::Unanswered => Rating::NotApplicable { reason: "r".to_owned() },
                Rating::NotApplicable { .. } => Rating::Unanswered,
                level => level.clone(),
            })
            .collect();
        same_means(
            &scored(&answers, &indicator_weights, &dimension_weights),
            &scored(&swapped, &indicator_weights, &dimension_weights),
        )?;
    }

    /// Multiplying every weight by the same factor changes no mean (the
    /// factor is lowered where it would take a weight above 1,000).
    #[test]
    fn scaling_all_weights_changes_no_mean(
        answers in ratings(),
        indicator_weights in prop::collection::vec(weight(), indicator_ids().len()),
        dimension_weights in prop::collection::vec(weight(), dimension_ids().len()),
        factor in prop_oneof![select(vec![0.001, 0.5, 2.0, 10.0]), 1e-3f64..10.0],
    ) {
        let largest = indicator_weights.iter().chain(&dimension_weights).copied().fold(0.0, f64::max);
        let factor = factor.min(1000.0 / largest);
        let scale = |weights: &[f64]| weights.iter().map(|w| w * factor).collect::<Vec<_>>();
        let plain = scored(&answers, &indicator_weights, &dimension_weights);
        let scaled = scored(&answers, &scale(&indicator_weights), &scale(&dimension_weights));
        same_means(&plain, &scaled)?;
        prop_assert_eq!(plain.stage, scaled.stage);
    }
}

/// What the first property found: a blank issuing office was left out of
/// `workspace.ron` (blank counts as no text) and loaded back empty.
#[test]
fn blank_texts_load_back_as_saved() {
    let dir = tempfile::tempdir().unwrap();
    let mut workspace = Workspace::new(Text::new("w", "w"));
    workspace.report.issuing_office = Text::new("\u{a0}", "\n");
    store::save_workspace(dir.path(), &workspace, None).unwrap();
    let written = std::fs::read_to_string(dir.path().join("workspace.ron")).unwrap();
    assert!(written.contains("issuing_office"), "{written}");
    let loaded = store::load(dir.path()).unwrap();
    assert_eq!(
        loaded.data.workspace.report.issuing_office,
        Text::new("\u{a0}", "\n")
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, failure_persistence: None, ..ProptestConfig::default() })]

    /// A three-way merge where one side left everything as it was takes the
    /// other side whole, without conflicts; both sides alike merge to it.
    #[test]
    fn a_merge_with_one_side_unchanged_takes_the_other(
        base in assessment("health".to_owned()),
        x in assessment("health".to_owned()),
    ) {
        let kept = merge(&base, &x, &base);
        prop_assert!(kept.is_clean());
        prop_assert_eq!(kept.assessment, x.clone());
        let taken = merge(&base, &base, &x);
        prop_assert!(taken.is_clean());
        prop_assert_eq!(taken.assessment, x.clone());
        prop_assert_eq!(merge(&base, &x, &x).assessment, x);
    }
}
