// The payback-gate override: a named person keeps a case in the portfolio lane with a written
// reason, or revokes an earlier override. The record is kept, never erased.
import { Alert, Button, Group, Paper, Stack, Text, Textarea, TextInput, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { backend, BackendError } from "../../backend";
import type { UseCase } from "../../bindings/UseCase";

export function GateOverride({ useCase }: { useCase: UseCase }) {
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
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
    if (error instanceof BackendError && error.field) setErrors({ [error.field]: error.message });
    else notifications.show({ color: "red", title: "Not recorded", message: error.message });
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
        <Group justify="flex-end">
          {active ? (
            <Button color="orange" variant="light" onClick={() => revoke.mutate()} loading={revoke.isPending}>
              Revoke override
            </Button>
          ) : (
            <Button color="orange" onClick={() => grant.mutate()} loading={grant.isPending}>
              Keep in portfolio
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
