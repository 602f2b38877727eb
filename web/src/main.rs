//! The kgpin web app: a citizen's PIN self-check and the clerk's workstation.
//! All work runs in this page; nothing is sent over the network.

mod app;
mod clerk;
mod clock;
mod components;
mod dom;
mod i18n;
mod route;
mod storage;

fn main() {
    yew::Renderer::<app::App>::new().render();
}
