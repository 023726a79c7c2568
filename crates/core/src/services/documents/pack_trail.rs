//! The audit records a pack shows per dossier: the trail read once for the whole pack, looked
//! up by the ids each dossier holds.

use std::collections::HashMap;
use std::sync::Arc;

use rusqlite::Connection;

use super::pack::PackDossier;
use crate::audit::AuditLine;
use crate::error::CoreResult;
use crate::store::document_export::audit_lines;

/// The trail's lines, read once and shared by every dossier that shows them.
pub(super) fn read_lines(c: &Connection) -> CoreResult<Vec<Arc<AuditLine>>> {
    Ok(audit_lines(c)?.into_iter().map(Arc::new).collect())
}

/// The trail's records by the ids they name (the record's own id, the id before a `/`, and the
/// subject): each dossier looks its records up rather than scanning the whole trail, which for a
/// thousand dossiers was most of the pack's reading.
pub(super) struct AuditIndex<'a> {
    lines: &'a [Arc<AuditLine>],
    by_id: HashMap<&'a str, Vec<usize>>,
}

impl<'a> AuditIndex<'a> {
    pub(super) fn new(lines: &'a [Arc<AuditLine>]) -> AuditIndex<'a> {
        let mut by_id: HashMap<&'a str, Vec<usize>> = HashMap::new();
        for (i, l) in lines.iter().enumerate() {
            let head = l.entity_id.split('/').next().unwrap_or("");
            let mut keys = vec![l.entity_id.as_str(), l.subject.as_str(), head];
            keys.sort_unstable();
            keys.dedup();
            for key in keys {
                by_id.entry(key).or_default().push(i);
            }
        }
        AuditIndex { lines, by_id }
    }

    /// The records of the dossier's use case and of everything it holds, oldest first.
    pub(super) fn of(&self, d: &PackDossier) -> Vec<Arc<AuditLine>> {
        let mut ids: Vec<&str> = vec![&d.use_case.id];
        for v in &d.versions {
            ids.push(&v.id);
            ids.push(&v.adapter_id);
        }
        ids.extend(d.evaluations.iter().map(|e| e.id.as_str()));
        ids.extend(d.deployments.iter().map(|e| e.id.as_str()));
        ids.extend(d.alerts.iter().map(|e| e.id.as_str()));
        if let Some(p) = &d.pilot {
            ids.push(&p.id);
            ids.extend(p.phases.iter().map(|x| x.id.as_str()));
            ids.extend(p.kpis.iter().map(|x| x.id.as_str()));
            ids.extend(p.incidents.iter().map(|x| x.id.as_str()));
        }
        let mut at: Vec<usize> = ids.iter().filter_map(|id| self.by_id.get(id)).flatten().copied().collect();
        at.sort_unstable();
        at.dedup();
        at.into_iter().map(|i| Arc::clone(&self.lines[i])).collect()
    }
}
