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

fn main() {
    yew::Renderer::<App>::with_props(AppProps {
        page: Page::Clerk(workstation),
    })
    .render();
}
