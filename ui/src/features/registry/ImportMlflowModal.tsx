// Reads one run from a local MLflow store: its params join the version's training parameters and
// its metrics become an evaluation.
import { Alert, Button, Group, Modal, Stack, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconFolderOpen } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { backend } from "../../backend";
import type { AdapterVersion } from "../../bindings/AdapterVersion";
import { refusalErrors } from "../../lib/errors";

// The backend names the run "run" when it refuses the id; the form's field is the run id.
const FIELDS = ["mlruns_dir", "run"] as const;

export function ImportMlflowModal({
  version,
  opened,
  onClose,
}: {
  version: AdapterVersion;
  opened: boolean;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const [dir, setDir] = useState("");
  const [runId, setRunId] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});

  const run = useMutation({
    mutationFn: () =>
      backend.importMlflowRun({ mlruns_dir: dir, run_id: runId.trim(), adapter_version_id: version.id }),
    onSuccess: async (outcome) => {
      await queryClient.invalidateQueries();
      const params = Object.keys(outcome.run.params).length;
      const evaluation = outcome.evaluation
        ? `evaluation ${outcome.evaluation.id} with ${outcome.evaluation.metrics.length} metrics`
        : "no metrics logged, so no evaluation";
      notifications.show({
        color: "teal",
        title: `MLflow run ${outcome.run.run_name ?? outcome.run.run_id} imported`,
        message: `${params} training parameter${params === 1 ? "" : "s"}; ${evaluation}`,
      });
      close();
    },
    onError: (error) => setErrors(refusalErrors(error, FIELDS)),
  });

  const choose = async () => {
    try {
      const picked = await backend.chooseFolder("Choose the MLflow mlruns folder");
      if (picked !== null) setDir(picked);
    } catch (error) {
      setErrors({ form: error instanceof Error ? error.message : String(error) });
    }
  };

  function close() {
    setDir("");
    setRunId("");
    setErrors({});
    onClose();
  }

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={`Import MLflow run for ${version.adapter_name} ${version.version}`}
      size="lg"
      centered
    >
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          Only a finished run counts as evidence. A parameter the version already records with another value is refused,
          not overwritten.
        </Text>
        {errors.form && (
          <Alert color="red" title="The run was not imported" data-testid="mlflow-import-error">
            {errors.form}
          </Alert>
        )}
        <Group align="flex-end" wrap="nowrap">
          <TextInput
            label="mlruns folder"
            placeholder="/path/to/mlruns"
            required
            style={{ flex: 1 }}
            value={dir}
            onChange={(e) => setDir(e.currentTarget.value)}
            error={errors.mlruns_dir}
            data-testid="mlflow-import-dir"
          />
          <Button variant="default" leftSection={<IconFolderOpen size={16} />} onClick={() => void choose()}>
            Choose folder…
          </Button>
        </Group>
        <TextInput
          label="Run id"
          required
          ff="monospace"
          value={runId}
          onChange={(e) => setRunId(e.currentTarget.value)}
          error={errors.run}
          data-testid="mlflow-import-run"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button
            onClick={() => run.mutate()}
            loading={run.isPending}
            disabled={dir.trim() === "" || runId.trim() === ""}
            data-testid="mlflow-import-submit"
          >
            Import run
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
