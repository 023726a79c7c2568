//! Checking a trail: walking records in stored order (whole, or in segments joined link to
//! link) and naming the first place the chain does not hold.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{AuditRecord, RecordView, GENESIS};

/// The first place a chain does not hold.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ChainBreak {
    /// The record at which the chain breaks (the first one that fails).
    pub seq: i64,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct VerifyReport {
    pub records: u64,
    /// The hash of the last record: write it down (e.g. in steering minutes) to anchor the trail.
    pub head_hash: String,
    pub broken: Option<ChainBreak>,
    /// Signs of changes made to the file with another tool: row changes no Steerco transaction
    /// recorded yet, tables whose change capture was switched off, rows that differ from the
    /// last image the trail holds of them, sign-offs whose hash no longer matches what they hold.
    pub outside_changes: Vec<String>,
    /// Changes made outside Steerco and recorded as `unaudited`, not yet acknowledged by a
    /// compliance officer: each keeps the trail from verifying.
    pub unacknowledged: Vec<UnauditedChange>,
    /// Outside changes a compliance officer has looked at and acknowledged, with why.
    pub acknowledged: Vec<UnauditedChange>,
    /// The verdict: no break, no outside change, nothing left unacknowledged. Reported so no
    /// reader (the app, a pack) restates the rule.
    pub holds: bool,
}

/// A change found in the file that no Steerco transaction made, as the trail recorded it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct UnauditedChange {
    pub seq: i64,
    pub at: String,
    pub operation: String,
    pub entity_kind: String,
    pub entity_id: String,
    pub acknowledged_by: Option<String>,
    pub acknowledged_at: Option<String>,
    pub comment: Option<String>,
}

impl VerifyReport {
    pub fn holds(&self) -> bool {
        self.broken.is_none() && self.outside_changes.is_empty() && self.unacknowledged.is_empty()
    }
}

/// Walks records in stored order; `anchor` is the (seq, hash) the store recorded for the head.
#[derive(Debug)]
pub struct ChainChecker {
    expected_seq: i64,
    prev_hash: String,
    records: u64,
    broken: Option<ChainBreak>,
    scratch: Vec<u8>,
    /// For a segment that starts mid-chain: the first record's (seq, prev_hash), which the
    /// segment before it must end with.
    joins: Option<Option<(i64, String)>>,
}

impl Default for ChainChecker {
    fn default() -> Self {
        Self {
            expected_seq: 1,
            prev_hash: GENESIS.to_owned(),
            records: 0,
            broken: None,
            scratch: Vec::with_capacity(1024),
            joins: None,
        }
    }
}

impl ChainChecker {
    /// Feeds the next record; returns false once the chain is broken (stop feeding).
    pub fn feed(&mut self, r: &AuditRecord) -> bool {
        self.feed_view(&r.view())
    }

    /// A checker for the later part of a trail checked in pieces: it takes its first record's
    /// position on trust and `join` checks it against the piece before.
    pub fn for_segment() -> Self {
        Self { joins: Some(None), ..Self::default() }
    }

    /// As `feed`, for a borrowed record.
    pub fn feed_view(&mut self, r: &RecordView<'_>) -> bool {
        if self.broken.is_some() {
            return false;
        }
        if let Some(None) = self.joins {
            self.joins = Some(Some((r.seq, r.prev_hash.to_owned())));
            self.expected_seq = r.seq;
            self.prev_hash = r.prev_hash.to_owned();
        }
        let fail = |seq: i64, reason: String| Some(ChainBreak { seq, reason });
        if r.seq != self.expected_seq {
            self.broken = if r.seq > self.expected_seq {
                fail(
                    self.expected_seq,
                    format!("record {} is missing (the next record found is {})", self.expected_seq, r.seq),
                )
            } else {
                fail(r.seq, format!("record {} is out of order: record {} was expected here", r.seq, self.expected_seq))
            };
        } else if r.prev_hash != self.prev_hash {
            self.broken = fail(
                r.seq,
                format!(
                    "record {} does not follow record {}: it points back to {}…, the chain has {}…",
                    r.seq,
                    r.seq - 1,
                    short(r.prev_hash),
                    short(&self.prev_hash)
                ),
            );
        } else if r.digest(&mut self.scratch)[..] != *r.hash.as_bytes() {
            self.broken = fail(r.seq, format!("record {} was altered: its contents no longer match its hash", r.seq));
        } else {
            self.expected_seq += 1;
            self.prev_hash.clear();
            self.prev_hash.push_str(r.hash);
            self.records += 1;
        }
        self.broken.is_none()
    }

    /// Continues this checker with `later`, the segment that follows it. The first break wins:
    /// this one's, then a bad seam between the two, then the later segment's.
    pub fn join(mut self, later: ChainChecker) -> ChainChecker {
        if self.broken.is_some() {
            return self;
        }
        // An empty later segment (no first record) changes nothing.
        if let Some(Some((seq, prev))) = later.joins {
            {
                if seq != self.expected_seq {
                    self.broken = Some(ChainBreak {
                        seq: self.expected_seq,
                        reason: format!(
                            "record {} is missing or out of place (record {seq} stands where it should be)",
                            self.expected_seq
                        ),
                    });
                } else if prev != self.prev_hash {
                    self.broken = Some(ChainBreak {
                        seq,
                        reason: format!(
                            "record {seq} does not follow record {}: its link back does not match",
                            seq - 1
                        ),
                    });
                } else {
                    self.records += later.records;
                    self.expected_seq = later.expected_seq;
                    self.prev_hash = later.prev_hash;
                    self.broken = later.broken;
                }
            }
        }
        self
    }

    /// Ends the walk, checking the last record against the anchor kept with the trail.
    pub fn finish(mut self, anchor: Option<(i64, String)>) -> VerifyReport {
        if self.broken.is_none() {
            let last = self.expected_seq - 1;
            let broken = |seq: i64, reason: String| Some(ChainBreak { seq, reason });
            self.broken = match anchor {
                Some((seq, hash)) if seq == last && hash == self.prev_hash => None,
                Some((seq, _)) if seq == last => broken(
                    last,
                    format!("record {last} was replaced: it does not match the hash the trail's anchor holds for it"),
                ),
                Some((seq, _)) if seq > last => broken(
                    last + 1,
                    format!("the trail ends at record {last} but had {seq} records: record {} onwards was deleted", last + 1),
                ),
                Some((seq, _)) => broken(
                    seq + 1,
                    format!(
                        "record {} onwards was added outside Steerco: the trail's anchor records record {seq} as its head",
                        seq + 1
                    ),
                ),
                None if last == 0 => broken(
                    1,
                    "the audit trail is empty: its records were deleted (a Steerco portfolio's trail starts with its \
                     schema record)"
                        .to_owned(),
                ),
                None => broken(
                    last,
                    format!("the trail's head anchor was deleted: record {last} cannot be shown to be the real end"),
                ),
            };
        }
        let holds = self.broken.is_none();
        VerifyReport {
            records: self.records,
            head_hash: self.prev_hash,
            broken: self.broken,
            outside_changes: Vec::new(),
            unacknowledged: Vec::new(),
            acknowledged: Vec::new(),
            holds,
        }
    }
}

fn short(hash: &str) -> &str {
    &hash[..hash.len().min(12)]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chain(n: i64) -> Vec<AuditRecord> {
        let mut prev = GENESIS.to_owned();
        (1..=n)
            .map(|seq| {
                let mut r = AuditRecord {
                    seq,
                    at: "2026-11-28T10:00:00.000Z".into(),
                    actor: "Ana".into(),
                    action: "update".into(),
                    operation: "update".into(),
                    entity_kind: "use_case".into(),
                    entity_id: format!("UC-{seq:03}"),
                    subject: format!("UC-{seq:03}"),
                    before: Some("{}".into()),
                    after: Some(format!("{{\"n\":{seq}}}")),
                    prev_hash: prev.clone(),
                    hash: String::new(),
                };
                r.hash = r.compute_hash();
                prev = r.hash.clone();
                r
            })
            .collect()
    }

    fn check(records: &[AuditRecord], anchor: Option<(i64, String)>) -> VerifyReport {
        let mut c = ChainChecker::default();
        for r in records {
            if !c.feed(r) {
                break;
            }
        }
        c.finish(anchor)
    }

    #[test]
    fn an_intact_chain_holds_and_each_kind_of_tampering_names_its_record() {
        let good = chain(6);
        let anchor = Some((6, good[5].hash.clone()));
        assert!(check(&good, anchor.clone()).holds());
        let mut edited = good.clone();
        edited[2].actor = "Mallory".into();
        assert_eq!(check(&edited, anchor.clone()).broken.unwrap().seq, 3);
        let mut deleted = good.clone();
        deleted.remove(3);
        assert_eq!(check(&deleted, anchor.clone()).broken.unwrap().seq, 4);
        let truncated = &good[..5];
        assert_eq!(check(truncated, anchor.clone()).broken.unwrap().seq, 6, "the anchor catches a deleted head");
        let mut swapped = good.clone();
        swapped.swap(1, 2);
        assert_eq!(check(&swapped, anchor.clone()).broken.unwrap().seq, 2);
        let mut rehashed = good.clone();
        rehashed[4].actor = "Mallory".into();
        rehashed[4].hash = rehashed[4].compute_hash();
        assert_eq!(check(&rehashed, anchor.clone()).broken.unwrap().seq, 6, "a re-hashed record breaks the next link");
        // Checked in two halves (as `verify_file` does on two cores), every case gives the same
        // answer as one pass, wherever the split falls.
        for records in [good.clone(), edited, deleted, truncated.to_vec(), swapped, rehashed] {
            let whole = check(&records, anchor.clone());
            for split in 0..=records.len() {
                let mut first = ChainChecker::default();
                records[..split].iter().all(|r| first.feed(r));
                let mut second = ChainChecker::for_segment();
                records[split..].iter().all(|r| second.feed(r));
                let joined = first.join(second).finish(anchor.clone());
                assert_eq!(
                    joined.broken.as_ref().map(|b| b.seq),
                    whole.broken.as_ref().map(|b| b.seq),
                    "split at {split}"
                );
                assert_eq!(joined.holds(), whole.holds());
            }
        }
    }
}
