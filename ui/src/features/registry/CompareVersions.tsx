// Compares two versions of one adapter: every setting that changed, and the target modules added
// or removed, as the backend's diff reports them.
import { Alert, Badge, Group, Paper, Select, Stack, Table, Text, Title } from "@mantine/core";
import { IconArrowRight } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { api } from "../../backend";
import type { AdapterVersion } from "../../bindings/AdapterVersion";
import type { VersionDiff } from "../../bindings/VersionDiff";
import { keys } from "../../lib/queryKeys";

function DiffResult({ diff }: { diff: VersionDiff }) {
  const nothing = diff.changes.length === 0 && diff.targets_added.length === 0 && diff.targets_removed.length === 0;
  if (nothing) {
    return (
      <Text size="sm" c="dimmed" data-testid="diff-none">
        No differences between {diff.from_label} and {diff.to_label}.
      </Text>
    );
  }
  return (
    <Stack gap="xs" data-testid="diff-result">
      {(diff.targets_added.length > 0 || diff.targets_removed.length > 0) && (
        <Group gap={6}>
          <Text size="sm">Target modules:</Text>
          {diff.targets_added.map((t) => (
            <Badge miw="max-content" key={`+${t}`} color="green" variant="light" tt="none">
              + {t}
            </Badge>
          ))}
          {diff.targets_removed.map((t) => (
            <Badge miw="max-content" key={`-${t}`} color="red" variant="light" tt="none">
              − {t}
            </Badge>
          ))}
        </Group>
      )}
      {diff.changes.length > 0 && (
        <Table striped verticalSpacing={4} data-testid="diff-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Field</Table.Th>
              <Table.Th>{diff.from_label}</Table.Th>
              <Table.Th>{diff.to_label}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {diff.changes.map((c) => (
              <Table.Tr key={c.field}>
                <Table.Td ff="monospace" fz="sm">
                  {c.field}
                </Table.Td>
                <Table.Td style={{ overflowWrap: "anywhere" }}>{c.before}</Table.Td>
                <Table.Td style={{ overflowWrap: "anywhere" }}>{c.after}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

export function CompareVersions({ versions }: { versions: AdapterVersion[] }) {
  // Default to the two most recent imports: the usual question is "what changed last time?".
  const byImport = [...versions].sort((a, b) => a.imported_at.localeCompare(b.imported_at));
  const [from, setFrom] = useState<string | null>(byImport[byImport.length - 2]?.id ?? null);
  const [to, setTo] = useState<string | null>(byImport[byImport.length - 1]?.id ?? null);
  const ready = from !== null && to !== null && from !== to;
  const diff = useQuery({
    queryKey: keys.versionDiff(from ?? "", to ?? ""),
    queryFn: () => api.adapterVersionDiff({ from: from as string, to: to as string }),
    enabled: ready,
  });

  const options = byImport.map((v) => ({ value: v.id, label: `${v.version} (${v.id})` }));
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={4} mb="sm">
        Compare versions
      </Title>
      {versions.length < 2 ? (
        <Text size="sm" c="dimmed">
          Import another version of this adapter to compare its configuration with this one.
        </Text>
      ) : (
        <Stack gap="sm">
          <Group align="flex-end" gap="sm">
            <Select
              label="From"
              data={options}
              value={from}
              onChange={setFrom}
              allowDeselect={false}
              w={220}
              data-testid="diff-from"
            />
            <IconArrowRight size={18} style={{ marginBottom: 8 }} />
            <Select
              label="To"
              data={options}
              value={to}
              onChange={setTo}
              allowDeselect={false}
              w={220}
              data-testid="diff-to"
            />
          </Group>
          {from !== null && from === to && (
            <Text size="sm" c="dimmed">
              Choose two different versions.
            </Text>
          )}
          {ready && diff.isError && <Alert color="red">{diff.error.message}</Alert>}
          {ready && diff.data && <DiffResult diff={diff.data} />}
        </Stack>
      )}
    </Paper>
  );
}
