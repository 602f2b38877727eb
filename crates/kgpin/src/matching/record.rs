//! Records prepared for matching: names as interned keys (so comparing two
//! names is comparing two numbers), dates and PINs as numbers, and how common
//! each name is (term frequencies).

use rustc_hash::FxHashMap;

use crate::date::Date;
use crate::names::{
    father_in_surname_key, father_key, name_forms, sex_of_names, sex_of_patronymic,
    sex_of_surname_key, split_full_name, surname_stem_of_key, NameShape,
};
use crate::pin::pin_digits;
use crate::pin::{Pin, PinFragment};
use crate::registry::{Record, RecordIds};
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
    /// Each name's shape, by id: most comparisons of two names end there.
    shapes: Vec<NameShape>,
}

impl Default for Vocabulary {
    fn default() -> Self {
        let mut vocabulary = Vocabulary {
            ids: FxHashMap::default(),
            names: Vec::new(),
            shapes: Vec::new(),
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
        self.shapes.push(NameShape::of(&name));
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

    /// The shape of the name `id` ([`NameShape::of`] its text).
    fn shape(&self, id: NameId) -> NameShape {
        NameShape::of(self.name(id))
    }
}

impl Names for Vocabulary {
    fn name(&self, id: NameId) -> &str {
        self.names.get(id as usize).map_or("", |n| n)
    }

    fn shape(&self, id: NameId) -> NameShape {
        match self.shapes.get(id as usize) {
            Some(&shape) => shape,
            None => NameShape::of(self.name(id)),
        }
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

    /// The base's kept shape; a query's own names are shaped as asked.
    fn shape(&self, id: NameId) -> NameShape {
        match (id as usize) < self.base.len() {
            true => self.base.shape(id),
            false => NameShape::of(self.name(id)),
        }
    }
}

/// A fingerprint of a name as written, ignoring case and surrounding spaces.
fn as_written(name: &str) -> u64 {
    use std::hash::Hasher;
    let mut hasher = super::hash::Hash64::default();
    for c in name.trim().chars().flat_map(char::to_lowercase) {
        hasher.write_u32(c as u32);
    }
    hasher.finish()
}

/// A record's dates, sex and PIN in matching form (no names).
#[derive(Debug, Clone)]
struct Numbers {
    birth_date: Option<Date>,
    pin_birth_date: Option<Date>,
    sex: Option<Sex>,
    sex_in_doubt: bool,
    /// The surname or patronymic gives the record's sex (stated, else its
    /// PIN's; `with_names`).
    sex_named: bool,
    pin: Option<u64>,
    pin_fragment: Option<PinFragment>,
}

impl Numbers {
    fn new(
        birth_date: Option<Date>,
        sex: Option<Sex>,
        pin_text: &str,
        pin: Option<Pin>,
    ) -> Numbers {
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
        Numbers {
            birth_date,
            pin_birth_date: pin.map(|p| p.birth_date()).or(repaired_date),
            sex: sex.or(pin.map(|p| p.sex())),
            // The PIN's sex digit, whole or surviving a damage, against the
            // stated sex (the names may still back it: `with_names`).
            sex_in_doubt: sex.is_some_and(|stated| {
                pin.map(|p| p.sex())
                    .or_else(|| pin_fragment.as_ref()?.sex())
                    .is_some_and(|in_pin| in_pin != stated)
            }),
            sex_named: false,
            pin: pin_number,
            pin_fragment,
        }
    }

    /// The stated sex kept in doubt only where the record's names do not
    /// back it: Садыков Бекболотович written M on a girl's PIN is a boy
    /// given his twin sister's number, not a slip of the sex column.
    fn with_names(self, surname: &str, patronymic: &str) -> Numbers {
        self.with_names_sex(sex_of_names(surname, patronymic))
    }

    /// [`Numbers::with_names`], given the sex the names tell.
    fn with_names_sex(mut self, names_sex: Option<Sex>) -> Numbers {
        let named = self.sex.is_some() && names_sex == self.sex;
        if named {
            self.sex_in_doubt = false;
        }
        self.sex_named = named;
        self
    }

    fn of_record(record: &Record<impl AsRef<str>>) -> Numbers {
        Numbers::new(
            record.birth_date,
            record.sex,
            record.pin_text.as_ref(),
            record.pin,
        )
    }
}

/// A surname's or first name's forms, interned.
#[derive(Debug, Clone, Copy)]
struct NameForms {
    key: NameId,
    /// The surname stem; the key again for a first name.
    stem: NameId,
    plain: NameId,
    /// First letter of the stem (of the key for a first name), 0 if none.
    initial: u8,
    /// A surname written as a father's name with its marker (Бакыт уулу).
    names_father: bool,
    /// The sex a surname is written for (Садыкова, Асан уулу), if any.
    sex: Option<Sex>,
}

impl NameForms {
    /// No name at all.
    const NONE: NameForms = NameForms {
        key: NO_NAME,
        stem: NO_NAME,
        plain: NO_NAME,
        initial: 0,
        names_father: false,
        sex: None,
    };
}

/// A record's names, interned.
#[derive(Debug, Clone, Copy)]
struct InternedNames {
    last: NameForms,
    first: NameForms,
    father: NameId,
    raw_last: u64,
    raw_first: u64,
}

fn prepared(names: InternedNames, numbers: Numbers) -> Prepared {
    Prepared {
        first_initial: names.first.initial,
        last_initial: names.last.initial,
        last_key: names.last.key,
        last_stem: names.last.stem,
        first_key: names.first.key,
        first_stem: names.first.stem,
        father: names.father,
        raw_last: names.raw_last,
        raw_first: names.raw_first,
        plain_last: names.last.plain,
        plain_first: names.first.plain,
        birth_date: numbers.birth_date,
        pin_birth_date: numbers.pin_birth_date,
        sex: RecordSex::new(numbers.sex, numbers.sex_in_doubt).named(numbers.sex_named),
        pin: numbers.pin.and_then(PinNumber::new),
        pin_fragment: numbers.pin_fragment.map(Box::new),
        last_freq: 0.0,
        first_freq: 0.0,
        father_freq: 0.0,
        full_name_records: 0,
        given_names_records: 0,
        last_established: false,
        first_established: false,
        first_unknown: false,
        father_established: false,
        minor: false,
        surname_names_father: names.last.names_father,
    }
}

/// A name's forms as text, before interning.
#[derive(Debug, Clone)]
struct SpelledName {
    key: String,
    stem: Option<String>,
    plain: String,
    /// A surname written as a father's name with its marker.
    names_father: bool,
    /// The sex a surname is written for.
    sex: Option<Sex>,
}

impl SpelledName {
    fn surname(name: &str) -> SpelledName {
        let (key, plain) = name_forms(name);
        SpelledName {
            stem: Some(surname_stem_of_key(&key)),
            names_father: father_in_surname_key(&key).is_some(),
            sex: sex_of_surname_key(&key),
            key,
            plain,
        }
    }

    fn first_name(name: &str) -> SpelledName {
        let (key, plain) = name_forms(name);
        SpelledName {
            // Read as a surname's stem too: a surname written in the first
            // name's field meets the other record's surname by it.
            stem: Some(surname_stem_of_key(&key)),
            names_father: false,
            sex: None,
            key,
            plain,
        }
    }

    fn intern(self, intern: &mut impl FnMut(String) -> NameId) -> NameForms {
        let initial = |s: &str| s.bytes().next().unwrap_or(0);
        let first_letter = initial(self.stem.as_deref().unwrap_or(&self.key));
        let key = intern(self.key);
        NameForms {
            stem: self.stem.map_or(key, &mut *intern),
            key,
            plain: intern(self.plain),
            initial: first_letter,
            names_father: self.names_father,
            sex: self.sex,
        }
    }
}

/// A query's names and numbers as text, before interning.
#[derive(Debug, Clone)]
pub struct Spelled {
    last: SpelledName,
    first: SpelledName,
    father: Option<String>,
    raw_last: u64,
    raw_first: u64,
    numbers: Numbers,
}

impl Spelled {
    /// One form per PIN of the person (one without a PIN if none).
    pub fn from_person(person: &Person) -> Vec<Spelled> {
        let (last, first, patronymic) = split_full_name(
            &person.last_name,
            &person.first_name,
            person.patronymic.as_deref().unwrap_or(""),
        );
        let make = |pin: &str| Spelled {
            last: SpelledName::surname(last),
            first: SpelledName::first_name(first),
            father: father_key(patronymic),
            raw_last: as_written(last),
            raw_first: as_written(first),
            numbers: Numbers::new(person.birth_date, person.sex, pin, pin.parse().ok())
                .with_names(last, patronymic),
        };
        if person.pins.is_empty() {
            vec![make("")]
        } else {
            person.pins.iter().map(|p| make(p)).collect()
        }
    }

    /// Interns the names; `intern` is a [`Vocabulary`]'s or an [`Overlay`]'s.
    pub fn intern(self, mut intern: impl FnMut(String) -> NameId) -> Prepared {
        let names = InternedNames {
            last: self.last.intern(&mut intern),
            first: self.first.intern(&mut intern),
            father: self.father.map_or(NO_NAME, &mut intern),
            raw_last: self.raw_last,
            raw_first: self.raw_first,
        };
        prepared(names, self.numbers)
    }
}

/// Each distinct spelling of a batch, folded once: a registry of a million
/// people has a few hundred thousand spellings per name field, and folding
/// was most of the time spent reading (issue 18's profile).
#[derive(Debug, Clone, Default)]
struct Spellings {
    /// Surnames: their forms, and the fingerprint as written ([`as_written`]).
    last: FxHashMap<Box<str>, (NameForms, u64)>,
    first: FxHashMap<Box<str>, (NameForms, u64)>,
    /// Patronymics: the father's name, and the sex the patronymic gives.
    father: FxHashMap<Box<str>, (NameId, Option<Sex>)>,
}

/// A record's spellings as [`Spellings`] had them before its chunk was
/// added (none: met for the first time).
struct KnownSpellings {
    last: Option<(NameForms, u64)>,
    first: Option<(NameForms, u64)>,
    father: Option<(NameId, Option<Sex>)>,
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
    /// The first name's key read as a surname's stem (see
    /// [`surname_stem`](crate::names::surname_stem)): for blocking swapped names.
    pub first_stem: NameId,
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
    /// The stated sex, else the PIN's, and whether it is in doubt.
    pub sex: RecordSex,
    /// The recorded PIN's 14 digits as a number, when it has that shape.
    pub pin: Option<PinNumber>,
    /// What survives of a damaged PIN.
    pub pin_fragment: Option<Box<PinFragment>>,
    /// How common the surname stem / first name / father's name are (share of records).
    pub last_freq: f32,
    /// How common the first name is (share of records).
    pub first_freq: f32,
    /// How common the father's name is (share of records).
    pub father_freq: f32,
    /// How many records of the file carry this surname stem, first name and
    /// father's name together, or this surname stem and first name without
    /// a father's name (at most `u16::MAX`; 0 without a surname or a first
    /// name, and for a query): names run in families, so a full name's
    /// parts are far commoner together than their shares multiplied say.
    pub full_name_records: u16,
    /// How many records of the file carry this first name and father's
    /// name together, whatever their surname (0 without both).
    pub given_names_records: u16,
    /// The surname stem is established in this file (see [`Frequencies::established`]).
    pub last_established: bool,
    /// The first name is established in this file (see [`Frequencies::established`]).
    pub first_established: bool,
    /// The first name is unknown to a file large enough to know its names
    /// (see [`Frequencies::unknown`]): a slip, not a name of its own.
    pub first_unknown: bool,
    /// The father's name is established in this file.
    pub father_established: bool,
    /// Born under 18 years before the batch's `today`: no married surname.
    pub minor: bool,
    /// The surname is a father's name with its marker (Бакыт уулу), a
    /// patronymic beside it or not: it names the father, not a family (see
    /// `compare`).
    pub surname_names_father: bool,
}

/// A record's sex as matching reads it, in one byte: a million records
/// keep one each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RecordSex(SexSeen);

/// [`RecordSex`]'s states, flat so that they fit one byte (a variant
/// holding a [`Sex`] beside another would take two).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SexSeen {
    Unknown,
    Female,
    Male,
    FemaleInDoubt,
    MaleInDoubt,
    /// Stated (else the PIN's), and given by the record's surname or
    /// patronymic too.
    FemaleNamed,
    MaleNamed,
}

impl RecordSex {
    /// The stated sex, else the PIN's; `in_doubt` when it is stated, the
    /// record's own PIN gives the other and its surname and patronymic do
    /// not back the stated one: one of the two is a slip, so the record
    /// attests both (a sex column written wrong beside an exact copy was
    /// "a PIN held by different people").
    pub fn new(sex: Option<Sex>, in_doubt: bool) -> RecordSex {
        RecordSex(match (sex, in_doubt) {
            (None, _) => SexSeen::Unknown,
            (Some(Sex::Female), false) => SexSeen::Female,
            (Some(Sex::Male), false) => SexSeen::Male,
            (Some(Sex::Female), true) => SexSeen::FemaleInDoubt,
            (Some(Sex::Male), true) => SexSeen::MaleInDoubt,
        })
    }

    /// The same sex, given by the record's surname or patronymic too
    /// (Игоревна, Садыкова) where `named` and the sex is not in doubt.
    pub fn named(self, named: bool) -> RecordSex {
        RecordSex(match (self.0, named) {
            (SexSeen::Female, true) => SexSeen::FemaleNamed,
            (SexSeen::Male, true) => SexSeen::MaleNamed,
            (seen, _) => seen,
        })
    }

    /// Whether the record's names give its stated sex: two records of two
    /// sexes so named, born the same day, are twins, not one person with a
    /// slipped sex.
    pub fn is_named(self) -> bool {
        matches!(self.0, SexSeen::FemaleNamed | SexSeen::MaleNamed)
    }

    /// The sex, in doubt or not.
    pub fn get(self) -> Option<Sex> {
        match self.0 {
            SexSeen::Unknown => None,
            SexSeen::Female | SexSeen::FemaleInDoubt | SexSeen::FemaleNamed => Some(Sex::Female),
            SexSeen::Male | SexSeen::MaleInDoubt | SexSeen::MaleNamed => Some(Sex::Male),
        }
    }

    /// The sex where it is not in doubt: a record in doubt is anyone's, as
    /// one of unknown sex is, when blocks are split by sex.
    pub fn settled(self) -> Option<Sex> {
        self.get().filter(|_| !self.in_doubt())
    }

    /// Whether the record attests both sexes.
    pub fn in_doubt(self) -> bool {
        matches!(self.0, SexSeen::FemaleInDoubt | SexSeen::MaleInDoubt)
    }
}

/// A PIN's 14 digits as a number (at most 10^14 - 1), kept plus one so that
/// an `Option<PinNumber>` takes 8 bytes, not 16: a million records keep one
/// each. Ordered and compared as the number is.
///
/// ```
/// use kgpin::matching::PinNumber;
/// let zeros = PinNumber::new(0).unwrap(); // "00000000000000", a placeholder some files hold
/// let pin = PinNumber::new(10_202_198_254_217).unwrap();
/// assert_eq!((zeros.get(), pin.get()), (0, 10_202_198_254_217));
/// assert!(zeros < pin);
/// assert_eq!(std::mem::size_of::<Option<PinNumber>>(), 8);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PinNumber(std::num::NonZeroU64);

impl PinNumber {
    /// The number `digits`; `None` only for `u64::MAX`, never a PIN.
    pub fn new(digits: u64) -> Option<PinNumber> {
        digits
            .checked_add(1)
            .and_then(std::num::NonZeroU64::new)
            .map(PinNumber)
    }

    /// The number.
    pub fn get(self) -> u64 {
        self.0.get() - 1
    }

    /// Whether its serial is `00000` ([`Serial::is_zero`](crate::pin::Serial::is_zero)):
    /// a placeholder a file may give to several people of one date and sex.
    ///
    /// ```
    /// use kgpin::matching::PinNumber;
    /// assert!(PinNumber::new(20_304_200_500_000).unwrap().serial_zero());
    /// assert!(!PinNumber::new(20_304_200_500_401).unwrap().serial_zero());
    /// ```
    pub fn serial_zero(self) -> bool {
        self.get() % 10u64.pow(crate::pin::SERIAL_LENGTH as u32) == 0
    }
}

impl Prepared {
    /// The birth date to compare: the stated one, else the PIN's.
    pub fn best_birth_date(&self) -> Option<Date> {
        self.birth_date.or(self.pin_birth_date)
    }

    /// The stated birth date when the record's own PIN carries it too: a
    /// date with two witnesses, which a slip would have to make twice; or,
    /// with no stated date, the date its PIN carries. The stated date is
    /// copied from the same documents the PIN was issued from, so a PIN
    /// alone witnesses its date as well: two different PINs whose dates
    /// differ by a slip of the day are a namesake born days apart as often
    /// as a second number, whether or not a column repeats each date (an
    /// independent registry at 1M: 301 of 638 such pairs linked while a
    /// missing column made the date a typo were one person; namesakes born
    /// days apart merged 79 -> 4).
    pub fn attested_birth_date(&self) -> Option<Date> {
        match self.birth_date {
            Some(stated) => (self.pin_birth_date == Some(stated)).then_some(stated),
            None => self.pin_birth_date,
        }
    }

    /// The date the record's own PIN carries when its stated date is a slip
    /// of it (one digit, two neighbouring digits swapped, or day and month
    /// swapped) or 01.01 of its year, written for an unknown day and month:
    /// the stated date was most likely mistyped or not known, since the PIN
    /// was read from the documents when it was issued. `None` when the two
    /// agree, one is missing, or they are further apart than a slip.
    pub fn pin_date_under_slip(&self) -> Option<Date> {
        let (stated, in_pin) = (self.birth_date?, self.pin_birth_date?);
        (stated != in_pin
            && (crate::pin::DateMismatch::between(stated, in_pin)
                != crate::pin::DateMismatch::Different
                || stated.stands_in_for(in_pin)))
        .then_some(in_pin)
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

/// A name written on at most this many records of a file that knows its
/// names is unknown to it ([`Frequencies::unknown`]) ...
const UNKNOWN_MAX_RECORDS: f32 = 2.0;
/// ... or on at most this share of them, if more: a slip of a common name
/// recurs (Нурсклтан three times, Айпеир twelve in an independent
/// registry of 1.1M records) ...
const UNKNOWN_MAX_SHARE: f32 = 1e-5;
/// ... a file of at least this many records: in a smaller one, a rare
/// real name is written once or twice too.
const KNOWING_MIN_RECORDS: f32 = 40_000.0;

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

/// A record's full name (surname stem, first name, and father's name or
/// `NO_NAME`: Бакыт уулу Дастан, whose surname names his father, is a full
/// name as written), or its first name with its father's (`NO_NAME` for
/// the surname), when it has those.
fn names_together(r: &Prepared, with_surname: bool) -> Option<(NameId, NameId, NameId)> {
    let last = if with_surname { r.last_stem } else { NO_NAME };
    let given = if with_surname {
        last != NO_NAME
    } else {
        r.father != NO_NAME
    };
    (given && r.first_key != NO_NAME).then_some((last, r.first_key, r.father))
}

/// How many records of a batch share each full name, and each first name
/// with its father's ([`Prepared::full_name_records`],
/// [`Prepared::given_names_records`]). Not kept after [`Batch::finish`]: a
/// query compared with a record of the file takes the record's count.
struct NamesTogether {
    full: FxHashMap<(NameId, NameId, NameId), u32>,
    given: FxHashMap<(NameId, NameId, NameId), u32>,
}

impl NamesTogether {
    /// Counts both, each on a core of its own where there are two.
    fn count(records: &[Prepared]) -> NamesTogether {
        let count = |with_surname: bool| {
            let mut counts = FxHashMap::default();
            for names in records
                .iter()
                .filter_map(|r| names_together(r, with_surname))
            {
                *counts.entry(names).or_insert(0) += 1;
            }
            counts
        };
        let (full, given) = crate::parallel::join(|| count(true), || count(false));
        NamesTogether { full, given }
    }

    fn annotate(&self, r: &mut Prepared) {
        let records_of = |counts: &FxHashMap<_, u32>, names: Option<_>| {
            names
                .and_then(|names| counts.get(&names))
                .map_or(0, |&count| u16::try_from(count).unwrap_or(u16::MAX))
        };
        r.full_name_records = records_of(&self.full, names_together(r, true));
        r.given_names_records = records_of(&self.given, names_together(r, false));
    }
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

    /// Whether a name is unknown to this file: written on at most
    /// [`UNKNOWN_MAX_RECORDS`] records of a file of at least
    /// [`KNOWING_MIN_RECORDS`], where a person's real name, however rare,
    /// is mostly written more often (a twin's Үсөн beside Асан). A query's
    /// name, not counted, is written on none.
    fn unknown(&self, counts: &[u32], id: NameId) -> bool {
        let count = counts.get(id as usize).copied().unwrap_or(0) as f32;
        let most = (self.total * UNKNOWN_MAX_SHARE).max(UNKNOWN_MAX_RECORDS);
        id != NO_NAME && count <= most && self.total >= KNOWING_MIN_RECORDS
    }

    /// Fills in a record's name frequencies (and whether it is a minor's).
    pub fn annotate(&self, r: &mut Prepared) {
        r.minor = match (self.today, r.birth_date.or(r.pin_birth_date)) {
            (Some(today), Some(born)) => born <= today && born.years_until(today) < ADULT_AGE,
            _ => false,
        };
        r.last_established = self.established(&self.last, r.last_stem);
        r.first_established = self.established(&self.first, r.first_key);
        r.first_unknown = self.unknown(&self.first, r.first_key);
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
    pub record_ids: RecordIds,
    /// Name counts over the records, filled in by [`Batch::finish`].
    pub frequencies: Frequencies,
    /// Today's date, when known: a record of someone under 18 today cannot
    /// carry a surname changed by marriage. Set before [`Batch::finish`];
    /// without it, that rule is not applied.
    pub today: Option<Date>,
    /// The spellings folded so far (emptied by [`Batch::finish`]).
    spellings: Spellings,
}

impl Batch {
    /// Prepares records (in parallel where available) and adds them. Each
    /// spelling not met before is folded once, in parallel; the records are
    /// then put together from the folded spellings.
    pub fn add<S: AsRef<str> + Sync>(&mut self, records: &[Record<S>]) {
        // Each record's spellings looked up once, in parallel: after the
        // first chunks nearly all were met before (one lookup per field on
        // one thread was most of the read stage's own work).
        // A full name typed into one field is read as its parts, in the
        // same pass.
        let looked = {
            let spellings = &self.spellings;
            crate::parallel::map(records, |r| {
                let (last, first, patronymic) = split_full_name(
                    r.last_name.as_ref(),
                    r.first_name.as_ref(),
                    r.patronymic.as_ref(),
                );
                let known = KnownSpellings {
                    last: spellings.last.get(last).copied(),
                    first: spellings.first.get(first).copied(),
                    father: spellings.father.get(patronymic).copied(),
                };
                ((last, first, patronymic), known)
            })
        };
        let mut new_last: FxHashMap<&str, ()> = FxHashMap::default();
        let mut new_first: FxHashMap<&str, ()> = FxHashMap::default();
        let mut new_father: FxHashMap<&str, ()> = FxHashMap::default();
        for &((last, first, patronymic), ref known) in &looked {
            if known.last.is_none() {
                new_last.insert(last, ());
            }
            if known.first.is_none() {
                new_first.insert(first, ());
            }
            if known.father.is_none() {
                new_father.insert(patronymic, ());
            }
        }
        let new_last: Vec<&str> = new_last.into_keys().collect();
        let new_first: Vec<&str> = new_first.into_keys().collect();
        let new_father: Vec<&str> = new_father.into_keys().collect();
        let last_forms =
            crate::parallel::map(&new_last, |n| (SpelledName::surname(n), as_written(n)));
        let first_forms =
            crate::parallel::map(&new_first, |n| (SpelledName::first_name(n), as_written(n)));
        let father_forms =
            crate::parallel::map(&new_father, |n| (father_key(n), sex_of_patronymic(n)));
        let vocabulary = &mut self.vocabulary;
        let mut intern = |name: String| vocabulary.intern(name);
        for (name, (forms, written)) in new_last.into_iter().zip(last_forms) {
            let forms = forms.intern(&mut intern);
            self.spellings.last.insert(name.into(), (forms, written));
        }
        for (name, (forms, written)) in new_first.into_iter().zip(first_forms) {
            let forms = forms.intern(&mut intern);
            self.spellings.first.insert(name.into(), (forms, written));
        }
        for (name, (father, sex)) in new_father.into_iter().zip(father_forms) {
            let id = father.map_or(NO_NAME, &mut intern);
            self.spellings.father.insert(name.into(), (id, sex));
        }
        let spellings = &self.spellings;
        crate::parallel::zip_map_onto(&mut self.prepared, records, &looked, |r, looked| {
            let ((last, first, patronymic), known) = looked;
            // Every spelling not known was folded above; a miss cannot
            // happen, and would read as no name rather than stop the run.
            let forms = |known: Option<(NameForms, u64)>,
                         map: &FxHashMap<Box<str>, (NameForms, u64)>,
                         name: &str| {
                known
                    .or_else(|| map.get(name).copied())
                    .unwrap_or_else(|| (NameForms::NONE, as_written(name)))
            };
            let (last, raw_last) = forms(known.last, &spellings.last, last);
            let (first, raw_first) = forms(known.first, &spellings.first, first);
            let (father, father_sex) = known
                .father
                .or_else(|| spellings.father.get(*patronymic).copied())
                .unwrap_or((NO_NAME, None));
            // As `sex_of_names` tells it, from each spelling's sex, found once
            // (for each record, it was a tenth of the time of a run).
            let numbers = Numbers::of_record(r).with_names_sex(father_sex.or(last.sex));
            let names = InternedNames {
                last,
                first,
                father,
                raw_last,
                raw_first,
            };
            prepared(names, numbers)
        });
        if self.record_ids.is_empty() && !records.is_empty() {
            // The first records' ids tell about how long the others' are.
            let bytes: usize = records.iter().map(|r| r.record_id.as_ref().len()).sum();
            let room = self.prepared.capacity().max(records.len());
            let average = bytes / records.len();
            self.record_ids
                .reserve(room, average.saturating_mul(room).saturating_add(room / 8));
        }
        for record in records {
            self.record_ids.push(record.record_id.as_ref());
        }
    }

    /// Makes room for about `records` more records at once: a vector grown
    /// by doubling copies itself and touches fresh memory at every step, and
    /// a million records' worth is most of the read stage's memory. An
    /// estimate, never trusted: where memory cannot be had, nothing is
    /// reserved and the records find room as they come.
    /// The ids' room is made with the first records added, whose ids tell
    /// how long the others' are.
    pub fn reserve(&mut self, records: usize) {
        if self.prepared.try_reserve(records).is_err() {
            self.prepared.shrink_to_fit();
        }
    }

    /// Counts name frequencies once every record is in.
    pub fn finish(&mut self) {
        self.spellings = Spellings::default();
        let (records, vocabulary_size) = (&self.prepared, self.vocabulary.len());
        let (frequencies, together) = crate::parallel::join(
            || Frequencies::count(records, vocabulary_size),
            || NamesTogether::count(records),
        );
        self.frequencies = Frequencies {
            today: self.today,
            ..frequencies
        };
        let frequencies = &self.frequencies;
        crate::parallel::for_each_mut(&mut self.prepared, |p| {
            frequencies.annotate(p);
            together.annotate(p);
        });
    }

    /// An empty batch for a run on `today` (see [`Batch::today`]).
    pub fn on(today: Option<Date>) -> Batch {
        Batch {
            today,
            ..Batch::default()
        }
    }

    /// A batch of all `records`, ready to match.
    pub fn of<S: AsRef<str> + Sync>(records: &[Record<S>]) -> Batch {
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
