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
    mut pairs: Vec<(u32, u32, f32)>,
    compatible: impl Fn(u32, u32) -> bool,
    id_of: impl Fn(u32) -> &'a str,
) -> Vec<Vec<u32>> {
    // Strongest first; ties broken by the pair's ids, smaller first, so the
    // result never depends on input order (nor on which record came first).
    let ids = |(a, b, _): &(u32, u32, f32)| {
        let (x, y) = (id_of(*a), id_of(*b));
        (x.min(y), x.max(y))
    };
    pairs.sort_by(|x, y| y.2.total_cmp(&x.2).then_with(|| ids(x).cmp(&ids(y))));
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
    let mut groups: Vec<Vec<u32>> = members.into_values().collect();
    for group in &mut groups {
        group.sort_by(|&a, &b| id_of(a).cmp(id_of(b)));
    }
    groups.sort_by(|a, b| id_of(a[0]).cmp(id_of(b[0])));
    groups
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
    fn no_pairs_no_groups() {
        let groups = checked_components(3, Vec::new(), |_, _| true, |_| "x");
        assert!(groups.is_empty());
    }
}
