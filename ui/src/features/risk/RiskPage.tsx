// Risk controls for one use case at a time: its human-oversight plan, bias checks, risk register
// and how far its recorded evidence covers the regulatory frameworks.
import { Alert, Loader, Paper, Select, Stack, Tabs, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { api } from "../../backend";
import { keys } from "../../lib/queryKeys";
import { usePageParam } from "../../shell/navigation";
import { BiasTab } from "./BiasTab";
import { CoverageTab } from "./CoverageTab";
import { OversightTab } from "./OversightTab";
import { parseRiskParam } from "./riskLocation";
import { RiskRegisterTab } from "./RiskRegisterTab";

export function RiskPage() {
  // Opened on a use case (and maybe a tab) from another page: "UC-007" or "UC-007#bias".
  const openedOn = parseRiskParam(usePageParam("risk"));
  const useCases = useQuery({ queryKey: keys.useCases, queryFn: api.useCaseList });
  // The Oversight tab (the one shown first) needs every plan: asked for now, with the use cases,
  // rather than once the tab mounts after them.
  useQuery({ queryKey: keys.oversight, queryFn: api.oversightList });
  const [chosen, setChosen] = useState<string | null>(openedOn.useCaseId);
  const [tab, setTab] = useState<string | null>(openedOn.tab ?? "oversight");
  // Built once per list, not on every render: with thousands of use cases the picker's options
  // and the lookup are the page's only work proportional to the portfolio.
  const options = useMemo(
    () => (useCases.data ?? []).map((u) => ({ value: u.id, label: `${u.id} · ${u.title}` })),
    [useCases.data],
  );

  if (useCases.isPending) return <Loader aria-label="Loading the use cases" />;
  if (useCases.isError) {
    return (
      <Alert color="red" title="The use cases could not be loaded">
        {useCases.error.message}
      </Alert>
    );
  }
  const all = useCases.data;
  const current = all.find((u) => u.id === chosen) ?? all[0] ?? null;

  return (
    <Stack gap="md">
      <div>
        <Title order={2}>Risk</Title>
        <Text c="dimmed" size="sm">
          Per use case: who oversees it and how they intervene, bias checks with the threshold and why, the risk
          register, and which framework requirements the recorded evidence covers.
        </Text>
      </div>
      {all.length === 0 ? (
        <Paper withBorder p="lg" radius="md">
          <Text size="sm" c="dimmed">
            No use case yet. Risk controls are recorded per use case; add one on the Portfolio page.
          </Text>
        </Paper>
      ) : (
        <>
          <Select
            label="Use case"
            data={options}
            // The dropdown lists the first matches only; typing narrows it to any case.
            limit={100}
            value={current?.id ?? null}
            onChange={(v) => v && setChosen(v)}
            allowDeselect={false}
            searchable
            w={460}
            data-testid="risk-usecase"
            data-page-search
          />
          {current && (
            <Tabs value={tab} onChange={setTab} keepMounted={false}>
              <Tabs.List>
                <Tabs.Tab value="oversight" data-testid="tab-oversight">
                  Oversight
                </Tabs.Tab>
                <Tabs.Tab value="bias" data-testid="tab-bias">
                  Bias
                </Tabs.Tab>
                <Tabs.Tab value="register" data-testid="tab-register">
                  Risk register
                </Tabs.Tab>
                <Tabs.Tab value="coverage" data-testid="tab-coverage">
                  Framework coverage
                </Tabs.Tab>
              </Tabs.List>
              <Tabs.Panel value="oversight" pt="md">
                <OversightTab key={current.id} useCaseId={current.id} onSelect={setChosen} />
              </Tabs.Panel>
              <Tabs.Panel value="bias" pt="md">
                <BiasTab key={current.id} useCaseId={current.id} />
              </Tabs.Panel>
              <Tabs.Panel value="register" pt="md">
                <RiskRegisterTab key={current.id} useCaseId={current.id} />
              </Tabs.Panel>
              <Tabs.Panel value="coverage" pt="md">
                <CoverageTab key={current.id} useCaseId={current.id} />
              </Tabs.Panel>
            </Tabs>
          )}
        </>
      )}
    </Stack>
  );
}
