//! The Kyrgyz personal identification number (PIN, ПИН; also the person's INN).
//!
//! Every rule of the format lives in this module. Layout, 14 digits:
//!
//! ```text
//! S DDMMYYYY NNNNN
//! | |        +-- serial: five digits, meaning unknown, treated as opaque
//! | +----------- date of birth, day-month-year, a real calendar date
//! +------------- sex: 1 = female, 2 = male (0 starts an organisation's INN)
//! ```
//!
//! There is no known check digit, and none is invented here. A PIN is not
//! unique to a person and is not changed on a change of gender, so those
//! disagreements are warnings, never errors.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::date::Date;
use crate::sex::Sex;

/// Number of digits in a PIN.
pub const PIN_LENGTH: usize = 14;
/// Number of digits in the serial part.
pub const SERIAL_LENGTH: usize = 5;
/// Ages above this are reported as probably mistyped years.
pub const MAX_PLAUSIBLE_AGE: u32 = 120;
/// The age from which a citizen holds an ID card (issued from 16); a
/// younger person is a child, whose identity document is the birth
/// certificate and whose parent or guardian applies for them.
pub const ID_CARD_AGE: u32 = 16;

/// Where each part of a PIN sits: the one place that names digit positions.
/// Ranges index the 14 cleaned ASCII digits (0-based).
pub mod layout {
    use std::ops::Range;

    use crate::sex::Sex;

    /// The sex digit (position 1). Confirmed by the Ministry of Digital Development.
    pub const SEX_DIGIT: usize = 0;
    /// The birth date `DDMMYYYY` (positions 2-9). Well supported by published examples.
    pub const BIRTH_DATE: Range<usize> = 1..9;
    /// The birth day `DD` (positions 2-3).
    pub const DAY: Range<usize> = 1..3;
    /// The birth month `MM` (positions 4-5).
    pub const MONTH: Range<usize> = 3..5;
    /// The birth year `YYYY` (positions 6-9).
    pub const YEAR: Range<usize> = 5..9;
    /// The serial (positions 10-14): meaning unknown, treated as opaque.
    pub const SERIAL: Range<usize> = 9..14;
    /// The first digit of an organisation's INN, which has the same length.
    pub const LEGAL_ENTITY_DIGIT: u8 = b'0';

    /// The sex a first digit encodes: `1` female, `2` male.
    pub const fn sex_of_digit(digit: u8) -> Option<Sex> {
        match digit {
            b'1' => Some(Sex::Female),
            b'2' => Some(Sex::Male),
            _ => None,
        }
    }

    /// The first digit of a person of this sex.
    pub const fn digit_of_sex(sex: Sex) -> u8 {
        match sex {
            Sex::Female => b'1',
            Sex::Male => b'2',
        }
    }
}

/// A structurally valid PIN: 14 ASCII digits, a known sex digit and a real birth date.
///
/// Parse, don't validate: once you hold a `Pin`, those rules hold. Whether the
/// birth date lies in the future depends on "today", so it is checked by
/// [`check`], not by parsing.
///
/// ```
/// use kgpin::{Date, Pin, Sex};
/// let pin: Pin = "1 0202 1982 54217".parse().unwrap();
/// assert_eq!(pin.sex(), Sex::Female);
/// assert_eq!(pin.birth_date(), Date::new(1982, 2, 2).unwrap());
/// assert_eq!(pin.serial().as_str(), "54217");
/// assert_eq!(pin.to_string(), "10202198254217");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Pin {
    digits: [u8; PIN_LENGTH],
    sex: Sex,
    birth_date: Date,
}

/// The last five digits of a PIN, kept as text (leading zeros matter).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Serial([u8; SERIAL_LENGTH]);

impl Serial {
    /// The five digits as text.
    pub fn as_str(&self) -> &str {
        // The bytes are copied from a validated all-ASCII-digit PIN.
        std::str::from_utf8(&self.0).unwrap_or("00000")
    }
    /// `00000`, which real assignments are not expected to use.
    pub fn is_zero(&self) -> bool {
        self.0 == [b'0'; SERIAL_LENGTH]
    }
}

impl fmt::Display for Serial {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Pin {
    /// The 14 digits.
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.digits).unwrap_or("")
    }
    /// The sex the first digit encodes.
    pub fn sex(&self) -> Sex {
        self.sex
    }
    /// The birth date digits 2-9 encode.
    pub fn birth_date(&self) -> Date {
        self.birth_date
    }
    /// The last five digits.
    pub fn serial(&self) -> Serial {
        let mut serial = [0u8; SERIAL_LENGTH];
        serial.copy_from_slice(&self.digits[layout::SERIAL]);
        Serial(serial)
    }
    /// The digits grouped as the layout reads: `1 02021982 54217`.
    pub fn grouped(&self) -> String {
        group_digits(self.as_str())
    }
    /// Whether `other` is this number with one typing slip: one digit
    /// different, or two neighbouring digits swapped. Two numbers issued
    /// apart almost never differ so little (their serials come from
    /// different counters), so such a pair is most often one number copied
    /// wrong, on a form or on a document.
    ///
    /// ```
    /// use kgpin::Pin;
    ///
    /// let pin: Pin = "10202198254217".parse()?;
    /// assert!(pin.one_slip_from(&"10202198254218".parse()?));
    /// assert!(pin.one_slip_from(&"10202198245217".parse()?), "54 swapped");
    /// assert!(!pin.one_slip_from(&"10202198200311".parse()?), "another serial");
    /// assert!(!pin.one_slip_from(&pin), "the same number");
    /// # Ok::<(), kgpin::pin::PinError>(())
    /// ```
    pub fn one_slip_from(&self, other: &Pin) -> bool {
        matches!(
            Slip::between(&self.digits, &other.digits),
            Slip::OneDigit | Slip::Swapped
        )
    }
}

/// How two digit strings of one length differ: a keyboard's slip (one digit,
/// or two neighbours swapped) is one shape for whole PINs and for dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Slip {
    Equal,
    OneDigit,
    Swapped,
    More,
}

impl Slip {
    fn between(a: &[u8], b: &[u8]) -> Slip {
        let mut differ = (a.iter().zip(b)).enumerate().filter(|(_, (x, y))| x != y);
        match (differ.next(), differ.next(), differ.next()) {
            (None, _, _) => Slip::Equal,
            (Some(_), None, _) => Slip::OneDigit,
            (Some((i, (a1, b1))), Some((j, (a2, b2))), None)
                if j == i + 1 && a1 == b2 && a2 == b1 =>
            {
                Slip::Swapped
            }
            _ => Slip::More,
        }
    }
}

/// Fourteen digits grouped as the layout reads (`1 02021982 54217`), valid
/// PIN or not, so people see the parts they compare; any other text as it is.
///
/// ```
/// assert_eq!(kgpin::pin::group_digits("10202198254217"), "1 02021982 54217");
/// assert_eq!(kgpin::pin::group_digits("99"), "99");
/// ```
pub fn group_digits(digits: &str) -> String {
    let sex = layout::SEX_DIGIT..layout::SEX_DIGIT + 1;
    match (
        digits.get(sex),
        digits.get(layout::BIRTH_DATE),
        digits.get(layout::SERIAL),
    ) {
        (Some(sex), Some(date), Some(serial)) if digits.len() == PIN_LENGTH => {
            format!("{sex} {date} {serial}")
        }
        _ => digits.to_string(),
    }
}

impl fmt::Display for Pin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Pin {
    type Err = PinError;

    /// Cleans the input (see [`compact`]) and applies the structural rules,
    /// returning the first error found.
    fn from_str(input: &str) -> Result<Self, Self::Err> {
        let analysis = analyse(input);
        match (analysis.pin, analysis.errors.into_iter().next()) {
            (Some(pin), _) => Ok(pin),
            (None, Some(error)) => Err(error),
            (None, None) => Err(PinError::Empty),
        }
    }
}

serde_as_text!(Pin);

crate::coded_enum! {
    /// Why an input is not a valid PIN. Each variant has a stable snake_case
    /// [`code`](PinError::code) and carries the data a message in any language needs.
    #[derive(Debug, Clone, PartialEq, Eq, Serialize, thiserror::Error)]
    #[serde(tag = "code", rename_all_fields = "camelCase")]
    pub enum PinError {
        /// Nothing was given.
        #[error("no PIN was given")]
        "empty" => Empty,
        /// A spreadsheet stored the PIN as a number and printed it in exponent form.
        #[error("a spreadsheet turned the PIN into the number {value}")]
        "spreadsheet_number" => SpreadsheetNumber {
            /// The number as the spreadsheet printed it, e.g. `2.01019E+13`.
            value: String,
        },
        /// A character that is not a digit; `position` is 1-based in the cleaned text.
        #[error("character {character:?} at position {position} is not a digit")]
        "invalid_character" => InvalidCharacter {
            /// 1-based position in the cleaned input.
            position: usize,
            /// The character found there.
            character: char,
            /// The digit a look-alike letter stands for (`O` for 0), if any.
            #[serde(skip_serializing_if = "Option::is_none")]
            looks_like: Option<char>,
        },
        /// Not 14 characters after cleaning.
        #[error("expected {expected} digits, found {found}")]
        "invalid_length" => InvalidLength {
            /// Always [`PIN_LENGTH`].
            expected: usize,
            /// How many characters the cleaned input has.
            found: usize,
        },
        /// First digit `0`: an organisation's INN, not a person's PIN.
        #[error("a number starting with 0 is an organisation's INN")]
        "legal_entity_inn" => LegalEntityInn,
        /// A first digit other than 0, 1 or 2.
        #[error("first digit {digit} is not a known sex code (1 or 2)")]
        "unknown_sex_digit" => UnknownSexDigit {
            /// The first digit.
            digit: char,
        },
        /// Digits 2-9 are not a real `DDMMYYYY` date.
        #[error("digits 2-9 ({digits}) are not a real date")]
        "invalid_birth_date" => InvalidBirthDate {
            /// The eight digits as found.
            digits: String,
        },
        /// The birth date lies after the day of the check.
        #[error("birth date {birth_date} is after today ({today})")]
        "birth_date_in_future" => BirthDateInFuture {
            /// The date the PIN encodes.
            birth_date: Date,
            /// The day of the check.
            today: Date,
        },
    }
}

crate::coded_enum! {
    /// How a PIN's birth date differs from the one a person states.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
    pub enum DateMismatch {
        /// 03.04 written as 04.03: the commonest slip between forms.
        "day_month_swapped" => DayMonthSwapped,
        /// `DDMMYYYY` differs in exactly one digit: a typo.
        "one_digit" => OneDigit,
        /// Two neighbouring digits of `DDMMYYYY` swapped (21.03 for 12.03,
        /// 1928 for 1982): a typo, the same slip [`Pin::one_slip_from`] finds.
        "digits_swapped" => DigitsSwapped,
        /// Any other difference.
        "different" => Different,
    }
}

impl DateMismatch {
    /// Classifies two different dates.
    pub fn between(in_pin: Date, stated: Date) -> DateMismatch {
        // Day, month and year all different: three digits at least, where a
        // slip changes one, or two side by side (at most two of the parts).
        // Most pairs of namesakes' dates; told without writing the digits.
        if in_pin.day() != stated.day()
            && in_pin.month() != stated.month()
            && in_pin.year() != stated.year()
        {
            return DateMismatch::Different;
        }
        if in_pin.year() == stated.year()
            && in_pin.day() == stated.month()
            && in_pin.month() == stated.day()
        {
            return DateMismatch::DayMonthSwapped;
        }
        match Slip::between(&in_pin.ddmmyyyy_digits(), &stated.ddmmyyyy_digits()) {
            Slip::OneDigit => DateMismatch::OneDigit,
            Slip::Swapped => DateMismatch::DigitsSwapped,
            Slip::Equal | Slip::More => DateMismatch::Different,
        }
    }
}

/// How many characters of one input are examined for bad characters; beyond
/// it only the length is counted (the report says so). A PIN field holds 40.
pub const READ_LIMIT: usize = 64;

/// Which parts of the layout differ between two or more PINs. A sentence
/// about numbers says only what this says: "the same date, another sex digit"
/// is built from it, never assumed.
///
/// ```
/// use kgpin::pin::{PartsDiffer, Pin};
/// let a: Pin = "10202198254217".parse()?;
/// let b: Pin = "20202198254217".parse()?;
/// let parts = PartsDiffer::between(&a, &b);
/// assert_eq!((parts.sex_digit, parts.birth_date, parts.serial), (true, false, false));
/// # Ok::<(), kgpin::PinError>(())
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PartsDiffer {
    /// The first digit (sex) differs.
    pub sex_digit: bool,
    /// Digits 2-9 (birth date) differ.
    pub birth_date: bool,
    /// The last five digits (serial) differ.
    pub serial: bool,
}

impl PartsDiffer {
    /// The parts in which two PINs differ.
    pub fn between(a: &Pin, b: &Pin) -> Self {
        let part =
            |range: std::ops::Range<usize>| a.digits.get(range.clone()) != b.digits.get(range);
        PartsDiffer {
            sex_digit: part(layout::SEX_DIGIT..layout::SEX_DIGIT + 1),
            birth_date: part(layout::BIRTH_DATE),
            serial: part(layout::SERIAL),
        }
    }

    /// The parts in which any two of `pins` differ.
    pub fn among(pins: &[Pin]) -> Self {
        let mut parts = PartsDiffer::default();
        for (i, a) in pins.iter().enumerate() {
            for b in pins.iter().skip(i + 1) {
                let d = PartsDiffer::between(a, b);
                parts.sex_digit |= d.sex_digit;
                parts.birth_date |= d.birth_date;
                parts.serial |= d.serial;
            }
        }
        parts
    }
}

crate::coded_enum! {
    /// A valid PIN that is still worth a second look.
    #[derive(Debug, Clone, PartialEq, Eq, Serialize)]
    #[serde(tag = "code", rename_all_fields = "camelCase")]
    pub enum PinWarning {
        /// A birth year before 1900: probably a mistyped year.
        "birth_year_before_1900" => BirthYearBefore1900 {
            /// The year the PIN encodes.
            year: u32,
        },
        /// Older than [`MAX_PLAUSIBLE_AGE`]: probably a mistyped year.
        "age_over_120" => AgeOver120 {
            /// The age on the day of the check.
            age: u32,
        },
        /// Serial `00000`, which real assignments are not expected to use.
        "serial_zero" => SerialZero,
        /// The sex digit disagrees with the person's stated sex. Not an error: by
        /// law a PIN is not changed when a person changes gender.
        "sex_mismatch" => SexMismatch {
            /// The sex the PIN's first digit encodes.
            pin_sex: Sex,
            /// The sex the person states.
            stated_sex: Sex,
            /// A child's number (under 16 by the stated birth date, else by
            /// the PIN's): a change of gender is not offered as a reason (a
            /// reading found it offered for a newborn).
            for_child: bool,
        },
        /// The PIN's birth date differs from the person's stated one.
        "birth_date_mismatch" => BirthDateMismatch {
            /// The date the PIN encodes.
            pin_birth_date: Date,
            /// The date the person states.
            stated_birth_date: Date,
            /// How the two differ.
            detail: DateMismatch,
        },
    }
}

/// What the person says about themselves, to compare with what the PIN encodes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Stated {
    /// The sex the person states, if any.
    pub sex: Option<Sex>,
    /// The birth date the person states, if any.
    pub birth_date: Option<Date>,
}

/// Fourteen ASCII digits: a cleaned input of a PIN's shape, valid or not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Digits([u8; PIN_LENGTH]);

impl Digits {
    /// The 14 digits as text.
    pub fn as_str(&self) -> &str {
        // Built only from bytes checked to be ASCII digits.
        std::str::from_utf8(&self.0).unwrap_or("")
    }
}

impl fmt::Display for Digits {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The full outcome of checking one input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PinCheck {
    /// The 14 cleaned digits when the input has that shape (even if invalid,
    /// e.g. an organisation's INN), so people see what was read.
    pub digits: Option<Digits>,
    /// The parsed PIN when it passed the structural rules.
    pub pin: Option<Pin>,
    /// Every error found; empty for a valid PIN.
    pub errors: Vec<PinError>,
    /// Points worth a second look about a parsed PIN; never blocking.
    pub warnings: Vec<PinWarning>,
}

impl PinCheck {
    /// Whether the input is a valid PIN: it parsed and no error was found (a future birth date is one).
    pub fn is_valid(&self) -> bool {
        self.errors.is_empty() && self.pin.is_some()
    }
}

/// Removes what people and programs put around the digits: spaces of every kind
/// (including no-break and zero-width), hyphens and dashes, dots, an Excel
/// text-marking apostrophe and quotes around the number; turns full-width
/// and Arabic-Indic digits into ASCII.
///
/// ```
/// assert_eq!(kgpin::pin::compact(" 1-0202.1982\u{a0}5421７ "), "10202198254217");
/// assert_eq!(kgpin::pin::compact("'10202198254217'"), "10202198254217");
/// assert_eq!(kgpin::pin::compact("10202198254217,00"), "10202198254217");
/// assert_eq!(kgpin::pin::compact("ПИН: 10202198254217"), "10202198254217");
/// ```
pub fn compact(input: &str) -> String {
    let trimmed = input.trim_matches(|c: char| c.is_whitespace() || is_invisible(c));
    let trimmed = trimmed
        .trim_matches(|c: char| matches!(c, '\'' | '"' | '«' | '»' | '\u{2018}'..='\u{201f}'));
    let trimmed = without_note(without_label(trimmed));
    // A program that read the column as a number writes "10202198254217.0"
    // (or ",00", or "11 503 198 534 567,00" with digits grouped): those
    // zeros are no digits of the PIN. (Whatever else is around the digits:
    // with spaces, the dot was taken for a separator, and "1 150319853456.0"
    // made a valid PIN with a made-up serial.)
    let trimmed = match trimmed.trim_end_matches('0').strip_suffix(['.', ',']) {
        Some(number)
            if trimmed.len() > number.len() + 1
                && number.len() >= PIN_LENGTH - 1
                && !number.bytes().any(|b| b == b'.' || b == b',') =>
        {
            number
        }
        _ => trimmed,
    };
    trimmed
        .chars()
        .filter(|&c| !(c.is_whitespace() || is_invisible(c) || is_separator(c)))
        .map(|c| match c {
            '\u{ff10}'..='\u{ff19}' => char::from(b'0' + (c as u32 - 0xff10) as u8),
            '\u{660}'..='\u{669}' => char::from(b'0' + (c as u32 - 0x660) as u8),
            '\u{6f0}'..='\u{6f9}' => char::from(b'0' + (c as u32 - 0x6f0) as u8),
            other => other,
        })
        .collect()
}

/// The number without a label pasted before it ("ПИН: 1020…", "PIN 1020…",
/// "ИНН№1020…"): four bytes or more before the first digit (two Cyrillic
/// letters), Latin or Cyrillic letters, not all look-alikes of digits,
/// ending in a colon, a space or a №. Its letters are no digits
/// (the "I" of "PIN" is no 1): an error about them sent people to change
/// the wrong characters.
fn without_label(s: &str) -> &str {
    let first_digit = s.bytes().position(|b| b.is_ascii_digit()).unwrap_or(0);
    // The label ends at its last colon, space or №: a look-alike typed for
    // the number's first digit may follow it ("PIN: I0202…" kept its label).
    let start = s.get(..first_digit).map_or(0, |before| {
        before
            .trim_end_matches(|c| !matches!(c, ':' | ' ' | '№'))
            .len()
    });
    match s.split_at_checked(start) {
        Some((label, number)) if start > 3 => {
            let letters = label.trim_end_matches([':', ' ', '№']);
            // Letters only, in words ("Personal number:", "Жеке номуру:",
            // an ID card's own label: a reading found them kept), a
            // full-width digit being one of the number's.
            if is_words(letters) && letters.len() < label.len() {
                number
            } else {
                s
            }
        }
        _ => s,
    }
}

/// The number without a note typed after it ("1020… (паспорт)", "1020…
/// ИНН"): after a space or an opening bracket, words of two letters or
/// more, not all look-alikes of digits, as [`without_label`] reads a label
/// before it. Its letters are no digits: "this has 24 characters" sent a
/// person with a right number to correct it.
fn without_note(s: &str) -> &str {
    let Some(last_digit) = s.bytes().rposition(|b| b.is_ascii_digit()) else {
        return s;
    };
    let (number, note) = s.split_at(last_digit + 1);
    let words = note.trim_start_matches(' ');
    if !(words.len() < note.len() || words.starts_with('(')) {
        return s;
    }
    if is_words(words) {
        number
    } else {
        s
    }
}

/// Whether `text` is words around a number, not part of it: Latin or
/// Cyrillic letters and punctuation only ("ПИН/ИНН", "Жеке номер (ПИН)",
/// "- паспорт": a reading found them kept), two letters or more ("(Ж)", a
/// sex letter typed for the sex digit, is no word: a review's find), and
/// not all look-alikes of digits ("ОО 0219…" keeps its hint).
fn is_words(text: &str) -> bool {
    let letter = |c: char| c.is_ascii_alphabetic() || ('\u{400}'..='\u{4ff}').contains(&c);
    let (mut letters, mut plain) = (0, false);
    for c in text.chars() {
        if letter(c) {
            letters += 1;
            plain |= digit_look_alike(c).is_none();
        } else if !matches!(c, ' ' | '/' | '(' | ')' | '.' | ',' | ':' | '-' | '–' | '—') {
            return false;
        }
    }
    letters >= 2 && plain
}

/// Characters nobody can see: zero-width spaces and joiners, the soft hyphen,
/// and the direction marks a copy from a right-to-left text or a messenger
/// brings along. Dropped like spaces: an error about one would name a
/// character the person cannot find.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200b}'..='\u{200f}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2060}'..='\u{2064}'
            | '\u{180e}'
            | '\u{34f}'
            | '\u{2066}'..='\u{2069}'
            | '\u{061c}'
            | '\u{feff}'
            | '\u{ad}'
    )
}

fn is_separator(c: char) -> bool {
    matches!(
        c,
        '-' | '.' | '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{ff0d}'
    )
}

/// The digit a letter is commonly mistaken for, if any. Never used to correct
/// silently: only to say "did you mean".
pub fn digit_look_alike(c: char) -> Option<char> {
    match c {
        'O' | 'o' | 'О' | 'о' | 'Q' | 'D' => Some('0'),
        'l' | 'I' | 'i' | '|' | 'L' => Some('1'),
        'З' | 'з' => Some('3'),
        'Ч' | 'ч' => Some('4'),
        'S' | 's' => Some('5'),
        'б' => Some('6'),
        'B' | 'В' => Some('8'),
        _ => None,
    }
}

/// `2.02021E+13`, `2,02021E+13`, `1E13`: what a spreadsheet shows for a long number.
fn is_spreadsheet_number(text: &str) -> bool {
    let text = text.trim();
    let Some((mantissa, exponent)) = text.split_once(['e', 'E']) else {
        return false;
    };
    let exponent = exponent.strip_prefix('+').unwrap_or(exponent);
    let (whole, fraction) = mantissa.split_once(['.', ',']).unwrap_or((mantissa, ""));
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    !whole.is_empty()
        && !exponent.is_empty()
        && all_digits(whole)
        && all_digits(fraction)
        && all_digits(exponent)
}

struct Analysis {
    digits: Option<[u8; PIN_LENGTH]>,
    pin: Option<Pin>,
    errors: Vec<PinError>,
}

/// The structural rules 1-4 of the format (everything but "not after today").
fn analyse(input: &str) -> Analysis {
    let mut errors = Vec::new();
    let none = |errors| Analysis {
        digits: None,
        pin: None,
        errors,
    };
    // Most inputs are already clean (14 ASCII digits): nothing to undo or to
    // report character by character then, and no copy. This runs per keystroke.
    let clean: std::borrow::Cow<str> =
        if input.len() == PIN_LENGTH && input.bytes().all(|b| b.is_ascii_digit()) {
            input.into()
        } else {
            if is_spreadsheet_number(input) {
                errors.push(PinError::SpreadsheetNumber {
                    value: input.trim().to_string(),
                });
                return none(errors);
            }
            let clean = compact(input);
            if clean.is_empty() {
                errors.push(PinError::Empty);
                return none(errors);
            }
            let mut found = 0;
            for (index, character) in clean.chars().enumerate() {
                found += 1;
                // Past the limit only the length is counted: a megabyte pasted into a
                // form is one error, not a million, and takes microseconds.
                if index < READ_LIMIT && !character.is_ascii_digit() {
                    errors.push(PinError::InvalidCharacter {
                        position: index + 1,
                        character,
                        looks_like: digit_look_alike(character),
                    });
                }
            }
            if found != PIN_LENGTH {
                errors.push(PinError::InvalidLength {
                    expected: PIN_LENGTH,
                    found,
                });
            }
            if !errors.is_empty() {
                return none(errors);
            }
            clean.into()
        };
    let mut digits = [0u8; PIN_LENGTH];
    digits.copy_from_slice(clean.as_bytes());

    let sex_digit = digits[layout::SEX_DIGIT];
    if sex_digit == layout::LEGAL_ENTITY_DIGIT {
        // An organisation's number: positions 2-9 are a registration date,
        // not a birth date, so nothing more is read.
        errors.push(PinError::LegalEntityInn);
        return Analysis {
            digits: Some(digits),
            pin: None,
            errors,
        };
    }
    let sex = layout::sex_of_digit(sex_digit);
    if sex.is_none() {
        errors.push(PinError::UnknownSexDigit {
            digit: char::from(sex_digit),
        });
    }
    let number = |range: std::ops::Range<usize>| {
        digits
            .get(range)
            .unwrap_or_default()
            .iter()
            .fold(0u32, |n, d| n * 10 + u32::from(d.wrapping_sub(b'0')))
    };
    let birth_date = Date::new(
        number(layout::YEAR),
        number(layout::MONTH),
        number(layout::DAY),
    )
    .ok();
    if birth_date.is_none() {
        errors.push(PinError::InvalidBirthDate {
            digits: clean[layout::BIRTH_DATE].to_string(),
        });
    }
    let pin = match (sex, birth_date) {
        (Some(sex), Some(birth_date)) => Some(Pin {
            digits,
            sex,
            birth_date,
        }),
        _ => None,
    };
    Analysis {
        digits: Some(digits),
        pin,
        errors,
    }
}

/// The cleaned 14 digits of a recorded PIN, when it has that shape (even if
/// invalid): what can still be compared of a PIN that fails the rules.
///
/// ```
/// assert_eq!(kgpin::pin::pin_digits("0 2507199510010").as_deref(), Some("02507199510010"));
/// assert_eq!(kgpin::pin::pin_digits("1O202198254217"), None);
/// ```
pub fn pin_digits(text: &str) -> Option<String> {
    let clean = compact(text);
    (clean.len() == PIN_LENGTH && clean.bytes().all(|b| b.is_ascii_digit())).then_some(clean)
}

/// Applies every rule and warning of the format to one input.
///
/// `today` is a parameter so results never depend on the clock.
///
/// ```
/// use kgpin::{pin, Date, Sex};
/// let today = Date::new(2026, 11, 25).unwrap();
/// let stated = pin::Stated { sex: Some(Sex::Male), birth_date: None };
/// let check = pin::check("10202198254217", today, &stated);
/// assert!(check.is_valid());
/// assert_eq!(check.warnings[0].code(), "sex_mismatch");
/// ```
pub fn check(input: &str, today: Date, stated: &Stated) -> PinCheck {
    let Analysis {
        digits,
        pin,
        mut errors,
    } = analyse(input);
    let mut warnings = Vec::new();
    if let Some(pin) = pin {
        let born = pin.birth_date();
        if born > today {
            errors.push(PinError::BirthDateInFuture {
                birth_date: born,
                today,
            });
        } else if born.years_until(today) > MAX_PLAUSIBLE_AGE {
            warnings.push(PinWarning::AgeOver120 {
                age: born.years_until(today),
            });
        }
        if born.year() < 1900 {
            warnings.push(PinWarning::BirthYearBefore1900 { year: born.year() });
        }
        if pin.serial().is_zero() {
            warnings.push(PinWarning::SerialZero);
        }
        if let Some(stated_sex) = stated.sex.filter(|&s| s != pin.sex()) {
            warnings.push(PinWarning::SexMismatch {
                pin_sex: pin.sex(),
                stated_sex,
                for_child: stated.birth_date.unwrap_or(born).years_until(today) < ID_CARD_AGE,
            });
        }
        if let Some(stated_birth_date) = stated.birth_date.filter(|&d| d != born) {
            warnings.push(PinWarning::BirthDateMismatch {
                pin_birth_date: born,
                stated_birth_date,
                detail: DateMismatch::between(born, stated_birth_date),
            });
        }
    }
    PinCheck {
        digits: digits.map(Digits),
        pin,
        errors,
        warnings,
    }
}

/// What can still be read from a damaged PIN. For matching records only: a
/// damaged PIN is never accepted as valid, but two records of one person often
/// carry the same PIN, one of them damaged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PinFragment {
    /// 14 characters, some of them letters that look like digits (`1O202...`),
    /// read as those digits.
    LookAlikes(String),
    /// 13 digits: one digit was lost in typing (or a leading zero in a spreadsheet).
    MissingDigit(String),
    /// A spreadsheet's exponent form (`2.02021E+13`): the leading digits,
    /// the last of them possibly rounded.
    Leading(String),
}

impl PinFragment {
    /// Reads what survives of a damaged PIN; `None` for a valid-looking or hopeless input.
    ///
    /// ```
    /// use kgpin::pin::PinFragment;
    /// let f = PinFragment::from_input("1O202198254217").unwrap();
    /// assert!(f.matches("10202198254217"));
    /// let f = PinFragment::from_input("1.02022E+13").unwrap();
    /// assert!(f.matches("10202198254217"));
    /// assert!(PinFragment::from_input("1020219825427").unwrap().matches("10202198254217"));
    /// ```
    pub fn from_input(input: &str) -> Option<PinFragment> {
        if is_spreadsheet_number(input) {
            let mantissa = input.trim().split(['e', 'E']).next().unwrap_or("");
            let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
            return (digits.len() >= 4).then_some(PinFragment::Leading(digits));
        }
        let clean = compact(input);
        let count = clean.chars().count();
        if count == PIN_LENGTH && !clean.bytes().all(|b| b.is_ascii_digit()) {
            let repaired: Option<String> = clean
                .chars()
                .map(|c| {
                    if c.is_ascii_digit() {
                        Some(c)
                    } else {
                        digit_look_alike(c)
                    }
                })
                .collect();
            return repaired.map(PinFragment::LookAlikes);
        }
        if count == PIN_LENGTH - 1 && clean.bytes().all(|b| b.is_ascii_digit()) {
            return Some(PinFragment::MissingDigit(clean));
        }
        None
    }

    /// Whether `digits` (a 14-digit PIN) could be the PIN this fragment was.
    pub fn matches(&self, digits: &str) -> bool {
        if digits.len() != PIN_LENGTH {
            return false;
        }
        match self {
            PinFragment::LookAlikes(repaired) => repaired == digits,
            PinFragment::MissingDigit(short) => {
                (0..PIN_LENGTH).any(|i| digits[..i] == short[..i] && digits[i + 1..] == short[i..])
            }
            PinFragment::Leading(leading) => {
                // The last leading digit may be rounded: compare all but it.
                let sure = &leading[..leading.len() - 1];
                digits.starts_with(sure)
            }
        }
    }

    /// Whether the surviving digits agree with a person of this sex and birth date
    /// (positions 1-9 of their PIN would be the sex digit and `DDMMYYYY`).
    pub fn consistent_with(&self, sex: Sex, birth_date: Date) -> bool {
        let expected = format!(
            "{}{}",
            char::from(layout::digit_of_sex(sex)),
            birth_date.to_ddmmyyyy()
        );
        match self {
            PinFragment::LookAlikes(d) => d.starts_with(&expected),
            PinFragment::MissingDigit(_) => true,
            PinFragment::Leading(leading) => {
                let sure = &leading[..leading.len() - 1];
                let n = sure.len().min(expected.len());
                sure[..n] == expected[..n]
            }
        }
    }

    /// The sex the first digit gives, where that digit surely survives:
    /// look-alike letters read as digits, or a spreadsheet's leading digits.
    /// A 13-digit fragment may have lost its first digit.
    ///
    /// ```
    /// use kgpin::{pin::PinFragment, Sex};
    /// assert_eq!(PinFragment::from_input("2O202198254217").unwrap().sex(), Some(Sex::Male));
    /// assert_eq!(PinFragment::from_input("1.02022E+13").unwrap().sex(), Some(Sex::Female));
    /// assert_eq!(PinFragment::from_input("1020219825427").unwrap().sex(), None);
    /// ```
    pub fn sex(&self) -> Option<Sex> {
        match self {
            PinFragment::LookAlikes(digits) | PinFragment::Leading(digits) => {
                layout::sex_of_digit(*digits.as_bytes().first()?)
            }
            PinFragment::MissingDigit(_) => None,
        }
    }

    /// A birth date the fragment most likely carries (positions 2-9), for finding candidates.
    pub fn likely_birth_date(&self) -> Option<Date> {
        let digits = match self {
            PinFragment::LookAlikes(d) | PinFragment::MissingDigit(d) => d.as_str(),
            PinFragment::Leading(_) => return None,
        };
        let number = |r: std::ops::Range<usize>| digits.get(r)?.parse::<u32>().ok();
        Date::new(
            number(layout::YEAR)?,
            number(layout::MONTH)?,
            number(layout::DAY)?,
        )
        .ok()
    }

    /// Day and month the fragment most likely carries (positions 2-5).
    pub fn likely_day_month(&self) -> Option<(u32, u32)> {
        let digits = match self {
            PinFragment::LookAlikes(d) | PinFragment::MissingDigit(d) | PinFragment::Leading(d) => {
                d
            }
        };
        let day = digits.get(layout::DAY)?.parse::<u32>().ok()?;
        let month = digits.get(layout::MONTH)?.parse::<u32>().ok()?;
        ((1..=31).contains(&day) && (1..=12).contains(&month)).then_some((day, month))
    }
}

/// `true` for a birth date a living person can have on `today`: not in the
/// future, not before 1900 and not over [`MAX_PLAUSIBLE_AGE`]. A PIN with any
/// other date is valid but warned about: its year was probably mistyped.
///
/// ```
/// use kgpin::date::Date;
/// use kgpin::pin::is_plausible_birth_date;
/// let today = Date::new(2026, 12, 5).unwrap();
/// assert!(is_plausible_birth_date(Date::new(1982, 3, 12).unwrap(), today));
/// assert!(!is_plausible_birth_date(Date::new(1892, 3, 12).unwrap(), today));
/// ```
pub fn is_plausible_birth_date(date: Date, today: Date) -> bool {
    date <= today && date.year() >= 1900 && date.years_until(today) <= MAX_PLAUSIBLE_AGE
}

/// `true` when `input` is a valid PIN on `today`.
pub fn is_valid(input: &str, today: Date) -> bool {
    check(input, today, &Stated::default()).is_valid()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> Date {
        Date::new(2026, 11, 25).unwrap()
    }
    fn codes(input: &str) -> Vec<&'static str> {
        check(input, today(), &Stated::default())
            .errors
            .iter()
            .map(PinError::code)
            .collect()
    }

    #[test]
    fn decodes_the_published_example() {
        let check = check("10202198254217", today(), &Stated::default());
        assert!(check.is_valid());
        let pin = check.pin.unwrap();
        assert_eq!(pin.sex(), Sex::Female);
        assert_eq!(pin.birth_date().to_string(), "1982-02-02");
        assert_eq!(pin.serial().as_str(), "54217");
        assert_eq!(pin.grouped(), "1 02021982 54217");
        assert!(check.warnings.is_empty());
    }

    #[test]
    fn drops_a_label_pasted_before_the_number() {
        for input in [
            "ПИН: 10202198254217",
            "PIN 10202198254217",
            "ИНН№10202198254217",
            "пин : 10202198254217",
        ] {
            assert_eq!(compact(input), "10202198254217", "{input}");
        }
        // Not a label: one letter, or letters without a colon, № or space
        // (a look-alike typed for a digit keeps its hint).
        assert_eq!(compact("О 0202198254217"), "О0202198254217");
        assert_eq!(compact("PIN10202198254217"), "PIN10202198254217");
        assert_eq!(compact("Il0202198254217"), "Il0202198254217");
        // A full-width digit is the number's, not a label's (a review).
        assert_eq!(compact("１ 02021982 54217"), "10202198254217");
        assert_eq!(compact("ОО 02198254217"), "ОО02198254217");
        // A look-alike right after the label is the number's (a reading:
        // "PIN: I0202…" was "18 characters", the label's letters among them).
        assert_eq!(compact("PIN: I0202198254217"), "I0202198254217");
        assert_eq!(compact("ПИН:О0202198254217"), "О0202198254217");
        // Inside the quotes a spreadsheet or a message put around it.
        assert_eq!(compact("«ПИН: 10202198254217»"), "10202198254217");
        // An ID card's label of two words, in each language (a reading).
        for input in [
            "Personal number: 10202198254217",
            "Жеке номуру: 10202198254217",
            "Персональный номер: 10202198254217",
            // Stop 55, a thirteenth reading: a slash or brackets in the
            // label were counted in the number.
            "ПИН/ИНН: 10202198254217",
            "Жеке номер (ПИН) 10202198254217",
            // Stop 56: a dash after the label.
            "ПИН - 10202198254217",
        ] {
            assert_eq!(compact(input), "10202198254217", "{input}");
        }
        // A number sign alone stays (a list's "№ 1" before a number missing
        // its first digit would make a PIN up: a review's find), and so
        // does one letter in brackets (a sex letter for the sex digit).
        assert_eq!(compact("№ 1 0202198254217"), "№10202198254217");
        assert_eq!(compact("(Ж) 0202198254217"), "(Ж)0202198254217");
        // Look-alikes in words are still no label.
        assert_eq!(compact("O O 0202198254217"), "OO0202198254217");
    }

    #[test]
    fn drops_a_note_typed_after_the_number() {
        // Stop 56: "1020… (паспорт)" was "24 characters", a right number
        // to be corrected.
        for input in [
            "10202198254217 (паспорт)",
            "10202198254217(паспорт)",
            "10202198254217 ИНН",
            "10202198254217 - паспорт",
            "ПИН: 10202198254217 (салык)",
            "10202198254217 (tax office)",
            "1 0202 1982 54217 (паспорт)",
        ] {
            assert_eq!(compact(input), "10202198254217", "{input}");
        }
        // Not a note: one letter, look-alikes alone, or letters glued to
        // the number (a digit's look-alike keeps its hint).
        assert_eq!(compact("1020219825421 О"), "1020219825421О");
        assert_eq!(compact("1020219825421 OO"), "1020219825421OO");
        assert_eq!(compact("10202198254217 (Ж)"), "10202198254217(Ж)");
        assert_eq!(compact("10202198254217паспорт"), "10202198254217паспорт");
        // A date after the number is no note of letters.
        assert_eq!(
            compact("10202198254217 02.02.1982"),
            "1020219825421702021982"
        );
    }

    #[test]
    fn cleans_separators_and_full_width_digits() {
        for input in [
            "1 0202 1982 54217",
            "1-02021982-54217",
            "1.02.02.1982.54217",
            "\u{200b}1020219825\u{a0}4217\u{feff}",
            "１０２０２１９８２５４２１７",
            "'10202198254217",
            "10202198254217.0",
            "10202198254217,0",
            // Stop 37, a citizen's reading: these were "this has 15/16/17 digits"
            // or fourteen "not a digit" lines.
            "10202198254217.00",
            "10202198254217,00",
            "'10202198254217'",
            "«10202198254217»",
            "\"10202198254217\"",
            "١٠٢٠٢١٩٨٢٥٤٢١٧",
            "۱۰۲۰۲۱۹۸۲۵۴۲۱۷",
            // Stop 52, a reading: digits grouped as a Russian-locale
            // spreadsheet shows a number ("this has 17 digits" before).
            "10 202 198 254 217,00",
            "10 202 198 254 217.00",
            // Stop 53: invisible separators and joiners a reading found kept
            // ("not a digit" about a character nobody can see).
            "\u{2063}10202198254217\u{180e}",
            "1020\u{34f}2198254217",
        ] {
            assert_eq!(codes(input), Vec::<&str>::new(), "{input:?}");
        }
        // Thirteen digits and a decimal ending are thirteen digits: the dot
        // taken for a separator made its 0 a serial's last digit (valid).
        assert_eq!(codes("1 020219825421.0"), ["invalid_length"]);
        // Zeros of the PIN itself stay, and so does a fraction that is not zeros.
        assert_eq!(compact("10202198254200"), "10202198254200");
        assert_eq!(codes("10202198254217.10"), ["invalid_length"]);
    }

    #[test]
    fn empty_input() {
        assert_eq!(codes(""), ["empty"]);
        assert_eq!(codes("  - . "), ["empty"]);
    }

    #[test]
    fn length_is_fourteen() {
        let check = check("1020219825421", today(), &Stated::default());
        assert_eq!(
            check.errors,
            [PinError::InvalidLength {
                expected: 14,
                found: 13
            }]
        );
        assert_eq!(codes("102021982542170"), ["invalid_length"]);
    }

    #[test]
    fn look_alike_letters_name_position_and_digit() {
        let check = check("1O2O2198254217", today(), &Stated::default());
        assert_eq!(
            check.errors[0],
            PinError::InvalidCharacter {
                position: 2,
                character: 'O',
                looks_like: Some('0')
            }
        );
        assert_eq!(check.errors.len(), 2);
        let errors = super::check("1020219825421З", today(), &Stated::default()).errors;
        assert_eq!(
            errors[0],
            PinError::InvalidCharacter {
                position: 14,
                character: 'З',
                looks_like: Some('3')
            }
        );
        let errors = super::check("1020219825421x", today(), &Stated::default()).errors;
        assert!(matches!(
            errors[0],
            PinError::InvalidCharacter {
                looks_like: None,
                ..
            }
        ));
    }

    #[test]
    fn spreadsheet_numbers_are_recognised() {
        assert_eq!(codes("2.02021E+13"), ["spreadsheet_number"]);
        assert_eq!(codes("2,02021E+13"), ["spreadsheet_number"]);
        assert_eq!(codes("1E13"), ["spreadsheet_number"]);
        assert_ne!(codes("2.0202E"), ["spreadsheet_number"]);
    }

    #[test]
    fn first_digit_rules() {
        assert_eq!(codes("01801201210323"), ["legal_entity_inn"]);
        assert_eq!(codes("30202198254217"), ["unknown_sex_digit"]);
        assert_eq!(
            codes("93102198254217"),
            ["unknown_sex_digit", "invalid_birth_date"]
        );
    }

    #[test]
    fn birth_date_must_be_real_and_past() {
        assert_eq!(codes("12902200054217"), Vec::<&str>::new());
        assert_eq!(codes("12902190054217"), ["invalid_birth_date"]);
        assert_eq!(codes("13104198254217"), ["invalid_birth_date"]);
        assert_eq!(codes("12611202654217"), ["birth_date_in_future"]);
        assert_eq!(codes("12511202654217"), Vec::<&str>::new());
    }

    #[test]
    fn warnings() {
        let warnings = |input: &str, stated: Stated| -> Vec<PinWarning> {
            let check = check(input, today(), &stated);
            assert!(check.is_valid(), "{input}");
            check.warnings
        };
        let none = Stated::default();
        assert_eq!(
            warnings("10101189954217", none),
            [
                PinWarning::AgeOver120 { age: 127 },
                PinWarning::BirthYearBefore1900 { year: 1899 }
            ]
        );
        assert_eq!(warnings("10202198200000", none), [PinWarning::SerialZero]);
        let female_stated_male = Stated {
            sex: Some(Sex::Male),
            birth_date: None,
        };
        assert_eq!(
            warnings("10202198254217", female_stated_male),
            [PinWarning::SexMismatch {
                pin_sex: Sex::Female,
                stated_sex: Sex::Male,
                for_child: false,
            }]
        );
    }

    #[test]
    fn dates_apart_in_day_month_and_year_are_told_as_the_digits_tell_them() {
        // The rule written out on the digits alone, against `between`'s
        // shortcut, for every pair of dates among days spread over decades
        // (neighbours, one digit apart, swapped digits, day and month swapped).
        let plain = |a: Date, b: Date| {
            if a.year() == b.year() && a.day() == b.month() && a.month() == b.day() {
                return DateMismatch::DayMonthSwapped;
            }
            match Slip::between(&a.ddmmyyyy_digits(), &b.ddmmyyyy_digits()) {
                Slip::OneDigit => DateMismatch::OneDigit,
                Slip::Swapped => DateMismatch::DigitsSwapped,
                Slip::Equal | Slip::More => DateMismatch::Different,
            }
        };
        let mut dates = Vec::new();
        for year in [1919, 1991, 1990, 1999, 2000, 2009, 2019, 1909] {
            for month in 1..=12 {
                for day in [1, 2, 10, 11, 12, 13, 21, 31] {
                    dates.extend(Date::new(year, month, day).ok());
                }
            }
        }
        let mut slips = 0;
        for &a in &dates {
            for &b in &dates {
                if a != b {
                    let told = DateMismatch::between(a, b);
                    assert_eq!(told, plain(a, b), "{a:?} {b:?}");
                    slips += usize::from(told != DateMismatch::Different);
                }
            }
        }
        assert!(slips > 1000, "{slips}");
    }

    #[test]
    fn birth_date_mismatch_detail() {
        let detail = |pin: &str, stated: &str| {
            let stated = Stated {
                sex: None,
                birth_date: Some(stated.parse().unwrap()),
            };
            match check(pin, today(), &stated).warnings.as_slice() {
                [PinWarning::BirthDateMismatch { detail, .. }] => Some(*detail),
                [] => None,
                other => panic!("unexpected {other:?}"),
            }
        };
        assert_eq!(
            detail("10304198254217", "1982-03-04"),
            Some(DateMismatch::DayMonthSwapped)
        );
        assert_eq!(
            detail("10304198254217", "1982-04-13"),
            Some(DateMismatch::OneDigit)
        );
        assert_eq!(
            detail("10304198254217", "1991-04-03"),
            Some(DateMismatch::Different)
        );
        for (stated, why) in [
            ("1982-04-30", "03 for 30"),
            ("1928-04-03", "1928 for 1982"),
            ("1982-04-12", "12.04 for 21.04"),
        ] {
            let pin = if why.starts_with("12") {
                "12104198254217"
            } else {
                "10304198254217"
            };
            assert_eq!(
                detail(pin, stated),
                Some(DateMismatch::DigitsSwapped),
                "{why}"
            );
        }
        // Two digits apart, or swapped across a third: not one slip.
        assert_eq!(
            detail("10304198254217", "1982-03-05"),
            Some(DateMismatch::Different)
        );
        assert_eq!(
            detail("10304198254217", "1928-04-13"),
            Some(DateMismatch::Different)
        );
        assert_eq!(detail("10304198254217", "1982-04-03"), None);
    }

    #[test]
    fn errors_serialise_with_code_and_camel_case_data() {
        let error = PinError::InvalidCharacter {
            position: 3,
            character: 'О',
            looks_like: Some('0'),
        };
        assert_eq!(
            serde_json::to_value(&error).unwrap(),
            serde_json::json!({"code": "invalid_character", "position": 3, "character": "О", "looksLike": "0"})
        );
        let warning = PinWarning::BirthYearBefore1900 { year: 1899 };
        assert_eq!(
            serde_json::to_value(&warning).unwrap()["code"],
            "birth_year_before_1900"
        );
    }

    #[test]
    fn pin_serde_round_trip() {
        let pin: Pin = "20101200012345".parse().unwrap();
        let json = serde_json::to_string(&pin).unwrap();
        assert_eq!(json, "\"20101200012345\"");
        assert_eq!(serde_json::from_str::<Pin>(&json).unwrap(), pin);
        assert!(serde_json::from_str::<Pin>("\"0101\"").is_err());
    }
}
