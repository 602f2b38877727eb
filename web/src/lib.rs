//! The kgpin web app: a citizen's PIN self-check and the clerk's workstation,
//! as two pages of one app. The citizen's page (`index.html`, `src/main.rs`)
//! carries only the citizen's code; the clerk's (`clerk.html`,
//! `src/bin/clerk.rs`) adds the workstation and its worker. Both share this
//! library: the frame, the words, the routes. All work runs in the page;
//! nothing is sent over the network.

#![forbid(unsafe_code)]

pub mod app;
pub mod clerk;
pub mod clock;
pub mod components;
pub mod dom;
pub mod first_paint;
pub mod i18n;
pub mod route;
pub mod storage;
