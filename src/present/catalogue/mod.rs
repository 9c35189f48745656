//! Every string the app shows, in English and Simplified Chinese, from one
//! catalogue. Names from the data (departments, dimensions, indicators)
//! come from the model's `Text` instead.
//!
//! Add a string with one line in the `catalogue!` below; the compiler then
//! insists on both languages, and a test checks neither is empty.

use crate::model::Lang;

pub mod problems;

pub mod report;
pub mod terms;

pub use terms::{basis, confidence, department_kind, finding, flag, problem_severity, severity, status};

pub mod about;
pub mod brief;
pub mod cli;
pub mod collect;
pub mod consensus;
pub mod document;
// ---- collecting: questionnaire and import
pub mod exchange;
pub mod hierarchy;
pub mod lock;
pub mod plan;
pub mod plan_app;
pub mod reconcile;
pub mod tamper;
pub mod views;

macro_rules! catalogue {
    ($($key:ident => $en:literal, $zh:literal;)*) => {
        /// A UI string. `T::Save.get(lang)` gives its text.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum T {
            $($key),*
        }

        impl T {
            /// Every key, for tests.
            pub const ALL: &'static [T] = &[$(T::$key),*];

            /// The text in `lang`.
            pub const fn get(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $(
                        (T::$key, Lang::En) => $en,
                        (T::$key, Lang::Zh) => $zh,
                    )*
                }
            }
        }
    };
}

catalogue! {
    // ---- shell --------------------------------------------------------
    AppName => "govmaturity", "数字政府成熟度";
    Overview => "Overview", "总览";
    Department => "Department", "部门";
    Assess => "Assess", "评估";
    Trends => "Trends", "趋势";
    Compare => "Compare", "对比";
    Framework => "Framework", "框架";
    Language => "Language", "语言";
    Theme => "Theme", "主题";
    ThemeLight => "Light", "浅色";
    ThemeDark => "Dark", "深色";
    ThemeSystem => "System", "跟随系统";
    Open => "Open…", "打开…";
    OpenWorkspace => "Open workspace…", "打开工作区…";
    OpenSample => "Open the sample workspace", "打开示例工作区";
    TypedWorkspaceHint => "Or type a workspace folder's path", "或输入工作区文件夹的路径";
    OpenSampleCopyHint => "Twelve example departments over four periods. The first time, a copy is written to your own folder below; the changes you make to it stay there.", "12 个示例部门、4 个评估期的数据。首次打开时会在下列个人文件夹中生成一份副本，您所做的修改均保存在该副本中。";
    Recent => "Recent", "最近使用";
    Reload => "Reload", "重新加载";
    Welcome => "Welcome to govmaturity", "欢迎使用数字政府成熟度评估";
    WelcomeText => "Score departments against the digital-government maturity framework, see where they fall short of their targets and how they progress. Open a workspace folder to begin.", "对照数字政府成熟度框架为各部门评分，查看与目标的差距和进展情况。请打开一个工作区文件夹开始。";
    NotAWorkspace => "This folder is not a workspace", "该文件夹不是工作区";
    Departments => "Departments", "部门";
    Search => "Search…", "搜索…";
    Period => "Period", "评估期";
    LatestPeriod => "Latest", "最新";
    Problems => "Problems", "问题";
    NoProblems => "No problems found.", "未发现问题。";
    OpenFolder => "Open folder", "打开文件夹";
    Close => "Close", "关闭";
    Loaded => "Loaded", "已加载";
    ReadOnly => "read-only", "只读";
    NoData => "No data", "无数据";
    NoDepartmentMatches => "No department matches the search.", "没有与搜索匹配的部门。";
    NoAssessment => "No assessment for this period.", "该评估期没有评估。";
    SelectDepartment => "Select a department on the left.", "请在左侧选择一个部门。";
    TableView => "Table", "表格";
    ChartView => "Chart", "图表";
    // ---- shared figures ----------------------------------------------
    OverallLevel => "Overall level", "总体等级";
    Stage => "Stage", "阶段";
    Coverage => "Coverage", "覆盖率";
    Mean => "Mean", "平均等级";
    Floor => "Floor", "最低等级";
    Target => "Target", "目标";
    TargetDate => "Target date", "目标日期";
    Gap => "Gap", "差距";
    Priority => "Priority", "优先级";
    Change => "Change", "变化";
    Level => "Level", "等级";
    Score => "Score", "得分";
    Weight => "Weight", "权重";
    Status => "Status", "状态";
    Evidence => "Evidence", "佐证材料";
    Links => "Links", "链接";
    Confidence => "Confidence", "可信度";
    Comment => "Comment", "备注";
    NotApplicable => "Not applicable", "不适用";
    Unanswered => "Unanswered", "未作答";
    Dimension => "Dimension", "维度";
    Dimensions => "Dimensions", "维度";
    Indicator => "Indicator", "指标";
    Indicators => "Indicators", "指标";
    Current => "Current", "本期";
    Previous => "Previous", "上期";
    Assessed => "Assessed", "已评估";
    Approved => "Approved", "已批准";
    Submitted => "Submitted", "已提交";
    Imbalanced => "Imbalanced", "发展不均衡";
    // ---- overview -----------------------------------------------------
    Heatmap => "Departments × dimensions", "部门 × 维度";
    HeatmapHint => "Mean level per dimension. Click a cell to open that department on that dimension.", "各维度平均等级。点击单元格可查看该部门的该维度。";
    Ranking => "Ranking", "排名";
    StageDistribution => "Stage distribution", "阶段分布";
    TopPriorities => "Top priorities", "重点改进事项";
    ImbalanceFlags => "Imbalance flags", "不均衡提示";
    NoImbalance => "No dimension lags more than one level behind its department's stage.", "没有维度落后于所在部门阶段一级以上。";
    DimensionBelowStage => "more than one level below the department's stage", "比该部门所处阶段低一级以上";
    AsOf => "As of", "截至";
    DepartmentsAssessed => "Departments assessed", "已评估部门";
    DepartmentStage => "Department stage", "部门阶段";
    NoPriorities => "No indicator falls short of its target.", "没有指标未达目标。";
    NoRanking => "No department has a score yet.", "尚无部门得分。";
    Rank => "Rank", "名次";
    RowNumber => "No.", "序号";
    MeanFloor => "Mean (floor)", "平均等级（最低等级）";
    DepartmentCount => "departments", "个部门";
    ClickToOpen => "Click to open this department.", "点击查看该部门。";
    // ---- department ---------------------------------------------------
    Radar => "Profile", "维度概况";
    ShowCurrent => "Current period", "本期";
    ShowPrevious => "Previous period", "上期";
    ShowTarget => "Target", "目标";
    DimensionTable => "Dimensions", "维度明细";
    IndicatorAnswers => "Indicator answers", "指标作答";
    RubricOfLevel => "What this level means", "该等级的含义";
    NoEvidence => "No evidence given.", "未提供佐证材料。";
    Assessor => "Assessor", "评估人";
    Reviewer => "Reviewer", "审核人";
    AsOfLatest => "latest assessment on or before the chosen period", "所选评估期当日或之前的最新评估";
    ChangeSincePrevious => "Change since previous", "较上期变化";
    WeakestIndicator => "Weakest indicator", "最薄弱指标";
    MeanExplained => "weighted mean of the answered indicators; not applicable and unanswered ones are left out", "已作答指标的加权平均，不适用和未作答的指标不计入";
    Answered => "answered", "已作答";
    ToReconfirm => "Carried over from the previous period; to be re-confirmed.", "沿用上期佐证材料，尚待重新确认。";
    AllLevels => "All five levels", "全部五个等级";
    Reason => "Reason", "原因";
    NoPreviousAssessment => "no previous assessment", "无上期评估";
    NoDimensions => "The framework has no dimensions.", "框架中没有维度。";
    // ---- trends -------------------------------------------------------
    TrendOne => "One department", "单个部门";
    TrendSet => "Chosen departments", "选定部门";
    TrendAll => "All departments", "全部部门";
    MinMaxBand => "Min–max band", "最小–最大范围";
    Projection => "Projected to reach target", "预计达标日期";
    AlreadyReached => "target reached", "已达标";
    NotOnTrack => "not on track", "按当前趋势无法达标";
    NoTrend => "A trend needs at least two periods.", "趋势至少需要两个评估期。";
    OverallMean => "Overall", "总体";
    TrendsChart => "Level over time", "等级随时间变化";
    TrendScope => "Show", "显示范围";
    TrendSeries => "Series", "数据系列";
    TrendOutlook => "Outlook", "达标展望";
    TrendOnSchedule => "on schedule", "可按期达标";
    TrendLate => "later than the target date", "晚于目标日期";
    TrendReached => "The target is already reached.", "已达到目标。";
    TrendNotProgressing => "Not on track: the level is not rising.", "未按计划推进：等级没有提升。";
    TrendNoTarget => "No target is set.", "未设定目标。";
    TrendChooseHint => "Tick departments in the list to compare them.", "请在列表中勾选要比较的部门。";
    TrendTickShown => "Tick all shown", "勾选所列部门";
    TrendClear => "Clear", "清除";
    TrendDepartmentCount => "departments", "个部门";
    TrendLowest => "Lowest", "最低";
    TrendHighest => "Highest", "最高";
    TrendAssessedCount => "Departments assessed", "已评估部门数";
    // ---- compare ------------------------------------------------------
    CompareDepartments => "Two departments", "两个部门";
    ComparePeriods => "One department, two periods", "同一部门的两个评估期";
    Difference => "Difference", "差异";
    MostImproved => "Most improved", "进步最大";
    MostDeclined => "Most declined", "退步最大";
    Left => "A", "A";
    Right => "B", "B";
    ComparedDepartment => "Department compared", "对比部门";
    BMinusA => "Difference (B − A)", "差值（B − A）";
    NoneImproved => "No indicator improved.", "没有指标的等级提高。";
    NoneDeclined => "No indicator declined.", "没有指标的等级下降。";
    BAhead => "Where B is ahead of A", "B 领先于 A 的指标";
    BBehind => "Where B is behind A", "B 落后于 A 的指标";
    NoneAhead => "B is ahead of A on no indicator.", "B 没有领先于 A 的指标。";
    NoneBehind => "B is behind A on no indicator.", "B 没有落后于 A 的指标。";
    NotShown => "more not shown", "项未显示";
    OnePeriodOnly => "This department has only one assessment: pick another department, or compare two departments.", "该部门只有一次评估：请选择其他部门，或对比两个部门。";
    SamePeriod => "A and B are the same period; pick two different periods.", "A 与 B 为同一评估期，请选择两个不同的评估期。";
    // ---- assess -------------------------------------------------------
    YourName => "Your name", "您的姓名";
    YourNameHint => "Your name is recorded in each assessment's audit log. Set it once:", "您的姓名将记录在每份评估的审计日志中。请设置一次：";
    SetName => "Set", "设置";
    NewAssessment => "New assessment…", "新建评估…";
    NewAssessmentFor => "New period (YYYY-MM-DD)", "新评估期（年-月-日）";
    Create => "Create", "创建";
    BadDate => "Enter the date as YYYY-MM-DD.", "请按 年-月-日 格式输入日期。";
    Save => "Save", "保存";
    SaveAs => "Save as…", "另存为…";
    Retry => "Retry", "重试";
    Undo => "Undo", "撤销";
    Redo => "Redo", "重做";
    Saved => "Saved", "已保存";
    UnsavedChanges => "Unsaved changes", "有未保存的修改";
    Saving => "Saving…", "正在保存…";
    SaveFailed => "Save failed", "保存失败";
    SaveFailedHelp => "Your edits are kept in memory and in a recovery file. Retry, or save them somewhere else.", "您的修改仍保留在内存和恢复文件中。请重试，或另存到其他位置。";
    Submit => "Submit", "提交";
    Approve => "Approve", "批准";
    ReturnForChanges => "Return", "退回";
    Reopen => "Reopen", "重新打开";
    ReviewComment => "Review comment", "审核意见";
    ReturnNeedsComment => "Write what should change before returning.", "退回前请写明需要修改的内容。";
    ReadOnlyApproved => "Approved assessments are read-only. Reopen to change them (the reopening is logged).", "已批准的评估为只读。如需修改请重新打开（该操作会被记录）。";
    ReadOnlySubmitted => "Submitted: waiting for review. The reviewer approves it or returns it with a comment.", "已提交：等待审核。审核人将批准或附意见退回。";
    StillMissing => "Still missing or inconsistent", "尚缺或不一致的项目";
    NothingMissing => "Complete: every applicable indicator is answered.", "已完成：所有适用指标均已作答。";
    LastPeriod => "Last period", "上期";
    NotApplicableReason => "Reason it does not apply", "不适用的原因";
    Reconfirm => "Evidence carried over from last period: still true?", "佐证材料沿用自上期：是否仍然有效？";
    Confirm => "Confirm", "确认";
    LinksHint => "One link or document path per line", "每行一个链接或文档路径";
    AuditLog => "Audit log", "审计日志";
    When => "When", "时间";
    Who => "Who", "操作人";
    What => "What", "内容";
    From => "From", "原值";
    To => "To", "新值";
    Conflict => "This assessment was changed on disk by someone else while you were editing it.", "您编辑期间，该评估文件已被他人在磁盘上修改。";
    ReloadTheirs => "Reload theirs", "载入对方版本";
    KeepMine => "Keep mine", "保留我的版本";
    SaveMineAsCopy => "Save mine as a copy", "将我的版本另存为副本";
    RecoveryFound => "Unsaved edits from an earlier session were found:", "发现上次会话未保存的修改：";
    Restore => "Restore", "恢复";
    Discard => "Discard", "丢弃";
    KeyboardHelp => "Keys: 1–5 level · N not applicable · ↑/↓ indicator · Ctrl+S save · Ctrl+Z undo · Ctrl+Shift+Z redo", "快捷键：1–5 等级 · N 不适用 · ↑/↓ 切换指标 · Ctrl+S 保存 · Ctrl+Z 撤销 · Ctrl+Shift+Z 重做";
    NoAssessmentYet => "This department has no assessment yet. Start one:", "该部门尚无评估。请新建：";
    // ---- workspace settings ---------------------------------------------
    WorkspaceSettings => "Workspace settings", "工作区设置";
    Workspace => "Workspace", "工作区";
    NewWorkspace => "New workspace…", "新建工作区…";
    Title => "Title", "标题";
    AddDepartment => "Add department", "添加部门";
    Id => "Id", "编号";
    NameEn => "Name (English)", "名称（英文）";
    NameZh => "Name (Chinese)", "名称（中文）";
    Kind => "Kind", "机构类型";
    Parent => "Parent", "上级部门";
    NoParent => "(none)", "（无）";
    Archived => "Archived", "已归档";
    Targets => "Targets", "目标";
    AddTarget => "Add target", "添加目标";
    AllDepartments => "All departments", "全部部门";
    Remove => "Remove", "删除";
    Weights => "Weights", "权重";
    Apply => "Apply", "应用";
    IdRules => "Ids: lowercase letters, digits and '-' (they become folder names).", "编号：小写字母、数字和“-”（将用作文件夹名称）。";
    IdTaken => "That id is already used.", "该编号已被使用。";
    // ---- export ---------------------------------------------------------
    Export => "Export…", "导出…";
    WholeGovernment => "Whole government", "全市政府";
    SelectedDepartment => "Selected department", "所选部门";
    Exporting => "Writing the report…", "正在生成报告…";
    // ---- framework ----------------------------------------------------
    Rubric => "Rubric", "评分细则";
    BothLanguages => "Show both languages", "同时显示中英文";
    MaturityLevels => "Maturity levels", "成熟度等级";
    LevelMeaning => "Meaning", "含义";
    Descriptor => "What this level looks like", "等级描述";
    ColumnEnglish => "English", "英文";
    ColumnChinese => "Chinese", "中文";
    ShareOfDimension => "of its dimension", "占所属维度";
    ShareOfOverall => "of the overall score", "占总体得分";
    NoIndicatorMatches => "No indicator matches the search.", "没有符合搜索条件的指标。";
    AllDimensions => "All dimensions", "全部维度";
    FilterIndicators => "Filter indicators", "筛选指标";
    // ---- basis, provisional, as of (issue 8 §2) ----
    Provisional => "provisional", "暂定";
    ProvisionalHint => "Not yet approved: this figure may still change.", "尚未批准，该数值仍可能变动。";
    CarriedOver => "carried over", "沿用往期";
    ApprovedOnly => "Approved only", "仅计已批准";
    ApprovedOnlyHint => "On: each department counts with its latest approved assessment. Off: with its latest assessment of any status, and unapproved figures are marked provisional.", "开启：各部门按最近一次已批准的评估计算。关闭：按最近一次评估计算（不论状态），未批准的结果标为暂定。";
    BasisApprovedText => "Figures count approved assessments only.", "数据口径：仅计已批准的评估。";
    BasisLatestText => "Figures count each department's latest assessment, approved or not; unapproved figures are marked provisional.", "数据口径：按各部门最近一次评估计算（含未批准的评估），未批准的结果标为暂定。";
    UnreadableTitle => "Latest assessment could not be read", "最新评估无法读取";
    UnreadableHelp => "These departments' newest file could not be read, so an older result (or none) is shown for them. Fix the file (see Problems) or restore it from its backup.", "以下部门的最新评估文件无法读取，因此显示的是较早的结果（或无结果）。请修正该文件（见“问题”），或从备份恢复。";
    RestoreBackup => "Restore from backup", "从备份恢复";
    NoBackup => "no backup", "无备份";
    AssessedOn => "Assessed on", "评估日期";
    Basis => "Basis", "数据口径";
    PendingNotCounted => "A newer assessment is not yet approved and is not counted here:", "较新的评估尚未批准，此处未计入：";
    // ---- assess: typing, review, audit (issue 8 §1, §4, §7) ----
    ReconfirmDone => "✓ Carried-over evidence confirmed for this period.", "✓ 沿用的佐证材料已确认适用于本期。";
    ReopenNeedsReason => "Give a reason for reopening the assessment.", "请填写重新打开评估的原因。";
    TransitionNotAllowed => "This status change is not allowed in the review workflow.", "审核流程不允许此状态变更。";
    ApproveBlockedAssessor => "You cannot approve: you are the assessor of this assessment. Someone else must approve it.", "您不能批准：您是本评估的评估人，须由他人批准。";
    ApproveBlockedEdited => "You cannot approve: you changed answers since the last approval. Someone else must approve it.", "您不能批准：自上次批准以来您修改过答案，须由他人批准。";
    AllowSelfApproval => "Allow assessors to approve their own assessments (one-person office)", "允许评估人批准本人的评估（适用于仅一人的科室）";
    AllowSelfApprovalHint => "Off: the person who approves must differ from the assessor and from anyone who changed the answers since the last approval.", "关闭时：批准人须不同于评估人，也不同于自上次批准以来修改过答案的任何人。";
    UnconfirmedTitle => "Carried-over evidence not confirmed", "沿用的佐证材料尚未确认";
    UnconfirmedText => "The evidence of these indicators was carried over from the last period and nobody has confirmed it is still true:", "以下指标的佐证材料沿用自上期，尚无人确认其仍然有效：";
    SubmitAnyway => "Submit anyway", "仍然提交";
    ApproveAnyway => "Approve anyway", "仍然批准";
    GoBack => "Go back", "返回";
    ReopenTitle => "Reopen this approved assessment?", "重新打开此已批准的评估？";
    ReopenText => "It becomes a Draft again and needs a new review; until then its figures are provisional. The reopening and its reason are recorded in the audit log.", "评估将退回草稿状态，需重新审核；在此之前其数据为暂定。重新打开及其原因将记入审计日志。";
    ReopenReason => "Reason for reopening (required)", "重新打开的原因（必填）";
    AuditNote => "Note", "说明";
    AuditCreated => "created", "新建";
    AuditStatus => "status", "状态";
    AuditReopened => "reopened", "重新打开";
    AuditLevel => "level", "等级";
    AuditReason => "N/A reason", "不适用原因";
    AuditEvidence => "evidence", "佐证材料";
    AuditLinks => "links", "链接";
    AuditConfidence => "confidence", "可信度";
    AuditComment => "comment", "备注";
    AuditReconfirmed => "evidence confirmed", "确认佐证材料";
    AuditAssessor => "assessor", "评估人";
    AuditStillCurrent => "evidence still current", "佐证材料仍然有效";
    // ---- typed paths, welcome, workspace settings (issue 8 §5, §7) ----
    NoWorkspaceHere => "has no workspace.ron, so it is not a workspace. Open another folder, or create an empty workspace there with Workspace → New workspace… (or `govmaturity init DIR` on the command line).", "中没有 workspace.ron，不是工作区。请打开其他文件夹，或通过“工作区 → 新建工作区…”在该处创建空工作区（也可在命令行运行 `govmaturity init DIR`）。";
    SampleHint => "To try it with example data, write the sample workspace with `govmaturity generate DIR --sample`, then open DIR.", "如需用示例数据试用，请先运行 `govmaturity generate DIR --sample` 生成示例工作区，再打开 DIR。";
    TypeExportPath => "No file dialog can be shown here. Type the file the report should be written to and press Export; its folder is created if it is missing.", "此处无法显示文件对话框。请输入报告要写入的文件路径，然后按“导出”；文件夹不存在时会自动创建。";
    ExportHere => "Export", "导出";
    TypeNewWorkspacePath => "No folder dialog can be shown here. Type the folder for the new workspace and press Create. The folder is created if it is missing; other files in it are left alone, and a folder that already holds a workspace is opened instead.", "此处无法显示文件夹对话框。请输入新工作区的文件夹路径，然后按“创建”。文件夹不存在时会自动创建；其中的其他文件保持不变；若该文件夹已有工作区，则直接打开。";
    CreateWorkspace => "Create", "创建";
    TypeOpenPath => "No folder dialog can be shown here. Type the folder of a workspace (the folder that holds workspace.ron) and press Open.", "此处无法显示文件夹对话框。请输入工作区文件夹路径（包含 workspace.ron 的文件夹），然后按“打开”。";
    SaveCopyAs => "Save a copy", "保存副本";
    TypeSaveAsPath => "No file dialog can be shown here. Type the file to save a copy of this assessment to and press Save.", "此处无法显示文件对话框。请输入保存本评估副本的文件路径，然后按“保存”。";
    SaveCopy => "Save", "保存";
    PathLabel => "Path", "路径";
    Cancel => "Cancel", "取消";
    FileExists => "This file exists already:", "该文件已存在：";
    Overwrite => "Overwrite it", "覆盖该文件";
    UseFreeName => "Use a new name:", "改用新名称：";
    SettingsUnapplied => "These settings have changes that are not applied yet.", "这些设置有尚未应用的修改。";
    ApplyAndClose => "Apply and close", "应用并关闭";
    DiscardChanges => "Discard", "放弃修改";
    KeepEditing => "Keep editing", "继续编辑";
    DuplicateTarget => "Two targets are for the same department, dimension and indicator; only one can apply. Remove one or change it, then Apply.", "有两个目标针对同一部门、维度和指标，只能有一个生效。请删除或修改其中一个，然后再应用。";
    // ---- targets, projections (issue 8 §3) ----
    TrendOverdue => "overdue", "逾期";
    TrendOverdueLead => "Overdue: the target date has passed", "已逾期：目标日期已过";
    TrendBeyondHorizon => "Not within 10 years at the current pace.", "按当前进度10年内无法达到。";
    TrendReachedAll => "Target reached: every dimension with a target has reached it.", "已达标：所有设定了目标的维度均已达到目标。";
    TrendOverallNote => "Overall target: the weighted mean of the dimension targets. On target means every dimension with a target has reached its own; the projection is when the last of them will, at its own pace.", "总体目标：各维度目标的加权平均值。“达标”指每个设定了目标的维度均已达到其目标；预计日期为最后一个维度按其自身进度达标的时间。";
    OverallTarget => "Overall target", "总体目标";
    OnTarget => "On target", "是否达标";
    OnTargetYes => "Yes: every dimension with a target has reached it", "是：所有设定了目标的维度均已达标";
    OnTargetNo => "No", "否";
    DimensionsBelowTarget => "dimensions below target", "个维度未达目标";
    TargetBy => "by", "截止";
    // ==== terms (helper: catalogue): add keys below this line ====
    // How a date is written in running text (chrono's pattern; see `format::date`).
    DatePattern => "%Y-%m-%d", "%Y年%-m月%-d日";
    XlsxDateFormat => "yyyy-mm-dd", "yyyy\"年\"m\"月\"d\"日\"";
    XlsxMonthFormat => "yyyy-mm", "yyyy\"年\"m\"月\"";
    // Words for the model's and the analysis's values (see `terms`).
    StatusDraft => "Draft", "草稿";
    StatusReturned => "Returned", "已退回";
    ConfidenceLow => "Low", "低";
    ConfidenceMedium => "Medium", "中";
    ConfidenceHigh => "High", "高";
    KindBureau => "Bureau", "局";
    KindCommission => "Commission", "委员会";
    KindOffice => "Office", "办公室";
    KindCentre => "Centre", "中心";
    KindDistrict => "District", "区县";
    KindOther => "Other", "其他";
    BasisApproved => "approved assessments only", "仅计已批准的评估";
    BasisLatest => "latest assessments, approved or not (unapproved figures are provisional)", "最新评估（含未批准的评估，未批准的结果标为暂定）";
    LatestUnreadable => "latest file unreadable", "最新文件无法读取";
    Error => "Error", "错误";
    Warning => "Warning", "警告";
    FindingUnanswered => "Not answered yet: choose a level or N/A", "尚未作答：请选择等级或“不适用”";
    FindingMissingReason => "Not applicable needs a reason", "“不适用”需要说明原因";
    FindingMissingEvidence => "Level 3 or higher needs evidence", "3 级及以上需要提供佐证材料";
    FindingReconfirm => "Evidence carried over from the last period: re-confirm it", "佐证材料沿用自上期，请重新确认";
    // ==== report (helper: catalogue): add keys below this line ====
    ReportBasisApproved => "Figures count approved assessments only.", "仅计已批准的评估。";
    ReportBasisLatest => "Figures count each department's latest assessment, approved or not; unapproved figures are marked provisional.", "按各部门最近一次评估计算（含未批准的评估），未批准的结果标为暂定。";
    // Report headings and labels (see `report::labels`).
    ReportTitle => "Digital Government Maturity Report", "数字政府成熟度评估报告";
    DepartmentReportTitle => "Department Maturity Report", "部门数字政府成熟度评估报告";
    Generated => "Generated", "生成日期";
    OverallStage => "Overall stage", "总体阶段";
    MeanLevel => "Mean level", "平均等级";
    Contents => "Contents", "目录";
    ExecutiveSummary => "Executive summary", "摘要";
    KeyFigures => "Key figures", "主要数据";
    ReportHeatmap => "Heatmap: departments × dimensions", "热力图：部门 × 维度";
    ReportHeatmapNote => "Each cell shows the dimension's mean level (1–5). Darker cells lag; a dash means no data.", "每个单元格显示该维度的平均等级（1–5）。颜色越深越落后；短横线表示无数据。";
    ReportPriorities => "Top priorities: what to do next", "重点改进事项：下一步工作";
    ReportPrioritiesNote => "The largest shortfalls against target, most urgent first (priority = ((1 + gap)² − 1) × weight). The last column is the framework's description of the next level: what the department has to do next.", "与目标差距最大的事项，按紧迫程度排列（优先级 =（（1 + 差距）² − 1）× 权重）。末列为评估框架对更高一级的描述，即部门下一步需要做到的内容。";
    ReportProgress => "Progress since the previous period", "较上期的进展";
    ReportHistory => "Overall level over time", "总体等级随时间变化";
    ReportStageDistribution => "Departments by stage", "各阶段部门数";
    ReportDimensionOverview => "Dimensions across departments", "各维度总体情况";
    NextStep => "What to do next (next level)", "下一步工作（更高一级）";
    ReportNoAssessment => "No assessment on or before this period.", "本评估期及之前没有评估记录。";
    ReconfirmTag => "Evidence carried over; to be re-confirmed", "佐证材料沿用自上期，尚待重新确认";
    AnsweredHeading => "Answered", "已作答";
    Applicable => "Applicable", "适用";
    DraftOrReturned => "Draft or returned", "草稿或已退回";
    ReportRadar => "Dimension profile", "维度概况";
    ReportRadarNote => "Mean level per dimension: the current period filled, the previous period and the target as lines (see the legend).", "各维度平均等级：本期为填充区域，上期与目标为折线（见图例）。";
    ReportDimensionTable => "Dimensions: mean level, floor and gap to target", "各维度：平均等级、最低等级及与目标的差距";
    ReportAnswers => "Indicator answers and evidence", "指标作答及佐证材料";
    Appendix => "Appendix", "附录";
    Methodology => "Methodology: how each figure is computed", "计算方法";
    ReportRubric => "The framework's rubric", "评估框架等级描述";
    DataProblems => "Data problems", "数据问题";
    ReportNoProblems => "No problems were found while loading the workspace.", "加载工作区时未发现问题。";
    File => "File", "文件";
    Severity => "Severity", "严重程度";
    Message => "Message", "说明";
    Approval => "Approval", "审批";
    ApprovalNote => "I have reviewed this report and confirm that it reflects the assessments recorded for the period.", "本人已审阅本报告，确认其反映了本评估期所记录的评估结果。";
    Date => "Date", "日期";
    Signature => "Signature", "签字";
    ApprovedOn => "Approved on", "批准日期";
    NoneWord => "None", "无";
    Page => "Page", "第";
    Scope => "Scope", "范围";
    LevelPrefix => "Level ", "等级 ";
    Legend => "Legend", "图例";
    Periods => "Periods", "评估期";
    ReportNoPriorities => "No department falls short of a target.", "各部门均已达到目标。";
    ReportNoProgress => "No department has an earlier assessment to compare with.", "各部门均暂无可比较的上期评估。";
    Notes => "Notes", "说明";
    ProvisionalLegend => "Dashed outline: provisional figure (the assessment is not yet approved).", "虚线框：暂定结果（评估尚未批准）。";
    MethodIndicatorScore => "Indicator score: each indicator is rated at a level from 1 to 5 against the framework's rubric; its score on the 0–100 scale is (level − 1) × 25. Indicators marked not applicable and unanswered indicators are left out of every average, never counted as zero.", "指标得分：每项指标按评估框架的等级描述评定为 1 至 5 级，折算为 0–100 分，即（等级 − 1）× 25。标为“不适用”和未作答的指标不计入任何平均值，也不按零分计算。";
    MethodDimensionMean => "Dimension mean level: the weighted mean of the dimension's answered indicators. The floor is its lowest answered indicator, shown beside the mean so that the weakest link is never hidden by it.", "维度平均等级：该维度已作答指标的加权平均。最低等级为该维度中等级最低的已作答指标，与平均等级并列显示，使最薄弱环节不被平均值掩盖。";
    MethodOverall => "Overall level and stage: a department's overall level is the weighted mean of its dimension scores; the stage is the level whose band it falls in (the whole number below it). The government-wide overall level is the plain mean of the departments' overall levels.", "总体等级与阶段：部门总体等级为各维度得分的加权平均；阶段为总体等级所在区间对应的等级（向下取整）。全市总体等级为各部门总体等级的算术平均。";
    MethodImbalance => "Imbalance: a dimension more than one level below the department's stage is flagged as imbalanced.", "发展不均衡：某维度比部门所处阶段低一级以上时，标记为发展不均衡。";
    MethodPriority => "Gap and priority: gap = target − current level, counted only when positive (a shortfall). Priority = ((1 + gap)² − 1) × weight, so one large gap weighs more than two small ones.", "差距与优先级：差距 = 目标 − 当前等级，仅在为正（未达目标）时计入。优先级 =（（1 + 差距）² − 1）× 权重，因此一个大差距比两个小差距更重要。";
    MethodChange => "Change: the difference between a department's mean level in its current assessment and in its assessment just before it.", "变化：部门本期评估与其上期评估的平均等级之差。";
    MethodCoverage => "Coverage: answered indicators divided by applicable ones (those not marked not applicable).", "覆盖率：已作答指标数除以适用指标数（未标为“不适用”的指标）。";
    MethodOverallTarget => "Overall target: the weighted mean of the department's dimension targets, with the same weights as the overall score. A department is on target only when every dimension that has a target has reached it, so a good average never hides a dimension short of its target.", "总体目标：部门各维度目标的加权平均，权重与总体得分相同。只有所有设定了目标的维度均达到目标，部门才算达标，因此平均等级较好不能掩盖未达目标的维度。";
    MethodBasis => "Each department's current assessment is its latest one on or before the report's period that counts on the report's basis: approved assessments only, or the latest assessment of any status, in which case unapproved figures are marked provisional. A department whose assessment predates the period is marked as carried over from that date; a department whose newest file could not be read is flagged with the file named, and its older result is marked as carried over, never presented as current. Mean levels are shown to two decimal places, halves rounded away from zero.", "各部门的本期评估为报告评估期当日或之前、符合本报告数据口径的最近一次评估：或仅计已批准的评估，或取任何状态的最新评估（此时未批准的结果标为“暂定”）。评估日期早于评估期的部门，标明沿用该日期的评估；最新评估文件无法读取的部门予以标明并列出该文件，其较早的结果标为沿用往期，不作为本期结果。平均等级保留两位小数，尾数为5时向远离零的方向进位。";
    // ==== problems (helper: problems): add keys below this line ====
    // ==== xlsx and csv (helper: xlsx): add keys below this line ====
    XlsxGenerated => "Generated on", "生成日期";
    XlsxProvisionalCount => "Provisional", "暂定";
    XlsxAtPeriodCount => "Assessed at this period", "本期评估";
    XlsxCarriedOverCount => "Carried over from earlier", "沿用往期评估";
    XlsxPendingCount => "Newer work not yet approved, not counted", "较新评估尚未批准、未计入";
    XlsxDepartmentId => "Department id", "部门编号";
    XlsxDimensionId => "Dimension id", "维度编号";
    XlsxIndicatorId => "Indicator id", "指标编号";
    XlsxDimensionWeight => "Dimension weight", "维度权重";
    XlsxIndicatorWeight => "Indicator weight", "指标权重";
    XlsxYes => "Yes", "是";
    XlsxNo => "No", "否";
    XlsxGovernmentMean => "Government mean", "全市平均";
    XlsxRadarTitle => "Mean level by dimension", "各维度平均等级";
    XlsxRadarAlt => "Radar chart of the mean maturity level of each dimension, from the table beside it.", "各维度平均成熟度等级雷达图，数据见旁边的表格。";
    XlsxTrendAlt => "Line chart of mean maturity levels per period, from the table above.", "各评估期平均成熟度等级折线图，数据见上方表格。";
    XlsxFlagLegend => "Notes: “provisional” means the assessment is not yet approved and the figure may still change (a dashed border on the departments × dimensions sheet); “carried over from” a date means the department's counted assessment predates the period; “latest assessment could not be read” means its newest file is damaged and an older result, or none, is shown.", "说明：“暂定”表示评估尚未批准，结果可能变化（“部门 × 维度”表中以虚线边框标示）；“沿用某日期的评估”表示该部门计入的评估早于评估期；“最新评估无法读取”表示其最新文件已损坏，表中显示较早的结果或无结果。";
    XlsxTargetLegend => "Overall target = the weighted mean of the dimension targets; on target = every dimension with a target has reached it.", "总体目标 = 各维度目标的加权平均；达标 = 所有设定目标的维度均已达到目标。";
    XlsxFiguresNote => "Figures are stored as numbers, rounded to the digits shown (as in the app and the other reports); a blank cell has no figure.", "数值以数字存储，按显示的位数取整（与应用及其他报告一致）；空白单元格表示没有数值。";
    XlsxColourScale => "Colour scale (mean level)", "颜色刻度（平均等级）";
    XlsxColourScaleNote => "Dark = lagging (level 1), light = advanced (level 5); grey = no score.", "深色 = 落后（1级），浅色 = 领先（5级）；灰色 = 无得分。";
    XlsxDashedNote => "Dashed border: provisional figure (the assessment is not yet approved); the Notes column says so in words.", "虚线边框：暂定结果（评估尚未批准），“说明”列以文字注明。";
    // ==== document (helper: pdf): add keys below this line ====
    DocBelowTarget => "Below target", "未达目标";
    DocParentDepartment => "Parent department", "上级部门";
    DocAltHeatmap => "Mean level per department and dimension", "各部门各维度的平均等级";
    DocAltRanking => "Departments by mean level", "各部门平均等级排序";
    DocAltRadar => "Mean level per dimension", "各维度平均等级";
    DocAltHistory => "Mean level of the departments by period, with the lowest and highest", "各评估期部门平均等级及最低、最高值";
    DocAltStages => "Departments at each stage", "各阶段部门数";
    DocHistoryBand => "Line: mean level; band: lowest to highest department.", "折线：平均等级；色带：部门最低至最高。";
    // ==== html (helper: html): add keys below this line ====
    // ==== views (helper: app views): add keys below this line ====
    NotApplicableShort => "N/A", "不适用";
    TitleEnglish => "Title (EN)", "标题（英文）";
    TitleChinese => "Title (Chinese)", "标题（中文）";
    // ==== cli (lead): add keys below this line ====
    // ---- plans: analysis and CLI
    PlanStatusPlanned => "Planned", "计划中";
    PlanStatusInProgress => "In progress", "进行中";
    PlanStatusDone => "Done", "已完成";
    PlanStatusDropped => "Dropped", "已取消";
    PlanTargetReached => "Reached", "已达标";
    PlanTargetOnTrack => "On track", "按计划";
    PlanTargetAtRisk => "At risk", "有风险";
    PlanTargetOffTrack => "Off track", "偏离";
    PlanTargetOverdue => "Overdue", "已逾期";
    PlanTargetUnknown => "Too few assessments to tell", "评估次数不足，无法判断";
    PlanEffectNotYetReassessed => "not yet reassessed", "尚未重新评估";
    PlanEffectNoEarlierAnswer => "no earlier answer to compare", "此前无可比较的作答";
    PlanEffectRoseCount => "rose", "提升";
    PlanEffectUnchangedCount => "unchanged (flagged)", "未见提升";
    PlanEffectFellCount => "fell", "下降";
    PlanAllDepartments => "All departments", "全部部门";
    PlanAllIndicators => "all indicators", "全部指标";
    PlanDepartmentOne => "department", "个部门";
    PlanActions => "Actions", "改进措施";
    PlanActionId => "Id", "编号";
    PlanActionTitle => "Action", "措施";
    PlanAddresses => "Addresses", "针对";
    PlanOwner => "Responsible", "责任单位及责任人";
    PlanStart => "Start", "开始日期";
    PlanDue => "Due", "完成期限";
    PlanExpectedLevel => "Aims for", "预期等级";
    PlanEffect => "Effect", "成效";
    PlanOverdue => "Overdue", "已逾期";
    PlanAlreadyMet => "Already at target", "已达目标";
    PlanOpenCount => "Open", "未完成";
    PlanUncovered => "Gaps without an open action", "尚无在办措施的差距";
    PlanRollup => "Shortfalls across departments", "跨部门共性差距";
    ReportPrioritiesByDepartment => "By department", "各部门重点事项";
    PlanActionsShort => "Actions", "措施";
    PlanDepartmentsBelow => "Departments below target", "未达目标部门数";
    PlanMeanGap => "Mean gap", "平均差距";
    PlanTotalGap => "Total gap", "差距合计";
    PlanTargets => "Targets", "目标进展";
    PlanProjected => "Projected", "预计达标日期";
    PlanState => "Outlook", "进展情况";
    PlanToday => "Today", "今日";
    PlanNoActions => "No action matches.", "没有符合条件的措施。";
    PlanNoUncovered => "Every gap below target has an open action.", "所有未达目标的差距均有在办措施。";
    PlanYes => "yes", "是";
    PlanNo => "no", "否";
    // ---- plans: reports
    ReportMeasures => "Measures", "改进措施";
    ReportMeasuresNote => "What is being done about the gaps: every action with its responsible unit and deadline, the gaps no open action addresses yet, and the actions past their due date.", "针对差距正在采取的措施：各项措施及其责任单位和完成期限、尚无在办措施的差距，以及已超过完成期限的措施。";
    ReportMeasuresNoteDepartment => "What is being done about the department's gaps: every action for it with its responsible unit and deadline, the gaps no open action addresses yet, and the actions past their due date.", "针对本部门差距正在采取的措施：涉及本部门的各项措施及其责任单位和完成期限、尚无在办措施的差距，以及已超过完成期限的措施。";
    ReportRollupNote => "Indicators below target, across departments, most urgent first: the priority is the sum of the departments' priorities (the ten largest shown).", "各部门未达目标的指标，按紧迫程度排列：优先级为各相关部门优先级之和（列出前十项）。";
    ReportMeasuresActions => "Actions, responsible units and deadlines", "措施、责任单位与完成期限";
    ReportNoActionsYet => "No actions have been planned yet.", "尚未制定改进措施。";
    ReportUncoveredNote => "Indicators below target that no planned or in-progress action addresses, most urgent first.", "未达目标且尚无计划中或进行中措施的指标，按紧迫程度排列。";
    ReportOverdueActions => "Overdue actions", "逾期措施";
    ReportNoOverdue => "No action is past its due date.", "没有超过完成期限的措施。";
    XlsxActionPlan => "Action plan", "改进措施";
    XlsxResponsibleUnit => "Responsible unit", "责任单位";
    XlsxResponsiblePerson => "Responsible person", "责任人";
    XlsxTargetLevel => "Target level", "目标等级";
    XlsxCurrentLevel => "Current level", "当前等级";
    XlsxStatusListTitle => "Status", "状态";
    XlsxStatusListPrompt => "Choose one of the four statuses.", "请从四种状态中选择一种。";
    XlsxActionDescription => "Description", "措施说明";
    XlsxNoTargets => "No targets are set.", "尚未设定目标。";
    XlsxOverdueNote => "Overdue rows are highlighted, and the Overdue column says so in words.", "逾期的行以底色标示，“已逾期”列同时以文字注明。";
    // ---- plans: app
    PlanTab => "Plan", "改进计划";
    PlanAny => "Any", "全部";
    PlanOverdueOnly => "Overdue only", "仅显示逾期";
    PlanTimeline => "Timeline", "时间轴";
    PlanTimelineNote => "Bars run from start to due; the line marks today; ◆ marks a target deadline.", "横条表示开始日期至完成期限；竖线为今日；◆ 为目标期限。";
    PlanAnAction => "Plan an action", "制定改进措施";
    PlanFieldTitle => "Title", "标题";
    PlanFieldDescription => "What to do", "工作内容";
    PlanFieldUnit => "Responsible unit", "责任单位";
    PlanFieldPerson => "Responsible person", "责任人";
    PlanFieldLinks => "Links (one per line)", "链接（每行一个）";
    PlanTitleNeeded => "Give the action a title.", "请填写措施标题。";
    PlanDueBeforeStart => "The due date is before the start date.", "完成期限早于开始日期。";
    PlanSelectAction => "Select an action in the table to edit it.", "在表格中选择一项措施即可编辑。";
    PlanNotes => "Progress notes", "进展记录";
    PlanAddNote => "Add note", "添加记录";
    PlanHistory => "Status history", "状态变更记录";
    PlanConflict => "This plan file was changed on disk by someone else while you were editing it.", "您编辑期间，该计划文件已被他人在磁盘上修改。";
    PlanForIndicator => "Actions for this indicator", "针对该指标的措施";
    PlanNoActionForIndicator => "No action addresses this indicator yet.", "尚无针对该指标的措施。";
    PlanPersonFilter => "Responsible", "责任单位或责任人";
    // ---- reports: brief
    BriefTitle => "Digital government maturity: briefing", "数字政府建设成熟度评估情况简报";
    BriefConclusions => "1. Overall picture", "一、总体情况";
    BriefKeyFigures => "Key figures", "主要指标";
    BriefStages => "Departments by stage", "各阶段部门分布";
    BriefProblems => "2. Main problems", "二、存在的主要问题";
    BriefShared => "Shortfalls shared across departments", "（一）共性短板";
    BriefSharedDimensions => "By dimension", "（二）分维度差距";
    BriefAttention => "Departments needing attention", "（三）需要重点关注的部门";
    BriefTargets => "3. Targets", "三、目标完成情况";
    BriefMeasures => "4. Measures", "四、改进措施";
    BriefOpenMeasures => "Measures under way", "（一）正在推进的措施";
    BriefOpenCount => "Measures under way", "正在推进的措施";
    BriefUncovered => "Gaps no measure addresses yet", "（二）尚无措施覆盖的差距";
    BriefNotes => "Notes", "说明";
    BriefLowest => "Lowest overall level", "总体等级最低的部门";
    BriefDeclined => "Largest declines since the previous assessment", "较上期下降最多的部门";
    BriefUnreadable => "Latest assessment could not be read", "最新评估文件无法读取的部门";
    BriefOverdue => "Measures past their due date", "有逾期措施的部门";
    BriefNoAttention => "No department falls behind in any of these respects.", "未发现需要重点关注的部门。";
    BriefNoTargets => "No targets are set; set them in the workspace settings.", "尚未设定目标，可在工作区设置中设定。";
    BriefNoOpenMeasures => "No measure is under way.", "目前没有正在推进的措施。";
    BriefOffTrack => "Targets not on track", "进度滞后的目标";
    BriefPreparedBy => "Prepared by", "编制";
    BriefReviewedBy => "Reviewed by", "审核";
    BriefApprovedBy => "Approved by", "签发";
    BriefLabel => "Brief", "简报";
    RankJoint => "joint (shared with another department)", "与其他部门并列";
    ReportSettingsHeading => "Reports in the official style", "公文格式报告";
    ReportSettingsHint => "Printed by the official document style: the issuing office in the red header, the document number under it, and the sign-off names (empty names are taken from the assessments' workflow where they exist, else left as lines to sign).", "用于公文格式报告：发文机关印在红色版头，其下为发文字号；签发栏按下列姓名填写（未填写的，有评估流程记录时取自记录，否则留空供手签）。";
    ReportOfficeEnglish => "Issuing office (English)", "发文机关（英文）";
    ReportOfficeChinese => "Issuing office (Chinese)", "发文机关（中文）";
    ReportDocumentNumber => "Document number", "发文字号";
    ExportOfficialStyle => "Official document style", "公文格式";
    ExportOfficialStyleHelp => "Red issuing-office header, document number, 16 pt body and a sign-off block (GB/T 9704-2012). Set the office, number and names in the workspace settings.", "红色版头、发文字号、三号仿宋正文和签发栏（GB/T 9704—2012）。发文机关、发文字号和签发人可在工作区设置中填写。";
    BriefFullReport => "The full report lists every figure, department and measure.", "各项数据、各部门详细情况及全部措施，详见全面评估报告。";
    // ---- reports: full
    ReportGroups => "Departments by parent unit", "按上级单位汇总";
    ReportGroupsNote => "Each parent unit with the departments under it; departments without a parent unit form one group. The overall level is the mean of the departments' overall levels; the lowest dimension is the one with the lowest mean in the group.", "各上级单位及其所属部门分组汇总，未设上级单位的部门合为一组。总体等级为组内各部门总体等级的平均值，最弱维度为组内平均等级最低的维度。";
    ReportParentUnit => "Parent unit", "上级单位";
    ReportNoParentUnit => "Departments without a parent unit", "未设上级单位的部门";
    ReportLowestDimension => "Lowest dimension", "最弱维度";
    ReportHeatmapByGroup => "Mean level per dimension of each group. The heatmap of every department is in the annex.", "各组分维度平均等级。各部门的热力图见附件。";
    ReportHeatmapByStage => "No parent units are set, so the departments are grouped by stage: the mean level per dimension of the departments at each stage. The heatmap of every department is in the annex; set parent units in the workspace settings to group departments by district.", "尚未设置上级单位，因此按所处阶段分组，列出各阶段部门的分维度平均等级。各部门的热力图见附件；在工作区设置中设置上级单位后，即可按区县分组汇总。";
    ReportStageGroup => "Stage", "所处阶段";
    ReportRanked => "Ranked", "参与排名";
    ReportRankRange => "Ranks", "名次范围";
    ReportBestRanked => "Highest ranked", "排名最高";
    ReportWorstRanked => "Lowest ranked", "排名最低";
    ReportRankingByGroup => "The ranks each group's departments hold among all departments, with its highest and lowest ranked department. The complete ranking is in the annex.", "各组所属部门在全部部门中的名次范围，以及组内排名最高和最低的部门。完整排名见附件。";
    ReportTopRanked => "Highest ranked departments", "排名靠前的部门";
    ReportBottomRanked => "Lowest ranked departments", "排名靠后的部门";
    ReportLargestRises => "Largest rises", "提升最多的部门";
    ReportLargestFalls => "Largest declines", "下降最多的部门";
    ReportProgressCapped => "The departments that rose and fell most since their previous assessment; the change of every department is in the annex.", "较上期提升和下降最多的部门；各部门的变化情况见附件。";
    ReportAnnexes => "Annexes", "附件";
    ReportAnnexesNote => "The annexes hold the complete tables the body summarises, the methodology and rubric, and the page of each department.", "附件列出正文汇总所依据的完整表格、评估方法与评分标准，以及各部门评估详情。";
    ReportAnnexHeatmap => "Heatmap of all departments", "各部门分维度等级";
    ReportAnnexRanking => "Ranking of all departments", "各部门排名";
    ReportAnnexProgress => "Progress of all departments", "各部门较上期变化";
    ReportAnnexActions => "All actions", "全部改进措施";
    ReportAnnexDepartments => "Department pages", "各部门评估详情";
    ReportSplitPages => "Each department's page is a separate file, named by the department's id, in the folder written with this report.", "各部门评估详情另行成文，每个部门一个文件，以部门编号命名，与本报告一并提供。";
    ReportDepartmentTrend => "Levels over time", "各期等级变化";
    ReportDepartmentRank => "Rank among all departments", "在全部部门中的排名";
    ReportFullName => "Full name", "全称";
    // ---- reports: docx
    // The font families a Word document names (w:eastAsia), Chinese, with
    // the English name of the font Word and WPS take when it is missing
    // (w:altName): read `.get(Lang::Zh)` for the family, `.get(Lang::En)`
    // for its stand-in, whatever the report's language.
    DocxFontFangSong => "FangSong", "仿宋_GB2312";
    DocxFontKaiTi => "KaiTi", "楷体_GB2312";
    DocxFontHei => "SimHei", "黑体";
    DocxFontXiaoBiaoSong => "SimSun", "方正小标宋简体";
    DocxFontSong => "SimSun", "宋体";
    DocxFontYaHei => "Microsoft YaHei", "微软雅黑";
    DocxContentsNote => "Page numbers appear when the fields are updated: in Word, right-click the contents and choose Update Field.", "更新域后显示页码：在Word中右键单击目录，选择“更新域”。";
    // ---- reports: pdf
    PdfMissingGlyphsHeading => "Characters that could not be printed", "无法显示的字符";
    // ---- reports: xlsx
    XlsxCounted => "Counted in the figures", "计入当前结果";
    XlsxBriefSheet => "Brief", "简报";
    // ---- scale: groups and trends
    GroupOpen => "Show the departments under it", "展开下属部门";
    GroupClose => "Hide the departments under it", "收起下属部门";
    GroupMean => "group mean", "组平均";
    TrendSetMean => "Mean of the chosen", "所选部门平均";
    TrendHighlightNote => "Lines shown: the department in view, then those lowest and highest at the latest period.", "单独显示的线：当前部门，以及本期等级最低和最高的部门。";
    XlsxAnswersSplit => "Each department's answers are in its own workbook, written beside this one.", "各部门的指标作答见同时生成的各部门工作簿。";
    XlsxFlagLegendDepartment => "Notes: “provisional” means the assessment is not yet approved and the figure may still change (a dashed border on the Trends sheet); “carried over from” a date means the department's counted assessment predates the period; “latest assessment could not be read” means its newest file is damaged and an older result, or none, is shown.", "说明：“暂定”表示评估尚未批准，结果可能变化（“趋势”表中以虚线边框标示）；“沿用某日期的评估”表示该部门计入的评估早于评估期；“最新评估无法读取”表示其最新文件已损坏，表中显示较早的结果或无结果。";
    // ---- scale: sortable tables and the department picker
    SortHint => "Click to sort; click again to reverse.", "单击排序，再次单击反向排序。";
    SortedAscending => "sorted ascending", "升序";
    SortedDescending => "sorted descending", "降序";
    PickerHint => "Type a name, id or pinyin initials (jyj)", "输入名称、编号或拼音首字母（如jyj）";
    PickerEmpty => "No department matches.", "没有匹配的部门。";
    PickerKeys => "↑↓ to move, Enter to choose, Esc to close", "↑↓移动，回车选择，Esc关闭";
    // ---- collecting: consensus screen and merge (app)
    ConsensusNoteRequired => "The agreed level differs from every assessor's level: write a consensus note that says why, then apply it.", "议定等级与各评估人的评级均不同，请填写议定说明、写明理由后再确定。";
    ConsensusIntro => "Each assessor's level for each indicator. The agreed level is what the scores count; where it differs from every assessor's level, a note must say why. Select an indicator to see what each assessor wrote.", "下表列出各评估人对每项指标的评级。计分以议定等级为准；议定等级与各评估人的评级均不同时，须填写议定说明。选中指标可查看各评估人填写的佐证材料。";
    ConsensusBack => "Back to the answers", "返回作答";
    OpenConsensus => "Open the consensus screen", "打开意见议定页面";
    SendQuestionnaires => "Send questionnaires…", "发送调查表…";
    ImportQuestionnaires => "Import questionnaires…", "导入调查表…";
    SendQuestionnairesTitle => "Send questionnaires", "发送调查表";
    SendQuestionnairesIntro => "One workbook per department, filled in without the app and returned to you. Choose the period the answers are for, then a folder to write the workbooks into.", "为每个部门生成一份调查表（Excel 工作簿），部门无需安装本软件即可填写并交回。请先确定作答对应的评估期，再选择保存调查表的文件夹。";
    ChooseFolder => "Choose a folder…", "选择文件夹…";
    ImportQuestionnairesTitle => "Import questionnaires", "导入调查表";
    ImportIntro => "Every returned workbook in the folder has been checked: below is what each would change, or what is wrong with it. Nothing is written until you choose Import.", "已逐一核对文件夹中交回的调查表，下列为各文件将作的修改或存在的问题。选择“导入”之前不会写入任何内容。";
    CheckAgain => "Check again", "重新核对";
    ImportNothingReady => "No file can go in as it is: mend the problems listed (or ask the department to), then check again.", "暂无可直接导入的文件：请按所列问题修改（或请相关部门修改）后重新核对。";
    ImportWho => "Who answered (empty: the name on each cover)", "作答人（留空则采用各调查表封面所填姓名）";
    ImportAsResponse => "Keep as one assessor's response (the agreed answers stay as they are)", "作为一位评估人的答卷保存（议定结果保持不变）";
    ImportRole => "Role", "角色";
    Working => "Checking the files…", "正在核对文件…";
    TypeFolderPath => "Type the path of the folder.", "请输入文件夹路径。";
    ChooseThisFolder => "Use this folder", "使用此文件夹";
    ConsensusSelect => "Select an indicator in the table to choose its agreed level.", "请在表中选择一项指标，以确定其议定等级。";
    UseProposal => "Use the proposal", "采用建议";
    ApplyAgreed => "Apply the agreed level", "确定议定等级";
    NoteNeeded => "note needed", "需填写说明";
    WhatEachAssessorWrote => "What each assessor wrote", "各评估人填写的内容";
    NoEvidenceGiven => "No evidence given.", "未提供佐证材料。";
    ConsensusReadOnly => "This assessment cannot be changed in its present status: return or reopen it to change agreed levels.", "此评估在当前状态下不可修改；如需调整议定等级，请先退回或重新打开。";
    ConflictMergeIntro => "Their changes to other parts are merged with yours. Nothing is saved until you choose “Merge and save”.", "对方对其他内容的修改将与您的修改合并；选择“合并并保存”之前不会保存任何内容。";
    ConflictNothingElse => "They changed nothing that you did not change too.", "对方未修改您未改动的其他内容。";
    MergeAndSave => "Merge and save", "合并并保存";
    Mine => "Mine", "我的";
    Theirs => "Theirs", "对方的";
    KeepWhich => "Keep", "保留";
    // ---- hardening: tamper evidence
    ChangedAfterApproval => "changed after approval", "批准后被修改";
    ChangedAfterApprovalTitle => "Changed after approval", "批准后被修改";
    ChangedAfterApprovalHint => "Its answers were edited after it was approved, outside the workflow, so the figures are not the approved ones. Reopen it and approve it again, or restore the approved version from a backup or version control.", "其作答在批准后未经审批流程被修改，数据并非已批准的结果。请重新打开并再次批准，或从备份或版本控制中恢复已批准的版本。";
    // ---- hardening: locks
    HeldReadOnly => "It is open here read-only: nothing can be changed or saved. Close the other window, or edit here anyway (the later save of the same file is refused as a conflict).", "此处以只读方式打开，无法修改或保存。请关闭另一个窗口，或仍在此处编辑（两处保存同一文件时，后保存者将被提示冲突）。";
    EditAnyway => "Open anyway (editing)", "仍然打开（可编辑）";
    HeldRefused => "This workspace is open read-only because another window has it; choose “Open anyway (editing)” at the top to change it here.", "另一个窗口已打开此工作区，此处为只读；如需在此修改，请单击顶部的“仍然打开（可编辑）”。";
    // ---- collecting: several assessors
    RaterAgreement => "Rater agreement", "评估人一致性";
    LargestDisagreements => "Largest disagreements", "分歧最大的指标";
    Assessors => "Assessors", "评估人";
    Spread => "Spread", "分歧幅度";
    AgreeWithinOne => "Agree within one level", "相差不超过一级";
    SpreadHint => "The highest minus the lowest of the assessors' levels.", "各评估人所评等级中最高与最低之差。";
    AgreedLevel => "Agreed", "议定等级";
    MarkedDisagreement => "2 levels or more apart", "相差 2 级及以上";
    ConsensusNote => "Consensus note", "议定说明";
    RoleSelfAssessment => "Self-assessment", "自评";
    RoleReviewer => "Reviewer", "审核人";
    RoleExternal => "External evaluator", "外部评估人";
    AuditConsensusNote => "consensus note", "议定说明";
    // ---- collecting: questionnaire and import
    QuestTitle => "Digital-government maturity questionnaire", "数字政府成熟度评估调查表";
    QuestSheetCover => "Cover", "封面";
    QuestSheetAnswers => "Answers", "答卷";
    QuestWorkspace => "Issued by", "发放单位";
    QuestFramework => "Framework", "评估框架";
    QuestHowTo => "How to fill in this questionnaire", "填写说明";
    QuestColumns => "What each column means", "各列含义";
    QuestSignOff => "Filled in and signed off", "填报与审核";
    QuestFilledBy => "Filled in by (name)", "填表人（姓名）";
    QuestFillerRole => "Position", "职务";
    QuestFilledOn => "Date filled in", "填表日期";
    QuestSignedOffBy => "Signed off by (head of department)", "审核人（部门负责人）";
    QuestSignedOn => "Date signed off", "审核日期";
    QuestColId => "ID", "编号";
    QuestColIndicator => "Indicator", "指标";
    QuestColRubric => "What each level means", "各等级的含义";
    QuestColLastLevel => "Last period: level", "上期等级";
    QuestColLastEvidence => "Last period: evidence", "上期佐证材料";
    QuestColLevel => "Level (1–5 or N/A)", "等级（1–5或不适用）";
    QuestColEvidence => "Evidence", "佐证材料";
    QuestColLinks => "Links (one per line)", "链接（每行一个）";
    QuestColConfidence => "Confidence", "可信度";
    QuestColReason => "Reason if not applicable", "不适用的原因";
    QuestNoLastPeriod => "none", "无";
    QuestLevelPromptTitle => "Level", "等级";
    QuestLevelPrompt => "Choose 1 to 5 from the list, or N/A when the indicator does not apply to your department (then give the reason in the last column).", "请从列表中选择1至5；指标不适用于本部门时选择“不适用”，并在最后一列填写原因。";
    QuestLevelErrorTitle => "Not a level", "等级无效";
    QuestLevelError => "A level is a whole number from 1 to 5, or N/A. Choose one from the list.", "等级应为1至5的整数或“不适用”，请从列表中选择。";
    QuestConfidencePromptTitle => "Confidence", "可信度";
    QuestConfidencePrompt => "How sure are you of the level: Low, Medium or High.", "您对所填等级的把握程度：低、中或高。";
    QuestConfidenceErrorTitle => "Not a confidence", "可信度无效";
    QuestConfidenceError => "Choose Low, Medium or High from the list.", "请从列表中选择低、中或高。";
    QuestTextErrorTitle => "Text too long", "文字过长";
    QuestAudit => "imported", "导入";
    QuestAuditResponse => "response added", "添加评估人作答";
    QuestRoleSelf => "self-assessment", "部门自评";
    QuestRoleReviewer => "reviewer", "审核人";
    QuestRoleExternal => "external evaluator", "外部评估人";
    QuestDiffNone => "no change", "无变化";
    // ---- shipping: about window
    About => "About", "关于";
    AboutTitle => "About govmaturity", "关于本程序";
    AboutTagline => "Offline, bilingual digital-government maturity assessments.", "离线、中英双语的数字政府成熟度评估工具。";
    AboutVersion => "Version", "版本";
    AboutFramework => "Built-in framework", "内置评估框架";
    AboutLicences => "Licences", "许可协议";
    AboutProgramLicence => "The program: MIT OR Apache-2.0, at your choice.", "本程序：MIT 或 Apache-2.0 许可，任选其一。";
    AboutFontLicence => "The bundled fonts (subsets of Noto Sans SC and Noto Serif SC, cut to GB 2312): SIL Open Font License 1.1.", "随附字体（Noto Sans SC 与 Noto Serif SC 字体的 GB 2312 子集）：SIL 开源字体许可协议（OFL）1.1。";
    AboutLicenceFiles => "The full texts come with the program (LICENSE-MIT, LICENSE-APACHE, OFL.txt).", "许可协议全文随程序一同提供（LICENSE-MIT、LICENSE-APACHE、OFL.txt）。";
    AboutShowFontLicence => "Font licence text", "字体许可协议全文";
    AboutFolders => "Where things are kept", "文件存放位置";
    AboutPreferences => "Preferences (language, theme, recent workspaces)", "偏好设置（语言、主题、最近打开的工作区）";
    AboutRecovery => "Unsaved edits (recovery journal) of the open workspace", "当前工作区未保存修改（恢复日志）";
    AboutNoWorkspace => "no workspace open", "未打开工作区";
    AboutUnknownFolder => "not available on this system", "本系统不支持";
}

/// A name with a tag after it: "Health Commission (provisional)" /
/// "市卫生健康委员会（暂定）".
pub fn tagged_text(name: &str, tag: &str, lang: Lang) -> String {
    report::with_figure(name, tag, lang)
}

/// "carried over from 2025-06-30" / "沿用2025年6月30日的评估".
pub fn carried_over_text(date: chrono::NaiveDate, lang: Lang) -> String {
    report::carried_over_from(Some(date), lang)
}

/// "latest assessment could not be read: police/2025-12-31.ron".
pub fn unreadable_text(file: &std::path::Path, lang: Lang) -> String {
    report::latest_unreadable(Some(file), lang)
}

/// Said after "Restore from backup" worked.
pub fn restored_text(file: &std::path::Path, backup: &std::path::Path, lang: Lang) -> String {
    let name = backup
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    match lang {
        Lang::En => format!(
            "Restored {} from its backup {name}; the unreadable version is kept in .backups/.",
            file.display()
        ),
        Lang::Zh => format!(
            "已从备份 {name} 恢复 {}；无法读取的版本已保留在 .backups/ 中。",
            file.display()
        ),
    }
}

/// The overall outlook when one dimension holds it back: "Not on track:
/// Data security & privacy is not rising." / beyond the 10-year horizon.
pub fn held_back_text(dimension: &str, beyond_horizon: bool, lang: Lang) -> String {
    match (lang, beyond_horizon) {
        (Lang::En, false) => format!("Not on track: {dimension} is not rising."),
        (Lang::Zh, false) => format!("未按计划推进：“{dimension}”没有提升。"),
        (Lang::En, true) => format!("Not within 10 years at the current pace: {dimension} rises too slowly."),
        (Lang::Zh, true) => format!("按当前进度10年内无法达到：“{dimension}”提升过慢。"),
    }
}

/// Under the overall level: "includes 5 provisional" / "含暂定结果 5 个".
pub fn includes_provisional_text(provisional: usize, lang: Lang) -> String {
    match lang {
        Lang::En => format!("includes {provisional} provisional"),
        Lang::Zh => format!("含暂定结果 {provisional} 个"),
    }
}

/// "7 approved, 5 provisional" / "已批准 7 个，暂定 5 个".
pub fn approved_provisional_text(approved: usize, provisional: usize, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{approved} approved, {provisional} provisional"),
        Lang::Zh => format!("已批准 {approved} 个，暂定 {provisional} 个"),
    }
}

/// "11 at this period · 1 carried over from earlier".
pub fn at_period_text(at_period: usize, carried: usize, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{at_period} at this period · {carried} carried over from earlier"),
        Lang::Zh => format!("本期 {at_period} 个 · 沿用往期 {carried} 个"),
    }
}

/// "3 with newer work not yet approved (not counted)".
pub fn pending_text(pending: usize, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{pending} with newer work not yet approved (not counted)"),
        Lang::Zh => format!("{pending} 个部门有较新评估尚未批准（未计入）"),
    }
}

// ---- reports: pdf

/// The official style's page number (GB/T 9704-2012 §7.5): "— 3 —".
pub fn pdf_official_page(page: usize) -> String {
    format!("\u{2014} {page} \u{2014}")
}

/// A sign-off line: "Prepared by: Li Hua" / "编制：李华"; with no name,
/// the role and its colon, a line to sign on drawn after it.
pub fn pdf_sign_line(role: &str, name: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{role}: {name}").trim_end().to_owned(),
        Lang::Zh => format!("{role}：{name}"),
    }
}

/// The PDF's note on characters no font had: how many, their code points
/// ("U+20000, U+2A6A5"), and the mark printed instead.
pub fn pdf_missing_glyphs(count: usize, codes: &str, mark: char, lang: Lang) -> String {
    match lang {
        Lang::En => match count {
            1 => format!(
                "1 character in the text has no font on this computer ({codes}) and is printed as {mark}. Install a font that has it (for rare Chinese characters, one covering CJK Extension B) and make the report again."
            ),
            _ => format!(
                "{count} characters in the text have no font on this computer ({codes}) and are printed as {mark}. Install a font that has them (for rare Chinese characters, one covering CJK Extension B) and make the report again."
            ),
        },
        Lang::Zh => format!(
            "文中有{count}个字符在本机没有可用字体（{codes}），以“{mark}”代替显示。请安装包含这些字符的字体（生僻字需支持扩展B区的字体）后重新生成报告。"
        ),
    }
}

#[cfg(test)]
mod tests;
