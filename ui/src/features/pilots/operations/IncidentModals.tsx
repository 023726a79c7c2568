// Recording an incident met during the pilot (when, how severe, whether it breached policy or
// regulation, what happened, and — if it is already behind us — how and when it was resolved),
// and resolving an open one later. The backend refuses a date in the future, a resolution dated
// before the incident, or a resolved incident without a word on how; each shows at its field.
import { Checkbox, Modal, SegmentedControl, SimpleGrid, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { api } from "../../../backend";
import type { Incident } from "../../../bindings/Incident";
import type { IncidentInput } from "../../../bindings/IncidentInput";
import type { Pilot } from "../../../bindings/Pilot";
import type { Severity } from "../../../bindings/Severity";
import { FormFooter } from "../../../components/FormFooter";
import { localDate } from "../../../lib/compliance";
import { localIsoDate } from "../../../lib/files";
import { useSaveForm } from "../../../lib/forms";
import { SEVERITY_LABEL } from "../../../lib/recordKinds";

const SEVERITIES = Object.keys(SEVERITY_LABEL) as Severity[];

interface IncidentValues {
  occurred_on: string;
  severity: Severity;
  compliance: boolean;
  description: string;
  resolved: boolean;
  resolution: string;
  resolved_on: string;
}

/** The form's values as the backend takes them: an incident not yet resolved sends no resolution. */
export function incidentInput(pilotId: string, v: IncidentValues): IncidentInput {
  return {
    pilot_id: pilotId,
    occurred_on: v.occurred_on,
    severity: v.severity,
    compliance: v.compliance,
    description: v.description,
    resolution: v.resolved ? v.resolution : "",
    resolved_on: v.resolved ? v.resolved_on : null,
  };
}

function IncidentForm({ pilot, onClose }: { pilot: Pilot; onClose: () => void }) {
  const today = localIsoDate();
  const form = useForm<IncidentValues>({
    initialValues: {
      occurred_on: today,
      severity: "medium",
      compliance: false,
      description: "",
      resolved: false,
      resolution: "",
      resolved_on: today,
    },
  });
  const saver = useSaveForm({
    form,
    save: (v: IncidentValues) => api.pilotAddIncident(incidentInput(pilot.id, v)),
    changes: ["pilots"],
    onSaved: (p) => {
      // Newest first: the one just recorded leads the list.
      const added = p.incidents[0];
      notifications.show({
        color: "teal",
        title: added ? `${added.id} recorded` : "Incident recorded",
        message: `An incident of ${p.id}`,
      });
      onClose();
    },
  });
  const v = form.getValues();
  return (
    <form noValidate onSubmit={form.onSubmit(saver.submit)}>
      <Stack gap="sm">
        <SimpleGrid cols={2}>
          <TextInput
            label="Occurred on"
            type="date"
            required
            max={today}
            {...form.getInputProps("occurred_on")}
            data-testid="incident-date"
            data-autofocus
          />
          <div>
            <Text size="sm" fw={500} mb={4}>
              Severity
            </Text>
            <SegmentedControl
              fullWidth
              data={SEVERITIES.map((s) => ({ value: s, label: SEVERITY_LABEL[s] }))}
              value={v.severity}
              onChange={(s) => form.setFieldValue("severity", s as Severity)}
              data-testid="incident-severity"
            />
          </div>
        </SimpleGrid>
        <Checkbox
          label="Compliance incident"
          description="A breach of policy or regulation, not only an operational problem"
          {...form.getInputProps("compliance", { type: "checkbox" })}
          data-testid="incident-compliance"
        />
        <Textarea
          label="What happened"
          required
          autosize
          minRows={3}
          {...form.getInputProps("description")}
          data-testid="incident-description"
        />
        <Checkbox
          label="Already resolved"
          {...form.getInputProps("resolved", { type: "checkbox" })}
          data-testid="incident-resolved"
        />
        {v.resolved && (
          <SimpleGrid cols={2}>
            <Textarea
              label="How it was resolved"
              required
              autosize
              minRows={2}
              {...form.getInputProps("resolution")}
              data-testid="incident-resolution"
            />
            <TextInput
              label="Resolved on"
              type="date"
              required
              max={today}
              {...form.getInputProps("resolved_on")}
              data-testid="incident-resolved-on"
            />
          </SimpleGrid>
        )}
        <FormFooter
          saver={saver}
          refusalTitle="The incident was not recorded"
          onCancel={onClose}
          submit={{ label: "Record incident", testId: "incident-save" }}
        />
      </Stack>
    </form>
  );
}

export function RecordIncidentModal({
  pilot,
  opened,
  onClose,
}: {
  pilot: Pilot;
  opened: boolean;
  onClose: () => void;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title={`Record an incident of ${pilot.id}`} size="lg" centered>
      {opened && <IncidentForm pilot={pilot} onClose={onClose} />}
    </Modal>
  );
}

interface ResolveValues {
  resolution: string;
  resolved_on: string;
}

function ResolveForm({ incident, onClose }: { incident: Incident; onClose: () => void }) {
  const today = localIsoDate();
  const form = useForm<ResolveValues>({ initialValues: { resolution: "", resolved_on: today } });
  const saver = useSaveForm({
    form,
    save: (v: ResolveValues) =>
      api.pilotResolveIncident({
        id: incident.id,
        resolution: v.resolution,
        resolved_on: v.resolved_on.trim() === "" ? null : v.resolved_on,
      }),
    changes: ["pilots"],
    onSaved: () => {
      notifications.show({ color: "teal", title: `${incident.id} resolved`, message: incident.description });
      onClose();
    },
  });
  return (
    <form noValidate onSubmit={form.onSubmit(saver.submit)}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          Occurred on {localDate(incident.occurred_on)}: {incident.description}
        </Text>
        <Textarea
          label="How it was resolved"
          description="What was done, so the next reader knows it is behind us"
          required
          autosize
          minRows={3}
          {...form.getInputProps("resolution")}
          data-testid="resolve-resolution"
          data-autofocus
        />
        <TextInput
          label="Resolved on"
          type="date"
          required
          min={incident.occurred_on}
          max={today}
          w={200}
          {...form.getInputProps("resolved_on")}
          data-testid="resolve-date"
        />
        <FormFooter
          saver={saver}
          refusalTitle="The incident was not resolved"
          onCancel={onClose}
          submit={{ label: "Resolve", testId: "resolve-save" }}
        />
      </Stack>
    </form>
  );
}

export function ResolveIncidentModal({ incident, onClose }: { incident: Incident | null; onClose: () => void }) {
  return (
    <Modal
      opened={incident !== null}
      onClose={onClose}
      title={incident ? `Resolve ${incident.id}` : "Resolve"}
      size="lg"
      centered
    >
      {incident && <ResolveForm key={incident.id} incident={incident} onClose={onClose} />}
    </Modal>
  );
}
