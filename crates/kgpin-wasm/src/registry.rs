//! `Registry`: a registry extract loaded in the page, for duplicate pre-checks
//! and whole-file deduplication. Nothing leaves the page.

use kgpin::matching::{
    dedupe_indexed, index::Index, Batch, Decided, Options, Person, Progress, Stage,
};
use kgpin::messages::{self, Lang};
use kgpin::registry::{Diagnostic, Registry};
use kgpin::report::{CandidateReport, DedupeReport, Reported, StageTime};
use wasm_bindgen::prelude::*;

use crate::error::{js_error, parse_field, to_js};
use crate::read;

/// A registry extract held in the page's memory.
#[wasm_bindgen(js_name = Registry)]
pub struct JsRegistry {
    /// The file's figures and row problems (its records live in `index`).
    registry: Registry,
    index: Index,
    lang: Lang,
}

#[wasm_bindgen(js_class = Registry)]
impl JsRegistry {
    /// Reads a CSV registry extract (UTF-8 or Windows-1251, `,` or `;`).
    /// Rows that cannot be used are listed in `diagnostics`, never dropped silently.
    #[wasm_bindgen(js_name = fromCsv)]
    pub fn from_csv(
        #[wasm_bindgen(unchecked_param_type = "Uint8Array | string")] input: JsValue,
        options: Option<crate::RegistryOptionsArg>,
    ) -> Result<JsRegistry, JsValue> {
        let lang = match read::object(options.map(JsValue::from), "invalid_options", "options")? {
            Some(options) => read::text(&options, "lang", "invalid_options")?,
            None => None,
        };
        let lang = parse_field::<Lang>(lang, "invalid_lang", "lang")?.unwrap_or_default();
        let bytes = if let Some(text) = input.as_string() {
            text.into_bytes()
        } else if input.is_instance_of::<js_sys::Uint8Array>() {
            js_sys::Uint8Array::from(input).to_vec()
        } else {
            return Err(js_error(
                "invalid_input",
                "expected a Uint8Array or a string",
            ));
        };
        // Today's date in Bishkek, as the CLI and the app have it: a minor's
        // record never carries a married surname.
        let mut batch = Batch::on(kgpin::Date::in_bishkek_at(
            (js_sys::Date::now() / 1000.0) as i64,
        ));
        // The records go to the batch as they are read, never kept whole.
        let registry = Registry::read_csv_in_chunks(&bytes, |records| batch.add(records))
            .map_err(|e| js_error(e.code(), &messages::registry_error(&e, lang)))?;
        drop(bytes);
        batch.finish();
        let options = Options::for_records(batch.len());
        let index = Index::of_batch(batch, options);
        Ok(JsRegistry {
            registry,
            index,
            lang,
        })
    }

    /// Number of records read (rows left out are in `diagnostics`).
    #[wasm_bindgen(getter)]
    pub fn size(&self) -> usize {
        self.index.len()
    }

    /// Every row problem, with its line number, code and message.
    #[wasm_bindgen(getter, unchecked_return_type = "Diagnostic[]")]
    pub fn diagnostics(&self) -> Result<JsValue, JsValue> {
        let out: Vec<Reported<&Diagnostic>> = self
            .registry
            .diagnostics
            .iter()
            .map(|d| Reported {
                finding: d,
                message: messages::problem(&d.problem, self.lang),
            })
            .collect();
        to_js(&out)
    }

    /// The records that may be `person`, best first.
    #[wasm_bindgen(unchecked_return_type = "Candidate[]")]
    pub fn candidates(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Person")] person: JsValue,
        options: Option<crate::CandidateOptionsArg>,
    ) -> Result<JsValue, JsValue> {
        let person = person_of(person)?;
        let limit = match read::object(options.map(JsValue::from), "invalid_options", "options")? {
            Some(options) => read::number(&options, "limit", "invalid_options")?,
            None => None,
        };
        let limit = match limit {
            None => 10,
            Some(n) if n >= 0.0 && n.fract() == 0.0 => n as usize,
            Some(_) => {
                return Err(js_error(
                    "invalid_options",
                    "limit must be a whole number, 0 or more",
                ))
            }
        };
        let found = self.index.candidates(&person, limit);
        let out: Vec<CandidateReport> = found
            .iter()
            .map(|c| CandidateReport::new(c, self.index.record_id(c.record), self.lang))
            .collect();
        to_js(&out)
    }

    /// Finds duplicate candidates in the whole registry: the report that
    /// `kgpin dedupe --json` prints (summary, clusters, explained pairs, row problems).
    #[wasm_bindgen(unchecked_return_type = "DedupeReport")]
    pub fn dedupe(&self, options: Option<crate::DedupeOptionsArg>) -> Result<JsValue, JsValue> {
        let mut settings = Options::for_records(self.index.len());
        let mut on_progress: Option<js_sys::Function> = None;
        if let Some(options) =
            read::object(options.map(JsValue::from), "invalid_options", "options")?
        {
            let number = |key: &str| read::number(&options, key, "invalid_options");
            if let Some(threshold) = number("threshold")? {
                settings = Options::with_threshold(threshold as f32);
            }
            if let Some(review_threshold) = number("reviewThreshold")? {
                settings.review_threshold = review_threshold as f32;
            }
            on_progress = read::function(&options, "onProgress", "invalid_options")?;
        }
        let mut callback_error = None;
        let mut work = 0;
        let batch = self.index.batch();
        let options = settings;
        let mut stages: Vec<(Stage, f64)> = Vec::new();
        // The blocks the index holds: the file is not keyed again.
        let result = dedupe_indexed(
            &self.index,
            &options,
            &Decided::default(),
            &mut |p: Progress| {
                if stages.last().map(|(stage, _)| *stage) != Some(p.stage) {
                    stages.push((p.stage, js_sys::Date::now()));
                }
                if p.stage == Stage::Compare {
                    work = p.total;
                }
                if let (Some(f), Stage::Compare, None) = (&on_progress, p.stage, &callback_error) {
                    if let Err(e) = f.call2(
                        &JsValue::NULL,
                        &(p.done as f64).into(),
                        &(p.total as f64).into(),
                    ) {
                        callback_error = Some(e);
                    }
                }
            },
        );
        if let Some(error) = callback_error {
            return Err(error);
        }
        if let Some(f) = &on_progress {
            let total = (work as f64).into();
            f.call2(&JsValue::NULL, &total, &total)?;
        }
        stages.push((Stage::Cluster, js_sys::Date::now()));
        let mut report = DedupeReport::new(
            &self.registry,
            &batch.record_ids,
            &result,
            &options,
            self.lang,
        );
        report.summary.timings = StageTime::between(&stages);
        to_js(&report)
    }
}

/// A `Person` as the package's types have it (every field optional).
fn person_of(value: JsValue) -> Result<Person, JsValue> {
    const BAD: &str = "invalid_person";
    let person = read::object(Some(value), BAD, "the person")?
        .ok_or_else(|| js_error(BAD, "a person is required"))?;
    let mut pins = Vec::new();
    for (at, pin) in read::array(&person, "pins", read::MOST_PINS, BAD)?
        .unwrap_or_default()
        .into_iter()
        .enumerate()
    {
        pins.push(
            pin.as_string()
                .ok_or_else(|| js_error(BAD, &format!("pins[{at}] must be a string")))?,
        );
    }
    Ok(Person {
        last_name: read::text(&person, "lastName", BAD)?.unwrap_or_default(),
        first_name: read::text(&person, "firstName", BAD)?.unwrap_or_default(),
        patronymic: read::text(&person, "patronymic", BAD)?,
        birth_date: parse_field(read::text(&person, "birthDate", BAD)?, BAD, "birthDate")?,
        sex: parse_field(read::text(&person, "sex", BAD)?, BAD, "sex")?,
        pins,
    })
}
