// A use case's pilot: created with the constrained workflow in scope; then its protocols (training,
// fallback, evaluation with acceptance thresholds, what is still missing flagged), the human-oversight
// plan it runs under (./PilotOversightCard), its phases, and
// the rollout actions (./PilotActions). One pilot per use case, as the backend keeps it.
import { Alert, Badge, Button, Group, List, Loader, Paper, Stack, Text, Textarea, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useDisclosure } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { IconPencil } from "@tabler/icons-react";
import type { UseQueryResult } from "@tanstack/react-query";
import { api } from "../../backend";
import type { Pilot } from "../../bindings/Pilot";
import type { Protocols } from "../../bindings/Protocols";
import type { Readiness } from "../../bindings/Readiness";
import { FieldGrid } from "../../components/FieldGrid";
import { FormRefusal } from "../../components/FormRefusal";
import { localDate } from "../../lib/compliance";
import { useSaveForm } from "../../lib/forms";
import { TONE } from "../../lib/statusColors";
import { PhasesTable } from "./PhasesTable";
import { PilotActions } from "./PilotActions";
import { PilotOversightCard } from "./PilotOversightCard";
import { rolloutOf, usePilots } from "./pilotsData";
import { ProtocolsModal } from "./ProtocolsModal";

function CreatePilotForm({ useCaseId, dossierWorkflow }: { useCaseId: string; dossierWorkflow: string | null }) {
  const form = useForm<{ workflow: string }>({ initialValues: { workflow: "" } });
  const saver = useSaveForm({
    form,
    save: (v: { workflow: string }) => api.pilotCreate({ use_case_id: useCaseId, workflow: v.workflow }),
    changes: ["pilots"],
    onSaved: (p) => {
      notifications.show({ color: "teal", title: `${p.id} created`, message: `The pilot of ${useCaseId}` });
    },
  });
  return (
    <Paper withBorder p="md" radius="md" data-testid="pilot-create-form">
      <form noValidate onSubmit={form.onSubmit(saver.submit)}>
        <Stack gap="sm">
          <Title order={5}>No pilot for {useCaseId} yet</Title>
          <Text size="sm" c="dimmed">
            A pilot runs the use case on a constrained workflow, in phases. Create it with the workflow in scope; then
            define its training, fallback and evaluation protocols and plan its phases. It starts once the use case is
            ready to launch.
          </Text>
          <Textarea
            label="Workflow in scope"
            description={
              dossierWorkflow
                ? `The dossier's workflow: ${dossierWorkflow}`
                : "The constrained workflow the pilot covers"
            }
            placeholder="first-notice-of-loss emails, motor claims only"
            required
            autosize
            minRows={2}
            {...form.getInputProps("workflow")}
            data-testid="pilot-create-workflow"
          />
          <FormRefusal refusal={saver.refusal} title="The pilot was not created" onClose={saver.dismiss} />
          <Group justify="flex-end">
            <Button type="submit" loading={saver.pending} data-testid="pilot-create">
              Create pilot
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function orUnset(value: string): string {
  return value.trim() === "" ? "Not set" : value;
}

function ProtocolsCard({ pilot }: { pilot: Pilot }) {
  const [editing, editor] = useDisclosure(false);
  const p: Protocols = pilot.protocols;
  return (
    <Paper withBorder p="md" radius="md" data-testid="pilot-protocols">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={5}>Protocols</Title>
          <Button
            variant="light"
            size="xs"
            leftSection={<IconPencil size={14} />}
            onClick={editor.open}
            data-testid="pilot-protocols-edit"
          >
            Edit protocols
          </Button>
        </Group>
        {pilot.missing_protocols.length > 0 && (
          <Alert color="orange" title="Not yet defined" data-testid="pilot-missing-protocols">
            <List size="sm">
              {pilot.missing_protocols.map((m) => (
                <List.Item key={m}>{m}</List.Item>
              ))}
            </List>
          </Alert>
        )}
        <FieldGrid
          cols={3}
          items={[
            ["Training audience", orUnset(p.training_audience)],
            ["Training materials", orUnset(p.training_materials)],
            ["Training delivered on", p.training_delivered_on ? localDate(p.training_delivered_on) : "Not yet"],
            ["Fallback process", orUnset(p.fallback_process)],
            ["Fallback trigger", orUnset(p.fallback_trigger)],
            ["Fallback owner", orUnset(p.fallback_owner)],
            ["Evaluation suite", orUnset(p.evaluation_suite)],
            [
              "Acceptance thresholds",
              p.acceptance.length === 0
                ? "None yet"
                : p.acceptance
                    .map((a) => `${a.metric} ${a.higher_is_better ? "≥" : "≤"} ${a.threshold.toLocaleString()}`)
                    .join(", "),
            ],
          ]}
        />
      </Stack>
      <ProtocolsModal pilot={pilot} opened={editing} onClose={editor.close} />
    </Paper>
  );
}

export function PilotTab({
  useCaseId,
  dossierWorkflow,
  readiness,
  launchVersion,
}: {
  useCaseId: string;
  dossierWorkflow: string | null;
  readiness: UseQueryResult<Readiness>;
  /** The blueprint's launch version; undefined while the blueprint is read. */
  launchVersion: string | null | undefined;
}) {
  const pilots = usePilots();
  if (pilots.isPending) return <Loader size="sm" aria-label="Loading the pilot" />;
  if (pilots.isError)
    return (
      <Alert color="red" title="The pilots could not be read">
        {pilots.error.message}
      </Alert>
    );
  const pilot = pilots.data.find((p) => p.use_case_id === useCaseId) ?? null;
  if (!pilot) return <CreatePilotForm useCaseId={useCaseId} dossierWorkflow={dossierWorkflow} />;
  const rollout = rolloutOf(pilot);
  return (
    <Stack gap="md" data-testid="pilot">
      <Paper withBorder p="md" radius="md">
        <Stack gap="sm">
          <Group justify="space-between" align="flex-start">
            <div>
              <Group gap="xs">
                <Title order={4}>{pilot.id}</Title>
                <Badge variant="light" color={rollout.color} tt="none" data-testid="pilot-rollout">
                  {rollout.label}
                </Badge>
              </Group>
              <Text size="sm" data-testid="pilot-workflow">
                Workflow in scope: {pilot.workflow}
              </Text>
              <Text size="xs" c="dimmed">
                Created by {pilot.created_by}
              </Text>
            </div>
            <PilotActions pilot={pilot} readiness={readiness} launchVersion={launchVersion} />
          </Group>
          {pilot.phases.some((p) => p.status === "stopped") && (
            <Text size="sm" c={TONE.bad}>
              A stopped phase ends the rollout: the fallback protocol took over.
            </Text>
          )}
        </Stack>
      </Paper>
      <ProtocolsCard pilot={pilot} />
      <PilotOversightCard pilot={pilot} />
      <PhasesTable pilot={pilot} />
    </Stack>
  );
}
