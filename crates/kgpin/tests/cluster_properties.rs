//! Properties of clustering on generated registries: the clusters depend on
//! the records, not on their order, and a record unrelated to anyone never
//! splits a cluster.

// A test fails by panicking.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeSet;

use kgpin::matching::{dedupe, Options};
use kgpin::registry::Registry;
use kgpin_synth::synth::{generate, to_csv, Options as SynthOptions, Row};
use proptest::prelude::*;

/// The clusters of `rows` as sets of record_ids.
fn clusters(rows: &[Row]) -> BTreeSet<BTreeSet<String>> {
    let registry = Registry::from_csv(to_csv(rows).as_bytes()).unwrap();
    let found = dedupe(&registry.records, &Options::default(), &mut |_| {});
    found
        .clusters
        .iter()
        .map(|c| {
            c.members
                .iter()
                .map(|&m| registry.records[m as usize].record_id.clone())
                .collect()
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn shuffled_rows_give_the_same_clusters(seed in 0u64..10_000, rotate in 1usize..400) {
        let rows = generate(SynthOptions::new(400, seed));
        let mut shuffled = rows.clone();
        shuffled.reverse();
        let by = rotate % shuffled.len();
        shuffled.rotate_left(by);
        prop_assert_eq!(clusters(&rows), clusters(&shuffled));
    }

    #[test]
    fn an_unrelated_record_never_splits_a_cluster(seed in 0u64..10_000) {
        let rows = generate(SynthOptions::new(400, seed));
        let before = clusters(&rows);
        let mut more = rows.clone();
        more.push(Row {
            record_id: "UNRELATED".into(),
            pin: "29912200012345".into(),
            last_name: "Qwertyuiopov".into(),
            first_name: "Zxcvbnm".into(),
            patronymic: String::new(),
            birth_date: "2000-12-29".into(),
            sex: "M".into(),
            source: "tax".into(),
            entity_id: "X".into(),
            kind: "original".into(),
            related_entity: String::new(),
        });
        let after = clusters(&more);
        for cluster in &before {
            prop_assert!(
                after.iter().any(|c| cluster.is_subset(c)),
                "cluster {:?} was split", cluster
            );
        }
    }
}
