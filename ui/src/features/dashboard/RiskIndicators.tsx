// Every red risk indicator, grouped by kind (stale sign-offs, lineage gaps in what is deployed,
// failed bias checks, open drift alerts, readiness blockers, an overdue cadence), each a link to
// where its record is dealt with: the sign-off review, the version's lineage, the case's Bias tab,
// the pilot's Monitoring or Readiness tab, the Steering page's Cadence tab.
import { Badge, Group, NavLink, Paper, Stack, Text, Title } from "@mantine/core";
import { IconArrowRight } from "@tabler/icons-react";
import type { IndicatorKind } from "../../bindings/IndicatorKind";
import type { RiskIndicator } from "../../bindings/RiskIndicator";
import { useFirstRows } from "../../components/useFirstRows";
import { INDICATOR_KIND_LABEL } from "../../lib/recordKinds";
import { TONE } from "../../lib/statusColors";
import { type PageId, useNavigation } from "../../shell/navigation";
import { pilotsParam } from "../pilots/pilotsLocation";
import { riskParam } from "../risk/riskLocation";

/** The kinds in the order the dashboard lists them (the backend's order). */
const KINDS: readonly IndicatorKind[] = [
  "stale_signoff",
  "lineage_gap",
  "failed_bias_check",
  "drift_alert",
  "readiness_blocker",
  "cadence_overdue",
];

interface Target {
  page: PageId;
  param: string | null;
  /** Where the link goes, for its accessible name. */
  where: string;
}

/** Where an indicator's record is opened. */
export function indicatorTarget(r: RiskIndicator): Target {
  switch (r.kind) {
    case "stale_signoff":
      return { page: "signoffs", param: r.record_id, where: "its sign-off review" };
    case "lineage_gap":
      return { page: "lineage", param: r.record_id, where: "its lineage" };
    case "failed_bias_check":
      return r.use_case_id
        ? { page: "risk", param: riskParam(r.use_case_id, "bias"), where: "the use case's bias checks" }
        : { page: "risk", param: null, where: "the Risk page" };
    case "drift_alert":
      return r.use_case_id
        ? { page: "pilots", param: pilotsParam(r.use_case_id, "monitoring"), where: "the pilot's monitoring" }
        : { page: "pilots", param: null, where: "the Pilots page" };
    case "readiness_blocker":
      return {
        page: "pilots",
        param: pilotsParam(r.use_case_id ?? r.record_id, "readiness"),
        where: "its launch readiness",
      };
    case "cadence_overdue":
      return { page: "cadence", param: null, where: "the improvement cadence" };
  }
}

function IndicatorLink({ indicator }: { indicator: RiskIndicator }) {
  const { navigate } = useNavigation();
  const target = indicatorTarget(indicator);
  // A cadence kind is named by its title; other records by their id.
  const id = indicator.kind === "cadence_overdue" ? null : indicator.record_id;
  return (
    <NavLink
      component="button"
      type="button"
      onClick={() => navigate(target.page, target.param)}
      aria-label={`${INDICATOR_KIND_LABEL[indicator.kind]}: ${id ? `${id} ` : ""}${indicator.title}, ${indicator.detail}. Open ${target.where}`}
      data-testid={`dashboard-risk-${indicator.kind}-${indicator.record_id}`}
      label={
        <Text size="sm" fw={600} truncate>
          {id && (
            <Text span size="xs" c="dimmed" ff="monospace" mr={6}>
              {id}
            </Text>
          )}
          {indicator.title}
        </Text>
      }
      description={indicator.detail}
      rightSection={<IconArrowRight size={14} />}
      py={4}
    />
  );
}

/**
 * Indicators of one kind shown before "Show all": at 10,000 use cases a kind can hold thousands,
 * which no one reads row by row and which took seconds to draw.
 */
export const SHOWN_PER_KIND = 6;

function IndicatorGroup({ kind, items }: { kind: IndicatorKind; items: RiskIndicator[] }) {
  const { shown, toggle } = useFirstRows(items, SHOWN_PER_KIND, `dashboard-risks-${kind}-more`);
  return (
    <div data-testid={`dashboard-risks-${kind}`}>
      <Group gap="xs" mb={4}>
        <Badge color={TONE.bad} variant="light" tt="none">
          {INDICATOR_KIND_LABEL[kind]}
        </Badge>
        <Text size="xs" c="dimmed">
          {items.length.toLocaleString()}
        </Text>
      </Group>
      <Stack gap={2}>
        {shown.map((r) => (
          <IndicatorLink key={`${r.kind}-${r.record_id}`} indicator={r} />
        ))}
      </Stack>
      {toggle}
    </div>
  );
}

export function RiskIndicators({ risks }: { risks: RiskIndicator[] }) {
  const groups = KINDS.map((kind) => ({ kind, items: risks.filter((r) => r.kind === kind) })).filter(
    (g) => g.items.length > 0,
  );
  return (
    <Paper withBorder p="md" radius="md" data-testid="dashboard-risks">
      <Group justify="space-between" mb="sm">
        <Title order={4}>Risk indicators</Title>
        <Badge color={risks.length > 0 ? TONE.bad : TONE.good} variant="light">
          {risks.length === 0 ? "none red" : `${risks.length} red`}
        </Badge>
      </Group>
      {groups.length === 0 ? (
        <Text size="sm" c="dimmed">
          Nothing is red: no stale sign-off, no lineage gap in what is deployed, no failed bias check, no open drift
          alert, no pilot blocked at the readiness gate, and the improvement cadence is on time.
        </Text>
      ) : (
        <Stack gap="md">
          {groups.map((g) => (
            <IndicatorGroup key={g.kind} kind={g.kind} items={g.items} />
          ))}
        </Stack>
      )}
    </Paper>
  );
}
