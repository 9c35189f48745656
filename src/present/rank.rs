//! Ranks as every output prints them: departments whose figures are equal
//! as shown (after [`super::format::round`]) share a rank, and the next one
//! skips ("1, 2, 2, 4"), the way league tables and the reports count.

use super::format::{LEVEL_DECIMALS, round};

/// The shared ("competition") rank of each value, in the order given.
/// `values` must already be sorted best first; equal shown values share the
/// rank of the first of them.
pub fn competition(values: &[f64]) -> Vec<usize> {
    let mut ranks = Vec::with_capacity(values.len());
    let mut previous: Option<(f64, usize)> = None;
    for (i, value) in values.iter().enumerate() {
        let shown = round(*value, LEVEL_DECIMALS);
        let rank = match previous {
            Some((last, rank)) if last == shown => rank,
            _ => i + 1,
        };
        ranks.push(rank);
        previous = Some((shown, rank));
    }
    ranks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_shown_values_share_a_rank() {
        assert_eq!(competition(&[3.0, 2.5, 2.5, 2.0]), vec![1, 2, 2, 4]);
        assert_eq!(competition(&[2.631, 2.629, 2.5]), vec![1, 1, 3]);
        assert_eq!(competition(&[]), Vec::<usize>::new());
    }
}
