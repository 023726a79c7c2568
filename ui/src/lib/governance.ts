// The governance registry's values in the order the UI lists them (statuses, classifications,
// policy categories, personal-data states), plus short forms for hashes, sizes and counts. The
// Rust enums are the source of truth for the values; which status changes are allowed comes with
// each version (AdapterVersionDetail.next_statuses). Labels are in ./recordKinds, colours in
// ./statusColors.
import type { AdapterStatus } from "../bindings/AdapterStatus";
import type { Classification } from "../bindings/Classification";
import type { PersonalData } from "../bindings/PersonalData";
import type { PolicyCategory } from "../bindings/PolicyCategory";

/** In the order a version moves through them. */
export const ADAPTER_STATUSES: readonly AdapterStatus[] = ["candidate", "approved", "deployed", "retired"];

export const POLICY_CATEGORIES: readonly PolicyCategory[] = [
  "acceptable_data_sources",
  "rl_boundaries",
  "prompt_management",
  "other",
];

export const CLASSIFICATIONS: readonly Classification[] = ["public", "internal", "confidential", "personal"];

export const PERSONAL_DATA: readonly PersonalData[] = ["none", "pseudonymised", "personal"];

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
