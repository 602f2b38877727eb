//! Today's date for the CLI: the only place the clock is read.

use std::time::{SystemTime, UNIX_EPOCH};

use kgpin::Date;

/// Today's date in Bishkek, or `None` if the system clock is unusable.
pub fn today_in_bishkek() -> Option<Date> {
    let seconds = SystemTime::now().duration_since(UNIX_EPOCH).ok()?.as_secs();
    Date::in_bishkek_at(i64::try_from(seconds).ok()?)
}
