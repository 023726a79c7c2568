// Editing a pilot's protocols in one dialog: training (audience, materials, when delivered),
// fallback (the manual process, its trigger and owner) and evaluation (the suite and each metric's
// acceptance threshold, with which way is better). Saved whole through pilotSetProtocols.
import {
  ActionIcon,
  Button,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import { api } from "../../backend";
import type { Pilot } from "../../bindings/Pilot";
import type { Protocols } from "../../bindings/Protocols";
import { FormFooter } from "../../components/FormFooter";
import { useSaveForm } from "../../lib/forms";

interface MetricRow {
  metric: string;
  /** null while the field is empty (asked for before sending). */
  threshold: number | null;
  direction: "higher" | "lower";
}

type Values = Omit<Protocols, "training_delivered_on" | "acceptance"> & {
  training_delivered_on: string;
  acceptance: MetricRow[];
};

const DIRECTIONS = [
  { value: "higher", label: "Higher is better" },
  { value: "lower", label: "Lower is better" },
];

function valuesOf(p: Protocols): Values {
  return {
    training_audience: p.training_audience,
    training_materials: p.training_materials,
    training_delivered_on: p.training_delivered_on ?? "",
    fallback_process: p.fallback_process,
    fallback_trigger: p.fallback_trigger,
    fallback_owner: p.fallback_owner,
    evaluation_suite: p.evaluation_suite,
    acceptance: p.acceptance.map((a) => ({
      metric: a.metric,
      threshold: a.threshold,
      direction: a.higher_is_better ? "higher" : "lower",
    })),
  };
}

function protocolsOf(v: Values): Protocols {
  return {
    ...v,
    training_delivered_on: v.training_delivered_on.trim() === "" ? null : v.training_delivered_on,
    acceptance: v.acceptance.map((a) => ({
      metric: a.metric,
      threshold: a.threshold ?? 0,
      higher_is_better: a.direction === "higher",
    })),
  };
}

function ProtocolsForm({ pilot, onClose }: { pilot: Pilot; onClose: () => void }) {
  const form = useForm<Values>({
    initialValues: valuesOf(pilot.protocols),
    validate: {
      acceptance: {
        threshold: (value) => (value === null ? "Enter the threshold to reach" : null),
      },
    },
  });
  const saver = useSaveForm({
    form,
    save: (v: Values) => api.pilotSetProtocols({ pilot_id: pilot.id, protocols: protocolsOf(v) }),
    changes: ["pilots"],
    onSaved: (p) => {
      notifications.show({
        color: p.missing_protocols.length === 0 ? "teal" : "orange",
        title: `Protocols of ${p.id} saved`,
        message:
          p.missing_protocols.length === 0
            ? "Training, fallback and evaluation are defined."
            : `Still missing: ${p.missing_protocols.join("; ")}`,
      });
      onClose();
    },
  });
  const text = (field: keyof Omit<Values, "acceptance">, label: string, extra: object = {}) => (
    <TextInput label={label} {...extra} {...form.getInputProps(field)} data-testid={`protocols-field-${field}`} />
  );
  const rows = form.getValues().acceptance;
  return (
    <form noValidate onSubmit={form.onSubmit(saver.submit)}>
      <Stack gap="sm">
        <Text size="sm" fw={500}>
          Training
        </Text>
        <SimpleGrid cols={3}>
          {text("training_audience", "Who is trained", { "data-autofocus": true })}
          {text("training_materials", "Materials")}
          {text("training_delivered_on", "Delivered on", { type: "date" })}
        </SimpleGrid>
        <Text size="sm" fw={500}>
          Fallback
        </Text>
        <Textarea
          label="Manual process people fall back to"
          autosize
          minRows={2}
          {...form.getInputProps("fallback_process")}
          data-testid="protocols-field-fallback_process"
        />
        <SimpleGrid cols={2}>
          {text("fallback_trigger", "What triggers the fallback")}
          {text("fallback_owner", "Fallback owner")}
        </SimpleGrid>
        <Text size="sm" fw={500}>
          Evaluation
        </Text>
        {text("evaluation_suite", "Evaluation suite", { description: "The suite each phase is evaluated on" })}
        {rows.map((_, i) => (
          <Group key={i} align="flex-end" wrap="nowrap" data-testid={`protocols-acceptance-${i}`}>
            <TextInput
              label="Metric"
              style={{ flex: 2 }}
              {...form.getInputProps(`acceptance.${i}.metric`)}
              data-testid={`protocols-acceptance-${i}-metric`}
            />
            <NumberInput
              label="Threshold"
              style={{ flex: 1 }}
              decimalScale={6}
              value={rows[i]!.threshold ?? ""}
              onChange={(v) => form.setFieldValue(`acceptance.${i}.threshold`, typeof v === "number" ? v : null)}
              error={form.errors[`acceptance.${i}.threshold`]}
              data-testid={`protocols-acceptance-${i}-threshold`}
            />
            <Select
              label="Direction"
              style={{ flex: 1 }}
              data={DIRECTIONS}
              allowDeselect={false}
              {...form.getInputProps(`acceptance.${i}.direction`)}
              data-testid={`protocols-acceptance-${i}-direction`}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              size="lg"
              aria-label={`Remove metric ${i + 1}`}
              onClick={() => form.removeListItem("acceptance", i)}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        ))}
        {form.errors.acceptance && (
          <Text size="sm" c="red" data-testid="protocols-error-acceptance">
            {form.errors.acceptance}
          </Text>
        )}
        <Group>
          <Button
            variant="default"
            size="xs"
            leftSection={<IconPlus size={14} />}
            onClick={() => form.insertListItem("acceptance", { metric: "", threshold: null, direction: "higher" })}
            data-testid="protocols-add-metric"
          >
            Add acceptance metric
          </Button>
        </Group>
        <FormFooter
          saver={saver}
          refusalTitle="The protocols were not saved"
          onCancel={onClose}
          submit={{ label: "Save protocols", testId: "protocols-save" }}
        />
      </Stack>
    </form>
  );
}

export function ProtocolsModal({ pilot, opened, onClose }: { pilot: Pilot; opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title={`Protocols of ${pilot.id}`} size="xl" centered>
      {/* A fresh form per opening, loaded from the protocols as shown. */}
      {opened && <ProtocolsForm pilot={pilot} onClose={onClose} />}
    </Modal>
  );
}
