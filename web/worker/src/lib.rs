//! The messages between the clerk's page and the worker that reads registry
//! files and finds duplicates, so the page never blocks on a million rows.
//! Both sides use these types; the core's [`DedupeReport`] is the result.
//!
//! The page sends plain JavaScript objects (a `File` cannot pass through serde):
//! `{type: "load", file, lang, threshold?}`, `{type: "demo", people, seed, lang}`,
//! `{type: "cluster", clusterId, recordIds}`, `{type: "candidates", person, limit}`; a load or demo job may carry
//! `decisions: PairDecision[]` made earlier. The worker answers with [`Reply`]s.

use kgpin::matching::Stage;
use kgpin::report::{
    CandidateReport, ClusterReport, CrowdedPinReport, DedupeReport, DedupeSummary, PairReport,
};
use kgpin::{Date, Lang, Sex};
use serde::{Deserialize, Serialize};

kgpin::coded_enum! {
    /// Why a job of the clerk's background worker could not run.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
    pub enum JobError {
        /// The browser could not read the chosen file.
        "unreadable_file" => UnreadableFile,
        /// A search or review before any registry was loaded.
        "no_registry" => NoRegistry,
    }
}

/// Why a job of the worker could not run, in words: the worker says them, so
/// they live with the worker, not in the core or among the page's labels.
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
    }
}

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
    /// `same_person`, `different_people` or `unsure`.
    pub verdict: String,
    /// The clerk's comment.
    pub comment: String,
    /// The cluster the decision was made on.
    pub cluster_id: String,
    /// Fingerprint of the file it was made in.
    pub file: String,
}

impl PairDecision {
    /// The decision on records `x` and `y`, in either order.
    pub fn new(
        x: &str,
        y: &str,
        verdict: &str,
        comment: &str,
        cluster_id: &str,
        file: &str,
    ) -> Self {
        let (a, b) = if x <= y { (x, y) } else { (y, x) };
        PairDecision {
            key: Self::key_of(a, b),
            a: a.to_string(),
            b: b.to_string(),
            verdict: verdict.to_string(),
            comment: comment.to_string(),
            cluster_id: cluster_id.to_string(),
            file: file.to_string(),
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
    /// The rows left out of matching.
    pub rejected: Vec<RejectedRow>,
}

impl PageReport {
    /// The page's part of `report`; the clusters and pairs are the caller's to send.
    pub fn of(report: &mut DedupeReport) -> PageReport {
        let rejected = report
            .rejected_rows()
            .map(|d| RejectedRow {
                line: d.finding.line,
                record_id: d.finding.record_id.clone(),
                code: d.finding.problem.code().to_string(),
                message: d.message.clone(),
            })
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
    /// The pairs of records that share a PIN but are different people.
    SharedPins {
        /// The pairs, with their reasons.
        pairs: Vec<PairReport>,
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
    /// The job failed; the message is in the job's language.
    Failed {
        /// A stable code (`empty_file`, `missing_column`, `unreadable_file`, ...).
        code: String,
        /// What happened, for people.
        message: String,
    },
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn job_errors_have_a_message_in_every_language() {
        for code in JobError::CODES {
            let error: JobError =
                serde_json::from_value(serde_json::Value::String(code.to_string()))
                    .unwrap_or_else(|e| panic!("{code}: {e}"));
            let words: Vec<&str> = Lang::ALL.iter().map(|&l| job_error(error, l)).collect();
            assert!(words.iter().all(|w| !w.is_empty()), "{code}");
            assert_ne!(words[0], words[2], "{code}");
            assert_ne!(words[1], words[2], "{code}");
        }
    }
}
