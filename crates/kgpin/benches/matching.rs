//! Criterion benchmarks of the matching pipeline's stages, on `kgpin synth` data.
//!
//! `cargo bench -p kgpin --features parallel` (all) or add a filter, e.g. `-- query`.
//! KGPIN_BENCH_PEOPLE sets the size of the query index (default 1,000,000 people).

// A benchmark of generated data has nothing to recover from.
#![allow(clippy::expect_used)]

use criterion::{black_box, criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use kgpin::matching::{blocking, compare, dedupe, index::Index, Batch, Options, Person};
use kgpin::names::name_forms;
use kgpin::registry::Registry;
use kgpin_synth::synth::{generate, to_csv, Options as SynthOptions};

fn registry(people: usize, seed: u64) -> Registry {
    let rows = generate(SynthOptions::new(people, seed));
    Registry::from_csv(to_csv(&rows).as_bytes()).expect("synthetic CSV reads")
}

fn normalise(c: &mut Criterion) {
    let registry = registry(2_000, 1);
    let names: Vec<&str> = registry
        .records
        .iter()
        .flat_map(|r| [r.last_name.as_str(), r.first_name.as_str()])
        .collect();
    let mut group = c.benchmark_group("normalise");
    group.throughput(Throughput::Elements(names.len() as u64));
    group.bench_function("name_forms", |b| {
        b.iter(|| {
            names
                .iter()
                .map(|n| name_forms(black_box(n)).0.len())
                .sum::<usize>()
        })
    });
    group.finish();
}

fn comparison(c: &mut Criterion) {
    let registry = registry(20_000, 2);
    let batch = Batch::of(&registry.records);
    let pairs = kgpin::matching::candidate_pairs(&batch.prepared).pairs;
    let mut group = c.benchmark_group("compare");
    group.throughput(Throughput::Elements(pairs.len() as u64));
    group.bench_function("score candidate pairs", |b| {
        b.iter(|| {
            pairs
                .iter()
                .map(|&(x, y)| {
                    compare::score(
                        &batch.vocabulary,
                        &batch.prepared[x as usize],
                        &batch.prepared[y as usize],
                    )
                })
                .filter(|s| *s > 0.0)
                .count()
        })
    });
    group.finish();
}

fn blocking_keys(c: &mut Criterion) {
    let registry = registry(20_000, 3);
    let batch = Batch::of(&registry.records);
    let mut group = c.benchmark_group("blocking");
    group.throughput(Throughput::Elements(batch.len() as u64));
    group.bench_function("keys", |b| {
        let mut keys = Vec::with_capacity(16);
        b.iter(|| {
            let mut total = 0;
            for r in &batch.prepared {
                keys.clear();
                blocking::keys(r, &mut keys);
                total += keys.len();
            }
            total
        })
    });
    group.bench_function("candidate pairs", |b| {
        b.iter(|| {
            kgpin::matching::candidate_pairs(black_box(&batch.prepared))
                .pairs
                .len()
        })
    });
    group.finish();
}

fn pipeline(c: &mut Criterion) {
    let registry = registry(20_000, 4);
    let mut group = c.benchmark_group("pipeline");
    group.sample_size(10);
    group.throughput(Throughput::Elements(registry.records.len() as u64));
    group.bench_function("dedupe 20k people", |b| {
        b.iter(|| {
            dedupe(&registry.records, &Options::default(), &mut |_| {})
                .clusters
                .len()
        })
    });
    group.finish();
}

fn query(c: &mut Criterion) {
    let people = std::env::var("KGPIN_BENCH_PEOPLE")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(1_000_000);
    let registry = registry(people, 5);
    let index = Index::build(&registry.records, Options::default());
    let queries: Vec<Person> = registry
        .records
        .iter()
        .step_by(997)
        .take(500)
        .map(|r| Person {
            last_name: r.last_name.clone(),
            first_name: r.first_name.clone(),
            patronymic: Some(r.patronymic.clone()),
            birth_date: r.birth_date,
            sex: r.sex,
            pins: vec![r.pin_text.clone()],
        })
        .collect();
    drop(registry);
    let mut group = c.benchmark_group("query");
    let mut next = 0;
    group.bench_function(format!("candidates in a {people}-person index"), |b| {
        b.iter_batched(
            || {
                next = (next + 1) % queries.len();
                &queries[next]
            },
            |person| index.candidates(person, 10).len(),
            BatchSize::SmallInput,
        )
    });
    group.finish();
}

criterion_group!(
    benches,
    normalise,
    comparison,
    blocking_keys,
    pipeline,
    query
);
criterion_main!(benches);
