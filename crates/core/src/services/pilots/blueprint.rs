//! The blueprint rules: a part is saved with an owner; saving a part that changed clears its
//! review stamp; a part is reviewed only when complete, and not by its own owner (a review is a
//! second pair of eyes). Policy ids must name stored policies and the launch version must be a
//! version of an adapter of the same use case.

use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::audit::Action;
use crate::caller::Caller;
use crate::domain::optional_text;
use crate::error::{CoreError, CoreResult};
use crate::pilots::blueprint::{Blueprint, BlueprintPart, BlueprintPartRecord, PartContent};
use crate::services::discovery::read::require_for as use_case_for;
use crate::services::registry::read::version_for;
use crate::store::{blueprint, policy, Db};

/// A use case's blueprint, every part present (parts never saved are empty and unowned).
pub(crate) fn read_in(conn: &Connection, use_case_id: &str) -> CoreResult<Blueprint> {
    let use_case_id = use_case_for(conn, "use_case_id", use_case_id)?.id;
    let mut stored = blueprint::parts(conn, &use_case_id)?;
    let parts = BlueprintPart::ALL
        .iter()
        .map(|&part| match stored.iter().position(|p| p.part == part) {
            Some(i) => stored.swap_remove(i),
            None => {
                let content = PartContent::empty(part);
                BlueprintPartRecord {
                    part,
                    title: part.title().to_owned(),
                    owner: String::new(),
                    missing: content.missing(),
                    content,
                    updated_by: None,
                    updated_at: None,
                    reviewed_by: None,
                    reviewed_at: None,
                }
            }
        })
        .collect();
    Ok(Blueprint { use_case_id, parts })
}

pub fn get(db: &Db, use_case_id: &str) -> CoreResult<Blueprint> {
    db.read(|c| read_in(c, use_case_id))
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct BlueprintPartUpdate {
    pub use_case_id: String,
    /// Who owns the part (a name; required to save it).
    pub owner: String,
    pub content: PartContent,
}

/// Saves one part. An unchanged save changes nothing (the review stands); a changed one clears
/// the review stamp.
pub fn set_part(db: &Db, caller: &Caller, req: &BlueprintPartUpdate) -> CoreResult<Blueprint> {
    let owner = optional_text("owner", Some(&req.owner), 200)?
        .ok_or_else(|| CoreError::invalid("owner", "is required: every part of a blueprint has an owner"))?;
    let content = req.content.validated()?;
    db.write(caller, Action::Update, |tx| {
        let use_case_id = use_case_for(tx, "use_case_id", &req.use_case_id)?.id;
        check_links(tx, &use_case_id, &content)?;
        let json = serde_json::to_string(&content)?;
        let unchanged = blueprint::get(tx, &use_case_id, content.part())?
            .is_some_and(|(stored_owner, stored_json)| stored_owner == owner && stored_json == json);
        if !unchanged {
            let by = tx.actor().name.clone();
            blueprint::save(tx, &use_case_id, &owner, &content, &by)?;
        }
        read_in(tx, &use_case_id)
    })
}

/// The links a part makes must hold: policies exist, the launch version is this case's.
fn check_links(conn: &Connection, use_case_id: &str, content: &PartContent) -> CoreResult<()> {
    match content {
        PartContent::Policies(p) => {
            for id in &p.policy_ids {
                if policy::get(conn, id)?.is_none() {
                    return Err(CoreError::invalid("policy_ids", format!("{id} is not a stored policy")));
                }
            }
        }
        PartContent::Registry(r) => {
            if let Some(id) = &r.adapter_version_id {
                let version = version_for(conn, "adapter_version_id", id)?;
                if version.use_case_id.as_deref() != Some(use_case_id) {
                    return Err(CoreError::invalid(
                        "adapter_version_id",
                        format!(
                            "{} ({} {}) is an adapter of {}, not of {use_case_id}",
                            version.id,
                            version.adapter_name,
                            version.version,
                            version.use_case_id.as_deref().unwrap_or("no use case")
                        ),
                    ));
                }
            }
        }
        PartContent::Security(_) | PartContent::Monitoring(_) => {}
    }
    Ok(())
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct BlueprintReview {
    pub use_case_id: String,
    pub part: BlueprintPart,
}

/// Stamps a part reviewed by the person working: only a complete part, and not by its owner.
pub fn review(db: &Db, caller: &Caller, req: &BlueprintReview) -> CoreResult<Blueprint> {
    db.write(caller, Action::Update, |tx| {
        let blueprint = read_in(tx, &req.use_case_id)?;
        let part = blueprint.part(req.part);
        if part.updated_by.is_none() {
            return Err(CoreError::invalid("part", format!("the {} part has not been written yet", req.part)));
        }
        if !part.missing.is_empty() {
            return Err(CoreError::invalid(
                "part",
                format!("the {} part is not complete: it lacks {}", req.part, part.missing.join("; ")),
            ));
        }
        let reviewer = tx.actor().name.clone();
        if reviewer == part.owner {
            return Err(CoreError::invalid(
                "part",
                format!("{reviewer} owns the {} part; someone else reviews it", req.part),
            ));
        }
        blueprint::review(tx, &blueprint.use_case_id, req.part, &reviewer)?;
        read_in(tx, &blueprint.use_case_id)
    })
}
