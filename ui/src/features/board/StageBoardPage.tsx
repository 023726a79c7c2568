// The stage board: every use case in its stage, discovery → architecture → data → pilot → scaled
// → retired, with the gate each waits on before its next stage and why (in the stage gate's own
// words), its pilot's state, launch readiness and open drift alerts. A card moves on from here,
// or to any other stage; the backend's gate decides and its refusal shows on the card. A card's
// title opens the Pilots page on it. Filters narrow the board to a case, a lane, the cases a
// gate holds back or those with open alerts.
import {
  Alert,
  Badge,
  Group,
  Loader,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { IconSearch } from "@tabler/icons-react";
import { useCallback, useDeferredValue, useMemo, useState } from "react";
import type { BoardCard } from "../../bindings/BoardCard";
import type { Lane } from "../../bindings/Lane";
import type { Stage } from "../../bindings/Stage";
import { TONE } from "../../lib/statusColors";
import { LANE_LABEL, LANES } from "../../lib/vocabulary";
import { useNavigation } from "../../shell/navigation";
import classes from "./board.module.css";
import { BoardColumnView, type CardActions } from "./BoardColumn";
import {
  type BoardFilter,
  type BoardFocus,
  boardTotals,
  isFiltered,
  matches,
  NO_FILTER,
  plural,
  type StageMove,
  useStageBoard,
  useStageMove,
} from "./boardData";
import { MoveStageModal } from "./MoveStageModal";

const FOCUS_OPTIONS: { value: BoardFocus; label: string }[] = [
  { value: "all", label: "All cases" },
  { value: "waiting", label: "Waiting on a gate" },
  { value: "alerts", label: "With open alerts" },
];

export function StageBoardPage() {
  const { navigate } = useNavigation();
  const board = useStageBoard();
  const [filter, setFilter] = useState<BoardFilter>(NO_FILTER);
  // Typing stays responsive with a thousand cards: the columns follow a moment later.
  const shownFilter = useDeferredValue(filter);
  const [refusals, setRefusals] = useState<Record<string, string>>({});
  const [elsewhere, setElsewhere] = useState<BoardCard | null>(null);

  const refused = useCallback(({ id }: StageMove, reason: string) => setRefusals((r) => ({ ...r, [id]: reason })), []);
  const move = useStageMove(refused);
  const { mutate } = move;
  const dismiss = useCallback(
    (id: string) =>
      setRefusals((r) => {
        if (!(id in r)) return r;
        const { [id]: _gone, ...rest } = r;
        return rest;
      }),
    [],
  );
  const actions = useMemo<CardActions>(
    () => ({
      onOpen: (id) => navigate("pilots", id),
      onMove: (id: string, to: Stage) => {
        dismiss(id);
        mutate({ id, to });
      },
      onMoveElsewhere: setElsewhere,
      onDismiss: dismiss,
    }),
    [navigate, mutate, dismiss],
  );

  const columns = useMemo(
    () =>
      (board.data?.columns ?? []).map((column) => ({
        stage: column.stage,
        total: column.cards.length,
        cards: isFiltered(shownFilter) ? column.cards.filter((c) => matches(c, shownFilter)) : column.cards,
      })),
    [board.data, shownFilter],
  );
  const totals = useMemo(() => (board.data ? boardTotals(board.data) : null), [board.data]);
  const moving = move.isPending ? (move.variables?.id ?? null) : null;

  if (board.isPending) return <Loader aria-label="Loading the stage board" />;
  if (board.isError) {
    return (
      <Alert color="red" title="The stage board could not be loaded">
        {board.error.message}
      </Alert>
    );
  }

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>Stage board</Title>
          <Text c="dimmed" size="sm">
            Every use case by stage, with the gate that holds it back from the next one and why. Move a case on from its
            card; the compliance sign-off, launch readiness and regression gates decide.
          </Text>
        </div>
        {totals && (
          <Group gap="xs" data-testid="board-totals">
            <Badge variant="light" color={TONE.neutral} tt="none" miw="max-content">
              {plural(totals.cases, "use case")}
            </Badge>
            <Badge variant="light" color={TONE.attention} tt="none" miw="max-content">
              {totals.waiting} waiting on a gate
            </Badge>
            {totals.openAlerts === 0 ? (
              <Badge variant="light" color={TONE.good} tt="none" miw="max-content" data-testid="board-open-alerts">
                No open drift alert
              </Badge>
            ) : (
              // Shows the cases with open alerts; a second click shows every case again.
              <Badge
                component="button"
                type="button"
                variant="filled"
                color={TONE.bad}
                tt="none"
                miw="max-content"
                style={{ cursor: "pointer" }}
                aria-pressed={filter.focus === "alerts"}
                onClick={() => setFilter((f) => ({ ...f, focus: f.focus === "alerts" ? "all" : "alerts" }))}
                data-testid="board-open-alerts"
              >
                {plural(totals.openAlerts, "open drift alert")}
              </Badge>
            )}
          </Group>
        )}
      </Group>
      {totals?.cases === 0 ? (
        <Paper withBorder p="lg" radius="md" data-testid="board-empty">
          <Text size="sm" c="dimmed">
            No use case yet. Add one on the Portfolio page; it starts in discovery.
          </Text>
        </Paper>
      ) : (
        <>
          <Group gap="sm" align="flex-end">
            <TextInput
              label="Find a case"
              placeholder="Id or title"
              leftSection={<IconSearch size={16} />}
              value={filter.text}
              onChange={(e) => {
                const text = e.currentTarget.value;
                setFilter((f) => ({ ...f, text }));
              }}
              w={260}
              data-testid="board-search"
              data-page-search
            />
            <Select
              label="Lane"
              placeholder="Every lane"
              data={LANES.map((l) => ({ value: l, label: LANE_LABEL[l] }))}
              value={filter.lane}
              onChange={(v) => setFilter((f) => ({ ...f, lane: (v as Lane | null) ?? null }))}
              clearable
              w={180}
              data-testid="board-lane"
            />
            <SegmentedControl
              data={FOCUS_OPTIONS}
              value={filter.focus}
              onChange={(v) => setFilter((f) => ({ ...f, focus: v as BoardFocus }))}
              data-testid="board-focus"
            />
          </Group>
          <div className={classes.board} data-testid="stage-board">
            {columns.map((column) => (
              <BoardColumnView
                key={column.stage}
                stage={column.stage}
                cards={column.cards}
                total={column.total}
                moving={moving}
                refusals={refusals}
                actions={actions}
              />
            ))}
          </div>
        </>
      )}
      <MoveStageModal card={elsewhere} onClose={() => setElsewhere(null)} />
    </Stack>
  );
}
