//! The one typed protocol between the clerk's page and the worker that reads
//! registry files and finds duplicates, so the page never blocks on a million
//! rows. The page sends a [`Request`] (the language on screen and a [`Job`]);
//! the worker answers with [`Reply`]s. Both sides use these types, so a job, a
//! field or a failure cannot be misspelt on one side only; the core's
//! [`DedupeReport`] is the result.
//!
//! A chosen `File` travels inside the request as a handle (structured clone,
//! `serde_wasm_bindgen::preserve`), never as bytes through serde.

// Input from the page and from files is indexed with `get`, never `[]`:
// a bad index answers with an error instead of killing the worker or the page
// (tests index freely: a panic there is a failed test).
#![forbid(unsafe_code)]
#![cfg_attr(not(test), deny(clippy::indexing_slicing))]

use kgpin::matching::{Decided, Person, Stage};
use kgpin::report::{
    CandidateReport, ClusterReport, CrowdedPinReport, DedupeReport, DedupeSummary, PairReport,
};
use kgpin::{Date, Lang, Sex};
use serde::{Deserialize, Serialize};

#[cfg(any(test, feature = "invariants"))]
pub mod invariants;
pub mod records;
pub mod workbook;

/// A job for the worker, with the language its words are to be in: the
/// language on screen when the page asked, not when the file was loaded.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Request {
    /// The language of every message in the replies.
    pub lang: Lang,
    /// What to do.
    pub job: Job,
    /// Whether the page asks for each slice of a run's clusters
    /// ([`Job::MoreClusters`]). A page from before it (a tab left open while
    /// the site was updated, which fetches the new worker) never asks, and
    /// gets them all at once.
    #[serde(default)]
    pub paced: bool,
}

/// What the worker does. Externally tagged (`{"load": {...}}`): serde reads
/// it straight from the JavaScript object, so the `File` handle survives.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", rename_all_fields = "camelCase")]
pub enum Job {
    /// Read a registry file and find its duplicates.
    Load {
        /// The chosen file: a handle, read in the worker.
        #[serde(with = "serde_wasm_bindgen::preserve")]
        file: web_sys::File,
        /// None: the threshold for the file's size.
        #[serde(default)]
        threshold: Option<f32>,
        /// Decisions kept on this device, applied again by record_id.
        #[serde(default)]
        decisions: Vec<PairDecision>,
        /// For a workbook's sheet turned into CSV by the workbook worker: the
        /// sheet's name, which the report then names instead of an encoding.
        #[serde(default)]
        sheet: Option<String>,
    },
    /// Generate a practice registry and find its duplicates.
    Demo {
        /// People in the practice registry.
        people: usize,
        /// The generator's seed.
        seed: u64,
        /// None: the threshold for the registry's size.
        #[serde(default)]
        threshold: Option<f32>,
        /// Practice decisions are never kept: always empty today.
        #[serde(default)]
        decisions: Vec<PairDecision>,
    },
    /// One cluster's records and the pairs among them, for review.
    Cluster {
        /// The cluster's id.
        cluster_id: String,
        /// Its records.
        record_ids: Vec<String>,
    },
    /// The clusters as the engine makes them with these decisions, and
    /// their records as written: the clusters export a colleague acts on.
    ExportClusters {
        /// The decisions the next run of the file would apply (those kept on
        /// the device; for practice, the page's), a pair of records at a time.
        decisions: Vec<PairDecision>,
    },
    /// The next slice of the last run's clusters ([`Reply::Clusters`]),
    /// asked for once the page has taken the one before: a million-row
    /// run's slices all posted at once were 120 MB of the tab at its peak,
    /// every slice in flight and in both heaps together.
    MoreClusters,
    /// Every pair that shares a PIN but is different people.
    Shared,
    /// Every row left out of matching (the page holds the first few only).
    Rejected,
    /// The candidates for one person in the loaded registry (the pre-check).
    Candidates {
        /// Whom to look for.
        person: Person,
        /// How many candidates at most.
        limit: usize,
    },
}

impl Job {
    /// Which kind of job this is, for a reply to name.
    pub fn kind(&self) -> JobKind {
        match self {
            Job::Load { .. } => JobKind::Load,
            Job::Demo { .. } => JobKind::Demo,
            Job::Cluster { .. } => JobKind::Cluster,
            Job::ExportClusters { .. } => JobKind::ExportClusters,
            Job::MoreClusters => JobKind::MoreClusters,
            Job::Shared => JobKind::Shared,
            Job::Rejected => JobKind::Rejected,
            Job::Candidates { .. } => JobKind::Candidates,
        }
    }
}

kgpin::coded_enum! {
    /// The kinds of [`Job`]: a failure says which one failed.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
    pub enum JobKind {
        /// [`Job::Load`].
        "load" => Load,
        /// [`Job::Demo`].
        "demo" => Demo,
        /// [`Job::Cluster`].
        "cluster" => Cluster,
        /// [`Job::ExportClusters`].
        "export_clusters" => ExportClusters,
        /// [`Job::MoreClusters`].
        "more_clusters" => MoreClusters,
        /// [`Job::Shared`].
        "shared" => Shared,
        /// [`Job::Rejected`].
        "rejected" => Rejected,
        /// [`Job::Candidates`].
        "candidates" => Candidates,
    }
}

kgpin::coded_enum! {
    /// Why a job of the clerk's background worker could not run. Unit
    /// variants only: the page reads them cheaply; details go in the message.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
    pub enum JobError {
        /// The browser could not read the chosen file.
        "unreadable_file" => UnreadableFile,
        /// A search or review before any registry was loaded.
        "no_registry" => NoRegistry,
        /// The file is not a registry the core can read: the core's
        /// `RegistryError` says why, in the reply's `registry_code` and message.
        "not_a_registry" => NotARegistry,
        /// The file is larger than a browser tab can hold ([`MAX_FILE_BYTES`],
        /// [`MAX_ROWS_ESTIMATE`]): the CLI reads any size.
        "file_too_large" => FileTooLarge,
        /// The request could not be read: a bug of the page, not the clerk's doing.
        "invalid_request" => InvalidRequest,
        /// A reply could not be written: a bug of the worker.
        "internal" => Internal,
    }
}

/// Why a job of the worker could not run, in words: the worker says them, so
/// they live with the worker, not in the core or among the page's labels. A
/// file that is not a registry is worded by the core (`messages::registry_error`).
pub fn job_error(error: JobError, lang: Lang) -> &'static str {
    match error {
        JobError::UnreadableFile => lang.pick(
            "Файл окулбай калды. Аны кайра тандап көрүңүз.",
            "Файл не удалось прочитать. Выберите его ещё раз.",
            "The file could not be read. Choose it again.",
        ),
        JobError::NoRegistry => lang.pick(
            "Адегенде реестрди жүктөңүз.",
            "Сначала загрузите реестр.",
            "Load a registry first.",
        ),
        JobError::FileTooLarge => lang.pick(
            "Файл өтө чоң: браузердин өтмөгү болжол менен 600 МБ чейинки (6 миллионго жакын сап) реестрди гана кармай алат. Чоңураак файлды, мисалы бүт өлкөнүкүн, компьютерде «kgpin dedupe» менен иштетиңиз: ал каалаган өлчөмдү окуйт.",
            "Файл слишком большой: вкладка браузера вмещает выгрузки примерно до 600 МБ (около 6 миллионов строк). Больший файл, например всю страну, обработайте на компьютере командой «kgpin dedupe»: она читает файлы любого размера.",
            "The file is too large: a browser tab holds extracts up to about 600 MB (about 6 million rows). Run a larger file, such as the whole country, through kgpin dedupe on a computer: it reads any size.",
        ),
        JobError::NotARegistry => lang.pick(
            "Бул файл реестр катары окулбайт.",
            "Этот файл не читается как реестр.",
            "This file cannot be read as a registry.",
        ),
        JobError::InvalidRequest | JobError::Internal => lang.pick(
            "Ички ката. Баракты кайра жүктөңүз.",
            "Внутренняя ошибка. Перезагрузите страницу.",
            "Internal error. Reload the page.",
        ),
    }
}

/// The pairs a clerk reviews like clusters, as entries of the review queue:
/// each PIN held by different people ("one PIN, different people": who keeps
/// the number) and each `possible_same_person` pair of the review band, one
/// entry of its two records, strongest first, its score as its weakest link.
/// The page lists them after the clusters; a "same person" decision joins the
/// pair in the export and, kept, in the next run's clusters.
/// A PIN shared by the records of `crowded` (a PIN on many records, listed
/// on its own) brings no entry for each of their pairs.
pub fn review_pairs(
    pairs: &[PairReport],
    crowded: &std::collections::HashSet<String>,
) -> Vec<ClusterReport> {
    let mut band: Vec<&PairReport> = pairs
        .iter()
        .filter(|p| is_pair_entry(p.kind))
        .filter(|p| {
            p.kind != kgpin::matching::Kind::PinSharedByDifferentPeople
                || !(crowded.contains(&p.record_id_a) && crowded.contains(&p.record_id_b))
        })
        .collect();
    band.sort_by(|x, y| y.score.total_cmp(&x.score));
    band.into_iter()
        .map(|p| ClusterReport {
            cluster_id: band_entry_id(&p.record_id_a, &p.record_id_b),
            kind: p.kind,
            record_ids: vec![p.record_id_a.clone(), p.record_id_b.clone()],
            weakest_link: Some(p.score),
            names_only: p.on_names_only(),
        })
        .collect()
}

/// Whether entries of this kind are pairs reviewed like clusters (see
/// [`review_pairs`]), not clusters the engine made: the export holds them only
/// when a clerk said "same person".
pub fn is_pair_entry(kind: kgpin::matching::Kind) -> bool {
    matches!(
        kind,
        kgpin::matching::Kind::PossibleSamePerson
            | kgpin::matching::Kind::PinSharedByDifferentPeople
    )
}

/// The queue id of a review-band pair: both record ids, so it never takes a
/// cluster's id (a cluster is named by one record id).
pub fn band_entry_id(a: &str, b: &str) -> String {
    format!("{a} ~ {b}")
}

/// Whether an entry id is a pair's ([`band_entry_id`]), not a cluster's.
pub fn is_band_entry_id(id: &str) -> bool {
    id.contains(" ~ ")
}

/// The largest file the worker reads. wasm32 memory ends at 4 GB: measured
/// with `scripts/bench-clerk.mjs` in Chromium with the limits lifted (stop 33,
/// since the file is read a slice at a time and pairs are explained when
/// asked for), a 612 MB file of 6.03M rows (`kgpin synth --people 5350000`,
/// just over both limits) loads with 2.9 GB of the worker's memory (tab
/// 3.3 GB, 116 s); before, 503 MB ran out of memory. A larger file stops before it is read,
/// with a message naming the limit and `kgpin dedupe`; the page and its
/// decisions stay as they were.
pub const MAX_FILE_BYTES: u64 = 600_000_000;

/// The most rows the worker reads, as estimated from a file's first slice
/// ([`kgpin::registry::records_estimate`], an eighth over): 6 million rows.
/// The worker's memory grows with the rows, not the bytes: the whole country's
/// 7.34M rows, a 556 MB Windows-1251 file (one byte a Cyrillic letter), took
/// 3,986 MB of its 4,096 (stop 33), too near the end to promise; 6.03M rows
/// took 2.9 GB. A file over it stops after its first slice, with the same
/// message as a file over [`MAX_FILE_BYTES`].
pub const MAX_ROWS_ESTIMATE: usize = 6_750_000;

/// Clusters per [`Reply::Clusters`] message: a few milliseconds of the page's time each.
pub const CLUSTERS_PER_MESSAGE: usize = 4096;

/// The name of the worker's loader script, as Trunk writes it (`data-loader-shim`).
pub const LOADER: &str = "./kgpin-worker_loader.js";

/// One record as the clerk sees it: the fields as the file has them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RecordView {
    /// The agency's row key.
    pub record_id: String,
    /// 1-based line of the file where the row starts.
    pub line: u64,
    /// The PIN as written in the file.
    pub pin: String,
    /// Surname as written.
    pub last_name: String,
    /// First name as written.
    pub first_name: String,
    /// Patronymic as written.
    pub patronymic: String,
    /// The stated birth date, when readable.
    pub birth_date: Option<Date>,
    /// The stated sex, when readable.
    pub sex: Option<Sex>,
    /// The agency that wrote the row.
    pub source: String,
}

impl RecordView {
    /// The view of a registry record.
    pub fn of(record: &kgpin::registry::Record) -> Self {
        RecordView {
            record_id: record.record_id.clone(),
            line: record.line,
            pin: record.pin_text.clone(),
            last_name: record.last_name.clone(),
            first_name: record.first_name.clone(),
            patronymic: record.patronymic.clone(),
            birth_date: record.birth_date,
            sex: record.sex,
            source: record.source.clone(),
        }
    }
}

kgpin::coded_enum! {
    /// A clerk's verdict on records: its code is what exports and the
    /// decision store write.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
    pub enum Verdict {
        /// The records are one person: correct the duplicate PINs.
        "same_person" => SamePerson,
        /// The records are different people: never propose them together again.
        "different_people" => DifferentPeople,
        /// Needs another look, or another clerk.
        "unsure" => Unsure,
    }
}

/// A stored verdict: a code, or `""`/none for a comment alone.
fn verdict_or_none<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<Verdict>, D::Error> {
    let code: Option<String> = Option::deserialize(deserializer)?;
    Ok(code.as_deref().and_then(Verdict::from_code))
}

/// Who gave a verdict, and when: an export names them, so a colleague knows
/// whom to ask. Empty for decisions made before stamps were kept.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Stamp {
    /// The name the clerk typed, if any.
    pub by: String,
    /// The browser's local time, `YYYY-MM-DD HH:MM`.
    pub at: String,
}

/// A person's earlier decision about two records, kept on this device and
/// applied again by the engine when the next extract is loaded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PairDecision {
    /// `a` and `b` joined by a unit separator, `a < b`: the store's key.
    pub key: String,
    /// The smaller record_id.
    pub a: String,
    /// The larger record_id.
    pub b: String,
    /// The verdict; none for a comment alone (stored as `""` by earlier versions).
    #[serde(default, deserialize_with = "verdict_or_none")]
    pub verdict: Option<Verdict>,
    /// The clerk's comment.
    pub comment: String,
    /// The cluster the decision was made on.
    pub cluster_id: String,
    /// Fingerprint of the file it was made in.
    pub file: String,
    /// Who decided, and when.
    #[serde(default)]
    pub stamp: Stamp,
}

impl PairDecision {
    /// The decision on records `x` and `y`, in either order.
    pub fn new(
        x: &str,
        y: &str,
        verdict: Option<Verdict>,
        comment: &str,
        cluster_id: &str,
        file: &str,
    ) -> Self {
        let (a, b) = if x <= y { (x, y) } else { (y, x) };
        PairDecision {
            key: Self::key_of(a, b),
            a: a.to_string(),
            b: b.to_string(),
            verdict,
            comment: comment.to_string(),
            cluster_id: cluster_id.to_string(),
            file: file.to_string(),
            stamp: Stamp::default(),
        }
    }

    /// The decision with who made it, and when.
    pub fn stamped(self, stamp: &Stamp) -> Self {
        PairDecision {
            stamp: stamp.clone(),
            ..self
        }
    }

    /// The key of a pair of record_ids, in either order.
    pub fn key_of(x: &str, y: &str) -> String {
        let (a, b) = if x <= y { (x, y) } else { (y, x) };
        format!("{a}\u{1f}{b}")
    }
}

/// Earlier decisions found again in a newly loaded file, counted by the
/// clusters they were made on.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CarriedOver {
    /// Decisions that keep records together as one person.
    pub same_person: u64,
    /// Decisions that keep records apart as different people.
    pub different_people: u64,
}

/// A row left out of matching, as the page lists it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RejectedRow {
    /// 1-based line of the file where the row starts.
    pub line: u64,
    /// The row's record_id, when it could be read.
    pub record_id: Option<String>,
    /// The problem's stable code.
    pub code: String,
    /// The problem in words.
    pub message: String,
}

/// The parts of a run's [`DedupeReport`] the page takes at once: its
/// summary, the PINs on many records and the rows left out here; its
/// clusters follow in slices, its pairs stay in the worker (a cluster's come
/// when it is reviewed), and rows kept with an unusable field are counted in
/// the summary. A plain shape, cheap for the page to read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PageReport {
    /// The report's summary.
    pub summary: DedupeSummary,
    /// The report's clusters (sent empty, filled by [`Reply::Clusters`]).
    pub clusters: Vec<ClusterReport>,
    /// The report's PINs on many records, each with its first record_ids.
    pub pins_on_many_records: Vec<CrowdedPinReport>,
    /// The first [`REJECTED_SHOWN`] rows left out of matching (the summary
    /// counts them all; [`Job::Rejected`] brings every one, for a download):
    /// 200,000 bad rows would otherwise freeze the page as they arrive.
    pub rejected: Vec<RejectedRow>,
    /// The first [`REJECTED_SHOWN`] rows kept although a field could not be
    /// used (a bad PIN, bytes that are not UTF-8), located, so a clerk can
    /// mend them in the file; the summary counts them all.
    #[serde(default)]
    pub kept_with_problems: Vec<RejectedRow>,
}

/// Rows left out that the page lists; the rest are counted and downloadable.
pub const REJECTED_SHOWN: usize = 200;

/// Every row of `report` left out of matching, as the page lists them.
pub fn rejected_rows(report: &DedupeReport) -> Vec<RejectedRow> {
    report.rejected_rows().map(RejectedRow::of).collect()
}

impl RejectedRow {
    /// A row problem as the page lists it.
    fn of(d: &kgpin::report::Reported<kgpin::registry::Diagnostic>) -> RejectedRow {
        RejectedRow {
            line: d.finding.line,
            record_id: d.finding.record_id.clone(),
            code: d.finding.problem.code().to_string(),
            message: d.message.clone(),
        }
    }
}

impl PageReport {
    /// The page's part of `report` and its rows left out (`rejected`, all of
    /// them); the clusters and pairs are the caller's to send.
    pub fn of(report: &mut DedupeReport, rejected: &[RejectedRow]) -> PageReport {
        let rejected = rejected.iter().take(REJECTED_SHOWN).cloned().collect();
        let kept_with_problems = report
            .diagnostics
            .iter()
            .filter(|d| !d.finding.problem.rejects_row())
            .take(REJECTED_SHOWN)
            .map(RejectedRow::of)
            .collect();
        let mut pins_on_many_records = std::mem::take(&mut report.pins_on_many_records);
        // The page shows a few records of each crowded PIN; their count says the rest.
        for crowded in &mut pins_on_many_records {
            crowded.record_ids.truncate(20);
        }
        PageReport {
            summary: report.summary.clone(),
            clusters: Vec::new(),
            pins_on_many_records,
            rejected,
            kept_with_problems,
        }
    }
}

/// What the loaded file is, to recognise it (and its decisions) again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FileInfo {
    /// The file's name.
    pub name: String,
    /// Its size in bytes.
    pub size: u64,
    /// A hash of its name, size and first bytes (hex): the key its decisions are kept under.
    pub fingerprint: String,
}

/// A cluster of the engine's run made again with people's decisions
/// (`kgpin::matching::cluster_links`): the export's unit, one person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ExportCluster {
    /// The smallest record_id of the members, as the engine names clusters.
    pub cluster_id: String,
    /// Several PINs, or one PIN recorded more than once.
    pub kind: kgpin::matching::Kind,
    /// The members' record_ids, sorted.
    pub record_ids: Vec<String>,
}

/// Earlier decisions about records of this file (`index`: record id to
/// index), by record index.
pub fn decided_in(
    record_of: impl Fn(&str) -> Option<u32>,
    decisions: &[PairDecision],
) -> (Decided, CarriedOver) {
    let mut decided = Decided::default();
    let mut together = std::collections::HashSet::new();
    let mut apart = std::collections::HashSet::new();
    for d in decisions {
        let (Some(a), Some(b)) = (record_of(&d.a), record_of(&d.b)) else {
            continue;
        };
        match d.verdict {
            Some(Verdict::SamePerson) => {
                decided.same_person.push((a, b));
                together.insert(d.cluster_id.as_str());
            }
            Some(Verdict::DifferentPeople) => {
                decided.different_people.push((a, b));
                // A cluster said to be different people leaves the queue; a
                // pair entry stays in it, its decision restored.
                if !is_band_entry_id(&d.cluster_id) {
                    apart.insert(d.cluster_id.as_str());
                }
            }
            _ => {}
        }
    }
    let carried = CarriedOver {
        same_person: together.len() as u64,
        different_people: apart.len() as u64,
    };
    (decided, carried)
}

/// The clusters of a run's `links` made again with `decided`, as the
/// clusters export has them: the engine's own regrouping, so the export
/// holds what the next run with these decisions would find.
pub fn export_clusters(
    batch: &kgpin::matching::Batch,
    links: &[kgpin::matching::Link],
    decided: &kgpin::matching::Decided,
) -> Vec<ExportCluster> {
    let id = |i: u32| batch.record_ids.get(i as usize).map(|id| id.to_string());
    kgpin::matching::cluster_links(batch, links.iter().copied(), decided)
        .into_iter()
        .map(|c| ExportCluster {
            cluster_id: c.id,
            kind: c.kind,
            record_ids: c.members.iter().filter_map(|&m| id(m)).collect(),
        })
        .collect()
}

/// A message from the worker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "camelCase")]
pub enum Reply {
    /// The worker's code is loaded; it takes jobs from now on.
    Ready,
    /// A stage advanced: `done` of `total` units.
    Progress {
        /// The stage.
        stage: Stage,
        /// Units done.
        done: u64,
        /// Units in all.
        total: u64,
    },
    /// The file was read and deduplicated.
    Loaded {
        /// The file.
        file: FileInfo,
        /// The page's part of the run's report.
        report: Box<PageReport>,
        /// Earlier decisions that applied to this file.
        carried_over: CarriedOver,
        /// Milliseconds from the job's start to this reply.
        millis: f64,
        /// The report's clusters follow in [`Reply::Clusters`] messages, this
        /// many in all: a page takes a million-row run a slice at a time
        /// and keeps drawing frames between the slices.
        clusters_to_follow: u64,
    },
    /// A slice of the last loaded report's clusters, in order.
    Clusters {
        /// The slice.
        clusters: Vec<ClusterReport>,
        /// Whether more follow, each once the page asks
        /// ([`Job::MoreClusters`]). (None from a worker from before it.)
        #[serde(default)]
        more: bool,
    },
    /// One cluster's records and the pairs among them, for review.
    Cluster {
        /// The cluster's id.
        cluster_id: String,
        /// Its records, in the cluster's order.
        records: Vec<RecordView>,
        /// The explained pairs among them.
        pairs: Vec<PairReport>,
    },
    /// The clusters with the page's decisions ([`Job::ExportClusters`]).
    ExportClusters {
        /// The clusters, as the engine names and orders them.
        clusters: Vec<ExportCluster>,
        /// The records of the clusters and of every pair decided.
        records: Vec<RecordView>,
    },
    /// Every row left out of matching, for the clerk's download.
    RejectedRows {
        /// The rows, in the file's order.
        rows: Vec<RejectedRow>,
    },
    /// The pairs of records that share a PIN but are different people.
    SharedPins {
        /// The pairs, with their reasons.
        pairs: Vec<PairReport>,
        /// For each pair, the record that keeps the PIN where the core can
        /// tell (`person::who_keeps_shared_pin`), else none: the centre decides.
        keeps: Vec<Option<String>>,
    },
    /// Candidates for one person in the loaded registry.
    Candidates {
        /// Best first.
        candidates: Vec<CandidateReport>,
        /// The candidates' records.
        records: Vec<RecordView>,
        /// Milliseconds the query took in the worker.
        millis: f64,
    },
    /// A job failed; the message is in the request's language.
    Failed {
        /// The job that failed; none when the request itself was unreadable.
        job: Option<JobKind>,
        /// Why, as a code.
        error: JobError,
        /// For [`JobError::NotARegistry`]: the core's `RegistryError` code
        /// (`empty_file`, `missing_column`, ...).
        registry_code: Option<String>,
        /// What happened, for people.
        message: String,
    },
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Earlier "different people" decisions: each applies to the run, but
    /// only a cluster's takes an entry out of the queue (a pair entry stays,
    /// its decision restored), so only those are counted as kept apart.
    #[test]
    fn only_clusters_said_different_people_are_counted_as_kept_apart() {
        let apart = Some(Verdict::DifferentPeople);
        let decisions = [
            PairDecision::new("r1", "r2", apart, "", "r1", "f"),
            PairDecision::new("r1", "r3", apart, "", "r1", "f"),
            PairDecision::new("a", "b", apart, "", &band_entry_id("a", "b"), "f"),
        ];
        let number = |id: &str| {
            ["r1", "r2", "r3", "a", "b"]
                .iter()
                .position(|&x| x == id)
                .map(|i| i as u32)
        };
        let (decided, carried) = decided_in(number, &decisions);
        assert_eq!(decided.different_people.len(), 3);
        assert_eq!(
            carried.different_people, 1,
            "one cluster, not the pair entry"
        );
        assert!(is_band_entry_id(&band_entry_id("a", "b")) && !is_band_entry_id("R00000004"));
    }

    #[test]
    fn job_errors_have_a_message_in_every_language() {
        for &error in JobError::ALL {
            let words: Vec<&str> = Lang::ALL.iter().map(|&l| job_error(error, l)).collect();
            assert!(words.iter().all(|w| !w.is_empty()), "{error:?}");
            assert_ne!(words[0], words[2], "{error:?}");
            assert_ne!(words[1], words[2], "{error:?}");
        }
    }

    #[test]
    fn decisions_stored_by_earlier_versions_still_read() {
        let old = r#"{"key":"a\u001fb","a":"a","b":"b","verdict":"","comment":"call back","clusterId":"a","file":"f"}"#;
        let decision: PairDecision = serde_json::from_str(old).expect("an old decision");
        assert_eq!(decision.verdict, None);
        assert_eq!(decision.comment, "call back");
        let same = PairDecision::new("b", "a", Some(Verdict::SamePerson), "", "a", "f");
        let json = serde_json::to_string(&same).expect("json");
        assert!(json.contains(r#""verdict":"same_person""#), "{json}");
        assert_eq!(
            serde_json::from_str::<PairDecision>(&json).expect("back"),
            same
        );
    }

    #[test]
    fn every_job_names_its_kind() {
        let jobs = [
            Job::Shared,
            Job::Cluster {
                cluster_id: "1".into(),
                record_ids: vec![],
            },
            Job::Candidates {
                person: Person::default(),
                limit: 10,
            },
            Job::Demo {
                people: 10,
                seed: 1,
                threshold: None,
                decisions: vec![],
            },
        ];
        let kinds: Vec<&str> = jobs.iter().map(|j| j.kind().code()).collect();
        assert_eq!(kinds, ["shared", "cluster", "candidates", "demo"]);
    }
}
