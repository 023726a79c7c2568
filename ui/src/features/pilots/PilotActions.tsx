// The rollout's actions on a pilot: start it (its first phase runs) only past the launch readiness
// gate, advance from the running phase to the next (past the regression gate for the launch
// version, ./AdvancePhaseModal), or stop the running phase with a reason (./StopPhaseModal).
// Start is disabled with the unmet items until the use case is ready; the backend still checks,
// and its refusal shows here as it words it.
import { Alert, Button, Group, Stack } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { IconPlayerPlay, IconPlayerStop, IconPlayerTrackNext } from "@tabler/icons-react";
import { useMutation, type UseQueryResult } from "@tanstack/react-query";
import { useState } from "react";
import { api } from "../../backend";
import type { Gate } from "../../bindings/Gate";
import type { Pilot } from "../../bindings/Pilot";
import type { Readiness } from "../../bindings/Readiness";
import { GatedButton } from "../../components/GatedButton";
import { useInvalidate } from "../../lib/queryKeys";
import { AdvancePhaseModal } from "./AdvancePhaseModal";
import { hasStarted, nextPhase, runningPhase } from "./pilotsData";
import { StopPhaseModal } from "./StopPhaseModal";

/** Whether the pilot may start now, and if not, why: the unmet readiness items by title. */
export function startGate(pilot: Pilot, readiness: UseQueryResult<Readiness>): Gate {
  if (pilot.phases.length === 0)
    return { allowed: false, reason: "Add a phase first: starting the pilot starts its first phase" };
  if (readiness.isPending) return { allowed: false, reason: "Checking launch readiness…" };
  // Unread, nothing is known to block: the backend applies the gate and says what is unmet.
  if (!readiness.data) return { allowed: true, reason: null };
  if (readiness.data.ready) return { allowed: true, reason: null };
  const unmet = readiness.data.items.filter((i) => !i.met).map((i) => i.title);
  return { allowed: false, reason: `Not ready to launch. Not met: ${unmet.join("; ")}` };
}

export function PilotActions({
  pilot,
  readiness,
  launchVersion,
}: {
  pilot: Pilot;
  readiness: UseQueryResult<Readiness>;
  /** The blueprint's launch version; undefined while the blueprint is read. */
  launchVersion: string | null | undefined;
}) {
  const invalidate = useInvalidate();
  const [refusal, setRefusal] = useState<string | null>(null);
  const [advancing, advanceModal] = useDisclosure(false);
  const [stopping, stopModal] = useDisclosure(false);
  const start = useMutation({
    mutationFn: () => api.pilotStart({ pilot_id: pilot.id, on: null }),
    onMutate: () => setRefusal(null),
    onSuccess: async (p) => {
      // Starting the pilot moves its use case into the pilot stage.
      await invalidate("pilots", "useCases");
      const first = p.phases.find((ph) => ph.status === "running");
      notifications.show({
        color: "teal",
        title: `${p.id} started`,
        message: first ? `${first.name} runs from ${first.actual_start ?? "today"}` : "Its first phase runs",
      });
    },
    onError: (error) => setRefusal(error.message),
  });
  const running = runningPhase(pilot);
  const next = nextPhase(pilot);
  const started = hasStarted(pilot);
  if (started && !running) return null;
  return (
    <Stack gap="xs" align="flex-end" maw={520}>
      <Group gap="xs">
        {!started && (
          <GatedButton
            gate={startGate(pilot, readiness)}
            leftSection={<IconPlayerPlay size={16} />}
            loading={start.isPending}
            onClick={() => start.mutate()}
            data-testid="pilot-start"
          >
            Start pilot
          </GatedButton>
        )}
        {running && (
          <>
            <Button
              leftSection={<IconPlayerTrackNext size={16} />}
              onClick={advanceModal.open}
              data-testid="pilot-advance"
            >
              {next ? "Advance to next phase" : "End the last phase"}
            </Button>
            <Button
              variant="light"
              color="red"
              leftSection={<IconPlayerStop size={16} />}
              onClick={stopModal.open}
              data-testid="pilot-stop"
            >
              Stop phase…
            </Button>
          </>
        )}
      </Group>
      {refusal && (
        <Alert
          color="red"
          title="The pilot did not start"
          withCloseButton
          onClose={() => setRefusal(null)}
          data-testid="pilot-start-refusal"
        >
          {refusal}
        </Alert>
      )}
      {running && (
        <>
          <AdvancePhaseModal
            pilot={pilot}
            running={running}
            next={next}
            launchVersion={launchVersion}
            opened={advancing}
            onClose={advanceModal.close}
          />
          <StopPhaseModal pilot={pilot} running={running} opened={stopping} onClose={stopModal.close} />
        </>
      )}
    </Stack>
  );
}
