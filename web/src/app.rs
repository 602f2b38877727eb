//! The page frame: navigation, language switch, and the page the hash names.

use kgpin::messages::{label, Label};
use kgpin::Lang;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::clerk::ClerkPage;
use crate::components::lang_switch::LangSwitch;
use crate::components::pin_check::PinCheck;
use crate::route::Route;
use crate::storage;

/// The first language a Kyrgyz user sees is the state language.
const DEFAULT_LANG: Lang = Lang::Ky;

#[function_component(App)]
pub fn app() -> Html {
    let lang = use_state(|| storage::saved_lang().unwrap_or(DEFAULT_LANG));
    let route = use_state(Route::current);
    {
        let route = route.clone();
        use_effect_with((), move |_| {
            let listener = Closure::<dyn Fn()>::new(move || route.set(Route::current()));
            let window = web_sys::window();
            if let Some(window) = &window {
                window.set_onhashchange(Some(listener.as_ref().unchecked_ref()));
            }
            move || {
                if let Some(window) = window {
                    window.set_onhashchange(None);
                }
                drop(listener);
            }
        });
    }
    let on_lang = {
        let lang = lang.clone();
        Callback::from(move |l: Lang| {
            storage::save_lang(l);
            lang.set(l)
        })
    };
    let (lang, route) = (*lang, *route);
    use_effect_with((lang, route), |(lang, route)| {
        if let Some(document) = web_sys::window().and_then(|w| w.document()) {
            if let Some(root) = document.document_element() {
                let _ = root.set_attribute("lang", lang.code());
            }
            document.set_title(&format!("{} · kgpin", route.title(*lang)));
        }
    });
    html! {
        <>
        <a class="skip-link" href="#content">{ label(Label::SkipLink, lang) }</a>
        <header class="page-header">
            <nav class="app-nav" aria-label="kgpin">
                { for Route::ALL.iter().map(|&r| html! {
                    <a href={ r.href() } aria-current={ (r == route).then_some("page") }>{ r.title(lang) }</a>
                }) }
            </nav>
            <LangSwitch {lang} on_change={on_lang} />
        </header>
        <main id="content" class={ classes!("page", (route == Route::Clerk).then_some("page-wide")) }>
            {
                match route {
                    Route::Check => html! {
                        <>
                        <h1>{ label(Label::AppTitle, lang) }</h1>
                        <p class="tagline">{ label(Label::AppTagline, lang) }</p>
                        <PinCheck {lang} />
                        </>
                    },
                    Route::Clerk => html! { <ClerkPage {lang} /> },
                }
            }
            <footer class="privacy">{ label(Label::Privacy, lang) }</footer>
        </main>
        </>
    }
}
