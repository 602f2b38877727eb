//! Clusters of the matched pairs, with ids that do not change between runs:
//! a cluster is named by its smallest record_id.
//!
//! Plain connected components chain: A is B (same person, two PINs), B is C
//! (B lacks a patronymic, C is a namesake), so A is C. Pairs are therefore
//! joined strongest first, and two groups join only when no record of one is
//! clearly a different person from a record of the other, and the result stays
//! the size one person's records can be.

/// Union-find with path halving and union by size.
pub struct DisjointSets {
    parent: Vec<u32>,
    size: Vec<u32>,
}

impl DisjointSets {
    /// `n` sets of one element each, for the elements `0..n`.
    pub fn new(n: usize) -> Self {
        DisjointSets {
            parent: (0..n as u32).collect(),
            size: vec![1; n],
        }
    }

    /// The representative of `x`'s set, halving the path on the way.
    pub fn find(&mut self, mut x: u32) -> u32 {
        while self.parent[x as usize] != x {
            let grandparent = self.parent[self.parent[x as usize] as usize];
            self.parent[x as usize] = grandparent;
            x = grandparent;
        }
        x
    }

    /// Joins the sets of `a` and `b`, the smaller under the larger.
    pub fn union(&mut self, a: u32, b: u32) {
        let (mut a, mut b) = (self.find(a), self.find(b));
        if a == b {
            return;
        }
        if self.size[a as usize] < self.size[b as usize] {
            std::mem::swap(&mut a, &mut b);
        }
        self.parent[b as usize] = a;
        self.size[a as usize] += self.size[b as usize];
    }
}

/// The most records one person is expected to have: several agencies, a few PINs.
pub const MAX_CLUSTER_SIZE: usize = 12;

/// Groups of two or more records joined by `pairs` (strongest first), where
/// every join keeps `compatible` true for all other pairs across the two
/// groups; the joining pair itself is the caller's to have judged.
/// Each group is sorted by `id_of`; groups are sorted by their first id.
pub fn checked_components<'a>(
    n: usize,
    pairs: Vec<(u32, u32, f32)>,
    compatible: impl Fn(u32, u32) -> bool,
    id_of: impl Fn(u32) -> &'a str,
) -> Vec<Vec<u32>> {
    // Each record of a pair ranked by its id (equal ids, equal ranks): the
    // sorts below compare numbers, not ids scattered over a country's
    // registry (two cache misses an id, 4% of a 7.3M run). Ranks count from
    // 1 (0: a record in no pair), in a table over every record.
    let mut rank_of = vec![0u32; n];
    for &(a, b, _) in &pairs {
        for record in [a, b] {
            if let Some(slot) = rank_of.get_mut(record as usize) {
                *slot = 1;
            }
        }
    }
    let mut ranked: Vec<u32> = (0..n as u32)
        .filter(|&r| rank_of.get(r as usize) == Some(&1))
        .collect();
    // Registries are mostly in the order of their ids: then the records'
    // order is the ids' (checked in one pass through the ids in memory order).
    if !ranked.windows(2).all(|w| id_of(w[0]) < id_of(w[1])) {
        ranked.sort_unstable_by(|&a, &b| id_of(a).cmp(id_of(b)));
    }
    let mut rank = 0;
    for (i, &record) in ranked.iter().enumerate() {
        if i == 0 || id_of(ranked[i - 1]) != id_of(record) {
            rank += 1;
        }
        if let Some(slot) = rank_of.get_mut(record as usize) {
            *slot = rank;
        }
    }
    let rank = |record: u32| rank_of.get(record as usize).copied().unwrap_or(0);
    // Strongest first; ties broken by the pair's ids, smaller first, so the
    // result never depends on input order (nor on which record came first).
    // Each pair's ranks looked up once, beside it, not at every comparison;
    // sorted as plain numbers (one small sort in the WASM builds, not a
    // sort of its own for each order).
    let mut keyed: Vec<u128> = pairs
        .iter()
        .zip(0u32..)
        .map(|(&(a, b, score), at)| {
            let (x, y) = (rank(a), rank(b));
            let strongest_first = !total_order(score);
            u128::from(strongest_first) << 96
                | u128::from(x.min(y)) << 64
                | u128::from(x.max(y)) << 32
                | u128::from(at)
        })
        .collect();
    keyed.sort_unstable();
    let pairs = keyed
        .into_iter()
        .filter_map(|key| pairs.get(key as u32 as usize).copied());
    let mut sets = DisjointSets::new(n);
    let mut members: std::collections::HashMap<u32, Vec<u32>> = std::collections::HashMap::new();
    for (a, b, _) in pairs {
        let (ra, rb) = (sets.find(a), sets.find(b));
        if ra == rb {
            continue;
        }
        // A record not yet in any group is a group of itself.
        let group_a = members
            .get(&ra)
            .map_or(std::slice::from_ref(&a), Vec::as_slice);
        let group_b = members
            .get(&rb)
            .map_or(std::slice::from_ref(&b), Vec::as_slice);
        if group_a.len() + group_b.len() > MAX_CLUSTER_SIZE {
            continue;
        }
        // The joining pair itself was judged when it was found (a pair that
        // is clearly two people is never a same-person pair: `pair_kind`).
        let fits = group_a.iter().all(|&x| {
            group_b
                .iter()
                .all(|&y| (x == a && y == b) || compatible(x, y))
        });
        if !fits {
            continue;
        }
        let mut joined = members.remove(&ra).unwrap_or_else(|| vec![a]);
        joined.extend(members.remove(&rb).unwrap_or_else(|| vec![b]));
        sets.union(a, b);
        members.insert(sets.find(a), joined);
    }
    // Members by id, groups by their first id: as numbers again.
    let by_rank = |mut records: Vec<u64>| -> Vec<u32> {
        records.sort_unstable();
        records.into_iter().map(|key| key as u32).collect()
    };
    let groups: Vec<Vec<u32>> = members
        .into_values()
        .map(|group| {
            by_rank(
                group
                    .iter()
                    .map(|&m| u64::from(rank(m)) << 32 | u64::from(m))
                    .collect(),
            )
        })
        .collect();
    let firsts: Vec<u64> = (0u32..)
        .zip(&groups)
        .map(|(at, group)| u64::from(group.first().map_or(0, |&m| rank(m))) << 32 | u64::from(at))
        .collect();
    let order = by_rank(firsts);
    let mut taken: Vec<Option<Vec<u32>>> = groups.into_iter().map(Some).collect();
    order
        .into_iter()
        .filter_map(|at| taken.get_mut(at as usize).and_then(Option::take))
        .collect()
}

/// `score` as a number in the order of `f32::total_cmp`.
fn total_order(score: f32) -> u32 {
    let bits = score.to_bits();
    if bits >> 31 == 1 {
        !bits
    } else {
        bits | 1 << 31
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn components_are_transitive_and_named_by_smallest_id() {
        let ids = ["r5", "r1", "r9", "r3", "r7"];
        let pairs = vec![(0, 2, 20.0), (2, 3, 20.0), (1, 4, 20.0)];
        let groups = checked_components(5, pairs, |_, _| true, |i| ids[i as usize]);
        assert_eq!(groups, vec![vec![1, 4], vec![3, 0, 2]]);
    }

    #[test]
    fn a_chain_through_a_conflict_is_cut() {
        let ids = ["a", "b", "c"];
        // a-b strong, b-c weaker, but a and c are clearly different people.
        let compatible = |x: u32, y: u32| !matches!((x.min(y), x.max(y)), (0, 2));
        let groups = checked_components(3, vec![(1, 2, 20.0), (0, 1, 30.0)], compatible, |i| {
            ids[i as usize]
        });
        assert_eq!(groups, vec![vec![0, 1]]);
    }

    #[test]
    fn groups_stop_at_the_size_of_one_person() {
        let ids: Vec<String> = (0..40).map(|i| format!("r{i:02}")).collect();
        let pairs = (1..40).map(|i| (0, i, 20.0)).collect();
        let groups = checked_components(40, pairs, |_, _| true, |i| ids[i as usize].as_str());
        assert_eq!(groups.len(), 1);
        assert_eq!(groups[0].len(), MAX_CLUSTER_SIZE);
    }

    #[test]
    fn equal_scores_join_in_the_order_of_the_ids_not_of_the_records() {
        // Records 0 and 1 are clearly two people; both pairs with record 2
        // score alike, so the pair with the smaller ids joins first.
        let compatible = |x: u32, y: u32| (x.min(y), x.max(y)) != (0, 1);
        let pairs = || vec![(0, 2, 20.0), (1, 2, 20.0)];
        let out_of_order = ["b", "a", "c"];
        let groups = checked_components(3, pairs(), compatible, |i| out_of_order[i as usize]);
        assert_eq!(groups, vec![vec![1, 2]], "a-c before b-c");
        let in_order = ["a", "b", "c"];
        let groups = checked_components(3, pairs(), compatible, |i| in_order[i as usize]);
        assert_eq!(groups, vec![vec![0, 2]], "a-c before b-c");
        // Groups in the order of their first ids, members by id.
        let ids = ["z", "y", "b", "a"];
        let pairs = vec![(0, 1, 20.0), (2, 3, 20.0)];
        let groups = checked_components(4, pairs, |_, _| true, |i| ids[i as usize]);
        assert_eq!(groups, vec![vec![3, 2], vec![1, 0]]);
    }

    #[test]
    fn scores_as_numbers_keep_the_order_of_total_cmp() {
        let scores = [
            f32::NEG_INFINITY,
            -20.5,
            -0.0,
            0.0,
            1e-30,
            15.6,
            17.0,
            f32::INFINITY,
            f32::NAN,
        ];
        for x in scores {
            for y in scores {
                assert_eq!(
                    total_order(x).cmp(&total_order(y)),
                    x.total_cmp(&y),
                    "{x} {y}"
                );
            }
        }
    }

    #[test]
    fn no_pairs_no_groups() {
        let groups = checked_components(3, Vec::new(), |_, _| true, |_| "x");
        assert!(groups.is_empty());
    }
}
