// Closing a meeting, asked first: its minutes become final (no decision or action can be added
// afterwards) and the audit trail's head as it stands is stamped into them, so a printed copy
// anchors the trail outside the file. Items still undecided are said first: they come back on the
// next meeting's agenda.
import { Alert, Button, Group, Modal, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconLock } from "@tabler/icons-react";
import { useMutation } from "@tanstack/react-query";
import { api } from "../../../backend";
import { FormRefusal } from "../../../components/FormRefusal";
import { useInvalidate } from "../../../lib/queryKeys";

export function CloseMeetingModal({
  meetingId,
  pending,
  opened,
  onClose,
}: {
  meetingId: string;
  /** Agenda items still without a decision. */
  pending: number;
  opened: boolean;
  onClose: () => void;
}) {
  const invalidate = useInvalidate();
  const close = useMutation({
    mutationFn: () => api.meetingClose({ id: meetingId }),
    onSuccess: async (m) => {
      await invalidate("steering");
      notifications.show({
        color: "teal",
        title: `${m.id} closed`,
        message: `Its minutes are final, anchored at trail record ${m.audit_seq ?? "—"}`,
      });
      onClose();
    },
  });
  const dismiss = () => {
    close.reset();
    onClose();
  };
  return (
    <Modal opened={opened} onClose={dismiss} title={`Close ${meetingId}?`} centered>
      <Stack gap="sm">
        <Text size="sm">
          The minutes become final: no decision or action can be added to {meetingId} afterwards. The audit trail's head
          hash as it stands now is written into them, so the minutes anchor the trail outside the file.
        </Text>
        {pending > 0 && (
          <Alert color="orange" data-testid="meeting-close-pending">
            {pending} agenda item{pending === 1 ? " is" : "s are"} still undecided;{" "}
            {pending === 1 ? "it comes" : "they come"} back on the next meeting's agenda.
          </Alert>
        )}
        <FormRefusal
          refusal={close.error ? close.error.message : null}
          title="The meeting was not closed"
          onClose={close.reset}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={dismiss} data-autofocus>
            Keep it open
          </Button>
          <Button
            color="red"
            leftSection={<IconLock size={16} />}
            loading={close.isPending}
            onClick={() => close.mutate()}
            data-testid="meeting-close-confirm"
          >
            Close and finalise the minutes
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
