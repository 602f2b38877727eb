//! A choice of sex, or none: the same field wherever a form asks for it.

use crate::i18n::{label, Label};
use kgpin::messages::sex_name;
use kgpin::{Lang, Sex};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// A function, not a component: it keeps no state, and a component brings
/// its own machinery to the citizen's page, where issue 18 counts every byte.
pub fn sex_select(
    id: &'static str,
    value: Option<Sex>,
    on_change: Callback<Option<Sex>>,
    lang: Lang,
) -> Html {
    let onchange = Callback::from(move |e: Event| {
        on_change.emit(
            e.target_unchecked_into::<HtmlSelectElement>()
                .value()
                .parse()
                .ok(),
        )
    });
    html! {
        <select { id } { onchange }>
            <option value="" selected={ value.is_none() }>{ label(Label::NotGiven, lang) }</option>
            { for [Sex::Female, Sex::Male].into_iter().map(|s| html! {
                <option value={ s.code() } selected={ value == Some(s) }>{ sex_name(s, lang) }</option>
            }) }
        </select>
    }
}
