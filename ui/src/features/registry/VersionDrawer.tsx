// One adapter version in full: its PEFT configuration (and the file as read), its weights, the
// data packs it was trained on, training parameters, evaluations, the regression gate and
// deployments, its compliance sign-off, with actions, and a way to record the base model where the
// config named none.
import {
  Alert,
  Badge,
  Code,
  Divider,
  Drawer,
  Group,
  Loader,
  ScrollArea,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { api } from "../../backend";
import type { AdapterVersion } from "../../bindings/AdapterVersion";
import type { DataPack } from "../../bindings/DataPack";
import type { Deployment } from "../../bindings/Deployment";
import { FieldGrid } from "../../components/FieldGrid";
import { HashText } from "../../components/HashText";
import { StatusBadge } from "../../components/StatusBadge";
import { formatBytes, formatCount } from "../../lib/governance";
import { keys } from "../../lib/queryKeys";
import { WEIGHTS_FORMAT_LABEL } from "../../lib/recordKinds";
import { APPROVAL_COLOR } from "../../lib/statusColors";
import { SignoffBadge } from "../signoffs/SignoffBadge";
import { SignOffButton } from "../signoffs/SignoffModal";
import { EvaluationsSection } from "./EvaluationsSection";
import { BaseModel, Parameters, TargetModules } from "./PeftFolderSummary";
import { RegressionGate } from "./RegressionGate";
import { SetBaseModelForm } from "./SetBaseModelForm";
import { VersionActions } from "./VersionActions";

const text = (value: string | number | null) => (value === null ? "—" : String(value));
const yesNo = (flag: boolean) => (flag ? "yes" : "no");

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap="xs">
      <Divider label={<Title order={5}>{title}</Title>} labelPosition="left" />
      {children}
    </Stack>
  );
}

export function ConfigFields({ v }: { v: AdapterVersion }) {
  return (
    <FieldGrid
      items={[
        ["PEFT type", v.peft_type],
        ["Task type", text(v.task_type)],
        ["Base model", <BaseModel name={v.base_model} testId="version-base-model" />],
        ["Revision", text(v.revision)],
        ["LoRA rank (r)", v.r],
        ["LoRA alpha", v.lora_alpha],
        ["LoRA dropout", text(v.lora_dropout)],
        ["Bias setting", text(v.bias)],
        ["rsLoRA / DoRA", `${yesNo(v.use_rslora)} / ${yesNo(v.use_dora)}`],
        ["Target modules", <TargetModules modules={v.target_modules} />],
      ]}
    />
  );
}

export function WeightsFields({ v }: { v: AdapterVersion }) {
  return (
    <FieldGrid
      items={[
        ["File", `${v.weights_file} (${WEIGHTS_FORMAT_LABEL[v.weights_format]})`],
        ["Size", `${formatBytes(v.file_bytes)} (${formatCount(v.file_bytes)} bytes)`],
        ["Tensors", v.tensor_count === null ? "unknown" : formatCount(v.tensor_count)],
        ["Parameters", <Parameters count={v.parameters} />],
        ["Dtypes", v.dtypes.length > 0 ? v.dtypes.join(", ") : "unknown"],
        ["SHA-256", <HashText sha256={v.sha256} />],
        ["Read from", v.source_dir],
        ["Imported", `${v.imported_at.slice(0, 16).replace("T", " ")} by ${v.imported_by}`],
      ]}
    />
  );
}

export function PackList({ ids, packs }: { ids: string[]; packs: DataPack[] }) {
  if (ids.length === 0) {
    return (
      <Alert color="red" variant="light" title="No data pack recorded">
        Lineage flags a version whose training data is not recorded.
      </Alert>
    );
  }
  return (
    <Stack gap={4}>
      {ids.map((id) => {
        const p = packs.find((pack) => pack.id === id);
        return (
          <Group key={id} gap="xs">
            <Text size="sm" fw={500}>
              {id}
            </Text>
            <Text size="sm">{p ? `${p.name} ${p.version} · ${formatCount(p.record_count)} records` : ""}</Text>
            {p &&
              (p.approved_by ? (
                <Badge miw="max-content" color={APPROVAL_COLOR.approved} variant="light">
                  Approved by {p.approved_by} on {p.approved_on}
                </Badge>
              ) : (
                <Badge miw="max-content" color={APPROVAL_COLOR.awaiting} variant="light">
                  Awaiting approval
                </Badge>
              ))}
          </Group>
        );
      })}
    </Stack>
  );
}

export function DeploymentList({ deployments }: { deployments: Deployment[] }) {
  if (deployments.length === 0)
    return (
      <Text size="sm" c="dimmed">
        Not deployed anywhere yet.
      </Text>
    );
  return (
    <Table verticalSpacing={4} fz="sm">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>ID</Table.Th>
          <Table.Th>Target</Table.Th>
          <Table.Th>Deployed on</Table.Th>
          <Table.Th>Approved by</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {deployments.map((d) => (
          <Table.Tr key={d.id}>
            <Table.Td>{d.id}</Table.Td>
            <Table.Td>{d.target}</Table.Td>
            <Table.Td>{d.deployed_on}</Table.Td>
            <Table.Td>{d.approved_by}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function VersionDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const detail = useQuery({
    queryKey: keys.version(id ?? ""),
    queryFn: () => api.adapterVersionGet({ id: id as string }),
    enabled: id !== null,
  });
  const packs = useQuery({ queryKey: keys.packs, queryFn: api.packList, enabled: id !== null });
  const v = detail.data?.version;
  return (
    <Drawer
      opened={id !== null}
      onClose={onClose}
      position="right"
      size="xl"
      title={
        <Group gap="sm">
          <Text fw={700}>{v ? `${v.adapter_name} ${v.version}` : id}</Text>
          {v && <StatusBadge status={v.status} />}
          <Text size="sm" c="dimmed">
            {id}
            {v?.use_case_id ? ` · serves ${v.use_case_id}` : ""}
          </Text>
          {id && <SignoffBadge entityId={id} />}
          {v && (
            <SignOffButton
              target={{ entityId: v.id, kind: "adapter_version", title: `${v.id} · ${v.adapter_name} ${v.version}` }}
              testId="version-sign-off"
              size="compact-sm"
              variant="light"
            />
          )}
        </Group>
      }
    >
      {detail.isPending && id !== null && <Loader aria-label="Loading the version" />}
      {detail.isError && <Alert color="red">{detail.error.message}</Alert>}
      {detail.data && v && (
        <Stack gap="lg" data-testid="version-detail">
          <VersionActions detail={detail.data} />
          <Section title="Configuration">
            {v.base_model === null && <SetBaseModelForm key={v.id} version={v} />}
            <ConfigFields v={v} />
            <ScrollArea.Autosize mah={240}>
              <Code block data-testid="version-config-json">
                {v.config_json}
              </Code>
            </ScrollArea.Autosize>
          </Section>
          <Section title="Weights">
            <WeightsFields v={v} />
          </Section>
          <Section title="Data packs">
            <PackList ids={v.data_pack_ids} packs={packs.data ?? []} />
          </Section>
          <Section title="Training parameters">
            {Object.keys(v.training_params).length === 0 ? (
              <Text size="sm" c="dimmed">
                None recorded. Importing an MLflow run adds its parameters here.
              </Text>
            ) : (
              <Table verticalSpacing={2} fz="sm" data-testid="training-params">
                <Table.Tbody>
                  {Object.entries(v.training_params).map(([key, value]) => (
                    <Table.Tr key={key}>
                      <Table.Td ff="monospace" w="40%">
                        {key}
                      </Table.Td>
                      <Table.Td style={{ overflowWrap: "anywhere" }}>{value}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Section>
          <Section title={`Evaluations (${detail.data.evaluations.length})`}>
            <EvaluationsSection evaluations={detail.data.evaluations} useCaseId={v.use_case_id} />
          </Section>
          <Section title="Regression gate">
            <RegressionGate versionId={v.id} />
          </Section>
          <Section title={`Deployments (${detail.data.deployments.length})`}>
            <DeploymentList deployments={detail.data.deployments} />
          </Section>
        </Stack>
      )}
    </Drawer>
  );
}
