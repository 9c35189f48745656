//! The framework compiled into the program (`digital-government`).

use std::path::Path;
use std::sync::OnceLock;

use super::format::parse_framework;
use super::problem::Problem;
use crate::model::Framework;

/// The RON text of the built-in framework, as shipped in
/// `assets/frameworks/digital-government.ron`.
pub const BUILTIN_FRAMEWORK_RON: &str = include_str!("../../assets/frameworks/digital-government.ron");

/// The name problems in the built-in framework are reported under.
pub const BUILTIN_FRAMEWORK_FILE: &str = "<built-in>/digital-government.ron";

/// The built-in framework, parsed once and cloned for each caller.
///
/// An error here is a bug in the program, not in the user's data; the tests
/// make sure it never ships.
pub fn builtin_framework() -> Result<Framework, Problem> {
    static PARSED: OnceLock<Result<Framework, Problem>> = OnceLock::new();
    PARSED
        .get_or_init(|| {
            parse_framework(BUILTIN_FRAMEWORK_RON, Path::new(BUILTIN_FRAMEWORK_FILE))
                .map(|(framework, _)| framework)
        })
        .clone()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{FORMAT_VERSION, FRAMEWORK_ID_BUILTIN};

    #[test]
    fn builtin_framework_parses_and_checks_clean() {
        let framework = builtin_framework().unwrap_or_else(|p| panic!("{p}"));
        assert_eq!(framework.id, FRAMEWORK_ID_BUILTIN);
        assert_eq!(framework.version, FORMAT_VERSION);
        assert_eq!(framework.check(), Vec::new());
    }
}
