#![no_main]
// See kgpin_web_worker::invariants::request_json: the same check runs over fuzz/regressions/worker_messages/ in the normal tests.
libfuzzer_sys::fuzz_target!(|data: &[u8]| kgpin_web_worker::invariants::request_json(data));
