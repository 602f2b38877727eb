#![no_main]
// See kgpin::invariants::name_folding: the same check runs over fuzz/regressions/name_folding/ in the normal tests.
libfuzzer_sys::fuzz_target!(|data: &[u8]| kgpin::invariants::name_folding(data));
