//! The fingerprint of the data a document was built from: each record's canonical JSON hashed
//! on its own (so a later check can name the records that changed), and one SHA-256 over the
//! sorted list of record hashes.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use sha2::{Digest as _, Sha256};

use crate::error::CoreResult;
use crate::hashing::hex;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Digest {
    pub fingerprint: String,
    /// Record id → SHA-256 of its canonical JSON.
    pub records: BTreeMap<String, String>,
}

#[derive(Debug, Default)]
pub(crate) struct DigestBuilder {
    records: BTreeMap<String, String>,
}

impl DigestBuilder {
    pub(crate) fn add(&mut self, id: &str, record: &impl Serialize) -> CoreResult<()> {
        // serde_json writes struct fields in declaration order and maps in key order, so the
        // same data gives the same bytes.
        let json = serde_json::to_vec(record)?;
        self.records.insert(id.to_owned(), hex(&Sha256::digest(&json)));
        Ok(())
    }

    pub(crate) fn finish(self) -> Digest {
        Digest { fingerprint: fingerprint(&self.records), records: self.records }
    }
}

pub(crate) fn fingerprint(records: &BTreeMap<String, String>) -> String {
    let mut h = Sha256::new();
    for (id, sha) in records {
        h.update(id.as_bytes());
        h.update(b"\t");
        h.update(sha.as_bytes());
        h.update(b"\n");
    }
    hex(&h.finalize())
}

/// How the data stands against a recorded digest: records changed, added and gone.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct DataChanges {
    pub changed: Vec<String>,
    pub added: Vec<String>,
    pub removed: Vec<String>,
}

impl DataChanges {
    pub fn none(&self) -> bool {
        self.changed.is_empty() && self.added.is_empty() && self.removed.is_empty()
    }
}

pub(crate) fn compare(then: &BTreeMap<String, String>, now: &BTreeMap<String, String>) -> DataChanges {
    let mut out = DataChanges::default();
    for (id, sha) in then {
        match now.get(id) {
            Some(s) if s == sha => {}
            Some(_) => out.changed.push(id.clone()),
            None => out.removed.push(id.clone()),
        }
    }
    out.added = now.keys().filter(|id| !then.contains_key(*id)).cloned().collect();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fingerprint_follows_every_record_and_the_comparison_names_them() {
        let mut a = DigestBuilder::default();
        a.add("UC-001", &("Claims", 1)).unwrap();
        a.add("AV-001", &"lora").unwrap();
        let a = a.finish();
        let mut b = DigestBuilder::default();
        b.add("AV-001", &"lora").unwrap();
        b.add("UC-001", &("Claims", 1)).unwrap();
        assert_eq!(a, b.finish(), "the order records are added in does not matter");
        let mut c = DigestBuilder::default();
        c.add("UC-001", &("Claims", 2)).unwrap();
        c.add("EV-001", &"eval").unwrap();
        let c = c.finish();
        assert_ne!(a.fingerprint, c.fingerprint);
        let changes = compare(&a.records, &c.records);
        assert_eq!(changes.changed, vec!["UC-001"]);
        assert_eq!(changes.added, vec!["EV-001"]);
        assert_eq!(changes.removed, vec!["AV-001"]);
    }
}
