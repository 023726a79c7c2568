// Acknowledging a change made outside Steerco: a compliance officer says what was changed and
// why it is acceptable. The acknowledgement goes on the trail under their name, and the change
// stops keeping the trail from verifying.
import { Modal, Stack, Text } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { IconChecks } from "@tabler/icons-react";
import { useQueryClient } from "@tanstack/react-query";
import { api } from "../../backend";
import type { UnauditedChange } from "../../bindings/UnauditedChange";
import type { VerifyReport } from "../../bindings/VerifyReport";
import { FieldGrid } from "../../components/FieldGrid";
import { ReasonForm } from "../../components/ReasonForm";
import { localDateTime } from "../../lib/compliance";
import { useSaveForm } from "../../lib/forms";
import { rowChangeText } from "../../lib/history";
import { keys } from "../../lib/queryKeys";
import { useWorkingAs } from "../../shell/useWorkingAs";

interface AcknowledgeValues {
  comment: string;
}

function AcknowledgeForm({ change, onClose }: { change: UnauditedChange; onClose: () => void }) {
  const queryClient = useQueryClient();
  const { gate, person } = useWorkingAs();
  const form = useForm<AcknowledgeValues>({ initialValues: { comment: "" } });
  const saver = useSaveForm({
    form,
    save: (values: AcknowledgeValues) => api.auditAcknowledge({ seq: change.seq, comment: values.comment }),
    changes: ["audit"],
    onSaved: (report: VerifyReport) => {
      // The answer is the verification after the acknowledgement; no need to hash the trail again.
      queryClient.setQueryData(keys.auditVerify, report);
      notifications.show({
        color: "teal",
        title: `Record ${change.seq} acknowledged`,
        message: rowChangeText(change),
      });
      onClose();
    },
  });
  return (
    <ReasonForm
      onSubmit={form.onSubmit(saver.submit)}
      context={
        <FieldGrid
          items={[
            ["Record on the trail", String(change.seq)],
            ["Found", localDateTime(change.at)],
            ["Change", rowChangeText(change)],
          ]}
        />
      }
      field={{
        label: "Comment",
        description: "What was changed outside Steerco, and why it is acceptable",
        testId: "audit-acknowledge-comment",
        inputProps: form.getInputProps("comment"),
      }}
      refusal={saver.refusal}
      refusalTitle="The change was not acknowledged"
      onDismiss={saver.dismiss}
      cancel={{ label: "Cancel", onClick: onClose }}
      confirm={{
        label: person ? `Acknowledge as ${person.name}` : "Acknowledge",
        testId: "audit-acknowledge-confirm",
        icon: <IconChecks size={16} />,
        loading: saver.pending,
        gate: gate("acknowledge_audit"),
      }}
    />
  );
}

export function AcknowledgeModal({ change, onClose }: { change: UnauditedChange | null; onClose: () => void }) {
  return (
    <Modal
      opened={change !== null}
      onClose={onClose}
      title={change ? `Acknowledge the outside change recorded as ${change.seq}` : ""}
      size="lg"
      centered
    >
      <Stack gap="sm" data-testid="audit-acknowledge-modal">
        <Text size="sm" c="dimmed">
          This change was made to the file with another tool, so no one in Steerco is accountable for it. Acknowledging
          it records that you have looked at it and why it is acceptable; the trail keeps the change and your comment.
        </Text>
        {change && <AcknowledgeForm key={change.seq} change={change} onClose={onClose} />}
      </Stack>
    </Modal>
  );
}
