//! The tamper-evident audit trail: every change as a record chained to the one before by
//! SHA-256. Pure: how a record is hashed and how a chain is checked. The store appends records
//! inside the transaction of the change they describe (see `store::audit`).

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{CoreError, CoreResult};
use crate::registry::hashing::hash_bytes;

/// The hash the first record points back to.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// What a person did, as the audit log names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    Create,
    Update,
    Delete,
    Sign,
    Decide,
    Import,
    Export,
    /// Changes found in the file that no Steerco transaction recorded (made with another tool).
    Unaudited,
    /// Schema upgrades and the start of the trail.
    Migrate,
}

impl Action {
    pub const ALL: &'static [Action] = &[
        Action::Create,
        Action::Update,
        Action::Delete,
        Action::Sign,
        Action::Decide,
        Action::Import,
        Action::Export,
        Action::Unaudited,
        Action::Migrate,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Action::Create => "create",
            Action::Update => "update",
            Action::Delete => "delete",
            Action::Sign => "sign",
            Action::Decide => "decide",
            Action::Import => "import",
            Action::Export => "export",
            Action::Unaudited => "unaudited",
            Action::Migrate => "migrate",
        }
    }
}

impl fmt::Display for Action {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Action {
    type Err = CoreError;

    fn from_str(s: &str) -> CoreResult<Self> {
        Action::ALL.iter().copied().find(|a| a.as_str() == s.trim()).ok_or_else(|| {
            let allowed: Vec<&str> = Action::ALL.iter().map(|a| a.as_str()).collect();
            CoreError::invalid("action", format!("{s:?} is not one of {}", allowed.join(", ")))
        })
    }
}

/// Who is changing what and when, given to `Db::write` so the trail can say it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditMeta {
    pub actor: String,
    pub action: Action,
    pub at: DateTime<Utc>,
}

impl AuditMeta {
    pub fn new(actor: impl Into<String>, action: Action, at: DateTime<Utc>) -> Self {
        Self { actor: actor.into(), action, at }
    }

    pub(crate) fn at_text(&self) -> String {
        self.at.to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
    }
}

/// One record of the trail as stored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct AuditRecord {
    pub seq: i64,
    pub at: String,
    pub actor: String,
    pub action: String,
    /// insert, update, delete (a row) or event (an export, the start of the trail).
    pub operation: String,
    pub entity_kind: String,
    pub entity_id: String,
    /// The record the change belongs to (a use case for its override), for filtering.
    pub subject: String,
    pub before: Option<String>,
    pub after: Option<String>,
    pub prev_hash: String,
    pub hash: String,
}

impl AuditRecord {
    /// SHA-256 over the canonical bytes of every field but the hash itself: a JSON array in a
    /// fixed order, so no field can be moved into another without changing the hash.
    pub fn compute_hash(&self) -> String {
        let canonical = serde_json::json!([
            self.seq,
            self.at,
            self.actor,
            self.action,
            self.operation,
            self.entity_kind,
            self.entity_id,
            self.subject,
            self.before,
            self.after,
            self.prev_hash,
        ]);
        hash_bytes(canonical.to_string().as_bytes())
    }
}

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
}

/// Walks records in stored order; `anchor` is the (seq, hash) the store recorded for the head.
#[derive(Debug)]
pub struct ChainChecker {
    expected_seq: i64,
    prev_hash: String,
    records: u64,
    broken: Option<ChainBreak>,
}

impl Default for ChainChecker {
    fn default() -> Self {
        Self { expected_seq: 1, prev_hash: GENESIS.to_owned(), records: 0, broken: None }
    }
}

impl ChainChecker {
    /// Feeds the next record; returns false once the chain is broken (stop feeding).
    pub fn feed(&mut self, r: &AuditRecord) -> bool {
        if self.broken.is_some() {
            return false;
        }
        let fail = |seq: i64, reason: String| Some(ChainBreak { seq, reason });
        if r.seq != self.expected_seq {
            self.broken = if r.seq > self.expected_seq {
                fail(
                    self.expected_seq,
                    format!("record {} is missing (the next record found is {})", self.expected_seq, r.seq),
                )
            } else {
                fail(r.seq, format!("record {} appears out of order, after record {}", r.seq, self.expected_seq - 1))
            };
        } else if r.prev_hash != self.prev_hash {
            self.broken = fail(
                r.seq,
                format!(
                    "record {} does not follow record {}: it points back to {}…, the chain has {}…",
                    r.seq,
                    r.seq - 1,
                    short(&r.prev_hash),
                    short(&self.prev_hash)
                ),
            );
        } else if r.compute_hash() != r.hash {
            self.broken = fail(r.seq, format!("record {} was altered: its contents no longer match its hash", r.seq));
        } else {
            self.expected_seq += 1;
            self.prev_hash = r.hash.clone();
            self.records += 1;
        }
        self.broken.is_none()
    }

    /// Ends the walk, checking the last record against the anchor kept with the trail.
    pub fn finish(mut self, anchor: Option<(i64, String)>) -> VerifyReport {
        if self.broken.is_none() {
            let last = self.expected_seq - 1;
            match anchor {
                Some((seq, hash)) if seq == last && hash == self.prev_hash => {}
                Some((seq, _)) if seq > last => {
                    self.broken = Some(ChainBreak {
                        seq: last + 1,
                        reason: format!(
                            "the trail ends at record {last} but it had {seq} records: record {} onwards was deleted",
                            last + 1
                        ),
                    });
                }
                Some((seq, _)) => {
                    self.broken = Some(ChainBreak {
                        seq: seq.min(last).max(1),
                        reason: format!("the trail's head is record {last}, not record {seq} as recorded"),
                    });
                }
                None if last > 0 => {
                    self.broken = Some(ChainBreak { seq: 1, reason: "the trail's head record is missing".to_owned() });
                }
                None => {}
            }
        }
        VerifyReport { records: self.records, head_hash: self.prev_hash, broken: self.broken }
    }
}

fn short(hash: &str) -> &str {
    &hash[..hash.len().min(12)]
}
