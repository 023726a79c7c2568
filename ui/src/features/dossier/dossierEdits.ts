// How the dossier editor's values become the backend's field edits: the form nests the three
// ratings, the backend names them `value_rating`, `criticality_rating` and `guardrail_rating`.
// Amounts and ratings may be blank in the form (a new use case starts without them, so a zero
// cost is typed, never assumed); a blank one is refused by name before anything is sent.
import type { DossierField } from "../../bindings/DossierField";
import type { DossierInput } from "../../bindings/DossierInput";
import type { UseCase } from "../../bindings/UseCase";
import { changedFields } from "../../lib/forms";

/** A number field as the form holds it: "" while blank (Mantine's NumberInput when emptied). */
export type Blankable = number | "";

type Figures = "annual_value" | "one_time_cost" | "monthly_run_cost";

/** The editor's values: the dossier, with its amounts and ratings possibly blank. */
export type DossierValues = Omit<DossierInput, Figures | "ratings"> & {
  [F in Figures]: Blankable;
} & { ratings: { value: Blankable; criticality: Blankable; guardrail: Blankable } };

/** What each required number is called in "… is required". */
export const REQUIRED_NUMBER_LABEL = {
  annual_value: "Annual value",
  one_time_cost: "One-time cost",
  monthly_run_cost: "Monthly run cost",
  "ratings.value": "Value rating",
  "ratings.criticality": "Criticality rating",
  "ratings.guardrail": "Guardrail rating",
} as const;

function filled(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

/** "Annual value is required" for a blank amount or rating; null once a number (0 included) is typed. */
export function requiredNumber(label: string): (value: unknown) => string | null {
  return (value) => (filled(value) ? null : `${label} is required`);
}

/** A new use case: the text fields empty, the amounts and ratings blank until someone types them. */
export const BLANK_DOSSIER: DossierValues = {
  title: "",
  business_unit: "",
  description: "",
  workflow: "",
  executive_sponsor: null,
  product_owner: null,
  annual_value: "",
  one_time_cost: "",
  monthly_run_cost: "",
  ratings: { value: "", criticality: "", guardrail: "" },
  data_readiness: null,
  data_readiness_notes: "",
  risk_class: null,
  risk_notes: "",
  stage: "discovery",
  lane: "portfolio",
};

/** The values as the backend takes them; the form's validation has refused blanks before this. */
export function dossierInput(values: DossierValues): DossierInput {
  const number = (value: Blankable, label: string): number => {
    if (!filled(value)) throw new Error(`${label} is required`);
    return value;
  };
  return {
    ...values,
    annual_value: number(values.annual_value, REQUIRED_NUMBER_LABEL.annual_value),
    one_time_cost: number(values.one_time_cost, REQUIRED_NUMBER_LABEL.one_time_cost),
    monthly_run_cost: number(values.monthly_run_cost, REQUIRED_NUMBER_LABEL.monthly_run_cost),
    ratings: {
      value: number(values.ratings.value, REQUIRED_NUMBER_LABEL["ratings.value"]),
      criticality: number(values.ratings.criticality, REQUIRED_NUMBER_LABEL["ratings.criticality"]),
      guardrail: number(values.ratings.guardrail, REQUIRED_NUMBER_LABEL["ratings.guardrail"]),
    },
  };
}

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
