// How far a use case's recorded evidence covers each regulatory framework: per framework how many
// items are covered, partly covered, missing or outside Steerco; per item its status, the records
// that evidence it and what is still lacking; and every record considered, complete or not. The
// backend judges all of it; this tab only lays it out.
import {
  Accordion,
  Alert,
  Badge,
  Group,
  List,
  Loader,
  Paper,
  Progress,
  Stack,
  Table,
  Text,
  Title,
  Tooltip,
} from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { api } from "../../backend";
import type { CoverageStatus } from "../../bindings/CoverageStatus";
import type { EvidenceKind } from "../../bindings/EvidenceKind";
import type { EvidenceMapping } from "../../bindings/EvidenceMapping";
import type { EvidenceRecord } from "../../bindings/EvidenceRecord";
import type { FrameworkCoverage } from "../../bindings/FrameworkCoverage";
import type { ItemCoverage } from "../../bindings/ItemCoverage";
import { COVERAGE_STATUSES } from "../../lib/compliance";
import { keys } from "../../lib/queryKeys";
import { COVERAGE_STATUS_LABEL, EVIDENCE_KIND_LABEL } from "../../lib/recordKinds";
import { CHECK_COLOR, COVERAGE_STATUS_COLOR } from "../../lib/statusColors";

type KindLabel = (kind: EvidenceKind) => string;

/** The mapping names each evidence kind for people; it changes only with the program. */
function useMapping() {
  return useQuery({
    queryKey: keys.frameworkMapping,
    queryFn: (): Promise<EvidenceMapping[]> => api.frameworkMapping(),
    staleTime: Infinity,
  });
}

function useKindLabel(): KindLabel {
  const mapping = useMapping();
  return (kind) => mapping.data?.find((m) => m.evidence_kind === kind)?.label ?? EVIDENCE_KIND_LABEL[kind];
}

function StatusBadge({ status, testId }: { status: CoverageStatus; testId?: string }) {
  return (
    <Badge miw="max-content" color={COVERAGE_STATUS_COLOR[status]} variant="light" tt="none" data-testid={testId}>
      {COVERAGE_STATUS_LABEL[status]}
    </Badge>
  );
}

function Evidence({ item, label }: { item: ItemCoverage; label: KindLabel }) {
  if (item.evidence.length === 0) {
    return (
      <Text size="xs" c="dimmed">
        —
      </Text>
    );
  }
  return (
    <Group gap={4}>
      {item.evidence.map((e) => (
        <Tooltip key={`${e.kind}:${e.id}`} label={label(e.kind)}>
          <Badge miw="max-content" size="sm" variant="outline" color={CHECK_COLOR.passed} tt="none" ff="monospace">
            {e.id}
          </Badge>
        </Tooltip>
      ))}
    </Group>
  );
}

function Lacking({ item }: { item: ItemCoverage }) {
  if (item.status === "outside") {
    return (
      <Text size="xs" c="dimmed">
        {item.outside ?? "Kept outside Steerco"}
      </Text>
    );
  }
  if (item.lacking.length === 0) return null;
  return (
    <List size="xs" spacing={0} c="red.8">
      {item.lacking.map((l) => (
        <List.Item key={l}>{l}</List.Item>
      ))}
    </List>
  );
}

const OTHER_STATUSES = COVERAGE_STATUSES.filter((s) => s !== "covered");

function FrameworkPanel({ f, label }: { f: FrameworkCoverage; label: KindLabel }) {
  const share = (n: number) => (f.total === 0 ? 0 : (100 * n) / f.total);
  return (
    <Paper withBorder p="md" radius="md" data-testid={`coverage-${f.framework}`}>
      <Group justify="space-between" align="flex-end" mb={4}>
        <div>
          <Title order={5}>{f.title}</Title>
          <Text size="xs" c="dimmed">
            {f.source}
          </Text>
        </div>
        <Stack gap={4} align="flex-end" data-testid={`coverage-counts-${f.framework}`}>
          <Text size="sm" fw={600}>
            covered {f.covered} of {f.total}
          </Text>
          <Group gap={6}>
            {OTHER_STATUSES.map((s) => (
              <Badge key={s} miw="max-content" color={COVERAGE_STATUS_COLOR[s]} variant="light" tt="none">
                {COVERAGE_STATUS_LABEL[s]}: {f[s]}
              </Badge>
            ))}
          </Group>
        </Stack>
      </Group>
      <Progress.Root size="md" mb="sm" aria-label={`${f.title} coverage`}>
        {COVERAGE_STATUSES.map((s) => (
          <Progress.Section key={s} value={share(f[s])} color={COVERAGE_STATUS_COLOR[s]} />
        ))}
      </Progress.Root>
      <Table verticalSpacing={4} fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Reference</Table.Th>
            <Table.Th>Requirement</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Evidenced by</Table.Th>
            <Table.Th>What is lacking</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {f.items.map((item) => (
            <Table.Tr key={item.id} data-testid={`coverage-item-${f.framework}-${item.id}`}>
              <Table.Td style={{ whiteSpace: "nowrap" }}>{item.reference}</Table.Td>
              <Table.Td>
                <Tooltip label={item.summary} multiline maw={420} disabled={item.summary === ""}>
                  <Text size="sm">{item.title}</Text>
                </Tooltip>
                {item.requires.length > 0 && (
                  <Text size="xs" c="dimmed">
                    Needs: {item.requires.map(label).join(", ")}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <StatusBadge status={item.status} testId={`coverage-status-${f.framework}-${item.id}`} />
              </Table.Td>
              <Table.Td>
                <Evidence item={item} label={label} />
              </Table.Td>
              <Table.Td>
                <Lacking item={item} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

function Records({ records, label }: { records: EvidenceRecord[]; label: KindLabel }) {
  if (records.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No record of this use case evidences anything yet.
      </Text>
    );
  }
  return (
    <Table verticalSpacing={2} fz="sm" data-testid="coverage-records">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Evidence</Table.Th>
          <Table.Th>Record</Table.Th>
          <Table.Th>Counts?</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {records.map((r) => (
          <Table.Tr key={`${r.kind}:${r.id}`} data-testid={`coverage-record-${r.kind}-${r.id}`}>
            <Table.Td>{label(r.kind)}</Table.Td>
            <Table.Td ff="monospace">{r.id}</Table.Td>
            <Table.Td>
              {r.complete ? (
                <Badge miw="max-content" color={CHECK_COLOR.passed} variant="light" tt="none">
                  complete
                </Badge>
              ) : (
                <Text size="sm" c="red.8">
                  incomplete: {r.lacking ?? "not complete enough to count"}
                </Text>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function Mapping() {
  const mapping = useMapping();
  if (mapping.isPending) return <Loader size="xs" aria-label="Loading the evidence mapping" />;
  if (mapping.isError) return <Alert color="red">{mapping.error.message}</Alert>;
  return (
    <Table verticalSpacing={2} fz="sm" data-testid="framework-mapping">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Evidence</Table.Th>
          <Table.Th>Framework items it evidences</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {mapping.data.map((m) => (
          <Table.Tr key={m.evidence_kind}>
            <Table.Td>{m.label}</Table.Td>
            <Table.Td>{m.items.join(" · ")}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function CoverageTab({ useCaseId }: { useCaseId: string }) {
  const coverage = useQuery({
    queryKey: keys.coverage(useCaseId),
    queryFn: () => api.frameworkCoverage({ id: useCaseId }),
  });
  const label = useKindLabel();
  if (coverage.isPending) return <Loader size="sm" aria-label="Working out framework coverage" />;
  if (coverage.isError) {
    return (
      <Alert color="red" title="Coverage could not be worked out">
        {coverage.error.message}
      </Alert>
    );
  }
  const c = coverage.data;
  return (
    <Stack gap="md">
      <div>
        <Title order={4}>
          Framework coverage of {c.use_case_id} · {c.title}
        </Title>
        <Text size="sm" c="dimmed">
          Coverage says complete evidence exists, not that it is adequate; that is the compliance officer's judgement.
        </Text>
      </div>
      {c.frameworks.map((f) => (
        <FrameworkPanel key={f.framework} f={f} label={label} />
      ))}
      <Accordion variant="contained" multiple defaultValue={["records"]}>
        <Accordion.Item value="records">
          <Accordion.Control>Records of this use case considered</Accordion.Control>
          <Accordion.Panel>
            <Records records={c.evidence} label={label} />
          </Accordion.Panel>
        </Accordion.Item>
        <Accordion.Item value="mapping">
          <Accordion.Control>Which records evidence which items</Accordion.Control>
          <Accordion.Panel>
            <Mapping />
          </Accordion.Panel>
        </Accordion.Item>
      </Accordion>
    </Stack>
  );
}
