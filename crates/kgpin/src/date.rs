//! A calendar date that is always real (no 31 April, no 29 February 1900).
//!
//! The core never reads the clock: "today" is always passed in as a [`Date`],
//! so every check is deterministic and testable.

use std::fmt;
use std::str::FromStr;

/// A proleptic Gregorian calendar date, valid by construction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    // Field order matters: the derived `Ord` compares year, then month, then day.
    year: u16,
    /// Never 0, so that an `Option<Date>` takes no more room than a date
    /// (4 bytes, not 6: a million records keep two each).
    month: std::num::NonZeroU8,
    day: u8,
}

/// Why a text or a triple of numbers is not a real date.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    /// The text is neither `YYYY-MM-DD` nor `DD.MM.YYYY`.
    #[error("expected a date as YYYY-MM-DD or DD.MM.YYYY")]
    Format,
    /// The numbers do not name a day of the calendar.
    #[error("{day:02}.{month:02}.{year:04} is not a calendar date")]
    NotACalendarDate {
        /// The year given.
        year: u32,
        /// The month given.
        month: u32,
        /// The day given.
        day: u32,
    },
}

/// `true` for Gregorian leap years: 2000 is one, 1900 is not.
pub const fn is_leap_year(year: u32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Number of days in `month` (1-12) of `year`; 0 for a month out of range.
pub const fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// Builds a date, refusing anything that is not on the calendar.
    ///
    /// ```
    /// use kgpin::Date;
    /// assert!(Date::new(2000, 2, 29).is_ok());
    /// assert!(Date::new(1900, 2, 29).is_err());
    /// ```
    pub fn new(year: u32, month: u32, day: u32) -> Result<Self, DateError> {
        let valid = (1..=9999).contains(&year) && day >= 1 && day <= days_in_month(year, month);
        match std::num::NonZeroU8::new(month as u8) {
            Some(month_number) if valid => Ok(Date {
                year: year as u16,
                month: month_number,
                day: day as u8,
            }),
            _ => Err(DateError::NotACalendarDate { year, month, day }),
        }
    }

    /// The year (1-9999).
    pub fn year(self) -> u32 {
        u32::from(self.year)
    }
    /// The month (1-12).
    pub fn month(self) -> u32 {
        u32::from(self.month.get())
    }
    /// The day of the month (1-31).
    pub fn day(self) -> u32 {
        u32::from(self.day)
    }

    /// Whole years from `self` to `on` (an age); 0 when `on` is earlier.
    pub fn years_until(self, on: Date) -> u32 {
        let mut years = on.year().saturating_sub(self.year());
        if (on.month(), on.day()) < (self.month(), self.day()) {
            years = years.saturating_sub(1);
        }
        if on < self {
            0
        } else {
            years
        }
    }

    /// Days since 1970-01-01 (negative before): lets callers measure gaps between dates.
    pub fn days_since_epoch(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let (y, m, d) = (
            i64::from(self.year),
            i64::from(self.month.get()),
            i64::from(self.day),
        );
        let y = if m <= 2 { y - 1 } else { y };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01 (before, when negative); `None` outside years 1-9999.
    ///
    /// ```
    /// use kgpin::Date;
    /// let d = Date::new(2026, 11, 25).unwrap();
    /// assert_eq!(Date::from_days_since_epoch(d.days_since_epoch()), Some(d));
    /// ```
    pub fn from_days_since_epoch(days: i64) -> Option<Date> {
        // Howard Hinnant's civil_from_days.
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        let year = u32::try_from(year).ok()?;
        Date::new(year, month as u32, day as u32).ok()
    }

    /// The date in Bishkek at `unix_seconds` (seconds since 1970-01-01 UTC):
    /// Kyrgyzstan keeps UTC+6 all year, with no daylight saving time. Where
    /// the CLI and the clerk's worker read the clock, so they agree on "today".
    ///
    /// ```
    /// use kgpin::Date;
    /// // 2026-11-24 20:00 UTC is already the 25th in Bishkek.
    /// let d = Date::in_bishkek_at(1_795_550_400).unwrap();
    /// assert_eq!(d.to_string(), "2026-11-25");
    /// ```
    pub fn in_bishkek_at(unix_seconds: i64) -> Option<Date> {
        const BISHKEK_UTC_OFFSET_SECONDS: i64 = 6 * 3600;
        Date::from_days_since_epoch((unix_seconds + BISHKEK_UTC_OFFSET_SECONDS).div_euclid(86_400))
    }

    /// The eight digits `DDMMYYYY` as numbers 0-9, without allocating.
    pub fn ddmmyyyy_digits(self) -> [u8; 8] {
        let (d, m, y) = (self.day, self.month.get(), self.year);
        [
            d / 10,
            d % 10,
            m / 10,
            m % 10,
            (y / 1000) as u8,
            (y / 100 % 10) as u8,
            (y / 10 % 10) as u8,
            (y % 10) as u8,
        ]
    }

    /// In how many of the eight digits `DDMMYYYY` two dates differ: a typo
    /// changes a few, another person's birthday most.
    ///
    /// ```
    /// use kgpin::date::Date;
    /// let (a, b): (Date, Date) = ("21.04.1939".parse()?, "21.04.1994".parse()?);
    /// assert_eq!(a.digits_apart(b), 2);
    /// # Ok::<(), kgpin::date::DateError>(())
    /// ```
    pub fn digits_apart(self, other: Date) -> usize {
        let (a, b) = (self.ddmmyyyy_digits(), other.ddmmyyyy_digits());
        a.iter().zip(&b).filter(|(x, y)| x != y).count()
    }

    /// Whether this date is 1 January of `other`'s year and `other` is not:
    /// registries write 01.01 where the day and month of birth were not
    /// known (most often for people born before the 1960s), so beside
    /// another date of that year it says only the year.
    ///
    /// ```
    /// use kgpin::date::Date;
    /// let (new_year, summer): (Date, Date) = ("01.01.1948".parse()?, "09.03.1948".parse()?);
    /// assert!(new_year.stands_in_for(summer));
    /// assert!(!summer.stands_in_for(new_year));
    /// assert!(!new_year.stands_in_for("09.03.1949".parse()?));
    /// # Ok::<(), kgpin::date::DateError>(())
    /// ```
    pub fn stands_in_for(self, other: Date) -> bool {
        self.day() == 1 && self.month() == 1 && self.year == other.year && self != other
    }

    /// The date as eight digits `DDMMYYYY`, the way a PIN writes it.
    pub fn to_ddmmyyyy(self) -> String {
        format!("{:02}{:02}{:04}", self.day, self.month, self.year)
    }
}

fn parse_number(text: &str, width: usize) -> Result<u32, DateError> {
    if text.len() == width && text.bytes().all(|b| b.is_ascii_digit()) {
        text.parse().map_err(|_| DateError::Format)
    } else {
        Err(DateError::Format)
    }
}

impl FromStr for Date {
    type Err = DateError;

    /// Reads `YYYY-MM-DD` (ISO, what exports use), `DD.MM.YYYY` (what people write),
    /// and the same with `/`. Day-first, as in Kyrgyzstan; a US month-first date
    /// that still reads is a day/month swap, which matching already tolerates.
    ///
    /// ```
    /// use kgpin::Date;
    /// let a: Date = "1982-02-02".parse().unwrap();
    /// let b: Date = "02.02.1982".parse().unwrap();
    /// assert_eq!(a, b);
    /// assert_eq!(a.to_string(), "1982-02-02");
    /// ```
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let text = text.trim();
        let separator = text
            .chars()
            .find(|c| matches!(c, '-' | '.' | '/'))
            .ok_or(DateError::Format)?;
        let mut parts = text.splitn(3, separator);
        let (a, b, c) = match (parts.next(), parts.next(), parts.next()) {
            (Some(a), Some(b), Some(c)) => (a, b, c),
            _ => return Err(DateError::Format),
        };
        // Year first (ISO, 2000-02-29 or 2000/02/29) or last (29.02.2000, 29/02/2000: day first, as here).
        let (y, m, d) = if a.len() == 4 { (a, b, c) } else { (c, b, a) };
        Date::new(
            parse_number(y, 4)?,
            parse_number(m, 2)?,
            parse_number(d, 2)?,
        )
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

serde_as_text!(Date);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leap_years_follow_the_gregorian_rule() {
        assert!(is_leap_year(2000));
        assert!(is_leap_year(2024));
        assert!(!is_leap_year(1900));
        assert!(!is_leap_year(2023));
    }

    #[test]
    fn a_missing_date_takes_no_room_of_its_own() {
        // A million prepared records hold two optional dates each.
        assert_eq!(std::mem::size_of::<Option<Date>>(), 4);
        let dates = ["0001-01-01", "1982-02-02", "1982-12-01", "9999-12-31"];
        let dates: Vec<Date> = dates.iter().map(|d| d.parse().unwrap()).collect();
        assert!(
            dates.windows(2).all(|w| w[0] < w[1]),
            "ordered by year, month, day"
        );
        assert_eq!(dates[1].month(), 2);
        assert_eq!(dates[1].to_ddmmyyyy(), "02021982");
        assert_eq!(dates[2].ddmmyyyy_digits(), [0, 1, 1, 2, 1, 9, 8, 2]);
        assert!(Date::new(1982, 0, 1).is_err());
    }

    #[test]
    fn refuses_days_outside_the_month() {
        assert!(Date::new(2023, 4, 31).is_err());
        assert!(Date::new(2023, 13, 1).is_err());
        assert!(Date::new(2023, 1, 0).is_err());
        assert!(Date::new(0, 1, 1).is_err());
        assert!(Date::new(2023, 12, 31).is_ok());
    }

    #[test]
    fn parses_both_written_forms_and_rejects_others() {
        assert_eq!("2000-02-29".parse::<Date>(), Date::new(2000, 2, 29));
        assert_eq!("29.02.2000".parse::<Date>(), Date::new(2000, 2, 29));
        assert!("2000-2-29".parse::<Date>().is_err());
        assert_eq!("29/02/2000".parse::<Date>(), Date::new(2000, 2, 29));
        assert_eq!("2000/02/29".parse::<Date>(), Date::new(2000, 2, 29));
        assert!("02/29/2000".parse::<Date>().is_err());
        assert!("2000-02/29".parse::<Date>().is_err());
        assert!("29.02".parse::<Date>().is_err());
        assert!("".parse::<Date>().is_err());
        assert!("1900-02-29".parse::<Date>().is_err());
    }

    #[test]
    fn ages_count_whole_years() {
        let born = Date::new(1982, 2, 2).unwrap();
        assert_eq!(born.years_until(Date::new(2026, 2, 1).unwrap()), 43);
        assert_eq!(born.years_until(Date::new(2026, 2, 2).unwrap()), 44);
        assert_eq!(born.years_until(Date::new(1980, 1, 1).unwrap()), 0);
    }

    #[test]
    fn days_since_epoch_is_consistent() {
        assert_eq!(Date::new(1970, 1, 1).unwrap().days_since_epoch(), 0);
        assert_eq!(Date::new(2000, 3, 1).unwrap().days_since_epoch(), 11_017);
        let a = Date::new(1999, 12, 31).unwrap().days_since_epoch();
        let b = Date::new(2000, 1, 1).unwrap().days_since_epoch();
        assert_eq!(b - a, 1);
    }

    #[test]
    fn serde_uses_iso_text() {
        let d = Date::new(1982, 2, 2).unwrap();
        assert_eq!(serde_json::to_string(&d).unwrap(), "\"1982-02-02\"");
        let back: Date = serde_json::from_str("\"02.02.1982\"").unwrap();
        assert_eq!(back, d);
        assert!(serde_json::from_str::<Date>("\"1982-02-30\"").is_err());
    }
}
