#![no_main]
//! Fuzzes `steerco_core::fuzzing::rating_sheet`.

libfuzzer_sys::fuzz_target!(|data: &[u8]| steerco_core::fuzzing::rating_sheet(data));
