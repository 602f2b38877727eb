//! The JavaScript API, exercised in a real browser (headless Chromium).
#![cfg(target_arch = "wasm32")]
// A test fails by panicking.
#![allow(clippy::expect_used)]

use kgpin_wasm::{check_person, check_pin, JsRegistry};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn get(value: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(value, &key.into()).expect("object")
}

fn text(value: &JsValue, key: &str) -> String {
    get(value, key).as_string().unwrap_or_default()
}

fn array(value: &JsValue, key: &str) -> js_sys::Array {
    get(value, key).into()
}

fn object(pairs: &[(&str, JsValue)]) -> JsValue {
    let object = js_sys::Object::new();
    for (key, value) in pairs {
        js_sys::Reflect::set(&object, &(*key).into(), value).expect("set");
    }
    object.into()
}

fn options<T: JsCast>(pairs: &[(&str, &str)]) -> Option<T> {
    let pairs: Vec<(&str, JsValue)> = pairs.iter().map(|(k, v)| (*k, JsValue::from(*v))).collect();
    Some(object(&pairs).unchecked_into())
}

#[wasm_bindgen_test]
fn valid_pin_decodes_like_the_cli() {
    let report = check_pin("10202198254217", options(&[("today", "2026-11-25")])).expect("report");
    assert_eq!(get(&report, "valid"), JsValue::TRUE);
    assert_eq!(text(&report, "sex"), "F");
    assert_eq!(text(&report, "birthDate"), "1982-02-02");
    assert_eq!(text(&report, "serial"), "54217");
    assert_eq!(array(&report, "errors").length(), 0);
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
    let first = array(&report, "errors").get(0);
    assert_eq!(text(&first, "code"), "invalid_character");
    assert_eq!(get(&first, "position"), JsValue::from(2));
    assert_eq!(text(&first, "looksLike"), "0");
    assert!(text(&first, "message").contains("Позиция 2"));
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
    let warnings = array(&report, "warnings");
    let codes: Vec<String> = warnings.iter().map(|w| text(&w, "code")).collect();
    assert_eq!(codes, ["sex_mismatch", "birth_date_mismatch"]);
    assert_eq!(text(&warnings.get(1), "detail"), "day_month_swapped");
}

#[wasm_bindgen_test]
fn today_defaults_to_the_browser_clock() {
    // Born 1 January 1900: valid, and more than 120 years before any date this test runs on.
    let report = check_pin("10101190012345", None).expect("report");
    assert_eq!(get(&report, "valid"), JsValue::TRUE);
    assert_eq!(
        text(&array(&report, "warnings").get(0), "code"),
        "age_over_120"
    );
}

#[wasm_bindgen_test]
fn bad_options_throw_errors_with_codes() {
    let error = check_pin("10202198254217", options(&[("today", "2026-13-45")]))
        .expect_err("a bad date must throw");
    assert!(error.is_instance_of::<js_sys::Error>());
    assert_eq!(text(&error, "code"), "invalid_date");
    let error = check_pin("10202198254217", options(&[("lang", "de")])).expect_err("bad lang");
    assert_eq!(text(&error, "code"), "invalid_lang");
}

const CSV: &str = "record_id;pin;last_name;first_name;patronymic;birth_date;sex\n\
    a;21503198700412;Жумагулов;Нурлан;Асанбекович;1987-03-15;M\n\
    b;21503198700977;Dzhumagulov;Nurlan;Asanbek uulu;15.03.1987;M\n\
    c;21503198700413;Жумагулов;Бакыт;Асанбекович;1987-03-15;M\n\
    ;21503198700414;Нет;Номера;;1987-03-15;M\n";

#[wasm_bindgen_test]
fn registry_reads_csv_text_and_reports_rows_left_out() {
    let registry = JsRegistry::from_csv(CSV.into(), options(&[("lang", "en")])).expect("registry");
    assert_eq!(registry.size(), 3);
    let diagnostics: js_sys::Array = registry.diagnostics().expect("diagnostics").into();
    assert_eq!(diagnostics.length(), 1);
    let first = diagnostics.get(0);
    assert_eq!(get(&first, "line"), JsValue::from(5));
    assert_eq!(text(&first, "code"), "missing_record_id");
    assert!(text(&first, "message").contains("record_id"));
}

#[wasm_bindgen_test]
fn registry_reads_bytes_and_rejects_a_file_without_names() {
    let bytes = js_sys::Uint8Array::from(CSV.as_bytes());
    assert!(JsRegistry::from_csv(bytes.into(), None).is_ok());
    let error = JsRegistry::from_csv("record_id,pin\n1,2\n".into(), None)
        .err()
        .expect("no name columns");
    assert_eq!(text(&error, "code"), "missing_column");
    let error = JsRegistry::from_csv(JsValue::from(42), None)
        .err()
        .expect("not a file");
    assert_eq!(text(&error, "code"), "invalid_input");
}

#[wasm_bindgen_test]
fn dedupe_finds_the_double_pin_and_reports_progress() {
    let registry = JsRegistry::from_csv(CSV.into(), None).expect("registry");
    let calls = js_sys::Array::new();
    let record =
        js_sys::Function::new_with_args("done, total", "this.push([done, total])").bind0(&calls);
    let result = registry
        .dedupe(Some(
            object(&[("onProgress", record.into())]).unchecked_into(),
        ))
        .expect("dedupe");
    let clusters = array(&result, "clusters");
    assert_eq!(clusters.length(), 1);
    let cluster = clusters.get(0);
    assert_eq!(text(&cluster, "clusterId"), "a");
    assert_eq!(text(&cluster, "kind"), "same_person_multiple_pins");
    let ids: Vec<String> = array(&cluster, "recordIds")
        .iter()
        .filter_map(|v| v.as_string())
        .collect();
    assert_eq!(ids, ["a", "b"]);
    let pair = array(&result, "pairs").get(0);
    // Each reason's code, and its words as a plain JavaScript string, the
    // message itself (kgpin's own texts cross once per text, see
    // `report::one_of_our_texts`).
    let reasons: Vec<(String, String)> = array(&pair, "reasons")
        .iter()
        .map(|r| (text(&r, "code"), text(&r, "message")))
        .collect();
    assert!(
        reasons
            .iter()
            .any(|(code, _)| code == "last_name_translit_match"),
        "{reasons:?}"
    );
    assert!(
        reasons
            .iter()
            .any(|(code, words)| code == "last_name_translit_match"
                && words == "Same surname in another spelling (Cyrillic/Latin)"),
        "{reasons:?}"
    );
    assert!(calls.length() >= 1, "onProgress was called");
    let last: js_sys::Array = calls.get(calls.length() - 1).into();
    assert_eq!(last.get(0), last.get(1), "the last call says done == total");
}

#[wasm_bindgen_test]
fn candidates_rank_the_same_person_first() {
    let registry = JsRegistry::from_csv(CSV.into(), None).expect("registry");
    let pins = js_sys::Array::of1(&"21503198700999".into());
    let person = object(&[
        ("lastName", "Zhumagulov".into()),
        ("firstName", "Nurlan".into()),
        ("patronymic", "Asanbekovich".into()),
        ("birthDate", "1987-03-15".into()),
        ("pins", pins.into()),
    ]);
    let found: js_sys::Array = registry
        .candidates(person, options(&[]))
        .expect("candidates")
        .into();
    let best = found.get(0);
    assert!(["a", "b"].contains(&text(&best, "recordId").as_str()));
    assert_eq!(text(&best, "kind"), "same_person_multiple_pins");
    let bad = object(&[
        ("lastName", "X".into()),
        ("firstName", "Y".into()),
        ("birthDate", "31.02.1990".into()),
    ]);
    let error = registry.candidates(bad, None).expect_err("bad date");
    assert_eq!(text(&error, "code"), "invalid_person");
}

#[wasm_bindgen_test]
fn a_persons_numbers_are_checked_together() {
    let pin =
        |pin: &str, document: &str| object(&[("pin", pin.into()), ("document", document.into())]);
    let pins = js_sys::Array::of2(
        &pin("10202198200311", "tax"),
        &pin("10202198254217", "passport"),
    );
    let person = object(&[
        ("lastName", "Асанова".into()),
        ("firstName", "Айгүл".into()),
        ("sex", "F".into()),
        ("birthDate", "02.02.1982".into()),
        ("pins", pins.into()),
    ]);
    let report =
        check_person(person, options(&[("today", "2026-11-25"), ("lang", "ru")])).expect("report");
    let roles: Vec<String> = array(&report, "pins")
        .iter()
        .map(|p| text(&p, "role"))
        .collect();
    assert_eq!(roles, ["duplicate", "keep"]);
    let finding = array(&report, "findings").get(0);
    assert_eq!(text(&finding, "code"), "several_pins_one_person");
    assert!(text(&finding, "message").contains("Социальный фонд"));
    assert_eq!(get(&report, "needsCorrection"), JsValue::TRUE);
    let error = check_person(object(&[("pins", "nope".into())]), None).expect_err("bad input");
    assert_eq!(text(&error, "code"), "invalid_person");
}
