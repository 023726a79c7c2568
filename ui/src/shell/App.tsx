// The application shell: header with the open file, who is working and the Portfolio menu, a
// navigation bar that lists only pages that work, and the page itself (with the navigation context
// pages use to open one another on a record). With no portfolio open it shows why instead. Until
// the person picks a page it shows the start page: the executive dashboard once any value is
// recorded, the programme overview before.
// The sidebar is a list of buttons in Tab order, the current page marked with aria-current; the
// keyboard shortcuts (./shortcuts) switch page, start a new use case and focus the page's search.
import { Alert, AppShell, Center, Group, Loader, NavLink, ScrollArea, Text, Title, Tooltip } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import {
  IconBox,
  IconCalendarRepeat,
  IconDatabase,
  IconFlask,
  IconGauge,
  IconGavel,
  IconHierarchy2,
  IconFileTypePdf,
  IconHistory,
  IconLayoutDashboard,
  IconLayoutKanban,
  IconListCheck,
  IconListNumbers,
  IconPresentation,
  IconReportMoney,
  IconRocket,
  IconShieldHalf,
  IconSignature,
  IconUsersGroup,
} from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useCallback, useMemo, useState, type ComponentType } from "react";
import { api } from "../backend";
import { AuditPage } from "../features/audit/AuditPage";
import { OpenAlertsCount } from "../features/board/OpenAlertsCount";
import { StageBoardPage } from "../features/board/StageBoardPage";
import { DashboardPage } from "../features/dashboard/DashboardPage";
import { DataPage } from "../features/data/DataPage";
import { LineagePage } from "../features/lineage/LineagePage";
import { OverviewPage } from "../features/overview/OverviewPage";
import { ProfilePicker } from "../features/people/ProfilePicker";
import { PilotsPage } from "../features/pilots/PilotsPage";
import { PoliciesPage } from "../features/policies/PoliciesPage";
import { NoPortfolioScreen } from "../features/portfolio-file/NoPortfolioScreen";
import { PortfolioMenu } from "../features/portfolio-file/PortfolioMenu";
import { PortfolioPage } from "../features/portfolio/PortfolioPage";
import { RegistryPage } from "../features/registry/RegistryPage";
import { ReportsPage } from "../features/reports/ReportsPage";
import { ResearchPage } from "../features/research/ResearchPage";
import { RiskPage } from "../features/risk/RiskPage";
import { SignoffsPage } from "../features/signoffs/SignoffsPage";
import { CadencePage } from "../features/steering/CadencePage";
import { ChecklistPage } from "../features/steering/ChecklistPage";
import { SteeringPage } from "../features/steering/SteeringPage";
import { ValuePage } from "../features/value/ValuePage";
import { WorkshopsPage } from "../features/workshops/WorkshopsPage";
import { keys } from "../lib/queryKeys";
import { fileName } from "../lib/vocabulary";
import { AttentionCount } from "./AttentionCount";
import { type Location, NavigationProvider, PAGE_LABEL, type PageId } from "./navigation";
import { CommandProvider, createCommandBus } from "./shellCommands";
import { keysText, pageKeys } from "./shortcuts";
import { ShortcutKeys, ShortcutsModal } from "./ShortcutsModal";
import { BusyBanner, ReadOnlyBanner } from "./StatusBanners";
import { useShortcuts } from "./useShortcuts";
import { useSession } from "./useWorkingAs";

interface Page {
  id: PageId;
  icon: ComponentType<{ size?: number }>;
  render: () => React.ReactElement;
}

const PAGES: Page[] = [
  { id: "dashboard", icon: IconGauge, render: () => <DashboardPage /> },
  { id: "overview", icon: IconLayoutDashboard, render: () => <OverviewPage /> },
  { id: "portfolio", icon: IconListNumbers, render: () => <PortfolioPage /> },
  { id: "research", icon: IconFlask, render: () => <ResearchPage /> },
  { id: "workshops", icon: IconUsersGroup, render: () => <WorkshopsPage /> },
  { id: "registry", icon: IconBox, render: () => <RegistryPage /> },
  { id: "data", icon: IconDatabase, render: () => <DataPage /> },
  { id: "policies", icon: IconGavel, render: () => <PoliciesPage /> },
  { id: "lineage", icon: IconHierarchy2, render: () => <LineagePage /> },
  { id: "board", icon: IconLayoutKanban, render: () => <StageBoardPage /> },
  { id: "pilots", icon: IconRocket, render: () => <PilotsPage /> },
  { id: "value", icon: IconReportMoney, render: () => <ValuePage /> },
  { id: "steering", icon: IconPresentation, render: () => <SteeringPage /> },
  { id: "checklist", icon: IconListCheck, render: () => <ChecklistPage /> },
  { id: "cadence", icon: IconCalendarRepeat, render: () => <CadencePage /> },
  { id: "signoffs", icon: IconSignature, render: () => <SignoffsPage /> },
  { id: "risk", icon: IconShieldHalf, render: () => <RiskPage /> },
  { id: "audit", icon: IconHistory, render: () => <AuditPage /> },
  { id: "reports", icon: IconFileTypePdf, render: () => <ReportsPage /> },
];

/** One sidebar entry: a real button (a Tab stop), its shortcut in a tooltip on hover and focus. */
function PageLink({ page, active, onOpen }: { page: Page; active: boolean; onOpen: () => void }) {
  const keys = pageKeys(page.id);
  return (
    <Tooltip
      label={
        <Group gap={6} wrap="nowrap">
          <span>{PAGE_LABEL[page.id]}</span>
          <ShortcutKeys keys={keys} />
        </Group>
      }
      position="right"
      openDelay={400}
      events={{ hover: true, focus: false, touch: false }}
    >
      <NavLink
        component="button"
        type="button"
        label={PAGE_LABEL[page.id]}
        leftSection={<page.icon size={18} />}
        rightSection={page.id === "board" ? <OpenAlertsCount /> : <AttentionCount page={page.id} />}
        active={active}
        aria-current={active ? "page" : undefined}
        aria-keyshortcuts={keys.join(" ")}
        onClick={onOpen}
        data-testid={`nav-${page.id}`}
        data-shortcut={keysText(keys)}
      />
    </Tooltip>
  );
}

/** The page shown until the person picks one, before any value is recorded. */
const FIRST_RUN_PAGE: PageId = "overview";

/**
 * The start page: the dashboard once any month of value is recorded, else the overview (also when
 * the dashboard cannot be read); null while the dashboard is asked. It follows the portfolio
 * until the person picks a page: opening another file or loading the demo may change it.
 */
function useStartPage(open: boolean): PageId | null {
  const dashboard = useQuery({ queryKey: keys.dashboard, queryFn: api.steeringDashboard, enabled: open });
  if (dashboard.data) return dashboard.data.has_value ? "dashboard" : FIRST_RUN_PAGE;
  return dashboard.isError ? FIRST_RUN_PAGE : null;
}

export function App() {
  const session = useSession();
  // `page: null` is the start page, until the person picks one; `visit` counts navigations so
  // that opening a page on another record remounts it afresh.
  const [chosen, setChosen] = useState<{ page: PageId | null; param: string | null; visit: number }>({
    page: null,
    param: null,
    visit: 0,
  });
  const startPage = useStartPage(!!session.data?.portfolio);
  const shownPage = chosen.page ?? startPage;
  const navigate = useCallback(
    (page: PageId, param: string | null = null) =>
      setChosen((l) => (l.page === page && l.param === param ? l : { page, param, visit: l.visit + 1 })),
    [],
  );
  const location: Location = useMemo(
    () => ({ page: shownPage ?? FIRST_RUN_PAGE, param: chosen.param }),
    [shownPage, chosen.param],
  );
  const navigation = useMemo(() => ({ location, navigate }), [location, navigate]);
  const [commands] = useState(createCommandBus);
  const [shortcutsOpened, shortcuts] = useDisclosure(false);
  const newUseCase = useCallback(() => {
    navigate("portfolio");
    commands.send("new-use-case");
  }, [navigate, commands]);
  useShortcuts({ goTo: navigate, newUseCase, showShortcuts: shortcuts.open });

  if (session.isPending) {
    return (
      <Center h="100vh">
        <Loader aria-label="Opening the portfolio" />
      </Center>
    );
  }
  if (session.isError) {
    return (
      <Center h="100vh" p="xl">
        <Alert color="red" title="Steerco's backend did not answer">
          {session.error.message}
        </Alert>
      </Center>
    );
  }
  const portfolio = session.data.portfolio;
  if (!portfolio) {
    return <NoPortfolioScreen problem={session.data.problem} />;
  }

  const page = shownPage === null ? null : (PAGES.find((p) => p.id === shownPage) ?? PAGES[0]!);
  return (
    <NavigationProvider value={navigation}>
      <CommandProvider bus={commands}>
        <AppShell header={{ height: 56 }} navbar={{ width: 220, breakpoint: 0 }} padding="lg">
          <AppShell.Header>
            <Group h="100%" px="md" justify="space-between" wrap="nowrap">
              <Group gap="sm" wrap="nowrap">
                <Title order={3} c="blue.7">
                  Steerco
                </Title>
                <Text c="dimmed" size="sm" truncate title={portfolio.path ?? undefined} data-testid="open-file">
                  {portfolio.path ? fileName(portfolio.path) : "in-memory portfolio"}
                </Text>
              </Group>
              <Group gap="sm" wrap="nowrap">
                <ProfilePicker portfolioKey={portfolio.path ?? "memory"} />
                <PortfolioMenu
                  onDisk={portfolio.path !== null}
                  readOnly={portfolio.read_only}
                  onNewUseCase={newUseCase}
                  onShowShortcuts={shortcuts.open}
                />
              </Group>
            </Group>
          </AppShell.Header>
          <AppShell.Navbar p="sm" aria-label="Pages" data-testid="sidebar">
            {/* Nineteen pages outgrow a laptop's height: the list scrolls rather than hiding the last. */}
            <AppShell.Section grow component={ScrollArea} type="scroll" scrollbarSize={6}>
              {PAGES.map((p) => (
                <PageLink key={p.id} page={p} active={p.id === page?.id} onOpen={() => navigate(p.id)} />
              ))}
            </AppShell.Section>
          </AppShell.Navbar>
          {/* Keyed by file: switching portfolios starts every page afresh (no stale previews). */}
          <AppShell.Main bg="gray.0" key={portfolio.path ?? "memory"}>
            <BusyBanner />
            <ReadOnlyBanner reason={portfolio.read_only} />
            {page ? <div key={chosen.visit}>{page.render()}</div> : <Loader aria-label="Opening the start page" />}
          </AppShell.Main>
        </AppShell>
        <ShortcutsModal opened={shortcutsOpened} onClose={shortcuts.close} />
      </CommandProvider>
    </NavigationProvider>
  );
}
