//! The demo's blueprints: the wealth, claims and KYC cases' four parts complete and reviewed, the
//! protocol co-pilot's just begun (two parts written, none reviewed), so a newcomer sees the
//! states a part can be in.

use serde::Deserialize;

use crate::error::CoreResult;
use crate::pilots::blueprint::PartContent;
use crate::store::{adapter, blueprint, Tx};

#[derive(Debug, Clone, Deserialize)]
pub struct DemoBlueprint {
    /// The use case, by title.
    pub use_case: String,
    pub parts: Vec<DemoBlueprintPart>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct DemoBlueprintPart {
    pub owner: String,
    #[serde(default)]
    pub reviewed_by: Option<String>,
    /// The launch version of the registry part, by adapter name and version (ids are the
    /// portfolio's own).
    #[serde(default)]
    pub launch: Option<DemoLaunch>,
    pub content: PartContent,
}

#[derive(Debug, Clone, Deserialize)]
pub struct DemoLaunch {
    pub adapter: String,
    pub version: String,
}

/// Writes each part as its owner would, then the review; a launch version whose adapter was not
/// imported (no adapters folder) is left unset, and the part shows incomplete.
pub(crate) fn install(
    tx: &Tx,
    blueprints: &[DemoBlueprint],
    id_of: impl Fn(&str) -> CoreResult<String>,
) -> CoreResult<()> {
    for b in blueprints {
        let use_case_id = id_of(&b.use_case)?;
        for p in &b.parts {
            let mut content = p.content.validated()?;
            if let (PartContent::Registry(r), Some(launch)) = (&mut content, &p.launch) {
                r.adapter_version_id = match adapter::find_adapter(tx, &launch.adapter)? {
                    Some((adapter_id, _)) => adapter::version_id(tx, &adapter_id, &launch.version)?,
                    None => None,
                };
            }
            blueprint::save(tx, &use_case_id, &p.owner, &content, &p.owner)?;
            if let Some(reviewer) = &p.reviewed_by {
                if content.missing().is_empty() {
                    blueprint::review(tx, &use_case_id, content.part(), reviewer)?;
                }
            }
        }
    }
    Ok(())
}
