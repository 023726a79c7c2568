// Records where an approved version was deployed, when, and who approved it; the version then
// reads "deployed".
import { Alert, Button, Group, Modal, Stack, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { backend } from "../../backend";
import type { AdapterVersion } from "../../bindings/AdapterVersion";
import { refusalErrors } from "../../lib/errors";
import { localIsoDate } from "../../lib/files";

const FIELDS = ["target", "deployed_on", "approved_by"] as const;

export function RecordDeploymentModal({
  version,
  opened,
  onClose,
}: {
  version: AdapterVersion;
  opened: boolean;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const [target, setTarget] = useState("");
  const [deployedOn, setDeployedOn] = useState(localIsoDate());
  const [approvedBy, setApprovedBy] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});

  const record = useMutation({
    mutationFn: () =>
      backend.recordDeployment({
        adapter_version_id: version.id,
        target,
        deployed_on: deployedOn,
        approved_by: approvedBy,
      }),
    onSuccess: async (d) => {
      await queryClient.invalidateQueries();
      notifications.show({
        color: "teal",
        title: "Deployment recorded",
        message: `${version.adapter_name} ${version.version} deployed to ${d.target} on ${d.deployed_on} (${d.id})`,
      });
      close();
    },
    onError: (error) => setErrors(refusalErrors(error, FIELDS)),
  });

  function close() {
    setTarget("");
    setDeployedOn(localIsoDate());
    setApprovedBy("");
    setErrors({});
    onClose();
  }

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={`Record deployment of ${version.adapter_name} ${version.version}`}
      centered
    >
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          The version becomes deployed. Gaps in its lineage are not a bar here; the release check on the Lineage page
          reports them.
        </Text>
        {errors.form && (
          <Alert color="red" title="The deployment was not recorded">
            {errors.form}
          </Alert>
        )}
        <TextInput
          label="Target"
          description="An environment (production, staging) or a pilot phase"
          required
          value={target}
          onChange={(e) => setTarget(e.currentTarget.value)}
          error={errors.target}
          data-testid="deploy-target"
          data-autofocus
        />
        <Group grow align="flex-start">
          <TextInput
            label="Deployed on"
            type="date"
            required
            value={deployedOn}
            onChange={(e) => setDeployedOn(e.currentTarget.value)}
            error={errors.deployed_on}
            data-testid="deploy-date"
          />
          <TextInput
            label="Approved by"
            required
            value={approvedBy}
            onChange={(e) => setApprovedBy(e.currentTarget.value)}
            error={errors.approved_by}
            data-testid="deploy-approved-by"
          />
        </Group>
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button onClick={() => record.mutate()} loading={record.isPending} data-testid="deploy-submit">
            Record deployment
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
