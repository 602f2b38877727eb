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

use calamine::{Data, Reader, Xlsx};

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
        let range = self.xlsx.worksheet_range(sheet).map_err(unreadable)?;
        // Columns left of the used range are empty in every row: leaving
        // them out changes no field.
        let (first_row, _) = range.start().unwrap_or((0, 0));
        // About a dozen bytes a cell, never more than 64 MiB up front: a
        // sheet's size is the file's word, and a hostile one may claim any.
        let (height, width) = range.get_size();
        let mut csv = String::with_capacity(height.saturating_mul(width).min(1 << 22) * 12);
        // Rows above the used range: empty lines, so line numbers stay Excel's.
        for _ in 0..first_row {
            csv.push('\n');
        }
        let mut texts: Vec<String> = Vec::new();
        for row in range.rows() {
            texts.clear();
            texts.extend(row.iter().map(cell_text));
            if texts.iter().all(String::is_empty) {
                csv.push('\n');
            } else {
                push_sheet_line(&mut csv, &texts);
            }
        }
        Ok(csv)
    }
}

/// One sheet row as a `,` line. A cell with a `;` is quoted too: the reader
/// takes the delimiter from the header line, and must find `,` there even
/// when header cells hold semicolons.
fn push_sheet_line(csv: &mut String, cells: &[String]) {
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
