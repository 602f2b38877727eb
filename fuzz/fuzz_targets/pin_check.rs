#![no_main]
// See kgpin::invariants::pin_check: the same check runs over fuzz/regressions/pin_check/ in the normal tests.
libfuzzer_sys::fuzz_target!(|data: &[u8]| kgpin::invariants::pin_check(data));
