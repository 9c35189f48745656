//! Departments under their parent units, for the department tree and the
//! heatmap: each topmost unit (a district) heads a group of the departments
//! below it; departments with neither a parent nor a department under them
//! stand alone. Which rows a search and the open groups leave, and each
//! group's roll-up (its status counts, its mean per dimension).
//!
//! Plain indexes into one list of departments (the active ones, in
//! workspace order, as `Summary::departments` holds them); no egui. The app
//! memoises what is made here per revision, so none of it runs per frame.

use std::collections::HashMap;

use crate::analysis::Summary;
use crate::model::{Department, Level, Status};

/// A group (its head and the departments under it), or a department
/// standing alone (no members).
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// The topmost department.
    pub head: usize,
    /// The departments under `head`, depth first in list order, each with
    /// its depth (1 = a child of `head`).
    pub members: Vec<(usize, usize)>,
}

impl Entry {
    /// A head with departments under it.
    pub fn is_group(&self) -> bool {
        !self.members.is_empty()
    }

    /// How many departments the group holds, its head included.
    pub fn size(&self) -> usize {
        1 + self.members.len()
    }

    /// Every department of the group, the head first.
    pub fn departments(&self) -> impl Iterator<Item = usize> + '_ {
        std::iter::once(self.head).chain(self.members.iter().map(|&(i, _)| i))
    }
}

/// The departments of one list arranged under their topmost parents.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Hierarchy {
    /// In the order of their heads in the list.
    pub entries: Vec<Entry>,
}

/// One row to show.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Row {
    /// A group's roll-up row: its position in `Hierarchy::entries`, and
    /// whether its departments are shown under it.
    Group { entry: usize, open: bool },
    /// A department, `depth` steps in (0 for one standing alone).
    Department { index: usize, depth: usize },
}

impl Hierarchy {
    /// Arranges `departments` (in list order) under their topmost parents.
    /// A parent outside the list counts as none; a cycle of parents, which
    /// the store reports, is broken where it is first met.
    pub fn new(departments: &[&Department]) -> Self {
        let position: HashMap<&str, usize> = departments
            .iter()
            .enumerate()
            .map(|(i, d)| (d.id.as_str(), i))
            .collect();
        let parent: Vec<Option<usize>> = departments
            .iter()
            .enumerate()
            .map(|(i, d)| {
                let p = *position.get(d.parent.as_deref()?)?;
                (p != i).then_some(p)
            })
            .collect();
        let mut children: Vec<Vec<usize>> = vec![Vec::new(); departments.len()];
        for (i, p) in parent.iter().enumerate() {
            if let Some(p) = p {
                children[*p].push(i);
            }
        }
        let mut placed = vec![false; departments.len()];
        let mut entries = Vec::new();
        // Roots first; then whatever a cycle kept from being reached.
        let roots = (0..departments.len()).filter(|&i| parent[i].is_none());
        let rest = 0..departments.len();
        for head in roots.chain(rest) {
            if placed[head] {
                continue;
            }
            placed[head] = true;
            let mut members = Vec::new();
            let mut stack: Vec<(usize, usize)> = children[head].iter().rev().map(|&c| (c, 1)).collect();
            while let Some((at, depth)) = stack.pop() {
                if std::mem::replace(&mut placed[at], true) {
                    continue;
                }
                members.push((at, depth));
                stack.extend(children[at].iter().rev().map(|&c| (c, depth + 1)));
            }
            entries.push(Entry { head, members });
        }
        entries.sort_by_key(|e| e.head);
        Hierarchy { entries }
    }

    /// Whether any department has another under it; without, the list is flat.
    pub fn has_groups(&self) -> bool {
        self.entries.iter().any(Entry::is_group)
    }

    /// The rows to show. `matches[i]` says whether department `i` matches
    /// the search (`None`: no search): a group stays when its head or any
    /// member matches, showing all its departments when the head (the
    /// group's own name) matches and only the matching ones otherwise.
    /// `open(entry)` says whether a group shows its departments; with
    /// `head_row`, its head is listed again as its first department (the
    /// heatmap, whose group row is a roll-up), otherwise the group row
    /// stands for the head (the tree).
    pub fn rows(&self, matches: Option<&[bool]>, open: impl Fn(usize) -> bool, head_row: bool) -> Vec<Row> {
        let hit = |i: usize| matches.is_none_or(|m| m.get(i).copied().unwrap_or(false));
        let mut rows = Vec::new();
        for (at, entry) in self.entries.iter().enumerate() {
            if !entry.is_group() {
                if hit(entry.head) {
                    rows.push(Row::Department {
                        index: entry.head,
                        depth: 0,
                    });
                }
                continue;
            }
            let whole = hit(entry.head);
            let shown: Vec<(usize, usize)> = entry
                .members
                .iter()
                .copied()
                .filter(|&(i, _)| whole || hit(i))
                .collect();
            if !whole && shown.is_empty() {
                continue;
            }
            let open = open(at);
            rows.push(Row::Group { entry: at, open });
            if !open {
                continue;
            }
            if head_row && whole {
                rows.push(Row::Department {
                    index: entry.head,
                    depth: 1,
                });
            }
            let extra = usize::from(head_row);
            rows.extend(shown.into_iter().map(|(index, depth)| Row::Department {
                index,
                depth: depth + extra,
            }));
        }
        rows
    }
}

/// Which departments match a search, the same way every table's search
/// does ([`super::pinyin`]: id, English or Chinese name, pinyin initials or
/// syllables). `None` when the search is empty.
pub fn matches(departments: &[&Department], search: &str) -> Option<Vec<bool>> {
    let query = super::pinyin::Query::new(search);
    if query.is_empty() {
        return None;
    }
    Some(
        departments
            .iter()
            .map(|d| super::pinyin::SearchKey::of(d).matches(&query).is_some())
            .collect(),
    )
}

/// How many of a group's departments stand at each point of the workflow.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct StatusCounts {
    pub approved: usize,
    pub submitted: usize,
    /// Draft or returned: work in the department's hands.
    pub draft: usize,
    /// No assessment on or before the period.
    pub none: usize,
}

/// A roll-up of one dimension: the mean of the members' mean levels, the
/// lowest member floor, the mean coverage.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct CellFigures {
    pub mean: Option<f64>,
    pub floor: Option<Level>,
    pub coverage: Option<f64>,
}

/// A group's roll-up, from the summary's rows of its departments.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct GroupFigures {
    pub statuses: StatusCounts,
    /// Per dimension, in framework order.
    pub dimensions: Vec<CellFigures>,
    /// The mean of the members' overall mean levels.
    pub mean_level: Option<f64>,
    /// The mean of the members' coverage.
    pub coverage: Option<f64>,
}

/// The roll-up of every entry of `hierarchy` (standalone ones included, for
/// simple indexing), the indexes being positions in `summary.departments`.
pub fn roll_ups(hierarchy: &Hierarchy, summary: &Summary, dimensions: usize) -> Vec<GroupFigures> {
    hierarchy
        .entries
        .iter()
        .map(|entry| roll_up(entry, summary, dimensions))
        .collect()
}

fn roll_up(entry: &Entry, summary: &Summary, dimensions: usize) -> GroupFigures {
    let rows: Vec<_> = entry
        .departments()
        .filter_map(|i| summary.departments.get(i))
        .collect();
    let mut statuses = StatusCounts::default();
    for row in &rows {
        match row.workflow {
            Some(Status::Approved) => statuses.approved += 1,
            Some(Status::Submitted) => statuses.submitted += 1,
            Some(Status::Draft | Status::Returned) => statuses.draft += 1,
            None => statuses.none += 1,
        }
    }
    let scores: Vec<_> = rows.iter().filter_map(|r| r.current.as_ref()).collect();
    let cells = (0..dimensions)
        .map(|col| {
            let of_col: Vec<_> = scores.iter().filter_map(|s| s.dimensions.get(col)).collect();
            let means: Vec<f64> = of_col.iter().filter_map(|d| d.mean_level).collect();
            let coverages: Vec<f64> = of_col.iter().filter_map(|d| d.coverage).collect();
            CellFigures {
                mean: mean(&means),
                floor: of_col.iter().filter_map(|d| d.floor).min(),
                coverage: mean(&coverages),
            }
        })
        .collect();
    let levels: Vec<f64> = scores.iter().filter_map(|s| s.mean_level).collect();
    let coverages: Vec<f64> = scores.iter().map(|s| s.coverage).collect();
    GroupFigures {
        statuses,
        dimensions: cells,
        mean_level: mean(&levels),
        coverage: mean(&coverages),
    }
}

fn mean(values: &[f64]) -> Option<f64> {
    // Department counts are far below 2^52, so the conversion is exact.
    (!values.is_empty()).then(|| values.iter().sum::<f64>() / values.len() as f64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Text;

    fn department(id: &str, parent: Option<&str>) -> Department {
        Department {
            id: id.to_owned(),
            name: Text {
                en: format!("{id} bureau"),
                zh: format!("{id}局"),
            },
            kind: Default::default(),
            parent: parent.map(str::to_owned),
            archived: false,
        }
    }

    fn sample() -> Vec<Department> {
        vec![
            department("east", None),
            department("west", None),
            department("east-edu", Some("east")),
            department("west-edu", Some("west")),
            department("east-edu-school", Some("east-edu")),
            department("police", None),
        ]
    }

    #[test]
    fn groups_under_topmost_parents_and_lone_departments_stand_alone() {
        let owned = sample();
        let list: Vec<&Department> = owned.iter().collect();
        let h = Hierarchy::new(&list);
        assert!(h.has_groups());
        assert_eq!(
            h.entries,
            vec![
                Entry {
                    head: 0,
                    members: vec![(2, 1), (4, 2)]
                },
                Entry {
                    head: 1,
                    members: vec![(3, 1)]
                },
                Entry {
                    head: 5,
                    members: vec![]
                },
            ]
        );
        // Closed groups show their roll-up row only; the tree's group row is its head.
        let closed = h.rows(None, |_| false, false);
        assert_eq!(
            closed,
            vec![
                Row::Group {
                    entry: 0,
                    open: false
                },
                Row::Group {
                    entry: 1,
                    open: false
                },
                Row::Department { index: 5, depth: 0 },
            ]
        );
        // The heatmap lists the head again under its roll-up.
        let open = h.rows(None, |e| e == 1, true);
        assert_eq!(
            open,
            vec![
                Row::Group {
                    entry: 0,
                    open: false
                },
                Row::Group { entry: 1, open: true },
                Row::Department { index: 1, depth: 1 },
                Row::Department { index: 3, depth: 2 },
                Row::Department { index: 5, depth: 0 },
            ]
        );
    }

    #[test]
    fn a_search_keeps_groups_with_matches_and_a_matching_group_whole() {
        let owned = sample();
        let list: Vec<&Department> = owned.iter().collect();
        let h = Hierarchy::new(&list);
        // "edu" matches east-edu, west-edu and the school, not the heads.
        let found = matches(&list, " EDU ");
        let rows = h.rows(found.as_deref(), |_| true, true);
        assert_eq!(
            rows,
            vec![
                Row::Group { entry: 0, open: true },
                Row::Department { index: 2, depth: 2 },
                Row::Department { index: 4, depth: 3 },
                Row::Group { entry: 1, open: true },
                Row::Department { index: 3, depth: 2 },
            ]
        );
        // "west" matches the head: the whole group, the head first.
        let found = matches(&list, "west");
        let rows = h.rows(found.as_deref(), |_| true, true);
        assert_eq!(
            rows,
            vec![
                Row::Group { entry: 1, open: true },
                Row::Department { index: 1, depth: 1 },
                Row::Department { index: 3, depth: 2 },
            ]
        );
        assert_eq!(matches(&list, "  "), None);
    }

    #[test]
    fn without_parents_the_list_is_flat_and_a_cycle_ends() {
        let owned = [department("a", None), department("b", None)];
        let list: Vec<&Department> = owned.iter().collect();
        assert!(!Hierarchy::new(&list).has_groups());
        let owned = [department("a", Some("b")), department("b", Some("a"))];
        let list: Vec<&Department> = owned.iter().collect();
        let h = Hierarchy::new(&list);
        let sizes: usize = h.entries.iter().map(Entry::size).sum();
        assert_eq!(sizes, 2);
    }
}
