//! The page frame: title, language switch, and the PIN check.

use kgpin::messages::{label, Label};
use kgpin::Lang;
use yew::prelude::*;

use crate::components::lang_switch::LangSwitch;
use crate::components::pin_check::PinCheck;

/// The first language a Kyrgyz user sees is the state language.
const DEFAULT_LANG: Lang = Lang::Ky;

#[function_component(App)]
pub fn app() -> Html {
    let lang = use_state(|| DEFAULT_LANG);
    let on_lang = {
        let lang = lang.clone();
        Callback::from(move |l: Lang| lang.set(l))
    };
    let lang = *lang;
    use_effect_with(lang, |lang| {
        if let Some(root) = document_element() {
            let _ = root.set_attribute("lang", lang.code());
        }
    });
    html! {
        <main class="page">
            <header class="page-header">
                <h1>{ label(Label::AppTitle, lang) }</h1>
                <LangSwitch {lang} on_change={on_lang} />
            </header>
            <p class="tagline">{ label(Label::AppTagline, lang) }</p>
            <PinCheck {lang} />
            <footer class="privacy">{ label(Label::Privacy, lang) }</footer>
        </main>
    }
}

fn document_element() -> Option<web_sys::Element> {
    web_sys::window()?.document()?.document_element()
}
