//! The clerk workstation (`#/clerk`): load a registry extract, see the whole,
//! review duplicate clusters, export the decisions, pre-check one person.
//! Reading and matching run in a Web Worker; this page only renders.

mod export;
mod precheck;
mod review;
mod state;
mod store;
mod summary;
mod worker;

use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap};
use std::rc::Rc;

use crate::i18n::{label, Label};
use kgpin::matching::{Person, Stage};
use kgpin::Lang;
use kgpin_web_worker::{Job, JobKind, PairDecision, Reply, Request};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use precheck::{PreCheck, QueryResult};
use state::{Action, ClerkState, ClusterDetail, Decision, Loaded, Phase};
use worker::WorkerHandle;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
}

/// People in the demo registry: big enough to show every kind of duplicate.
const DEMO_PEOPLE: usize = 20_000;

pub(crate) fn stage_label(stage: Stage) -> Label {
    match stage {
        Stage::Read | Stage::Prepare => Label::StageRead,
        Stage::Block => Label::StageBlock,
        Stage::Compare => Label::StageCompare,
        Stage::Cluster => Label::StageCluster,
    }
}

#[function_component(ClerkPage)]
pub fn clerk_page(props: &Props) -> Html {
    let lang = props.lang;
    let state = use_reducer(ClerkState::default);
    let worker: Rc<RefCell<Option<WorkerHandle>>> = use_mut_ref(|| None);
    let query = use_state(|| None::<QueryResult>);
    // Decisions kept on this device, as last read from or written to IndexedDB.
    let stored: Rc<RefCell<Vec<PairDecision>>> = use_mut_ref(Vec::new);
    // The decisions as last saved, to write only what changed.
    let saved: Rc<RefCell<BTreeMap<String, Decision>>> = use_mut_ref(BTreeMap::new);

    // A report whose clusters are still arriving from the worker.
    let receiving: Rc<RefCell<Option<Receiving>>> = use_mut_ref(|| None);

    // The delimiter the clerk chose for the shared-PIN export, until it arrives.
    let shared_delimiter: Rc<RefCell<u8>> = use_mut_ref(|| b',');
    let on_reply = {
        let shared_delimiter = shared_delimiter.clone();
        let dispatch = state.dispatcher();
        let query = query.setter();
        let stored = stored.clone();
        let saved = saved.clone();
        let receiving = receiving.clone();
        Callback::from(move |reply: Reply| match reply {
            Reply::Ready => {}
            Reply::Progress { stage, done, total } => {
                dispatch.dispatch(Action::Progress(stage, done, total))
            }
            Reply::Loaded {
                file,
                report,
                carried_over,
                millis,
                clusters_to_follow,
            } => {
                let total = clusters_to_follow;
                *receiving.borrow_mut() = Some((file, *report, millis, carried_over, total));
                dispatch.dispatch(Action::Progress(Stage::Cluster, 0, total));
                finish(&receiving, &stored, &saved, &dispatch);
            }
            Reply::Clusters { clusters } => {
                let mut slot = receiving.borrow_mut();
                if let Some((_, report, _, _, total)) = slot.as_mut() {
                    report.clusters.extend(clusters);
                    let done = report.clusters.len() as u64;
                    dispatch.dispatch(Action::Progress(Stage::Cluster, done, *total));
                }
                drop(slot);
                finish(&receiving, &stored, &saved, &dispatch);
            }
            Reply::SharedPins { pairs } => export::download(
                "shared-pins.csv",
                &export::shared_csv(&pairs, *shared_delimiter.borrow()),
            ),
            Reply::Cluster {
                cluster_id,
                records,
                pairs,
            } => dispatch.dispatch(Action::Detail(Rc::new(ClusterDetail {
                cluster_id,
                records: records
                    .into_iter()
                    .map(|r| (r.record_id.clone(), r))
                    .collect(),
                pairs,
            }))),
            Reply::Candidates {
                candidates,
                records,
                millis,
            } => query.set(Some(QueryResult::Found {
                candidates,
                records,
                millis,
            })),
            // A failed search is the pre-check's to show; anything else, the load's.
            Reply::Failed { job, message, .. } => match job {
                Some(JobKind::Candidates) => query.set(Some(QueryResult::Failed(message))),
                _ => dispatch.dispatch(Action::Failed(Some(message))),
            },
        })
    };
    let on_failure = {
        let dispatch = state.dispatcher();
        let worker = worker.clone();
        Callback::from(move |_detail: String| {
            worker.borrow_mut().take();
            dispatch.dispatch(Action::Failed(Some(
                label(Label::WorkerFailed, lang).into(),
            )))
        })
    };
    // Posts a job to the worker in the language on screen now, starting the worker first if needed.
    let post = {
        let worker = worker.clone();
        Rc::new(move |job: Job| -> bool {
            let mut slot = worker.borrow_mut();
            if slot.is_none() {
                *slot = WorkerHandle::spawn(on_reply.clone(), on_failure.clone()).ok();
            }
            slot.as_ref()
                .is_some_and(|worker| worker.post(&Request { lang, job }).is_ok())
        })
    };
    // Starts a load or demo job, carrying the decisions kept on this device.
    let start = {
        let dispatch = state.dispatcher();
        let post = post.clone();
        let stored = stored.clone();
        Callback::from(move |mut job: Job| {
            dispatch.dispatch(Action::Started);
            let (dispatch, post, stored) = (dispatch.clone(), post.clone(), stored.clone());
            let demo = matches!(job, Job::Demo { .. });
            yew::platform::spawn_local(async move {
                // Without IndexedDB (a private window) the work goes on, unkept;
                // practice on the demo starts afresh and is never kept.
                let kept = if demo {
                    Vec::new()
                } else {
                    store::load_all().await.unwrap_or_default()
                };
                if let Job::Load { decisions, .. } | Job::Demo { decisions, .. } = &mut job {
                    decisions.clone_from(&kept);
                }
                *stored.borrow_mut() = kept;
                if !post(job) {
                    dispatch.dispatch(Action::Failed(Some(
                        label(Label::WorkerFailed, lang).into(),
                    )))
                }
            });
        })
    };
    // Every change of a decision is written to IndexedDB as it is made.
    {
        let saved = saved.clone();
        let stored = stored.clone();
        let loaded = state.loaded.clone();
        use_effect_with(state.decisions.clone(), move |decisions| {
            let Some(loaded) = loaded.filter(|l| !l.file.fingerprint.starts_with("demo-")) else {
                return;
            };
            let fingerprint = Some(loaded.file.fingerprint.clone());
            let mut previous = saved.borrow_mut();
            let mut put = Vec::new();
            let mut delete = Vec::new();
            let changed = decisions
                .keys()
                .chain(previous.keys())
                .filter(|id| decisions.get(*id) != previous.get(*id))
                .cloned()
                .collect::<std::collections::BTreeSet<String>>();
            for cluster_id in changed {
                let Some(ids) = loaded.cluster(&cluster_id).map(|c| &c.record_ids) else {
                    continue;
                };
                for (i, a) in ids.iter().enumerate() {
                    for b in &ids[i + 1..] {
                        match decisions.get(&cluster_id) {
                            Some(d) => put.push(PairDecision::new(
                                a,
                                b,
                                d.verdict,
                                &d.comment,
                                &cluster_id,
                                fingerprint.as_deref().unwrap_or(""),
                            )),
                            None => delete.push(PairDecision::key_of(a, b)),
                        }
                    }
                }
            }
            *previous = decisions.clone();
            if !put.is_empty() || !delete.is_empty() {
                let mut cache = stored.borrow_mut();
                cache.retain(|d| !delete.contains(&d.key) && !put.iter().any(|p| p.key == d.key));
                cache.extend(put.iter().cloned());
                yew::platform::spawn_local(async move {
                    let _ = store::save(put, delete).await;
                });
            }
        });
    }
    let on_file = {
        let start = start.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Some(file) = input.files().and_then(|files| files.get(0)) {
                start.emit(Job::Load {
                    file,
                    threshold: None,
                    decisions: Vec::new(),
                });
            }
            // The same file chosen again (after a change on disk) loads again.
            input.set_value("");
        })
    };
    let on_drop = {
        let start = start.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            if let Some(file) = e
                .data_transfer()
                .and_then(|d| d.files())
                .and_then(|files| files.get(0))
            {
                start.emit(Job::Load {
                    file,
                    threshold: None,
                    decisions: Vec::new(),
                });
            }
        })
    };
    let on_demo = {
        let start = start.clone();
        Callback::from(move |_| {
            start.emit(Job::Demo {
                people: DEMO_PEOPLE,
                seed: 7,
                threshold: None,
                decisions: Vec::new(),
            })
        })
    };
    let on_cancel = {
        let dispatch = state.dispatcher();
        let worker = worker.clone();
        Callback::from(move |_| {
            // Terminating the worker stops the job at once and frees its memory.
            worker.borrow_mut().take();
            dispatch.dispatch(Action::Failed(None))
        })
    };
    let on_query = {
        let post = post.clone();
        let query = query.setter();
        Callback::from(move |person: Person| {
            if !post(Job::Candidates { person, limit: 10 }) {
                query.set(Some(QueryResult::Failed(
                    label(Label::WorkerFailed, lang).into(),
                )));
            }
        })
    };

    // The review asks the worker for a cluster's records and pairs.
    let on_cluster = {
        let post = post.clone();
        Callback::from(move |(cluster_id, record_ids): (String, Vec<String>)| {
            post(Job::Cluster {
                cluster_id,
                record_ids,
            });
        })
    };
    let on_shared = {
        let post = post.clone();
        let shared_delimiter = shared_delimiter.clone();
        Callback::from(move |delimiter: u8| {
            *shared_delimiter.borrow_mut() = delimiter;
            post(Job::Shared);
        })
    };
    let working = matches!(state.phase, Phase::Working { .. });
    // A load error takes the focus, so it is seen and read out.
    use_effect_with(state.phase.clone(), |phase| {
        if matches!(phase, Phase::Failed(_)) {
            crate::dom::focus("load-error");
        }
    });
    html! {
        <div class="clerk">
            <h1>{ label(Label::ClerkTitle, lang) }</h1>
            <p class="tagline">{ label(Label::ClerkIntro, lang) }</p>
            <section class="load" aria-labelledby="load-heading">
                <h2 id="load-heading" class="visually-hidden">{ label(Label::File, lang) }</h2>
                <div class="drop-zone" ondragover={ |e: DragEvent| e.prevent_default() } ondrop={ on_drop }>
                    <label for="registry-file">{ label(Label::ChooseFile, lang) }</label>
                    <input id="registry-file" type="file" accept=".csv,text/csv,text/plain"
                        disabled={ working } onchange={ on_file } />
                </div>
                <button type="button" id="demo" class="secondary" disabled={ working } onclick={ on_demo }>
                    { label(Label::Demo, lang) }
                </button>
            </section>
            { progress(&state.phase, lang, on_cancel) }
            {
                if let Some(loaded) = state.loaded.clone() {
                    html! {
                        <>
                        <summary::Summary loaded={ loaded.clone() } restored={ state.restored } {lang} />
                        <review::Review state={ state.clone() } {lang} on_cluster={ on_cluster } />
                        <export::Export state={ state.clone() } {lang} on_shared={ on_shared } />
                        <PreCheck {lang} on_query={ on_query } result={ (*query).clone() } />
                        </>
                    }
                } else {
                    Html::default()
                }
            }
        </div>
    }
}

/// A report being received: file, report so far, worker's time, earlier
/// decisions applied, and the number of clusters it will have.
type Receiving = (
    kgpin_web_worker::FileInfo,
    kgpin_web_worker::PageReport,
    f64,
    kgpin_web_worker::CarriedOver,
    u64,
);

/// Once every cluster has arrived, the report becomes the page's, with the
/// decisions kept for its pairs found again.
fn finish(
    receiving: &Rc<RefCell<Option<Receiving>>>,
    stored: &Rc<RefCell<Vec<PairDecision>>>,
    saved: &Rc<RefCell<BTreeMap<String, Decision>>>,
    dispatch: &UseReducerDispatcher<ClerkState>,
) {
    let complete = receiving
        .borrow()
        .as_ref()
        .is_some_and(|(_, report, _, _, total)| report.clusters.len() as u64 >= *total);
    if !complete {
        return;
    }
    if let Some((file, report, millis, carried_over, _)) = receiving.borrow_mut().take() {
        let loaded = Loaded::new(file, report, millis, carried_over);
        let restored = restore(&loaded, &stored.borrow());
        *saved.borrow_mut() = restored.clone();
        dispatch.dispatch(Action::Loaded(Box::new(loaded), restored))
    }
}

/// Cluster decisions found again in earlier work: a cluster takes the
/// decision kept for any pair of its records.
fn restore(loaded: &Loaded, kept: &[PairDecision]) -> BTreeMap<String, Decision> {
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
                },
            );
        }
    }
    restored
}

fn progress(phase: &Phase, lang: Lang, on_cancel: Callback<MouseEvent>) -> Html {
    match phase {
        Phase::Working { stage, done, total } => {
            // Comparing goes block by block: its units (the records'
            // blocking keys) mean nothing to a clerk, so a share is shown.
            let rows = label(Label::Rows, lang);
            let figures = match (*stage, *total) {
                (_, 0) => format!("{done} {rows}"),
                (Stage::Compare, total) => format!("{} %", done * 100 / total),
                (_, total) => format!("{done} / {total} {rows}"),
            };
            html! {
                <section class="progress" aria-live="polite" aria-busy="true">
                    <h2>{ label(Label::Working, lang) }</h2>
                    <label for="progress-bar">{ label(stage_label(*stage), lang) }{ ": " }{ figures }</label>
                    if *total > 0 {
                        <progress id="progress-bar" max={ total.to_string() } value={ done.to_string() } />
                    } else {
                        <progress id="progress-bar" />
                    }
                    <button type="button" id="cancel" onclick={ on_cancel }>{ label(Label::Cancel, lang) }</button>
                </section>
            }
        }
        Phase::Failed(message) => html! {
            <div class="error-summary" role="alert" tabindex="-1" id="load-error">
                <p>{ message }</p>
            </div>
        },
        Phase::Idle | Phase::Ready => Html::default(),
    }
}
