// How far a use case's recorded evidence covers each regulatory framework: per framework the
// share of items covered, then each item with the evidence kinds that would cover it and which of
// them this use case has. Items no Steerco record can evidence are marked as outside Steerco.
import {
  Accordion,
  Alert,
  Badge,
  Group,
  Loader,
  Paper,
  Progress,
  Stack,
  Table,
  Text,
  Title,
  Tooltip,
} from "@mantine/core";
import { IconCheck } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { backend } from "../../backend";
import type { FrameworkCoverage } from "../../bindings/FrameworkCoverage";
import type { ItemCoverage } from "../../bindings/ItemCoverage";

function Verdict({ item }: { item: ItemCoverage }) {
  if (item.evidenced_by.length === 0) {
    return (
      <Badge color="gray" variant="light" tt="none" miw="max-content">
        outside Steerco
      </Badge>
    );
  }
  return item.covered ? (
    <Badge miw="max-content" color="teal" variant="light" leftSection={<IconCheck size={12} />} tt="none">
      covered
    </Badge>
  ) : (
    <Badge color="red" variant="light" tt="none" miw="max-content">
      no evidence
    </Badge>
  );
}

function Evidence({ item }: { item: ItemCoverage }) {
  if (item.evidenced_by.length === 0) {
    return (
      <Text size="xs" c="dimmed">
        Kept outside Steerco
      </Text>
    );
  }
  return (
    <Group gap={4}>
      {item.evidenced_by.map((kind) => {
        const present = item.present.includes(kind);
        return (
          <Badge
            miw="max-content"
            key={kind}
            size="sm"
            variant={present ? "light" : "outline"}
            color={present ? "teal" : "gray"}
            tt="none"
          >
            {present ? "✓ " : ""}
            {kind}
          </Badge>
        );
      })}
    </Group>
  );
}

function FrameworkPanel({ f }: { f: FrameworkCoverage }) {
  const share = f.total === 0 ? 0 : (100 * f.covered) / f.total;
  return (
    <Paper withBorder p="md" radius="md" data-testid={`coverage-${f.framework}`}>
      <Group justify="space-between" align="flex-end" mb={4}>
        <div>
          <Title order={5}>{f.title}</Title>
          <Text size="xs" c="dimmed">
            {f.source}
          </Text>
        </div>
        <Text size="sm" fw={600}>
          covered {f.covered} of {f.total}
        </Text>
      </Group>
      <Progress
        value={share}
        color={share === 100 ? "teal" : share >= 50 ? "yellow" : "red"}
        mb="sm"
        aria-label={`${f.title} coverage`}
      />
      <Table verticalSpacing={4} fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Reference</Table.Th>
            <Table.Th>Requirement</Table.Th>
            <Table.Th>Covered</Table.Th>
            <Table.Th>Evidence (✓ present)</Table.Th>
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
              </Table.Td>
              <Table.Td>
                <Verdict item={item} />
              </Table.Td>
              <Table.Td>
                <Evidence item={item} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

function Mapping() {
  const mapping = useQuery({ queryKey: ["framework-mapping"], queryFn: backend.frameworkMapping });
  if (mapping.isPending) return <Loader size="xs" aria-label="Loading the evidence mapping" />;
  if (mapping.isError) return <Alert color="red">{mapping.error.message}</Alert>;
  return (
    <Table verticalSpacing={2} fz="sm" data-testid="framework-mapping">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Evidence kind</Table.Th>
          <Table.Th>Framework items it evidences</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {mapping.data.map((m) => (
          <Table.Tr key={m.evidence_kind}>
            <Table.Td ff="monospace">{m.evidence_kind}</Table.Td>
            <Table.Td>{m.items.join(" · ")}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function CoverageTab({ useCaseId }: { useCaseId: string }) {
  const coverage = useQuery({
    queryKey: ["framework-coverage", useCaseId],
    queryFn: () => backend.frameworkCoverage(useCaseId),
  });
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
          Evidence recorded for this use case: {c.evidence.length === 0 ? "none yet" : c.evidence.join(", ")}. Coverage
          says evidence exists, not that it is adequate; that is the compliance officer's judgement.
        </Text>
      </div>
      {c.frameworks.map((f) => (
        <FrameworkPanel key={f.framework} f={f} />
      ))}
      <Accordion variant="contained">
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
