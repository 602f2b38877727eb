//! Every input the fuzz targets keep (`fuzz/regressions/<target>/`), run
//! through the same invariants in the normal tests: a case found once stays
//! found. `scripts/fuzz.sh` adds what the fuzzers turn up.

// A test fails by panicking.
#![allow(clippy::expect_used)]

use std::path::PathBuf;

use kgpin::invariants;

fn each_kept_input(target: &str, check: fn(&[u8])) {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../fuzz/regressions")
        .join(target);
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).expect("the regressions folder") {
        let path = entry.expect("an entry").path();
        let bytes = std::fs::read(&path).expect("a kept input");
        let outcome = std::panic::catch_unwind(|| check(&bytes));
        assert!(
            outcome.is_ok(),
            "{target}: {} breaks an invariant",
            path.display()
        );
        seen += 1;
    }
    assert!(seen > 0, "{target}: no kept inputs in {}", dir.display());
}

#[test]
fn pin_check() {
    each_kept_input("pin_check", invariants::pin_check);
}

#[test]
fn person_pins() {
    each_kept_input("person_pins", invariants::person_pins);
}

#[test]
fn registry_csv() {
    each_kept_input("registry_csv", invariants::registry_csv);
}

#[test]
fn workbook_xlsx() {
    each_kept_input("workbook_xlsx", invariants::workbook_xlsx);
}

#[test]
fn name_folding() {
    each_kept_input("name_folding", invariants::name_folding);
}

#[test]
fn candidates() {
    each_kept_input("candidates", invariants::candidates);
}

#[test]
fn pair_bound() {
    each_kept_input("pair_bound", invariants::pair_bound);
}
