//! The clerk's page (`clerk.html`): the workstation and its worker, in the
//! same frame as the citizen's pages, whose links lead back to `index.html`.

#![forbid(unsafe_code)]

use kgpin::Lang;
use kgpin_web::app::{App, AppProps, Page};
use kgpin_web::clerk::ClerkPage;
use yew::prelude::*;

fn workstation(lang: Lang) -> Html {
    html! { <ClerkPage {lang} /> }
}

// talc, as on the citizen's page: 3.4 KB smaller than dlmalloc. At 1M rows
// the tab peaked at 762-787 MB against 780-786, the report shown after
// 7.39-7.42 s against 7.03-7.43 (docs/performance.md). The worker keeps
// dlmalloc (its tab peaked higher with talc).
#[cfg(all(not(target_feature = "atomics"), target_family = "wasm"))]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

fn main() {
    yew::Renderer::<App>::with_props(AppProps {
        page: Page::Clerk(workstation),
    })
    .render();
}
