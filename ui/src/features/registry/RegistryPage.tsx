// The adapter registry: every adapter with its latest version, the selected adapter's versions
// and a comparison of two of them, the version detail drawer, and importing a PEFT folder.
import { Alert, Button, Group, List, Loader, Paper, Stack, Text, Title } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconFolderPlus } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { api } from "../../backend";
import { keys } from "../../lib/queryKeys";
import { usePageParam } from "../../shell/navigation";
import { AdaptersTable } from "./AdaptersTable";
import { CompareVersions } from "./CompareVersions";
import { ImportAdapterModal } from "./ImportAdapterModal";
import { VersionDrawer } from "./VersionDrawer";
import { VersionsTable } from "./VersionsTable";

function EmptyRegistry({ onImport }: { onImport: () => void }) {
  return (
    <Paper withBorder p="lg" radius="md" data-testid="registry-empty">
      <Title order={4}>No adapter registered yet</Title>
      <Text size="sm" mt="xs">
        The registry records every LoRA adapter version the programme trains: its PEFT configuration, a SHA-256 of its
        weights, the data packs it was trained on, its evaluations and where it is deployed. From these, the Lineage
        page shows each version's evidence and flags what is missing.
      </Text>
      <List size="sm" mt="sm" spacing={4}>
        <List.Item>Register the data sources and data packs you train on (Data page).</List.Item>
        <List.Item>
          Import an adapter: choose its PEFT folder (adapter_config.json + adapter_model.safetensors).
        </List.Item>
        <List.Item>Attach evaluation results, approve the version, and record its deployment.</List.Item>
      </List>
      <Button mt="md" variant="light" leftSection={<IconFolderPlus size={16} />} onClick={onImport}>
        Import the first adapter…
      </Button>
    </Paper>
  );
}

export function RegistryPage() {
  const openedOn = usePageParam("registry");
  const adapters = useQuery({ queryKey: keys.adapters, queryFn: api.adapterList });
  // Opened on a version from another page: find which adapter it belongs to.
  const all = useQuery({
    queryKey: keys.versions,
    queryFn: api.adapterVersionList,
    enabled: openedOn !== null,
  });
  const [chosenAdapter, setChosenAdapter] = useState<string | null>(null);
  const [openVersion, setOpenVersion] = useState<string | null>(openedOn);
  const [importing, importModal] = useDisclosure(false);

  const list = adapters.data ?? [];
  const adapterId = chosenAdapter ?? all.data?.find((v) => v.id === openedOn)?.adapter_id ?? list[0]?.id ?? null;
  const versions = useQuery({
    queryKey: keys.versionsOf(adapterId ?? ""),
    queryFn: () => api.adapterVersions({ adapter: adapterId as string }),
    enabled: adapterId !== null,
  });

  if (adapters.isPending) return <Loader aria-label="Loading the registry" />;
  if (adapters.isError) {
    return (
      <Alert color="red" title="The registry could not be loaded">
        {adapters.error.message}
      </Alert>
    );
  }
  const adapter = list.find((a) => a.id === adapterId) ?? null;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>Registry</Title>
          <Text c="dimmed" size="sm">
            Adapter versions move candidate → approved → deployed → retired. Select an adapter, then a version for its
            evidence.
          </Text>
        </div>
        <Button leftSection={<IconFolderPlus size={16} />} onClick={importModal.open} data-testid="adapter-import-open">
          Import adapter…
        </Button>
      </Group>
      {list.length === 0 ? (
        <EmptyRegistry onImport={importModal.open} />
      ) : (
        <>
          <Paper withBorder p="md" radius="md">
            <AdaptersTable adapters={list} selectedId={adapterId} onSelect={setChosenAdapter} />
          </Paper>
          {adapter && (
            <Paper withBorder p="md" radius="md">
              <Title order={4} mb="xs">
                {adapter.name}{" "}
                <Text span c="dimmed" size="sm" fw={400}>
                  {adapter.id}
                  {adapter.use_case_id ? ` · serves ${adapter.use_case_id}` : ""}
                </Text>
              </Title>
              {versions.isError && <Alert color="red">{versions.error.message}</Alert>}
              {versions.isPending && <Loader size="sm" aria-label="Loading the versions" />}
              {versions.data && (
                <VersionsTable versions={versions.data} selectedId={openVersion} onOpen={setOpenVersion} />
              )}
            </Paper>
          )}
          {adapter && versions.data && (
            <CompareVersions key={`${adapter.id}-${versions.data.length}`} versions={versions.data} />
          )}
        </>
      )}
      <VersionDrawer id={openVersion} onClose={() => setOpenVersion(null)} />
      <ImportAdapterModal
        opened={importing}
        onClose={importModal.close}
        onImported={(v) => {
          setChosenAdapter(v.adapter_id);
          setOpenVersion(v.id);
        }}
      />
    </Stack>
  );
}
