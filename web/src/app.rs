//! The page frame: navigation, language switch, and the page the hash names.

use crate::i18n::{label, Label};
use kgpin::Lang;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::components::about::about;
use crate::components::lang_switch::lang_switch;
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

/// Which page of the app this document is: the citizen's (`index.html`) or
/// the clerk's (`clerk.html`), which brings the workstation to draw. Only the
/// clerk's binary names the workstation, so only its `.wasm` carries it.
#[derive(Clone, Copy)]
pub enum Page {
    /// `index.html`: the PIN check, several numbers, about.
    Citizen,
    /// `clerk.html`: the workstation, drawn by this function.
    Clerk(fn(Lang) -> Html),
}

impl PartialEq for Page {
    fn eq(&self, other: &Self) -> bool {
        // One page per document: which kind is all that can differ.
        matches!(
            (self, other),
            (Page::Citizen, Page::Citizen) | (Page::Clerk(_), Page::Clerk(_))
        )
    }
}

/// The clerk's page, as a document of its own.
const CLERK_DOCUMENT: &str = "clerk.html";

impl Page {
    /// The link to a page of the app from this document: the citizen's
    /// pages are hashes of `index.html`, the clerk's is `clerk.html`.
    fn href(self, route: Route) -> String {
        match (self, route) {
            (Page::Citizen, Route::Clerk) => CLERK_DOCUMENT.to_string(),
            (Page::Citizen, route) => route.href().to_string(),
            (Page::Clerk(_), Route::Clerk) => route.href().to_string(),
            (Page::Clerk(_), route) => format!("./{}", route.href()),
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// Which page this document is.
    pub page: Page,
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let page = props.page;
    let lang = use_state(|| {
        storage::saved_lang()
            .or_else(browser_lang)
            .unwrap_or(DEFAULT_LANG)
    });
    // The clerk's document shows the workstation whatever its hash.
    let route = use_state(|| match page {
        Page::Citizen => Route::current(),
        Page::Clerk(_) => Route::Clerk,
    });
    // The several-numbers answers live here, so moving between pages keeps them.
    let answers = use_answers();
    {
        let route = route.clone();
        use_effect_with((), move |_| {
            let listener = Closure::<dyn Fn()>::new(move || {
                if let (Page::Citizen, Some(r)) = (page, Route::from_hash()) {
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
    // An old address of the workstation (`#/clerk`) opens its own document.
    use_effect_with((page, route), |(page, route)| {
        if *page == Page::Citizen && *route == Route::Clerk {
            if let Some(window) = web_sys::window() {
                let _ = window.location().replace(CLERK_DOCUMENT);
            }
        }
    });
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
                    <a href={ page.href(r) } aria-current={ route.is_in(r).then_some("page") }>{ r.title(lang) }</a>
                }) }
            </nav>
            { lang_switch(lang, &on_lang) }
        </header>
        <main id="content" tabindex="-1" ~className={ if route == Route::Clerk { "page page-wide" } else { "page" } }>
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
                    Route::Clerk => match page {
                        Page::Clerk(workstation) => workstation(lang),
                        // Being replaced by clerk.html (above).
                        Page::Citizen => Html::default(),
                    },
                    Route::About => about(lang),
                }
            }
            <footer class="privacy">
                <p>{ label(Label::Privacy, lang) }</p>
                <p class="no-print"><a id="clerk-link" href={ page.href(Route::Clerk) } aria-current={ (route == Route::Clerk).then_some("page") }>{ label(Label::ForClerks, lang) }</a></p>
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
