//! `kgpin eval`: pairwise precision, recall and F1 of clusters against the
//! truth; with a truth file that says what each row is (`kgpin synth`
//! writes one), also recall by kind of duplicate and merges of hard negatives.

use std::collections::HashMap;
use std::path::PathBuf;

use clap::Args;
use kgpin_synth::eval::{by_kind, join_pairs, pairwise, TruthRow};

#[derive(Args)]
pub struct EvalArgs {
    /// The truth: record_id, entity_id and, optionally, kind and related_entity.
    #[arg(long)]
    truth: PathBuf,
    /// The clusters: cluster_id,record_id (as `kgpin dedupe` writes them).
    #[arg(long)]
    clusters: PathBuf,
    /// The pairs (as `kgpin dedupe --pairs` writes them): also score the
    /// clusters with every `possible_same_person` pair joined, as if a person
    /// had said "same person" to the whole review band.
    #[arg(long)]
    pairs: Option<PathBuf>,
    /// Print JSON instead of text.
    #[arg(long)]
    json: bool,
}

/// Reads named columns of a CSV file, in the order asked; a column of
/// `optional` that the file lacks reads as empty.
fn read_columns(
    path: &PathBuf,
    required: &[&str],
    optional: &[&str],
) -> Result<Vec<Vec<String>>, String> {
    let mut reader =
        csv::Reader::from_path(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let headers = reader.headers().map_err(|e| e.to_string())?.clone();
    let find = |name: &str| {
        headers
            .iter()
            .position(|h| h.trim().eq_ignore_ascii_case(name))
    };
    let mut columns = Vec::new();
    for name in required {
        columns.push(Some(
            find(name).ok_or_else(|| format!("{} has no column {name}", path.display()))?,
        ));
    }
    columns.extend(optional.iter().map(|name| find(name)));
    let mut out = Vec::new();
    for (i, row) in reader.records().enumerate() {
        let row = row.map_err(|e| format!("{}: {e}", path.display()))?;
        let mut values = Vec::with_capacity(columns.len());
        for column in &columns {
            match column.map(|c| row.get(c)) {
                Some(Some(value)) => values.push(value.to_string()),
                Some(None) => {
                    return Err(format!("{}: row {} lacks a column", path.display(), i + 2))
                }
                None => values.push(String::new()),
            }
        }
        out.push(values);
    }
    Ok(out)
}

pub fn run(args: EvalArgs) -> Result<(), String> {
    let truth_rows = read_columns(
        &args.truth,
        &["record_id", "entity_id"],
        &["kind", "related_entity"],
    )?;
    let cluster_rows = read_columns(&args.clusters, &["record_id", "cluster_id"], &[])?;
    let truth: HashMap<&str, &str> = truth_rows
        .iter()
        .map(|r| (r[0].as_str(), r[1].as_str()))
        .collect();
    let clusters: HashMap<&str, &str> = cluster_rows
        .iter()
        .map(|r| (r[0].as_str(), r[1].as_str()))
        .collect();
    let unknown = clusters.keys().filter(|r| !truth.contains_key(*r)).count();
    if unknown > 0 {
        eprintln!("kgpin eval: {unknown} clustered records are not in the truth and are ignored");
    }
    let s = pairwise(&truth, &clusters);
    let kinds: Vec<TruthRow> = truth_rows
        .iter()
        .filter(|r| !r[2].is_empty())
        .map(|r| TruthRow {
            record_id: &r[0],
            entity_id: &r[1],
            kind: &r[2],
            related_entity: &r[3],
        })
        .collect();
    let (recall, merges) = by_kind(&kinds, &clusters);
    let pair_rows = match &args.pairs {
        Some(path) => read_columns(path, &["record_id_a", "record_id_b", "kind"], &[])?,
        None => Vec::new(),
    };
    let band: Vec<(&str, &str)> = pair_rows
        .iter()
        .filter(|r| r[2] == "possible_same_person")
        .map(|r| (r[0].as_str(), r[1].as_str()))
        .collect();
    let band_true = band
        .iter()
        .filter(|(a, b)| truth.get(a).is_some_and(|e| truth.get(b) == Some(e)))
        .count();
    let with_band = args
        .pairs
        .is_some()
        .then(|| pairwise(&truth, &join_pairs(&clusters, &band)));
    if args.json {
        let json = serde_json::json!({
            "pairwise": s,
            "withReviewBand": with_band,
            "reviewBandPairs": band.len(),
            "reviewBandTruePairs": band_true,
            "recallByKind": recall,
            "hardNegativesMerged": merges,
        });
        return crate::common::to_stdout(|out| writeln!(out, "{json}"))
            .map_err(|e| format!("cannot write the output: {e}"));
    }
    crate::common::to_stdout(|out| {
        writeln!(
            out,
            "precision {:.4}  recall {:.4}  F1 {:.4}",
            s.precision, s.recall, s.f1
        )?;
        writeln!(
            out,
            "pairs: {} true positive, {} predicted, {} true",
            s.true_positive_pairs, s.predicted_pairs, s.true_pairs
        )?;
        if let Some(b) = with_band {
            writeln!(
                out,
                "with the review band joined ({} pairs, {band_true} of them one person): precision {:.4}  recall {:.4}  F1 {:.4}",
                band.len(),
                b.precision,
                b.recall,
                b.f1
            )?;
        }
        if !recall.is_empty() {
            writeln!(out, "duplicates found with their person's first row, by kind:")?;
            for r in &recall {
                let share = r.found as f64 / r.rows.max(1) as f64;
                writeln!(out, "  {:<20} {:.4}  ({} of {})", r.kind, share, r.found, r.rows)?;
            }
        }
        if !merges.is_empty() {
            writeln!(out, "hard negatives merged with the person they resemble:")?;
            for m in &merges {
                writeln!(out, "  {:<20} {} of {}", m.kind, m.merged, m.rows)?;
            }
        }
        Ok(())
    })
    .map_err(|e| format!("cannot write the output: {e}"))
}
