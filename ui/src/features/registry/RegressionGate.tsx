// The regression gate for one adapter version, as the backend judges it: what the version is
// compared with, each metric before and now against its tolerance, whether it passes, and the
// executives' decisions that let it through anyway. The version drawer shows it in full; the
// deployment dialog shows what fails before anything is saved. The verdicts are the backend's;
// this module only lays them out.
import { Alert, Badge, Group, Loader, Stack, Table, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { api } from "../../backend";
import type { MetricComparison } from "../../bindings/MetricComparison";
import type { RegressionCheck } from "../../bindings/RegressionCheck";
import { localDateTime } from "../../lib/compliance";
import { keys } from "../../lib/queryKeys";
import { METRIC_VERDICT_LABEL } from "../../lib/recordKinds";
import { CHECK_COLOR, METRIC_VERDICT_COLOR } from "../../lib/statusColors";

export function useRegressionCheck(versionId: string, enabled = true) {
  return useQuery({
    queryKey: keys.regression(versionId),
    queryFn: () => api.regressionCheck({ id: versionId }),
    enabled,
  });
}

/** A figure as the backend's refusal writes it: up to four decimals, no trailing zeros. */
function figure(n: number): string {
  return n.toLocaleString("en-GB", { maximumFractionDigits: 4 });
}

/** "+0.012", "−0.032" (a true minus, as in the refusal), or "0" when the change rounds away. */
function change(difference: number | null): string {
  if (difference === null) return "—";
  const size = figure(Math.abs(difference));
  if (size === "0") return "0";
  return `${difference < 0 ? "−" : "+"}${size}`;
}

function forUseCase(check: RegressionCheck): string {
  return check.use_case_id ? ` for ${check.use_case_id}` : "";
}

/** What the version is measured against, as one sentence. */
export function referenceText(check: RegressionCheck): string {
  const r = check.reference;
  switch (r.kind) {
    case "deployed":
      return `Compared with ${r.adapter_version_id} (${r.label}), the version deployed before it${forUseCase(check)}.`;
    case "baseline":
      return `Compared with the baseline evaluation ${r.evaluation_id}${forUseCase(check)}: no version of it is deployed yet.`;
    case "already_deployed":
      return `Already the version deployed last${forUseCase(check)}: nothing new goes out, so there is nothing to compare.`;
    case "nothing":
      return check.use_case_id
        ? `Nothing to compare with yet: no version was deployed before for ${check.use_case_id} and no baseline evaluation is recorded.`
        : "Nothing to compare with yet: the version serves no use case.";
  }
}

/** One failing metric, in the words of the backend's refusal. */
export function failureText(c: MetricComparison): string {
  const name = `${c.suite} ${c.metric}`;
  switch (c.verdict) {
    case "not_measured":
      return `${name}: not measured for this version (was ${figure(c.before)})`;
    case "direction_unknown":
      return `${name}: ${figure(c.before)} → ${c.after === null ? "—" : figure(c.after)}, but no evaluation says whether higher is better`;
    default:
      return `${name} ${figure(c.before)} → ${c.after === null ? "—" : figure(c.after)} (${change(c.difference)}, tolerance ${figure(c.tolerance)})`;
  }
}

export function failing(check: RegressionCheck): MetricComparison[] {
  return check.comparisons.filter((c) => c.verdict !== "holds");
}

function direction(c: MetricComparison): string {
  if (c.higher_is_better === null) return "Neither evaluation says whether higher is better";
  return c.higher_is_better ? "Higher is better" : "Lower is better";
}

function ComparisonTable({ comparisons }: { comparisons: MetricComparison[] }) {
  return (
    <Table verticalSpacing={2} fz="sm" data-testid="regression-comparisons">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Suite</Table.Th>
          <Table.Th>Metric</Table.Th>
          <Table.Th ta="right">Before</Table.Th>
          <Table.Th ta="right">Now</Table.Th>
          <Table.Th ta="right">Change</Table.Th>
          <Table.Th ta="right">Tolerance</Table.Th>
          <Table.Th>Verdict</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {comparisons.map((c) => (
          <Table.Tr
            key={`${c.suite}/${c.metric}`}
            data-testid={`regression-row-${c.suite}-${c.metric}`}
            data-verdict={c.verdict}
          >
            <Table.Td style={{ overflowWrap: "anywhere" }}>{c.suite}</Table.Td>
            <Table.Td style={{ overflowWrap: "anywhere" }} title={direction(c)}>
              {c.metric}
            </Table.Td>
            <Table.Td ta="right">{figure(c.before)}</Table.Td>
            <Table.Td ta="right">{c.after === null ? "—" : figure(c.after)}</Table.Td>
            <Table.Td ta="right" style={{ whiteSpace: "nowrap" }}>
              {change(c.difference)}
            </Table.Td>
            <Table.Td ta="right">{figure(c.tolerance)}</Table.Td>
            <Table.Td>
              <Badge miw="max-content" size="sm" variant="light" color={METRIC_VERDICT_COLOR[c.verdict]}>
                {METRIC_VERDICT_LABEL[c.verdict]}
              </Badge>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function VerdictLine({ check }: { check: RegressionCheck }) {
  const bad = failing(check).length;
  return (
    <Group gap="xs" data-testid="regression-verdict" data-passes={String(check.passes)}>
      <Badge miw="max-content" color={check.passes ? CHECK_COLOR.passed : CHECK_COLOR.failed} variant="filled">
        {check.passes ? "Passes" : "Fails"}
      </Badge>
      <Text size="sm">
        {check.passes
          ? check.comparisons.length > 0
            ? "Every metric holds: the version may be deployed."
            : "Nothing holds it back: the version may be deployed."
          : `${bad} of ${check.comparisons.length} ${check.comparisons.length === 1 ? "metric does" : "metrics do"} not hold. ` +
            "To deploy it, evaluate it on the same suite, set a tolerance for the metric, or have an executive deploy it with a recorded rationale."}
      </Text>
    </Group>
  );
}

function Decisions({ check }: { check: RegressionCheck }) {
  if (check.decisions.length === 0) return null;
  return (
    <Stack gap={6} data-testid="regression-decisions">
      <Text size="sm" fw={600}>
        Let through by an executive
      </Text>
      {check.decisions.map((d) => (
        <div key={d.id} data-testid={`regression-decision-${d.id}`}>
          <Text size="sm">
            <b>{d.decided_by}</b> · {localDateTime(d.decided_at)} · {d.id}: {d.rationale}
          </Text>
          <Text size="xs" c="dimmed" style={{ overflowWrap: "anywhere" }}>
            The gate had refused: {d.refusal}
          </Text>
        </div>
      ))}
    </Stack>
  );
}

/** The version drawer's section: the whole check, decisions included. */
export function RegressionGate({ versionId }: { versionId: string }) {
  const check = useRegressionCheck(versionId);
  if (check.isPending) return <Loader size="sm" aria-label="Loading the regression gate" />;
  if (check.isError)
    return (
      <Alert color="red" title="The regression gate could not be read">
        {check.error.message}
      </Alert>
    );
  const c = check.data;
  return (
    <Stack gap="xs" data-testid="regression-gate">
      <Text size="sm" data-testid="regression-reference">
        {referenceText(c)}
      </Text>
      {c.comparisons.length > 0 && <ComparisonTable comparisons={c.comparisons} />}
      <VerdictLine check={c} />
      <Decisions check={c} />
    </Stack>
  );
}
