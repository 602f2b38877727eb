//! Settings kept on this device (the language), never personal data.

use kgpin::Lang;

const LANG_KEY: &str = "kgpin.lang";

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// The language chosen last time on this device, if any.
pub fn saved_lang() -> Option<Lang> {
    local_storage()?.get_item(LANG_KEY).ok()??.parse().ok()
}

/// Remembers the chosen language.
pub fn save_lang(lang: Lang) {
    if let Some(storage) = local_storage() {
        let _ = storage.set_item(LANG_KEY, lang.code());
    }
}
