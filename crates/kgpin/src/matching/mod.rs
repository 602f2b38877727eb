//! Finding the people behind double PINs: the record-linkage pipeline
//! normalise -> block -> compare -> score -> cluster, every decision explained.
//!
//! ```
//! use kgpin::matching::{dedupe, Kind, Options};
//! use kgpin::registry::Registry;
//!
//! let csv = "record_id,pin,last_name,first_name,patronymic,birth_date,sex\n\
//!     a,10503198500123,Жумагулова,Айгүл,Асанбековна,1985-03-05,F\n\
//!     b,10503198500456,Zhumagulova,Aigul,Asanbek kyzy,1985-03-05,F\n\
//!     c,10503198500457,Жумагулова,Нургүл,Асанбековна,1985-03-05,F\n";
//! let registry = Registry::from_csv(csv.as_bytes())?;
//! let result = dedupe(&registry.records, &Options::default(), &mut |_| {});
//! // a and b are one woman with two PINs; c is her twin sister.
//! assert_eq!(result.clusters.len(), 1);
//! assert_eq!(result.clusters[0].kind, Kind::SamePersonMultiplePins);
//! assert_eq!(result.clusters[0].members, [0, 1]);
//! # Ok::<(), kgpin::registry::RegistryError>(())
//! ```

pub mod blocking;
pub mod cluster;
pub mod compare;
pub mod hash;
pub mod index;
pub mod record;

use serde::Serialize;

pub use compare::{weights, Reason};
pub use record::{Batch, Frequencies, Person, PinNumber, Prepared};

use crate::parallel;
use crate::registry::Record;

/// Two records scoring at most this are clearly different people, and never
/// end up in one cluster through others.
pub const CONFLICT_SCORE: f32 = 0.0;

crate::coded_enum! {
    /// What kind of problem a pair or cluster of records shows.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
    pub enum Kind {
        /// One person, two or more different PINs: the double-PIN problem.
        "same_person_multiple_pins" => SamePersonMultiplePins,
        /// One PIN, held by records that are different people.
        "pin_shared_by_different_people" => PinSharedByDifferentPeople,
        /// One person with one PIN, recorded more than once.
        "repeated_record" => RepeatedRecord,
        /// Perhaps one person: below the link threshold but above the review
        /// threshold, refused by a rule only for want of evidence, or taken
        /// for one person but kept out of one cluster by another record.
        /// Never joins a cluster by itself; a person with the documents decides.
        "possible_same_person" => PossibleSamePerson,
    }
}

crate::coded_enum! {
    /// What would settle a possible match: the document to ask for.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
    pub enum Settle {
        /// The dates differ by a slip, each confirmed by its own record's PIN:
        /// the birth certificate says which date is the person's.
        "ask_birth_certificate" => BirthCertificate,
        /// A woman's surname differs, all else agrees: a marriage certificate
        /// links the two surnames.
        "ask_marriage_certificate" => MarriageCertificate,
        /// The evidence is weak either way: compare the documents with the person.
        "compare_documents" => CompareDocuments,
    }
}

/// Settings of a deduplication run.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Options {
    /// Pairs scoring at least this (in bits) are taken for one person.
    pub threshold: f32,
    /// Pairs scoring at least this but below `threshold` are reported as
    /// [`Kind::PossibleSamePerson`], for a person to decide (the
    /// Fellegi-Sunter "possible match"); they never join a cluster by
    /// themselves. A few shapes the score undercounts are asked about down
    /// to [`weights::BELOW_BAND`] below it. At or above `threshold`, no pair
    /// enters the band by its score; the pairs a rule refuses for want of
    /// evidence, and those clustering keeps apart, still do.
    pub review_threshold: f32,
}

impl Default for Options {
    fn default() -> Self {
        Options::with_threshold(weights::DEFAULT_THRESHOLD)
    }
}

impl Options {
    /// The settings for a registry of `records` records: the threshold rises
    /// with the size, as the prior of a match for a pair falls (see
    /// [`weights::THRESHOLD_PER_TENFOLD`]). One setting serves 10k and 7.3M.
    ///
    /// ```
    /// use kgpin::matching::Options;
    /// assert_eq!(Options::for_records(20_000).threshold, 17.0);
    /// assert_eq!(Options::for_records(1_000_000).threshold, 18.6);
    /// ```
    pub fn for_records(records: usize) -> Options {
        let tenfolds = (records as f64 / weights::THRESHOLD_REFERENCE_RECORDS)
            .max(1.0)
            .log10();
        let threshold =
            weights::DEFAULT_THRESHOLD + weights::THRESHOLD_PER_TENFOLD * tenfolds as f32;
        // Tenths of a bit, as reports print it.
        Options::with_threshold((threshold * 10.0).round() / 10.0)
    }

    /// A link threshold, with the review band [`weights::REVIEW_BAND`] bits below it.
    ///
    /// ```
    /// use kgpin::matching::Options;
    /// let options = Options::with_threshold(18.0);
    /// assert_eq!(options.review_threshold, 14.5);
    /// ```
    pub fn with_threshold(threshold: f32) -> Options {
        Options {
            threshold,
            review_threshold: threshold - weights::REVIEW_BAND,
        }
    }
}

/// A pair worth a person's attention, with its explanation.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PairFinding {
    /// Index of the first record; always below `b`.
    pub a: u32,
    /// Index of the second record.
    pub b: u32,
    /// The score in bits: the sum of the reasons' weights.
    pub score: f32,
    /// What the pair shows.
    pub kind: Kind,
    /// Each reason and its weight, in the order compared.
    pub reasons: Vec<(Reason, f32)>,
    /// For a [`Kind::PossibleSamePerson`] pair, what would settle it.
    pub settle: Option<Settle>,
    /// Taken for one person, but kept out of one cluster by another record
    /// (and so asked about): it still joins when a decision lifts what
    /// kept it out ([`PairFinding::link`]).
    #[serde(skip)]
    pub cut: bool,
}

/// Records taken for one person.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cluster {
    /// The smallest record_id of the members: stable between runs.
    pub id: String,
    /// `SamePersonMultiplePins` when the members hold more than one PIN, else `RepeatedRecord`.
    pub kind: Kind,
    /// Record indices, sorted by record_id.
    pub members: Vec<u32>,
}

/// Counts that describe a run.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Stats {
    /// Records compared.
    pub records: u64,
    /// Comparisons made: pairs that shared a blocking key, scored once for
    /// each block they met in (and reported once).
    pub candidate_pairs: u64,
    /// Blocks larger than their kind's cap, not compared pair by pair.
    pub oversized_blocks: Vec<OversizedBlocks>,
}

/// Blocks of one key kind that were too large to compare pair by pair: the
/// records in them met only through their other keys.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OversizedBlocks {
    /// The kind of key.
    pub key_kind: blocking::KeyKind,
    /// How many blocks of this kind were over the cap.
    pub blocks: u64,
    /// Records in the largest of them.
    pub largest: u64,
    /// The cap for this kind.
    pub cap: u64,
}

/// One PIN on more records than are compared pair by pair: a placeholder, a
/// clerk's default typed into many rows, or a number given out many times.
/// Never skipped in silence: it is a finding of its own.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CrowdedPin {
    /// The PIN's 14 digits as a number.
    pub pin: u64,
    /// The records carrying it, by index, ascending.
    pub members: Vec<u32>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
/// The outcome of a deduplication run: explained pairs, clusters and counts.
pub struct Dedupe {
    /// Pairs scoring at least the threshold, and pairs sharing a PIN below it.
    pub pairs: Vec<PairFinding>,
    /// Links of pairs clustering cut that are not asked about (names alone,
    /// each record placed with its own person): not reported, but they join
    /// when a decision lifts what kept them out. See [`Dedupe::links`].
    #[serde(skip)]
    pub unasked_links: Vec<Link>,
    /// PINs on too many records to compare pair by pair.
    pub crowded_pins: Vec<CrowdedPin>,
    /// Records taken for one person, sorted by their first record_id.
    pub clusters: Vec<Cluster>,
    /// Counts that describe the run.
    pub stats: Stats,
}

crate::coded_enum! {
    /// The stages a run reports progress for.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
    pub enum Stage {
        /// Reading the file and preparing records (names folded, keys computed).
        "read" => Read,
        /// Preparing records already read.
        "prepare" => Prepare,
        /// Grouping records by blocking keys.
        "block" => Block,
        /// Scoring candidate pairs.
        "compare" => Compare,
        /// Joining pairs into clusters.
        "cluster" => Cluster,
    }
}

/// Progress of a run: `done` of `total` units of `stage`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// The stage under way.
    pub stage: Stage,
    /// Units of the stage done so far.
    pub done: u64,
    /// Units of the stage in all: records, or the records' blocking keys when
    /// comparing (each key's block is compared in turn; a whole-file run
    /// counts the keys of blocks that compare a pair only).
    pub total: u64,
}

/// What blocking yields: candidate pairs `(a, b)` with `a < b`, each once;
/// the blocks skipped for their size; and the PINs among them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Candidates {
    /// Pairs to compare.
    pub pairs: Vec<(u32, u32)>,
    /// Blocks too large to compare pair by pair, by key kind.
    pub oversized: Vec<OversizedBlocks>,
    /// PIN blocks too large to compare pair by pair, each with its records.
    pub crowded_pins: Vec<CrowdedPin>,
}

/// Blocks the records and lists the pairs to compare, each once. (The
/// engine never lists them all: [`dedupe_decided`] compares them block by
/// block; this is for benchmarks and tests.)
pub fn candidate_pairs(prepared: &[Prepared]) -> Candidates {
    let blocks = blocking::Blocks::for_run(prepared);
    let mut pairs = Vec::new();
    blocks.for_each_block_pairs(1 << 16, |batch, _| {
        pairs.extend(
            batch
                .iter()
                .filter(|&&(block, a, b)| blocks.first_meeting(block, a, b))
                .map(|&(_, a, b)| (a, b)),
        );
    });
    parallel::sort(&mut pairs);
    Candidates {
        pairs,
        oversized: blocks.oversized,
        crowded_pins: blocks.crowded_pins,
    }
}

/// The kind of a pair: one person (by score, unless the two are clearly
/// different people whatever their score: twins, men under other surnames),
/// a PIN held by different people, or perhaps one person (the review band,
/// with what would settle it).
pub fn pair_kind(
    names: &impl record::Names,
    a: &Prepared,
    b: &Prepared,
    score: f32,
    options: &Options,
) -> Option<(Kind, Option<Settle>)> {
    let different = score >= options.threshold && compare::clearly_different(names, a, b);
    assessed_pair_kind(names, a, b, (score, different), options)
}

/// [`pair_kind`] of a pair already [assessed](compare::assess): its score,
/// and whether the two are clearly different people.
fn assessed_pair_kind(
    names: &impl record::Names,
    a: &Prepared,
    b: &Prepared,
    (score, different): (f32, bool),
    options: &Options,
) -> Option<(Kind, Option<Settle>)> {
    match kind_of(a, b, score >= options.threshold && !different) {
        Some(Kind::PinSharedByDifferentPeople) => {
            Some(match compare::one_pin_possibly_one_person(names, a, b) {
                Some(settle) => (Kind::PossibleSamePerson, Some(settle)),
                None => (Kind::PinSharedByDifferentPeople, None),
            })
        }
        Some(kind) => Some((kind, None)),
        None => {
            let settle = compare::possible_match(names, a, b, score, options)?;
            Some((Kind::PossibleSamePerson, Some(settle)))
        }
    }
}

/// [`pair_kind`] without most of the review band: one person, a PIN held by
/// different people, or one PIN with one name apart (a possible match). A
/// query's candidates need no more (each is shown with its score and
/// reasons), and it spares a comparison per candidate.
pub fn link_kind(
    names: &impl record::Names,
    a: &Prepared,
    b: &Prepared,
    score: f32,
    threshold: f32,
) -> Option<Kind> {
    let one_person = score >= threshold && !compare::clearly_different(names, a, b);
    // One PIN and one name apart: a question for the documents, not
    // different people (see `compare::one_pin_possibly_one_person`).
    match kind_of(a, b, one_person) {
        Some(Kind::PinSharedByDifferentPeople)
            if compare::one_pin_possibly_one_person(names, a, b).is_some() =>
        {
            Some(Kind::PossibleSamePerson)
        }
        kind => kind,
    }
}

/// The kind of a pair taken, or not, for one person: by whether they share a PIN.
fn kind_of(a: &Prepared, b: &Prepared, one_person: bool) -> Option<Kind> {
    let same_pin = a.pin.is_some() && a.pin == b.pin
        || compare::damaged_pin_matches(a, b)
        || compare::damaged_pin_matches(b, a);
    match (one_person, same_pin) {
        (true, true) => Some(Kind::RepeatedRecord),
        (true, false) if a.pin.is_some() && b.pin.is_some() => Some(Kind::SamePersonMultiplePins),
        (true, false) => Some(Kind::RepeatedRecord),
        (false, true) if a.pin.is_some() && a.pin == b.pin => {
            Some(Kind::PinSharedByDifferentPeople)
        }
        (false, _) => None,
    }
}

/// Pairs taken for one person whose records clustering kept apart (a record
/// on one side is clearly different from one on the other, or the cluster
/// would outgrow one person), moved into the review band: a strong pair left
/// out of every cluster was said nowhere, though it is mostly one person
/// whose records were damaged two ways (a date mistyped and stored with its
/// PIN beside the right one). A clerk's "same person" joins it. Pairs
/// already decided, either way, stay as they are: asked once. A question on
/// names alone about a record already placed by its date or PIN is dropped
/// (see below): at 1M rows 553 such questions, none of them one person.
fn cut_pairs_for_review(
    mut pairs: Vec<PairFinding>,
    clusters: &[Cluster],
    prepared: &[Prepared],
    decided: [&rustc_hash::FxHashSet<(u32, u32)>; 2],
) -> (Vec<PairFinding>, Vec<Link>) {
    const NONE: u32 = u32::MAX;
    let mut cluster_of = vec![NONE; prepared.len()];
    for (c, cluster) in clusters.iter().enumerate() {
        for &m in &cluster.members {
            cluster_of[m as usize] = c as u32;
        }
    }
    let members = |r: u32| match clusters.get(cluster_of[r as usize] as usize) {
        Some(cluster) => cluster.members.as_slice(),
        None => &[],
    };
    // Each record's date confirmed by its own PIN: two such dates that
    // differ are a question for the birth certificate.
    let attested = |r: u32| prepared[r as usize].attested_birth_date();
    let side = |r: u32| members(r).iter().copied().chain([r]).filter_map(attested);
    let together = |a: u32, b: u32| {
        cluster_of[a as usize] != NONE && cluster_of[a as usize] == cluster_of[b as usize]
    };
    let linked = |kind: Kind| matches!(kind, Kind::RepeatedRecord | Kind::SamePersonMultiplePins);
    // Records in their cluster by more than names: a pair there agreed on a
    // date or a PIN.
    let mut placed = vec![false; prepared.len()];
    for pair in &pairs {
        let agreed = pair.reasons.iter().any(|(r, _)| r.agrees_on_date_or_pin());
        if agreed && linked(pair.kind) && together(pair.a, pair.b) {
            placed[pair.a as usize] = true;
            placed[pair.b as usize] = true;
        }
    }
    // Placed, or alone: a record in a cluster by names only is not firm.
    let firm = |r: u32| placed[r as usize] || cluster_of[r as usize] == NONE;
    let mut unasked = Vec::new();
    pairs.retain_mut(|pair| {
        let (a, b) = (pair.a, pair.b);
        let band = pair.kind == Kind::PossibleSamePerson;
        if !(band || linked(pair.kind) && !together(a, b))
            || decided.iter().any(|d| d.contains(&(a, b)))
        {
            return true;
        }
        // A question with nothing but names behind it (no date, no PIN
        // compared) about a record placed by an agreeing date or PIN beside
        // records whose dates, each confirmed by its own PIN, differ from the
        // other side's, when the other side is placed too or alone: each
        // record is with its own person, and the clerk would be asked about a
        // namesake with nothing to go on (typically a record with no date and
        // a PIN that lost a digit, beside every namesake of a common name). A
        // record in its cluster by names alone is still asked about: its
        // names fit both sides. A cut pair not asked about still links when a
        // decision lifts what kept it out, as a new run would.
        let names_only = !pair.reasons.iter().any(|(r, _)| r.compares_date_or_pin());
        let placed_apart =
            names_only && (placed[a as usize] || placed[b as usize]) && firm(a) && firm(b);
        if band && !placed_apart {
            return true;
        }
        // The clusters' dates: only for a question that may be spared, and
        // for a cut pair's settle.
        let dates_differ = side(a).any(|x| side(b).any(|y| x != y));
        if placed_apart && dates_differ {
            unasked.extend(pair.link());
            return false;
        }
        if !band {
            pair.kind = Kind::PossibleSamePerson;
            pair.cut = true;
            pair.settle = Some(if dates_differ {
                Settle::BirthCertificate
            } else {
                Settle::CompareDocuments
            });
        }
        true
    });
    (pairs, unasked)
}

/// Finds duplicate candidates in a registry: pairs with reasons, and clusters.
pub fn dedupe(records: &[Record], options: &Options, progress: &mut dyn FnMut(Progress)) -> Dedupe {
    progress(Progress {
        stage: Stage::Prepare,
        done: 0,
        total: records.len() as u64,
    });
    dedupe_batch(&Batch::of(records), options, progress)
}

/// What people have already decided about pairs of records (by record
/// index): the engine keeps "same person" pairs together and never puts a
/// "different people" pair in one cluster, so a reviewed question is not
/// asked again when the next extract is loaded.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Decided {
    /// Pairs decided to be one person.
    pub same_person: Vec<(u32, u32)>,
    /// Pairs decided to be different people.
    pub different_people: Vec<(u32, u32)>,
}

/// [`dedupe`] of records already prepared (a large file is prepared in chunks
/// as it is read, so its text need not stay in memory).
pub fn dedupe_batch(
    batch: &Batch,
    options: &Options,
    progress: &mut dyn FnMut(Progress),
) -> Dedupe {
    dedupe_decided(batch, options, &Decided::default(), progress)
}

/// [`dedupe_batch`] that respects earlier decisions about pairs.
///
/// ```
/// use kgpin::matching::{dedupe_decided, Batch, Decided, Options};
/// use kgpin::registry::Registry;
///
/// let csv = "record_id,pin,last_name,first_name,birth_date\n\
///     a,10503198500123,Жумагулова,Айгүл,1985-03-05\n\
///     b,10503198500456,Zhumagulova,Aigul,1985-03-05\n";
/// let registry = Registry::from_csv(csv.as_bytes())?;
/// let batch = Batch::of(&registry.records);
/// let apart = Decided { different_people: vec![(0, 1)], ..Decided::default() };
/// let found = dedupe_decided(&batch, &Options::default(), &apart, &mut |_| {});
/// assert!(found.clusters.is_empty(), "a clerk said these are two people");
/// # Ok::<(), kgpin::registry::RegistryError>(())
/// ```
pub fn dedupe_decided(
    batch: &Batch,
    options: &Options,
    decided: &Decided,
    progress: &mut dyn FnMut(Progress),
) -> Dedupe {
    progress(Progress {
        stage: Stage::Block,
        done: 0,
        total: batch.len() as u64,
    });
    let blocks = blocking::Blocks::for_run(&batch.prepared);
    let compared = compare_in_blocks(batch, &blocks, options, progress);
    // The blocks are most of the memory by now, and clustering needs none of it.
    drop(blocks);
    cluster_compared(batch, compared, decided, progress)
}

/// [`dedupe_decided`] of the records of a query index, in the blocks the
/// index already holds: a registry loaded for queries is not keyed again.
pub fn dedupe_indexed(
    index: &index::Index,
    options: &Options,
    decided: &Decided,
    progress: &mut dyn FnMut(Progress),
) -> Dedupe {
    progress(Progress {
        stage: Stage::Block,
        done: 0,
        total: index.len() as u64,
    });
    let compared = compare_in_blocks(index.batch(), index.blocks(), options, progress);
    cluster_compared(index.batch(), compared, decided, progress)
}

/// The pairs worth reporting, found in the blocks, with what the blocks
/// tell the report.
struct Compared {
    pairs: Vec<PairFinding>,
    compared: u64,
    skipped: Vec<OversizedBlocks>,
    crowded_pins: Vec<CrowdedPin>,
}

/// Pairs one thread compares in a row (a chunk's pairs are shared out in runs).
const PAIRS_PER_RUN: usize = 1024;
/// How many pairs ahead a pair's records are asked for ([`prefetch`]); a
/// pair worth reporting's block lists are asked for as far ahead, their
/// places twice as far.
const LOOK_AHEAD: usize = 8;

/// Asks the processor to bring `value` (a small one: a line per 64 bytes)
/// into the cache, without waiting for it: it is read a few pairs later.
/// Most of a pair's time was the wait for its two records (88 bytes each,
/// far apart in memory): `perf annotate` put 70% of `compare::assess`'s own
/// time on its first read.
#[cfg(target_arch = "x86_64")]
#[allow(unsafe_code)]
pub(crate) fn prefetch<T: ?Sized>(value: &T) {
    use std::arch::x86_64::{_mm_prefetch, _MM_HINT_T0};
    let at = std::ptr::from_ref(value).cast::<i8>();
    let size = std::mem::size_of_val(value);
    let mut offset = 0;
    // SAFETY: `_mm_prefetch` is unsafe only for its target feature, SSE,
    // which every x86_64 processor has (it is in the target's baseline), so
    // the feature is always there (before Rust 1.86 it was an `unsafe fn`
    // for its raw pointer too: a prefetch puts no condition on it either). A prefetch is a hint: it reads nothing
    // into the program, writes nothing and never faults, whatever the
    // address; these are `value`'s own cache lines (every 64 bytes, and its
    // last byte), computed with wrapping arithmetic that never dereferences.
    unsafe {
        while offset < size {
            _mm_prefetch::<_MM_HINT_T0>(at.wrapping_add(offset));
            offset += 64;
        }
        _mm_prefetch::<_MM_HINT_T0>(at.wrapping_add(size.saturating_sub(1)));
    }
}

/// Elsewhere (WebAssembly has no prefetch; other processors are not
/// measured here), nothing, and the callers skip the look-ahead.
#[cfg(not(target_arch = "x86_64"))]
pub(crate) fn prefetch<T: ?Sized>(_: &T) {}

/// Whether [`prefetch`] does anything on this target: the look-ahead that
/// feeds it is skipped where it does not.
const PREFETCHES: bool = cfg!(target_arch = "x86_64");

fn compare_in_blocks(
    batch: &Batch,
    blocks: &blocking::Blocks,
    options: &Options,
    progress: &mut dyn FnMut(Progress),
) -> Compared {
    let prepared = &batch.prepared;
    let names = &batch.vocabulary;
    let total = blocks.entry_count() as u64;
    let mut pairs = Vec::new();
    let mut compared = 0u64;
    // A pair born apart beyond a slip, with no PIN in common, is reported
    // only from this score up: `compare::beneath` passes over those under it.
    let bar = options.review_threshold.min(options.threshold);
    blocks.for_each_block_pairs(1 << 16, |chunk, done| {
        progress(Progress {
            stage: Stage::Compare,
            done: done as u64,
            total,
        });
        // Scoring first and asking whether this block is the pair's first
        // meeting only for the few pairs worth reporting is cheaper than
        // asking for every pair (their key lists are far apart in memory).
        compared += chunk.len() as u64;
        pairs.extend(parallel::flat_map_runs(
            chunk,
            PAIRS_PER_RUN,
            |run, found| {
                let mut worth = Vec::new();
                for (i, &(block, a, b)) in run.iter().enumerate() {
                    // A later pair's records are asked for while this one
                    // is compared, so that the waits for memory overlap.
                    if let Some(&(_, later_a, later_b)) =
                        run.get(i + LOOK_AHEAD).filter(|_| PREFETCHES)
                    {
                        prefetch(&prepared[later_a as usize]);
                        prefetch(&prepared[later_b as usize]);
                    }
                    let (pa, pb) = (&prepared[a as usize], &prepared[b as usize]);
                    if compare::beneath(pa, pb, bar) {
                        continue;
                    }
                    let assessed = compare::assess(names, pa, pb);
                    if let Some((kind, settle)) =
                        assessed_pair_kind(names, pa, pb, assessed, options)
                    {
                        worth.push((block, a, b, kind, settle));
                    }
                }
                // Whether each pair worth reporting meets here first: its
                // records' lists of blocks, asked for ahead too (their
                // place first, then the lists themselves).
                for (i, &(block, a, b, kind, settle)) in worth.iter().enumerate() {
                    if PREFETCHES {
                        if let Some(&(_, later_a, later_b, ..)) = worth.get(i + 2 * LOOK_AHEAD) {
                            blocks.prefetch_shared_place(later_a);
                            blocks.prefetch_shared_place(later_b);
                        }
                        if let Some(&(_, later_a, later_b, ..)) = worth.get(i + LOOK_AHEAD) {
                            blocks.prefetch_shared(later_a);
                            blocks.prefetch_shared(later_b);
                        }
                    }
                    if !blocks.first_meeting(block, a, b) {
                        continue;
                    }
                    let (pa, pb) = (&prepared[a as usize], &prepared[b as usize]);
                    let (score, reasons) = compare::explain(names, pa, pb);
                    found.push(PairFinding {
                        a,
                        b,
                        score,
                        kind,
                        reasons,
                        settle,
                        cut: false,
                    });
                }
            },
        ));
    });
    // In record order, as if the pairs had been listed and sorted first.
    pairs.sort_unstable_by_key(|p: &PairFinding| (p.a, p.b));
    Compared {
        pairs,
        compared,
        skipped: blocks.oversized.clone(),
        crowded_pins: blocks.crowded_pins.clone(),
    }
}

/// A pair that may join two records in one cluster, with its score: a
/// run's pairs of the kinds that link ([`PairFinding::link`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Link {
    /// Index of one record.
    pub a: u32,
    /// Index of the other.
    pub b: u32,
    /// The pair's score: stronger pairs join first.
    pub score: f32,
}

impl Dedupe {
    /// Every link of the run, to make its clusters again with decisions
    /// ([`cluster_links`]): its pairs' ([`PairFinding::link`]) and those not
    /// asked about.
    pub fn links(&self) -> impl Iterator<Item = Link> + '_ {
        self.pairs
            .iter()
            .filter_map(PairFinding::link)
            .chain(self.unasked_links.iter().copied())
    }
}

impl PairFinding {
    /// The pair as a [`Link`], unless it never joins a cluster by itself (a
    /// PIN held by different people, a pair of the review band). A pair
    /// clustering cut is a link: made again with decisions, the clusters are
    /// those a new run would find.
    pub fn link(&self) -> Option<Link> {
        let links = match self.kind {
            Kind::PinSharedByDifferentPeople => false,
            Kind::PossibleSamePerson => self.cut,
            Kind::RepeatedRecord | Kind::SamePersonMultiplePins => true,
        };
        links.then_some(Link {
            a: self.a,
            b: self.b,
            score: self.score,
        })
    }
}

/// The clusters of a run's `links` with people's decisions: what
/// [`dedupe_decided`] makes of them, without comparing again. A clerk's
/// export regroups this way as decisions are made. A pair decided as one
/// person joins first, whatever its score or the rules (a chain of such
/// pairs too: the person said so); a pair decided as two people never joins.
///
/// A run's links (its pairs clustering cut included: [`PairFinding::link`])
/// with no decision give that run's clusters again; a decision that lifts
/// what kept a cut pair out lets it join, as in the next run. Links and
/// decisions that name a record out of range are left out.
pub fn cluster_links(
    batch: &Batch,
    links: impl IntoIterator<Item = Link>,
    decided: &Decided,
) -> Vec<Cluster> {
    let links = links.into_iter().map(|l| (l.a, l.b, l.score)).collect();
    cluster_scored(batch, links, decided)
}

/// Who stands behind a record's attested date in a cluster: its PIN, or,
/// for a number read from look-alike letters (no valid PIN kept) or a
/// placeholder serial that many people hold, the record itself (the high
/// bit marks it; a PIN is below 10^14 < 2^47).
fn date_witness(prepared: &[Prepared], record: u32) -> u64 {
    match prepared.get(record as usize).and_then(|r| r.pin) {
        Some(pin) if !pin.serial_zero() => pin.get(),
        _ => 1 << 63 | u64::from(record),
    }
}

/// [`cluster_links`] of scored pairs: one copy of the clustering, whatever
/// the callers' iterators (the worker's `.wasm` holds it once).
fn cluster_scored(
    batch: &Batch,
    mut links: Vec<(u32, u32, f32)>,
    decided: &Decided,
) -> Vec<Cluster> {
    let prepared = &batch.prepared;
    let names = &batch.vocabulary;
    let id_of = |i: u32| batch.record_ids.get(i as usize).unwrap_or_default();
    let n = prepared.len();
    let ordered = |(a, b): (u32, u32)| (a.min(b), a.max(b));
    let within = |&(a, b): &(u32, u32)| a != b && (a.max(b) as usize) < n;
    let apart: rustc_hash::FxHashSet<(u32, u32)> = decided
        .different_people
        .iter()
        .filter(|p| within(p))
        .map(|&p| ordered(p))
        .collect();
    // Records a person said are one, through any chain of such decisions:
    // few, so numbered among themselves, not a table of every record.
    let said_one = |p: &&(u32, u32)| within(p) && !apart.contains(&ordered(**p));
    let mut slot: rustc_hash::FxHashMap<u32, u32> = rustc_hash::FxHashMap::default();
    for &(a, b) in decided.same_person.iter().filter(said_one) {
        for record in [a, b] {
            let next = slot.len() as u32;
            slot.entry(record).or_insert(next);
        }
    }
    let mut one_person = cluster::DisjointSets::new(slot.len());
    for &(a, b) in decided.same_person.iter().filter(said_one) {
        if let (Some(&x), Some(&y)) = (slot.get(&a), slot.get(&b)) {
            one_person.union(x, y);
        }
    }
    let person: rustc_hash::FxHashMap<u32, u32> = slot
        .iter()
        .map(|(&record, &s)| (record, one_person.find(s)))
        .collect();
    let said_one_person =
        |a: u32, b: u32| matches!((person.get(&a), person.get(&b)), (Some(x), Some(y)) if x == y);
    // The decided pairs join first (checked_components sorts by score); the
    // links are filtered where they are: a run's links are many.
    links.extend(
        decided
            .same_person
            .iter()
            .filter(|p| within(p))
            .map(|&p| (p.0, p.1, f32::INFINITY)),
    );
    links.retain(|&(a, b, _)| within(&(a, b)) && !apart.contains(&ordered((a, b))));
    // Two records whose dates each have their own PIN for a witness, and
    // differ, are one person by a link between their two PINs (a second PIN
    // issued from a slipped year, the names strong enough), never through a
    // third record without a PIN: its date fits both, and so would a
    // namesake's. Any records of those two PINs may then share the cluster.
    let attested_pins = |a: u32, b: u32| {
        let (ra, rb) = (&prepared[a as usize], &prepared[b as usize]);
        match (ra.attested_birth_date(), rb.attested_birth_date()) {
            (Some(x), Some(y)) if x != y => {
                let (a, b) = (date_witness(prepared, a), date_witness(prepared, b));
                Some((a.min(b), a.max(b)))
            }
            _ => None,
        }
    };
    let linked_pins: rustc_hash::FxHashSet<(u64, u64)> = links
        .iter()
        .filter_map(|&(a, b, _)| attested_pins(a, b))
        .collect();
    let compatible = |a: u32, b: u32| {
        let (ra, rb) = (&prepared[a as usize], &prepared[b as usize]);
        !apart.contains(&ordered((a, b)))
            && (said_one_person(a, b)
                || !compare::clearly_different_in_cluster(names, ra, rb)
                    && attested_pins(a, b).is_none_or(|pins| linked_pins.contains(&pins)))
    };
    cluster::checked_components(n, links, compatible, id_of)
        .into_iter()
        .map(|members| {
            let mut pins: Vec<u64> = members
                .iter()
                .filter_map(|&m| prepared[m as usize].pin)
                .map(PinNumber::get)
                .collect();
            pins.sort_unstable();
            pins.dedup();
            let kind = if pins.len() > 1 {
                Kind::SamePersonMultiplePins
            } else {
                Kind::RepeatedRecord
            };
            Cluster {
                id: id_of(members[0]).to_string(),
                kind,
                members,
            }
        })
        .collect()
}

fn cluster_compared(
    batch: &Batch,
    compared: Compared,
    decided: &Decided,
    progress: &mut dyn FnMut(Progress),
) -> Dedupe {
    let Compared {
        pairs,
        compared,
        skipped,
        crowded_pins,
    } = compared;
    let n = batch.len() as u64;
    let prepared = &batch.prepared;
    progress(Progress {
        stage: Stage::Cluster,
        done: 0,
        total: pairs.len() as u64,
    });
    let clusters = cluster_links(batch, pairs.iter().filter_map(PairFinding::link), decided);
    let [apart, together]: [rustc_hash::FxHashSet<(u32, u32)>; 2] =
        [&decided.different_people, &decided.same_person]
            .map(|pairs| pairs.iter().map(|&(a, b)| (a.min(b), a.max(b))).collect());
    let (pairs, unasked_links) =
        cut_pairs_for_review(pairs, &clusters, prepared, [&apart, &together]);
    Dedupe {
        pairs,
        unasked_links,
        crowded_pins,
        clusters,
        stats: Stats {
            records: n,
            candidate_pairs: compared,
            oversized_blocks: skipped,
        },
    }
}
