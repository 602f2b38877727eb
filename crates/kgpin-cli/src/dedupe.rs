//! `kgpin dedupe`: registry extract in, clusters and explained pairs out.

use std::fs::File;
use std::io::{BufWriter, IsTerminal, Read, Write};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use clap::Args;
use indicatif::{ProgressBar, ProgressStyle};
use kgpin::matching::{dedupe_batch, Batch, Options, Progress, Stage};
use kgpin::registry::Registry;
use kgpin::report::{csv as report_csv, DedupeReport, StageTime};

#[derive(Args)]
pub struct DedupeArgs {
    /// The registry extract: CSV (UTF-8 or Windows-1251, ',' or ';') or an
    /// Excel workbook (.xlsx; its first sheet unless --sheet names another).
    input: PathBuf,
    /// The workbook sheet to read (an .xlsx input only).
    #[arg(long)]
    sheet: Option<String>,
    /// Where to write clusters: cluster_id,record_id (+ the input's extra columns).
    #[arg(long)]
    clusters: Option<PathBuf>,
    /// Where to write the pairs: record_id_a,record_id_b,score,kind,reasons,settle.
    #[arg(long)]
    pairs: Option<PathBuf>,
    /// Where to write every row problem: line,record_id,code,detail.
    #[arg(long)]
    diagnostics: Option<PathBuf>,
    /// `--json` prints the whole report on standard output (the shape the
    /// WASM package's Registry.dedupe() returns).
    #[command(flatten)]
    common: crate::common::Common,
    /// Score (bits of evidence) from which a pair is taken for one person;
    /// default: 17 for up to 100,000 records, 1.6 more for each tenfold.
    #[arg(long, allow_negative_numbers = true)]
    threshold: Option<f32>,
    /// Score from which a pair below the threshold is reported as
    /// possible_same_person, for a person to decide (never clustered);
    /// default: 3 below the threshold. Pairs born the same day with nothing
    /// against them, and a woman's marriage with her first name slipped or
    /// her father's name missing, are asked about down to 3 below it; at
    /// the threshold, no pair is asked about by its score.
    #[arg(long, allow_negative_numbers = true)]
    review_threshold: Option<f32>,
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

/// Reads what the file gives next into `piece` (0: its end), trying again
/// when a signal interrupted the read.
fn read_some(file: &mut File, piece: &mut [u8]) -> std::io::Result<usize> {
    loop {
        match file.read(piece) {
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            read => return read,
        }
    }
}

pub fn run(args: DedupeArgs) -> Result<(), String> {
    let lang = args.common.lang();
    let started = Instant::now();
    let cannot_read = |e: std::io::Error| format!("cannot read {}: {e}", args.input.display());
    let mut file = File::open(&args.input).map_err(cannot_read)?;
    // Records are prepared chunk by chunk as they are read; only their ids
    // (and extra columns, if asked for) are kept.
    // Today's date: a minor's record never carries a married surname.
    let mut batch = Batch::on(Some(args.common.today()?));
    let mut extras: Vec<Vec<String>> = Vec::new();
    // A workbook is read whole (a zip's directory is at its end); a CSV file
    // a piece at a time, so that its bytes are never all in memory.
    let mut head = Vec::new();
    (&mut file)
        .take(4)
        .read_to_end(&mut head)
        .map_err(cannot_read)?;
    let workbook = kgpin::workbook::is_xlsx(&head);
    if args.sheet.is_some() && !workbook {
        return Err(format!(
            "{}: --sheet is for an Excel workbook (.xlsx); this file is not one",
            args.input.display()
        ));
    }
    let mut sheets = Vec::new();
    let mut piece = vec![0u8; 8 << 20];
    let (mut first, mut expected) = (0, 0);
    if !workbook {
        // The first piece's lines tell about how many records the file holds:
        // room for them all at once.
        first = read_some(&mut file, &mut piece).map_err(cannot_read)?;
        let size = file.metadata().map_or(0, |m| m.len());
        expected = kgpin::registry::records_estimate(piece.get(..first).unwrap_or_default(), size);
        batch.reserve(expected);
    }
    let on_records = |records: &[kgpin::registry::RecordRef<'_>]| {
        batch.add(records);
        if args.with_columns {
            extras.extend(
                records
                    .iter()
                    .map(|r| r.extra.iter().map(|e| e.to_string()).collect()),
            );
        }
    };
    let read = if workbook {
        let mut bytes = head;
        file.read_to_end(&mut bytes).map_err(cannot_read)?;
        // The sheets beside the one read, for the summary to name.
        sheets = kgpin::workbook::Workbook::open(&bytes)
            .map(|book| book.sheet_names().to_vec())
            .unwrap_or_default();
        Registry::read_xlsx_in_chunks(&bytes, args.sheet.as_deref(), on_records)
    } else {
        let mut reader = kgpin::registry::CsvPieces::new(on_records);
        reader.expect_records(expected);
        reader.push(&head);
        reader.push(piece.get(..first).unwrap_or_default());
        loop {
            match read_some(&mut file, &mut piece).map_err(cannot_read)? {
                0 => break,
                n => reader.push(piece.get(..n).unwrap_or_default()),
            }
        }
        reader.finish()
    };
    // 8 MB that the rest of the run can use.
    drop(piece);
    let registry = read.map_err(|e| {
        format!(
            "{}: {} ({})",
            args.input.display(),
            kgpin::messages::registry_error(&e, lang),
            e.code()
        )
    })?;
    batch.finish();

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
    let mut options = args.threshold.map_or_else(
        || Options::for_records(batch.len()),
        Options::with_threshold,
    );
    if let Some(review_threshold) = args.review_threshold {
        options.review_threshold = review_threshold;
    }
    let mut stages: Vec<(Stage, Duration)> = vec![(Stage::Read, Duration::ZERO)];
    let result = dedupe_batch(&batch, &options, &mut |p: Progress| {
        if stages.last().map(|(stage, _)| *stage) != Some(p.stage) {
            stages.push((p.stage, started.elapsed()));
        }
        bar.set_message(p.stage.code());
        bar.set_length(p.total);
        bar.set_position(p.done);
    });
    bar.finish_and_clear();
    stages.push((Stage::Cluster, started.elapsed()));
    // The report needs the records' ids only: the prepared records (88
    // bytes each, 640 MB at 7.3M) make room for it before it is built (it
    // was the run's peak there, 55 MB over the compare stage's).
    let record_ids = std::mem::take(&mut batch.record_ids);
    drop(batch);
    let mut report = DedupeReport::new(&registry, &record_ids, &result, &options, lang);
    let marks: Vec<(Stage, f64)> = stages
        .iter()
        .map(|&(stage, at)| (stage, at.as_secs_f64() * 1000.0))
        .collect();
    report.summary.timings = StageTime::between(&marks);
    drop(result);

    if let Some(path) = &args.clusters {
        let mut out = create(path)?;
        let mut header: Vec<String> = report_csv::CLUSTER_COLUMNS.map(String::from).to_vec();
        if args.with_columns {
            header.extend(registry.extra_columns.iter().cloned());
        }
        out.write_record(&header).map_err(write_error)?;
        let index_of: std::collections::HashMap<&str, usize> = if args.with_columns {
            record_ids
                .iter()
                .enumerate()
                .map(|(i, id)| (id, i))
                .collect()
        } else {
            Default::default()
        };
        for cluster in &report.clusters {
            for id in &cluster.record_ids {
                let mut row = vec![cluster.cluster_id.as_str(), id.as_str()];
                if let Some(extra) = index_of.get(id.as_str()).and_then(|&i| extras.get(i)) {
                    row.extend(extra.iter().map(String::as_str));
                }
                out.write_record(&row).map_err(write_error)?;
            }
        }
        out.flush().map_err(write_error)?;
    }

    if let Some(path) = &args.pairs {
        let mut out = create(path)?;
        out.write_record(report_csv::PAIR_COLUMNS)
            .map_err(write_error)?;
        for pair in &report.pairs {
            out.write_record(report_csv::pair_row(pair))
                .map_err(write_error)?;
        }
        out.flush().map_err(write_error)?;
    }

    if let Some(path) = &args.diagnostics {
        let mut out = create(path)?;
        out.write_record(["line", "record_id", "code", "detail"])
            .map_err(write_error)?;
        for d in &report.diagnostics {
            let d = &d.finding;
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

    if args.common.json {
        let stdout = std::io::stdout().lock();
        let mut out = BufWriter::with_capacity(1 << 20, stdout);
        serde_json::to_writer(&mut out, &report).map_err(write_error)?;
        writeln!(out).map_err(write_error)?;
        out.flush().map_err(write_error)?;
    }
    print_summary(&args.input, &report, &sheets, started.elapsed());
    Ok(())
}

/// The summary on standard error: every row accounted for, and the time taken.
fn print_summary(
    input: &std::path::Path,
    report: &DedupeReport,
    sheets: &[String],
    total: Duration,
) {
    let summary = &report.summary;
    let rejected_total: u64 = summary.rejected.values().sum();
    eprintln!("kgpin dedupe: {}", input.display());
    if let Some(encoding) = summary.encoding {
        eprintln!("  encoding         {}", encoding.name());
    }
    if let Some(sheet) = &summary.sheet {
        eprintln!("  sheet            {sheet} (lines are its row numbers)");
        if sheets.len() > 1 {
            eprintln!(
                "                   the workbook's sheets: {}; --sheet NAME reads another",
                sheets.join(", ")
            );
        }
    }
    eprintln!(
        "  rows read        {} ({} matched, {} rejected)",
        summary.rows_read, summary.records, rejected_total
    );
    for (code, n) in &summary.rejected {
        eprintln!("    rejected {code}: {n}");
    }
    for (code, n) in &summary.field_problems {
        eprintln!("    kept, field unusable {code}: {n}");
    }
    eprintln!("  pairs compared   {}", summary.candidate_pairs);
    for blocks in &summary.oversized_blocks {
        eprintln!(
            "  blocks over their cap, not compared pairwise: {} {} (largest {} records, cap {})",
            blocks.blocks,
            blocks.key_kind.code(),
            blocks.largest,
            blocks.cap
        );
    }
    for crowded in report.pins_on_many_records.iter().take(10) {
        eprintln!(
            "  PIN on many records (not compared pairwise) {}: {} records",
            crowded.pin,
            crowded.record_ids.len()
        );
    }
    if report.pins_on_many_records.len() > 10 {
        eprintln!(
            "  ... {} PINs on many records in all (see --json)",
            report.pins_on_many_records.len()
        );
    }
    for (kind, count) in &summary.clusters {
        eprintln!(
            "  clusters {kind}: {} ({} records)",
            count.clusters, count.records
        );
    }
    for (kind, n) in &summary.pairs {
        eprintln!("  pairs {kind}: {n}");
    }
    let breakdown: Vec<String> = summary
        .timings
        .iter()
        .map(|t| format!("{} {:.2}s", t.stage.code(), t.millis / 1000.0))
        .collect();
    eprintln!("  time             {total:.2?} ({})", breakdown.join(", "));
}
