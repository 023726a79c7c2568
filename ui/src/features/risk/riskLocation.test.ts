import { parseRiskParam, riskParam } from "./riskLocation";

describe("the Risk page's location", () => {
  it("carries a use case and, optionally, a tab", () => {
    expect(parseRiskParam(riskParam("UC-007", "bias"))).toEqual({ useCaseId: "UC-007", tab: "bias" });
    expect(parseRiskParam("UC-007")).toEqual({ useCaseId: "UC-007", tab: null });
    expect(parseRiskParam("UC-007#nonsense")).toEqual({ useCaseId: "UC-007", tab: null });
    expect(parseRiskParam(null)).toEqual({ useCaseId: null, tab: null });
  });
});
