//! Names damaged as registries damage them, for the country profile: the
//! slips clerks make at a keyboard (a neighbouring key, a letter dropped,
//! doubled or swapped, one or two at a time, now and then in the first
//! letter), patronymic markers and endings half typed, Kyrgyz letters lost
//! on keyboards without them, and Turkish-style Latin spellings.
//!
//! The engine's own idea of a slip must not shape this file: the shapes here
//! come from the kinds of damage found in missed pairs of registries that
//! `kgpin synth` did not write (see issue 16), not from what `kgpin` folds.

use crate::rng::Rng;

/// The Russian ЙЦУКЕН keyboard, row by row: a slip hits a neighbouring key.
const CYRILLIC_ROWS: [&str; 3] = ["йцукенгшщзхъ", "фывапролджэ", "ячсмитьбю"];
/// The QWERTY keyboard, row by row, for names already written in Latin.
const LATIN_ROWS: [&str; 3] = ["qwertyuiop", "asdfghjkl", "zxcvbnm"];

/// A key next to `c` on its keyboard (same row or the rows above and below), or `c`.
fn neighbour(c: char, rng: &mut Rng) -> char {
    let lower = c.to_lowercase().next().unwrap_or(c);
    let rows = if lower.is_ascii_alphabetic() {
        LATIN_ROWS
    } else {
        CYRILLIC_ROWS
    };
    let rows: Vec<Vec<char>> = rows.iter().map(|r| r.chars().collect()).collect();
    let Some((row, col)) = rows
        .iter()
        .enumerate()
        .find_map(|(i, r)| r.iter().position(|&k| k == lower).map(|j| (i, j)))
    else {
        return c;
    };
    let mut near = Vec::with_capacity(6);
    for keys in rows.iter().skip(row.saturating_sub(1)).take(3.min(row + 2)) {
        for k in col.saturating_sub(1)..=col + 1 {
            if let Some(&key) = keys.get(k) {
                if key != lower {
                    near.push(key);
                }
            }
        }
    }
    if near.is_empty() {
        return c;
    }
    let key = *rng.pick(&near);
    if c.is_uppercase() {
        key.to_uppercase().next().unwrap_or(key)
    } else {
        key
    }
}

/// One keyboard slip at a random place: a neighbouring key, a letter
/// dropped, doubled or swapped with the next, or a neighbour's letter
/// slipped in. The first letter is hit far less often than the others.
fn one_slip(chars: &mut Vec<char>, rng: &mut Rng) {
    if chars.len() < 2 {
        return;
    }
    let i = if rng.chance(0.08) {
        0
    } else {
        1 + rng.below(chars.len() - 1)
    };
    match rng.below(100) {
        0..=39 => chars[i] = neighbour(chars[i], rng),
        40..=61 if chars.len() > 3 => {
            chars.remove(i);
        }
        62..=76 => chars.insert(i, chars[i]),
        77..=91 if i + 1 < chars.len() => chars.swap(i, i + 1),
        _ => {
            let extra = neighbour(chars[i], rng);
            let extra = extra.to_lowercase().next().unwrap_or(extra);
            chars.insert((i + 1).min(chars.len()), extra);
        }
    }
}

/// A name with one slip, or two in a name of six letters or more (a third
/// of those): the damage a tired hand does to one field.
pub fn keyboard_slips(name: &str, rng: &mut Rng) -> String {
    let mut chars: Vec<char> = name.chars().collect();
    let letters = chars.iter().filter(|c| c.is_alphabetic()).count();
    let slips = if letters >= 6 && rng.chance(0.33) {
        2
    } else {
        1
    };
    for _ in 0..slips {
        one_slip(&mut chars, rng);
    }
    let slipped: String = chars.into_iter().collect();
    if slipped == name {
        // A neighbour-less letter drew no slip: drop one instead.
        let mut chars: Vec<char> = name.chars().collect();
        if chars.len() > 3 {
            chars.remove(1 + rng.below(chars.len() - 1));
        }
        return chars.into_iter().collect();
    }
    slipped
}

/// A patronymic with its marker or Russian ending half typed ("кызы" as
/// "кзы", "Эрмековна" as "Эрмековн"), or a slip in the father's name.
pub fn damaged_patronymic(patronymic: &str, rng: &mut Rng) -> String {
    let markers: [(&str, &[&str]); 2] = [
        ("кызы", &["кзы", "ызы", "кыз", "кизи", "кызи"]),
        ("уулу", &["улу", "уул", "уллу", "уулуу"]),
    ];
    if rng.chance(0.5) {
        for (marker, damaged) in markers {
            if let Some(father) = patronymic.strip_suffix(marker) {
                return format!("{father}{}", rng.pick(damaged));
            }
        }
        for (ending, damaged) in [
            ("овна", &["овн", "ована", "вна", "овнаа"][..]),
            ("евна", &["евн", "ева", "вна"]),
            ("ович", &["ови", "овч", "овичь", "вич"]),
            ("евич", &["еви", "евч", "вич"]),
        ] {
            if let Some(stem) = patronymic.strip_suffix(ending) {
                return format!("{stem}{}", rng.pick(damaged));
            }
        }
    }
    // A slip in the father's name itself (not in the marker).
    match patronymic.split_once(' ') {
        Some((father, marker)) => format!("{} {marker}", keyboard_slips(father, rng)),
        None => keyboard_slips(patronymic, rng),
    }
}

/// Kyrgyz letters lost on a Russian keyboard: ү as у, ө as о or е, ң as н or нг.
pub fn kyrgyz_letters_lost(text: &str, rng: &mut Rng) -> String {
    let e_for_o = rng.chance(0.3);
    let ng = rng.chance(0.4);
    let mut out = String::with_capacity(text.len() + 4);
    for c in text.chars() {
        match c {
            'ү' => out.push('у'),
            'Ү' => out.push('У'),
            'ө' => out.push(if e_for_o { 'е' } else { 'о' }),
            'Ө' => out.push(if e_for_o { 'Е' } else { 'О' }),
            'ң' => out.push_str(if ng { "нг" } else { "н" }),
            'Ң' => out.push_str(if ng { "НГ" } else { "Н" }),
            other => out.push(other),
        }
    }
    out
}

/// Whether a text carries a letter that [`kyrgyz_letters_lost`] changes.
pub fn has_kyrgyz_letters(text: &str) -> bool {
    text.chars()
        .any(|c| matches!(c, 'ү' | 'Ү' | 'ө' | 'Ө' | 'ң' | 'Ң'))
}

/// A Turkish-style Latin spelling (as on a Turkish or Kazakh keyboard):
/// ч as ç, ш as ş, ж as j or c, ү as ü, ө as ö, ы as ı, ң as ñ.
pub fn turkic_latin(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 4);
    for c in text.chars() {
        let upper = c.is_uppercase();
        let lower = c.to_lowercase().next().unwrap_or(c);
        let latin = match lower {
            'а' => "a",
            'б' => "b",
            'в' => "v",
            'г' => "g",
            'д' => "d",
            'е' | 'э' => "e",
            'ё' => "yo",
            'ж' => "j",
            'з' => "z",
            'и' => "i",
            'й' => "y",
            'к' => "k",
            'л' => "l",
            'м' => "m",
            'н' => "n",
            'ң' => "ñ",
            'о' => "o",
            'ө' => "ö",
            'п' => "p",
            'р' => "r",
            'с' => "s",
            'т' => "t",
            'у' => "u",
            'ү' => "ü",
            'ф' => "f",
            'х' => "h",
            'ц' => "ts",
            'ч' => "ç",
            'ш' => "ş",
            'щ' => "şç",
            'ъ' | 'ь' => "",
            'ы' => "ı",
            'ю' => "yu",
            'я' => "ya",
            _ => {
                out.push(c);
                continue;
            }
        };
        crate::spelling::push_cased(&mut out, latin, upper);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slips_change_a_name_by_one_or_two_edits() {
        let mut rng = Rng::new(3);
        let mut two = 0;
        for _ in 0..500 {
            let slipped = keyboard_slips("Нургүл", &mut rng);
            assert_ne!(slipped, "Нургүл");
            let distance = strsim::osa_distance("Нургүл", &slipped);
            assert!((1..=2).contains(&distance), "{slipped}");
            two += usize::from(distance == 2);
        }
        assert!(two > 50, "two-edit slips are drawn: {two}");
    }

    #[test]
    fn damaged_markers_and_letters_look_as_typed() {
        let mut rng = Rng::new(1);
        let damaged: Vec<String> = (0..200)
            .map(|_| damaged_patronymic("Эрмек кызы", &mut rng))
            .collect();
        assert!(damaged.iter().any(|p| p == "Эрмек кзы"));
        assert!(damaged.iter().all(|p| p != "Эрмек кызы"));
        assert_eq!(turkic_latin("Чыңгыз Шүкүров"), "Çıñgız Şükürov");
        let lost = kyrgyz_letters_lost("Чыңгыз Өмүрбеков", &mut Rng::new(2));
        assert!(!has_kyrgyz_letters(&lost), "{lost}");
    }
}
