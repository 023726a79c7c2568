// Training data governance: the data sources (and the policy accepting each) and the curated data
// packs drawn from them, with compliance approval.
import { Alert, Button, Group, Loader, Paper, Stack, Tabs, Text, Title } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconPlus } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useCallback, useState } from "react";
import { api } from "../../backend";
import type { DataPack } from "../../bindings/DataPack";
import type { DataSource } from "../../bindings/DataSource";
import { keys } from "../../lib/queryKeys";
import { usePageParam } from "../../shell/navigation";
import { ApprovePackModal } from "./ApprovePackModal";
import { NewPackModal } from "./NewPackModal";
import { PacksTable } from "./PacksTable";
import { SourceModal, type SourceTarget } from "./SourceModal";
import { SourcesTable } from "./SourcesTable";

export function DataPage() {
  // Opened on a record from another page (e.g. a lineage node): show its tab, highlight its row.
  const openedOn = usePageParam("data");
  const sources = useQuery({ queryKey: keys.sources, queryFn: api.sourceList });
  const packs = useQuery({ queryKey: keys.packs, queryFn: api.packList });
  const policies = useQuery({ queryKey: keys.policies, queryFn: api.policyList });
  const [chosenTab, setTab] = useState<string | null>(null);
  const [sourceTarget, setSourceTarget] = useState<SourceTarget | null>(null);
  const [approving, setApproving] = useState<DataPack | null>(null);
  const [creatingPack, packModal] = useDisclosure(false);
  const editSource = useCallback((source: DataSource) => setSourceTarget({ kind: "existing", source }), []);

  const failed = sources.error ?? packs.error ?? policies.error;
  if (failed) {
    return (
      <Alert color="red" title="The data registry could not be loaded">
        {failed.message}
      </Alert>
    );
  }
  if (!sources.data || !packs.data || !policies.data) return <Loader aria-label="Loading the data registry" />;
  const tab = chosenTab ?? (packs.data.some((p) => p.id === openedOn) ? "packs" : "sources");
  const unaccepted = sources.data.filter((s) => s.policy_id === null).length;
  const awaiting = packs.data.filter((p) => p.approved_by === null).length;

  return (
    <Stack gap="md">
      <div>
        <Title order={2}>Data</Title>
        <Text c="dimmed" size="sm">
          Adapters are trained on data packs; each pack is drawn from data sources. A source needs a policy that accepts
          it, a pack needs compliance approval, or lineage flags every version trained on it.
        </Text>
      </div>
      <Tabs value={tab} onChange={setTab}>
        <Tabs.List>
          <Tabs.Tab value="sources" data-testid="tab-sources">
            Data sources ({sources.data.length})
            {unaccepted > 0 && <Text span c="red" size="sm">{` · ${unaccepted} not accepted`}</Text>}
          </Tabs.Tab>
          <Tabs.Tab value="packs" data-testid="tab-packs">
            Data packs ({packs.data.length})
            {awaiting > 0 && <Text span c="orange.8" size="sm">{` · ${awaiting} awaiting approval`}</Text>}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="sources" pt="md">
          <Paper withBorder p="md" radius="md">
            <Group justify="space-between" mb="sm">
              <Title order={4}>Data sources</Title>
              <Button
                size="xs"
                leftSection={<IconPlus size={14} />}
                onClick={() => setSourceTarget({ kind: "new" })}
                data-testid="source-new"
              >
                New source
              </Button>
            </Group>
            {sources.data.length === 0 ? (
              <Text size="sm" c="dimmed">
                No data source yet. Register where training data comes from, then accept it under a policy.
              </Text>
            ) : (
              <SourcesTable
                sources={sources.data}
                policies={policies.data}
                highlighted={openedOn}
                onEdit={editSource}
              />
            )}
          </Paper>
        </Tabs.Panel>
        <Tabs.Panel value="packs" pt="md">
          <Paper withBorder p="md" radius="md">
            <Group justify="space-between" mb="sm">
              <Title order={4}>Data packs</Title>
              <Button size="xs" leftSection={<IconPlus size={14} />} onClick={packModal.open} data-testid="pack-new">
                New pack
              </Button>
            </Group>
            {packs.data.length === 0 ? (
              <Text size="sm" c="dimmed">
                No data pack yet. A pack is the curated data an adapter is trained on, drawn from registered sources.
              </Text>
            ) : (
              <PacksTable packs={packs.data} highlighted={openedOn} onApprove={setApproving} />
            )}
          </Paper>
        </Tabs.Panel>
      </Tabs>
      <SourceModal target={sourceTarget} onClose={() => setSourceTarget(null)} />
      <NewPackModal opened={creatingPack} onClose={packModal.close} />
      <ApprovePackModal pack={approving} onClose={() => setApproving(null)} />
    </Stack>
  );
}
