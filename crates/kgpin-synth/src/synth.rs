//! A synthetic registry with known truth: realistic Kyrgyz, Russian and Uzbek
//! people, and every kind of duplicate the field knows (double PINs with
//! transliterations, typos, suffix and patronymic changes, marriage surnames,
//! swapped fields, missing dates, damaged PINs; repeated records; shared PINs),
//! plus the hard negatives that must never be merged (twins, namesakes).
//!
//! Deterministic for a seed: the generator carries its own SplitMix64, so the
//! data does not change when a dependency's random streams do.

use std::collections::HashMap;

use kgpin::date::{days_in_month, Date};
use kgpin::registry::{push_csv_line, COLUMNS};
use kgpin::sex::Sex;

pub use crate::rng::Rng;
use crate::spelling::push_cased;

const KY_MALE: &[&str] = &[
    "Нурлан",
    "Бакыт",
    "Айбек",
    "Азамат",
    "Эрлан",
    "Улан",
    "Канат",
    "Алмаз",
    "Тимур",
    "Мирлан",
    "Нурбек",
    "Бекзат",
    "Адилет",
    "Чыңгыз",
    "Медер",
    "Максат",
    "Талант",
    "Данияр",
    "Дастан",
    "Элдияр",
    "Нурсултан",
    "Өмүрбек",
    "Төлөгөн",
    "Жаныбек",
    "Кубанычбек",
    "Сүйүнбек",
    "Асылбек",
    "Мелис",
    "Замир",
    "Курманбек",
    "Сапар",
    "Үсөн",
    "Асан",
    "Жыргалбек",
    "Темирлан",
    "Бекболот",
    "Жоомарт",
    "Эмил",
    "Искендер",
    "Бактыбек",
    "Кайрат",
    "Марат",
    "Ырысбек",
    "Аманбек",
    "Төрөбек",
    "Жеңишбек",
    "Мыктыбек",
    "Кылычбек",
    "Ормон",
    "Түгөлбай",
    "Шайлообек",
    "Ысмайыл",
    "Ильяз",
];
const KY_FEMALE: &[&str] = &[
    "Айгүл",
    "Бермет",
    "Гүлнара",
    "Жылдыз",
    "Нургүл",
    "Чынара",
    "Айжан",
    "Мээрим",
    "Асель",
    "Динара",
    "Элнура",
    "Акылай",
    "Бегимай",
    "Айзада",
    "Нурзат",
    "Айдана",
    "Салтанат",
    "Назгүл",
    "Гүлмира",
    "Каныкей",
    "Сезим",
    "Төлгөнай",
    "Үмүт",
    "Эльмира",
    "Айсулуу",
    "Кундуз",
    "Жазгүл",
    "Айпери",
    "Гүлзат",
    "Мөлмөлбүбү",
    "Чолпон",
    "Санжар",
    "Алтынай",
    "Бурулай",
    "Жибек",
    "Күмүшай",
    "Назира",
    "Перизат",
    "Айнура",
    "Толкун",
    "Урмат",
    "Жаңыл",
    "Зуура",
    "Ширин",
    "Таттыбүбү",
];
const RU_MALE: &[&str] = &[
    "Александр",
    "Сергей",
    "Андрей",
    "Дмитрий",
    "Владимир",
    "Николай",
    "Алексей",
    "Евгений",
    "Игорь",
    "Михаил",
    "Юрий",
    "Виктор",
    "Олег",
    "Павел",
    "Иван",
    "Максим",
    "Артём",
    "Денис",
    "Роман",
    "Василий",
];
const RU_FEMALE: &[&str] = &[
    "Елена",
    "Ольга",
    "Наталья",
    "Татьяна",
    "Ирина",
    "Светлана",
    "Юлия",
    "Анна",
    "Мария",
    "Екатерина",
    "Людмила",
    "Галина",
    "Валентина",
    "Оксана",
    "Марина",
    "Надежда",
    "Вера",
    "Ксения",
    "Дарья",
];
const UZ_MALE: &[&str] = &[
    "Рустам",
    "Шерзод",
    "Бахтиёр",
    "Жахонгир",
    "Улугбек",
    "Фаррух",
    "Дилшод",
    "Азиз",
    "Ахмаджон",
    "Ибрагим",
    "Отабек",
    "Санжар",
    "Бобур",
    "Илхом",
    "Хуршид",
    "Шухрат",
    "Анвар",
    "Равшан",
];
const UZ_FEMALE: &[&str] = &[
    "Дилноза",
    "Гулнора",
    "Зарина",
    "Мухаббат",
    "Нилуфар",
    "Шахноза",
    "Феруза",
    "Малика",
    "Севара",
    "Мадина",
    "Дильфуза",
    "Гулчехра",
    "Умида",
    "Нодира",
    "Мохира",
    "Зулфия",
];
const KY_SURNAMES: &[&str] = &[
    "Асанов",
    "Жумагулов",
    "Бакиев",
    "Токтогулов",
    "Осмонов",
    "Садыков",
    "Абдыкадыров",
    "Мамытов",
    "Касымов",
    "Турдубаев",
    "Сыдыков",
    "Эсенов",
    "Өмүрбеков",
    "Үсөнов",
    "Шаршеев",
    "Чыныбаев",
    "Кадыров",
    "Жээнбеков",
    "Сатыбалдиев",
    "Ормонов",
    "Алымкулов",
    "Токтосунов",
    "Бекболотов",
    "Иманалиев",
    "Ниязбеков",
    "Таштанбеков",
    "Маматов",
    "Кенжебаев",
    "Тыныбеков",
    "Жолдошев",
    "Мурзакматов",
    "Акматов",
    "Исаков",
    "Абдрахманов",
    "Байзаков",
    "Сагынбаев",
    "Курманалиев",
    "Төлөгөнов",
    "Дүйшөнбиев",
    "Момунов",
    "Табалдиев",
    "Кочкоров",
    "Жусупов",
    "Сулайманов",
    "Эшимов",
    "Айтматов",
    "Болотбеков",
    "Нурматов",
    "Шамшиев",
    "Мадылбаев",
    "Ташиев",
    "Жапаров",
    "Үмөталиев",
    "Ысмайылов",
    "Кыдыралиев",
    "Эркинбаев",
    "Абдылдаев",
    "Карыпбеков",
    "Аскаров",
];
const RU_SURNAMES: &[&str] = &[
    "Иванов",
    "Смирнов",
    "Кузнецов",
    "Попов",
    "Васильев",
    "Петров",
    "Соколов",
    "Михайлов",
    "Новиков",
    "Фёдоров",
    "Морозов",
    "Волков",
    "Ким",
    "Цой",
    "Пак",
    "Лебедев",
    "Семёнов",
    "Егоров",
    "Павлов",
    "Козлов",
    "Степанов",
    "Николаев",
    "Орлов",
    "Андреев",
    "Макаров",
    "Никитин",
];
const UZ_SURNAMES: &[&str] = &[
    "Юсупов",
    "Каримов",
    "Рахимов",
    "Алиев",
    "Назаров",
    "Ахмедов",
    "Турсунов",
    "Хакимов",
    "Эргашев",
    "Мирзаев",
    "Усманов",
    "Абдуллаев",
    "Раджабов",
    "Холматов",
    "Исмаилов",
    "Шарипов",
];
/// Kyrgyz names are often compounds (Асыл+бек, Төрө+бай); fathers' names and the
/// surnames made from them (+ов/+ев) are drawn from these parts for realistic variety.
const KY_NAME_STARTS: &[&str] = &[
    "Асыл",
    "Нур",
    "Бакыт",
    "Төрө",
    "Жаны",
    "Кубан",
    "Сүйүн",
    "Ак",
    "Кара",
    "Мырза",
    "Тилек",
    "Болот",
    "Эсен",
    "Эр",
    "Кутман",
    "Ырыс",
    "Темир",
    "Алтын",
    "Сары",
    "Кыдыр",
    "Осмон",
    "Мамат",
    "Токто",
    "Жусуп",
    "Абды",
    "Шер",
    "Таш",
    "Бай",
    "Кең",
    "Өмүр",
    "Үсөн",
    "Дөөлөт",
    "Жолдош",
    "Самат",
    "Айт",
    "Бек",
    "Кадыр",
    "Калык",
    "Орозо",
    "Сыдык",
    "Турду",
    "Чоң",
    "Эмил",
    "Жума",
    "Исма",
    "Касым",
];
const KY_NAME_ENDS: &[&str] = &[
    "бек",
    "бай",
    "али",
    "кул",
    "мат",
    "ман",
    "болот",
    "жан",
    "тай",
    "кан",
    "бек",
    "ай",
];
/// Uzbek compound names (Абдул+азиз, Нур+улла) for fathers and the surnames made from them.
const UZ_NAME_STARTS: &[&str] = &[
    "Абдул",
    "Ахмад",
    "Бахтиёр",
    "Давлат",
    "Икром",
    "Жамол",
    "Камол",
    "Мухаммад",
    "Нур",
    "Рахмон",
    "Сайид",
    "Умар",
    "Хайрулла",
    "Шукур",
    "Юнус",
    "Зариф",
    "Гафур",
    "Собир",
    "Комил",
    "Мирза",
    "Азим",
    "Хаким",
    "Рашид",
    "Салим",
    "Карим",
    "Баходир",
    "Одил",
    "Толиб",
    "Фозил",
    "Анвар",
];
const UZ_NAME_ENDS: &[&str] = &["", "жон", "бек", "улла", "али", "мурод", "хон"];
/// Russian surnames are many: roots with -ов/-ин/-ев, beside the common list.
const RU_SURNAME_ROOTS: &[&str] = &[
    "Бел",
    "Чернов",
    "Сер",
    "Кудряв",
    "Голуб",
    "Ворон",
    "Сорок",
    "Медвед",
    "Зайц",
    "Гус",
    "Орл",
    "Журавл",
    "Воробь",
    "Синиц",
    "Плотник",
    "Мельник",
    "Рыбак",
    "Гончар",
    "Бондар",
    "Столяр",
    "Пахом",
    "Тимоф",
    "Григорь",
    "Фомин",
    "Ермак",
    "Антон",
    "Комар",
    "Карп",
    "Щеглов",
    "Дроздов",
    "Баран",
    "Быков",
    "Лис",
    "Соловь",
    "Жук",
    "Муравь",
    "Тарас",
    "Фрол",
    "Лавр",
    "Поляк",
];
const RU_SURNAME_ENDINGS: &[&str] = &["ов", "ин", "ев", "ых"];
const SOURCES: &[&str] = &["tax", "social_fund", "passport", "civil_registry"];

/// Which population the generator draws.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Profile {
    /// Varied names, namesakes and twins at everyday rates.
    #[default]
    Standard,
    /// As hard as the country: a heavy head of popular first names (many
    /// Айгерим, Нурлан, Азамат), villages where a few surname stems and
    /// fathers' names are shared by most people, and many more namesakes,
    /// some born days or months apart, with the same father's name. With the
    /// `evaluation` feature (the web worker's demo data goes without).
    #[cfg(feature = "evaluation")]
    Country,
}

/// The labels of the truth file's `kind` column: what a row is, so the
/// evaluation can report recall by kind of duplicate and false merges by
/// kind of hard negative.
pub mod kind {
    /// An entity's first row.
    pub const ORIGINAL: &str = "original";
    /// Another PIN for the same person (the double-PIN problem).
    pub const SECOND_PIN: &str = "second_pin";
    /// The second PIN's date part has a slip (swapped day/month, one digit,
    /// two neighbouring digits swapped).
    pub const PIN_DATE_SLIP: &str = "pin_date_slip";
    /// The same PIN recorded again.
    pub const REPEAT: &str = "repeat";
    /// The PIN damaged by a spreadsheet or a hand.
    pub const DAMAGED_PIN: &str = "damaged_pin";
    /// Names written in Latin letters.
    pub const TRANSLIT: &str = "translit";
    /// A slip in the first name or surname.
    pub const NAME_TYPO: &str = "name_typo";
    /// The -ov/-ova ending dropped, or written in capitals.
    pub const SUFFIX_OR_CASE: &str = "suffix_or_case";
    /// The father's name written in the other style (uulu / -ovich).
    pub const PATRONYMIC_STYLE: &str = "patronymic_style";
    /// A woman's new surname after marriage.
    pub const MARRIAGE: &str = "marriage";
    /// First name and surname in each other's fields.
    pub const SWAPPED_FIELDS: &str = "swapped_fields";
    /// No birth date written.
    pub const DATE_MISSING: &str = "date_missing";
    /// No father's name written.
    pub const PATRONYMIC_MISSING: &str = "patronymic_missing";
    /// A slip in the father's name, or its marker or ending half typed
    /// ("кзы" for "кызы", "Эрмековн"). Country profile.
    pub const PATRONYMIC_TYPO: &str = "patronymic_typo";
    /// Names in Turkish-style Latin letters (ç, ş, ı, ñ, ö, ü). Country profile.
    pub const TURKIC_LATIN: &str = "turkic_latin";
    /// Kyrgyz letters lost on a Russian keyboard (ү as у, ө as о or е, ң as н
    /// or нг). Country profile.
    pub const KYRGYZ_LETTERS_LOST: &str = "kyrgyz_letters_lost";
    /// The second PIN was issued from a mistyped birth date and that wrong
    /// date was stored with it, so each record's PIN confirms its own date.
    /// Country profile.
    pub const PIN_DATE_SLIP_STORED: &str = "pin_date_slip_stored";
    /// A slip in the stated birth date (a digit, two neighbouring digits,
    /// or day and month swapped); the PIN is as issued. Country profile.
    pub const DATE_TYPO: &str = "date_typo";
    /// The names typed as one: the full name in the surname's field (the
    /// first name and patronymic left empty), the first name and patronymic
    /// in the first name's field, or the patronymic's marker glued to the
    /// father's name ("Бакыткызы"), as an export with one name column
    /// leaves them. Country profile.
    pub const ONE_NAME_FIELD: &str = "one_name_field";
    /// Hard negative: twins (same family and birthday, own first names).
    pub const TWIN: &str = "twin";
    /// Hard negative: the same full name and birthday, another father.
    pub const NAMESAKE: &str = "namesake";
    /// Hard negative: the same surname, first name and father's name, born
    /// days or months apart (each PIN carries its own date).
    pub const NAMESAKE_NEAR_DATE: &str = "namesake_near_date";
    /// Hard negative: another person given this person's PIN.
    pub const SHARED_PIN: &str = "shared_pin";
    /// The hard-negative kinds, for reports.
    pub const HARD_NEGATIVES: &[&str] = &[TWIN, NAMESAKE, NAMESAKE_NEAR_DATE, SHARED_PIN];
}

/// A village: most of its people share a few surname stems and fathers' names.
#[derive(Debug, Clone)]
struct Village {
    surnames: Vec<String>,
    fathers: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Origin {
    Kyrgyz,
    Russian,
    Uzbek,
}

/// One generated person (an entity of the truth).
#[derive(Debug, Clone)]
struct Entity {
    id: usize,
    origin: Origin,
    sex: Sex,
    first: String,
    last: String,
    father: String,
    kyrgyz_patronymic: bool,
    birth: Date,
    pin: String,
}

/// One generated row, as written to the CSV.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub record_id: String,
    pub pin: String,
    pub last_name: String,
    pub first_name: String,
    pub patronymic: String,
    pub birth_date: String,
    pub sex: String,
    pub source: String,
    pub entity_id: String,
    /// What this row is, for the truth file: `original` (an entity's first
    /// row), a duplicate's labels (`second_pin;marriage`), or a hard
    /// negative's kind (`twin`, `namesake`, ...): the labels of [`kind`].
    /// Without the `evaluation` feature every row says `original`.
    pub kind: String,
    /// For a hard negative, the entity it must not be merged with.
    pub related_entity: String,
}

impl Row {
    /// The header: every column the registry reader knows, in its order.
    pub fn header() -> impl Iterator<Item = &'static str> {
        COLUMNS.iter().map(|column| column.name)
    }

    /// The fields in [`Row::header`] order; a column the generator does not
    /// fill is written empty.
    pub fn fields(&self) -> impl Iterator<Item = &str> {
        COLUMNS.iter().map(|column| self.value(column.name))
    }

    fn value(&self, column: &str) -> &str {
        match column {
            "record_id" => &self.record_id,
            "pin" => &self.pin,
            "last_name" => &self.last_name,
            "first_name" => &self.first_name,
            "patronymic" => &self.patronymic,
            "birth_date" => &self.birth_date,
            "sex" => &self.sex,
            "source" => &self.source,
            _ => "",
        }
    }
}

/// The rows as a registry CSV file (`,`-separated, UTF-8, header first),
/// quoting a field only where it must be.
pub fn to_csv(rows: &[Row]) -> String {
    let mut out = String::with_capacity(rows.len() * 100);
    push_csv_line(&mut out, Row::header(), b',', "\n");
    for row in rows {
        push_csv_line(&mut out, row.fields(), b',', "\n");
    }
    out
}

/// How a person's surname is written for a sex: Асанов / Асанова.
fn surname_for(base: &str, sex: Sex) -> String {
    match sex {
        Sex::Female
            if base.ends_with("ов")
                || base.ends_with("ев")
                || base.ends_with("ёв")
                || base.ends_with("ин") =>
        {
            format!("{base}а")
        }
        _ => base.to_string(),
    }
}

/// A Russian-style patronymic from a father's name: Асанбек -> Асанбекович / Асанбековна.
fn russian_patronymic(father: &str, sex: Sex) -> String {
    let (stem, soft) = if let Some(stem) = father.strip_suffix("ий") {
        (format!("{stem}и"), true)
    } else if let Some(stem) = father.strip_suffix('й') {
        (stem.to_string(), true)
    } else if let Some(stem) = father.strip_suffix('а') {
        (stem.to_string(), false)
    } else {
        (father.to_string(), false)
    };
    let ending = match (soft, sex) {
        (true, Sex::Male) => "евич",
        (true, Sex::Female) => "евна",
        (false, Sex::Male) => "ович",
        (false, Sex::Female) => "овна",
    };
    format!("{stem}{ending}")
}

fn patronymic_of(e: &Entity, kyrgyz_style: bool) -> String {
    if kyrgyz_style {
        let word = if e.sex == Sex::Male {
            "уулу"
        } else {
            "кызы"
        };
        format!("{} {word}", e.father)
    } else {
        russian_patronymic(&e.father, e.sex)
    }
}

/// Latin spellings people and agencies use for Cyrillic letters; each scheme is one habit.
fn latinize(text: &str, scheme: usize) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let upper = c.is_uppercase();
        let lower = c.to_lowercase().next().unwrap_or(c);
        let latin: &str = match (lower, scheme % 3) {
            ('а', _) => "a",
            ('б', _) => "b",
            ('в', _) => "v",
            ('г', _) => "g",
            ('д', _) => "d",
            ('е', 0) | ('е', 2) => "e",
            ('е', _) => "ye",
            ('ё', _) => "yo",
            ('ж', 0) => "zh",
            ('ж', 1) => "j",
            ('ж', _) => "dzh",
            ('з', _) => "z",
            ('и', _) => "i",
            ('й', 0) => "i",
            ('й', _) => "y",
            ('к', _) => "k",
            ('л', _) => "l",
            ('м', _) => "m",
            ('н', _) => "n",
            ('ң', 1) => "ng",
            ('ң', _) => "n",
            ('о', _) => "o",
            ('ө', 1) => "ö",
            ('ө', 2) => "oe",
            ('ө', _) => "o",
            ('п', _) => "p",
            ('р', _) => "r",
            ('с', _) => "s",
            ('т', _) => "t",
            ('у', _) => "u",
            ('ү', 1) => "ü",
            ('ү', 2) => "ue",
            ('ү', _) => "u",
            ('ф', _) => "f",
            ('х', 1) => "h",
            ('х', _) => "kh",
            ('ц', _) => "ts",
            ('ч', _) => "ch",
            ('ш', _) => "sh",
            ('щ', _) => "shch",
            ('ъ', _) | ('ь', _) => "",
            ('ы', 1) => "i",
            ('ы', _) => "y",
            ('э', _) => "e",
            ('ю', 1) => "iu",
            ('ю', _) => "yu",
            ('я', 1) => "ia",
            ('я', _) => "ya",
            (' ', _) => " ",
            ('-', _) => "-",
            _ => {
                // Already Latin (or punctuation): kept as written.
                out.push(c);
                continue;
            }
        };
        push_cased(&mut out, latin, upper);
    }
    out
}

/// One keyboard slip: a letter replaced, dropped, doubled or swapped with its neighbour.
fn typo(text: &str, rng: &mut Rng) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    if chars.len() < 4 {
        return text.to_string();
    }
    // Not the first letter: people rarely miss it.
    let i = 1 + rng.below(chars.len() - 2);
    match rng.below(4) {
        0 => {
            let pool: Vec<char> = "аеиоуыэлмнрстк".chars().collect();
            chars[i] = *rng.pick(&pool);
        }
        1 => {
            chars.remove(i);
        }
        2 => chars.insert(i, chars[i]),
        _ => chars.swap(i, i + 1),
    }
    chars.into_iter().collect()
}

struct Generator {
    rng: Rng,
    profile: Profile,
    serials: HashMap<(Sex, Date), u32>,
    entities: Vec<Entity>,
    villages: Vec<Village>,
}

/// A surname made from a name: Асылбек -> Асылбеков, Мырзаали -> Мырзаалиев.
fn surname_from_root(root: &str) -> String {
    match root.strip_suffix('й') {
        Some(stem) => format!("{stem}ев"),
        None if root.ends_with(['а', 'о', 'и']) => format!("{root}ев"),
        None => format!("{root}ов"),
    }
}

/// Appends a label to a row's `kind` (replacing `original`). Only with the
/// `evaluation` feature: the web worker's demo data has no use for it.
fn label(row: &mut Row, label: &str) {
    if !cfg!(feature = "evaluation") {
        return;
    }
    if row.kind == kind::ORIGINAL || row.kind.is_empty() {
        row.kind = label.to_string();
    } else if !row.kind.split(';').any(|l| l == label) {
        row.kind.push(';');
        row.kind.push_str(label);
    }
}

impl Generator {
    /// Whether this run draws the country profile. A constant false without
    /// the `evaluation` feature, so that the web worker's demo data (the
    /// standard profile) does not carry the country profile's code.
    fn country(&self) -> bool {
        #[cfg(feature = "evaluation")]
        return self.profile == Profile::Country;
        #[cfg(not(feature = "evaluation"))]
        {
            let Profile::Standard = self.profile;
            false
        }
    }

    fn birth_date(&mut self) -> Date {
        // Ages 0-90, more young people than old, as in Kyrgyzstan's population.
        let u = self.rng.below(10_000) as f64 / 10_000.0;
        let age = (u.powf(1.35) * 90.0) as u32;
        let year = 2025 - age;
        let month = 1 + self.rng.below(12) as u32;
        let day = 1 + self.rng.below(days_in_month(year, month) as usize) as u32;
        Date::new(year, month, day).unwrap_or_else(|_| self.birth_date())
    }

    /// A new PIN for a sex and date, never given before (serials count up per day).
    fn new_pin(&mut self, sex: Sex, date: Date) -> String {
        let start = 100 + self.rng.below(800) as u32;
        let serial = self.serials.entry((sex, date)).or_insert(start);
        *serial += 1 + self.rng.below(3) as u32;
        let digit = if sex == Sex::Female { 1 } else { 2 };
        format!("{digit}{}{:05}", date.to_ddmmyyyy(), *serial % 100_000)
    }

    fn compound_name(&mut self) -> String {
        let start = *self.rng.pick_popular(KY_NAME_STARTS);
        let end = *self.rng.pick(KY_NAME_ENDS);
        format!("{start}{end}")
    }

    fn uzbek_compound_name(&mut self) -> String {
        let start = *self.rng.pick_popular(UZ_NAME_STARTS);
        let end = *self.rng.pick(UZ_NAME_ENDS);
        format!("{start}{end}")
    }

    fn person(&mut self) -> Entity {
        let origin = match self.rng.below(100) {
            0..=71 => Origin::Kyrgyz,
            72..=86 => Origin::Uzbek,
            _ => Origin::Russian,
        };
        let sex = if self.rng.chance(0.5) {
            Sex::Female
        } else {
            Sex::Male
        };
        let (male, female, surnames) = match origin {
            Origin::Kyrgyz => (KY_MALE, KY_FEMALE, KY_SURNAMES),
            Origin::Russian => (RU_MALE, RU_FEMALE, RU_SURNAMES),
            Origin::Uzbek => (UZ_MALE, UZ_FEMALE, UZ_SURNAMES),
        };
        let skew = if self.country() { 3.0 } else { 1.5 };
        let first = if sex == Sex::Male {
            self.rng.pick_skewed(male, skew)
        } else {
            self.rng.pick_skewed(female, skew)
        };
        let father = if origin == Origin::Kyrgyz && self.rng.chance(0.5) {
            self.compound_name()
        } else {
            self.rng.pick_popular(male).to_string()
        };
        let father = if origin == Origin::Uzbek && self.rng.chance(0.5) {
            self.uzbek_compound_name()
        } else {
            father
        };
        let last = if origin == Origin::Uzbek && self.rng.chance(0.6) {
            surname_for(&format!("{}ов", self.uzbek_compound_name()), sex)
        } else if origin == Origin::Russian && self.rng.chance(0.6) {
            let root = *self.rng.pick(RU_SURNAME_ROOTS);
            let ending = *self.rng.pick(RU_SURNAME_ENDINGS);
            let surname = if root.ends_with("ов") {
                root.to_string()
            } else {
                format!("{root}{ending}")
            };
            surname_for(&surname, sex)
        } else if origin == Origin::Kyrgyz && self.rng.chance(0.6) {
            let root = self.compound_name();
            surname_for(&surname_from_root(&root), sex)
        } else {
            let base = *self.rng.pick_popular(surnames);
            surname_for(base, sex)
        };
        // In the country profile most Kyrgyz and Uzbek people live in a
        // village whose few families share surname stems and fathers' names.
        let (last, father) = if self.country()
            && origin != Origin::Russian
            && !self.villages.is_empty()
            && self.rng.chance(0.7)
        {
            let village = &self.villages[self.rng.below(self.villages.len())];
            let surname = village.surnames[self.rng.below(village.surnames.len())].clone();
            let father = village.fathers[self.rng.below(village.fathers.len())].clone();
            (surname_for(&surname, sex), father)
        } else {
            (last, father)
        };
        let birth = self.birth_date();
        let pin = self.new_pin(sex, birth);
        Entity {
            id: self.entities.len(),
            origin,
            sex,
            first: first.to_string(),
            last,
            father,
            kyrgyz_patronymic: origin == Origin::Kyrgyz && self.rng.chance(0.5),
            birth,
            pin,
        }
    }

    fn add(&mut self, entity: Entity) -> usize {
        let id = self.entities.len();
        self.entities.push(Entity { id, ..entity });
        id
    }

    /// The row an agency would write for this person, with no variation.
    fn clean_row(&mut self, e: &Entity) -> Row {
        let birth_date = if self.rng.chance(0.5) {
            e.birth.to_string()
        } else {
            kgpin::messages::local_date(e.birth)
        };
        Row {
            record_id: String::new(),
            pin: e.pin.clone(),
            last_name: e.last.clone(),
            first_name: e.first.clone(),
            patronymic: patronymic_of(e, e.kyrgyz_patronymic),
            birth_date: if self.rng.chance(0.04) {
                String::new()
            } else {
                birth_date
            },
            sex: if self.rng.chance(0.1) {
                String::new()
            } else {
                e.sex.code().to_string()
            },
            source: self.rng.pick(SOURCES).to_string(),
            entity_id: format!("E{:07}", e.id),
            kind: kind::ORIGINAL.to_string(),
            related_entity: String::new(),
        }
    }

    /// The row of a hard negative: another person who looks like `of`.
    fn hard_negative(&mut self, person: &Entity, of: &Entity, kind: &str) -> Row {
        let mut row = self.clean_row(person);
        if cfg!(feature = "evaluation") {
            row.kind = kind.to_string();
            row.related_entity = format!("E{:07}", of.id);
        }
        row
    }

    /// A village of the country profile: three surname stems, six fathers' names.
    fn village(&mut self) -> Village {
        let surnames = (0..3)
            .map(|_| surname_from_root(&self.compound_name()))
            .collect();
        let fathers = (0..6)
            .map(|i| {
                if i % 2 == 0 {
                    self.compound_name()
                } else {
                    self.rng.pick_skewed(KY_MALE, 3.0).to_string()
                }
            })
            .collect();
        Village { surnames, fathers }
    }

    /// A second record of the same person, written by another hand.
    fn variant(&mut self, e: &Entity, row: &mut Row, changes: usize) {
        for _ in 0..changes {
            #[cfg(feature = "evaluation")]
            if self.country() && self.rng.chance(0.3) {
                self.registry_damage(row);
                continue;
            }
            let change = self.rng.below(11);
            // Women marry from 18 (the generator's year is 2025).
            let may_marry = e.sex == Sex::Female && e.birth.year() <= 2007;
            let name = match change {
                0 | 1 => kind::TRANSLIT,
                2 | 3 => kind::NAME_TYPO,
                4 | 10 => kind::SUFFIX_OR_CASE,
                5 => kind::PATRONYMIC_STYLE,
                6 if may_marry => kind::MARRIAGE,
                6 => kind::SUFFIX_OR_CASE,
                7 => kind::SWAPPED_FIELDS,
                8 => kind::DATE_MISSING,
                _ => kind::PATRONYMIC_MISSING,
            };
            label(row, name);
            match change {
                0 | 1 => {
                    let scheme = self.rng.below(3);
                    row.last_name = latinize(&row.last_name, scheme);
                    row.first_name = latinize(&row.first_name, scheme);
                    row.patronymic = latinize(&row.patronymic, scheme);
                }
                2 => row.first_name = self.name_typo(&row.first_name),
                3 => row.last_name = self.name_typo(&row.last_name),
                4 => {
                    // The -ов/-ова suffix dropped (allowed by a 2025 law) or the record uppercased.
                    if let Some(stem) = ["ова", "ева", "ов", "ев"]
                        .iter()
                        .find_map(|s| row.last_name.strip_suffix(s))
                    {
                        row.last_name = stem.to_string();
                    } else {
                        row.last_name = row.last_name.to_uppercase();
                    }
                }
                5 => row.patronymic = patronymic_of(e, !e.kyrgyz_patronymic),
                6 if may_marry => {
                    // Married: a new surname.
                    let surnames = if e.origin == Origin::Russian {
                        RU_SURNAMES
                    } else {
                        KY_SURNAMES
                    };
                    let base = *self.rng.pick(surnames);
                    row.last_name = surname_for(base, Sex::Female);
                }
                7 => std::mem::swap(&mut row.last_name, &mut row.first_name),
                8 => row.birth_date.clear(),
                9 => row.patronymic.clear(),
                _ => {
                    row.first_name = row.first_name.to_uppercase();
                    row.last_name = row.last_name.to_uppercase();
                }
            }
        }
    }

    /// A slip in a name: in the country profile as keyboards make them (one
    /// or two edits, neighbouring keys), else one simple slip.
    fn name_typo(&mut self, name: &str) -> String {
        #[cfg(feature = "evaluation")]
        if self.country() {
            return crate::slips::keyboard_slips(name, &mut self.rng);
        }
        typo(name, &mut self.rng)
    }

    /// The country profile's further damage, as found in registries that
    /// `kgpin synth` did not write: a damaged patronymic, Turkish-style
    /// Latin letters, Kyrgyz letters lost, a mistyped birth date.
    #[cfg(feature = "evaluation")]
    fn registry_damage(&mut self, row: &mut Row) {
        use crate::slips;
        match self.rng.below(5) {
            4 if !row.first_name.is_empty() => {
                label(row, kind::ONE_NAME_FIELD);
                let glued = ["кызы", "уулу"].iter().find_map(|marker| {
                    let father = row.patronymic.strip_suffix(marker)?;
                    Some(format!("{}{marker}", father.trim_end()))
                });
                match (self.rng.below(3), glued) {
                    (0, Some(glued)) => row.patronymic = glued,
                    (1, _) if !row.patronymic.is_empty() => {
                        row.first_name = format!("{} {}", row.first_name, row.patronymic);
                        row.patronymic.clear();
                    }
                    _ => {
                        let names = [&row.last_name, &row.first_name, &row.patronymic];
                        let whole: Vec<&str> = names
                            .iter()
                            .map(|n| n.as_str())
                            .filter(|n| !n.is_empty())
                            .collect();
                        row.last_name = whole.join(" ");
                        row.first_name.clear();
                        row.patronymic.clear();
                    }
                }
            }
            3 if !row.birth_date.is_empty() => {
                if let Some(typed) = self.date_typo(&row.birth_date, &row.pin) {
                    label(row, kind::DATE_TYPO);
                    row.birth_date = typed;
                }
            }
            0 if !row.patronymic.is_empty() => {
                label(row, kind::PATRONYMIC_TYPO);
                row.patronymic = slips::damaged_patronymic(&row.patronymic, &mut self.rng);
            }
            1 => {
                label(row, kind::TURKIC_LATIN);
                row.last_name = slips::turkic_latin(&row.last_name);
                row.first_name = slips::turkic_latin(&row.first_name);
                row.patronymic = slips::turkic_latin(&row.patronymic);
            }
            _ if [&row.last_name, &row.first_name, &row.patronymic]
                .iter()
                .any(|f| slips::has_kyrgyz_letters(f)) =>
            {
                label(row, kind::KYRGYZ_LETTERS_LOST);
                row.last_name = slips::kyrgyz_letters_lost(&row.last_name, &mut self.rng);
                row.first_name = slips::kyrgyz_letters_lost(&row.first_name, &mut self.rng);
                row.patronymic = slips::kyrgyz_letters_lost(&row.patronymic, &mut self.rng);
            }
            _ => {
                label(row, kind::NAME_TYPO);
                if self.rng.chance(0.5) {
                    row.first_name = slips::keyboard_slips(&row.first_name, &mut self.rng);
                } else {
                    row.last_name = slips::keyboard_slips(&row.last_name, &mut self.rng);
                }
            }
        }
    }

    /// The stated birth date `written` mistyped (a digit, two neighbouring
    /// digits, or day and month swapped), in the style it was written in;
    /// never the date the row's PIN carries (that would be a second PIN
    /// issued from the mistyped date, [`kind::PIN_DATE_SLIP_STORED`]).
    #[cfg(feature = "evaluation")]
    fn date_typo(&mut self, written: &str, pin: &str) -> Option<String> {
        let date: Date = written.parse().ok()?;
        let swapped = Date::new(date.year(), date.day(), date.month())
            .ok()
            .filter(|&swapped| swapped != date && self.rng.chance(0.25));
        let typed = swapped.unwrap_or_else(|| self.date_slip(date));
        let in_pin = pin.parse::<kgpin::Pin>().ok().map(|p| p.birth_date());
        if typed == date || Some(typed) == in_pin {
            return None;
        }
        Some(if written.contains('.') {
            kgpin::messages::local_date(typed)
        } else {
            typed.to_string()
        })
    }

    /// A PIN as spreadsheets and tired hands damage it.
    fn damaged_pin(&mut self, pin: &str) -> String {
        match self.rng.below(3) {
            0 => format!("{}.{}E+13", &pin[..1], &pin[1..6]),
            // A digit lost in typing.
            1 => {
                let i = 1 + self.rng.below(pin.len() - 1);
                format!("{}{}", &pin[..i], &pin[i + 1..])
            }
            _ => pin.replacen('0', "O", 1),
        }
    }

    /// Another PIN for the same person on a row labelled as such: a new
    /// serial, sometimes a slip in the date part (day and month swapped, one
    /// digit mistyped, or two swapped).
    fn second_pin(&mut self, e: &Entity, row: &mut Row) {
        label(row, kind::SECOND_PIN);
        let mut date = e.birth;
        if self.rng.chance(0.2) {
            let swapped = Date::new(e.birth.year(), e.birth.day(), e.birth.month());
            date = match swapped {
                Ok(swapped) if swapped != e.birth && self.rng.chance(0.5) => swapped,
                _ => self.date_slip(e.birth),
            };
        }
        if date != e.birth {
            label(row, kind::PIN_DATE_SLIP);
        }
        // Country: now and then the PIN was issued from a mistyped date that
        // was stored as the birth date too, so the record confirms itself.
        if self.country() && date == e.birth && self.rng.chance(0.08) {
            let slipped = self.date_slip(e.birth);
            if slipped != e.birth {
                date = slipped;
                label(row, kind::PIN_DATE_SLIP_STORED);
                if !row.birth_date.is_empty() {
                    row.birth_date = slipped.to_string();
                }
            }
        }
        row.pin = self.new_pin(e.sex, date);
    }

    /// The same date with one digit of `DDMMYYYY` changed, or (about one
    /// time in six, as keyboards make them) two neighbouring digits
    /// swapped, staying a real, past date.
    fn date_slip(&mut self, date: Date) -> Date {
        for _ in 0..20 {
            let mut digits: Vec<u8> = date.to_ddmmyyyy().into_bytes();
            let i = self.rng.below(8);
            if i < 7 && self.rng.chance(0.2) {
                digits.swap(i, i + 1);
            } else {
                digits[i] = b'0' + self.rng.below(10) as u8;
            }
            let text = String::from_utf8_lossy(&digits).into_owned();
            let number = |r: std::ops::Range<usize>| text[r].parse::<u32>().unwrap_or(0);
            if let Ok(slipped) = Date::new(number(4..8), number(2..4), number(0..2)) {
                if slipped != date && slipped.year() <= 2025 && slipped.year() >= 1900 {
                    return slipped;
                }
            }
        }
        date
    }
}

/// Options of [`generate`].
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Distinct people (entities); rows are about 12% more.
    pub people: usize,
    /// The same seed gives the same rows.
    pub seed: u64,
    pub profile: Profile,
}

impl Options {
    /// `people` of the standard profile, from `seed`.
    pub fn new(people: usize, seed: u64) -> Options {
        Options {
            people,
            seed,
            profile: Profile::Standard,
        }
    }
}

/// Generates the rows of a synthetic registry, shuffled, with `R0000001`-style ids.
pub fn generate(options: Options) -> Vec<Row> {
    let mut g = Generator {
        rng: Rng::new(options.seed),
        profile: options.profile,
        serials: HashMap::new(),
        entities: Vec::with_capacity(options.people),
        villages: Vec::new(),
    };
    if g.country() {
        let villages = (0..options.people / 1500 + 1)
            .map(|_| g.village())
            .collect();
        g.villages = villages;
    }
    let mut rows = Vec::with_capacity(options.people * 5 / 4);
    while g.entities.len() < options.people {
        let person = g.person();
        let id = g.add(person);
        let e = g.entities[id].clone();
        let base = g.clean_row(&e);
        rows.push(base.clone());
        let roll = g.rng.below(1000);
        match roll {
            // Same person, another PIN: the double-PIN problem.
            0..=79 => {
                let mut row = g.clean_row(&e);
                g.second_pin(&e, &mut row);
                // Country: up to three kinds of damage on one record.
                let changes = 1 + g.rng.below(if g.country() { 3 } else { 2 });
                g.variant(&e, &mut row, changes);
                rows.push(row);
                if g.rng.chance(0.15) {
                    let mut third = g.clean_row(&e);
                    g.second_pin(&e, &mut third);
                    g.variant(&e, &mut third, 1);
                    rows.push(third);
                }
            }
            // Same person, same PIN, recorded again (sometimes with a damaged PIN).
            80..=119 => {
                let mut row = g.clean_row(&e);
                label(&mut row, kind::REPEAT);
                if g.rng.chance(0.3) {
                    row.pin = g.damaged_pin(&e.pin);
                    label(&mut row, kind::DAMAGED_PIN);
                }
                g.variant(&e, &mut row, 1);
                rows.push(row);
            }
            // Another person was given this person's PIN.
            120..=129 if g.entities.len() < options.people => {
                let mut other = g.person();
                other.pin = e.pin.clone();
                let other_id = g.add(other);
                let other = g.entities[other_id].clone();
                rows.push(g.hard_negative(&other, &e, kind::SHARED_PIN));
            }
            // Twins: same surname, father and birthday; their own first names and PINs.
            130..=144 if g.entities.len() < options.people => {
                let mut twin = e.clone();
                twin.sex = if g.rng.chance(0.5) {
                    e.sex
                } else {
                    g.person().sex
                };
                let names = match (e.origin, twin.sex) {
                    (Origin::Kyrgyz, Sex::Male) => KY_MALE,
                    (Origin::Kyrgyz, Sex::Female) => KY_FEMALE,
                    (Origin::Russian, Sex::Male) => RU_MALE,
                    (Origin::Russian, Sex::Female) => RU_FEMALE,
                    (Origin::Uzbek, Sex::Male) => UZ_MALE,
                    (Origin::Uzbek, Sex::Female) => UZ_FEMALE,
                };
                while twin.first == e.first {
                    twin.first = g.rng.pick(names).to_string();
                }
                let base_surname = e.last.trim_end_matches('а');
                twin.last = surname_for(base_surname, twin.sex);
                twin.pin = g.new_pin(twin.sex, e.birth);
                let twin_id = g.add(twin);
                let twin = g.entities[twin_id].clone();
                rows.push(g.hard_negative(&twin, &e, kind::TWIN));
            }
            // A namesake: same name and birthday, another father, another person.
            145..=154 if g.entities.len() < options.people => {
                let mut namesake = g.person();
                namesake.first = e.first.clone();
                namesake.last = e.last.clone();
                namesake.sex = e.sex;
                namesake.origin = e.origin;
                namesake.birth = e.birth;
                while namesake.father == e.father {
                    namesake.father = g.rng.pick(KY_MALE).to_string();
                }
                namesake.pin = g.new_pin(e.sex, e.birth);
                let id = g.add(namesake);
                let namesake = g.entities[id].clone();
                rows.push(g.hard_negative(&namesake, &e, kind::NAMESAKE));
            }
            // Country: a namesake with the same father's name (cousins named
            // after one grandfather, neighbours in a village), born days or
            // months apart; each PIN carries its own date.
            155..=204 if g.country() && g.entities.len() < options.people => {
                let mut namesake = e.clone();
                let span = if g.rng.chance(0.5) { 30 } else { 700 };
                let days = 1 + g.rng.below(span) as i64;
                let shift = if g.rng.chance(0.5) { days } else { -days };
                let Some(birth) = Date::from_days_since_epoch(e.birth.days_since_epoch() + shift)
                    .filter(|d| d.year() <= 2025)
                else {
                    continue;
                };
                namesake.birth = birth;
                namesake.pin = g.new_pin(e.sex, birth);
                let id = g.add(namesake);
                let namesake = g.entities[id].clone();
                rows.push(g.hard_negative(&namesake, &e, kind::NAMESAKE_NEAR_DATE));
            }
            _ => {}
        }
    }
    // Shuffle so duplicates are not neighbours, then number the rows.
    for i in (1..rows.len()).rev() {
        let j = g.rng.below(i + 1);
        rows.swap(i, j);
    }
    for (i, row) in rows.iter_mut().enumerate() {
        row.record_id = format!("R{:08}", i + 1);
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deterministic_for_a_seed() {
        let a = generate(Options::new(300, 7));
        let b = generate(Options::new(300, 7));
        let c = generate(Options::new(300, 8));
        assert_eq!(a, b);
        assert_ne!(a, c);
    }

    #[test]
    fn every_row_reads_back_and_entities_count_people() {
        let rows = generate(Options::new(2000, 1));
        let mut entities: Vec<&str> = rows.iter().map(|r| r.entity_id.as_str()).collect();
        entities.sort_unstable();
        entities.dedup();
        assert_eq!(entities.len(), 2000);
        assert!(
            rows.len() > 2100,
            "duplicates were injected: {}",
            rows.len()
        );
        let valid = rows
            .iter()
            .filter(|r| r.pin.parse::<kgpin::Pin>().is_ok())
            .count();
        assert!(valid as f64 > rows.len() as f64 * 0.95);
        assert!(
            rows.iter().any(|r| r.first_name.is_ascii()),
            "Latin spellings present"
        );
    }

    #[test]
    #[cfg(feature = "evaluation")]
    fn the_country_profile_is_harder_and_says_what_each_row_is() {
        let share_of_top_first_name = |rows: &[Row]| {
            let mut counts: HashMap<&str, usize> = HashMap::new();
            for r in rows {
                *counts.entry(r.first_name.as_str()).or_default() += 1;
            }
            *counts.values().max().unwrap_or(&0) as f64 / rows.len() as f64
        };
        let standard = generate(Options::new(3000, 5));
        let country = generate(Options {
            profile: Profile::Country,
            ..Options::new(3000, 5)
        });
        assert!(share_of_top_first_name(&country) > 1.5 * share_of_top_first_name(&standard));
        let kinds = |rows: &[Row], k: &str| rows.iter().filter(|r| r.kind == k).count();
        assert!(kinds(&country, kind::NAMESAKE_NEAR_DATE) > 50);
        assert_eq!(kinds(&standard, kind::NAMESAKE_NEAR_DATE), 0);
        // Names typed as one field: each of its three shapes is written.
        let one_field: Vec<&Row> = country
            .iter()
            .filter(|r| r.kind.split(';').any(|k| k == kind::ONE_NAME_FIELD))
            .collect();
        assert!(one_field
            .iter()
            .any(|r| r.first_name.is_empty() && r.last_name.split(' ').count() >= 2));
        assert!(one_field
            .iter()
            .any(|r| r.patronymic.is_empty() && r.first_name.contains(' ')));
        assert!(one_field.iter().any(|r| (r.patronymic.ends_with("кызы")
            || r.patronymic.ends_with("уулу"))
            && !r.patronymic.contains(" ")));
        for rows in [&standard, &country] {
            assert!(kinds(rows, kind::TWIN) > 0);
            for r in rows.iter() {
                let negative = kind::HARD_NEGATIVES.contains(&r.kind.as_str());
                assert_eq!(negative, !r.related_entity.is_empty(), "{r:?}");
            }
            let originals = kinds(rows, kind::ORIGINAL)
                + kind::HARD_NEGATIVES
                    .iter()
                    .map(|k| kinds(rows, k))
                    .sum::<usize>();
            assert_eq!(originals, 3000, "one first row per person");
        }
    }

    #[test]
    fn patronymics_follow_both_styles() {
        assert_eq!(russian_patronymic("Асанбек", Sex::Male), "Асанбекович");
        assert_eq!(russian_patronymic("Сергей", Sex::Female), "Сергеевна");
        assert_eq!(russian_patronymic("Дмитрий", Sex::Male), "Дмитриевич");
        assert_eq!(latinize("Жумагулов Үсөн", 0), "Zhumagulov Uson");
        assert_eq!(latinize("Жумагулов Үсөн", 2), "Dzhumagulov Uesoen");
        assert_eq!(
            latinize("Zhumagulov", 1),
            "Zhumagulov",
            "Latin stays as written"
        );
    }
}
