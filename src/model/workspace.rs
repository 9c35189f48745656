//! The workspace settings held in `workspace.ron`: title, framework,
//! departments and targets.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{Level, Text};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Workspace {
    /// File format version (see [`crate::model::FORMAT_VERSION`]).
    pub version: u32,
    pub title: Text,
    /// Which framework the assessments use.
    #[serde(default)]
    pub framework: FrameworkSource,
    #[serde(default)]
    pub departments: Vec<Department>,
    #[serde(default)]
    pub targets: Vec<Target>,
    /// Weight overrides by dimension or indicator id (sorted, so files diff well).
    #[serde(default)]
    pub weights: BTreeMap<String, f64>,
    /// Let the assessor (or whoever edited the answers) approve an
    /// assessment too: for a one-person office. Off by default, and then
    /// not written to the file.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub allow_self_approval: bool,
    /// What an official-style report prints in its header and sign-off
    /// block. Empty by default, and then not written to the file.
    #[serde(default, skip_serializing_if = "ReportSettings::is_empty")]
    pub report: ReportSettings,
}

/// The issuing office's details for official-style reports (GB/T 9704-2012:
/// the red header, the document number and the sign-off chain). Every field
/// may be left empty; an empty sign-off name is filled from the
/// assessments' workflow records where they exist, else left as a line to
/// sign by hand.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportSettings {
    /// The issuing office, printed in red above the title ("××市数字政府建设领导小组办公室").
    #[serde(
        default,
        skip_serializing_if = "Text::is_unset",
        with = "super::text::free_text"
    )]
    pub issuing_office: Text,
    /// The document number (发文字号), e.g. "××数政办〔2026〕12号".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub document_number: String,
    /// Who prepared the report (编制).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub prepared_by: String,
    /// Who reviewed it (审核).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub reviewed_by: String,
    /// Who approved its release (签发).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub approved_by: String,
}

impl ReportSettings {
    pub fn is_empty(&self) -> bool {
        *self == ReportSettings::default()
    }
}

/// Where the framework comes from.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum FrameworkSource {
    /// The framework compiled into the program (`digital-government`).
    #[default]
    Builtin,
    /// `framework.ron` at the root of the workspace folder.
    Custom,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Department {
    /// A slug; also the name of the department's folder.
    pub id: String,
    pub name: Text,
    #[serde(default)]
    pub kind: DepartmentKind,
    /// The id of the parent department, for a hierarchy.
    #[serde(default)]
    pub parent: Option<String>,
    /// Archived departments keep their files but leave the dashboard.
    #[serde(default)]
    pub archived: bool,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum DepartmentKind {
    Bureau,
    Commission,
    Office,
    Centre,
    District,
    #[default]
    Other,
}

impl DepartmentKind {
    pub const ALL: [DepartmentKind; 6] = [
        DepartmentKind::Bureau,
        DepartmentKind::Commission,
        DepartmentKind::Office,
        DepartmentKind::Centre,
        DepartmentKind::District,
        DepartmentKind::Other,
    ];
}

/// A target level for a dimension (or one indicator), for every department
/// (`department: None`) or one, to be reached by a date.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Target {
    #[serde(default)]
    pub department: Option<String>,
    pub dimension: String,
    #[serde(default)]
    pub indicator: Option<String>,
    pub level: Level,
    pub by: NaiveDate,
}

impl Workspace {
    pub fn new(title: Text) -> Self {
        Workspace {
            version: super::FORMAT_VERSION,
            title,
            framework: FrameworkSource::Builtin,
            departments: Vec::new(),
            targets: Vec::new(),
            weights: BTreeMap::new(),
            allow_self_approval: false,
            report: ReportSettings::default(),
        }
    }

    pub fn department(&self, id: &str) -> Option<&Department> {
        self.departments.iter().find(|d| d.id == id)
    }

    /// Departments that are not archived, in file order.
    pub fn active_departments(&self) -> impl Iterator<Item = &Department> {
        self.departments.iter().filter(|d| !d.archived)
    }

    /// The most specific target for a department and dimension or indicator:
    /// indicator beats dimension, a department's own beats workspace-wide.
    pub fn target_for(&self, department: &str, dimension: &str, indicator: Option<&str>) -> Option<&Target> {
        let rank = |t: &Target| -> Option<u8> {
            if t.dimension != dimension {
                return None;
            }
            let department_rank = match t.department.as_deref() {
                None => 0,
                Some(d) if d == department => 1,
                Some(_) => return None,
            };
            let indicator_rank = match (t.indicator.as_deref(), indicator) {
                (None, _) => 0,
                (Some(a), Some(b)) if a == b => 2,
                (Some(_), _) => return None,
            };
            Some(indicator_rank + department_rank)
        };
        self.targets
            .iter()
            .filter_map(|t| rank(t).map(|r| (r, t)))
            .max_by_key(|(r, _)| *r)
            .map(|(_, t)| t)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn target(department: Option<&str>, indicator: Option<&str>, level: u8) -> Target {
        Target {
            department: department.map(str::to_owned),
            dimension: "sharing".to_owned(),
            indicator: indicator.map(str::to_owned),
            level: Level::new(level).unwrap(),
            by: NaiveDate::from_ymd_opt(2026, 12, 31).unwrap(),
        }
    }

    #[test]
    fn most_specific_target_wins() {
        let mut ws = Workspace::new(Text::new("t", "t"));
        ws.targets = vec![
            target(None, None, 3),
            target(Some("health"), None, 4),
            target(None, Some("sharing.open"), 5),
        ];
        assert_eq!(ws.target_for("police", "sharing", None).unwrap().level.get(), 3);
        assert_eq!(ws.target_for("health", "sharing", None).unwrap().level.get(), 4);
        assert_eq!(
            ws.target_for("health", "sharing", Some("sharing.open"))
                .unwrap()
                .level
                .get(),
            5
        );
        assert_eq!(
            ws.target_for("health", "sharing", Some("sharing.exchange"))
                .unwrap()
                .level
                .get(),
            4
        );
        assert!(ws.target_for("health", "security", None).is_none());
    }
}
