import type { DossierInput } from "../../bindings/DossierInput";
import { dossierChanges } from "./dossierEdits";

const loaded: DossierInput = {
  title: "Claims triage",
  business_unit: "Claims",
  description: "",
  workflow: "",
  executive_sponsor: null,
  product_owner: "Aisha",
  annual_value: 1_200_000,
  one_time_cost: 300_000,
  monthly_run_cost: 20_000,
  ratings: { value: 4, criticality: 3, guardrail: 2 },
  data_readiness: null,
  data_readiness_notes: "",
  risk_class: null,
  risk_notes: "",
  stage: "discovery",
  lane: "portfolio",
};

describe("dossierChanges", () => {
  it("sends nothing for an untouched dossier", () => {
    expect(dossierChanges(loaded, structuredClone(loaded))).toEqual([]);
  });

  it("sends only the fields changed, ratings under the backend's names", () => {
    const edited = { ...loaded, workflow: "Intake", product_owner: null, ratings: { ...loaded.ratings, guardrail: 5 } };
    expect(dossierChanges(loaded, edited)).toEqual([
      { field: "workflow", value: "Intake" },
      { field: "product_owner", value: null },
      { field: "guardrail_rating", value: 5 },
    ]);
  });
});
