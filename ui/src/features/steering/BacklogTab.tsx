// The backlog: ideas anyone may propose (./ProposeModal), each waiting for a steering meeting to
// authorise it (it then becomes a use case in discovery, linked here), defer it or reject it.
import { Alert, Anchor, Badge, Button, Group, Loader, Paper, Stack, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconBulb } from "@tabler/icons-react";
import { createColumnHelper } from "@tanstack/react-table";
import { useMemo } from "react";
import type { BacklogItem } from "../../bindings/BacklogItem";
import { DataTable } from "../../components/DataTable";
import { localDate } from "../../lib/compliance";
import { type Money, useMoney } from "../../lib/money";
import { BACKLOG_STATUS_LABEL } from "../../lib/recordKinds";
import { BACKLOG_STATUS_COLOR } from "../../lib/statusColors";
import { useNavigation } from "../../shell/navigation";
import { ProposeModal } from "./ProposeModal";
import { useBacklog } from "./steeringData";

const column = createColumnHelper<BacklogItem>();

/** "€400,000 a year · €90,000 once · €4,000 a month", or what is missing. */
function estimateText(money: Money, item: BacklogItem): string {
  const e = item.estimate;
  const parts = [
    e.annual_value !== null && `${money.format(e.annual_value)} a year`,
    e.one_time_cost !== null && `${money.format(e.one_time_cost)} once`,
    e.monthly_run_cost !== null && `${money.format(e.monthly_run_cost)} a month`,
  ].filter(Boolean);
  return parts.length === 0 ? "No estimate yet" : parts.join(" · ");
}

function backlogColumns(money: Money, openCase: (id: string) => void) {
  return [
    column.accessor("id", { header: "Item", meta: { nowrap: true } }),
    column.accessor("title", {
      header: "Title",
      cell: (i) => (
        <div>
          <Text size="sm" fw={600}>
            {i.getValue()}
          </Text>
          <Text size="xs" c="dimmed" lineClamp={2}>
            {i.row.original.rationale}
          </Text>
        </div>
      ),
    }),
    column.accessor("proposer", {
      header: "Proposed",
      cell: (i) => (
        <Text size="sm">
          {i.getValue()}
          <Text span size="xs" c="dimmed" display="block">
            {localDate(i.row.original.proposed_on)}
          </Text>
        </Text>
      ),
    }),
    column.accessor((b) => b.sponsor ?? "", { id: "sponsor", header: "Sponsor" }),
    column.accessor((b) => b.estimate.annual_value ?? -1, {
      id: "estimate",
      header: "Estimate",
      cell: (i) => (
        <Text size="sm">
          {i.row.original.estimate.business_unit && (
            <Text span size="xs" c="dimmed" display="block">
              {i.row.original.estimate.business_unit}
            </Text>
          )}
          {estimateText(money, i.row.original)}
        </Text>
      ),
    }),
    column.accessor("status", {
      header: "Status",
      meta: { nowrap: true },
      cell: (i) => {
        const b = i.row.original;
        const useCaseId = b.use_case_id;
        return (
          <Stack gap={2} align="flex-start">
            <Badge miw="max-content" variant="light" color={BACKLOG_STATUS_COLOR[b.status]}>
              {BACKLOG_STATUS_LABEL[b.status]}
            </Badge>
            {useCaseId && (
              <Anchor
                component="button"
                type="button"
                size="xs"
                onClick={() => openCase(useCaseId)}
                data-testid={`backlog-case-${b.id}`}
              >
                Became {useCaseId} →
              </Anchor>
            )}
          </Stack>
        );
      },
    }),
  ];
}

export function BacklogTab() {
  const backlog = useBacklog();
  const money = useMoney();
  const { navigate } = useNavigation();
  const [proposing, modal] = useDisclosure(false);
  const columns = useMemo(() => backlogColumns(money, (id) => navigate("portfolio", id)), [money, navigate]);
  if (backlog.isPending) return <Loader size="sm" aria-label="Loading the backlog" />;
  if (backlog.isError) {
    return (
      <Alert color="red" title="The backlog could not be loaded">
        {backlog.error.message}
      </Alert>
    );
  }
  const waiting = backlog.data.filter((b) => b.status === "proposed" || b.status === "deferred").length;
  return (
    <Stack gap="md" data-testid="backlog-tab">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          Anyone may propose an idea; a steering meeting authorises it (it becomes a use case in discovery), defers it
          or rejects it. {waiting > 0 ? `${waiting} wait${waiting === 1 ? "s" : ""} for the next meeting.` : ""}
        </Text>
        <Button leftSection={<IconBulb size={16} />} onClick={modal.open} data-testid="backlog-propose-open">
          Propose…
        </Button>
      </Group>
      {backlog.data.length === 0 ? (
        <Paper withBorder p="lg" radius="md" data-testid="backlog-none">
          <Text size="sm" c="dimmed">
            Nothing proposed yet.
          </Text>
        </Paper>
      ) : (
        <DataTable
          rows={backlog.data}
          columns={columns}
          rowId={(b) => b.id}
          rowTestId={(b) => `backlog-row-${b.id}`}
          testId="backlog-table"
        />
      )}
      <ProposeModal opened={proposing} onClose={modal.close} />
    </Stack>
  );
}
