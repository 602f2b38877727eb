//! Registry extracts: the CSV files clerks load (`docs/registry-csv.md` describes the format).
//!
//! Accepts UTF-8 with or without BOM and Windows-1251, `,` or `;` (Excel in a
//! Russian locale writes `;`), CRLF, quoted fields with embedded delimiters and
//! newlines. Every row is accounted for: it becomes a [`Record`], or a
//! [`Diagnostic`] with its line number and why. Fields that cannot be read
//! (a malformed date, an unknown sex) keep the row and add a diagnostic.

use serde::Serialize;

use crate::date::Date;
use crate::pin::Pin;
use crate::sex::Sex;

/// The text encoding a file was read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Encoding {
    /// UTF-8, with or without a byte-order mark.
    Utf8,
    /// Windows-1251, as Excel on Russian Windows saves CSV.
    Windows1251,
}

impl Encoding {
    /// The encoding's usual name, as summaries show it.
    pub const fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Windows1251 => "Windows-1251",
        }
    }
}

/// One person-row of a registry. A `Record` owns its text; while a file is
/// read, its rows are [`RecordRef`]s that borrow the text from the file:
/// six heap strings a row, made and freed again, were a large share of the
/// read stage (issue 18), most of all in the browser's allocator.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Record<S = String> {
    /// The row's id, required and unique within the file.
    pub record_id: S,
    /// The PIN as recorded.
    pub pin_text: S,
    /// The PIN when it passes the structural rules.
    pub pin: Option<Pin>,
    /// Surname as recorded.
    pub last_name: S,
    /// First name as recorded.
    pub first_name: S,
    /// Patronymic as recorded; empty when not given.
    pub patronymic: S,
    /// Date of birth, when given and readable.
    pub birth_date: Option<Date>,
    /// Sex, when given and readable.
    pub sex: Option<Sex>,
    /// The agency the row comes from; empty when not given.
    pub source: S,
    /// Values of the columns kgpin does not know, in [`Registry::extra_columns`] order.
    pub extra: Vec<S>,
    /// 1-based line of the file where the row starts.
    pub line: u64,
}

/// A row as read, its text borrowed from the file ([`Record::owned`] keeps it).
pub type RecordRef<'a> = Record<&'a str>;

impl<S: AsRef<str>> Record<S> {
    /// The record with its own copy of the text.
    pub fn owned(&self) -> Record {
        let text = |s: &S| s.as_ref().to_string();
        Record {
            record_id: text(&self.record_id),
            pin_text: text(&self.pin_text),
            pin: self.pin,
            last_name: text(&self.last_name),
            first_name: text(&self.first_name),
            patronymic: text(&self.patronymic),
            birth_date: self.birth_date,
            sex: self.sex,
            source: text(&self.source),
            extra: self.extra.iter().map(text).collect(),
            line: self.line,
        }
    }
}

crate::coded_enum! {
    /// What went wrong with one row or field.
    #[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
    #[serde(tag = "code", rename_all_fields = "camelCase")]
    pub enum Problem {
        /// The row cannot be read as CSV (e.g. invalid bytes).
        "malformed_row" => MalformedRow {
            /// What the CSV reader said.
            detail: String,
        },
        /// The row has another number of fields than the header.
        "wrong_field_count" => WrongFieldCount {
            /// Fields in the header.
            expected: usize,
            /// Fields in this row.
            found: usize,
        },
        /// A quote was opened and not closed where expected, so the row ran on over
        /// the next `lines_spanned` lines (whose rows are inside this one).
        "unbalanced_quote" => UnbalancedQuote {
            /// Lines swallowed by the open quote.
            lines_spanned: u64,
        },
        /// The record_id field is empty.
        "missing_record_id" => MissingRecordId,
        /// The record_id was used by an earlier row.
        "duplicate_record_id" => DuplicateRecordId {
            /// The repeated id.
            #[serde(rename = "repeatedRecordId")]
            record_id: String,
        },
        /// The PIN is not valid; the row is kept and matched on its other fields.
        "invalid_pin" => InvalidPin {
            /// The [`PinError`](crate::PinError) code.
            pin_code: String,
        },
        /// The birth date cannot be read; the row is kept without it.
        "invalid_birth_date" => InvalidBirthDate {
            /// The text found.
            value: String,
        },
        /// The sex cannot be read; the row is kept without it.
        "invalid_sex" => InvalidSex {
            /// The text found.
            value: String,
        },
        /// A line above the header (a report's title, the date it was made):
        /// not a row of the registry, left out and said.
        "above_header" => AboveHeader,
        /// Bytes of the row are not UTF-8 in a UTF-8 file (shown as U+FFFD);
        /// the row is kept, the damaged field may not match.
        "invalid_utf8" => InvalidUtf8,
    }
}

impl Problem {
    /// Whether the row was dropped from matching (otherwise only a field was).
    pub const fn rejects_row(&self) -> bool {
        matches!(
            self,
            Problem::MalformedRow { .. }
                | Problem::AboveHeader
                | Problem::WrongFieldCount { .. }
                | Problem::UnbalancedQuote { .. }
                | Problem::MissingRecordId
                | Problem::DuplicateRecordId { .. }
        )
    }
}

/// A problem and where it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Diagnostic {
    /// 1-based line number where the row starts.
    pub line: u64,
    /// The row's record_id when it could be read.
    pub record_id: Option<String>,
    #[serde(flatten)]
    /// What is wrong.
    pub problem: Problem,
}

crate::coded_enum! {
    /// Why a whole file cannot be read.
    #[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize)]
    #[serde(tag = "code", rename_all_fields = "camelCase")]
    pub enum RegistryError {
        /// No bytes, or only white space.
        #[error("the file is empty")]
        "empty_file" => EmptyFile,
        /// A required column is not in the header.
        #[error("the header lacks the required column {column}")]
        "missing_column" => MissingColumn {
            /// The column's canonical name.
            column: &'static str,
        },
        /// Two header cells name the same column (perhaps through aliases).
        #[error("the header names the column {column} twice")]
        "duplicate_column" => DuplicateColumn {
            /// The column's name.
            column: String,
        },
        /// The file is not CSV text: a spreadsheet workbook, UTF-16 text, or other binary data.
        #[error("the file is {format}, not CSV text")]
        "unsupported_format" => UnsupportedFormat {
            /// What it looks like: `utf-16`, `xlsx`, `xls` or `binary`.
            format: String,
        },
        /// A header and no data rows.
        #[error("the file has a header but no rows")]
        "no_rows" => NoRows,
        /// An `.xlsx` file that cannot be opened: damaged, password-protected,
        /// or a zip archive that is not a workbook.
        #[error("the workbook cannot be read: {detail}")]
        "unreadable_workbook" => UnreadableWorkbook {
            /// What the workbook reader said.
            detail: String,
        },
        /// The sheet asked for is not in the workbook.
        #[error("the workbook has no sheet named {sheet}")]
        "no_such_sheet" => NoSuchSheet {
            /// The name asked for.
            sheet: String,
            /// The sheets it has.
            sheets: Vec<String>,
        },
        /// The header line cannot be read as CSV.
        #[error("the header cannot be read: {detail}")]
        "bad_header" => BadHeader {
            /// What the CSV reader said.
            detail: String,
        },
    }
}

/// A loaded registry: the readable records, and a diagnostic for everything else.
#[derive(Debug, Clone, Default)]
pub struct Registry {
    /// The readable rows, in file order ([`Registry::read_csv_in_chunks`] leaves this empty).
    pub records: Vec<Record>,
    /// A diagnostic for every rejected row and every unreadable field.
    pub diagnostics: Vec<Diagnostic>,
    /// Header names of passed-through columns, as written in the file.
    pub extra_columns: Vec<String>,
    /// The encoding the file was decoded from; `None` for a registry not read
    /// from a text file (a workbook's sheet, or records built in code).
    pub encoding: Option<Encoding>,
    /// The sheet read, for a registry read from a workbook: its diagnostics'
    /// lines are that sheet's row numbers.
    pub sheet: Option<String>,
    /// The field delimiter found in the header line: `b','` or `b';'`.
    pub delimiter: u8,
    /// Data rows seen (records plus rejected rows).
    pub rows_read: u64,
}

impl Registry {
    /// Rows left out of matching, with their diagnostics.
    pub fn rejected(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().filter(|d| d.problem.rejects_row())
    }
}

/// Rows read and converted together: large enough to keep both cores busy,
/// small enough that a chunk's vectors (~1 MB each) are used again by the
/// allocator, chunk after chunk. At 65,536 rows they were fresh memory every
/// time, zeroed by the kernel page by page: the native peak at a million
/// rows 398 -> 366 MiB, and the read stage on one thread ~0.9x.
const CHUNK_ROWS: usize = 1 << 12;

/// One column kgpin reads: its name, the other names files give it, whether a
/// file must have it, and how its text becomes part of a [`Record`]. The
/// reader, the synthetic generator and the docs all go through [`COLUMNS`]:
/// a new column is a new entry here (and a field of [`Record`]).
pub struct Column {
    /// The canonical name, as `kgpin` writes it.
    pub name: &'static str,
    /// Other header names meaning the same column (compared in lower case).
    pub aliases: &'static [&'static str],
    /// Whether a file without this column is refused.
    pub required: bool,
    /// Stores the trimmed field text in the record; a value that cannot be
    /// read adds a problem and leaves the field empty, keeping the row.
    read: for<'a> fn(&mut RecordRef<'a>, &'a str, &mut Vec<Problem>),
}

impl Column {
    /// Whether a header cell (trimmed, lower case) names this column.
    pub fn is_named(&self, header: &str) -> bool {
        self.name == header || self.aliases.contains(&header)
    }
}

impl std::fmt::Debug for Column {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Column")
            .field("name", &self.name)
            .field("required", &self.required)
            .finish_non_exhaustive()
    }
}

/// The columns kgpin reads, in the order it writes them; others pass through.
pub const COLUMNS: &[Column] = &[
    Column {
        name: "record_id",
        aliases: &["id", "row_id", "record id"],
        required: true,
        read: |record, value, _| record.record_id = value,
    },
    Column {
        name: "pin",
        aliases: &["пин", "инн", "inn", "personal_number", "pin_inn"],
        required: true,
        read: |record, value, problems| {
            record.pin_text = value;
            record.pin = match value.parse::<Pin>() {
                Ok(pin) => Some(pin),
                Err(error) => {
                    problems.push(Problem::InvalidPin {
                        pin_code: error.code().to_string(),
                    });
                    None
                }
            };
        },
    },
    Column {
        name: "last_name",
        aliases: &["surname", "фамилия", "фамилиясы"],
        required: true,
        read: |record, value, _| record.last_name = value,
    },
    Column {
        name: "first_name",
        aliases: &["given_name", "name", "имя", "аты"],
        required: true,
        read: |record, value, _| record.first_name = value,
    },
    Column {
        name: "patronymic",
        aliases: &["middle_name", "отчество", "атасынын аты"],
        required: false,
        read: |record, value, _| record.patronymic = value,
    },
    Column {
        name: "birth_date",
        aliases: &[
            "date_of_birth",
            "dob",
            "дата рождения",
            "дата_рождения",
            "туулган күнү",
        ],
        required: false,
        read: |record, value, problems| {
            // Excel exports a date cell as "05.03.1985 0:00:00": the time is not part of it.
            let date = value.split(' ').next().unwrap_or(value);
            record.birth_date = optional(value, date, problems, |value| {
                Problem::InvalidBirthDate { value }
            });
        },
    },
    Column {
        name: "sex",
        aliases: &["gender", "пол", "жынысы"],
        required: false,
        read: |record, value, problems| {
            record.sex = optional(value, value, problems, |value| Problem::InvalidSex {
                value,
            });
        },
    },
    Column {
        name: "source",
        aliases: &["agency", "источник", "булак"],
        required: false,
        read: |record, value, _| record.source = value,
    },
];

/// An optional field: empty is `None`; text that does not parse is `None`
/// and a problem naming the value as written (`value`, its first
/// [`SHOWN_CHARS`] characters; `text` is what is parsed).
fn optional<T: std::str::FromStr>(
    value: &str,
    text: &str,
    problems: &mut Vec<Problem>,
    problem: fn(String) -> Problem,
) -> Option<T> {
    if value.is_empty() {
        return None;
    }
    text.parse()
        .map_err(|_| problems.push(problem(shown(value))))
        .ok()
}

/// How much of a bad value a diagnostic repeats: enough to find it, never a
/// megabyte field copied into every report and screen.
pub const SHOWN_CHARS: usize = 40;

fn shown(value: &str) -> String {
    match value.char_indices().nth(SHOWN_CHARS) {
        Some((end, _)) => format!("{}…", &value[..end]),
        None => value.to_string(),
    }
}

/// The index in [`COLUMNS`] of the record_id, which every row must have.
const RECORD_ID: usize = 0;

/// Appends one CSV line, ended by `line_end`, to `out`, quoting a field only
/// where the delimiter, a quote or a line break demands it: the one CSV
/// writer of the synthetic generator and of the clerk's exports.
///
/// ```
/// let mut out = String::new();
/// kgpin::registry::push_csv_line(&mut out, ["a", "b;c", "d\"e"], b';', "\n");
/// assert_eq!(out, "a;\"b;c\";\"d\"\"e\"\n");
/// ```
pub fn push_csv_line<'a>(
    out: &mut String,
    fields: impl IntoIterator<Item = &'a str>,
    delimiter: u8,
    line_end: &str,
) {
    let delimiter = char::from(delimiter);
    for (i, field) in fields.into_iter().enumerate() {
        if i > 0 {
            out.push(delimiter);
        }
        if field.contains([delimiter, '"', '\n', '\r']) {
            out.push('"');
            out.push_str(&field.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(field);
        }
    }
    out.push_str(line_end);
}

/// What a file that is not CSV text is, from its first bytes: people pick an
/// Excel workbook or a UTF-16 export as often as the CSV beside it.
fn binary_format(bytes: &[u8]) -> Option<&'static str> {
    let head = bytes.get(..4096).unwrap_or(bytes);
    if head.starts_with(b"PK\x03\x04") {
        Some("xlsx")
    } else if head.starts_with(b"\xD0\xCF\x11\xE0") {
        Some("xls")
    } else if head.starts_with(b"%PDF") {
        Some("pdf")
    } else if head.starts_with(b"\xFF\xFE")
        || head.starts_with(b"\xFE\xFF")
        || is_utf16_without_mark(head)
    {
        Some("utf-16")
    } else if many_nuls(head) {
        Some("binary")
    } else {
        None
    }
}

/// More than a few stray NULs (which a text file may carry): not text.
fn many_nuls(head: &[u8]) -> bool {
    let zeros = head.iter().filter(|&&b| b == 0).count();
    zeros > 8 && zeros * 100 > head.len()
}

/// UTF-16 without its byte-order mark: in one of the two byte positions,
/// nearly every byte is the high byte of a Latin (0x00) or Cyrillic (0x04)
/// character, and some are zero.
fn is_utf16_without_mark(head: &[u8]) -> bool {
    let pairs = head.len() / 2;
    if pairs < 8 {
        return false;
    }
    (0..2).any(|half| {
        let highs: Vec<u8> = head
            .iter()
            .skip(half)
            .step_by(2)
            .take(pairs)
            .copied()
            .collect();
        let zeros = highs.iter().filter(|&&b| b == 0).count();
        let plausible = highs.iter().filter(|&&b| b == 0 || b == 4).count();
        zeros > 0 && plausible * 10 >= pairs * 9
    })
}

/// Decodes a file's bytes on the evidence: UTF-8 (BOM stripped) when valid;
/// UTF-8 still when its well-formed multi-byte characters far outnumber the
/// bytes that are not (a stray byte must not turn a whole UTF-8 file into
/// Windows-1251 gibberish: those bytes become U+FFFD and their rows are
/// reported as `invalid_utf8`); else Windows-1251, where every byte is a
/// character and Cyrillic letters rarely form valid UTF-8.
///
/// ```
/// use kgpin::registry::{decode, Encoding};
/// let mut bytes = "Асанова,Айгүл\n".repeat(20).into_bytes();
/// bytes.push(0xFF);
/// assert_eq!(decode(&bytes).1, Encoding::Utf8);
/// assert_eq!(decode(b"\xC0\xF1\xE0\xED\xEE\xE2\xE0").1, Encoding::Windows1251); // Асанова
/// ```
pub fn decode(bytes: &[u8]) -> (std::borrow::Cow<'_, str>, Encoding) {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Some(text) = utf8(bytes) {
        return (text.into(), Encoding::Utf8);
    }
    let lossy = String::from_utf8_lossy(bytes);
    let (mut good, mut bad) = (0usize, 0usize);
    for c in lossy.chars().filter(|c| !c.is_ascii()) {
        if c == char::REPLACEMENT_CHARACTER {
            bad += 1;
        } else {
            good += 1;
        }
    }
    if good >= UTF8_EVIDENCE * bad {
        (lossy.into_owned().into(), Encoding::Utf8)
    } else {
        (decode_windows_1251(bytes).into(), Encoding::Windows1251)
    }
}

/// Well-formed multi-byte UTF-8 characters needed per invalid byte sequence
/// for a file to be read as damaged UTF-8 rather than as Windows-1251.
const UTF8_EVIDENCE: usize = 10;

/// `bytes` as text, if they are UTF-8: checked with SIMD where the machine
/// has it (std's check, one character at a time past ASCII, was 8% of the
/// read stage at a million Cyrillic rows).
fn utf8(bytes: &[u8]) -> Option<&str> {
    simdutf8::basic::from_utf8(bytes).ok()
}

/// Whether `text` holds U+FFFD, the mark of bytes replaced as not UTF-8. A
/// search for its first byte, 0xEF, which only characters past U+EFFF
/// start with: a search for the character stopped at every `н` (whose last
/// byte, 0xBD, is its last byte too). `memchr` alone, not its `memmem`: 2 KB
/// of the package's WASM.
fn has_replacement(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr_iter(0xEF, bytes).any(|at| bytes.get(at..at + 3) == Some(b"\xEF\xBF\xBD"))
}

/// How many line ends `text` has.
fn line_ends(text: &str) -> u64 {
    bytecount_newlines(text.as_bytes()) as u64
}

/// Line ends as `\n` or `\r\n`: a lone `\r` (Excel for Mac's "CSV
/// (Macintosh)", or a file of mixed ends) becomes `\n`, so the parser counts
/// its lines and every diagnostic names the line a clerk sees. Copies only
/// when there is such an end.
fn with_newline_endings(text: std::borrow::Cow<'_, str>) -> std::borrow::Cow<'_, str> {
    let bytes = text.as_bytes();
    // Most files have no CR at all, or only CRLF: one fast scan for each.
    let lone_cr = |i: usize| bytes.get(i + 1) != Some(&b'\n');
    if !bytes.contains(&b'\r')
        || !bytes
            .iter()
            .enumerate()
            .any(|(i, &b)| b == b'\r' && lone_cr(i))
    {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' && chars.peek() != Some(&'\n') {
            out.push('\n');
        } else {
            out.push(c);
        }
    }
    out.into()
}

/// Windows-1251 bytes 0x80-0xFF as Unicode (the WHATWG index, as `encoding_rs`
/// has it; a test checks every byte against `encoding_rs`). A table of our
/// own because `encoding_rs` links every encoding's tables into the WASM
/// build: 128 KB gzipped for one 128-entry table.
const WINDOWS_1251_HIGH: [char; 128] = [
    '\u{0402}', '\u{0403}', '\u{201A}', '\u{0453}', '\u{201E}', '\u{2026}', '\u{2020}', '\u{2021}',
    '\u{20AC}', '\u{2030}', '\u{0409}', '\u{2039}', '\u{040A}', '\u{040C}', '\u{040B}', '\u{040F}',
    '\u{0452}', '\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}', '\u{2022}', '\u{2013}', '\u{2014}',
    '\u{0098}', '\u{2122}', '\u{0459}', '\u{203A}', '\u{045A}', '\u{045C}', '\u{045B}', '\u{045F}',
    '\u{00A0}', '\u{040E}', '\u{045E}', '\u{0408}', '\u{00A4}', '\u{0490}', '\u{00A6}', '\u{00A7}',
    '\u{0401}', '\u{00A9}', '\u{0404}', '\u{00AB}', '\u{00AC}', '\u{00AD}', '\u{00AE}', '\u{0407}',
    '\u{00B0}', '\u{00B1}', '\u{0406}', '\u{0456}', '\u{0491}', '\u{00B5}', '\u{00B6}', '\u{00B7}',
    '\u{0451}', '\u{2116}', '\u{0454}', '\u{00BB}', '\u{0458}', '\u{0405}', '\u{0455}', '\u{0457}',
    '\u{0410}', '\u{0411}', '\u{0412}', '\u{0413}', '\u{0414}', '\u{0415}', '\u{0416}', '\u{0417}',
    '\u{0418}', '\u{0419}', '\u{041A}', '\u{041B}', '\u{041C}', '\u{041D}', '\u{041E}', '\u{041F}',
    '\u{0420}', '\u{0421}', '\u{0422}', '\u{0423}', '\u{0424}', '\u{0425}', '\u{0426}', '\u{0427}',
    '\u{0428}', '\u{0429}', '\u{042A}', '\u{042B}', '\u{042C}', '\u{042D}', '\u{042E}', '\u{042F}',
    '\u{0430}', '\u{0431}', '\u{0432}', '\u{0433}', '\u{0434}', '\u{0435}', '\u{0436}', '\u{0437}',
    '\u{0438}', '\u{0439}', '\u{043A}', '\u{043B}', '\u{043C}', '\u{043D}', '\u{043E}', '\u{043F}',
    '\u{0440}', '\u{0441}', '\u{0442}', '\u{0443}', '\u{0444}', '\u{0445}', '\u{0446}', '\u{0447}',
    '\u{0448}', '\u{0449}', '\u{044A}', '\u{044B}', '\u{044C}', '\u{044D}', '\u{044E}', '\u{044F}',
];

/// Decodes Windows-1251 (Excel's CSV on Russian Windows); every byte has a character.
pub fn decode_windows_1251(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|&b| match b.checked_sub(0x80) {
            None => char::from(b),
            Some(high) => WINDOWS_1251_HIGH
                .get(usize::from(high))
                .copied()
                .unwrap_or(char::REPLACEMENT_CHARACTER),
        })
        .collect()
}

/// How many lines above the header are searched for it: a title, a date, a
/// blank line or two, as reports exported to Excel have them.
const TITLE_LINES: usize = 10;

/// Where the header line is: what is above it (a report's title) is no row.
struct HeaderAt {
    /// The header line's first byte.
    offset: usize,
    /// Physical lines above it.
    lines_above: u64,
    /// Those of them that hold text, by line number: each is said.
    titles: Vec<u64>,
}

impl HeaderAt {
    /// The first record starting on one of the first [`TITLE_LINES`] lines
    /// that names every required column; the first line when none does (its
    /// missing column is then what the clerk is told). A line that begins
    /// inside a quoted field belongs to the record above it (a header cell
    /// "№ / п/п" over two lines), never a header or a title of its own.
    fn find(text: &str) -> HeaderAt {
        let first = HeaderAt {
            offset: 0,
            lines_above: 0,
            titles: Vec::new(),
        };
        let (mut offset, mut quoted) = (0, false);
        let mut titles = Vec::new();
        for (i, line) in text.split_inclusive('\n').take(TITLE_LINES).enumerate() {
            if !quoted {
                if names_required_columns(text.get(offset..).unwrap_or_default()) {
                    return match i {
                        0 => first,
                        _ => HeaderAt {
                            offset,
                            lines_above: i as u64,
                            titles,
                        },
                    };
                }
                // A line of delimiters alone is Excel's empty row: blank.
                let blank = line
                    .chars()
                    .all(|c| c.is_whitespace() || matches!(c, ',' | ';' | '\u{feff}'));
                if !blank {
                    titles.push(i as u64 + 1);
                }
            }
            // Quotes written twice inside a field keep the count even.
            if line.matches('"').count() % 2 == 1 {
                quoted = !quoted;
            }
            offset += line.len();
        }
        first
    }
}

/// The most of a file the header search parses as one record: a header is
/// a few hundred bytes; a hostile file with no line break is not read whole.
const HEADER_BYTES: usize = 1 << 16;

/// A header cell as [`Column::is_named`] compares it: trimmed, without a
/// byte-order mark, in lower case.
fn header_name(cell: &str) -> String {
    cell.trim().trim_start_matches('\u{feff}').to_lowercase()
}

/// Whether the record at the start of `text`, read as a header, names every
/// required column.
fn names_required_columns(text: &str) -> bool {
    let mut end = text.len().min(HEADER_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = text.get(..end).unwrap_or_default();
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(sniff_delimiter(head))
        .has_headers(false)
        .flexible(true)
        .from_reader(head.as_bytes());
    let Some(Ok(cells)) = reader.records().next() else {
        return false;
    };
    let mut missing: Vec<&Column> = COLUMNS.iter().filter(|c| c.required).collect();
    for cell in cells.iter() {
        let name = header_name(cell);
        missing.retain(|c| !c.is_named(&name));
        if missing.is_empty() {
            return true;
        }
    }
    false
}

/// `;` when the header line has more semicolons than commas outside quotes, else `,`.
fn sniff_delimiter(text: &str) -> u8 {
    let (mut commas, mut semicolons, mut quoted) = (0, 0, false);
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => commas += 1,
            ';' if !quoted => semicolons += 1,
            '\n' if !quoted => break,
            _ => {}
        }
    }
    if semicolons > commas {
        b';'
    } else {
        b','
    }
}

impl Registry {
    /// Reads a registry extract from the bytes of a CSV file.
    ///
    /// ```
    /// let csv = "record_id;pin;last_name;first_name;birth_date\n\
    ///            r1;10202198254217;Асанова;Айгүл;02.02.1982\n\
    ///            r2;;Asanova;Aigul;1982-02-31\n\
    ///            ;10202198254217;X;Y;\n";
    /// let registry = kgpin::registry::Registry::from_csv(csv.as_bytes()).unwrap();
    /// assert_eq!(registry.records.len(), 2);
    /// assert_eq!(registry.rows_read, 3);
    /// let codes: Vec<_> = registry.diagnostics.iter().map(|d| (d.line, d.problem.code())).collect();
    /// assert_eq!(codes, [(3, "invalid_pin"), (3, "invalid_birth_date"), (4, "missing_record_id")]);
    /// ```
    pub fn from_csv(bytes: &[u8]) -> Result<Registry, RegistryError> {
        let mut records = Vec::new();
        let mut registry = Registry::read_csv_in_chunks(bytes, |chunk| {
            records.extend(chunk.iter().map(Record::owned));
        })?;
        registry.records = records;
        Ok(registry)
    }

    /// Reads a CSV file like [`Registry::from_csv`], but hands the records to
    /// `on_records` a chunk at a time, in file order, instead of keeping them:
    /// a large file need not be held in memory twice. The returned registry has
    /// everything but the records. The records borrow the file's text for
    /// the call ([`RecordRef`]); [`Record::owned`] keeps one (a chunk was a
    /// `Vec<Record>` before: `records.extend(chunk)` becomes
    /// `records.extend(chunk.iter().map(Record::owned))`).
    pub fn read_csv_in_chunks(
        bytes: &[u8],
        mut on_records: impl FnMut(&[RecordRef<'_>]) + Send,
    ) -> Result<Registry, RegistryError> {
        Started::read(bytes, false, 0, &mut on_records)?.finish()
    }
}

/// A CSV file handed over a piece at a time (the CLI reads its file so),
/// read like [`Registry::read_csv_in_chunks`] reads
/// it whole: a million-row file need not be held in memory while its
/// records are prepared. Pieces are cut where a record starts; a file no
/// longer than one piece is read exactly as if whole. A longer one is read
/// the same, but for its encoding, decided from its first piece (16 MB, or
/// more after a record longer than a piece) with a byte
/// beyond ASCII rather than from all of it (an all-ASCII start decides
/// nothing): a UTF-8 file whose few stray bytes lie further on keeps its rows
/// as UTF-8 with those bytes replaced.
///
/// ```
/// use kgpin::registry::CsvPieces;
/// let mut found = 0;
/// let mut reader = CsvPieces::new(|records| found += records.len());
/// reader.push(b"record_id,pin,last_name,first_name,birth_date\nr1,10202198254217,");
/// reader.push("Асанова,Айгүл,1982-02-02\n".as_bytes());
/// let registry = reader.finish().unwrap();
/// assert_eq!((registry.rows_read, found), (1, 1));
/// ```
pub struct CsvPieces<F: FnMut(&[RecordRef<'_>]) + Send> {
    on_records: F,
    /// Bytes not read yet: the head before reading starts, then what follows
    /// the last cut.
    buffer: Vec<u8>,
    /// How much is read at once once reading has started.
    piece: usize,
    /// After a piece with no place to cut (a quote opened and never closed
    /// takes the rest of the file into one field): the size the buffer must
    /// reach before trying again, twice what it was, so that a long file
    /// is not parsed again from that quote at every push. 0 otherwise.
    retry_at: usize,
    started: Option<Started>,
    /// An error met while reading, kept for [`CsvPieces::finish`].
    failed: Option<RegistryError>,
    /// About how many records the file holds ([`CsvPieces::expect_records`]).
    expected_records: usize,
}

/// A piece once reading has started: 16 MB, a small share of a large file's
/// memory and many chunks of rows.
const PIECE_BYTES: usize = 16 << 20;

/// Lines the head must hold before reading starts: more than the header
/// search looks at ([`TITLE_LINES`]), with room for a header cell over two lines.
const HEAD_LINES: usize = TITLE_LINES + 4;

impl<F: FnMut(&[RecordRef<'_>]) + Send> CsvPieces<F> {
    /// A reader that hands the records to `on_records` a chunk at a time.
    pub fn new(on_records: F) -> Self {
        Self::with_piece(on_records, PIECE_BYTES)
    }

    fn with_piece(on_records: F, piece: usize) -> Self {
        CsvPieces {
            on_records,
            buffer: Vec::new(),
            piece,
            retry_at: 0,
            started: None,
            failed: None,
            expected_records: 0,
        }
    }

    /// Makes room at once, before the first push, for the ids of about
    /// `records` records (an estimate, such as [`records_estimate`]'s), and
    /// for the table that tells a repeated id once ids come out of order:
    /// grown by doubling, it hashed every id again at each step, an eighth
    /// of the read stage at a million rows. Never trusted: where the memory
    /// cannot be had, nothing is reserved.
    pub fn expect_records(&mut self, records: usize) {
        self.expected_records = records;
    }

    /// The next bytes of the file.
    pub fn push(&mut self, bytes: &[u8]) {
        if self.failed.is_some() {
            return;
        }
        // Grown to what it holds, not doubled: a piece and the bytes pushed
        // after it, once (the bytes before a cut are drained, the room kept);
        // doubled while no place to cut is found, not copied at every push.
        if self.retry_at == 0 {
            self.buffer.reserve_exact(bytes.len());
        } else {
            self.buffer.reserve(bytes.len());
        }
        append_with_newline_endings(&mut self.buffer, bytes);
        if self.buffer.len() < self.piece.max(self.retry_at) {
            return;
        }
        // Set again below when a cut is made.
        self.retry_at = self.buffer.len().saturating_mul(2);
        match &mut self.started {
            None => {
                // The head: enough lines for the header search, cut where a
                // record starts.
                if bytecount_newlines(&self.buffer) < HEAD_LINES {
                    return;
                }
                let Some(cut) = head_cut(&self.buffer) else {
                    return;
                };
                match Started::read(
                    self.buffer.get(..cut).unwrap_or_default(),
                    true,
                    self.expected_records,
                    &mut self.on_records,
                ) {
                    Ok(started) => self.started = Some(started),
                    Err(error) => {
                        self.failed = Some(error);
                        return;
                    }
                }
                self.buffer.drain(..cut);
                self.retry_at = 0;
            }
            Some(started) => {
                let Some(cut) = record_cut(&self.buffer, started.layout.delimiter) else {
                    return;
                };
                started.more(
                    self.buffer.get(..cut).unwrap_or_default(),
                    &mut self.on_records,
                );
                self.buffer.drain(..cut);
                self.retry_at = 0;
            }
        }
    }

    /// Reads what is left; the registry, without its records.
    pub fn finish(mut self) -> Result<Registry, RegistryError> {
        if let Some(error) = self.failed {
            return Err(error);
        }
        match self.started.take() {
            None => Started::read(
                &self.buffer,
                false,
                self.expected_records,
                &mut self.on_records,
            )?
            .finish(),
            Some(mut started) => {
                if !self.buffer.is_empty() {
                    started.more(&self.buffer, &mut self.on_records);
                }
                started.finish()
            }
        }
    }
}

/// About how many records a CSV file of `size` bytes holds, from its first
/// bytes `head` (its first piece): the room to make for them at once, so
/// that the records prepared while reading never double their vector. An
/// eighth over: one record past the room would double it, and the first
/// piece is not always the file's average.
///
/// ```
/// let head = b"record_id,pin\nr1,10202198254217\nr2,10202198254217\n";
/// // Three lines in 50 bytes: a file of 5,000 bytes holds about 300, and an eighth more.
/// assert_eq!(kgpin::registry::records_estimate(head, 5_000), 337);
/// ```
pub fn records_estimate(head: &[u8], size: u64) -> usize {
    // Lines end in `\n`, `\r\n` or a lone `\r` (Excel for Mac).
    let lone_cr = (0..head.len())
        .filter(|&i| head.get(i) == Some(&b'\r') && head.get(i + 1) != Some(&b'\n'))
        .count();
    let lines = (bytecount_newlines(head) + lone_cr) as u64;
    let size = size.max(head.len() as u64);
    let estimate = lines.saturating_mul(size) / (head.len() as u64).max(1);
    usize::try_from(estimate.saturating_add(estimate / 8)).unwrap_or(usize::MAX)
}

/// Appends `bytes` to `buffer` with every lone `\r` made `\n`, as
/// [`with_newline_endings`] makes a file read whole: the pieces are cut at
/// `\n`, and a file of Excel for Mac's lone `\r` ends had none, so it was
/// held whole however large. A `\r` that ends `bytes` is decided by the first
/// byte pushed next (a `\r` ending the file is the reading's to make `\n`).
fn append_with_newline_endings(buffer: &mut Vec<u8>, bytes: &[u8]) {
    if let (Some(last), Some(&first)) = (buffer.last_mut(), bytes.first()) {
        if *last == b'\r' && first != b'\n' {
            *last = b'\n';
        }
    }
    let start = buffer.len();
    buffer.extend_from_slice(bytes);
    if !bytes.contains(&b'\r') {
        return;
    }
    let mut from = start;
    while let Some(at) = buffer
        .get(from..)
        .and_then(|rest| rest.iter().position(|&b| b == b'\r'))
    {
        let cr = from + at;
        if buffer.get(cr + 1).is_some_and(|&next| next != b'\n') {
            if let Some(b) = buffer.get_mut(cr) {
                *b = b'\n';
            }
        }
        from = cr + 1;
    }
}

/// `memchr`'s count, a vector loop with the machine's widest registers (a
/// plain count of bytes was 3% of the read stage at a million rows).
fn bytecount_newlines(bytes: &[u8]) -> usize {
    memchr::memchr_iter(b'\n', bytes).count()
}

/// Where the last record that starts in `bytes` starts: `bytes` up to there
/// is whole records. Without a quote that is just after the last line end;
/// with one, the CSV parser (with the file's `delimiter`) says where records
/// start, as a quoted field may hold line ends. `None` when no record starts
/// after the first.
fn record_cut(bytes: &[u8], delimiter: u8) -> Option<usize> {
    if !bytes.contains(&b'"') {
        return bytes.iter().rposition(|&b| b == b'\n').map(|last| last + 1);
    }
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let mut record = csv::ByteRecord::new();
    let mut starts = Vec::new();
    loop {
        let start = reader.position().byte() as usize;
        match reader.read_byte_record(&mut record) {
            Ok(false) => break,
            Ok(true) | Err(_) => starts.push(start),
        }
    }
    // The last record may run on into the next piece: cut before it.
    starts.pop();
    let at = starts.into_iter().rev().find(|&at| at > 0)?;
    // The parser stops after the CR of a CRLF: the LF stays with its line.
    Some(match (bytes.get(at.wrapping_sub(1)), bytes.get(at)) {
        (Some(b'\r'), Some(b'\n')) => at + 1,
        _ => at,
    })
}

/// Where a file's head may be cut, as [`record_cut`] says, with the
/// records counted from the header line that [`Started::read`] finds: a
/// title above it (`Отчёт "А;"2026`) is no record to the header search,
/// whatever its quotes would open for the CSV parser.
fn head_cut(head: &[u8]) -> Option<usize> {
    // The header search looks at the first few lines only.
    let mut end = head.len().min(1 << 20);
    while end < head.len() && head.get(end.wrapping_sub(1)) != Some(&b'\n') {
        end += 1;
    }
    let (text, _) = decode(head.get(..end).unwrap_or_default());
    let text = with_newline_endings(text);
    let at = HeaderAt::find(&text);
    let delimiter = sniff_delimiter(text.get(at.offset..).unwrap_or_default());
    // The header's first byte: past as many line ends as lie above it.
    let mut header = 0;
    for _ in 0..at.lines_above {
        header += head.get(header..)?.iter().position(|&b| b == b'\n')? + 1;
    }
    record_cut(head.get(header..)?, delimiter).map(|cut| header + cut)
}

/// A CSV file's reading once its header is known: what the next pieces need.
struct Started {
    layout: Layout,
    registry: Registry,
    ids: SeenIds,
    titles: u64,
    encoding: Encoding,
    /// Whether every byte so far was ASCII, which reads the same in UTF-8 and
    /// Windows-1251: the first piece with another byte decides the encoding.
    ascii_so_far: bool,
    /// The file's line number of the next piece's first line.
    next_line: u64,
}

impl Started {
    /// Reads the header and the rows of the file's first piece (or, when no
    /// more follows, all of it).
    fn read(
        bytes: &[u8],
        more_follows: bool,
        expected_records: usize,
        on_records: &mut (impl FnMut(&[RecordRef<'_>]) + Send),
    ) -> Result<Started, RegistryError> {
        if let Some(format) = binary_format(bytes) {
            return Err(RegistryError::UnsupportedFormat {
                format: format.to_string(),
            });
        }
        let (text, encoding) = decode(bytes);
        if text.trim().is_empty() {
            return Err(RegistryError::EmptyFile);
        }
        // UTF-8 comes back borrowed unless bad bytes had to be replaced; a
        // text that carries U+FFFD already (a browser's string) counts too,
        // so a file and its text read the same.
        let lossy = encoding == Encoding::Utf8
            && (matches!(text, std::borrow::Cow::Owned(_)) || has_replacement(&text));
        let text = with_newline_endings(text);
        // A report's title above the header: the header is the first of the
        // first lines that names every required column, and the lines above
        // it are said, not read as data.
        let header_at = HeaderAt::find(&text);
        let body = text.get(header_at.offset..).unwrap_or_default();
        let delimiter = sniff_delimiter(body);
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .flexible(true)
            .has_headers(true)
            .from_reader(body.as_bytes());
        let header = reader
            .headers()
            .map_err(|e| RegistryError::BadHeader {
                detail: e.to_string(),
            })?
            .clone();
        let names: Vec<String> = header.iter().map(header_name).collect();
        // Which known column each header cell names, if any.
        let mut columns: Vec<Option<usize>> = vec![None; COLUMNS.len()];
        let mut extra_indices = Vec::new();
        for (i, name) in names.iter().enumerate() {
            match COLUMNS
                .iter()
                .zip(columns.iter_mut())
                .find(|(c, _)| c.is_named(name))
            {
                Some((column, Some(_))) => {
                    return Err(RegistryError::DuplicateColumn {
                        column: column.name.to_string(),
                    });
                }
                Some((_, found)) => *found = Some(i),
                None => extra_indices.push(i),
            }
        }
        let mut seen = std::collections::HashSet::new();
        for name in &names {
            if !name.is_empty() && !seen.insert(name.as_str()) {
                return Err(RegistryError::DuplicateColumn {
                    column: name.clone(),
                });
            }
        }
        if let Some(missing) = COLUMNS
            .iter()
            .zip(&columns)
            .find(|(column, index)| column.required && index.is_none())
        {
            return Err(RegistryError::MissingColumn {
                column: missing.0.name,
            });
        }
        let mut registry = Registry {
            extra_columns: extra_indices
                .iter()
                .map(|&i| header.get(i).unwrap_or("").trim().to_string())
                .collect(),
            encoding: Some(encoding),
            delimiter,
            ..Registry::default()
        };
        let layout = Layout {
            columns,
            extra_indices,
            width: names.len(),
            delimiter,
            lossy,
        };
        // Rows are split off the text one chunk at a time (sequential), while the
        // previous chunk's fields are read and handed over (parallel): the two overlap.
        let text_bytes = body.as_bytes();
        let lines_above = header_at.lines_above;
        let titles = header_at.titles.len() as u64;
        for line in header_at.titles {
            registry.rows_read += 1;
            registry.diagnostics.push(Diagnostic {
                line,
                record_id: None,
                problem: Problem::AboveHeader,
            });
        }
        // A file without a quote has a row on each line that is not empty, its
        // fields split at the delimiter: the lines are taken as they are,
        // with no parser and no copy of the text. A quote can open a field
        // across lines, so a table holding one goes through the CSV parser;
        // so does one that begins with a byte-order mark (left on a line of
        // its own above the header), which the parser drops.
        let header_and_rest = body.trim_start_matches(['\r', '\n']);
        let blank_lines = body
            .get(..body.len() - header_and_rest.len())
            .unwrap_or_default()
            .matches('\n')
            .count() as u64;
        let mut rows = match header_and_rest.split_once('\n') {
            Some((_header, data))
                if !text_bytes.contains(&b'"') && !body.starts_with('\u{feff}') =>
            {
                Rows::Lines {
                    rest: data,
                    line: lines_above + blank_lines + 2,
                }
            }
            _ => Rows::Parsed(reader),
        };
        let mut ids = SeenIds::default();
        ids.reserve(expected_records);
        let mut started = Started {
            layout,
            registry,
            ids,
            titles,
            encoding,
            ascii_so_far: bytes.is_ascii(),
            // Counted only when pieces follow: a pass over a whole file otherwise.
            next_line: match more_follows {
                true => 1 + line_ends(&text),
                false => 0,
            },
        };
        started.rows(&mut rows, text_bytes, lines_above, on_records);
        Ok(started)
    }

    /// Reads the rows of a piece after the first.
    fn more(&mut self, bytes: &[u8], on_records: &mut (impl FnMut(&[RecordRef<'_>]) + Send)) {
        if self.ascii_so_far && !bytes.is_ascii() {
            self.ascii_so_far = false;
            self.encoding = decode(bytes).1;
            self.registry.encoding = Some(self.encoding);
        }
        let text: std::borrow::Cow<str> = match self.encoding {
            Encoding::Windows1251 => decode_windows_1251(bytes).into(),
            _ => utf8(bytes).map_or_else(|| String::from_utf8_lossy(bytes), Into::into),
        };
        self.layout.lossy = self.encoding == Encoding::Utf8
            && (matches!(text, std::borrow::Cow::Owned(_)) || has_replacement(&text));
        let text = with_newline_endings(text);
        let first_line = self.next_line;
        self.next_line += line_ends(&text);
        let mut rows = if text.contains('"') {
            Rows::Parsed(
                csv::ReaderBuilder::new()
                    .delimiter(self.layout.delimiter)
                    .flexible(true)
                    .has_headers(false)
                    .from_reader(text.as_bytes()),
            )
        } else {
            Rows::Lines {
                rest: &text,
                line: first_line,
            }
        };
        self.rows(&mut rows, text.as_bytes(), first_line - 1, on_records);
    }

    /// Reads `rows` of `text`, which starts `lines_above` lines into the file.
    fn rows(
        &mut self,
        rows: &mut Rows<'_>,
        text: &[u8],
        lines_above: u64,
        on_records: &mut (impl FnMut(&[RecordRef<'_>]) + Send),
    ) {
        let (layout, ids, registry) = (&self.layout, &mut self.ids, &mut self.registry);
        // While one chunk's rows are split off the text, the chunk before it
        // is read into records that borrow its text (in parallel where
        // available), checked in file order and handed over.
        let mut pending = RowChunk::default();
        loop {
            let (next, ()) = crate::parallel::join(
                || rows.next_chunk(text, lines_above),
                || {
                    let mut chunk = std::mem::take(&mut pending);
                    let errors = std::mem::take(&mut chunk.errors);
                    let read = layout.read_chunk(&chunk);
                    let records = layout.accept(read, errors, ids, registry);
                    if !records.is_empty() {
                        on_records(&records);
                    }
                },
            );
            pending = next;
            if pending.rows.is_empty() && pending.errors.is_empty() {
                break;
            }
        }
    }

    fn finish(self) -> Result<Registry, RegistryError> {
        // A title over an empty table is still a header and no rows.
        if self.registry.rows_read == self.titles {
            return Err(RegistryError::NoRows);
        }
        Ok(self.registry)
    }
}

/// Record ids in order, end to end in one text. A `Box<str>` each cost 16
/// bytes and a heap block of its own (about 32 bytes an id); this costs the
/// id's bytes and 4 (8 past 4 GiB of ids). A run keeps every record's id, a country's 7.3 million.
///
/// ```
/// use kgpin::registry::RecordIds;
/// let mut ids = RecordIds::default();
/// ids.push("R1");
/// ids.push("");
/// ids.push("R3");
/// assert_eq!((ids.len(), ids.get(0), ids.get(1), ids.get(3)), (3, Some("R1"), Some(""), None));
/// assert_eq!(ids.iter().collect::<Vec<_>>(), ["R1", "", "R3"]);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RecordIds {
    /// Every id, one after another.
    text: String,
    /// Where each id ends in `text` (it starts where the one before ends),
    /// in 4 bytes while the text is under 4 GiB: a country's 7.3 million
    /// ids, 29 MB less at the run's peak than in 8.
    ends: Vec<u32>,
    /// The ends past that, for the ids after `ends`' (a text of 4 GiB of ids
    /// or more).
    wide_ends: Vec<u64>,
}

/// The largest end kept in 4 bytes (small in the unit tests, which reach it).
#[cfg(not(test))]
const NARROW_END_MAX: u64 = u32::MAX as u64;
#[cfg(test)]
const NARROW_END_MAX: u64 = 24;

impl RecordIds {
    /// Adds `id` after the others.
    pub fn push(&mut self, id: &str) {
        self.text.push_str(id);
        let end = self.text.len();
        match u32::try_from(end) {
            Ok(narrow) if end as u64 <= NARROW_END_MAX && self.wide_ends.is_empty() => {
                self.ends.push(narrow)
            }
            _ => self.wide_ends.push(end as u64),
        }
    }

    /// Where id number `i` ends in the text.
    fn end(&self, i: usize) -> Option<usize> {
        match self.ends.get(i) {
            Some(&end) => Some(end as usize),
            None => self
                .wide_ends
                .get(i.checked_sub(self.ends.len())?)
                .and_then(|&end| usize::try_from(end).ok()),
        }
    }

    /// Id number `i`, if there are that many. Not inlined: sorts by id
    /// compare through it, and each sort inlining it grew the package by
    /// kilobytes.
    #[inline(never)]
    pub fn get(&self, i: usize) -> Option<&str> {
        let end = self.end(i)?;
        let start = match i.checked_sub(1) {
            Some(before) => self.end(before).unwrap_or(0),
            None => 0,
        };
        self.text.get(start..end)
    }

    /// Number of ids.
    pub fn len(&self) -> usize {
        self.ends.len() + self.wide_ends.len()
    }

    /// Whether there are no ids.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The ids in order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = &str> + '_ {
        (0..self.len()).map(|i| self.get(i).unwrap_or_default())
    }

    /// Makes room for `ids` more ids of about `bytes` bytes in all; an
    /// estimate, never trusted: where memory cannot be had, nothing is
    /// reserved and the ids find room as they come.
    pub fn reserve(&mut self, ids: usize, bytes: usize) {
        if self.ends.try_reserve(ids).is_err() || self.text.try_reserve(bytes).is_err() {
            self.ends.shrink_to_fit();
            self.text.shrink_to_fit();
        }
    }
}

impl<'a> FromIterator<&'a str> for RecordIds {
    fn from_iter<I: IntoIterator<Item = &'a str>>(ids: I) -> RecordIds {
        let mut all = RecordIds::default();
        for id in ids {
            all.push(id);
        }
        all
    }
}

/// Finds a record's number by its id in [`RecordIds`] without a copy of
/// the ids: a table of their numbers only, where a map from each id to its
/// number kept every id twice (a million ids: ~40 MB in the clerk's worker;
/// this ~10).
///
/// ```
/// use kgpin::registry::{IdTable, RecordIds};
/// let ids: RecordIds = ["R1", "R2", "R1"].into_iter().collect();
/// let table = IdTable::of(&ids);
/// assert_eq!(table.find(&ids, "R2"), Some(1));
/// assert_eq!(table.find(&ids, "R1"), Some(0), "a repeated id: its first record");
/// assert_eq!(table.find(&ids, "R3"), None);
/// ```
#[derive(Debug, Clone, Default)]
pub struct IdTable {
    /// The ids' numbers, found by the ids' hashes.
    table: hashbrown::HashTable<u32>,
}

impl IdTable {
    /// The table of every id of `ids` (the first, where one repeats; past
    /// 2^32 - 1 ids, the rest are not found).
    pub fn of(ids: &RecordIds) -> IdTable {
        let mut table = IdTable::default();
        let text = |n: u32| ids.get(n as usize).unwrap_or_default();
        table.table.reserve(ids.len(), |&n| Self::hash(text(n)));
        for (n, id) in (0..u32::MAX).zip(ids.iter()) {
            table.add(ids, id, n);
        }
        table
    }

    /// The number of the record whose id in `ids` (the table's) is `id`.
    pub fn find(&self, ids: &RecordIds, id: &str) -> Option<u32> {
        let text = |n: u32| ids.get(n as usize).unwrap_or_default();
        self.table.find(Self::hash(id), |&n| text(n) == id).copied()
    }

    /// Adds `id` as number `n`, unless `ids` already has it under a number
    /// in the table: whether it was added. `ids` holds every number in the
    /// table (`n` itself may come after).
    fn add(&mut self, ids: &RecordIds, id: &str, n: u32) -> bool {
        let text = |n: u32| ids.get(n as usize).unwrap_or_default();
        match self
            .table
            .entry(Self::hash(id), |&m| text(m) == id, |&m| Self::hash(text(m)))
        {
            hashbrown::hash_table::Entry::Occupied(_) => false,
            hashbrown::hash_table::Entry::Vacant(slot) => {
                slot.insert(n);
                true
            }
        }
    }

    fn hash(id: &str) -> u64 {
        use std::hash::BuildHasher;
        rustc_hash::FxBuildHasher.hash_one(id)
    }
}

/// The record ids met so far in a file, to tell a repeated one: a
/// `HashSet<String>` of a million ids took about 90 MB at its peak (a heap
/// string, its header and a slot each, and two tables while it grew), most
/// of the read stage's memory beside the records themselves; this ~30 MB.
///
/// Registries are most often exported in the order of their ids. While each
/// id comes after the one before ([`comes_after`]), none can be a repeat, and
/// the table is not kept: one comparison with the last id instead of a hash
/// table's two cache misses, 15% of the read stage's work at a million rows.
/// The first id out of that order builds the table from every id so far.
#[derive(Default)]
struct SeenIds {
    ids: RecordIds,
    table: IdTable,
    /// Whether the table holds the ids: from the first id out of order on.
    tabled: bool,
    /// How many ids the file is expected to hold: the table's room, made
    /// when it is built.
    expected: usize,
}

/// Whether `id` comes after `last` in one order of all texts: the shorter
/// first, then byte by byte. Numbers written without leading zeros (9, 10)
/// rise in it as they do, and so do ids padded to one width (R009, R010).
fn comes_after(id: &str, last: &str) -> bool {
    (id.len(), id.as_bytes()) > (last.len(), last.as_bytes())
}

impl SeenIds {
    /// Room for about `ids` more ids, if the memory can be had (a failed
    /// reservation leaves the table as it was).
    fn reserve(&mut self, ids: usize) {
        if self.ids.ends.try_reserve(ids).is_ok() {
            self.expected = self.ids.len().saturating_add(ids);
            if self.tabled {
                self.reserve_table();
            }
        }
    }

    fn reserve_table(&mut self) {
        let room = self.expected.saturating_sub(self.table.table.len());
        let text = |n: u32| self.ids.get(n as usize).unwrap_or_default();
        let hash = |&n: &u32| IdTable::hash(text(n));
        let _ = self.table.table.try_reserve(room, hash);
    }

    /// Adds `id`; false when it was met before. Past 2^32 ids (a file of
    /// hundreds of gigabytes) repeats are no longer told.
    fn insert(&mut self, id: &str) -> bool {
        let Ok(n) = u32::try_from(self.ids.len()) else {
            return true;
        };
        if !self.tabled {
            let last = n.checked_sub(1).and_then(|l| self.ids.get(l as usize));
            if last.is_none_or(|last| comes_after(id, last)) {
                self.ids.push(id);
                return true;
            }
            // Out of order: every id so far into the table, once.
            self.tabled = true;
            self.expected = self.expected.max(self.ids.len() + 1);
            self.reserve_table();
            for (m, seen) in (0..n).zip(self.ids.iter()) {
                self.table.add(&self.ids, seen, m);
            }
        }
        let added = self.table.add(&self.ids, id, n);
        if added {
            self.ids.push(id);
        }
        added
    }
}

/// Where the rows come from: the CSV parser, or (a file without quotes) the
/// lines of the text after the header.
enum Rows<'t> {
    Parsed(csv::Reader<&'t [u8]>),
    Lines {
        /// The text not yet taken.
        rest: &'t str,
        /// The file's line number of `rest`'s first line.
        line: u64,
    },
}

impl<'t> Rows<'t> {
    /// The next chunk of rows; empty at the end of the text.
    fn next_chunk(&mut self, text: &[u8], lines_above: u64) -> RowChunk<'t> {
        match self {
            Rows::Parsed(reader) => RowChunk::read(reader, text, lines_above),
            Rows::Lines { rest, line } => RowChunk::lines(rest, line),
        }
    }
}

/// One row as split off the text.
enum Row<'t> {
    /// A line of a file without quotes: its fields are the line split at the delimiter.
    Line(&'t str),
    Parsed(csv::StringRecord),
}

impl Row<'_> {
    fn fields(&self, delimiter: u8, width: usize) -> Vec<&str> {
        match self {
            // Split by bytes: the delimiter is ASCII, so every cut falls
            // between characters, and a byte loop is several times quicker
            // than `str::split` on fields this short.
            Row::Line(line) => {
                let mut fields = Vec::with_capacity(width);
                let mut start = 0;
                for (at, byte) in line.bytes().enumerate() {
                    if byte == delimiter {
                        fields.push(line.get(start..at).unwrap_or_default());
                        start = at + 1;
                    }
                }
                fields.push(line.get(start..).unwrap_or_default());
                fields
            }
            Row::Parsed(record) => record.iter().collect(),
        }
    }
}

/// Rows split off the text, with their line numbers, and the rows that could not be split.
#[derive(Default)]
struct RowChunk<'t> {
    rows: Vec<(u64, Row<'t>)>,
    errors: Vec<Diagnostic>,
}

impl<'t> RowChunk<'t> {
    /// The next rows of a text without quotes: each line that is not empty,
    /// without its line end (`\n` or `\r\n`), as the CSV parser takes them.
    fn lines(rest: &mut &'t str, line: &mut u64) -> RowChunk<'t> {
        let mut chunk = RowChunk {
            rows: Vec::with_capacity(CHUNK_ROWS),
            ..RowChunk::default()
        };
        while chunk.rows.len() < CHUNK_ROWS && !rest.is_empty() {
            // `memchr`'s search: `split_once` was 5% of the read stage.
            let (row, after) = match memchr::memchr(b'\n', rest.as_bytes()) {
                Some(at) => (rest.get(..at), rest.get(at + 1..)),
                None => (Some(*rest), Some("")),
            };
            let (row, after) = (row.unwrap_or_default(), after.unwrap_or_default());
            let row = row.strip_suffix('\r').unwrap_or(row);
            if !row.is_empty() {
                chunk.rows.push((*line, Row::Line(row)));
            }
            *rest = after;
            *line += 1;
        }
        chunk
    }

    /// The next rows of `reader` over `text`, which starts `lines_above`
    /// lines into the file: every line number is the file's.
    fn read(reader: &mut csv::Reader<&[u8]>, text: &[u8], lines_above: u64) -> RowChunk<'t> {
        let mut chunk = RowChunk {
            rows: Vec::with_capacity(CHUNK_ROWS),
            ..RowChunk::default()
        };
        while chunk.rows.len() < CHUNK_ROWS {
            let line = reader.position().line();
            let mut row = csv::StringRecord::new();
            match reader.read_record(&mut row) {
                Ok(false) => break,
                Ok(true) => {
                    let line = row.position().map_or(line, |p| {
                        // The reader gives where it started reading: on the '\n'
                        // of the previous line after a CRLF, and before any
                        // blank lines it skipped. The row starts past them.
                        let skipped = text
                            .get(p.byte() as usize..)
                            .unwrap_or_default()
                            .iter()
                            .take_while(|&&b| b == b'\n' || b == b'\r')
                            .filter(|&&b| b == b'\n')
                            .count();
                        p.line() + skipped as u64
                    });
                    chunk.rows.push((line + lines_above, Row::Parsed(row)));
                }
                Err(error) => chunk.errors.push(Diagnostic {
                    line: error.position().map_or(line, |p| p.line()) + lines_above,
                    record_id: None,
                    problem: Problem::MalformedRow {
                        detail: error.to_string(),
                    },
                }),
            }
        }
        chunk
    }
}

/// A chunk's rows read into records, each with its problems.
type ReadChunk<'c> = Vec<(RecordRef<'c>, Vec<Problem>)>;

/// Where the known columns are in a file.
struct Layout {
    /// For each of [`COLUMNS`], its index in the file's rows.
    columns: Vec<Option<usize>>,
    extra_indices: Vec<usize>,
    width: usize,
    delimiter: u8,
    /// Whether bytes that were not UTF-8 were replaced (U+FFFD): only then
    /// are rows searched for them.
    lossy: bool,
}

impl Layout {
    /// Reads a chunk's fields (in parallel where available).
    fn read_chunk<'c>(&self, chunk: &'c RowChunk<'_>) -> ReadChunk<'c> {
        crate::parallel::map(&chunk.rows, |(line, row)| {
            let spans_lines = matches!(row, Row::Parsed(_));
            self.read(*line, &row.fields(self.delimiter, self.width), spans_lines)
        })
    }

    /// Checks a read chunk's record_ids in file order, after the rows that
    /// could not be split (`errors`); returns its accepted records.
    fn accept<'c>(
        &self,
        rows: ReadChunk<'c>,
        errors: Vec<Diagnostic>,
        ids: &mut SeenIds,
        registry: &mut Registry,
    ) -> Vec<RecordRef<'c>> {
        registry.rows_read += errors.len() as u64;
        registry.diagnostics.extend(errors);
        let mut records = Vec::with_capacity(rows.len());
        for (record, problems) in rows {
            registry.rows_read += 1;
            let line = record.line;
            let rejected = problems.iter().any(Problem::rejects_row);
            let duplicate = !rejected && !ids.insert(record.record_id);
            // The id is copied only for what is said about the row.
            let id = (!record.record_id.is_empty() && (duplicate || !problems.is_empty()))
                .then(|| record.record_id.to_string());
            if duplicate {
                registry.diagnostics.push(Diagnostic {
                    line,
                    record_id: id.clone(),
                    problem: Problem::DuplicateRecordId {
                        record_id: id.clone().unwrap_or_default(),
                    },
                });
            }
            for problem in problems {
                registry.diagnostics.push(Diagnostic {
                    line,
                    record_id: id.clone(),
                    problem,
                });
            }
            if !rejected && !duplicate {
                records.push(record);
            }
        }
        records
    }

    /// One row's record and its problems. A problem that rejects the row comes
    /// alone; field problems keep the row. Only a row the CSV parser split
    /// (`spans_lines`) can hold a line end in a field: a line of a file
    /// without quotes cannot.
    fn read<'c>(
        &self,
        line: u64,
        row: &[&'c str],
        spans_lines: bool,
    ) -> (RecordRef<'c>, Vec<Problem>) {
        let field = |c: usize| {
            self.columns
                .get(c)
                .copied()
                .flatten()
                .and_then(|i| row.get(i).copied())
                .unwrap_or("")
                .trim()
        };
        let mut record = Record {
            record_id: field(RECORD_ID),
            line,
            ..Record::default()
        };
        // A quote left open runs the next lines into this row. With the wrong
        // field count that shows at once; with the right one (the quote closed
        // in the same column lines later) the swallowed lines still look like
        // rows: a field holding a line with a row's delimiters is no address.
        let swallowed: u64 = match spans_lines {
            true => row.iter().map(|f| line_ends(f)).sum(),
            false => 0,
        };
        let looks_like_rows = |f: &str| {
            let needed = self.width.saturating_sub(1).max(1);
            f.split('\n')
                .skip(1)
                .any(|l| l.matches(char::from(self.delimiter)).count() >= needed)
        };
        if swallowed > 0 && (row.len() != self.width || row.iter().copied().any(looks_like_rows)) {
            return (
                record,
                vec![Problem::UnbalancedQuote {
                    lines_spanned: swallowed,
                }],
            );
        }
        if row.len() != self.width {
            let problem = Problem::WrongFieldCount {
                expected: self.width,
                found: row.len(),
            };
            return (record, vec![problem]);
        }
        if record.record_id.is_empty() {
            return (record, vec![Problem::MissingRecordId]);
        }
        let mut problems = Vec::new();
        if self.lossy && row.iter().any(|f| f.contains(char::REPLACEMENT_CHARACTER)) {
            problems.push(Problem::InvalidUtf8);
        }
        for (c, column) in COLUMNS.iter().enumerate().skip(RECORD_ID + 1) {
            (column.read)(&mut record, field(c), &mut problems);
        }
        record.extra = self
            .extra_indices
            .iter()
            .map(|&i| row.get(i).copied().unwrap_or(""))
            .collect();
        (record, problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seen_ids_tell_a_repeat_and_only_a_repeat() {
        let mut seen = SeenIds::default();
        // Ids that run together end to end ("ab" "c" and "a" "bc") stay apart.
        for id in ["ab", "c", "a", "bc", "", "abc"] {
            assert!(seen.insert(id), "{id:?} is new");
        }
        for id in ["ab", "c", "a", "bc", "", "abc"] {
            assert!(!seen.insert(id), "{id:?} was met");
        }
        assert!(seen.insert("Ab"), "ids are compared as written");
        // Enough ids for the table to grow many times: each still found.
        let ids: Vec<String> = (0..50_000).map(|n| format!("R{n:07}")).collect();
        assert!(ids.iter().all(|id| seen.insert(id)));
        assert!(ids.iter().all(|id| !seen.insert(id)));
        assert!(!seen.insert("abc"));
    }

    #[test]
    fn ids_past_the_narrow_ends_are_kept_whole() {
        // NARROW_END_MAX is 24 bytes here: the ids run past it.
        let written: Vec<String> = (0..12).map(|n| format!("R{n:03}")).collect();
        let ids: RecordIds = written.iter().map(String::as_str).collect();
        assert!(!ids.wide_ends.is_empty() && !ids.ends.is_empty());
        assert_eq!(ids.len(), 12);
        assert_eq!(ids.iter().collect::<Vec<_>>(), written);
        assert_eq!(
            (ids.get(5), ids.get(6), ids.get(12)),
            (Some("R005"), Some("R006"), None)
        );
    }

    #[test]
    fn a_replaced_byte_is_found_and_nothing_else() {
        assert!(!has_replacement("Асанова,Айгүл,нн"), "н ends in 0xBD too");
        assert!(
            !has_replacement("\u{F000}\u{FFFC}\u{FEFF}"),
            "0xEF starts others too"
        );
        assert!(has_replacement("Асан\u{FFFD}ова"));
        assert!(has_replacement("\u{FEFF}a\u{FFFD}"));
        assert!(has_replacement(&String::from_utf8_lossy(b"ab\xFF")));
    }

    #[test]
    fn ids_in_order_tell_a_repeat_once_one_is_out_of_order() {
        let mut seen = SeenIds::default();
        // 9 before 10, R009 before R010: in order, no table kept.
        for id in ["1", "2", "9", "10", "11", "R009", "R010", "R0100"] {
            assert!(seen.insert(id), "{id:?} is new");
        }
        assert!(!seen.tabled, "ids in order need no table");
        assert!(
            !seen.insert("10"),
            "a repeat of an earlier id is out of order"
        );
        assert!(seen.tabled);
        for id in ["1", "9", "11", "R009", "R0100"] {
            assert!(!seen.insert(id), "{id:?} was met before the table");
        }
        assert!(seen.insert("3"), "a new id out of order");
        assert!(!seen.insert("3"));
        // A repeat right after itself is not after itself.
        let mut seen = SeenIds::default();
        assert!(seen.insert("a") && !seen.insert("a"));
    }

    proptest::proptest! {
        /// Any ids, sorted or shuffled or in runs: a repeat is told exactly
        /// when a set of the ids met would tell it.
        #[test]
        fn seen_ids_agree_with_a_set(
            ids in proptest::collection::vec("[a-c0-9]{0,3}", 0..60),
            sort_first in 0usize..60,
        ) {
            let mut ids = ids;
            let sorted_head = sort_first.min(ids.len());
            ids[..sorted_head].sort_by(|a, b| (a.len(), a).cmp(&(b.len(), b)));
            let mut seen = SeenIds::default();
            seen.reserve(ids.len() / 2);
            let mut set = std::collections::HashSet::new();
            for id in &ids {
                proptest::prop_assert_eq!(seen.insert(id), set.insert(id.clone()), "{:?}", id);
            }
        }
    }

    /// Everything a reading gives: its records in order, and the registry
    /// without them (diagnostics, rows read, columns, encoding, delimiter).
    fn read_in_pieces(bytes: &[u8], piece: usize, push: usize) -> String {
        let mut records = Vec::new();
        let mut reader = CsvPieces::with_piece(
            |chunk: &[RecordRef<'_>]| records.extend(chunk.iter().map(Record::owned)),
            piece,
        );
        for part in bytes.chunks(push.max(1)) {
            reader.push(part);
        }
        let registry = reader.finish();
        format!("{records:?}\n{registry:?}")
    }

    #[test]
    fn a_file_read_in_pieces_reads_as_if_whole() {
        // Titles above the header, CRLF and LF ends, blank lines, a quoted
        // field over two lines, a stray quote, a repeated id, a bad row,
        // Cyrillic, and enough rows for many pieces.
        let mut lines = vec![
            // A quote mid-field, then one that opens a field the CSV parser
            // would carry over the line end: a title, not a record.
            "Отчёт \"А;\"2026".to_string(),
            "Отчёт;;;".to_string(),
            "на 01.12.2026".to_string(),
            String::new(),
            "record_id;pin;last_name;first_name;patronymic;birth_date;note".to_string(),
        ];
        for i in 0..60 {
            lines.push(match i % 9 {
                0 => format!("r{i};10202198254217;Асанова;Айгүл;\"Бакыт\nкызы\";1982-02-02;x"),
                1 => format!("r{i};;Asanova;Aigul;;1982-02-31;\"a;b\""),
                2 => String::new(),
                3 => format!("r{};2150319870041;Токтогулов;Нурлан;;1987-03-15;5\"", i - 1),
                4 => format!("r{i};21503198700412;Токтогулов;Нурлан;;;\r"),
                5 => "\"unclosed;x".to_string(),
                _ => format!(
                    "r{i};;Жумабаев;Азамат;Эрлан уулу;{:02}.03.1990;",
                    i % 28 + 1
                ),
            });
        }
        let text = lines.join("\n");
        for bytes in [
            text.clone().into_bytes(),
            text.replace(';', ",").into_bytes(),
        ] {
            let whole = {
                let mut records = Vec::new();
                let registry = Registry::read_csv_in_chunks(&bytes, |chunk| {
                    records.extend(chunk.iter().map(Record::owned))
                });
                format!("{records:?}\n{registry:?}")
            };
            assert!(whole.contains("r10"), "{whole}");
            for piece in [1, 2, 3, 5, 8, 13, 40, 100, 400, 1000, 5000] {
                for push in [1, 7, 64, 1000] {
                    assert_eq!(
                        read_in_pieces(&bytes, piece, push),
                        whole,
                        "piece {piece}, push {push}"
                    );
                }
            }
        }
    }

    /// Reads `bytes` in pieces of 256 bytes pushed 100 at a time: the records
    /// handed over before `finish`, all of them, and the registry.
    fn read_counting(bytes: &[u8]) -> (usize, usize, Registry) {
        let records = std::sync::atomic::AtomicUsize::new(0);
        let count = || records.load(std::sync::atomic::Ordering::Relaxed);
        let mut reader = CsvPieces::with_piece(
            |chunk: &[RecordRef<'_>]| {
                records.fetch_add(chunk.len(), std::sync::atomic::Ordering::Relaxed);
            },
            256,
        );
        for part in bytes.chunks(100) {
            reader.push(part);
        }
        let before_finish = count();
        let registry = reader.finish().unwrap();
        (before_finish, count(), registry)
    }

    #[test]
    fn a_file_of_lone_cr_ends_is_read_a_piece_at_a_time() {
        // Excel for Mac's "CSV (Macintosh)": every line ends in a lone CR.
        let mut text = String::from("record_id,pin,last_name,first_name\r");
        for i in 0..200 {
            text.push_str(&format!("r{i},10202198254217,Асанова,Айгүл\r"));
        }
        let bytes = text.as_bytes();
        let whole = Registry::from_csv(bytes).unwrap();
        assert_eq!(whole.records.len(), 200);
        let (before_finish, records, registry) = read_counting(bytes);
        // Records were handed over while the file was still coming: it was
        // never held whole waiting for a line end.
        assert!(
            before_finish > 150,
            "{before_finish} records before the end"
        );
        assert_eq!(records, 200);
        assert_eq!(registry.rows_read, whole.rows_read);
        // And its rows are counted from its first slice, as a LF file's.
        let lf = text.replace('\r', "\n");
        assert_eq!(
            records_estimate(bytes, bytes.len() as u64),
            records_estimate(lf.as_bytes(), lf.len() as u64)
        );
        // CRLF ends are one line end each, not two.
        assert_eq!(records_estimate(b"a\r\nb\r\n", 8), 2);
    }

    #[test]
    fn after_a_record_longer_than_a_piece_the_reader_cuts_again() {
        // A quoted field over many lines, longer than a piece: no place to
        // cut while it lasts; the rows after it are handed over before the end.
        let mut text = String::from("record_id,pin,last_name,first_name,note\n");
        text.push_str("r0,10202198254217,Асанова,Айгүл,\"");
        text.push_str(&"a long note\n".repeat(100));
        text.push_str("\"\n");
        for i in 1..=300 {
            text.push_str(&format!("r{i},10202198254217,Асанова,Айгүл,\n"));
        }
        let (before_finish, records, registry) = read_counting(text.as_bytes());
        assert!(
            before_finish > 250,
            "{before_finish} records before the end"
        );
        assert_eq!(records, 301);
        assert_eq!(registry.rows_read, 301);
    }

    proptest::proptest! {
        /// Any text under a header (quotes opened and never closed, stray
        /// CRs, blank lines) reads the same in pieces as whole.
        #[test]
        fn any_file_reads_the_same_in_pieces(
            body in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::strategy::Just(b"r1;10202198254217;\xd0\x90\xd1\x81;x\n".to_vec()),
                    proptest::strategy::Just(b"\r\n".to_vec()),
                    proptest::strategy::Just(b"\n".to_vec()),
                    proptest::strategy::Just(b"\r".to_vec()),
                    proptest::strategy::Just(b"\"".to_vec()),
                    proptest::strategy::Just(b";".to_vec()),
                    proptest::strategy::Just(b",".to_vec()),
                    proptest::strategy::Just(b"r2".to_vec()),
                    proptest::strategy::Just("Жыл".as_bytes().to_vec()),
                ],
                0..120,
            ),
            piece in 1usize..64,
            push in 1usize..16,
        ) {
            let mut bytes = b"record_id;pin;last_name;first_name\n".to_vec();
            bytes.extend(body.concat());
            let mut records = Vec::new();
            let whole = Registry::read_csv_in_chunks(&bytes, |chunk| {
                records.extend(chunk.iter().map(Record::owned))
            });
            let whole = format!("{records:?}\n{whole:?}");
            proptest::prop_assert_eq!(read_in_pieces(&bytes, piece, push), whole);
        }
    }

    #[test]
    fn a_title_whose_quote_would_open_a_field_does_not_move_the_first_cut() {
        // The header search reads the title as a title; the CSV parser, from
        // the title on, would take the row's quoted line end for a record's.
        let mut text =
            "Отчёт \"А;\"2026\nrecord_id;pin;last_name;first_name;patronymic\n".to_string();
        text.push_str(&"\n".repeat(12));
        text.push_str("r0;;Асанова;Айгүл;\"Бакыт\nкызы\"\nr1;;Асанова;Айгүл;Бакыт кызы\n");
        let bytes = text.into_bytes();
        let mut records = Vec::new();
        let whole = Registry::read_csv_in_chunks(&bytes, |chunk| {
            records.extend(chunk.iter().map(Record::owned))
        });
        let whole = format!("{records:?}\n{whole:?}");
        assert!(whole.contains("Бакыт\\nкызы"), "{whole}");
        for piece in [1, 40, 80] {
            assert_eq!(read_in_pieces(&bytes, piece, 1), whole, "piece {piece}");
        }
    }

    #[test]
    fn a_windows_1251_file_read_in_pieces_reads_as_if_whole() {
        // Latin names first (the same bytes in either encoding): the first
        // piece with a Cyrillic letter decides.
        let mut text = "record_id,pin,last_name,first_name,birth_date\r\n".to_string();
        for i in 0..30 {
            text.push_str(&format!(
                "l{i},,Asanova,Aigul,1982-02-{:02}\r\n",
                i % 28 + 1
            ));
        }
        for i in 0..40 {
            text.push_str(&format!(
                "r{i},,Асанова,Айгүл,1982-02-{:02}\r\n",
                i % 28 + 1
            ));
        }
        // Ү has no Windows-1251 byte: the file spells it У, as such files do.
        let bytes: Vec<u8> = text
            .replace('ү', "у")
            .chars()
            .map(|c| match c as u32 {
                0x0410..=0x044F => (c as u32 - 0x0410 + 0xC0) as u8,
                other => other as u8,
            })
            .collect();
        let mut records = Vec::new();
        let registry = Registry::read_csv_in_chunks(&bytes, |chunk| {
            records.extend(chunk.iter().map(Record::owned))
        });
        let whole = format!("{records:?}\n{registry:?}");
        assert!(
            whole.contains("Асанова") && whole.contains("Windows1251"),
            "{whole}"
        );
        for piece in [1, 10, 100, 1000, 3000] {
            assert_eq!(read_in_pieces(&bytes, piece, 33), whole, "piece {piece}");
        }
    }

    #[test]
    fn excel_date_times_and_float_pins_are_read() {
        let csv = "record_id,pin,last_name,first_name,birth_date\n\
                   r1,10503198500123.0,Асанова,Айгүл,05.03.1985 0:00:00\n";
        let registry = Registry::from_csv(csv.as_bytes()).unwrap();
        assert!(
            registry.diagnostics.is_empty(),
            "{:?}",
            registry.diagnostics
        );
        let record = &registry.records[0];
        assert_eq!(record.birth_date, Date::new(1985, 3, 5).ok());
        assert_eq!(
            record.pin.map(|p| p.to_string()).as_deref(),
            Some("10503198500123")
        );
    }

    #[test]
    fn a_title_above_the_header_is_said_and_the_rows_keep_their_lines() {
        let csv = "Выписка из реестра на 01.12.2026;;;\n\
                   \n\
                   record_id;pin;last_name;first_name\n\
                   r1;10202198254217;Асанова;Айгүл\n\
                   r2;123;Осмонов;Бакыт\n";
        let registry = Registry::from_csv(csv.as_bytes()).unwrap();
        assert_eq!(registry.delimiter, b';');
        assert_eq!(
            registry.records.iter().map(|r| r.line).collect::<Vec<_>>(),
            [4, 5]
        );
        let said: Vec<(u64, &str)> = registry
            .diagnostics
            .iter()
            .map(|d| (d.line, d.problem.code()))
            .collect();
        assert_eq!(said, [(1, "above_header"), (5, "invalid_pin")]);
        assert_eq!(registry.rows_read, 3, "the title is accounted for");
        // A header cell over two lines (Excel's "№ / п/п") is one header, no title.
        let split_cell =
            "\"№\nп/п\",record_id,pin,last_name,first_name\n1,r1,10202198254217,Асанова,Айгүл\n";
        let registry = Registry::from_csv(split_cell.as_bytes()).unwrap();
        assert!(
            registry.diagnostics.is_empty(),
            "{:?}",
            registry.diagnostics
        );
        assert_eq!(registry.records[0].line, 3);
        assert_eq!(registry.extra_columns, ["№\nп/п"]);
        // Excel's empty rows in a title block (delimiters alone) are blank lines.
        let excel = "Выписка;;;\n;;;\nrecord_id;pin;last_name;first_name\nr1;10202198254217;Асанова;Айгүл\n";
        let registry = Registry::from_csv(excel.as_bytes()).unwrap();
        let said: Vec<u64> = registry.diagnostics.iter().map(|d| d.line).collect();
        assert_eq!(said, [1]);
        // A title over an empty table: a header and no rows, as without it.
        let empty = "Выписка\nrecord_id,pin,last_name,first_name\n";
        assert_eq!(
            Registry::from_csv(empty.as_bytes()).unwrap_err(),
            RegistryError::NoRows
        );
        // No header in the first lines: the first line's missing column is said.
        let headless = "Выписка\nr1,10202198254217,Асанова,Айгүл\n";
        assert_eq!(
            Registry::from_csv(headless.as_bytes()).unwrap_err().code(),
            "missing_column"
        );
    }

    #[test]
    fn rows_after_blank_lines_are_located_at_their_own_line() {
        for end in ["\n", "\r\n"] {
            let csv = [
                "record_id,pin,last_name,first_name",
                "",
                "",
                "r1,123,A,B",
                "",
                "",
                "",
                "r2,456,C,D",
                "",
            ]
            .join(end);
            let registry = Registry::from_csv(csv.as_bytes()).unwrap();
            let lines: Vec<(u64, &str)> = registry
                .diagnostics
                .iter()
                .map(|d| (d.line, d.record_id.as_deref().unwrap_or("")))
                .collect();
            assert_eq!(lines, [(4, "r1"), (8, "r2")], "{end:?}");
        }
    }

    #[test]
    fn windows_1251_table_agrees_with_encoding_rs_on_every_byte() {
        let all: Vec<u8> = (0..=255).collect();
        let (reference, _, had_errors) = encoding_rs::WINDOWS_1251.decode(&all);
        assert!(!had_errors);
        assert_eq!(decode_windows_1251(&all), reference);
    }
}
