//! The few things the app does to the page by hand.

use wasm_bindgen::JsCast;

/// Moves the keyboard focus to the element with this id, if it is there.
pub fn focus(id: &str) {
    if let Some(element) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = element.focus();
    }
}

/// Moves the keyboard focus to an element after the page has drawn it.
pub fn focus_later(id: String) {
    yew::platform::spawn_local(async move { focus(&id) });
}
