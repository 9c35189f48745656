//! The report's headings and labels, by where they go: one struct of
//! `&'static str` fields, one constant per language, every field taken from
//! the one catalogue ([`T`]), so a report calls a thing what the app and
//! the command line call it. Every renderer (HTML, PDF) takes its words from
//! here.

use crate::model::Lang;
use crate::present::catalogue::T;

/// Every fixed piece of text a report shows. Field names say where it goes.
#[derive(Debug, PartialEq, Eq)]
pub struct Labels {
    /// The cover title of the whole-government report.
    pub report_title: &'static str,
    /// The cover title of a one-department report.
    pub department_report_title: &'static str,
    pub period: &'static str,
    pub generated: &'static str,
    pub overall_stage: &'static str,
    /// A dimension's figure: the weighted mean of its indicators.
    pub mean_level: &'static str,
    /// A department's (or the government's) one figure: the weighted mean
    /// of its dimensions, named the same in every output.
    pub overall_level: &'static str,
    pub contents: &'static str,
    pub executive_summary: &'static str,
    pub key_figures: &'static str,
    pub heatmap: &'static str,
    /// Says how to read the heatmap (numbers on cells, dark = lagging).
    pub heatmap_note: &'static str,
    pub ranking: &'static str,
    pub priorities: &'static str,
    /// Says what the priorities table holds.
    pub priorities_note: &'static str,
    pub progress: &'static str,
    pub history: &'static str,
    pub stage_distribution: &'static str,
    pub dimension_overview: &'static str,
    pub departments: &'static str,
    pub department: &'static str,
    pub dimension: &'static str,
    pub dimensions: &'static str,
    pub indicator: &'static str,
    pub level: &'static str,
    pub stage: &'static str,
    pub floor: &'static str,
    pub target: &'static str,
    pub gap: &'static str,
    pub priority: &'static str,
    pub change: &'static str,
    pub status: &'static str,
    pub rank: &'static str,
    pub previous: &'static str,
    pub current: &'static str,
    pub evidence: &'static str,
    pub links: &'static str,
    pub confidence: &'static str,
    pub comment: &'static str,
    pub rubric_descriptor: &'static str,
    pub next_step: &'static str,
    pub not_applicable: &'static str,
    pub unanswered: &'static str,
    pub no_data: &'static str,
    pub no_assessment: &'static str,
    pub reconfirm: &'static str,
    pub imbalanced: &'static str,
    pub assessor: &'static str,
    pub reviewer: &'static str,
    pub review_comment: &'static str,
    pub answered: &'static str,
    pub applicable: &'static str,
    pub coverage: &'static str,
    pub assessed: &'static str,
    pub approved: &'static str,
    pub submitted: &'static str,
    pub draft: &'static str,
    pub radar: &'static str,
    pub radar_note: &'static str,
    pub dimension_table: &'static str,
    pub answers: &'static str,
    pub appendix: &'static str,
    pub methodology: &'static str,
    pub rubric: &'static str,
    pub data_problems: &'static str,
    pub no_problems: &'static str,
    pub file: &'static str,
    pub severity: &'static str,
    pub message: &'static str,
    pub error: &'static str,
    pub warning: &'static str,
    pub approval: &'static str,
    pub approval_note: &'static str,
    pub date: &'static str,
    pub signature: &'static str,
    pub approved_on: &'static str,
    pub weight: &'static str,
    pub none: &'static str,
    pub reason: &'static str,
    pub page: &'static str,
    pub workspace: &'static str,
    pub scope: &'static str,
    pub whole_government: &'static str,
    /// "Level 3" → `level_prefix` + number, e.g. "Level " / "等级 ".
    pub level_prefix: &'static str,
    pub legend: &'static str,
    pub periods: &'static str,
    pub no_priorities: &'static str,
    pub no_progress: &'static str,
    /// "Basis": what the figures count (the cover's heading for it).
    pub basis: &'static str,
    /// The date of the assessment a figure uses.
    pub assessed_on: &'static str,
    /// The column or line of a figure's flags in words.
    pub notes: &'static str,
    /// The weighted mean of the dimension targets.
    pub overall_target: &'static str,
    pub on_target: &'static str,
    /// Says how charts mark a provisional figure.
    pub provisional_legend: &'static str,
    /// Methodology: one paragraph per figure, in the order the report shows them.
    pub methodology_paragraphs: &'static [&'static str],
}

impl Labels {
    /// The catalogue for `lang`.
    pub fn for_lang(lang: Lang) -> &'static Labels {
        match lang {
            Lang::En => &EN,
            Lang::Zh => &ZH,
        }
    }

    /// Every label in `lang`, from the catalogue.
    const fn build(lang: Lang) -> Labels {
        Labels {
            report_title: T::ReportTitle.get(lang),
            department_report_title: T::DepartmentReportTitle.get(lang),
            period: T::Period.get(lang),
            generated: T::Generated.get(lang),
            overall_stage: T::OverallStage.get(lang),
            mean_level: T::MeanLevel.get(lang),
            overall_level: T::OverallLevel.get(lang),
            contents: T::Contents.get(lang),
            executive_summary: T::ExecutiveSummary.get(lang),
            key_figures: T::KeyFigures.get(lang),
            heatmap: T::ReportHeatmap.get(lang),
            heatmap_note: T::ReportHeatmapNote.get(lang),
            ranking: T::Ranking.get(lang),
            priorities: T::ReportPriorities.get(lang),
            priorities_note: T::ReportPrioritiesNote.get(lang),
            progress: T::ReportProgress.get(lang),
            history: T::ReportHistory.get(lang),
            stage_distribution: T::ReportStageDistribution.get(lang),
            dimension_overview: T::ReportDimensionOverview.get(lang),
            departments: T::Departments.get(lang),
            department: T::Department.get(lang),
            dimension: T::Dimension.get(lang),
            dimensions: T::Dimensions.get(lang),
            indicator: T::Indicator.get(lang),
            level: T::Level.get(lang),
            stage: T::Stage.get(lang),
            floor: T::Floor.get(lang),
            target: T::Target.get(lang),
            gap: T::Gap.get(lang),
            priority: T::Priority.get(lang),
            change: T::Change.get(lang),
            status: T::Status.get(lang),
            rank: T::Rank.get(lang),
            previous: T::Previous.get(lang),
            current: T::Current.get(lang),
            evidence: T::Evidence.get(lang),
            links: T::Links.get(lang),
            confidence: T::Confidence.get(lang),
            comment: T::Comment.get(lang),
            rubric_descriptor: T::RubricOfLevel.get(lang),
            next_step: T::NextStep.get(lang),
            not_applicable: T::NotApplicable.get(lang),
            unanswered: T::Unanswered.get(lang),
            no_data: T::NoData.get(lang),
            no_assessment: T::ReportNoAssessment.get(lang),
            reconfirm: T::ReconfirmTag.get(lang),
            imbalanced: T::Imbalanced.get(lang),
            assessor: T::Assessor.get(lang),
            reviewer: T::Reviewer.get(lang),
            review_comment: T::ReviewComment.get(lang),
            answered: T::AnsweredHeading.get(lang),
            applicable: T::Applicable.get(lang),
            coverage: T::Coverage.get(lang),
            assessed: T::DepartmentsAssessed.get(lang),
            approved: T::Approved.get(lang),
            submitted: T::Submitted.get(lang),
            draft: T::DraftOrReturned.get(lang),
            radar: T::ReportRadar.get(lang),
            radar_note: T::ReportRadarNote.get(lang),
            dimension_table: T::ReportDimensionTable.get(lang),
            answers: T::ReportAnswers.get(lang),
            appendix: T::Appendix.get(lang),
            methodology: T::Methodology.get(lang),
            rubric: T::ReportRubric.get(lang),
            data_problems: T::DataProblems.get(lang),
            no_problems: T::ReportNoProblems.get(lang),
            file: T::File.get(lang),
            severity: T::Severity.get(lang),
            message: T::Message.get(lang),
            error: T::Error.get(lang),
            warning: T::Warning.get(lang),
            approval: T::Approval.get(lang),
            approval_note: T::ApprovalNote.get(lang),
            date: T::Date.get(lang),
            signature: T::Signature.get(lang),
            approved_on: T::ApprovedOn.get(lang),
            weight: T::Weight.get(lang),
            none: T::NoneWord.get(lang),
            reason: T::Reason.get(lang),
            page: T::Page.get(lang),
            workspace: T::Workspace.get(lang),
            scope: T::Scope.get(lang),
            whole_government: T::WholeGovernment.get(lang),
            level_prefix: T::LevelPrefix.get(lang),
            legend: T::Legend.get(lang),
            periods: T::Periods.get(lang),
            no_priorities: T::ReportNoPriorities.get(lang),
            no_progress: T::ReportNoProgress.get(lang),
            basis: T::Basis.get(lang),
            assessed_on: T::AssessedOn.get(lang),
            notes: T::Notes.get(lang),
            overall_target: T::OverallTarget.get(lang),
            on_target: T::OnTarget.get(lang),
            provisional_legend: T::ProvisionalLegend.get(lang),
            methodology_paragraphs: match lang {
                Lang::En => &METHODOLOGY_EN,
                Lang::Zh => &METHODOLOGY_ZH,
            },
        }
    }
}

/// Methodology, one paragraph per figure, in the order the report shows them.
const fn methodology(lang: Lang) -> [&'static str; 9] {
    [
        T::MethodIndicatorScore.get(lang),
        T::MethodDimensionMean.get(lang),
        T::MethodOverall.get(lang),
        T::MethodImbalance.get(lang),
        T::MethodPriority.get(lang),
        T::MethodChange.get(lang),
        T::MethodCoverage.get(lang),
        T::MethodOverallTarget.get(lang),
        T::MethodBasis.get(lang),
    ]
}

const METHODOLOGY_EN: [&str; 9] = methodology(Lang::En);
const METHODOLOGY_ZH: [&str; 9] = methodology(Lang::Zh);

/// English.
pub static EN: Labels = Labels::build(Lang::En);

/// Simplified Chinese.
pub static ZH: Labels = Labels::build(Lang::Zh);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_come_from_the_catalogue_in_the_unified_terms() {
        assert_eq!(EN.methodology_paragraphs.len(), ZH.methodology_paragraphs.len());
        assert!(std::ptr::eq(Labels::for_lang(Lang::Zh), &ZH));
        assert_eq!(ZH.coverage, "覆盖率");
        assert_eq!(ZH.priority, "优先级");
        assert_eq!(ZH.floor, "最低等级");
        assert_eq!(ZH.imbalanced, "发展不均衡");
        assert_eq!(ZH.level, "等级");
        assert_eq!(EN.coverage, "Coverage");
        assert_eq!(EN.floor, "Floor");
    }
}
