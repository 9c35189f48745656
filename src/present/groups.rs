//! Departments grouped by parent unit, for the full report of a large
//! workspace: a district and the departments under it, one roll-up per
//! group. A department belongs to the group of its topmost ancestor (the
//! parent of its parent …); departments with neither a parent nor a
//! department under them form one group of their own, listed last.
//!
//! Plain figures, unrounded, in workspace order; [`super::build`] writes them.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::report::{DepartmentFigures, DimensionHead, RankRow};
use crate::model::{Level, Workspace};

/// One group's roll-up.
#[derive(Clone, Debug, PartialEq)]
pub struct Group {
    /// The parent unit's id; `None` for the departments without one.
    pub id: Option<String>,
    /// The parent unit's name in the report's language; empty for the
    /// departments without one (the builder names that group).
    pub name: String,
    /// Indexes into `ReportContent::heatmap` (workspace order).
    pub members: Vec<usize>,
    /// Members with a current assessment.
    pub assessed: usize,
    /// The mean of the members' overall levels.
    pub mean_level: Option<f64>,
    /// Per dimension (framework order), the mean of the members' levels.
    pub dimensions: Vec<Option<f64>>,
    /// The dimension with the lowest mean: its position in `dimensions`.
    pub lowest: Option<usize>,
    /// Members with any dimension short of its target.
    pub below_target: usize,
    /// Positions in `ReportContent::ranking` of the best and the worst
    /// ranked member.
    pub best: Option<usize>,
    pub worst: Option<usize>,
    /// Members with a rank.
    pub ranked: usize,
}

impl Group {
    /// How many departments the group holds.
    pub fn departments(&self) -> usize {
        self.members.len()
    }
}

/// The groups of the departments in `heatmap`: by topmost ancestor in
/// workspace order, then the departments without a parent unit. Empty when
/// no department in scope has a parent or a child (no hierarchy to show).
pub fn groups(
    workspace: &Workspace,
    lang: crate::model::Lang,
    dimensions: &[DimensionHead],
    heatmap: &[DepartmentFigures],
    ranking: &[RankRow],
) -> Vec<Group> {
    let parents: HashMap<&str, &str> = workspace
        .departments
        .iter()
        .filter_map(|d| Some((d.id.as_str(), d.parent.as_deref()?)))
        .filter(|(_, parent)| workspace.department(parent).is_some())
        .collect();
    // The topmost ancestor, walking up at most as many steps as there are
    // departments (a cycle, which the store reports, stops there).
    let root = |id: &str| -> String {
        let mut at = id;
        for _ in 0..=parents.len() {
            match parents.get(at) {
                Some(parent) if *parent != id => at = parent,
                _ => break,
            }
        }
        at.to_owned()
    };
    let roots: Vec<String> = heatmap.iter().map(|d| root(&d.id)).collect();
    let mut sizes: HashMap<&str, usize> = HashMap::new();
    for r in &roots {
        *sizes.entry(r.as_str()).or_default() += 1;
    }
    // A root with only itself in scope and no child anywhere stands alone.
    let with_children: HashSet<&str> = parents.values().copied().collect();
    let alone =
        |r: &str, d: &DepartmentFigures| r == d.id && sizes.get(r) == Some(&1) && !with_children.contains(r);
    if heatmap.iter().zip(&roots).all(|(d, r)| alone(r, d)) {
        return Vec::new();
    }
    // Groups in the order of their root in the workspace.
    let order: HashMap<&str, usize> = workspace
        .departments
        .iter()
        .enumerate()
        .map(|(i, d)| (d.id.as_str(), i))
        .collect();
    let mut by_root: BTreeMap<(usize, String), Vec<usize>> = BTreeMap::new();
    let mut standalone = Vec::new();
    for (i, (d, r)) in heatmap.iter().zip(&roots).enumerate() {
        if alone(r, d) {
            standalone.push(i);
        } else {
            let at = order.get(r.as_str()).copied().unwrap_or(usize::MAX);
            by_root.entry((at, r.clone())).or_default().push(i);
        }
    }
    let name = |id: &str| {
        workspace
            .department(id)
            .map_or_else(String::new, |d| d.name.get(lang).to_owned())
    };
    let mut out: Vec<Group> = by_root
        .into_iter()
        .map(|((_, root), members)| {
            roll_up(
                Some(root.clone()),
                name(&root),
                members,
                dimensions,
                heatmap,
                ranking,
            )
        })
        .collect();
    if !standalone.is_empty() {
        out.push(roll_up(
            None,
            String::new(),
            standalone,
            dimensions,
            heatmap,
            ranking,
        ));
    }
    out
}

/// The departments in `heatmap` grouped by stage, lowest first, for a
/// workspace without parent units; those without a stage are left out.
/// Each group's `id` is the stage's digit and its `name` is empty.
pub fn by_stage(
    dimensions: &[DimensionHead],
    heatmap: &[DepartmentFigures],
    ranking: &[RankRow],
) -> Vec<Group> {
    Level::all()
        .filter_map(|level| {
            let members: Vec<usize> = heatmap
                .iter()
                .enumerate()
                .filter(|(_, d)| d.stage == Some(level))
                .map(|(i, _)| i)
                .collect();
            (!members.is_empty()).then(|| {
                roll_up(
                    Some(level.get().to_string()),
                    String::new(),
                    members,
                    dimensions,
                    heatmap,
                    ranking,
                )
            })
        })
        .collect()
}

/// One group's figures from its members' rows.
fn roll_up(
    id: Option<String>,
    name: String,
    members: Vec<usize>,
    dimensions: &[DimensionHead],
    heatmap: &[DepartmentFigures],
    ranking: &[RankRow],
) -> Group {
    let figures: Vec<&DepartmentFigures> = members.iter().filter_map(|&i| heatmap.get(i)).collect();
    let levels: Vec<f64> = figures.iter().filter_map(|f| f.mean_level).collect();
    let by_dimension: Vec<Option<f64>> = dimensions
        .iter()
        .map(|head| {
            let values: Vec<f64> = figures
                .iter()
                .filter_map(|f| f.dimensions.iter().find(|d| d.id == head.id)?.mean_level)
                .collect();
            mean(&values)
        })
        .collect();
    let lowest = by_dimension
        .iter()
        .enumerate()
        .filter_map(|(i, v)| Some((i, (*v)?)))
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(i, _)| i);
    let ids: HashSet<&str> = figures.iter().map(|f| f.id.as_str()).collect();
    // The ranking is best first: the first member in it is the best ranked.
    let ranked: Vec<usize> = ranking
        .iter()
        .enumerate()
        .filter(|(_, r)| r.rank.is_some() && ids.contains(r.id.as_str()))
        .map(|(i, _)| i)
        .collect();
    Group {
        id,
        name,
        assessed: figures.iter().filter(|f| f.period.is_some()).count(),
        mean_level: mean(&levels),
        dimensions: by_dimension,
        lowest,
        below_target: figures.iter().filter(|f| f.below_target).count(),
        best: ranked.first().copied(),
        worst: ranked.last().copied(),
        ranked: ranked.len(),
        members,
    }
}

fn mean(values: &[f64]) -> Option<f64> {
    // Department counts are far below 2^52, so the conversion is exact.
    (!values.is_empty()).then(|| values.iter().sum::<f64>() / values.len() as f64)
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use chrono::NaiveDate;

    use crate::analysis::Basis;
    use crate::model::Lang;
    use crate::present::report::{Format, ReportOptions, build};
    use crate::store::{self, LoadedWorkspace};

    fn sample() -> LoadedWorkspace {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("assessments");
        match store::load(&root) {
            Ok(loaded) => loaded,
            Err(e) => panic!("{e}"),
        }
    }

    fn options() -> ReportOptions {
        ReportOptions {
            kind: Default::default(),
            style: Default::default(),
            split: false,
            format: Format::Pdf,
            period: None,
            department: None,
            basis: Basis::Latest,
            lang: Lang::En,
            generated: NaiveDate::from_ymd_opt(2026, 1, 15).unwrap_or_default(),
        }
    }

    #[test]
    fn the_sample_has_one_parent_unit_and_the_rest_stand_alone() {
        let content = build(&sample(), &options());
        let groups = &content.groups;
        assert_eq!(groups.len(), 2);
        assert_eq!(groups[0].id.as_deref(), Some("big-data-bureau"));
        assert_eq!(groups[0].name, "Big Data Bureau");
        assert_eq!(groups[0].departments(), 2);
        assert_eq!(groups[1].id, None);
        assert_eq!(groups[1].departments(), 10);
        // Every department is in exactly one group.
        let mut members: Vec<usize> = groups.iter().flat_map(|g| g.members.clone()).collect();
        members.sort_unstable();
        assert_eq!(members, (0..12).collect::<Vec<_>>());
        // The best ranked member comes first in the ranking.
        let (Some(best), Some(worst)) = (groups[0].best, groups[0].worst) else {
            panic!("no ranks");
        };
        assert!(best <= worst);
        assert_eq!(groups[0].ranked, 2);
    }

    #[test]
    fn without_parent_units_there_are_no_groups_and_a_cycle_ends() {
        let mut loaded = sample();
        for department in &mut loaded.data.workspace.departments {
            department.parent = None;
        }
        assert!(build(&loaded, &options()).groups.is_empty());
        // Two departments each the other's parent: one group, no hang.
        let ids: Vec<String> = loaded
            .data
            .workspace
            .departments
            .iter()
            .map(|d| d.id.clone())
            .collect();
        loaded.data.workspace.departments[0].parent = Some(ids[1].clone());
        loaded.data.workspace.departments[1].parent = Some(ids[0].clone());
        let groups = build(&loaded, &options()).groups;
        let sizes: Vec<usize> = groups.iter().map(super::Group::departments).collect();
        assert_eq!(sizes.iter().sum::<usize>(), 12);
        assert!(sizes.len() >= 2, "{sizes:?}");
    }
}
