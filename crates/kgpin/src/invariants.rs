//! The rules kgpin keeps whatever it is given, as functions of raw bytes that
//! panic when one is broken. The fuzz targets (`fuzz/`, `scripts/fuzz.sh`)
//! call them; the normal tests run them over every input kept in
//! `fuzz/regressions/`, so a case found once stays found. Behind the
//! `invariants` feature: no face ships them.

// A checker panics by design: that is how a fuzzer or a test learns a rule broke.
#![allow(clippy::expect_used)]

use std::sync::OnceLock;

use crate::matching::index::Index;
use crate::matching::{dedupe, Batch, Options, Person};
use crate::person::{Document, Holder, PersonFinding, PinRole};
use crate::pin::{self, Stated};
use crate::registry::Registry;
use crate::report::{check_person_pins, CheckReport, DedupeReport};
use crate::{names, Date, Lang, PinError, Sex};

fn today() -> Date {
    Date::new(2026, 11, 25).expect("a real date")
}

/// A PIN check never reports more bad characters than it reads, a valid PIN
/// reads back as itself, and every message in every language is there.
pub fn pin_check(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let check = pin::check(text, today(), &Stated::default());
    let bad = check
        .errors
        .iter()
        .filter(|e| matches!(e, PinError::InvalidCharacter { .. }))
        .count();
    assert!(bad <= pin::READ_LIMIT, "{bad} bad characters reported");
    if check.is_valid() {
        let pin = check.pin.expect("a valid check has its PIN");
        assert_eq!(pin.as_str().parse::<pin::Pin>().ok(), Some(pin));
        assert_eq!(pin::pin_digits(text).as_deref(), Some(pin.as_str()));
        assert_eq!(pin::group_digits(pin.as_str()).len(), pin::PIN_LENGTH + 2);
    }
    for lang in Lang::ALL {
        let report = CheckReport::of(text, check.clone(), lang);
        assert_eq!(report.valid, check.is_valid());
        assert!(report.errors.iter().all(|e| !e.message.is_empty()));
        assert!(report.warnings.iter().all(|w| !w.message.is_empty()));
    }
}

/// A person's numbers: one entry per number given; when the documents give
/// another birth date than the one typed, nothing is advised for correction;
/// the one identity document's number is never the one to correct; the
/// number named to keep does not hang on the order the numbers were given.
///
/// Input: the first line is the typed birth date, every other line a number,
/// the documents taken in turn.
pub fn person_pins(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut lines = text.lines();
    let holder = Holder {
        sex: Some(Sex::Female),
        birth_date: lines.next().and_then(|l| l.trim().parse().ok()),
        ..Holder::default()
    };
    let pins: Vec<(String, Document)> = lines
        .zip(Document::ALL.iter().cycle())
        .map(|(pin, &document)| (pin.to_string(), document))
        .collect();
    let report = check_person_pins(&holder, &pins, today(), Lang::En);
    assert_eq!(report.pins.len(), pins.len());
    let kept = |report: &crate::report::PersonPinsReport| -> Vec<Option<String>> {
        let mut kept: Vec<Option<String>> = report
            .pins
            .iter()
            .filter(|p| p.role == PinRole::Keep)
            .map(|p| p.check.pin.clone())
            .collect();
        kept.sort();
        kept
    };
    let reversed: Vec<(String, Document)> = pins.iter().rev().cloned().collect();
    let backward = check_person_pins(&holder, &reversed, today(), Lang::En);
    assert_eq!(kept(&report), kept(&backward), "{pins:?}");
    let asks_first = report
        .findings
        .iter()
        .any(|f| matches!(f.finding, PersonFinding::StatedDateDiffers { .. }));
    // The typed date asked about as a step: nothing is corrected before.
    let date_asked = report.next_steps.iter().any(|s| {
        matches!(
            s.finding,
            crate::person::NextStep::CheckTypedBirthDate { .. }
        )
    });
    if asks_first || date_asked {
        // Nothing is named to correct before; a double PIN on one date is
        // still one to correct, whichever date is right.
        let double_pin_waits = report
            .findings
            .iter()
            .any(|f| matches!(f.finding, PersonFinding::SeveralPinsAwaitBirthDate { .. }));
        assert_eq!(report.needs_correction, double_pin_waits, "{report:?}");
        assert!(report
            .pins
            .iter()
            .all(|p| !matches!(p.role, PinRole::Duplicate | PinRole::WrongDate)));
    }
    // A number "issued with a wrong date" needs one that agrees with the
    // typed date: with none, the typed date may be the slip (stop 38).
    let agrees = |p: &&crate::report::PinEntry| {
        let date = p
            .check
            .pin
            .as_deref()
            .and_then(|n| n.parse::<crate::Pin>().ok());
        date.map(|pin| pin.birth_date()) == holder.birth_date
    };
    if !report.pins.iter().any(|p| agrees(&p)) {
        assert!(
            report.pins.iter().all(|p| p.role != PinRole::WrongDate),
            "{report:?}"
        );
    }
    // Numbers one slip apart: said once, and compared with the documents
    // first (after a retyping), in one step; the step's other numbers carry
    // a date no living person has.
    let slipped: Vec<&Vec<usize>> = report
        .findings
        .iter()
        .filter_map(|f| match &f.finding {
            PersonFinding::PinsOneSlipApart { pins } => Some(pins),
            _ => None,
        })
        .collect();
    let compared: Vec<(usize, &Vec<usize>)> = report
        .next_steps
        .iter()
        .enumerate()
        .filter_map(|(i, s)| match &s.finding {
            crate::person::NextStep::CompareWithDocuments { pins } => Some((i, pins)),
            _ => None,
        })
        .collect();
    assert!(slipped.len() <= 1, "{report:?}");
    assert!(compared.len() <= 1, "{report:?}");
    assert!(compared.len() >= slipped.len(), "{report:?}");
    if let Some(&(at, pins)) = compared.first() {
        assert!(at <= 1, "{report:?}");
        let slipped: &[usize] = slipped.first().map_or(&[], |p| p.as_slice());
        assert!(slipped.iter().all(|p| pins.contains(p)), "{report:?}");
        let implausible = |position: usize| {
            report.pins[position - 1].check.warnings.iter().any(|w| {
                matches!(
                    w.finding,
                    pin::PinWarning::AgeOver120 { .. }
                        | pin::PinWarning::BirthYearBefore1900 { .. }
                )
            })
        };
        // A serial (not 00000) that another number given carries too.
        let serial_shared = |position: usize| {
            let entry = &report.pins[position - 1].check;
            entry.serial.as_ref().is_some_and(|serial| {
                serial.as_str() != "00000"
                    && report.pins.iter().any(|other| {
                        other.check.valid
                            && other.check.pin != entry.pin
                            && other.check.serial.as_ref() == Some(serial)
                    })
            })
        };
        // A serial 00000 beside another number of the person's date.
        let serial_zero = |position: usize| {
            report.pins[position - 1]
                .check
                .warnings
                .iter()
                .any(|w| matches!(w.finding, pin::PinWarning::SerialZero))
        };
        assert!(
            pins.iter().all(|p| slipped.contains(p)
                || implausible(*p)
                || serial_shared(*p)
                || serial_zero(*p)),
            "{report:?}"
        );
        // One slip is between two numbers at least.
        assert!(slipped.len() != 1, "{report:?}");
    }
    let passports: Vec<&str> = report
        .pins
        .iter()
        .filter(|p| p.document == Document::Passport && p.check.valid)
        .filter_map(|p| p.check.pin.as_deref())
        .collect();
    if passports.windows(2).all(|w| w[0] == w[1]) {
        assert!(
            report
                .pins
                .iter()
                .all(|p| p.document != Document::Passport || p.role != PinRole::WrongDate),
            "{report:?}"
        );
    }
}

/// The physical lines of a file: `\n`, `\r\n` and a lone `\r` each end one.
fn physical_lines(data: &[u8]) -> u64 {
    let mut lines = 1;
    for (i, &b) in data.iter().enumerate() {
        if b == b'\n' || (b == b'\r' && data.get(i + 1) != Some(&b'\n')) {
            lines += 1;
        }
    }
    lines
}

/// A registry file from raw bytes through dedupe to the report: every row
/// read is a record or a rejected row, every line named is a line of the
/// file, records come in file order, and the report counts what was read.
pub fn registry_csv(data: &[u8]) {
    let Ok(registry) = Registry::from_csv(data) else {
        return;
    };
    let rejected = registry.rejected().count() as u64;
    assert_eq!(registry.rows_read, registry.records.len() as u64 + rejected);
    let lines = physical_lines(data);
    // A title above the header may be line 1; a row is below the header.
    let first_row = |above: bool| if above { 1 } else { 2 };
    for (line, above) in registry
        .diagnostics
        .iter()
        .map(|d| (d.line, d.problem == crate::registry::Problem::AboveHeader))
        .chain(registry.records.iter().map(|r| (r.line, false)))
    {
        assert!(
            (first_row(above)..=lines).contains(&line),
            "line {line} of {lines}"
        );
    }
    assert!(registry.records.windows(2).all(|w| w[0].line < w[1].line));
    let options = Options::for_records(registry.records.len());
    let found = dedupe(&registry.records, &options, &mut |_| {});
    let ids: crate::registry::RecordIds = registry
        .records
        .iter()
        .map(|r| r.record_id.as_str())
        .collect();
    let report = DedupeReport::new(&registry, &ids, &found, &options, Lang::Ru);
    assert_eq!(report.summary.rows_read, registry.rows_read);
    for cluster in &report.clusters {
        assert!(cluster.record_ids.len() >= 2);
        assert!(cluster
            .record_ids
            .iter()
            .all(|id| ids.iter().any(|known| known == id)));
    }
}

/// An `.xlsx` file's bytes, damaged any way: a registry or an error, never
/// a panic; every row read is a record or a rejected row, records in sheet
/// order, and a sheet read again gives the same registry.
#[cfg(feature = "xlsx")]
pub fn workbook_xlsx(data: &[u8]) {
    let Ok(registry) = Registry::from_xlsx(data, None) else {
        return;
    };
    let rejected = registry.rejected().count() as u64;
    assert_eq!(registry.rows_read, registry.records.len() as u64 + rejected);
    assert!(registry.records.windows(2).all(|w| w[0].line < w[1].line));
    assert!(registry.sheet.is_some() && registry.encoding.is_none());
    let again = Registry::from_xlsx(data, registry.sheet.as_deref()).map(|r| r.records);
    assert_eq!(again.ok().as_ref(), Some(&registry.records));
}

/// Name folding gives keys of lowercase Latin words with one space between,
/// the same twice; the father's key and the surname's stem never panic.
///
/// Not checked (yet): that a key folds to itself. It does not today: `ң`
/// gives `ng` and `ng` then folds to `n` (Чыңгыз `chingiz`, Чынгыз `chiniz`),
/// the folding gap issue 16 names; the fuzzer found it in seconds.
pub fn name_folding(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let key = names::name_key(text);
    assert_eq!(names::name_key(text), key);
    assert!(
        key.is_empty()
            || key
                .split(' ')
                .all(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase())),
        "{text:?} -> {key:?}"
    );
    let _ = names::father_key(text);
    let _ = names::surname_stem(text);
}

/// A small registry to search in, with a crowd of namesakes: a names block
/// over its cap, which a query takes only its part of.
fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut csv = String::from(
            "record_id,pin,last_name,first_name,patronymic,birth_date,sex\n\
            a1,10202198254217,Асанова,Айгүл,Асанбековна,1982-02-02,F\n\
            a2,10202198200311,Asanova,Aigul,Asanbek kyzy,02.02.1982,F\n\
            b1,21505197500123,Токтогулов,Нурлан,Маратович,1975-05-15,M\n\
            b2,,Токтогулов,Нурлан,,1975-05-15,M\n",
        );
        let fathers = ["Марат уулу", "Асан уулу", "", "Marat uulu"];
        let sexes = ["M", "F", ""];
        for i in 0..200 {
            let (father, sex) = (fathers[i % 4], sexes[i % 3]);
            csv.push_str(&format!("c{i},,Токтогулов,Нурлан,{father},,{sex}\n"));
        }
        let records = Registry::from_csv(csv.as_bytes())
            .map(|r| r.records)
            .unwrap_or_default();
        let batch = Batch::of(&records);
        Index::of_batch(batch, Options::for_records(records.len()))
    })
}

/// A candidate search answers at most what was asked, with records of the
/// registry, each once, best first.
///
/// Input lines: surname, first name, patronymic, birth date, sex, PINs (`,`).
pub fn candidates(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut lines = text.lines();
    let mut line = || lines.next().unwrap_or("").to_string();
    let person = Person {
        last_name: line(),
        first_name: line(),
        patronymic: Some(line()).filter(|p| !p.is_empty()),
        birth_date: line().trim().parse().ok(),
        sex: line().trim().parse().ok(),
        pins: line().split(',').map(str::to_string).collect(),
    };
    let index = index();
    let found = index.candidates(&person, 3);
    assert!(found.len() <= 3);
    assert!(found.iter().all(|c| (c.record as usize) < index.len()));
    assert!(
        found.windows(2).all(|w| w[0].score >= w[1].score),
        "{found:?}"
    );
    // A record met in several blocks, or in several parts of a crowd, once.
    let mut records: Vec<u32> = found.iter().map(|c| c.record).collect();
    records.sort_unstable();
    records.dedup();
    assert_eq!(records.len(), found.len(), "{found:?}");
}

/// A pair the comparison passes over unscored ([`compare::beneath`]) scores
/// under the bar it was passed over for, and is reported as nothing: for
/// every pair of a registry's first 48 records, against bars from far below to
/// far above any threshold, and at four thresholds.
///
/// [`compare::beneath`]: crate::matching::compare::beneath
pub fn pair_bound(data: &[u8]) {
    use crate::matching::{compare, pair_kind};
    let Ok(registry) = Registry::from_csv(data) else {
        return;
    };
    let records = registry.records.get(..48).unwrap_or(&registry.records);
    let batch = Batch::of(records);
    let (names, prepared) = (&batch.vocabulary, &batch.prepared);
    let all_options = [6.0, 12.0, 17.0, 22.0].map(Options::with_threshold);
    for (i, a) in prepared.iter().enumerate() {
        for b in prepared.iter().skip(i + 1) {
            let score = compare::score(names, a, b);
            for half in -60..=80 {
                let bar = half as f32 / 2.0;
                assert!(
                    !compare::beneath(a, b, bar) || score < bar,
                    "{a:?} {b:?}: {score} passed over under {bar}"
                );
            }
            for options in &all_options {
                if compare::beneath(a, b, options.review_threshold.min(options.threshold)) {
                    let kind = pair_kind(names, a, b, score, options);
                    assert!(kind.is_none(), "{a:?} {b:?}: {kind:?}");
                }
            }
        }
    }
}
