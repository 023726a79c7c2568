#![no_main]
//! Fuzzes `steerco_core::fuzzing::lm_eval_json`.

libfuzzer_sys::fuzz_target!(|data: &[u8]| steerco_core::fuzzing::lm_eval_json(data));
