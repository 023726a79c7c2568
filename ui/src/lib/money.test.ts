import { describe, expect, it } from "vitest";
import { formatMoney, formatMoneyCompact, wholeUnits } from "./money";

describe("money on screen", () => {
  it("shows the currency and thousands separators, cents only when there are some", () => {
    expect(formatMoney(1234567, "EUR")).toMatch(/€\s?1[,.\s\u202f]234[,.\s\u202f]567$/);
    expect(formatMoney(1234.5, "EUR")).toMatch(/1[,.\s\u202f]234[.,]50/);
    expect(formatMoney(0, "USD")).toMatch(/\$\s?0$/);
  });
  it("writes out a code the platform does not know", () => {
    expect(formatMoney(1000, "XQZ")).toMatch(/XQZ/);
  });
  it("shortens headline figures", () => {
    expect(formatMoneyCompact(1_250_000, "EUR")).toMatch(/€\s?1[.,]3\s?M/);
  });

  it("rounds headline amounts to whole units, half away from zero, never to a negative zero", () => {
    expect(formatMoney(wholeUnits(1_804_166.66), "EUR")).toBe(formatMoney(1_804_167, "EUR"));
    expect(wholeUnits(-20_166.66)).toBe(-20_167);
    expect(wholeUnits(2.5)).toBe(3);
    expect(wholeUnits(-2.5)).toBe(-3);
    expect(Object.is(wholeUnits(-0.4), 0)).toBe(true);
  });
});
