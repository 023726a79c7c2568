// The stage board's data: the board as the backend computes it (every case by stage, the gate it
// waits on and why, its pilot and open alerts), the filters the page offers over it, and moving a
// case to another stage through the dossier's own update (the stage gate decides; a refusal comes
// back with the backend's reason, shown on the card). The verdicts are the backend's.
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery } from "@tanstack/react-query";
import { api, BackendError } from "../../backend";
import type { BoardCard } from "../../bindings/BoardCard";
import type { Lane } from "../../bindings/Lane";
import type { Stage } from "../../bindings/Stage";
import type { StageBoard } from "../../bindings/StageBoard";
import type { UseCase } from "../../bindings/UseCase";
import { keys, useInvalidate } from "../../lib/queryKeys";
import { STAGE_LABEL } from "../../lib/recordKinds";

export function useStageBoard() {
  return useQuery({ queryKey: keys.board, queryFn: api.pilotBoard });
}

/** Which cards the board shows: all, those a gate holds back, or those with open drift alerts. */
export type BoardFocus = "all" | "waiting" | "alerts";

export interface BoardFilter {
  /** Part of an id or title, any case. */
  text: string;
  lane: Lane | null;
  focus: BoardFocus;
}

export const NO_FILTER: BoardFilter = { text: "", lane: null, focus: "all" };

export function isFiltered(filter: BoardFilter): boolean {
  return filter.text.trim() !== "" || filter.lane !== null || filter.focus !== "all";
}

export function matches(card: BoardCard, filter: BoardFilter): boolean {
  if (filter.lane !== null && card.lane !== filter.lane) return false;
  if (filter.focus === "waiting" && card.waits_on === null) return false;
  if (filter.focus === "alerts" && card.open_alerts === 0) return false;
  const text = filter.text.trim().toLowerCase();
  return text === "" || card.id.toLowerCase().includes(text) || card.title.toLowerCase().includes(text);
}

export interface BoardTotals {
  cases: number;
  waiting: number;
  openAlerts: number;
}

export function boardTotals(board: StageBoard): BoardTotals {
  let cases = 0;
  let waiting = 0;
  let openAlerts = 0;
  for (const column of board.columns) {
    for (const card of column.cards) {
      cases += 1;
      if (card.waits_on !== null) waiting += 1;
      openAlerts += card.open_alerts;
    }
  }
  return { cases, waiting, openAlerts };
}

/** "2 open alerts". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** What a refused move says: the reason alone when the refusal names the stage, else the message. */
export function refusalText(error: Error): string {
  if (error instanceof BackendError && error.code === "invalid_input" && error.reason) return error.reason;
  return error.message;
}

export interface StageMove {
  id: string;
  to: Stage;
}

/**
 * Moves a case to a stage: the same update the dossier editor sends with the stage changed (the
 * stage is not part of what a sign-off binds, so nothing else needs confirming). On success the
 * board, the use case lists and every pilot screen refresh.
 */
export function useStageMove(onRefused?: (move: StageMove, reason: string) => void) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, to }: StageMove): Promise<UseCase> =>
      api.useCaseUpdate({ id, changes: [{ field: "stage", value: to }], loaded: null }),
    // Here rather than per call: with several cards moved in turn, each refusal reaches its card.
    onError: (error, move) => onRefused?.(move, refusalText(error)),
    onSuccess: async (saved, { to }) => {
      await invalidate("useCases", "pilots");
      notifications.show({
        color: "teal",
        title: `${saved.id} moved to ${STAGE_LABEL[to]}`,
        message: saved.title,
      });
    },
  });
}
