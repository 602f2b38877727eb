#![no_main]
// See kgpin::invariants::person_pins: the same check runs over fuzz/regressions/person_pins/ in the normal tests.
libfuzzer_sys::fuzz_target!(|data: &[u8]| kgpin::invariants::person_pins(data));
