// Registers a data pack: the curated training data drawn from named sources, who curated it, how
// many records, whether personal data remains, and optionally a file whose SHA-256 pins it.
import {
  Alert,
  Button,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconFile, IconX } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { backend } from "../../backend";
import type { PersonalData } from "../../bindings/PersonalData";
import { refusalErrors } from "../../lib/errors";
import { PERSONAL_DATA, PERSONAL_DATA_LABEL } from "../../lib/governance";

const FIELDS = ["name", "version", "source_ids", "curated_by", "record_count", "personal_data", "file_path"] as const;

export function NewPackModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const queryClient = useQueryClient();
  const sources = useQuery({ queryKey: ["sources"], queryFn: backend.sources, enabled: opened });
  const [name, setName] = useState("");
  const [version, setVersion] = useState("");
  const [sourceIds, setSourceIds] = useState<string[]>([]);
  const [curatedBy, setCuratedBy] = useState("");
  const [records, setRecords] = useState<number | string>(0);
  const [personal, setPersonal] = useState<PersonalData>("none");
  const [filePath, setFilePath] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});

  const create = useMutation({
    mutationFn: () =>
      backend.createPack(
        {
          name,
          version,
          source_ids: sourceIds,
          curated_by: curatedBy,
          record_count: typeof records === "number" ? records : Number.NaN,
          personal_data: personal,
        },
        filePath,
      ),
    onSuccess: async (p) => {
      await queryClient.invalidateQueries();
      notifications.show({
        color: "teal",
        title: `${p.id} registered`,
        message: `${p.name} ${p.version}${p.file ? `, file ${p.file.file_name} hashed` : ""}; it awaits compliance approval`,
      });
      close();
    },
    onError: (error) => setErrors(refusalErrors(error, FIELDS)),
  });

  const submit = () => {
    // NumberInput yields "" when emptied; the backend only sees numbers, so say it here.
    if (typeof records !== "number" || !Number.isInteger(records)) {
      setErrors({ record_count: "Enter the number of records (0 or more)" });
      return;
    }
    create.mutate();
  };

  const choose = async () => {
    try {
      const picked = await backend.chooseFile("Choose the data pack's file");
      if (picked !== null) setFilePath(picked);
    } catch (error) {
      setErrors({ form: error instanceof Error ? error.message : String(error) });
    }
  };

  function close() {
    setName("");
    setVersion("");
    setSourceIds([]);
    setCuratedBy("");
    setRecords(0);
    setPersonal("none");
    setFilePath(null);
    setErrors({});
    onClose();
  }

  return (
    <Modal opened={opened} onClose={close} title="New data pack" size="lg" centered>
      <Stack gap="sm">
        {errors.form && (
          <Alert color="red" title="The data pack was not registered">
            {errors.form}
          </Alert>
        )}
        <SimpleGrid cols={2}>
          <TextInput
            label="Name"
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors.name}
            data-testid="pack-name"
            data-autofocus
          />
          <TextInput
            label="Version"
            required
            placeholder="1.0"
            value={version}
            onChange={(e) => setVersion(e.currentTarget.value)}
            error={errors.version}
            data-testid="pack-version"
          />
        </SimpleGrid>
        <MultiSelect
          label="Drawn from sources"
          required
          placeholder={(sources.data ?? []).length === 0 ? "Register a data source first" : "Choose sources"}
          data={(sources.data ?? []).map((s) => ({ value: s.id, label: `${s.id} ${s.name}` }))}
          value={sourceIds}
          onChange={setSourceIds}
          searchable
          error={errors.source_ids}
          data-testid="pack-sources"
        />
        <SimpleGrid cols={3}>
          <TextInput
            label="Curated by"
            required
            value={curatedBy}
            onChange={(e) => setCuratedBy(e.currentTarget.value)}
            error={errors.curated_by}
            data-testid="pack-curated-by"
          />
          <NumberInput
            label="Records"
            min={0}
            allowDecimal={false}
            clampBehavior="none"
            thousandSeparator=","
            value={records}
            onChange={setRecords}
            error={errors.record_count}
            data-testid="pack-records"
          />
          <Select
            label="Personal data"
            data={PERSONAL_DATA.map((p) => ({ value: p, label: PERSONAL_DATA_LABEL[p] }))}
            value={personal}
            onChange={(value) => value && setPersonal(value as PersonalData)}
            allowDeselect={false}
            error={errors.personal_data}
            data-testid="pack-personal-data"
          />
        </SimpleGrid>
        <div>
          <Group gap="xs">
            <Button
              variant="default"
              size="xs"
              leftSection={<IconFile size={14} />}
              onClick={() => void choose()}
              data-testid="pack-choose-file"
            >
              Choose file…
            </Button>
            {filePath && (
              <Button
                variant="subtle"
                size="xs"
                color="gray"
                leftSection={<IconX size={14} />}
                onClick={() => setFilePath(null)}
              >
                No file
              </Button>
            )}
          </Group>
          <Text
            size="xs"
            c={errors.file_path ? "red" : "dimmed"}
            mt={4}
            style={{ overflowWrap: "anywhere" }}
            data-testid="pack-file"
          >
            {errors.file_path ??
              (filePath
                ? `${filePath} — hashed (SHA-256) when the pack is registered`
                : "Optional: a file whose SHA-256 pins the pack's contents")}
          </Text>
        </div>
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button onClick={submit} loading={create.isPending} data-testid="pack-save">
            Register pack
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
