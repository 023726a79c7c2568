//! steerco-api integration tests: one binary, one module per concern.

mod bindings;
