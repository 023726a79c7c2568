#![no_main]
//! Fuzzes `steerco_core::fuzzing::peft_config`.

libfuzzer_sys::fuzz_target!(|data: &[u8]| steerco_core::fuzzing::peft_config(data));
