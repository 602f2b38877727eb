//! `checkPersonPins`: a person and every PIN they found, with the document
//! each came from; the citizen's pre-check, for any request form.

use kgpin::person::{Document, Holder};
use kgpin::report::check_person_pins;
use kgpin::{Date, Lang};
use serde::Deserialize;
use wasm_bindgen::prelude::*;

use crate::check::local_today;
use crate::error::{js_error, options_of, parse_field, to_js};

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct PinInput {
    pin: String,
    document: Document,
}

/// The person as `PersonPins` has it: the holder's fields beside `pins`.
/// Listed here rather than `#[serde(flatten)]`ed from `Holder`: flattening
/// buffers the object in serde's generic content type, 4.3 KB of the
/// package's gzipped `.wasm` (measured) for five fields.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct PersonInput {
    #[serde(default)]
    last_name: String,
    #[serde(default)]
    first_name: String,
    #[serde(default)]
    patronymic: String,
    #[serde(default)]
    sex: Option<kgpin::Sex>,
    #[serde(default)]
    birth_date: Option<Date>,
    pins: Vec<PinInput>,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
struct PersonOptions {
    today: Option<String>,
    lang: Option<String>,
}

/// Checks each of a person's PINs against them and against each other: which
/// to keep, which look like double PINs to correct, and what to do next.
#[wasm_bindgen(js_name = checkPersonPins, unchecked_return_type = "PersonPinsReport")]
pub fn check_person(
    #[wasm_bindgen(unchecked_param_type = "PersonPins")] person: JsValue,
    options: Option<crate::PersonOptionsArg>,
) -> Result<JsValue, JsValue> {
    let input: PersonInput = serde_wasm_bindgen::from_value(person)
        .map_err(|e| js_error("invalid_person", &e.to_string()))?;
    let options: PersonOptions = options_of(options.map(JsValue::from))?;
    let today = match parse_field::<Date>(options.today, "invalid_date", "today")? {
        Some(today) => today,
        None => local_today().ok_or_else(|| js_error("invalid_date", "no usable clock"))?,
    };
    let lang = parse_field::<Lang>(options.lang, "invalid_lang", "lang")?.unwrap_or_default();
    let pins: Vec<(String, Document)> = input
        .pins
        .into_iter()
        .map(|p| (p.pin, p.document))
        .collect();
    let holder = Holder {
        last_name: input.last_name,
        first_name: input.first_name,
        patronymic: input.patronymic,
        sex: input.sex,
        birth_date: input.birth_date,
    };
    to_js(&check_person_pins(&holder, &pins, today, lang))
}
