#![no_main]
//! Fuzzes `steerco_core::fuzzing::safetensors_header`.

libfuzzer_sys::fuzz_target!(|data: &[u8]| steerco_core::fuzzing::safetensors_header(data));
