//! `checkPersonPins`: a person and every PIN they found, with the document
//! each came from; the citizen's pre-check, for any request form.

use kgpin::person::{Document, Holder};
use kgpin::report::check_person_pins;
use kgpin::{Date, Lang, Sex};
use wasm_bindgen::prelude::*;

use crate::check::local_today;
use crate::error::{js_error, parse_field, to_js};
use crate::read;

/// Checks each of a person's PINs against them and against each other: which
/// to keep, which look like double PINs to correct, and what to do next.
#[wasm_bindgen(js_name = checkPersonPins, unchecked_return_type = "PersonPinsReport")]
pub fn check_person(
    #[wasm_bindgen(unchecked_param_type = "PersonPins")] person: JsValue,
    options: Option<crate::PersonOptionsArg>,
) -> Result<JsValue, JsValue> {
    const BAD: &str = "invalid_person";
    let person = read::object(Some(person), BAD, "the person")?
        .ok_or_else(|| js_error(BAD, "a person is required"))?;
    let holder = Holder {
        last_name: read::text(&person, "lastName", BAD)?.unwrap_or_default(),
        first_name: read::text(&person, "firstName", BAD)?.unwrap_or_default(),
        patronymic: read::text(&person, "patronymic", BAD)?.unwrap_or_default(),
        sex: parse_field::<Sex>(read::text(&person, "sex", BAD)?, BAD, "sex")?,
        birth_date: parse_field::<Date>(read::text(&person, "birthDate", BAD)?, BAD, "birthDate")?,
    };
    let mut pins: Vec<(String, Document)> = Vec::new();
    for (at, item) in read::array(&person, "pins", read::MOST_PINS, BAD)?
        .ok_or_else(|| js_error(BAD, "pins is required"))?
        .into_iter()
        .enumerate()
    {
        let item = read::object(Some(item), BAD, &format!("pins[{at}]"))?
            .ok_or_else(|| js_error(BAD, &format!("pins[{at}] is missing")))?;
        let pin = read::text_named(&item, "pin", &format!("pins[{at}].pin"), BAD)?
            .ok_or_else(|| js_error(BAD, &format!("pins[{at}].pin is required")))?;
        let document = read::text_named(&item, "document", &format!("pins[{at}].document"), BAD)?
            .ok_or_else(|| js_error(BAD, &format!("pins[{at}].document is required")))?;
        let document = Document::from_code(&document).ok_or_else(|| {
            js_error(
                BAD,
                &format!("pins[{at}].document: unknown document {document:?}"),
            )
        })?;
        pins.push((pin, document));
    }
    let options = read::object(options.map(JsValue::from), "invalid_options", "options")?;
    let (today, lang) = match &options {
        Some(o) => (
            read::text(o, "today", "invalid_options")?,
            read::text(o, "lang", "invalid_options")?,
        ),
        None => (None, None),
    };
    let today = match parse_field::<Date>(today, "invalid_date", "today")? {
        Some(today) => today,
        None => local_today().ok_or_else(|| js_error("invalid_date", "no usable clock"))?,
    };
    let lang = parse_field::<Lang>(lang, "invalid_lang", "lang")?.unwrap_or_default();
    // A date of birth after today is a slip to fix, not a date to judge numbers by.
    if let Some(born) = holder.birth_date.filter(|born| *born > today) {
        return Err(js_error(
            BAD,
            &format!("birthDate: {born} is after today ({today})"),
        ));
    }
    to_js(&check_person_pins(&holder, &pins, today, lang))
}
