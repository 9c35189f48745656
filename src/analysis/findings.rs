//! What is still missing or doubtful in an assessment: the list a planner
//! works through before submitting, and the reviewer checks before approving.

use crate::model::{Answer, Assessment, Dataset, Rating};

/// How serious a finding is. Errors block submission.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Warning,
    Error,
}

/// What is wrong with one indicator's answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FindingKind {
    /// An applicable indicator has no answer yet.
    Unanswered,
    /// Marked not applicable without saying why.
    MissingReason,
    /// Level 3 or higher with neither evidence text nor a link.
    MissingEvidence,
    /// Evidence carried over from an earlier period, not yet re-confirmed.
    Reconfirm,
}

impl FindingKind {
    /// Unanswered and N/A without a reason block submission; the rest warn.
    pub fn severity(self) -> Severity {
        match self {
            FindingKind::Unanswered | FindingKind::MissingReason => Severity::Error,
            FindingKind::MissingEvidence | FindingKind::Reconfirm => Severity::Warning,
        }
    }
}

/// One finding about one indicator.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub indicator: String,
    pub kind: FindingKind,
    pub severity: Severity,
}

impl Finding {
    fn new(indicator: &str, kind: FindingKind) -> Self {
        Finding {
            indicator: indicator.to_owned(),
            kind,
            severity: kind.severity(),
        }
    }
}

/// Every finding for an assessment, in framework order (per indicator:
/// the answer first, then evidence, then re-confirmation). Answers to
/// indicators the framework does not define are not checked here.
pub fn findings(data: &Dataset, assessment: &Assessment) -> Vec<Finding> {
    data.framework
        .indicators()
        .flat_map(|(_, indicator)| {
            let answer = assessment.answers.get(&indicator.id);
            answer_findings(answer)
                .into_iter()
                .flatten()
                .map(|kind| Finding::new(&indicator.id, kind))
        })
        .collect()
}

/// The findings for one answer (`None` = no answer at all): at most one
/// about the rating, one about evidence.
fn answer_findings(answer: Option<&Answer>) -> [Option<FindingKind>; 2] {
    let Some(answer) = answer else {
        return [Some(FindingKind::Unanswered), None];
    };
    let rating = match &answer.rating {
        Rating::Unanswered => Some(FindingKind::Unanswered),
        Rating::NotApplicable { reason } if reason.trim().is_empty() => Some(FindingKind::MissingReason),
        Rating::Level(level) if level.get() >= 3 && !has_evidence(answer) => {
            Some(FindingKind::MissingEvidence)
        }
        _ => None,
    };
    [rating, answer.reconfirm.then_some(FindingKind::Reconfirm)]
}

/// Evidence is either some text or at least one link.
fn has_evidence(answer: &Answer) -> bool {
    !answer.evidence.trim().is_empty() || answer.links.iter().any(|l| !l.trim().is_empty())
}

/// Whether any finding keeps the assessment from being submitted.
pub fn blocks_submission(findings: &[Finding]) -> bool {
    findings.iter().any(|f| f.severity == Severity::Error)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::fixture::{self, date, lv};

    fn kinds(list: &[Finding]) -> Vec<(&str, FindingKind, Severity)> {
        list.iter()
            .map(|f| (f.indicator.as_str(), f.kind, f.severity))
            .collect()
    }

    #[test]
    fn every_kind_of_finding() {
        let data = fixture::dataset();
        let mut a = Assessment::new("health", date(2025, 6, 30), &data.framework);
        // data.sharing: no answer at all.
        fixture::answer(&mut a, "data.open", Rating::Level(lv(4)));
        fixture::answer(
            &mut a,
            "security.policy",
            Rating::NotApplicable { reason: "  ".into() },
        );
        fixture::answer(&mut a, "security.audit", Rating::Level(lv(3)));
        if let Some(audit) = a.answers.get_mut("security.audit") {
            audit.evidence = "audit report 2025".into();
            audit.reconfirm = true;
        }
        fixture::answer(&mut a, "talent.skills", Rating::Level(lv(5)));
        if let Some(skills) = a.answers.get_mut("talent.skills") {
            skills.links = vec!["https://example.gov/skills-plan".into()];
        }
        let list = findings(&data, &a);
        assert_eq!(
            kinds(&list),
            [
                ("data.sharing", FindingKind::Unanswered, Severity::Error),
                ("data.open", FindingKind::MissingEvidence, Severity::Warning),
                ("security.policy", FindingKind::MissingReason, Severity::Error),
                ("security.audit", FindingKind::Reconfirm, Severity::Warning),
            ]
        );
        assert!(blocks_submission(&list));
    }

    #[test]
    fn low_levels_need_no_evidence_and_reasons_satisfy() {
        let data = fixture::dataset();
        let mut a = Assessment::new("health", date(2025, 6, 30), &data.framework);
        for (_, indicator) in data.framework.indicators() {
            fixture::answer(&mut a, &indicator.id, Rating::Level(lv(2)));
        }
        fixture::answer(
            &mut a,
            "security.audit",
            Rating::NotApplicable {
                reason: "no systems".into(),
            },
        );
        let list = findings(&data, &a);
        assert!(list.is_empty(), "{list:?}");
        assert!(!blocks_submission(&list));
    }

    #[test]
    fn explicit_unanswered_and_reconfirm_together() {
        let data = fixture::dataset();
        let mut a = Assessment::new("health", date(2025, 6, 30), &data.framework);
        for (_, indicator) in data.framework.indicators() {
            fixture::answer(&mut a, &indicator.id, Rating::Level(lv(1)));
        }
        fixture::answer(&mut a, "talent.skills", Rating::Unanswered);
        if let Some(skills) = a.answers.get_mut("talent.skills") {
            skills.reconfirm = true;
        }
        assert_eq!(
            kinds(&findings(&data, &a)),
            [
                ("talent.skills", FindingKind::Unanswered, Severity::Error),
                ("talent.skills", FindingKind::Reconfirm, Severity::Warning),
            ]
        );
    }

    #[test]
    fn warnings_alone_do_not_block() {
        let list = [Finding::new("data.open", FindingKind::MissingEvidence)];
        assert!(!blocks_submission(&list));
        assert!(Severity::Error > Severity::Warning);
    }
}
