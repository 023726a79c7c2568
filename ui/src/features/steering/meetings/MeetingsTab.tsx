// Steering meetings: the list (open ones first to decide, closed ones kept as minutes), opening a
// new one (./NewMeetingModal), and the meeting picked: an open meeting's agenda with its decision
// buttons (./AgendaList), its actions (./MeetingActions) and closing it (./CloseMeetingModal); a
// closed meeting's final minutes (./Minutes).
import { Alert, Badge, Button, Group, Loader, Paper, Stack, Text, Title } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconLock, IconPlus } from "@tabler/icons-react";
import { createColumnHelper } from "@tanstack/react-table";
import { useEffect, useState } from "react";
import type { MeetingSummary } from "../../../bindings/MeetingSummary";
import { DataTable } from "../../../components/DataTable";
import { localDate } from "../../../lib/compliance";
import { TONE } from "../../../lib/statusColors";
import { useAgenda, useMeetings, useMinutes } from "../steeringData";
import { AgendaList } from "./AgendaList";
import { CloseMeetingModal } from "./CloseMeetingModal";
import { MeetingActions } from "./MeetingActions";
import { AttendeeList, Minutes } from "./Minutes";
import { NewMeetingModal } from "./NewMeetingModal";

const column = createColumnHelper<MeetingSummary>();
const COLUMNS = [
  column.accessor("id", { header: "Meeting", meta: { nowrap: true } }),
  column.accessor("held_on", { header: "Date", meta: { nowrap: true }, cell: (i) => localDate(i.getValue()) }),
  column.accessor("closed", {
    header: "State",
    meta: { nowrap: true },
    cell: (i) => <StateBadge closed={i.getValue()} />,
  }),
  column.accessor("attendees", { header: "Attendees", meta: { align: "right" } }),
  column.accessor("decisions", { header: "Decisions", meta: { align: "right" } }),
  column.accessor("actions", { header: "Actions", meta: { align: "right" } }),
];

function StateBadge({ closed }: { closed: boolean }) {
  return (
    <Badge miw="max-content" variant="light" color={closed ? TONE.neutral : TONE.info}>
      {closed ? "Closed: minutes final" : "Open"}
    </Badge>
  );
}

function Header({
  id,
  heldOn,
  closed,
  children,
}: {
  id: string;
  heldOn: string;
  closed: boolean;
  children?: React.ReactNode;
}) {
  return (
    <Group justify="space-between" align="flex-start">
      <Group gap="xs">
        <Title order={3}>
          {id} · {localDate(heldOn)}
        </Title>
        <StateBadge closed={closed} />
      </Group>
      {children}
    </Group>
  );
}

function ClosedMeeting({ meetingId }: { meetingId: string }) {
  const minutes = useMinutes(meetingId);
  if (minutes.isPending) return <Loader size="sm" aria-label="Loading the minutes" />;
  if (minutes.isError) {
    return (
      <Alert color="red" title={`The minutes of ${meetingId} could not be loaded`}>
        {minutes.error.message}
      </Alert>
    );
  }
  const m = minutes.data;
  return (
    <Stack gap="md">
      <Header id={m.id} heldOn={m.held_on} closed />
      <Minutes meeting={m} />
    </Stack>
  );
}

function OpenMeeting({ meetingId }: { meetingId: string }) {
  const agenda = useAgenda(meetingId);
  const [closing, closeModal] = useDisclosure(false);
  if (agenda.isPending) return <Loader size="sm" aria-label="Loading the agenda" />;
  if (agenda.isError) {
    return (
      <Alert color="red" title={`The agenda of ${meetingId} could not be loaded`}>
        {agenda.error.message}
      </Alert>
    );
  }
  const { meeting, items, pending } = agenda.data;
  return (
    <Stack gap="md">
      <Header id={meeting.id} heldOn={meeting.held_on} closed={false}>
        <Button
          variant="default"
          color="red"
          leftSection={<IconLock size={16} />}
          onClick={closeModal.open}
          data-testid="meeting-close"
        >
          Close meeting…
        </Button>
      </Header>
      <AttendeeList meeting={meeting} />
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={5}>Agenda</Title>
          <Text size="sm" c={pending > 0 ? undefined : "dimmed"} data-testid="agenda-pending">
            {pending === 0 ? "Every item decided" : `${pending} of ${items.length} to decide`}
          </Text>
        </Group>
        <AgendaList meetingId={meeting.id} items={items} />
      </Stack>
      <MeetingActions meeting={meeting} />
      <CloseMeetingModal meetingId={meeting.id} pending={pending} opened={closing} onClose={closeModal.close} />
    </Stack>
  );
}

export function MeetingsTab({ openedOn }: { openedOn: string | null }) {
  const meetings = useMeetings();
  const [chosen, setChosen] = useState<string | null>(openedOn);
  const [creating, newModal] = useDisclosure(false);
  // The meeting shown first (the open one, else the newest) stays shown once it closes, rather
  // than the view jumping to another meeting when the list no longer has an open one.
  const first = meetings.data?.find((m) => !m.closed) ?? meetings.data?.[0] ?? null;
  useEffect(() => {
    if (chosen === null && first) setChosen(first.id);
  }, [chosen, first]);
  if (meetings.isPending) return <Loader size="sm" aria-label="Loading the meetings" />;
  if (meetings.isError) {
    return (
      <Alert color="red" title="The meetings could not be loaded">
        {meetings.error.message}
      </Alert>
    );
  }
  const list = meetings.data;
  const current = list.find((m) => m.id === chosen) ?? first;
  return (
    <Stack gap="md" data-testid="meetings-tab">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          A monthly meeting decides what its agenda brings: phase moves, expansions (with their regression evidence),
          what is red, backlog items and research cases due for review. Closing it makes the minutes final.
        </Text>
        <Button leftSection={<IconPlus size={16} />} onClick={newModal.open} data-testid="meeting-new-open">
          New meeting
        </Button>
      </Group>
      {chosen !== null && !list.some((m) => m.id === chosen) && (
        <Alert color="orange" data-testid="meeting-unknown">
          {chosen} is not a meeting of this portfolio.
        </Alert>
      )}
      {list.length === 0 ? (
        <Paper withBorder p="lg" radius="md" data-testid="meetings-none">
          <Text size="sm" c="dimmed">
            No meeting yet. Open one for its date: its agenda follows from the data.
          </Text>
        </Paper>
      ) : (
        <DataTable
          rows={list}
          columns={COLUMNS}
          rowId={(m) => m.id}
          onRowClick={(m) => setChosen(m.id)}
          selectedId={current?.id ?? null}
          rowLabel={(m) => `Open ${m.id} of ${localDate(m.held_on)}`}
          rowTestId={(m) => `meeting-row-${m.id}`}
          testId="meetings-table"
          initialSort={[{ id: "held_on", desc: true }]}
        />
      )}
      {current && (
        <Paper withBorder p="md" radius="md" data-testid="meeting-view" data-meeting={current.id}>
          {current.closed ? (
            <ClosedMeeting key={`${current.id}-closed`} meetingId={current.id} />
          ) : (
            <OpenMeeting key={current.id} meetingId={current.id} />
          )}
        </Paper>
      )}
      <NewMeetingModal opened={creating} onClose={newModal.close} onCreated={setChosen} />
    </Stack>
  );
}
