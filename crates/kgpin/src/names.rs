//! Names as matching keys: Cyrillic (Kyrgyz, Russian, Uzbek) and Latin
//! spellings of one name meet in one canonical key.
//!
//! The key is not a transliteration for people to read; it is an equivalence
//! class. Cyrillic is first written in a simple Latin scheme, then every Latin
//! spelling variant is folded: Ж/ZH/J/DZH -> `j`, Х/KH/H/X -> `h`,
//! Ы/Й/Y/I -> `i`, Ц/TS -> `c`, Щ/SHCH -> `sh`, Ө/OE/Ö -> `o`, Ү/UE/Ü -> `u`,
//! Ң/NG -> `n`, YE/E -> `e`; doubled letters collapse and signs vanish.
//!
//! ```
//! use kgpin::names::name_key;
//! assert_eq!(name_key("Жумагулов"), name_key("Dzhumagulov"));
//! assert_eq!(name_key("Жумагулов"), name_key("ZHUMAGULOV"));
//! assert_eq!(name_key("Үсөнбаев"), name_key("Usonbaev"));
//! assert_eq!(name_key("Евгений"), name_key("Yevgeniy"));
//! ```

use crate::sex::Sex;

/// Latin letters that look like Cyrillic ones, for words typed in mixed scripts
/// ("Acaнов" with a Latin A and c).
fn latin_to_cyrillic_look_alike(c: char) -> Option<char> {
    Some(match c {
        'a' => 'а',
        'b' => 'в',
        'c' => 'с',
        'e' => 'е',
        'h' => 'н',
        'k' => 'к',
        'm' => 'м',
        'o' => 'о',
        'p' => 'р',
        't' => 'т',
        'x' => 'х',
        'y' => 'у',
        _ => return None,
    })
}

fn cyrillic_to_latin_look_alike(c: char) -> Option<char> {
    Some(match c {
        'а' => 'a',
        'в' => 'b',
        'с' => 'c',
        'е' => 'e',
        'н' => 'h',
        'к' => 'k',
        'м' => 'm',
        'о' => 'o',
        'р' => 'p',
        'т' => 't',
        'х' => 'x',
        'у' => 'y',
        _ => return None,
    })
}

fn is_cyrillic(c: char) -> bool {
    matches!(c, '\u{0400}'..='\u{04ff}')
}

/// A simple Latin transliteration of one lower-case Cyrillic letter.
fn cyrillic_to_latin(c: char) -> &'static str {
    match c {
        'а' => "a",
        'б' => "b",
        'в' => "v",
        'г' | 'ғ' => "g",
        'д' => "d",
        'е' | 'э' => "e",
        'ё' => "yo",
        'ж' => "zh",
        'з' => "z",
        'и' | 'і' => "i",
        'й' => "y",
        'к' | 'қ' => "k",
        'л' => "l",
        'м' => "m",
        'н' => "n",
        'ң' => "ng",
        'о' | 'ө' | 'ў' => "o",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'у' | 'ү' | 'ұ' => "u",
        'ф' => "f",
        'х' | 'ҳ' | 'һ' => "kh",
        'ц' => "ts",
        'ч' | 'ҷ' => "ch",
        'ш' => "sh",
        'щ' => "shch",
        'ъ' | 'ь' => "",
        'ы' => "y",
        'ю' => "yu",
        'я' => "ya",
        'ә' => "a",
        _ => "",
    }
}

/// Latin letters with diacritics as used in Kyrgyz, Uzbek and Turkish Latin
/// spellings, as plain letters: Turkish-style ç and ş (and Czech-style č, š,
/// ž) are the sounds written ch, sh and zh elsewhere, so they fold to those.
fn fold_latin_diacritic(c: char) -> Option<&'static str> {
    Some(match c {
        'ö' | 'ó' | 'ò' | 'ô' | 'õ' | 'ø' => "o",
        'ü' | 'ú' | 'ù' | 'û' => "u",
        'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' | 'ə' => "a",
        'é' | 'è' | 'ê' | 'ë' => "e",
        'í' | 'ì' | 'î' | 'ï' | 'ı' => "i",
        'ñ' | 'ń' => "n",
        'ç' | 'č' => "ch",
        'ş' | 'š' => "sh",
        'ž' => "zh",
        'ğ' => "g",
        _ => return None,
    })
}

/// Replacements applied in order to a Latin spelling; each folds variants of one sound.
const LATIN_FOLDS: &[(&str, &str)] = &[
    ("shch", "sh"),
    ("sch", "sh"),
    ("dzh", "j"),
    ("dj", "j"),
    ("zh", "j"),
    ("kh", "h"),
    ("x", "ks"),
    ("ts", "c"),
    ("tc", "c"),
    ("ph", "f"),
    ("w", "v"),
    ("q", "k"),
    ("y", "i"),
    ("oe", "o"),
    ("ue", "u"),
    ("ng", "n"),
    ("ie", "e"),
];

/// The lower case of one letter: ASCII and the Cyrillic block's capitals
/// (А-Я, Ѐ-Џ) directly, anything else by Unicode's tables (Ү, Ө, Ң, İ...).
/// Names are lowered letter by letter several times over, so the common
/// letters must not search the tables.
fn lower(c: char) -> impl Iterator<Item = char> + Clone {
    let direct = match c {
        'A'..='Z' => Some(c.to_ascii_lowercase()),
        'А'..='Я' => char::from_u32(c as u32 + 0x20),
        'Ѐ'..='Џ' => char::from_u32(c as u32 + 0x50),
        _ if c.is_ascii() || ('а'..='џ').contains(&c) => Some(c),
        _ => None,
    };
    let tables = direct.is_none().then(|| c.to_lowercase());
    direct.into_iter().chain(tables.into_iter().flatten())
}

/// Writes one lower-case letter in Latin: Cyrillic transliterated, Latin
/// diacritics folded, other Latin letters as they are, anything else dropped.
fn write_latin(c: char, out: &mut String) {
    if is_cyrillic(c) {
        out.push_str(cyrillic_to_latin(c));
    } else if let Some(plain) = fold_latin_diacritic(c) {
        out.push_str(plain);
    } else if c.is_ascii_alphabetic() {
        out.push(c);
    }
}

/// Writes one word as lower-case Latin letters. A word typed in mixed scripts
/// ("Acaнов" with a Latin A and c) is first made one script, when all the odd
/// letters have look-alikes there: Cyrillic is preferred, as registries are.
fn to_latin(word: &str, out: &mut String) {
    // Most words are in one script: ASCII is only lowered, and a word all of
    // Cyrillic letters has no Latin look-alike to settle (its letters lower
    // to Cyrillic ones), so each is written as it is lowered.
    if word.is_ascii() {
        let letters = word.bytes().filter(u8::is_ascii_alphabetic);
        out.extend(letters.map(|b| char::from(b.to_ascii_lowercase())));
        return;
    }
    if word.chars().all(is_cyrillic) {
        word.chars()
            .flat_map(lower)
            .for_each(|c| write_latin(c, out));
        return;
    }
    let lowered: String = word.chars().flat_map(lower).collect();
    write_one_script(lowered.chars(), out);
}

/// Writes lower-case letters in Latin, first made one script when they mix
/// Cyrillic and Latin letters that all have look-alikes in the other.
fn write_one_script(lower: impl Iterator<Item = char> + Clone, out: &mut String) {
    let has_cyrillic = lower.clone().any(is_cyrillic);
    let has_latin = lower.clone().any(|c| c.is_ascii_alphabetic());
    let mixed = has_cyrillic && has_latin;
    let to_cyrillic = mixed
        && lower
            .clone()
            .filter(|c| c.is_ascii_alphabetic())
            .all(|c| latin_to_cyrillic_look_alike(c).is_some());
    let to_latin = mixed
        && !to_cyrillic
        && lower
            .clone()
            .filter(|&c| is_cyrillic(c))
            .all(|c| cyrillic_to_latin_look_alike(c).is_some());
    for c in lower {
        let c = if to_cyrillic {
            latin_to_cyrillic_look_alike(c).unwrap_or(c)
        } else if to_latin {
            cyrillic_to_latin_look_alike(c).unwrap_or(c)
        } else {
            c
        };
        write_latin(c, out);
    }
}

/// Whether `needle` (not empty) occurs in `haystack`. Looks at the first byte
/// before comparing slices: this runs for every fold of every name of every
/// record, and most words contain few of the folds' first letters.
fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    let Some((&first, rest)) = needle.split_first() else {
        return true;
    };
    haystack
        .iter()
        .enumerate()
        .any(|(i, &b)| b == first && haystack.get(i + 1..).is_some_and(|r| r.starts_with(rest)))
}

/// Which of the letters a-z occur in `letters`, one bit each.
const fn letter_set(mut letters: &[u8]) -> u32 {
    let mut set = 0;
    while let [letter, rest @ ..] = letters {
        if letter.is_ascii_lowercase() {
            set |= 1 << (*letter - b'a');
        }
        letters = rest;
    }
    set
}

/// The letters each of [`LATIN_FOLDS`] needs, worked out once.
// Indexing in a constant runs at compile time: out of bounds fails the build.
#[allow(clippy::indexing_slicing)]
const FOLD_LETTERS: [u32; LATIN_FOLDS.len()] = {
    let mut sets = [0; LATIN_FOLDS.len()];
    let mut i = 0;
    while i < LATIN_FOLDS.len() {
        sets[i] = letter_set(LATIN_FOLDS[i].0.as_bytes());
        i += 1;
    }
    sets
};

/// Applies [`LATIN_FOLDS`] in order to ASCII letters, in place, then collapses
/// doubled letters. Doubled letters collapse first too, so that a key folds
/// to itself: "ngg" (Чыңгыз, ң written "ng") would otherwise become "ng",
/// which the next folding turns into "n" like Чынгыз's. A fold whose letters
/// are not all in the word is not searched for: most words hold few of them.
fn fold_spelling(letters: &mut Vec<u8>) {
    letters.dedup();
    let mut present = letter_set(letters);
    for ((from, to), needed) in LATIN_FOLDS.iter().zip(FOLD_LETTERS) {
        let (from, to) = (from.as_bytes(), to.as_bytes());
        if present & needed != needed || !contains(letters, from) {
            continue;
        }
        let mut folded = Vec::with_capacity(letters.len() + 4);
        let mut rest: &[u8] = letters;
        while let Some((&letter, after)) = rest.split_first() {
            if let Some(after_from) = rest.strip_prefix(from) {
                folded.extend_from_slice(to);
                rest = after_from;
            } else {
                folded.push(letter);
                rest = after;
            }
        }
        *letters = folded;
        present = letter_set(letters);
    }
    letters.dedup();
}

/// Both forms of a name: the canonical [`name_key`] and the [`plain_latin`] spelling.
pub fn name_forms(name: &str) -> (String, String) {
    let mut key = String::with_capacity(name.len());
    let mut plain = String::with_capacity(name.len());
    for word in words(name) {
        let start = plain.len();
        if start > 0 {
            plain.push(' ');
        }
        to_latin(word, &mut plain);
        let word_start = plain.as_bytes().get(start..).unwrap_or_default();
        let mut letters = word_start.trim_ascii_start().to_vec();
        fold_spelling(&mut letters);
        // A single letter left from a word is noise (an initial), not a name.
        if letters.len() > 1 {
            if !key.is_empty() {
                key.push(' ');
            }
            key.push_str(std::str::from_utf8(&letters).unwrap_or(""));
        }
    }
    (key, plain)
}

/// The canonical key of a name (one or more words, any script, any case).
/// Words are kept in order, separated by one space.
pub fn name_key(name: &str) -> String {
    name_forms(name).0
}

/// A name in plain Latin letters, without folding spelling variants: used to
/// judge typos, which folding can make look larger ("Shiin" folds to "shin").
pub fn plain_latin(name: &str) -> String {
    name_forms(name).1
}

/// The words of a name: split on spaces, hyphens and punctuation.
pub fn words(name: &str) -> impl Iterator<Item = &str> {
    name.split(|c: char| c.is_whitespace() || matches!(c, '-' | '.' | ',' | '‐' | '–' | '_' | '/'))
        .filter(|w| !w.is_empty())
}

/// The first word of `text` and what follows it, both trimmed.
fn first_word(text: &str) -> (&str, &str) {
    let text = text.trim();
    match text.split_once(char::is_whitespace) {
        Some((word, rest)) => (word, rest.trim_start()),
        None => (text, ""),
    }
}

/// Whether `text` reads as a patronymic: a Kyrgyz marker word ("Бакыт
/// кызы"), one glued to the name ("Бакыткызы"), or a Russian ending
/// ("Бакытовна").
/// So is one typed in a hurry, as [`father_key`] reads it: a marker one
/// slip off after the father's name ("Айбек кзы", "Мелиск ызы"), or a
/// Russian ending one slip off ("Айбекоич", "Азаматоаич"); not the short
/// endings alone (Зарина ends in "на"), nor a surname's ending, one slip
/// from a patronymic's (Алтынаева, not Алтынаевна).
fn reads_as_patronymic(text: &str) -> bool {
    let key = name_key(text);
    key.split(' ').enumerate().any(|(i, word)| {
        is_patronymic_marker(word)
            || (i > 0 && is_damaged_patronymic_marker(word))
            || strip_glued_marker(word).is_some()
            || strip_suffix(word, PATRONYMIC_SUFFIXES).len() < word.len()
            || strip_damaged_patronymic_suffix(word).is_some_and(|stem| {
                // The slipped ending still has its в, or ends as -ич does:
                // -ена and -она (Милена, Симона) are one slip from -евна
                // and -овна too, and end first names (a review's find).
                let ending = word.get(stem.len()..).unwrap_or_default();
                (ending.contains('v') || ending.ends_with("ic") || ending.ends_with("ich"))
                    && strip_suffix(word, RUSSIAN_SURNAME_ENDINGS).len() == word.len()
            })
    })
}

/// Whether `text` is a patronymic and nothing else: a father's name and its
/// marker ("Бакыт уулу"), or one word with a glued marker or a Russian
/// ending ("Бакыткызы", "Петрович").
fn patronymic_alone(text: &str) -> bool {
    let key = name_key(text);
    match key.split(' ').collect::<Vec<_>>()[..] {
        [name, marker] => {
            !is_patronymic_marker(name)
                && (is_patronymic_marker(marker) || is_damaged_patronymic_marker(marker))
        }
        [word] => reads_as_patronymic(word),
        _ => false,
    }
}

/// Whether a word ends as a Russian-style surname does (-ов, -ева, -ин...):
/// a first name does not.
fn looks_like_surname(word: &str) -> bool {
    let key = name_key(word);
    strip_suffix(&key, RUSSIAN_SURNAME_ENDINGS).len() < key.len()
}

/// A person's surname, first name and patronymic as a registry's fields
/// hold them, or as one field spells them where the full name was typed
/// into it: "Асанова Айгүл Бакыт кызы" as the surname beside an empty first
/// name (or as the first name beside an empty surname), "Айгүл Бакыт кызы"
/// as the first name beside a surname and an empty patronymic (an export
/// that had one name column). A surname with its marker ("Бакыт уулу
/// Асан") keeps it; a name and a patronymic alone ("Айбек Бакыт уулу") are
/// a first name and a patronymic, or a surname and a patronymic where the
/// name ends as a surname does ("Асанов Бакыт уулу"); anything else is left
/// as written.
///
/// ```
/// use kgpin::names::split_full_name;
/// assert_eq!(
///     split_full_name("Асанова Айгүл Бакыт кызы", "", ""),
///     ("Асанова", "Айгүл", "Бакыт кызы")
/// );
/// assert_eq!(split_full_name("Асанова", "Айгүл Бакытовна", ""), ("Асанова", "Айгүл", "Бакытовна"));
/// assert_eq!(split_full_name("", "Асанова Айгүл", "Бакыт кызы"), ("Асанова", "Айгүл", "Бакыт кызы"));
/// // A name and a patronymic, no surname; a surname and a patronymic.
/// assert_eq!(split_full_name("Айбек Бакыт уулу", "", ""), ("", "Айбек", "Бакыт уулу"));
/// assert_eq!(split_full_name("", "Иван Петрович", ""), ("", "Иван", "Петрович"));
/// assert_eq!(split_full_name("Асанов Бакыт уулу", "", ""), ("Асанов", "", "Бакыт уулу"));
/// // A first name alone stays a first name.
/// assert_eq!(split_full_name("", "Айгүл", ""), ("", "Айгүл", ""));
/// // A surname that is a father's name with its marker stays whole.
/// assert_eq!(split_full_name("Бакыт уулу", "", ""), ("Бакыт уулу", "", ""));
/// // Two first names are not a patronymic.
/// assert_eq!(split_full_name("Асанова", "Анна Мария", ""), ("Асанова", "Анна Мария", ""));
/// // A father's name with its marker alone is no first name and patronymic:
/// // most often the surname, swapped into the first name's field.
/// assert_eq!(split_full_name("Айпери", "Мелис кызы", ""), ("Айпери", "Мелис кызы", ""));
/// // A marker typed in a hurry after a father's name, not a first name
/// // after a family name.
/// assert_eq!(split_full_name("Марат уулду Арсен", "", ""), ("Марат уулду", "Арсен", ""));
/// assert_eq!(split_full_name("Асанов Кыяз Бакытович", "", ""), ("Асанов", "Кыяз", "Бакытович"));
/// // A patronymic typed in a hurry is still one.
/// assert_eq!(split_full_name("Жумагулова", "Нургүл Айбек кзы", ""), ("Жумагулова", "Нургүл", "Айбек кзы"));
/// assert_eq!(split_full_name("Бакытбеков", "Темирлан Айбекоич", ""), ("Бакытбеков", "Темирлан", "Айбекоич"));
/// ```
pub fn split_full_name<'a>(
    last: &'a str,
    first: &'a str,
    patronymic: &'a str,
) -> (&'a str, &'a str, &'a str) {
    if last.trim().is_empty() && !first.trim().is_empty() {
        // The full name in the first name's field: read the same way.
        let (surname, given, father) = split_full_name(first, "", patronymic);
        if !given.is_empty() {
            return (surname, given, father);
        }
    }
    if first.trim().is_empty() {
        let whole = last.trim();
        let (surname, rest) = first_word(whole);
        // "Бакыт уулу Асан": the marker belongs to the surname. Not "кыз"
        // after a surname (Асанова Кыз Жибек: the name Кыз-Жибек, a review
        // found it cut so).
        let (marker, after_marker) = first_word(rest);
        let marker_key = name_key(marker);
        // A marker one slip off (Марат уулду Арсен, Нурлан кыды Айару) only
        // after a father's name: after a family name the word is a first
        // name (Асанов Кыяз, one letter from `kiz`). A father's name that
        // ends as a family name does (Эркин, -ин) is not read so.
        let slipped = || {
            !looks_like_surname(surname) && slipped_marker(&marker_key) && !after_marker.is_empty()
        };
        let (surname, rest) = if !marker.is_empty()
            && (is_patronymic_marker(&marker_key) || slipped())
            && !(marker_key == "kiz" && looks_like_surname(surname))
        {
            let end = whole.len() - after_marker.len();
            (whole.get(..end).unwrap_or(whole).trim_end(), after_marker)
        } else {
            (surname, rest)
        };
        if rest.is_empty() {
            return (last, first, patronymic);
        }
        // "Айбек Бакыт уулу", "Иван Петрович": a name and a patronymic, no
        // surname (people without one write so); "Асанов Бакыт уулу": a
        // surname and a patronymic, no first name (a review found the
        // father's name read as the first name, and twins merged so).
        if patronymic.trim().is_empty() && patronymic_alone(rest) {
            return if looks_like_surname(surname) {
                (surname, "", rest)
            } else {
                ("", surname, rest)
            };
        }
        let (given, father) = first_word(rest);
        // Кыз Жибек, Кыз Бурак: one first name of two words.
        if name_key(given) == "kiz" && !father.is_empty() && !father.contains(char::is_whitespace) {
            return (surname, rest, patronymic);
        }
        let patronymic = if patronymic.trim().is_empty() {
            father
        } else {
            patronymic
        };
        return (surname, given, patronymic);
    }
    if patronymic.trim().is_empty() {
        // Not a father's name with its marker alone ("Мелис кызы"): that
        // names no first name, and is most often the surname, swapped into
        // this field (an independent registry's swaps were missed so).
        let (given, father) = first_word(first);
        if !father.is_empty() && reads_as_patronymic(father) && father_key(father).is_some() {
            return (last, given, father);
        }
        // "Айгүл Эрматовна" in the surname's field and the surname alone in
        // the first name's: the fields swapped, the patronymic with the
        // name. Not a surname that is a father's name with its marker
        // (Бакыт уулу): a marker alone names no father.
        let (given, father) = first_word(last);
        let surname = first.trim();
        if !father.is_empty()
            && !surname.contains(char::is_whitespace)
            && patronymic_alone(father)
            && father_key(father).is_some()
            && !looks_like_surname(given)
        {
            return (surname, given, father);
        }
    }
    (last, first, patronymic)
}

/// Surname endings that people add or drop (a 2025 law lets people drop the
/// Russian-style suffix), in key form, longest first.
const SURNAME_SUFFIXES: &[&str] = &["ova", "eva", "ina", "ov", "ev", "in", "a"];

/// The suffixes above that no first name ends in (many end in -а).
const RUSSIAN_SURNAME_ENDINGS: &[&str] = &["ova", "eva", "ina", "ov", "ev", "in"];

/// A surname's key without its -ов/-ова/-ев/-ева (and -ин/-ина) suffix, so that
/// "Асанова", "Асанов" and "Асан" meet. Kyrgyz "уулу"/"кызы" words are dropped too.
///
/// ```
/// use kgpin::names::surname_stem;
/// assert_eq!(surname_stem("Асанова"), surname_stem("Asanov"));
/// assert_eq!(surname_stem("Асанов"), surname_stem("Асан"));
/// ```
pub fn surname_stem(surname: &str) -> String {
    surname_stem_of_key(&name_key(surname))
}

/// Whether two surnames are one surname, its suffix kept, dropped or
/// written for the other sex: one [`surname_stem`], or one surname's key the
/// other's stem (Эркин beside Эркинов: Эркин's own stem drops -ин). The
/// matcher reads its interned names so (`matching::compare`); a review
/// table marks such spellings as one name.
///
/// ```
/// use kgpin::names::one_surname;
/// assert!(one_surname("Асанова", "Асан"));
/// assert!(one_surname("Эркин", "Эркинов"));
/// assert!(!one_surname("Эркин", "Эркинбаев"));
/// ```
pub fn one_surname(a: &str, b: &str) -> bool {
    let (key_a, key_b) = (name_key(a), name_key(b));
    let (stem_a, stem_b) = (surname_stem_of_key(&key_a), surname_stem_of_key(&key_b));
    !stem_a.is_empty()
        && !stem_b.is_empty()
        && (stem_a == stem_b || key_a == stem_b || key_b == stem_a)
}

/// [`surname_stem`] of a surname already turned into its [`name_key`].
pub fn surname_stem_of_key(key: &str) -> String {
    let mut stem = String::with_capacity(key.len());
    for (_, word) in key
        .split(' ')
        .enumerate()
        .filter(|&(i, w)| !surname_marker(i, w))
    {
        if !stem.is_empty() {
            stem.push(' ');
        }
        stem.push_str(word_stem(strip_glued_marker(word).unwrap_or(word)));
    }
    stem
}

/// The longest key whose letters are counted as typed; longer keys (no
/// name is that long) are compared byte by byte.
pub(crate) const LETTERS_LONGEST: usize = 40;

/// A key's letters as typed: the folded `sh` (ш, щ, ş) and `ch` (ч, ç) are
/// one letter each, so a slip is counted once (Шерщтд for Шерзод is two
/// slips, not three; Дилноазщ for Дилноза two, not three). Keys are ASCII,
/// so the two stand-ins (`W`, `Q`, never in a key) cannot meet a letter.
pub(crate) fn letters<'a>(key: &'a [u8], out: &'a mut [u8; LETTERS_LONGEST]) -> &'a [u8] {
    if key.len() > LETTERS_LONGEST || !key.contains(&b'h') {
        return key;
    }
    let mut len = 0;
    let mut rest = key;
    while let Some((&letter, after)) = rest.split_first() {
        let (letter, after) = match (letter, after.split_first()) {
            (b's', Some((b'h', after))) => (b'W', after),
            (b'c', Some((b'h', after))) => (b'Q', after),
            _ => (letter, after),
        };
        if let Some(slot) = out.get_mut(len) {
            *slot = letter;
            len += 1;
        }
        rest = after;
    }
    out.get(..len).unwrap_or(key)
}

/// What a name key looks like from afar, kept for each name of a
/// vocabulary: enough to tell that two names are no slip apart, or have two
/// stems, without reading their text (see `matching::compare`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct NameShape {
    /// The letters present as typed ([`letters`]), each byte as bit `byte % 32`.
    pub letters: u32,
    /// A hash of the key's [`word_stem`].
    pub stem: u32,
    /// Bytes (`u16::MAX`: that many or more).
    pub len: u16,
    /// Letters as typed (`u8::MAX`: that many or more).
    pub letters_len: u8,
    /// The first byte (0 for an empty key).
    pub first: u8,
}

impl NameShape {
    /// The shape of `key`.
    pub fn of(key: &str) -> NameShape {
        use std::hash::BuildHasher;
        let mut buffer = [0; LETTERS_LONGEST];
        let typed = letters(key.as_bytes(), &mut buffer);
        NameShape {
            letters: typed.iter().fold(0, |set, &b| set | 1 << (b % 32)),
            stem: rustc_hash::FxBuildHasher.hash_one(word_stem(key)) as u32,
            len: u16::try_from(key.len()).unwrap_or(u16::MAX),
            letters_len: u8::try_from(typed.len()).unwrap_or(u8::MAX),
            first: key.as_bytes().first().copied().unwrap_or(0),
        }
    }
}

/// The stem of one word of a surname key: without its -ov/-ev (-in) suffix
/// and a final vowel. Allocation-free, for comparisons.
pub fn word_stem(word: &str) -> &str {
    strip_final_vowel(strip_suffix(word, SURNAME_SUFFIXES))
}

/// Drops a stem's final vowel: a surname stem ending in a vowel loses it
/// with the suffix when people drop the suffix (Жураев -> Жура, whose "а"
/// reads as a suffix), so both keep only "jur".
fn strip_final_vowel(stem: &str) -> &str {
    match stem.strip_suffix(['a', 'e', 'i', 'o', 'u']) {
        Some(shorter) if shorter.len() >= 3 => shorter,
        _ => stem,
    }
}

fn strip_suffix<'a>(word: &'a str, suffixes: &[&str]) -> &'a str {
    for suffix in suffixes {
        if let Some(stem) = word.strip_suffix(suffix) {
            // Keep at least three letters: "Ли" is not "Л" + a suffix.
            if stem.len() >= 3 {
                return stem;
            }
        }
    }
    word
}

/// Kyrgyz and Uzbek words that mark a patronymic: "уулу" (son of), "кызы"
/// (daughter of), "тегин", "ўғли"/"қизи" — in key form.
const PATRONYMIC_MARKERS: &[&str] = &["ulu", "uli", "ugli", "ogli", "kizi", "kiz", "tegin"];

fn is_patronymic_marker(word: &str) -> bool {
    PATRONYMIC_MARKERS.contains(&word)
}

/// Whether the `index`th word of a surname's key is a patronymic marker
/// (Бакыт уулу): as written, or after the name one slip off its first
/// letter kept (Жыргалбек кзы, Бакыт уул; not Али or Ли beside `uli`, which
/// end two-word surnames such as Мамед Али).
fn surname_marker(index: usize, word: &str) -> bool {
    is_patronymic_marker(word)
        || index > 0
            && PATRONYMIC_MARKERS
                .iter()
                .any(|marker| slip_of(word, marker))
}

/// Whether a word is a patronymic marker one slip off, its first letter
/// kept (`uldu` for уулду, `kidi` for кыды, `ul` for уул): not of `kiz`, a
/// word of three letters that first names are a slip from (Кыяз).
fn slipped_marker(word: &str) -> bool {
    PATRONYMIC_MARKERS
        .iter()
        .any(|&marker| marker != "kiz" && slip_of(word, marker))
}

/// Whether `word` is `marker` one slip off, its first letter kept.
fn slip_of(word: &str, marker: &str) -> bool {
    marker.as_bytes().first() == word.as_bytes().first()
        && within_one_edit(word.as_bytes(), marker.as_bytes())
}

/// The sex a surname and a patronymic are written for, where they tell
/// it: the patronymic's marker or ending (уулу, -ович: a man's; кызы,
/// -овна: a woman's), else the surname's (a marker, or a Russian-style
/// -ов/-ев/-ин against -ова/-ева/-ина). `None` where neither tells.
///
/// ```
/// use kgpin::{names::sex_of_names, Sex};
/// assert_eq!(sex_of_names("Садыков", "Бекболотовна"), Some(Sex::Female));
/// assert_eq!(sex_of_names("Темирлан кызы", ""), Some(Sex::Female));
/// assert_eq!(sex_of_names("Rakhimov", "Бакыткызы"), Some(Sex::Female));
/// assert_eq!(sex_of_names("Rakhimov", "Zhasurovich"), Some(Sex::Male));
/// assert_eq!(sex_of_names("Шевченко", ""), None);
/// ```
pub fn sex_of_names(surname: &str, patronymic: &str) -> Option<Sex> {
    sex_of_patronymic(patronymic).or_else(|| sex_of_surname_key(&name_key(surname)))
}

/// The sex a patronymic is written for (-овна, кызы: a daughter's; -ович,
/// уулу: a son's), where its ending or marker tells it.
///
/// ```
/// use kgpin::{names::sex_of_patronymic, Sex};
/// assert_eq!(sex_of_patronymic("Бекболотовна"), Some(Sex::Female));
/// assert_eq!(sex_of_patronymic("Асан уулу"), Some(Sex::Male));
/// assert_eq!(sex_of_patronymic(""), None);
/// ```
pub fn sex_of_patronymic(patronymic: &str) -> Option<Sex> {
    sex_of_word(
        &name_key(patronymic),
        &["na", "kizi"],
        &["ich", "ulu", "ugli", "ogli"],
    )
}

/// The sex a surname's key ([`name_key`]) is written for, where its ending
/// or marker tells it (-ова, кызы: a woman's; -ов, уулу: a man's).
///
/// ```
/// use kgpin::{names::{name_key, sex_of_surname_key}, Sex};
/// assert_eq!(sex_of_surname_key(&name_key("Абдытаева")), Some(Sex::Female));
/// assert_eq!(sex_of_surname_key(&name_key("Асан уулу")), Some(Sex::Male));
/// assert_eq!(sex_of_surname_key(&name_key("Шевченко")), None);
/// ```
pub fn sex_of_surname_key(key: &str) -> Option<Sex> {
    sex_of_word(
        key,
        &["ova", "eva", "ina", "kizi"],
        &["ov", "ev", "in", "ulu", "ugli", "ogli"],
    )
}

/// The sex a key's last word is written for by its ending (a marker read
/// as one, glued or not: Бакыткызы, Асан уулу).
fn sex_of_word(key: &str, woman: &[&str], man: &[&str]) -> Option<Sex> {
    let word = key.rsplit_once(' ').map_or(key, |(_, last)| last);
    if woman.iter().any(|ending| word.ends_with(ending)) {
        Some(Sex::Female)
    } else if man.iter().any(|ending| word.ends_with(ending)) {
        Some(Sex::Male)
    } else {
        None
    }
}

/// Markers a registry writes glued to the father's name ("Бакыткызы",
/// "Асанбекуулу", a surname or a patronymic typed without its space), in
/// key form. Not "кыз" nor a marker within one edit: names end so
/// (Абдулазиз), and a father's name never ends in "кызы" or "уулу".
const GLUED_MARKERS: &[&str] = &["kizi", "ulu", "ugli", "ogli"];

/// The father's name in a word that ends in a glued marker, when three
/// letters or more are left of it. A key collapses doubled letters, so a
/// name ending in к glued to кызы lost a к (Өмүрбеккызы is `omurbekizi`):
/// after an `e` the `k` is the name's (the -бек, -мек, -лек names), not
/// the marker's alone.
fn strip_glued_marker(word: &str) -> Option<&str> {
    GLUED_MARKERS.iter().find_map(|&marker| {
        let stem = word.strip_suffix(marker).filter(|stem| stem.len() >= 3)?;
        match marker {
            "kizi" if stem.ends_with('e') => word.get(..stem.len() + 1),
            _ => Some(stem),
        }
    })
}

/// A marker as typed in a hurry: within one edit of a marker ("кзы", "ызы",
/// "уул"). Only a word after the father's name is read so, as a name may
/// itself be one edit from a marker.
fn is_damaged_patronymic_marker(word: &str) -> bool {
    word.len() >= 2
        && PATRONYMIC_MARKERS
            .iter()
            .any(|marker| within_one_edit(word.as_bytes(), marker.as_bytes()))
}

/// Endings that make a first name's respectful or fond form, in plain
/// Latin ([`plain_latin`]): Kyrgyz -бек, Uzbek and Tajik -жон (-jon) for
/// men and -хон (-xon) for women. Documents of one person carry either form
/// (Эркин and Эркинбек, Ахмад and Ахмаджон, Мадина and Мадинахон).
const FOND_ENDINGS: &[&str] = &["bek", "zhon", "jon", "khon", "xon"];

/// Whether one first name is the other with a fond ending
/// ([`FOND_ENDINGS`]) added, both in plain Latin. The shorter has four
/// letters or more: Нурбек is a name of its own, not Нур's.
///
/// ```
/// use kgpin::names::{fond_form, plain_latin};
/// assert!(fond_form(&plain_latin("Эркин"), &plain_latin("Эркинбек")));
/// assert!(fond_form(&plain_latin("Ахмаджон"), &plain_latin("Ахмад")));
/// assert!(!fond_form(&plain_latin("Нур"), &plain_latin("Нурбек")));
/// assert!(!fond_form(&plain_latin("Эркин"), &plain_latin("Эркинбай")));
/// ```
pub fn fond_form(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    short.len() >= 4
        && long
            .strip_prefix(short)
            .is_some_and(|ending| FOND_ENDINGS.contains(&ending))
}

/// Whether `a` becomes `b` by at most two edits (letters replaced, inserted
/// or deleted, or neighbours swapped; optimal string alignment distance
/// <= 2). Allocation-free: it tries each first edit after the common
/// prefix and asks [`within_one_edit`] of the rest.
pub fn within_two_edits(a: &[u8], b: &[u8]) -> bool {
    if a.len().abs_diff(b.len()) > 2 {
        return false;
    }
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (Some(a), Some(b)) = (a.get(prefix..), b.get(prefix..)) else {
        return false;
    };
    if a.is_empty() || b.is_empty() {
        return a.len().max(b.len()) <= 2;
    }
    let rest = |x: &[u8], y: &[u8]| within_one_edit(x, y);
    let (a1, b1) = (a.get(1..).unwrap_or(&[]), b.get(1..).unwrap_or(&[]));
    rest(a1, b1) // replace
        || rest(a1, b) // delete from a
        || rest(a, b1) // insert into a
        || (a.len() >= 2
            && b.len() >= 2
            && a.first() == b.get(1)
            && a.get(1) == b.first()
            && rest(a.get(2..).unwrap_or(&[]), b.get(2..).unwrap_or(&[]))) // swap
}

/// Whether `a` becomes `b` by at most one edit: a letter replaced, inserted or
/// deleted, or two neighbours swapped (optimal string alignment distance <= 1).
/// Linear and allocation-free: this runs on millions of pairs.
pub fn within_one_edit(a: &[u8], b: &[u8]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if long.len() - short.len() > 1 {
        return false;
    }
    let prefix = short.iter().zip(long).take_while(|(x, y)| x == y).count();
    let (Some(short_rest), Some(long_rest)) = (short.get(prefix..), long.get(prefix..)) else {
        return true;
    };
    if short_rest.is_empty() {
        return true; // equal, or one letter appended
    }
    if short.len() == long.len() {
        // one replacement, or a swap of neighbours
        short_rest.get(1..) == long_rest.get(1..)
            || (short_rest.len() >= 2
                && short_rest.first() == long_rest.get(1)
                && short_rest.get(1) == long_rest.first()
                && short_rest.get(2..) == long_rest.get(2..))
    } else {
        // one insertion into the shorter
        Some(short_rest) == long_rest.get(1..)
    }
}

/// Russian-style patronymic endings, in key form, longest first.
const PATRONYMIC_SUFFIXES: &[&str] = &[
    "ovichna", "evichna", "ovich", "evich", "ovna", "evna", "ichna",
];

/// Short endings, tried after the full ones have been tried as typed and
/// within one edit: "na" would otherwise take "Ильязвна" for "Ильязв" + "на".
const SHORT_PATRONYMIC_SUFFIXES: &[&str] = &["ich", "na"];

/// A patronymic cut after its -ов/-ев (Тынаев for Тынаевич, Мукаев for
/// Мукаевна) names the father as the full one does, where four letters or
/// more are left: Яков, a father's name itself, keeps its -ов.
const CUT_PATRONYMIC_SUFFIXES: &[&str] = &["ov", "ev"];

/// The full endings, as typed in a hurry ("Эрмековн", "Беккановч",
/// "Ильязвна", "Үсөнови"), with ч as one letter `c`: a slip hits one
/// Cyrillic letter, which is two in "ch".
const DAMAGED_PATRONYMIC_SUFFIXES: &[&str] = &["ovic", "evic", "ovna", "evna"];

/// A Russian-style patronymic without its ending: exact first, then an
/// ending within one edit of a full one, then the short endings.
fn strip_patronymic_suffix(word: &str) -> &str {
    let exact = strip_suffix(word, PATRONYMIC_SUFFIXES);
    if exact.len() < word.len() {
        return exact;
    }
    if let Some(stem) = strip_damaged_patronymic_suffix(word) {
        return stem;
    }
    let short = strip_suffix(word, SHORT_PATRONYMIC_SUFFIXES);
    if short.len() < word.len() {
        return short;
    }
    match strip_suffix(word, CUT_PATRONYMIC_SUFFIXES) {
        stem if stem.len() >= 4 => stem,
        _ => word,
    }
}

/// A word without a full Russian ending one slip off ("Эрмековн",
/// "Ильязвна"), when it has one.
fn strip_damaged_patronymic_suffix(word: &str) -> Option<&str> {
    // Shortest ending first: "Ильязвна" lost the о of "овна", it did not
    // turn its з into one.
    (2..=6).find_map(|tail| {
        let cut = word.len().checked_sub(tail)?;
        let (stem, ending) = (word.get(..cut)?, word.get(cut..)?);
        let ending = ending.replace("ch", "c");
        (stem.len() >= 3
            && DAMAGED_PATRONYMIC_SUFFIXES
                .iter()
                .any(|suffix| within_one_edit(ending.as_bytes(), suffix.as_bytes())))
        .then_some(stem)
    })
}

/// The father's name that a surname written as a patronymic names ("Бакыт
/// уулу", "Асан кызы", "Бакыткызы": many write their surname so), from the
/// surname's key, in [`father_key`]'s form; `None` for any other surname.
pub(crate) fn father_in_surname_key(key: &str) -> Option<&str> {
    let name = match key.split_once(' ') {
        Some((name, marker)) if surname_marker(1, marker) && !marker.contains(' ') => name,
        Some(_) => return None,
        None => strip_glued_marker(key)?,
    };
    (!name.is_empty()).then(|| fold_name_ending(name))
}

/// Drops a final -й and vowel, which Russian patronymics rewrite:
/// Сергей -> Сергеевич, Николай -> Николаевич.
fn fold_name_ending(word: &str) -> &str {
    let word = match word.strip_suffix('i') {
        Some(stem) if stem.len() >= 3 => stem,
        _ => word,
    };
    match word.strip_suffix(['a', 'e', 'o', 'u']) {
        Some(stem) if stem.len() >= 3 => stem,
        _ => word,
    }
}

/// Whether a patronymic is only initials (Я., Ш., SH., Ж.А.): they name no
/// father. Transliterated, Я is `ya` and Ш `sh`, two letters that a key
/// would keep as a father's name far from Ясыр or Шаршен, and a pair
/// whose only difference is an initial beside the full name was two people.
fn is_initials(patronymic: &str) -> bool {
    // Read byte by byte: iterator adaptors over words cost 0.5 KB of
    // WebAssembly, `char::is_alphabetic` 2.2 KB more.
    let (mut chars, mut ascii) = (0, true);
    for &byte in patronymic.as_bytes() {
        // Words end where `words` ends them, at ASCII spaces and marks (a
        // no-break space is read as a character: rare, and then a name).
        if byte.is_ascii_whitespace() || byte.is_ascii_punctuation() {
            // Two Latin letters before a dot: one Cyrillic letter written in Latin.
            if chars > 2 || chars == 2 && !(ascii && byte == b'.') {
                return false;
            }
            (chars, ascii) = (0, true);
        } else {
            // A character starts at every byte but UTF-8's continuation bytes.
            chars += usize::from(byte & 0xC0 != 0x80);
            ascii &= byte.is_ascii();
        }
    }
    chars <= 1
}

/// The key of the father's name that a patronymic names, whatever its style:
/// "Асанбек уулу", "Асанбек кызы", "Асанбекович", "Асанбековна" and
/// "Asanbek uulu" all give the same key. `None` for an empty patronymic.
///
/// ```
/// use kgpin::names::father_key;
/// assert_eq!(father_key("Асанбек уулу"), father_key("Асанбекович"));
/// assert_eq!(father_key("Asanbek kyzy"), father_key("Асанбековна"));
/// assert_eq!(father_key(""), None);
/// ```
pub fn father_key(patronymic: &str) -> Option<String> {
    if patronymic.trim().is_empty() || is_initials(patronymic) {
        return None;
    }
    let key = name_key(patronymic);
    let mut father = String::new();
    let marker = |(i, word): (usize, &str)| {
        is_patronymic_marker(word) || (i > 0 && is_damaged_patronymic_marker(word))
    };
    let has_marker = key.split(' ').enumerate().any(marker);
    for (_, word) in key
        .split(' ')
        .enumerate()
        .filter(|&(i, w)| !w.is_empty() && !marker((i, w)))
    {
        if !father.is_empty() {
            father.push(' ');
        }
        let name = if has_marker {
            word
        } else if let Some(father) = strip_glued_marker(word) {
            father
        } else {
            strip_patronymic_suffix(word)
        };
        father.push_str(fold_name_ending(name));
    }
    (!father.is_empty()).then_some(father)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transliteration_variants_meet() {
        let groups: &[&[&str]] = &[
            &[
                "Жумагулов",
                "Zhumagulov",
                "Dzhumagulov",
                "Jumagulov",
                "ЖУМАГУЛОВ",
            ],
            &["Өмүрбеков", "Omurbekov", "Oemuerbekov", "Ömürbekov"],
            &["Түгөлбай", "Tugolbai", "Tugolbay", "Tügölbay"],
            &["Ыйманалиев", "Iimanaliev", "Yymanaliev"],
            &["Хасанов", "Khasanov", "Hasanov"],
            &["Юлия", "Yuliya", "Iuliia", "Yulia"],
            &["Айгүл", "Aigul", "Aygul", "Aigül"],
            &["Цой", "Tsoi", "Tsoy"],
            &["Щукин", "Shchukin", "Shukin"],
            &["Маңкеев", "Mankeev", "Mangkeev"],
            &["Аллахверди", "Alahverdi", "Allakhverdi"],
        ];
        for group in groups {
            let key = name_key(group[0]);
            for variant in &group[1..] {
                assert_eq!(name_key(variant), key, "{} vs {}", group[0], variant);
            }
        }
    }

    #[test]
    fn different_names_stay_apart() {
        assert_ne!(name_key("Асан"), name_key("Усон"));
        assert_ne!(name_key("Айбек"), name_key("Айбол"));
        assert_ne!(name_key("Чынара"), name_key("Шынара"));
    }

    #[test]
    fn mixed_script_look_alikes_are_fixed() {
        // "Асанов" with Latin A, c and o typed in.
        assert_eq!(name_key("Acaнoв"), name_key("Асанов"));
        // "Nurlan" with a Cyrillic а.
        assert_eq!(name_key("Nurlаn"), name_key("Nurlan"));
    }

    #[test]
    fn keys_keep_words_and_drop_noise() {
        assert_eq!(name_key("  Асан-Бек  "), "asan bek");
        assert_eq!(name_key("Д'Артаньян"), name_key("Dartanian"));
        assert_eq!(name_key(""), "");
        assert_eq!(name_key("123 !"), "");
    }

    #[test]
    fn surname_suffixes_fold() {
        assert_eq!(surname_stem("Асанова"), "asan");
        assert_eq!(surname_stem("Asanov"), "asan");
        assert_eq!(surname_stem("Асан"), "asan");
        assert_eq!(surname_stem("Бакыт уулу"), "bakit");
        assert_eq!(surname_stem("Ли"), "li");
    }

    #[test]
    fn patronymic_styles_fold_to_the_father() {
        for p in [
            "Асанбек уулу",
            "Асанбек кызы",
            "Асанбекович",
            "Асанбековна",
            "Asanbek uulu",
            "Asanbekovich",
        ] {
            assert_eq!(father_key(p).as_deref(), Some("asanbek"), "{p}");
        }
        for (patronymic, father) in [
            ("Сергеевич", "Сергей уулу"),
            ("Николаевна", "Николай кызы"),
            ("Андреевич", "Андрей уулу"),
        ] {
            assert_eq!(father_key(patronymic), father_key(father), "{patronymic}");
        }
        assert_ne!(father_key("Сергеевич"), father_key("Асанбекович"));
        assert_eq!(father_key("Анвар угли").as_deref(), Some("anvar"));
        // Cut after its -ов/-ев, a patronymic still names its father.
        for (cut, whole) in [
            ("Тынаев", "Тынаевич"),
            ("Мукаев", "Мукаевна"),
            ("Асанбеков", "Асанбековна"),
        ] {
            assert_eq!(father_key(cut), father_key(whole), "{cut}");
        }
        // Not a father's name that ends so.
        assert_eq!(father_key("Яков").as_deref(), Some("iakov"));
        assert_eq!(father_key("   "), None);
    }

    #[test]
    fn initials_name_no_father() {
        for initials in [
            "Я.", "Ш.", "SH.", "Sh.", "Ж.А.", " О. ", "Ж.-А.", "Я,Ш.", "..",
        ] {
            assert_eq!(father_key(initials), None, "{initials}");
        }
        // Two Latin letters are an initial only before a dot.
        assert_eq!(father_key("Sh").as_deref(), Some("sh"));
        // A short name is still a name, and so is one glued to its dot.
        assert_eq!(father_key("Ли уулу").as_deref(), Some("li"));
        assert_eq!(father_key("Шаршенович.").as_deref(), Some("sharshen"));
    }

    #[test]
    fn turkic_latin_letters_fold_as_their_sounds() {
        assert_eq!(name_key("Joldoşkanoviç"), name_key("Жолдошканович"));
        assert_eq!(name_key("Çıñgız"), name_key("Чыңгыз"));
        assert_eq!(name_key("Čoлpon"), name_key("Cholpon"));
        assert_eq!(name_key("Šaršenbek"), name_key("Шаршенбек"));
        assert_eq!(
            father_key("Asılmatoviç"),
            father_key("Асылматович"),
            "the ending is read once ç is ch"
        );
    }

    #[test]
    fn ng_for_the_kyrgyz_letter_gives_one_key() {
        // Found by the name-folding fuzzer: "ngg" folded to "ng", and only a
        // second folding to "n" as for Чынгыз.
        assert_eq!(name_key("Чыңгыз"), name_key("Чынгыз"));
        assert_eq!(name_key("Chyngyz"), name_key("Чыңгыз"));
        for name in ["Чыңгыз", "Жаңыл", "Маңкеев", "Chynggyz", "Xaxngg", "Kshchh"]
        {
            let key = name_key(name);
            assert_eq!(name_key(&key), key, "{name}: a key folds to itself");
        }
    }

    #[test]
    fn a_stem_ending_in_a_vowel_meets_its_suffixless_form() {
        assert_eq!(surname_stem("Жураев"), surname_stem("Жура"));
        assert_eq!(surname_stem("Жураева"), surname_stem("Жура"));
        assert_eq!(surname_stem("Ташиев"), surname_stem("Ташиева"));
        assert_ne!(surname_stem("Жураев"), surname_stem("Жумаев"));
        assert_eq!(surname_stem("Асанова"), "asan", "a consonant stays");
    }

    #[test]
    fn damaged_patronymic_markers_and_endings_still_name_the_father() {
        for (damaged, father) in [
            ("Мыктыбек кзы", "Мыктыбек кызы"),
            ("Мыктыбек ызы", "Мыктыбек кызы"),
            ("Максат улу", "Максат уулу"),
            ("Максат уул", "Максат уулу"),
            ("Эрмековн", "Эрмековна"),
            ("Беккановч", "Бекканович"),
            ("Ильязвна", "Ильязовна"),
            ("Kurmanbekovana", "Курманбековна"),
            ("Үсөнови", "Үсөнович"),
            ("Мамматбековчи", "Маматбекович"),
            ("Бакыматовиф", "Бакыматович"),
            ("Николаеви", "Николаевич"),
        ] {
            assert_eq!(father_key(damaged), father_key(father), "{damaged}");
        }
        // A marker glued to the name (typed without its space).
        for (glued, father) in [
            ("Бакыткызы", "Бакыт кызы"),
            ("Өмүрбеккызы", "Өмүрбек кызы"),
            ("Тилеккызы", "Тилек кызы"),
            ("БАКЫТКЫЗЫ", "Бакыт кызы"),
            ("Bakytkyzy", "Бакыт кызы"),
            ("Асанбекуулу", "Асанбек уулу"),
            ("Эрланугли", "Эрлан уулу"),
        ] {
            assert_eq!(father_key(glued), father_key(father), "{glued}");
        }
        assert_eq!(surname_stem("Асанбекуулу"), surname_stem("Асанбек уулу"));
        // A full name in one field, with a marker, a glued one, a Russian
        // ending, a surname with its marker, extra spaces.
        for (last, first, patronymic, parts) in [
            (
                "Асанова Айгүл Бакыт кызы",
                "",
                "",
                ("Асанова", "Айгүл", "Бакыт кызы"),
            ),
            (
                "  Асанова   Айгүл ",
                " ",
                "Бакыт кызы",
                ("Асанова", "Айгүл", "Бакыт кызы"),
            ),
            (
                "Бакыт уулу Асан Бакытович",
                "",
                "",
                ("Бакыт уулу", "Асан", "Бакытович"),
            ),
            (
                "Асанова",
                "Айгүл Бакыткызы",
                "",
                ("Асанова", "Айгүл", "Бакыткызы"),
            ),
            (
                "",
                "Asanova Aigul Bakyt kyzy",
                "",
                ("Asanova", "Aigul", "Bakyt kyzy"),
            ),
            // No surname: a name and a patronymic (the father's name was
            // read as the first name, and twins merged so); no first name:
            // a surname and a patronymic.
            ("Айбек Бакыт уулу", "", "", ("", "Айбек", "Бакыт уулу")),
            ("", "Айгүл Бакыткызы", "", ("", "Айгүл", "Бакыткызы")),
            ("", "Иван Петрович", "", ("", "Иван", "Петрович")),
            ("Асанов Бакыт уулу", "", "", ("Асанов", "", "Бакыт уулу")),
            ("Асанова Сергеевна", "", "", ("Асанова", "", "Сергеевна")),
            ("Асанова Кыз Жибек", "", "", ("Асанова", "Кыз Жибек", "")),
            // The patronymic in the first name's field typed in a hurry: a
            // marker or an ending one slip off (stop 51, from `kgpin synth`).
            (
                "Абдыкадырова",
                "Бермет Мелиск ызы",
                "",
                ("Абдыкадырова", "Бермет", "Мелиск ызы"),
            ),
            (
                "Турдубаева",
                "Салтанат Бакыт кыжы",
                "",
                ("Турдубаева", "Салтанат", "Бакыт кыжы"),
            ),
            (
                "Болотаев",
                "Нурлан Азаматоаич",
                "",
                ("Болотаев", "Нурлан", "Азаматоаич"),
            ),
            (
                "Кутманжанов",
                "Улугбек Асылаливич",
                "",
                ("Кутманжанов", "Улугбек", "Асылаливич"),
            ),
            // The fields swapped, the patronymic with the first name.
            (
                "Айгүл Эрматовна",
                "Болоттаева",
                "",
                ("Болоттаева", "Айгүл", "Эрматовна"),
            ),
            (
                "Нурлан Нурлануулу",
                "Мырзаканов",
                "",
                ("Мырзаканов", "Нурлан", "Нурлануулу"),
            ),
            (
                "Бермет Тимур кызы",
                "Төрөманова",
                "",
                ("Төрөманова", "Бермет", "Тимур кызы"),
            ),
            // A first name and a surname: -ева is not a slip of -евна.
            ("Төлгөнай Алтынаева", "", "", ("Төлгөнай", "Алтынаева", "")),
        ] {
            assert_eq!(
                split_full_name(last, first, patronymic),
                parts,
                "{last}|{first}"
            );
        }
        // Left as written: a first name of two words without a patronymic's
        // look, a patronymic already given, a lone surname or first name.
        for fields in [
            ("Асанова", "Анна Мария", ""),
            ("Асанова", "Айгүл Зарина", ""),
            ("Иванова", "Светлана Ирина", ""),
            ("Петрова", "Жанна Мадина", ""),
            ("Асанова", "Айгүл Милена", ""),
            ("Иванова", "Анна Симона", ""),
            ("Асанова", "Айгүл Бакыт кызы", "Бакыт кызы"),
            ("Асанова", "", ""),
            ("", "Айгүл", ""),
            ("Бакыт уулу", "", ""),
            ("Бакыт уулу", "Асан", ""),
            ("Асанов Бакыт", "Асан", ""),
            ("", "", ""),
            (" ", "", "Бакыт кызы"),
        ] {
            assert_eq!(split_full_name(fields.0, fields.1, fields.2), fields);
        }
        // A name that ends in a marker's letters stays whole.
        assert_eq!(father_key("Абдулазиз"), Some("abdulaziz".into()));
        assert_ne!(father_key("Абдулазиз"), father_key("Абдула кызы"));
        // The father's own name is never read as a marker.
        assert_eq!(father_key("Кази уулу"), father_key("Кази кызы"));
        assert!(father_key("Кази уулу").is_some_and(|f| f.starts_with("kaz")));
        assert_ne!(father_key("Эрмековн"), father_key("Эрланович"));
    }

    /// The Latin spelling without the one-script shortcuts and the direct
    /// lower case: every letter lowered by Unicode's tables, then the
    /// general path.
    fn to_latin_by_tables(word: &str) -> String {
        let mut out = String::new();
        write_one_script(word.chars().flat_map(char::to_lowercase), &mut out);
        out
    }

    proptest::proptest! {
        #[test]
        fn the_shortcuts_write_what_the_tables_write(
            word in "[a-zA-Zа-яА-ЯёЁүҮөӨңҢіІўЎғҒқҚҳҲәӘçÇşŞöÖüÜıİğĞéÉ0-9'ъЬ-]{0,12}"
        ) {
            let mut fast = String::new();
            to_latin(&word, &mut fast);
            proptest::prop_assert_eq!(fast, to_latin_by_tables(&word));
        }
    }
}
