//! `kgpin check`: one report per PIN, human-readable or JSON lines.

use std::io::{self, BufRead, IsTerminal, Write};
use std::process::ExitCode;

use clap::Args;
use kgpin::messages::{local_date, report_label, sex_name, ReportLabel};
use kgpin::pin::Stated;
use kgpin::{CheckReport, Date, Lang, Sex};

use crate::common::Common;

#[derive(Args)]
pub struct CheckArgs {
    /// `--json` prints one JSON object per input (JSON lines).
    #[command(flatten)]
    common: Common,
    /// The person's sex, to compare with the PIN's sex digit (F or M).
    #[arg(long, value_name = "F|M")]
    sex: Option<Sex>,
    /// The person's date of birth, to compare with the PIN's (YYYY-MM-DD).
    #[arg(long, value_name = "YYYY-MM-DD")]
    birth_date: Option<Date>,
    /// PINs to check; when none are given, each line of standard input is one.
    #[arg(value_name = "PIN")]
    pins: Vec<String>,
}

pub fn run(args: CheckArgs) -> ExitCode {
    let today = match args.common.today() {
        Ok(today) => today,
        Err(message) => return crate::usage_error(&message),
    };
    // (A reading found `--birth-date 2082-02-02` answered "only the year differs".)
    if let Err(message) = crate::common::refuse_future_birth_date(args.birth_date, today) {
        return crate::usage_error(&message);
    }
    let lang = args.common.lang();
    let stated = Stated {
        sex: args.sex,
        birth_date: args.birth_date,
    };
    let inputs: Vec<String> = if args.pins.is_empty() {
        // Line by line as bytes: one line that is not UTF-8 is reported as
        // that line's bad character (U+FFFD), not an abort of the whole batch.
        let mut lines = Vec::new();
        for line in io::stdin().lock().split(b'\n') {
            match line {
                Ok(bytes) => {
                    let bytes = bytes.strip_suffix(b"\r").unwrap_or(&bytes);
                    lines.push(String::from_utf8_lossy(bytes).into_owned());
                }
                Err(error) => {
                    eprintln!("kgpin: cannot read standard input: {error}");
                    return ExitCode::from(2);
                }
            }
        }
        lines
    } else {
        args.pins
    };
    let reports: Vec<CheckReport> = inputs
        .iter()
        .map(|input| CheckReport::new(input, today, &stated, lang))
        .collect();

    let stdout = io::stdout();
    let colour = stdout.is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let mut out = io::BufWriter::new(stdout.lock());
    let written = if args.common.json {
        write_json(&mut out, &reports)
    } else {
        write_human(&mut out, &reports, lang, colour)
    };
    if let Err(error) = written.and_then(|_| out.flush()) {
        if error.kind() != io::ErrorKind::BrokenPipe {
            eprintln!("kgpin: cannot write the output: {error}");
            return ExitCode::from(2);
        }
    }
    if reports.iter().all(|r| r.valid) {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

fn write_json(out: &mut impl Write, reports: &[CheckReport]) -> io::Result<()> {
    for report in reports {
        serde_json::to_writer(&mut *out, report)?;
        writeln!(out)?;
    }
    Ok(())
}

struct Style {
    on: bool,
}

impl Style {
    fn paint(&self, code: &str, text: &str) -> String {
        if self.on {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }
}

fn write_human(
    out: &mut impl Write,
    reports: &[CheckReport],
    lang: Lang,
    colour: bool,
) -> io::Result<()> {
    let style = Style { on: colour };
    let width = reports
        .iter()
        .map(|r| r.input.chars().count())
        .max()
        .unwrap_or(0);
    for report in reports {
        let (mark, colour_code) = match report.verdict() {
            ReportLabel::Valid => ("✔", "32"),
            ReportLabel::ValidWithWarnings => ("!", "33"),
            _ => ("✘", "31"),
        };
        let verdict = report_label(report.verdict(), lang);
        let padding = " ".repeat(width - report.input.chars().count());
        write!(
            out,
            "{} {}{}  {}",
            style.paint(colour_code, mark),
            report.input,
            padding,
            style.paint(colour_code, verdict)
        )?;
        if let (Some(sex), Some(born), Some(serial)) =
            (report.sex, report.birth_date, &report.serial)
        {
            write!(
                out,
                "  {}: {}  {}: {}  {}: {}",
                report_label(ReportLabel::Sex, lang),
                sex_name(sex, lang),
                report_label(ReportLabel::BirthDate, lang),
                local_date(born),
                report_label(ReportLabel::Serial, lang),
                serial
            )?;
        }
        writeln!(out)?;
        for error in &report.errors {
            let code = style.paint("31", error.finding.code());
            writeln!(out, "    {code}: {}", error.message)?;
        }
        for warning in &report.warnings {
            let code = style.paint("33", warning.finding.code());
            writeln!(out, "    {code}: {}", warning.message)?;
        }
    }
    Ok(())
}
