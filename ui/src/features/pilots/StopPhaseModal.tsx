// Stops the running phase with a reason: the fallback protocol takes over, and the rollout ends
// there (a stopped pilot does not start again).
import { Modal, Text } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { IconPlayerStop } from "@tabler/icons-react";
import { api } from "../../backend";
import type { Phase } from "../../bindings/Phase";
import type { Pilot } from "../../bindings/Pilot";
import { ReasonForm } from "../../components/ReasonForm";
import { useSaveForm } from "../../lib/forms";

export function StopPhaseModal({
  pilot,
  running,
  opened,
  onClose,
}: {
  pilot: Pilot;
  running: Phase;
  opened: boolean;
  onClose: () => void;
}) {
  const form = useForm<{ reason: string }>({ initialValues: { reason: "" } });
  function close() {
    form.reset();
    saver.dismiss();
    onClose();
  }
  const saver = useSaveForm({
    form,
    save: (v: { reason: string }) => api.pilotStop({ pilot_id: pilot.id, reason: v.reason, on: null }),
    changes: ["pilots"],
    onSaved: () => {
      notifications.show({
        color: "orange",
        title: `${running.name} stopped`,
        message: "The fallback protocol takes over",
      });
      close();
    },
  });
  const fallback = pilot.protocols.fallback_process;
  return (
    <Modal opened={opened} onClose={close} title={`Stop ${running.name}`} centered>
      <ReasonForm
        onSubmit={form.onSubmit(saver.submit)}
        context={
          <Text size="sm">
            {running.name} stops today and the rollout of {pilot.id} ends there.{" "}
            {fallback
              ? `People fall back to: ${fallback}${pilot.protocols.fallback_owner ? ` (owner ${pilot.protocols.fallback_owner})` : ""}.`
              : "No fallback process is defined in the protocols."}
          </Text>
        }
        field={{
          label: "Why the phase stops",
          description: "Recorded with the phase and on the audit trail",
          testId: "stop-reason",
          inputProps: form.getInputProps("reason"),
        }}
        refusal={saver.refusal}
        refusalTitle="The phase was not stopped"
        onDismiss={saver.dismiss}
        cancel={{ label: "Cancel", onClick: close }}
        confirm={{
          label: "Stop phase",
          testId: "stop-confirm",
          icon: <IconPlayerStop size={16} />,
          color: "red",
          loading: saver.pending,
        }}
      />
    </Modal>
  );
}
