// The portfolio, ranked: weights that re-rank live, the scoring matrix, filters and the table.
// The weights and the matrix fold away (the choice is remembered), so the table is in view on a
// laptop screen. Moving a slider updates its figure at once and asks for the new ranking when the
// thumb is released or rests for 150 ms; typing in the search box filters without holding up
// the keystrokes. After each change of the ranking every row shows how far it moved.
//
// The page is cut into memoised parts (header, panels, each filter, table, dossier) that take
// stable props, so a keystroke, a slider move or a new ranking re-renders only the parts it
// changes: at 1,000 cases a render of everything cost more than the change itself.
import { Accordion, Alert, Button, Group, Loader, Stack, Text, TextInput, Title, Tooltip } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconPlus, IconSearch } from "@tabler/icons-react";
import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import { memo, useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from "react";
import { api, BackendError } from "../../backend";
import type { Criterion } from "../../bindings/Criterion";
import type { Lane } from "../../bindings/Lane";
import type { RankedUseCase } from "../../bindings/RankedUseCase";
import type { Stage } from "../../bindings/Stage";
import { LazyMultiSelect } from "../../components/LazyMultiSelect";
import { programmeQuery } from "../../lib/money";
import { keys, useInvalidate } from "../../lib/queryKeys";
import { isStringList, useRemembered } from "../../lib/useRemembered";
import { LANE_LABEL, LANES, STAGE_LABEL, STAGES } from "../../lib/vocabulary";
import type { WeightMap } from "../../lib/weights";
import { usePageParam } from "../../shell/navigation";
import { useShellCommand } from "../../shell/shellCommands";
import { actionKeys, keysText } from "../../shell/shortcuts";
import { DossierDrawer, type DossierTarget } from "../dossier/DossierDrawer";
import { staleSignoffsQuery } from "../signoffs/staleSignoffs";
import { CsvActions } from "./CsvActions";
import { RankedTable } from "./RankedTable";
import { useRankMovement } from "./rankMovement";
import { ScoringMatrix } from "./ScoringMatrix";
import { storedWeights, WeightsPanel, weightsSummary } from "./WeightsPanel";

const asWeights = (w: WeightMap) => [
  { criterion: "value" as const, weight: w.value },
  { criterion: "criticality" as const, weight: w.criticality },
  { criterion: "guardrail" as const, weight: w.guardrail },
];

/** How long the sliders rest before the ranking is asked for (a release asks at once). */
const RANK_AFTER_MS = 150;

/** Which of the folding panels are open, remembered across sessions on this machine. */
export const PANELS_KEY = "steerco.portfolio.panels";
const DEFAULT_PANELS = ["weights"];

const LANE_OPTIONS = LANES.map((l: Lane) => ({ value: l, label: LANE_LABEL[l] }));
const STAGE_OPTIONS = STAGES.map((s: Stage) => ({ value: s, label: STAGE_LABEL[s] }));

// The table re-renders only when its rows, the movement or the opener change, not when a slider
// figure or a filter's text does.
const Table = memo(RankedTable);
const Dossier = memo(DossierDrawer);

const Header = memo(function Header({ onNew }: { onNew: () => void }) {
  return (
    <Group justify="space-between" align="flex-end">
      <div>
        <Title order={2}>Portfolio</Title>
        <Text c="dimmed" size="sm">
          Ranked by score; ties go to the shorter payback, then the title.
        </Text>
      </div>
      <Group gap="xs">
        <CsvActions />
        <Tooltip label={`New use case (${keysText(actionKeys("newUseCase"))})`}>
          <Button leftSection={<IconPlus size={16} />} onClick={onNew}>
            New use case
          </Button>
        </Tooltip>
      </Group>
    </Group>
  );
});

interface PanelsProps {
  panels: string[];
  onPanels: (panels: string[]) => void;
  criteria: Criterion[];
  draft: WeightMap | null;
  onDraft: (weights: WeightMap | null) => void;
  onCommit: (weights: WeightMap) => void;
  onSave: (weights: WeightMap) => void;
  saving: boolean;
}

const ScoringPanels = memo(function ScoringPanels({
  panels,
  onPanels,
  criteria,
  draft,
  onDraft,
  onCommit,
  onSave,
  saving,
}: PanelsProps) {
  return (
    <Accordion multiple value={panels} onChange={onPanels} variant="separated" chevronPosition="left">
      <Accordion.Item value="weights">
        <Accordion.Control data-testid="toggle-weights">
          <Group justify="space-between" wrap="nowrap" pr="sm">
            <Text fw={600}>Scoring weights</Text>
            <Group gap="sm" wrap="nowrap">
              {!panels.includes("weights") && (
                <Text size="sm" c="dimmed" truncate>
                  {weightsSummary(criteria, draft ?? storedWeights(criteria))}
                </Text>
              )}
              {draft && (
                <Text size="xs" c="orange.7" fw={600} style={{ whiteSpace: "nowrap" }}>
                  Previewing — not saved
                </Text>
              )}
            </Group>
          </Group>
        </Accordion.Control>
        <Accordion.Panel>
          <WeightsPanel
            criteria={criteria}
            draft={draft}
            onDraft={onDraft}
            onCommit={onCommit}
            onSave={onSave}
            saving={saving}
          />
        </Accordion.Panel>
      </Accordion.Item>
      <Accordion.Item value="matrix">
        <Accordion.Control data-testid="toggle-matrix">
          <Group justify="space-between" wrap="nowrap" pr="sm">
            <Text fw={600}>Scoring matrix</Text>
            {!panels.includes("matrix") && (
              <Text size="sm" c="dimmed">
                Annualised value against guardrail complexity
              </Text>
            )}
          </Group>
        </Accordion.Control>
        {/* Drawn only while open: a folded matrix costs nothing. */}
        <Accordion.Panel>{panels.includes("matrix") && <ScoringMatrix />}</Accordion.Panel>
      </Accordion.Item>
    </Accordion>
  );
});

const SEARCH_ICON = <IconSearch size={16} />;

const Search = memo(function Search({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  return (
    <TextInput
      label="Search"
      aria-label="Search use cases"
      placeholder="Title, unit, people…"
      leftSection={SEARCH_ICON}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      w={220}
    />
  );
});

/**
 * Whether a query the table also reads has answered once (data or a failure). Waiting only for
 * the first answer matters: a failed query is fetched again when the table's own reader mounts,
 * and waiting for that fetch too would take the table down again, in a loop.
 */
const answered = (query: { isPending: boolean; errorUpdateCount: number }) =>
  !query.isPending || query.errorUpdateCount > 0;

function matches(u: RankedUseCase, needle: string): boolean {
  return (
    u.id.toLowerCase().includes(needle) ||
    u.title.toLowerCase().includes(needle) ||
    u.business_unit.toLowerCase().includes(needle) ||
    (u.executive_sponsor ?? "").toLowerCase().includes(needle) ||
    (u.product_owner ?? "").toLowerCase().includes(needle)
  );
}

export function PortfolioPage() {
  const invalidate = useInvalidate();
  // What the sliders show, and the weights the previewed ranking is asked for (the same, once
  // the sliders rest).
  const [draft, setDraft] = useState<WeightMap | null>(null);
  const [asked, setAsked] = useState<WeightMap | null>(null);
  const [lanes, setLanes] = useState<string[]>([]);
  const [stages, setStages] = useState<string[]>([]);
  const [units, setUnits] = useState<string[]>([]);
  const [search, setSearch] = useState("");
  // Opened on a use case from another page (a sign-off review's check): its dossier, open.
  const openedOn = usePageParam("portfolio");
  const [target, setTarget] = useState<DossierTarget | null>(openedOn ? { kind: "existing", id: openedOn } : null);
  const openNew = useCallback(() => setTarget({ kind: "new" }), []);
  useShellCommand("new-use-case", openNew);
  const [panels, setPanels] = useRemembered(PANELS_KEY, DEFAULT_PANELS, isStringList);

  const pending = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(pending.current), []);
  const changeDraft = useCallback((weights: WeightMap | null) => {
    setDraft(weights);
    clearTimeout(pending.current);
    if (weights === null) setAsked(null);
    else pending.current = setTimeout(() => setAsked(weights), RANK_AFTER_MS);
  }, []);
  const commitDraft = useCallback((weights: WeightMap) => {
    clearTimeout(pending.current);
    setAsked(weights);
  }, []);

  // The stored weights rank the portfolio; moving a slider previews another ranking without
  // saving, and the sliders' starting point stays the stored one.
  const stored = useQuery({ queryKey: keys.ranking(null), queryFn: () => api.scoringRank({ weights: null }) });
  const askedWeights = asked ? asWeights(asked) : null;
  const preview = useQuery({
    queryKey: keys.ranking(askedWeights),
    queryFn: () => api.scoringRank({ weights: askedWeights }),
    enabled: askedWeights !== null,
    placeholderData: keepPreviousData,
    // A preview per slider position: drop the ones left behind soon (a large portfolio's
    // ranking is megabytes).
    gcTime: 5_000,
  });
  const ranking = draft && asked && preview.data ? preview : stored;
  // The table's stale flags, asked for with the ranking rather than after the table first
  // renders: one render of the table, not two, and no waterfall.
  const staleFlags = useQuery(staleSignoffsQuery);
  // The currency too: a table drawn before it arrives is drawn again with it.
  const programme = useQuery(programmeQuery);

  const saveWeights = useMutation({
    mutationFn: (w: WeightMap) =>
      api.scoringSetWeights({
        weights: asWeights(w),
        loaded: stored.data ? asWeights(storedWeights(stored.data.criteria)) : null,
      }),
    onSuccess: async () => {
      // Refetch first, then drop the preview: the table goes from the previewed ranking to the
      // same ranking stored, so the movement shown stays.
      await invalidate("useCases");
      changeDraft(null);
      notifications.show({ color: "teal", title: "Weights saved", message: "The ranking uses the new weights." });
    },
    onError: async (error) => {
      if (error instanceof BackendError && error.code === "edit_conflict") {
        changeDraft(null);
        await invalidate("useCases");
        notifications.show({
          color: "orange",
          title: "Someone else changed the weights meanwhile",
          message: "The sliders now show the weights as stored; move them again to save yours.",
          autoClose: 10000,
        });
        return;
      }
      notifications.show({ color: "red", title: "The weights were not saved", message: error.message });
    },
  });
  const save = saveWeights.mutate;
  const onSave = useCallback((w: WeightMap) => save(w), [save]);

  const movement = useRankMovement(ranking.data);
  const all = useMemo(() => ranking.data?.use_cases ?? [], [ranking.data]);
  // Compared as one string, so a re-ranking (each slider move) keeps the same list and the
  // business-unit select is not drawn again.
  const unitList = useMemo(() => JSON.stringify([...new Set(all.map((u) => u.business_unit))].sort()), [all]);
  const unitOptions = useMemo(() => JSON.parse(unitList) as string[], [unitList]);
  // Filtering 10,000 rows per keystroke would hold up typing: the box shows each key at once,
  // the table follows when React has time.
  const needle = useDeferredValue(search.trim().toLowerCase());
  const shown = useMemo(() => {
    if (needle === "" && lanes.length === 0 && stages.length === 0 && units.length === 0) return all;
    const laneSet = new Set(lanes);
    const stageSet = new Set(stages);
    const unitSet = new Set(units);
    return all.filter(
      (u) =>
        (laneSet.size === 0 || laneSet.has(u.lane)) &&
        (stageSet.size === 0 || stageSet.has(u.stage)) &&
        (unitSet.size === 0 || unitSet.has(u.business_unit)) &&
        (needle === "" || matches(u, needle)),
    );
  }, [all, needle, lanes, stages, units]);
  const openCase = useCallback((id: string) => setTarget({ kind: "existing", id }), []);
  const closeDossier = useCallback(() => setTarget(null), []);

  if (ranking.isPending || !answered(staleFlags) || !answered(programme)) {
    return <Loader aria-label="Ranking the portfolio" />;
  }
  if (ranking.isError) {
    return (
      <Alert color="red" title="The portfolio could not be ranked">
        {ranking.error.message}
      </Alert>
    );
  }
  const criteria = stored.data?.criteria ?? ranking.data.criteria;

  return (
    <Stack gap="sm">
      <Header onNew={openNew} />
      <ScoringPanels
        panels={panels}
        onPanels={setPanels}
        criteria={criteria}
        draft={draft}
        onDraft={changeDraft}
        onCommit={commitDraft}
        onSave={onSave}
        saving={saveWeights.isPending}
      />

      <Group gap="sm" align="flex-end">
        <Search value={search} onChange={setSearch} />
        <LazyMultiSelect
          label="Lane"
          placeholder="All lanes"
          data={LANE_OPTIONS}
          value={lanes}
          onChange={setLanes}
          clearable
          w={190}
        />
        <LazyMultiSelect
          label="Stage"
          placeholder="All stages"
          data={STAGE_OPTIONS}
          value={stages}
          onChange={setStages}
          clearable
          w={220}
        />
        <LazyMultiSelect
          label="Business unit"
          placeholder="All units"
          data={unitOptions}
          value={units}
          onChange={setUnits}
          clearable
          searchable
          limit={100}
          w={260}
        />
        <Text size="sm" c="dimmed" pb={8} data-testid="ranked-count">
          {shown.length === all.length ? `${all.length} use cases` : `${shown.length} of ${all.length} use cases`}
        </Text>
      </Group>

      <Table rows={shown} onOpen={openCase} movement={movement} />
      {all.length === 0 && (
        <Text c="dimmed" ta="center">
          No use cases yet: import a CSV or add one.
        </Text>
      )}
      <Dossier target={target} onClose={closeDossier} />
    </Stack>
  );
}
