//! Excel workbooks (`.xlsx`): extracts reach clerks as workbooks at least as
//! often as CSV.
//!
//! A sheet is turned into the CSV text the [registry reader](crate::registry)
//! reads, one line per sheet row, so that every rule of that reader (column
//! aliases, PINs, dates, diagnostics) applies unchanged and a diagnostic's
//! line is the row number Excel shows. What a workbook stores otherwise than
//! a CSV export is settled here, cell by cell ([`cell_text`]):
//! - a PIN stored as a number (Excel shows `1.02021982542E+13`) keeps all 14
//!   digits: the cell holds the exact number, only its display is rounded;
//! - a date cell (an Excel serial number with a date format) becomes
//!   `YYYY-MM-DD`, in the 1900 or the 1904 date system as the workbook says;
//! - a line break inside a cell becomes a space: a name cell with a line
//!   break is one value, not two rows.
//!
//! ```
//! # fn workbook() -> Vec<u8> {
//! #     let mut book = rust_xlsxwriter::Workbook::new();
//! #     let sheet = book.add_worksheet().set_name("Лист1").unwrap();
//! #     for (col, head) in ["record_id", "pin", "last_name", "first_name"].iter().enumerate() {
//! #         sheet.write_string(0, col as u16, *head).unwrap();
//! #     }
//! #     sheet.write_string(1, 0, "r1").unwrap();
//! #     sheet.write_number(1, 1, 10202198254217.0).unwrap();
//! #     sheet.write_string(1, 2, "Асанова").unwrap();
//! #     sheet.write_string(1, 3, "Айгүл").unwrap();
//! #     book.save_to_buffer().unwrap()
//! # }
//! use kgpin::registry::Registry;
//! let bytes = workbook(); // an .xlsx file's bytes, PIN stored as a number
//! let registry = Registry::from_xlsx(&bytes, None)?;
//! assert_eq!(registry.sheet.as_deref(), Some("Лист1"));
//! assert_eq!(registry.records[0].pin_text, "10202198254217");
//! assert_eq!(registry.records[0].line, 2); // Excel's row number
//! # Ok::<(), kgpin::registry::RegistryError>(())
//! ```

use std::io::Cursor;

use calamine::{Data, DataRef, Reader, Xlsx};

use crate::registry::{Record, RecordRef, Registry, RegistryError};

/// An opened workbook: its sheets, read one at a time.
pub struct Workbook<'a> {
    xlsx: Xlsx<Cursor<&'a [u8]>>,
    sheets: Vec<String>,
}

impl std::fmt::Debug for Workbook<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Workbook")
            .field("sheets", &self.sheets)
            .finish_non_exhaustive()
    }
}

/// Whether the bytes are a zip archive, as every `.xlsx` is.
pub fn is_xlsx(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

impl<'a> Workbook<'a> {
    /// Opens an `.xlsx` file's bytes; a damaged or password-protected file,
    /// or a zip that is not a workbook, is an `unreadable_workbook`.
    pub fn open(bytes: &'a [u8]) -> Result<Workbook<'a>, RegistryError> {
        let xlsx: Xlsx<_> =
            calamine::open_workbook_from_rs(Cursor::new(bytes)).map_err(unreadable)?;
        let sheets = xlsx.sheet_names();
        if sheets.is_empty() {
            return Err(RegistryError::UnreadableWorkbook {
                detail: "the workbook has no sheets".into(),
            });
        }
        Ok(Workbook { xlsx, sheets })
    }

    /// The sheets' names, in the workbook's order.
    pub fn sheet_names(&self) -> &[String] {
        &self.sheets
    }

    /// The first sheet's name (a workbook has at least one).
    pub fn first_sheet(&self) -> &str {
        self.sheets.first().map_or("", String::as_str)
    }

    /// One sheet as CSV text (`,`, `\n`): line *n* is the sheet's row *n*,
    /// empty rows are empty lines (which the reader skips, as in a CSV file).
    pub fn sheet_csv(&mut self, sheet: &str) -> Result<String, RegistryError> {
        if !self.sheets.iter().any(|s| s == sheet) {
            return Err(RegistryError::NoSuchSheet {
                sheet: sheet.to_string(),
                sheets: self.sheets.clone(),
            });
        }
        // The cells one by one, not calamine's dense range: that range holds
        // every position between the first cell and the last, so one stray
        // value far to the right or below (or a cell reference no sheet can
        // have) asked for gigabytes and aborted the program.
        let mut reader = match self.xlsx.worksheet_cells_reader(sheet) {
            Ok(reader) => reader,
            // A chart sheet has no cells: an empty sheet, as for CSV.
            Err(calamine::XlsxError::NotAWorksheet(_)) => return Ok(String::new()),
            Err(error) => return Err(unreadable(error)),
        };
        // Each cell's place and where its text lies in `texts` (one buffer,
        // not a String a cell).
        let mut cells: Vec<(u32, u32, usize, usize)> = Vec::new();
        let mut texts = String::new();
        while let Some(cell) = reader.next_cell().map_err(unreadable)? {
            if matches!(cell.get_value(), DataRef::Empty) {
                continue;
            }
            let (row, column) = cell.get_position();
            if row >= SHEET_ROWS || column >= SHEET_COLUMNS {
                return Err(RegistryError::UnreadableWorkbook {
                    detail: format!(
                        "a cell at row {} column {} lies beyond the last row ({SHEET_ROWS}) \
                         or column ({SHEET_COLUMNS}) a sheet can have: the file is damaged",
                        u64::from(row) + 1,
                        u64::from(column) + 1
                    ),
                });
            }
            let start = texts.len();
            texts.push_str(&cell_text(&Data::from(cell.get_value().clone())));
            cells.push((row, column, start, texts.len()));
        }
        // In the sheet's order (a file may list them otherwise); of two
        // cells at one place, the later one, as Excel keeps.
        cells.sort_by_key(|&(row, column, ..)| (row, column));
        cells.dedup_by(|later, earlier| {
            let same = (later.0, later.1) == (earlier.0, earlier.1);
            if same {
                std::mem::swap(later, earlier);
            }
            same
        });
        let (Some(first), Some(last)) = (cells.first(), cells.last()) else {
            return Ok(String::new());
        };
        let (first_row, last_row) = (first.0, last.0);
        // Columns left of the used range are empty in every row: leaving
        // them out changes no field. Every row has the used range's width,
        // as the reader wants as many fields as the header.
        let first_column = cells.iter().map(|c| c.1).min().unwrap_or(0);
        let last_column = cells.iter().map(|c| c.1).max().unwrap_or(0);
        let width = (last_column - first_column + 1) as usize;
        let height = u64::from(last_row - first_row + 1);
        if height.saturating_mul(width as u64) > SHEET_CELLS_READ {
            return Err(RegistryError::UnreadableWorkbook {
                detail: format!(
                    "the sheet's values span {height} rows by {width} columns, more than \
                     {SHEET_CELLS_READ} cells: delete values far to the right or below the \
                     registry, or save the sheet as CSV"
                ),
            });
        }
        let mut csv = String::with_capacity(first_row as usize + texts.len() + cells.len() * 2);
        // Rows above the used range: empty lines, so line numbers stay Excel's.
        for _ in 0..first_row {
            csv.push('\n');
        }
        let text =
            |&(.., start, end): &(u32, u32, usize, usize)| texts.get(start..end).unwrap_or("");
        let mut line: Vec<&str> = vec![""; width];
        let mut rest = cells.as_slice();
        for row in first_row..=last_row {
            let in_row = rest.iter().take_while(|c| c.0 == row).count();
            let (here, after) = rest.split_at(in_row);
            rest = after;
            if here.iter().all(|c| c.2 == c.3) {
                csv.push('\n');
                continue;
            }
            line.fill("");
            for cell in here {
                if let Some(slot) = line.get_mut((cell.1 - first_column) as usize) {
                    *slot = text(cell);
                }
            }
            push_sheet_line(&mut csv, &line);
        }
        Ok(csv)
    }
}

/// The last row and column a worksheet can have (Excel's limits): a cell
/// reference past them is damage, not data.
const SHEET_ROWS: u32 = 1 << 20;
const SHEET_COLUMNS: u32 = 1 << 14;
/// Rows times columns of a sheet read as a registry: a million rows of
/// 128 columns. Past it the CSV text alone would be gigabytes of commas.
const SHEET_CELLS_READ: u64 = 1 << 27;

/// One sheet row as a `,` line. A cell with a `;` is quoted too: the reader
/// takes the delimiter from the header line, and must find `,` there even
/// when header cells hold semicolons.
fn push_sheet_line(csv: &mut String, cells: &[&str]) {
    for (i, cell) in cells.iter().enumerate() {
        if i > 0 {
            csv.push(',');
        }
        if cell.contains([',', ';', '"']) {
            csv.push('"');
            csv.push_str(&cell.replace('"', "\"\""));
            csv.push('"');
        } else {
            csv.push_str(cell);
        }
    }
    csv.push('\n');
}

fn unreadable(error: impl std::fmt::Display) -> RegistryError {
    RegistryError::UnreadableWorkbook {
        detail: error.to_string(),
    }
}

/// Below this, a whole number stored as a float is written without a
/// fraction: every 14-digit PIN, and any count a sheet may hold (2^53).
const EXACT_INTEGER: f64 = 9_007_199_254_740_992.0;

/// A cell as the text a CSV export of it would carry, minus Excel's display
/// rounding: whole numbers in full, dates as `YYYY-MM-DD`, errors as Excel
/// names them (`#N/A`: the PIN or date is then reported, located).
///
/// ```
/// use calamine::Data;
/// use kgpin::workbook::cell_text;
/// assert_eq!(cell_text(&Data::Float(10202198254217.0)), "10202198254217");
/// assert_eq!(cell_text(&Data::Float(1.5)), "1.5");
/// assert_eq!(cell_text(&Data::String("Асан\nуулу".into())), "Асан уулу");
/// ```
pub fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(text) => text.replace(['\r', '\n'], " "),
        Data::Int(number) => number.to_string(),
        Data::Float(number) if number.fract() == 0.0 && number.abs() < EXACT_INTEGER => {
            format!("{number:.0}")
        }
        Data::Float(number) => number.to_string(),
        Data::Bool(value) => if *value { "TRUE" } else { "FALSE" }.into(),
        Data::DateTime(serial) if serial.is_datetime() => {
            let (year, month, day, ..) = serial.to_ymd_hms_milli();
            format!("{year:04}-{month:02}-{day:02}")
        }
        Data::DateTime(duration) => duration.as_f64().to_string(),
        // "1985-03-05T00:00:00": the date is the part before the time.
        Data::DateTimeIso(text) => text.split('T').next().unwrap_or(text).to_string(),
        Data::DurationIso(text) => text.clone(),
        Data::Error(error) => error.to_string(),
    }
}

impl Registry {
    /// Reads a registry extract from the bytes of an `.xlsx` workbook: the
    /// named sheet, or the first. Rows are located by their row number;
    /// [`Registry::sheet`] says which sheet was read.
    pub fn from_xlsx(bytes: &[u8], sheet: Option<&str>) -> Result<Registry, RegistryError> {
        let mut records = Vec::new();
        let mut registry =
            Registry::read_xlsx_in_chunks(bytes, sheet, |chunk: &[RecordRef<'_>]| {
                records.extend(chunk.iter().map(Record::owned));
            })?;
        registry.records = records;
        Ok(registry)
    }

    /// [`Registry::from_xlsx`], handing the records over a chunk at a time
    /// as [`Registry::read_csv_in_chunks`] does.
    pub fn read_xlsx_in_chunks(
        bytes: &[u8],
        sheet: Option<&str>,
        on_records: impl FnMut(&[RecordRef<'_>]) + Send,
    ) -> Result<Registry, RegistryError> {
        let mut workbook = Workbook::open(bytes)?;
        let sheet = sheet.unwrap_or(workbook.first_sheet()).to_string();
        let csv = workbook.sheet_csv(&sheet)?;
        drop(workbook);
        let mut registry = Registry::read_csv_in_chunks(csv.as_bytes(), on_records)?;
        registry.encoding = None;
        registry.sheet = Some(sheet);
        Ok(registry)
    }
}
