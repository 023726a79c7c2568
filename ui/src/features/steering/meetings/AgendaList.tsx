// An open meeting's agenda as the data implies it on the meeting's date: each item with why it is
// there, what it rests on (regression evidence, readiness, the backlog item's case) and, for an
// expansion or a phase decision, whether the regression gate passes. Undecided items offer the
// decisions their kind takes, each opening the rationale form (./DecideForm); only an executive
// may decide, and approving past a failing gate is disabled with the reason (override instead).
// Decided items show the decision, its rationale, who decided and what it did.
import { Badge, Group, List, Paper, Stack, Text } from "@mantine/core";
import { useState } from "react";
import type { AgendaEntry } from "../../../bindings/AgendaEntry";
import type { DecisionChoice } from "../../../bindings/DecisionChoice";
import type { Gate } from "../../../bindings/Gate";
import type { MeetingDecision } from "../../../bindings/MeetingDecision";
import { GatedButton } from "../../../components/GatedButton";
import { localDateTime } from "../../../lib/compliance";
import { AGENDA_KIND_LABEL } from "../../../lib/recordKinds";
import { DECISION_CHOICE_COLOR, TONE } from "../../../lib/statusColors";
import { useWorkingAs } from "../../../shell/useWorkingAs";
import { choiceLabel } from "../steeringData";
import { DecideForm } from "./DecideForm";

/** An item's key as test ids carry it ("phase:PIL-001" → "phase-PIL-001"). */
export function itemTestKey(item: string): string {
  return item.replace(/:/g, "-");
}

/** Approving a gated move the regression gate refuses is refused: say so on the button. */
function choiceGate(entry: AgendaEntry, choice: DecisionChoice, decide: Gate): Gate {
  if (!decide.allowed) return decide;
  if (choice === "approve" && entry.gate_passes === false)
    return {
      allowed: false,
      reason:
        "The regression gate refuses this move, so it cannot be approved as it stands. Override it with a rationale, defer it, or stop it.",
    };
  return decide;
}

function GateBadge({ passes }: { passes: boolean | null }) {
  if (passes === null) return null;
  return (
    <Badge miw="max-content" variant="light" color={passes ? TONE.good : TONE.bad}>
      {passes ? "Regression gate passes" : "Regression gate fails"}
    </Badge>
  );
}

function Decided({ decision: d }: { decision: MeetingDecision }) {
  return (
    <Paper p="sm" radius="sm" bg="gray.0" data-testid={`agenda-decision-${itemTestKey(d.item)}`}>
      <Stack gap={2}>
        <Group gap="xs">
          <Badge color={DECISION_CHOICE_COLOR[d.decision]} variant="filled">
            {choiceLabel(d.kind, d.decision)}
          </Badge>
          <Text size="xs" c="dimmed">
            {d.id} · {d.decided_by} · {localDateTime(d.decided_at)}
          </Text>
        </Group>
        <Text size="sm">{d.rationale}</Text>
        <Text size="sm" fw={600}>
          {d.outcome}
        </Text>
      </Stack>
    </Paper>
  );
}

function AgendaItem({
  meetingId,
  entry,
  deciding,
  onDecide,
  onDone,
}: {
  meetingId: string;
  entry: AgendaEntry;
  /** The choice being decided on this item, if its form is open. */
  deciding: DecisionChoice | null;
  onDecide: (choice: DecisionChoice) => void;
  onDone: () => void;
}) {
  const { gate } = useWorkingAs();
  const key = itemTestKey(entry.item);
  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      data-testid={`agenda-item-${key}`}
      data-decided={!!entry.decision || undefined}
    >
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <div style={{ minWidth: 0 }}>
            <Group gap="xs" mb={2}>
              <Badge variant="light" tt="none">
                {AGENDA_KIND_LABEL[entry.kind]}
              </Badge>
              <GateBadge passes={entry.gate_passes} />
            </Group>
            <Text fw={600}>{entry.title}</Text>
            <Text size="sm" c="dimmed" style={{ overflowWrap: "anywhere" }}>
              {entry.detail}
            </Text>
          </div>
        </Group>
        {entry.evidence.length > 0 && (
          <List size="sm" spacing={0} data-testid={`agenda-evidence-${key}`}>
            {entry.evidence.map((line, i) => (
              <List.Item key={i}>{line}</List.Item>
            ))}
          </List>
        )}
        {entry.decision ? (
          <Decided decision={entry.decision} />
        ) : (
          <>
            <Group gap="xs">
              {entry.choices.map((choice) => (
                <GatedButton
                  key={choice}
                  gate={choiceGate(entry, choice, gate("decide_gate"))}
                  variant={deciding === choice ? "filled" : "light"}
                  color={DECISION_CHOICE_COLOR[choice]}
                  size="xs"
                  onClick={() => onDecide(choice)}
                  data-testid={`agenda-decide-${key}-${choice}`}
                >
                  {choiceLabel(entry.kind, choice)}…
                </GatedButton>
              ))}
            </Group>
            {deciding && (
              <DecideForm key={deciding} meetingId={meetingId} entry={entry} choice={deciding} onClose={onDone} />
            )}
          </>
        )}
      </Stack>
    </Paper>
  );
}

export function AgendaList({ meetingId, items }: { meetingId: string; items: AgendaEntry[] }) {
  // One decision form open at a time, on the item and choice picked.
  const [deciding, setDeciding] = useState<{ item: string; choice: DecisionChoice } | null>(null);
  if (items.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid="agenda-empty">
        Nothing on the agenda: no pilot awaits a phase decision or asks to scale, nothing is red, no backlog item is
        proposed and no research case is due for review.
      </Text>
    );
  }
  return (
    <Stack gap="sm" data-testid="agenda-items">
      {items.map((entry) => (
        <AgendaItem
          key={entry.item}
          meetingId={meetingId}
          entry={entry}
          deciding={deciding?.item === entry.item ? deciding.choice : null}
          onDecide={(choice) => setDeciding({ item: entry.item, choice })}
          onDone={() => setDeciding(null)}
        />
      ))}
    </Stack>
  );
}
