//! A choice of sex, or none: the same field wherever a form asks for it.

use crate::i18n::{label, Label};
use kgpin::messages::sex_name;
use kgpin::{Lang, Sex};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub id: &'static str,
    pub value: Option<Sex>,
    pub on_change: Callback<Option<Sex>>,
    pub lang: Lang,
}

#[function_component(SexSelect)]
pub fn sex_select(props: &Props) -> Html {
    let on_change = props.on_change.clone();
    let onchange = Callback::from(move |e: Event| {
        on_change.emit(
            e.target_unchecked_into::<HtmlSelectElement>()
                .value()
                .parse()
                .ok(),
        )
    });
    html! {
        <select id={ props.id } { onchange }>
            <option value="" selected={ props.value.is_none() }>{ label(Label::NotGiven, props.lang) }</option>
            { for [Sex::Female, Sex::Male].into_iter().map(|s| html! {
                <option value={ s.code() } selected={ props.value == Some(s) }>{ sex_name(s, props.lang) }</option>
            }) }
        </select>
    }
}
