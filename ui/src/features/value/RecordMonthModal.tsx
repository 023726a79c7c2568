// Records one month of a use case by hand: the benefit realised and the cost incurred that month,
// a qualitative highlight (kept with the name of the person working) and KPI values. A month
// already recorded is replaced only once the person says so: the form asks first, then sends
// `replace`, and the backend keeps the before and after on the audit trail.
import {
  ActionIcon,
  Alert,
  Button,
  Group,
  Modal,
  NumberInput,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import { useState } from "react";
import { api } from "../../backend";
import type { MonthInput } from "../../bindings/MonthInput";
import type { UseCaseValue } from "../../bindings/UseCaseValue";
import { FormRefusal } from "../../components/FormRefusal";
import { localMonth } from "../../lib/compliance";
import { useSaveForm } from "../../lib/forms";
import { useMoney, useMoneyInput } from "../../lib/money";
import { currentMonth } from "./valueData";

interface KpiRow {
  kpi: string;
  value: number | "";
}

export interface MonthValues {
  month: string;
  benefit: number | "";
  cost: number | "";
  highlight: string;
  kpis: KpiRow[];
  replace: boolean;
}

/** The form's KPI rows sent: those with a value (a KPI not measured this month is left blank). */
function measured(kpis: readonly KpiRow[]): number[] {
  return kpis.flatMap((k, i) => (k.value === "" ? [] : [i]));
}

/** The form's values as the backend takes them (the numbers are checked typed first). */
export function monthInput(useCaseId: string, v: MonthValues): MonthInput {
  return {
    use_case_id: useCaseId,
    month: v.month.trim(),
    benefit: Number(v.benefit),
    cost: Number(v.cost),
    highlight: v.highlight,
    kpis: measured(v.kpis).map((i) => ({ kpi: v.kpis[i]!.kpi, value: Number(v.kpis[i]!.value) })),
    replace: v.replace,
  };
}

const typed = (what: string) => (value: number | "") =>
  typeof value === "number" && Number.isFinite(value) ? null : `Type the ${what}, 0 if none`;

/** The backend names the KPIs it was sent `kpis[1].value`; the form's row is `kpis.<row>.value`. */
function kpiPaths(kpis: readonly KpiRow[]): Record<string, string> {
  const paths: Record<string, string> = {};
  measured(kpis).forEach((row, sent) => {
    paths[`kpis[${sent}].kpi`] = `kpis.${row}.kpi`;
    paths[`kpis[${sent}].value`] = `kpis.${row}.value`;
  });
  return paths;
}

/** The row a list field's path names ("kpis.2.kpi" → 2). */
const rowOf = (path: string) => Number(path.split(".")[1]);

function MonthForm({ value, onClose }: { value: UseCaseValue; onClose: () => void }) {
  const money = useMoney();
  const moneyInput = useMoneyInput();
  const form = useForm<MonthValues>({
    initialValues: {
      month: currentMonth(),
      benefit: "",
      cost: "",
      highlight: "",
      // The KPIs the case already reports, to fill in; more can be added.
      kpis: value.kpis.map((kpi) => ({ kpi, value: "" })),
      replace: false,
    },
    validate: {
      month: (m) => (/^\d{4}-\d{2}$/.test(m.trim()) ? null : "Give the month as YYYY-MM, e.g. 2026-05"),
      benefit: typed("benefit"),
      cost: typed("cost"),
      kpis: {
        kpi: (name, values, path) =>
          name.trim() === "" && values.kpis[rowOf(path)]?.value !== "" ? "Name the KPI, or remove the row" : null,
        value: (v) => (v === "" || Number.isFinite(v) ? null : "Type a number, or leave it empty"),
      },
    },
  });
  // The month already recorded that this save would replace, once the person was asked.
  const [confirming, setConfirming] = useState<string | null>(null);
  const v = form.getValues();
  const saver = useSaveForm({
    form,
    save: (values: MonthValues) => api.valueRecordMonth(monthInput(value.use_case_id, values)),
    changes: ["value"],
    paths: kpiPaths(v.kpis),
    onSaved: (saved) => {
      const month = form.getValues().month.trim();
      notifications.show({
        color: "teal",
        title: `${localMonth(month)} ${form.getValues().replace ? "replaced" : "recorded"}`,
        message: `${saved.use_case_id} ${saved.title}`,
      });
      onClose();
    },
  });
  const recorded = (month: string) => value.months.find((m) => m.month === month.trim()) ?? null;
  const submit = (values: MonthValues) => {
    if (recorded(values.month) && !values.replace) setConfirming(values.month.trim());
    else saver.submit(values);
  };
  const replaceConfirmed = () => {
    form.setFieldValue("replace", true);
    saver.submit({ ...form.getValues(), replace: true });
  };
  const existing = confirming ? recorded(confirming) : null;

  return (
    <form noValidate onSubmit={form.onSubmit(submit)}>
      <Stack gap="sm">
        <SimpleGrid cols={3}>
          <TextInput
            label="Month"
            description="YYYY-MM"
            placeholder="2026-05"
            required
            {...form.getInputProps("month")}
            onChange={(e) => {
              // Another month is another question: ask again if it is recorded too.
              form.setFieldValue("month", e.currentTarget.value);
              form.setFieldValue("replace", false);
              setConfirming(null);
            }}
            data-testid="value-record-month"
            data-autofocus
          />
          <NumberInput
            label={moneyInput.label("Benefit")}
            description="Realised this month"
            required
            min={0}
            clampBehavior="none"
            decimalScale={2}
            {...moneyInput.props}
            {...form.getInputProps("benefit")}
            data-testid="value-record-benefit"
          />
          <NumberInput
            label={moneyInput.label("Cost")}
            description="Incurred this month"
            required
            min={0}
            clampBehavior="none"
            decimalScale={2}
            {...moneyInput.props}
            {...form.getInputProps("cost")}
            data-testid="value-record-cost"
          />
        </SimpleGrid>
        <Textarea
          label="Highlight"
          description="What the month brought, in a sentence or two for the steering committee; kept with your name"
          autosize
          minRows={2}
          {...form.getInputProps("highlight")}
          data-testid="value-record-highlight"
        />
        <Stack gap={6}>
          <Group justify="space-between">
            <Text size="sm" fw={500}>
              KPI values
            </Text>
            <Button
              variant="subtle"
              size="xs"
              leftSection={<IconPlus size={14} />}
              onClick={() => form.insertListItem("kpis", { kpi: "", value: "" })}
              data-testid="value-record-kpi-add"
            >
              Add KPI
            </Button>
          </Group>
          <Text size="sm" c="dimmed">
            {v.kpis.length === 0
              ? "None: add the KPIs measured this month, if any."
              : "A KPI left empty was not measured this month and is not recorded."}
          </Text>
          {v.kpis.map((_, i) => (
            <Group key={i} gap="xs" align="flex-start" wrap="nowrap">
              <TextInput
                placeholder="KPI"
                aria-label={`KPI ${i + 1}`}
                style={{ flex: 2 }}
                {...form.getInputProps(`kpis.${i}.kpi`)}
                data-testid={`value-record-kpi-name-${i}`}
              />
              <NumberInput
                placeholder="Value"
                aria-label={`Value of KPI ${i + 1}`}
                style={{ flex: 1 }}
                decimalScale={4}
                {...form.getInputProps(`kpis.${i}.value`)}
                data-testid={`value-record-kpi-value-${i}`}
              />
              <ActionIcon
                variant="subtle"
                color="gray"
                mt={6}
                aria-label={`Remove KPI ${i + 1}`}
                onClick={() => form.removeListItem("kpis", i)}
              >
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
          ))}
        </Stack>
        {existing && confirming && (
          <Alert
            color="orange"
            title={`${localMonth(confirming)} is already recorded`}
            data-testid="value-record-exists"
          >
            <Stack gap="xs">
              <Text size="sm">
                It holds a benefit of {money.format(existing.benefit)} and a cost of {money.format(existing.cost)}
                {existing.recorded_by ? `, recorded by ${existing.recorded_by}` : ""}. Replace it with these figures?
                The audit trail keeps what it held.
              </Text>
              <Group justify="flex-end" gap="xs">
                <Button variant="default" size="xs" onClick={() => setConfirming(null)}>
                  Keep it
                </Button>
                <Button
                  color="orange"
                  size="xs"
                  onClick={replaceConfirmed}
                  loading={saver.pending}
                  data-testid="value-record-replace-confirm"
                >
                  Replace {localMonth(confirming)}
                </Button>
              </Group>
            </Stack>
          </Alert>
        )}
        <FormRefusal refusal={saver.refusal} title="The month was not recorded" onClose={saver.dismiss} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button
            type="submit"
            loading={saver.pending}
            disabled={confirming !== null}
            data-testid="value-record-submit"
          >
            Record month
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function RecordMonthModal({
  value,
  opened,
  onClose,
}: {
  value: UseCaseValue;
  opened: boolean;
  onClose: () => void;
}) {
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={`Record a month of ${value.use_case_id} ${value.title}`}
      size="lg"
      centered
    >
      {opened && <MonthForm value={value} onClose={onClose} />}
    </Modal>
  );
}
