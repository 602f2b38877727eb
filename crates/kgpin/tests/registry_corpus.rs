//! Awkward registry files, as clerks actually receive them: every row is
//! either read or reported with its line and reason.

// A test fails by panicking.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use kgpin::registry::{Encoding, Registry, RegistryError};

fn load(name: &str) -> Result<Registry, RegistryError> {
    let path = format!("{}/tests/corpus/{name}", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(&path).expect("corpus file");
    Registry::from_csv(&bytes)
}

fn problems(registry: &Registry) -> Vec<(u64, &'static str)> {
    registry
        .diagnostics
        .iter()
        .map(|d| (d.line, d.problem.code()))
        .collect()
}

#[test]
fn utf8_with_bom_semicolons_crlf_and_quoted_newlines() {
    let registry = load("utf8_bom_semicolon_crlf.csv").unwrap();
    assert_eq!(registry.encoding, Some(Encoding::Utf8));
    assert_eq!(registry.delimiter, b';');
    assert_eq!(registry.rows_read, 3);
    let ids: Vec<&str> = registry
        .records
        .iter()
        .map(|r| r.record_id.as_str())
        .collect();
    assert_eq!(ids, ["k1", "k2", "k3"]);
    assert_eq!(registry.extra_columns, ["Notes"]);
    assert_eq!(registry.records[0].extra, ["note; with a semicolon"]);
    assert_eq!(registry.records[0].last_name, "Жумагулова");
    assert_eq!(registry.records[0].sex, Some(kgpin::Sex::Female));
    assert_eq!(registry.records[1].patronymic, "Бакыт\r\nуулу");
    // The row after a quoted newline starts on line 4 of the file.
    let lines: Vec<u64> = registry.records.iter().map(|r| r.line).collect();
    assert_eq!(lines, [2, 3, 6]);
    assert_eq!(registry.records[2].extra, ["quoted \"inner\" quotes"]);
    // The spreadsheet-damaged PIN is reported, and the row kept.
    assert_eq!(problems(&registry), [(6, "invalid_pin")]);
}

#[test]
fn windows_1251_from_excel_on_russian_windows() {
    let registry = load("windows1251.csv").unwrap();
    assert_eq!(registry.encoding, Some(Encoding::Windows1251));
    assert_eq!(registry.records.len(), 2);
    assert_eq!(registry.records[0].first_name, "Айгуль");
    assert_eq!(registry.records[1].patronymic, "Иванович");
    assert_eq!(registry.records[1].sex, Some(kgpin::Sex::Male));
    assert!(registry.diagnostics.is_empty());
}

#[test]
fn broken_rows_are_each_accounted_for() {
    let registry = load("broken_rows.csv").unwrap();
    let ids: Vec<&str> = registry
        .records
        .iter()
        .map(|r| r.record_id.as_str())
        .collect();
    assert_eq!(ids, ["b1", "b5"]);
    assert_eq!(
        problems(&registry),
        [
            (3, "wrong_field_count"),
            (4, "missing_record_id"),
            (5, "duplicate_record_id"),
            (6, "invalid_pin"),
            (6, "invalid_birth_date"),
            (6, "invalid_sex"),
            (7, "wrong_field_count"),
            (8, "unbalanced_quote"),
        ]
    );
    // Every data row is a record or a rejected row, none lost in silence...
    let rejected = registry.rejected().count() as u64;
    assert_eq!(registry.rows_read, registry.records.len() as u64 + rejected);
    // ...and the unclosed quote says how many lines it swallowed (b8's among them).
    let swallowed = registry.diagnostics.iter().find_map(|d| match d.problem {
        kgpin::registry::Problem::UnbalancedQuote { lines_spanned } => Some(lines_spanned),
        _ => None,
    });
    assert_eq!(swallowed, Some(2));
}

#[test]
fn a_missing_required_column_is_a_clear_error() {
    assert_eq!(
        load("missing_column.csv").unwrap_err(),
        RegistryError::MissingColumn {
            column: "first_name"
        }
    );
    assert_eq!(Registry::from_csv(b"").unwrap_err().code(), "empty_file");
    let header_only = b"record_id,pin,last_name,first_name\r\n";
    assert_eq!(
        Registry::from_csv(header_only).unwrap_err().code(),
        "no_rows"
    );
    let format = |bytes: &[u8]| match Registry::from_csv(bytes) {
        Err(kgpin::registry::RegistryError::UnsupportedFormat { format }) => format,
        other => panic!("{other:?}"),
    };
    // An Excel workbook is a zip; UTF-16 with and without its byte-order mark.
    assert_eq!(format(b"PK\x03\x04\x14\x00\x06\x00"), "xlsx");
    let utf16: Vec<u8> = "record_id,pin\n"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    assert_eq!(format(&[&[0xFF, 0xFE][..], &utf16].concat()), "utf-16");
    assert_eq!(format(&utf16), "utf-16");
    assert_eq!(
        Registry::from_csv(b"record_id,pin,pin,last_name,first_name\n")
            .unwrap_err()
            .code(),
        "duplicate_column"
    );
}

/// Excel for Mac's "CSV (Macintosh)" ends lines with a lone CR; some files mix
/// CR, LF and CRLF. Every diagnostic still names the line a clerk sees.
#[test]
fn cr_only_and_mixed_line_ends_keep_their_line_numbers() {
    let rows = [
        "record_id,pin,last_name,first_name",
        "r1,10202198254217,Асанова,Айгүл",
        ",10202198254218,Без,Номера",
        "r3,1020219825421X,Асанов,Бакыт",
        "r4,20202198254219,Токтогулов,Нурлан",
    ];
    for ends in [["\r"; 4], ["\r", "\n", "\r\n", "\r"]] {
        let mut text = rows[0].to_string();
        for (row, end) in rows[1..].iter().zip(ends) {
            text.push_str(end);
            text.push_str(row);
        }
        let registry = Registry::from_csv(text.as_bytes()).unwrap();
        assert_eq!(registry.rows_read, 4, "{ends:?}");
        assert_eq!(
            problems(&registry),
            [(3, "missing_record_id"), (4, "invalid_pin")],
            "{ends:?}"
        );
        let lines: Vec<u64> = registry.records.iter().map(|r| r.line).collect();
        assert_eq!(lines, [2, 4, 5], "{ends:?}");
    }
}

/// One stray byte in a UTF-8 registry does not switch the whole file to
/// Windows-1251: it stays UTF-8, and the row with the byte is reported, located.
#[test]
fn a_stray_byte_in_utf8_is_reported_on_its_row_not_a_change_of_encoding() {
    let mut bytes = b"record_id,pin,last_name,first_name\n".to_vec();
    for i in 1..=20 {
        bytes.extend(format!("r{i},1020219825{:04},Асанова,Айгүл\n", 4000 + i).as_bytes());
    }
    // Row r5 (line 6): a byte that is not UTF-8 inside the surname.
    let at = bytes.windows(3).position(|w| w == b"r5,").expect("row r5");
    let surname = at + b"r5,10202198254005,".len();
    bytes.insert(surname + 2, 0xFF);
    let registry = Registry::from_csv(&bytes).unwrap();
    assert_eq!(registry.encoding, Some(Encoding::Utf8));
    assert_eq!(registry.records.len(), 20);
    assert_eq!(problems(&registry), [(6, "invalid_utf8")]);
    assert_eq!(registry.records[0].last_name, "Асанова");
    assert_eq!(registry.records[4].last_name, "А\u{fffd}санова");
    // The same file as text (a browser's string) reads the same.
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let from_text = Registry::from_csv(text.as_bytes()).unwrap();
    assert_eq!(from_text.records, registry.records);
    assert_eq!(problems(&from_text), problems(&registry));
}

/// A stray quote that opens in a column and closes in the same column lines
/// later leaves the field count right: the lines it swallowed are still
/// reported, each counted, never lost in silence.
#[test]
fn a_quote_closed_lines_later_in_the_same_column_is_reported_with_the_lines_it_took() {
    let mut text = String::from("record_id,pin,last_name,first_name\n");
    for i in 1..=25 {
        let surname = match i {
            5 => "\"Асанов".to_string(),
            7 => "Асанов\"".to_string(),
            _ => "Асанов".to_string(),
        };
        text.push_str(&format!("r{i},2020219825{:04},{surname},Бакыт\n", 4000 + i));
    }
    let registry = Registry::from_csv(text.as_bytes()).unwrap();
    assert_eq!(registry.records.len(), 22);
    assert_eq!(problems(&registry), [(6, "unbalanced_quote")]);
    let swallowed = registry.diagnostics.iter().find_map(|d| match d.problem {
        kgpin::registry::Problem::UnbalancedQuote { lines_spanned } => Some(lines_spanned),
        _ => None,
    });
    // Lines 7 and 8 (r6, r7) ran into r5's row: with r5's, all 25 lines are accounted for.
    assert_eq!(swallowed, Some(2));
    assert_eq!(
        registry.records.len() as u64 + 1 + swallowed.unwrap_or(0),
        25
    );
}

/// Files that are not CSV text are named for what they are.
#[test]
fn a_pdf_utf16_without_a_mark_and_a_stray_nul_are_told_apart() {
    let format = |bytes: &[u8]| match Registry::from_csv(bytes) {
        Err(RegistryError::UnsupportedFormat { format }) => format,
        other => panic!("{other:?}"),
    };
    assert_eq!(format(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"), "pdf");
    let utf16: Vec<u8> = "record_id,pin,last_name\nr1,10202198254217,Асанова\n"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    assert_eq!(format(&utf16), "utf-16");
    // One NUL in a text file is not "binary": the file is read.
    let with_nul =
        b"record_id,pin,last_name,first_name\nr1,10202198254217,A\0,B\nr2,10202198254218,C,D\n";
    let registry = Registry::from_csv(with_nul).unwrap();
    assert_eq!(registry.rows_read, 2);
}

/// A 4 MB field is reported by its first characters, not copied whole.
#[test]
fn a_huge_bad_value_is_shown_by_its_start() {
    let huge = "9".repeat(4 << 20);
    let text =
        format!("record_id,pin,last_name,first_name,birth_date\nr1,10202198254217,A,B,{huge}\n");
    let registry = Registry::from_csv(text.as_bytes()).unwrap();
    match &registry.diagnostics[0].problem {
        kgpin::registry::Problem::InvalidBirthDate { value } => {
            assert_eq!(value.chars().count(), kgpin::registry::SHOWN_CHARS + 1);
            assert!(value.ends_with('…'));
        }
        other => panic!("{other:?}"),
    }
}
