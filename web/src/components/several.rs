//! "I have several numbers": the citizen gives their details and each PIN
//! with the document it came from; checks the answers; gets a printable
//! summary of which number to keep, which to correct, and what to do next.
//! The answers stay in this page's memory unless the citizen asks to keep
//! them on this device: never in the address, the title or storage otherwise.

use crate::i18n::{label, Label};
use kgpin::messages::{self, local_date, report_label, sex_name, ReportLabel};
use kgpin::person::{Document, Holder, PersonFinding, PinRole};
use kgpin::pin::Stated;
use kgpin::report::{check_person_pins, PersonPinsReport};
use kgpin::PinError;
use kgpin::{Date, Lang, Sex};
use serde::{Deserialize, Serialize};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::clock;
use crate::components::date_input::{problem_label, DateInput, DateParts};
use crate::components::report_view::{grouped, ReportView};
use crate::i18n;
use crate::storage;

const KEPT_KEY: &str = "kgpin.citizen";

/// One number and the document it came from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct PinRow {
    /// A stable id for the row's fields (rows may be removed).
    id: u32,
    pin: String,
    document: Document,
}

/// A field of the form: where an error points and where the focus goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    LastName,
    FirstName,
    Sex,
    BirthDate,
    /// A number's row, by its stable id.
    Pin(u32),
    /// The "Add another number" button.
    AddNumber,
}

impl Field {
    /// The element's id in the page.
    fn id(self) -> String {
        match self {
            Field::LastName => "p-last-name".into(),
            Field::FirstName => "p-first-name".into(),
            Field::Sex => "p-sex-F".into(),
            Field::BirthDate => "p-birth-date-day".into(),
            Field::Pin(id) => format!("p-pin-{id}"),
            Field::AddNumber => "p-add".into(),
        }
    }
}

/// What is wrong with an answer: the error summary's lines.
#[derive(Debug, Clone, PartialEq)]
enum FormError {
    /// A required answer is missing or wrong: its message.
    Says(Label),
    /// A number is not a PIN as written (position in the list, 1-based).
    Pin { number: usize, error: PinError },
    /// A number repeats an earlier one.
    Repeats { number: usize, first: usize },
}

impl FormError {
    fn text(&self, lang: Lang) -> String {
        match self {
            FormError::Says(l) => label(*l, lang).into(),
            FormError::Pin { number, error } => {
                i18n::number_error(*number, &messages::pin_error(error, lang), lang)
            }
            FormError::Repeats { number, first } => i18n::number_repeats(*number, *first, lang),
        }
    }
}

/// Everything the citizen typed, kept as typed.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
struct Answers {
    last_name: String,
    first_name: String,
    patronymic: String,
    sex: Option<Sex>,
    birth_date: DateParts,
    pins: Vec<PinRow>,
    next_id: u32,
    /// Where the citizen is: never kept.
    #[serde(skip)]
    step: Step,
    /// The errors of the last "Continue".
    #[serde(skip)]
    errors: Vec<(Field, FormError)>,
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

    /// What is missing or wrong on `today`: the error summary, in the form's order.
    fn errors(&self, today: Date) -> Vec<(Field, FormError)> {
        let mut errors = Vec::new();
        if self.last_name.trim().is_empty() {
            errors.push((Field::LastName, FormError::Says(Label::EnterLastName)));
        }
        if self.first_name.trim().is_empty() {
            errors.push((Field::FirstName, FormError::Says(Label::EnterFirstName)));
        }
        if self.sex.is_none() {
            errors.push((Field::Sex, FormError::Says(Label::ChooseSex)));
        }
        if let Err(problem) = self.birth_date.date(today) {
            errors.push((Field::BirthDate, FormError::Says(problem_label(problem))));
        }
        let mut seen: Vec<(usize, String)> = Vec::new();
        for (i, row) in self.pins.iter().enumerate() {
            let (number, field) = (i + 1, Field::Pin(row.id));
            if row.pin.trim().is_empty() {
                errors.push((field, FormError::Says(Label::EnterPin)));
                continue;
            }
            let check = kgpin::pin::check(&row.pin, today, &Stated::default());
            if let Some(error) = check.errors.into_iter().next() {
                errors.push((field, FormError::Pin { number, error }));
            } else if let Some(digits) = check.digits.map(|d| d.to_string()) {
                match seen.iter().find(|(_, d)| *d == digits) {
                    Some(&(first, _)) => errors.push((field, FormError::Repeats { number, first })),
                    None => seen.push((number, digits)),
                }
            }
        }
        if self.pins.len() < 2 {
            errors.push((Field::AddNumber, FormError::Says(Label::AddOtherNumber)));
        }
        errors
    }

    fn holder(&self, today: Date) -> Holder {
        Holder {
            last_name: self.last_name.trim().into(),
            first_name: self.first_name.trim().into(),
            patronymic: self.patronymic.trim().into(),
            sex: self.sex,
            birth_date: self.birth_date.date(today).ok(),
        }
    }

    fn report(&self, lang: Lang) -> Option<(Date, PersonPinsReport)> {
        let today = clock::today()?;
        let pins: Vec<(String, Document)> = self
            .pins
            .iter()
            .map(|r| (r.pin.clone(), r.document))
            .collect();
        Some((
            today,
            check_person_pins(&self.holder(today), &pins, today, lang),
        ))
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
    BirthDate(DateParts),
    Pin(u32, String),
    Document(u32, Document),
    Add,
    Remove(u32),
    Reset,
    /// "Continue" on a day: check the answers as they are now, then on or to the errors.
    Continue(Date),
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
            Edit::Continue(today) => {
                next.errors = next.errors(today);
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
    let on_birth = {
        let dispatch = answers.dispatcher();
        Callback::from(move |parts: DateParts| dispatch.dispatch(Edit::BirthDate(parts)))
    };
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
            if let Some(today) = clock::today() {
                dispatch.dispatch(Edit::Continue(today))
            }
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
            let error_for = |field: Field| {
                errors
                    .iter()
                    .find(|(f, _)| *f == field)
                    .map(|(_, e)| e.text(lang))
            };
            let field_error = |field: Field| {
                error_for(field).map(|text| {
                    html! { <span class="field-error" id={ format!("{}-error", field.id()) }>
                        <span class="visually-hidden">{ label(Label::ErrorPrefix, lang) }{ ": " }</span>{ text }
                    </span> }
                })
            };
            let described =
                |field: Field| error_for(field).map(|_| format!("{}-error", field.id()));
            let invalid = |field: Field| error_for(field).map(|_| "true");
            let with_error = |field: Field| error_for(field).map(|_| "field-with-error");
            let text_input = |id: &'static str,
                              field: Option<Field>,
                              name: Label,
                              value: &str,
                              oninput: Callback<InputEvent>,
                              autocomplete: &'static str| {
                html! {
                    <div class={ classes!("field", field.and_then(with_error)) }>
                        <label for={ id }>{ label(name, lang) }</label>
                        { field.and_then(field_error).unwrap_or_default() }
                        <input id={ id } type="text" value={ value.to_string() } { oninput } autocomplete={ autocomplete }
                            aria-describedby={ field.and_then(described) } aria-invalid={ field.and_then(invalid) } />
                    </div>
                }
            };
            html! {
                <form novalidate=true onsubmit={ on_continue }>
                    if !errors.is_empty() {
                        <div id="error-summary" class="error-summary" role="alert" tabindex="-1" aria-labelledby="error-summary-title">
                            <h2 id="error-summary-title">{ label(Label::ThereIsAProblem, lang) }</h2>
                            <ul>
                                { for errors.iter().map(|(field, error)| {
                                    let id = field.id();
                                    html! {
                                        <li><a href={ format!("#{id}") } onclick={ { let id = id.clone(); move |e: MouseEvent| { e.prevent_default(); focus_later(id.clone()); } } }>{ error.text(lang) }</a></li>
                                    }
                                }) }
                            </ul>
                        </div>
                    }
                    <h2>{ label(Label::YourDetails, lang) }</h2>
                    { text_input("p-last-name", Some(Field::LastName), Label::LastName, &answers.last_name, on_last, "family-name") }
                    { text_input("p-first-name", Some(Field::FirstName), Label::FirstName, &answers.first_name, on_first, "given-name") }
                    { text_input("p-patronymic", None, Label::Patronymic, &answers.patronymic, on_patronymic, "additional-name") }
                    <fieldset class={ classes!("field", with_error(Field::Sex)) }
                        aria-describedby={ described(Field::Sex) }>
                        <legend>{ report_label(ReportLabel::Sex, lang) }</legend>
                        { field_error(Field::Sex).unwrap_or_default() }
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
                    <DateInput id="p-birth-date" legend={ report_label(ReportLabel::BirthDate, lang) }
                        value={ answers.birth_date.clone() } on_change={ on_birth } {lang}
                        error={ error_for(Field::BirthDate).map(AttrValue::from) } />
                    <h2>{ label(Label::YourNumbers, lang) }</h2>
                    <ol class="pin-rows">
                        { for answers.pins.iter().enumerate().map(|(i, row)| {
                            let field = Field::Pin(row.id);
                            let id = field.id();
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
                                    if let Some(d) = Document::from_code(&value) {
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
                                    <div class={ classes!("field", with_error(field)) }>
                                        <label for={ id.clone() }>{ format!("{} {}", report_label(ReportLabel::Number, lang), i + 1) }</label>
                                        { field_error(field).unwrap_or_default() }
                                        <input id={ id.clone() } class="pin-input" type="text" inputmode="numeric" autocomplete="off"
                                            spellcheck="false" maxlength="40" placeholder={ label(Label::PinPlaceholder, lang) }
                                            value={ row.pin.clone() } oninput={ on_pin }
                                            aria-describedby={ described(field) } aria-invalid={ invalid(field) } />
                                    </div>
                                    <div class="field">
                                        <label for={ doc_id.clone() }>{ label(Label::Document, lang) }</label>
                                        <select id={ doc_id } onchange={ on_doc }>
                                            { for Document::ALL.iter().map(|&d| html! {
                                                <option value={ d.code() } selected={ row.document == d }>{ document_name(d, lang) }</option>
                                            }) }
                                        </select>
                                    </div>
                                    if answers.pins.len() > 1 {
                                        <button type="button" class="secondary remove" onclick={ on_remove }>
                                            { label(Label::RemoveNumber, lang) }
                                            <span class="visually-hidden">{ format!(" {} {}", report_label(ReportLabel::Number, lang), i + 1) }</span>
                                        </button>
                                    }
                                </li>
                            }
                        }) }
                    </ol>
                    <div class="review-nav">
                        <button type="button" id="p-add" class="secondary" onclick={ on_add }
                            aria-describedby={ described(Field::AddNumber) }>{ label(Label::AddNumber, lang) }</button>
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
                    { row(report_label(ReportLabel::Sex, lang).into(), answers.sex.map(|s| sex_name(s, lang).to_string()).unwrap_or_default(), "p-sex-F".into()) }
                    { row(report_label(ReportLabel::BirthDate, lang).into(), clock::today().and_then(|t| answers.birth_date.date(t).ok()).map(local_date).unwrap_or_default(), Field::BirthDate.id()) }
                    { for answers.pins.iter().enumerate().map(|(i, r)| {
                        let shown = kgpin::pin::pin_digits(&r.pin).map(|d| grouped(&d)).unwrap_or_else(|| r.pin.clone());
                        row(format!("{} {} · {}", report_label(ReportLabel::Number, lang), i + 1, document_name(r.document, lang)), shown, format!("p-pin-{}", r.id))
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
                            <div class="summary-row"><dt>{ report_label(ReportLabel::Sex, lang) }</dt><dd>{ answers.sex.map(|s| sex_name(s, lang)).unwrap_or_default() }</dd></div>
                            <div class="summary-row"><dt>{ report_label(ReportLabel::BirthDate, lang) }</dt><dd>{ answers.birth_date.date(today).ok().map(local_date).unwrap_or_default() }</dd></div>
                            <div class="summary-row"><dt>{ label(Label::CheckedOn, lang) }</dt><dd id="r-date">{ local_date(today) }</dd></div>
                        </dl>
                        // The answer first: which number stays, which to correct.
                        <div class="in-short" id="r-short">
                            <h3>{ label(Label::InShort, lang) }</h3>
                            <dl>
                                // The typed date against the documents comes first, and alone decides nothing.
                                { for report.findings.iter().filter(|f| matches!(f.finding, PersonFinding::StatedDateDiffers { .. })).map(|f| html! {
                                    <div class="summary-row" id="r-check-date">
                                        <dt>{ label(Label::VerdictCheckDateFirst, lang) }</dt>
                                        <dd>
                                            { &f.message }{ " " }
                                            <a href="#" id="r-change-date" onclick={ go(Step::Form, Field::BirthDate.id()) }>{ label(Label::ChangeBirthDate, lang) }</a>
                                        </dd>
                                    </div>
                                }) }
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
                            <h3>{ report_label(ReportLabel::WhatTheyShow, lang) }</h3>
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
                                    PinRole::Repeated | PinRole::Unchecked | PinRole::AwaitsBirthDate => "role neutral",
                                    _ => "role fix",
                                };
                                html! {
                                    <li class="pin-result" data-role={ entry.role.code() }>
                                        <h3>{ format!("{} {} · {}", report_label(ReportLabel::Number, lang), i + 1, document_name(entry.document, lang)) }</h3>
                                        <p class="pin-digits">{ entry.check.pin.as_deref().map(grouped).unwrap_or_else(|| entry.check.input.clone()) }</p>
                                        <p class={ class }><strong>{ &entry.role_message }</strong></p>
                                        <ReportView report={ entry.check.clone() } {lang} heading="h4" />
                                    </li>
                                }
                            }) }
                        </ol>
                        <h3>{ report_label(ReportLabel::NextSteps, lang) }</h3>
                        <ul id="r-next">
                            { for report.next_steps.iter().map(|s| html! { <li data-code={ s.finding.code() }>{ &s.message }</li> }) }
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
