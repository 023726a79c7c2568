// The payback-gate override: a named person keeps a case in the portfolio lane with a written
// reason, or revokes an earlier override. A steering decision, so an executive's once the
// portfolio has people. The record is kept, never erased.
import { Alert, Group, Paper, Stack, Text, Textarea, TextInput, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { backend, BackendError } from "../../backend";
import type { UseCase } from "../../bindings/UseCase";
import { GatedButton } from "../../components/GatedButton";
import { useWorkingAs } from "../../shell/useWorkingAs";

export function GateOverride({ useCase }: { useCase: UseCase }) {
  const queryClient = useQueryClient();
  const { person, gate } = useWorkingAs();
  const [name, setName] = useState(person?.name ?? "");
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const active = useCase.lane_override;
  const gateFails = useCase.lane_reason !== null || active !== null;

  const done = async (title: string) => {
    setErrors({});
    setReason("");
    await queryClient.invalidateQueries();
    notifications.show({ color: "teal", title, message: useCase.title });
  };
  const fail = (error: Error) => {
    const onForm =
      error instanceof BackendError &&
      (error.field === "decided_by" || error.field === "revoked_by" || error.field === "reason");
    setErrors(onForm && error.field ? { [error.field]: error.message } : { form: error.message });
  };
  const grant = useMutation({
    mutationFn: () => backend.overrideGate(useCase.id, name, reason),
    onSuccess: () => done("Gate overridden"),
    onError: fail,
  });
  const revoke = useMutation({
    mutationFn: () => backend.revokeOverride(useCase.id, name),
    onSuccess: () => done("Override revoked"),
    onError: fail,
  });

  // The gate only holds back cases meant for the portfolio lane; elsewhere an override changes nothing.
  if (!gateFails || useCase.requested_lane !== "portfolio") return null;
  return (
    <Paper withBorder p="md" radius="md" bg="orange.0" mt="md">
      <Stack gap="xs">
        <Title order={5}>Payback gate override</Title>
        {active ? (
          <Alert color="orange" data-testid="active-override">
            Kept in the portfolio by <b>{active.decided_by}</b> on {active.decided_at.slice(0, 10)}: {active.reason}
          </Alert>
        ) : (
          <Text size="sm">
            This case fails the payback gate. A named person may keep it in the portfolio lane with a written reason.
          </Text>
        )}
        <TextInput
          label={active ? "Revoked by" : "Decided by"}
          placeholder="Full name"
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={errors.decided_by ?? errors.revoked_by}
        />
        {!active && (
          <Textarea
            label="Reason"
            autosize
            minRows={2}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={errors.reason}
          />
        )}
        {errors.form && (
          <Alert color="red" title="Not recorded" data-testid="override-error">
            {errors.form}
          </Alert>
        )}
        <Group justify="flex-end">
          {active ? (
            <GatedButton
              gate={gate("executive", "revoke a steering decision")}
              color="orange"
              variant="light"
              onClick={() => revoke.mutate()}
              loading={revoke.isPending}
              data-testid="override-revoke"
            >
              Revoke override
            </GatedButton>
          ) : (
            <GatedButton
              gate={gate("executive", "record a steering decision")}
              color="orange"
              onClick={() => grant.mutate()}
              loading={grant.isPending}
              data-testid="override-grant"
            >
              Keep in portfolio
            </GatedButton>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
