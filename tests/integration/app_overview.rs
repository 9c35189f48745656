//! The Overview as leadership meets it on the sample workspace: the
//! headline figures are the sample's (written out by hand below), a heatmap
//! cell opens that department on that dimension, every chart has its table,
//! equal levels share a rank, the top ten priorities come in priority order,
//! and Chinese shows Chinese names and words.

use crate::common;

use chrono::NaiveDate;
use egui_kittest::kittest::Queryable;
use govmaturity::analysis;
use govmaturity::app::GovApp;
use govmaturity::app::state::Tab;
use govmaturity::model::{
    Answer, Assessment, Dataset, Department, DepartmentKind, Lang, Level, Rating, Status, Text, Workspace,
};
use govmaturity::store;

fn data(app: &GovApp) -> &Dataset {
    app.state.data().unwrap()
}

fn name(data: &Dataset, id: &str, lang: Lang) -> String {
    data.workspace.department(id).unwrap().name.get(lang).to_owned()
}

/// The department's name as a row shows it: with "(provisional)" after it
/// while its figure is not approved (the sample's latest period has five).
fn row_name(data: &Dataset, id: &str) -> String {
    let provisional = analysis::summarize(data, None)
        .department(id)
        .is_some_and(|d| d.is_provisional());
    let name = name(data, id, Lang::En);
    if provisional {
        format!("{name} (provisional)")
    } else {
        name
    }
}

/// The vertical centre of the one node labelled `label`.
fn centre_y(harness: &egui_kittest::Harness<'_, GovApp>, label: &str) -> f32 {
    harness.get_by_label(label).rect().center().y
}

/// Whether `figure` is shown as the big figure of the headline card
/// captioned `caption`: just below the caption, at the same left edge.
pub(crate) fn card_shows(harness: &egui_kittest::Harness<'_, GovApp>, caption: &str, figure: &str) -> bool {
    let captions: Vec<egui::Rect> = harness.query_all_by_label(caption).map(|n| n.rect()).collect();
    harness.query_all_by_label(figure).any(|node| {
        let rect = node.rect();
        captions.iter().any(|c| {
            (rect.left() - c.left()).abs() < 2.0 && rect.top() >= c.bottom() && rect.top() - c.bottom() < 12.0
        })
    })
}

#[test]
fn headline_figures_are_the_samples() {
    let harness = common::sample_app();
    assert_eq!(harness.state().prefs.tab, Tab::Overview);
    // Mean of the twelve overall levels (3.87, 3.22, … 1.91) = 2.78.
    assert!(
        card_shows(&harness, "Overall level", "2.78"),
        "overall level 2.78"
    );
    assert!(card_shows(&harness, "Departments assessed", "12 / 12"));
    // 327 of 334 applicable indicators answered, pooled: 97.9% → 98%.
    assert!(card_shows(&harness, "Coverage", "98%"));
    // Approved: 7; Draft 3 + Returned 1 = 4 in draft; 1 submitted.
    assert!(card_shows(&harness, "Approved", "7"));
    assert!(card_shows(&harness, "Draft or returned", "4"));
    assert!(harness.query_by_label("Submitted: 1").is_some());
    assert!(harness.query_by_label_contains("Stage 2 · Embryonic").is_some());
    assert!(harness.query_by_label("includes 5 provisional").is_some());
}

#[test]
fn in_chinese_the_headline_speaks_chinese() {
    let mut harness = common::sample_app();
    harness.get_by_label("简体中文").click();
    harness.run();
    assert!(card_shows(&harness, "总体等级", "2.78"));
    assert!(card_shows(&harness, "覆盖率", "98%"));
    assert!(harness.query_by_label_contains("阶段 2 · 萌芽").is_some());
    assert!(harness.query_by_label("已提交：1").is_some());
    assert!(
        harness.query_by_label_contains("截至2025年12月31日").is_some(),
        "the as-of date is written the Chinese way"
    );
}

#[test]
fn clicking_a_heatmap_cell_opens_that_department_on_that_dimension() {
    let mut harness = common::sample_app();
    harness
        .get_by_label("Finance Bureau · Data sharing & openness")
        .click();
    harness.run();
    let app = harness.state();
    assert_eq!(app.prefs.tab, Tab::Department);
    assert_eq!(app.state.selection.department.as_deref(), Some("finance-bureau"));
    assert_eq!(app.state.selection.dimension.as_deref(), Some("sharing"));
}

#[test]
fn every_department_and_dimension_has_a_cell() {
    let harness = common::sample_app();
    let data = data(harness.state());
    for department in data.workspace.active_departments() {
        for dimension in &data.framework.dimensions {
            let label = format!("{} · {}", row_name(data, &department.id), dimension.name.en);
            assert!(harness.query_by_label(&label).is_some(), "no cell {label}");
        }
    }
}

#[test]
fn the_heatmap_table_lists_every_department() {
    let mut harness = common::sample_app();
    // Each chart has its own Chart / Table switch; the heatmap's is the leftmost.
    let toggle = harness
        .get_all_by_label("Table")
        .min_by(|a, b| a.rect().min.x.total_cmp(&b.rect().min.x))
        .unwrap();
    toggle.click();
    harness.run();
    assert!(harness.state().state.views.as_table.contains("overview.heatmap"));
    assert!(
        harness
            .query_by_label("Finance Bureau · Data sharing & openness")
            .is_none(),
        "the chart gave way to the table"
    );
    let data = data(harness.state());
    for department in data.workspace.active_departments() {
        // Once in the department list on the left, once in the table.
        let shown = harness.query_all_by_label(&department.name.en).count()
            + harness
                .query_all_by_label(&format!("{} (provisional)", department.name.en))
                .count();
        assert_eq!(shown, 2, "{} is not in the table", department.name.en);
    }
    assert!(
        harness.query_by_label("Data sharing & openness").is_some(),
        "dimension columns are headed"
    );
}

#[test]
fn the_ranking_lists_scored_departments_highest_first() {
    let harness = common::sample_app();
    // The sample's overall levels, as `govmaturity summary` prints them;
    // Emergency Management and Finance both show 2.58 and go by name.
    let expected = [
        "Big Data Bureau: 3.87",
        "Government Service Centre: 3.22",
        "Public Security Bureau: 2.99",
        "Market Regulation Bureau: 2.83",
        "Health Commission · provisional: 2.81",
        "Human Resources and Social Security Bureau · provisional: 2.79",
        "Natural Resources and Planning Bureau: 2.75",
        "Transport Bureau · provisional: 2.61",
        "Emergency Management Bureau: 2.58",
        "Finance Bureau: 2.58",
        "Education Bureau · provisional: 2.49",
        "Civil Affairs Bureau · provisional: 1.91",
    ];
    let ys: Vec<f32> = expected.iter().map(|label| centre_y(&harness, label)).collect();
    assert!(ys.windows(2).all(|w| w[0] < w[1]), "ranking out of order: {ys:?}");
}

/// The rank shown in the ranking table on the row of `name`.
fn rank_in_table(harness: &egui_kittest::Harness<'_, GovApp>, name: &str, ranks: &[&str]) -> Option<String> {
    // The department list on the left holds the name too: take the table's,
    // the rightmost.
    let row = harness
        .query_all_by_label(name)
        .max_by(|a, b| a.rect().left().total_cmp(&b.rect().left()))?
        .rect();
    ranks
        .iter()
        .find(|rank| {
            harness.query_all_by_label(rank).any(|n| {
                let r = n.rect();
                (r.center().y - row.center().y).abs() < 4.0 && r.right() <= row.left()
            })
        })
        .map(|rank| (*rank).to_owned())
}

#[test]
fn departments_showing_the_same_level_share_a_rank() {
    // Three departments: two at level 3 everywhere, one at level 2.
    let dir = tempfile::tempdir().unwrap();
    let mut workspace = Workspace::new(Text::new("Tie city", "并列市"));
    for (id, en, zh) in [
        ("alpha", "Alpha Bureau", "甲局"),
        ("beta", "Beta Bureau", "乙局"),
        ("gamma", "Gamma Bureau", "丙局"),
    ] {
        workspace.departments.push(Department {
            id: id.to_owned(),
            name: Text::new(en, zh),
            kind: DepartmentKind::Bureau,
            parent: None,
            archived: false,
        });
    }
    store::save_workspace(dir.path(), &workspace, None).unwrap();
    let framework = store::builtin_framework().unwrap();
    let period = NaiveDate::from_ymd_opt(2025, 12, 31).unwrap();
    for (id, level) in [("gamma", 2), ("beta", 3), ("alpha", 3)] {
        let mut assessment = Assessment::new(id, period, &framework);
        assessment.status = Status::Approved;
        for (_, indicator) in framework.indicators() {
            assessment.answers.insert(
                indicator.id.clone(),
                Answer {
                    rating: Rating::Level(Level::new(level).unwrap()),
                    ..Answer::default()
                },
            );
        }
        store::create_assessment(dir.path(), &assessment).unwrap();
    }
    let mut harness = common::app(Some(dir.path()));
    assert_eq!(harness.state().prefs.tab, Tab::Overview);
    // The bars: equal levels, listed by name.
    let ys: Vec<f32> = ["Alpha Bureau: 3.00", "Beta Bureau: 3.00", "Gamma Bureau: 2.00"]
        .iter()
        .map(|label| centre_y(&harness, label))
        .collect();
    assert!(ys.windows(2).all(|w| w[0] < w[1]), "ranking out of order: {ys:?}");
    // The table: 1, 1, 3 — not 1, 2, 3.
    harness
        .state_mut()
        .state
        .views
        .as_table
        .insert("overview.ranking");
    harness.run();
    let ranks = ["1", "2", "3"];
    assert_eq!(
        rank_in_table(&harness, "Alpha Bureau", &ranks).as_deref(),
        Some("1")
    );
    assert_eq!(
        rank_in_table(&harness, "Beta Bureau", &ranks).as_deref(),
        Some("1")
    );
    assert_eq!(
        rank_in_table(&harness, "Gamma Bureau", &ranks).as_deref(),
        Some("3")
    );
}

#[test]
fn the_samples_equal_levels_share_rank_nine() {
    let mut harness = common::sample_app();
    harness
        .state_mut()
        .state
        .views
        .as_table
        .insert("overview.ranking");
    harness.run();
    let ranks = ["8", "9", "10", "11"];
    assert_eq!(
        rank_in_table(&harness, "Emergency Management Bureau", &ranks).as_deref(),
        Some("9")
    );
    assert_eq!(
        rank_in_table(&harness, "Finance Bureau", &ranks).as_deref(),
        Some("9")
    );
    assert_eq!(
        rank_in_table(&harness, "Education Bureau (provisional)", &ranks).as_deref(),
        Some("11")
    );
}

#[test]
fn the_top_ten_priorities_come_in_priority_order() {
    let harness = common::sample_app();
    // Civil Affairs: "Independence from vendors" 1 → 4, ((1 + 3)² − 1) × 1 =
    // 15; then gaps of 2 at weight 1, (9 − 1) × 1 = 8, by department, the
    // indicator short in more departments first, then by id.
    let expected = [
        ("1. Civil Affairs Bureau (provisional)", "15.00"),
        ("2. Civil Affairs Bureau (provisional)", "8.00"),
        ("3. Civil Affairs Bureau (provisional)", "8.00"),
        ("4. Civil Affairs Bureau (provisional)", "8.00"),
        ("5. Civil Affairs Bureau (provisional)", "8.00"),
        ("6. Civil Affairs Bureau (provisional)", "8.00"),
        ("7. Civil Affairs Bureau (provisional)", "8.00"),
        ("8. Education Bureau (provisional)", "8.00"),
        ("9. Education Bureau (provisional)", "8.00"),
        ("10. Education Bureau (provisional)", "8.00"),
    ];
    let mut previous_y = f32::MIN;
    for (label, figure) in expected {
        let y = centre_y(&harness, label);
        assert!(y > previous_y, "row {label} is out of order");
        previous_y = y;
        let in_row = harness
            .query_all_by_label(figure)
            .any(|n| (n.rect().center().y - y).abs() < 6.0);
        assert!(in_row, "row {label} does not show priority {figure}");
    }
    let first_row = centre_y(&harness, "1. Civil Affairs Bureau (provisional)");
    assert!(
        harness
            .query_all_by_label("Independence from vendors")
            .any(|n| (n.rect().center().y - first_row).abs() < 6.0),
        "the first priority names its indicator"
    );
    assert!(
        harness
            .query_by_label("11. Education Bureau (provisional)")
            .is_none(),
        "only ten priorities are listed"
    );
}

#[test]
fn a_priority_opens_its_department_and_dimension() {
    let mut harness = common::sample_app();
    // The first priority: Civil Affairs, "Independence from vendors" in the
    // organisation dimension.
    harness
        .get_by_label("1. Civil Affairs Bureau (provisional)")
        .click_accesskit();
    harness.run();
    let app = harness.state();
    assert_eq!(app.prefs.tab, Tab::Department);
    assert_eq!(app.state.selection.department.as_deref(), Some("civil-affairs"));
    assert_eq!(app.state.selection.dimension.as_deref(), Some("organisation"));
}

#[test]
fn in_chinese_the_names_are_chinese() {
    let mut harness = common::sample_app();
    harness.get_by_label("简体中文").click();
    harness.run();
    assert_eq!(harness.state().prefs.lang, Lang::Zh);
    let data = data(harness.state());
    for dimension in &data.framework.dimensions {
        let label = format!("市财政局 · {}", dimension.name.zh);
        assert!(harness.query_by_label(&label).is_some(), "no cell {label}");
        assert!(
            harness.query_by_label(&dimension.name.zh).is_some(),
            "column {} is not headed in Chinese",
            dimension.name.zh
        );
        let english = format!("Finance Bureau · {}", dimension.name.en);
        assert!(
            harness.query_by_label(&english).is_none(),
            "{english} still in English"
        );
    }
    for heading in ["部门 × 维度", "排名", "阶段分布", "重点改进事项", "不均衡提示"] {
        assert!(
            harness.query_all_by_label_contains(heading).next().is_some(),
            "{heading} is missing"
        );
    }
}

#[test]
fn an_imbalanced_dimension_is_flagged_and_opens_on_click() {
    let mut harness = common::sample_app();
    assert!(
        harness
            .query_by_label("No dimension lags more than one level behind its department's stage.")
            .is_some()
    );
    // Big Data Bureau excels everywhere but in digital talent.
    {
        let open = harness.state_mut().state.workspace.as_mut().unwrap();
        let latest = open.loaded.data.periods().last().copied().unwrap();
        let assessment = std::sync::Arc::make_mut(&mut open.loaded)
            .data
            .find_mut("big-data-bureau", latest)
            .unwrap();
        for (id, answer) in &mut assessment.answers {
            let level = if id.starts_with("talent.") { 1 } else { 5 };
            answer.rating = Rating::Level(Level::new(level).unwrap());
        }
        open.revision += 1;
    }
    harness.run();
    let label = "Big Data Bureau — Digital talent & skills";
    harness.get_by_label(label).click();
    harness.run();
    let app = harness.state();
    assert_eq!(app.prefs.tab, Tab::Department);
    assert_eq!(app.state.selection.department.as_deref(), Some("big-data-bureau"));
    assert_eq!(app.state.selection.dimension.as_deref(), Some("talent"));
}

#[test]
fn clicking_a_ranking_bar_opens_that_department() {
    let mut harness = common::sample_app();
    // Finance Bureau's overall level is 2.575, shown 2.58.
    harness.get_by_label("Finance Bureau: 2.58").click();
    harness.run();
    let app = harness.state();
    assert_eq!(app.prefs.tab, Tab::Department);
    assert_eq!(app.state.selection.department.as_deref(), Some("finance-bureau"));
}

#[test]
fn the_shortfalls_shared_across_departments_lead_the_priorities() {
    let mut harness = common::sample_app();
    harness.run();
    let lead = centre_y(&harness, "Shortfalls across departments");
    let per_department = centre_y(&harness, "Top priorities");
    assert!(lead < per_department, "the roll-up comes first");
    // The most urgent: Independence from vendors, below target in 11
    // departments, summed priority 65.00 (on the latest basis).
    let row = harness
        .query_all_by_label("Independence from vendors")
        .map(|n| n.rect().center().y)
        .fold(f32::INFINITY, f32::min);
    assert!(lead < row && row < per_department);
    let on_row = |label: &str| {
        harness
            .query_all_by_label(label)
            .any(|n| (n.rect().center().y - row).abs() < 4.0)
    };
    assert!(on_row("11") && on_row("65.00"));
}

#[test]
fn a_priority_row_shows_the_open_actions_on_its_gap() {
    let dir = common::copy_workspace(&common::sample_dir());
    // An open action on the most urgent gap, past its due date.
    let plan = r#"(
    version: 1,
    actions: [
        (
            id: "civil-vendor-exit",
            title: "Plan an exit from the single vendor",
            addresses: Indicators(["organisation.independence"]),
            departments: ["civil-affairs"],
            start: "2026-01-01",
            due: "2026-06-30",
            expected_level: 2,
            status: InProgress,
        ),
    ],
)
"#;
    let existing = std::fs::read_to_string(dir.path().join("civil-affairs/plan.ron")).unwrap();
    let merged = existing.replacen(
        "    actions: [\n",
        &format!(
            "    actions: [\n{}",
            &plan[plan.find("        (").unwrap()..plan.find("    ],").unwrap()]
        ),
        1,
    );
    std::fs::write(dir.path().join("civil-affairs/plan.ron"), merged).unwrap();
    let mut harness = common::app(Some(dir.path()));
    harness.run();
    assert!(
        harness
            .state()
            .state
            .workspace
            .as_ref()
            .unwrap()
            .loaded
            .problems
            .is_empty()
    );
    let badge = harness.get_by_label("1 open · 1 overdue");
    let plus = harness.get_by_label("1. Plan an action");
    assert!((badge.rect().center().y - plus.rect().center().y).abs() < 4.0);
}
