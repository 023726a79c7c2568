// The dashboard's lists beside the money: the latest highlights (what a month brought, who wrote
// it), where each pilot stands, the decisions waiting, the open steering meeting and the open
// incidents. Each row opens its record where it is dealt with.
import { Anchor, Badge, Group, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { api } from "../../backend";
import type { Decision } from "../../bindings/Decision";
import type { Highlight } from "../../bindings/Highlight";
import type { OpenIncident } from "../../bindings/OpenIncident";
import type { OpenMeeting } from "../../bindings/OpenMeeting";
import type { PilotState } from "../../bindings/PilotState";
import type { PilotPhase } from "../../bindings/PilotPhase";
import { DecisionRow } from "../../components/DecisionRow";
import { useFirstRows } from "../../components/useFirstRows";
import { openableRow } from "../../components/tableRows";
import { localDate, localMonth } from "../../lib/compliance";
import { keys } from "../../lib/queryKeys";
import { PILOT_STATE_LABEL, SEVERITY_LABEL, STAGE_LABEL } from "../../lib/recordKinds";
import { PHASE_STATUS_COLOR, SEVERITY_COLOR, TONE } from "../../lib/statusColors";
import { useNavigation } from "../../shell/navigation";
import { pilotsParam } from "../pilots/pilotsLocation";

export function Panel({ title, testId, children }: { title: string; testId: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" radius="md" data-testid={testId}>
      <Title order={4} mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/** Rows a list shows before "Show all". */
export const FIRST_ROWS = 10;

function Empty({ children }: { children: ReactNode }) {
  return (
    <Text size="sm" c="dimmed">
      {children}
    </Text>
  );
}

export function Highlights({ highlights }: { highlights: Highlight[] }) {
  const { navigate } = useNavigation();
  return (
    <Panel title="Latest highlights" testId="dashboard-highlights">
      {highlights.length === 0 ? (
        <Empty>No highlight yet: each month of value can carry one, written by whoever records it.</Empty>
      ) : (
        <Table verticalSpacing="xs" highlightOnHover>
          <Table.Tbody>
            {highlights.map((h) => (
              <Table.Tr
                key={`${h.use_case_id}-${h.month}`}
                {...openableRow(
                  () => navigate("value", h.use_case_id),
                  `Open the value of ${h.use_case_id} ${h.title}`,
                )}
                data-testid={`dashboard-highlight-${h.use_case_id}-${h.month}`}
              >
                <Table.Td>
                  <Text size="sm">“{h.text}”</Text>
                  <Text size="xs" c="dimmed">
                    {h.by || "Unsigned"} · {h.use_case_id} {h.title} · {localMonth(h.month)}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Panel>
  );
}

const PILOT_STATES: readonly PilotState[] = ["running", "planned", "done", "stopped"];

export function PilotsByPhase({ pilots }: { pilots: PilotPhase[] }) {
  const { navigate } = useNavigation();
  const counts = PILOT_STATES.map((s) => ({ state: s, count: pilots.filter((p) => p.state === s).length })).filter(
    (c) => c.count > 0,
  );
  const { shown, toggle } = useFirstRows(pilots, FIRST_ROWS, "dashboard-pilots-more");
  return (
    <Panel title="Pilots by phase" testId="dashboard-pilots">
      {pilots.length === 0 ? (
        <Empty>No pilot yet.</Empty>
      ) : (
        <Stack gap="xs">
          <Group gap="xs">
            {counts.map((c) => (
              <Badge key={c.state} color={PHASE_STATUS_COLOR[c.state]} variant="light">
                {PILOT_STATE_LABEL[c.state]}: {c.count}
              </Badge>
            ))}
          </Group>
          <Table verticalSpacing="xs" highlightOnHover>
            <Table.Tbody>
              {shown.map((p) => {
                return (
                  <Table.Tr
                    key={p.pilot_id}
                    {...openableRow(
                      () => navigate("pilots", pilotsParam(p.use_case_id, "pilot")),
                      `Open the pilot of ${p.use_case_id} ${p.title}`,
                    )}
                    data-testid={`dashboard-pilot-${p.pilot_id}`}
                  >
                    <Table.Td>
                      <Text size="sm" fw={600}>
                        {p.title}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {p.pilot_id} · {p.use_case_id} · {STAGE_LABEL[p.stage]}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">
                        {p.phase ? `${p.phase} (${p.position} of ${p.phases})` : "No phase planned"}
                      </Text>
                      {p.audience && (
                        <Text size="xs" c="dimmed">
                          {p.audience}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td ta="right">
                      <Badge miw="max-content" color={PHASE_STATUS_COLOR[p.state]} variant="light">
                        {PILOT_STATE_LABEL[p.state]}
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
          {toggle}
        </Stack>
      )}
    </Panel>
  );
}

export function DecisionsNeeded({
  decisions,
  onOpenCase,
}: {
  decisions: Decision[];
  onOpenCase: (useCaseId: string) => void;
}) {
  const { navigate } = useNavigation();
  const open = (d: Decision) =>
    d.kind === "payback_gate" ? onOpenCase(d.record_id) : navigate("signoffs", d.record_id);
  const { shown, toggle } = useFirstRows(decisions, FIRST_ROWS, "dashboard-decisions-more");
  return (
    <Panel title="Decisions needed" testId="dashboard-decisions">
      {decisions.length === 0 ? (
        <Empty>No decision waits: no case parked by the payback gate, nothing awaiting a sign-off.</Empty>
      ) : (
        <>
          <Table verticalSpacing="xs" highlightOnHover>
            <Table.Tbody>
              {shown.map((d) => (
                <DecisionRow
                  key={`${d.kind}-${d.record_id}`}
                  decision={d}
                  onOpen={() => open(d)}
                  testId={`dashboard-decision-${d.record_id}`}
                />
              ))}
            </Table.Tbody>
          </Table>
          {toggle}
        </>
      )}
    </Panel>
  );
}

export function OpenMeetingPanel({ meeting }: { meeting: OpenMeeting | null }) {
  const { navigate } = useNavigation();
  // The agenda (the same cache entry the Steering page reads) says how many items still wait.
  const agenda = useQuery({
    queryKey: keys.agenda(meeting?.id ?? ""),
    queryFn: () => api.meetingAgenda({ id: meeting?.id ?? "" }),
    enabled: meeting !== null,
  });
  return (
    <Panel title="Steering meeting" testId="dashboard-meeting">
      {meeting === null ? (
        <Stack gap={4} align="flex-start">
          <Empty>No meeting is open.</Empty>
          <Anchor component="button" type="button" size="sm" onClick={() => navigate("steering")}>
            Meetings and minutes →
          </Anchor>
        </Stack>
      ) : (
        <Stack gap={4} align="flex-start">
          <Anchor
            component="button"
            type="button"
            fw={600}
            onClick={() => navigate("steering", meeting.id)}
            data-testid="dashboard-meeting-link"
          >
            {meeting.id} on {localDate(meeting.held_on)} →
          </Anchor>
          <Text size="sm" data-testid="dashboard-meeting-counts">
            {meeting.decided} decided
            {agenda.data ? ` · ${agenda.data.pending} still on the agenda` : ""}
          </Text>
        </Stack>
      )}
    </Panel>
  );
}

export function OpenIncidents({ incidents }: { incidents: OpenIncident[] }) {
  const { navigate } = useNavigation();
  const { shown, toggle } = useFirstRows(incidents, FIRST_ROWS, "dashboard-incidents-more");
  return (
    <Panel title="Open incidents" testId="dashboard-incidents">
      {incidents.length === 0 ? (
        <Empty>No incident is open.</Empty>
      ) : (
        <>
          <Table verticalSpacing="xs" highlightOnHover>
            <Table.Tbody>
              {shown.map((i) => (
                <Table.Tr
                  key={i.id}
                  {...openableRow(
                    () => navigate("pilots", pilotsParam(i.use_case_id, "operations")),
                    `Open the incidents of ${i.use_case_id} ${i.title}`,
                  )}
                  data-testid={`dashboard-incident-${i.id}`}
                >
                  <Table.Td style={{ verticalAlign: "top" }}>
                    <Group gap={4} wrap="nowrap">
                      <Badge miw="max-content" color={SEVERITY_COLOR[i.severity]} variant="light">
                        {SEVERITY_LABEL[i.severity]}
                      </Badge>
                      {i.compliance && (
                        <Badge miw="max-content" color={TONE.bad} variant="outline">
                          Compliance
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" lineClamp={2}>
                      {i.description}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {i.id} · {i.use_case_id} {i.title} · {localDate(i.occurred_on)}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {toggle}
        </>
      )}
    </Panel>
  );
}
