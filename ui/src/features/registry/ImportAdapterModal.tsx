// Imports a PEFT folder as a new candidate version: choose the folder, read what it holds, name
// the adapter and version, link the use case and the data packs it was trained on.
import { Alert, Button, Divider, Group, Modal, MultiSelect, Select, Stack, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconAlertTriangle, IconFolderOpen } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { backend } from "../../backend";
import type { AdapterVersion } from "../../bindings/AdapterVersion";
import type { PeftFolder } from "../../bindings/PeftFolder";
import { refusalErrors } from "../../lib/errors";
import { PeftFolderSummary } from "./PeftFolderSummary";

const FIELDS = ["path", "name", "version", "use_case_id", "data_pack_ids"] as const;

interface Props {
  opened: boolean;
  onClose: () => void;
  onImported: (v: AdapterVersion) => void;
}

export function ImportAdapterModal({ opened, onClose, onImported }: Props) {
  const queryClient = useQueryClient();
  const useCases = useQuery({ queryKey: ["use-cases"], queryFn: backend.useCases, enabled: opened });
  const packs = useQuery({ queryKey: ["packs"], queryFn: backend.packs, enabled: opened });
  const [path, setPath] = useState("");
  const [name, setName] = useState("");
  const [version, setVersion] = useState("");
  const [useCaseId, setUseCaseId] = useState<string | null>(null);
  const [packIds, setPackIds] = useState<string[]>([]);
  const [folder, setFolder] = useState<PeftFolder | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failedStep, setFailedStep] = useState<"read" | "import">("import");

  const preview = useMutation({
    mutationFn: () => backend.previewAdapter(path),
    onSuccess: (read) => {
      setFolder(read);
      setErrors({});
    },
    onError: (error) => {
      setFolder(null);
      setFailedStep("read");
      setErrors(refusalErrors(error, FIELDS));
    },
  });

  const submit = useMutation({
    mutationFn: () => backend.importAdapter({ path, name, version, use_case_id: useCaseId, data_pack_ids: packIds }),
    onSuccess: async (v) => {
      await queryClient.invalidateQueries();
      notifications.show({
        color: "teal",
        title: "Adapter imported",
        message: `Imported ${v.adapter_name} ${v.version} as ${v.id}`,
      });
      onImported(v);
      close();
    },
    onError: (error) => {
      setFailedStep("import");
      setErrors(refusalErrors(error, FIELDS));
    },
  });

  const choose = async () => {
    try {
      const picked = await backend.chooseFolder("Choose the adapter's PEFT folder");
      if (picked === null) return;
      setPath(picked);
      setFolder(null);
    } catch (error) {
      setErrors({ form: error instanceof Error ? error.message : String(error) });
    }
  };

  function close() {
    setPath("");
    setName("");
    setVersion("");
    setUseCaseId(null);
    setPackIds([]);
    setFolder(null);
    setErrors({});
    onClose();
  }

  const packOptions = (packs.data ?? []).map((p) => ({
    value: p.id,
    label: `${p.id} ${p.name} ${p.version}`,
  }));
  const useCaseOptions = (useCases.data ?? []).map((u) => ({ value: u.id, label: `${u.id} · ${u.title}` }));
  return (
    <Modal opened={opened} onClose={close} title="Import adapter" size="xl" centered>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          A PEFT folder holds adapter_config.json and adapter_model.safetensors (or adapter_model.bin). Steerco reads
          and hashes it; the folder itself stays where it is.
        </Text>
        <Group align="flex-end" wrap="nowrap">
          <TextInput
            label="PEFT folder"
            placeholder="/path/to/adapter"
            required
            style={{ flex: 1 }}
            value={path}
            onChange={(e) => {
              setPath(e.currentTarget.value);
              setFolder(null);
            }}
            error={errors.path}
            data-testid="adapter-import-path"
          />
          <Button variant="default" leftSection={<IconFolderOpen size={16} />} onClick={() => void choose()}>
            Choose folder…
          </Button>
          <Button
            variant="light"
            disabled={path.trim() === ""}
            loading={preview.isPending}
            onClick={() => preview.mutate()}
            data-testid="adapter-import-preview"
          >
            Read folder
          </Button>
        </Group>
        {errors.form && (
          <Alert
            color="red"
            icon={<IconAlertTriangle />}
            title={failedStep === "read" ? "The folder could not be read" : "The adapter was not imported"}
            data-testid="adapter-import-error"
          >
            {errors.form}
          </Alert>
        )}
        {folder && <PeftFolderSummary folder={folder} />}
        <Divider />
        <Group grow align="flex-start">
          <TextInput
            label="Adapter name"
            description="Versions of one adapter share its name"
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors.name}
            data-testid="adapter-import-name"
          />
          <TextInput
            label="Version"
            description="A semantic version"
            placeholder="1.0.0"
            required
            value={version}
            onChange={(e) => setVersion(e.currentTarget.value)}
            error={errors.version}
            data-testid="adapter-import-version"
          />
        </Group>
        <Select
          label="Use case"
          description="Optional: the use case this adapter serves"
          placeholder="None"
          data={useCaseOptions}
          value={useCaseId}
          onChange={setUseCaseId}
          searchable
          clearable
          error={errors.use_case_id}
        />
        <MultiSelect
          label="Data packs"
          description="The curated data the adapter was trained on; lineage flags a version without one"
          placeholder={packOptions.length === 0 ? "No data packs registered yet (see Data)" : "Choose data packs"}
          data={packOptions}
          value={packIds}
          onChange={setPackIds}
          searchable
          error={errors.data_pack_ids}
          data-testid="adapter-import-packs"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button onClick={() => submit.mutate()} loading={submit.isPending} data-testid="adapter-import-submit">
            Import
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
