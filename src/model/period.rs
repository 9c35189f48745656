//! Assessment periods.

use chrono::{Datelike, NaiveDate};

/// `count` half-yearly period ends (30 June, 31 December), the last on or
/// before `last`, oldest first.
pub fn half_year_periods(count: usize, last: NaiveDate) -> Vec<NaiveDate> {
    let mut periods = Vec::with_capacity(count);
    let (mut year, mut second_half) = if last.month() == 12 && last.day() == 31 {
        (last.year(), true)
    } else if (last.month(), last.day()) >= (6, 30) {
        (last.year(), false)
    } else {
        (last.year() - 1, true)
    };
    for _ in 0..count {
        let date = if second_half {
            NaiveDate::from_ymd_opt(year, 12, 31)
        } else {
            NaiveDate::from_ymd_opt(year, 6, 30)
        };
        let Some(date) = date else { break };
        periods.push(date);
        if second_half {
            second_half = false;
        } else {
            second_half = true;
            year -= 1;
        }
    }
    periods.reverse();
    periods
}
