// Rank movement: when the ranking changes (a weight moved, a figure or rating changed), how many
// places each case moved against the ranking shown just before, kept until the next change. The
// first ranking shown has no movement; the same ranking shown again (saving the previewed
// weights, a refetch that finds nothing new) keeps the movement already shown.
import { useState } from "react";
import type { Ranking } from "../../bindings/Ranking";

/** Places moved by use case id: positive is up (a better rank), negative down; unmoved cases are absent. */
export type RankMovement = ReadonlyMap<string, number>;

const NONE: RankMovement = new Map();

interface Seen {
  ranking: Ranking;
  ranks: Map<string, number>;
  weights: string;
  movement: RankMovement;
}

const ranksOf = (ranking: Ranking) => new Map(ranking.use_cases.map((u) => [u.id, u.rank]));
const weightsOf = (ranking: Ranking) => ranking.criteria.map((c) => `${c.key}=${c.weight}`).join(",");

function sameRanks(a: Map<string, number>, b: Map<string, number>): boolean {
  if (a.size !== b.size) return false;
  for (const [id, rank] of a) if (b.get(id) !== rank) return false;
  return true;
}

/** Movement between two rankings, by id, for the cases in both. */
export function movementBetween(before: Map<string, number>, after: Map<string, number>): RankMovement {
  const moved = new Map<string, number>();
  for (const [id, rank] of after) {
    const was = before.get(id);
    if (was !== undefined && was !== rank) moved.set(id, was - rank);
  }
  return moved;
}

/** The movement to show beside each row of `ranking` (the ranking on screen). */
export function useRankMovement(ranking: Ranking | undefined): RankMovement {
  const [seen, setSeen] = useState<Seen | null>(null);
  if (!ranking || ranking === seen?.ranking) return seen?.movement ?? NONE;
  // A new ranking object: adjust the state while rendering (React's pattern for state derived
  // from a changed prop), so the arrows appear with the rows they belong to.
  const ranks = ranksOf(ranking);
  const weights = weightsOf(ranking);
  let movement = seen?.movement ?? NONE;
  if (seen && (weights !== seen.weights || !sameRanks(ranks, seen.ranks))) {
    movement = movementBetween(seen.ranks, ranks);
  }
  setSeen({ ranking, ranks, weights, movement });
  return movement;
}
