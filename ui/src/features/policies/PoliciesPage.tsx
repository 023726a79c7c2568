// Policy guardrails: acceptable data sources, reinforcement-learning boundaries, prompt management
// responsibilities. The list, the selected policy's full text, and creating or editing one.
import { ActionIcon, Alert, Badge, Button, Group, Loader, Paper, Stack, Text, Title, Tooltip } from "@mantine/core";
import { IconEdit, IconPlus } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { createColumnHelper } from "@tanstack/react-table";
import { useMemo, useState } from "react";
import { api } from "../../backend";
import type { Policy } from "../../bindings/Policy";
import { DataTable } from "../../components/DataTable";
import { keys } from "../../lib/queryKeys";
import { POLICY_CATEGORY_LABEL } from "../../lib/recordKinds";
import { usePageParam } from "../../shell/navigation";
import { PolicyModal, type PolicyTarget } from "./PolicyModal";

const column = createColumnHelper<Policy>();

function policyColumns(onEdit: (p: Policy) => void) {
  return [
    column.accessor("id", { header: "ID", meta: { nowrap: true } }),
    column.accessor("title", { header: "Title" }),
    column.accessor((p) => POLICY_CATEGORY_LABEL[p.category], {
      id: "category",
      header: "Category",
      cell: (i) => (
        <Badge
          miw="max-content"
          variant="light"
          color={i.row.original.category === "acceptable_data_sources" ? "blue" : "gray"}
          tt="none"
        >
          {i.getValue()}
        </Badge>
      ),
    }),
    column.accessor("owner", { header: "Owner" }),
    column.accessor("effective_on", { header: "Effective", meta: { nowrap: true } }),
    column.accessor("version", { header: "Version", meta: { nowrap: true } }),
    column.display({
      id: "edit",
      header: "",
      cell: (i) => (
        <Tooltip label="Edit">
          <ActionIcon
            variant="subtle"
            aria-label={`Edit ${i.row.original.id}`}
            data-testid={`policy-edit-${i.row.original.id}`}
            onClick={(e) => {
              e.stopPropagation();
              onEdit(i.row.original);
            }}
          >
            <IconEdit size={16} />
          </ActionIcon>
        </Tooltip>
      ),
      meta: { width: 48 },
    }),
  ];
}

export function PoliciesPage() {
  const policies = useQuery({ queryKey: keys.policies, queryFn: api.policyList });
  const openedOn = usePageParam("policies");
  const [selected, setSelected] = useState<string | null>(openedOn);
  const [target, setTarget] = useState<PolicyTarget | null>(null);
  const columns = useMemo(() => policyColumns((policy) => setTarget({ kind: "existing", policy })), []);

  if (policies.isPending) return <Loader aria-label="Loading the policies" />;
  if (policies.isError) {
    return (
      <Alert color="red" title="The policies could not be loaded">
        {policies.error.message}
      </Alert>
    );
  }
  const shown = policies.data.find((p) => p.id === selected) ?? null;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>Policies</Title>
          <Text c="dimmed" size="sm">
            The guardrails adapters are trained and run under. A data source is acceptable only under an
            acceptable-data-sources policy; lineage flags sources no policy accepts.
          </Text>
        </div>
        <Button
          leftSection={<IconPlus size={16} />}
          onClick={() => setTarget({ kind: "new" })}
          data-testid="policy-new"
        >
          New policy
        </Button>
      </Group>
      {policies.data.length === 0 ? (
        <Paper withBorder p="lg" radius="md">
          <Text size="sm" c="dimmed">
            No policy yet. Start with the acceptable-data-sources policy: data sources are accepted under it.
          </Text>
        </Paper>
      ) : (
        <Paper withBorder p="md" radius="md">
          <DataTable
            rows={policies.data}
            columns={columns}
            rowId={(p) => p.id}
            selectedId={selected}
            onRowClick={(p) => setSelected(p.id)}
            rowTestId={(p) => `policy-row-${p.id}`}
            testId="policy-table"
          />
        </Paper>
      )}
      {shown && (
        <Paper withBorder p="md" radius="md" data-testid="policy-text">
          <Group justify="space-between" align="flex-start">
            <div>
              <Title order={4}>{shown.title}</Title>
              <Text size="sm" c="dimmed">
                {shown.id} · {POLICY_CATEGORY_LABEL[shown.category]} · owned by {shown.owner} · effective{" "}
                {shown.effective_on} · version {shown.version}
              </Text>
            </div>
            <Button
              variant="default"
              size="xs"
              leftSection={<IconEdit size={14} />}
              onClick={() => setTarget({ kind: "existing", policy: shown })}
            >
              Edit
            </Button>
          </Group>
          {shown.body.trim() === "" ? (
            <Text size="sm" c="dimmed" mt="sm">
              The policy has no text yet.
            </Text>
          ) : (
            <Text size="sm" mt="sm" style={{ whiteSpace: "pre-wrap" }}>
              {shown.body}
            </Text>
          )}
        </Paper>
      )}
      <PolicyModal target={target} onClose={() => setTarget(null)} onSaved={(p) => setSelected(p.id)} />
    </Stack>
  );
}
