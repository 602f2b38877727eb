//! One-at-a-time queries against a loaded registry: "is this person already
//! here, under another PIN or with this PIN under another name?" This is what
//! the clerk's pre-check and the embed API call.

use serde::Serialize;

use super::blocking;
use super::compare::{self, Reason};
use super::record::{Batch, Overlay, Person, Prepared, Spelled, NO_NAME};
use super::{link_kind, Kind, Options};
use crate::registry::Record;
use crate::sex::Sex;

/// A registry record that may be the queried person.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Candidate {
    /// Index of the record in the registry.
    pub record: u32,
    /// The score in bits: the best over the query's PINs.
    pub score: f32,
    /// `None` when the score is below the threshold and no PIN is shared: worth a look, no more.
    pub kind: Option<Kind>,
    /// The reasons behind the score, with their weights.
    pub reasons: Vec<(Reason, f32)>,
}

/// A registry prepared for queries: its blocks, whose sorted keys are
/// searched by binary search, and which a whole-file run reuses
/// ([`dedupe_indexed`](super::dedupe_indexed)) rather than keying again.
#[derive(Debug, Clone)]
pub struct Index {
    batch: Batch,
    blocks: blocking::Blocks,
    options: Options,
}

/// Candidates scoring below this are not shown (unless they share the PIN).
pub const MIN_CANDIDATE_SCORE: f32 = 0.0;

impl Index {
    /// Prepares `records` and indexes them for queries.
    pub fn build(records: &[Record], options: Options) -> Index {
        Index::of_batch(Batch::of(records), options)
    }

    /// Indexes records already prepared, computing their blocking keys.
    pub fn of_batch(batch: Batch, options: Options) -> Index {
        let blocks = blocking::Blocks::of(&batch.prepared);
        Index {
            batch,
            blocks,
            options,
        }
    }

    /// Number of records in the registry.
    pub fn len(&self) -> usize {
        self.batch.len()
    }

    /// The prepared records.
    pub fn batch(&self) -> &Batch {
        &self.batch
    }

    /// The records' blocks.
    pub fn blocks(&self) -> &blocking::Blocks {
        &self.blocks
    }

    /// Whether the registry has no records.
    pub fn is_empty(&self) -> bool {
        self.batch.is_empty()
    }

    /// The record_id of a record.
    pub fn record_id(&self, record: u32) -> &str {
        self.batch
            .record_ids
            .get(record as usize)
            .unwrap_or_default()
    }

    /// The records that may be `person`, best first, at most `limit`.
    pub fn candidates(&self, person: &Person, limit: usize) -> Vec<Candidate> {
        let mut names = Overlay::new(&self.batch.vocabulary);
        let queries: Vec<Prepared> = Spelled::from_person(person)
            .into_iter()
            .map(|s| {
                let mut query = s.intern(|name| names.intern(name));
                self.batch.frequencies.annotate(&mut query);
                // A person asked about gives names from the documents: one
                // the file does not know is theirs, not a slip (a twin's
                // Усун asked beside Асан on one PIN).
                query.first_unknown = false;
                query
            })
            .collect();
        let mut found: Vec<u32> = Vec::new();
        let mut keys = Vec::with_capacity(16);
        let mut refines = Vec::with_capacity(6);
        for query in &queries {
            keys.clear();
            blocking::keys(query, &mut keys);
            // The query's own father's name and sex first (a crowd's part
            // shares one budget); a query of unknown sex may be a record of
            // either; a record of unknown sex, or without its father's name
            // (it costs nothing in the comparison), may be anyone's.
            refines.clear();
            let sexes: &[Option<Sex>] = match query.sex.settled() {
                Some(_) => &[query.sex.settled(), None],
                None => &[Some(Sex::Male), Some(Sex::Female), None],
            };
            for father in [query.father, NO_NAME] {
                for &sex in sexes {
                    let value = blocking::refine_of(father, sex);
                    if !refines.contains(&value) {
                        refines.push(value);
                    }
                }
            }
            let probe = blocking::probe(query);
            for &key in &keys {
                let kind = blocking::KeyKind::of(key);
                let most = kind.cap() * 4;
                // As a whole-file run compares there: pairs with a probe.
                if kind == blocking::KeyKind::FirstDate && !probe {
                    self.blocks.query_probes(key, most, &mut found);
                } else {
                    self.blocks.query_block(key, &refines, most, &mut found);
                }
            }
        }
        found.sort_unstable();
        found.dedup();
        // Scored and ranked first, explained last: only the `limit` kept are
        // worth their reasons (most candidates in a large index are dropped).
        // With several PINs, the best-scoring form of the query speaks. Not
        // inlined: it is called twice, and the comparison is large in WASM.
        #[inline(never)]
        fn best<'q>(
            names: &Overlay,
            queries: &'q [Prepared],
            other: &Prepared,
        ) -> Option<(f32, &'q Prepared)> {
            queries
                .iter()
                .map(|q| (compare::score(names, q, other), q))
                .max_by(|a, b| a.0.total_cmp(&b.0))
        }
        let mut candidates: Vec<Candidate> = found
            .into_iter()
            .filter_map(|record| {
                let other = &self.batch.prepared[record as usize];
                let (score, query) = best(&names, &queries, other)?;
                let kind = link_kind(&names, query, other, score, self.options.threshold);
                (score >= MIN_CANDIDATE_SCORE || kind.is_some()).then_some(Candidate {
                    record,
                    score,
                    kind,
                    reasons: Vec::new(),
                })
            })
            .collect();
        candidates.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.record.cmp(&b.record)));
        candidates.truncate(limit);
        for candidate in &mut candidates {
            let other = &self.batch.prepared[candidate.record as usize];
            if let Some((_, query)) = best(&names, &queries, other) {
                candidate.reasons = compare::explain(&names, query, other).1;
            }
        }
        candidates
    }
}
