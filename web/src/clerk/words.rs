//! The clerk workstation's own words, in Kyrgyz, Russian and English: its
//! headings, buttons and figures. Kept apart from the citizen's words
//! ([`crate::i18n`]), so the citizen's page carries none of them. The Kyrgyz
//! texts were written by the developers and want review by a native speaker.

use kgpin::Lang;

/// The workstation's screen words: one variant per word, worded in [`word`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Word {
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
    /// Error: “The workbook reader stopped…”.
    WorkbookFailed,
    /// Toggle under a record of a cluster: “A different person”.
    NotThisPerson,
    /// Note: this tab's registry was read again on coming back to the page.
    Resumed,
    /// Column: “Row” (of a workbook's sheet, as Excel numbers it).
    Row,
    /// Label: “Sheet” (of a workbook).
    Sheet,
    /// Hint beside the sheet list: the registry may be on another sheet.
    SheetHint,
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
    /// Pairs of the review band: perhaps one person, for a clerk to settle.
    PossibleMatches,
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
    /// Field: “Stated date of birth”.
    StatedBirthDate,
    /// Table row: the names as one field held them, where the engine read a
    /// full name typed into one field: “Names typed in one field”.
    NamesInOneField,
    /// Field: “Stated sex”.
    StatedSex,
    /// Field: “Sex in the PIN”.
    PinSex,
    /// Field: “Date of birth in the PIN”.
    PinBirthDate,
    /// Marker: “differs”.
    Differs,
    /// A value given in one record and not in the other: nothing to compare.
    Missing,
    /// One name written otherwise (another script, style or ending).
    SpelledOtherwise,
    /// Of two surnames, one written as the father's name with its marker
    /// (Нурлан кызы): the engine does not compare it with a family name.
    SurnameNamesFather,
    /// Marker: “disagrees with its own record”.
    DisagreesWithRecord,
    /// Heading: “Links in the cluster”.
    Links,
    /// Column: “Score (bits)”.
    Score,
    /// Decision: “Same person”.
    SamePerson,
    /// Decision: “Different people”.
    DifferentPeople,
    /// Decision: “Unsure”.
    Unsure,
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
    /// A cluster whose records agree on names only.
    WeakEvidence,
    /// "Saved": said once a decision is kept, before the verdict.
    Saved,
    /// Status: an undo took a step back.
    Undone,
    /// Empty: “No clusters of this kind.”.
    NothingToReview,
    /// Heading: “Export”.
    Export,
    /// Button: “Clusters and decisions (CSV)”.
    ExportClusters,
    /// Field: “Your name, written beside each decision you make (kept on this device)”.
    ClerkName,
    /// Export column: “PIN”.
    ColumnPin,
    /// Shared PIN: “The number agrees with neither record's or with both records' birth date and sex: the centre decides who keeps it, from the documents.”.
    SharedPinCentreDecides,
    /// A question on one PIN, before who keeps it: “If they are different people:”.
    IfDifferentPeople,
    /// Conflict button: “Keep mine”.
    KeepMine,
    /// Conflict button: “Take theirs”.
    TakeTheirs,
    /// Export column: “PIN to keep”.
    ColumnPinToKeep,
    /// Export column: “Decision”.
    ColumnDecision,
    /// Export column: “Decided by”.
    ColumnDecidedBy,
    /// Export column: “Decided on”.
    ColumnDecidedAt,
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
    /// A pre-check by names alone: nothing else was compared.
    SearchedByNamesOnly,
    /// A pre-check's candidate with no birth date or PIN to compare.
    CandidateOnNamesOnly,
    /// Figure: “Search took”.
    QueryTook,
    /// Label: “File”.
    File,
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
    /// Heading: “PINs on many records”.
    PinsOnManyRecords,
    /// Text: “These PINs appear on so many records that they are not compared pair by pair: usually a placeholder, or a default typed into every row. Check each one on its own.”.
    PinsOnManyRecordsHelp,
    /// Button: “One PIN, different people (CSV)”.
    ExportShared,
    /// Error: “Enter a surname and first name, or at least one PIN”.
    EnterNameOrPin,
    /// Summary: the file's text encoding.
    Encoding,
}

/// The workstation's word `word` in `lang`.
/// The heading of a row's place in the file: its line in a CSV file, its
/// row number in a workbook's sheet (`sheet`, as the report names it).
pub fn line_word(sheet: Option<&str>) -> Word {
    match sheet {
        Some(_) => Word::Row,
        None => Word::Line,
    }
}

pub fn word(word: Word, lang: Lang) -> &'static str {
    use Word::*;
    match word {
        ClerkTitle => lang.pick(
            "Реестрдеги кайталанган ПИНдер",
            "Двойные ПИН в реестре",
            "Double PINs in a registry",
        ),
        ClerkIntro => lang.pick(
            "Реестрден үзүндүнү жүктөңүз: CSV файлы (UTF-8 же Windows-1251, «,» же «;») же Excel китеби (.xlsx). Кайталануулар ушул браузерде изделет, эч нерсе жөнөтүлбөйт.",
            "Загрузите выгрузку реестра: CSV (UTF-8 или Windows-1251, «,» или «;») или книгу Excel (.xlsx). Дубликаты ищутся в этом браузере, ничего не отправляется.",
            "Load a registry extract: CSV (UTF-8 or Windows-1251, ‘,’ or ‘;’) or an Excel workbook (.xlsx). Duplicates are found in this browser and nothing is sent anywhere.",
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
        WorkbookFailed => lang.pick(
            "Excel китебин окуган иштетүүчү токтоп калды; китепти CSV UTF-8 катары сактап, ошол файлды жүктөңүз.",
            "Обработчик книги Excel остановился; сохраните книгу как CSV UTF-8 и загрузите этот файл.",
            "The workbook reader stopped; save the workbook as CSV UTF-8 and load that file.",
        ),
        Row => lang.pick("Сап", "Строка", "Row"),
        NotThisPerson => lang.pick("Башка адам", "Другой человек", "A different person"),
        Resumed => lang.pick(
            "Ушул өтмөктөгү реестр кайра окулду. Ал ушул браузерде өтмөк үчүн гана сакталат: жумуш орду кийинки жолу жаңы өтмөктө ачылганда өчүрүлөт.",
            "Реестр этой вкладки прочитан снова. Он хранится в этом браузере только для вкладки: при следующем открытии рабочего места в новой вкладке он удаляется.",
            "This tab's registry was read again. It is kept in this browser for this tab only: the next time the workstation opens in a new tab, it is deleted.",
        ),
        Sheet => lang.pick("Барак", "Лист", "Sheet"),
        SheetHint => lang.pick(
            "Китепте бир нече барак бар: реестр жазылганын тандаңыз (адегенде биринчиси окулат).",
            "В книге несколько листов: выберите тот, где реестр (сначала читается первый).",
            "The workbook has several sheets: choose the one that holds the registry (the first is read first).",
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
        PossibleMatches => lang.pick(
            "Бир адам болушу мүмкүн (текшерүүгө)",
            "Возможно, один человек (на проверку)",
            "Perhaps one person (to review)",
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
        NamesInOneField => lang.pick(
            "Аты-жөнү бир талаада жазылган",
            "ФИО, записанное в одном поле",
            "Names typed in one field",
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
        Missing => lang.pick("бирөөндө жок", "в одной из записей нет", "missing in one"),
        SpelledOtherwise => lang.pick(
            "ошол эле ат, башкача жазылган",
            "то же имя, написано иначе",
            "the same name, written otherwise",
        ),
        SurnameNamesFather => lang.pick(
            "бири атанын аты (уулу/кызы), фамилия менен салыштырылбайт",
            "одна из них — имя отца (уулу/кызы), с фамилией не сравнивается",
            "one is the father's name (uulu/kyzy), not compared with a family name",
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
        Comment => lang.pick(
            "Комментарий",
            "Комментарий",
            "Comment",
        ),
        ClerkName => lang.pick(
            "Атыңыз: ар бир чечимиңиздин жанына жазылат (ушул түзмөктө сакталат)",
            "Ваше имя: пишется рядом с каждым вашим решением (хранится на этом устройстве)",
            "Your name, written beside each decision you make (kept on this device)",
        ),
        ColumnPin => lang.pick("ПИН", "ПИН", "PIN"),
        SharedPinCentreDecides => lang.pick(
            "Номер эки жазуунун экөөнүн тең туулган күнүнө жана жынысына дал келет же эч бирине дал келбейт: ким калтырарын борбор документтер боюнча чечет.",
            "Номер совпадает с датой рождения и полом обеих записей или ни одной: кто сохранит номер, решает центр по документам.",
            "The number agrees with the birth date and sex of both records or of neither: the centre decides who keeps it, from the documents.",
        ),
        IfDifferentPeople => lang.pick(
            "Эгер булар ар башка адамдар болсо:",
            "Если это разные люди:",
            "If they are different people:",
        ),
        KeepMine => lang.pick("Меникин калтыруу", "Оставить моё", "Keep mine"),
        TakeTheirs => lang.pick("Алардыкын алуу", "Принять их", "Take theirs"),
        ColumnPinToKeep => lang.pick(
            "Калтыруучу ПИН",
            "ПИН, который остаётся",
            "PIN to keep",
        ),
        ColumnDecision => lang.pick("Чечим", "Решение", "Decision"),
        ColumnDecidedBy => lang.pick("Ким чечти", "Кто решил", "Decided by"),
        ColumnDecidedAt => lang.pick("Качан", "Когда", "Decided on"),
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
        Saved => lang.pick("Сакталды", "Сохранено", "Saved"),
        Undone => lang.pick(
            "Акыркы кадам артка алынды",
            "Последний шаг отменён",
            "The last step is taken back",
        ),
        WeakEvidence => lang.pick(
            "Алсыз далил: бул жазуулардын аты-жөнү гана дал келет; туулган күн дө, ПИН де дал келбейт. Адаштар көп: документин сураңыз.",
            "Слабое доказательство: записи совпадают только по ФИО; ни дата рождения, ни ПИН не совпадают. Полных тёзок много: запросите документ.",
            "Weak evidence: these records agree on names only; no birth date or PIN agrees. Many people share these names: ask for a document.",
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
        SearchedByNamesOnly => lang.pick(
            "Аты-жөнү боюнча гана изделди: туулган күн дө, ПИН де салыштырылган жок. Адаштар көп: издөөгө туулган күндү же ПИНди кошуңуз, же документин сураңыз.",
            "Поиск только по ФИО: дата рождения и ПИН не сравнивались. Полных тёзок много: добавьте в поиск дату рождения или ПИН либо запросите документ.",
            "Searched by names only: no birth date or PIN was compared. Many people share these names: add the birth date or a PIN to the search, or ask for a document.",
        ),
        CandidateOnNamesOnly => lang.pick(
            "Аты-жөнү гана дал келет: бул жазууда салыштыра турган туулган күн же ПИН жок. Адаштар көп: документин сураңыз.",
            "Совпадает только ФИО: в этой записи нет даты рождения или ПИН для сравнения. Полных тёзок много: запросите документ.",
            "Only the names agree: this record has no birth date or PIN to compare. Many people share these names: ask for a document.",
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
        Encoding => lang.pick("Коддоо", "Кодировка", "Encoding"),
    }
}

/// "Your decisions on 12 clusters are kept on this device": said when the
/// page opens without a registry (after a reload, on the next day).
pub fn kept_decisions(clusters: usize, lang: Lang) -> String {
    match lang {
        Lang::Ky => format!("Мурунку иштин {clusters} кластер боюнча чечимдери ушул түзмөктө сакталган. Улантуу үчүн ошол эле файлды (же кийинки выгрузканы) кайра тандаңыз: чечимдер record_id боюнча кайра колдонулат."),
        Lang::Ru => format!("Решения по {clusters} кластерам из прошлой работы сохранены на этом устройстве. Чтобы продолжить, снова выберите тот же файл (или следующую выгрузку): решения применятся по record_id."),
        Lang::En => format!("Your decisions on {clusters} clusters from earlier work are kept on this device. To go on, choose the same file (or the next extract) again: they apply by record_id."),
    }
}

/// `text` to follow a colon: its first letter lowered when it is a Latin or
/// basic Cyrillic capital (А-Я), by the alphabets' layout (the core's
/// [`kgpin::messages::lowercase_first_cyrillic`] for the Cyrillic).
pub fn after_colon(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) if first.is_ascii_uppercase() => std::iter::once(first.to_ascii_lowercase())
            .chain(chars)
            .collect(),
        _ => kgpin::messages::lowercase_first_cyrillic(text),
    }
}

/// One PIN held by two people: who keeps it, as the core tells from the
/// birth date and sex the number encodes.
pub fn keeps_the_pin(keeper: &str, other: &str, lang: Lang) -> String {
    match lang {
        Lang::Ky => format!("Номер {keeper} жазуусунун туулган күнүнө жана жынысына дал келет: аны {keeper} калтырат, {other} үчүн жаңы номер керек."),
        Lang::Ru => format!("Номер совпадает с датой рождения и полом записи {keeper}: он остаётся у {keeper}, для {other} нужен новый номер."),
        Lang::En => format!("The number agrees with the birth date and sex of record {keeper}: {keeper} keeps it, {other} needs a new number."),
    }
}

/// Records split off the cluster under review: what that means for the
/// export and for the decision buttons.
pub fn apart_note(ids: &[&str], lang: Lang) -> String {
    let ids = ids.join(", ");
    match lang {
        Lang::Ky => format!("{ids}: башка адам. Өзүнчө экспорттолот жана калган жазуулардан башка адам катары сакталат; чечимиңиз калган жазууларга тиешелүү."),
        Lang::Ru => format!("{ids}: другой человек. Выгружается отдельно и сохраняется как другой человек по отношению к остальным записям; ваше решение касается остальных записей."),
        Lang::En => format!("{ids}: a different person. Exported on its own and kept as a different person from the other records; your decision is about the other records."),
    }
}

/// A record a clerk said earlier is a different person from `others`, back
/// beside a look-alike: said, so the queue never looks as if it forgot.
pub fn earlier_apart(record: &str, others: &[&str], lang: Lang) -> String {
    let others = others.join(", ");
    match lang {
        Lang::Ky => format!("{record} мурда {others} жазуусунан башка адам деп чечилген; азыр ал башка окшош жазуунун жанында."),
        Lang::Ru => format!("Запись {record} ранее признана другим человеком, чем {others}; теперь она рядом с другой похожей записью."),
        Lang::En => format!("{record} was decided earlier to be a different person from {others}; it is now beside another look-alike."),
    }
}

/// A record of a pair under review that the engine put in a cluster without
/// the other: where else to look before deciding.
pub fn clustered_elsewhere(record: &str, cluster: &str, with: &[&str], lang: Lang) -> String {
    let with = with.join(", ");
    match lang {
        Lang::Ky => format!("{record} жазуусу {cluster} кластеринде да бар ({with} менен): чечээрден мурун экөөнү тең караңыз."),
        Lang::Ru => format!("Запись {record} уже в кластере {cluster} (вместе с {with}): посмотрите оба, прежде чем решать."),
        Lang::En => format!("{record} is already in cluster {cluster} (with {with}): look at both before you decide."),
    }
}

/// Clusters the engine no longer proposes because a clerk said earlier they
/// are different people: why the queue is shorter than last time.
pub fn kept_apart(clusters: u64, lang: Lang) -> String {
    match lang {
        Lang::Ky => format!("Мурда «башка адамдар» деп чечилип, кайра сунушталбаган кластерлер (кезек ошончого кыска): {clusters}."),
        Lang::Ru => format!("Кластеры, ранее признанные разными людьми, больше не предлагаются (очередь на столько короче): {clusters}."),
        Lang::En => format!("Clusters you said earlier were different people, no longer proposed (the queue is that much shorter): {clusters}."),
    }
}

#[cfg(test)]
mod after_colon_tests {
    /// Latin and basic Cyrillic capitals lowered; other letters, digits and
    /// nothing left as they are.
    #[test]
    fn a_sentence_after_a_colon_starts_in_lower_case() {
        for (text, expected) in [
            ("Номер совпадает", "номер совпадает"),
            ("The number agrees", "the number agrees"),
            ("Ярлык", "ярлык"),
            ("Үч", "Үч"),
            ("Ёж", "Ёж"),
            ("3 records", "3 records"),
            ("", ""),
        ] {
            assert_eq!(super::after_colon(text), expected);
        }
    }
}
