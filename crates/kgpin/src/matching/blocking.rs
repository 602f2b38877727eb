//! Blocking: cheap keys that two records of one person share with high
//! probability, so that only records sharing a key are compared.
//!
//! Keys (each record emits several; sharing any one makes a candidate pair):
//! - birth date (day/month order-free, from the stated date and the PIN's)
//!   with the initials of the first name and the surname (order-free);
//! - the two names, order-free (swapped fields meet), with and without the birth year;
//! - the first name, or the surname, with the father's name and the birth year
//!   or day-month (a marriage, or a slip in one name and one in the date);
//! - the PIN itself.
//!
//! A block larger than its cap (a very common name with no date) is split by
//! a further key ([`refine`]: father's name and sex) rather than exploding
//! into millions of pairs; a sub-block still too large is skipped and
//! reported by kind and size. A PIN on too many records is never compared
//! pairwise: it is reported as a finding of its own, with its records.

use std::hash::{Hash, Hasher};

use rustc_hash::FxHasher;

use super::record::{Prepared, NO_NAME};
use crate::date::Date;

crate::coded_enum! {
    /// Kinds of key, stored in the low three bits of a key.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
    #[repr(u8)]
    pub enum KeyKind {
        /// Birth date (day and month in either order) with both initials.
        "date_initials" => DateInitial = 0,
        /// Both names, order-free, without a date.
        "names" => Names = 1,
        /// Both names with the birth year.
        "names_year" => NamesYear = 2,
        /// The PIN itself.
        "pin" => Pin = 3,
        /// First name and father's name with the birth year, or with day and month:
        /// meets marriages, and slips in the date.
        "first_name_father" => FirstFatherYear = 4,
        /// Both names with day and month: meets slips in the year and spreadsheet-damaged PINs.
        "names_day_month" => NamesDayMonth = 5,
        /// Surname and father's name with the birth year, or with day and month:
        /// meets a slip in the first name together with one in the date.
        "last_name_father" => LastFather = 6,
    }
}

const KIND_BITS: u64 = 7;

impl KeyKind {
    /// The largest block of this kind that is still compared pair by pair.
    pub const fn cap(self) -> usize {
        match self {
            KeyKind::DateInitial => 400,
            KeyKind::Names => 20,
            KeyKind::NamesYear | KeyKind::NamesDayMonth => 200,
            // Family keys: a common surname and father's name make large blocks
            // in a whole country; past these sizes the other keys must do.
            KeyKind::FirstFatherYear => 100,
            KeyKind::LastFather => 50,
            KeyKind::Pin => 50,
        }
    }
    /// The kind a key was made with.
    pub fn of(key: u64) -> KeyKind {
        match key & KIND_BITS {
            0 => KeyKind::DateInitial,
            1 => KeyKind::Names,
            2 => KeyKind::NamesYear,
            3 => KeyKind::Pin,
            4 => KeyKind::FirstFatherYear,
            5 => KeyKind::NamesDayMonth,
            _ => KeyKind::LastFather,
        }
    }
}

fn key(kind: KeyKind, value: impl Hash) -> u64 {
    let mut hasher = FxHasher::default();
    (kind as u8).hash(&mut hasher);
    value.hash(&mut hasher);
    (hasher.finish() & !KIND_BITS) | kind as u64
}

/// A further key for a block over its cap: the father's name and the sex.
/// Records of one person share both far more often than a crowd of
/// namesakes does, so the block splits into sub-blocks worth comparing.
pub fn refine(r: &Prepared) -> u64 {
    let mut hasher = FxHasher::default();
    (r.father, r.sex).hash(&mut hasher);
    hasher.finish()
}

/// Day and month in either order.
fn order_free_day_month(day: u32, month: u32) -> (u32, u32) {
    (day.min(month), day.max(month))
}

/// A date whose day and month may have been swapped: (year, smaller, larger).
fn order_free(date: Date) -> (u32, (u32, u32)) {
    (date.year(), order_free_day_month(date.day(), date.month()))
}

/// Pushes every blocking key of `r` into `out` (duplicates removed).
pub fn keys(r: &Prepared, out: &mut Vec<u64>) {
    let start = out.len();
    // Initials order-free, so that swapped first and last names still meet.
    let (a, b) = (r.first_initial, r.last_initial);
    let initials = (a.min(b), a.max(b));
    let fragment = r.pin_fragment.as_deref();
    let dates = [
        r.birth_date,
        r.pin_birth_date,
        fragment.and_then(|f| f.likely_birth_date()),
    ];
    let has_first = r.first_key != NO_NAME;
    for date in dates.into_iter().flatten() {
        out.push(key(KeyKind::DateInitial, (order_free(date), initials)));
        if r.father != NO_NAME {
            let day_month = order_free_day_month(date.day(), date.month());
            if has_first {
                out.push(key(
                    KeyKind::FirstFatherYear,
                    (r.first_key, r.father, date.year()),
                ));
                out.push(key(
                    KeyKind::FirstFatherYear,
                    (r.first_key, r.father, day_month),
                ));
            }
            if r.last_stem != NO_NAME {
                out.push(key(
                    KeyKind::LastFather,
                    (r.last_stem, r.father, date.year()),
                ));
                out.push(key(KeyKind::LastFather, (r.last_stem, r.father, day_month)));
            }
        }
    }
    if has_first && r.last_stem != NO_NAME {
        let names = (r.first_key.min(r.last_stem), r.first_key.max(r.last_stem));
        out.push(key(KeyKind::Names, names));
        for date in dates.into_iter().flatten() {
            out.push(key(KeyKind::NamesYear, (names, date.year())));
            let day_month = order_free_day_month(date.day(), date.month());
            out.push(key(KeyKind::NamesDayMonth, (names, day_month)));
        }
        if let Some((day, month)) = fragment.and_then(|f| f.likely_day_month()) {
            let day_month = order_free_day_month(day, month);
            out.push(key(KeyKind::NamesDayMonth, (names, day_month)));
        }
    }
    if let Some(pin) = r.pin {
        out.push(key(KeyKind::Pin, pin));
    }
    if let Some(crate::pin::PinFragment::LookAlikes(repaired)) = fragment {
        if let Ok(pin) = repaired.parse::<u64>() {
            out.push(key(KeyKind::Pin, pin));
        }
    }
    let mine = &mut out[start..];
    mine.sort_unstable();
    let mut unique = 0;
    for i in 0..mine.len() {
        if i == 0 || mine[i] != mine[unique - 1] {
            mine[unique] = mine[i];
            unique += 1;
        }
    }
    out.truncate(start + unique);
}
