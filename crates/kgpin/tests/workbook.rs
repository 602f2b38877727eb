//! Registry extracts as Excel workbooks, written by a library (rust_xlsxwriter)
//! as Excel writes them: PINs stored as numbers, date cells, several sheets,
//! a header below a title, a line break in a cell.

// A test fails by panicking.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use kgpin::registry::{Registry, RegistryError};
use kgpin::Date;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, Worksheet};

const HEADER: [&str; 6] = [
    "record_id",
    "ПИН",
    "Фамилия",
    "Имя",
    "Отчество",
    "Дата рождения",
];

/// A row of text cells from column A; an empty text leaves its cell empty.
fn texts(sheet: &mut Worksheet, row: u32, cells: &[&str]) {
    for (col, text) in cells.iter().enumerate().filter(|(_, t)| !t.is_empty()) {
        sheet.write_string(row, col as u16, *text).unwrap();
    }
}

fn header(sheet: &mut Worksheet, row: u32) {
    texts(sheet, row, &HEADER);
}

/// One person-row: the PIN as a number cell, the birth date as a date cell.
fn person(
    sheet: &mut Worksheet,
    row: u32,
    id: &str,
    pin: f64,
    names: [&str; 3],
    dob: (u16, u8, u8),
) {
    let date_format = Format::new().set_num_format("dd.mm.yyyy");
    sheet.write_string(row, 0, id).unwrap();
    sheet.write_number(row, 1, pin).unwrap();
    for (i, name) in names.iter().enumerate() {
        sheet.write_string(row, 2 + i as u16, *name).unwrap();
    }
    let date = ExcelDateTime::from_ymd(dob.0, dob.1, dob.2).unwrap();
    sheet
        .write_datetime_with_format(row, 5, &date, &date_format)
        .unwrap();
}

/// The header on the first row and Асанова Айгүл, born 02.02.1982, on the
/// second: the sheet most tests start from.
fn header_and_first_person(sheet: &mut Worksheet, patronymic: &str) {
    header(sheet, 0);
    person(
        sheet,
        1,
        "r1",
        10202198254217.0,
        ["Асанова", "Айгүл", patronymic],
        (1982, 2, 2),
    );
}

fn pins(registry: &Registry) -> Vec<(u64, String, String)> {
    registry
        .records
        .iter()
        .map(|r| (r.line, r.record_id.clone(), r.pin_text.clone()))
        .collect()
}

#[test]
fn pins_stored_as_numbers_keep_every_digit_and_date_cells_are_dates() {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet().set_name("Лист1").unwrap();
    header_and_first_person(sheet, "Бакытовна");
    person(
        sheet,
        2,
        "r2",
        21503198500123.0,
        ["Осмонов", "Бакыт", "Асанович"],
        (1985, 3, 15),
    );
    let registry = Registry::from_xlsx(&book.save_to_buffer().unwrap(), None).unwrap();
    assert!(
        registry.diagnostics.is_empty(),
        "{:?}",
        registry.diagnostics
    );
    assert_eq!(
        pins(&registry),
        [
            (2, "r1".into(), "10202198254217".into()),
            (3, "r2".into(), "21503198500123".into())
        ]
    );
    assert_eq!(registry.records[0].birth_date, Date::new(1982, 2, 2).ok());
    assert_eq!(registry.records[1].birth_date, Date::new(1985, 3, 15).ok());
    assert_eq!(registry.records[0].patronymic, "Бакытовна");
    assert_eq!(registry.sheet.as_deref(), Some("Лист1"));
    assert_eq!(registry.encoding, None);
    assert_eq!(registry.rows_read, 2);
}

#[test]
fn the_first_sheet_is_read_unless_another_is_named() {
    let mut book = Workbook::new();
    let first = book.add_worksheet().set_name("Свод").unwrap();
    first.write_string(0, 0, "Итого").unwrap();
    let second = book.add_worksheet().set_name("Реестр").unwrap();
    header_and_first_person(second, "");
    let bytes = book.save_to_buffer().unwrap();

    // The first sheet is a summary without the required columns: said so.
    assert!(matches!(
        Registry::from_xlsx(&bytes, None),
        Err(RegistryError::MissingColumn {
            column: "record_id"
        } | RegistryError::NoRows)
    ));
    let registry = Registry::from_xlsx(&bytes, Some("Реестр")).unwrap();
    assert_eq!(pins(&registry), [(2, "r1".into(), "10202198254217".into())]);
    assert_eq!(registry.sheet.as_deref(), Some("Реестр"));

    match Registry::from_xlsx(&bytes, Some("Лист9")) {
        Err(RegistryError::NoSuchSheet { sheet, sheets }) => {
            assert_eq!(sheet, "Лист9");
            assert_eq!(sheets, ["Свод", "Реестр"]);
        }
        other => panic!("{other:?}"),
    }
    let workbook = kgpin::workbook::Workbook::open(&bytes).unwrap();
    assert_eq!(workbook.sheet_names(), ["Свод", "Реестр"]);
}

#[test]
fn rows_are_located_by_excel_row_numbers_below_a_title_and_across_empty_rows() {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    // A report's title on row 1, the header on row 3, data on rows 4, 6
    // (row 5 empty) and 9 (rows 7-8 empty).
    sheet
        .write_string(0, 0, "Выписка из реестра на 01.12.2026")
        .unwrap();
    header(sheet, 2);
    person(
        sheet,
        3,
        "r1",
        10202198254217.0,
        ["Асанова", "Айгүл", ""],
        (1982, 2, 2),
    );
    person(
        sheet,
        5,
        "r2",
        10202198254218.0,
        ["Асанова", "Айгуль", ""],
        (1982, 2, 2),
    );
    texts(
        sheet,
        8,
        &["r3", "123", "Осмонов", "Бакыт", "", "31.02.1985"],
    );
    let registry = Registry::from_xlsx(&book.save_to_buffer().unwrap(), None).unwrap();
    assert_eq!(
        pins(&registry).iter().map(|p| p.0).collect::<Vec<_>>(),
        [4, 6, 9]
    );
    let diagnostics: Vec<(u64, &str)> = registry
        .diagnostics
        .iter()
        .map(|d| (d.line, d.problem.code()))
        .collect();
    assert_eq!(
        diagnostics,
        [
            (1, "above_header"),
            (9, "invalid_pin"),
            (9, "invalid_birth_date")
        ]
    );
    assert_eq!(registry.rows_read, 4, "the title is accounted for");
}

#[test]
fn a_line_break_in_a_cell_is_one_value_and_the_same_rows_read_as_from_csv() {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    header_and_first_person(sheet, "");
    sheet.write_string(1, 4, "Бакыт\nкызы").unwrap();
    // The PIN stored as text this time.
    let r2 = [
        "r2",
        "10202198254217",
        "Асанова, Айгүл",
        "\"Айка\"",
        "",
        "02.02.1982",
    ];
    texts(sheet, 2, &r2);
    let from_xlsx = Registry::from_xlsx(&book.save_to_buffer().unwrap(), None).unwrap();
    assert!(
        from_xlsx.diagnostics.is_empty(),
        "{:?}",
        from_xlsx.diagnostics
    );
    assert_eq!(from_xlsx.records[0].patronymic, "Бакыт кызы");

    let csv = "record_id;ПИН;Фамилия;Имя;Отчество;Дата рождения\n\
               r1;10202198254217;Асанова;Айгүл;Бакыт кызы;1982-02-02\n\
               r2;10202198254217;Асанова, Айгүл;\"\"\"Айка\"\"\";;02.02.1982\n";
    let from_csv = Registry::from_csv(csv.as_bytes()).unwrap();
    assert_eq!(from_xlsx.records, from_csv.records);
}

#[test]
fn semicolons_in_cells_do_not_make_the_sheet_semicolon_separated() {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let header = [
        "record_id",
        "pin",
        "last_name",
        "first_name",
        "note; a; b; c; d; e",
    ];
    texts(sheet, 0, &header);
    texts(
        sheet,
        1,
        &["r1", "10202198254217", "Асанова", "Айгүл", "x;y"],
    );
    let registry = Registry::from_xlsx(&book.save_to_buffer().unwrap(), None).unwrap();
    assert_eq!(registry.delimiter, b',');
    assert_eq!(registry.records[0].extra, ["x;y"]);
    assert_eq!(registry.extra_columns, ["note; a; b; c; d; e"]);
}

#[test]
fn a_damaged_workbook_or_a_zip_that_is_not_one_is_a_clear_error() {
    let mut book = Workbook::new();
    header(book.add_worksheet(), 0);
    let mut bytes = book.save_to_buffer().unwrap();
    bytes.truncate(bytes.len() / 2);
    for damaged in [bytes.as_slice(), b"PK\x03\x04 not a zip at all".as_slice()] {
        match Registry::from_xlsx(damaged, None) {
            Err(error @ RegistryError::UnreadableWorkbook { .. }) => {
                assert_eq!(error.code(), "unreadable_workbook");
                let message = kgpin::messages::registry_error(&error, kgpin::Lang::En);
                assert!(message.contains("cannot be opened"), "{message}");
                // What to do before the reader's technical words, which close it.
                let advice = message.find("Open it in Excel").unwrap_or(usize::MAX);
                assert!(advice < message.find('[').unwrap_or(0), "{message}");
                assert!(message.ends_with(']'), "{message}");
            }
            other => panic!("{other:?}"),
        }
    }
}

#[test]
fn an_empty_sheet_and_a_header_alone_are_said_as_for_csv() {
    let mut book = Workbook::new();
    book.add_worksheet().set_name("Пусто").unwrap();
    header(book.add_worksheet().set_name("Шапка").unwrap(), 0);
    let bytes = book.save_to_buffer().unwrap();
    assert_eq!(
        Registry::from_xlsx(&bytes, None).unwrap_err(),
        RegistryError::EmptyFile
    );
    assert_eq!(
        Registry::from_xlsx(&bytes, Some("Шапка")).unwrap_err(),
        RegistryError::NoRows
    );
}

/// calamine's dense range held every position between the first value and
/// the last: one stray value in Excel's last cell, or a cell reference past
/// Excel's last row in a damaged file, asked for gigabytes and aborted the
/// program (seen at once with `kgpin dedupe`). Now a clear error says which.
#[test]
fn a_stray_value_far_below_or_a_cell_past_the_last_row_is_a_clear_error() {
    // One person's row and a stray "x" at (row, column), zero-based.
    let with_stray = |row: u32, column: u16| {
        let mut book = Workbook::new();
        let sheet = book.add_worksheet();
        header_and_first_person(sheet, "Бакытовна");
        sheet.write_string(row, column, "x").unwrap();
        book.save_to_buffer().unwrap()
    };
    match Registry::from_xlsx(&with_stray(1_048_575, 16_383), None) {
        Err(RegistryError::UnreadableWorkbook { detail }) => {
            assert!(detail.contains("1048576 rows by 16384 columns"), "{detail}");
        }
        other => panic!("{other:?}"),
    }
    // The same stray value a few columns right of the registry is read as
    // before: every row as wide as the used range.
    let registry = Registry::from_xlsx(&with_stray(3, 9), None).unwrap();
    assert_eq!(pins(&registry), [(2, "r1".into(), "10202198254217".into())]);
    // A damaged file (made by Python's zipfile; Excel cannot write it)
    // with a cell at row 9,000,000 (a longer row number overflows inside
    // calamine 0.32 in a debug build: its bug, noted in docs/registry-csv.md).
    let damaged = include_bytes!("corpus/cell_beyond_last_row.xlsx");
    match Registry::from_xlsx(damaged, None) {
        Err(RegistryError::UnreadableWorkbook { detail }) => {
            assert!(detail.contains("row 9000000 column 1"), "{detail}");
        }
        other => panic!("{other:?}"),
    }
}
