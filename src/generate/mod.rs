//! Workspaces made by the program: the sample municipal government shipped in
//! `assessments/`, and synthetic workspaces of any size (seeded, so the same
//! seed always gives the same files) for demos and benchmarks.
//!
//! Pure: builds model values; the CLI writes them through `store`.

mod evidence;
mod plan;
mod rng;
mod sample;

/// The shipped sample workspace, file by file, exactly as `assessments/`
/// holds it (listed by the build script): what `generate --sample` writes
/// and the installed app copies. [`sample`] built it once; it has been
/// edited by hand since (several assessors, their consensus notes), so the
/// files, not the builder, are the sample.
pub mod shipped {
    include!(concat!(env!("OUT_DIR"), "/sample_files.rs"));
}

use chrono::{Days, NaiveDate, NaiveDateTime};

use crate::model::{
    AUDIT_CONSENSUS_NOTE, AUDIT_RESPONSE, Answer, Answers, Assessment, Confidence, Department,
    DepartmentKind, FORMAT_VERSION, Framework, Level, Rating, Response, Role, Status, Target, Text,
    Workspace, half_year_periods,
};
pub use plan::{sample_plan, synthetic_plan};
pub use rng::Rng;
pub use sample::sample;

/// Options of `govmaturity generate`.
#[derive(Clone, Copy, Debug)]
pub struct SyntheticOptions {
    pub departments: usize,
    pub periods: usize,
    pub seed: u64,
    /// The last period; earlier ones are half a year apart.
    pub last_period: NaiveDate,
}

const DISTRICTS: [(&str, &str); 16] = [
    ("Riverside", "滨江"),
    ("Eastport", "东港"),
    ("Hillcrest", "岭南"),
    ("Lakeshore", "湖滨"),
    ("Old Town", "老城"),
    ("New Harbour", "新港"),
    ("Westfield", "西城"),
    ("North Gate", "北门"),
    ("South Bay", "南湾"),
    ("Pine Valley", "松谷"),
    ("High Tech Zone", "高新"),
    ("Golden Plain", "金原"),
    ("Stone Bridge", "石桥"),
    ("Cloud Peak", "云峰"),
    ("Willow Creek", "柳溪"),
    ("Jade Lake", "玉湖"),
];

const BUREAUS: [(&str, &str, &str, DepartmentKind); 12] = [
    ("education", "Education Bureau", "教育局", DepartmentKind::Bureau),
    (
        "health",
        "Health Commission",
        "卫生健康委员会",
        DepartmentKind::Commission,
    ),
    ("data", "Big Data Bureau", "大数据局", DepartmentKind::Bureau),
    (
        "services",
        "Government Service Centre",
        "政务服务中心",
        DepartmentKind::Centre,
    ),
    (
        "transport",
        "Transport Bureau",
        "交通运输局",
        DepartmentKind::Bureau,
    ),
    (
        "market",
        "Market Regulation Bureau",
        "市场监督管理局",
        DepartmentKind::Bureau,
    ),
    ("civil", "Civil Affairs Bureau", "民政局", DepartmentKind::Bureau),
    ("finance", "Finance Bureau", "财政局", DepartmentKind::Bureau),
    (
        "hrss",
        "Human Resources and Social Security Bureau",
        "人力资源和社会保障局",
        DepartmentKind::Bureau,
    ),
    (
        "resources",
        "Natural Resources Bureau",
        "自然资源局",
        DepartmentKind::Bureau,
    ),
    (
        "emergency",
        "Emergency Management Bureau",
        "应急管理局",
        DepartmentKind::Bureau,
    ),
    ("office", "General Office", "办公室", DepartmentKind::Office),
];

const ASSESSORS: [&str; 8] = [
    "Wang Fang 王芳",
    "Li Qiang 李强",
    "Zhang Wei 张伟",
    "Liu Yang 刘洋",
    "Chen Jing 陈静",
    "Zhao Lei 赵磊",
    "Huang Min 黄敏",
    "Zhou Tao 周涛",
];

const REVIEWER: &str = "Sun Hui 孙慧 (Digital Government Office)";

/// A realistic synthetic workspace: district bureaus with uneven starting
/// points, mostly rising but sometimes stalling or slipping, a few N/A
/// answers, the latest period partly still in Draft, and about one
/// department in five scored by several assessors in the latest period.
pub fn synthetic(framework: &Framework, options: SyntheticOptions) -> (Workspace, Vec<Assessment>) {
    let mut assessments =
        Vec::with_capacity(options.departments.saturating_mul(options.periods).min(1 << 20));
    let each = |_: &Department, made: Vec<Assessment>| {
        assessments.extend(made);
        Ok::<(), std::convert::Infallible>(())
    };
    let Ok(workspace) = synthetic_each(framework, options, each);
    (workspace, assessments)
}

/// [`synthetic`], handing each department's assessments (in period order)
/// to `each` as soon as they are made, so that a workspace of any size is
/// written without being held in memory. Stops at the first error of
/// `each`. The same seed makes the same workspace and assessments as
/// [`synthetic`].
pub fn synthetic_each<E>(
    framework: &Framework,
    options: SyntheticOptions,
    mut each: impl FnMut(&Department, Vec<Assessment>) -> Result<(), E>,
) -> Result<Workspace, E> {
    let mut rng = Rng::new(options.seed);
    let periods = half_year_periods(options.periods, options.last_period);
    let mut workspace = Workspace::new(Text::new(
        format!(
            "Synthetic workspace ({} departments, seed {})",
            options.departments, options.seed
        ),
        format!(
            "合成工作区（{}个部门，种子{}）",
            options.departments, options.seed
        ),
    ));
    let dimension_count = framework.dimensions.len();
    // A province-sized workspace has a hierarchy: the first departments
    // are the district governments, and every bureau after them belongs
    // to its district (what the full report groups by).
    let districts = if options.departments >= 4 * DISTRICTS.len() {
        DISTRICTS.len()
    } else {
        0
    };
    let district_id = |d: usize| format!("d{:05}-district", d + 1);
    for index in 0..options.departments {
        let own = index.checked_sub(districts);
        let (district_en, district_zh) = DISTRICTS[own.unwrap_or(index) % DISTRICTS.len()];
        let bureau = own.map(|j| j / DISTRICTS.len());
        let (slug, bureau_en, bureau_zh, kind) = match bureau {
            Some(b) => BUREAUS[b % BUREAUS.len()],
            None => ("district", "Government", "人民政府", DepartmentKind::District),
        };
        let round = own.map_or(0, |j| j / (DISTRICTS.len() * BUREAUS.len()));
        let suffix_en = if round == 0 {
            String::new()
        } else {
            format!(" {}", round + 1)
        };
        let suffix_zh = if round == 0 {
            String::new()
        } else {
            format!("（{}）", round + 1)
        };
        let department = Department {
            id: format!("d{:05}-{slug}", index + 1),
            name: Text::new(
                format!("{district_en} District {bureau_en}{suffix_en}"),
                format!("{district_zh}区{bureau_zh}{suffix_zh}"),
            ),
            kind,
            parent: own
                .filter(|_| districts > 0)
                .map(|j| district_id(j % DISTRICTS.len())),
            archived: false,
        };
        let profile = Profile {
            start: (0..dimension_count).map(|_| rng.range(1.2, 3.4)).collect(),
            growth: (0..dimension_count)
                .map(|_| {
                    if rng.chance(0.15) {
                        rng.range(-0.25, 0.05)
                    } else {
                        rng.range(0.05, 0.4)
                    }
                })
                .collect(),
            offsets: framework.indicators().map(|_| rng.range(-0.7, 0.7)).collect(),
            not_applicable: framework.indicators().map(|_| rng.chance(0.03)).collect(),
            events: Vec::new(),
        };
        let assessor = ASSESSORS[rng.below(ASSESSORS.len())];
        let mut assessments = Vec::with_capacity(periods.len());
        for (period_index, &period) in periods.iter().enumerate() {
            let last = period_index + 1 == periods.len();
            let status = if !last {
                Status::Approved
            } else {
                match rng.below(10) {
                    0..=5 => Status::Approved,
                    6 => Status::Submitted,
                    7 => Status::Returned,
                    _ => Status::Draft,
                }
            };
            let unanswered = if status == Status::Draft { 0.12 } else { 0.0 };
            let plan = AssessmentPlan {
                framework,
                department: &department.id,
                department_index: index,
                period,
                period_index,
                status,
                assessor,
                not_applicable_reason: "Outside the department's remit.",
                return_comment: "Please add evidence for the levels raised this period.",
            };
            let mut assessment = build_assessment(&plan, &profile, |_| rng.chance(unanswered));
            if last {
                add_responses(&mut assessment, options.seed, index);
            }
            assessments.push(assessment);
        }
        each(&department, assessments)?;
        workspace.departments.push(department);
    }
    let target_date = periods.last().and_then(|p| p.checked_add_days(Days::new(365)));
    if let Some(by) = target_date {
        for dimension in &framework.dimensions {
            workspace.targets.push(Target {
                department: None,
                dimension: dimension.id.clone(),
                indicator: None,
                level: Level::clamped(4),
                by,
            });
        }
    }
    Ok(workspace)
}

/// About this share of departments have several assessors in the latest
/// period.
const SEVERAL_ASSESSORS: f64 = 0.2;

/// The external evaluator of the departments with three assessors.
const EXTERNAL: &str = "Zhou Lan 周岚 (Provincial Evaluation Centre)";

/// For about [`SEVERAL_ASSESSORS`] of the departments, seeded by `seed`
/// and the department's `index` (so every other generated value stays as
/// it was): the department's own response and the office reviewer's, and
/// for one in three of them an external evaluator's too. Each gives the
/// agreed level, or one or (rarely) two levels off: the department higher,
/// the reviewer lower, the evaluator either way. Where the agreed level
/// departs from every assessor's, a consensus note says why.
fn add_responses(assessment: &mut Assessment, seed: u64, index: usize) {
    let mut rng = Rng::new(seed ^ 0x5eed_a55e_550e ^ (index as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15));
    if !rng.chance(SEVERAL_ASSESSORS) {
        return;
    }
    let period = assessment.period;
    let mut people = vec![
        (assessment.assessor.clone(), Role::SelfAssessment, 10),
        (REVIEWER.to_owned(), Role::Reviewer, 14),
    ];
    if rng.chance(1.0 / 3.0) {
        people.push((EXTERNAL.to_owned(), Role::External, 12));
    }
    for (assessor, role, day) in people {
        let mut answers = Answers::new();
        for (id, agreed) in &assessment.answers {
            let rating = match agreed.rating.level() {
                Some(level) => {
                    let shift: i16 = match (role, rng.unit()) {
                        (Role::SelfAssessment, u) if u < 0.05 => 2,
                        (Role::SelfAssessment, u) if u < 0.3 => 1,
                        (Role::Reviewer, u) if u < 0.04 => -2,
                        (Role::Reviewer, u) if u < 0.24 => -1,
                        (Role::External, u) if u < 0.15 => -1,
                        (Role::External, u) if u < 0.3 => 1,
                        _ => 0,
                    };
                    let shifted = (i16::from(level.get()) + shift).clamp(1, 5);
                    Rating::Level(Level::clamped(u8::try_from(shifted).unwrap_or(1)))
                }
                None => agreed.rating.clone(),
            };
            let own = role == Role::SelfAssessment;
            answers.insert(
                id.to_owned(),
                Answer {
                    rating,
                    evidence: if own {
                        agreed.evidence.clone()
                    } else {
                        String::new()
                    },
                    links: if own { agreed.links.clone() } else { Vec::new() },
                    confidence: agreed.confidence,
                    ..Answer::default()
                },
            );
        }
        let at = at(period, day, 11);
        assessment.responses.push(Response {
            assessor: assessor.clone(),
            role,
            at,
            source: if own_file(role) {
                format!("{}.xlsx", assessment.department)
            } else {
                String::new()
            },
            answers,
        });
        assessment.log(
            at,
            &assessor,
            AUDIT_RESPONSE,
            None,
            String::new(),
            assessor.clone(),
        );
    }
    let departing: Vec<String> = assessment
        .missing_consensus_notes()
        .into_iter()
        .map(str::to_owned)
        .collect();
    for id in departing {
        let note = "Agreed in the review meeting between the department's and the reviewer's levels.";
        assessment.consensus_notes.insert(id.clone(), note.to_owned());
        assessment.log(
            at(period, 16, 10),
            REVIEWER,
            AUDIT_CONSENSUS_NOTE,
            Some(&id),
            String::new(),
            note.to_owned(),
        );
    }
    // The log in time order: the responses came before the submission.
    assessment.audit.sort_by_key(|entry| entry.at);
}

/// Whether a response came in as a returned questionnaire.
fn own_file(role: Role) -> bool {
    role == Role::SelfAssessment
}

/// How a department's levels move over the periods.
struct Profile {
    /// Mean level per dimension at the first period.
    start: Vec<f64>,
    /// Change of that level per period.
    growth: Vec<f64>,
    /// A steady offset per indicator (framework order) from its dimension.
    offsets: Vec<f64>,
    /// Indicators (framework order) that do not apply to the department.
    not_applicable: Vec<bool>,
    /// (from period index, dimension index, change) shocks, e.g. a breach.
    events: Vec<(usize, usize, f64)>,
}

impl Profile {
    fn level(&self, dimension: usize, indicator: usize, period_index: usize) -> Level {
        let shocks: f64 = self
            .events
            .iter()
            .filter(|(from, d, _)| *d == dimension && period_index >= *from)
            .map(|(_, _, change)| change)
            .sum();
        let start = self.start.get(dimension).copied().unwrap_or(2.0);
        let growth = self.growth.get(dimension).copied().unwrap_or(0.0);
        let offset = self.offsets.get(indicator).copied().unwrap_or(0.0);
        let value = start + growth * period_index as f64 + offset + shocks;
        // Clamped to 1–5 first, so the cast is exact.
        Level::clamped(value.round().clamp(1.0, 5.0) as u8)
    }
}

struct AssessmentPlan<'a> {
    framework: &'a Framework,
    department: &'a str,
    department_index: usize,
    period: NaiveDate,
    period_index: usize,
    status: Status,
    assessor: &'a str,
    not_applicable_reason: &'a str,
    return_comment: &'a str,
}

/// Which of its dimension's documents (`evidence::links`) backs an
/// indicator, for the indicators that have one.
fn link_for(indicator: &str) -> Option<(&'static str, usize)> {
    let found = match indicator {
        "design.strategy" => ("design", 0),
        "design.standards" => ("design", 1),
        "design.legal" => ("design", 2),
        "sharing.catalogue" => ("sharing", 0),
        "sharing.requests" => ("sharing", 1),
        "sharing.open" => ("sharing", 2),
        "security.classification" => ("security", 0),
        "security.incident" => ("security", 1),
        "security.vendor" => ("security", 2),
        "talent.skills" => ("talent", 0),
        "talent.incentives" => ("talent", 1),
        "talent.leadership" => ("talent", 2),
        "organisation.agency" => ("organisation", 0),
        "organisation.coordination" => ("organisation", 1),
        "organisation.process" => ("organisation", 2),
        "service.online" => ("service", 0),
        "service.capacity" => ("service", 1),
        "service.feedback" => ("service", 2),
        _ => return None,
    };
    Some(found)
}

fn at(date: NaiveDate, days: u64, hour: u32) -> NaiveDateTime {
    let day = date.checked_add_days(Days::new(days)).unwrap_or(date);
    day.and_hms_opt(hour, 0, 0).unwrap_or_default()
}

/// Builds one assessment from a profile. `skip` says, per indicator, whether
/// a Draft leaves it unanswered.
fn build_assessment(
    plan: &AssessmentPlan,
    profile: &Profile,
    mut skip: impl FnMut(&str) -> bool,
) -> Assessment {
    let mut answers = Answers::new();
    for (indicator_index, (dimension, indicator)) in plan.framework.indicators().enumerate() {
        let dimension_index = plan
            .framework
            .dimensions
            .iter()
            .position(|d| d.id == dimension.id)
            .unwrap_or(0);
        let answer = if profile
            .not_applicable
            .get(indicator_index)
            .copied()
            .unwrap_or(false)
        {
            Answer {
                rating: Rating::NotApplicable {
                    reason: plan.not_applicable_reason.to_owned(),
                },
                ..Answer::default()
            }
        } else {
            if plan.status == Status::Draft && skip(&indicator.id) {
                continue;
            }
            let level = profile.level(dimension_index, indicator_index, plan.period_index);
            let variant = (plan.department_index + indicator_index) % 2;
            let evidence = evidence::sentences(&indicator.id, level.get())
                .get(variant)
                .copied()
                .unwrap_or_default()
                .to_owned();
            let links = match (level.get() >= 3, link_for(&indicator.id)) {
                (true, Some((dimension_links, index))) => evidence::links(dimension_links)
                    .get(index)
                    .map(|l| vec![(*l).to_owned()])
                    .unwrap_or_default(),
                _ => Vec::new(),
            };
            let confidence = match (level.get(), (plan.department_index * 7 + indicator_index) % 9) {
                (_, 0) => Confidence::Low,
                (4..=5, _) => Confidence::High,
                _ => Confidence::Medium,
            };
            Answer {
                rating: Rating::Level(level),
                evidence,
                links,
                confidence: Some(confidence),
                comment: String::new(),
                reconfirm: false,
            }
        };
        answers.insert(indicator.id.clone(), answer);
    }
    let mut assessment = Assessment {
        version: FORMAT_VERSION,
        department: plan.department.to_owned(),
        period: plan.period,
        framework: plan.framework.id.clone(),
        framework_version: plan.framework.framework_version,
        status: Status::Draft,
        assessor: plan.assessor.to_owned(),
        reviewer: String::new(),
        review_comment: String::new(),
        answers,
        responses: Vec::new(),
        consensus_notes: Default::default(),
        audit: Vec::new(),
    };
    assessment.log(
        at(plan.period, 1, 9),
        plan.assessor,
        "created",
        None,
        String::new(),
        plan.period.to_string(),
    );
    let steps: &[(Status, &str, u64)] = match plan.status {
        Status::Draft => &[],
        Status::Submitted => &[(Status::Submitted, "", 18)],
        Status::Approved => &[(Status::Submitted, "", 18), (Status::Approved, "", 25)],
        Status::Returned => &[
            (Status::Submitted, "", 18),
            (Status::Returned, plan.return_comment, 24),
        ],
    };
    for (status, comment, days) in steps {
        let who = if *status == Status::Submitted {
            plan.assessor
        } else {
            REVIEWER
        };
        // The steps follow the workflow, so the transition cannot be refused.
        let _ = assessment.transition(*status, who, comment, at(plan.period, *days, 15));
    }
    assessment
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn about_one_department_in_five_has_several_assessors_who_disagree() {
        let framework = crate::store::builtin_framework().unwrap();
        let options = SyntheticOptions {
            departments: 200,
            periods: 2,
            seed: 7,
            last_period: date(2025, 12, 31),
        };
        let (_, assessments) = synthetic(&framework, options);
        let several: Vec<&Assessment> = assessments.iter().filter(|a| !a.responses.is_empty()).collect();
        assert!((25..=55).contains(&several.len()), "{}", several.len());
        for a in &several {
            assert_eq!(a.period, date(2025, 12, 31), "only the latest period");
            assert!(a.has_several_assessors());
            assert!(a.missing_consensus_notes().is_empty(), "{}", a.department);
            let times: Vec<_> = a.audit.iter().map(|e| e.at).collect();
            assert!(times.is_sorted(), "{}", a.department);
            assert_eq!(a.changed_after_approval(), None);
        }
        let spread: usize = several
            .iter()
            .map(|a| {
                a.answers
                    .keys()
                    .filter(|id| a.spread(id).is_some_and(|s| s >= 2))
                    .count()
            })
            .sum();
        assert!(spread > 0, "some marked disagreements");
        // Seeded: the same again.
        assert_eq!(synthetic(&framework, options).1, assessments);
    }

    #[test]
    fn half_years_end_in_june_and_december() {
        assert_eq!(
            half_year_periods(4, date(2025, 12, 31)),
            vec![
                date(2024, 6, 30),
                date(2024, 12, 31),
                date(2025, 6, 30),
                date(2025, 12, 31)
            ]
        );
        assert_eq!(
            half_year_periods(2, date(2025, 8, 1)),
            vec![date(2024, 12, 31), date(2025, 6, 30)]
        );
        assert_eq!(half_year_periods(1, date(2025, 3, 1)), vec![date(2024, 12, 31)]);
        assert!(half_year_periods(0, date(2025, 3, 1)).is_empty());
    }
}
