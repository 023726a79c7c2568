// Signing a record off: the compliance officer's comment, then the SHA-256 of exactly what was
// signed, so it can be quoted in minutes. Also the gated "Sign off…" button that opens it.
import { Alert, Button, type ButtonProps, Code, Group, Modal, Stack, Text, Textarea } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconSignature } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { backend } from "../../backend";
import type { SignoffStatus } from "../../bindings/SignoffStatus";
import { GatedButton } from "../../components/GatedButton";
import { refusalErrors } from "../../lib/errors";
import { useWorkingAs } from "../../shell/useWorkingAs";

export interface SignTarget {
  entityId: string;
  title: string;
}

const FIELDS = ["comment"] as const;

export function SignoffModal({ target, onClose }: { target: SignTarget | null; onClose: () => void }) {
  const queryClient = useQueryClient();
  const { person } = useWorkingAs();
  const [comment, setComment] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [signed, setSigned] = useState<SignoffStatus | null>(null);

  const sign = useMutation({
    mutationFn: (entityId: string) => backend.signOff(entityId, comment),
    onSuccess: async (status) => {
      setErrors({});
      setSigned(status);
      await queryClient.invalidateQueries();
      notifications.show({
        color: "teal",
        title: `${status.signoff.entity_id} signed off`,
        message: status.entity_title,
      });
    },
    onError: (error) => setErrors(refusalErrors(error, FIELDS)),
  });

  function close() {
    setComment("");
    setErrors({});
    setSigned(null);
    onClose();
  }

  return (
    <Modal opened={target !== null} onClose={close} title={target ? `Sign off ${target.title}` : ""} size="lg" centered>
      <Stack gap="sm" data-testid="signoff-modal">
        <Text size="sm" c="dimmed">
          The sign-off covers the record's content as it stands now, fixed by its SHA-256. If the record or its evidence
          changes afterwards, the sign-off turns stale and shows red until it is signed again.
        </Text>
        {errors.form && (
          <Alert color="red" title="Not signed off" data-testid="signoff-error">
            {errors.form}
          </Alert>
        )}
        {signed ? (
          <Alert color="teal" title={`Signed off by ${signed.signoff.signed_by}`} data-testid="signoff-done">
            <Text size="sm">SHA-256 of the signed content:</Text>
            <Code block data-testid="signoff-sha256" style={{ wordBreak: "break-all" }}>
              {signed.signoff.content_sha256}
            </Code>
          </Alert>
        ) : (
          <Textarea
            label="Comment"
            description="What you checked, conditions, or anything the steering committee should know"
            autosize
            minRows={3}
            value={comment}
            onChange={(e) => setComment(e.currentTarget.value)}
            error={errors.comment}
            data-testid="signoff-comment"
            data-autofocus
          />
        )}
        <Group justify="flex-end">
          {signed ? (
            <Button onClick={close} data-testid="signoff-close">
              Close
            </Button>
          ) : (
            <>
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button
                leftSection={<IconSignature size={16} />}
                onClick={() => target && sign.mutate(target.entityId)}
                loading={sign.isPending}
                data-testid="signoff-confirm"
              >
                {person ? `Sign off as ${person.name}` : "Sign off"}
              </Button>
            </>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}

/** "Sign off…" for one record, enabled for compliance officers, with its own modal. */
export function SignOffButton({
  target,
  label = "Sign off…",
  testId,
  ...button
}: { target: SignTarget; label?: string; testId: string } & ButtonProps) {
  const { gate } = useWorkingAs();
  const [open, setOpen] = useState<SignTarget | null>(null);
  return (
    <>
      <GatedButton
        gate={gate("compliance_officer", "sign off", true)}
        leftSection={<IconSignature size={14} />}
        onClick={(e) => {
          e.stopPropagation();
          setOpen(target);
        }}
        data-testid={testId}
        {...button}
      >
        {label}
      </GatedButton>
      <SignoffModal target={open} onClose={() => setOpen(null)} />
    </>
  );
}
