//! `kgpin synth`: a synthetic registry and its truth.

use std::fs::File;
use std::io::BufWriter;
use std::path::PathBuf;

use clap::{Args, ValueEnum};
use kgpin_synth::synth::{generate, Options, Profile, Row};

/// The population drawn (`kgpin synth --profile`).
#[derive(Clone, Copy, ValueEnum)]
enum ProfileArg {
    /// Varied names; namesakes and twins at everyday rates.
    Standard,
    /// As hard as the country: a heavy head of popular names, villages that
    /// share a few surnames and fathers' names, namesakes born days apart.
    Country,
}

#[derive(Args)]
pub struct SynthArgs {
    /// Number of distinct people (entities); records are about 12% more.
    #[arg(long, default_value_t = 10_000)]
    people: usize,
    /// Seed: the same seed writes the same files.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Which population to draw.
    #[arg(long, value_enum, default_value = "standard")]
    profile: ProfileArg,
    /// The registry CSV to write.
    #[arg(long)]
    out: PathBuf,
    /// The truth CSV to write: record_id, entity_id, kind (original, a
    /// duplicate's labels, or a hard negative's kind), related_entity.
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
        profile: match args.profile {
            ProfileArg::Standard => Profile::Standard,
            ProfileArg::Country => Profile::Country,
        },
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
            .write_record(["record_id", "entity_id", "kind", "related_entity"])
            .map_err(failed)?;
        for row in &rows {
            truth
                .write_record([
                    &row.record_id,
                    &row.entity_id,
                    &row.kind,
                    &row.related_entity,
                ])
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
