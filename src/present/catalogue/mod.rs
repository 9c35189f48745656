//! Every string the app shows, in English and Simplified Chinese, from one
//! catalogue. Names from the data (departments, dimensions, indicators)
//! come from the model's `Text` instead.
//!
//! Add a string with one line in the `catalogue!` below; the compiler then
//! insists on both languages, and a test checks neither is empty.

use crate::model::Lang;

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
            pub fn get(self, lang: Lang) -> &'static str {
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
    NoAssessment => "No assessment for this period.", "该评估期没有评估。";
    SelectDepartment => "Select a department on the left.", "请在左侧选择一个部门。";
    TableView => "Table", "表格";
    ChartView => "Chart", "图表";
    // ---- shared figures ----------------------------------------------
    OverallLevel => "Overall level", "总体水平";
    Stage => "Stage", "阶段";
    Coverage => "Coverage", "覆盖率";
    Mean => "Mean", "平均";
    Floor => "Floor", "最低";
    Target => "Target", "目标";
    TargetDate => "Target date", "目标日期";
    Gap => "Gap", "差距";
    Priority => "Priority", "优先级";
    Change => "Change", "变化";
    Level => "Level", "级别";
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
    Draft => "In draft", "草稿中";
    Submitted => "Submitted", "已提交";
    Imbalanced => "Imbalanced", "发展不均衡";
    // ---- overview -----------------------------------------------------
    Heatmap => "Departments × dimensions", "部门 × 维度";
    HeatmapHint => "Mean level per dimension. Click a cell to open that department on that dimension.", "各维度平均水平。点击单元格可查看该部门的该维度。";
    Ranking => "Ranking", "排名";
    StageDistribution => "Stage distribution", "阶段分布";
    TopPriorities => "Top priorities", "重点改进事项";
    ImbalanceFlags => "Imbalance flags", "不均衡提示";
    NoImbalance => "No dimension lags more than one level behind its department's stage.", "没有维度落后于所在部门阶段一级以上。";
    DimensionBelowStage => "more than one level below the department's stage", "比该部门所处阶段低一级以上";
    AsOf => "As of", "截至";
    DepartmentsAssessed => "Departments assessed", "已评估部门";
    DepartmentStage => "Department stage", "部门阶段";
    NoPriorities => "No indicator falls short of its target.", "没有指标低于目标。";
    NoRanking => "No department has a score yet.", "尚无部门得分。";
    Rank => "Rank", "名次";
    MeanFloor => "Mean (floor)", "平均（最低）";
    DepartmentCount => "departments", "个部门";
    ClickToOpen => "Click to open this department.", "点击查看该部门。";
    // ---- department ---------------------------------------------------
    Radar => "Profile", "雷达图";
    ShowCurrent => "Current period", "本期";
    ShowPrevious => "Previous period", "上期";
    ShowTarget => "Target", "目标";
    DimensionTable => "Dimensions", "维度明细";
    IndicatorAnswers => "Indicator answers", "指标作答";
    RubricOfLevel => "What this level means", "该级别的含义";
    NoEvidence => "No evidence given.", "未提供佐证材料。";
    Assessor => "Assessor", "评估人";
    Reviewer => "Reviewer", "审核人";
    AsOfLatest => "latest assessment on or before the chosen period", "所选评估期当日或之前的最新评估";
    ChangeSincePrevious => "Change since previous", "较上期变化";
    WeakestIndicator => "Weakest indicator", "最薄弱指标";
    MeanExplained => "weighted mean of the answered indicators; not applicable and unanswered ones are left out", "已作答指标的加权平均，不适用和未作答的指标不计入";
    Answered => "answered", "已作答";
    ToReconfirm => "Carried over from the previous period; to be re-confirmed.", "沿用上期佐证材料，尚待重新确认。";
    AllLevels => "All five levels", "全部五个级别";
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
    TrendsChart => "Level over time", "水平随时间变化";
    TrendScope => "Show", "显示范围";
    TrendSeries => "Series", "数据系列";
    TrendOutlook => "Outlook", "达标展望";
    TrendOnSchedule => "on schedule", "可按期达标";
    TrendLate => "later than the target date", "晚于目标日期";
    TrendReached => "The target is already reached.", "已达到目标。";
    TrendNotProgressing => "Not on track: the level is not rising.", "未按计划推进：水平没有提升。";
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
    NoneImproved => "No indicator improved.", "没有指标的级别提高。";
    NoneDeclined => "No indicator declined.", "没有指标的级别下降。";
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
    KeyboardHelp => "Keys: 1–5 level · N not applicable · ↑/↓ indicator · Ctrl+S save · Ctrl+Z undo · Ctrl+Shift+Z redo", "快捷键：1–5 级别 · N 不适用 · ↑/↓ 切换指标 · Ctrl+S 保存 · Ctrl+Z 撤销 · Ctrl+Shift+Z 重做";
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
    Kind => "Kind", "类型";
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
    WholeGovernment => "Whole government", "全市（全部门）";
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
    BasisLatestText => "Figures count each department's latest assessment; unapproved ones are marked provisional.", "数据口径：按各部门最近一次评估计算，未批准的标为暂定。";
    UnreadableTitle => "Latest assessment could not be read", "最新评估无法读取";
    UnreadableHelp => "These departments' newest file could not be read, so an older result (or none) is shown for them. Fix the file (see Problems) or restore it from its backup.", "以下部门的最新评估文件无法读取，因此显示的是较早的结果（或无结果）。请修正该文件（见“问题”），或从备份恢复。";
    RestoreBackup => "Restore from backup", "从备份恢复";
    NoBackup => "no backup", "无备份";
    AssessedOn => "Assessed on", "评估日期";
    Basis => "Basis", "口径";
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
    AuditLevel => "level", "级别";
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
    OnTargetYes => "yes: every dimension with a target has reached it", "是：所有设定了目标的维度均已达标";
    OnTargetNo => "no", "否";
    DimensionsBelowTarget => "dimensions below target", "个维度未达标";
    TargetBy => "by", "截止";
}

/// Formats a mean level for display (two decimals, half away from zero, as
/// every output rounds: `charts::round2`), or a dash.
pub fn level_text(value: Option<f64>) -> String {
    value.map_or_else(|| "–".to_owned(), |v| format!("{:.2}", crate::charts::round2(v)))
}

/// Formats a signed change, or a dash.
pub fn change_text(value: Option<f64>) -> String {
    // `+ 0.0` turns a rounded −0.00 into +0.00.
    value.map_or_else(
        || "–".to_owned(),
        |v| format!("{:+.2}", crate::charts::round2(v) + 0.0),
    )
}

/// A date in running text: ISO in English, 2025年12月31日 in Chinese.
pub fn date_text(date: chrono::NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::En => date.to_string(),
        Lang::Zh => date.format("%Y年%-m月%-d日").to_string(),
    }
}

/// A name with a tag after it: "Health Commission (provisional)" /
/// "市卫生健康委员会（暂定）".
pub fn tagged_text(name: &str, tag: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{name} ({tag})"),
        Lang::Zh => format!("{name}（{tag}）"),
    }
}

/// "carried over from 2025-06-30" / "沿用2025年6月30日的评估".
pub fn carried_over_text(date: chrono::NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::En => format!("carried over from {}", date_text(date, lang)),
        Lang::Zh => format!("沿用{}的评估", date_text(date, lang)),
    }
}

/// "latest assessment could not be read: police/2025-12-31.ron".
pub fn unreadable_text(file: &std::path::Path, lang: Lang) -> String {
    match lang {
        Lang::En => format!("latest assessment could not be read: {}", file.display()),
        Lang::Zh => format!("最新评估无法读取：{}", file.display()),
    }
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

/// Said when "Restore from backup" failed (starts with ⚠).
pub fn restore_failed_text(file: &std::path::Path, error: &std::io::Error, lang: Lang) -> String {
    match lang {
        Lang::En => format!(
            "⚠ Could not restore {}: {error}. Nothing was changed; fix the file by hand or check that the folder is writable.",
            file.display()
        ),
        Lang::Zh => format!(
            "⚠ 无法恢复 {}：{error}。未作任何更改；请手动修正该文件，或检查文件夹是否可写。",
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_exists_in_both_languages() {
        for key in T::ALL {
            for lang in Lang::ALL {
                assert!(!key.get(lang).trim().is_empty(), "{key:?} has no {lang:?} text");
            }
        }
    }

    #[test]
    fn chinese_strings_are_chinese() {
        let is_cjk = |c: char| ('\u{4e00}'..='\u{9fff}').contains(&c);
        // Keys whose text is the same in both languages on purpose.
        let universal = [T::Left, T::Right];
        for key in T::ALL.iter().filter(|k| !universal.contains(k)) {
            assert!(
                key.get(Lang::Zh).chars().any(is_cjk),
                "{key:?} is not translated: {}",
                key.get(Lang::Zh)
            );
        }
    }
}
