// The human-oversight plan the pilot runs under: the use case's plan (who is accountable, how they
// intervene, who owns the fallback, how fast), read from the Risk page's store and edited there.
// Where a phase's audience needs something else, the phases table shows that phase's own note.
import { Alert, Anchor, Group, Loader, Paper, Stack, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { api } from "../../backend";
import type { Pilot } from "../../bindings/Pilot";
import { FieldGrid } from "../../components/FieldGrid";
import { keys } from "../../lib/queryKeys";
import { useNavigation } from "../../shell/navigation";
import { riskParam } from "../risk/riskLocation";

export function PilotOversightCard({ pilot }: { pilot: Pilot }) {
  const { navigate } = useNavigation();
  const plans = useQuery({ queryKey: keys.oversight, queryFn: api.oversightList });
  const plan = plans.data?.find((p) => p.use_case_id === pilot.use_case_id) ?? null;
  const edit = (
    <Anchor
      component="button"
      type="button"
      size="sm"
      onClick={() => navigate("risk", riskParam(pilot.use_case_id, "oversight"))}
      data-testid="pilot-oversight-edit"
    >
      Edit the plan on the Risk page
    </Anchor>
  );
  return (
    <Paper withBorder p="md" radius="md" data-testid="pilot-oversight">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={5}>Human oversight</Title>
          {edit}
        </Group>
        {plans.isPending && <Loader size="sm" aria-label="Loading the oversight plan" />}
        {plans.isError && (
          <Alert color="red" title="The oversight plan could not be read">
            {plans.error.message}
          </Alert>
        )}
        {plans.isSuccess && plan === null && (
          <Alert color="orange" title="No oversight plan yet" data-testid="pilot-oversight-missing">
            The pilot cannot start until {pilot.use_case_id} has a complete plan.
          </Alert>
        )}
        {plan !== null && (
          <>
            {plan.missing.length > 0 && (
              <Alert color="orange" title="The plan is incomplete" data-testid="pilot-oversight-missing">
                Missing: {plan.missing.join(", ")}
              </Alert>
            )}
            <FieldGrid
              cols={2}
              items={[
                ["Accountable", plan.accountable_person || "Not set"],
                ["Fallback owner", plan.fallback_owner || "Not set"],
                ["How they intervene", plan.intervention_procedure || "Not set"],
                [
                  "Intervenes within",
                  plan.max_intervention_minutes === null ? "Not set" : `${plan.max_intervention_minutes} minutes`,
                ],
              ]}
            />
          </>
        )}
      </Stack>
    </Paper>
  );
}
