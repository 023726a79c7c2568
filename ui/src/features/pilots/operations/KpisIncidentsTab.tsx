// A pilot in operation: the KPIs it is judged by (baseline, target, which way is better, and the
// improvement the target asks for) and the incidents met on the way, newest first (severity,
// compliance or operational, what happened, and how it was resolved or that it is still open).
// KPIs are added (./AddKpiModal), incidents recorded and resolved (./IncidentModals).
import { Badge, Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconArrowDown, IconArrowUp, IconCheck, IconPlus } from "@tabler/icons-react";
import { createColumnHelper } from "@tanstack/react-table";
import { type ReactNode, useMemo, useState } from "react";
import type { Incident } from "../../../bindings/Incident";
import type { Kpi } from "../../../bindings/Kpi";
import type { Pilot } from "../../../bindings/Pilot";
import { DataTable } from "../../../components/DataTable";
import { localDate } from "../../../lib/compliance";
import { SEVERITY_LABEL } from "../../../lib/recordKinds";
import { SEVERITY_COLOR, TONE } from "../../../lib/statusColors";
import { AddKpiModal } from "./AddKpiModal";
import { RecordIncidentModal, ResolveIncidentModal } from "./IncidentModals";
import { figure, improvement, incidentSummary, openIncidents } from "./operationsFormat";

const kpiColumn = createColumnHelper<Kpi>();
const KPI_COLUMNS = [
  kpiColumn.accessor("name", { header: "KPI" }),
  kpiColumn.accessor("unit", { header: "Unit", meta: { nowrap: true } }),
  kpiColumn.accessor("baseline", {
    header: "Baseline",
    meta: { nowrap: true, align: "right" },
    cell: (i) => figure(i.getValue()),
  }),
  kpiColumn.accessor("target", {
    header: "Target",
    meta: { nowrap: true, align: "right" },
    cell: (i) => <Text fw={600}>{figure(i.getValue())}</Text>,
  }),
  kpiColumn.accessor("higher_is_better", {
    header: "Better",
    meta: { nowrap: true },
    cell: (i) => {
      const higher = i.getValue();
      const Icon = higher ? IconArrowUp : IconArrowDown;
      return (
        <Group gap={4} wrap="nowrap" data-testid={`kpi-direction-${i.row.original.id}`}>
          <Icon size={16} aria-hidden />
          <Text size="sm">{higher ? "Higher" : "Lower"}</Text>
        </Group>
      );
    },
  }),
  kpiColumn.display({
    id: "improvement",
    header: "Change sought",
    meta: { nowrap: true },
    cell: (i) => (
      <Text size="sm" c="dimmed">
        {improvement(i.row.original)}
      </Text>
    ),
  }),
];

/** A section's title and the line under it, with the button that adds to the section. */
function SectionHeader({
  title,
  summary,
  action,
}: {
  title: string;
  summary: ReactNode;
  action: { label: string; onClick: () => void; testId: string };
}) {
  return (
    <Group justify="space-between">
      <div>
        <Title order={5}>{title}</Title>
        {summary}
      </div>
      <Button
        variant="light"
        size="xs"
        leftSection={<IconPlus size={14} />}
        onClick={action.onClick}
        data-testid={action.testId}
      >
        {action.label}
      </Button>
    </Group>
  );
}

function KpisSection({ pilot }: { pilot: Pilot }) {
  const [adding, addModal] = useDisclosure(false);
  return (
    <Paper withBorder p="md" radius="md" data-testid="pilot-kpis">
      <Stack gap="sm">
        <SectionHeader
          title="KPIs"
          summary={
            <Text size="sm" c="dimmed">
              What the pilot is judged by: where it started and where it should get to.
            </Text>
          }
          action={{ label: "Add KPI", onClick: addModal.open, testId: "kpi-add" }}
        />
        {pilot.kpis.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="kpis-none">
            No KPI yet. Add the figures the steering committee will judge the pilot by, each with its baseline and
            target.
          </Text>
        ) : (
          <DataTable
            rows={pilot.kpis}
            columns={KPI_COLUMNS}
            rowId={(k) => k.id}
            rowTestId={(k) => `kpi-row-${k.id}`}
            testId="kpi-table"
          />
        )}
      </Stack>
      <AddKpiModal pilot={pilot} opened={adding} onClose={addModal.close} />
    </Paper>
  );
}

function incidentColumns(onResolve: (incident: Incident) => void) {
  const column = createColumnHelper<Incident>();
  return [
    column.accessor("occurred_on", { header: "Date", meta: { nowrap: true }, cell: (i) => localDate(i.getValue()) }),
    column.accessor("severity", {
      header: "Severity",
      enableSorting: false,
      cell: (i) => (
        <Badge miw="max-content" variant="light" color={SEVERITY_COLOR[i.getValue()]}>
          {SEVERITY_LABEL[i.getValue()]}
        </Badge>
      ),
    }),
    column.accessor("compliance", {
      header: "Kind",
      cell: (i) =>
        i.getValue() ? (
          <Badge
            miw="max-content"
            variant="outline"
            color={TONE.bad}
            data-testid={`incident-compliance-${i.row.original.id}`}
          >
            Compliance
          </Badge>
        ) : (
          <Text size="sm" c="dimmed">
            Operational
          </Text>
        ),
    }),
    column.accessor("description", {
      header: "What happened",
      enableSorting: false,
      cell: (i) => (
        <Stack gap={0}>
          <Text size="sm">{i.getValue()}</Text>
          <Text size="xs" c="dimmed">
            {i.row.original.id} · recorded by {i.row.original.recorded_by}
          </Text>
        </Stack>
      ),
    }),
    column.accessor((i) => i.resolved_on ?? "", {
      id: "resolution",
      header: "Resolution",
      cell: (i) => {
        const incident = i.row.original;
        if (incident.resolved_on === null) {
          return (
            <Group gap="xs" wrap="nowrap">
              <Badge miw="max-content" variant="light" color={TONE.attention}>
                Open
              </Badge>
              <Button
                variant="light"
                size="compact-xs"
                leftSection={<IconCheck size={12} />}
                onClick={() => onResolve(incident)}
                data-testid={`incident-resolve-${incident.id}`}
              >
                Resolve
              </Button>
            </Group>
          );
        }
        return (
          <Stack gap={0}>
            <Text size="sm">{incident.resolution}</Text>
            <Text size="xs" c="dimmed">
              Resolved on {localDate(incident.resolved_on)}
            </Text>
          </Stack>
        );
      },
    }),
  ];
}

function IncidentsSection({ pilot }: { pilot: Pilot }) {
  const [recording, recordModal] = useDisclosure(false);
  const [resolving, setResolving] = useState<Incident | null>(null);
  const columns = useMemo(() => incidentColumns(setResolving), []);
  const open = openIncidents(pilot.incidents);
  return (
    <Paper withBorder p="md" radius="md" data-testid="pilot-incidents">
      <Stack gap="sm">
        <SectionHeader
          title="Incidents"
          summary={
            <Text size="sm" c={open.length > 0 ? "orange.8" : "dimmed"} data-testid="incidents-summary">
              {incidentSummary(pilot.incidents)}
            </Text>
          }
          action={{ label: "Record incident", onClick: recordModal.open, testId: "incident-record" }}
        />
        {pilot.incidents.length > 0 && (
          <DataTable
            rows={pilot.incidents}
            columns={columns}
            rowId={(i) => i.id}
            rowTestId={(i) => `incident-row-${i.id}`}
            testId="incident-table"
          />
        )}
      </Stack>
      <RecordIncidentModal pilot={pilot} opened={recording} onClose={recordModal.close} />
      <ResolveIncidentModal incident={resolving} onClose={() => setResolving(null)} />
    </Paper>
  );
}

/** The KPIs and incidents of one pilot, for the Pilots page's tab. */
export function KpisIncidentsTab({ pilot }: { pilot: Pilot }) {
  return (
    <Stack gap="md" data-testid="kpis-incidents-tab">
      <KpisSection pilot={pilot} />
      <IncidentsSection pilot={pilot} />
    </Stack>
  );
}
