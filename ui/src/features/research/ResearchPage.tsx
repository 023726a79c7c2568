// The research lane: the use cases the payback gate (or a decision) parked, each with its
// reason, and the cases kept in the portfolio by an override, with who decided and why. Amounts
// are in the programme's currency. A long lane shows its cards fifty at a time, and the stale
// sign-off lookup is built once per page, not once per card.
import { Alert, Badge, Card, Group, Loader, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { IconShieldCheck } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { type ReactNode, useCallback, useMemo, useState } from "react";
import { api } from "../../backend";
import type { RankedUseCase } from "../../bindings/RankedUseCase";
import type { SignoffStatus } from "../../bindings/SignoffStatus";
import { Paged } from "../../components/Paged";
import { type Money, useMoney } from "../../lib/money";
import { keys } from "../../lib/queryKeys";
import { formatPayback, STAGE_LABEL } from "../../lib/vocabulary";
import { DossierDrawer, type DossierTarget } from "../dossier/DossierDrawer";
import { StaleSignoffIcon, useStaleSignoffs } from "../signoffs/staleSignoffs";

function CaseCard({
  u,
  stale,
  money,
  onOpen,
  children,
}: {
  u: RankedUseCase;
  stale: SignoffStatus | undefined;
  money: Money;
  onOpen: (id: string) => void;
  children: ReactNode;
}) {
  const open = () => onOpen(u.id);
  return (
    <Card
      withBorder
      radius="md"
      padding="md"
      onClick={open}
      onKeyDown={(e) => {
        if (e.target === e.currentTarget && (e.key === "Enter" || e.key === " ")) {
          e.preventDefault();
          open();
        }
      }}
      tabIndex={0}
      role="button"
      aria-label={`${u.id} ${u.title} — open the dossier`}
      className="mantine-focus-auto"
      style={{ cursor: "pointer" }}
      data-testid="research-card"
    >
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <div>
          <Text size="xs" c="dimmed">
            {u.id} · {u.business_unit} · {STAGE_LABEL[u.stage]}
          </Text>
          <Group gap={6} wrap="nowrap">
            <Text fw={600}>{u.title}</Text>
            {stale && <StaleSignoffIcon status={stale} testId={`research-signoff-stale-${u.id}`} />}
          </Group>
        </div>
        <Badge variant="light" color="gray">
          Score {u.score.toFixed(1)}
        </Badge>
      </Group>
      <Group gap="lg" mt="xs">
        <Text size="sm" data-testid="research-annual-value">
          Annual value {money.format(u.annual_value)}
        </Text>
        <Text size="sm">One-time cost {money.format(u.one_time_cost)}</Text>
        <Text size="sm">Run cost {money.format(u.monthly_run_cost)}/month</Text>
        <Text size="sm" fw={600}>
          Payback {formatPayback(u.payback_months)}
        </Text>
      </Group>
      {children}
    </Card>
  );
}

export function ResearchPage() {
  const ranking = useQuery({ queryKey: keys.ranking(null), queryFn: () => api.scoringRank({ weights: null }) });
  const stale = useStaleSignoffs();
  const money = useMoney();
  const [target, setTarget] = useState<DossierTarget | null>(null);
  const open = useCallback((id: string) => setTarget({ kind: "existing", id }), []);
  const { research, overridden } = useMemo(() => {
    const all = ranking.data?.use_cases ?? [];
    return {
      research: all.filter((u) => u.lane === "research"),
      overridden: all.filter((u) => u.lane === "portfolio" && u.lane_override !== null),
    };
  }, [ranking.data]);
  if (ranking.isPending) return <Loader aria-label="Loading the research lane" />;
  if (ranking.isError) return <Alert color="red">{ranking.error.message}</Alert>;

  return (
    <Stack gap="lg">
      <div>
        <Title order={2}>Research lane</Title>
        <Text c="dimmed" size="sm">
          A use case that cannot pay back within the programme's horizon waits here until its numbers change or a named
          person overrides the gate.
        </Text>
      </div>
      <Title order={4}>In research ({research.length})</Title>
      {research.length === 0 && <Text c="dimmed">Nothing is in the research lane.</Text>}
      <Paged
        items={research}
        testId="research-more"
        render={(shown) => (
          <SimpleGrid cols={{ base: 1, xl: 2 }}>
            {shown.map((u) => (
              <CaseCard key={u.id} u={u} stale={stale.get(u.id)} money={money} onOpen={open}>
                <Text size="sm" c="grape.8" mt="xs" data-testid="research-reason">
                  {u.lane_reason ?? "Parked in research by decision."}
                </Text>
              </CaseCard>
            ))}
          </SimpleGrid>
        )}
      />
      <Title order={4}>Kept in the portfolio by override ({overridden.length})</Title>
      {overridden.length === 0 && <Text c="dimmed">No override is active.</Text>}
      <Paged
        items={overridden}
        testId="overridden-more"
        render={(shown) => (
          <SimpleGrid cols={{ base: 1, xl: 2 }}>
            {shown.map((u) => (
              <CaseCard key={u.id} u={u} stale={stale.get(u.id)} money={money} onOpen={open}>
                <Group gap={6} mt="xs" wrap="nowrap" align="flex-start">
                  <IconShieldCheck size={18} color="var(--mantine-color-orange-6)" style={{ flexShrink: 0 }} />
                  <Text size="sm">
                    <b>{u.lane_override?.decided_by}</b> on {u.lane_override?.decided_at.slice(0, 10)}:{" "}
                    {u.lane_override?.reason}
                  </Text>
                </Group>
              </CaseCard>
            ))}
          </SimpleGrid>
        )}
      />
      <DossierDrawer target={target} onClose={() => setTarget(null)} />
    </Stack>
  );
}
