// How the dossier editor's values become the backend's field edits: the form nests the three
// ratings, the backend names them `value_rating`, `criticality_rating` and `guardrail_rating`.
import type { DossierField } from "../../bindings/DossierField";
import type { DossierInput } from "../../bindings/DossierInput";
import type { UseCase } from "../../bindings/UseCase";
import { changedFields } from "../../lib/forms";

const FLAT_FIELDS = [
  "title",
  "business_unit",
  "description",
  "workflow",
  "executive_sponsor",
  "product_owner",
  "annual_value",
  "one_time_cost",
  "monthly_run_cost",
  "data_readiness",
  "data_readiness_notes",
  "risk_class",
  "risk_notes",
  "stage",
  "lane",
] as const;

/** Handler field names → form paths, where they differ. */
export const DOSSIER_PATHS: Record<string, string> = {
  value_rating: "ratings.value",
  criticality_rating: "ratings.criticality",
  guardrail_rating: "ratings.guardrail",
};

/** The fields of `edited` that differ from `loaded`, as the backend's edits. */
export function dossierChanges(loaded: DossierInput, edited: DossierInput): DossierField[] {
  const changes: DossierField[] = changedFields(loaded, edited, FLAT_FIELDS);
  if (loaded.ratings.value !== edited.ratings.value)
    changes.push({ field: "value_rating", value: edited.ratings.value });
  if (loaded.ratings.criticality !== edited.ratings.criticality)
    changes.push({ field: "criticality_rating", value: edited.ratings.criticality });
  if (loaded.ratings.guardrail !== edited.ratings.guardrail)
    changes.push({ field: "guardrail_rating", value: edited.ratings.guardrail });
  return changes;
}

/** A stored use case as the editor's values; `lane` is the lane people chose, not the gate's. */
export function dossierOf(u: UseCase): DossierInput {
  return {
    title: u.title,
    business_unit: u.business_unit,
    description: u.description,
    workflow: u.workflow,
    executive_sponsor: u.executive_sponsor,
    product_owner: u.product_owner,
    annual_value: u.annual_value,
    one_time_cost: u.one_time_cost,
    monthly_run_cost: u.monthly_run_cost,
    ratings: u.ratings,
    data_readiness: u.data_readiness,
    data_readiness_notes: u.data_readiness_notes,
    risk_class: u.risk_class,
    risk_notes: u.risk_notes,
    stage: u.stage,
    lane: u.requested_lane,
  };
}
