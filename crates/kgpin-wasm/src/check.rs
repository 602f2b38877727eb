//! `checkPin`: one PIN, the same report as `kgpin check --json`.

use kgpin::pin::Stated;
use kgpin::{CheckReport, Date, Lang, Sex};
use serde::Deserialize;
use wasm_bindgen::prelude::*;

use crate::error::{js_error, options_of, parse_field, to_js};

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
struct CheckOptions {
    today: Option<String>,
    sex: Option<String>,
    birth_date: Option<String>,
    lang: Option<String>,
}

/// The browser's (or Node's) local date.
pub fn local_today() -> Option<Date> {
    let now = js_sys::Date::new_0();
    Date::new(now.get_full_year(), now.get_month() + 1, now.get_date()).ok()
}

/// Checks one PIN and returns the same report as `kgpin check --json`.
#[wasm_bindgen(js_name = checkPin, unchecked_return_type = "CheckReport")]
pub fn check_pin(input: &str, options: Option<crate::CheckOptionsArg>) -> Result<JsValue, JsValue> {
    let options: CheckOptions = options_of(options.map(JsValue::from))?;
    let today = match parse_field::<Date>(options.today, "invalid_date", "today")? {
        Some(today) => today,
        None => local_today().ok_or_else(|| js_error("invalid_date", "no usable clock"))?,
    };
    let stated = Stated {
        sex: parse_field::<Sex>(options.sex, "invalid_sex", "sex")?,
        birth_date: parse_field::<Date>(options.birth_date, "invalid_date", "birthDate")?,
    };
    let lang = parse_field::<Lang>(options.lang, "invalid_lang", "lang")?.unwrap_or_default();
    to_js(&CheckReport::new(input, today, &stated, lang))
}
