//! The sample workspace shipped in `assessments/`: a fictional municipal
//! government, twelve departments, four half-yearly periods. The figures tell
//! a believable story rather than random noise: the Big Data Bureau leads on
//! sharing, several bureaus stall on talent, the Health Commission slips on
//! security after an outsourcing incident, Civil Affairs trails but climbs.

use chrono::NaiveDate;

use super::{AssessmentPlan, Profile, Rng, build_assessment, half_year_periods};
use crate::model::{
    Assessment, Department, DepartmentKind, Framework, Level, ReportSettings, Status, Target, Text, Workspace,
};

/// One department of the sample and how it develops. Dimension arrays follow
/// the built-in framework: design, sharing, security, talent, organisation, service.
struct Story {
    id: &'static str,
    en: &'static str,
    zh: &'static str,
    kind: DepartmentKind,
    parent: Option<&'static str>,
    assessor: &'static str,
    start: [f64; 6],
    growth: [f64; 6],
    /// (from period index, dimension index, change).
    events: &'static [(usize, usize, f64)],
    /// Indicators that do not apply, with the reason.
    not_applicable: &'static [(&'static str, &'static str)],
    /// Status of the latest period.
    latest: Status,
    /// Indicators left unanswered in a latest-period Draft.
    unanswered: &'static [&'static str],
}

const STORIES: [Story; 12] = [
    Story {
        id: "big-data-bureau",
        en: "Big Data Bureau",
        zh: "市大数据局",
        kind: DepartmentKind::Bureau,
        parent: None,
        assessor: "Chen Jing 陈静",
        start: [3.2, 3.6, 2.9, 2.6, 3.3, 2.9],
        growth: [0.25, 0.35, 0.2, 0.15, 0.2, 0.2],
        events: &[],
        not_applicable: &[],
        latest: Status::Approved,
        unanswered: &[],
    },
    Story {
        id: "gov-service-centre",
        en: "Government Service Centre",
        zh: "市政务服务中心",
        kind: DepartmentKind::Centre,
        parent: Some("big-data-bureau"),
        assessor: "Liu Yang 刘洋",
        start: [2.6, 2.8, 2.5, 2.2, 2.7, 3.4],
        growth: [0.2, 0.25, 0.15, 0.1, 0.2, 0.3],
        events: &[],
        not_applicable: &[],
        latest: Status::Approved,
        unanswered: &[],
    },
    Story {
        id: "public-security",
        en: "Public Security Bureau",
        zh: "市公安局",
        kind: DepartmentKind::Bureau,
        parent: None,
        assessor: "Zhao Lei 赵磊",
        start: [2.7, 2.0, 3.6, 2.5, 2.6, 2.7],
        growth: [0.15, 0.12, 0.2, 0.1, 0.1, 0.15],
        events: &[],
        not_applicable: &[(
            "sharing.open",
            "Police data are exempt from open release under the public-security data rules; requests are handled case by case.",
        )],
        latest: Status::Approved,
        unanswered: &[],
    },
    Story {
        id: "health-commission",
        en: "Health Commission",
        zh: "市卫生健康委员会",
        kind: DepartmentKind::Commission,
        parent: None,
        assessor: "Huang Min 黄敏",
        start: [2.4, 2.5, 3.0, 2.2, 2.3, 2.6],
        growth: [0.15, 0.2, 0.12, 0.1, 0.15, 0.2],
        // A contractor leaked appointment data in early 2025: security slipped.
        events: &[(2, 2, -1.1)],
        not_applicable: &[],
        latest: Status::Submitted,
        unanswered: &[],
    },
    Story {
        id: "education-bureau",
        en: "Education Bureau",
        zh: "市教育局",
        kind: DepartmentKind::Bureau,
        parent: None,
        assessor: "Wang Fang 王芳",
        start: [2.2, 2.1, 2.2, 1.8, 2.1, 2.4],
        growth: [0.15, 0.15, 0.15, 0.0, 0.1, 0.2],
        events: &[],
        not_applicable: &[],
        latest: Status::Draft,
        unanswered: &["talent.incentives", "security.vendor", "service.decisions"],
    },
    Story {
        id: "market-regulation",
        en: "Market Regulation Bureau",
        zh: "市市场监督管理局",
        kind: DepartmentKind::Bureau,
        parent: None,
        assessor: "Zhang Wei 张伟",
        start: [2.3, 2.4, 2.3, 2.0, 2.2, 2.5],
        growth: [0.2, 0.2, 0.15, 0.1, 0.15, 0.2],
        events: &[],
        not_applicable: &[],
        latest: Status::Approved,
        unanswered: &[],
    },
    Story {
        id: "transport-bureau",
        en: "Transport Bureau",
        zh: "市交通运输局",
        kind: DepartmentKind::Bureau,
        parent: None,
        assessor: "Zhou Tao 周涛",
        start: [2.1, 2.2, 2.3, 1.9, 2.0, 2.6],
        growth: [0.15, 0.2, 0.15, 0.05, 0.1, 0.3],
        events: &[],
        not_applicable: &[],
        latest: Status::Draft,
        unanswered: &[],
    },
    Story {
        id: "human-resources",
        en: "Human Resources and Social Security Bureau",
        zh: "市人力资源和社会保障局",
        kind: DepartmentKind::Bureau,
        parent: None,
        assessor: "Li Qiang 李强",
        start: [2.3, 2.3, 2.4, 1.7, 2.2, 2.9],
        growth: [0.15, 0.2, 0.1, 0.0, 0.1, 0.25],
        events: &[],
        not_applicable: &[],
        latest: Status::Returned,
        unanswered: &[],
    },
    Story {
        id: "natural-resources",
        en: "Natural Resources and Planning Bureau",
        zh: "市自然资源和规划局",
        kind: DepartmentKind::Bureau,
        parent: None,
        assessor: "Wu Jun 吴军",
        start: [2.4, 2.9, 2.4, 2.1, 2.1, 2.2],
        growth: [0.1, 0.2, 0.1, 0.1, 0.1, 0.15],
        events: &[],
        not_applicable: &[],
        latest: Status::Approved,
        unanswered: &[],
    },
    Story {
        id: "civil-affairs",
        en: "Civil Affairs Bureau",
        zh: "市民政局",
        kind: DepartmentKind::Bureau,
        parent: None,
        assessor: "Xu Li 徐丽",
        start: [1.6, 1.5, 1.7, 1.4, 1.6, 1.9],
        growth: [0.12, 0.15, 0.1, 0.05, 0.1, 0.18],
        events: &[],
        not_applicable: &[],
        latest: Status::Draft,
        unanswered: &[
            "design.legal",
            "sharing.quality",
            "security.classification",
            "talent.specialists",
        ],
    },
    Story {
        id: "finance-bureau",
        en: "Finance Bureau",
        zh: "市财政局",
        kind: DepartmentKind::Bureau,
        parent: None,
        assessor: "Ma Lin 马琳",
        start: [2.8, 2.2, 2.7, 1.8, 2.5, 2.2],
        growth: [0.2, 0.15, 0.15, 0.0, 0.1, 0.1],
        events: &[],
        not_applicable: &[(
            "service.capacity",
            "The bureau runs no public-facing online service; payments go through the city platform, assessed under the Government Service Centre.",
        )],
        latest: Status::Approved,
        unanswered: &[],
    },
    Story {
        id: "emergency-management",
        en: "Emergency Management Bureau",
        zh: "市应急管理局",
        kind: DepartmentKind::Bureau,
        parent: None,
        assessor: "Guo Hao 郭浩",
        start: [2.2, 2.1, 2.6, 2.0, 2.3, 2.3],
        growth: [0.15, 0.15, 0.2, 0.1, 0.15, 0.25],
        events: &[],
        not_applicable: &[],
        latest: Status::Approved,
        unanswered: &[],
    },
];

/// The reviewer's comment on the returned sample assessment.
const RETURN_COMMENT: &str = "Talent levels were raised without new evidence: attach the 2025 training records \
     and the revised job descriptions, then resubmit.";

/// The sample workspace, built for the given (built-in) framework.
pub fn sample(framework: &Framework) -> (Workspace, Vec<Assessment>) {
    let last = NaiveDate::from_ymd_opt(2025, 12, 31).unwrap_or_default();
    let periods = half_year_periods(4, last);
    let mut workspace = Workspace::new(Text::new(
        "Riverside Municipal Government — Digital Government Maturity",
        "滨江市人民政府数字政府成熟度评估",
    ));
    // What the official-style reports print in their header; the sign-off
    // names are left to the assessments' workflow records and to hand.
    workspace.report = ReportSettings {
        issuing_office: Text::new(
            "Riverside Digital Government Office",
            "滨江市数字政府建设领导小组办公室",
        ),
        document_number: "滨数政办〔2026〕1号".to_owned(),
        ..ReportSettings::default()
    };
    let mut assessments = Vec::new();
    for (index, story) in STORIES.iter().enumerate() {
        workspace.departments.push(Department {
            id: story.id.to_owned(),
            name: Text::new(story.en, story.zh),
            kind: story.kind,
            parent: story.parent.map(str::to_owned),
            archived: false,
        });
        // Each indicator keeps a steady place relative to its dimension, so
        // levels move with the department's story, not by chance.
        let mut rng = Rng::new(2025 + index as u64);
        let profile = Profile {
            start: story.start.to_vec(),
            growth: story.growth.to_vec(),
            offsets: framework.indicators().map(|_| rng.range(-0.45, 0.45)).collect(),
            not_applicable: framework
                .indicators()
                .map(|(_, i)| story.not_applicable.iter().any(|(id, _)| *id == i.id))
                .collect(),
            events: story.events.to_vec(),
        };
        for (period_index, &period) in periods.iter().enumerate() {
            let latest = period_index + 1 == periods.len();
            let reason = story.not_applicable.first().map_or("", |(_, reason)| reason);
            let plan = AssessmentPlan {
                framework,
                department: story.id,
                department_index: index,
                period,
                period_index,
                status: if latest { story.latest } else { Status::Approved },
                assessor: story.assessor,
                not_applicable_reason: reason,
                return_comment: RETURN_COMMENT,
            };
            let unanswered = if latest { story.unanswered } else { &[] };
            assessments.push(build_assessment(&plan, &profile, |id| unanswered.contains(&id)));
        }
    }
    let by = NaiveDate::from_ymd_opt(2026, 12, 31).unwrap_or(last);
    for dimension in &framework.dimensions {
        let level = if dimension.id == "talent" { 3 } else { 4 };
        workspace.targets.push(Target {
            department: None,
            dimension: dimension.id.clone(),
            indicator: None,
            level: Level::clamped(level),
            by,
        });
    }
    workspace.targets.push(Target {
        department: Some("big-data-bureau".to_owned()),
        dimension: "sharing".to_owned(),
        indicator: None,
        level: Level::clamped(5),
        by,
    });
    workspace.targets.push(Target {
        department: Some("gov-service-centre".to_owned()),
        dimension: "service".to_owned(),
        indicator: Some("service.online".to_owned()),
        level: Level::clamped(5),
        by: NaiveDate::from_ymd_opt(2026, 6, 30).unwrap_or(by),
    });
    (workspace, assessments)
}
