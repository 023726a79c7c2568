// Registers a data pack: the curated training data drawn from named sources, who curated it, how
// many records, whether personal data remains, and optionally a file whose SHA-256 pins it.
import {
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
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { IconFile, IconX } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { api, chooseFile } from "../../backend";
import type { PersonalData } from "../../bindings/PersonalData";
import { FormRefusal } from "../../components/FormRefusal";
import { useSaveForm } from "../../lib/forms";
import { PERSONAL_DATA } from "../../lib/governance";
import { keys } from "../../lib/queryKeys";
import { PERSONAL_DATA_LABEL } from "../../lib/recordKinds";

interface Values {
  name: string;
  version: string;
  source_ids: string[];
  curated_by: string;
  /** NumberInput yields "" when emptied. */
  record_count: number | string;
  personal_data: PersonalData;
  file_path: string | null;
}

const BLANK: Values = {
  name: "",
  version: "",
  source_ids: [],
  curated_by: "",
  record_count: 0,
  personal_data: "none",
  file_path: null,
};

export function NewPackModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const sources = useQuery({ queryKey: keys.sources, queryFn: api.sourceList, enabled: opened });
  const form = useForm<Values>({
    initialValues: BLANK,
    validate: {
      // The backend only ever sees a number, so an emptied field is caught here.
      record_count: (v) =>
        typeof v === "number" && Number.isInteger(v) ? null : "Enter the number of records (0 or more)",
    },
  });

  function close() {
    form.setValues(BLANK);
    form.clearErrors();
    saver.dismiss();
    onClose();
  }

  const saver = useSaveForm({
    form,
    save: ({ file_path, record_count, ...pack }: Values) =>
      api.packCreate({ pack: { ...pack, record_count: Number(record_count) }, file_path }),
    changes: ["governance"],
    onSaved: (p) => {
      notifications.show({
        color: "teal",
        title: `${p.id} registered`,
        message: `${p.name} ${p.version}${p.file ? `, file ${p.file.file_name} hashed` : ""}; it awaits compliance approval`,
      });
      close();
    },
  });

  const choose = async () => {
    try {
      const picked = await chooseFile("Choose the data pack's file");
      if (picked !== null) form.setFieldValue("file_path", picked);
    } catch (error) {
      form.setFieldError("file_path", error instanceof Error ? error.message : String(error));
    }
  };

  const filePath = form.values.file_path;
  const fileError = form.errors.file_path;
  return (
    <Modal opened={opened} onClose={close} title="New data pack" size="lg" centered>
      {/* noValidate: the backend's refusal beside the field says what is missing, not a browser bubble. */}
      <form noValidate onSubmit={form.onSubmit(saver.submit)}>
        <Stack gap="sm">
          <SimpleGrid cols={2}>
            <TextInput label="Name" required {...form.getInputProps("name")} data-testid="pack-name" data-autofocus />
            <TextInput
              label="Version"
              required
              placeholder="1.0"
              {...form.getInputProps("version")}
              data-testid="pack-version"
            />
          </SimpleGrid>
          <MultiSelect
            label="Drawn from sources"
            required
            placeholder={(sources.data ?? []).length === 0 ? "Register a data source first" : "Choose sources"}
            data={(sources.data ?? []).map((s) => ({ value: s.id, label: `${s.id} ${s.name}` }))}
            searchable
            {...form.getInputProps("source_ids")}
            data-testid="pack-sources"
          />
          <SimpleGrid cols={3}>
            <TextInput
              label="Curated by"
              required
              {...form.getInputProps("curated_by")}
              data-testid="pack-curated-by"
            />
            <NumberInput
              label="Records"
              min={0}
              allowDecimal={false}
              clampBehavior="none"
              thousandSeparator=","
              {...form.getInputProps("record_count")}
              data-testid="pack-records"
            />
            <Select
              label="Personal data"
              data={PERSONAL_DATA.map((p) => ({ value: p, label: PERSONAL_DATA_LABEL[p] }))}
              allowDeselect={false}
              {...form.getInputProps("personal_data")}
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
                  onClick={() => form.setFieldValue("file_path", null)}
                  data-testid="pack-no-file"
                >
                  No file
                </Button>
              )}
            </Group>
            <Text
              size="xs"
              c={fileError ? "red" : "dimmed"}
              mt={4}
              style={{ overflowWrap: "anywhere" }}
              data-testid="pack-file"
            >
              {fileError ??
                (filePath
                  ? `${filePath} — hashed (SHA-256) when the pack is registered`
                  : "Optional: a file whose SHA-256 pins the pack's contents")}
            </Text>
          </div>
          <FormRefusal refusal={saver.refusal} title="The data pack was not registered" onClose={saver.dismiss} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={saver.pending} data-testid="pack-save">
              Register pack
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
