//! The clerk workstation (`#/clerk`): load a registry extract, see the whole,
//! review duplicate clusters, export the decisions, pre-check one person.
//! Reading and matching run in a Web Worker; this page only renders.

mod export;
mod hooks;
mod precheck;
mod review;
mod state;
mod store;
mod summary;
pub mod words;
mod workbook;
mod worker;

use crate::clerk::words::{word, Word};
use std::cell::RefCell;
use std::rc::Rc;

use kgpin::matching::{Person, Stage};
use kgpin::Lang;
use kgpin_web_worker::{Job, JobKind, Reply};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use precheck::{PreCheck, QueryResult};
use state::{Action, ClerkState, ClusterDetail, Phase, Receiving};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
}

/// People in the demo registry: big enough to show every kind of duplicate.
const DEMO_PEOPLE: usize = 20_000;

/// The demo registry's job: the same practice registry every time.
fn demo_job() -> Job {
    Job::Demo {
        people: DEMO_PEOPLE,
        seed: 7,
        threshold: None,
        decisions: Vec::new(),
    }
}

pub(crate) fn stage_label(stage: Stage) -> Word {
    match stage {
        Stage::Read | Stage::Prepare => Word::StageRead,
        Stage::Block => Word::StageBlock,
        Stage::Compare => Word::StageCompare,
        Stage::Cluster => Word::StageCluster,
    }
}

/// The page as it was when an export was asked for, its language and delimiter.
type AskedExport = (Rc<ClerkState>, Lang, u8);

/// The workbook the loaded sheet came from, to read another of its sheets.
struct Book {
    file: web_sys::File,
    sheets: Vec<String>,
    /// The sheet last read, whether or not it held a registry.
    sheet: String,
}

#[function_component(ClerkPage)]
pub fn clerk_page(props: &Props) -> Html {
    let lang = props.lang;
    let state = use_reducer(ClerkState::default);
    let query = use_state(|| None::<QueryResult>);
    let store = hooks::use_decision_store(state.loaded.clone(), state.decisions.clone());
    // The registry being loaded, kept for the tab once it has loaded.
    let pending: Rc<RefCell<Option<store::SessionSource>>> = use_mut_ref(|| None);
    // A report whose clusters are still arriving from the worker.
    let receiving: Rc<RefCell<Option<Receiving>>> = use_mut_ref(|| None);
    // The delimiter the clerk chose for the rows left out, until they arrive.
    let export_delimiter: Rc<RefCell<u8>> = use_mut_ref(|| b',');
    // The state each export was asked in, until the worker sends what it
    // needs; one slot per export, so two asked at once both arrive. (The
    // worker keeps the first render's reply callback: what an export needs is
    // taken when it is asked, the language on screen included.)
    let clusters_asked: Rc<RefCell<Option<AskedExport>>> = use_mut_ref(|| None);
    let shared_asked: Rc<RefCell<Option<AskedExport>>> = use_mut_ref(|| None);
    let on_reply = {
        let export_delimiter = export_delimiter.clone();
        let (clusters_asked, shared_asked) = (clusters_asked.clone(), shared_asked.clone());
        let dispatch = state.dispatcher();
        let query = query.setter();
        let store = store.clone();
        let receiving = receiving.clone();
        let pending = pending.clone();
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
                *receiving.borrow_mut() = Some(Receiving {
                    file,
                    report: *report,
                    millis,
                    carried_over,
                    total: clusters_to_follow,
                });
                dispatch.dispatch(Action::Progress(Stage::Cluster, 0, clusters_to_follow));
                finish(&receiving, &store, &dispatch, &pending);
            }
            Reply::Clusters { clusters, .. } => {
                if let Some(arriving) = receiving.borrow_mut().as_mut() {
                    let (done, total) = arriving.add(clusters);
                    dispatch.dispatch(Action::Progress(Stage::Cluster, done, total));
                }
                finish(&receiving, &store, &dispatch, &pending);
            }
            Reply::RejectedRows { rows } => export::download(
                "rejected-rows.csv",
                &export::rejected_csv(&rows, *export_delimiter.borrow()),
            ),
            Reply::ExportClusters { clusters, records } => {
                if let Some((asked, lang, delimiter)) = clusters_asked.borrow_mut().take() {
                    let records = records
                        .into_iter()
                        .map(|r| (r.record_id.clone(), r))
                        .collect();
                    export::download(
                        &export::export_name(&asked, "clusters.csv"),
                        &export::clusters_csv(
                            &asked,
                            &clusters,
                            &records,
                            lang,
                            crate::clock::today(),
                            delimiter,
                        ),
                    )
                }
            }
            Reply::SharedPins { pairs, keeps } => {
                if let Some((asked, lang, delimiter)) = shared_asked.borrow_mut().take() {
                    export::download(
                        &export::export_name(&asked, "shared-pins.csv"),
                        &export::shared_csv(&asked, &pairs, &keeps, lang, delimiter),
                    )
                }
            }
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
        Callback::from(move |_detail: String| {
            dispatch.dispatch(Action::Failed(Some(word(Word::WorkerFailed, lang).into())))
        })
    };
    let worker = hooks::use_worker(on_reply, on_failure);
    // Every job goes in the language on screen now.
    let post = {
        let worker = worker.clone();
        Rc::new(move |job: Job| worker.post(lang, job))
    };
    // The workbook of the loaded sheet, and the workbook worker while it reads.
    let book = use_state(|| None::<Rc<Book>>);
    let reading: workbook::Reading = use_mut_ref(|| None);
    // Which start is the current one (a cancel or a newer start moves it on).
    let generation: Rc<RefCell<u64>> = use_mut_ref(|| 0);
    // Starts a load or demo job, carrying the decisions kept on this device;
    // a workbook's sheet is first turned into CSV by the workbook worker.
    let start = {
        let dispatch = state.dispatcher();
        let post = post.clone();
        let store = store.clone();
        let query = query.setter();
        let (book, reading) = (book.setter(), reading.clone());
        let generation = generation.clone();
        let pending = pending.clone();
        Callback::from(move |mut job: Job| {
            // This start is the current one until the next start or a cancel:
            // after each wait it checks, so a cancelled or overtaken start
            // never posts its job.
            let mine = {
                let mut generation = generation.borrow_mut();
                *generation += 1;
                *generation
            };
            let generation = generation.clone();
            let current = move || *generation.borrow() == mine;
            dispatch.dispatch(Action::Started);
            // A pre-check's results belong to the registry they came from.
            query.set(None);
            let (dispatch, post, store) = (dispatch.clone(), post.clone(), store.clone());
            let (book, reading, pending) = (book.clone(), reading.clone(), pending.clone());
            let demo = matches!(job, Job::Demo { .. });
            // The registry as the clerk gave it (a workbook, not its sheet's
            // CSV): kept for this tab, to be read again if the clerk comes back.
            let source = match &job {
                Job::Load { file, sheet, .. } => {
                    Some(store::SessionSource::File(file.clone(), sheet.clone()))
                }
                Job::Demo { .. } => Some(store::SessionSource::Demo),
                _ => None,
            };
            yew::platform::spawn_local(async move {
                let kept = store.load(demo).await;
                if !current() {
                    return;
                }
                if let Job::Load { decisions, .. } | Job::Demo { decisions, .. } = &mut job {
                    *decisions = kept;
                }
                match &mut job {
                    Job::Load { file, sheet, .. } if workbook::is_workbook(file).await => {
                        let workbook = file.clone();
                        let read =
                            workbook::read_sheet(workbook.clone(), sheet.take(), lang, reading)
                                .await;
                        if !current() {
                            return;
                        }
                        match read {
                            Ok(read) => {
                                *file = read.csv;
                                *sheet = Some(read.sheet.clone());
                                book.set(Some(Rc::new(Book {
                                    file: workbook,
                                    sheets: read.sheets,
                                    sheet: read.sheet,
                                })));
                            }
                            Err(message) => {
                                dispatch.dispatch(Action::Failed(Some(message)));
                                return;
                            }
                        }
                    }
                    _ => book.set(None),
                }
                if !current() {
                    return;
                }
                // Kept for the tab once it has loaded (see `finish`): a file
                // that failed, or was cancelled, leaves the last good one.
                *pending.borrow_mut() = source;
                if !post(job) {
                    dispatch.dispatch(Action::Failed(Some(word(Word::WorkerFailed, lang).into())))
                }
            });
        })
    };
    let on_file = {
        let start = start.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Some(file) = input.files().and_then(|files| files.get(0)) {
                start.emit(Job::Load {
                    file,
                    threshold: None,
                    decisions: Vec::new(),
                    sheet: None,
                });
            }
            // The same file chosen again (after a change on disk) loads again.
            input.set_value("");
        })
    };
    let on_drop = {
        let start = start.clone();
        // As the file input is disabled while a job runs, a drop is ignored.
        let busy = matches!(state.phase, Phase::Working { .. });
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            if busy {
                return;
            }
            if let Some(file) = e
                .data_transfer()
                .and_then(|d| d.files())
                .and_then(|files| files.get(0))
            {
                start.emit(Job::Load {
                    file,
                    threshold: None,
                    decisions: Vec::new(),
                    sheet: None,
                });
            }
        })
    };
    let on_demo = {
        let start = start.clone();
        Callback::from(move |_| start.emit(demo_job()))
    };
    // Another sheet of the same workbook.
    let on_sheet = {
        let (start, book) = (start.clone(), book.clone());
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            if let Some(book) = book.as_ref() {
                start.emit(Job::Load {
                    file: book.file.clone(),
                    threshold: None,
                    decisions: Vec::new(),
                    sheet: Some(select.value()),
                });
            }
        })
    };
    let on_cancel = {
        let dispatch = state.dispatcher();
        let worker = worker.clone();
        let reading = reading.clone();
        let generation = generation.clone();
        let pending = pending.clone();
        Callback::from(move |_| {
            // A start still waiting (for the store, the workbook) posts nothing,
            // and the tab keeps the last registry that did load.
            *generation.borrow_mut() += 1;
            pending.borrow_mut().take();
            // Terminating the workers stops the job at once and frees their memory.
            if let Some(reading) = reading.borrow_mut().take() {
                reading.terminate();
            }
            worker.stop();
            dispatch.dispatch(Action::Failed(None))
        })
    };
    let on_query = {
        let post = post.clone();
        let query = query.setter();
        Callback::from(move |person: Person| {
            if !post(Job::Candidates { person, limit: 10 }) {
                query.set(Some(QueryResult::Failed(
                    word(Word::WorkerFailed, lang).into(),
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
    let on_clusters = {
        let post = post.clone();
        let state = state.clone();
        let store = store.clone();
        Callback::from(move |delimiter: u8| {
            let asked = Rc::new((*state).clone());
            // What the next run of this file would apply: the decisions kept
            // on this device (those the load applied, as changed since).
            // Practice on the demo keeps none: its page's decisions go.
            let demo = asked
                .loaded
                .as_ref()
                .is_none_or(|l| l.file.fingerprint.starts_with("demo-"));
            let decisions = match demo {
                true => export::pair_decisions(&asked),
                false => store.kept().clone(),
            };
            *clusters_asked.borrow_mut() = Some((asked, lang, delimiter));
            post(Job::ExportClusters { decisions });
        })
    };
    let on_shared = {
        let post = post.clone();
        let state = state.clone();
        Callback::from(move |delimiter: u8| {
            *shared_asked.borrow_mut() = Some((Rc::new((*state).clone()), lang, delimiter));
            post(Job::Shared);
        })
    };
    let on_rejected = {
        let post = post.clone();
        let export_delimiter = export_delimiter.clone();
        Callback::from(move |delimiter: u8| {
            *export_delimiter.borrow_mut() = delimiter;
            post(Job::Rejected);
        })
    };
    let working = matches!(state.phase, Phase::Working { .. });
    // The screens get the state as a value and say what happens through a callback.
    let view = Rc::new((*state).clone());
    let on_action = {
        let dispatch = state.dispatcher();
        Callback::from(move |action: Action| dispatch.dispatch(action))
    };
    // After a reload the registry is gone but the decisions are not: say so.
    // Back on the page in the same tab: this session's registry is read
    // again. Not after a reload, which a clerk may use to start afresh: the
    // page then says the decisions are kept and the file is to be chosen.
    let resumed = use_state(|| false);
    {
        let (start, resumed) = (start.clone(), resumed.setter());
        use_effect_with((), move |_| {
            yew::platform::spawn_local(async move {
                let Some(mark) = store::session_mark() else {
                    return;
                };
                if store::reloaded() {
                    let _ = store::forget_session().await;
                    return;
                }
                // A first visit in this tab finds another tab's entry: deleted.
                let job = match store::session_source(&mark).await {
                    Ok(Some(store::SessionSource::File(file, sheet))) => Job::Load {
                        file,
                        threshold: None,
                        decisions: Vec::new(),
                        sheet,
                    },
                    Ok(Some(store::SessionSource::Demo)) => demo_job(),
                    _ => return,
                };
                resumed.set(true);
                start.emit(job);
            });
        });
    }
    let kept_clusters = use_state(|| 0usize);
    {
        let kept_clusters = kept_clusters.clone();
        use_effect_with((), move |_| {
            yew::platform::spawn_local(async move {
                let kept = store::load_all().await.unwrap_or_default();
                let clusters: std::collections::BTreeSet<&str> =
                    kept.iter().map(|d| d.cluster_id.as_str()).collect();
                kept_clusters.set(clusters.len());
            });
        });
    }
    // A load error takes the focus, so it is seen and read out.
    use_effect_with(state.phase.clone(), |phase| {
        if matches!(phase, Phase::Failed(_)) {
            crate::dom::focus("load-error");
        }
    });
    html! {
        <div class="clerk">
            <h1>{ word(Word::ClerkTitle, lang) }</h1>
            <p class="tagline">{ word(Word::ClerkIntro, lang) }</p>
            <section class="load" aria-labelledby="load-heading">
                <h2 id="load-heading" class="visually-hidden">{ word(Word::File, lang) }</h2>
                <div class="drop-zone" ondragover={ |e: DragEvent| e.prevent_default() } ondrop={ on_drop }>
                    <label for="registry-file">{ word(Word::ChooseFile, lang) }</label>
                    <input id="registry-file" type="file" accept=".csv,text/csv,text/plain,.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                        disabled={ working } onchange={ on_file } />
                </div>
                <button type="button" id="demo" class="secondary" disabled={ working } onclick={ on_demo }>
                    { word(Word::Demo, lang) }
                </button>
                { sheet_choice(book.as_deref(), working, lang, on_sheet) }
            </section>
            if *resumed {
                <p id="resumed" class="kept-note">{ word(Word::Resumed, lang) }</p>
            }
            if state.loaded.is_none() && *kept_clusters > 0 && !*resumed {
                <p id="kept-decisions" class="kept-note">{ words::kept_decisions(*kept_clusters, lang) }</p>
            }
            { progress(&state.phase, lang, on_cancel) }
            {
                if let Some(loaded) = state.loaded.clone() {
                    // A workstation at 1280 px: the summary across the top,
                        // the queue and its comparison on the left, export
                        // and pre-check beside them (style.css); one column
                        // on narrower screens, in this order.
                    html! {
                        <div class="clerk-results">
                        <summary::Summary loaded={ loaded.clone() } restored={ state.restored } {lang} on_rejected={ on_rejected.clone() } />
                        <review::Review state={ view.clone() } on_action={ on_action.clone() } {lang} on_cluster={ on_cluster } />
                        <div class="clerk-side">
                            <export::Export state={ view.clone() } on_import={ on_action.reform(Action::Import) } on_settle={ on_action.reform(|(id, take_theirs)| Action::Settle(id, take_theirs)) } {lang} {on_clusters} on_shared={ on_shared } {on_rejected} />
                            <PreCheck {lang} on_query={ on_query } result={ (*query).clone() } />
                        </div>
                        </div>
                    }
                } else {
                    Html::default()
                }
            }
        </div>
    }
}

/// Once every cluster has arrived, the report becomes the page's, with the
/// decisions kept for its pairs found again; and the registry is kept for
/// the tab (`pending`), to be read again if the clerk leaves and comes back.
fn finish(
    receiving: &Rc<RefCell<Option<Receiving>>>,
    store: &hooks::DecisionStore,
    dispatch: &UseReducerDispatcher<ClerkState>,
    pending: &Rc<RefCell<Option<store::SessionSource>>>,
) {
    let complete = receiving
        .borrow()
        .as_ref()
        .is_some_and(Receiving::is_complete);
    if let Some(arrived) = complete.then(|| receiving.borrow_mut().take()).flatten() {
        let (loaded, restored) = arrived.finish(&store.kept());
        dispatch.dispatch(Action::Loaded(Box::new(loaded), restored));
        if let (Some(mark), Some(source)) = (store::session_mark(), pending.borrow_mut().take()) {
            yew::platform::spawn_local(async move {
                let _ = store::keep_session(&mark, &source).await;
            });
        }
    }
}

/// The sheets of a workbook with several, the one last read chosen (even
/// when it held no registry: choosing another must be a change): the
/// registry may be on any of them.
fn sheet_choice(book: Option<&Book>, working: bool, lang: Lang, on_sheet: Callback<Event>) -> Html {
    let Some(book) = book.filter(|book| book.sheets.len() > 1) else {
        return Html::default();
    };
    html! {
        <div class="sheet-choice">
            <label for="sheet">{ word(Word::Sheet, lang) }</label>
            <select id="sheet" disabled={ working } onchange={ on_sheet } aria-describedby="sheet-hint">
                { for book.sheets.iter().map(|name| html! {
                    <option value={ name.clone() } selected={ *name == book.sheet }>{ name }</option>
                }) }
            </select>
            <p id="sheet-hint" class="hint">{ word(Word::SheetHint, lang) }</p>
        </div>
    }
}

fn progress(phase: &Phase, lang: Lang, on_cancel: Callback<MouseEvent>) -> Html {
    match phase {
        Phase::Working { stage, done, total } => {
            // Comparing goes block by block: its units (the records'
            // blocking keys) mean nothing to a clerk, so a share is shown.
            let rows = word(Word::Rows, lang);
            let figures = match (*stage, *total) {
                (_, 0) => format!("{done} {rows}"),
                (Stage::Compare, total) => format!("{} %", done * 100 / total),
                (_, total) => format!("{done} / {total} {rows}"),
            };
            html! {
                <section class="progress" aria-live="polite" aria-busy="true">
                    <h2>{ word(Word::Working, lang) }</h2>
                    <label for="progress-bar">{ word(stage_label(*stage), lang) }{ ": " }{ figures }</label>
                    if *total > 0 {
                        <progress id="progress-bar" max={ total.to_string() } value={ done.to_string() } />
                    } else {
                        <progress id="progress-bar" />
                    }
                    <button type="button" id="cancel" onclick={ on_cancel }>{ word(Word::Cancel, lang) }</button>
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
