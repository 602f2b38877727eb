//! The JavaScript API, exercised in a real browser (headless Chromium).
#![cfg(target_arch = "wasm32")]

use kgpin_wasm::check_pin;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn get(value: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(value, &key.into()).expect("object")
}

fn options(pairs: &[(&str, &str)]) -> JsValue {
    let object = js_sys::Object::new();
    for (key, value) in pairs {
        js_sys::Reflect::set(&object, &(*key).into(), &(*value).into()).expect("set");
    }
    object.into()
}

#[wasm_bindgen_test]
fn valid_pin_decodes_like_the_cli() {
    let report = check_pin("10202198254217", options(&[("today", "2026-11-25")])).expect("report");
    assert_eq!(get(&report, "valid"), JsValue::TRUE);
    assert_eq!(get(&report, "sex"), JsValue::from("F"));
    assert_eq!(get(&report, "birthDate"), JsValue::from("1982-02-02"));
    assert_eq!(get(&report, "serial"), JsValue::from("54217"));
    let errors: js_sys::Array = get(&report, "errors").into();
    assert_eq!(errors.length(), 0);
}

#[wasm_bindgen_test]
fn findings_are_plain_objects_with_codes_and_messages() {
    let report = check_pin(
        "1O202198254217",
        options(&[("today", "2026-11-25"), ("lang", "ru")]),
    )
    .expect("report");
    assert_eq!(get(&report, "valid"), JsValue::FALSE);
    assert_eq!(get(&report, "pin"), JsValue::NULL);
    let errors: js_sys::Array = get(&report, "errors").into();
    let first = errors.get(0);
    assert_eq!(get(&first, "code"), JsValue::from("invalid_character"));
    assert_eq!(get(&first, "position"), JsValue::from(2));
    assert_eq!(get(&first, "looksLike"), JsValue::from("0"));
    let message = get(&first, "message").as_string().expect("text");
    assert!(message.contains("Позиция 2"), "{message}");
}

#[wasm_bindgen_test]
fn stated_data_produces_mismatch_warnings() {
    let report = check_pin(
        "10304198254217",
        options(&[
            ("today", "2026-11-25"),
            ("sex", "M"),
            ("birthDate", "1982-03-04"),
        ]),
    )
    .expect("report");
    let warnings: js_sys::Array = get(&report, "warnings").into();
    let codes: Vec<String> = warnings
        .iter()
        .map(|w| get(&w, "code").as_string().expect("code"))
        .collect();
    assert_eq!(codes, ["sex_mismatch", "birth_date_mismatch"]);
    assert_eq!(
        get(&warnings.get(1), "detail"),
        JsValue::from("day_month_swapped")
    );
}

#[wasm_bindgen_test]
fn today_defaults_to_the_browser_clock() {
    // Born 1 January 1900: valid, and more than 120 years before any date this test runs on.
    let report = check_pin("10101190012345", JsValue::UNDEFINED).expect("report");
    assert_eq!(get(&report, "valid"), JsValue::TRUE);
    let warnings: js_sys::Array = get(&report, "warnings").into();
    assert_eq!(get(&warnings.get(0), "code"), JsValue::from("age_over_120"));
}

#[wasm_bindgen_test]
fn bad_options_throw_errors_with_codes() {
    let error = check_pin("10202198254217", options(&[("today", "25/11/2026")]))
        .expect_err("bad options must throw");
    assert!(error.is_instance_of::<js_sys::Error>());
    assert_eq!(get(&error, "code"), JsValue::from("invalid_date"));
    let error = check_pin("10202198254217", options(&[("lang", "de")]))
        .expect_err("bad options must throw");
    assert_eq!(get(&error, "code"), JsValue::from("invalid_lang"));
}
