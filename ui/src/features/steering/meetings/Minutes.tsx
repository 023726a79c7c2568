// A closed meeting's minutes, final: who attended, every decision with its rationale, who took it
// and what it did, the actions agreed, and the audit trail's record number and head hash at the
// close (what anchors the trail outside the file).
import { Badge, Group, Paper, Stack, Text, Title } from "@mantine/core";
import type { Meeting } from "../../../bindings/Meeting";
import { FieldGrid } from "../../../components/FieldGrid";
import { HashText } from "../../../components/HashText";
import { localDateTime } from "../../../lib/compliance";
import { AGENDA_KIND_LABEL } from "../../../lib/recordKinds";
import { DECISION_CHOICE_COLOR } from "../../../lib/statusColors";
import { choiceLabel } from "../steeringData";
import { ActionsTable } from "./MeetingActions";

export function AttendeeList({ meeting }: { meeting: Meeting }) {
  return (
    <Group gap={6} data-testid="meeting-attendees">
      {meeting.attendees.map((a) => (
        <Badge key={a.person_id} variant="outline" color="gray" tt="none">
          {a.name}
        </Badge>
      ))}
    </Group>
  );
}

export function Minutes({ meeting }: { meeting: Meeting }) {
  return (
    <Stack gap="md" data-testid="meeting-minutes">
      <FieldGrid
        cols={3}
        items={[
          ["Closed", meeting.closed_at ? `${localDateTime(meeting.closed_at)} by ${meeting.closed_by ?? "—"}` : "—"],
          ["Trail record at the close", meeting.audit_seq !== null ? `#${meeting.audit_seq}` : "—"],
          [
            "Trail head hash at the close",
            meeting.audit_head ? (
              <div data-testid="minutes-audit-head" data-hash={meeting.audit_head}>
                <HashText sha256={meeting.audit_head} />
              </div>
            ) : (
              "—"
            ),
          ],
        ]}
      />
      <div>
        <Title order={5} mb={4}>
          Attendees
        </Title>
        <AttendeeList meeting={meeting} />
      </div>
      <div>
        <Title order={5} mb={4}>
          Decisions
        </Title>
        {meeting.decisions.length === 0 ? (
          <Text size="sm" c="dimmed">
            No decision was taken.
          </Text>
        ) : (
          <Stack gap="xs" data-testid="minutes-decisions">
            {meeting.decisions.map((d) => (
              <Paper key={d.id} withBorder p="sm" radius="sm" data-testid={`minutes-decision-${d.id}`}>
                <Group gap="xs" mb={2}>
                  <Badge color={DECISION_CHOICE_COLOR[d.decision]}>{choiceLabel(d.kind, d.decision)}</Badge>
                  <Badge variant="light" tt="none">
                    {AGENDA_KIND_LABEL[d.kind]}
                  </Badge>
                  <Text size="xs" c="dimmed">
                    {d.id} · {d.decided_by} · {localDateTime(d.decided_at)}
                  </Text>
                </Group>
                <Text size="sm" fw={600}>
                  {d.title}
                </Text>
                <Text size="sm">{d.rationale}</Text>
                <Text size="sm" c="dimmed">
                  {d.outcome}
                </Text>
              </Paper>
            ))}
          </Stack>
        )}
      </div>
      <div>
        <Title order={5} mb={4}>
          Actions
        </Title>
        <ActionsTable actions={meeting.actions} />
      </div>
    </Stack>
  );
}
