//! Why true pairs are missed: for a registry and its truth (as `kgpin synth`
//! writes them), every pair of records of one person that the clusters do not
//! join is put under the stage that lost it (never compared, scored too low,
//! in the review band, refused as clearly different, or cut while
//! clustering), counted by the duplicate's kind of damage, and a sample of
//! each is printed with its names, dates and reasons. For the engine's
//! developers; `kgpin eval` gives the figures users read.
//!
//! Usage: `cargo run --release -p kgpin-cli --example misses -- FILE.csv TRUTH.csv [SAMPLES] [TODAY]`
//! (`KGPIN_MISSES_KIND=KIND` samples only pairs with that kind of damage).

use std::collections::{BTreeMap, HashMap};

use kgpin::matching::record::Names;
use kgpin::matching::{self, compare, Batch, Kind, Options};
use kgpin::registry::Registry;

fn main() -> Result<(), String> {
    let mut args = std::env::args().skip(1);
    let usage = "usage: misses FILE.csv TRUTH.csv [SAMPLES] [TODAY]";
    let (file, truth_file) = (args.next().ok_or(usage)?, args.next().ok_or(usage)?);
    let samples: usize = args
        .next()
        .map_or(Ok(8), |s| s.parse())
        .map_err(|_| usage)?;
    let today = args.next().unwrap_or_else(|| "2026-12-01".into());
    let today = today.parse().map_err(|_| "TODAY is YYYY-MM-DD")?;
    let bytes = std::fs::read(&file).map_err(|e| format!("{file}: {e}"))?;
    let registry = Registry::from_csv(&bytes).map_err(|e| e.to_string())?;
    let mut batch = Batch::on(Some(today));
    batch.add(&registry.records);
    batch.finish();
    let options = Options::for_records(batch.len());
    let found = matching::dedupe_batch(&batch, &options, &mut |_| {});

    let mut truth = csv::Reader::from_path(&truth_file).map_err(|e| e.to_string())?;
    let mut entity_of: HashMap<String, (String, String)> = HashMap::new();
    for row in truth.records() {
        let row = row.map_err(|e| e.to_string())?;
        let kind = row.get(2).unwrap_or("").to_string();
        entity_of.insert(row[0].to_string(), (row[1].to_string(), kind));
    }
    let index: HashMap<&str, u32> = batch
        .record_ids
        .iter()
        .enumerate()
        .map(|(i, id)| (id, i as u32))
        .collect();
    let mut cluster_of = vec![u32::MAX; batch.len()];
    for (c, cluster) in found.clusters.iter().enumerate() {
        for &m in &cluster.members {
            cluster_of[m as usize] = c as u32;
        }
    }
    let candidates: std::collections::HashSet<(u32, u32)> =
        matching::candidate_pairs(&batch.prepared)
            .pairs
            .into_iter()
            .collect();
    let band: std::collections::HashSet<(u32, u32)> = found
        .pairs
        .iter()
        .filter(|p| p.kind == Kind::PossibleSamePerson)
        .map(|p| (p.a, p.b))
        .collect();
    let mut by_entity: BTreeMap<&str, Vec<(u32, &str)>> = BTreeMap::new();
    for (id, (entity, kind)) in &entity_of {
        if let Some(&i) = index.get(id.as_str()) {
            by_entity.entry(entity).or_default().push((i, kind));
        }
    }
    let names = &batch.vocabulary;
    // KGPIN_MISSES_KIND=marriage shows samples of that kind of damage only.
    let sampled = std::env::var("KGPIN_MISSES_KIND").ok();
    let mut counts: BTreeMap<(&str, String), u64> = BTreeMap::new();
    let mut shown: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    let mut against_counts: BTreeMap<(&str, String), u64> = BTreeMap::new();
    let (mut true_pairs, mut found_pairs) = (0u64, 0u64);
    for members in by_entity.values() {
        for (x, &(a, kind_a)) in members.iter().enumerate() {
            for &(b, kind_b) in &members[x + 1..] {
                true_pairs += 1;
                if cluster_of[a as usize] != u32::MAX
                    && cluster_of[a as usize] == cluster_of[b as usize]
                {
                    found_pairs += 1;
                    continue;
                }
                let (a, b) = (a.min(b), a.max(b));
                let (pa, pb) = (&batch.prepared[a as usize], &batch.prepared[b as usize]);
                let (score, reasons) = compare::explain(names, pa, pb);
                let stage = if band.contains(&(a, b)) {
                    "band"
                } else if !candidates.contains(&(a, b)) {
                    "never compared"
                } else if score >= options.threshold && compare::clearly_different(names, pa, pb) {
                    "clearly different"
                } else if score >= options.threshold {
                    "cut in clustering"
                } else {
                    "scored low"
                };
                let kind = if kind_b == "original" { kind_a } else { kind_b };
                if stage == "never compared" {
                    let bucket = if score >= options.threshold {
                        "would link"
                    } else if score >= options.review_threshold {
                        "would be in the band"
                    } else {
                        "would score low"
                    };
                    *against_counts
                        .entry((stage, format!("({bucket})")))
                        .or_default() += 1;
                }
                *counts.entry((stage, kind.to_string())).or_default() += 1;
                let against: Vec<&str> = reasons
                    .iter()
                    .filter(|(_, w)| *w < 0.0)
                    .map(|(r, _)| r.code())
                    .collect();
                *against_counts
                    .entry((stage, against.join("+")))
                    .or_default() += 1;
                let sample = shown.entry(stage).or_default();
                if sample.len() < samples * 4
                    && sampled.as_ref().is_none_or(|k| kind.contains(k.as_str()))
                {
                    let line = |i: u32| {
                        let r = &registry.records[i as usize];
                        let p = &batch.prepared[i as usize];
                        let n = batch.len() as f32;
                        format!(
                            "{} {} {} {} {} {}   [{}/{}{} {}{} {}{}]",
                            r.pin_text,
                            r.last_name,
                            r.first_name,
                            r.patronymic,
                            r.birth_date.map(|d| d.to_string()).unwrap_or_default(),
                            r.sex.map(|s| s.to_string()).unwrap_or_default(),
                            names.name(p.last_key),
                            names.name(p.last_stem),
                            if p.last_established { "*" } else { "" },
                            names.name(p.first_key),
                            if p.first_established { "*" } else { "" },
                            names.name(p.father),
                            if p.father_established {
                                format!("*{:.0}", p.father_freq * n)
                            } else {
                                format!("{:.0}", p.father_freq * n)
                            },
                        )
                    };
                    let why: Vec<String> = reasons
                        .iter()
                        .map(|(r, w)| format!("{}{:+}", r.code(), w))
                        .collect();
                    sample.push(format!(
                        "  [{kind}] {score:.1}\n    {}\n    {}\n    {}",
                        line(a),
                        line(b),
                        why.join(" ")
                    ));
                }
            }
        }
    }
    println!(
        "{} records, threshold {}, review {}: {found_pairs} of {true_pairs} true pairs joined (recall {:.4})",
        batch.len(),
        options.threshold,
        options.review_threshold,
        found_pairs as f64 / true_pairs.max(1) as f64
    );
    let mut by_stage: BTreeMap<&str, u64> = BTreeMap::new();
    // One missed pair counts under each kind of damage it carries, so that a
    // kind spread over many combinations shows its whole size.
    let mut by_damage: BTreeMap<(&str, String), u64> = BTreeMap::new();
    for ((stage, kinds), n) in &counts {
        *by_stage.entry(stage).or_default() += n;
        for kind in kinds.split(';') {
            *by_damage.entry(("any", kind.to_string())).or_default() += n;
            *by_damage.entry((stage, kind.to_string())).or_default() += n;
        }
    }
    println!("\nmissed, by each kind of damage a pair carries:");
    print_commonest(&by_damage, "any", 20);
    for stage in by_stage.keys() {
        println!("  in {stage}:");
        print_commonest(&by_damage, stage, 8);
    }
    for (stage, total) in &by_stage {
        println!("\n{stage}: {total}");
        print_commonest(&counts, stage, 12);
        println!("  against:");
        print_commonest(&against_counts, stage, 8);
        for line in shown
            .get(stage)
            .into_iter()
            .flatten()
            .step_by(4)
            .take(samples)
        {
            println!("{line}");
        }
    }
    Ok(())
}

/// The `most` commonest labels counted under `stage`, commonest first.
fn print_commonest(counts: &BTreeMap<(&str, String), u64>, stage: &str, most: usize) {
    let mut labels: Vec<(&String, &u64)> = counts
        .iter()
        .filter(|((s, _), _)| *s == stage)
        .map(|((_, label), n)| (label, n))
        .collect();
    labels.sort_by(|x, y| y.1.cmp(x.1));
    for (label, n) in labels.into_iter().take(most) {
        println!("  {n:6} {label}");
    }
}
