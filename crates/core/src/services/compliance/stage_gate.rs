//! The stage gate: no use case enters the pilot or scaled stage without a current compliance
//! sign-off of its content as it stands after the change — whichever stage it comes from (pilot
//! → scaled included), whether the move is made alone or with other edits in one save. A case
//! already in pilot whose sign-off goes stale stays where it is (flagged stale everywhere) and
//! cannot move on until it is signed again. New cases, imports and the demo cannot place a case
//! in a gated stage at all.

use rusqlite::Connection;

use super::signoffs;
use crate::domain::{DossierInput, Stage};
use crate::error::{CoreError, CoreResult};

/// Stages that put a use case in front of real users.
pub(crate) fn gated(stage: Stage) -> bool {
    matches!(stage, Stage::Pilot | Stage::Scaled)
}

/// A record made from scratch (a form, a CSV row) cannot start in a gated stage: nothing about
/// it has been signed yet.
pub(crate) fn refuse_new_in_gated_stage(input: &DossierInput) -> CoreResult<()> {
    if gated(input.stage) {
        return Err(CoreError::invalid(
            "stage",
            format!(
                "a new use case cannot start in the {} stage: it needs a compliance sign-off first; create it at an \
                 earlier stage",
                input.stage
            ),
        ));
    }
    Ok(())
}

/// Checks a move of `use_case_id` from `from` to `to`, after the edit is stored in the same
/// transaction (so the content checked is the content after the change). `with_other_changes`
/// says whether the same save changed more than the stage, to explain a refusal rightly.
pub(crate) fn check_move(
    conn: &Connection,
    use_case_id: &str,
    from: Stage,
    to: Stage,
    with_other_changes: bool,
) -> CoreResult<()> {
    if !gated(to) || to == from {
        return Ok(());
    }
    match signoffs::latest_in(conn, use_case_id)? {
        Some(s) if !s.stale => Ok(()),
        Some(s) if with_other_changes => Err(CoreError::invalid(
            "stage",
            format!(
                "{use_case_id} cannot enter the {to} stage with changes its compliance sign-off ({}) does not cover; \
                 save the changes first and have them signed off",
                s.signoff.id
            ),
        )),
        Some(s) => Err(CoreError::invalid(
            "stage",
            format!(
                "{use_case_id} cannot enter the {to} stage: its compliance sign-off ({}, {}) is stale — the dossier \
                 or its evidence changed since; a compliance officer must sign it off again",
                s.signoff.id, s.signoff.signed_by
            ),
        )),
        None => Err(CoreError::invalid(
            "stage",
            format!("{use_case_id} cannot enter the {to} stage without a current compliance sign-off (it has none)"),
        )),
    }
}
