//! Records prepared for matching: names as interned keys (so comparing two
//! names is comparing two numbers), dates and PINs as numbers, and how common
//! each name is (term frequencies).

use rustc_hash::FxHashMap;

use crate::date::Date;
use crate::names::{father_key, name_forms, surname_stem_of_key};
use crate::pin::pin_digits;
use crate::pin::{Pin, PinFragment};
use crate::registry::Record;
use crate::sex::Sex;

/// What a person is known by, as a query or a registry row.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Person {
    /// Surname, in any script.
    pub last_name: String,
    /// First name, in any script.
    pub first_name: String,
    /// Patronymic (-ovich/-ovna or uulu/kyzy form), if known.
    pub patronymic: Option<String>,
    /// Date of birth, if known.
    pub birth_date: Option<Date>,
    /// Sex, if known.
    pub sex: Option<Sex>,
    /// Every PIN the person is known by; may be empty.
    pub pins: Vec<String>,
}

/// A name's number in a [`Vocabulary`]. `NO_NAME` is the empty name.
pub type NameId = u32;
/// The id of the empty name, interned first in every vocabulary.
pub const NO_NAME: NameId = 0;

/// Every distinct name string of a batch, once.
#[derive(Debug, Clone)]
pub struct Vocabulary {
    ids: FxHashMap<Box<str>, NameId>,
    names: Vec<Box<str>>,
}

impl Default for Vocabulary {
    fn default() -> Self {
        let mut vocabulary = Vocabulary {
            ids: FxHashMap::default(),
            names: Vec::new(),
        };
        vocabulary.intern(String::new());
        vocabulary
    }
}

impl Vocabulary {
    /// The id of `name`, adding it if new.
    pub fn intern(&mut self, name: String) -> NameId {
        if let Some(&id) = self.ids.get(name.as_str()) {
            return id;
        }
        let id = self.names.len() as NameId;
        let name: Box<str> = name.into_boxed_str();
        self.names.push(name.clone());
        self.ids.insert(name, id);
        id
    }
    /// Number of names, the empty name included.
    pub fn len(&self) -> usize {
        self.names.len()
    }
    /// Whether the vocabulary holds only the empty name.
    pub fn is_empty(&self) -> bool {
        self.names.len() <= 1
    }
}

/// Turns name ids back into text, for the similarity measures.
pub trait Names {
    /// The text of the name `id`; empty for an unknown id.
    fn name(&self, id: NameId) -> &str;
}

impl Names for Vocabulary {
    fn name(&self, id: NameId) -> &str {
        self.names.get(id as usize).map_or("", |n| n)
    }
}

/// A vocabulary extended, without changing it, by the names of one query.
pub struct Overlay<'a> {
    base: &'a Vocabulary,
    extra: Vec<String>,
}

impl<'a> Overlay<'a> {
    /// An overlay of `base` with no extra names yet.
    pub fn new(base: &'a Vocabulary) -> Self {
        Overlay {
            base,
            extra: Vec::new(),
        }
    }
    /// The id of `name`: the base vocabulary's if it has it, else a new id past its end.
    pub fn intern(&mut self, name: String) -> NameId {
        if let Some(&id) = self.base.ids.get(name.as_str()) {
            return id;
        }
        if let Some(i) = self.extra.iter().position(|n| *n == name) {
            return (self.base.len() + i) as NameId;
        }
        self.extra.push(name);
        (self.base.len() + self.extra.len() - 1) as NameId
    }
}

impl Names for Overlay<'_> {
    fn name(&self, id: NameId) -> &str {
        let id = id as usize;
        if id < self.base.len() {
            self.base.name(id as NameId)
        } else {
            self.extra.get(id - self.base.len()).map_or("", |n| n)
        }
    }
}

/// A fingerprint of a name as written, ignoring case and surrounding spaces.
fn as_written(name: &str) -> u64 {
    use std::hash::Hasher;
    let mut hasher = rustc_hash::FxHasher::default();
    for c in name.trim().chars().flat_map(char::to_lowercase) {
        hasher.write_u32(c as u32);
    }
    hasher.finish()
}

/// A record's names and numbers as text, before interning (made in parallel).
#[derive(Debug, Clone)]
pub struct Spelled {
    last_key: String,
    last_stem: String,
    first_key: String,
    father: Option<String>,
    raw_last: u64,
    raw_first: u64,
    plain_last: String,
    plain_first: String,
    birth_date: Option<Date>,
    pin_birth_date: Option<Date>,
    sex: Option<Sex>,
    pin: Option<u64>,
    pin_fragment: Option<PinFragment>,
}

impl Spelled {
    fn new(
        last: &str,
        first: &str,
        patronymic: &str,
        birth_date: Option<Date>,
        sex: Option<Sex>,
        pin_text: &str,
        pin: Option<Pin>,
    ) -> Spelled {
        // A valid PIN is already cleaned and read; only other inputs are cleaned
        // again, for a PIN-shaped number or what survives of a damaged PIN.
        let (pin_number, pin_fragment) = match pin {
            Some(pin) => (pin.as_str().parse().ok(), None),
            None => (
                pin_digits(pin_text).and_then(|d| d.parse().ok()),
                PinFragment::from_input(pin_text),
            ),
        };
        // Look-alike letters read as digits give the whole PIN, so its date is as good as a valid PIN's.
        let repaired_date = match &pin_fragment {
            Some(PinFragment::LookAlikes(digits)) => {
                digits.parse::<Pin>().ok().map(|p| p.birth_date())
            }
            _ => None,
        };
        let (last_key, plain_last) = name_forms(last);
        let (first_key, plain_first) = name_forms(first);
        Spelled {
            last_stem: surname_stem_of_key(&last_key),
            last_key,
            first_key,
            father: father_key(patronymic),
            raw_last: as_written(last),
            raw_first: as_written(first),
            plain_last,
            plain_first,
            birth_date,
            pin_birth_date: pin.map(|p| p.birth_date()).or(repaired_date),
            sex: sex.or(pin.map(|p| p.sex())),
            pin: pin_number,
            pin_fragment,
        }
    }

    /// The names and numbers of a registry row.
    pub fn from_record(record: &Record) -> Spelled {
        Spelled::new(
            &record.last_name,
            &record.first_name,
            &record.patronymic,
            record.birth_date,
            record.sex,
            &record.pin_text,
            record.pin,
        )
    }

    /// One form per PIN of the person (one without a PIN if none).
    pub fn from_person(person: &Person) -> Vec<Spelled> {
        let patronymic = person.patronymic.as_deref().unwrap_or("");
        let make = |pin: &str| {
            Spelled::new(
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

    /// Interns the names; `intern` is a [`Vocabulary`]'s or an [`Overlay`]'s.
    pub fn intern(self, mut intern: impl FnMut(String) -> NameId) -> Prepared {
        let initial = |s: &str| s.bytes().next().unwrap_or(0);
        Prepared {
            first_initial: initial(&self.first_key),
            last_initial: initial(&self.last_stem),
            last_key: intern(self.last_key),
            last_stem: intern(self.last_stem),
            first_key: intern(self.first_key),
            father: self.father.map_or(NO_NAME, &mut intern),
            raw_last: self.raw_last,
            raw_first: self.raw_first,
            plain_last: intern(self.plain_last),
            plain_first: intern(self.plain_first),
            birth_date: self.birth_date,
            pin_birth_date: self.pin_birth_date,
            sex: self.sex,
            pin: self.pin,
            pin_fragment: self.pin_fragment.map(Box::new),
            last_freq: 0.0,
            first_freq: 0.0,
            father_freq: 0.0,
            last_established: false,
            first_established: false,
            father_established: false,
            minor: false,
        }
    }
}

/// One record in matching form: small, and cheap to compare.
#[derive(Debug, Clone, PartialEq)]
pub struct Prepared {
    /// The surname's canonical key.
    pub last_key: NameId,
    /// The surname key without its -ov/-ev (-in) ending, so Asanova, Asanov and Asan meet.
    pub last_stem: NameId,
    /// The first name's canonical key.
    pub first_key: NameId,
    /// The father's name a patronymic names; `NO_NAME` when none is given.
    pub father: NameId,
    /// Fingerprints of the names as written (any case), to tell exact from
    /// transliteration matches without keeping the text.
    pub raw_last: u64,
    /// Fingerprint of the first name as written.
    pub raw_first: u64,
    /// The names in plain Latin, to judge typos.
    pub plain_last: NameId,
    /// The first name in plain Latin.
    pub plain_first: NameId,
    /// First letters of the first-name key and of the surname stem (0 if none), for blocking.
    pub first_initial: u8,
    /// First letter of the surname stem (0 if none).
    pub last_initial: u8,
    /// The stated birth date.
    pub birth_date: Option<Date>,
    /// The PIN's birth date, when the PIN is valid (or repaired from look-alike letters).
    pub pin_birth_date: Option<Date>,
    /// The stated sex, else the PIN's.
    pub sex: Option<Sex>,
    /// The recorded PIN's 14 digits as a number, when it has that shape.
    pub pin: Option<u64>,
    /// What survives of a damaged PIN.
    pub pin_fragment: Option<Box<PinFragment>>,
    /// How common the surname stem / first name / father's name are (share of records).
    pub last_freq: f32,
    /// How common the first name is (share of records).
    pub first_freq: f32,
    /// How common the father's name is (share of records).
    pub father_freq: f32,
    /// The surname stem is established in this file (see [`Frequencies::established`]).
    pub last_established: bool,
    /// The first name is established in this file (see [`Frequencies::established`]).
    pub first_established: bool,
    /// The father's name is established in this file.
    pub father_established: bool,
    /// Born under 18 years before the batch's `today`: no married surname.
    pub minor: bool,
}

impl Prepared {
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

/// The age of marriage in Kyrgyzstan: younger people have their birth surname.
const ADULT_AGE: u32 = 18;

/// A name written on at least this many records ...
const ESTABLISHED_MIN_RECORDS: u32 = 5;
/// ... and on at least this share of them is an established name of the
/// file, not a slip: a slip of a common name is spread over many spellings,
/// each rare (measured on `kgpin synth --profile country` up to 7.3M records,
/// where the commonest slip of the commonest name stays well under 1e-4).
const ESTABLISHED_MIN_SHARE: f32 = 1e-4;

/// Counts of names over a batch: a shared rare name is stronger evidence than
/// a shared common one.
#[derive(Debug, Clone, Default)]
pub struct Frequencies {
    today: Option<Date>,
    total: f32,
    last: Vec<u32>,
    first: Vec<u32>,
    father: Vec<u32>,
}

impl Frequencies {
    /// Counts each surname stem, first name and father's name over `records`.
    pub fn count(records: &[Prepared], vocabulary_size: usize) -> Frequencies {
        let mut f = Frequencies {
            today: None,
            total: records.len() as f32,
            last: vec![0; vocabulary_size],
            first: vec![0; vocabulary_size],
            father: vec![0; vocabulary_size],
        };
        for r in records {
            f.last[r.last_stem as usize] += 1;
            f.first[r.first_key as usize] += 1;
            f.father[r.father as usize] += 1;
        }
        f
    }

    /// A name's share of the records, smoothed towards a typical share so that
    /// a small file (where every name is "common") does not drown the evidence.
    fn share(&self, counts: &[u32], id: NameId, typical: f32) -> f32 {
        let count = counts.get(id as usize).copied().unwrap_or(0) as f32;
        (count + PRIOR_RECORDS * typical) / (self.total + PRIOR_RECORDS)
    }

    /// Whether a name is written often enough in this file to be a name of
    /// its own: two established names one letter apart (Мария and Марина,
    /// Назгүл and Жазгүл) are two names, as twins and namesakes bear, not a
    /// slip of one.
    fn established(&self, counts: &[u32], id: NameId) -> bool {
        let count = counts.get(id as usize).copied().unwrap_or(0);
        id != NO_NAME
            && count >= ESTABLISHED_MIN_RECORDS
            && count as f32 >= self.total * ESTABLISHED_MIN_SHARE
    }

    /// Fills in a record's name frequencies (and whether it is a minor's).
    pub fn annotate(&self, r: &mut Prepared) {
        r.minor = match (self.today, r.birth_date.or(r.pin_birth_date)) {
            (Some(today), Some(born)) => born <= today && born.years_until(today) < ADULT_AGE,
            _ => false,
        };
        r.last_established = self.established(&self.last, r.last_stem);
        r.first_established = self.established(&self.first, r.first_key);
        r.father_established = self.established(&self.father, r.father);
        r.last_freq = self.share(&self.last, r.last_stem, TYPICAL_SURNAME_SHARE);
        r.first_freq = self.share(&self.first, r.first_key, TYPICAL_FIRST_NAME_SHARE);
        r.father_freq = self.share(&self.father, r.father, TYPICAL_FIRST_NAME_SHARE);
    }
}

/// Records prepared for matching, with the vocabulary of their names.
#[derive(Debug, Clone, Default)]
pub struct Batch {
    /// Every name of the records, once.
    pub vocabulary: Vocabulary,
    /// The records in matching form, in the order added.
    pub prepared: Vec<Prepared>,
    /// Each record's record_id, by index.
    pub record_ids: Vec<Box<str>>,
    /// Name counts over the records, filled in by [`Batch::finish`].
    pub frequencies: Frequencies,
    /// Today's date, when known: a record of someone under 18 today cannot
    /// carry a surname changed by marriage. Set before [`Batch::finish`];
    /// without it, that rule is not applied.
    pub today: Option<Date>,
}

impl Batch {
    /// Prepares records (in parallel where available) and adds them.
    pub fn add(&mut self, records: &[Record]) {
        let spelled = crate::parallel::map(records, Spelled::from_record);
        self.prepared.reserve(spelled.len());
        for (s, record) in spelled.into_iter().zip(records) {
            let prepared = s.intern(|name| self.vocabulary.intern(name));
            self.prepared.push(prepared);
            self.record_ids.push(record.record_id.as_str().into());
        }
    }

    /// Counts name frequencies once every record is in.
    pub fn finish(&mut self) {
        self.frequencies = Frequencies::count(&self.prepared, self.vocabulary.len());
        self.frequencies.today = self.today;
        let frequencies = &self.frequencies;
        crate::parallel::for_each_mut(&mut self.prepared, |p| frequencies.annotate(p));
    }

    /// A batch of all `records`, ready to match.
    pub fn of(records: &[Record]) -> Batch {
        let mut batch = Batch::default();
        batch.add(records);
        batch.finish();
        batch
    }

    /// Number of records.
    pub fn len(&self) -> usize {
        self.prepared.len()
    }

    /// Whether there are no records.
    pub fn is_empty(&self) -> bool {
        self.prepared.is_empty()
    }
}
