//! Reading the plain objects JavaScript hands in (options, a person), field by
//! field. serde's deserialisers did this at ~8 KB of the gzipped package
//! (measured, stop 29) for a dozen fields; these readers say which field is
//! wrong, with the caller's error code.

use wasm_bindgen::JsValue;

use crate::error::js_error;

/// The most PINs one person is read with: a person has a handful; comparing
/// them is quadratic, and a hostile page's array is not read past this.
pub const MOST_PINS: u32 = 100;

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
    text_named(object, key, key, code)
}

/// [`text`], its errors naming the field `name` (`pins[2].pin`).
pub fn text_named(
    object: &JsValue,
    key: &str,
    name: &str,
    code: &str,
) -> Result<Option<String>, JsValue> {
    field(object, key, code)?
        .map(|value| {
            value
                .as_string()
                .ok_or_else(|| js_error(code, &format!("{name} must be a string")))
        })
        .transpose()
}

/// A number property: finite, else an error.
#[cfg(feature = "registry")]
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

/// A function property; absent is `None`, anything but a function an error.
#[cfg(feature = "registry")]
pub fn function(
    object: &JsValue,
    key: &str,
    code: &str,
) -> Result<Option<js_sys::Function>, JsValue> {
    field(object, key, code)?
        .map(|value| {
            if value.is_function() {
                Ok(value.into())
            } else {
                Err(js_error(code, &format!("{key} must be a function")))
            }
        })
        .transpose()
}

/// An array property's items, at most `most` of them; absent is `None`,
/// anything but an array an error. Read item by item, never copied whole:
/// a sparse array's length can be 2^32 - 1 for a few bytes of input.
pub fn array(
    object: &JsValue,
    key: &str,
    most: u32,
    code: &str,
) -> Result<Option<Vec<JsValue>>, JsValue> {
    let Some(value) = field(object, key, code)? else {
        return Ok(None);
    };
    if !js_sys::Array::is_array(&value) {
        return Err(js_error(code, &format!("{key} must be an array")));
    }
    let length = js_sys::Reflect::get(&value, &JsValue::from_str("length"))
        .ok()
        .and_then(|length| length.as_f64())
        .ok_or_else(|| js_error(code, &format!("{key} cannot be read")))?;
    if length > f64::from(most) {
        return Err(js_error(code, &format!("{key}: at most {most} items")));
    }
    // At most `most` (a u32): the cast is exact.
    (0..length as u32)
        .map(|at| {
            js_sys::Reflect::get_u32(&value, at)
                .map_err(|_| js_error(code, &format!("{key}[{at}] cannot be read")))
        })
        .collect::<Result<Vec<_>, _>>()
        .map(Some)
}
