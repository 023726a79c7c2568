// The payback-gate override: a named person keeps a case in the portfolio lane with a written
// reason, or revokes an earlier override. A steering decision, so an executive's once the
// portfolio has people. The record is kept, never erased.
import { Alert, Group, Paper, Stack, Text, Textarea, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useEffect } from "react";
import { api } from "../../backend";
import type { UseCase } from "../../bindings/UseCase";
import { FormRefusal } from "../../components/FormRefusal";
import { GatedButton } from "../../components/GatedButton";
import { useSaveForm } from "../../lib/forms";
import { useWorkingAs } from "../../shell/useWorkingAs";

interface Values {
  name: string;
  reason: string;
}

const PATHS = { decided_by: "name", revoked_by: "name" };

export function GateOverride({ useCase }: { useCase: UseCase }) {
  const { person, gate } = useWorkingAs();
  const form = useForm<Values>({ initialValues: { name: person?.name ?? "", reason: "" } });
  const active = useCase.lane_override;
  const gateFails = useCase.lane_reason !== null || active !== null;

  // The decision is recorded in the name of the person working; follow the profile picker.
  useEffect(() => {
    if (person) form.setFieldValue("name", person.name);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [person?.name]);

  const recorded = (title: string) => () => {
    form.setFieldValue("reason", "");
    notifications.show({ color: "teal", title, message: useCase.title });
  };
  const grant = useSaveForm({
    form,
    save: (v: Values) => api.useCaseOverrideGate({ id: useCase.id, decided_by: v.name, reason: v.reason }),
    changes: ["useCases"],
    paths: PATHS,
    onSaved: recorded("Gate overridden"),
  });
  const revoke = useSaveForm({
    form,
    save: (v: Values) => api.useCaseRevokeOverride({ id: useCase.id, revoked_by: v.name }),
    changes: ["useCases"],
    paths: PATHS,
    onSaved: recorded("Override revoked"),
  });
  const refusal = grant.refusal ?? revoke.refusal;

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
          readOnly={person !== null}
          description={person ? "Recorded in the name of the person working" : undefined}
          {...form.getInputProps("name")}
        />
        {!active && <Textarea label="Reason" autosize minRows={2} {...form.getInputProps("reason")} />}
        <FormRefusal refusal={refusal} title="Not recorded" />
        <Group justify="flex-end">
          {active ? (
            <GatedButton
              gate={gate("decide_gate")}
              color="orange"
              variant="light"
              onClick={() => revoke.submit(form.getValues())}
              loading={revoke.pending}
              data-testid="override-revoke"
            >
              Revoke override
            </GatedButton>
          ) : (
            <GatedButton
              gate={gate("decide_gate")}
              color="orange"
              variant="light"
              onClick={() => grant.submit(form.getValues())}
              loading={grant.pending}
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
