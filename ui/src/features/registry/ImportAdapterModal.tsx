// Imports a PEFT folder as a new candidate version: choose the folder, read what it holds, name
// the adapter and version, link the use case and the data packs it was trained on, and give the
// base model when the folder's config names none. The backend reads the folder at the path given.
import { Button, Divider, Group, Modal, MultiSelect, Select, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { api, chooseFolder } from "../../backend";
import type { AdapterVersion } from "../../bindings/AdapterVersion";
import type { PeftFolder } from "../../bindings/PeftFolder";
import { FormRefusal } from "../../components/FormRefusal";
import { PathField } from "../../components/PathField";
import { placeRefusal, useSaveForm } from "../../lib/forms";
import { keys } from "../../lib/queryKeys";
import { PeftFolderSummary } from "./PeftFolderSummary";

interface Values {
  path: string;
  name: string;
  version: string;
  use_case_id: string | null;
  data_pack_ids: string[];
  base_model: string;
}

const BLANK: Values = { path: "", name: "", version: "", use_case_id: null, data_pack_ids: [], base_model: "" };

function baseModelHint(folder: PeftFolder | null): string {
  if (folder === null)
    return "Only when the folder's adapter_config.json names none (PEFT writes null for unnamed models)";
  if (folder.config.base_model === null)
    return "adapter_config.json names none: give the model it was trained on, or lineage flags the version";
  return `adapter_config.json names ${folder.config.base_model}; leave this empty`;
}

interface Props {
  opened: boolean;
  onClose: () => void;
  onImported: (v: AdapterVersion) => void;
}

export function ImportAdapterModal({ opened, onClose, onImported }: Props) {
  const useCases = useQuery({ queryKey: keys.useCases, queryFn: api.useCaseList, enabled: opened });
  const packs = useQuery({ queryKey: keys.packs, queryFn: api.packList, enabled: opened });
  const form = useForm<Values>({ initialValues: BLANK });
  const [folder, setFolder] = useState<PeftFolder | null>(null);
  // Reading the folder is not saving, so its refusal is kept apart from the import's.
  const [readRefusal, setReadRefusal] = useState<string | null>(null);

  function close() {
    form.setValues(BLANK);
    form.clearErrors();
    setFolder(null);
    setReadRefusal(null);
    saver.dismiss();
    onClose();
  }

  const saver = useSaveForm({
    form,
    save: (values: Values) =>
      api.adapterImport({
        path: values.path,
        name: values.name,
        version: values.version,
        use_case_id: values.use_case_id,
        data_pack_ids: values.data_pack_ids,
        base_model: values.base_model.trim() === "" ? null : values.base_model.trim(),
      }),
    changes: ["adapters"],
    onSaved: (v) => {
      notifications.show({
        color: "teal",
        title: "Adapter imported",
        message: `Imported ${v.adapter_name} ${v.version} as ${v.id}`,
      });
      onImported(v);
      close();
    },
  });

  const preview = useMutation({
    mutationFn: (path: string) => api.adapterPreview({ path }),
    onMutate: () => {
      setReadRefusal(null);
      saver.dismiss();
      form.clearFieldError("path");
    },
    onSuccess: setFolder,
    onError: (error) => {
      setFolder(null);
      const placed = placeRefusal(error, form.getValues());
      if (placed.path) form.setFieldError(placed.path, placed.message);
      else setReadRefusal(placed.message);
    },
  });

  const setPath = (path: string) => {
    form.setFieldValue("path", path);
    setFolder(null);
  };

  const browse = () =>
    chooseFolder("Choose the adapter's PEFT folder").catch((error: Error) => {
      form.setFieldError("path", error.message);
      return null;
    });

  const packOptions = (packs.data ?? []).map((p) => ({ value: p.id, label: `${p.id} ${p.name} ${p.version}` }));
  const useCaseOptions = (useCases.data ?? []).map((u) => ({ value: u.id, label: `${u.id} · ${u.title}` }));
  return (
    <Modal opened={opened} onClose={close} title="Import adapter" size="xl" centered>
      {/* noValidate: the backend's refusal beside the field says what is missing, not a browser bubble. */}
      <form
        noValidate
        onSubmit={form.onSubmit((values) => {
          setReadRefusal(null);
          saver.submit(values);
        })}
      >
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            A PEFT folder holds adapter_config.json and adapter_model.safetensors (or adapter_model.bin). Steerco reads
            and hashes it; the folder itself stays where it is.
          </Text>
          <Group align="flex-end" wrap="nowrap">
            <div style={{ flex: 1 }}>
              <PathField
                label="PEFT folder"
                placeholder="/path/to/adapter"
                required
                {...form.getInputProps("path")}
                value={form.values.path}
                onChange={setPath}
                browse={browse}
                data-testid="adapter-import-path"
                data-autofocus
              />
            </div>
            <Button
              variant="light"
              disabled={form.values.path.trim() === ""}
              loading={preview.isPending}
              onClick={() => preview.mutate(form.values.path)}
              data-testid="adapter-import-preview"
            >
              Read folder
            </Button>
          </Group>
          {readRefusal !== null && (
            <div data-testid="adapter-import-error">
              <FormRefusal
                refusal={readRefusal}
                title="The folder could not be read"
                onClose={() => setReadRefusal(null)}
              />
            </div>
          )}
          {folder && <PeftFolderSummary folder={folder} />}
          <Divider />
          <Group grow align="flex-start">
            <TextInput
              label="Adapter name"
              description="Versions of one adapter share its name"
              required
              {...form.getInputProps("name")}
              data-testid="adapter-import-name"
            />
            <TextInput
              label="Version"
              description="A semantic version"
              placeholder="1.0.0"
              required
              {...form.getInputProps("version")}
              data-testid="adapter-import-version"
            />
          </Group>
          <TextInput
            label="Base model"
            description={baseModelHint(folder)}
            placeholder="e.g. mistralai/Mistral-7B-Instruct-v0.3"
            {...form.getInputProps("base_model")}
            data-testid="adapter-import-base-model"
          />
          <Select
            label="Use case"
            description="Optional: the use case this adapter serves"
            placeholder="None"
            data={useCaseOptions}
            searchable
            clearable
            {...form.getInputProps("use_case_id")}
            data-testid="adapter-import-use-case"
          />
          <MultiSelect
            label="Data packs"
            description="The curated data the adapter was trained on; lineage flags a version without one"
            placeholder={packOptions.length === 0 ? "No data packs registered yet (see Data)" : "Choose data packs"}
            data={packOptions}
            searchable
            {...form.getInputProps("data_pack_ids")}
            data-testid="adapter-import-packs"
          />
          {saver.refusal !== null && (
            <div data-testid="adapter-import-error">
              <FormRefusal refusal={saver.refusal} title="The adapter was not imported" onClose={saver.dismiss} />
            </div>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={saver.pending} data-testid="adapter-import-submit">
              Import
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
