//! The serialisable report of one PIN check: the shape that `kgpin check --json`
//! prints and `checkPin` returns, so the CLI and the WASM API cannot drift apart.

use serde::Serialize;

use crate::date::Date;
use crate::messages::{pin_error, pin_warning, Lang};
use crate::pin::{check, PinError, PinWarning, Stated};
use crate::sex::Sex;

/// A finding with its human message: `{code, message, ...data}` in JSON.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reported<T> {
    #[serde(flatten)]
    pub finding: T,
    pub message: String,
}

/// The outcome of checking one input, ready to print or hand to JavaScript.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CheckReport {
    /// The input exactly as given.
    pub input: String,
    pub valid: bool,
    /// The 14 cleaned digits, or `None` when the input is not 14 digits.
    pub pin: Option<String>,
    pub sex: Option<Sex>,
    pub birth_date: Option<Date>,
    pub serial: Option<String>,
    pub errors: Vec<Reported<PinError>>,
    pub warnings: Vec<Reported<PinWarning>>,
}

impl CheckReport {
    /// Checks `input` on `today` against what the person states, with messages in `lang`.
    ///
    /// ```
    /// use kgpin::{CheckReport, Date, Lang, pin::Stated};
    /// let today = Date::new(2026, 11, 25).unwrap();
    /// let report = CheckReport::new("10202198254217", today, &Stated::default(), Lang::En);
    /// assert!(report.valid);
    /// assert_eq!(report.serial.as_deref(), Some("54217"));
    /// ```
    pub fn new(input: &str, today: Date, stated: &Stated, lang: Lang) -> Self {
        let result = check(input, today, stated);
        let valid = result.is_valid();
        CheckReport {
            input: input.to_string(),
            valid,
            pin: result.digits.map(|d| d.to_string()),
            sex: result.pin.map(|p| p.sex()),
            birth_date: result.pin.map(|p| p.birth_date()),
            serial: result.pin.map(|p| p.serial().to_string()),
            errors: result
                .errors
                .into_iter()
                .map(|e| Reported {
                    message: pin_error(&e, lang),
                    finding: e,
                })
                .collect(),
            warnings: result
                .warnings
                .into_iter()
                .map(|w| Reported {
                    message: pin_warning(&w, lang),
                    finding: w,
                })
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_has_exactly_the_documented_fields() {
        let today = Date::new(2026, 11, 25).unwrap();
        let report = CheckReport::new("1O202198254217", today, &Stated::default(), Lang::En);
        let json = serde_json::to_value(&report).unwrap();
        let mut keys: Vec<&str> = json
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        keys.sort();
        assert_eq!(
            keys,
            [
                "birthDate",
                "errors",
                "input",
                "pin",
                "serial",
                "sex",
                "valid",
                "warnings"
            ]
        );
        assert_eq!(json["valid"], false);
        assert_eq!(json["pin"], serde_json::Value::Null);
        assert_eq!(json["errors"][0]["code"], "invalid_character");
        assert_eq!(json["errors"][0]["position"], 2);
        assert_eq!(json["errors"][0]["looksLike"], "0");
        assert!(json["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("Position 2"));
    }

    #[test]
    fn valid_report_decodes_every_part() {
        let today = Date::new(2026, 11, 25).unwrap();
        let stated = Stated {
            sex: Some(Sex::Female),
            birth_date: Some(Date::new(1982, 2, 2).unwrap()),
        };
        let json =
            serde_json::to_value(CheckReport::new("10202198254217", today, &stated, Lang::Ru))
                .unwrap();
        assert_eq!(
            json,
            serde_json::json!({
                "input": "10202198254217", "valid": true, "pin": "10202198254217",
                "sex": "F", "birthDate": "1982-02-02", "serial": "54217",
                "errors": [], "warnings": []
            })
        );
    }
}
