// The application shell: header with the open file, who is working and the Portfolio menu, a
// navigation bar that lists only pages that work, and the page itself (with the navigation context
// pages use to open one another on a record). With no portfolio open it shows why instead.
import { Alert, AppShell, Center, Group, Loader, NavLink, Text, Title } from "@mantine/core";
import {
  IconBox,
  IconDatabase,
  IconFlask,
  IconGavel,
  IconHierarchy2,
  IconHistory,
  IconLayoutDashboard,
  IconListNumbers,
  IconShieldHalf,
  IconSignature,
  IconUsersGroup,
} from "@tabler/icons-react";
import { useCallback, useMemo, useState, type ComponentType } from "react";
import { AuditPage } from "../features/audit/AuditPage";
import { DataPage } from "../features/data/DataPage";
import { LineagePage } from "../features/lineage/LineagePage";
import { OverviewPage } from "../features/overview/OverviewPage";
import { ProfilePicker } from "../features/people/ProfilePicker";
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
import { type Location, NavigationProvider, type PageId } from "./navigation";
import { BusyBanner, ReadOnlyBanner } from "./StatusBanners";
import { useSession } from "./useWorkingAs";

interface Page {
  id: PageId;
  label: string;
  icon: ComponentType<{ size?: number }>;
  render: () => React.ReactElement;
}

const PAGES: Page[] = [
  { id: "overview", label: "Overview", icon: IconLayoutDashboard, render: () => <OverviewPage /> },
  { id: "portfolio", label: "Portfolio", icon: IconListNumbers, render: () => <PortfolioPage /> },
  { id: "research", label: "Research lane", icon: IconFlask, render: () => <ResearchPage /> },
  { id: "workshops", label: "Workshops", icon: IconUsersGroup, render: () => <WorkshopsPage /> },
  { id: "registry", label: "Registry", icon: IconBox, render: () => <RegistryPage /> },
  { id: "data", label: "Data", icon: IconDatabase, render: () => <DataPage /> },
  { id: "policies", label: "Policies", icon: IconGavel, render: () => <PoliciesPage /> },
  { id: "lineage", label: "Lineage", icon: IconHierarchy2, render: () => <LineagePage /> },
  { id: "signoffs", label: "Sign-offs", icon: IconSignature, render: () => <SignoffsPage /> },
  { id: "risk", label: "Risk", icon: IconShieldHalf, render: () => <RiskPage /> },
  { id: "audit", label: "Audit", icon: IconHistory, render: () => <AuditPage /> },
];

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
            <PortfolioMenu onDisk={portfolio.path !== null} readOnly={portfolio.read_only} />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm">
        {PAGES.map((p) => (
          <NavLink
            key={p.id}
            label={p.label}
            leftSection={<p.icon size={18} />}
            active={p.id === page.id}
            onClick={() => navigate(p.id)}
            data-testid={`nav-${p.id}`}
          />
        ))}
      </AppShell.Navbar>
      {/* Keyed by file: switching portfolios starts every page afresh (no stale previews). */}
      <AppShell.Main bg="gray.0" key={portfolio.path ?? "memory"}>
        <BusyBanner />
        <ReadOnlyBanner reason={portfolio.read_only} />
        <NavigationProvider value={navigation}>
          <div key={location.visit}>{page.render()}</div>
        </NavigationProvider>
      </AppShell.Main>
    </AppShell>
  );
}
