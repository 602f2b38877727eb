//! kgpin for JavaScript. Thin bindings over the `kgpin` core: they translate
//! types and errors and hold no rules of their own.
//!
//! ```js
//! import init, { checkPin } from "kgpin";
//! await init();
//! const report = checkPin("10202198254217", { lang: "ru", sex: "F" });
//! report.valid; // true
//! ```

use kgpin::pin::Stated;
use kgpin::{CheckReport, Date, Lang, Sex};
use serde::{Deserialize, Serialize as _};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TYPESCRIPT_TYPES: &'static str = r#"
/** Options of {@link checkPin}. Dates are `YYYY-MM-DD`. */
export interface CheckOptions {
  /** The date to check against; default: the browser's local date. */
  today?: string;
  /** The person's stated sex, compared with the PIN's sex digit. */
  sex?: "F" | "M";
  /** The person's stated date of birth, compared with the PIN's. */
  birthDate?: string;
  /** Language of the messages; default "en". */
  lang?: "ky" | "ru" | "en";
}
/** One finding: a stable `code`, a human `message`, and the data the message is built from. */
export interface Finding {
  code: string;
  message: string;
  position?: number;
  character?: string;
  looksLike?: string;
  expected?: number;
  found?: number;
  value?: string;
  digit?: string;
  digits?: string;
  birthDate?: string;
  today?: string;
  year?: number;
  age?: number;
  pinSex?: "F" | "M";
  statedSex?: "F" | "M";
  pinBirthDate?: string;
  statedBirthDate?: string;
  detail?: "day_month_swapped" | "one_digit" | "different";
}
/** What `kgpin check --json` prints for one input. */
export interface CheckReport {
  input: string;
  valid: boolean;
  pin: string | null;
  sex: "F" | "M" | null;
  birthDate: string | null;
  serial: string | null;
  errors: Finding[];
  warnings: Finding[];
}
/** Thrown for bad arguments: a normal `Error` with a stable `code`. */
export interface KgpinError extends Error {
  code: "invalid_options" | "invalid_date" | "invalid_sex" | "invalid_lang";
}
"#;

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
struct CheckOptions {
    today: Option<String>,
    sex: Option<String>,
    birth_date: Option<String>,
    lang: Option<String>,
}

/// A JavaScript `Error` with a machine-readable `code` property.
fn js_error(code: &str, message: &str) -> JsValue {
    let error = js_sys::Error::new(message);
    // Setting a property on a fresh plain Error object cannot fail.
    let _ = js_sys::Reflect::set(&error, &"code".into(), &code.into());
    error.into()
}

fn parse_field<T: std::str::FromStr>(
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

/// The browser's local date.
pub fn browser_today() -> Option<Date> {
    let now = js_sys::Date::new_0();
    Date::new(now.get_full_year(), now.get_month() + 1, now.get_date()).ok()
}

/// Checks one PIN and returns the same report as `kgpin check --json`.
#[wasm_bindgen(js_name = checkPin, unchecked_return_type = "CheckReport")]
pub fn check_pin(
    input: &str,
    #[wasm_bindgen(unchecked_param_type = "CheckOptions | undefined")] options: JsValue,
) -> Result<JsValue, JsValue> {
    let options: CheckOptions = if options.is_undefined() || options.is_null() {
        CheckOptions::default()
    } else {
        serde_wasm_bindgen::from_value(options)
            .map_err(|e| js_error("invalid_options", &e.to_string()))?
    };
    let today = match parse_field::<Date>(options.today, "invalid_date", "today")? {
        Some(today) => today,
        None => browser_today().ok_or_else(|| js_error("invalid_date", "no usable clock"))?,
    };
    let stated = Stated {
        sex: parse_field::<Sex>(options.sex, "invalid_sex", "sex")?,
        birth_date: parse_field::<Date>(options.birth_date, "invalid_date", "birthDate")?,
    };
    let lang = parse_field::<Lang>(options.lang, "invalid_lang", "lang")?.unwrap_or_default();
    let report = CheckReport::new(input, today, &stated, lang);
    report
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| js_error("internal", &e.to_string()))
}
