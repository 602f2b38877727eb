//! The answers a citizen asked to keep on this device: JSON text in local
//! storage, read and written field by field through the browser's own JSON
//! rather than a serde (de)serializer, which was 15 KB of the citizen page's
//! 149 KB gzipped. The text is the one earlier versions wrote: `last_name`,
//! `first_name`, `patronymic`, `sex` (`"F"`, `"M"` or null), `birth_date`
//! (`day`, `month`, `year`, as typed), `pins` (`id`, `pin`, `document`'s
//! code) and `next_id`. A missing field is empty; a field of another kind
//! makes the whole text unreadable, and the form starts fresh.

use js_sys::{Array, Object, Reflect, JSON};
use kgpin::person::Document;
use kgpin::Sex;
use wasm_bindgen::JsValue;

use super::state::{Answers, PinRow};
use crate::components::date_input::DateParts;

/// More rows than a citizen types: a text with more is not ours.
const MOST_ROWS: u32 = 100;

/// The answers as JSON text; `None` if the browser refuses.
pub fn to_text(answers: &Answers) -> Option<String> {
    let date = Object::new();
    put(&date, "day", answers.birth_date.day.as_str().into())?;
    put(&date, "month", answers.birth_date.month.as_str().into())?;
    put(&date, "year", answers.birth_date.year.as_str().into())?;
    let pins = Array::new();
    for row in &answers.pins {
        let item = Object::new();
        put(&item, "id", row.id.into())?;
        put(&item, "pin", row.pin.as_str().into())?;
        let document = row.document.map_or(JsValue::NULL, |d| d.code().into());
        put(&item, "document", document)?;
        pins.push(&item);
    }
    let all = Object::new();
    put(&all, "last_name", answers.last_name.as_str().into())?;
    put(&all, "first_name", answers.first_name.as_str().into())?;
    put(&all, "patronymic", answers.patronymic.as_str().into())?;
    let sex = answers.sex.map_or(JsValue::NULL, |s| s.code().into());
    put(&all, "sex", sex)?;
    put(&all, "birth_date", date.into())?;
    put(&all, "pins", pins.into())?;
    put(&all, "next_id", answers.next_id.into())?;
    JSON::stringify(&all).ok()?.as_string()
}

/// The answers kept as `text`; `None` when it is not such a text.
pub fn from_text(text: &str) -> Option<Answers> {
    let all = object(JSON::parse(text).ok()?)?;
    let date = match field(&all, "birth_date")? {
        Some(value) => {
            let date = object(value)?;
            DateParts {
                day: text_of(&date, "day")?,
                month: text_of(&date, "month")?,
                year: text_of(&date, "year")?,
            }
        }
        None => DateParts::default(),
    };
    let sex = match field(&all, "sex")? {
        Some(value) if !value.is_null() => Some(value.as_string()?.parse::<Sex>().ok()?),
        _ => None,
    };
    let pins = match field(&all, "pins")? {
        Some(value) if Array::is_array(&value) => {
            let rows = Array::from(&value);
            if rows.length() > MOST_ROWS {
                return None;
            }
            let mut pins = Vec::new();
            for item in rows.iter() {
                let item = object(item)?;
                pins.push(PinRow {
                    id: number(field(&item, "id")??)?,
                    pin: field(&item, "pin")??.as_string()?,
                    document: match field(&item, "document")? {
                        Some(value) if !value.is_null() => {
                            Some(Document::from_code(&value.as_string()?)?)
                        }
                        _ => None,
                    },
                });
            }
            pins
        }
        Some(_) => return None,
        None => Vec::new(),
    };
    Some(Answers {
        last_name: text_of(&all, "last_name")?,
        first_name: text_of(&all, "first_name")?,
        patronymic: text_of(&all, "patronymic")?,
        sex,
        birth_date: date,
        pins,
        next_id: field(&all, "next_id")?.map_or(Some(0), number)?,
        ..Answers::default()
    })
}

fn put(object: &Object, key: &str, value: JsValue) -> Option<()> {
    Reflect::set(object, &key.into(), &value)
        .ok()?
        .then_some(())
}

/// `value` if it is a plain object (not an array, not null).
fn object(value: JsValue) -> Option<Object> {
    (value.is_object() && !Array::is_array(&value)).then(|| Object::from(value))
}

/// The field `key`: `Some(None)` when it is missing, `None` when it cannot be read.
fn field(object: &Object, key: &str) -> Option<Option<JsValue>> {
    let value = Reflect::get(object, &key.into()).ok()?;
    Some((!value.is_undefined()).then_some(value))
}

/// The text field `key`, empty when missing.
fn text_of(object: &Object, key: &str) -> Option<String> {
    match field(object, key)? {
        Some(value) => value.as_string(),
        None => Some(String::new()),
    }
}

/// A whole number from 0 to `u32::MAX`.
fn number(value: JsValue) -> Option<u32> {
    let n = value.as_f64()?;
    (n.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&n)).then_some(n as u32)
}
