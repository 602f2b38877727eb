//! The citizen's page (`index.html`): the PIN check, several numbers, about.
//! The clerk workstation is another page (`clerk.html`), never loaded here.

#![forbid(unsafe_code)]

use kgpin_web::app::{App, AppProps, Page};
use kgpin_web::{dom, first_paint};

#[cfg(all(not(target_feature = "atomics"), target_family = "wasm"))]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

fn main() {
    let was_typing = first_paint::take_over();
    yew::Renderer::<App>::with_props(AppProps {
        page: Page::Citizen,
    })
    .render();
    if was_typing {
        dom::focus_later("pin".into());
    }
}
