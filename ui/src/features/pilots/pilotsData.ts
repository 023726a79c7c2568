// The Pilots page's reads (the pilot list, one use case's blueprint and launch readiness) and how a
// pilot's rollout reads in one phrase. The verdicts are the backend's; this module names them.
import { useQuery } from "@tanstack/react-query";
import { api } from "../../backend";
import type { Blueprint } from "../../bindings/Blueprint";
import type { BlueprintPart } from "../../bindings/BlueprintPart";
import type { Phase } from "../../bindings/Phase";
import type { Pilot } from "../../bindings/Pilot";
import { keys } from "../../lib/queryKeys";
import { TONE } from "../../lib/statusColors";

export function usePilots() {
  return useQuery({ queryKey: keys.pilotList, queryFn: api.pilotList });
}

export function useBlueprint(useCaseId: string) {
  return useQuery({ queryKey: keys.blueprint(useCaseId), queryFn: () => api.blueprintGet({ id: useCaseId }) });
}

export function useReadiness(useCaseId: string) {
  return useQuery({ queryKey: keys.readiness(useCaseId), queryFn: () => api.pilotReadiness({ id: useCaseId }) });
}

/** The adapter version the blueprint's registry part names for launch, if any. */
export function launchVersion(blueprint: Blueprint | undefined): string | null {
  const part = blueprint?.parts.find((p) => p.part === "registry");
  return part?.content.part === "registry" ? part.content.adapter_version_id : null;
}

/** The first part that is incomplete or awaits review: where "fix the blueprint" leads. */
export function firstUnfinishedPart(blueprint: Blueprint | undefined): BlueprintPart | null {
  const part = blueprint?.parts.find((p) => p.missing.length > 0 || p.reviewed_by === null);
  return part?.part ?? null;
}

export function runningPhase(pilot: Pilot): Phase | null {
  return pilot.phases.find((p) => p.status === "running") ?? null;
}

/** Whether the pilot has started: a phase ran or runs (the backend's rule). */
export function hasStarted(pilot: Pilot): boolean {
  return pilot.phases.some((p) => p.status !== "planned");
}

/** The phase that starts when the running one ends, if any. */
export function nextPhase(pilot: Pilot): Phase | null {
  const running = runningPhase(pilot);
  if (!running) return null;
  return pilot.phases.find((p) => p.position > running.position && p.status === "planned") ?? null;
}

export interface Rollout {
  label: string;
  color: string;
}

/** Where the rollout stands, in one phrase with its colour. */
export function rolloutOf(pilot: Pilot | null): Rollout {
  if (!pilot) return { label: "No pilot yet", color: TONE.neutral };
  if (pilot.phases.length === 0) return { label: "No phase planned", color: TONE.attention };
  const running = runningPhase(pilot);
  if (running) return { label: `${running.name} running`, color: TONE.info };
  const stopped = pilot.phases.find((p) => p.status === "stopped");
  if (stopped) return { label: `Stopped in ${stopped.name}`, color: TONE.bad };
  if (!hasStarted(pilot)) return { label: "Not started", color: TONE.attention };
  if (pilot.phases.every((p) => p.status === "done")) return { label: "Rollout complete", color: TONE.good };
  return { label: "Ended with phases still planned", color: TONE.attention };
}
