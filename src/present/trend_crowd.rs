//! Trends of more departments than a chart can tell apart: their mean and
//! band, plus a few lines of their own — the department in view, then
//! those lowest and highest at the latest period, at most [`MAX_LINES`] —
//! and how many are left without one. No egui; the Trends view memoises
//! the result.

use crate::analysis::{self, Basis, GroupPoint, Summary, Trend};
use crate::model::Dataset;

use super::trends;

/// The most lines drawn on their own; more departments than this are
/// drawn as their mean and band. Six, so that with the mean each line has
/// its own colour of the colour-blind-safe series palette.
pub const MAX_LINES: usize = 6;

/// A chosen set of more departments than this is drawn as a crowd.
pub const CROWD_ABOVE: usize = 8;

/// The mean of `departments` (`None`) first, then the highlighted
/// departments' own trends (their id), and the band of all of them.
pub fn crowd(
    data: &Dataset,
    summary: &Summary,
    departments: &[&str],
    in_view: Option<&str>,
    dimension: Option<&str>,
    basis: Basis,
) -> (Vec<(Option<String>, Trend)>, Vec<GroupPoint>) {
    let (mut series, band) = trends::group(data, departments, dimension, basis);
    if series.is_empty() {
        return (series, band);
    }
    for id in highlighted(data, summary, departments, in_view, dimension) {
        let trend = analysis::trend_on(data, &id, dimension, basis);
        series.push((Some(id), trend));
    }
    (series, band)
}

/// Which of `departments` get a line of their own: the one in view, then
/// alternately the lowest and the highest at the summary's period (overall
/// or in `dimension`), at most [`MAX_LINES`], in that order. Departments
/// without a figure are left out; ties go to the first in the list.
pub fn highlighted(
    data: &Dataset,
    summary: &Summary,
    departments: &[&str],
    in_view: Option<&str>,
    dimension: Option<&str>,
) -> Vec<String> {
    let column = dimension.and_then(|id| data.framework.dimensions.iter().position(|d| d.id == id));
    let level = |id: &str| {
        let row = summary.departments.iter().find(|d| d.department == id)?;
        let current = row.current.as_ref()?;
        match column {
            Some(col) => current.dimensions.get(col)?.mean_level,
            None => current.mean_level,
        }
    };
    let mut ranked: Vec<(f64, &str)> = departments
        .iter()
        .filter_map(|id| Some((level(id)?, *id)))
        .collect();
    ranked.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut chosen: Vec<String> = Vec::new();
    if let Some(id) = in_view
        && departments.contains(&id)
    {
        chosen.push(id.to_owned());
    }
    let (mut low, mut high) = (0, ranked.len());
    while chosen.len() < MAX_LINES && low < high {
        let take_low = chosen.len() % 2 == usize::from(in_view.is_some_and(|id| departments.contains(&id)));
        let id = if take_low {
            low += 1;
            ranked[low - 1].1
        } else {
            high -= 1;
            ranked[high].1
        };
        if !chosen.iter().any(|c| c == id) {
            chosen.push(id.to_owned());
        }
    }
    chosen
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::store;

    #[test]
    fn the_department_in_view_then_the_lowest_and_highest() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("assessments");
        let loaded = match store::load(&root) {
            Ok(loaded) => loaded,
            Err(e) => panic!("{e}"),
        };
        let data = &loaded.data;
        let summary = analysis::summarize_on(data, None, Basis::Latest);
        let ids: Vec<&str> = data
            .workspace
            .active_departments()
            .map(|d| d.id.as_str())
            .collect();
        assert!(ids.len() > MAX_LINES, "the sample has {} departments", ids.len());
        let level = |id: &str| {
            summary
                .departments
                .iter()
                .find(|d| d.department == id)
                .and_then(|d| d.current.as_ref()?.mean_level)
        };
        let lines = highlighted(data, &summary, &ids, Some(ids[3]), None);
        assert_eq!(lines.len(), MAX_LINES);
        assert_eq!(lines[0], ids[3]);
        // No department is lower than the first picked after the one in view.
        let lowest = ids
            .iter()
            .filter_map(|id| level(id))
            .fold(f64::INFINITY, f64::min);
        assert_eq!(level(&lines[1]), Some(lowest));
        let highest = ids
            .iter()
            .filter_map(|id| level(id))
            .fold(f64::NEG_INFINITY, f64::max);
        assert_eq!(level(&lines[2]), Some(highest));
        // The mean first, then one line per highlighted department.
        let (series, band) = crowd(data, &summary, &ids, Some(ids[3]), None, Basis::Latest);
        assert_eq!(series.len(), 1 + MAX_LINES);
        assert_eq!(series[0].0, None);
        assert!(!band.is_empty());
    }
}
