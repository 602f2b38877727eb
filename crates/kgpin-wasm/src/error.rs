//! Errors as JavaScript `Error` objects with a stable `code` property.

use wasm_bindgen::JsValue;

/// A JavaScript `Error` with a machine-readable `code` property.
pub fn js_error(code: &str, message: &str) -> JsValue {
    let error = js_sys::Error::new(message);
    // Setting a property on a fresh, ordinary Error object cannot fail.
    let _ = js_sys::Reflect::set(&error, &"code".into(), &code.into());
    error.into()
}

/// Parses an optional text option; empty means absent.
pub fn parse_field<T: std::str::FromStr>(
    value: Option<String>,
    code: &str,
    what: &str,
) -> Result<Option<T>, JsValue>
where
    T::Err: std::fmt::Display,
{
    match value.as_deref().map(str::trim) {
        None | Some("") => Ok(None),
        Some(text) => text
            .parse()
            .map(Some)
            .map_err(|e| js_error(code, &format!("{what}: {e}"))),
    }
}

/// Hands a Rust value to JavaScript as plain objects and arrays.
pub fn to_js<T: serde::Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| js_error("internal", &e.to_string()))
}
