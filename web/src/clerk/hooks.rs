//! The clerk page's effects as hooks (yew's `function_todomvc` shape): the
//! background worker, and the decisions kept on this device. The page keeps
//! its state in the reducer (`state.rs`); these hold what talks to the
//! browser.

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

use kgpin::Lang;
use kgpin_web_worker::{Job, PairDecision, Reply, Request};
use yew::prelude::*;

use super::state::{Decision, Loaded};
use super::store;
use super::worker::WorkerHandle;

/// The clerk's background worker, started on the first job.
#[derive(Clone)]
pub struct Worker {
    slot: Rc<RefCell<Option<WorkerHandle>>>,
    on_reply: Callback<Reply>,
    on_failure: Callback<String>,
}

impl Worker {
    /// Posts a job in `lang` (the language on screen now), starting the
    /// worker first if needed; false when it could not start.
    pub fn post(&self, lang: Lang, job: Job) -> bool {
        let mut slot = self.slot.borrow_mut();
        if slot.is_none() {
            // A crashed worker is let go: the next job starts a new one.
            let on_failure = {
                let (slot, on_failure) = (self.slot.clone(), self.on_failure.clone());
                Callback::from(move |detail: String| {
                    slot.borrow_mut().take();
                    on_failure.emit(detail)
                })
            };
            *slot = WorkerHandle::spawn(self.on_reply.clone(), on_failure).ok();
        }
        slot.as_ref().is_some_and(|worker| {
            worker
                .post(&Request {
                    lang,
                    job,
                    paced: true,
                })
                .is_ok()
        })
    }

    /// Stops the worker at once; its memory is given back.
    pub fn stop(&self) {
        self.slot.borrow_mut().take();
    }
}

/// The worker, its replies to `on_reply`, a worker that could not start or
/// crashed to `on_failure`.
#[hook]
pub fn use_worker(on_reply: Callback<Reply>, on_failure: Callback<String>) -> Worker {
    let slot = use_mut_ref(|| None);
    Worker {
        slot,
        on_reply,
        on_failure,
    }
}

/// The decisions kept on this device (IndexedDB), keyed by pairs of
/// record_ids so they find their records again in the next extract.
#[derive(Clone)]
pub struct DecisionStore {
    /// As last read from or written to IndexedDB.
    kept: Rc<RefCell<Vec<PairDecision>>>,
}

impl DecisionStore {
    /// Reads every kept decision (none for practice on the demo, none
    /// without IndexedDB, as in a private window: the work goes on, unkept).
    pub async fn load(&self, demo: bool) -> Vec<PairDecision> {
        let kept = if demo {
            Vec::new()
        } else {
            store::load_all().await.unwrap_or_default()
        };
        self.kept.borrow_mut().clone_from(&kept);
        kept
    }

    /// The decisions as last read or written.
    pub fn kept(&self) -> std::cell::Ref<'_, Vec<PairDecision>> {
        self.kept.borrow()
    }
}

/// The store, writing every change of `decisions` on `loaded` to IndexedDB
/// as it is made: only the pairs of clusters whose decision changed. A newly
/// loaded file's decisions (found again) are its starting point, not a change.
#[hook]
pub fn use_decision_store(
    loaded: Option<Rc<Loaded>>,
    decisions: Rc<BTreeMap<String, Decision>>,
) -> DecisionStore {
    let kept: Rc<RefCell<Vec<PairDecision>>> = use_mut_ref(Vec::new);
    // The decisions as last saved, and the file they belong to (held, so a
    // new file can never take the old one's address).
    type Saved = (Option<Rc<Loaded>>, Rc<BTreeMap<String, Decision>>);
    let saved: Rc<RefCell<Saved>> = use_mut_ref(|| (None, Rc::default()));
    {
        let kept = kept.clone();
        let file = loaded.as_ref().map_or(0, |l| Rc::as_ptr(l) as usize);
        use_effect_with((file, decisions), move |(_, decisions)| {
            let mut saved = saved.borrow_mut();
            let starting = match (&saved.0, &loaded) {
                (Some(old), Some(new)) => !Rc::ptr_eq(old, new),
                (old, new) => old.is_some() != new.is_some(),
            };
            let previous = std::mem::replace(&mut *saved, (loaded.clone(), decisions.clone())).1;
            let Some(loaded) = loaded.filter(|l| !l.file.fingerprint.starts_with("demo-")) else {
                return;
            };
            if starting {
                return;
            }
            let fingerprint = loaded.file.fingerprint.clone();
            let (mut put, mut delete) = (Vec::new(), Vec::new());
            let changed: BTreeSet<&String> = decisions
                .keys()
                .chain(previous.keys())
                .filter(|id| decisions.get(*id) != previous.get(*id))
                .collect();
            for cluster_id in changed {
                let Some(ids) = loaded.cluster(cluster_id).map(|c| &c.record_ids) else {
                    continue;
                };
                for (a, b) in super::state::pairs_of(ids) {
                    let verdict = decisions
                        .get(cluster_id)
                        .and_then(|d| Some((d, d.on_pair(a, b)?)));
                    match verdict {
                        Some((d, verdict)) => put.push(
                            PairDecision::new(a, b, verdict, &d.comment, cluster_id, &fingerprint)
                                .stamped(&d.stamp),
                        ),
                        None => delete.push(PairDecision::key_of(a, b)),
                    }
                }
            }
            if !put.is_empty() || !delete.is_empty() {
                let mut cache = kept.borrow_mut();
                cache.retain(|d| !delete.contains(&d.key) && !put.iter().any(|p| p.key == d.key));
                cache.extend(put.iter().cloned());
                yew::platform::spawn_local(async move {
                    let _ = store::save(put, delete).await;
                });
            }
        });
    }
    DecisionStore { kept }
}
