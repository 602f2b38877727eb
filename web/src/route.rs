//! Hash routes: the app is static files, so `#/clerk` needs no server rules,
//! and the back button moves between pages.

use crate::i18n::{label, Label};
use kgpin::Lang;

/// A step of "I have several numbers": each has its own address, so the
/// browser's Back and Forward move between them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SeveralStep {
    /// The details and the numbers (`#/several`).
    #[default]
    Form,
    /// Check your answers (`#/several/check`).
    Check,
    /// The result (`#/several/result`).
    Result,
}

/// A page of the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route {
    /// The citizen's PIN check (`#/`).
    Check,
    /// "I have several numbers", at one of its steps.
    Several(SeveralStep),
    /// The clerk workstation (`#/clerk`).
    Clerk,
    /// What the PIN encodes, and privacy (`#/about`).
    About,
}

impl Route {
    /// The citizen's pages, in the navigation's order (the clerk's is reached
    /// from the footer: citizens come first).
    pub const MENU: [Route; 3] = [
        Route::Check,
        Route::Several(SeveralStep::Form),
        Route::About,
    ];

    /// The page the location's hash names, if it names one (`#content`, a
    /// jump within the page, names none).
    pub fn from_hash() -> Option<Route> {
        let hash = web_sys::window()
            .and_then(|w| w.location().hash().ok())
            .unwrap_or_default();
        match hash.trim_start_matches('#').trim_matches('/') {
            "" => Some(Route::Check),
            "several" => Some(Route::Several(SeveralStep::Form)),
            "several/check" => Some(Route::Several(SeveralStep::Check)),
            "several/result" => Some(Route::Several(SeveralStep::Result)),
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
            Route::Several(SeveralStep::Form) => "#/several",
            Route::Several(SeveralStep::Check) => "#/several/check",
            Route::Several(SeveralStep::Result) => "#/several/result",
            Route::Clerk => "#/clerk",
            Route::About => "#/about",
        }
    }

    /// The page's name in the navigation and its title.
    pub fn title(self, lang: Lang) -> &'static str {
        match self {
            Route::Check => label(Label::NavCheck, lang),
            Route::Several(_) => label(Label::NavSeveral, lang),
            Route::Clerk => label(Label::NavClerk, lang),
            Route::About => label(Label::NavAbout, lang),
        }
    }

    /// Whether a menu entry stands for this page (any step of a flow).
    pub fn is_in(self, entry: Route) -> bool {
        matches!((self, entry), (Route::Several(_), Route::Several(_))) || self == entry
    }
}

/// Goes to a page, as a link would: a new entry in the browser's history.
pub fn go(route: Route) {
    if let Some(window) = web_sys::window() {
        let _ = window.location().set_hash(route.href());
    }
}

/// Goes to a page in place of this one (no history entry): for an address
/// that cannot be shown, such as a result without answers.
pub fn replace(route: Route) {
    if let Some(window) = web_sys::window() {
        let _ = window.location().replace(route.href());
    }
}
