// Ends the running phase and starts the next. Starting the next phase widens the audience, so the
// launch version must pass the regression gate (checked as the dialog opens, as for a deployment);
// only an executive may start it anyway, with a rationale the backend records as a gate decision.
// After the last phase, advancing ends the rollout and no gate applies.
import { Button, Group, Modal, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { api, BackendError } from "../../backend";
import type { Gate } from "../../bindings/Gate";
import type { Phase } from "../../bindings/Phase";
import type { Pilot } from "../../bindings/Pilot";
import { FormRefusal } from "../../components/FormRefusal";
import { GatedButton } from "../../components/GatedButton";
import { localIsoDate } from "../../lib/files";
import { useSaveForm } from "../../lib/forms";
import { useWorkingAs } from "../../shell/useWorkingAs";
import { useRegressionCheck } from "../registry/RegressionGate";
import { RegressionRefusal } from "../registry/RegressionRefusal";

interface Values {
  on: string;
  override_rationale: string;
}

const blank = (): Values => ({ on: localIsoDate(), override_rationale: "" });

const OPEN: Gate = { allowed: true, reason: null };

export function AdvancePhaseModal({
  pilot,
  running,
  next,
  launchVersion,
  opened,
  onClose,
}: {
  pilot: Pilot;
  running: Phase;
  next: Phase | null;
  /** The blueprint's launch version, which the gate checks; undefined while the blueprint is read. */
  launchVersion: string | null | undefined;
  opened: boolean;
  onClose: () => void;
}) {
  const { gate } = useWorkingAs();
  const form = useForm<Values>({ initialValues: blank() });
  // The gate applies only when a next phase starts and the blueprint names a launch version.
  const gated = next !== null && typeof launchVersion === "string";
  const check = useRegressionCheck(launchVersion ?? "", opened && gated);
  const fails = gated && check.data?.passes === false;
  const mayOverride = gate("decide_gate").allowed;
  const submitGate: Gate =
    next !== null && launchVersion === undefined
      ? { allowed: false, reason: "Reading the blueprint's launch version…" }
      : gated && check.isPending
        ? { allowed: false, reason: "Checking the regression gate…" }
        : fails && !mayOverride
          ? { allowed: false, reason: "Only an executive can start the next phase past the regression gate" }
          : OPEN;

  function close() {
    form.setValues(blank());
    form.clearErrors();
    saver.dismiss();
    onClose();
  }

  const saver = useSaveForm({
    form,
    save: (values: Values) =>
      api
        .pilotAdvance({
          pilot_id: pilot.id,
          on: values.on.trim() === "" ? null : values.on,
          // A rationale answers a refusal the person saw; with a passing gate none was asked for.
          override_rationale: fails ? values.override_rationale : null,
        })
        .catch((error: unknown) => {
          // The gate may have changed since the dialog opened: read it again so the alert shows
          // what the refusal is about (and an executive gets the rationale field).
          if (gated && error instanceof BackendError && error.field === "pilot_id") void check.refetch();
          throw error;
        }),
    changes: ["pilots", "gateDecisions"],
    onSaved: (p) => {
      const now = p.phases.find((ph) => ph.status === "running");
      notifications.show({
        color: "teal",
        title: now ? `${now.name} started` : `${pilot.id}'s rollout is complete`,
        message: `${running.name} ended${now ? `; ${now.name} runs for ${now.audience}` : ""}`,
      });
      close();
    },
  });

  return (
    <Modal opened={opened} onClose={close} title={`Advance ${pilot.id}`} centered size="lg">
      {/* noValidate: the backend's refusal beside the field says what is missing, not a browser bubble. */}
      <form noValidate onSubmit={form.onSubmit(saver.submit)}>
        <Stack gap="sm">
          <Text size="sm" data-testid="advance-summary">
            {next
              ? `Ends ${running.name} and starts ${next.name} for ${next.audience}.`
              : `Ends ${running.name}, the last phase: the rollout is complete.`}
          </Text>
          {next && launchVersion === null && (
            <Text size="sm" c="dimmed">
              The blueprint names no launch version, so no regression gate is checked.
            </Text>
          )}
          {gated && (
            <RegressionRefusal
              check={check}
              fails={fails}
              testIdPrefix="advance"
              title={`Starting ${next?.name ?? "the next phase"} fails the regression gate for ${launchVersion}`}
              unreadNote="The gate still applies when the phase starts."
              mayOverride={mayOverride}
              overrideNote="You may start it anyway: your rationale is recorded with this refusal as a gate decision, on the audit trail."
              remedyNote="To start it, evaluate the version on the same suite, have an executive set a tolerance for the metric, or ask an executive to advance with a recorded rationale."
            />
          )}
          <TextInput
            label={next ? "Phase ends and the next starts on" : "Phase ends on"}
            type="date"
            required
            {...form.getInputProps("on")}
            data-testid="advance-date"
            data-autofocus
          />
          {fails && mayOverride && (
            <Textarea
              label="Rationale for starting the phase anyway"
              description="Why the next audience gets the version although the gate refuses it; recorded with your name"
              required
              autosize
              minRows={2}
              {...form.getInputProps("override_rationale")}
              data-testid="advance-override-rationale"
            />
          )}
          <FormRefusal refusal={saver.refusal} title="The pilot did not advance" onClose={saver.dismiss} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <GatedButton
              gate={submitGate}
              type="submit"
              color={fails ? "orange" : undefined}
              loading={saver.pending}
              data-testid="advance-submit"
            >
              {fails ? "Advance anyway (record decision)" : next ? "Start the next phase" : "End the rollout"}
            </GatedButton>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
