//! steerco-cli integration tests: one binary, one module per part of the contract.

mod bias;
mod blueprint;
mod compliance;
mod crash;
mod discovery;
mod document_safety;
mod documents;
mod foundation;
mod pilots;
mod registry;
mod regression;
mod steering;
mod support;
mod trust;
