// The three figures an executive asks for first — the value the funded portfolio carries, how
// much of it something endangers, and what waits for a decision — each card opening its list
// below (the first few rows, the rest a click away). The backend computes every figure.
import { Anchor, Group, List, Paper, SimpleGrid, Table, Text, Title, UnstyledButton } from "@mantine/core";
import { IconArrowRight } from "@tabler/icons-react";
import type { ReactNode } from "react";
import type { Decision } from "../../bindings/Decision";
import type { ExecutiveFigures } from "../../bindings/ExecutiveFigures";
import { DecisionRow } from "../../components/DecisionRow";
import { openableRow } from "../../components/tableRows";
import { useMoney } from "../../lib/money";
import { TONE } from "../../lib/statusColors";
import { useNavigation } from "../../shell/navigation";

const AT_RISK_LIST = "overview-at-risk";
const DECISIONS_LIST = "overview-decisions";
/** Rows shown per list: the first few are what a meeting reads; the rest are a click away. */
const SHOWN = 12;

function More({ total, label, onOpen }: { total: number; label: string; onOpen: () => void }) {
  if (total <= SHOWN) return null;
  return (
    <Anchor component="button" type="button" size="sm" mt="xs" onClick={onOpen} data-testid="overview-more">
      and {total - SHOWN} more — {label} →
    </Anchor>
  );
}

/** Brings a list on this page into view and moves the focus to it (a figure card's link). */
function showList(id: string) {
  const list = document.getElementById(id);
  list?.scrollIntoView?.({ behavior: "smooth", block: "start" });
  list?.focus({ preventScroll: true });
}

function FigureCard({
  label,
  figure,
  detail,
  action,
  color,
  onOpen,
  testId,
}: {
  label: string;
  figure: string;
  detail: string;
  action: string;
  color?: string;
  onOpen: () => void;
  testId: string;
}) {
  return (
    <Paper withBorder radius="md" p={0}>
      <UnstyledButton
        onClick={onOpen}
        p="md"
        w="100%"
        h="100%"
        data-testid={testId}
        aria-label={`${label}: ${figure}. ${action}`}
      >
        <Text size="sm" c="dimmed" tt="uppercase" fw={600}>
          {label}
        </Text>
        <Text fz={34} fw={700} lh={1.2} c={color} data-testid={`${testId}-figure`}>
          {figure}
        </Text>
        <Text size="sm" c="dimmed">
          {detail}
        </Text>
        <Group gap={4} mt="xs" c="blue.7">
          <Text size="sm" fw={500} inherit>
            {action}
          </Text>
          <IconArrowRight size={14} />
        </Group>
      </UnstyledButton>
    </Paper>
  );
}

function ListPanel({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" radius="md" id={id} tabIndex={-1} data-testid={id}>
      <Title order={4} mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "2 payback-gate decisions · 3 sign-offs" for the decisions card. */
function decisionsDetail(decisions: readonly Decision[]): string {
  if (decisions.length === 0) return "Nothing waits for the committee or compliance";
  const gate = decisions.filter((d) => d.kind === "payback_gate").length;
  const signoffs = decisions.length - gate;
  return [gate > 0 && plural(gate, "payback-gate decision"), signoffs > 0 && plural(signoffs, "sign-off")]
    .filter(Boolean)
    .join(" · ");
}

export function ExecutiveSummary({
  figures,
  onOpenCase,
}: {
  figures: ExecutiveFigures;
  onOpenCase: (id: string) => void;
}) {
  const money = useMoney();
  const { navigate } = useNavigation();
  const openDecision = (d: Decision) =>
    d.kind === "payback_gate" ? onOpenCase(d.record_id) : navigate("signoffs", d.record_id);
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <FigureCard
          label="Funded portfolio"
          figure={money.format(figures.funded_value)}
          detail={`a year, from ${plural(figures.funded_count, "use case")} in the portfolio lane`}
          action="Open the portfolio"
          onOpen={() => navigate("portfolio")}
          testId="figure-funded"
        />
        <FigureCard
          label="Value at risk"
          figure={money.format(figures.value_at_risk)}
          detail={
            figures.at_risk.length === 0
              ? "No funded case is endangered"
              : `a year, across ${plural(figures.at_risk.length, "funded case")}`
          }
          action="See what is at risk"
          color={figures.value_at_risk > 0 ? TONE.bad : undefined}
          onOpen={() => showList(AT_RISK_LIST)}
          testId="figure-at-risk"
        />
        <FigureCard
          label="Decisions needed"
          figure={String(figures.decisions.length)}
          detail={decisionsDetail(figures.decisions)}
          action="See the decisions"
          color={figures.decisions.length > 0 ? TONE.attention : undefined}
          onOpen={() => showList(DECISIONS_LIST)}
          testId="figure-decisions"
        />
      </SimpleGrid>

      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <ListPanel id={AT_RISK_LIST} title="At risk">
          {figures.at_risk.length === 0 ? (
            <Text size="sm" c="dimmed">
              Nothing endangers a funded case: no stale sign-off, no lineage gap in what is deployed for them, no pilot
              without a current sign-off.
            </Text>
          ) : (
            <>
              <Table verticalSpacing="xs" highlightOnHover>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Use case</Table.Th>
                    <Table.Th ta="right">Annual value</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {figures.at_risk.slice(0, SHOWN).map((c) => (
                    <Table.Tr
                      key={c.id}
                      {...openableRow(() => onOpenCase(c.id), `Open the dossier of ${c.id} ${c.title}`)}
                      data-testid={`at-risk-${c.id}`}
                    >
                      <Table.Td>
                        <Text size="sm" fw={600}>
                          {c.title}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {c.id}
                        </Text>
                        <List size="sm" c="red.8" spacing={0}>
                          {c.reasons.map((r) => (
                            <List.Item key={r}>{r}</List.Item>
                          ))}
                        </List>
                      </Table.Td>
                      <Table.Td ta="right" style={{ whiteSpace: "nowrap", verticalAlign: "top" }}>
                        {money.format(c.annual_value)}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              <More
                total={figures.at_risk.length}
                label="the Sign-offs and Lineage pages list them all"
                onOpen={() => navigate("signoffs")}
              />
            </>
          )}
        </ListPanel>
        <ListPanel id={DECISIONS_LIST} title="Decisions needed">
          {figures.decisions.length === 0 ? (
            <Text size="sm" c="dimmed">
              No decision waits: no case parked by the payback gate awaits the committee, and nothing awaits a sign-off.
            </Text>
          ) : (
            <>
              <Table verticalSpacing="xs" highlightOnHover>
                <Table.Tbody>
                  {figures.decisions.slice(0, SHOWN).map((d) => (
                    <DecisionRow
                      key={`${d.kind}-${d.record_id}`}
                      decision={d}
                      onOpen={() => openDecision(d)}
                      testId={`decision-${d.record_id}`}
                    />
                  ))}
                </Table.Tbody>
              </Table>
              <More
                total={figures.decisions.length}
                label="the Sign-offs page and the Research lane list them all"
                onOpen={() => navigate("signoffs")}
              />
            </>
          )}
        </ListPanel>
      </SimpleGrid>
    </>
  );
}
