//! The kgpin web app: a citizen's PIN self-check (the clerk's workstation comes next).
//! All work runs in this page; nothing is sent over the network.

mod app;
mod clock;
mod components;

fn main() {
    yew::Renderer::<app::App>::new().render();
}
