//! Gathering what sign-off content is built from: everything one sign-off needs
//! (`Evidence::for_entity`), or the whole portfolio in one query per table (`Evidence::all`) for
//! the queue, the badges and the overview.

use std::collections::HashMap;

use rusqlite::Connection;

use super::*;
/// The records sign-off content is built from.
#[derive(Debug, Default)]
pub(crate) struct Evidence {
    pub(super) use_cases: HashMap<String, UseCase>,
    pub(super) versions: Vec<AdapterVersion>,
    pub(super) evaluations: HashMap<String, Evaluation>,
    pub(super) oversight: HashMap<String, Oversight>,
    pub(super) risks: Vec<Risk>,
    pub(super) bias_checks: Vec<BiasCheck>,
    pub(super) packs: HashMap<String, DataPack>,
    pub(super) sources: HashMap<String, DataSource>,
    pub(super) baselines: HashMap<String, String>,
}

impl Evidence {
    /// The whole portfolio, one query per table.
    pub(crate) fn all(conn: &Connection) -> CoreResult<Evidence> {
        Evidence::all_with(conn, &use_cases::list(conn)?)
    }

    /// As `all`, with the portfolio's use cases already read.
    pub(crate) fn all_with(conn: &Connection, cases: &[UseCase]) -> CoreResult<Evidence> {
        let use_cases: HashMap<String, UseCase> = cases.iter().map(|c| (c.id.clone(), c.clone())).collect();
        let oversight = oversight::all(conn)?
            .into_iter()
            .map(|(input, at)| {
                (input.use_case_id.clone(), Oversight::from_stored(&input.use_case_id.clone(), Some((input, at))))
            })
            .collect();
        Ok(Evidence {
            use_cases,
            versions: adapter::all_versions(conn)?,
            evaluations: evaluation::all(conn)?.into_iter().map(|e| (e.id.clone(), e)).collect(),
            oversight,
            risks: risk::list(conn, None)?,
            bias_checks: bias_check::list(conn, None)?,
            packs: data_pack::list(conn)?.into_iter().map(|p| (p.id.clone(), p)).collect(),
            sources: data_source::list(conn)?.into_iter().map(|s| (s.id.clone(), s)).collect(),
            baselines: evaluation::baselines(conn)?.into_iter().collect(),
        })
    }

    /// What the content of `entity_id` needs, and no more.
    pub(crate) fn for_entity(conn: &Connection, entity_id: &str) -> CoreResult<Evidence> {
        let id = entity_id.trim();
        let mut e = Evidence::default();
        match kind_of(id)? {
            SignoffKind::UseCase => {
                let case = use_cases::require(conn, id)?;
                if let Some(stored) = oversight::get(conn, &case.id)? {
                    e.oversight.insert(case.id.clone(), Oversight::from_stored(&case.id, Some(stored)));
                }
                e.risks = risk::list(conn, Some(&case.id))?;
                e.bias_checks = bias_check::list(conn, Some(&case.id))?;
                e.versions =
                    adapter::all_versions(conn)?.into_iter().filter(|v| v.use_case_id.as_deref() == Some(id)).collect();
                e.baselines = evaluation::baselines(conn)?.into_iter().filter(|(uc, _)| *uc == case.id).collect();
                e.use_cases.insert(case.id.clone(), case);
            }
            SignoffKind::AdapterVersion => {
                let v = adapter::require_version(conn, id)?;
                for pack_id in &v.data_pack_ids {
                    let pack = data_pack::require(conn, pack_id)?;
                    for source_id in &pack.source_ids {
                        if let Some(s) = data_source::get(conn, source_id)? {
                            e.sources.insert(s.id.clone(), s);
                        }
                    }
                    e.packs.insert(pack.id.clone(), pack);
                }
                e.evaluations =
                    evaluation::for_version(conn, &v.id)?.into_iter().map(|ev| (ev.id.clone(), ev)).collect();
                e.versions = vec![v];
            }
            SignoffKind::Evaluation => {
                let ev = evaluation::require(conn, id)?;
                e.evaluations.insert(ev.id.clone(), ev);
            }
        }
        Ok(e)
    }

    /// `NotFound` when `entity_id` names no record, as `for_entity` says it, without gathering
    /// the evidence of a use case.
    pub(crate) fn require_record(conn: &Connection, entity_id: &str) -> CoreResult<()> {
        let id = entity_id.trim();
        match kind_of(id)? {
            SignoffKind::UseCase => use_cases::require(conn, id).map(drop),
            SignoffKind::AdapterVersion | SignoffKind::Evaluation => Evidence::for_entity(conn, id).map(drop),
        }
    }

    /// The content a sign-off of `entity_id` binds now; `NotFound` when the record is gone.
    pub(crate) fn content(&self, entity_id: &str) -> CoreResult<Content> {
        let id = entity_id.trim();
        let gone = |entity: &'static str| CoreError::NotFound { entity, id: id.to_owned() };
        match kind_of(id)? {
            SignoffKind::UseCase => {
                let c = self.use_cases.get(id).ok_or_else(|| gone("use case"))?;
                Content::new(SignoffKind::UseCase, format!("{} {}", c.id, c.title), &self.use_case_view(c))
            }
            SignoffKind::AdapterVersion => {
                let v = self.versions.iter().find(|v| v.id == id).ok_or_else(|| gone("adapter version"))?;
                Content::new(
                    SignoffKind::AdapterVersion,
                    format!("{} {} {}", v.id, v.adapter_name, v.version),
                    &self.version_view(v)?,
                )
            }
            SignoffKind::Evaluation => {
                let e = self.evaluations.get(id).ok_or_else(|| gone("evaluation"))?;
                Content::new(SignoffKind::Evaluation, format!("{} {}", e.id, e.title), &evaluation_view(e))
            }
        }
    }

    fn use_case_view<'a>(&'a self, c: &'a UseCase) -> UseCaseContent<'a> {
        // An absent plan reads as an empty one.
        let plan = self.oversight.get(&c.id).cloned().unwrap_or_else(|| Oversight::from_stored(&c.id, None));
        UseCaseContent {
            kind: "use_case",
            dossier: DossierView {
                id: &c.id,
                title: &c.title,
                business_unit: &c.business_unit,
                description: &c.description,
                workflow: &c.workflow,
                executive_sponsor: c.executive_sponsor.as_deref(),
                product_owner: c.product_owner.as_deref(),
                annual_value: c.annual_value,
                one_time_cost: c.one_time_cost,
                monthly_run_cost: c.monthly_run_cost,
                ratings: c.ratings,
                data_readiness: c.data_readiness,
                data_readiness_notes: &c.data_readiness_notes,
                risk_class: c.risk_class,
                risk_notes: &c.risk_notes,
                requested_lane: c.requested_lane,
                lane_override: c
                    .lane_override
                    .as_ref()
                    .map(|o| OverrideView { decided_by: &o.decided_by, reason: &o.reason }),
            },
            oversight: OversightView {
                accountable_person: plan.accountable_person,
                intervention_procedure: plan.intervention_procedure,
                fallback_owner: plan.fallback_owner,
                max_intervention_minutes: plan.max_intervention_minutes,
            },
            risks: self
                .risks
                .iter()
                .filter(|r| r.use_case_id == c.id)
                .map(|r| RiskView {
                    id: &r.id,
                    title: &r.title,
                    likelihood: r.likelihood,
                    impact: r.impact,
                    owner: &r.owner,
                    mitigation: &r.mitigation,
                    status: r.status,
                })
                .collect(),
            bias_checks: self
                .bias_checks
                .iter()
                .filter(|b| b.use_case_id == c.id)
                .map(|b| BiasView {
                    id: &b.id,
                    kind: b.kind,
                    sha256: &b.sha256,
                    threshold: b.threshold,
                    threshold_rationale: &b.threshold_rationale,
                    passed: b.passed,
                    adapter_version_id: b.adapter_version_id.as_deref(),
                    run_by: &b.run_by,
                    checked_at: b.checked_at,
                })
                .collect(),
            adapter_versions: self
                .versions
                .iter()
                .filter(|v| v.use_case_id.as_deref() == Some(c.id.as_str()))
                .map(|v| VersionRefView { id: &v.id, adapter: &v.adapter_name, version: &v.version, sha256: &v.sha256 })
                .collect(),
            baseline_evaluation: self.baselines.get(&c.id).map(String::as_str),
        }
    }

    fn version_view<'a>(&'a self, v: &'a AdapterVersion) -> CoreResult<VersionContent<'a>> {
        let data_packs = v
            .data_pack_ids
            .iter()
            .map(|id| {
                let p =
                    self.packs.get(id).ok_or_else(|| CoreError::NotFound { entity: "data pack", id: id.clone() })?;
                Ok(PackView {
                    id: &p.id,
                    name: &p.name,
                    version: &p.version,
                    sources: p
                        .source_ids
                        .iter()
                        .filter_map(|s| self.sources.get(s))
                        .map(|s| SourceView {
                            id: &s.id,
                            name: &s.name,
                            system: &s.system,
                            owner: &s.owner,
                            classification: s.classification,
                            accepted_under: s.policy_id.as_deref(),
                        })
                        .collect(),
                    curated_by: &p.curated_by,
                    record_count: p.record_count,
                    personal_data: p.personal_data,
                    approved_by: p.approved_by.as_deref(),
                    approved_on: p.approved_on.as_deref(),
                    sha256: p.file.as_ref().map(|f| f.sha256.as_str()),
                })
            })
            .collect::<CoreResult<Vec<_>>>()?;
        let mut evaluations: Vec<&Evaluation> =
            self.evaluations.values().filter(|e| e.adapter_version_id == v.id).collect();
        evaluations.sort_by(|a, b| (&a.run_on, &a.id).cmp(&(&b.run_on, &b.id)));
        Ok(VersionContent {
            kind: "adapter_version",
            version: VersionView {
                id: &v.id,
                adapter: &v.adapter_name,
                use_case_id: v.use_case_id.as_deref(),
                version: &v.version,
                peft_type: &v.peft_type,
                base_model: v.base_model.as_deref(),
                revision: v.revision.as_deref(),
                r: v.r,
                lora_alpha: v.lora_alpha,
                lora_dropout: v.lora_dropout,
                target_modules: &v.target_modules,
                weights_file: &v.weights_file,
                sha256: &v.sha256,
                parameters: v.parameters,
                training_params: &v.training_params,
                bias: v.bias.as_deref(),
                use_rslora: v.use_rslora,
                use_dora: v.use_dora,
                task_type: v.task_type.as_deref(),
                config: serde_json::from_str(&v.config_json)?,
            },
            data_packs,
            evaluations: evaluations
                .into_iter()
                .map(|e| EvaluationRefView { id: &e.id, sha256: &e.sha256, metrics: &e.metrics })
                .collect(),
        })
    }
}
