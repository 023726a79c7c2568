// Lineage: for one adapter version, the records it came from and the evidence recorded after it,
// drawn left to right with gaps in red; the release check over deployed versions; and the
// OpenLineage export for other tools.
import { Alert, Button, Group, List, Loader, Paper, Select, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconArrowRight, IconFileExport } from "@tabler/icons-react";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { api, chooseDestination, OPENLINEAGE_FILES } from "../../backend";
import type { ExportOutcome } from "../../bindings/ExportOutcome";
import type { LineageNode } from "../../bindings/LineageNode";
import { StatusBadge } from "../../components/StatusBadge";
import { formatBytes, formatCount } from "../../lib/governance";
import { keys } from "../../lib/queryKeys";
import { STATUS_LABEL } from "../../lib/recordKinds";
import { useNavigation, usePageParam } from "../../shell/navigation";
import { LineageGraphSvg } from "./LineageGraphSvg";
import { LineageRecordDrawer } from "./LineageRecordDrawer";
import { ReleaseCheck } from "./ReleaseCheck";

/** What the export wrote, with the file's hash so a copy handed on can be checked against it. */
export function exported(written: ExportOutcome): string {
  const events = `${formatCount(written.items)} event${written.items === 1 ? "" : "s"}`;
  return `${events} (${formatBytes(written.bytes)}) written to ${written.path}; SHA-256 ${written.sha256}`;
}

function VersionLineage({ id }: { id: string }) {
  const graph = useQuery({ queryKey: keys.lineage(id), queryFn: () => api.lineageGraph({ id }) });
  const [open, setOpen] = useState<LineageNode | null>(null);
  if (graph.isPending) return <Loader size="sm" aria-label="Drawing the lineage" />;
  if (graph.isError) return <Alert color="red">{graph.error.message}</Alert>;
  const g = graph.data;
  return (
    <Stack gap="sm">
      <Group gap="sm">
        <Title order={4}>{g.label}</Title>
        <StatusBadge status={g.status} />
        <Text size="sm" c="dimmed">
          {g.adapter_version_id} · click a record to see it
        </Text>
      </Group>
      <div style={{ overflowX: "auto" }}>
        <LineageGraphSvg graph={g} selectedId={open?.id ?? null} onOpen={setOpen} />
      </div>
      {g.gaps.length === 0 ? (
        <Text size="sm" c="green.8" data-testid="lineage-gaps-none">
          No gaps: every data pack is approved, every source accepted, and an evaluation is recorded.
        </Text>
      ) : (
        <Alert
          color="red"
          title={`${g.gaps.length} gap${g.gaps.length === 1 ? "" : "s"} in this version's lineage`}
          data-testid="lineage-gaps"
        >
          <List size="sm" spacing={2}>
            {g.gaps.map((gap) => (
              <List.Item key={`${gap.kind}-${gap.record_id}`}>
                {gap.message}
                <Text size="xs" c="dark.4">
                  To close: {gap.how_to_close}
                </Text>
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      <LineageRecordDrawer
        node={open}
        versionId={g.adapter_version_id}
        gaps={open ? g.gaps.filter((gap) => gap.record_id === open.id) : []}
        onClose={() => setOpen(null)}
      />
    </Stack>
  );
}

export function LineagePage() {
  const { navigate } = useNavigation();
  const openedOn = usePageParam("lineage");
  const versions = useQuery({ queryKey: keys.versions, queryFn: api.adapterVersionList });
  const [chosen, setChosen] = useState<string | null>(openedOn);

  const exportEvents = useMutation({
    mutationFn: async (): Promise<ExportOutcome | null> => {
      const destination = await chooseDestination("Export OpenLineage events", "openlineage.jsonl", OPENLINEAGE_FILES);
      return destination === null ? null : api.lineageExportOpenlineage({ destination });
    },
    onSuccess: (written) => {
      // Kept open: the hash is there to be noted down.
      if (written)
        notifications.show({
          color: "teal",
          title: "OpenLineage events exported",
          message: exported(written),
          autoClose: false,
        });
    },
    onError: (error) =>
      notifications.show({ color: "red", title: "The export failed", message: error.message, autoClose: false }),
  });

  if (versions.isPending) return <Loader aria-label="Loading adapter versions" />;
  if (versions.isError) {
    return (
      <Alert color="red" title="The adapter versions could not be loaded">
        {versions.error.message}
      </Alert>
    );
  }
  const all = versions.data;
  const current = all.find((v) => v.id === chosen)?.id ?? all[0]?.id ?? null;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>Lineage</Title>
          <Text c="dimmed" size="sm">
            Data source → data pack → adapter version → evaluation → deployment, from what the registry records. Gaps
            are red on the record they concern.
          </Text>
        </div>
        <Button
          variant="default"
          leftSection={<IconFileExport size={16} />}
          onClick={() => exportEvents.mutate()}
          loading={exportEvents.isPending}
          disabled={all.length === 0}
          data-testid="openlineage-export"
        >
          Export OpenLineage…
        </Button>
      </Group>
      <ReleaseCheck onShow={setChosen} />
      <Paper withBorder p="md" radius="md">
        {all.length === 0 ? (
          <Stack gap="xs" align="flex-start">
            <Text size="sm" c="dimmed">
              No adapter version is registered yet, so there is no lineage to draw. Import an adapter in the Registry,
              naming the data packs it was trained on.
            </Text>
            <Button
              size="xs"
              variant="light"
              rightSection={<IconArrowRight size={14} />}
              onClick={() => navigate("registry")}
            >
              Go to the Registry
            </Button>
          </Stack>
        ) : (
          <Stack gap="md">
            <Select
              label="Adapter version"
              data={all.map((v) => ({
                value: v.id,
                label: `${v.adapter_name} ${v.version} (${v.id}) · ${STATUS_LABEL[v.status]}`,
              }))}
              value={current}
              onChange={(v) => v && setChosen(v)}
              allowDeselect={false}
              searchable
              w={420}
              data-testid="lineage-version"
              data-page-search
            />
            {current && <VersionLineage key={current} id={current} />}
          </Stack>
        )}
      </Paper>
    </Stack>
  );
}
