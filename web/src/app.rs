//! The page frame: navigation, language switch, and the page the hash names.

use crate::i18n::{label, Label};
use kgpin::Lang;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::clerk::ClerkPage;
use crate::components::about::About;
use crate::components::lang_switch::LangSwitch;
use crate::components::pin_check::PinCheck;
use crate::components::several::{use_answers, Several};
use crate::route::Route;
use crate::storage;

/// The first language a Kyrgyz user sees is the state language, unless the
/// browser asks for Russian (or Kyrgyz) and no choice was made here.
const DEFAULT_LANG: Lang = Lang::Ky;

/// The browser's first language, if it is one the app speaks other than English
/// (an English browser in Bishkek still sees the state language first).
fn browser_lang() -> Option<Lang> {
    let language = web_sys::window()?.navigator().language()?;
    match language.split('-').next()? {
        "ru" => Some(Lang::Ru),
        "ky" => Some(Lang::Ky),
        _ => None,
    }
}

#[function_component(App)]
pub fn app() -> Html {
    let lang = use_state(|| {
        storage::saved_lang()
            .or_else(browser_lang)
            .unwrap_or(DEFAULT_LANG)
    });
    let route = use_state(Route::current);
    // The several-numbers answers live here, so moving between pages keeps them.
    let answers = use_answers();
    {
        let route = route.clone();
        use_effect_with((), move |_| {
            let listener = Closure::<dyn Fn()>::new(move || {
                if let Some(r) = Route::from_hash() {
                    route.set(r)
                }
            });
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
    // A form with errors says so first in the title (GOV.UK pattern).
    let form_error = use_state(|| false);
    let on_error_state = {
        let form_error = form_error.clone();
        Callback::from(move |e: bool| form_error.set(e))
    };
    let (lang, route) = (*lang, *route);
    let title_error = *form_error && matches!(route, Route::Several(_));
    use_effect_with((lang, route, title_error), |(lang, route, error)| {
        if let Some(document) = web_sys::window().and_then(|w| w.document()) {
            if let Some(root) = document.document_element() {
                let _ = root.set_attribute("lang", lang.code());
            }
            let prefix = if *error {
                format!("{}: ", label(Label::ErrorPrefix, *lang))
            } else {
                String::new()
            };
            document.set_title(&format!("{prefix}{} · kgpin", route.title(*lang)));
        }
    });
    use_effect_with((), |_| register_service_worker());
    let on_skip = Callback::from(|e: MouseEvent| {
        e.prevent_default();
        crate::dom::focus("content");
    });
    html! {
        <>
        <a class="skip-link" href="#content" onclick={ on_skip }>{ label(Label::SkipLink, lang) }</a>
        <header class="page-header">
            <nav class="app-nav" aria-label="kgpin">
                { for Route::MENU.iter().map(|&r| html! {
                    <a href={ r.href() } aria-current={ route.is_in(r).then_some("page") }>{ r.title(lang) }</a>
                }) }
            </nav>
            <LangSwitch {lang} on_change={on_lang} />
        </header>
        <main id="content" tabindex="-1" class={ classes!("page", (route == Route::Clerk).then_some("page-wide")) }>
            {
                match route {
                    Route::Check => html! {
                        <>
                        <h1>{ label(Label::AppTitle, lang) }</h1>
                        <p class="tagline">{ label(Label::AppTagline, lang) }</p>
                        <PinCheck {lang} />
                        </>
                    },
                    Route::Several(step) => html! {
                        <Several {lang} {step} answers={ answers.clone() } on_error_state={ on_error_state.clone() } />
                    },
                    Route::Clerk => html! { <ClerkPage {lang} /> },
                    Route::About => html! { <About {lang} /> },
                }
            }
            <footer class="privacy">
                <p>{ label(Label::Privacy, lang) }</p>
                <p class="no-print"><a id="clerk-link" href={ Route::Clerk.href() } aria-current={ (route == Route::Clerk).then_some("page") }>{ label(Label::ForClerks, lang) }</a></p>
            </footer>
        </main>
        </>
    }
}

/// Lets the browser keep the app's own files, so it opens again offline.
fn register_service_worker() {
    if let Some(window) = web_sys::window() {
        let container = window.navigator().service_worker();
        let _ = container.register("./sw.js");
    }
}
