import { rebalance, total } from "./weights";

describe("rebalance", () => {
  it("rescales the others in proportion and keeps the sum at 100", () => {
    expect(rebalance({ value: 40, criticality: 30, guardrail: 30 }, "value", 50)).toEqual({
      value: 50,
      criticality: 25,
      guardrail: 25,
    });
    const uneven = rebalance({ value: 40, criticality: 45, guardrail: 15 }, "value", 33);
    expect(total(uneven)).toBe(100);
    expect(uneven.value).toBe(33);
    expect(uneven.criticality).toBeGreaterThan(uneven.guardrail);
  });

  it("shares equally when the others were all zero, and clamps to 0–100", () => {
    expect(rebalance({ value: 100, criticality: 0, guardrail: 0 }, "value", 80)).toEqual({
      value: 80,
      criticality: 10,
      guardrail: 10,
    });
    expect(rebalance({ value: 40, criticality: 30, guardrail: 30 }, "guardrail", 140)).toEqual({
      value: 0,
      criticality: 0,
      guardrail: 100,
    });
  });
});
