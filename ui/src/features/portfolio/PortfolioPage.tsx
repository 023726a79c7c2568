// The portfolio, ranked: weights that re-rank live, the scoring matrix, filters and the table.
import { Alert, Button, Grid, Group, Loader, MultiSelect, Stack, Text, TextInput, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconPlus, IconSearch } from "@tabler/icons-react";
import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { api, BackendError } from "../../backend";
import type { Lane } from "../../bindings/Lane";
import type { Stage } from "../../bindings/Stage";
import { keys, useInvalidate } from "../../lib/queryKeys";
import { LANE_LABEL, LANES, STAGE_LABEL, STAGES } from "../../lib/vocabulary";
import type { WeightMap } from "../../lib/weights";
import { DossierDrawer, type DossierTarget } from "../dossier/DossierDrawer";
import { CsvActions } from "./CsvActions";
import { RankedTable } from "./RankedTable";
import { ScoringMatrix } from "./ScoringMatrix";
import { storedWeights, WeightsPanel } from "./WeightsPanel";

const asWeights = (w: WeightMap) => [
  { criterion: "value" as const, weight: w.value },
  { criterion: "criticality" as const, weight: w.criticality },
  { criterion: "guardrail" as const, weight: w.guardrail },
];

export function PortfolioPage() {
  const invalidate = useInvalidate();
  const [draft, setDraft] = useState<WeightMap | null>(null);
  const [lanes, setLanes] = useState<string[]>([]);
  const [stages, setStages] = useState<string[]>([]);
  const [units, setUnits] = useState<string[]>([]);
  const [search, setSearch] = useState("");
  const [target, setTarget] = useState<DossierTarget | null>(null);

  // The stored weights rank the portfolio; moving a slider previews another ranking without
  // saving, and the sliders' starting point stays the stored one.
  const stored = useQuery({ queryKey: keys.ranking(null), queryFn: () => api.scoringRank({ weights: null }) });
  const draftWeights = draft ? asWeights(draft) : null;
  const preview = useQuery({
    queryKey: keys.ranking(draftWeights),
    queryFn: () => api.scoringRank({ weights: draftWeights }),
    enabled: draftWeights !== null,
    placeholderData: keepPreviousData,
  });
  const ranking = draft && preview.data ? preview : stored;

  const saveWeights = useMutation({
    mutationFn: (w: WeightMap) =>
      api.scoringSetWeights({
        weights: asWeights(w),
        loaded: stored.data ? asWeights(storedWeights(stored.data.criteria)) : null,
      }),
    onSuccess: async () => {
      setDraft(null);
      await invalidate("useCases");
      notifications.show({ color: "teal", title: "Weights saved", message: "The ranking uses the new weights." });
    },
    onError: async (error) => {
      if (error instanceof BackendError && error.code === "edit_conflict") {
        setDraft(null);
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

  const all = useMemo(() => ranking.data?.use_cases ?? [], [ranking.data]);
  const unitOptions = useMemo(() => [...new Set(all.map((u) => u.business_unit))].sort(), [all]);
  const needle = search.trim().toLowerCase();
  const matches = (u: (typeof all)[number]) =>
    needle === "" ||
    [u.id, u.title, u.business_unit, u.executive_sponsor ?? "", u.product_owner ?? ""].some((t) =>
      t.toLowerCase().includes(needle),
    );
  const shown = all.filter(
    (u) =>
      matches(u) &&
      (lanes.length === 0 || lanes.includes(u.lane)) &&
      (stages.length === 0 || stages.includes(u.stage)) &&
      (units.length === 0 || units.includes(u.business_unit)),
  );

  if (ranking.isPending) return <Loader aria-label="Ranking the portfolio" />;
  if (ranking.isError) {
    return (
      <Alert color="red" title="The portfolio could not be ranked">
        {ranking.error.message}
      </Alert>
    );
  }

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>Portfolio</Title>
          <Text c="dimmed" size="sm">
            Ranked by score; ties go to the shorter payback, then the title.
          </Text>
        </div>
        <Group gap="xs">
          <CsvActions />
          <Button leftSection={<IconPlus size={16} />} onClick={() => setTarget({ kind: "new" })}>
            New use case
          </Button>
        </Group>
      </Group>

      <Grid align="stretch">
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <WeightsPanel
            criteria={stored.data?.criteria ?? ranking.data.criteria}
            draft={draft}
            onDraft={setDraft}
            onSave={(w) => saveWeights.mutate(w)}
            saving={saveWeights.isPending}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <ScoringMatrix />
        </Grid.Col>
      </Grid>

      <Group gap="sm" align="flex-end">
        <TextInput
          label="Search"
          aria-label="Search use cases"
          placeholder="Title, unit, people…"
          leftSection={<IconSearch size={16} />}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={220}
        />
        <MultiSelect
          label="Lane"
          placeholder="All lanes"
          data={LANES.map((l: Lane) => ({ value: l, label: LANE_LABEL[l] }))}
          value={lanes}
          onChange={setLanes}
          clearable
          w={190}
        />
        <MultiSelect
          label="Stage"
          placeholder="All stages"
          data={STAGES.map((s: Stage) => ({ value: s, label: STAGE_LABEL[s] }))}
          value={stages}
          onChange={setStages}
          clearable
          w={220}
        />
        <MultiSelect
          label="Business unit"
          placeholder="All units"
          data={unitOptions}
          value={units}
          onChange={setUnits}
          clearable
          searchable
          w={260}
        />
        <Text size="sm" c="dimmed" pb={8}>
          {shown.length === all.length ? `${all.length} use cases` : `${shown.length} of ${all.length} use cases`}
        </Text>
      </Group>

      <RankedTable rows={shown} onOpen={(id) => setTarget({ kind: "existing", id })} />
      {all.length === 0 && (
        <Text c="dimmed" ta="center">
          No use cases yet: import a CSV or add one.
        </Text>
      )}
      <DossierDrawer target={target} onClose={() => setTarget(null)} />
    </Stack>
  );
}
