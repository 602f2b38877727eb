//! Before a new request is filed: the records in the loaded registry that may
//! be this person, ranked, with their reasons (the engine's query index).

use crate::clerk::words::{word, Word};
use crate::i18n::{label, Label};
use kgpin::matching::Person;
use kgpin::messages::{self, local_date, report_label, ReportLabel};
use kgpin::report::CandidateReport;
use kgpin::{Lang, Sex};
use kgpin_web_worker::RecordView;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::clock;
use crate::components::date_input::{date_input, problem_label, DateField, DateParts, DateProblem};
use crate::components::sex_select::sex_select;

/// The answer to the last query.
#[derive(Debug, Clone, PartialEq)]
pub enum QueryResult {
    /// Candidates, best first, with their records and the query's time.
    Found {
        /// Candidates, best first.
        candidates: Vec<CandidateReport>,
        /// Their records.
        records: Vec<RecordView>,
        /// Milliseconds in the worker.
        millis: f64,
    },
    /// The query failed.
    Failed(String),
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    /// Asks for the candidates of a person.
    pub on_query: Callback<Person>,
    pub result: Option<QueryResult>,
}

fn value(id: &str) -> String {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| wasm_bindgen::JsCast::dyn_into::<HtmlInputElement>(e).ok())
        .map(|i| i.value())
        .unwrap_or_default()
}

#[function_component(PreCheck)]
pub fn pre_check(props: &Props) -> Html {
    let lang = props.lang;
    let sex = use_state(|| None::<Sex>);
    let on_sex = {
        let sex = sex.clone();
        Callback::from(move |value: Option<Sex>| sex.set(value))
    };
    // The date as people write it (day, month, year), never the locale's picker.
    let birth_date = use_state(DateParts::default);
    let on_birth_date = {
        let birth_date = birth_date.clone();
        Callback::from(move |parts: DateParts| birth_date.set(parts))
    };
    let today = clock::today();
    // Optional: nothing typed searches without it; a date that is not one is said.
    let date = today.map(|t| birth_date.any_date(t));
    let date_error = match date {
        Some(Err(problem)) if problem != DateProblem::Missing => {
            Some(AttrValue::from(label(problem_label(problem), lang)))
        }
        _ => None,
    };
    let invalid = use_state(|| false);
    // Whether the last search had neither a birth date nor a PIN: all it
    // found agrees on names alone, which a crowd of namesakes does.
    let by_names_only = use_state(|| false);
    let on_submit = {
        let on_query = props.on_query.clone();
        let sex = *sex;
        let invalid = invalid.clone();
        let by_names_only = by_names_only.clone();
        let born = date.and_then(Result::ok);
        let date_wrong = date_error.is_some();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let person = Person {
                last_name: value("q-last-name"),
                first_name: value("q-first-name"),
                patronymic: Some(value("q-patronymic")).filter(|p| !p.trim().is_empty()),
                birth_date: born,
                sex,
                pins: value("q-pins")
                    .split([',', ';'])
                    .map(|p| p.trim().to_string())
                    .filter(|p| !p.is_empty())
                    .collect(),
            };
            // A search needs a name or a number to search by.
            let named = !person.last_name.trim().is_empty() && !person.first_name.trim().is_empty();
            invalid.set(!named && person.pins.is_empty());
            if (!named && person.pins.is_empty()) || date_wrong {
                return;
            }
            by_names_only.set(person.birth_date.is_none() && person.pins.is_empty());
            on_query.emit(person);
        })
    };
    let text_field = |id: &'static str, name: Label| {
        html! {
            <label class="field">
                <span>{ label(name, lang) }</span>
                <input id={ id } type="text" autocomplete="off" spellcheck="false" />
            </label>
        }
    };
    html! {
        <section class="precheck" aria-labelledby="precheck-heading">
            <h2 id="precheck-heading">{ word(Word::PreCheck, lang) }</h2>
            <form onsubmit={ on_submit }>
                <div class="field-row">
                    { text_field("q-last-name", Label::LastName) }
                    { text_field("q-first-name", Label::FirstName) }
                    { text_field("q-patronymic", Label::Patronymic) }
                </div>
                <div class="field-row">
                    { date_input(DateField { id: "q-birth-date", legend: report_label(ReportLabel::BirthDate, lang),
                        value: (*birth_date).clone(), on_change: on_birth_date, lang, error: date_error }) }
                    <label class="field">
                        <span>{ report_label(ReportLabel::Sex, lang) }</span>
                        { sex_select("q-sex", *sex, on_sex, lang) }
                    </label>
                    <label class="field">
                        <span>{ word(Word::Pins, lang) }</span>
                        <input id="q-pins" type="text" inputmode="numeric" autocomplete="off" spellcheck="false" />
                    </label>
                </div>
                if *invalid {
                    <p id="q-error" class="error-summary" role="alert">{ word(Word::EnterNameOrPin, lang) }</p>
                }
                <button type="submit" id="q-search">{ word(Word::Search, lang) }</button>
            </form>
            {
                match &props.result {
                    None => Html::default(),
                    Some(QueryResult::Failed(message)) => html! { <p class="error-summary" role="alert">{ message }</p> },
                    Some(QueryResult::Found { candidates, records, millis }) => html! {
                        <div id="q-result" aria-live="polite">
                            <p>{ format!("{}: {millis:.0} ms", word(Word::QueryTook, lang)) }</p>
                            if candidates.is_empty() {
                                <p class="empty">{ word(Word::NoCandidates, lang) }</p>
                            } else if *by_names_only {
                                <p class="weak-evidence" id="q-names-only">{ word(Word::SearchedByNamesOnly, lang) }</p>
                            }
                            <ol class="candidates">
                                { for candidates.iter().map(|c| {
                                    let record = records.iter().find(|r| r.record_id == c.record_id);
                                    html! {
                                        <li>
                                            <p>
                                                <strong>{ &c.record_id }</strong>
                                                { record.map(|r| format!(" · {} {} {} · {} · {}", r.last_name, r.first_name, r.patronymic,
                                                    r.birth_date.map(local_date).unwrap_or_default(), r.pin)).unwrap_or_default() }
                                                { format!(" · {} {:.1}", word(Word::Score, lang), c.score) }
                                                { c.kind.map(|k| format!(" · {}", messages::kind(k, lang))).unwrap_or_default() }
                                            </p>
                                            // A date or PIN typed, and this record has none
                                            // to compare: its names alone agree.
                                            if !*by_names_only && c.on_names_only() && !c.date_or_pin_disagrees() {
                                                <p class="weak-evidence">{ word(Word::CandidateOnNamesOnly, lang) }</p>
                                            }
                                            <ul class="reasons">
                                                { for c.reasons.iter().map(|r| html! {
                                                    <li>{ super::review::weight_sign(r.weight) }{ &r.message }</li>
                                                }) }
                                            </ul>
                                        </li>
                                    }
                                }) }
                            </ol>
                        </div>
                    },
                }
            }
        </section>
    }
}
