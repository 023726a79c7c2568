// From blueprint to pilot, one use case at a time: the use cases preparing or running a launch
// (./PilotsList) and a picker for any other, then the chosen case's launch readiness, its
// architecture blueprint and its pilot, each a tab (./pilotsLocation lists them; KPIs, incidents
// and monitoring join there). Opened from another page on a use case: "UC-007" or "UC-007#pilot".
import { Alert, Button, Group, Loader, Paper, Select, Stack, Tabs, Text, Title } from "@mantine/core";
import { IconFileDescription } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useCallback, useMemo, useState } from "react";
import { api } from "../../backend";
import type { BlueprintPart } from "../../bindings/BlueprintPart";
import type { Pilot } from "../../bindings/Pilot";
import type { UseCase } from "../../bindings/UseCase";
import { keys } from "../../lib/queryKeys";
import { useNavigation, usePageParam } from "../../shell/navigation";
import { BlueprintTab } from "./BlueprintTab";
import { PilotsList, launchRows } from "./PilotsList";
import { PilotTab } from "./PilotTab";
import { MonitoringTab } from "./monitoring/MonitoringTab";
import { KpisIncidentsTab } from "./operations/KpisIncidentsTab";
import { firstUnfinishedPart, launchVersion, useBlueprint, usePilots, useReadiness } from "./pilotsData";
import { PILOTS_TAB_LABEL, PILOTS_TABS, type PilotsTab, parsePilotsParam } from "./pilotsLocation";
import { ReadinessBadge, ReadinessList } from "./ReadinessList";

function UseCaseView({
  useCaseId,
  useCase,
  tab,
  onTab,
}: {
  useCaseId: string;
  useCase: UseCase | null;
  tab: PilotsTab;
  onTab: (tab: PilotsTab) => void;
}) {
  const { navigate } = useNavigation();
  const readiness = useReadiness(useCaseId);
  const blueprint = useBlueprint(useCaseId);
  // The part a "Fix" asked for: the Blueprint tab scrolls to it and marks it.
  const [focusPart, setFocusPart] = useState<BlueprintPart | null>(null);
  const openTab = useCallback(
    (next: PilotsTab, part: BlueprintPart | null = null) => {
      setFocusPart(part);
      onTab(next);
    },
    [onTab],
  );
  // Unknown until the blueprint is read (an unreadable one names none: the backend still checks).
  const launch = blueprint.isPending ? undefined : launchVersion(blueprint.data);
  return (
    <Paper withBorder p="md" radius="md" data-testid="pilots-usecase-view" data-usecase={useCaseId}>
      <Stack gap="md">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={3}>
              {useCaseId}
              {useCase ? ` · ${useCase.title}` : ""}
            </Title>
            {useCase && (
              <Text size="sm" c="dimmed">
                {useCase.business_unit}
                {useCase.product_owner ? ` · product owner ${useCase.product_owner}` : ""}
              </Text>
            )}
          </div>
          <Group gap="sm">
            {readiness.data && (
              <ReadinessBadge
                readiness={readiness.data}
                launched={useCase?.stage === "pilot" || useCase?.stage === "scaled"}
              />
            )}
            <Button
              variant="subtle"
              size="xs"
              leftSection={<IconFileDescription size={14} />}
              onClick={() => navigate("portfolio", useCaseId)}
              data-testid="pilots-open-dossier"
            >
              Dossier
            </Button>
          </Group>
        </Group>
        <Tabs value={tab} onChange={(v) => v && openTab(v as PilotsTab)} keepMounted={false}>
          <Tabs.List>
            {PILOTS_TABS.map((t) => (
              <Tabs.Tab key={t} value={t} data-testid={`pilots-tab-${t}`}>
                {PILOTS_TAB_LABEL[t]}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          <Tabs.Panel value="readiness" pt="md">
            <ReadinessList
              useCaseId={useCaseId}
              readiness={readiness}
              launchVersion={launch ?? null}
              unfinishedPart={firstUnfinishedPart(blueprint.data)}
              openTab={openTab}
            />
          </Tabs.Panel>
          <Tabs.Panel value="blueprint" pt="md">
            <BlueprintTab useCaseId={useCaseId} focusPart={focusPart} />
          </Tabs.Panel>
          <Tabs.Panel value="pilot" pt="md">
            <PilotTab
              useCaseId={useCaseId}
              dossierWorkflow={useCase?.workflow || null}
              readiness={readiness}
              launchVersion={launch}
            />
          </Tabs.Panel>
          <Tabs.Panel value="operations" pt="md">
            <OperationsPanel useCaseId={useCaseId} />
          </Tabs.Panel>
          <Tabs.Panel value="monitoring" pt="md">
            <PilotOnly useCaseId={useCaseId} what="monitoring">
              {() => <MonitoringTab useCaseId={useCaseId} />}
            </PilotOnly>
          </Tabs.Panel>
        </Tabs>
      </Stack>
    </Paper>
  );
}

export function PilotsPage() {
  const openedOn = parsePilotsParam(usePageParam("pilots"));
  const useCases = useQuery({ queryKey: keys.useCases, queryFn: api.useCaseList });
  const pilots = usePilots();
  const [chosen, setChosen] = useState<string | null>(openedOn.useCaseId);
  const [tab, setTab] = useState<PilotsTab>(openedOn.tab ?? "readiness");
  // Built once per list, not on every render: with thousands of use cases these are the page's
  // only work proportional to the portfolio.
  const options = useMemo(
    () => (useCases.data ?? []).map((u) => ({ value: u.id, label: `${u.id} · ${u.title}` })),
    [useCases.data],
  );
  const rows = useMemo(() => launchRows(useCases.data ?? [], pilots.data ?? []), [useCases.data, pilots.data]);
  const byId = useMemo(() => new Map((useCases.data ?? []).map((u) => [u.id, u])), [useCases.data]);

  if (useCases.isPending || pilots.isPending) return <Loader aria-label="Loading the pilots" />;
  if (useCases.isError || pilots.isError) {
    return (
      <Alert color="red" title="The pilots could not be loaded">
        {(useCases.error ?? pilots.error)?.message}
      </Alert>
    );
  }
  const known = (id: string | null) => id !== null && (byId.has(id) || rows.some((r) => r.useCaseId === id));
  const current = known(chosen) ? chosen : (rows[0]?.useCaseId ?? null);

  return (
    <Stack gap="md">
      <div>
        <Title order={2}>Pilots</Title>
        <Text c="dimmed" size="sm">
          From blueprint to pilot: each use case's architecture blueprint (policies, launch version, security,
          monitoring), its pilot's protocols and phases, and the launch readiness gate its first phase must pass.
        </Text>
      </div>
      {useCases.data.length === 0 ? (
        <Paper withBorder p="lg" radius="md" data-testid="pilots-empty">
          <Text size="sm" c="dimmed">
            No use case yet. A blueprint and a pilot belong to a use case; add one on the Portfolio page.
          </Text>
        </Paper>
      ) : (
        <>
          <Paper withBorder p="md" radius="md">
            <Stack gap="sm">
              {rows.length === 0 ? (
                <Text size="sm" c="dimmed" data-testid="pilots-none">
                  No use case is preparing a launch yet: none has a pilot or is past discovery. Pick one below to write
                  its blueprint and create its pilot.
                </Text>
              ) : (
                // Once a case is open, the list keeps to a few rows so the case shows without scrolling.
                <PilotsList
                  rows={rows}
                  selectedId={current}
                  onSelect={setChosen}
                  maxHeight={current ? LIST_HEIGHT_WITH_CASE : undefined}
                />
              )}
              {openedOn.useCaseId && !known(openedOn.useCaseId) && (
                <Alert color="orange" data-testid="pilots-unknown">
                  {openedOn.useCaseId} is not a use case of this portfolio.
                </Alert>
              )}
              <Select
                label="Open any use case"
                description="Its blueprint and pilot, or where to start them"
                placeholder="Search by id or title"
                data={options}
                // The dropdown lists the first matches only; typing narrows it to any case.
                limit={100}
                value={current}
                onChange={(v) => v && setChosen(v)}
                allowDeselect={false}
                searchable
                w={460}
                data-testid="pilots-usecase"
                data-page-search
              />
            </Stack>
          </Paper>
          {current ? (
            <UseCaseView
              key={current}
              useCaseId={current}
              useCase={byId.get(current) ?? null}
              tab={tab}
              onTab={setTab}
            />
          ) : (
            <Paper withBorder p="lg" radius="md">
              <Text size="sm" c="dimmed">
                Pick a use case above to see its launch readiness, write its blueprint and create its pilot.
              </Text>
            </Paper>
          )}
        </>
      )}
    </Stack>
  );
}

/** About five rows of the list, header included. */
const LIST_HEIGHT_WITH_CASE = 260;

/** Renders its children with the use case's pilot, or says to create the pilot first. */
function PilotOnly({
  useCaseId,
  what,
  children,
}: {
  useCaseId: string;
  what: string;
  children: (pilot: Pilot) => React.ReactElement;
}) {
  const pilots = usePilots();
  if (pilots.isPending) return <Loader size="sm" />;
  const pilot = pilots.data?.find((p) => p.use_case_id === useCaseId);
  if (!pilot) {
    return (
      <Text c="dimmed" data-testid={`pilots-${what}-no-pilot`}>
        {useCaseId} has no pilot yet: create it on the Pilot tab, then its {what} is recorded here.
      </Text>
    );
  }
  return children(pilot);
}

function OperationsPanel({ useCaseId }: { useCaseId: string }) {
  return (
    <PilotOnly useCaseId={useCaseId} what="KPIs and incidents">
      {(pilot) => <KpisIncidentsTab pilot={pilot} />}
    </PilotOnly>
  );
}
