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
/// Records with equal ids (a registry refuses them; a caller may not) come
/// in the order of their numbers, and so do groups whose first ids are
/// equal. Links past the 2^32 - 1st (48 GB of them), and links naming a
/// record out of `0..n`, are not taken.
pub fn checked_components<'a>(
    n: usize,
    pairs: Vec<(u32, u32, f32)>,
    compatible: impl Fn(u32, u32) -> bool,
    id_of: impl Fn(u32) -> &'a str,
) -> Vec<Vec<u32>> {
    // The records of the links, each at a place of its own in record order
    // (the union-find runs over them, not over every record: 58 MB less at
    // 7.3M records, where clustering was the run's peak), and each ranked by
    // its id (equal ids, equal ranks): the sorts below compare numbers, not
    // ids scattered over a country's registry (two cache misses an id, 4% of
    // a 7.3M run). `place_of` holds a record's place + 1, 0 for none.
    let mut place_of = vec![0u32; n];
    for &(a, b, _) in &pairs {
        for record in [a, b] {
            if let Some(slot) = place_of.get_mut(record as usize) {
                *slot = 1;
            }
        }
    }
    let linked: Vec<u32> = (0..n as u32)
        .filter(|&r| place_of.get(r as usize) == Some(&1))
        .collect();
    for (at, &record) in (1u32..).zip(&linked) {
        if let Some(slot) = place_of.get_mut(record as usize) {
            *slot = at;
        }
    }
    let place = |record: u32| {
        let at = place_of.get(record as usize).copied().unwrap_or(0);
        at.checked_sub(1)
    };
    let record_at = |at: u32| linked.get(at as usize).copied().unwrap_or(0);
    // Registries are mostly in the order of their ids: then the records'
    // order is the ids' (checked in one pass through the ids in memory order).
    // In that order each place is its own rank (the ids all differ); out of
    // it, the places sorted by id, equal ids sharing a rank.
    let mut rank_at: Vec<u32> = (1..=linked.len() as u32).collect();
    if !linked.windows(2).all(|w| id_of(w[0]) < id_of(w[1])) {
        let mut by_id: Vec<u32> = (0..linked.len() as u32).collect();
        by_id.sort_unstable_by(|&x, &y| id_of(record_at(x)).cmp(id_of(record_at(y))));
        let mut rank = 0;
        for (i, &at) in by_id.iter().enumerate() {
            let before = i.checked_sub(1).and_then(|i| by_id.get(i));
            if before.is_none_or(|&b| id_of(record_at(b)) != id_of(record_at(at))) {
                rank += 1;
            }
            if let Some(slot) = rank_at.get_mut(at as usize) {
                *slot = rank;
            }
        }
    }
    let rank = |record: u32| {
        place(record)
            .and_then(|at| rank_at.get(at as usize).copied())
            .unwrap_or(0)
    };
    // Strongest first; ties broken by the pair's ids, smaller first, so the
    // result never depends on input order (nor on which record came first).
    // Each pair's ranks looked up once, beside it, not at every comparison;
    // sorted as plain numbers (one small sort in the WASM builds, not a
    // sort of its own for each order).
    let mut keyed: Vec<u128> = pairs
        .iter()
        .zip(0..u32::MAX)
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
    let mut sets = DisjointSets::new(linked.len());
    let mut members: std::collections::HashMap<u32, Vec<u32>> = std::collections::HashMap::new();
    for (a, b, _) in pairs {
        // A record out of range is in no place: its link is left out.
        let (Some(place_a), Some(place_b)) = (place(a), place(b)) else {
            continue;
        };
        let (ra, rb) = (sets.find(place_a), sets.find(place_b));
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
        sets.union(place_a, place_b);
        members.insert(sets.find(place_a), joined);
    }
    // Members by id, then number; groups by their first id, then its
    // record's number (never by where the map kept them): as numbers again.
    let groups: Vec<Vec<u32>> = members
        .into_values()
        .map(|group| {
            let mut keys: Vec<u64> = group
                .iter()
                .map(|&m| u64::from(rank(m)) << 32 | u64::from(m))
                .collect();
            keys.sort_unstable();
            keys.into_iter().map(|key| key as u32).collect()
        })
        .collect();
    let mut firsts: Vec<u128> = (0..u32::MAX)
        .zip(&groups)
        .map(|(at, group)| {
            let first = group.first().copied().unwrap_or(0);
            u128::from(rank(first)) << 64 | u128::from(first) << 32 | u128::from(at)
        })
        .collect();
    firsts.sort_unstable();
    let order = firsts.into_iter().map(|key| key as u32);
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

    /// The clustering as it was before its sorts compared ranks (stop 41):
    /// stable sorts by score, then by the ids themselves.
    fn by_ids_as_before<'a>(
        n: usize,
        mut pairs: Vec<(u32, u32, f32)>,
        compatible: impl Fn(u32, u32) -> bool,
        id_of: impl Fn(u32) -> &'a str,
    ) -> Vec<Vec<u32>> {
        let ids = |(a, b, _): &(u32, u32, f32)| {
            let (x, y) = (id_of(*a), id_of(*b));
            (x.min(y), x.max(y))
        };
        pairs.sort_by(|x, y| y.2.total_cmp(&x.2).then_with(|| ids(x).cmp(&ids(y))));
        let mut sets = DisjointSets::new(n);
        let mut members: std::collections::HashMap<u32, Vec<u32>> = Default::default();
        for (a, b, _) in pairs {
            let (ra, rb) = (sets.find(a), sets.find(b));
            if ra == rb {
                continue;
            }
            let group_a = members.get(&ra).map_or(vec![a], Vec::clone);
            let group_b = members.get(&rb).map_or(vec![b], Vec::clone);
            if group_a.len() + group_b.len() > MAX_CLUSTER_SIZE
                || !group_a.iter().all(|&x| {
                    group_b
                        .iter()
                        .all(|&y| (x == a && y == b) || compatible(x, y))
                })
            {
                continue;
            }
            members.remove(&ra);
            members.remove(&rb);
            sets.union(a, b);
            members.insert(sets.find(a), [group_a, group_b].concat());
        }
        let mut groups: Vec<Vec<u32>> = members.into_values().collect();
        for group in &mut groups {
            group.sort_by(|&a, &b| id_of(a).cmp(id_of(b)));
        }
        groups.sort_by(|a, b| id_of(a[0]).cmp(id_of(b[0])));
        groups
    }

    proptest::proptest! {
        /// Any links, scores tied or not (infinite for a clerk's decision,
        /// NaN), ids in record order or not: the same groups in the same
        /// order as the sorts by id gave; where ids repeat, the same groups.
        #[test]
        fn ranks_group_as_the_ids_did(
            n in 2usize..14,
            links in proptest::collection::vec((0u32..14, 0u32..14, 0usize..5), 0..40),
            ids in proptest::collection::vec("[a-d]{0,2}", 14),
            apart in proptest::collection::vec((0u32..14, 0u32..14), 0..6),
        ) {
            let scores = [20.0, 20.0, 17.5, f32::INFINITY, f32::NAN];
            let links: Vec<(u32, u32, f32)> = links
                .into_iter()
                .filter(|&(a, b, _)| a != b && (a as usize) < n && (b as usize) < n)
                .map(|(a, b, s)| (a, b, scores[s]))
                .collect();
            let compatible = |x: u32, y: u32| {
                !apart.contains(&(x, y)) && !apart.contains(&(y, x))
            };
            let id_of = |i: u32| ids[i as usize].as_str();
            let new = checked_components(n, links.clone(), compatible, id_of);
            let old = by_ids_as_before(n, links, compatible, id_of);
            let unique = {
                let mut seen: Vec<&str> = ids[..n].iter().map(String::as_str).collect();
                seen.sort_unstable();
                seen.windows(2).all(|w| w[0] != w[1])
            };
            if unique {
                proptest::prop_assert_eq!(new, old);
            } else {
                let sets = |groups: Vec<Vec<u32>>| {
                    let mut sets: Vec<Vec<u32>> = groups
                        .into_iter()
                        .map(|mut g| {
                            g.sort_unstable();
                            g
                        })
                        .collect();
                    sets.sort_unstable();
                    sets
                };
                proptest::prop_assert_eq!(sets(new), sets(old));
            }
        }
    }

    #[test]
    fn records_with_one_id_come_in_the_order_of_their_numbers() {
        let ids = ["a", "a", "b"];
        let pairs = vec![(2, 0, 20.0), (1, 2, 30.0)];
        let groups = checked_components(3, pairs, |_, _| true, |i| ids[i as usize]);
        assert_eq!(groups, vec![vec![0, 1, 2]]);
    }

    #[test]
    fn a_link_to_a_record_out_of_range_is_left_out() {
        let ids = ["a", "b", "c"];
        let pairs = vec![(0, 7, 30.0), (1, 2, 20.0), (9, 2, 40.0)];
        let groups = checked_components(
            3,
            pairs,
            |_, _| true,
            |i| ids.get(i as usize).copied().unwrap_or(""),
        );
        assert_eq!(groups, vec![vec![1, 2]]);
    }

    #[test]
    fn no_pairs_no_groups() {
        let groups = checked_components(3, Vec::new(), |_, _| true, |_| "x");
        assert!(groups.is_empty());
    }
}
