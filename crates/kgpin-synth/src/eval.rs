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

/// The clustering if every pair of `pairs` were joined too (each pair's two
/// records, with their clusters): how a review band would score if a person
/// said "same person" to all of it. Cluster labels become record ids.
///
/// ```
/// use std::collections::HashMap;
/// let clusters: HashMap<&str, &str> = [("a", "x"), ("b", "x"), ("c", "y"), ("d", "y")].into();
/// let joined = kgpin_synth::eval::join_pairs(&clusters, &[("b", "c"), ("e", "f")]);
/// assert_eq!(joined["a"], joined["d"]);
/// assert_eq!(joined["e"], joined["f"]);
/// assert_ne!(joined["a"], joined["e"]);
/// ```
pub fn join_pairs<'a>(
    clusters: &HashMap<&'a str, &'a str>,
    pairs: &[(&'a str, &'a str)],
) -> HashMap<&'a str, &'a str> {
    let mut ids: Vec<&'a str> = Vec::new();
    let mut index: HashMap<&'a str, u32> = HashMap::new();
    let mut node = |r: &'a str| {
        *index.entry(r).or_insert_with(|| {
            ids.push(r);
            (ids.len() - 1) as u32
        })
    };
    let mut first_of_cluster: HashMap<&'a str, u32> = HashMap::new();
    let mut unions: Vec<(u32, u32)> = Vec::new();
    for (&record, &cluster) in clusters {
        let r = node(record);
        unions.push((*first_of_cluster.entry(cluster).or_insert(r), r));
    }
    unions.extend(pairs.iter().map(|&(a, b)| (node(a), node(b))));
    // The core's own union-find: the groups are what matter, not their names.
    let mut sets = kgpin::matching::cluster::DisjointSets::new(ids.len());
    for (a, b) in unions {
        sets.union(a, b);
    }
    (0..ids.len() as u32)
        .map(|i| (ids[i as usize], ids[sets.find(i) as usize]))
        .collect()
}

/// One row of the truth file.
#[derive(Debug, Clone, Copy)]
pub struct TruthRow<'a> {
    pub record_id: &'a str,
    pub entity_id: &'a str,
    /// `original`, a duplicate's labels joined by `;`, or a hard negative's kind
    /// (see [`kind`](crate::synth::kind)).
    pub kind: &'a str,
    /// For a hard negative, the entity it must not be merged with.
    pub related_entity: &'a str,
}

/// How many duplicates of one kind were found with their person's first row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DuplicateRecall {
    pub kind: String,
    pub rows: u64,
    pub found: u64,
}

/// How many hard negatives of one kind were merged with the person they resemble.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NegativeMerges {
    pub kind: String,
    pub rows: u64,
    pub merged: u64,
}

/// Recall by kind of duplicate (a row with several labels counts in each) and
/// merges by kind of hard negative, sorted by kind.
///
/// ```
/// use std::collections::HashMap;
/// use kgpin_synth::eval::{by_kind, TruthRow};
/// let row = |record_id, entity_id, kind, related_entity| TruthRow { record_id, entity_id, kind, related_entity };
/// let truth = [
///     row("a", "1", "original", ""),
///     row("b", "1", "second_pin;marriage", ""),
///     row("c", "2", "twin", "1"),
/// ];
/// let clusters: HashMap<&str, &str> = [("a", "x"), ("c", "x")].into();
/// let (recall, merges) = by_kind(&truth, &clusters);
/// assert_eq!((recall[0].kind.as_str(), recall[0].rows, recall[0].found), ("marriage", 1, 0));
/// assert_eq!((merges[0].kind.as_str(), merges[0].merged), ("twin", 1));
/// ```
pub fn by_kind(
    truth: &[TruthRow],
    clusters: &HashMap<&str, &str>,
) -> (Vec<DuplicateRecall>, Vec<NegativeMerges>) {
    use crate::synth::kind;
    let is_anchor = |k: &str| k == kind::ORIGINAL || kind::HARD_NEGATIVES.contains(&k);
    let anchors: HashMap<&str, &str> = truth
        .iter()
        .filter(|r| is_anchor(r.kind))
        .map(|r| (r.entity_id, r.record_id))
        .collect();
    let mut entity_clusters: HashMap<&str, Vec<&str>> = HashMap::new();
    for r in truth {
        if let Some(&cluster) = clusters.get(r.record_id) {
            entity_clusters
                .entry(r.entity_id)
                .or_default()
                .push(cluster);
        }
    }
    let mut recall: std::collections::BTreeMap<&str, (u64, u64)> = Default::default();
    let mut merges: std::collections::BTreeMap<&str, (u64, u64)> = Default::default();
    for r in truth {
        let cluster = clusters.get(r.record_id);
        if kind::HARD_NEGATIVES.contains(&r.kind) {
            let merged = cluster.is_some_and(|c| {
                entity_clusters
                    .get(r.related_entity)
                    .is_some_and(|cs| cs.contains(c))
            });
            let cell = merges.entry(r.kind).or_default();
            cell.0 += 1;
            cell.1 += u64::from(merged);
        } else if !is_anchor(r.kind) {
            let anchor_cluster = anchors.get(r.entity_id).and_then(|a| clusters.get(a));
            let found = cluster.is_some() && cluster == anchor_cluster;
            for label in r.kind.split(';') {
                let cell = recall.entry(label).or_default();
                cell.0 += 1;
                cell.1 += u64::from(found);
            }
        }
    }
    (
        recall
            .into_iter()
            .map(|(kind, (rows, found))| DuplicateRecall {
                kind: kind.to_string(),
                rows,
                found,
            })
            .collect(),
        merges
            .into_iter()
            .map(|(kind, (rows, merged))| NegativeMerges {
                kind: kind.to_string(),
                rows,
                merged,
            })
            .collect(),
    )
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
