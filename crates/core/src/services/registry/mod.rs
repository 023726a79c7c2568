//! The governance registry: policy guardrails, data sources and packs (with their approvals),
//! LoRA adapters read from PEFT folders, evaluations, deployments and the lineage drawn from
//! them.

pub mod adapters;
pub mod evaluations;
pub mod governance;
pub mod lineage;
pub(crate) mod read;
pub mod regression;
