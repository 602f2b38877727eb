//! `kgpin dedupe`: registry extract in, clusters and explained pairs out.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{BufWriter, IsTerminal};
use std::path::PathBuf;
use std::time::Instant;

use clap::Args;
use indicatif::{ProgressBar, ProgressStyle};
use kgpin::matching::{dedupe_batch, weights, Batch, Kind, Options, Progress, Stage};
use kgpin::registry::Registry;

#[derive(Args)]
pub struct DedupeArgs {
    /// The registry extract (CSV: UTF-8 or Windows-1251, ',' or ';').
    input: PathBuf,
    /// Where to write clusters: cluster_id,record_id (+ the input's extra columns).
    #[arg(long)]
    clusters: PathBuf,
    /// Where to write the pairs: record_id_a,record_id_b,score,kind,reasons.
    #[arg(long)]
    pairs: Option<PathBuf>,
    /// Where to write every row problem: line,record_id,code,detail.
    #[arg(long)]
    diagnostics: Option<PathBuf>,
    /// Score (bits of evidence) from which a pair is taken for one person.
    #[arg(long, default_value_t = weights::DEFAULT_THRESHOLD)]
    threshold: f32,
    /// Pass the input's extra columns through to the clusters file.
    #[arg(long)]
    with_columns: bool,
}

fn create(path: &PathBuf) -> Result<csv::Writer<BufWriter<File>>, String> {
    let file = File::create(path).map_err(|e| format!("cannot create {}: {e}", path.display()))?;
    Ok(csv::Writer::from_writer(BufWriter::with_capacity(
        1 << 20,
        file,
    )))
}

fn write_error(e: impl std::fmt::Display) -> String {
    format!("cannot write the output: {e}")
}

pub fn run(args: DedupeArgs) -> Result<(), String> {
    let started = Instant::now();
    let bytes = std::fs::read(&args.input)
        .map_err(|e| format!("cannot read {}: {e}", args.input.display()))?;
    // Records are prepared chunk by chunk as they are read; only their ids
    // (and extra columns, if asked for) are kept.
    let mut batch = Batch::default();
    let mut extras: Vec<Vec<String>> = Vec::new();
    let registry = Registry::read_csv_in_chunks(&bytes, |records| {
        batch.add(&records);
        if args.with_columns {
            extras.extend(records.into_iter().map(|r| r.extra));
        }
    })
    .map_err(|e| format!("{}: {e} ({})", args.input.display(), e.code()))?;
    drop(bytes);
    batch.finish();
    let read_time = started.elapsed();

    let bar = if std::io::stderr().is_terminal() {
        let bar = ProgressBar::new(0);
        bar.set_style(
            ProgressStyle::with_template("{msg:>9} [{bar:40}] {pos}/{len} {elapsed}")
                .unwrap_or_else(|_| ProgressStyle::default_bar())
                .progress_chars("=> "),
        );
        bar
    } else {
        ProgressBar::hidden()
    };
    let options = Options {
        threshold: args.threshold,
    };
    let mut stages: Vec<(Stage, std::time::Duration)> = Vec::new();
    let result = dedupe_batch(&batch, &options, &mut |p: Progress| {
        if stages.last().map(|(stage, _)| *stage) != Some(p.stage) {
            stages.push((p.stage, started.elapsed()));
        }
        bar.set_message(match p.stage {
            Stage::Prepare => "prepare",
            Stage::Block => "block",
            Stage::Compare => "compare",
            Stage::Cluster => "cluster",
        });
        bar.set_length(p.total);
        bar.set_position(p.done);
    });
    bar.finish_and_clear();

    let id_of = |i: u32| &*batch.record_ids[i as usize];
    let mut out = create(&args.clusters)?;
    let mut header = vec!["cluster_id".to_string(), "record_id".to_string()];
    if args.with_columns {
        header.extend(registry.extra_columns.iter().cloned());
    }
    out.write_record(&header).map_err(write_error)?;
    for cluster in &result.clusters {
        for &m in &cluster.members {
            let mut row = vec![cluster.id.as_str(), id_of(m)];
            if let Some(extra) = extras.get(m as usize) {
                row.extend(extra.iter().map(String::as_str));
            }
            out.write_record(&row).map_err(write_error)?;
        }
    }
    out.flush().map_err(write_error)?;

    if let Some(path) = &args.pairs {
        let mut out = create(path)?;
        out.write_record(["record_id_a", "record_id_b", "score", "kind", "reasons"])
            .map_err(write_error)?;
        for pair in &result.pairs {
            let reasons: Vec<&str> = pair.reasons.iter().map(|(r, _)| r.code()).collect();
            out.write_record([
                id_of(pair.a),
                id_of(pair.b),
                &format!("{:.1}", pair.score),
                pair.kind.code(),
                &reasons.join(";"),
            ])
            .map_err(write_error)?;
        }
        out.flush().map_err(write_error)?;
    }

    if let Some(path) = &args.diagnostics {
        let mut out = create(path)?;
        out.write_record(["line", "record_id", "code", "detail"])
            .map_err(write_error)?;
        for d in &registry.diagnostics {
            let detail = serde_json::to_string(&d.problem).map_err(write_error)?;
            out.write_record([
                d.line.to_string().as_str(),
                d.record_id.as_deref().unwrap_or(""),
                d.problem.code(),
                &detail,
            ])
            .map_err(write_error)?;
        }
        out.flush().map_err(write_error)?;
    }

    // The summary: every row accounted for.
    let mut rejected: BTreeMap<&str, u64> = BTreeMap::new();
    let mut field_problems: BTreeMap<&str, u64> = BTreeMap::new();
    for d in &registry.diagnostics {
        let counts = if d.problem.rejects_row() {
            &mut rejected
        } else {
            &mut field_problems
        };
        *counts.entry(d.problem.code()).or_default() += 1;
    }
    let rejected_total: u64 = rejected.values().sum();
    let mut by_kind: BTreeMap<&str, (u64, u64)> = BTreeMap::new();
    for c in &result.clusters {
        let entry = by_kind.entry(c.kind.code()).or_default();
        entry.0 += 1;
        entry.1 += c.members.len() as u64;
    }
    let shared = result
        .pairs
        .iter()
        .filter(|p| p.kind == Kind::PinSharedByDifferentPeople)
        .count();
    eprintln!("kgpin dedupe: {}", args.input.display());
    eprintln!(
        "  rows read        {} ({} matched, {} rejected)",
        registry.rows_read,
        batch.len(),
        rejected_total
    );
    for (code, n) in &rejected {
        eprintln!("    rejected {code}: {n}");
    }
    for (code, n) in &field_problems {
        eprintln!("    kept, field unusable {code}: {n}");
    }
    eprintln!("  pairs compared   {}", result.stats.candidate_pairs);
    if result.stats.oversized_blocks_skipped > 0 {
        eprintln!(
            "  blocks too large to compare pairwise (skipped) {}",
            result.stats.oversized_blocks_skipped
        );
    }
    for (kind, (clusters, members)) in &by_kind {
        eprintln!("  clusters {kind}: {clusters} ({members} records)");
    }
    eprintln!("  pairs pin_shared_by_different_people: {shared}");
    let total = started.elapsed();
    let mut breakdown = vec![format!("read {read_time:.2?}")];
    let ends = stages.iter().skip(1).map(|(_, at)| *at).chain([total]);
    for ((stage, start), end) in stages.iter().zip(ends) {
        breakdown.push(format!("{stage:?} {:.2?}", end.saturating_sub(*start)).to_lowercase());
    }
    eprintln!("  time             {total:.2?} ({})", breakdown.join(", "));
    Ok(())
}
