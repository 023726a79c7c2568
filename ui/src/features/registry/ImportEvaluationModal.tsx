// Attaches an evaluation file (lm-evaluation-harness JSON or a metrics CSV) to a version; the file
// is hashed so the evidence can be re-checked later.
import { Alert, Button, Group, Modal, Stack, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconFile } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { backend, EVALUATION_FILES } from "../../backend";
import type { AdapterVersion } from "../../bindings/AdapterVersion";
import { refusalErrors } from "../../lib/errors";

const FIELDS = ["path", "run_on", "run_by"] as const;
const optional = (text: string) => (text.trim() === "" ? null : text.trim());

export function ImportEvaluationModal({
  version,
  opened,
  onClose,
}: {
  version: AdapterVersion;
  opened: boolean;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const [path, setPath] = useState("");
  const [runOn, setRunOn] = useState("");
  const [runBy, setRunBy] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});

  const run = useMutation({
    mutationFn: () =>
      backend.importEvaluation({
        path,
        adapter_version_id: version.id,
        run_on: optional(runOn),
        run_by: optional(runBy),
      }),
    onSuccess: async (e) => {
      await queryClient.invalidateQueries();
      notifications.show({
        color: "teal",
        title: "Evaluation imported",
        message: `${e.title}: ${e.metrics.length} metric${e.metrics.length === 1 ? "" : "s"} as ${e.id}`,
      });
      close();
    },
    onError: (error) => setErrors(refusalErrors(error, FIELDS)),
  });

  const choose = async () => {
    try {
      const picked = await backend.chooseFile("Choose an evaluation file", EVALUATION_FILES);
      if (picked !== null) setPath(picked);
    } catch (error) {
      setErrors({ form: error instanceof Error ? error.message : String(error) });
    }
  };

  function close() {
    setPath("");
    setRunOn("");
    setRunBy("");
    setErrors({});
    onClose();
  }

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={`Import evaluation for ${version.adapter_name} ${version.version}`}
      size="lg"
      centered
    >
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          lm-evaluation-harness results (JSON) or a CSV with suite, metric, value and optionally stderr and
          higher_is_better columns.
        </Text>
        {errors.form && (
          <Alert color="red" title="The evaluation was not imported" data-testid="evaluation-import-error">
            {errors.form}
          </Alert>
        )}
        <Group align="flex-end" wrap="nowrap">
          <TextInput
            label="Evaluation file"
            required
            style={{ flex: 1 }}
            value={path}
            onChange={(e) => setPath(e.currentTarget.value)}
            error={errors.path}
            data-testid="evaluation-import-path"
          />
          <Button variant="default" leftSection={<IconFile size={16} />} onClick={() => void choose()}>
            Choose file…
          </Button>
        </Group>
        <Group grow align="flex-start">
          <TextInput
            label="Run on"
            description="Leave empty to use the date the file states"
            type="date"
            value={runOn}
            onChange={(e) => setRunOn(e.currentTarget.value)}
            error={errors.run_on}
          />
          <TextInput
            label="Run by"
            description="Leave empty if you ran it yourself"
            value={runBy}
            onChange={(e) => setRunBy(e.currentTarget.value)}
            error={errors.run_by}
          />
        </Group>
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button
            onClick={() => run.mutate()}
            loading={run.isPending}
            disabled={path.trim() === ""}
            data-testid="evaluation-import-submit"
          >
            Import evaluation
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
