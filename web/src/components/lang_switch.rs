//! Kyrgyz / Russian / English buttons.

use crate::i18n::{label, Label};
use kgpin::Lang;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    pub on_change: Callback<Lang>,
}

#[function_component(LangSwitch)]
pub fn lang_switch(props: &Props) -> Html {
    html! {
        <nav class="lang-switch" aria-label={ label(Label::Language, props.lang) }>
            { for Lang::ALL.iter().map(|&lang| {
                let on_change = props.on_change.clone();
                html! {
                    <button type="button" lang={ lang.code() } data-lang={ lang.code() }
                        aria-pressed={ (lang == props.lang).to_string() }
                        onclick={ move |_| on_change.emit(lang) }>
                        { lang.native_name() }
                    </button>
                }
            }) }
        </nav>
    }
}
