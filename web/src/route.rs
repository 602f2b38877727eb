//! Hash routes: the app is static files, so `#/clerk` needs no server rules,
//! and the back button moves between pages.

use crate::i18n::{label, Label};
use kgpin::Lang;

/// A page of the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route {
    /// The citizen's PIN check (`#/`).
    Check,
    /// "I have several numbers" (`#/several`).
    Several,
    /// The clerk workstation (`#/clerk`).
    Clerk,
    /// What the PIN encodes, and privacy (`#/about`).
    About,
}

impl Route {
    /// Every page, in the navigation's order.
    pub const ALL: [Route; 4] = [Route::Check, Route::Several, Route::Clerk, Route::About];

    /// The page the location's hash names, if it names one (`#content`, a
    /// jump within the page, names none).
    pub fn from_hash() -> Option<Route> {
        let hash = web_sys::window()
            .and_then(|w| w.location().hash().ok())
            .unwrap_or_default();
        match hash.trim_start_matches('#').trim_matches('/') {
            "" => Some(Route::Check),
            "several" => Some(Route::Several),
            "clerk" => Some(Route::Clerk),
            "about" => Some(Route::About),
            _ => None,
        }
    }

    /// The page to show on opening: the hash's, or the PIN check.
    pub fn current() -> Route {
        Route::from_hash().unwrap_or(Route::Check)
    }

    /// The link to the page.
    pub fn href(self) -> &'static str {
        match self {
            Route::Check => "#/",
            Route::Several => "#/several",
            Route::Clerk => "#/clerk",
            Route::About => "#/about",
        }
    }

    /// The page's name in the navigation and its title.
    pub fn title(self, lang: Lang) -> &'static str {
        match self {
            Route::Check => label(Label::NavCheck, lang),
            Route::Several => label(Label::NavSeveral, lang),
            Route::Clerk => label(Label::NavClerk, lang),
            Route::About => label(Label::NavAbout, lang),
        }
    }
}
