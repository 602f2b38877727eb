//! The clerk's page state and its transitions (a reducer): what is loaded,
//! where the review stands, and every decision with its undo history.

use std::collections::{BTreeMap, HashMap};
use std::rc::Rc;

use kgpin::matching::{Kind, Stage};
use kgpin::report::{ClusterReport, PairReport};
pub use kgpin_web_worker::Stamp;
pub use kgpin_web_worker::Verdict;
use kgpin_web_worker::{CarriedOver, FileInfo, PageReport, PairDecision, RecordView};
use yew::Reducible;

/// A decision on one cluster: a verdict, a comment, or both.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    /// The verdict, once given (a comment alone decides nothing).
    pub verdict: Option<Verdict>,
    /// The clerk's comment.
    pub comment: String,
    /// Who gave the verdict, and when.
    pub stamp: Stamp,
}

/// A loaded file and its report, shared by the screens.
#[derive(Debug, PartialEq)]
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
        let loaded = Loaded::new(self.file, self.report, self.millis, self.carried_over);
        let restored = restore(&loaded, kept);
        (loaded, restored)
    }
}

/// Cluster decisions found again in earlier work: a cluster takes the
/// decision kept for any pair of its records.
pub fn restore(loaded: &Loaded, kept: &[PairDecision]) -> BTreeMap<String, Decision> {
    if kept.is_empty() {
        return BTreeMap::new();
    }
    let by_key: HashMap<&str, &PairDecision> = kept.iter().map(|d| (d.key.as_str(), d)).collect();
    let mut restored = BTreeMap::new();
    for cluster in &loaded.report.clusters {
        let ids = &cluster.record_ids;
        let found = ids.iter().enumerate().find_map(|(i, a)| {
            ids[i + 1..]
                .iter()
                .find_map(|b| by_key.get(PairDecision::key_of(a, b).as_str()))
        });
        if let Some(d) = found {
            restored.insert(
                cluster.cluster_id.clone(),
                Decision {
                    verdict: d.verdict,
                    comment: d.comment.clone(),
                    stamp: d.stamp.clone(),
                },
            );
        }
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
    pub history: Rc<Vec<(String, Option<Decision>)>>,
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
}

/// A decision imported that disagrees with one made here: listed, not applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    /// The cluster.
    pub cluster_id: String,
    /// The decision made here.
    pub mine: Verdict,
    /// The imported decision.
    pub theirs: Verdict,
    /// The imported comment.
    pub their_comment: String,
    /// Who made the imported decision, and when.
    pub their_stamp: Stamp,
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
                        match before.as_ref().and_then(|d| d.verdict) {
                            Some(mine) if mine != theirs => outcome.conflicts.push(Conflict {
                                cluster_id: cluster.cluster_id.clone(),
                                mine,
                                theirs,
                                their_comment: imported.comment,
                                their_stamp: imported.stamp,
                            }),
                            Some(_) => {}
                            None => {
                                // Theirs applies; a comment of mine is kept.
                                let comment = before
                                    .as_ref()
                                    .map(|d| d.comment.clone())
                                    .filter(|c| !c.is_empty())
                                    .unwrap_or(imported.comment);
                                Rc::make_mut(&mut state.history)
                                    .push((cluster.cluster_id.clone(), before));
                                Rc::make_mut(&mut state.decisions).insert(
                                    cluster.cluster_id.clone(),
                                    Decision {
                                        verdict: Some(theirs),
                                        comment,
                                        stamp: imported.stamp,
                                    },
                                );
                                outcome.applied += 1;
                            }
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
                let comment = before
                    .as_ref()
                    .map(|d| d.comment.clone())
                    .unwrap_or_default();
                Rc::make_mut(&mut state.history).push((cluster.clone(), before));
                Rc::make_mut(&mut state.decisions).insert(
                    cluster,
                    Decision {
                        verdict: Some(verdict),
                        comment,
                        stamp,
                    },
                );
                state.position += 1;
            }
            Action::Comment(cluster, comment) => {
                let before = state.decisions.get(&cluster).cloned();
                if before.as_ref().map_or("", |d| d.comment.as_str()) != comment {
                    Rc::make_mut(&mut state.history).push((cluster.clone(), before.clone()));
                    let (verdict, stamp) =
                        before.map_or((None, Stamp::default()), |d| (d.verdict, d.stamp));
                    if verdict.is_none() && comment.is_empty() {
                        Rc::make_mut(&mut state.decisions).remove(&cluster);
                    } else {
                        Rc::make_mut(&mut state.decisions).insert(
                            cluster,
                            Decision {
                                verdict,
                                comment,
                                stamp,
                            },
                        );
                    }
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
                if take_theirs {
                    let before = state.decisions.get(&cluster).cloned();
                    Rc::make_mut(&mut state.history).push((cluster.clone(), before));
                    Rc::make_mut(&mut state.decisions).insert(
                        cluster,
                        Decision {
                            verdict: Some(conflict.theirs),
                            comment: conflict.their_comment,
                            stamp: conflict.their_stamp,
                        },
                    );
                    import.applied += 1;
                }
            }
            Action::Undo => {
                if let Some((cluster, before)) = Rc::make_mut(&mut state.history).pop() {
                    match before {
                        Some(decision) => {
                            Rc::make_mut(&mut state.decisions).insert(cluster.clone(), decision)
                        }
                        None => Rc::make_mut(&mut state.decisions).remove(&cluster),
                    };
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
        let csv = REGISTRY;
        let registry = Registry::from_csv(csv.as_bytes()).expect("a registry");
        let ids: Vec<&str> = registry
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
        let file = FileInfo {
            name: "x.csv".into(),
            size: csv.len() as u64,
            fingerprint: "f".into(),
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
        let state = run(state, vec![Action::Undo]);
        assert_eq!(
            state.decisions[&ids[0]].verdict,
            Some(Verdict::SamePerson),
            "taking theirs can be undone"
        );
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
