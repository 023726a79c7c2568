// The withdrawn use cases, with who withdrew each, when and why, and a Restore that puts a case
// back where it was (its lane, stage and history intact). Opened from the Portfolio menu.
import { Alert, Button, Loader, Modal, Stack, Table, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconRestore } from "@tabler/icons-react";
import { useMutation, useQuery } from "@tanstack/react-query";
import { api } from "../../backend";
import { localDateTime } from "../../lib/compliance";
import { keys, useInvalidate } from "../../lib/queryKeys";

function WithdrawnList() {
  const invalidate = useInvalidate();
  const withdrawn = useQuery({ queryKey: keys.withdrawn, queryFn: api.useCaseWithdrawn });
  const restore = useMutation({
    mutationFn: (id: string) => api.useCaseRestore({ id }),
    onSuccess: async (restored) => {
      await invalidate("useCases");
      notifications.show({ color: "teal", title: `${restored.id} restored`, message: restored.title });
    },
  });

  if (withdrawn.isPending) return <Loader size="sm" aria-label="Loading the withdrawn use cases" />;
  if (withdrawn.isError) {
    return (
      <Alert color="red" title="The withdrawn use cases could not be listed">
        {withdrawn.error.message}
      </Alert>
    );
  }
  if (withdrawn.data.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid="withdrawn-none">
        No use case is withdrawn.
      </Text>
    );
  }
  return (
    <Stack gap="sm">
      {restore.isError && (
        <Alert
          color="red"
          title={`${restore.variables} was not restored`}
          withCloseButton
          onClose={() => restore.reset()}
          data-testid="restore-refusal"
        >
          {restore.error.message}
        </Alert>
      )}
      <Table verticalSpacing="xs" data-testid="withdrawn-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Use case</Table.Th>
            <Table.Th>Withdrawn</Table.Th>
            <Table.Th>Reason</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {withdrawn.data.map((w) => (
            <Table.Tr key={w.id} data-testid={`withdrawn-${w.id}`}>
              <Table.Td>
                <Text size="sm" fw={600}>
                  {w.title}
                </Text>
                <Text size="xs" c="dimmed">
                  {w.id}
                  {w.created_by ? ` · created by ${w.created_by}` : ""}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{w.withdrawn_by}</Text>
                <Text size="xs" c="dimmed">
                  {localDateTime(w.withdrawn_at)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{w.reason}</Text>
              </Table.Td>
              <Table.Td ta="right">
                <Button
                  size="xs"
                  variant="light"
                  leftSection={<IconRestore size={14} />}
                  loading={restore.isPending && restore.variables === w.id}
                  onClick={() => restore.mutate(w.id)}
                  data-testid={`restore-${w.id}`}
                >
                  Restore
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

export function WithdrawnModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Withdrawn use cases" size="xl">
      <Stack gap="sm" data-testid="withdrawn-modal">
        <Text size="sm" c="dimmed">
          A withdrawn use case is out of the portfolio, its rankings and queues, with its record kept. Restoring puts it
          back as it was. The person who created it, or an administrator, may restore it.
        </Text>
        {opened && <WithdrawnList />}
      </Stack>
    </Modal>
  );
}
