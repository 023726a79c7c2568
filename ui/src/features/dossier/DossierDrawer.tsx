// The dossier editor: every field of a use case, with the handler's refusal shown at the field
// it names, a live payback hint, its compliance sign-off, and the payback-gate override.
import {
  Alert,
  Button,
  Divider,
  Drawer,
  Group,
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
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { backend, BackendError } from "../../backend";
import type { DossierInput } from "../../bindings/DossierInput";
import type { UseCase } from "../../bindings/UseCase";
import {
  CRITERIA,
  formatPayback,
  LANE_LABEL,
  LANES,
  paybackMonths,
  RISK_CLASS_LABEL,
  RISK_CLASSES,
  STAGE_LABEL,
  STAGES,
} from "../../lib/vocabulary";
import { SignoffBadge } from "../signoffs/SignoffBadge";
import { SignOffButton } from "../signoffs/SignoffModal";
import { GateOverride } from "./GateOverride";

export type DossierTarget = { kind: "new" } | { kind: "existing"; id: string };

const CRITERION_LABEL = {
  value: "Value rating",
  criticality: "Criticality rating",
  guardrail: "Guardrail rating",
} as const;

const BLANK: DossierInput = {
  title: "",
  business_unit: "",
  description: "",
  workflow: "",
  executive_sponsor: null,
  product_owner: null,
  annual_value: 0,
  one_time_cost: 0,
  monthly_run_cost: 0,
  ratings: { value: 3, criticality: 3, guardrail: 3 },
  data_readiness: null,
  data_readiness_notes: "",
  risk_class: null,
  risk_notes: "",
  stage: "discovery",
  lane: "portfolio",
};

function toInput(u: UseCase): DossierInput {
  return {
    title: u.title,
    business_unit: u.business_unit,
    description: u.description,
    workflow: u.workflow,
    executive_sponsor: u.executive_sponsor,
    product_owner: u.product_owner,
    annual_value: u.annual_value,
    one_time_cost: u.one_time_cost,
    monthly_run_cost: u.monthly_run_cost,
    ratings: u.ratings,
    data_readiness: u.data_readiness,
    data_readiness_notes: u.data_readiness_notes,
    risk_class: u.risk_class,
    risk_notes: u.risk_notes,
    stage: u.stage,
    lane: u.requested_lane,
  };
}

/** Handler field names → form paths (ratings are nested in the form). */
function formPath(field: string): string {
  const rating = field.match(/^(value|criticality|guardrail)_rating$/);
  return rating ? `ratings.${rating[1]}` : field;
}

function isFormPath(path: string): boolean {
  return path in BLANK || (path.startsWith("ratings.") && path.slice("ratings.".length) in BLANK.ratings);
}

export function DossierDrawer({ target, onClose }: { target: DossierTarget | null; onClose: () => void }) {
  const queryClient = useQueryClient();
  const existingId = target?.kind === "existing" ? target.id : null;
  const current = useQuery({
    queryKey: ["use-case", existingId],
    queryFn: () => backend.useCase(existingId as string),
    enabled: existingId !== null,
  });
  // NumberInput yields "" when emptied; catch that here, since the backend only sees numbers.
  const amount = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? null : "Enter an amount (0 or more)");
  const rating = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? null : "Enter a rating from 1 to 5");
  // A refusal that names no field on the form (e.g. "forbidden"), shown above the buttons.
  const [refusal, setRefusal] = useState<string | null>(null);
  const form = useForm<DossierInput>({
    initialValues: BLANK,
    validate: {
      annual_value: amount,
      one_time_cost: amount,
      monthly_run_cost: amount,
      ratings: { value: rating, criticality: rating, guardrail: rating },
    },
  });

  // Load the dossier when the drawer opens on a case; a later refetch (e.g. after an override)
  // must not wipe edits the user has not saved yet.
  const loadedFor = useRef<string | null>(null);
  useEffect(() => {
    const key = target?.kind === "existing" ? target.id : (target?.kind ?? null);
    if (target?.kind === "new" && loadedFor.current !== key) {
      form.setValues(BLANK);
    } else if (current.data && (loadedFor.current !== key || !form.isDirty())) {
      form.setValues(toInput(current.data));
    } else {
      return;
    }
    loadedFor.current = key;
    form.resetDirty();
    form.clearErrors();
    setRefusal(null);
    // The form instance is stable; reload only when the target or its data changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [target, current.data]);

  const save = useMutation({
    mutationFn: (input: DossierInput) =>
      existingId ? backend.updateUseCase(existingId, input) : backend.createUseCase(input),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries();
      notifications.show({
        color: "teal",
        title: `${saved.id} saved`,
        message: `${saved.title} — ${LANE_LABEL[saved.lane]} lane`,
      });
      close();
    },
    onError: (error) => {
      const path = error instanceof BackendError && error.field ? formPath(error.field) : null;
      if (path !== null && isFormPath(path)) {
        setRefusal(null);
        form.setFieldError(path, error.message.replace(/^[a-z_.]+: /, ""));
      } else {
        setRefusal(error.message);
      }
    },
  });

  const v = form.values;
  const payback = paybackMonths(v.annual_value, v.one_time_cost, v.monthly_run_cost);
  const optionalText = (value: string) => (value.trim() === "" ? null : value);

  const close = () => {
    loadedFor.current = null;
    setRefusal(null);
    onClose();
  };
  return (
    <Drawer
      opened={target !== null}
      onClose={close}
      position="right"
      size="xl"
      title={
        <Group gap="sm">
          <Text fw={700}>{existingId ? `${existingId} · ${current.data?.title ?? ""}` : "New use case"}</Text>
          {existingId && <SignoffBadge entityId={existingId} />}
          {current.data && (
            <SignOffButton
              target={{ entityId: current.data.id, title: `${current.data.id} · ${current.data.title}` }}
              testId="dossier-sign-off"
              size="compact-sm"
              variant="light"
            />
          )}
        </Group>
      }
    >
      <form onSubmit={form.onSubmit((values) => save.mutate(values))}>
        <Stack gap="sm">
          {current.data?.lane_reason && (
            <Alert color="grape" title="In the research lane" data-testid="lane-reason">
              {current.data.lane_reason}
            </Alert>
          )}
          <TextInput label="Title" required {...form.getInputProps("title")} />
          <SimpleGrid cols={2}>
            <TextInput label="Business unit" required {...form.getInputProps("business_unit")} />
            <TextInput label="Workflow in scope" data-testid="dossier-workflow" {...form.getInputProps("workflow")} />
          </SimpleGrid>
          <Textarea label="Description" autosize minRows={2} maxRows={6} {...form.getInputProps("description")} />
          <SimpleGrid cols={2}>
            <TextInput
              label="Executive sponsor"
              value={v.executive_sponsor ?? ""}
              onChange={(e) => form.setFieldValue("executive_sponsor", optionalText(e.currentTarget.value))}
              error={form.errors.executive_sponsor}
            />
            <TextInput
              label="Product owner"
              value={v.product_owner ?? ""}
              onChange={(e) => form.setFieldValue("product_owner", optionalText(e.currentTarget.value))}
              error={form.errors.product_owner}
            />
          </SimpleGrid>
          <SimpleGrid cols={2}>
            <Select
              label="Stage"
              description="Pilot needs a current compliance sign-off"
              data-testid="dossier-stage"
              data={STAGES.map((s) => ({ value: s, label: STAGE_LABEL[s] }))}
              allowDeselect={false}
              {...form.getInputProps("stage")}
            />
            <Select
              label="Lane"
              description="The payback gate may still park it in research"
              data={LANES.map((l) => ({ value: l, label: LANE_LABEL[l] }))}
              allowDeselect={false}
              {...form.getInputProps("lane")}
            />
          </SimpleGrid>

          <Divider label="Value and cost" labelPosition="left" />
          <SimpleGrid cols={3}>
            <NumberInput
              label="Annual value"
              min={0}
              clampBehavior="none"
              thousandSeparator=","
              {...form.getInputProps("annual_value")}
            />
            <NumberInput
              label="One-time cost"
              min={0}
              clampBehavior="none"
              thousandSeparator=","
              {...form.getInputProps("one_time_cost")}
            />
            <NumberInput
              label="Monthly run cost"
              min={0}
              clampBehavior="none"
              thousandSeparator=","
              {...form.getInputProps("monthly_run_cost")}
            />
          </SimpleGrid>
          <Text size="sm" c="dimmed" data-testid="payback-hint">
            Payback: {formatPayback(payback)}
          </Text>

          <Divider label="Scoring (1–5)" labelPosition="left" />
          <SimpleGrid cols={3}>
            {CRITERIA.map((key) => (
              <NumberInput
                key={key}
                label={CRITERION_LABEL[key]}
                min={1}
                max={5}
                step={1}
                clampBehavior="none"
                decimalScale={1}
                {...form.getInputProps(`ratings.${key}`)}
              />
            ))}
          </SimpleGrid>

          <Divider label="Readiness and risk" labelPosition="left" />
          <SimpleGrid cols={2}>
            <Select
              label="Data readiness"
              placeholder="Not assessed"
              data={["1", "2", "3", "4", "5"]}
              value={v.data_readiness === null ? null : String(v.data_readiness)}
              onChange={(value) => form.setFieldValue("data_readiness", value === null ? null : Number(value))}
              error={form.errors.data_readiness}
              clearable
            />
            <Select
              label="EU AI Act risk class"
              placeholder="Not assessed"
              data={RISK_CLASSES.map((r) => ({ value: r, label: RISK_CLASS_LABEL[r] }))}
              clearable
              {...form.getInputProps("risk_class")}
            />
          </SimpleGrid>
          <SimpleGrid cols={2}>
            <Textarea
              label="Data readiness notes"
              autosize
              minRows={1}
              {...form.getInputProps("data_readiness_notes")}
            />
            <Textarea label="Risk notes" autosize minRows={1} {...form.getInputProps("risk_notes")} />
          </SimpleGrid>

          {refusal && (
            <Alert color="red" title="The dossier was not saved" data-testid="dossier-error">
              {refusal}
            </Alert>
          )}
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="save-dossier">
              {existingId ? "Save dossier" : "Create use case"}
            </Button>
          </Group>
        </Stack>
      </form>
      {current.data && <GateOverride useCase={current.data} />}
    </Drawer>
  );
}
