//! The clerk's page state and its transitions (a reducer): what is loaded,
//! where the review stands, and every decision with its undo history.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::rc::Rc;

use kgpin::matching::{Kind, Stage};
use kgpin::report::{ClusterReport, PairReport};
pub use kgpin_web_worker::Stamp;
pub use kgpin_web_worker::Verdict;
use kgpin_web_worker::{CarriedOver, FileInfo, PageReport, PairDecision, RecordView};
use yew::Reducible;

/// A decision on one cluster: a verdict, a comment, or both; and the records
/// split off it as someone else.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Decision {
    /// The verdict on the cluster's other records, once given (a comment
    /// alone decides nothing).
    pub verdict: Option<Verdict>,
    /// The clerk's comment.
    pub comment: String,
    /// Who gave the verdict, and when.
    pub stamp: Stamp,
    /// Records of the cluster that are a different person from the rest (a
    /// cluster of four where one record is someone else): each is exported
    /// on its own and kept as "different people" with every other record.
    pub apart: BTreeSet<String>,
}

impl Decision {
    /// What a record of the cluster was decided to be: its own person when
    /// split off, else the cluster's verdict.
    pub fn verdict_for(&self, record_id: &str) -> Option<Verdict> {
        if self.apart.contains(record_id) {
            Some(Verdict::DifferentPeople)
        } else {
            self.verdict
        }
    }

    /// What the decision says of two records of its entry, as kept on this
    /// device and applied by the engine: a record split off is a different
    /// person from each other record; of two split off, nothing is said
    /// (`None`); else the entry's verdict (`Some(None)`: a comment alone).
    pub fn on_pair(&self, a: &str, b: &str) -> Option<Option<Verdict>> {
        match (self.apart.contains(a), self.apart.contains(b)) {
            (false, false) => Some(self.verdict),
            (true, true) => None,
            _ => Some(Some(Verdict::DifferentPeople)),
        }
    }

    /// Whether nothing is decided, commented or split.
    fn is_empty(&self) -> bool {
        self.verdict.is_none() && self.comment.is_empty() && self.apart.is_empty()
    }
}

/// One step the clerk can take back: the cluster's decision before it, and
/// the import conflict it settled, which comes back to the list.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    /// The cluster.
    pub cluster_id: String,
    /// Its decision before the step.
    pub before: Option<Decision>,
    /// The conflict the step settled, if it was a settling, and whether
    /// theirs was taken.
    pub settled: Option<(Conflict, bool)>,
}

/// A loaded file and its report, shared by the screens.
#[derive(Debug)]
pub struct Loaded {
    /// The file.
    pub file: FileInfo,
    /// The page's part of the engine's report (its pairs stay in the worker: see [`ClusterDetail`]).
    pub report: PageReport,
    /// Indices of the report's clusters in review order: weakest link first,
    /// then by id; clusters that agree on names only after them; the review
    /// band's pairs last, strongest first.
    pub order: Vec<usize>,
    /// Index of each cluster in the report, by cluster id.
    pub by_id: HashMap<String, usize>,
    /// Milliseconds the worker took.
    pub millis: f64,
    /// Earlier decisions the engine applied to this file.
    pub carried_over: CarriedOver,
    /// For each record, the records a clerk said earlier it is a different
    /// person from (kept on this device), each with the cluster it was
    /// decided in: when it comes back beside a look-alike, the review says so.
    pub earlier_apart: HashMap<String, Vec<(String, String)>>,
    /// The records of each cluster decided earlier (kept on this device).
    pub decided_in: HashMap<String, BTreeSet<String>>,
}

/// The same loaded file is equal at once, by its address: every change of
/// the page (a decision, a keystroke in a comment) compares the screens'
/// props, which hold it, and comparing a million rows' clusters and their
/// maps field by field took most of a decision's 290 ms. Two loads are
/// compared field by field.
impl PartialEq for Loaded {
    fn eq(&self, other: &Self) -> bool {
        let Loaded {
            file,
            report,
            order,
            by_id,
            millis,
            carried_over,
            earlier_apart,
            decided_in,
        } = self;
        std::ptr::eq(self, other)
            || (*file == other.file
                && *report == other.report
                && *order == other.order
                && *by_id == other.by_id
                && *millis == other.millis
                && *carried_over == other.carried_over
                && *earlier_apart == other.earlier_apart
                && *decided_in == other.decided_in)
    }
}

impl Loaded {
    /// A loaded file, its clusters put in review order once.
    pub fn new(file: FileInfo, report: PageReport, millis: f64, carried_over: CarriedOver) -> Self {
        let clusters = &report.clusters;
        let mut order: Vec<usize> = (0..clusters.len()).collect();
        // Clusters weakest first (the likeliest mistakes), those that agree
        // on names only after them (weak evidence, whatever their score);
        // then the PINs held by different people; the band last, strongest first.
        let rank = |c: &ClusterReport| {
            let weakest = c.weakest_link.unwrap_or(f64::INFINITY);
            if c.kind == Kind::PossibleSamePerson {
                (3, -weakest)
            } else if c.kind == Kind::PinSharedByDifferentPeople {
                (2, -weakest)
            } else if c.names_only {
                (1, weakest)
            } else {
                (0, weakest)
            }
        };
        order.sort_by(|&a, &b| {
            let (ra, rb) = (rank(&clusters[a]), rank(&clusters[b]));
            ra.0.cmp(&rb.0)
                .then(ra.1.total_cmp(&rb.1))
                .then_with(|| clusters[a].cluster_id.cmp(&clusters[b].cluster_id))
        });
        let by_id = clusters
            .iter()
            .enumerate()
            .map(|(i, c)| (c.cluster_id.clone(), i))
            .collect();
        Loaded {
            file,
            report,
            order,
            by_id,
            millis,
            carried_over,
            earlier_apart: HashMap::new(),
            decided_in: HashMap::new(),
        }
    }

    /// The cluster with this id.
    pub fn cluster(&self, id: &str) -> Option<&ClusterReport> {
        self.by_id.get(id).map(|&i| &self.report.clusters[i])
    }

    /// How many clusters of `kind` (or all) there are to review.
    pub fn queue_len(&self, kind: Option<Kind>) -> usize {
        match kind {
            None => self.order.len(),
            Some(kind) => self
                .report
                .clusters
                .iter()
                .filter(|c| c.kind == kind)
                .count(),
        }
    }

    /// Clusters of `kind` (or all) in review order.
    pub fn queue(&self, kind: Option<Kind>) -> Vec<&ClusterReport> {
        self.order
            .iter()
            .map(|&i| &self.report.clusters[i])
            .filter(|c| kind.is_none_or(|k| c.kind == k))
            .collect()
    }
}

/// A report arriving from the worker: its summary at once, its clusters in
/// slices. Kept beside the reducer, not in it: each slice appended in place,
/// where a reducer would copy the clusters so far on every slice.
#[derive(Debug)]
pub struct Receiving {
    /// The file.
    pub file: FileInfo,
    /// The report so far.
    pub report: PageReport,
    /// The worker's time.
    pub millis: f64,
    /// Earlier decisions the engine applied.
    pub carried_over: CarriedOver,
    /// Clusters the report will have.
    pub total: u64,
}

impl Receiving {
    /// Adds a slice of clusters; the progress `(done, total)`.
    pub fn add(&mut self, clusters: Vec<ClusterReport>) -> (u64, u64) {
        self.report.clusters.extend(clusters);
        (self.report.clusters.len() as u64, self.total)
    }

    /// Whether every cluster has arrived.
    pub fn is_complete(&self) -> bool {
        self.report.clusters.len() as u64 >= self.total
    }

    /// The loaded file, with the cluster decisions found again in `kept`.
    pub fn finish(self, kept: &[PairDecision]) -> (Loaded, BTreeMap<String, Decision>) {
        let mut loaded = Loaded::new(self.file, self.report, self.millis, self.carried_over);
        for d in kept {
            let members = loaded.decided_in.entry(d.cluster_id.clone()).or_default();
            members.insert(d.a.clone());
            members.insert(d.b.clone());
            if d.verdict == Some(Verdict::DifferentPeople) {
                for (one, other) in [(&d.a, &d.b), (&d.b, &d.a)] {
                    loaded
                        .earlier_apart
                        .entry(one.clone())
                        .or_default()
                        .push((other.clone(), d.cluster_id.clone()));
                }
            }
        }
        let restored = restore(&loaded, kept);
        (loaded, restored)
    }
}

/// Every pair of a queue entry's records, each once, in the entry's order:
/// the pairs a decision is kept, restored and exported by.
pub fn pairs_of(ids: &[String]) -> impl Iterator<Item = (&String, &String)> {
    ids.iter()
        .enumerate()
        .flat_map(move |(i, a)| ids.iter().skip(i + 1).map(move |b| (a, b)))
}

/// Cluster decisions found again in earlier work: a cluster takes the
/// decision kept for its pairs. A record whose every kept pair in the
/// cluster is "different people", in a cluster whose other pairs say
/// otherwise, was split off it, and is again.
pub fn restore(loaded: &Loaded, kept: &[PairDecision]) -> BTreeMap<String, Decision> {
    if kept.is_empty() {
        return BTreeMap::new();
    }
    let by_key: HashMap<&str, &PairDecision> = kept.iter().map(|d| (d.key.as_str(), d)).collect();
    let mut restored = BTreeMap::new();
    for cluster in &loaded.report.clusters {
        let ids = &cluster.record_ids;
        let found: Vec<(&String, &String, &PairDecision)> = pairs_of(ids)
            .filter_map(|(a, b)| Some((a, b, *by_key.get(PairDecision::key_of(a, b).as_str())?)))
            .collect();
        let apart_pair = |d: &PairDecision| d.verdict == Some(Verdict::DifferentPeople);
        let Some(&(_, _, main)) = found
            .iter()
            .find(|(_, _, d)| !apart_pair(d))
            .or_else(|| found.first())
        else {
            continue;
        };
        // Split off, as the store writes a split: "different people" with
        // every record left together, and no other kept pair. One such pair
        // with one record is no split (nobody compared it with the others).
        let mut apart: BTreeSet<String> = BTreeSet::new();
        if !apart_pair(main) {
            let verdict = |a: &str, b: &str| {
                by_key
                    .get(PairDecision::key_of(a, b).as_str())
                    .map(|d| d.verdict)
            };
            apart = ids
                .iter()
                .filter(|id| {
                    let mut mine = found.iter().filter(|(a, b, _)| a == id || b == id);
                    mine.next().is_some() && mine.all(|(_, _, d)| apart_pair(d))
                })
                .cloned()
                .collect();
            // Drop candidates until each is apart from every record left.
            while let Some(wrong) = apart
                .iter()
                .find(|id| {
                    ids.iter()
                        .filter(|other| !apart.contains(*other))
                        .any(|other| verdict(id, other) != Some(Some(Verdict::DifferentPeople)))
                })
                .cloned()
            {
                apart.remove(&wrong);
            }
            if ids.len() - apart.len() < 2 {
                apart.clear();
            }
        }
        restored.insert(
            cluster.cluster_id.clone(),
            Decision {
                verdict: main.verdict,
                comment: main.comment.clone(),
                stamp: main.stamp.clone(),
                apart,
            },
        );
    }
    restored
}

/// One cluster's records and explained pairs, as the worker sends them.
#[derive(Debug, Clone, PartialEq)]
pub struct ClusterDetail {
    /// The cluster.
    pub cluster_id: String,
    /// Its records, by record_id.
    pub records: HashMap<String, RecordView>,
    /// The explained pairs among them.
    pub pairs: Vec<PairReport>,
}

/// Where the page is.
#[derive(Debug, Clone, PartialEq)]
pub enum Phase {
    /// Nothing loaded.
    Idle,
    /// The worker is at `stage`, `done` of `total` (0: unknown).
    Working {
        /// The stage.
        stage: Stage,
        /// Units done.
        done: u64,
        /// Units in all, 0 when unknown.
        total: u64,
    },
    /// The last job failed.
    Failed(String),
    /// A file is loaded.
    Ready,
}

/// The whole state of the clerk's page.
#[derive(Debug, Clone, PartialEq)]
pub struct ClerkState {
    /// Where the page is.
    pub phase: Phase,
    /// The loaded file, if any.
    pub loaded: Option<Rc<Loaded>>,
    /// Decisions by cluster id.
    /// Shared, not copied, with the screens that show them (a clone of the
    /// state is cheap): changed through `Rc::make_mut`.
    pub decisions: Rc<BTreeMap<String, Decision>>,
    /// Undo history: the cluster and its decision before each change.
    pub history: Rc<Vec<Step>>,
    /// The kind of cluster under review, or all.
    pub filter: Option<Kind>,
    /// Position in the queue.
    pub position: usize,
    /// Blind review: scores hidden while deciding.
    pub hide_scores: bool,
    /// Cluster decisions found again from earlier work when the file loaded.
    pub restored: usize,
    /// The last import of another clerk's decisions: applied, and conflicts.
    pub import: Option<ImportOutcome>,
    /// The records and pairs of the cluster under review, once the worker sent them.
    pub detail: Option<Rc<ClusterDetail>>,
}

/// One cluster decision as a decisions file carries it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ClusterDecision {
    /// The cluster's id in the file it was made on.
    pub cluster_id: String,
    /// Its records.
    pub record_ids: Vec<String>,
    /// The verdict's code: text, so that one unknown verdict in another
    /// clerk's file skips that entry, not the whole import.
    pub verdict: String,
    /// The clerk's comment.
    pub comment: String,
    /// Who decided, and when.
    #[serde(default)]
    pub stamp: Stamp,
    /// Records split off the cluster as someone else.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub apart: Vec<String>,
}

/// A decision imported that disagrees with one made here: listed, not applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    /// The cluster.
    pub cluster_id: String,
    /// The verdict given here, if any (a split alone can conflict too).
    pub mine: Option<Verdict>,
    /// The records split off here.
    pub mine_apart: BTreeSet<String>,
    /// The imported decision.
    pub theirs: Verdict,
    /// The imported comment.
    pub their_comment: String,
    /// Who made the imported decision, and when.
    pub their_stamp: Stamp,
    /// The records the imported decision split off.
    pub their_apart: BTreeSet<String>,
}

/// What an import did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportOutcome {
    /// Decisions applied.
    pub applied: usize,
    /// Decisions for clusters not in this file.
    pub unmatched: usize,
    /// Decisions that disagree with this clerk's.
    pub conflicts: Vec<Conflict>,
}

impl Default for ClerkState {
    fn default() -> Self {
        ClerkState {
            phase: Phase::Idle,
            loaded: None,
            decisions: Rc::default(),
            history: Rc::default(),
            filter: None,
            position: 0,
            hide_scores: false,
            restored: 0,
            import: None,
            detail: None,
        }
    }
}

/// What can happen on the page.
pub enum Action {
    /// A job started.
    Started,
    /// The worker reported progress.
    Progress(Stage, u64, u64),
    /// The worker finished a file; decisions found again from earlier work.
    Loaded(Box<Loaded>, BTreeMap<String, Decision>),
    /// Another clerk's decisions.
    Import(Vec<ClusterDecision>),
    /// The worker sent a cluster's records and pairs.
    Detail(Rc<ClusterDetail>),
    /// A job failed, or was cancelled (back to idle with `None`).
    Failed(Option<String>),
    /// The clerk decided on a cluster (who, and when); the review moves on.
    Decide(String, Verdict, Stamp),
    /// A record of a cluster is someone else (or, again, is not): split off
    /// the cluster, or put back. At least two records stay together.
    Apart(String, String, Stamp),
    /// The clerk's comment on a cluster.
    Comment(String, String),
    /// An import's conflict settled: their decision taken (true) or mine kept.
    Settle(String, bool),
    /// Take back the last decision or comment.
    Undo,
    /// Move in the queue.
    Go(isize),
    /// Review only one kind.
    Filter(Option<Kind>),
    /// Blind review on or off.
    HideScores(bool),
}

impl ClerkState {
    /// For a pair entry of the queue (the review band, a shared PIN), each of
    /// its records that the engine put in a cluster without the other: the
    /// record, that cluster's id and its other records. Such a pair is most
    /// often one a cluster's other record kept out (a date, confirmed by its
    /// own PIN, that differs): the review says where to look.
    pub fn clustered_elsewhere(&self, entry: &ClusterReport) -> Vec<(String, String, Vec<String>)> {
        let Some(loaded) = &self.loaded else {
            return Vec::new();
        };
        if !kgpin_web_worker::is_pair_entry(entry.kind) {
            return Vec::new();
        }
        let mut found = Vec::new();
        for record in &entry.record_ids {
            let cluster = loaded.report.clusters.iter().find(|c| {
                !kgpin_web_worker::is_pair_entry(c.kind) && c.record_ids.contains(record)
            });
            if let Some(cluster) = cluster {
                if entry
                    .record_ids
                    .iter()
                    .all(|id| cluster.record_ids.contains(id))
                {
                    continue;
                }
                let others = cluster
                    .record_ids
                    .iter()
                    .filter(|id| *id != record)
                    .cloned()
                    .collect();
                found.push((record.clone(), cluster.cluster_id.clone(), others));
            }
        }
        found
    }

    /// The records `record` was said to be a different person from, earlier
    /// (kept on this device) or in another queue entry now, when it is now
    /// beside a record that decision never saw: it is back beside a
    /// look-alike, and the review says so. (The records it was split from
    /// are together with the ones they were decided with: nothing to say.)
    pub fn apart_elsewhere(&self, cluster: &ClusterReport, record: &str) -> Vec<String> {
        let Some(loaded) = &self.loaded else {
            return Vec::new();
        };
        let elsewhere = |id: &&String| !cluster.record_ids.contains(id);
        let beside_new = |decided: &BTreeSet<String>| {
            cluster
                .record_ids
                .iter()
                .any(|id| id != record && !decided.contains(id))
        };
        let mut others: Vec<String> = loaded
            .earlier_apart
            .get(record)
            .into_iter()
            .flatten()
            .filter(|(other, decided)| {
                elsewhere(&other) && loaded.decided_in.get(decided).is_none_or(beside_new)
            })
            .map(|(other, _)| other.clone())
            .collect();
        for (other_id, decision) in self.decisions.iter() {
            if *other_id == cluster.cluster_id || !decision.apart.contains(record) {
                continue;
            }
            if let Some(other) = loaded.cluster(other_id) {
                let decided = other.record_ids.iter().cloned().collect();
                if !beside_new(&decided) {
                    continue;
                }
                others.extend(
                    other
                        .record_ids
                        .iter()
                        .filter(elsewhere)
                        .filter(|id| !decision.apart.contains(*id))
                        .cloned(),
                );
            }
        }
        others.sort_unstable();
        others.dedup();
        others
    }

    /// Remembers a cluster's decision before a change, for undo.
    fn push_step(
        &mut self,
        cluster: &str,
        before: Option<Decision>,
        settled: Option<(Conflict, bool)>,
    ) {
        Rc::make_mut(&mut self.history).push(Step {
            cluster_id: cluster.to_string(),
            before,
            settled,
        });
    }

    /// Sets a cluster's decision; one that decides nothing is removed.
    fn set_decision(&mut self, cluster: String, decision: Decision) {
        let decisions = Rc::make_mut(&mut self.decisions);
        if decision.is_empty() {
            decisions.remove(&cluster);
        } else {
            decisions.insert(cluster, decision);
        }
    }
}

impl Reducible for ClerkState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut state = Rc::unwrap_or_clone(self);
        match action {
            Action::Started => {
                state.phase = Phase::Working {
                    stage: Stage::Read,
                    done: 0,
                    total: 0,
                }
            }
            Action::Progress(stage, done, total) => {
                state.phase = Phase::Working { stage, done, total }
            }
            Action::Loaded(loaded, restored) => {
                // Work reopens at the first undecided cluster.
                let position = loaded
                    .queue(None)
                    .iter()
                    .position(|c| {
                        restored
                            .get(&c.cluster_id)
                            .is_none_or(|d| d.verdict.is_none())
                    })
                    .unwrap_or(0);
                state = ClerkState {
                    phase: Phase::Ready,
                    loaded: Some(Rc::new(*loaded)),
                    hide_scores: state.hide_scores,
                    restored: restored.values().filter(|d| d.verdict.is_some()).count(),
                    decisions: Rc::new(restored),
                    position,
                    ..ClerkState::default()
                };
            }
            Action::Import(decisions) => {
                let mut outcome = ImportOutcome::default();
                if let Some(loaded) = state.loaded.clone() {
                    for imported in decisions {
                        let Some(theirs) = Verdict::from_code(&imported.verdict) else {
                            outcome.unmatched += 1;
                            continue;
                        };
                        let mut ids = imported.record_ids.clone();
                        ids.sort();
                        let found = loaded.report.clusters.iter().find(|c| {
                            c.cluster_id == imported.cluster_id && {
                                let mut mine = c.record_ids.clone();
                                mine.sort();
                                mine == ids
                            }
                        });
                        let Some(cluster) = found else {
                            outcome.unmatched += 1;
                            continue;
                        };
                        let before = state.decisions.get(&cluster.cluster_id).cloned();
                        // Their split, if it holds here (two records stay
                        // together; "different people" splits nothing).
                        let their_apart: BTreeSet<String> = imported
                            .apart
                            .into_iter()
                            .filter(|id| cluster.record_ids.contains(id))
                            .collect();
                        let their_apart = match theirs != Verdict::DifferentPeople
                            && cluster.record_ids.len() - their_apart.len() >= 2
                        {
                            true => their_apart,
                            false => BTreeSet::new(),
                        };
                        let mine = before.as_ref().and_then(|d| d.verdict);
                        let my_apart = before.as_ref().map(|d| d.apart.clone()).unwrap_or_default();
                        // Nothing of mine is overwritten: a verdict or a split
                        // that differs from theirs is a conflict to settle.
                        let differs = match mine {
                            Some(mine) => mine != theirs || my_apart != their_apart,
                            None => !my_apart.is_empty() && my_apart != their_apart,
                        };
                        if differs {
                            outcome.conflicts.push(Conflict {
                                cluster_id: cluster.cluster_id.clone(),
                                mine,
                                mine_apart: my_apart,
                                theirs,
                                their_comment: imported.comment,
                                their_stamp: imported.stamp,
                                their_apart,
                            });
                        } else if mine.is_none() {
                            // Theirs applies; a comment of mine is kept.
                            let comment = before
                                .as_ref()
                                .map(|d| d.comment.clone())
                                .filter(|c| !c.is_empty())
                                .unwrap_or(imported.comment);
                            state.push_step(&cluster.cluster_id, before, None);
                            Rc::make_mut(&mut state.decisions).insert(
                                cluster.cluster_id.clone(),
                                Decision {
                                    verdict: Some(theirs),
                                    comment,
                                    stamp: imported.stamp,
                                    apart: their_apart,
                                },
                            );
                            outcome.applied += 1;
                        }
                    }
                }
                state.import = Some(outcome);
            }
            Action::Failed(message) => {
                state.phase = match (message, &state.loaded) {
                    (Some(message), _) => Phase::Failed(message),
                    (None, Some(_)) => Phase::Ready,
                    (None, None) => Phase::Idle,
                }
            }
            Action::Decide(cluster, verdict, stamp) => {
                let before = state.decisions.get(&cluster).cloned();
                let mut decision = Decision {
                    verdict: Some(verdict),
                    stamp,
                    ..before.clone().unwrap_or_default()
                };
                // All different people: nothing is split off anything.
                if verdict == Verdict::DifferentPeople {
                    decision.apart.clear();
                }
                state.push_step(&cluster, before, None);
                Rc::make_mut(&mut state.decisions).insert(cluster, decision);
                state.position += 1;
            }
            Action::Apart(cluster, record, stamp) => {
                let Some(size) = state
                    .loaded
                    .as_ref()
                    .and_then(|l| l.cluster(&cluster))
                    .filter(|c| c.record_ids.contains(&record))
                    .map(|c| c.record_ids.len())
                else {
                    return Rc::new(state);
                };
                let before = state.decisions.get(&cluster).cloned();
                let mut decision = before.clone().unwrap_or_default();
                // Said all different people: there is nothing to split.
                if decision.verdict == Some(Verdict::DifferentPeople) {
                    return Rc::new(state);
                }
                if !decision.apart.remove(&record) {
                    if size - decision.apart.len() <= 2 {
                        return Rc::new(state);
                    }
                    decision.apart.insert(record);
                }
                decision.stamp = stamp;
                state.push_step(&cluster, before, None);
                state.set_decision(cluster, decision);
            }
            Action::Comment(cluster, comment) => {
                let before = state.decisions.get(&cluster).cloned();
                if before.as_ref().map_or("", |d| d.comment.as_str()) != comment {
                    let decision = Decision {
                        comment,
                        ..before.clone().unwrap_or_default()
                    };
                    state.push_step(&cluster, before, None);
                    state.set_decision(cluster, decision);
                }
            }
            Action::Settle(cluster, take_theirs) => {
                let Some(import) = state.import.as_mut() else {
                    return Rc::new(state);
                };
                let Some(at) = import
                    .conflicts
                    .iter()
                    .position(|c| c.cluster_id == cluster)
                else {
                    return Rc::new(state);
                };
                let conflict = import.conflicts.remove(at);
                let before = state.decisions.get(&cluster).cloned();
                if take_theirs {
                    import.applied += 1;
                    Rc::make_mut(&mut state.decisions).insert(
                        cluster.clone(),
                        Decision {
                            verdict: Some(conflict.theirs),
                            comment: conflict.their_comment.clone(),
                            stamp: conflict.their_stamp.clone(),
                            apart: conflict.their_apart.clone(),
                        },
                    );
                }
                // Either way, undo brings the conflict back to the list.
                state.push_step(&cluster, before, Some((conflict, take_theirs)));
            }
            Action::Undo => {
                if let Some(step) = Rc::make_mut(&mut state.history).pop() {
                    let cluster = step.cluster_id;
                    match step.before {
                        Some(decision) => {
                            Rc::make_mut(&mut state.decisions).insert(cluster.clone(), decision)
                        }
                        None => Rc::make_mut(&mut state.decisions).remove(&cluster),
                    };
                    if let (Some((conflict, took_theirs)), Some(import)) =
                        (step.settled, state.import.as_mut())
                    {
                        if took_theirs {
                            import.applied = import.applied.saturating_sub(1);
                        }
                        import.conflicts.push(conflict);
                    }
                    if let Some(loaded) = &state.loaded {
                        if let Some(i) = loaded
                            .queue(state.filter)
                            .iter()
                            .position(|c| c.cluster_id == cluster)
                        {
                            state.position = i;
                        }
                    }
                }
            }
            Action::Go(step) => {
                state.position = state.position.saturating_add_signed(step);
            }
            Action::Filter(kind) => {
                state.filter = kind;
                state.position = 0;
            }
            Action::HideScores(hide) => state.hide_scores = hide,
            Action::Detail(detail) => state.detail = Some(detail),
        }
        if let Some(loaded) = &state.loaded {
            let len = loaded.queue_len(state.filter);
            state.position = state.position.min(len.saturating_sub(1));
        }
        Rc::new(state)
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use kgpin::matching::{dedupe, Options};
    use kgpin::registry::Registry;
    use kgpin::report::DedupeReport;
    use kgpin::Lang;
    use kgpin_web_worker::CarriedOver;

    use super::*;

    /// Two people, each with two PINs from two agencies.
    pub(crate) const REGISTRY: &str =
        "record_id,pin,last_name,first_name,patronymic,birth_date,sex,source\n\
            a1,10202198254217,Асанова,Айгүл,Асанбековна,1982-02-02,F,passport\n\
            a2,10202198200311,Асанова,Айгүл,Асанбековна,1982-02-02,F,tax\n\
            b1,21505197500123,Токтогулов,Нурлан,Маратович,1975-05-15,M,tax\n\
            b2,21505197500456,Токтогулов,Нурлан,Маратович,1975-05-15,M,social_fund\n";

    /// Two people, each with two PINs: two clusters to review, found by the real engine.
    fn loaded() -> Loaded {
        loaded_from(REGISTRY, "f")
    }

    /// A registry's clusters as the real engine finds them, as the page gets
    /// them: the clusters, then the review band's and shared PINs' pairs.
    pub(crate) fn loaded_from(csv: &str, fingerprint: &str) -> Loaded {
        let registry = Registry::from_csv(csv.as_bytes()).expect("a registry");
        let ids: kgpin::registry::RecordIds = registry
            .records
            .iter()
            .map(|r| r.record_id.as_str())
            .collect();
        let options = Options::for_records(ids.len());
        let found = dedupe(&registry.records, &options, &mut |_| {});
        let mut report = DedupeReport::new(&registry, &ids, &found, &options, Lang::En);
        let rejected = kgpin_web_worker::rejected_rows(&report);
        let mut page = PageReport::of(&mut report, &rejected);
        page.clusters = report.clusters;
        let pairs = kgpin_web_worker::review_pairs(&report.pairs, &Default::default());
        page.clusters.extend(pairs);
        let file = FileInfo {
            name: "x.csv".into(),
            size: csv.len() as u64,
            fingerprint: fingerprint.into(),
        };
        Loaded::new(file, page, 1.0, CarriedOver::default())
    }

    pub(crate) fn run(state: ClerkState, actions: Vec<Action>) -> ClerkState {
        let mut state = Rc::new(state);
        for action in actions {
            state = state.reduce(action);
        }
        Rc::unwrap_or_clone(state)
    }

    /// A page with [`loaded`]'s two clusters, ready for review.
    pub(crate) fn ready() -> (ClerkState, Vec<String>) {
        let loaded = loaded();
        let ids: Vec<String> = loaded
            .queue(None)
            .iter()
            .map(|c| c.cluster_id.clone())
            .collect();
        assert_eq!(ids.len(), 2, "two clusters");
        let state = run(
            ClerkState::default(),
            vec![
                Action::Started,
                Action::Loaded(Box::new(loaded), BTreeMap::new()),
            ],
        );
        assert_eq!(state.phase, Phase::Ready);
        (state, ids)
    }

    fn stamp() -> Stamp {
        Stamp {
            by: "Айгүл".into(),
            at: "2026-12-02 14:05".into(),
        }
    }

    #[test]
    fn a_decision_moves_the_review_on_and_undo_takes_it_back() {
        let (state, ids) = ready();
        let state = run(
            state,
            vec![Action::Decide(
                ids[0].clone(),
                Verdict::SamePerson,
                Stamp::default(),
            )],
        );
        assert_eq!(state.position, 1);
        assert_eq!(state.decisions[&ids[0]].verdict, Some(Verdict::SamePerson));
        let state = run(state, vec![Action::Undo]);
        assert!(state.decisions.is_empty());
        assert_eq!(state.position, 0);
    }

    #[test]
    fn a_comment_keeps_the_verdict_and_an_empty_one_alone_is_no_decision() {
        let (state, ids) = ready();
        let state = run(
            state,
            vec![
                Action::Decide(ids[1].clone(), Verdict::DifferentPeople, stamp()),
                Action::Comment(ids[1].clone(), "twins".into()),
                Action::Comment(ids[0].clone(), "call".into()),
                Action::Comment(ids[0].clone(), String::new()),
            ],
        );
        assert_eq!(
            state.decisions[&ids[1]],
            Decision {
                verdict: Some(Verdict::DifferentPeople),
                comment: "twins".into(),
                stamp: stamp(),
                apart: BTreeSet::new(),
            },
            "the comment keeps who decided, and when"
        );
        assert!(!state.decisions.contains_key(&ids[0]));
    }

    #[test]
    fn an_import_conflict_is_settled_row_by_row_mine_kept_or_theirs_taken() {
        let (state, ids) = ready();
        let state = run(
            state,
            vec![
                Action::Decide(ids[0].clone(), Verdict::SamePerson, stamp()),
                Action::Decide(ids[1].clone(), Verdict::SamePerson, stamp()),
            ],
        );
        let theirs = |id: &String| ClusterDecision {
            cluster_id: id.clone(),
            record_ids: state
                .loaded
                .as_ref()
                .and_then(|l| l.cluster(id))
                .map(|c| c.record_ids.clone())
                .unwrap_or_default(),
            verdict: "different_people".into(),
            comment: "twins, birth certificates seen".into(),
            stamp: Stamp {
                by: "Бакыт".into(),
                at: "2026-12-01 10:00".into(),
            },
            apart: Vec::new(),
        };
        let state = run(
            state.clone(),
            vec![Action::Import(vec![theirs(&ids[0]), theirs(&ids[1])])],
        );
        assert_eq!(state.import.as_ref().map(|i| i.conflicts.len()), Some(2));
        let state = run(
            state,
            vec![
                Action::Settle(ids[0].clone(), true),
                Action::Settle(ids[1].clone(), false),
            ],
        );
        let import = state.import.as_ref().expect("the import's outcome");
        assert!(import.conflicts.is_empty(), "both settled");
        assert_eq!(import.applied, 1);
        let taken = &state.decisions[&ids[0]];
        assert_eq!(taken.verdict, Some(Verdict::DifferentPeople));
        assert_eq!(taken.stamp.by, "Бакыт", "theirs, with who decided");
        assert_eq!(
            state.decisions[&ids[1]].verdict,
            Some(Verdict::SamePerson),
            "mine kept"
        );
        // Undo takes back keeping mine, then taking theirs: each conflict
        // comes back to the list, to be settled again.
        let state = run(state, vec![Action::Undo]);
        let import = state.import.as_ref().expect("the import's outcome");
        assert_eq!(import.conflicts.len(), 1);
        assert_eq!(import.conflicts[0].cluster_id, ids[1]);
        let state = run(state, vec![Action::Undo]);
        assert_eq!(
            state.decisions[&ids[0]].verdict,
            Some(Verdict::SamePerson),
            "taking theirs can be undone"
        );
        let import = state.import.as_ref().expect("the import's outcome");
        assert_eq!(import.conflicts.len(), 2, "the row is back");
        assert_eq!(import.applied, 0);
    }

    /// c1 and c2: dates a slip apart, each confirmed by its own PIN (the
    /// birth certificate decides); c3, with neither date nor PIN, taken for c1.
    pub(crate) const CUT_CHAIN: &str =
        "record_id,pin,last_name,first_name,patronymic,birth_date,sex,source\n\
        c1,21606196800603,Сатыбалдиев,Эрмек,Максатович,1968-06-16,M,tax\n\
        c2,21806196800266,Сатыбалдиев,Эрмек,Максатович,1968-06-18,M,social_fund\n\
        c3,,Сатыбалдиев,Эрмек,Максатович,,M,passport\n";

    #[test]
    fn a_band_pair_says_which_cluster_already_holds_one_of_its_records() {
        let state = run(
            ClerkState::default(),
            vec![Action::Loaded(
                Box::new(loaded_from(CUT_CHAIN, "cut")),
                BTreeMap::new(),
            )],
        );
        let entry = |id: &str| state.loaded.as_ref().and_then(|l| l.cluster(id)).cloned();
        let cut = entry("c2 ~ c3").expect("the cut pair");
        assert_eq!(
            state.clustered_elsewhere(&cut),
            [("c3".to_string(), "c1".to_string(), vec!["c1".to_string()])]
        );
        let slip = entry("c1 ~ c2").expect("the dates' pair");
        assert_eq!(
            state.clustered_elsewhere(&slip),
            [("c1".to_string(), "c1".to_string(), vec!["c3".to_string()])]
        );
        let cluster = entry("c1").expect("the cluster");
        assert!(
            state.clustered_elsewhere(&cluster).is_empty(),
            "a cluster is itself"
        );
    }

    /// One woman, four records from four agencies.
    pub(crate) const FOUR: &str =
        "record_id,pin,last_name,first_name,patronymic,birth_date,sex,source\n\
            a1,10202198254217,Асанова,Айгүл,Асанбековна,1982-02-02,F,passport\n\
            a2,10202198200311,Асанова,Айгүл,Асанбековна,1982-02-02,F,tax\n\
            a3,10202198200522,Асанова,Айгүл,Асанбековна,1982-02-02,F,social_fund\n\
            a4,10202198200733,Асанова,Айгүл,Асанбековна,1982-02-02,F,civil_registry\n";

    /// [`FOUR`]: one cluster of four.
    pub(crate) fn ready_four() -> (ClerkState, String) {
        let loaded = loaded_from(FOUR, "four");
        let clusters = &loaded.report.clusters;
        assert_eq!(clusters.len(), 1);
        assert_eq!(clusters[0].record_ids.len(), 4, "one cluster of four");
        let cluster = clusters[0].cluster_id.clone();
        let state = run(
            ClerkState::default(),
            vec![Action::Loaded(Box::new(loaded), BTreeMap::new())],
        );
        (state, cluster)
    }

    #[test]
    fn a_record_of_a_cluster_is_split_off_as_someone_else_and_two_stay_together() {
        let (state, cluster) = ready_four();
        let apart = |state: &ClerkState| -> Vec<String> {
            state
                .decisions
                .get(&cluster)
                .map(|d| d.apart.iter().cloned().collect())
                .unwrap_or_default()
        };
        let split = |id: &str| Action::Apart(cluster.clone(), id.into(), stamp());
        let state = run(state, vec![split("a4"), split("a3")]);
        assert_eq!(apart(&state), ["a3", "a4"]);
        // A third would leave one record: refused, nothing changes.
        let state = run(state, vec![split("a2")]);
        assert_eq!(apart(&state), ["a3", "a4"]);
        assert_eq!(state.history.len(), 2);
        // Put back, and the verdict is about the others.
        let state = run(
            state,
            vec![
                split("a3"),
                Action::Decide(cluster.clone(), Verdict::SamePerson, stamp()),
            ],
        );
        let decision = &state.decisions[&cluster];
        assert_eq!(apart(&state), ["a4"]);
        assert_eq!(decision.verdict_for("a1"), Some(Verdict::SamePerson));
        assert_eq!(decision.verdict_for("a4"), Some(Verdict::DifferentPeople));
        // A record not in the cluster is no split.
        let state = run(state, vec![split("b9")]);
        assert_eq!(state.history.len(), 4);
        // Undo takes the steps back one by one.
        let state = run(state, vec![Action::Undo, Action::Undo]);
        assert_eq!(apart(&state), ["a3", "a4"]);
        let state = run(state, vec![Action::Undo, Action::Undo]);
        assert!(state.decisions.is_empty(), "nothing split, nothing decided");
    }

    #[test]
    fn a_record_decided_apart_earlier_says_so_beside_a_new_look_alike() {
        let (mut state, cluster) = ready_four();
        let mut loaded = Rc::try_unwrap(state.loaded.take().expect("loaded")).expect("one owner");
        // Kept from an earlier extract: a2 is not x9 (decided in a cluster of
        // theirs alone; a2 is now beside look-alikes that decision never saw),
        // and not a3 (still beside it: nothing to say).
        let pairs = [("x9", "old"), ("a3", "old")];
        loaded.earlier_apart.insert(
            "a2".into(),
            pairs
                .iter()
                .map(|(o, c)| (o.to_string(), c.to_string()))
                .collect(),
        );
        loaded
            .decided_in
            .insert("old".into(), ["a2", "x9", "a3"].map(String::from).into());
        // a1 was split from q7 in a cluster with a2, a3 and a4: a1 is now with
        // those same records, q7 went: nothing new to say about a1.
        loaded
            .earlier_apart
            .insert("a1".into(), vec![("q7".into(), "c".into())]);
        loaded.decided_in.insert(
            "c".into(),
            ["a1", "a2", "a3", "a4", "q7"].map(String::from).into(),
        );
        state.loaded = Some(Rc::new(loaded));
        let report = state
            .loaded
            .as_ref()
            .and_then(|l| l.cluster(&cluster))
            .cloned()
            .expect("cluster");
        assert_eq!(state.apart_elsewhere(&report, "a2"), ["x9"]);
        assert!(state.apart_elsewhere(&report, "a1").is_empty());
        // Split off in another queue entry now: said beside this one too.
        let mut other = report.clone();
        other.cluster_id = "elsewhere".into();
        other.record_ids = vec!["a1".into(), "z1".into(), "z2".into()];
        let mut decisions = BTreeMap::new();
        decisions.insert(
            "elsewhere".to_string(),
            Decision {
                apart: ["a1".to_string()].into(),
                ..Decision::default()
            },
        );
        let mut loaded = Rc::try_unwrap(state.loaded.take().expect("loaded")).expect("one owner");
        loaded
            .by_id
            .insert("elsewhere".into(), loaded.report.clusters.len());
        loaded.report.clusters.push(other);
        state.loaded = Some(Rc::new(loaded));
        state.decisions = Rc::new(decisions);
        assert_eq!(state.apart_elsewhere(&report, "a1"), ["z1", "z2"]);
    }

    #[test]
    fn an_import_never_overwrites_a_split_and_brings_one_where_none_was() {
        let (state, cluster) = ready_four();
        let theirs = |verdict: &str, apart: &[&str]| ClusterDecision {
            cluster_id: cluster.clone(),
            record_ids: ["a1", "a2", "a3", "a4"].map(String::from).to_vec(),
            verdict: verdict.into(),
            comment: String::new(),
            stamp: stamp(),
            apart: apart.iter().map(|s| s.to_string()).collect(),
        };
        // Nothing decided here: their split comes with their verdict.
        let taken = run(
            state.clone(),
            vec![Action::Import(vec![theirs("same_person", &["a4"])])],
        );
        let decision = &taken.decisions[&cluster];
        assert_eq!(decision.apart.iter().collect::<Vec<_>>(), ["a4"]);
        // "Different people" splits nothing; a split leaving one record is none.
        for (verdict, apart) in [
            ("different_people", &["a4"][..]),
            ("same_person", &["a2", "a3", "a4"][..]),
        ] {
            let taken = run(
                state.clone(),
                vec![Action::Import(vec![theirs(verdict, apart)])],
            );
            assert!(
                taken.decisions[&cluster].apart.is_empty(),
                "{verdict} {apart:?}"
            );
        }
        // Mine: a4 split off, the rest one person. Theirs: the same verdict,
        // no split: a conflict to settle, not a silent loss of either.
        let mine = run(
            state,
            vec![
                Action::Apart(cluster.clone(), "a4".into(), stamp()),
                Action::Decide(cluster.clone(), Verdict::SamePerson, stamp()),
            ],
        );
        let imported = run(mine, vec![Action::Import(vec![theirs("same_person", &[])])]);
        let conflicts = &imported.import.as_ref().expect("an outcome").conflicts;
        assert_eq!(conflicts.len(), 1);
        assert_eq!(conflicts[0].mine_apart.iter().collect::<Vec<_>>(), ["a4"]);
        assert_eq!(
            imported.decisions[&cluster].apart.len(),
            1,
            "mine kept until settled"
        );
        let settled = run(imported, vec![Action::Settle(cluster.clone(), true)]);
        assert!(
            settled.decisions[&cluster].apart.is_empty(),
            "theirs taken: no split"
        );
    }

    #[test]
    fn a_split_kept_as_pairs_is_found_again_with_its_verdict() {
        let (state, cluster) = ready_four();
        let loaded = state.loaded.clone().expect("loaded");
        // What the store writes for "a4 is someone else, the rest one person".
        let mut kept = Vec::new();
        for (a, b) in [("a1", "a2"), ("a1", "a3"), ("a2", "a3")] {
            kept.push(PairDecision::new(
                a,
                b,
                Some(Verdict::SamePerson),
                "",
                &cluster,
                "four",
            ));
        }
        for other in ["a1", "a2", "a3"] {
            kept.push(PairDecision::new(
                other,
                "a4",
                Some(Verdict::DifferentPeople),
                "",
                &cluster,
                "four",
            ));
        }
        let restored = restore(&loaded, &kept);
        let decision = &restored[&cluster];
        assert_eq!(decision.verdict, Some(Verdict::SamePerson));
        assert_eq!(decision.apart.iter().collect::<Vec<_>>(), ["a4"]);
        // {a1,a2,a3} one person, and a separate pair a3~a4 "different
        // people": a4 was never compared with a1 or a2, so it is no split.
        let mut partial: Vec<PairDecision> = kept[..3].to_vec();
        partial.push(PairDecision::new(
            "a3",
            "a4",
            Some(Verdict::DifferentPeople),
            "",
            "other",
            "four",
        ));
        let decision = &restore(&loaded, &partial)[&cluster];
        assert_eq!(decision.verdict, Some(Verdict::SamePerson));
        assert!(decision.apart.is_empty(), "{:?}", decision.apart);
        // All pairs "different people": the whole cluster was, no split.
        let all_apart: Vec<PairDecision> = ["a2", "a3", "a4"]
            .iter()
            .map(|b| {
                PairDecision::new(
                    "a1",
                    b,
                    Some(Verdict::DifferentPeople),
                    "",
                    &cluster,
                    "four",
                )
            })
            .collect();
        let decision = &restore(&loaded, &all_apart)[&cluster];
        assert_eq!(decision.verdict, Some(Verdict::DifferentPeople));
        assert!(decision.apart.is_empty());
    }

    #[test]
    fn two_loads_of_one_file_are_equal_and_of_two_files_not() {
        // The screens compare the one loaded file by its address; two loads
        // still compare by what they hold.
        assert_eq!(loaded_from(REGISTRY, "f"), loaded_from(REGISTRY, "f"));
        assert_ne!(loaded_from(REGISTRY, "f"), loaded_from(REGISTRY, "g"));
        assert_ne!(loaded_from(REGISTRY, "f"), loaded_from(CUT_CHAIN, "f"));
    }

    #[test]
    fn the_position_stays_in_the_queue() {
        let (state, _) = ready();
        let state = run(state, vec![Action::Go(5)]);
        assert_eq!(state.position, 1);
        let state = run(state, vec![Action::Go(-9)]);
        assert_eq!(state.position, 0);
        let state = run(
            state,
            vec![Action::Go(1), Action::Filter(Some(Kind::RepeatedRecord))],
        );
        assert_eq!(state.position, 0);
    }

    #[test]
    fn a_report_arrives_in_slices_and_earlier_decisions_are_found_again() {
        let loaded = loaded();
        let clusters = loaded.report.clusters.clone();
        let mut receiving = Receiving {
            file: loaded.file.clone(),
            report: PageReport {
                clusters: Vec::new(),
                ..loaded.report.clone()
            },
            millis: 1.0,
            carried_over: CarriedOver::default(),
            total: clusters.len() as u64,
        };
        assert!(!receiving.is_complete());
        assert_eq!(receiving.add(clusters[..1].to_vec()), (1, 2));
        assert!(!receiving.is_complete());
        assert_eq!(receiving.add(clusters[1..].to_vec()), (2, 2));
        assert!(receiving.is_complete());
        // A decision kept on this device for a pair of the second cluster.
        let ids = &clusters[1].record_ids;
        let kept = [PairDecision::new(
            &ids[1],
            &ids[0],
            Some(Verdict::DifferentPeople),
            "twins",
            "old",
            "f",
        )];
        let (finished, restored) = receiving.finish(&kept);
        assert_eq!(finished.report.clusters.len(), 2);
        assert_eq!(restored.len(), 1);
        assert_eq!(
            restored[&clusters[1].cluster_id].verdict,
            Some(Verdict::DifferentPeople)
        );
    }

    #[test]
    fn a_failure_or_a_cancel_leaves_the_loaded_work() {
        let (state, _) = ready();
        let state = run(
            state,
            vec![Action::Started, Action::Failed(Some("no".into()))],
        );
        assert_eq!(state.phase, Phase::Failed("no".into()));
        assert!(state.loaded.is_some());
    }
}
