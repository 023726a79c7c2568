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

/// The gate a move runs into.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Gate {
    Signoff,
    Readiness,
    Regression,
}

impl Gate {
    pub(crate) fn name(self) -> &'static str {
        match self {
            Gate::Signoff => "Compliance sign-off",
            Gate::Readiness => "Launch readiness",
            Gate::Regression => "Regression gate",
        }
    }
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
    match refusal(conn, use_case_id, from, to, with_other_changes)? {
        None => Ok(()),
        Some((_, reason)) => Err(CoreError::invalid("stage", reason)),
    }
}

/// The gate that refuses the move and why, or `None` when it may be made.
pub(crate) fn refusal(
    conn: &Connection,
    use_case_id: &str,
    from: Stage,
    to: Stage,
    with_other_changes: bool,
) -> CoreResult<Option<(Gate, String)>> {
    if !gated(to) || to == from {
        return Ok(None);
    }
    if let Some(reason) = unsigned(conn, use_case_id, to, with_other_changes)? {
        return Ok(Some((Gate::Signoff, reason)));
    }
    if gated(from) {
        return Ok(expansion(conn, use_case_id, from, to)?.map(|reason| (Gate::Regression, reason)));
    }
    Ok(readiness::check_in(conn, use_case_id)?
        .refusal()
        .map(|refusal| (Gate::Readiness, format!("{use_case_id} cannot enter the {to} stage: {refusal}"))))
}

/// Pilot → scaled: why the launch version may not go further, unless an executive decided.
fn expansion(conn: &Connection, use_case_id: &str, from: Stage, to: Stage) -> CoreResult<Option<String>> {
    if !(from == Stage::Pilot && to == Stage::Scaled) {
        return Ok(None);
    }
    let Some(version) = blueprint::read_in(conn, use_case_id)?.launch_version().map(str::to_owned) else {
        return Ok(None);
    };
    let check = regression::check_in(conn, &version)?;
    Ok(match check.refusal() {
        Some(refusal) if check.decisions.is_empty() => {
            Some(format!("{use_case_id} cannot move from pilot to scaled: {refusal}"))
        }
        _ => None,
    })
}

/// Why the case's sign-off does not let it into `to`, if it does not.
fn unsigned(conn: &Connection, use_case_id: &str, to: Stage, with_other_changes: bool) -> CoreResult<Option<String>> {
    Ok(match signoffs::latest_in(conn, use_case_id)? {
        Some(s) if !s.stale => None,
        Some(s) if with_other_changes => Some(format!(
            "{use_case_id} cannot enter the {to} stage with changes its compliance sign-off ({}) does not cover; \
             save the changes first and have them signed off",
            s.signoff.id
        )),
        Some(s) => Some(format!(
            "{use_case_id} cannot enter the {to} stage: its compliance sign-off ({}, {}) is stale — the dossier \
             or its evidence changed since; a compliance officer must sign it off again",
            s.signoff.id, s.signoff.signed_by
        )),
        None => Some(format!(
            "{use_case_id} cannot enter the {to} stage without a current compliance sign-off (it has none)"
        )),
    })
}
