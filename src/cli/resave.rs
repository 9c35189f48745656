//! `govmaturity resave` (hidden): sets every answer's comment of an
//! assessment and saves it through the store, as the app's Save does (the
//! save lock, the "changed on disk" check, a backup, an atomic replace).
//! For the crash test, which kills it at random moments.

use std::path::Path;

use chrono::NaiveDate;

use super::commands::say;
use super::{EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE};
use crate::model::Lang;
use crate::present::catalogue::cli::Say;
use crate::store::{self, Fingerprint, SaveError};

pub fn resave(dir: &Path, department: &str, period: NaiveDate, comment: &str, lang: Lang) -> u8 {
    let relative = match store::assessment_path(department, period) {
        Ok(relative) => relative,
        Err(e) => {
            say(Say::Error(e.to_string()), lang);
            return EXIT_USAGE;
        }
    };
    // One read, as the store reads, gives both the content and the
    // fingerprint it is saved against.
    let (bytes, modified) = match store::read_inside(dir, &relative) {
        Ok(read) => read,
        Err(e) => {
            say(
                Say::Error(format!("{}: {e}", dir.join(&relative).display())),
                lang,
            );
            return EXIT_USAGE;
        }
    };
    let expected = Fingerprint::of(&bytes, modified);
    let text = String::from_utf8_lossy(&bytes);
    let mut assessment = match store::parse_assessment(&text, &relative) {
        Ok((assessment, _)) => assessment,
        Err(problem) => {
            say(Say::Error(problem.to_string()), lang);
            return EXIT_USAGE;
        }
    };
    for answer in assessment.answers.values_mut() {
        answer.comment = comment.to_owned();
    }
    match store::save_assessment(dir, &assessment, Some(&expected)) {
        Ok(_) => EXIT_OK,
        Err(e @ SaveError::Conflict { .. }) => {
            say(Say::Error(e.to_string()), lang);
            EXIT_PROBLEMS
        }
        Err(e) => {
            say(Say::Error(e.to_string()), lang);
            EXIT_USAGE
        }
    }
}
