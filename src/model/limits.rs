//! How long each text may be, in characters (not bytes): the texts of an
//! assessment, of the workspace and of an improvement plan.
//!
//! Generous for what people write (the longest evidence in the pilot
//! departments was under 2,000 characters), small enough that no single
//! answer can make a report of hundreds of pages or a PDF that takes a
//! minute. The app's fields stop accepting text at the limit; `validate`
//! and loading reject a file that goes over it (see `store::check`), so
//! the limits hold for files edited by hand too.

/// What a limit applies to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TextField {
    Evidence,
    /// The assessor's comment on an answer.
    Comment,
    /// Why an indicator is not applicable.
    Reason,
    /// One link.
    Link,
    /// How many links one answer has (counted, not measured).
    Links,
    Assessor,
    Reviewer,
    /// The reviewer's comment when returning or approving.
    ReviewComment,
    /// The workspace's title (each language).
    WorkspaceTitle,
    /// A department's name (each language).
    DepartmentName,
    /// A report setting: issuing office, document number, who prepared,
    /// reviewed and approved.
    ReportSetting,
    /// An action's title (each language).
    ActionTitle,
    /// An action's description (each language).
    ActionDescription,
    /// A progress note on an action (each language).
    ActionNote,
    /// An action's owner: the unit (each language) or the person.
    ActionOwner,
    /// One link of an action.
    ActionLink,
    /// How many links an action has (counted, not measured).
    ActionLinks,
    /// Why an agreed level departs from every assessor's.
    ConsensusNote,
    /// Where an assessor's response came from (e.g. a file name).
    Source,
}

impl TextField {
    /// The most characters (for [`TextField::Links`], links) allowed.
    pub const fn limit(self) -> usize {
        match self {
            TextField::Evidence => 20_000,
            TextField::Comment | TextField::ReviewComment | TextField::ConsensusNote => 5_000,
            TextField::Reason | TextField::Link | TextField::ActionLink | TextField::Source => 2_000,
            TextField::Links | TextField::ActionLinks => 50,
            TextField::Assessor | TextField::Reviewer => 200,
            TextField::WorkspaceTitle
            | TextField::DepartmentName
            | TextField::ReportSetting
            | TextField::ActionOwner => 200,
            TextField::ActionTitle => 500,
            TextField::ActionDescription | TextField::ActionNote => 5_000,
        }
    }

    /// Which file the text is in: what a text over its limit stops.
    pub const fn scope(self) -> TextScope {
        match self {
            TextField::WorkspaceTitle | TextField::DepartmentName | TextField::ReportSetting => {
                TextScope::Workspace
            }
            TextField::ActionTitle
            | TextField::ActionDescription
            | TextField::ActionNote
            | TextField::ActionOwner
            | TextField::ActionLink
            | TextField::ActionLinks => TextScope::Plan,
            _ => TextScope::Assessment,
        }
    }
}

/// Where a text lives, for what its limit stops: an assessment over a limit
/// is not loaded, an action is left out of its plan (which is then read
/// only), the workspace is loaded and the problem is an error to mend.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextScope {
    Assessment,
    Workspace,
    Plan,
}

/// How many characters `text` has, when that is more than `limit`. Text of
/// at most `limit` bytes is not counted (a character is at least a byte).
pub fn over_limit(text: &str, limit: usize) -> Option<usize> {
    if text.len() <= limit {
        return None;
    }
    let chars = text.chars().count();
    (chars > limit).then_some(chars)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn characters_are_counted_not_bytes() {
        // 20,000 Chinese characters are 60,000 bytes, and allowed.
        let chinese = "\u{8bc1}".repeat(TextField::Evidence.limit());
        assert_eq!(over_limit(&chinese, TextField::Evidence.limit()), None);
        let longer = format!("{chinese}\u{8bc1}");
        assert_eq!(over_limit(&longer, TextField::Evidence.limit()), Some(20_001));
        assert_eq!(over_limit("", 0), None);
        assert_eq!(over_limit("ab", 1), Some(2));
    }
}
