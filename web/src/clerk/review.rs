//! Reviewing clusters, weakest link first: the records side by side with
//! their differences marked (by a word, not colour alone), each PIN decoded
//! and checked against its own record, the links and the reasons as a
//! waterfall of weights, and a decision per cluster with undo and keys.

use crate::clerk::words::{self, word, Word};
use std::rc::Rc;

use crate::i18n::{label, Label};
use kgpin::matching::{Kind, Reason, Settle};
use kgpin::messages::{self, local_date, sex_name};
use kgpin::pin::{self, PinWarning, Stated};
use kgpin::report::{ClusterReport, PairReport};
use kgpin::Lang;
use kgpin_web_worker::RecordView;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{HtmlSelectElement, HtmlTextAreaElement, KeyboardEvent};
use yew::prelude::*;

use super::state::{Action, ClerkState, Verdict};
use crate::clock;
use crate::components::table_scroll::table_scroll;

/// Queue entries shown around the current one: the rest are not rendered.
const QUEUE_WINDOW: usize = 10;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// The page's state as it is now (values: a clone shares its big parts).
    pub state: Rc<ClerkState>,
    /// A decision, a comment, a move in the queue: the page's reducer applies it.
    pub on_action: Callback<Action>,
    pub lang: Lang,
    /// Asks the worker for a cluster's records and pairs: `(cluster_id, record_ids)`.
    pub on_cluster: Callback<(String, Vec<String>)>,
}

/// One row of the side-by-side table: a label and each record's value, and
/// whether the value disagrees with its own record (for the PIN's parts).
struct FieldRow {
    name: &'static str,
    values: Vec<(String, bool)>,
    /// Whether a value unlike the first record's is worth marking (not for ids).
    compare: bool,
    /// For names: whether two spellings are one name (Максат уулу and
    /// Максатович, Жумагулова and Zhumagulova), so the table does not call
    /// them different.
    same_name: Option<fn(&str, &str) -> bool>,
    /// For surnames, by record: whether the engine read its surname and the
    /// first record's as a father's name (Нурлан кызы) beside a family name
    /// and did not compare them (`last_name_names_father` on their pair).
    names_father: Vec<bool>,
}

/// How a value stands against the first record's.
#[derive(Clone, Copy, PartialEq)]
enum Against {
    Same,
    /// One name written otherwise.
    SpelledOtherwise,
    /// One of two surnames is the father's name with its marker (Нурлан
    /// кызы beside Курманалиева) and the engine did not compare them.
    NamesFather,
    /// Empty in one of the two: nothing to compare, not a difference.
    Missing,
    Differs,
}

impl FieldRow {
    fn against(&self, i: usize, value: &str) -> Against {
        let first = self.values.first().map_or("", |v| v.0.as_str());
        let empty = |v: &str| v.trim().is_empty() || v == NOT_GIVEN;
        if !self.compare || i == 0 || value == first {
            Against::Same
        } else if empty(value) || empty(first) {
            Against::Missing
        } else if self.same_name.is_some_and(|same| same(value, first)) {
            Against::SpelledOtherwise
        } else if self.names_father.get(i).copied().unwrap_or(false) {
            Against::NamesFather
        } else {
            Against::Differs
        }
    }
}

/// What the table shows for a value that is not given.
const NOT_GIVEN: &str = "—";

fn same_name(a: &str, b: &str) -> bool {
    let key = kgpin::names::name_key(a);
    !key.is_empty() && key == kgpin::names::name_key(b)
}

fn same_father(a: &str, b: &str) -> bool {
    let father = kgpin::names::father_key(a);
    father.is_some() && father == kgpin::names::father_key(b)
}

/// A record's surname, first name and patronymic as the engine reads them.
fn names_read(r: &RecordView) -> (&str, &str, &str) {
    kgpin::names::split_full_name(&r.last_name, &r.first_name, &r.patronymic)
}

/// For each record, whether its pair with the first record has the engine's
/// `last_name_names_father`: one surname the father's name beside a family
/// name, not compared (the pair not among the links: no).
fn surname_names_father(records: &[&RecordView], links: &[&PairReport]) -> Vec<bool> {
    let Some(first) = records.first() else {
        return Vec::new();
    };
    records
        .iter()
        .map(|r| {
            links.iter().any(|p| {
                let ids = [p.record_id_a.as_str(), p.record_id_b.as_str()];
                ids.contains(&r.record_id.as_str())
                    && ids.contains(&first.record_id.as_str())
                    && p.reasons
                        .iter()
                        .any(|reason| reason.code == Reason::LastNameNamesFather)
            })
        })
        .collect()
}

fn field_rows(
    records: &[&RecordView],
    links: &[&PairReport],
    line: Word,
    lang: Lang,
) -> Vec<FieldRow> {
    let today = clock::today();
    let decoded: Vec<_> = records
        .iter()
        .map(|r| {
            let stated = Stated {
                sex: r.sex,
                birth_date: r.birth_date,
            };
            today.map(|t| pin::check(&r.pin, t, &stated))
        })
        .collect();
    let text = |f: &dyn Fn(&RecordView) -> String| -> Vec<(String, bool)> {
        records.iter().map(|r| (f(r), false)).collect()
    };
    let not_given = || NOT_GIVEN.to_string();
    let mut rows = vec![
        FieldRow {
            name: word(Word::RecordId, lang),
            values: text(&|r| r.record_id.clone()),
            compare: false,
            same_name: None,
            names_father: Vec::new(),
        },
        FieldRow {
            name: word(line, lang),
            values: text(&|r| r.line.to_string()),
            compare: false,
            same_name: None,
            names_father: Vec::new(),
        },
        FieldRow {
            name: word(Word::Source, lang),
            values: text(&|r| r.source.clone()),
            compare: false,
            same_name: None,
            names_father: Vec::new(),
        },
        FieldRow {
            compare: true,
            name: label(Label::Pin, lang),
            values: text(&|r| r.pin.clone()),
            same_name: None,
            names_father: Vec::new(),
        },
        FieldRow {
            compare: true,
            name: word(Word::PinSex, lang),
            values: decoded
                .iter()
                .map(|c| match c.as_ref().and_then(|c| c.pin.map(|p| (p, c))) {
                    Some((p, check)) => (
                        sex_name(p.sex(), lang).to_string(),
                        check
                            .warnings
                            .iter()
                            .any(|w| matches!(w, PinWarning::SexMismatch { .. })),
                    ),
                    None => (not_given(), false),
                })
                .collect(),
            same_name: None,
            names_father: Vec::new(),
        },
        FieldRow {
            compare: true,
            name: word(Word::PinBirthDate, lang),
            values: decoded
                .iter()
                .map(|c| match c.as_ref().and_then(|c| c.pin.map(|p| (p, c))) {
                    Some((p, check)) => (
                        local_date(p.birth_date()),
                        check
                            .warnings
                            .iter()
                            .any(|w| matches!(w, PinWarning::BirthDateMismatch { .. })),
                    ),
                    None => (not_given(), false),
                })
                .collect(),
            same_name: None,
            names_father: Vec::new(),
        },
        // The names as the engine reads them: a full name typed into one
        // field shown as its parts (a screenshot showed the surname
        // "differs" and the first name "missing" beside the reasons' "same
        // surname, same first name"), and what the field held beside them.
        FieldRow {
            compare: true,
            name: label(Label::LastName, lang),
            values: text(&|r| names_read(r).0.to_string()),
            same_name: Some(kgpin::names::one_surname),
            names_father: surname_names_father(records, links),
        },
        FieldRow {
            compare: true,
            name: label(Label::FirstName, lang),
            values: text(&|r| names_read(r).1.to_string()),
            same_name: Some(same_name),
            names_father: Vec::new(),
        },
        FieldRow {
            compare: true,
            name: label(Label::Patronymic, lang),
            values: text(&|r| names_read(r).2.to_string()),
            same_name: Some(same_father),
            names_father: Vec::new(),
        },
        FieldRow {
            compare: false,
            name: word(Word::NamesInOneField, lang),
            values: text(&|r| {
                let read = names_read(r);
                if read == (&r.last_name[..], &r.first_name[..], &r.patronymic[..]) {
                    not_given()
                } else {
                    [&r.last_name, &r.first_name, &r.patronymic]
                        .iter()
                        .map(|n| n.trim())
                        .filter(|n| !n.is_empty())
                        .collect::<Vec<_>>()
                        .join(" · ")
                }
            }),
            same_name: None,
            names_father: Vec::new(),
        },
        FieldRow {
            compare: true,
            name: word(Word::StatedBirthDate, lang),
            values: text(&|r| r.birth_date.map(local_date).unwrap_or_else(not_given)),
            same_name: None,
            names_father: Vec::new(),
        },
        FieldRow {
            compare: true,
            name: word(Word::StatedSex, lang),
            values: text(&|r| {
                r.sex
                    .map(|s| sex_name(s, lang).to_string())
                    .unwrap_or_else(not_given)
            }),
            same_name: None,
            names_father: Vec::new(),
        },
    ];
    // The names' own field only where a record's names were read from one.
    let one_field = word(Word::NamesInOneField, lang);
    rows.retain(|row| row.name != one_field || row.values.iter().any(|(v, _)| v != NOT_GIVEN));
    rows
}

/// A reason's sign: for, against, or neither (a woman's other surname on
/// one PIN weighs nothing, and "+ Different surname" read as evidence for).
pub(crate) fn weight_sign(weight: f64) -> &'static str {
    if weight > 0.0 {
        "+ "
    } else if weight < 0.0 {
        "− "
    } else {
        "· "
    }
}

/// The reasons of one pair as a waterfall: each weight a bar from the running total.
fn waterfall(pair: &PairReport) -> Html {
    let scale = 6.0;
    let zero = 200.0;
    let mut running = 0.0;
    let height = 24 * (pair.reasons.len() + 1);
    html! {
            <svg class="waterfall" aria-hidden="true" viewBox={ format!("0 0 640 {height}") } width="100%"
    >
                { for pair.reasons.iter().enumerate().map(|(i, reason)| {
                    let from = running;
                    running += reason.weight;
                    let (x0, x1) = (zero + from.min(running) * scale, zero + from.max(running) * scale);
                    let y = i * 24;
                    html! {
                        <g>
                            <rect x={ format!("{:.1}", x0.max(0.0)) } y={ (y + 4).to_string() } height="16"
                                width={ format!("{:.1}", (x1 - x0).max(1.0)) }
                                class={ if reason.weight >= 0.0 { "bar-for" } else { "bar-against" } } />
                            <text x="4" y={ (y + 17).to_string() } class="chart-value">
                                { format!("{:+.1}", reason.weight) }
                            </text>
                        </g>
                    }
                }) }
                <text x="4" y={ (24 * pair.reasons.len() + 17).to_string() } class="chart-label">
                    { format!("= {:.1}", pair.score) }
                </text>
            </svg>
        }
}

/// What the status region last said.
#[derive(Clone, Copy, PartialEq)]
enum Said {
    Saved(Verdict),
    Undone,
}

fn verdict_label(verdict: Verdict) -> Word {
    match verdict {
        Verdict::SamePerson => Word::SamePerson,
        Verdict::DifferentPeople => Word::DifferentPeople,
        Verdict::Unsure => Word::Unsure,
    }
}

#[function_component(Review)]
pub fn review(props: &Props) -> Html {
    let lang = props.lang;
    let state = &props.state;
    let Some(loaded) = state.loaded.clone() else {
        return Html::default();
    };
    let queue = loaded.queue(state.filter);
    let decided = state
        .decisions
        .iter()
        .filter(|(_, d)| d.verdict.is_some())
        .filter_map(|(id, _)| loaded.cluster(id))
        .filter(|c| state.filter.is_none_or(|k| c.kind == k))
        .count();
    let current: Option<&ClusterReport> = queue.get(state.position).copied();
    let dispatch = props.on_action.clone();
    let draft = use_state(|| None::<(String, String)>);
    {
        let on_cluster = props.on_cluster.clone();
        // Asked again when the language changes: the reasons come in it.
        let wanted = current.map(|c| (c.cluster_id.clone(), c.record_ids.clone(), lang));
        use_effect_with(wanted, move |wanted| {
            if let Some((id, records, _)) = wanted {
                on_cluster.emit((id.clone(), records.clone()));
            }
        });
    }
    let detail = state
        .detail
        .clone()
        .filter(|d| current.is_some_and(|c| c.cluster_id == d.cluster_id));

    // "Saved: same person", said once per decision, and "Taken back" for
    // an undo (a status region): the counter never moves without a word.
    let saved = use_state(|| None::<Said>);
    let decide = {
        let dispatch = dispatch.clone();
        let saved = saved.clone();
        let id = current.map(|c| c.cluster_id.clone());
        Callback::from(move |verdict: Verdict| {
            if let Some(id) = &id {
                let stamp = super::state::Stamp {
                    by: crate::storage::clerk_name(),
                    at: crate::clock::now_to_the_minute(),
                };
                dispatch.emit(Action::Decide(id.clone(), verdict, stamp));
                saved.set(Some(Said::Saved(verdict)));
                // The review moves on: so does the keyboard focus.
                crate::dom::focus_later("cluster-heading".into());
            }
        })
    };
    // After a load, the keyboard starts at the first cluster.
    {
        let loaded_at = Rc::as_ptr(&loaded) as usize;
        use_effect_with(loaded_at, |_| {
            crate::dom::focus_later("cluster-heading".into());
        });
    }
    let undo = {
        let dispatch = dispatch.clone();
        let saved = saved.clone();
        Callback::from(move |()| {
            dispatch.emit(Action::Undo);
            saved.set(Some(Said::Undone));
        })
    };
    let on_key = {
        let undo = undo.clone();
        let decide = decide.clone();
        let dispatch = dispatch.clone();
        Callback::from(move |e: KeyboardEvent| {
            let typing = e
                .target()
                .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
                .is_some_and(|el| {
                    matches!(el.tag_name().as_str(), "TEXTAREA" | "INPUT" | "SELECT")
                });
            if typing || e.ctrl_key() || e.meta_key() || e.alt_key() {
                return;
            }
            // By the key's place, not its letter: a Kyrgyz or Russian layout
            // types ы, в, г where the shortcuts read S, D, U.
            match e.code().as_str() {
                "KeyS" => decide.emit(Verdict::SamePerson),
                "KeyD" => decide.emit(Verdict::DifferentPeople),
                "KeyU" => decide.emit(Verdict::Unsure),
                "KeyZ" => undo.emit(()),
                "KeyJ" => dispatch.emit(Action::Go(1)),
                "KeyK" => dispatch.emit(Action::Go(-1)),
                _ => return,
            }
            e.prevent_default();
        })
    };
    // The shortcuts work anywhere on the page but in a text field: the
    // listener is the document's, and calls this render's handler.
    let key_handler = use_mut_ref(Callback::<KeyboardEvent>::noop);
    *key_handler.borrow_mut() = on_key;
    use_effect_with((), move |_| {
        let document = web_sys::window().and_then(|w| w.document());
        let listener = Closure::<dyn Fn(KeyboardEvent)>::new(move |e: KeyboardEvent| {
            let handler = key_handler.borrow().clone();
            handler.emit(e)
        });
        if let Some(document) = &document {
            let _ = document
                .add_event_listener_with_callback("keydown", listener.as_ref().unchecked_ref());
        }
        move || {
            if let Some(document) = document {
                let _ = document.remove_event_listener_with_callback(
                    "keydown",
                    listener.as_ref().unchecked_ref(),
                );
            }
            drop(listener);
        }
    });
    let on_filter = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            let kind = Kind::from_code(&value);
            dispatch.emit(Action::Filter(kind))
        })
    };
    let on_hide = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: Event| {
            dispatch.emit(Action::HideScores(
                e.target_unchecked_into::<web_sys::HtmlInputElement>()
                    .checked(),
            ))
        })
    };
    let hide = state.hide_scores;

    let body = match current {
        None => html! { <p class="empty">{ word(Word::NothingToReview, lang) }</p> },
        Some(cluster) => {
            let records: Vec<&RecordView> = detail
                .iter()
                .flat_map(|d| cluster.record_ids.iter().filter_map(|id| d.records.get(id)))
                .collect();
            let line = words::line_word(loaded.report.summary.sheet.as_deref());
            let links: Vec<&PairReport> = detail.iter().flat_map(|d| d.pairs.iter()).collect();
            let rows = field_rows(&records, &links, line, lang);
            // One PIN, two people: who keeps the number, where the core can tell;
            // for a question on one PIN, who would keep it were they two people.
            let keeper =
                |a: &RecordView, b: &RecordView, today| match kgpin::person::who_keeps_shared_pin(
                    &[entry(a), entry(b)],
                    today,
                ) {
                    Some(0) => words::keeps_the_pin(&a.record_id, &b.record_id, lang),
                    Some(_) => words::keeps_the_pin(&b.record_id, &a.record_id, lang),
                    None => word(Word::SharedPinCentreDecides, lang).to_string(),
                };
            let keeps = match (cluster.kind, records.as_slice(), crate::clock::today()) {
                (Kind::PinSharedByDifferentPeople, &[a, b], Some(today)) => {
                    Some(keeper(a, b, today))
                }
                // The engine's reading of the PINs (equal once cleaned up),
                // as the shared-PIN export has it, not their text as typed.
                (Kind::PossibleSamePerson, &[a, b], Some(today))
                    if links.iter().any(|p| {
                        p.reasons
                            .iter()
                            .any(|r| r.code == kgpin::matching::Reason::PinEqual)
                    }) =>
                {
                    Some(format!(
                        "{} {}",
                        word(Word::IfDifferentPeople, lang),
                        words::after_colon(&keeper(a, b, today))
                    ))
                }
                _ => None,
            };
            let decision = state.decisions.get(&cluster.cluster_id);
            // A cluster of three or more can lose a record to someone else,
            // as long as two stay together.
            let apart_ids: Vec<&str> = records
                .iter()
                .map(|r| r.record_id.as_str())
                .filter(|id| decision.is_some_and(|d| d.apart.contains(*id)))
                .collect();
            // Said all different people: nothing to split off.
            let splittable = !kgpin_web_worker::is_pair_entry(cluster.kind)
                && records.len() >= 3
                && decision.and_then(|d| d.verdict) != Some(Verdict::DifferentPeople);
            let can_split_more = records.len() - apart_ids.len() > 2;
            let on_apart = {
                let dispatch = dispatch.clone();
                let id = cluster.cluster_id.clone();
                Callback::from(move |record: String| {
                    let stamp = super::state::Stamp {
                        by: crate::storage::clerk_name(),
                        at: crate::clock::now_to_the_minute(),
                    };
                    dispatch.emit(Action::Apart(id.clone(), record, stamp))
                })
            };
            // Records decided earlier, or in another entry now, to be someone
            // else than records that are not beside them here.
            let earlier: Vec<String> = records
                .iter()
                .filter_map(|r| {
                    let others = state.apart_elsewhere(cluster, &r.record_id);
                    let others: Vec<&str> = others.iter().map(String::as_str).collect();
                    (!others.is_empty()).then(|| words::earlier_apart(&r.record_id, &others, lang))
                })
                .collect();
            // A pair's record already in a cluster without the other: say which.
            let elsewhere: Vec<String> = state
                .clustered_elsewhere(cluster)
                .iter()
                .map(|(record, id, with)| {
                    let with: Vec<&str> = with.iter().map(String::as_str).collect();
                    words::clustered_elsewhere(record, id, &with, lang)
                })
                .collect();
            // What is typed stays a draft until the box is left, so a
            // re-render (a cluster's records arriving) never loses it.
            let on_comment_input = {
                let draft = draft.clone();
                let id = cluster.cluster_id.clone();
                Callback::from(move |e: InputEvent| {
                    let text = e.target_unchecked_into::<HtmlTextAreaElement>().value();
                    draft.set(Some((id.clone(), text)))
                })
            };
            let on_comment = {
                let dispatch = dispatch.clone();
                let draft = draft.clone();
                let id = cluster.cluster_id.clone();
                Callback::from(move |e: Event| {
                    let text = e.target_unchecked_into::<HtmlTextAreaElement>().value();
                    draft.set(None);
                    dispatch.emit(Action::Comment(id.clone(), text))
                })
            };
            let comment = match &*draft {
                Some((id, text)) if *id == cluster.cluster_id => text.clone(),
                _ => decision.map(|d| d.comment.clone()).unwrap_or_default(),
            };
            html! {
                <article class="cluster" aria-labelledby="cluster-heading" aria-busy={ detail.is_none().to_string() }>
                    <h3 id="cluster-heading" tabindex="-1">
                        { word(Word::Cluster, lang) }{ " " }{ &cluster.cluster_id }{ " · " }
                        { messages::kind(cluster.kind, lang) }
                        if !hide {
                            // A pair entry has one score; a cluster its weakest link.
                            { " · " }{ word(if kgpin_web_worker::is_pair_entry(cluster.kind) { Word::Score } else { Word::WeakestLink }, lang) }{ ": " }
                            { cluster.weakest_link.map(|w| format!("{w:.1}")).unwrap_or_default() }
                        }
                    </h3>
                    // Names alone, however rare, are weak evidence: namesakes
                    // abound. Not where dates a slip apart ask for the birth
                    // certificate: the names were strong enough to link, and
                    // the date is what is in doubt (the advice below says so).
                    if !links.is_empty() && links.iter().all(|p| p.on_names_only()) && !date_in_doubt(&links) {
                        <p class="weak-evidence" id="weak-evidence">{ word(Word::WeakEvidence, lang) }</p>
                    }
                    // A pair of the review band says what would settle it,
                    // then what follows for one PIN if they are two people.
                    if let Some(settle) = links.iter().find_map(|p| p.settle.as_ref()) {
                        <p class="settle" id="settle">{ settle.message.as_ref() }</p>
                    }
                    if let Some(keeps) = keeps {
                        <p class="settle" id="keeps">{ keeps }</p>
                    }
                    { for elsewhere.iter().map(|note| html! { <p class="settle clustered-elsewhere">{ note }</p> }) }
                    { for earlier.iter().map(|note| html! { <p class="settle earlier-apart">{ note }</p> }) }
                    <p id="apart-note" class="settle" role="status">
                        if !apart_ids.is_empty() { { words::apart_note(&apart_ids, lang) } }
                    </p>
                    { table_scroll(format!("{} {}", word(Word::Cluster, lang), cluster.cluster_id), html! {
                        <table class="side-by-side">
                            <thead><tr>
                                <th scope="col">{ word(Word::Field, lang) }</th>
                                { for records.iter().map(|r| {
                                    let apart = apart_ids.contains(&r.record_id.as_str());
                                    let on_apart = on_apart.clone();
                                    let id = r.record_id.clone();
                                    html! {
                                        <th scope="col" class={ classes!(apart.then_some("apart")) }>
                                            { &r.record_id }
                                            if splittable {
                                                <button type="button" class="apart-toggle secondary" data-record={ r.record_id.clone() }
                                                    aria-pressed={ apart.to_string() } disabled={ !apart && !can_split_more }
                                                    onclick={ move |_| on_apart.emit(id.clone()) }>
                                                    { word(Word::NotThisPerson, lang) }
                                                </button>
                                            }
                                        </th>
                                    }
                                }) }
                            </tr></thead>
                            <tbody>
                                { for rows.iter().map(|row| {
                                    html! {
                                        <tr>
                                            <th scope="row">{ row.name }</th>
                                            { for row.values.iter().enumerate().map(|(i, (value, disagrees))| {
                                                let against = row.against(i, value);
                                                let differs = against == Against::Differs;
                                                let apart = records.get(i).is_some_and(|r| apart_ids.contains(&r.record_id.as_str()));
                                                html! {
                                                    <td class={ classes!(differs.then_some("differs"), disagrees.then_some("disagrees"), apart.then_some("apart")) }>
                                                        { value }
                                                        if differs { <span class="marker">{ " ≠ " }{ word(Word::Differs, lang) }</span> }
                                                        if against == Against::Missing { <span class="marker">{ " · " }{ word(Word::Missing, lang) }</span> }
                                                        if against == Against::SpelledOtherwise { <span class="marker">{ " ≈ " }{ word(Word::SpelledOtherwise, lang) }</span> }
                                                        if against == Against::NamesFather { <span class="marker">{ " · " }{ word(Word::SurnameNamesFather, lang) }</span> }
                                                        if *disagrees { <span class="marker">{ " ⚠ " }{ word(Word::DisagreesWithRecord, lang) }</span> }
                                                    </td>
                                                }
                                            }) }
                                        </tr>
                                    }
                                }) }
                            </tbody>
                        </table>
                    }) }
                    <h4>{ word(Word::Links, lang) }</h4>
                    <ul class="links">
                        { for links.iter().map(|p| html! {
                            <li>
                                <p>
                                    <strong>{ &p.record_id_a }{ " — " }{ &p.record_id_b }</strong>
                                    if !hide { { format!(" · {} {:.1}", word(Word::Score, lang), p.score) } }
                                </p>
                                <ul class="reasons">
                                    { for p.reasons.iter().map(|r| html! {
                                        <li class={ if r.weight >= 0.0 { "reason-for" } else { "reason-against" } }>
                                            { weight_sign(r.weight) }{ &r.message }
                                            if !hide { { format!(" ({:+.1})", r.weight) } }
                                        </li>
                                    }) }
                                </ul>
                                if !hide { { waterfall(p) } }
                            </li>
                        }) }
                    </ul>
                    <div class="decision" role="group" aria-label={ word(Word::Review, lang) }>
                        { for [Verdict::SamePerson, Verdict::DifferentPeople, Verdict::Unsure].into_iter().map(|v| {
                            let decide = decide.clone();
                            let key = match v { Verdict::SamePerson => "S", Verdict::DifferentPeople => "D", Verdict::Unsure => "U" };
                            html! {
                                <button type="button" id={ format!("decide-{}", v.code()) }
                                    aria-pressed={ (decision.and_then(|d| d.verdict) == Some(v)).to_string() }
                                    aria-keyshortcuts={ key }
                                    onclick={ move |_| decide.emit(v) }>
                                    { word(verdict_label(v), lang) }{ format!(" ({key})") }
                                </button>
                            }
                        }) }
                    </div>
                    <label class="field">
                        <span>{ word(Word::Comment, lang) }</span>
                        <textarea id="comment" rows="2" value={ comment }
                            oninput={ on_comment_input } onchange={ on_comment } />
                    </label>
                </article>
            }
        }
    };

    let start = state.position.saturating_sub(QUEUE_WINDOW / 2);
    html! {
        <section class="review" aria-labelledby="review-heading">
            <h2 id="review-heading">{ word(Word::Review, lang) }</h2>
            <p id="review-counter" aria-live="polite">
                { messages::reviewed(decided, queue.len(), lang) }
            </p>
            // Earlier "different people" decisions took clusters out of the
            // queue: said, so a shorter queue is never a mystery.
            if loaded.carried_over.different_people > 0 {
                <p id="kept-apart" class="hint">{ words::kept_apart(loaded.carried_over.different_people, lang) }</p>
            }
            <p id="decision-status" role="status" class="visually-hidden">
                { match *saved {
                    Some(Said::Saved(v)) => format!("{}: {}", word(Word::Saved, lang), word(verdict_label(v), lang)),
                    Some(Said::Undone) => word(Word::Undone, lang).to_string(),
                    None => String::new(),
                } }
            </p>
            <div class="review-tools">
                <label class="field">
                    <span>{ word(Word::Kind, lang) }</span>
                    <select id="kind-filter" onchange={ on_filter }>
                        <option value="" selected={ state.filter.is_none() }>{ word(Word::AllKinds, lang) }</option>
                        { for [Kind::SamePersonMultiplePins, Kind::RepeatedRecord, Kind::PinSharedByDifferentPeople, Kind::PossibleSamePerson].into_iter().map(|k| html! {
                            <option value={ k.code() } selected={ state.filter == Some(k) }>{ messages::kind(k, lang) }</option>
                        }) }
                    </select>
                </label>
                <label class="check">
                    <input id="hide-scores" type="checkbox" checked={ hide } onchange={ on_hide } />
                    { word(Word::HideScores, lang) }
                </label>
            </div>
            <p class="shortcuts">{ word(Word::Shortcuts, lang) }</p>
            <div class="review-layout">
                <ol class="queue" start={ (start + 1).to_string() }>
                    { for queue.iter().enumerate().skip(start).take(QUEUE_WINDOW).map(|(i, c)| {
                        let dispatch = dispatch.clone();
                        let step = i as isize - state.position as isize;
                        let verdict = state.decisions.get(&c.cluster_id).and_then(|d| d.verdict).map(|v| word(verdict_label(v), lang));
                        html! {
                            <li>
                                <button type="button" class="link" aria-current={ (i == state.position).then_some("true") }
                                    onclick={ move |_| dispatch.emit(Action::Go(step)) }>
                                    { &c.cluster_id }{ format!(" ({})", c.record_ids.len()) }
                                    { verdict.map(|v| format!(" — {v}")).unwrap_or_default() }
                                </button>
                            </li>
                        }
                    }) }
                </ol>
                <div class="review-main">
                    { body }
                    <div class="review-nav">
                        <button type="button" id="previous" class="secondary" onclick={ { let d = dispatch.clone(); move |_| d.emit(Action::Go(-1)) } }>{ word(Word::Previous, lang) }{ " (K)" }</button>
                        <button type="button" id="undo" class="secondary" disabled={ state.history.is_empty() } onclick={ undo.reform(|_| ()) }>{ word(Word::Undo, lang) }{ " (Z)" }</button>
                        <button type="button" id="next" class="secondary" onclick={ { let d = dispatch.clone(); move |_| d.emit(Action::Go(1)) } }>{ word(Word::Next, lang) }{ " (J)" }</button>
                    </div>
                </div>
            </div>
        </section>
    }
}

/// A record as the core's person rules read it.
fn entry(r: &RecordView) -> kgpin::person::RegistryEntry<'_> {
    kgpin::person::RegistryEntry {
        pin: &r.pin,
        source: &r.source,
        sex: r.sex,
        birth_date: r.birth_date,
    }
}

/// Whether the card is one pair asking for the birth certificate over dates
/// it compared (each in its own PIN, a slip apart): a cluster's card, or a
/// pair cut between clusters without a date compared, keeps the warning.
fn date_in_doubt(links: &[&PairReport]) -> bool {
    matches!(links, [pair] if pair.settle.as_ref().map(|s| s.code) == Some(Settle::BirthCertificate)
        && pair.reasons.iter().any(|r| r.code.compares_date_or_pin()))
}
