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
#![forbid(unsafe_code)]

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

pub mod codes;
pub mod date;
#[cfg(feature = "invariants")]
#[doc(hidden)]
pub mod invariants;
pub mod lang;
pub mod matching;
pub mod messages;
pub mod names;
mod parallel;
pub mod person;
pub mod pin;
pub mod registry;
pub mod report;
pub mod sex;

pub use date::{Date, DateError};
pub use lang::Lang;
pub use pin::{Pin, PinError, PinWarning, Serial};
pub use report::CheckReport;
pub use sex::Sex;
