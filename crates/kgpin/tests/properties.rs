//! Property tests: no input makes kgpin panic, and valid values round-trip.

// A test fails by panicking.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use kgpin::pin::{check, Stated};
use kgpin::{names, registry::Registry, Date, Pin};
use proptest::prelude::*;

fn today() -> Date {
    Date::new(2026, 11, 25).unwrap()
}

/// A valid PIN: sex digit, a real past date, any serial.
fn valid_pin() -> impl Strategy<Value = String> {
    (
        1u32..=2,
        1900u32..=2025,
        1u32..=12,
        1u32..=31,
        0u32..100_000,
    )
        .prop_filter_map("a real date", |(sex, year, month, day, serial)| {
            let date = Date::new(year, month, day).ok()?;
            Some(format!("{sex}{}{serial:05}", date.to_ddmmyyyy()))
        })
}

proptest! {
    #[test]
    fn any_string_is_checked_without_panic(input in any::<String>()) {
        let result = check(&input, today(), &Stated::default());
        prop_assert_eq!(result.is_valid(), result.errors.is_empty());
    }

    #[test]
    fn digit_like_strings_are_checked_without_panic(input in "[0-9OoОlIЗб .,eE+-]{0,20}") {
        let _ = check(&input, today(), &Stated::default());
        let _ = kgpin::pin::PinFragment::from_input(&input);
    }

    #[test]
    fn valid_pins_round_trip(text in valid_pin()) {
        let pin: Pin = text.parse().unwrap();
        prop_assert_eq!(pin.to_string(), text.clone());
        prop_assert_eq!(pin.to_string().parse::<Pin>().unwrap(), pin);
        prop_assert!(check(&text, today(), &Stated::default()).is_valid());
    }

    #[test]
    fn any_name_gives_a_plain_ascii_key(name in any::<String>()) {
        let key = names::name_key(&name);
        prop_assert!(key.bytes().all(|b| b.is_ascii_lowercase() || b == b' '));
        let _ = names::surname_stem(&name);
        let _ = names::father_key(&name);
    }

    #[test]
    fn any_bytes_load_or_fail_cleanly(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let _ = Registry::from_csv(&bytes);
    }

    #[test]
    fn every_row_of_any_csv_is_accounted_for(
        rows in proptest::collection::vec("[a-z0-9Аа,;\"\n ]{0,30}", 0..12)
    ) {
        let csv = format!("record_id,pin,last_name,first_name\n{}", rows.join("\n"));
        let registry = match Registry::from_csv(csv.as_bytes()) {
            Ok(registry) => registry,
            Err(error) => {
                // Only a file of blank lines after its header has no rows.
                prop_assert_eq!(error.code(), "no_rows");
                prop_assert!(rows.join("\n").split('\n').all(str::is_empty));
                return Ok(());
            }
        };
        let rejected = registry.rejected().count() as u64;
        prop_assert_eq!(registry.rows_read, registry.records.len() as u64 + rejected);
        let result = kgpin::matching::dedupe(&registry.records, &Default::default(), &mut |_| {});
        for cluster in &result.clusters {
            prop_assert!(cluster.members.len() >= 2);
        }
    }

    /// A file without quotes is read line by line, with no CSV parser; a
    /// quote anywhere (here, around the header's first name) sends the same
    /// rows through the parser. Both must give the same records, diagnostics
    /// and counts, blank lines, CRLF, lone CR, titles and bad rows included.
    #[test]
    fn a_file_without_quotes_reads_as_the_csv_parser_reads_it(
        title in prop_oneof![
            Just(""),
            Just("Extract of 2026-11-30\n\n"),
            Just("\n\r\n"),
            Just("Extract\n\u{feff}\n"),
            Just("\u{feff}\u{feff}\n"),
        ],
        header_end in prop_oneof![Just("\n"), Just("\r\n"), Just("\r")],
        delimiter in prop_oneof![Just(','), Just(';')],
        rows in proptest::collection::vec(prop_oneof![
            "[a-z0-9Аа,;. \r\n-]{0,30}",
            "r[0-9]{1,2},1050319850012[0-9],Асан[оа]ва ,Айгүл,0[1-5].03.1985(,x)?(\r)?",
            Just(String::new()),
        ], 0..12)
    ) {
        let columns = ["record_id", "pin", "last_name", "first_name", "birth_date"];
        let header = columns.join(&delimiter.to_string());
        let rows = rows.join("\n").replace(',', &delimiter.to_string());
        let plain = format!("{title}{header}{header_end}{rows}");
        let quoted = format!("{title}\"{header}{header_end}{rows}").replacen("record_id", "record_id\"", 1);
        let read = |text: &str| Registry::from_csv(text.as_bytes()).map_err(|e| e.code());
        match (read(&plain), read(&quoted)) {
            (Ok(lines), Ok(parsed)) => {
                prop_assert_eq!(lines.records, parsed.records);
                prop_assert_eq!(lines.diagnostics, parsed.diagnostics);
                prop_assert_eq!(lines.rows_read, parsed.rows_read);
                prop_assert_eq!(lines.extra_columns, parsed.extra_columns);
            }
            (lines, parsed) => prop_assert_eq!(lines.err(), parsed.err()),
        }
    }
}

/// A megabyte pasted into a PIN field is one quick answer, not a million errors.
#[test]
fn a_huge_input_is_read_up_to_the_limit_and_counted() {
    let today = kgpin::Date::new(2026, 11, 25).expect("a date");
    let huge = "x".repeat(1_000_000);
    let check = kgpin::pin::check(&huge, today, &kgpin::pin::Stated::default());
    let characters = check
        .errors
        .iter()
        .filter(|e| e.code() == "invalid_character")
        .count();
    assert_eq!(characters, kgpin::pin::READ_LIMIT);
    assert!(check.errors.contains(&kgpin::PinError::InvalidLength {
        expected: 14,
        found: 1_000_000
    }));
    let report = kgpin::CheckReport::new(&huge, today, &Default::default(), kgpin::Lang::En);
    assert!(report.errors.iter().any(|e| e
        .message
        .contains("Only the first 64 characters were checked")));
}
