// One workshop: rate on the facilitator's screen (one participant at a time), exchange rating
// sheets, and read the consensus — medians, spreads and the "discuss" flags. Each rating is
// stored as it is clicked, and the backend moves the dossier's rating to the workshop median at
// once (there is no "close" that publishes medians): the screen says so, labels what 1 and 5 mean
// for each criterion, and confirms every save beside the rating with the dossier's new median.
import {
  Alert,
  Badge,
  Button,
  Group,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Tabs,
  Text,
  Title,
  Tooltip,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconFileExport, IconFileImport, IconMessageCircle } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { api, chooseDestination, chooseFile, RATING_SHEET_FILES } from "../../backend";
import type { Criterion } from "../../bindings/Criterion";
import type { CriterionKey } from "../../bindings/CriterionKey";
import type { WorkshopDetail } from "../../bindings/WorkshopDetail";
import { keys, useInvalidate } from "../../lib/queryKeys";
import { CRITERIA } from "../../lib/vocabulary";

/** What 1 and 5 mean on each criterion's scale. */
const SCALE: Record<CriterionKey, [low: string, high: string]> = {
  value: ["little value", "high value"],
  criticality: ["peripheral process", "business-critical process"],
  guardrail: ["simple guardrails", "complex guardrails"],
};

function ScaleHint({ criterion }: { criterion: Criterion }) {
  const [low, high] = SCALE[criterion.key];
  return (
    <Text size="xs" c="dimmed" fw={400} data-testid={`rate-scale-${criterion.key}`}>
      1 = {low} … 5 = {high}
      {criterion.direction === "cost" ? " (higher scores lower)" : ""}
    </Text>
  );
}

type Cell = { use_case_id: string; criterion: CriterionKey };
const cellKey = (c: Cell) => `${c.use_case_id}/${c.criterion}`;
const median = (detail: WorkshopDetail, cell: Cell) =>
  detail.consensus.find((c) => c.use_case_id === cell.use_case_id && c.criterion === cell.criterion)?.median ?? null;

function RateGrid({ detail, participant }: { detail: WorkshopDetail; participant: string }) {
  const queryClient = useQueryClient();
  const invalidate = useInvalidate();
  // The last cell saved, confirmed beside it with the median the dossier took in that save.
  const [saved, setSaved] = useState<{ key: string; median: number | null } | null>(null);
  const rate = useMutation({
    mutationFn: (e: Cell & { rating: number | null }) =>
      api.workshopRate({ workshop_id: detail.workshop.id, entries: [{ participant, ...e }] }),
    onMutate: () => setSaved(null),
    onSuccess: async (updated, e) => {
      queryClient.setQueryData(keys.workshop(detail.workshop.id), updated);
      setSaved({ key: cellKey(e), median: median(updated, e) });
      await invalidate("workshops");
    },
    onError: (error) => notifications.show({ color: "red", title: "Rating not recorded", message: error.message }),
  });

  // One lookup per grid, not a scan of every rating per cell (agendas run to hundreds of cases).
  const byCell = useMemo(() => {
    const map = new Map<string, number>();
    for (const r of detail.ratings)
      if (r.participant === participant) map.set(`${r.use_case_id}|${r.criterion}`, r.rating);
    return map;
  }, [detail.ratings, participant]);
  const given = (useCaseId: string, criterion: CriterionKey) => byCell.get(`${useCaseId}|${criterion}`);
  return (
    <Table verticalSpacing="xs" data-testid="rate-grid">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Use case</Table.Th>
          {CRITERIA.map((key) => {
            const c = detail.criteria.find((x) => x.key === key);
            return (
              <Table.Th key={key}>
                {c?.name ?? key}
                {c && <ScaleHint criterion={c} />}
              </Table.Th>
            );
          })}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {detail.agenda.map((item) => (
          <Table.Tr key={item.id}>
            <Table.Td>
              <Text size="sm" fw={500}>
                {item.title}
              </Text>
              <Text size="xs" c="dimmed">
                {item.id}
              </Text>
            </Table.Td>
            {CRITERIA.map((criterion) => {
              const value = given(item.id, criterion);
              const cell = { use_case_id: item.id, criterion };
              const busy = rate.isPending && rate.variables && cellKey(rate.variables) === cellKey(cell);
              const confirmed = saved?.key === cellKey(cell) ? saved : null;
              return (
                <Table.Td key={criterion}>
                  <SegmentedControl
                    size="sm"
                    color="blue"
                    aria-label={`${participant}'s rating of ${item.title}: ${detail.criteria.find((c) => c.key === criterion)?.name ?? criterion}`}
                    data-testid={`rate-${item.id}-${criterion}`}
                    value={value === undefined ? "" : String(value)}
                    onChange={(v) =>
                      rate.mutate({ use_case_id: item.id, criterion, rating: v === "" ? null : Number(v) })
                    }
                    data={[
                      { value: "", label: "–" },
                      ...["1", "2", "3", "4", "5"].map((n) => ({ value: n, label: n })),
                    ]}
                  />
                  <Text
                    size="xs"
                    mih={18}
                    c={busy ? "dimmed" : "teal.8"}
                    data-testid={`rate-status-${item.id}-${criterion}`}
                  >
                    {busy
                      ? "Saving…"
                      : confirmed
                        ? confirmed.median === null
                          ? "Removed · the dossier is back to its rating before the workshop"
                          : `Saved · the dossier's rating is now ${confirmed.median}`
                        : ""}
                  </Text>
                </Table.Td>
              );
            })}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function Consensus({ detail }: { detail: WorkshopDetail }) {
  const name = (key: CriterionKey) => detail.criteria.find((c) => c.key === key)?.name ?? key;
  const discussions = detail.consensus.filter((c) => c.discuss).length;
  const titles = useMemo(() => new Map(detail.agenda.map((a) => [a.id, a.title])), [detail.agenda]);
  return (
    <Stack gap="sm">
      {discussions > 0 ? (
        <Alert color="orange" icon={<IconMessageCircle />}>
          {discussions} rating{discussions === 1 ? "" : "s"} spread by 2 or more points: discuss them. The dossiers
          already carry these medians; if the room changes its mind, re-rate and the median follows.
        </Alert>
      ) : (
        <Text size="sm" c="dimmed">
          No rating spreads by 2 or more points.
        </Text>
      )}
      <Table striped verticalSpacing="xs" data-testid="consensus-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Use case</Table.Th>
            <Table.Th>Criterion</Table.Th>
            <Table.Th>Ratings</Table.Th>
            <Table.Th ta="right">Median (in the dossier)</Table.Th>
            <Table.Th ta="right">Spread</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {detail.consensus.map((cell) => (
            <Table.Tr key={`${cell.use_case_id}-${cell.criterion}`}>
              <Table.Td>
                <Text size="sm">{titles.get(cell.use_case_id)}</Text>
                <Text size="xs" c="dimmed">
                  {cell.use_case_id}
                </Text>
              </Table.Td>
              <Table.Td>{name(cell.criterion)}</Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {cell.ratings.map(([who, rating]) => (
                    <Tooltip key={who} label={who}>
                      <Badge variant="outline" color="gray">
                        {who.split(" ")[0]} {rating}
                      </Badge>
                    </Tooltip>
                  ))}
                  {cell.ratings.length === 0 && (
                    <Text size="xs" c="dimmed">
                      not rated yet
                    </Text>
                  )}
                </Group>
              </Table.Td>
              <Table.Td ta="right" fw={600}>
                {cell.median ?? "—"}
              </Table.Td>
              <Table.Td ta="right">{cell.spread ?? "—"}</Table.Td>
              <Table.Td>
                {cell.discuss && (
                  <Badge color="orange" miw="max-content" data-testid="discuss-flag">
                    Discuss
                  </Badge>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

export function WorkshopView({ id }: { id: string }) {
  const queryClient = useQueryClient();
  const invalidate = useInvalidate();
  const detail = useQuery({ queryKey: keys.workshop(id), queryFn: () => api.workshopGet({ id }) });
  const [participant, setParticipant] = useState<string | null>(null);

  const exportSheet = useMutation({
    mutationFn: async (who: string) => {
      const destination = await chooseDestination(
        `Rating sheet for ${who}`,
        `${id}-${who.replace(/\W+/g, "-")}.xlsx`,
        RATING_SHEET_FILES,
      );
      return destination === null ? null : api.workshopExportSheet({ workshop_id: id, participant: who, destination });
    },
    onSuccess: (written) =>
      written && notifications.show({ color: "teal", title: "Sheet written", message: written.path }),
    onError: (error) =>
      notifications.show({ color: "red", title: "The sheet was not written", message: error.message }),
  });
  const importSheet = useMutation({
    mutationFn: async () => {
      const path = await chooseFile("Import a filled rating sheet", [
        { name: "Rating sheet (XLSX or CSV)", extensions: ["xlsx", "csv"] },
      ]);
      return path === null ? null : api.workshopImportSheet({ workshop_id: id, path });
    },
    onSuccess: async (updated) => {
      if (updated === null) return;
      queryClient.setQueryData(keys.workshop(id), updated);
      await invalidate("workshops");
      notifications.show({ color: "teal", title: "Sheet imported", message: "The consensus is updated." });
    },
    onError: (error) =>
      notifications.show({
        color: "red",
        title: "The sheet was not imported",
        message: error.message,
        autoClose: false,
      }),
  });

  if (!detail.data) return detail.isError ? <Alert color="red">{detail.error.message}</Alert> : null;
  const w = detail.data.workshop;
  const who = participant ?? w.participants[0] ?? null;
  return (
    <Paper withBorder p="md" radius="md">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={3}>{w.title}</Title>
          <Text size="sm" c="dimmed">
            {w.id} · {w.held_on} · facilitated by {w.facilitator} · {w.participants.join(", ")}
          </Text>
        </div>
        <Group gap="xs">
          <Button
            variant="default"
            size="xs"
            leftSection={<IconFileImport size={14} />}
            onClick={() => importSheet.mutate()}
            loading={importSheet.isPending}
          >
            Import rating sheet…
          </Button>
        </Group>
      </Group>
      <Tabs defaultValue="consensus" mt="md">
        <Tabs.List>
          <Tabs.Tab value="consensus">Consensus</Tabs.Tab>
          <Tabs.Tab value="rate" data-testid="tab-rate">
            Rate
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="consensus" pt="md">
          <Consensus detail={detail.data} />
        </Tabs.Panel>
        <Tabs.Panel value="rate" pt="md">
          <Alert color="blue" variant="light" mb="sm" data-testid="rate-explainer">
            Rate 1 (low) to 5 (high) on each criterion, as each column says. Each rating is saved as you click it, and
            the dossier's rating moves to the workshop median at once; there is nothing to submit or close.
          </Alert>
          <Group mb="sm" align="flex-end">
            <Select
              label="Rating as"
              data-testid="rating-as"
              data={w.participants}
              value={who}
              onChange={setParticipant}
              allowDeselect={false}
              w={260}
            />
            <Button
              variant="default"
              leftSection={<IconFileExport size={16} />}
              disabled={!who}
              onClick={() => who && exportSheet.mutate(who)}
            >
              Export {who ? `${who.split(" ")[0]}'s` : "a"} rating sheet…
            </Button>
          </Group>
          {who && <RateGrid detail={detail.data} participant={who} />}
        </Tabs.Panel>
      </Tabs>
    </Paper>
  );
}
