#![no_main]
//! Fuzzes `steerco_core::fuzzing::bias_adversarial_csv`.

libfuzzer_sys::fuzz_target!(|data: &[u8]| steerco_core::fuzzing::bias_adversarial_csv(data));
