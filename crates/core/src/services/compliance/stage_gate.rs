//! The stage gate: no use case enters the pilot or scaled stage without a current compliance
//! sign-off of its content as it stands after the change — whichever stage it comes from (pilot
//! → scaled included), whether the move is made alone or with other edits in one save. A case
//! already in pilot whose sign-off goes stale stays where it is (flagged stale everywhere) and
//! cannot move on until it is signed again. New cases, imports and the demo cannot place a case
//! in a gated stage at all.
//!
//! Past the sign-off, entering pilot (or scaled without a pilot) is a launch: every launch
//! readiness item must hold. Pilot → scaled is an expansion: the blueprint's launch version must
//! pass the regression gate, unless an executive recorded a decision on that version.

use rusqlite::Connection;

use super::signoffs;
use crate::domain::{DossierInput, Stage};
use crate::error::{CoreError, CoreResult};
use crate::services::pilots::{blueprint, readiness};
use crate::services::registry::regression;

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
    signed_for(conn, use_case_id, to, with_other_changes)?;
    if gated(from) {
        return expansion(conn, use_case_id, from, to);
    }
    match readiness::check_in(conn, use_case_id)?.refusal() {
        None => Ok(()),
        Some(refusal) => {
            Err(CoreError::invalid("stage", format!("{use_case_id} cannot enter the {to} stage: {refusal}")))
        }
    }
}

/// The name of the gate a refused move from `from` to `to` ran into, for the stage board.
pub(crate) fn gate_name(from: Stage, to: Stage, reason: &str) -> &'static str {
    if reason.contains("sign-off") && !reason.contains("not ready to launch") {
        "Compliance sign-off"
    } else if from == Stage::Pilot && to == Stage::Scaled {
        "Regression gate"
    } else {
        "Launch readiness"
    }
}

/// Pilot → scaled: the launch version passes the regression gate or an executive decided.
fn expansion(conn: &Connection, use_case_id: &str, from: Stage, to: Stage) -> CoreResult<()> {
    if !(from == Stage::Pilot && to == Stage::Scaled) {
        return Ok(());
    }
    let Some(version) = blueprint::read_in(conn, use_case_id)?.launch_version().map(str::to_owned) else {
        return Ok(());
    };
    let check = regression::check_in(conn, &version)?;
    match check.refusal() {
        Some(refusal) if check.decisions.is_empty() => {
            Err(CoreError::invalid("stage", format!("{use_case_id} cannot move from pilot to scaled: {refusal}")))
        }
        _ => Ok(()),
    }
}

fn signed_for(conn: &Connection, use_case_id: &str, to: Stage, with_other_changes: bool) -> CoreResult<()> {
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
