//! steerco-api integration tests: one binary, one module per concern. Every test works on its
//! own temp folder and keys its assertions on the ids it creates.

mod bindings;
mod compliance;
mod discovery;
mod handlers;
mod registry;
mod workshops;

use std::sync::atomic::{AtomicU64, Ordering};

/// A number no other call in this test binary returns, for file names.
pub fn unique() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    NEXT.fetch_add(1, Ordering::Relaxed)
}
