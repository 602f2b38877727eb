//! The several-numbers flow, step 1: the citizen's details and each number
//! with its document. Values in, edits out: the flow owns the state.

use kgpin::messages::{self, report_label, sex_name, ReportLabel};
use kgpin::person::Document;
use kgpin::{Lang, Sex};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::state::{Answers, Edit, Field};
use crate::components::date_input::{date_input, DateField};
use crate::dom::focus_later;
use crate::i18n::{label, Label};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    pub answers: UseReducerHandle<Answers>,
    /// Every keystroke and choice, as an edit of the answers.
    pub on_edit: Callback<Edit>,
    /// "Continue" pressed.
    pub on_continue: Callback<()>,
}

#[function_component(DetailsForm)]
pub fn details_form(props: &Props) -> Html {
    let (lang, answers, on_edit) = (props.lang, &props.answers, &props.on_edit);
    // Every keystroke goes into the answers: a re-render never finds a field
    // whose text the state has not seen.
    let update = |edit: fn(String) -> Edit| {
        let on_edit = on_edit.clone();
        Callback::from(move |e: InputEvent| {
            on_edit.emit(edit(e.target_unchecked_into::<HtmlInputElement>().value()))
        })
    };
    let on_last = update(Edit::LastName);
    let on_first = update(Edit::FirstName);
    let on_patronymic = update(Edit::Patronymic);
    let on_birth = on_edit.reform(Edit::BirthDate);
    let on_sex = on_edit.reform(Edit::Sex);
    let on_add = {
        let on_edit = on_edit.clone();
        let id = answers.next_id;
        Callback::from(move |_: MouseEvent| {
            on_edit.emit(Edit::Add);
            focus_later(format!("p-pin-{id}"));
        })
    };
    let on_continue = {
        let on_continue = props.on_continue.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            on_continue.emit(())
        })
    };
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
    let described = |field: Field| error_for(field).map(|_| format!("{}-error", field.id()));
    let invalid = |field: Field| error_for(field).map(|_| "true");
    let field_class = |field: Field| match error_for(field) {
        Some(_) => "field field-with-error",
        None => "field",
    };
    let text_input = |id: &'static str,
                      field: Option<Field>,
                      name: Label,
                      value: &str,
                      oninput: Callback<InputEvent>,
                      autocomplete: &'static str| {
        html! {
            <div ~className={ field.map_or("field", field_class) }>
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
            <fieldset ~className={ field_class(Field::Sex) }
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
            { date_input(DateField { id: "p-birth-date", legend: report_label(ReportLabel::BirthDate, lang),
                value: answers.birth_date.clone(), on_change: on_birth, lang,
                error: error_for(Field::BirthDate).map(AttrValue::from) }) }
            <h2>{ label(Label::YourNumbers, lang) }</h2>
            <ol class="pin-rows">
                { for answers.pins.iter().enumerate().map(|(i, row)| {
                    let field = Field::Pin(row.id);
                    let id = field.id();
                    let doc_field = Field::Document(row.id);
                    let doc_id = doc_field.id();
                    let row_id = row.id;
                    let on_pin = {
                        let on_edit = on_edit.clone();
                        Callback::from(move |e: InputEvent| {
                            let value = e.target_unchecked_into::<HtmlInputElement>().value();
                            on_edit.emit(Edit::Pin(row_id, value))
                        })
                    };
                    let on_doc = {
                        let on_edit = on_edit.clone();
                        Callback::from(move |e: Event| {
                            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
                            if let Some(d) = Document::from_code(&value) {
                                on_edit.emit(Edit::Document(row_id, d))
                            }
                        })
                    };
                    let on_remove = {
                        let on_edit = on_edit.clone();
                        Callback::from(move |_: MouseEvent| {
                            on_edit.emit(Edit::Remove(row_id));
                            focus_later("p-add".into());
                        })
                    };
                    // Keyed by the row's stable id: unkeyed, removing a row
                    // handed its page elements to the next row, and a document
                    // the citizen had chosen stayed on screen for a row whose
                    // answers said another (an option's `selected` no longer
                    // moves a select once it was picked).
                    html! {
                        <li class="pin-row" key={ row.id }>
                            <div ~className={ field_class(field) }>
                                <label for={ id.clone() }>{ format!("{} {}", report_label(ReportLabel::Number, lang), i + 1) }</label>
                                { field_error(field).unwrap_or_default() }
                                <input id={ id.clone() } class="pin-input" type="text" inputmode="numeric" autocomplete="off"
                                    spellcheck="false" maxlength="40" placeholder={ label(Label::PinPlaceholder, lang) }
                                    value={ row.pin.clone() } oninput={ on_pin }
                                    aria-describedby={ described(field) } aria-invalid={ invalid(field) } />
                            </div>
                            <div ~className={ field_class(doc_field) }>
                                <label for={ doc_id.clone() }>{ label(Label::Document, lang) }</label>
                                { field_error(doc_field).unwrap_or_default() }
                                <select id={ doc_id } onchange={ on_doc }
                                    aria-describedby={ described(doc_field) } aria-invalid={ invalid(doc_field) }>
                                    // Nothing chosen until the citizen chooses (see `PinRow::document`).
                                    <option value="" disabled=true selected={ row.document.is_none() }>{ label(Label::ChooseDocumentOption, lang) }</option>
                                    { for Document::ALL.iter().map(|&d| html! {
                                        <option value={ d.code() } selected={ row.document == Some(d) }>{ messages::document(d, lang) }</option>
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
