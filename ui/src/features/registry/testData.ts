// Registry and governance records as the backend returns them, for the registry, data, policy and
// lineage tests: whole objects, so a test only states what it is about.
import type { AdapterVersion } from "../../bindings/AdapterVersion";
import type { AdapterVersionDetail } from "../../bindings/AdapterVersionDetail";
import type { DataPack } from "../../bindings/DataPack";
import type { DataSource } from "../../bindings/DataSource";
import type { Permissions } from "../../bindings/Permissions";
import type { Person } from "../../bindings/Person";
import type { Policy } from "../../bindings/Policy";
import type { RegressionCheck } from "../../bindings/RegressionCheck";
import type { SessionStatus } from "../../bindings/SessionStatus";
import { permissions, session } from "../../test-fixtures";

export function adapterVersion(fields: Partial<AdapterVersion> = {}): AdapterVersion {
  return {
    id: "AV-3",
    adapter_id: "AD-1",
    adapter_name: "claims",
    use_case_id: null,
    version: "1.2.0",
    status: "candidate",
    peft_type: "LORA",
    base_model: "mistralai/Mistral-7B-Instruct-v0.3",
    revision: null,
    r: 16,
    lora_alpha: 32,
    lora_dropout: 0.05,
    target_modules: ["q_proj", "v_proj"],
    bias: "none",
    use_rslora: false,
    use_dora: false,
    task_type: "CAUSAL_LM",
    config_json: "{}",
    weights_file: "adapter_model.safetensors",
    weights_format: "safetensors",
    file_bytes: 2048,
    sha256: "ab".repeat(32),
    tensor_count: 4,
    parameters: 2048,
    dtypes: ["F32"],
    training_params: {},
    data_pack_ids: [],
    source_dir: "/adapters/claims",
    imported_by: "Ana",
    imported_at: "2026-10-01T09:00:00Z",
    ...fields,
  };
}

export function versionDetail(fields: Partial<AdapterVersionDetail> = {}): AdapterVersionDetail {
  return {
    version: adapterVersion(),
    evaluations: [],
    deployments: [],
    next_statuses: ["approved", "retired"],
    deployable: { allowed: false, reason: "Approve the version first: only an approved version can be deployed" },
    ...fields,
  };
}

/** A check of AV-3 against AV-1, the version deployed before it, that passes unless told otherwise. */
export function regressionCheck(fields: Partial<RegressionCheck> = {}): RegressionCheck {
  return {
    adapter_version_id: "AV-3",
    label: "claims 1.2.0",
    use_case_id: "UC-001",
    reference: { kind: "deployed", adapter_version_id: "AV-1", label: "claims 1.0.0" },
    comparisons: [
      {
        suite: "mmlu",
        metric: "acc",
        before: 0.8,
        after: 0.82,
        difference: 0.02,
        tolerance: 0,
        higher_is_better: true,
        verdict: "holds",
      },
    ],
    passes: true,
    decisions: [],
    ...fields,
  };
}

/** The same check with mmlu acc 0.032 worse than before, beyond its tolerance of 0.01. */
export function failingRegressionCheck(fields: Partial<RegressionCheck> = {}): RegressionCheck {
  const check = regressionCheck();
  return {
    ...check,
    comparisons: [
      ...check.comparisons.map((c) => ({ ...c, suite: "hellaswag", metric: "acc_norm" })),
      {
        suite: "mmlu",
        metric: "acc",
        before: 0.812,
        after: 0.78,
        difference: 0.78 - 0.812,
        tolerance: 0.01,
        higher_is_better: true,
        verdict: "worse",
      },
    ],
    passes: false,
    ...fields,
  };
}

export const ANA: Person = {
  id: "P-1",
  name: "Ana",
  roles: ["compliance_officer"],
  active: true,
  created_at: "2026-01-01T00:00:00Z",
};

/** The session with `person` working, every permission allowed unless `denied` says not. */
export function sessionAs(person: Person | null, denied: Partial<Permissions> = {}): SessionStatus {
  return session({ working_as: person, has_people: person !== null, permissions: permissions(denied) });
}

export function policy(fields: Partial<Policy> = {}): Policy {
  return {
    id: "POL-1",
    title: "Acceptable data sources",
    body: "Only sources listed here.",
    category: "acceptable_data_sources",
    owner: "Ana",
    effective_on: "2026-01-01",
    version: "1.0",
    created_at: "2026-01-01T00:00:00Z",
    updated_at: "2026-01-01T00:00:00Z",
    ...fields,
  };
}

export function dataSource(fields: Partial<DataSource> = {}): DataSource {
  return {
    id: "SRC-1",
    name: "Claims archive",
    system: "Guidewire",
    owner: "Claims ops",
    classification: "confidential",
    policy_id: null,
    created_at: "2026-01-01T00:00:00Z",
    updated_at: "2026-01-01T00:00:00Z",
    ...fields,
  };
}

export function dataPack(fields: Partial<DataPack> = {}): DataPack {
  return {
    id: "DP-1",
    name: "claims-2026",
    version: "1.0",
    source_ids: ["SRC-1"],
    curated_by: "Ben",
    record_count: 1200,
    personal_data: "none",
    file: null,
    approved_by: null,
    approved_on: null,
    created_at: "2026-01-01T00:00:00Z",
    ...fields,
  };
}
