//! Connected components of the matched pairs, with ids that do not change
//! between runs: a cluster is named by its smallest record_id.

/// Union-find with path halving and union by size.
pub struct DisjointSets {
    parent: Vec<u32>,
    size: Vec<u32>,
}

impl DisjointSets {
    pub fn new(n: usize) -> Self {
        DisjointSets {
            parent: (0..n as u32).collect(),
            size: vec![1; n],
        }
    }

    pub fn find(&mut self, mut x: u32) -> u32 {
        while self.parent[x as usize] != x {
            let grandparent = self.parent[self.parent[x as usize] as usize];
            self.parent[x as usize] = grandparent;
            x = grandparent;
        }
        x
    }

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

/// Groups of two or more record indices connected by `pairs`, each sorted by
/// `id_of`, and the groups sorted by their first (smallest) id.
pub fn components<'a>(
    n: usize,
    pairs: impl IntoIterator<Item = (u32, u32)>,
    id_of: impl Fn(u32) -> &'a str,
) -> Vec<Vec<u32>> {
    let mut sets = DisjointSets::new(n);
    let mut touched = Vec::new();
    for (a, b) in pairs {
        sets.union(a, b);
        touched.push(a);
        touched.push(b);
    }
    touched.sort_unstable();
    touched.dedup();
    let mut by_root: Vec<(u32, u32)> = touched.iter().map(|&x| (sets.find(x), x)).collect();
    by_root.sort_unstable();
    let mut groups: Vec<Vec<u32>> = Vec::new();
    let mut current_root = None;
    for (root, x) in by_root {
        if current_root != Some(root) {
            groups.push(Vec::new());
            current_root = Some(root);
        }
        if let Some(group) = groups.last_mut() {
            group.push(x);
        }
    }
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
        let groups = components(5, [(0, 2), (2, 3), (1, 4)], |i| ids[i as usize]);
        assert_eq!(groups, vec![vec![1, 4], vec![3, 0, 2]]);
    }

    #[test]
    fn no_pairs_no_groups() {
        let groups = components(3, [], |_| "x");
        assert!(groups.is_empty());
    }
}
