// The application shell: header with the open file, who is working and the Portfolio menu, a
// navigation bar that lists only pages that work, and the page itself (with the navigation context
// pages use to open one another on a record). With no portfolio open it shows why instead.
// The sidebar is a list of buttons in Tab order, the current page marked with aria-current; the
// keyboard shortcuts (./shortcuts) switch page, start a new use case and focus the page's search.
import { Alert, AppShell, Center, Group, Loader, NavLink, Text, Title, Tooltip } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import {
  IconBox,
  IconDatabase,
  IconFlask,
  IconGavel,
  IconHierarchy2,
  IconHistory,
  IconLayoutDashboard,
  IconLayoutKanban,
  IconListNumbers,
  IconRocket,
  IconShieldHalf,
  IconSignature,
  IconUsersGroup,
} from "@tabler/icons-react";
import { useCallback, useMemo, useState, type ComponentType } from "react";
import { AuditPage } from "../features/audit/AuditPage";
import { OpenAlertsCount } from "../features/board/OpenAlertsCount";
import { StageBoardPage } from "../features/board/StageBoardPage";
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
import { ResearchPage } from "../features/research/ResearchPage";
import { RiskPage } from "../features/risk/RiskPage";
import { SignoffsPage } from "../features/signoffs/SignoffsPage";
import { WorkshopsPage } from "../features/workshops/WorkshopsPage";
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
  { id: "signoffs", icon: IconSignature, render: () => <SignoffsPage /> },
  { id: "risk", icon: IconShieldHalf, render: () => <RiskPage /> },
  { id: "audit", icon: IconHistory, render: () => <AuditPage /> },
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

export function App() {
  const session = useSession();
  // `visit` counts navigations so that opening a page on another record remounts it afresh.
  const [location, setLocation] = useState<Location & { visit: number }>({ page: PAGES[0]!.id, param: null, visit: 0 });
  const navigate = useCallback(
    (page: PageId, param: string | null = null) =>
      setLocation((l) => (l.page === page && l.param === param ? l : { page, param, visit: l.visit + 1 })),
    [],
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

  const page = PAGES.find((p) => p.id === location.page) ?? PAGES[0]!;
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
            {PAGES.map((p) => (
              <PageLink key={p.id} page={p} active={p.id === page.id} onOpen={() => navigate(p.id)} />
            ))}
          </AppShell.Navbar>
          {/* Keyed by file: switching portfolios starts every page afresh (no stale previews). */}
          <AppShell.Main bg="gray.0" key={portfolio.path ?? "memory"}>
            <BusyBanner />
            <ReadOnlyBanner reason={portfolio.read_only} />
            <div key={location.visit}>{page.render()}</div>
          </AppShell.Main>
        </AppShell>
        <ShortcutsModal opened={shortcutsOpened} onClose={shortcuts.close} />
      </CommandProvider>
    </NavigationProvider>
  );
}
