//! `kgpin eval`: pairwise precision, recall and F1 of clusters against the truth.

use std::collections::HashMap;
use std::path::PathBuf;

use clap::Args;

#[derive(Args)]
pub struct EvalArgs {
    /// The truth: record_id,entity_id.
    #[arg(long)]
    truth: PathBuf,
    /// The clusters: cluster_id,record_id (as `kgpin dedupe` writes them).
    #[arg(long)]
    clusters: PathBuf,
    /// Print JSON instead of text.
    #[arg(long)]
    json: bool,
}

/// Reads two named columns of a CSV file into (key, value) strings.
fn read_columns(path: &PathBuf, key: &str, value: &str) -> Result<Vec<(String, String)>, String> {
    let mut reader =
        csv::Reader::from_path(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let headers = reader.headers().map_err(|e| e.to_string())?.clone();
    let find = |name: &str| {
        headers
            .iter()
            .position(|h| h.trim().eq_ignore_ascii_case(name))
            .ok_or_else(|| format!("{} has no column {name}", path.display()))
    };
    let (k, v) = (find(key)?, find(value)?);
    let mut out = Vec::new();
    for (i, row) in reader.records().enumerate() {
        let row = row.map_err(|e| format!("{}: {e}", path.display()))?;
        match (row.get(k), row.get(v)) {
            (Some(a), Some(b)) => out.push((a.to_string(), b.to_string())),
            _ => return Err(format!("{}: row {} lacks a column", path.display(), i + 2)),
        }
    }
    Ok(out)
}

pub fn run(args: EvalArgs) -> Result<(), String> {
    let truth_rows = read_columns(&args.truth, "record_id", "entity_id")?;
    let cluster_rows = read_columns(&args.clusters, "record_id", "cluster_id")?;
    let truth: HashMap<&str, &str> = truth_rows
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    let clusters: HashMap<&str, &str> = cluster_rows
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    let unknown = clusters.keys().filter(|r| !truth.contains_key(*r)).count();
    if unknown > 0 {
        eprintln!("kgpin eval: {unknown} clustered records are not in the truth and are ignored");
    }
    let s = kgpin_synth::eval::pairwise(&truth, &clusters);
    if args.json {
        println!("{}", serde_json::to_string(&s).map_err(|e| e.to_string())?);
    } else {
        println!(
            "precision {:.4}  recall {:.4}  F1 {:.4}",
            s.precision, s.recall, s.f1
        );
        println!(
            "pairs: {} true positive, {} predicted, {} true",
            s.true_positive_pairs, s.predicted_pairs, s.true_pairs
        );
    }
    Ok(())
}
