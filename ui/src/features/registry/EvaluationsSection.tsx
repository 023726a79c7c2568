// The evaluations recorded against a version: each file's metrics with their uncertainty, where
// it came from, which use cases compare later adapters against it (their baseline), and its
// compliance sign-off.
import { Alert, Badge, Button, Group, Paper, Select, Stack, Table, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconFlag } from "@tabler/icons-react";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { api } from "../../backend";
import type { Evaluation } from "../../bindings/Evaluation";
import type { Metric } from "../../bindings/Metric";
import { HashText } from "../../components/HashText";
import { keys, useInvalidate } from "../../lib/queryKeys";
import { EVALUATION_FORMAT_LABEL } from "../../lib/recordKinds";
import { SignoffBadge } from "../signoffs/SignoffBadge";
import { SignOffButton } from "../signoffs/SignoffModal";

function formatValue(n: number): string {
  return n.toLocaleString("en-GB", { maximumFractionDigits: 4 });
}

function direction(m: Metric): string {
  if (m.higher_is_better === null) return "—";
  return m.higher_is_better ? "higher is better" : "lower is better";
}

function MarkBaseline({ evaluation, defaultUseCase }: { evaluation: Evaluation; defaultUseCase: string | null }) {
  const invalidate = useInvalidate();
  const useCases = useQuery({ queryKey: keys.useCases, queryFn: api.useCaseList });
  const [useCaseId, setUseCaseId] = useState<string | null>(defaultUseCase);
  const [problem, setProblem] = useState<string | null>(null);
  const mark = useMutation({
    mutationFn: (id: string) => api.evaluationMarkBaseline({ evaluation_id: evaluation.id, use_case_id: id }),
    onMutate: () => setProblem(null),
    onSuccess: async (e, id) => {
      await invalidate("evaluations");
      notifications.show({
        color: "teal",
        title: "Baseline set",
        message: `${e.title} (${e.id}) is the baseline of ${id}`,
      });
    },
    onError: (error) => setProblem(error.message),
  });
  return (
    <Stack gap={4}>
      <Group gap="xs" align="flex-end">
        <Select
          label="Mark as baseline of a use case"
          placeholder="Choose a use case"
          data={(useCases.data ?? []).map((u) => ({ value: u.id, label: `${u.id} · ${u.title}` }))}
          value={useCaseId}
          onChange={setUseCaseId}
          searchable
          size="xs"
          w={320}
          data-testid={`baseline-usecase-${evaluation.id}`}
        />
        <Button
          size="xs"
          variant="light"
          leftSection={<IconFlag size={14} />}
          disabled={useCaseId === null}
          loading={mark.isPending}
          onClick={() => useCaseId && mark.mutate(useCaseId)}
          data-testid={`baseline-mark-${evaluation.id}`}
        >
          Mark as baseline
        </Button>
      </Group>
      {problem && (
        <Text size="xs" c="red">
          {problem}
        </Text>
      )}
    </Stack>
  );
}

export function EvaluationCard({
  evaluation: e,
  defaultUseCase,
}: {
  evaluation: Evaluation;
  defaultUseCase: string | null;
}) {
  return (
    <Paper withBorder p="sm" radius="md" data-testid={`evaluation-${e.id}`}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div style={{ minWidth: 0 }}>
          <Text fw={600} style={{ overflowWrap: "anywhere" }}>
            {e.title}
          </Text>
          <Text size="xs" c="dimmed">
            {e.id} · {EVALUATION_FORMAT_LABEL[e.format]} · run on {e.run_on} by {e.run_by} · {e.file_name}
          </Text>
        </div>
        <Stack gap={4} align="flex-end">
          <HashText sha256={e.sha256} size="xs" />
          <Group gap={6} wrap="nowrap">
            <SignoffBadge entityId={e.id} size="xs" />
            <SignOffButton
              target={{ entityId: e.id, kind: "evaluation", title: `${e.id} · ${e.title}` }}
              testId={`evaluation-sign-off-${e.id}`}
              size="compact-xs"
              variant="subtle"
            />
          </Group>
        </Stack>
      </Group>
      {e.baseline_for.length > 0 && (
        <Group gap={4} mt={6}>
          {e.baseline_for.map((u) => (
            <Badge miw="max-content" key={u} color="violet" variant="light" leftSection={<IconFlag size={12} />}>
              Baseline of {u}
            </Badge>
          ))}
        </Group>
      )}
      {e.metrics.length === 0 ? (
        <Text size="sm" c="dimmed" mt="xs">
          The file holds no metrics.
        </Text>
      ) : (
        <Table verticalSpacing={2} mt="xs" fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Suite</Table.Th>
              <Table.Th>Metric</Table.Th>
              <Table.Th ta="right">Value</Table.Th>
              <Table.Th>Direction</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {e.metrics.map((m) => (
              <Table.Tr key={`${m.suite}/${m.metric}`}>
                <Table.Td style={{ overflowWrap: "anywhere" }}>{m.suite}</Table.Td>
                <Table.Td style={{ overflowWrap: "anywhere" }}>{m.metric}</Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: "nowrap" }}>
                  {formatValue(m.value)}
                  {m.stderr !== null && (
                    <Text span size="xs" c="dimmed">
                      {" "}
                      ± {formatValue(m.stderr)}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td c="dimmed">{direction(m)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <div style={{ marginTop: 8 }}>
        <MarkBaseline evaluation={e} defaultUseCase={defaultUseCase} />
      </div>
    </Paper>
  );
}

export function EvaluationsSection({
  evaluations,
  useCaseId,
}: {
  evaluations: Evaluation[];
  useCaseId: string | null;
}) {
  if (evaluations.length === 0) {
    return (
      <Alert color="red" variant="light" title="No evaluation recorded">
        Lineage flags a version without evaluation evidence. Import an lm-evaluation-harness or CSV file, or an MLflow
        run.
      </Alert>
    );
  }
  return (
    <Stack gap="sm">
      {evaluations.map((e) => (
        <EvaluationCard key={e.id} evaluation={e} defaultUseCase={useCaseId} />
      ))}
    </Stack>
  );
}
