//! The review before a signature: the record as it will be signed, in readable form (built from
//! the very canonical content the signature binds, so the pane cannot show something else), and
//! the checks a compliance officer looks at before signing — oversight plan gaps, open risks,
//! failed or missing bias checks, lineage gaps, stage and ownership — each with the record it is
//! on. From there the officer signs, or declines with a reason that is recorded and shown in the
//! queue until the content changes or a signature replaces it.

mod checks;
pub(crate) mod readable;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::signed_content::{kind_of, Evidence};
use super::signoffs;
use crate::audit::Action;
use crate::caller::{Caller, Permission};
use crate::compliance::{SignoffKind, SignoffStatus};
use crate::domain::required_text;
use crate::error::CoreResult;
use crate::store::signoff_decline::{self, NewDecline};
use crate::store::Db;

pub use checks::{CheckArea, ReviewCheck};
pub use readable::{ReviewField, ReviewSection};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ReviewRequest {
    /// UC-…, AV-… or EV-….
    pub entity_id: String,
}

/// A compliance officer's refusal to sign a record's content, with the reason.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SignoffDecline {
    pub id: String,
    pub entity_kind: SignoffKind,
    pub entity_id: String,
    pub declined_by: String,
    #[ts(type = "string")]
    pub declined_at: chrono::DateTime<chrono::Utc>,
    pub reason: String,
    pub content_sha256: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SignoffReview {
    pub entity_id: String,
    pub kind: SignoffKind,
    pub title: String,
    /// The content a signature would bind, as sections of labelled fields.
    pub sections: Vec<ReviewSection>,
    /// What to look at before signing; failed checks first.
    pub checks: Vec<ReviewCheck>,
    /// The newest signature of the record, with whether it still matches.
    pub latest_signoff: Option<SignoffStatus>,
    /// A refusal of the content as it is now (a refusal of earlier content no longer applies).
    pub declined: Option<SignoffDecline>,
    pub content_sha256: String,
}

pub fn review(db: &Db, req: &ReviewRequest) -> CoreResult<SignoffReview> {
    let kind = kind_of(&req.entity_id)?;
    let id = req.entity_id.trim();
    db.read(|c| {
        let content = Evidence::for_entity(c, id)?.content(id)?;
        let mut checks = checks::for_record(c, kind, id)?;
        checks.sort_by_key(|check| check.passed);
        Ok(SignoffReview {
            entity_id: id.to_owned(),
            kind,
            title: content.title.clone(),
            sections: readable::sections(&content.value),
            checks,
            latest_signoff: signoffs::latest_in(c, id)?,
            declined: signoff_decline::latest(c, id)?.filter(|d| d.content_sha256 == content.sha256),
            content_sha256: content.sha256,
        })
    })
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct DeclineRequest {
    pub entity_id: String,
    /// Why it is not signed: what must change first. Shown in the queue and on the trail.
    pub reason: String,
}

/// Records that the person working (a compliance officer) will not sign the record as it is.
pub fn decline(db: &Db, caller: &Caller, req: &DeclineRequest) -> CoreResult<SignoffDecline> {
    let reason = required_text("reason", &req.reason, 2_000)?;
    kind_of(&req.entity_id)?;
    let id = req.entity_id.trim();
    db.write(caller, Action::Decline, |tx| {
        let person = tx.actor().must(Permission::SignOff)?.clone();
        let content = Evidence::for_entity(tx, id)?.content(id)?;
        let decline_id = signoff_decline::insert(
            tx,
            &NewDecline {
                kind: content.kind,
                entity_id: id,
                person: &person,
                reason: &reason,
                content_sha256: &content.sha256,
            },
        )?;
        signoff_decline::require(tx, &decline_id)
    })
}
