//! Loading a workspace for a report: every file read and checked as
//! [`super::load`] does, but only the assessment a report prints in full
//! keeps its text.
//!
//! A report prints, per department, the answers of its current assessment
//! (the newest that counts, on or before the report's date) with their
//! evidence, links and comments, its assessor and reviewer, and its
//! approval date from the audit log. Of every other assessment it uses only
//! what is scored: status, period and ratings (trends, changes since the
//! previous one, the effect of done actions). Dropping the rest as each
//! department is read keeps a workspace of 10,000 departments × 12 periods
//! in memory at a fraction of its size on disk.

use std::path::Path;

use chrono::NaiveDate;

use super::error::StoreError;
use super::load::{LoadedWorkspace, load_slimmed};
use crate::model::{Assessment, Response};

/// Loads the workspace at `root` for a report as of `as_of` (the latest
/// period when `None`) counting the assessments for which `counts` is true.
/// Per department, its newest assessment on or before `as_of` that counts
/// keeps everything when `current_text` (a brief prints no answer's text:
/// then it keeps what scoring reads and its assessors' levels, for the
/// agreement figures); the others keep what scoring reads (see
/// [`drop_text`]), except one changed after approval, which keeps what
/// shows that (rare: an edit made outside the app). Problems and files are
/// those of [`super::load`].
pub fn load_for_report(
    root: &Path,
    as_of: Option<NaiveDate>,
    counts: &(dyn Fn(&Assessment) -> bool + Sync),
    current_text: bool,
) -> Result<LoadedWorkspace, StoreError> {
    load_slimmed(root, &|assessments: Vec<&mut Assessment>| {
        let current = assessments
            .iter()
            .rposition(|a| as_of.is_none_or(|date| a.period <= date) && counts(a));
        for (i, assessment) in assessments.into_iter().enumerate() {
            // One changed after approval keeps what shows it (its answers
            // and audit log): without them it would pass for approved.
            if assessment.changed_after_approval().is_some() {
                continue;
            }
            if Some(i) != current {
                drop_text(assessment);
            } else if !current_text {
                let mut responses = std::mem::take(&mut assessment.responses);
                drop_text(assessment);
                for response in &mut responses {
                    drop_response_text(response);
                }
                assessment.responses = responses;
            }
        }
    })
}

/// Empties what only an assessment's own page prints: the people, the
/// review comment, the audit log, the assessors' responses and consensus
/// notes (agreement is reported for the current assessment only), and each
/// answer's evidence, links, comment and reason for not applying. Ratings
/// (as applicable or not), confidence, status and dates stay, so it scores
/// as before.
pub fn drop_text(assessment: &mut Assessment) {
    assessment.assessor = String::new();
    assessment.reviewer = String::new();
    assessment.review_comment = String::new();
    assessment.audit = Vec::new();
    assessment.responses = Vec::new();
    assessment.consensus_notes = Default::default();
    // What is left of each answer takes no memory of its own.
    assessment.answers.drop_text();
}

/// Empties a response's source and its answers' text; the assessor, role,
/// date and ratings stay, which is what the agreement figures read.
fn drop_response_text(response: &mut Response) {
    response.source = String::new();
    response.answers.drop_text();
}
