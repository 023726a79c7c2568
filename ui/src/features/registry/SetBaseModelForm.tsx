// Records the base model of a version whose adapter_config.json named none, closing that lineage
// gap. Once recorded it is part of the version's evidence; the backend refuses to replace it.
import { Alert, Button, Group, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { IconAlertTriangle } from "@tabler/icons-react";
import { api } from "../../backend";
import type { AdapterVersion } from "../../bindings/AdapterVersion";
import { FormRefusal } from "../../components/FormRefusal";
import { useSaveForm } from "../../lib/forms";

interface Values {
  base_model: string;
}

export function SetBaseModelForm({ version }: { version: AdapterVersion }) {
  const form = useForm<Values>({ initialValues: { base_model: "" } });
  const saver = useSaveForm({
    form,
    save: (values: Values) => api.adapterVersionSetBaseModel({ id: version.id, base_model: values.base_model }),
    changes: ["adapters"],
    onSaved: (v) => {
      form.reset();
      notifications.show({
        color: "teal",
        title: "Base model recorded",
        message: `${v.adapter_name} ${v.version} was trained on ${v.base_model ?? "—"}`,
      });
    },
  });

  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconAlertTriangle size={18} />}
      title="Base model not given"
      data-testid="version-base-model-missing"
    >
      {/* noValidate: the backend's refusal beside the field says what is missing, not a browser bubble. */}
      <form noValidate onSubmit={form.onSubmit(saver.submit)}>
        <Stack gap="xs">
          <Text size="sm">
            The folder's adapter_config.json named no base model, so nobody can tell from the registry what this adapter
            adapts; lineage flags it. Record the model it was trained on (as its Hugging Face id or your own name for
            it). It cannot be changed afterwards.
          </Text>
          <Group align="flex-start" wrap="nowrap">
            <TextInput
              aria-label="Base model"
              placeholder="e.g. mistralai/Mistral-7B-Instruct-v0.3"
              style={{ flex: 1 }}
              {...form.getInputProps("base_model")}
              data-testid="version-base-model-input"
            />
            <Button
              type="submit"
              loading={saver.pending}
              disabled={form.values.base_model.trim() === ""}
              data-testid="version-base-model-save"
            >
              Record base model
            </Button>
          </Group>
          <FormRefusal refusal={saver.refusal} title="The base model was not recorded" onClose={saver.dismiss} />
        </Stack>
      </form>
    </Alert>
  );
}
