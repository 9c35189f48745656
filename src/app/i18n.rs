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
    NoDialog => "No file dialog is available on this system. Start the program with --workspace DIR instead.", "本系统没有可用的文件对话框。请改用 --workspace DIR 启动程序。";
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
    // ---- department ---------------------------------------------------
    Radar => "Profile", "雷达图";
    ShowCurrent => "Current period", "本期";
    ShowPrevious => "Previous period", "上期";
    ShowTarget => "Target", "目标";
    DimensionTable => "Dimensions", "维度明细";
    IndicatorAnswers => "Indicator answers", "指标作答";
    RubricOfLevel => "What this level means", "该级别的含义";
    NoEvidence => "No evidence given.", "未提供佐证材料。";
    // ---- trends -------------------------------------------------------
    TrendOne => "One department", "单个部门";
    TrendSet => "Chosen departments", "选定部门";
    TrendAll => "All departments", "全部部门";
    MinMaxBand => "min–max band", "最小–最大范围";
    Projection => "Projected to reach target", "预计达标日期";
    AlreadyReached => "target reached", "已达标";
    NotOnTrack => "not on track", "按当前趋势无法达标";
    NoTrend => "A trend needs at least two periods.", "趋势至少需要两个评估期。";
    OverallMean => "Overall", "总体";
    // ---- compare ------------------------------------------------------
    CompareDepartments => "Two departments", "两个部门";
    ComparePeriods => "One department, two periods", "同一部门的两个评估期";
    Difference => "Difference", "差异";
    MostImproved => "Most improved", "进步最大";
    MostDeclined => "Most declined", "退步最大";
    Left => "A", "A";
    Right => "B", "B";
    // ---- framework ----------------------------------------------------
    Rubric => "Rubric", "评分细则";
    BothLanguages => "Show both languages", "同时显示中英文";
}

/// Formats a mean level for display (two decimals), or a dash.
pub fn level_text(value: Option<f64>) -> String {
    value.map_or_else(|| "–".to_owned(), |v| format!("{v:.2}"))
}

/// Formats a signed change, or a dash.
pub fn change_text(value: Option<f64>) -> String {
    value.map_or_else(|| "–".to_owned(), |v| format!("{v:+.2}"))
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
            assert!(key.get(Lang::Zh).chars().any(is_cjk), "{key:?} is not translated: {}", key.get(Lang::Zh));
        }
    }
}
