//! What every command that reports takes alike: the language, the date and
//! JSON output (one definition, flattened into each command), the only
//! place the clock is read, and how a report reaches standard output.

use std::io::{self, Write};
use std::time::{SystemTime, UNIX_EPOCH};

use clap::Args;
use kgpin::{Date, Lang};

/// The flags `check`, `check-person` and `dedupe` share.
#[derive(Args, Debug, Clone)]
pub struct Common {
    /// Language of the messages: ky, ru or en (default: from LANG, else en).
    #[arg(long, value_name = "ky|ru|en")]
    lang: Option<Lang>,
    /// Today's date (YYYY-MM-DD), for future birth dates, ages and the rule
    /// that a girl under 18 has no married surname; default: today in
    /// Bishkek. Fix it to reproduce a run.
    #[arg(long, value_name = "YYYY-MM-DD")]
    today: Option<Date>,
    /// Print JSON (the shapes the WASM package returns) instead of text.
    #[arg(long)]
    pub json: bool,
}

impl Common {
    /// The language chosen, else the environment's (`LANG=ru_RU.UTF-8`), else English.
    pub fn lang(&self) -> Lang {
        self.lang.unwrap_or_else(|| {
            std::env::var("LANG")
                .ok()
                .and_then(|l| l.get(..2).and_then(|code| code.parse().ok()))
                .unwrap_or_default()
        })
    }

    /// The date given, else today in Bishkek; an error when the clock is unusable.
    pub fn today(&self) -> Result<Date, String> {
        self.today
            .or_else(today_in_bishkek)
            .ok_or_else(|| "the system clock is unusable; pass --today YYYY-MM-DD".into())
    }
}

/// A date of birth after today is a slip to fix, not a date to judge
/// numbers by: the usage error that says so (`check` and `check-person`).
pub fn refuse_future_birth_date(born: Option<Date>, today: Date) -> Result<(), String> {
    match born.filter(|born| *born > today) {
        Some(born) => Err(format!("--birth-date {born} is after today ({today})")),
        None => Ok(()),
    }
}

/// Today's date in Bishkek, or `None` if the system clock is unusable.
fn today_in_bishkek() -> Option<Date> {
    let seconds = SystemTime::now().duration_since(UNIX_EPOCH).ok()?.as_secs();
    Date::in_bishkek_at(i64::try_from(seconds).ok()?)
}

/// Writes a command's report to standard output through `write`. A reader
/// that stopped reading (`kgpin eval ... | head`) ends the report quietly,
/// as `kgpin check` does, instead of `println!`'s panic; any other failure
/// is returned.
pub fn to_stdout(write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> io::Result<()> {
    let mut out = io::BufWriter::new(io::stdout().lock());
    match write(&mut out).and_then(|()| out.flush()) {
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}
