// Value, one use case at a time: its business case against what its months add up to, the
// cumulative benefit-and-cost chart with the payback point, a chart per KPI, and every month
// recorded. Months are recorded by hand (./RecordMonthModal) or imported from a metrics file
// after a dry run (./ImportMetricsModal). Opened from another page on a use case ("UC-007");
// otherwise on the first case with value recorded.
import { Alert, Badge, Button, Group, Loader, Paper, Select, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconFileDescription, IconFileImport, IconPlus } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { api } from "../../backend";
import type { UseCase } from "../../bindings/UseCase";
import type { UseCaseValue } from "../../bindings/UseCaseValue";
import { keys } from "../../lib/queryKeys";
import { STAGE_LABEL } from "../../lib/recordKinds";
import { useNavigation, usePageParam } from "../../shell/navigation";
import { ImportMetricsModal } from "./ImportMetricsModal";
import { MonthsTable } from "./MonthsTable";
import { RecordMonthModal } from "./RecordMonthModal";
import { useDashboard, useValue } from "./valueData";
import { ValueChartView } from "./ValueChartView";
import { PlanStatusBadge, ValueSummary } from "./ValueSummary";

function Charts({ value }: { value: UseCaseValue }) {
  return (
    <Paper withBorder p="md" radius="md" data-testid="value-charts">
      <Stack gap="lg">
        <ValueChartView
          chart={{ chart: "roi", use_case_id: value.use_case_id }}
          title="Cumulative benefit and cost"
          extra={
            <Text size="sm" c="dimmed">
              Against the business case, with the month it paid back marked.
            </Text>
          }
          label={`${value.use_case_id}: cumulative benefit against cost, with the business case and the payback month`}
          name="ROI chart"
          testId="value-roi-chart"
        />
        {value.kpis.length > 0 && (
          <SimpleGrid cols={{ base: 1, lg: value.kpis.length > 1 ? 2 : 1 }}>
            {value.kpis.map((kpi, i) => (
              <ValueChartView
                key={kpi}
                chart={{ chart: "kpi", use_case_id: value.use_case_id, kpi }}
                title={kpi}
                extra={
                  <Text size="sm" c="dimmed">
                    By month, against the pilot's target where it has one.
                  </Text>
                }
                label={`${kpi} by month against its target`}
                name={`${kpi} chart`}
                testId={`value-kpi-chart-${i}`}
              />
            ))}
          </SimpleGrid>
        )}
      </Stack>
    </Paper>
  );
}

function CaseView({ useCaseId, useCase }: { useCaseId: string; useCase: UseCase | null }) {
  const { navigate } = useNavigation();
  const value = useValue(useCaseId);
  const [recording, recordModal] = useDisclosure(false);
  if (value.isPending) return <Loader aria-label="Loading the value of the use case" />;
  if (value.isError) {
    return (
      <Alert color="red" title={`The value of ${useCaseId} could not be loaded`}>
        {value.error.message}
      </Alert>
    );
  }
  const v = value.data;
  const recorded = v.returns.months.length > 0;
  return (
    <Stack gap="md" data-testid="value-case" data-usecase={useCaseId}>
      <Paper withBorder p="md" radius="md">
        <Stack gap="md">
          <Group justify="space-between" align="flex-start">
            <div>
              <Group gap="xs">
                <Title order={3}>
                  {v.use_case_id} · {v.title}
                </Title>
                {recorded && <PlanStatusBadge status={v.returns.status} />}
              </Group>
              {useCase && (
                <Text size="sm" c="dimmed">
                  {useCase.business_unit} · {STAGE_LABEL[useCase.stage]}
                  {useCase.product_owner ? ` · product owner ${useCase.product_owner}` : ""}
                </Text>
              )}
            </div>
            <Group gap="xs">
              <Button
                variant="subtle"
                size="xs"
                leftSection={<IconFileDescription size={14} />}
                onClick={() => navigate("portfolio", useCaseId)}
                data-testid="value-open-dossier"
              >
                Dossier
              </Button>
              <Button leftSection={<IconPlus size={16} />} onClick={recordModal.open} data-testid="value-record-open">
                Record month
              </Button>
            </Group>
          </Group>
          <ValueSummary value={v} />
        </Stack>
      </Paper>
      {recorded && <Charts value={v} />}
      {recorded && (
        <Paper withBorder p="md" radius="md">
          <Stack gap="sm">
            <Group justify="space-between">
              <Title order={5}>Months</Title>
              <Text size="sm" c="dimmed">
                {v.months.length} recorded
              </Text>
            </Group>
            <MonthsTable value={v} />
          </Stack>
        </Paper>
      )}
      <RecordMonthModal value={v} opened={recording} onClose={recordModal.close} />
    </Stack>
  );
}

export function ValuePage() {
  const openedOn = usePageParam("value");
  const useCases = useQuery({ queryKey: keys.useCases, queryFn: api.useCaseList });
  // Which cases have value recorded: the dashboard lists them (the same cache entry it reads).
  const dashboard = useDashboard();
  const [chosen, setChosen] = useState<string | null>(openedOn);
  const [importing, importModal] = useDisclosure(false);
  const withValue = useMemo(
    () => new Set((dashboard.data?.use_cases ?? []).map((c) => c.use_case_id)),
    [dashboard.data],
  );
  // Built once per list: with thousands of use cases these are the page's only work proportional
  // to the portfolio.
  const options = useMemo(() => {
    const all = useCases.data ?? [];
    const option = (u: UseCase) => ({ value: u.id, label: `${u.id} · ${u.title}` });
    return [
      { group: "With value recorded", items: all.filter((u) => withValue.has(u.id)).map(option) },
      { group: "No value recorded yet", items: all.filter((u) => !withValue.has(u.id)).map(option) },
    ].filter((g) => g.items.length > 0);
  }, [useCases.data, withValue]);
  const byId = useMemo(() => new Map((useCases.data ?? []).map((u) => [u.id, u])), [useCases.data]);

  if (useCases.isPending || dashboard.isPending) return <Loader aria-label="Loading the use cases and their value" />;
  if (useCases.isError) {
    return (
      <Alert color="red" title="The use cases could not be loaded">
        {useCases.error.message}
      </Alert>
    );
  }
  const all = useCases.data;
  const firstWithValue = all.find((u) => withValue.has(u.id))?.id ?? null;
  const current = chosen !== null && byId.has(chosen) ? chosen : (firstWithValue ?? all[0]?.id ?? null);

  return (
    <Stack gap="md" data-testid="value-page">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>Value</Title>
          <Text c="dimmed" size="sm">
            What each use case realised month by month against its business case: benefit, cost, ROI, the month it paid
            back, KPIs and the highlights the steering committee reads.
          </Text>
        </div>
        <Button
          variant="default"
          leftSection={<IconFileImport size={16} />}
          onClick={importModal.open}
          data-testid="value-import-open"
        >
          Import metrics CSV…
        </Button>
      </Group>
      {dashboard.isError && (
        <Alert color="orange" title="Which use cases have value could not be read">
          {dashboard.error.message}
        </Alert>
      )}
      {all.length === 0 ? (
        <Paper withBorder p="lg" radius="md" data-testid="value-empty">
          <Text size="sm" c="dimmed">
            No use case yet. Value is recorded per use case; add one on the Portfolio page.
          </Text>
        </Paper>
      ) : (
        <>
          <Group align="flex-end" gap="sm">
            <Select
              label="Use case"
              data={options}
              // The dropdown lists the first matches only; typing narrows it to any case.
              limit={100}
              value={current}
              onChange={(id) => id && setChosen(id)}
              allowDeselect={false}
              searchable
              w={460}
              data-testid="value-usecase-select"
              data-page-search
            />
            {chosen !== null && !byId.has(chosen) && (
              <Badge color="orange" variant="light" data-testid="value-unknown">
                {chosen} is not a use case of this portfolio
              </Badge>
            )}
          </Group>
          {current && <CaseView key={current} useCaseId={current} useCase={byId.get(current) ?? null} />}
        </>
      )}
      <ImportMetricsModal
        opened={importing}
        onClose={importModal.close}
        onImported={(cases) => {
          if (current === null || !cases.includes(current)) setChosen(cases[0] ?? current);
        }}
      />
    </Stack>
  );
}
