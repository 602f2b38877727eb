#![no_main]
// See kgpin::invariants::registry_csv: the same check runs over fuzz/regressions/registry_csv/ in the normal tests.
libfuzzer_sys::fuzz_target!(|data: &[u8]| kgpin::invariants::registry_csv(data));
