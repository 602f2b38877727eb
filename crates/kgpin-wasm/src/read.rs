//! Reading the plain objects JavaScript hands in (options, a person), field by
//! field. serde's deserialisers did this at ~8 KB of the gzipped package
//! (measured, stop 29) for a dozen fields; these readers say which field is
//! wrong, with the caller's error code.

use wasm_bindgen::JsValue;

use crate::error::js_error;

/// Undefined and null mean "not given".
fn absent(value: &JsValue) -> bool {
    value.is_undefined() || value.is_null()
}

/// An options argument: `None` when not given, an error unless an object.
pub fn object(value: Option<JsValue>, code: &str, what: &str) -> Result<Option<JsValue>, JsValue> {
    match value {
        Some(value) if !absent(&value) => {
            if value.is_object() {
                Ok(Some(value))
            } else {
                Err(js_error(code, &format!("{what} must be an object")))
            }
        }
        _ => Ok(None),
    }
}

/// One property (`None` when absent); a getter that throws is the field's error.
fn field(object: &JsValue, key: &str, code: &str) -> Result<Option<JsValue>, JsValue> {
    let value = js_sys::Reflect::get(object, &JsValue::from_str(key))
        .map_err(|_| js_error(code, &format!("{key} cannot be read")))?;
    Ok((!absent(&value)).then_some(value))
}

/// A text property; absent is `None`, anything but a string an error.
pub fn text(object: &JsValue, key: &str, code: &str) -> Result<Option<String>, JsValue> {
    field(object, key, code)?
        .map(|value| {
            value
                .as_string()
                .ok_or_else(|| js_error(code, &format!("{key} must be a string")))
        })
        .transpose()
}

/// A number property: finite, else an error.
pub fn number(object: &JsValue, key: &str, code: &str) -> Result<Option<f64>, JsValue> {
    field(object, key, code)?
        .map(|value| {
            value
                .as_f64()
                .filter(|n| n.is_finite())
                .ok_or_else(|| js_error(code, &format!("{key} must be a finite number")))
        })
        .transpose()
}

/// An array property's items; absent is `None`, anything but an array an error.
pub fn array(object: &JsValue, key: &str, code: &str) -> Result<Option<Vec<JsValue>>, JsValue> {
    field(object, key, code)?
        .map(|value| {
            if js_sys::Array::is_array(&value) {
                Ok(js_sys::Array::from(&value).iter().collect())
            } else {
                Err(js_error(code, &format!("{key} must be an array")))
            }
        })
        .transpose()
}
