#![no_main]
//! Fuzzes `steerco_core::fuzzing::metrics_csv`.

libfuzzer_sys::fuzz_target!(|data: &[u8]| steerco_core::fuzzing::metrics_csv(data));
