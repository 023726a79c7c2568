// One workshop: rate on the facilitator's screen (one participant at a time), exchange rating
// sheets, and read the consensus — medians, spreads and the "discuss" flags.
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
import { useState } from "react";
import { api, chooseDestination, chooseFile, CSV_FILES } from "../../backend";
import type { CriterionKey } from "../../bindings/CriterionKey";
import type { WorkshopDetail } from "../../bindings/WorkshopDetail";
import { keys, useInvalidate } from "../../lib/queryKeys";
import { CRITERIA } from "../../lib/vocabulary";

function RateGrid({ detail, participant }: { detail: WorkshopDetail; participant: string }) {
  const queryClient = useQueryClient();
  const invalidate = useInvalidate();
  const rate = useMutation({
    mutationFn: (e: { use_case_id: string; criterion: CriterionKey; rating: number | null }) =>
      api.workshopRate({ workshop_id: detail.workshop.id, entries: [{ participant, ...e }] }),
    onSuccess: async (updated) => {
      queryClient.setQueryData(keys.workshop(detail.workshop.id), updated);
      await invalidate("workshops");
    },
    onError: (error) => notifications.show({ color: "red", title: "Rating not recorded", message: error.message }),
  });
  const given = (useCaseId: string, criterion: CriterionKey) =>
    detail.ratings.find(
      (r) => r.participant === participant && r.use_case_id === useCaseId && r.criterion === criterion,
    )?.rating;
  return (
    <Table verticalSpacing="xs" data-testid="rate-grid">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Use case</Table.Th>
          {detail.criteria.map((c) => (
            <Table.Th key={c.key}>{c.name}</Table.Th>
          ))}
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
              return (
                <Table.Td key={criterion}>
                  <SegmentedControl
                    size="sm"
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
  return (
    <Stack gap="sm">
      {discussions > 0 ? (
        <Alert color="orange" icon={<IconMessageCircle />}>
          {discussions} rating{discussions === 1 ? "" : "s"} spread by 2 or more points: discuss before the medians
          stand.
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
            <Table.Th ta="right">Median</Table.Th>
            <Table.Th ta="right">Spread</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {detail.consensus.map((cell) => (
            <Table.Tr key={`${cell.use_case_id}-${cell.criterion}`}>
              <Table.Td>
                <Text size="sm">{detail.agenda.find((a) => a.id === cell.use_case_id)?.title}</Text>
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
                  <Badge color="orange" data-testid="discuss-flag">
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
        `${id}-${who.replace(/\W+/g, "-")}.csv`,
        CSV_FILES,
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
      const path = await chooseFile("Import a filled rating sheet", CSV_FILES);
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
