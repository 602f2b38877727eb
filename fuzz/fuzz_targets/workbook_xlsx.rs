#![no_main]
// See kgpin::invariants::workbook_xlsx: the same check runs over fuzz/regressions/workbook_xlsx/ in the normal tests.
libfuzzer_sys::fuzz_target!(|data: &[u8]| kgpin::invariants::workbook_xlsx(data));
