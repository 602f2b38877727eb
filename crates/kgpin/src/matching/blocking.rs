//! Blocking: cheap keys that two records of one person share with high
//! probability, so that only records sharing a key are compared.
//!
//! Keys (each record emits several; sharing any one makes a candidate pair):
//! - birth date (day/month order-free, from the stated date and the PIN's)
//!   with the initials of the first name and the surname (order-free);
//! - the two names, order-free (swapped fields meet), with and without the birth year;
//! - the first name, or the surname, with the father's name and the birth year
//!   or day-month (a marriage, or a slip in one name and one in the date);
//! - the surname stem with the full birth date (a record without a
//!   patronymic whose first name slipped in its first letter);
//! - the first name with the full birth date, compared only where one record
//!   is a [`probe`]: its father's name missing or rare, or its surname rare,
//!   so the keys built on those names may have missed its other records;
//! - the PIN itself.
//!
//! A block larger than its cap (a very common name with no date) is split by
//! a further key ([`refine`]: father's name and sex) rather than exploding
//! into millions of pairs; a sub-block still too large is skipped and
//! reported by kind and size. A PIN on too many records is never compared
//! pairwise: it is reported as a finding of its own, with its records.

use std::hash::{Hash, Hasher};
use std::sync::OnceLock;

use super::hash::Hash64;

use super::record::{NameId, Prepared, NO_NAME};
use crate::date::Date;
use crate::sex::Sex;

crate::coded_enum! {
    /// Kinds of key, stored in the low four bits of a key.
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
        /// The surname's stem with the full birth date: meets a record without
        /// a patronymic whose first name changed in its first letter, which
        /// shares no other key.
        "name_date" => NameDate = 7,
        /// The father's name with the full birth date: meets a record whose
        /// first name and surname both slipped in their first letters, or
        /// were swapped and slipped, which shares no other key.
        "father_date" => FatherDate = 8,
        /// The first name with the full birth date, comparing only pairs
        /// where one record is a [`probe`]: meets a record without its
        /// father's name (or with a rare spelling of it or of the surname)
        /// whose surname also slipped, which shares no other key.
        "first_name_date" => FirstDate = 9,
    }
}

const KIND_BITS: u64 = 15;

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
            KeyKind::NameDate | KeyKind::FatherDate | KeyKind::FirstDate => 100,
            KeyKind::Pin => 50,
        }
    }
    /// Whether a block of this kind with `records` records, `probes` of
    /// them [probes](probe), is over its cap. A [`KeyKind::FirstDate`]
    /// block compares only pairs with a probe, so its cap counts those
    /// pairs (a common first name's day may hold hundreds of records and a
    /// probe or two): splitting it by the father's name would part a probe
    /// without one from the records it is there to meet.
    pub const fn over_cap(self, records: usize, probes: usize) -> bool {
        let cap = self.cap();
        match self {
            KeyKind::FirstDate => {
                let pairs = probes * (records - probes) + probes * probes.saturating_sub(1) / 2;
                pairs > cap * (cap - 1) / 2
            }
            _ => records > cap,
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
            6 => KeyKind::LastFather,
            7 => KeyKind::NameDate,
            8 => KeyKind::FatherDate,
            _ => KeyKind::FirstDate,
        }
    }
}

fn key(kind: KeyKind, value: impl Hash) -> u64 {
    let mut hasher = Hash64::default();
    (kind as u8).hash(&mut hasher);
    value.hash(&mut hasher);
    (hasher.finish() & !KIND_BITS) | kind as u64
}

/// A further key for a block over its cap: the father's name and the sex.
/// Records of one person share both far more often than a crowd of
/// namesakes does, so the block splits into sub-blocks worth comparing. A
/// sex in doubt (a column against its own PIN) is no sex here: its record
/// meets its namesakes of either.
pub fn refine(r: &Prepared) -> u64 {
    refine_of(r.father, r.sex.settled())
}

/// [`refine`] of a father's name and a sex: the father's name hashed, the
/// sex in the low two bits, so that a record of unknown sex
/// is still compared with its namesakes of either.
pub fn refine_of(father: NameId, sex: Option<Sex>) -> u64 {
    let mut hasher = Hash64::default();
    father.hash(&mut hasher);
    let sex = match sex {
        None => 0,
        Some(Sex::Female) => 1,
        Some(Sex::Male) => 2,
    };
    (hasher.finish() & !SEX_BITS) | sex
}

/// The bits of a [`refine`] value that hold the sex (0 when unknown).
const SEX_BITS: u64 = 3;

/// Whether two [`refine`] values put their records in one sub-block: one
/// father's name, and one sex or a sex unknown on either.
fn refines_meet(a: u64, b: u64) -> bool {
    a == b || (a & !SEX_BITS == b & !SEX_BITS && (a & SEX_BITS == 0 || b & SEX_BITS == 0))
}

/// Whether a record may have lost the keys its father's name and surname
/// give: the father's name missing, or it or the surname a spelling rare in
/// the file (a slip, most often). Such a record is also met by its first
/// name and full date ([`KeyKind::FirstDate`]); pairs of two other records
/// are not compared there (they would be namesakes born the same day, met
/// by the other keys if one person: ten times the pairs for nothing).
pub fn probe(r: &Prepared) -> bool {
    r.father == NO_NAME || !r.father_established || !r.last_established
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
    // Each date once: the stated date is most often the PIN's too, and
    // every key of a date twice was most of this function's hashing.
    let distinct: [Option<Date>; 3] = std::array::from_fn(|i| {
        let date = dates.get(i).copied().flatten()?;
        (!dates.iter().take(i).any(|&earlier| earlier == Some(date))).then_some(date)
    });
    let has_first = r.first_key != NO_NAME;
    for date in distinct.into_iter().flatten() {
        out.push(key(KeyKind::DateInitial, (order_free(date), initials)));
        // The surname's stem alone with the date (at 7.3M records each key
        // is about 5% more memory).
        if r.last_stem != NO_NAME {
            out.push(key(KeyKind::NameDate, (r.last_stem, order_free(date))));
        }
        // The first name with the date: compared for probes only (for every
        // pair it cost 9% more pairs for a tenth of a percent of recall).
        if has_first {
            out.push(key(KeyKind::FirstDate, (r.first_key, order_free(date))));
        }
        if r.father != NO_NAME {
            out.push(key(KeyKind::FatherDate, (r.father, order_free(date))));
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
    // No date at all but a spreadsheet's leading PIN digits (2.26072E+13):
    // their day and month meet the dated record's father keys, so a record
    // whose first name also slipped is still compared with its original.
    let dated = dates.iter().any(Option::is_some);
    if let Some((day, month)) = fragment
        .and_then(|f| f.likely_day_month())
        .filter(|_| !dated)
    {
        let day_month = order_free_day_month(day, month);
        if r.father != NO_NAME && r.last_stem != NO_NAME {
            out.push(key(KeyKind::LastFather, (r.last_stem, r.father, day_month)));
        }
        if r.father != NO_NAME && has_first {
            out.push(key(
                KeyKind::FirstFatherYear,
                (r.first_key, r.father, day_month),
            ));
        }
    }
    if has_first && r.last_stem != NO_NAME {
        // Both names by their stems, so that a surname written in the first
        // name's field (Кудрявов, Дмитрий) meets its own stem (Dmitriy Kudriavov).
        let names = (r.first_stem.min(r.last_stem), r.first_stem.max(r.last_stem));
        out.push(key(KeyKind::Names, names));
        for date in distinct.into_iter().flatten() {
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
        out.push(key(KeyKind::Pin, pin.get()));
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

/// A directory of sorted key entries by the keys' top bits. Keys are hashes,
/// so their top bits spread evenly: with about four entries per bucket a
/// block is two reads and a search of a few entries away, where a binary
/// search over a million people's ten million entries takes some 24 reads
/// from all over memory (most of a candidate query's time). At most 2^22
/// buckets: 16 MB for a country.
#[derive(Debug, Clone)]
struct Directory {
    /// `starts[b]`: the first entry whose key's top bits are `b` or more.
    starts: Vec<u32>,
    /// The shift that leaves a key's top bits.
    shift: u32,
}

impl Directory {
    const MAX_BITS: u32 = 22;

    /// No directory: every bucket is empty (blocks that answer no query).
    fn none() -> Directory {
        Directory {
            starts: Vec::new(),
            shift: 63,
        }
    }

    /// How many top bits of a key pick the bucket of one of `entries` entries.
    fn shift(entries: usize) -> u32 {
        let bits = (entries / 4)
            .max(16)
            .next_power_of_two()
            .trailing_zeros()
            .min(Self::MAX_BITS);
        64 - bits
    }

    /// Entries are grouped into this many parts by their keys' top byte
    /// (as they are written: [`Directory::part`]), and each part, a 256th
    /// of the whole, is sorted on its own, on both cores: no second buffer
    /// (a country's ~90M entries are 1.1 GB), and each part's sort fits in
    /// the cache.
    const PARTS: usize = 1 << 8;

    /// The part of [`Directory::PARTS`] a key belongs to.
    fn part(key: u64) -> usize {
        (key >> (64 - Self::PARTS.trailing_zeros())) as usize
    }

    /// Sorts `entries` already grouped by [`Directory::part`] (by key, then
    /// record) and returns their directory.
    fn sorting(entries: &mut [Entry]) -> Directory {
        let part = |e: &Entry| Self::part(e.0);
        debug_assert!(entries.windows(2).all(|w| part(&w[0]) <= part(&w[1])));
        crate::parallel::sort_runs(entries, |x, y| part(x) == part(y));
        Directory::of(entries)
    }

    fn of(entries: &[Entry]) -> Directory {
        let shift = Self::shift(entries.len());
        let bits = 64 - shift;
        let buckets = 1usize << bits;
        let mut starts = Vec::with_capacity(buckets + 1);
        let mut next = 0usize;
        for bucket in 0..=buckets {
            while entries
                .get(next)
                .is_some_and(|e| ((e.0 >> shift) as usize) < bucket)
            {
                next += 1;
            }
            starts.push(next as u32);
        }
        Directory { starts, shift }
    }

    /// The entries whose key has the top bits of `key`: a block is never
    /// split between two buckets.
    fn bucket<'a>(&self, entries: &'a [Entry], key: u64) -> &'a [Entry] {
        let b = (key >> self.shift) as usize;
        match (self.starts.get(b), self.starts.get(b + 1)) {
            (Some(&start), Some(&end)) => entries.get(start as usize..end as usize).unwrap_or(&[]),
            _ => &[],
        }
    }
}

/// The name blocks over their cap, by key, each with where its records
/// begin in `entries`: there, `(refine value, record)`, sorted, so that a
/// query finds its part of a crowd without visiting the rest.
#[derive(Debug, Clone, Default)]
struct Split {
    keys: Vec<(u64, u32)>,
    entries: Vec<Entry>,
}

/// What became of a block over its cap.
#[derive(Debug, Clone)]
enum OverCap {
    /// Not compared at all (a PIN on many records: a finding of its own).
    Skipped,
    /// Split by [`refine`]; the sub-blocks with these refine values were
    /// still over the cap and skipped.
    Refined(Vec<u64>),
}

/// A blocking key and a record that has it. Packed to 4-byte alignment: 12
/// bytes, not the 16 a `(u64, u32)` takes with its padding. A country's
/// registry has ~90M of them, and they are most of the memory while pairs
/// are compared (and the pre-check index keeps them).
#[repr(C, packed(4))]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Entry(pub u64, pub u32);

impl From<(u64, u32)> for Entry {
    fn from((key, record): (u64, u32)) -> Entry {
        Entry(key, record)
    }
}

/// The blocks of a batch, and the blocks each record shares with others, so
/// that every candidate pair is compared once, at the first block it shares
/// that compares it, without ever listing all pairs (on a country's registry
/// there are hundreds of millions, many shared through several keys). Built
/// with every key ([`Blocks::of`]), the same sorted keys serve one-at-a-time
/// queries ([`Index`](super::index::Index)); a whole-file run keeps the shared
/// blocks only ([`Blocks::for_run`]), and finds no block by its key.
///
/// A block that compares a pair (see [`shared`]) is *shared*; shared blocks
/// are numbered in key order, and a pair's blocks are named by that number.
#[derive(Debug, Clone)]
pub struct Blocks {
    /// `(key, record)`, sorted: a block is a run of one key. Every key, or
    /// for a run ([`Blocks::for_run`]) the shared blocks' keys only.
    entries: Vec<Entry>,
    /// Where the entries whose key has each value of its top bits begin
    /// ([`Directory`]): a query finds a block in two reads and a short search.
    /// Empty for a run, which asks no query.
    directory: Directory,
    /// The shared blocks of each record, ascending:
    /// `shared[offsets[i]..offsets[i + 1]]`. A number of 4 bytes where a key
    /// was 8, and the keys no other record has (most of them) not at all.
    shared: Vec<u32>,
    offsets: Vec<u32>,
    /// Shared blocks over their cap, by number (found in order; few).
    over_cap: Vec<(u32, OverCap)>,
    /// Refine values of the records, for blocks over their cap.
    refined: Vec<u64>,
    /// The records that are a [`probe`], by index.
    probes: Bits,
    /// The shared blocks, by number, that compare only pairs with a probe
    /// ([`KeyKind::FirstDate`]).
    probed: Bits,
    /// The name blocks over their cap split for queries, made by the first
    /// query: a whole-file run splits each as it goes and needs no copy (at
    /// 7.3M records this one is ~60 MB; in the clerk's worker, ~6 MB at 1M
    /// that would otherwise sit on the load's peak).
    split: OnceLock<Split>,
    /// Blocks over their cap, by kind, for the report.
    pub oversized: Vec<super::OversizedBlocks>,
    /// PIN blocks over their cap, each with its records.
    pub crowded_pins: Vec<super::CrowdedPin>,
}

impl Blocks {
    /// Keys every record, sorts the blocks and notes those over their cap:
    /// every key is kept, for queries ([`Blocks::query_block`]).
    pub fn of(prepared: &[Prepared]) -> Blocks {
        let mut entries =
            crate::parallel::flat_map_indexed(prepared, Directory::PARTS, Directory::part, keys);
        let directory = Directory::sorting(&mut entries);
        Self::with_entries(prepared, entries, directory, probes_of(prepared))
    }

    /// [`Blocks::of`] for one run over the whole file, which asks no query:
    /// only the blocks that compare a pair are kept ([`shared`]). Most keys
    /// are one record's own (six in ten entries at 1M records): kept, they
    /// were half a gigabyte of a country's run that the comparisons never
    /// read, on its peak. Each part is sorted and cut down where it lies,
    /// the parts' blocks moved up to the front, and the memory behind them
    /// handed back ([`crate::parallel::release_spare`]): a second buffer
    /// would have held the entries twice.
    pub fn for_run(prepared: &[Prepared]) -> Blocks {
        let probes = probes_of(prepared);
        let mut entries: Vec<Entry> =
            crate::parallel::flat_map_indexed(prepared, Directory::PARTS, Directory::part, keys);
        // Each part's place (entries are grouped by part, in order), then
        // each part sorted and its shared blocks moved to its front.
        let mut parts: Vec<(usize, &mut [Entry])> = Vec::with_capacity(Directory::PARTS);
        let mut rest = entries.as_mut_slice();
        for p in 0..Directory::PARTS {
            let len = rest.partition_point(|e| Directory::part(e.0) <= p);
            let (part, tail) = rest.split_at_mut(len);
            parts.push((0, part));
            rest = tail;
        }
        debug_assert!(rest.is_empty(), "every entry is in a part");
        crate::parallel::for_each_mut(&mut parts, |(shared_len, part)| {
            part.sort_unstable();
            *shared_len = keep_shared(part, &probes);
        });
        // Each part's shared length and whole length, so that the parts'
        // borrow of `entries` ends before they are joined.
        let lengths: Vec<(usize, usize)> = parts
            .iter()
            .map(|(shared_len, part)| (*shared_len, part.len()))
            .collect();
        let mut write = 0;
        let mut read = 0;
        for (shared_len, len) in lengths {
            entries.copy_within(read..read + shared_len, write);
            write += shared_len;
            read += len;
        }
        entries.truncate(write);
        crate::parallel::release_spare(&mut entries);
        Self::with_entries(prepared, entries, Directory::none(), probes)
    }

    /// The rest of [`Blocks::of`] from its sorted entries.
    fn with_entries(
        prepared: &[Prepared],
        entries: Vec<Entry>,
        directory: Directory,
        probes: Bits,
    ) -> Blocks {
        let (shared, offsets) = shared_blocks(
            &entries,
            &probes,
            prepared.len(),
            // Each part walks every entry: more parts than cores cost reads.
            crate::parallel::threads().min(4),
        );
        let mut blocks = Blocks {
            directory,
            entries,
            shared,
            offsets,
            over_cap: Vec::new(),
            refined: Vec::new(),
            probes,
            probed: Bits::new(0),
            split: OnceLock::new(),
            oversized: Vec::new(),
            crowded_pins: Vec::new(),
        };
        blocks.note_over_cap(prepared);
        blocks
    }

    fn runs(&self) -> impl Iterator<Item = &[Entry]> {
        runs(&self.entries)
    }

    /// The shared blocks, in order: the `n`th is block number `n`.
    fn shared_runs(&self) -> impl Iterator<Item = &[Entry]> {
        self.runs().filter(|run| shared(run, &self.probes))
    }

    /// Finds the blocks over their cap: PINs on many records become
    /// findings; other blocks are split by [`refine`], and what is still too
    /// large is counted by kind for the report.
    fn note_over_cap(&mut self, prepared: &[Prepared]) {
        let mut over_cap = Vec::new();
        let mut oversized: Vec<super::OversizedBlocks> = Vec::new();
        let mut crowded_pins = Vec::new();
        let mut skip =
            |kind: KeyKind, size: usize| match oversized.iter_mut().find(|s| s.key_kind == kind) {
                Some(s) => {
                    s.blocks += 1;
                    s.largest = s.largest.max(size as u64);
                }
                None => oversized.push(super::OversizedBlocks {
                    key_kind: kind,
                    blocks: 1,
                    largest: size as u64,
                    cap: kind.cap() as u64,
                }),
            };
        let mut any_refined = false;
        let mut probed = Bits::new(0);
        for (number, block) in self.shared_runs().enumerate() {
            let key = block[0].0;
            let kind = KeyKind::of(key);
            if kind == KeyKind::FirstDate {
                probed.grow_set(number);
            }
            // Within its cap in records is within it in pairs too.
            if block.len() <= kind.cap() || !kind.over_cap(block.len(), self.probes.count_in(block))
            {
                continue;
            }
            if kind == KeyKind::Pin {
                crowded_pins.extend(crowded_pin(block, prepared));
                skip(kind, block.len());
                over_cap.push((number as u32, OverCap::Skipped));
                continue;
            }
            // Over its cap: split by a further key rather than dropped; what
            // is still too large is reported.
            any_refined = true;
            // As entries (refine value, record): their sort is there already.
            let mut sub: Vec<Entry> = block
                .iter()
                .map(|&Entry(_, m)| Entry(refine(&prepared[m as usize]), m))
                .collect();
            sub.sort_unstable();
            let mut still_over = Vec::new();
            for run in sub.chunk_by(|x, y| x.0 == y.0) {
                if kind.over_cap(run.len(), self.probes.count_in(run)) {
                    skip(kind, run.len());
                    still_over.push(run[0].0);
                }
            }
            // Records of unknown sex meet both sexes of their father's name
            // (`refines_meet`): where those pairs are more than a block
            // within its cap has, they are skipped as a part over it is.
            let most_pairs = kind.cap() * (kind.cap() - 1) / 2;
            for father in sub.chunk_by(|x, y| x.0 & !SEX_BITS == y.0 & !SEX_BITS) {
                let mut runs = father.chunk_by(|x, y| x.0 == y.0);
                let Some(unknown) = runs.next().filter(|run| run[0].0 & SEX_BITS == 0) else {
                    continue;
                };
                let value = unknown[0].0;
                if !still_over.contains(&value)
                    && runs.any(|run| unknown.len() * run.len() > most_pairs)
                {
                    skip(kind, unknown.len());
                    still_over.push(value);
                }
            }
            over_cap.push((number as u32, OverCap::Refined(still_over)));
        }
        if any_refined {
            self.refined = crate::parallel::map(prepared, refine);
        }
        oversized.sort_by_key(|s| s.key_kind);
        crowded_pins.sort_by(|a: &super::CrowdedPin, b| {
            b.members
                .len()
                .cmp(&a.members.len())
                .then(a.pin.cmp(&b.pin))
        });
        self.over_cap = over_cap;
        self.probed = probed;
        self.oversized = oversized;
        self.crowded_pins = crowded_pins;
    }

    /// Key entries in all (the work of [`Blocks::for_each_block_pairs`]):
    /// for a run, those of the shared blocks.
    pub fn entry_count(&self) -> usize {
        self.entries.len()
    }

    /// The block of `key`: its `(key, record)` entries, by record (none for
    /// the blocks of a run, [`Blocks::for_run`]).
    pub fn block(&self, key: u64) -> &[Entry] {
        let bucket = self.directory.bucket(&self.entries, key);
        let start = bucket.partition_point(|e| e.0 < key);
        let run = bucket.get(start..).unwrap_or(&[]);
        run.get(..run.partition_point(|e| e.0 == key))
            .unwrap_or(&[])
    }

    /// The name blocks over their cap split by [`refine`], for
    /// [`Blocks::query_block`].
    fn split(&self) -> &Split {
        self.split.get_or_init(|| {
            let mut split = Split::default();
            let mut over_caps = self.over_cap.iter().peekable();
            for (number, block) in self.shared_runs().enumerate() {
                let Some((over, what)) = over_caps.peek() else {
                    break;
                };
                if *over as usize != number {
                    continue;
                }
                over_caps.next();
                if let OverCap::Refined(_) = what {
                    let start = split.entries.len();
                    split.keys.push((block[0].0, start as u32));
                    split.entries.extend(block.iter().map(|&Entry(_, m)| {
                        Entry(self.refined.get(m as usize).copied().unwrap_or(0), m)
                    }));
                    split.entries[start..].sort_unstable();
                }
            }
            split
        })
    }

    /// Pushes onto `out` the records of block `key` worth comparing with a
    /// query whose [`refine`] values (one per sex it may have) are
    /// `refines`, at most `most` of them. A block within its cap gives all
    /// its records; a name block over it (a crowd of namesakes) only those a
    /// whole-file run would compare with such a record: the ones sharing its
    /// father's name and sex (the caller adds the values of records that
    /// lack either), in the order of `refines`; a part still over the cap
    /// gives its first records by record order. A PIN block is never split:
    /// a PIN shared is a finding whatever the names.
    pub fn query_block(&self, key: u64, refines: &[u64], most: usize, out: &mut Vec<u32>) {
        let block = self.block(key);
        let kind = KeyKind::of(key);
        let over =
            block.len() > kind.cap() && kind.over_cap(block.len(), self.probes.count_in(block));
        let split = over.then(|| self.split()).and_then(|split| {
            let i = split.keys.binary_search_by_key(&key, |&(k, _)| k).ok()?;
            let start = split.keys[i].1 as usize;
            let end = split
                .keys
                .get(i + 1)
                .map_or(split.entries.len(), |&(_, next)| next as usize);
            split.entries.get(start..end)
        });
        let Some(split) = split else {
            out.extend(block.iter().take(most).map(|&Entry(_, record)| record));
            return;
        };
        let mut left = most;
        for &value in refines {
            let from = split.partition_point(|e| e.0 < value);
            let run = split.get(from..).unwrap_or(&[]);
            let run = run
                .get(..run.partition_point(|e| e.0 == value))
                .unwrap_or(&[]);
            let taken = run.len().min(left);
            out.extend(run.iter().take(taken).map(|&Entry(_, record)| record));
            left -= taken;
        }
    }

    /// What became of shared block `number`, if it is over its cap.
    fn over_cap(&self, number: u32) -> Option<&OverCap> {
        let i = self.over_cap.binary_search_by_key(&number, |e| e.0).ok()?;
        Some(&self.over_cap[i].1)
    }

    /// Whether shared block `number` compares records `a` and `b`.
    fn compares(&self, number: u32, a: u32, b: u32) -> bool {
        if self.probed.get(number as usize) && !self.either_probe(a, b) {
            return false;
        }
        match self.over_cap(number) {
            None => true,
            Some(OverCap::Skipped) => false,
            Some(OverCap::Refined(still_over)) => {
                let (ra, rb) = (self.refined[a as usize], self.refined[b as usize]);
                refines_meet(ra, rb) && !still_over.contains(&ra) && !still_over.contains(&rb)
            }
        }
    }

    /// Pushes onto `out` the [probes](probe) of block `key`, at most
    /// `most`: what a whole-file run compares there with a record that is
    /// not one.
    pub fn query_probes(&self, key: u64, most: usize, out: &mut Vec<u32>) {
        let probes = self.block(key).iter().map(|e| e.1);
        out.extend(probes.filter(|&r| self.probes.get(r as usize)).take(most));
    }

    fn either_probe(&self, a: u32, b: u32) -> bool {
        self.probes.get(a as usize) || self.probes.get(b as usize)
    }

    fn shared_by(&self, i: u32) -> &[u32] {
        let i = i as usize;
        &self.shared[self.offsets[i] as usize..self.offsets[i + 1] as usize]
    }

    /// Asks the processor for where record `i`'s list of shared blocks is
    /// kept, ahead of [`Blocks::prefetch_shared`] and [`Blocks::first_meeting`].
    pub(crate) fn prefetch_shared_place(&self, i: u32) {
        if let Some(place) = self.offsets.get(i as usize..i as usize + 2) {
            super::prefetch(place);
        }
    }

    /// Asks the processor for record `i`'s list of shared blocks, ahead of
    /// [`Blocks::first_meeting`].
    pub(crate) fn prefetch_shared(&self, i: u32) {
        if i as usize + 1 < self.offsets.len() {
            super::prefetch(self.shared_by(i));
        }
    }

    /// Whether shared block `block` is the first block (in key order) that
    /// `a` and `b` share and that compares them: a pair met in several
    /// blocks is compared once, there.
    pub fn first_meeting(&self, block: u32, a: u32, b: u32) -> bool {
        let (ka, kb) = (self.shared_by(a), self.shared_by(b));
        let (mut i, mut j) = (0, 0);
        while i < ka.len() && j < kb.len() {
            match ka[i].cmp(&kb[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    let shared = ka[i];
                    if shared == block {
                        return true;
                    }
                    if self.compares(shared, a, b) {
                        return false;
                    }
                    i += 1;
                    j += 1;
                }
            }
        }
        false
    }

    /// Calls `f` with the `(block, smaller, larger)` pairs of every shared
    /// block, in batches of about `batch` pairs, and with the key entries
    /// done so far.
    /// A pair met in several blocks comes once for each: keep those for
    /// which [`Blocks::first_meeting`] holds.
    pub fn for_each_block_pairs(&self, batch: usize, mut f: impl FnMut(&[(u32, u32, u32)], usize)) {
        let mut buffer: Vec<(u32, u32, u32)> = Vec::with_capacity(batch + 1024);
        let mut done = 0;
        let mut sub: Vec<Entry> = Vec::new();
        let mut next_over_cap = 0;
        let mut number = 0u32;
        for block in self.runs() {
            done += block.len();
            if !shared(block, &self.probes) {
                continue;
            }
            let this = number;
            number += 1;
            let probes = (KeyKind::of(block[0].0) == KeyKind::FirstDate).then_some(&self.probes);
            // Blocks and the list of those over their cap are both in order.
            let over_cap = match self.over_cap.get(next_over_cap) {
                Some((over, what)) if *over == this => {
                    next_over_cap += 1;
                    Some(what)
                }
                _ => None,
            };
            match over_cap {
                None => push_pairs(this, block, probes, &mut buffer),
                Some(OverCap::Skipped) => {}
                Some(OverCap::Refined(still_over)) => {
                    sub.clear();
                    sub.extend(
                        block
                            .iter()
                            .map(|&Entry(_, m)| Entry(self.refined[m as usize], m)),
                    );
                    sub.sort_unstable();
                    // One father's name: its records of unknown sex (sex bits
                    // 0, first) meet those of either sex too (`refines_meet`).
                    let fathers = sub.chunk_by(|x, y| x.0 & !SEX_BITS == y.0 & !SEX_BITS);
                    for father in fathers {
                        // At most three runs: unknown, female, male.
                        let mut unknown: &[Entry] = &[];
                        for run in father.chunk_by(|x, y| x.0 == y.0) {
                            if still_over.contains(&{ run[0].0 }) {
                                continue;
                            }
                            push_pairs(this, run, probes, &mut buffer);
                            if run[0].0 & SEX_BITS == 0 {
                                unknown = run;
                            } else {
                                push_cross_pairs(this, unknown, run, probes, &mut buffer);
                            }
                        }
                        // A huge block splits into many parts: hand their
                        // pairs over as they come, not all at once.
                        if buffer.len() >= batch {
                            f(&buffer, done);
                            buffer.clear();
                        }
                    }
                }
            }
            if buffer.len() >= batch {
                f(&buffer, done);
                buffer.clear();
            }
        }
        f(&buffer, done);
    }
}

/// Every pair of the records of one (sub-)block, each as `(block, smaller,
/// larger)`, or with `probes` only the pairs with a probe in them. Straight
/// from the slice: this runs once per block, millions of times on a
/// country's registry.
fn push_pairs(
    number: u32,
    block: &[Entry],
    probes: Option<&Bits>,
    pairs: &mut Vec<(u32, u32, u32)>,
) {
    for (i, &Entry(_, a)) in block.iter().enumerate() {
        let a_probe = probes.is_none_or(|p| p.get(a as usize));
        for &Entry(_, b) in &block[i + 1..] {
            if a_probe || probes.is_some_and(|p| p.get(b as usize)) {
                pairs.push((number, a.min(b), a.max(b)));
            }
        }
    }
}

/// Every pair of one record of `left` and one of `right` (two parts of one
/// block), as [`push_pairs`] gives them.
fn push_cross_pairs(
    number: u32,
    left: &[Entry],
    right: &[Entry],
    probes: Option<&Bits>,
    pairs: &mut Vec<(u32, u32, u32)>,
) {
    for &Entry(_, a) in left {
        let a_probe = probes.is_none_or(|p| p.get(a as usize));
        for &Entry(_, b) in right {
            if a_probe || probes.is_some_and(|p| p.get(b as usize)) {
                pairs.push((number, a.min(b), a.max(b)));
            }
        }
    }
}

/// A set of small numbers, a bit each (a country's records: 0.9 MB).
#[derive(Debug, Clone, Default)]
struct Bits(Vec<u64>);

impl Bits {
    fn new(len: usize) -> Bits {
        Bits(vec![0; len.div_ceil(64)])
    }
    fn set(&mut self, i: usize) {
        self.0[i / 64] |= 1 << (i % 64);
    }
    /// [`Bits::set`], growing to hold `i`.
    fn grow_set(&mut self, i: usize) {
        if i / 64 >= self.0.len() {
            self.0.resize(i / 64 + 1, 0);
        }
        self.set(i);
    }
    fn get(&self, i: usize) -> bool {
        self.0.get(i / 64).is_some_and(|w| w >> (i % 64) & 1 == 1)
    }
    /// How many of the entries' records are in the set.
    fn count_in(&self, entries: &[Entry]) -> usize {
        entries.iter().filter(|e| self.get(e.1 as usize)).count()
    }
}

/// Whether a block compares any pair: two records or more, and for a block
/// of [`KeyKind::FirstDate`] a [`probe`] among them (most have none: left
/// out, they cost the records' lists of shared blocks nothing).
fn shared(run: &[Entry], probes: &Bits) -> bool {
    run.len() > 1
        && (KeyKind::of(run[0].0) != KeyKind::FirstDate
            || run.iter().any(|&Entry(_, r)| probes.get(r as usize)))
}

/// Which records are a [`probe`].
fn probes_of(prepared: &[Prepared]) -> Bits {
    let mut probes = Bits::new(prepared.len());
    for (i, r) in prepared.iter().enumerate() {
        if probe(r) {
            probes.set(i);
        }
    }
    probes
}

/// Moves the blocks of sorted entries that compare a pair ([`shared`]) to
/// their front, in order; returns how many entries they are. (By hand, not
/// over [`runs`]: the runs are read from the slice being written.)
fn keep_shared(entries: &mut [Entry], probes: &Bits) -> usize {
    let mut kept = 0;
    let mut start = 0;
    while start < entries.len() {
        let key = entries[start].0;
        let mut end = start + 1;
        while end < entries.len() && entries[end].0 == key {
            end += 1;
        }
        if shared(&entries[start..end], probes) {
            entries.copy_within(start..end, kept);
            kept += end - start;
        }
        start = end;
    }
    kept
}

/// The runs of one key in sorted entries: the blocks.
fn runs(entries: &[Entry]) -> impl Iterator<Item = &[Entry]> {
    entries.chunk_by(|x, y| x.0 == y.0)
}

/// Each record's shared blocks by number, ascending (blocks are numbered in
/// key order, so each record's list fills in order), and where each record's
/// list starts (`records + 1` offsets).
///
/// The records are cut into one part per thread, and each thread walks all
/// blocks but writes only its own records' lists: a part's lists are one
/// stretch of the result, so the parts are written side by side. At 7.3M
/// records the writes, one per entry and all over memory, were 2 s on one
/// thread; the walk itself is a plain read.
fn shared_blocks(
    entries: &[Entry],
    probes: &Bits,
    records: usize,
    parts: usize,
) -> (Vec<u32>, Vec<u32>) {
    let shared_runs = || runs(entries).filter(|run| shared(run, probes));
    let parts = parts.clamp(1, records.max(1));
    let bounds: Vec<usize> = (0..=parts).map(|p| records * p / parts).collect();
    let mut offsets = vec![0u32; records + 1];
    // Each part counts its records' blocks: `counts[i]` is the count of
    // record `first + i`, written where the offsets will be summed.
    let mut tasks = Vec::with_capacity(parts);
    let mut rest = offsets.get_mut(1..).unwrap_or_default();
    for part in bounds.windows(2) {
        let (counts, tail) = rest.split_at_mut(part[1] - part[0]);
        tasks.push((part[0], counts));
        rest = tail;
    }
    crate::parallel::for_each_mut(&mut tasks, |(first, counts)| {
        let mine = *first..*first + counts.len();
        for run in shared_runs() {
            for &Entry(_, record) in run {
                if mine.contains(&(record as usize)) {
                    counts[record as usize - mine.start] += 1;
                }
            }
        }
    });
    for i in 1..offsets.len() {
        offsets[i] += offsets[i - 1];
    }
    let mut numbers = vec![0u32; offsets[records] as usize];
    let mut tasks = Vec::with_capacity(parts);
    let mut rest = numbers.as_mut_slice();
    for part in bounds.windows(2) {
        let (lists, tail) = rest.split_at_mut((offsets[part[1]] - offsets[part[0]]) as usize);
        tasks.push((part[0], part[1], lists));
        rest = tail;
    }
    let offsets_now = &offsets;
    crate::parallel::for_each_mut(&mut tasks, |(first, end, lists)| {
        let base = offsets_now[*first];
        // Where each of the part's records' next block goes, in `lists`.
        let mut next: Vec<u32> = offsets_now[*first..*end].iter().map(|o| o - base).collect();
        for (number, run) in shared_runs().enumerate() {
            for &Entry(_, record) in run {
                if let Some(at) = (record as usize)
                    .checked_sub(*first)
                    .and_then(|i| next.get_mut(i))
                {
                    lists[*at as usize] = number as u32;
                    *at += 1;
                }
            }
        }
    });
    (numbers, offsets)
}

/// The PIN most of a PIN block carries (a look-alike repair of a damaged PIN
/// shares the key too), with the block's records.
fn crowded_pin(block: &[Entry], prepared: &[Prepared]) -> Option<super::CrowdedPin> {
    let mut members: Vec<u32> = block.iter().map(|e| e.1).collect();
    members.sort_unstable();
    let mut pins: Vec<u64> = members
        .iter()
        .filter_map(|&m| prepared[m as usize].pin)
        .map(super::record::PinNumber::get)
        .collect();
    pins.sort_unstable();
    let pin = pins
        .chunk_by(|a, b| a == b)
        .max_by_key(|run| run.len())
        .and_then(|run| run.first().copied())?;
    Some(super::CrowdedPin { pin, members })
}

#[cfg(test)]
mod directory_tests {
    use super::{runs, shared, shared_blocks, Bits, Directory, Entry, KeyKind};

    #[test]
    fn sorting_by_buckets_sorts_as_a_comparison_sort_does() {
        let hashed = |i: u64| i.wrapping_mul(0x9E37_79B9_7F4A_7C15);
        for n in [0usize, 1, 2, 7, 64, 1000, 70_000] {
            // Hash-like keys, some repeated as blocks are, in record order...
            let spread: Vec<Entry> = (0..n)
                .map(|i| Entry(hashed(i as u64 / 3), i as u32))
                .collect();
            // ...keys that share their top bits (one crowded bucket)...
            let crowded: Vec<Entry> = (0..n)
                .map(|i| Entry(hashed(i as u64) >> 40, i as u32))
                .collect();
            // ...and records in reverse order.
            let reversed: Vec<Entry> = spread
                .iter()
                .map(|&Entry(k, i)| Entry(k, n as u32 - i))
                .collect();
            for entries in [spread, crowded, reversed] {
                let mut expected = entries.clone();
                expected.sort_unstable();
                // Grouped by part, as `flat_map_indexed` writes them.
                let mut sorted = entries;
                sorted.sort_by_key(|e| Directory::part(e.0));
                let directory = Directory::sorting(&mut sorted);
                assert_eq!(sorted, expected, "n {n}");
                assert_eq!(directory.starts, Directory::of(&expected).starts, "n {n}");
            }
        }
    }

    /// Cut into parts or not, each record's list is the shared blocks it is
    /// in, by number, ascending; a block of one record, or a first-name
    /// block without a probe, is in no list.
    #[test]
    fn shared_block_lists_are_the_same_in_any_number_of_parts() {
        let first_date = |n: u64| (n << 8) | KeyKind::FirstDate as u64;
        let names = |n: u64| (n << 8) | KeyKind::Names as u64;
        let records = 9;
        let mut probes = Bits::new(records);
        probes.set(4);
        let mut entries = vec![
            Entry(names(1), 0),
            Entry(names(1), 3),
            Entry(names(1), 8),
            Entry(names(2), 5), // alone: not shared
            Entry(first_date(3), 1),
            Entry(first_date(3), 2), // no probe: not shared
            Entry(first_date(4), 4),
            Entry(first_date(4), 8),
            Entry(names(5), 3),
            Entry(names(5), 4),
            Entry(names(5), 8),
        ];
        entries.sort_unstable();
        let shared_runs: Vec<&[Entry]> = runs(&entries).filter(|r| shared(r, &probes)).collect();
        let mut expected: Vec<Vec<u32>> = vec![Vec::new(); records];
        for (number, run) in shared_runs.iter().enumerate() {
            for e in run.iter() {
                expected[e.1 as usize].push(number as u32);
            }
        }
        assert_eq!(shared_runs.len(), 3);
        for parts in [1, 2, 3, 4, 9, 20] {
            let (numbers, offsets) = shared_blocks(&entries, &probes, records, parts);
            assert_eq!(offsets.len(), records + 1);
            for (i, list) in expected.iter().enumerate() {
                let mine = &numbers[offsets[i] as usize..offsets[i + 1] as usize];
                assert_eq!(mine, list.as_slice(), "record {i}, {parts} parts");
            }
        }
        let (numbers, offsets) = shared_blocks(&[], &Bits::new(0), 0, 2);
        assert!(numbers.is_empty());
        assert_eq!(offsets, vec![0]);
    }

    #[test]
    fn a_bucket_holds_every_entry_of_its_keys_and_no_other() {
        // Hash-like keys (a multiplicative sequence), some repeated as blocks are.
        for n in [0usize, 1, 5, 100, 5000] {
            let mut entries: Vec<Entry> = (0..n)
                .map(|i| Entry((i as u64 / 3).wrapping_mul(0x9E37_79B9_7F4A_7C15), i as u32))
                .collect();
            entries.sort_unstable();
            let directory = Directory::of(&entries);
            let probes = entries.iter().map(|e| e.0).chain([0, u64::MAX, 12345]);
            for key in probes {
                let bucket = directory.bucket(&entries, key);
                let in_bucket = bucket.iter().filter(|e| e.0 == key).count();
                let everywhere = entries.iter().filter(|e| e.0 == key).count();
                assert_eq!(in_bucket, everywhere, "n {n}, key {key:x}");
            }
        }
    }
}

#[cfg(test)]
mod run_tests {
    use super::{Blocks, Entry};
    use crate::matching::Batch;
    use crate::registry::Registry;

    /// Records that share names and dates now and then, as a registry's do.
    fn registry(people: usize) -> Registry {
        const LAST: [&str; 7] = [
            "Асанов",
            "Бекова",
            "Ким",
            "Осмонов",
            "Садыкова",
            "Тоголок",
            "Уулу",
        ];
        const FIRST: [&str; 6] = ["Айбек", "Айгүл", "Бакыт", "Нургүл", "Эрлан", "Жылдыз"];
        let mut csv = String::from("record_id,pin,last_name,first_name,birth_date\n");
        let mut seed = 7u64;
        let mut next = |below: u64| {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (seed >> 33) % below
        };
        for i in 0..people {
            let (last, first) = (LAST[next(7) as usize], FIRST[next(6) as usize]);
            let (day, month, year) = (1 + next(28), 1 + next(12), 1950 + next(60));
            csv.push_str(&format!(
                "r{i},,{last},{first},{year}-{month:02}-{day:02}\n"
            ));
        }
        Registry::from_csv(csv.as_bytes()).expect("a valid registry")
    }

    /// A run's entries are exactly the shared blocks of every key's, in
    /// order: none lost, none kept that compares no pair.
    #[test]
    fn a_run_keeps_exactly_the_shared_blocks() {
        for people in [1, 2, 50, 3000] {
            let registry = registry(people);
            let batch = Batch::of(&registry.records);
            let every_key = Blocks::of(&batch.prepared);
            let run = Blocks::for_run(&batch.prepared);
            let expected: Vec<Entry> = every_key.shared_runs().flatten().copied().collect();
            assert_eq!(run.entries, expected, "{people} people");
            assert!(people < 3000 || expected.len() < every_key.entries.len());
            assert!(people < 3000 || !expected.is_empty());
            // A run finds no block by its key.
            if let Some(&Entry(key, _)) = expected.first() {
                assert!(run.block(key).is_empty());
                assert!(!every_key.block(key).is_empty());
            }
        }
    }
}
