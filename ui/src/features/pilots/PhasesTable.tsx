// A pilot's phases in order: who uses it, planned and actual dates, where it stands (stopped with
// the reason) and the oversight for that audience; and adding the next phase (./AddPhaseModal).
import { Badge, Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconPlus } from "@tabler/icons-react";
import { createColumnHelper } from "@tanstack/react-table";
import type { Phase } from "../../bindings/Phase";
import type { Pilot } from "../../bindings/Pilot";
import { DataTable } from "../../components/DataTable";
import { localDate } from "../../lib/compliance";
import { PHASE_STATUS_LABEL } from "../../lib/recordKinds";
import { PHASE_STATUS_COLOR } from "../../lib/statusColors";
import { AddPhaseModal } from "./AddPhaseModal";

function span(start: string | null, end: string | null): string {
  if (!start) return "—";
  return `${localDate(start)} – ${end ? localDate(end) : "…"}`;
}

const column = createColumnHelper<Phase>();
const columns = [
  column.accessor("position", { header: "#", meta: { nowrap: true, width: 48 } }),
  column.accessor("name", { header: "Phase" }),
  column.accessor("audience", { header: "Audience" }),
  column.accessor("planned_start", {
    header: "Planned",
    meta: { nowrap: true },
    cell: (i) => span(i.row.original.planned_start, i.row.original.planned_end),
  }),
  column.accessor((p) => p.actual_start ?? "", {
    id: "actual",
    header: "Actual",
    meta: { nowrap: true },
    cell: (i) => span(i.row.original.actual_start, i.row.original.actual_end),
  }),
  column.accessor("status", {
    header: "Status",
    cell: (i) => {
      const p = i.row.original;
      return (
        <Stack gap={2}>
          <Badge
            miw="max-content"
            variant="light"
            color={PHASE_STATUS_COLOR[p.status]}
            data-testid={`phase-status-${p.id}`}
            data-status={p.status}
          >
            {PHASE_STATUS_LABEL[p.status]}
          </Badge>
          {p.stop_reason && (
            <Text size="xs" c="red.8">
              {p.stop_reason}
            </Text>
          )}
        </Stack>
      );
    },
  }),
  column.accessor("oversight_note", {
    header: "Oversight for this audience",
    enableSorting: false,
    cell: (i) =>
      i.getValue() || (
        <Text span size="sm" c="dimmed">
          As the use case's plan
        </Text>
      ),
  }),
];

export function PhasesTable({ pilot }: { pilot: Pilot }) {
  const [adding, addModal] = useDisclosure(false);
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={5}>Phases</Title>
          <Button
            variant="light"
            size="xs"
            leftSection={<IconPlus size={14} />}
            onClick={addModal.open}
            data-testid="pilot-phase-add"
          >
            Add phase
          </Button>
        </Group>
        {pilot.phases.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="pilot-no-phases">
            No phase planned yet. Add the first: who uses the pilot, and from when to when. Starting the pilot starts
            it; advancing moves to the next.
          </Text>
        ) : (
          <DataTable
            rows={pilot.phases}
            columns={columns}
            rowId={(p) => p.id}
            rowTestId={(p) => `pilot-phase-${p.id}`}
            testId="pilot-phases"
          />
        )}
      </Stack>
      <AddPhaseModal pilot={pilot} opened={adding} onClose={addModal.close} />
    </Paper>
  );
}
