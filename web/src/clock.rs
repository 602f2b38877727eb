//! The browser's clock: the only place the app reads the date.

use kgpin::Date;

/// Today's date in the browser's time zone.
pub fn today() -> Option<Date> {
    let now = js_sys::Date::new_0();
    Date::new(now.get_full_year(), now.get_month() + 1, now.get_date()).ok()
}

/// Now, in the browser's time zone, to the minute: `YYYY-MM-DD HH:MM`.
pub fn now_to_the_minute() -> String {
    let now = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}",
        now.get_full_year(),
        now.get_month() + 1,
        now.get_date(),
        now.get_hours(),
        now.get_minutes()
    )
}
