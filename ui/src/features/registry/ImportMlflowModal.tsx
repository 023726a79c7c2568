// Reads one run from a local MLflow store: its params join the version's training parameters and
// its metrics become an evaluation. The backend reads the mlruns folder at the path given.
import { Button, Group, Modal, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { api, chooseFolder } from "../../backend";
import type { AdapterVersion } from "../../bindings/AdapterVersion";
import { FormRefusal } from "../../components/FormRefusal";
import { PathField } from "../../components/PathField";
import { useSaveForm } from "../../lib/forms";

interface Values {
  mlruns_dir: string;
  run_id: string;
}

const BLANK: Values = { mlruns_dir: "", run_id: "" };

// The backend calls the run id "run" when it refuses it (not a run, deleted, unfinished).
const PATHS = { run: "run_id" };

export function ImportMlflowModal({
  version,
  opened,
  onClose,
}: {
  version: AdapterVersion;
  opened: boolean;
  onClose: () => void;
}) {
  const form = useForm<Values>({ initialValues: BLANK });

  function close() {
    form.setValues(BLANK);
    form.clearErrors();
    saver.dismiss();
    onClose();
  }

  const saver = useSaveForm({
    form,
    save: (values: Values) =>
      api.evaluationImportMlflow({
        mlruns_dir: values.mlruns_dir,
        run_id: values.run_id.trim(),
        adapter_version_id: version.id,
      }),
    changes: ["evaluations"],
    paths: PATHS,
    onSaved: (outcome) => {
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
  });

  const browse = () =>
    chooseFolder("Choose the MLflow mlruns folder").catch((error: Error) => {
      form.setFieldError("mlruns_dir", error.message);
      return null;
    });

  const ready = form.values.mlruns_dir.trim() !== "" && form.values.run_id.trim() !== "";
  return (
    <Modal
      opened={opened}
      onClose={close}
      title={`Import MLflow run for ${version.adapter_name} ${version.version}`}
      size="lg"
      centered
    >
      {/* noValidate: the backend's refusal beside the field says what is missing, not a browser bubble. */}
      <form noValidate onSubmit={form.onSubmit(saver.submit)}>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            Only a finished run counts as evidence. A parameter the version already records with another value is
            refused, not overwritten.
          </Text>
          <PathField
            label="mlruns folder"
            placeholder="/path/to/mlruns"
            required
            {...form.getInputProps("mlruns_dir")}
            value={form.values.mlruns_dir}
            browse={browse}
            data-testid="mlflow-import-dir"
            data-autofocus
          />
          <TextInput
            label="Run id"
            required
            ff="monospace"
            {...form.getInputProps("run_id")}
            data-testid="mlflow-import-run"
          />
          {saver.refusal !== null && (
            <div data-testid="mlflow-import-error">
              <FormRefusal refusal={saver.refusal} title="The run was not imported" onClose={saver.dismiss} />
            </div>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={saver.pending} disabled={!ready} data-testid="mlflow-import-submit">
              Import run
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
