//! Records prepared for matching: names as keys, dates and PINs as numbers,
//! and how common each name is (term frequencies).

use rustc_hash::FxHashMap;

use crate::date::Date;
use crate::names::{father_key, name_forms, surname_stem_of_key};
use crate::pin::{Pin, PinFragment};
use crate::registry::{pin_digits, Record};
use crate::sex::Sex;

/// What a person is known by, as a query or a registry row.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Person {
    pub last_name: String,
    pub first_name: String,
    pub patronymic: Option<String>,
    pub birth_date: Option<Date>,
    pub sex: Option<Sex>,
    pub pins: Vec<String>,
}

/// One record in matching form. Cheap to compare: no allocation on the equal paths.
#[derive(Debug, Clone, PartialEq)]
pub struct Prepared {
    pub last_key: String,
    pub last_stem: String,
    pub first_key: String,
    pub father: Option<String>,
    /// The stated birth date.
    pub birth_date: Option<Date>,
    /// The PIN's birth date, when the PIN is valid.
    pub pin_birth_date: Option<Date>,
    /// The stated sex, else the PIN's.
    pub sex: Option<Sex>,
    /// The recorded PIN's 14 digits as a number, when it has that shape.
    pub pin: Option<u64>,
    /// What survives of a damaged PIN.
    pub pin_fragment: Option<PinFragment>,
    /// The raw names, to tell an exact match from a transliteration match.
    pub raw_names: (String, String),
    /// Surname and first name in plain Latin, to judge typos.
    pub plain_names: (String, String),
    /// How common the surname stem / first name / father's name are (share of records).
    pub last_freq: f32,
    pub first_freq: f32,
    pub father_freq: f32,
}

impl Prepared {
    fn new(
        last: &str,
        first: &str,
        patronymic: &str,
        birth_date: Option<Date>,
        sex: Option<Sex>,
        pin_text: &str,
        pin: Option<Pin>,
    ) -> Prepared {
        let pin_fragment = PinFragment::from_input(pin_text);
        // Look-alike letters read as digits give the whole PIN, so its date is as good as a valid PIN's.
        let repaired_date = match &pin_fragment {
            Some(PinFragment::LookAlikes(digits)) => {
                digits.parse::<Pin>().ok().map(|p| p.birth_date())
            }
            _ => None,
        };
        let (last_key, last_plain) = name_forms(last);
        let (first_key, first_plain) = name_forms(first);
        Prepared {
            last_stem: surname_stem_of_key(&last_key),
            last_key,
            first_key,
            father: father_key(patronymic),
            birth_date,
            pin_birth_date: pin.map(|p| p.birth_date()).or(repaired_date),
            sex: sex.or(pin.map(|p| p.sex())),
            pin: pin_digits(pin_text).and_then(|d| d.parse().ok()),
            pin_fragment,
            raw_names: (last.trim().to_lowercase(), first.trim().to_lowercase()),
            plain_names: (last_plain, first_plain),
            last_freq: 0.0,
            first_freq: 0.0,
            father_freq: 0.0,
        }
    }

    pub fn from_record(record: &Record) -> Prepared {
        Prepared::new(
            &record.last_name,
            &record.first_name,
            &record.patronymic,
            record.birth_date,
            record.sex,
            &record.pin_text,
            record.pin,
        )
    }

    /// One prepared form per PIN of the person (one without a PIN if none).
    pub fn from_person(person: &Person) -> Vec<Prepared> {
        let patronymic = person.patronymic.as_deref().unwrap_or("");
        let make = |pin: &str| {
            Prepared::new(
                &person.last_name,
                &person.first_name,
                patronymic,
                person.birth_date,
                person.sex,
                pin,
                pin.parse().ok(),
            )
        };
        if person.pins.is_empty() {
            vec![make("")]
        } else {
            person.pins.iter().map(|p| make(p)).collect()
        }
    }

    /// The birth date to compare: the stated one, else the PIN's.
    pub fn best_birth_date(&self) -> Option<Date> {
        self.birth_date.or(self.pin_birth_date)
    }
}

/// Weight of the prior in name frequencies, in records.
const PRIOR_RECORDS: f32 = 1000.0;
/// A typical surname's share of a population (surnames are many).
const TYPICAL_SURNAME_SHARE: f32 = 0.001;
/// A typical first name's share (first names are fewer).
const TYPICAL_FIRST_NAME_SHARE: f32 = 0.003;

/// Counts of name keys over a registry: a shared rare name is stronger evidence
/// than a shared common one.
#[derive(Debug, Clone, Default)]
pub struct Frequencies {
    total: f32,
    last: FxHashMap<String, u32>,
    first: FxHashMap<String, u32>,
    father: FxHashMap<String, u32>,
}

fn count_keys<'a>(keys: impl Iterator<Item = &'a str>) -> FxHashMap<String, u32> {
    let mut counts: FxHashMap<&str, u32> = FxHashMap::default();
    for key in keys {
        *counts.entry(key).or_default() += 1;
    }
    // Own only the distinct keys, far fewer than the records.
    counts
        .into_iter()
        .map(|(k, n)| (k.to_string(), n))
        .collect()
}

impl Frequencies {
    pub fn count(records: &[Prepared]) -> Frequencies {
        Frequencies {
            total: records.len().max(1) as f32,
            last: count_keys(records.iter().map(|r| r.last_stem.as_str())),
            first: count_keys(records.iter().map(|r| r.first_key.as_str())),
            father: count_keys(records.iter().filter_map(|r| r.father.as_deref())),
        }
    }

    /// A name's share of the records, smoothed towards a typical share so that
    /// a small file (where every name is "common") does not drown the evidence.
    fn share(&self, map: &FxHashMap<String, u32>, key: &str, typical: f32) -> f32 {
        let count = map.get(key).copied().unwrap_or(0) as f32;
        (count + PRIOR_RECORDS * typical) / (self.total + PRIOR_RECORDS)
    }

    /// Fills in a record's name frequencies.
    pub fn annotate(&self, r: &mut Prepared) {
        r.last_freq = self.share(&self.last, &r.last_stem, TYPICAL_SURNAME_SHARE);
        r.first_freq = self.share(&self.first, &r.first_key, TYPICAL_FIRST_NAME_SHARE);
        r.father_freq = r.father.as_deref().map_or(0.0, |k| {
            self.share(&self.father, k, TYPICAL_FIRST_NAME_SHARE)
        });
    }
}
