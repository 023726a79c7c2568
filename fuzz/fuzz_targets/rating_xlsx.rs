#![no_main]
//! Fuzzes `steerco_reports::fuzzing::rating_xlsx`.

libfuzzer_sys::fuzz_target!(|data: &[u8]| steerco_reports::fuzzing::rating_xlsx(data));
