// Records compliance's approval of a data pack: who approved it and on which date. An approval is
// final; the backend refuses a second one.
import { Alert, Button, Group, Modal, Stack, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { backend } from "../../backend";
import type { DataPack } from "../../bindings/DataPack";
import { refusalErrors } from "../../lib/errors";
import { localIsoDate } from "../../lib/files";
import { useWorkingAs } from "../../shell/useWorkingAs";

const FIELDS = ["approved_by", "approved_on"] as const;

export function ApprovePackModal({ pack, onClose }: { pack: DataPack | null; onClose: () => void }) {
  const queryClient = useQueryClient();
  const { person } = useWorkingAs();
  const [approvedBy, setApprovedBy] = useState(person?.name ?? "");
  const [approvedOn, setApprovedOn] = useState(localIsoDate());
  const [errors, setErrors] = useState<Record<string, string>>({});

  const approve = useMutation({
    mutationFn: (id: string) =>
      backend.approvePack({ data_pack_id: id, approved_by: approvedBy, approved_on: approvedOn }),
    onSuccess: async (p) => {
      await queryClient.invalidateQueries();
      notifications.show({
        color: "teal",
        title: `${p.id} approved`,
        message: `Approved by ${p.approved_by} on ${p.approved_on}`,
      });
      close();
    },
    onError: (error) => setErrors(refusalErrors(error, FIELDS)),
  });

  function close() {
    setApprovedBy(person?.name ?? "");
    setApprovedOn(localIsoDate());
    setErrors({});
    onClose();
  }

  return (
    <Modal
      opened={pack !== null}
      onClose={close}
      title={pack ? `Approve ${pack.id} · ${pack.name} ${pack.version}` : ""}
      centered
    >
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          The compliance analyst confirms the pack may be used for training. The approval cannot be changed afterwards.
        </Text>
        {errors.form && (
          <Alert color="red" title="The pack was not approved">
            {errors.form}
          </Alert>
        )}
        <Group grow align="flex-start">
          <TextInput
            label="Approved by"
            required
            value={approvedBy}
            onChange={(e) => setApprovedBy(e.currentTarget.value)}
            error={errors.approved_by}
            data-testid="pack-approved-by"
            data-autofocus
          />
          <TextInput
            label="Approved on"
            type="date"
            required
            value={approvedOn}
            onChange={(e) => setApprovedOn(e.currentTarget.value)}
            error={errors.approved_on}
            data-testid="pack-approved-on"
          />
        </Group>
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button
            onClick={() => pack && approve.mutate(pack.id)}
            loading={approve.isPending}
            data-testid="pack-approve-submit"
          >
            Approve
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
