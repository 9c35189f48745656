//! A maturity framework: dimensions → indicators → five level descriptors.

use serde::{Deserialize, Serialize};

use super::{Level, Text};

/// The id of the framework compiled into the binary.
pub const FRAMEWORK_ID_BUILTIN: &str = "digital-government";

/// A framework. Ids are stable: assessment files refer to indicators by id.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Framework {
    /// File format version (see [`crate::model::FORMAT_VERSION`]).
    pub version: u32,
    /// Slug naming the framework, e.g. `digital-government`.
    pub id: String,
    /// The framework's own edition; assessments record which one they used.
    pub framework_version: u32,
    pub name: Text,
    #[serde(default)]
    pub description: Text,
    /// The five levels, 1 → 5.
    pub levels: Vec<LevelDef>,
    pub dimensions: Vec<Dimension>,
}

/// The name and one-line meaning of a maturity level.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LevelDef {
    pub name: Text,
    pub summary: Text,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dimension {
    pub id: String,
    pub name: Text,
    #[serde(default)]
    pub description: Text,
    #[serde(default = "one")]
    pub weight: f64,
    pub indicators: Vec<Indicator>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    /// `dimension.name`, e.g. `sharing.open`.
    pub id: String,
    pub name: Text,
    #[serde(default = "one")]
    pub weight: f64,
    /// What each level looks like, level 1 → 5 (exactly five).
    pub levels: Vec<Text>,
}

fn one() -> f64 {
    1.0
}

impl Framework {
    pub fn level(&self, level: Level) -> Option<&LevelDef> {
        self.levels.get(level.index())
    }

    /// The level's name in `lang`, or its number when the framework lacks it.
    pub fn level_name(&self, level: Level, lang: super::Lang) -> String {
        self.level(level)
            .map(|def| def.name.get(lang).to_owned())
            .unwrap_or_else(|| level.to_string())
    }

    pub fn dimension(&self, id: &str) -> Option<&Dimension> {
        self.dimensions.iter().find(|d| d.id == id)
    }

    /// Finds an indicator and the dimension it belongs to.
    pub fn indicator(&self, id: &str) -> Option<(&Dimension, &Indicator)> {
        self.dimensions
            .iter()
            .find_map(|d| d.indicators.iter().find(|i| i.id == id).map(|i| (d, i)))
    }

    /// Every indicator, in framework order, with its dimension.
    pub fn indicators(&self) -> impl Iterator<Item = (&Dimension, &Indicator)> {
        self.dimensions
            .iter()
            .flat_map(|d| d.indicators.iter().map(move |i| (d, i)))
    }

    pub fn indicator_count(&self) -> usize {
        self.dimensions.iter().map(|d| d.indicators.len()).sum()
    }

    /// Checks the framework's own invariants. The store turns each issue into
    /// a problem; the words come from `present::catalogue::problems`.
    pub fn check(&self) -> Vec<FrameworkIssue> {
        use super::IdSubject;
        let mut problems = Vec::new();
        if let Err(error) = super::is_slug_id(&self.id) {
            problems.push(FrameworkIssue::BadId {
                subject: IdSubject::Framework,
                error,
            });
        }
        if self.levels.len() != 5 {
            problems.push(FrameworkIssue::LevelCount {
                count: self.levels.len(),
            });
        }
        if self.dimensions.is_empty() {
            problems.push(FrameworkIssue::NoDimensions);
        }
        let mut seen = std::collections::BTreeSet::new();
        for dimension in &self.dimensions {
            if let Err(error) = super::is_slug_id(&dimension.id) {
                problems.push(FrameworkIssue::BadId {
                    subject: IdSubject::Dimension,
                    error,
                });
            }
            if !seen.insert(dimension.id.as_str()) {
                problems.push(FrameworkIssue::DuplicateId {
                    subject: IdSubject::Dimension,
                    id: dimension.id.clone(),
                });
            }
            if !(dimension.weight.is_finite() && dimension.weight > 0.0) {
                problems.push(FrameworkIssue::WeightNotPositive {
                    subject: IdSubject::Dimension,
                    id: dimension.id.clone(),
                    weight: dimension.weight,
                });
            }
            if dimension.indicators.is_empty() {
                problems.push(FrameworkIssue::NoIndicators {
                    dimension: dimension.id.clone(),
                });
            }
            for indicator in &dimension.indicators {
                if let Err(error) = super::is_indicator_id(&indicator.id) {
                    problems.push(FrameworkIssue::BadId {
                        subject: IdSubject::Indicator,
                        error,
                    });
                } else if !indicator.id.starts_with(&format!("{}.", dimension.id)) {
                    problems.push(FrameworkIssue::OutsideDimension {
                        indicator: indicator.id.clone(),
                        dimension: dimension.id.clone(),
                    });
                }
                if !seen.insert(indicator.id.as_str()) {
                    problems.push(FrameworkIssue::DuplicateId {
                        subject: IdSubject::Indicator,
                        id: indicator.id.clone(),
                    });
                }
                if indicator.levels.len() != 5 {
                    problems.push(FrameworkIssue::DescriptorCount {
                        indicator: indicator.id.clone(),
                        count: indicator.levels.len(),
                    });
                }
                if !(indicator.weight.is_finite() && indicator.weight > 0.0) {
                    problems.push(FrameworkIssue::WeightNotPositive {
                        subject: IdSubject::Indicator,
                        id: indicator.id.clone(),
                        weight: indicator.weight,
                    });
                }
            }
        }
        problems
    }
}

/// Something wrong with a framework's own invariants (see [`Framework::check`]).
#[derive(Clone, Debug, PartialEq)]
pub enum FrameworkIssue {
    /// The framework's, a dimension's or an indicator's id is not allowed.
    BadId {
        subject: super::IdSubject,
        error: super::IdError,
    },
    /// Not exactly 5 maturity levels.
    LevelCount {
        count: usize,
    },
    NoDimensions,
    /// A dimension or indicator id appears a second time.
    DuplicateId {
        subject: super::IdSubject,
        id: String,
    },
    /// A weight that is not a positive number.
    WeightNotPositive {
        subject: super::IdSubject,
        id: String,
        weight: f64,
    },
    NoIndicators {
        dimension: String,
    },
    /// An indicator whose id does not start with its dimension's id.
    OutsideDimension {
        indicator: String,
        dimension: String,
    },
    /// An indicator without exactly 5 level descriptors.
    DescriptorCount {
        indicator: String,
        count: usize,
    },
}
