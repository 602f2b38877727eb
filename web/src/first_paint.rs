//! The hand-over from the static first paint in `index.html` (drawn before
//! the WebAssembly arrives) to the app: what was typed in its PIN field is
//! kept, and the static copy goes before the app draws itself.

use std::cell::RefCell;

use wasm_bindgen::JsCast;

thread_local! {
    static TYPED_PIN: RefCell<String> = const { RefCell::new(String::new()) };
}

/// Takes the first paint away, keeping the PIN typed into it (and whether
/// its field had the focus, so typing goes on in the app's field).
pub fn take_over() -> bool {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return false;
    };
    let Some(first_paint) = document.get_element_by_id("first-paint") else {
        return false;
    };
    let input = document
        .get_element_by_id("first-pin")
        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok());
    let focused = match (&input, document.active_element()) {
        (Some(input), Some(active)) => active.id() == input.id(),
        _ => false,
    };
    if let Some(input) = input {
        TYPED_PIN.with(|typed| *typed.borrow_mut() = input.value());
    }
    first_paint.remove();
    focused
}

/// The PIN typed before the app took over (once; empty afterwards).
pub fn typed_pin() -> String {
    TYPED_PIN.with(|typed| std::mem::take(&mut *typed.borrow_mut()))
}
