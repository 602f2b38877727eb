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

/// Latin letters with diacritics as used in Kyrgyz, Uzbek and Turkish Latin spellings.
fn fold_latin_diacritic(c: char) -> char {
    match c {
        'ö' | 'ó' | 'ò' | 'ô' | 'õ' | 'ø' => 'o',
        'ü' | 'ú' | 'ù' | 'û' => 'u',
        'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' | 'ə' => 'a',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'í' | 'ì' | 'î' | 'ï' | 'ı' => 'i',
        'ñ' | 'ń' => 'n',
        'ç' => 'c',
        'ş' | 'š' => 's',
        'ğ' => 'g',
        'ž' => 'z',
        'č' => 'c',
        other => other,
    }
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

/// Writes one word as lower-case Latin letters. A word typed in mixed scripts
/// ("Acaнов" with a Latin A and c) is first made one script, when all the odd
/// letters have look-alikes there: Cyrillic is preferred, as registries are.
fn to_latin(word: &str, out: &mut String) {
    let lower = word.chars().flat_map(char::to_lowercase);
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
        if is_cyrillic(c) {
            out.push_str(cyrillic_to_latin(c));
        } else {
            let c = fold_latin_diacritic(c);
            if c.is_ascii_alphabetic() {
                out.push(c);
            }
        }
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
        .any(|(i, &b)| b == first && haystack[i + 1..].starts_with(rest))
}

/// Applies [`LATIN_FOLDS`] in order to ASCII letters, in place, then collapses doubled letters.
fn fold_spelling(letters: &mut Vec<u8>) {
    for (from, to) in LATIN_FOLDS {
        let (from, to) = (from.as_bytes(), to.as_bytes());
        if !contains(letters, from) {
            continue;
        }
        let mut folded = Vec::with_capacity(letters.len() + 4);
        let mut i = 0;
        while i < letters.len() {
            if letters[i..].starts_with(from) {
                folded.extend_from_slice(to);
                i += from.len();
            } else {
                folded.push(letters[i]);
                i += 1;
            }
        }
        *letters = folded;
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
        let mut letters = plain.as_bytes()[start..].trim_ascii_start().to_vec();
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

/// Surname endings that people add or drop (a 2025 law lets people drop the
/// Russian-style suffix), in key form, longest first.
const SURNAME_SUFFIXES: &[&str] = &["ova", "eva", "ina", "ov", "ev", "in", "a"];

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

/// [`surname_stem`] of a surname already turned into its [`name_key`].
pub fn surname_stem_of_key(key: &str) -> String {
    let mut stem = String::with_capacity(key.len());
    for word in key.split(' ').filter(|w| !is_patronymic_marker(w)) {
        if !stem.is_empty() {
            stem.push(' ');
        }
        stem.push_str(strip_suffix(word, SURNAME_SUFFIXES));
    }
    stem
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
fn is_patronymic_marker(word: &str) -> bool {
    matches!(
        word,
        "ulu" | "uli" | "ugli" | "ogli" | "kizi" | "kiz" | "tegin"
    )
}

/// Russian-style patronymic endings, in key form, longest first.
const PATRONYMIC_SUFFIXES: &[&str] = &[
    "ovichna", "evichna", "ovich", "evich", "ovna", "evna", "ichna", "ich", "na",
];

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
    if patronymic.trim().is_empty() {
        return None;
    }
    let key = name_key(patronymic);
    let mut father = String::new();
    let has_marker = key.split(' ').any(is_patronymic_marker);
    for word in key
        .split(' ')
        .filter(|w| !w.is_empty() && !is_patronymic_marker(w))
    {
        if !father.is_empty() {
            father.push(' ');
        }
        let name = if has_marker {
            word
        } else {
            strip_suffix(word, PATRONYMIC_SUFFIXES)
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
        assert_eq!(father_key("   "), None);
    }
}
