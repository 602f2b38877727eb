//! Today's date for the CLI: the only place the clock is read.

use std::time::{SystemTime, UNIX_EPOCH};

use kgpin::Date;

/// Kyrgyzstan keeps UTC+6 all year (no daylight saving time).
const BISHKEK_UTC_OFFSET_SECONDS: i64 = 6 * 3600;

/// Today's date in Bishkek, or `None` if the system clock is unusable.
pub fn today_in_bishkek() -> Option<Date> {
    let seconds = SystemTime::now().duration_since(UNIX_EPOCH).ok()?.as_secs();
    let seconds = i64::try_from(seconds).ok()? + BISHKEK_UTC_OFFSET_SECONDS;
    Date::from_days_since_epoch(seconds.div_euclid(86_400))
}
