// Rankings as the backend returns them, for the portfolio's and research lane's tests: `n` cases
// ranked 1..n (or in a given order), with the default criteria and a programme in a currency.
import type { Criterion } from "../../bindings/Criterion";
import type { Programme } from "../../bindings/Programme";
import type { RankedUseCase } from "../../bindings/RankedUseCase";
import type { Ranking } from "../../bindings/Ranking";
import { aUseCase } from "../../test-fixtures";

export const CRITERIA: Criterion[] = [
  { key: "value", name: "Annualised value", weight: 40, direction: "benefit" },
  { key: "criticality", name: "Process criticality", weight: 30, direction: "benefit" },
  { key: "guardrail", name: "Guardrail complexity", weight: 30, direction: "cost" },
];

const pad = (i: number) => String(i).padStart(5, "0");

export function aRankedCase(i: number, overrides: Partial<RankedUseCase> = {}): RankedUseCase {
  return {
    ...aUseCase({ id: `UC-${pad(i)}`, title: `Case ${pad(i)}`, annual_value: 1_000_000 + i }),
    score: 90 - i / 1000,
    rank: i,
    rank_range: [i, i],
    ...overrides,
  };
}

/** Cases UC-00001…UC-{n} ranked in that order. */
export function ranking(n: number, criteria: Criterion[] = CRITERIA): Ranking {
  return { criteria, use_cases: Array.from({ length: n }, (_, k) => aRankedCase(k + 1)) };
}

/** The same cases re-ranked: `order` lists the case numbers best first. */
export function reranked(order: number[], criteria: Criterion[] = CRITERIA): Ranking {
  return { criteria, use_cases: order.map((i, k) => aRankedCase(i, { rank: k + 1, rank_range: [k + 1, k + 1] })) };
}

export function programme(currency: string): Programme {
  return {
    name: "Halden",
    currency,
    settings: { payback_horizon_months: 6, backups_kept: 14, research_review_months: 3 },
    created_at: "2026-01-01T00:00:00Z",
    updated_at: "2026-01-01T00:00:00Z",
  };
}
