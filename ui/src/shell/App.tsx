// The application shell: header with the open file and the Portfolio menu, a navigation bar that
// lists only pages that work, and the page itself. With no portfolio open it shows why instead.
import { Alert, AppShell, Center, Group, Loader, NavLink, Text, Title } from "@mantine/core";
import { IconFlask, IconLayoutDashboard, IconListNumbers, IconUsersGroup } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useState, type ComponentType } from "react";
import { backend } from "../backend";
import { OverviewPage } from "../features/overview/OverviewPage";
import { NoPortfolioScreen } from "../features/portfolio-file/NoPortfolioScreen";
import { PortfolioMenu } from "../features/portfolio-file/PortfolioMenu";
import { SESSION_KEY } from "../features/portfolio-file/usePortfolioActions";
import { PortfolioPage } from "../features/portfolio/PortfolioPage";
import { ResearchPage } from "../features/research/ResearchPage";
import { WorkshopsPage } from "../features/workshops/WorkshopsPage";
import { fileName } from "../lib/vocabulary";

interface Page {
  id: string;
  label: string;
  icon: ComponentType<{ size?: number }>;
  render: () => React.ReactElement;
}

const PAGES: Page[] = [
  { id: "overview", label: "Overview", icon: IconLayoutDashboard, render: () => <OverviewPage /> },
  { id: "portfolio", label: "Portfolio", icon: IconListNumbers, render: () => <PortfolioPage /> },
  { id: "research", label: "Research lane", icon: IconFlask, render: () => <ResearchPage /> },
  { id: "workshops", label: "Workshops", icon: IconUsersGroup, render: () => <WorkshopsPage /> },
];

export function App() {
  const session = useQuery({ queryKey: SESSION_KEY, queryFn: backend.sessionStatus });
  const [pageId, setPageId] = useState(PAGES[0]!.id);

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

  const page = PAGES.find((p) => p.id === pageId) ?? PAGES[0]!;
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
          <PortfolioMenu canCopy={portfolio.path !== null} />
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm">
        {PAGES.map((p) => (
          <NavLink
            key={p.id}
            label={p.label}
            leftSection={<p.icon size={18} />}
            active={p.id === page.id}
            onClick={() => setPageId(p.id)}
            data-testid={`nav-${p.id}`}
          />
        ))}
      </AppShell.Navbar>
      {/* Keyed by file: switching portfolios starts every page afresh (no stale previews). */}
      <AppShell.Main bg="gray.0" key={portfolio.path ?? "memory"}>
        {page.render()}
      </AppShell.Main>
    </AppShell>
  );
}
