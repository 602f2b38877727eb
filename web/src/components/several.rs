//! "I have several numbers": the citizen gives their details and each PIN
//! with the document it came from; checks the answers; gets a printable
//! summary of which number to keep, which to correct, and what to do next.
//! The answers stay in this page's memory unless the citizen asks to keep
//! them on this device: never in the address, the title or storage otherwise.

use kgpin::messages::{self, label, local_date, sex_name, Label};
use kgpin::person::{check_person_pins, Document, Holder, PersonPinsReport, PinRole};
use kgpin::{Date, Lang, Sex};
use serde::{Deserialize, Serialize};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::clock;
use crate::components::report_view::{grouped, ReportView};
use crate::storage;

const DOCUMENTS: [Document; 5] = [
    Document::Passport,
    Document::Tax,
    Document::SocialFund,
    Document::BirthCertificate,
    Document::Other,
];

const KEPT_KEY: &str = "kgpin.citizen";

/// One number and the document it came from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct PinRow {
    /// A stable id for the row's fields (rows may be removed).
    id: u32,
    pin: String,
    document: Document,
}

/// Everything the citizen typed, kept as typed.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
struct Answers {
    last_name: String,
    first_name: String,
    patronymic: String,
    sex: Option<Sex>,
    /// `YYYY-MM-DD` from the date input, or empty.
    birth_date: String,
    pins: Vec<PinRow>,
    next_id: u32,
    /// Where the citizen is: never kept.
    #[serde(skip)]
    step: Step,
    /// The errors of the last "Continue", as (field id, message).
    #[serde(skip)]
    errors: Vec<(String, Label)>,
    /// Counts "Continue" presses, so each one moves the focus again.
    #[serde(skip)]
    attempts: u32,
}

impl Answers {
    fn fresh() -> Self {
        Answers {
            pins: vec![PinRow {
                id: 0,
                pin: String::new(),
                document: Document::Passport,
            }],
            next_id: 1,
            ..Answers::default()
        }
    }

    /// What is missing or wrong, as (field id, message label): the error summary.
    fn errors(&self) -> Vec<(String, Label)> {
        let mut errors = Vec::new();
        if self.last_name.trim().is_empty() {
            errors.push(("p-last-name".into(), Label::EnterLastName));
        }
        if self.first_name.trim().is_empty() {
            errors.push(("p-first-name".into(), Label::EnterFirstName));
        }
        if self.sex.is_none() {
            errors.push(("p-sex-F".into(), Label::ChooseSex));
        }
        if self.birth_date.parse::<Date>().is_err() {
            errors.push(("p-birth-date".into(), Label::EnterBirthDate));
        }
        for row in &self.pins {
            if row.pin.trim().is_empty() {
                errors.push((format!("p-pin-{}", row.id), Label::EnterPin));
            }
        }
        errors
    }

    fn report(&self, lang: Lang) -> Option<(Date, PersonPinsReport)> {
        let today = clock::today()?;
        let holder = Holder {
            last_name: self.last_name.trim().into(),
            first_name: self.first_name.trim().into(),
            patronymic: self.patronymic.trim().into(),
            sex: self.sex,
            birth_date: self.birth_date.parse().ok(),
        };
        let pins: Vec<(String, Document)> = self
            .pins
            .iter()
            .map(|r| (r.pin.clone(), r.document))
            .collect();
        Some((today, check_person_pins(&holder, &pins, today, lang)))
    }

    fn full_name(&self) -> String {
        [&self.last_name, &self.first_name, &self.patronymic]
            .iter()
            .map(|s| s.trim())
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// A change to the answers. A reducer applies each to the current answers, so
/// two quick changes (a field left by choosing the next) never undo each other.
enum Edit {
    LastName(String),
    FirstName(String),
    Patronymic(String),
    Sex(Sex),
    BirthDate(String),
    Pin(u32, String),
    Document(u32, Document),
    Add,
    Remove(u32),
    Reset,
    /// "Continue": check the answers as they are now, then on or to the errors.
    Continue,
    /// Go to a step.
    Go(Step),
}

impl Reducible for Answers {
    type Action = Edit;

    fn reduce(self: std::rc::Rc<Self>, edit: Edit) -> std::rc::Rc<Self> {
        let mut next = std::rc::Rc::unwrap_or_clone(self);
        match edit {
            Edit::LastName(v) => next.last_name = v,
            Edit::FirstName(v) => next.first_name = v,
            Edit::Patronymic(v) => next.patronymic = v,
            Edit::Sex(v) => next.sex = Some(v),
            Edit::BirthDate(v) => next.birth_date = v,
            Edit::Pin(id, v) => {
                if let Some(row) = next.pins.iter_mut().find(|r| r.id == id) {
                    row.pin = v;
                }
            }
            Edit::Document(id, d) => {
                if let Some(row) = next.pins.iter_mut().find(|r| r.id == id) {
                    row.document = d;
                }
            }
            Edit::Add => {
                let id = next.next_id;
                next.next_id += 1;
                next.pins.push(PinRow {
                    id,
                    pin: String::new(),
                    document: Document::Tax,
                });
            }
            Edit::Remove(id) => next.pins.retain(|r| r.id != id),
            Edit::Reset => next = Answers::fresh(),
            Edit::Continue => {
                next.errors = next.errors();
                next.attempts += 1;
                if next.errors.is_empty() {
                    next.step = Step::Review;
                }
            }
            Edit::Go(step) => next.step = step,
        }
        std::rc::Rc::new(next)
    }
}

fn kept_answers() -> Option<Answers> {
    let text = storage::item(KEPT_KEY)?;
    let value = js_sys::JSON::parse(&text).ok()?;
    serde_wasm_bindgen::from_value(value).ok()
}

fn keep_answers(answers: &Answers) -> bool {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    let Ok(value) = answers.serialize(&serializer) else {
        return false;
    };
    let Some(text) = js_sys::JSON::stringify(&value)
        .ok()
        .and_then(|t| t.as_string())
    else {
        return false;
    };
    storage::set_item(KEPT_KEY, &text)
}

fn forget_answers() {
    storage::remove_item(KEPT_KEY);
}

/// Moves the keyboard focus to an element, after the page has drawn it.
fn focus_later(id: String) {
    yew::platform::spawn_local(async move { crate::dom::focus(&id) });
}

#[derive(Debug, Clone, Copy, PartialEq, Default)]
enum Step {
    #[default]
    Form,
    Review,
    Result,
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    /// Tells the frame that the form has errors (for the "Error:" title).
    pub on_error_state: Callback<bool>,
}

fn document_name(document: Document, lang: Lang) -> &'static str {
    messages::document(document, lang)
}

#[function_component(Several)]
pub fn several(props: &Props) -> Html {
    let lang = props.lang;
    let answers = use_reducer(|| kept_answers().unwrap_or_else(Answers::fresh));
    let step = answers.step;
    let kept = use_state(|| kept_answers().is_some());

    // Every keystroke goes into the answers: a re-render never finds a field
    // whose text the state has not seen.
    let update = |edit: fn(String) -> Edit| {
        let dispatch = answers.dispatcher();
        Callback::from(move |e: InputEvent| {
            dispatch.dispatch(edit(e.target_unchecked_into::<HtmlInputElement>().value()))
        })
    };
    let on_last = update(Edit::LastName);
    let on_first = update(Edit::FirstName);
    let on_patronymic = update(Edit::Patronymic);
    let on_birth = update(Edit::BirthDate);
    let on_sex = {
        let dispatch = answers.dispatcher();
        Callback::from(move |sex: Sex| dispatch.dispatch(Edit::Sex(sex)))
    };
    let on_add = {
        let dispatch = answers.dispatcher();
        let id = answers.next_id;
        Callback::from(move |_: MouseEvent| {
            dispatch.dispatch(Edit::Add);
            focus_later(format!("p-pin-{id}"));
        })
    };
    let on_continue = {
        let dispatch = answers.dispatcher();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            dispatch.dispatch(Edit::Continue)
        })
    };
    // After each "Continue": the focus to the error summary, or to the answers.
    {
        let on_error_state = props.on_error_state.clone();
        let has_errors = !answers.errors.is_empty() && step == Step::Form;
        use_effect_with(
            (answers.attempts, has_errors),
            move |&(attempts, has_errors)| {
                on_error_state.emit(has_errors);
                if attempts > 0 {
                    focus_later(
                        if has_errors {
                            "error-summary"
                        } else {
                            "check-heading"
                        }
                        .into(),
                    );
                }
            },
        );
    }
    let go = |to: Step, focus: String| {
        let dispatch = answers.dispatcher();
        Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            dispatch.dispatch(Edit::Go(to));
            focus_later(focus.clone());
        })
    };

    let body = match step {
        Step::Form => {
            let errors = &answers.errors;
            let error_for = |id: &str| errors.iter().find(|(f, _)| f == id).map(|(_, l)| *l);
            let field_error = |id: &str| {
                error_for(id).map(|l| {
                    html! { <span class="field-error" id={ format!("{id}-error") }>
                        <span class="visually-hidden">{ label(Label::ErrorPrefix, lang) }{ ": " }</span>{ label(l, lang) }
                    </span> }
                })
            };
            let described = |id: &str| error_for(id).map(|_| format!("{id}-error"));
            let text_input = |id: &'static str,
                              name: Label,
                              value: &str,
                              oninput: Callback<InputEvent>,
                              autocomplete: &'static str| {
                html! {
                    <div class={ classes!("field", error_for(id).map(|_| "field-with-error")) }>
                        <label for={ id }>{ label(name, lang) }</label>
                        { field_error(id).unwrap_or_default() }
                        <input id={ id } type="text" value={ value.to_string() } { oninput } autocomplete={ autocomplete }
                            aria-describedby={ described(id) } aria-invalid={ error_for(id).map(|_| "true") } />
                    </div>
                }
            };
            html! {
                <form novalidate=true onsubmit={ on_continue }>
                    if !errors.is_empty() {
                        <div id="error-summary" class="error-summary" role="alert" tabindex="-1" aria-labelledby="error-summary-title">
                            <h2 id="error-summary-title">{ label(Label::ThereIsAProblem, lang) }</h2>
                            <ul>
                                { for errors.iter().map(|(id, l)| html! {
                                    <li><a href={ format!("#{id}") } onclick={ { let id = id.clone(); move |e: MouseEvent| { e.prevent_default(); focus_later(id.clone()); } } }>{ label(*l, lang) }</a></li>
                                }) }
                            </ul>
                        </div>
                    }
                    <h2>{ label(Label::YourDetails, lang) }</h2>
                    { text_input("p-last-name", Label::LastName, &answers.last_name, on_last, "family-name") }
                    { text_input("p-first-name", Label::FirstName, &answers.first_name, on_first, "given-name") }
                    { text_input("p-patronymic", Label::Patronymic, &answers.patronymic, on_patronymic, "additional-name") }
                    <fieldset class={ classes!("field", error_for("p-sex-F").map(|_| "field-with-error")) }
                        aria-describedby={ described("p-sex-F") }>
                        <legend>{ label(Label::Sex, lang) }</legend>
                        { field_error("p-sex-F").unwrap_or_default() }
                        <div class="radios">
                            { for [Sex::Female, Sex::Male].into_iter().map(|s| {
                                let on_sex = on_sex.clone();
                                let id = format!("p-sex-{}", s.code());
                                html! {
                                    <label class="check" for={ id.clone() }>
                                        <input type="radio" name="p-sex" id={ id } value={ s.code() }
                                            checked={ answers.sex == Some(s) } onchange={ move |_| on_sex.emit(s) } />
                                        { sex_name(s, lang) }
                                    </label>
                                }
                            }) }
                        </div>
                    </fieldset>
                    <div class={ classes!("field", error_for("p-birth-date").map(|_| "field-with-error")) }>
                        <label for="p-birth-date">{ label(Label::BirthDate, lang) }</label>
                        { field_error("p-birth-date").unwrap_or_default() }
                        <input id="p-birth-date" type="date" value={ answers.birth_date.clone() } oninput={ on_birth }
                            autocomplete="bday" aria-describedby={ described("p-birth-date") }
                            aria-invalid={ error_for("p-birth-date").map(|_| "true") } />
                    </div>
                    <h2>{ label(Label::YourNumbers, lang) }</h2>
                    <ol class="pin-rows">
                        { for answers.pins.iter().enumerate().map(|(i, row)| {
                            let id = format!("p-pin-{}", row.id);
                            let doc_id = format!("p-doc-{}", row.id);
                            let row_id = row.id;
                            let on_pin = {
                                let dispatch = answers.dispatcher();
                                Callback::from(move |e: InputEvent| {
                                    let value = e.target_unchecked_into::<HtmlInputElement>().value();
                                    dispatch.dispatch(Edit::Pin(row_id, value))
                                })
                            };
                            let on_doc = {
                                let dispatch = answers.dispatcher();
                                Callback::from(move |e: Event| {
                                    let value = e.target_unchecked_into::<HtmlSelectElement>().value();
                                    if let Some(d) = DOCUMENTS.into_iter().find(|d| d.code() == value) {
                                        dispatch.dispatch(Edit::Document(row_id, d))
                                    }
                                })
                            };
                            let on_remove = {
                                let dispatch = answers.dispatcher();
                                Callback::from(move |_: MouseEvent| {
                                    dispatch.dispatch(Edit::Remove(row_id));
                                    focus_later("p-add".into());
                                })
                            };
                            html! {
                                <li class="pin-row">
                                    <div class={ classes!("field", error_for(&id).map(|_| "field-with-error")) }>
                                        <label for={ id.clone() }>{ format!("{} {}", label(Label::Number, lang), i + 1) }</label>
                                        { field_error(&id).unwrap_or_default() }
                                        <input id={ id.clone() } class="pin-input" type="text" inputmode="numeric" autocomplete="off"
                                            spellcheck="false" maxlength="40" placeholder={ label(Label::PinPlaceholder, lang) }
                                            value={ row.pin.clone() } oninput={ on_pin }
                                            aria-describedby={ described(&id) } aria-invalid={ error_for(&id).map(|_| "true") } />
                                    </div>
                                    <div class="field">
                                        <label for={ doc_id.clone() }>{ label(Label::Document, lang) }</label>
                                        <select id={ doc_id } onchange={ on_doc }>
                                            { for DOCUMENTS.iter().map(|&d| html! {
                                                <option value={ d.code() } selected={ row.document == d }>{ document_name(d, lang) }</option>
                                            }) }
                                        </select>
                                    </div>
                                    if answers.pins.len() > 1 {
                                        <button type="button" class="secondary remove" onclick={ on_remove }>
                                            { label(Label::RemoveNumber, lang) }
                                            <span class="visually-hidden">{ format!(" {} {}", label(Label::Number, lang), i + 1) }</span>
                                        </button>
                                    }
                                </li>
                            }
                        }) }
                    </ol>
                    <div class="review-nav">
                        <button type="button" id="p-add" class="secondary" onclick={ on_add }>{ label(Label::AddNumber, lang) }</button>
                        <button type="submit" id="p-continue">{ label(Label::Continue, lang) }</button>
                    </div>
                </form>
            }
        }
        Step::Review => {
            let change = |focus: String| go(Step::Form, focus);
            let row = |name: String, value: String, focus: String| {
                html! {
                    <div class="summary-row">
                        <dt>{ name.clone() }</dt>
                        <dd>{ value }</dd>
                        <dd class="change"><a href="#" onclick={ change(focus) }>
                            { label(Label::Change, lang) }<span class="visually-hidden">{ format!(" {name}") }</span>
                        </a></dd>
                    </div>
                }
            };
            html! {
                <>
                <h2 id="check-heading" tabindex="-1">{ label(Label::CheckAnswers, lang) }</h2>
                <dl class="check-answers">
                    { row(label(Label::Name, lang).into(), answers.full_name(), "p-last-name".into()) }
                    { row(label(Label::Sex, lang).into(), answers.sex.map(|s| sex_name(s, lang).to_string()).unwrap_or_default(), "p-sex-F".into()) }
                    { row(label(Label::BirthDate, lang).into(), answers.birth_date.parse::<Date>().map(local_date).unwrap_or_default(), "p-birth-date".into()) }
                    { for answers.pins.iter().enumerate().map(|(i, r)| {
                        let shown = kgpin::pin::pin_digits(&r.pin).map(|d| grouped(&d)).unwrap_or_else(|| r.pin.clone());
                        row(format!("{} {} · {}", label(Label::Number, lang), i + 1, document_name(r.document, lang)), shown, format!("p-pin-{}", r.id))
                    }) }
                </dl>
                <div class="review-nav">
                    <button type="button" id="p-see-result" onclick={ go(Step::Result, "result-heading".into()) }>{ label(Label::SeeResult, lang) }</button>
                </div>
                </>
            }
        }
        Step::Result => match answers.report(lang) {
            None => Html::default(),
            Some((today, report)) => {
                let on_keep = {
                    let answers = answers.clone();
                    let kept = kept.clone();
                    Callback::from(move |_: MouseEvent| kept.set(keep_answers(&answers)))
                };
                let on_forget = {
                    let kept = kept.clone();
                    Callback::from(move |_: MouseEvent| {
                        forget_answers();
                        kept.set(false)
                    })
                };
                // Starting again forgets everything, kept answers included: a shared phone.
                let on_again = {
                    let dispatch = answers.dispatcher();
                    let kept = kept.clone();
                    Callback::from(move |_: MouseEvent| {
                        forget_answers();
                        kept.set(false);
                        dispatch.dispatch(Edit::Reset);
                        focus_later("p-last-name".into());
                    })
                };
                let on_print = Callback::from(|_: MouseEvent| {
                    if let Some(window) = web_sys::window() {
                        let _ = window.print();
                    }
                });
                html! {
                    <div class="result">
                        <h2 id="result-heading" tabindex="-1">{ label(Label::Result, lang) }</h2>
                        <dl class="check-answers">
                            <div class="summary-row"><dt>{ label(Label::Name, lang) }</dt><dd id="r-name">{ answers.full_name() }</dd></div>
                            <div class="summary-row"><dt>{ label(Label::Sex, lang) }</dt><dd>{ answers.sex.map(|s| sex_name(s, lang)).unwrap_or_default() }</dd></div>
                            <div class="summary-row"><dt>{ label(Label::BirthDate, lang) }</dt><dd>{ answers.birth_date.parse::<Date>().map(local_date).unwrap_or_default() }</dd></div>
                            <div class="summary-row"><dt>{ label(Label::CheckedOn, lang) }</dt><dd id="r-date">{ local_date(today) }</dd></div>
                        </dl>
                        // The answer first: which number stays, which to correct.
                        <div class="in-short" id="r-short">
                            <h3>{ label(Label::InShort, lang) }</h3>
                            <dl>
                                { for [
                                    (Label::VerdictKeep, &[PinRole::Keep][..]),
                                    (Label::VerdictCorrect, &[PinRole::Duplicate, PinRole::WrongDate][..]),
                                    (Label::VerdictCheck, &[PinRole::OtherPerson][..]),
                                    (Label::VerdictRetype, &[PinRole::Invalid][..]),
                                ].into_iter().filter_map(|(name, roles)| {
                                    let numbers: Vec<String> = report.pins.iter().enumerate()
                                        .filter(|(_, p)| roles.contains(&p.role))
                                        .map(|(i, p)| format!("№{} {} ({})", i + 1,
                                            p.check.pin.as_deref().map(grouped).unwrap_or_else(|| p.check.input.clone()),
                                            document_name(p.document, lang)))
                                        .collect();
                                    (!numbers.is_empty()).then(|| html! {
                                        <div class="summary-row"><dt>{ label(name, lang) }</dt><dd>{ numbers.join("; ") }</dd></div>
                                    })
                                }) }
                            </dl>
                        </div>
                        if !report.findings.is_empty() {
                            <h3>{ label(Label::WhatTheyShow, lang) }</h3>
                            <ul id="r-findings" class="person-findings">
                                { for report.findings.iter().map(|f| html! {
                                    <li data-code={ f.finding.code() }>{ &f.message }</li>
                                }) }
                            </ul>
                        }
                        <ol class="pin-results">
                            { for report.pins.iter().enumerate().map(|(i, entry)| {
                                let class = match entry.role {
                                    PinRole::Keep => "role keep",
                                    PinRole::Repeated | PinRole::Unchecked => "role neutral",
                                    _ => "role fix",
                                };
                                html! {
                                    <li class="pin-result" data-role={ entry.role.code() }>
                                        <h3>{ format!("{} {} · {}", label(Label::Number, lang), i + 1, document_name(entry.document, lang)) }</h3>
                                        <p class="pin-digits">{ entry.check.pin.as_deref().map(grouped).unwrap_or_else(|| entry.check.input.clone()) }</p>
                                        <p class={ class }><strong>{ &entry.role_message }</strong></p>
                                        <ReportView report={ entry.check.clone() } {lang} heading="h4" />
                                    </li>
                                }
                            }) }
                        </ol>
                        <h3>{ label(Label::NextSteps, lang) }</h3>
                        <ul id="r-next">
                            { for report.next_steps.iter().map(|s| html! { <li>{ s }</li> }) }
                        </ul>
                        <p class="privacy">{ label(Label::NothingSent, lang) }</p>
                        <div class="signature">
                            <span>{ label(Label::Signature, lang) }</span>
                            <span class="signature-line"></span>
                        </div>
                        <div class="review-nav no-print">
                            <button type="button" id="p-print" onclick={ on_print }>{ label(Label::Print, lang) }</button>
                            <button type="button" class="secondary" onclick={ go(Step::Review, "check-heading".into()) }>{ label(Label::CheckAnswers, lang) }</button>
                            if *kept {
                                <button type="button" id="p-forget" class="secondary" onclick={ on_forget }>{ label(Label::ForgetOnDevice, lang) }</button>
                            } else {
                                <button type="button" id="p-keep" class="secondary" onclick={ on_keep }>{ label(Label::KeepOnDevice, lang) }</button>
                            }
                            <button type="button" id="p-again" class="secondary" onclick={ on_again }>{ label(Label::StartAgain, lang) }</button>
                        </div>
                        if *kept { <p class="no-print" role="status">{ label(Label::KeptOnDevice, lang) }</p> }
                    </div>
                }
            }
        },
    };
    html! {
        <section class="several">
            <h1>{ label(Label::SeveralTitle, lang) }</h1>
            <p class="tagline no-print">{ label(Label::SeveralIntro, lang) }</p>
            { body }
        </section>
    }
}
