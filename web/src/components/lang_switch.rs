//! Kyrgyz / Russian / English buttons.

use crate::i18n::{label, Label};
use kgpin::Lang;
use yew::prelude::*;

/// A function, not a component: it keeps no state (see `sex_select`).
pub fn lang_switch(current: Lang, on_change: &Callback<Lang>) -> Html {
    html! {
        <nav class="lang-switch" aria-label={ label(Label::Language, current) }>
            { for Lang::ALL.iter().map(|&lang| {
                let on_change = on_change.clone();
                html! {
                    <button type="button" lang={ lang.code() } data-lang={ lang.code() }
                        aria-pressed={ (lang == current).to_string() }
                        onclick={ move |_| on_change.emit(lang) }>
                        { lang.native_name() }
                    </button>
                }
            }) }
        </nav>
    }
}
