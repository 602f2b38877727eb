//! Hash routes: the app is static files, so `#/clerk` needs no server rules,
//! and the back button moves between pages.

use kgpin::messages::{label, Label};
use kgpin::Lang;

/// A page of the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route {
    /// The citizen's PIN check (`#/`).
    Check,
    /// The clerk workstation (`#/clerk`).
    Clerk,
}

impl Route {
    /// Every page, in the navigation's order.
    pub const ALL: [Route; 2] = [Route::Check, Route::Clerk];

    /// The page the location's hash names.
    pub fn current() -> Route {
        let hash = web_sys::window()
            .and_then(|w| w.location().hash().ok())
            .unwrap_or_default();
        match hash.trim_start_matches('#').trim_matches('/') {
            "clerk" => Route::Clerk,
            _ => Route::Check,
        }
    }

    /// The link to the page.
    pub fn href(self) -> &'static str {
        match self {
            Route::Check => "#/",
            Route::Clerk => "#/clerk",
        }
    }

    /// The page's name in the navigation and its title.
    pub fn title(self, lang: Lang) -> &'static str {
        match self {
            Route::Check => label(Label::NavCheck, lang),
            Route::Clerk => label(Label::NavClerk, lang),
        }
    }
}
