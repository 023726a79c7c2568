//! The launch readiness gate: every item read from the records it names, each met or not with
//! where to fix it. `pilot start` refuses with the same unmet items; the app shows the same list.

use rusqlite::Connection;

use super::blueprint;
use crate::compliance::{oversight_gaps, OversightInput};
use crate::error::CoreResult;
use crate::pilots::blueprint::{BlueprintPart, PartContent};
use crate::pilots::readiness::{Readiness, ReadinessItem};
use crate::registry::lineage;
use crate::services::compliance::signoffs;
use crate::services::discovery::read::require_for as use_case_for;
use crate::services::registry::read;
use crate::store::{oversight, pilot, regression, Db};

fn item(key: &str, title: &str, met: bool, detail: String) -> ReadinessItem {
    ReadinessItem { key: key.into(), title: title.into(), met, detail }
}

pub(crate) fn check_in(conn: &Connection, use_case_id: &str) -> CoreResult<Readiness> {
    let use_case_id = use_case_for(conn, "use_case_id", use_case_id)?.id;
    let bp = blueprint::read_in(conn, &use_case_id)?;
    let mut items = Vec::new();

    let unfinished: Vec<String> = bp
        .parts
        .iter()
        .filter(|p| !p.missing.is_empty() || !p.reviewed())
        .map(|p| {
            if p.missing.is_empty() {
                format!("{} awaits review", p.title)
            } else {
                format!("{} lacks {}", p.title, p.missing.join(", "))
            }
        })
        .collect();
    items.push(item(
        "blueprint",
        "Blueprint complete, all four parts reviewed",
        unfinished.is_empty(),
        if unfinished.is_empty() {
            "all four parts complete and reviewed".into()
        } else {
            format!("{} (Blueprint tab of the dossier, or `steerco blueprint`)", unfinished.join("; "))
        },
    ));

    let signoff = signoffs::latest_in(conn, &use_case_id)?;
    items.push(match &signoff {
        Some(s) if !s.stale => item(
            "signoff",
            "A current compliance sign-off",
            true,
            format!("{} by {}", s.signoff.id, s.signoff.signed_by),
        ),
        Some(s) => item(
            "signoff",
            "A current compliance sign-off",
            false,
            format!(
                "{} is stale: the dossier or its evidence changed since; a compliance officer signs again (Sign-offs)",
                s.signoff.id
            ),
        ),
        None => item(
            "signoff",
            "A current compliance sign-off",
            false,
            "never signed off; a compliance officer signs it off (Sign-offs)".into(),
        ),
    });

    let pilot = match pilot::id_for_use_case(conn, &use_case_id)? {
        Some(id) => pilot::get(conn, &id)?,
        None => None,
    };
    items.push(match &pilot {
        None => item(
            "protocols",
            "Training, fallback and evaluation protocols defined",
            false,
            "no pilot yet; create it with its workflow, then define the protocols (`steerco pilot create`, `pilot protocol`)"
                .into(),
        ),
        Some(p) if p.missing_protocols.is_empty() => item(
            "protocols",
            "Training, fallback and evaluation protocols defined",
            true,
            format!("{}: training, fallback and evaluation defined", p.id),
        ),
        Some(p) => item(
            "protocols",
            "Training, fallback and evaluation protocols defined",
            false,
            format!("{} lacks {} (`steerco pilot protocol {}`)", p.id, p.missing_protocols.join(", "), p.id),
        ),
    });

    let plan = oversight::get(conn, &use_case_id)?.map(|(o, _)| o).unwrap_or(OversightInput {
        use_case_id: use_case_id.clone(),
        accountable_person: String::new(),
        intervention_procedure: String::new(),
        fallback_owner: String::new(),
        max_intervention_minutes: None,
    });
    let gaps = oversight_gaps(&plan);
    items.push(item(
        "oversight",
        "Human-oversight plan complete",
        gaps.is_empty(),
        if gaps.is_empty() {
            format!("{} is accountable", plan.accountable_person)
        } else {
            format!("the plan lacks {} (Risk → Oversight, or `steerco oversight set`)", gaps.join(", "))
        },
    ));

    let launch = bp.launch_version().map(str::to_owned);
    let baseline = regression::baseline(conn, &use_case_id)?;
    items.push(match (&launch, &baseline) {
        (None, _) => item(
            "baseline",
            "Evaluation baseline recorded for the launch version",
            false,
            "no launch version in the blueprint's registry part yet".into(),
        ),
        (Some(_), None) => item(
            "baseline",
            "Evaluation baseline recorded for the launch version",
            false,
            "no baseline evaluation recorded for the use case (Registry → the version → an evaluation → Mark as baseline)"
                .into(),
        ),
        (Some(version), Some(evaluation_id)) => {
            let of = crate::store::evaluation::require(conn, evaluation_id)?.adapter_version_id;
            item(
                "baseline",
                "Evaluation baseline recorded for the launch version",
                &of == version,
                if &of == version {
                    format!("{evaluation_id} of {version}")
                } else {
                    format!("the baseline {evaluation_id} is of {of}, not of the launch version {version}; mark an evaluation of {version} as baseline")
                },
            )
        }
    });

    items.push(match &launch {
        None => item("lineage", "Lineage check clean for the launch version", false, "no launch version yet".into()),
        Some(version) => {
            let graph = lineage::graph(&read::records(conn, read::version_for(conn, "adapter_version_id", version)?)?);
            let gaps: Vec<String> = graph.gaps.iter().map(|g| g.message.clone()).collect();
            item(
                "lineage",
                "Lineage check clean for the launch version",
                gaps.is_empty(),
                if gaps.is_empty() {
                    format!("{version}: no gaps")
                } else {
                    format!("{} (Lineage → {version})", gaps.join("; "))
                },
            )
        }
    });

    let monitoring = &bp.part(BlueprintPart::Monitoring).content;
    let drift = monitoring.drift_defined();
    let feedback = monitoring.feedback_defined();
    items.push(item(
        "monitoring",
        "Drift metric with threshold and a feedback channel defined",
        drift && feedback,
        match (drift, feedback, monitoring) {
            (true, true, PartContent::Monitoring(m)) => {
                let direction = m.drift_direction.map_or("", |d| d.as_str());
                format!(
                    "{} alerts {direction} {}; feedback via {}",
                    m.drift_metric,
                    m.drift_threshold.unwrap_or_default(),
                    m.feedback_channel
                )
            }
            (false, true, _) => {
                "no drift metric with baseline, threshold and direction (blueprint's monitoring part)".into()
            }
            (true, false, _) => {
                "no feedback channel with owner and review frequency (blueprint's monitoring part)".into()
            }
            _ => "neither a drift metric nor a feedback channel (blueprint's monitoring part)".into(),
        },
    ));
    Ok(Readiness::new(use_case_id, items))
}

pub fn check(db: &Db, use_case_id: &str) -> CoreResult<Readiness> {
    db.read(|c| check_in(c, use_case_id))
}
