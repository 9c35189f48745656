//! Improvement plans for the generated workspaces: the sample's plan, which
//! follows the departments' stories in `sample.rs`, and a few seeded actions
//! per department for synthetic workspaces.
//!
//! The sample's periods are 2024-06-30, 2024-12-31, 2025-06-30 and
//! 2025-12-31. Its actions show every case the Plan view and the reports
//! handle (the effect is the addressed indicator's level at the last
//! assessment before `done_on` and at the first one after):
//!
//! - done, and the level rose at the next assessment: `catalogue-auto-sync`
//!   (Big Data Bureau, sharing.catalogue 4 → 5), `one-portal-services`
//!   (Government Service Centre, service.online 3 → 4), `police-vendor-clauses`
//!   (security.vendor 3 → 4), `resources-on-demand-interfaces`
//!   (sharing.exchange 3 → 4), `hr-cloud-migration` (service.infrastructure
//!   3 → 4), `market-vendor-clauses` (security.vendor 2 → 3),
//!   `market-leadership-course` (talent.leadership 2 → 3),
//!   `finance-quality-rules` (sharing.quality 2 → 3),
//!   `emergency-joint-drills` (security.incident 3 → 4);
//! - done, level unchanged (flagged): `civil-skills-training` (talent.skills
//!   stays 1), `police-catalogue` (sharing.catalogue stays 2);
//! - done after the last assessment (not yet reassessed):
//!   `resources-permits-online`;
//! - in progress: `proactive-services`, `health-security-remediation` (a whole
//!   dimension), `health-vendor-audit`, `hr-appraisal-skills`,
//!   `gov-analyst-pool`, `gov-catalogue-platform`;
//! - planned: `service-satisfaction-publish`, `education-cdo`,
//!   `transport-strategy`;
//! - overdue (open, due before 2025-12-31): `civil-catalogue`,
//!   `education-data-rules`, `transport-data-grading`, `gov-cloud-migration`;
//! - dropped: `in-house-analysts`.

use chrono::{Days, NaiveDate, NaiveDateTime, NaiveTime};

use super::Rng;
use crate::model::{
    Action, ActionStatus, Addresses, Assessment, Level, Owner, ProgressNote, Rating, Text, Workspace,
};

type Day = (i32, u32, u32);

enum Addr {
    Indicators(&'static [&'static str]),
    Dimension(&'static str),
}

/// One action of the sample, as written in the table below.
struct SampleAction {
    id: &'static str,
    /// One department (its own plan) or several / none (the root plan).
    departments: &'static [&'static str],
    title: &'static str,
    description: &'static str,
    addresses: Addr,
    unit: &'static str,
    person: &'static str,
    start: Day,
    due: Day,
    expected: u8,
    /// Status changes, oldest first, made by `person`.
    steps: &'static [(Day, ActionStatus)],
    notes: &'static [(Day, &'static str)],
    links: &'static [&'static str],
}

use ActionStatus::{Done, Dropped, InProgress};

const SAMPLE: &[SampleAction] = &[
    // ---- Big Data Bureau --------------------------------------------------
    SampleAction {
        id: "catalogue-auto-sync",
        departments: &["big-data-bureau"],
        title: "政务数据资源目录自动同步 / Synchronise the data resource catalogue automatically",
        description: "目录与各部门业务系统自动同步，并按月统计调用情况。 / The catalogue is kept in step with the \
                      departments' systems automatically, and its use is counted monthly.",
        addresses: Addr::Indicators(&["sharing.catalogue"]),
        unit: "市大数据局数据资源处 / Data Resources Division",
        person: "Zhou Min 周敏",
        start: (2025, 3, 1),
        due: (2025, 9, 30),
        expected: 5,
        steps: &[((2025, 3, 3), InProgress), ((2025, 9, 15), Done)],
        notes: &[
            (
                (2025, 6, 20),
                "已完成 18 个部门的接口对接。 / Interfaces to 18 departments are connected.",
            ),
            (
                (2025, 9, 15),
                "自动同步上线，月度调用统计已发布。 / Automatic synchronisation is live; monthly usage \
                 figures are published.",
            ),
        ],
        links: &["https://data.riverside.example.gov/catalogue"],
    },
    SampleAction {
        id: "service-satisfaction-publish",
        departments: &["big-data-bureau"],
        title: "公开平台满意度并据此改版 / Publish platform satisfaction and redesign from it",
        description: "按季度公开共享平台用户满意度，排名靠后的功能列入改版计划。 / Publish the shared platform's \
                      user satisfaction each quarter; the lowest-rated functions go into the redesign plan.",
        addresses: Addr::Indicators(&["service.feedback"]),
        unit: "市大数据局应用推广处 / Applications Division",
        person: "Lin Tao 林涛",
        start: (2026, 3, 1),
        due: (2027, 9, 30),
        expected: 4,
        steps: &[],
        notes: &[],
        links: &[],
    },
    // ---- Government Service Centre ----------------------------------------
    SampleAction {
        id: "one-portal-services",
        departments: &["gov-service-centre"],
        title: "高频事项“一网通办” / Put high-frequency services on one portal",
        description: "前 100 项高频事项接入统一门户和移动端，实现全程网办。 / The 100 most requested services \
                      move onto the single portal and the mobile app, end to end.",
        addresses: Addr::Indicators(&["service.online"]),
        unit: "市政务服务中心网办科 / Online Services Section",
        person: "Sun Li 孙丽",
        start: (2024, 4, 1),
        due: (2024, 10, 31),
        expected: 4,
        steps: &[((2024, 4, 8), InProgress), ((2024, 10, 28), Done)],
        notes: &[(
            (2024, 8, 30),
            "已上线 76 项，其余 24 项待部门接口。 / 76 services are live; 24 wait for department interfaces.",
        )],
        links: &[],
    },
    SampleAction {
        id: "proactive-services",
        departments: &["gov-service-centre"],
        title: "推行“免申即享” / Offer proactive services that need no application",
        description: "首批 12 项惠企惠民政策根据共享数据自动兑现。 / The first 12 benefits for residents and \
                      firms are paid from shared data without an application.",
        addresses: Addr::Indicators(&["service.online"]),
        unit: "市政务服务中心网办科 / Online Services Section",
        person: "Sun Li 孙丽",
        start: (2025, 9, 1),
        due: (2027, 6, 30),
        expected: 5,
        steps: &[((2025, 9, 1), InProgress)],
        notes: &[(
            (2026, 1, 20),
            "首批 5 项已试运行。 / The first 5 benefits are in trial operation.",
        )],
        links: &[],
    },
    SampleAction {
        id: "in-house-analysts",
        departments: &["gov-service-centre"],
        title: "设立中心数据分析岗位 / Create data-analyst posts in the centre",
        description: "申请 3 个数据分析专业岗位编制。 / Apply for three dedicated data-analyst posts.",
        addresses: Addr::Indicators(&["talent.specialists"]),
        unit: "市政务服务中心办公室 / General Office",
        person: "He Jun 何军",
        start: (2025, 1, 15),
        due: (2025, 12, 31),
        expected: 3,
        steps: &[((2025, 2, 10), InProgress), ((2025, 7, 4), Dropped)],
        notes: &[(
            (2025, 7, 4),
            "编制统一划入市大数据局分析人才池，见 gov-analyst-pool。 / The posts were pooled at the Big Data \
             Bureau instead; see gov-analyst-pool.",
        )],
        links: &[],
    },
    // ---- Public Security Bureau -------------------------------------------
    SampleAction {
        id: "police-vendor-clauses",
        departments: &["public-security"],
        title: "外包合同安全条款与审计 / Security clauses and audits in outsourcing contracts",
        description: "所有运维合同增加安全、退出和数据返还条款，并开展年度审计。 / Every maintenance contract \
                      gains security, exit and data-return clauses, audited yearly.",
        addresses: Addr::Indicators(&["security.vendor"]),
        unit: "市公安局科技信息化处 / Science and Technology Division",
        person: "Qian Bo 钱博",
        start: (2025, 1, 6),
        due: (2025, 4, 30),
        expected: 4,
        steps: &[((2025, 1, 6), InProgress), ((2025, 4, 25), Done)],
        notes: &[],
        links: &[],
    },
    SampleAction {
        id: "police-catalogue",
        departments: &["public-security"],
        title: "编制公安数据资源目录 / Compile the public-security data resource catalogue",
        description: "梳理可共享数据项，明确责任处室和元数据。 / List the data items that may be shared, with \
                      their owning divisions and metadata.",
        addresses: Addr::Indicators(&["sharing.catalogue"]),
        unit: "市公安局科技信息化处 / Science and Technology Division",
        person: "Qian Bo 钱博",
        start: (2024, 11, 1),
        due: (2025, 3, 31),
        expected: 3,
        steps: &[((2024, 11, 4), InProgress), ((2025, 3, 28), Done)],
        notes: &[(
            (2025, 7, 15),
            "目录已编制，但尚未挂接共享平台，评估等级未变。 / The catalogue exists but is not yet on the shared \
             platform, so the level did not change.",
        )],
        links: &[],
    },
    // ---- Health Commission ------------------------------------------------
    SampleAction {
        id: "health-security-remediation",
        departments: &["health-commission"],
        title: "外包数据泄露事件整改 / Remediation after the 2025 contractor data leak",
        description: "按整改通知逐项落实安全责任、分级保护、技术防护和应急响应。 / Carry out the remediation \
                      notice item by item: accountability, classification, controls and incident response.",
        addresses: Addr::Dimension("security"),
        unit: "市卫生健康委员会规划信息处 / Planning and Information Division",
        person: "Deng Hua 邓华",
        start: (2025, 4, 1),
        due: (2027, 6, 30),
        expected: 3,
        steps: &[((2025, 4, 1), InProgress)],
        notes: &[
            (
                (2025, 9, 30),
                "已完成等保测评复测。 / The graded-protection re-test is complete.",
            ),
            (
                (2026, 1, 12),
                "数据分类分级目录待委党组审定。 / The classification catalogue awaits the leadership's approval.",
            ),
        ],
        links: &[],
    },
    SampleAction {
        id: "health-vendor-audit",
        departments: &["health-commission"],
        title: "外包服务商安全审计 / Audit the security of outsourcing vendors",
        description: "对 9 家服务商开展现场审计，收回不必要的数据访问权限。 / On-site audits of the nine \
                      vendors; access they do not need is withdrawn.",
        addresses: Addr::Indicators(&["security.vendor"]),
        unit: "市卫生健康委员会规划信息处 / Planning and Information Division",
        person: "Deng Hua 邓华",
        start: (2025, 6, 1),
        due: (2027, 3, 31),
        expected: 4,
        steps: &[((2025, 6, 16), InProgress)],
        notes: &[(
            (2025, 12, 10),
            "已审计 6 家，2 家整改中。 / Six vendors audited; two are fixing findings.",
        )],
        links: &[],
    },
    // ---- Education Bureau -------------------------------------------------
    SampleAction {
        id: "education-data-rules",
        departments: &["education-bureau"],
        title: "制定教育数据共享管理办法 / Issue the bureau's rules on data sharing",
        description: "明确学籍等数据的共享、开放和责任划分。 / Set out how student records and other data are \
                      shared and opened, and who answers for them.",
        addresses: Addr::Indicators(&["design.legal"]),
        unit: "市教育局政策法规处 / Policy and Regulations Division",
        person: "Feng Jie 冯洁",
        start: (2025, 3, 1),
        due: (2025, 9, 30),
        expected: 3,
        steps: &[((2025, 3, 10), InProgress)],
        notes: &[(
            (2025, 10, 15),
            "征求意见稿仍在法制审核中。 / The consultation draft is still under legal review.",
        )],
        links: &[],
    },
    SampleAction {
        id: "education-cdo",
        departments: &["education-bureau"],
        title: "设立首席数据官并开展领导培训 / Name a chief data officer and train the leadership",
        description: "局党组指定首席数据官，班子成员参加数字素养专题培训。 / The leadership names a chief \
                      data officer and attends a digital-literacy course.",
        addresses: Addr::Indicators(&["talent.leadership"]),
        unit: "市教育局办公室 / General Office",
        person: "Wang Fang 王芳",
        start: (2026, 2, 1),
        due: (2027, 9, 30),
        expected: 3,
        steps: &[],
        notes: &[],
        links: &[],
    },
    // ---- Market Regulation Bureau -----------------------------------------
    SampleAction {
        id: "market-vendor-clauses",
        departments: &["market-regulation"],
        title: "外包合同增加安全条款 / Add security clauses to outsourcing contracts",
        description: "续签合同统一使用安全条款范本，并限制服务商账号权限。 / Renewed contracts use the \
                      model security clauses, and vendor accounts are restricted.",
        addresses: Addr::Indicators(&["security.vendor"]),
        unit: "市市场监督管理局信息中心 / Information Centre",
        person: "Tang Ning 唐宁",
        start: (2025, 5, 1),
        due: (2025, 8, 31),
        expected: 3,
        steps: &[((2025, 5, 6), InProgress), ((2025, 8, 29), Done)],
        notes: &[],
        links: &[],
    },
    SampleAction {
        id: "market-leadership-course",
        departments: &["market-regulation"],
        title: "领导干部数字素养专题培训 / Digital-literacy course for the leadership",
        description: "班子成员完成 16 学时培训，并指定首席数据官。 / Leaders complete a 16-hour course, and a \
                      chief data officer is named.",
        addresses: Addr::Indicators(&["talent.leadership"]),
        unit: "市市场监督管理局人事处 / Personnel Division",
        person: "Tang Ning 唐宁",
        start: (2025, 7, 1),
        due: (2025, 9, 30),
        expected: 3,
        steps: &[((2025, 7, 1), InProgress), ((2025, 9, 26), Done)],
        notes: &[],
        links: &[],
    },
    // ---- Transport Bureau -------------------------------------------------
    SampleAction {
        id: "transport-data-grading",
        departments: &["transport-bureau"],
        title: "交通数据分类分级 / Classify and grade the bureau's data",
        description: "编制数据分类分级目录和个人信息保护规则。 / Draw up the classification-and-grading \
                      catalogue and the personal-data rules.",
        addresses: Addr::Indicators(&["security.classification"]),
        unit: "市交通运输局科技信息处 / Technology and Information Division",
        person: "Zhou Tao 周涛",
        start: (2025, 7, 1),
        due: (2025, 12, 15),
        expected: 3,
        steps: &[],
        notes: &[],
        links: &[],
    },
    SampleAction {
        id: "transport-strategy",
        departments: &["transport-bureau"],
        title: "编制交通数字化发展规划 / Draw up the bureau's digital development plan",
        description: "规划明确里程碑和预算，并与全市数字政府规划衔接。 / A plan with milestones and budget, \
                      aligned with the city's digital-government plan.",
        addresses: Addr::Indicators(&["design.strategy"]),
        unit: "市交通运输局综合规划处 / Planning Division",
        person: "Cao Yu 曹宇",
        start: (2026, 1, 15),
        due: (2027, 10, 31),
        expected: 3,
        steps: &[],
        notes: &[],
        links: &[],
    },
    // ---- Human Resources and Social Security Bureau -----------------------
    SampleAction {
        id: "hr-cloud-migration",
        departments: &["human-resources"],
        title: "社保业务系统迁移政务云 / Move the social-security systems to the government cloud",
        description: "核心业务系统迁入政务云，统一身份认证和电子证照。 / The core systems move to the \
                      government cloud with shared identity and e-certificates.",
        addresses: Addr::Indicators(&["service.infrastructure"]),
        unit: "市人力资源和社会保障局信息中心 / Information Centre",
        person: "Yang Fan 杨帆",
        start: (2025, 1, 10),
        due: (2025, 5, 31),
        expected: 4,
        steps: &[((2025, 1, 13), InProgress), ((2025, 5, 15), Done)],
        notes: &[],
        links: &[],
    },
    SampleAction {
        id: "hr-appraisal-skills",
        departments: &["human-resources"],
        title: "数字技能纳入岗位说明和考核 / Put digital skills into job descriptions and appraisal",
        description: "修订岗位说明书，年度考核增加数字技能项。 / Revise the job descriptions and add digital \
                      skills to the yearly appraisal.",
        addresses: Addr::Indicators(&["talent.incentives"]),
        unit: "市人力资源和社会保障局人事处 / Personnel Division",
        person: "Li Qiang 李强",
        start: (2025, 10, 1),
        due: (2027, 6, 30),
        expected: 3,
        steps: &[((2025, 10, 9), InProgress)],
        notes: &[],
        links: &[],
    },
    // ---- Natural Resources and Planning Bureau ----------------------------
    SampleAction {
        id: "resources-on-demand-interfaces",
        departments: &["natural-resources"],
        title: "不动产数据按需接口共享 / Share property data through on-demand interfaces",
        description: "以接口方式向税务、公安等部门提供不动产登记数据，约定服务水平。 / Property-registration \
                      data reach tax, police and other departments through interfaces with agreed service \
                      levels.",
        addresses: Addr::Indicators(&["sharing.exchange"]),
        unit: "市自然资源和规划局信息中心 / Information Centre",
        person: "Wu Jun 吴军",
        start: (2024, 10, 1),
        due: (2025, 3, 31),
        expected: 4,
        steps: &[((2024, 10, 8), InProgress), ((2025, 3, 27), Done)],
        notes: &[],
        links: &[],
    },
    SampleAction {
        id: "resources-permits-online",
        departments: &["natural-resources"],
        title: "规划许可全程网办 / Put planning permits fully online",
        description: "建设工程规划许可实现在线申请、审批和电子证照发放。 / Building-permit applications, \
                      approval and e-certificates all go online.",
        addresses: Addr::Indicators(&["service.online"]),
        unit: "市自然资源和规划局审批处 / Approvals Division",
        person: "Shi Lei 石磊",
        start: (2025, 6, 1),
        due: (2026, 1, 31),
        expected: 3,
        steps: &[((2025, 6, 3), InProgress), ((2026, 1, 20), Done)],
        notes: &[],
        links: &[],
    },
    // ---- Civil Affairs Bureau ---------------------------------------------
    SampleAction {
        id: "civil-skills-training",
        departments: &["civil-affairs"],
        title: "全员数字技能培训 / Digital skills training for all staff",
        description: "举办两期数字技能培训班。 / Run two digital-skills training courses.",
        addresses: Addr::Indicators(&["talent.skills"]),
        unit: "市民政局人事处 / Personnel Division",
        person: "Xu Li 徐丽",
        start: (2025, 2, 1),
        due: (2025, 5, 31),
        expected: 2,
        steps: &[((2025, 2, 17), InProgress), ((2025, 5, 30), Done)],
        notes: &[(
            (2025, 7, 10),
            "仅 31% 的人员参训，未达到评估要求，需制定年度课程。 / Only 31% of staff attended, short of what \
             the level asks; a yearly curriculum is needed.",
        )],
        links: &[],
    },
    SampleAction {
        id: "civil-catalogue",
        departments: &["civil-affairs"],
        title: "补全民政数据资源目录 / Complete the civil-affairs data resource catalogue",
        description: "为每个数据项明确责任处室和元数据。 / Give every data item an owning division and \
                      metadata.",
        addresses: Addr::Indicators(&["sharing.catalogue"]),
        unit: "市民政局办公室 / General Office",
        person: "Xu Li 徐丽",
        start: (2025, 6, 1),
        due: (2025, 10, 31),
        expected: 3,
        steps: &[((2025, 6, 16), InProgress)],
        notes: &[(
            (2025, 11, 20),
            "养老服务数据项尚未确认责任处室。 / Owners of the elderly-care data items are still not agreed.",
        )],
        links: &[],
    },
    // ---- Finance Bureau ---------------------------------------------------
    SampleAction {
        id: "finance-quality-rules",
        departments: &["finance-bureau"],
        title: "建立预算数据质量规则 / Set quality rules for budget data",
        description: "为每个数据集指定责任人，制定校验规则。 / Every dataset gets an owner and validation \
                      rules.",
        addresses: Addr::Indicators(&["sharing.quality"]),
        unit: "市财政局信息中心 / Information Centre",
        person: "Ma Lin 马琳",
        start: (2025, 4, 1),
        due: (2025, 10, 31),
        expected: 3,
        steps: &[((2025, 4, 7), InProgress), ((2025, 10, 20), Done)],
        notes: &[],
        links: &[],
    },
    // ---- Emergency Management Bureau --------------------------------------
    SampleAction {
        id: "emergency-joint-drills",
        departments: &["emergency-management"],
        title: "跨部门联合应急演练 / Joint incident drills with other departments",
        description: "与公安、交通联合演练，设定恢复时间和数据丢失目标。 / Drills with police and transport, \
                      with recovery-time and data-loss targets.",
        addresses: Addr::Indicators(&["security.incident"]),
        unit: "市应急管理局科技信息化处 / Technology Division",
        person: "Guo Hao 郭浩",
        start: (2025, 6, 1),
        due: (2025, 11, 30),
        expected: 4,
        steps: &[((2025, 6, 2), InProgress), ((2025, 11, 10), Done)],
        notes: &[],
        links: &[],
    },
    // ---- Government-wide (plan.ron at the root) ---------------------------
    SampleAction {
        id: "gov-analyst-pool",
        departments: &[],
        title: "组建全市数据分析人才池 / Build a city-wide pool of data analysts",
        description: "全市统一招聘数据分析人员，按需派驻各部门。 / Data analysts are recruited centrally for \
                      the city and seconded to departments as needed.",
        addresses: Addr::Indicators(&["talent.specialists"]),
        unit: "市数字政府建设领导小组办公室 / Digital Government Office",
        person: "Chen Jing 陈静",
        start: (2025, 7, 1),
        due: (2027, 12, 31),
        expected: 3,
        steps: &[((2025, 7, 7), InProgress)],
        notes: &[(
            (2026, 1, 15),
            "首批 8 人已到岗。 / The first eight analysts have started.",
        )],
        links: &[],
    },
    SampleAction {
        id: "gov-catalogue-platform",
        departments: &[
            "civil-affairs",
            "education-bureau",
            "emergency-management",
            "public-security",
            "transport-bureau",
        ],
        title: "各部门目录挂接共享平台 / Put every department's catalogue on the shared platform",
        description: "目录完整、责任明确的部门率先挂接，标注共享属性。 / Departments with a complete catalogue \
                      connect first, marking each item's sharing terms.",
        addresses: Addr::Indicators(&["sharing.catalogue"]),
        unit: "市大数据局数据资源处 / Data Resources Division",
        person: "Zhou Min 周敏",
        start: (2025, 10, 1),
        due: (2027, 6, 30),
        expected: 4,
        steps: &[((2025, 10, 8), InProgress)],
        notes: &[],
        links: &[],
    },
    SampleAction {
        id: "gov-cloud-migration",
        departments: &["civil-affairs", "finance-bureau", "natural-resources"],
        title: "剩余自建机房系统迁移政务云 / Move the remaining in-house servers to the government cloud",
        description: "三个部门的自建机房系统迁入政务云，共用身份认证。 / Systems still in three departments' own \
                      server rooms move to the government cloud with shared identity.",
        addresses: Addr::Indicators(&["service.infrastructure"]),
        unit: "市大数据局基础设施处 / Infrastructure Division",
        person: "Lin Tao 林涛",
        start: (2025, 3, 1),
        due: (2025, 11, 30),
        expected: 3,
        steps: &[((2025, 4, 1), InProgress)],
        notes: &[(
            (2025, 11, 25),
            "财政局系统迁移因年底决算推迟。 / The Finance Bureau's move is postponed until after the year-end \
             accounts.",
        )],
        links: &[],
    },
];

fn day((y, m, d): Day) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

/// The sample's texts are written "中文 / English": the two halves, or the
/// whole in both languages when there is no separator.
fn bilingual(text: &str) -> Text {
    match text.split_once(" / ") {
        Some((zh, en)) => Text::new(en.trim(), zh.trim()),
        None => Text::new(text, text),
    }
}

fn at(date: NaiveDate, hour: u32) -> NaiveDateTime {
    date.and_time(NaiveTime::from_hms_opt(hour, 30, 0).unwrap_or_default())
}

fn blank_action(id: String, departments: Vec<String>, addresses: Addresses, start: NaiveDate) -> Action {
    Action {
        id,
        title: Text::default(),
        description: Text::default(),
        addresses,
        departments,
        owner: Owner::default(),
        start,
        due: start,
        expected_level: Level::clamped(3),
        status: ActionStatus::Planned,
        done_on: None,
        history: Vec::new(),
        notes: Vec::new(),
        links: Vec::new(),
    }
}

/// The sample's improvement plan (see the module documentation for what
/// each action shows), sorted by id.
pub fn sample_plan() -> Vec<Action> {
    let mut actions: Vec<Action> = SAMPLE
        .iter()
        .map(|s| {
            let addresses = match s.addresses {
                Addr::Indicators(ids) => Addresses::Indicators(ids.iter().map(|i| (*i).to_owned()).collect()),
                Addr::Dimension(id) => Addresses::Dimension(id.to_owned()),
            };
            let departments = s.departments.iter().map(|d| (*d).to_owned()).collect();
            let mut action = blank_action(s.id.to_owned(), departments, addresses, day(s.start));
            action.title = bilingual(s.title);
            action.description = bilingual(s.description);
            action.owner = Owner {
                unit: bilingual(s.unit),
                person: s.person.to_owned(),
            };
            action.due = day(s.due);
            action.expected_level = Level::clamped(s.expected);
            for (when, to) in s.steps {
                let hour = if *to == Done { 17 } else { 9 };
                action.set_status(*to, s.person, at(day(*when), hour));
            }
            action.notes = s
                .notes
                .iter()
                .map(|(on, text)| ProgressNote {
                    on: day(*on),
                    who: s.person.to_owned(),
                    text: bilingual(text),
                })
                .collect();
            action.links = s.links.iter().map(|l| (*l).to_owned()).collect();
            action
        })
        .collect();
    actions.sort_by(|a, b| a.id.cmp(&b.id));
    actions
}

/// A few seeded actions per department of a synthetic workspace, against
/// its weakest answered indicators in its latest assessment: cheap (one
/// pass over the assessments), and the same for the same seed.
pub fn synthetic_plan(workspace: &Workspace, assessments: &[Assessment], seed: u64) -> Vec<Action> {
    let mut rng = Rng::new(seed ^ 0x706c_616e);
    let mut actions = Vec::new();
    // Titles name the indicator as people do, not by its id.
    let framework = crate::store::builtin_framework().ok();
    let named = |id: &str| -> Text {
        framework
            .as_ref()
            .and_then(|f| f.indicator(id))
            .map_or_else(|| Text::new(id, id), |(_, indicator)| indicator.name.clone())
    };
    for department in &workspace.departments {
        // Assessments come sorted by department, then period.
        let latest = assessments.iter().rev().find(|a| a.department == department.id);
        let Some(latest) = latest else { continue };
        let mut weakest: Vec<(&str, u8)> = latest
            .answers
            .iter()
            .filter_map(|(id, answer)| match answer.rating {
                Rating::Level(level) if level.get() < 4 => Some((id, level.get())),
                _ => None,
            })
            .collect();
        weakest.sort_by_key(|(id, level)| (*level, *id));
        let count = rng.below(4).min(weakest.len());
        for (n, (indicator, level)) in weakest.into_iter().take(count).enumerate() {
            let start = latest
                .period
                .checked_sub_days(Days::new(120 - 30 * n as u64))
                .unwrap_or(latest.period);
            let due = start
                .checked_add_days(Days::new(90 + 30 * rng.below(8) as u64))
                .unwrap_or(start);
            let mut action = blank_action(
                format!("{}-a{}", department.id, n + 1),
                vec![department.id.clone()],
                Addresses::Indicators(vec![indicator.to_owned()]),
                start,
            );
            let name = named(indicator);
            action.title = Text::new(
                format!("Raise {} to level {}", name.en, level + 1),
                format!("将“{}”提升至{}级", name.zh, level + 1),
            );
            action.owner = Owner {
                unit: department.name.clone(),
                person: latest.assessor.clone(),
            };
            action.due = due;
            action.expected_level = Level::clamped(level + 1);
            match rng.below(4) {
                0 => {}
                1 => action.set_status(InProgress, &latest.assessor, at(start, 9)),
                2 => {
                    action.set_status(InProgress, &latest.assessor, at(start, 9));
                    let done = due.min(latest.period);
                    action.set_status(Done, &latest.assessor, at(done, 17));
                }
                _ => {
                    action.set_status(InProgress, &latest.assessor, at(start, 9));
                    action.set_status(Dropped, &latest.assessor, at(due, 17));
                }
            }
            actions.push(action);
        }
    }
    actions
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Framework;

    fn known(framework: &Framework, action: &Action) -> bool {
        match &action.addresses {
            Addresses::Indicators(ids) => ids.iter().all(|i| framework.indicator(i).is_some()),
            Addresses::Dimension(id) => framework.dimension(id).is_some(),
        }
    }

    #[test]
    fn the_sample_plan_uses_real_ids_and_consistent_dates() {
        let framework = crate::store::builtin_framework().unwrap();
        let actions = sample_plan();
        assert_eq!(actions.len(), 26);
        for action in &actions {
            assert!(known(&framework, action), "{}", action.id);
            assert!(action.start <= action.due, "{}", action.id);
            assert_eq!(action.status == Done, action.done_on.is_some(), "{}", action.id);
            assert!(
                crate::model::is_department_id(&action.id).is_ok(),
                "{}",
                action.id
            );
        }
    }
}
