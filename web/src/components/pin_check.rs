//! The citizen's PIN check: a PIN, and optionally their own sex and birth
//! date. The number is checked once it is complete (14 digits), when the
//! field is left, or on "Check": never in red from the first digit typed.

use kgpin::messages::report_label;
use kgpin::pin::{pin_digits, Stated};
use kgpin::{CheckReport, Lang, Sex};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::clock;
use crate::components::date_input::{date_input, problem_label, DateField, DateParts, DateProblem};
use crate::components::report_view::{report_view, Placing};
use crate::components::sex_select::sex_select;
use crate::i18n::{label, Label};
use crate::route::{Route, SeveralStep};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
}

#[function_component(PinCheck)]
pub fn pin_check(props: &Props) -> Html {
    let lang = props.lang;
    // What was typed before the app took over from the first paint stays.
    let pin = use_state(crate::first_paint::typed_pin);
    // The input as it was last checked: the verdict shown is of this, not of every keystroke.
    let checked = use_state(|| Some((*pin).clone()).filter(|p| pin_digits(p).is_some()));
    let sex = use_state(|| None::<Sex>);
    let birth_date = use_state(DateParts::default);

    let on_pin = {
        let (pin, checked) = (pin.clone(), checked.clone());
        Callback::from(move |e: InputEvent| {
            let value = e.target_unchecked_into::<HtmlInputElement>().value();
            // Complete: check now. Changed after a check: the old verdict goes.
            if pin_digits(&value).is_some() {
                checked.set(Some(value.clone()));
            } else if checked.is_some() {
                checked.set(None);
            }
            pin.set(value)
        })
    };
    // Leaving the field after a change, or "Check", checks whatever is
    // there: an empty field says a PIN is wanted (a press that showed
    // nothing read as a broken page). A field passed by untouched fires no
    // change.
    let check_now = {
        let (pin, checked) = (pin.clone(), checked.clone());
        move || checked.set(Some((*pin).clone()))
    };
    let on_leave = {
        let check_now = check_now.clone();
        Callback::from(move |_: Event| check_now())
    };
    let on_submit = Callback::from(move |e: SubmitEvent| {
        e.prevent_default();
        check_now()
    });
    let on_sex = {
        let sex = sex.clone();
        Callback::from(move |value: Option<Sex>| sex.set(value))
    };
    let on_birth_date = {
        let birth_date = birth_date.clone();
        Callback::from(move |parts: DateParts| birth_date.set(parts))
    };

    let today = clock::today();
    let stated_date = today.map(|t| birth_date.date(t));
    // An optional date: nothing typed is fine; a date that is not one is
    // said once a check ran, but not while its year is being typed (empty,
    // one or three digits, or two that begin 19xx or 20xx: a reading found
    // the error in red at the first digit of the day, once the PIN had been
    // checked). A two-digit year such as 82 is said at once.
    let date_error = match stated_date {
        Some(Err(problem))
            if problem != DateProblem::Missing
                && checked.is_some()
                && !matches!(
                    birth_date.year.trim().as_bytes(),
                    [] | [_] | [b'1' | b'2', _] | [_, _, _]
                ) =>
        {
            Some(AttrValue::from(label(problem_label(problem), lang)))
        }
        _ => None,
    };
    let report = match (today, checked.as_deref()) {
        (Some(today), Some(input)) => {
            let stated = Stated {
                sex: *sex,
                birth_date: stated_date.and_then(Result::ok),
            };
            Some(CheckReport::new(input, today, &stated, lang))
        }
        _ => None,
    };
    let invalid = report.as_ref().is_some_and(|r| !r.valid);
    // Announced with the verdict: a date typed but not compared.
    let verdict = report.as_ref().map(|r| {
        let verdict = report_label(r.verdict(), lang);
        match date_error {
            Some(_) => format!("{verdict}. {}", label(Label::DateNotCompared, lang)),
            None => verdict.to_string(),
        }
    });

    html! {
        <section class="pin-check">
            <form class="fields" novalidate=true onsubmit={ on_submit }>
                <div class="field field-pin">
                    <label for="pin">{ label(Label::PinField, lang) }</label>
                    <div class="pin-entry">
                        <input id="pin" type="text" inputmode="numeric" autocomplete="off"
                            spellcheck="false" maxlength="40"
                            placeholder={ label(Label::PinPlaceholder, lang) }
                            value={ (*pin).clone() } oninput={ on_pin } onchange={ on_leave }
                            aria-invalid={ invalid.then_some("true") }
                            aria-describedby={ report.is_some().then_some("report") } />
                        <button type="submit" id="pin-check-button">{ label(Label::Check, lang) }</button>
                    </div>
                </div>
                <div class="field-row">
                    <label class="field">
                        <span>{ label(Label::StatedSexField, lang) }</span>
                        { sex_select("stated-sex", *sex, on_sex, lang) }
                    </label>
                    { date_input(DateField { id: "stated-birth-date", legend: label(Label::StatedBirthDateField, lang),
                        value: (*birth_date).clone(), on_change: on_birth_date, lang, error: date_error.clone() }) }
                </div>
            </form>
            // Announced once per check: the verdict, not every change on the page.
            <p id="pin-status" class="visually-hidden" role="status">{ verdict.unwrap_or_default() }</p>
            if let Some(report) = report {
                { report_view(&report, lang, Placing { heading: "h2", id: Some("report"), show_verdict: true }) }
                // A date typed but not usable was not compared: a green verdict alone would say it agrees.
                if date_error.is_some() {
                    <p class="not-compared" id="date-not-compared">{ label(Label::DateNotCompared, lang) }</p>
                }
                if report.valid {
                    <p class="well-formed-note" id="well-formed-note">{ label(Label::WellFormedOnly, lang) }</p>
                    <p><a id="to-several" href={ Route::Several(SeveralStep::Form).href() }>{ label(Label::AnotherNumber, lang) }</a></p>
                }
            }
        </section>
    }
}
