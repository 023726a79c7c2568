//! The tamper-evident audit trail: every change as a record chained to the one before by
//! SHA-256. Pure: how a record is hashed and how a chain is checked. The store appends records
//! inside the transaction of the change they describe (see `store::audit`).

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{CoreError, CoreResult};

mod chain;

pub use chain::{ChainBreak, ChainChecker, UnauditedChange, VerifyReport};

/// One audit record without its row images: what the pack's appendix lists.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct AuditLine {
    pub seq: i64,
    pub at: String,
    pub actor: String,
    pub action: String,
    pub operation: String,
    pub entity_kind: String,
    pub entity_id: String,
    pub subject: String,
    pub hash: String,
}

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
    /// A compliance officer's acknowledgement of an unaudited change.
    Acknowledge,
    /// The portfolio replaced by one of its backups.
    Restore,
    /// Schema upgrades and the start of the trail.
    Migrate,
    /// A use case taken out of the portfolio as a mistake.
    Withdraw,
    /// A withdrawn use case put back.
    Reinstate,
    /// A compliance officer's refusal to sign, with the reason.
    Decline,
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
        Action::Acknowledge,
        Action::Restore,
        Action::Migrate,
        Action::Withdraw,
        Action::Reinstate,
        Action::Decline,
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
            Action::Acknowledge => "acknowledge",
            Action::Restore => "restore",
            Action::Migrate => "migrate",
            Action::Withdraw => "withdraw",
            Action::Reinstate => "reinstate",
            Action::Decline => "decline",
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
    /// insert, update, delete (a row), batch (rows added in bulk: `after` maps each row's key to
    /// its image) or event (an export, the start of the trail).
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
        let mut buffer = Vec::with_capacity(512);
        String::from_utf8_lossy(&self.view().digest(&mut buffer)).into_owned()
    }

    pub fn view(&self) -> RecordView<'_> {
        RecordView {
            seq: self.seq,
            at: &self.at,
            actor: &self.actor,
            action: &self.action,
            operation: &self.operation,
            entity_kind: &self.entity_kind,
            entity_id: &self.entity_id,
            subject: &self.subject,
            before: self.before.as_deref(),
            after: self.after.as_deref(),
            prev_hash: &self.prev_hash,
            hash: &self.hash,
        }
    }
}

/// A record borrowed from wherever it is read (a database row), so verifying a long trail does
/// not allocate per record.
#[derive(Debug, Clone, Copy)]
pub struct RecordView<'a> {
    pub seq: i64,
    pub at: &'a str,
    pub actor: &'a str,
    pub action: &'a str,
    pub operation: &'a str,
    pub entity_kind: &'a str,
    pub entity_id: &'a str,
    pub subject: &'a str,
    pub before: Option<&'a str>,
    pub after: Option<&'a str>,
    pub prev_hash: &'a str,
    pub hash: &'a str,
}

impl RecordView<'_> {
    /// The lowercase hex SHA-256 of the canonical bytes, using `buffer` as scratch space.
    pub fn digest(&self, buffer: &mut Vec<u8>) -> [u8; 64] {
        use sha2::{Digest, Sha256};
        buffer.clear();
        buffer.push(b'[');
        // serde_json writes numbers, strings (escaped) and null exactly as a JSON array would.
        let put = |buffer: &mut Vec<u8>, value: &dyn erased::Json, last: bool| {
            value.write_to(buffer);
            if !last {
                buffer.push(b',');
            }
        };
        put(buffer, &self.seq, false);
        for text in [self.at, self.actor, self.action, self.operation, self.entity_kind, self.entity_id, self.subject] {
            put(buffer, &text, false);
        }
        put(buffer, &self.before, false);
        put(buffer, &self.after, false);
        put(buffer, &self.prev_hash, true);
        buffer.push(b']');
        let digest = Sha256::digest(&buffer[..]);
        let mut hex = [0u8; 64];
        const DIGITS: &[u8; 16] = b"0123456789abcdef";
        for (i, byte) in digest.iter().enumerate() {
            hex[2 * i] = DIGITS[usize::from(byte >> 4)];
            hex[2 * i + 1] = DIGITS[usize::from(byte & 0x0f)];
        }
        hex
    }
}

mod erased {
    /// The few value shapes a record holds, written as serde_json writes them.
    pub trait Json {
        fn write_to(&self, buffer: &mut Vec<u8>);
    }

    impl<T: serde::Serialize> Json for T {
        fn write_to(&self, buffer: &mut Vec<u8>) {
            // Writing plain values into a Vec cannot fail.
            let _ = serde_json::to_writer(&mut *buffer, self);
        }
    }
}
