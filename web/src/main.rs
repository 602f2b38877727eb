//! The kgpin web app: a citizen's PIN self-check and the clerk's workstation.
//! All work runs in this page; nothing is sent over the network.

mod app;
mod clerk;
mod clock;
mod components;
mod dom;
mod first_paint;
mod i18n;
mod route;
mod storage;

fn main() {
    let was_typing = first_paint::take_over();
    yew::Renderer::<app::App>::new().render();
    if was_typing {
        dom::focus_later("pin".into());
    }
}
