// Withdrawing a use case created by mistake (twice, or in the wrong portfolio): it leaves every
// list, keeps its record and the reason, and can be restored from Portfolio → Withdrawn use cases.
// The backend decides who may (the person who created it, or an administrator) and refuses a case
// already in pilot or scaled; its refusal is shown as it says it.
import { Modal, Text } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { IconArchive } from "@tabler/icons-react";
import { api } from "../../backend";
import type { WithdrawnUseCase } from "../../bindings/WithdrawnUseCase";
import { ReasonForm } from "../../components/ReasonForm";
import { useSaveForm } from "../../lib/forms";

interface WithdrawValues {
  reason: string;
}

function WithdrawForm({
  useCase,
  onClose,
  onWithdrawn,
}: {
  useCase: { id: string; title: string };
  onClose: () => void;
  onWithdrawn: (withdrawn: WithdrawnUseCase) => void;
}) {
  const form = useForm<WithdrawValues>({
    initialValues: { reason: "" },
    validate: { reason: (r) => (r.trim() === "" ? "Say why it is withdrawn" : null) },
  });
  const saver = useSaveForm({
    form,
    save: (values: WithdrawValues) => api.useCaseWithdraw({ id: useCase.id, reason: values.reason.trim() }),
    changes: ["useCases"],
    onSaved: (withdrawn) => {
      notifications.show({
        color: "orange",
        title: `${withdrawn.id} withdrawn`,
        message: `${withdrawn.title}. Portfolio → Withdrawn use cases… restores it.`,
      });
      onWithdrawn(withdrawn);
    },
  });
  return (
    <ReasonForm
      onSubmit={form.onSubmit(saver.submit)}
      context={
        <Text size="sm">
          <b>
            {useCase.id} · {useCase.title}
          </b>{" "}
          leaves the portfolio, its rankings and queues. Its record and history are kept, and it can be restored.
        </Text>
      }
      field={{
        label: "Reason",
        description: "Kept with the case and on the audit trail",
        placeholder: "Created twice by mistake",
        minRows: 2,
        testId: "withdraw-reason",
        inputProps: form.getInputProps("reason"),
      }}
      refusal={saver.refusal}
      refusalTitle="The use case was not withdrawn"
      onDismiss={saver.dismiss}
      cancel={{ label: "Cancel", onClick: onClose }}
      confirm={{
        label: "Withdraw",
        testId: "withdraw-confirm",
        icon: <IconArchive size={16} />,
        color: "red",
        loading: saver.pending,
      }}
    />
  );
}

export function WithdrawModal({
  useCase,
  onClose,
  onWithdrawn,
}: {
  /** The case to withdraw (null: closed). */
  useCase: { id: string; title: string } | null;
  onClose: () => void;
  onWithdrawn: (withdrawn: WithdrawnUseCase) => void;
}) {
  return (
    <Modal opened={useCase !== null} onClose={onClose} title="Withdraw use case" size="md" centered zIndex={400}>
      {useCase && <WithdrawForm key={useCase.id} useCase={useCase} onClose={onClose} onWithdrawn={onWithdrawn} />}
    </Modal>
  );
}
