//! The serialisable reports every face renders, so the CLI, the WASM package
//! and the web app cannot drift apart:
//! - [`CheckReport`], one PIN check: what `kgpin check --json` prints and
//!   `checkPin` returns;
//! - [`PersonPinsReport`], a person's several numbers: what
//!   `kgpin check-person --json` prints and `checkPersonPins` returns;
//! - [`DedupeReport`], one deduplication run: what `kgpin dedupe --json`
//!   prints, `Registry.dedupe()` returns and the clerk's screen shows.

use std::borrow::Cow;
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::date::Date;
use crate::matching::{Dedupe, Kind, OversizedBlocks, Reason, Stage};
use crate::messages::{self, pin_error, pin_warning, Lang};
use crate::person::{self, Document, Holder, NextStep, PersonFinding, PersonPins, PinRole};
use crate::pin::{check, PinCheck, PinError, PinWarning, Stated};
use crate::registry::{Diagnostic, Encoding, Registry};
use crate::sex::Sex;

/// A finding with its human message: `{code, message, ...data}` in JSON.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reported<T> {
    /// The finding: its code and data.
    #[serde(flatten)]
    pub finding: T,
    /// The finding in words, in the report's language.
    pub message: String,
}

/// The outcome of checking one input, ready to print or hand to JavaScript.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CheckReport {
    /// The input exactly as given.
    pub input: String,
    /// Whether the input is a valid PIN (warnings may still apply).
    pub valid: bool,
    /// The 14 cleaned digits, or `None` when the input is not 14 digits.
    pub pin: Option<String>,
    /// The sex the PIN encodes, when valid.
    pub sex: Option<Sex>,
    /// The birth date the PIN encodes, when valid.
    pub birth_date: Option<Date>,
    /// The serial, when valid.
    pub serial: Option<String>,
    /// Why the input is not a valid PIN.
    pub errors: Vec<Reported<PinError>>,
    /// What is worth a second look in a valid PIN.
    pub warnings: Vec<Reported<PinWarning>>,
}

impl CheckReport {
    /// Checks `input` on `today` against what the person states, with messages in `lang`.
    ///
    /// ```
    /// use kgpin::{CheckReport, Date, Lang, pin::Stated};
    /// let today = Date::new(2026, 11, 25).unwrap();
    /// let report = CheckReport::new("10202198254217", today, &Stated::default(), Lang::En);
    /// assert!(report.valid);
    /// assert_eq!(report.serial.as_deref(), Some("54217"));
    /// ```
    pub fn new(input: &str, today: Date, stated: &Stated, lang: Lang) -> Self {
        CheckReport::of(input, check(input, today, stated), lang)
    }

    /// The verdict every face shows first: valid, valid with warnings, or not valid.
    ///
    /// ```
    /// use kgpin::{messages::ReportLabel, CheckReport, Date, Lang, pin::Stated};
    /// let today = Date::new(2026, 11, 25).unwrap();
    /// let report = CheckReport::new("1O202198254217", today, &Stated::default(), Lang::En);
    /// assert_eq!(report.verdict(), ReportLabel::Invalid);
    /// ```
    pub fn verdict(&self) -> messages::ReportLabel {
        match (self.valid, self.warnings.is_empty()) {
            (true, true) => messages::ReportLabel::Valid,
            (true, false) => messages::ReportLabel::ValidWithWarnings,
            (false, _) => messages::ReportLabel::Invalid,
        }
    }

    /// The report of a check already made on `input`.
    pub fn of(input: &str, result: PinCheck, lang: Lang) -> Self {
        let valid = result.is_valid();
        CheckReport {
            input: input.to_string(),
            valid,
            pin: result.digits.map(|d| d.to_string()),
            sex: result.pin.map(|p| p.sex()),
            birth_date: result.pin.map(|p| p.birth_date()),
            serial: result.pin.map(|p| p.serial().to_string()),
            errors: result
                .errors
                .into_iter()
                .map(|e| Reported {
                    message: pin_error(&e, lang),
                    finding: e,
                })
                .collect(),
            warnings: result
                .warnings
                .into_iter()
                .map(|w| Reported {
                    message: pin_warning(&w, lang),
                    finding: w,
                })
                .collect(),
        }
    }
}

/// One of the person's numbers, checked, in words.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PinEntry {
    /// Where the number was found.
    pub document: Document,
    /// The number's own check, against the person's sex and birth date.
    pub check: CheckReport,
    /// What the number is among the person's numbers.
    pub role: PinRole,
    /// The role in words.
    pub role_message: String,
}

/// Everything the pre-check of a person's numbers found, with messages in one language.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PersonPinsReport {
    /// Each number, in the order given.
    pub pins: Vec<PinEntry>,
    /// What the numbers show together.
    pub findings: Vec<Reported<PersonFinding>>,
    /// Whether anything needs correcting at a Public Service Centre.
    pub needs_correction: bool,
    /// What to do next, in order, each with its sentence.
    pub next_steps: Vec<Reported<NextStep>>,
}

impl PersonPinsReport {
    /// The words of what [`person::assess`] decided about `inputs`, in `lang`.
    pub fn of(inputs: &[(String, Document)], assessed: PersonPins, lang: Lang) -> Self {
        // A number to correct that is compared with the documents first says
        // so on its own line too: "to be corrected" alone contradicted the
        // answer's "compare first" (one slip from the number that stays).
        let compared: &[usize] = assessed
            .next_steps
            .iter()
            .find_map(|step| match step {
                NextStep::CompareWithDocuments { pins } => Some(pins.as_slice()),
                _ => None,
            })
            .unwrap_or_default();
        let role_message = |position: usize, role: PinRole| {
            let words = messages::pin_role(role, lang);
            if matches!(role, PinRole::Duplicate | PinRole::WrongDate)
                && compared.contains(&position)
            {
                format!("{} {words}", messages::compare_first(lang))
            } else {
                words.to_string()
            }
        };
        PersonPinsReport {
            pins: assessed
                .pins
                .into_iter()
                .zip(inputs)
                .enumerate()
                .map(|(i, (pin, (input, _)))| PinEntry {
                    document: pin.document,
                    check: CheckReport::of(input, pin.check, lang),
                    role: pin.role,
                    role_message: role_message(i + 1, pin.role),
                })
                .collect(),
            findings: assessed
                .findings
                .into_iter()
                .map(|finding| Reported {
                    message: messages::person_finding(&finding, lang),
                    finding,
                })
                .collect(),
            needs_correction: assessed.needs_correction,
            next_steps: assessed
                .next_steps
                .into_iter()
                .map(|step| Reported {
                    message: messages::next_step(&step, lang),
                    finding: step,
                })
                .collect(),
        }
    }
}

/// Checks each of a person's numbers and what they show together, in `lang`:
/// [`person::assess`] decides, this words it.
///
/// ```
/// use kgpin::person::{Document, Holder, PinRole};
/// use kgpin::report::check_person_pins;
/// use kgpin::{Date, Lang, Sex};
///
/// let today = Date::new(2026, 11, 25)?;
/// let holder = Holder { sex: Some(Sex::Female), birth_date: Some(Date::new(1982, 2, 2)?), ..Holder::default() };
/// let pins = [
///     ("10202198254217".to_string(), Document::Passport),
///     ("10202198200311".to_string(), Document::Tax),
/// ];
/// let report = check_person_pins(&holder, &pins, today, Lang::En);
/// assert_eq!(report.pins[1].role, PinRole::Duplicate);
/// assert!(report.findings[0].message.contains("different serials"));
/// # Ok::<(), kgpin::DateError>(())
/// ```
pub fn check_person_pins(
    holder: &Holder,
    pins: &[(String, Document)],
    today: Date,
    lang: Lang,
) -> PersonPinsReport {
    PersonPinsReport::of(pins, person::assess(holder, pins, today), lang)
}

/// Scores and weights carried in reports, rounded to tenths of a bit as the
/// CSV files print them (ties to even, as `format!("{:.1}")` rounds): finer
/// is noise, and a value rounded in `f64` prints the same in JSON from Rust
/// and in JavaScript.
fn bits(value: f32) -> f64 {
    (f64::from(value) * 10.0).round_ties_even() / 10.0
}

/// One reason a pair scored as it did: a bar of the waterfall.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReasonReport {
    /// The stable code.
    pub code: Reason,
    /// Bits of evidence it added (negative: evidence of two people).
    pub weight: f64,
    /// The reason in words: one of the messages' texts, not a copy of it
    /// (a million-row run explains a few hundred thousand reasons; as copies
    /// their words took a sixth of the clerk's worker).
    #[serde(serialize_with = "one_of_our_texts")]
    pub message: Cow<'static, str>,
}

/// Serializes one of kgpin's own texts (a `&'static str`, one of a few
/// dozen) as a unit variant's name, which every text format writes as the
/// string itself (serde_json: `"text"`), and which serde-wasm-bindgen turns
/// into a JavaScript string once per text and then reuses, where a plain
/// string is made anew each time: at a million rows, some 750,000 reasons'
/// words handed to the page or the package's caller. Any other text is a
/// plain string. (A binary format that writes a variant's index, not its
/// name, would lose the words: reports go to JSON and JavaScript only.)
// `&Cow`, not `&str`: serde hands the field as it is, and which side of the
// `Cow` it is tells a text of kgpin's own from any other.
#[allow(clippy::ptr_arg)]
fn one_of_our_texts<S: serde::Serializer>(
    text: &Cow<'static, str>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match text {
        Cow::Borrowed(text) => serializer.serialize_unit_variant("Text", 0, text),
        Cow::Owned(text) => serializer.serialize_str(text),
    }
}

impl ReasonReport {
    /// The reasons of a comparison, with their messages in `lang`.
    pub fn list(reasons: &[(Reason, f32)], lang: Lang) -> Vec<ReasonReport> {
        reasons
            .iter()
            .map(|&(code, weight)| ReasonReport {
                code,
                weight: bits(weight),
                message: Cow::Borrowed(messages::reason(code, lang)),
            })
            .collect()
    }
}

/// A registry record that may be the person asked about.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CandidateReport {
    /// The record's id.
    pub record_id: String,
    /// The comparison's score, in bits.
    pub score: f64,
    /// `None` below the threshold with no shared PIN: worth a look, no more.
    pub kind: Option<Kind>,
    /// Why, field by field.
    pub reasons: Vec<ReasonReport>,
}

impl CandidateReport {
    /// The report of a query's candidate, whose record has id `record_id`.
    pub fn new(candidate: &crate::matching::index::Candidate, record_id: &str, lang: Lang) -> Self {
        CandidateReport {
            record_id: record_id.to_string(),
            score: bits(candidate.score),
            kind: candidate.kind,
            reasons: ReasonReport::list(&candidate.reasons, lang),
        }
    }

    /// Whether the record agrees with the person on names only (see
    /// [`PairReport::on_names_only`]): a search by names alone finds a crowd
    /// of namesakes, each scored as if it were the person.
    ///
    /// ```
    /// use kgpin::matching::{index::Index, Options, Person};
    /// use kgpin::registry::Registry;
    /// use kgpin::{report::CandidateReport, Lang};
    /// let csv = "record_id,pin,last_name,first_name,patronymic,birth_date\n\
    ///     a,21503198700412,Жумагулов,Нурлан,Асанбекович,1987-03-15\n";
    /// let registry = Registry::from_csv(csv.as_bytes())?;
    /// let index = Index::build(&registry.records, Options::default());
    /// let mut person = Person {
    ///     last_name: "Жумагулов".into(),
    ///     first_name: "Нурлан".into(),
    ///     patronymic: Some("Асанбекович".into()),
    ///     ..Person::default()
    /// };
    /// let report = |person: &Person| {
    ///     let found = index.candidates(person, 1);
    ///     CandidateReport::new(&found[0], "a", Lang::En)
    /// };
    /// assert!(report(&person).on_names_only());
    /// person.birth_date = "1987-03-15".parse().ok();
    /// assert!(!report(&person).on_names_only());
    /// # Ok::<(), kgpin::registry::RegistryError>(())
    /// ```
    pub fn on_names_only(&self) -> bool {
        on_names_only(self.reasons.iter().map(|r| r.code))
    }

    /// Whether the record's birth date or PIN disagrees with the person's
    /// (its reasons say so already): a candidate [`on_names_only`](Self::on_names_only)
    /// that does not disagree had nothing but names to compare.
    pub fn date_or_pin_disagrees(&self) -> bool {
        self.reasons
            .iter()
            .any(|r| r.code.disagrees_on_date_or_pin())
    }
}

/// A pair of records worth a person's attention.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PairReport {
    /// The first record's id.
    pub record_id_a: String,
    /// The second record's id.
    pub record_id_b: String,
    /// The sum of the reasons' weights, in bits.
    pub score: f64,
    /// What the pair shows.
    pub kind: Kind,
    /// Why, field by field, in the order the comparison made them.
    pub reasons: Vec<ReasonReport>,
    /// For a `possible_same_person` pair, what would settle it; absent otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub settle: Option<SettleReport>,
}

impl PairReport {
    /// The engine's `pair` explained: its records' ids (`record_ids.get(i)`
    /// is record `i`'s), its reasons and what would settle it in `lang`.
    pub fn of(
        pair: &crate::matching::PairFinding,
        record_ids: &crate::registry::RecordIds,
        lang: Lang,
    ) -> PairReport {
        let id = |i: u32| record_ids.get(i as usize).unwrap_or_default().to_string();
        PairReport {
            record_id_a: id(pair.a),
            record_id_b: id(pair.b),
            score: bits(pair.score),
            kind: pair.kind,
            reasons: ReasonReport::list(&pair.reasons, lang),
            settle: pair.settle.map(|settle| SettleReport::new(settle, lang)),
        }
    }

    /// Whether the pair agrees on names only: no birth date, and no PIN or
    /// PIN date part, that agrees. Namesakes are many, so such a pair is weak
    /// evidence whatever its score (rare names can carry it over the threshold).
    ///
    /// ```
    /// use kgpin::matching::{dedupe, Options};
    /// use kgpin::registry::Registry;
    /// use kgpin::{report::DedupeReport, Lang};
    /// let csv = "record_id,pin,last_name,first_name,patronymic\n\
    ///     a,,Зайнидинова,Гулзабира,Абдыкадыровна\n\
    ///     b,,Зайнидинова,Гулзабира,Абдыкадыровна\n";
    /// let registry = Registry::from_csv(csv.as_bytes())?;
    /// let found = dedupe(&registry.records, &Options::default(), &mut |_| {});
    /// let ids: kgpin::registry::RecordIds = ["a", "b"].into_iter().collect();
    /// let report = DedupeReport::new(&registry, &ids, &found, &Options::default(), Lang::En);
    /// assert!(report.pairs[0].on_names_only());
    /// # Ok::<(), kgpin::registry::RegistryError>(())
    /// ```
    pub fn on_names_only(&self) -> bool {
        on_names_only(self.reasons.iter().map(|r| r.code))
    }
}

/// Whether reasons agree on names only: no birth date, no PIN and no PIN's
/// date part among what agrees (see [`PairReport::on_names_only`]).
fn on_names_only(mut reasons: impl Iterator<Item = Reason>) -> bool {
    !reasons.any(Reason::agrees_on_date_or_pin)
}

/// What would settle a possible match: a stable code and advice in words.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SettleReport {
    /// The stable code.
    pub code: crate::matching::Settle,
    /// The advice in words (a message's text, not a copy, as a reason's).
    #[serde(serialize_with = "one_of_our_texts")]
    pub message: Cow<'static, str>,
}

impl SettleReport {
    /// The advice for `settle`, in `lang`.
    pub fn new(settle: crate::matching::Settle, lang: Lang) -> SettleReport {
        SettleReport {
            code: settle,
            message: Cow::Borrowed(messages::settle(settle, lang)),
        }
    }
}

/// Records taken for one person.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ClusterReport {
    /// The smallest record_id of the members: stable between runs.
    pub cluster_id: String,
    /// What the cluster shows.
    pub kind: Kind,
    /// Members' record_ids, sorted.
    pub record_ids: Vec<String>,
    /// The lowest score among the cluster's pairs above the threshold: the
    /// weakest link holding it together, reviewed first.
    pub weakest_link: Option<f64>,
    /// Every pair holding the cluster together agrees on names only (no
    /// birth date, no PIN or PIN date part agrees): weak evidence, however
    /// high the score, as namesakes are many. A review puts these after the
    /// clusters with a date or a number in common.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub names_only: bool,
}

/// A PIN on more records than are compared pair by pair, with its records.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CrowdedPinReport {
    /// The PIN's 14 digits.
    pub pin: String,
    /// How many records carry it.
    pub records: u64,
    /// Every record carrying it.
    pub record_ids: Vec<String>,
}

/// Clusters, and the records in them, of one kind.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct KindCount {
    /// Number of clusters.
    pub clusters: u64,
    /// Records in them.
    pub records: u64,
}

/// How long one stage took, as the face that ran it measured.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct StageTime {
    /// The stage.
    pub stage: Stage,
    /// Wall-clock milliseconds.
    pub millis: f64,
}

impl StageTime {
    /// The time of each stage from the moments (in milliseconds) each began;
    /// the last mark is the end of the run.
    ///
    /// ```
    /// use kgpin::matching::Stage;
    /// use kgpin::report::StageTime;
    /// let times = StageTime::between(&[(Stage::Read, 0.0), (Stage::Block, 40.0), (Stage::Cluster, 50.0)]);
    /// assert_eq!(times.iter().map(|t| t.millis).collect::<Vec<_>>(), [40.0, 10.0]);
    /// ```
    pub fn between(marks: &[(Stage, f64)]) -> Vec<StageTime> {
        marks
            .windows(2)
            .map(|w| StageTime {
                stage: w[0].0,
                millis: (w[1].1 - w[0].1).max(0.0),
            })
            .collect()
    }
}

/// The figures of a run: every row of the file accounted for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DedupeSummary {
    /// Data rows in the file (the header not counted).
    pub rows_read: u64,
    /// Rows that became records and were compared.
    pub records: u64,
    /// Rows left out, by problem code.
    pub rejected: BTreeMap<String, u64>,
    /// Rows kept with a field that could not be used, by problem code.
    pub field_problems: BTreeMap<String, u64>,
    /// The file's encoding (none for a workbook).
    pub encoding: Option<Encoding>,
    /// The workbook sheet read, for a workbook: diagnostics' lines are its rows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
    /// The file's delimiter, `,` or `;`.
    pub delimiter: String,
    /// The score from which a pair is taken for one person, in bits.
    pub threshold: f64,
    /// Pairs scoring from this up to the threshold are `possible_same_person`
    /// (with those a rule refuses for want of evidence, and those clustering
    /// keeps apart).
    pub review_threshold: f64,
    /// Comparisons made: pairs that shared a blocking key, scored once per
    /// block they met in.
    pub candidate_pairs: u64,
    /// Blocks too large to compare pair by pair, by key kind.
    pub oversized_blocks: Vec<OversizedBlocks>,
    /// PINs on more records than are compared pair by pair (listed in the report).
    pub pins_on_many_records: u64,
    /// Clusters and their records, by kind code.
    pub clusters: BTreeMap<String, KindCount>,
    /// Pairs reported, by kind code.
    pub pairs: BTreeMap<String, u64>,
    /// Time by stage, when the face measured it.
    pub timings: Vec<StageTime>,
}

/// Everything one deduplication run found, ready to print, to hand to
/// JavaScript, or to render on the clerk's screen.
///
/// ```
/// use kgpin::matching::{dedupe, Options};
/// use kgpin::registry::{RecordIds, Registry};
/// use kgpin::{report::DedupeReport, Lang};
///
/// let csv = "record_id,pin,last_name,first_name,birth_date\n\
///     a,10503198500123,Жумагулова,Айгүл,1985-03-05\n\
///     b,10503198500456,Zhumagulova,Aigul,05.03.1985\n\
///     c,,,,\n\
///     c,x,y,z,\n";
/// let registry = Registry::from_csv(csv.as_bytes())?;
/// let found = dedupe(&registry.records, &Options::default(), &mut |_| {});
/// let ids: RecordIds = registry.records.iter().map(|r| r.record_id.as_str()).collect();
/// let report = DedupeReport::new(&registry, &ids, &found, &Options::default(), Lang::En);
/// assert_eq!(report.clusters[0].record_ids, ["a", "b"]);
/// assert_eq!(report.clusters[0].kind.code(), "same_person_multiple_pins");
/// assert_eq!(report.summary.rows_read, 4);
/// assert_eq!(report.summary.rejected["duplicate_record_id"], 1);
/// assert_eq!(report.pairs[0].reasons[0].message, "Same surname in another spelling (Cyrillic/Latin)");
/// # Ok::<(), kgpin::registry::RegistryError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DedupeReport {
    /// The figures of the run.
    pub summary: DedupeSummary,
    /// Groups of records taken for one person, by cluster id.
    pub clusters: Vec<ClusterReport>,
    /// Explained pairs: those above the threshold, and PINs shared by
    /// records below it.
    pub pairs: Vec<PairReport>,
    /// PINs on more records than are compared pair by pair: each a finding
    /// for a clerk (a placeholder, a default typed into many rows), most records first.
    pub pins_on_many_records: Vec<CrowdedPinReport>,
    /// Every row problem, with its line and message.
    pub diagnostics: Vec<Reported<Diagnostic>>,
}

impl DedupeReport {
    /// Builds the report of `found`, a run over the records of `registry`
    /// (whose `records` may have been handed over in chunks and dropped);
    /// `record_ids.get(i)` is the id of record `i` of the run.
    pub fn new(
        registry: &Registry,
        record_ids: &crate::registry::RecordIds,
        found: &Dedupe,
        options: &crate::matching::Options,
        lang: Lang,
    ) -> Self {
        let mut report = Self::without_pairs(registry, record_ids, found, options, lang);
        report.pairs = found
            .pairs
            .iter()
            .map(|pair| PairReport::of(pair, record_ids, lang))
            .collect();
        report
    }

    /// The report of [`DedupeReport::new`] but for its `pairs`, left empty
    /// (the summary still counts them): for a face that keeps the engine's
    /// pairs and explains them when asked. A million-row run explains a few
    /// hundred thousand pairs, each with its ids and reasons; the clerk's
    /// worker shows a cluster's at a time.
    pub fn without_pairs(
        registry: &Registry,
        record_ids: &crate::registry::RecordIds,
        found: &Dedupe,
        options: &crate::matching::Options,
        lang: Lang,
    ) -> Self {
        let id = |i: u32| record_ids.get(i as usize).unwrap_or_default().to_string();
        let mut rejected = BTreeMap::new();
        let mut field_problems = BTreeMap::new();
        for d in &registry.diagnostics {
            let counts = if d.problem.rejects_row() {
                &mut rejected
            } else {
                &mut field_problems
            };
            *counts.entry(d.problem.code().to_string()).or_default() += 1;
        }
        // The weakest link of each cluster: its lowest pair above the threshold.
        let mut cluster_of = vec![u32::MAX; record_ids.len()];
        for (c, cluster) in found.clusters.iter().enumerate() {
            for &m in &cluster.members {
                cluster_of[m as usize] = c as u32;
            }
        }
        let mut weakest: Vec<Option<f32>> = vec![None; found.clusters.len()];
        // Until a linking pair with a date or a number in common is met.
        let mut names_only = vec![true; found.clusters.len()];
        let mut pairs_by_kind: BTreeMap<String, u64> = BTreeMap::new();
        for pair in &found.pairs {
            *pairs_by_kind
                .entry(pair.kind.code().to_string())
                .or_default() += 1;
            let c = cluster_of[pair.a as usize];
            if c != u32::MAX && c == cluster_of[pair.b as usize] && pair.score >= options.threshold
            {
                let w = &mut weakest[c as usize];
                *w = Some(w.map_or(pair.score, |w| w.min(pair.score)));
                names_only[c as usize] &= on_names_only(pair.reasons.iter().map(|&(r, _)| r));
            }
        }
        let mut clusters_by_kind: BTreeMap<String, KindCount> = BTreeMap::new();
        let clusters = found
            .clusters
            .iter()
            .zip(weakest)
            .zip(names_only)
            .map(|((cluster, weakest), names_only)| {
                let count = clusters_by_kind
                    .entry(cluster.kind.code().to_string())
                    .or_default();
                count.clusters += 1;
                count.records += cluster.members.len() as u64;
                ClusterReport {
                    cluster_id: cluster.id.clone(),
                    kind: cluster.kind,
                    record_ids: cluster.members.iter().map(|&m| id(m)).collect(),
                    weakest_link: weakest.map(bits),
                    names_only: names_only && weakest.is_some(),
                }
            })
            .collect();
        DedupeReport {
            summary: DedupeSummary {
                rows_read: registry.rows_read,
                records: found.stats.records,
                rejected,
                field_problems,
                encoding: registry.encoding,
                sheet: registry.sheet.clone(),
                delimiter: char::from(registry.delimiter).to_string(),
                threshold: bits(options.threshold),
                review_threshold: bits(options.review_threshold),
                candidate_pairs: found.stats.candidate_pairs,
                oversized_blocks: found.stats.oversized_blocks.clone(),
                pins_on_many_records: found.crowded_pins.len() as u64,
                clusters: clusters_by_kind,
                pairs: pairs_by_kind,
                timings: Vec::new(),
            },
            clusters,
            pairs: Vec::new(),
            pins_on_many_records: found
                .crowded_pins
                .iter()
                .map(|c| CrowdedPinReport {
                    pin: format!("{:014}", c.pin),
                    records: c.members.len() as u64,
                    record_ids: c.members.iter().map(|&m| id(m)).collect(),
                })
                .collect(),
            diagnostics: registry
                .diagnostics
                .iter()
                .map(|d| Reported {
                    message: messages::problem(&d.problem, lang),
                    finding: d.clone(),
                })
                .collect(),
        }
    }

    /// Rows left out of matching, with their line and why.
    pub fn rejected_rows(&self) -> impl Iterator<Item = &Reported<Diagnostic>> {
        self.diagnostics
            .iter()
            .filter(|d| d.finding.problem.rejects_row())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::matching::{index::Index, Options, Person};
    use crate::registry::Registry;

    /// A reason's words are written as the plain string they are, whether
    /// one of kgpin's own texts or any other, and read back as one.
    #[test]
    fn a_reasons_words_are_a_plain_string_in_json() {
        let ours = ReasonReport::list(&[(Reason::PinEqual, 6.0)], Lang::Ru);
        let words = crate::messages::reason(Reason::PinEqual, Lang::Ru);
        assert!(matches!(ours[0].message, Cow::Borrowed(_)));
        let other = ReasonReport {
            message: Cow::Owned(words.to_string()),
            ..ours[0].clone()
        };
        let (a, b) = (
            serde_json::to_string(&ours[0]).unwrap(),
            serde_json::to_string(&other).unwrap(),
        );
        assert_eq!(a, b);
        assert_eq!(serde_json::to_value(&ours[0]).unwrap()["message"], words);
        let back: ReasonReport = serde_json::from_str(&a).unwrap();
        assert_eq!(back, ours[0]);
    }

    /// The report of the best candidate for `person` in a one-record registry.
    fn best_candidate(row: &str, person: &Person) -> CandidateReport {
        let csv = format!("record_id,pin,last_name,first_name,patronymic,birth_date\n{row}\n");
        let registry = Registry::from_csv(csv.as_bytes()).expect("a valid registry");
        let index = Index::build(&registry.records, Options::default());
        let found = index.candidates(person, 1);
        CandidateReport::new(&found[0], "r", Lang::En)
    }

    #[test]
    fn a_record_with_nothing_to_compare_is_on_names_only_and_a_differing_date_disagrees() {
        let mut person = Person {
            last_name: "Жумагулов".into(),
            first_name: "Нурлан".into(),
            patronymic: Some("Асанбекович".into()),
            birth_date: "1987-03-15".parse().ok(),
            ..Person::default()
        };
        // The record has no date and no PIN: names alone agree, nothing disagrees.
        let bare = best_candidate("r,,Жумагулов,Нурлан,Асанбекович,", &person);
        assert!(
            bare.on_names_only() && !bare.date_or_pin_disagrees(),
            "{bare:?}"
        );
        // Its date differs from the one typed: said by the reasons already.
        let dated = "r,,Жумагулов,Нурлан,Асанбекович,1978-11-02";
        let other = best_candidate(dated, &person);
        assert!(
            other.on_names_only() && other.date_or_pin_disagrees(),
            "{other:?}"
        );
        // The same date: not on names only.
        person.birth_date = "1978-11-02".parse().ok();
        assert!(!best_candidate(dated, &person).on_names_only());
    }

    #[test]
    fn json_has_exactly_the_documented_fields() {
        let today = Date::new(2026, 11, 25).unwrap();
        let report = CheckReport::new("1O202198254217", today, &Stated::default(), Lang::En);
        let json = serde_json::to_value(&report).unwrap();
        let mut keys: Vec<&str> = json
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        keys.sort();
        assert_eq!(
            keys,
            [
                "birthDate",
                "errors",
                "input",
                "pin",
                "serial",
                "sex",
                "valid",
                "warnings"
            ]
        );
        assert_eq!(json["valid"], false);
        assert_eq!(json["pin"], serde_json::Value::Null);
        assert_eq!(json["errors"][0]["code"], "invalid_character");
        assert_eq!(json["errors"][0]["position"], 2);
        assert_eq!(json["errors"][0]["looksLike"], "0");
        assert!(json["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("Position 2"));
    }

    #[test]
    fn a_pair_with_a_date_or_a_pin_is_not_on_names_only() {
        let pair = |codes: &[Reason]| PairReport {
            record_id_a: "a".into(),
            record_id_b: "b".into(),
            score: 20.0,
            kind: Kind::RepeatedRecord,
            reasons: ReasonReport::list(
                &codes.iter().map(|&c| (c, 1.0)).collect::<Vec<_>>(),
                Lang::En,
            ),
            settle: None,
        };
        let names = [
            Reason::LastNameEqual,
            Reason::FirstNameEqual,
            Reason::PatronymicEqual,
        ];
        assert!(
            pair(&[&names[..], &[Reason::BirthDateUnknown, Reason::SexEqual]].concat())
                .on_names_only()
        );
        for evidence in [
            Reason::BirthDateEqual,
            Reason::BirthDateOneDigit,
            Reason::PinEqual,
            Reason::PinSerialDiffers,
        ] {
            assert!(
                !pair(&[&names[..], &[evidence]].concat()).on_names_only(),
                "{evidence:?}"
            );
        }
    }

    #[test]
    fn valid_report_decodes_every_part() {
        let today = Date::new(2026, 11, 25).unwrap();
        let stated = Stated {
            sex: Some(Sex::Female),
            birth_date: Some(Date::new(1982, 2, 2).unwrap()),
        };
        let json =
            serde_json::to_value(CheckReport::new("10202198254217", today, &stated, Lang::Ru))
                .unwrap();
        assert_eq!(
            json,
            serde_json::json!({
                "input": "10202198254217", "valid": true, "pin": "10202198254217",
                "sex": "F", "birthDate": "1982-02-02", "serial": "54217",
                "errors": [], "warnings": []
            })
        );
    }
}

/// The CSV shapes of a report, one definition for every face that writes
/// them (`kgpin dedupe --pairs/--clusters`, the clerk's exports).
pub mod csv {
    use super::PairReport;

    /// The first columns of a clusters file: one line per record.
    pub const CLUSTER_COLUMNS: [&str; 2] = ["cluster_id", "record_id"];

    /// The columns of a pairs file; `settle` is filled for
    /// `possible_same_person` pairs only (what would settle them).
    pub const PAIR_COLUMNS: [&str; 6] = [
        "record_id_a",
        "record_id_b",
        "score",
        "kind",
        "reasons",
        "settle",
    ];

    /// One pair as a pairs-file line: the score to a tenth of a bit, the
    /// reasons' codes joined by `;`, the settling document's code.
    pub fn pair_row(pair: &PairReport) -> [String; 6] {
        let reasons: Vec<&str> = pair.reasons.iter().map(|r| r.code.code()).collect();
        [
            pair.record_id_a.clone(),
            pair.record_id_b.clone(),
            format!("{:.1}", pair.score),
            pair.kind.code().to_string(),
            reasons.join(";"),
            pair.settle
                .as_ref()
                .map_or(String::new(), |s| s.code.code().to_string()),
        ]
    }
}
