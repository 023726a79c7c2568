// Attaches an evaluation file (lm-evaluation-harness JSON or a metrics CSV) to a version; the file
// is hashed so the evidence can be re-checked later. The backend reads the file at the path given,
// picked in the native dialog or typed.
import { Button, Group, Modal, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { api, chooseFile, EVALUATION_FILES } from "../../backend";
import type { AdapterVersion } from "../../bindings/AdapterVersion";
import { FormRefusal } from "../../components/FormRefusal";
import { PathField } from "../../components/PathField";
import { useSaveForm } from "../../lib/forms";

interface Values {
  path: string;
  run_on: string;
  run_by: string;
}

const BLANK: Values = { path: "", run_on: "", run_by: "" };
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
      api.evaluationImport({
        path: values.path,
        adapter_version_id: version.id,
        run_on: optional(values.run_on),
        run_by: optional(values.run_by),
      }),
    changes: ["evaluations"],
    onSaved: (e) => {
      notifications.show({
        color: "teal",
        title: "Evaluation imported",
        message: `${e.title}: ${e.metrics.length} metric${e.metrics.length === 1 ? "" : "s"} as ${e.id}`,
      });
      close();
    },
  });

  const browse = () =>
    chooseFile("Choose an evaluation file", EVALUATION_FILES).catch((error: Error) => {
      form.setFieldError("path", error.message);
      return null;
    });

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={`Import evaluation for ${version.adapter_name} ${version.version}`}
      size="lg"
      centered
    >
      {/* noValidate: the backend's refusal beside the field says what is missing, not a browser bubble. */}
      <form noValidate onSubmit={form.onSubmit(saver.submit)}>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            lm-evaluation-harness results (JSON) or a CSV with suite, metric, value and optionally stderr and
            higher_is_better columns.
          </Text>
          <PathField
            label="Evaluation file"
            required
            {...form.getInputProps("path")}
            value={form.values.path}
            browse={browse}
            data-testid="evaluation-import-path"
            data-autofocus
          />
          <Group grow align="flex-start">
            <TextInput
              label="Run on"
              description="Leave empty to use the date the file states"
              type="date"
              {...form.getInputProps("run_on")}
              data-testid="evaluation-import-run-on"
            />
            <TextInput
              label="Run by"
              description="Leave empty if you ran it yourself"
              {...form.getInputProps("run_by")}
              data-testid="evaluation-import-run-by"
            />
          </Group>
          {saver.refusal !== null && (
            <div data-testid="evaluation-import-error">
              <FormRefusal refusal={saver.refusal} title="The evaluation was not imported" onClose={saver.dismiss} />
            </div>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button
              type="submit"
              loading={saver.pending}
              disabled={form.values.path.trim() === ""}
              data-testid="evaluation-import-submit"
            >
              Import evaluation
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
