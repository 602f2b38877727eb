//! Blocking: cheap keys that two records of one person share with high
//! probability, so that only records sharing a key are compared.
//!
//! Keys (each record emits several; sharing any one makes a candidate pair):
//! - birth date (day/month order-free, from the stated date and the PIN's)
//!   with the initial of the first name or of the surname;
//! - the two names, order-free (swapped fields meet), with and without the birth year;
//! - the PIN itself.
//!
//! A block larger than its cap (a junk PIN, a very common name with no date)
//! is skipped rather than exploding into millions of pairs; the number of
//! skipped blocks is reported.

use std::hash::{Hash, Hasher};

use rustc_hash::FxHasher;

use super::record::Prepared;
use crate::date::Date;

/// Kinds of key, stored in the low two bits of a key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum KeyKind {
    DateInitial = 0,
    Names = 1,
    NamesYear = 2,
    Pin = 3,
}

impl KeyKind {
    /// The largest block of this kind that is still compared pair by pair.
    pub const fn cap(self) -> usize {
        match self {
            KeyKind::DateInitial => 400,
            KeyKind::Names => 60,
            KeyKind::NamesYear => 200,
            KeyKind::Pin => 50,
        }
    }
    pub fn of(key: u64) -> KeyKind {
        match key & 3 {
            0 => KeyKind::DateInitial,
            1 => KeyKind::Names,
            2 => KeyKind::NamesYear,
            _ => KeyKind::Pin,
        }
    }
}

fn key(kind: KeyKind, value: impl Hash) -> u64 {
    let mut hasher = FxHasher::default();
    (kind as u8).hash(&mut hasher);
    value.hash(&mut hasher);
    (hasher.finish() & !3) | kind as u64
}

/// A date whose day and month may have been swapped: (year, smaller, larger).
fn order_free(date: Date) -> (u32, u32, u32) {
    let (d, m) = (date.day(), date.month());
    (date.year(), d.min(m), d.max(m))
}

/// Pushes every blocking key of `r` into `out` (duplicates removed).
pub fn keys(r: &Prepared, out: &mut Vec<u64>) {
    let start = out.len();
    let initials = [r.first_key.chars().next(), r.last_stem.chars().next()];
    let dates = [r.birth_date, r.pin_birth_date];
    for date in dates.into_iter().flatten() {
        for initial in initials.into_iter().flatten() {
            out.push(key(KeyKind::DateInitial, (order_free(date), initial)));
        }
    }
    if !r.first_key.is_empty() && !r.last_stem.is_empty() {
        let names = if r.first_key <= r.last_stem {
            (&r.first_key, &r.last_stem)
        } else {
            (&r.last_stem, &r.first_key)
        };
        out.push(key(KeyKind::Names, names));
        for date in dates.into_iter().flatten() {
            out.push(key(KeyKind::NamesYear, (names, date.year())));
        }
    }
    if let Some(pin) = r.pin {
        out.push(key(KeyKind::Pin, pin));
    }
    let mine = &mut out[start..];
    mine.sort_unstable();
    let unique = {
        let mut n = 0;
        for i in 0..mine.len() {
            if i == 0 || mine[i] != mine[n - 1] {
                mine[n] = mine[i];
                n += 1;
            }
        }
        n
    };
    out.truncate(start + unique);
}
