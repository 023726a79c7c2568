// Portfolio → Restore…: the automatic and manual backups beside the portfolio, newest first,
// and restoring one. A restore first backs up the portfolio as it is (so it can be undone),
// is recorded in the audit trail, and leaves a file whose trail verifies.
import { Alert, Badge, Button, Group, Modal, ScrollArea, Stack, Table, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconDeviceFloppy, IconRestore } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api } from "../../backend";
import type { BackupFile } from "../../bindings/BackupFile";
import { localDateTime } from "../../lib/compliance";
import { formatBytes } from "../../lib/governance";
import { keys } from "../../lib/queryKeys";
import { usePortfolioActions } from "./usePortfolioActions";

/** "daily" → "Daily", "before-upgrade-to-schema-5" → "Before upgrade to schema 5". */
export function reasonLabel(reason: string): string {
  const words = reason.replace(/-/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function RestoreBackupModal({
  opened,
  onClose,
  readOnly,
}: {
  opened: boolean;
  onClose: () => void;
  readOnly: string | null;
}) {
  const queryClient = useQueryClient();
  const backups = useQuery({ queryKey: keys.backups, queryFn: api.backupList, enabled: opened });
  const { restore } = usePortfolioActions();
  const [chosen, setChosen] = useState<BackupFile | null>(null);
  const backUpNow = useMutation({
    mutationFn: api.backupCreate,
    onSuccess: async (taken) => {
      await queryClient.invalidateQueries({ queryKey: keys.backups });
      notifications.show({ color: "teal", title: "Backup taken", message: taken.file_name });
    },
    onError: (error) => notifications.show({ color: "red", title: "No backup was taken", message: error.message }),
  });

  const close = () => {
    setChosen(null);
    onClose();
  };

  return (
    <Modal opened={opened} onClose={close} title="Restore a backup" size="xl" centered>
      <Stack>
        <Text size="sm" c="dimmed">
          Steerco backs the portfolio up before every upgrade and once a day while it is in use, keeping the number set
          in Programme settings. Restoring one first backs up the portfolio as it is now, so a restore can be undone.
        </Text>
        {readOnly && (
          <Alert color="yellow" title="Open read-only">
            {readOnly}
          </Alert>
        )}
        {backups.isError && (
          <Alert color="red" title="The backups could not be listed">
            {backups.error.message}
          </Alert>
        )}
        <ScrollArea.Autosize mah={380}>
          <Table striped highlightOnHover data-testid="backup-list">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Taken</Table.Th>
                <Table.Th>Why</Table.Th>
                <Table.Th ta="right">Size</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(backups.data ?? []).map((b) => (
                <Table.Tr key={b.file_name} bg={chosen?.file_name === b.file_name ? "blue.0" : undefined}>
                  <Table.Td>{localDateTime(b.taken_at)}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={b.reason === "daily" ? "gray" : "blue"}>
                      {reasonLabel(b.reason)}
                    </Badge>
                  </Table.Td>
                  <Table.Td ta="right">{formatBytes(b.bytes)}</Table.Td>
                  <Table.Td ta="right">
                    <Button
                      size="xs"
                      variant="light"
                      leftSection={<IconRestore size={14} />}
                      disabled={readOnly !== null}
                      onClick={() => setChosen(b)}
                      data-testid={`restore-${b.file_name}`}
                    >
                      Restore…
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
              {backups.data?.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={4}>
                    <Text size="sm" c="dimmed">
                      No backups yet.
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
        {chosen && (
          <Alert color="orange" title={`Restore the backup taken ${localDateTime(chosen.taken_at)}?`}>
            <Stack gap="xs">
              <Text size="sm">
                Everything changed since then is replaced by the backup. The portfolio as it is now is backed up first.
              </Text>
              <Group>
                <Button
                  color="orange"
                  loading={restore.isPending}
                  onClick={() => restore.mutate(chosen.file_name, { onSuccess: close })}
                  data-testid="restore-confirm"
                >
                  Restore this backup
                </Button>
                <Button variant="default" onClick={() => setChosen(null)}>
                  Keep the portfolio as it is
                </Button>
              </Group>
            </Stack>
          </Alert>
        )}
        <Group justify="space-between">
          <Button
            variant="default"
            leftSection={<IconDeviceFloppy size={16} />}
            onClick={() => backUpNow.mutate()}
            loading={backUpNow.isPending}
            disabled={readOnly !== null}
            data-testid="backup-now"
          >
            Back up now
          </Button>
          <Button variant="default" onClick={close}>
            Close
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
