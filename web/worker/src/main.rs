//! The clerk's worker: reads a registry file (a `File` handle, read here, never
//! copied through the page), deduplicates it with the kgpin core and answers
//! queries, posting progress as it goes. Trunk loads it through a same-origin
//! loader script, so the page's CSP needs only `worker-src 'self'`.

// Input from the page and from files is indexed with `get`, never `[]`:
// a bad index answers with an error instead of killing the worker or the page
// (tests index freely: a panic there is a failed test).
#![forbid(unsafe_code)]
#![cfg_attr(not(test), deny(clippy::indexing_slicing))]

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};

use kgpin::matching::index::Index;
use kgpin::matching::{
    dedupe_indexed, Batch, Kind, Link, Options, PairFinding, Person, Progress, Reason, Stage,
};
use kgpin::messages;
use kgpin::registry::{CsvPieces, IdTable};
use kgpin::report::{CandidateReport, ClusterReport, DedupeReport, PairReport, StageTime};
use kgpin::Lang;
use kgpin_web_worker::records::RecordStore;
use kgpin_web_worker::{
    decided_in, job_error, FileInfo, Job, JobError, JobKind, PageReport, PairDecision, Reply,
    Request, CLUSTERS_PER_MESSAGE,
};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, FileReaderSync, MessageEvent};

/// What the worker keeps of the last file: its records, its pairs,
/// and its query index (whose blocks the run used).
struct Loaded {
    records: RecordStore,
    /// Record numbers by record_id (the ids are the index's batch's).
    by_id: IdTable,
    /// The run's pairs, explained when the page asks for them (explained
    /// at once, a million rows' took a tenth of the worker), and for each
    /// record the pairs it is in.
    pairs: Vec<PairFinding>,
    pairs_of: HashMap<u32, Vec<u32>>,
    /// The run's pairs that join clusters, to make them again with the
    /// page's decisions for an export.
    links: Vec<Link>,
    index: Index,
    /// Every row left out of matching (the page has the first few).
    rejected: Vec<kgpin_web_worker::RejectedRow>,
}

impl Loaded {
    /// The number of the record whose record_id is `id`.
    fn record_of(&self, id: &str) -> Option<u32> {
        self.by_id.find(&self.index.batch().record_ids, id)
    }
}

/// The last run's clusters not yet sent, from `next` on.
#[derive(Default)]
struct ClustersToSend {
    clusters: Vec<ClusterReport>,
    next: usize,
}

thread_local! {
    static LOADED: RefCell<Option<Loaded>> = const { RefCell::new(None) };
    static TO_SEND: RefCell<ClustersToSend> = RefCell::new(ClustersToSend::default());
    /// Whether the page asks for each slice of clusters ([`Request::paced`]).
    static PACED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Posts the next slice of the last run's clusters, if any are left (the
/// rest wait for the page to ask).
fn send_clusters() {
    let slice = TO_SEND.with(|to_send| {
        let mut to_send = to_send.borrow_mut();
        let start = to_send.next.min(to_send.clusters.len());
        let end = (start + CLUSTERS_PER_MESSAGE).min(to_send.clusters.len());
        to_send.next = end;
        let slice = to_send
            .clusters
            .get(start..end)
            .unwrap_or_default()
            .to_vec();
        let more = end < to_send.clusters.len();
        if !more {
            *to_send = ClustersToSend::default();
        }
        (slice, more)
    });
    let (clusters, more) = slice;
    if !clusters.is_empty() {
        post(&Reply::Clusters { clusters, more });
    }
}

fn scope() -> DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

fn post(reply: &Reply) {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    match serde::Serialize::serialize(reply, &serializer) {
        Ok(value) => {
            let _ = scope().post_message(&value);
        }
        Err(error) => {
            let failed = Reply::Failed {
                job: None,
                error: JobError::Internal,
                registry_code: None,
                message: format!(
                    "{} ({error})",
                    job_error(JobError::Internal, Lang::default())
                ),
            };
            if let Ok(value) = serde::Serialize::serialize(&failed, &serializer) {
                let _ = scope().post_message(&value);
            }
        }
    }
}

fn main() {
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(|event: MessageEvent| {
        if let Err(reply) = handle(&event.data()) {
            post(&reply);
        }
    });
    scope().set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    post(&Reply::Ready);
}

/// A failure of a `job`, worded in `lang`.
fn failed(job: JobKind, error: JobError, lang: Lang) -> Reply {
    Reply::Failed {
        job: Some(job),
        error,
        registry_code: None,
        message: job_error(error, lang).into(),
    }
}

fn handle(data: &JsValue) -> Result<(), Reply> {
    let Request { lang, job, paced } =
        serde_wasm_bindgen::from_value(data.clone()).map_err(|e| Reply::Failed {
            job: None,
            error: JobError::InvalidRequest,
            registry_code: None,
            message: format!(
                "{} ({e})",
                job_error(JobError::InvalidRequest, Lang::default())
            ),
        })?;
    PACED.set(paced);
    let kind = job.kind();
    match job {
        Job::Load {
            file,
            threshold,
            decisions,
            sheet,
        } => {
            let started = js_sys::Date::now();
            if file.size() as u64 > kgpin_web_worker::MAX_FILE_BYTES {
                return Err(failed(kind, JobError::FileTooLarge, lang));
            }
            let mut slices = FileSlices::of(file);
            let first = slices
                .next_slice()
                .map_err(|_| failed(kind, JobError::UnreadableFile, lang))?;
            // Rows, not bytes, fill the worker: a Windows-1251 file holds
            // more of them in as many bytes.
            let rows = kgpin::registry::records_estimate(&first, slices.size as u64);
            if rows > kgpin_web_worker::MAX_ROWS_ESTIMATE {
                return Err(failed(kind, JobError::FileTooLarge, lang));
            }
            let info = FileInfo {
                name: slices.file.name(),
                size: slices.size as u64,
                fingerprint: fingerprint(&slices.file.name(), &first, slices.size as u64),
            };
            let source = Source { info, sheet };
            let input = Input::File { slices, first };
            run(input, source, lang, threshold, &decisions, started, kind)
        }
        Job::Demo {
            people,
            seed,
            threshold,
            decisions,
        } => {
            let started = js_sys::Date::now();
            let rows = kgpin_synth::synth::generate(kgpin_synth::synth::Options::new(people, seed));
            let csv = kgpin_synth::synth::to_csv(&rows);
            let info = FileInfo {
                name: format!("demo-{people}-{seed}.csv"),
                size: csv.len() as u64,
                // Marked: practice decisions on demo data are never kept.
                fingerprint: format!(
                    "demo-{}",
                    fingerprint("demo", csv.as_bytes(), csv.len() as u64)
                ),
            };
            run(
                Input::Text(csv.into_bytes()),
                Source { info, sheet: None },
                lang,
                threshold,
                &decisions,
                started,
                kind,
            )
        }
        Job::Candidates { person, limit } => candidates(&person, limit, lang),
        Job::Cluster {
            cluster_id,
            record_ids,
        } => cluster(cluster_id, &record_ids, lang),
        Job::ExportClusters { decisions } => export_clusters(&decisions, lang),
        Job::MoreClusters => {
            send_clusters();
            Ok(())
        }
        Job::Shared => shared(lang),
        Job::Rejected => rejected(lang),
    }
}

/// Sends progress at most every 100 ms: enough for a smooth bar, few messages.
struct Throttle {
    last: f64,
}

impl Throttle {
    fn report(&mut self, stage: Stage, done: u64, total: u64) {
        let now = js_sys::Date::now();
        if now - self.last >= 100.0 || done == total {
            self.last = now;
            post(&Reply::Progress { stage, done, total });
        }
    }
}

/// What a run reads: the file, and for a workbook's sheet (turned into CSV
/// by the workbook worker) the sheet's name.
struct Source {
    info: FileInfo,
    sheet: Option<String>,
}

/// The CSV a run reads.
enum Input {
    /// A file, read a slice at a time and never held whole (a million-row
    /// file was a sixth of the worker's memory, held while the records were
    /// prepared); `first` is its first slice, already read.
    File { slices: FileSlices, first: Vec<u8> },
    /// A demo's text, made here.
    Text(Vec<u8>),
}

fn run(
    input: Input,
    Source { info: file, sheet }: Source,
    lang: Lang,
    threshold: Option<f32>,
    decisions: &[PairDecision],
    started: f64,
    kind: JobKind,
) -> Result<(), Reply> {
    let mut throttle = Throttle { last: 0.0 };
    let (size, head) = match &input {
        Input::File { slices, first } => (slices.size, first.as_slice()),
        Input::Text(bytes) => (bytes.len(), bytes.as_slice()),
    };
    let expected = kgpin::registry::records_estimate(head, size as u64);
    let mut records = RecordStore::for_file(size, expected);
    // Today's date in Bishkek, as the CLI has it: a minor's record never
    // carries a married surname.
    let mut batch = Batch::on(kgpin::Date::in_bishkek_at(
        (js_sys::Date::now() / 1000.0) as i64,
    ));
    batch.reserve(expected);
    let mut marks = vec![(Stage::Read, started)];
    let on_records = |chunk: &[kgpin::registry::RecordRef<'_>]| {
        batch.add(chunk);
        records.extend(chunk);
        throttle.report(Stage::Read, records.len() as u64, 0);
    };
    // One reader for a file and a demo's text: a second way to read would
    // weigh on the worker's download for a demo.
    let mut reader = CsvPieces::new(on_records);
    reader.expect_records(expected);
    let read = match input {
        Input::Text(bytes) => {
            reader.push(&bytes);
            drop(bytes);
            reader.finish()
        }
        Input::File { mut slices, first } => {
            reader.push(&first);
            drop(first);
            while let Some(slice) = slices.next_slice_if_any() {
                let slice = slice.map_err(|_| failed(kind, JobError::UnreadableFile, lang))?;
                reader.push(&slice);
            }
            reader.finish()
        }
    };
    let mut registry = read.map_err(|e| Reply::Failed {
        job: Some(kind),
        error: JobError::NotARegistry,
        registry_code: Some(e.code().into()),
        message: messages::registry_error(&e, lang),
    })?;
    if sheet.is_some() {
        // The CSV is the workbook worker's, not the clerk's file: no encoding to name.
        registry.encoding = None;
        registry.sheet = sheet;
    }
    batch.finish();
    let options = threshold.map_or_else(
        || Options::for_records(batch.len()),
        Options::with_threshold,
    );
    // Record ids to indices: for earlier decisions now, and the page's queries later.
    let by_id = IdTable::of(&batch.record_ids);
    let (decided, carried_over) = decided_in(|id| by_id.find(&batch.record_ids, id), decisions);
    // The pre-check's index first: the run compares within its blocks, so
    // the file is keyed once, and the first search is as quick as the next.
    let query_options = Options::for_records(batch.len());
    marks.push((Stage::Block, js_sys::Date::now()));
    throttle.report(Stage::Block, 0, batch.len() as u64);
    let index = Index::of_batch(batch, query_options);
    let mut found = dedupe_indexed(&index, &options, &decided, &mut |p: Progress| {
        if marks.last().map(|m| m.0) != Some(p.stage) {
            marks.push((p.stage, js_sys::Date::now()));
        }
        throttle.report(p.stage, p.done, p.total);
    });
    marks.push((Stage::Cluster, js_sys::Date::now()));
    let ids = &index.batch().record_ids;
    let mut report = DedupeReport::without_pairs(&registry, ids, &found, &options, lang);
    report.summary.timings = StageTime::between(&marks);
    // The page takes its part of the report at once; the clusters follow in
    // slices, the pairs it asks for a cluster at a time.
    let rejected = kgpin_web_worker::rejected_rows(&report);
    // A PIN on many records is a finding of its own (a placeholder): its
    // records' pairs do not each join the shared-PIN queue.
    let crowded: HashSet<String> = report
        .pins_on_many_records
        .iter()
        .flat_map(|c| c.record_ids.iter().cloned())
        .collect();
    let page_report = PageReport::of(&mut report, &rejected);
    let mut clusters = std::mem::take(&mut report.clusters);
    // The review band follows the clusters in the queue, a pair at a time.
    let entries: Vec<PairReport> = found
        .pairs
        .iter()
        .filter(|p| kgpin_web_worker::is_pair_entry(p.kind))
        .map(|p| PairReport::of(p, ids, lang))
        .collect();
    clusters.extend(kgpin_web_worker::review_pairs(&entries, &crowded));
    drop((entries, crowded, report));
    let links = found.links().collect();
    let mut pairs_of: HashMap<u32, Vec<u32>> = HashMap::new();
    for (i, pair) in found.pairs.iter().enumerate() {
        pairs_of.entry(pair.a).or_default().push(i as u32);
        pairs_of.entry(pair.b).or_default().push(i as u32);
    }
    let pairs = std::mem::take(&mut found.pairs);
    drop(found);
    LOADED.with(|loaded| {
        *loaded.borrow_mut() = Some(Loaded {
            records,
            by_id,
            pairs,
            pairs_of,
            links,
            index,
            rejected,
        })
    });
    post(&Reply::Loaded {
        file,
        report: Box::new(page_report),
        carried_over,
        millis: js_sys::Date::now() - started,
        clusters_to_follow: clusters.len() as u64,
    });
    TO_SEND.with(|to_send| *to_send.borrow_mut() = ClustersToSend { clusters, next: 0 });
    send_clusters();
    // A page that never asks takes every slice now.
    if !PACED.get() {
        while TO_SEND.with(|to_send| !to_send.borrow().clusters.is_empty()) {
            send_clusters();
        }
    }
    Ok(())
}

/// Every pair that shares a PIN but is different people, for the clerk's export.
fn shared(lang: Lang) -> Result<(), Reply> {
    let reply = LOADED.with(|loaded| {
        let loaded = loaded.borrow();
        let loaded = loaded
            .as_ref()
            .ok_or_else(|| failed(JobKind::Shared, JobError::NoRegistry, lang))?;
        let ids = &loaded.index.batch().record_ids;
        let pairs: Vec<PairReport> = loaded
            .pairs
            .iter()
            // With the questions on one PIN: the page keeps those the
            // clerk said are different people.
            .filter(|p| {
                p.kind == Kind::PinSharedByDifferentPeople
                    || p.kind == Kind::PossibleSamePerson
                        && p.reasons.iter().any(|&(r, _)| r == Reason::PinEqual)
            })
            .map(|p| PairReport::of(p, ids, lang))
            .collect();
        let today = kgpin::Date::in_bishkek_at((js_sys::Date::now() / 1000.0) as i64);
        let record = |id: &str| loaded.records.entry(loaded.record_of(id)? as usize);
        let keeps = pairs
            .iter()
            .map(|p| {
                let pair = [record(&p.record_id_a)?, record(&p.record_id_b)?];
                let keeper = kgpin::person::who_keeps_shared_pin(&pair, today?)?;
                Some(
                    if keeper == 0 {
                        &p.record_id_a
                    } else {
                        &p.record_id_b
                    }
                    .clone(),
                )
            })
            .collect();
        Ok(Reply::SharedPins { pairs, keeps })
    })?;
    post(&reply);
    Ok(())
}

/// The clusters as the engine makes them with the page's decisions, and the
/// records the clusters export shows: the clusters' and every decided pair's.
fn export_clusters(decisions: &[PairDecision], lang: Lang) -> Result<(), Reply> {
    let reply = LOADED.with(|loaded| {
        let loaded = loaded.borrow();
        let loaded = loaded
            .as_ref()
            .ok_or_else(|| failed(JobKind::ExportClusters, JobError::NoRegistry, lang))?;
        let (decided, _) = decided_in(|id| loaded.record_of(id), decisions);
        let batch = loaded.index.batch();
        let clusters = kgpin_web_worker::export_clusters(batch, &loaded.links, &decided);
        let mut shown: Vec<u32> = clusters
            .iter()
            .flat_map(|c| &c.record_ids)
            .chain(decisions.iter().flat_map(|d| [&d.a, &d.b]))
            .filter_map(|r| loaded.record_of(r))
            .collect();
        shown.sort_unstable();
        shown.dedup();
        Ok(Reply::ExportClusters {
            clusters,
            records: shown
                .into_iter()
                .filter_map(|m| loaded.records.view(m as usize))
                .collect(),
        })
    })?;
    post(&reply);
    Ok(())
}

/// Every row left out of matching, for the clerk's download.
fn rejected(lang: Lang) -> Result<(), Reply> {
    let reply = LOADED.with(|loaded| {
        let loaded = loaded.borrow();
        let loaded = loaded
            .as_ref()
            .ok_or_else(|| failed(JobKind::Rejected, JobError::NoRegistry, lang))?;
        Ok(Reply::RejectedRows {
            rows: loaded.rejected.clone(),
        })
    })?;
    post(&reply);
    Ok(())
}

/// One cluster's records and the pairs among them.
fn cluster(cluster_id: String, ids: &[String], lang: Lang) -> Result<(), Reply> {
    let reply = LOADED.with(|loaded| {
        let loaded = loaded.borrow();
        let loaded = loaded
            .as_ref()
            .ok_or_else(|| failed(JobKind::Cluster, JobError::NoRegistry, lang))?;
        let members: Vec<u32> = ids.iter().filter_map(|id| loaded.record_of(id)).collect();
        let records = members
            .iter()
            .filter_map(|&m| loaded.records.view(m as usize))
            .collect();
        let mut pair_indices: Vec<u32> = members
            .iter()
            .filter_map(|m| loaded.pairs_of.get(m))
            .flatten()
            .copied()
            .collect();
        pair_indices.sort_unstable();
        pair_indices.dedup();
        // Explained in the page's language now, whatever it was at load.
        let record_ids = &loaded.index.batch().record_ids;
        let pairs = pair_indices
            .into_iter()
            .filter_map(|i| loaded.pairs.get(i as usize))
            .filter(|p| members.contains(&p.a) && members.contains(&p.b))
            .map(|p| PairReport::of(p, record_ids, lang))
            .collect();
        Ok(Reply::Cluster {
            cluster_id,
            records,
            pairs,
        })
    })?;
    post(&reply);
    Ok(())
}

/// The pre-check: candidates for one person, their reasons in the language
/// of the request (the language on screen now, not at the load).
fn candidates(person: &Person, limit: usize, lang: Lang) -> Result<(), Reply> {
    let started = js_sys::Date::now();
    let reply = LOADED.with(|loaded| {
        let loaded = loaded.borrow();
        let loaded = loaded
            .as_ref()
            .ok_or_else(|| failed(JobKind::Candidates, JobError::NoRegistry, lang))?;
        let index = &loaded.index;
        let found = index.candidates(person, limit);
        let candidates = found
            .iter()
            .map(|c| CandidateReport::new(c, index.record_id(c.record), lang))
            .collect();
        let records = found
            .iter()
            .filter_map(|c| loaded.records.view(c.record as usize))
            .collect();
        Ok(Reply::Candidates {
            candidates,
            records,
            millis: js_sys::Date::now() - started,
        })
    })?;
    post(&reply);
    Ok(())
}

/// A file read a slice of 8 MB at a time: each slice is handed to the CSV
/// reader and given back, so the file is never in memory whole (read whole,
/// it was held once as the browser's buffer until the garbage collector came
/// by, and once as the copy the reader worked on).
struct FileSlices {
    file: web_sys::File,
    /// The file's size in bytes (under [`kgpin_web_worker::MAX_FILE_BYTES`]).
    size: usize,
    /// Where the next slice starts.
    at: usize,
}

impl FileSlices {
    const SLICE: usize = 8 << 20;

    fn of(file: web_sys::File) -> Self {
        let size = file.size() as usize;
        FileSlices { file, size, at: 0 }
    }

    /// The next slice (empty at the file's end).
    fn next_slice(&mut self) -> Result<Vec<u8>, JsValue> {
        let end = self.at.saturating_add(Self::SLICE).min(self.size);
        let blob = self
            .file
            .slice_with_f64_and_f64(self.at as f64, end as f64)?;
        let buffer = FileReaderSync::new()?.read_as_array_buffer(&blob)?;
        let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
        // A file that shrank while read ends where its bytes end.
        self.at = if bytes.is_empty() { self.size } else { end };
        Ok(bytes)
    }

    /// The next slice, or `None` once the file is read.
    fn next_slice_if_any(&mut self) -> Option<Result<Vec<u8>, JsValue>> {
        (self.at < self.size).then(|| self.next_slice())
    }
}

/// FNV-1a over the name and the file's first 64 KiB (`head` holds them, or
/// the whole file), with its size: cheap, and the same file gives the same
/// key on the next working day.
fn fingerprint(name: &str, head: &[u8], size: u64) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let head = head.get(..1 << 16).unwrap_or(head);
    for &b in name.as_bytes().iter().chain(head) {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{hash:016x}-{size}")
}
