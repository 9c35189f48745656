//! Scoring, the one definition used by the GUI, the CLI and the reports.
//!
//! Pure functions from [`crate::model`] to figures: indicator, dimension and
//! overall scores ([`score_assessment`]), where every department stands as
//! of a date ([`summarize`]), gaps and priorities ([`priorities`]), progress
//! over time ([`trend`]), what an assessment still lacks ([`findings`]), and
//! how far several assessors agree ([`agreement`]), the improvement plans against the figures ([`rollup`], [`target_progress`],
//! [`plan_check`], [`effect`]).
//! No I/O and no egui. The rules are DESIGN.md's "Scoring" section:
//!
//! - indicator score = (level − 1) × 25; N/A and unanswered are left out of
//!   every average, never counted as zero;
//! - dimension score = weighted mean of its answered indicators, overall =
//!   weighted mean of the dimension scores; stage = floor of the mean level;
//! - a dimension more than one level below the stage is imbalanced;
//! - gap = target − current (positive only), priority = ((1 + gap)² − 1) × weight.

mod agreement;
mod findings;
mod plan;
mod priority;
mod score;
mod summary;
mod target;
mod trend;

#[cfg(test)]
pub(crate) mod fixture;

pub use agreement::{
    Agreement, AgreementRollup, Disagreement, MARKED_SPREAD, Proposal, agreement, agreement_rollup, proposal,
};
pub use findings::{Finding, FindingKind, Severity, blocks_submission, findings};
pub use plan::{
    AT_RISK_MONTHS, Effect, Gap, IndicatorEffect, PlanCheck, RollupRow, TargetProgress, TargetState, effect,
    plan_check, plan_check_with, rollup, rollup_indicator_head, rollup_with, target_progress,
    target_progress_of, uncovered_count,
};
pub use priority::{
    Priority, dimension_priorities, gap, movers, priorities, priority, replace_department_priorities,
};
pub use score::{
    AssessmentScore, DimensionScore, IndicatorScore, is_imbalanced, score_assessment, weighted_mean,
};
pub use summary::{Basis, DepartmentSummary, Flag, Summary, resummarize_department, summarize, summarize_on};
pub use target::{OverallTarget, on_target, overall_target, workspace_target};
pub use trend::{
    GroupPoint, HORIZON_YEARS, Projection, Schedule, Trend, group_points, group_trend, group_trend_on,
    project, trend, trend_on,
};
