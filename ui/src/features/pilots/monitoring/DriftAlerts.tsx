// A pilot's drift alerts, open ones first: which value crossed the blueprint's threshold and when.
// An open alert stays open until someone acknowledges it with a note saying what was looked at
// and what is done about it; acknowledged ones show who, when and the note (the latest few, the
// rest on request).
import { Badge, Button, Group, Modal, Paper, Stack, Text, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { IconBellRinging, IconChecks } from "@tabler/icons-react";
import { useState } from "react";
import { api } from "../../../backend";
import type { DriftAlert } from "../../../bindings/DriftAlert";
import { ReasonForm } from "../../../components/ReasonForm";
import { localDate, localDateTime } from "../../../lib/compliance";
import { useSaveForm } from "../../../lib/forms";
import { TONE } from "../../../lib/statusColors";
import { threshold, value } from "./monitoringData";

/** Acknowledged alerts shown before "Show all". */
const ACKNOWLEDGED_SHOWN = 5;

function AcknowledgeForm({ alert, onClose }: { alert: DriftAlert; onClose: () => void }) {
  const form = useForm<{ note: string }>({
    initialValues: { note: "" },
    validate: { note: (v) => (v.trim() === "" ? "Say what was looked at and what is done about it" : null) },
  });
  const saver = useSaveForm({
    form,
    save: (v: { note: string }) => api.monitoringAcknowledge({ id: alert.id, note: v.note }),
    changes: ["pilots"],
    onSaved: (a) => {
      notifications.show({ color: "teal", title: `${a.id} acknowledged`, message: a.note ?? "" });
      onClose();
    },
  });
  return (
    <ReasonForm
      onSubmit={form.onSubmit(saver.submit)}
      context={
        <Text size="sm">
          {alert.metric} was {value(alert.value)} on {localDate(alert.observed_on)}; the blueprint opens an alert{" "}
          {threshold(alert.direction, alert.threshold)}.
        </Text>
      }
      field={{
        label: "Note",
        description: "What was looked at, and what is done about it",
        placeholder: "Checked the week's escalations: a new product line; retraining the router next sprint",
        testId: "alert-ack-note",
        inputProps: form.getInputProps("note"),
      }}
      refusal={saver.refusal}
      refusalTitle="The alert was not acknowledged"
      onDismiss={saver.dismiss}
      cancel={{ label: "Cancel", onClick: onClose }}
      confirm={{
        label: "Acknowledge",
        testId: "alert-ack-save",
        icon: <IconChecks size={16} />,
        loading: saver.pending,
      }}
      testId="alert-ack-form"
    />
  );
}

function AlertRow({ alert, onAcknowledge }: { alert: DriftAlert; onAcknowledge: (a: DriftAlert) => void }) {
  const open = alert.acknowledged_at === null;
  return (
    <Paper
      withBorder
      p="sm"
      radius="sm"
      bg={open ? "red.0" : undefined}
      data-testid={`alert-${alert.id}`}
      data-open={open || undefined}
    >
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={2}>
          <Group gap="xs">
            <Badge miw="max-content" variant={open ? "filled" : "light"} color={open ? TONE.bad : TONE.neutral}>
              {open ? "Open" : "Acknowledged"}
            </Badge>
            <Text size="sm" fw={600}>
              {alert.metric} {value(alert.value)} on {localDate(alert.observed_on)}
            </Text>
            <Text size="sm" c="dimmed">
              alert {threshold(alert.direction, alert.threshold)}
            </Text>
          </Group>
          <Text size="xs" c="dimmed">
            {alert.id} · opened {localDateTime(alert.opened_at)}
          </Text>
          {!open && (
            <Text size="sm">
              {alert.acknowledged_by} on {localDateTime(alert.acknowledged_at ?? "")}: {alert.note}
            </Text>
          )}
        </Stack>
        {open && (
          <Button
            variant="light"
            size="xs"
            leftSection={<IconChecks size={14} />}
            onClick={() => onAcknowledge(alert)}
            data-testid={`alert-ack-${alert.id}`}
          >
            Acknowledge…
          </Button>
        )}
      </Group>
    </Paper>
  );
}

export function DriftAlerts({ alerts }: { alerts: DriftAlert[] }) {
  const [acknowledging, setAcknowledging] = useState<DriftAlert | null>(null);
  const [showAll, setShowAll] = useState(false);
  const open = alerts.filter((a) => a.acknowledged_at === null);
  const acknowledged = alerts.filter((a) => a.acknowledged_at !== null);
  const shownAcknowledged = showAll ? acknowledged : acknowledged.slice(0, ACKNOWLEDGED_SHOWN);
  return (
    <Paper withBorder p="md" radius="md" data-testid="drift-alerts">
      <Stack gap="sm">
        <Group gap="xs">
          <IconBellRinging size={18} />
          <Title order={5}>Drift alerts</Title>
          {open.length > 0 && (
            <Badge color={TONE.bad} variant="filled" data-testid="drift-alerts-open">
              {open.length} open
            </Badge>
          )}
        </Group>
        {alerts.length === 0 && (
          <Text size="sm" c="dimmed" data-testid="drift-alerts-none">
            No alert: no value of the drift metric has crossed its threshold.
          </Text>
        )}
        {open.map((a) => (
          <AlertRow key={a.id} alert={a} onAcknowledge={setAcknowledging} />
        ))}
        {shownAcknowledged.map((a) => (
          <AlertRow key={a.id} alert={a} onAcknowledge={setAcknowledging} />
        ))}
        {acknowledged.length > shownAcknowledged.length && (
          <Button variant="subtle" size="xs" w="fit-content" onClick={() => setShowAll(true)}>
            Show all {acknowledged.length} acknowledged alerts
          </Button>
        )}
      </Stack>
      <Modal
        opened={acknowledging !== null}
        onClose={() => setAcknowledging(null)}
        title={acknowledging ? `Acknowledge ${acknowledging.id}` : "Acknowledge"}
        size="lg"
        centered
      >
        {acknowledging && (
          <AcknowledgeForm key={acknowledging.id} alert={acknowledging} onClose={() => setAcknowledging(null)} />
        )}
      </Modal>
    </Paper>
  );
}
