// Weight sliders keep the sum at 100: moving one weight rescales the others in proportion (the
// same rule the sensitivity analysis uses), rounded to whole points by largest remainder.
import type { CriterionKey } from "../bindings/CriterionKey";

export type WeightMap = Record<CriterionKey, number>;

export function rebalance(weights: WeightMap, changed: CriterionKey, value: number): WeightMap {
  const target = Math.max(0, Math.min(100, Math.round(value)));
  const others = (Object.keys(weights) as CriterionKey[]).filter((k) => k !== changed);
  const rest = 100 - target;
  const before = others.reduce((sum, k) => sum + weights[k], 0);
  const exact = others.map((k) => (before > 0 ? (weights[k] * rest) / before : rest / others.length));
  const floors = exact.map(Math.floor);
  let missing = rest - floors.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of byRemainder) {
    if (missing <= 0) break;
    floors[i]! += 1;
    missing -= 1;
  }
  const result = { ...weights, [changed]: target };
  others.forEach((k, i) => {
    result[k] = floors[i]!;
  });
  return result;
}

export function total(weights: WeightMap): number {
  return Object.values(weights).reduce((a, b) => a + b, 0);
}
