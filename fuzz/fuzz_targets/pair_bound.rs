#![no_main]
// See kgpin::invariants::pair_bound: the same check runs over fuzz/regressions/pair_bound/ in the normal tests.
libfuzzer_sys::fuzz_target!(|data: &[u8]| kgpin::invariants::pair_bound(data));
