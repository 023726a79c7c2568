// One decision waiting (a payback-gate case, a sign-off awaited or stale) as a table row that
// opens its record: the Overview and the Dashboard list the same decisions the same way.
import { Badge, Table, Text } from "@mantine/core";
import type { Decision } from "../bindings/Decision";
import { DECISION_KIND_LABEL } from "../lib/recordKinds";
import { TONE } from "../lib/statusColors";
import { LANE_COLOR } from "../lib/vocabulary";
import { openableRow } from "./tableRows";

const KIND_COLOR = (kind: Decision["kind"]) =>
  kind === "payback_gate" ? LANE_COLOR.research : kind === "stale_signoff" ? TONE.bad : TONE.attention;

export function DecisionRow({
  decision: d,
  onOpen,
  testId,
}: {
  decision: Decision;
  onOpen: () => void;
  testId: string;
}) {
  return (
    <Table.Tr
      {...openableRow(
        onOpen,
        d.kind === "payback_gate"
          ? `Open the dossier of ${d.record_id} ${d.title}`
          : `Review ${d.record_id} ${d.title} for sign-off`,
      )}
      data-testid={testId}
    >
      <Table.Td style={{ verticalAlign: "top" }}>
        <Badge miw="max-content" variant="light" tt="none" color={KIND_COLOR(d.kind)}>
          {DECISION_KIND_LABEL[d.kind]}
        </Badge>
      </Table.Td>
      <Table.Td>
        <Text size="sm" fw={600}>
          {d.title}
        </Text>
        <Text size="xs" c="dimmed">
          {d.record_id} · {d.detail}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
}
