//! What the app keeps on this device: the language, the clerk's name for
//! their exports, and the citizen's answers only when they ask (the clerk's
//! decisions and session registry are `clerk::store`'s). Nothing else, and
//! nothing ever sent.

use kgpin::Lang;

const LANG_KEY: &str = "kgpin.lang";
const CLERK_KEY: &str = "kgpin.clerk";

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// The text kept under `key`, if any.
pub fn item(key: &str) -> Option<String> {
    local_storage()?.get_item(key).ok()?
}

/// Keeps `text` under `key`; whether it was kept (storage may be off).
pub fn set_item(key: &str, text: &str) -> bool {
    local_storage().is_some_and(|s| s.set_item(key, text).is_ok())
}

/// Forgets what is kept under `key`.
pub fn remove_item(key: &str) {
    if let Some(storage) = local_storage() {
        let _ = storage.remove_item(key);
    }
}

/// The language chosen last time on this device, if any.
pub fn saved_lang() -> Option<Lang> {
    item(LANG_KEY)?.parse().ok()
}

/// Remembers the chosen language.
pub fn save_lang(lang: Lang) {
    set_item(LANG_KEY, lang.code());
}

/// The name the clerk typed once for their decisions, if any.
pub fn clerk_name() -> String {
    item(CLERK_KEY).unwrap_or_default()
}

/// Remembers the clerk's name (an empty one is forgotten).
pub fn save_clerk_name(name: &str) {
    match name.trim() {
        "" => remove_item(CLERK_KEY),
        name => {
            set_item(CLERK_KEY, name);
        }
    }
}
