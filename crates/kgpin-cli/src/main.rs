//! `kgpin`: the command-line face of the kgpin core.

#![forbid(unsafe_code)]

mod check;
mod common;
mod dedupe;
mod eval;
mod person;
mod synth;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "kgpin",
    version,
    about = "Kyrgyz PINs: check them, find double PINs"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check PINs given as arguments, or one per line of standard input.
    Check(check::CheckArgs),
    /// One person's PINs, each with its document: which to keep, which to correct.
    CheckPerson(person::PersonArgs),
    /// Find duplicate candidates in a registry extract (CSV) and cluster them.
    Dedupe(dedupe::DedupeArgs),
    /// Write a synthetic registry with known truth (demo and benchmark data).
    Synth(synth::SynthArgs),
    /// Score clusters against the truth: pairwise precision, recall and F1.
    Eval(eval::EvalArgs),
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            // clap exits 2 on usage errors and 0 for --help/--version.
            let _ = error.print();
            return ExitCode::from(if error.use_stderr() { 2 } else { 0 });
        }
    };
    match cli.command {
        Command::Check(args) => check::run(args),
        Command::CheckPerson(args) => person::run(args),
        Command::Dedupe(args) => report(dedupe::run(args)),
        Command::Synth(args) => report(synth::run(args)),
        Command::Eval(args) => report(eval::run(args)),
    }
}

/// Prints a command's error the same way for every command; exit status 2.
fn report(result: Result<(), String>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => usage_error(&message),
    }
}

/// A command that cannot run: its reason on standard error, exit status 2.
pub(crate) fn usage_error(message: &str) -> ExitCode {
    eprintln!("kgpin: {message}");
    ExitCode::from(2)
}
