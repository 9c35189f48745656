//! Migrations from older file formats to the current model.
//!
//! [`super::format`] calls these for a file whose `version` is below
//! [`crate::model::FORMAT_VERSION`]. Version 1 is the first format, so there is nothing to
//! migrate yet. When version 2 arrives: keep the version-1 types in a `v1`
//! module here, parse the old text into them with
//! [`super::format::from_ron`], convert to the current model (setting
//! `version` to [`crate::model::FORMAT_VERSION`]) and return it; saving then writes the new
//! format.

use std::path::Path;

use super::problem::{Position, Problem, ProblemCode};
use crate::model::{Assessment, Framework, PlanFile, Workspace};

pub(crate) fn assessment(version: u32, _text: &str, file: &Path) -> Result<Assessment, Problem> {
    Err(unsupported(version, file))
}

pub(crate) fn workspace(version: u32, _text: &str, file: &Path) -> Result<Workspace, Problem> {
    Err(unsupported(version, file))
}

pub(crate) fn framework(version: u32, _text: &str, file: &Path) -> Result<Framework, Problem> {
    Err(unsupported(version, file))
}

pub(crate) fn plan(version: u32, _text: &str, file: &Path) -> Result<PlanFile, Problem> {
    Err(unsupported(version, file))
}

fn unsupported(version: u32, file: &Path) -> Problem {
    Problem::error(file, Position::START, ProblemCode::OldVersion { version })
}
