// What one blueprint part holds, as label/value pairs on its card: the policies by title, the
// launch version by name and status, the security overlays and the monitoring plan. Blank fields
// read "Not set"; what the part still lacks is the backend's list, shown by the card.
import { Group, Text } from "@mantine/core";
import type { AdapterVersion } from "../../bindings/AdapterVersion";
import type { MonitoringPart } from "../../bindings/MonitoringPart";
import type { PartContent } from "../../bindings/PartContent";
import type { Policy } from "../../bindings/Policy";
import type { SecurityPart } from "../../bindings/SecurityPart";
import { FieldGrid, type FieldItem } from "../../components/FieldGrid";
import { StatusBadge } from "../../components/StatusBadge";
import { localDate } from "../../lib/compliance";
import { DRIFT_DIRECTION_LABEL } from "../../lib/recordKinds";

const UNSET = "Not set";

function text(value: string): string {
  return value.trim() === "" ? UNSET : value;
}

function list(values: readonly string[]): string {
  return values.length === 0 ? UNSET : values.join(", ");
}

function figure(n: number | null): string {
  return n === null ? UNSET : n.toLocaleString(undefined, { maximumFractionDigits: 6 });
}

function securityItems(s: SecurityPart): FieldItem[] {
  const review = [
    s.least_privilege_reviewed_by,
    s.least_privilege_reviewed_on ? `on ${localDate(s.least_privilege_reviewed_on)}` : "",
  ]
    .filter((v) => v !== "")
    .join(" ");
  return [
    ["Identity-aware access", text([s.access_what, s.access_where].filter((v) => v !== "").join(" at "))],
    ["Secrets store", text(s.secrets_store)],
    ["Secrets", list(s.secrets)],
    [
      "Training service accounts",
      list(s.service_accounts.map((a) => `${a.name} (${a.scopes.length > 0 ? a.scopes.join(", ") : "no scope"})`)),
    ],
    ["Least-privilege review", text(review)],
    ["Findings", text(s.least_privilege_findings)],
  ];
}

function monitoringItems(m: MonitoringPart): FieldItem[] {
  const drift =
    m.drift_metric === ""
      ? UNSET
      : `${m.drift_metric}: baseline ${figure(m.drift_baseline)}, threshold ${figure(m.drift_threshold)}` +
        (m.drift_direction ? ` (${DRIFT_DIRECTION_LABEL[m.drift_direction].toLowerCase()})` : "");
  return [
    ["Traced", text(m.traced_what)],
    ["Traces kept in", text(m.traced_where)],
    ["Drift", drift],
    ["Drift checked", text(m.drift_check_frequency)],
    ["Feedback channel", text(m.feedback_channel)],
    ["Feedback owner", text(m.feedback_owner)],
    ["Feedback reviewed", text(m.feedback_review_frequency)],
  ];
}

export function PartSummary({
  content,
  policies,
  versions,
}: {
  content: PartContent;
  policies: readonly Policy[];
  versions: readonly AdapterVersion[];
}) {
  switch (content.part) {
    case "policies":
      return (
        <FieldGrid
          cols={1}
          items={[
            [
              "Policy guardrails that apply",
              list(
                content.policy_ids.map((id) => {
                  const p = policies.find((x) => x.id === id);
                  return p ? `${p.id} ${p.title}` : id;
                }),
              ),
            ],
          ]}
        />
      );
    case "registry": {
      const id = content.adapter_version_id;
      const v = versions.find((x) => x.id === id);
      return (
        <FieldGrid
          cols={1}
          items={[
            [
              "Adapter version for launch",
              id === null ? (
                UNSET
              ) : v ? (
                <Group gap="xs">
                  <Text size="sm">
                    {v.adapter_name} {v.version} ({v.id})
                  </Text>
                  <StatusBadge status={v.status} size="xs" />
                </Group>
              ) : (
                id
              ),
            ],
          ]}
        />
      );
    }
    case "security":
      return <FieldGrid cols={2} items={securityItems(content)} />;
    case "monitoring":
      return <FieldGrid cols={2} items={monitoringItems(content)} />;
  }
}
