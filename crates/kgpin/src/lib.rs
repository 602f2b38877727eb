//! # kgpin
//!
//! Kyrgyzstan's personal identification numbers (PINs), made trustworthy:
//! parse and explain a PIN, and find the people behind double PINs.
//!
//! The core has no I/O and no browser dependencies: the same code runs in the
//! CLI, in benchmarks and, compiled to WebAssembly, in the browser. The PIN's
//! rules and how sure we are of each are in `docs/pin-format.md`; the registry
//! files it reads and the reports it writes in `docs/registry-csv.md`.
//!
//! ```
//! use kgpin::{pin, Date, Lang, Sex, messages};
//!
//! let today = Date::new(2026, 11, 25)?;
//! let stated = pin::Stated { sex: Some(Sex::Female), birth_date: Some("1982-02-20".parse()?) };
//! let check = pin::check("1 02021982 54217", today, &stated);
//! assert!(check.is_valid());
//! let pin = check.pin.expect("valid");
//! assert_eq!((pin.sex(), pin.birth_date().to_string()), (Sex::Female, "1982-02-02".into()));
//! // The stated birth date differs from the PIN's by one digit: a warning, explained.
//! let warning = &check.warnings[0];
//! assert_eq!(warning.code(), "birth_date_mismatch");
//! println!("{}", messages::pin_warning(warning, Lang::Ky));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

#![warn(missing_docs)]
// No `unsafe` but one prefetch hint in `matching` (x86_64 only), allowed
// there with the proof that it is sound beside it.
#![deny(unsafe_code)]

/// Serde as text: serialises with `Display`, deserialises with `FromStr`, so
/// JSON carries the same form people read (`"1982-02-02"`, `"F"`, a PIN's digits).
macro_rules! serde_as_text {
    ($type:ty) => {
        impl serde::Serialize for $type {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_str(self)
            }
        }

        impl<'de> serde::Deserialize<'de> for $type {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let text = <String as serde::Deserialize>::deserialize(deserializer)?;
                text.parse().map_err(serde::de::Error::custom)
            }
        }
    };
}

// Indexing with `[]` is denied (outside tests) where text from files and
// people is read: the registry, PINs, dates, names and their words. A bad
// index there would panic on someone's input. It is allowed in `matching`,
// `report` and `parallel`, which index the engine's own arrays by indices
// the same run made (records 0..n of one batch, block bounds from its sorted
// keys; `get` would turn an engine bug into silently wrong clusters), and in
// `person`, which walks parallel arrays of one person's numbers (checks,
// roles, documents) by position: rewritten around `get`, the rules of the
// citizen's advice would be harder to read, and a wrong answer there is the
// worst bug kgpin can ship. Both are covered by the fuzz targets.
#[cfg_attr(not(test), deny(clippy::indexing_slicing))]
pub mod codes;
#[cfg_attr(not(test), deny(clippy::indexing_slicing))]
pub mod date;
#[cfg(feature = "invariants")]
#[doc(hidden)]
pub mod invariants;
#[cfg_attr(not(test), deny(clippy::indexing_slicing))]
pub mod lang;
pub mod matching;
#[cfg_attr(not(test), deny(clippy::indexing_slicing))]
pub mod messages;
#[cfg_attr(not(test), deny(clippy::indexing_slicing))]
pub mod names;
mod parallel;
pub mod person;
#[cfg_attr(not(test), deny(clippy::indexing_slicing))]
pub mod pin;
#[cfg_attr(not(test), deny(clippy::indexing_slicing))]
pub mod registry;
pub mod report;
#[cfg_attr(not(test), deny(clippy::indexing_slicing))]
pub mod sex;
#[cfg(feature = "xlsx")]
#[deny(clippy::indexing_slicing)]
pub mod workbook;

pub use date::{Date, DateError};
pub use lang::Lang;
pub use pin::{Pin, PinError, PinWarning, Serial};
pub use report::CheckReport;
pub use sex::Sex;
