//! Test data built in code: a three-dimension framework and a small
//! workspace whose scores are worked out by hand in the tests.
//!
//! | dimension (weight) | indicators (weight)                 |
//! |--------------------|-------------------------------------|
//! | data (2)           | data.sharing (1), data.open (3)     |
//! | security (1)       | security.policy (1), security.audit (1) |
//! | talent (1)         | talent.skills (1)                   |
//!
//! Targets: data 4 and talent 3 for everyone; security.policy 5 for health.
//! Departments: health (2024-12-31 Draft, 2025-06-30 Submitted), police
//! (2025-06-30 Approved, talent unanswered), old (archived), newdept (none).

use chrono::NaiveDate;

use crate::model::{
    Assessment, Dataset, Department, DepartmentKind, Dimension, Framework, Indicator, Level, LevelDef,
    Rating, Status, Target, Text, Workspace,
};

pub fn date(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).expect("valid test date")
}

pub fn lv(level: u8) -> Level {
    Level::new(level).expect("level 1–5")
}

fn text(s: &str) -> Text {
    Text::new(s, s)
}

fn indicator(id: &str, weight: f64) -> Indicator {
    Indicator {
        id: id.to_owned(),
        name: text(id),
        weight,
        levels: (1..=5).map(|n| text(&format!("{id} level {n}"))).collect(),
    }
}

fn dimension(id: &str, weight: f64, indicators: Vec<Indicator>) -> Dimension {
    Dimension {
        id: id.to_owned(),
        name: text(id),
        description: Text::default(),
        weight,
        indicators,
    }
}

pub fn framework() -> Framework {
    Framework {
        version: 1,
        id: "test".into(),
        framework_version: 1,
        name: text("Test framework"),
        description: Text::default(),
        levels: (1..=5)
            .map(|n| LevelDef {
                name: text(&format!("L{n}")),
                summary: Text::default(),
            })
            .collect(),
        dimensions: vec![
            dimension(
                "data",
                2.0,
                vec![indicator("data.sharing", 1.0), indicator("data.open", 3.0)],
            ),
            dimension(
                "security",
                1.0,
                vec![
                    indicator("security.policy", 1.0),
                    indicator("security.audit", 1.0),
                ],
            ),
            dimension("talent", 1.0, vec![indicator("talent.skills", 1.0)]),
        ],
    }
}

fn department(id: &str, archived: bool) -> Department {
    Department {
        id: id.to_owned(),
        name: text(id),
        kind: DepartmentKind::Bureau,
        parent: None,
        archived,
    }
}

fn target(department: Option<&str>, dimension: &str, indicator: Option<&str>, level: u8) -> Target {
    Target {
        department: department.map(str::to_owned),
        dimension: dimension.to_owned(),
        indicator: indicator.map(str::to_owned),
        level: lv(level),
        by: date(2026, 12, 31),
    }
}

pub fn workspace() -> Workspace {
    let mut ws = Workspace::new(text("Test workspace"));
    ws.departments = vec![
        department("health", false),
        department("police", false),
        department("old", true),
        department("newdept", false),
    ];
    ws.targets = vec![
        target(None, "data", None, 4),
        target(None, "talent", None, 3),
        target(Some("health"), "security", Some("security.policy"), 5),
    ];
    ws
}

/// Sets an indicator's rating, keeping any other part of its answer.
pub fn answer(assessment: &mut Assessment, indicator: &str, rating: Rating) {
    assessment.answers.entry(indicator.to_owned()).or_default().rating = rating;
}

/// An assessment with the given levels (0 = N/A) for the indicators listed.
fn assessment(
    framework: &Framework,
    department: &str,
    period: NaiveDate,
    status: Status,
    levels: &[(&str, u8)],
) -> Assessment {
    let mut a = Assessment::new(department, period, framework);
    a.status = status;
    for &(id, level) in levels {
        let rating = match Level::new(level) {
            Some(level) => Rating::Level(level),
            None => Rating::NotApplicable {
                reason: "no audit office".into(),
            },
        };
        answer(&mut a, id, rating);
    }
    a
}

pub fn dataset() -> Dataset {
    let fw = framework();
    let assessments = vec![
        assessment(
            &fw,
            "health",
            date(2025, 6, 30),
            Status::Submitted,
            &[
                ("data.sharing", 2),
                ("data.open", 4),
                ("security.policy", 3),
                ("security.audit", 0),
                ("talent.skills", 1),
            ],
        ),
        assessment(
            &fw,
            "health",
            date(2024, 12, 31),
            Status::Draft,
            &[
                ("data.sharing", 1),
                ("data.open", 3),
                ("security.policy", 2),
                ("security.audit", 2),
                ("talent.skills", 1),
            ],
        ),
        assessment(
            &fw,
            "police",
            date(2025, 6, 30),
            Status::Approved,
            &[
                ("data.sharing", 3),
                ("data.open", 3),
                ("security.policy", 3),
                ("security.audit", 3),
            ],
        ),
        assessment(
            &fw,
            "old",
            date(2025, 6, 30),
            Status::Approved,
            &[
                ("data.sharing", 5),
                ("data.open", 5),
                ("security.policy", 5),
                ("security.audit", 5),
                ("talent.skills", 5),
            ],
        ),
    ];
    Dataset::new(workspace(), fw, assessments)
}

/// Health's 2025-06-30 assessment.
pub fn health_2025(data: &Dataset) -> &Assessment {
    data.find("health", date(2025, 6, 30))
        .expect("fixture has health 2025-06-30")
}

pub fn find_mut<'a>(data: &'a mut Dataset, department: &str, period: NaiveDate) -> &'a mut Assessment {
    data.find_mut(department, period)
        .expect("fixture has this assessment")
}
