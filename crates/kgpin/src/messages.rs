//! The one catalogue of human messages, in Kyrgyz, Russian and English.
//!
//! Every face (CLI, WASM package, web app) shows findings through these
//! functions, so a wording is fixed in one place. Codes stay stable; words may
//! improve. The Kyrgyz texts were written by the developers and want review by
//! a native speaker.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::date::Date;
use crate::matching::{Kind, Reason};
use crate::person::{Document, PersonFinding, PinRole};
use crate::pin::{DateMismatch, PinError, PinWarning};
use crate::registry::{Problem, RegistryError};
use crate::sex::Sex;

/// A language of the messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Kyrgyz (кыргыз тили), the state language.
    Ky,
    /// Russian, the official language.
    Ru,
    #[default]
    /// English, the default.
    En,
}

/// The text does not name a supported language.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown language {0:?}: expected ky, ru or en")]
pub struct LangError(pub String);

impl Lang {
    /// Every supported language.
    pub const ALL: [Lang; 3] = [Lang::Ky, Lang::Ru, Lang::En];

    /// The ISO 639-1 code.
    pub const fn code(self) -> &'static str {
        match self {
            Lang::Ky => "ky",
            Lang::Ru => "ru",
            Lang::En => "en",
        }
    }

    /// The language's own name, for a language switch.
    pub const fn native_name(self) -> &'static str {
        match self {
            Lang::Ky => "Кыргызча",
            Lang::Ru => "Русский",
            Lang::En => "English",
        }
    }

    const fn pick(self, ky: &'static str, ru: &'static str, en: &'static str) -> &'static str {
        match self {
            Lang::Ky => ky,
            Lang::Ru => ru,
            Lang::En => en,
        }
    }
}

impl FromStr for Lang {
    type Err = LangError;
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        match text.trim().to_ascii_lowercase().as_str() {
            "ky" | "kg" | "kir" => Ok(Lang::Ky),
            "ru" | "rus" => Ok(Lang::Ru),
            "en" | "eng" => Ok(Lang::En),
            _ => Err(LangError(text.to_string())),
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A date as people read it here: `DD.MM.YYYY`.
pub fn local_date(date: Date) -> String {
    format!("{:02}.{:02}.{:04}", date.day(), date.month(), date.year())
}

/// The word for a sex, e.g. "female" / "женский" / "аял".
pub fn sex_name(sex: Sex, lang: Lang) -> &'static str {
    match sex {
        Sex::Female => lang.pick("аял", "женский", "female"),
        Sex::Male => lang.pick("эркек", "мужской", "male"),
    }
}

/// The message for an error of the PIN format.
///
/// ```
/// use kgpin::{messages::{pin_error, Lang}, PinError};
/// let e = PinError::InvalidLength { expected: 14, found: 12 };
/// assert_eq!(pin_error(&e, Lang::En), "A PIN has 14 digits; this has 12.");
/// ```
pub fn pin_error(error: &PinError, lang: Lang) -> String {
    match error {
        PinError::Empty => lang.pick("ПИН киргизилген жок.", "ПИН не указан.", "No PIN was entered.").into(),
        PinError::SpreadsheetNumber { value } => match lang {
            Lang::Ky => format!("Электрондук таблица ПИНди {value} санына айлантып, акыркы цифраларын жоготту. Тилкеге «Текст» форматын коюп (же ПИНдин алдына апостроф ' коюп), 14 цифраны кайра киргизиңиз."),
            Lang::Ru => format!("Электронная таблица превратила ПИН в число {value} и потеряла последние цифры. Задайте столбцу формат «Текстовый» (или поставьте апостроф ' перед ПИН) и введите 14 цифр заново."),
            Lang::En => format!("A spreadsheet turned the PIN into the number {value} and lost its last digits. Format the column as Text (or type an apostrophe ' before the PIN) and enter the 14 digits again."),
        },
        PinError::InvalidCharacter { position, character, looks_like } => {
            let hint = match (looks_like, lang) {
                (None, _) => String::new(),
                (Some(d), Lang::Ky) => format!(" ({d} цифрасына окшош тамга; цифраны териңиз)"),
                (Some(d), Lang::Ru) => format!(" (буква, похожая на цифру {d}; введите цифру)"),
                (Some(d), Lang::En) => format!(" (a letter that looks like the digit {d}; type the digit)"),
            };
            match lang {
                Lang::Ky => format!("{position}-орун: «{character}» цифра эмес{hint}."),
                Lang::Ru => format!("Позиция {position}: «{character}» — не цифра{hint}."),
                Lang::En => format!("Position {position}: “{character}” is not a digit{hint}."),
            }
        }
        PinError::InvalidLength { expected, found } => {
            let mut text = match lang {
                Lang::Ky => format!("ПИН {expected} цифрадан турат; бул жерде {found}."),
                Lang::Ru => format!("ПИН состоит из {expected} цифр; здесь {found}."),
                Lang::En => format!("A PIN has {expected} digits; this has {found}."),
            };
            if *found + 1 == *expected {
                text.push(' ');
                text.push_str(lang.pick(
                    "Бир цифра жетпесе, көбүнчө таблица алдындагы нөлдү өчүргөн болот; 0 менен башталган номер — уюмдун ИНН, адамдын ПИНи эмес.",
                    "Если не хватает одной цифры, обычно таблица удалила ведущий ноль; номер, начинающийся с 0, — это ИНН организации, а не ПИН человека.",
                    "One digit short usually means a spreadsheet dropped a leading zero; a number starting with 0 is an organisation's INN, not a person's PIN.",
                ));
            }
            text
        }
        PinError::LegalEntityInn => lang.pick(
            "0 менен башталган номер — уюмдун ИНН, жеке адамдын ПИНи эмес. Адамдын ПИНи 1 (аял) же 2 (эркек) менен башталат.",
            "Номер, начинающийся с 0, — это ИНН организации, а не ПИН физического лица. ПИН человека начинается с 1 (женщина) или 2 (мужчина).",
            "A number starting with 0 is an organisation's INN, not a person's PIN. A person's PIN starts with 1 (female) or 2 (male).",
        ).into(),
        PinError::UnknownSexDigit { digit } => match lang {
            Lang::Ky => format!("Биринчи цифра — {digit}; адамдын ПИНи 1 (аял) же 2 (эркек) менен башталат."),
            Lang::Ru => format!("Первая цифра — {digit}; ПИН человека начинается с 1 (женщина) или 2 (мужчина)."),
            Lang::En => format!("The first digit is {digit}; a person's PIN starts with 1 (female) or 2 (male)."),
        },
        PinError::InvalidBirthDate { digits } => {
            let shown = if digits.len() == 8 {
                format!("{}.{}.{}", &digits[..2], &digits[2..4], &digits[4..])
            } else {
                digits.clone()
            };
            match lang {
                Lang::Ky => format!("2–9-цифралар ({shown}) чыныгы туулган күн болушу керек: күн, ай, жыл."),
                Lang::Ru => format!("Цифры 2–9 ({shown}) должны быть настоящей датой рождения: день, месяц, год."),
                Lang::En => format!("Digits 2–9 ({shown}) must be a real date of birth: day, month, year."),
            }
        }
        PinError::BirthDateInFuture { birth_date, today } => {
            let (born, today) = (local_date(*birth_date), local_date(*today));
            match lang {
                Lang::Ky => format!("ПИНдеги туулган күн ({born}) бүгүнкү күндөн ({today}) кийин."),
                Lang::Ru => format!("Дата рождения в ПИН ({born}) позже сегодняшней ({today})."),
                Lang::En => format!("The birth date in the PIN ({born}) is after today ({today})."),
            }
        }
    }
}

/// The message for a warning about a valid PIN.
pub fn pin_warning(warning: &PinWarning, lang: Lang) -> String {
    match warning {
        PinWarning::BirthYearBefore1900 { year } => match lang {
            Lang::Ky => format!("Туулган жыл {year} — 1900-жылдан мурун: жылды текшериңиз."),
            Lang::Ru => format!("Год рождения {year} — раньше 1900: проверьте год."),
            Lang::En => format!("Birth year {year} is before 1900: check the year."),
        },
        PinWarning::AgeOver120 { age } => match lang {
            Lang::Ky => format!("ПИН боюнча жашы {age}: туулган жылды текшериңиз."),
            Lang::Ru => format!("По ПИН возраст {age} лет: проверьте год рождения."),
            Lang::En => format!("The PIN gives an age of {age} years: check the year of birth."),
        },
        PinWarning::SerialZero => lang
            .pick(
                "Акыркы беш цифра — 00000; ыйгарылган ПИНде мындай болбойт деп күтүлөт.",
                "Последние пять цифр — 00000; у присвоенного ПИН такого обычно не бывает.",
                "The last five digits are 00000, which an assigned PIN is not expected to have.",
            )
            .into(),
        PinWarning::SexMismatch {
            pin_sex,
            stated_sex,
        } => {
            let (pin_sex, stated_sex) = (sex_name(*pin_sex, lang), sex_name(*stated_sex, lang));
            match lang {
                Lang::Ky => format!("ПИНдин биринчи цифрасы «{pin_sex}» жынысын көрсөтөт, ал эми көрсөтүлгөнү «{stated_sex}». Бул туура болушу мүмкүн: мыйзам боюнча жынысы өзгөргөндө ПИН өзгөрбөйт. Антпесе ПИН башка адамдыкы болушу мүмкүн."),
                Lang::Ru => format!("Первая цифра ПИН означает пол «{pin_sex}», а указан «{stated_sex}». Так может быть законно: по закону ПИН не меняется при смене пола. Иначе ПИН может принадлежать другому человеку."),
                Lang::En => format!("The PIN's first digit says {pin_sex}, but the stated sex is {stated_sex}. This can be right: by law a PIN is not changed when a person changes gender. Otherwise the PIN may belong to someone else."),
            }
        }
        PinWarning::BirthDateMismatch {
            pin_birth_date,
            stated_birth_date,
            detail,
        } => {
            let (in_pin, stated) = (local_date(*pin_birth_date), local_date(*stated_birth_date));
            let how = match detail {
                DateMismatch::DayMonthSwapped => lang.pick(
                    ": күн менен ай алмашып калган.",
                    ": день и месяц переставлены местами.",
                    ": day and month are swapped.",
                ),
                DateMismatch::OneDigit => lang.pick(
                    ": бир цифрага айырмаланат, балким ката терилген.",
                    ": отличаются одной цифрой, вероятно опечатка.",
                    ": they differ in one digit, probably a typo.",
                ),
                DateMismatch::Different => ".",
            };
            match lang {
                Lang::Ky => {
                    format!("ПИНдеги туулган күн {in_pin}, ал эми көрсөтүлгөнү {stated}{how}")
                }
                Lang::Ru => format!("В ПИН дата рождения {in_pin}, а указана {stated}{how}"),
                Lang::En => format!(
                    "The PIN encodes the birth date {in_pin}, but the stated date is {stated}{how}"
                ),
            }
        }
    }
}

/// Why a pair of records was judged as it was, in a few words.
pub fn reason(reason: Reason, lang: Lang) -> &'static str {
    use Reason::*;
    match reason {
        LastNameEqual => lang.pick("Фамилиясы бирдей", "Фамилия совпадает", "Same surname"),
        LastNameTranslitMatch => lang.pick(
            "Фамилиясы башка жазылышта бирдей (кирилл/латын)",
            "Фамилия совпадает в другом написании (кириллица/латиница)",
            "Same surname in another spelling (Cyrillic/Latin)",
        ),
        LastNameSuffixDiffers => lang.pick(
            "Фамилиясы -ов/-ев мүчөсүз бирдей",
            "Фамилия совпадает без окончания -ов/-ев",
            "Same surname but for the -ov/-ev ending",
        ),
        LastNameSimilar => lang.pick(
            "Фамилиясы окшош (ката болушу мүмкүн)",
            "Фамилия похожа (возможна опечатка)",
            "Similar surname (a typo?)",
        ),
        LastNameDiffers => lang.pick("Фамилиясы башка", "Фамилия другая", "Different surname"),
        FirstNameEqual => lang.pick("Аты бирдей", "Имя совпадает", "Same first name"),
        FirstNameTranslitMatch => lang.pick(
            "Аты башка жазылышта бирдей",
            "Имя совпадает в другом написании",
            "Same first name in another spelling",
        ),
        FirstNameSimilar => lang.pick(
            "Аты окшош (ката болушу мүмкүн)",
            "Имя похоже (возможна опечатка)",
            "Similar first name (a typo?)",
        ),
        FirstNameDiffers => lang.pick("Аты башка", "Имя другое", "Different first name"),
        NamesSwapped => lang.pick(
            "Аты менен фамилиясы орун алмашкан",
            "Имя и фамилия переставлены местами",
            "First name and surname swapped",
        ),
        PatronymicEqual => lang.pick(
            "Атасынын аты бирдей (уулу/кызы же -ович/-овна)",
            "Отчество указывает на одного отца (уулу/кызы или -ович/-овна)",
            "Same father's name (uulu/kyzy or -ovich/-ovna)",
        ),
        PatronymicSimilar => lang.pick(
            "Атасынын аты окшош",
            "Отчество похоже",
            "Similar father's name",
        ),
        PatronymicDiffers => lang.pick(
            "Атасынын аты башка",
            "Отчество другое",
            "Different father's name",
        ),
        BirthDateEqual => lang.pick(
            "Туулган күнү бирдей",
            "Дата рождения совпадает",
            "Same date of birth",
        ),
        BirthDateDayMonthSwapped => lang.pick(
            "Туулган күндө күн менен ай алмашкан",
            "В дате рождения переставлены день и месяц",
            "Date of birth with day and month swapped",
        ),
        BirthDateOneDigit => lang.pick(
            "Туулган күн бир цифрага айырмаланат",
            "Дата рождения отличается одной цифрой",
            "Date of birth differs in one digit",
        ),
        BirthDateDiffers => lang.pick(
            "Туулган күнү башка",
            "Дата рождения другая",
            "Different date of birth",
        ),
        BirthDateAttestedDiffers => lang.pick(
            "Туулган күндөр башка, ар бири өз ПИНи менен ырасталган: эки башка адам",
            "Даты рождения разные, и каждую подтверждает ПИН своей записи: два разных человека",
            "Different dates of birth, each confirmed by its own record's PIN: two people",
        ),
        BirthDateUnknown => lang.pick(
            "Туулган күнү эки жазууда тең белгисиз",
            "Дата рождения неизвестна в обеих записях",
            "Date of birth unknown in both records",
        ),
        SexEqual => lang.pick("Жынысы бирдей", "Пол совпадает", "Same sex"),
        SexDiffers => lang.pick("Жынысы башка", "Пол другой", "Different sex"),
        PinEqual => lang.pick("ПИН бирдей", "ПИН совпадает", "Same PIN"),
        PinMatchesDamaged => lang.pick(
            "Бузулган ПИН экинчи ПИН менен дал келет",
            "Повреждённый ПИН соответствует другому ПИН",
            "A damaged PIN reads as the other PIN",
        ),
        PinSerialDiffers => lang.pick(
            "ПИНдердин катар номери гана башка",
            "ПИН различаются только порядковым номером",
            "PINs differ only in the serial",
        ),
        PinDateDiffers => lang.pick(
            "ПИНдердин туулган күн бөлүгү башка",
            "ПИН различаются в части даты рождения",
            "PINs differ in their date part",
        ),
        PinDiffers => lang.pick("ПИНдер башка", "ПИН разные", "Different PINs"),
    }
}

/// What a pair or cluster of records shows.
pub fn kind(kind: Kind, lang: Lang) -> &'static str {
    match kind {
        Kind::SamePersonMultiplePins => lang.pick(
            "Бир адамдын бир нече ПИНи",
            "Один человек с несколькими ПИН",
            "One person, several PINs",
        ),
        Kind::PinSharedByDifferentPeople => lang.pick(
            "Бир ПИН ар башка адамдарда",
            "Один ПИН у разных людей",
            "One PIN held by different people",
        ),
        Kind::RepeatedRecord => lang.pick(
            "Бир эле жазуу кайталанган",
            "Повторная запись одного человека",
            "The same person recorded again",
        ),
    }
}

/// What is wrong with one row of a registry file.
pub fn problem(problem: &Problem, lang: Lang) -> String {
    match problem {
        Problem::MalformedRow { detail } => match lang {
            Lang::Ky => format!("Сап CSV катары окулбайт: {detail}"),
            Lang::Ru => format!("Строку нельзя прочитать как CSV: {detail}"),
            Lang::En => format!("The row cannot be read as CSV: {detail}"),
        },
        Problem::WrongFieldCount { expected, found } => match lang {
            Lang::Ky => format!("Сапта {found} талаа, башында {expected}; сап иштетилген жок."),
            Lang::Ru => format!("В строке {found} полей, в заголовке {expected}; строка не обработана."),
            Lang::En => format!("The row has {found} fields, the header {expected}; the row was left out."),
        },
        Problem::UnbalancedQuote { lines_spanned } => match lang {
            Lang::Ky => format!("Ачылган тырмакча жабылган жок: кийинки {lines_spanned} сап ушул сапка кирип кетти. Файлды оңдоп кайра жүктөңүз."),
            Lang::Ru => format!("Открытая кавычка не закрыта: следующие {lines_spanned} строк попали в эту строку. Исправьте файл и загрузите снова."),
            Lang::En => format!("A quote was opened and not closed: the next {lines_spanned} lines ran into this row. Fix the file and load it again."),
        },
        Problem::MissingRecordId => lang.pick(
            "record_id бош; сап иштетилген жок.",
            "record_id пуст; строка не обработана.",
            "The record_id is empty; the row was left out.",
        ).into(),
        Problem::DuplicateRecordId { record_id } => match lang {
            Lang::Ky => format!("record_id {record_id} мурда болгон; бул сап иштетилген жок."),
            Lang::Ru => format!("record_id {record_id} уже встречался; строка не обработана."),
            Lang::En => format!("record_id {record_id} appeared before; this row was left out."),
        },
        Problem::InvalidPin { pin_code } => match lang {
            Lang::Ky => format!("ПИН туура эмес ({pin_code}); жазуу калган талаалары боюнча салыштырылат."),
            Lang::Ru => format!("ПИН некорректен ({pin_code}); запись сравнивается по остальным полям."),
            Lang::En => format!("The PIN is not valid ({pin_code}); the record is matched on its other fields."),
        },
        Problem::InvalidBirthDate { value } => match lang {
            Lang::Ky => format!("Туулган күн «{value}» окулбайт (ЖЖЖЖ-АА-КК же КК.АА.ЖЖЖЖ күтүлөт)."),
            Lang::Ru => format!("Дата рождения «{value}» не читается (ожидается ГГГГ-ММ-ДД или ДД.ММ.ГГГГ)."),
            Lang::En => format!("The birth date “{value}” cannot be read (expected YYYY-MM-DD or DD.MM.YYYY)."),
        },
        Problem::InvalidSex { value } => match lang {
            Lang::Ky => format!("Жынысы «{value}» окулбайт (F/M, Ж/М, А/Э күтүлөт)."),
            Lang::Ru => format!("Пол «{value}» не читается (ожидается F/M, Ж/М, А/Э)."),
            Lang::En => format!("The sex “{value}” cannot be read (expected F/M, Ж/М, А/Э)."),
        },
    }
}

/// Why a whole registry file cannot be read.
pub fn registry_error(error: &RegistryError, lang: Lang) -> String {
    match error {
        RegistryError::EmptyFile => lang
            .pick("Файл бош.", "Файл пуст.", "The file is empty.")
            .into(),
        RegistryError::MissingColumn { column } => match lang {
            Lang::Ky => format!("Файлдын башында милдеттүү {column} тилкеси жок."),
            Lang::Ru => format!("В заголовке файла нет обязательного столбца {column}."),
            Lang::En => format!("The file's header lacks the required column {column}."),
        },
        RegistryError::DuplicateColumn { column } => match lang {
            Lang::Ky => format!("{column} тилкеси эки жолу жазылган."),
            Lang::Ru => format!("Столбец {column} указан дважды."),
            Lang::En => format!("The column {column} appears twice."),
        },
        RegistryError::UnsupportedFormat { format } => {
            let what = match (format.as_str(), lang) {
                ("xlsx" | "xls", Lang::Ky) => "Excel китеби",
                ("xlsx" | "xls", Lang::Ru) => "книга Excel",
                ("xlsx" | "xls", Lang::En) => "an Excel workbook",
                ("utf-16", _) => "UTF-16",
                (_, Lang::Ky) => "экилик (текст эмес) файл",
                (_, Lang::Ru) => "двоичный (не текстовый) файл",
                (_, Lang::En) => "a binary (not text) file",
            };
            match lang {
                Lang::Ky => format!("Бул файл — {what}, CSV текст эмес. Excelде «Башкача сактоо» → «CSV UTF-8 (үтүр менен бөлүнгөн)» тандап, ошол файлды жүктөңүз."),
                Lang::Ru => format!("Это {what}, а не текст CSV. В Excel выберите «Сохранить как» → «CSV UTF-8 (разделитель — запятая)» и загрузите этот файл."),
                Lang::En => format!("This file is {what}, not CSV text. In Excel choose Save As → “CSV UTF-8 (Comma delimited)” and load that file."),
            }
        }
        RegistryError::NoRows => lang
            .pick(
                "Файлда баш сап гана бар, жазуулар жок.",
                "В файле есть только заголовок, записей нет.",
                "The file has a header line and no rows.",
            )
            .into(),
        RegistryError::BadHeader { detail } => match lang {
            Lang::Ky => format!("Файлдын башы окулбайт: {detail}"),
            Lang::Ru => format!("Заголовок файла не читается: {detail}"),
            Lang::En => format!("The file's header cannot be read: {detail}"),
        },
    }
}

/// The name of a document a PIN is found on.
pub fn document(document: Document, lang: Lang) -> &'static str {
    match document {
        Document::Passport => lang.pick(
            "Паспорт же ID-карта",
            "Паспорт или ID-карта",
            "Passport or ID card",
        ),
        Document::Tax => lang.pick(
            "Салык кызматынын документи",
            "Документ налоговой службы",
            "Tax Service document",
        ),
        Document::SocialFund => lang.pick(
            "Социалдык фонддун күбөлүгү",
            "Свидетельство Социального фонда",
            "Social Fund certificate",
        ),
        Document::BirthCertificate => lang.pick(
            "Туулгандыгы тууралуу күбөлүк",
            "Свидетельство о рождении",
            "Birth certificate",
        ),
        Document::Other => lang.pick("Башка документ", "Другой документ", "Other document"),
    }
}

/// What one of a person's numbers is, in a few words.
pub fn pin_role(role: PinRole, lang: Lang) -> &'static str {
    match role {
        PinRole::Keep => lang.pick(
            "Бул номер сиздин маалыматка дал келет: аны сактаңыз.",
            "Этот номер согласуется с вашими данными: его следует сохранить.",
            "This number agrees with your data: keep it.",
        ),
        PinRole::Duplicate => lang.pick(
            "Бул да сиздин номериңиз окшойт: кайталанган ПИН, оңдоо керек.",
            "Это тоже ваш номер: двойной ПИН, его нужно исправить.",
            "This is your number too: a double PIN, to be corrected.",
        ),
        PinRole::WrongDate => lang.pick(
            "Бул номер туулган күнү ката менен берилген окшойт: оңдоо керек.",
            "Похоже, этот номер выдан с ошибкой в дате рождения: его нужно исправить.",
            "This number seems issued with a wrong birth date: to be corrected.",
        ),
        PinRole::OtherPerson => lang.pick(
            "Бул номердеги туулган күн сизге таандык эмес: башка адамдын номери болушу мүмкүн.",
            "Дата рождения в этом номере не ваша: возможно, это номер другого человека.",
            "The birth date in this number is not yours: it may be another person's number.",
        ),
        PinRole::Repeated => lang.pick(
            "Бул номер жогоруда жазылган.",
            "Этот номер уже указан выше.",
            "This number is already listed above.",
        ),
        PinRole::Invalid => lang.pick(
            "Бул туура ПИН эмес: каталарын караңыз.",
            "Это некорректный ПИН: см. ошибки.",
            "This is not a valid PIN: see its errors.",
        ),
        PinRole::Unchecked => lang.pick(
            "Туура ПИН; туулган күнүңүз көрсөтүлбөгөндүктөн салыштырылган жок.",
            "Корректный ПИН; без вашей даты рождения сравнить не с чем.",
            "A valid PIN; without your date of birth there is nothing to compare it with.",
        ),
    }
}

fn positions(pins: &[usize]) -> String {
    pins.iter()
        .map(|p| format!("№{p}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// What a person's numbers show together, in a sentence.
pub fn person_finding(finding: &PersonFinding, lang: Lang) -> String {
    match finding {
        PersonFinding::SeveralPinsOnePerson { pins } => {
            let pins = positions(pins);
            match lang {
                Lang::Ky => format!("{pins} номерлери бир адамга таандык окшойт: туулган күнү жана жынысы бирдей, катар номерлери башка. 2016-жылга чейин Салык кызматы менен Социалдык фонд ПИНди өз-өзүнчө беришкен; ашыкча номер оңдолушу керек."),
                Lang::Ru => format!("Номера {pins}, похоже, принадлежат одному человеку: одинаковые дата рождения и пол, разные порядковые номера. До 2016 года Налоговая служба и Социальный фонд выдавали ПИН независимо; лишний номер нужно исправить."),
                Lang::En => format!("Numbers {pins} look like one person's: the same birth date and sex digit, different serials. Before 2016 the Tax Service and the Social Fund issued PINs separately; the extra number must be corrected."),
            }
        }
        PersonFinding::PinWithWrongDate { pin, detail } => {
            let how = match (detail, lang) {
                (DateMismatch::DayMonthSwapped, Lang::Ky) => "күн менен ай алмашып калган",
                (DateMismatch::DayMonthSwapped, Lang::Ru) => "переставлены день и месяц",
                (DateMismatch::DayMonthSwapped, Lang::En) => "day and month are swapped",
                (_, Lang::Ky) => "бир цифрага айырмаланат",
                (_, Lang::Ru) => "на одну цифру",
                (_, Lang::En) => "one digit differs",
            };
            match lang {
                Lang::Ky => format!("№{pin} номериндеги туулган күн сиздикинен ката менен айырмаланат ({how}): номер ката берилген окшойт."),
                Lang::Ru => format!("Дата рождения в номере №{pin} отличается от вашей ({how}): похоже, номер выдан с ошибкой."),
                Lang::En => format!("The birth date in number №{pin} differs from yours by a slip ({how}): the number seems issued with a mistake."),
            }
        }
        PersonFinding::SamePinTwice { pins } => {
            let pins = positions(pins);
            match lang {
                Lang::Ky => format!("{pins} — бир эле номер, бир нече документте жазылган. Бул туура."),
                Lang::Ru => format!("{pins} — один и тот же номер в разных документах. Это нормально."),
                Lang::En => format!("{pins} are the same number on several documents. That is as it should be."),
            }
        }
        PersonFinding::NotTheSamePerson { pins } => {
            let pins = positions(pins);
            match lang {
                Lang::Ky => format!("{pins} номериндеги туулган күн сиздики менен такыр башка: бул номер башка адамдыкы болушу мүмкүн же документте ката бар. Борбордон текшертиңиз."),
                Lang::Ru => format!("Дата рождения в номере {pins} не совпадает с вашей: номер может принадлежать другому человеку или в документе ошибка. Попросите центр проверить."),
                Lang::En => format!("The birth date in number {pins} is quite unlike yours: the number may be another person's, or the document is wrong. Ask the centre to check it."),
            }
        }
        PersonFinding::SexDigitDiffers { pin } => match lang {
            Lang::Ky => format!("№{pin} номеринин биринчи цифрасы сиз көрсөткөн жыныска дал келбейт. Мыйзам боюнча жынысы өзгөргөндө ПИН өзгөртүлбөйт; башка учурда бул ката болушу мүмкүн."),
            Lang::Ru => format!("Первая цифра номера №{pin} не соответствует указанному полу. По закону ПИН не меняется при смене пола; в остальных случаях это может быть ошибкой."),
            Lang::En => format!("The first digit of number №{pin} does not match the sex you gave. By law a PIN is not changed when a person changes gender; otherwise this may be a mistake."),
        },
        PersonFinding::NoPinAgrees => lang.pick(
            "Бир да номер сиздин туулган күнүңүзгө дал келбейт. Туулган күнүңүздү текшериңиз; туура болсо, борбордо туура ПИН сураңыз.",
            "Ни один номер не соответствует вашей дате рождения. Проверьте дату; если она верна, обратитесь в центр за правильным ПИН.",
            "None of the numbers agrees with your date of birth. Check the date; if it is right, ask the centre for a correct PIN.",
        ).into(),
        PersonFinding::KeepNotOnIdDocument { pin } => match lang {
            Lang::Ky => format!("Сактала турган номер (№{pin}) паспорттон же ID-картадан эмес. Паспортуңуздагы ПИНди текшерип, аны борборго алып барыңыз."),
            Lang::Ru => format!("Номер, который следует сохранить (№{pin}), взят не из паспорта или ID-карты. Сверьте ПИН в паспорте и возьмите паспорт в центр."),
            Lang::En => format!("The number to keep (№{pin}) is not from your passport or ID card. Check the PIN in your passport and bring it to the centre."),
        },
        PersonFinding::PinMistyped { pins } => {
            let pins = positions(pins);
            match lang {
                Lang::Ky => format!("{pins}: бул ПИН болушу мүмкүн эмес (тамга же цифралардын саны туура эмес). Документтен кайра көчүрүп, текшерүүнү кайталаңыз."),
                Lang::Ru => format!("{pins}: в таком виде это не ПИН (буква или не то число цифр). Перепишите номер из документа и проверьте снова."),
                Lang::En => format!("{pins}: as written this cannot be a PIN (a letter, or a wrong number of digits). Copy it again from the document and check again."),
            }
        }
        PersonFinding::AllAgree => lang.pick(
            "Номериңиз сиздин маалыматка дал келет: оңдоо керек эмес.",
            "Ваш номер согласуется с вашими данными: исправлять нечего.",
            "Your number agrees with your data: nothing to correct.",
        ).into(),
    }
}

/// What the check found that decides the next steps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Situation {
    /// A number needs correcting at a Public Service Centre.
    pub needs_correction: bool,
    /// A number was mistyped here.
    pub mistyped: bool,
    /// A number's sex digit differs from the person's sex.
    pub sex_differs: bool,
}

/// What the person does next, in sentences.
pub fn next_steps(situation: &Situation, documents: &[Document], lang: Lang) -> Vec<String> {
    let mut steps: Vec<String> = Vec::new();
    if situation.mistyped {
        steps.push(
            lang.pick(
                "Алгач ката терилген номерди документтен кайра көчүрүп, текшерүүнү кайталаңыз.",
                "Сначала перепишите номер с опечаткой из документа и повторите проверку.",
                "First copy the mistyped number again from its document and check again.",
            )
            .into(),
        );
    }
    if !situation.needs_correction {
        if situation.sex_differs {
            steps.push(lang.pick(
                "Эгер жынысыңызды өзгөртпөгөн болсоңуз, номерди Калкты тейлөө борборунда текшертиңиз.",
                "Если вы не меняли пол, попросите проверить номер в Центре обслуживания населения.",
                "If you have not changed your gender, ask a Public Service Centre to check the number.",
            ).into());
        } else if !situation.mistyped {
            steps.push(
                lang.pick(
                    "Эч нерсе кылуунун кереги жок. Бул текшерүүнү каалаган убакта кайталай аласыз.",
                    "Ничего делать не нужно. Проверку можно повторить в любое время.",
                    "Nothing to do. You can repeat this check at any time.",
                )
                .into(),
            );
        }
        return steps;
    }
    let mut names: Vec<&str> = Vec::new();
    for d in std::iter::once(&Document::Passport).chain(documents) {
        let name = document(*d, lang);
        if !names.contains(&name) {
            names.push(name);
        }
    }
    let list = names.join(", ");
    steps.extend([
        match lang {
            Lang::Ky => format!("Калкты тейлөө борборуна (ЦОН) кайрылыңыз. Өзүңүз менен ала келиңиз: {list}."),
            Lang::Ru => format!("Обратитесь в Центр обслуживания населения (ЦОН). Возьмите с собой: {list}."),
            Lang::En => format!("Apply at a Public Service Centre (ЦОН). Bring: {list}."),
        },
        lang.pick(
            "Кайталанган ПИНди «Кызмат» мекемеси 1–2 иш күнүндө оңдойт; арыз бергенден кийин кайра келишиңиздин кереги жок.",
            "Двойной ПИН исправляет учреждение «Кызмат» за 1–2 рабочих дня; после подачи заявления приходить ещё раз не нужно.",
            "The state institution “Kyzmat” corrects a double PIN in 1–2 working days; once you have applied, you need not come in person again.",
        ).into(),
        lang.pick(
            "Дарегиңиз белгилүү болсо, жыйынтыгы тууралуу почта аркылуу кабарлашат.",
            "Если ваш адрес известен, о результате сообщат по почте.",
            "Where your address is known, you are notified of the result by post.",
        ).into(),
    ]);
    steps
}

/// The review's progress, "Reviewed 312 of 4,210", as each language orders it.
///
/// ```
/// use kgpin::messages::{reviewed, Lang};
/// assert_eq!(reviewed(312, 4210, Lang::En), "Reviewed 312 of 4\u{a0}210");
/// assert_eq!(reviewed(312, 4210, Lang::Ky), "4\u{a0}210 ичинен 312 каралды");
/// ```
pub fn reviewed(done: usize, total: usize, lang: Lang) -> String {
    let (done, total) = (grouped_number(done), grouped_number(total));
    match lang {
        Lang::Ky => format!("{total} ичинен {done} каралды"),
        Lang::Ru => format!("Проверено {done} из {total}"),
        Lang::En => format!("Reviewed {done} of {total}"),
    }
}

/// A count with its thousands apart by a no-break space, as Kyrgyz and
/// Russian write them (and readable in English too): `22 655`.
pub fn grouped_number(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push('\u{a0}');
        }
        out.push(c);
    }
    out
}

crate::coded_enum! {
    /// Why a job of the clerk's background worker could not run.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
    pub enum JobError {
        /// The browser could not read the chosen file.
        "unreadable_file" => UnreadableFile,
        /// A search or review before any registry was loaded.
        "no_registry" => NoRegistry,
    }
}

/// Why a job of the clerk's worker could not run, in words. Kept apart from
/// the labels so the worker carries only the words it says.
pub fn job_error(error: JobError, lang: Lang) -> &'static str {
    match error {
        JobError::UnreadableFile => lang.pick(
            "Файл окулбай калды. Аны кайра тандап көрүңүз.",
            "Файл не удалось прочитать. Выберите его ещё раз.",
            "The file could not be read. Choose it again.",
        ),
        JobError::NoRegistry => lang.pick(
            "Адегенде реестрди жүктөңүз.",
            "Сначала загрузите реестр.",
            "Load a registry first.",
        ),
    }
}

/// Labels of the user interfaces, kept beside the messages so one review covers all words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    /// The app's title: "PIN check".
    AppTitle,
    /// The line under the title: check your PIN before you file a request.
    AppTagline,
    /// Label of the PIN input: "PIN (14 digits)".
    PinField,
    /// A sample PIN shown in the empty PIN input.
    PinPlaceholder,
    /// Label of the optional input for the person's own sex.
    StatedSexField,
    /// Label of the optional input for the person's own date of birth.
    StatedBirthDateField,
    /// "Not given": the choice for an optional field left empty.
    NotGiven,
    /// Verdict: the PIN is valid.
    Valid,
    /// Verdict: the PIN is not valid.
    Invalid,
    /// Verdict: the PIN is valid, but take a look.
    ValidWithWarnings,
    /// Heading of the sex the PIN encodes.
    Sex,
    /// Heading of the date of birth the PIN encodes.
    BirthDate,
    /// Heading of the PIN's serial (its last five digits).
    Serial,
    /// Heading of the list of errors.
    Errors,
    /// Heading of the list of warnings.
    Warnings,
    /// The privacy note: nothing typed leaves the device.
    Privacy,
    /// Label of the language switch.
    Language,
    /// Check a PIN: “Check a PIN”.
    NavCheck,
    /// Clerk workstation: “Clerk workstation”.
    NavClerk,
    /// Title of the clerk page: “Double PINs in a registry”.
    ClerkTitle,
    /// What the page does: “Load a registry extract (CSV, UTF-8 or Windows-1251, ‘,’ or ‘;’): duplicates are found in this browser and nothing is sent anywhere.”.
    ClerkIntro,
    /// File input: “Choose a registry file or drop it here”.
    ChooseFile,
    /// Demo button: “Demo registry (20,000 people)”.
    Demo,
    /// Cancel: “Cancel”.
    Cancel,
    /// Busy heading: “Working…”.
    Working,
    /// Stage: “Reading the file”.
    StageRead,
    /// Stage: “Grouping”.
    StageBlock,
    /// Stage: “Comparing”.
    StageCompare,
    /// Stage: “Clustering”.
    StageCluster,
    /// Rows unit: “rows”.
    Rows,
    /// Pairs unit: “pairs”.
    Pairs,
    /// Error: “The background worker stopped; reload the page and try again.”.
    WorkerFailed,
    /// Heading: “Summary”.
    Summary,
    /// Figure: “Rows read”.
    RowsRead,
    /// Figure: “Records compared”.
    RecordsCompared,
    /// Figure: “Rows left out”.
    RowsRejected,
    /// Figure: “Rows kept with an unreadable field”.
    FieldProblems,
    /// Figure: “Clusters found”.
    ClustersFound,
    /// Figure: “One PIN, different people (pairs)”.
    SharedPins,
    /// Figure: “Time taken”.
    TimeTaken,
    /// Chart: “Clusters by kind”.
    ClustersByKind,
    /// Chart: “Clusters by size (records)”.
    ClustersBySize,
    /// Heading: “Rows left out”.
    RejectedRows,
    /// Column: “Line”.
    Line,
    /// Column: “Problem”.
    Problem,
    /// Button: “Download the rows left out (CSV)”.
    DownloadRejected,
    /// Heading: “Review”.
    Review,
    /// Filter: “All kinds”.
    AllKinds,
    /// Filter: “Kind”.
    Kind,
    /// Checkbox: “Hide scores while deciding”.
    HideScores,
    /// Label: “Cluster”.
    Cluster,
    /// Label: “Weakest link”.
    WeakestLink,
    /// Column: “Field”.
    Field,
    /// Field: “Record id”.
    RecordId,
    /// Field: “Source”.
    Source,
    /// Field: “Surname”.
    LastName,
    /// Field: “First name”.
    FirstName,
    /// Field: “Patronymic”.
    Patronymic,
    /// Field: “Stated date of birth”.
    StatedBirthDate,
    /// Field: “Stated sex”.
    StatedSex,
    /// Field: “Sex in the PIN”.
    PinSex,
    /// Field: “Date of birth in the PIN”.
    PinBirthDate,
    /// Marker: “differs”.
    Differs,
    /// Marker: “disagrees with its own record”.
    DisagreesWithRecord,
    /// Heading: “Links in the cluster”.
    Links,
    /// Column: “Score (bits)”.
    Score,
    /// Heading: “Why”.
    Why,
    /// Decision: “Same person”.
    SamePerson,
    /// Decision: “Different people”.
    DifferentPeople,
    /// Decision: “Unsure”.
    Unsure,
    /// Decision: “Undecided”.
    Undecided,
    /// Field: “Comment”.
    Comment,
    /// Button: “Undo”.
    Undo,
    /// Button: “Previous”.
    Previous,
    /// Button: “Next”.
    Next,
    /// Help: “Keys: S same person, D different people, U unsure, Z undo, J/K next/previous”.
    Shortcuts,
    /// Empty: “No clusters of this kind.”.
    NothingToReview,
    /// Heading: “Export”.
    Export,
    /// Button: “Clusters and decisions (CSV)”.
    ExportClusters,
    /// Checkbox: “‘;’ separator (Excel in a Russian locale)”.
    SemicolonOption,
    /// Heading: “Pre-check one person”.
    PreCheck,
    /// Field: “PINs (comma-separated)”.
    Pins,
    /// Button: “Search”.
    Search,
    /// Empty: “No similar records found.”.
    NoCandidates,
    /// Figure: “Search took”.
    QueryTook,
    /// Label: “File”.
    File,
    /// Button: “Load another file”.
    LoadAnother,
    /// A11y: “Skip to content”.
    SkipLink,
    /// Button: “Decisions file (JSON, for another clerk)”.
    ExportDecisions,
    /// File input: “Import another clerk's decisions”.
    ImportDecisions,
    /// Figure: “Applied”.
    ImportApplied,
    /// Figure: “Not in this file”.
    ImportUnmatched,
    /// Heading: “Conflicting decisions (not applied)”.
    Conflicts,
    /// Column: “Mine”.
    Mine,
    /// Column: “Theirs”.
    Theirs,
    /// Figure: “Earlier decisions applied”.
    CarriedOver,
    /// Error: “This is not a kgpin decisions file.”.
    InvalidDecisionsFile,
    /// Nav: “I have several numbers”.
    NavSeveral,
    /// Nav: “About the PIN”.
    NavAbout,
    /// Heading: “I have several PINs”.
    SeveralTitle,
    /// Intro: “If your documents carry different PINs, enter them here: we show which is right and which needs correcting. Nothing is sent anywhere.”.
    SeveralIntro,
    /// Heading: “Your details”.
    YourDetails,
    /// Heading: “Your numbers”.
    YourNumbers,
    /// Label: “Number”.
    Number,
    /// Label: “Document”.
    Document,
    /// Button: “Add another number”.
    AddNumber,
    /// Button: “Remove”.
    RemoveNumber,
    /// Button: “Continue”.
    Continue,
    /// Heading: “There is a problem”.
    ThereIsAProblem,
    /// Title: “Error”.
    ErrorPrefix,
    /// Error: “Enter your surname”.
    EnterLastName,
    /// Error: “Enter your first name”.
    EnterFirstName,
    /// Error: “Choose your sex”.
    ChooseSex,
    /// Error: “Enter your date of birth”.
    EnterBirthDate,
    /// Error: “Enter the PIN or remove this row”.
    EnterPin,
    /// Heading: “Check your answers”.
    CheckAnswers,
    /// Link: “Change”.
    Change,
    /// Label: “Name”.
    Name,
    /// Button: “See the result”.
    SeeResult,
    /// Heading: “Result of the check”.
    Result,
    /// Label: “Checked on”.
    CheckedOn,
    /// Heading: “What your numbers show”.
    WhatTheyShow,
    /// Heading: “What to do next”.
    NextSteps,
    /// Label: “Signature”.
    Signature,
    /// Button: “Print or save as PDF”.
    Print,
    /// Button: “Start again”.
    StartAgain,
    /// Button: “Keep my answers on this device”.
    KeepOnDevice,
    /// Button: “Forget my saved answers”.
    ForgetOnDevice,
    /// Status: “Your answers are kept on this device only.”.
    KeptOnDevice,
    /// Note: “This page sends nothing: the check runs in your browser and your data stays on this device.”.
    NothingSent,
    /// Heading: “About the PIN”.
    AboutTitle,
    /// Label: “PIN”.
    Pin,
    /// Text: “The personal identification number (PIN) has 14 digits and also serves as the person's INN. This app shows what it encodes and how sure each rule is.”.
    AboutIntro,
    /// Column: “Part”.
    Part,
    /// Column: “Meaning”.
    Meaning,
    /// Column: “How sure”.
    HowSure,
    /// Row: “Digit 1: 1 female, 2 male (0 starts an organisation's INN)”.
    PartSex,
    /// Row: “Digits 2–9: date of birth, DD MM YYYY”.
    PartDate,
    /// Row: “Digits 10–14: serial number”.
    PartSerial,
    /// Confidence: “Confirmed officially (2025)”.
    Confirmed,
    /// Confidence: “Well supported by published examples”.
    WellSupported,
    /// Confidence: “Meaning unknown; not checked”.
    Unknown,
    /// Text: “No check digit is known, and the app invents none. A PIN is not changed on a change of gender and is not guaranteed unique: such disagreements are shown as warnings, not errors.”.
    AboutRules,
    /// Heading: “Privacy”.
    AboutPrivacy,
    /// Text: “Every check runs in this browser. The page sends no data; its security policy (CSP) forbids network requests. Only your choice of language, and answers you ask to keep, are stored on this device.”.
    AboutPrivacyText,
    /// Text: “Once opened, the app also works without a connection, and can be installed.”.
    AboutOffline,
    /// Heading: “PINs on many records”.
    PinsOnManyRecords,
    /// Text: “These PINs appear on so many records that they are not compared pair by pair: usually a placeholder, or a default typed into every row. Check each one on its own.”.
    PinsOnManyRecordsHelp,
    /// Button: “One PIN, different people (CSV)”.
    ExportShared,
    /// Error: “Enter a surname and first name, or at least one PIN”.
    EnterNameOrPin,
    /// Summary: “Number to keep”.
    VerdictKeep,
    /// Summary: “To correct”.
    VerdictCorrect,
    /// Summary: “Retype”.
    VerdictRetype,
    /// Summary: “Check at the centre”.
    VerdictCheck,
    /// Heading: “In short”.
    InShort,
}

/// The text of a user-interface label.
pub fn label(label: Label, lang: Lang) -> &'static str {
    use Label::*;
    match label {
        AppTitle => lang.pick("ПИНди текшерүү", "Проверка ПИН", "PIN check"),
        AppTagline => lang.pick(
            "Жеке идентификациялык номериңизди арыз берүүдөн мурун текшериңиз.",
            "Проверьте свой персональный идентификационный номер до подачи заявления.",
            "Check your personal identification number before you file a request.",
        ),
        PinField => lang.pick("ПИН (14 цифра)", "ПИН (14 цифр)", "PIN (14 digits)"),
        PinPlaceholder => "1 02021982 54217",
        StatedSexField => lang.pick(
            "Жынысыңыз (милдеттүү эмес)",
            "Ваш пол (необязательно)",
            "Your sex (optional)",
        ),
        StatedBirthDateField => lang.pick(
            "Туулган күнүңүз (милдеттүү эмес)",
            "Ваша дата рождения (необязательно)",
            "Your date of birth (optional)",
        ),
        NotGiven => lang.pick("көрсөтүлгөн эмес", "не указан", "not given"),
        Valid => lang.pick("ПИН туура", "ПИН корректен", "The PIN is valid"),
        Invalid => lang.pick("ПИН туура эмес", "ПИН некорректен", "The PIN is not valid"),
        ValidWithWarnings => lang.pick(
            "ПИН туура, бирок текшерип көрүңүз",
            "ПИН корректен, но проверьте",
            "The PIN is valid, but take a look",
        ),
        Sex => lang.pick("Жынысы", "Пол", "Sex"),
        BirthDate => lang.pick("Туулган күнү", "Дата рождения", "Date of birth"),
        Serial => lang.pick("Катар номери", "Порядковый номер", "Serial"),
        Errors => lang.pick("Каталар", "Ошибки", "Errors"),
        Warnings => lang.pick("Эскертүүлөр", "Предупреждения", "Warnings"),
        Privacy => lang.pick(
            "Сиз киргизген маалымат ушул түзмөктөн чыкпайт: текшерүү браузериңизде жүрөт.",
            "Введённые данные не покидают это устройство: проверка идёт в вашем браузере.",
            "Nothing you type leaves this device: the check runs in your browser.",
        ),
        Language => lang.pick("Тил", "Язык", "Language"),
        NavCheck => lang.pick(
            "ПИНди текшерүү",
            "Проверка ПИН",
            "Check a PIN",
        ),
        NavClerk => lang.pick(
            "Кызматкердин иш орду",
            "Рабочее место сотрудника",
            "Clerk workstation",
        ),
        ClerkTitle => lang.pick(
            "Реестрдеги кайталанган ПИНдер",
            "Двойные ПИН в реестре",
            "Double PINs in a registry",
        ),
        ClerkIntro => lang.pick(
            "CSV файлын (UTF-8 же Windows-1251, «,» же «;») жүктөңүз: кайталануулар ушул браузерде изделет, эч нерсе жөнөтүлбөйт.",
            "Загрузите CSV-выгрузку (UTF-8 или Windows-1251, «,» или «;»): дубликаты ищутся в этом браузере, ничего не отправляется.",
            "Load a registry extract (CSV, UTF-8 or Windows-1251, ‘,’ or ‘;’): duplicates are found in this browser and nothing is sent anywhere.",
        ),
        ChooseFile => lang.pick(
            "Реестр файлын тандаңыз же бул жерге сүйрөңүз",
            "Выберите файл реестра или перетащите его сюда",
            "Choose a registry file or drop it here",
        ),
        Demo => lang.pick(
            "Демо реестр (20 000 адам)",
            "Демо-реестр (20 000 человек)",
            "Demo registry (20,000 people)",
        ),
        Cancel => lang.pick(
            "Токтотуу",
            "Отменить",
            "Cancel",
        ),
        Working => lang.pick(
            "Иштеп жатат…",
            "Обработка…",
            "Working…",
        ),
        StageRead => lang.pick(
            "Файлды окуу",
            "Чтение файла",
            "Reading the file",
        ),
        StageBlock => lang.pick(
            "Топтоо",
            "Группировка",
            "Grouping",
        ),
        StageCompare => lang.pick(
            "Салыштыруу",
            "Сравнение",
            "Comparing",
        ),
        StageCluster => lang.pick(
            "Кластерлер",
            "Кластеры",
            "Clustering",
        ),
        Rows => lang.pick(
            "сап",
            "строк",
            "rows",
        ),
        Pairs => lang.pick(
            "жуп",
            "пар",
            "pairs",
        ),
        WorkerFailed => lang.pick(
            "Фондогу иштетүүчү токтоп калды; баракты жаңылап, кайра аракет кылыңыз.",
            "Фоновый обработчик остановился; обновите страницу и попробуйте снова.",
            "The background worker stopped; reload the page and try again.",
        ),
        Summary => lang.pick(
            "Жыйынтык",
            "Сводка",
            "Summary",
        ),
        RowsRead => lang.pick(
            "Окулган саптар",
            "Прочитано строк",
            "Rows read",
        ),
        RecordsCompared => lang.pick(
            "Салыштырылган жазуулар",
            "Сравнено записей",
            "Records compared",
        ),
        RowsRejected => lang.pick(
            "Четке кагылган саптар",
            "Отклонено строк",
            "Rows left out",
        ),
        FieldProblems => lang.pick(
            "Талаасы окулбаган саптар (сакталды)",
            "Строки с нечитаемым полем (сохранены)",
            "Rows kept with an unreadable field",
        ),
        ClustersFound => lang.pick(
            "Табылган кластерлер",
            "Найдено кластеров",
            "Clusters found",
        ),
        SharedPins => lang.pick(
            "Ар башка адамдардагы бир ПИН (жуптар)",
            "Один ПИН у разных людей (пары)",
            "One PIN, different people (pairs)",
        ),
        TimeTaken => lang.pick(
            "Убакыт",
            "Время",
            "Time taken",
        ),
        ClustersByKind => lang.pick(
            "Кластерлер түрү боюнча",
            "Кластеры по видам",
            "Clusters by kind",
        ),
        ClustersBySize => lang.pick(
            "Кластерлер өлчөмү боюнча (жазуу саны)",
            "Кластеры по размеру (число записей)",
            "Clusters by size (records)",
        ),
        RejectedRows => lang.pick(
            "Четке кагылган саптар",
            "Отклонённые строки",
            "Rows left out",
        ),
        Line => lang.pick(
            "Сап",
            "Строка",
            "Line",
        ),
        Problem => lang.pick(
            "Себеби",
            "Причина",
            "Problem",
        ),
        DownloadRejected => lang.pick(
            "Четке кагылган саптарды жүктөп алуу (CSV)",
            "Скачать отклонённые строки (CSV)",
            "Download the rows left out (CSV)",
        ),
        Review => lang.pick(
            "Карап чыгуу",
            "Проверка",
            "Review",
        ),
        AllKinds => lang.pick(
            "Бардык түрлөр",
            "Все виды",
            "All kinds",
        ),
        Kind => lang.pick(
            "Түрү",
            "Вид",
            "Kind",
        ),
        HideScores => lang.pick(
            "Чечим кабыл алганда упайларды жашыруу",
            "Скрывать баллы при решении",
            "Hide scores while deciding",
        ),
        Cluster => lang.pick(
            "Кластер",
            "Кластер",
            "Cluster",
        ),
        WeakestLink => lang.pick(
            "Эң алсыз байланыш",
            "Самая слабая связь",
            "Weakest link",
        ),
        Field => lang.pick(
            "Талаа",
            "Поле",
            "Field",
        ),
        RecordId => lang.pick(
            "Жазуунун ID",
            "ID записи",
            "Record id",
        ),
        Source => lang.pick(
            "Булак",
            "Источник",
            "Source",
        ),
        LastName => lang.pick(
            "Фамилиясы",
            "Фамилия",
            "Surname",
        ),
        FirstName => lang.pick(
            "Аты",
            "Имя",
            "First name",
        ),
        Patronymic => lang.pick(
            "Атасынын аты",
            "Отчество",
            "Patronymic",
        ),
        StatedBirthDate => lang.pick(
            "Көрсөтүлгөн туулган күнү",
            "Указанная дата рождения",
            "Stated date of birth",
        ),
        StatedSex => lang.pick(
            "Көрсөтүлгөн жынысы",
            "Указанный пол",
            "Stated sex",
        ),
        PinSex => lang.pick(
            "ПИНдеги жынысы",
            "Пол в ПИН",
            "Sex in the PIN",
        ),
        PinBirthDate => lang.pick(
            "ПИНдеги туулган күнү",
            "Дата рождения в ПИН",
            "Date of birth in the PIN",
        ),
        Differs => lang.pick(
            "айырмаланат",
            "отличается",
            "differs",
        ),
        DisagreesWithRecord => lang.pick(
            "өз жазуусуна дал келбейт",
            "не согласуется со своей записью",
            "disagrees with its own record",
        ),
        Links => lang.pick(
            "Кластердеги байланыштар",
            "Связи в кластере",
            "Links in the cluster",
        ),
        Score => lang.pick("Упай", "Балл", "Score"),
        Why => lang.pick(
            "Эмне үчүн",
            "Почему",
            "Why",
        ),
        SamePerson => lang.pick(
            "Бир адам",
            "Один человек",
            "Same person",
        ),
        DifferentPeople => lang.pick(
            "Ар башка адамдар",
            "Разные люди",
            "Different people",
        ),
        Unsure => lang.pick(
            "Так эмес",
            "Под вопросом",
            "Unsure",
        ),
        Undecided => lang.pick(
            "Чечим жок",
            "Без решения",
            "Undecided",
        ),
        Comment => lang.pick(
            "Комментарий",
            "Комментарий",
            "Comment",
        ),
        Undo => lang.pick(
            "Артка кайтаруу",
            "Отменить действие",
            "Undo",
        ),
        Previous => lang.pick(
            "Мурунку",
            "Предыдущий",
            "Previous",
        ),
        Next => lang.pick(
            "Кийинки",
            "Следующий",
            "Next",
        ),
        Shortcuts => lang.pick(
            "Баскычтар: S — бир адам, D — ар башка, U — так эмес, Z — артка, J/K — кийинки/мурунку",
            "Клавиши: S — один человек, D — разные, U — под вопросом, Z — отменить, J/K — следующий/предыдущий",
            "Keys: S same person, D different people, U unsure, Z undo, J/K next/previous",
        ),
        NothingToReview => lang.pick(
            "Бул түрдөгү кластер жок.",
            "Кластеров этого вида нет.",
            "No clusters of this kind.",
        ),
        Export => lang.pick(
            "Экспорт",
            "Экспорт",
            "Export",
        ),
        ExportClusters => lang.pick(
            "Кластерлер жана чечимдер (CSV)",
            "Кластеры и решения (CSV)",
            "Clusters and decisions (CSV)",
        ),
        SemicolonOption => lang.pick(
            "«;» бөлгүчү (орусча Excel үчүн)",
            "Разделитель «;» (для русского Excel)",
            "‘;’ separator (Excel in a Russian locale)",
        ),
        PreCheck => lang.pick(
            "Бир адамды алдын ала текшерүү",
            "Предварительная проверка одного человека",
            "Pre-check one person",
        ),
        Pins => lang.pick(
            "ПИНдер (үтүр менен)",
            "ПИН (через запятую)",
            "PINs (comma-separated)",
        ),
        Search => lang.pick(
            "Издөө",
            "Искать",
            "Search",
        ),
        NoCandidates => lang.pick(
            "Окшош жазуу табылган жок.",
            "Похожих записей не найдено.",
            "No similar records found.",
        ),
        QueryTook => lang.pick(
            "Издөө убактысы",
            "Время поиска",
            "Search took",
        ),
        File => lang.pick(
            "Файл",
            "Файл",
            "File",
        ),
        LoadAnother => lang.pick(
            "Башка файл жүктөө",
            "Загрузить другой файл",
            "Load another file",
        ),
        SkipLink => lang.pick(
            "Негизги мазмунга өтүү",
            "Перейти к содержимому",
            "Skip to content",
        ),
        ExportDecisions => lang.pick(
            "Чечимдер файлы (башка кызматкер үчүн JSON)",
            "Файл решений (JSON для другого сотрудника)",
            "Decisions file (JSON, for another clerk)",
        ),
        ImportDecisions => lang.pick(
            "Башка кызматкердин чечимдерин импорттоо",
            "Импортировать решения другого сотрудника",
            "Import another clerk's decisions",
        ),
        ImportApplied => lang.pick(
            "Колдонулду",
            "Применено",
            "Applied",
        ),
        ImportUnmatched => lang.pick(
            "Бул файлда жок",
            "Нет в этом файле",
            "Not in this file",
        ),
        Conflicts => lang.pick(
            "Карама-каршы чечимдер (колдонулган жок)",
            "Противоречащие решения (не применены)",
            "Conflicting decisions (not applied)",
        ),
        Mine => lang.pick(
            "Меники",
            "Моё",
            "Mine",
        ),
        Theirs => lang.pick(
            "Алардыкы",
            "Их",
            "Theirs",
        ),
        CarriedOver => lang.pick(
            "Мурунку чечимдер колдонулду",
            "Применено прежних решений",
            "Earlier decisions applied",
        ),
        InvalidDecisionsFile => lang.pick(
            "Бул kgpin чечимдер файлы эмес.",
            "Это не файл решений kgpin.",
            "This is not a kgpin decisions file.",
        ),
        NavSeveral => lang.pick(
            "Менде бир нече номер бар",
            "У меня несколько номеров",
            "I have several numbers",
        ),
        NavAbout => lang.pick(
            "ПИН жөнүндө",
            "О ПИН",
            "About the PIN",
        ),
        SeveralTitle => lang.pick(
            "Менде бир нече ПИН бар",
            "У меня несколько ПИН",
            "I have several PINs",
        ),
        SeveralIntro => lang.pick(
            "Документтериңизде ар башка ПИНдер болсо, аларды бул жерге жазыңыз: кайсынысы туура, кайсынысын оңдоо керек экенин көрсөтөбүз. Эч нерсе жөнөтүлбөйт.",
            "Если в ваших документах разные ПИН, впишите их сюда: мы покажем, какой верный, а какой нужно исправить. Ничего не отправляется.",
            "If your documents carry different PINs, enter them here: we show which is right and which needs correcting. Nothing is sent anywhere.",
        ),
        YourDetails => lang.pick(
            "Сиздин маалыматыңыз",
            "Ваши данные",
            "Your details",
        ),
        YourNumbers => lang.pick(
            "Сиздин номерлериңиз",
            "Ваши номера",
            "Your numbers",
        ),
        Number => lang.pick(
            "Номер",
            "Номер",
            "Number",
        ),
        Document => lang.pick(
            "Документ",
            "Документ",
            "Document",
        ),
        AddNumber => lang.pick(
            "Дагы бир номер кошуу",
            "Добавить ещё номер",
            "Add another number",
        ),
        RemoveNumber => lang.pick(
            "Өчүрүү",
            "Удалить",
            "Remove",
        ),
        Continue => lang.pick(
            "Улантуу",
            "Продолжить",
            "Continue",
        ),
        ThereIsAProblem => lang.pick(
            "Оңдоо керек",
            "Есть ошибки",
            "There is a problem",
        ),
        ErrorPrefix => lang.pick(
            "Ката",
            "Ошибка",
            "Error",
        ),
        EnterLastName => lang.pick(
            "Фамилияңызды жазыңыз",
            "Укажите фамилию",
            "Enter your surname",
        ),
        EnterFirstName => lang.pick(
            "Атыңызды жазыңыз",
            "Укажите имя",
            "Enter your first name",
        ),
        ChooseSex => lang.pick(
            "Жынысыңызды тандаңыз",
            "Выберите пол",
            "Choose your sex",
        ),
        EnterBirthDate => lang.pick(
            "Туулган күнүңүздү жазыңыз",
            "Укажите дату рождения",
            "Enter your date of birth",
        ),
        EnterPin => lang.pick(
            "ПИНди жазыңыз же бул катарды өчүрүңүз",
            "Введите ПИН или удалите эту строку",
            "Enter the PIN or remove this row",
        ),
        CheckAnswers => lang.pick(
            "Жоопторуңузду текшериңиз",
            "Проверьте ответы",
            "Check your answers",
        ),
        Change => lang.pick(
            "Өзгөртүү",
            "Изменить",
            "Change",
        ),
        Name => lang.pick(
            "Аты-жөнү",
            "ФИО",
            "Name",
        ),
        SeeResult => lang.pick(
            "Жыйынтыкты көрүү",
            "Показать результат",
            "See the result",
        ),
        Result => lang.pick(
            "Текшерүүнүн жыйынтыгы",
            "Результат проверки",
            "Result of the check",
        ),
        CheckedOn => lang.pick(
            "Текшерилген күн",
            "Дата проверки",
            "Checked on",
        ),
        WhatTheyShow => lang.pick(
            "Номерлер эмнени көрсөтөт",
            "Что показывают номера",
            "What your numbers show",
        ),
        NextSteps => lang.pick(
            "Эмне кылуу керек",
            "Что делать дальше",
            "What to do next",
        ),
        Signature => lang.pick(
            "Колу",
            "Подпись",
            "Signature",
        ),
        Print => lang.pick(
            "Басып чыгаруу же PDF сактоо",
            "Распечатать или сохранить в PDF",
            "Print or save as PDF",
        ),
        StartAgain => lang.pick(
            "Кайра баштоо",
            "Начать заново",
            "Start again",
        ),
        KeepOnDevice => lang.pick(
            "Жоопторду ушул түзмөктө сактоо",
            "Сохранить ответы на этом устройстве",
            "Keep my answers on this device",
        ),
        ForgetOnDevice => lang.pick(
            "Сакталган жоопторду өчүрүү",
            "Удалить сохранённые ответы",
            "Forget my saved answers",
        ),
        KeptOnDevice => lang.pick(
            "Жооптор ушул түзмөктө гана сакталды.",
            "Ответы сохранены только на этом устройстве.",
            "Your answers are kept on this device only.",
        ),
        NothingSent => lang.pick(
            "Бул баракча эч нерсе жөнөтпөйт: текшерүү браузериңизде жүрөт, маалымат ушул түзмөктө калат.",
            "Эта страница ничего не отправляет: проверка идёт в вашем браузере, данные остаются на этом устройстве.",
            "This page sends nothing: the check runs in your browser and your data stays on this device.",
        ),
        AboutTitle => lang.pick(
            "ПИН жөнүндө",
            "О ПИН",
            "About the PIN",
        ),
        Pin => lang.pick(
            "ПИН",
            "ПИН",
            "PIN",
        ),
        AboutIntro => lang.pick(
            "Жеке идентификациялык номер (ПИН) 14 цифрадан турат жана ИНН катары да колдонулат. Бул тиркеме ПИНдин эмнени билдирерин жана кайсы эрежелер канчалык ишенимдүү экенин көрсөтөт.",
            "Персональный идентификационный номер (ПИН) состоит из 14 цифр и служит также ИНН. Это приложение показывает, что он кодирует и насколько надёжно каждое правило.",
            "The personal identification number (PIN) has 14 digits and also serves as the person's INN. This app shows what it encodes and how sure each rule is.",
        ),
        Part => lang.pick(
            "Бөлүгү",
            "Часть",
            "Part",
        ),
        Meaning => lang.pick(
            "Мааниси",
            "Значение",
            "Meaning",
        ),
        HowSure => lang.pick(
            "Ишенимдүүлүгү",
            "Надёжность",
            "How sure",
        ),
        PartSex => lang.pick(
            "1-цифра: 1 — аял, 2 — эркек (0 — уюмдун ИНН)",
            "1-я цифра: 1 — женщина, 2 — мужчина (0 — ИНН организации)",
            "Digit 1: 1 female, 2 male (0 starts an organisation's INN)",
        ),
        PartDate => lang.pick(
            "2–9-цифралар: туулган күн, КК АА ЖЖЖЖ",
            "Цифры 2–9: дата рождения, ДД ММ ГГГГ",
            "Digits 2–9: date of birth, DD MM YYYY",
        ),
        PartSerial => lang.pick(
            "10–14-цифралар: катар номери",
            "Цифры 10–14: порядковый номер",
            "Digits 10–14: serial number",
        ),
        Confirmed => lang.pick(
            "Расмий ырасталган (2025)",
            "Официально подтверждено (2025)",
            "Confirmed officially (2025)",
        ),
        WellSupported => lang.pick(
            "Жарыяланган мисалдар менен бекемделген",
            "Подтверждено опубликованными примерами",
            "Well supported by published examples",
        ),
        Unknown => lang.pick(
            "Мааниси белгисиз; текшерилбейт",
            "Значение неизвестно; не проверяется",
            "Meaning unknown; not checked",
        ),
        AboutRules => lang.pick(
            "Текшерүү цифрасы белгилүү эмес, ошондуктан колдонмо аны ойлоп чыгарбайт. Жынысы өзгөргөндө ПИН өзгөрбөйт, жана ПИН уникалдуу экени кепилденбейт: мындай дал келбестиктер ката эмес, эскертүү катары көрсөтүлөт.",
            "Контрольная цифра неизвестна, и приложение её не придумывает. ПИН не меняется при смене пола и не гарантированно уникален: такие расхождения показываются как предупреждения, а не ошибки.",
            "No check digit is known, and the app invents none. A PIN is not changed on a change of gender and is not guaranteed unique: such disagreements are shown as warnings, not errors.",
        ),
        AboutPrivacy => lang.pick(
            "Купуялуулук",
            "Конфиденциальность",
            "Privacy",
        ),
        AboutPrivacyText => lang.pick(
            "Бардык текшерүүлөр ушул браузерде жүрөт. Баракча эч кандай маалымат жөнөтпөйт; коопсуздук саясаты (CSP) тармакка кайрылууга тыюу салат. Тил тандоосу жана сиз өзүңүз сактоону сураган жооптор гана ушул түзмөктө сакталат.",
            "Все проверки выполняются в этом браузере. Страница не отправляет никаких данных; политика безопасности (CSP) запрещает сетевые запросы. На устройстве хранится только выбор языка и ответы, которые вы сами попросили сохранить.",
            "Every check runs in this browser. The page sends no data; its security policy (CSP) forbids network requests. Only your choice of language, and answers you ask to keep, are stored on this device.",
        ),
        AboutOffline => lang.pick(
            "Бир жолу ачылгандан кийин тиркеме интернетсиз да иштейт жана аны орнотсо болот.",
            "После первого открытия приложение работает и без интернета, его можно установить.",
            "Once opened, the app also works without a connection, and can be installed.",
        ),
        PinsOnManyRecords => lang.pick(
            "Көп жазууда турган ПИНдер",
            "ПИН, встречающиеся во многих записях",
            "PINs on many records",
        ),
        PinsOnManyRecordsHelp => lang.pick(
            "Бул ПИНдер ушунчалык көп жазууда бар, аларды жуп-жуп салыштырууга болбойт: көбүнчө бул толтургуч же бардык саптарга терилген демейки маани. Ар бирин өзүнчө текшериңиз.",
            "Эти ПИН стоят в стольких записях, что их нельзя сравнить попарно: обычно это заглушка или значение по умолчанию, введённое во все строки. Проверьте каждый отдельно.",
            "These PINs appear on so many records that they are not compared pair by pair: usually a placeholder, or a default typed into every row. Check each one on its own.",
        ),
        ExportShared => lang.pick(
            "Бир ПИН ар башка адамдарда (CSV)",
            "Один ПИН у разных людей (CSV)",
            "One PIN, different people (CSV)",
        ),
        EnterNameOrPin => lang.pick(
            "Фамилия менен атты же жок дегенде бир ПИН жазыңыз",
            "Укажите фамилию и имя или хотя бы один ПИН",
            "Enter a surname and first name, or at least one PIN",
        ),
        VerdictKeep => lang.pick(
            "Сактала турган номер",
            "Номер, который остаётся",
            "Number to keep",
        ),
        VerdictCorrect => lang.pick(
            "Оңдоо керек",
            "Исправить",
            "To correct",
        ),
        VerdictRetype => lang.pick(
            "Кайра териңиз",
            "Перепечатать",
            "Retype",
        ),
        VerdictCheck => lang.pick(
            "Борбордон текшертиңиз",
            "Проверить в центре",
            "Check at the centre",
        ),
        InShort => lang.pick(
            "Кыскача",
            "Коротко",
            "In short",
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_parse_from_codes() {
        assert_eq!("KY".parse::<Lang>(), Ok(Lang::Ky));
        assert_eq!("kg".parse::<Lang>(), Ok(Lang::Ky));
        assert_eq!("ru".parse::<Lang>(), Ok(Lang::Ru));
        assert!("de".parse::<Lang>().is_err());
    }

    /// Checks one code set: the samples cover every code once, each sample's
    /// serde tag is its `code()`, and its message is non-empty and distinct in
    /// each language (and from every other sample's).
    fn check_code_set<T: serde::Serialize>(
        codes: &[&str],
        samples: &[T],
        code: impl Fn(&T) -> &'static str,
        message: impl Fn(&T, Lang) -> String,
    ) {
        let mut covered: Vec<&str> = samples.iter().map(&code).collect();
        covered.sort_unstable();
        let mut expected = codes.to_vec();
        expected.sort_unstable();
        assert_eq!(covered, expected, "every code has exactly one sample");
        for lang in Lang::ALL {
            let mut seen = std::collections::HashSet::new();
            for sample in samples {
                let json = serde_json::to_value(sample).unwrap();
                let tag = json.get("code").unwrap_or(&json);
                assert_eq!(tag, code(sample), "serde name of {}", code(sample));
                let text = message(sample, lang);
                assert!(!text.trim().is_empty(), "{} in {lang}", code(sample));
                assert!(
                    seen.insert(text),
                    "{} in {lang} repeats a message",
                    code(sample)
                );
            }
        }
        for sample in samples {
            let texts: Vec<String> = Lang::ALL.iter().map(|&l| message(sample, l)).collect();
            assert_ne!(texts[0], texts[1], "{}: ky = ru", code(sample));
            assert_ne!(texts[1], texts[2], "{}: ru = en", code(sample));
        }
    }

    /// Every variant of a unit enum, found through its serde names.
    fn all_of<T: serde::de::DeserializeOwned>(codes: &[&str]) -> Vec<T> {
        codes
            .iter()
            .map(|c| serde_json::from_value(serde_json::json!(c)).unwrap())
            .collect()
    }

    #[test]
    fn pin_errors_have_a_message_in_every_language() {
        let d = |s: &str| s.parse::<Date>().unwrap();
        let samples = [
            PinError::Empty,
            PinError::SpreadsheetNumber {
                value: "2.02E+13".into(),
            },
            PinError::InvalidCharacter {
                position: 2,
                character: 'O',
                looks_like: Some('0'),
            },
            PinError::InvalidLength {
                expected: 14,
                found: 13,
            },
            PinError::LegalEntityInn,
            PinError::UnknownSexDigit { digit: '3' },
            PinError::InvalidBirthDate {
                digits: "31021982".into(),
            },
            PinError::BirthDateInFuture {
                birth_date: d("2030-01-01"),
                today: d("2026-11-25"),
            },
        ];
        check_code_set(PinError::CODES, &samples, PinError::code, pin_error);
    }

    #[test]
    fn pin_warnings_have_a_message_in_every_language() {
        let d = |s: &str| s.parse::<Date>().unwrap();
        let samples = [
            PinWarning::BirthYearBefore1900 { year: 1899 },
            PinWarning::AgeOver120 { age: 121 },
            PinWarning::SerialZero,
            PinWarning::SexMismatch {
                pin_sex: Sex::Female,
                stated_sex: Sex::Male,
            },
            PinWarning::BirthDateMismatch {
                pin_birth_date: d("1982-03-04"),
                stated_birth_date: d("1982-04-03"),
                detail: DateMismatch::DayMonthSwapped,
            },
        ];
        check_code_set(PinWarning::CODES, &samples, PinWarning::code, pin_warning);
    }

    #[test]
    fn row_problems_have_a_message_in_every_language() {
        let samples = [
            Problem::MalformedRow {
                detail: "invalid UTF-8".into(),
            },
            Problem::WrongFieldCount {
                expected: 8,
                found: 7,
            },
            Problem::UnbalancedQuote { lines_spanned: 3 },
            Problem::MissingRecordId,
            Problem::DuplicateRecordId {
                record_id: "r1".into(),
            },
            Problem::InvalidPin {
                pin_code: "invalid_length".into(),
            },
            Problem::InvalidBirthDate {
                value: "31.02.1982".into(),
            },
            Problem::InvalidSex { value: "X".into() },
        ];
        check_code_set(Problem::CODES, &samples, Problem::code, problem);
    }

    #[test]
    fn registry_errors_have_a_message_in_every_language() {
        let samples = [
            RegistryError::EmptyFile,
            RegistryError::MissingColumn { column: "pin" },
            RegistryError::DuplicateColumn {
                column: "pin".into(),
            },
            RegistryError::UnsupportedFormat {
                format: "xlsx".into(),
            },
            RegistryError::NoRows,
            RegistryError::BadHeader {
                detail: "invalid UTF-8".into(),
            },
        ];
        check_code_set(
            RegistryError::CODES,
            &samples,
            RegistryError::code,
            registry_error,
        );
    }

    #[test]
    fn reasons_and_kinds_have_a_message_in_every_language() {
        let reasons: Vec<Reason> = all_of(Reason::CODES);
        check_code_set(Reason::CODES, &reasons, Reason::code, |r, l| {
            reason(*r, l).to_string()
        });
        let kinds: Vec<Kind> = all_of(Kind::CODES);
        check_code_set(Kind::CODES, &kinds, Kind::code, |k, l| {
            kind(*k, l).to_string()
        });
    }

    #[test]
    fn job_errors_have_a_message_in_every_language() {
        let errors: Vec<JobError> = all_of(JobError::CODES);
        check_code_set(JobError::CODES, &errors, JobError::code, |e, l| {
            job_error(*e, l).to_string()
        });
    }

    #[test]
    fn person_codes_have_a_message_in_every_language() {
        let documents: Vec<Document> = all_of(Document::CODES);
        check_code_set(Document::CODES, &documents, Document::code, |d, l| {
            document(*d, l).to_string()
        });
        let roles: Vec<PinRole> = all_of(PinRole::CODES);
        check_code_set(PinRole::CODES, &roles, PinRole::code, |r, l| {
            pin_role(*r, l).to_string()
        });
        let findings = [
            PersonFinding::SeveralPinsOnePerson { pins: vec![1, 2] },
            PersonFinding::PinWithWrongDate {
                pin: 2,
                detail: DateMismatch::OneDigit,
            },
            PersonFinding::SamePinTwice { pins: vec![1, 3] },
            PersonFinding::NotTheSamePerson { pins: vec![2] },
            PersonFinding::SexDigitDiffers { pin: 1 },
            PersonFinding::NoPinAgrees,
            PersonFinding::KeepNotOnIdDocument { pin: 1 },
            PersonFinding::AllAgree,
            PersonFinding::PinMistyped { pins: vec![2] },
        ];
        check_code_set(
            PersonFinding::CODES,
            &findings,
            PersonFinding::code,
            person_finding,
        );
    }

    #[test]
    fn messages_carry_their_data() {
        let e = PinError::InvalidCharacter {
            position: 2,
            character: 'О',
            looks_like: Some('0'),
        };
        assert!(pin_error(&e, Lang::Ru).contains("Позиция 2"));
        assert!(pin_error(&e, Lang::En).contains("digit 0"));
        let w = PinWarning::SexMismatch {
            pin_sex: Sex::Female,
            stated_sex: Sex::Male,
        };
        assert!(pin_warning(&w, Lang::En).contains("not changed when a person changes gender"));
        assert!(pin_warning(&w, Lang::Ky).contains("эркек"));
        let d = |s: &str| s.parse::<Date>().unwrap();
        let w = PinWarning::BirthDateMismatch {
            pin_birth_date: d("1982-03-04"),
            stated_birth_date: d("1982-04-03"),
            detail: DateMismatch::DayMonthSwapped,
        };
        assert!(pin_warning(&w, Lang::En).contains("04.03.1982"));
        assert!(pin_warning(&w, Lang::Ru).contains("переставлены"));
    }
}
