// Adds the next phase of a pilot: its name, who uses it, the planned dates and, where it differs
// from the use case's oversight plan, the oversight for that audience. Phases run in the order
// added; the backend refuses one planned to start before the previous one.
import { Modal, SimpleGrid, Stack, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { api } from "../../backend";
import type { PhaseInput } from "../../bindings/PhaseInput";
import type { Pilot } from "../../bindings/Pilot";
import { FormFooter } from "../../components/FormFooter";
import { localIsoDate } from "../../lib/files";
import { useSaveForm } from "../../lib/forms";

type Values = Omit<PhaseInput, "pilot_id">;

function blank(pilot: Pilot): Values {
  // The next phase usually starts when the last one is planned to end.
  const last = pilot.phases[pilot.phases.length - 1];
  return {
    name: "",
    audience: "",
    planned_start: last?.planned_end ?? localIsoDate(),
    planned_end: "",
    oversight_note: "",
  };
}

function PhaseForm({ pilot, onClose }: { pilot: Pilot; onClose: () => void }) {
  const form = useForm<Values>({ initialValues: blank(pilot) });
  const saver = useSaveForm({
    form,
    save: (v: Values) => api.pilotAddPhase({ pilot_id: pilot.id, ...v }),
    changes: ["pilots"],
    onSaved: (p) => {
      const added = p.phases[p.phases.length - 1];
      notifications.show({ color: "teal", title: "Phase added", message: `${added?.name ?? "The phase"} of ${p.id}` });
      onClose();
    },
  });
  return (
    <form noValidate onSubmit={form.onSubmit(saver.submit)}>
      <Stack gap="sm">
        <TextInput
          label="Name"
          placeholder="Phase 1: two regional teams"
          required
          {...form.getInputProps("name")}
          data-testid="phase-name"
          data-autofocus
        />
        <TextInput
          label="Audience"
          description="Who uses the pilot in this phase"
          required
          {...form.getInputProps("audience")}
          data-testid="phase-audience"
        />
        <SimpleGrid cols={2}>
          <TextInput
            label="Planned start"
            type="date"
            required
            {...form.getInputProps("planned_start")}
            data-testid="phase-start"
          />
          <TextInput
            label="Planned end"
            type="date"
            required
            {...form.getInputProps("planned_end")}
            data-testid="phase-end"
          />
        </SimpleGrid>
        <Textarea
          label="Oversight for this audience"
          description="Only where it differs from the use case's oversight plan"
          autosize
          minRows={2}
          {...form.getInputProps("oversight_note")}
          data-testid="phase-oversight"
        />
        <FormFooter
          saver={saver}
          refusalTitle="The phase was not added"
          onCancel={onClose}
          submit={{ label: "Add phase", testId: "phase-save" }}
        />
      </Stack>
    </form>
  );
}

export function AddPhaseModal({ pilot, opened, onClose }: { pilot: Pilot; opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title={`Add a phase to ${pilot.id}`} size="lg" centered>
      {opened && <PhaseForm pilot={pilot} onClose={onClose} />}
    </Modal>
  );
}
