#![no_main]
//! Fuzzes `steerco_core::fuzzing::mlflow_meta`.

libfuzzer_sys::fuzz_target!(|data: &[u8]| steerco_core::fuzzing::mlflow_meta(data));
