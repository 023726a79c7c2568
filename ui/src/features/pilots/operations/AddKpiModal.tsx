// Adds a KPI the pilot is judged by: its name and unit, the baseline before the pilot, the target
// and which way is better. The backend refuses a target that does not improve on the baseline in
// that direction, and a second KPI of the same name; the refusal shows beside the field.
import { Modal, NumberInput, SegmentedControl, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { api } from "../../../backend";
import type { KpiInput } from "../../../bindings/KpiInput";
import type { Pilot } from "../../../bindings/Pilot";
import { FormFooter } from "../../../components/FormFooter";
import { useSaveForm } from "../../../lib/forms";

interface Values {
  name: string;
  unit: string;
  baseline: number | "";
  target: number | "";
  better: "higher" | "lower";
}

const BLANK: Values = { name: "", unit: "", baseline: "", target: "", better: "lower" };

const typed = (label: string) => (value: number | "") =>
  typeof value === "number" && Number.isFinite(value) ? null : `Type the ${label}`;

/** The form's values as the backend takes them (the numbers are checked typed first). */
export function kpiInput(pilotId: string, v: Values): KpiInput {
  return {
    pilot_id: pilotId,
    name: v.name,
    unit: v.unit,
    baseline: Number(v.baseline),
    target: Number(v.target),
    higher_is_better: v.better === "higher",
  };
}

function KpiForm({ pilot, onClose }: { pilot: Pilot; onClose: () => void }) {
  const form = useForm<Values>({
    initialValues: BLANK,
    validate: { baseline: typed("baseline"), target: typed("target") },
  });
  const saver = useSaveForm({
    form,
    save: (v: Values) => api.pilotAddKpi(kpiInput(pilot.id, v)),
    changes: ["pilots"],
    paths: { higher_is_better: "better" },
    onSaved: (p) => {
      const added = p.kpis[p.kpis.length - 1];
      notifications.show({ color: "teal", title: "KPI added", message: `${added?.name ?? "The KPI"} of ${p.id}` });
      onClose();
    },
  });
  const { better } = form.getValues();
  return (
    <form noValidate onSubmit={form.onSubmit(saver.submit)}>
      <Stack gap="sm">
        <SimpleGrid cols={2}>
          <TextInput
            label="Name"
            placeholder="Handling time per claim"
            required
            {...form.getInputProps("name")}
            data-testid="kpi-name"
            data-autofocus
          />
          <TextInput
            label="Unit"
            placeholder="minutes, %, EUR per claim"
            required
            {...form.getInputProps("unit")}
            data-testid="kpi-unit"
          />
        </SimpleGrid>
        <div>
          <Text size="sm" fw={500} mb={4}>
            Which way is better
          </Text>
          <SegmentedControl
            data={[
              { value: "lower", label: "Lower is better" },
              { value: "higher", label: "Higher is better" },
            ]}
            value={better}
            onChange={(v) => form.setFieldValue("better", v as Values["better"])}
            data-testid="kpi-direction"
          />
          {form.errors.better && (
            <Text size="xs" c="red">
              {form.errors.better}
            </Text>
          )}
        </div>
        <SimpleGrid cols={2}>
          <NumberInput
            label="Baseline"
            description="Before the pilot"
            required
            decimalScale={4}
            {...form.getInputProps("baseline")}
            data-testid="kpi-baseline"
          />
          <NumberInput
            label="Target"
            description={better === "lower" ? "Below the baseline" : "Above the baseline"}
            required
            decimalScale={4}
            {...form.getInputProps("target")}
            data-testid="kpi-target"
          />
        </SimpleGrid>
        <FormFooter
          saver={saver}
          refusalTitle="The KPI was not added"
          onCancel={onClose}
          submit={{ label: "Add KPI", testId: "kpi-save" }}
        />
      </Stack>
    </form>
  );
}

export function AddKpiModal({ pilot, opened, onClose }: { pilot: Pilot; opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title={`Add a KPI to ${pilot.id}`} size="lg" centered>
      {opened && <KpiForm pilot={pilot} onClose={onClose} />}
    </Modal>
  );
}
