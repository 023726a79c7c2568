// A use case's bias checks: for demographic parity the selection rate per group, the gap and
// ratio against the threshold (and why that threshold); for adversarial prompt suites the pass
// rate per category. Each names the file it was computed from, with its SHA-256.
import { Alert, Badge, Button, Group, Loader, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { IconFileImport } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { api } from "../../backend";
import type { AdversarialResult } from "../../bindings/AdversarialResult";
import type { BiasCheck } from "../../bindings/BiasCheck";
import type { ParityResult } from "../../bindings/ParityResult";
import { HashText } from "../../components/HashText";
import { localDateTime, percent } from "../../lib/compliance";
import { formatCount } from "../../lib/governance";
import { keys } from "../../lib/queryKeys";
import { BIAS_KIND_LABEL } from "../../lib/recordKinds";
import { CHECK_COLOR } from "../../lib/statusColors";
import { BiasImportModal } from "./BiasImportModal";

function ParityFigures({ figures, threshold }: { figures: ParityResult; threshold: number }) {
  return (
    <Stack gap={4}>
      <Table verticalSpacing={2} fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Group</Table.Th>
            <Table.Th ta="right">Total</Table.Th>
            <Table.Th ta="right">Positive</Table.Th>
            <Table.Th ta="right">Selection rate</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {figures.groups.map((g) => (
            <Table.Tr key={g.group}>
              <Table.Td>{g.group}</Table.Td>
              <Table.Td ta="right">{formatCount(g.total)}</Table.Td>
              <Table.Td ta="right">{formatCount(g.positive)}</Table.Td>
              <Table.Td ta="right">{percent(g.selection_rate)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="sm">
        Difference (highest − lowest rate): <b>{percent(figures.difference)}</b> · Ratio (lowest ÷ highest):{" "}
        <Text span fw={700} c={figures.ratio >= threshold ? "teal.8" : "red.8"}>
          {figures.ratio.toFixed(3)}
        </Text>{" "}
        against a threshold of {threshold}
      </Text>
    </Stack>
  );
}

function AdversarialFigures({ figures, threshold }: { figures: AdversarialResult; threshold: number }) {
  return (
    <Stack gap={4}>
      <Table verticalSpacing={2} fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Category</Table.Th>
            <Table.Th ta="right">Prompts</Table.Th>
            <Table.Th ta="right">Passed</Table.Th>
            <Table.Th ta="right">Pass rate</Table.Th>
            <Table.Th>Against {percent(threshold)}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {figures.categories.map((c) => (
            <Table.Tr key={c.category}>
              <Table.Td>{c.category}</Table.Td>
              <Table.Td ta="right">{formatCount(c.prompts)}</Table.Td>
              <Table.Td ta="right">{formatCount(c.passed)}</Table.Td>
              <Table.Td ta="right">{percent(c.pass_rate)}</Table.Td>
              <Table.Td>
                <Badge
                  miw="max-content"
                  color={CHECK_COLOR[c.meets_threshold ? "passed" : "failed"]}
                  variant="light"
                  size="sm"
                >
                  {c.meets_threshold ? "meets" : "below"}
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="sm">
        {formatCount(figures.passed)} of {formatCount(figures.prompts)} prompts passed overall.
      </Text>
    </Stack>
  );
}

function BiasCard({ check: b }: { check: BiasCheck }) {
  return (
    <Paper withBorder p="md" radius="md" data-testid={`bias-${b.id}`}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" mb="xs">
        <div style={{ minWidth: 0 }}>
          <Group gap="xs">
            <Text fw={600}>{b.title}</Text>
            <Badge
              miw="max-content"
              color={CHECK_COLOR[b.passed ? "passed" : "failed"]}
              variant="filled"
              data-testid={`bias-verdict-${b.id}`}
            >
              {b.passed ? "pass" : "fail"}
            </Badge>
          </Group>
          <Text size="xs" c="dimmed">
            {b.id} · {BIAS_KIND_LABEL[b.kind]}
            {b.adapter_version_id ? ` · ${b.adapter_version_id}` : ""} · {localDateTime(b.checked_at)} by {b.run_by}
          </Text>
        </div>
        <Stack gap={0} align="flex-end">
          <Text size="xs" style={{ overflowWrap: "anywhere" }}>
            {b.file_name}
          </Text>
          <HashText sha256={b.sha256} size="xs" />
        </Stack>
      </Group>
      {b.figures.kind === "demographic_parity" ? (
        <ParityFigures figures={b.figures} threshold={b.threshold} />
      ) : (
        <AdversarialFigures figures={b.figures} threshold={b.threshold} />
      )}
      <Text size="xs" c="dimmed" mt={6}>
        Threshold {b.threshold}: {b.threshold_rationale}
      </Text>
    </Paper>
  );
}

export function BiasTab({ useCaseId }: { useCaseId: string }) {
  const checks = useQuery({
    queryKey: keys.biasChecks(useCaseId),
    queryFn: () => api.biasList({ use_case_id: useCaseId }),
  });
  const [importing, setImporting] = useState(false);
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={4}>Bias checks of {useCaseId}</Title>
        <Button
          leftSection={<IconFileImport size={16} />}
          onClick={() => setImporting(true)}
          data-testid="bias-import-open"
        >
          Import results…
        </Button>
      </Group>
      {checks.isPending && <Loader size="sm" aria-label="Loading bias checks" />}
      {checks.isError && <Alert color="red">{checks.error.message}</Alert>}
      {checks.data?.length === 0 && (
        <Paper withBorder p="lg" radius="md">
          <Text size="sm" c="dimmed">
            No bias check recorded. Import a demographic-parity CSV (group, total, positive) or an adversarial prompt
            suite's results (prompt_id, category, passed, notes).
          </Text>
        </Paper>
      )}
      {checks.data?.map((b) => (
        <BiasCard key={b.id} check={b} />
      ))}
      <BiasImportModal useCaseId={useCaseId} opened={importing} onClose={() => setImporting(false)} />
    </Stack>
  );
}
