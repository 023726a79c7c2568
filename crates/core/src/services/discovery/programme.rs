//! The programme: its name, currency and settings, and the overview of its use cases by lane
//! and stage.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::read;
use crate::audit::Action;
use crate::caller::Caller;
use crate::domain::{Programme, ProgrammeField, ProgrammeUpdate};
use crate::edits;
use crate::error::{CoreError, CoreResult};
use crate::overview::{summarise, ProgrammeOverview};
use crate::store::{programme, Db};

fn missing() -> CoreError {
    CoreError::NoProgramme
}

pub fn get(db: &Db) -> CoreResult<Option<Programme>> {
    db.read(|s| programme::get(s))
}

/// The programme's name and how its use cases spread over lanes (after the payback gate) and
/// stages.
pub fn overview(db: &Db) -> CoreResult<ProgrammeOverview> {
    db.read(|s| {
        let programme = programme::get(s)?.ok_or_else(missing)?;
        let counts: Vec<_> = read::list(s)?.iter().map(|c| (c.lane, c.stage, 1)).collect();
        Ok(summarise(programme, &counts))
    })
}

/// Gives a blank portfolio its programme; an initialised portfolio is left as it is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct InitOutcome {
    pub programme: Programme,
    /// False when the file already held a programme, which is left as it was.
    pub created: bool,
}

pub fn init(db: &Db, caller: &Caller, update: &ProgrammeUpdate) -> CoreResult<InitOutcome> {
    let update = update.validated()?;
    db.write(caller, Action::Create, |tx| match programme::get(tx)? {
        Some(existing) => Ok(InitOutcome { programme: existing, created: false }),
        None => {
            programme::upsert(tx, &update)?;
            Ok(InitOutcome { programme: programme::get(tx)?.ok_or_else(missing)?, created: true })
        }
    })
}

/// Changes to the programme's settings, applied field by field to what is stored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ProgrammeChange {
    pub changes: Vec<ProgrammeField>,
    /// The settings as the dialog showed them; `None` sets the fields whatever they hold now.
    pub loaded: Option<ProgrammeUpdate>,
}

/// Renames the programme or changes its currency or settings. Amounts are not converted when the
/// currency changes: they are relabelled, as the person asked.
pub fn update(db: &Db, caller: &Caller, req: &ProgrammeChange) -> CoreResult<Programme> {
    db.write(caller, Action::Update, |tx| {
        let stored = programme::get(tx)?.ok_or_else(missing)?;
        let edited =
            edits::apply("the programme", &stored.to_update(), req.loaded.as_ref(), &req.changes)?.validated()?;
        programme::upsert(tx, &edited)?;
        programme::get(tx)?.ok_or_else(missing)
    })
}
