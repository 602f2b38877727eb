//! `kgpin synth`: a synthetic registry and its truth.

use std::fs::File;
use std::io::BufWriter;
use std::path::PathBuf;

use clap::Args;
use kgpin_synth::synth::{generate, Options, Row};

#[derive(Args)]
pub struct SynthArgs {
    /// Number of distinct people (entities); records are about 12% more.
    #[arg(long, default_value_t = 10_000)]
    people: usize,
    /// Seed: the same seed writes the same files.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// The registry CSV to write.
    #[arg(long)]
    out: PathBuf,
    /// The truth CSV to write: record_id,entity_id.
    #[arg(long)]
    truth: Option<PathBuf>,
}

fn writer(path: &PathBuf) -> Result<csv::Writer<BufWriter<File>>, String> {
    let file = File::create(path).map_err(|e| format!("cannot create {}: {e}", path.display()))?;
    Ok(csv::Writer::from_writer(BufWriter::new(file)))
}

pub fn run(args: SynthArgs) -> Result<(), String> {
    let rows = generate(Options {
        people: args.people,
        seed: args.seed,
    });
    let failed = |e: csv::Error| format!("cannot write: {e}");
    let mut out = writer(&args.out)?;
    out.write_record(Row::header()).map_err(failed)?;
    for row in &rows {
        out.write_record(row.fields()).map_err(failed)?;
    }
    out.flush().map_err(|e| e.to_string())?;
    if let Some(path) = &args.truth {
        let mut truth = writer(path)?;
        truth
            .write_record(["record_id", "entity_id"])
            .map_err(failed)?;
        for row in &rows {
            truth
                .write_record([&row.record_id, &row.entity_id])
                .map_err(failed)?;
        }
        truth.flush().map_err(|e| e.to_string())?;
    }
    eprintln!(
        "kgpin synth: {} records of {} people written to {}",
        rows.len(),
        args.people,
        args.out.display()
    );
    Ok(())
}
