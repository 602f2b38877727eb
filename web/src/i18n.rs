//! The app's own words, in Kyrgyz, Russian and English: its screens' labels,
//! buttons, headings and help. The core words its findings (`kgpin::messages`);
//! these are the words only the app says, so changing a button rebuilds only
//! the app. The Kyrgyz texts were written by the developers and want review by
//! a native speaker.

use kgpin::Lang;

/// The app's screen words: one variant per label, worded in [`label`]. A new
/// language is one more arm in each `pick`, which the compiler points to.
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
    /// Field: “Surname”.
    LastName,
    /// Field: “First name”.
    FirstName,
    /// Field: “Patronymic”.
    Patronymic,
    /// A11y: “Skip to content”.
    SkipLink,
    /// Nav: “I have several PINs”, as the page's heading.
    NavSeveral,
    /// Nav: “About the PIN”.
    NavAbout,
    /// Heading: “I have several PINs”.
    SeveralTitle,
    /// Intro: “If your documents carry different PINs, enter them here: we show what they say, which most likely stays and which to correct, and what to bring to the centre. Nothing is sent anywhere.”.
    SeveralIntro,
    /// Heading: “Your details”.
    YourDetails,
    /// Heading: “Your numbers”.
    YourNumbers,
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
    /// Error: “Enter the PIN” (the only row: it has no Remove button).
    EnterOnlyPin,
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
    /// Row: “Digit 1: 1 female, 2 male”.
    PartSex,
    /// Row: “Digits 2–9: date of birth, DD MM YYYY”.
    PartDate,
    /// Row: “Digits 10–14: serial number”.
    PartSerial,
    /// Confidence: “Confirmed officially (2025)”.
    Confirmed,
    /// Confidence: “Well supported by published examples”.
    WellSupported,
    /// Confidence: “Meaning unknown; only 00000 is flagged” (a warning, not an error).
    Unknown,
    /// Text: “No check digit is known, and the app invents none. A PIN is not changed on a change of gender and is not guaranteed unique: such disagreements are shown as warnings, not errors.”.
    AboutRules,
    /// Heading: “Privacy”.
    AboutPrivacy,
    /// Text: “Every check runs in this browser. The page sends no data: the browser is told not to let it send anything over the internet (a security policy). Only your choice of language, and answers you ask to keep, are stored on this device.”.
    AboutPrivacyText,
    /// Text: “Once opened, the app also works without a connection, and can be installed.”.
    AboutOffline,
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
    /// Summary row of a result that waits for the typed birth date: “Check first”.
    VerdictCheckDateFirst,
    VerdictCompareFirst,
    ChooseDocumentOption,
    DateNotCompared,
    /// Summary row of two numbers on one date while the typed date waits: “Double PIN”.
    VerdictDoublePin,
    /// Link back to the birth date field: “Change the date of birth”.
    ChangeBirthDate,
    /// A date field's part: “Day”.
    Day,
    /// A date field's part: “Month”.
    Month,
    /// A date field's part: “Year”.
    Year,
    /// Hint under a date's legend: “For example, 25 04 1982” (a day over 12, so the order of day and month shows).
    DateHint,
    /// Error: the date's parts do not make a real date.
    BirthDateNotReal,
    /// Error: the date is after today.
    BirthDateInFuture,
    /// Error: no living person was born on the date (a mistyped year).
    BirthDateBeforeAnyoneLiving,
    /// Error: the several-numbers form has one number only.
    AddOtherNumber,
    /// Link to the previous step: “Back”.
    Back,
    /// Footer link to the clerk workstation: “For Public Service Centre staff: the clerk workstation”.
    ForClerks,
    /// The PIN check's button: “Check”.
    Check,
    /// Under a well-formed PIN: it says how it is written, not that it is registered.
    WellFormedOnly,
    /// Link to the several-numbers flow: “Have a document with another number?”.
    AnotherNumber,
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
        SkipLink => lang.pick(
            "Негизги мазмунга өтүү",
            "Перейти к содержимому",
            "Skip to content",
        ),
        // The page's own heading, word for word (a reading found the menu
        // and the heading naming it apart).
        NavSeveral => lang.pick(
            "Менде бир нече ПИН бар",
            "У меня несколько ПИН",
            "I have several PINs",
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
            "Документтериңизде ар башка ПИНдер болсо, аларды бул жерге жазыңыз: алар эмнени көрсөтөрүн, кайсынысы калышы ыктымал, кайсынысын оңдоо керектигин жана борборго эмне алып баруу керектигин көрсөтөбүз. Эч нерсе жөнөтүлбөйт.",
            "Если в ваших документах разные ПИН, впишите их сюда: мы объясним, что означают номера, какой из них, скорее всего, останется, какой нужно исправить и что взять с собой в центр. Ничего не отправляется.",
            "If your documents carry different PINs, enter them here: we show what they say, which most likely stays and which to correct, and what to bring to the centre. Nothing is sent anywhere.",
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
        EnterOnlyPin => lang.pick("ПИНди жазыңыз", "Введите ПИН", "Enter the PIN"),
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
            "1-цифра: 1 — аял, 2 — эркек",
            "1-я цифра: 1 — женщина, 2 — мужчина",
            "Digit 1: 1 female, 2 male",
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
            "Жарыяланган документтин мисалы менен бекемделген",
            "Подкреплено опубликованным образцом документа",
            "Well supported by a published document's example",
        ),
        Unknown => lang.pick(
            "Мааниси белгисиз; 00000 гана белгиленет",
            "Значение неизвестно; отмечается только 00000",
            "Meaning unknown; only 00000 is flagged",
        ),
        AboutRules => lang.pick(
            "0 менен башталган номер адатта уюмдун ИННи (бул эреже анчалык ишенимдүү эмес). Текшерүү цифрасы белгилүү эмес, ошондуктан колдонмо аны ойлоп чыгарбайт. Жынысы өзгөргөндө ПИН өзгөрбөйт, жана ПИН уникалдуу экени кепилденбейт: мындай дал келбестиктер ката эмес, эскертүү катары көрсөтүлөт.",
            "Номер, начинающийся с 0, — обычно ИНН организации (это правило менее надёжно). Контрольная цифра неизвестна, и приложение её не придумывает. ПИН не меняется при смене пола и не гарантированно уникален: такие расхождения показываются как предупреждения, а не ошибки.",
            "A number starting with 0 is usually an organisation's INN (this rule is less sure). No check digit is known, and the app invents none. A PIN is not changed on a change of gender and is not guaranteed unique: such disagreements are shown as warnings, not errors.",
        ),
        AboutPrivacy => lang.pick(
            "Купуялуулук",
            "Конфиденциальность",
            "Privacy",
        ),
        AboutPrivacyText => lang.pick(
            "Бардык текшерүүлөр ушул браузерде жүрөт. Баракча эч кандай маалымат жөнөтпөйт: браузерге аны интернет аркылуу эч нерсе жөнөтүүгө жол бербөө буйрулган (коопсуздук саясаты). Тил тандоосу жана сиз өзүңүз сактоону сураган жооптор гана ушул түзмөктө сакталат.",
            "Все проверки выполняются в этом браузере. Страница не отправляет никаких данных: браузеру велено не давать ей ничего отправлять через интернет (политика безопасности). На устройстве хранится только выбор языка и ответы, которые вы сами попросили сохранить.",
            "Every check runs in this browser. The page sends no data: the browser is told not to let it send anything over the internet (a security policy). Only your choice of language, and answers you ask to keep, are stored on this device.",
        ),
        AboutOffline => lang.pick(
            "Бир жолу ачылгандан кийин тиркеме интернетсиз да иштейт жана аны орнотсо болот.",
            "После первого открытия приложение работает и без интернета, его можно установить.",
            "Once opened, the app also works without a connection, and can be installed.",
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
            "Ввести заново",
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
        VerdictCheckDateFirst => lang.pick(
            "Адегенде текшериңиз",
            "Сначала проверьте",
            "Check first",
        ),
        DateNotCompared => lang.pick(
            "ПИН туулган күнүңүз менен салыштырылган жок (жогорудагы катаны караңыз).",
            "ПИН не сравнивался с вашей датой рождения (см. выше).",
            "The PIN was not compared with your date of birth (see above).",
        ),
        ChooseDocumentOption => lang.pick(
            "— Документти тандаңыз —",
            "— Выберите документ —",
            "— Choose the document —",
        ),
        VerdictCompareFirst => lang.pick(
            "Адегенде салыштырыңыз",
            "Сначала сверьте",
            "Compare first",
        ),
        VerdictDoublePin => lang.pick(
            "Кайталанган ПИН",
            "Двойной ПИН",
            "Double PIN",
        ),
        ChangeBirthDate => lang.pick(
            "Туулган күндү өзгөртүү",
            "Изменить дату рождения",
            "Change the date of birth",
        ),
        Day => lang.pick("Күн", "День", "Day"),
        Month => lang.pick("Ай", "Месяц", "Month"),
        Year => lang.pick("Жыл", "Год", "Year"),
        DateHint => lang.pick(
            "Мисалы, 25 04 1982",
            "Например, 25 04 1982",
            "For example, 25 04 1982",
        ),
        BirthDateNotReal => lang.pick(
            "Туулган күн чыныгы дата болушу керек: күн, ай жана төрт цифралуу жыл",
            "Дата рождения должна быть настоящей датой: день, месяц и год из четырёх цифр",
            "The date of birth must be a real date: day, month and a four-digit year",
        ),
        BirthDateInFuture => lang.pick(
            "Туулган күн бүгүнкү күндөн кийин боло албайт",
            "Дата рождения не может быть позже сегодняшней",
            "The date of birth cannot be after today",
        ),
        BirthDateBeforeAnyoneLiving => lang.pick(
            "Туулган жылды текшериңиз: азыр тирүү эч ким 1900-жылга чейин же 120 жылдан ашык мурун туулган эмес",
            "Проверьте год рождения: никто из ныне живущих не родился до 1900 года или более 120 лет назад",
            "Check the year of birth: no one alive today was born before 1900 or over 120 years ago",
        ),
        AddOtherNumber => lang.pick(
            "Экинчи номериңизди кошуңуз: бул барак эки же андан көп номерди салыштырат. Бир номерди «ПИНди текшерүү» барагында текшериңиз",
            "Добавьте второй номер: эта страница сравнивает два номера или больше. Один номер проверьте на странице «Проверка ПИН»",
            "Add your other number: this page compares two or more. To check one number, use the PIN check",
        ),
        Back => lang.pick("Артка", "Назад", "Back"),
        ForClerks => lang.pick(
            "Калкты тейлөө борборунун кызматкерлери үчүн: оператордун иш орду",
            "Для сотрудников ЦОН: рабочее место оператора",
            "For Public Service Centre staff: the clerk workstation",
        ),
        Check => lang.pick("Текшерүү", "Проверить", "Check"),
        WellFormedOnly => lang.pick(
            "Бул номер ПИН катары туура жазылган гана. Ал сизге катталганбы же жокпу, бул жерден билүүгө болбойт.",
            "Это значит только, что номер записан как ПИН. Зарегистрирован ли он на вас, отсюда узнать нельзя.",
            "This says only that the number is written as a PIN should be. Whether it is registered to you cannot be told from here.",
        ),
        AnotherNumber => lang.pick(
            "Башка документте башка номер барбы?",
            "В другом документе другой номер?",
            "Have a document with another number?",
        ),
    }
}

/// “Number 2: …”: an error of one of the citizen's numbers.
pub fn number_error(number: usize, message: &str, lang: Lang) -> String {
    let message = message.trim_end_matches('.');
    match lang {
        Lang::Ky => format!("№{number} номер: {message}"),
        Lang::Ru => format!("Номер {number}: {message}"),
        Lang::En => format!("Number {number}: {message}"),
    }
}

/// “Number 3 repeats number 1”: the same number given twice for one kind of
/// document (on two kinds it is two papers, and welcome).
pub fn number_repeats(number: usize, first: usize, lang: Lang) -> String {
    match lang {
        Lang::Ky => format!("№{number} номер ошол эле документтеги №{first} номерди кайталайт: ар бир документтин номерин бир жолу жазыңыз"),
        Lang::Ru => format!("Номер {number} повторяет номер {first} из того же документа: укажите номер каждого документа один раз"),
        Lang::En => format!("Number {number} repeats number {first} from the same document: give each number once for each document"),
    }
}

/// The form's error for a number whose document was not chosen.
pub fn number_document(number: usize, lang: Lang) -> String {
    match lang {
        Lang::Ky => format!("№{number} номер: ал кайсы документте жазылганын тандаңыз"),
        Lang::Ru => format!("Номер {number}: выберите документ, в котором он записан"),
        Lang::En => format!("Number {number}: choose the document it is on"),
    }
}
