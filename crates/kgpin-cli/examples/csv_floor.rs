//! The floor under `kgpin dedupe`'s read stage: how long the `csv` crate
//! alone takes to parse the same file into borrowed fields, touching every
//! byte of every field and nothing more (no decoding, no names, no dates).
//! `scripts/bench.sh` prints it beside every run; issue 18 asks for a read
//! stage of at most 3x this.
//!
//! Usage: `cargo run --release -p kgpin-cli --example csv_floor -- FILE.csv`

use std::time::Instant;

fn main() -> Result<(), String> {
    let path = std::env::args().nth(1).ok_or("usage: csv_floor FILE.csv")?;
    let bytes = std::fs::read(&path).map_err(|e| format!("cannot read {path}: {e}"))?;
    let started = Instant::now();
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(bytes.as_slice());
    let mut record = csv::ByteRecord::new();
    let (mut rows, mut checksum) = (0u64, 0u64);
    while reader
        .read_byte_record(&mut record)
        .map_err(|e| format!("{path}: {e}"))?
    {
        rows += 1;
        for field in record.iter() {
            checksum = checksum.wrapping_add(field.len() as u64);
        }
    }
    let seconds = started.elapsed().as_secs_f64();
    println!("csv floor: {rows} rows parsed in {seconds:.2} s (the csv crate alone; checksum {checksum})");
    Ok(())
}
