//! The citizen's page (`index.html`): the PIN check, several numbers, about.
//! The clerk workstation is another page (`clerk.html`), never loaded here.

#![forbid(unsafe_code)]

use kgpin_web::app::{App, AppProps, Page};
use kgpin_web::{dom, first_paint};

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
