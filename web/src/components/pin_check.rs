//! The citizen's form: a PIN, and optionally their own sex and birth date.

use crate::i18n::{label, Label};
use kgpin::pin::Stated;
use kgpin::{CheckReport, Lang, Sex};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::components::sex_select::SexSelect;

use crate::clock;
use crate::components::report_view::ReportView;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
}

#[function_component(PinCheck)]
pub fn pin_check(props: &Props) -> Html {
    let lang = props.lang;
    let pin = use_state(String::new);
    let sex = use_state(|| None::<Sex>);
    let birth_date = use_state(String::new);

    let on_pin = {
        let pin = pin.clone();
        Callback::from(move |e: InputEvent| {
            pin.set(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let on_sex = {
        let sex = sex.clone();
        Callback::from(move |value: Option<Sex>| sex.set(value))
    };
    let on_birth_date = {
        let birth_date = birth_date.clone();
        Callback::from(move |e: Event| {
            birth_date.set(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };

    let report = match clock::today() {
        Some(today) if !pin.trim().is_empty() => {
            let stated = Stated {
                sex: *sex,
                birth_date: birth_date.parse().ok(),
            };
            Some(CheckReport::new(&pin, today, &stated, lang))
        }
        _ => None,
    };

    html! {
        <section class="pin-check">
            <form class="fields" onsubmit={ |e: SubmitEvent| e.prevent_default() }>
                <label class="field field-pin">
                    <span>{ label(Label::PinField, lang) }</span>
                    <input id="pin" type="text" inputmode="numeric" autocomplete="off"
                        spellcheck="false" maxlength="40"
                        placeholder={ label(Label::PinPlaceholder, lang) }
                        value={ (*pin).clone() } oninput={ on_pin } />
                </label>
                <div class="field-row">
                    <label class="field">
                        <span>{ label(Label::StatedSexField, lang) }</span>
                        <SexSelect id="stated-sex" value={ *sex } on_change={ on_sex } {lang} />
                    </label>
                    <label class="field">
                        <span>{ label(Label::StatedBirthDateField, lang) }</span>
                        <input id="stated-birth-date" type="date" value={ (*birth_date).clone() } onchange={ on_birth_date } />
                    </label>
                </div>
            </form>
            { report.map(|report| html! { <ReportView {report} {lang} /> }).unwrap_or_default() }
        </section>
    }
}
