//! Pairwise precision, recall and F1 of a clustering against the truth,
//! computed from cluster contingency counts (never by listing all pairs).

use std::collections::HashMap;

use serde::Serialize;

/// Pairwise quality of a clustering.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PairwiseScores {
    /// Pairs put together that truly are one entity.
    pub true_positive_pairs: u64,
    /// Pairs put together.
    pub predicted_pairs: u64,
    /// Pairs that truly are one entity.
    pub true_pairs: u64,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

fn pairs(n: u64) -> u64 {
    n * n.saturating_sub(1) / 2
}

/// Scores `clusters` (record -> cluster) against `truth` (record -> entity).
/// Records of the truth missing from `clusters` are singletons.
///
/// ```
/// use std::collections::HashMap;
/// let truth: HashMap<&str, &str> = [("a", "1"), ("b", "1"), ("c", "1"), ("d", "2")].into();
/// let clusters: HashMap<&str, &str> = [("a", "x"), ("b", "x"), ("d", "x")].into();
/// let s = kgpin_synth::eval::pairwise(&truth, &clusters);
/// assert_eq!((s.true_positive_pairs, s.predicted_pairs, s.true_pairs), (1, 3, 3));
/// ```
pub fn pairwise(truth: &HashMap<&str, &str>, clusters: &HashMap<&str, &str>) -> PairwiseScores {
    let mut cells: HashMap<(&str, &str), u64> = HashMap::new();
    let mut cluster_sizes: HashMap<&str, u64> = HashMap::new();
    let mut entity_sizes: HashMap<&str, u64> = HashMap::new();
    for (&record, &entity) in truth {
        *entity_sizes.entry(entity).or_default() += 1;
        if let Some(&cluster) = clusters.get(record) {
            *cells.entry((cluster, entity)).or_default() += 1;
            *cluster_sizes.entry(cluster).or_default() += 1;
        }
    }
    let true_positive_pairs = cells.values().map(|&n| pairs(n)).sum();
    let predicted_pairs = cluster_sizes.values().map(|&n| pairs(n)).sum();
    let true_pairs = entity_sizes.values().map(|&n| pairs(n)).sum();
    let ratio = |a: u64, b: u64| if b == 0 { 1.0 } else { a as f64 / b as f64 };
    let precision = ratio(true_positive_pairs, predicted_pairs);
    let recall = ratio(true_positive_pairs, true_pairs);
    let f1 = if precision + recall == 0.0 {
        0.0
    } else {
        2.0 * precision * recall / (precision + recall)
    };
    PairwiseScores {
        true_positive_pairs,
        predicted_pairs,
        true_pairs,
        precision,
        recall,
        f1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn perfect_and_empty_clusterings() {
        let truth: HashMap<&str, &str> = [("a", "1"), ("b", "1"), ("c", "2")].into();
        let perfect: HashMap<&str, &str> = [("a", "k"), ("b", "k")].into();
        let s = pairwise(&truth, &perfect);
        assert_eq!((s.precision, s.recall, s.f1), (1.0, 1.0, 1.0));
        let s = pairwise(&truth, &HashMap::new());
        assert_eq!((s.precision, s.recall), (1.0, 0.0));
        assert_eq!(s.f1, 0.0);
    }

    #[test]
    fn over_merging_costs_precision() {
        let truth: HashMap<&str, &str> = [("a", "1"), ("b", "1"), ("c", "2"), ("d", "2")].into();
        let all: HashMap<&str, &str> = [("a", "k"), ("b", "k"), ("c", "k"), ("d", "k")].into();
        let s = pairwise(&truth, &all);
        assert_eq!(
            (s.true_positive_pairs, s.predicted_pairs, s.true_pairs),
            (2, 6, 2)
        );
        assert!((s.precision - 1.0 / 3.0).abs() < 1e-12);
        assert_eq!(s.recall, 1.0);
    }
}
