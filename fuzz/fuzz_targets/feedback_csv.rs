#![no_main]
//! Fuzzes `steerco_core::fuzzing::feedback_csv`.

libfuzzer_sys::fuzz_target!(|data: &[u8]| steerco_core::fuzzing::feedback_csv(data));
