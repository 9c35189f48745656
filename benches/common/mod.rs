//! The workspace every benchmark measures: 1,000 departments × 12 periods ×
//! 28 indicators (and a few improvement actions per department), the same as `govmaturity generate DIR --departments 1000
//! --periods 12 --seed 42` writes to disk.

use chrono::NaiveDate;
use govmaturity::generate::{self, SyntheticOptions};
use govmaturity::model::Dataset;
use govmaturity::store;

pub fn big_dataset() -> Dataset {
    dataset(1_000, 12)
}

/// A generated workspace of `departments` × `periods` (seed 42).
pub fn dataset(departments: usize, periods: usize) -> Dataset {
    let framework = store::builtin_framework().expect("the built-in framework loads");
    let options = SyntheticOptions {
        departments,
        periods,
        seed: 42,
        last_period: NaiveDate::from_ymd_opt(2025, 12, 31).expect("a date"),
    };
    let (workspace, assessments) = generate::synthetic(&framework, options);
    let actions = generate::synthetic_plan(&workspace, &assessments, 42);
    Dataset::new(workspace, framework, assessments).with_actions(actions)
}
