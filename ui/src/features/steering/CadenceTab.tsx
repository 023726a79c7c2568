// The improvement cadence: quarterly reviews, cross-functional forums (engineers, analysts,
// compliance) and workforce-enablement sessions. Where each kind stands (last held, due by,
// overdue, which the dashboard counts as a risk indicator), the events newest first, and recording
// one held: its kind, date, audience, attendance and outcomes.
import {
  Alert,
  Badge,
  Button,
  Group,
  Loader,
  Modal,
  NumberInput,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useDisclosure } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { IconCalendarPlus } from "@tabler/icons-react";
import { createColumnHelper } from "@tanstack/react-table";
import { api } from "../../backend";
import type { CadenceEvent } from "../../bindings/CadenceEvent";
import type { CadenceKind } from "../../bindings/CadenceKind";
import type { CadenceStatus } from "../../bindings/CadenceStatus";
import { DataTable } from "../../components/DataTable";
import { FormFooter } from "../../components/FormFooter";
import { localDate } from "../../lib/compliance";
import { localIsoDate } from "../../lib/files";
import { useSaveForm } from "../../lib/forms";
import { CADENCE_KIND_LABEL } from "../../lib/recordKinds";
import { TONE } from "../../lib/statusColors";
import { useCadence } from "./steeringData";

const KINDS = Object.keys(CADENCE_KIND_LABEL) as CadenceKind[];

function StatusCard({ status }: { status: CadenceStatus }) {
  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      bg={status.overdue ? "red.0" : undefined}
      data-testid={`cadence-status-${status.kind}`}
      data-overdue={status.overdue || undefined}
    >
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Text fw={600}>{CADENCE_KIND_LABEL[status.kind]}</Text>
        <Badge
          miw="max-content"
          variant={status.overdue ? "filled" : "light"}
          color={status.overdue ? TONE.bad : TONE.good}
        >
          {status.overdue ? "Overdue" : "On time"}
        </Badge>
      </Group>
      <Text size="sm" mt={4}>
        {status.last_held_on
          ? `Last held ${localDate(status.last_held_on)}${status.days_since !== null ? `, ${status.days_since} days ago` : ""}`
          : "Never held"}
      </Text>
      <Text size="sm" c={status.overdue ? "red.8" : "dimmed"}>
        {status.due_by ? `Due by ${localDate(status.due_by)}` : "Due now"}
      </Text>
    </Paper>
  );
}

const column = createColumnHelper<CadenceEvent>();
const EVENT_COLUMNS = [
  column.accessor("held_on", { header: "Held on", meta: { nowrap: true }, cell: (i) => localDate(i.getValue()) }),
  column.accessor("kind", { header: "Kind", meta: { nowrap: true }, cell: (i) => CADENCE_KIND_LABEL[i.getValue()] }),
  column.accessor("audience", { header: "Audience" }),
  column.accessor("attendance", { header: "Attendance", meta: { align: "right" } }),
  column.accessor("outcomes", {
    header: "Outcomes",
    enableSorting: false,
    cell: (i) => (
      <Text size="sm" lineClamp={3} style={{ overflowWrap: "anywhere" }}>
        {i.getValue()}
      </Text>
    ),
  }),
  column.accessor("recorded_by", { header: "Recorded by", meta: { nowrap: true } }),
];

interface Values {
  kind: CadenceKind;
  held_on: string;
  audience: string;
  attendance: number | "";
  outcomes: string;
}

function CadenceForm({ onClose }: { onClose: () => void }) {
  const today = localIsoDate();
  const form = useForm<Values>({
    initialValues: { kind: "forum", held_on: today, audience: "", attendance: "", outcomes: "" },
    validate: {
      held_on: (d) => (d.trim() === "" ? "Give the date it was held" : null),
      audience: (a) => (a.trim() === "" ? "Say who it was for" : null),
      attendance: (n) => (typeof n === "number" && Number.isInteger(n) && n >= 0 ? null : "Type how many attended"),
    },
  });
  const saver = useSaveForm({
    form,
    save: (v: Values) =>
      api.steeringAddCadence({
        kind: v.kind,
        held_on: v.held_on,
        audience: v.audience,
        attendance: Number(v.attendance),
        outcomes: v.outcomes,
      }),
    changes: ["steering"],
    onSaved: (view) => {
      const added = view.events[0];
      notifications.show({
        color: "teal",
        title: added ? `${CADENCE_KIND_LABEL[added.kind]} recorded` : "Event recorded",
        message: added ? `${added.id}, ${localDate(added.held_on)}` : "",
      });
      onClose();
    },
  });
  return (
    <form noValidate onSubmit={form.onSubmit(saver.submit)}>
      <Stack gap="sm">
        <div>
          <Text size="sm" fw={500} mb={4}>
            Kind
          </Text>
          <SegmentedControl
            fullWidth
            data={KINDS.map((k) => ({ value: k, label: CADENCE_KIND_LABEL[k] }))}
            value={form.getValues().kind}
            onChange={(k) => form.setFieldValue("kind", k as CadenceKind)}
            data-testid="cadence-kind"
          />
        </div>
        <SimpleGrid cols={2}>
          <TextInput
            label="Held on"
            type="date"
            required
            max={today}
            {...form.getInputProps("held_on")}
            data-testid="cadence-date"
            data-autofocus
          />
          <NumberInput
            label="Attendance"
            description="How many attended"
            required
            min={0}
            allowDecimal={false}
            clampBehavior="none"
            {...form.getInputProps("attendance")}
            data-testid="cadence-attendance"
          />
        </SimpleGrid>
        <TextInput
          label="Audience"
          placeholder="Claims engineers, analysts and compliance"
          required
          {...form.getInputProps("audience")}
          data-testid="cadence-audience"
        />
        <Textarea
          label="Outcomes"
          description="What was decided, learnt or agreed"
          autosize
          minRows={3}
          {...form.getInputProps("outcomes")}
          data-testid="cadence-outcomes"
        />
        <FormFooter
          saver={saver}
          refusalTitle="The event was not recorded"
          onCancel={onClose}
          submit={{ label: "Record event", testId: "cadence-submit" }}
        />
      </Stack>
    </form>
  );
}

export function CadenceTab() {
  const cadence = useCadence();
  const [adding, modal] = useDisclosure(false);
  if (cadence.isPending) return <Loader size="sm" aria-label="Loading the cadence" />;
  if (cadence.isError) {
    return (
      <Alert color="red" title="The cadence could not be loaded">
        {cadence.error.message}
      </Alert>
    );
  }
  const { status, events } = cadence.data;
  return (
    <Stack gap="md" data-testid="cadence-tab">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          Each kind is held at least once a quarter; one that is not is overdue and shows on the dashboard as a risk.
        </Text>
        <Button leftSection={<IconCalendarPlus size={16} />} onClick={modal.open} data-testid="cadence-add-open">
          Record event
        </Button>
      </Group>
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        {status.map((s) => (
          <StatusCard key={s.kind} status={s} />
        ))}
      </SimpleGrid>
      {events.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="cadence-none">
          No event recorded yet.
        </Text>
      ) : (
        <DataTable
          rows={events}
          columns={EVENT_COLUMNS}
          rowId={(e) => e.id}
          rowTestId={(e) => `cadence-event-${e.id}`}
          testId="cadence-events"
        />
      )}
      <Modal opened={adding} onClose={modal.close} title="Record a cadence event" size="lg" centered>
        {adding && <CadenceForm onClose={modal.close} />}
      </Modal>
    </Stack>
  );
}
