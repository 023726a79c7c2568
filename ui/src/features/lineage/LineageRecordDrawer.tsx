// The record behind a lineage node, fetched from where it is kept (sources, packs and policies
// lists, the version's detail, the deployments list), with a way to the page that edits it, and
// the gaps on it with what closes each.
import { Alert, Anchor, Badge, Button, Drawer, Group, Loader, Stack, Text } from "@mantine/core";
import { IconArrowRight } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { api } from "../../backend";
import type { Gap } from "../../bindings/Gap";
import type { LineageNode } from "../../bindings/LineageNode";
import { FieldGrid } from "../../components/FieldGrid";
import { HashText } from "../../components/HashText";
import { StatusBadge } from "../../components/StatusBadge";
import { formatBytes, formatCount } from "../../lib/governance";
import { keys } from "../../lib/queryKeys";
import { CLASSIFICATION_LABEL, NODE_KIND_LABEL, PERSONAL_DATA_LABEL } from "../../lib/recordKinds";
import { APPROVAL_COLOR, CLASSIFICATION_COLOR } from "../../lib/statusColors";
import { useNavigation } from "../../shell/navigation";
import { EvaluationCard } from "../registry/EvaluationsSection";
import { ConfigFields, DeploymentList, PackList, WeightsFields } from "../registry/VersionDrawer";

function Missing({ what }: { what: string }) {
  return <Alert color="gray">{what} is no longer in the portfolio; check the lineage again.</Alert>;
}

function SourceRecord({ id }: { id: string }) {
  const { navigate } = useNavigation();
  const sources = useQuery({ queryKey: keys.sources, queryFn: api.sourceList });
  const policies = useQuery({ queryKey: keys.policies, queryFn: api.policyList });
  if (sources.error ?? policies.error) return <Alert color="red">{(sources.error ?? policies.error)?.message}</Alert>;
  if (!sources.data || !policies.data) return <Loader size="sm" />;
  const s = sources.data.find((x) => x.id === id);
  if (!s) return <Missing what={id} />;
  const policy = policies.data.find((p) => p.id === s.policy_id);
  return (
    <FieldGrid
      cols={2}
      items={[
        ["Name", s.name],
        ["System", s.system],
        ["Owner", s.owner],
        [
          "Classification",
          <Badge miw="max-content" color={CLASSIFICATION_COLOR[s.classification]} variant="light" tt="none">
            {CLASSIFICATION_LABEL[s.classification]}
          </Badge>,
        ],
        [
          "Accepted under",
          policy ? (
            <Anchor component="button" size="sm" ta="left" onClick={() => navigate("policies", policy.id)}>
              {policy.id} · {policy.title} (version {policy.version}, effective {policy.effective_on})
            </Anchor>
          ) : (
            <Badge miw="max-content" color="red" variant="filled" tt="none">
              No policy accepts this source
            </Badge>
          ),
        ],
      ]}
    />
  );
}

function PackRecord({ id }: { id: string }) {
  const packs = useQuery({ queryKey: keys.packs, queryFn: api.packList });
  if (packs.error) return <Alert color="red">{packs.error.message}</Alert>;
  if (!packs.data) return <Loader size="sm" />;
  const p = packs.data.find((x) => x.id === id);
  if (!p) return <Missing what={id} />;
  return (
    <FieldGrid
      cols={2}
      items={[
        ["Name and version", `${p.name} ${p.version}`],
        ["Drawn from", p.source_ids.join(", ")],
        ["Curated by", p.curated_by],
        ["Records", formatCount(p.record_count)],
        ["Personal data", PERSONAL_DATA_LABEL[p.personal_data]],
        ["File", p.file ? `${p.file.file_name} (${formatBytes(p.file.bytes)})` : "—"],
        ["File SHA-256", p.file ? <HashText sha256={p.file.sha256} /> : "—"],
        [
          "Approval",
          p.approved_by ? (
            `Approved by ${p.approved_by} on ${p.approved_on}`
          ) : (
            <Badge miw="max-content" color={APPROVAL_COLOR.awaiting} variant="light">
              Awaiting approval
            </Badge>
          ),
        ],
      ]}
    />
  );
}

function VersionRecord({ versionId, node }: { versionId: string; node: LineageNode }) {
  const detail = useQuery({
    queryKey: keys.version(versionId),
    queryFn: () => api.adapterVersionGet({ id: versionId }),
  });
  const packs = useQuery({ queryKey: keys.packs, queryFn: api.packList });
  if (detail.error) return <Alert color="red">{detail.error.message}</Alert>;
  if (!detail.data) return <Loader size="sm" />;
  const { version: v, evaluations, deployments } = detail.data;
  if (node.kind === "evaluation") {
    const e = evaluations.find((x) => x.id === node.id);
    return e ? <EvaluationCard evaluation={e} defaultUseCase={v.use_case_id} /> : <Missing what={node.id} />;
  }
  if (node.kind === "deployment") {
    const d = deployments.filter((x) => x.id === node.id);
    return d.length > 0 ? <DeploymentList deployments={d} /> : <Missing what={node.id} />;
  }
  return (
    <Stack gap="md">
      <Group gap="xs">
        <StatusBadge status={v.status} />
        <Text size="sm" c="dimmed">
          {v.use_case_id ? `serves ${v.use_case_id}` : "not linked to a use case"}
        </Text>
      </Group>
      <ConfigFields v={v} />
      <WeightsFields v={v} />
      <div>
        <Text size="xs" c="dimmed" mb={4}>
          Data packs
        </Text>
        <PackList ids={v.data_pack_ids} packs={packs.data ?? []} />
      </div>
      <Text size="sm">
        {evaluations.length} evaluation{evaluations.length === 1 ? "" : "s"} · {deployments.length} deployment
        {deployments.length === 1 ? "" : "s"}
      </Text>
    </Stack>
  );
}

interface Props {
  node: LineageNode | null;
  versionId: string;
  /** The version's gaps on this node, each with what closes it. */
  gaps?: Gap[];
  onClose: () => void;
}

export function LineageRecordDrawer({ node, versionId, gaps = [], onClose }: Props) {
  const { navigate } = useNavigation();
  let body: ReactNode = null;
  let open: ReactNode = null;
  if (node) {
    switch (node.kind) {
      case "data_source":
      case "data_pack":
        body = node.kind === "data_source" ? <SourceRecord id={node.id} /> : <PackRecord id={node.id} />;
        open = (
          <Button
            variant="default"
            size="xs"
            rightSection={<IconArrowRight size={14} />}
            onClick={() => navigate("data", node.id)}
          >
            Open in Data
          </Button>
        );
        break;
      case "adapter_version":
      case "evaluation":
      case "deployment":
        body = <VersionRecord versionId={versionId} node={node} />;
        open = (
          <Button
            variant="default"
            size="xs"
            rightSection={<IconArrowRight size={14} />}
            onClick={() => navigate("registry", versionId)}
          >
            Open version in Registry
          </Button>
        );
        break;
    }
  }
  return (
    <Drawer
      opened={node !== null}
      onClose={onClose}
      position="right"
      size="lg"
      title={node && <Text fw={700}>{`${NODE_KIND_LABEL[node.kind]} ${node.id} · ${node.label}`}</Text>}
    >
      {node && (
        <Stack gap="md" data-testid="lineage-record">
          {gaps.length > 0 ? (
            <Alert
              color="red"
              title={gaps.length === 1 ? "Gap in the lineage" : `${gaps.length} gaps in the lineage`}
              data-testid="lineage-record-gap"
            >
              <Stack gap="xs">
                {gaps.map((gap) => (
                  <div key={gap.kind}>
                    <Text size="sm">{gap.message}</Text>
                    <Text size="sm" fw={500} data-testid="lineage-record-how-to-close">
                      To close: {gap.how_to_close}
                    </Text>
                  </div>
                ))}
              </Stack>
            </Alert>
          ) : (
            node.gap && (
              <Alert color="red" title="Gap in the lineage" data-testid="lineage-record-gap">
                {node.gap}
              </Alert>
            )
          )}
          <Text size="sm" c="dimmed">
            {node.detail}
          </Text>
          {body}
          <Group justify="flex-end">{open}</Group>
        </Stack>
      )}
    </Drawer>
  );
}
