// The use cases preparing or running a launch: every one with a pilot, and every one past discovery
// (the blueprint is written in the architecture stage), each with where its rollout stands.
// Clicking a row opens that use case below.
import { Badge, Text } from "@mantine/core";
import { createColumnHelper } from "@tanstack/react-table";
import type { Pilot } from "../../bindings/Pilot";
import type { Stage } from "../../bindings/Stage";
import type { UseCase } from "../../bindings/UseCase";
import { DataTable } from "../../components/DataTable";
import { STAGE_LABEL } from "../../lib/recordKinds";
import { rolloutOf } from "./pilotsData";

/** The stages in which a use case has (or should have) a blueprint. */
const PREPARING: readonly Stage[] = ["architecture", "data", "pilot", "scaled"];

export interface LaunchRow {
  useCaseId: string;
  title: string;
  stage: Stage | null;
  pilot: Pilot | null;
}

/** Pilots first (in the backend's order), then the other cases past discovery, by id. */
export function launchRows(useCases: readonly UseCase[], pilots: readonly Pilot[]): LaunchRow[] {
  const byId = new Map(useCases.map((u) => [u.id, u]));
  const withPilot = new Set(pilots.map((p) => p.use_case_id));
  return [
    ...pilots.map((p) => ({
      useCaseId: p.use_case_id,
      title: byId.get(p.use_case_id)?.title ?? p.use_case_title,
      stage: byId.get(p.use_case_id)?.stage ?? null,
      pilot: p,
    })),
    ...useCases
      .filter((u) => !withPilot.has(u.id) && PREPARING.includes(u.stage))
      .map((u) => ({ useCaseId: u.id, title: u.title, stage: u.stage, pilot: null })),
  ];
}

const column = createColumnHelper<LaunchRow>();
const columns = [
  column.accessor("useCaseId", { header: "Use case", meta: { nowrap: true } }),
  column.accessor("title", { header: "Title" }),
  column.accessor((r) => (r.stage ? STAGE_LABEL[r.stage] : "—"), {
    id: "stage",
    header: "Stage",
    meta: { nowrap: true },
  }),
  column.accessor((r) => r.pilot?.id ?? "", {
    id: "pilot",
    header: "Pilot",
    meta: { nowrap: true },
    cell: (i) =>
      i.getValue() || (
        <Text span size="sm" c="dimmed">
          —
        </Text>
      ),
  }),
  column.accessor((r) => rolloutOf(r.pilot).label, {
    id: "rollout",
    header: "Rollout",
    cell: (i) => {
      const rollout = rolloutOf(i.row.original.pilot);
      return (
        <Badge miw="max-content" variant="light" color={rollout.color} tt="none">
          {rollout.label}
        </Badge>
      );
    },
  }),
];

export function PilotsList({
  rows,
  selectedId,
  onSelect,
  maxHeight,
}: {
  rows: LaunchRow[];
  selectedId: string | null;
  onSelect: (useCaseId: string) => void;
  maxHeight?: number;
}) {
  return (
    <DataTable
      maxHeight={maxHeight}
      rows={rows}
      columns={columns}
      rowId={(r) => r.useCaseId}
      selectedId={selectedId}
      onRowClick={(r) => onSelect(r.useCaseId)}
      rowLabel={(r) => `Open ${r.useCaseId} ${r.title}`}
      rowTestId={(r) => `pilots-row-${r.useCaseId}`}
      testId="pilots-table"
    />
  );
}
