//! Field comparisons as ladders of levels, each level a weight in bits
//! (log2 of how much likelier the agreement is for one person than for two).
//! A pair's score is the sum of its weights, so every score can be explained
//! as a waterfall of [`Reason`]s.

use serde::Serialize;

use super::record::{NameId, Names, PinNumber, Prepared, NO_NAME};
use crate::date::Date;
use crate::names::{fond_form, letters, word_stem, NameShape, LETTERS_LONGEST};
pub use crate::names::{within_one_edit, within_two_edits};
use crate::pin::{DateMismatch, PinFragment};
use crate::sex::Sex;

crate::coded_enum! {
    /// Why two records look like one person, or not. Codes are stable; the
    /// messages are in [`messages::reason`](crate::messages::reason).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, serde::Deserialize)]
    pub enum Reason {
        /// Same surname.
        "last_name_equal" => LastNameEqual,
        /// Same surname in another spelling (Cyrillic/Latin).
        "last_name_translit_match" => LastNameTranslitMatch,
        /// Same surname but for the -ov/-ev ending.
        "last_name_suffix_differs" => LastNameSuffixDiffers,
        /// Similar surname (a typo?).
        "last_name_similar" => LastNameSimilar,
        /// Different surname.
        "last_name_differs" => LastNameDiffers,
        /// One record's surname is a father's name with its marker (Бакыт
        /// уулу), the father the other record's patronymic names: no family
        /// name to compare.
        "last_name_names_father" => LastNameNamesFather,
        /// Same first name.
        "first_name_equal" => FirstNameEqual,
        /// Same first name in another spelling.
        "first_name_translit_match" => FirstNameTranslitMatch,
        /// Similar first name (a typo?).
        "first_name_similar" => FirstNameSimilar,
        /// Different first name.
        "first_name_differs" => FirstNameDiffers,
        /// First name and surname swapped.
        "names_swapped" => NamesSwapped,
        /// Same father's name (uulu/kyzy or -ovich/-ovna).
        "patronymic_equal" => PatronymicEqual,
        /// Similar father's name.
        "patronymic_similar" => PatronymicSimilar,
        /// Different father's name.
        "patronymic_differs" => PatronymicDiffers,
        /// The names that agree (the full name, or a first name and father's
        /// name beside another surname) are common together in the file: on
        /// two PINs their agreement is weaker than each name's share says.
        "names_common" => NamesCommon,
        /// Same date of birth.
        "birth_date_equal" => BirthDateEqual,
        /// Same date of birth by a record's own PIN: its stated date is a
        /// slip of the date its PIN carries, which is the other record's date.
        "birth_date_equal_in_pin" => BirthDateEqualInPin,
        /// Date of birth with day and month swapped.
        "birth_date_day_month_swapped" => BirthDateDayMonthSwapped,
        /// Date of birth differs in one digit.
        "birth_date_one_digit" => BirthDateOneDigit,
        /// Date of birth with two neighbouring digits swapped (21.03 for 12.03).
        "birth_date_digits_swapped" => BirthDateDigitsSwapped,
        /// The same year, one date 01.01: written where the day and month
        /// of birth were not known, it says only the year.
        "birth_date_year_only" => BirthDateYearOnly,
        /// Different date of birth.
        "birth_date_differs" => BirthDateDiffers,
        /// Each record's PIN carries its own date (the stated one, or the
        /// only one), and the dates differ: not a slip but two people.
        "birth_date_attested_differs" => BirthDateAttestedDiffers,
        /// Each record's PIN carries its own date (the stated one, or the
        /// only one), and the dates differ by a slip that moves the year or
        /// swaps day and month: a second PIN issued from a mistyped date.
        "birth_date_attested_slip" => BirthDateAttestedSlip,
        /// Date of birth unknown in both records.
        "birth_date_unknown" => BirthDateUnknown,
        /// Same sex.
        "sex_equal" => SexEqual,
        /// Different sex.
        "sex_differs" => SexDiffers,
        /// The sexes differ, but one record's sex column is not the sex its
        /// own PIN gives: a slip of one, so the sex is not compared.
        "sex_against_pin" => SexAgainstPin,
        /// Same PIN.
        "pin_equal" => PinEqual,
        /// A damaged PIN reads as the other PIN.
        "pin_matches_damaged" => PinMatchesDamaged,
        /// PINs differ only in the serial.
        "pin_serial_differs" => PinSerialDiffers,
        /// PINs share the serial but differ in the first nine digits (sex and date).
        "pin_date_differs" => PinDateDiffers,
        /// Different PINs: both the date part and the serial differ.
        "pin_differs" => PinDiffers,
    }
}

impl Reason {
    /// Whether a birth date or a PIN agrees (a date a slip apart, or PINs
    /// whose date parts agree, included).
    pub fn agrees_on_date_or_pin(self) -> bool {
        matches!(
            self,
            Reason::BirthDateEqual
                | Reason::BirthDateEqualInPin
                | Reason::BirthDateDayMonthSwapped
                | Reason::BirthDateOneDigit
                | Reason::BirthDateDigitsSwapped
                | Reason::BirthDateYearOnly
                | Reason::BirthDateAttestedSlip
                | Reason::PinEqual
                | Reason::PinMatchesDamaged
                | Reason::PinSerialDiffers
        )
    }

    /// Whether a birth date or a PIN disagrees.
    pub fn disagrees_on_date_or_pin(self) -> bool {
        matches!(
            self,
            Reason::BirthDateDiffers
                | Reason::BirthDateAttestedDiffers
                | Reason::PinDateDiffers
                | Reason::PinDiffers
        )
    }

    /// Whether a birth date or a PIN was compared at all, agreeing or not.
    pub fn compares_date_or_pin(self) -> bool {
        self.agrees_on_date_or_pin() || self.disagrees_on_date_or_pin()
    }
}

/// The weights of the ladders, in bits. Named so a reviewer can argue with each.
pub mod weights {
    /// Chance that one person's name agrees with itself across two records (m).
    pub const NAME_AGREEMENT: f32 = 0.9;
    /// Bounds (low, high) of an equal first name's weight, which grows as the name gets rarer.
    pub const FIRST_NAME_EQUAL: (f32, f32) = (3.0, 10.0);
    /// Two established names one letter apart are two names when the rarer
    /// is at least this fraction of the commoner; a slip is far rarer than
    /// the name it slips from (about 1% of a name's records across all its
    /// slips in `kgpin synth --profile country`).
    pub const DISTINCT_NAME_RATIO: f32 = 0.02;
    /// A spelling is a slip of another that is not established either when
    /// its share is under this fraction of the other's. Shares are smoothed
    /// (about one record's worth for a surname at any size), so the commoner
    /// must be written on some forty records or more for a spelling written
    /// once: a country's surnames are mostly far below the established
    /// share, and a slip of one is written once beside its dozens.
    pub const SLIP_BESIDE_UNESTABLISHED_RATIO: f32 = 0.05;
    /// Strongly negative: twins share everything but the first name.
    /// Conditional on one family and one birthday, a different first name is
    /// what tells twins apart, so it must outweigh everything they share.
    pub const FIRST_NAME_DIFFERS: f32 = -16.0;
    /// Bounds (low, high) of an equal surname's weight, which grows as the surname stem gets rarer.
    pub const LAST_NAME_EQUAL: (f32, f32) = (3.0, 11.0);
    /// Taken off an equal surname's weight when only the -ov/-ev ending differs.
    pub const LAST_NAME_SUFFIX_PENALTY: f32 = 1.0;
    /// Mildly negative for adult women: surnames change on marriage.
    pub const LAST_NAME_DIFFERS_WOMAN: f32 = -4.0;
    /// Men and children rarely change their surname.
    pub const LAST_NAME_DIFFERS: f32 = -8.0;
    /// Bounds (low, high) of an equal father's name's weight, which grows as the name gets rarer.
    pub const PATRONYMIC_EQUAL: (f32, f32) = (3.0, 8.0);
    /// Bits taken off an equal name's weight for each slip between two
    /// spellings of it (a similar name is weaker evidence than an equal one).
    pub const SLIP_PENALTY: f32 = 2.0;
    /// The least a similar name weighs, however common the name.
    pub const SIMILAR_NAME_MIN: f32 = 1.0;
    /// The most a similar name weighs, however rare: many rare names lie
    /// one letter from another rare name (Жолбалова, Толбалова), so a
    /// near miss of a rare name is never as strong as the name itself.
    pub const SIMILAR_NAME_MAX: f32 = 4.0;
    /// Fathers' names one letter apart that are both established names of the
    /// file: likelier two fathers than a slip.
    pub const PATRONYMIC_SIMILAR_NAMES: f32 = -6.0;
    /// Strongly negative: namesakes born the same day have different fathers.
    pub const PATRONYMIC_DIFFERS: f32 = -12.0;
    /// A full name written on more records than this is common in the
    /// file: namesakes born the same day on two PINs grow with its records
    /// (an independent registry at 7.3M records: of the pairs linked with
    /// all three names and the date equal on two PINs, 93% were one person
    /// where 8-15 records share the full name, 48% at 128-255, 6% at
    /// 2,048-4,095; at 1M about the same by the number of records, not by
    /// their share).
    pub const COMMON_FULL_NAME_RECORDS: u16 = 16;
    /// A woman's first name and father's name together, beside another
    /// surname on two PINs, written on more records than this are common:
    /// a marriage or a namesake, the namesake the likelier above it (the
    /// same registry at 1M and 7.3M: 52-56% one person at 16-31 records,
    /// 36-38% at 32-63, 24-26% at 64-127).
    pub const COMMON_GIVEN_NAMES_RECORDS: u16 = 32;
    /// Bits taken off for each doubling of common names' records: more
    /// than the one bit a doubling of namesakes is, as their first names,
    /// fathers and surnames run together in families and villages (an
    /// independent registry: at 1M, pairs linked so with 128-255 records
    /// of the full name were 48% one person, 28% at 512-1,023; one bit
    /// left precision at 0.989, one and a half gives 0.990 for 0.0007 of
    /// recall; two gave 0.991, but took so many pairs of one person out of
    /// the band at 7.3M that recall with it fell to 0.9845).
    pub const COMMON_NAMES_PER_DOUBLING: f32 = 1.5;
    /// The same birth date (the stated one, else the PIN's).
    pub const BIRTH_DATE_EQUAL: f32 = 9.0;
    /// The same date where one record's stated date is a slip of the date
    /// its own PIN carries: three witnesses agree and one slipped, a bit
    /// less than an equal date (the record is at odds with itself).
    pub const BIRTH_DATE_EQUAL_IN_PIN: f32 = 8.0;
    /// Day and month swapped: a common slip between forms.
    pub const BIRTH_DATE_DAY_MONTH_SWAPPED: f32 = 5.0;
    /// Dates one digit apart, or two neighbouring digits swapped: probably a typo.
    pub const BIRTH_DATE_ONE_DIGIT: f32 = 3.0;
    /// The same year where one date is 01.01, written for an unknown day
    /// and month: the year agrees, nothing else is known.
    pub const BIRTH_DATE_YEAR_ONLY: f32 = 2.0;
    /// One person's dates rarely differ beyond a slip; namesakes' dates do.
    pub const BIRTH_DATE_DIFFERS: f32 = -12.0;
    /// Dates that differ although each is confirmed by its own record's PIN:
    /// a slip would have to be made twice, the same way, in two documents.
    pub const BIRTH_DATE_ATTESTED_DIFFERS: f32 = -16.0;
    /// Dates each confirmed by its own record's PIN, day and month swapped
    /// or two neighbouring digits of the year swapped (1982 for 1928): a
    /// second PIN issued from a mistyped date and stored with it. Such a
    /// slip reaches one other date, where namesakes rarely fall: on an
    /// independent registry at 1M, of such pairs asked about with all
    /// three names equal and not common, 529 of 558 were one person
    /// (transposed years 324 of 335, swaps 205 of 223); at 7.3M 2,791 of
    /// 2,987.
    pub const BIRTH_DATE_ATTESTED_SWAPPED: f32 = -5.0;
    /// The same with one digit of the year changed, day and month equal
    /// (1984 for 1985): many dates lie one digit of the year away (its
    /// units or its tens), so it weighs 3 bits less than a swap (the same
    /// registry: 876 of 1,262 one person at 1M, 4,471 of 7,608 at 7.3M,
    /// where common names link less). A slip in the day or the month stays
    /// [`BIRTH_DATE_ATTESTED_DIFFERS`]: namesakes are born days or weeks
    /// apart as often (day digits: 431 of 2,442 one person).
    pub const BIRTH_DATE_ATTESTED_YEAR_DIGIT: f32 = -8.0;
    /// Neither record has a date (no stated date, no readable PIN): names alone
    /// are weak evidence, as namesakes abound.
    pub const BIRTH_DATE_UNKNOWN: f32 = -4.0;
    /// The same sex: weak evidence, as half of everyone shares it.
    pub const SEX_EQUAL: f32 = 0.5;
    /// Different sexes: unlikely for one person, yet possible (a slip, or a change of gender).
    pub const SEX_DIFFERS: f32 = -4.0;
    /// A shared PIN is evidence, never proof: about 100,000 PINs are shared.
    pub const PIN_EQUAL: f32 = 6.0;
    /// A damaged PIN (look-alike letters, a lost digit) that reads as the other's PIN.
    pub const PIN_MATCHES_DAMAGED: f32 = 6.0;
    /// Only the leading digits survive (a spreadsheet's exponent form).
    pub const PIN_MATCHES_LEADING_DIGITS: f32 = 2.0;
    /// Bits below the link threshold where the review band begins: pairs
    /// scoring within it are reported for a person to decide
    /// ([`Kind::PossibleSamePerson`](crate::matching::Kind::PossibleSamePerson)).
    /// 3.5 since stop 65 (3 before): an independent registry at 7.3M, once
    /// common names weighed less, kept recall with the band at 0.9853 for
    /// 209,000 questions, 23% of the pairs linked (0.9849 at 3 bits).
    pub const REVIEW_BAND: f32 = 3.5;
    /// Bits below the review band where a pair born the same day is still
    /// asked about when the score undercounts it: nothing disagrees or goes
    /// uncompared (its names are slips of each other, 1-4 bits each, not
    /// different names; a surname naming the father is not compared),
    /// or a woman is under another surname with her first name slipped or
    /// transliterated, or with her father's name missing on one record
    /// (which, were it there and equal, would weigh at least 3 bits). At 1M
    /// records (`synth --profile country`) ~550 such questions, ~310 of
    /// them one person; with first names and fathers equal, namesakes
    /// outnumber one person eight to one there, so those are left out.
    pub const BELOW_BAND: f32 = 3.0;
    /// Default score above which a pair is taken for one person, for a
    /// registry of [`THRESHOLD_REFERENCE_RECORDS`] records.
    pub const DEFAULT_THRESHOLD: f32 = 17.0;
    /// The registry size the default threshold is set for.
    pub const THRESHOLD_REFERENCE_RECORDS: f64 = 100_000.0;
    /// Bits the threshold rises for each tenfold of records beyond the
    /// reference: in a larger registry a random pair more often shares a full
    /// name and a near date, so the prior of a match for a pair falls.
    /// Calibrated on synthetic registries of 0.1-7.3M records (precision at
    /// least 0.98 at every size); not yet on real data.
    pub const THRESHOLD_PER_TENFOLD: f32 = 1.6;
}

fn frequency_weight(freq_a: f32, freq_b: f32, (low, high): (f32, f32)) -> f32 {
    let freq = freq_a.max(freq_b).max(1e-7);
    (weights::NAME_AGREEMENT / freq).log2().clamp(low, high)
}

/// What [`frequency_weight_at_most`] adds to the chord: the chord from 1 to
/// 2 lies under log2 by at most log2(1/ln 2) - (1/ln 2 - 1) = 0.08607 bits
/// (at 1/ln 2); the rest covers the rounding of the sum and of `log2f`.
const CHORD_MARGIN: f32 = 0.0862;

/// At least [`frequency_weight`], without a logarithm (which, three to a
/// pair, was a sixth of [`beneath`]'s time): the ratio's exponent, and its
/// mantissa's log2 read along the chord from 1 to 2, plus [`CHORD_MARGIN`].
fn frequency_weight_at_most(freq_a: f32, freq_b: f32, (low, high): (f32, f32)) -> f32 {
    let freq = freq_a.max(freq_b).max(1e-7);
    let bits = (weights::NAME_AGREEMENT / freq).to_bits();
    let exponent = ((bits >> 23) & 0xff) as i32 - 127;
    let mantissa = f32::from_bits((bits & 0x007f_ffff) | 0x3f80_0000);
    (exponent as f32 + (mantissa - 1.0) + CHORD_MARGIN).clamp(low, high)
}

/// How a name stands in this file: whether it is established (see
/// [`Frequencies::established`](super::Frequencies)), and its share of the records.
type Standing = (bool, f32);

/// Whether one spelling is rare in the file next to an established one: a
/// slip of that name far more often than a name of its own, so it may be
/// further from it (two slips, or one in a short name).
fn rare_next_to_common(a: Standing, b: Standing) -> bool {
    let (common, rarer) = if a.1 >= b.1 { (a, b) } else { (b, a) };
    if common.0 {
        !rarer.0 || rarer.1 < weights::DISTINCT_NAME_RATIO * common.1
    } else {
        rarer.1 < weights::SLIP_BESIDE_UNESTABLISHED_RATIO * common.1
    }
}

/// How many slips apart two name keys are, when near enough to be one name
/// mistyped, counted in letters as typed ([`letters`]): one edit for names
/// of four letters or more (three when one spelling is `rare` next to the
/// other); two edits when one is `rare` and the longer has five letters or
/// more (Тимуовна, whose key lost its `р` and the vowel before the ending,
/// for Тимуровна), the shorter at least three; or Jaro-Winkler at least 0.94
/// (which forgives two slips in a long name that begins alike).
fn slips(a: &str, b: &str, rare: bool) -> Option<u8> {
    if a.is_empty() || b.is_empty() || a.len().abs_diff(b.len()) > 4 {
        return None;
    }
    let (mut buffer_a, mut buffer_b) = ([0; LETTERS_LONGEST], [0; LETTERS_LONGEST]);
    let (x, y) = (
        letters(a.as_bytes(), &mut buffer_a),
        letters(b.as_bytes(), &mut buffer_b),
    );
    if x.len().abs_diff(y.len()) > 2 {
        return None;
    }
    let (shorter, longer) = (x.len().min(y.len()), x.len().max(y.len()));
    let shortest_slipped = if rare { 3 } else { 4 };
    if shorter >= shortest_slipped && within_one_edit(x, y) {
        return Some(1);
    }
    if rare && shorter >= 3 && longer >= 5 && within_two_edits(x, y) {
        return Some(2);
    }
    // Jaro-Winkler only reaches 0.94 for names that begin alike and share
    // most of their letters; skip the rest cheaply.
    (a.len().min(b.len()) >= 6
        && a.as_bytes().first() == b.as_bytes().first()
        && may_reach_jaro_winkler(a, b)
        && strsim::jaro_winkler(a, b) >= JARO_WINKLER_SLIPS)
        .then_some(2)
}

/// [`slips`] between names `x` and `y`, their text read only when their
/// shapes allow a slip: most pairs of names compared are far apart, and
/// their text, scattered over the vocabulary, was a cache miss each (a
/// sixth of a 7.3M run's work was `slips`).
fn slips_of(n: &impl Names, x: NameId, y: NameId, rare: bool) -> Option<u8> {
    if !may_slip(n.shape(x), n.shape(y), rare) {
        return None;
    }
    slips(n.name(x), n.name(y), rare)
}

/// Whether [`slips`] may find two names with these shapes a slip apart:
/// false only where it cannot. Each of its tests has a bound here: the
/// lengths as typed and in letters; one edit changes the set of letters
/// present by at most two (a letter gone, another come), so one edit
/// leaves at most two letters in one set only and two edits four; only
/// Jaro-Winkler's two slips ask no edit count, and those need six bytes
/// and one first byte.
fn may_slip(a: NameShape, b: NameShape, rare: bool) -> bool {
    if a.len == 0 || b.len == 0 {
        return false;
    }
    // Lengths past what a shape holds are let through.
    let long = |s: NameShape| s.len == u16::MAX || s.letters_len == u8::MAX;
    if long(a) || long(b) {
        return true;
    }
    if a.len.abs_diff(b.len) > 4 || a.letters_len.abs_diff(b.letters_len) > 2 {
        return false;
    }
    let apart = (a.letters ^ b.letters).count_ones();
    apart <= if rare { 4 } else { 2 } || (a.len.min(b.len) >= 6 && a.first == b.first)
}

/// Whether two names have one stem ([`word_stem`]): told apart by their
/// stems' hashes, read only when those agree.
fn same_stem(n: &impl Names, x: NameId, y: NameId) -> bool {
    n.shape(x).stem == n.shape(y).stem && word_stem(n.name(x)) == word_stem(n.name(y))
}

/// The Jaro-Winkler similarity from which two names are taken for two slips apart.
const JARO_WINKLER_SLIPS: f64 = 0.94;

/// Whether two ASCII keys share enough letters to reach
/// [`JARO_WINKLER_SLIPS`] (other text: always). Jaro-Winkler adds to a
/// Jaro similarity over 0.7 at most 0.4 of what it lacks (four letters of
/// common prefix), so 0.94 needs a Jaro of 0.9; and Jaro is at most
/// (c/|a| + c/|b| + 1)/3 for c letters in common, each matched once.
/// Counting letters is far cheaper than the similarity, which allocates.
fn may_reach_jaro_winkler(a: &str, b: &str) -> bool {
    if !a.is_ascii() || !b.is_ascii() {
        return true;
    }
    let mut counts = [0u32; 128];
    for byte in a.bytes() {
        if let Some(count) = counts.get_mut(usize::from(byte)) {
            *count = count.saturating_add(1);
        }
    }
    let mut common = 0usize;
    for byte in b.bytes() {
        if let Some(count) = counts.get_mut(usize::from(byte)).filter(|c| **c > 0) {
            *count -= 1;
            common += 1;
        }
    }
    let (common, len_a, len_b) = (common as f64, a.len() as f64, b.len() as f64);
    // A little under 0.9, so that rounding never rules out a pair.
    (common / len_a + common / len_b + 1.0) / 3.0 >= 0.899
}

/// Slips counted for a garbled spelling: weighs the least a similar name does.
const GARBLED_SLIPS: u8 = 3;

/// The longest key compared for garbling: the edit distance allocates a
/// table of both lengths, and a hostile file may hold names of any length.
const GARBLED_LONGEST: usize = 40;

/// Whether a father's name or a surname stem the file does not know is the
/// other, established one garbled by several slips at once (Кубанысбке for
/// Кубанычбек, Тотокгул for Токтогул): two edits in a name of four letters or
/// more, three in one of seven or more. Asked only of a rare spelling next to
/// an established name, or of two spellings on one PIN that are not both
/// names of the file ([`one_pin`]). Of first names only on one PIN under one
/// surname, one of them unknown to the file ([`slipped_in_one_family`]), and
/// for the review band ([`one_pin_possibly_one_person`]): twins share
/// surname, father and birthday and are told apart by first names alone,
/// and in a small file a twin's real name (Үсөн beside Асан) is as rare as a
/// garbled one.
fn garbled(a: &str, b: &str) -> bool {
    let shorter = a.len().min(b.len());
    let most = match shorter {
        0..=3 => return false,
        4..=6 => 2,
        _ if a.len().max(b.len()) > GARBLED_LONGEST => return false,
        _ => 3,
    };
    // Optimal string alignment, as every other edit count here: the full
    // Damerau distance (a letter moved twice) needs a map per call and
    // finds the same slips in names.
    a.len().abs_diff(b.len()) <= most && strsim::osa_distance(a, b) <= most
}

/// [`garbled`], or a short name (two to five letters in its key) two edits
/// from the other: Эмп and Жир for Эмир on one PIN, asked about rather than
/// "a PIN held by different people" (an independent registry at 1M: 184 of
/// 190 pairs of one PIN, surname, father and date with first names apart
/// were one person).
fn garbled_short(a: &str, b: &str) -> bool {
    garbled(a, b)
        || a.len().min(b.len()) >= 2 && a.len().max(b.len()) <= 5 && strsim::osa_distance(a, b) <= 2
}

/// Whether two surnames are written for two sexes (Садыкова beside
/// Садыков: a sister and a brother).
fn surnames_of_two_sexes(n: &impl Names, a: &Prepared, b: &Prepared) -> bool {
    let sex = |r: &Prepared| crate::names::sex_of_surname_key(n.name(r.last_key));
    a.last_key != b.last_key && matches!((sex(a), sex(b)), (Some(x), Some(y)) if x != y)
}

/// Whether two first names that are not two names of the file
/// ([`two_names`], asked before) are each a slip of one name, on one PIN
/// (not a placeholder serial `00000`) under one surname stem, or surnames
/// a slip apart, written for one sex, the sex columns not apart, one of the
/// names unknown to the file ([`Prepared::first_unknown`]): as a father's
/// is there ([`father_slips`]). A slip up to two edits ([`similar_names`] of a rare
/// spelling), garbled ([`garbled`], [`short_slip`]), or in plain Latin one
/// edit apart in two or three letters, two in four or five, three from
/// six: each record may have slipped its own way (Рцстам beside Рустаи, for
/// Рустам: keys `rctam` and `rustai` three edits apart, written `rtsstam`
/// and `rustai` three too). An independent registry at 1M held 257 pairs of
/// one PIN, surname, father and date with first names apart that were one
/// person, all "a PIN held by different people" (10 such pairs were two
/// people, and their names were names: Мариям and Хадижа). Twins given one
/// number bear names, which a file large enough to know them writes more
/// than once or twice. Not inlined: `compare`'s copies in the WebAssembly
/// builds would each carry it.
#[inline(never)]
fn slipped_in_one_family(n: &impl Names, a: &Prepared, b: &Prepared) -> bool {
    let one_family = one_pin(a, b)
        && !a.pin.is_some_and(PinNumber::serial_zero)
        && (a.first_unknown || b.first_unknown)
        && a.last_stem != NO_NAME
        && (one_surname_stem(a, b) || matches!(last_name_level(n, a, b), NameLevel::Similar(_)))
        && !surnames_of_two_sexes(n, a, b)
        && !matches!(sex_level(a, b), Some((Reason::SexDiffers, _)));
    if !one_family {
        return false;
    }
    let keys = (a.first_key, b.first_key);
    let plain = (a.plain_first, b.plain_first);
    let (x, y) = (n.name(plain.0), n.name(plain.1));
    let most = match x.len().min(y.len()) {
        0..=1 => 0,
        2..=3 => 1,
        4..=5 => 2,
        _ if x.len().max(y.len()) > GARBLED_LONGEST => 0,
        _ => 3,
    };
    let (key_a, key_b) = (n.name(keys.0), n.name(keys.1));
    similar_names(n, keys, plain, true).is_some()
        || garbled_or_short_slip(key_a, key_b)
        || most > 0 && x.len().abs_diff(y.len()) <= most && strsim::osa_distance(x, y) <= most
}

/// [`garbled`] or a [`short_slip`]: how a name on one PIN may have slipped
/// beyond a link's edits, whatever its length (a surname's keys, first
/// names in one family, two slips of one surname in one cluster).
fn garbled_or_short_slip(a: &str, b: &str) -> bool {
    garbled(a, b) || short_slip(a, b)
}

/// Whether two short keys (two to five letters) are a slip apart: one edit
/// where the shorter has three letters or fewer (Ли and Ил, Ма and Мк; two
/// edits would make Ли and Ан one name), two for four or five. (Counting
/// `sh` and `ch` as one letter, as [`slips`] does, found one pair more in a
/// million records, for 94 bytes of WebAssembly gzipped.)
fn short_slip(a: &str, b: &str) -> bool {
    let (shorter, longer) = (a.len().min(b.len()), a.len().max(b.len()));
    let most = if shorter <= 3 { 1 } else { 2 };
    shorter >= 2 && longer <= 5 && strsim::osa_distance(a, b) <= most
}

/// An agreement despite slips: the weight the commoner spelling would earn
/// if equal, less [`weights::SLIP_PENALTY`] per slip, and at least
/// [`weights::SIMILAR_NAME_MIN`] and at most [`weights::SIMILAR_NAME_MAX`]: a slip of a rare name is strong evidence,
/// a slip of a common one is not.
fn slip_weight(freq_a: f32, freq_b: f32, bounds: (f32, f32), slips: u8) -> f32 {
    (frequency_weight(freq_a, freq_b, bounds) - weights::SLIP_PENALTY * f32::from(slips))
        .clamp(weights::SIMILAR_NAME_MIN, weights::SIMILAR_NAME_MAX)
}

/// Whether two similar names (one letter apart) are two names rather than a
/// slip of one: both are established in this file and neither is a rare
/// shadow of the other. Twins and namesakes bear such pairs (Мария and
/// Марина, Назгүл and Жазгүл); a slip of a common name is spread over many
/// spellings, each a small fraction of the name itself.
fn two_names((established_a, freq_a): Standing, (established_b, freq_b): Standing) -> bool {
    established_a
        && established_b
        && freq_a.min(freq_b) >= weights::DISTINCT_NAME_RATIO * freq_a.max(freq_b)
}

#[derive(Clone, Copy, PartialEq)]
enum NameLevel {
    Equal,
    Translit,
    SuffixDiffers,
    /// Slips apart (one or two).
    Similar(u8),
    Differs,
    Missing,
}

/// Slips between two names, judged on the folded keys and on plain Latin
/// (folding can make a slip look larger: "Shiin" folds to "shin").
fn similar_names(
    n: &impl Names,
    keys: (NameId, NameId),
    plain: (NameId, NameId),
    rare: bool,
) -> Option<u8> {
    // One habit, however many vowels it touched (two slips by the count).
    if rare && o_written_e(n.name(keys.0), n.name(keys.1)) {
        return Some(1);
    }
    let folded = slips_of(n, keys.0, keys.1, rare);
    if folded == Some(1) || plain.0 == plain.1 {
        return folded;
    }
    let plain = slips_of(n, plain.0, plain.1, rare);
    folded.into_iter().chain(plain).min()
}

/// Whether two folded names differ only where one has `e` and the other
/// `o`: a Kyrgyz ө typed е throughout (Телеген for Төлөгөн, Терекулов for
/// Төрөкулов). Folding takes ө to `o`, so each such vowel looked like a slip
/// of its own; it is one habit, counted as one slip, and only asked of a
/// spelling rare next to a common one, of four letters or more (a shorter
/// key is mostly an initial or a fragment).
fn o_written_e(a: &str, b: &str) -> bool {
    let (mut e_in_a, mut e_in_b) = (false, false);
    a.len() == b.len()
        && a.len() >= 4
        && a.bytes().zip(b.bytes()).all(|pair| match pair {
            (x, y) if x == y => true,
            (b'e', b'o') => {
                e_in_a = true;
                true
            }
            (b'o', b'e') => {
                e_in_b = true;
                true
            }
            _ => false,
        })
        && e_in_a != e_in_b
}

/// Whether one name is the other's fond form ([`fond_form`]), their text
/// read only when their lengths and first letters allow it.
fn fond_forms(n: &impl Names, x: NameId, y: NameId) -> bool {
    let (a, b) = (n.shape(x), n.shape(y));
    matches!(a.len.abs_diff(b.len), 3 | 4) && a.first == b.first && fond_form(n.name(x), n.name(y))
}

fn first_name_level(n: &impl Names, a: &Prepared, b: &Prepared) -> NameLevel {
    if a.first_key == NO_NAME || b.first_key == NO_NAME {
        NameLevel::Missing
    } else if a.first_key == b.first_key {
        if a.raw_first == b.raw_first {
            NameLevel::Equal
        } else {
            NameLevel::Translit
        }
    } else {
        // Эркин beside Эркинбек: one name, whatever each form's standing
        // (both are common names of their own; an independent registry's
        // 268 such pairs were missed or "a PIN held by different people").
        // Not across two sexes: Жылдыз is a sister's name, Жылдызбек a brother's.
        let two_sexes = matches!(sex_level(a, b), Some((Reason::SexDiffers, _)));
        if !two_sexes && fond_forms(n, a.plain_first, b.plain_first) {
            return NameLevel::Similar(1);
        }
        let standing = (
            (a.first_established, a.first_freq),
            (b.first_established, b.first_freq),
        );
        if two_names(standing.0, standing.1) {
            return NameLevel::Differs;
        }
        let rare = rare_next_to_common(standing.0, standing.1);
        similar_names(
            n,
            (a.first_key, b.first_key),
            (a.plain_first, b.plain_first),
            rare,
        )
        .or_else(|| slipped_in_one_family(n, a, b).then_some(GARBLED_SLIPS))
        .map_or(NameLevel::Differs, NameLevel::Similar)
    }
}

fn last_name_level(n: &impl Names, a: &Prepared, b: &Prepared) -> NameLevel {
    if a.last_stem == NO_NAME || b.last_stem == NO_NAME {
        NameLevel::Missing
    } else if a.last_key == b.last_key {
        if a.raw_last == b.raw_last {
            NameLevel::Equal
        } else {
            NameLevel::Translit
        }
    } else if one_surname_stem(a, b) {
        NameLevel::SuffixDiffers
    } else {
        let standing = (
            (a.last_established, a.last_freq),
            (b.last_established, b.last_freq),
        );
        let one_pin_slip = one_pin(a, b) && !two_names(standing.0, standing.1);
        let rare = rare_next_to_common(standing.0, standing.1) || one_pin_slip;
        let stems = slips_of(n, a.last_stem, b.last_stem, rare);
        let names = || {
            similar_names(
                n,
                (a.last_key, b.last_key),
                (a.plain_last, b.plain_last),
                rare,
            )
        };
        let slips = if stems == Some(1) {
            stems
        } else {
            stems.into_iter().chain(names()).min()
        };
        // A mistyped -ов/-ев left on the key (Соколрч for Соколов) hides the
        // stem the other spelling has.
        let damaged = || {
            rare && (damaged_ending(n.name(a.last_stem), n.name(b.last_key), SURNAME_ENDING_MAX)
                || damaged_ending(n.name(b.last_stem), n.name(a.last_key), SURNAME_ENDING_MAX))
        };
        let stems_garbled = || rare && garbled(n.name(a.last_stem), n.name(b.last_stem));
        // On one PIN, the whole keys garbled (Теипмров beside Темиров, whose
        // stems lost more to the slips than the keys), or a short surname
        // slipped (Ма beside Мс, Ли beside Ил), whose keys no slip rule reads
        // (the shortest is three letters).
        let keys_slipped = || {
            one_pin_slip && {
                let (key_a, key_b) = (n.name(a.last_key), n.name(b.last_key));
                garbled_or_short_slip(key_a, key_b)
            }
        };
        slips
            .or_else(|| damaged().then_some(2))
            .or_else(|| (stems_garbled() || keys_slipped()).then_some(GARBLED_SLIPS))
            .map_or(NameLevel::Differs, NameLevel::Similar)
    }
}

/// [`crate::names::one_surname`] of two records, on their interned names:
/// equal stems (Асанова, Асанов, Асан), or one surname's key the other's
/// stem, a suffix dropped from a stem that reads as suffixed itself (Эркин
/// beside Эркинов, Нурдин beside Нурдинова: Эркин's own stem is `erk`; an
/// independent registry's records on one PIN so were "a PIN held by
/// different people").
fn one_surname_stem(a: &Prepared, b: &Prepared) -> bool {
    a.last_stem == b.last_stem || a.last_key == b.last_stem || b.last_key == a.last_stem
}

/// Whether two records carry one valid PIN: their surnames and fathers'
/// names are then read for slips as a rare spelling beside a common one is
/// (two edits, a garbled name), unless both are names of the file (Асан and
/// Эсен stay two fathers), the number being evidence of one person that a
/// slip needs (Нормаов beside Номратов, Эсенгуовна beside Эсенгуловна on one
/// PIN were "a PIN held by different people"). First names only where
/// one of them is unknown to the file ([`slipped_in_one_family`]): twins
/// given one number differ in those alone.
fn one_pin(a: &Prepared, b: &Prepared) -> bool {
    valid_pin(a).is_some() && a.pin == b.pin
}

/// The record's PIN when it is valid: one whose date the PIN carries (an
/// invalid or placeholder number of 14 digits is kept too, to be compared).
fn valid_pin(r: &Prepared) -> Option<PinNumber> {
    r.pin.filter(|_| r.pin_birth_date.is_some())
}

/// Slips between the fathers' names, and whether they are two established
/// names rather than a slip of one.
fn father_slips(n: &impl Names, a: &Prepared, b: &Prepared) -> Option<(u8, bool)> {
    let standing = (
        (a.father_established, a.father_freq),
        (b.father_established, b.father_freq),
    );
    let rare = rare_next_to_common(standing.0, standing.1)
        || one_pin(a, b) && !two_names(standing.0, standing.1);
    let (father_a, father_b) = (|| n.name(a.father), || n.name(b.father));
    let slips = slips_of(n, a.father, b.father, rare)
        .or_else(|| {
            (rare && damaged_ending(father_a(), father_b(), DAMAGED_ENDING_MAX)).then_some(2)
        })
        .or_else(|| (rare && garbled(father_a(), father_b())).then_some(GARBLED_SLIPS))?;
    Some((slips, two_names(standing.0, standing.1)))
}

/// The longest tail a damaged patronymic ending leaves on a father's name.
const DAMAGED_ENDING_MAX: usize = 7;

/// The longest tail a damaged -ов/-ев leaves on a surname's stem: short, so
/// Асанов and Асанкулов (another family) stay two surnames.
const SURNAME_ENDING_MAX: usize = 4;

/// Whether one name's key is the other's with a damaged ending left on it
/// (fathers Орозоболотовичч, Уланочи, Эрланошвна for Орозоболот, Улан, Эрлан;
/// surnames Соколрч, Мырзаболотлч for Соколов, Мырзаболотов: the ending,
/// mistyped, is no longer recognised and stays in the key), or with its last
/// letters lost (Нурла кызы for Нурлан): the shorter, of four letters or
/// more, begins the longer; of five letters or more, it may begin it with
/// one slip (Асылековичч, Alınbekvoç for Асылбек, Алтынбек). Asked only when
/// the rarer spelling is rare next to an established one (or on one PIN,
/// [`one_pin`]), so Нурлан and Нурланбек, both names of the file, stay two
/// fathers.
fn damaged_ending(a: &str, b: &str, longest_tail: usize) -> bool {
    let (shorter, longer) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let (shorter, longer) = (shorter.as_bytes(), longer.as_bytes());
    if shorter.len() < 4
        || longer.len() == shorter.len()
        || longer.len() - shorter.len() > longest_tail
    {
        return false;
    }
    longer.starts_with(shorter)
        || shorter.len() >= 5
            && (shorter.len() - 1..=shorter.len() + 1).any(|end| {
                longer
                    .get(..end)
                    .is_some_and(|head| within_one_edit(head, shorter))
            })
}

/// First and last name written in each other's fields: the slips between
/// the swapped names, when both agree as written or by one slip each, or one
/// agrees as written and the other by up to two slips (a name moved to the
/// other field and mistyped on the way: Frolevx Elena for Елена Фролева), or
/// one by one slip and the other by two where the two spellings are not both
/// established names of their fields (Дмлноза Эрнакшева for Эргашева
/// Дилноза; Айбек beside Айбол stays two names). Each swapped pair is
/// compared by its stems too, equal or slipped, so "Alimkulova" meets
/// "Алымкул" (suffix dropped) and Трдуматов meets Турдумат.
fn names_swapped(n: &impl Names, a: &Prepared, b: &Prepared) -> Option<u8> {
    let slipped = |x: NameId, y: NameId, rare: bool| {
        if x == NO_NAME || y == NO_NAME {
            None
        } else if x == y || same_stem(n, x, y) {
            Some(0)
        } else {
            // A surname moved to the other field may also have lost its
            // suffix and taken a slip (Трдуматов for Турдумат): asked only
            // of the second name of a swap, once the first agrees (every
            // pair of different first names comes through here).
            match slips_of(n, x, y, rare) {
                None if rare => slips(word_stem(n.name(x)), word_stem(n.name(y)), rare),
                as_written => as_written,
            }
        }
    };
    let (first, last) = ((a.first_key, b.last_key), (a.last_key, b.first_key));
    // Whether both spellings of a swapped pair are names of their own fields.
    let (first_names, last_names) = (
        a.first_established && b.last_established,
        a.last_established && b.first_established,
    );
    // The plain Latin spellings of each swapped pair: folding can make a
    // slip look larger (Каабнков folds to `kabnkov`, three edits from
    // `karabekov`; as typed, `kaabnkov` is two).
    let plain = ((a.plain_first, b.plain_last), (a.plain_last, b.plain_first));
    let strict = |(x, y)| slipped(x, y, false);
    let loose = |(x, y), (plain_x, plain_y)| {
        slipped(x, y, true).or_else(|| slipped(plain_x, plain_y, true))
    };
    match (strict(first), strict(last)) {
        (Some(one), Some(other)) => Some(one + other),
        (Some(0), None) => loose(last, plain.1),
        (None, Some(0)) => loose(first, plain.0),
        (Some(1), None) if !last_names => loose(last, plain.1).map(|other| 1 + other),
        (None, Some(1)) if !first_names => loose(first, plain.0).map(|other| 1 + other),
        _ => None,
    }
}

/// The birth dates a pair is compared on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum BirthDates {
    /// Each record's best date ([`Prepared::best_birth_date`]), or, where
    /// those are apart beyond a slip and a record's stated date and PIN's
    /// date are a slip apart, the closer pair of them.
    Stated(Option<Date>, Option<Date>),
    /// One date by a record's own PIN: that record's stated date is a slip
    /// of the date its PIN carries, and the PIN's date is the other
    /// record's (or both records slipped from PINs of one date), or the two
    /// records' different PINs carry one date. A typo in
    /// the birth-date column, not another birthday: the PIN was read from
    /// the documents when it was issued.
    EqualInPin,
}

/// The most digits of `DDMMYYYY` a stated date may differ in from its own
/// PIN's date and still be read as typos of it (1994 for 1939: two; day
/// and month swapped counts as one).
const DATE_TYPO_DIGITS: usize = 3;

/// The dates `a` and `b` are compared on: see [`BirthDates`].
pub(crate) fn birth_dates(a: &Prepared, b: &Prepared) -> BirthDates {
    let (da, db) = (a.best_birth_date(), b.best_birth_date());
    if da == db {
        return BirthDates::Stated(da, db);
    }
    // Two numbers that carry one date while a stated date is a few digits
    // off it: the two were issued apart, each from the documents, and agree;
    // the column was mistyped, by more than a slip too (1994 for 1939). One
    // number on both records is no second witness, nor is a number far from
    // its record's date: it may have been copied onto another's record.
    if let (Some(x), Some(y)) = (a.pin_birth_date, b.pin_birth_date) {
        // Digits apart, day and month swapped counting as one (a slip
        // between forms, 07.11 for 11.07).
        let typo_of = |stated: Option<Date>| {
            stated.is_none_or(|s| {
                let swapped = Date::new(s.year(), s.day(), s.month())
                    .map_or(usize::MAX, |w| w.digits_apart(x).saturating_add(1));
                s.digits_apart(x).min(swapped) <= DATE_TYPO_DIGITS
            })
        };
        if x == y && a.pin != b.pin && typo_of(a.birth_date) && typo_of(b.birth_date) {
            return BirthDates::EqualInPin;
        }
    }
    let (pa, pb) = (a.pin_date_under_slip(), b.pin_date_under_slip());
    if pa.is_none() && pb.is_none() {
        return BirthDates::Stated(da, db);
    }
    let in_pin =
        pa.is_some_and(|p| Some(p) == db || Some(p) == pb) || pb.is_some_and(|p| Some(p) == da);
    if in_pin {
        return BirthDates::EqualInPin;
    }
    // Dates apart beyond a slip, where a record's own PIN gives a date one
    // slip from the other's: the record's two dates are a slip apart, one
    // of them mistyped, so the pair is weighed by its closest dates (a PIN
    // issued from a mistyped date, then the column mistyped again, reads
    // as two slips from the person's date).
    if let (Some(x), Some(y)) = (da, db) {
        if !dates_close(x, y) {
            let closest = [
                (pa.unwrap_or(x), y),
                (x, pb.unwrap_or(y)),
                (pa.unwrap_or(x), pb.unwrap_or(y)),
            ]
            .into_iter()
            .find(|&(x, y)| dates_close(x, y));
            if let Some((x, y)) = closest {
                return BirthDates::Stated(Some(x), Some(y));
            }
        }
    }
    BirthDates::Stated(da, db)
}

/// Whether one date is 01.01 written for the other's unknown day and month
/// ([`Date::stands_in_for`]).
fn year_only(a: Date, b: Date) -> bool {
    a.stands_in_for(b) || b.stands_in_for(a)
}

/// Whether two different dates may be one person's: a slip apart, or one
/// of them 01.01 of the other's year.
fn dates_close(a: Date, b: Date) -> bool {
    DateMismatch::between(a, b) != DateMismatch::Different || year_only(a, b)
}

fn date_level(a: Date, b: Date) -> (Reason, f32) {
    if a == b {
        return (Reason::BirthDateEqual, weights::BIRTH_DATE_EQUAL);
    }
    match DateMismatch::between(a, b) {
        DateMismatch::DayMonthSwapped => (
            Reason::BirthDateDayMonthSwapped,
            weights::BIRTH_DATE_DAY_MONTH_SWAPPED,
        ),
        DateMismatch::OneDigit => (Reason::BirthDateOneDigit, weights::BIRTH_DATE_ONE_DIGIT),
        DateMismatch::DigitsSwapped => (
            Reason::BirthDateDigitsSwapped,
            weights::BIRTH_DATE_ONE_DIGIT,
        ),
        // A slip weighs more where 01.01 is one too (11.01 beside 01.01).
        DateMismatch::Different if year_only(a, b) => {
            (Reason::BirthDateYearOnly, weights::BIRTH_DATE_YEAR_ONLY)
        }
        DateMismatch::Different => (Reason::BirthDateDiffers, weights::BIRTH_DATE_DIFFERS),
    }
}

/// The weight of two different dates each confirmed by its own record's
/// PIN, where the difference is a slip that a second PIN issued from a
/// mistyped date carries, and that namesakes born near each other seldom
/// show: day and month swapped, or the year slipped with the day and month
/// kept. `None` for any other difference ([`Reason::BirthDateAttestedDiffers`]),
/// and for 01.01 in two years: written where the day and month were not
/// known, it gathers namesakes of every year.
fn attested_slip(a: Date, b: Date) -> Option<f32> {
    let year_only_differs = a.day() == b.day() && a.month() == b.month();
    if year_only_differs && a.day() == 1 && a.month() == 1 {
        return None;
    }
    match DateMismatch::between(a, b) {
        DateMismatch::DayMonthSwapped => Some(weights::BIRTH_DATE_ATTESTED_SWAPPED),
        DateMismatch::DigitsSwapped if year_only_differs => {
            Some(weights::BIRTH_DATE_ATTESTED_SWAPPED)
        }
        DateMismatch::OneDigit if year_only_differs => {
            Some(weights::BIRTH_DATE_ATTESTED_YEAR_DIGIT)
        }
        _ => None,
    }
}

/// Digits 1-9 of a PIN held as a number: sex digit and birth date.
const SERIAL_MODULUS: u64 = 100_000;

/// The sexes compared, when both records give one. A record at odds with
/// itself (its sex column against its own PIN and names) attests both
/// sexes: the other's agrees with one of them, and twins of two sexes are
/// told apart by records that each agree with their PIN.
fn sex_level(a: &Prepared, b: &Prepared) -> Option<(Reason, f32)> {
    let (sa, sb) = (a.sex.get()?, b.sex.get()?);
    Some(if sa == sb {
        (Reason::SexEqual, weights::SEX_EQUAL)
    } else if a.sex.in_doubt() || b.sex.in_doubt() {
        (Reason::SexAgainstPin, 0.0)
    } else {
        (Reason::SexDiffers, weights::SEX_DIFFERS)
    })
}

/// Compares two records, telling `note` each reason and its weight; returns the score.
pub fn compare(
    n: &impl Names,
    a: &Prepared,
    b: &Prepared,
    mut note: impl FnMut(Reason, f32),
) -> f32 {
    let mut score = 0.0;
    let mut add = |reason: Reason, weight: f32| {
        score += weight;
        note(reason, weight);
    };

    let first = first_name_level(n, a, b);
    let last = last_name_level(n, a, b);
    let first_equal = frequency_weight(a.first_freq, b.first_freq, weights::FIRST_NAME_EQUAL);
    let last_equal = frequency_weight(a.last_freq, b.last_freq, weights::LAST_NAME_EQUAL);
    // A first name "similar" by chance (Елена beside Белина) must not hide
    // names that agree once swapped (as written, or but for a suffix).
    let swapped = || {
        let first_weak = matches!(first, NameLevel::Differs | NameLevel::Similar(_));
        (first_weak && last != NameLevel::Equal)
            .then(|| names_swapped(n, a, b))
            .flatten()
            .filter(|&slips| first == NameLevel::Differs || slips == 0)
    };
    // A surname that names the father (Бакыт уулу) beside a patronymic:
    // whether the two fathers agree, compared below.
    let mut by_surname = None;
    if let Some(slips) = swapped() {
        let weight = first_equal + last_equal - 1.0 - weights::SLIP_PENALTY * f32::from(slips);
        add(Reason::NamesSwapped, weight);
    } else if first == NameLevel::Differs
        && last == NameLevel::Differs
        && one_pin(a, b)
        && first_name_across(a, b)
        && may_have_married(a, b)
    {
        // Half a swap on one PIN: a woman's first name in the other's
        // surname field, her surname in its place another (Людмила Петухова
        // beside Иванова Людмила): married, her names swapped on one record.
        // An independent registry at 1M: 88 such pairs, all one woman.
        add(Reason::NamesSwapped, first_equal - 1.0);
        add(Reason::LastNameDiffers, 0.0);
    } else {
        if matches!(last, NameLevel::Differs | NameLevel::SuffixDiffers) {
            by_surname = father_by_surname(n, a, b).or_else(|| father_by_surname(n, b, a));
        }
        match last {
            NameLevel::Equal => add(Reason::LastNameEqual, last_equal),
            NameLevel::Translit => add(Reason::LastNameTranslitMatch, last_equal),
            // Бакыт уулу beside Бакытов with Бакыт уулу or Бакытович, on two
            // PINs: the stem is the father's name again, no family's (an
            // independent registry at 1M: 153 of 155 such pairs linked were
            // two sons of a Бакыт born the same day), as below. On one PIN,
            // or with one record's PIN missing, the stem counts: most there
            // are one person (24 of 31 linked).
            NameLevel::SuffixDiffers if by_surname == Some(true) && two_pins(a, b) => {
                add(Reason::LastNameNamesFather, 0.0)
            }
            NameLevel::SuffixDiffers => add(
                Reason::LastNameSuffixDiffers,
                last_equal - weights::LAST_NAME_SUFFIX_PENALTY,
            ),
            NameLevel::Similar(slips) => add(
                Reason::LastNameSimilar,
                slip_weight(a.last_freq, b.last_freq, weights::LAST_NAME_EQUAL, slips),
            ),
            // The field holds his father's name, not a family's: no surname
            // to compare (Токтобаев Бекжан Бакыт уулу beside Бакыт уулу
            // Бекжан was "a man under another surname"). Without a
            // patronymic beside it the father is no more evidence: counted,
            // he linked namesakes of common names.
            NameLevel::Differs if by_surname == Some(true) => add(Reason::LastNameNamesFather, 0.0),
            NameLevel::Differs => {
                // Men and children rarely change their surname; women marry.
                let keeps_surname = !may_have_married(a, b);
                // A woman's number went with her through a marriage: on one
                // PIN her other surname tells nothing (two women given one
                // number share its date and sex, a first name only by chance;
                // an independent registry's such pairs at 1M were 264 of 265
                // one woman, each asked about).
                let weight = if keeps_surname {
                    weights::LAST_NAME_DIFFERS
                } else if one_pin(a, b) {
                    0.0
                } else {
                    weights::LAST_NAME_DIFFERS_WOMAN
                };
                add(Reason::LastNameDiffers, weight)
            }
            NameLevel::Missing => {}
        }
        match first {
            NameLevel::Equal => add(Reason::FirstNameEqual, first_equal),
            NameLevel::Translit | NameLevel::SuffixDiffers => {
                add(Reason::FirstNameTranslitMatch, first_equal)
            }
            NameLevel::Similar(slips) => add(
                Reason::FirstNameSimilar,
                slip_weight(a.first_freq, b.first_freq, weights::FIRST_NAME_EQUAL, slips),
            ),
            NameLevel::Differs => add(Reason::FirstNameDiffers, weights::FIRST_NAME_DIFFERS),
            NameLevel::Missing => {}
        }
    }

    if a.father != NO_NAME && b.father != NO_NAME {
        if a.father == b.father {
            let w = frequency_weight(a.father_freq, b.father_freq, weights::PATRONYMIC_EQUAL);
            add(Reason::PatronymicEqual, w);
        } else if let Some((slips, two_fathers)) = father_slips(n, a, b) {
            // Two established fathers' names one letter apart (Нурлан and
            // Нурман) are likelier two fathers than a slip, but a slip stays
            // possible: weighed against, not a conflict that nothing outweighs.
            let weight = if two_fathers {
                weights::PATRONYMIC_SIMILAR_NAMES
            } else {
                slip_weight(
                    a.father_freq,
                    b.father_freq,
                    weights::PATRONYMIC_EQUAL,
                    slips,
                )
            };
            add(Reason::PatronymicSimilar, weight);
        } else {
            add(Reason::PatronymicDiffers, weights::PATRONYMIC_DIFFERS);
        }
    }
    // Бакыт уулу Азамат beside Бакытов Азамат Эсен уулу: two fathers.
    if by_surname == Some(false) {
        add(Reason::PatronymicDiffers, weights::PATRONYMIC_DIFFERS);
    }
    // Not where the surname names the father: it was not weighed.
    let weighed = (first_equal, last_equal);
    if let Some(weight) =
        common_names(a, b, (first, last), weighed).filter(|_| by_surname.is_none())
    {
        add(Reason::NamesCommon, weight);
    }

    // A date the record's own PIN carries, stated again or not stated at
    // all, is the documents' (see `Prepared::attested_birth_date`).
    let attested = |r: &Prepared| r.attested_birth_date().is_some();
    match birth_dates(a, b) {
        BirthDates::EqualInPin => add(
            Reason::BirthDateEqualInPin,
            weights::BIRTH_DATE_EQUAL_IN_PIN,
        ),
        BirthDates::Stated(Some(da), Some(db)) if da != db && attested(a) && attested(b) => {
            match attested_slip(da, db) {
                Some(weight) => add(Reason::BirthDateAttestedSlip, weight),
                None => add(
                    Reason::BirthDateAttestedDiffers,
                    weights::BIRTH_DATE_ATTESTED_DIFFERS,
                ),
            }
        }
        BirthDates::Stated(Some(da), Some(db)) => {
            let (reason, weight) = date_level(da, db);
            add(reason, weight);
        }
        BirthDates::Stated(None, None) => {
            add(Reason::BirthDateUnknown, weights::BIRTH_DATE_UNKNOWN)
        }
        BirthDates::Stated(Some(date), None) => leading_digits_date(b, a, date, &mut add),
        BirthDates::Stated(None, Some(date)) => leading_digits_date(a, b, date, &mut add),
    }

    if let Some((reason, weight)) = sex_level(a, b) {
        add(reason, weight);
    }

    if let Some(weight) = damaged_pin_weight(a, b).or_else(|| damaged_pin_weight(b, a)) {
        add(Reason::PinMatchesDamaged, weight);
    } else if let (Some(pa), Some(pb)) = (a.pin.map(PinNumber::get), b.pin.map(PinNumber::get)) {
        if pa == pb {
            add(Reason::PinEqual, weights::PIN_EQUAL);
        } else if pa / SERIAL_MODULUS == pb / SERIAL_MODULUS {
            add(Reason::PinSerialDiffers, 0.0);
        } else if pa % SERIAL_MODULUS == pb % SERIAL_MODULUS {
            add(Reason::PinDateDiffers, 0.0);
        } else {
            add(Reason::PinDiffers, 0.0);
        }
    }
    score
}

/// What names many records of the file share together take off their
/// agreement, on two valid PINs: names run in families (a son named after his
/// grandfather, a surname made of the father's name), so a full name's
/// parts are far commoner together than their shares multiplied say, and
/// namesakes born the same day grow with the records that share them. The
/// names that agree are the full name, or a woman's first name and father's
/// name beside another surname (a marriage, or a namesake).
/// Never more than the agreeing names weigh beyond the least each could
/// (its clamp's low end): common together, they still agree, and a pair is
/// never made a conflict by it.
fn common_names(
    a: &Prepared,
    b: &Prepared,
    (first, last): (NameLevel, NameLevel),
    (first_equal, last_equal): (f32, f32),
) -> Option<f32> {
    let agrees = |level| {
        matches!(
            level,
            NameLevel::Equal | NameLevel::Translit | NameLevel::SuffixDiffers
        )
    };
    // Only two valid numbers: a record without one is mostly a copy of
    // its person's (an independent registry at 1M: 56 of 62 such pairs the
    // rule took out of a link were one person), not a second number.
    if !agrees(first) || a.father != b.father || !two_pins(a, b) {
        return None;
    }
    // Without a father's name on either record, the full name is the
    // surname and first name: Бакыт уулу Дастан, whose surname names his
    // father, is as common as Бакытов Дастан Бакытович (an independent
    // registry at 7.3M: of such pairs linked on two PINs with the date
    // equal, 1,720 of 11,651 one person at 128 records of the full name or
    // more).
    let fathers = a.father != NO_NAME;
    let given = if fathers {
        let father_equal =
            frequency_weight(a.father_freq, b.father_freq, weights::PATRONYMIC_EQUAL);
        (
            first_equal + father_equal,
            weights::FIRST_NAME_EQUAL.0 + weights::PATRONYMIC_EQUAL.0,
        )
    } else {
        (first_equal, weights::FIRST_NAME_EQUAL.0)
    };
    let (records, common, (weight, least)) = if agrees(last) {
        let records = a.full_name_records.max(b.full_name_records);
        let full = (given.0 + last_equal, given.1 + weights::LAST_NAME_EQUAL.0);
        (records, weights::COMMON_FULL_NAME_RECORDS, full)
    } else if fathers && last == NameLevel::Differs && may_have_married(a, b) {
        let records = a.given_names_records.max(b.given_names_records);
        (records, weights::COMMON_GIVEN_NAMES_RECORDS, given)
    } else {
        return None;
    };
    let doublings = (f32::from(records) / f32::from(common)).log2();
    let taken = (weights::COMMON_NAMES_PER_DOUBLING * doublings).min(weight - least);
    (records > common && taken > 0.0).then_some(-taken)
}

/// When `a` has no date but the leading digits of a spreadsheet-damaged PIN,
/// those digits still say sex and birthday, to compare with `b`'s.
fn leading_digits_date(a: &Prepared, b: &Prepared, date: Date, add: &mut impl FnMut(Reason, f32)) {
    if let (Some(fragment @ PinFragment::Leading(_)), Some(sex)) =
        (a.pin_fragment.as_deref(), b.sex.get())
    {
        // A sex in doubt may be either (`sex_level` says the same).
        let other = match sex {
            Sex::Female => Sex::Male,
            Sex::Male => Sex::Female,
        };
        let either = b.sex.in_doubt() && fragment.consistent_with(other, date);
        if !fragment.consistent_with(sex, date) && !either {
            add(Reason::BirthDateDiffers, weights::BIRTH_DATE_DIFFERS);
        }
    }
}

/// Whether the father that `x`'s surname names (Бакыт уулу, written where
/// a family name goes) is `y`'s father by its
/// patronymic: `Some(true)` for the same name or one slip apart,
/// `Some(false)` for names three edits apart or more, neither beginning the
/// other (Бакыт, Эсен), `None` when unsure or when the shape does not
/// apply (beside `x`'s own patronymic, never `Some(false)`: see below).
/// Many people write the father's name with its marker as their surname,
/// and one person may be under a family name in another agency.
fn father_by_surname(n: &impl Names, x: &Prepared, y: &Prepared) -> Option<bool> {
    if !x.surname_names_father || y.father == NO_NAME {
        return None;
    }
    // Beside its own patronymic, the father counts by the patronymics: the
    // surname only names him where it names that same father, and on one
    // valid PIN. Elsewhere one first name, father and date are most often
    // two namesakes (an independent registry: on two PINs 289 of 292 such
    // pairs at 1M; with a PIN missing or damaged 66 of 69 at 7.3M), and on
    // one PIN its file with surnames so written held 417 such pairs at 1M,
    // all one person. Another father named there (Бакыт уулу Азамат
    // Нурланович) tells nothing: a grandfather's name.
    if x.father != NO_NAME {
        let names_own_father = || father_named_by_surname(n, x, x) == Some(true);
        let names_theirs = || father_named_by_surname(n, x, y) == Some(true);
        return (one_pin(x, y) && names_own_father() && names_theirs()).then_some(true);
    }
    father_named_by_surname(n, x, y)
}

/// [`father_by_surname`]'s comparison of the names, kept out of line: the
/// few pairs that reach it need no speed, and `compare` is built three
/// times over (its WebAssembly bytes count).
#[inline(never)]
fn father_named_by_surname(n: &impl Names, x: &Prepared, y: &Prepared) -> Option<bool> {
    let named = crate::names::father_in_surname_key(n.name(x.last_key))?;
    let father = n.name(y.father);
    if named == father {
        return Some(true);
    }
    if named.len().max(father.len()) > GARBLED_LONGEST {
        return None;
    }
    let edits = strsim::osa_distance(named, father);
    if edits <= 1 && named.len().min(father.len()) >= 4 {
        Some(true)
    } else if edits >= 3 && !named.starts_with(father) && !father.starts_with(named) {
        Some(false)
    } else {
        None
    }
}

/// `a` has a damaged PIN that can be `b`'s.
pub fn damaged_pin_matches(a: &Prepared, b: &Prepared) -> bool {
    damaged_pin_weight(a, b).is_some()
}

fn damaged_pin_weight(a: &Prepared, b: &Prepared) -> Option<f32> {
    match (a.pin_fragment.as_deref(), b.pin) {
        (Some(fragment), Some(pin)) if fragment.matches(&format!("{:014}", pin.get())) => {
            Some(match fragment {
                PinFragment::Leading(_) => weights::PIN_MATCHES_LEADING_DIGITS,
                _ => weights::PIN_MATCHES_DAMAGED,
            })
        }
        _ => None,
    }
}

/// Whether two records are clearly different people, whatever else they
/// share: a cluster never holds both, even through a third record with
/// missing fields (but for two slips of one surname on one PIN, see
/// [`clearly_different_in_cluster`]). Their score is at most [`CONFLICT_SCORE`](super::CONFLICT_SCORE),
/// or they have different fathers, dates that differ with two witnesses each,
/// different surnames of men or of children (who do not marry), or a different sex
/// digit with the same birth date (twins, unless one first name and surname
/// whose sex slipped): a single strong agreement (a shared
/// PIN, a common name) cannot outweigh these. One comparison decides it all.
pub fn clearly_different(n: &impl Names, a: &Prepared, b: &Prepared) -> bool {
    assess(n, a, b).1
}

/// The score and whether the two are [`clearly_different`], from one
/// comparison: deduplication needs both for most pairs it scores, and a
/// second comparison was a tenth of its time.
pub fn assess(n: &impl Names, a: &Prepared, b: &Prepared) -> (f32, bool) {
    let keep_surnames =
        a.sex.get() == Some(Sex::Male) && b.sex.get() == Some(Sex::Male) || a.minor || b.minor;
    assess_keeping(n, a, b, keep_surnames)
}

/// Whether two records about to share a cluster through other links are
/// clearly different people: as [`clearly_different`], except that on one
/// valid PIN (not a placeholder serial) a man's or a child's surname apart
/// is not enough where the two surnames are garbled spellings of each other
/// ([`garbled`], [`short_slip`]) or begin with the same three letters, and
/// the pair alone would be asked about
/// ([`one_pin_possibly_one_person`]), not called two people. Each was linked
/// to the cluster by its own slip of one surname (Тшмтов and Ташмаатов
/// beside Ташматов), and two slips of one surname are often further apart
/// than one link allows (an independent registry at 1M: 144 of 151 pairs on
/// one PIN held apart so were one person). Another holder of the PIN, of
/// another family (Сыдыкбеков beside Ташматов), stays apart even through a
/// record without a surname.
pub fn clearly_different_in_cluster(n: &impl Names, a: &Prepared, b: &Prepared) -> bool {
    if !clearly_different(n, a, b) {
        return false;
    }
    let one_number = one_pin(a, b) && !a.pin.is_some_and(PinNumber::serial_zero);
    // Folded keys or plain Latin (folding can make a slip look larger:
    // Тшмтов folds to `chmtov`, written `tshmtov`); or slips on top of a
    // suffix dropped, three letters alike at the start in plain Latin
    // (Сарбагышшбаепв beside Сарбагышба; not Садыков beside Сыдыкбеков).
    let surnames_alike = || {
        let (x, y) = (n.name(a.plain_last), n.name(b.plain_last));
        let begin_alike = x.len() >= 3 && y.get(..3).is_some_and(|head| x.starts_with(head));
        begin_alike
            || [(a.last_key, b.last_key), (a.plain_last, b.plain_last)]
                .into_iter()
                .any(|(x, y)| garbled_or_short_slip(n.name(x), n.name(y)))
    };
    !(one_number && surnames_alike())
        || assess_keeping(n, a, b, false).1
        || one_pin_possibly_one_person(n, a, b).is_none()
}

/// [`assess`], with a man's or a child's surname apart a conflict or not.
fn assess_keeping(n: &impl Names, a: &Prepared, b: &Prepared, keep_surnames: bool) -> (f32, bool) {
    let mut conflict = false;
    let mut sex_differs = false;
    let mut date_equal = false;
    let mut first_equal = false;
    let score = compare(n, a, b, |reason, _| match reason {
        Reason::PatronymicDiffers | Reason::BirthDateAttestedDiffers => conflict = true,
        Reason::BirthDateDiffers if attested_apart(a, b) || attested_apart(b, a) => conflict = true,
        Reason::LastNameDiffers if keep_surnames => conflict = true,
        Reason::SexDiffers => sex_differs = true,
        // Not a date equal by the PIN: a record whose date slipped may have
        // its sex slipped too, and twins of two sexes have two first names.
        Reason::BirthDateEqual => date_equal = true,
        Reason::FirstNameEqual | Reason::FirstNameTranslitMatch => first_equal = true,
        _ => {}
    });
    let twins = sex_differs && date_equal && !sex_slipped(a, b, first_equal);
    let different = score <= super::CONFLICT_SCORE || conflict || twins;
    (score, different)
}

/// Whether two records of two sexes born the same day are one person whose
/// sex column or PIN's sex digit slipped, not twins: twins of two sexes bear
/// two first names, or one given to boys and girls (Аян, Женя) with names
/// written for each sex (Садыкова beside Садыков, Игоревна beside
/// Игоревич). One first name (`first_equal`) and one surname key, the
/// names of both not giving each its own sex, is a slip (an independent
/// registry at 1M: 153 pairs newly linked so, all one person).
#[inline(never)]
fn sex_slipped(a: &Prepared, b: &Prepared, first_equal: bool) -> bool {
    first_equal
        && a.last_key != NO_NAME
        && a.last_key == b.last_key
        && !(a.sex.is_named() && b.sex.is_named())
}

/// Whether `a`'s date as its own PIN witnesses it (stated and carried by
/// the PIN, or, with no stated date, the PIN's; since stop 64 the latter
/// too, see [`Prepared::attested_birth_date`]) is beyond a slip from the
/// date in `b`'s PIN and from `b`'s stated date if it has one: witnesses
/// against the one a PIN read from the documents is, as
/// [`Reason::BirthDateAttestedDiffers`] is. (A baby's record beside a man's
/// of 1989 holding another's PIN of 1945 joined one cluster through a
/// record with neither date nor PIN.) A stated date alone may be a typo
/// beyond a slip (1994 for 1939): not enough.
fn attested_apart(a: &Prepared, b: &Prepared) -> bool {
    let far = |date: Date| {
        a.attested_birth_date()
            .is_some_and(|attested| !dates_close(attested, date))
    };
    b.pin_birth_date.is_some_and(far) && b.birth_date.is_none_or(far)
}

/// Whether a pair can be passed over unscored: born on dates apart beyond a
/// slip, with no PIN in common, so that only a score of at least `bar`
/// would report it (the review band's shapes ask about dates a slip apart
/// or equal, see [`possible_match`]), and the most its names could weigh
/// still falls short. Two spellings of a name are weighed at most as a
/// slip would be ([`weights::SIMILAR_NAME_MAX`]) without comparing their
/// letters, which is most of a comparison's time: at a country's scale
/// most candidate pairs are namesakes born years apart.
///
/// A sound upper bound, not an estimate: every weight below is at least the
/// one [`compare`] would give, added in the same order (a sum of floats
/// never shrinks when a term grows), so the score is at most this bound.
pub fn beneath(a: &Prepared, b: &Prepared, bar: f32) -> bool {
    let BirthDates::Stated(Some(da), Some(db)) = birth_dates(a, b) else {
        return false;
    };
    if da == db || dates_close(da, db) {
        return false;
    }
    // A shared PIN is reported whatever the score, a damaged one may be shared.
    if a.pin_fragment.is_some() || b.pin_fragment.is_some() || a.pin.is_some() && a.pin == b.pin {
        return false;
    }
    let first_equal =
        frequency_weight_at_most(a.first_freq, b.first_freq, weights::FIRST_NAME_EQUAL);
    let last_equal = frequency_weight_at_most(a.last_freq, b.last_freq, weights::LAST_NAME_EQUAL);
    let slipped = weights::SIMILAR_NAME_MAX;
    let last = if a.last_stem == NO_NAME || b.last_stem == NO_NAME {
        0.0
    } else if a.last_key == b.last_key {
        last_equal
    } else if one_surname_stem(a, b) {
        last_equal - weights::LAST_NAME_SUFFIX_PENALTY
    } else {
        slipped
    };
    let first = if a.first_key == NO_NAME || b.first_key == NO_NAME {
        0.0
    } else if a.first_key == b.first_key {
        first_equal
    } else {
        slipped
    };
    // Names are read as swapped only when the first names differ by key and
    // the surnames are not equal as written ([`last_name_level`]'s `Equal`;
    // a surname that is only a marker, Тегин, has no stem and is `Missing`).
    let surnames_equal = a.last_stem != NO_NAME
        && b.last_stem != NO_NAME
        && a.last_key == b.last_key
        && a.raw_last == b.raw_last;
    let may_be_swapped = a.first_key != b.first_key
        && a.first_key != NO_NAME
        && b.first_key != NO_NAME
        && !surnames_equal;
    // `0.0 + last + first`: the score's own order of adding (from 0, the
    // surname, then the first name), which the bound must keep.
    let mut most = 0.0;
    most += if may_be_swapped {
        (0.0 + last + first).max(first_equal + last_equal - 1.0)
    } else {
        0.0 + last + first
    };
    if a.father != NO_NAME && b.father != NO_NAME {
        most += if a.father == b.father {
            frequency_weight_at_most(a.father_freq, b.father_freq, weights::PATRONYMIC_EQUAL)
        } else {
            slipped
        };
    }
    let attested = |r: &Prepared| r.attested_birth_date().is_some();
    most += if attested(a) && attested(b) {
        weights::BIRTH_DATE_ATTESTED_DIFFERS
    } else {
        weights::BIRTH_DATE_DIFFERS
    };
    if let Some((_, weight)) = sex_level(a, b) {
        most += weight;
    }
    most < bar
}

/// Whether two records on one PIN that do not link may still be one person,
/// and what would settle it: the PIN, the full birth date and the sex agree,
/// and so do two of the three names (or the first name, with another
/// surname and no father's name on a record); or every name given agrees
/// and only the sex columns differ. A number issued twice went to two
/// people of one birth date and sex, so those prove nothing here; the names
/// do, and one name apart is not enough to call them two people. Said to be
/// different people, one person would be sent to a centre for a new number:
/// a person with the documents decides instead.
/// - Another surname: a woman's marriage (the marriage certificate settles
///   it), or for a man or a child a slip beyond what a link allows
///   (Смнов beside Семёнов).
/// - Another father's name: a slip that folding made larger (Михаиьович
///   beside Михаилович, whose keys are `mih` and `mihail`), or a wrong copy.
/// - Another first name only when the rare spelling is an established name
///   of the file garbled by a few slips ([`garbled`]: Диаснра beside
///   Динара): twins given one PIN share surname, father and birthday and
///   bear two first names, and in a small file where no name is established
///   nothing tells a twin's name from a slip, so they stay a PIN shared by
///   different people.
pub fn one_pin_possibly_one_person(
    n: &impl Names,
    a: &Prepared,
    b: &Prepared,
) -> Option<super::Settle> {
    use super::Settle;
    // The first names agree, or differ only as a garbled spelling does.
    let (mut agree, mut differ, mut first_names_fit) = (0, 0, true);
    // A first name that agrees, and a father's name that does not count
    // against (two established fathers a letter apart do).
    let (mut first_agrees, mut fathers_apart) = (false, false);
    let (mut date_equal, mut against, mut other_surname) = (false, false, false);
    let mut swapped = false;
    // Read from `explain`'s reasons: another `compare` of its own would weigh
    // 1.7 KB in the WebAssembly package; this runs for few pairs.
    for &(reason, weight) in &explain(n, a, b).1 {
        match reason {
            // Agreements that count for the pair (two established fathers'
            // names a letter apart weigh against it).
            Reason::LastNameEqual
            | Reason::LastNameTranslitMatch
            | Reason::LastNameSuffixDiffers
            | Reason::LastNameSimilar
            | Reason::FirstNameEqual
            | Reason::FirstNameTranslitMatch
            | Reason::FirstNameSimilar
            | Reason::PatronymicEqual
            | Reason::PatronymicSimilar
                if weight > 0.0 =>
            {
                agree += 1;
                first_agrees |= matches!(
                    reason,
                    Reason::FirstNameEqual
                        | Reason::FirstNameTranslitMatch
                        | Reason::FirstNameSimilar
                );
            }
            Reason::NamesSwapped if weight > 0.0 => {
                agree += 2;
                swapped = true;
            }
            Reason::PatronymicSimilar => fathers_apart = true,
            // Half a swap (a woman's first name across, her surname another):
            // the swap counted one name agreeing, not two.
            Reason::LastNameDiffers if swapped => {
                agree -= 1;
                first_agrees = true;
                differ += 1;
                other_surname = true;
            }
            Reason::LastNameDiffers => {
                differ += 1;
                other_surname = true;
            }
            // A woman's first name agreeing only across the fields, her
            // surname changed (Назгүл Алымбекова beside Ниязалиева Назгүл):
            // her first name agrees, as `possible_match`'s half swap has it
            // (an independent registry's married and swapped records on one
            // PIN were "a PIN held by different people").
            Reason::FirstNameDiffers if first_name_across(a, b) => {
                agree += 1;
                first_agrees = true;
            }
            Reason::FirstNameDiffers => {
                differ += 1;
                first_names_fit = rare_beside_established(
                    (a.first_key, a.first_established),
                    (b.first_key, b.first_established),
                ) && garbled_short(n.name(a.first_key), n.name(b.first_key));
            }
            Reason::PatronymicDiffers => differ += 1,
            Reason::BirthDateEqual | Reason::BirthDateEqualInPin => date_equal = true,
            Reason::SexDiffers => against = true,
            _ => {}
        }
    }
    // One PIN, its date and every name given agreeing, the surname as
    // written too (Садыкова beside Садыков is a sister and a brother), only
    // the sex columns apart: a slip of a sex column (or a change of
    // gender), or twins of two sexes with one unisex name given one number
    // (Женя Игоревич, Женя Игоревна): the documents tell (an independent
    // registry's exact copies with the other sex written were "a PIN held
    // by different people": 158 of 158 one person at 100k).
    if against {
        let one_surname = a.last_key != NO_NAME && a.raw_last == b.raw_last;
        return (agree >= 2 && differ == 0 && date_equal && one_surname)
            .then_some(Settle::CompareDocuments);
    }
    // Or the first name agrees, the surname does not and the father's name
    // is missing on a record: one name apart of two given (a woman married,
    // her father's name left out: 136 of 155 one person at 1M there).
    let two_given = agree == 1 && first_agrees && other_surname && !fathers_apart;
    if !((agree >= 2 || two_given) && differ == 1 && first_names_fit && date_equal) {
        return None;
    }
    Some(if other_surname && may_have_married(a, b) {
        Settle::MarriageCertificate
    } else {
        Settle::CompareDocuments
    })
}

/// Whether a pair that does not link may still be one person, and what
/// would settle it: a score in the review band with no rule against it (a
/// woman's other surname with the rest agreeing is such a pair: a marriage
/// or a namesake, about even near the threshold), or a pair refused by a rule
/// only for want of evidence a document gives: dates a slip apart, each
/// confirmed by its own record's PIN, that would link were the
/// difference a slip (a second PIN issued from a mistyped date, or two
/// namesakes: about as often one as the other; a record without its father's
/// name is such a pair too, one the band would otherwise miss); one name
/// refused where one spelling is established in the file and the other is
/// not, all else strong enough to link, the two spellings near enough to
/// be one name slipped ([`slip_shaped`]: a slip beyond the edits a link
/// allows: compare the documents); a woman's first name agreeing only across
/// the fields with her surname changed (ask for the marriage certificate).
/// The slip shapes ask only where the dates agree or differ by a slip. Just
/// below the band ([`weights::BELOW_BAND`]), a pair born the same day is
/// asked about when nothing disagrees or goes uncompared, or a woman's other surname comes with
/// her first name slipped or her father's name missing on one record; other
/// marriage-shaped pairs are left out there: most are namesakes.
pub fn possible_match(
    n: &impl Names,
    a: &Prepared,
    b: &Prepared,
    score: f32,
    options: &super::Options,
) -> Option<super::Settle> {
    use super::Settle;
    // The most a refusal for want of evidence can hide: an attested date
    // difference that would be a slip.
    let hidden = weights::BIRTH_DATE_DAY_MONTH_SWAPPED - weights::BIRTH_DATE_ATTESTED_DIFFERS;
    if score + hidden < options.review_threshold.min(options.threshold) {
        return None;
    }
    // Cheap shapes first: this runs for every candidate pair that does not link.
    let in_band = score >= options.review_threshold && score < options.threshold;
    // Just below the band with the same birth date: shapes the score
    // undercounts (see `weights::BELOW_BAND`). Not when the band by score
    // is turned off (the review threshold at the link threshold).
    let below_band = options.review_threshold < options.threshold
        && score < options.review_threshold
        && score + weights::BELOW_BAND >= options.review_threshold
        && match birth_dates(a, b) {
            BirthDates::EqualInPin => true,
            BirthDates::Stated(x, y) => x.is_some() && x == y,
        };
    let attested_alone = |r: &Prepared| r.attested_birth_date().is_some();
    let attested_slip = match (a.attested_birth_date(), b.attested_birth_date()) {
        (Some(da), Some(db)) => da != db && dates_close(da, db),
        _ => false,
    };
    // A first name refused where one spelling is an established name of
    // this file and the other is not (Теребк beside Төрөбек): a slip of more
    // than the edits a link allows, or a twin with a rare name. With all else
    // strong enough to link, a person with the documents decides. Where
    // neither is established (a small file), nothing tells a slip from a name.
    let links_without = |weight: f32| score - weight >= options.threshold;
    let first_slip = rare_beside_established(
        (a.first_key, a.first_established),
        (b.first_key, b.first_established),
    ) && links_without(weights::FIRST_NAME_DIFFERS)
        && slip_shaped(n, a.first_key, b.first_key);
    // The same for a surname that may not differ (a man's, a child's): Ак
    // beside Акаев, Юлдашев beside Лдашеу; shaped as a slip by the whole
    // key or by the stem (Али beside Салиев).
    let last_slip = rare_beside_established(
        (a.last_stem, a.last_established),
        (b.last_stem, b.last_established),
    ) && links_without(weights::LAST_NAME_DIFFERS)
        && (slip_shaped(n, a.last_key, b.last_key) || slip_shaped(n, a.last_stem, b.last_stem));
    // And for a father's name (Акюай beside Акбай).
    let father_slip = rare_beside_established(
        (a.father, a.father_established),
        (b.father, b.father_established),
    ) && links_without(weights::PATRONYMIC_DIFFERS)
        && slip_shaped(n, a.father, b.father);
    // A woman's names swapped between the fields and her surname changed:
    // her first name agrees crosswise (Айгүл Эшимова beside Мадылбаева Айгүл),
    // which the field-by-field comparison refuses. Were it counted as the
    // least a first name weighs, the pair would be in the band: a marriage
    // or a namesake, as when the fields are in place.
    let half_swapped = first_name_across(a, b)
        && a.first_key != b.first_key
        && score - weights::FIRST_NAME_DIFFERS + weights::FIRST_NAME_EQUAL.0
            >= options.review_threshold;
    if !(in_band || attested_slip || below_band) {
        if !(first_slip || last_slip || father_slip || half_swapped) {
            return None;
        }
        // The slip shapes ask only where the dates agree or differ by an
        // unattested slip: tell that before comparing the pair again (at a
        // country's scale most pairs of these shapes are namesakes born apart).
        // A record without any date gives no equal date and no slip to the
        // comparison, so no slip shape can ask about it.
        let dates_close = match birth_dates(a, b) {
            BirthDates::EqualInPin => true,
            BirthDates::Stated(Some(da), Some(db)) => {
                da == db || (!(attested_alone(a) && attested_alone(b)) && dates_close(da, db))
            }
            _ => false,
        };
        if !dates_close {
            return None;
        }
    }
    let keep_surnames = !may_have_married(a, b);
    let (mut attested, mut slip_date, mut other_surname) = (false, false, false);
    let mut attested_weight = 0.0;
    let mut date_equal = false;
    let (mut sex_differs, mut first_differs, mut first_equal) = (false, false, false);
    let (mut surname_refused, mut father_differs) = (false, false);
    let (mut against, mut first_slipped, mut names_common) = (false, false, false);
    compare(n, a, b, |reason, weight| {
        // A surname naming the father, its stem not compared, is no slip
        // the score undercounts: below the band it leaves a first name and
        // a date, which namesakes share (an independent registry: 1,132
        // fewer questions at 1M, one of them one person; 64,398 at 7.3M, 14).
        // Names common together still agree: the pair is asked about
        // below the band as any whose names are all the same.
        against |=
            weight < 0.0 && reason != Reason::NamesCommon || reason == Reason::LastNameNamesFather;
        match reason {
            Reason::FirstNameSimilar => first_slipped = true,
            Reason::FirstNameTranslitMatch => (first_slipped, first_equal) = (true, true),
            Reason::FirstNameEqual => first_equal = true,
            Reason::BirthDateAttestedDiffers | Reason::BirthDateAttestedSlip => {
                (attested, attested_weight) = (true, weight)
            }
            Reason::BirthDateOneDigit
            | Reason::BirthDateDigitsSwapped
            | Reason::BirthDateDayMonthSwapped
            | Reason::BirthDateYearOnly => slip_date = true,
            Reason::BirthDateEqual | Reason::BirthDateEqualInPin => date_equal = true,
            Reason::LastNameDiffers if keep_surnames => surname_refused = true,
            Reason::LastNameDiffers => other_surname = true,
            Reason::PatronymicDiffers => father_differs = true,
            Reason::FirstNameDiffers => first_differs = true,
            Reason::SexDiffers => sex_differs = true,
            Reason::NamesCommon => names_common = true,
            _ => {}
        }
    });
    if sex_differs && date_equal && !sex_slipped(a, b, first_equal) {
        return None;
    }
    if first_differs && half_swapped && other_surname && !surname_refused && !father_differs {
        return (!attested && (date_equal || slip_date)).then_some(Settle::MarriageCertificate);
    }
    if first_differs || surname_refused || father_differs {
        // One name's refusal, and only that one, a slip by the shape above;
        // the date agrees or differs by a slip.
        let one_slip = match (first_differs, surname_refused, father_differs) {
            (true, false, false) => first_slip && !other_surname,
            (false, true, false) => last_slip,
            (false, false, true) => father_slip && !other_surname,
            _ => false,
        };
        return (one_slip && !attested && (date_equal || slip_date))
            .then_some(Settle::CompareDocuments);
    }
    if attested {
        let (da, db) = (a.best_birth_date()?, b.best_birth_date()?);
        let slip = match DateMismatch::between(da, db) {
            DateMismatch::DayMonthSwapped => weights::BIRTH_DATE_DAY_MONTH_SWAPPED,
            DateMismatch::OneDigit | DateMismatch::DigitsSwapped => weights::BIRTH_DATE_ONE_DIGIT,
            DateMismatch::Different if year_only(da, db) => weights::BIRTH_DATE_YEAR_ONLY,
            DateMismatch::Different => return None,
        };
        // Asked only where the pair would link were the difference a slip:
        // below that, the names are common enough that namesakes born days
        // apart outnumber second numbers (an independent registry at 1M:
        // 8,774 such questions, 189 of them one person).
        // Nor where the names are common together and the dates differ by a
        // slip of the day or month: namesakes born days apart grow with the
        // names' bearers, a second number does not (an independent registry:
        // 111 of 2,799 such questions one person at 1M, 1,738 of 56,930 at
        // 7.3M, where the band held 35% as many pairs as were linked).
        let near_namesakes =
            names_common && attested_weight <= weights::BIRTH_DATE_ATTESTED_DIFFERS;
        let if_a_slip = score - attested_weight + slip;
        return (if_a_slip >= options.threshold && !other_surname && !near_namesakes)
            .then_some(Settle::BirthCertificate);
    }
    if below_band {
        // Sexes that differ returned above with the dates equal; the dates
        // were taken as equal above, and must have compared so.
        if !date_equal {
            return None;
        }
        if !against {
            return Some(Settle::CompareDocuments);
        }
        // Her father's name does not differ (that returned above).
        let father_unknown = a.father == NO_NAME || b.father == NO_NAME;
        return (other_surname && (first_slipped || father_unknown))
            .then_some(Settle::MarriageCertificate);
    }
    if score < options.review_threshold || score >= options.threshold || clearly_different(n, a, b)
    {
        return None;
    }
    Some(if slip_date {
        Settle::BirthCertificate
    } else if other_surname {
        Settle::MarriageCertificate
    } else {
        Settle::CompareDocuments
    })
}

/// Both records carry a [valid PIN](valid_pin), and the two differ.
fn two_pins(a: &Prepared, b: &Prepared) -> bool {
    matches!((valid_pin(a), valid_pin(b)), (Some(x), Some(y)) if x != y)
}

/// Whether both records may be one married woman's: neither says male
/// (by its sex column or its PIN) and neither is a minor.
fn may_have_married(a: &Prepared, b: &Prepared) -> bool {
    let may = |r: &Prepared| r.sex.get() != Some(Sex::Male) && !r.minor;
    may(a) && may(b)
}

/// A first name that agrees only across the fields: one record's in the
/// other's surname field (Айгүл Эшимова beside Мадылбаева Айгүл).
fn first_name_across(a: &Prepared, b: &Prepared) -> bool {
    let crosswise = |x: NameId, y: NameId| x != NO_NAME && x == y;
    crosswise(a.last_key, b.first_key) || crosswise(a.first_key, b.last_key)
}

/// Whether two spellings may be one name slipped beyond a link's edits:
/// at most two edits apart or a third of the longer key's letters
/// (`iuldashev` beside `ldasheu`, `ma` beside `apa`), or half of them where both
/// begin alike (Бегимай beside Бгиаа). Further apart they are two names
/// (Айтмырзаев beside Зарылназаров): an independent registry at 7.3M
/// was asked about 47,644 pairs so far apart, 590 of them one person.
/// Lengths in bytes: keys are ASCII but for scripts folding does not know,
/// where more bytes than letters only loosen the bound.
#[inline(never)]
fn slip_shaped(n: &impl Names, x: NameId, y: NameId) -> bool {
    let (a, b) = (n.name(x), n.name(y));
    let longer = a.len().max(b.len());
    let edits = strsim::osa_distance(a, b);
    edits <= (longer / 3).max(2)
        || a.as_bytes().first() == b.as_bytes().first() && edits <= longer / 2
}

/// Two names given, different, one an established name of the file and the
/// other not: the shape of a slip the edits allowed for a link cannot reach.
fn rare_beside_established(a: (NameId, bool), b: (NameId, bool)) -> bool {
    a.0 != NO_NAME && b.0 != NO_NAME && a.0 != b.0 && a.1 != b.1
}

/// The score alone, for the hot loop.
pub fn score(n: &impl Names, a: &Prepared, b: &Prepared) -> f32 {
    compare(n, a, b, |_, _| {})
}

/// The reasons and their weights, for people to read. Gathered on the stack
/// and kept in a vector of their exact length: a country's run keeps a
/// million pairs' reasons, and the allocator never shrinks a block made
/// for eight (`shrink_to_fit` leaves it where it is).
pub fn explain(n: &impl Names, a: &Prepared, b: &Prepared) -> (f32, Vec<(Reason, f32)>) {
    let mut gathered = [(Reason::LastNameEqual, 0.0); 8];
    let (mut count, mut more) = (0, Vec::new());
    let score = compare(n, a, b, |reason, weight| match gathered.get_mut(count) {
        Some(slot) => {
            *slot = (reason, weight);
            count += 1;
        }
        None => more.push((reason, weight)),
    });
    let mut reasons = Vec::with_capacity(count + more.len());
    reasons.extend_from_slice(gathered.get(..count).unwrap_or_default());
    reasons.extend(more);
    (score, reasons)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Stop 51: a man's surname two slips off (Ктмрлалиов for Комилалиов)
    /// was "another surname" in a country's file, where Комилалиов, written
    /// on some ninety records of 1.1M, is not established (under a
    /// ten-thousandth): a spelling written once beside one written dozens
    /// of times is a slip of it all the same. Two spellings both written
    /// often stay two names; so do two written once or twice each.
    #[test]
    fn a_spelling_written_once_beside_one_written_dozens_of_times_is_a_slip() {
        // Shares as `Frequencies` smooths them: about one record's worth
        // added to a surname's count in a file of 1.12M.
        let share = |count: f32| (count + 1.0) / 1_121_000.0;
        let standing = |count: f32| (false, share(count));
        assert!(rare_next_to_common(standing(95.0), standing(1.0)));
        assert!(rare_next_to_common(standing(1.0), standing(95.0)));
        assert!(!rare_next_to_common(standing(95.0), standing(40.0)));
        assert!(!rare_next_to_common(standing(2.0), standing(1.0)));
        assert!(!rare_next_to_common(standing(20.0), standing(1.0)));
        // An established name beside a rare spelling, as before.
        assert!(rare_next_to_common((true, share(200.0)), standing(3.0)));
        let key = |name: &str| crate::names::surname_stem(name);
        assert_eq!(
            slips(&key("Комилалиов"), &key("Ктмрлалиов"), true),
            Some(2),
            "two slips apart"
        );
        assert_eq!(slips(&key("Комилалиов"), &key("Ктмрлалиов"), false), None);
    }

    proptest::proptest! {
        /// The letter count rules out only pairs the similarity itself rules out.
        #[test]
        fn the_letter_count_never_rules_out_a_similar_pair(
            a in "[a-f]{1,12}",
            b in "[a-f]{1,12}",
        ) {
            if !may_reach_jaro_winkler(&a, &b) {
                proptest::prop_assert!(strsim::jaro_winkler(&a, &b) < JARO_WINKLER_SLIPS);
            }
        }

        /// Two names' shapes rule out only pairs [`slips`] finds no slip
        /// between: a name, and the same with up to three letters replaced,
        /// dropped, added or swapped (`sh` and `ch` among them, which count
        /// as one letter typed), or another name altogether.
        #[test]
        fn shapes_never_rule_out_a_slip(
            a in "[abcehisu]{0,14}",
            edits in proptest::collection::vec((0u8..4, 0usize..16, "[abcehisuz]"), 0..4),
            other in "[abcehisu]{0,14}",
            rare: bool,
            take_other: bool,
        ) {
            let mut b: Vec<u8> = a.clone().into_bytes();
            for (op, at, letter) in &edits {
                let at = (*at).min(b.len());
                let letter = letter.as_bytes()[0];
                match op {
                    0 if at < b.len() => b[at] = letter,
                    1 if at < b.len() => { b.remove(at); }
                    2 => b.insert(at, letter),
                    _ if at + 1 < b.len() => b.swap(at, at + 1),
                    _ => {}
                }
            }
            let b = if take_other { other } else { String::from_utf8(b).unwrap_or_default() };
            let (x, y) = (NameShape::of(&a), NameShape::of(&b));
            if slips(&a, &b, rare).is_some() {
                proptest::prop_assert!(may_slip(x, y, rare), "{a} {b} {rare}");
            }
            if word_stem(&a) == word_stem(&b) {
                proptest::prop_assert_eq!(x.stem, y.stem);
            }
        }

        /// The weight without a logarithm is never below the weight, and
        /// at most a tenth of a bit above it.
        #[test]
        fn a_weight_without_a_logarithm_bounds_it_closely(
            a in 0.0f32..=1.0,
            b in 0.0f32..=1.0,
        ) {
            let bounds = (-30.0, 30.0);
            let (exact, most) = (frequency_weight(a, b, bounds), frequency_weight_at_most(a, b, bounds));
            proptest::prop_assert!(exact <= most && most <= exact + 0.1, "{exact} {most}");
        }
    }

    #[test]
    fn a_weight_without_a_logarithm_bounds_it_at_every_share_and_clamp() {
        // Every share a millionth apart, the tiniest ones and whole powers of two.
        let shares = (0..=1_000_000)
            .map(|i| i as f32 / 1e6)
            .chain((1..=40).map(|k| 0.5f32.powi(k)))
            .chain([f32::MIN_POSITIVE, 1e-7, 2.0]);
        for share in shares {
            for bounds in [
                weights::FIRST_NAME_EQUAL,
                weights::LAST_NAME_EQUAL,
                (-30.0, 30.0),
            ] {
                let exact = frequency_weight(share, share / 2.0, bounds);
                let most = frequency_weight_at_most(share, share / 2.0, bounds);
                assert!(
                    exact <= most && most <= exact + 0.1,
                    "{share}: {exact} {most}"
                );
            }
        }
    }

    #[test]
    fn o_written_e_is_one_habit_in_one_direction() {
        assert!(o_written_e("telegen", "tologon"));
        assert!(o_written_e("tologon", "telegen"));
        assert!(o_written_e("terekulov", "torokulov"));
        // Not the same name with е and ө swapped both ways, nor another letter.
        assert!(!o_written_e("telogon", "tolegon"));
        assert!(!o_written_e("telegen", "telegen"));
        assert!(!o_written_e("telegen", "tologan"));
        assert!(!o_written_e("teleg", "tologon"));
        assert!(!o_written_e("ten", "ton"), "too short to tell");
    }

    #[test]
    fn shapes_tell_names_apart_and_let_the_longest_through() {
        let shape = NameShape::of;
        // One slip, two slips of a rare spelling, and names of other letters.
        assert!(may_slip(shape("dinara"), shape("dianra"), false));
        assert!(may_slip(shape("timurovna"), shape("timuovna"), true));
        assert!(!may_slip(shape("aibek"), shape("nurlan"), true));
        assert!(slips("aibek", "nurlan", true).is_none());
        // sh and ch are one letter each: Шерщтд is two slips from Шерзод.
        assert!(may_slip(shape("sherzod"), shape("shershtd"), true));
        // Past what a shape holds, the text decides.
        let long = "a".repeat(300);
        assert!(may_slip(shape(&long), shape("b"), false));
        assert!(!may_slip(shape(""), shape("a"), true));
    }

    #[test]
    fn the_letter_count_rules_out_names_of_other_letters() {
        assert!(!may_reach_jaro_winkler("asanbekov", "asilbolotov"));
        assert!(may_reach_jaro_winkler("asanbekov", "asanbekob"));
        assert!(
            may_reach_jaro_winkler("асанбеков", "asilbolotov"),
            "not ASCII: no ruling"
        );
    }

    #[test]
    fn one_edit_covers_each_kind_of_slip() {
        let one = |a: &str, b: &str| within_one_edit(a.as_bytes(), b.as_bytes());
        assert!(one("aibek", "aibek"));
        assert!(one("aibek", "aibak"), "replaced");
        assert!(one("aibek", "aiebk"), "neighbours swapped");
        assert!(one("aibek", "aibe"), "deleted at the end");
        assert!(one("aibek", "abek"), "deleted inside");
        assert!(one("aibek", "aibbek"), "doubled");
        assert!(!one("aibek", "aibol"));
        assert!(!one("aibek", "iabke"));
        assert!(!one("asan", "usonn"));
        assert!(!one("abc", "abcde"));
    }

    #[test]
    fn two_edits_agree_with_strsim() {
        let names = [
            "aibek",
            "aibak",
            "aiebk",
            "abek",
            "nurlan",
            "nurlna",
            "nurbek",
            "asan",
            "usan",
            "sanasa",
            "a",
            "",
            "ab",
            "ba",
            "abc",
            "nuolanp",
            "nrlan",
            "esenjanov",
            "eeanjanov",
            "mkoia",
            "maria",
            "aibol",
            "iabke",
            "aaaa",
            "bbbb",
            "abab",
            "baba",
        ];
        for a in names {
            for b in names {
                let expected = strsim::osa_distance(a, b) <= 2;
                assert_eq!(
                    within_two_edits(a.as_bytes(), b.as_bytes()),
                    expected,
                    "{a} {b}"
                );
            }
        }
    }

    #[test]
    fn one_edit_agrees_with_strsim() {
        let names = [
            "aibek", "aibak", "aiebk", "abek", "nurlan", "nurlna", "nurbek", "asan", "usan",
            "sanasa", "a", "",
        ];
        for a in names {
            for b in names {
                let expected = strsim::osa_distance(a, b) <= 1;
                assert_eq!(
                    within_one_edit(a.as_bytes(), b.as_bytes()),
                    expected,
                    "{a} {b}"
                );
            }
        }
    }
}
