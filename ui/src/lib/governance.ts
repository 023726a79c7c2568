// How the governance registry's values read and look in the UI: status, classification, policy
// category and personal-data labels and colours, plus short forms for hashes, sizes and counts.
// The Rust enums are the source of truth for the values; which status changes are allowed comes
// with each version (AdapterVersionDetail.next_statuses).
import type { AdapterStatus } from "../bindings/AdapterStatus";
import type { Classification } from "../bindings/Classification";
import type { NodeKind } from "../bindings/NodeKind";
import type { PersonalData } from "../bindings/PersonalData";
import type { PolicyCategory } from "../bindings/PolicyCategory";

/** In the order a version moves through them. */
export const ADAPTER_STATUSES: readonly AdapterStatus[] = ["candidate", "approved", "deployed", "retired"];

export const STATUS_LABEL: Record<AdapterStatus, string> = {
  candidate: "Candidate",
  approved: "Approved",
  deployed: "Deployed",
  retired: "Retired",
};

export const STATUS_COLOR: Record<AdapterStatus, string> = {
  candidate: "gray",
  approved: "blue",
  deployed: "green",
  retired: "dark",
};

export const POLICY_CATEGORIES: readonly PolicyCategory[] = [
  "acceptable_data_sources",
  "rl_boundaries",
  "prompt_management",
  "other",
];

export const POLICY_CATEGORY_LABEL: Record<PolicyCategory, string> = {
  acceptable_data_sources: "Acceptable data sources",
  rl_boundaries: "Reinforcement-learning boundaries",
  prompt_management: "Prompt management responsibilities",
  other: "Other",
};

export const CLASSIFICATIONS: readonly Classification[] = ["public", "internal", "confidential", "personal"];

export const CLASSIFICATION_LABEL: Record<Classification, string> = {
  public: "Public",
  internal: "Internal",
  confidential: "Confidential",
  personal: "Personal data",
};

export const CLASSIFICATION_COLOR: Record<Classification, string> = {
  public: "teal",
  internal: "blue",
  confidential: "orange",
  personal: "red",
};

export const PERSONAL_DATA: readonly PersonalData[] = ["none", "pseudonymised", "personal"];

export const PERSONAL_DATA_LABEL: Record<PersonalData, string> = {
  none: "None",
  pseudonymised: "Pseudonymised",
  personal: "Personal",
};

export const NODE_KIND_LABEL: Record<NodeKind, string> = {
  data_source: "Data source",
  data_pack: "Data pack",
  adapter_version: "Adapter version",
  evaluation: "Evaluation",
  deployment: "Deployment",
};

/** The first 12 hex digits: enough to tell files apart on screen; the full value goes in a tooltip. */
export function shortHash(sha256: string): string {
  return sha256.length > 12 ? `${sha256.slice(0, 12)}…` : sha256;
}

/** 1536 → "1.5 KiB"; bytes as the file system counts them. */
export function formatBytes(bytes: number): string {
  const units = ["B", "KiB", "MiB", "GiB", "TiB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${bytes} B` : `${value.toFixed(1)} ${units[unit]}`;
}

/** 4194304 → "4,194,304". */
export function formatCount(n: number): string {
  return n.toLocaleString("en-GB");
}
