//! The one catalogue of human messages, in Kyrgyz, Russian and English.
//!
//! Every face (CLI, WASM package, web app) shows findings through these
//! functions, so a wording is fixed in one place. Codes stay stable; words may
//! improve. The Kyrgyz texts were written by the developers and want review by
//! a native speaker.

use crate::date::Date;
pub use crate::lang::{Lang, LangError};
use crate::matching::{Kind, Reason, Settle};
use crate::person::{Document, NextStep, PersonFinding, PinRole};
use crate::pin::{DateMismatch, PartsDiffer, PinError, PinWarning, MAX_PLAUSIBLE_AGE};
use crate::registry::{Problem, RegistryError};
use crate::sex::Sex;

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
            if *found > crate::pin::READ_LIMIT {
                let limit = crate::pin::READ_LIMIT;
                text.push(' ');
                text.push_str(&match lang {
                    Lang::Ky => format!("Биринчи {limit} белги гана текшерилди."),
                    Lang::Ru => format!("Проверены только первые {limit} символа."),
                    Lang::En => format!("Only the first {limit} characters were checked."),
                });
            }
            if *found + 1 == *expected {
                text.push(' ');
                text.push_str(lang.pick(
                    "Бир цифра жетпейт: ар бир цифраны документ менен салыштырыңыз. Excel'ден көчүрүлгөн номердин башындагы 0 кээде жоголот; 0 менен башталган номер уюмга таандык, адамга эмес.",
                    "Не хватает одной цифры: сверьте каждую цифру с документом. У номера, скопированного из Excel, иногда пропадает 0 в начале; номер, начинающийся с 0, принадлежит организации, а не человеку.",
                    "One digit is missing: check each digit against the document. A number copied from Excel sometimes loses the 0 at its start; a number that starts with 0 belongs to an organisation, not a person.",
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
            Lang::Ky => format!("Туулган жыл {year} — 1900-жылдан мурун: номердин цифраларын документ менен салыштырыңыз."),
            Lang::Ru => format!("Год рождения {year} — раньше 1900: сверьте цифры номера с документом."),
            Lang::En => format!("Birth year {year} is before 1900: check the number's digits against the document."),
        },
        PinWarning::AgeOver120 { age } => match lang {
            Lang::Ky => format!("ПИН боюнча жашы {age}, мынча жыл дээрлик эч ким жашабайт: номердин цифраларын документ менен салыштырыңыз."),
            Lang::Ru => format!("По ПИН возраст {age} {}, столько почти не живут: сверьте цифры номера с документом.", ru_years(*age)),
            Lang::En => format!("The PIN gives an age of {age} years, which almost no one reaches: check the number's digits against the document."),
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
            for_child,
        } => {
            let (pin_sex, stated_sex) = (sex_name(*pin_sex, lang), sex_name(*stated_sex, lang));
            match (lang, *for_child) {
                (Lang::Ky, true) => format!("ПИНдин биринчи цифрасы «{pin_sex}» жынысын көрсөтөт, ал эми көрсөтүлгөнү «{stated_sex}». Баланын номери болсо, биринчи цифрасын туулгандыгы тууралуу күбөлүк менен салыштырыңыз: күбөлүктө да ушул цифра болсо, номерди Калкты тейлөө борборунда текшертиңиз."),
                (Lang::Ru, true) => format!("Первая цифра ПИН означает пол «{pin_sex}», а указан «{stated_sex}». Если это номер ребёнка, сверьте первую цифру со свидетельством о рождении; если она такая же, попросите проверить номер в Центре обслуживания населения."),
                (Lang::En, true) => format!("The PIN's first digit says {pin_sex}, but the stated sex is {stated_sex}. For a child, compare its first digit with the birth certificate: if it is the same, ask a Public Service Centre to check the number."),
                (Lang::Ky, false) => format!("ПИНдин биринчи цифрасы «{pin_sex}» жынысын көрсөтөт, ал эми көрсөтүлгөнү «{stated_sex}». Бул туура болушу мүмкүн: мыйзам боюнча жынысы өзгөргөндө ПИН өзгөрбөйт. Антпесе биринчи цифрасын документ менен салыштырыңыз: документте да ушул цифра болсо жана жынысыңызды өзгөртпөгөн болсоңуз, номерди Калкты тейлөө борборунда текшертиңиз."),
                (Lang::Ru, false) => format!("Первая цифра ПИН означает пол «{pin_sex}», а указан «{stated_sex}». Так может быть законно: по закону ПИН не меняется при смене пола. Иначе сверьте первую цифру с документом: если она такая же и вы не меняли пол, попросите проверить номер в Центре обслуживания населения."),
                (Lang::En, false) => format!("The PIN's first digit says {pin_sex}, but the stated sex is {stated_sex}. This can be right: by law a PIN is not changed when a person changes gender. Otherwise compare its first digit with your document: if it is the same and you have not changed your gender, ask a Public Service Centre to check the number."),
            }
        }
        PinWarning::BirthDateMismatch {
            pin_birth_date,
            stated_birth_date,
            detail,
        } => {
            let (in_pin, stated) = (local_date(*pin_birth_date), local_date(*stated_birth_date));
            // A PIN's year before 1900 beside a stated one after: the typed
            // date is not the slip (the warnings above say to check the number).
            let pin_impossible = pin_birth_date.year() < 1900 && stated_birth_date.year() >= 1900;
            let how = match detail {
                _ if pin_impossible => ".",
                DateMismatch::DayMonthSwapped => lang.pick(
                    ": күн менен ай алмашып калган — балким, ката терилген: же сиз терген датада, же документтен көчүрүлгөн ПИНде.",
                    ": день и месяц переставлены местами — вероятно, опечатка во введённой дате или в ПИН, переписанном из документа.",
                    ": day and month are swapped, probably a typo in the date given or in the PIN as copied from the document.",
                ),
                DateMismatch::OneDigit => lang.pick(
                    ": бир цифрага айырмаланат — балким, ката терилген: же сиз терген датада, же документтен көчүрүлгөн ПИНде.",
                    ": отличаются одной цифрой — вероятно, опечатка во введённой дате или в ПИН, переписанном из документа.",
                    ": they differ in one digit, probably a typo in the date given or in the PIN as copied from the document.",
                ),
                DateMismatch::DigitsSwapped => lang.pick(
                    ": эки коңшу цифранын орду алмашып калган — балким, ката терилген: же сиз терген датада, же документтен көчүрүлгөн ПИНде.",
                    ": переставлены две соседние цифры — вероятно, опечатка во введённой дате или в ПИН, переписанном из документа.",
                    ": two neighbouring digits are swapped, probably a typo in the date given or in the PIN as copied from the document.",
                ),
                // Day and month the same: say it is the year (1991 for 1982;
                // 1928 is two digits swapped, said above; 1905 for 2005, the
                // century slipped). Not a generation apart: a mother's date
                // beside her son's number of 2015, born on her birthday, was
                // told to check her year (a reading); that is likelier
                // another person's, said below.
                DateMismatch::Different
                    if pin_birth_date.day() == stated_birth_date.day()
                        && pin_birth_date.month() == stated_birth_date.month()
                        && (pin_birth_date.year().abs_diff(stated_birth_date.year()) < 10
                            || pin_birth_date.year() % 100 == stated_birth_date.year() % 100) =>
                {
                    lang.pick(
                        ": жылы гана айырмаланат. Терген жылыңызды текшерип, номерди документиңиз менен салыштырыңыз.",
                        ": отличается только год. Проверьте введённый год и сверьте номер с документом.",
                        ": only the year differs. Check the year you typed, and compare the number with your document.",
                    )
                }
                // Far apart: no slip explains it (a reading found the bare
                // dates with nothing to do).
                DateMismatch::Different => lang.pick(
                    ": номер башка адамдыкы же ката көчүрүлгөн болушу мүмкүн: аны документиңиз менен салыштырыңыз.",
                    ": номер может быть чужим или переписан с ошибкой: сверьте его с документом.",
                    ": the number may be another person's, or copied wrong: compare it with your document.",
                ),
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
        LastNameNamesFather => lang.pick(
            "Бир жазууда фамилиянын ордунда атасынын аты (… уулу/кызы), экинчисинин атасынын аты ошол",
            "В одной записи вместо фамилии имя отца (… уулу/кызы), и это отец по отчеству другой записи",
            "One record's surname is the father's name (… uulu/kyzy), the father the other's patronymic names",
        ),
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
        NamesCommon => lang.pick(
            "Дал келген аттар бул файлда бирге көп кездешет: бир күнү туулган адаштар болушу мүмкүн",
            "Совпавшие имена вместе часто встречаются в этом файле: возможны тёзки, родившиеся в один день",
            "The names that agree are common together in this file: namesakes born the same day are possible",
        ),
        BirthDateEqual => lang.pick(
            "Туулган күнү бирдей",
            "Дата рождения совпадает",
            "Same date of birth",
        ),
        BirthDateEqualInPin => lang.pick(
            "ПИН боюнча туулган күнү бирдей: бир жазуунун туулган күнү өз ПИНиндеги күндөн айырмаланат, ал эми ПИНдеги күн экинчи жазууга дал келет",
            "Дата рождения совпадает по ПИН: в одной записи дата рождения расходится с датой в её ПИН, а та совпадает с другой записью",
            "Same date of birth by the PIN: one record's stated date differs from the date in its own PIN, which matches the other record",
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
        BirthDateDigitsSwapped => lang.pick(
            "Туулган күндө эки коңшу цифра алмашкан",
            "В дате рождения переставлены две соседние цифры",
            "Date of birth with two neighbouring digits swapped",
        ),
        BirthDateDiffers => lang.pick(
            "Туулган күнү башка",
            "Дата рождения другая",
            "Different date of birth",
        ),
        BirthDateYearOnly => lang.pick(
            "Туулган жылы бирдей, бир датасы 01.01: күнү жана айы белгисиз болгондо ушинтип жазылат",
            "Год рождения совпадает, одна дата 01.01: так пишут, когда день и месяц неизвестны",
            "The same year of birth, one date 01.01: written so where the day and month were not known",
        ),
        BirthDateAttestedDiffers => lang.pick(
            "Туулган күндөр башка, ар бири өз ПИНи менен ырасталган: адатта эки башка адам",
            "Даты рождения разные, и каждую подтверждает ПИН своей записи: обычно два разных человека",
            "Different dates of birth, each confirmed by its own record's PIN: usually two people",
        ),
        BirthDateAttestedSlip => lang.pick(
            "Туулган күндөр жылындагы жаңылыштык же күн менен айдын алмашуусу менен айырмаланат, ар бири өз жазуусунун ПИНи менен ырасталган: туура эмес жазылган күн боюнча берилген экинчи ПИН болушу мүмкүн",
            "Даты рождения различаются опиской в годе или перестановкой дня и месяца, и каждую подтверждает ПИН своей записи: возможно, второй ПИН выдан по ошибочной дате",
            "Dates of birth differ by a slip in the year or a swap of day and month, each confirmed by its own record's PIN: perhaps a second PIN issued from a mistyped date",
        ),
        BirthDateUnknown => lang.pick(
            "Туулган күнү эки жазууда тең белгисиз",
            "Дата рождения неизвестна в обеих записях",
            "Date of birth unknown in both records",
        ),
        SexEqual => lang.pick("Жынысы бирдей", "Пол совпадает", "Same sex"),
        SexDiffers => lang.pick("Жынысы башка", "Пол другой", "Different sex"),
        SexAgainstPin => lang.pick(
            "Жынысы башка, бирок бир жазууда жынысы өзүнүн ПИНи менен дал келбейт: салыштырылган жок",
            "Пол разный, но в одной записи пол не совпадает с её собственным ПИН: не сравнивался",
            "The sexes differ, but one record's sex is not the one its own PIN gives: not compared",
        ),
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
            "Бир адам кайра жазылган",
            "Повторная запись одного человека",
            "The same person recorded again",
        ),
        Kind::PossibleSamePerson => lang.pick(
            "Бир адам болушу мүмкүн: документтер чечет",
            "Возможно, один человек: решают документы",
            "Perhaps one person: the documents decide",
        ),
    }
}

/// What would settle a possible match, as advice to the clerk.
pub fn settle(settle: Settle, lang: Lang) -> &'static str {
    match settle {
        Settle::BirthCertificate => lang.pick(
            "Туулгандыгы тууралуу күбөлүктү сураңыз: кайсы дата туура экенин ал көрсөтөт",
            "Попросите свидетельство о рождении: оно покажет, какая дата верна",
            "Ask for the birth certificate: it shows which date is right",
        ),
        Settle::MarriageCertificate => lang.pick(
            "Нике тууралуу күбөлүктү сураңыз: ал эки фамилияны байланыштырат",
            "Попросите свидетельство о браке: оно связывает две фамилии",
            "Ask for the marriage certificate: it links the two surnames",
        ),
        Settle::CompareDocuments => lang.pick(
            "Документтерди адамдын өзү менен салыштырыңыз",
            "Сверьте документы с самим человеком",
            "Compare the documents with the person",
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
            Lang::Ky => format!("Сапта {found} талаа, баш сапта {expected}; сап иштетилген жок."),
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
        Problem::AboveHeader => lang.pick(
            "Бул сап баш саптын үстүндө (отчеттун аталышы же күнү): ал реестрдин жазуусу эмес, окулган жок.",
            "Эта строка стоит над заголовком (название или дата отчёта): это не запись реестра, она не прочитана.",
            "This line is above the header (a report's title or date): it is not a registry row and was not read.",
        ).into(),
        Problem::InvalidUtf8 => lang.pick(
            "Бул саптагы кээ бир байттар UTF-8 эмес (�): сап окулду, бирок бузулган талаа дал келбей калышы мүмкүн. Файлды кайра UTF-8 катары сактаңыз.",
            "Часть байтов этой строки — не UTF-8 (�): строка прочитана, но повреждённое поле может не совпасть. Сохраните файл заново в UTF-8.",
            "Some bytes of this row are not UTF-8 (�): the row is read, but the damaged field may not match. Save the file again as UTF-8.",
        ).into(),
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
                ("pdf", Lang::Ky) => "PDF документ",
                ("pdf", Lang::Ru) => "документ PDF",
                ("pdf", Lang::En) => "a PDF document",
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
        // The reader's own words (English, technical) last, in brackets: for
        // whoever the clerk asks for help, not in the middle of the sentence.
        RegistryError::UnreadableWorkbook { detail } => match lang {
            Lang::Ky => format!("Excel китеби ачылбайт (бузулган, сырсөз менен корголгон же .xlsx эмес). Excelде ачып, кайра .xlsx же CSV UTF-8 катары сактаңыз. [{detail}]"),
            Lang::Ru => format!("Книга Excel не открывается (повреждена, защищена паролем или это не .xlsx). Откройте её в Excel и сохраните заново как .xlsx или CSV UTF-8. [{detail}]"),
            Lang::En => format!("The Excel workbook cannot be opened (damaged, password-protected, or not .xlsx). Open it in Excel and save it again as .xlsx or CSV UTF-8. [{detail}]"),
        },
        RegistryError::NoSuchSheet { sheet, sheets } => {
            let sheets = sheets.join(", ");
            match lang {
                Lang::Ky => format!("Китепте «{sheet}» барагы жок. Барактар: {sheets}."),
                Lang::Ru => format!("В книге нет листа «{sheet}». Листы: {sheets}."),
                Lang::En => format!("The workbook has no sheet “{sheet}”. Its sheets: {sheets}."),
            }
        }
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

/// Put before a number's role when the number is to be corrected but is
/// first compared with the documents (one slip from another number, or
/// sharing its serial): the correction holds only if the document carries
/// the number as typed.
pub fn compare_first(lang: Lang) -> &'static str {
    lang.pick(
        "Адегенде документ менен салыштырыңыз.",
        "Сначала сверьте его с документом.",
        "Compare it with the document first.",
    )
}

/// What one of a person's numbers is, in a few words.
pub fn pin_role(role: PinRole, lang: Lang) -> &'static str {
    match role {
        PinRole::Keep => lang.pick(
            "Бул номер сиздин туулган күнүңүзгө дал келет: аны сактаңыз.",
            "Этот номер согласуется с вашей датой рождения: его следует сохранить.",
            "This number agrees with your date of birth: keep it.",
        ),
        PinRole::Duplicate => lang.pick(
            "Бул да сиздин номериңиз: кайталанган ПИН, оңдоо керек.",
            "Это тоже ваш номер: двойной ПИН, его нужно исправить.",
            "This is your number too: a double PIN, to be corrected.",
        ),
        PinRole::WrongDate => lang.pick(
            "Бул номердеги туулган күн ката жазылган окшойт: оңдоо керек.",
            "Похоже, этот номер выдан с ошибкой в дате рождения: его нужно исправить.",
            "This number seems issued with a wrong birth date: to be corrected.",
        ),
        PinRole::OtherPerson => lang.pick(
            "Бул номердеги туулган күн сизге таандык эмес: башка адамдын номери болушу мүмкүн. Документ туугандыкы (балаңыздыкы, ата-энеңиздики) болсо, аны алып салыңыз; төмөнкү кадамдар өз документиңиз үчүн.",
            "Дата рождения в этом номере не ваша: возможно, это номер другого человека. Если документ — родственника (ребёнка, родителя), уберите его; шаги ниже — для вашего документа.",
            "The birth date in this number is not yours: it may be another person's number. If its document is a relative's (a child's, a parent's), leave it out; the steps below are for a document of yours.",
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
            "ПИНдин эрежелерине ылайык жазылган; туулган күнүңүз көрсөтүлбөгөндүктөн салыштырылган жок.",
            "Записан по правилам ПИН; без вашей даты рождения сравнить не с чем.",
            "Written as a PIN should be; without your date of birth there is nothing to compare it with.",
        ),
        PinRole::CentreDecides => lang.pick(
            "Бул да сиздин номериңиз, бирок кайсы номер калары жыныс цифрасына жараша: аны борбор чечет.",
            "Это тоже ваш номер, но какой номер останется, зависит от цифры пола: это решит центр.",
            "Your number too, but which number stays depends on the sex digit: the centre decides.",
        ),
        PinRole::DocumentDecides => lang.pick(
            "Бул да сиздин номериңиз, бирок кайсынысы калары бул жерден белгисиз: азыркы паспорттогу же ID-картадагы номер калат (бала болсо — туулгандыгы тууралуу күбөлүгүндөгү); борбор текшерет.",
            "Это тоже ваш номер, но отсюда не видно, какой останется: останется номер из действующего паспорта или ID-карты (у ребёнка — из свидетельства о рождении); центр это проверит.",
            "Your number too, but nothing here tells which stays: the one in your current passport or ID card does (for a child, the one on the birth certificate); the centre checks it.",
        ),
        PinRole::AwaitsRetyping => lang.pick(
            "ПИНдин эрежелерине ылайык жазылган; адегенде ката терилген номерди кайра көчүрүңүз: кайсы номер калары ошого жараша.",
            "Записан по правилам ПИН; сначала перепишите номер с ошибкой: от него зависит, какой номер останется.",
            "Written as a PIN should be; first copy the mistyped number again: which number stays depends on it.",
        ),
        PinRole::AwaitsBirthDate => lang.pick(
            "ПИНдин эрежелерине ылайык жазылган; адегенде өзүңүз терген туулган күндү текшериңиз.",
            "Записан по правилам ПИН; сначала проверьте дату рождения, которую вы ввели.",
            "Written as a PIN should be; first check the date of birth you typed.",
        ),
        PinRole::OtherSexDigit => lang.pick(
            "Туулган күн сиздики, бирок жыныс цифрасы башка: ката берилген номериңиз же ошол күнү туулган башка адамдын (эгизиңиздин?) номери. Борбор текшерет.",
            "Дата ваша, цифра пола другая: ваш номер, выданный с ошибкой, или номер того, кто родился в тот же день (близнеца?). Центр проверит.",
            "Your birth date, other sex digit: your number issued wrong, or that of someone born that day (a twin?). The centre checks it.",
        ),
        PinRole::BornSameDay => lang.pick(
            "Туулган күнүңүз жана жыныс цифраңыз дал келет, бирок катар номери башка: 2016-жылдан бери номерлер бирдиктүү базадан берилет, ошондуктан бул экинчи номериңизден көрө ошол күнү туулган башка адамдын (эгизиңиздин?) номери болушу ыктымал. Борбор текшерет.",
            "Дата и цифра пола ваши, порядковый номер другой: с 2016 года номера выдаются из единой базы, поэтому это скорее номер того, кто родился в тот же день (близнеца?), чем второй ваш. Центр проверит.",
            "Your birth date and sex digit, another serial: since 2016 numbers come from one database, so this is more likely the number of someone born that day (a twin?) than a second of yours. The centre checks it.",
        ),
        PinRole::DateImpossible => lang.pick(
            "Бул номердеги күнү азыр тирүү эч ким туулган эмес: номер ката көчүрүлгөн окшойт. Аны документиңиздеги номер менен салыштырыңыз.",
            "Дата рождения в этом номере не может быть у ныне живущего человека: скорее всего, номер переписан с ошибкой. Сверьте его с документом.",
            "No living person has the birth date in this number: most likely it was copied wrong. Compare it with the number on your document.",
        ),
    }
}

/// `text` with its first letter lowered when it is a basic Cyrillic capital
/// (А-Я), by the alphabet's layout: no Unicode case tables on the phone's page.
///
/// ```
/// assert_eq!(kgpin::messages::lowercase_first_cyrillic("Номер"), "номер");
/// assert_eq!(kgpin::messages::lowercase_first_cyrillic("ID-карта"), "ID-карта");
/// ```
pub fn lowercase_first_cyrillic(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first @ 'А'..='Я') => {
            let lower = char::from_u32(u32::from(first) + 0x20).unwrap_or(first);
            std::iter::once(lower).chain(chars).collect()
        }
        _ => text.to_string(),
    }
}

/// The Russian word for "years" after `n`: 1 год, 2-4 года, 5-20 лет, 21 год...
fn ru_years(n: u32) -> &'static str {
    match (n % 10, n % 100) {
        (_, 11..=14) => "лет",
        (1, _) => "год",
        (2..=4, _) => "года",
        _ => "лет",
    }
}

fn positions(pins: &[usize]) -> String {
    pins.iter()
        .map(|p| format!("№{p}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// What is the same and what differs among numbers, from the parts that
/// actually differ: "the same birth date and serial, different sex digits".
///
/// ```
/// use kgpin::messages::{parts_sentence, Lang};
/// use kgpin::pin::PartsDiffer;
/// let differ = PartsDiffer { sex_digit: true, birth_date: false, serial: false };
/// assert_eq!(parts_sentence(differ, Lang::En), "the same birth date and serial, different sex digits");
/// ```
pub fn parts_sentence(differ: PartsDiffer, lang: Lang) -> String {
    // (the part's name where it is the same, where it differs)
    let words: [(bool, &str, &str); 3] = match lang {
        Lang::Ky => [
            (differ.sex_digit, "жыныс цифрасы", "жыныс цифрасы"),
            (differ.birth_date, "туулган күнү", "туулган күнү"),
            (differ.serial, "катар номери", "катар номери"),
        ],
        Lang::Ru => [
            (differ.sex_digit, "цифра пола", "цифра пола"),
            (differ.birth_date, "дата рождения", "дата рождения"),
            (differ.serial, "порядковый номер", "порядковый номер"),
        ],
        Lang::En => [
            (differ.sex_digit, "sex digit", "sex digits"),
            (differ.birth_date, "birth date", "birth dates"),
            (differ.serial, "serial", "serials"),
        ],
    };
    // The birth date first when it is the same: it is what ties the numbers.
    let [sex, date, serial] = words;
    let order = [date, sex, serial];
    let same: Vec<&str> = order.iter().filter(|w| !w.0).map(|w| w.1).collect();
    let differ: Vec<&str> = order.iter().filter(|w| w.0).map(|w| w.2).collect();
    let and = lang.pick(" жана ", " и ", " and ");
    let list = |items: &[&str]| match items {
        [] => String::new(),
        [one] => one.to_string(),
        [init @ .., last] => format!("{}{and}{last}", init.join(", ")),
    };
    let (same_list, differ_list) = (list(&same), list(&differ));
    let same_text = (!same.is_empty()).then(|| match lang {
        Lang::Ky => format!("{same_list} бирдей"),
        Lang::Ru if same.len() == 1 => format!("совпадает {same_list}"),
        Lang::Ru => format!("совпадают {same_list}"),
        Lang::En => format!("the same {same_list}"),
    });
    let differ_text = (!differ.is_empty()).then(|| match lang {
        Lang::Ky => format!("{differ_list} башка"),
        Lang::Ru if differ.len() == 1 => format!("различается {differ_list}"),
        Lang::Ru => format!("различаются {differ_list}"),
        Lang::En => format!("different {differ_list}"),
    });
    [same_text, differ_text]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(", ")
}

/// What a person's numbers show together, in a sentence.
pub fn person_finding(finding: &PersonFinding, lang: Lang) -> String {
    match finding {
        PersonFinding::SeveralPinsOnePerson { pins, differ } => {
            let pins = positions(pins);
            let parts = parts_sentence(*differ, lang);
            match lang {
                Lang::Ky => format!("{pins} номерлери бир адамга таандык окшойт: {parts}. Кайталанган ПИНдердин көбү 2016-жылга чейин, Салык кызматы менен Социалдык фонд ПИНди өз-өзүнчө берген кезде пайда болгон; номерлериңиздин бирөө гана кала алат."),
                Lang::Ru => format!("Номера {pins}, похоже, принадлежат одному человеку: {parts}. Большинство двойных ПИН появились до 2016 года, когда Налоговая служба и Социальный фонд выдавали ПИН независимо; остаться может только один из ваших номеров."),
                Lang::En => format!("Numbers {pins} look like one person's: {parts}. Most double PINs date from before 2016, when the Tax Service and the Social Fund issued PINs separately; only one of your numbers can stay."),
            }
        }
        PersonFinding::StatedDateDiffers { documents_say, typed, pins } => {
            let several = pins.len() > 1;
            let (said, typed, pins) = (local_date(*documents_say), local_date(*typed), positions(pins));
            let (pin_ky, pin_ru, pin_en) = if several {
                ("ПИНдер", "ПИН указывают", "the PINs give")
            } else {
                ("ПИН", "ПИН указывает", "the PIN gives")
            };
            match lang {
                Lang::Ky => format!("{pins}: {pin_ky} туулган күндү {said} деп көрсөтөт, сиз {typed} деп тердиңиз: терген датаңызды текшериңиз. Ал такталмайынча кайсы номер калары жана кайсынысы оңдолору айтылбайт."),
                Lang::Ru => format!("{pins}: {pin_ru} дату рождения {said}, а вы ввели {typed}: проверьте введённую дату. Пока это не выяснено, мы не называем, какой номер оставить и какой исправить."),
                Lang::En => format!("{pins}: {pin_en} the birth date {said}, and you typed {typed}: check the date you typed. Until that is settled, no number is named to keep or to correct."),
            }
        }
        PersonFinding::SeveralPinsAwaitBirthDate { pins, differ } => {
            let pins = positions(pins);
            let parts = parts_sentence(*differ, lang);
            match lang {
                Lang::Ky => format!("{pins} номерлери бир адамга таандык окшойт ({parts}): алардын бирөө гана кала алат."),
                Lang::Ru => format!("Номера {pins}, похоже, принадлежат одному человеку ({parts}): остаться может только один из них."),
                Lang::En => format!("Numbers {pins} look like one person's ({parts}): only one of them can stay."),
            }
        }
        PersonFinding::PinWithWrongDate { pin, detail } => {
            let how = match (detail, lang) {
                (DateMismatch::DayMonthSwapped, Lang::Ky) => "күн менен ай алмашып калган",
                (DateMismatch::DayMonthSwapped, Lang::Ru) => "переставлены день и месяц",
                (DateMismatch::DayMonthSwapped, Lang::En) => "day and month are swapped",
                (DateMismatch::DigitsSwapped, Lang::Ky) => "эки коңшу цифранын орду алмашып калган",
                (DateMismatch::DigitsSwapped, Lang::Ru) => "переставлены две соседние цифры",
                (DateMismatch::DigitsSwapped, Lang::En) => "two neighbouring digits are swapped",
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
                Lang::Ky => format!("{pins}: туулган күн сиздики эмес — номер башка адамдыкы болушу мүмкүн же документте ката бар. Борбордон текшертиңиз."),
                Lang::Ru => format!("{pins}: дата рождения не ваша — номер может принадлежать другому человеку, или в документе ошибка. Попросите центр проверить."),
                Lang::En => format!("{pins}: the birth date is not yours, so the number may be another person's, or the document is wrong. Ask the centre to check it."),
            }
        }
        PersonFinding::SexDigitDiffers {
            pin,
            for_child: true,
        } => match lang {
            Lang::Ky => format!("№{pin} номеринин биринчи цифрасы сиз көрсөткөн жыныска дал келбейт: аны баланын туулгандыгы тууралуу күбөлүгү менен салыштырыңыз."),
            Lang::Ru => format!("Первая цифра номера №{pin} не соответствует указанному полу: сверьте её со свидетельством о рождении ребёнка."),
            Lang::En => format!("The first digit of number №{pin} does not match the sex you gave: compare it with the child's birth certificate."),
        },
        PersonFinding::SexDigitDiffers {
            pin,
            for_child: false,
        } => match lang {
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
            Lang::Ky => format!("Сактала турган номер (№{pin}) паспорттон же ID-картадан эмес (баланыкы: туулгандыгы тууралуу күбөлүктөн эмес). Ошол документтеги ПИНди текшерип, документти борборго алып барыңыз."),
            Lang::Ru => format!("Номер, который следует сохранить (№{pin}), взят не из паспорта или ID-карты (у ребёнка — не из свидетельства о рождении). Сверьте ПИН в этом документе и возьмите его в центр."),
            Lang::En => format!("The number to keep (№{pin}) is not from your passport or ID card (for a child: not from the birth certificate). Check the PIN in that document and bring it to the centre."),
        },
        PersonFinding::KeepOnIdDocument { pin } => match lang {
            Lang::Ky => format!("№{pin} номери калат: ал паспортуңузда же ID-картаңызда (баланыкы: туулгандыгы тууралуу күбөлүктө) жазылган."),
            Lang::Ru => format!("Остаётся номер №{pin}: он записан в вашем паспорте или ID-карте (у ребёнка — в свидетельстве о рождении)."),
            Lang::En => format!("Number №{pin} stays: it is the one in your passport or ID card (for a child, the one on the birth certificate)."),
        },
        PersonFinding::PinMistyped { pins } => {
            let pins = positions(pins);
            match lang {
                Lang::Ky => format!("{pins}: мындай жазылышта бул ПИН боло албайт (себеби номердин астында). Документтен кайра көчүрүп, текшерүүнү кайталаңыз; документте дал ушундай жазылган болсо, борбордон текшертиңиз."),
                Lang::Ru => format!("{pins}: в таком виде это не ПИН (причина указана под номером). Перепишите номер из документа и проверьте снова; если в документе он записан именно так, попросите центр проверить."),
                Lang::En => format!("{pins}: as written this cannot be a PIN (why is said under the number). Copy it again from the document and check again; if the document itself carries it so, ask the centre to check it."),
            }
        }
        PersonFinding::PinsOneSlipApart { pins } => {
            let pins = positions(pins);
            match lang {
                Lang::Ky => format!("{pins} номерлери бир цифрага айырмаланат (же эки цифранын орду алмашкан): көбүнчө бул эки башка номер эмес, бул жерде же документте ката менен көчүрүлгөн бир эле номер."),
                Lang::Ru => format!("Номера {pins} различаются одной цифрой (или в них переставлены две соседние цифры): чаще всего это не два разных номера, а один, переписанный с ошибкой здесь или в документе."),
                Lang::En => format!("Numbers {pins} differ by one digit (or two swapped): most often not two numbers but one, copied wrong here or on a document."),
            }
        }
        PersonFinding::PinDateImpossible { pins } => {
            let (one, pins, age) = (pins.len() == 1, positions(pins), MAX_PLAUSIBLE_AGE);
            match (lang, one) {
                (Lang::Ky, true) => format!("{pins}: номердеги туулган күн 1900-жылга чейин же мындан {age} жылдан ашык мурун — азыр тирүү адамдардын эч кимиси мындай күнү туулган эмес: бир цифра ката көчүрүлгөн окшойт. Документте дал ушундай жазылган болсо, номер ката дата менен берилген: аны Калкты тейлөө борборунда оңдошот."),
                (Lang::Ky, false) => format!("{pins}: номерлердеги туулган күндөр 1900-жылга чейин же мындан {age} жылдан ашык мурун — азыр тирүү адамдардын эч кимиси мындай күнү туулган эмес: бир цифра ката көчүрүлгөн окшойт. Документтерде дал ушундай жазылган болсо, номерлер ката дата менен берилген: аларды Калкты тейлөө борборунда оңдошот."),
                (Lang::Ru, true) => format!("{pins}: дата рождения в номере раньше 1900 года или более {age} лет назад — такой даты нет ни у одного живущего человека; скорее всего, при переписывании ошиблись в цифре. Если в документе номер записан именно так, он выдан с ошибочной датой, и его исправят в ЦОН."),
                (Lang::Ru, false) => format!("{pins}: даты рождения в этих номерах раньше 1900 года или более {age} лет назад — таких дат нет ни у одного живущего человека; скорее всего, при переписывании ошиблись в цифре. Если в документах номера записаны именно так, они выданы с ошибочной датой, и их исправят в ЦОН."),
                (Lang::En, true) => format!("{pins}: the birth date in the number is before 1900 or over {age} years ago, which no living person has: most likely a digit was copied wrong. If the document shows it that way, the number was issued with a wrong date and the centre corrects it."),
                (Lang::En, false) => format!("{pins}: the birth dates in these numbers are before 1900 or over {age} years ago, which no living person has: most likely a digit was copied wrong. If the documents show them that way, the numbers were issued with a wrong date and the centre corrects them."),
            }
        }
        PersonFinding::AllAgree => lang.pick(
            "Номериңиз сиздин маалыматка дал келет: оңдоо керек эмес.",
            "Ваш номер согласуется с вашими данными: исправлять нечего.",
            "Your number agrees with your data: nothing to correct.",
        ).into(),
    }
}

/// One next step, in a sentence.
pub fn next_step(step: &NextStep, lang: Lang) -> String {
    match step {
        NextStep::RetypeMistyped => lang.pick(
            "Алгач ката терилген номерди документтен кайра көчүрүп, текшерүүнү кайталаңыз.",
            "Сначала перепишите номер с опечаткой из документа и повторите проверку.",
            "First copy the mistyped number again from its document and check again.",
        ).into(),
        NextStep::CompareWithDocuments { pins } => {
            // One number (its date before any living person's) or several.
            let (ky, ru, en) = if pins.len() == 1 {
                ("номеринин", "номер", "number")
            } else {
                ("номерлеринин", "номера", "numbers")
            };
            let pins = positions(pins);
            match lang {
                Lang::Ky => format!("Төмөнкү кадамдардан мурун {pins} {ky} ар бир цифрасын документтериңиз менен салыштырыңыз: бул жерде ката терилген болсо, ушул жерде оңдоңуз; төмөнкү кадамдар номер документте дал ушундай жазылган болсо гана керек."),
                Lang::Ru => format!("Прежде чем выполнять шаги ниже, сверьте {ru} {pins} с документами, цифра за цифрой: если ошиблись при вводе здесь, исправьте номер здесь; шаги ниже нужны, только если номер именно так записан в документе."),
                Lang::En => format!("Before anything below, compare {en} {pins} digit by digit with your documents: a slip made here is corrected here; the steps below are for a document that carries it so."),
            }
        }
        NextStep::CheckTypedBirthDate {
            documents_say,
            apart,
        } => {
            use crate::person::TypedDateApart;
            let said = local_date(*documents_say);
            // A slip apart, one number giving it: that number copied here
            // may be the slip as well as the date typed, so both are
            // compared first.
            let check = if *apart == TypedDateApart::NumberOrDateSlip {
                lang.pick(
                    "Терген туулган күнүңүздү паспортуңуз же туулгандыгы тууралуу күбөлүгүңүз менен, номерди болсо ал жазылган документ менен салыштырыңыз: экөөнүн бири ушул жерде ката терилиши мүмкүн. Ката терилген болсо, аны оңдоп, текшерүүнү кайталаңыз.",
                    "Сверьте введённую дату рождения с паспортом или свидетельством о рождении, а номер — с документом, в котором он записан: опечатка могла быть в любом из них. Если это опечатка, исправьте её и повторите проверку.",
                    "Compare the date of birth you typed with your passport or birth certificate, and the number with the document it came from: either may be mistyped here. If one was, change it and check again.",
                )
            } else {
                lang.pick(
                    "Терген туулган күнүңүздү паспортуңуз же туулгандыгы тууралуу күбөлүгүңүз менен салыштырыңыз. Ката терилген болсо, аны өзгөртүп, текшерүүнү кайталаңыз.",
                    "Сверьте введённую дату рождения с паспортом или свидетельством о рождении. Если это опечатка, исправьте её и повторите проверку.",
                    "Compare the date of birth you typed with your passport or birth certificate. If it was mistyped, change it and check again.",
                )
            };
            // A date far from the typed one is most likely on another
            // person's document (a relative's beside a number on the typed
            // date; a child's when no number is near it): said first, then
            // what to do if the document is the person's own.
            let then = match (lang, apart) {
                (Lang::Ky, TypedDateApart::FarBesideTyped) => format!("Терген дата туура болсо: {said} датасы менен номер тууганыңыздын (балаңыздын, ата-энеңиздин) документинде болсо, ал сиздики эмес, аны алып салып, текшерүүнү кайталаңыз; өз документиңизде болсо, ал ката берилген: ошол документти, туулгандыгы тууралуу күбөлүгүңүздү жана, бар болсо, паспортуңузду же ID-картаңызды алып, Калкты тейлөө борборунда текшертиңиз."),
                (Lang::Ru, TypedDateApart::FarBesideTyped) => format!("Если введённая дата верна: номер с датой {said} в документе родственника (ребёнка, родителя) не ваш, уберите его и повторите проверку; в вашем документе он выдан ошибочно: возьмите этот документ, свидетельство о рождении и, если есть, паспорт или ID-карту и попросите проверить их в Центре обслуживания населения."),
                (Lang::En, TypedDateApart::FarBesideTyped) => format!("If the date you typed is right: a number with the date {said} on a relative's document (a child's, a parent's) is not yours, leave it out and check again; on a document of yours it was issued wrong: bring that document, your birth certificate, and your passport or ID card if you have one, to a Public Service Centre and ask them to check."),
                (Lang::Ky, TypedDateApart::Far) => format!("Терген дата туура болсо, {said} датасы менен номер, кыязы, башка кишиники (балаңыздыкы, ата-энеңиздики): аны ошол кишинин туулган күнү менен текшериңиз. Өз документиңизде болсо, ал ката берилген: ошол документти, туулгандыгы тууралуу күбөлүгүңүздү жана, бар болсо, паспортуңузду же ID-картаңызды алып, Калкты тейлөө борборунда текшертиңиз."),
                (Lang::Ru, TypedDateApart::Far) => format!("Если введённая дата верна, номер с датой {said}, скорее всего, чужой (ребёнка, родителя): проверьте его с датой рождения этого человека. В вашем документе он выдан ошибочно: возьмите этот документ, свидетельство о рождении и, если есть, паспорт или ID-карту и попросите проверить их в Центре обслуживания населения."),
                (Lang::En, TypedDateApart::Far) => format!("If the date you typed is right, a number with the date {said} is most likely another person's (a child's, a parent's): check it with that person's date of birth instead. On a document of yours it was issued wrong: bring that document, your birth certificate, and your passport or ID card if you have one, to a Public Service Centre and ask them to check."),
                (Lang::Ky, TypedDateApart::Slip) => format!("Терген дата туура болсо, {said} датасы менен номер ката берилген: ал жазылган документтерди, туулгандыгы тууралуу күбөлүгүңүздү жана, бар болсо, паспортуңузду же ID-картаңызды алып, Калкты тейлөө борборунда текшертиңиз."),
                (Lang::Ru, TypedDateApart::Slip) => format!("Если введённая дата верна, номер с датой {said} выдан ошибочно: возьмите документы с ним, свидетельство о рождении и, если есть, паспорт или ID-карту и попросите проверить их в Центре обслуживания населения."),
                (Lang::En, TypedDateApart::Slip) => format!("If the date you typed is right, a number with the date {said} was issued wrong: bring the documents that carry it, your birth certificate, and your passport or ID card if you have one, to a Public Service Centre and ask them to check."),
                (Lang::Ky, TypedDateApart::NumberOrDateSlip) => format!("Дата да, номер да документтегидей терилген болсо, {said} датасы менен номер ката берилген: ал жазылган документтерди, туулгандыгы тууралуу күбөлүгүңүздү жана, бар болсо, паспортуңузду же ID-картаңызды алып, Калкты тейлөө борборунда текшертиңиз."),
                (Lang::Ru, TypedDateApart::NumberOrDateSlip) => format!("Если и дата, и номер введены так, как в документе, номер с датой {said} выдан ошибочно: возьмите документы с ним, свидетельство о рождении и, если есть, паспорт или ID-карту и попросите проверить их в Центре обслуживания населения."),
                (Lang::En, TypedDateApart::NumberOrDateSlip) => format!("If both are as your document has them, a number with the date {said} was issued wrong: bring the documents that carry it, your birth certificate, and your passport or ID card if you have one, to a Public Service Centre and ask them to check."),
            };
            format!("{check} {then}")
        }
        NextStep::AskAboutSexDigit { for_child: true } => lang.pick(
            "Тандаган жынысты текшериңиз. Ал туура болсо, номерди туулгандыгы тууралуу күбөлүк менен салыштырып, Калкты тейлөө борборунда текшертиңиз.",
            "Проверьте, какой пол выбран. Если он указан верно, сверьте номер со свидетельством о рождении и попросите проверить его в Центре обслуживания населения.",
            "Check the sex you selected. If it is right, compare the number with the birth certificate and ask a Public Service Centre to check it.",
        ).into(),
        NextStep::AskAboutSexDigit { for_child: false } => lang.pick(
            "Тандаган жынысыңызды текшериңиз. Ал туура болсо жана жынысыңызды өзгөртпөгөн болсоңуз, номерди Калкты тейлөө борборунда текшертиңиз.",
            "Проверьте, какой пол вы выбрали. Если он указан верно и вы не меняли пол, попросите проверить номер в Центре обслуживания населения.",
            "Check the sex you selected. If it is right and you have not changed your gender, ask a Public Service Centre to check the number.",
        ).into(),
        NextStep::SelectSex => lang.pick(
            "Жынысыңызды тандап, текшерүүнү кайталаңыз: номерлериңиз жынысты билдирген цифрасы менен айырмаланат, кайсы номер калары ошого жараша.",
            "Укажите свой пол и повторите проверку: номера различаются цифрой пола, от неё зависит, какой номер останется.",
            "Select your sex and check again: your numbers differ in the sex digit, and which number stays depends on it.",
        ).into(),
        NextStep::TypeBirthDate => lang.pick(
            "Туулган күнүңүздү териңиз жана текшерүүнү кайталаңыз: кайсы номерлер сиздики жана алардын кайсынысы калары ошого жараша.",
            "Введите дату рождения и повторите проверку: от неё зависит, какие номера ваши и какой из них останется.",
            "Type your date of birth and check again: which numbers are yours, and which of them stays, depends on it.",
        ).into(),
        NextStep::NothingToDo => lang.pick(
            "Эч нерсе кылуунун кереги жок. Бул текшерүүнү каалаган убакта кайталай аласыз.",
            "Ничего делать не нужно. Проверку можно повторить в любое время.",
            "Nothing to do. You can repeat this check at any time.",
        ).into(),
        NextStep::ApplyAtCentre {
            bring,
            several,
            for_child,
        } => {
            let mut names: Vec<String> = Vec::new();
            for d in bring {
                let mut name = match lang {
                    Lang::En => document(*d, lang).to_string(),
                    _ => lowercase_first_cyrillic(document(*d, lang)),
                };
                // Two passports with two numbers: both are brought.
                if several.contains(d) {
                    name.push_str(lang.pick(" (баарын)", " (все)", " (each one)"));
                }
                if !names.contains(&name) {
                    names.push(name);
                }
            }
            // Mid-sentence in Kyrgyz and Russian: "паспорт же ID-карта", not "Паспорт".
            let list = names.join(", ");
            match (lang, for_child) {
                (Lang::Ky, false) => format!("Калкты тейлөө борборуна (ЦОН) кайрылыңыз. Өзүңүз менен ала келиңиз: {list}."),
                (Lang::Ru, false) => format!("Обратитесь в Центр обслуживания населения (ЦОН). Возьмите документы: {list}."),
                (Lang::En, false) => format!("Apply at a Public Service Centre (ЦОН). Bring: {list}."),
                (Lang::Ky, true) => format!("Калкты тейлөө борборуна (ЦОН) кайрылыңыз: бала үчүн ата-энеси же камкорчусу кайрылат. Ала келиңиз: {list}, ошондой эле ата-эненин же камкорчунун паспорту же ID-картасы."),
                (Lang::Ru, true) => format!("Обратитесь в Центр обслуживания населения (ЦОН): за ребёнка обращается родитель или опекун. Возьмите документы: {list}, а также паспорт или ID-карту родителя или опекуна."),
                (Lang::En, true) => format!("Apply at a Public Service Centre (ЦОН): a parent or guardian applies for a child. Bring: {list}, and the parent's or guardian's own passport or ID card."),
            }
        }
        NextStep::KyzmatCorrects => lang.pick(
            "Кайталанган ПИНди «Кызмат» мекемеси 1–2 иш күнүндө оңдойт; арыз бергенден кийин кайра келишиңиздин кереги жок.",
            "Двойной ПИН исправляет учреждение «Кызмат» за 1–2 рабочих дня; после подачи заявления приходить ещё раз не нужно.",
            "The state institution “Kyzmat” corrects a double PIN in 1–2 working days; once you have applied, you need not come in person again.",
        ).into(),
        NextStep::NotifiedByPost => lang.pick(
            "Дарегиңиз белгилүү болсо, жыйынтыгы тууралуу почта аркылуу кабарлашат.",
            "Если ваш адрес известен, о результате сообщат по почте.",
            "Where your address is known, you are notified of the result by post.",
        ).into(),
    }
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

/// The names of a report's own fields and verdicts: every face that prints a
/// report (the CLI, the app) says them the same way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportLabel {
    /// Verdict: the PIN is valid.
    Valid,
    /// Verdict: valid, with warnings.
    ValidWithWarnings,
    /// Verdict: the PIN is not valid.
    Invalid,
    /// Field: the sex the PIN encodes.
    Sex,
    /// Field: the birth date the PIN encodes.
    BirthDate,
    /// Field: the serial.
    Serial,
    /// "Number", before a number's position among a person's numbers.
    Number,
    /// Heading: what a person's numbers show together.
    WhatTheyShow,
    /// Heading: what to do next.
    NextSteps,
}

impl ReportLabel {
    /// Every label, for tests that walk them.
    pub const ALL: [ReportLabel; 9] = [
        ReportLabel::Valid,
        ReportLabel::ValidWithWarnings,
        ReportLabel::Invalid,
        ReportLabel::Sex,
        ReportLabel::BirthDate,
        ReportLabel::Serial,
        ReportLabel::Number,
        ReportLabel::WhatTheyShow,
        ReportLabel::NextSteps,
    ];
}

/// A report's field or verdict, in words.
pub fn report_label(label: ReportLabel, lang: Lang) -> &'static str {
    use ReportLabel::*;
    match label {
        Valid => lang.pick(
            "Номер ПИНдин эрежелерине ылайык жазылган",
            "Номер записан по правилам ПИН",
            "The PIN is well formed",
        ),
        ValidWithWarnings => lang.pick(
            "Номер ПИНдин эрежелерине ылайык жазылган, бирок текшерип көрүңүз",
            "Номер записан по правилам ПИН, но проверьте",
            "The PIN is well formed, but take a look",
        ),
        Invalid => lang.pick("ПИН туура эмес", "ПИН некорректен", "The PIN is not valid"),
        Sex => lang.pick("Жынысы", "Пол", "Sex"),
        BirthDate => lang.pick("Туулган күнү", "Дата рождения", "Date of birth"),
        Serial => lang.pick("Катар номери", "Порядковый номер", "Serial"),
        Number => lang.pick("Номер", "Номер", "Number"),
        WhatTheyShow => lang.pick(
            "Номерлер эмнени көрсөтөт",
            "Что показывают номера",
            "What your numbers show",
        ),
        NextSteps => lang.pick("Эмне кылуу керек", "Что делать дальше", "What to do next"),
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
                for_child: false,
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
    fn a_number_kept_from_another_document_says_not_in_every_language() {
        // A reading of the three languages: the English dropped the "not"
        // the Kyrgyz and Russian say of a child's birth certificate.
        let finding = PersonFinding::KeepNotOnIdDocument { pin: 2 };
        for (lang, not_from_certificate) in [
            (Lang::Ky, "туулгандыгы тууралуу күбөлүктөн эмес"),
            (Lang::Ru, "не из свидетельства о рождении"),
            (Lang::En, "not from the birth certificate"),
        ] {
            let message = person_finding(&finding, lang);
            assert!(message.contains(not_from_certificate), "{message}");
        }
    }

    #[test]
    fn a_stated_date_whose_year_alone_differs_says_so() {
        let d = |s: &str| s.parse::<Date>().expect("a date");
        let warning = |pin: &str, stated: &str| PinWarning::BirthDateMismatch {
            pin_birth_date: d(pin),
            stated_birth_date: d(stated),
            detail: DateMismatch::between(d(pin), d(stated)),
        };
        let year = pin_warning(&warning("1982-02-02", "1991-02-02"), Lang::En);
        // And what to do (a reading found it bare).
        assert!(
            year.ends_with(": only the year differs. Check the year you typed, and compare the number with your document."),
            "{year}"
        );
        let ru = pin_warning(&warning("1982-02-02", "1991-02-02"), Lang::Ru);
        assert!(ru.contains("отличается только год. Проверьте"), "{ru}");
        // 1928 for 1982 is a slip of the keyboard, said as one.
        // A generation apart: another person's, or copied wrong.
        let generation = pin_warning(&warning("2015-11-09", "1975-11-09"), Lang::En);
        assert!(generation.ends_with("the number may be another person's, or copied wrong: compare it with your document."), "{generation}");
        // The century slipped: the year, still (a review's find).
        let century = pin_warning(&warning("2005-06-15", "1905-06-15"), Lang::En);
        assert!(century.ends_with(": only the year differs. Check the year you typed, and compare the number with your document."), "{century}");
        let swapped = pin_warning(&warning("1982-02-02", "1928-02-02"), Lang::En);
        assert!(
            swapped.contains(": two neighbouring digits are swapped"),
            "{swapped}"
        );
        // Day and year both differ: no slip explains it, and what to do is
        // said (a reading found the two dates bare, with nothing to do).
        let other = pin_warning(&warning("1982-02-02", "1928-03-02"), Lang::En);
        assert!(
            other.ends_with("02.03.1928: the number may be another person's, or copied wrong: compare it with your document."),
            "{other}"
        );
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
            Problem::AboveHeader,
            Problem::InvalidUtf8,
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
            RegistryError::UnreadableWorkbook {
                detail: "invalid Zip archive".into(),
            },
            RegistryError::NoSuchSheet {
                sheet: "Лист9".into(),
                sheets: vec!["Лист1".into()],
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
    fn report_labels_differ_between_languages() {
        for label in ReportLabel::ALL {
            let words: Vec<&str> = Lang::ALL.iter().map(|&l| report_label(label, l)).collect();
            assert!(words.iter().all(|w| !w.is_empty()), "{label:?}");
            assert_ne!(words[1], words[2], "{label:?}");
        }
    }

    /// A PIN dated 1892 beside a stated 1982 (two digits swapped): the
    /// warning no longer blames a typo in the date given, which is right.
    #[test]
    fn a_pin_date_before_1900_does_not_blame_the_stated_date() {
        let warning = PinWarning::BirthDateMismatch {
            pin_birth_date: "1892-03-12".parse().unwrap(),
            stated_birth_date: "1982-03-12".parse().unwrap(),
            detail: DateMismatch::DigitsSwapped,
        };
        for lang in Lang::ALL {
            let text = pin_warning(&warning, lang);
            assert!(text.ends_with("12.03.1982."), "{text}");
        }
        let warning = PinWarning::BirthDateMismatch {
            pin_birth_date: "1928-03-12".parse().unwrap(),
            stated_birth_date: "1982-03-12".parse().unwrap(),
            detail: DateMismatch::DigitsSwapped,
        };
        assert!(pin_warning(&warning, Lang::En).contains("typo in the date given"));
    }

    #[test]
    fn documents_to_bring_are_lowercase_mid_sentence() {
        let step = NextStep::ApplyAtCentre {
            bring: vec![Document::Passport, Document::Tax],
            several: vec![],
            for_child: false,
        };
        assert!(next_step(&step, Lang::Ru)
            .ends_with("Возьмите документы: паспорт или ID-карта, документ налоговой службы."));
        assert!(next_step(&step, Lang::Ky)
            .ends_with("ала келиңиз: паспорт же ID-карта, салык кызматынын документи."));
        assert!(next_step(&step, Lang::En)
            .ends_with("Bring: Passport or ID card, Tax Service document."));
        // Two passports with two numbers: each one.
        let both = NextStep::ApplyAtCentre {
            bring: vec![Document::Passport, Document::Tax],
            several: vec![Document::Passport],
            for_child: false,
        };
        assert!(next_step(&both, Lang::En)
            .ends_with("Bring: Passport or ID card (each one), Tax Service document."));
        assert!(next_step(&both, Lang::Ru).contains("паспорт или ID-карта (все), "));
    }

    #[test]
    fn russian_years_agree_with_the_number() {
        let words: Vec<&str> = [121, 122, 125, 134, 111, 144, 211].map(ru_years).to_vec();
        assert_eq!(words, ["год", "года", "лет", "года", "лет", "года", "лет"]);
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
            PersonFinding::SeveralPinsOnePerson {
                pins: vec![1, 2],
                differ: PartsDiffer {
                    serial: true,
                    ..PartsDiffer::default()
                },
            },
            PersonFinding::StatedDateDiffers {
                documents_say: "1982-02-02".parse().unwrap(),
                typed: "1983-02-02".parse().unwrap(),
                pins: vec![1, 2],
            },
            PersonFinding::SeveralPinsAwaitBirthDate {
                pins: vec![1, 2],
                differ: PartsDiffer {
                    serial: true,
                    ..PartsDiffer::default()
                },
            },
            PersonFinding::PinWithWrongDate {
                pin: 2,
                detail: DateMismatch::OneDigit,
            },
            PersonFinding::SamePinTwice { pins: vec![1, 3] },
            PersonFinding::NotTheSamePerson { pins: vec![2] },
            PersonFinding::SexDigitDiffers {
                pin: 1,
                for_child: false,
            },
            PersonFinding::NoPinAgrees,
            PersonFinding::KeepNotOnIdDocument { pin: 1 },
            PersonFinding::KeepOnIdDocument { pin: 1 },
            PersonFinding::AllAgree,
            PersonFinding::PinMistyped { pins: vec![2] },
            PersonFinding::PinsOneSlipApart { pins: vec![1, 2] },
            PersonFinding::PinDateImpossible { pins: vec![1] },
        ];
        check_code_set(
            PersonFinding::CODES,
            &findings,
            PersonFinding::code,
            person_finding,
        );
        let steps = [
            NextStep::RetypeMistyped,
            NextStep::CompareWithDocuments { pins: vec![1, 2] },
            NextStep::CheckTypedBirthDate {
                documents_say: "1982-02-02".parse().unwrap(),
                apart: crate::person::TypedDateApart::FarBesideTyped,
            },
            NextStep::AskAboutSexDigit { for_child: false },
            NextStep::SelectSex,
            NextStep::TypeBirthDate,
            NextStep::NothingToDo,
            NextStep::ApplyAtCentre {
                bring: vec![Document::Passport, Document::Tax],
                several: vec![],
                for_child: false,
            },
            NextStep::KyzmatCorrects,
            NextStep::NotifiedByPost,
        ];
        check_code_set(NextStep::CODES, &steps, NextStep::code, next_step);
    }

    /// Every combination of parts: the sentence names each part once, on the
    /// side (same or different) where it truly is, in every language.
    #[test]
    fn parts_sentences_say_what_differs_and_nothing_else() {
        let names = |lang: Lang| match lang {
            Lang::Ky => ["жыныс цифрасы", "туулган күнү", "катар номери"],
            Lang::Ru => ["цифра пола", "дата рождения", "порядковый номер"],
            Lang::En => ["sex digit", "birth date", "serial"],
        };
        // Where the "same" half ends: Kyrgyz says "бирдей" after its list.
        let split = |text: &str, lang: Lang| -> (String, String) {
            let at = match lang {
                Lang::Ky => text.find("бирдей"),
                Lang::Ru => text.find("различа"),
                Lang::En => text.find("different"),
            };
            match (at, lang) {
                (Some(at), _) => (text[..at].into(), text[at..].into()),
                (None, Lang::Ky) => (String::new(), text.into()),
                (None, _) => (text.into(), String::new()),
            }
        };
        for bits in 1..8u8 {
            let differ = PartsDiffer {
                sex_digit: bits & 1 != 0,
                birth_date: bits & 2 != 0,
                serial: bits & 4 != 0,
            };
            let truth = [differ.sex_digit, differ.birth_date, differ.serial];
            for lang in Lang::ALL {
                let text = parts_sentence(differ, lang);
                let (same, different) = split(&text, lang);
                for (part, &differs) in names(lang).iter().zip(&truth) {
                    let stem = &part[..part.len() - 2];
                    assert_eq!(
                        different.contains(stem),
                        differs,
                        "{lang}: {part} in {text:?}"
                    );
                    assert_eq!(same.contains(stem), !differs, "{lang}: {part} in {text:?}");
                }
            }
        }
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
            for_child: false,
        };
        assert!(pin_warning(&w, Lang::En).contains("not changed when a person changes gender"));
        // For a child, no change of gender is offered as a reason.
        let child = PinWarning::SexMismatch {
            pin_sex: Sex::Female,
            stated_sex: Sex::Male,
            for_child: true,
        };
        for lang in [Lang::Ky, Lang::Ru, Lang::En] {
            assert_ne!(pin_warning(&child, lang), pin_warning(&w, lang));
        }
        assert!(!pin_warning(&child, Lang::En).contains("gender"));
        assert!(pin_warning(&child, Lang::En).contains("birth certificate"));
        // "For a child", as a condition: the typed date is a child's, the
        // number may be a parent's (a reading found the Russian say "this is
        // a child's number" of a number dated 1990).
        assert!(pin_warning(&child, Lang::Ru).contains("Если это номер ребёнка"));
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
