#![no_main]
// See kgpin::invariants::candidates: the same check runs over fuzz/regressions/candidates/ in the normal tests.
libfuzzer_sys::fuzz_target!(|data: &[u8]| kgpin::invariants::candidates(data));
