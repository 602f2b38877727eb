//! Tools around the kgpin core, not rules of it: a synthetic registry with
//! known truth ([`synth`]) and the scoring of a clustering against that truth
//! ([`eval`]). Used by the CLI (`kgpin synth`, `kgpin eval`), the benchmarks
//! and the web app's demo data; kept out of the core so the package that
//! ships to every browser does not carry them.
//!
//! ```
//! use kgpin_synth::synth::{generate, Options, Row};
//! let rows = generate(Options::new(50, 1));
//! assert!(rows.len() >= 50);
//! let header: Vec<&str> = Row::header().collect();
//! assert_eq!(&header[..4], ["record_id", "pin", "last_name", "first_name"]);
//! ```

#![forbid(unsafe_code)]

pub mod eval;
pub mod rng;
#[cfg(feature = "evaluation")]
pub mod slips;
mod spelling;
pub mod synth;
